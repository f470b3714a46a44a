fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(path).expect("read");
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    for (i, r) in s.rows.iter().enumerate() {
        println!(
            "{i:4} {:>4} d{:<3} {:8} end={:<5} t={:<6} lt={:<5} w={:<5} p={:<3} h={} cls={:?} {:?}",
            r.parent as i64,
            r.depth,
            r.tag,
            r.end,
            r.text,
            r.link_text,
            r.words,
            r.paragraphs,
            r.hidden,
            r.class,
            r.preview.chars().take(40).collect::<String>()
        );
    }
}
