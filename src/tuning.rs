//! Every heuristic constant in one place, each with the reason for its value.

/// Characters of text kept per element for previews, bylines and `:has-text` rules. Enough for a
/// prompt's whole sentence or a byline; short enough that memory stays O(elements).
pub const PREVIEW_CHARS: usize = 120;

/// Longest run of text (bytes, between two block boundaries, across inline elements) the phrase
/// lexicon scans. Prompts are short; a longer run is a paragraph of prose, which may talk about
/// subscriptions without being a prompt.
pub const PHRASE_SCAN_BYTES: usize = 400;

/// Words a run of text may have for a *weak* phrase in it to count ("newsletter",
/// "subscription"): a heading, a label or a button says it to the reader; a byline or a sentence
/// that mentions it ("she writes the Morning newsletter") does not.
pub const SHORT_RUN_WORDS: usize = 8;

/// A copyright line names its year among its first words: "© 2025 …", "Copyright © 2019 …",
/// "Copyright (c) 2024 …" put it first or second; three leaves room for a "Copyright ©" pair
/// and keeps a photo credit that mentions a year further on ("© Getty Images, taken in 2019")
/// out.
pub const COLOPHON_YEAR_WORDS: usize = 3;

/// Characters a `<p>` needs before it counts as prose when scoring article candidates. Shorter
/// paragraphs are datelines, captions and "Read more" stubs (Readability uses 25 too).
pub const MIN_PARAGRAPH_CHARS: u32 = 25;

/// Text length at which a paragraph's length bonus stops growing: one point per 100 characters,
/// at most three, so one huge paragraph cannot outweigh several real ones.
pub const LENGTH_BONUS_CHARS: u32 = 100;
/// The most points a paragraph's length bonus gives (reached at 300 characters).
pub const MAX_LENGTH_BONUS: f32 = 3.0;

/// Score added or taken away for article-ish / furniture-ish class and id words.
pub const CLASS_WEIGHT: f32 = 25.0;

/// A sibling joins the article if its score reaches this share of the root's score…
pub const SIBLING_SCORE_SHARE: f32 = 0.2;
/// …or at least this absolute score (Readability's floor), whichever is larger.
pub const SIBLING_MIN_SCORE: f32 = 10.0;

/// A sibling paragraph with this much text and low link density joins the article outright.
pub const SIBLING_PARAGRAPH_CHARS: u32 = 80;
/// …and a link density (share of its text inside links) below this.
pub const SIBLING_PARAGRAPH_MAX_LINK_DENSITY: f32 = 0.25;

/// The root climbs to its parent while the parent's paragraph text exceeds the root's by this
/// factor: the article body was split into sections and the best one alone is too little.
pub const CLIMB_TEXT_FACTOR: f32 = 1.5;
/// …as long as the parent is still mostly prose (low link density).
pub const CLIMB_MAX_LINK_DENSITY: f32 = 0.33;
/// The root also climbs when a sibling of the same shape (same tag and class) holds at least
/// this much paragraph text: the article was cut into equal sections (Medium's `<section>`s),
/// and a section of two or three paragraphs is article, however long the biggest one is.
pub const SPLIT_SECTION_MIN_CHARS: u32 = 200;

/// Opening characters of a block checked for a rail or prompt heading ("Recommended for
/// you"): about one heading line.
pub const OPENING_CHARS: usize = 40;

/// Text (chars) of a block at which it counts as article prose that chrome rules may not
/// remove, if its link density is below `PROSE_MAX_LINK_DENSITY`.
pub const PROSE_CHARS: u32 = 400;
/// Link density (share of text inside links) below which a block of prose length is prose and
/// not a link list.
pub const PROSE_MAX_LINK_DENSITY: f32 = 0.3;

/// A single paragraph is article prose when it has this much text and few links.
pub const PROSE_PARAGRAPH_CHARS: u32 = 120;

