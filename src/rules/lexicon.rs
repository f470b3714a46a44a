//! The phrase lexicon: words that paywall chrome uses, in seven languages, matched on text.
//!
//! Every entry is a phrase a prompt, rail or promo says to the reader and an article rarely says
//! about itself. Matching is case-insensitive, on whole words, with typographic apostrophes folded
//! to `'`. A hit alone never removes anything: judge weighs it against the block's size, its calls
//! to action and its place on the page, and article prose is protected whatever it says.

use crate::category::Category;
use crate::tuning::{COLOPHON_YEAR_WORDS, LEAD_IN_MAX_WORDS};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

use Category::{Ad, AppPromo, Newsletter, Related, Social, Subscribe};

/// How much a phrase says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Only chrome says this ("sign up to read this article").
    Strong,
    /// Chrome often says this, prose sometimes does ("subscription", "newsletter").
    Weak,
}

use Strength::{Strong, Weak};

/// One lexicon entry: the phrase (lower case), what it points to, and how strongly.
pub struct Phrase {
    /// The phrase, in lower case, matched on whole words.
    pub text: &'static str,
    /// The kind of chrome it points to.
    pub category: Category,
    /// How much it says on its own.
    pub strength: Strength,
}

const fn p(text: &'static str, category: Category, strength: Strength) -> Phrase {
    Phrase {
        text,
        category,
        strength,
    }
}

