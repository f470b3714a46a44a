//! Classifying chrome: weigh each block's evidence (class/id hints, lexicon phrases, calls to
//! action, sign-up forms, share links, lists of teasers) and remove the outermost blocks that
//! pass, unless protected. Landmarks, menus, search boxes and comment sections are never
//! removed whole; on a page without an article, offers are the page's content.

use super::evidence::{Evidence, Fact, HintSource};
use super::protect::{Protection, Shield};
use super::verdict::{Conflict, Removal};
use crate::category::Category;
use crate::options::Options;
use crate::rules::hints::{self, HintStrength};
use crate::rules::lexicon;
use crate::survey::{Row, Survey, NO_PARENT};
use crate::text::{decode_entities, truncate_chars};
use crate::tuning::*;
use std::collections::HashMap;

/// The chrome the judge found.
pub struct Chrome {
    pub removals: Vec<Removal>,
    pub conflicts: Vec<Conflict>,
    pub unlock_scroll: bool,
}

/// Elements never removed whole: the document, and landmarks a page needs. The judge looks
/// inside them instead.
const NEVER_WHOLE: &[&str] = &["html", "head", "body", "main", "header", "footer", "nav"];

/// Roles that make an element a landmark.
const LANDMARK_ROLES: &[&str] = &["banner", "navigation", "main", "contentinfo", "search"];

/// Elements that carry no visible chrome of their own.
const INERT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "meta", "link", "title", "base", "br",
    "wbr", "source", "track", "param",
];

/// Elements that hold a list of teasers, and elements that are its items.
const LIST_TAGS: &[&str] = &[
    "ul", "ol", "div", "section", "aside", "nav", "article", "footer",
];
const ITEM_TAGS: &[&str] = &[
    "li", "div", "article", "section", "figure", "a", "p", "h3", "h4",
];

/// What the classifier knows about the page as a whole.
struct Page<'a> {
    survey: &'a Survey,
    /// The article root, if any.
    root: Option<u32>,
    /// The page has an article with real prose: a news or blog page. On other pages (a shop, a
    /// pricing page, a forum) trial and sign-up offers are content.
    has_article: bool,
    /// The article says when it was published (see [`PageKind`]).
    dated: bool,
    /// The page is a post or a story (see [`PageKind`]).
    post: bool,
    /// Per ordinal: the element is or holds a landmark (`nav`, `header`, a navigation role).
    holds_landmark: Vec<bool>,
    /// Per ordinal: the element sits inside a landmark, where only small controls may go.
    in_landmark: Vec<bool>,
    /// Per ordinal: the element is or sits inside a comment section or a shop's stock alert:
    /// the page's own function.
    in_comments: Vec<bool>,
    /// Per ordinal: the element is or sits inside the page's footer.
    in_footer: Vec<bool>,
    /// Per ordinal: the element is or sits inside a breadcrumb trail, the page's place in the
    /// site ("Newsletters › Foundational Fitness Protocol"): navigation, whatever its words.
    in_breadcrumbs: Vec<bool>,
    /// Per ordinal: the nearest earlier sibling that has text, or `NO_PARENT` (found once for
    /// the page: asking for a rail's heading is a lookup, not a walk along its siblings).
    prev_with_text: Vec<u32>,
    /// How many elements of each tag and class the page has (counted once, so that asking
    /// whether a box repeats costs a lookup, not a pass over the page).
    boxes: HashMap<(&'a str, &'a str), u32>,
    /// The article's header zone, when the headline comes before the root: the ordinals after
    /// the headline and before the body, inside the block that holds both.
    header_zone: Option<(u32, u32)>,
}

impl Page<'_> {
    fn rows(&self) -> &[Row] {
        &self.survey.rows
    }

    /// Whether the block sits between the headline and the body, in their common block: the
    /// article's own header (its standfirst, byline, the list of what it discusses).
    fn in_header_zone(&self, ordinal: u32) -> bool {
        self.header_zone
            .is_some_and(|(h1, body)| h1 < ordinal && ordinal < body)
    }

    /// Whether the block sits inside the article root.
    fn in_article(&self, ordinal: u32) -> bool {
        self.root.is_some_and(|root| {
            let end = self.rows().get(root as usize).map_or(root, |r| r.end);
            ordinal > root && ordinal < end
        })
    }
}

/// A landmark of the page: its navigation, main part, or its header or footer (a `<header>` or
/// `<footer>` with a few links; a box's own little header is not the site's).
fn is_landmark(row: &Row) -> bool {
    matches!(&*row.tag, "nav" | "main")
        || (matches!(&*row.tag, "header" | "footer") && row.links >= LANDMARK_MIN_LINKS)
        || hints::says_any(&[&row.extra], LANDMARK_ROLES)
}

/// A block that is nothing but share links, whatever element it is (`<nav class=sharing>`).
fn is_share_bar(row: &Row) -> bool {
    row.share_links >= SHARE_MIN_LINKS
        && row.share_links * 2 >= row.links
        && row.words <= SHARE_MAX_WORDS
}

/// The site's masthead and navigation: where only small controls may go. (An `<header>` inside
/// an `<article>` is the article's header, protected on its own.)
fn is_masthead(row: &Row) -> bool {
    row.tag.as_ref() == "nav" || hints::says_any(&[&row.extra], &["banner", "navigation", "search"])
}

