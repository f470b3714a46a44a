//! Clean mode against the hand-made labels in `tests/data/labels` (see its README) and the WCXB
//! main content kept after cleaning, held to the committed floors in `tests/clean-floors.txt`.

mod common;

use plainpage::eval::clean::{check_floors, evaluate_labels, main_content_kept};

#[test]
fn clean_mode_meets_its_floors_on_the_labelled_set() {
    let shared = common::shared();
    let labels = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/labels");
    let report = evaluate_labels(&labels, &shared).expect("evaluate labels");
    let broken: Vec<String> = report
        .pages
        .iter()
        .filter(|p| p.error.is_some() || !p.unmatched.is_empty())
        .map(|p| {
            format!(
                "{}: {:?} unmatched lines {:?}",
                p.name, p.error, p.unmatched
            )
        })
        .collect();
    assert!(
        broken.is_empty(),
        "label files that do not apply:\n{}",
        broken.join("\n")
    );
    assert!(
        report.pages.len() >= 200,
        "only {} labelled pages",
        report.pages.len()
    );
    let kept = main_content_kept(&shared).expect("WCXB main content kept");
    assert_eq!(kept.len(), 1032, "WCXB development pages");
    let errors: Vec<String> = kept
        .iter()
        .filter_map(|k| k.error.as_ref().map(|e| format!("{}: {e}", k.id)))
        .collect();
    assert!(
        errors.is_empty(),
        "pages the engine failed on:\n{}",
        errors.join("\n")
    );
    println!(
        "labelled {} pages: recall {:.3} precision {:.3} category accuracy {:.3} violations {}",
        report.pages.len(),
        report.total.recall(),
        report.total.precision(),
        report.total.category_accuracy(),
        report.violations
    );
    let failures = check_floors(&report, &kept, include_str!("clean-floors.txt")).expect("floors");
    assert!(
        failures.is_empty(),
        "below the committed floors:\n{}",
        failures.join("\n")
    );
}
