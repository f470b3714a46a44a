//! URLs written in a page, made safe to hand to the `url` crate: the host's ASCII letters in
//! lower case.
//!
//! With `idna_adapter` 1.0 (chosen to leave the Unicode tables out of the module), a host that
//! mixes ASCII capitals with other characters ("https://raine-R\u{FFFD}…", found by the `read`
//! fuzz target) reaches the adapter's mapping with its capitals still in it, which it asserts
//! never happens. Host names are case-insensitive, so folding them first changes no URL's
//! meaning.

use std::borrow::Cow;

/// The URL with the ASCII letters of its host (between the `//` that opens it or follows its
/// scheme and the next `/`, `?`, `#` or `\`, after any user name) folded to lower case. A `//`
/// further on (`/go?to=https://Example.com`) is the path's or the query's, left as written.
pub fn fold_host(url: &str) -> Cow<'_, str> {
    let scheme = url.find(':').filter(|&i| {
        let s = url.as_bytes();
        s[0].is_ascii_alphabetic()
            && s[1..i]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    });
    let at = scheme.map_or(0, |i| i + 1);
    if url.get(at..at + 2) != Some("//") {
        return Cow::Borrowed(url);
    }
    let start = at + 2;
    let rest = &url[start..];
    let end = start + rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let host_start = url[start..end].rfind('@').map_or(start, |i| start + i + 1);
    let host = &url[host_start..end];
    if !host.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(url);
    }
    let mut folded = String::with_capacity(url.len());
    folded.push_str(&url[..host_start]);
    folded.push_str(&host.to_ascii_lowercase());
    folded.push_str(&url[end..]);
    Cow::Owned(folded)
}

#[cfg(test)]
mod tests {
    use super::fold_host;

    #[test]
    fn folds_the_host_alone() {
        assert_eq!(
            fold_host("https://User:Pw@News.Example/A/B?Q=R#F"),
            "https://User:Pw@news.example/A/B?Q=R#F"
        );
        assert_eq!(fold_host("//CDN.example/x.jpg"), "//cdn.example/x.jpg");
        assert_eq!(fold_host("/Path/Only"), "/Path/Only");
        assert_eq!(fold_host("mailto:A@B.example"), "mailto:A@B.example");
        assert_eq!(
            fold_host("/go?to=https://Example.com/P"),
            "/go?to=https://Example.com/P"
        );
        assert_eq!(fold_host("HTTP://A.B/C"), "HTTP://a.b/C");
    }

    #[test]
    fn a_host_of_capitals_and_other_characters_parses_without_a_panic() {
        // The fuzz target's find: before folding, a debug build panicked inside `idna_adapter`.
        let base = url::Url::parse("https://news.example/a/b.html").ok();
        for raw in ["https://raine-R\u{FFFD}\u{FFFD}/x", "//Ab\u{e9}C.example/y"] {
            let _ = url::Url::parse(&fold_host(raw));
            if let Some(base) = &base {
                let _ = base.join(&fold_host(raw));
            }
        }
    }
}
