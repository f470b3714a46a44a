//! Class, id and role hints: what the words in an element's attributes say about it.
//!
//! Attribute values are split into words on `-`, `_`, spaces and camelCase humps, so
//! `promo-strip__inner`, `promoStrip` and `promo_strip` all contain the word `promo`. Short hints
//! match whole words only (`ad` must not match `header` or `shadow`).

use crate::category::Category;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashMap;
use std::sync::OnceLock;
use Category::{Ad, AppPromo, Newsletter, Related, Social, Subscribe};
use HintStrength::{Strong, Weak};

/// How much a hint word says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintStrength {
    /// Names the block's job: `paywall`, `newsletter`, `related`, `share`, `advertisement`.
    Strong,
    /// Also names layout and buttons: `promo`, `cta`, `offer`, `rail`, `popular`, `ad`.
    Weak,
}

/// A chrome hint found in an attribute value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// The kind of chrome the word points to.
    pub category: Category,
    /// The hint word (or compound) that matched.
    pub token: &'static str,
    /// How much the word says on its own.
    pub strength: HintStrength,
}

/// Words that, right after `ad` or `ads` in one class name, say the opposite: `ad-exclude`,
/// `ad-free`, `ads-none`, `ad-blocker`, `adblock`'s `ad-block`.
const AD_NEGATIONS_AFTER: &[&str] = &[
    "exclude", "excluded", "free", "none", "blocker", "block", "blocked", "less",
];

/// Words that, right before `ad` or `ads` in one class name, say the opposite: `no-ads`.
/// (Not `block`: Drupal names every block so, and `block-ad` is its block holding an ad.)
const AD_NEGATIONS_BEFORE: &[&str] = &["no", "non"];

/// For each word of a value, in `any_word`'s order, whether it is an ad word that a negation
/// beside it in the same class name turns around (`no-ads`, `ad-free`). A negation elsewhere
/// in the value says nothing of it: Bootstrap's `no-gutters` beside `ad-slot`.
fn negated_ad_words(value: &str) -> Vec<bool> {
    let mut out = Vec::new();
    for token in value.split_whitespace() {
        let mut words = Vec::new();
        any_word(token, |w| {
            words.push(w.to_owned());
            false
        });
        for (k, w) in words.iter().enumerate() {
            let ad = matches!(w.as_str(), "ad" | "ads");
            let before = k > 0 && AD_NEGATIONS_BEFORE.contains(&words[k - 1].as_str());
            let after = words
                .get(k + 1)
                .is_some_and(|n| AD_NEGATIONS_AFTER.contains(&n.as_str()));
            out.push(ad && (before || after));
        }
    }
    out
}

