//! The survey gives the same result whatever the chunking of its input.

mod common;

use plainpage::survey::{Survey, Surveyor};
use plainpage::{Input, Options};

fn survey_in_chunks(bytes: &[u8], sizes: &mut dyn FnMut() -> usize) -> Survey {
    let input = Input::new(bytes, None).expect("input");
    let mut s = Surveyor::new(&input).expect("surveyor");
    let mut rest = &input.bytes[..];
    while !rest.is_empty() {
        let n = sizes().clamp(1, rest.len());
        s.write(&rest[..n]).expect("write");
        rest = &rest[n..];
    }
    s.finish().expect("finish")
}

/// A small deterministic generator, so a failure names a seed that reproduces it.
fn xorshift(mut state: u64) -> impl FnMut() -> usize {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 97 + 1) as usize
    }
}

fn check(rel: &str) {
    let bytes = common::read(rel);
    let input = Input::new(&bytes, None).expect("input");
    let whole = plainpage::survey::survey(&input).expect("survey");
    let whole_verdict = plainpage::judge::judge(&whole, &Options::default());
    let seed: u64 = std::env::var("PLAINPAGE_CHUNK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let cases: Vec<(String, Box<dyn FnMut() -> usize>)> = vec![
        ("1-byte".into(), Box::new(|| 1)),
        ("7-byte".into(), Box::new(|| 7)),
        (format!("random (seed {seed})"), Box::new(xorshift(seed))),
    ];
    for (name, mut sizes) in cases {
        let chunked = survey_in_chunks(&bytes, &mut sizes);
        assert_eq!(chunked.rows.len(), whole.rows.len(), "{rel}: {name} chunks");
        assert!(chunked == whole, "{rel}: survey differs with {name} chunks");
        let verdict = plainpage::judge::judge(&chunked, &Options::default());
        assert_eq!(
            verdict, whole_verdict,
            "{rel}: verdict differs with {name} chunks"
        );
    }
}

#[test]
fn seed_page() {
    check("seed/inkl-article.html");
}

#[test]
fn corpus_pages() {
    for page in ["nytimes-1", "wikipedia", "rtl-1"] {
        check(&format!("corpus/readability/{page}/source.html"));
    }
}
