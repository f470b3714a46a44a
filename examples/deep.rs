//! Profiling aid: times each pass on deeply nested pages of growing depth.
fn main() {
    for depth in [25_000usize, 50_000, 100_000] {
        let page = format!(
            "<html><body>{}<p>deep text</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let input = plainpage::Input::new(page.as_bytes(), None).expect("input");
        let t = std::time::Instant::now();
        let s = plainpage::survey::survey(&input).expect("survey");
        let t1 = t.elapsed();
        let v = plainpage::judge::judge(&s, &plainpage::Options::default());
        let t2 = t.elapsed();
        plainpage::strip::strip(&input, &v).expect("strip");
        let t3 = t.elapsed();
        plainpage::read(page.as_bytes(), &plainpage::Options::default()).expect("read");
        let t4 = t.elapsed();
        println!(
            "{depth}: survey {t1:?} judge {:?} strip {:?} read {:?}",
            t2 - t1,
            t3 - t2,
            t4 - t3
        );
    }
}
