//! The extract pass: a lol_html pass that keeps only the article's blocks, following the
//! reader plan, resolves URLs and promotes lazy images. Its output is untrusted HTML that the
//! sanitizer cleans next.

use super::plan::{Fate, Plan};
use crate::error::Error;
use crate::input::Input;
use crate::ordinals::OrdinalCounter;
use crate::sink::Sink;
use crate::text::{decode_entities, escape_html};
use lol_html::html_content::Element;
use lol_html::{
    comments, doc_comments, doc_text, doctype, element, end_tag, HtmlRewriter, Settings,
};
use std::cell::Cell;
use std::rc::Rc;
use url::Url;

/// Attributes that hold a lazy image's real source, most specific first.
const LAZY_SRC: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
];
const LAZY_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset"];

/// Attributes whose value is one URL.
const URL_ATTRS: &[&str] = &["href", "src", "poster", "cite", "longdesc"];

/// Extracts the article's HTML.
pub fn extract(input: &Input<'_>, plan: &Plan, base: Option<&Url>) -> Result<String, Error> {
    let counter = OrdinalCounter::default();
    // Depth of kept elements we are inside; text is kept only there.
    let inside = Rc::new(Cell::new(0u32));
    let inside_el = Rc::clone(&inside);
    let inside_text = Rc::clone(&inside);
    // A removed element whose end tag the page may leave out (`<p hidden>x<p>y</p>`): lol_html
    // pairs end tags by name, so removing it whole could swallow what follows. Its tags go, and
    // everything until the survey says it ended (the first ordinal past it) is dropped here.
    let dropping_until = Rc::new(Cell::new(0u32));
    let dropping_el = Rc::clone(&dropping_until);
    let dropping_text = Rc::clone(&dropping_until);
    let mut out = Vec::with_capacity(input.bytes.len() / 4);
    let base = base.cloned();
    let settings = Settings::new()
        .with_encoding(input.encoding)
        .with_adjust_charset_on_meta_tag(input.sniff_meta_charset)
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            let ordinal = counter.assign(el);
            if ordinal.is_some_and(|o| o >= dropping_el.get()) {
                dropping_el.set(0);
            }
            let fate = match ordinal {
                Some(_) if dropping_el.get() > 0 => Fate::Drop,
                Some(ordinal) => plan.fate(ordinal),
                // Template contents: inert, never reader content.
                None => Fate::Drop,
            };
            match fate {
                Fate::Outside | Fate::Drop => {
                    if el.can_have_content() && crate::survey::closable(&el.tag_name()) {
                        el.remove_and_keep_content();
                        if dropping_el.get() == 0 {
                            if let Some(o) = ordinal {
                                dropping_el.set(plan.end(o).max(o + 1));
                            }
                        }
                    } else {
                        el.remove();
                    }
                }
                Fate::Around => el.remove_and_keep_content(),
                Fate::Keep => {
                    keep(el, base.as_ref());
                    if el.can_have_content() {
                        inside_el.set(inside_el.get() + 1);
                        let depth = Rc::clone(&inside_el);
                        let _ = el.on_end_tag(end_tag!(move |_| {
                            depth.set(depth.get().saturating_sub(1));
                            Ok(())
                        }));
                    }
                }
            }
            Ok(())
        }))
        .append_element_content_handler(comments!("*", |c| {
            c.remove();
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(|c| {
            c.remove();
            Ok(())
        }))
        .append_document_content_handler(doctype!(|d| {
            d.remove();
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            if inside_text.get() == 0 || dropping_text.get() > 0 {
                t.remove();
            } else {
                // The markup this pass removes must not join a text `<` to what follows it.
                super::sanitize::escape_stray_angle_brackets(t);
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, Sink::into(&mut out));
    rewriter
        .write(&input.bytes)
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    let encoding: &'static encoding_rs::Encoding = input.encoding.into();
    let (text, _) = encoding.decode_without_bom_handling(&out);
    Ok(text.into_owned())
}

/// Rewrites a kept element: lazy images promoted, `<noscript>` image fallbacks unwrapped,
/// URLs made absolute.
fn keep(el: &mut Element<'_, '_>, base: Option<&Url>) {
    let tag = el.tag_name();
    if tag == "noscript" {
        // Scripting-off fallback markup (usually the real <img>): let it become markup.
        el.remove_and_keep_content();
        return;
    }
    if tag == "img" || tag == "source" {
        promote_lazy(el);
    }
    for name in URL_ATTRS {
        if let Some(value) = el.get_attribute(name) {
            let resolved = resolve(&decode_entities(&value), base);
            let _ = el.set_attribute(name, &escape_html(&resolved));
        }
    }
    if let Some(srcset) = el.get_attribute("srcset") {
        let resolved = resolve_srcset(&decode_entities(&srcset), base);
        let _ = el.set_attribute("srcset", &escape_html(&resolved));
    }
    if tag == "img" && el.get_attribute("src").is_none_or(|s| s.trim().is_empty()) {
        el.remove(); // a placeholder with nothing to show
    }
    if tag == "a" {
        // Links inside an article that only run script become plain text.
        if el.get_attribute("href").is_some_and(|h| {
            h.trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:")
        }) {
            el.remove_and_keep_content();
        }
    }
}

fn is_placeholder(src: &str) -> bool {
    let s = src.trim();
    s.is_empty() || s.starts_with("data:") || s.contains("placeholder") || s.contains("blank.gif")
}

fn promote_lazy(el: &mut Element<'_, '_>) {
    let current = el.get_attribute("src").unwrap_or_default();
    if is_placeholder(&current) {
        if let Some(real) = LAZY_SRC.iter().find_map(|a| el.get_attribute(a)) {
            if !real.trim().is_empty() {
                let _ = el.set_attribute("src", &real);
            }
        }
    }
    if el
        .get_attribute("srcset")
        .is_none_or(|s| s.trim().is_empty())
    {
        if let Some(real) = LAZY_SRCSET.iter().find_map(|a| el.get_attribute(a)) {
            let _ = el.set_attribute("srcset", &real);
        }
    }
}

/// Resolves a URL against the base; keeps it as written if it cannot be resolved.
pub fn resolve(value: &str, base: Option<&Url>) -> String {
    let value = value.trim();
    if value.starts_with('#') {
        return value.to_owned(); // in-page anchors stay in-page
    }
    match base {
        Some(base) => base
            .join(&crate::urls::fold_host(value))
            .map(String::from)
            .unwrap_or_else(|_| value.to_owned()),
        None => value.to_owned(),
    }
}

fn resolve_srcset(srcset: &str, base: Option<&Url>) -> String {
    srcset
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let descriptor: Vec<&str> = parts.collect();
            let url = resolve(url, base);
            Some(if descriptor.is_empty() {
                url
            } else {
                format!("{url} {}", descriptor.join(" "))
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}
