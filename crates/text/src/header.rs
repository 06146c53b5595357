//! Metadata lines: datelines, crawl dates, publication, repost and update lines, the
//! nato.int bullet block, document references, attribution lines, "Issued by" lines,
//! document-type lines, place labels, mailing-list subjects, e-mail timestamps, and the
//! issuer named in a title or preface.
//!
//! The phrases that open a publication, repost or update line ("Published", "Dernière
//! modification", "Zuletzt aktualisiert", "Stand"), the words a dateline may put before
//! its date ("le", "am") and the words of document-type lines come from the language
//! files (`[dates]` and `[kinds]`), so one reader serves every language there is a file
//! for.

use crate::dates::{self, FoundDate, NumericOrder, find_date, time_after};
use crate::{kinds, languages};
use communique_model::{StatementKind, Timestamp};
use regex::Regex;
use std::sync::LazyLock;

/// What a metadata line says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Meta {
    /// A date with a weekday standing alone ("Mon. Jul 22nd, 2024"): the day a blog or
    /// repost copied the page.
    Retrieved(FoundDate),
    /// A date standing alone ("14 March 1997", "MAY 20, 2023", "02 Feb. 2007 - 02 Feb. 2007"),
    /// perhaps with a document type ("22.02.2022 - Pressemitteilung").
    Date { date: FoundDate, kind: Option<StatementKind> },
    /// A numeric date and time with a zone ("05/02/2014 08:40 PM EDT").
    Published { date: FoundDate, time: Timestamp },
    /// Place(s), date and perhaps the last update ("Brussels, 16 Feb. 2022 – last
    /// updated: 16 Feb. 2022 15:14"); `rest` is the byte offset where body text follows
    /// the dateline on the same line, if any.
    Dateline { places: Vec<String>, date: FoundDate, updated: Option<Timestamp>, rest: Option<usize> },
    /// "Issued on 02 Feb. 2007", "Published 14 September 2024", "Publication date:
    /// November 18, 2019, 16:55": the issue date, and the time of publication when one is
    /// printed.
    IssuedOn(FoundDate, Option<Timestamp>),
    /// "Posted on April 3, 2025 by editor": the day a blog or repost site published its
    /// copy.
    Reposted(FoundDate),
    /// A line holding only a time of day ("18:00", "1:32 P.M. EST"): the time of the date
    /// line before it, if there is one.
    TimeOfDay,
    /// "Ort Saarbrücken": a labelled place.
    Place(String),
    /// "Last updated: 14 Jan. 2009 10:57".
    LastUpdated(Timestamp),
    /// "Last updated: 14 Jan. 2009" with no time: a record timestamp needs a time of day,
    /// so the day is only noted.
    UpdatedDay(FoundDate),
    /// "Stand 27.01.2022", "Stand - 12.11.2021 (Unverändert gültig seit: 05.11.2021)": the
    /// date of the version printed, with its time when one is printed. It is the last
    /// update, and the issue date when nothing else gives one.
    AsOf(FoundDate, Option<Timestamp>),
    /// A document number ("Press Release (2007) 013", "SC/14367").
    Reference(String),
    /// A separator of a metadata block ("|").
    Separator,
    /// "Source – NATO", "Source: The White House".
    Attribution(String),
    /// "Issued by NATO Heads of State and Government … in Vilnius 11 July 2023".
    IssuedBy { issuer: String, place: Option<String>, date: Option<FoundDate> },
    /// "Press Statement", "Pressemitteilung".
    DocType(StatementKind),
    /// "[wanabidii] Press Releases: Tragic Loss of Life in Odesa", or an e-mail
    /// "Subject:" header: the list's name, if bracketed, and the subject without list
    /// name, "Re:"/"Fwd:" or document-type prefix ("Tragic Loss of Life in Odesa"), which
    /// is the title when the text prints none of its own.
    ListSubject { list: Option<String>, title: Option<String> },
    /// An e-mail "From:" header: the sender's display name, if any
    /// (`"U.S. Department of State" <…>`).
    MailFrom(Option<String>),
    /// Another e-mail header ("To:", "Cc:", "Message-ID:", …): nothing to record.
    MailField,
}

const PLACE: &str = r"\p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*/\s*\p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*){0,3})*(?:,\s*(?:D\.\s?C\.|DC|[A-Z]{2}))?";

