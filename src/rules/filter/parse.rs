//! Parsing filter-list lines: comments, element-hiding rules, exceptions and what is skipped.

use super::domain::Domains;
use super::HasText;
use lol_html::Selector;
use std::fmt;

/// One line of a list and what it is.
#[derive(Debug)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line, trimmed.
    pub text: &'a str,
    /// What the line is: a comment, a hiding rule, an exception, or something skipped.
    pub kind: LineKind,
}

/// What a line is.
#[derive(Debug)]
pub enum LineKind {
    /// Blank lines, `!` comments and `[Adblock Plus …]` headers.
    Comment,
    /// Out of scope by design.
    Skipped(Skip),
    /// An element-hiding rule PlainPage cannot honour, and why.
    Unsupported(Why),
    /// `#@#`: cancels hiding rules with the same selector.
    Exception {
        /// The sites where the exception holds.
        domains: Domains,
        /// The selector whose hiding rules it cancels, as written.
        selector: String,
    },
    /// `html`/`body` `:style(overflow: …)`: the site locks scrolling; a signal, nothing else.
    ScrollUnlock {
        /// The sites the rule is for.
        domains: Domains,
    },
    /// A hiding rule.
    Hide {
        /// The sites the rule is limited to; generic when it names none.
        domains: Domains,
        /// The selector part as written (for exceptions and reasons).
        selector: String,
        /// What lol_html matches.
        compiled: Option<Selector>,
        /// Its `:has-text()` conditions, taken out of the selector; all must hold.
        has_text: Vec<HasText>,
        /// A single `.class` or `#id`.
        simple: Option<Simple>,
    },
}

/// Skipped by design.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// `||host^`, `@@…` and other request rules: PlainPage never blocks requests.
    Network,
    /// `##+js(…)` and other script injections: PlainPage never runs page scripts.
    Scriptlet,
}

/// A single-token selector served from a hash set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Simple {
    Class(String),
    Id(String),
}

/// Why an element-hiding rule is not supported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A procedural operator lol_html has no equivalent for.
    Procedural(String),
    /// `:style()` other than an `html`/`body` overflow reset: PlainPage does not restyle pages.
    Style,
    /// uBlock Origin's HTML filters (`##^`), which edit the response.
    HtmlFilter,
    /// A `:has-text(/regex/)` with regex features beyond plain text and `|`.
    Regex,
    /// `:has-text()` not at the end of the selector.
    HasTextInside,
    /// lol_html rejected the selector.
    Selector(String),
    /// Nothing after the separator.
    Empty,
}

impl Why {
    /// A short name for counting.
    pub fn kind(&self) -> String {
        match self {
            Why::Procedural(op) => format!("procedural {op}"),
            Why::Style => ":style()".into(),
            Why::HtmlFilter => "HTML filter ##^".into(),
            Why::Regex => ":has-text(/regex/)".into(),
            Why::HasTextInside => ":has-text() inside a selector".into(),
            Why::Selector(_) => "selector lol_html cannot match".into(),
            Why::Empty => "empty selector".into(),
        }
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Procedural(op) => write!(f, "the procedural operator {op} is not supported"),
            Why::Style => f.write_str(":style() is supported only as an html/body overflow reset"),
            Why::HtmlFilter => {
                f.write_str("HTML filters (##^) edit the response and are out of scope")
            }
            Why::Regex => f.write_str(":has-text() regexes may only be text with | alternatives"),
            Why::HasTextInside => {
                f.write_str(":has-text() is supported only at the end of a selector")
            }
            Why::Selector(e) => write!(f, "lol_html cannot match this selector ({e})"),
            Why::Empty => f.write_str("the rule has no selector"),
        }
    }
}

