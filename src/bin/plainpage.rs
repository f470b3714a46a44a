//! The `plainpage` command line: clean, read and analyze pages, and score reader quality.

use plainpage::eval::{evaluate, Report};
use plainpage::rules::filter::{category_for_list, RuleSet};
use plainpage::{Options, Timings, Verdict};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const USAGE: &str = "usage:
  plainpage clean PAGE... [--url URL] [--format html|json] [--out-dir DIR]
  plainpage read PAGE... [--url URL] [--format html|text|json|markdown] [--front-matter]
                 [--out-dir DIR]
  plainpage analyze PAGE... [--url URL] [--out-dir DIR] [--explain]
  plainpage eval DIR [--floors FILE] [--json]
  plainpage eval --clean [--labels DIR] [--shared DIR] [--floors FILE] [--json] [--pages]
  plainpage eval --wcxb [--shared DIR] [--floors FILE] [--json] [--pages]
  plainpage eval --golden [--shared DIR] [--dir DIR] [--bless]
  plainpage rules LIST... [--lines]
--rules LIST (repeatable) adds a filter list (Adblock Plus / uBlock Origin element hiding) to
clean, read and analyze; its category comes from its file name.
PAGE is a file path or - for standard input. Several PAGEs need --out-dir.";

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Clean,
    Read,
    Analyze,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Text,
    Json,
    Markdown,
}

struct Args {
    mode: Mode,
    pages: Vec<String>,
    url: Option<String>,
    format: Format,
    out_dir: Option<PathBuf>,
    rules: Option<Arc<RuleSet>>,
    /// `analyze --explain`: the judge's evidence per element, as text.
    explain: bool,
    /// `read --format markdown --front-matter`: YAML front matter before the article.
    front_matter: bool,
}

