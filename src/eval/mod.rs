//! The quality harnesses: reader text against Readability's output (token precision, recall and
//! F1 over a folder of `<name>/source.html` + `expected.html` pages, here) and clean mode against
//! hand-made labels ([`clean`]), reader text against WCXB's human-marked truth ([`wcxb`]), and
//! every corpus page's judgement against its committed golden text ([`golden`]).

pub mod clean;
pub mod golden;
pub mod wcxb;

use crate::reader::plain_text::reading_text;
use crate::text::tokens;
use crate::{read, Error, Options};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// Scores for one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    /// The page folder's name.
    pub name: String,
    /// Token precision: share of the reader text's tokens that the expected text has.
    pub precision: f64,
    /// Token recall: share of the expected text's tokens that the reader text has.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Set when the engine failed on the page (scores are then 0).
    pub error: Option<String>,
}

/// Scores for a whole folder.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Every page's scores, sorted by name.
    pub pages: Vec<PageScore>,
    /// Mean of the pages' precision.
    pub mean_precision: f64,
    /// Mean of the pages' recall.
    pub mean_recall: f64,
    /// Mean of the pages' F1 (not the F1 of the means).
    pub mean_f1: f64,
}

/// Token precision, recall and F1 of `got` against `want` (bags of tokens with multiplicity).
pub fn score(got: &str, want: &str) -> (f64, f64, f64) {
    let mut bag: HashMap<String, i64> = HashMap::new();
    for t in tokens(want) {
        *bag.entry(t).or_default() += 1;
    }
    let want_n: i64 = bag.values().sum();
    let mut got_n = 0i64;
    let mut common = 0i64;
    for t in tokens(got) {
        got_n += 1;
        if let Some(n) = bag.get_mut(&t) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    if want_n == 0 && got_n == 0 {
        return (1.0, 1.0, 1.0);
    }
    let precision = if got_n == 0 {
        0.0
    } else {
        common as f64 / got_n as f64
    };
    let recall = if want_n == 0 {
        0.0
    } else {
        common as f64 / want_n as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

/// Evaluates one page folder.
pub fn evaluate_page(dir: &Path) -> PageScore {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let run = || -> Result<(f64, f64, f64), Error> {
        let source = std::fs::read(dir.join("source.html"))
            .map_err(|e| Error::BadOption(format!("cannot read source.html: {e}")))?;
        let expected = std::fs::read(dir.join("expected.html"))
            .map_err(|e| Error::BadOption(format!("cannot read expected.html: {e}")))?;
        // The expected article read by the same contract as ours (no captions).
        let want = reading_text(&String::from_utf8_lossy(&expected))?;
        let options = Options::with_url("http://fakehost/test/page.html");
        let got = read(&source, &options)?.article.text;
        Ok(score(&got, &want))
    };
    match run() {
        Ok((precision, recall, f1)) => PageScore {
            name,
            precision,
            recall,
            f1,
            error: None,
        },
        Err(e) => PageScore {
            name,
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
            error: Some(e.to_string()),
        },
    }
}

/// Evaluates every page folder under `dir`, in parallel, sorted by name.
pub fn evaluate(dir: &Path) -> Result<Report, Error> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::BadOption(format!("cannot read {}: {e}", dir.display())))?;
    let mut dirs: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(Error::BadOption(format!(
            "{} has no <name>/source.html + expected.html pages",
            dir.display()
        )));
    }
    let pages: Vec<PageScore> = dirs.par_iter().map(|d| evaluate_page(d)).collect();
    let n = pages.len() as f64;
    let mean = |f: fn(&PageScore) -> f64| pages.iter().map(f).sum::<f64>() / n;
    Ok(Report {
        mean_precision: mean(|p| p.precision),
        mean_recall: mean(|p| p.recall),
        mean_f1: mean(|p| p.f1),
        pages,
    })
}

/// The floor file a report would pass exactly: scores rounded down to 3 decimals.
pub fn floors_text(report: &Report) -> String {
    let down = |x: f64| (x * 1000.0).floor() / 1000.0;
    let mut out = String::from(
        "# Reader quality floors (a ratchet): the corpus test fails below any of these.\n\
         # Regenerate with `./build.sh bless`; never lower a floor without saying why in the commit.\n",
    );
    out.push_str(&format!(
        "mean_f1 {:.3}\nmean_recall {:.3}\n",
        down(report.mean_f1),
        down(report.mean_recall)
    ));
    for p in &report.pages {
        out.push_str(&format!("{} {:.3}\n", p.name, down(p.f1)));
    }
    out
}

/// The `<name> <number>` lines of a floor file, `#` comments and blank lines skipped; an error
/// names the line.
pub fn floor_lines(floors: &str) -> Result<Vec<(&str, f64)>, String> {
    let mut out = Vec::new();
    for (n, line) in floors.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value)) = (parts.next(), parts.next()) else {
            return Err(format!("floors line {}: expected `<name> <value>`", n + 1));
        };
        let value = value
            .parse()
            .map_err(|_| format!("floors line {}: `{value}` is not a number", n + 1))?;
        out.push((name, value));
    }
    Ok(out)
}

/// The truth file of the WCXB corpus under `shared`, as a map from page id to its entry.
pub fn wcxb_truth(shared: &Path) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let path = shared.join("corpus/wcxb/truth.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))? {
        serde_json::Value::Object(map) => Ok(map),
        _ => Err(format!("{} is not an object", path.display())),
    }
}

/// The outcome of checking a report against floors.
#[derive(Debug, Clone, Default)]
pub struct FloorCheck {
    /// Floor lines the report meets.
    pub passed: usize,
    /// One sentence per floor missed: the score below it, or the page missing.
    pub failures: Vec<String>,
}

/// Checks a report against a floor file: `mean_f1 X`, `mean_recall X` and `<page> <f1>`
/// lines, `#` comments. A page in the floors but not in the report is a failure.
pub fn check_floors(report: &Report, floors: &str) -> Result<FloorCheck, String> {
    let mut check = FloorCheck::default();
    for (name, floor) in floor_lines(floors)? {
        let got = match name {
            "mean_f1" => Some(report.mean_f1),
            "mean_recall" => Some(report.mean_recall),
            page => report.pages.iter().find(|p| p.name == page).map(|p| p.f1),
        };
        match got {
            None => check
                .failures
                .push(format!("{name}: page missing from the corpus")),
            Some(got) if got < floor => check
                .failures
                .push(format!("{name}: {got:.4} is below its floor {floor:.3}")),
            Some(_) => check.passed += 1,
        }
    }
    Ok(check)
}

#[cfg(test)]
mod tests {
    #[test]
    fn scores_bags_of_tokens() {
        let (p, r, f) = super::score("a b c", "a b b d");
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
        assert!((f - 2.0 * p * r / (p + r)).abs() < 1e-9);
        assert_eq!(super::score("", ""), (1.0, 1.0, 1.0));
    }
}
