//! Reader quality against WCXB's human-marked truth (`../shared/corpus/wcxb`), held to the
//! committed floors in `tests/wcxb-floors.txt`: article-page means and each page's word F1.

mod common;

use plainpage::eval::wcxb::{check_floors, evaluate, summaries};

#[test]
fn reader_meets_its_floors_on_wcxb() {
    let pages = evaluate(&common::shared()).expect("evaluate WCXB");
    assert_eq!(pages.len(), 1032, "WCXB development pages");
    let errors: Vec<String> = pages
        .iter()
        .filter_map(|p| p.error.as_ref().map(|e| format!("{}: {e}", p.id)))
        .collect();
    assert!(
        errors.is_empty(),
        "pages the reader failed on:\n{}",
        errors.join("\n")
    );
    for (name, s) in summaries(&pages) {
        println!(
            "{name:<14} {:>4} pages  4-gram F1 {:.3}  word F1 {:.3}  with {:.3}  without {:.3}  title {:.3}  author {:.3}  date {:.3}",
            s.pages, s.shingle_f1, s.word_f1, s.with_rate, s.without_rate, s.title, s.author, s.date
        );
    }
    let failures = check_floors(&pages, include_str!("wcxb-floors.txt")).expect("floors parse");
    assert!(
        failures.is_empty(),
        "below the committed floors:\n{}",
        failures.join("\n")
    );
}