/// The verdict as `analyze` and `clean --format json` print it.
#[derive(Serialize)]
struct VerdictOut<'a> {
    #[serde(flatten)]
    verdict: &'a Verdict,
    timings: Timings,
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(argv) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("plainpage: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(argv: Vec<String>) -> Result<ExitCode, String> {
    let Some(command) = argv.first() else {
        return Err(format!("no command given.\n{USAGE}"));
    };
    let mode = match command.as_str() {
        "clean" => Mode::Clean,
        "read" => Mode::Read,
        "analyze" => Mode::Analyze,
        "eval" => return run_eval(&argv[1..]),
        "rules" => return run_rules(&argv[1..]),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        other => return Err(format!("`{other}` is not a command.\n{USAGE}")),
    };
    let args = parse(mode, &argv[1..])?;
    if args.pages.len() > 1 && args.out_dir.is_none() {
        return Err("several pages need --out-dir DIR to write one output per page".into());
    }
    match &args.out_dir {
        None => {
            let page = &args.pages[0];
            let bytes = load(page)?;
            let out = process(&args, &bytes)?;
            std::io::stdout()
                .write_all(&out)
                .map_err(|e| format!("cannot write the output: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(dir) => batch(&args, dir),
    }
}

fn parse(mode: Mode, rest: &[String]) -> Result<Args, String> {
    let mut args = Args {
        mode,
        pages: Vec::new(),
        url: None,
        format: if mode == Mode::Analyze {
            Format::Json
        } else {
            Format::Html
        },
        out_dir: None,
        rules: None,
        explain: false,
        front_matter: false,
    };
    let mut lists = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match a.as_str() {
            "--url" => args.url = Some(value("--url")?),
            "--out-dir" => args.out_dir = Some(PathBuf::from(value("--out-dir")?)),
            "--rules" => lists.push(value("--rules")?),
            "--explain" if mode == Mode::Analyze => args.explain = true,
            "--front-matter" if mode == Mode::Read => args.front_matter = true,
            "--format" => {
                let f = value("--format")?;
                args.format = match (mode, f.as_str()) {
                    (Mode::Clean | Mode::Read, "html") => Format::Html,
                    (Mode::Read, "text") => Format::Text,
                    (Mode::Read, "markdown" | "md") => Format::Markdown,
                    (_, "json") => Format::Json,
                    _ => return Err(format!("--format {f} is not available for this command")),
                };
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            page => args.pages.push(page.to_owned()),
        }
    }
    if args.pages.is_empty() {
        return Err(format!("no PAGE given.\n{USAGE}"));
    }
    if args.front_matter && args.format != Format::Markdown {
        return Err("--front-matter goes with --format markdown".to_owned());
    }
    if !lists.is_empty() {
        args.rules = Some(Arc::new(compile_lists(&lists)?));
    }
    Ok(args)
}

fn load(page: &str) -> Result<Vec<u8>, String> {
    if page == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(page).map_err(|e| format!("cannot read {page}: {e}"))
    }
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    let mut out = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

fn process(args: &Args, bytes: &[u8]) -> Result<Vec<u8>, String> {
    let options = Options {
        url: args.url.clone(),
        rules: args.rules.clone(),
        ..Options::default()
    };
    match args.mode {
        Mode::Analyze if args.explain => plainpage::explain(bytes, &options)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        Mode::Analyze => {
            let a = plainpage::analyze(bytes, &options).map_err(|e| e.to_string())?;
            json(&VerdictOut {
                verdict: &a.verdict,
                timings: a.timings,
            })
        }
        Mode::Clean => {
            let c = plainpage::clean(bytes, &options).map_err(|e| e.to_string())?;
            match args.format {
                Format::Json => json(&VerdictOut {
                    verdict: &c.verdict,
                    timings: c.timings,
                }),
                _ => Ok(c.html),
            }
        }
        Mode::Read if args.format == Format::Markdown => {
            plainpage::read_markdown(bytes, &options, args.front_matter)
                .map(|m| m.markdown.into_bytes())
                .map_err(|e| e.to_string())
        }
        Mode::Read => {
            let r = plainpage::read(bytes, &options).map_err(|e| e.to_string())?;
            match args.format {
                Format::Html => Ok(r.document.into_bytes()),
                Format::Text => Ok(format!("{}\n", r.article.text).into_bytes()),
                Format::Json | Format::Markdown => json(&r.article),
            }
        }
    }
}

fn output_name(page: &str, args: &Args) -> String {
    let stem = if page == "-" {
        "stdin".to_owned()
    } else {
        let p = Path::new(page);
        let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
        // corpus layout: <name>/source.html → name
        match (stem.as_deref(), p.parent().and_then(Path::file_name)) {
            (Some("source"), Some(parent)) => parent.to_string_lossy().into_owned(),
            (Some(s), _) => s.to_owned(),
            _ => "page".to_owned(),
        }
    };
    let ext = match args.format {
        Format::Html => "html",
        Format::Text => "txt",
        Format::Json => "json",
        Format::Markdown => "md",
    };
    format!("{stem}.{ext}")
}

fn batch(args: &Args, dir: &Path) -> Result<ExitCode, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let total = args.pages.len();
    let done = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    let tty = std::io::stderr().is_terminal();
    args.pages.par_iter().for_each(|page| {
        let result = load(page)
            .and_then(|bytes| process(args, &bytes))
            .and_then(|out| {
                let path = dir.join(output_name(page, args));
                std::fs::write(&path, out)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))
            });
        if let Err(msg) = result {
            failed.fetch_add(1, Ordering::Relaxed);
            eprintln!(
                "{}plainpage: {page}: {msg}",
                if tty { "\r\x1b[K" } else { "" }
            );
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if tty {
            let width = 30;
            let filled = n * width / total;
            eprint!(
                "\r[{}{}] {n}/{total}",
                "#".repeat(filled),
                " ".repeat(width - filled)
            );
        }
    });
    if tty {
        eprintln!();
    }
    let failed = failed.load(Ordering::Relaxed);
    eprintln!(
        "plainpage: {} of {total} pages written to {}",
        total - failed,
        dir.display()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Compiles filter lists once, for every page of a run.
fn compile_lists(paths: &[String]) -> Result<RuleSet, String> {
    let mut set = RuleSet::new();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the filter list {path}: {e}"))?;
        let name = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.clone());
        set.add_list(&name, &text, category_for_list(&name));
    }
    set.build_index();
    Ok(set)
}

/// `plainpage rules LIST...`: what each list contributes and what is not supported.
fn run_rules(rest: &[String]) -> Result<ExitCode, String> {
    let show_lines = rest.iter().any(|a| a == "--lines");
    let paths: Vec<String> = rest
        .iter()
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .collect();
    if paths.is_empty() {
        return Err("rules needs at least one filter list".into());
    }
    let (set, ms) = plainpage::clock::timed(|| compile_lists(&paths));
    let set = set?;
    for r in &set.reports {
        println!(
            "{}: {} lines, {} element-hiding rules, {} supported ({:.1}%: {} hashed, {} exceptions, {} scroll resets), skipped {} network + {} scriptlets",
            r.name,
            r.lines,
            r.hiding_rules,
            r.supported,
            r.support() * 100.0,
            r.hashed,
            r.exceptions,
            r.scroll_unlocks,
            r.network_skipped,
            r.scriptlet_skipped
        );
        for (why, n) in &r.unsupported {
            println!("  unsupported: {n} × {why}");
        }
        if show_lines {
            for (line, why) in &r.skipped_lines {
                println!("  line {line}: {why}");
            }
        }
    }
    println!("compiled {} rules in {ms:.1} ms", set.len());
    Ok(ExitCode::SUCCESS)
}

fn run_eval(rest: &[String]) -> Result<ExitCode, String> {
    if rest.iter().any(|a| a == "--clean") {
        return run_eval_clean(rest);
    }
    if rest.iter().any(|a| a == "--wcxb") {
        return run_eval_wcxb(rest);
    }
    if rest.iter().any(|a| a == "--golden") {
        return run_eval_golden(rest);
    }
    let mut dir = None;
    let mut floors = None;
    let mut as_json = false;
    let mut bless = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--floors" => floors = Some(it.next().ok_or("--floors needs a file")?.clone()),
            "--bless-floors" => {
                bless = Some(it.next().ok_or("--bless-floors needs a file")?.clone())
            }
            "--json" => as_json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            d => dir = Some(PathBuf::from(d)),
        }
    }
    let dir = dir.ok_or("eval needs a DIR of <name>/source.html + expected.html pages")?;
    let report = evaluate(&dir).map_err(|e| e.to_string())?;
    if as_json {
        std::io::stdout()
            .write_all(&json(&report)?)
            .map_err(|e| e.to_string())?;
    } else {
        print_report(&report);
    }
    if let Some(file) = bless {
        write_floors(&report, Path::new(&file))?;
    }
    match floors {
        None => Ok(ExitCode::SUCCESS),
        Some(file) => check_floors(&report, Path::new(&file)),
    }
}

