//! Debug aid: the metadata a page declares, as the survey read it.
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(path).expect("read");
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    println!("{:#?}", s.meta);
}
