//! Reader quality on the development corpus, held to the committed per-page floors.

mod common;

use plainpage::eval::{check_floors, evaluate};

#[test]
fn corpus_meets_quality_floors() {
    let dir = common::shared().join("corpus/readability");
    let report = evaluate(&dir).expect("evaluate corpus");
    println!(
        "{:<45} {:>9} {:>9} {:>9}",
        "page", "precision", "recall", "f1"
    );
    for p in &report.pages {
        println!(
            "{:<45} {:>9.3} {:>9.3} {:>9.3}",
            p.name, p.precision, p.recall, p.f1
        );
        assert!(p.error.is_none(), "{} failed: {:?}", p.name, p.error);
    }
    println!(
        "MEAN precision {:.3} recall {:.3} f1 {:.3}",
        report.mean_precision, report.mean_recall, report.mean_f1
    );
    assert!(
        report.mean_f1 >= 0.90,
        "mean F1 {:.3} < 0.90",
        report.mean_f1
    );
    assert!(
        report.mean_recall >= 0.95,
        "mean recall {:.3} < 0.95",
        report.mean_recall
    );
    let floors = include_str!("corpus-floors.txt");
    let check = check_floors(&report, floors).expect("floors parse");
    assert!(
        check.failures.is_empty(),
        "below the committed floors:\n{}",
        check.failures.join("\n")
    );
    assert!(check.passed >= 100, "only {} floors checked", check.passed);
}
