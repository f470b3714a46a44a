//! Filter lists: the element-hiding subset of the Adblock Plus / uBlock Origin syntax,
//! compiled once into a [`RuleSet`] that the survey matches against every page.
//!
//! Generic rules that are a single `.class` or `#id` (most of them) become hash-set lookups on
//! the survey's tokens; everything else that lol_html can match becomes a selector, added to a
//! page's survey only when its domains apply. `:has-text()` is answered from the survey's text
//! preview of the element (its first characters), not by lol_html.

mod domain;
mod key;
mod parse;

pub use parse::{parse_list, Line, LineKind, Skip};

use crate::category::Category;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use domain::Domains;
use lol_html::Selector;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A text condition from `:has-text()`.
#[derive(Debug, Clone)]
pub enum HasText {
    /// Plain text, matched case-sensitively as a substring, as uBlock Origin does.
    Plain(String),
    /// A `/regex/` (only literal alternatives and plain text are supported: see parse.rs).
    Any(Vec<String>),
}

impl HasText {
    /// Whether the element's text satisfies the condition.
    pub fn matches(&self, text: &str) -> bool {
        match self {
            HasText::Plain(t) => text.contains(t.as_str()),
            HasText::Any(ts) => ts.iter().any(|t| text.contains(t.as_str())),
        }
    }
}

/// One compiled hiding rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule as written.
    pub text: String,
    /// Which list it came from: its index in the rule set's `reports`.
    pub list: usize,
    /// Its line number in that list (1-based).
    pub line: usize,
    /// The category its hits get: the one its list was added with.
    pub category: Category,
    /// The sites it is limited to (`a.com,~b.org##…`); generic when it names none.
    pub domains: Domains,
    /// Its `:has-text()` conditions, all of which the element's text preview must meet.
    pub has_text: Vec<HasText>,
    /// The selector lol_html matches (absent for hash rules).
    pub selector: Option<Selector>,
    /// The bare selector text, for exceptions.
    pub selector_text: String,
    /// The selector as a plain compound, when it is one (matched on survey rows directly).
    pub compound: Option<key::Compound>,
}

/// What a list contributed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListReport {
    /// The list's name, as given to `add_list`.
    pub name: String,
    /// Lines in the list, blank lines included.
    pub lines: usize,
    /// Blank lines, `!` comments and `[Adblock Plus …]` headers.
    pub comments: usize,
    /// Element-hiding rules (`##`, `#@#`), the denominator of support.
    pub hiding_rules: usize,
    /// Of those, the ones compiled: hiding rules, exceptions and scroll resets.
    pub supported: usize,
    /// Of the supported: single `.class`/`#id` rules served from hash sets.
    pub hashed: usize,
    /// Of the supported: `#@#` exceptions.
    pub exceptions: usize,
    /// Of the supported: `html`/`body` overflow resets, kept as the scroll-unlock signal.
    pub scroll_unlocks: usize,
    /// Element-hiding rules not supported, by reason.
    pub unsupported: Vec<(String, usize)>,
    /// Out of scope: network rules (`||host^`, `@@…`), skipped.
    pub network_skipped: usize,
    /// Out of scope: scriptlets (`##+js(…)`), skipped.
    pub scriptlet_skipped: usize,
    /// Every unsupported or skipped line with its number and why.
    pub skipped_lines: Vec<(usize, String)>,
}

impl ListReport {
    /// Share of element-hiding rules that are supported.
    pub fn support(&self) -> f64 {
        if self.hiding_rules == 0 {
            1.0
        } else {
            self.supported as f64 / self.hiding_rules as f64
        }
    }
}

/// Compiled filter lists, reused for every page.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// Generic single-class rules: class → rule indices.
    by_class: HashMap<String, Vec<usize>>,
    /// Generic single-id rules: id → rule indices.
    by_id: HashMap<String, Vec<usize>>,
    /// Rules matched by lol_html selectors.
    selector_rules: Vec<usize>,
    /// Exceptions (`#@#`): selector text → the domains where it is excepted.
    exceptions: HashMap<String, Vec<Domains>>,
    /// Domains whose `html`/`body` overflow a list resets (scroll-unlock signal).
    scroll_unlock: Vec<Domains>,
    /// What each list contributed, in the order the lists were added.
    pub reports: Vec<ListReport>,
    /// Source keys of the selector rules, built on first use after the last list was added.
    keys: OnceLock<Keys>,
}

