//! Reader quality against WCXB's human-marked truth (`../shared/corpus/wcxb`): 4-gram shingle F1
//! (the Zyte benchmark's definition) and word F1 (WCXB's), `with`/`without` snippet rates, and
//! title/author/date accuracy, per page type. Definitions follow the corpus README.

use super::clean::read_page;
use crate::{read, Options};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// `\w+` runs (letters, digits, marks and `_`), case kept.
pub fn word_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Precision and recall of 4-token shingles, counted with multiplicity. `None` precision when the
/// output has no shingle.
pub fn shingle_scores(got: &str, want: &str) -> (Option<f64>, f64) {
    fn shingles(text: &str) -> HashMap<Vec<&str>, i64> {
        let t = word_tokens(text);
        let mut bag = HashMap::new();
        for w in t.windows(4) {
            *bag.entry(w.to_vec()).or_insert(0) += 1;
        }
        bag
    }
    let g = shingles(got);
    let w = shingles(want);
    let g_n: i64 = g.values().sum();
    let w_n: i64 = w.values().sum();
    let common: i64 = g
        .iter()
        .map(|(k, &n)| n.min(w.get(k).copied().unwrap_or(0)))
        .sum();
    let precision = (g_n > 0).then(|| common as f64 / g_n as f64);
    let recall = if w_n == 0 {
        1.0
    } else {
        common as f64 / w_n as f64
    };
    (precision, recall)
}

/// Word F1: lower-case `\w+` tokens as bags with multiplicity.
pub fn word_f1(got: &str, want: &str) -> f64 {
    let bag = |t: &str| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for w in word_tokens(t) {
            *m.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        m
    };
    let g = bag(got);
    let w = bag(want);
    let g_n: i64 = g.values().sum();
    let w_n: i64 = w.values().sum();
    if g_n == 0 && w_n == 0 {
        return 1.0;
    }
    let common: i64 = g
        .iter()
        .map(|(k, &n)| n.min(w.get(k).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / g_n as f64;
    let r = common as f64 / w_n as f64;
    2.0 * p * r / (p + r)
}

/// Text folded for snippet and title comparison: NFKC, lower case, runs of non-word characters
/// as one space.
pub fn fold(text: &str) -> String {
    let nfkc: String = text.nfkc().collect::<String>().to_lowercase();
    word_tokens(&nfkc).join(" ")
}

/// WCXB cuts a long snippet at this many characters, often inside a word ("… a cheap one that
/// does" of "doesn't"): 437 of its snippets are exactly this long.
const SNIPPET_CUT_CHARS: usize = 80;

/// Whether a `with`/`without` snippet is in the folded text (` words `, spaced at both ends):
/// on whole words, except that a snippet cut at [`SNIPPET_CUT_CHARS`] may end inside one. A
/// few snippets carry their page's HTML entities (`Let&#39;s`); they are decoded first.
fn snippet_in(folded: &str, snippet: &str) -> bool {
    let f = fold(&crate::text::decode_entities(snippet));
    if f.is_empty() {
        return false;
    }
    if snippet.chars().count() == SNIPPET_CUT_CHARS {
        folded.contains(&format!(" {f}"))
    } else {
        folded.contains(&format!(" {f} "))
    }
}

/// One page's scores.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WcxbPage {
    /// The WCXB page id.
    pub id: String,
    /// The page type WCXB gives it (`article`, …).
    pub page_type: String,
    /// `None` when the reader gave no text.
    pub shingle_precision: Option<f64>,
    /// Share of the truth's 4-token shingles that the reader text has.
    pub shingle_recall: f64,
    /// Word F1 of the reader text against the truth.
    pub word_f1: f64,
    /// `with` snippets (text that must be in the main content) found in the reader text.
    pub with_found: usize,
    /// `with` snippets the truth lists.
    pub with_total: usize,
    /// `without` snippets (text that must not be in the main content) found in the reader text.
    pub without_found: usize,
    /// `without` snippets the truth lists.
    pub without_total: usize,
    /// Whether the title equals the truth's, folded; `None` when the truth has no value.
    pub title_ok: Option<bool>,
    /// Whether the byline and the truth's author, folded, contain one another; `None` when the
    /// truth has no value.
    pub author_ok: Option<bool>,
    /// Whether the publication date starts with the truth's; `None` when the truth has no value.
    pub date_ok: Option<bool>,
    /// Whether the verdict called the page readerable (an article worth a reader view).
    pub readerable: bool,
    /// Set when the page could not be read or the engine failed on it (scores are then 0).
    pub error: Option<String>,
}

/// Aggregates over a set of pages.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WcxbSummary {
    /// Pages summarized.
    pub pages: usize,
    /// Mean shingle precision over the pages where the reader gave text.
    pub shingle_precision: f64,
    /// Mean shingle recall over all pages.
    pub shingle_recall: f64,
    /// Harmonic mean of the mean shingle precision and recall.
    pub shingle_f1: f64,
    /// Mean word F1.
    pub word_f1: f64,
    /// `with` snippets found over `with` snippets listed, summed over pages (higher is better).
    pub with_rate: f64,
    /// `without` snippets found over `without` snippets listed, summed over pages (lower is
    /// better).
    pub without_rate: f64,
    /// Share of pages with a truth title whose title is right.
    pub title: f64,
    /// Share of pages with a truth author whose byline is right.
    pub author: f64,
    /// Share of pages with a truth date whose publication date is right.
    pub date: f64,
    /// Share of pages whose `readerable` is right (true for articles, false for the other types).
    pub readerable: f64,
}

