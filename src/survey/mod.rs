//! The survey pass: one read-only lol_html pass that gives every element an ordinal and a row.
//!
//! Ordinals follow the live DOM's `querySelectorAll('*')` order: every start tag counts, except
//! inside `<template>` (its contents are not in the document tree) and `<noscript>` (parsed as
//! text when scripting is on, which lol_html mirrors). Text is counted as it streams; nothing
//! but a short preview per element and the current text node's first characters is buffered.

mod implicit_ends;
mod meta;
mod page_meta;
mod phrase_run;
mod preview;
mod record;
pub mod row;
mod rule_pass;
mod visibility;

pub(crate) use implicit_ends::{closable, keep_open_before, may_close, SEARCH_WINDOW};
pub use page_meta::{LdArticle, PageMeta};
pub use record::{RuleHit, Survey};
pub use row::{Row, NO_PARENT};

use crate::error::Error;
use crate::input::Input;
use crate::rules::filter::RuleSet;
use crate::rules::hints::{mentions, says_share, EMAIL_WORDS, SEARCH_WORDS};
use crate::rules::hrefs::{
    is_app_href, is_author_href, is_cta_href, is_follow_href, is_home_href, is_phone_href,
    is_share_href,
};
use crate::sink::Sink;
use crate::text::decode_entities;
use crate::tuning::PHRASE_SCAN_BYTES;
use lol_html::html_content::{Element, TextType};
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;
use visibility::{hidden_by_class, is_hidden_style, is_streamed_segment};

/// Surveys a whole page.
pub fn survey(input: &Input<'_>) -> Result<Survey, Error> {
    survey_with_rules(input, None, None)
}

/// Surveys a whole page, matching filter-list rules that apply on `host`.
pub fn survey_with_rules(
    input: &Input<'_>,
    rules: Option<&RuleSet>,
    host: Option<&str>,
) -> Result<Survey, Error> {
    let mut surveyor = Surveyor::new(input)?;
    surveyor.write(&input.bytes)?;
    let mut survey = surveyor.finish()?;
    if let Some(rules) = rules {
        let candidates = rule_pass::candidates(input, &survey, rules, host)?;
        survey.rule_hits = rule_hits(&survey, rules, host, candidates);
    }
    Ok(survey)
}

/// Elements whose text is not page text.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "template", "head", "select", "option",
];

/// An open element on the survey's stack.
struct Open {
    ordinal: u32,
    /// Text directly inside is not page text (script, style, head…).
    raw: bool,
    /// This element or an ancestor is hidden.
    hidden: bool,
    /// This element or an ancestor is a link.
    in_link: bool,
    /// For a link: the run it opened in and the run's length then, so that its own words can
    /// be scanned when it shares the run with other text.
    run_at: Option<(u32, usize)>,
}

#[derive(Default)]
struct State {
    rows: Vec<Row>,
    stack: Vec<Open>,
    meta: PageMeta,
    /// Open `<template>` elements; elements inside them get no ordinal.
    template_depth: u32,
    /// Open `<svg>`/`<math>` elements; their `<title>` is not the page title.
    foreign_depth: u32,
    /// JSON-LD text being collected, if a JSON-LD script is open.
    json_ld: Option<String>,
    /// `<title>` text being collected.
    title: Option<String>,
    /// The current run of text for the phrase lexicon: the text between two block boundaries,
    /// across inline elements (`Related <span>Articles</span>`), as written (references and
    /// whitespace are folded when the run is scanned).
    run: String,
    /// The run outgrew `PHRASE_SCAN_BYTES`: it is prose, not a prompt, and is not scanned.
    run_too_long: bool,
    /// The shallowest stack depth the run has been at: the element at that depth holds it all.
    run_depth: usize,
    /// Counts the runs scanned, so that a link knows whether its run is still the current one.
    run_number: u32,
    /// Links closed in the current run: their ordinals and their text's span in the run.
    run_links: Vec<(u32, usize, usize)>,
    /// A link opened or closed since the run's last text.
    run_edge: bool,
    in_word: bool,
    /// A block boundary was crossed since the last text: previews need a space.
    boundary: bool,
    /// Whitespace (or a boundary) was seen since the last preview character.
    space_pending: bool,
    /// Open elements that the tree rules may close implicitly (`p`, `li`, cells…).
    closable_open: u32,
}

