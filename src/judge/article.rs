//! Finding the article: score prose paragraphs into their ancestors, pick the best-scoring
//! block, let it climb when the article was split into sections, and add sibling blocks that
//! belong to it.

use crate::rules::hints::{self, article_lean, chrome_hint, says_any};
use crate::rules::lexicon;
use crate::survey::{Row, Survey, NO_PARENT};
use crate::tuning::*;

/// The article as the judge sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleBlocks {
    /// The article root, if the page has prose at all.
    pub root: Option<u32>,
    /// The blocks that make up the article, in document order.
    pub blocks: Vec<u32>,
}

/// Landmarks whose prose is never the article's (navigation, sidebars, footers, forms).
const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "form", "menu", "dialog"];

/// A cookie-consent box: a consent word in its names, or "cookie" in its label. ("Cookie"
/// counts only in an aria-label: a recipe's class may say "cookies". A dialog's role alone
/// says nothing: a quick-view modal left unclosed may hold the page.)
fn is_consent(row: &Row) -> bool {
    says_any(&[&row.extra], &["cookie", "cookies"])
        || says_any(&[&row.class, &row.id, &row.extra], hints::CONSENT_WORDS)
}

/// Tags that are prose paragraphs for scoring.
fn is_paragraph(row: &Row) -> bool {
    match &*row.tag {
        "p" | "pre" => true,
        "td" | "blockquote" | "dd" => row.paragraphs == 0,
        "div" | "section" | "article" | "li" | "span" | "font" | "center" => {
            row.paragraphs == 0 && row.own_text >= MIN_PARAGRAPH_CHARS * 2
        }
        _ => false,
    }
}

fn initial_score(row: &Row) -> f32 {
    let by_tag = match &*row.tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let lean = article_lean(&row.class) + article_lean(&row.id) + article_lean(&row.extra);
    // A block named like chrome ("story-gate", "related-posts") is not article-ish.
    let chrome = [&row.class, &row.id]
        .iter()
        .any(|v| chrome_hint(v).is_some());
    let lean = if chrome { lean.min(0) - 1 } else { lean };
    by_tag + lean as f32 * CLASS_WEIGHT
}

/// Finds the article in a survey: mark furniture, score prose into its ancestors, take the best
/// candidate, climb out of a data table and through wrappers and split sections, then add the
/// siblings that belong to it.
pub fn find(survey: &Survey) -> ArticleBlocks {
    let furniture = furniture(&survey.rows);
    let scores = Scores::of(survey, &furniture);
    let Some(best) = scores.best(&survey.rows, &furniture) else {
        return fallback(survey);
    };
    let root = climb_out_of_table(&survey.rows, &furniture, best);
    let root = climb(survey, &furniture, &scores, root);
    ArticleBlocks {
        root: Some(root as u32),
        blocks: join_siblings(survey, &furniture, &scores, root),
    }
}

/// Furniture: inside nav/aside/footer/… (parents precede children, so one forward pass). A form
/// is furniture when it is small beside the page (a search box, a sign-up form); a form that
/// holds most of the page's text is an ASP.NET page's wrapper around everything.
fn furniture(rows: &[Row]) -> Vec<bool> {
    let page_text = rows.iter().map(|r| r.text).max().unwrap_or(0);
    let mut furniture = vec![false; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        let inherited = row.parent != NO_PARENT && furniture[row.parent as usize];
        // (The same for any landmark left unclosed around the page: `<aside>` with no end tag.)
        let wrapper = row.text * 2 >= page_text && page_text > 0;
        furniture[i] = inherited
            || row.hidden
            || (FURNITURE_TAGS.contains(&&*row.tag) && !wrapper)
            || (is_consent(row) && !wrapper)
            || row
                .class
                .split_ascii_whitespace()
                .any(|c| hints::SITE_BANNER_CLASSES.contains(&c));
    }
    furniture
}

