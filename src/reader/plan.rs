//! The reader plan: which elements of the article reader view keeps, drops or unwraps,
//! decided from the survey and the verdict before the extract pass runs.

use crate::judge::Verdict;
use crate::rules::hints::{article_lean, chrome_hint, says_any};
use crate::survey::{Row, Survey};
use crate::text::{decode_entities, fold_whitespace};
use crate::tuning::{
    BARE_DATE_MAX_WORDS, FURNITURE_PROSE_CHARS, HEADER_LINE_MAX_WORDS, LIST_PROSE_CHARS_PER_LINK,
    PROSE_MAX_LINK_DENSITY, READER_MAX_LINK_DENSITY,
};

/// What extract does with one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Outside the article and not around it: removed with its contents.
    Outside,
    /// Around the article (an ancestor of a block): tags dropped, article contents kept.
    Around,
    /// In the article: kept.
    Keep,
    /// In the article but not reader content: removed with its contents.
    Drop,
}

/// Tags reader view never shows.
const NEVER: &[&str] = &[
    "script", "style", "link", "meta", "iframe", "object", "embed", "form", "button", "input",
    "select", "textarea", "nav", "aside", "footer", "dialog", "menu", "template", "canvas",
    "audio", "video", "applet", "frame", "frameset",
];

/// Containers that the reader checks for being link lists or furniture.
const CONDITIONAL: &[&str] = &["div", "section", "ul", "ol", "table", "header", "dl", "p"];

/// The fate of every ordinal.
pub struct Plan {
    /// What extract does with each element, indexed by ordinal.
    pub fates: Vec<Fate>,
    /// One past each element's last descendant (the survey's `end`): where an element whose end
    /// tag the page leaves out (`<p>`, `<li>`) stops.
    pub ends: Vec<u32>,
}

impl Plan {
    /// Decides every element's fate from the survey and the verdict: its article blocks are kept,
    /// less the removals, hidden and non-reader elements, and the title, byline and date the
    /// reader header already shows.
    pub fn new(survey: &Survey, verdict: &Verdict) -> Plan {
        let rows = &survey.rows;
        let n = rows.len();
        let mut fates = vec![Fate::Outside; n];
        let title = verdict
            .metadata
            .title
            .as_deref()
            .map(normalize)
            .unwrap_or_default();
        let header = HeaderLines {
            byline: verdict.metadata.byline.as_deref().map(normalize),
            day: verdict
                .metadata
                .published
                .as_deref()
                .and_then(|d| d.get(..10))
                .map(str::to_owned),
        };
        let mut removed = vec![false; n];
        for r in &verdict.removals {
            if let Some(slot) = removed.get_mut(r.ordinal as usize) {
                *slot = true;
            }
        }
        for &block in &verdict.article_blocks {
            for anc in survey.ancestors(block) {
                if let Some(f) = fates.get_mut(anc as usize) {
                    *f = Fate::Around;
                }
            }
            let Some(row) = survey.row(block) else {
                continue;
            };
            let start = block as usize;
            let end = (row.end as usize).min(n);
            let mut i = start;
            while i < end {
                let r = &rows[i];
                let subtree_end = (r.end as usize).clamp(i + 1, end);
                let drop = i != start
                    && (removed[i] || should_drop(r, &title) || header.repeats(r))
                    || (i == start && r.hidden);
                if drop {
                    fates[i..subtree_end].fill(Fate::Drop);
                    i = subtree_end;
                } else {
                    fates[i] = Fate::Keep;
                    i += 1;
                }
            }
        }
        Plan {
            fates,
            ends: rows.iter().map(|r| r.end).collect(),
        }
    }

    /// One past the last descendant of an element.
    pub fn end(&self, ordinal: u32) -> u32 {
        self.ends
            .get(ordinal as usize)
            .copied()
            .unwrap_or(ordinal + 1)
    }

    /// The fate of an ordinal (elements the survey did not see are outside).
    pub fn fate(&self, ordinal: u32) -> Fate {
        self.fates
            .get(ordinal as usize)
            .copied()
            .unwrap_or(Fate::Outside)
    }
}

/// Openings of a line that says who wrote the article or when ("By Ann Lee", "Posted by David
/// at December 16, 2025", "Published June 23, 2025 10:39AM").
const HEADER_LINE_OPENINGS: &[&str] = &[
    "by ",
    "written by ",
    "posted by ",
    "published ",
    "published:",
    "updated ",
    "updated:",
    "last updated",
    "posted on ",
];

