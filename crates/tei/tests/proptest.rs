//! Random records at the edges of every type round-trip exactly: texts with every
//! character XML makes hard (markup, CR, characters XML 1.0 cannot carry, white space at
//! the ends), empty strings beside absent values, every paragraph kind in any order (with a speaker
//! or none),
//! commitments whose spans lie on their text, overlap, or lie nowhere, and records that
//! `Statement::validate` would refuse. Printed numbers are TEI attribute values (`n`),
//! so they are drawn from the characters XML can carry.

use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, Fixity, Method, MethodKind, Note, Paragraph,
    ParagraphKind, Source, Span, Statement, StatementKind, Timestamp,
};
use communique_tei::{TeiParser, TeiSerializer};
use proptest::prelude::*;

/// Any character, with the hard ones drawn often.
fn hard_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => prop::sample::select(vec![
            '&', '<', '>', ']', '"', '\'', '\r', '\n', '\t', ' ', '\u{0}', '\u{1}', '\u{b}', '\u{c}', '\u{1f}',
            '\u{7f}', '\u{85}', '\u{2028}', '\u{fffe}', '\u{ffff}', '\u{fffd}', 'М', '🕊', ',', '(', ')', '#',
        ]),
        2 => prop::char::range('a', 'e'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(hard_char(), 0..24).prop_map(|chars| chars.into_iter().collect())
}

/// Text an attribute value can carry exactly (tab, LF and CR included).
fn attribute_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        s.chars()
            .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
            .collect()
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (date(), 0u32..24, 0u32..60, 0u32..60, 0usize..4, prop::option::of(-14i32..=14)).prop_map(
        |(date, hour, minute, second, precision, offset)| {
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
            format!("{}T{time}{offset}", date.format("%Y-%m-%d")).parse().unwrap()
        },
    )
}

fn actor() -> impl Strategy<Value = Actor> {
    (text(), prop::sample::select(ActorKind::ALL.to_vec()), prop::option::of(text()))
        .prop_map(|(name, kind, role)| Actor { name, kind, role })
}

/// A paragraph's kind, text, number, speaker (one of two, so that turns of several
/// paragraphs occur, or any text) and source span.
type ParagraphParts = (ParagraphKind, String, Option<String>, Option<String>, Option<(usize, usize)>);

fn paragraph() -> impl Strategy<Value = ParagraphParts> {
    (
        prop::sample::select(ParagraphKind::ALL.to_vec()),
        text(),
        prop::option::of(attribute_text()),
        prop::option::of(prop_oneof![Just("MS. JEAN-PIERRE".to_owned()), Just("Q".to_owned()), text()]),
        prop::option::of((0usize..50, 0usize..50)),
    )
}

fn method() -> impl Strategy<Value = Method> {
    (any::<bool>(), prop::option::of(text()), prop::option::of(text()), prop::option::of(text())).prop_map(
        |(manual, rule, codebook, annotator)| Method {
            kind: if manual { MethodKind::Manual } else { MethodKind::Rule },
            rule,
            codebook,
            annotator,
        },
    )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (-1i8..=1, prop::option::of(date()), prop::option::of(date()), prop::option::of(text()), text()).prop_map(
        |(score, period_start, period_end, evidence, assessor)| Assessment {
            score,
            period_start,
            period_end,
            evidence,
            assessor,
        },
    )
}

/// How a commitment is placed: on a span of a paragraph's text (which may overlap
/// another), or anywhere at all.
#[derive(Debug, Clone)]
enum Placement {
    OnText { paragraph: usize, start: usize, len: usize },
    Anywhere { paragraph: String, start: usize, end: usize, quote: String },
}

fn placement() -> impl Strategy<Value = Placement> {
    prop_oneof![
        3 => (0usize..6, 0usize..30, 0usize..30).prop_map(|(paragraph, start, len)| Placement::OnText { paragraph, start, len }),
        1 => (attribute_text(), 0usize..40, 0usize..40, text())
            .prop_map(|(paragraph, start, end, quote)| Placement::Anywhere { paragraph, start, end, quote }),
    ]
}

