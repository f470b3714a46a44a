//! Previews: the first words of every element, kept as the survey reads the text, for the
//! reasons a person reads and the applier's checks.

use super::State;
use crate::tuning::PREVIEW_CHARS;

impl State {
    /// Appends text to the previews of the open elements that still have room, innermost first.
    /// An element's preview is never fuller than its ancestors', so the walk stops at the first
    /// full one: each preview is written at most `PREVIEW_CHARS` times in all. Whitespace is
    /// folded across chunk and element boundaries, so chunking never changes a preview.
    pub(super) fn add_preview(&mut self, chunk: &str) {
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
