//! Random statements, valid or not, with any text in any field, survive
//! model → JSON-LD → model unchanged, and their JSON-LD is RDF oxjsonld accepts.

use communique_jsonld::{JsonLdParser, JsonLdSerializer, load_document};
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, DigestAlgorithm, Fixity, Method, MethodKind,
    Note, Paragraph, ParagraphKind, Source, Span, Statement, StatementKind, Timestamp,
};
use oxjsonld::{JsonLdParser as OxParser, JsonLdRemoteDocument};
use proptest::prelude::*;

/// Any text, weighted towards what breaks naive code: quotes, backslashes, control
/// characters, `#`, `/`, `%`, multi-byte letters, emoji and flags.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9 ,.;:]",
            1 => "[«»“”‘’—–…#/%?&<>\"\\\\]",
            1 => "[а-яА-ЯіїєґІЇЄҐ]",
            1 => "[😀-🙏🇦-🇿✊]",
            1 => "[\t\r\n\u{0}\u{1f}\u{7f}\u{2028}]",
            1 => any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("a calendar date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (date(), 0u32..24, 0u32..60, 0u32..60, 0u8..=9, prop::option::of(-23i32..=23), 0u32..60).prop_map(
        |(date, h, m, s, digits, offset, offset_minutes)| {
            let seconds = match digits {
                0 => String::new(),
                1 => format!(":{s:02}"),
                n => format!(":{s:02}.{}", "7".repeat(usize::from(n - 1))),
            };
            let zone = match offset {
                None => String::new(),
                Some(0) => "Z".into(),
                Some(o) => format!("{}{:02}:{offset_minutes:02}", if o < 0 { '-' } else { '+' }, o.abs()),
            };
            format!("{}T{h:02}:{m:02}{seconds}{zone}", date.format("%Y-%m-%d")).parse().unwrap()
        },
    )
}

fn span() -> impl Strategy<Value = Span> {
    (0usize..40, 0usize..40).prop_map(|(a, b)| Span::new(a, b))
}

prop_compose! {
    fn commitment()(
        id in text(), paragraph in text(), span in span(), quote in text(),
        kind in prop::sample::select(CommitmentKind::ALL.to_vec()),
        actor in opt_text(), actor_resolved in opt_text(), addressee in opt_text(), cue in opt_text(),
        intensifier in opt_text(), future_oriented in any::<bool>(), conditional in any::<bool>(),
        references in prop::collection::vec(text(), 0..3),
        method in (any::<bool>(), opt_text(), opt_text(), opt_text()),
        assessments in prop::collection::vec(
            (-1i8..=1, prop::option::of(date()), prop::option::of(date()), opt_text(), text()), 0..3),
    ) -> Commitment {
        Commitment {
            id, paragraph, span, quote, kind, actor, actor_resolved, addressee, cue, intensifier,
            future_oriented, conditional, references,
            method: Method {
                kind: if method.0 { MethodKind::Rule } else { MethodKind::Manual },
                rule: method.1, codebook: method.2, annotator: method.3,
            },
            assessments: assessments.into_iter().map(|(score, period_start, period_end, evidence, assessor)| {
                Assessment { score, period_start, period_end, evidence, assessor }
            }).collect(),
        }
    }
}

prop_compose! {
    fn statement()(
        id in text(), title in opt_text(), kind in prop::sample::select(StatementKind::ALL.to_vec()),
        issuers in prop::collection::vec((text(), prop::sample::select(ActorKind::ALL.to_vec()), opt_text()), 0..3),
        places in prop::collection::vec(text(), 0..3),
        issued in prop::option::of(date()),
        last_updated in prop::option::of(timestamp()), published in prop::option::of(timestamp()),
        language in opt_text(), reference in opt_text(), keywords in prop::collection::vec(text(), 0..3),
        source in (opt_text(), opt_text(), opt_text(), prop::option::of(date())),
        fixity in prop::option::of(("[0-9a-f]{64}", any::<u64>())),
        source_text in opt_text(),
        paragraphs in prop::collection::vec(
            (text(), opt_text(), prop::sample::select(ParagraphKind::ALL.to_vec()), text(), opt_text(), prop::option::of(span())), 0..4),
        commitments in prop::collection::vec(commitment(), 0..4),
        notes in prop::collection::vec((text(), text(), prop::option::of(span())), 0..3),
    ) -> Statement {
        Statement {
            id, title, kind,
            issuers: issuers.into_iter().map(|(name, kind, role)| Actor { name, kind, role }).collect(),
            places, issued, last_updated, published, language, reference, keywords,
            source: Source { attribution: source.0, url: source.1, via: source.2, retrieved: source.3 },
            fixity: fixity.map(|(digest, size)| Fixity { algorithm: DigestAlgorithm::Sha256, digest, size }),
            source_text,
            paragraphs: paragraphs.into_iter().map(|(id, number, kind, text, speaker, source_span)| {
                Paragraph { id, number, kind, text, speaker, source_span }
            }).collect(),
            commitments,
            notes: notes.into_iter().map(|(code, message, source_span)| Note { code, message, source_span }).collect(),
        }
    }
}

proptest! {
    #[test]
    fn any_statement_survives_the_round_trip(statements in prop::collection::vec(statement(), 1..3), embed in any::<bool>()) {
        let mut writer = JsonLdSerializer::default().with_embedded_context(embed).for_writer(Vec::new());
        for statement in &statements {
            writer.serialize_statement(statement).unwrap();
        }
        let document = writer.finish().unwrap();
        let read: Vec<Statement> = JsonLdParser::default()
            .for_reader(document.as_slice())
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&document)));
        prop_assert_eq!(&read, &statements);

        let quads = OxParser::new().for_reader(document.as_slice()).with_load_document_callback(|url, _| {
            Ok(JsonLdRemoteDocument { document: load_document(url)?.as_bytes().to_vec(), document_url: url.into() })
        });
        let mut count = 0;
        for quad in quads {
            quad.unwrap_or_else(|e| panic!("oxjsonld: {e}\n{}", String::from_utf8_lossy(&document)));
            count += 1;
        }
        prop_assert!(count >= 4 * statements.len(), "id, two types, record id, kind at least");
    }
}
