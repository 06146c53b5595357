//! Model → CSV folder → model, compared with `assert_eq!` on whole records.

mod common;

use common::{HOSTILE, all_cells, all_empty, bare, folder_bytes, hostile, reference, round_trip};
use communique_csv::{CSVW_METADATA, CsvSerializer, DATAPACKAGE, TABLE_FILES};
use communique_model::{CommitmentKind, Statement};
use sha2::{Digest as _, Sha256};
use std::fs;
use std::path::Path;

#[test]
fn every_example_record_round_trips() {
    let mut checked = 0;
    for entry in fs::read_dir(common::data_dir()).expect("examples/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let record = communique_model::json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for excel_safe in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let (_, back) = round_trip(dir.path(), std::slice::from_ref(&record), excel_safe);
            assert_eq!(back, std::slice::from_ref(&record), "{} (excel_safe {excel_safe})", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 1, "no record in examples/data");
}

#[test]
fn reference_tables_hold_the_reference_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (summary, _) = round_trip(dir.path(), &[reference()], false);
    let rows: Vec<_> = summary.tables.iter().map(|t| (t.file.as_str(), t.rows)).collect();
    // Counted by hand in the JSON record: 1 issuer-less statement, 1 place, 5 paragraphs,
    // 17 commitments, 3 instruments named (Article 5 by one; Normandy Format and Minsk agreements by another).
    assert_eq!(
        rows,
        [
            ("statements.csv", 1),
            ("issuers.csv", 0),
            ("places.csv", 1),
            ("keywords.csv", 0),
            ("paragraphs.csv", 5),
            ("commitments.csv", 17),
            ("commitment_references.csv", 3),
            ("assessments.csv", 0),
            ("notes.csv", 0),
            ("empty_values.csv", 0),
        ]
    );
    let commitments = fs::read_to_string(dir.path().join("commitments.csv")).unwrap();
    let kinds: Vec<_> =
        commitments.lines().skip(1).map(|line| line.split(',').find_map(CommitmentKind::from_name)).collect();
    let count = |kind| kinds.iter().filter(|k| **k == Some(kind)).count();
    assert_eq!(count(CommitmentKind::Pledge), 5);
    assert_eq!(count(CommitmentKind::Demand), 2);
    assert_eq!(count(CommitmentKind::Concern), 1);
    assert_eq!(count(CommitmentKind::Condemnation), 0);
}

#[test]
fn hostile_cells_round_trip_exactly() {
    let statement = hostile();
    let dir = tempfile::tempdir().unwrap();
    let (_, back) = round_trip(dir.path(), std::slice::from_ref(&statement), false);
    assert_eq!(back, [statement]);
    // Without excel_safe, the text is written exactly as it is.
    let statements = fs::read_to_string(dir.path().join("statements.csv")).unwrap();
    let quoted = format!("\"{}\"", HOSTILE.replace('"', "\"\""));
    assert!(statements.contains(&quoted), "title written as one RFC 4180 quoted field");
    assert!(statements.starts_with("statement_id,title,kind,"));
    assert!(statements.contains("\r\n-hostile-2022,"), "CRLF line end, then the unescaped id");
}

#[test]
fn excel_safe_neutralises_formulas_and_reads_back() {
    let statement = hostile();
    let dir = tempfile::tempdir().unwrap();
    let (_, back) = round_trip(dir.path(), std::slice::from_ref(&statement), true);
    assert_eq!(back, [statement]);
    let cells = all_cells(dir.path());
    assert!(cells.len() > 100);
    for (file, line, cell) in &cells {
        let numeric = cell.parse::<i64>().is_ok();
        assert!(
            numeric || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{file} line {line}: {cell:?} starts like a formula"
        );
    }
    // The one number that starts with '-' is the assessment score, a number not a formula.
    let negative: Vec<_> = cells
        .iter()
        .filter(|(_, _, c)| c.starts_with('-'))
        .map(|(f, _, c)| (f.as_str(), c.as_str()))
        .collect();
    assert_eq!(negative, [("assessments.csv", "-1")]);
    assert!(cells.iter().any(|(f, _, c)| f == "statements.csv" && c == "'-hostile-2022"));
    assert!(cells.iter().any(|(f, _, c)| f == "commitments.csv" && c == "''quoted already'"));
    for name in [CSVW_METADATA, DATAPACKAGE] {
        let descriptor: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.path().join(name)).unwrap()).unwrap();
        assert_eq!(descriptor["https://w3id.org/communique/ns#excelSafe"], true, "{name}");
    }
}

#[test]
fn empty_and_absent_stay_apart() {
    let statements = [all_empty(), bare("bare"), bare("bare-2")];
    let dir = tempfile::tempdir().unwrap();
    let (summary, back) = round_trip(dir.path(), &statements, false);
    assert_eq!(back, statements);
    // all_empty() has 18 optional texts present but empty; bare() has none.
    assert_eq!(summary.tables[9].file, "empty_values.csv");
    assert_eq!(summary.tables[9].rows, 18);
    let listed = fs::read_to_string(dir.path().join("empty_values.csv")).unwrap();
    assert!(listed.contains("all-empty,$.commitments[0].assessments[0].evidence\r\n"));
    assert!(listed.contains("all-empty,$.source_text\r\n"));
}

