//! Block Markdown: paragraphs, ATX headings, lists, block quotes, fenced code, figures and
//! rules, walked from the article's tree; tables are written by [`super::table`].

use super::inline::{is_html_space, longest_run, Inline, Place};
use super::table;
use super::tree::{is_block, Child, Tree};
use crate::text::decode_entities;

/// What a written block is, for how it is joined to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A paragraph, heading, code block, quote, rule or table.
    Other,
    /// A bullet list written with this marker (`-` or `*`).
    Bullets(char),
    /// An ordered list written with this delimiter (`.` or `)`).
    Numbers(char),
}

/// One block of Markdown, its lines joined by `\n`.
#[derive(Debug, Clone)]
pub struct Block {
    /// The Markdown.
    pub text: String,
    /// What it is.
    pub kind: Kind,
}

impl Block {
    fn other(text: String) -> Block {
        Block {
            text,
            kind: Kind::Other,
        }
    }
}

/// Joins blocks with blank lines.
pub fn join(blocks: &[Block]) -> String {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n\n")
}

/// The blocks an element's children make.
pub fn children(tree: &Tree, node: usize, place: Place) -> Vec<Block> {
    let mut out = Vec::new();
    let mut run = Inline::new(place);
    for child in &tree.nodes[node].children {
        match child {
            Child::Text(raw) => run.html_text(raw),
            Child::Element(e) => {
                let tag = tree.nodes[*e].tag.as_str();
                if is_block(tag) || tree.nodes[*e].holds_block {
                    flush(&mut run, place, &mut out);
                    element(tree, *e, place, &mut out);
                } else {
                    inline(tree, *e, &mut run);
                }
            }
        }
    }
    flush(&mut run, place, &mut out);
    out
}

/// Ends an inline run: a paragraph when it wrote anything.
fn flush(run: &mut Inline, place: Place, out: &mut Vec<Block>) {
    let done = std::mem::replace(run, Inline::new(place));
    if !done.is_empty() {
        out.push(Block::other(done.finish()));
    }
}

/// One inline run of an element's content, wrapped in `open`/`close` (a caption's `*`).
fn wrapped(tree: &Tree, node: usize, place: Place, delimiter: &'static str) -> String {
    let mut run = Inline::new(place);
    run.open(delimiter);
    inline_children(tree, node, &mut run);
    run.close();
    run.finish()
}

/// Writes a block element.
fn element(tree: &Tree, node: usize, place: Place, out: &mut Vec<Block>) {
    let n = &tree.nodes[node];
    match n.tag.as_str() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            // A heading around blocks (`<h2><div>…</div></h2>`) is a heading per block.
            let marks = "#".repeat(usize::from(n.tag.as_bytes()[1] - b'0'));
            for block in children(tree, node, Place::Heading) {
                out.push(Block::other(format!("{marks} {}", block.text)));
            }
        }
        "pre" => {
            if let Some(code) = code_block(tree, node) {
                out.push(Block::other(code));
            }
        }
        "hr" => out.push(Block::other("---".to_owned())),
        "blockquote" => {
            let inner = children(tree, node, place);
            if !inner.is_empty() {
                out.push(Block::other(prefix_lines(&join(&inner), "> ", ">")));
            }
        }
        "ul" | "ol" => list(tree, node, out),
        // An item outside a list of its own (`<ul><div><li>`) is still an item.
        "li" => write_list(vec![children(tree, node, place)], false, 1, out),
        "table" => out.extend(table::table(tree, node)),
        "figcaption" | "dt" if !n.holds_block => {
            let delimiter = if n.tag == "dt" { "**" } else { "*" };
            let text = wrapped(tree, node, place, delimiter);
            if !text.is_empty() {
                out.push(Block::other(text));
            }
        }
        _ => out.extend(children(tree, node, place)),
    }
}

