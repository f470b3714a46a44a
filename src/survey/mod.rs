//! The survey pass: one read-only lol_html pass that gives every element an ordinal and a row.
//!
//! Ordinals follow the live DOM's `querySelectorAll('*')` order: every start tag counts, except
//! inside `<template>` (its contents are not in the document tree) and `<noscript>` (parsed as
//! text when scripting is on, which lol_html mirrors). Text is counted as it streams; nothing
//! but a short preview per element and the current text node's first characters is buffered.

mod implicit_ends;
mod meta;
mod page_meta;
mod record;
pub mod row;
mod rule_pass;

pub(crate) use implicit_ends::closable;
pub use page_meta::{LdArticle, PageMeta};
pub use record::{RuleHit, Survey};
pub use row::{Row, NO_PARENT};

use crate::category::Category;
use crate::error::Error;
use crate::input::Input;
use crate::rules::filter::RuleSet;
use crate::rules::lexicon;
use crate::sink::Sink;
use crate::text::decode_entities;
use crate::tuning::{PHRASE_SCAN_BYTES, PREVIEW_CHARS, SHORT_RUN_WORDS};
use lol_html::html_content::{Element, TextType};
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

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

/// Links whose target says "sign in", "sign up", "subscribe" or "get the app".
const CTA_HREF: &[&str] = &[
    "signup",
    "sign-up",
    "sign_up",
    "register",
    "subscribe",
    "subscription",
    "login",
    "log-in",
    "signin",
    "sign-in",
    "apps.apple.com",
    "itunes.apple.com",
    "play.google.com",
    "checkout",
    "/offer",
    "trial",
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

/// Words in an input's name, id, class or placeholder (or a form's action) that ask for an
/// e-mail address.
const EMAIL_WORDS: &[&str] = &["email", "e-mail", "mail", "courriel", "correo"];

/// Words that make a field or form a search box.
const SEARCH_WORDS: &[&str] = &[
    "search",
    "query",
    "keyword",
    "keywords",
    "suche",
    "recherche",
    "buscar",
    "cerca",
    "zoek",
    "pesquisa",
];

/// Link targets that share the page on a social network or by mail.
const SHARE_HREF: &[&str] = &[
    "sharer",
    "/intent/tweet",
    "/intent/post",
    "sharearticle",
    "/share/url",
    "/share?",
    "/sharing/",
    "wa.me/",
    "api.whatsapp.com/send",
    "whatsapp://send",
    "pinterest.com/pin/create",
    "reddit.com/submit",
    "mailto:?",
    "addtoany.com/share",
    "tumblr.com/share",
    "flipboard.com/bookmarklet",
];

/// Whether any word of `value` (split as class names are) is one of `words`.
fn mentions(value: &str, words: &[&str]) -> bool {
    crate::rules::hints::says_any(&[value], words) || {
        let lower = value.to_ascii_lowercase();
        words.iter().any(|w| w.contains('-') && lower.contains(w))
    }
}

/// Link targets in app stores.
const APP_HREF: &[&str] = &[
    "apps.apple.com",
    "itunes.apple.com",
    "play.google.com/store",
    "appgallery.huawei.com",
    "onelink.me",
    "app.adjust.com",
    "app.link/",
    "microsoft.com/store/apps",
];

fn is_app_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    APP_HREF.iter().any(|h| href.contains(h))
}

/// Social networks' hosts: a link there that does not share the page follows the site.
const FOLLOW_HOSTS: &[&str] = &[
    "facebook.com/",
    "twitter.com/",
    "x.com/",
    "instagram.com/",
    "linkedin.com/",
    "youtube.com/",
    "tiktok.com/",
    "pinterest.com/",
    "threads.net/",
    "bsky.app/",
    "mastodon.social/",
    "t.me/",
    "snapchat.com/",
    "tumblr.com/",
];

