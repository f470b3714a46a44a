//! Profiling aid: surveys and judges every corpus page N times.
fn main() {
    let dir = std::env::args().nth(1).expect("corpus dir");
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| std::fs::read(e.ok()?.path().join("source.html")).ok())
        .collect();
    for _ in 0..n {
        for p in &pages {
            let input = plainpage::Input::new(p, None).expect("input");
            let s = plainpage::survey::survey(&input).expect("survey");
            std::hint::black_box(plainpage::judge::judge(&s, &plainpage::Options::default()));
        }
    }
}
