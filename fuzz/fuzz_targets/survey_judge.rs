//! Fuzz target: survey + judge over arbitrary bytes never panics, and ordinals stay in range.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(a) = plainpage::analyze(data, &plainpage::Options::default()) {
        let v = a.verdict;
        assert!(v.article.is_none_or(|o| o < v.elements));
        assert!(v.removals.iter().all(|r| r.ordinal < v.elements));
    }
});
