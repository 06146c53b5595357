//! How values become cells and back: RFC 4180 quoting, the `excel_safe` rule and
//! calendar dates.

use communique_model::chrono::{Datelike, NaiveDate};
use communique_model::{Timestamp, iso_date};

/// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection":
/// `=`, `+`, `-`, `@`, tab, carriage return), plus the apostrophe that the rule itself
/// adds, so that reading is unambiguous.
const NEUTRALISED: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The `excel_safe` rule: a text starting with one of `= + - @`, tab, carriage return or
/// an apostrophe gets one apostrophe put in front; any other text is unchanged. The
/// writer applies it while quoting ([`push_text`]); this is the reference it is tested
/// against.
#[cfg(test)]
fn excel_escape(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if text.starts_with(NEUTRALISED) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// True when the `excel_safe` rule puts an apostrophe before `text`: it starts with one
/// of `= + - @`, tab, carriage return or an apostrophe.
pub(crate) fn needs_excel_escape(text: &str) -> bool {
    text.starts_with(NEUTRALISED)
}

/// True when `bytes` hold a byte that makes a cell need quotes (RFC 4180 §2.6): the
/// delimiter `,`, the quote `"` or either byte of the CRLF line break.
///
/// Looks at 32 bytes at a time with comparisons the compiler turns into vector
/// instructions: a short cell is copied into a block padded with zeros first, and the
/// last block of a long one overlaps the block before it.
#[inline]
pub(crate) fn needs_quotes(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    fn any_special(block: &[u8; BLOCK]) -> bool {
        // A loop over a `u8` (rather than a fold over a `bool`) is what the compiler
        // turns into four vector comparisons a half-block.
        let mut found = 0u8;
        for &b in block {
            found |= u8::from((b == b',') | (b == b'"') | (b == b'\n') | (b == b'\r'));
        }
        found != 0
    }
    let Some(last) = bytes.last_chunk::<BLOCK>() else {
        let mut block = [0; BLOCK];
        block[..bytes.len()].copy_from_slice(bytes);
        return any_special(&block);
    };
    let (blocks, _) = bytes.as_chunks::<BLOCK>();
    blocks.iter().any(any_special) || any_special(last)
}

/// Appends one cell of text to `out` as RFC 4180 writes it: as it is when it holds none
/// of `,` `"` CR LF, else between double quotes with each `"` doubled. With `apostrophe`
/// the cell is `'` followed by `text` (the `excel_safe` rule), quoted
/// by the same test, since `'` itself never needs quotes.
///
/// This is the quoting the `csv` crate writes with `QuoteStyle::Necessary` and a CRLF
/// terminator, for a record of two or more fields (a record of one empty field would be
/// written `""`; no table has a single column).
pub(crate) fn push_text(out: &mut Vec<u8>, text: &str, apostrophe: bool) {
    let bytes = text.as_bytes();
    if !needs_quotes(bytes) {
        if apostrophe {
            out.push(b'\'');
        }
        out.extend_from_slice(bytes);
        return;
    }
    out.reserve(bytes.len() + 4);
    out.push(b'"');
    if apostrophe {
        out.push(b'\'');
    }
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=at]);
        out.push(b'"');
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Appends the decimal digits of `value` (with a `-` when negative).
pub(crate) fn push_integer(out: &mut Vec<u8>, value: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Appends `date` as `YYYY-MM-DD`, the form [`format_date`] gives, or returns false and
/// appends nothing when the year has no four-digit form.
pub(crate) fn push_date(out: &mut Vec<u8>, date: NaiveDate) -> bool {
    if !has_four_digit_year(date) {
        return false;
    }
    out.extend_from_slice(iso_date(date).as_bytes());
    true
}

/// Appends `timestamp` as the model prints it (`YYYY-MM-DDTHH:MM[:SS[.f]][Z|±HH:MM]`,
/// [`Timestamp::to_iso`]), or returns false and appends nothing when the year has no
/// four-digit form.
pub(crate) fn push_timestamp(out: &mut Vec<u8>, timestamp: Timestamp) -> bool {
    if !has_four_digit_year(timestamp.date()) {
        return false;
    }
    out.extend_from_slice(timestamp.to_iso().as_bytes());
    true
}

/// Undoes the `excel_safe` rule: drops one leading apostrophe.
pub(crate) fn excel_unescape(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// True when the year of `date` has a four-digit form (0000 to 9999); a date without
/// one cannot be written so that CSVW, Frictionless and the reader agree on it.
pub(crate) fn has_four_digit_year(date: NaiveDate) -> bool {
    (0..=9999).contains(&date.year())
}

/// A date as `YYYY-MM-DD` by chrono's formatting, or `None` when the year has no
/// four-digit form: the reference [`push_date`] is tested against.
#[cfg(test)]
fn format_date(date: NaiveDate) -> Option<String> {
    has_four_digit_year(date).then(|| date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn excel_rule_round_trips() {
        for (text, cell) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'quoted'", "''quoted'"),
            ("plain", "plain"),
            ("", ""),
            ("a=b", "a=b"),
            ("Мир 🕊", "Мир 🕊"),
        ] {
            assert_eq!(excel_escape(text), cell, "{text:?}");
            assert_eq!(excel_unescape(cell), text, "{cell:?}");
        }
    }

    /// The cells `push_text` writes, against the `csv` crate writing the same record
    /// with the writer's settings before this encoder replaced it.
    #[test]
    fn text_cells_are_quoted_as_the_csv_crate_quotes_them() {
        let texts = [
            "",
            "plain",
            "a,b",
            "say \"yes\"",
            "\"",
            "\"\"",
            "line\nbreak",
            "cr\ronly",
            "crlf\r\n",
            "'apostrophe'",
            "tab\there",
            "Мир 🕊, мир",
            "=SUM(A1)",
            "-1",
            "a long text without any special byte at all, well, one comma",
            "a long text without any special byte at all and no comma either.",
            "sixteen bytes!!!\"",
            "0123456789abcdef0123456789abcde\n",
        ];
        for excel_safe in [false, true] {
            let mut expected = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .quote_style(csv::QuoteStyle::Necessary)
                .from_writer(Vec::new());
            let mut ours = Vec::new();
            for text in texts {
                let escaped = if excel_safe { excel_escape(text) } else { Cow::Borrowed(text) };
                expected.write_record([escaped.as_bytes(), b"x"]).unwrap();
                push_text(&mut ours, text, excel_safe && needs_excel_escape(text));
                ours.extend_from_slice(b",x\r\n");
            }
            let expected = expected.into_inner().unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(expected).unwrap());
        }
    }

    #[test]
    fn integers_and_dates_as_digits() {
        let mut out = Vec::new();
        for value in [0, 7, -1, 10, 1234567890, i128::from(u64::MAX), i128::from(i64::MIN)] {
            out.clear();
            push_integer(&mut out, value);
            assert_eq!(out, value.to_string().as_bytes());
        }
        for (y, m, d, text) in [
            (2022, 2, 16, "2022-02-16"),
            (7, 12, 1, "0007-12-01"),
            (9999, 12, 31, "9999-12-31"),
            (0, 1, 1, "0000-01-01"),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            out.clear();
            assert!(push_date(&mut out, date));
            assert_eq!(out, text.as_bytes());
            assert_eq!(format_date(date).as_deref(), Some(text));
        }
        for year in [-1, -44, 10000] {
            out.clear();
            assert!(!push_date(&mut out, NaiveDate::from_ymd_opt(year, 3, 15).unwrap()));
            assert!(out.is_empty());
        }
    }

    /// The byte scan against a test of every byte, for each special byte at each
    /// position of texts long and short (blocks, padded and overlapping tails).
    #[test]
    fn quoting_test_finds_every_special_byte() {
        for len in 0..100 {
            let plain = "é".repeat(len / 2) + &"x".repeat(len % 2);
            assert!(!needs_quotes(plain.as_bytes()), "{len}");
            for at in 0..len {
                for special in [b',', b'"', b'\n', b'\r'] {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = special;
                    assert!(needs_quotes(&bytes), "{len} {at} {special}");
                }
            }
        }
    }

    #[test]
    fn timestamps_only_with_four_digit_years() {
        let mut out = Vec::new();
        let timestamp: Timestamp = "2014-05-02T20:40:09.25-04:00".parse().unwrap();
        assert!(push_timestamp(&mut out, timestamp));
        assert_eq!(out, b"2014-05-02T20:40:09.25-04:00");
        for year in [-1, 10000] {
            let timestamp = Timestamp::from_ymd_hm(year, 1, 1, 0, 0).unwrap();
            out.clear();
            assert!(!push_timestamp(&mut out, timestamp));
            assert!(out.is_empty());
        }
    }

    #[test]
    fn dates() {
        let date = NaiveDate::from_ymd_opt(2022, 2, 16).unwrap();
        assert_eq!(format_date(date).as_deref(), Some("2022-02-16"));
        // The reader parses dates with the model's parser, which writes them this way.
        assert_eq!(communique_model::parse_iso_date("2022-02-16"), Ok(date));
        assert_eq!(format_date(NaiveDate::from_ymd_opt(-44, 3, 15).unwrap()), None);
    }
}
