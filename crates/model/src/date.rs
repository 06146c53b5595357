//! ISO 8601 calendar dates (`YYYY-MM-DD`) with errors that say what is wrong.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer};
use std::borrow::Cow;

/// Parses `YYYY-MM-DD` (ISO 8601 extended calendar date, four-digit year).
///
/// # Errors
///
/// A message naming the text, for a wrong shape or a day that does not exist (2022-02-30).
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(format!("invalid date {text:?}: expected YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {text:?}: no such day in the calendar"))
}

pub(crate) fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
        None => serializer.serialize_none(),
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<Cow<'de, str>>::deserialize(deserializer)? {
        Some(text) => parse_iso_date(&text).map(Some).map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}