/// Each block's prose score and the prose it holds.
struct Scores {
    /// Paragraph scores credited from up to five levels below.
    content: Vec<f32>,
    /// Blocks some paragraph credited: the candidates for the root.
    candidate: Vec<bool>,
    /// Paragraph text per subtree, leaving out blocks that announce themselves as chrome
    /// ("Recommended for you") wherever they sit below: a rail inside the article's wrapper
    /// must not pull the root up to it.
    clean: Vec<u32>,
}

impl Scores {
    fn of(survey: &Survey, furniture: &[bool]) -> Scores {
        let rows = &survey.rows;
        let n = rows.len();
        let mut content = vec![0f32; n];
        let mut candidate = vec![false; n];
        let mut prose = vec![0u32; n];
        for (i, row) in rows.iter().enumerate() {
            if furniture[i] || !is_paragraph(row) {
                continue;
            }
            let text = if row.paragraphs == 0 && row.tag.as_ref() != "p" {
                row.own_text
            } else {
                row.text
            };
            if text < MIN_PARAGRAPH_CHARS {
                continue;
            }
            prose[i] = text;
            let length_bonus = ((text / LENGTH_BONUS_CHARS) as f32).min(MAX_LENGTH_BONUS);
            let score = 1.0 + row.commas as f32 + length_bonus;
            for (level, anc) in survey.ancestors(i as u32).take(5).enumerate() {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                content[anc as usize] += score / divider;
                candidate[anc as usize] = true;
            }
        }
        // Children follow parents, so subtree sums run in reverse order.
        let mut clean = prose;
        for i in (0..n).rev() {
            let parent = rows[i].parent;
            if parent != NO_PARENT && clean[i] > 0 && !announces_chrome(&rows[i]) {
                clean[parent as usize] += clean[i];
            }
        }
        Scores {
            content,
            candidate,
            clean,
        }
    }

    /// A block's score: its prose and its name's lean, less its share of link text.
    fn score(&self, rows: &[Row], i: usize) -> f32 {
        let row = &rows[i];
        (self.content[i] + initial_score(row)) * (1.0 - row.link_density())
    }

    /// The best-scoring candidate outside furniture.
    fn best(&self, rows: &[Row], furniture: &[bool]) -> Option<usize> {
        (0..rows.len())
            .filter(|&i| self.candidate[i] && !furniture[i])
            .filter(|&i| !matches!(&*rows[i].tag, "html" | "head"))
            .max_by(|&a, &b| self.score(rows, a).total_cmp(&self.score(rows, b)))
    }
}

/// The parent a climb from `at` may step to: not the page's body, not furniture, not mostly
/// links.
fn climbable_parent(rows: &[Row], furniture: &[bool], at: usize) -> Option<usize> {
    let parent = rows[at].parent;
    if parent == NO_PARENT || matches!(&*rows[parent as usize].tag, "html" | "body") {
        return None;
    }
    let p = parent as usize;
    // A wrapper that adds no text of its own is passed through whatever the block holds: a
    // credits list of linked names does not make the article's wrappers a link list.
    let wrapper = rows[p].text == rows[at].text;
    (!furniture[p] && (wrapper || rows[p].link_density() < CLIMB_MAX_LINK_DENSITY)).then_some(p)
}

/// A data table's rows are short cells that add up: a table part that won is a table in the
/// article, so the root starts at the table's own container (unless that is furniture or mostly
/// links).
fn climb_out_of_table(rows: &[Row], furniture: &[bool], mut root: usize) -> usize {
    while matches!(
        &*rows[root].tag,
        "tbody" | "thead" | "tfoot" | "tr" | "table"
    ) {
        let Some(p) = climbable_parent(rows, furniture, root) else {
            break;
        };
        root = p;
    }
    root
}

