//! Dates and timestamps in their ISO 8601 text, formatted on the stack.
//!
//! Exporters print a date or timestamp for most rows they write; chrono's format strings
//! cost thousands of instructions a call. [`iso_date`] and [`Timestamp::to_iso`] write
//! the same text digit by digit into an [`IsoText`], which needs no allocation.

use crate::{TimePrecision, Timestamp, ZeroOffset};
use chrono::{Datelike, NaiveDate, Timelike};
use std::fmt::{self, Write as _};
use std::ops::Deref;

/// The ISO 8601 text of a date or timestamp, held on the stack; dereferences to `str`.
///
/// ```
/// use communique_model::{Timestamp, iso_date};
/// let date = communique_model::chrono::NaiveDate::from_ymd_opt(2022, 2, 16).unwrap();
/// assert_eq!(&*iso_date(date), "2022-02-16");
/// let t: Timestamp = "2014-05-02T20:40:09.25-04:00".parse().unwrap();
/// assert_eq!(t.to_iso().as_str(), "2014-05-02T20:40:09.25-04:00");
/// ```
#[derive(Clone, Copy)]
pub struct IsoText {
    bytes: [u8; IsoText::CAPACITY],
    len: usize,
}

impl IsoText {
    /// Longest text held: a signed seven-character year, `-MM-DDTHH:MM:SS.` and nine
    /// fraction digits, and an offset `±HH:MM` make 38 bytes.
    const CAPACITY: usize = 48;

    fn new() -> Self {
        Self { bytes: [0; Self::CAPACITY], len: 0 }
    }

    fn push(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    /// Two decimal digits of `n` (below 100).
    fn two(&mut self, n: u32) {
        self.push(b'0' + (n / 10 % 10) as u8);
        self.push(b'0' + (n % 10) as u8);
    }

    /// `YYYY-MM-DD`; a year outside 0–9999 as chrono's `%Y` prints it (`+10000`, `-0044`).
    fn date(&mut self, date: NaiveDate) {
        let year = date.year();
        if (0..=9999).contains(&year) {
            let year = year.unsigned_abs();
            self.two(year / 100);
            self.two(year % 100);
        } else {
            write!(self, "{}", date.format("%Y")).expect("a year fits the buffer");
        }
        self.push(b'-');
        self.two(date.month());
        self.push(b'-');
        self.two(date.day());
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("digits, signs and separators are ASCII")
    }
}

impl Deref for IsoText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for IsoText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for IsoText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Write for IsoText {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        if end > Self::CAPACITY {
            return Err(fmt::Error);
        }
        self.bytes[self.len..end].copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `date` as ISO 8601 `YYYY-MM-DD` (what chrono's `%Y-%m-%d` prints: a year outside
/// 0–9999 gets a sign and at least four digits).
#[must_use]
pub fn iso_date(date: NaiveDate) -> IsoText {
    let mut text = IsoText::new();
    text.date(date);
    text
}

impl Timestamp {
    /// The timestamp's text, `YYYY-MM-DDTHH:MM[:SS[.f]][Z|±HH:MM]`, exactly what its
    /// `Display` prints (which uses this), without allocating.
    #[must_use]
    pub fn to_iso(&self) -> IsoText {
        let local = self.local();
        let mut text = IsoText::new();
        text.date(local.date());
        text.push(b'T');
        text.two(local.hour());
        text.push(b':');
        text.two(local.minute());
        match self.precision() {
            TimePrecision::Minute => {}
            TimePrecision::Second => {
                text.push(b':');
                text.two(local.second());
            }
            TimePrecision::Fraction(digits) => {
                text.push(b':');
                text.two(local.second());
                text.push(b'.');
                // The first `digits` of the nanoseconds padded to nine digits (ten in a
                // leap second, whose nanoseconds pass 10^9).
                let mut nanos = local.nanosecond();
                let mut padded = [b'0'; 10];
                let width = if nanos >= 1_000_000_000 { 10 } else { 9 };
                for digit in padded[..width].iter_mut().rev() {
                    *digit = b'0' + (nanos % 10) as u8;
                    nanos /= 10;
                }
                for &digit in &padded[..usize::from(digits.clamp(1, 9))] {
                    text.push(digit);
                }
            }
        }
        if let Some(offset) = self.offset() {
            let seconds = offset.local_minus_utc();
            if seconds == 0 {
                match self.zero_offset() {
                    Some(ZeroOffset::Plus) => b"+00:00".iter().for_each(|&b| text.push(b)),
                    Some(ZeroOffset::Minus) => b"-00:00".iter().for_each(|&b| text.push(b)),
                    _ => text.push(b'Z'),
                }
            } else {
                text.push(if seconds < 0 { b'-' } else { b'+' });
                let seconds = seconds.unsigned_abs();
                // An offset is less than a day: the hours have two digits.
                text.two(seconds / 3600);
                text.push(b':');
                text.two(seconds % 3600 / 60);
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveTime};

    /// The printing this module replaces, through chrono's format strings.
    fn by_chrono(t: &Timestamp) -> String {
        let local = t.local();
        let mut text = local.format("%Y-%m-%dT%H:%M").to_string();
        match t.precision() {
            TimePrecision::Minute => {}
            TimePrecision::Second => text += &format!(":{:02}", local.second()),
            TimePrecision::Fraction(digits) => {
                let nanos = format!("{:09}", local.nanosecond());
                text += &format!(":{:02}.{}", local.second(), &nanos[..usize::from(digits.clamp(1, 9))]);
            }
        }
        match t.offset() {
            None => {}
            Some(offset) if offset.local_minus_utc() == 0 => text.push('Z'),
            Some(offset) => {
                let seconds = offset.local_minus_utc();
                let sign = if seconds < 0 { '-' } else { '+' };
                let seconds = seconds.unsigned_abs();
                text += &format!("{sign}{:02}:{:02}", seconds / 3600, seconds % 3600 / 60);
            }
        }
        text
    }

    #[test]
    fn digits_as_chrono_prints_them() {
        let times = [
            NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
            NaiveTime::from_hms_nano_opt(9, 30, 15, 250_000_000).unwrap(),
            NaiveTime::from_hms_nano_opt(23, 59, 59, 999_999_999).unwrap(),
            NaiveTime::from_hms_nano_opt(12, 7, 3, 4_005).unwrap(),
            // A leap second.
            NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap(),
        ];
        let offsets = [None, Some(0), Some(19_800), Some(-14_400), Some(3_630), Some(-86_399), Some(86_399)];
        let mut precisions = vec![TimePrecision::Minute, TimePrecision::Second];
        precisions.extend((0..=10).map(TimePrecision::Fraction));
        let years = [2022, 0, 7, 999, 9999, 10_000, -1, -44, 262_000, -262_000];
        for (year, (month, day)) in years.into_iter().zip([(2, 16), (1, 1), (12, 31)].into_iter().cycle()) {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            assert_eq!(iso_date(date).as_str(), date.format("%Y-%m-%d").to_string());
            for time in times {
                for offset in offsets {
                    for &precision in &precisions {
                        let offset = offset.map(|s| FixedOffset::east_opt(s).unwrap());
                        let t = Timestamp::new(date.and_time(time), offset, precision);
                        assert_eq!(t.to_iso().as_str(), by_chrono(&t), "{t:?}");
                        assert_eq!(t.to_string(), by_chrono(&t));
                    }
                }
            }
        }
    }
}
