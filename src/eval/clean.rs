//! Clean mode against hand-made labels: which labelled chrome blocks a verdict removes, with
//! which category, what it removes that no label asks for, whether it touches a block that must
//! stay; and on WCXB pages, how much of the human-marked main content survives cleaning.
//!
//! Label files are described in `tests/data/labels/README.md`. A labelled block is *found* when
//! a removal is it or contains it, or when removals inside it hold at least
//! [`FOUND_TEXT_SHARE`] of its text. A removal is *justified* when it sits inside a `remove` or
//! `may` block, or when such blocks hold at least [`FOUND_TEXT_SHARE`] of its text.

use super::score;
use crate::category::Category;
use crate::input::Input;
use crate::reader::plain_text::html_to_text;
use crate::survey::Survey;
use crate::{judge, survey, Error, Options};
use lol_html::Selector;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Share of a labelled block's text that removals inside it must hold for it to count as found
/// (the definition: a removal that is the block, or sits inside it with 80 % of its text).
pub const FOUND_TEXT_SHARE: f64 = 0.8;

/// What a label line says of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Verb {
    /// A reader wants it gone.
    Remove,
    /// It may go but need not.
    May,
    /// It must stay whole.
    Keep,
}

/// One line of a label file.
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    /// Its line number in the label file (1-based).
    pub line: usize,
    /// Whether the block must go, may go or must stay.
    pub verb: Verb,
    /// The category (`remove`, `may`) or the kind of block (`keep`: header, body, ...).
    pub what: String,
    /// The CSS selector that finds the block (its outermost visible matches).
    pub selector: String,
}

/// A parsed label file.
#[derive(Debug, Clone, Serialize)]
pub struct LabelFile {
    /// The page type from the `# type:` line (`article` when absent).
    pub page_type: String,
    /// The label lines, in file order.
    pub labels: Vec<Label>,
}

/// Kinds of block a `keep` line may name.
pub const KEEP_KINDS: &[&str] = &["header", "body", "masthead", "nav", "comments", "main"];

/// Parses a label file; an error names the line.
pub fn parse_labels(text: &str) -> Result<LabelFile, String> {
    let mut page_type = String::from("article");
    let mut labels = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(t) = comment.trim().strip_prefix("type:") {
                page_type = t.trim().to_owned();
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(verb), Some(what)) = (words.next(), words.next()) else {
            return Err(format!(
                "line {}: expected `remove|may|keep WHAT SELECTOR`",
                i + 1
            ));
        };
        let selector = words.collect::<Vec<_>>().join(" ");
        if selector.is_empty() {
            return Err(format!(
                "line {}: expected `remove|may|keep WHAT SELECTOR`",
                i + 1
            ));
        };
        let verb = match verb {
            "remove" => Verb::Remove,
            "may" => Verb::May,
            "keep" => Verb::Keep,
            other => return Err(format!("line {}: unknown verb `{other}`", i + 1)),
        };
        let known = match verb {
            Verb::Keep => KEEP_KINDS.contains(&what),
            _ => Category::from_name(what).is_some(),
        };
        if !known {
            return Err(format!("line {}: unknown category or kind `{what}`", i + 1));
        }
        selector
            .parse::<Selector>()
            .map_err(|e| format!("line {}: lol_html cannot match `{selector}`: {e}", i + 1))?;
        labels.push(Label {
            line: i + 1,
            verb,
            what: what.to_owned(),
            selector,
        });
    }
    Ok(LabelFile { page_type, labels })
}

/// The ordinals each label's selector matches, in ordinal order, by the survey's counting.
fn match_labels(input: &Input<'_>, labels: &[Label]) -> Result<Vec<Vec<u32>>, Error> {
    let mut selectors = Vec::with_capacity(labels.len());
    for (index, label) in labels.iter().enumerate() {
        let selector: Selector = label
            .selector
            .parse()
            .map_err(|e| Error::BadOption(format!("label line {}: {e}", label.line)))?;
        selectors.push((index, Cow::Owned(selector)));
    }
    let mut found = vec![Vec::new(); labels.len()];
    for (ordinal, index) in crate::ordinals::match_selectors(input, selectors)? {
        found[index].push(ordinal);
    }
    Ok(found)
}

/// A labelled block, resolved to an element of the page.
#[derive(Debug, Clone)]
struct Block {
    ordinal: u32,
    end: u32,
    text: u32,
    label: usize,
}