/// Largest block (in words) that phrase hits alone can condemn: prompts are a few sentences;
/// anything longer needs a class/id hint or calls to action as well.
pub const PROMPT_MAX_WORDS: u32 = 80;

/// Largest block (in words) a class/id hint can condemn without any other evidence. Bigger
/// blocks named "promo" are often layout wrappers that hold real content.
pub const HINTED_MAX_WORDS: u32 = 400;

/// Link density from which a hinted related/social block counts as a rail.
pub const RAIL_MIN_LINK_DENSITY: f32 = 0.5;

/// Evidence a block needs to be called chrome, in points: a class/id hint is 2 (a weak one such
/// as `promo` or `cta` 1), a strong phrase 2, a weak phrase 1, calls to action 1 each (max 2,
/// and only beside other evidence), a sign-up form 3, share or app-store links 3, a list of
/// teasers 2 (3 under a heading, 1 inside the article), a small named ad slot 2, a short named
/// announcement bar 2. Three points means no single weak signal removes anything.
pub const CHROME_THRESHOLD: u32 = 3;

/// The weights the judge gives its signs, in the points of [`CHROME_THRESHOLD`]. A sign that is
/// enough alone: a sign-up form, share or app-store links, a list of teasers under a heading
/// outside the article, a box that sells on a post.
pub const ALONE: u32 = CHROME_THRESHOLD;
/// A sign that needs one more beside it: a strong class or id word, a strong phrase, a short
/// named ad slot, an announcement bar, a list of teasers with no heading.
pub const STRONG_SIGN: u32 = 2;
/// A sign that only backs up others: a weak class or id word (`promo`, `cta`), a weak phrase, a
/// call to action, a teaser list inside the article with no rail words over it.
pub const WEAK_SIGN: u32 = 1;
/// The most points phrases give one block: two strong phrases are as good as a name and a
/// phrase together; more repeats add nothing (a rail that says "Related" in every item).
pub const PHRASE_MAX_POINTS: u32 = 4;

/// Longest site-wide announcement bar, in words: a sale or a campaign in a sentence or two
/// ("Free shipping on orders over $60", 10; a tax-season offer with its terms, 19).
pub const ANNOUNCEMENT_MAX_WORDS: u32 = 30;
/// Shortest such bar: a notice says something ("Notice: Forums Closed", 3). The empty parts of a
/// bar's markup (its icon, a placeholder) and other things named "sitewide" (a search button)
/// say nothing, and one word ("Close") is a control.
pub const ANNOUNCEMENT_MIN_WORDS: u32 = 3;

/// Share of link text above which a block inside the article is dropped from reader view as a
/// link list (unless it is a list of real prose).
pub const READER_MAX_LINK_DENSITY: f32 = 0.5;

/// Characters outside links, per link, from which a list with a high link density is a list of
/// sentences that carry links (release notes, credits) rather than a link list: a menu or a
/// rail of headlines has next to no text outside its links.
pub const LIST_PROSE_CHARS_PER_LINK: u32 = 25;

/// Words per minute for the reading-time estimate (a common adult silent-reading rate).
pub const WORDS_PER_MINUTE: u32 = 230;

/// Longest text (chars) a piece of an article's header has: a date, a byline, a standfirst of a
/// sentence or two, a lead figure's caption. A longer block named "summary" is a body part.
pub const HEADER_PIECE_MAX_CHARS: u32 = 400;

/// A prompt's tagline: a block of at most this many words that says a strong phrase gets a point
/// more ("Get all your news in one place.").
pub const PROMPT_TAGLINE_WORDS: u32 = 12;
/// A box headed by a newsletter's or an offer's strong phrase ("Sign up for our newsletter",
/// then a line of pitch and the form's labels) is a prompt up to this size: two short lines of
/// pitch, not a paragraph.
pub const HEADED_PROMPT_WORDS: u32 = 30;

