//! Debug aid: sanitizes stdin.
fn main() {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).expect("stdin");
    println!(
        "{}",
        plainpage::reader::sanitize::sanitize(&s).expect("sanitize")
    );
}
