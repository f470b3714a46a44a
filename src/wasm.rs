//! The WebAssembly boundary: the only file that knows JavaScript.
//!
//! Thin wrappers over [`crate::analyze`], [`crate::clean`] and [`crate::read`] (options and results
//! cross as plain objects through serde-wasm-bindgen), and the live-DOM applier: [`apply_verdict`]
//! hides, or outlines, the blocks a verdict removes in a real document by ordinal, and
//! [`restore`] puts the document back as it was. Every failure is a `JsError` with a sentence.

use crate::clock::timed;
use crate::rules::filter::{category_for_list, RuleSet};
use crate::{Category, Options, Verdict};
use js_sys::Reflect;
use serde::Serialize;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Document, Element};

/// Marks a block the applier hid or outlined; the value is its category.
const REMOVED_ATTR: &str = "data-plainpage-removed";
/// Holds the element's own `style` attribute, when it had one, so [`restore`] can put it back.
const SAVED_STYLE_ATTR: &str = "data-plainpage-style";
/// Marks `<html>` and `<body>` when the applier unlocked page scrolling on them.
const UNLOCKED_ATTR: &str = "data-plainpage-unlocked";

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
    judge_with(crate::analyze, html, url, options, rules)
}

/// One engine call that returns an analysis, with options and rules from JavaScript.
fn judge_with(
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
    judge_with(crate::analyze_fragment, html, url, options, rules)
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

/// How the applier shows a removed block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `display: none !important` inline: the block is gone from the page but not destroyed.
    Hide,
    /// A dashed outline in the category's colour: "show what was removed".
    Outline,
}

impl Mode {
    fn parse(mode: Option<String>) -> Result<Mode, JsError> {
        match mode.as_deref().map(str::trim) {
            None | Some("hide") => Ok(Mode::Hide),
            Some("outline") => Ok(Mode::Outline),
            Some(other) => Err(JsError::new(&format!(
                "the mode must be \"hide\" or \"outline\", not \"{other}\""
            ))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Mode::Hide => "hide",
            Mode::Outline => "outline",
        }
    }
}

/// What [`apply_verdict`] did.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Applied {
    /// Blocks hidden or outlined.
    applied: usize,
    mode: &'static str,
    /// Whether page scrolling was unlocked (the verdict's `unlock_scroll`, in hide mode).
    unlocked_scroll: bool,
    /// Milliseconds the whole application took, checks included.
    ms: f64,
}

/// Applies a verdict to a live document: every removed block is hidden (`mode` "hide", the
/// default) or outlined ("outline") and marked `data-plainpage-removed="<category>"`.
///
/// The verdict must have been made from this document's HTML: its element count, its
/// fingerprint (every element's tag, in order) and the tag at every ordinal it removes are
/// checked first, and a verdict that does not line up is refused
/// with an error and nothing changed. So is a verdict that would hide `<html>`, `<head>`,
/// `<body>`, or an element holding the article (its root or one of its blocks). Applying again
/// replaces the previous application. When the verdict says a removed gate may have locked
/// scrolling, hide mode also sets `overflow-y: auto !important` on `<html>` and `<body>`
/// (restored like the blocks).
#[wasm_bindgen(js_name = applyVerdict)]
pub fn apply_verdict(
    document: JsValue,
    verdict: JsValue,
    mode: Option<String>,
) -> Result<JsValue, JsError> {
    init();
    let document = as_document(document, "applyVerdict")?;
    let mode = Mode::parse(mode)?;
    let verdict: Verdict = serde_wasm_bindgen::from_value(verdict).map_err(|e| {
        JsError::new(&format!(
            "the verdict is not one this module made (from analyze or clean): {e}"
        ))
    })?;
    let unlock = verdict.unlock_scroll && mode == Mode::Hide;
    let (applied, ms) = timed(|| -> Result<usize, JsError> {
        let targets = locate(&document, &verdict)?;
        restore_all(&document)?;
        let marked = targets
            .iter()
            .try_for_each(|(el, category)| mark(el, *category, mode))
            .and_then(|()| {
                if unlock {
                    unlock_scroll(&document)
                } else {
                    Ok(())
                }
            });
        if let Err(error) = marked {
            // Everything was checked first, so this is a document that refused a change: take
            // back what was done rather than leave the page half hidden.
            let _ = restore_all(&document);
            return Err(error);
        }
        Ok(targets.len())
    });
    to_js(&Applied {
        applied: applied?,
        mode: mode.name(),
        unlocked_scroll: unlock,
        ms,
    })
}