/// A labelled chrome block the verdict missed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Miss {
    /// The label's line number.
    pub line: usize,
    /// The category the label gives, as written.
    pub category: String,
    /// The label's selector.
    pub selector: String,
    /// The ordinal of the labelled block.
    pub ordinal: u32,
    /// Share of its text the verdict removed.
    pub removed_share: f64,
    /// How the judge saw the block.
    pub explain: String,
}

/// A removal that no label asks for, or that cuts into a block that must stay.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wrong {
    /// The removed element's ordinal.
    pub ordinal: u32,
    /// Its tag name.
    pub tag: String,
    /// The category the verdict gave it.
    pub category: Category,
    /// The verdict's reason for removing it.
    pub reason: String,
    /// The first words of the block.
    pub preview: String,
    /// For a must-stay violation, the kind of block it touched and the label's line.
    pub keep: Option<(String, usize)>,
}

/// A found block whose category differs from its label's.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mislabel {
    /// The label's line number.
    pub line: usize,
    /// The category the label gives, as written.
    pub want: String,
    /// The category of the removal that found it (of the one with the most text, when several
    /// removals inside it did).
    pub got: Category,
}

/// Counts per category: labelled blocks, found, removals made, removals justified.
#[derive(Debug, Clone, Copy, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Blocks the `remove` labels name on the page (each selector's outermost visible matches).
    pub labelled: usize,
    /// Of those, blocks the verdict removed (wholly, or [`FOUND_TEXT_SHARE`] of their text).
    pub found: usize,
    /// Of the found, those removed with the label's category.
    pub right_category: usize,
    /// Removals that touch visible text or an image.
    pub removed: usize,
    /// Of those, removals inside (or mostly covered by) `remove` or `may` blocks.
    pub justified: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.labelled += o.labelled;
        self.found += o.found;
        self.right_category += o.right_category;
        self.removed += o.removed;
        self.justified += o.justified;
    }

    /// Found labelled blocks over labelled blocks (1 when nothing was labelled).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.labelled)
    }

    /// Justified removals over removals (1 when nothing was removed).
    pub fn precision(&self) -> f64 {
        ratio(self.justified, self.removed)
    }

    /// Found blocks with the label's category over found blocks.
    pub fn category_accuracy(&self) -> f64 {
        ratio(self.right_category, self.found)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One page's result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageClean {
    /// The page's name: `seed`, `wcxb/<id>` or `readability/<name>`.
    pub name: String,
    /// The page type from its label file.
    pub page_type: String,
    /// Per category, in [`Category::ALL`] order.
    pub counts: Vec<Counts>,
    /// `remove` blocks the verdict did not find.
    pub misses: Vec<Miss>,
    /// Removals no `remove` or `may` label covers (and that break no `keep` block).
    pub unjustified: Vec<Wrong>,
    /// Removals that take a `keep` block whole, or cut into one with no label justifying them.
    pub violations: Vec<Wrong>,
    /// Found blocks removed with another category than their label's.
    pub mislabels: Vec<Mislabel>,
    /// Label lines whose selector matched nothing on the page.
    pub unmatched: Vec<usize>,
    /// Set when the label file could not be parsed or the engine failed on the page.
    pub error: Option<String>,
}

impl PageClean {
    /// A page with nothing counted yet.
    fn empty(name: &str, page_type: &str) -> PageClean {
        PageClean {
            name: name.to_owned(),
            page_type: page_type.to_owned(),
            counts: vec![Counts::default(); Category::ALL.len()],
            misses: Vec::new(),
            unjustified: Vec::new(),
            violations: Vec::new(),
            mislabels: Vec::new(),
            unmatched: Vec::new(),
            error: None,
        }
    }
}

/// Scores one page's verdict against its labels.
pub fn score_page(name: &str, html: &[u8], file: &LabelFile, options: &Options) -> PageClean {
    let mut page = PageClean::empty(name, &file.page_type);
    let run = || -> Result<(Survey, judge::Verdict, Vec<Vec<u32>>), Error> {
        let input = Input::new(html, options.encoding.as_deref())?;
        let survey =
            survey::survey_with_rules(&input, options.rules.as_deref(), options.host().as_deref())?;
        let verdict = judge::judge(&survey, options);
        let matches = match_labels(&input, &file.labels)?;
        Ok((survey, verdict, matches))
    };
    match run() {
        Ok((survey, verdict, matches)) => {
            score_removals(
                &mut page,
                file,
                &survey,
                options,
                &verdict.removals,
                &matches,
            );
        }
        Err(e) => page.error = Some(e.to_string()),
    }
    page
}

