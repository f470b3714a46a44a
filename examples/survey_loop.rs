//! Profiling aid: runs one path (survey+judge, clean or read) over every corpus page N times.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("corpus dir");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mode = args.next().unwrap_or_else(|| "survey".into());
    let pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| std::fs::read(e.ok()?.path().join("source.html")).ok())
        .collect();
    let options = plainpage::Options::default();
    for _ in 0..n {
        for p in &pages {
            match mode.as_str() {
                "read" => {
                    std::hint::black_box(plainpage::read(p, &options).ok());
                }
                "clean" => {
                    std::hint::black_box(plainpage::clean(p, &options).ok());
                }
                _ => {
                    let input = plainpage::Input::new(p, None).expect("input");
                    let s = plainpage::survey::survey(&input).expect("survey");
                    std::hint::black_box(plainpage::judge::judge(&s, &options));
                }
            }
        }
    }
}
