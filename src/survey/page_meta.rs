//! What a page says about itself, as the survey gathers it: head tags, the first JSON-LD
//! article, the first `<time>` (the judge fills in what it infers later).

use serde::Serialize;

/// Page metadata gathered during the survey pass, before judge fills in what it infers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageMeta {
    /// `<title>` text.
    pub title: Option<String>,
    /// `og:title` / `twitter:title`.
    pub og_title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `<meta name=author>`, `article:author`, `parsely-author` or `dc.creator`.
    pub author: Option<String>,
    /// `description` / `og:description`.
    pub description: Option<String>,
    /// `og:image` / `twitter:image`.
    pub image: Option<String>,
    /// `article:published_time` and friends.
    pub published: Option<String>,
    /// `article:modified_time`, `og:updated_time`: when the article was last updated.
    pub modified: Option<String>,
    /// The first `<time datetime>` in the body.
    pub time: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// `<html dir>`.
    pub dir: Option<String>,
    /// `<link rel=canonical>`.
    pub canonical: Option<String>,
    /// `<base href>`.
    pub base: Option<String>,
    /// The declared character encoding (`<meta charset>`).
    pub charset: Option<String>,
    /// The first JSON-LD Article-like object's fields.
    pub ld: LdArticle,
}

/// What a JSON-LD `Article`/`NewsArticle`/`BlogPosting` says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LdArticle {
    /// `headline` (or `name`).
    pub headline: Option<String>,
    /// `author`: its names, written as a person would ("A and B", "A, B, and C").
    pub author: Option<String>,
    /// `publisher` (its `name`).
    pub publisher: Option<String>,
    /// `datePublished`.
    pub published: Option<String>,
    /// `dateModified`.
    pub modified: Option<String>,
    /// The first `datePublished` of any node of the page's JSON-LD (a `WebPage`).
    pub graph_published: Option<String>,
    /// The first `dateModified` of any node of the page's JSON-LD.
    pub graph_modified: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `image` (its `url`, or the first of several).
    pub image: Option<String>,
    /// `articleSection`.
    pub section: Option<String>,
}
