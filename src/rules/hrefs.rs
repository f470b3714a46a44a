//! What a link's address says about it: it shares the page, follows the site on a network,
//! leads to an app store, a sign-up or checkout page, an author's page, the site's home or a
//! phone number.

/// Links whose target says "sign in", "sign up" or "subscribe" (an app store's, "get the app",
/// is `is_app_href`).
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

/// What else the stores sell under the same hosts: a book, an album or a film on Apple's or
/// Google's store is a place to buy what the article talks about (a list of booksellers beside
/// "Amazon", "Kobo"), not an app to install.
const STORE_MEDIA: &[&str] = &[
    "/artist/",
    "/book/",
    "/audiobook/",
    "/album/",
    "/movie/",
    "/tv-season/",
    "/podcast/",
    "/store/books",
    "/store/movies",
    "/store/music",
];

/// A link to an app in an app store (not to a book, an album or a film the same store sells).
pub(crate) fn is_app_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    APP_HREF.iter().any(|h| href.contains(h)) && !STORE_MEDIA.iter().any(|m| href.contains(m))
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
    let lower = href.to_ascii_lowercase();
    CTA_HREF.iter().any(|h| lower.contains(h)) || is_app_href(href)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_app_in_a_store_is_an_app_and_a_book_or_a_podcast_there_is_not() {
        for app in [
            "https://apps.apple.com/us/app/the-times/id123",
            "https://itunes.apple.com/app/id456",
            "https://play.google.com/store/apps/details?id=com.example.news",
            "https://example.onelink.me/abc",
        ] {
            assert!(is_app_href(app), "{app}");
            assert!(is_cta_href(app), "{app}");
        }
        for media in [
            "https://itunes.apple.com/us/artist/georgette-heyer/id52437463?mt=11",
            "https://itunes.apple.com/us/podcast/id1095401893",
            "https://books.apple.com/us/book/id99",
            "https://play.google.com/store/books/details?id=abc",
        ] {
            assert!(!is_app_href(media), "{media}");
            assert!(!is_cta_href(media), "{media}");
        }
    }

    #[test]
    fn a_number_to_call_is_a_phone_link() {
        assert!(is_phone_href("tel:+18005550100"));
        assert!(is_phone_href("  TEL:800-722-5934"));
        assert!(is_phone_href("callto:northside"));
        assert!(!is_phone_href("/contact"));
        assert!(!is_phone_href("https://example.com/tel:"));
        assert!(!is_phone_href("te"));
    }
}
