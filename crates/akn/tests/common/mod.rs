//! Records shared by the tests: the reference statement, a record that sets every field,
//! records with every paragraph kind, and the two corpora the repository carries,
//! ingested.

#![allow(dead_code)]

use communique_model::{
    Commitment, CommitmentKind, Method, Paragraph, ParagraphKind, Span, Statement, StatementKind, json,
};
use communique_text::{IngestOptions, ingest};
use std::path::{Path, PathBuf};

fn read_record(path: &Path) -> Statement {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The hand-coded record of the reference statement (NATO Defence Ministers, 16 February
/// 2022), `examples/data/nato-2022-02-16-defence-ministers-ukraine.json`.
pub fn reference_statement() -> Statement {
    read_record(
        &communique_testdata::root().join("examples/data/nato-2022-02-16-defence-ministers-ukraine.json"),
    )
}

/// The record that sets every field with text XML makes hard (markup characters, CR and
/// CRLF, tabs, edge white space, characters XML 1.0 cannot carry, empty strings,
/// overlapping commitments). The XML format's tests keep it, as data, in
/// `crates/xml/tests/data/full-statement.json`.
pub fn full_statement() -> Statement {
    read_record(&communique_testdata::root().join("crates/xml/tests/data/full-statement.json"))
}

fn ingested(files: &[PathBuf]) -> Vec<Statement> {
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            ingest(&bytes, &IngestOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

/// The plain-text corpus (`tests/data/corpus/*.txt` and the reference statement),
/// ingested: 10 records.
pub fn corpus() -> Vec<Statement> {
    let records = ingested(&communique_testdata::corpus_texts());
    assert_eq!(records.len(), 10);
    records
}

/// The White House folder (`tests/data/corpus-whitehouse/*.md`), ingested: 241 records.
pub fn whitehouse() -> Vec<Statement> {
    let records = ingested(&communique_testdata::whitehouse_files());
    assert_eq!(records.len(), 241);
    records
}

/// A valid record with a paragraph of every kind in an order that exercises every
/// grouping: a preface, a heading, body text, a lead-in with two numbered items, a
/// numbered lead-in with none, an item without a lead-in, a quote, and a commitment on
/// each list item and on the quote.
pub fn every_kind() -> Statement {
    let paragraphs = vec![
        Paragraph::new("para_1", ParagraphKind::Preface, "The following statement was issued today."),
        Paragraph::new("para_2", ParagraphKind::Heading, "Energy security"),
        Paragraph::new("para_3", ParagraphKind::Body, "We met in Brussels."),
        Paragraph::new("para_4", ParagraphKind::LeadIn, "We are taking concrete steps to:"),
        Paragraph::new("para_5", ParagraphKind::ListItem, "diversify supply;").with_number("a"),
        Paragraph::new("para_6", ParagraphKind::ListItem, "cut demand.").with_number("b"),
        Paragraph::new("para_7", ParagraphKind::LeadIn, "We also note:").with_number("7"),
        Paragraph::new("para_8", ParagraphKind::ListItem, "the report."),
        Paragraph::new("para_9", ParagraphKind::Quote, "“We will prevail,” she said."),
    ];
    let commitments = vec![
        Commitment::new(
            "para_5__cmt_1",
            "para_5",
            Span::new(0, 16),
            "diversify supply",
            CommitmentKind::Action,
            Method::rule("en.action.taking_steps"),
        ),
        Commitment::new(
            "para_6__cmt_1",
            "para_6",
            Span::new(0, 11),
            "cut demand.",
            CommitmentKind::Action,
            Method::rule("en.action.taking_steps"),
        ),
        Commitment::new(
            "para_9__cmt_1",
            "para_9",
            Span::new(1, 16),
            "We will prevail",
            CommitmentKind::Pledge,
            Method::manual("A. N. Other"),
        ),
    ];
    let statement = Statement {
        id: "g7-2022-05-20-every-kind".into(),
        kind: StatementKind::Communique,
        language: Some("en".into()),
        paragraphs,
        commitments,
        ..Statement::default()
    };
    statement.validate().unwrap();
    statement
}

/// The transcript of a briefing: paragraphs with the speaker of their turn (a turn of
/// several paragraphs, a heading, a lead-in with its items and a quote in one), reporters'
/// questions, a speaker's name with markup characters, and a paragraph with no speaker
/// between two turns.
pub fn transcript() -> Statement {
    let jean_pierre = "MS. JEAN-PIERRE";
    let paragraphs = vec![
        Paragraph::new("para_1", ParagraphKind::Preface, "James S. Brady Press Briefing Room"),
        Paragraph::new("para_2", ParagraphKind::Body, "Good afternoon, everybody.").with_speaker(jean_pierre),
        Paragraph::new("para_3", ParagraphKind::Heading, "Ukraine").with_speaker(jean_pierre),
        Paragraph::new("para_4", ParagraphKind::LeadIn, "Today we are announcing:").with_speaker(jean_pierre),
        Paragraph::new("para_5", ParagraphKind::ListItem, "new sanctions;").with_speaker(jean_pierre),
        Paragraph::new("para_6", ParagraphKind::ListItem, "more aid.").with_speaker(jean_pierre),
        Paragraph::new("para_7", ParagraphKind::Question, "Will you send more troops?").with_speaker("Q"),
        Paragraph::new("para_8", ParagraphKind::Quote, "“We will stand with Ukraine.”")
            .with_speaker(jean_pierre),
        Paragraph::new("para_9", ParagraphKind::Question, "And the timing?").with_speaker("Q"),
        Paragraph::new("para_10", ParagraphKind::Body, "(Laughter.)"),
        Paragraph::new("para_11", ParagraphKind::Heading, "Energy"),
        Paragraph::new("para_12", ParagraphKind::Body, "We will keep prices down.")
            .with_speaker("MR. \"O'NEILL\" & <THE CHAIR>"),
        Paragraph::new("para_13", ParagraphKind::ListItem, "a list item of no one's turn"),
        Paragraph::new("para_14", ParagraphKind::ListItem, "and one of a turn").with_speaker("Q"),
    ];
    let commitments = vec![
        Commitment::new(
            "para_5__cmt_1",
            "para_5",
            Span::new(0, 13),
            "new sanctions",
            CommitmentKind::Action,
            Method::rule("en.action.announce"),
        ),
        Commitment::new(
            "para_12__cmt_1",
            "para_12",
            Span::new(0, 24),
            "We will keep prices down",
            CommitmentKind::Pledge,
            Method::rule("en.pledge.will"),
        ),
    ];
    let statement = Statement {
        id: "wh-2024-03-01-briefing".into(),
        kind: StatementKind::PressBriefing,
        language: Some("en".into()),
        paragraphs,
        commitments,
        ..Statement::default()
    };
    statement.validate().unwrap();
    statement
}

/// A record with nothing but an id: no paragraph, no title, no date, no language.
pub fn bare() -> Statement {
    Statement { id: "bare".into(), ..Statement::default() }
}

/// Every record the round-trip tests use but the corpora.
pub fn hand_made() -> Vec<Statement> {
    vec![reference_statement(), full_statement(), every_kind(), transcript(), bare()]
}