/// Words that name a chrome block, the category each names, and how strongly.
pub static CHROME_WORDS: &[(&str, Category, HintStrength)] = &[
    // Paywall gates, meters, upsells and their sign-in/sign-up boxes.
    ("paywall", Subscribe, Strong),
    ("regwall", Subscribe, Strong),
    ("gate", Subscribe, Weak),
    ("upsell", Subscribe, Strong),
    ("subscribe", Subscribe, Strong),
    ("subscription", Subscribe, Strong),
    ("subscriber", Subscribe, Strong),
    ("membership", Subscribe, Weak),
    ("promo", Subscribe, Weak),
    ("cta", Subscribe, Weak),
    ("offer", Subscribe, Weak),
    ("signup", Subscribe, Weak),
    ("meter", Subscribe, Weak),
    ("piano", Subscribe, Weak),
    ("barrier", Subscribe, Weak),
    ("donate", Subscribe, Weak),
    ("donation", Subscribe, Weak),
    ("donations", Subscribe, Weak),
    // A site-wide bar over the page: a sale, free shipping, a campaign (see `BAR_WORDS`).
    ("announcement", Subscribe, Weak),
    ("sitewide", Subscribe, Weak),
    ("site-wide", Subscribe, Weak),
    // Newsletter boxes.
    ("newsletter", Newsletter, Strong),
    ("newsletters", Newsletter, Strong),
    ("mailinglist", Newsletter, Strong),
    ("optin", Newsletter, Strong),
    // Rails of other stories.
    ("related", Related, Strong),
    ("recommended", Related, Strong),
    ("recommendations", Related, Strong),
    ("recirc", Related, Strong),
    ("rail", Related, Weak),
    ("picks", Related, Weak),
    ("trending", Related, Strong),
    ("popular", Related, Weak),
    ("mostread", Related, Strong),
    ("outbrain", Ad, Strong),
    ("taboola", Ad, Strong),
    ("teasers", Related, Strong),
    ("relatedposts", Related, Strong),
    ("relatedarticles", Related, Strong),
    ("relatedstories", Related, Strong),
    ("morestories", Related, Strong),
    ("most-read", Related, Strong),
    ("most-popular", Related, Strong),
    ("most-shared", Related, Strong),
    ("most-viewed", Related, Strong),
    ("you-may-like", Related, Strong),
    ("you-might-like", Related, Strong),
    ("read-next", Related, Strong),
    ("further-reading", Related, Strong),
    ("more-stories", Related, Strong),
    ("also-read", Related, Strong),
    ("whats-next", Related, Strong),
    // App banners.
    ("app-promo", AppPromo, Strong),
    ("app-banner", AppPromo, Strong),
    ("smartbanner", AppPromo, Strong),
    ("appstore", AppPromo, Strong),
    ("download-app", AppPromo, Strong),
    ("get-app", AppPromo, Strong),
    ("get-the-app", AppPromo, Strong),
    ("app-install", AppPromo, Strong),
    ("app-download", AppPromo, Strong),
    ("apps", AppPromo, Weak),
    // Share and follow bars.
    ("share", Social, Strong),
    ("sharing", Social, Strong),
    ("social", Social, Weak),
    ("sharebar", Social, Strong),
    ("follow-us", Social, Strong),
    // Share widgets' own names.
    ("addtoany", Social, Strong),
    ("addthis", Social, Strong),
    ("sharethis", Social, Strong),
    ("shareaholic", Social, Strong),
    ("sharedaddy", Social, Strong),
    // Ad slots.
    ("ad", Ad, Weak),
    ("ads", Ad, Weak),
    ("advert", Ad, Strong),
    ("advertisement", Ad, Strong),
    ("adslot", Ad, Strong),
    ("ad-slot", Ad, Strong),
    ("sponsored", Ad, Strong),
    ("sponsors", Ad, Weak),
    ("dfp", Ad, Strong),
    ("gpt-ad", Ad, Strong),
];

/// Hint words that name a site-wide bar over the page ("Free shipping over $60", "Switch and
/// file for free by 2/28"): the site's standing offer, not the page's content.
pub static BAR_WORDS: &[&str] = &["announcement", "sitewide", "site-wide"];

/// Path segments under which a site files its posts and stories (`/blog/…`, `/news/…`): a page
/// at such an address is a post whether or not it prints its date. Measured on WCXB's
/// development pages: these (with a year segment, `/2025/…`) mark 356 of 792 article pages and
/// 4 of 240 pages of other kinds.
pub static POST_PATH_WORDS: &[&str] = &[
    "blog",
    "blogs",
    "news",
    "article",
    "articles",
    "story",
    "stories",
    "post",
    "posts",
    "insights",
    "magazine",
    "guide",
    "guides",
    "learn",
    "resources",
];

/// Words of a breadcrumb trail's class, id or label: navigation, whatever its entries say.
pub static BREADCRUMB_WORDS: &[&str] = &["breadcrumb", "breadcrumbs"];

/// Words that suggest article content; they raise a block's article score.
pub static ARTICLE_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "articlebody",
];

/// Words that suggest page furniture; they lower a block's article score.
pub static FURNITURE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "footer",
    "foot",
    "footnote",
    "masthead",
    "meta",
    "sidebar",
    "widget",
    "nav",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "pager",
    "popup",
    "modal",
    "banner",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "tools",
    "header",
    "combx",
    "disqus",
    "rss",
    "gdpr",
    "cookie",
    "consent",
    "skip",
    "byline",
    "author",
    "caption",
    "credit",
];

/// Splits an attribute value into lower-case words (see the module comment).
pub fn words(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    any_word(value, |w| {
        out.push(w.to_owned());
        false
    });
    out
}

/// Calls `found` with each lower-case word of an attribute value (see the module comment), in
/// order, until it returns true; says whether it did. Allocates one buffer, not one per word.
pub fn any_word(value: &str, mut found: impl FnMut(&str) -> bool) -> bool {
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                if found(&cur) {
                    return true;
                }
                cur.clear();
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                if found(&cur) {
                    return true;
                }
                cur.clear();
            }
        }
    }
    !cur.is_empty() && found(&cur)
}

