//! One compact row per element: what the survey learned about it and its subtree.

use crate::category::Category;
use serde::Serialize;

/// Marks a row whose element has no parent (the root, or a stray top-level element).
pub const NO_PARENT: u32 = u32::MAX;

/// What the survey learned about one element. Counts cover visible text only (see `hidden`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// Lower-case tag name.
    pub tag: Box<str>,
    /// Ordinal of the parent element, or [`NO_PARENT`].
    pub parent: u32,
    /// Nesting depth; the root is 0.
    pub depth: u32,
    /// One past the ordinal of the last element inside: the subtree is `ordinal..end`.
    pub end: u32,
    /// The `id` attribute.
    pub id: Box<str>,
    /// The `class` attribute.
    pub class: Box<str>,
    /// `role`, `aria-label`, `itemprop`, `rel` and `data-*` names, space separated: more hints.
    pub extra: Box<str>,
    /// Hidden by `hidden`, `aria-hidden="true"` or inline `display:none`/`visibility:hidden`.
    pub hidden: bool,
    /// Characters of visible text directly inside this element (whitespace folded).
    pub own_text: u32,
    /// Characters of visible text in the whole subtree.
    pub text: u32,
    /// Characters of that text that sit inside links.
    pub link_text: u32,
    /// Words in the subtree's text.
    pub words: u32,
    /// Commas (in any script) in the subtree's text.
    pub commas: u32,
    /// `<p>` elements in the subtree (this one included).
    pub paragraphs: u32,
    /// Headings `h1`..`h6` in the subtree.
    pub headings: u32,
    /// Images in the subtree.
    pub images: u32,
    /// Links in the subtree.
    pub links: u32,
    /// Calls to action: buttons, submit inputs, and links that sign in, sign up, subscribe or
    /// lead to an app store.
    pub ctas: u32,
    /// Forms in the subtree.
    pub forms: u32,
    /// Text and email inputs in the subtree.
    pub inputs: u32,
    /// Password fields in the subtree: a form with one signs in, it does not sign up.
    pub passwords: u32,
    /// Of those, inputs that ask for an e-mail address (type, name, id or placeholder).
    pub emails: u32,
    /// Search fields and search forms in the subtree: a search box is navigation, not a prompt.
    pub searches: u32,
    /// Text areas in the subtree: a form with one is a comment or contact form.
    pub textareas: u32,
    /// Links that share the page on a social network (`…/sharer`, `intent/tweet`, `wa.me`…).
    pub share_links: u32,
    /// Links to a profile on a social network (`facebook.com/…`, `instagram.com/…`): follow-us
    /// icons.
    pub follow_links: u32,
    /// Links to an app store (App Store, Google Play and their link shorteners).
    pub app_links: u32,
    /// Links to the site's home page (`/`, `https://host/`): a logo or a menu's first entry.
    pub home_links: u32,
    /// Links to a place in this page (`href="#…"`): a table of contents, not a rail. (A link to
    /// `…/story#comments` leads to another page.)
    pub fragment_links: u32,
    /// Links that call a number (`href="tel:…"`): the site's own contact line ("Call us",
    /// "Request a quote"), not somebody's offer.
    pub phone_links: u32,
    /// Links to an author's page (`/author/jane-doe`): a byline's "More articles from Jane
    /// Doe", which leads to a person, not to another story.
    pub author_links: u32,
    /// Buttons and short labels in the subtree that make an offer ("Book a demo", "Get started
    /// for free", "Shop now").
    pub offers: u32,
    /// Copyright lines in the subtree ("© 2025 Example Media", "Copyright 2024 …"): the site's
    /// colophon, which closes its footer.
    pub colophons: u32,
    /// Sign-up forms' consent lines in the subtree ("By signing up you agree to our Terms…"):
    /// small print, never the article's prose.
    pub consents: u32,
    /// Phrase hits in the subtree, per category (strong hits count 2, weak 1).
    pub phrase_weight: [u16; Category::COUNT],
    /// The first lexicon phrase seen in the subtree, for reasons.
    pub first_phrase: Option<u16>,
    /// The first characters of the subtree's text, for previews and bylines.
    pub preview: String,
}

impl Row {
    /// Share of the subtree's text that is link text, in 0..=1.
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link_text as f32 / self.text as f32
        }
    }

    /// Phrase weight for one category.
    pub fn phrases(&self, category: Category) -> u32 {
        u32::from(self.phrase_weight[category.index()])
    }

    /// Total phrase weight across categories.
    pub fn all_phrases(&self) -> u32 {
        self.phrase_weight.iter().map(|&w| u32::from(w)).sum()
    }
}

impl Row {
    pub(super) fn clone_counts(&self) -> Row {
        Row {
            text: self.text,
            link_text: self.link_text,
            words: self.words,
            commas: self.commas,
            paragraphs: self.paragraphs,
            headings: self.headings,
            images: self.images,
            links: self.links,
            ctas: self.ctas,
            forms: self.forms,
            inputs: self.inputs,
            emails: self.emails,
            passwords: self.passwords,
            searches: self.searches,
            textareas: self.textareas,
            share_links: self.share_links,
            follow_links: self.follow_links,
            fragment_links: self.fragment_links,
            phone_links: self.phone_links,
            author_links: self.author_links,
            home_links: self.home_links,
            app_links: self.app_links,
            offers: self.offers,
            colophons: self.colophons,
            consents: self.consents,
            phrase_weight: self.phrase_weight,
            first_phrase: self.first_phrase,
            ..Row::default()
        }
    }

    pub(super) fn add_counts(&mut self, c: &Row) {
        self.text += c.text;
        self.link_text += c.link_text;
        self.words += c.words;
        self.commas += c.commas;
        self.paragraphs += c.paragraphs;
        self.headings += c.headings;
        self.images += c.images;
        self.links += c.links;
        self.ctas += c.ctas;
        self.forms += c.forms;
        self.inputs += c.inputs;
        self.emails += c.emails;
        self.passwords += c.passwords;
        self.searches += c.searches;
        self.textareas += c.textareas;
        self.share_links += c.share_links;
        self.follow_links += c.follow_links;
        self.fragment_links += c.fragment_links;
        self.phone_links += c.phone_links;
        self.author_links += c.author_links;
        self.home_links += c.home_links;
        self.app_links += c.app_links;
        self.offers += c.offers;
        self.colophons += c.colophons;
        self.consents += c.consents;
        for (a, b) in self.phrase_weight.iter_mut().zip(c.phrase_weight) {
            *a = a.saturating_add(b);
        }
        if self.first_phrase.is_none() {
            self.first_phrase = c.first_phrase;
        }
    }
}
