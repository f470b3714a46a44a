//! Reader view's metadata: the publication day the page shows by the headline, read against
//! what it declares, and the author a reader sees.

use plainpage::Options;

const PROSE: &str = "The committee met on Tuesday, as it does every month, and spent most of the \
afternoon on the budget, which has grown, shrunk and grown again since the spring.";

fn published(header: &str) -> Option<String> {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let html = format!(
        "<html><head>\
         <meta property=\"article:published_time\" content=\"2025-01-29T20:47:55+00:00\">\
         <meta property=\"article:modified_time\" content=\"2025-08-19T13:25:59+00:00\">\
         </head><body><article><h1>The budget, again</h1>{header}{body}</article></body></html>"
    );
    plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .metadata
        .published
}

/// A page that shows only the day it was updated is dated by that day, as a reader sees it.
#[test]
fn a_page_that_shows_only_its_update_is_dated_by_it() {
    let got = published(
        "<p class=\"byline\">By Ann Lee · <span class=\"date\">Updated August 19, 2025</span></p>",
    );
    assert_eq!(got.as_deref().and_then(|d| d.get(..10)), Some("2025-08-19"));
}

/// A page that shows the day it was published keeps it, whatever it declares as modified.
#[test]
fn a_page_that_shows_its_publication_day_keeps_it() {
    let got = published(
        "<p class=\"byline\">By Ann Lee · <span class=\"date\">January 29, 2025</span> \
         · <span class=\"date\">Updated August 19, 2025</span></p>",
    );
    assert_eq!(got.as_deref().and_then(|d| d.get(..10)), Some("2025-01-29"));
}

/// A page that shows no date is dated by what it declares as published.
#[test]
fn a_page_that_shows_no_date_is_dated_as_it_declares() {
    let got = published("<p class=\"byline\">By Ann Lee</p>");
    assert_eq!(got.as_deref().and_then(|d| d.get(..10)), Some("2025-01-29"));
}

fn byline(html_body: &str) -> Option<String> {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let html = format!(
        "<html><body><article><h1>The budget, again</h1>{html_body}{body}</article>\
         <aside><a href=\"/authors/someone-else\">Someone Else</a></aside></body></html>"
    );
    plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .metadata
        .byline
}

/// The byline reader view gives a whole page.
fn byline_of(html: &str) -> Option<String> {
    plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .metadata
        .byline
}

/// A link to the author's page by the headline names the author.
#[test]
fn a_link_to_the_authors_page_is_the_byline() {
    let got = byline("<div class=\"meta\"><span><a href=\"/authors/trevor-jackins\">Trevor Jackins</a></span></div>");
    assert_eq!(got.as_deref(), Some("Trevor Jackins"));
}

/// A date run into the name ("Dec 17, 2025Julian K. Arni") leaves the name.
#[test]
fn a_byline_that_opens_with_the_date_gives_the_name() {
    let got =
        byline("<div class=\"byline\"><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>");
    assert_eq!(got.as_deref(), Some("Julian K. Arni"));
}

fn printed_only(page: &str) -> Option<String> {
    let html = format!("<html><head><title>Soil</title></head><body>{page}</body></html>");
    plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .metadata
        .published
}

/// A long standfirst between the headline and the byline does not end the search for the date
/// printed under it ("Dec 17, 2025 · 6 min read" in a plain `<p>`).
#[test]
fn the_date_under_a_long_standfirst_is_found() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let got = printed_only(&format!(
        "<main><div class=\"head\"><h1>Why soil matters</h1>\
         <p>{PROSE}</p><div><p>By Ann Lee</p><p>Dec 17, 2025</p><p>6 min read</p></div></div>\
         <div class=\"body\">{body}</div></main>"
    ));
    assert_eq!(got.as_deref(), Some("2025-12-17"));
}

/// A line that says what its date is may sit in a column beside the body; a teaser's bare date
/// there is another story's and is not taken.
#[test]
fn a_labelled_date_beside_the_body_is_found_and_a_teaser_date_is_not() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let page = |side: &str| {
        printed_only(&format!(
            "<main><article><h1>Why soil matters</h1>{body}</article>\
             <aside><div>{side}</div></aside></main>"
        ))
    };
    assert_eq!(
        page("<span>Posted on April 13, 2023</span>").as_deref(),
        Some("2023-04-13")
    );
    assert_eq!(
        page("<a href=\"/x\">Other story</a><span>April 13, 2023</span>"),
        None
    );
}

fn declared(head: &str, header: &str) -> Option<String> {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let html = format!(
        "<html><head>{head}</head><body><article><h1>The budget, again</h1>{header}{body}\
         </article></body></html>"
    );
    plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .metadata
        .published
        .map(|d| d.chars().take(10).collect())
}

/// A page that declares one day as both published and modified declares when it was built:
/// an earlier day printed by the headline is the story's; a later one (today's date in a
/// masthead) is not.
#[test]
fn a_build_stamp_gives_way_to_the_earlier_day_the_page_prints() {
    let head = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\
                \"datePublished\":\"Jun 24, 2025\",\"dateModified\":\"Jun 24, 2025\"}</script>";
    assert_eq!(
        declared(head, "<p class=\"date\">August 25, 2024</p>").as_deref(),
        Some("2024-08-25")
    );
    assert_eq!(
        declared(head, "<p class=\"date\">December 17, 2025</p>").as_deref(),
        Some("2025-06-24")
    );
}

