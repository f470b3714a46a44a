//! Fuzz target: reader mode over arbitrary bytes never panics, and its sanitized content,
//! parsed again, has no script-capable element, no event handler and no script URL.
#![no_main]
use lol_html::{element, rewrite_str, RewriteStrSettings};

const FORBIDDEN: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "base",
    "meta", "link", "template", "noscript", "frame", "frameset",
];

/// Decodes the character references that can spell a URL scheme: numeric ones (with or
/// without the `;`, as browsers accept them in attributes) and `&colon;`, `&Tab;`,
/// `&NewLine;`. Written here, apart from the engine's decoder, so that the oracle does not
/// share the sanitizer's mistakes.
fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let named = [("&colon;", ':'), ("&Tab;", '\t'), ("&NewLine;", '\n')];
        if let Some((name, c)) = named.iter().find(|(name, _)| rest.starts_with(name)) {
            out.push(*c);
            rest = &rest[name.len()..];
            continue;
        }
        let (hex, digits_at) = match rest.as_bytes().get(1..3) {
            Some([b'#', b'x' | b'X']) => (true, 3),
            Some([b'#', _]) => (false, 2),
            _ => {
                out.push('&');
                rest = &rest[1..];
                continue;
            }
        };
        let digits = rest[digits_at..]
            .find(|c: char| {
                !(if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                })
            })
            .unwrap_or(rest.len() - digits_at);
        if digits == 0 {
            out.push('&');
            rest = &rest[1..];
            continue;
        }
        let number = &rest[digits_at..digits_at + digits];
        let code = u32::from_str_radix(number, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        out.push(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{FFFD}'),
        );
        rest = &rest[digits_at + digits..];
        if let Some(after) = rest.strip_prefix(';') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Attributes whose value a browser fetches, follows or submits to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "cite",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "ping",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "codebase",
    "manifest",
    "icon",
];

fn check(content: &str) {
    let settings = RewriteStrSettings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", |el| {
            let tag = el.tag_name();
            assert!(
                !FORBIDDEN.contains(&tag.as_str()),
                "<{tag}> survived: {content:?}"
            );
            for attr in el.attributes() {
                let name = attr.name();
                assert!(
                    !name.starts_with("on"),
                    "handler {name} survived: {content:?}"
                );
                // Only attributes a browser loads or follows carry a URL (`<time datetime>`
                // may say anything).
                if !URL_ATTRIBUTES.contains(&name.as_str()) {
                    continue;
                }
                // What a browser reads: character references decoded, then the whitespace and
                // control characters it skips inside a scheme left out; every srcset candidate.
                let decoded = decode_references(&attr.value());
                let candidates: Vec<&str> = if name == "srcset" {
                    decoded.split(',').collect()
                } else {
                    vec![decoded.as_str()]
                };
                for candidate in candidates {
                    let value: String = candidate
                        .chars()
                        .filter(|c| !c.is_whitespace() && !c.is_control())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    for scheme in ["javascript:", "vbscript:", "data:text"] {
                        assert!(
                            !value.starts_with(scheme),
                            "{name}={value} survived: {content:?}"
                        );
                    }
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
