//! Filter-list import: the real lists' support figures, each rule kind on a test page, and the
//! soundness of the page-key index (it never leaves out a rule that matches).

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

fn five_lists() -> RuleSet {
    let dir = common::shared().join("lists");
    let mut set = RuleSet::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("lists folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in &paths {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).expect("list");
        set.add_list(&name, &text, category_for_list(&name));
    }
    set.build_index();
    set
}

/// The page-key index only decides which selectors are worth running on a page; it must never
/// leave out one that matches. Every rule of the five lists is matched by lol_html on corpus
/// pages, with no index, and each one that hits must be among the page's candidates.
#[test]
fn the_key_index_never_leaves_out_a_matching_rule() {
    use lol_html::{ElementContentHandlers, HtmlRewriter, Settings};
    use plainpage::rules::filter::PageKeys;
    use std::cell::RefCell;
    use std::collections::{BTreeSet, HashSet};
    use std::rc::Rc;

    let set = five_lists();
    let host = "www.example-news.com";
    let pages = [
        "nytimes-1",
        "bbc-1",
        "wapo-1",
        "social-buttons",
        "medium-1",
        "yahoo-3",
        "cnet",
        "buzzfeed-1",
        "engadget",
        "breitbart",
    ];
    let mut checked_hits = 0;
    for page in pages {
        let bytes = common::read(&format!("corpus/readability/{page}/source.html"));
        let input = plainpage::Input::new(&bytes, None).expect("input");
        let survey = plainpage::survey::survey(&input).expect("survey");
        let keys = PageKeys {
            classes: survey
                .rows
                .iter()
                .flat_map(|r| r.class.split_ascii_whitespace())
                .collect(),
            ids: survey
                .rows
                .iter()
                .map(|r| r.id.trim())
                .filter(|id| !id.is_empty())
                .collect(),
            tags: survey.rows.iter().map(|r| &*r.tag).collect(),
            source: &input.bytes,
        };
        let (compounds, selectors) = set.selectors_for_page(Some(host), &keys);
        // What the engine considers on this page: the hash rules its class tokens and ids hit,
        // and the selector rules the index lets through.
        let candidates: HashSet<usize> = compounds
            .into_iter()
            .chain(selectors.into_iter().map(|(i, _)| i))
            .chain(
                survey
                    .rows
                    .iter()
                    .flat_map(|r| set.token_hits(&r.class, &r.id)),
            )
            .collect();

        let hits = Rc::new(RefCell::new(BTreeSet::new()));
        let mut settings = Settings::new();
        for i in (0..set.len()).filter(|&i| set.applies(i, Some(host))) {
            let Some(selector) = set.rule(i).and_then(|r| r.selector.as_ref()) else {
                continue;
            };
            let hits = Rc::clone(&hits);
            settings = settings.append_element_content_handler((
                std::borrow::Cow::Borrowed(selector),
                ElementContentHandlers::default().element(
                    move |_: &mut lol_html::html_content::Element<'_, '_>| {
                        hits.borrow_mut().insert(i);
                        Ok(())
                    },
                ),
            ));
        }
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(&input.bytes).expect("rewrite");
        rewriter.end().expect("end");
        let hits = hits.borrow();
        let missed: Vec<&str> = hits
            .iter()
            .filter(|i| !candidates.contains(i))
            .filter_map(|&i| set.rule(i).map(|r| r.text.as_str()))
            .collect();
        println!(
            "{page}: {} rules hit, {} candidates, {} left out",
            hits.len(),
            candidates.len(),
            missed.len()
        );
        assert!(
            missed.is_empty(),
            "{page}: the key index left out rules that match: {missed:?}"
        );
        checked_hits += hits.len();
    }
    assert!(
        checked_hits > 0,
        "no selector rule matched on any page: the test checks nothing"
    );
}