prop_compose! {
    fn commitment()(
        placement in placement(),
        id in prop_oneof![attribute_text(), Just(String::new())],
        kind in prop::sample::select(CommitmentKind::ALL.to_vec()),
        fields in prop::collection::vec(prop::option::of(text()), 5),
        flags in (any::<bool>(), any::<bool>()),
        references in prop::collection::vec(text(), 0..3),
        method in method(),
        assessments in prop::collection::vec(assessment(), 0..3),
    ) -> (Placement, Commitment) {
        let commitment = Commitment {
            id,
            paragraph: String::new(),
            span: Span::new(0, 0),
            quote: String::new(),
            kind,
            actor: fields[0].clone(),
            actor_resolved: fields[1].clone(),
            addressee: fields[2].clone(),
            cue: fields[3].clone(),
            intensifier: fields[4].clone(),
            future_oriented: flags.0,
            conditional: flags.1,
            references,
            method,
            assessments,
        };
        (placement, commitment)
    }
}

prop_compose! {
    fn statement()(
        id in text(),
        title in prop::option::of(text()),
        kind in prop::sample::select(StatementKind::ALL.to_vec()),
        issuers in prop::collection::vec(actor(), 0..4),
        places in prop::collection::vec(text(), 0..3),
        issued in prop::option::of(date()),
        last_updated in prop::option::of(timestamp()),
        published in prop::option::of(timestamp()),
        language in prop::option::of(attribute_text()),
        reference in prop::option::of(text()),
        keywords in prop::collection::vec(text(), 0..3),
        source in (prop::option::of(text()), prop::option::of(text()), prop::option::of(text()), prop::option::of(date())),
        fixity in prop::option::of((text(), any::<u64>())),
        source_text in prop::option::of(text()),
        paragraphs in prop::collection::vec(paragraph(), 0..6),
        numbered_ids in any::<bool>(),
        paragraph_ids in prop::collection::vec(attribute_text(), 6),
        commitments in prop::collection::vec(commitment(), 0..6),
        notes in prop::collection::vec((attribute_text(), text(), prop::option::of((0usize..60, 0usize..60))), 0..3),
    ) -> Statement {
        let paragraphs: Vec<Paragraph> = paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, (kind, text, number, speaker, source_span))| Paragraph {
                id: if numbered_ids { format!("para_{}", i + 1) } else { paragraph_ids[i].clone() },
                number,
                kind,
                text,
                speaker,
                source_span: source_span.map(|(start, end)| Span::new(start, end)),
            })
            .collect();
        let commitments = commitments
            .into_iter()
            .map(|(placement, mut commitment)| {
                match placement {
                    Placement::OnText { paragraph, start, len } if !paragraphs.is_empty() => {
                        let p = &paragraphs[paragraph % paragraphs.len()];
                        let chars = p.text.chars().count();
                        let start = start.min(chars);
                        let end = (start + len).min(chars);
                        commitment.paragraph = p.id.clone();
                        commitment.span = Span::new(start, end);
                        commitment.quote = commitment.span.slice(&p.text).unwrap().to_owned();
                    }
                    Placement::OnText { .. } => {}
                    Placement::Anywhere { paragraph, start, end, quote } => {
                        commitment.paragraph = paragraph;
                        commitment.span = Span::new(start, end);
                        commitment.quote = quote;
                    }
                }
                commitment
            })
            .collect();
        let (attribution, url, via, retrieved) = source;
        Statement {
            id,
            title,
            kind,
            issuers,
            places,
            issued,
            last_updated,
            published,
            language,
            reference,
            keywords,
            source: Source { attribution, url, via, retrieved },
            fixity: fixity.map(|(digest, size)| Fixity { digest, size, ..Fixity::sha256(b"") }),
            source_text,
            paragraphs,
            commitments,
            notes: notes
                .into_iter()
                .map(|(code, message, span)| Note { code, message, source_span: span.map(|(s, e)| Span::new(s, e)) })
                .collect(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_records_round_trip(statement in statement(), indent in 0usize..3) {
        let serializer = TeiSerializer::default().with_indent(indent);
        let document = serializer.prepare(&statement).unwrap();
        let back = TeiParser::default().parse_slice(document.as_bytes());
        prop_assert!(back.is_ok(), "{:?}\n{}", back, document.as_str());
        prop_assert_eq!(back.unwrap(), statement);
    }
}