/// The lexicon. Grouped by language; within a language by category.
pub static PHRASES: &[Phrase] = &[
    // English — gates and sign-in prompts: the words of a paywall's own interface.
    p("sign up to read", Subscribe, Strong),
    p("subscribe to read", Subscribe, Strong),
    p("subscribe to continue", Subscribe, Strong),
    p("to continue reading", Subscribe, Strong),
    p("register to continue", Subscribe, Strong),
    p("log in to continue", Subscribe, Strong),
    p("already a member", Subscribe, Strong),
    p("already a subscriber", Subscribe, Strong),
    p("already have an account", Subscribe, Strong),
    p("sign in here", Subscribe, Strong),
    p("start reading", Subscribe, Strong),
    p("start your free trial", Subscribe, Strong),
    p("days free", Subscribe, Strong),
    p("free trial", Subscribe, Weak),
    p("unlimited access", Subscribe, Strong),
    p("unlock this article", Subscribe, Strong),
    p("become a member", Subscribe, Strong),
    p("become a subscriber", Subscribe, Strong),
    p("subscribe now", Subscribe, Strong),
    p("subscribe today", Subscribe, Strong),
    p("support our journalism", Subscribe, Strong),
    p("get all your news in one place", Subscribe, Strong),
    p("premium titles", Subscribe, Strong),
    p("trusted global sources", Subscribe, Strong),
    p("one subscription", Subscribe, Strong),
    p("one membership", Subscribe, Strong),
    p("subscription", Subscribe, Weak),
    p("membership", Subscribe, Weak),
    p("subscribe", Subscribe, Weak),
    p("donate now", Subscribe, Strong),
    p("support this blog", Subscribe, Strong),
    p("become a supporter", Subscribe, Strong),
    p("become a patron", Subscribe, Strong),
    // English — newsletters: the sign-up box's promise and its email field.
    p("sign up for our newsletter", Newsletter, Strong),
    p("subscribe to our newsletter", Newsletter, Strong),
    p("get our newsletter", Newsletter, Strong),
    p("delivered to your inbox", Newsletter, Strong),
    p("straight to your inbox", Newsletter, Strong),
    p("enter your email", Newsletter, Strong),
    p("your email address", Newsletter, Weak),
    p("newsletter", Newsletter, Weak),
    p("newsletters", Newsletter, Weak),
    p("sign up for our newsletters", Newsletter, Strong),
    p("subscribe to our newsletters", Newsletter, Strong),
    p("sign up for email updates", Newsletter, Strong),
    p("join our mailing list", Newsletter, Strong),
    p("join our email list", Newsletter, Strong),
    p("in your inbox", Newsletter, Weak),
    p("email updates", Newsletter, Weak),
    p("mailing list", Newsletter, Weak),
    p("get updates", Newsletter, Weak),
    p("stay in the loop", Newsletter, Weak),
    // English — rails: headings that introduce lists of other stories.
    p("related stories", Related, Strong),
    p("related articles", Related, Strong),
    p("related content", Related, Strong),
    p("top stories", Related, Strong),
    p("our picks", Related, Strong),
    p("editor's picks", Related, Strong),
    p("recommended for you", Related, Strong),
    p("you may also like", Related, Strong),
    p("you might also like", Related, Strong),
    p("more stories", Related, Strong),
    p("most read", Related, Strong),
    p("most popular", Related, Strong),
    p("trending now", Related, Strong),
    p("around the web", Related, Strong),
    p("read next", Related, Strong),
    p("related coverage", Related, Strong),
    p("related posts", Related, Strong),
    p("related reading", Related, Strong),
    p("related news", Related, Strong),
    p("related topics", Related, Strong),
    p("don't miss", Related, Strong),
    p("more from", Related, Strong),
    p("more on this", Related, Strong),
    p("more news", Related, Strong),
    p("more articles", Related, Strong),
    p("popular posts", Related, Strong),
    p("popular articles", Related, Strong),
    p("popular stories", Related, Strong),
    p("you may like", Related, Strong),
    p("you might like", Related, Strong),
    p("you may also be interested", Related, Strong),
    p("recommended reading", Related, Strong),
    p("recommended stories", Related, Strong),
    p("recommended articles", Related, Strong),
    p("further reading", Related, Weak),
    p("keep reading", Related, Strong),
    p("more to explore", Related, Strong),
    p("in case you missed it", Related, Strong),
    p("what to read next", Related, Strong),
    p("latest stories", Related, Strong),
    p("latest news", Related, Strong),
    p("editor's choice", Related, Strong),
    p("also read", Related, Strong),
    p("read also", Related, Strong),
    p("read more", Related, Weak),
    p("related", Related, Weak),
    p("trending", Related, Weak),
    p("recommended", Related, Weak),
    p("post recommended", Related, Strong),
    p("similar threads", Related, Strong),
    p("related threads", Related, Strong),
    p("similar articles", Related, Strong),
    p("similar posts", Related, Strong),
    p("more like this", Related, Strong),
    p("you might also enjoy", Related, Strong),
    p("you may also enjoy", Related, Strong),
    p("read this next", Related, Strong),
    p("watch next", Related, Strong),
    p("recommended communities", Related, Strong),
    p("frequently bought together", Related, Strong),
    p("customers also bought", Related, Strong),
    p("customers who bought", Related, Strong),
    p("customers also viewed", Related, Strong),
    p("recently viewed", Related, Strong),
    // A blog's own lists: the page's content on its home page, a rail beside a post.
    p("recent posts", Related, Weak),
    p("latest posts", Related, Weak),
    p("recent articles", Related, Weak),
    p("featured posts", Related, Weak),
    p("featured articles", Related, Weak),
    p("more posts", Related, Weak),
    p("up next", Related, Weak),
    p("featured blogs", Related, Weak),
    p("latest discussions", Related, Weak),
    p("posts you will love", Related, Strong),
    p("posts you'll love", Related, Strong),
    p("you may have missed", Related, Strong),
    p("if you liked this", Related, Strong),
    // English — app promos.
    p("download the app", AppPromo, Strong),
    p("get the app", AppPromo, Strong),
    p("install the app", AppPromo, Strong),
    p("open in app", AppPromo, Strong),
    p("available on the app store", AppPromo, Strong),
    p("get it on google play", AppPromo, Strong),
    p("one app", AppPromo, Strong),
    p("get our app", AppPromo, Strong),
    p("open in the app", AppPromo, Strong),
    p("download our app", AppPromo, Strong),
    // English — social bars.
    p("share this article", Social, Strong),
    p("share this story", Social, Strong),
    p("share this post", Social, Strong),
    p("share this page", Social, Strong),
    p("share on linkedin", Social, Strong),
    p("share via email", Social, Strong),
    p("share on facebook", Social, Strong),
    p("share on twitter", Social, Strong),
    p("share on x", Social, Strong),
    p("follow us on", Social, Strong),
    p("follow us", Social, Strong),
    p("copy link", Social, Weak),
    p("stay connected", Social, Weak),
    p("connect with us", Social, Weak),
    p("share this", Social, Weak),
    p("like us on facebook", Social, Strong),
    p("follow us on instagram", Social, Strong),
    // English — advertising labels.
    p("advertisement", Ad, Strong),
    p("advertising", Ad, Weak),
    p("sponsored", Ad, Weak),
    p("report this ad", Ad, Strong),
    p("remove ads", Ad, Strong),
    p("adchoices", Ad, Strong),
    p("sponsorisé", Ad, Strong),
    p("gesponsert", Ad, Strong),
    p("patrocinado", Ad, Strong),
    p("sponsored content", Ad, Strong),
    p("promoted stories", Ad, Strong),
    p("paid content", Ad, Weak),
    p("sponsored by", Ad, Strong),
    p("in partnership with", Ad, Weak),
    // German.
    p("jetzt abonnieren", Subscribe, Strong),
    p("bereits abonnent", Subscribe, Strong),
    p("schon abonnent", Subscribe, Strong),
    p("zum weiterlesen", Subscribe, Strong),
    p("kostenlos testen", Subscribe, Strong),
    p("gratis testen", Subscribe, Strong),
    p("jetzt registrieren", Subscribe, Strong),
    p("abo abschließen", Subscribe, Strong),
    p("newsletter abonnieren", Newsletter, Strong),
    p("zum newsletter anmelden", Newsletter, Strong),
    p("meistgelesen", Related, Strong),
    p("weitere artikel", Related, Strong),
    p("auch interessant", Related, Strong),
    p("artikel teilen", Social, Strong),
    p("app herunterladen", AppPromo, Strong),
    p("ähnliche artikel", Related, Strong),
    p("mehr zum thema", Related, Strong),
    p("das könnte sie auch interessieren", Related, Strong),
    p("auf facebook teilen", Social, Strong),
    p("anzeige", Ad, Weak),
    // French.
    p("abonnez-vous", Subscribe, Strong),
    p("déjà abonné", Subscribe, Strong),
    p("pour lire la suite", Subscribe, Strong),
    p("essai gratuit", Subscribe, Strong),
    p("inscrivez-vous à notre newsletter", Newsletter, Strong),
    p("recevez notre newsletter", Newsletter, Strong),
    p("recevez nos newsletters", Newsletter, Strong),
    p("inscrivez-vous à nos newsletters", Newsletter, Strong),
    p("les plus lus", Related, Strong),
    p("sur le même sujet", Related, Strong),
    p("lire aussi", Related, Strong),
    p("télécharger l'application", AppPromo, Strong),
    p("à lire aussi", Related, Strong),
    p("articles similaires", Related, Strong),
    p("partager sur", Social, Strong),
    p("publicité", Ad, Weak),
    // Spanish.
    p("suscríbete", Subscribe, Strong),
    p("ya eres suscriptor", Subscribe, Strong),
    p("para seguir leyendo", Subscribe, Strong),
    p("prueba gratis", Subscribe, Strong),
    p("suscríbete a nuestro boletín", Newsletter, Strong),
    p("descarga la app", AppPromo, Strong),
    p("descarga la aplicación", AppPromo, Strong),
    p("noticias relacionadas", Related, Strong),
    p("lo más leído", Related, Strong),
    p("también te puede interesar", Related, Strong),
    p("lee también", Related, Strong),
    p("te puede interesar", Related, Strong),
    p("compartir en", Social, Strong),
    p("publicidad", Ad, Weak),
    // Italian.
    p("abbonati ora", Subscribe, Strong),
    p("sei già abbonato", Subscribe, Strong),
    p("per continuare a leggere", Subscribe, Strong),
    p("prova gratuita", Subscribe, Strong),
    p("iscriviti alla newsletter", Newsletter, Strong),
    p("scarica l'app", AppPromo, Strong),
    p("articoli correlati", Related, Strong),
    p("i più letti", Related, Strong),
    p("leggi anche", Related, Strong),
    p("potrebbe interessarti", Related, Strong),
    p("condividi su", Social, Strong),
    p("pubblicità", Ad, Weak),
    // Portuguese.
    p("assine agora", Subscribe, Strong),
    p("já é assinante", Subscribe, Strong),
    p("para continuar lendo", Subscribe, Strong),
    p("teste grátis", Subscribe, Strong),
    p("receba a newsletter", Newsletter, Strong),
    p("assine a newsletter", Newsletter, Strong),
    p("baixe o app", AppPromo, Strong),
    p("baixe o aplicativo", AppPromo, Strong),
    p("notícias relacionadas", Related, Strong),
    p("mais lidas", Related, Strong),
    p("veja também", Related, Strong),
    p("leia também", Related, Strong),
    p("compartilhar no", Social, Strong),
    p("publicidade", Ad, Weak),
    // Dutch.
    p("word abonnee", Subscribe, Strong),
    p("al abonnee", Subscribe, Strong),
    p("lees verder met", Subscribe, Strong),
    p("gratis proberen", Subscribe, Strong),
    p("schrijf je in voor de nieuwsbrief", Newsletter, Strong),
    p("nieuwsbrief", Newsletter, Weak),
    p("download de app", AppPromo, Strong),
    p("gerelateerde artikelen", Related, Strong),
    p("lees ook", Related, Strong),
    p("delen op", Social, Strong),
    p("advertentie", Ad, Weak),
    p("meest gelezen", Related, Strong),
    // Chinese, Japanese, Korean: matched without word boundaries (see `scan_at`).
    p("相关文章", Related, Strong),
    p("相关阅读", Related, Strong),
    p("推荐阅读", Related, Strong),
    p("热门文章", Related, Strong),
    p("猜你喜欢", Related, Strong),
    p("分享到", Social, Strong),
    p("下载app", AppPromo, Strong),
    p("関連記事", Related, Strong),
    p("おすすめ記事", Related, Strong),
    p("人気記事", Related, Strong),
    p("アプリをダウンロード", AppPromo, Strong),
    p("続きを読むには", Subscribe, Strong),
    p("관련 기사", Related, Strong),
    p("많이 본 뉴스", Related, Strong),
];