/// Scores `removals` on a surveyed page whose labels matched `matches`.
fn score_removals(
    page: &mut PageClean,
    file: &LabelFile,
    survey: &Survey,
    options: &Options,
    all_removals: &[judge::Removal],
    matches: &[Vec<u32>],
) {
    let rows = &survey.rows;
    let end_of = |o: u32| rows.get(o as usize).map_or(o + 1, |r| r.end.max(o + 1));
    let text_of = |o: u32| rows.get(o as usize).map_or(0, |r| r.text);
    let inside = |o: u32, outer: &Block| o >= outer.ordinal && o < outer.end;

    // Resolve labels to blocks: the outermost visible matches of each selector.
    let mut blocks: Vec<Block> = Vec::new();
    for (index, ordinals) in matches.iter().enumerate() {
        if ordinals.is_empty() {
            page.unmatched.push(file.labels[index].line);
        }
        let mut last_end = 0;
        for &o in ordinals {
            if o < last_end || rows.get(o as usize).is_none_or(|r| r.hidden) {
                continue;
            }
            last_end = end_of(o);
            blocks.push(Block {
                ordinal: o,
                end: last_end,
                text: text_of(o),
                label: index,
            });
        }
    }
    let verb = |b: &Block| file.labels[b.label].verb;
    let chrome: Vec<&Block> = blocks.iter().filter(|b| verb(b) != Verb::Keep).collect();

    // Removals that touch no visible text or image change nothing a reader sees.
    let removals: Vec<&judge::Removal> = all_removals
        .iter()
        .filter(|r| {
            rows.get(r.ordinal as usize)
                .is_some_and(|row| row.text > 0 || row.images > 0)
        })
        .collect();

    let justified = |r: &judge::Removal| -> bool {
        if chrome.iter().any(|b| inside(r.ordinal, b)) {
            return true;
        }
        let r_end = end_of(r.ordinal);
        let mut covered = 0u64;
        let mut last_end = 0;
        for b in &chrome {
            if b.ordinal > r.ordinal && b.ordinal < r_end && b.ordinal >= last_end {
                covered += u64::from(b.text);
                last_end = b.end;
            }
        }
        let text = u64::from(text_of(r.ordinal));
        covered > 0 && covered as f64 >= FOUND_TEXT_SHARE * text as f64
    };

    for r in &removals {
        let c = &mut page.counts[r.category.index()];
        c.removed += 1;
        let ok = justified(r);
        if ok {
            c.justified += 1;
        }
        let row = &rows[r.ordinal as usize];
        let wrong = |keep| Wrong {
            ordinal: r.ordinal,
            tag: r.tag.clone(),
            category: r.category,
            reason: r.reason.clone(),
            preview: r.preview.clone(),
            keep,
        };
        let r_end = row.end.max(r.ordinal + 1);
        let mut violated = false;
        for b in blocks.iter().filter(|b| verb(b) == Verb::Keep) {
            let whole = r.ordinal <= b.ordinal && r_end >= b.end;
            let cuts = b.ordinal < r.ordinal && r.ordinal < b.end && !ok;
            if whole || cuts {
                let label = &file.labels[b.label];
                page.violations
                    .push(wrong(Some((label.what.clone(), label.line))));
                violated = true;
                break;
            }
        }
        if !ok && !violated {
            page.unjustified.push(wrong(None));
        }
    }

    for b in blocks.iter().filter(|b| verb(b) == Verb::Remove) {
        let label = &file.labels[b.label];
        let Some(want) = Category::from_name(&label.what) else {
            continue;
        };
        let c = &mut page.counts[want.index()];
        c.labelled += 1;
        // Any removal finds a block, even one with nothing visible (an icon-only share bar).
        let whole = all_removals
            .iter()
            .find(|r| r.ordinal <= b.ordinal && end_of(r.ordinal) >= b.end);
        let (found, got, share) = match whole {
            Some(r) => (true, Some(r.category), 1.0),
            None => {
                let within: Vec<&judge::Removal> = all_removals
                    .iter()
                    .filter(|r| inside(r.ordinal, b))
                    .collect();
                let held: u64 = within.iter().map(|r| u64::from(text_of(r.ordinal))).sum();
                let share = if b.text == 0 {
                    if within.is_empty() {
                        0.0
                    } else {
                        1.0
                    }
                } else {
                    held as f64 / f64::from(b.text)
                };
                let biggest = within
                    .iter()
                    .max_by_key(|r| text_of(r.ordinal))
                    .map(|r| r.category);
                (share >= FOUND_TEXT_SHARE, biggest, share)
            }
        };
        if found {
            c.found += 1;
            match got {
                Some(got) if got == want => c.right_category += 1,
                Some(got) => page.mislabels.push(Mislabel {
                    line: label.line,
                    want: label.what.clone(),
                    got,
                }),
                None => {}
            }
        } else {
            page.misses.push(Miss {
                line: label.line,
                category: label.what.clone(),
                selector: label.selector.clone(),
                ordinal: b.ordinal,
                removed_share: share,
                explain: judge::explain(survey, options, Some(&[b.ordinal]))
                    .pop()
                    .map(|(_, line)| line)
                    .unwrap_or_default(),
            });
        }
    }
}

