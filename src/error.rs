//! The engine's errors, each a sentence a person can act on.

use lol_html::errors::RewritingError;
use thiserror::Error;

/// Everything that can go wrong in the engine.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The HTML parser gave up (it does so only on memory limits or handler failures).
    #[error("the HTML parser stopped: {0}")]
    Parse(String),
    /// An encoding label was not one the Encoding Standard knows.
    #[error("`{0}` is not a known character encoding label")]
    UnknownEncoding(String),
    /// The page URL given for resolving links could not be parsed.
    #[error("`{0}` is not an absolute URL")]
    BadUrl(String),
    /// An option had a value the engine cannot use.
    #[error("invalid option: {0}")]
    BadOption(String),
    /// A filter-list rule could not be compiled.
    #[error("rule on line {line} is not supported: {why}")]
    Rule {
        /// The rule's line number in its list (1-based).
        line: usize,
        /// What in the rule cannot be compiled.
        why: String,
    },
    /// A broken invariant inside the engine; a bug, reported instead of panicking.
    #[error("internal error: {0} (please report this page)")]
    Internal(&'static str),
}

impl Error {
    pub(crate) fn from_rewriting(e: RewritingError) -> Error {
        Error::Parse(e.to_string())
    }
}
