//! Debug aid: the extract pass's raw output and the sanitized content (`extract PAGE`).
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(path).expect("read");
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    let v = plainpage::judge::judge(&s, &plainpage::Options::default());
    let plan = plainpage::reader::plan::Plan::new(&s, &v);
    let raw = plainpage::reader::extract::extract(&input, &plan, None).expect("extract");
    println!("RAW {} bytes:\n{}", raw.len(), &raw[..raw.len().min(1500)]);
    let clean = plainpage::reader::sanitize::sanitize(&raw).expect("sanitize");
    println!(
        "SANITIZED {} bytes:\n{}",
        clean.len(),
        &clean[..clean.len().min(600)]
    );
}