/// Clean mode over a whole label set.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CleanReport {
    /// Every page's result, sorted by label file.
    pub pages: Vec<PageClean>,
    /// Per category, in [`Category::ALL`] order, summed over pages.
    pub counts: Vec<Counts>,
    /// All categories summed over all pages.
    pub total: Counts,
    /// Must-stay violations over all pages.
    pub violations: usize,
}

impl CleanReport {
    fn new(pages: Vec<PageClean>) -> CleanReport {
        let mut counts = vec![Counts::default(); Category::ALL.len()];
        let mut total = Counts::default();
        for p in &pages {
            for (sum, c) in counts.iter_mut().zip(&p.counts) {
                sum.add(c);
                total.add(c);
            }
        }
        let violations = pages.iter().map(|p| p.violations.len()).sum();
        CleanReport {
            pages,
            counts,
            total,
            violations,
        }
    }
}

/// Where a label file's page is, under the shared folder.
pub fn page_for_label(shared: &Path, labels: &Path, file: &Path) -> Option<(String, PathBuf)> {
    let rel = file.strip_prefix(labels).ok()?;
    let stem = rel.file_stem()?.to_string_lossy().into_owned();
    let set = rel.parent().and_then(|p| p.to_str()).unwrap_or("");
    match set {
        "" if stem == "seed" => Some((stem, shared.join("seed/inkl-article.html"))),
        "wcxb" => Some((
            format!("wcxb/{stem}"),
            shared.join(format!("corpus/wcxb/pages/{stem}.html.gz")),
        )),
        "readability" => Some((
            format!("readability/{stem}"),
            shared.join(format!("corpus/readability/{stem}/source.html")),
        )),
        _ => None,
    }
}

/// Reads a page, gunzipping `.gz` files.
pub fn read_page(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot gunzip {}: {e}", path.display()))?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// The page URLs WCXB records, by page id (none when the truth file cannot be read).
fn wcxb_urls(shared: &Path) -> HashMap<String, String> {
    super::wcxb_truth(shared)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(id, v)| Some((id, v.get("url")?.as_str()?.to_owned())))
        .collect()
}

/// Scores every label file under `labels` (`seed.txt`, `wcxb/*.txt`, `readability/*.txt`)
/// against the pages in `shared`.
pub fn evaluate_labels(labels: &Path, shared: &Path) -> Result<CleanReport, String> {
    use rayon::prelude::*;
    let mut files = Vec::new();
    for sub in ["", "wcxb", "readability"] {
        let dir = labels.join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("{} holds no label files", labels.display()));
    }
    let urls = wcxb_urls(shared);
    let pages: Result<Vec<PageClean>, String> = files
        .par_iter()
        .map(|f| {
            let (name, page) = page_for_label(shared, labels, f)
                .ok_or_else(|| format!("{}: not a label file of a known set", f.display()))?;
            let text = std::fs::read_to_string(f)
                .map_err(|e| format!("cannot read {}: {e}", f.display()))?;
            let file = match parse_labels(&text) {
                Ok(file) => file,
                Err(e) => {
                    let mut page = PageClean::empty(&name, "");
                    page.error = Some(format!("{}: {e}", f.display()));
                    return Ok(page);
                }
            };
            let html = read_page(&page)?;
            let url = name
                .strip_prefix("wcxb/")
                .and_then(|id| urls.get(id).cloned())
                .unwrap_or_else(|| "http://fakehost/test/page.html".to_owned());
            Ok(score_page(&name, &html, &file, &Options::with_url(url)))
        })
        .collect();
    Ok(CleanReport::new(pages?))
}

