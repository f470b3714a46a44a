//! Small text helpers shared by the passes: entity decoding, whitespace folding and tokens.

/// Decodes the HTML character references lol_html leaves in text and attribute values.
///
/// Numeric references are decoded fully; named ones cover the references news pages actually
/// use. Anything unknown is kept as written, which is what a browser shows for a bad reference.
pub fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match decode_one(rest) {
            Some((ch, used)) => {
                out.push_str(&ch.as_str());
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the one character reference at the start of `s` (which begins with `&`): its text
/// and how many bytes of `s` it took, or `None` when this decoder does not know it.
pub fn decode_reference(s: &str) -> Option<(String, usize)> {
    decode_one(s).map(|(d, used)| (d.as_str(), used))
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

impl Decoded {
    fn as_str(&self) -> String {
        match self {
            Decoded::Char(c) => c.to_string(),
            Decoded::Str(s) => (*s).to_owned(),
        }
    }
}

/// Decodes the reference at the start of `s` (which begins with `&`); returns it and its length.
fn decode_one(s: &str) -> Option<(Decoded, usize)> {
    let body = &s[1..];
    let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))?;
    let has_semicolon = body[end..].starts_with(';');
    let name = &body[..end];
    let used = 1 + end + usize::from(has_semicolon);
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let ch = match code {
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some((Decoded::Char(ch), used));
    }
    if !has_semicolon && !matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp") {
        return None;
    }
    let value = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "bull" => "•",
        "middot" => "·",
        "times" => "×",
        "euro" => "€",
        "pound" => "£",
        "deg" => "°",
        "shy" => "\u{ad}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "agrave" => "à",
        "ouml" => "ö",
        "auml" => "ä",
        "uuml" => "ü",
        "szlig" => "ß",
        "ccedil" => "ç",
        "ntilde" => "ñ",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        _ => return None,
    };
    Some((Decoded::Str(value), used))
}

/// Folds runs of whitespace into single spaces and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Escapes text for an HTML text node or a double-quoted attribute value.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Lower-cased alphanumeric tokens, the unit the quality harness counts.
pub fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

/// Cuts `s` to at most `max` characters on a character boundary, adding an ellipsis if cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            decode_entities("Kyiv&#x27;s &amp; &quot;x&quot; &#8217;"),
            "Kyiv's & \"x\" ’"
        );
        assert_eq!(decode_entities("a &unknown; b & c"), "a &unknown; b & c");
        assert_eq!(decode_entities("&#0;&#xFFFFFFFF;"), "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn folds_and_tokenizes() {
        assert_eq!(fold_whitespace("  a \n\t b  "), "a b");
        let t: Vec<_> = tokens("Hello, World-2025!").collect();
        assert_eq!(t, ["hello", "world", "2025"]);
        assert_eq!(truncate_chars("abcdef", 3), "abc…");
    }
}
