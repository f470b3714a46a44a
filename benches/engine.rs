//! Engine throughput over the development corpus: the bare lol_html pass (no handlers) as the
//! baseline, then survey, judge, strip, the full clean path and read, side by side.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use lol_html::{HtmlRewriter, Settings};
use plainpage::{Input, Options};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let shared = std::env::var_os("PLAINPAGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus/readability");
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

criterion_group!(benches, engine);
criterion_main!(benches);
