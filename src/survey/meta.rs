//! Page metadata from `<meta>`, `<link>`, `<html>`, `<base>`, `<time>` and JSON-LD.

use super::page_meta::{LdArticle, PageMeta};
use crate::text::{decode_entities, fold_whitespace};
use serde_json::Value;

/// Longest JSON-LD script the survey buffers; larger ones are skipped (they are catalogues,
/// not article descriptions, and buffering them would make memory grow with page size).
pub const MAX_JSON_LD: usize = 512 * 1024;

fn set_once(slot: &mut Option<String>, value: &str) {
    let value = fold_whitespace(&decode_entities(value));
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

impl PageMeta {
    /// Records what a `<meta>` element says, given its `name`/`property`/`itemprop` and `content`.
    pub fn on_meta(&mut self, key: &str, content: &str) {
        let key = key.to_ascii_lowercase();
        for key in key.split_whitespace() {
            let slot = match key {
                "og:title" | "twitter:title" | "dc.title" => &mut self.og_title,
                "og:site_name" | "application-name" => &mut self.site_name,
                "author" | "article:author" | "parsely-author" | "dc.creator" | "byl"
                | "sailthru.author" => &mut self.author,
                "description" | "og:description" | "twitter:description" | "dc.description" => {
                    &mut self.description
                }
                "og:image" | "twitter:image" | "og:image:url" => &mut self.image,
                "article:published_time"
                | "parsely-pub-date"
                | "datepublished"
                | "dc.date.issued"
                | "date"
                | "pubdate"
                | "sailthru.date"
                | "published"
                | "publish-date"
                | "publish_date"
                | "published-date"
                | "publication_date"
                | "citation_publication_date"
                | "dc.date" => &mut self.published,
                "article:modified_time"
                | "og:updated_time"
                | "datemodified"
                | "dc.date.modified" => &mut self.modified,
                _ => continue,
            };
            // `article:author` is often a profile URL; a name is more useful to a reader.
            if key == "article:author" && content.starts_with("http") {
                continue;
            }
            set_once(slot, content);
        }
    }

    /// Records `<meta charset>` or the charset of a `Content-Type` `http-equiv`.
    pub fn on_charset(&mut self, label: &str) {
        set_once(
            &mut self.charset,
            label.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace()),
        );
    }

    /// Records `<html lang dir>`.
    pub fn on_html(&mut self, lang: Option<String>, dir: Option<String>) {
        if let Some(lang) = lang {
            set_once(&mut self.lang, &lang);
        }
        if let Some(dir) = dir {
            set_once(&mut self.dir, &dir.to_ascii_lowercase());
        }
    }

    /// Records `<link rel=canonical>`.
    pub fn on_canonical(&mut self, href: &str) {
        set_once(&mut self.canonical, href);
    }

    /// Records `<base href>` (the first one wins, as in browsers).
    pub fn on_base(&mut self, href: &str) {
        set_once(&mut self.base, href);
    }

    /// Records the first `<time datetime>`.
    pub fn on_time(&mut self, datetime: &str) {
        set_once(&mut self.time, datetime);
    }

    /// Records the `<title>` text.
    pub fn on_title(&mut self, text: &str) {
        set_once(&mut self.title, text);
    }

    /// Parses one JSON-LD script and keeps the first Article-like object's fields.
    pub fn on_json_ld(&mut self, raw: &str) {
        let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
            return;
        };
        if self.ld.headline.is_none() {
            if let Some(article) = find_article(&value, 0) {
                self.ld = LdArticle {
                    graph_published: self.ld.graph_published.take(),
                    graph_modified: self.ld.graph_modified.take(),
                    ..read_article(article)
                };
            }
        }
        // A page whose article object carries no date often dates its `WebPage` or its graph's
        // other nodes: the first such date stands in (kept apart: shops and pricing pages date
        // their `WebPage` too, so it says nothing about the page being a story).
        for (slot, key) in [
            (&mut self.ld.graph_published, "datePublished"),
            (&mut self.ld.graph_modified, "dateModified"),
        ] {
            if slot.is_none() {
                *slot = find_string(&value, key, 0);
            }
        }
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "WebPage",
];