/// Undoes [`apply_verdict`]: every marked block gets its own `style` attribute back (or none,
/// if it had none) and loses the marks, so the document serializes exactly as before. Returns
/// the number of blocks restored.
#[wasm_bindgen]
pub fn restore(document: JsValue) -> Result<u32, JsError> {
    init();
    let document = as_document(document, "restore")?;
    restore_all(&document)
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

/// Accepts any document, including one from another realm (an iframe's), where `instanceof
/// Document` would be false.
fn as_document(value: JsValue, caller: &str) -> Result<Document, JsError> {
    let has = |key: &str| {
        Reflect::get(&value, &JsValue::from_str(key))
            .map(|v| !v.is_undefined() && !v.is_null())
            .unwrap_or(false)
    };
    if value.is_object() && has("querySelectorAll") && has("documentElement") {
        Ok(value.unchecked_into())
    } else {
        Err(JsError::new(&format!(
            "{caller} needs a Document, such as window.document or the result of DOMParser"
        )))
    }
}

/// Finds the element at every ordinal the verdict removes, checking that the document is the
/// one the verdict was made from. Changes nothing.
fn locate(document: &Document, verdict: &Verdict) -> Result<Vec<(Element, Category)>, JsError> {
    let ordinals = Ordinals::of(document)?;
    if ordinals.count() != verdict.elements {
        return Err(JsError::new(&format!(
            "this verdict does not fit the document: it was made for a page of {} elements and \
             the document has {}; nothing was changed",
            verdict.elements,
            ordinals.count()
        )));
    }
    let mut targets = Vec::with_capacity(verdict.removals.len());
    for removal in &verdict.removals {
        let el = ordinals.get(removal.ordinal).ok_or_else(|| {
            JsError::new(&format!(
                "this verdict does not fit the document: it removes element {}, past the last of \
                 {}; nothing was changed",
                removal.ordinal,
                ordinals.count()
            ))
        })?;
        let tag = el.local_name().to_ascii_lowercase();
        if !tag.eq_ignore_ascii_case(&removal.tag) {
            return Err(JsError::new(&format!(
                "this verdict does not fit the document: element {} is <{tag}> but the verdict \
                 removes a <{}>; nothing was changed",
                removal.ordinal, removal.tag
            )));
        }
        targets.push((el, removal.category));
    }
    // The removed blocks have the right tags; the rest of the page must still line up too.
    if ordinals.fingerprint() != verdict.fingerprint {
        return Err(JsError::new(
            "this verdict does not fit the document: it has as many elements, but not the same \
             ones in the same order (one was added and another removed, or one was moved or \
             renamed); nothing was changed",
        ));
    }
    protect(&ordinals, verdict, &targets)?;
    for (el, _) in &targets {
        style_of(el).map_err(|_| {
            JsError::new(&format!(
                "the <{}> element has no inline style to hide it with; nothing was changed",
                el.local_name()
            ))
        })?;
    }
    Ok(targets)
}

/// Refuses a verdict that would hide the page's frame (`<html>`, `<head>`, `<body>`) or the
/// article: no removal may be, or contain, the article root or one of the article's blocks.
/// A verdict from the engine never asks for either; a forged or corrupted one is refused whole.
fn protect(
    ordinals: &Ordinals,
    verdict: &Verdict,
    targets: &[(Element, Category)],
) -> Result<(), JsError> {
    let mut article = Vec::with_capacity(verdict.article_blocks.len() + 1);
    for ordinal in verdict.article.iter().chain(&verdict.article_blocks) {
        let el = ordinals.get(*ordinal).ok_or_else(|| {
            JsError::new(&format!(
                "this verdict does not fit the document: its article is element {ordinal}, past \
                 the last of {}; nothing was changed",
                ordinals.count()
            ))
        })?;
        article.push(el);
    }
    for (removal, (el, _)) in verdict.removals.iter().zip(targets) {
        let tag = el.local_name().to_ascii_lowercase();
        if matches!(tag.as_str(), "html" | "head" | "body") {
            return Err(JsError::new(&format!(
                "this verdict would hide <{tag}> (element {}), which PlainPage never hides; \
                 nothing was changed",
                removal.ordinal
            )));
        }
        if article.iter().any(|a| el.contains(Some(a.as_ref()))) {
            return Err(JsError::new(&format!(
                "this verdict would hide element {} (<{tag}>), which holds the article; nothing \
                 was changed",
                removal.ordinal
            )));
        }
    }
    Ok(())
}

/// The document's elements by ordinal: `querySelectorAll('*')` order, leaving out what the
/// survey leaves out. `<template>` contents are not in that list anyway; `<noscript>` contents
/// are elements only where scripting is off (DOMParser, sandboxed frames), so they are skipped.
struct Ordinals {
    all: web_sys::NodeList,
    /// Ordinal → index in `all`, when `<noscript>` contents had to be skipped.
    index: Option<Vec<u32>>,
}

impl Ordinals {
    fn of(document: &Document) -> Result<Ordinals, JsError> {
        let all = query_all(document, "*")?;
        let hidden_inside = query_all(document, "noscript *")?.length();
        if hidden_inside == 0 {
            return Ok(Ordinals { all, index: None });
        }
        // Outermost <noscript> elements, in document order; their descendants get no ordinal.
        let outer = query_all(document, "noscript:not(noscript noscript)")?;
        let mut next_outer = 0;
        let mut index = Vec::with_capacity(all.length() as usize);
        let mut i = 0;
        while i < all.length() {
            index.push(i);
            let node = all.item(i);
            let is_outer =
                next_outer < outer.length() && node.is_some() && node == outer.item(next_outer);
            i += 1;
            if is_outer {
                next_outer += 1;
                if let Some(noscript) = node {
                    let noscript: Element = noscript.unchecked_into();
                    let inside = noscript
                        .query_selector_all("*")
                        .map_err(|_| JsError::new("the document refused a selector query"))?;
                    i += inside.length();
                }
            }
        }
        Ok(Ordinals {
            all,
            index: Some(index),
        })
    }

    fn count(&self) -> u32 {
        match &self.index {
            Some(index) => index.len() as u32,
            None => self.all.length(),
        }
    }

    /// The document's shape, as [`crate::ordinals::fingerprint`] computes it from a survey.
    fn fingerprint(&self) -> u32 {
        let tags: Vec<String> = (0..self.count())
            .filter_map(|i| self.get(i))
            .map(|el| el.local_name())
            .collect();
        crate::ordinals::fingerprint(tags.iter().map(String::as_str))
    }

    fn get(&self, ordinal: u32) -> Option<Element> {
        let i = match &self.index {
            Some(index) => *index.get(ordinal as usize)?,
            None => ordinal,
        };
        self.all.item(i).map(JsCast::unchecked_into)
    }
}

fn query_all(document: &Document, selector: &str) -> Result<web_sys::NodeList, JsError> {
    document
        .query_selector_all(selector)
        .map_err(|_| JsError::new(&format!("the document refused the selector `{selector}`")))
}

/// The element's inline style declaration (HTML, SVG and MathML elements all have one).
fn style_of(el: &Element) -> Result<CssStyleDeclaration, JsError> {
    Reflect::get(el, &JsValue::from_str("style"))
        .ok()
        .filter(|s| s.is_object())
        .map(JsCast::unchecked_into)
        .ok_or_else(|| {
            JsError::new(&format!(
                "the <{}> element has no inline style to hide it with",
                el.local_name()
            ))
        })
}

/// The outline colour for a category in "show removed" mode.
fn colour(category: Category) -> &'static str {
    match category {
        Category::Subscribe => "#d62828",
        Category::Newsletter => "#7b2cbf",
        Category::Related => "#1d6fd6",
        Category::AppPromo => "#e76f00",
        Category::Social => "#2a9d8f",
        Category::Ad => "#6c757d",
    }
}

