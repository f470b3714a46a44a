//! The `plainpage` command-line contract other tools depend on.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn plainpage() -> Command {
    Command::new(env!("CARGO_BIN_EXE_plainpage"))
}

/// Runs the CLI, asserts it succeeded (showing its error if not), and gives its standard output.
fn succeeds(args: &[&str]) -> Vec<u8> {
    let out = plainpage().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn seed_path() -> String {
    common::shared()
        .join("seed/inkl-article.html")
        .display()
        .to_string()
}

#[test]
fn analyze_prints_verdict_json_with_timings() {
    let v: serde_json::Value =
        serde_json::from_slice(&succeeds(&["analyze", &seed_path()])).expect("json");
    assert!(v["article"].is_u64());
    let removals = v["removals"].as_array().expect("removals");
    assert!(!removals.is_empty());
    for r in removals {
        for key in ["ordinal", "tag", "category", "reason", "preview"] {
            assert!(!r[key].is_null(), "removal lacks {key}: {r}");
        }
    }
    for pass in ["survey", "judge"] {
        assert!(v["timings"][pass].is_f64(), "timings lack {pass}");
    }
}

#[test]
fn analyze_explain_prints_each_weighed_element_and_what_became_of_it() {
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clean/promos.html");
    let text = String::from_utf8(succeeds(&["analyze", page, "--explain"])).expect("utf-8");
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
            .to_owned()
    };
    // A removed box, with its category and reason in words, then its evidence.
    let widget = line("class=\"widget widget-odd\"");
    assert!(
        widget.starts_with("removed (newsletter: says “sign up for our newsletter”"),
        "{widget}"
    );
    assert!(widget.contains("passes true"), "{widget}");
    // What sits inside it, and a block the judge weighed and kept, with the rule that kept it.
    assert!(line("<h3>").starts_with("inside #"));
    let kept = line("<main>");
    assert!(kept.starts_with("kept #"), "{kept}");
    assert!(kept.contains("passes false ("), "{kept}");
    // A heading that went with its share bar on no evidence of its own is listed too.
    assert!(
        line("class=\"el-heading\"").starts_with("removed (social: the heading of the share bar")
    );
    // The flag is analyze's alone.
    let out = plainpage()
        .args(["clean", page, "--explain"])
        .output()
        .expect("run");
    assert!(!out.status.success());
}

#[test]
fn read_text_from_stdin_is_body_only() {
    let mut child = plainpage()
        .args(["read", "-", "--format", "text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&common::seed())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("Russia continues to reject an unconditional ceasefire with Ukraine"));
    assert!(
        text.contains("\n\nNegotiations between Russia"),
        "paragraphs separated by blank lines"
    );
    assert!(!text.contains("Sign up to read"));
}

#[test]
fn clean_and_read_formats() {
    let html = plainpage()
        .args(["clean", &seed_path()])
        .output()
        .expect("run");
    let page = String::from_utf8(html.stdout).expect("utf-8");
    assert!(page.contains("<article class=\"story\"") && !page.contains("story-gate"));
    let json = plainpage()
        .args(["clean", &seed_path(), "--format", "json"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert!(v["removals"].is_array());
    let read = plainpage()
        .args([
            "read",
            &seed_path(),
            "--url",
            "https://www.inkl.com/news/x",
            "--format",
            "json",
        ])
        .output()
        .expect("run");
    let a: serde_json::Value = serde_json::from_slice(&read.stdout).expect("json");
    assert_eq!(a["byline"], "Jacob Phillips");
    assert_eq!(a["siteName"], "Evening Standard");
    let doc = plainpage()
        .args(["read", &seed_path()])
        .output()
        .expect("run");
    let doc = String::from_utf8(doc.stdout).expect("utf-8");
    assert!(doc.starts_with("<!DOCTYPE html>") && doc.contains("Content-Security-Policy"));
}

#[test]
fn batch_writes_one_output_per_page_and_survives_a_bad_file() {
    let dir = std::env::temp_dir().join(format!("plainpage-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = common::shared().join("corpus/readability");
    let a = corpus.join("001/source.html").display().to_string();
    let b = corpus.join("rtl-1/source.html").display().to_string();
    let out = plainpage()
        .args([
            "read",
            &a,
            "/nonexistent/page.html",
            &b,
            "--format",
            "text",
            "--out-dir",
        ])
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "one bad file makes the batch exit 1"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/page.html") && err.contains("cannot read"),
        "{err}"
    );
    assert!(dir.join("001.txt").is_file() && dir.join("rtl-1.txt").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn errors_are_one_sentence_and_nonzero() {
    let out = plainpage()
        .args(["read", "/nonexistent.html"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("plainpage: cannot read /nonexistent.html"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    let out = plainpage()
        .args(["read", &seed_path(), "--url", "not a url"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an absolute URL"));
    let out = plainpage()
        .args(["clean", &seed_path(), "--format", "text"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = plainpage()
        .args(["a.html", "b.html"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}