/// Separators, longest first so `#@#` is not read as `##`.
const SEPARATORS: &[(&str, Sep)] = &[
    ("#@$#", Sep::Snippet),
    ("#@?#", Sep::Exception),
    ("#@%#", Sep::Snippet),
    ("#@#", Sep::Exception),
    ("#$#", Sep::Snippet),
    ("#?#", Sep::Hide),
    ("#%#", Sep::Snippet),
    ("##", Sep::Hide),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sep {
    Hide,
    Exception,
    Snippet,
}

/// Procedural operators with no lol_html equivalent.
const PROCEDURAL: &[&str] = &[
    ":has(",
    ":-abp-has(",
    ":upward(",
    ":xpath(",
    ":matches-css(",
    ":matches-css-before(",
    ":matches-css-after(",
    ":min-text-length(",
    ":watch-attr(",
    ":remove-attr(",
    ":remove-class(",
    ":matches-path(",
    ":others(",
    ":if(",
    ":if-not(",
    ":nth-ancestor(",
    ":matches-attr(",
    ":matches-prop(",
    ":matches-media(",
    ":-abp-properties(",
    ":spath(",
];

/// Parses every line of a list.
pub fn parse_list(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().map(|(i, raw)| {
        let text = raw.trim();
        Line {
            number: i + 1,
            text,
            kind: classify(text),
        }
    })
}

fn split(line: &str) -> Option<(&str, Sep, &str)> {
    for (at, _) in line.match_indices('#') {
        let rest = &line[at..];
        for &(sep, kind) in SEPARATORS {
            if rest.starts_with(sep) {
                return Some((&line[..at], kind, &line[at + sep.len()..]));
            }
        }
    }
    None
}

fn classify(line: &str) -> LineKind {
    if line.is_empty() || line.starts_with('!') || line.starts_with('[') {
        return LineKind::Comment;
    }
    let Some((domains, sep, selector)) = split(line) else {
        return LineKind::Skipped(Skip::Network);
    };
    // A `#` inside a network rule's URL (e.g. `||a.com/#x`) is not a separator.
    if domains.starts_with("||") || domains.starts_with("@@") || domains.contains('/') {
        return LineKind::Skipped(Skip::Network);
    }
    let selector = selector.trim();
    if sep == Sep::Snippet || selector.starts_with("+js(") {
        return LineKind::Skipped(Skip::Scriptlet);
    }
    if selector.starts_with('^') {
        return LineKind::Unsupported(Why::HtmlFilter);
    }
    if selector.is_empty() {
        return LineKind::Unsupported(Why::Empty);
    }
    let domains = Domains::parse(domains);
    if sep == Sep::Exception {
        return LineKind::Exception {
            domains,
            selector: selector.to_owned(),
        };
    }
    match compile(selector) {
        Ok(Compiled::ScrollUnlock) => LineKind::ScrollUnlock { domains },
        Ok(Compiled::Hide {
            compiled,
            has_text,
            simple,
        }) => LineKind::Hide {
            domains,
            selector: selector.to_owned(),
            compiled: Some(compiled),
            has_text,
            simple,
        },
        Err(why) => LineKind::Unsupported(why),
    }
}

enum Compiled {
    ScrollUnlock,
    Hide {
        compiled: Selector,
        has_text: Vec<HasText>,
        simple: Option<Simple>,
    },
}

/// Finds `op(` … `)` with balanced parentheses; returns (start, argument, end after `)`).
fn find_op<'s>(s: &'s str, op: &str) -> Option<(usize, &'s str, usize)> {
    let start = s.find(op)?;
    let arg_start = start + op.len();
    let mut depth = 1;
    for (i, c) in s[arg_start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let end = arg_start + i;
                    return Some((start, &s[arg_start..end], end + 1));
                }
            }
            _ => {}
        }
    }
    None
}

fn compile(selector: &str) -> Result<Compiled, Why> {
    let mut sel = selector.to_owned();
    if let Some(stripped) = sel.strip_suffix(":remove()") {
        sel = stripped.trim_end().to_owned();
    }
    if let Some((start, style, end)) = find_op(&sel, ":style(") {
        let base: String = sel[..start]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let is_root = base
            .split(',')
            .all(|b| matches!(b, "html" | "body" | "html>body" | ":root"));
        if end == sel.len() && is_root && style.contains("overflow") {
            return Ok(Compiled::ScrollUnlock);
        }
        return Err(Why::Style);
    }
    for op in PROCEDURAL {
        if sel.contains(op) {
            return Err(Why::Procedural(op.trim_end_matches('(').to_owned()));
        }
    }
    let mut has_text = Vec::new();
    for op in [":has-text(", ":-abp-contains(", ":contains("] {
        while let Some((start, arg, end)) = find_op(&sel, op) {
            if !sel[end..].trim().is_empty() && !sel[end..].trim_start().starts_with(':') {
                return Err(Why::HasTextInside);
            }
            has_text.push(text_condition(arg)?);
            sel = format!("{}{}", &sel[..start], &sel[end..]);
        }
    }
    let sel = sel.trim();
    if sel.is_empty() {
        return Err(Why::Empty);
    }
    let compiled: Selector = sel.parse().map_err(|e| Why::Selector(format!("{e}")))?;
    Ok(Compiled::Hide {
        compiled,
        has_text,
        simple: simple(sel),
    })
}

