//! Builds a statement in code with the builder, validates it, and prints it as JSON-LD.
//!
//! `cargo run --example build_statement`

use communique::model::{Actor, CommitmentKind, Method, Source, Statement, StatementKind, Timestamp};
use std::io::Write as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let statement = Statement::builder()
        .title("Statement by NATO Defence Ministers on the situation in and around Ukraine")
        .kind(StatementKind::PressStatement)
        .issuer(Actor::organization("NATO"))
        .place("Brussels")
        .issued_ymd(2022, 2, 16)
        .last_updated(Timestamp::from_ymd_hm(2022, 2, 16, 15, 14).ok_or("no such time")?)
        .language("en")
        .source(Source { attribution: Some("NATO".into()), ..Source::default() })
        .body("Our commitment to Article 5 of the Washington Treaty is iron-clad. We stand united to defend each other.")
        .commitment_with(
            "Our commitment to Article 5 of the Washington Treaty is iron-clad.",
            CommitmentKind::Pledge,
            |c| {
                c.actor = Some("Our".into());
                c.actor_resolved = Some("NATO".into());
                c.cue = Some("commitment to".into());
                c.future_oriented = true;
                c.references = vec!["Article 5 of the Washington Treaty".into()];
                c.method = Method::manual("example");
            },
        )
        .commitment("We stand united to defend each other.", CommitmentKind::Pledge, "stand united to")
        .build()?;

    let mut writer = communique::jsonld::JsonLdSerializer::default().for_writer(std::io::stdout().lock());
    writer.serialize_statement(&statement)?;
    let mut stdout = writer.finish()?;
    writeln!(stdout)?;
    Ok(())
}