/// Writes an inline element into the run.
pub fn inline(tree: &Tree, node: usize, run: &mut Inline) {
    let n = &tree.nodes[node];
    let span = |run: &mut Inline, delimiter: &'static str| {
        run.open(delimiter);
        inline_children(tree, node, run);
        run.close();
    };
    match n.tag.as_str() {
        "strong" | "b" => span(run, "**"),
        "em" | "i" | "cite" | "dfn" | "var" => span(run, "*"),
        "del" | "s" => span(run, "~~"),
        "code" | "kbd" | "samp" => run.code_span(&text_content(tree, node, false)),
        "br" => run.line_break(),
        "img" => {
            if let Some(src) = image_source(n.attr("src"), n.attr("srcset")) {
                run.image(n.attr("alt").unwrap_or(""), &src, n.attr("title"));
            }
        }
        "a" => match n.attr("href").filter(|h| !h.trim().is_empty()) {
            Some(href) => {
                run.open("[");
                inline_children(tree, node, run);
                run.close_link(href, n.attr("title"));
            }
            None => inline_children(tree, node, run),
        },
        "sup" | "sub" => {
            run.open(if n.tag == "sup" { "<sup>" } else { "<sub>" });
            inline_children(tree, node, run);
            run.close();
        }
        _ => inline_children(tree, node, run),
    }
}

/// Writes an element's children into the run (every child inline).
fn inline_children(tree: &Tree, node: usize, run: &mut Inline) {
    for child in &tree.nodes[node].children {
        match child {
            Child::Text(raw) => run.html_text(raw),
            Child::Element(e) => inline(tree, *e, run),
        }
    }
}

/// The image an `<img>` shows: its `src`, or the first candidate of its `srcset`.
fn image_source(src: Option<&str>, srcset: Option<&str>) -> Option<String> {
    src.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .or_else(|| {
            srcset?
                .split(',')
                .find_map(|c| c.split_whitespace().next())
                .map(str::to_owned)
        })
}

/// An element's text, every descendant's, decoded; `<br>` is a line break when `lines`.
pub fn text_content(tree: &Tree, node: usize, lines: bool) -> String {
    let mut out = String::new();
    let mut stack = vec![(node, 0usize)];
    while let Some((n, i)) = stack.pop() {
        let Some(child) = tree.nodes[n].children.get(i) else {
            continue;
        };
        stack.push((n, i + 1));
        match child {
            Child::Text(raw) => out.push_str(&decode_entities(raw)),
            Child::Element(e) if lines && tree.nodes[*e].tag == "br" => out.push('\n'),
            Child::Element(e) => stack.push((*e, 0)),
        }
    }
    out
}

/// A fenced code block, its code byte for byte as the reader shows it.
fn code_block(tree: &Tree, node: usize) -> Option<String> {
    let raw = text_content(tree, node, true);
    // As a browser reads it: line endings become `\n`, and a newline right after `<pre>` is
    // not content.
    let mut code = raw.replace("\r\n", "\n").replace('\r', "\n");
    let newline_first = matches!(tree.nodes[node].children.first(), Some(Child::Text(t)) if t.starts_with(['\n', '\r']));
    if newline_first {
        code.remove(0);
    }
    if code.chars().all(is_html_space) {
        return None;
    }
    let fence = "`".repeat(longest_run(&code, '`').max(2) + 1);
    let language = code_language(tree, node).unwrap_or_default();
    let newline = if code.ends_with('\n') { "" } else { "\n" };
    Some(format!("{fence}{language}\n{code}{newline}{fence}"))
}

/// The language a `language-*` class names on the `<pre>` or the `<code>` inside it.
fn code_language(tree: &Tree, pre: usize) -> Option<String> {
    let first_code = tree.nodes[pre].children.iter().find_map(|c| match c {
        Child::Element(e) if tree.nodes[*e].tag == "code" => Some(*e),
        _ => None,
    });
    [Some(pre), first_code]
        .into_iter()
        .flatten()
        .filter_map(|n| tree.nodes[n].attr("class"))
        .flat_map(str::split_ascii_whitespace)
        .find_map(|c| c.strip_prefix("language-"))
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
}

