//! Markdown out: each construct, hostile text that must stay literal, and the round trip over
//! both corpora — the Markdown parsed back by a CommonMark + GFM parser (pulldown-cmark) gives
//! the blocks and text of the reader HTML as a browser's parser (html5ever) builds it.

mod common;

use plainpage::markdown::from_html;
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use rayon::prelude::*;
use scraper::{ElementRef, Html, Node};

/// A block as both sides see it: its kind and its text (whitespace folded; code as written).
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Heading(u8, String),
    Text(String),
    /// A list item begins.
    Item,
    Cell(String),
    Code(String),
}

#[derive(Clone, Copy, PartialEq)]
enum Leaf {
    None,
    Heading(u8),
    Cell,
    Code,
}

#[derive(Default)]
struct Blocks {
    out: Vec<Block>,
    text: String,
}

impl Blocks {
    fn flush(&mut self, leaf: Leaf) {
        let raw = std::mem::take(&mut self.text);
        let folded = common::fold(&raw);
        if leaf == Leaf::Code {
            let code = raw.trim_end_matches('\n').to_owned();
            if !code.trim().is_empty() {
                self.out.push(Block::Code(code));
            }
            return;
        }
        if folded.is_empty() {
            return;
        }
        self.out.push(match leaf {
            Leaf::Heading(n) => Block::Heading(n, folded),
            Leaf::Cell => Block::Cell(folded),
            _ => Block::Text(folded),
        });
    }
}

/// Elements that begin and end a block in the reader as a browser lays it out.
const HTML_BLOCKS: &[&str] = &[
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

/// The reader HTML's blocks, from the tree html5ever builds of it.
fn html_blocks(html: &str) -> Vec<Block> {
    let doc = Html::parse_fragment(html);
    let mut b = Blocks::default();
    walk(doc.root_element(), Leaf::None, &mut b);
    b.flush(Leaf::None);
    b.out
}

fn walk(el: ElementRef<'_>, leaf: Leaf, b: &mut Blocks) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => b.text.push_str(t),
            Node::Element(e) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let tag = e.name();
                if tag == "br" {
                    b.text.push(if leaf == Leaf::Code { '\n' } else { ' ' });
                    continue;
                }
                if tag == "img" || !HTML_BLOCKS.contains(&tag) || leaf == Leaf::Code {
                    walk(child_el, leaf, b);
                    continue;
                }
                b.flush(leaf);
                if tag == "li" {
                    b.out.push(Block::Item);
                }
                let inner = match tag {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        Leaf::Heading(tag.as_bytes()[1] - b'0')
                    }
                    "td" | "th" => Leaf::Cell,
                    "pre" => Leaf::Code,
                    _ => leaf,
                };
                walk(child_el, inner, b);
                b.flush(inner);
            }
            _ => {}
        }
    }
}

/// The Markdown's blocks, as pulldown-cmark parses it; an HTML block (a table GFM cannot
/// say) is read by the HTML side.
fn markdown_blocks(md: &str) -> Vec<Block> {
    let mut b = Blocks::default();
    let mut leaf = Leaf::None;
    let mut in_image = 0;
    let mut html = String::new();
    for event in Parser::new_ext(
        md,
        MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH,
    ) {
        if !matches!(event, Event::Html(_)) && !html.is_empty() {
            b.flush(leaf);
            b.out.extend(html_blocks(&std::mem::take(&mut html)));
        }
        match event {
            Event::Html(h) => html.push_str(&h),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) if in_image == 0 => b.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => b.text.push(' '),
            Event::InlineHtml(h) if h.trim().eq_ignore_ascii_case("<br>") => b.text.push(' '),
            Event::Start(tag) => {
                let next = match tag {
                    Tag::Heading { level, .. } => Leaf::Heading(level as u8),
                    Tag::TableCell => Leaf::Cell,
                    Tag::CodeBlock(_) => Leaf::Code,
                    Tag::Paragraph
                    | Tag::Item
                    | Tag::BlockQuote(_)
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow => leaf,
                    _ => continue,
                };
                b.flush(leaf);
                if matches!(tag, Tag::Item) {
                    b.out.push(Block::Item);
                }
                leaf = next;
            }
            Event::End(end) => {
                let block = matches!(
                    end,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::BlockQuote(_)
                        | TagEnd::List(_)
                        | TagEnd::Table
                        | TagEnd::TableHead
                        | TagEnd::TableRow
                        | TagEnd::TableCell
                        | TagEnd::CodeBlock
                );
                if block {
                    b.flush(leaf);
                    if matches!(
                        end,
                        TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::CodeBlock
                    ) {
                        leaf = Leaf::None;
                    }
                }
            }
            _ => {}
        }
    }
    b.flush(leaf);
    if !html.is_empty() {
        b.out.extend(html_blocks(&html));
    }
    b.out
}

