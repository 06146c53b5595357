//! Date-times as a statement prints them: local time, an optional UTC offset, and the
//! precision that was printed.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// How much of the time of day the source printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TimePrecision {
    /// Hours and minutes (`15:14`).
    Minute,
    /// Hours, minutes and whole seconds (`15:14:09`).
    Second,
    /// Fractional seconds (`15:14:09.250`), as many digits as given (1 to 9; other
    /// counts are clamped to that range by [`Timestamp::new`]).
    Fraction(u8),
}

/// A local date-time as the source printed it, with the UTC offset only when the source
/// gives one.
///
/// A statement that says "last updated: 16 Feb. 2022 15:14" gives no time zone, and the
/// record must not invent one: the timestamp is then *floating* (`offset() == None`).
/// The ISO 8601 / RFC 3339 text form is `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`:
/// `2022-02-16T15:14`, `2014-05-02T20:40-04:00`, `2025-01-21T10:00:00Z`. A zero offset
/// keeps the form it was printed in ([`ZeroOffset`]): `Z`, `+00:00`, or `-00:00`, which
/// RFC 3339 §4.3 gives a meaning of its own (the time is UTC, the local offset unknown).
/// Dates and times that do not exist (2022-02-30, 24:01) are errors.
///
/// ```
/// use communique_model::Timestamp;
/// let t: Timestamp = "2014-05-02T20:40-04:00".parse().unwrap();
/// assert_eq!(t.offset().unwrap().local_minus_utc(), -4 * 3600);
/// assert_eq!(t.to_string(), "2014-05-02T20:40-04:00");
/// assert!("2022-02-30T10:00".parse::<Timestamp>().is_err());
/// let unknown: Timestamp = "2022-02-16T15:14-00:00".parse().unwrap();
/// assert_eq!(unknown.to_string(), "2022-02-16T15:14-00:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    local: NaiveDateTime,
    offset: Option<FixedOffset>,
    precision: TimePrecision,
    /// How a zero offset was printed (`Z` for any other offset, and for none).
    zero: ZeroOffset,
}

/// How a zero UTC offset is printed: the three forms RFC 3339 allows, which are not the
/// same statement (§4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ZeroOffset {
    /// `Z`: UTC.
    #[default]
    Z,
    /// `+00:00`: UTC, printed as an offset (the local time is UTC).
    Plus,
    /// `-00:00`: the time is UTC, the local offset is unknown.
    Minus,
}

impl Timestamp {
    /// A timestamp from its parts; seconds and nanoseconds of `local` beyond `precision`
    /// are dropped so the value always prints as it was given.
    #[must_use]
    pub fn new(local: NaiveDateTime, offset: Option<FixedOffset>, precision: TimePrecision) -> Self {
        let time = local.time();
        let precision = match precision {
            TimePrecision::Fraction(digits) => TimePrecision::Fraction(digits.clamp(1, 9)),
            other => other,
        };
        let time = match precision {
            TimePrecision::Minute => NaiveTime::from_hms_opt(time.hour(), time.minute(), 0),
            TimePrecision::Second => NaiveTime::from_hms_opt(time.hour(), time.minute(), time.second()),
            TimePrecision::Fraction(digits) => {
                // Keep only the printed digits (nanoseconds of a leap second included).
                let unit = 10u32.pow(9 - u32::from(digits));
                NaiveTime::from_hms_nano_opt(
                    time.hour(),
                    time.minute(),
                    time.second(),
                    time.nanosecond() / unit * unit,
                )
            }
        }
        .unwrap_or(time);
        Self { local: local.date().and_time(time), offset, precision, zero: ZeroOffset::Z }
    }

    /// A floating (no offset) timestamp to the minute, the commonest printed form.
    ///
    /// Returns `None` when the date or time does not exist.
    #[must_use]
    pub fn from_ymd_hm(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Option<Self> {
        let local = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, 0)?;
        Some(Self::new(local, None, TimePrecision::Minute))
    }