static PLACE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<place>{PLACE})(?:\s*,\s*|\s+)")).expect("place pattern compiles")
});
static PLACE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*){0,2},\s*(?:D\.\s?C\.|DC|[A-Z]{2}|\p{Lu}\p{L}+)$",
    )
    .expect("place pattern compiles")
});
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Press\s+Release|Press\s+Statement|Communiqu[ée]|Statement|Speech|Memo|Note)\s*\(\s*\d{2,4}\s*\)\s*\d{1,4}[A-Za-z]?|[A-Z]{1,8}(?:/[A-Z]{1,8})*/\d{2,6}(?:[-/.][A-Za-z0-9]+)*)$",
    )
    .expect("reference pattern compiles")
});
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|sources|quelle|origin)\s*(?:[:–—-]|\s-\s)\s*(?P<who>\S.{0,119})$")
        .expect("attribution compiles")
});
static ISSUED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:issued|released|published|delivered)\s+by\s+(?:the\s+)?(?P<who>.{3,300})$")
        .expect("issued-by compiles")
});
static ISSUER_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:participating|meeting|at|in|on|during|following|after|from|who)\b|,")
        .expect("cut compiles")
});
static IN_PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\bin\s+(?P<place>{PLACE})\s*,?\s+\S")).expect("in-place compiles")
});
/// The phrases of every language file's `[dates]` table, as anchored patterns: a
/// publication line, a repost line, an update line, an as-of line, a place label.
struct Phrases {
    published: Regex,
    reposted: Regex,
    updated: Regex,
    as_of: Regex,
    place_label: Regex,
    date_article: Regex,
    /// First words of those phrases, capitalised ("Published", "Stand"): never a place.
    first_words: Vec<String>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut lists: [Vec<String>; 6] = Default::default();
    for dates in languages::all().iter().filter_map(|l| l.dates.as_ref()) {
        lists[0].extend(dates.published.iter().cloned());
        lists[1].extend(dates.reposted.iter().cloned());
        lists[2].extend(dates.updated.iter().cloned());
        lists[3].extend(dates.as_of.iter().cloned());
        lists[4].extend(dates.place_labels.iter().cloned());
        lists[5].extend(dates.date_articles.iter().cloned());
    }
    let first_words = lists[..5]
        .iter()
        .flatten()
        .filter_map(|p| p.split_whitespace().next())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect();
    // A phrase, then a colon, a full stop or a dash set off by spaces ("Stand - …"), or
    // white space alone.
    let pattern = |list: &mut Vec<String>| {
        list.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        list.dedup();
        let alternation =
            list.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
        Regex::new(&format!(r"(?i)^(?:{alternation})(?:\s*[:.]\s*|\s+[-–—]\s+|\s+)"))
            .expect("phrase pattern compiles")
    };
    let [published, reposted, updated, as_of, places, articles] = &mut lists;
    let date_article = {
        articles.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let alternation = articles.iter().map(|p| regex::escape(p)).collect::<Vec<_>>().join("|");
        Regex::new(&format!(r"^(?:{alternation})\s+")).expect("date article compiles")
    };
    Phrases {
        published: pattern(published),
        reposted: pattern(reposted),
        updated: pattern(updated),
        as_of: pattern(as_of),
        place_label: pattern(places),
        date_article,
        first_words,
    }
});
static LIST_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(?P<list>[\w .@-]{1,60})\]\s+\S").expect("list subject compiles"));
/// RFC 5322 header fields a forwarded or archived e-mail prints above its body.
static MAIL_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<field>from|to|cc|bcc|date|sent|subject|reply-to|message-id|in-reply-to|references|list-id|list-[a-z]+|mailing-list|precedence|mime-version|content-type|x-[a-z-]+)\s*:\s*(?P<value>\S.*)?$").expect("mail header compiles")
});
/// What a subject line puts before the title: "Re:", "Fwd:", "Press Statement:".
static SUBJECT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:re|aw|fwd?|wg|tr)\s*:\s*|(?:press\s+(?:statements?|releases?)|media\s+notes?|news\s+releases?|readouts?|statements?|communiqués?|pressemitteilung(?:en)?|communiqués?\s+de\s+presse)\s*:\s*)+").expect("subject prefix compiles")
});
/// A line holding only a time of day: "18:00", "1:32 P.M. EST", "16:20 Uhr".
static TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h))?(?:\s*(?:[A-Z]{2,5}|(?:UTC|GMT)?\s*[+-−]\d{1,2}(?::?\d{2})?))?$")
        .expect("time-only pattern compiles")
});
/// A place after a label ("Ort Saarbrücken"): one to four capitalised words, perhaps
/// with a country or state after a comma.
static PLACE_ONLY_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?$")
        .expect("place pattern compiles")
});
static US_STATE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s*(?:D\.\s?C\.|[A-Z]{2})$").expect("state suffix compiles"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[•·▪◦‣∙●\-–*]\s*").expect("bullet compiles"));

/// Whether `line` holds only a time of day ("18:00", "1:32 P.M. EST", "16:20 Uhr").
pub(crate) fn is_time_line(line: &str) -> bool {
    TIME_ONLY.is_match(line.trim())
}

