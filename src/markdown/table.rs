//! Tables: a GFM table when every cell is one line of inline content and none spans rows or
//! columns; otherwise the table as HTML (which CommonMark passes through), so nothing is lost.

use super::blocks::{children, Block, Kind};
use super::inline::{is_html_space, Place};
use super::tree::{Child, Tree};
use crate::text::{decode_entities, escape_html};

/// The blocks a `<table>` makes: its caption as a paragraph, then the table.
pub fn table(tree: &Tree, node: usize) -> Vec<Block> {
    let mut rows = Vec::new();
    let mut caption = None;
    collect_rows(tree, node, &mut rows, &mut caption);
    let mut out = Vec::new();
    let cells: Vec<Vec<usize>> = rows.iter().map(|&r| cells_of(tree, r)).collect();
    let table = if cells.iter().all(Vec::is_empty) {
        None
    } else {
        gfm(tree, &cells)
    };
    // GFM has no caption: it goes before the table (an HTML table keeps its own).
    // It stands where the table has it: a caption after the rows is written after them.
    let caption_last = caption.is_some_and(|c| rows.first().is_some_and(|&r| r < c));
    let caption_blocks = match caption {
        Some(c) if table.is_some() || cells.iter().all(Vec::is_empty) => {
            children(tree, c, Place::Paragraph)
        }
        _ => Vec::new(),
    };
    if !caption_last {
        out.extend(caption_blocks.iter().cloned());
    }
    if cells.iter().all(Vec::is_empty) {
        out.extend(caption_blocks);
        return out;
    }
    let text = match table {
        Some(table) => table,
        None => {
            let mut html = String::new();
            write_html(tree, node, false, &mut html);
            html
        }
    };
    out.push(Block {
        text,
        kind: Kind::Other,
    });
    if caption_last {
        out.extend(caption_blocks);
    }
    out
}

/// The table's rows in order (inside `thead`, `tbody`, `tfoot` or directly), and its caption.
fn collect_rows(tree: &Tree, node: usize, rows: &mut Vec<usize>, caption: &mut Option<usize>) {
    for child in &tree.nodes[node].children {
        if let Child::Element(e) = child {
            match tree.nodes[*e].tag.as_str() {
                "tr" => rows.push(*e),
                "thead" | "tbody" | "tfoot" => {
                    // Cells straight in a row group stand in a row a browser implies.
                    if !cells_of(tree, *e).is_empty() {
                        rows.push(*e);
                    }
                    collect_rows(tree, *e, rows, caption);
                }
                "caption" if caption.is_none() => *caption = Some(*e),
                _ => {}
            }
        }
    }
}

fn cells_of(tree: &Tree, row: usize) -> Vec<usize> {
    tree.nodes[row]
        .children
        .iter()
        .filter_map(|c| match c {
            Child::Element(e) if matches!(tree.nodes[*e].tag.as_str(), "td" | "th") => Some(*e),
            _ => None,
        })
        .collect()
}

/// The GFM table, or `None` when GFM cannot say it: a merged cell, or a cell holding more than
/// one paragraph, a list, a heading, code or another table.
fn gfm(tree: &Tree, rows: &[Vec<usize>]) -> Option<String> {
    let mut lines = Vec::new();
    let mut width = 0;
    let mut written: Vec<Vec<String>> = Vec::new();
    for row in rows.iter().filter(|r| !r.is_empty()) {
        let mut out = Vec::new();
        for &cell in row {
            let n = &tree.nodes[cell];
            let spans = ["colspan", "rowspan"].iter().any(|a| {
                n.attr(a)
                    .is_some_and(|v| v.trim().parse::<u32>().unwrap_or(1) > 1)
            });
            if spans || !simple_cell(tree, cell) {
                return None;
            }
            let blocks = children(tree, cell, Place::Cell);
            out.push(
                blocks
                    .into_iter()
                    .next()
                    .map(|b| b.text)
                    .unwrap_or_default(),
            );
        }
        width = width.max(out.len());
        written.push(out);
    }
    for (i, row) in written.iter().enumerate() {
        let mut cells = row.clone();
        cells.resize(width, String::new());
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    Some(lines.join("\n"))
}

/// Whether a cell is one line of inline content: no block inside it but a lone paragraph (or
/// `div`) of inline content.
fn simple_cell(tree: &Tree, cell: usize) -> bool {
    let n = &tree.nodes[cell];
    if !n.holds_block {
        return true;
    }
    let mut wrappers = 0;
    let mut inline = false;
    for child in &n.children {
        match child {
            Child::Element(e) => {
                let c = &tree.nodes[*e];
                if matches!(c.tag.as_str(), "p" | "div") && !c.holds_block {
                    wrappers += 1;
                } else if super::tree::is_block(&c.tag) || c.holds_block {
                    return false;
                } else {
                    inline = true;
                }
            }
            Child::Text(raw) => {
                inline |= !decode_entities(raw).chars().all(is_html_space);
            }
        }
    }
    // One paragraph alone, or inline content alone: text beside a paragraph makes two lines.
    wrappers == 0 || (wrappers == 1 && !inline)
}

/// Attributes written back on a table written as HTML (the sanitizer allowed them all).
const HTML_ATTRIBUTES: &[&str] = &["href", "src", "alt", "title", "colspan", "rowspan"];

/// The subtree as HTML on lines without a blank one (a blank line would end the HTML block):
/// text escaped, whitespace collapsed, a `<pre>`'s newlines written as references.
fn write_html(tree: &Tree, node: usize, in_pre: bool, out: &mut String) {
    let n = &tree.nodes[node];
    let void = matches!(
        n.tag.as_str(),
        "img" | "br" | "hr" | "wbr" | "col" | "source"
    );
    out.push('<');
    out.push_str(&n.tag);
    for (name, value) in &n.attrs {
        if HTML_ATTRIBUTES.contains(&name.as_str()) {
            out.push_str(&format!(" {name}=\"{}\"", escape_html(value)));
        }
    }
    out.push('>');
    if void {
        return;
    }
    let pre = in_pre || n.tag == "pre";
    for child in &n.children {
        match child {
            Child::Element(e) => write_html(tree, *e, pre, out),
            Child::Text(raw) => {
                // Sanitized text is HTML already (a stray `<` was written `&lt;`).
                let text = raw.as_str();
                if pre {
                    out.push_str(&text.replace('\n', "&#10;"));
                } else {
                    let mut space = false;
                    for c in text.chars() {
                        if is_html_space(c) {
                            space = true;
                        } else {
                            if space {
                                out.push(' ');
                                space = false;
                            }
                            out.push(c);
                        }
                    }
                    if space {
                        out.push(' ');
                    }
                }
            }
        }
    }
    out.push_str("</");
    out.push_str(&n.tag);
    out.push('>');
    if n.tag == "tr" {
        out.push('\n');
    }
}
