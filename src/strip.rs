//! The strip pass (clean mode): a second lol_html pass that removes the verdict's blocks and
//! leaves every other byte as it was.

use crate::error::Error;
use crate::input::Input;
use crate::judge::Verdict;
use crate::ordinals::OrdinalCounter;
use crate::sink::Sink;
use lol_html::{element, HtmlRewriter, Settings};

/// Returns the page with the verdict's removals taken out, in the page's own encoding.
pub fn strip(input: &Input<'_>, verdict: &Verdict) -> Result<Vec<u8>, Error> {
    let mut doomed = vec![false; verdict.elements as usize];
    for r in &verdict.removals {
        if let Some(slot) = doomed.get_mut(r.ordinal as usize) {
            *slot = true;
        }
    }
    let counter = OrdinalCounter::default();
    let mut out = Vec::with_capacity(input.bytes.len());
    let settings = Settings::new()
        .with_encoding(input.encoding)
        .with_adjust_charset_on_meta_tag(input.sniff_meta_charset)
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            if let Some(ordinal) = counter.assign(el) {
                if doomed.get(ordinal as usize).copied().unwrap_or(false) {
                    el.remove();
                }
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, Sink::into(&mut out));
    rewriter
        .write(&input.bytes)
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    Ok(out)
}
