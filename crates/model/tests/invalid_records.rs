//! Every kind of broken record is rejected, and the error names the JSON path at fault.

use communique_model::chrono::NaiveDate;
use communique_model::{ViolationKind, json};
use serde_json::{Value, json};

const REFERENCE: &str = include_str!("../../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json");

fn reference() -> Value {
    serde_json::from_str(REFERENCE).unwrap()
}

/// What rejecting a record should say.
enum Expect {
    /// Deserialisation fails at this JSONPath.
    Parse(&'static str),
    /// `validate()` reports this kind at this JSONPath.
    Invalid(ViolationKind, &'static str),
}

fn check(name: &str, edit: impl FnOnce(&mut Value), expect: Expect) {
    let mut record = reference();
    edit(&mut record);
    let text = serde_json::to_string_pretty(&record).unwrap();
    let parsed = json::from_str(&text);
    match expect {
        Expect::Parse(path) => {
            let error = parsed.expect_err(name);
            let position = error.position();
            assert_eq!(position.json_path(), Some(path), "{name}: {error}");
            assert!(
                position.line() > Some(0) && position.column() > Some(0),
                "{name}: no position in {error}"
            );
        }
        Expect::Invalid(kind, path) => {
            let statement = parsed.unwrap_or_else(|e| panic!("{name}: {e}"));
            let errors = statement.validate().expect_err(name);
            assert!(
                errors.violations.iter().any(|v| v.kind == kind && v.path == path),
                "{name}: expected {kind:?} at {path}, got:\n{errors}"
            );
            assert!(errors.to_string().contains(path), "{name}: message does not name {path}");
        }
    }
}

#[test]
fn the_reference_record_is_valid() {
    json::from_str(REFERENCE).unwrap().validate().unwrap();
}

#[test]
fn malformed_dates_are_rejected_where_they_stand() {
    check("not ISO", |r| r["issued"] = json!("16 Feb. 2022"), Expect::Parse("$.issued"));
    check("no such day", |r| r["issued"] = json!("2022-02-30"), Expect::Parse("$.issued"));
    check("no such hour", |r| r["last_updated"] = json!("2022-02-16T25:00"), Expect::Parse("$.last_updated"));
    check(
        "retrieved on 31 April",
        |r| r["source"]["retrieved"] = json!("2024-04-31"),
        Expect::Parse("$.source.retrieved"),
    );
    check(
        "updated before issued",
        |r| r["last_updated"] = json!("2022-02-15T10:00"),
        Expect::Invalid(ViolationKind::DateOrder, "$.last_updated"),
    );
}

#[test]
fn years_outside_0001_to_9999_are_rejected_where_they_stand() {
    let out = ViolationKind::DateOutOfRange;
    check("issued in year 0", |r| r["issued"] = json!("0000-02-16"), Expect::Invalid(out, "$.issued"));
    check(
        "updated in year 0",
        |r| {
            r["issued"] = Value::Null;
            r["last_updated"] = json!("0000-02-16T15:14");
        },
        Expect::Invalid(out, "$.last_updated"),
    );
    check(
        "published in year 0",
        |r| r["published"] = json!("0000-01-01T00:00Z"),
        Expect::Invalid(out, "$.published"),
    );
    check(
        "retrieved in year 0",
        |r| r["source"]["retrieved"] = json!("0000-12-31"),
        Expect::Invalid(out, "$.source.retrieved"),
    );
    for field in ["period_start", "period_end"] {
        check(
            field,
            |r| {
                r["commitments"][0]["assessments"] =
                    json!([{"score": 1, field: "0000-03-01", "assessor": "a"}]);
            },
            Expect::Invalid(
                out,
                if field == "period_start" {
                    "$.commitments[0].assessments[0].period_start"
                } else {
                    "$.commitments[0].assessments[0].period_end"
                },
            ),
        );
    }
    // Built in code, a date may lie outside what any format writes as YYYY-MM-DD.
    let mut statement = json::from_str(REFERENCE).unwrap();
    statement.issued = NaiveDate::from_ymd_opt(10_000, 1, 1);
    let errors = statement.validate().unwrap_err();
    assert!(errors.violations.iter().any(|v| v.kind == out && v.path == "$.issued"), "{errors}");
    // The edges are valid.
    for year in ["0001", "9999"] {
        let mut record = reference();
        record["issued"] = json!(format!("{year}-01-01"));
        record["last_updated"] = json!(format!("{year}-12-31T23:59"));
        json::from_str(&record.to_string()).unwrap().validate().unwrap();
    }
}

#[test]
fn a_paragraph_number_with_a_control_character_is_rejected() {
    check(
        "number with U+001F",
        |r| r["paragraphs"][0]["number"] = json!("1\u{1f}"),
        Expect::Invalid(ViolationKind::MalformedId, "$.paragraphs[0].number"),
    );
}

#[test]
fn a_fixity_size_no_signed_64_bit_integer_holds_is_rejected() {
    check(
        "size 2^63",
        |r| r["fixity"]["size"] = json!(9_223_372_036_854_775_808u64),
        Expect::Invalid(ViolationKind::SizeOutOfRange, "$.fixity.size"),
    );
}

#[test]
fn unknown_fields_and_values_are_rejected() {
    check("unknown top-level field", |r| r["colour"] = json!("blue"), Expect::Parse("$.colour"));
    check(
        "unknown nested field",
        |r| r["paragraphs"][2]["style"] = json!("bold"),
        Expect::Parse("$.paragraphs[2].style"),
    );
    check(
        "kind outside the codebook",
        |r| r["commitments"][0]["kind"] = json!("threat"),
        Expect::Parse("$.commitments[0].kind"),
    );
    check(
        "negative offset",
        |r| r["commitments"][4]["span"]["start"] = json!(-1),
        Expect::Parse("$.commitments[4].span.start"),
    );
}

#[test]
fn broken_references_and_spans_are_reported() {
    check(
        "dangling paragraph",
        |r| r["commitments"][2]["paragraph"] = json!("para_9"),
        Expect::Invalid(ViolationKind::DanglingReference, "$.commitments[2].paragraph"),
    );
    check(
        "span shifted off its quote",
        |r| {
            let start = r["commitments"][0]["span"]["start"].as_u64().unwrap();
            r["commitments"][0]["span"]["start"] = json!(start + 1);
        },
        Expect::Invalid(ViolationKind::SpanQuoteMismatch, "$.commitments[0].span"),
    );
    check(
        "span past the end",
        |r| r["commitments"][1]["span"]["end"] = json!(100_000),
        Expect::Invalid(ViolationKind::SpanOutOfRange, "$.commitments[1].span"),
    );
    check(
        "paragraph source span past the source text",
        |r| r["paragraphs"][4]["source_span"]["end"] = json!(1_000_000),
        Expect::Invalid(ViolationKind::SpanOutOfRange, "$.paragraphs[4].source_span"),
    );
}

#[test]
fn ids_digests_tags_and_texts_are_checked() {
    check(
        "duplicate paragraph id",
        |r| r["paragraphs"][1]["id"] = json!("para_1"),
        Expect::Invalid(ViolationKind::DuplicateId, "$.paragraphs[1].id"),
    );
    check(
        "commitment id equal to a paragraph id",
        |r| r["commitments"][3]["id"] = json!("para_2"),
        Expect::Invalid(ViolationKind::DuplicateId, "$.commitments[3].id"),
    );
    check(
        "eId with a space",
        |r| r["commitments"][3]["id"] = json!("cmt 4"),
        Expect::Invalid(ViolationKind::MalformedId, "$.commitments[3].id"),
    );
    check(
        "digest not hex",
        |r| r["fixity"]["digest"] = json!("XYZ"),
        Expect::Invalid(ViolationKind::MalformedDigest, "$.fixity.digest"),
    );
    check(
        "digest in capitals",
        |r| {
            let upper = r["fixity"]["digest"].as_str().unwrap().to_uppercase();
            r["fixity"]["digest"] = json!(upper);
        },
        Expect::Invalid(ViolationKind::MalformedDigest, "$.fixity.digest"),
    );
    check(
        "language tag",
        |r| r["language"] = json!("en_GB!"),
        Expect::Invalid(ViolationKind::MalformedLanguageTag, "$.language"),
    );
    check(
        "empty paragraph",
        |r| r["paragraphs"][3]["text"] = json!("  "),
        Expect::Invalid(ViolationKind::EmptyText, "$.paragraphs[3].text"),
    );
    check("empty id", |r| r["id"] = json!(""), Expect::Invalid(ViolationKind::EmptyText, "$.id"));
    check(
        "manual method without annotator",
        |r| {
            r["commitments"][5]["method"].as_object_mut().unwrap().remove("annotator");
        },
        Expect::Invalid(ViolationKind::IncompleteMethod, "$.commitments[5].method.annotator"),
    );
    check(
        "score of 2",
        |r| r["commitments"][0]["assessments"] = json!([{"score": 2, "assessor": "G7 Research Group"}]),
        Expect::Invalid(ViolationKind::ScoreOutOfRange, "$.commitments[0].assessments[0].score"),
    );
}

#[test]
fn every_violation_is_reported_at_once() {
    let mut record = reference();
    record["language"] = json!("??");
    record["paragraphs"][0]["text"] = json!("");
    record["commitments"][16]["paragraph"] = json!("nowhere");
    let statement = json::from_str(&record.to_string()).unwrap();
    let errors = statement.validate().unwrap_err();
    let paths: Vec<_> = errors.violations.iter().map(|v| v.path.as_str()).collect();
    // The empty paragraph also breaks the spans of its three commitments.
    assert_eq!(
        paths,
        [
            "$.language",
            "$.paragraphs[0].text",
            "$.commitments[0].span",
            "$.commitments[1].span",
            "$.commitments[2].span",
            "$.commitments[16].paragraph"
        ]
    );
}

#[test]
fn json_lines_errors_carry_the_line() {
    let good = json::to_string_line(&json::from_str(REFERENCE).unwrap());
    let input = format!(
        "{good}\n\n{{\"id\": \"x\", \"kind\": \"speech\", \"issued\": \"2022-13-01\"}}\n{good}\nnot json\n"
    );
    let results: Vec<_> = json::JsonLinesParser::default().for_reader(input.as_bytes()).collect();
    assert_eq!(results.len(), 4);
    assert!(results[0].is_ok() && results[2].is_ok());
    let syntax = |i: usize| match &results[i] {
        Err(json::JsonParseError::Syntax(error)) => error.clone(),
        other => panic!("record {i}: {other:?}"),
    };
    let bad_date = syntax(1);
    let at = bad_date.position();
    assert_eq!((at.line(), at.record(), at.json_path()), (Some(3), Some(2), Some("$.issued")));
    // The value spans columns 41 to 52; the parser reports the column just past it.
    assert_eq!(at.column(), Some(53), "{bad_date}");
    // Line 3 starts after the first record and its newline, and a blank line.
    assert_eq!(at.byte_offset(), Some(good.len() as u64 + 2 + 52), "{bad_date}");
    assert!(bad_date.message().contains("\"2022-13-01\""), "{bad_date}");
    let not_json = syntax(3);
    // "n" could start `null`; the "o" after it is where the text stops being JSON.
    let at = not_json.position();
    assert_eq!((at.line(), at.column(), at.record()), (Some(5), Some(2), Some(4)));
}

#[test]
fn invalid_utf8_is_located() {
    let mut bytes = b"{\"id\": \"a\",\n \"title\": \"caf".to_vec();
    bytes.extend_from_slice(&[0xC3, 0x28]);
    bytes.extend_from_slice(b"\", \"kind\": \"other\"}");
    let error = json::from_slice(&bytes).unwrap_err();
    let at = error.position();
    assert_eq!((at.line(), at.column(), at.byte_offset()), (Some(2), Some(15), Some(26)));
    assert!(error.message().contains("byte offset 26"), "{error}");
}

#[test]
fn an_update_the_evening_before_in_a_western_zone_is_not_before_the_issue_date() {
    // A White House release dated 2022-04-18 was last modified 2022-04-17 23:20 −04:00,
    // that is 03:20 UTC on the 18th: the same day somewhere on earth.
    let mut record = reference();
    record["last_updated"] = json!("2022-02-15T23:20-04:00");
    json::from_str(&record.to_string()).unwrap().validate().unwrap();
    // 2022-02-16 begins at the earliest at 2022-02-15T10:00Z (00:00 at UTC+14).
    record["last_updated"] = json!("2022-02-15T10:00Z");
    json::from_str(&record.to_string()).unwrap().validate().unwrap();
    record["last_updated"] = json!("2022-02-15T09:59Z");
    let errors = json::from_str(&record.to_string()).unwrap().validate().unwrap_err();
    assert_eq!(errors.violations[0].path, "$.last_updated");
    // A floating time is read in the same unnamed zone as the date.
    record["last_updated"] = json!("2022-02-15T23:59");
    assert!(json::from_str(&record.to_string()).unwrap().validate().is_err());
}

#[test]
fn identifiers_hold_no_control_characters() {
    check(
        "id with U+0001",
        |r| r["id"] = json!("nato\u{1}x"),
        Expect::Invalid(ViolationKind::MalformedId, "$.id"),
    );
    check(
        "rule with a tab",
        |r| {
            r["commitments"][0]["method"] =
                json!({"type": "rule", "rule": "en.demand\turge", "codebook": "1"})
        },
        Expect::Invalid(ViolationKind::MalformedId, "$.commitments[0].method.rule"),
    );
    check(
        "note code with U+FFFF",
        |r| r["notes"] = json!([{"code": "noise\u{FFFF}", "message": "m"}]),
        Expect::Invalid(ViolationKind::MalformedId, "$.notes[0].code"),
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(REFERENCE.as_bytes());
    assert_eq!(json::from_slice(&bytes).unwrap(), json::from_str(REFERENCE).unwrap());
}