/// Scholarly pages declare their date as citations print it ("2023 Jan 7"); a date in a
/// machine's form printed as it is ("2022-11-23T08:10+02:00") is read too.
#[test]
fn citation_and_machine_dates_are_read() {
    assert_eq!(
        declared(
            "<meta name=\"citation_publication_date\" content=\"2023 Jan 7\">",
            ""
        )
        .as_deref(),
        Some("2023-01-07")
    );
    assert_eq!(
        declared("", "<p><span class=\"author\">Nick van Mead</span> <span>2022-11-23T08:10+02:00</span></p>").as_deref(),
        Some("2022-11-23")
    );
}

/// A labelled date line in the block that holds both the headline and the body (a collection's
/// side column) is found, however far after the body it sits.
#[test]
fn a_labelled_date_in_the_articles_wrapper_is_found() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let facts = "<span class=\"icon\"></span>".repeat(150);
    let got = printed_only(&format!(
        "<main><div class=\"view\"><div class=\"head\"><h1>Why soil matters</h1></div>\
         <div class=\"essay\">{body}</div><div class=\"facts\">\
         <p>An essay on the soil of the valley, with eleven images.</p>{facts}\
         <p>Published Feb 2, 2023</p></div></div></main>"
    ));
    assert_eq!(got.as_deref(), Some("2023-02-02"));
}

/// The dateline by the headline the page declares is found when a long block (a table of
/// contents) stands between it and the body, and the body heads a section with an `<h1>` of
/// its own.
#[test]
fn the_date_by_the_declared_headline_is_found_before_a_long_contents_list() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let contents: String = (1..=30)
        .map(|n| format!("<li><a href=\"#part-{n}\">Part {n}</a></li>"))
        .collect();
    let html = format!(
        "<html><head><title>Planting in rows | Gardenary</title></head><body>\
         <div class=\"meta\"><div class=\"publish-meta\"><span>Published August 7, 2023</span> \
         <span>by Nicole Burke</span></div><h1>Planting in rows</h1>\
         <nav class=\"toc\"><ul>{contents}</ul></nav></div>\
         <div class=\"post\">{body}<h1>Why the rows were wrong</h1>{body}</div></body></html>"
    );
    let got = plainpage::read(html.as_bytes(), &Options::default())
        .expect("read")
        .article
        .metadata
        .published;
    assert_eq!(got.as_deref(), Some("2023-08-07"));
}

/// The name that opens the author's box after the body (a photo, the name, a bio) is the
/// byline when the page prints none by the headline; a box that opens with its heading is
/// not read for a name.
#[test]
fn the_name_in_the_authors_box_after_the_body_is_the_byline() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let bio = "<p>She has covered the city's budget for ten years and writes about the \
               committees that spend it.</p>";
    let page = |author: &str| {
        format!(
            "<html><body><article><h1>The budget, again</h1>{body}</article>\
             <div class=\"blog_author-box\"><img src=\"/lv.jpg\" alt=\"\">{author}{bio}</div>\
             </body></html>"
        )
    };
    assert_eq!(
        byline_of(&page("<div class=\"name\">Lauren Vetter</div>")).as_deref(),
        Some("Lauren Vetter")
    );
    assert_eq!(byline_of(&page("<h3>About the author</h3>")), None);
}

/// An account declared as the author ("andrew.keaveney") gives way to the writer's name printed
/// by the headline; a declared person's name does not.
#[test]
fn a_declared_account_gives_way_to_the_printed_name() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let page = |declared: &str| {
        format!(
            "<html><head><meta name=\"author\" content=\"{declared}\"></head><body><article>\
             <h1>The budget, again</h1><div class=\"author-info\"><span>Denise Everheart</span>\
             </div>{body}</article></body></html>"
        )
    };
    assert_eq!(
        byline_of(&page("andrew.keaveney")).as_deref(),
        Some("Denise Everheart")
    );
    assert_eq!(byline_of(&page("Ann Lee")).as_deref(), Some("Ann Lee"));
}

/// A label on a line of its own ("Written by") names the author on the next line.
#[test]
fn a_label_on_its_own_line_names_the_author_on_the_next() {
    let body: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
    let html = format!(
        "<html><body><article><h1>The budget, again</h1><div class=\"meta\">\
         <div class=\"label\">Written by</div><div class=\"who\">Jack Shepherd</div>\
         <div>Co-Founder and marketing director at a small agency in Bristol</div></div>\
         {body}</article></body></html>"
    );
    assert_eq!(byline_of(&html).as_deref(), Some("Jack Shepherd"));
}

/// A page that declares only when it was modified, and prints no date, is dated by that day:
/// it is the one date the page gives.
#[test]
fn a_page_that_declares_only_its_modification_is_dated_by_it() {
    let head = "<meta property=\"article:modified_time\" content=\"2023-06-12T10:30:00+00:00\">";
    assert_eq!(declared(head, "").as_deref(), Some("2023-06-12"));
}
