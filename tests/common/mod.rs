//! Test helpers: where the shared data lives, and loading it.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder (`../shared` beside the repo, or `PLAINPAGE_SHARED`).
pub fn shared() -> PathBuf {
    let dir = std::env::var_os("PLAINPAGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    assert!(
        dir.join("seed/inkl-article.html").is_file(),
        "the shared test data is missing at {}; put ../shared beside the repo or set PLAINPAGE_SHARED",
        dir.display()
    );
    dir
}

pub fn read(rel: &str) -> Vec<u8> {
    let path = shared().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub fn read_text(rel: &str) -> String {
    String::from_utf8(read(rel)).expect("shared text files are UTF-8")
}

pub fn seed() -> Vec<u8> {
    read("seed/inkl-article.html")
}

/// The seed's chrome phrases and expected article paragraphs.
pub fn chrome_phrases() -> Vec<String> {
    lines("seed/chrome-phrases.txt")
}

pub fn expected_paragraphs() -> Vec<String> {
    lines("seed/expected-article.txt")
}

fn lines(rel: &str) -> Vec<String> {
    read_text(rel)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Visible text of an HTML page, whitespace folded.
pub fn visible_text(html: &[u8]) -> String {
    let text = plainpage::reader::plain_text::html_to_text(&String::from_utf8_lossy(html))
        .expect("html_to_text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