/// Whether `text` is a publication, repost, update or as-of phrase and nothing else
/// ("Published", "Last updated:", "Stand"), a label whose date is printed on the next line.
pub(crate) fn is_date_label(text: &str) -> bool {
    let label = format!("{} ", text.trim().trim_end_matches(':').trim());
    let phrases = &*PHRASES;
    [&phrases.published, &phrases.reposted, &phrases.updated, &phrases.as_of]
        .iter()
        .any(|p| p.find(&label).is_some_and(|m| m.end() == label.len()))
}

/// Words that start a line but are never a dateline place, besides the stop words of
/// the language files, month and weekday names and the first words of publication and
/// update phrases.
const NOT_PLACES: &[&str] =
    &["Today", "Yesterday", "Issued", "Last", "Source", "Dated", "Since", "Following"];

fn never_a_place(first: &str) -> bool {
    NOT_PLACES.contains(&first)
        || dates::is_month_or_weekday(first)
        || PHRASES.first_words.iter().any(|w| w == first)
        || languages::all().iter().any(|l| l.stop_words.contains(&first.to_lowercase()))
}

/// Parses `line` (trimmed) as a metadata line.
pub(crate) fn parse(line: &str, order: NumericOrder) -> Option<Meta> {
    if line.len() > 400 {
        return None;
    }
    if let Some(bullet) = BULLET.find(line) {
        // The nato.int block: "• 02 Feb. 2007 - 02 Feb. 2007", "• |", "• Press Release …".
        let rest = line[bullet.end()..].trim();
        if rest == "|" || rest.is_empty() {
            return Some(Meta::Separator);
        }
        return match parse_plain(rest, order)? {
            meta @ (Meta::Date { .. }
            | Meta::IssuedOn(..)
            | Meta::LastUpdated(_)
            | Meta::UpdatedDay(_)
            | Meta::AsOf(..)
            | Meta::Reference(_)
            | Meta::Retrieved(_)
            | Meta::Published { .. }) => Some(meta),
            _ => None,
        };
    }
    if line == "|" {
        return Some(Meta::Separator);
    }
    parse_plain(line, order)
}

fn parse_plain(line: &str, order: NumericOrder) -> Option<Meta> {
    if REFERENCE.is_match(line) {
        return Some(Meta::Reference(line.to_owned()));
    }
    if let Some(caps) = ATTRIBUTION.captures(line) {
        let who = caps["who"].trim().trim_end_matches('.').trim();
        if !who.is_empty() && who.split_whitespace().count() <= 10 {
            return Some(Meta::Attribution(who.to_owned()));
        }
    }
    if let Some(caps) = MAIL_HEADER.captures(line) {
        return Some(mail_header(&caps["field"], caps.name("value").map_or("", |m| m.as_str()), order));
    }
    if LIST_SUBJECT.is_match(line) {
        return Some(subject(line));
    }
    let phrases = &*PHRASES;
    if let Some(m) = phrases.published.find(line)
        && let Some(found) = date_at_start(&line[m.end()..], order)
    {
        let after = &line[m.end() + found.range.end..];
        match time_after(after, found.date) {
            Some((time, used)) if after[used..].trim().is_empty() => {
                return Some(Meta::IssuedOn(shift(found, m.end()), Some(time)));
            }
            None if after.trim().is_empty() => return Some(Meta::IssuedOn(shift(found, m.end()), None)),
            // "Datum 28.01.2022 Ort Saarbrücken": a labelled date, then a labelled place.
            None => {
                if let Some(Meta::Place(place)) = parse_plain(after.trim(), order) {
                    let date = shift(found, m.end());
                    return Some(Meta::Dateline { places: vec![place], date, updated: None, rest: None });
                }
            }
            _ => {}
        }
    }
    if let Some(m) = phrases.reposted.find(line)
        && let Some(found) = date_at_start(&line[m.end()..], order)
    {
        let after = line[m.end() + found.range.end..].trim_start();
        // "Posted on April 3, 2025 by editor", "… at 9:14 AM".
        if after.is_empty() || after.starts_with("by ") || time_after(after, found.date).is_some() {
            return Some(Meta::Reposted(shift(found, m.end())));
        }
    }
    if let Some(m) = phrases.updated.find(line)
        && let Some(found) = date_at_start(&line[m.end()..], order)
    {
        let after = &line[m.end() + found.range.end..];
        let history = after.trim_start().starts_with(['+', '(', '-', '–']) && after.len() < 40;
        return match time_after(after, found.date) {
            Some((time, used)) if after[used..].trim().is_empty() => Some(Meta::LastUpdated(time)),
            None if after.trim().is_empty() || history || is_remark(after) => {
                Some(Meta::UpdatedDay(shift(found, m.end())))
            }
            _ => None,
        };
    }
    if let Some(m) = phrases.as_of.find(line)
        && let Some(found) = date_at_start(&line[m.end()..], order)
    {
        let after = &line[m.end() + found.range.end..];
        let time = time_after(after, found.date);
        let rest = &after[time.map_or(0, |(_, used)| used)..];
        if rest.trim().is_empty() || is_remark(rest) {
            return Some(Meta::AsOf(shift(found, m.end()), time.map(|(t, _)| t)));
        }
    }
    if let Some(m) = phrases.place_label.find(line) {
        let place = line[m.end()..].trim();
        if PLACE_ONLY_LOOSE.is_match(place) {
            return Some(Meta::Place(normalise_place(place)));
        }
        if let Some(meta) =
            labelled_place_and_date(line, line.len() - line[m.end()..].trim_start().len(), order)
        {
            return Some(meta);
        }
    }
    if let Some(caps) = ISSUED_BY.captures(line) {
        let full = caps.name("who")?;
        let who = full.as_str();
        let cut = ISSUER_CUT.find(who).map_or(who.len(), |m| m.start());
        let issuer = who[..cut].trim().to_owned();
        let date = find_date(who, order);
        let place = IN_PLACE_DATE
            .captures(who)
            .and_then(|c| c.name("place"))
            .filter(|p| date.as_ref().is_some_and(|d| d.range.start >= p.end()))
            .map(|p| normalise_place(p.as_str()));
        if !issuer.is_empty() {
            return Some(Meta::IssuedBy { issuer, place, date });
        }
    }
    if let Some(kind) = kinds::from_line(line) {
        return Some(Meta::DocType(kind));
    }
    if let Some(found) = date_at_start(line, order) {
        return date_line(line, found, order);
    }
    if TIME_ONLY.is_match(line) {
        return Some(Meta::TimeOfDay);
    }
    dateline(line, order)
}

