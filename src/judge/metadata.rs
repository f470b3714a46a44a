//! Metadata: merges what the page declares (JSON-LD, OpenGraph, `<meta>`) with what the article
//! itself shows (its heading, byline element, first paragraph, first image).

use super::article::Article;
use super::dates;
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
    // The headline the reader sees over the article; else what the page declares, without the
    // site's name after it.
    let declared = [&m.ld.headline, &m.og_title, &m.title]
        .into_iter()
        .find_map(|t| t.as_deref().map(strip_site_from_title));
    let title = article_headline(survey, article, declared.as_deref())
        .or_else(|| m.ld.headline.as_deref().map(strip_site_from_title))
        .or_else(|| m.og_title.as_deref().map(strip_site_from_title))
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
        published: [&m.ld.published, &m.published, &m.time]
            .into_iter()
            .find_map(|d| clean(d).and_then(|d| dates::normalize(&d)))
            .or_else(|| printed_date(survey, article, m.lang.as_deref())),
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

/// The headline the page shows: the `<h1>` that says what the declared title says (most of the
/// words of one are in the other), or, when the page declares no title, the article's `<h1>`.
/// Only a heading that reads as a title (a few words, all of them in the preview).
fn article_headline(survey: &Survey, article: &Article, declared: Option<&str>) -> Option<String> {
    let as_title = |o: u32| {
        let row = survey.row(o)?;
        let text = fold_whitespace(&decode_entities(&row.preview));
        let words = text.split_whitespace().count();
        let whole = text.chars().count() < crate::tuning::PREVIEW_CHARS;
        (!row.hidden && whole && (2..=TITLE_MAX_WORDS).contains(&words)).then_some(text)
    };
    let Some(declared) = declared else {
        return as_title(super::protect::headline(survey, article.root?)?);
    };
    let want = title_words(declared);
    survey
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.tag.as_ref() == "h1")
        .filter_map(|(i, _)| as_title(i as u32))
        .find(|h| {
            let have = title_words(h);
            let shared = have.iter().filter(|w| want.contains(w)).count();
            shared * 2 >= have.len().min(want.len()).max(1) && shared * 3 >= have.len()
        })
}

/// A title's words, folded, for comparing two titles.
fn title_words(title: &str) -> Vec<String> {
    crate::text::tokens(title).collect()
}

/// Longest headline, in words, taken from the page's `<h1>`; a longer one is a standfirst.
const TITLE_MAX_WORDS: usize = 30;

/// Class, id and attribute words of an element that prints the article's date.
const DATE_WORDS: &[&str] = &[
    "date",
    "dateline",
    "published",
    "datepublished",
    "updated",
    "timestamp",
    "pubdate",
    "posted",
    "time",
    "meta",
    "byline",
    "entry-date",
    "post-date",
];

/// A date printed near the article's headline (a `<time>` or an element named for the date),
/// when the page declares none.
fn printed_date(survey: &Survey, article: &Article, lang: Option<&str>) -> Option<String> {
    let month_first = lang.is_none_or(|l| l.to_ascii_lowercase().starts_with("en-us") || l == "en");
    let root = article.root?;
    let start = super::protect::headline(survey, root).unwrap_or(root) as usize;
    let end = survey.row(root)?.end as usize;
    let near = survey.rows.get(start.saturating_sub(40)..end)?;
    let short = |r: &&crate::survey::Row| !r.hidden && r.text > 0 && r.words <= 20;
    let named = near
        .iter()
        .filter(short)
        .filter(|r| r.tag.as_ref() == "time" || says_any(&[&r.class, &r.id, &r.extra], DATE_WORDS))
        .find_map(|r| dates::printed(&decode_entities(&r.preview), month_first));
    // Else any short line around the headline that is a date ("Published August 7, 2023").
    named.or_else(|| {
        let header_end = (start..end)
            .find(|&i| survey.rows[i].tag.as_ref() == "p" && survey.rows[i].text >= 120)
            .unwrap_or(end)
            .min(start + 80);
        survey
            .rows
            .get(start.saturating_sub(40)..header_end)?
            .iter()
            .filter(short)
            .filter(|r| r.words <= 8)
            .find_map(|r| dates::printed(&decode_entities(&r.preview), month_first))
    })
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
