//! Inline Markdown: text escaped wherever a character would change meaning, emphasis, code
//! spans, links, images and hard breaks, with whitespace collapsed as a browser shows it.

/// Where the inline content goes decides what a line break and a `|` become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// A paragraph: a `<br>` is a hard break (`\` and a new line).
    #[default]
    Paragraph,
    /// A heading: one line, so a `<br>` is a space; a `#` is escaped (a closing sequence).
    Heading,
    /// A GFM table cell: one line, so a `<br>` stays `<br>`; a `|` is escaped.
    Cell,
}

/// Writes one block's inline content.
#[derive(Debug, Default)]
pub struct Inline {
    out: String,
    place: Place,
    /// Whitespace was seen and not yet written (written before the next visible character).
    space: bool,
    /// A line break was seen and not yet written: written before the next visible content,
    /// dropped at the block's end, and never between the last word and a closing delimiter.
    line_break: bool,
    /// The next character written begins a line of the block: block markers are escaped.
    line_start: bool,
    /// Open spans, outermost first. Their opening delimiters wait for the content they open
    /// (so an empty `<strong>` writes nothing and whitespace at a span's start stays outside).
    spans: Vec<Span>,
    /// Closed spans whose closing delimiters wait for the character after them: whether `*`
    /// can close there depends on it.
    closing: Vec<Span>,
    /// Where the last closing delimiters written end in `out`.
    closed_at: Option<usize>,
}

/// An open span of emphasis, strikethrough, a link or `<sup>`/`<sub>`.
#[derive(Debug, Clone, Copy)]
struct Span {
    delimiter: &'static str,
    /// Where its opening delimiter was written in `out`; `None` while it waits.
    at: Option<usize>,
    /// Written as HTML tags because a delimiter could not open or close where it stands.
    html: bool,
    /// The same span is already open around it (`<em>` in `<em>`): it adds nothing.
    repeat: bool,
}

impl Span {
    /// The HTML tags a delimiter stands for, when it cannot be written as itself.
    fn tags(&self) -> Option<(&'static str, &'static str)> {
        match self.delimiter {
            "**" => Some(("<strong>", "</strong>")),
            "*" => Some(("<em>", "</em>")),
            "~~" => Some(("<del>", "</del>")),
            _ => None,
        }
    }
}

/// CommonMark's punctuation, approximated: ASCII punctuation and any other character that is
/// neither a letter, a digit, whitespace nor a control.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// HTML's whitespace: only these collapse (a no-break space is a character like any other).
pub fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

impl Inline {
    /// An empty writer for content in `place`.
    pub fn new(place: Place) -> Inline {
        Inline {
            place,
            line_start: true,
            ..Inline::default()
        }
    }

    /// Whether nothing visible has been written.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The Markdown written; whatever still waits (a trailing space or break) is dropped.
    pub fn finish(mut self) -> String {
        self.write_closers(None);
        if self.place == Place::Paragraph {
            escape_split_list_markers(&mut self.out);
        }
        self.out
    }

    /// Writes whatever waits (closing delimiters, a break, a space, opening delimiters) before
    /// visible content that begins with `next`.
    fn flush_pending(&mut self, next: char) {
        let before = if self.line_break || self.space {
            ' '
        } else {
            next
        };
        self.write_closers(Some(before));
        if self.line_break && !self.out.is_empty() {
            match self.place {
                Place::Paragraph => {
                    self.out.push_str("\\\n");
                    self.line_start = true;
                }
                Place::Heading => self.out.push(' '),
                Place::Cell => self.out.push_str("<br>"),
            }
            self.space = false;
        }
        self.line_break = false;
        if self.space && !self.line_start && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.space = false;
        self.write_openers(next);
    }

    /// Writes the opening delimiters that wait; as HTML tags when a delimiter run between
    /// the character before and `next` could not open (`a*"b"*`: a letter before, a quote
    /// after).
    fn write_openers(&mut self, next: char) {
        let prev = self.out.chars().next_back();
        // Only a run that can open and cannot close is unambiguous.
        let can_open = left_flanking(prev, Some(next)) && !right_flanking(prev, Some(next));
        for i in 0..self.spans.len() {
            let span = self.spans[i];
            if span.at.is_some() || span.repeat {
                continue;
            }
            if span.delimiter == "[" && self.out.ends_with('!') {
                // `!` before a link's bracket would make it an image.
                self.out.insert(self.out.len() - 1, '\\');
            }
            let at = self.out.len();
            // A delimiter right after another of its character would join that run
            // (`*a**b*` after `<i>a</i><b>b</b>`), so it is written as a tag.
            let joins =
                self.closed_at == Some(self.out.len()) && self.out.ends_with(&span.delimiter[..1]);
            match span.tags() {
                Some((open, _)) if !can_open || joins => {
                    self.out.push_str(open);
                    self.spans[i].html = true;
                }
                _ => self.out.push_str(span.delimiter),
            }
            self.spans[i].at = Some(at);
            self.line_start = false;
        }
    }