/// Which selector rules need which literal on the page, indexed by the literal: a page has a few
/// hundred classes, ids and tags, a list thousands of selector rules, so the page is looked up
/// in the rules and not the other way round.
#[derive(Debug, Clone)]
struct Keys {
    /// Entries of `selector_rules` (by position) that have no key and always run.
    always: Vec<usize>,
    by_class: HashMap<String, Vec<usize>>,
    by_id: HashMap<String, Vec<usize>>,
    by_tag: HashMap<String, Vec<usize>>,
    /// Matcher over the distinct `Source` keys, and the entries that need each.
    source: AhoCorasick,
    by_source: Vec<Vec<usize>>,
}

/// What a page offers to match keys against: its class tokens, ids and tags (from the
/// survey) and its source bytes.
pub struct PageKeys<'a> {
    /// Every class token of the page's elements.
    pub classes: HashSet<&'a str>,
    /// Every element id on the page.
    pub ids: HashSet<&'a str>,
    /// Every tag name on the page (lower case).
    pub tags: HashSet<&'a str>,
    /// The page's source bytes, searched for the literals (attribute names and values) that
    /// the other selector rules need.
    pub source: &'a [u8],
}

/// The category a list's name suggests.
pub fn category_for_list(name: &str) -> Category {
    let n = name.to_ascii_lowercase();
    if n.contains("newsletter") {
        Category::Newsletter
    } else if n.contains("social") {
        Category::Social
    } else if n.contains("related") || n.contains("recommend") {
        Category::Related
    } else if n.contains("app") {
        Category::AppPromo
    } else if n.contains("ads") || n.contains("easylist.txt") {
        Category::Ad
    } else {
        Category::Subscribe
    }
}

impl RuleSet {
    /// An empty rule set.
    pub fn new() -> RuleSet {
        RuleSet::default()
    }

    /// Parses and adds one list.
    pub fn add_list(&mut self, name: &str, text: &str, category: Category) {
        let list = self.reports.len();
        let mut report = ListReport {
            name: name.to_owned(),
            ..ListReport::default()
        };
        let mut unsupported: HashMap<String, usize> = HashMap::new();
        for line in parse_list(text) {
            report.lines += 1;
            match line.kind {
                LineKind::Comment => report.comments += 1,
                LineKind::Skipped(Skip::Network) => {
                    report.network_skipped += 1;
                    report
                        .skipped_lines
                        .push((line.number, "network rule (out of scope)".into()));
                }
                LineKind::Skipped(Skip::Scriptlet) => {
                    report.scriptlet_skipped += 1;
                    report
                        .skipped_lines
                        .push((line.number, "scriptlet (out of scope)".into()));
                }
                LineKind::Unsupported(why) => {
                    report.hiding_rules += 1;
                    *unsupported.entry(why.kind()).or_default() += 1;
                    report.skipped_lines.push((line.number, why.to_string()));
                }
                LineKind::Exception { domains, selector } => {
                    report.hiding_rules += 1;
                    report.supported += 1;
                    report.exceptions += 1;
                    self.exceptions.entry(selector).or_default().push(domains);
                }
                LineKind::ScrollUnlock { domains } => {
                    report.hiding_rules += 1;
                    report.supported += 1;
                    report.scroll_unlocks += 1;
                    self.scroll_unlock.push(domains);
                }
                LineKind::Hide {
                    domains,
                    selector,
                    compiled,
                    has_text,
                    simple,
                } => {
                    report.hiding_rules += 1;
                    report.supported += 1;
                    let index = self.rules.len();
                    let generic = domains.is_generic();
                    match simple {
                        Some(parse::Simple::Class(c)) if generic && has_text.is_empty() => {
                            report.hashed += 1;
                            self.by_class.entry(c).or_default().push(index);
                        }
                        Some(parse::Simple::Id(i)) if generic && has_text.is_empty() => {
                            report.hashed += 1;
                            self.by_id.entry(i).or_default().push(index);
                        }
                        _ => self.selector_rules.push(index),
                    }
                    let compound = if has_text.is_empty() {
                        key::compound_of(&selector)
                    } else {
                        selector
                            .split(":has-text(")
                            .next()
                            .and_then(key::compound_of)
                    };
                    self.rules.push(Rule {
                        compound,
                        text: line.text.to_owned(),
                        list,
                        line: line.number,
                        category,
                        domains,
                        has_text,
                        selector: compiled,
                        selector_text: selector,
                    });
                }
            }
        }
        let mut unsupported: Vec<(String, usize)> = unsupported.into_iter().collect();
        unsupported.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        report.unsupported = unsupported;
        self.reports.push(report);
        self.keys = OnceLock::new();
    }

    /// Builds the index of selector keys now, not on the first page: call it once the last list
    /// is added, so that compiling pays for it and no page does.
    pub fn build_index(&self) {
        let _ = self.keys();
    }

