//! Markdown out: the article the reader renders, written as CommonMark with GitHub's tables and
//! strikethrough, from the sanitized reader HTML (never from the page's own markup).

mod blocks;
mod front_matter;
mod inline;
mod table;
mod tree;

use crate::error::Error;
use crate::reader::Article;

pub use front_matter::front_matter;

/// The article's content (sanitized reader HTML) as Markdown blocks separated by blank lines.
pub fn from_html(content: &str) -> Result<String, Error> {
    let tree = tree::build(content)?;
    Ok(blocks::join(&blocks::children(
        &tree,
        0,
        inline::Place::Paragraph,
    )))
}

/// The whole Markdown document: front matter when asked for, the title as a level-1 heading,
/// the byline and date as the reader's header shows them, then the content.
pub fn document(
    article: &Article,
    page_url: Option<&str>,
    with_front_matter: bool,
) -> Result<String, Error> {
    let mut out = String::new();
    if with_front_matter {
        out.push_str(&front_matter(article, page_url));
    }
    let m = &article.metadata;
    if let Some(title) = m.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let mut heading = inline::Inline::new(inline::Place::Heading);
        heading.text(title);
        out.push_str(&format!("# {}\n\n", heading.finish()));
    }
    let header: Vec<&str> = [
        m.byline.as_deref(),
        m.published.as_deref().map(|p| p.get(..10).unwrap_or(p)),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    if !header.is_empty() {
        let mut line = inline::Inline::new(inline::Place::Paragraph);
        line.open("*");
        line.text(&header.join(" · "));
        line.close();
        out.push_str(&line.finish());
        out.push_str("\n\n");
    }
    let body = from_html(&article.content)?;
    out.push_str(&body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// A file name for the article: its title with what file systems refuse taken out, `.md`.
pub fn file_name(title: Option<&str>) -> String {
    let mut name = String::new();
    let mut gap = false;
    for c in title.unwrap_or("").chars() {
        let refused =
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
        if refused || c.is_whitespace() {
            gap = !name.is_empty();
        } else {
            if gap {
                name.push(' ');
                gap = false;
            }
            name.push(c);
        }
        if name.chars().count() >= crate::tuning::FILE_NAME_MAX_CHARS {
            // Cut at the last whole word.
            if let Some(space) = name.rfind(' ') {
                name.truncate(space);
            }
            break;
        }
    }
    let name = name.trim_matches(['.', ' ']).to_owned();
    if name.is_empty() {
        "article.md".to_owned()
    } else {
        format!("{name}.md")
    }
}
