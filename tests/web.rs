//! In-browser tests of the wasm module (`wasm-pack test --headless --chrome|--firefox`): the seed
//! page through analyze, clean and read; compiled filter rules; errors that name what is wrong;
//! and a timing of serialize + analyze for the seed and the largest page. The verdict applier is
//! `extension/applier.js`, tested in both browsers by `tests/e2e/applier.test.mjs`.
#![cfg(target_arch = "wasm32")]

use plainpage::clock::now_ms;
use plainpage::wasm::{analyze, clean, compile_rules, read, read_markdown, version};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, DomParser, SupportedType};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../../shared/seed/inkl-article.html");
const CHROME_PHRASES: &str = include_str!("../../shared/seed/chrome-phrases.txt");
const ARTICLE: &str = include_str!("../../shared/seed/expected-article.txt");
const METADATA: &str = include_str!("../../shared/seed/expected-metadata.json");
/// The largest page of the readability corpus, for timings.
const LARGEST: &str = include_str!("../../shared/corpus/readability/yahoo-3/source.html");
/// The filter-rule test page and list (one rule of each kind), as tests/filters.rs uses them.
const FILTER_PAGE: &str = include_str!("data/filters/page.html");
const FILTER_RULES: &str = include_str!("data/filters/rules.txt");
const SEED_URL: &str =
    "https://www.inkl.com/news/russia-continues-to-reject-an-unconditional-ceasefire-says-ukraine-after-peace-talks";

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Whitespace folded to single spaces, so rendered and source text compare.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json(value: &JsValue) -> Value {
    serde_wasm_bindgen::from_value(value.clone()).expect("a plain object")
}

fn to_js(value: &Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("a plain object")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("an object")
}

