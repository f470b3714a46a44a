//! The sanitized article as a small element tree, built as a browser builds it (implicit end
//! tags included), for the Markdown writer to walk. Text is kept as lol_html reports it (with its
//! character references) and decoded when it is written.

use crate::error::Error;
use crate::sink::Sink;
use crate::survey::{keep_open_before, may_close, SEARCH_WINDOW};
use crate::tuning::MARKDOWN_MAX_DEPTH;
use lol_html::html_content::TextType;
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// One child of an element: another element (by index) or a run of raw text.
#[derive(Debug, Clone, PartialEq)]
pub enum Child {
    /// The element at this index of [`Tree::nodes`].
    Element(usize),
    /// Text as written in the HTML (character references not yet decoded).
    Text(String),
}

/// An element: its tag, the attributes the writer reads, and its children in order.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// The lower-case tag name (`""` for the root).
    pub tag: String,
    /// Attributes, values decoded.
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub children: Vec<Child>,
    /// Whether a block-level element sits anywhere inside (so an inline element around it
    /// cannot be written inline).
    pub holds_block: bool,
    parent: usize,
}

impl Node {
    /// An attribute's decoded value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The tree: node 0 is the root, every other node's parent comes before it.
#[derive(Debug, Clone)]
pub struct Tree {
    /// Every element, the root first.
    pub nodes: Vec<Node>,
}

/// The attributes the Markdown writer uses; the rest are not kept.
const KEPT_ATTRIBUTES: &[&str] = &[
    "href", "src", "srcset", "alt", "title", "class", "start", "colspan", "rowspan",
];

/// Elements that start a block of their own in Markdown.
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Whether a tag is written as a block.
pub fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    /// Open elements, the root first.
    open: Vec<usize>,
}

