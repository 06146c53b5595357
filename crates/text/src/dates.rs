//! Dates and times as statements print them, in English, French and German forms.
//!
//! One date reader for plain text and Markdown. Month and weekday names, day suffixes
//! and the words before a time come from the `[dates]` tables of the language files, so
//! a language's dates are read once its file is added.
//!
//! Recognised: "16 Feb. 2022", "14 March 1997", "17 December 1996", "11 février 2016",
//! "19. Februar 2022", "1er mars 2022", "3. Jänner 2019", "March 4, 2014", "MAY 20, 2023",
//! "Jul 22nd, 2024" (with an optional weekday before: "Mon.", "Saturday,"), ISO 8601
//! "2022-02-16", German "22.02.2022" (day first, as DIN 5008 writes it) and slashed or
//! dashed "11/02/2016", "18-07-2019", which are ambiguous: read by the `numeric_order`
//! of the document's language (month first in English, the United States convention;
//! day first in French and German), and the other reading is reported. Times: "15:14",
//! "10:57:03", "08:40 PM", "1:32 P.M.", with a zone abbreviation or offset ("EDT",
//! "UTC+2", "+01:00"), after a comma, a dash or a word such as "at", "um", "à".

use crate::languages;
use crate::screen::Screened;
use communique_model::chrono::{FixedOffset, NaiveDate, NaiveTime};
use communique_model::{TimePrecision, Timestamp};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The words of every language file's `[dates]` table: month and weekday forms (lower
/// case, longest first, for the patterns), each month form's number, day suffixes and
/// the words before a time.
struct Words {
    months: Vec<String>,
    month_numbers: HashMap<String, u32>,
    weekdays: Vec<String>,
    day_suffixes: Vec<String>,
    time_prefixes: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        months: Vec::new(),
        month_numbers: HashMap::new(),
        weekdays: Vec::new(),
        day_suffixes: Vec::new(),
        time_prefixes: Vec::new(),
    };
    for dates in languages::all().iter().filter_map(|l| l.dates.as_ref()) {
        for (i, forms) in dates.months.iter().enumerate() {
            for form in forms {
                words.month_numbers.entry(form.clone()).or_insert(i as u32 + 1);
                words.months.push(form.clone());
            }
        }
        words.weekdays.extend(dates.weekdays.iter().flatten().cloned());
        words.day_suffixes.extend(dates.day_suffixes.iter().cloned());
        words.time_prefixes.extend(dates.time_prefixes.iter().cloned());
    }
    for list in [&mut words.months, &mut words.weekdays, &mut words.day_suffixes, &mut words.time_prefixes] {
        list.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
        list.dedup();
    }
    words
});

/// The month forms of the languages whose day numbers take a full stop as their suffix
/// (`day_suffixes = ["."]`, German: "am 3. Juli"), lower case.
static DOTTED_DAY_MONTHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut months: Vec<String> = languages::all()
        .iter()
        .filter_map(|l| l.dates.as_ref())
        .filter(|d| d.day_suffixes.iter().any(|s| s == "."))
        .flat_map(|d| d.months.iter().flatten().cloned())
        .collect();
    months.sort();
    months.dedup();
    months
});

/// Whether `rest` opens with a month name of a language that writes a day number with a
/// full stop ("Juli 2018 …" after "am 3."), so that the full stop after a one- or
/// two-digit number before it marks an ordinal day, not the end of a sentence. The
/// month must be a whole word; case is ignored.
pub(crate) fn opens_with_dotted_day_month(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    !word.is_empty() && DOTTED_DAY_MONTHS.binary_search(&word).is_ok()
}

/// `words` as one alternation of escaped literals.
fn alternation(words: &[String]) -> String {
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

static DATE: LazyLock<Screened> = LazyLock::new(|| {
    let words = &*WORDS;
    let months = alternation(&words.months);
    let weekdays = alternation(&words.weekdays);
    let suffixes = alternation(&words.day_suffixes);
    Screened::new(
        &format!(
            r"(?ix)
        (?:\b(?P<wd>{weekdays})\.?,?\s+)?
        (?:
            \b(?P<d1>\d{{1,2}})(?:{suffixes})?\s+(?:of\s+)?(?P<m1>{months})\b\.?,?\s+(?P<y1>\d{{4}})\b
          | \b(?P<m2>{months})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b
          | \b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b
          | \b(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})\b
          | \b(?P<a5>\d{{1,2}})[/-](?P<b5>\d{{1,2}})[/-](?P<y5>\d{{4}})\b
        )"
        ),
        false,
    )
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let prefixes = alternation(&WORDS.time_prefixes);
    Regex::new(&format!(
        r"(?ix)^[\s,]*(?:[-–—|]\s*)?(?:(?:{prefixes})\s+)?
        (?P<h>\d{{1,2}})[:h.](?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?
        (?:\s*(?P<ampm>[ap])\.?\s?m\.?)?
        (?:\s*(?:Uhr|h))?
        (?:\s*(?P<tz>(?:UTC|GMT)\s*[+-−]\s*\d{{1,2}}(?::?\d{{2}})?|[+-−]\d{{2}}:?\d{{2}}|Z\b|[A-Z]{{2,5}}\b))?"
    ))
    .expect("time pattern compiles")
});

/// Which of two numbers comes first in a slashed or dashed date ("11/02/2016",
/// "18-07-2019").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumericOrder {
    /// 11/02/2016 is 2 November 2016 (United States).
    MonthFirst,
    /// 11/02/2016 is 11 February 2016 (most of the world).
    DayFirst,
}

