//! Metadata: merges what the page declares (JSON-LD, OpenGraph, `<meta>`) with what the article
//! itself shows (its heading, byline element, first paragraph, first image).

use super::article::ArticleBlocks;
use super::dates;
use super::verdict::Metadata;
use crate::rules::hints::says_any;
use crate::survey::Survey;
use crate::text::{decode_entities, fold_whitespace, truncate_chars};
use crate::tuning::{AFTER_ARTICLE_ROWS, ARTICLE_WRAPPER_MAX_TEXT, REBUILT_MAX_DAYS};

/// Separators between an article title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " / ", " » ", " · "];

/// Gathers the page's metadata.
pub fn gather(survey: &Survey, article: &ArticleBlocks) -> Metadata {
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
    // A person's name: declared, or printed by the headline ("By Jane Doe"); never the site or
    // its publisher, a user name, a date or the word "Author".
    let publisher = [&m.ld.publisher, &m.site_name]
        .into_iter()
        .filter_map(&clean)
        .collect::<Vec<_>>();
    let person = |b: String| person_name(&b, &publisher);
    let declared_author = clean(&m.ld.author)
        .and_then(person)
        .or_else(|| clean(&m.author).and_then(person));
    let printed_author = || {
        byline_element(survey, person)
            .or_else(|| by_line(survey, article, person))
            .or_else(|| author_box(survey, article, person))
    };
    // A page that declares its own organization as the author ("Cleveland Clinic", "USA TODAY")
    // often prints the writer's name by the headline: the reader shows the person.
    // (A lowercase handle, "midwestlifeandstyle", is the owner's account, not the firm.)
    let organization = declared_author.as_deref().is_some_and(|a| {
        let handle = !a.contains(' ') && a == a.to_lowercase();
        publisher.iter().any(|p| p.eq_ignore_ascii_case(a))
            || (!handle && names_host(a, m.canonical.as_deref()))
    });
    // An account declared as the author ("andrew.keaveney", "jdoe_42") posted the page; the
    // name printed by the headline is the writer's. (A bare lowercase word, "srauturier", is
    // left as declared: people mark it as the author as often as the name beside it.)
    let account = declared_author
        .as_deref()
        .is_some_and(|a| is_user_name(a) && a.contains(['.', '_', '@']));
    let byline = if organization || account {
        printed_author().or(declared_author)
    } else {
        declared_author.or_else(printed_author)
    };
    Metadata {
        title,
        byline,
        site_name: clean(&m.ld.publisher).or_else(|| clean(&m.site_name)),
        published: published(survey, article),
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

/// Whether a name is the site's, as its address spells it ("USA TODAY" on usatoday.com).
fn names_host(name: &str, canonical: Option<&str>) -> bool {
    let folded: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let host = canonical
        .and_then(|c| c.split("//").nth(1))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("")
        .to_lowercase();
    folded.chars().count() >= 4
        && host
            .split('.')
            .any(|label| label.replace('-', "") == folded)
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
fn article_headline(
    survey: &Survey,
    article: &ArticleBlocks,
    declared: Option<&str>,
) -> Option<String> {
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
        .find(|h| says_title(h, &want))
}

/// Whether a heading says what the declared title's words say (most of the words of one are in
/// the other).
fn says_title(heading: &str, want: &[String]) -> bool {
    let have = title_words(heading);
    let shared = have.iter().filter(|w| want.contains(w)).count();
    shared * 2 >= have.len().min(want.len()).max(1) && shared * 3 >= have.len()
}

/// Where the article's header is: the `<h1>` that says the declared title, wherever it sits
/// (a page may print its headline and dateline just before the block the body is found in,
/// and head a section of the body with another `<h1>`); else the article's headline.
fn headline_row(survey: &Survey, root: u32) -> Option<u32> {
    let m = &survey.meta;
    let declared = [&m.ld.headline, &m.og_title, &m.title]
        .into_iter()
        .find_map(|t| t.as_deref().map(strip_site_from_title));
    let titled = declared.and_then(|d| {
        let want = title_words(&d);
        survey.rows.iter().enumerate().find_map(|(i, r)| {
            (r.tag.as_ref() == "h1"
                && !r.hidden
                && says_title(&fold_whitespace(&decode_entities(&r.preview)), &want))
            .then_some(i as u32)
        })
    });
    titled.or_else(|| super::protect::headline(survey, root))
}

/// A title's words, folded, for comparing two titles.
fn title_words(title: &str) -> Vec<String> {
    crate::text::tokens(title).collect()
}

/// The date the article was published: what the page declares, unless the page prints a date
/// a day or two from it by the headline (the declared one is in UTC, the printed one in the
/// newsroom's time zone); else the printed one.
///
/// A page that declares only when it was last modified (a JSON-LD `dateModified`, an
/// `article:modified_time`, and no publication date anywhere) is dated by that day: it is the
/// one date the page gives. (Only the reader's metadata takes it: to clean mode, such a page is
/// not thereby a dated story; a shop's pages declare when they were modified too.)
fn published(survey: &Survey, article: &ArticleBlocks) -> Option<String> {
    dated(survey, article, true).or_else(|| declared_modified(survey, true))
}

/// The modification date the page declares; `graph` lets any JSON-LD node's date stand in.
fn declared_modified(survey: &Survey, graph: bool) -> Option<String> {
    let m = &survey.meta;
    let graph_modified = if graph { &m.ld.graph_modified } else { &None };
    [&m.ld.modified, &m.modified, graph_modified]
        .into_iter()
        .find_map(|d| {
            d.as_deref()
                .and_then(|d| dates::normalize(&fold_whitespace(&decode_entities(d))))
        })
}

/// Whether the article itself says when it was published: its own metadata or a date printed by
/// its headline. (A date on the page's `WebPage` node is not the story's: a shop has one too.)
pub fn article_dated(survey: &Survey, article: &ArticleBlocks) -> bool {
    dated(survey, article, false).is_some()
}

/// Whether the page is a post or a story by its address rather than by a date it prints: one
/// that files it under the site's posts (`/blog/…`, `/news/…`, a year: `/2025/06/…`). The
/// address is the page's `url` or the canonical link it declares (a page read from a mirror or
/// a saved copy still names its own). (A JSON-LD `Article` says less: developer docs and cost
/// guides declare one, and their "Get started" boxes are the page.)
pub fn declares_post(survey: &Survey, url: Option<&url::Url>) -> bool {
    let canonical = survey
        .meta
        .canonical
        .as_deref()
        .and_then(|c| url::Url::parse(c.trim()).ok());
    url.into_iter().chain(canonical.as_ref()).any(filed_as_post)
}

/// Whether a folder of the address is one of the site's posts' (the last segment is the page's
/// own name: `/news` is the news index, not a story).
fn filed_as_post(url: &url::Url) -> bool {
    let segments: Vec<&str> = url.path().split('/').filter(|s| !s.is_empty()).collect();
    let Some((_, folders)) = segments.split_last() else {
        return false;
    };
    folders.iter().any(|s| {
        let s = s.to_ascii_lowercase();
        let year = s.len() == 4
            && (s.starts_with("19") || s.starts_with("20"))
            && s.bytes().all(|b| b.is_ascii_digit());
        year || crate::rules::hints::POST_PATH_WORDS.contains(&s.as_str())
    })
}

/// The publication date; `graph` lets any JSON-LD node's date stand in.
fn dated(survey: &Survey, article: &ArticleBlocks, graph: bool) -> Option<String> {
    let m = &survey.meta;
    let none = None;
    let graph_published = if graph { &m.ld.graph_published } else { &none };
    let declared = [&m.ld.published, &m.published, &m.time, graph_published]
        .into_iter()
        .find_map(|d| {
            d.as_deref()
                .and_then(|d| dates::normalize(&fold_whitespace(&decode_entities(d))))
        });
    let shown = printed_dates(survey, article, m.lang.as_deref());
    let printed = shown.first().cloned();
    // A page that shows only when it was updated ("Updated August 14, 2025") dates itself by
    // that day: the reader sees that date, as the page does. (A page that prints both keeps
    // the day it was published.)
    let modified = declared_modified(survey, graph);
    let near = |d: &str| {
        shown
            .iter()
            .find(|p| dates::days_apart(d, p).is_some_and(|n| n <= 1))
            .cloned()
    };
    if let Some(u) = &modified {
        if declared.as_deref().and_then(near).is_none() {
            if let Some(p) = near(u) {
                return Some(p);
            }
        }
    }
    // A page whose declared publication day is its modification day may declare when it was
    // last built, not when it was written: an earlier date printed by the headline is the
    // story's. (A later one is as likely today's date in the masthead.)
    if let (Some(d), Some(u), Some(p)) = (&declared, &modified, &printed) {
        let rebuilt = dates::days_apart(d, u).is_some_and(|n| n <= REBUILT_MAX_DAYS);
        if rebuilt && p < d && dates::days_apart(d, p).is_some_and(|n| n > 1) {
            return Some(p.clone());
        }
    }
    match (declared, printed) {
        (Some(d), Some(p)) if dates::days_apart(&d, &p).is_some_and(|n| (1..=1).contains(&n)) => {
            Some(p)
        }
        (Some(d), _) => Some(d),
        (None, p) => p,
    }
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

/// Every date printed near the article's headline, the likeliest first: those in `<time>` or in
/// an element named for the date, then short lines around the headline that are a date
/// ("Published August 7, 2023").
fn printed_dates(survey: &Survey, article: &ArticleBlocks, lang: Option<&str>) -> Vec<String> {
    let month_first = lang.is_none_or(|l| l.to_ascii_lowercase().starts_with("en-us") || l == "en");
    let Some(root) = article.root else {
        return Vec::new();
    };
    let start = headline_row(survey, root).map_or(root, |h| h.min(root)) as usize;
    let Some(end) = survey.row(root).map(|r| r.end as usize) else {
        return Vec::new();
    };
    let Some(near) = survey.rows.get(start.saturating_sub(40)..end) else {
        return Vec::new();
    };
    let short = |r: &&crate::survey::Row| !r.hidden && r.text > 0 && r.words <= 20;
    let mut found: Vec<String> = near
        .iter()
        .filter(short)
        .filter(|r| r.tag.as_ref() == "time" || says_any(&[&r.class, &r.id, &r.extra], DATE_WORDS))
        .filter_map(|r| dates::printed(&decode_entities(&r.preview), month_first))
        .collect();
    // (The body's first paragraph: a standfirst between the headline and the body is not it.)
    let body = start.max(root as usize);
    let header_end = (body..end)
        .find(|&i| survey.rows[i].tag.as_ref() == "p" && survey.rows[i].text >= 120)
        .unwrap_or(end)
        .min(start + 80);
    if let Some(lines) = survey.rows.get(start.saturating_sub(40)..header_end) {
        found.extend(
            lines
                .iter()
                .filter(short)
                .filter(|r| r.words <= 12)
                .filter_map(|r| dates::printed(&decode_entities(&r.preview), month_first)),
        );
    }
    // A line that says what its date is ("Posted on April 13, 2023") may sit in a column beside
    // the body or under it. (A teaser's bare date there is another story's.)
    // (So may it anywhere in the block that holds both the headline and the body: a
    // collection's side column of facts.)
    let after = (end + AFTER_ARTICLE_ROWS)
        .max(article_wrapper_end(survey, start as u32, root))
        .min(survey.rows.len());
    if let Some(lines) = survey.rows.get(end..after) {
        found.extend(
            lines
                .iter()
                .filter(short)
                .filter(|r| r.words <= 8)
                .filter_map(|r| {
                    let line = decode_entities(&r.preview).to_lowercase();
                    PUBLISHED_LABELS
                        .iter()
                        .any(|l| line.trim_start().starts_with(l))
                        .then(|| dates::printed(&line, month_first))
                        .flatten()
                }),
        );
    }
    found
}

/// Where the smallest block holding both the headline and the article's root ends, when it is
/// little more than the two (else the root's own end): the article's own wrapper.
fn article_wrapper_end(survey: &Survey, headline: u32, root: u32) -> usize {
    let rows = &survey.rows;
    let Some(r) = rows.get(root as usize) else {
        return 0;
    };
    let wrapper = std::iter::once(headline)
        .chain(survey.ancestors(headline))
        .find(|&o| survey.contains(o, root));
    wrapper
        .map(|w| &rows[w as usize])
        .filter(|w| w.text as f32 <= r.text as f32 * ARTICLE_WRAPPER_MAX_TEXT)
        .map_or(r.end as usize, |w| w.end as usize)
}

/// Words that open a line giving the publication date.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "publié",
    "veröffentlicht",
    "publicado",
    "pubblicato",
    "gepubliceerd",
];

fn first_heading(survey: &Survey, article: &ArticleBlocks) -> Option<String> {
    let start = article.root.unwrap_or(0) as usize;
    survey.rows.iter().skip(start).find_map(|r| {
        (r.tag.as_ref() == "h1" && !r.hidden && r.text > 0)
            .then(|| fold_whitespace(&decode_entities(&r.preview)))
    })
}

/// Whether a name is a user name: one word with a dot, an underscore, an at sign or a digit,
/// or all in lower case.
fn is_user_name(name: &str) -> bool {
    !name.contains(' ')
        && (name.contains(['.', '_', '@'])
            || name.chars().any(|c| c.is_ascii_digit())
            || name == name.to_lowercase())
}

/// Words that are not a name: labels and placeholders a byline element may hold on its own.
const NOT_NAMES: &[&str] = &[
    "by",
    "author",
    "the author",
    "authors",
    "name",
    "written by",
    "posted by",
];

/// A byline cleaned of its label and what follows the name ("By Jane Doe | Published …"), if it
/// is a person's name at all.
fn person_name(raw: &str, publishers: &[String]) -> Option<String> {
    // (A commenter's name over a comment: "Lori Campbell says:".)
    if raw.to_lowercase().contains(" says") {
        return None;
    }
    let b = without_label(raw);
    // A date before the name ("Dec 17, 2025Julian K. Arni", "Dec. 19, 2025 · Niko Matsakis",
    // the spans run together): the name is what follows the year.
    if let Some(rest) = dates::after_leading_date(b) {
        return person_name(rest, publishers);
    }
    // A date line before the byline ("Updated January 08, 2026 Written by Meghan Neville").
    let lower = b.to_lowercase();
    if let Some(at) = [" written by ", " posted by ", " by "]
        .iter()
        .find_map(|l| lower.find(l).map(|at| at + l.len()))
        .filter(|&at| b.is_char_boundary(at) && dates::printed(&b[..at], true).is_some())
    {
        return person_name(&b[at..], publishers);
    }
    let mut b = b;
    // What follows the name: a date, a reading time, a separator, a section.
    for stop in BYLINE_STOPS {
        if let Some(at) = b.find(stop) {
            b = &b[..at];
        }
    }
    let b = before_trailing_date(b.trim())
        .trim()
        .trim_end_matches(',')
        .trim();
    let lower = b.to_lowercase();
    // ("By signing up, you agree to our Privacy Policy" is a sentence, not a name.)
    let words: Vec<&str> = b.split_whitespace().collect();
    let lowercase = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let sentence = words.len() >= 3 && lowercase * 2 > words.len();
    // (A day or a month alone, "Sat", is a dateline's piece.)
    let calendar = words.len() == 1 && dates::is_calendar_word(b);
    let letters = b.chars().filter(|c| c.is_alphabetic()).count();
    let user_name = is_user_name(b);
    let is_publisher = publishers.iter().any(|p| p.eq_ignore_ascii_case(b));
    let dated = dates::printed(b, true).is_some();
    // (Pages do name an organization or a user name as the author, and that is what a reader
    // sees: only a name that is the page's own publisher and also a user name is refused.)
    (letters >= 2
        && b.chars().count() < 100
        && (!user_name || !is_publisher)
        && !dated
        && !sentence
        && !calendar
        && !NOT_NAMES.contains(&lower.as_str())
        // ("Jun 2 Written By": a label whose name the page put elsewhere.)
        && !lower.ends_with(" by")
        && !b.starts_with("http"))
    .then(|| b.to_owned())
}

/// Labels that open a byline ("By", "Written by:", "Contributors:"), longest first.
const BYLINE_LABELS: &[&str] = &[
    "this post was written by",
    "written by",
    "authored by",
    "posted by",
    "reviewed by",
    "articles by",
    "posts by",
    "recipe by",
    "contributors",
    "contributor",
    "words by",
    "text by",
    "story by",
    "article by",
    "authors",
    "author",
    "by",
    "von",
    "par",
    "por",
    "door",
    "di",
];

/// What ends the name in a byline line.
const BYLINE_STOPS: &[&str] = &[
    " | ",
    " • ",
    " · ",
    " - ",
    " — ",
    " Published",
    " Updated",
    " on ",
    " in ",
    " Last ",
];

/// The byline without its label and the punctuation around it.
fn without_label(raw: &str) -> &str {
    let mut b = raw
        .trim()
        .trim_matches(|c: char| c == ',' || c == '*' || c == ':')
        .trim();
    for label in BYLINE_LABELS {
        if b.len() > label.len()
            && b.is_char_boundary(label.len())
            && b[..label.len()].eq_ignore_ascii_case(label)
            && (b[label.len()..].starts_with([' ', ':'])
                // (A "by" glued to the name by the page's markup: "Written byAAA Travel
                // Editor", "byClemson News".)
                || (label.ends_with("by")
                    && b[label.len()..].starts_with(|c: char| c.is_uppercase())))
        {
            b = b[label.len()..].trim_start_matches([' ', ':']);
            break;
        }
    }
    b.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// A name without the date printed after it ("Luke Kim December 17, 2025", "Ziyi Xu, Dec 17,
/// 2025"): the words before the first one that opens a date.
fn before_trailing_date(b: &str) -> &str {
    let Some(date) = dates::printed(b, true) else {
        return b;
    };
    // The last word from which the same date still reads is where the date starts.
    b.char_indices()
        .filter(|&(i, c)| i > 0 && !c.is_whitespace() && b[..i].ends_with([' ', ',']))
        .map(|(i, _)| i)
        .rfind(|&at| dates::printed(&b[at..], true).as_deref() == Some(date.as_str()))
        .map_or(b, |at| b[..at].trim().trim_end_matches(','))
}

/// The first element whose class, rel or itemprop says "author" or "byline", with a short text
/// that `valid` takes for a name.
fn byline_element(survey: &Survey, valid: impl Fn(String) -> Option<String>) -> Option<String> {
    survey.rows.iter().find_map(|r| {
        if r.hidden || r.text == 0 || r.words > 12 {
            return None;
        }
        if says_any(&[&r.class, &r.id, &r.extra], &["byline", "author"]) {
            valid(fold_whitespace(&decode_entities(&r.preview)))
        } else {
            None
        }
    })
}

/// How a line that is a byline opens.
const BYLINE_LINE_OPENINGS: &[&str] = &[
    "by ",
    "by:",
    "written by ",
    "written by:",
    "this post was written by ",
    "contributors:",
    "von ",
    "par ",
    "por ",
    "door ",
    "di ",
];

/// The rows a byline is looked for in: from a little before the headline, through the body, to
/// the author's box after it ("Written by …").
fn byline_zone(survey: &Survey, article: &ArticleBlocks) -> Option<std::ops::Range<usize>> {
    let root = article.root?;
    let start = headline_row(survey, root).unwrap_or(root) as usize;
    let end = (survey.row(root)?.end as usize + AFTER_ARTICLE_ROWS).min(survey.rows.len());
    Some(start.saturating_sub(40)..end)
}

/// A short line by the headline, in the article or in the author's box after it, that starts
/// with "By" (or "Written by", "Von", "Par", "Por", "Door", "Di").
fn by_line(
    survey: &Survey,
    article: &ArticleBlocks,
    valid: impl Fn(String) -> Option<String>,
) -> Option<String> {
    let zone = byline_zone(survey, article)?;
    let end = zone.end;
    let rows = &survey.rows;
    zone.into_iter().find_map(|i| {
        let r = &rows[i];
        if r.hidden || r.text == 0 || r.words > 10 {
            return None;
        }
        let text = fold_whitespace(&decode_entities(&r.preview));
        let lower = text.to_lowercase();
        // A label on a line of its own ("Written by", "Author:"): the name is the next line.
        let label = lower.trim_end_matches([':', ' ']);
        if BYLINE_LABELS.contains(&label) {
            let next = (r.end as usize..end).find(|&j| !rows[j].hidden && rows[j].text > 0)?;
            let name = &rows[next];
            return (name.words <= 5)
                .then(|| valid(fold_whitespace(&decode_entities(&name.preview))))
                .flatten();
        }
        BYLINE_LINE_OPENINGS
            .iter()
            .any(|p| lower.starts_with(p))
            .then(|| valid(text))
            .flatten()
    })
}

/// Words of a line in an author's box that is not the name: its heading or a label.
const AUTHOR_BOX_LABELS: &[&str] = &["author", "authors", "about", "by", "written", "posted"];

/// The name in the author's box by the headline or after the body: a box named "author" (too
/// long to be the byline itself: a photo, the name, a bio) whose first line of two to four
/// words, not a label ("About the author", "Written by"), is a name.
fn author_box(
    survey: &Survey,
    article: &ArticleBlocks,
    valid: impl Fn(String) -> Option<String>,
) -> Option<String> {
    let rows = &survey.rows;
    byline_zone(survey, article)?.find_map(|b| {
        let bx = &rows[b];
        if bx.hidden || bx.words <= 12 || !says_any(&[&bx.class, &bx.id], &["author"]) {
            return None;
        }
        let line = (b + 1..bx.end as usize).find(|&i| {
            let r = &rows[i];
            !r.hidden && r.text > 0 && r.own_text > 0
        })?;
        let r = &rows[line];
        let text = fold_whitespace(&decode_entities(&r.preview));
        let lower = text.to_lowercase();
        let labelled = crate::text::tokens(&lower).any(|w| AUTHOR_BOX_LABELS.contains(&w.as_str()));
        ((2..=4).contains(&r.words) && !labelled && !text.ends_with(':'))
            .then(|| valid(text))
            .flatten()
    })
}

fn first_paragraph(survey: &Survey, article: &ArticleBlocks) -> Option<String> {
    let root = article.root?;
    let end = survey.row(root)?.end as usize;
    survey.rows[root as usize..end].iter().find_map(|r| {
        (r.tag.as_ref() == "p" && !r.hidden && r.text >= 80)
            .then(|| truncate_chars(&fold_whitespace(&decode_entities(&r.preview)), 200))
    })
}

#[cfg(test)]
mod tests {
    use super::person_name;

    fn name(raw: &str) -> Option<String> {
        person_name(raw, &["Example News".to_owned()])
    }

    #[test]
    fn a_byline_gives_the_name_without_its_label_date_or_section() {
        assert_eq!(
            name("by: Ziyi Xu, Dec 17, 2025").as_deref(),
            Some("Ziyi Xu")
        );
        assert_eq!(
            name("Written by: Elise Nass").as_deref(),
            Some("Elise Nass")
        );
        // A label glued to the name by the markup, and labels of other words.
        assert_eq!(
            name("Written byAAA Travel Editor").as_deref(),
            Some("AAA Travel Editor")
        );
        assert_eq!(
            name("Text by Hunter Dukes").as_deref(),
            Some("Hunter Dukes")
        );
        assert_eq!(name("DiCaprio Smith").as_deref(), Some("DiCaprio Smith"));
        assert_eq!(
            name("Authored by: Dr. Ehsan Jazini").as_deref(),
            Some("Dr. Ehsan Jazini")
        );
        assert_eq!(name("Articles by Juliette").as_deref(), Some("Juliette"));
        assert_eq!(name("Recipe by PJ Hamel").as_deref(), Some("PJ Hamel"));
        assert_eq!(
            name("Authors: Julie Weisenhorn and Natalie Hoidal").as_deref(),
            Some("Julie Weisenhorn and Natalie Hoidal")
        );
        // A label left without its name; a dateline's day alone.
        assert_eq!(name("Jun 2 Written By"), None);
        assert_eq!(name("Sat"), None);
        assert_eq!(
            name("Luke Kim December 17, 2025").as_deref(),
            Some("Luke Kim")
        );
        assert_eq!(
            name("Andrew Gerrand 4 August 2010").as_deref(),
            Some("Andrew Gerrand")
        );
        assert_eq!(
            name("Dec. 19, 2025 · Niko Matsakis on behalf of the team").as_deref(),
            Some("Niko Matsakis")
        );
        assert_eq!(
            name("Dec 26, 2025 • Mahua Das in Project Management").as_deref(),
            Some("Mahua Das")
        );
        assert_eq!(
            name("Contributors: Janet Loughrey").as_deref(),
            Some("Janet Loughrey")
        );
        assert_eq!(
            name("Updated January 08, 2026 Written by Meghan Neville").as_deref(),
            Some("Meghan Neville")
        );
        assert_eq!(
            name("by jsteinhardt 18th Dec 2025 AI Alignment Forum").as_deref(),
            Some("jsteinhardt")
        );
    }

    #[test]
    fn a_date_a_label_a_sentence_or_a_commenter_is_no_name() {
        assert_eq!(name("By signing up, you agree to our Privacy Policy"), None);
        assert_eq!(name("Lori Campbell says: March 3, 2024 at 9:12 am"), None);
        assert_eq!(name("December 17, 2025"), None);
        assert_eq!(name("Written by"), None);
        assert_eq!(name("By"), None);
    }
}
