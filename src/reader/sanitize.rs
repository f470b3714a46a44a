//! The sanitizer: the last step before reader HTML leaves the engine. An allowlist of tags and
//! attributes; everything that can run script, load a frame, submit a form or style the page
//! is removed, and every URL must be http(s), mailto, relative, or an image `data:` URL.

use crate::error::Error;
use crate::sink::Sink;
use crate::text::{decode_entities, escape_html};
use lol_html::html_content::{ContentType, Element, TextChunk, TextType};
use lol_html::{doc_comments, doc_text, element, HtmlRewriter, Settings};

/// Tags removed together with everything inside them.
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "svg",
    "annotation",
    "annotation-xml",
    "template",
    "noscript",
    "link",
    "meta",
    "base",
    "title",
    "head",
    "canvas",
    "audio",
    "video",
    "dialog",
    "portal",
    "fencedframe",
    "param",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "marquee",
];

/// Tags kept (with allowed attributes only). Anything else is unwrapped: its tags go, its
/// text stays. MathML is unwrapped this way too: its text survives, its namespace (a source of
/// mutation-XSS tricks) does not.
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// More attributes than this and an element's tags are dropped (its text is kept).
const MAX_ATTRIBUTES: usize = 64;

/// Attributes allowed on a tag (plus `title`, `lang`, `dir` everywhere).
fn allowed_attribute(tag: &str, name: &str) -> bool {
    matches!(name, "title" | "lang" | "dir")
        || matches!(
            (tag, name),
            ("a", "href")
                | (
                    "img",
                    "src" | "srcset" | "alt" | "width" | "height" | "sizes"
                )
                | ("source", "srcset" | "type" | "media" | "sizes")
                | ("td" | "th", "colspan" | "rowspan" | "headers" | "scope")
                | ("col" | "colgroup", "span")
                | ("ol", "start" | "reversed" | "type")
                | ("li", "value")
                | ("time", "datetime")
                | ("blockquote" | "q" | "del" | "ins", "cite")
                | ("details", "open")
        )
}

/// Where a URL appears decides which schemes it may use.
#[derive(Clone, Copy, PartialEq)]
enum UrlUse {
    Link,
    Image,
    Other,
}

/// Whether a URL may appear in reader HTML. Browsers ignore ASCII whitespace and control
/// characters inside a scheme, so those are removed before the scheme is read.
fn url_allowed(raw: &str, use_: UrlUse) -> bool {
    let decoded = decode_entities(raw);
    let compact: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = compact.to_ascii_lowercase();
    let scheme_end = lower.find([':', '/', '?', '#']);
    let scheme = match scheme_end {
        Some(at) if lower[at..].starts_with(':') => &lower[..at],
        _ => return true, // relative URL
    };
    match scheme {
        "http" | "https" => true,
        "mailto" => use_ == UrlUse::Link,
        "data" => {
            use_ == UrlUse::Image
                && [
                    "data:image/png",
                    "data:image/jpeg",
                    "data:image/gif",
                    "data:image/webp",
                    "data:image/avif",
                ]
                .iter()
                .any(|p| lower.starts_with(p))
        }
        _ => false,
    }
}

fn srcset_allowed(raw: &str) -> bool {
    decode_entities(raw)
        .split(',')
        .filter_map(|c| c.split_whitespace().next())
        .all(|u| url_allowed(u, UrlUse::Image))
}

fn clean_element(el: &mut Element<'_, '_>) {
    let tag = el.tag_name();
    if DROP_WITH_CONTENT.contains(&tag.as_str()) {
        el.remove();
        return;
    }
    if !ALLOWED.contains(&tag.as_str()) {
        el.remove_and_keep_content();
        return;
    }
    if el.attributes().len() > MAX_ATTRIBUTES {
        // No real article element has this many; removing them one by one would be quadratic.
        el.remove_and_keep_content();
        return;
    }
    let names: Vec<String> = el.attributes().iter().map(|a| a.name()).collect();
    for name in names {
        if name == "class" && matches!(tag.as_str(), "pre" | "code") {
            keep_code_language(el);
            continue;
        }
        let keep = allowed_attribute(&tag, &name)
            && el
                .get_attribute(&name)
                .is_some_and(|v| match name.as_str() {
                    "href" => url_allowed(&v, UrlUse::Link),
                    "src" => url_allowed(&v, UrlUse::Image),
                    "cite" => url_allowed(&v, UrlUse::Other),
                    "srcset" => srcset_allowed(&v),
                    _ => true,
                });
        if !keep {
            el.remove_attribute(&name);
        }
    }
    if tag == "a" && el.has_attribute("href") {
        let _ = el.set_attribute("rel", "noopener noreferrer");
    }
    if tag == "img" && !el.has_attribute("src") && !el.has_attribute("srcset") {
        el.remove();
    }
}