impl Builder {
    fn top(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    fn start(&mut self, tag: String, attrs: Vec<(String, String)>, void: bool) -> Option<usize> {
        let table_part = matches!(
            tag.as_str(),
            "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
        );
        if table_part && !self.table_open() {
            // As a browser: a cell or row outside any table is no element (its text stays).
            return None;
        }
        if may_close(&tag) && self.open.len() > 1 {
            let from = self.open.len().saturating_sub(SEARCH_WINDOW).max(1);
            let tags: Vec<&str> = self.open[from..]
                .iter()
                .map(|&i| self.nodes[i].tag.as_str())
                .collect();
            let keep = from + keep_open_before(&tags, &tag);
            self.open.truncate(keep.max(1));
        }
        if self.open.len() > MARKDOWN_MAX_DEPTH {
            // Deeper than any article nests: the element is unwrapped, its text stays.
            return None;
        }
        let index = self.nodes.len();
        let (parent, at) = if table_part {
            let top = self.top();
            (top, self.nodes[top].children.len())
        } else {
            self.insertion_place()
        };
        self.nodes.push(Node {
            tag,
            attrs,
            children: Vec::new(),
            holds_block: false,
            parent,
        });
        self.nodes[parent]
            .children
            .insert(at, Child::Element(index));
        if !void {
            self.open.push(index);
        }
        Some(index)
    }

    fn table_open(&self) -> bool {
        let from = self.open.len().saturating_sub(SEARCH_WINDOW);
        self.open[from..]
            .iter()
            .any(|&i| self.nodes[i].tag == "table")
    }

    fn end(&mut self, index: usize) {
        let window = self.open.len().saturating_sub(SEARCH_WINDOW).max(1);
        if let Some(at) = self.open[window..].iter().rposition(|&i| i == index) {
            self.open.truncate(window + at);
        }
    }

    /// Where a new element or text goes: at the end of the current element, or, when that is
    /// a table or a row (content outside any cell), just before the table, as a browser's
    /// "foster parenting" puts it.
    fn insertion_place(&self) -> (usize, usize) {
        let top = self.top();
        if !matches!(
            self.nodes[top].tag.as_str(),
            "table" | "tbody" | "thead" | "tfoot" | "tr"
        ) {
            return (top, self.nodes[top].children.len());
        }
        let table = self
            .open
            .iter()
            .rev()
            .copied()
            .find(|&i| self.nodes[i].tag == "table")
            .unwrap_or(top);
        let parent = self.nodes[table].parent;
        let at = self.nodes[parent]
            .children
            .iter()
            .position(|c| *c == Child::Element(table))
            .unwrap_or(self.nodes[parent].children.len());
        (parent, at)
    }

    fn text(&mut self, raw: &str) {
        let top = self.top();
        let (parent, at) = if raw.bytes().all(|b| b.is_ascii_whitespace()) {
            (top, self.nodes[top].children.len())
        } else {
            self.insertion_place()
        };
        let children = &mut self.nodes[parent].children;
        match at.checked_sub(1).and_then(|prev| children.get_mut(prev)) {
            Some(Child::Text(t)) => t.push_str(raw),
            _ => children.insert(at, Child::Text(raw.to_owned())),
        }
    }

    fn finish(mut self) -> Tree {
        // Children come after their parents, so one backward sweep carries the flag up.
        for i in (1..self.nodes.len()).rev() {
            let parent = self.nodes[i].parent;
            if is_block(&self.nodes[i].tag) || self.nodes[i].holds_block {
                self.nodes[parent].holds_block = true;
            }
        }
        Tree { nodes: self.nodes }
    }
}

/// Builds the tree of a fragment of sanitized reader HTML.
pub fn build(html: &str) -> Result<Tree, Error> {
    let state = Rc::new(RefCell::new(Builder {
        nodes: vec![Node::default()],
        open: vec![0],
    }));
    let on_el = Rc::clone(&state);
    let on_text = Rc::clone(&state);
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            let attrs = el
                .attributes()
                .iter()
                .filter(|a| KEPT_ATTRIBUTES.contains(&a.name().as_str()))
                .map(|a| (a.name(), crate::text::decode_entities(&a.value())))
                .collect();
            let void = !el.can_have_content();
            let index = on_el.borrow_mut().start(el.tag_name(), attrs, void);
            if let (Some(index), false) = (index, void) {
                let state = Rc::clone(&on_el);
                let _ = el.on_end_tag(end_tag!(move |_| {
                    state.borrow_mut().end(index);
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            if matches!(t.text_type(), TextType::Data | TextType::RCData) {
                on_text.borrow_mut().text(t.as_str());
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, Sink::discard());
    rewriter
        .write(html.as_bytes())
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    let builder = Rc::try_unwrap(state)
        .map_err(|_| Error::Internal("the Markdown tree is still borrowed"))?
        .into_inner();
    Ok(builder.finish())
}

#[cfg(test)]
mod tests {
    use super::{build, Child};

    fn shape(html: &str) -> String {
        let tree = build(html).expect("builds");
        fn walk(tree: &super::Tree, i: usize, out: &mut String) {
            for c in &tree.nodes[i].children {
                match c {
                    Child::Element(e) => {
                        out.push_str(&format!("<{}>", tree.nodes[*e].tag));
                        walk(tree, *e, out);
                        out.push_str(&format!("</{}>", tree.nodes[*e].tag));
                    }
                    Child::Text(t) => out.push_str(t),
                }
            }
        }
        let mut out = String::new();
        walk(&tree, 0, &mut out);
        out
    }

    #[test]
    fn implicit_end_tags_close_as_a_browser_closes_them() {
        assert_eq!(
            shape("<p>a<p>b<div>c</div>"),
            "<p>a</p><p>b</p><div>c</div>"
        );
        assert_eq!(
            shape("<ul><li>a<li>b<ul><li>c</ul></ul>d"),
            "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>d"
        );
        assert_eq!(
            shape("<p>x<img src=a>y<br>z"),
            "<p>x<img></img>y<br></br>z</p>"
        );
        // Content in a table but outside its cells goes before the table.
        assert_eq!(
            shape("<table><tr><td>a</td><div>b</div>c</tr></table>"),
            "<div>b</div>c<table><tr><td>a</td></tr></table>"
        );
    }

    #[test]
    fn deep_nesting_is_unwrapped_not_recursed() {
        let html = format!("{}x{}", "<b>".repeat(100_000), "</b>".repeat(100_000));
        let tree = build(&html).expect("builds");
        assert!(tree.nodes.len() <= crate::tuning::MARKDOWN_MAX_DEPTH + 2);
    }
}
