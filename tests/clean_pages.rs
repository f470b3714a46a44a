//! Clean mode on pages written for the five failures seen on real pages (issue 11): the article
//! header, the masthead and navigation, categories, rails with no known phrase, a product's own
//! pricing page. Each page's label file says what must go, with its category, and what must stay.

use plainpage::eval::clean::{parse_labels, score_page};
use plainpage::Options;

fn check(name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/clean");
    let html = std::fs::read(dir.join(format!("{name}.html"))).expect("page");
    let labels = std::fs::read_to_string(dir.join(format!("{name}.labels"))).expect("labels");
    let labels = parse_labels(&labels).expect("labels parse");
    let page = score_page(name, &html, &labels, &Options::default());
    assert_eq!(page.error, None, "{name}");
    assert!(
        page.unmatched.is_empty(),
        "{name}: labels match nothing: {:?}",
        page.unmatched
    );
    let misses: Vec<String> = page
        .misses
        .iter()
        .map(|m| {
            format!(
                "line {} {} `{}`: {}",
                m.line, m.category, m.selector, m.explain
            )
        })
        .collect();
    assert!(misses.is_empty(), "{name}: missed\n{}", misses.join("\n"));
    let wrong: Vec<String> = page
        .violations
        .iter()
        .chain(&page.unjustified)
        .map(|w| {
            format!(
                "#{} <{}> {} — {} — {:?} (keep: {:?})",
                w.ordinal, w.tag, w.category, w.reason, w.preview, w.keep
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{name}: removed what must stay\n{}",
        wrong.join("\n")
    );
    let names: Vec<String> = page
        .mislabels
        .iter()
        .map(|m| format!("line {}: {} named {}", m.line, m.want, m.got))
        .collect();
    assert!(
        names.is_empty(),
        "{name}: wrong categories\n{}",
        names.join("\n")
    );
}

/// Failure 1: the headline block's class and byline say "newsletter"; the date sits beside a
/// share bar. The share bar goes alone; headline, standfirst, byline and date stay.
#[test]
fn article_header_stays_whole() {
    check("header-byline");
}

/// Failure 2: a masthead and a navigation named "subscription" and "newsletter" stay; only the
/// Subscribe button inside may go.
#[test]
fn masthead_and_navigation_stay() {
    check("masthead");
}

/// Failure 3: a search box, a menu with a Subscribe link and a comment form asking for an e-mail
/// address are not newsletter boxes; the related links are `related`.
#[test]
fn categories_follow_what_a_block_is() {
    check("categories");
}

/// Failure 4: rails and prompts under hashed class names, with phrases split by inline markup,
/// written with `&nbsp;` or a line break, in capitals beyond ASCII, or an icon-only share bar
/// under a visually hidden heading.
#[test]
fn rails_and_prompts_without_known_classes_go() {
    check("rails");
}

/// Failure 5: on a product's own pricing page the trial offer, the plans and the sign-up form are
/// the page's content.
#[test]
fn offers_on_a_page_that_is_not_news_stay() {
    check("saas");
}

/// A like-and-share row of buttons and a bare row of follow-us icons are share bars by their
/// shape; a promo box named for its call to action goes as the site's own ad; the table of
/// contents, a list of links under its heading, stays.
#[test]
fn button_rows_icon_rows_and_promo_boxes_go_and_the_contents_stay() {
    check("promos");
}

/// A business's own post: the footer's number to call and "Request a quote" are the site's
/// contact line and stay; a box in the story selling somebody else's service goes; the author's
/// "More articles from …" leads to her page, not to a rail of stories; a footer column titled
/// "Subscribe" is a column of the site map.
#[test]
fn the_sites_own_number_to_call_its_footer_columns_and_the_authors_page_stay() {
    check("contact");
}

/// Failure 5, on a news site: a front page's "Top stories", "Most read" and "Latest news" lists
/// are the page, not rails.
#[test]
fn a_front_pages_lists_stay() {
    check("frontpage");
}

/// A buying guide's "Our Picks" box links each product to its section on the page: it is the
/// article's summary and stays; the "Editor's Picks" list of other guides beside it goes.
#[test]
fn a_guides_own_picks_stay_and_the_sites_picks_go() {
    check("picks");
}

/// A post that prints no date is still a post when its address files it under the site's blog:
/// the box selling the product beside it goes; the site map that names a membership stays.
#[test]
fn an_undated_posts_promo_goes_and_the_site_map_stays() {
    check("undated-post");
}

/// The same page at a product's address is the product's page: its demo box is the page's.
#[test]
fn the_same_box_on_a_product_page_stays() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/clean");
    let html = std::fs::read_to_string(dir.join("undated-post.html")).expect("page");
    let html = html.replace("/blog/how-much", "/how-much");
    let analysis = plainpage::analyze(html.as_bytes(), &Options::default()).expect("analyze");
    let demo = analysis
        .verdict
        .removals
        .iter()
        .find(|r| r.preview.contains("Get a Demo"));
    assert!(demo.is_none(), "removed on a product page: {demo:?}");
}

/// A newsletter box with two forms, a thank-you panel and a long consent line under each field:
/// the small print is the form's, not prose that shields it.
#[test]
fn a_sign_up_box_with_its_small_print_goes_whole() {
    check("consent");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/clean");
    let html = std::fs::read(dir.join("consent.html")).expect("page");
    let analysis = plainpage::analyze(&html, &Options::default()).expect("analyze");
    // The box itself goes, thank-you panel and all, not only its two forms.
    let boxes: Vec<&str> = analysis
        .verdict
        .removals
        .iter()
        .map(|r| r.tag.as_str())
        .collect();
    assert_eq!(boxes, ["div"], "{:?}", analysis.verdict.removals);
    assert!(
        analysis.verdict.removals[0]
            .preview
            .starts_with("Been there"),
        "{:?}",
        analysis.verdict.removals
    );
}