fn print_report(report: &Report) {
    println!(
        "{:<45} {:>9} {:>9} {:>9}",
        "page", "precision", "recall", "f1"
    );
    for p in &report.pages {
        let note = p
            .error
            .as_deref()
            .map(|e| format!("  ERROR: {e}"))
            .unwrap_or_default();
        println!(
            "{:<45} {:>9.3} {:>9.3} {:>9.3}{note}",
            p.name, p.precision, p.recall, p.f1
        );
    }
    println!(
        "{:<45} {:>9.3} {:>9.3} {:>9.3}",
        "MEAN", report.mean_precision, report.mean_recall, report.mean_f1
    );
    let low: Vec<&str> = report
        .pages
        .iter()
        .filter(|p| p.recall < 0.9)
        .map(|p| p.name.as_str())
        .collect();
    println!(
        "pages with recall < 0.9 ({}): {}",
        low.len(),
        low.join(", ")
    );
}

/// Writes the current scores as floors.
fn write_floors(report: &Report, file: &Path) -> Result<(), String> {
    std::fs::write(file, plainpage::eval::floors_text(report))
        .map_err(|e| format!("cannot write {}: {e}", file.display()))
}

/// Checks the report against a floor file; prints what fell below.
fn check_floors(report: &Report, file: &Path) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read floors {}: {e}", file.display()))?;
    let check = plainpage::eval::check_floors(report, &text)?;
    println!(
        "floors: {} passed, {} failed",
        check.passed,
        check.failures.len()
    );
    for f in &check.failures {
        println!("  BELOW FLOOR {f}");
    }
    Ok(if check.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `eval --clean`: clean mode against the hand-made labels, and the WCXB main content kept.
fn run_eval_clean(rest: &[String]) -> Result<ExitCode, String> {
    use plainpage::eval::clean;
    let mut labels = PathBuf::from("tests/data/labels");
    let mut shared = std::env::var_os("PLAINPAGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let mut floors = None;
    let mut bless = None;
    let mut as_json = false;
    let mut per_page = false;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--clean" => {}
            "--labels" => labels = PathBuf::from(it.next().ok_or("--labels needs a folder")?),
            "--shared" => shared = PathBuf::from(it.next().ok_or("--shared needs a folder")?),
            "--floors" => floors = Some(it.next().ok_or("--floors needs a file")?.clone()),
            "--bless-floors" => {
                bless = Some(it.next().ok_or("--bless-floors needs a file")?.clone())
            }
            "--json" => as_json = true,
            "--pages" => per_page = true,
            other => return Err(format!("eval --clean: unknown argument {other}")),
        }
    }
    let report = clean::evaluate_labels(&labels, &shared)?;
    let kept = clean::main_content_kept(&shared)?;
    if as_json {
        #[derive(Serialize)]
        struct Out<'a> {
            labels: &'a clean::CleanReport,
            kept: &'a [clean::Kept],
        }
        std::io::stdout()
            .write_all(&json(&Out {
                labels: &report,
                kept: &kept,
            })?)
            .map_err(|e| e.to_string())?;
    } else {
        print_clean_report(&report, &kept, per_page);
    }
    if let Some(file) = bless {
        std::fs::write(&file, clean::floors_text(&report, &kept))
            .map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    let mut failed = false;
    for p in &report.pages {
        if let Some(e) = &p.error {
            println!("ERROR {}: {e}", p.name);
            failed = true;
        }
        if !p.unmatched.is_empty() {
            println!("LABELS {}: lines {:?} match nothing", p.name, p.unmatched);
            failed = true;
        }
    }
    if let Some(file) = floors {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read floors {file}: {e}"))?;
        let failures = clean::check_floors(&report, &kept, &text)?;
        println!("clean floors: {} failed", failures.len());
        for f in &failures {
            println!("  BELOW FLOOR {f}");
        }
        failed |= !failures.is_empty();
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_clean_report(
    report: &plainpage::eval::clean::CleanReport,
    kept: &[plainpage::eval::clean::Kept],
    per_page: bool,
) {
    if per_page {
        for p in &report.pages {
            for m in &p.misses {
                println!(
                    "MISS {} line {} {} `{}` (removed {:.0} %) {}",
                    p.name,
                    m.line,
                    m.category,
                    m.selector,
                    m.removed_share * 100.0,
                    m.explain
                );
            }
            for w in &p.unjustified {
                println!(
                    "EXTRA {} #{} <{}> {} — {} — {:?}",
                    p.name, w.ordinal, w.tag, w.category, w.reason, w.preview
                );
            }
            for m in &p.mislabels {
                println!(
                    "NAME {} line {}: {} named {}",
                    p.name, m.line, m.want, m.got
                );
            }
        }
    }
    for p in &report.pages {
        for w in &p.violations {
            let (kind, line) = w.keep.clone().unwrap_or_default();
            println!(
                "VIOLATION {} #{} <{}> {} cuts keep {kind} (line {line}) — {} — {:?}",
                p.name, w.ordinal, w.tag, w.category, w.reason, w.preview
            );
        }
    }
    println!(
        "{:<12} {:>9} {:>7} {:>8} {:>9} {:>8} {:>10}",
        "category", "labelled", "found", "recall", "removed", "precis.", "named ok"
    );
    let line = |name: &str, c: &plainpage::eval::clean::Counts| {
        println!(
            "{:<12} {:>9} {:>7} {:>8.3} {:>9} {:>8.3} {:>10.3}",
            name,
            c.labelled,
            c.found,
            c.recall(),
            c.removed,
            c.precision(),
            c.category_accuracy()
        );
    };
    for cat in plainpage::Category::ALL {
        line(cat.name(), &report.counts[cat.index()]);
    }
    line("ALL", &report.total);
    println!(
        "pages {}, must-stay violations {}",
        report.pages.len(),
        report.violations
    );
    let n = kept.len().max(1) as f64;
    let mean = kept.iter().map(|k| k.share).sum::<f64>() / n;
    let below = |x: f64| kept.iter().filter(|k| k.share < x).count();
    let worst = kept
        .iter()
        .min_by(|a, b| a.share.total_cmp(&b.share))
        .map(|k| format!("{} ({}) {:.4}", k.id, k.page_type, k.share))
        .unwrap_or_default();
    println!(
        "WCXB main content kept: {} pages, mean {:.4}, below 99 % {}, below 99.9 % {}, worst {worst}",
        kept.len(),
        mean,
        below(0.99),
        below(0.999)
    );
    if per_page {
        for k in kept.iter().filter(|k| k.share < 0.999) {
            println!("KEPT {} ({}) {:.4}", k.id, k.page_type, k.share);
        }
    }
}

/// `eval --golden`: every corpus page's judgement against the golden files in `tests/golden`
/// (or `--dir`); `--bless` rewrites them.
fn run_eval_golden(rest: &[String]) -> Result<ExitCode, String> {
    use plainpage::eval::golden;
    let mut shared = std::env::var_os("PLAINPAGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let mut dir = PathBuf::from("tests/golden");
    let mut bless = false;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--golden" => {}
            "--shared" => shared = PathBuf::from(it.next().ok_or("--shared needs a folder")?),
            "--dir" => dir = PathBuf::from(it.next().ok_or("--dir needs a folder")?),
            "--bless" => bless = true,
            other => return Err(format!("eval --golden: unknown argument {other}")),
        }
    }
    let mut same = true;
    for (corpus, file) in golden::CORPORA {
        let now = golden::corpus_text(&shared, corpus)?;
        let path = dir.join(file);
        if bless {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            std::fs::write(&path, &now).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
            continue;
        }
        let committed = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        match golden::compare(&committed, &now) {
            Ok(()) => println!("{corpus}: same as {}", path.display()),
            Err(diff) => {
                same = false;
                println!("{corpus}: {diff}");
            }
        }
    }
    Ok(if same {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `eval --wcxb`: reader text and metadata against WCXB's human-marked truth.
fn run_eval_wcxb(rest: &[String]) -> Result<ExitCode, String> {
    use plainpage::eval::wcxb;
    let mut shared = std::env::var_os("PLAINPAGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let mut floors = None;
    let mut bless = None;
    let mut as_json = false;
    let mut per_page = false;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--wcxb" => {}
            "--shared" => shared = PathBuf::from(it.next().ok_or("--shared needs a folder")?),
            "--floors" => floors = Some(it.next().ok_or("--floors needs a file")?.clone()),
            "--bless-floors" => {
                bless = Some(it.next().ok_or("--bless-floors needs a file")?.clone())
            }
            "--json" => as_json = true,
            "--pages" => per_page = true,
            other => return Err(format!("eval --wcxb: unknown argument {other}")),
        }
    }
    let pages = wcxb::evaluate(&shared)?;
    if as_json {
        std::io::stdout()
            .write_all(&json(&pages)?)
            .map_err(|e| e.to_string())?;
    } else {
        if per_page {
            for p in &pages {
                println!(
                    "{} {:<13} P {:.3} R {:.3} wF1 {:.3} with {}/{} without {}/{} t/a/d {:?}/{:?}/{:?}{}",
                    p.id,
                    p.page_type,
                    p.shingle_precision.unwrap_or(0.0),
                    p.shingle_recall,
                    p.word_f1,
                    p.with_found,
                    p.with_total,
                    p.without_found,
                    p.without_total,
                    p.title_ok,
                    p.author_ok,
                    p.date_ok,
                    p.error.as_deref().map(|e| format!(" ERROR {e}")).unwrap_or_default()
                );
            }
        }
        println!(
            "{:<14} {:>5} {:>7} {:>7} {:>7} {:>7} {:>6} {:>8} {:>6} {:>6} {:>6}",
            "type",
            "pages",
            "4g P",
            "4g R",
            "4g F1",
            "word F1",
            "with",
            "without",
            "title",
            "author",
            "date"
        );
        for (name, s) in wcxb::summaries(&pages) {
            println!(
                "{:<14} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>6.3} {:>8.3} {:>6.3} {:>6.3} {:>6.3} {:>10.3}",
                name,
                s.pages,
                s.shingle_precision,
                s.shingle_recall,
                s.shingle_f1,
                s.word_f1,
                s.with_rate,
                s.without_rate,
                s.title,
                s.author,
                s.date,
                s.readerable
            );
        }
    }
    if let Some(file) = bless {
        std::fs::write(&file, wcxb::floors_text(&pages))
            .map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    let mut failed = false;
    for p in pages.iter().filter(|p| p.error.is_some()) {
        println!("ERROR {}: {}", p.id, p.error.as_deref().unwrap_or(""));
        failed = true;
    }
    if let Some(file) = floors {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read floors {file}: {e}"))?;
        let failures = wcxb::check_floors(&pages, &text)?;
        println!("wcxb floors: {} failed", failures.len());
        for f in &failures {
            println!("  BELOW FLOOR {f}");
        }
        failed |= !failures.is_empty();
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
