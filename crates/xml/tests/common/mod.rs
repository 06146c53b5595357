//! Records shared by the tests: the reference statement, a record that sets every field,
//! and records built around the real texts of the shared corpus.

#![allow(dead_code)]

use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, Fixity, Method, Note, Paragraph, ParagraphKind,
    Source, Span, Statement, StatementKind, json,
};
use std::path::{Path, PathBuf};

pub fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `examples/data/*.json`, sorted by file name.
pub fn example_statements() -> Vec<Statement> {
    let dir = manifest().join("../../examples/data");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no JSON records in {}", dir.display());
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

pub fn reference_statement() -> Statement {
    let path = manifest().join("../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json");
    json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A record that sets every field, with text that XML makes hard: markup characters,
/// CR and CRLF, tabs, edge white space, characters XML 1.0 cannot carry, empty strings.
pub fn full_statement() -> Statement {
    let source_text = "OSCE\r\nVIENNA, 17 December 1996\r\n\r\n1. The Chairman-in-Office & the <Troika> \
                       \"welcome\" 'talks'.\u{c}\r\n\r\n  ]]> end\t \n";
    let paragraph_1 = "The Chairman-in-Office & the <Troika> \"welcome\" 'talks'.\u{c}";
    // Paragraph 1 in the source: from its number to the form feed.
    let start = source_text.find("1. The").unwrap();
    let end = source_text.find('\u{c}').unwrap() + 1;
    let source_span_1 = Span::from_byte_range(source_text, start..end).unwrap();
    let source_span_2 = Span::find(source_text, "]]> end").unwrap();
    Statement {
        id: "osce-1996-12-17-0a1b2c3d".into(),
        title: Some("  Statement by the Chairman-in-Office\t".into()),
        kind: StatementKind::ChairStatement,
        issuers: vec![
            Actor::organization("OSCE").with_role("Chairman-in-Office"),
            Actor { name: "Flavio Cotti".into(), kind: ActorKind::Person, role: Some(String::new()) },
            Actor::new("The Troika", ActorKind::Group),
            Actor::new("Switzerland", ActorKind::State),
        ],
        places: vec!["WARSAW".into(), "VIENNA".into()],
        issued: Some(date(1996, 12, 17)),
        last_updated: Some("1996-12-18T09:30:15.250".parse().unwrap()),
        published: Some("1996-12-17T20:40-04:00".parse().unwrap()),
        language: Some("de-CH".into()),
        reference: Some("CIO.GAL/17/96".into()),
        keywords: vec!["Chechnya".into(), String::new(), "peace & security".into()],
        source: Source {
            attribution: Some("OSCE".into()),
            url: Some("https://www.osce.org/cio?year=1996&id=17".into()),
            via: Some("list <archive@example.org>".into()),
            retrieved: Some(date(2024, 7, 22)),
        },
        fixity: Some(Fixity::sha256(source_text.as_bytes())),
        source_text: Some(source_text.into()),
        paragraphs: vec![
            Paragraph::new("para_1", ParagraphKind::ListItem, paragraph_1)
                .with_number("1")
                .with_speaker("MR. \"O'NEILL\" & <THE CHAIR>")
                .with_source_span(source_span_1),
            Paragraph::new("para_2", ParagraphKind::Heading, "]]> end").with_source_span(source_span_2),
        ],
        commitments: vec![
            Commitment {
                actor: Some("The Chairman-in-Office".into()),
                actor_resolved: Some("OSCE".into()),
                addressee: Some("all parties".into()),
                cue: Some("welcome".into()),
                intensifier: Some(String::new()),
                future_oriented: true,
                conditional: true,
                references: vec!["Minsk agreements".into(), "Article 5 of the Washington Treaty".into()],
                assessments: vec![
                    Assessment {
                        score: -1,
                        period_start: Some(date(1997, 1, 1)),
                        period_end: Some(date(1997, 12, 31)),
                        evidence: Some("Report\r\nline two".into()),
                        assessor: "G7 Research Group".into(),
                    },
                    Assessment {
                        score: 1,
                        period_start: None,
                        period_end: None,
                        evidence: None,
                        assessor: "A. N. Other".into(),
                    },
                ],
                ..Commitment::new(
                    "para_1__cmt_1",
                    "para_1",
                    Span::new(0, 56),
                    "The Chairman-in-Office & the <Troika> \"welcome\" 'talks'.",
                    CommitmentKind::Support,
                    Method::rule("en.support.welcome"),
                )
            },
            Commitment::new(
                "para_2__cmt_1",
                "para_2",
                Span::new(0, 3),
                "]]>",
                CommitmentKind::Warning,
                Method::manual("Annotator \u{1}One"),
            ),
            Commitment::new(
                "para_1__cmt_2",
                "para_1",
                Span::new(55, 57),
                ".\u{c}",
                CommitmentKind::Concern,
                Method { codebook: None, ..Method::rule("x") },
            ),
        ],
        notes: vec![
            Note::new("body.repeated", "A repeated body was dropped.").with_source_span(Span::new(0, 4)),
            Note::new("noise.share", String::new()),
        ],
    }
}

/// The `.txt` files of the corpus (`tests/data/corpus` and the reference statement), sorted: (file name, text).
pub fn corpus_texts() -> Vec<(String, String)> {
    let texts: Vec<(String, String)> = communique_testdata::corpus_texts()
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    assert!(texts.len() >= 10, "the corpus has 10 texts");
    texts
}

/// A record around a real corpus text: the verbatim text and its fixity, one paragraph per
/// blank-line block (lines joined by a space, source span of the block) and one
/// commitment per paragraph on its first sentence. It passes `Statement::validate`.
pub fn statement_around(name: &str, text: &str) -> Statement {
    let mut paragraphs = Vec::new();
    let mut commitments = Vec::new();
    let mut offset = 0;
    for block in text.split("\n\n") {
        let start = offset + (block.len() - block.trim_start().len());
        let end = offset + block.trim_end().len();
        offset += block.len() + 2;
        if start >= end {
            continue;
        }
        let id = format!("para_{}", paragraphs.len() + 1);
        let joined = block.split_whitespace().collect::<Vec<_>>().join(" ");
        let span = Span::from_byte_range(text, start..end).unwrap();
        let sentence_end = joined.find(". ").map_or(joined.len(), |at| at + 1);
        let quote = &joined[..sentence_end];
        commitments.push(Commitment::new(
            format!("{id}__cmt_1"),
            id.clone(),
            Span::from_byte_range(&joined, 0..sentence_end).unwrap(),
            quote,
            CommitmentKind::Pledge,
            Method::rule("test.first_sentence"),
        ));
        paragraphs.push(Paragraph::new(id, ParagraphKind::Body, joined.clone()).with_source_span(span));
    }
    let mut statement = Statement {
        title: Some(name.to_owned()),
        source: Source { via: Some(format!("corpus: {name}")), ..Source::default() },
        fixity: Some(Fixity::sha256(text.as_bytes())),
        source_text: Some(text.to_owned()),
        paragraphs,
        commitments,
        notes: vec![Note::new("test.blocks", "one paragraph per blank-line block")],
        ..Statement::default()
    };
    statement.id = statement.derive_id();
    statement.validate().unwrap_or_else(|e| panic!("{name}: {e}"));
    statement
}

/// Every record the round-trip tests use.
pub fn all_statements() -> Vec<Statement> {
    let mut statements = example_statements();
    statements.push(full_statement());
    statements.extend(corpus_texts().iter().map(|(name, text)| statement_around(name, text)));
    statements
}
