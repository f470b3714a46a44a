//! Selector keys: a literal that must appear in a page's source for a selector to match (a class
//! or id name, an attribute value or name). A page is scanned once for all keys, and only
//! selectors whose key is present go to lol_html, so whole lists cost little per page.

/// Where a key must be found on the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// A class token of some element.
    Class(String),
    /// The id of some element.
    Id(String),
    /// The (lower-case) tag name of some element.
    Tag(String),
    /// A literal somewhere in the page source (attribute names and values).
    Source(String),
}

/// A compound selector of only a tag, an id and classes (`div.newsletter.box`), which the
/// survey's rows answer without lol_html.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Compound {
    pub tag: Option<String>,
    pub id: Option<String>,
    pub classes: Vec<String>,
}

impl Compound {
    /// Whether an element with this tag, id and class attribute matches.
    pub fn matches(&self, tag: &str, id: &str, class: &str) -> bool {
        self.tag
            .as_deref()
            .is_none_or(|t| t.eq_ignore_ascii_case(tag))
            && self.id.as_deref().is_none_or(|i| i == id.trim())
            && self
                .classes
                .iter()
                .all(|c| class.split_ascii_whitespace().any(|have| have == c))
    }
}

/// Parses a selector that is a single plain compound; `None` for anything else.
pub fn compound_of(selector: &str) -> Option<Compound> {
    let s = selector.trim();
    let mut out = Compound::default();
    let tag_end = ident_end(s, 0);
    if tag_end > 0 {
        out.tag = Some(s[..tag_end].to_ascii_lowercase());
    }
    let mut i = tag_end;
    while i < s.len() {
        let kind = s.as_bytes()[i];
        if kind != b'.' && kind != b'#' {
            return None;
        }
        let end = ident_end(s, i + 1);
        if end == i + 1 {
            return None;
        }
        let name = s[i + 1..end].to_owned();
        match kind {
            b'.' => out.classes.push(name),
            b'#' if out.id.is_none() => out.id = Some(name),
            _ => return None,
        }
        i = end;
    }
    (out.tag.is_some() || out.id.is_some() || !out.classes.is_empty()).then_some(out)
}

/// The key of a selector, typed by where the survey can check it.
pub fn typed_key_of(selector: &str) -> Option<Key> {
    let compound = strip_parenthesized(rightmost_compound(selector));
    let lit = key_of(selector)?;
    let has = |prefix: char| {
        compound
            .match_indices(prefix)
            .any(|(at, _)| compound[at + 1..ident_end(compound, at + 1)] == *lit)
    };
    Some(if has('#') {
        Key::Id(lit)
    } else if has('.') {
        Key::Class(lit)
    } else if compound.to_ascii_lowercase().starts_with(&lit) && !compound.starts_with('[') {
        Key::Tag(lit)
    } else {
        Key::Source(lit)
    })
}

/// The most specific literal the selector cannot match without, or `None` when it has none
/// (selector lists, bare tags, pseudo-classes only): such selectors always run.
pub fn key_of(selector: &str) -> Option<String> {
    if has_top_level(selector, ',') {
        return None;
    }
    let compound = rightmost_compound(selector);
    let compound = strip_parenthesized(compound);
    let mut best: Option<(u8, String)> = None;
    let consider = |best: &mut Option<(u8, String)>, rank: u8, lit: &str| {
        let lit = lit.trim_matches(|c| c == '"' || c == '\'');
        let plain = lit.len() >= 3 && lit.chars().all(|c| literal_char(c) || c == ' ');
        if plain
            && best
                .as_ref()
                .is_none_or(|(r, b)| (rank, lit.len()) > (*r, b.len()))
        {
            *best = Some((rank, lit.to_owned()));
        }
    };
    let bytes = compound.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'.' | b'#' => {
                let rank = if bytes[i] == b'#' { 3 } else { 2 };
                let end = ident_end(compound, i + 1);
                consider(&mut best, rank, &compound[i + 1..end]);
                i = end;
            }
            b'[' => {
                let end = compound[i..].find(']').map_or(compound.len(), |e| i + e);
                let inner = &compound[i + 1..end];
                let (name, value) = match inner.find('=') {
                    Some(eq) => (
                        inner[..eq].trim_end_matches(['^', '$', '*', '~', '|']),
                        Some(inner[eq + 1..].trim()),
                    ),
                    None => (inner, None),
                };
                // A value matched case-insensitively (` i`) may be written in any case.
                if let Some(v) = value.filter(|v| !v.ends_with(" i") && !v.ends_with(" I")) {
                    let v = v.trim_end_matches(" s").trim_end_matches(" S");
                    let v = v.trim_matches(|c| c == '"' || c == '\'');
                    if let Some(run) = longest_value_run(v) {
                        // A short value (`share`) is on most pages; a long attribute name
                        // (`data-social`) may then say more.
                        let rank = if run.len() >= 6 { 1 } else { 0 };
                        consider(&mut best, rank, run);
                    }
                }
                if name.starts_with("data-") || name.len() > 8 {
                    consider(&mut best, 0, name.trim());
                }
                i = end + 1;
            }
            _ => i += compound[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if best.is_none() {
        // A bare custom element (`amp-app-banner`): its tag name is the key.
        let tag = ident_end(compound, 0);
        if compound[..tag].contains('-') {
            consider(&mut best, 1, &compound[..tag].to_ascii_lowercase());
        }
    }
    best.map(|(_, lit)| lit)
}

/// Characters a key may hold: ones a page writes literally in its source. Quotes, `&` (entities),
/// `<`, `>` and backslashes (CSS escapes) may be spelt differently there, and whitespace may be
/// folded differently.
fn literal_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '-' | '_' | '/' | '.' | ':' | '#' | '?' | '=' | '%' | '+' | ',' | ';' | '@' | '!' | '~'
        )
}

