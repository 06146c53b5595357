//! How values become cells and back: the `excel_safe` rule and calendar dates.

use communique_model::chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection":
/// `=`, `+`, `-`, `@`, tab, carriage return), plus the apostrophe that the rule itself
/// adds, so that reading is unambiguous.
const NEUTRALISED: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The `excel_safe` rule: a text starting with one of `= + - @`, tab, carriage return or
/// an apostrophe gets one apostrophe put in front; any other text is unchanged.
pub(crate) fn excel_escape(text: &str) -> Cow<'_, str> {
    if text.starts_with(NEUTRALISED) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// Undoes [`excel_escape`]: drops one leading apostrophe.
pub(crate) fn excel_unescape(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// A date as `YYYY-MM-DD`, or `None` when the year has no four-digit form (such a date
/// cannot be written so that CSVW, Frictionless and the reader agree on it).
pub(crate) fn format_date(date: NaiveDate) -> Option<String> {
    (0..=9999).contains(&date.year()).then(|| date.format("%Y-%m-%d").to_string())
}

/// Parses `YYYY-MM-DD` (ISO 8601 extended calendar date, four-digit year; the lexical
/// form of `xsd:date` without a time zone).
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(format!("{text:?} is not a date YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("{text:?} is not a day of the calendar"))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn dates() {
        let date = NaiveDate::from_ymd_opt(2022, 2, 16).unwrap();
        assert_eq!(format_date(date).as_deref(), Some("2022-02-16"));
        assert_eq!(parse_date("2022-02-16"), Ok(date));
        assert!(parse_date("2022-02-30").is_err());
        assert!(parse_date("2022-2-16").is_err());
        assert!(parse_date("20220216").is_err());
        assert_eq!(format_date(NaiveDate::from_ymd_opt(-44, 3, 15).unwrap()), None);
    }
}
