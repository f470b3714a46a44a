//! Render: wraps sanitized article HTML in a reader document with its header. Page-supplied
//! metadata is escaped here; the content arrives sanitized.

use super::Article;
use crate::text::escape_html;

/// The reader stylesheet for the standalone document (the extension brings its own).
const STYLE: &str = "body{margin:0;background:#fbfbf8;color:#1b1b1b;font:1.125rem/1.6 Georgia,serif}\
article{max-width:38em;margin:0 auto;padding:2rem 1.25rem}\
header .site{font:600 .85rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#666}\
h1{font-size:2rem;line-height:1.2;margin:.3em 0}\
header .byline{font:.9rem system-ui,sans-serif;color:#555}\
img{max-width:100%;height:auto}figure{margin:1.5em 0}figcaption{font-size:.85em;color:#555}\
pre{overflow:auto;background:#f0f0ec;padding:.75em}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}\
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25em .5em}\
@media (prefers-color-scheme:dark){body{background:#1c1b1a;color:#e6e3dc}a{color:#9cc4ff}}\
@media print{body{background:#fff;color:#000}}";

/// A second wall behind the sanitizer: the reader document can run no script and load
/// nothing but images.
const CSP: &str = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";

/// The reader header's line under the title: byline, date and reading time.
pub fn byline_line(article: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(b) = &article.metadata.byline {
        parts.push(escape_html(b));
    }
    if let Some(p) = &article.metadata.published {
        parts.push(escape_html(p.get(..10).unwrap_or(p)));
    }
    parts.push(format!("{} min read", article.reading_minutes));
    parts.join(" · ")
}

/// The complete reader document.
pub fn render(article: &Article) -> String {
    let m = &article.metadata;
    let lang = m.lang.as_deref().map(escape_html).unwrap_or_default();
    let dir = match m.dir.as_deref() {
        Some("rtl") => "rtl",
        _ => "ltr",
    };
    let title = m.title.as_deref().map(escape_html).unwrap_or_default();
    let site = m
        .site_name
        .as_deref()
        .map(|s| format!("<p class=\"site\">{}</p>", escape_html(s)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><style>{STYLE}</style></head>\n<body><article>\
<header>{site}<h1>{title}</h1><p class=\"byline\">{byline}</p></header>\n\
<div class=\"content\">{content}</div></article></body></html>\n",
        byline = byline_line(article),
        content = article.content,
    )
}
