//! The phrase lexicon: words that paywall chrome uses, in seven languages, matched on text.
//!
//! Every entry is a phrase a prompt, rail or promo says to the reader and an article rarely says
//! about itself. Matching is case-insensitive, on whole words, with typographic apostrophes folded
//! to `'`. A hit alone never removes anything: judge weighs it against the block's size, its calls
//! to action and its place on the page, and article prose is protected whatever it says.

use crate::category::Category;
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
    pub text: &'static str,
    pub category: Category,
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
    // English — newsletters: the sign-up box's promise and its email field.
    p("sign up for our newsletter", Newsletter, Strong),
    p("subscribe to our newsletter", Newsletter, Strong),
    p("get our newsletter", Newsletter, Strong),
    p("delivered to your inbox", Newsletter, Strong),
    p("straight to your inbox", Newsletter, Strong),
    p("enter your email", Newsletter, Strong),
    p("your email address", Newsletter, Weak),
    p("newsletter", Newsletter, Weak),
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
    p("read next", Related, Weak),
    // English — app promos.
    p("download the app", AppPromo, Strong),
    p("get the app", AppPromo, Strong),
    p("install the app", AppPromo, Strong),
    p("open in app", AppPromo, Strong),
    p("available on the app store", AppPromo, Strong),
    p("get it on google play", AppPromo, Strong),
    p("one app", AppPromo, Strong),
    // English — social bars.
    p("share this article", Social, Strong),
    p("share on facebook", Social, Strong),
    p("share on twitter", Social, Strong),
    p("share on x", Social, Strong),
    p("follow us on", Social, Strong),
    p("copy link", Social, Weak),
    // English — advertising labels.
    p("advertisement", Ad, Strong),
    p("sponsored content", Ad, Strong),
    p("promoted stories", Ad, Strong),
    p("paid content", Ad, Weak),
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
];

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
    for m in matcher().find_iter(text) {
        let before_ok = text[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[m.end()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            hit(m.pattern().as_usize() / 2);
        }
    }
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
}
