//! Inputs the fuzzers found crashes with, kept as regression tests.

use plainpage::rules::filter::RuleSet;
use plainpage::{Category, Options};

/// `##` followed by a replacement character: the selector-key scanner sliced inside a
/// multi-byte character.
#[test]
fn filter_rule_with_non_ascii_selector() {
    let mut set = RuleSet::new();
    set.add_list(
        "fuzz",
        "##\u{FFFD}\n##.a\u{FFFD}b\n##\u{e9}.x",
        Category::Subscribe,
    );
    let options = Options {
        url: Some("https://www.example.com/".into()),
        rules: Some(std::sync::Arc::new(set)),
        ..Options::default()
    };
    plainpage::analyze(b"<div class=a>x</div>", &options).expect("analyze");
}

/// An unfinished tag at the end of the page went through to reader content, where the
/// template's own markup would have finished it.
#[test]
fn unfinished_tags_at_the_end_never_reach_reader_view() {
    for input in [
        &b"<script\xff[\xfe\xfe"[..],
        b"\x00\x0b<script<!",
        b"<p>Some text that is long enough, with commas, to be the article.</p><img src=x onerror=alert(1) ",
    ] {
        let r = plainpage::read(input, &Options::default()).expect("read");
        assert!(!r.article.content.contains("<script"), "{:?}", r.article.content);
        assert!(!r.article.content.contains("onerror"), "{:?}", r.article.content);
        assert!(r.document.trim_end().ends_with("</html>"));
    }
}