impl NumericOrder {
    /// The order a document in `language` (BCP 47) uses: the `numeric_order` of its
    /// language file, except that a region other than the United States (`en-GB`) reads
    /// day first; month first when the language is not known, day first for a language
    /// without a file.
    pub(crate) fn for_language(language: Option<&str>) -> Self {
        let Some(tag) = language else { return Self::MonthFirst };
        let lower = tag.to_ascii_lowercase();
        let mut parts = lower.split('-');
        let primary = parts.next().unwrap_or_default();
        if parts.any(|p| p.len() == 2 && p != "us") {
            return Self::DayFirst;
        }
        match languages::get(primary).and_then(|l| l.dates.as_ref()).map(|d| d.numeric_order.as_str()) {
            Some("month-first") => Self::MonthFirst,
            _ => Self::DayFirst,
        }
    }
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// The date as read.
    pub date: NaiveDate,
    /// Byte range of the date (weekday included) in the text searched.
    pub range: Range<usize>,
    /// Whether a weekday name was printed before it.
    pub weekday: bool,
    /// For a slashed numeric date that could be read both ways: the other reading.
    pub other_reading: Option<NaiveDate>,
}

/// Month number of a month name or abbreviation of any language file.
fn month_number(name: &str) -> Option<u32> {
    WORDS.month_numbers.get(&name.trim_end_matches('.').to_lowercase()).copied()
}

/// Whether `word` is a month or weekday name of a language file.
pub(crate) fn is_month_or_weekday(word: &str) -> bool {
    let lower = word.trim_end_matches(['.', ',']).to_lowercase();
    WORDS.month_numbers.contains_key(&lower) || WORDS.weekdays.contains(&lower)
}

/// The first date in `text` that exists in the calendar.
pub(crate) fn find_date(text: &str, order: NumericOrder) -> Option<FoundDate> {
    DATE.captures_iter(text).find_map(|caps| {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let year = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let mut other_reading = None;
        let date = if let (Some(d), Some(m), Some(y)) = (num("d1"), caps.name("m1"), year("y1")) {
            NaiveDate::from_ymd_opt(y, month_number(m.as_str())?, d)
        } else if let (Some(m), Some(d), Some(y)) = (caps.name("m2"), num("d2"), year("y2")) {
            NaiveDate::from_ymd_opt(y, month_number(m.as_str())?, d)
        } else if let (Some(y), Some(m), Some(d)) = (year("y3"), num("m3"), num("d3")) {
            NaiveDate::from_ymd_opt(y, m, d)
        } else if let (Some(d), Some(m), Some(y)) = (num("d4"), num("m4"), year("y4")) {
            NaiveDate::from_ymd_opt(y, m, d)
        } else if let (Some(a), Some(b), Some(y)) = (num("a5"), num("b5"), year("y5")) {
            let month_first = NaiveDate::from_ymd_opt(y, a, b);
            let day_first = NaiveDate::from_ymd_opt(y, b, a);
            let (chosen, other) = match order {
                NumericOrder::MonthFirst => (month_first.or(day_first), day_first),
                NumericOrder::DayFirst => (day_first.or(month_first), month_first),
            };
            other_reading =
                other.filter(|o| Some(*o) != chosen && month_first.is_some() && day_first.is_some());
            chosen
        } else {
            None
        }?;
        let whole = caps.get(0)?;
        Some(FoundDate { date, range: whole.range(), weekday: caps.name("wd").is_some(), other_reading })
    })
}