    /// Writes the closing delimiters that wait, before trailing whitespace; a span whose
    /// delimiter could not close before `next` (`"b"*c`) is rewritten as HTML tags.
    fn write_closers(&mut self, next: Option<char>) {
        if self.closing.is_empty() {
            return;
        }
        let kept = self.out.trim_end_matches(char::is_whitespace).len();
        let tail = self.out.split_off(kept);
        let next = tail.chars().next().or(next);
        let prev = self.out.chars().next_back();
        let can_close = right_flanking(prev, next) && !left_flanking(prev, next);
        // Innermost first: each rewrite lies after the openers still to be looked at.
        for span in std::mem::take(&mut self.closing) {
            match (span.tags(), span.at) {
                (Some((open, close)), Some(at)) if span.html || !can_close => {
                    if !span.html {
                        self.out.replace_range(at..at + span.delimiter.len(), open);
                    }
                    self.out.push_str(close);
                }
                _ => self.out.push_str(closer_of(span.delimiter)),
            }
        }
        self.closed_at = Some(self.out.len());
        self.out.push_str(&tail);
    }

    /// Writes text as HTML holds it: character references decoded, except a named one this
    /// engine does not know (`&sup2;`), which stays as written for the Markdown reader to
    /// decode, as CommonMark decodes every HTML5 name.
    pub fn html_text(&mut self, raw: &str) {
        let mut rest = raw;
        while let Some(at) = rest.find('&') {
            self.text(&rest[..at]);
            rest = &rest[at..];
            if let Some((decoded, used)) = crate::text::decode_reference(rest) {
                rest = &rest[used..];
                if decoded == "&" && reference_name_len(rest).is_some() {
                    // `&amp;copy;` is the text `&copy;`, which must not become `©`.
                    self.flush_pending('&');
                    self.line_start = false;
                    self.out.push_str("\\&");
                } else {
                    self.text(&decoded);
                }
            } else if let Some(len) = named_reference_len(rest) {
                self.flush_pending('&');
                self.line_start = false;
                self.out.push_str(&rest[..len]);
                rest = &rest[len..];
            } else {
                // A bare `&`: it starts no reference, so it needs no escape.
                self.text("&");
                rest = &rest[1..];
            }
        }
        self.text(rest);
    }

