//! The survey's record of a page: its rows by ordinal, its metadata and the filter-list rule
//! hits, with the few tree walks the judge asks of it.

use super::page_meta::PageMeta;
use super::row::{Row, NO_PARENT};
use crate::category::Category;
use serde::Serialize;

/// Everything the survey pass learned: rows indexed by ordinal, and the metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Survey {
    /// One row per element, indexed by ordinal (document order).
    pub rows: Vec<Row>,
    /// What the page's head tags, JSON-LD and first `<time>` say about it.
    pub meta: PageMeta,
    /// Filter-list rule hits, sorted by ordinal.
    pub rule_hits: Vec<RuleHit>,
}

/// An element a filter-list rule matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleHit {
    /// The ordinal of the element matched.
    pub ordinal: u32,
    /// The rule as written in its list.
    pub rule: String,
    /// Its line number in that list.
    pub line: usize,
    /// The category of the rule's list.
    pub category: Category,
}

impl Survey {
    /// The row for an ordinal, if there is such an element.
    pub fn row(&self, ordinal: u32) -> Option<&Row> {
        self.rows.get(ordinal as usize)
    }

    /// The first rule hit on an ordinal, if any.
    pub fn rule_hit(&self, ordinal: u32) -> Option<&RuleHit> {
        let at = self.rule_hits.partition_point(|h| h.ordinal < ordinal);
        self.rule_hits.get(at).filter(|h| h.ordinal == ordinal)
    }

    /// True when `inner` lies in the subtree of `outer` (or is `outer`).
    pub fn contains(&self, outer: u32, inner: u32) -> bool {
        self.row(outer)
            .is_some_and(|r| outer <= inner && inner < r.end)
    }

    /// The ancestors of an ordinal, nearest first.
    pub fn ancestors(&self, ordinal: u32) -> impl Iterator<Item = u32> + '_ {
        let mut cur = self.row(ordinal).map_or(NO_PARENT, |r| r.parent);
        std::iter::from_fn(move || {
            if cur == NO_PARENT {
                return None;
            }
            let this = cur;
            cur = self.row(cur).map_or(NO_PARENT, |r| r.parent);
            Some(this)
        })
    }
}