fn dom_error(what: &str) -> impl Fn(JsValue) -> JsError + '_ {
    move |_| JsError::new(&format!("the document refused to {what}"))
}

/// Keeps an element's own `style` attribute, if it has one, for [`restore_style`].
fn save_style(el: &Element) -> Result<(), JsError> {
    match el.get_attribute("style") {
        Some(style) => el
            .set_attribute(SAVED_STYLE_ATTR, &style)
            .map_err(dom_error("save a style attribute")),
        None => Ok(()),
    }
}

/// Gives an element back the `style` attribute [`save_style`] kept, or none if it had none.
fn restore_style(el: &Element) -> Result<(), JsError> {
    match el.get_attribute(SAVED_STYLE_ATTR) {
        Some(style) => {
            el.set_attribute("style", &style)
                .map_err(dom_error("restore a style attribute"))?;
            el.remove_attribute(SAVED_STYLE_ATTR)
                .map_err(dom_error("remove a mark"))
        }
        // Reading the attribute first matters: Chromium writes CSSOM changes to the attribute
        // lazily, and a `removeAttribute` before that leaves `style=""` behind.
        None if el.has_attribute("style") => el
            .remove_attribute("style")
            .map_err(dom_error("remove an inline style")),
        None => Ok(()),
    }
}