    /// Writes text (character references already decoded), escaped.
    pub fn text(&mut self, text: &str) {
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let width = c.len_utf8();
            if is_html_space(c) {
                self.space = true;
                at += width;
                continue;
            }
            if c.is_whitespace() && self.spans.iter().any(|s| s.at.is_none()) {
                // Whitespace beyond HTML's (a no-break space) is kept, but outside a span that
                // has not begun: after an opening `*` it would stop the `*` opening anything.
                let waiting = std::mem::take(&mut self.spans);
                self.flush_pending(c);
                self.spans = waiting;
                self.out.push(c);
                self.line_start = false;
                at += width;
                continue;
            }
            self.flush_pending(c);
            if self.line_start {
                self.line_start = false;
                let used = self.escape_line_start(&text[at..]);
                if used > 0 {
                    at += used;
                    continue;
                }
            }
            if c == '&' {
                // Only an `&` that starts a reference (`&copy;`, `&#169;`) needs its escape.
                let rest = &text[at..];
                if named_reference_len(rest).is_some() || rest[1..].starts_with('#') {
                    self.out.push('\\');
                }
                self.out.push('&');
                at += width;
                continue;
            }
            self.escape_char(c);
            at += width;
        }
    }

    /// At a line's start, escapes what would open a block: `#`, `>`, `-`, `+`, `=`, or a `1.`
    /// / `1)` list marker. Returns the bytes of `rest` written (0 when nothing needed it).
    fn escape_line_start(&mut self, rest: &str) -> usize {
        let bytes = rest.as_bytes();
        match bytes.first() {
            Some(&b) if matches!(b, b'#' | b'>' | b'-' | b'+' | b'=') => {
                self.out.push('\\');
                self.out.push(char::from(b));
                1
            }
            Some(b) if b.is_ascii_digit() => {
                let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
                match bytes.get(digits) {
                    Some(&mark @ (b'.' | b')')) => {
                        self.out.push_str(&rest[..digits]);
                        self.out.push('\\');
                        self.out.push(char::from(mark));
                        digits + 1
                    }
                    _ => 0,
                }
            }
            _ => 0,
        }
    }

    fn escape_char(&mut self, c: char) {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '|' => self.place == Place::Cell,
            '#' => self.place == Place::Heading,
            _ => false,
        };
        if escape {
            self.out.push('\\');
        }
        self.out.push(c);
    }

    /// Opens a span (`**`, `*`, `~~`, `[`, `<sup>`, `<sub>`); written with the first content
    /// after it.
    pub fn open(&mut self, delimiter: &'static str) {
        // `<b>a</b><b>b</b>`: the span closed just before goes on instead of `****`.
        if let Some(last) = self.closing.last().copied() {
            if last.delimiter == delimiter && !last.html {
                self.closing.pop();
                self.spans.push(last);
                return;
            }
        }
        // A span that does not go on closes the ones waiting, so spans never cross a link's
        // bracket.
        self.write_closers(delimiter.chars().next());
        // The same span open around it adds nothing, unless a link lies between (emphasis
        // cannot cross a link's brackets, so inside the link it must open again).
        let repeat = if delimiter == "[" {
            self.spans.iter().any(|s| s.delimiter == "[")
        } else {
            self.spans
                .iter()
                .rev()
                .take_while(|s| s.delimiter != "[")
                .any(|s| s.delimiter == delimiter)
        };
        self.spans.push(Span {
            delimiter,
            at: None,
            html: false,
            repeat,
        });
    }

    /// Closes the innermost span. Returns false when it held nothing (and nothing of it was
    /// written) or repeated a span around it.
    pub fn close(&mut self) -> bool {
        let Some(span) = self.spans.pop() else {
            return false;
        };
        if span.repeat || span.at.is_none() {
            return false;
        }
        if span.delimiter == "[" {
            self.write_closers(Some(']'));
        } else {
            self.closing.push(span);
        }
        true
    }

    /// Closes a link opened with `open("[")`: the text written becomes the link's text. A link
    /// with no text is left out (there is nothing to click), and a link inside a link is its
    /// text only (as a browser, which never nests them).
    pub fn close_link(&mut self, href: &str, title: Option<&str>) {
        if self.close() {
            self.out.push_str("](");
            self.destination(href, title);
            self.out.push(')');
        }
    }

    /// Writes a line break (`<br>`).
    pub fn line_break(&mut self) {
        self.line_break = true;
    }

    /// Writes markup that is content of its own (an image, a code span, inline HTML).
    fn atom(&mut self, markup: &str) {
        self.flush_pending(markup.chars().next().unwrap_or('!'));
        self.line_start = false;
        self.out.push_str(markup);
    }

    /// Writes a code span holding `code` (its whitespace collapsed as a browser shows it).
    pub fn code_span(&mut self, code: &str) {
        let leading = code.starts_with(is_html_space);
        let trailing = code.ends_with(is_html_space);
        let collapsed: Vec<&str> = code
            .split(is_html_space)
            .filter(|w| !w.is_empty())
            .collect();
        if collapsed.is_empty() {
            self.space |= leading || trailing;
            return;
        }
        if self.out.ends_with('`') {
            // Right after another code span its backticks would join that span's.
            let body = crate::text::escape_html(&collapsed.join(" "));
            self.space |= leading;
            self.atom(&format!("<code>{body}</code>"));
            self.space = trailing;
            return;
        }
        let mut body = collapsed.join(" ");
        if self.place == Place::Cell {
            body = body.replace('|', "\\|");
        }
        let fence = "`".repeat(longest_run(&body, '`') + 1);
        let pad = if body.starts_with('`') || body.ends_with('`') {
            " "
        } else {
            ""
        };
        self.space |= leading;
        self.atom(&format!("{fence}{pad}{body}{pad}{fence}"));
        self.space = trailing;
    }

    /// Writes an image: `![alt](src "title")`.
    pub fn image(&mut self, alt: &str, src: &str, title: Option<&str>) {
        let mut label = Inline::new(self.place);
        label.line_start = false;
        label.text(alt);
        let markup = format!("![{}](", label.finish());
        self.atom(&markup);
        self.destination(src, title);
        self.out.push(')');
    }

    /// A link or image destination and title: `<…>` when the URL holds spaces or parentheses.
    fn destination(&mut self, url: &str, title: Option<&str>) {
        let mut dest = String::with_capacity(url.len());
        for c in url.trim_matches(is_html_space).chars() {
            match c {
                '<' => dest.push_str("%3C"),
                '>' => dest.push_str("%3E"),
                '\\' => dest.push_str("%5C"),
                '|' if self.place == Place::Cell => dest.push_str("%7C"),
                c if c.is_control() => {}
                c => dest.push(c),
            }
        }
        if dest.is_empty() || dest.contains([' ', '(', ')']) {
            self.out.push('<');
            self.out.push_str(&dest);
            self.out.push('>');
        } else {
            self.out.push_str(&dest);
        }
        if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
            self.out.push_str(" \"");
            for c in title.chars() {
                match c {
                    '"' | '\\' => {
                        self.out.push('\\');
                        self.out.push(c);
                    }
                    '|' if self.place == Place::Cell => self.out.push_str("\\|"),
                    c if is_html_space(c) => self.out.push(' '),
                    c => self.out.push(c),
                }
            }
            self.out.push('"');
        }
    }
}