/// A list of at least this many links, mostly links, that names a subscription or a membership
/// is a site's menu or site map, not a prompt: twice a rail's three, more than any offer box's.
pub const SITE_MENU_MIN_LINKS: u32 = 8;
/// In the page's footer, a column of this many links is already a column of the site map
/// (a heading and three links: "Subscribe", "Digital edition", "Gift", "Newsletters"); a
/// footer's sign-up box or paywall strip has one or two links (its button, its terms).
pub const FOOTER_COLUMN_MIN_LINKS: u32 = 3;

/// A menu has at least this many links…
pub const MENU_MIN_LINKS: u32 = 4;
/// …that make up at least this share of its text…
pub const MENU_MIN_LINK_DENSITY: f32 = 0.6;
/// …and are short: under this many characters a link on average ("World", "Log in", "Pricing").
/// A rail's links are headlines, 30 to 90 characters.
pub const MENU_MAX_LINK_CHARS: u32 = 20;

/// A sign-up form asks for an e-mail address and at most this many fields in all (name, e-mail,
/// a zip code); more is a contact or order form.
pub const SIGNUP_MAX_INPUTS: u32 = 3;
/// …and links to little beyond its privacy policy and terms: a block with more links around the
/// form is the footer or a sidebar that holds the box, which is found on its own.
pub const SIGNUP_MAX_LINKS: u32 = 4;

/// A share bar: at least this many share links…
pub const SHARE_MIN_LINKS: u32 = 2;
/// …in a block of at most this many words ("Share this story", network names, a count).
pub const SHARE_MAX_WORDS: u32 = 25;
/// A row of at least this many buttons that says "Share" is a share bar (like, restack, share)…
pub const SHARE_BUTTONS_MIN: u32 = 3;
/// …with at most this many words: counters and labels, no sentence.
pub const SHARE_BUTTONS_MAX_WORDS: u32 = 6;
/// A follow-us row: at least this many links to social profiles (one or two are an author's
/// own accounts in a byline or a bio).
pub const FOLLOW_MIN_LINKS: u32 = 3;
/// A row of follow-us icons has at most this many words of its own (a "Follow:" label): the
/// icons are the row.
pub const ICON_ROW_MAX_WORDS: u32 = 1;
/// A line of networks' names is a bar's labels when it names at least three ("Facebook Twitter
/// Email") and they are most of its words…
pub const NETWORK_LINE_MIN_NAMES: u32 = 3;
/// …in a line of at most this many words (a label, eight networks, a count).
pub const NETWORK_LINE_MAX_WORDS: u32 = 15;

/// A list of teasers has at least this many items of one shape (three is the smallest number
/// that makes a list rather than a pair)…
pub const TEASER_MIN_ITEMS: u32 = 3;
/// …and at most this many: a rail shows a handful of stories; a grid of dozens is a listing,
/// the page's own content.
pub const TEASER_MAX_ITEMS: u32 = 16;
/// …each at most this long (a headline, a line of excerpt, a date)…
pub const TEASER_MAX_CHARS: u32 = 400;
/// …with links making up at least this share of its text, or an image…
pub const TEASER_MIN_LINK_DENSITY: f32 = 0.3;
/// …and headline-length link text: at least this many characters per item on average.
pub const TEASER_MIN_LINK_CHARS: u32 = 20;
/// A block's child holding at least this share of its text is the block's list (a rail is often
/// a heading over one list).
pub const TEASER_LIST_SHARE: f32 = 0.75;
/// A rail's heading: at most this many words ("You may also like these posts").
pub const RAIL_HEADING_MAX_WORDS: u32 = 10;
/// A rail's or share bar's phrase heads its block when at most this many words come before it: a
/// site's or a section's name ("ABC News Top Stories", "From around the web"), not a sentence.
pub const HEADING_LEAD_WORDS: usize = 2;
/// A breadcrumb trail is a line of a few section names; a block named so with more words is a
/// page or a column that merely has one.
pub const BREADCRUMB_MAX_WORDS: u32 = 20;
/// A named or headed rail needs at least this many links to count as a link list.
pub const RAIL_MIN_LINKS: u32 = 3;