impl WcxbSummary {
    /// Summarizes pages as the corpus README defines the scores.
    pub fn of<'a>(pages: impl IntoIterator<Item = &'a WcxbPage>) -> WcxbSummary {
        let pages: Vec<&WcxbPage> = pages.into_iter().collect();
        let n = pages.len().max(1) as f64;
        let with_p: Vec<f64> = pages.iter().filter_map(|p| p.shingle_precision).collect();
        let precision = with_p.iter().sum::<f64>() / with_p.len().max(1) as f64;
        let recall = pages.iter().map(|p| p.shingle_recall).sum::<f64>() / n;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let rate = |found: fn(&WcxbPage) -> usize, total: fn(&WcxbPage) -> usize| {
            let t: usize = pages.iter().map(|p| total(p)).sum();
            pages.iter().map(|p| found(p)).sum::<usize>() as f64 / t.max(1) as f64
        };
        let acc = |f: fn(&WcxbPage) -> Option<bool>| {
            let known: Vec<bool> = pages.iter().filter_map(|p| f(p)).collect();
            known.iter().filter(|&&b| b).count() as f64 / known.len().max(1) as f64
        };
        WcxbSummary {
            pages: pages.len(),
            shingle_precision: precision,
            shingle_recall: recall,
            shingle_f1: f1,
            word_f1: pages.iter().map(|p| p.word_f1).sum::<f64>() / n,
            with_rate: rate(|p| p.with_found, |p| p.with_total),
            without_rate: rate(|p| p.without_found, |p| p.without_total),
            title: acc(|p| p.title_ok),
            author: acc(|p| p.author_ok),
            date: acc(|p| p.date_ok),
            readerable: pages
                .iter()
                .filter(|p| p.readerable == (p.page_type == "article"))
                .count() as f64
                / n,
        }
    }
}