    /// The same instant with a UTC offset attached (or removed with `None`); a zero
    /// offset is printed `Z` (see [`Timestamp::with_zero_offset`]).
    #[must_use]
    pub fn with_offset(mut self, offset: Option<FixedOffset>) -> Self {
        self.offset = offset;
        self.zero = ZeroOffset::Z;
        self
    }

    /// A zero UTC offset in the form `form` (`Z`, `+00:00` or `-00:00`); a timestamp
    /// without a zero offset is returned unchanged.
    #[must_use]
    pub fn with_zero_offset(mut self, form: ZeroOffset) -> Self {
        if self.zero_offset().is_some() {
            self.zero = form;
        }
        self
    }

    /// The form of a zero UTC offset as printed, `None` when the offset is not zero or
    /// there is none.
    #[must_use]
    pub fn zero_offset(&self) -> Option<ZeroOffset> {
        (self.offset?.local_minus_utc() == 0).then_some(self.zero)
    }

    /// Local date and time as printed.
    #[must_use]
    pub fn local(&self) -> NaiveDateTime {
        self.local
    }

    /// Local calendar date as printed.
    #[must_use]
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// UTC offset, when the source gives one.
    #[must_use]
    pub fn offset(&self) -> Option<FixedOffset> {
        self.offset
    }

    /// Printed precision of the time of day.
    #[must_use]
    pub fn precision(&self) -> TimePrecision {
        self.precision
    }
}