/// Inline elements: crossing their tags does not separate words in previews.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// A survey in progress, for input that arrives in chunks.
pub struct Surveyor<'h> {
    state: Rc<RefCell<State>>,
    rewriter: HtmlRewriter<'h, Sink<'static>>,
}

impl<'h> Surveyor<'h> {
    /// Starts a survey of a page in the input's encoding.
    pub fn new(input: &Input<'_>) -> Result<Self, Error> {
        let state = Rc::new(RefCell::new(State::default()));
        let on_element = Rc::clone(&state);
        let on_text = Rc::clone(&state);
        let settings = Settings::new()
            .with_encoding(input.encoding)
            .with_adjust_charset_on_meta_tag(input.sniff_meta_charset)
            .with_strict(false)
            .append_element_content_handler(element!("*", move |el| {
                open_element(&on_element, el);
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |t| {
                on_text
                    .borrow_mut()
                    .text(t.as_str(), t.text_type(), t.last_in_text_node());
                Ok(())
            }));
        let rewriter = HtmlRewriter::new(settings, Sink::discard());
        Ok(Surveyor { state, rewriter })
    }

    /// Feeds the next chunk of the page.
    pub fn write(&mut self, chunk: &[u8]) -> Result<(), Error> {
        self.rewriter.write(chunk).map_err(Error::from_rewriting)
    }

    /// Ends the input and returns the survey.
    pub fn finish(self) -> Result<Survey, Error> {
        self.rewriter.end().map_err(Error::from_rewriting)?;
        let state = Rc::try_unwrap(self.state)
            .map_err(|_| Error::Internal("survey state still shared after the pass"))?
            .into_inner();
        Ok(state.into_survey())
    }
}

/// Turns candidate rule matches into hits: hash-set rules checked against their domains,
/// `:has-text()` conditions against the element's text preview. One hit per element.
fn rule_hits(
    survey: &Survey,
    rules: &RuleSet,
    host: Option<&str>,
    mut candidates: Vec<(u32, usize)>,
) -> Vec<RuleHit> {
    for (ordinal, row) in survey.rows.iter().enumerate() {
        for index in rules.token_hits(&row.class, &row.id) {
            if rules.applies(index, host) {
                candidates.push((ordinal as u32, index));
            }
        }
    }
    candidates.sort_unstable();
    let mut hits: Vec<RuleHit> = Vec::new();
    for (ordinal, index) in candidates {
        if hits.last().is_some_and(|h| h.ordinal == ordinal) {
            continue;
        }
        let (Some(rule), Some(row)) = (rules.rule(index), survey.row(ordinal)) else {
            continue;
        };
        if !rule.has_text.is_empty() {
            let text = decode_entities(&row.preview);
            if !rule.has_text.iter().all(|t| t.matches(&text)) {
                continue;
            }
        }
        hits.push(RuleHit {
            ordinal,
            rule: rule.text.clone(),
            line: rule.line,
            category: rule.category,
        });
    }
    hits
}

fn open_element(state: &Rc<RefCell<State>>, el: &mut Element<'_, '_>) {
    let tag = el.tag_name();
    let mut st = state.borrow_mut();
    if st.template_depth > 0 {
        if tag == "template" && el.can_have_content() {
            // A nested template: count it so its end tag balances the outer one.
            st.template_depth += 1;
            let weak = Rc::clone(state);
            let _ = el.on_end_tag(end_tag!(move |_| {
                weak.borrow_mut().template_depth -= 1;
                Ok(())
            }));
        }
        return;
    }
    let Ok(ordinal) = u32::try_from(st.rows.len()) else {
        return; // More than four billion elements: stop counting rather than wrap.
    };
    let inline = INLINE.contains(&tag.as_str());
    if !inline {
        st.flush_run();
    }
    st.close_implicitly(&tag);
    st.boundary |= !inline;
    let row = st.start_row(&tag, el);
    let can_have_content = el.can_have_content();
    st.rows.push(row);
    if can_have_content {
        st.push(ordinal);
        let weak = Rc::clone(state);
        let _ = el.on_end_tag(end_tag!(move |_| {
            weak.borrow_mut().close(ordinal);
            Ok(())
        }));
    } else {
        st.finish_row(ordinal);
    }
}

/// Counts a text chunk: characters (with one space per word, as folded text has them), words
/// and commas. Works on bytes: ASCII whitespace separates words; UTF-8 continuation bytes are
/// not characters of their own.
fn count_text(chunk: &str, in_word: &mut bool) -> (u32, u32, u32) {
    let (mut chars, mut words, mut commas) = (0u32, 0u32, 0u32);
    for &b in chunk.as_bytes() {
        if b.is_ascii_whitespace() {
            *in_word = false;
            continue;
        }
        if b & 0xC0 == 0x80 {
            continue; // inside a multi-byte character
        }
        if !*in_word {
            *in_word = true;
            words += 1;
            chars += 1; // the space before the word
        }
        chars += 1;
        commas += u32::from(b == b',');
    }
    if !chunk.is_ascii() {
        // Arabic, CJK and full-width commas.
        commas += chunk.matches(['،', '、', '，', '﹐']).count() as u32;
    }
    (chars, words, commas)
}

/// The attributes of a start tag that the survey reads, beyond those it writes into the row
/// directly (`id`, `class`, names and hiding).
struct Attributes {
    /// The element is hidden by its `hidden` attribute (not by an ancestor or a style).
    hidden_attr: bool,
    /// `aria-label`: what a control says when it shows only an icon.
    label: Option<String>,
    href: Option<String>,
    /// `type`, lower-cased.
    kind: Option<String>,
    /// `name` or `property`: a meta tag's key.
    key: Option<String>,
    /// A meta tag's `content`.
    content: Option<String>,
    /// Names, ids, placeholders and form actions: what an input asks for.
    asks: String,
}

impl Attributes {
    /// Reads a start tag's attributes: names and hiding into the row, the rest kept.
    fn read(el: &Element<'_, '_>, row: &mut Row) -> Attributes {
        let mut extra = String::new();
        let mut attrs = Attributes {
            hidden_attr: false,
            label: None,
            href: None,
            kind: None,
            key: None,
            content: None,
            asks: String::new(),
        };
        for attr in el.attributes() {
            let name = attr.name();
            match name.as_str() {
                "id" => row.id = attr.value().into(),
                "class" => row.class = attr.value().into(),
                "role" | "aria-label" | "itemprop" => {
                    let value = attr.value();
                    extra.push_str(&value);
                    extra.push(' ');
                    if name == "aria-label" {
                        attrs.label = Some(value);
                    }
                }
                // `rel` says what a link is to the page (`sponsored`, `nofollow`): only an
                // author link says anything about the block.
                "rel" if attr.value().to_ascii_lowercase().contains("author") => {
                    extra.push_str("author ");
                }
                "placeholder" | "action" => {
                    attrs.asks.push_str(&attr.value());
                    attrs.asks.push(' ');
                }
                "hidden" => {
                    row.hidden = true;
                    attrs.hidden_attr = true;
                }
                "aria-hidden" => row.hidden |= attr.value().trim().eq_ignore_ascii_case("true"),
                "style" => row.hidden |= is_hidden_style(&attr.value()),
                "href" => attrs.href = Some(attr.value()),
                "type" => attrs.kind = Some(attr.value().to_ascii_lowercase()),
                "name" | "property" => {
                    let v = attr.value();
                    attrs.asks.push_str(&v);
                    attrs.asks.push(' ');
                    attrs.key = Some(v);
                }
                "content" => attrs.content = Some(attr.value()),
                _ if name.starts_with("data-") => {
                    extra.push_str(&name[5..]);
                    extra.push(' ');
                }
                _ => {}
            }
        }
        // A link to the author's page (`/authors/jane-doe`) is a byline, like `rel=author`.
        if row.tag.as_ref() == "a" && attrs.href.as_deref().is_some_and(is_author_href) {
            extra.push_str("author ");
        }
        row.extra = extra.trim_end().into();
        row.hidden |= hidden_by_class(&row.class);
        attrs
    }
}

/// An element's own tallies: a paragraph, a heading, an image, a form and its fields, a button,
/// a link and what its address says.
fn count_element(row: &mut Row, tag: &str, attrs: &Attributes, is_button_class: bool) {
    let href = attrs.href.as_deref();
    let kind = attrs.kind.as_deref();
    match tag {
        "p" => row.paragraphs = 1,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => row.headings = 1,
        "img" | "picture" => row.images = u32::from(tag == "img"),
        "form" => {
            row.forms = 1;
            let says = format!("{} {} {} {}", attrs.asks, row.id, row.class, row.extra);
            row.searches = u32::from(mentions(&says, SEARCH_WORDS));
        }
        "textarea" => row.textareas = 1,
        "button" => {
            row.ctas = 1;
            // An icon button labelled "Share via Facebook" shares as a sharer link does.
            row.share_links = u32::from(attrs.label.as_deref().is_some_and(says_share));
        }
        "input" => match kind {
            Some("submit" | "button" | "image") => row.ctas = 1,
            Some("email" | "text" | "password" | "tel" | "search") | None => {
                row.inputs = 1;
                row.passwords = u32::from(kind == Some("password"));
                let says = format!("{} {} {}", attrs.asks, row.id, row.class);
                row.emails = u32::from(kind == Some("email") || mentions(&says, EMAIL_WORDS));
                row.searches = u32::from(kind == Some("search") || mentions(&says, SEARCH_WORDS));
            }
            _ => {}
        },
        "a" => {
            row.links = u32::from(href.is_some());
            row.share_links = u32::from(href.is_some_and(is_share_href));
            row.follow_links = u32::from(row.share_links == 0 && href.is_some_and(is_follow_href));
            row.fragment_links = u32::from(href.is_some_and(|h| h.trim_start().starts_with('#')));
            row.app_links = u32::from(href.is_some_and(is_app_href));
            row.phone_links = u32::from(href.is_some_and(is_phone_href));
            row.author_links = u32::from(href.is_some_and(is_author_href));
            row.home_links = u32::from(href.is_some_and(is_home_href));
            row.ctas = u32::from(href.is_some_and(is_cta_href) || is_button_class);
        }
        _ => {}
    }
}

impl State {
    fn into_survey(mut self) -> Survey {
        self.flush_run();
        while !self.stack.is_empty() {
            self.pop();
        }
        Survey {
            rows: self.rows,
            meta: self.meta,
            rule_hits: Vec::new(),
        }
    }