fn strings(v: Option<&serde_json::Value>) -> Vec<String> {
    match v {
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

impl WcxbPage {
    /// A page with nothing scored yet.
    fn empty(id: &str, page_type: &str) -> WcxbPage {
        WcxbPage {
            id: id.to_owned(),
            page_type: page_type.to_owned(),
            shingle_precision: None,
            shingle_recall: 0.0,
            word_f1: 0.0,
            with_found: 0,
            with_total: 0,
            without_found: 0,
            without_total: 0,
            title_ok: None,
            author_ok: None,
            date_ok: None,
            readerable: false,
            error: None,
        }
    }
}

/// Scores the reader on one WCXB page.
pub fn score_page(id: &str, entry: &serde_json::Value, html: &[u8]) -> WcxbPage {
    let field = |k: &str| entry.get(k).and_then(|v| v.as_str());
    let mut page = WcxbPage::empty(id, field("type").unwrap_or(""));
    let options = Options::with_url(field("url").unwrap_or(""));
    let reader = match read(html, &options) {
        Ok(r) => r,
        Err(e) => {
            page.error = Some(e.to_string());
            return page;
        }
    };
    page.readerable = crate::analyze(html, &options).is_ok_and(|a| a.verdict.readerable);
    let got = &reader.article.text;
    let want = field("main_content").unwrap_or("");
    let (p, r) = shingle_scores(got, want);
    page.shingle_precision = p;
    page.shingle_recall = r;
    page.word_f1 = word_f1(got, want);
    let folded = format!(" {} ", fold(got));
    let contains = |s: &str| snippet_in(&folded, s);
    let with = strings(entry.get("with"));
    let without = strings(entry.get("without"));
    page.with_total = with.len();
    page.with_found = with.iter().filter(|s| contains(s)).count();
    page.without_total = without.len();
    page.without_found = without.iter().filter(|s| contains(s)).count();
    let a = &reader.article.metadata;
    page.title_ok = field("title").map(|t| a.title.as_deref().is_some_and(|g| fold(g) == fold(t)));
    page.author_ok = field("author").map(|t| {
        a.byline.as_deref().is_some_and(|g| {
            let (g, t) = (fold(g), fold(t));
            !g.is_empty() && (g.contains(&t) || t.contains(&g))
        })
    });
    page.date_ok = field("date").map(|t| {
        a.published
            .as_deref()
            // (A truth that gives only the month, "2015-11", is met by any day of it.)
            .is_some_and(|g| g.get(..t.len().min(10)).is_some_and(|d| d == t))
    });
    page
}

/// Scores every WCXB development page, in id order, on all cores.
pub fn evaluate(shared: &Path) -> Result<Vec<WcxbPage>, String> {
    use rayon::prelude::*;
    let map = super::wcxb_truth(shared)?;
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    Ok(ids
        .par_iter()
        .map(
            |id| match read_page(&shared.join(format!("corpus/wcxb/pages/{id}.html.gz"))) {
                Ok(html) => score_page(id, &map[id.as_str()], &html),
                Err(e) => {
                    let entry = &map[id.as_str()];
                    let t = entry.get("type").and_then(|v| v.as_str()).unwrap_or("");
                    let mut p = WcxbPage::empty(id, t);
                    p.error = Some(e);
                    p
                }
            },
        )
        .collect())
}

/// The summaries the floors hold: all pages, articles, and each other type.
pub fn summaries(pages: &[WcxbPage]) -> Vec<(String, WcxbSummary)> {
    let mut types: Vec<&str> = pages.iter().map(|p| p.page_type.as_str()).collect();
    types.sort_unstable();
    types.dedup();
    let mut out = vec![("all".to_owned(), WcxbSummary::of(pages))];
    for t in types {
        out.push((
            t.to_owned(),
            WcxbSummary::of(pages.iter().filter(|p| p.page_type == t)),
        ));
    }
    out
}

/// The floor file a run would pass exactly: article-page means, then per-page word F1.
pub fn floors_text(pages: &[WcxbPage]) -> String {
    let down = |x: f64| (x * 1000.0).floor() / 1000.0;
    let up = |x: f64| (x * 1000.0).ceil() / 1000.0;
    let art = WcxbSummary::of(pages.iter().filter(|p| p.page_type == "article"));
    let mut out = String::from(
        "# WCXB reader floors (a ratchet): article-page means, then each page's word F1. `without`\n\
         # is a ceiling. Regenerate with `./build.sh bless`; never lower a floor without saying why.\n",
    );
    out.push_str(&format!(
        "article.shingle_f1 {:.3}\narticle.word_f1 {:.3}\narticle.with {:.3}\narticle.without_max {:.3}\n\
         article.title {:.3}\narticle.author {:.3}\narticle.date {:.3}\n",
        down(art.shingle_f1),
        down(art.word_f1),
        down(art.with_rate),
        up(art.without_rate),
        down(art.title),
        down(art.author),
        down(art.date)
    ));
    for p in pages {
        out.push_str(&format!("{} {:.3}\n", p.id, down(p.word_f1)));
    }
    out
}

/// Checks a run against a floor file; the failures, one sentence each.
pub fn check_floors(pages: &[WcxbPage], floors: &str) -> Result<Vec<String>, String> {
    let art = WcxbSummary::of(pages.iter().filter(|p| p.page_type == "article"));
    let by_id: HashMap<&str, &WcxbPage> = pages.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut failures = Vec::new();
    for (name, value) in super::floor_lines(floors)? {
        let got = match name {
            "article.shingle_f1" => art.shingle_f1,
            "article.word_f1" => art.word_f1,
            "article.with" => art.with_rate,
            "article.without_max" => {
                if art.without_rate > value {
                    failures.push(format!(
                        "article `without` rate {:.4} is above its ceiling {value:.3}",
                        art.without_rate
                    ));
                }
                continue;
            }
            "article.title" => art.title,
            "article.author" => art.author,
            "article.date" => art.date,
            id => match by_id.get(id) {
                Some(p) => p.word_f1,
                None => {
                    failures.push(format!("{id}: page missing"));
                    continue;
                }
            },
        };
        if got < value {
            failures.push(format!("{name}: {got:.4} is below its floor {value:.3}"));
        }
    }
    Ok(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_the_corpus_definitions() {
        let (p, r) = shingle_scores("a b c d e", "a b c d x");
        assert_eq!(p, Some(0.5));
        assert_eq!(r, 0.5);
        assert_eq!(shingle_scores("", "a b c d").0, None);
        assert!((word_f1("The cat", "the cat sat") - 0.8).abs() < 1e-9);
        assert_eq!(fold("Ｆｕｌｌ–Width: Title!"), "full width title");
    }

    #[test]
    fn snippets_match_on_whole_words_unless_cut_at_the_corpus_limit() {
        let text = format!(
            " {} ",
            fold("It is hard to find a cheap one that doesn't break. Let's go.")
        );
        assert!(snippet_in(&text, "a cheap one that doesn't"));
        // A short snippet is whole words: "does" is not "doesn't".
        assert!(!snippet_in(&text, "a cheap one that does"));
        // Cut at 80 characters, its last word may be a word's beginning.
        let cut = "It is hard to find a cheap one that does";
        let padded = format!("{cut:>80}");
        assert_eq!(padded.chars().count(), SNIPPET_CUT_CHARS);
        assert!(snippet_in(&text, &padded));
        assert!(!snippet_in(
            &text,
            &format!("{:>80}", "a dear one that does")
        ));
        assert!(snippet_in(&text, "Let&#39;s go"));
    }
}
