//! PlainPage: strips paywall chrome from news pages and renders a clean reader view.
//!
//! The pipeline, as in DESIGN.md: [`survey`] (one read-only lol_html pass) → [`judge`] (pure
//! Rust over the survey) → [`strip`] (clean mode) or [`reader`] (read mode).

// No unsafe code of our own. The wasm boundary's glue, which wasm-bindgen's macros write, is the
// one place allowed it (so the wasm build denies rather than forbids).
#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]
#![cfg_attr(target_arch = "wasm32", deny(unsafe_code))]
#![warn(missing_docs)]

pub mod category;
pub mod clock;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod input;
pub mod judge;
pub mod markdown;
pub mod options;
mod ordinals;
pub mod reader;
pub mod rules;
mod sink;
pub mod strip;
pub mod survey;
pub mod text;
pub mod tuning;
mod urls;
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
pub mod wasm;

pub use category::Category;
pub use error::Error;
pub use input::Input;
pub use judge::{Removal, Verdict};
pub use options::Options;
pub use reader::Article;

use clock::timed;
use serde::Serialize;

/// Milliseconds each pass took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timings {
    /// The survey pass, with the filter-list rule pass.
    pub survey: f64,
    /// Judging the survey.
    pub judge: f64,
    /// The strip pass (clean) or extract + sanitize + render (read); 0 for analyze.
    pub output: f64,
}

/// A verdict and how long it took.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The judge's decision about the page.
    pub verdict: Verdict,
    /// How long each pass took.
    pub timings: Timings,
}

/// A cleaned page.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The page with chrome removed, in its own encoding.
    pub html: Vec<u8>,
    /// The verdict whose removals were applied.
    pub verdict: Verdict,
    /// How long each pass took.
    pub timings: Timings,
}

/// A reader view.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reader {
    /// The extracted article: its metadata, sanitized content and text.
    pub article: Article,
    /// The complete reader document.
    pub document: String,
    /// How long each pass took.
    pub timings: Timings,
}

fn prepare<'a>(html: &'a [u8], options: &Options) -> Result<Input<'a>, Error> {
    Input::new(html, options.encoding.as_deref())
}

fn survey_and_judge(
    input: &Input<'_>,
    options: &Options,
) -> Result<(survey::Survey, Verdict, Timings), Error> {
    let host = options.host();
    let rules = options.rules.as_deref();
    let (survey, survey_ms) = timed(|| survey::survey_with_rules(input, rules, host.as_deref()));
    let survey = survey?;
    let (verdict, judge_ms) = timed(|| judge::judge(&survey, options));
    Ok((
        survey,
        verdict,
        Timings {
            survey: survey_ms,
            judge: judge_ms,
            output: 0.0,
        },
    ))
}

/// Surveys and judges a page: what is article, what is chrome, and why.
pub fn analyze(html: &[u8], options: &Options) -> Result<Analysis, Error> {
    let input = prepare(html, options)?;
    let (_, verdict, timings) = survey_and_judge(&input, options)?;
    Ok(Analysis { verdict, timings })
}

/// How the judge saw the page, for a person reading why a block went or stayed: one line per
/// element with any evidence against it (its points, category, the rule that keeps it, its
/// facts in words), each marked `removed` or `kept`.
pub fn explain(html: &[u8], options: &Options) -> Result<String, Error> {
    let input = prepare(html, options)?;
    let (survey, verdict, _) = survey_and_judge(&input, options)?;
    // Every element with evidence, and every removal (a rail's heading goes with its rail on no
    // evidence of its own).
    let mut ordinals: Vec<u32> = judge::explain(&survey, options, None)
        .into_iter()
        .map(|(o, _)| o)
        .chain(verdict.removals.iter().map(|r| r.ordinal))
        .collect();
    ordinals.sort_unstable();
    ordinals.dedup();
    let removal = |o: u32| {
        verdict.removals.iter().find(|r| {
            r.ordinal == o
                || (r.ordinal < o && survey.row(r.ordinal).is_some_and(|row| o < row.end))
        })
    };
    let mut out = String::new();
    for (ordinal, line) in judge::explain(&survey, options, Some(&ordinals)) {
        let mark = match removal(ordinal) {
            Some(r) if r.ordinal == ordinal => format!("removed ({}: {})", r.category, r.reason),
            Some(r) => format!("inside #{}", r.ordinal),
            None => "kept".to_owned(),
        };
        out.push_str(&format!("{mark} {line}\n"));
    }
    Ok(out)
}

/// Judges a fragment: a subtree added to a page after it was analyzed (late-arriving prompts).
/// Ordinals count from the fragment's first element; no article is looked for inside it, and
/// prose in it is protected as always.
pub fn analyze_fragment(html: &[u8], options: &Options) -> Result<Analysis, Error> {
    let input = prepare(html, options)?;
    let host = options.host();
    let (survey, survey_ms) =
        timed(|| survey::survey_with_rules(&input, options.rules.as_deref(), host.as_deref()));
    let survey = survey?;
    let (verdict, judge_ms) = timed(|| judge::judge_fragment(&survey, options));
    Ok(Analysis {
        verdict,
        timings: Timings {
            survey: survey_ms,
            judge: judge_ms,
            output: 0.0,
        },
    })
}

/// Removes chrome from a page, leaving everything else byte for byte.
pub fn clean(html: &[u8], options: &Options) -> Result<Cleaned, Error> {
    let input = prepare(html, options)?;
    let (_, verdict, mut timings) = survey_and_judge(&input, options)?;
    let (html, ms) = timed(|| strip::strip(&input, &verdict));
    timings.output = ms;
    Ok(Cleaned {
        html: html?,
        verdict,
        timings,
    })
}

/// Extracts the article into a sanitized reader document.
pub fn read(html: &[u8], options: &Options) -> Result<Reader, Error> {
    let (article, timings) = read_article(html, options)?;
    let document = reader::render::render(&article);
    Ok(Reader {
        article,
        document,
        timings,
    })
}

/// An article as Markdown, with the name to save it under.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Markdown {
    /// The Markdown document (front matter when asked for, title, byline line, content).
    pub markdown: String,
    /// A file name made from the title, ending `.md`.
    pub file_name: String,
    /// How long each pass took; `output` includes writing the Markdown.
    pub timings: Timings,
}

/// Extracts the article as [`read`] does and writes it as Markdown, from the sanitized article
/// the reader renders; YAML front matter first when `front_matter`.
pub fn read_markdown(
    html: &[u8],
    options: &Options,
    front_matter: bool,
) -> Result<Markdown, Error> {
    let (article, mut timings) = read_article(html, options)?;
    let page_url = options.page_url()?.map(|u| u.to_string());
    let (markdown, ms) = timed(|| markdown::document(&article, page_url.as_deref(), front_matter));
    timings.output += ms;
    Ok(Markdown {
        markdown: markdown?,
        file_name: markdown::file_name(article.metadata.title.as_deref()),
        timings,
    })
}

/// The reader's article and the time each pass took.
fn read_article(html: &[u8], options: &Options) -> Result<(Article, Timings), Error> {
    let page_url = options.page_url()?;
    let input = prepare(html, options)?;
    let (survey, verdict, mut timings) = survey_and_judge(&input, options)?;
    // The extract pass must read the page in the encoding the survey found declared.
    let input = match (&survey.meta.charset, input.sniff_meta_charset) {
        (Some(label), true) => Input::new(html, Some(label)).unwrap_or(input),
        _ => input,
    };
    let (article, ms) = timed(|| reader::read(&input, &survey, &verdict, page_url.as_ref()));
    timings.output = ms;
    Ok((article?, timings))
}
