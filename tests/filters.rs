//! Filter-list import: the real lists' support figures, and each rule kind on a test page.

mod common;

use plainpage::rules::filter::{category_for_list, RuleSet};
use plainpage::{Category, Options};
use std::sync::Arc;

fn page() -> &'static str {
    include_str!("data/filters/page.html")
}

fn rules() -> Arc<RuleSet> {
    let mut set = RuleSet::new();
    set.add_list(
        "test-list",
        include_str!("data/filters/rules.txt"),
        Category::Subscribe,
    );
    Arc::new(set)
}

fn removed_previews(url: &str) -> (Vec<String>, plainpage::Verdict) {
    let options = Options {
        url: Some(url.into()),
        rules: Some(rules()),
        ..Options::default()
    };
    let v = plainpage::analyze(page().as_bytes(), &options)
        .expect("analyze")
        .verdict;
    (v.removals.iter().map(|r| r.preview.clone()).collect(), v)
}

#[test]
fn every_rule_kind_on_the_test_page() {
    let (on_example, v) = removed_previews("https://www.example.com/story");
    let has = |list: &[String], s: &str| list.iter().any(|p| p.contains(s));
    assert!(has(&on_example, "generic class rule"), "{on_example:?}");
    assert!(has(&on_example, "generic id rule"));
    assert!(has(&on_example, "scoped to example.com"));
    assert!(
        !has(&on_example, "example.com excepts"),
        "exception honoured"
    );
    assert!(has(&on_example, "Please subscribe"), ":has-text matched");
    assert!(
        !has(&on_example, "This short note stays"),
        ":has-text filters"
    );
    assert!(
        has(&on_example, "descendant selector"),
        "lol_html selector rule"
    );
    assert!(!has(&on_example, "article prose"), "protected prose kept");
    assert!(
        v.unlock_scroll,
        "html/body overflow reset is a scroll-unlock signal"
    );
    let conflict = v
        .conflicts
        .iter()
        .find(|c| c.rule == "##.prose-x")
        .expect("conflict reported");
    assert!(conflict.why.contains("prose"), "{conflict:?}");
    let r = v
        .removals
        .iter()
        .find(|r| r.preview.contains("generic id rule"))
        .expect("id rule");
    assert_eq!(r.rule.as_deref(), Some("###nag-box"));
    assert!(r.reason.contains("line 4"), "{}", r.reason);

    let (elsewhere, _) = removed_previews("https://other.org/story");
    assert!(
        !has(&elsewhere, "scoped to example.com"),
        "scoped rule stays on its domain"
    );
    assert!(
        has(&elsewhere, "example.com excepts"),
        "the exception is scoped too"
    );
}

#[test]
fn unsupported_lines_are_reported_with_numbers() {
    let set = rules();
    let r = &set.reports[0];
    assert_eq!(r.network_skipped, 1);
    assert_eq!(r.scriptlet_skipped, 1);
    let lines: Vec<usize> = r
        .skipped_lines
        .iter()
        .filter(|(_, why)| !why.contains("out of scope"))
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(lines, [14, 15, 16], "{:?}", r.skipped_lines);
    assert_eq!(r.hiding_rules, 12);
    assert_eq!(r.supported, 9);
}

#[test]
fn real_lists_are_at_least_95_percent_supported() {
    let dir = common::shared().join("lists");
    let mut set = RuleSet::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("lists folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "five lists in {}", dir.display());
    let start = std::time::Instant::now();
    for path in &names {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).expect("list");
        set.add_list(&name, &text, category_for_list(&name));
    }
    let compile = start.elapsed();
    let (mut hiding, mut supported) = (0, 0);
    for r in &set.reports {
        println!(
            "{:<28} element-hiding {:>6} supported {:>6} ({:>5.1}%) hashed {:>6} network {:>4} scriptlets {:>4} unsupported {:?}",
            r.name, r.hiding_rules, r.supported, r.support() * 100.0, r.hashed,
            r.network_skipped, r.scriptlet_skipped, r.unsupported
        );
        hiding += r.hiding_rules;
        supported += r.supported;
        assert_eq!(
            r.lines,
            r.comments + r.hiding_rules + r.network_skipped + r.scriptlet_skipped,
            "every line is accounted for in {}",
            r.name
        );
    }
    let share = supported as f64 / hiding as f64;
    println!(
        "all lists: {supported}/{hiding} = {:.2}% supported, compiled in {compile:?}",
        share * 100.0
    );
    assert!(share >= 0.95, "support fell to {:.2}%", share * 100.0);

    // The compiled lists clean the seed page without touching the article.
    let options = Options {
        url: Some("https://www.inkl.com/news/x".into()),
        rules: Some(Arc::new(set)),
        ..Options::default()
    };
    let cleaned = plainpage::clean(&common::seed(), &options).expect("clean with lists");
    let text = common::visible_text(&cleaned.html);
    for para in common::expected_paragraphs() {
        assert!(
            text.contains(&common::fold(&para)),
            "paragraph lost: {para:?}"
        );
    }
}