/// Keeps of a `<pre>`'s or `<code>`'s classes only the `language-*` one that names its code's
/// language (for syntax colouring and Markdown's fences); letters, digits and `+ # . _ -` only.
fn keep_code_language(el: &mut Element<'_, '_>) {
    let language = el.get_attribute("class").and_then(|class| {
        class
            .split_ascii_whitespace()
            .find(|c| {
                c.strip_prefix("language-").is_some_and(|l| {
                    !l.is_empty()
                        && l.len() <= 32
                        && l.chars()
                            .all(|ch| ch.is_ascii_alphanumeric() || "+#._-".contains(ch))
                })
            })
            .map(str::to_owned)
    });
    match language {
        Some(class) => {
            let _ = el.set_attribute("class", &class);
        }
        None => el.remove_attribute("class"),
    }
}

/// Sanitizes a fragment of reader HTML.
pub fn sanitize(html: &str) -> Result<String, Error> {
    let mut out = Vec::with_capacity(html.len());
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", |el| {
            clean_element(el);
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(|c| {
            c.remove();
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|t| {
            escape_stray_angle_brackets(t);
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, Sink::into(&mut out));
    rewriter
        .write(html.as_bytes())
        .map_err(Error::from_rewriting)?;
    rewriter.end().map_err(Error::from_rewriting)?;
    let mut html =
        String::from_utf8(out).map_err(|_| Error::Internal("sanitized HTML is not UTF-8"))?;
    drop_unfinished_markup(&mut html);
    Ok(html)
}

/// Writes a `<` that the parser read as text (`a<<x>b`, `1 < 2`) as `&lt;`. lol_html passes
/// text through as written; once the sanitizer removes the tag or comment after such a `<`, the
/// `<` would meet the text that followed the removed markup and open a new tag when the browser
/// parses reader view (`<<x>img src=1 onerror=…>` would become `<img src=1 onerror=…>`).
/// `&` is left alone: references stay references, and no reference can open a tag.
pub(crate) fn escape_stray_angle_brackets(t: &mut TextChunk<'_>) {
    if t.text_type() == TextType::Data && t.as_str().contains('<') {
        let escaped = t.as_str().replace('<', "&lt;");
        t.replace(&escaped, ContentType::Html);
    }
}

/// Removes a tag, comment or declaration left unfinished at the end of the input. lol_html
/// passes such a fragment through as written, and followed by the reader template's own
/// markup a browser would finish it: `<img src=x onerror=…` would gain a closing `>`.
fn drop_unfinished_markup(html: &mut String) {
    // Everything after the last `>` is text or one unfinished token; an unfinished token may
    // itself contain `<` (`<script<!`), so cut at the first markup-like `<` in that tail.
    let tail_start = html.rfind('>').map_or(0, |at| at + 1);
    let cut = html[tail_start..]
        .match_indices('<')
        .map(|(i, _)| tail_start + i)
        .find(|&at| {
            html[at + 1..]
                .chars()
                .next()
                .is_none_or(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
        });
    if let Some(at) = cut {
        html.truncate(at);
    }
}

/// Escapes page-supplied text for the reader header (title, byline…).
pub fn text(s: &str) -> String {
    escape_html(s)
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn unfinished_markup_at_the_end_is_dropped() {
        assert_eq!(
            sanitize("<p>ok</p><img src=x onerror=alert(1) ").expect("ok"),
            "<p>ok</p>"
        );
        // A `<` that is text is written as a reference, so it can never open a tag later.
        assert_eq!(
            sanitize("<p>a < b</p>x <").expect("ok"),
            "<p>a &lt; b</p>x &lt;"
        );
        assert_eq!(sanitize("<p>a < b").expect("ok"), "<p>a &lt; b");
        assert_eq!(sanitize("text <!-- open").expect("ok"), "text ");
        assert_eq!(sanitize("\u{0}<script<!").expect("ok"), "\u{0}");
    }

    #[test]
    fn removes_script_carriers_and_keeps_prose() {
        let out = sanitize(
            r#"<p onclick="x()">Hi <a href=" java&#x09;script:alert(1)">x</a><script>a()</script>
            <img src="data:image/svg+xml,<svg onload=x>" alt=a><img src="https://e/x.png" onerror="y">
            <iframe src="https://e"></iframe><svg><script>z()</script></svg><font>kept</font></p>"#,
        )
        .expect("sanitizes");
        assert!(
            !out.contains("onclick") && !out.contains("onerror"),
            "{out}"
        );
        assert!(
            !out.contains("script") && !out.contains("iframe") && !out.contains("svg"),
            "{out}"
        );
        assert!(out.contains(r#"<img src="https://e/x.png">"#), "{out}");
        assert!(out.contains("kept") && !out.contains("<font"), "{out}");
    }

    #[test]
    fn code_keeps_its_language_class_only() {
        let out = sanitize(
            r#"<pre class="x language-rust hl"><code class="language-c++ onclick=y">a</code></pre><p class="language-js">b</p><code class="language-&quot;x">c</code>"#,
        )
        .expect("sanitizes");
        assert_eq!(
            out,
            r#"<pre class="language-rust"><code class="language-c++">a</code></pre><p>b</p><code>c</code>"#
        );
    }
}