    fn keys(&self) -> &Keys {
        self.keys.get_or_init(|| {
            let mut always = Vec::new();
            let mut by_class: HashMap<String, Vec<usize>> = HashMap::new();
            let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
            let mut by_tag: HashMap<String, Vec<usize>> = HashMap::new();
            let mut source_index: HashMap<String, usize> = HashMap::new();
            let mut by_source: Vec<Vec<usize>> = Vec::new();
            for (n, &i) in self.selector_rules.iter().enumerate() {
                let text = self.rules[i].selector_text.split(":has-text(").next();
                match text.and_then(key::typed_key_of) {
                    None => always.push(n),
                    Some(key::Key::Class(c)) => by_class.entry(c).or_default().push(n),
                    Some(key::Key::Id(id)) => by_id.entry(id).or_default().push(n),
                    Some(key::Key::Tag(t)) => by_tag.entry(t).or_default().push(n),
                    Some(key::Key::Source(lit)) => {
                        let next = source_index.len();
                        let k = *source_index.entry(lit).or_insert(next);
                        if k == by_source.len() {
                            by_source.push(Vec::new());
                        }
                        by_source[k].push(n);
                    }
                }
            }
            let mut patterns: Vec<(usize, String)> =
                source_index.into_iter().map(|(k, i)| (i, k)).collect();
            patterns.sort();
            let source = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns.iter().map(|(_, k)| k))
                .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty matcher"));
            Keys {
                always,
                by_class,
                by_id,
                by_tag,
                source,
                by_source,
            }
        })
    }

    /// The selector rules worth matching on one page: those that apply on `host` and whose key
    /// the page has (a rule without a key always runs). Split into plain compounds, which the
    /// survey's rows answer, and the rest, for lol_html.
    pub fn selectors_for_page(
        &self,
        host: Option<&str>,
        page: &PageKeys<'_>,
    ) -> (Vec<usize>, Vec<(usize, &Selector)>) {
        let keys = self.keys();
        let mut wanted = vec![false; self.selector_rules.len()];
        let mut want = |ns: Option<&Vec<usize>>| {
            for &n in ns.into_iter().flatten() {
                wanted[n] = true;
            }
        };
        want(Some(&keys.always));
        page.classes
            .iter()
            .for_each(|c| want(keys.by_class.get(*c)));
        page.ids.iter().for_each(|id| want(keys.by_id.get(*id)));
        page.tags.iter().for_each(|t| want(keys.by_tag.get(*t)));
        if !keys.by_source.is_empty() {
            let mut seen = vec![false; keys.by_source.len()];
            for m in keys.source.find_overlapping_iter(page.source) {
                let k = m.pattern().as_usize();
                if !std::mem::replace(&mut seen[k], true) {
                    want(keys.by_source.get(k));
                }
            }
        }
        let mut compounds = Vec::new();
        let mut selectors = Vec::new();
        for n in (0..self.selector_rules.len()).filter(|&n| wanted[n]) {
            let i = self.selector_rules[n];
            if !self.applies(i, host) {
                continue;
            }
            let rule = &self.rules[i];
            if rule.compound.is_some() {
                compounds.push(i);
            } else if let Some(s) = &rule.selector {
                selectors.push((i, s));
            }
        }
        (compounds, selectors)
    }

    /// Number of compiled hiding rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether no rule was compiled.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The compiled rule at an index (as the lookups return them), if there is one.
    pub fn rule(&self, index: usize) -> Option<&Rule> {
        self.rules.get(index)
    }

    fn excepted(&self, rule: &Rule, host: Option<&str>) -> bool {
        self.exceptions
            .get(&rule.selector_text)
            .is_some_and(|ds| ds.iter().any(|d| d.applies(host)))
    }

    /// Whether a rule applies on a page host (its domains match and no exception cancels it).
    pub fn applies(&self, index: usize, host: Option<&str>) -> bool {
        self.rules
            .get(index)
            .is_some_and(|r| r.domains.applies(host) && !self.excepted(r, host))
    }

    /// Hash-set rules hit by an element's class tokens and id.
    pub fn token_hits<'a>(
        &'a self,
        class: &'a str,
        id: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        let by_class = class
            .split_ascii_whitespace()
            .filter_map(|c| self.by_class.get(c))
            .flatten();
        let by_id = (!id.is_empty())
            .then(|| self.by_id.get(id.trim()))
            .flatten()
            .into_iter()
            .flatten();
        by_class.chain(by_id).copied()
    }

    /// Whether a list resets page scrolling on this host.
    pub fn unlocks_scroll(&self, host: Option<&str>) -> bool {
        self.scroll_unlock.iter().any(|d| d.applies(host))
    }
}
