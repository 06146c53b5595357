//! The WARC reader against files written by `warcio`, the reference Python library
//! (`scripts/html-warc-fixtures.py fixtures` wrote `tests/data/warc/`), and against
//! hostile input.

use communique_html::ErrorKind;
use communique_html::warc::WarcReader;
use std::path::Path;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/warc").join(name)).unwrap()
}

/// What the fixture script put in: target URI, WARC-Date, charset, a phrase of the page.
const PAGES: [(&str, &str, Option<&str>, &str); 3] = [
    ("https://example.org/statement/1", "2026-01-05T09:00:01Z", Some("utf-8"), "We reaffirm our commitment."),
    ("https://example.de/erklaerung", "2026-01-05T09:00:02Z", Some("windows-1252"), "Außenminister"),
    ("https://example.fr/communique", "2026-01-05T09:00:04.250Z", Some("utf-8"), "Les ministres ont adopté"),
];

#[test]
fn reads_every_record_warcio_wrote() {
    for name in ["pages.warc.gz", "pages.warc"] {
        let records: Vec<_> = WarcReader::new(&data(name)[..]).collect::<Result<_, _>>().unwrap();
        let types: Vec<_> = records.iter().map(|r| r.record_type().unwrap()).collect();
        assert_eq!(types, ["warcinfo", "request", "response", "response", "response", "response"], "{name}");
        assert_eq!(records.iter().map(|r| r.number()).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
        assert_eq!(records[0].version(), "WARC/1.1");
        assert_eq!(records[0].block(), b"software: warcio\r\nformat: WARC File Format 1.1\r\n");
        assert_eq!(records[0].offset(), 0);
        assert!(records.windows(2).all(|w| w[0].offset() < w[1].offset()), "{name}: offsets increase");
        for record in &records {
            record.check_block_digest().unwrap();
        }
    }
}

#[test]
fn html_responses_with_digests_checked() {
    for name in ["pages.warc.gz", "pages.warc"] {
        let pages: Vec<_> =
            WarcReader::new(&data(name)[..]).html_responses().collect::<Result<_, _>>().unwrap();
        assert_eq!(pages.len(), 3, "{name}: the PNG response and the request are not pages");
        for (page, (uri, date, charset, phrase)) in pages.iter().zip(PAGES) {
            assert_eq!(page.target_uri, uri);
            assert_eq!(page.date.as_deref(), Some(date));
            assert_eq!(page.charset(), charset);
            assert_eq!(page.status, 200);
            let text = if charset == Some("windows-1252") {
                encoding_rs::WINDOWS_1252.decode(&page.payload).0.into_owned()
            } else {
                String::from_utf8(page.payload.clone()).unwrap()
            };
            assert!(text.contains(phrase), "{uri}: {text}");
        }
        // The third page was stored gzip-encoded and chunked: both codings are undone.
        assert!(pages[2].payload.starts_with(b"<!DOCTYPE html>"));
    }
}

#[test]
fn altered_payload_is_reported_with_record_and_offset() {
    let file = data("bad-digest.warc");
    let results: Vec<_> = WarcReader::new(&file[..]).html_responses().collect();
    assert_eq!(results.len(), 3);
    let error = results[0].as_ref().unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::DigestMismatch { field: "WARC-Payload-Digest", .. }),
        "{error}"
    );
    assert_eq!(error.record(), Some(3));
    // Records 1 and 2 take the bytes before record 3: it starts where "WARC/1.1" does
    // the third time.
    let third = file.windows(8).enumerate().filter(|(_, w)| w == b"WARC/1.1").nth(2).unwrap().0;
    assert_eq!(error.offset(), Some(third as u64));
    assert!(error.to_string().starts_with(&format!("WARC record 3 at byte {third}: WARC-Payload-Digest")));
    // The records after it are still read.
    assert!(results[1].is_ok() && results[2].is_ok());
}

#[test]
fn malformed_files_are_errors_with_positions() {
    // (input, record, offset): the second record of the last case starts after
    // 10 + 19 + 2 + 3 + 4 = 38 bytes (version line, field, empty line, block, CRLF CRLF).
    let cases: [(&[u8], u64, u64); 5] = [
        (b"HTTP/1.1 200 OK\r\n\r\n", 1, 0),
        (b"WARC/1.1\r\nWARC-Type: response\r\n\r\nabc", 1, 0),
        (b"WARC/1.1\r\nContent-Length: 10\r\n\r\nabc", 1, 0),
        (b"WARC/1.1\r\nContent-Length: 3\r\n\r\nabcXXXX", 1, 0),
        (b"WARC/1.1\r\nContent-Length: 3\r\n\r\nabc\r\n\r\nWARC/1.1\r\nContent-Length: x\r\n\r\n", 2, 38),
    ];
    for (input, record, offset) in cases {
        let error = WarcReader::new(input).find_map(Result::err).expect("an error");
        assert!(matches!(error.kind(), ErrorKind::Malformed(_)), "{error}");
        assert_eq!((error.record(), error.offset()), (Some(record), Some(offset)), "{error}");
    }
    let error = WarcReader::new(&b"\x1f\x8b\x08\x00garbage"[..]).next().unwrap().unwrap_err();
    assert!(error.to_string().contains("gzip member"), "{error}");
    let big = b"WARC/1.1\r\nContent-Length: 999999\r\n\r\n";
    let error = WarcReader::new(&big[..]).with_max_record_bytes(1000).next().unwrap().unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::TooLarge { limit: 1000 }));
}

proptest::proptest! {
    /// Any bytes, and any corruption of a real file, give records or errors, never a
    /// panic, and the iteration ends.
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
        for record in WarcReader::new(&bytes[..]).take(1000).flatten() {
            let _ = record.html_response();
        }
    }

    #[test]
    fn never_panics_on_corrupted_warcio_files(
        position in 0usize..3000,
        byte in proptest::num::u8::ANY,
        cut in 0usize..3200,
        gz in proptest::bool::ANY,
    ) {
        let mut file = data(if gz { "pages.warc.gz" } else { "pages.warc" });
        let position = position % file.len();
        file[position] = byte;
        file.truncate(cut.max(1).min(file.len()));
        let results: Vec<_> = WarcReader::new(&file[..]).take(100).collect();
        proptest::prop_assert!(results.len() < 100);
        for record in results.into_iter().flatten() {
            let _ = record.html_response();
        }
    }
}
