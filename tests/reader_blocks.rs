//! Reader view's choices inside an article: split sections, figure boxes, lists that carry links.

use plainpage::Options;

const PROSE: &str = "The committee met on Tuesday, as it does every month, and spent most of the \
afternoon on the budget, which has grown, shrunk and grown again since the spring.";

fn read_text(html: &str) -> String {
    plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .text
}

/// An article cut into `<section>`s of one class, the last one much longer: every section is
/// the article, not only the longest.
#[test]
fn an_article_split_into_equal_sections_is_read_whole() {
    let section = |marker: &str, paragraphs: usize| {
        let body: String = (0..paragraphs).map(|_| format!("<p>{PROSE}</p>")).collect();
        format!("<section class=\"s1 s2\"><div class=\"inner\"><p>{marker}: {PROSE}</p>{body}</div></section>")
    };
    let html = format!(
        "<html><body><article><div>{}<hr>{}<hr>{}</div></article>\
         <footer><a href=\"/\">Home</a></footer></body></html>",
        section("First section", 1),
        section("Second section", 1),
        section("Third section", 14),
    );
    let text = read_text(&html);
    for marker in ["First section", "Second section", "Third section"] {
        assert!(text.contains(marker), "{marker} lost:\n{text}");
    }
}

/// A figure box named for its caption keeps its image and caption; a list whose items are
/// sentences with a link each stays; a list that is only links goes.
#[test]
fn figure_boxes_and_lists_of_sentences_stay_and_link_lists_go() {
    let html = format!(
        "<html><body><article class=\"post\"><div class=\"entry-content\">\
         <p>{PROSE}</p><p>{PROSE}</p>\
         <div class=\"wp-caption aligncenter\"><img src=\"/a.png\" alt=\"\">\
         <p class=\"wp-caption-text\">The harbour at dawn, seen from the lighthouse</p></div>\
         <p>{PROSE}</p><p><img src=\"/b.png\" alt=\"\"></p>\
         <p class=\"wp-caption-text\" id=\"caption-attachment-7\">The quay after the storm</p>\
         <ul><li>Ana, who joined in May, <a href=\"/1\">mended the harbour gates</a> after the storm</li>\
         <li>Ben, our newest volunteer, <a href=\"/2\">rewrote the tide tables</a> for winter</li></ul>\
         <ul><li><a href=\"/x\">Sport</a></li><li><a href=\"/y\">Weather</a></li>\
         <li><a href=\"/z\">Business news today</a></li></ul>\
         <p>{PROSE}</p></div></article></body></html>"
    );
    let reader = plainpage::read(html.as_bytes(), &Options::default()).expect("read");
    let text = &reader.article.text;
    assert!(
        text.contains("The harbour at dawn"),
        "caption lost:\n{text}"
    );
    assert!(reader.article.content.contains("/a.png"), "image lost");
    assert!(
        text.contains("The quay after the storm"),
        "caption lost:\n{text}"
    );
    assert!(
        text.contains("rewrote the tide tables"),
        "list of sentences lost:\n{text}"
    );
    assert!(!text.contains("Weather"), "link list kept:\n{text}");
}

