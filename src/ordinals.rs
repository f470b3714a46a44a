//! Ordinal counting shared by the rewriting passes, mirroring the survey's rules exactly:
//! every start tag counts except inside `<template>` (lol_html already treats `<noscript>`
//! contents as text); the selector pass that finds which ordinals CSS selectors match; and the
//! page's shape fingerprint that the live-page appliers check.

use crate::error::Error;
use crate::input::Input;
use crate::sink::Sink;
use lol_html::html_content::Element;
use lol_html::{element, end_tag, ElementContentHandlers, HtmlRewriter, Selector, Settings};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One read-only lol_html pass that matches `selectors` (each with the caller's index) and gives,
/// in document order, `(ordinal, index)` for every element a selector matches. Used by the
/// filter-list rule pass and the clean-mode label harness.
pub fn match_selectors<'s>(
    input: &Input<'_>,
    selectors: impl IntoIterator<Item = (usize, Cow<'s, Selector>)>,
) -> Result<Vec<(u32, usize)>, Error> {
    let found = Rc::new(RefCell::new(Vec::new()));
    let current = Rc::new(Cell::new(None::<u32>));
    let counter = OrdinalCounter::default();
    let set_current = Rc::clone(&current);
    let mut settings = Settings::new()
        .with_encoding(input.encoding)
        .with_adjust_charset_on_meta_tag(input.sniff_meta_charset)
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            set_current.set(counter.assign(el));
            Ok(())
        }));
    for (index, selector) in selectors {
        let found = Rc::clone(&found);
        let current = Rc::clone(&current);
        settings = settings.append_element_content_handler((
            selector,
            ElementContentHandlers::default().element(move |_: &mut Element<'_, '_>| {
                if let Some(ordinal) = current.get() {
                    found.borrow_mut().push((ordinal, index));
                }
                Ok(())
            }),
        ));
    }
    let mut rewriter = HtmlRewriter::new(settings, Sink::discard());
    rewriter
        .write(&input.bytes)
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    let found = found.take();
    Ok(found)
}

/// Hands out ordinals to elements as a rewriting pass meets them.
#[derive(Clone, Default)]
pub struct OrdinalCounter {
    next: Rc<Cell<u32>>,
    template_depth: Rc<Cell<u32>>,
}

impl OrdinalCounter {
    /// The element's ordinal, or `None` for elements inside a `<template>`.
    pub fn assign(&self, el: &mut Element<'_, '_>) -> Option<u32> {
        let is_template = el.tag_name() == "template";
        let inside = self.template_depth.get() > 0;
        if is_template && el.can_have_content() {
            self.template_depth.set(self.template_depth.get() + 1);
            let depth = Rc::clone(&self.template_depth);
            let _ = el.on_end_tag(end_tag!(move |_| {
                depth.set(depth.get().saturating_sub(1));
                Ok(())
            }));
        }
        if inside {
            return None;
        }
        let ordinal = self.next.get();
        self.next.set(ordinal.saturating_add(1));
        Some(ordinal)
    }
}

/// The shape of a page: FNV-1a (32 bits) over every element's tag name in ordinal order, each
/// name ASCII-lower-cased, taken as UTF-16 code units and followed by a space (0x20). `image`
/// counts as `img`: outside SVG the HTML parser makes an `<image>` tag an `img` element.
///
/// The appliers (`applyVerdict` in src/wasm.rs and extension/applier.js) compute the same hash
/// over the live document and refuse a verdict whose fingerprint differs: an element removed in
/// one place and another inserted elsewhere keeps the count, and may keep the tag at every
/// removed ordinal, but shifts the tag sequence in between. UTF-16 units, so that JavaScript
/// computes it from `localName` with `charCodeAt` and nothing else.
pub fn fingerprint<'a>(tags: impl IntoIterator<Item = &'a str>) -> u32 {
    let mut hash = FNV_OFFSET;
    let mut unit = |u: u16| {
        hash ^= u32::from(u);
        hash = hash.wrapping_mul(FNV_PRIME);
    };
    for tag in tags {
        let tag = if tag.eq_ignore_ascii_case("image") {
            "img"
        } else {
            tag
        };
        for u in tag.encode_utf16() {
            unit(if (0x41..=0x5a).contains(&u) {
                u + 0x20
            } else {
                u
            });
        }
        unit(0x20);
    }
    hash
}

/// FNV-1a's 32-bit parameters (the published offset basis and prime).
const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprint_is_fnv1a_over_lower_cased_names_and_sees_order() {
        // FNV-1a of the empty input is the offset basis.
        assert_eq!(fingerprint([]), 0x811c_9dc5);
        assert_eq!(fingerprint(["A"]), fingerprint(["a"]));
        assert_ne!(fingerprint(["div", "p"]), fingerprint(["p", "div"]));
        assert_ne!(fingerprint(["ab"]), fingerprint(["a", "b"]));
        assert_eq!(fingerprint(["image"]), fingerprint(["img"]));
    }
}
