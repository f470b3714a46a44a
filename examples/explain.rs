//! Debug aid: how the judge sees each element of a page (`explain PAGE [ORDINAL...]`).
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: explain PAGE [ORDINAL...]");
    let bytes = std::fs::read(path).expect("read");
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    let ordinals: Vec<u32> = args.filter_map(|a| a.parse().ok()).collect();
    let all: Vec<u32> = (0..s.rows.len() as u32).collect();
    let only = if ordinals.is_empty() { &all } else { &ordinals };
    for (_, line) in plainpage::judge::explain(&s, Some(only)) {
        println!("{line}");
    }
}
