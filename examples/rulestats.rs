//! Profiling aid: cleans one page N times with the given filter lists.
fn main() {
    use plainpage::rules::filter::{category_for_list, RuleSet};
    let mut args = std::env::args().skip(1);
    let page = std::fs::read(args.next().expect("page")).expect("page");
    let mut set = RuleSet::new();
    for p in args {
        let text = std::fs::read_to_string(&p).expect("list");
        set.add_list(&p, &text, category_for_list(&p));
    }
    let options = plainpage::Options {
        url: Some("https://www.example-news.com/a".into()),
        rules: Some(std::sync::Arc::new(set)),
        ..Default::default()
    };
    for _ in 0..300 {
        std::hint::black_box(plainpage::clean(&page, &options).expect("clean"));
    }
}