/// `Ok` when the Markdown of `content` parses back to its blocks; else the first difference.
fn round_trip(content: &str) -> Result<(), String> {
    let md = from_html(content).map_err(|e| format!("from_html failed: {e}"))?;
    let want = html_blocks(content);
    let got = markdown_blocks(&md);
    if want == got {
        return Ok(());
    }
    let at = want
        .iter()
        .zip(&got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    Err(format!(
        "block {at} of {} differs:\n  reader HTML: {:?}\n  Markdown:    {:?}\n  (Markdown around it: {:?})",
        want.len(),
        want.get(at),
        got.get(at),
        md.lines()
            .filter(|l| want.get(at).is_some_and(|w| shares_word(l, w)))
            .take(3)
            .collect::<Vec<_>>()
    ))
}

fn shares_word(line: &str, block: &Block) -> bool {
    let text = match block {
        Block::Heading(_, t) | Block::Text(t) | Block::Cell(t) | Block::Code(t) => t,
        Block::Item => return false,
    };
    text.split_whitespace()
        .next()
        .is_some_and(|w| line.contains(w))
}

fn md(html: &str) -> String {
    from_html(html).expect("writes Markdown")
}

#[test]
fn headings_paragraphs_and_emphasis() {
    assert_eq!(
        md("<h2>Title <em>here</em></h2><p>One <strong>bold</strong> and <i>it</i>al<b></b>ic, <del>gone</del>.</p><h3>C# #</h3>"),
        "## Title *here*\n\nOne **bold** and <em>it</em>alic, ~~gone~~.\n\n### C\\# \\#"
    );
}

#[test]
fn links_images_and_captions() {
    assert_eq!(
        md(r#"<p>See <a href="https://e.org/a_(b)" title="T">the <b>story</b></a>.</p><figure><img src="https://e.org/i.jpg" alt="A [cat]"><figcaption>The cat, <em>asleep</em></figcaption></figure>"#),
        "See [the **story**](<https://e.org/a_(b)> \"T\").\n\n![A \\[cat\\]](https://e.org/i.jpg)\n\n*The cat, asleep*"
    );
}

#[test]
fn lists_nest_and_number_from_their_start() {
    assert_eq!(
        md("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ul><li>d</li></ul><ol start=3><li>x<li>y</ol>"),
        "- a\n  - b\n- c\n\n* d\n\n3. x\n4. y"
    );
    assert_eq!(
        md("<ol><li><p>one</p><p>more</p></li><li>two</li></ol>"),
        "1. one\n\n   more\n\n2. two"
    );
}

#[test]
fn quotes_code_and_breaks() {
    assert_eq!(
        md("<blockquote><p>Said <br>this</p><p>and that</p></blockquote>"),
        "> Said\\\n> this\n>\n> and that"
    );
    assert_eq!(
        md("<pre class=\"language-rust\"><code>fn main() {\n    let a = \"```\";\n}\n</code></pre><p>Use <code>a`b</code> and <kbd>Ctrl</kbd>.</p>"),
        "````rust\nfn main() {\n    let a = \"```\";\n}\n````\n\nUse ``a`b`` and `Ctrl`."
    );
    assert_eq!(
        md("<p>E = mc<sup>2</sup>, H<sub>2</sub>O<sup></sup></p>"),
        "E = mc<sup>2</sup>, H<sub>2</sub>O"
    );
}

#[test]
fn tables_are_gfm_or_html() {
    assert_eq!(
        md("<table><tr><th>a|b</th><th>c</th></tr><tr><td><p>1<br>2</p></td></tr></table>"),
        "| a\\|b | c |\n| --- | --- |\n| 1<br>2 |  |"
    );
    let merged = md("<table><tr><td colspan=2>wide &amp; <b>bold</b></td></tr><tr><td>x</td><td><ul><li>y</li></ul></td></tr></table>");
    assert!(
        merged.starts_with("<table><tr><td colspan=\"2\">wide &amp; <b>bold</b></td></tr>\n"),
        "{merged}"
    );
    assert!(
        !merged.contains("\n\n"),
        "an HTML block must not hold a blank line: {merged}"
    );
}

#[test]
fn hostile_text_stays_literal() {
    let hostile = r#"<p>*not em* _not em_ [not](a link) `not code` | pipe</p><p># not a heading</p><p>1. not a list</p><p>&gt; not a quote</p><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; \</p><p>- not an item</p><p>+ nor this</p><p>***</p><p>=====</p>"#;
    let out = md(hostile);
    round_trip(hostile).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let events: Vec<Event> = Parser::new_ext(
        &out,
        MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH,
    )
    .collect();
    let markup = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(
                Tag::Emphasis
                    | Tag::Strong
                    | Tag::Link { .. }
                    | Tag::Heading { .. }
                    | Tag::List(_)
                    | Tag::BlockQuote(_)
            ) | Event::Code(_)
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Rule
        )
    });
    assert!(!markup, "hostile text became markup:\n{out}\n{events:?}");
}