#[test]
fn many_statements_share_one_folder() {
    let mut statements = Vec::new();
    for i in 0..60 {
        let statement = match i % 4 {
            0 => {
                let mut s = reference();
                s.id = format!("reference-{i}");
                s.commitments.truncate(i % 17);
                s
            }
            1 => Statement { id: format!("hostile-{i}"), ..hostile() },
            2 => Statement { id: format!("empty-{i}"), ..all_empty() },
            _ => bare(&format!("bare-{i}")),
        };
        statements.push(statement);
    }
    for excel_safe in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let (summary, back) = round_trip(dir.path(), &statements, excel_safe);
        assert_eq!(summary.statements, 60);
        assert_eq!(back, statements);
    }
}

#[test]
fn output_is_deterministic_and_descriptors_hash_the_tables() {
    let statements = [reference(), hostile(), all_empty()];
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    round_trip(first.path(), &statements, false);
    round_trip(second.path(), &statements, false);
    let files = folder_bytes(first.path());
    assert_eq!(files, folder_bytes(second.path()));
    assert_eq!(files.len(), TABLE_FILES.len() + 2, "tables and two descriptors, no temporary file left");

    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(first.path().join(DATAPACKAGE)).unwrap()).unwrap();
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), TABLE_FILES.len());
    for (resource, file) in resources.iter().zip(TABLE_FILES) {
        let bytes = fs::read(first.path().join(file)).unwrap();
        assert_eq!(resource["path"], file);
        assert_eq!(resource["bytes"], bytes.len() as u64, "{file}");
        let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(resource["hash"], format!("sha256:{digest}"), "{file}");
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&fs::read(first.path().join(CSVW_METADATA)).unwrap()).unwrap();
    let urls: Vec<_> =
        metadata["tables"].as_array().unwrap().iter().map(|t| t["url"].as_str().unwrap()).collect();
    assert_eq!(urls, TABLE_FILES);
    let columns = &metadata["tables"][0]["tableSchema"]["columns"];
    assert_eq!(columns[4]["name"], "last_updated");
    assert_eq!(columns[4]["datatype"]["format"], communique_model::TIMESTAMP_PATTERN);
    assert_eq!(columns[3]["datatype"], "date");
}

#[test]
fn zero_statements_make_a_valid_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (summary, back) = round_trip(dir.path(), &[], false);
    assert!(back.is_empty());
    assert!(summary.tables.iter().all(|t| t.rows == 0));
    let header = fs::read_to_string(dir.path().join("places.csv")).unwrap();
    assert_eq!(header, "statement_id,position,place\r\n");
}

#[test]
fn writer_refuses_what_would_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = CsvSerializer::default().for_dir(dir.path()).unwrap();
    writer.serialize_statement(&bare("a")).unwrap();
    let error = writer.serialize_statement(&bare("a")).unwrap_err();
    assert_eq!(error.to_string(), "statement \"a\": has the same id as the statement written just before it");
    let mut twins = reference();
    twins.commitments[1].id = twins.commitments[0].id.clone();
    let error = writer.serialize_statement(&twins).unwrap_err();
    assert!(error.to_string().contains("two commitments share the eId \"para_1__cmt_1\""), "{error}");
    writer.serialize_statement(&bare("b")).unwrap();
    writer.finish().unwrap();
    let back: Vec<_> =
        communique_csv::CsvParser::default().for_dir(dir.path()).unwrap().map(Result::unwrap).collect();
    assert_eq!(back, [bare("a"), bare("b")], "refused records left no rows behind");

    let error = CsvSerializer::default().for_dir(dir.path()).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists, "{error}");
}

mod generated {
    use super::*;
    use communique_model::{
        Actor, ActorKind, Assessment, Commitment, Fixity, Method, Note, Paragraph, ParagraphKind, Source,
        Span, StatementKind,
    };
    use proptest::prelude::*;