/// Whether a delimiter run between `prev` and `next` (`None`: a line's edge) is left-flanking,
/// as CommonMark defines it: it may open emphasis.
fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    let Some(next) = next.filter(|n| !n.is_whitespace()) else {
        return false;
    };
    !is_punctuation(next) || prev.is_none_or(|p| p.is_whitespace() || is_punctuation(p))
}

/// Whether a delimiter run between `prev` and `next` is right-flanking: it may close.
fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    let Some(prev) = prev.filter(|p| !p.is_whitespace()) else {
        return false;
    };
    !is_punctuation(prev) || next.is_none_or(|n| n.is_whitespace() || is_punctuation(n))
}

/// The length of a named character reference (`&name;`) at the start of `s`, if one is there.
fn named_reference_len(s: &str) -> Option<usize> {
    reference_name_len(s.strip_prefix('&')?).map(|name| name + 2)
}

/// The length of `name` when `body` begins `name;` (a reference's name, its `&` before it).
fn reference_name_len(body: &str) -> Option<usize> {
    let name = body
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let first_is_letter = body.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    (first_is_letter && body.as_bytes().get(name) == Some(&b';')).then_some(name)
}

/// Escapes a `1.` that begins a line but came in two pieces of text (`<b>1</b>. Total`), which
/// the check at a line's start could not see whole.
fn escape_split_list_markers(out: &mut String) {
    let mut at = 0;
    loop {
        let line = &out[at..];
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
            out.insert(at + digits, '\\');
        }
        match out[at..].find('\n') {
            Some(nl) => at += nl + 1,
            None => break,
        }
    }
}

/// The closing delimiter of an opening one.
fn closer_of(delimiter: &str) -> &'static str {
    match delimiter {
        "**" => "**",
        "*" => "*",
        "~~" => "~~",
        "<sup>" => "</sup>",
        "<sub>" => "</sub>",
        _ => "",
    }
}

/// The longest run of `c` in `s`.
pub fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::{Inline, Place};

    fn para(parts: &[&str]) -> String {
        let mut w = Inline::new(Place::Paragraph);
        for p in parts {
            w.text(p);
        }
        w.finish()
    }

    #[test]
    fn characters_that_would_be_markup_stay_literal() {
        assert_eq!(
            para(&["*a* _b_ [c](d) `e` <div> ~f~ \\"]),
            r"\*a\* \_b\_ \[c\](d) \`e\` \<div> \~f\~ \\"
        );
        assert_eq!(para(&["# Not a heading"]), r"\# Not a heading");
        assert_eq!(para(&["1. Not a list"]), r"1\. Not a list");
        assert_eq!(para(&["2024) was"]), r"2024\) was");
        assert_eq!(para(&["> no quote"]), r"\> no quote");
        assert_eq!(
            para(&["- no item", " + and 1 - 2"]),
            r"\- no item + and 1 - 2"
        );
        assert_eq!(para(&["AT&T &amp; &copy;"]), r"AT&T \&amp; \&copy;");
        assert_eq!(para(&["a | b"]), "a | b");
    }

    #[test]
    fn whitespace_collapses_and_spans_keep_it_outside() {
        let mut w = Inline::new(Place::Paragraph);
        w.text("  one\n\t two ");
        w.open("**");
        w.text(" bold ");
        w.close();
        w.open("*");
        w.close();
        w.text("end\u{a0}x");
        assert_eq!(w.finish(), "one two **bold** end\u{a0}x");
    }

    #[test]
    fn breaks_code_and_links() {
        let mut w = Inline::new(Place::Paragraph);
        w.text("a");
        w.line_break();
        w.text("# b");
        w.line_break();
        assert_eq!(w.finish(), "a\\\n\\# b");
        let mut w = Inline::new(Place::Cell);
        w.code_span("x | `y`");
        w.line_break();
        w.open("[");
        w.text("l|k");
        w.close_link("https://e.org/a b|(c)", Some("say \"hi\""));
        assert_eq!(
            w.finish(),
            r#"`` x \| `y` ``<br>[l\|k](<https://e.org/a b%7C(c)> "say \"hi\"")"#
        );
        let mut w = Inline::new(Place::Paragraph);
        w.open("[");
        w.text("  ");
        w.close_link("https://e.org", None);
        w.text("left");
        assert_eq!(w.finish(), "left");
    }
}
