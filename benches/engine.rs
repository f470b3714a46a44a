//! Engine throughput over the development corpus: the bare lol_html pass (no handlers) as the
//! baseline, then survey, judge, strip, the full clean path and read, side by side.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use lol_html::{HtmlRewriter, Settings};
use plainpage::{Input, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Counts live heap bytes, so the benches can report memory next to time.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn shared_dir() -> PathBuf {
    std::env::var_os("PLAINPAGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn compile_lists() -> plainpage::rules::filter::RuleSet {
    use plainpage::rules::filter::{category_for_list, RuleSet};
    let dir = shared_dir().join("lists");
    let mut set = RuleSet::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&p).expect("list");
        set.add_list(&name, &text, category_for_list(&name));
    }
    set.build_index();
    set
}

/// Compiling the five lists, and their per-page cost on typical corpus pages.
fn filter_lists(c: &mut Criterion) {
    let before = LIVE.load(Ordering::Relaxed);
    let set = Arc::new(compile_lists());
    let held = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    println!(
        "filter lists: {} rules compiled, {:.1} MiB held",
        set.len(),
        held as f64 / 1048576.0
    );
    let mut g = c.benchmark_group("filter_lists");
    g.sample_size(10);
    g.bench_function("compile_five_lists", |b| {
        b.iter(|| black_box(compile_lists()))
    });
    let dir = shared_dir().join("corpus/readability");
    for page in ["nytimes-1", "bbc-1", "wapo-1"] {
        let bytes = std::fs::read(dir.join(page).join("source.html")).expect("page");
        let plain = Options::with_url("https://www.example-news.com/story");
        let with_lists = Options {
            rules: Some(Arc::clone(&set)),
            ..plain.clone()
        };
        g.bench_function(format!("{page}/clean_without_lists"), |b| {
            b.iter(|| black_box(plainpage::clean(&bytes, &plain).expect("clean")))
        });
        g.bench_function(format!("{page}/clean_with_lists"), |b| {
            b.iter(|| black_box(plainpage::clean(&bytes, &with_lists).expect("clean")))
        });
    }
    g.finish();
}

/// Peak heap during one survey of the largest corpus page, against its size.
fn memory_report(pages: &[(String, Vec<u8>)]) {
    let Some((name, bytes)) = pages.iter().max_by_key(|(_, b)| b.len()) else {
        return;
    };
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let input = Input::new(bytes, None).expect("input");
    let survey = plainpage::survey::survey(&input).expect("survey");
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    println!(
        "memory: survey of {name} ({:.1} KiB, {} elements) peaked at {:.1} KiB",
        bytes.len() as f64 / 1024.0,
        survey.rows.len(),
        peak as f64 / 1024.0
    );
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = shared_dir().join("corpus/readability");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter_map(|e| {
            let bytes = std::fs::read(e.path().join("source.html")).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), bytes))
        })
        .collect();
    pages.sort();
    assert!(
        !pages.is_empty(),
        "the corpus at {} is empty",
        dir.display()
    );
    pages
}

fn bare_pass(bytes: &[u8]) {
    let mut rewriter = HtmlRewriter::new(Settings::new().with_strict(false), |c: &[u8]| {
        black_box(c);
    });
    rewriter.write(bytes).expect("bare pass");
    rewriter.end().expect("bare pass");
}

/// lol_html visiting every element and text chunk with handlers that do nothing: the floor
/// for any pass that must look at every element (the bare pass skips tokenizing tags).
fn visiting_pass(bytes: &[u8]) {
    use lol_html::{doc_text, element};
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", |el| {
            black_box(el);
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|t| {
            black_box(t);
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |c: &[u8]| {
        black_box(c);
    });
    rewriter.write(bytes).expect("visiting pass");
    rewriter.end().expect("visiting pass");
}

fn engine(c: &mut Criterion) {
    let pages = corpus();
    let total: usize = pages.iter().map(|(_, b)| b.len()).sum();
    memory_report(&pages);
    let options = Options::with_url("http://fakehost/test/page.html");
    let inputs: Vec<Input<'_>> = pages
        .iter()
        .map(|(_, b)| Input::new(b, None).expect("input"))
        .collect();
    let surveys: Vec<_> = inputs
        .iter()
        .map(|i| plainpage::survey::survey(i).expect("survey"))
        .collect();
    let verdicts: Vec<_> = surveys
        .iter()
        .map(|s| plainpage::judge::judge(s, &options))
        .collect();

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("bare_lol_html", |b| {
        b.iter(|| pages.iter().for_each(|(_, p)| bare_pass(p)))
    });
    g.bench_function("lol_html_visit_all", |b| {
        b.iter(|| pages.iter().for_each(|(_, p)| visiting_pass(p)))
    });
    g.bench_function("survey", |b| {
        b.iter(|| {
            for i in &inputs {
                black_box(plainpage::survey::survey(i).expect("survey"));
            }
        })
    });
    g.bench_function("judge", |b| {
        b.iter(|| {
            for s in &surveys {
                black_box(plainpage::judge::judge(s, &options));
            }
        })
    });
    g.bench_function("strip", |b| {
        b.iter(|| {
            for (i, v) in inputs.iter().zip(&verdicts) {
                black_box(plainpage::strip::strip(i, v).expect("strip"));
            }
        })
    });
    g.bench_function("clean_full", |b| {
        b.iter_batched(
            || (),
            |()| {
                for (_, p) in &pages {
                    black_box(plainpage::clean(p, &options).expect("clean"));
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("read_full", |b| {
        b.iter(|| {
            for (_, p) in &pages {
                black_box(plainpage::read(p, &options).expect("read"));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, engine, filter_lists);
criterion_main!(benches);
