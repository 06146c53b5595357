//! Model → Parquet folder → model, compared with `assert_eq!` on whole records.

mod common;

use common::{all_empty, bare, hostile, reference, round_trip, round_trip_with};
use communique_model::{Statement, Timestamp};
use communique_parquet::{DATAPACKAGE, ParquetParser, ParquetSerializer, Shard, TABLE_NAMES};
use parquet::file::reader::{FileReader, SerializedFileReader};
use sha2::{Digest as _, Sha256};
use std::fs;
use std::path::Path;

/// Every file of a folder, as (file name, bytes), sorted by name.
fn folder_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn row_groups(path: &Path) -> usize {
    SerializedFileReader::new(fs::File::open(path).unwrap()).unwrap().metadata().num_row_groups()
}

#[test]
fn every_example_record_round_trips() {
    let files = communique_testdata::files_in(&communique_testdata::root().join("examples/data"), "json");
    assert!(!files.is_empty(), "no record in examples/data");
    for path in files {
        let record = communique_model::json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (_, back) = round_trip(dir.path(), std::slice::from_ref(&record));
        assert_eq!(back, [record], "{}", path.display());
    }
}

#[test]
fn reference_tables_hold_the_reference_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (summary, _) = round_trip(dir.path(), &[reference()]);
    let rows: Vec<_> = summary.tables.iter().map(|t| (t.file.as_str(), t.rows)).collect();
    // Counted by hand in the JSON record (as for the CSV tables): no issuer, 1 place,
    // 5 paragraphs, 17 commitments, 3 instruments named.
    assert_eq!(
        rows,
        [
            ("statements.parquet", 1),
            ("issuers.parquet", 0),
            ("places.parquet", 1),
            ("keywords.parquet", 0),
            ("paragraphs.parquet", 5),
            ("commitments.parquet", 17),
            ("commitment_references.parquet", 3),
            ("assessments.parquet", 0),
            ("notes.parquet", 0),
            ("empty_values.parquet", 0),
        ]
    );
    assert_eq!(summary.descriptor, DATAPACKAGE);
}

#[test]
fn hostile_cells_round_trip_exactly() {
    let statement = hostile();
    let dir = tempfile::tempdir().unwrap();
    let (_, back) = round_trip(dir.path(), std::slice::from_ref(&statement));
    assert_eq!(back, [statement]);
}

#[test]
fn empty_and_absent_stay_apart() {
    let statements = [all_empty(), bare("bare"), bare("bare-2")];
    let dir = tempfile::tempdir().unwrap();
    let (summary, back) = round_trip(dir.path(), &statements);
    assert_eq!(back, statements);
    // all_empty() has 19 optional texts present but empty (counted for the CSV tables);
    // bare() has none.
    assert_eq!(summary.tables[9].file, "empty_values.parquet");
    assert_eq!(summary.tables[9].rows, 19);
}