/// Prefixes every line (`> ` for a quote, spaces for a list item's continuation).
fn prefix_lines(text: &str, prefix: &str, blank: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| {
            if l.is_empty() {
                blank.to_owned()
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect();
    lines.join("\n")
}

/// A list: each `<li>` an item; anything else inside the list ends it, is written, and a list
/// of the same kind goes on after it.
fn list(tree: &Tree, node: usize, out: &mut Vec<Block>) {
    let n = &tree.nodes[node];
    let ordered = n.tag == "ol";
    let mut number: u64 = n
        .attr("start")
        .and_then(|s| s.trim().parse().ok())
        .filter(|&s: &u64| s < 1_000_000_000)
        .unwrap_or(1);
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut first = number;
    // What sits in the list outside its items (text, a stray element) is written between
    // lists, in order.
    let mut stray = Inline::new(Place::Paragraph);
    for child in &n.children {
        match child {
            Child::Element(e) if tree.nodes[*e].tag == "li" => {
                if !stray.is_empty() {
                    flush(&mut stray, Place::Paragraph, out);
                    first = number;
                }
                items.push(children(tree, *e, Place::Paragraph));
                number += 1;
            }
            Child::Text(raw) if decode_entities(raw).chars().all(is_html_space) => {
                stray.text(" ");
            }
            other => {
                write_list(std::mem::take(&mut items), ordered, first, out);
                match other {
                    Child::Element(e)
                        if is_block(&tree.nodes[*e].tag) || tree.nodes[*e].holds_block =>
                    {
                        flush(&mut stray, Place::Paragraph, out);
                        element(tree, *e, Place::Paragraph, out);
                    }
                    Child::Element(e) => inline(tree, *e, &mut stray),
                    Child::Text(raw) => stray.html_text(raw),
                }
            }
        }
    }
    write_list(items, ordered, first, out);
    flush(&mut stray, Place::Paragraph, out);
}

/// Writes list items. Two lists in a row would run together in Markdown, so a list takes the
/// other marker when the block before it is a list of its kind.
fn write_list(items: Vec<Vec<Block>>, ordered: bool, start: u64, out: &mut Vec<Block>) {
    if items.is_empty() {
        return;
    }
    let kind = match (ordered, out.last().map(|b| b.kind)) {
        (false, Some(Kind::Bullets('-'))) => Kind::Bullets('*'),
        (false, _) => Kind::Bullets('-'),
        (true, Some(Kind::Numbers('.'))) => Kind::Numbers(')'),
        (true, _) => Kind::Numbers('.'),
    };
    let loose = items
        .iter()
        .any(|blocks| blocks.iter().skip(1).any(|b| b.kind == Kind::Other));
    let mut written = Vec::with_capacity(items.len());
    for (i, blocks) in items.iter().enumerate() {
        let marker = match kind {
            Kind::Bullets(c) => format!("{c} "),
            Kind::Numbers(d) => format!("{}{d} ", start + i as u64),
            Kind::Other => String::new(),
        };
        let indent = " ".repeat(marker.len());
        let mut body = String::new();
        for (j, b) in blocks.iter().enumerate() {
            if j > 0 {
                // A nested list follows its item's text directly; other blocks leave a line.
                body.push_str(if b.kind == Kind::Other { "\n\n" } else { "\n" });
            }
            body.push_str(&b.text);
        }
        let item = if body.is_empty() {
            marker.trim_end().to_owned()
        } else {
            let indented = prefix_lines(&body, &indent, "");
            format!("{marker}{}", &indented[indent.len()..])
        };
        written.push(item);
    }
    out.push(Block {
        text: written.join(if loose { "\n\n" } else { "\n" }),
        kind,
    });
}
