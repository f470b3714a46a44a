//! In-browser tests of the wasm module (`wasm-pack test --headless --chrome|--firefox`): the seed
//! page through analyze, clean and read; the live-DOM applier on real documents, both a
//! DOMParser document and a rendered frame; refusals that change nothing; and errors that name
//! what is wrong. A timing test prints analyze + apply times for the seed and the largest page.
#![cfg(target_arch = "wasm32")]

use plainpage::clock::now_ms;
use plainpage::wasm::{analyze, apply_verdict, clean, compile_rules, read, restore, version};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, DomParser, Element, HtmlElement, HtmlIFrameElement, SupportedType};

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
/// The playground's own sample: a different page from the seed.
const SAMPLE: &str = include_str!("../www/samples/harbour-gazette.html");
const SEED_URL: &str =
    "https://www.inkl.com/news/russia-continues-to-reject-an-unconditional-ceasefire-says-ukraine-after-peace-talks";

/// Keeps a rendered frame from fetching anything (the seed links an image on another host).
const FRAME_CSP: &str =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                         style-src 'unsafe-inline'; img-src data:\">";

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

/// The seed's verdict, as the plain object the module hands to JavaScript.
fn seed_verdict() -> JsValue {
    let analysis = analyze(SEED, Some(SEED_URL.into()), no_options()).expect("analyze");
    get(&analysis, "verdict")
}

/// Renders a page in a same-origin frame with scripts off, so `innerText` is what a reader sees.
async fn render(html: &str) -> (HtmlIFrameElement, Document) {
    let host = web_sys::window().unwrap().document().unwrap();
    let frame: HtmlIFrameElement = host.create_element("iframe").unwrap().unchecked_into();
    frame.set_attribute("sandbox", "allow-same-origin").unwrap();
    frame
        .set_attribute("style", "width:1024px;height:768px")
        .unwrap();
    let loaded = js_sys::Promise::new(&mut |resolve, _| frame.set_onload(Some(&resolve)));
    frame.set_srcdoc(html);
    host.body().unwrap().append_child(&frame).unwrap();
    JsFuture::from(loaded).await.unwrap();
    let document = frame.content_document().expect("a same-origin frame");
    (frame, document)
}

fn visible_text(document: &Document) -> String {
    let body: HtmlElement = document.body().expect("a body");
    fold(&body.inner_text())
}

