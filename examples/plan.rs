//! Debug aid: prints the article choice and the elements reader view drops inside it.
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(path).expect("read");
    let input = plainpage::Input::new(&bytes, None).expect("input");
    let s = plainpage::survey::survey(&input).expect("survey");
    let v = plainpage::judge::judge(&s, &plainpage::Options::default());
    println!("root {:?} blocks {:?}", v.article, v.article_blocks);
    for &b in &v.article_blocks {
        let r = &s.rows[b as usize];
        println!(
            "block {b} {} cls={:?} id={:?} t={} p={}",
            r.tag, r.class, r.id, r.text, r.paragraphs
        );
    }
    if let Some(root) = v.article {
        for a in s.ancestors(root) {
            let r = &s.rows[a as usize];
            println!(
                "  anc {a} {} cls={:?} t={} lt={} p={}",
                r.tag, r.class, r.text, r.link_text, r.paragraphs
            );
        }
    }
    let plan = plainpage::reader::plan::Plan::new(&s, &v);
    let mut i = 0;
    while i < s.rows.len() {
        let r = &s.rows[i];
        if plan.fates[i] == plainpage::reader::plan::Fate::Drop && r.text > 0 {
            println!(
                "DROP {i} {} cls={:?} id={:?} t={} lt={} p={} {:?}",
                r.tag,
                r.class,
                r.id,
                r.text,
                r.link_text,
                r.paragraphs,
                r.preview.chars().take(50).collect::<String>()
            );
            i = r.end as usize;
        } else {
            i += 1;
        }
    }
}
