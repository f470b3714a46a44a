//! Evidence as data: the facts the chrome classifier weighs, each with its points, turned into
//! words only when a person reads them (the verdict's `reason`).

use crate::category::Category;

/// Where a class/id hint was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintSource {
    Class,
    Id,
    /// `role`, `aria-label`, `itemprop` or a `data-*` name.
    Attribute,
}

/// One fact about a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// A class, id or attribute word names a kind of chrome.
    Hint {
        source: HintSource,
        /// The class, id or attribute word as written (`story-gate`).
        token: String,
        category: Category,
        /// The hint word that token says (`gate`), and whether it names the block's job outright.
        word: &'static str,
        strong: bool,
    },
    /// The block's text says a lexicon phrase.
    Phrase { phrase: &'static str, strong: bool },
    /// Buttons and sign-in/sign-up/app-store links.
    CallsToAction { count: u32 },
    /// A form that asks for an e-mail address.
    SignupForm,
    /// A sign-up form's consent line ("By signing up you agree…") in a box named a newsletter's
    /// or under its e-mail field.
    ConsentLine,
    /// A small box named a newsletter's whose words speak of e-mail ("Get the latest tips in
    /// your inbox"): its form is drawn by a script.
    MailPitch,
    /// Links that share the page on social networks.
    ShareLinks { count: u32 },
    /// A row of buttons that says "Share" (like, restack and share counters).
    ShareButtons { count: u32 },
    /// A box whose button makes an offer ("Book a demo", "Get started for free").
    Offer,
    /// A line of networks' names ("Facebook Twitter Email Print").
    NetworkNames { count: u32 },
    /// Links to the site's profiles on social networks (follow-us icons); `icons` when the row
    /// is nothing but them, beside the article (a follow bar's shape).
    FollowLinks { count: u32, icons: bool },
    /// A list of same-shape teasers (links to other stories), with or without a heading.
    TeaserList { items: u32, heading: bool },
    /// A link to another story announced by a label ("Read more:", "RELATED:"), or a few such
    /// lines run together.
    TeaserLine { links: u32 },
    /// Links to the app stores.
    AppLinks { count: u32 },
    /// A small block named as an ad slot.
    AdSlot,
    /// An empty box named as a newsletter's: the slot its sign-up form is drawn into.
    SignupSlot,
    /// A short bar named as the site's announcement, outside the article.
    AnnouncementBar,
    /// Mostly links.
    LinkList { percent: u32 },
    /// The block's size.
    Words { count: u32 },
    /// A filter-list rule matched.
    FilterRule { rule: String, line: usize },
}

impl Fact {
    /// The fact in words a reader understands, with what a person can find on the page (the
    /// class as written, the phrase as said) and the numbers that weighed.
    pub fn sentence(&self) -> String {
        let plural = |n: u32, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        match self {
            Fact::Hint { source, token, .. } => match source {
                HintSource::Class => format!("class “{token}”"),
                HintSource::Id => format!("id “{token}”"),
                HintSource::Attribute => format!("attribute “{token}”"),
            },
            Fact::Phrase { phrase, .. } => format!("says “{phrase}”"),
            Fact::CallsToAction { count } => plural(*count, "button", "buttons"),
            Fact::SignupForm => "an e-mail sign-up form".to_owned(),
            Fact::ConsentLine => "a sign-up form's consent line".to_owned(),
            Fact::MailPitch => "a newsletter's pitch for e-mail".to_owned(),
            Fact::ShareLinks { count } => plural(*count, "share link", "share links"),
            Fact::ShareButtons { count } => format!("a row of {count} buttons with “Share”"),
            Fact::Offer => "a button that sells".to_owned(),
            Fact::NetworkNames { count } => format!("{count} social networks' names"),
            Fact::FollowLinks { count, icons } => {
                if *icons {
                    format!("a row of {count} social profile icons")
                } else {
                    format!("{count} links to social profiles")
                }
            }
            Fact::TeaserList { items, heading } => {
                let under = if *heading { " under a heading" } else { "" };
                format!("a list of {items} links to other stories{under}")
            }
            Fact::TeaserLine { links: 1 } => "one link to another story, announced".to_owned(),
            Fact::TeaserLine { links } => format!("{links} links to other stories, announced"),
            Fact::AppLinks { count } => plural(*count, "app-store link", "app-store links"),
            Fact::AdSlot => "a small slot named as an ad".to_owned(),
            Fact::SignupSlot => "an empty slot named for a newsletter's sign-up".to_owned(),
            Fact::AnnouncementBar => "a short bar named as the site's announcement".to_owned(),
            Fact::LinkList { percent } => format!("{percent} % links"),
            Fact::Words { count } => plural(*count, "word", "words"),
            Fact::FilterRule { rule, line } => format!("filter rule `{rule}` (line {line})"),
        }
    }
}

/// A block's evidence: its facts, their points, and the category they point to.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub points: u32,
    pub category: Option<Category>,
    pub facts: Vec<Fact>,
}

impl Evidence {
    /// Adds a fact worth `points`, pointing to `category` if it names one and none is set yet.
    pub fn add(&mut self, points: u32, category: Option<Category>, fact: Fact) {
        self.points += points;
        if self.category.is_none() {
            self.category = category;
        }
        self.facts.push(fact);
    }

    /// The category a hint names, if there is a hint.
    pub fn hint_category(&self) -> Option<Category> {
        self.facts.iter().find_map(|f| match f {
            Fact::Hint { category, .. } => Some(*category),
            _ => None,
        })
    }

    /// Whether a hint names the block's job outright (`newsletter`, `related`, `share`).
    pub fn has_strong_hint(&self) -> bool {
        self.facts.iter().any(|f| match f {
            Fact::Hint { strong, .. } => *strong,
            _ => false,
        })
    }

    /// Whether the block says a strong phrase.
    pub fn has_strong_phrase(&self) -> bool {
        self.facts
            .iter()
            .any(|f| matches!(f, Fact::Phrase { strong: true, .. }))
    }

    /// Whether the block's shape says what it is (a sign-up form, share links, teasers).
    pub fn has_structure(&self) -> bool {
        self.structural_category().is_some()
    }

    /// The category the block's shape says.
    pub fn structural_category(&self) -> Option<Category> {
        self.facts.iter().find_map(|f| match f {
            Fact::SignupForm => Some(Category::Newsletter),
            Fact::ShareLinks { .. }
            | Fact::ShareButtons { .. }
            | Fact::FollowLinks { icons: true, .. } => Some(Category::Social),
            Fact::AppLinks { .. } => Some(Category::AppPromo),
            Fact::TeaserList { .. } | Fact::TeaserLine { .. } => Some(Category::Related),
            _ => None,
        })
    }

    /// The number of teasers, if the block is a list of them.
    pub fn teasers(&self) -> Option<u32> {
        self.facts.iter().find_map(|f| match f {
            Fact::TeaserList { items, .. } => Some(*items),
            _ => None,
        })
    }

    /// The facts in words, joined.
    pub fn sentence(&self) -> String {
        self.facts
            .iter()
            .map(Fact::sentence)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
