//! The manual's probe sentences: sentences written from the annotation manual alone
//! (`docs/codebook.md`), by coders who never saw the rules or the program, each with the
//! kinds the manual gives it (`tests/data/commitments/probes/`, format in its README):
//! statements of the White House, joint statements, spoken transcripts, and statements
//! of multilateral bodies and of other national governments. Every
//! sentence is coded as one paragraph of its statement, and passes when the kinds found,
//! in any order, are the kinds expected.
//!
//! `expected-to-fail.txt` beside the probes lists the sentences that do not pass yet, one
//! id a line: the test fails when a sentence outside that list fails, and when a listed
//! sentence passes (so the list is kept true and a gap closed is recorded).

use communique_model::{Actor, Commitment, Paragraph, ParagraphKind, Statement, StatementKind};
use communique_text::{extract_commitments, extract_commitments_of};
use std::collections::BTreeSet;

/// The probe files, in the order their ids are read.
const FILES: &[&str] = &[
    "sections-1-2.json",
    "section-3.json",
    "joint-statements.json",
    "transcripts.json",
    "multilateral.json",
    "national.json",
];

/// Codes one probe: its sentence as one paragraph (a list item when it opens with "- ",
/// a reporter's question when its speaker is "Q"), in a statement of the issuer the probe
/// names (the White House when it names none), of the kind and title it gives (a joint
/// statement's title names its signatories), with the turn's speaker when it gives one.
fn code(probe: &serde_json::Value) -> Vec<Commitment> {
    let sentence = probe["sentence"].as_str().expect("a sentence");
    let speaker = probe.get("speaker").and_then(serde_json::Value::as_str);
    let mut paragraph = match sentence.strip_prefix("- ") {
        Some(item) => Paragraph::new("para_1", ParagraphKind::ListItem, item),
        None if speaker == Some("Q") => Paragraph::new("para_1", ParagraphKind::Question, sentence),
        None => Paragraph::new("para_1", ParagraphKind::Body, sentence),
    };
    if let Some(speaker) = speaker {
        paragraph = paragraph.with_speaker(speaker);
    }
    let issuer = probe.get("issuer").and_then(serde_json::Value::as_str).unwrap_or("The White House");
    let issuers = vec![Actor::organization(issuer)];
    let Some(kind) = probe.get("kind").and_then(serde_json::Value::as_str) else {
        return extract_commitments(&[paragraph], "en", &issuers);
    };
    let kind: StatementKind = serde_json::from_value(kind.into()).expect("a statement kind");
    let statement = Statement {
        kind,
        title: probe.get("title").and_then(serde_json::Value::as_str).map(str::to_owned),
        language: Some("en".to_owned()),
        issuers,
        paragraphs: vec![paragraph],
        ..Statement::default()
    };
    extract_commitments_of(&statement)
}

#[test]
fn the_manual_probes_code_as_the_manual_says() {
    let folder = communique_testdata::root().join("tests/data/commitments/probes");
    let listed: BTreeSet<String> = std::fs::read_to_string(folder.join("expected-to-fail.txt"))
        .expect("the list of probes that do not pass yet")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let (mut total, mut passed) = (0, 0);
    let mut surprises = Vec::new();
    let mut ids = BTreeSet::new();
    for file in FILES {
        let text = std::fs::read_to_string(folder.join(file)).expect("a probe file");
        let probes: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a JSON array");
        for probe in &probes {
            let id = probe["id"].as_str().expect("an id").to_owned();
            assert!(ids.insert(id.clone()), "{file}: id {id} twice");
            let sentence = probe["sentence"].as_str().expect("a sentence");
            let mut found: Vec<&str> = code(probe).iter().map(|c| c.kind.as_str()).collect();
            let mut expected: Vec<&str> = probe["expected"]
                .as_array()
                .expect("a list of commitments")
                .iter()
                .map(|e| e["kind"].as_str().expect("a kind"))
                .collect();
            found.sort_unstable();
            expected.sort_unstable();
            total += 1;
            let pass = found == expected;
            passed += usize::from(pass);
            if pass == listed.contains(&id) {
                surprises.push(format!(
                    "{id} ({}) {}: expected {expected:?}, found {found:?}: {sentence}",
                    probe["section"].as_str().unwrap_or(""),
                    if pass { "passes but is listed" } else { "fails" },
                ));
            }
        }
    }
    let unknown: Vec<&String> = listed.iter().filter(|id| !ids.contains(*id)).collect();
    assert!(unknown.is_empty(), "expected-to-fail.txt names no probe: {unknown:?}");
    println!("manual probes: {passed} of {total} coded as the manual says");
    assert!(surprises.is_empty(), "{}", surprises.join("\n"));
}
