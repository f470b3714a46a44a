//! The judge's output: what is the article, what is chrome and why, and the page's metadata.

use crate::category::Category;
use serde::{Deserialize, Serialize};

/// One block the verdict removes in clean mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    /// The element's ordinal (its index in `querySelectorAll('*')` order).
    pub ordinal: u32,
    /// Its tag name, checked by the live-page applier before it touches anything.
    pub tag: String,
    /// What kind of chrome it is.
    pub category: Category,
    /// Why, in words a person can check.
    pub reason: String,
    /// The filter-list rule that matched, if a rule did.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rule: Option<String>,
    /// The first words of the block.
    pub preview: String,
}

/// A removal a rule asked for that article protection refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// The ordinal of the element the rule matched.
    pub ordinal: u32,
    /// Its tag name.
    pub tag: String,
    /// The filter-list rule that matched, as written in its list.
    pub rule: String,
    /// Why protection kept the element ("not removed because …").
    pub why: String,
}

/// What the page says about the article, merged from metadata and the article itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The headline: the one printed over the article, else the declared one (JSON-LD,
    /// `og:title`, `<title>`) without the site's name after it, else the first heading.
    pub title: Option<String>,
    /// The author: a person's name, declared or printed by the headline; never the site or its
    /// publisher.
    pub byline: Option<String>,
    /// The site or publisher: JSON-LD `publisher`, else `og:site_name` / `application-name`.
    pub site_name: Option<String>,
    /// When the article was published, as an ISO date (`YYYY-MM-DD`, a declared time may
    /// follow): declared, or printed by the headline.
    pub published: Option<String>,
    /// The page's language, from `<html lang>`.
    pub lang: Option<String>,
    /// The text direction, from `<html dir>` (lower case: `ltr`, `rtl`).
    pub dir: Option<String>,
    /// A summary: the page's declared description, else the start of the article's first
    /// paragraph.
    pub excerpt: Option<String>,
    /// The lead image's address: `og:image` / `twitter:image`, else JSON-LD `image`.
    pub lead_image: Option<String>,
    /// The page's canonical address (`<link rel=canonical>`).
    pub canonical: Option<String>,
    /// The article's section, from JSON-LD `articleSection`.
    pub section: Option<String>,
}

/// The judge's decision about a page. This is what the CLI prints, the extension applies by
/// ordinal and the playground lists. Its JSON, like every JSON the engine writes, names fields
/// in camelCase (`articleBlocks`, `unlockScroll`), as JavaScript does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Total number of elements surveyed; the applier checks the live page has as many.
    pub elements: u32,
    /// The page's shape: a hash of every element's tag in ordinal order
    /// ([`crate::ordinals::fingerprint`]); the applier checks the live page has the same.
    pub fingerprint: u32,
    /// The article root's ordinal, if the page has an article.
    pub article: Option<u32>,
    /// The blocks reader view shows, in document order: the root, or the root's siblings that
    /// belong to the article.
    pub article_blocks: Vec<u32>,
    /// Chrome blocks to remove, in document order; none is inside another.
    pub removals: Vec<Removal>,
    /// Rule hits refused by article protection.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Page metadata.
    pub metadata: Metadata,
    /// Whether a removed block may have locked page scrolling (a gate or overlay).
    #[serde(default)]
    pub unlock_scroll: bool,
    /// Whether the page has an article worth a reader view (several paragraphs of prose), as
    /// Readability's `isProbablyReaderable` says of a page. On a shop, a listing or a forum index
    /// it is false, and clean mode treats offers and lists there as content.
    #[serde(default)]
    pub readerable: bool,
}

impl Verdict {
    /// Number of removals per category, in [`Category::ALL`] order.
    pub fn counts(&self) -> [usize; Category::COUNT] {
        let mut counts = [0; Category::COUNT];
        for r in &self.removals {
            counts[r.category.index()] += 1;
        }
        counts
    }
}