/// Whether a last update `updated` lies before the issue day `issued`, by the model's
/// rule: a floating timestamp by its date; one with an offset when its instant is before
/// the earliest instant of the issue day anywhere (00:00 at UTC+14).
///
/// This is the one place ingest asks the question (plain text and Markdown both); it
/// follows `Statement::validate`, whose own rule is private to the model, and gives way
/// to it once the model makes it public.
pub(crate) fn updated_before_issued(updated: Timestamp, issued: NaiveDate) -> bool {
    match updated.offset() {
        None => updated.date() < issued,
        Some(offset) => {
            let utc = updated.local()
                - communique_model::chrono::Duration::seconds(i64::from(offset.local_minus_utc()));
            let earliest = issued.and_time(NaiveTime::MIN) - communique_model::chrono::Duration::hours(14);
            utc < earliest
        }
    }
}

/// A time of day at the start of `text` (after spaces, commas or "at"), with its zone.
///
/// Returns the timestamp on `date` and the byte length consumed. A zone abbreviation the
/// table below does not know leaves the timestamp floating rather than guessing.
pub(crate) fn time_after(text: &str, date: NaiveDate) -> Option<(Timestamp, usize)> {
    let caps = TIME.captures(text)?;
    let mut hour: u32 = caps["h"].parse().ok()?;
    let minute: u32 = caps["mi"].parse().ok()?;
    let second: Option<u32> = caps.name("s").and_then(|m| m.as_str().parse().ok());
    if let Some(ampm) = caps.name("ampm") {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = ampm.as_str().eq_ignore_ascii_case("p");
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second.unwrap_or(0))?;
    let precision = if second.is_some() { TimePrecision::Second } else { TimePrecision::Minute };
    let mut end = caps.get(0)?.end();
    let offset = match caps.name("tz") {
        Some(tz) => match zone_offset(tz.as_str()) {
            Some(offset) => Some(offset),
            None => {
                end = tz.start();
                None
            }
        },
        None => None,
    };
    Some((Timestamp::new(date.and_time(time), offset, precision), text[..end].trim_end().len()))
}