/// Whether any word of any of the values is one of `wanted`.
pub fn says_any(values: &[&str], wanted: &[&str]) -> bool {
    values
        .iter()
        .any(|v| !v.is_empty() && any_word(v, |w| wanted.contains(&w)))
}

/// A case-insensitive matcher for any of the words (or compound parts) in a list: most
/// attribute values contain none, and this rules them out without splitting or allocating.
fn prefilter<'a>(words: impl Iterator<Item = &'a str>) -> AhoCorasick {
    let parts: Vec<&str> = words.flat_map(|w| w.split('-')).collect();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(parts)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty matcher"))
}

fn chrome_prefilter() -> &'static AhoCorasick {
    static M: OnceLock<AhoCorasick> = OnceLock::new();
    M.get_or_init(|| prefilter(CHROME_WORDS.iter().map(|(w, _, _)| *w)))
}

fn lean_prefilter() -> &'static AhoCorasick {
    static M: OnceLock<AhoCorasick> = OnceLock::new();
    M.get_or_init(|| prefilter(ARTICLE_WORDS.iter().chain(FURNITURE_WORDS).copied()))
}

/// Class prefixes that say what a block holds or sits beside, not what it is: `has-rail-right`
/// is the main column beside a rail, `with-sidebar` a layout with one, WordPress's
/// `has-background` a styled paragraph.
pub static HOLDING_PREFIXES: &[&str] = &["has-", "with-"];

/// An attribute value without its `HOLDING_PREFIXES` tokens (borrowed when it has none).
fn what_it_is(value: &str) -> std::borrow::Cow<'_, str> {
    let holds = |t: &str| HOLDING_PREFIXES.iter().any(|p| t.starts_with(p));
    if !value.split_ascii_whitespace().any(holds) {
        return std::borrow::Cow::Borrowed(value);
    }
    let kept: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|t| !holds(t))
        .collect();
    std::borrow::Cow::Owned(kept.join(" "))
}

/// The first chrome hint found in an attribute value's words.
pub fn chrome_hint(value: &str) -> Option<Hint> {
    if value.is_empty() || !chrome_prefilter().is_match(value) {
        return None;
    }
    let value = &*what_it_is(value);
    // Single words: the hint that comes first in `CHROME_WORDS` wins.
    let mut single: Option<usize> = None;
    // How often each single hint word was said: a few slots on the stack (a value names a
    // handful of hints at most; any beyond the slots count once).
    let mut said = [(usize::MAX, 0u32); 8];
    let negations = negated_ad_words(value);
    let negated = negations.contains(&true);
    let mut at = 0;
    let mut joined = String::with_capacity(value.len());
    any_word(value, |w| {
        if !joined.is_empty() {
            joined.push('-');
        }
        joined.push_str(w);
        let this_negated = negations.get(at).copied().unwrap_or(false);
        at += 1;
        if let Some(&i) = single_words().get(w) {
            if !this_negated {
                if let Some(slot) = said.iter_mut().find(|(j, _)| *j == i || *j == usize::MAX) {
                    *slot = (i, slot.1 + 1);
                }
                // A strong word beats a weak one (`newsletter-promo` is a newsletter box);
                // between equals, the one said more often (`internal-ad promo block-ad` is an
                // ad), then the one listed first.
                let count = |i: usize| said.iter().find(|(j, _)| *j == i).map_or(1, |(_, n)| *n);
                let rank = |i: usize| (CHROME_WORDS[i].2 == Weak, std::cmp::Reverse(count(i)), i);
                single = Some(single.map_or(i, |s| if rank(i) < rank(s) { i } else { s }));
            }
        }
        false
    });
    // Compound hints first: `app-promo` says more than `promo`.
    // (Whole words: `read-next` is not in `thread-next`.)
    let compound = CHROME_WORDS
        .iter()
        .filter(|(hint, _, _)| hint.contains('-'))
        .find(|(hint, _, _)| {
            joined.match_indices(hint).any(|(at, _)| {
                let end = at + hint.len();
                (at == 0 || joined.as_bytes()[at - 1] == b'-')
                    && (end == joined.len() || joined.as_bytes()[end] == b'-')
            })
        });
    // (A compound ad word beside a negation, `ad-slot-free`, is turned around too.)
    compound
        .filter(|(_, category, _)| !(negated && *category == Ad))
        .or_else(|| single.map(|i| &CHROME_WORDS[i]))
        .map(|&(token, category, strength)| Hint {
            category,
            token,
            strength,
        })
}