/// How much of one WCXB page's main content clean mode keeps.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    /// The WCXB page id.
    pub id: String,
    /// The page type WCXB gives it (`article`, …).
    pub page_type: String,
    /// Main-content tokens in the cleaned page over those in the original page (1 when the
    /// original page shows none of them).
    pub share: f64,
    /// Set when the page could not be read or cleaned (the share is then 0).
    pub error: Option<String>,
}

/// The main-content share clean mode keeps on every WCXB page.
pub fn main_content_kept(shared: &Path) -> Result<Vec<Kept>, String> {
    use rayon::prelude::*;
    let map = super::wcxb_truth(shared)?;
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    Ok(ids
        .par_iter()
        .map(|id| {
            let entry = &map[id.as_str()];
            let field = |k: &str| entry.get(k).and_then(|v| v.as_str()).unwrap_or("");
            let page_type = field("type").to_owned();
            let run = || -> Result<f64, String> {
                let page = shared.join(format!("corpus/wcxb/pages/{id}.html.gz"));
                let html = read_page(&page)?;
                let options = Options::with_url(field("url"));
                let cleaned = crate::clean(&html, &options).map_err(|e| e.to_string())?;
                let before = visible_text(&html)?;
                let after = visible_text(&cleaned.html)?;
                Ok(kept_share(field("main_content"), &before, &after))
            };
            match run() {
                Ok(share) => Kept {
                    id: (*id).clone(),
                    page_type,
                    share,
                    error: None,
                },
                Err(e) => Kept {
                    id: (*id).clone(),
                    page_type,
                    share: 0.0,
                    error: Some(e),
                },
            }
        })
        .collect())
}

fn visible_text(html: &[u8]) -> Result<String, String> {
    html_to_text(&String::from_utf8_lossy(html)).map_err(|e| e.to_string())
}

/// Main-content tokens present in `after` over those present in `before` (bags of tokens).
pub fn kept_share(main: &str, before: &str, after: &str) -> f64 {
    // score(got, want) gives recall = common / |want|; here want is the main content.
    let (_, r_before, _) = score(before, main);
    let (_, r_after, _) = score(after, main);
    if r_before == 0.0 {
        1.0
    } else {
        (r_after / r_before).min(1.0)
    }
}

/// The floor file a clean report (and the WCXB kept shares) would pass exactly: ratios rounded
/// down to 3 decimals, the violation count as a ceiling.
pub fn floors_text(report: &CleanReport, kept: &[Kept]) -> String {
    let down = |x: f64| (x * 1000.0).floor() / 1000.0;
    let mut out = String::from(
        "# Clean-mode floors (a ratchet): `plainpage eval --clean` fails below any of these, or\n\
         # above max_violations. Regenerate with `./build.sh bless`; never lower a floor without\n\
         # saying why in the commit.\n",
    );
    for (name, value) in floor_values(report, kept) {
        if name == "max_violations" {
            out.push_str(&format!("{name} {value}\n"));
        } else if name.starts_with("kept") {
            out.push_str(&format!(
                "{name} {:.4}\n",
                (value * 10000.0).floor() / 10000.0
            ));
        } else {
            out.push_str(&format!("{name} {:.3}\n", down(value)));
        }
    }
    out
}

/// Every figure the floors hold, by name.
pub fn floor_values(report: &CleanReport, kept: &[Kept]) -> Vec<(String, f64)> {
    let mut v = vec![
        ("recall".to_owned(), report.total.recall()),
        ("precision".to_owned(), report.total.precision()),
        (
            "category_accuracy".to_owned(),
            report.total.category_accuracy(),
        ),
        ("max_violations".to_owned(), report.violations as f64),
    ];
    for c in Category::ALL {
        let counts = &report.counts[c.index()];
        v.push((format!("recall.{c}"), counts.recall()));
        v.push((format!("precision.{c}"), counts.precision()));
    }
    if !kept.is_empty() {
        let mean = kept.iter().map(|k| k.share).sum::<f64>() / kept.len() as f64;
        let min = kept.iter().map(|k| k.share).fold(1.0, f64::min);
        v.push(("kept_mean".to_owned(), mean));
        v.push(("kept_min".to_owned(), min));
    }
    v
}

