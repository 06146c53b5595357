//! Hostile input: never a panic, never an invalid record.

use communique_text::{IngestError, IngestOptions, ingest};
use proptest::prelude::*;

fn plain() -> IngestOptions {
    IngestOptions { format: Some(communique_text::InputFormat::PlainText), ..IngestOptions::default() }
}

#[test]
fn empty_text_is_an_error() {
    assert!(matches!(ingest(b"", &plain()), Err(IngestError::Empty)));
    assert!(matches!(ingest(b" \n\t\r\n ", &plain()), Err(IngestError::Empty)));
}

#[test]
fn only_noise_is_an_error() {
    let text =
        "Share this :\n\nForward to your friends\n\n[ Go to Index ]  [ Go to Homepage ]\n\nRelated Posts\n";
    match ingest(text.as_bytes(), &plain()) {
        Err(IngestError::NoBody { lines }) => assert_eq!(lines, 4),
        other => panic!("expected NoBody, got {other:?}"),
    }
}

#[test]
fn invalid_utf8_names_the_offset() {
    let mut bytes = b"We urge calm.\n".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b" more");
    let error = ingest(&bytes, &plain()).unwrap_err();
    assert!(matches!(error, IngestError::InvalidUtf8 { offset: 14 }));
    assert_eq!(error.to_string(), "invalid UTF-8 at byte offset 14");
}

#[test]
fn five_megabyte_single_line() {
    let sentence = "We urge all parties to act with restraint and we remain committed to dialogue, ";
    let line = sentence.repeat(5 * 1024 * 1024 / sentence.len());
    let statement = ingest(line.as_bytes(), &plain()).expect("one long paragraph");
    statement.validate().expect("valid");
    assert_eq!(statement.paragraphs.len(), 1);
    assert_eq!(statement.fixity.as_ref().map(|f| f.size), Some(line.len() as u64));
}

#[test]
fn a_hundred_thousand_blank_lines() {
    let sentence = "We stand with the people of Ukraine in this dark hour.";
    let text = format!("{}{sentence}{}", "\n".repeat(100_000), "\r\n".repeat(100_000));
    let statement = ingest(text.as_bytes(), &plain()).expect("one paragraph");
    assert_eq!(statement.paragraphs.len(), 1);
    assert_eq!(statement.paragraphs[0].text, sentence);
    let span = statement.paragraphs[0].source_span.unwrap();
    assert_eq!((span.start, span.end), (100_000, 100_000 + sentence.len()));
    assert_eq!(statement.commitments.len(), 1);
    assert_eq!(statement.commitments[0].kind.as_str(), "solidarity");
}

#[test]
fn nul_and_control_characters() {
    let text = "Title\u{0}\n\nWe \u{7}condemn\u{0} the attack.\u{1b}[0m\n\n\u{0}\u{1}\u{2}\n";
    let statement = ingest(text.as_bytes(), &plain()).expect("a statement");
    statement.validate().expect("valid");
    assert_eq!(statement.source_text.as_deref(), Some(text), "source text is verbatim");
    let body = statement.paragraphs.iter().find(|p| p.text.contains("condemn")).expect("body");
    assert!(!body.text.chars().any(|c| c.is_control()), "{:?}", body.text);
    assert!(statement.notes.iter().any(|n| n.code == "text.control_characters"));
}

#[test]
fn a_body_of_only_bullets() {
    let text = "• support Ukraine;\n• strengthen deterrence;\n• condemn the attack.\n";
    let statement = ingest(text.as_bytes(), &plain()).expect("list items");
    assert_eq!(statement.paragraphs.len(), 3);
    assert!(statement.paragraphs.iter().all(|p| p.kind.as_str() == "list_item"));
    assert_eq!(statement.paragraphs[2].text, "condemn the attack.");
    statement.validate().expect("valid");
}

#[test]
fn ambiguous_numeric_date_is_noted() {
    let text = "11/02/2016\n\nLes ministres condamnent fermement cette attaque et appellent toutes les parties au calme.\n";
    let statement = ingest(text.as_bytes(), &plain()).expect("statement");
    assert_eq!(statement.language.as_deref(), Some("fr"));
    assert_eq!(statement.issued.map(|d| d.to_string()).as_deref(), Some("2016-02-11"));
    assert!(statement.notes.iter().any(|n| n.code == "date.ambiguous" && n.message.contains("2016-11-02")));
}