/// `:has-text(text)` or `:has-text(/a|b/)`.
fn text_condition(arg: &str) -> Result<HasText, Why> {
    let arg = arg.trim();
    let Some(body) = arg.strip_prefix('/') else {
        return Ok(HasText::Plain(arg.to_owned()));
    };
    let body = body
        .strip_suffix("/i")
        .or_else(|| body.strip_suffix('/'))
        .ok_or(Why::Regex)?;
    let mut alternatives = Vec::new();
    for alt in body.split('|') {
        let mut out = String::new();
        let mut chars = alt.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some(e) if !e.is_alphanumeric() => out.push(e),
                    _ => return Err(Why::Regex),
                },
                '.' | '*' | '+' | '?' | '[' | ']' | '(' | ')' | '{' | '}' | '^' | '$' => {
                    return Err(Why::Regex)
                }
                c => out.push(c),
            }
        }
        if out.is_empty() {
            return Err(Why::Regex);
        }
        alternatives.push(out);
    }
    Ok(HasText::Any(alternatives))
}

fn simple(sel: &str) -> Option<Simple> {
    let ident = |s: &str| {
        !s.is_empty()
            && !s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    if let Some(class) = sel.strip_prefix('.') {
        ident(class).then(|| Simple::Class(class.to_owned()))
    } else if let Some(id) = sel.strip_prefix('#') {
        ident(id).then(|| Simple::Id(id.to_owned()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        classify(line)
    }

    #[test]
    fn classifies_the_syntax() {
        assert!(matches!(kind("! comment"), LineKind::Comment));
        assert!(matches!(kind("[Adblock Plus 2.0]"), LineKind::Comment));
        assert!(matches!(
            kind("||ads.example.com^"),
            LineKind::Skipped(Skip::Network)
        ));
        assert!(matches!(
            kind("@@||example.com^$document"),
            LineKind::Skipped(Skip::Network)
        ));
        assert!(matches!(
            kind("example.com##+js(aopr, x)"),
            LineKind::Skipped(Skip::Scriptlet)
        ));
        assert!(matches!(
            kind("##.newsletter-box"),
            LineKind::Hide {
                simple: Some(Simple::Class(_)),
                ..
            }
        ));
        assert!(matches!(
            kind("a.com,~b.a.com##div.x > p"),
            LineKind::Hide { simple: None, .. }
        ));
        assert!(matches!(kind("a.com#@#.x"), LineKind::Exception { .. }));
        assert!(matches!(
            kind("a.com##html,body:style(overflow: auto !important)"),
            LineKind::ScrollUnlock { .. }
        ));
        assert!(matches!(
            kind("##.x:style(color: red)"),
            LineKind::Unsupported(Why::Style)
        ));
        assert!(matches!(
            kind("##div:has(> .ad)"),
            LineKind::Unsupported(Why::Procedural(_))
        ));
        assert!(matches!(
            kind("##.a + .b"),
            LineKind::Unsupported(Why::Selector(_))
        ));
        assert!(matches!(
            kind("example.com##^script"),
            LineKind::Unsupported(Why::HtmlFilter)
        ));
    }

    #[test]
    fn has_text_conditions() {
        let LineKind::Hide { has_text, .. } = kind("##div.box:has-text(Sign up):remove()") else {
            panic!("not a hide rule");
        };
        assert!(has_text[0].matches("Please Sign up now"));
        let LineKind::Hide { has_text, .. } = kind("##p:has-text(/Subscribe|Abonnieren/)") else {
            panic!("not a hide rule");
        };
        assert!(has_text[0].matches("Jetzt Abonnieren"));
        assert!(matches!(
            kind("##p:has-text(/^a.*b$/)"),
            LineKind::Unsupported(Why::Regex)
        ));
    }
}