fn marked(document: &Document) -> Vec<Element> {
    let list = document
        .query_selector_all("[data-plainpage-removed]")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(JsCast::unchecked_into)
        .collect()
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
async fn applied_verdict_hides_chrome_on_a_rendered_page_and_restore_undoes_it() {
    let html = SEED.replacen("<head>", &format!("<head>{FRAME_CSP}"), 1);
    assert_ne!(
        html, SEED,
        "the seed has no <head> to put the frame policy in"
    );
    let analysis = analyze(&html, Some(SEED_URL.into()), no_options()).unwrap();
    let verdict = get(&analysis, "verdict");
    let removals = json(&verdict)["removals"].as_array().unwrap().len();
    let (frame, document) = render(&html).await;
    let before = outer_html(&document);
    let shown = visible_text(&document);
    for phrase in lines(CHROME_PHRASES) {
        assert!(shown.contains(phrase), "the seed should show {phrase:?}");
    }

    let applied = json(&apply_verdict(document.clone().into(), verdict.clone(), None).unwrap());
    assert_eq!(applied["applied"], removals);
    assert_eq!(applied["mode"], "hide");
    // The seed's sticky offer may have locked scrolling: the verdict says so, and hide mode
    // unlocks it.
    assert_eq!(json(&verdict)["unlock_scroll"], true);
    assert_eq!(applied["unlockedScroll"], true);
    let body_style = document
        .body()
        .unwrap()
        .get_attribute("style")
        .unwrap_or_default();
    assert!(
        body_style.contains("overflow-y: auto"),
        "scrolling not unlocked: {body_style}"
    );
    let text = visible_text(&document);
    for phrase in lines(CHROME_PHRASES) {
        assert!(!text.contains(phrase), "still visible: {phrase:?}");
    }
    for paragraph in lines(ARTICLE) {
        assert!(
            text.contains(paragraph),
            "article paragraph hidden: {paragraph:?}"
        );
    }
    let categories: Vec<Value> = json(&verdict)["removals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["category"].clone())
        .collect();
    let marks: Vec<Value> = marked(&document)
        .iter()
        .map(|el| Value::from(el.get_attribute("data-plainpage-removed").unwrap()))
        .collect();
    assert_eq!(marks, categories, "marks do not follow the verdict");

    // "Show removed": everything visible again, removed blocks outlined, scrolling as it was.
    let outlined =
        json(&apply_verdict(document.clone().into(), verdict, Some("outline".into())).unwrap());
    assert_eq!(outlined["unlockedScroll"], false);
    assert!(!document.body().unwrap().has_attribute("style"));
    let text = visible_text(&document);
    for phrase in lines(CHROME_PHRASES) {
        assert!(text.contains(phrase), "outline mode hides {phrase:?}");
    }
    for el in marked(&document) {
        let style = el.get_attribute("style").unwrap_or_default();
        assert!(style.contains("outline"), "not outlined: {style}");
    }

    assert_eq!(restore(document.clone().into()).unwrap() as usize, removals);
    assert_eq!(
        outer_html(&document),
        before,
        "restore left the page changed"
    );
    assert_eq!(visible_text(&document), shown);
    frame.remove();
}

#[wasm_bindgen_test]
fn applier_keeps_and_restores_a_blocks_own_style_exactly() {
    let verdict = seed_verdict();
    let first = json(&verdict)["removals"][0]["ordinal"].as_u64().unwrap() as u32;
    let document = parse(SEED);
    let all = document.query_selector_all("*").unwrap();
    let block: Element = all.item(first).unwrap().unchecked_into();
    block
        .set_attribute("style", "color:red;  display :grid")
        .unwrap();
    let before = outer_html(&document);

    apply_verdict(
        document.clone().into(),
        verdict.clone(),
        Some("hide".into()),
    )
    .unwrap();
    let style = block.get_attribute("style").unwrap();
    assert!(
        style.contains("display: none !important"),
        "not hidden: {style}"
    );
    // Applying twice replaces the first application rather than stacking on it.
    apply_verdict(document.clone().into(), verdict, None).unwrap();
    restore(document.clone().into()).unwrap();
    assert_eq!(outer_html(&document), before);
    assert_eq!(restore(document.clone().into()).unwrap(), 0);
}

#[wasm_bindgen_test]
fn noscript_contents_get_no_ordinal() {
    // DOMParser runs with scripting off, so <noscript> contents become elements: the applier
    // must skip them as the survey does.
    let html = "<!DOCTYPE html><html><head><title>t</title></head><body>\
        <noscript><div class=\"promo\"><p>Enable JavaScript</p><noscript><b>x</b></noscript></div></noscript>\
        <article><h1>Harbour works begin</h1><p>The council said on Monday that the harbour wall \
        would be rebuilt over the winter, with the work done in stages so that boats can still \
        land, and the fish market stays open throughout.</p><p>Residents asked for a public \
        meeting, and the council agreed to hold one in March, once the first stage is finished \
        and the cost of the second is known.</p></article>\
        <div class=\"newsletter\"><p>Sign up for our newsletter</p><form><input type=\"email\">\
        <button>Subscribe</button></form></div></body></html>";
    let verdict = get(&analyze(html, None, no_options()).unwrap(), "verdict");
    let document = parse(html);
    let before = outer_html(&document);
    apply_verdict(document.clone().into(), verdict.clone(), None).unwrap();
    let ordinals: Vec<u64> = json(&verdict)["removals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ordinal"].as_u64().unwrap())
        .collect();
    for el in marked(&document) {
        assert_ne!(el.local_name(), "b", "a <noscript> child was counted");
    }
    assert_eq!(marked(&document).len(), ordinals.len());
    restore(document.clone().into()).unwrap();
    assert_eq!(outer_html(&document), before);
}

#[wasm_bindgen_test]
fn a_verdict_from_another_page_is_refused_and_nothing_changes() {
    let other = get(&analyze(SAMPLE, None, no_options()).unwrap(), "verdict");
    let document = parse(SEED);
    let before = outer_html(&document);
    let error = message(apply_verdict(document.clone().into(), other, None).unwrap_err());
    assert!(error.contains("does not fit"), "unclear refusal: {error}");
    assert!(
        error.contains("nothing was changed"),
        "unclear refusal: {error}"
    );
    assert_eq!(outer_html(&document), before);

    // Same element count, wrong tag at an ordinal: refused too, and a previous application
    // stays as it was.
    let verdict = seed_verdict();
    apply_verdict(document.clone().into(), verdict.clone(), None).unwrap();
    let applied = outer_html(&document);
    let mut tampered = json(&verdict);
    tampered["removals"][0]["tag"] = Value::from("table");
    let tampered = to_js(&tampered);
    let error = message(apply_verdict(document.clone().into(), tampered, None).unwrap_err());
    assert!(
        error.contains("<table>"),
        "refusal does not name the tag: {error}"
    );
    assert_eq!(outer_html(&document), applied);

    // An ordinal past the end.
    let mut past = json(&verdict);
    past["removals"][0]["ordinal"] = Value::from(100_000);
    let past = to_js(&past);
    let error = message(apply_verdict(document.clone().into(), past, None).unwrap_err());
    assert!(
        error.contains("100000"),
        "refusal does not name the ordinal: {error}"
    );
    restore(document.clone().into()).unwrap();
    assert_eq!(outer_html(&document), before);
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

#[wasm_bindgen_test]
fn bad_arguments_to_the_applier_are_errors() {
    let document = parse(SEED);
    let verdict = seed_verdict();
    let error = message(
        apply_verdict(
            document.clone().into(),
            verdict.clone(),
            Some("erase".into()),
        )
        .unwrap_err(),
    );
    assert!(error.contains("erase"), "unclear: {error}");
    let error = message(apply_verdict(document.clone().into(), options("{}"), None).unwrap_err());
    assert!(error.contains("verdict"), "unclear: {error}");
    let error = message(apply_verdict(JsValue::from_str("page"), verdict, None).unwrap_err());
    assert!(error.contains("Document"), "unclear: {error}");
    let error = message(restore(JsValue::NULL).unwrap_err());
    assert!(error.contains("Document"), "unclear: {error}");
}

/// Prints analyze and apply times in this browser for the seed and the largest page, measured as
/// the extension works: the page is parsed into a document (not timed: the browser has done that
/// before a content script runs), serialized, analyzed, and the verdict applied to it. Both
/// pages must apply: a refusal here would mean the timing measured no work.
#[wasm_bindgen_test]
fn timing_of_analyze_and_apply() {
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
        let analysis = analyze(&serialized, None, no_options()).unwrap();
        let analyzed = now_ms();
        let applied = apply_verdict(document.clone().into(), get(&analysis, "verdict"), None);
        let done = now_ms();
        let outcome = match applied {
            Ok(a) => format!("{} blocks hidden", json(&a)["applied"]),
            Err(e) => format!("refused: {}", message(e)),
        };
        console_log!(
            "timing {name}, {round} run: {} bytes, serialize {:.1} ms + analyze {:.1} ms + apply {:.1} ms \
             = {:.1} ms, {outcome}",
            serialized.len(),
            serialized_at - start,
            analyzed - serialized_at,
            done - analyzed,
            done - start,
        );
        assert!(outcome.ends_with("hidden"), "{name}: {outcome}");
        restore(document.into()).unwrap();
    }
}

// ---- live-page safety: a misaligned or forged verdict changes nothing -------------------------

/// The element at an ordinal of a document without `<noscript>` (the seed has none).
fn element_at(document: &Document, ordinal: u64) -> Element {
    document
        .query_selector_all("*")
        .unwrap()
        .item(ordinal as u32)
        .expect("an element at that ordinal")
        .unchecked_into()
}

fn ordinal_of(document: &Document, el: &Element) -> u64 {
    let all = document.query_selector_all("*").unwrap();
    (0..all.length())
        .find(|&i| all.item(i).as_ref() == Some(el.as_ref()))
        .expect("an element of the document") as u64
}

/// Asserts that applying `verdict` throws an error saying all of `says`, and that the document
/// serializes exactly as it did before the attempt.
fn refused(document: &Document, verdict: &Value, says: &[&str]) {
    let before = outer_html(document);
    let error = message(apply_verdict(document.clone().into(), to_js(verdict), None).unwrap_err());
    for words in says {
        assert!(
            error.contains(words),
            "the refusal does not say {words:?}: {error}"
        );
    }
    assert_eq!(
        outer_html(document),
        before,
        "a refused verdict changed the page"
    );
}

/// The change that the element count and the tags at removed ordinals cannot see: an empty
/// element with the first removed block's tag is inserted just before it, and the block's last
/// element is taken out. The count is the same and the first removed ordinal now holds the empty
/// element, with the right tag; without the page's fingerprint the applier would hide it and
/// leave the block showing.
fn shift_first_removal(document: &Document, verdict: &Value) {
    let block = element_at(
        document,
        verdict["removals"][0]["ordinal"].as_u64().unwrap(),
    );
    let inside = block.query_selector_all("*").unwrap();
    assert!(
        inside.length() > 0,
        "the first removed block has elements inside"
    );
    let last: Element = inside.item(inside.length() - 1).unwrap().unchecked_into();
    last.remove();
    let decoy = document.create_element(&block.local_name()).unwrap();
    block.before_with_node_1(&decoy).unwrap();
    assert_eq!(
        element_at(
            document,
            verdict["removals"][0]["ordinal"].as_u64().unwrap()
        ),
        decoy,
        "the decoy took the block's ordinal"
    );
}

/// The live page as the content script sees it: rendered, serialized with `outerHTML`, analyzed;
/// then the page changes before the verdict comes back.
#[wasm_bindgen_test]
async fn a_verdict_for_a_page_that_changed_since_it_was_serialized_is_refused() {
    let html = SEED.replacen("<head>", &format!("<head>{FRAME_CSP}"), 1);
    // Four changes between serialize and apply: an element inserted, one removed, the tag of a
    // block the verdict removes renamed (same children, same attributes), and a shift that keeps
    // the count and the tag at every removed ordinal (see `shift_first_removal`).
    type Mutation = fn(&Document, &Value);
    let mutations: [(&str, Mutation, &[&str]); 4] = [
        (
            "shift",
            shift_first_removal,
            &["does not fit", "not the same", "nothing was changed"],
        ),
        (
            "insert",
            |document, _| {
                let p = document.create_element("p").unwrap();
                p.set_text_content(Some("A paragraph added by the page's own script."));
                document.body().unwrap().prepend_with_node_1(&p).unwrap();
            },
            &["does not fit", "elements", "nothing was changed"],
        ),
        (
            "remove",
            |document, verdict| {
                let article = element_at(document, verdict["article"].as_u64().unwrap());
                article
                    .query_selector("p")
                    .unwrap()
                    .expect("an article paragraph")
                    .remove();
            },
            &["does not fit", "elements", "nothing was changed"],
        ),
        (
            "rename",
            |document, verdict| {
                let old = element_at(
                    document,
                    verdict["removals"][0]["ordinal"].as_u64().unwrap(),
                );
                let new = document.create_element("figure").unwrap();
                let names = old.get_attribute_names();
                for name in names.iter() {
                    let name = name.as_string().unwrap();
                    new.set_attribute(&name, &old.get_attribute(&name).unwrap())
                        .unwrap();
                }
                while let Some(child) = old.first_child() {
                    new.append_child(&child).unwrap();
                }
                old.replace_with_with_node_1(&new).unwrap();
            },
            &["does not fit", "<figure>", "nothing was changed"],
        ),
    ];
    for (name, mutate, says) in mutations {
        for applied_before in [false, true] {
            let (frame, document) = render(&html).await;
            let serialized = outer_html(&document);
            let verdict = get(
                &analyze(&serialized, Some(SEED_URL.into()), no_options()).unwrap(),
                "verdict",
            );
            if applied_before {
                // A previous application stays exactly as it was.
                apply_verdict(document.clone().into(), verdict.clone(), None).unwrap();
            }
            let verdict = json(&verdict);
            mutate(&document, &verdict);
            console_log!("{name} (applied before: {applied_before})");
            refused(&document, &verdict, says);
            frame.remove();
        }
    }
}

#[wasm_bindgen_test]
fn a_forged_verdict_never_hides_html_head_body_or_the_article() {
    let document = parse(SEED);
    let verdict = json(&seed_verdict());
    let article_ordinal = verdict["article"]
        .as_u64()
        .expect("the seed has an article");
    let article = element_at(&document, article_ordinal);
    let parent = article.parent_element().expect("the article has a parent");
    let grandparent = parent.parent_element().expect("and a grandparent");
    let head = document.query_selector("head").unwrap().expect("a head");
    let body = document.body().unwrap().unchecked_into::<Element>();
    let root = document.document_element().unwrap();

    let frame = [(&root, "<html>"), (&head, "<head>"), (&body, "<body>")];
    let article_and_ancestors = [&article, &parent, &grandparent];
    let mut forged: Vec<(Value, &str)> = Vec::new();
    for (el, tag) in frame {
        forged.push((removal_of(&document, el), tag));
    }
    for el in article_and_ancestors {
        forged.push((removal_of(&document, el), "holds the article"));
    }
    for applied_before in [false, true] {
        if applied_before {
            apply_verdict(document.clone().into(), to_js(&verdict), None).unwrap();
        }
        for (removal, says) in &forged {
            // Alone, and last after every genuine removal: refused whole either way.
            let mut alone = verdict.clone();
            alone["removals"] = Value::from(vec![removal.clone()]);
            refused(&document, &alone, &[says, "nothing was changed"]);
            let mut appended = verdict.clone();
            appended["removals"]
                .as_array_mut()
                .unwrap()
                .push(removal.clone());
            refused(&document, &appended, &[says, "nothing was changed"]);
        }
        // An article block the verdict lists is protected as well as its root.
        let inner = article
            .first_element_child()
            .expect("the article has children");
        let mut blocks = verdict.clone();
        blocks["article_blocks"] = Value::from(vec![ordinal_of(&document, &inner)]);
        blocks["article"] = Value::Null;
        blocks["removals"] = Value::from(vec![removal_of(&document, &article)]);
        refused(
            &document,
            &blocks,
            &["holds the article", "nothing was changed"],
        );
        // An article ordinal past the end is a verdict for another page.
        let mut past = verdict.clone();
        past["article"] = Value::from(100_000);
        refused(
            &document,
            &past,
            &["does not fit", "100000", "nothing was changed"],
        );
    }
    restore(document.clone().into()).unwrap();
    assert_eq!(outer_html(&document), outer_html(&parse(SEED)));
}

/// A removal aimed at `el`, as a verdict would list it.
fn removal_of(document: &Document, el: &Element) -> Value {
    serde_json::json!({
        "ordinal": ordinal_of(document, el),
        "tag": el.local_name(),
        "category": "subscribe",
        "reason": "forged",
        "preview": "",
    })
}

#[wasm_bindgen_test]
fn a_block_that_cannot_be_hidden_is_refused_before_anything_changes() {
    // An element in a foreign namespace has no inline style: every target is checked before
    // the first is touched, so the genuine removals before it are not applied either, and a
    // previous application stays.
    let document = parse(SEED);
    let verdict = json(&seed_verdict());
    apply_verdict(document.clone().into(), to_js(&verdict), None).unwrap();
    let last = verdict["removals"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    let old = element_at(&document, last["ordinal"].as_u64().unwrap());
    let styleless = document
        .create_element_ns(Some("urn:x-plainpage-test"), &old.local_name())
        .unwrap();
    old.replace_with_with_node_1(&styleless).unwrap();
    refused(
        &document,
        &verdict,
        &["no inline style", "nothing was changed"],
    );
}

/// compileRules in the browser, mirroring tests/filters.rs: the report of the test list, then the
/// filter test page analyzed with the compiled rules on its own domain and elsewhere, and the
/// verdict applied to the parsed page.
#[wasm_bindgen_test]
fn compiled_rules_hide_generic_scoped_excepted_and_has_text_matches() {
    let lists = to_js(&serde_json::json!([
        { "name": "test-list", "text": FILTER_RULES, "category": "subscribe" }
    ]));
    let rules = compile_rules(lists).expect("compileRules");
    let report = json(&rules.report().expect("report"));
    let r = &report[0];
    assert_eq!(r["hiding_rules"], 12, "{r}");
    assert_eq!(r["supported"], 9, "{r}");
    assert_eq!(r["network_skipped"], 1);
    assert_eq!(r["scriptlet_skipped"], 1);
    let unsupported: Vec<u64> = r["skipped_lines"]
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
    assert_eq!(v["unlock_scroll"], true, "html/body overflow reset");
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

    // Applied to the parsed page: the matched blocks are marked, the excepted and protected not.
    let document = parse(FILTER_PAGE);
    apply_verdict(document.clone().into(), verdict, None).expect("applyVerdict");
    let marked_here = |selector: &str| {
        document
            .query_selector(selector)
            .unwrap()
            .expect(selector)
            .has_attribute("data-plainpage-removed")
    };
    assert!(marked_here(".promo-banner-x"));
    assert!(marked_here("#nag-box"));
    assert!(marked_here("aside.site-box"));
    assert!(marked_here("p.note"), "the first .note says subscribe");
    assert!(!marked_here(".kept-box"), "excepted on example.com");
    assert!(!marked_here(".prose-x"), "article prose is protected");

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
