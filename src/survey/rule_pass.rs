//! The rule pass: matches the filter-list selectors a page may need (those whose key the
//! surveyed page has) with lol_html, by ordinal. Skipped when no selector qualifies.

use super::Survey;
use crate::error::Error;
use crate::input::Input;
use crate::rules::filter::{PageKeys, RuleSet};
use std::borrow::Cow;
use std::collections::HashSet;

/// The page's class tokens, ids and tags, from the survey.
fn page_keys<'a>(survey: &'a Survey, source: &'a [u8]) -> PageKeys<'a> {
    let mut keys = PageKeys {
        classes: HashSet::new(),
        ids: HashSet::new(),
        tags: HashSet::new(),
        source,
    };
    for row in &survey.rows {
        keys.classes.extend(row.class.split_ascii_whitespace());
        if !row.id.is_empty() {
            keys.ids.insert(row.id.trim());
        }
        keys.tags.insert(&row.tag);
    }
    keys
}

/// Selector matches as (ordinal, rule index), in no particular order.
pub fn candidates(
    input: &Input<'_>,
    survey: &Survey,
    rules: &RuleSet,
    host: Option<&str>,
) -> Result<Vec<(u32, usize)>, Error> {
    let (compounds, selectors) = rules.selectors_for_page(host, &page_keys(survey, &input.bytes));
    let mut matched = Vec::new();
    for index in compounds {
        let Some(compound) = rules.rule(index).and_then(|r| r.compound.as_ref()) else {
            continue;
        };
        for (ordinal, row) in survey.rows.iter().enumerate() {
            if compound.matches(&row.tag, &row.id, &row.class) {
                matched.push((ordinal as u32, index));
            }
        }
    }
    if selectors.is_empty() {
        return Ok(matched);
    }
    matched.extend(crate::ordinals::match_selectors(
        input,
        selectors
            .into_iter()
            .map(|(index, selector)| (index, Cow::Borrowed(selector))),
    )?);
    Ok(matched)
}