    /// Applies the tree-construction rules that close open elements before `tag` opens.
    /// Only searches when an element the rules can close is open at all.
    fn close_implicitly(&mut self, tag: &str) {
        if self.closable_open == 0 || !implicit_ends::may_close(tag) {
            return;
        }
        // The rules look at most this far down; only that top slice of the stack is needed.
        let from = self
            .stack
            .len()
            .saturating_sub(implicit_ends::SEARCH_WINDOW);
        let open: Vec<&str> = self.stack[from..]
            .iter()
            .map(|o| &*self.rows[o.ordinal as usize].tag)
            .collect();
        let keep = from + implicit_ends::keep_open_before(&open, tag);
        if self.stack.len() > keep {
            self.flush_run();
        }
        while self.stack.len() > keep {
            self.pop();
        }
    }

    fn start_row(&mut self, tag: &str, el: &Element<'_, '_>) -> Row {
        let (parent, depth, parent_hidden) = match self.stack.last() {
            Some(open) => (
                open.ordinal,
                self.rows[open.ordinal as usize].depth + 1,
                open.hidden,
            ),
            None => (NO_PARENT, 0, false),
        };
        let mut row = Row {
            tag: tag.into(),
            parent,
            depth,
            hidden: parent_hidden,
            ..Row::default()
        };
        let attrs = Attributes::read(el, &mut row);
        // React's streamed segments (`<div hidden id="S:0">`) are moved into the page by its
        // script as soon as they arrive: the live page shows them, so a saved page does too.
        if attrs.hidden_attr && is_streamed_segment(&row.id) {
            row.hidden = parent_hidden;
        }
        let is_button_class = ["btn", "button", "cta"]
            .iter()
            .any(|w| row.class.contains(w))
            && crate::rules::hints::says_any(&[&row.class], &["btn", "button", "cta"]);
        match tag {
            "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "img" | "picture" | "form"
            | "textarea" | "button" | "input" | "a" => {
                count_element(&mut row, tag, &attrs, is_button_class);
            }
            "html" | "meta" | "link" | "base" | "time" => self.read_page_meta(tag, el, &attrs),
            "script" if attrs.kind.as_deref() == Some("application/ld+json") => {
                self.json_ld = Some(String::new());
            }
            "title" if self.foreign_depth == 0 => self.title = Some(String::new()),
            "template" => self.template_depth += 1,
            "svg" | "math" => self.foreign_depth += 1,
            _ if is_button_class && row.ctas == 0 && tag != "div" => row.ctas = 1,
            _ => {}
        }
        row
    }

