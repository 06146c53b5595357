//! Random valid statements survive the JSON and JSON Lines round trips; spans count code
//! points on real multi-byte text.

use communique_model::chrono::NaiveDate;
use communique_model::json::{self, JsonLinesParser, JsonLinesSerializer};
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, Fixity, Method, Note, Paragraph, ParagraphKind,
    Source, Span, Statement, StatementKind, Timestamp,
};
use proptest::prelude::*;

const REFERENCE: &str = include_str!("../../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json");

#[test]
fn reference_record_is_byte_identical_after_a_round_trip() {
    let statement = json::from_str(REFERENCE).unwrap();
    assert_eq!(json::to_string_pretty(&statement), REFERENCE);
}

#[test]
fn spans_count_code_points_in_curly_quotes_cyrillic_and_emoji() {
    // Worked out by hand: “ (U+201C) and ” are 1 code point / 3 bytes, each Cyrillic
    // letter 1 / 2, 🇺🇦 is two regional indicators (2 code points / 8 bytes), ✊ 1 / 3.
    let text = "“Слава Україні” 🇺🇦 — we stand with Ukraine ✊.";
    let statement = Statement::builder()
        .id("test")
        .body(text)
        .commitment("we stand with Ukraine ✊.", CommitmentKind::Solidarity, "stand with")
        .build()
        .unwrap();
    let commitment = &statement.commitments[0];
    // “(1) Слава(5) space(1) Україні(7) ”(1) space(1) 🇺🇦(2) space(1) —(1) space(1) = 21.
    assert_eq!(commitment.span, Span::new(21, 45));
    // Bytes: 3 + 10 + 1 + 14 + 3 + 1 + 8 + 1 + 3 + 1 = 45; the quote is 24 code points,
    // 23 of them ASCII and ✊ of 3 bytes: 26 bytes.
    assert_eq!(commitment.span.to_byte_range(text), Some(45..71));
    assert_eq!(Span::from_byte_range(text, 45..71), Some(commitment.span));
    assert_eq!(&text[45..71], commitment.quote);
    let back = json::from_str(&json::to_string_pretty(&statement)).unwrap();
    assert_eq!(back, statement);
}