/// Checks a clean report against a floor file; the failures, one sentence each.
pub fn check_floors(
    report: &CleanReport,
    kept: &[Kept],
    floors: &str,
) -> Result<Vec<String>, String> {
    let values: HashMap<String, f64> = floor_values(report, kept).into_iter().collect();
    let mut failures = Vec::new();
    for (name, floor) in super::floor_lines(floors)? {
        let Some(&got) = values.get(name) else {
            return Err(format!("floors: unknown figure `{name}`"));
        };
        if name == "max_violations" {
            if got > floor {
                failures.push(format!("{got} must-stay violations, more than {floor}"));
            }
        } else if got < floor {
            failures.push(format!("{name} {got:.4} is below its floor {floor:.3}"));
        }
    }
    Ok(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><header id=top><nav><a href=/>Home</a> \
        <a class=sub href=/subscribe>Subscribe</a></nav></header>\
        <article><h1>Headline here</h1><p>A paragraph of the article that is long enough to be \
        prose of the story, with commas, and more words to make it so.</p>\
        <div class=newsletter-box><p>Sign up for our newsletter</p><form><input type=email>\
        <button>Sign up</button></form></div></article>\
        <aside class=related><h3>Related stories</h3><ul><li><a href=/a>One story</a>\
        <li><a href=/b>Two story</a><li><a href=/c>Three story</a></ul></aside></body></html>";

    #[test]
    fn parses_labels_and_rejects_what_lol_html_cannot_match() {
        let f = parse_labels("# type: product\nremove related aside.related\nkeep nav nav\n")
            .expect("labels");
        assert_eq!(f.page_type, "product");
        assert_eq!(f.labels.len(), 2);
        assert!(parse_labels("remove related h2 + ul").is_err());
        assert!(parse_labels("remove banana div").is_err());
        assert!(parse_labels("keep body").is_err());
    }

    fn removal(survey: &Survey, ordinal: u32, category: Category) -> judge::Removal {
        judge::Removal {
            ordinal,
            tag: survey.rows[ordinal as usize].tag.to_string(),
            category,
            reason: String::new(),
            rule: None,
            preview: String::new(),
        }
    }

    fn first(survey: &Survey, tag: &str, class: &str) -> u32 {
        survey
            .rows
            .iter()
            .position(|r| &*r.tag == tag && (class.is_empty() || &*r.class == class))
            .expect("element") as u32
    }

    #[test]
    fn scores_found_missed_misnamed_and_violations() {
        let file = parse_labels(
            "remove newsletter .newsletter-box\nremove related aside.related\n\
             may subscribe a.sub\nkeep nav nav\nkeep body article\nremove ad div.nothing-here\n",
        )
        .expect("labels");
        let input = Input::new(PAGE.as_bytes(), None).expect("input");
        let survey = survey::survey(&input).expect("survey");
        let matches = match_labels(&input, &file.labels).expect("matches");
        let score = |removals: &[judge::Removal]| {
            let mut page = score_page(
                "t",
                b"",
                &LabelFile {
                    page_type: "x".into(),
                    labels: vec![],
                },
                &Options::default(),
            );
            score_removals(
                &mut page,
                &file,
                &survey,
                &Options::default(),
                removals,
                &matches,
            );
            page
        };
        let total = |p: &PageClean| {
            p.counts.iter().fold(Counts::default(), |mut a, c| {
                a.add(c);
                a
            })
        };
        // The box whole, the rail misnamed, the masthead's button (which may go).
        let page = score(&[
            removal(
                &survey,
                first(&survey, "div", "newsletter-box"),
                Category::Newsletter,
            ),
            removal(&survey, first(&survey, "aside", ""), Category::Subscribe),
            removal(&survey, first(&survey, "a", "sub"), Category::Subscribe),
        ]);
        assert_eq!(page.unmatched, vec![6]);
        let t = total(&page);
        assert_eq!((t.labelled, t.found, t.right_category), (2, 2, 1));
        assert_eq!((t.removed, t.justified), (3, 3));
        assert_eq!(page.mislabels.len(), 1);
        assert!(page.violations.is_empty());
        // The whole nav, and the headline inside the body: two violations, nothing found.
        let page = score(&[
            removal(&survey, first(&survey, "nav", ""), Category::Subscribe),
            removal(&survey, first(&survey, "h1", ""), Category::Newsletter),
        ]);
        let t = total(&page);
        assert_eq!((t.found, t.justified), (0, 0));
        assert_eq!(page.violations.len(), 2);
        assert_eq!(page.misses.len(), 2);
    }

    #[test]
    fn kept_share_is_relative_to_what_the_page_shows() {
        assert_eq!(kept_share("a b c d", "a b c d x", "a b x"), 0.5);
        assert_eq!(kept_share("a b", "x y", "x"), 1.0);
    }
}
