//! Golden verdicts: every page of both corpora is judged as `tests/golden/*.txt` records (its
//! article root, each removal with its category and reason, its metadata). A change to the judge
//! shows here as the pages it changes; review them, then `./build.sh bless`.

mod common;

use plainpage::eval::golden::{compare, corpus_text, CORPORA};

#[test]
fn every_corpus_page_is_judged_as_its_golden_record() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let shared = common::shared();
    let mut failures = Vec::new();
    for (corpus, file) in CORPORA {
        let path = dir.join(file);
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let now = corpus_text(&shared, corpus).expect("judge the corpus");
        let pages = now.lines().filter(|l| l.starts_with("== ")).count();
        assert!(pages >= 100, "{corpus}: only {pages} pages judged");
        if let Err(diff) = compare(&committed, &now) {
            failures.push(format!("{corpus}: {diff}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