/// UTC offset of a zone abbreviation or a numeric offset. Only abbreviations with one
/// common meaning are listed (IST, for one, is not).
fn zone_offset(zone: &str) -> Option<FixedOffset> {
    let hours = |h: i32| FixedOffset::east_opt(h * 3600);
    let zone = zone.replace('−', "-");
    let upper = zone.to_ascii_uppercase();
    match upper.as_str() {
        "Z" | "UTC" | "GMT" | "UT" => return hours(0),
        "EDT" => return hours(-4),
        "EST" | "CDT" => return hours(-5),
        "CST" | "MDT" => return hours(-6),
        "MST" | "PDT" => return hours(-7),
        "PST" => return hours(-8),
        "BST" | "CET" | "MEZ" | "WAT" => return hours(1),
        "CEST" | "MESZ" | "EET" | "SAST" => return hours(2),
        "EEST" | "MSK" => return hours(3),
        "JST" | "KST" => return hours(9),
        _ => {}
    }
    let numeric = upper.trim_start_matches("UTC").trim_start_matches("GMT").trim();
    let (sign, rest) = match numeric.chars().next()? {
        '+' => (1, &numeric[1..]),
        '-' => (-1, &numeric[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => {
            (digits[..digits.len() - 2].parse::<i32>().ok()?, digits[digits.len() - 2..].parse::<i32>().ok()?)
        }
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, order: NumericOrder, expected: Option<&str>) {
        let got = find_date(text, order).map(|f| f.date.to_string());
        assert_eq!(got.as_deref(), expected, "date in {text:?}");
    }

    fn check_time(text: &str, expected: Option<&str>) {
        let date = NaiveDate::from_ymd_opt(2014, 5, 2).unwrap();
        let got = time_after(text, date).map(|(t, _)| t.to_string());
        assert_eq!(got.as_deref(), expected, "time in {text:?}");
    }

    #[test]
    fn dates() {
        use NumericOrder::{DayFirst, MonthFirst};
        check("Brussels, 16 Feb. 2022 – last updated", MonthFirst, Some("2022-02-16"));
        check("14 March 1997", MonthFirst, Some("1997-03-14"));
        check("BERN, 17 December 1996 - The", MonthFirst, Some("1996-12-17"));
        check("March 4, 2014", MonthFirst, Some("2014-03-04"));
        check("MAY 20, 2023", MonthFirst, Some("2023-05-20"));
        check("Mon. Jul 22nd, 2024", MonthFirst, Some("2024-07-22"));
        check("Saturday, May 03, 2014", MonthFirst, Some("2014-05-03"));
        check("22.02.2022 - Pressemitteilung", MonthFirst, Some("2022-02-22"));
        check("11/02/2016", MonthFirst, Some("2016-11-02"));
        check("11/02/2016", DayFirst, Some("2016-02-11"));
        check("25/12/2016", MonthFirst, Some("2016-12-25"));
        check("11 février 2016", DayFirst, Some("2016-02-11"));
        check("le 1er mars 2022", DayFirst, Some("2022-03-01"));
        check("19. Februar 2022", DayFirst, Some("2022-02-19"));
        check("am 3. März 2022", DayFirst, Some("2022-03-03"));
        check("2022-02-16", DayFirst, Some("2022-02-16"));
        check("30 February 2022", MonthFirst, None);
        check("on 19 February in Munich", MonthFirst, None);
        check("Press Release (2007) 013", MonthFirst, None);
        // Dashed numeric dates, as the European Parliament prints them.
        check("18-07-2019 - 11:37", MonthFirst, Some("2019-07-18"));
        check("04-03-2025", DayFirst, Some("2025-03-04"));
        check("Schengen, 3. Juli 2018", DayFirst, Some("2018-07-03"));
        check("3. Jänner 2019", DayFirst, Some("2019-01-03"));
        check("Monday, March 10, 2025", MonthFirst, Some("2025-03-10"));
        check("le 3 févr. 2025", DayFirst, Some("2025-02-03"));
    }

    #[test]
    fn orders_by_language() {
        assert_eq!(NumericOrder::for_language(Some("en")), NumericOrder::MonthFirst);
        assert_eq!(NumericOrder::for_language(Some("en-US")), NumericOrder::MonthFirst);
        assert_eq!(NumericOrder::for_language(Some("en-GB")), NumericOrder::DayFirst);
        assert_eq!(NumericOrder::for_language(Some("fr")), NumericOrder::DayFirst);
        assert_eq!(NumericOrder::for_language(Some("pl")), NumericOrder::DayFirst);
        assert_eq!(NumericOrder::for_language(None), NumericOrder::MonthFirst);
    }

    #[test]
    fn update_order_follows_the_model() {
        let issued = NaiveDate::from_ymd_opt(2023, 11, 7).unwrap();
        let at = |text: &str| text.parse::<Timestamp>().unwrap();
        // Floating: by the date.
        assert!(updated_before_issued(at("2023-11-06T23:59"), issued));
        assert!(!updated_before_issued(at("2023-11-07T00:00"), issued));
        // 18:13 at UTC−5 is 23:13 UTC, after 00:00 of the issue day at UTC+14.
        assert!(!updated_before_issued(at("2023-11-06T18:13:19-05:00"), issued));
        // 08:00 at UTC−5 is 13:00 UTC on 6 November, before 10:00 UTC on 6 November? No:
        // the issue day starts at 10:00 UTC on 6 November at UTC+14, so 13:00 is not before.
        assert!(!updated_before_issued(at("2023-11-06T08:00:00-05:00"), issued));
        // 08:00 at UTC−5 on 5 November is 13:00 UTC on 5 November: before.
        assert!(updated_before_issued(at("2023-11-05T08:00:00-05:00"), issued));
    }

    #[test]
    fn ambiguity_is_reported() {
        let found = find_date("05/02/2014", NumericOrder::MonthFirst).unwrap();
        assert_eq!(found.date.to_string(), "2014-05-02");
        assert_eq!(found.other_reading.map(|d| d.to_string()).as_deref(), Some("2014-02-05"));
        assert_eq!(find_date("25/12/2016", NumericOrder::MonthFirst).unwrap().other_reading, None);
        assert!(find_date("Mon. Jul 22nd, 2024", NumericOrder::MonthFirst).unwrap().weekday);
    }

    #[test]
    fn times() {
        check_time(" 15:14", Some("2014-05-02T15:14"));
        check_time(" 08:40 PM EDT", Some("2014-05-02T20:40-04:00"));
        check_time(" 12:05 am", Some("2014-05-02T00:05"));
        check_time(" 10:57:03 UTC+2", Some("2014-05-02T10:57:03+02:00"));
        check_time(" 09:00 +01:00", Some("2014-05-02T09:00+01:00"));
        check_time(" 09:00 XYZ", Some("2014-05-02T09:00"));
        check_time(" 25:00", None);
        check_time(" no time", None);
        check_time(" - 11:37", Some("2014-05-02T11:37"));
        check_time(", 18:00", Some("2014-05-02T18:00"));
        check_time("1:32 P.M. EST", Some("2014-05-02T13:32-05:00"));
        check_time(" um 16:20 Uhr", Some("2014-05-02T16:20"));
    }
}
