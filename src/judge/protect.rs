//! Article protection: the blocks no chrome rule may remove.
//!
//! Never the article root, its ancestors or its blocks' ancestors; never the article's header
//! (headline, standfirst, byline, date, lead figure) or a block that holds a piece of it; never
//! a block that holds prose — a paragraph of real length with few links and no prompt phrases —
//! whatever its class name says.

use super::article::ArticleBlocks;
use crate::category::Category;
use crate::rules::hints::{self, says_any, HintStrength};
use crate::survey::{Row, Survey, NO_PARENT};
use crate::tuning::{HEADER_PIECE_MAX_CHARS, PROSE_MAX_LINK_DENSITY, PROSE_PARAGRAPH_CHARS};

/// Which ordinals are protected, and why.
pub struct Protection {
    /// Prose paragraphs in each subtree.
    prose: Vec<u32>,
    /// Ancestors of the article (and the article blocks themselves).
    spine: Vec<bool>,
    /// The article's header pieces and the blocks that hold them.
    header: Vec<bool>,
}

/// Why a block is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shield {
    /// It is the article, one of its blocks, or contains them.
    ArticleSpine,
    /// It is, or holds, a piece of the article's header (headline, byline, date…).
    Header,
    /// It holds this many paragraphs of prose.
    Prose(u32),
}

impl std::fmt::Display for Shield {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shield::ArticleSpine => f.write_str("it contains the article"),
            Shield::Header => f.write_str("it holds the article's header"),
            Shield::Prose(n) => write!(f, "it holds {n} paragraph(s) of article prose"),
        }
    }
}

fn is_prose(row: &Row) -> bool {
    row.tag.as_ref() == "p"
        && !row.hidden
        && row.text >= PROSE_PARAGRAPH_CHARS
        && row.link_density() < PROSE_MAX_LINK_DENSITY
        && row.all_phrases() == 0
        && row.consents == 0
}

impl Protection {
    pub fn new(survey: &Survey, article: &ArticleBlocks) -> Protection {
        let rows = &survey.rows;
        let n = rows.len();
        let mut prose: Vec<u32> = rows.iter().map(|r| u32::from(is_prose(r))).collect();
        for i in (0..n).rev() {
            let parent = rows[i].parent;
            if parent != NO_PARENT {
                prose[parent as usize] += prose[i];
            }
        }
        let mut spine = vec![false; n];
        if let Some(slot) = article.root.and_then(|r| spine.get_mut(r as usize)) {
            *slot = true;
        }
        // The blocks' ancestors are the spine; the sibling blocks themselves are protected
        // only by the prose they hold.
        for &block in article.blocks.iter().chain(article.root.iter()) {
            for anc in survey.ancestors(block) {
                if spine[anc as usize] {
                    break;
                }
                spine[anc as usize] = true;
            }
        }
        let mut header = vec![false; n];
        for piece in header_pieces(survey, article) {
            header[piece as usize] = true;
            for anc in survey.ancestors(piece) {
                if header[anc as usize] {
                    break;
                }
                header[anc as usize] = true;
            }
        }
        Protection {
            prose,
            spine,
            header,
        }
    }

    /// Whether the page has an article worth the name: prose paragraphs under the root.
    pub fn article_prose(&self, article: &ArticleBlocks) -> u32 {
        article
            .root
            .and_then(|r| self.prose.get(r as usize).copied())
            .unwrap_or(0)
    }

    /// Why this block may not be removed, or `None` if it may.
    pub fn shield(&self, ordinal: u32) -> Option<Shield> {
        let i = ordinal as usize;
        if self.spine.get(i).copied().unwrap_or(false) {
            return Some(Shield::ArticleSpine);
        }
        if self.header.get(i).copied().unwrap_or(false) {
            return Some(Shield::Header);
        }
        match self.prose.get(i).copied().unwrap_or(0) {
            0 => None,
            n => Some(Shield::Prose(n)),
        }
    }
}

/// The article's headline: the first `<h1>` inside the root, or else the last one before it.
pub(crate) fn headline(survey: &Survey, root: u32) -> Option<u32> {
    let rows = &survey.rows;
    let end = rows.get(root as usize)?.end;
    let h1 = |i: &usize| rows[*i].tag.as_ref() == "h1" && !rows[*i].hidden && rows[*i].text > 0;
    (root as usize..end as usize)
        .find(h1)
        .or_else(|| (0..root as usize).rev().find(h1))
        .map(|i| i as u32)
}

/// Whether the element's class or id names a rail, a share bar or a sign-up box outright.
fn names_chrome(row: &Row) -> bool {
    [&row.class, &row.id].into_iter().any(|v| {
        hints::chrome_hint(v).is_some_and(|h| {
            h.strength == HintStrength::Strong
                && matches!(h.category, Category::Related | Category::Newsletter)
        })
    })
}

/// The pieces of the article's header: the headline and, in the block around the headline and
/// the root, what comes before the body's first paragraph of prose and is a date, a byline, a
/// standfirst or the lead figure.
fn header_pieces(survey: &Survey, article: &ArticleBlocks) -> Vec<u32> {
    let rows = &survey.rows;
    let Some(root) = article.root else {
        return Vec::new();
    };
    let Some(h1) = headline(survey, root) else {
        return Vec::new();
    };
    let mut pieces = vec![h1];
    // The smallest block holding both; if that is the whole page, the headline's own block.
    let lca = survey
        .ancestors(h1)
        .find(|&a| a <= root && rows[a as usize].end >= rows[root as usize].end)
        .filter(|&a| !matches!(&*rows[a as usize].tag, "html" | "body"))
        .unwrap_or(rows[h1 as usize].parent);
    let Some(zone) = rows.get(lca as usize) else {
        return pieces;
    };
    // The header ends where the body's prose starts.
    let body_starts = (root as usize..rows[root as usize].end as usize)
        .find(|&i| is_prose(&rows[i]))
        .unwrap_or(rows[root as usize].end as usize);
    let mut figure = false;
    let mut i = lca as usize + 1;
    while i < (zone.end as usize).min(body_starts) {
        let row = &rows[i];
        // A rail or a share bar between the headline and the body is not the header: the dates
        // and bylines of its teasers are other articles'.
        if row.hidden || names_chrome(row) {
            i = (row.end as usize).max(i + 1);
            continue;
        }
        let piece = row.text <= HEADER_PIECE_MAX_CHARS
            && (row.tag.as_ref() == "time"
                || (row.text > 0
                    && says_any(&[&row.class, &row.id, &row.extra], hints::HEADER_WORDS)));
        // A lead figure is not an icon in a link or a share bar.
        let in_link = survey
            .ancestors(i as u32)
            .take_while(|&a| a > lca)
            .any(|a| rows[a as usize].tag.as_ref() == "a" || rows[a as usize].share_links > 0);
        let lead_figure = !figure
            && i as u32 > h1
            && !in_link
            && matches!(&*row.tag, "figure" | "picture" | "img")
            && row.text <= HEADER_PIECE_MAX_CHARS;
        if piece || lead_figure {
            figure |= lead_figure;
            pieces.push(i as u32);
        }
        i += 1;
    }
    pieces
}