fn text_strategy() -> impl Strategy<Value = String> {
    // Any Unicode scalar, weighted towards what statements hold.
    prop::collection::vec(
        prop_oneof![
            6 => "[a-zA-Z ,.;:]",
            1 => "[«»“”‘’—–…]",
            1 => "[а-яА-ЯіїєґІЇЄҐ]",
            1 => "[😀-🙏🇦-🇿✊]",
            1 => any::<char>().prop_map(String::from),
            1 => "[\t\r\n\"\\\\\u{0}\u{1f}]",
        ],
        1..60,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("non-blank", |t| !t.trim().is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text_strategy())
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn timestamp_strategy() -> impl Strategy<Value = Timestamp> {
    (date_strategy(), 0u32..24, 0u32..60, 0u32..60, prop::option::of(-12i32..=14), any::<bool>()).prop_map(
        |(date, h, m, s, offset, seconds)| {
            let text = format!(
                "{}T{h:02}:{m:02}{}{}",
                date.format("%Y-%m-%d"),
                if seconds { format!(":{s:02}") } else { String::new() },
                match offset {
                    None => String::new(),
                    Some(0) => "Z".into(),
                    Some(o) => format!("{}{:02}:00", if o < 0 { '-' } else { '+' }, o.abs()),
                }
            );
            text.parse().unwrap()
        },
    )
}

prop_compose! {
    fn paragraph_strategy()(number in prop::option::of("[0-9a-z]{1,3}"), kind in prop::sample::select(ParagraphKind::ALL.to_vec()), text in text_strategy()) -> (Option<String>, ParagraphKind, String) {
        (number, kind, text)
    }
}

prop_compose! {
    fn statement_strategy()(
        title in opt_text(),
        kind in prop::sample::select(StatementKind::ALL.to_vec()),
        issuers in prop::collection::vec((text_strategy(), prop::sample::select(ActorKind::ALL.to_vec()), opt_text()), 0..3),
        places in prop::collection::vec(text_strategy(), 0..3),
        issued in prop::option::of(date_strategy()),
        published in prop::option::of(timestamp_strategy()),
        language in prop::option::of(prop::sample::select(vec!["en", "fr", "de", "ru", "uk", "pt-BR", "zh-Hant-TW"])),
        reference in opt_text(),
        keywords in prop::collection::vec(text_strategy(), 0..3),
        url in opt_text(),
        retrieved in prop::option::of(date_strategy()),
        source_text in opt_text(),
        paragraphs in prop::collection::vec(paragraph_strategy(), 0..5),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<prop::sample::Index>(), prop::sample::select(CommitmentKind::ALL.to_vec()), any::<bool>(), any::<bool>(), opt_text(), prop::collection::vec(text_strategy(), 0..2), prop::option::of(-1i8..=1)), 0..6),
        notes in prop::collection::vec((("[a-z]{1,8}\\.[a-z]{1,8}"), text_strategy()), 0..3),
    ) -> Statement {
        let paragraphs: Vec<Paragraph> = paragraphs.into_iter().enumerate().map(|(i, (number, kind, text))| {
            let mut p = Paragraph::new(format!("para_{}", i + 1), kind, text);
            p.number = number;
            p
        }).collect();
        let mut commitments = Vec::new();
        if !paragraphs.is_empty() {
            for (n, (which, a, b, kind, future, conditional, actor, references, score)) in picks.into_iter().enumerate() {
                let paragraph = which.get(&paragraphs);
                let chars: Vec<char> = paragraph.text.chars().collect();
                let (x, y) = (a.index(chars.len()), b.index(chars.len()));
                let (start, end) = (x.min(y), x.max(y) + 1);
                let quote: String = chars[start..end].iter().collect();
                if quote.trim().is_empty() { continue; }
                let mut c = Commitment::new(format!("cmt_{n}"), paragraph.id.clone(), Span::new(start, end), quote, kind,
                    if n % 2 == 0 { Method::rule("en.test.rule") } else { Method::manual("a person") });
                c.future_oriented = future;
                c.conditional = conditional;
                c.actor = actor;
                c.references = references;
                if let Some(score) = score {
                    c.assessments.push(Assessment { score, period_start: issued, period_end: issued, evidence: None, assessor: "G7 Research Group".into() });
                }
                commitments.push(c);
            }
        }
        let fixity = source_text.as_ref().map(|t| Fixity::sha256(t.as_bytes()));
        let mut statement = Statement {
            id: String::new(),
            title,
            kind,
            issuers: issuers.into_iter().map(|(name, kind, role)| Actor { name, kind, role }).collect(),
            places,
            issued,
            last_updated: None,
            published,
            language: language.map(str::to_owned),
            reference,
            keywords,
            source: Source { attribution: None, url, via: None, retrieved },
            fixity,
            source_text,
            paragraphs,
            commitments,
            notes: notes.into_iter().map(|(code, message)| Note::new(code, message)).collect(),
        };
        statement.id = statement.derive_id();
        statement
    }
}

proptest! {
    #[test]
    fn random_valid_statements_round_trip(statement in statement_strategy()) {
        prop_assert!(statement.validate().is_ok(), "{:?}", statement.validate());
        let pretty = json::to_string_pretty(&statement);
        let back = json::from_str(&pretty).unwrap();
        prop_assert_eq!(&back, &statement);
        prop_assert_eq!(json::to_string_pretty(&back), pretty);
        let mut writer = JsonLinesSerializer::default().for_writer(Vec::new());
        writer.serialize_statement(&statement).unwrap();
        writer.serialize_statement(&statement).unwrap();
        let bytes = writer.finish().unwrap();
        let read: Vec<Statement> = JsonLinesParser::default().for_reader(bytes.as_slice()).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(read, vec![statement.clone(), statement]);
    }
}

#[test]
fn json_lines_skip_a_byte_order_mark_at_the_start() {
    let statement = json::from_str(REFERENCE).unwrap();
    let mut writer = JsonLinesSerializer::default().for_writer(Vec::new());
    writer.serialize_statement(&statement).unwrap();
    writer.serialize_statement(&statement).unwrap();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(writer.finish().unwrap());
    let back: Vec<_> =
        JsonLinesParser::default().for_reader(bytes.as_slice()).collect::<Result<_, _>>().unwrap();
    assert_eq!(back, [statement.clone(), statement]);
    // A mark on a blank first line is skipped too; one later is an error on its line.
    let back: Vec<_> =
        JsonLinesParser::default().for_reader("\u{feff}\n".as_bytes()).collect::<Result<_, _>>().unwrap();
    assert!(back.is_empty());
    let error = JsonLinesParser::default().for_reader("\n\u{feff}{}".as_bytes()).next().unwrap().unwrap_err();
    assert!(error.to_string().contains("line 2"), "{error}");
}
