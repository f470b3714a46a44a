//! Plain text from HTML: paragraphs separated by blank lines, as `read --format text` prints
//! and the quality harness compares.

use crate::error::Error;
use crate::sink::Sink;
use crate::text::{decode_entities, fold_whitespace};
use lol_html::html_content::TextType;
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// Elements that begin and end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "br",
    "hr",
    "caption",
    "details",
    "summary",
    "main",
    "aside",
    "nav",
    "address",
    "td",
    "th",
];

/// Elements whose text is not visible.
const INVISIBLE: &[&str] = &[
    "script", "style", "template", "noscript", "title", "head", "textarea",
];

#[derive(Default)]
struct Collect {
    paragraphs: Vec<String>,
    current: String,
    invisible: u32,
}

impl Collect {
    fn flush(&mut self) {
        let para = fold_whitespace(&decode_entities(&self.current));
        if !para.is_empty() {
            self.paragraphs.push(para);
        }
        self.current.clear();
    }
}

/// The visible text of an HTML document or fragment, one paragraph per block.
pub fn html_to_text(html: &str) -> Result<String, Error> {
    text_of(html, INVISIBLE)
}

/// Elements left out of the article as one reads it aloud: everything invisible, and figure
/// captions (a caption describes an image; read in the flow of the text it interrupts it).
const NOT_READ: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "title",
    "head",
    "textarea",
    "figcaption",
];

/// The article as one would read it aloud: headings and paragraphs, a blank line between blocks,
/// no captions (`--format text`, and the text the quality harnesses score).
pub fn reading_text(html: &str) -> Result<String, Error> {
    text_of(html, NOT_READ)
}

fn text_of(html: &str, skipped: &'static [&'static str]) -> Result<String, Error> {
    let state = Rc::new(RefCell::new(Collect::default()));
    let on_el = Rc::clone(&state);
    let on_text = Rc::clone(&state);
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            let tag = el.tag_name();
            let invisible = skipped.contains(&tag.as_str());
            let block = BLOCKS.contains(&tag.as_str());
            {
                let mut st = on_el.borrow_mut();
                if block {
                    st.flush();
                }
                if invisible {
                    st.invisible += 1;
                }
            }
            if (block || invisible) && el.can_have_content() {
                let state = Rc::clone(&on_el);
                let _ = el.on_end_tag(end_tag!(move |_| {
                    let mut st = state.borrow_mut();
                    if invisible {
                        st.invisible = st.invisible.saturating_sub(1);
                    }
                    if block {
                        st.flush();
                    }
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let mut st = on_text.borrow_mut();
            if st.invisible == 0 && matches!(t.text_type(), TextType::Data | TextType::RCData) {
                st.current.push_str(t.as_str());
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, Sink::discard());
    rewriter
        .write(html.as_bytes())
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    let mut st = state.borrow_mut();
    st.flush();
    Ok(st.paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text =
            super::html_to_text("<p>One &amp; <b>two</b></p><ul><li>a<li>b</ul><script>x</script>")
                .expect("text");
        assert_eq!(text, "One & two\n\na\n\nb");
        let read = super::reading_text(
            "<figure><img src=x><figcaption>A cat</figcaption></figure><p>Text</p>",
        )
        .expect("text");
        assert_eq!(read, "Text");
    }
}