/// What the reader's header already shows: the byline, and the day it dates the article.
struct HeaderLines {
    byline: Option<String>,
    day: Option<String>,
}

impl HeaderLines {
    /// Whether a short line in the body repeats the reader's header: a byline line naming the
    /// author it shows, a "Published …"/"Posted …" line or a bare date of the day it shows.
    /// (Only what the header shows again is dropped: the dates of a log's entries stay.)
    fn repeats(&self, r: &Row) -> bool {
        // (A line is a block of its own: a date in a sentence, a citation, a table cell or a
        // list item is theirs.)
        let line_tag = matches!(&*r.tag, "p" | "div");
        if !line_tag || r.hidden || r.words == 0 || r.words > HEADER_LINE_MAX_WORDS || r.images > 0
        {
            return false;
        }
        let line = normalize(&r.preview);
        let opens = HEADER_LINE_OPENINGS.iter().any(|o| line.starts_with(o));
        let names = self
            .byline
            .as_deref()
            .is_some_and(|b| !b.is_empty() && line.contains(b));
        let date = self.day.as_deref().is_some_and(|day| {
            crate::judge::dates::printed(&line, true)
                .and_then(|d| crate::judge::dates::days_apart(&d, day))
                .is_some_and(|n| n <= 1)
        });
        (opens && (names || date)) || (date && r.words <= BARE_DATE_MAX_WORDS)
    }
}

fn normalize(s: &str) -> String {
    fold_whitespace(&decode_entities(s)).to_lowercase()
}

fn should_drop(r: &Row, title: &str) -> bool {
    if r.hidden || NEVER.contains(&&*r.tag) {
        return true;
    }
    let hints = [&r.class, &r.id, &r.extra];
    if matches!(&*r.tag, "h1" | "h2") && !title.is_empty() {
        let heading = normalize(&r.preview);
        if !heading.is_empty() && (heading == title || title.starts_with(&heading)) {
            return true; // the title, shown in the reader header already
        }
    }
    let values = hints.map(|h| &**h);
    if r.words <= 15 && says_any(&values, &["byline", "dateline", "author"]) {
        return true;
    }
    // Comment threads are not the article, however much prose they hold.
    if r.tag.as_ref() != "p"
        && says_any(
            &values,
            &["comments", "comment", "disqus", "respond", "replies"],
        )
    {
        return true;
    }
    if !CONDITIONAL.contains(&&*r.tag) {
        return false;
    }
    let has_chrome_hint = hints.iter().any(|h| chrome_hint(h).is_some());
    // A caption ("wp-caption-text", "image-credit") and a figure's box holding the image and
    // its caption stay: the furniture words caption and credit keep captions from winning the
    // article score, but beside their images they are part of it.
    let figure = says_any(&values, &["caption", "credit"])
        || (r.images > 0 && says_any(&values, &["figure", "photo"]));
    let furniture = !figure && hints.iter().map(|h| article_lean(h)).sum::<i32>() < 0;
    let prose_light = r.paragraphs < 3 || r.commas < 10;
    // A furniture word alone ("widget", "meta", "tools") does not make a block of prose
    // furniture: page builders (Elementor, Divi) name every text block a widget.
    let plain_prose = r.text >= FURNITURE_PROSE_CHARS && r.link_density() < PROSE_MAX_LINK_DENSITY;
    if (has_chrome_hint || (furniture && !plain_prose)) && prose_light {
        return true;
    }
    let link_list = r.link_density() > READER_MAX_LINK_DENSITY && r.text < 2000;
    if link_list && !matches!(&*r.tag, "p") && !is_list_of_sentences(r) {
        return true;
    }
    // An empty container (no text, no images) is layout; dropping it loses nothing.
    r.text == 0 && r.images == 0 && r.tag.as_ref() != "p"
}

/// A list whose items are sentences with a link in them ("Ana fixed an issue with …"), not a
/// list of links: each link comes with words of its own around it.
fn is_list_of_sentences(r: &Row) -> bool {
    matches!(&*r.tag, "ul" | "ol")
        && r.links > 0
        && (r.text - r.link_text.min(r.text)) >= r.links * LIST_PROSE_CHARS_PER_LINK
}
