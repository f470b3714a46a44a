//! Fuzz target: clean mode over arbitrary bytes never panics and never grows the page (UTF-16
//! input is transcoded to UTF-8 first, so only ASCII-compatible input is held to that).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(c) = plainpage::clean(data, &plainpage::Options::default()) {
        let utf16 = data.starts_with(&[0xFE, 0xFF]) || data.starts_with(&[0xFF, 0xFE]);
        assert!(utf16 || c.html.len() <= data.len() + 16);
    }
});
