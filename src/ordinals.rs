//! Ordinal counting shared by the rewriting passes, mirroring the survey's rules exactly:
//! every start tag counts except inside `<template>` (lol_html already treats `<noscript>`
//! contents as text).

use lol_html::end_tag;
use lol_html::html_content::Element;
use std::cell::Cell;
use std::rc::Rc;

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