/// The single-word chrome hints, each with its place in `CHROME_WORDS`.
fn single_words() -> &'static HashMap<&'static str, usize> {
    static M: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    M.get_or_init(|| {
        CHROME_WORDS
            .iter()
            .enumerate()
            .filter(|(_, (hint, _, _))| !hint.contains('-'))
            .map(|(i, (hint, _, _))| (*hint, i))
            .collect()
    })
}

/// Class prefixes a page builder gives every element it draws, whatever the element holds:
/// Elementor wraps each heading and each paragraph of an article in `elementor-widget` and
/// `elementor-widget-container`, so the furniture word "widget" in them says nothing. (A
/// WordPress sidebar's own `widget widget_recent_entries` still leans away.) Measured on WCXB's 792
/// articles: one Elementor article had come out as a tagline in its menu's panel, five more
/// lost short text blocks of their own, three now keep a line of chrome; word F1 0.949 -> 0.951.
pub static BUILDER_PREFIXES: &[&str] = &["elementor-widget"];

/// +1 for an article word, -1 for a furniture word, 0 for neither or both. A furniture word in
/// a page builder's own class (`BUILDER_PREFIXES`) does not count.
pub fn article_lean(value: &str) -> i32 {
    if value.is_empty() || !lean_prefilter().is_match(value) {
        return 0;
    }
    let (mut pos, mut neg) = (false, false);
    for token in what_it_is(value).split_ascii_whitespace() {
        let builder = BUILDER_PREFIXES.iter().any(|p| token.starts_with(p));
        any_word(token, |w| {
            pos |= ARTICLE_WORDS.contains(&w);
            neg |= FURNITURE_WORDS.contains(&w) && !builder;
            pos && neg
        });
    }
    i32::from(pos) - i32::from(neg)
}

/// Names of a shop's stock alert ("back-in-stock", "restock", "notify-me"): its e-mail field
/// asks when the product returns, which is the page's function, not a newsletter.
pub static STOCK_ALERT_WORDS: &[&str] = &[
    "back-in-stock",
    "backinstock",
    "restock",
    "stock-alert",
    "stock-alerts",
    "stock-notification",
    "notify-me",
];

// ---- Words of blocks the judge treats apart -----------------------------------------------

/// Words that make a block a comment section: comments are the page, never a prompt.
pub static COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "respond",
    "reply",
    "replies",
    "disqus",
    "discussion",
];

/// Hint words that name a paywall or a sign-in wall, which no shop or pricing page has.
pub static GATE_HINTS: &[&str] = &["paywall", "regwall", "meter", "piano", "barrier", "gate"];

/// Words in a box's name that say it signs the reader up, whatever its call to action is.
pub static SIGNUP_WORDS: &[&str] = &[
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "membership",
];

/// Hint words that name a box by its call to action rather than by what it sells.
pub static PROMO_HINTS: &[&str] = &["cta", "promo"];

/// Words of a cookie-consent box's names and labels (`onetrust-consent-sdk`, `aria-label="Cookie
/// banner"`): its paragraphs of legal prose are never the article.
pub static CONSENT_WORDS: &[&str] = &["consent", "onetrust", "gdpr", "cookiebot", "didomi"];

/// Whole class names of a design system's site-identity banner: the U.S. Web Design System's
/// "An official website of the United States government / Here's how you know" strip above
/// every .gov site's masthead (its folded explanation is two paragraphs of prose that must not
/// win the article).
pub static SITE_BANNER_CLASSES: &[&str] = &["usa-banner"];

/// Class, id and attribute words of the pieces of an article's header.
pub static HEADER_WORDS: &[&str] = &[
    "byline",
    "author",
    "authors",
    "date",
    "dateline",
    "published",
    "datepublished",
    "timestamp",
    "pubdate",
    "standfirst",
    "dek",
    "deck",
    "subtitle",
    "subheadline",
    "subhead",
    "lede",
    "lead",
    "summary",
    "excerpt",
    "headline",
    "kicker",
];

// ---- Words of icon controls --------------------------------------------------------------------

