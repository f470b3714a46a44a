//! Reader mode: extract the article blocks, sanitize them, and render a reader document.

pub mod extract;
pub mod plain_text;
pub mod plan;
pub mod render;
pub mod sanitize;

use crate::error::Error;
use crate::input::Input;
use crate::judge::{Metadata, Verdict};
use crate::survey::Survey;
use crate::tuning::WORDS_PER_MINUTE;
use serde::Serialize;

pub use extract::resolve;

/// An extracted article: metadata, sanitized content and its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// What the judge found about the article, whole (a field added to [`Metadata`] reaches
    /// the reader, the CLI and JavaScript with it), its addresses resolved against the page.
    /// Its fields sit at the top level of the JSON (`title`, `byline`, `siteName`, …).
    #[serde(flatten)]
    pub metadata: Metadata,
    /// Words in the article's text (runs of non-whitespace).
    pub word_count: usize,
    /// Estimated reading time in minutes at [`WORDS_PER_MINUTE`], rounded up; at least 1.
    pub reading_minutes: usize,
    /// Sanitized article HTML.
    pub content: String,
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
}

/// Extracts, sanitizes and measures the article the verdict found.
pub fn read(
    input: &Input<'_>,
    survey: &Survey,
    verdict: &Verdict,
    page_url: Option<&url::Url>,
) -> Result<Article, Error> {
    let plan = plan::Plan::new(survey, verdict);
    let base = match (&survey.meta.base, page_url) {
        (Some(base), Some(page)) => page.join(&crate::urls::fold_host(base)).ok(),
        (Some(base), None) => url::Url::parse(&crate::urls::fold_host(base)).ok(),
        (None, page) => page.cloned(),
    };
    let raw = extract::extract(input, &plan, base.as_ref())?;
    let content = sanitize::sanitize(&raw)?;
    let text = plain_text::reading_text(&content)?;
    let word_count = text.split_whitespace().count();
    let mut metadata = verdict.metadata.clone();
    for address in [&mut metadata.lead_image, &mut metadata.canonical] {
        *address = address.as_deref().map(|u| resolve(u, base.as_ref()));
    }
    Ok(Article {
        metadata,
        word_count,
        reading_minutes: word_count.div_ceil(WORDS_PER_MINUTE as usize).max(1),
        content,
        text,
    })
}