#[test]
fn timestamps_read_back_as_printed() {
    let mut statement = bare("timed");
    statement.last_updated = Some("2022-02-16T15:14".parse().unwrap());
    statement.published = Some("2014-05-02T20:40:09.250-04:00".parse().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let (_, back) = round_trip(dir.path(), std::slice::from_ref(&statement));
    assert_eq!(back[0].published.map(|t| t.to_string()).as_deref(), Some("2014-05-02T20:40:09.250-04:00"));
    assert_eq!(back, [statement]);
}

#[test]
fn many_statements_in_many_row_groups() {
    let statements = sixty_statements();
    let dir = tempfile::tempdir().unwrap();
    let (summary, back) =
        round_trip_with(ParquetSerializer::default().with_max_row_group_rows(7), dir.path(), &statements);
    assert_eq!(summary.statements, 60);
    assert_eq!(back, statements);
    // 60 statement rows, 7 a row group at most: 9 row groups.
    assert_eq!(row_groups(&dir.path().join("statements.parquet")), 9);
}

/// Sixty statements of every kind, with distinct ids.
fn sixty_statements() -> Vec<Statement> {
    (0..60)
        .map(|i| match i % 4 {
            0 => {
                let mut s = reference();
                s.id = format!("reference-{i}");
                s.commitments.truncate(i % 17);
                s
            }
            1 => Statement { id: format!("hostile-{i}"), ..hostile() },
            2 => Statement { id: format!("empty-{i}"), ..all_empty() },
            _ => bare(&format!("bare-{i}")),
        })
        .collect()
}

#[test]
fn encoder_threads_write_the_same_bytes_as_one_thread() {
    let statements = sixty_statements();
    let threaded = tempfile::tempdir().unwrap();
    let inline = tempfile::tempdir().unwrap();
    let serializer = ParquetSerializer::default().with_max_row_group_rows(5);
    assert!(serializer.encoder_threads(), "encoder threads are the default");
    let (_, back) = round_trip_with(serializer, threaded.path(), &statements);
    assert_eq!(back, statements);
    let serializer = serializer.with_encoder_threads(false);
    assert!(!serializer.encoder_threads());
    let (_, back) = round_trip_with(serializer, inline.path(), &statements);
    assert_eq!(back, statements);
    assert_eq!(folder_bytes(threaded.path()), folder_bytes(inline.path()));
    // 60 statement rows, 5 a row group at most: 12 row groups, written by each way.
    assert_eq!(row_groups(&threaded.path().join("statements.parquet")), 12);
}

#[test]
fn free_text_columns_carry_no_statistics_and_the_others_do() {
    let dir = tempfile::tempdir().unwrap();
    let (title, text) = (Some("A title".to_owned()), Some("The text received.".to_owned()));
    let statements = [
        Statement { id: "r-2".into(), title: title.clone(), source_text: text.clone(), ..reference() },
        Statement { id: "r-1".into(), title, source_text: text, ..reference() },
    ];
    round_trip(dir.path(), &statements);
    let statistics = |file: &str, column: &str| {
        let reader = SerializedFileReader::new(fs::File::open(dir.path().join(file)).unwrap()).unwrap();
        let metadata = reader.metadata();
        assert_eq!(metadata.num_row_groups(), 1, "{file}");
        let group = metadata.row_group(0);
        let chunk = group.columns().iter().find(|c| c.column_descr().name() == column).unwrap();
        chunk.statistics().map(|s| {
            let text = |bytes: Option<&[u8]>| String::from_utf8(bytes.unwrap().to_vec()).unwrap();
            (text(s.min_bytes_opt()), text(s.max_bytes_opt()))
        })
    };
    // The two ids, in byte order, whatever the order written.
    assert_eq!(statistics("paragraphs.parquet", "statement_id"), Some(("r-1".into(), "r-2".into())));
    assert_eq!(statistics("paragraphs.parquet", "text"), None);
    assert_eq!(statistics("statements.parquet", "statement_id"), Some(("r-1".into(), "r-2".into())));
    assert_eq!(statistics("statements.parquet", "title"), None);
    assert_eq!(statistics("statements.parquet", "source_text"), None);
    assert_eq!(statistics("commitments.parquet", "quote"), None);
}

#[test]
fn output_is_deterministic_and_the_descriptor_hashes_the_tables() {
    let statements = [reference(), hostile(), all_empty()];
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    round_trip(first.path(), &statements);
    round_trip(second.path(), &statements);
    let files = folder_bytes(first.path());
    assert_eq!(files, folder_bytes(second.path()));
    assert_eq!(files.len(), TABLE_NAMES.len() + 1, "tables and the descriptor, no temporary file left");

    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(first.path().join(DATAPACKAGE)).unwrap()).unwrap();
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), TABLE_NAMES.len());
    for (resource, name) in resources.iter().zip(TABLE_NAMES) {
        let file = format!("{name}.parquet");
        let bytes = fs::read(first.path().join(&file)).unwrap();
        assert_eq!(resource["name"], name);
        assert_eq!(resource["path"], file);
        assert_eq!(resource["format"], "parquet");
        assert_eq!(resource["bytes"], bytes.len() as u64, "{file}");
        let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(resource["hash"], format!("sha256:{digest}"), "{file}");
        assert_eq!(&bytes[..4], b"PAR1", "{file}");
    }
    // The commitments of the three records: 17 + 1 + 1.
    assert_eq!(resources[5]["rows"], 19);
    let fields = &resources[0]["schema"]["fields"];
    assert_eq!(fields[3]["name"], "issued");
    assert_eq!(fields[3]["type"], "date");
    assert_eq!(package["https://w3id.org/communique/ns#parquetLayout"], "communique-parquet/1");
}

