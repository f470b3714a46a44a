//! Structure-aware fuzz target: the input is a program that builds nested HTML (open tags with
//! attributes, text, closes, comments), so the fuzzer explores trees rather than byte soup.
#![no_main]

const TAGS: &[&str] = &[
    "div", "p", "span", "a", "section", "article", "aside", "nav", "header", "footer", "ul",
    "li", "table", "tr", "td", "template", "noscript", "svg", "math", "script", "style", "img",
    "figure", "figcaption", "form", "input", "button", "iframe", "h1", "h2", "blockquote", "pre",
];
const CLASSES: &[&str] = &[
    "story", "article-body", "promo", "newsletter", "related", "paywall", "share", "ad", "content",
    "rail", "gate", "app-promo",
];
const TEXTS: &[&str] = &[
    "Sign up to read this article", "Already a member? Sign in here", "Related stories",
    "The council said on Monday that the plan, agreed after talks, would cut costs.",
    "Download the app", "Subscribe to our newsletter", "&amp; &#x27; &nbsp;", "<", "\"", "\u{0}",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut html = String::from("<html><body>");
    let mut open: Vec<&str> = Vec::new();
    let mut it = data.iter();
    while let Some(&op) = it.next() {
        let arg = usize::from(it.next().copied().unwrap_or(0));
        match op % 6 {
            0 | 1 => {
                let tag = TAGS[arg % TAGS.len()];
                let class = CLASSES[arg % CLASSES.len()];
                html.push_str(&format!("<{tag} class=\"{class}\" hidden={}>", arg % 2));
                open.push(tag);
            }
            2 => html.push_str(TEXTS[arg % TEXTS.len()]),
            3 => {
                if let Some(tag) = open.pop() {
                    html.push_str(&format!("</{tag}>"));
                }
            }
            4 => html.push_str("<!-- c -->"),
            _ => html.push_str(&format!("<a href=\"javascript:x({arg})\" onclick=y>link</a>")),
        }
    }
    let options = plainpage::Options::with_url("https://news.example/");
    let _ = plainpage::analyze(html.as_bytes(), &options);
    let _ = plainpage::clean(html.as_bytes(), &options);
    if let Ok(r) = plainpage::read(html.as_bytes(), &options) {
        assert!(!r.article.content.contains("javascript:"));
        assert!(!r.article.content.contains("onclick"));
    }
});