/// Climbs: wrappers with the same prose are passed through. An ancestor becomes the root when it
/// holds clearly more prose outside blocks that announce themselves as chrome (the article was
/// split into sections or steps); rails such as "Recommended for you" do not count, so their
/// prose never pulls the root up.
fn climb(survey: &Survey, furniture: &[bool], scores: &Scores, mut root: usize) -> usize {
    let rows = &survey.rows;
    let clean = &scores.clean;
    let mut cur = root;
    while let Some(p) = climbable_parent(rows, furniture, cur) {
        let siblings: u32 = children(survey, p as u32)
            .map(|c| c as usize)
            .filter(|&c| c != cur && !announces_chrome(&rows[c]))
            .map(|c| clean[c])
            .sum();
        let reach = clean[cur] + siblings;
        let split = children(survey, p as u32).any(|c| {
            let c = c as usize;
            c != cur
                && clean[c] >= SPLIT_SECTION_MIN_CHARS
                && same_shape(&rows[c], &rows[cur])
                && !announces_chrome(&rows[c])
        });
        if split || reach as f32 >= clean[root] as f32 * CLIMB_TEXT_FACTOR {
            root = p;
        }
        cur = p;
    }
    root
}

/// The root's siblings that belong to the article: candidates that score near it, and long
/// link-poor paragraphs beside it. (A root directly under `<html>` stands alone.)
fn join_siblings(survey: &Survey, furniture: &[bool], scores: &Scores, root: usize) -> Vec<u32> {
    let rows = &survey.rows;
    let parent = rows[root].parent;
    if parent == NO_PARENT || matches!(&*rows[parent as usize].tag, "html") {
        return vec![root as u32];
    }
    let threshold = SIBLING_MIN_SCORE.max(scores.score(rows, root) * SIBLING_SCORE_SHARE);
    children(survey, parent)
        .filter(|&sib| {
            let s = sib as usize;
            let row = &rows[s];
            s == root
                || (!furniture[s] && scores.candidate[s] && scores.score(rows, s) >= threshold)
                || (!furniture[s]
                    && row.tag.as_ref() == "p"
                    && row.text >= SIBLING_PARAGRAPH_CHARS
                    && row.link_density() < SIBLING_PARAGRAPH_MAX_LINK_DENSITY)
        })
        .collect()
}

/// Two blocks that are sections of one layout: the same sectioning tag and the same class.
fn same_shape(a: &Row, b: &Row) -> bool {
    matches!(&*a.tag, "div" | "section" | "article")
        && a.tag == b.tag
        && a.class == b.class
        && (!a.class.is_empty() || a.tag.as_ref() != "div")
}

/// A block named like chrome, or whose opening words are a rail or prompt heading
/// ("Recommended for you", "Most read", "Sign up to read").
fn announces_chrome(row: &Row) -> bool {
    if chrome_hint(&row.class).is_some() || chrome_hint(&row.id).is_some() {
        return true;
    }
    let opening: String = row.preview.chars().take(OPENING_CHARS).collect();
    let mut folded = String::new();
    lexicon::fold(&opening, &mut folded);
    let mut strong = false;
    // (A share bar's words are no heading: a share row often opens the article's own
    // section, "Share Share on Facebook" over the recipe.)
    lexicon::scan(&folded, |i| {
        let phrase = &lexicon::PHRASES[i];
        strong |= phrase.strength == lexicon::Strength::Strong
            && phrase.category != crate::category::Category::Social;
    });
    strong
}

/// A page without scorable prose: the body is the article; a fragment without a body shows
/// its top-level elements.
fn fallback(survey: &Survey) -> ArticleBlocks {
    if let Some(body) = survey.rows.iter().position(|r| r.tag.as_ref() == "body") {
        return ArticleBlocks {
            root: Some(body as u32),
            blocks: vec![body as u32],
        };
    }
    let blocks: Vec<u32> = survey
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.parent == NO_PARENT && !matches!(&*r.tag, "head" | "script" | "style"))
        .map(|(i, _)| i as u32)
        .collect();
    ArticleBlocks {
        root: blocks.first().copied(),
        blocks,
    }
}

/// The children of an element, in document order.
pub fn children(survey: &Survey, parent: u32) -> impl Iterator<Item = u32> + '_ {
    let end = survey.row(parent).map_or(0, |r| r.end);
    let mut next = parent + 1;
    std::iter::from_fn(move || {
        if next >= end {
            return None;
        }
        let this = next;
        next = survey.row(this).map_or(end, |r| r.end.max(this + 1));
        Some(this)
    })
}