/// Whether a line (entities decoded) speaks of e-mail: the words a newsletter's pitch is made of
/// ("Get the latest tips in your inbox").
pub fn speaks_of_mail(text: &str) -> bool {
    let mut folded = String::new();
    fold(text, &mut folded);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| MAIL_WORDS.contains(&w))
}

/// Words of a newsletter's pitch.
static MAIL_WORDS: &[&str] = &[
    "inbox",
    "email",
    "emails",
    "mail",
    "newsletter",
    "newsletters",
    "weekly",
    "monthly",
    "subscribe",
    "updates",
];

/// Whether a rail phrase names a list of the site's stories in general ("Most read", "Latest
/// news", "Top stories") rather than things like the page itself ("Similar threads", "Related
/// articles", "Customers also bought"). On a page without an article, a front page or a
/// section's listing, such lists are what the page shows.
pub fn is_site_list(phrase: &str) -> bool {
    SITE_LISTS.contains(&phrase)
}

/// The rail phrases that name the site's lists in general (see `is_site_list`).
static SITE_LISTS: &[&str] = &[
    "top stories",
    "editor's picks",
    "editor's choice",
    "our picks",
    "most read",
    "most popular",
    "trending now",
    "more stories",
    "more news",
    "don't miss",
    "popular posts",
    "popular articles",
    "popular stories",
    "in case you missed it",
    "you may have missed",
    "latest stories",
    "latest news",
    "meistgelesen",
    "les plus lus",
    "lo más leído",
    "i più letti",
    "mais lidas",
    "meest gelezen",
    "热门文章",
    "人気記事",
    "많이 본 뉴스",
];