fn message(error: JsError) -> String {
    let value = JsValue::from(error);
    js_sys::Reflect::get(&value, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

fn parse(html: &str) -> Document {
    DomParser::new()
        .expect("DOMParser")
        .parse_from_string(html, SupportedType::TextHtml)
        .expect("a parsed document")
}

fn outer_html(document: &Document) -> String {
    document.document_element().expect("a root").outer_html()
}

fn no_options() -> JsValue {
    JsValue::UNDEFINED
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn analyze_finds_the_seed_article_and_its_chrome() {
    let analysis = json(&analyze(SEED, Some(SEED_URL.into()), no_options()).unwrap());
    let verdict = &analysis["verdict"];
    assert!(verdict["article"].is_u64(), "no article: {verdict}");
    let removals = verdict["removals"].as_array().unwrap();
    assert!(removals.len() >= 5, "too few removals: {removals:?}");
    for r in removals {
        for key in ["ordinal", "tag", "category", "reason", "preview"] {
            assert!(!r[key].is_null(), "removal without {key}: {r}");
        }
    }
    for pass in ["survey", "judge", "output"] {
        assert!(analysis["timings"][pass].is_number(), "no {pass} timing");
    }
}

#[wasm_bindgen_test]
fn clean_drops_every_chrome_phrase_and_keeps_every_paragraph() {
    let cleaned = clean(SEED, Some(SEED_URL.into()), no_options()).unwrap();
    let html = get(&cleaned, "html").as_string().unwrap();
    let text = fold(&parse(&html).body().unwrap().text_content().unwrap());
    for phrase in lines(CHROME_PHRASES) {
        assert!(!text.contains(phrase), "cleaned page still says {phrase:?}");
    }
    for paragraph in lines(ARTICLE) {
        assert!(text.contains(paragraph), "cleaned page lost {paragraph:?}");
    }
}

#[wasm_bindgen_test]
fn read_gives_the_title_and_every_paragraph() {
    let reader = json(&read(SEED, Some(SEED_URL.into()), no_options()).unwrap());
    let expected: Value = serde_json::from_str(METADATA).unwrap();
    assert_eq!(reader["article"]["title"], expected["title"]);
    let text = fold(reader["article"]["text"].as_str().unwrap());
    for paragraph in lines(ARTICLE) {
        assert!(text.contains(paragraph), "reader view lost {paragraph:?}");
    }
    let document = reader["document"].as_str().unwrap();
    assert!(document.contains("<html"), "not a document");
}

#[wasm_bindgen_test]
fn read_markdown_gives_front_matter_title_and_every_paragraph() {
    let md = json(
        &read_markdown(
            SEED,
            Some(SEED_URL.into()),
            options(r#"{"frontMatter": true}"#),
        )
        .unwrap(),
    );
    let expected: Value = serde_json::from_str(METADATA).unwrap();
    let text = md["markdown"].as_str().unwrap();
    let title = expected["title"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("---\ntitle: \"{title}\"")),
        "{text}"
    );
    assert!(text.contains(&format!("\n# {title}\n")), "{text}");
    let folded = fold(text);
    for paragraph in lines(ARTICLE) {
        let start: String = paragraph
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(folded.contains(&start), "Markdown lost {start:?}");
    }
    assert!(md["fileName"].as_str().unwrap().ends_with(".md"));
    let plain = json(&read_markdown(SEED, Some(SEED_URL.into()), no_options()).unwrap());
    assert!(plain["markdown"].as_str().unwrap().starts_with("# "));
    let error =
        message(read_markdown(SEED, None, options(r#"{"frontMatter": "yes"}"#)).unwrap_err());
    assert!(
        error.contains("frontMatter"),
        "does not name the option: {error}"
    );
    let error = message(read_markdown(SEED, None, options(r#"{"colour": 1}"#)).unwrap_err());
    assert!(error.contains("colour"), "does not name the key: {error}");
}

#[wasm_bindgen_test]
fn bad_options_are_errors_that_say_what_is_wrong() {
    let error = message(analyze(SEED, None, options(r#"{"colour": "red"}"#)).unwrap_err());
    assert!(error.contains("colour"), "does not name the key: {error}");
    let error = message(clean(SEED, None, options(r#"{"categories": ["popups"]}"#)).unwrap_err());
    assert!(
        error.contains("popups"),
        "does not name the category: {error}"
    );
    let error = message(read(SEED, None, options(r#"{"encoding": "latin1"}"#)).unwrap_err());
    assert!(
        error.contains("encoding"),
        "does not name the option: {error}"
    );
    let error = message(read(SEED, Some("not a url".into()), no_options()).unwrap_err());
    assert!(
        error.contains("not a url"),
        "does not name the URL: {error}"
    );
    let error = message(analyze(SEED, None, JsValue::from_str("fast")).unwrap_err());
    assert!(error.starts_with("invalid options"), "unclear: {error}");

    // Options that are fine: a category subset, and the URL in the object.
    let only = options(r#"{"categories": ["related"], "url": "https://example.org/a"}"#);
    let verdict = json(&analyze(SEED, None, only).unwrap())["verdict"].clone();
    for r in verdict["removals"].as_array().unwrap() {
        assert_eq!(r["category"], "related");
    }
}

/// Prints serialize + analyze times in this browser for the seed and the largest page, measured
/// as the extension works: the page is parsed into a document (not timed: the browser has done
/// that before a content script runs), serialized and analyzed. (Applying the verdict is
/// applier.js, timed by the playground test and the in-browser benchmark.)
#[wasm_bindgen_test]
fn timing_of_serialize_and_analyze() {
    let pages = [("seed", SEED), ("largest corpus page (yahoo-3)", LARGEST)];
    // The first round includes one-time work (compiling the phrase lexicon, warming the JIT).
    for (round, (name, html)) in ["first", "second"]
        .into_iter()
        .flat_map(|round| pages.map(|page| (round, page)))
    {
        let document = parse(html);
        let start = now_ms();
        let serialized = outer_html(&document);
        let serialized_at = now_ms();
        let analysis = json(&analyze(&serialized, None, no_options()).unwrap());
        let done = now_ms();
        let removals = analysis["verdict"]["removals"]
            .as_array()
            .map_or(0, Vec::len);
        console_log!(
            "timing {name}, {round} run: {} bytes, serialize {:.1} ms + analyze {:.1} ms = {:.1} ms, \
             {removals} removals",
            serialized.len(),
            serialized_at - start,
            done - serialized_at,
            done - start,
        );
        assert!(
            removals > 0,
            "{name}: the timing measured a page with nothing to remove"
        );
    }
}

/// compileRules in the browser, mirroring tests/filters.rs: the report of the test list, then the
/// filter test page analyzed with the compiled rules on its own domain and elsewhere, and the
/// verdict's ordinals checked against the page as the browser parses it.
#[wasm_bindgen_test]
fn compiled_rules_hide_generic_scoped_excepted_and_has_text_matches() {
    let lists = to_js(&serde_json::json!([
        { "name": "test-list", "text": FILTER_RULES, "category": "subscribe" }
    ]));
    let rules = compile_rules(lists).expect("compileRules");
    let report = json(&rules.report().expect("report"));
    let r = &report[0];
    assert_eq!(r["hidingRules"], 12, "{r}");
    assert_eq!(r["supported"], 9, "{r}");
    assert_eq!(r["networkSkipped"], 1);
    assert_eq!(r["scriptletSkipped"], 1);
    let unsupported: Vec<u64> = r["skippedLines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| !l[1].as_str().unwrap_or_default().contains("out of scope"))
        .map(|l| l[0].as_u64().unwrap())
        .collect();
    assert_eq!(
        unsupported,
        [14, 15, 16],
        "unsupported lines with numbers: {r}"
    );
    assert!(rules.size() > 0);

    let analyze_on = |url: &str| {
        let analysis = rules
            .analyze(FILTER_PAGE, Some(url.into()), no_options())
            .expect("Rules.analyze");
        get(&analysis, "verdict")
    };
    let previews = |verdict: &JsValue| -> Vec<String> {
        json(verdict)["removals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["preview"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let has = |list: &[String], s: &str| list.iter().any(|p| p.contains(s));

    let verdict = analyze_on("https://www.example.com/story");
    let on_example = previews(&verdict);
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
    assert!(has(&on_example, "descendant selector"));
    assert!(!has(&on_example, "article prose"), "protected prose kept");
    let v = json(&verdict);
    assert_eq!(v["unlockScroll"], true, "html/body overflow reset");
    let conflict = v["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "##.prose-x")
        .expect("the conflict with article prose is reported");
    assert!(conflict["why"].as_str().unwrap().contains("prose"));
    let id_rule = v["removals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "###nag-box")
        .expect("the id rule names itself");
    assert!(id_rule["reason"].as_str().unwrap().contains("line 4"));

    // The removals' ordinals name the matched blocks in the page as this browser parses it
    // (`querySelectorAll('*')` order): the excepted and the protected blocks are not among them.
    // applier.js applying this verdict is a case of tests/e2e/applier.test.mjs.
    let document = parse(FILTER_PAGE);
    let all = document.query_selector_all("*").unwrap();
    let removed: Vec<web_sys::Element> = v["removals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let ordinal = r["ordinal"].as_u64().unwrap() as u32;
            let el: web_sys::Element = all
                .item(ordinal)
                .expect("an element there")
                .unchecked_into();
            assert_eq!(
                el.local_name(),
                r["tag"],
                "ordinal {ordinal} is another element"
            );
            el
        })
        .collect();
    let removed_here = |selector: &str| {
        let el = document.query_selector(selector).unwrap().expect(selector);
        removed.contains(&el)
    };
    assert!(removed_here(".promo-banner-x"));
    assert!(removed_here("#nag-box"));
    assert!(removed_here("aside.site-box"));
    assert!(removed_here("p.note"), "the first .note says subscribe");
    assert!(!removed_here(".kept-box"), "excepted on example.com");
    assert!(!removed_here(".prose-x"), "article prose is protected");

    let elsewhere = previews(&analyze_on("https://other.org/story"));
    assert!(
        !has(&elsewhere, "scoped to example.com"),
        "scoped rule stays on its domain"
    );
    assert!(
        has(&elsewhere, "example.com excepts"),
        "the exception is scoped too"
    );
}
