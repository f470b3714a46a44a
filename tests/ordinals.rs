//! The ordinal contract and the strip pass: element order as the live DOM has it, and bytes
//! outside removed blocks untouched.

use plainpage::survey::survey;
use plainpage::{Input, Options};

fn rows(html: &str) -> Vec<String> {
    let s = survey(&Input::from_text(html)).expect("survey");
    s.rows.iter().map(|r| r.tag.to_string()).collect()
}

#[test]
fn template_and_noscript_contents_get_no_ordinals() {
    let tags = rows(
        "<html><head></head><body><template><div><p>x</p><template><i></i></template></div></template>\
         <noscript><img src=a></noscript><svg><path/><g><rect/></g></svg><p>y</p></body></html>",
    );
    assert_eq!(
        tags,
        ["html", "head", "body", "template", "noscript", "svg", "path", "g", "rect", "p"]
    );
}

#[test]
fn implicit_ends_give_browser_parents() {
    let s = survey(&Input::from_text(
        "<body><p>a<div>b</div><ul><li>1<li>2</ul></body>",
    ))
    .expect("survey");
    let tags: Vec<(&str, u32)> = s.rows.iter().map(|r| (&*r.tag, r.parent)).collect();
    // <div> closes the open <p>; the second <li> closes the first.
    assert_eq!(
        tags,
        [
            ("body", u32::MAX),
            ("p", 0),
            ("div", 0),
            ("ul", 0),
            ("li", 3),
            ("li", 3)
        ]
    );
}

#[test]
fn hidden_text_does_not_count() {
    let s = survey(&Input::from_text(
        "<div><p hidden>aaaa</p><p aria-hidden=true>bbbb</p><p style='display: none'>cccc</p><p>dd</p></div>",
    ))
    .expect("survey");
    assert_eq!(s.rows[0].text, 3, "only ' dd' is visible");
    assert!(s.rows[1].hidden && s.rows[2].hidden && s.rows[3].hidden && !s.rows[4].hidden);
}

#[test]
fn strip_removes_only_the_verdicts_blocks() {
    let page = "<!DOCTYPE html><html><head><title>T</title></head><body>\n\
        <nav class=x>  <a href=/>Home</a> </nav>\n\
        <div class=newsletter-box><p>Sign up for our newsletter</p><form><input type=email><button>Go</button></form></div>\n\
        <article><p>Long enough article text, with commas, that a reader would want to keep, really.</p></article>\n\
        <template><div class=newsletter-box>Sign up for our newsletter</div></template><p  data-x='1'>tail &amp; more</p></body></html>";
    let cleaned = plainpage::clean(page.as_bytes(), &Options::default()).expect("clean");
    let out = String::from_utf8(cleaned.html).expect("utf-8");
    assert_eq!(
        cleaned.verdict.removals.len(),
        1,
        "{:?}",
        cleaned.verdict.removals
    );
    let expected = page.replace(
        "<div class=newsletter-box><p>Sign up for our newsletter</p><form><input type=email><button>Go</button></form></div>",
        "",
    );
    assert_eq!(out, expected);
}

#[test]
fn encodings_are_honoured() {
    // windows-1252 bytes declared by <meta charset>: "café" must come out right.
    let mut page =
        b"<html><head><meta charset=windows-1252></head><body><article><p>Un caf".to_vec();
    page.push(0xE9);
    page.extend_from_slice(b" tr\xE8s long, avec des virgules, pour que ce soit un article complet.</p></article></body></html>");
    let r = plainpage::read(&page, &Options::default()).expect("read");
    assert!(
        r.article.text.contains("Un café très long"),
        "{}",
        r.article.text
    );
    // UTF-16 with a BOM is transcoded.
    let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
        .chain(
            "<p>Hello, UTF-16 world, with enough text to be an article paragraph.</p>"
                .encode_utf16(),
        )
        .flat_map(u16::to_le_bytes)
        .collect();
    let r = plainpage::read(&utf16, &Options::default()).expect("read");
    assert!(
        r.article.text.contains("Hello, UTF-16 world"),
        "{}",
        r.article.text
    );
    // Unknown labels are a clear error.
    let bad = Options {
        encoding: Some("klingon-8".into()),
        ..Options::default()
    };
    let err = plainpage::read(b"<p>x</p>", &bad).expect_err("bad label");
    assert!(err.to_string().contains("klingon-8"), "{err}");
}