/// A remark in brackets after a date, and nothing after it: "(Unverändert gültig seit:
/// 05.11.2021)".
fn is_remark(after: &str) -> bool {
    let after = after.trim();
    after.starts_with('(') && after.ends_with(')') && after.chars().count() <= 80
}

/// A labelled place and a labelled date on one line, as a page prints its metadata
/// block with the line break lost: "Ort Saarbrücken Datum 28.01.2022", "Place: Geneva
/// Date: 3 March 2022". `at` is the byte offset of the place, after its label. The line
/// is the dateline it stands for (the place, then the issue date); a date with a time
/// of day is left to the lines that carry it.
fn labelled_place_and_date(line: &str, at: usize, order: NumericOrder) -> Option<Meta> {
    let rest = &line[at..];
    // The shortest place first: "Saarbrücken", not "Saarbrücken Datum".
    let breaks = rest.char_indices().filter(|&(_, c)| c.is_whitespace()).map(|(i, _)| i);
    for split in breaks.take(4) {
        let place = rest[..split].trim();
        let tail = rest[split..].trim_start();
        if !PLACE_ONLY_LOOSE.is_match(place) {
            continue;
        }
        if let Some(m) = PHRASES.published.find(tail)
            && let Some(found) = date_at_start(&tail[m.end()..], order)
            && tail[m.end() + found.range.end..].trim().is_empty()
        {
            let date = shift(found, line.len() - tail.len() + m.end());
            return Some(Meta::Dateline {
                places: vec![normalise_place(place)],
                date,
                updated: None,
                rest: None,
            });
        }
    }
    None
}

/// An e-mail header field (RFC 5322): "From" gives the sender's display name, "Date"
/// the time the message was sent (RFC 5322 dates name the month, so they are never
/// ambiguous), "Subject" the list and the title.
fn mail_header(field: &str, value: &str, order: NumericOrder) -> Meta {
    let value = value.trim();
    match field.to_ascii_lowercase().as_str() {
        "from" => {
            let name = value.split('<').next().unwrap_or_default().trim().trim_matches(['"', '\'', ' ']);
            Meta::MailFrom((!name.is_empty() && !name.contains('@')).then(|| name.to_owned()))
        }
        "date" | "sent" => match find_date(value, order) {
            Some(found) => match time_after(&value[found.range.end..], found.date) {
                Some((time, _)) => Meta::Published { date: FoundDate { other_reading: None, ..found }, time },
                None => Meta::Date { date: found, kind: None },
            },
            None => Meta::MailField,
        },
        "subject" => subject(value),
        _ => Meta::MailField,
    }
}

/// A subject line: "[list] Press Releases: Title", "Re: [list] Fwd: Title" → the list
/// and "Title".
fn subject(line: &str) -> Meta {
    let mut rest = line.trim();
    let mut list = None;
    loop {
        if let Some(m) = SUBJECT_PREFIX.find(rest).filter(|m| m.end() > 0) {
            rest = rest[m.end()..].trim();
        } else if list.is_none()
            && let Some(caps) = LIST_SUBJECT.captures(rest)
        {
            let end = caps.name("list").map_or(0, |m| m.end() + 1);
            list = Some(caps["list"].trim().to_owned());
            rest = rest[end..].trim();
        } else {
            break;
        }
    }
    Meta::ListSubject {
        list: list.filter(|l| !l.is_empty()),
        title: (!rest.is_empty()).then(|| rest.to_owned()),
    }
}

