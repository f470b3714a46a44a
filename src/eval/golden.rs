//! Golden verdicts: every corpus page's judgement (its article root, its removals with their
//! reasons, its metadata) as plain text, committed under `tests/golden/` so that a change to the
//! judge is reviewed as a diff of what it does to each page.

use super::clean::read_page;
use crate::{analyze, Options, Verdict};
use std::fmt::Write as _;
use std::path::Path;

/// The corpora the golden files cover, each with the file it is kept in.
pub const CORPORA: &[(&str, &str)] = &[("readability", "readability.txt"), ("wcxb", "wcxb.txt")];

/// The URL the Readability corpus's pages are read at (its test suite's own).
const READABILITY_URL: &str = "http://fakehost/test/page.html";

/// One page's judgement as text: a `==` line naming the page and its article root, a line per
/// metadata field the judge found, and a `-` line per removal.
pub fn page_text(name: &str, html: &[u8], options: &Options) -> String {
    match analyze(html, options) {
        Ok(analysis) => verdict_text(name, &analysis.verdict),
        Err(e) => format!("== {name} error: {}\n", one_line(&e.to_string())),
    }
}

fn verdict_text(name: &str, v: &Verdict) -> String {
    let mut out = String::new();
    let article = v
        .article
        .map_or_else(|| "none".to_owned(), |o| format!("#{o}"));
    let _ = writeln!(
        out,
        "== {name} elements {} article {article} blocks {}{}",
        v.elements,
        v.article_blocks.len(),
        if v.readerable { " readerable" } else { "" }
    );
    let m = &v.metadata;
    for (field, value) in [
        ("title", &m.title),
        ("byline", &m.byline),
        ("published", &m.published),
        ("site", &m.site_name),
        ("section", &m.section),
        ("lang", &m.lang),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "{field}: {}", one_line(value));
        }
    }
    for r in &v.removals {
        let rule = r
            .rule
            .as_deref()
            .map(|rule| format!(" [rule {}]", one_line(rule)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- #{} {} {}: {}{rule}",
            r.ordinal,
            r.tag,
            r.category,
            one_line(&r.reason)
        );
    }
    out
}

/// Text on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The golden text of one corpus (`readability` or `wcxb`) under `shared`, pages in name order.
pub fn corpus_text(shared: &Path, corpus: &str) -> Result<String, String> {
    use rayon::prelude::*;
    let pages: Vec<(String, std::path::PathBuf, String)> = match corpus {
        "readability" => {
            let dir = shared.join("corpus/readability");
            let entries = std::fs::read_dir(&dir)
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            let mut pages: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path().join("source.html"))
                .filter(|p| p.is_file())
                .filter_map(|p| {
                    let name = p.parent()?.file_name()?.to_string_lossy().into_owned();
                    Some((name, p, READABILITY_URL.to_owned()))
                })
                .collect();
            pages.sort();
            pages
        }
        "wcxb" => {
            let truth = super::wcxb_truth(shared)?;
            let mut pages: Vec<_> = truth
                .iter()
                .map(|(id, entry)| {
                    let url = entry.get("url").and_then(|u| u.as_str()).unwrap_or("");
                    let path = shared.join(format!("corpus/wcxb/pages/{id}.html.gz"));
                    (id.clone(), path, url.to_owned())
                })
                .collect();
            pages.sort();
            pages
        }
        other => return Err(format!("no golden corpus named {other}")),
    };
    if pages.is_empty() {
        return Err(format!(
            "the {corpus} corpus has no pages under {}",
            shared.display()
        ));
    }
    let texts: Vec<String> = pages
        .par_iter()
        .map(|(name, path, url)| {
            let name = format!("{corpus}/{name}");
            match read_page(path) {
                Ok(html) => page_text(&name, &html, &Options::with_url(url)),
                Err(e) => format!("== {name} error: {}\n", one_line(&e)),
            }
        })
        .collect();
    Ok(texts.concat())
}

/// Compares a corpus's golden text with the committed one: `Err` names the first page that
/// differs (or is missing on one side) and shows its lines both ways.
pub fn compare(committed: &str, now: &str) -> Result<(), String> {
    if committed == now {
        return Ok(());
    }
    let pages = |text: &str| -> Vec<(String, String)> {
        let mut pages: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if let Some(head) = line.strip_prefix("== ") {
                let name = head.split(' ').next().unwrap_or("").to_owned();
                pages.push((name, String::new()));
            }
            if let Some((_, body)) = pages.last_mut() {
                body.push_str(line);
                body.push('\n');
            }
        }
        pages
    };
    let (old, new) = (pages(committed), pages(now));
    let changed = old.iter().zip(&new).position(|(a, b)| a != b);
    let differing = changed.unwrap_or(old.len().min(new.len()));
    let show = |side: &[(String, String)]| {
        side.get(differing)
            .map_or_else(|| "(no page)\n".to_owned(), |(_, body)| body.clone())
    };
    let count =
        old.iter().zip(&new).filter(|(a, b)| a != b).count() + old.len().abs_diff(new.len());
    Err(format!(
        "{count} page(s) judged differently from the golden file; the first:\n--- committed\n{}+++ now\n{}(review the change, then rewrite the files with ./build.sh bless)",
        show(&old),
        show(&new)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_as_its_article_removals_and_metadata() {
        let html = br#"<html lang="en"><head><title>Ferries</title></head><body>
            <article><h1>Ferries</h1><p>The ferry company will change its timetable from April, with earlier sailings.</p></article>
            <div class="newsletter-signup"><p>Sign up for our newsletter</p><form><input type="email"><button>Subscribe</button></form></div>
            </body></html>"#;
        let text = page_text("t/ferries", html, &Options::default());
        let mut lines = text.lines();
        assert!(lines
            .next()
            .is_some_and(|l| l.starts_with("== t/ferries elements ")));
        assert!(text.contains("\ntitle: Ferries\n"), "{text}");
        assert!(text.contains(" newsletter: "), "{text}");
    }

    #[test]
    fn a_difference_names_the_first_page_that_changed() {
        let a = "== a/1 x\n- #1 div ad: r\n== a/2 x\n";
        let b = "== a/1 x\n- #1 div ad: s\n== a/2 x\n";
        assert!(compare(a, a).is_ok());
        let err = compare(a, b).unwrap_err();
        assert!(err.starts_with("1 page(s)"), "{err}");
        assert!(
            err.contains("- #1 div ad: r") && err.contains("- #1 div ad: s"),
            "{err}"
        );
        let err = compare(a, "== a/1 x\n- #1 div ad: r\n").unwrap_err();
        assert!(err.contains("(no page)"), "{err}");
    }
}
