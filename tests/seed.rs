//! The seed page: what a correct clean / read / analyze result keeps and drops.

mod common;

use common::*;
use plainpage::{Category, Options};

#[test]
fn clean_drops_every_chrome_phrase_and_keeps_every_paragraph() {
    let cleaned = plainpage::clean(&seed(), &Options::default()).expect("clean");
    let text = visible_text(&cleaned.html);
    for phrase in chrome_phrases() {
        assert!(!text.contains(&fold(&phrase)), "chrome left in: {phrase:?}");
    }
    for para in expected_paragraphs() {
        // The page writes apostrophes and quotes as character references.
        assert!(text.contains(&fold(&para)), "paragraph lost: {para:?}");
    }
    // Navigation and the footer's legal line stay: the page stays the page.
    assert!(
        text.contains("Business") && text.contains("© inkl"),
        "{text}"
    );
}

#[test]
fn clean_keeps_article_tokens() {
    let cleaned = plainpage::clean(&seed(), &Options::default()).expect("clean");
    let text = visible_text(&cleaned.html);
    let want = expected_paragraphs().join("\n");
    let (_, recall, _) = plainpage::eval::score(&text, &want);
    assert!(
        recall >= 0.995,
        "clean kept only {recall:.4} of the article's tokens"
    );
}

#[test]
fn read_json_gives_paragraphs_caption_and_metadata() {
    let reader =
        plainpage::read(&seed(), &Options::with_url("https://www.inkl.com/news/x")).expect("read");
    let a = &reader.article;
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    let expected = expected_paragraphs();
    let caption = "Vladimir Medinsky (2nd R) leaves after the second round of Ukraine-Russia peace talks at Ciragan Palace in Istanbul (Getty Images)";
    for para in &expected {
        assert!(paras.contains(&para.as_str()), "missing paragraph {para:?}");
    }
    // The text is the article as read aloud: the caption stays with its figure in the reader's
    // HTML, and is not in the text.
    assert!(
        a.content.contains(caption),
        "missing caption in reader view"
    );
    assert!(!paras.contains(&caption), "the caption is in the text");
    assert_eq!(
        paras.len(),
        expected.len(),
        "extra text in reader: {paras:#?}"
    );
    assert_eq!(
        a.metadata.title.as_deref(),
        Some(
            "Russia continues to reject an unconditional ceasefire says Ukraine after peace talks"
        )
    );
    assert_eq!(a.metadata.byline.as_deref(), Some("Jacob Phillips"));
    assert_eq!(a.metadata.site_name.as_deref(), Some("Evening Standard"));
    assert_eq!(
        a.metadata.published.as_deref(),
        Some("2025-06-02T17:41:00Z")
    );
    assert_eq!(a.metadata.lang.as_deref(), Some("en"));
    assert!(a.reading_minutes >= 3, "reading time {}", a.reading_minutes);
    assert!(
        a.content.contains("<figcaption>"),
        "figure caption kept as a figure"
    );
    let json = serde_json::to_value(a).expect("article serializes");
    assert_eq!(json["siteName"], "Evening Standard");
}

#[test]
fn analyze_lists_each_removal_with_category_and_reason() {
    let analysis = plainpage::analyze(&seed(), &Options::default()).expect("analyze");
    let v = &analysis.verdict;
    assert!(v.article.is_some());
    let cats: Vec<Category> = v.removals.iter().map(|r| r.category).collect();
    assert!(cats.contains(&Category::Subscribe) && cats.contains(&Category::Related));
    for r in &v.removals {
        assert!(!r.reason.is_empty() && r.reason.contains("words"), "{r:?}");
        assert!(!r.preview.is_empty(), "{r:?}");
    }
    let gate = v
        .removals
        .iter()
        .find(|r| r.preview.starts_with("Sign up to read"))
        .expect("the story gate is removed");
    assert_eq!(gate.category, Category::Subscribe);
    assert!(gate.reason.contains("story-gate"), "{}", gate.reason);
}

#[test]
fn disabled_categories_are_kept() {
    let options = Options {
        categories: Some(vec![Category::Subscribe]),
        ..Options::default()
    };
    let v = plainpage::analyze(&seed(), &options)
        .expect("analyze")
        .verdict;
    assert!(v.removals.iter().all(|r| r.category == Category::Subscribe));
    let cleaned = plainpage::clean(&seed(), &options).expect("clean");
    assert!(visible_text(&cleaned.html).contains("Related Stories"));
}