    /// What a head element (or `<html>`, `<time>`) says about the page.
    fn read_page_meta(&mut self, tag: &str, el: &Element<'_, '_>, attrs: &Attributes) {
        match tag {
            "html" => {
                let lang = el.get_attribute("lang");
                let dir = el.get_attribute("dir");
                self.meta.on_html(lang, dir);
            }
            "meta" => {
                if let Some(charset) = el.get_attribute("charset") {
                    self.meta.on_charset(&charset);
                }
                if attrs.key.as_deref().is_none() {
                    if let (Some(equiv), Some(c)) = (el.get_attribute("http-equiv"), &attrs.content)
                    {
                        if equiv.eq_ignore_ascii_case("content-type") {
                            if let Some(at) = c.to_ascii_lowercase().find("charset=") {
                                self.meta.on_charset(&c[at + 8..]);
                            }
                        }
                    }
                }
                let key = attrs.key.clone().or_else(|| el.get_attribute("itemprop"));
                if let (Some(key), Some(content)) = (key, &attrs.content) {
                    self.meta.on_meta(&key, content);
                }
            }
            "link" => {
                let rel = el.get_attribute("rel").unwrap_or_default();
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(href) = &attrs.href {
                        self.meta.on_canonical(&decode_entities(href));
                    }
                }
            }
            "base" => {
                if let Some(href) = &attrs.href {
                    self.meta.on_base(&decode_entities(href));
                }
            }
            "time" => {
                if let Some(dt) = el.get_attribute("datetime") {
                    self.meta.on_time(&dt);
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, ordinal: u32) {
        let row = &self.rows[ordinal as usize];
        if implicit_ends::closable(&row.tag) {
            self.closable_open += 1;
        }
        let parent_link = self.stack.last().is_some_and(|o| o.in_link);
        let parent_raw = self.stack.last().is_some_and(|o| o.raw);
        let link = &*row.tag == "a";
        let raw = parent_raw || RAW_TEXT.contains(&&*row.tag);
        let hidden = row.hidden;
        let run_at = link.then(|| {
            self.separate_run_words();
            (self.run_number, self.run.len())
        });
        self.stack.push(Open {
            ordinal,
            raw,
            hidden,
            in_link: parent_link || link,
            run_at,
        });
    }

    /// An explicit end tag: closes the element and anything left open inside it.
    fn close(&mut self, ordinal: u32) {
        let Some(at) = self.stack.iter().rposition(|o| o.ordinal == ordinal) else {
            return; // Already closed implicitly.
        };
        if !INLINE.contains(&&*self.rows[ordinal as usize].tag) {
            self.flush_run();
        }
        while self.stack.len() > at {
            self.pop();
        }
    }

    /// Seals a row: records its extent and adds its counts to its parent.
    fn finish_row(&mut self, ordinal: u32) {
        let end = self.rows.len() as u32;
        let row = &mut self.rows[ordinal as usize];
        row.end = end;
        if implicit_ends::closable(&row.tag) {
            self.closable_open = self.closable_open.saturating_sub(1);
        }
        self.boundary |= !INLINE.contains(&&*row.tag);
        match &*row.tag {
            "script" => {
                if let Some(json) = self.json_ld.take() {
                    self.meta.on_json_ld(&json);
                }
            }
            "title" => {
                if let Some(title) = self.title.take() {
                    self.meta.on_title(&title);
                }
            }
            "template" => self.template_depth = self.template_depth.saturating_sub(1),
            "svg" | "math" => self.foreign_depth = self.foreign_depth.saturating_sub(1),
            _ => {}
        }
        let row = &self.rows[ordinal as usize];
        if row.parent == NO_PARENT {
            return;
        }
        let child = row.clone_counts();
        let (hidden, parent) = (row.hidden, row.parent as usize);
        let parent = &mut self.rows[parent];
        if hidden && !parent.hidden {
            return; // Hidden text is not the page's visible text.
        }
        parent.add_counts(&child);
    }

    fn text(&mut self, chunk: &str, text_type: TextType, last: bool) {
        let Some(top) = self.stack.last() else {
            return;
        };
        if top.raw {
            if text_type == TextType::ScriptData {
                if let Some(buf) = &mut self.json_ld {
                    if buf.len() + chunk.len() <= meta::MAX_JSON_LD {
                        buf.push_str(chunk);
                    } else {
                        self.json_ld = None;
                    }
                }
            } else if let Some(buf) = &mut self.title {
                if buf.len() < 2048 {
                    buf.push_str(chunk);
                }
            }
            return;
        }
        if top.hidden {
            return;
        }
        let ordinal = top.ordinal as usize;
        let in_link = top.in_link;
        if self.boundary {
            self.in_word = false;
        }
        let (chars, words, commas) = count_text(chunk, &mut self.in_word);
        let row = &mut self.rows[ordinal];
        row.own_text += chars;
        row.text += chars;
        row.words += words;
        row.commas += commas;
        if in_link {
            row.link_text += chars;
        }
        self.add_preview(chunk);
        // Prompts are short runs of text; a longer run is prose and is not scanned at all.
        if !self.run_too_long {
            let joined = self
                .run
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && chunk.chars().next().is_some_and(char::is_alphanumeric);
            if std::mem::take(&mut self.run_edge) && joined {
                self.run.push(' ');
            }
            if self.run.len() + chunk.len() <= PHRASE_SCAN_BYTES {
                self.run.push_str(chunk);
            } else {
                self.run_too_long = true;
                self.run.clear();
            }
        }
        self.run_depth = self.run_depth.min(self.stack.len());
        let _ = last;
    }

    /// Pops the innermost open element and seals its row.
    fn pop(&mut self) {
        if let Some(open) = self.stack.pop() {
            self.run_depth = self.run_depth.min(self.stack.len());
            if let Some((number, start)) = open.run_at {
                if number == self.run_number && !self.run_too_long && start < self.run.len() {
                    self.run_links.push((open.ordinal, start, self.run.len()));
                }
                self.separate_run_words();
            }
            self.finish_row(open.ordinal);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::hrefs::is_home_href;

    #[test]
    fn a_home_link_has_no_path() {
        for home in [
            "/",
            "https://example.com/",
            "http://example.com",
            "//example.com/",
            " / ",
        ] {
            assert!(is_home_href(home), "{home}");
        }
        for other in [
            "",
            "/news",
            "https://example.com/subscribe",
            "#top",
            "?page=2",
            "//",
        ] {
            assert!(!is_home_href(other), "{other}");
        }
    }
}
