//! Records and helpers shared by the tests.
#![allow(dead_code, reason = "each test file uses part of the helpers")]

use communique_csv::{CsvParser, CsvSerializer, CsvSummary};
use communique_model::chrono::{FixedOffset, NaiveDate};
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, Fixity, Method, Note, Paragraph, ParagraphKind,
    Source, Span, Statement, StatementKind, TimePrecision, Timestamp,
};
use std::path::{Path, PathBuf};

/// Every file of a folder, as (file name, bytes), sorted by name.
pub fn folder_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// `examples/data/` of the workspace.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data")
}

/// The project's reference statement.
pub fn reference() -> Statement {
    let path = data_dir().join("nato-2022-02-16-defence-ministers-ukraine.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    communique_model::json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes `statements` into `dir` and reads the folder back.
pub fn round_trip(dir: &Path, statements: &[Statement], excel_safe: bool) -> (CsvSummary, Vec<Statement>) {
    let mut writer =
        CsvSerializer::default().with_excel_safe(excel_safe).for_dir(dir).expect("create folder");
    for statement in statements {
        writer.serialize_statement(statement).unwrap_or_else(|e| panic!("write {}: {e}", statement.id));
    }
    let summary = writer.finish().expect("finish");
    let reader = CsvParser::default().for_dir(dir).expect("open folder");
    assert_eq!(reader.excel_safe(), excel_safe);
    let back = reader.collect::<Result<Vec<_>, _>>().unwrap_or_else(|e| panic!("read back: {e}"));
    (summary, back)
}

/// Every cell of every table in `dir` (header rows included), with file and line.
pub fn all_cells(dir: &Path) -> Vec<(String, u64, String)> {
    let mut cells = Vec::new();
    for file in communique_csv::TABLE_FILES {
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).from_path(dir.join(file)).expect("open table");
        for record in reader.records() {
            let record = record.expect("well-formed CSV");
            let line = record.position().expect("position").line();
            for cell in &record {
                cells.push((file.to_owned(), line, cell.to_owned()));
            }
        }
    }
    cells
}

/// The text every hostile cell is made of: quotes, commas, CR/LF, a leading `=`, a
/// leading `-`, Cyrillic and an emoji.
pub const HOSTILE: &str = "=HYPERLINK(\"http://x\",\"Заявление, «мир» 🕊\")\r\nline two\nline three\r-1";

/// A statement whose every text field holds something a naive CSV writer gets wrong.
pub fn hostile() -> Statement {
    let para_text = format!("{HOSTILE} We urge all parties, \"now\", to stop. 👍");
    let quote = "We urge all parties, \"now\", to stop.";
    let start = para_text.chars().count() - quote.chars().count() - " 👍".chars().count();
    assert_eq!(Span::new(start, start + quote.chars().count()).slice(&para_text), Some(quote));
    let mut commitment = Commitment::new(
        "para_1__cmt_1",
        "para_1",
        Span::new(start, start + quote.chars().count()),
        quote,
        CommitmentKind::Demand,
        Method::rule("-en.demand.urge"),
    );
    commitment.actor = Some("+We".into());
    commitment.actor_resolved = Some("@NATO".into());
    commitment.addressee = Some("\tall parties".into());
    commitment.cue = Some("\rurge".into());
    commitment.intensifier = Some("'quoted already'".into());
    commitment.future_oriented = true;
    commitment.references = vec![HOSTILE.into(), "-Minsk agreements".into(), "Статья 5".into()];
    commitment.assessments = vec![Assessment {
        score: -1,
        period_start: NaiveDate::from_ymd_opt(2022, 2, 17),
        period_end: NaiveDate::from_ymd_opt(2022, 12, 31),
        evidence: Some(HOSTILE.into()),
        assessor: "=G7 Research Group".into(),
    }];
    Statement {
        id: "-hostile-2022".into(),
        title: Some(HOSTILE.into()),
        kind: StatementKind::JointStatement,
        issuers: vec![
            Actor {
                name: "=NATO".into(),
                kind: ActorKind::Organization,
                role: Some("-chair, \"acting\"".into()),
            },
            Actor::new("Україна 🇺🇦", ActorKind::State),
        ],
        places: vec!["@Brussels".into(), "Київ".into()],
        issued: NaiveDate::from_ymd_opt(2022, 2, 16),
        last_updated: Some("2022-02-16T15:14".parse().expect("timestamp")),
        published: Some(Timestamp::new(
            NaiveDate::from_ymd_opt(2022, 2, 16).unwrap().and_hms_nano_opt(9, 30, 15, 250_000_000).unwrap(),
            FixedOffset::west_opt(4 * 3600),
            TimePrecision::Fraction(3),
        )),
        language: Some("uk".into()),
        reference: Some("+SC/14367".into()),
        keywords: vec!["-war".into(), "мир, війна".into(), "\"quoted\"".into()],
        source: Source {
            attribution: Some("Source – NATO, \"official\"".into()),
            url: Some("https://www.nato.int/cps/en/natohq/news_192151.htm?a=1,b=2".into()),
            via: Some("=list\r\narchive".into()),
            retrieved: NaiveDate::from_ymd_opt(2024, 7, 22),
        },
        fixity: Some(Fixity::sha256(HOSTILE.as_bytes())),
        source_text: Some(format!("{HOSTILE}\r\n\r\n{para_text}\n")),
        paragraphs: vec![
            Paragraph::new("para_1", ParagraphKind::Body, para_text.clone())
                .with_number("-1")
                .with_speaker("=Q, \"MS. PSAKI\"")
                .with_source_span(Span::new(0, 10)),
        ],
        commitments: vec![commitment],
        notes: vec![
            Note::new("body.repeated", HOSTILE).with_source_span(Span::new(3, 7)),
            Note::new("noise.share", "-\"Forward to your friends\" set aside"),
        ],
    }
}

/// A statement with every optional text present but empty, and no lists at all.
pub fn all_empty() -> Statement {
    let mut commitment =
        Commitment::new("c", "p", Span::new(0, 0), "", CommitmentKind::Concern, Method::manual(""));
    commitment.actor = Some(String::new());
    commitment.actor_resolved = Some(String::new());
    commitment.addressee = Some(String::new());
    commitment.cue = Some(String::new());
    commitment.intensifier = Some(String::new());
    commitment.method.rule = Some(String::new());
    commitment.method.codebook = Some(String::new());
    commitment.references = vec![String::new(), String::new()];
    commitment.assessments = vec![Assessment {
        score: 0,
        period_start: None,
        period_end: None,
        evidence: Some(String::new()),
        assessor: String::new(),
    }];
    Statement {
        id: "all-empty".into(),
        title: Some(String::new()),
        language: Some(String::new()),
        reference: Some(String::new()),
        keywords: vec![String::new()],
        places: vec![String::new()],
        issuers: vec![Actor { name: String::new(), kind: ActorKind::Group, role: Some(String::new()) }],
        source: Source {
            attribution: Some(String::new()),
            url: Some(String::new()),
            via: Some(String::new()),
            retrieved: None,
        },
        fixity: Some(Fixity {
            algorithm: communique_model::DigestAlgorithm::Sha256,
            digest: String::new(),
            size: 0,
        }),
        source_text: Some(String::new()),
        paragraphs: vec![Paragraph {
            id: "p".into(),
            number: Some(String::new()),
            kind: ParagraphKind::Heading,
            text: String::new(),
            speaker: None,
            source_span: Some(Span::new(0, 0)),
        }],
        commitments: vec![commitment],
        notes: vec![Note::new("", "")],
        ..Statement::default()
    }
}

/// A statement with only an id and a kind: every optional value absent, no lists.
pub fn bare(id: &str) -> Statement {
    Statement { id: id.into(), ..Statement::default() }
}