/// An id with this many words is a slug of a heading's text, not a name for the block.
pub const SLUG_ID_WORDS: usize = 5;

/// Prose paragraphs the article root needs for the page to count as an article page (news, a
/// blog post). Fewer, and the page is a shop, a pricing page, a forum or a listing, whose offers
/// and lists are its content.
pub const ARTICLE_MIN_PROSE: u32 = 3;

/// Inside a masthead or a navigation bar, a control that may go is at most this many words
/// ("Subscribe", "Sign in", "Get the app", "Subscribe & Save 15%").
pub const LANDMARK_CONTROL_MAX_WORDS: u32 = 6;
/// A newsletter box inside a landmark links to little beyond its own sign-up and privacy page;
/// a footer column with more links is the site's map.
pub const LANDMARK_BOX_MAX_LINKS: u32 = 3;
/// A share bar inside a header is its buttons and a label ("Share this article", then the
/// networks' names): a block with more words there holds the byline or the date.
pub const LANDMARK_SHARE_MAX_WORDS: u32 = 8;

/// An ad slot shows at most a label and a line ("Advertisement", "Story continues below"): a
/// block named `ad` with more words than this is something else.
pub const AD_SLOT_MAX_WORDS: u32 = 10;

/// A line that prints the article's date is its header row at up to this many words: a date, a
/// byline or a sponsor's name and a few buttons ("November 2, 2022 | This newsletter is sponsored
/// by AG1"). A prompt that says a date ("Offer ends June 30") is longer.
pub const DATELINE_MAX_WORDS: u32 = 12;

/// Points from which a box outside the article, named outright (`footer--newsletter`,
/// `footerSubscribe`), with one paragraph of pitch in it is plainly chrome, so that paragraph is
/// not article prose: the name (2) and a phrase or two calls to action (2). Measured: 5 (the name,
/// its form and its phrase) left two such footer boxes on the labelled set and 4 costs nothing there
/// or in WCXB's main content.
pub const STRONG_EVIDENCE: u32 = 4;

/// A teaser line is mostly its link ("Read more: " and a headline)…
pub const TEASER_LINE_MIN_LINK_DENSITY: f32 = 0.5;
/// …and no longer than a label and a headline.
pub const TEASER_LINE_MAX_WORDS: u32 = 25;
/// A block that opens with rail words and is at least this much links is the rail itself:
/// its items' titles are links, and little else is (a date, a byline, a count of members or of
/// replies). Measured on the labelled set: 0.8 left forums' 'Similar threads' (0.77) and shops'
/// 'More to explore' lists; 0.65 finds five more rails and takes no main content.
pub const ANNOUNCED_RAIL_MIN_LINK_DENSITY: f32 = 0.65;
/// Inside the article, a list that weak words open ("Related services", "Read more") is a rail
/// when links make up this much of it: its text is the label and the titles, with no sentences
/// around them (an article's own list of sources has some).
pub const WEAKLY_ANNOUNCED_LIST_MIN_LINK_DENSITY: f32 = 0.8;
/// Under a label that ends in a colon ("See our full guide: Best VPNs for gaming") the link may
/// be the shorter half of the line: a label of up to four words and a headline of three.
pub const TEASER_LINE_LABELLED_MIN_LINK_DENSITY: f32 = 0.35;
/// Teaser lines run together in one paragraph ("Recommended: …" three times over <br>s) hold a
/// link each; past two links the block must also be mostly links (TEASER_LINE_MIN_LINK_DENSITY),
/// so that an author's "See: a, b and c" sentence with a long tail stays.
pub const TEASER_LINES_MAX_LINKS: u32 = 3;
/// A lead-in label ("Read more:", "See also:") is at most this many words before its colon.
pub const LEAD_IN_MAX_WORDS: usize = 5;

