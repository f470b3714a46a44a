//! The rule pass: matches the filter-list selectors a page may need (those whose key the
//! surveyed page has) with lol_html, by ordinal. Skipped when no selector qualifies.

use super::Survey;
use crate::error::Error;
use crate::input::Input;
use crate::ordinals::OrdinalCounter;
use crate::rules::filter::{PageKeys, RuleSet};
use crate::sink::Sink;
use lol_html::html_content::Element;
use lol_html::{element, ElementContentHandlers, HtmlRewriter, Settings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

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
    let found = Rc::new(RefCell::new(matched));
    let current = Rc::new(std::cell::Cell::new(None::<u32>));
    let counter = OrdinalCounter::default();
    let set_current = Rc::clone(&current);
    let mut settings = Settings::new()
        .with_encoding(input.encoding)
        .with_adjust_charset_on_meta_tag(input.sniff_meta_charset)
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            set_current.set(counter.assign(el));
            Ok(())
        }));
    for (index, selector) in selectors {
        let found = Rc::clone(&found);
        let current = Rc::clone(&current);
        settings = settings.append_element_content_handler((
            Cow::Borrowed(selector),
            ElementContentHandlers::default().element(move |_: &mut Element<'_, '_>| {
                if let Some(ordinal) = current.get() {
                    found.borrow_mut().push((ordinal, index));
                }
                Ok(())
            }),
        ));
    }
    let mut rewriter = HtmlRewriter::new(settings, Sink::discard());
    rewriter
        .write(&input.bytes)
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    let found = found.borrow().clone();
    Ok(found)
}
