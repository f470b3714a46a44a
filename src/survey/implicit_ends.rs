//! The few tree-construction rules the survey mirrors so parents and subtrees come out as a
//! browser builds them: start tags that close an open `p`, `li`, `dt`/`dd`, `option`, table
//! rows and cells. lol_html reports explicit end tags only; these rules cover the implicit ones.
//! On serialized DOM (what the extension surveys) every element is closed explicitly, so these
//! rules only matter for hand-written pages such as saved files and the corpus.

/// Tags whose start closes an open `<p>` (the HTML "close a p element" list).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "listing",
    "xmp",
    "plaintext",
];

/// Elements that stop the search for an open `<p>` (a simplified "button scope").
const P_SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "button", "object", "marquee", "applet",
    "svg", "math",
];

/// Elements that stop the search for an open `<li>` / `<dt>` / `<dd>`.
const LIST_SCOPE: &[&str] = &[
    "html", "body", "ul", "ol", "dl", "table", "td", "th", "template", "menu", "div", "section",
    "article", "aside", "nav", "main",
];

/// How far down the stack a scope search looks. Real pages nest a few dozen levels; a hostile
/// page nesting 100 000 inline elements inside a `<p>` must not make every start tag O(depth).
pub const SEARCH_WINDOW: usize = 512;

/// Tags whose start may close something (the only ones worth a stack search).
pub fn may_close(tag: &str) -> bool {
    CLOSES_P.contains(&tag)
        || matches!(
            tag,
            "option" | "optgroup" | "tr" | "td" | "th" | "thead" | "tbody" | "tfoot"
        )
}

/// Tags that the rules close implicitly: the survey counts how many are open.
pub fn closable(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
    )
}

/// Given the open elements' tags (root first) and a new start tag, returns how many open
/// elements stay open; the rest are closed implicitly before the new element opens.
pub fn keep_open_before(open: &[&str], tag: &str) -> usize {
    let mut keep = open.len();
    if CLOSES_P.contains(&tag) {
        if let Some(at) = find(open, &["p"], P_SCOPE) {
            keep = at;
        }
    }
    let open = &open[..keep];
    let found = match tag {
        "li" => find(open, &["li"], LIST_SCOPE),
        "dt" | "dd" => find(open, &["dt", "dd"], LIST_SCOPE),
        "option" => top_is(open, &["option"]),
        "optgroup" => find(open, &["option", "optgroup"], &["select", "html"]),
        "tr" => find(open, &["tr"], &["table", "html", "template"]),
        "td" | "th" => find(open, &["td", "th"], &["table", "tr", "html", "template"]),
        "thead" | "tbody" | "tfoot" => find(
            open,
            &["thead", "tbody", "tfoot"],
            &["table", "html", "template"],
        ),
        _ => None,
    };
    found.unwrap_or(keep)
}

/// Index of the nearest open element named in `targets`, searching down from the top and
/// giving up at any element named in `scope`.
fn find(open: &[&str], targets: &[&str], scope: &[&str]) -> Option<usize> {
    for (i, tag) in open.iter().enumerate().rev() {
        if targets.contains(tag) {
            return Some(i);
        }
        if scope.contains(tag) {
            return None;
        }
    }
    None
}

fn top_is(open: &[&str], targets: &[&str]) -> Option<usize> {
    let last = open.len().checked_sub(1)?;
    targets.contains(&open[last]).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::keep_open_before;

    #[test]
    fn a_block_closes_an_open_paragraph() {
        assert_eq!(keep_open_before(&["html", "body", "p", "b"], "div"), 2);
        assert_eq!(keep_open_before(&["html", "body", "p"], "span"), 3);
        assert_eq!(keep_open_before(&["html", "body", "p", "button"], "div"), 4);
    }

    #[test]
    fn list_items_and_cells_close_their_siblings() {
        assert_eq!(keep_open_before(&["body", "ul", "li", "span"], "li"), 2);
        assert_eq!(keep_open_before(&["body", "ul", "li", "ul"], "li"), 4);
        assert_eq!(keep_open_before(&["table", "tbody", "tr", "td"], "td"), 3);
        assert_eq!(keep_open_before(&["table", "tbody", "tr", "td"], "tr"), 2);
    }
}