#[test]
fn caller_overrides() {
    let options = IngestOptions {
        language: Some("en-GB".into()),
        id: Some("my-id".into()),
        source_url: Some("https://www.nato.int/".into()),
        ..plain()
    };
    let statement = ingest(b"We welcome the agreement.", &options).unwrap();
    assert_eq!(statement.id, "my-id");
    assert_eq!(statement.language.as_deref(), Some("en-GB"));
    assert_eq!(statement.source.url.as_deref(), Some("https://www.nato.int/"));
    assert_eq!(statement.commitments[0].kind.as_str(), "support");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn valid_statement_or_error_never_a_panic(text in "(?s)[\\PC\\n\\r\\t\u{0}•:.\"“”0-9/ -]{0,400}") {
        if let Ok(statement) = ingest(text.as_bytes(), &plain()) {
            prop_assert!(statement.validate().is_ok());
        }
    }

    #[test]
    fn statement_like_text_never_panics(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("Brussels, 16 Feb. 2022 – last updated: 16 Feb. 2022 15:14".to_owned()),
                Just("• Press Release (2007) 013".to_owned()),
                Just("We urge Russia to withdraw.".to_owned()),
                Just("1. We, the Leaders, met.".to_owned()),
                Just("Share this :".to_owned()),
                Just(String::new()),
                "[A-Za-z ,.:;]{0,80}",
            ],
            0..30,
        )
    ) {
        let text = lines.join("\n");
        if let Ok(statement) = ingest(text.as_bytes(), &plain()) {
            prop_assert!(statement.validate().is_ok());
        }
    }
}

#[test]
fn a_page_break_separates_sentences_and_paragraphs() {
    // FORM FEED and VERTICAL TAB between two sentences, as a printed page gives them.
    let text = "We condemn the attack on the convoy.\u{c}We call on all parties to protect aid workers.\u{b}We stand ready to help.";
    let statement = ingest(text.as_bytes(), &plain()).expect("three paragraphs");
    let texts: Vec<&str> = statement.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "We condemn the attack on the convoy.",
            "We call on all parties to protect aid workers.",
            "We stand ready to help."
        ]
    );
    let sentences = communique_text::sentences("We met.\u{c}We agreed.");
    assert_eq!(sentences.len(), 2);
}

#[test]
fn a_byte_order_mark_before_front_matter_is_skipped() {
    let text = "\u{feff}---\ntitle: \"Joint Statement on\\_AUKUS\"\ndate: '2023-03-13'\nsource_url: https://www.whitehouse.gov/briefing-room/statements-releases/2023/03/13/aukus/\n---\nToday we announce our pathway.\n";
    let statement = ingest(text.as_bytes(), &IngestOptions::default()).expect("Markdown with front matter");
    assert_eq!(statement.title.as_deref(), Some("Joint Statement on\u{a0}AUKUS"));
    assert_eq!(statement.issued.map(|d| d.to_string()).as_deref(), Some("2023-03-13"));
    assert_eq!(statement.paragraphs.len(), 1);
    assert_eq!(statement.paragraphs[0].text, "Today we announce our pathway.");
    assert_eq!(statement.source_text.as_deref(), Some(text), "the verbatim text keeps the mark");
    // In plain text, the mark is no part of the first line (the title).
    let text = "\u{feff}Statement on the ceasefire\n\nWe welcome the ceasefire agreed in Doha and urge all parties to respect it fully.\n";
    let statement = ingest(text.as_bytes(), &plain()).expect("plain text");
    assert_eq!(statement.title.as_deref(), Some("Statement on the ceasefire"));
}

#[test]
fn a_title_keeps_every_character() {
    // A word joiner in "COVID-⁠19" and a no-break space stay in the title.
    let text = "FACT SHEET: Plan to Defeat the COVID-\u{2060}19\u{a0}Pandemic\n\nToday the leaders agreed on a plan to end the pandemic and to prepare for the next one.\n";
    let statement = ingest(text.as_bytes(), &plain()).expect("plain text");
    assert_eq!(
        statement.title.as_deref(),
        Some("FACT SHEET: Plan to Defeat the COVID-\u{2060}19\u{a0}Pandemic")
    );
}

#[test]
fn short_statements_are_coded_in_an_assumed_language() {
    // Too short for the trigram detector: the stop words decide, and a note says so.
    let text = "We urge calm in Gaza.";
    let statement = ingest(text.as_bytes(), &plain()).expect("one paragraph");
    assert_eq!(statement.language.as_deref(), Some("en"));
    let note = statement.notes.iter().find(|n| n.code == "language.assumed").expect("a language note");
    assert!(note.message.contains("English"), "{}", note.message);
}

#[test]
fn a_page_of_fifty_thousand_menu_lines() {
    // Short lines by the thousand around one statement (every stage is linear, so this
    // takes as long as any text of its size).
    let menu: String = (0..25_000).map(|i| format!("Menu item {i}\n")).collect();
    let text = format!(
        "{menu}\nStatement on the ceasefire\n\nWe welcome the ceasefire agreed in Doha and urge all parties to respect it fully and without delay.\n\n{menu}"
    );
    let statement = ingest(text.as_bytes(), &plain()).expect("a statement");
    assert_eq!(statement.paragraphs.len(), 1);
    assert_eq!(statement.title.as_deref(), Some("Statement on the ceasefire"));
}
