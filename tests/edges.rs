//! Records at the edges of every type — years 1 and 9999, every precision and form of
//! offset, empty and absent optional texts, long texts, characters formats make hard,
//! every kind, paragraphs with and without a speaker — that pass `validate()` are
//! written by every format and read back identical.

use communique::model::chrono::NaiveDate;
use communique::model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, Fixity, Method, Note, Paragraph, ParagraphKind,
    Source, Span, Statement, StatementKind, Timestamp, dates_in_order,
};
use communique::{Format, StatementParser, StatementSerializer};
use proptest::prelude::*;
use std::io::BufReader;

/// Any character, the ones formats make hard drawn often.
fn hard_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => prop::sample::select(vec![
            '&', '<', '>', ']', '"', '\'', '\r', '\n', '\t', ' ', ',', '=', '\u{0}', '\u{1}', '\u{b}', '\u{1f}',
            '\u{7f}', '\u{85}', '\u{2028}', '\u{feff}', '\u{fffe}', '\u{ffff}', '\u{fffd}', 'М', '🕊',
        ]),
    ]
}

/// A text, short or long (thousands of code points).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(hard_char(), 0..24).prop_map(|chars| chars.into_iter().collect()),
        1 => (prop::collection::vec(hard_char(), 1..8), 500usize..2000)
            .prop_map(|(chars, times)| chars.into_iter().collect::<String>().repeat(times)),
    ]
}

/// A text that `validate()` takes where one must not be empty.
fn required_text() -> impl Strategy<Value = String> {
    text().prop_map(|text| format!("A{text}"))
}

/// An optional text: absent, empty, or any text.
fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![Just(None), Just(Some(String::new())), text().prop_map(Some)]
}

/// An identifier: no control characters, not blank, short or long.
fn identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z0-9 _.:/#?%&<>\"'-]{0,40}",
        "[a-zA-Z]{1,3}".prop_map(|s| s.repeat(400)),
        "[a-z][а-яё🕊 ]{0,10}",
    ]
}

/// A date at an edge of the years every format writes, or an ordinary one.
fn date() -> impl Strategy<Value = NaiveDate> {
    prop::sample::select(vec![
        (1, 1, 1),
        (1, 12, 31),
        (9999, 1, 1),
        (9999, 12, 31),
        (2024, 2, 29),
        (1970, 1, 1),
    ])
    .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// A timestamp in year 1 or 9999 or an ordinary year, at every precision and with
/// every form of offset.
fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        prop::sample::select(vec!["0001-01-01", "9999-12-31", "2022-02-16"]),
        prop::sample::select(vec!["00:00", "23:59", "12:30:59", "00:00:00.5", "23:59:59.123456789"]),
        prop::sample::select(vec!["", "Z", "+00:00", "-00:00", "+14:00", "-12:00", "+05:30"]),
    )
        .prop_map(|(date, time, offset)| format!("{date}T{time}{offset}").parse().unwrap())
}