#[test]
fn files_carry_the_declared_types() {
    let dir = tempfile::tempdir().unwrap();
    round_trip(dir.path(), &[reference()]);
    let reader =
        SerializedFileReader::new(fs::File::open(dir.path().join("commitments.parquet")).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    let describe = |name: &str| {
        let column = schema.columns().iter().find(|c| c.name() == name).unwrap().clone();
        (format!("{}", column.physical_type()), column.self_type().is_optional())
    };
    assert_eq!(describe("statement_id"), ("BYTE_ARRAY".into(), false));
    assert_eq!(describe("span_start"), ("INT64".into(), false));
    assert_eq!(describe("future_oriented"), ("BOOLEAN".into(), false));
    assert_eq!(describe("plover_code"), ("BYTE_ARRAY".into(), true));
    let statements =
        SerializedFileReader::new(fs::File::open(dir.path().join("statements.parquet")).unwrap()).unwrap();
    let schema = statements.metadata().file_metadata().schema_descr_ptr();
    let issued = schema.columns().iter().find(|c| c.name() == "issued").unwrap();
    assert_eq!(format!("{}", issued.physical_type()), "INT32");
    assert_eq!(format!("{:?}", issued.logical_type_ref()), "Some(Date)");
}

#[test]
fn zero_statements_make_a_valid_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (summary, back) = round_trip(dir.path(), &[]);
    assert!(back.is_empty());
    assert!(summary.tables.iter().all(|t| t.rows == 0));
}

#[test]
fn writer_refuses_what_would_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = ParquetSerializer::default().for_dir(dir.path()).unwrap();
    writer.serialize_statement(&bare("a")).unwrap();
    let error = writer.serialize_statement(&bare("a")).unwrap_err();
    assert_eq!(error.to_string(), "statement \"a\": has the same id as the statement written just before it");
    let mut twins = reference();
    twins.commitments[1].id = twins.commitments[0].id.clone();
    let error = writer.serialize_statement(&twins).unwrap_err();
    assert!(error.to_string().contains("two commitments share the eId \"para_1__cmt_1\""), "{error}");
    let mut far = bare("far");
    far.last_updated = Timestamp::from_ymd_hm(10_000, 1, 1, 0, 0);
    let error = writer.serialize_statement(&far).unwrap_err();
    assert!(error.to_string().contains("no four-digit year"), "{error}");
    let mut huge = bare("huge");
    huge.fixity = Some(communique_model::Fixity {
        algorithm: communique_model::DigestAlgorithm::Sha256,
        digest: String::new(),
        size: u64::MAX,
    });
    let error = writer.serialize_statement(&huge).unwrap_err();
    assert!(
        error.to_string().contains("statements.fixity_size is 18446744073709551615, more than"),
        "{error}"
    );
    writer.serialize_statement(&bare("b")).unwrap();
    writer.finish().unwrap();
    let back: Vec<_> = ParquetParser::default().for_dir(dir.path()).unwrap().map(Result::unwrap).collect();
    assert_eq!(back, [bare("a"), bare("b")], "refused records left no rows behind");

    let error = ParquetSerializer::default().for_dir(dir.path()).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists, "{error}");
}

