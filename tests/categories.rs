//! The category names the extension's JavaScript writes against `plainpage::Category::ALL`: the
//! one table of names and colours (`COLOURS` in `extension/applier.js`, in the engine's order),
//! the settings' list and the popup's and options page's labels. A category added on one side
//! and not the other fails here, and so does a category colour written anywhere but the table.

use plainpage::Category;
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn source(path: &str) -> String {
    let file = repo().join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The engine's category names, in `Category::ALL` order.
fn engine_names() -> Vec<&'static str> {
    Category::ALL.iter().map(|c| c.name()).collect()
}

/// The tokens of the JavaScript literal `const NAME = {…}` or `const NAME = Object.freeze([…])`
/// in `text`: bare identifiers and quoted strings, in order (keys and values alike). The tables
/// hold no nested brackets and no escapes, which this checks.
fn literal(text: &str, name: &str, file: &str) -> Vec<String> {
    let start = text
        .find(&format!("const {name} = "))
        .unwrap_or_else(|| panic!("{file} has no `const {name} = `"));
    let rest = &text[start..];
    let open = rest
        .find(['{', '['])
        .unwrap_or_else(|| panic!("{file}: {name} is not an object or array literal"));
    let close = rest[open..]
        .find(['}', ']'])
        .unwrap_or_else(|| panic!("{file}: {name} is never closed"))
        + open;
    let body = &rest[open + 1..close];
    assert!(
        !body.contains(['{', '[', '\\']),
        "{file}: {name} is no longer a flat table"
    );
    let mut tokens = Vec::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                let token: String = chars.by_ref().take_while(|&d| d != c).collect();
                tokens.push(token);
            }
            c if c.is_alphanumeric() || c == '_' || c == '-' => {
                let mut token = String::from(c);
                while let Some(&d) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '-' {
                        token.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(token);
            }
            _ => {}
        }
    }
    tokens
}

/// `{ key: 'value', … }` as (key, value) pairs, in order.
fn object(file: &str, name: &str) -> Vec<(String, String)> {
    let tokens = literal(&source(file), name, file);
    assert_eq!(
        tokens.len() % 2,
        0,
        "{file}: {name} is not key: 'value' pairs"
    );
    tokens
        .chunks(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect()
}

#[test]
fn applier_colours_name_every_category_in_the_engines_order() {
    let colours = object("extension/applier.js", "COLOURS");
    let names: Vec<&str> = colours.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        engine_names(),
        "COLOURS in extension/applier.js must list plainpage::Category::ALL, in order"
    );
    for (category, colour) in &colours {
        let hex = colour.strip_prefix('#').unwrap_or_default();
        assert!(
            hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()),
            "{category}: {colour} is not a #rrggbb colour"
        );
    }
    let mut distinct: Vec<&str> = colours.iter().map(|(_, c)| c.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        colours.len(),
        "two categories share a colour"
    );
}

#[test]
fn the_extensions_other_category_lists_match_the_engine() {
    let settings = literal(
        &source("extension/settings.js"),
        "CATEGORIES",
        "extension/settings.js",
    );
    assert_eq!(
        settings,
        engine_names(),
        "CATEGORIES in extension/settings.js"
    );
    for file in ["extension/popup.js", "extension/options.js"] {
        let labels = object(file, "LABELS");
        let keys: Vec<&str> = labels.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, engine_names(), "LABELS in {file}");
        for (category, label) in &labels {
            assert!(!label.trim().is_empty(), "{file}: {category} has no label");
        }
    }
}

/// Every file below `dir` whose name ends in one of `endings`.
fn files(dir: &Path, endings: &[&str], out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Built output (www/pkg) holds copies; icons are not code.
            if !matches!(
                path.file_name().and_then(|n| n.to_str()),
                Some("pkg" | "icons")
            ) {
                files(&path, endings, out);
            }
        } else if endings.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            out.push(path);
        }
    }
}

#[test]
fn category_colours_are_written_once() {
    let colours = object("extension/applier.js", "COLOURS");
    let mut checked = Vec::new();
    for dir in ["src", "www", "extension"] {
        files(
            &repo().join(dir),
            &[".rs", ".js", ".mjs", ".css", ".html"],
            &mut checked,
        );
    }
    let applier = repo().join("extension/applier.js");
    assert!(checked.contains(&applier));
    assert!(checked.len() > 10, "too few files found: {checked:?}");
    for file in checked.iter().filter(|f| **f != applier) {
        let text = std::fs::read_to_string(file)
            .unwrap_or_default()
            .to_lowercase();
        for (category, colour) in &colours {
            assert!(
                !text.contains(&colour.to_lowercase()),
                "{} writes {category}'s colour {colour} again: take it from COLOURS in \
                 extension/applier.js",
                file.display()
            );
        }
    }
}