fn shift(mut found: FoundDate, by: usize) -> FoundDate {
    found.range = found.range.start + by..found.range.end + by;
    found
}

/// A date at the very start of `text` (spaces allowed).
fn date_at_start(text: &str, order: NumericOrder) -> Option<FoundDate> {
    let found = find_date(text, order)?;
    text[..found.range.start].trim().is_empty().then_some(found)
}

/// A line that starts with a date: alone, with a range, a time, or a document type.
fn date_line(line: &str, found: FoundDate, order: NumericOrder) -> Option<Meta> {
    let rest = line[found.range.end..].trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    if rest.is_empty() || matches!(rest, "-" | "–" | "—" | "|") {
        return Some(if found.weekday {
            Meta::Retrieved(found)
        } else {
            Meta::Date { date: found, kind: None }
        });
    }
    if let Some((time, used)) = time_after(rest, found.date)
        && rest[used..].trim().is_empty()
    {
        return Some(Meta::Published { date: found, time });
    }
    // A category label after the date: "21.01.2022 Aktuelle Meldung".
    if !rest.starts_with(['-', '–', '—', '|'])
        && rest.split_whitespace().count() <= 3
        && rest.chars().next().is_some_and(char::is_uppercase)
        && !rest.ends_with(['.', '!', '?', ':'])
        && !rest.chars().any(|c| c.is_ascii_digit())
    {
        return Some(Meta::Date { date: found, kind: kinds::from_line(rest) });
    }
    let after_dash = rest.strip_prefix(['-', '–', '—', '|']).map(str::trim)?;
    if after_dash.is_empty() {
        return Some(Meta::Date { date: found, kind: None });
    }
    if date_at_start(after_dash, order).is_some_and(|d| after_dash[d.range.end..].trim().is_empty()) {
        return Some(Meta::Date { date: found, kind: None });
    }
    if let Some(kind) = kinds::from_line(after_dash) {
        return Some(Meta::Date { date: found, kind: Some(kind) });
    }
    None
}

/// "Brussels, 16 Feb. 2022 – last updated: 16 Feb. 2022 15:14", "BERN 17 December 1996",
/// "WARSAW/VIENNA, 18 March 2022 –", "BERN, 17 December 1996 - The Chairman…".
fn dateline(line: &str, order: NumericOrder) -> Option<Meta> {
    let caps = PLACE_PREFIX.captures(line)?;
    let place = caps.name("place")?.as_str();
    let first = place.split([' ', ',', '/']).next().unwrap_or_default();
    if never_a_place(first) {
        return None;
    }
    let mut after_place = caps.get(0)?.end();
    // French "Paris, le 4 mars 2022", German "Bonn, den 3. März 2022", "Berlin, am …".
    if let Some(m) = PHRASES.date_article.find(&line[after_place..]) {
        after_place += m.end();
    }
    let found = date_at_start(&line[after_place..], order)?;
    let mut found = shift(found, after_place);
    let places: Vec<String> = place.split('/').map(normalise_place).filter(|p| !p.is_empty()).collect();
    // An English slashed date is read month first by default (the United States
    // convention); under a dateline outside the United States ("Brussels, 12/05/2023")
    // the day comes first, as it does in the place where it was written.
    if order == NumericOrder::MonthFirst
        && let Some(other) = found.other_reading
        && !places.iter().any(|p| is_us_place(p))
    {
        found.other_reading = Some(found.date);
        found.date = other;
    }
    let mut at = found.range.end;
    // Optional time after the date.
    if let Some((_, used)) = time_after(&line[at..], found.date) {
        at += used;
    }
    let rest = &line[at..];
    let trimmed = rest.trim_start();
    let mut updated = None;
    let mut rest_start = None;
    if let Some(after_dash) = trimmed.strip_prefix(['-', '–', '—', '|']) {
        let after_dash_trim = after_dash.trim_start();
        if let Some(m) = PHRASES.updated.find(after_dash_trim) {
            let tail = &after_dash_trim[m.end()..];
            if let Some(d) = date_at_start(tail, order) {
                updated = time_after(&tail[d.range.end..], d.date).map(|(t, _)| t);
            }
        } else if !after_dash_trim.is_empty() {
            rest_start = Some(line.len() - after_dash_trim.len());
        }
    } else if !trimmed.is_empty() {
        if trimmed.starts_with(',') || trimmed.starts_with(':') {
            rest_start = Some(line.len() - trimmed[1..].trim_start().len());
        } else {
            return None;
        }
    }
    Some(Meta::Dateline { places, date: found, updated, rest: rest_start })
}