/// Lets the page scroll again where a removed gate had locked it.
fn unlock_scroll(document: &Document) -> Result<(), JsError> {
    let root = document.document_element();
    let body = document.body().map(Element::from);
    for el in root.iter().chain(body.iter()) {
        save_style(el)?;
        el.set_attribute(UNLOCKED_ATTR, "")
            .map_err(dom_error("mark an unlocked element"))?;
        style_of(el)?
            .set_property_with_priority("overflow-y", "auto", "important")
            .map_err(dom_error("set an inline style"))?;
    }
    Ok(())
}

/// Hides or outlines one block, saving its own `style` attribute first.
fn mark(el: &Element, category: Category, mode: Mode) -> Result<(), JsError> {
    save_style(el)?;
    el.set_attribute(REMOVED_ATTR, category.name())
        .map_err(dom_error("mark a removed block"))?;
    let style = style_of(el)?;
    let set = |property: &str, value: &str| {
        style
            .set_property_with_priority(property, value, "important")
            .map_err(dom_error("set an inline style"))
    };
    match mode {
        Mode::Hide => set("display", "none"),
        Mode::Outline => {
            set("outline", &format!("3px dashed {}", colour(category)))?;
            set("outline-offset", "-3px")
        }
    }
}

/// Undoes every mark in the document; returns how many blocks it restored.
fn restore_all(document: &Document) -> Result<u32, JsError> {
    let unlocked = query_all(document, &format!("[{UNLOCKED_ATTR}]"))?;
    for el in elements(&unlocked) {
        restore_style(&el)?;
        el.remove_attribute(UNLOCKED_ATTR)
            .map_err(dom_error("remove a mark"))?;
    }
    let marked = query_all(document, &format!("[{REMOVED_ATTR}]"))?;
    for el in elements(&marked) {
        restore_style(&el)?;
        el.remove_attribute(REMOVED_ATTR)
            .map_err(dom_error("remove a mark"))?;
    }
    Ok(marked.length())
}

fn elements(list: &web_sys::NodeList) -> impl Iterator<Item = Element> + '_ {
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(JsCast::unchecked_into)
}