fn is_article(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// Depth-limited search (JSON-LD nests a few levels; a hostile page may nest thousands).
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Object(map) => {
            if is_article(v) && v.get("@type").and_then(Value::as_str) != Some("WebPage") {
                return Some(v);
            }
            if let Some(graph) = map.get("@graph") {
                if let Some(found) = find_article(graph, depth + 1) {
                    return Some(found);
                }
            }
            map.get("mainEntity")
                .and_then(|m| find_article(m, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        _ => None,
    }
}

/// The first string under `key` anywhere in the value (depth-limited, as `find_article`).
fn find_string(v: &Value, key: &str, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Object(map) => map
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| map.values().find_map(|c| find_string(c, key, depth + 1))),
        Value::Array(items) => items.iter().find_map(|i| find_string(i, key, depth + 1)),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("name").and_then(name_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// The names of an article's authors, written as a person would
/// ("A and B", "A, B, and C").
fn people(v: &Value) -> Option<String> {
    fn collect(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Object(m) => {
                if let Some(n) = m.get("name").and_then(Value::as_str) {
                    out.push(n.to_owned());
                }
            }
            Value::Array(items) => items.iter().take(20).for_each(|i| collect(i, out)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    collect(v, &mut names);
    names.retain(|n| !n.trim().is_empty());
    names.dedup();
    match names.len() {
        0 => None,
        1 => names.pop(),
        2 => Some(format!("{} and {}", names[0], names[1])),
        n => Some(format!(
            "{}, and {}",
            names[..n - 1].join(", "),
            names[n - 1]
        )),
    }
}

fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("url").and_then(url_of),
        Value::Array(items) => items.iter().find_map(url_of),
        _ => None,
    }
}

fn read_article(v: &Value) -> LdArticle {
    let text = |key: &str| {
        v.get(key)
            .and_then(name_of)
            .map(|s| fold_whitespace(&decode_entities(&s)))
            .filter(|s| !s.is_empty())
    };
    LdArticle {
        headline: text("headline").or_else(|| text("name")),
        author: v
            .get("author")
            .and_then(people)
            .map(|s| fold_whitespace(&decode_entities(&s)))
            .filter(|s| !s.is_empty()),
        publisher: text("publisher"),
        published: text("datePublished"),
        modified: text("dateModified"),
        graph_published: None,
        graph_modified: None,
        description: text("description"),
        image: v.get("image").and_then(url_of),
        section: text("articleSection"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_news_article_from_graph() {
        let mut meta = PageMeta::default();
        meta.on_json_ld(
            r#"{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"H",
            "author":[{"@type":"Person","name":"A B"}],"publisher":{"name":"P"},
            "datePublished":"2025-01-01","dateModified":"2025-03-04","image":["https://i/x.jpg"]}]}"#,
        );
        assert_eq!(meta.ld.modified.as_deref(), Some("2025-03-04"));
        assert_eq!(meta.ld.headline.as_deref(), Some("H"));
        assert_eq!(meta.ld.author.as_deref(), Some("A B"));
        assert_eq!(meta.ld.publisher.as_deref(), Some("P"));
        assert_eq!(meta.ld.image.as_deref(), Some("https://i/x.jpg"));
    }

    #[test]
    fn keeps_published_and_modified_times_apart() {
        let mut meta = PageMeta::default();
        meta.on_meta("article:published_time", "2025-01-01T10:00:00Z");
        meta.on_meta("article:modified_time", "2025-02-02T10:00:00Z");
        assert_eq!(meta.published.as_deref(), Some("2025-01-01T10:00:00Z"));
        assert_eq!(meta.modified.as_deref(), Some("2025-02-02T10:00:00Z"));
    }

    #[test]
    fn bad_json_is_ignored() {
        let mut meta = PageMeta::default();
        meta.on_json_ld("{not json");
        assert_eq!(meta.ld, LdArticle::default());
    }
}
