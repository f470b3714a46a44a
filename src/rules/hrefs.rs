//! What a link's address says about it: it shares the page, follows the site on a network,
//! leads to an app store, a sign-up or checkout page, an author's page, the site's home or a
//! phone number.

/// Links whose target says "sign in", "sign up", "subscribe" or "get the app".
const CTA_HREF: &[&str] = &[
    "signup",
    "sign-up",
    "sign_up",
    "register",
    "subscribe",
    "subscription",
    "login",
    "log-in",
    "signin",
    "sign-in",
    "apps.apple.com",
    "itunes.apple.com",
    "play.google.com",
    "checkout",
    "/offer",
    "trial",
];

/// Link targets that share the page on a social network or by mail.
const SHARE_HREF: &[&str] = &[
    "sharer",
    "/intent/tweet",
    "/intent/post",
    "sharearticle",
    "/share/url",
    "/share?",
    "/sharing/",
    "wa.me/",
    "api.whatsapp.com/send",
    "whatsapp://send",
    "pinterest.com/pin/create",
    "reddit.com/submit",
    "mailto:?",
    "addtoany.com/share",
    "tumblr.com/share",
    "flipboard.com/bookmarklet",
];

/// Link targets in app stores.
const APP_HREF: &[&str] = &[
    "apps.apple.com",
    "itunes.apple.com",
    "play.google.com/store",
    "appgallery.huawei.com",
    "onelink.me",
    "app.adjust.com",
    "app.link/",
    "microsoft.com/store/apps",
];

/// A link that calls a number: `tel:` (and `callto:`, Skype's older form).
pub(crate) fn is_phone_href(href: &str) -> bool {
    let href = href.trim_start();
    ["tel:", "callto:"].iter().any(|scheme| {
        href.get(..scheme.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(scheme))
    })
}

pub(crate) fn is_app_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    APP_HREF.iter().any(|h| href.contains(h))
}

/// Social networks' hosts: a link there that does not share the page follows the site.
const FOLLOW_HOSTS: &[&str] = &[
    "facebook.com/",
    "twitter.com/",
    "x.com/",
    "instagram.com/",
    "linkedin.com/",
    "youtube.com/",
    "tiktok.com/",
    "pinterest.com/",
    "threads.net/",
    "bsky.app/",
    "mastodon.social/",
    "t.me/",
    "snapchat.com/",
    "tumblr.com/",
];

/// A link to a profile on a social network (`https://www.instagram.com/site`), by its host.
pub(crate) fn is_follow_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .or_else(|| href.strip_prefix("//"))
    else {
        return false;
    };
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    FOLLOW_HOSTS.iter().any(|h| rest.starts_with(h))
}

/// A link to the site's home page: `/`, or a whole URL with no path (`https://example.com/`).
pub(crate) fn is_home_href(href: &str) -> bool {
    let href = href.trim();
    match ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| href.strip_prefix(scheme))
    {
        Some(rest) => {
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            !host.is_empty() && matches!(path, "" | "/")
        }
        None => href == "/",
    }
}

pub(crate) fn is_share_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    SHARE_HREF.iter().any(|h| href.contains(h))
}

pub(crate) fn is_cta_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    CTA_HREF.iter().any(|h| href.contains(h))
}

/// Whether a link leads to an author's page: a path segment `author`, `authors`, `autor` or
/// `auteur` followed by the author's slug.
pub(crate) fn is_author_href(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    while let Some(s) = segments.next() {
        if matches!(
            s.to_ascii_lowercase().as_str(),
            "author" | "authors" | "autor" | "autores" | "auteur" | "auteurs"
        ) {
            return segments.next().is_some();
        }
    }
    false
}
