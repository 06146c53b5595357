//! ISO 8601 calendar dates (`YYYY-MM-DD`) with errors that say what is wrong.

use crate::Timestamp;
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

/// The rule "last updated is not before issued": false only when `last_updated`
/// certainly lies before the calendar day `issued`.
///
/// The issue date names no time zone, and none is invented: the day begins, at the
/// earliest, at 00:00 in UTC+14 (the easternmost zone in use), that is 10:00 UTC the day
/// before. A timestamp with a UTC offset is compared as an instant with that bound (a
/// release last edited at 23:20 −04:00 the evening before it is dated is not "before"
/// it); a floating timestamp, read in the same unnamed zone as the date, by its date.
/// [`Statement::validate`](crate::Statement::validate) reports a record that breaks it
/// as [`ViolationKind::DateOrder`](crate::ViolationKind::DateOrder) at `$.last_updated`.
///
/// ```
/// use communique_model::{Timestamp, chrono::NaiveDate, dates_in_order};
/// let issued = NaiveDate::from_ymd_opt(2022, 2, 16).unwrap();
/// let at = |text: &str| text.parse::<Timestamp>().unwrap();
/// assert!(dates_in_order(issued, at("2022-02-16T15:14")));
/// assert!(dates_in_order(issued, at("2022-02-15T23:20-04:00"))); // 03:20 UTC on the 16th
/// assert!(dates_in_order(issued, at("2022-02-15T10:00Z"))); // 00:00 on the 16th in UTC+14
/// assert!(!dates_in_order(issued, at("2022-02-15T09:59Z")));
/// assert!(!dates_in_order(issued, at("2022-02-15T23:59"))); // floating: read by its date
/// ```
#[must_use]
pub fn dates_in_order(issued: NaiveDate, last_updated: Timestamp) -> bool {
    match last_updated.offset() {
        None => last_updated.date() >= issued,
        Some(offset) => {
            let utc = last_updated.local() - chrono::Duration::seconds(i64::from(offset.local_minus_utc()));
            let earliest = issued.and_time(chrono::NaiveTime::MIN) - chrono::Duration::hours(14);
            utc >= earliest
        }
    }
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