/// A link to a profile on a social network (`https://www.instagram.com/site`), by its host.
fn is_follow_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .or_else(|| href.strip_prefix("//"))
    else {
        return false;
    };
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    FOLLOW_HOSTS.iter().any(|h| rest.starts_with(h))
}

/// A link to the site's home page: `/`, or a whole URL with no path (`https://example.com/`).
fn is_home_href(href: &str) -> bool {
    let href = href.trim();
    match ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| href.strip_prefix(scheme))
    {
        Some(rest) => {
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            !host.is_empty() && matches!(path, "" | "/")
        }
        None => href == "/",
    }
}

fn is_share_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    SHARE_HREF.iter().any(|h| href.contains(h))
}

fn is_cta_href(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    CTA_HREF.iter().any(|h| href.contains(h))
}

/// Utility classes that hide an element from sight (screen-reader-only text, `display:none`
/// helpers, print-only blocks). Whole class names only: `hidden-xs` shows on a desktop.
///
/// Plain `hidden`, `hide` and `is-hidden` are left out: pages put them on content that their
/// scripts show at once (a tab, a "read more"), and the people who marked WCXB's truth saw it.
const HIDING_CLASSES: &[&str] = &[
    "d-none",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "screenreader-only",
    "print-only",
    "u-hidden",
    "element-invisible",
    "offscreen",
    // Webflow's conditional visibility: a CMS block switched off for this page
    // (`display: none !important` in every Webflow stylesheet).
    "w-condition-invisible",
];

/// `S:0`, `S:12`: the id React gives a streamed Suspense segment.
fn is_streamed_segment(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn hidden_by_class(class: &str) -> bool {
    !class.is_empty()
        && class
            .split_ascii_whitespace()
            .any(|c| HIDING_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)))
}

/// Whether a link leads to an author's page: a path segment `author`, `authors`, `autor` or
/// `auteur` followed by the author's slug.
fn is_author_href(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    while let Some(s) = segments.next() {
        if matches!(
            s.to_ascii_lowercase().as_str(),
            "author" | "authors" | "autor" | "autores" | "auteur" | "auteurs"
        ) {
            return segments.next().is_some();
        }
    }
    false
}

