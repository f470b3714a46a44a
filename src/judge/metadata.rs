//! Metadata: merges what the page declares (JSON-LD, OpenGraph, `<meta>`) with what the article
//! itself shows (its heading, byline element, first paragraph, first image).

use super::article::Article;
use super::verdict::Metadata;
use crate::rules::hints::says_any;
use crate::survey::Survey;
use crate::text::{decode_entities, fold_whitespace, truncate_chars};

/// Separators between an article title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " / ", " » ", " · "];

/// Gathers the page's metadata.
pub fn gather(survey: &Survey, article: &Article) -> Metadata {
    let m = &survey.meta;
    let clean = |s: &Option<String>| s.as_ref().map(|v| fold_whitespace(&decode_entities(v)));
    let title = clean(&m.ld.headline)
        .or_else(|| clean(&m.og_title))
        .or_else(|| m.title.as_deref().map(strip_site_from_title))
        .or_else(|| first_heading(survey, article))
        .filter(|t| !t.is_empty());
    let byline = clean(&m.author)
        .or_else(|| clean(&m.ld.author))
        .or_else(|| byline_element(survey))
        .filter(|b| b.chars().count() < 100);
    Metadata {
        title,
        byline,
        site_name: clean(&m.ld.publisher).or_else(|| clean(&m.site_name)),
        published: clean(&m.ld.published)
            .or_else(|| clean(&m.published))
            .or_else(|| clean(&m.time)),
        lang: clean(&m.lang),
        dir: clean(&m.dir),
        excerpt: clean(&m.description)
            .or_else(|| clean(&m.ld.description))
            .or_else(|| first_paragraph(survey, article)),
        lead_image: clean(&m.image).or_else(|| clean(&m.ld.image)),
        canonical: clean(&m.canonical),
        section: clean(&m.ld.section),
    }
}

/// "Headline | Site" → "Headline", when the headline part is substantial.
fn strip_site_from_title(title: &str) -> String {
    let title = fold_whitespace(&decode_entities(title));
    for sep in TITLE_SEPARATORS {
        if let Some(at) = title.rfind(sep) {
            let head = &title[..at];
            if head.split_whitespace().count() >= 3 {
                return head.to_owned();
            }
        }
    }
    title
}

fn first_heading(survey: &Survey, article: &Article) -> Option<String> {
    let start = article.root.unwrap_or(0) as usize;
    survey.rows.iter().skip(start).find_map(|r| {
        (r.tag.as_ref() == "h1" && !r.hidden && r.text > 0)
            .then(|| fold_whitespace(&decode_entities(&r.preview)))
    })
}

/// An element whose class, rel or itemprop says "author" or "byline", with a short text.
fn byline_element(survey: &Survey) -> Option<String> {
    survey.rows.iter().find_map(|r| {
        if r.hidden || r.text == 0 || r.words > 12 {
            return None;
        }
        if says_any(&[&r.class, &r.id, &r.extra], &["byline", "author"]) {
            let text = fold_whitespace(&decode_entities(&r.preview));
            let text = text
                .strip_prefix("By ")
                .or_else(|| text.strip_prefix("by "))
                .unwrap_or(&text)
                .to_owned();
            (!text.is_empty()).then_some(text)
        } else {
            None
        }
    })
}

fn first_paragraph(survey: &Survey, article: &Article) -> Option<String> {
    let root = article.root?;
    let end = survey.row(root)?.end as usize;
    survey.rows[root as usize..end].iter().find_map(|r| {
        (r.tag.as_ref() == "p" && !r.hidden && r.text >= 80)
            .then(|| truncate_chars(&fold_whitespace(&decode_entities(&r.preview)), 200))
    })
}
