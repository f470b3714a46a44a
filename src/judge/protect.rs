//! Article protection: the blocks no chrome rule may remove.
//!
//! Never the article root, its ancestors or its blocks' ancestors; never a block that holds
//! prose — a paragraph of real length with few links and no prompt phrases — whatever its
//! class name says.

use super::article::Article;
use crate::survey::{Row, Survey, NO_PARENT};
use crate::tuning::{PROSE_MAX_LINK_DENSITY, PROSE_PARAGRAPH_CHARS};

/// Which ordinals are protected, and why.
pub struct Protection {
    /// Prose paragraphs in each subtree.
    prose: Vec<u32>,
    /// Ancestors of the article (and the article blocks themselves).
    spine: Vec<bool>,
}

/// Why a block is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shield {
    /// It is the article, one of its blocks, or contains them.
    ArticleSpine,
    /// It holds this many paragraphs of prose.
    Prose(u32),
}

impl std::fmt::Display for Shield {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shield::ArticleSpine => f.write_str("it contains the article"),
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
}

impl Protection {
    pub fn new(survey: &Survey, article: &Article) -> Protection {
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
        Protection { prose, spine }
    }

    /// Why this block may not be removed, or `None` if it may.
    pub fn shield(&self, ordinal: u32) -> Option<Shield> {
        let i = ordinal as usize;
        if self.spine.get(i).copied().unwrap_or(false) {
            return Some(Shield::ArticleSpine);
        }
        match self.prose.get(i).copied().unwrap_or(0) {
            0 => None,
            n => Some(Shield::Prose(n)),
        }
    }
}
