//! Debug aid: how the judge sees each element of a page (`explain PAGE [URL] [ORDINAL...]`).
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: explain PAGE [URL] [ORDINAL...]");
    let bytes = std::fs::read(path).expect("read");
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    let args: Vec<String> = args.collect();
    let options = args
        .iter()
        .find(|a| a.contains("://"))
        .map(plainpage::Options::with_url)
        .unwrap_or_default();
    let ordinals: Vec<u32> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let all: Vec<u32> = (0..s.rows.len() as u32).collect();
    let only = if ordinals.is_empty() { &all } else { &ordinals };
    for (_, line) in plainpage::judge::explain(&s, &options, Some(only)) {
        println!("{line}");
    }
}