/// Error for a text that is not an ISO 8601 timestamp of the accepted form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid timestamp {text:?}: {reason} (expected YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM])")]
pub struct TimestampError {
    text: String,
    reason: &'static str,
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |reason| TimestampError { text: text.to_owned(), reason };
        let bytes = text.as_bytes();
        if bytes.len() < 16 || bytes[10] != b'T' {
            return Err(fail("too short or no 'T' between date and time"));
        }
        let date =
            NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").map_err(|_| fail("no such calendar date"))?;
        if !text[..10]
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        {
            return Err(fail("date is not YYYY-MM-DD"));
        }
        let digits = |range: std::ops::Range<usize>| -> Result<u32, TimestampError> {
            let part = text.get(range).ok_or_else(|| fail("truncated time"))?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| fail("bad number"))
            } else {
                Err(fail("time is not HH:MM[:SS]"))
            }
        };
        let hour = digits(11..13)?;
        if bytes[13] != b':' {
            return Err(fail("time is not HH:MM[:SS]"));
        }
        let minute = digits(14..16)?;
        let mut rest = 16;
        let mut second = 0;
        let mut nanos = 0;
        let mut precision = TimePrecision::Minute;
        if bytes.get(rest) == Some(&b':') {
            second = digits(17..19)?;
            rest = 19;
            precision = TimePrecision::Second;
            if bytes.get(rest) == Some(&b'.') {
                let count = bytes[rest + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if count == 0 || count > 9 {
                    return Err(fail("fraction of a second needs 1 to 9 digits"));
                }
                let fraction = digits(rest + 1..rest + 1 + count)?;
                nanos = fraction * 10u32.pow(9 - count as u32);
                precision = TimePrecision::Fraction(count as u8);
                rest += 1 + count;
            }
        }
        let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
            .filter(|_| second < 60)
            .ok_or_else(|| fail("no such time of day"))?;
        let zero = match &text[rest..] {
            "+00:00" => ZeroOffset::Plus,
            "-00:00" => ZeroOffset::Minus,
            _ => ZeroOffset::Z,
        };
        let offset = match &text[rest..] {
            "" => None,
            "Z" => Some(FixedOffset::east_opt(0).expect("zero offset")),
            zone => {
                let zb = zone.as_bytes();
                if zb.len() != 6 || !(zb[0] == b'+' || zb[0] == b'-') || zb[3] != b':' {
                    return Err(fail("offset is not Z or ±HH:MM"));
                }
                let h = digits(rest + 1..rest + 3)?;
                let m = digits(rest + 4..rest + 6)?;
                if h > 23 || m > 59 {
                    return Err(fail("offset out of range"));
                }
                let seconds = (h * 3600 + m * 60) as i32;
                let seconds = if zb[0] == b'-' { -seconds } else { seconds };
                Some(FixedOffset::east_opt(seconds).ok_or_else(|| fail("offset out of range"))?)
            }
        };
        Ok(Self { local: date.and_time(time), offset, precision, zero })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Regular expression the JSON Schema gives for [`Timestamp`] (calendar validity is
/// checked by the parser, not by the pattern).
pub const TIMESTAMP_PATTERN: &str =
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$";

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Local date-time as printed, ISO 8601, with the UTC offset only where the source gives one (no invented time zone): 2022-02-16T15:14, 2014-05-02T20:40-04:00.",
            "pattern": TIMESTAMP_PATTERN,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let t: Timestamp = text.parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.to_string(), text);
    }

    #[test]
    fn prints_what_it_parsed() {
        check("2022-02-16T15:14");
        check("2014-05-02T20:40-04:00");
        check("2025-01-21T10:00:00Z");
        check("2023-05-20T09:30:15+09:00");
        check("2023-05-20T09:30:15.250+05:30");
        check("2023-05-20T09:30+00:00");
        check("2023-05-20T09:30-00:00");
        check("2023-05-20T09:30:15Z");
    }

    #[test]
    fn zero_offsets_keep_their_form() {
        let at = |text: &str| text.parse::<Timestamp>().unwrap();
        assert_eq!(at("2023-05-20T09:30Z").zero_offset(), Some(ZeroOffset::Z));
        assert_eq!(at("2023-05-20T09:30+00:00").zero_offset(), Some(ZeroOffset::Plus));
        assert_eq!(at("2023-05-20T09:30-00:00").zero_offset(), Some(ZeroOffset::Minus));
        assert_eq!(at("2023-05-20T09:30+01:00").zero_offset(), None);
        assert_ne!(at("2023-05-20T09:30-00:00"), at("2023-05-20T09:30Z"));
        let z = at("2023-05-20T09:30Z");
        assert_eq!(z.with_zero_offset(ZeroOffset::Minus).to_string(), "2023-05-20T09:30-00:00");
        assert_eq!(
            at("2023-05-20T09:30").with_zero_offset(ZeroOffset::Minus).to_string(),
            "2023-05-20T09:30"
        );
    }

    #[test]
    fn rejects_what_does_not_exist() {
        for bad in [
            "2022-02-30T10:00",
            "2022-02-16T24:01",
            "2022-02-16T23:60",
            "2022-02-16 15:14",
            "2022-02-16",
            "2022-02-16T15:14+4",
            "2022-02-16T15:14:60",
            "2022-2-16T15:14:00",
            "2022-02-16T15:14+24:00",
            "2022-02-16T15:14:00.",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn built_values_print_and_parse_back_equal() {
        let local =
            NaiveDate::from_ymd_opt(2023, 5, 20).unwrap().and_hms_nano_opt(9, 30, 15, 123_456_789).unwrap();
        for (precision, text) in [
            (TimePrecision::Minute, "2023-05-20T09:30"),
            (TimePrecision::Second, "2023-05-20T09:30:15"),
            (TimePrecision::Fraction(3), "2023-05-20T09:30:15.123"),
            (TimePrecision::Fraction(0), "2023-05-20T09:30:15.1"),
            (TimePrecision::Fraction(12), "2023-05-20T09:30:15.123456789"),
        ] {
            let built = Timestamp::new(local, None, precision);
            assert_eq!(built.to_string(), text);
            assert_eq!(text.parse::<Timestamp>().unwrap(), built, "{text}");
        }
    }

    #[test]
    fn keeps_offset_and_precision() {
        let t: Timestamp = "2014-05-02T20:40-04:00".parse().unwrap();
        assert_eq!(t.offset().map(|o| o.local_minus_utc()), Some(-14_400));
        assert_eq!(t.precision(), TimePrecision::Minute);
        assert_eq!(t.date(), NaiveDate::from_ymd_opt(2014, 5, 2).unwrap());
        let floating: Timestamp = "2022-02-16T15:14".parse().unwrap();
        assert_eq!(floating.offset(), None);
    }
}