/// Words of an icon control's label (`aria-label`, `title`) that share the page: "Share via
/// Facebook", "Auf Facebook teilen", "Partager sur X".
const SHARE_LABEL_WORDS: &[&str] = &[
    "share",
    "teilen",
    "partager",
    "compartir",
    "condividi",
    "compartilhar",
    "delen",
];

/// Whether a control's label says it shares the page.
pub(crate) fn says_share(label: &str) -> bool {
    says_any(&[label], SHARE_LABEL_WORDS)
}

// ---- Words of form fields -------------------------------------------------------------------

/// Words in an input's name, id, class or placeholder (or a form's action) that ask for an
/// e-mail address.
pub(crate) const EMAIL_WORDS: &[&str] = &["email", "e-mail", "mail", "courriel", "correo"];

/// Words that make a field or form a search box.
pub(crate) const SEARCH_WORDS: &[&str] = &[
    "search",
    "query",
    "keyword",
    "keywords",
    "suche",
    "recherche",
    "buscar",
    "cerca",
    "zoek",
    "pesquisa",
];

/// Whether any word of `value` (split as class names are) is one of `words`.
pub(crate) fn mentions(value: &str, words: &[&str]) -> bool {
    says_any(&[value], words) || {
        let lower = value.to_ascii_lowercase();
        words.iter().any(|w| w.contains('-') && lower.contains(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_bem_and_camel_case() {
        assert_eq!(words("promo-strip__inner"), ["promo", "strip", "inner"]);
        assert_eq!(
            words("storyGate mostRead"),
            ["story", "gate", "most", "read"]
        );
    }

    #[test]
    fn short_hints_match_whole_words_only() {
        let hint = |v| chrome_hint(v).map(|h| (h.category, h.token));
        assert_eq!(hint("site-header shadow"), None);
        assert_eq!(hint("ad-slot top"), Some((Ad, "ad-slot")));
        assert_eq!(hint("top ad"), Some((Ad, "ad")));
        assert_eq!(hint("story-gate"), Some((Subscribe, "gate")));
        assert_eq!(hint("app-promo"), Some((AppPromo, "app-promo")));
        assert_eq!(hint("ad-exclude"), None);
        assert_eq!(
            hint("c-newsletter--promo"),
            Some((Newsletter, "newsletter"))
        );
        assert!(says_share("Share via Facebook") && says_share("Auf Facebook teilen"));
        assert!(!says_share("Shareholders' letter") && !says_share("Close"));
        assert_eq!(hint("internal-ad promo block-ad"), Some((Ad, "ad")));
        assert_eq!(hint("no-gutters ad-container"), Some((Ad, "ad")));
        assert_eq!(hint("ad-block-notice"), None);
        assert_eq!(hint("ads-free-banner"), None);
        assert_eq!(hint("no-ads product-card"), None);
        assert_eq!(hint("jp-relatedposts"), Some((Related, "relatedposts")));
        assert_eq!(hint("mostShared link-flow"), Some((Related, "most-shared")));
        assert_eq!(hint("you-may-like grid"), Some((Related, "you-may-like")));
        // Compounds match whole words too.
        assert_eq!(hint("thread-next-page"), None);
        // Between weak words, the one said more often.
        assert_eq!(hint("promo ad-wrapper ad-unit"), Some((Ad, "ad")));
        assert_eq!(hint("ad page-ad ad-right-rail"), Some((Ad, "ad")));
        assert_eq!(hint("a2a_kit addtoany_list"), Some((Social, "addtoany")));
        assert_eq!(hint("get-appetizers"), None);
        assert_eq!(
            chrome_hint("newsletter-box").map(|h| h.strength),
            Some(Strong)
        );
        assert_eq!(chrome_hint("hero-cta").map(|h| h.strength), Some(Weak));
        assert_eq!(article_lean("article-text"), 1);
        assert_eq!(article_lean("site-footer"), -1);
    }

    #[test]
    fn a_name_for_what_a_block_holds_is_not_what_it_is() {
        assert_eq!(chrome_hint("main-wrap has-rail-right"), None);
        assert!(chrome_hint("right-rail").is_some());
        assert_eq!(article_lean("content with-sidebar"), 1);
        // A page builder's box around every paragraph leans neither way; a sidebar's widget
        // still leans away.
        assert_eq!(article_lean("elementor-widget-container"), 0);
        assert_eq!(article_lean("widget widget_recent_entries"), -1);
    }
}