/// A long data table, its cells adding up to more text than the prose around it: the table is
/// part of the article, and the introduction and notes around it stay.
#[test]
fn a_big_table_keeps_the_prose_around_it() {
    let rows: String = (0..60)
        .map(|i| {
            format!(
                "<tr><td>Film number {i}, released in the autumn</td><td>A director, a writer \
                 and a cast</td><td>A loop that resets every day, until something changes</td></tr>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=\"content\"><p>Introduction: {PROSE}</p><p>{PROSE}</p>\
         <table class=\"wikitable\"><tbody>{rows}</tbody></table><p>Notes: {PROSE}</p></div>\
         </body></html>"
    );
    let text = read_text(&html);
    assert!(text.contains("Introduction:"), "introduction lost:\n{text}");
    assert!(text.contains("Notes:"), "notes lost:\n{text}");
    assert!(text.contains("Film number 59"), "table lost:\n{text}");
}

/// A cookie-consent box's paragraphs of legal prose are never the article, even where the page
/// has less prose of its own (a section page of short summaries).
#[test]
fn a_cookie_consent_box_is_never_the_article() {
    let legal = "We and our partners use cookies and similar technologies to store and access \
information on your device, to measure audiences, to personalize content and ads, and to \
develop and improve our products, as described in the notice below.";
    let consent: String = (0..5).map(|_| format!("<p>{legal}</p>")).collect();
    let summaries: String = (0..3)
        .map(|i| format!("<div class=\"item\"><p>Summary {i}: {PROSE}</p></div>"))
        .collect();
    let html = format!(
        "<html><body><main><h1>Science</h1>{summaries}</main>\
         <div id=\"onetrust-consent-sdk\"><div class=\"ot-pc\">{consent}</div></div>\
         <div role=\"dialog\" aria-label=\"Cookie preferences\"><div>{consent}</div></div>\
         </body></html>"
    );
    let text = read_text(&html);
    assert!(!text.contains("cookies and similar"), "{text}");
    assert!(text.contains("Summary 1"), "{text}");
}

/// Elementor draws every paragraph inside `elementor-widget-container`: the builder's word
/// "widget" does not make the article's body a sidebar, so a tagline in the menu's panel (a
/// `page` class, one sentence) does not win over it.
#[test]
fn a_page_builders_widget_classes_do_not_hide_the_article() {
    let body: String = (0..5)
        .map(|i| format!("<p>Part {i}: {PROSE}</p>"))
        .collect();
    let html = format!(
        "<html><body><header><ul class=\"mega-menu\"><li><a href=\"/a\">About</a>\
         <div class=\"page\"><p>Example Realty, a top choice for homes, land and advice.</p></div>\
         </li></ul></header><main>\
         <div class=\"elementor-element elementor-widget elementor-widget-text-editor\">\
         <div class=\"elementor-widget-container\">{body}</div></div></main></body></html>"
    );
    let text = read_text(&html);
    assert!(text.contains("Part 4"), "{text}");
    assert!(!text.contains("top choice"), "{text}");
}

/// A credits paragraph of linked names, the best-scoring block, sits in wrappers that add
/// nothing to it: the root climbs through them to the article they are a section of, although
/// the names make them link-heavy.
#[test]
fn a_link_heavy_block_does_not_stop_the_climb_through_its_wrappers() {
    let names: String = (0..120)
        .map(|i| format!("<a href=\"/p/{i}\">Ana Lee-Moreno {i}</a> (type design), "))
        .collect();
    let section = |inner: &str| {
        format!("<div class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"text-block\">{inner}</div></div></div></div>")
    };
    let prose: String = (0..4)
        .map(|i| {
            section(&format!(
                "<p>Chapter {i}: {PROSE}</p>{}",
                format!("<p>{PROSE}</p>").repeat(4)
            ))
        })
        .collect();
    let html = format!(
        "<html><body><main>{prose}{}</main></body></html>",
        section(&format!("<p>Special thanks to {names}and many more.</p>"))
    );
    let text = read_text(&html);
    for chapter in ["Chapter 0", "Chapter 3", "Special thanks"] {
        assert!(text.contains(chapter), "{chapter} lost:\n{text}");
    }
}

/// Text a utility class hides (`sr-only`, `d-none`, Webflow's `w-condition-invisible`) is not
/// what the page shows, and the reader leaves it out.
#[test]
fn text_hidden_by_utility_classes_is_left_out() {
    let body: String = (0..5).map(|_| format!("<p>{PROSE}</p>")).collect();
    let html = format!(
        "<html><body><article><h1>Budget</h1>{body}\
         <div class=\"sr-only\">Skip to the comments</div>\
         <div class=\"d-none\">Print edition only</div>\
         <div class=\"related w-condition-invisible\"><h3>Related Posts</h3>\
         <p>This is some text inside of a div block.</p></div></article></body></html>"
    );
    let text = read_text(&html);
    for hidden in [
        "Skip to the comments",
        "Print edition only",
        "some text inside of a div",
    ] {
        assert!(!text.contains(hidden), "{hidden:?} in {text}");
    }
    assert!(text.contains("The committee met"), "{text}");
}

/// A byline or dateline the reader's header already shows is not repeated in the body ("Posted
/// by David at December 16, 2025"); the dates of a log's entries, another day's, stay.
#[test]
fn the_headers_byline_and_date_are_not_repeated_in_the_body() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let text = read_text(&format!(
        "<html><head><meta name=\"author\" content=\"David Stone\">\
         <meta property=\"article:published_time\" content=\"2025-12-16T09:00:00Z\"></head>\
         <body><article><h1>The budget, again</h1>{body}\
         <div>March 2, 2026</div><p>The committee met again in March and passed the budget.</p>\
         <div class=\"post-footer\">Posted by David Stone at December 16, 2025</div>\
         <div>December 16, 2025</div></article></body></html>"
    ));
    assert!(!text.contains("Posted by"), "{text}");
    assert!(!text.contains("December 16, 2025"), "{text}");
    assert!(text.contains("March 2, 2026"), "{text}");
    assert!(text.contains("passed the budget"), "{text}");
}

/// A share row that opens the article's section ("Share Share on Facebook …" over a recipe's
/// steps) does not make the section a rail: the root climbs from the comma-rich intro beside
/// it to the block that holds both.
#[test]
fn a_share_row_at_the_top_of_the_body_does_not_make_it_chrome() {
    let intro = "Intro: tangy, forgiving, quick, cheap, moist, spongy, crisp, ".repeat(5);
    let steps: String = (0..10)
        .map(|i| {
            format!(
                "<div class=\"step\"><p>Step {i}: stir the flour and the water in a large bowl \
                 and leave the dough to rise until it has doubled</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><main><section class=\"intro\"><div class=\"quick\">\
         <h1>Everyday bread</h1><p>{intro}</p></div></section>\
         <section class=\"content\"><div class=\"share\"><a href=\"#\">Share</a> \
         <a href=\"https://facebook.com/x\">Share on Facebook</a></div>\
         <div class=\"steps\">{steps}</div></section>\
         </main></body></html>"
    );
    let text = read_text(&html);
    assert!(text.contains("Intro:"), "intro lost:\n{text}");
    assert!(text.contains("Step 9:"), "steps lost:\n{text}");
}

/// The U.S. Web Design System's site banner ("An official website of the United States
/// government", with its folded "Here's how you know" prose) is the site's, never the article.
#[test]
fn a_gov_sites_identity_banner_is_not_the_article() {
    let banner = "Official websites use .gov. A .gov website belongs to an official government \
                  organization in the United States, and secure sites use HTTPS, a lock, or a \
                  padlock, which means you have safely connected to the website, so share \
                  sensitive information only on official, secure websites.";
    let html = format!(
        "<html><body><section class=\"usa-banner\"><div class=\"usa-accordion\">\
         <div class=\"grid-row\"><p>{banner}</p><p>{banner}</p></div></div></section>\
         <div class=\"cams\"><h1>Webcams</h1><div><h3>Yosemite Falls</h3>\
         <span>Webcam: the falls, the valley and the meadow, seen from the lodge.</span></div>\
         <div><h3>Half Dome</h3><span>Webcam: the dome, seen from Glacier Point.</span></div></div>\
         </body></html>"
    );
    let text = read_text(&html);
    assert!(!text.contains("Official websites"), "banner read:\n{text}");
}