/// Byte length of a dateline that opens `text` ("VIENNA, 3 March 2023 – The …" → the
/// offset of "The"), if `text` opens with one followed by body text.
pub(crate) fn dateline_prefix(text: &str) -> Option<usize> {
    // A dateline opens with a capital and holds a date (digits) near the start.
    if !text.starts_with(char::is_uppercase) || !text.bytes().take(80).any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut end = text.len().min(160);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match dateline(&text[..end], NumericOrder::MonthFirst)? {
        Meta::Dateline { rest: Some(rest), .. } => Some(rest),
        _ => None,
    }
}

/// Whether a dateline place is in the United States: "Washington", "New York", or a
/// place with a state or district code ("Washington, DC", "Austin, TX").
fn is_us_place(place: &str) -> bool {
    let upper = place.to_uppercase();
    upper.starts_with("WASHINGTON") || upper.starts_with("NEW YORK") || US_STATE_SUFFIX.is_match(place)
}

/// A line holding only a place ("Washington, DC"), as bylines print it above the date.
pub(crate) fn place_only(line: &str) -> Option<String> {
    PLACE_ONLY.is_match(line).then(|| normalise_place(line))
}

/// "BERN" → "Bern"; "WARSAW" → "Warsaw"; mixed case is kept ("Washington, DC").
pub(crate) fn normalise_place(place: &str) -> String {
    let place = place.trim().trim_end_matches(',').trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        place
            .split(' ')
            .map(|word| {
                let mut chars = word.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        place.to_owned()
    }
}

static TITLE_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:joint\s+)?(?:press\s+)?(?:statement|remarks|declaration|message|speech|communiqu[ée]|letter)\s+(?:by|of|from)\s+(?:the\s+)?(?P<who>.{2,160}?)(?:\s+(?:on|at|following|regarding|concerning|after|about|to|for|in|upon|ahead\s+of)\b|,|:|$)|^(?:gemeinsame\s+)?erklärung\s+(?:des|der|von)\s+(?P<de>.{2,120}?)(?:\s+(?:zur|zum|zu|über|anlässlich|nach|vor|im|in)\b|,|:|$)|^déclaration\s+(?:commune\s+)?(?:du|de\s+la|des|de|d’|d')\s*(?P<fr>.{2,120}?)(?:\s+(?:sur|à|après|concernant|au|aux|en)\b|,|:|$)").expect("title issuer compiles")
});
static PREFACE_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[-–—]\s+)(?:The\s+)?(?P<who>\p{Lu}[^,:]{2,100}?)(?:,\s*[^,:]{1,120},)?\s+(?:has\s+)?(?:issued|released|made|delivered)\s+the\s+following\b|^The\s+following\s+(?P<who2>.{2,100}?)\s+(?:press\s+)?(?:statement|declaration|communiqué)\s+was\s+(?:issued|released)").expect("preface issuer compiles")
});
/// A preface naming several issuers, with commas ("The Foreign Ministers of Norway, the
/// United Kingdom and the United States issued the following statement").
static LIST_PREFACE_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The\s+)?(?P<who>\p{Lu}[^:;]{2,200}?\s+and\s+[^:;,]{2,100}?)\s+(?:have\s+|has\s+)?(?:jointly\s+)?(?:issued|released|made|delivered)\s+the\s+following\b").expect("list preface compiles")
});
static WE_THE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^We,\s+the\s+(?P<who>[^,]{3,140}),").expect("we-the compiles"));
static SUBSCRIPTION_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:press\s+releases|updates|news)\s+for\s+(?P<who>.{1,80}?\p{L}{2,})\.(?:\s|$)|on\s+behalf\s+of:?\s*(?P<who2>[^·•|]{3,80}?)\s*(?:[·•|]|$)").expect("subscription issuer compiles")
});
static HEADLINE_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,4})\s+(?:condemns|welcomes|calls|urges|expresses|deplores|regrets|announces|warns|appeals|statement)\b").expect("headline compiles")
});

/// Issuer named by a title ("Statement by the Secretary General on …").
pub(crate) fn issuer_from_title(title: &str) -> Option<String> {
    let caps = TITLE_ISSUER.captures(title)?;
    let who = caps.name("who").or_else(|| caps.name("de")).or_else(|| caps.name("fr"))?.as_str().trim();
    (!who.is_empty()).then(|| who.to_owned())
}

/// Issuer named by a headline ("OSCE Chairman-in-Office condemns …").
pub(crate) fn issuer_from_headline(title: &str) -> Option<String> {
    HEADLINE_ISSUER.captures(title).map(|c| c["who"].to_owned())
}

/// Issuer named by a preface ("… The Chairman-in-Office of the OSCE, …, issued the
/// following statement", "The following Security Council press statement was issued").
pub(crate) fn issuer_from_preface(text: &str) -> Option<String> {
    let caps = PREFACE_ISSUER.captures(text).or_else(|| LIST_PREFACE_ISSUER.captures(text))?;
    let who = caps.name("who").or_else(|| caps.name("who2"))?.as_str().trim();
    (!who.is_empty()).then(|| who.to_owned())
}

