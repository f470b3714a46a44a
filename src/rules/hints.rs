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

/// Words that name a chrome block, and the category each names.
pub static CHROME_WORDS: &[(&str, Category)] = &[
    // Paywall gates, meters, upsells and their sign-in/sign-up boxes.
    ("paywall", Subscribe),
    ("regwall", Subscribe),
    ("gate", Subscribe),
    ("upsell", Subscribe),
    ("subscribe", Subscribe),
    ("subscription", Subscribe),
    ("subscriber", Subscribe),
    ("membership", Subscribe),
    ("promo", Subscribe),
    ("cta", Subscribe),
    ("offer", Subscribe),
    ("signup", Subscribe),
    ("meter", Subscribe),
    ("piano", Subscribe),
    ("barrier", Subscribe),
    // Newsletter boxes.
    ("newsletter", Newsletter),
    ("newsletters", Newsletter),
    ("mailinglist", Newsletter),
    ("optin", Newsletter),
    // Rails of other stories.
    ("related", Related),
    ("recommended", Related),
    ("recommendations", Related),
    ("recirc", Related),
    ("rail", Related),
    ("picks", Related),
    ("trending", Related),
    ("popular", Related),
    ("mostread", Related),
    ("outbrain", Related),
    ("taboola", Related),
    ("teasers", Related),
    // App banners.
    ("app-promo", AppPromo),
    ("app-banner", AppPromo),
    ("smartbanner", AppPromo),
    ("appstore", AppPromo),
    ("download-app", AppPromo),
    ("get-app", AppPromo),
    // Share and follow bars.
    ("share", Social),
    ("sharing", Social),
    ("social", Social),
    ("sharebar", Social),
    ("follow-us", Social),
    // Ad slots.
    ("ad", Ad),
    ("ads", Ad),
    ("advert", Ad),
    ("advertisement", Ad),
    ("adslot", Ad),
    ("ad-slot", Ad),
    ("sponsored", Ad),
    ("dfp", Ad),
    ("gpt-ad", Ad),
];

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
    M.get_or_init(|| prefilter(CHROME_WORDS.iter().map(|(w, _)| *w)))
}

fn lean_prefilter() -> &'static AhoCorasick {
    static M: OnceLock<AhoCorasick> = OnceLock::new();
    M.get_or_init(|| prefilter(ARTICLE_WORDS.iter().chain(FURNITURE_WORDS).copied()))
}

/// The first chrome hint found in an attribute value's words, with the word that matched.
pub fn chrome_hint(value: &str) -> Option<(Category, &'static str)> {
    if value.is_empty() || !chrome_prefilter().is_match(value) {
        return None;
    }
    // Single words: the hint that comes first in `CHROME_WORDS` wins.
    let mut single: Option<usize> = None;
    let mut joined = String::with_capacity(value.len());
    any_word(value, |w| {
        if !joined.is_empty() {
            joined.push('-');
        }
        joined.push_str(w);
        if let Some(&i) = single_words().get(w) {
            single = Some(single.map_or(i, |s| s.min(i)));
        }
        false
    });
    // Compound hints first: `app-promo` says more than `promo`.
    let compound = CHROME_WORDS
        .iter()
        .filter(|(hint, _)| hint.contains('-'))
        .find(|(hint, _)| joined.contains(hint));
    compound
        .or_else(|| single.map(|i| &CHROME_WORDS[i]))
        .map(|&(hint, category)| (category, hint))
}

/// The single-word chrome hints, each with its place in `CHROME_WORDS`.
fn single_words() -> &'static HashMap<&'static str, usize> {
    static M: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    M.get_or_init(|| {
        CHROME_WORDS
            .iter()
            .enumerate()
            .filter(|(_, (hint, _))| !hint.contains('-'))
            .map(|(i, (hint, _))| (*hint, i))
            .collect()
    })
}

/// +1 for an article word, -1 for a furniture word, 0 for neither or both.
pub fn article_lean(value: &str) -> i32 {
    if value.is_empty() || !lean_prefilter().is_match(value) {
        return 0;
    }
    let (mut pos, mut neg) = (false, false);
    any_word(value, |w| {
        pos |= ARTICLE_WORDS.contains(&w);
        neg |= FURNITURE_WORDS.contains(&w);
        pos && neg
    });
    i32::from(pos) - i32::from(neg)
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
        assert_eq!(chrome_hint("site-header shadow"), None);
        assert_eq!(chrome_hint("ad-slot top"), Some((Ad, "ad-slot")));
        assert_eq!(chrome_hint("top ad"), Some((Ad, "ad")));
        assert_eq!(chrome_hint("story-gate"), Some((Subscribe, "gate")));
        assert_eq!(chrome_hint("app-promo"), Some((AppPromo, "app-promo")));
        assert_eq!(article_lean("article-text"), 1);
        assert_eq!(article_lean("site-footer"), -1);
    }
}
