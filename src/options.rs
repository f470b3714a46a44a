//! Options for the three entry points, as they arrive from the CLI, JSON or JavaScript.

use crate::category::Category;
use crate::error::Error;
use crate::rules::filter::RuleSet;
use serde::Deserialize;
use std::sync::Arc;

/// What the caller tells the engine. Unknown keys are an error, so a typo is never ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// The page's URL, for resolving relative links in reader view.
    pub url: Option<String>,
    /// An encoding label that overrides `<meta charset>` (e.g. from an HTTP header).
    pub encoding: Option<String>,
    /// Categories to remove; `None` means all of them.
    pub categories: Option<Vec<Category>>,
    /// Compiled filter lists (set by the CLI's `--rules` or the wasm `compileRules`).
    #[serde(skip)]
    pub rules: Option<Arc<RuleSet>>,
}

impl Options {
    /// Options with a page URL.
    pub fn with_url(url: impl Into<String>) -> Options {
        Options {
            url: Some(url.into()),
            ..Options::default()
        }
    }

    /// Whether blocks of this category are removed.
    pub fn category_enabled(&self, category: Category) -> bool {
        self.categories
            .as_ref()
            .is_none_or(|enabled| enabled.contains(&category))
    }

    /// The page's host name, for domain-scoped rules.
    pub fn host(&self) -> Option<String> {
        self.page_url()
            .ok()
            .flatten()
            .and_then(|u| u.host_str().map(str::to_owned))
    }

    /// The page URL, parsed; an error names the bad value.
    pub fn page_url(&self) -> Result<Option<url::Url>, Error> {
        match &self.url {
            None => Ok(None),
            Some(u) if u.trim().is_empty() => Ok(None),
            Some(u) => url::Url::parse(&crate::urls::fold_host(u.trim()))
                .map(Some)
                .map_err(|_| Error::BadUrl(u.clone())),
        }
    }
}