prop_compose! {
    fn statement()(
        id in identifier(),
        title in prop::option::of(required_text()),
        kind in prop::sample::select(StatementKind::ALL.to_vec()),
        issuers in prop::collection::vec((required_text(), prop::sample::select(ActorKind::ALL.to_vec()), optional_text()), 0..3),
        places in prop::collection::vec(required_text(), 0..3),
        issued in prop::option::of(date()),
        updated in prop::option::of(timestamp()),
        published in prop::option::of(timestamp()),
        language in prop::option::of(prop::sample::select(vec!["en", "fr-CA", "zh-Hant-TW", "de-CH-1996", "x-private"])),
        reference in optional_text(),
        keywords in prop::collection::vec(text(), 0..3),
        source in (optional_text(), optional_text(), optional_text(), prop::option::of(date())),
        fixity in prop::option::of((text(), any::<u64>())),
        source_text in prop::option::of(text()),
        paragraphs in prop::collection::vec((required_text(), optional_text(), prop::sample::select(ParagraphKind::ALL.to_vec()), prop::option::of(prop_oneof![Just("Q".to_owned()), identifier()])), 0..4),
        kinds in prop::collection::vec(prop::sample::select(CommitmentKind::ALL.to_vec()), 4),
        fields in prop::collection::vec(optional_text(), 8),
        flags in (any::<bool>(), any::<bool>(), any::<bool>()),
        rule in identifier(),
        references in prop::collection::vec(text(), 0..3),
        period in prop::option::of((prop::option::of(date()), prop::option::of(date()), -1i8..=1, required_text())),
        notes in prop::collection::vec((identifier(), text()), 0..2),
    ) -> Statement {
        let paragraphs: Vec<Paragraph> = paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, (text, number, kind, speaker))| Paragraph { id: format!("para_{}", i + 1), number, kind, text, speaker, source_span: None })
            .collect();
        let commitments = paragraphs
            .iter()
            .zip(&kinds)
            .map(|(p, &kind)| {
                let method = if flags.2 {
                    Method { codebook: fields[6].clone(), annotator: fields[7].clone(), ..Method::rule(rule.clone()) }
                } else {
                    Method { rule: fields[6].clone(), codebook: fields[7].clone(), ..Method::manual(rule.clone()) }
                };
                Commitment {
                    actor: fields[0].clone(),
                    actor_resolved: fields[1].clone(),
                    addressee: fields[2].clone(),
                    cue: fields[3].clone(),
                    intensifier: fields[4].clone(),
                    future_oriented: flags.0,
                    conditional: flags.1,
                    references: references.clone(),
                    assessments: period
                        .iter()
                        .map(|(start, end, score, assessor)| {
                            let (start, end) = match (*start, *end) {
                                (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                                other => other,
                            };
                            Assessment { score: *score, period_start: start, period_end: end, evidence: fields[5].clone(), assessor: assessor.clone() }
                        })
                        .collect(),
                    ..Commitment::new(format!("{}__cmt_1", p.id), p.id.clone(), Span::new(0, p.text.chars().count()), p.text.clone(), kind, method)
                }
            })
            .collect();
        let issued = match (issued, updated) {
            (Some(issued), Some(updated)) if !dates_in_order(issued, updated) => None,
            (issued, _) => issued,
        };
        Statement {
            id,
            title,
            kind,
            issuers: issuers.into_iter().map(|(name, kind, role)| Actor { name, kind, role }).collect(),
            places,
            issued,
            last_updated: updated,
            published,
            language: language.map(str::to_owned),
            reference,
            keywords,
            source: Source { attribution: source.0, url: source.1, via: source.2, retrieved: source.3 },
            fixity: fixity.map(|(bytes, size)| Fixity { size, ..Fixity::sha256(bytes.as_bytes()) }),
            source_text,
            paragraphs,
            commitments,
            notes: notes.into_iter().map(|(code, message)| Note { code, message, source_span: None }).collect(),
        }
    }
}

/// `statement` written in `format` and read back, through the facade.
fn through(format: Format, statement: &Statement) -> Result<Vec<Statement>, String> {
    let serializer = StatementSerializer::from_format(format);
    let parser = StatementParser::from_format(format);
    if matches!(format, Format::Csv | Format::Parquet) {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = serializer.for_dir(dir.path()).map_err(|e| e.to_string())?;
        writer.serialize_statement(statement).map_err(|e| format!("write: {e}"))?;
        let folder = writer.finish().map_err(|e| e.to_string())?;
        return parser.for_path(folder).unwrap().collect::<Result<_, _>>().map_err(|e| format!("read: {e}"));
    }
    let mut writer = serializer.for_writer(Vec::new());
    writer.serialize_statement(statement).map_err(|e| format!("write: {e}"))?;
    let bytes = writer.finish().map_err(|e| e.to_string())?;
    parser
        .for_reader(BufReader::new(bytes.as_slice()))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("read: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn valid_records_at_the_edges_survive_every_format(statement in statement()) {
        prop_assume!(statement.validate().is_ok(), "{:?}", statement.validate());
        for format in Format::ALL {
            if !format.is_writable() {
                continue;
            }
            let back = through(format, &statement);
            prop_assert_eq!(back, Ok(vec![statement.clone()]), "{}", format);
        }
    }
}
