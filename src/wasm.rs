//! The WebAssembly boundary: the only file that knows JavaScript.
//!
//! Thin wrappers over [`crate::analyze`], [`crate::clean`], [`crate::read`] and
//! [`crate::read_markdown`] (options and results
//! cross as plain objects through serde-wasm-bindgen), and [`compile_rules`] for filter lists.
//! Every failure is a `JsError` with a sentence. The verdict is applied to a live page by
//! `extension/applier.js`, the one applier (the extension, the playground and the in-browser
//! benchmark run it); this module never touches a DOM.

use crate::rules::filter::{category_for_list, RuleSet};
use crate::{Category, Options, Verdict};
use serde::Serialize;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The PlainPage version this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Compiled filter lists: made once by [`compile_rules`], passed to every call after.
#[wasm_bindgen]
pub struct Rules {
    inner: Arc<RuleSet>,
}

#[wasm_bindgen]
impl Rules {
    /// What each list contributed: rules supported, hashed, skipped by kind, and every
    /// unsupported line with its number and why.
    pub fn report(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.reports)
    }

    /// Number of compiled hiding rules.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.len()
    }
}

/// Compiles filter-list text (Adblock Plus / uBlock Origin element hiding). `lists` is an array
/// of `{ name, text, category? }`; the category defaults to what the list's name suggests.
#[wasm_bindgen(js_name = compileRules)]
pub fn compile_rules(lists: JsValue) -> Result<Rules, JsError> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct List {
        name: String,
        text: String,
        category: Option<Category>,
    }
    let lists: Vec<List> = serde_wasm_bindgen::from_value(lists).map_err(|e| {
        JsError::new(&format!(
            "compileRules takes [{{ name, text, category? }}]: {e}"
        ))
    })?;
    let mut set = RuleSet::new();
    for list in lists {
        let category = list
            .category
            .unwrap_or_else(|| category_for_list(&list.name));
        set.add_list(&list.name, &list.text, category);
    }
    set.build_index();
    Ok(Rules {
        inner: Arc::new(set),
    })
}

fn with_rules(mut options: Options, rules: Option<&Rules>) -> Options {
    options.rules = rules.map(|r| Arc::clone(&r.inner));
    options
}

#[wasm_bindgen]
impl Rules {
    /// [`analyze`] with these rules.
    pub fn analyze(
        &self,
        html: &str,
        url: Option<String>,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        analyze_with(html, url, options, Some(self))
    }

    /// [`analyze_fragment`] with these rules.
    #[wasm_bindgen(js_name = analyzeFragment)]
    pub fn analyze_fragment(
        &self,
        html: &str,
        url: Option<String>,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        fragment_with(html, url, options, Some(self))
    }

    /// [`clean`] with these rules.
    pub fn clean(
        &self,
        html: &str,
        url: Option<String>,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        clean_with(html, url, options, Some(self))
    }
}

/// Surveys and judges a page: `{ verdict, timings }`.
#[wasm_bindgen]
pub fn analyze(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    analyze_with(html, url, options, None)
}

fn analyze_with(
    html: &str,
    url: Option<String>,
    options: JsValue,
    rules: Option<&Rules>,
) -> Result<JsValue, JsError> {
    call_engine(crate::analyze, html, url, options, rules)
}

/// One engine call that returns an analysis, with options and rules from JavaScript.
fn call_engine(
    engine: fn(&[u8], &Options) -> Result<crate::Analysis, crate::Error>,
    html: &str,
    url: Option<String>,
    options: JsValue,
    rules: Option<&Rules>,
) -> Result<JsValue, JsError> {
    let options = with_rules(parse_options(url, options)?, rules);
    let analysis = engine(html.as_bytes(), &options).map_err(engine_error)?;
    to_js(&analysis)
}

