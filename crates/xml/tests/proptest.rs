//! Random texts, including every character XML makes hard, round trip exactly.

use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, Assessment, Commitment, CommitmentKind, Fixity, Method, Note, Paragraph, ParagraphKind, Source,
    Span, Statement, StatementKind, Timestamp,
};
use communique_xml::{XmlParser, XmlSerializer};
use proptest::prelude::*;

/// Any character, with the hard ones drawn often.
fn hard_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec![
            '&', '<', '>', ']', '"', '\'', '\r', '\n', '\t', ' ', '\u{0}', '\u{1}', '\u{b}', '\u{c}', '\u{1f}',
            '\u{7f}', '\u{85}', '\u{2028}', '\u{fffe}', '\u{ffff}', '\u{fffd}', 'М', '🕊',
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(hard_char(), 0..40).prop_map(|chars| chars.into_iter().collect())
}

/// Text XML can carry as an attribute value (tabs and line ends included).
fn attribute_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        s.chars()
            .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
            .collect()
    })
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (1u32..=12, 1u32..=28, 0u32..24, 0u32..60, 0u32..60, 0usize..4, prop::option::of(-14i32..=14)).prop_map(
        |(month, day, hour, minute, second, precision, offset)| {
            let time = match precision {
                0 => format!("{hour:02}:{minute:02}"),
                1 => format!("{hour:02}:{minute:02}:{second:02}"),
                2 => format!("{hour:02}:{minute:02}:{second:02}.5"),
                _ => format!("{hour:02}:{minute:02}:{second:02}.123456789"),
            };
            let offset = match offset {
                None => String::new(),
                Some(0) => "Z".into(),
                Some(h) => format!("{}{:02}:30", if h < 0 { '-' } else { '+' }, h.unsigned_abs().min(13)),
            };
            format!("2023-{month:02}-{day:02}T{time}{offset}").parse().unwrap()
        },
    )
}

prop_compose! {
    fn statement()(
        id in attribute_text(),
        title in prop::option::of(text()),
        kind in prop::sample::select(StatementKind::ALL.to_vec()),
        names in prop::collection::vec(text(), 0..3),
        language in prop::option::of(attribute_text()),
        keywords in prop::collection::vec(text(), 0..3),
        source_text in prop::option::of(text()),
        texts in prop::collection::vec((text(), prop::option::of(text()), prop::option::of(attribute_text())), 0..3),
        paragraph_kind in prop::sample::select(ParagraphKind::ALL.to_vec()),
        commitment_kind in prop::sample::select(CommitmentKind::ALL.to_vec()),
        fields in prop::collection::vec(prop::option::of(text()), 6),
        flags in (any::<bool>(), any::<bool>()),
        code in attribute_text(),
        message in text(),
        issued in prop::option::of(1u32..=28),
        updated in prop::option::of(timestamp()),
        published in prop::option::of(timestamp()),
        size in any::<u64>(),
    ) -> Statement {
        let paragraphs: Vec<Paragraph> = texts
            .iter()
            .enumerate()
            .map(|(i, (text, number, speaker))| Paragraph {
                id: format!("para_{}", i + 1),
                number: number.clone(),
                kind: paragraph_kind,
                text: text.clone(),
                speaker: speaker.clone(),
                source_span: Some(Span::new(i, i + text.chars().count())),
            })
            .collect();
        let commitments = paragraphs
            .iter()
            .map(|p| Commitment {
                actor: fields[0].clone(),
                actor_resolved: fields[1].clone(),
                addressee: fields[2].clone(),
                cue: fields[3].clone(),
                intensifier: fields[4].clone(),
                future_oriented: flags.0,
                conditional: flags.1,
                references: keywords.clone(),
                assessments: vec![Assessment {
                    score: -1,
                    period_start: NaiveDate::from_ymd_opt(2024, 1, 1),
                    period_end: None,
                    evidence: fields[5].clone(),
                    assessor: message.clone(),
                }],
                ..Commitment::new(
                    format!("{}__cmt_1", p.id),
                    p.id.clone(),
                    Span::new(0, p.text.chars().count()),
                    p.text.clone(),
                    commitment_kind,
                    Method { annotator: fields[5].clone(), ..Method::rule(code.clone()) },
                )
            })
            .collect();
        Statement {
            id,
            title,
            kind,
            issuers: names.into_iter().map(|name| Actor { role: fields[0].clone(), ..Actor::organization(name) }).collect(),
            places: keywords.clone(),
            issued: issued.and_then(|d| NaiveDate::from_ymd_opt(2022, 2, d)),
            last_updated: updated,
            published,
            language,
            reference: fields[1].clone(),
            keywords,
            source: Source { attribution: fields[2].clone(), url: fields[3].clone(), via: fields[4].clone(), retrieved: None },
            fixity: Some(Fixity { size, ..Fixity::sha256(message.as_bytes()) }),
            source_text,
            paragraphs,
            commitments,
            notes: vec![Note { code, message, source_span: Some(Span::new(1, 0)) }],
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_records_round_trip(statement in statement(), indent in 0usize..3) {
        let serializer = XmlSerializer::default().with_indent(indent);
        let xml = serializer.document_to_string(&statement).unwrap();
        let back = XmlParser::default().parse_document(xml.as_bytes());
        prop_assert!(back.is_ok(), "{:?}\n{}", back, xml);
        prop_assert_eq!(back.unwrap(), statement.clone());

        let mut writer = serializer.for_writer(Vec::new());
        writer.serialize_statement(&statement).unwrap();
        writer.serialize_statement(&statement).unwrap();
        let bytes = writer.finish().unwrap();
        let all: Vec<_> = XmlParser::default().for_reader(bytes.as_slice()).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(all, vec![statement.clone(), statement]);
    }
}