#[test]
fn shards_share_a_folder_and_read_back_in_shard_order() {
    let dir = tempfile::tempdir().unwrap();
    let statements: Vec<Statement> = (0..10).map(|i| bare(&format!("s{i}"))).collect();
    // Shard k of 3 takes statements k-1, k-1+3, …; written in the order 3, 1, 2.
    for k in [3, 1, 2] {
        let shard = Shard::new(k, 3);
        let mut writer = ParquetSerializer::default().with_shard(shard).for_dir(dir.path()).unwrap();
        for (i, statement) in statements.iter().enumerate() {
            if shard.unwrap().takes(i as u64) {
                writer.serialize_statement(statement).unwrap();
            }
        }
        let summary = writer.finish().unwrap();
        assert_eq!(summary.tables[5].file, format!("commitments-{k}-of-3.parquet"));
        assert_eq!(summary.descriptor, format!("datapackage-{k}-of-3.json"));
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3 * (TABLE_NAMES.len() + 1));
    let parser = ParquetParser::default().for_dir(dir.path()).unwrap();
    assert_eq!(parser.shards(), [Shard::new(1, 3), Shard::new(2, 3), Shard::new(3, 3)]);
    let ids: Vec<String> = parser.map(|s| s.unwrap().id).collect();
    assert_eq!(ids, ["s0", "s3", "s6", "s9", "s1", "s4", "s7", "s2", "s5", "s8"]);
    // A shard's files are refused a second time, not another shard's.
    let error = ParquetSerializer::default().with_shard(Shard::new(2, 3)).for_dir(dir.path()).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
    let other = ParquetSerializer::default().with_shard(Shard::new(2, 5)).for_dir(dir.path()).unwrap();
    assert_eq!(other.finish().unwrap().tables[0].file, "statements-2-of-5.parquet");
}

#[test]
fn prepared_statements_write_the_same_bytes() {
    let statements = [reference(), hostile(), all_empty(), bare("bare")];
    let direct = tempfile::tempdir().unwrap();
    round_trip(direct.path(), &statements);
    let prepared_dir = tempfile::tempdir().unwrap();
    let serializer = ParquetSerializer::default();
    let prepared: Vec<_> = statements.iter().map(|s| serializer.prepare(s).unwrap()).collect();
    assert_eq!(prepared[0].rows(5), Some(17));
    assert_eq!(prepared[2].rows(9), Some(19));
    let mut writer = serializer.for_dir(prepared_dir.path()).unwrap();
    for p in &prepared {
        writer.write_prepared(p).unwrap();
    }
    writer.finish().unwrap();
    assert_eq!(folder_bytes(direct.path()), folder_bytes(prepared_dir.path()));
}

mod generated {
    use super::*;
    use communique_model::chrono::{FixedOffset, NaiveDate};
    use communique_model::{
        Actor, ActorKind, Assessment, Commitment, CommitmentKind, Fixity, Method, Note, Paragraph,
        ParagraphKind, Source, Span, StatementKind, TimePrecision,
    };
    use proptest::prelude::*;