/// Judges a subtree added after the page was analyzed (its `outerHTML`): `{ verdict, timings }`
/// with ordinals counted from the subtree's root element (ordinal 0).
#[wasm_bindgen(js_name = analyzeFragment)]
pub fn analyze_fragment(
    html: &str,
    url: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsError> {
    fragment_with(html, url, options, None)
}

fn fragment_with(
    html: &str,
    url: Option<String>,
    options: JsValue,
    rules: Option<&Rules>,
) -> Result<JsValue, JsError> {
    call_engine(crate::analyze_fragment, html, url, options, rules)
}

/// The result of [`clean`] as it crosses to JavaScript.
#[derive(Serialize)]
struct CleanedJs {
    html: String,
    verdict: Verdict,
    timings: crate::Timings,
}

/// Removes chrome from a page: `{ html, verdict, timings }`.
#[wasm_bindgen]
pub fn clean(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    clean_with(html, url, options, None)
}

fn clean_with(
    html: &str,
    url: Option<String>,
    options: JsValue,
    rules: Option<&Rules>,
) -> Result<JsValue, JsError> {
    let options = with_rules(parse_options(url, options)?, rules);
    let cleaned = crate::clean(html.as_bytes(), &options).map_err(engine_error)?;
    let html = String::from_utf8(cleaned.html).map_err(|_| {
        JsError::new(
            "internal error: the cleaned page is not valid UTF-8 (please report this page)",
        )
    })?;
    to_js(&CleanedJs {
        html,
        verdict: cleaned.verdict,
        timings: cleaned.timings,
    })
}

/// Extracts the article into a reader document: `{ article, document, timings }`.
#[wasm_bindgen]
pub fn read(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(url, options)?;
    let reader = crate::read(html.as_bytes(), &options).map_err(engine_error)?;
    to_js(&reader)
}

/// The article as Markdown: `{ markdown, fileName, timings }`. Takes what [`read`] takes, and
/// `frontMatter: true` in the options for YAML front matter (title, byline, site, date, URL,
/// language) before the article.
#[wasm_bindgen(js_name = readMarkdown)]
pub fn read_markdown(
    html: &str,
    url: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsError> {
    // `frontMatter` belongs to this call only: taken out before the shared options are read.
    let mut front_matter = false;
    let options = if options.is_object() && !js_sys::Array::is_array(&options) {
        let key = JsValue::from_str("frontMatter");
        let value = js_sys::Reflect::get(&options, &key).unwrap_or(JsValue::UNDEFINED);
        if !value.is_undefined() {
            front_matter = value.as_bool().ok_or_else(|| {
                JsError::new("invalid options: `frontMatter` must be true or false")
            })?;
            let copy =
                js_sys::Object::assign(&js_sys::Object::new(), &js_sys::Object::from(options));
            let _ = js_sys::Reflect::delete_property(&copy, &key);
            copy.into()
        } else {
            options
        }
    } else {
        options
    };
    let options = parse_options(url, options)?;
    let markdown =
        crate::read_markdown(html.as_bytes(), &options, front_matter).map_err(engine_error)?;
    to_js(&markdown)
}

/// Installs the panic hook once, so a panic that slips through is reported on the console.
fn init() {
    console_error_panic_hook::set_once();
}

/// Reads the options object and the url argument into [`Options`].
fn parse_options(url: Option<String>, options: JsValue) -> Result<Options, JsError> {
    init();
    let mut parsed: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(JsError::new(
            "invalid options: expected an object such as { url, categories }",
        ));
    } else {
        // Through a JSON value: serde-wasm-bindgen reads only the keys a struct declares, so
        // `deny_unknown_fields` would never see a misspelt key.
        let invalid = |e: &dyn std::fmt::Display| JsError::new(&format!("invalid options: {e}"));
        let value: serde_json::Value =
            serde_wasm_bindgen::from_value(options).map_err(|e| invalid(&e))?;
        serde_json::from_value(value).map_err(|e| invalid(&e))?
    };
    if parsed.encoding.is_some() {
        return Err(JsError::new(
            "invalid options: `encoding` does not apply here, because a JavaScript string is \
             already decoded text",
        ));
    }
    // The page arrives as a JavaScript string, already decoded: never re-read it in the
    // encoding its `<meta charset>` names.
    parsed.encoding = Some("utf-8".to_owned());
    if let Some(url) = url.filter(|u| !u.trim().is_empty()) {
        parsed.url = Some(url);
    }
    parsed.page_url().map_err(engine_error)?;
    Ok(parsed)
}

fn engine_error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Converts a result to a plain JavaScript object (maps as objects, `None` as `null`).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            JsError::new(&format!(
                "internal error: the result could not cross to JavaScript: {e}"
            ))
        })
}