fn is_heading(row: &Row) -> bool {
    matches!(&*row.tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A menu: several short links and little else (a rail of headlines has long link texts).
fn is_menu(row: &Row) -> bool {
    row.links >= MENU_MIN_LINKS
        && row.link_density() >= MENU_MIN_LINK_DENSITY
        && row.link_text < row.links * MENU_MAX_LINK_CHARS
}

/// A comment section, a search box, or a form that is not a sign-up form: never chrome whole.
fn is_page_function(row: &Row) -> bool {
    hints::says_any(&[&row.class, &row.id], hints::COMMENT_WORDS)
        || (row.forms > 0 && (row.searches > 0 || row.textareas > 0))
        || (row.searches > 0 && row.emails == 0)
}

/// A form that asks for an e-mail address and little else.
fn is_signup_form(row: &Row) -> bool {
    row.forms > 0
        && row.emails > 0
        && row.passwords == 0
        && row.textareas == 0
        && row.searches == 0
        && row.inputs <= SIGNUP_MAX_INPUTS
        && row.links <= SIGNUP_MAX_LINKS
}

/// A list of teasers: at least `TEASER_MIN_ITEMS` children of the same shape, each a link to
/// another page (maybe with an image or a line of excerpt), with headline-length link texts.
/// Looks at the block itself and at a child that holds nearly all of its text.
fn teaser_items(page: &Page<'_>, ordinal: u32) -> Option<Teasers> {
    let rows = page.rows();
    let row = &rows[ordinal as usize];
    let mut lists = vec![ordinal];
    if let Some(big) = super::article::children(page.survey, ordinal)
        .find(|&c| rows[c as usize].text as f32 >= row.text as f32 * TEASER_LIST_SHARE)
    {
        lists.push(big);
    }
    lists.into_iter().find_map(|list| {
        if !LIST_TAGS.contains(&&*rows[list as usize].tag) {
            return None;
        }
        // (tag, class, children, teasers, link characters, pure links)
        let mut groups: Vec<(&str, &str, u32, u32, u32, u32)> = Vec::new();
        for c in super::article::children(page.survey, list) {
            let child = &rows[c as usize];
            if child.hidden || child.text == 0 || !ITEM_TAGS.contains(&&*child.tag) {
                continue;
            }
            let teaser = child.links > 0
                && child.fragment_links == 0
                && child.text <= TEASER_MAX_CHARS
                && (child.link_density() >= TEASER_MIN_LINK_DENSITY || child.images > 0);
            let pure = teaser && child.link_density() >= PURE_LINK_DENSITY;
            let shape = shape_class(&child.class);
            match groups
                .iter_mut()
                .find(|g| g.0 == &*child.tag && g.1 == shape)
            {
                Some(g) => {
                    g.2 += 1;
                    g.3 += u32::from(teaser);
                    g.4 += child.link_text;
                    g.5 += u32::from(pure);
                }
                None => groups.push((
                    &child.tag,
                    shape,
                    1,
                    u32::from(teaser),
                    child.link_text,
                    u32::from(pure),
                )),
            }
        }
        let (_, _, n, teasers, link_chars, pure) = groups.into_iter().max_by_key(|g| g.3)?;
        let headline_like = link_chars >= teasers * TEASER_MIN_LINK_CHARS;
        ((TEASER_MIN_ITEMS..=TEASER_MAX_ITEMS).contains(&teasers)
            && teasers * 10 >= n * 8
            && headline_like)
            .then_some(Teasers {
                items: teasers,
                pure: pure == teasers,
            })
    })
}

/// Whether boxes of this one's tag and class appear several times on the page: one per product
/// of a review, not one promo.
fn repeated(page: &Page<'_>, ordinal: u32) -> bool {
    let row = &page.rows()[ordinal as usize];
    page.boxes
        .get(&(&*row.tag, &*row.class))
        .is_some_and(|&n| n >= REPEATED_BOXES)
}

/// The class word that gives an item its shape: the first one without a digit. Items of one
/// list differ in their numbered words (`post-3460`, `css-1hyfx7x`), not in their kind
/// (`elementor-post`).
fn shape_class(class: &str) -> &str {
    class
        .split_whitespace()
        .find(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .unwrap_or("")
}

/// Openings of a heading that announce more of the site's pages ("More games news:", "More car
/// rankings"): over bare links they make a rail. Not "Learn more about …": a manual's list of
/// its own further pages (a Kubernetes page's, kept by WCXB's truth).
const MORE_HEADINGS: &[&str] = &["more", "read more", "see more", "explore more"];

/// Headings of the article's own maps and labels: its table of contents, its tags, its topics.
/// A list under them is not a rail.
const NOT_RAIL_HEADINGS: &[&str] = &[
    "table of contents",
    "contents",
    "in this article",
    "on this page",
    "jump to",
    "tags",
    "topics",
    "categories",
    "filed under",
];

/// Whether the block opens with one of these words (folded, whole words).
fn opens_with_any(row: &Row, words: &[&str]) -> bool {
    let folded = opening(row);
    let folded = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    words.iter().any(|w| {
        folded.starts_with(w)
            && folded[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether the block's words (its preview) say a strong phrase of the category.
fn says_strong(row: &Row, category: Category) -> bool {
    let mut folded = String::new();
    lexicon::fold(&decode_entities(&row.preview), &mut folded);
    let mut found = false;
    lexicon::scan(&folded, |i| {
        let phrase = &lexicon::PHRASES[i];
        found |= phrase.category == category && phrase.strength == lexicon::Strength::Strong;
    });
    found
}

/// Whether a short line says "share" as a word of its own, and is not a post's own tools ("Save
/// Share Reply Quote Like" under each post of a forum thread: replying is the page's function).
fn says_share(preview: &str) -> bool {
    let mut folded = String::new();
    lexicon::fold(&decode_entities(preview), &mut folded);
    let words = || folded.split(|c: char| !c.is_alphanumeric());
    words().any(|w| matches!(w, "share" | "shares" | "tweet" | "partager" | "teilen"))
        && !words().any(|w| matches!(w, "reply" | "quote" | "comment" | "comments" | "report"))
}

/// A block's opening words, about a heading line, folded as the lexicon is written.
fn opening(row: &Row) -> String {
    let opening: String = row.preview.chars().take(OPENING_CHARS).collect();
    let mut folded = String::new();
    lexicon::fold(decode_entities(&opening).trim(), &mut folded);
    folded
}

/// Whether the block's opening words say a phrase of the category.
fn opens_with(row: &Row, category: Category) -> bool {
    let folded = opening(row);
    let mut found = false;
    lexicon::scan(&folded, |i| {
        found |= lexicon::PHRASES[i].category == category
    });
    found
}

/// Whether the block's very first words are a phrase of the category ("Related stories …").
fn starts_with(row: &Row, category: Category) -> bool {
    let folded = opening(row);
    let folded = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut found = false;
    lexicon::scan_at(folded, |i, at| {
        found |= at == 0 && lexicon::PHRASES[i].category == category
    });
    found
}

/// Whether a phrase of the category heads the block: it opens the block, after at most a couple
/// of words ("From around the web", "ABC News Top Stories", "Browse related articles"), not in
/// the middle of a sentence ("What are the most popular CRM features?").
fn heads(row: &Row, category: Category) -> bool {
    let folded = opening(row);
    let mut found = false;
    lexicon::scan_at(&folded, |i, at| {
        let before = &folded[..at];
        found |= lexicon::PHRASES[i].category == category
            && before.split_whitespace().count() <= HEADING_LEAD_WORDS
            && !before.contains(['?', '.', '!']);
    });
    found
}

/// Whether a block's text says when the article was published: a printed date, a reading time
/// or an age ("6 min read", "2 hours ago").
fn carries_dateline(row: &Row) -> bool {
    let text = decode_entities(&row.preview);
    if super::dates::printed(&text, true).is_some() {
        return true;
    }
    let mut folded = String::with_capacity(text.len());
    lexicon::fold(&text, &mut folded);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        let number = w[0].bytes().all(|b| b.is_ascii_digit());
        (w[0] == "min" && w[1] == "read")
            || (w[1] == "ago"
                && (number || matches!(w[0], "hour" | "hours" | "day" | "days" | "minutes")))
            || (number && matches!(w[1], "minutes" | "minute" | "min") && folded.contains("read"))
    })
}

/// Whether the block's words come from parts that say different things: one child's words
/// are a donation pitch, another's a newsletter's. Such a block is a column of boxes, each to be
/// judged on its own, not one box.
fn mixed(page: &Page<'_>, ordinal: u32) -> bool {
    let rows = page.rows();
    let mut seen: Option<Category> = None;
    for c in super::article::children(page.survey, ordinal) {
        let child = &rows[c as usize];
        if child.all_phrases() == 0 {
            continue;
        }
        let Some(said) = Category::ALL.into_iter().max_by_key(|k| child.phrases(*k)) else {
            continue;
        };
        match seen {
            Some(before) if before != said => return true,
            _ => seen = Some(said),
        }
    }
    false
}

/// Whether the block says nothing but a strong phrase: a label or a rail's heading on its own
/// ("Related Articles", "Advertisement"), at most one word more.
fn bare_label(row: &Row, ev: &Evidence) -> bool {
    ev.facts.iter().any(|f| match f {
        Fact::Phrase {
            phrase,
            strong: true,
        } => row.words as usize <= lexicon::word_count(phrase) + 1,
        _ => false,
    })
}

/// Whether a heading opens a summary of the page: a buying guide's "Our picks" over its
/// products, each with a link to its section below, not a rail's label over other pages.
/// (The box was judged before its heading and kept.)
fn heads_summary(page: &Page<'_>, ordinal: u32) -> bool {
    let rows = page.rows();
    let row = &rows[ordinal as usize];
    if row.parent == NO_PARENT {
        return false;
    }
    // It names a box when it opens it; what it heads is the rest of the box, up to the next
    // heading. (A heading in the middle of the article's flow heads what is left of the body.)
    let mut into_page = 0;
    for c in super::article::children(page.survey, row.parent) {
        let child = &rows[c as usize];
        if c < ordinal && child.text > 0 {
            return false;
        }
        if c > ordinal {
            if is_heading(child) {
                break;
            }
            into_page += child.fragment_links;
        }
    }
    into_page >= RAIL_MIN_LINKS
}

/// A list of teasers: how many, and whether every item is nothing but its link.
struct Teasers {
    items: u32,
    pure: bool,
}

/// The heading just before a block among its siblings, if it is a short one.
fn heading_before(page: &Page<'_>, ordinal: u32) -> Option<u32> {
    let rows = page.rows();
    let prev = page
        .prev_with_text
        .get(ordinal as usize)
        .copied()
        .filter(|&p| p != NO_PARENT);
    // A heading, or a short lead-in line that ends in a colon ("More car rankings:").
    prev.filter(|&p| {
        let r = &rows[p as usize];
        let lead_in =
            matches!(&*r.tag, "p" | "div" | "strong" | "b") && r.preview.trim_end().ends_with(':');
        (is_heading(r) || r.headings > 0 || lead_in)
            && r.words <= RAIL_HEADING_MAX_WORDS
            && r.links <= 1
    })
}

/// Weighs one block's evidence.
fn weigh(page: &Page<'_>, ordinal: u32) -> Evidence {
    let row = &page.rows()[ordinal as usize];
    let mut ev = Evidence::default();
    let menu = is_menu(row);

    // Class, id and attribute hints. An id on a heading, or a long one, is a slug of the text.
    let slug_id = is_heading(row) || {
        let mut words = 0;
        hints::any_word(&row.id, |_| {
            words += 1;
            words >= SLUG_ID_WORDS
        })
    };
    for (source, value) in [
        (HintSource::Class, &row.class),
        (HintSource::Id, &row.id),
        (HintSource::Attribute, &row.extra),
    ] {
        if source == HintSource::Id && slug_id {
            continue;
        }
        if let Some(hint) = hints::chrome_hint(value) {
            let points = match hint.strength {
                HintStrength::Strong => STRONG_SIGN,
                HintStrength::Weak => WEAK_SIGN,
            };
            // The class or id as written (`story-gate`), which a person can find, and what that
            // word says.
            let (token, said) = value
                .split_whitespace()
                .find_map(|t| hints::chrome_hint(t).map(|h| (t, h)))
                .unwrap_or((hint.token, hint));
            ev.add(
                points,
                Some(hint.category),
                Fact::Hint {
                    source,
                    token: token.to_owned(),
                    category: hint.category,
                    word: said.token,
                    strong: said.strength == HintStrength::Strong,
                },
            );
            break;
        }
    }
    let hinted = ev.hint_category();

    // Phrases, matched on the block's runs of text by the survey.
    let phrase_category = Category::ALL
        .into_iter()
        .max_by_key(|c| row.phrases(*c))
        .filter(|c| row.phrases(*c) > 0);
    // A rail's or share bar's words head the block ("Related articles", "Share this"); further
    // down they belong to a part of it (an item's "More from this brand").
    let headed = match phrase_category {
        Some(c @ (Category::Related | Category::Social)) => heads(row, c),
        _ => true,
    };
    // A rail's words over links that all lead to an author's page ("More articles from Jane
    // Doe" under her bio) are a byline's, leading to a person, not to other stories.
    let to_author = phrase_category == Some(Category::Related)
        && row.links > 0
        && row.author_links == row.links;
    let weight = if headed && !to_author {
        row.all_phrases()
    } else {
        0
    };
    if weight > 0 {
        let mut points = weight.min(PHRASE_MAX_POINTS);
        // A short block that is little more than a strong phrase is a tagline or a prompt.
        // So is a box that its strong phrase heads ("Sign up for our newsletter" over a line of
        // pitch): a sentence of the article does not open with a newsletter's or an offer's words.
        let headed_prompt = row.words <= HEADED_PROMPT_WORDS
            && matches!(
                phrase_category,
                Some(Category::Newsletter | Category::Subscribe)
            )
            && phrase_category.is_some_and(|c| starts_with(row, c));
        if weight >= 2 && (row.words <= PROMPT_TAGLINE_WORDS || headed_prompt) {
            points += WEAK_SIGN;
        }
        if let Some(i) = row.first_phrase {
            let phrase = &lexicon::PHRASES[i as usize];
            ev.add(
                points,
                phrase_category,
                Fact::Phrase {
                    phrase: phrase.text,
                    strong: phrase.strength == lexicon::Strength::Strong,
                },
            );
        }
    }

    // A small box around a button that sells ("Book a demo", "Get started for free"): a house
    // promo on a dated post or story. (A lone button is left to its box; a menu's "Shop now" is
    // the site's; on a page without a date, a product's or a service's, the offer is the page.)
    // Such a box is enough alone: its button may be a plain link ("Watch demo"), not a button.
    // A box outside the story that gives a number to call ("Request a quote (800) 722-5934")
    // is the site's own contact line: the business whose page this is, not an offer laid over
    // its story. (Inside the story, a number to call is a partner's: an affiliate's table.)
    let own_contact = row.phone_links > 0 && !page.in_article(ordinal);
    let offer = page.has_article
        && page.post
        && row.offers > 0
        && !own_contact
        && !menu
        && !matches!(&*row.tag, "a" | "button" | "span")
        && (OFFER_BOX_MIN_WORDS..=PROMPT_MAX_WORDS).contains(&row.words)
        && row.links <= OFFER_BOX_MAX_LINKS;
    if offer {
        ev.add(ALONE, Some(Category::Ad), Fact::Offer);
    }
    // A box named for its call to action (`cta-block`, `short-cta`, `heroPromo`) around a
    // button or a link, on a dated post or story: the site's promo for itself, whatever its
    // button says.
    let promo_name = ev
        .facts
        .iter()
        .any(|f| matches!(f, Fact::Hint { word, .. } if hints::PROMO_HINTS.contains(word)));
    let house_promo = promo_name
        && !offer
        && !own_contact
        && page.has_article
        && page.post
        && !menu
        && !matches!(&*row.tag, "a" | "button" | "span")
        && (row.ctas > 0 || row.links > 0)
        && row.links <= OFFER_BOX_MAX_LINKS
        && (OFFER_BOX_MIN_WORDS..=PROMPT_MAX_WORDS).contains(&row.words)
        // In the body, a box repeated under every product ("Get NordVPN", "View Deal") is the
        // review's own buy button; a promo has a headline and a pitch.
        && !repeated(page, ordinal)
        && (!page.in_article(ordinal) || row.words >= HOUSE_PROMO_MIN_WORDS);
    if house_promo {
        ev.add(STRONG_SIGN, Some(Category::Ad), Fact::Offer);
    }
    // Calls to action back up other evidence on a small block; alone, or in a menu, they are
    // just links and buttons.
    let named_and_said = ev.hint_category().is_some() && weight > 0;
    if (ev.has_strong_hint() || ev.has_strong_phrase() || named_and_said || offer)
        && !menu
        && row.ctas > 0
        && row.words <= PROMPT_MAX_WORDS
    {
        ev.add(
            row.ctas.min(2),
            None,
            Fact::CallsToAction { count: row.ctas },
        );
    }
    // A small box named a newsletter's outright, whose few words speak of e-mail: the pitch of a
    // sign-up box whose form a script draws.
    let mail_pitch = ev.has_strong_hint()
        && hinted == Some(Category::Newsletter)
        && !menu
        && row.words <= HEADED_PROMPT_WORDS
        && row.links <= 1
        && lexicon::speaks_of_mail(&decode_entities(&row.preview));
    if mail_pitch {
        ev.add(WEAK_SIGN, None, Fact::MailPitch);
    }
    // A box named a newsletter's outright that holds nothing yet (no words, no links, no
    // field): the slot a script fills with its sign-up form, as an ad slot waits for its ad.
    // (Only a box: a menu entry's icon, a consent dialog's opt-in checkbox or a form's own
    // field is part of something else.)
    if ev.has_strong_hint()
        && hinted == Some(Category::Newsletter)
        && !menu
        && matches!(&*row.tag, "div" | "section" | "aside")
        && row.words == 0
        && row.links == 0
        && row.inputs == 0
        && row.forms == 0
    {
        ev.add(WEAK_SIGN, None, Fact::SignupSlot);
    }
    // An e-mail field and a button, with a line or two about them: a sign-up box on its own.
    if is_signup_form(row) && row.words <= PROMPT_MAX_WORDS {
        ev.add(ALONE, Some(Category::Newsletter), Fact::SignupForm);
    }
    // A sign-up form's small print ("By signing up you agree to our Terms…") in a box named a
    // newsletter's outright, or under its e-mail field: the box is the sign-up, even when its
    // thank-you and error messages wait in it too. (In a footer's link columns the line is
    // the column's, not the columns'.)
    let signup_box =
        (ev.has_strong_hint() && hinted == Some(Category::Newsletter)) || is_signup_form(row);
    if row.consents > 0 && signup_box && !menu && row.words <= HINTED_MAX_WORDS {
        ev.add(STRONG_SIGN, Some(Category::Newsletter), Fact::ConsentLine);
    }
    // (A table of contents or a source box with share links beside its own is not the bar.)
    if row.share_links >= SHARE_MIN_LINKS
        && row.words <= SHARE_MAX_WORDS
        && row.share_links * 2 >= row.links
        && !opens_with_any(row, NOT_RAIL_HEADINGS)
    {
        ev.add(
            ALONE,
            Some(Category::Social),
            Fact::ShareLinks {
                count: row.share_links,
            },
        );
    }
    // A row of buttons whose few words say "Share" (a like, restack and share row: "121 78 17
    // Share", "Recommend Bookmark Share More"): a share bar made of buttons, not links.
    if row.ctas >= SHARE_BUTTONS_MIN
        && row.words <= SHARE_BUTTONS_MAX_WORDS
        && row.links <= row.ctas
        && says_share(&row.preview)
        // (Under every post of a thread the row is the post's own tools.)
        && !repeated(page, ordinal)
    {
        ev.add(
            ALONE,
            Some(Category::Social),
            Fact::ShareButtons { count: row.ctas },
        );
    }
    // A line of networks' names: the labels of a share or follow bar's buttons.
    if row.words <= NETWORK_LINE_MAX_WORDS && row.words >= NETWORK_LINE_MIN_NAMES {
        let (names, words) = lexicon::network_names(&decode_entities(&row.preview));
        if names >= NETWORK_LINE_MIN_NAMES as usize && names * 10 >= words * 6 {
            ev.add(
                STRONG_SIGN,
                Some(Category::Social),
                Fact::NetworkNames {
                    count: names as u32,
                },
            );
        }
    }
    // A row of follow-us icons: links to the site's profiles and little else. It backs up a
    // "Follow us" or a social class; alone it is as likely the footer's or the masthead's
    // contact row. Beside the article, a row of bare icons is the follow bar.
    if row.follow_links >= FOLLOW_MIN_LINKS
        && row.follow_links * 2 >= row.links
        && row.words <= SHARE_MAX_WORDS
    {
        let icons = row.words <= ICON_ROW_MAX_WORDS
            && !page.in_footer[ordinal as usize]
            && !page.in_landmark[ordinal as usize];
        ev.add(
            if icons { ALONE } else { WEAK_SIGN },
            Some(Category::Social),
            Fact::FollowLinks {
                count: row.follow_links,
                icons,
            },
        );
    }
    // A teaser line: "Read more: <a>another story</a>", one link that a label announces. A
    // label that ends in a colon and says "read" or "see also" is the line's whole job: the
    // line is another page's headline, not the article's sentence.
    // (Lines run together in one paragraph, "Recommended: <a>…</a> Recommended: <a>…</a>",
    // make one block of a few links.)
    let labelled = (1..=TEASER_LINES_MAX_LINKS).contains(&row.links)
        && row.words <= TEASER_LINE_MAX_WORDS
        && lexicon::is_lead_in(&decode_entities(&row.preview))
        && (row.links <= 2 || row.link_density() >= TEASER_LINE_MIN_LINK_DENSITY);
    let min_density = if labelled {
        TEASER_LINE_LABELLED_MIN_LINK_DENSITY
    } else {
        TEASER_LINE_MIN_LINK_DENSITY
    };
    // (A line that opens in lower case, "more from Havasupai. check out …", is the author's
    // sentence, not a label.)
    let capitalized = decode_entities(&row.preview)
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| !c.is_lowercase());
    // (A link to the author's page, "More articles from Jane Doe", leads to a person.)
    if (row.phrases(Category::Related) > 0 || labelled)
        && capitalized
        && row.links > row.author_links
        && (row.links <= 2 || labelled)
        && row.link_density() >= min_density
        && row.words <= TEASER_LINE_MAX_WORDS
        && matches!(
            &*row.tag,
            "p" | "div" | "li" | "h2" | "h3" | "h4" | "h5" | "h6" | "strong" | "blockquote"
        )
    {
        let points = if labelled { ALONE } else { WEAK_SIGN };
        ev.add(
            points,
            Some(Category::Related),
            Fact::TeaserLine { links: row.links },
        );
    }
    // An app promo: links to the app stores in a small block.
    // Inside the article a store link is a source ("streaming on Google Play"), not a promo.
    if row.app_links > 0
        && row.links <= row.app_links + 1
        && row.words <= APP_PROMO_MAX_WORDS
        && !page.in_article(ordinal)
    {
        ev.add(
            ALONE,
            Some(Category::AppPromo),
            Fact::AppLinks {
                count: row.app_links,
            },
        );
    }
    // A site-wide announcement bar: named so, a line or two with a link or two, beside the
    // article rather than in it. (Its icon, its close button or a "sitewide" search box's
    // magnifier say nothing; a press release's "announcement" body is long, or the article.)
    let bar = ev.facts.iter().any(|f| match f {
        Fact::Hint { word, .. } => hints::BAR_WORDS.contains(word),
        _ => false,
    });
    if bar
        && (ANNOUNCEMENT_MIN_WORDS..=ANNOUNCEMENT_MAX_WORDS).contains(&row.words)
        && row.links <= 2
        && row.headings == 0
        && !page.in_article(ordinal)
    {
        ev.add(STRONG_SIGN, None, Fact::AnnouncementBar);
    }
    // An ad slot: named so, small, and not a list of links. (A banner's image link is one; a
    // text link is not: "Weekly Ad" in a shop's menu leads to its circular.)
    if hinted == Some(Category::Ad)
        && row.words <= AD_SLOT_MAX_WORDS
        && row.links <= 2
        && !(row.tag.as_ref() == "a" && row.words > 0 && row.images == 0)
    {
        ev.add(STRONG_SIGN, None, Fact::AdSlot);
    }
    // A rail: a list of teasers outside the article, with a heading over it (or a name).
    // (A footer's link columns under their headings are the site's map, not a rail.)
    if page.has_article && !menu && !page.in_footer[ordinal as usize] {
        // A table of contents or a list of tags is the article's own map, whatever its shape.
        let listed = teaser_items(page, ordinal).map(|t| (t, heading_before(page, ordinal)));
        let own_map = |before: Option<u32>| {
            opens_with_any(row, NOT_RAIL_HEADINGS)
                || before
                    .is_some_and(|h| opens_with_any(&page.rows()[h as usize], NOT_RAIL_HEADINGS))
        };
        // So is a list between the headline and the body: the books or products it discusses.
        let own_map = |before: Option<u32>| own_map(before) || page.in_header_zone(ordinal);
        if let Some((Teasers { items, pure }, before)) = listed.filter(|(_, b)| !own_map(*b)) {
            let heading = row.headings > 0 || before.is_some();
            // The heading says what the list is ("Related posts:", "You might also like").
            let says_rail = before.map_or_else(
                || row.headings > 0 && opens_with(row, Category::Related),
                |h| {
                    let h = &page.rows()[h as usize];
                    h.phrases(Category::Related) > 0 || opens_with_any(h, MORE_HEADINGS)
                },
            );
            // Inside the article a list of links may be the article's own (a list of tools, of
            // sources, with words around each link): there the shape backs up a name or a
            // heading's words, unless the list is bare links to other pages under a heading
            // ("More car rankings:").
            let points = if page.in_article(ordinal) {
                if pure && says_rail {
                    ALONE
                } else if pure && heading {
                    STRONG_SIGN
                } else {
                    WEAK_SIGN
                }
            } else if heading {
                ALONE
            } else {
                STRONG_SIGN
            };
            ev.add(
                points,
                Some(Category::Related),
                Fact::TeaserList { items, heading },
            );
        }
    }
    // A block named as a rail or a share bar, or headed as one, that is mostly links is one.
    // (Icons count: a row of five follow-us links with no words is a link list.)
    let icons = row.links >= SHARE_MIN_LINKS && row.words <= row.links * 2;
    if matches!(
        hinted.or(phrase_category),
        Some(Category::Related | Category::Social)
    ) && (icons || (row.links >= RAIL_MIN_LINKS && row.link_density() >= RAIL_MIN_LINK_DENSITY))
    {
        // Under its own rail words ("Related", "Recent posts" opening the block) a block of
        // nothing but links is the rail those words announce.
        let announced = headed
            && phrase_category == Some(Category::Related)
            && row.links >= RAIL_MIN_LINKS
            && row.link_density() >= ANNOUNCED_RAIL_MIN_LINK_DENSITY;
        ev.add(
            if announced { STRONG_SIGN } else { WEAK_SIGN },
            None,
            Fact::LinkList {
                percent: (row.link_density() * 100.0) as u32,
            },
        );
    }
    // A long, link-poor block named "related" is content.
    if matches!(hinted, Some(Category::Related | Category::Social))
        && row.link_density() < RAIL_MIN_LINK_DENSITY
        && row.words > PROMPT_MAX_WORDS
    {
        ev.points = ev.points.saturating_sub(WEAK_SIGN);
    }
    // What the block is decides its category: a rail's structure over a word in its heading,
    // an e-mail form over the word "subscribe" beside it (unless a paywall's own words say it
    // is a gate), a name that says the block's job over both.
    let gate = ev.facts.iter().any(|f| match f {
        Fact::Phrase { phrase, .. } => lexicon::is_gate(phrase),
        _ => false,
    });
    // An e-mail form under an offer's words ("Start free trial") signs up for the product.
    // (A bare "Subscribe" over an e-mail field is a newsletter's button; an offer says more.)
    // ("Subscribe to our blog … Subscribe" twice over is still the bare word.)
    let offer = row.phrases(Category::Subscribe) >= 2
        && row.phrases(Category::Subscribe) > row.phrases(Category::Newsletter)
        && says_strong(row, Category::Subscribe);
    let structural = match ev.structural_category() {
        Some(Category::Newsletter) if gate || offer => Some(Category::Subscribe),
        other => other,
    };
    let newsletterish = row.phrases(Category::Newsletter) > 0 || (is_signup_form(row) && !offer);
    let hinted = match hinted {
        Some(Category::Subscribe) if newsletterish && !gate => Some(Category::Newsletter),
        // A promo that offers no subscription is the site's advert for itself.
        Some(Category::Subscribe)
            if house_promo
                && row.phrases(Category::Subscribe) == 0
                && !hints::says_any(&[&row.class, &row.id], hints::SIGNUP_WORDS) =>
        {
            Some(Category::Ad)
        }
        other => other,
    };
    let strong_hint = hinted.filter(|c| ev.has_strong_hint() && *c != Category::Subscribe);
    ev.category = strong_hint
        .or(structural)
        .or(hinted)
        .or(phrase_category)
        .or(ev.category);
    ev.facts.push(Fact::Words { count: row.words });
    ev
}

fn size_allows(page: &Page<'_>, ordinal: u32, row: &Row, ev: &Evidence) -> bool {
    // A rail outside the article, headed by its strong words and made of links, is as long as
    // its list. (On a listing page a long "Latest news" list is what the page shows: `passes`
    // keeps lists there unless strong words name them.)
    let announced_rail = !page.in_article(ordinal)
        && ev.has_strong_phrase()
        && ev.category == Some(Category::Related)
        && row.links >= RAIL_MIN_LINKS
        && row.link_density() >= ANNOUNCED_RAIL_MIN_LINK_DENSITY;
    if ev.has_structure() || ev.hint_category().is_some() || announced_rail {
        row.words <= HINTED_MAX_WORDS
    } else {
        row.words <= PROMPT_MAX_WORDS
    }
}

/// Whether the evidence is enough on this page.
fn passes(page: &Page<'_>, ordinal: u32, row: &Row, ev: &Evidence) -> bool {
    refusal(page, ordinal, row, ev).is_none()
}

/// Why the evidence is not enough on this page, if it is not: the rule that keeps the block.
fn refusal(page: &Page<'_>, ordinal: u32, row: &Row, ev: &Evidence) -> Option<&'static str> {
    if ev.points < CHROME_THRESHOLD {
        return Some("too little evidence");
    }
    if !size_allows(page, ordinal, row, ev) {
        return Some("too long for chrome");
    }
    // A block that holds the site's copyright line is its footer, or the whole of it: only a
    // control inside it may go ("Get the app" beside "© 2025 Example · Privacy · Terms").
    if row.colophons > 0 {
        return Some("it holds the site's copyright line");
    }
    // A menu is the site's, unless its own words head it as a rail or a share bar ("Similar
    // threads", "Follow us") or, outside the footer, its links are the site's profiles on social
    // networks.
    if is_menu(row) && !ev.has_strong_hint() && !ev.has_structure() {
        let networks = (row.follow_links + row.share_links) * 2 >= row.links;
        let announced = ev.has_strong_phrase()
            && match ev.category {
                // (Its first words: "Editor's picks" as the second of a menu's entries is one
                // section among others.)
                Some(Category::Related) => starts_with(row, Category::Related),
                // "Follow us:" over the site's sections is its menu.
                Some(Category::Social) => networks && opens_with(row, Category::Social),
                _ => false,
            };
        // (In the footer, such a row is the site's contact block.)
        let profiles = !page.in_footer[ordinal as usize]
            && row.follow_links >= FOLLOW_MIN_LINKS
            && row.follow_links * 2 >= row.links;
        if !announced && !profiles {
            return Some("a menu");
        }
    }
    // One entry of a menu that names a section of the site ("Editor's picks", "Sponsored
    // Content", "Latest news") is the menu's, like its neighbours; a control among them
    // ("Subscribe", "Newsletters", "Get the app") may go alone.
    // (The entry is the item or what fills it: `li`, `li > a`, `li > a > span`.)
    let rows = page.rows();
    let entry = std::iter::successors(Some(ordinal), |&o| {
        rows.get(o as usize)
            .map(|r| r.parent)
            .filter(|&p| p != NO_PARENT)
    })
    .take(MENU_ENTRY_DEPTH)
    .filter_map(|o| rows.get(o as usize))
    .take_while(|r| r.text == row.text)
    .any(|r| r.tag.as_ref() == "li" && rows.get(r.parent as usize).is_some_and(is_menu));
    // (An entry's one link is no teaser line: a menu lists the site's sections.)
    let teaser_line = ev
        .facts
        .iter()
        .any(|f| matches!(f, Fact::TeaserLine { .. }));
    // In the footer every entry is the site's map: its "Newsletter" or "Get the app" link
    // leads to a page, like the "About us" beside it.
    if entry
        && (!ev.has_structure() || teaser_line || page.in_footer[ordinal as usize])
        && (matches!(ev.category, Some(Category::Related | Category::Ad))
            || page.in_footer[ordinal as usize])
    {
        return Some("an entry of a menu");
    }
    // Between the headline and the body, words alone are the header's own: a kicker, a
    // sponsor's line under the date ("This newsletter is sponsored by …"). A share bar or a box
    // named for its job there still goes.
    if page.in_header_zone(ordinal)
        && row.words <= DATELINE_MAX_WORDS
        && !ev.has_structure()
        && ev.hint_category().is_none()
    {
        return Some("words alone in the article's header");
    }
    // Inside the masthead or the navigation only a small control goes: a sign-in or subscribe
    // button, a newsletter or app link. The menus, lists and promos there are the site's.
    if page.in_landmark[ordinal as usize] {
        // (A link home is the site's: "Start Reading Everything" on a menu leads to its front
        // page, not to a paywall.)
        let control = row.words <= LANDMARK_CONTROL_MAX_WORDS
            && row.links <= 1
            && row.home_links == 0
            && !ev.has_structure()
            && matches!(
                ev.category,
                Some(Category::Subscribe | Category::Newsletter | Category::AppPromo)
            );
        // Beside its links a landmark may hold a box with a job of its own: a newsletter's
        // sign-up box in the footer, a share bar in the article's header. Named so or built so,
        // and small; a menu of links is the site's.
        let named_or_built = ev.hint_category().is_some() || ev.has_structure();
        // (A share bar is shaped like a menu, short links in a row; a newsletter box is not.)
        let boxed = named_or_built
            && (!is_menu(row) || ev.category == Some(Category::Social))
            && match ev.category {
                Some(Category::Newsletter) => {
                    row.words <= PROMPT_MAX_WORDS && row.links <= LANDMARK_BOX_MAX_LINKS
                }
                Some(Category::Social) => {
                    let shares = ev
                        .facts
                        .iter()
                        .any(|f| matches!(f, Fact::ShareLinks { .. }));
                    row.words <= LANDMARK_SHARE_MAX_WORDS
                        && row.links + row.ctas >= SHARE_MIN_LINKS
                        && row.follow_links * 2 < row.links.max(1)
                        && (shares || ev.has_strong_hint())
                }
                _ => false,
            };
        return (!(control || boxed)).then_some("inside a landmark");
    }
    // Inside the article, words alone are the article's own: a box there also has a name, a
    // call to action or a form, or is nothing but its label ("Related Articles", "Recently
    // viewed") or the list of links that its strong words head.
    // (Weaker words, "Related services", "Read more", head one when they are its first words
    // and the rest is links.)
    let announced_list = ev.category == Some(Category::Related)
        && row.links >= RAIL_MIN_LINKS
        && ((ev.has_strong_phrase()
            && row.link_density() >= ANNOUNCED_RAIL_MIN_LINK_DENSITY
            && opens_with(row, Category::Related))
            || (starts_with(row, Category::Related)
                && row.link_density() >= WEAKLY_ANNOUNCED_LIST_MIN_LINK_DENSITY));
    if page.in_article(ordinal)
        && ev.hint_category().is_none()
        && !ev.has_structure()
        && !bare_label(row, ev)
        && !announced_list
        && !ev
            .facts
            .iter()
            .any(|f| matches!(f, Fact::CallsToAction { .. }))
    {
        return Some("words alone inside the article");
    }
    // A list of many links that names a membership or a subscription among them ("MEMBERSHIP"
    // over a column of a site map) is the site's menu: the offer is one of its links. In the
    // page's footer a short column is one when the offer is only its name ("Subscribe: Digital
    // magazine, Gift subscription, Newsletters"); a pitch over it ("Support this blog") is a
    // pitch wherever it stands.
    let menu_links = if page.in_footer[ordinal as usize] && !ev.has_strong_phrase() {
        FOOTER_COLUMN_MIN_LINKS
    } else {
        SITE_MENU_MIN_LINKS
    };
    if ev.category == Some(Category::Subscribe)
        && ev.hint_category().is_none()
        && !ev.has_structure()
        && !ev.facts.iter().any(|f| matches!(f, Fact::Offer))
        && row.links >= menu_links
        && row.link_density() >= MENU_MIN_LINK_DENSITY
    {
        return Some("a menu that names an offer");
    }
    // On a page that is not an article, offers and sign-ups are what the page is about: only a
    // paywall's own words or a named gate remove anything there.
    // (A site-wide bar over an article, dated or not, is the site's, not the article's.)
    if !(page.has_article && page.dated) && ev.category == Some(Category::Subscribe) {
        let gate = ev.facts.iter().any(|f| match f {
            Fact::Hint { word, .. } => hints::GATE_HINTS.contains(word),
            Fact::Phrase { phrase, .. } => lexicon::is_gate(phrase),
            Fact::AnnouncementBar => page.has_article,
            _ => false,
        });
        return (!gate).then_some("an offer on an undated page");
    }
    // …an e-mail field there signs up for the product unless it says "newsletter"…
    if !page.has_article && ev.category == Some(Category::Newsletter) {
        let named = row.phrases(Category::Newsletter) > 0
            || ev.hint_category() == Some(Category::Newsletter);
        return (!named).then_some("a sign-up form on a page without an article");
    }
    // …and lists of things are what a shop or a listing shows: a rail there says so in words.
    // ("Most read" or "Latest news" there is the front page's own list; "Similar threads" under
    // a forum thread is a rail.)
    if !page.has_article && ev.category == Some(Category::Related) {
        let says_similar = ev.facts.iter().any(|f| match f {
            Fact::Phrase {
                phrase,
                strong: true,
            } => !lexicon::is_site_list(phrase),
            _ => false,
        });
        return (!says_similar).then_some("a list on a page without an article");
    }
    None
}

/// What kind of page the chrome is judged on.
#[derive(Debug, Clone, Copy)]
pub struct PageKind {
    /// The page has an article (enough protected prose): prompts and lists around it may be
    /// chrome; on a page without one they are what the page shows.
    pub article: bool,
    /// The page is a post or a story, where the site's own offers are promos: its article says
    /// when it was published, or the page declares itself one (a JSON-LD article, an address
    /// under the site's blog or news). A product or service page also has prose, and neither.
    pub post: bool,
    /// The article says when it was published: the page is news or a post, and a prompt on it
    /// speaks to the reader of the story.
    pub dated: bool,
}

/// Classifies chrome blocks in document order, outermost first.
pub fn classify(
    survey: &Survey,
    protection: &Protection,
    options: &Options,
    root: Option<u32>,
    kind: PageKind,
) -> Chrome {
    let rows = &survey.rows;
    let page = Page::new(survey, root, kind);
    let mut removals = Vec::new();
    let mut conflicts = Vec::new();
    let mut unlock_scroll = false;
    let mut i = 0usize;
    while i < rows.len() {
        let row = &rows[i];
        let ordinal = i as u32;
        let skip_subtree = (row.end as usize).max(i + 1);
        if INERT.contains(&&*row.tag) || row.hidden {
            i = skip_subtree;
            continue;
        }
        let shield = protection.shield(ordinal);
        if matches!(shield, Some(Shield::ArticleSpine | Shield::Header))
            || matches!(&*row.tag, "html" | "head" | "body")
        {
            i += 1;
            continue;
        }
        // A list rule is the user's explicit choice: it may remove a header, footer or nav.
        if let Some(hit) = survey.rule_hit(ordinal) {
            if shield.is_none() && options.category_enabled(hit.category) {
                let fact = Fact::FilterRule {
                    rule: hit.rule.clone(),
                    line: hit.line,
                };
                removals.push(Removal {
                    ordinal,
                    tag: row.tag.to_string(),
                    category: hit.category,
                    reason: fact.sentence(),
                    rule: Some(hit.rule.clone()),
                    preview: preview(row),
                });
                i = skip_subtree;
                continue;
            }
        }
        let landmark = NEVER_WHOLE.contains(&&*row.tag) || page.holds_landmark[i];
        if (landmark && !is_share_bar(row))
            || page.in_comments[i]
            || page.in_breadcrumbs[i]
            || is_page_function(row)
        {
            i += 1;
            continue;
        }
        let ev = weigh(&page, ordinal);
        // A heading is its section's, unless, beside an article, it is a rail's label alone.
        if is_heading(row)
            && !ev.has_structure()
            && !(page.has_article && bare_label(row, &ev) && !heads_summary(&page, ordinal))
        {
            i += 1;
            continue;
        }
        // A column of boxes that say different things is judged box by box.
        if ev.hint_category().is_none() && !ev.has_structure() && mixed(&page, ordinal) {
            i += 1;
            continue;
        }
        // A share bar that carries the dateline ("June 9, 2025 · 21 minutes to read", "1 day
        // ago") is the article's header row: its buttons may go, not the row.
        // So is a short line that prints the date beside a newsletter's or a sponsor's name
        // ("November 2, 2022 | This newsletter is sponsored by …"). A rail's dates are its
        // teasers'.
        let dateline = match ev.category {
            Some(Category::Social) => true,
            Some(Category::Related) | None => false,
            Some(_) => row.words <= DATELINE_MAX_WORDS && ev.teasers().is_none(),
        };
        if dateline && carries_dateline(row) {
            i += 1;
            continue;
        }
        // A lone button or link goes only when its words say what it is ("Subscribe", "Get
        // the app"): a "Close" button named after the dialog it closes is not chrome itself.
        if matches!(&*row.tag, "button" | "a")
            && row.all_phrases() == 0
            && !ev.has_structure()
            && matches!(
                ev.category,
                Some(Category::Subscribe | Category::Newsletter)
            )
        {
            i = skip_subtree;
            continue;
        }
        // A link is one teaser at most, never the rail: "More from this brand <name>" on a
        // hotel's card is the card's own link.
        if row.tag.as_ref() == "a" && ev.category == Some(Category::Related) {
            i = skip_subtree;
            continue;
        }
        // Prose is protected, except the one-line excerpts of a rail of teasers, the one
        // paragraph of pitch in a box that is plainly chrome (named so, with its form), and the
        // pitch of a small box that sells (`Fact::Offer` already holds it to a prompt's size on
        // a post): one or two paragraphs over "Get a quote" are the offer's, not the article's.
        if let Some(Shield::Prose(n)) = shield {
            let teasers = ev.teasers().is_some_and(|items| n <= items);
            let outside = !page.in_article(ordinal);
            // (An e-mail form is such a box wherever it sits: no article asks for an address.)
            let form = ev.facts.iter().any(|f| matches!(f, Fact::SignupForm));
            let offer = ev.facts.iter().any(|f| matches!(f, Fact::Offer));
            let pitch = (n <= 1
                && ((outside && ev.points >= STRONG_EVIDENCE && ev.has_strong_hint())
                    || (form && ev.category == Some(Category::Newsletter))))
                || (n <= 2 && offer);
            // A block named a rail and headed as one, outside the article, is a rail whatever
            // its teasers' excerpts say.
            let rail = outside
                && ev.category == Some(Category::Related)
                && ev.has_strong_hint()
                && ev.has_strong_phrase();
            if !teasers && !pitch && !rail {
                i += 1;
                continue;
            }
        }
        match ev.category {
            Some(category)
                if passes(&page, ordinal, row, &ev) && options.category_enabled(category) =>
            {
                unlock_scroll |= category == Category::Subscribe;
                // A rail's heading that sits just before it, outside it, goes with it; so does
                // any heading there whose words say what the block is ("SHARE" over a row of
                // icons, "Related posts" over a rail of cards).
                // (Such a label may be any short line: a `div` styled as a heading.)
                let label = page
                    .prev_with_text
                    .get(i)
                    .copied()
                    .filter(|&p| p != NO_PARENT)
                    .filter(|&p| {
                        let r = &rows[p as usize];
                        r.words <= RAIL_HEADING_MAX_WORDS
                            && r.links == 0
                            && (opens_with(r, category)
                                || (category == Category::Social && says_share(&r.preview)))
                    });
                let heading = if ev.teasers().is_some() {
                    heading_before(&page, ordinal).or(label)
                } else {
                    label
                };
                if row.headings == 0 {
                    if let Some(h) = heading {
                        if protection.shield(h).is_none()
                            && removals.last().is_none_or(|r: &Removal| r.ordinal < h)
                        {
                            removals.push(Removal {
                                ordinal: h,
                                tag: rows[h as usize].tag.to_string(),
                                category,
                                reason: format!(
                                    "the heading of the {} below it",
                                    match category {
                                        Category::Related => "rail",
                                        Category::Social => "share bar",
                                        Category::Newsletter => "sign-up box",
                                        _ => "box",
                                    }
                                ),
                                rule: None,
                                preview: preview(&rows[h as usize]),
                            });
                        }
                    }
                }
                removals.push(Removal {
                    ordinal,
                    tag: row.tag.to_string(),
                    category,
                    reason: ev.sentence(),
                    rule: None,
                    preview: preview(row),
                });
                i = skip_subtree;
            }
            _ => i += 1,
        }
    }
    // Rule hits inside protected blocks are reported, not applied.
    for hit in survey.rule_hits.iter() {
        if let Some(shield) = protection.shield(hit.ordinal) {
            if let Some(row) = survey.row(hit.ordinal) {
                conflicts.push(Conflict {
                    ordinal: hit.ordinal,
                    tag: row.tag.to_string(),
                    rule: hit.rule.clone(),
                    why: format!("not removed because {shield}"),
                });
            }
        }
    }
    Chrome {
        removals,
        conflicts,
        unlock_scroll,
    }
}

fn preview(row: &Row) -> String {
    truncate_chars(decode_entities(row.preview.trim()).trim(), 80)
}

impl<'a> Page<'a> {
    fn new(survey: &'a Survey, root: Option<u32>, kind: PageKind) -> Page<'a> {
        let rows = &survey.rows;
        let mut holds_landmark: Vec<bool> = rows.iter().map(is_landmark).collect();
        for i in (0..rows.len()).rev() {
            let parent = rows[i].parent;
            if parent != NO_PARENT && holds_landmark[i] {
                holds_landmark[parent as usize] = true;
            }
        }
        let mut in_landmark = vec![false; rows.len()];
        let mut in_comments = vec![false; rows.len()];
        let mut in_footer = vec![false; rows.len()];
        let mut in_breadcrumbs = vec![false; rows.len()];
        let mut in_article_el = vec![false; rows.len()];
        for (i, row) in rows.iter().enumerate() {
            let parent = row.parent as usize;
            if row.parent != NO_PARENT {
                in_article_el[i] = in_article_el[parent] || rows[parent].tag.as_ref() == "article";
                if rows[parent].tag.as_ref() == "header" && !in_article_el[parent] {
                    in_landmark[i] = true;
                }
                in_landmark[i] |= in_landmark[parent] || is_masthead(&rows[parent]);
                in_comments[i] = in_comments[parent];
                in_footer[i] = in_footer[parent];
                in_breadcrumbs[i] = in_breadcrumbs[parent];
            }
            // (A trail is a line of a few links: a page or a column named `has-breadcrumbs`
            // is not one.)
            in_breadcrumbs[i] |= row.words <= BREADCRUMB_MAX_WORDS
                && hints::says_any(&[&row.class, &row.id, &row.extra], hints::BREADCRUMB_WORDS);
            // A comment section is a block of the page, not the page's frame around the article
            // (`<body class="comments-open">`); so is a shop's stock alert, whose e-mail field
            // asks when the product is back, and everything in it.
            in_footer[i] |= row.tag.as_ref() == "footer"
                || hints::says_any(&[&row.extra], &["contentinfo"])
                || hints::says_any(&[&row.class, &row.id], &["footer"]);
            in_comments[i] |= !matches!(&*row.tag, "html" | "body" | "main" | "article")
                && root.is_none_or(|r| !(i as u32 <= r && row.end > r))
                && (hints::says_any(&[&row.class, &row.id], hints::COMMENT_WORDS)
                    || [&row.class, &row.id]
                        .iter()
                        .any(|v| hints::mentions(v, hints::STOCK_ALERT_WORDS)));
        }
        let mut prev_with_text = vec![NO_PARENT; rows.len()];
        let mut last_with_text = vec![NO_PARENT; rows.len()];
        for (i, row) in rows.iter().enumerate() {
            if let Some(last) = last_with_text.get_mut(row.parent as usize) {
                prev_with_text[i] = *last;
                if row.text > 0 {
                    *last = i as u32;
                }
            }
        }
        let mut boxes: HashMap<(&str, &str), u32> = HashMap::new();
        for row in rows {
            *boxes.entry((&*row.tag, &*row.class)).or_default() += 1;
        }
        let header_zone = root.and_then(|r| {
            let h1 = super::protect::headline(survey, r)?;
            let lca = survey
                .ancestors(h1)
                .find(|&a| a <= r && rows[a as usize].end >= rows[r as usize].end)?;
            (h1 < r && !matches!(&*rows[lca as usize].tag, "html" | "body")).then_some((h1, r))
        });
        Page {
            survey,
            root,
            boxes,
            header_zone,
            prev_with_text,
            in_landmark,
            in_comments,
            in_footer,
            in_breadcrumbs,
            has_article: kind.article,
            post: kind.post,
            dated: kind.dated,
            holds_landmark,
        }
    }
}

/// How the classifier sees one block: its evidence, points, category and whether it passes.
/// How the judge sees elements of the page, one line each: the given ordinals, or every element
/// with any evidence against it (`plainpage analyze --explain`).
pub fn explain(
    survey: &Survey,
    root: Option<u32>,
    kind: PageKind,
    only: Option<&[u32]>,
) -> Vec<(u32, String)> {
    let page = Page::new(survey, root, kind);
    match only {
        Some(ordinals) => ordinals
            .iter()
            .map(|&o| (o, explain_one(&page, o)))
            .collect(),
        None => (0..survey.rows.len() as u32)
            .filter(|&o| {
                let row = &survey.rows[o as usize];
                !row.hidden && !INERT.contains(&&*row.tag) && weigh(&page, o).points > 0
            })
            .map(|o| (o, explain_one(&page, o)))
            .collect(),
    }
}

fn explain_one(page: &Page<'_>, ordinal: u32) -> String {
    let survey = page.survey;
    let Some(row) = survey.row(ordinal) else {
        return format!("no element #{ordinal}");
    };
    let ev = weigh(page, ordinal);
    format!(
        "#{ordinal} <{}> class={:?} id={:?} extra={:?} | {} points, {:?}, passes {} ({}) | \
         landmark holds {} in {} comments {} menu {} function {} | words {} links {} ld {:.2} \
         ctas {} forms {} inputs {} emails {} share {} | {} | «{}»",
        row.tag,
        row.class,
        row.id,
        row.extra,
        ev.points,
        ev.category,
        passes(page, ordinal, row, &ev),
        refusal(page, ordinal, row, &ev).unwrap_or("-"),
        page.holds_landmark[ordinal as usize],
        page.in_landmark[ordinal as usize],
        page.in_comments[ordinal as usize],
        is_menu(row),
        is_page_function(row),
        row.words,
        row.links,
        row.link_density(),
        row.ctas,
        row.forms,
        row.inputs,
        row.emails,
        row.share_links,
        ev.sentence(),
        preview(row)
    )
}
