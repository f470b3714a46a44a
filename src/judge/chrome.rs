//! Classifying chrome: weigh each block's evidence (class/id hints, lexicon phrases, calls to
//! action, sign-up forms) and remove the outermost blocks that pass, unless protected.

use super::protect::Protection;
use super::verdict::{Conflict, Removal};
use crate::category::Category;
use crate::options::Options;
use crate::rules::{hints, lexicon};
use crate::survey::{Row, Survey};
use crate::text::{decode_entities, truncate_chars};
use crate::tuning::*;

/// The chrome the judge found.
pub struct Chrome {
    pub removals: Vec<Removal>,
    pub conflicts: Vec<Conflict>,
    pub unlock_scroll: bool,
}

/// Elements never removed whole: the document, and landmarks a page needs. The judge looks
/// inside them instead.
const NEVER_WHOLE: &[&str] = &["html", "head", "body", "main", "header", "footer", "nav"];

/// Elements that carry no visible chrome of their own.
const INERT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "meta", "link", "title", "base", "br",
    "wbr", "source", "track", "param",
];

/// One piece of evidence, with its weight.
struct Evidence {
    points: u32,
    category: Option<Category>,
    reason: String,
}

fn weigh(row: &Row) -> Evidence {
    let mut points = 0;
    let mut parts: Vec<String> = Vec::new();
    let mut hinted = None;
    for (what, value) in [
        ("class", &row.class),
        ("id", &row.id),
        ("attribute", &row.extra),
    ] {
        if let Some((category, word)) = hints::chrome_hint(value) {
            let token = value
                .split_whitespace()
                .find(|t| hints::chrome_hint(t).is_some())
                .unwrap_or(word);
            hinted = Some(category);
            points += 2;
            parts.push(format!("{what} token `{token}`"));
            break;
        }
    }
    // A hinted rail is a list of links; a long, link-poor block named "related" is content.
    if matches!(hinted, Some(Category::Related | Category::Social))
        && row.link_density() < RAIL_MIN_LINK_DENSITY
        && row.words > PROMPT_MAX_WORDS
    {
        points -= 1;
    }
    let phrase_category = Category::ALL
        .into_iter()
        .max_by_key(|c| row.phrases(*c))
        .filter(|c| row.phrases(*c) > 0);
    let weight = row.all_phrases();
    if weight > 0 {
        points += weight.min(4);
        if let Some(i) = row.first_phrase {
            parts.push(format!("phrase '{}'", lexicon::PHRASES[i as usize].text));
        }
        // A short block that is little more than a strong phrase is a tagline or a prompt.
        if row.words <= 12 && weight >= 2 {
            points += 1;
        }
    }
    if row.ctas > 0 && row.words <= PROMPT_MAX_WORDS {
        points += row.ctas.min(2);
        let s = if row.ctas == 1 { "" } else { "s" };
        parts.push(format!("{} call{s} to action", row.ctas));
    }
    let signup_form = row.forms > 0 && row.inputs > 0 && row.inputs <= 2;
    if signup_form && row.words <= PROMPT_MAX_WORDS {
        points += 2;
        parts.push("sign-up form".to_owned());
    }
    let category = hinted
        .or(phrase_category)
        .or_else(|| signup_form.then_some(Category::Newsletter));
    parts.push(format!("{} words", row.words));
    Evidence {
        points,
        category,
        reason: parts.join(" + "),
    }
}

fn size_allows(row: &Row, hinted: bool) -> bool {
    if hinted {
        row.words <= HINTED_MAX_WORDS
    } else {
        row.words <= PROMPT_MAX_WORDS
    }
}

/// Classifies chrome blocks in document order, outermost first.
pub fn classify(survey: &Survey, protection: &Protection, options: &Options) -> Chrome {
    let rows = &survey.rows;
    let mut removals = Vec::new();
    let mut conflicts = Vec::new();
    let mut unlock_scroll = false;
    let mut i = 0usize;
    while i < rows.len() {
        let row = &rows[i];
        let ordinal = i as u32;
        let skip_subtree = (row.end as usize).max(i + 1);
        if INERT.contains(&&*row.tag) || row.hidden {
            i = skip_subtree;
            continue;
        }
        if protection.shield(ordinal).is_some() || matches!(&*row.tag, "html" | "head" | "body") {
            i += 1;
            continue;
        }
        // A list rule is the user's explicit choice: it may remove a header, footer or nav.
        if let Some(hit) = survey.rule_hit(ordinal) {
            if options.category_enabled(hit.category) {
                removals.push(Removal {
                    ordinal,
                    tag: row.tag.to_string(),
                    category: hit.category,
                    reason: format!("filter rule `{}` (line {})", hit.rule, hit.line),
                    rule: Some(hit.rule.clone()),
                    preview: preview(row),
                });
                i = skip_subtree;
                continue;
            }
        }
        if NEVER_WHOLE.contains(&&*row.tag) {
            i += 1;
            continue;
        }
        let evidence = weigh(row);
        let hinted = evidence.reason.contains("token");
        let passes = evidence.points >= CHROME_THRESHOLD && size_allows(row, hinted);
        match evidence.category {
            Some(category) if passes && options.category_enabled(category) => {
                unlock_scroll |= category == Category::Subscribe;
                removals.push(Removal {
                    ordinal,
                    tag: row.tag.to_string(),
                    category,
                    reason: evidence.reason,
                    rule: None,
                    preview: preview(row),
                });
                i = skip_subtree;
            }
            _ => i += 1,
        }
    }
    // Rule hits inside protected blocks are reported, not applied.
    for hit in survey.rule_hits.iter() {
        if let Some(shield) = protection.shield(hit.ordinal) {
            if let Some(row) = survey.row(hit.ordinal) {
                conflicts.push(Conflict {
                    ordinal: hit.ordinal,
                    tag: row.tag.to_string(),
                    rule: hit.rule.clone(),
                    why: format!("not removed because {shield}"),
                });
            }
        }
    }
    Chrome {
        removals,
        conflicts,
        unlock_scroll,
    }
}

fn preview(row: &Row) -> String {
    truncate_chars(decode_entities(row.preview.trim()).trim(), 80)
}