    /// Text drawn from the characters CSV and spreadsheets care about.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[=+@'\"\t\r\n, ;aZ0Ж🕊-]{0,12}").unwrap()
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(text())
    }

    fn span() -> impl Strategy<Value = Span> {
        (0usize..50, 0usize..50).prop_map(|(a, b)| Span::new(a, b))
    }

    fn date() -> impl Strategy<Value = Option<communique_model::chrono::NaiveDate>> {
        proptest::option::of((1900i32..2100, 1u32..=12, 1u32..=28)).prop_map(|d| {
            d.and_then(|(y, m, day)| communique_model::chrono::NaiveDate::from_ymd_opt(y, m, day))
        })
    }

    fn commitment() -> impl Strategy<Value = Commitment> {
        (
            (text(), text(), span(), text(), 0usize..10),
            (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
            (any::<bool>(), any::<bool>(), proptest::collection::vec(text(), 0..3)),
            (any::<bool>(), opt_text(), opt_text(), opt_text()),
            proptest::collection::vec((-1i8..=1, date(), date(), opt_text(), text()), 0..3),
        )
            .prop_map(|((id, paragraph, span, quote, kind), opts, flags, method, assessments)| {
                Commitment {
                    id,
                    paragraph,
                    span,
                    quote,
                    kind: CommitmentKind::ALL[kind],
                    actor: opts.0,
                    actor_resolved: opts.1,
                    addressee: opts.2,
                    cue: opts.3,
                    intensifier: opts.4,
                    future_oriented: flags.0,
                    conditional: flags.1,
                    references: flags.2,
                    method: Method {
                        kind: if method.0 {
                            communique_model::MethodKind::Rule
                        } else {
                            communique_model::MethodKind::Manual
                        },
                        rule: method.1,
                        codebook: method.2,
                        annotator: method.3,
                    },
                    assessments: assessments
                        .into_iter()
                        .map(|(score, period_start, period_end, evidence, assessor)| Assessment {
                            score,
                            period_start,
                            period_end,
                            evidence,
                            assessor,
                        })
                        .collect(),
                }
            })
    }

    fn statement() -> impl Strategy<Value = Statement> {
        (
            (text(), opt_text(), 0usize..10, date(), opt_text(), opt_text()),
            (
                proptest::collection::vec((text(), 0usize..4, opt_text()), 0..3),
                proptest::collection::vec(text(), 0..3),
                proptest::collection::vec(text(), 0..3),
            ),
            (
                opt_text(),
                opt_text(),
                opt_text(),
                date(),
                proptest::option::of((text(), any::<u32>())),
                opt_text(),
            ),
            proptest::collection::vec(
                (
                    text(),
                    opt_text(),
                    0..ParagraphKind::ALL.len(),
                    text(),
                    opt_text(),
                    proptest::option::of(span()),
                ),
                0..4,
            ),
            proptest::collection::vec(commitment(), 0..4),
            proptest::collection::vec((text(), text(), proptest::option::of(span())), 0..3),
        )
            .prop_map(|(head, lists, source, paragraphs, commitments, notes)| Statement {
                id: head.0,
                title: head.1,
                kind: StatementKind::ALL[head.2],
                issued: head.3,
                language: head.4,
                reference: head.5,
                last_updated: None,
                published: None,
                issuers: lists
                    .0
                    .into_iter()
                    .map(|(name, kind, role)| Actor { name, kind: ActorKind::ALL[kind], role })
                    .collect(),
                places: lists.1,
                keywords: lists.2,
                source: Source { attribution: source.0, url: source.1, via: source.2, retrieved: source.3 },
                fixity: source.4.map(|(digest, size)| Fixity {
                    algorithm: communique_model::DigestAlgorithm::Sha256,
                    digest,
                    size: u64::from(size),
                }),
                source_text: source.5,
                paragraphs: paragraphs
                    .into_iter()
                    .map(|(id, number, kind, text, speaker, source_span)| Paragraph {
                        id,
                        number,
                        kind: ParagraphKind::ALL[kind],
                        text,
                        speaker,
                        source_span,
                    })
                    .collect(),
                commitments: {
                    // Commitment eIds key their references and assessments: keep them unique.
                    let mut commitments = commitments;
                    for (i, c) in commitments.iter_mut().enumerate() {
                        c.id = format!("{}#{i}", c.id);
                    }
                    commitments
                },
                notes: notes
                    .into_iter()
                    .map(|(code, message, source_span)| Note { code, message, source_span })
                    .collect(),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn any_statements_round_trip(mut statements in proptest::collection::vec(statement(), 0..4), excel_safe in any::<bool>()) {
            // Consecutive statements need distinct ids (their rows are merged by id).
            for (i, s) in statements.iter_mut().enumerate() {
                s.id = format!("{}{i}", s.id);
            }
            let dir = tempfile::tempdir().unwrap();
            let (_, back) = round_trip(dir.path(), &statements, excel_safe);
            prop_assert_eq!(back, statements);
        }
    }
}

/// `tests/data/hostile.json` is [`hostile()`] as JSON, for the conformance run to export
/// and hand to the CSVW and Frictionless validators. Rewritten (and this test fails)
/// when stale.
#[test]
fn hostile_fixture_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile.json");
    let want = communique_model::json::to_string_pretty(&hostile());
    let have = fs::read_to_string(&path).unwrap_or_default();
    if have != want {
        fs::write(&path, &want).unwrap();
        panic!("regenerated {}: review and commit", path.display());
    }
    assert_eq!(communique_model::json::from_str(&have).unwrap(), hostile());
}

/// The CLI writes and reads folders from worker threads.
#[test]
fn writer_reader_and_error_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    fn send<T: Send + 'static>() {}
    send::<communique_csv::DirCsvSerializer>();
    send::<communique_csv::DirCsvParser>();
    send_sync::<communique_csv::CsvParseError>();
    send_sync::<communique_csv::CsvSerializeError>();
}
