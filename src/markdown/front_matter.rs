//! The YAML front matter note-taking apps read: title, byline, site, date, URL and language,
//! every value a double-quoted YAML string so no page text can end the block or add a key.

use crate::reader::Article;

/// The front matter block, `---` to `---` and a blank line; keys without a value are left out.
pub fn front_matter(article: &Article, page_url: Option<&str>) -> String {
    let m = &article.metadata;
    let url = m.canonical.as_deref().or(page_url);
    let fields = [
        ("title", m.title.as_deref()),
        ("byline", m.byline.as_deref()),
        ("site", m.site_name.as_deref()),
        ("date", m.published.as_deref()),
        ("url", url),
        ("language", m.lang.as_deref()),
    ];
    let mut out = String::from("---\n");
    for (key, value) in fields {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            out.push_str(&format!("{key}: {}\n", quoted(v)));
        }
    }
    out.push_str("---\n\n");
    out
}

/// A YAML double-quoted scalar: `"` and `\` escaped, control characters as `\n`, `\t` or
/// `\uXXXX` (YAML reads escapes in double quotes only).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn values_cannot_break_out_of_their_string() {
        assert_eq!(quoted("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(quoted("x\n---\ny: 1"), r#""x\n---\ny: 1""#);
        assert_eq!(quoted("\u{7}"), r#""\u0007""#);
    }
}
