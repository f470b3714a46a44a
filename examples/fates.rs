//! Debug aid: the reader plan's fate for each ordinal in a range (`fates PAGE FROM TO`).
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&a[1]).expect("read");
    let (from, to): (usize, usize) = (a[2].parse().expect("from"), a[3].parse().expect("to"));
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    let v = plainpage::judge::judge(&s, &plainpage::Options::default());
    let plan = plainpage::reader::plan::Plan::new(&s, &v);
    for i in from..to.min(s.rows.len()) {
        println!("{i} {} {:?}", s.rows[i].tag, plan.fates[i]);
    }
}