/// The longest piece of an attribute value that a page must write literally for the value to
/// match: a run of [`literal_char`]s and single spaces (so `Follow on twitter` and
/// `https://t.me/share/url?` are keys whole), trimmed of spaces at its ends.
fn longest_value_run(value: &str) -> Option<&str> {
    value
        .split(|c: char| !(literal_char(c) || c == ' '))
        .flat_map(|run| run.split("  "))
        .map(str::trim)
        .filter(|run| run.len() >= 3)
        .max_by_key(|run| run.len())
}

fn ident_end(s: &str, from: usize) -> usize {
    s[from..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .map_or(s.len(), |e| from + e)
}

/// Whether `c` occurs outside brackets, parentheses and quotes.
fn has_top_level(s: &str, c: char) -> bool {
    let mut depth = 0i32;
    let mut quote = None;
    for ch in s.chars() {
        match (quote, ch) {
            (Some(q), ch) if ch == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(ch),
            (None, '[' | '(') => depth += 1,
            (None, ']' | ')') => depth -= 1,
            (None, ch) if ch == c && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// The last compound selector (after the last top-level combinator).
fn rightmost_compound(s: &str) -> &str {
    let mut depth = 0i32;
    let mut quote = None;
    let mut start = 0;
    for (i, ch) in s.char_indices() {
        match (quote, ch) {
            (Some(q), ch) if ch == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(ch),
            (None, '[' | '(') => depth += 1,
            (None, ']' | ')') => depth -= 1,
            (None, ' ' | '>' | '+' | '~') if depth == 0 => start = i + 1,
            _ => {}
        }
    }
    s[start..].trim()
}

/// Removes `(…)` arguments (`:not(.x)` requires nothing), keeping the rest.
fn strip_parenthesized(s: &str) -> &str {
    match s.find(':') {
        Some(at) if s[at..].contains('(') => &s[..at],
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::key_of;

    #[test]
    fn picks_a_required_literal() {
        assert_eq!(key_of("div.l > .acu.act").as_deref(), Some("acu"));
        assert_eq!(
            key_of("#consumer-app > .modals-wrap").as_deref(),
            Some("modals-wrap")
        );
        assert_eq!(key_of("a[href=\"#pagetop\"]").as_deref(), Some("#pagetop"));
        assert_eq!(
            key_of("[data-taboola-options]").as_deref(),
            Some("data-taboola-options")
        );
        assert_eq!(
            key_of(".back-to-top:not(body):not(html)").as_deref(),
            Some("back-to-top")
        );
        assert_eq!(
            key_of("a[title=\"Follow on twitter\"]").as_deref(),
            Some("Follow on twitter")
        );
        assert_eq!(
            key_of("a[href^=\"https://t.me/share/url?\"]").as_deref(),
            Some("https://t.me/share/url?")
        );
        assert_eq!(
            key_of("a[href^=\"http://www.plurk.com/?qualifier=shares&\"]").as_deref(),
            Some("http://www.plurk.com/?qualifier=shares")
        );
        // Matched in any case: the page may write it in another.
        assert_eq!(key_of("a[title=\"Share on X\" i]"), None);
        assert_eq!(key_of("div, span"), None);
        assert_eq!(key_of("aside"), None);
    }

    #[test]
    fn plain_compounds_match_rows() {
        use super::compound_of;
        let c = compound_of("div.newsletter.box").expect("compound");
        assert!(c.matches("DIV", "", "box x newsletter"));
        assert!(!c.matches("div", "", "newsletter"));
        assert!(compound_of("#a.b")
            .expect("compound")
            .matches("p", "a", "b"));
        assert_eq!(compound_of("div > .x"), None);
        assert_eq!(compound_of("a[href]"), None);
        assert_eq!(compound_of(".x:not(.y)"), None);
    }

    #[test]
    fn keys_are_typed() {
        use super::{typed_key_of, Key};
        assert_eq!(
            typed_key_of("div.l > .acu.act"),
            Some(Key::Class("acu".into()))
        );
        assert_eq!(
            typed_key_of("#consumer-app"),
            Some(Key::Id("consumer-app".into()))
        );
        assert_eq!(
            typed_key_of("amp-app-banner"),
            Some(Key::Tag("amp-app-banner".into()))
        );
        assert_eq!(
            typed_key_of("a[href=\"#pagetop\"]"),
            Some(Key::Source("#pagetop".into()))
        );
    }
}
