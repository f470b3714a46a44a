//! Fuzz target: reader mode over arbitrary bytes never panics, and its sanitized content,
//! parsed again, has no script-capable element, no event handler and no script URL.
#![no_main]
use lol_html::{element, rewrite_str, RewriteStrSettings};

const FORBIDDEN: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "base",
    "meta", "link", "template", "noscript", "frame", "frameset",
];

fn check(content: &str) {
    let settings = RewriteStrSettings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", |el| {
            let tag = el.tag_name();
            assert!(!FORBIDDEN.contains(&tag.as_str()), "<{tag}> survived: {content:?}");
            for attr in el.attributes() {
                let name = attr.name();
                assert!(!name.starts_with("on"), "handler {name} survived: {content:?}");
                let value: String = attr
                    .value()
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:text", "&#"] {
                    assert!(
                        !value.starts_with(scheme),
                        "{name}={value} survived: {content:?}"
                    );
                }
            }
            Ok(())
        }));
    let _ = rewrite_str(content, settings);
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let options = plainpage::Options::with_url("https://news.example/a/b.html");
    if let Ok(r) = plainpage::read(data, &options) {
        check(&r.article.content);
        // The rendered document ends with the template's own markup, nothing unfinished.
        assert!(r.document.trim_end().ends_with("</html>"));
    }
});
