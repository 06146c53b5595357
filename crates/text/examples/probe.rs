use communique_model::{Actor, Paragraph, ParagraphKind};
fn main() {
    let mut args = std::env::args().skip(1);
    let issuer = args.next().unwrap_or_default();
    for s in args {
        let p = Paragraph::new("para_1", ParagraphKind::Body, &s);
        let found = communique_text::extract_commitments(&[p], "en", &[Actor::organization(issuer.clone())]);
        println!("{s}");
        for c in &found {
            println!(
                "  {} {:?} {:?} fo={} cond={} [{}] cue={:?}",
                c.kind,
                c.actor,
                c.addressee,
                c.future_oriented,
                c.conditional,
                c.method.rule.as_deref().unwrap_or(""),
                c.cue
            );
        }
        if found.is_empty() {
            println!("  none");
        }
    }
}
