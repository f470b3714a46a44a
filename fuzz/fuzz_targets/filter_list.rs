//! Fuzz target: the filter-list parser and matcher over arbitrary list text never panic.
#![no_main]
use plainpage::rules::filter::RuleSet;
use plainpage::{Category, Options};
use std::sync::Arc;

const PAGE: &str = "<html><body><div class=a id=b data-x=1><p class=c>Sign up now</p></div>\
    <article><p>Some article prose, with commas, long enough to be the article here.</p></article></body></html>";

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut set = RuleSet::new();
    set.add_list("fuzz", &text, Category::Subscribe);
    let report = &set.reports[0];
    assert!(report.supported <= report.hiding_rules);
    let options = Options {
        url: Some("https://www.example.com/x".into()),
        rules: Some(Arc::new(set)),
        ..Options::default()
    };
    let _ = plainpage::analyze(PAGE.as_bytes(), &options);
});