    /// Text drawn from characters tabular formats care about.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[=+@'\"\t\r\n, ;aZ0Ж🕊\u{0}-]{0,12}").unwrap()
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(text())
    }

    fn span() -> impl Strategy<Value = Span> {
        (0usize..50, 0usize..50).prop_map(|(a, b)| Span::new(a, b))
    }

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        proptest::option::of((-3000i32..12000, 1u32..=12, 1u32..=28))
            .prop_map(|d| d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day)))
    }

    fn timestamp() -> impl Strategy<Value = Option<Timestamp>> {
        proptest::option::of((
            (0i32..=9999, 1u32..=12, 1u32..=28),
            (0u32..24, 0u32..60, 0u32..60, 0u32..1_000_000_000),
            (0u8..4, proptest::option::of(-12i32 * 60..=14 * 60)),
        ))
        .prop_map(|o| {
            o.map(|((y, m, d), (h, min, s, nanos), (precision, offset))| {
                let local =
                    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_nano_opt(h, min, s, nanos).unwrap();
                let precision = match precision {
                    0 => TimePrecision::Minute,
                    1 => TimePrecision::Second,
                    p => TimePrecision::Fraction(p * 3),
                };
                Timestamp::new(local, offset.and_then(|m| FixedOffset::east_opt(m * 60)), precision)
            })
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
            (text(), opt_text(), 0usize..10, date(), opt_text(), opt_text(), timestamp(), timestamp()),
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
                proptest::option::of((text(), 0u64..=i64::MAX as u64)),
                opt_text(),
            ),
            proptest::collection::vec(
                (
                    text(),
                    opt_text(),
                    0usize..ParagraphKind::ALL.len(),
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
                last_updated: head.6,
                published: head.7,
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
                    size,
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
        fn any_statements_round_trip(mut statements in proptest::collection::vec(statement(), 0..5), rows in 1usize..5) {
            // Consecutive statements need distinct ids (their rows are merged by id).
            for (i, s) in statements.iter_mut().enumerate() {
                s.id = format!("{}{i}", s.id);
            }
            let dir = tempfile::tempdir().unwrap();
            let serializer = ParquetSerializer::default().with_max_row_group_rows(rows);
            let (_, back) = round_trip_with(serializer, dir.path(), &statements);
            prop_assert_eq!(back, statements);
        }
    }
}

/// The CLI writes and reads folders from worker threads.
#[test]
fn writer_reader_and_errors_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    fn send<T: Send + 'static>() {}
    send::<communique_parquet::DirParquetSerializer>();
    send::<communique_parquet::DirParquetParser>();
    send_sync::<communique_parquet::PreparedStatement>();
    send_sync::<communique_parquet::ParquetParseError>();
    send_sync::<communique_parquet::ParquetSerializeError>();
}

/// The reference statement with its paragraphs and commitments copied `copies` more
/// times under new eIds.
fn long_statement(copies: usize) -> Statement {
    let mut statement = reference();
    let (paragraphs, commitments) = (statement.paragraphs.clone(), statement.commitments.clone());
    for copy in 1..=copies {
        for paragraph in &paragraphs {
            let mut paragraph = paragraph.clone();
            paragraph.id = format!("{}_copy{copy}", paragraph.id);
            statement.paragraphs.push(paragraph);
        }
        for commitment in &commitments {
            let mut commitment = commitment.clone();
            commitment.id = format!("{}_copy{copy}", commitment.id);
            commitment.paragraph = format!("{}_copy{copy}", commitment.paragraph);
            statement.commitments.push(commitment);
        }
    }
    statement
}

/// A statement with more rows than the writer holds at once (laid out straight into the
/// tables by `serialize_statement`) gives the tables `prepare` gives, and reads back the
/// same; one the tables refuse leaves nothing written.
#[test]
fn a_long_statement_streams_into_the_tables() {
    let mut long = long_statement(1_000);
    long.id = "long".into();
    assert_eq!(long.commitments.len(), 17 * 1_001);
    let statements = [bare("bare"), long.clone(), reference()];
    let (streamed, prepared) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut writer = ParquetSerializer::default().for_dir(streamed.path()).unwrap();
    for statement in &statements {
        writer.serialize_statement(statement).unwrap();
    }
    let summary = writer.finish().unwrap();
    let rows: Vec<u64> = summary.tables.iter().map(|t| t.rows).collect();
    assert_eq!(rows, [3, 0, 2, 0, 5 * 1_002, 17 * 1_002, 3 * 1_002, 0, 0, 0]);
    let mut writer = ParquetSerializer::default().for_dir(prepared.path()).unwrap();
    for statement in &statements {
        writer.write_prepared(&ParquetSerializer::default().prepare(statement).unwrap()).unwrap();
    }
    writer.finish().unwrap();
    let back: Vec<Statement> =
        ParquetParser::default().for_dir(streamed.path()).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(back, statements);
    assert!(folder_bytes(streamed.path()) == folder_bytes(prepared.path()), "the tables differ");
    assert!(ParquetSerializer::default().check(&long).is_ok());

    // Two commitments sharing an eId, at the very end: refused by `check` as by
    // `prepare`, and nothing of the statement is written.
    let mut bad = long;
    let twin = bad.commitments[0].id.clone();
    bad.commitments.last_mut().unwrap().id = twin;
    let Err(refused) = ParquetSerializer::default().prepare(&bad) else { panic!("a shared eId is refused") };
    assert_eq!(ParquetSerializer::default().check(&bad).unwrap_err().to_string(), refused.to_string());
    let dir = tempfile::tempdir().unwrap();
    let mut writer = ParquetSerializer::default().for_dir(dir.path()).unwrap();
    assert!(writer.serialize_statement(&bad).is_err());
    writer.serialize_statement(&reference()).unwrap();
    let summary = writer.finish().unwrap();
    assert_eq!(summary.tables[5].rows, 17);
}