/// Whether a phrase is a paywall's or a sign-in wall's own words ("sign up to read", "already a
/// subscriber"), as opposed to an offer ("free trial", "subscribe now") that a shop or a
/// pricing page makes about its own product.
pub fn is_gate(phrase: &str) -> bool {
    const GATES: &[&str] = &[
        "sign up to read",
        "subscribe to read",
        "subscribe to continue",
        "to continue reading",
        "register to continue",
        "log in to continue",
        "already a member",
        "already a subscriber",
        "unlock this article",
        "bereits abonnent",
        "schon abonnent",
        "zum weiterlesen",
        "déjà abonné",
        "pour lire la suite",
        "ya eres suscriptor",
        "para seguir leyendo",
        "sei già abbonato",
        "per continuare a leggere",
        "já é assinante",
        "para continuar lendo",
        "al abonnee",
        "lees verder met",
        "続きを読むには",
    ];
    GATES.contains(&phrase)
}

/// Matcher patterns: each phrase as written, plus a variant with a typographic apostrophe.
/// Pattern `2i` and `2i + 1` both stand for `PHRASES[i]`.
fn matcher() -> &'static AhoCorasick {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let patterns = PHRASES
            .iter()
            .flat_map(|p| [p.text.to_owned(), p.text.replace('\'', "\u{2019}")]);
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty matcher"))
    })
}