fn is_hidden_style(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
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
        let mut extra = String::new();
        let mut hidden_attr = false;
        let (mut href, mut kind, mut key, mut content) = (None, None, None, None);
        // Names, ids, placeholders and form actions: what an input asks for.
        let mut asks = String::new();
        for attr in el.attributes() {
            let name = attr.name();
            match name.as_str() {
                "id" => row.id = attr.value().into(),
                "class" => row.class = attr.value().into(),
                "role" | "aria-label" | "itemprop" => {
                    extra.push_str(&attr.value());
                    extra.push(' ');
                }
                // `rel` says what a link is to the page (`sponsored`, `nofollow`): only an
                // author link says anything about the block.
                "rel" if attr.value().to_ascii_lowercase().contains("author") => {
                    extra.push_str("author ");
                }
                "placeholder" | "action" => {
                    asks.push_str(&attr.value());
                    asks.push(' ');
                }
                "hidden" => {
                    row.hidden = true;
                    hidden_attr = true;
                }
                "aria-hidden" => row.hidden |= attr.value().trim().eq_ignore_ascii_case("true"),
                "style" => row.hidden |= is_hidden_style(&attr.value()),
                "href" => href = Some(attr.value()),
                "type" => kind = Some(attr.value().to_ascii_lowercase()),
                "name" | "property" => {
                    let v = attr.value();
                    asks.push_str(&v);
                    asks.push(' ');
                    key = Some(v);
                }
                "content" => content = Some(attr.value()),
                _ if name.starts_with("data-") => {
                    extra.push_str(&name[5..]);
                    extra.push(' ');
                }
                _ => {}
            }
        }
        // A link to the author's page (`/authors/jane-doe`) is a byline, like `rel=author`.
        if row.tag.as_ref() == "a" && href.as_deref().is_some_and(is_author_href) {
            extra.push_str("author ");
        }
        row.extra = extra.trim_end().into();
        row.hidden |= hidden_by_class(&row.class);
        // React's streamed segments (`<div hidden id="S:0">`) are moved into the page by its
        // script as soon as they arrive: the live page shows them, so a saved page does too.
        if hidden_attr && is_streamed_segment(&row.id) {
            row.hidden = parent_hidden;
        }
        let is_button_class = ["btn", "button", "cta"]
            .iter()
            .any(|w| row.class.contains(w))
            && crate::rules::hints::says_any(&[&row.class], &["btn", "button", "cta"]);
        match tag {
            "p" => row.paragraphs = 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => row.headings = 1,
            "img" | "picture" => row.images = u32::from(tag == "img"),
            "form" => {
                row.forms = 1;
                let says = format!("{asks} {} {} {}", row.id, row.class, row.extra);
                row.searches = u32::from(mentions(&says, SEARCH_WORDS));
            }
            "textarea" => row.textareas = 1,
            "button" => row.ctas = 1,
            "input" => match kind.as_deref() {
                Some("submit" | "button" | "image") => row.ctas = 1,
                Some("email" | "text" | "password" | "tel" | "search") | None => {
                    row.inputs = 1;
                    row.passwords = u32::from(kind.as_deref() == Some("password"));
                    let says = format!("{asks} {} {}", row.id, row.class);
                    row.emails =
                        u32::from(kind.as_deref() == Some("email") || mentions(&says, EMAIL_WORDS));
                    row.searches = u32::from(
                        kind.as_deref() == Some("search") || mentions(&says, SEARCH_WORDS),
                    );
                }
                _ => {}
            },
            "a" => {
                row.links = u32::from(href.is_some());
                row.share_links = u32::from(href.as_deref().is_some_and(is_share_href));
                row.follow_links =
                    u32::from(row.share_links == 0 && href.as_deref().is_some_and(is_follow_href));
                row.fragment_links = u32::from(
                    href.as_deref()
                        .is_some_and(|h| h.trim_start().starts_with('#')),
                );
                row.app_links = u32::from(href.as_deref().is_some_and(is_app_href));
                row.home_links = u32::from(href.as_deref().is_some_and(is_home_href));
                let cta = href.as_deref().is_some_and(is_cta_href) || is_button_class;
                row.ctas = u32::from(cta);
            }
            "html" => {
                let lang = el.get_attribute("lang");
                let dir = el.get_attribute("dir");
                self.meta.on_html(lang, dir);
            }
            "meta" => {
                if let Some(charset) = el.get_attribute("charset") {
                    self.meta.on_charset(&charset);
                }
                if key.as_deref().is_none() {
                    if let (Some(equiv), Some(c)) = (el.get_attribute("http-equiv"), &content) {
                        if equiv.eq_ignore_ascii_case("content-type") {
                            if let Some(at) = c.to_ascii_lowercase().find("charset=") {
                                self.meta.on_charset(&c[at + 8..]);
                            }
                        }
                    }
                }
                let key = key.or_else(|| el.get_attribute("itemprop"));
                if let (Some(key), Some(content)) = (key, content) {
                    self.meta.on_meta(&key, &content);
                }
            }
            "link" => {
                let rel = el.get_attribute("rel").unwrap_or_default();
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(href) = &href {
                        self.meta.on_canonical(&decode_entities(href));
                    }
                }
            }
            "base" => {
                if let Some(href) = &href {
                    self.meta.on_base(&decode_entities(href));
                }
            }
            "time" => {
                if let Some(dt) = el.get_attribute("datetime") {
                    self.meta.on_time(&dt);
                }
            }
            "script" if kind.as_deref() == Some("application/ld+json") => {
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

    /// Scans the run of text that a block boundary just ended, and credits its phrase hits to
    /// the element that holds the whole run.
    fn flush_run(&mut self) {
        let depth = std::mem::replace(&mut self.run_depth, usize::MAX);
        let too_long = std::mem::take(&mut self.run_too_long);
        let links = std::mem::take(&mut self.run_links);
        self.run_edge = false;
        self.run_number = self.run_number.wrapping_add(1);
        if self.run.trim().is_empty() || too_long {
            self.run.clear();
            return;
        }
        let run = std::mem::take(&mut self.run);
        let owner = depth
            .checked_sub(1)
            .and_then(|d| self.stack.get(d))
            .map(|o| o.ordinal as usize);
        // The run folded as a reader sees it, piece by piece so that each link's words keep
        // their place in it.
        let mut folded = String::with_capacity(run.len());
        let mut spans = Vec::with_capacity(links.len());
        let mut at = 0;
        let mut links = links;
        links.sort_unstable_by_key(|&(_, start, _)| start);
        for (ordinal, start, end) in links {
            let (Some(before), Some(text)) = (run.get(at..start), run.get(start..end)) else {
                continue; // A link inside a link: the outer one speaks.
            };
            lexicon::fold(&decode_entities(before), &mut folded);
            let from = folded.len();
            lexicon::fold(&decode_entities(text), &mut folded);
            spans.push((ordinal, from, folded.len()));
            at = end;
        }
        lexicon::fold(&decode_entities(run.get(at..).unwrap_or("")), &mut folded);
        let lead = folded.len() - folded.trim_start().len();
        let text = folded.trim();
        // In a short run, a link beside other words ("Start your Substack Get the app",
        // "Follow us on Facebook") is a label of its own too: its words speak for it as they do
        // for the run. In a sentence a link is a word of the sentence ("make sure to follow us
        // on Instagram to stay up to date").
        let short = lexicon::word_count(text) <= SHORT_RUN_WORDS;
        if short {
            for (ordinal, from, to) in spans {
                let (from, to) = (
                    from.saturating_sub(lead),
                    to.saturating_sub(lead).min(text.len()),
                );
                let Some(label) = text.get(from..to) else {
                    continue;
                };
                if label.trim() == text || Some(ordinal as usize) == owner {
                    continue;
                }
                if let Some(row) = self.rows.get_mut(ordinal as usize) {
                    // (Its row is sealed: what it is credited stays its own.)
                    credit_phrases(row, label.trim());
                }
            }
        }
        if let Some(row) = owner.and_then(|o| self.rows.get_mut(o)) {
            credit_phrases(row, text);
            if short && lexicon::is_offer(text) {
                row.offers = row.offers.saturating_add(1);
            }
            if lexicon::is_colophon(text) {
                row.colophons = row.colophons.saturating_add(1);
            }
        }
        self.run = run;
        self.run.clear();
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

    /// A link's edges part words in the run, as its box does on screen: "Start your Substack"
    /// and "Get the app" side by side are two labels, not "SubstackGet". (Only letters and
    /// digits that would run together are parted: "a member?" keeps its question mark.)
    fn separate_run_words(&mut self) {
        self.run_edge = true;
    }

    /// Appends text to the previews of the open elements that still have room, innermost first.
    /// An element's preview is never fuller than its ancestors', so the walk stops at the first
    /// full one: each preview is written at most `PREVIEW_CHARS` times in all. Whitespace is
    /// folded across chunk and element boundaries, so chunking never changes a preview.
    fn add_preview(&mut self, chunk: &str) {
        if std::mem::take(&mut self.boundary) {
            self.space_pending = true;
        }
        // The innermost preview is the emptiest: if it is full, all are.
        let innermost_full = self.stack.last().is_none_or(|o| {
            let p = &self.rows[o.ordinal as usize].preview;
            p.len() >= PREVIEW_CHARS && p.chars().count() >= PREVIEW_CHARS
        });
        if innermost_full {
            if chunk.ends_with(char::is_whitespace) {
                self.space_pending = true;
            } else if chunk.contains(|c: char| !c.is_whitespace()) {
                self.space_pending = false;
            }
            return;
        }
        let mut piece = String::new();
        for c in chunk.chars() {
            if c.is_whitespace() {
                self.space_pending = true;
                continue;
            }
            if std::mem::take(&mut self.space_pending) {
                piece.push(' ');
            }
            piece.push(c);
            if piece.len() >= PREVIEW_CHARS * 4 {
                break; // more than any preview can take
            }
        }
        if piece.is_empty() {
            return;
        }
        for open in self.stack.iter().rev() {
            let preview = &mut self.rows[open.ordinal as usize].preview;
            let have = preview.chars().count();
            if have >= PREVIEW_CHARS {
                break;
            }
            let mut chars = piece.chars().peekable();
            if preview.is_empty() && chars.peek() == Some(&' ') {
                chars.next();
            }
            preview.extend(chars.take(PREVIEW_CHARS - have));
        }
    }
}

impl Row {
    fn clone_counts(&self) -> Row {
        Row {
            text: self.text,
            link_text: self.link_text,
            words: self.words,
            commas: self.commas,
            paragraphs: self.paragraphs,
            headings: self.headings,
            images: self.images,
            links: self.links,
            ctas: self.ctas,
            forms: self.forms,
            inputs: self.inputs,
            emails: self.emails,
            passwords: self.passwords,
            searches: self.searches,
            textareas: self.textareas,
            share_links: self.share_links,
            follow_links: self.follow_links,
            fragment_links: self.fragment_links,
            home_links: self.home_links,
            app_links: self.app_links,
            offers: self.offers,
            colophons: self.colophons,
            phrase_weight: self.phrase_weight,
            first_phrase: self.first_phrase,
            ..Row::default()
        }
    }

    fn add_counts(&mut self, c: &Row) {
        self.text += c.text;
        self.link_text += c.link_text;
        self.words += c.words;
        self.commas += c.commas;
        self.paragraphs += c.paragraphs;
        self.headings += c.headings;
        self.images += c.images;
        self.links += c.links;
        self.ctas += c.ctas;
        self.forms += c.forms;
        self.inputs += c.inputs;
        self.emails += c.emails;
        self.passwords += c.passwords;
        self.searches += c.searches;
        self.textareas += c.textareas;
        self.share_links += c.share_links;
        self.follow_links += c.follow_links;
        self.fragment_links += c.fragment_links;
        self.home_links += c.home_links;
        self.app_links += c.app_links;
        self.offers += c.offers;
        self.colophons += c.colophons;
        for (a, b) in self.phrase_weight.iter_mut().zip(c.phrase_weight) {
            *a = a.saturating_add(b);
        }
        if self.first_phrase.is_none() {
            self.first_phrase = c.first_phrase;
        }
    }
}

/// Credits a row with the phrases a run of folded text says.
fn credit_phrases(row: &mut Row, folded: &str) {
    let short = lexicon::word_count(folded) <= SHORT_RUN_WORDS;
    lexicon::scan_at(folded, |i, at| {
        let phrase = &lexicon::PHRASES[i];
        // A weak word in a sentence is a mention; in a label or button it speaks. A rail's or
        // a share bar's words are a heading's or a label's ("Read more: …"): in the middle of a
        // sentence they describe.
        let heading_words = matches!(phrase.category, Category::Related | Category::Social);
        let label = short || (heading_words && at == 0);
        let weight = match phrase.strength {
            lexicon::Strength::Strong if label || !heading_words => 2,
            lexicon::Strength::Weak if label => 1,
            _ => return,
        };
        let slot = &mut row.phrase_weight[phrase.category.index()];
        *slot = slot.saturating_add(weight);
        if row.first_phrase.is_none() {
            row.first_phrase = u16::try_from(i).ok();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::is_home_href;

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