/// Issuer named in an opening "We, the Leaders of the Group of Seven (G7), …".
pub(crate) fn issuer_from_we_the(text: &str) -> Option<String> {
    WE_THE.captures(text).map(|c| c["who"].trim().to_owned())
}

/// Issuer named by mailing boilerplate ("Press Releases for U.S. Department of State.").
pub(crate) fn issuer_from_subscription(text: &str) -> Option<String> {
    let caps = SUBSCRIPTION_ISSUER.captures(text)?;
    let who = caps.name("who").or_else(|| caps.name("who2"))?.as_str().trim();
    (!who.is_empty()).then(|| who.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumericOrder::MonthFirst;

    fn check(line: &str, expected: &str) {
        let got = match parse(line, MonthFirst) {
            None => "none".to_owned(),
            Some(Meta::Retrieved(d)) => format!("retrieved {}", d.date),
            Some(Meta::Date { date, kind }) => {
                format!("date {}{}", date.date, kind.map(|k| format!(" {k}")).unwrap_or_default())
            }
            Some(Meta::Published { time, .. }) => format!("published {time}"),
            Some(Meta::Dateline { places, date, updated, rest }) => format!(
                "dateline {places:?} {}{}{}",
                date.date,
                updated.map(|u| format!(" updated {u}")).unwrap_or_default(),
                rest.map(|r| format!(" rest {:?}", &line[r..])).unwrap_or_default()
            ),
            Some(Meta::IssuedOn(d, time)) => {
                format!("issued {}{}", d.date, time.map(|t| format!(" at {t}")).unwrap_or_default())
            }
            Some(Meta::Reposted(d)) => format!("reposted {}", d.date),
            Some(Meta::TimeOfDay) => "time".to_owned(),
            Some(Meta::Place(p)) => format!("place {p}"),
            Some(Meta::LastUpdated(t)) => format!("updated {t}"),
            Some(Meta::UpdatedDay(d)) => format!("updated day {}", d.date),
            Some(Meta::AsOf(d, time)) => {
                format!("as of {}{}", d.date, time.map(|t| format!(" at {t}")).unwrap_or_default())
            }
            Some(Meta::Reference(r)) => format!("reference {r}"),
            Some(Meta::Separator) => "separator".to_owned(),
            Some(Meta::Attribution(a)) => format!("source {a}"),
            Some(Meta::IssuedBy { issuer, place, date }) => {
                format!("by {issuer} {place:?} {}", date.map(|d| d.date.to_string()).unwrap_or_default())
            }
            Some(Meta::DocType(k)) => format!("type {k}"),
            Some(Meta::ListSubject { list, title }) => {
                format!("list {} {}", list.unwrap_or_default(), title.unwrap_or_default())
            }
            Some(Meta::MailFrom(name)) => format!("from {}", name.unwrap_or_default()),
            Some(Meta::MailField) => "mail".to_owned(),
        };
        assert_eq!(got, expected, "{line:?}");
    }

    #[test]
    fn metadata_lines() {
        check("Mon. Jul 22nd, 2024", "retrieved 2024-07-22");
        check("Saturday, May 03, 2014", "retrieved 2014-05-03");
        check(
            "Brussels, 16 Feb. 2022 – last updated: 16 Feb. 2022 15:14",
            "dateline [\"Brussels\"] 2022-02-16 updated 2022-02-16T15:14",
        );
        check("BERN 17 December 1996", "dateline [\"Bern\"] 1996-12-17");
        check(
            "BERN, 17 December 1996 - The Chairman-in-Office of the OSCE issued",
            "dateline [\"Bern\"] 1996-12-17 rest \"The Chairman-in-Office of the OSCE issued\"",
        );
        check("WARSAW/VIENNA, 18 March 2022 –", "dateline [\"Warsaw\", \"Vienna\"] 2022-03-18");
        check("• 02 Feb. 2007 - 02 Feb. 2007", "date 2007-02-02");
        check("• 22 Jan. 2014 -", "date 2014-01-22");
        check("• |", "separator");
        check("• Press Release (2007) 013", "reference Press Release (2007) 013");
        check("• Issued on 02 Feb. 2007", "issued 2007-02-02");
        check("• Last updated: 14 Jan. 2009 10:57", "updated 2009-01-14T10:57");
        check("Press Release (97)27", "reference Press Release (97)27");
        check("SC/14367", "reference SC/14367");
        check("14 March 1997", "date 1997-03-14");
        check("MAY 20, 2023", "date 2023-05-20");
        check("22.02.2022 - Pressemitteilung", "date 2022-02-22 press_release");
        check("05/02/2014 08:40 PM EDT", "published 2014-05-02T20:40-04:00");
        check("Source – NATO", "source NATO");
        check("Source: The White House", "source The White House");
        check(
            "Issued by NATO Heads of State and Government participating in the meeting of the North Atlantic Council in Vilnius 11 July 2023",
            "by NATO Heads of State and Government Some(\"Vilnius\") 2023-07-11",
        );
        check("Press Statement", "type press_statement");
        check(
            "[wanabidii] Press Releases: Tragic Loss of Life in Odesa",
            "list wanabidii Tragic Loss of Life in Odesa",
        );
        check("Subject: Re: [l-x] Fwd: Statement: A title", "list l-x A title");
        check("Subject: [diplomacy-l] Press Statement: On Mogadishu", "list diplomacy-l On Mogadishu");
        check("From: \"U.S. Department of State\" <bpa@example.org>", "from U.S. Department of State");
        check("Date: Fri, 10 Jun 2016 16:05:12 -0500", "published 2016-06-10T16:05:12-05:00");
        check("To: list@example.org", "mail");
        check("Paris, le 4 mars 2022", "dateline [\"Paris\"] 2022-03-04");
        check("Brussels, 12/05/2023", "dateline [\"Brussels\"] 2023-05-12");
        check("Washington, DC, 12/05/2023", "dateline [\"Washington, DC\"] 2023-12-05");
        check("On 19 February 2022, we met in Munich.", "none");
        check("May 2, 2014", "date 2014-05-02");
        check("• support Ukraine for as long as it takes;", "none");
        check("Preamble", "none");
        check("Published 14 September 2024", "issued 2024-09-14");
        check("Publication date: November 18, 2019, 16:55", "issued 2019-11-18 at 2019-11-18T16:55");
        check("Last updated at April 25, 2020, 17:06", "updated 2020-04-25T17:06");
        check("Last updated 15 September 2024 + show all updates", "updated day 2024-09-15");
        check("Dernière modification : 04/03/2025", "updated day 2025-04-03");
        check("Zuletzt aktualisiert 03.03.2025 16:20", "updated 2025-03-03T16:20");
        check("Stand 27.01.2022", "as of 2022-01-27");
        check("Stand: 12.11.2021", "as of 2021-11-12");
        check("Stand - 12.11.2021 (Unverändert gültig seit: 05.11.2021)", "as of 2021-11-12");
        check("Stand 28.01.2022, 11:05 Uhr", "as of 2022-01-28 at 2022-01-28T11:05");
        check("Stand der Verhandlungen 2022", "none");
        check("Last updated - 14 Jan. 2009 10:57", "updated 2009-01-14T10:57");
        check("Ort Saarbrücken Datum 28.01.2022", "dateline [\"Saarbrücken\"] 2022-01-28");
        check("Datum 28.01.2022 Ort Saarbrücken", "dateline [\"Saarbrücken\"] 2022-01-28");
        check("Place: Geneva Date: 3 March 2022", "dateline [\"Geneva\"] 2022-03-03");
        check("Ort Saarbrücken Datum 28.01.2022 – Das Bundesamt warnt", "none");
        check("Posted on April 3, 2025 by editor", "reposted 2025-04-03");
        check("Datum 28.01.2022", "issued 2022-01-28");
        check("Ort Saarbrücken", "place Saarbrücken");
        check("18:00", "time");
        check("1:32 P.M. EST", "time");
        check("Press Releases", "type press_release");
        check("18-07-2019 - 11:37", "published 2019-07-18T11:37");
        check("Published in section: News", "none");
        check("21.01.2022 Aktuelle Meldung", "date 2022-01-21");
    }

    #[test]
    fn issuers() {
        assert_eq!(
            issuer_from_title("Statement by the Secretary General on Kosovo status").as_deref(),
            Some("Secretary General")
        );
        assert_eq!(
            issuer_from_title("Statement by the North Atlantic Council").as_deref(),
            Some("North Atlantic Council")
        );
        assert_eq!(
            issuer_from_title("Erklärung des G7-Vorsitzes zur heutigen G7-Telefonschalte").as_deref(),
            Some("G7-Vorsitzes")
        );
        assert_eq!(
            issuer_from_preface("BERN, 17 December 1996 - The Chairman-in-Office of the OSCE, Swiss Foreign Minister Flavio Cotti, issued the following statement in Bern today:").as_deref(),
            Some("Chairman-in-Office of the OSCE")
        );
        assert_eq!(
            issuer_from_preface(
                "The following Security Council press statement was issued today by Council President"
            )
            .as_deref(),
            Some("Security Council")
        );
        assert_eq!(
            issuer_from_preface("The Foreign Ministers of Norway, the United Kingdom and the United States issued the following statement:").as_deref(),
            Some("Foreign Ministers of Norway, the United Kingdom and the United States")
        );
        assert_eq!(
            issuer_from_subscription("You are subscribed to Press Releases for U.S. Department of State.")
                .as_deref(),
            Some("U.S. Department of State")
        );
        assert_eq!(place_only("Washington, DC").as_deref(), Some("Washington, DC"));
        assert_eq!(place_only("Marie Harf"), None);
    }
}