#[test]
fn deep_nesting_and_broken_markup_give_a_safe_result() {
    let deep = format!(
        "<p>{}deep{}</p>",
        "<span><b>".repeat(50_000),
        "</b></span>".repeat(50_000)
    );
    assert_eq!(md(&deep), "**deep**");
    let lists = format!("{}x", "<ul><li>".repeat(20_000));
    assert!(md(&lists).contains('x'));
    assert_eq!(
        md("<p>cut <a href=\"https://e.org\">off"),
        "cut [off](https://e.org)"
    );
    assert_eq!(md(""), "");
}

#[test]
fn the_document_has_front_matter_title_and_byline() {
    let r = plainpage::read_markdown(
        &common::seed(),
        &plainpage::Options::with_url("https://www.inkl.com/news/x"),
        true,
    )
    .expect("reads the seed");
    assert!(
        r.markdown
            .starts_with("---\ntitle: \"Russia continues to reject"),
        "{}",
        &r.markdown[..200]
    );
    assert!(
        r.markdown
            .contains("\nlanguage: \"en\"\n---\n\n# Russia continues"),
        "{}",
        &r.markdown[..400]
    );
    assert_eq!(
        r.file_name,
        "Russia continues to reject an unconditional ceasefire says Ukraine after peace.md"
    );
    for para in common::expected_paragraphs() {
        let first = para
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(r.markdown.contains(&first), "missing {first:?}");
    }
    let plain = plainpage::read_markdown(&common::seed(), &plainpage::Options::default(), false)
        .expect("reads");
    assert!(plain.markdown.starts_with("# Russia continues"));
}

/// Every page of both corpora: read it, write its Markdown, parse that back.
#[test]
fn every_corpus_page_round_trips() {
    let shared = common::shared();
    let mut pages: Vec<(String, Vec<u8>, String)> = Vec::new();
    let readability = shared.join("corpus/readability");
    let mut dirs: Vec<_> = std::fs::read_dir(&readability)
        .expect("readability corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = format!(
            "readability/{}",
            dir.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let html = std::fs::read(dir.join("source.html")).expect("source.html");
        pages.push((name, html, "http://fakehost/test/page.html".to_owned()));
    }
    let truth = plainpage::eval::wcxb_truth(&shared).expect("WCXB truth");
    for (id, entry) in &truth {
        let path = shared.join(format!("corpus/wcxb/pages/{id}.html.gz"));
        let html = plainpage::eval::clean::read_page(&path).expect("WCXB page");
        let url = entry
            .get("url")
            .and_then(|u| u.as_str())
            .unwrap_or("")
            .to_owned();
        pages.push((format!("wcxb/{id}"), html, url));
    }
    assert_eq!(pages.len(), 112 + 1032, "both corpora");
    let failures: Vec<String> = pages
        .par_iter()
        .filter_map(|(name, html, url)| {
            let article = plainpage::read(html, &plainpage::Options::with_url(url.clone()))
                .ok()?
                .article;
            round_trip(&article.content)
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} pages do not round-trip; the first:\n{}",
        failures.len(),
        pages.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
