//! The one output sink every lol_html pass uses. lol_html's rewriter is generic over its sink,
//! so one sink type means one copy of the parser in the WebAssembly module instead of one per
//! pass (about 50 KB gzipped each).

use lol_html::OutputSink;

/// Collects a pass's output, or discards it for read-only passes.
pub struct Sink<'a>(Option<&'a mut Vec<u8>>);

impl<'a> Sink<'a> {
    /// A sink that appends the output to `out`.
    pub fn into(out: &'a mut Vec<u8>) -> Sink<'a> {
        Sink(Some(out))
    }
}

impl Sink<'static> {
    /// A sink that drops the output (survey-like passes).
    pub fn discard() -> Sink<'static> {
        Sink(None)
    }
}

impl OutputSink for Sink<'_> {
    fn handle_chunk(&mut self, chunk: &[u8]) {
        if let Some(out) = &mut self.0 {
            out.extend_from_slice(chunk);
        }
    }
}
