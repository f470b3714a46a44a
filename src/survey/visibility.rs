//! Whether an element is hidden from sight by its attributes: utility classes that hide,
//! inline styles that hide, a streamed segment React has not placed yet.

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
pub(super) fn is_streamed_segment(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn hidden_by_class(class: &str) -> bool {
    !class.is_empty()
        && class
            .split_ascii_whitespace()
            .any(|c| HIDING_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)))
}

pub(super) fn is_hidden_style(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}
