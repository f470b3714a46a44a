//! The judge: pure functions over a [`Survey`] that decide what is article and what is chrome.
//!
//! It reads as the algorithm: find the article, protect it, classify chrome around and inside
//! it, and gather metadata. No lol_html here: everything comes from the survey's rows.

mod article;
mod chrome;
pub(crate) mod dates;
mod evidence;
mod metadata;
mod protect;
pub mod verdict;

pub use article::ArticleBlocks;
pub use verdict::{Conflict, Metadata, Removal, Verdict};

use crate::options::Options;
use crate::survey::Survey;

/// Judges a surveyed page.
pub fn judge(survey: &Survey, options: &Options) -> Verdict {
    judge_page(survey, options, article::find(survey), None)
}

/// Judges a fragment of a page already judged (a subtree a script added later): no article is
/// looked for inside it, but prose is protected as always.
pub fn judge_fragment(survey: &Survey, options: &Options) -> Verdict {
    // Late-arriving prompts are judged as on the article page they were added to.
    let mut verdict = judge_page(survey, options, ArticleBlocks::default(), Some(true));
    verdict.metadata = Metadata::default();
    verdict
}

/// `has_article` overrides whether the page counts as an article page (fragments).
fn judge_page(
    survey: &Survey,
    options: &Options,
    article: ArticleBlocks,
    has_article: Option<bool>,
) -> Verdict {
    let protected = protect::Protection::new(survey, &article);
    let metadata = metadata::gather(survey, &article);
    // A fragment is judged as part of the article page it was added to.
    let kind = match has_article {
        Some(article) => chrome::PageKind {
            article,
            dated: article,
            post: article,
        },
        None => page_kind(survey, options, &protected, &article),
    };
    let has_article = kind.article;
    let chrome = chrome::classify(survey, &protected, options, article.root, kind);
    Verdict {
        elements: survey.rows.len() as u32,
        fingerprint: crate::ordinals::fingerprint(survey.rows.iter().map(|r| &*r.tag)),
        article: article.root,
        article_blocks: article.blocks,
        readerable: has_article,
        unlock_scroll: chrome.unlock_scroll
            || options
                .rules
                .as_ref()
                .is_some_and(|r| r.unlocks_scroll(options.host().as_deref())),
        removals: chrome.removals,
        conflicts: chrome.conflicts,
        metadata,
    }
}

/// What kind of page this is, for the chrome: an article page, and a dated one.
fn page_kind(
    survey: &Survey,
    options: &Options,
    protected: &protect::Protection,
    article: &ArticleBlocks,
) -> chrome::PageKind {
    // (A URL that does not parse is no address to read.)
    let url = options.page_url().ok().flatten();
    let dated = metadata::article_dated(survey, article);
    chrome::PageKind {
        article: protected.article_prose(article) >= crate::tuning::ARTICLE_MIN_PROSE,
        dated,
        post: dated || metadata::declares_post(survey, url.as_ref()),
    }
}

/// How the judge sees blocks of a page, one line each, with the shield that keeps a block: the
/// given ordinals, or every element with evidence against it (`analyze --explain`, `eval --clean
/// --pages`).
pub fn explain(survey: &Survey, options: &Options, only: Option<&[u32]>) -> Vec<(u32, String)> {
    let article = article::find(survey);
    let protected = protect::Protection::new(survey, &article);
    let kind = page_kind(survey, options, &protected, &article);
    chrome::explain(survey, article.root, kind, only)
        .into_iter()
        .map(|(o, line)| {
            let shield = protected
                .shield(o)
                .map(|s| format!(" | shielded: {s}"))
                .unwrap_or_default();
            (o, format!("{line}{shield}"))
        })
        .collect()
}