/// Folds text the way the lexicon is written: lower case, typographic apostrophes as `'`,
/// whitespace runs as one space. The scanner does not need it; tests and tools do.
pub fn fold(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Calls `hit` with the index into [`PHRASES`] of every whole-word phrase in `text`. ASCII
/// letters match in any case; other letters as the lexicon writes them (lower case).
pub fn scan(text: &str, mut hit: impl FnMut(usize)) {
    scan_at(text, |i, _| hit(i));
}

/// Like [`scan`], with the byte offset where each phrase starts.
///
/// Scripts written without spaces between words (Chinese, Japanese, Thai) have no word
/// boundaries to check: a phrase that begins or ends with such a letter matches anywhere.
pub fn scan_at(text: &str, mut hit: impl FnMut(usize, usize)) {
    for m in matcher().find_iter(text) {
        let phrase = &text[m.start()..m.end()];
        let first_spaceless = phrase.chars().next().is_some_and(spaceless);
        let last_spaceless = phrase.chars().next_back().is_some_and(spaceless);
        let before_ok = first_spaceless
            || text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = last_spaceless
            || text[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            hit(m.pattern().as_usize() / 2, m.start());
        }
    }
}

/// The words a lead-in label starts with: a line that opens "Read more:", "See also:" or "Lire
/// aussi :" announces a link to another page. Only at the start of a line and before a colon:
/// "read" in a sentence is a verb.
static LEAD_INS: &[&str] = &[
    "read",
    "related",
    "see also",
    "see our",
    "see more",
    "learn more",
    "find out more",
    "check also",
    "check out",
    "also read",
    "also see",
    "up next",
    "don't miss",
    "another great read",
    "recommended",
    "further reading",
    "also",
    "must read",
    "compare",
    "lire",
    "à lire",
    "voir aussi",
    "lesen sie",
    "mehr zum thema",
    "auch interessant",
    "lee también",
    "leer más",
    "lea también",
    "leia também",
    "leia mais",
    "leggi anche",
    "zie ook",
    "lees ook",
];

/// Whether a line opens with a lead-in label: a few words before a colon, the first of them
/// one of [`LEAD_INS`] ("Read more: …", ">> See Our Full Guide : …", "[Read: …]"), with text
/// after the colon. Takes the line as it reads (it is folded here).
pub fn is_lead_in(line: &str) -> bool {
    let mut folded = String::with_capacity(line.len().min(200));
    fold(line, &mut folded);
    let text = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(colon) = text.find(':') else {
        return false;
    };
    let label = text[..colon].trim();
    let rest = &text[colon + 1..];
    if !rest.chars().any(char::is_alphanumeric) || word_count(label) > LEAD_IN_MAX_WORDS {
        return false;
    }
    LEAD_INS.iter().any(|lead| {
        label
            .strip_prefix(lead)
            .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// How an offer's button begins: "Book a demo", "Get started for free", "Shop now". A button or
/// a short label that says one of these sells something; a sentence that does is prose.
static OFFERS: &[&str] = &[
    "get started",
    "let's get started",
    "book a demo",
    "book a call",
    "book your call",
    "book a consultation",
    "request a demo",
    "request a quote",
    "request info",
    "request more information",
    "request a consultation",
    "get a demo",
    "get free demo",
    "get a free",
    "get your free",
    "get your discount",
    "get a quote",
    "get quote",
    "get quotes",
    "get prequalified",
    "watch demo",
    "watch a demo",
    "schedule a call",
    "schedule a demo",
    "schedule a consultation",
    "start now",
    "start today",
    "start saving",
    "start your free",
    "start free trial",
    "try it free",
    "try for free",
    "try it now",
    "enroll now",
    "apply now",
    "shop now",
    "buy now",
    "order now",
    "sign up now",
    "sign up for free",
    "download the report",
    "download syllabus",
    "download checklist",
    "download the guide",
    "download our",
    "browse courses",
    "explore courses",
    "talk to an expert",
    "talk to sales",
    "contact sales",
    "contact us today",
    "see if you qualify",
    "claim your",
    "get the guide",
    "book your",
    "schedule consultation",
    "schedule a free",
    "schedule your",
    "get an estimate",
    "get my free",
    "join now",
    "jetzt kaufen",
    "jetzt bestellen",
    "acheter maintenant",
    "comprar ahora",
];

/// Whether a short run of text (a button, a label), folded, makes an offer.
pub fn is_offer(folded: &str) -> bool {
    let text = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    OFFERS.iter().any(|offer| {
        text.strip_prefix(offer)
            .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// The consent line under a sign-up form's field ("By signing up you agree to our Terms…",
/// "Unsubscribe at any time"): the form's small print, which no article says of itself.
/// Measured on WCXB's development pages: on 60 pages, never in the marked main content
/// ("by signing up" alone is in two articles' prose, so only its consent form counts).
static CONSENT_LINES: &[&str] = &[
    "unsubscribe at any time",
    "by entering your email",
    "by subscribing, you",
    "by subscribing you",
    "by signing up, you agree",
    "by signing up you agree",
    "consent to receive",
    "never share your email",
];

/// Whether a run of text, folded, holds a sign-up form's consent line.
pub fn is_consent(folded: &str) -> bool {
    CONSENT_LINES.iter().any(|line| {
        folded.match_indices(line).any(|(at, _)| {
            let before = folded[..at].chars().next_back();
            let after = folded[at + line.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether a run of text, folded, opens as a copyright line: "©" or "copyright" and a year
/// within its first few words ("© 2025 Example Media", "Copyright © 2019-2024 …"). A photo's
/// credit ("© Getty Images") names no year.
pub fn is_colophon(folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix('©').or_else(|| {
        folded
            .strip_prefix("copyright")
            .filter(|rest| !rest.starts_with(char::is_alphanumeric))
    }) else {
        return false;
    };
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(COLOPHON_YEAR_WORDS)
        .any(|w| {
            w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The names a share or follow bar is made of: the networks, and the buttons beside them.
static NETWORK_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "instagram",
    "youtube",
    "tiktok",
    "pinterest",
    "reddit",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "mail",
    "print",
    "tweet",
    "share",
    "pin",
    "flipboard",
    "tumblr",
    "threads",
    "bluesky",
    "mastodon",
    "messenger",
    "snapchat",
    "discord",
    "github",
    "rss",
    "copy",
    "link",
    "save",
    "more",
    "vk",
    "xing",
    "line",
];

/// How many of a line's words are network and button names ("Facebook Twitter Email Print"),
/// and how many words it has: a line made of them is a share or follow bar's labels.
pub fn network_names(line: &str) -> (usize, usize) {
    let mut folded = String::with_capacity(line.len().min(200));
    fold(line, &mut folded);
    let mut names = 0;
    let mut words = 0;
    for word in folded
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '+'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
    {
        words += 1;
        if NETWORK_WORDS.contains(&word) {
            names += 1;
        }
    }
    (names, words)
}

/// A letter of a script written without spaces between words.
pub fn spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F // Thai
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
    )
}

/// Words in folded text, counting two letters of a spaceless script as a word (about the length
/// of a Chinese or Japanese word), so that "short" means the same in every language.
pub fn word_count(text: &str) -> usize {
    let spaced = text
        .split_whitespace()
        .filter(|w| !w.chars().all(spaceless))
        .count();
    let spaceless_letters = text.chars().filter(|&c| spaceless(c)).count();
    spaced + spaceless_letters.div_ceil(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        scan(text, |i| out.push(PHRASES[i].text));
        out
    }

    #[test]
    fn copyright_lines_name_a_year_photo_credits_do_not() {
        assert!(is_colophon("© 2025 harbour times · privacy"));
        assert!(is_colophon("©2019-2024 example media"));
        assert!(is_colophon("copyright © 2023 the example group"));
        assert!(is_colophon("copyright (c) 2024 someone"));
        assert!(!is_colophon("© getty images"));
        assert!(!is_colophon("© getty images, taken in 2019"));
        assert!(!is_colophon("copyrighted 2024"));
        assert!(!is_colophon("2025 © harbour times"));
    }

    #[test]
    fn site_lists_are_told_from_rails_about_the_page() {
        assert!(is_site_list("most read"));
        assert!(is_site_list("latest news"));
        assert!(!is_site_list("similar threads"));
        assert!(!is_site_list("related articles"));
        // Every site list is a phrase of the lexicon, or it could never be found.
        for list in SITE_LISTS {
            assert!(PHRASES.iter().any(|p| p.text == *list), "{list}");
        }
    }

    #[test]
    fn offers_are_buttons_that_sell() {
        assert!(is_offer("book a demo"));
        assert!(is_offer("get started for free"));
        assert!(is_offer("» shop now"));
        assert!(is_offer("schedule consultation"));
        assert!(!is_offer("get startedness"));
        assert!(!is_offer("we shop now and then"));
    }

    #[test]
    fn network_names_count_a_bars_labels() {
        assert_eq!(
            network_names("Share it Facebook Twitter LinkedIn Email"),
            (5, 6)
        );
        assert_eq!(network_names("Follow us: X (Twitter) · Instagram"), (3, 5));
        assert_eq!(network_names("We met on Facebook to talk"), (1, 6));
    }

    #[test]
    fn lead_in_labels_open_a_line_before_a_colon() {
        for line in [
            "Read more: Why Tunisia suffers",
            "[Read: Why Tunisia suffers]",
            ">> See Our Full Guide : Best VPNs for Gaming",
            "RELATED:\u{a0}The best cleaning apps",
            "À lire aussi : la suite",
            "💡 Related: How to cut costs",
        ] {
            assert!(is_lead_in(line), "{line}");
        }
        for line in [
            "Source: Reuters",
            "Readers say: it was fine",
            "We read the report: it was long",
            "Read more:",
            "Read the whole of this very long label here now: x",
            "Related",
        ] {
            assert!(!is_lead_in(line), "{line}");
        }
    }

    #[test]
    fn finds_whole_word_phrases_in_every_language() {
        assert_eq!(
            hits("Already a member? Sign in here"),
            ["already a member", "sign in here"]
        );
        assert_eq!(
            hits("Jetzt abonnieren und weiterlesen"),
            ["jetzt abonnieren"]
        );
        assert_eq!(hits("Déjà abonné ? Connectez-vous"), ["déjà abonné"]);
        assert_eq!(hits("Scarica l’app"), ["scarica l'app"]);
        assert!(hits("The designer subscribed nowhere").is_empty());
    }

    #[test]
    fn every_phrase_is_folded_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for phrase in PHRASES {
            let mut folded = String::new();
            fold(phrase.text, &mut folded);
            assert_eq!(folded, phrase.text, "lexicon entries are written folded");
            assert!(seen.insert(phrase.text), "duplicate phrase {}", phrase.text);
        }
    }

    #[test]
    fn a_sign_up_forms_small_print_is_a_consent_line_and_prose_is_not() {
        assert!(is_consent(
            "by entering your email address you agree to our terms of use"
        ));
        assert!(is_consent("no spam. unsubscribe at any time."));
        assert!(is_consent("by signing up, you agree to receive offers"));
        // The words in a sentence of the article, or run into other words, are not the line.
        assert!(!is_consent(
            "you can file by signing up through getyourrefund"
        ));
        assert!(!is_consent("by subscribing yourself to the list"));
        assert!(!is_consent("members may resubscribe at any time"));
    }
}