/// An app promo is a line and the store badges ("Get the app", "Download on the App Store"):
/// a block with more words than this that links to a store is an article about an app.
pub const APP_PROMO_MAX_WORDS: u32 = 40;

/// A house promo is a box around its offer button: a headline and a line of pitch at least
/// ("Get a home loan that helps you win" + "Get prequalified"); fewer words are the button alone.
pub const OFFER_BOX_MIN_WORDS: u32 = 5;
/// Inside the article a promo named for its call to action has a headline and a line of pitch,
/// this many words at least: a review's buy buttons ("Get NordVPN Links to NordVPN", "Retailer
/// Price $119.99 View Deal") have fewer or repeat.
pub const HOUSE_PROMO_MIN_WORDS: u32 = 12;
/// A box whose tag and class appear this many times on a page is one of a series (a button per
/// product), not a promo.
pub const REPEATED_BOXES: u32 = 3;
/// …with the button and a link or two (terms, a phone number); more links make it a menu or a
/// list of products.
pub const OFFER_BOX_MAX_LINKS: u32 = 3;

/// A `<header>` or `<footer>` is the site's (a landmark never removed whole) when it has at least
/// this many links: a site's masthead and footer link to its sections; a box's own heading does
/// not.
pub const LANDMARK_MIN_LINKS: u32 = 3;

/// A teaser that is nothing but its link: links make up at least this share of its text.
pub const PURE_LINK_DENSITY: f32 = 0.9;

/// Text (chars) from which a block with few links inside the article is prose whatever its class
/// says in furniture words (`elementor-widget-text-editor`): about two sentences.
pub const FURNITURE_PROSE_CHARS: u32 = 150;

/// How many levels up a block may sit inside a menu's item and still be that item (`li > a >
/// span`): a link and the span around its words.
pub const MENU_ENTRY_DEPTH: usize = 3;

/// How far after the article's end, in elements, its own furniture is looked for: the author box
/// ("Written by …") and a labelled date line ("Posted on …") in a side column or the post's
/// footer, not the next section of the page.
pub const AFTER_ARTICLE_ROWS: usize = 60;

/// How much more text than the article's root the block around its headline and root may hold
/// and still be the article's own wrapper (its header, its body, a column of its facts), not
/// the page. A header and a column of facts beside a body hold far less than half its text; a
/// page's content column with its rails and teasers holds more.
pub const ARTICLE_WRAPPER_MAX_TEXT: f32 = 1.5;

/// How far apart a page's declared publication and modification days may be for the two to be
/// one build's stamp rather than a story and its update: two days, a build across midnight in
/// two time zones.
pub const REBUILT_MAX_DAYS: u32 = 2;

/// Longest line, in words, that the reader takes for the article's byline or dateline repeated
/// in its body ("Posted by David at December 16, 2025", "Published June 23, 2025 10:39AM"): a
/// name, a label and a date with its time fit; a sentence that starts "By the time…" does not
/// name the author anyway.
pub const HEADER_LINE_MAX_WORDS: u32 = 12;

/// A line of this many words or fewer that holds the header's date is the date alone ("15 Dec,
/// 2025", "December 16, 2025").
pub const BARE_DATE_MAX_WORDS: u32 = 3;

/// Deepest element nesting the Markdown writer follows; deeper elements are unwrapped (their
/// text stays in the element at this depth). Articles nest a few dozen levels at most; the cap
/// keeps the writer's recursion within the WebAssembly stack on a page nested 100 000 deep.
pub const MARKDOWN_MAX_DEPTH: usize = 64;

/// Characters of an article's title kept in a saved file's name: enough for a headline, under
/// the 255 bytes file systems allow once multi-byte characters and `.md` are counted.
pub const FILE_NAME_MAX_CHARS: usize = 80;
