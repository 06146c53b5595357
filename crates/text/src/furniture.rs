//! Page furniture that is not part of a statement: share bars, navigation, subscription
//! boilerplate, comment prompts, related-post lists, photo credits, contact lines.
//!
//! One set of rules for plain text and Markdown. The phrases are data: each language
//! file's `[[furniture.rule]]` tables (whole lines, line openings, phrases inside a short
//! line), and `languages/mul.toml` for what every language shares (the names of social
//! networks). Beside the phrases, a few rules read the shape of a line whatever its
//! language: a separator line, a line of network names ("Share this: Facebook Twitter
//! Email Print", "FacebookTwitterMister Wong"), a line of bracketed links, a short line
//! holding a telephone number, an e-mail address or a web address, a copyright or photo
//! credit line.
//!
//! Each class has a note code (`noise.share`, …) so that the record lists what was set
//! aside, and why.

use crate::languages::{self, FurnitureRule};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A class of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Furniture {
    /// Note code (`noise.share`).
    pub code: &'static str,
    /// What it is, for the note's message.
    pub what: &'static str,
    /// Whether everything after it is page furniture too (a "Related posts" list).
    pub ends_page: bool,
}

/// What the known note codes set aside, for a note's message.
const WHAT: &[(&str, &str)] = &[
    ("noise.share", "share buttons"),
    ("noise.forward", "forwarding prompt"),
    ("noise.related", "related-posts list"),
    ("noise.continue", "link to the rest of a post"),
    ("noise.navigation", "navigation"),
    ("noise.subscription", "subscription or mailing boilerplate"),
    ("noise.photo", "photo credit or caption"),
    ("noise.contact", "contact details"),
    ("noise.separator", "separator line"),
    ("noise.not_official", "\"not an official record\" disclaimer"),
    ("noise.comments", "blog comment and post furniture"),
    ("noise.feedback", "page feedback prompt"),
    ("noise.updates", "page update history"),
    ("noise.cookies", "cookie banner"),
    ("noise.link", "web address"),
    ("noise.copyright", "copyright line"),
    ("noise.marker", "text marker"),
    ("noise.briefing", "briefing header or footer"),
    ("noise.release_line", "release or delivery line"),
];

fn furniture(code: &str, ends_page: bool) -> Furniture {
    match WHAT.iter().find(|(c, _)| *c == code) {
        Some((code, what)) => Furniture { code, what, ends_page },
        None => {
            // A code of a language file the table above does not list.
            let code: &'static str = languages::all()
                .iter()
                .flat_map(|l| &l.furniture)
                .find(|r| r.code == code)
                .map_or("noise.other", |r| r.code.as_str());
            Furniture { code, what: "page furniture", ends_page }
        }
    }
}

/// Phrase rules, compiled: whole lines, line openings (longest first), phrases inside a
/// short line.
#[derive(Debug)]
pub(crate) struct Rules {
    lines: HashMap<String, Furniture>,
    /// Line openings by their first character, longest first.
    starts: HashMap<char, Vec<(String, Furniture)>>,
    contains: AhoCorasick,
    contains_class: Vec<Furniture>,
}

impl Rules {
    /// Compiles `rules` (phrases in lower case).
    pub(crate) fn new<'r>(rules: impl IntoIterator<Item = &'r FurnitureRule>) -> Self {
        let mut lines = HashMap::new();
        let mut starts = Vec::new();
        let mut contains = Vec::new();
        let mut contains_class = Vec::new();
        for rule in rules {
            let class = furniture(&rule.code, rule.ends_page);
            for line in &rule.lines {
                lines.entry(normalise(line)).or_insert(class);
            }
            starts.extend(rule.starts.iter().map(|s| (s.clone(), class)));
            for phrase in &rule.contains {
                contains.push(phrase.clone());
                contains_class.push(class);
            }
        }
        starts.sort_by_key(|s: &(String, Furniture)| std::cmp::Reverse(s.0.len()));
        let mut by_first: HashMap<char, Vec<(String, Furniture)>> = HashMap::new();
        for (start, class) in starts {
            if let Some(first) = start.chars().next() {
                by_first.entry(first).or_default().push((start, class));
            }
        }
        Self {
            lines,
            starts: by_first,
            contains: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&contains)
                .expect("furniture phrases build an automaton"),
            contains_class,
        }
    }

    /// The class of the first phrase rule `line` matches. `lower` is the line as
    /// [`normalise`] gives it, or only its start when `whole` is false (a long line is
    /// no whole-line phrase).
    fn phrase(&self, line: &str, lower: &str, whole: bool) -> Option<Furniture> {
        if whole {
            if let Some(class) = self.lines.get(lower) {
                return Some(*class);
            }
            let stripped = lower.trim_end_matches(['.', '…', '!']);
            if stripped != lower
                && let Some(class) = self.lines.get(stripped)
            {
                return Some(*class);
            }
        }
        let first = lower.chars().next().unwrap_or_default();
        for (start, class) in self.starts.get(&first).into_iter().flatten() {
            if lower.starts_with(start.as_str())
                && (start.ends_with([' ', ':', '>', '›', '»', '/']) || ends_word(lower, start.len()))
            {
                return Some(*class);
            }
        }
        if line.len() > CONTAINS_BYTES {
            return None;
        }
        self.contains.find(line).map(|m| self.contains_class[m.pattern().as_usize()])
    }
}

/// The language files' rules, and what the shape rules read from them.
struct Shared {
    rules: Rules,
    networks: HashSet<String>,
    /// Network names without spaces, longest first, for lines printed without spaces.
    networks_squeezed: Vec<String>,
    /// One- and two-word share phrases ("share", "share this", "partager").
    share_words: HashSet<String>,
    /// Share phrases that open a line ("share this:").
    share_starts: Vec<String>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let mut networks = HashSet::new();
    let mut share_words = HashSet::new();
    let mut share_starts = Vec::new();
    for language in languages::all() {
        networks.extend(language.networks.iter().cloned());
        for rule in language.furniture.iter().filter(|r| r.code == "noise.share") {
            share_words.extend(
                rule.lines
                    .iter()
                    .filter(|l| l.split_whitespace().count() <= 2)
                    .map(|l| l.trim_end_matches(':').to_owned()),
            );
            share_starts.extend(rule.starts.iter().cloned());
        }
    }
    share_starts.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut networks_squeezed: Vec<String> = networks
        .iter()
        .map(|n| n.chars().filter(|c| !c.is_whitespace()).collect())
        .filter(|n: &String| n.len() >= 2)
        .collect();
    networks_squeezed.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    Shared {
        rules: Rules::new(languages::all().iter().flat_map(|l| &l.furniture)),
        networks,
        networks_squeezed,
        share_words,
        share_starts,
    }
});

/// A telephone number: an optional `+` or bracket, then at least seven digits among
/// spaces, brackets, dots, dashes and slashes ("+32 (0)2 281 63 19", "(202) 646-3272").
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\+|\(\+?)?\d[\d\s().\-/]{6,}\d").expect("phone pattern compiles"));
/// A word that labels a telephone number.
static PHONE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])(?:tel|tél|phone|telephone|téléphone|telefon|telefax|fax|mobile|mob|cell|office|handy|mobil)(?:[^\p{L}]|$)|^(?:t|f|m)\s*[:.]")
        .expect("phone label compiles")
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("e-mail pattern compiles"));
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|int|gov|edu|eu|ru|de|fr|uk|ch|at|jm|be|un)(?:/\S*)?")
        .expect("url pattern compiles")
});

/// Lower case, white space collapsed, list markers before and colons after trimmed.
fn normalise(line: &str) -> String {
    let trimmed = line
        .trim_start_matches(|c: char| {
            matches!(
                c,
                '•' | '·' | '▪' | '◦' | '●' | '▶' | '*' | '-' | '–' | '□' | '+' | '#' | '=' | '~' | '_'
            ) || c.is_whitespace()
        })
        .trim_end_matches(|c: char| matches!(c, ':' | '*' | '#' | '=' | '~' | '_') || c.is_whitespace());
    let mut out = String::with_capacity(trimmed.len());
    if trimmed.is_ascii() {
        // One pass over the bytes: lower case, runs of white space as one space.
        let mut space = false;
        for b in trimmed.bytes() {
            if b.is_ascii_whitespace() {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return out;
    }
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Whether the phrase ends at byte `at` of `text`: the end, or a character that is not
/// a letter or digit follows.
fn ends_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The kind of furniture `line` (one line, or a block's lines joined) is, if it is:
/// [`phrase`], then [`shape`].
pub(crate) fn classify(line: &str, layout: Option<&Rules>) -> Option<Furniture> {
    // One scan counts the words, stopping past 60.
    let words = line.split_whitespace().take(61).count();
    if words > 60 {
        return long_contact(line);
    }
    if words == 0 {
        return None;
    }
    let whole = line.len() <= LONG_LINE;
    let lower = normalise(if whole { line } else { &line[..floor(line, START_BYTES)] });
    phrase_of(line, &lower, whole, layout).or_else(|| shape_of(line, if whole { &lower } else { "" }, words))
}

/// A contact block run together into one long line: a labelled telephone number in it.
fn long_contact(line: &str) -> Option<Furniture> {
    static LABELS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["tel", "phone", "fax", "mobile"])
            .expect("telephone labels build an automaton")
    });
    (line.len() < 700
        && LABELS.is_match(line)
        && line.bytes().filter(u8::is_ascii_digit).count() >= 7
        && PHONE.is_match(line)
        && PHONE_LABEL.is_match(line))
    .then(|| furniture("noise.contact", false))
}

fn phrase_of(line: &str, lower: &str, whole: bool, layout: Option<&Rules>) -> Option<Furniture> {
    layout
        .and_then(|rules| rules.phrase(line, lower, whole))
        .or_else(|| SHARED.rules.phrase(line, lower, whole))
}

/// The furniture the phrase lists say `line` is: first the rules of the page's layout
/// (if one was chosen), then the language files'.
pub(crate) fn phrase(line: &str, layout: Option<&Rules>) -> Option<Furniture> {
    let words = line.split_whitespace().count();
    if words == 0 || words > 60 {
        return None;
    }
    // Whole-line phrases are short, openings too: a long line is read by its start.
    let whole = line.len() <= LONG_LINE;
    let lower = normalise(if whole { line } else { &line[..floor(line, START_BYTES)] });
    phrase_of(line, &lower, whole, layout)
}

/// Lines longer than this (bytes) are no whole-line phrase, share line or link.
const LONG_LINE: usize = 160;

/// Bytes of a long line read for the line openings (the longest is shorter).
const START_BYTES: usize = 80;

/// Lines longer than this (bytes) are not searched for the phrases a short line holds.
const CONTAINS_BYTES: usize = 500;

/// The largest char boundary of `text` at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut end = at.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The furniture the shape of `line` says it is, whatever its language (see the module
/// documentation).
pub(crate) fn shape(line: &str) -> Option<Furniture> {
    let words = line.split_whitespace().count();
    if words == 0 {
        return None;
    }
    if words > 60 {
        // Furniture is short; a long line is prose, or a contact block run together.
        return long_contact(line);
    }
    let lower = if line.len() <= LONG_LINE { normalise(line) } else { String::new() };
    shape_of(line, &lower, words)
}

/// The rules that read the shape of a line.
fn shape_of(line: &str, lower: &str, words: usize) -> Option<Furniture> {
    let shared = &*SHARED;
    if !line.chars().any(char::is_alphanumeric) {
        return Some(furniture("noise.separator", false));
    }
    // "[ Go to Index ]  [ Go to Homepage ]".
    if line.starts_with('[')
        && line.trim_end().ends_with(']')
        && line.matches('[').count() == line.matches(']').count()
    {
        return Some(furniture("noise.navigation", false));
    }
    if !lower.is_empty() && is_share_line(lower, shared) {
        return Some(furniture("noise.share", false));
    }
    if line.starts_with('©') || lower.starts_with("(c) ") || lower.starts_with("copyright ") {
        return Some(furniture("noise.copyright", false));
    }
    if line.contains('©') && words <= 30 && !line.trim_end().ends_with(['.', '!', '?']) {
        return Some(furniture("noise.photo", false));
    }
    if words <= 16 && line.contains('@') && EMAIL.is_match(line) {
        return Some(furniture("noise.contact", false));
    }
    // A telephone number under a label ("Tel.:", "Mobile number:"), or one that is most of
    // its line ("+32 (0)460 75 45 53").
    if words <= 16
        && line.bytes().filter(u8::is_ascii_digit).count() >= 7
        && let Some(phone) = PHONE.find(line)
        && phone.as_str().chars().filter(char::is_ascii_digit).count() >= 7
        && (PHONE_LABEL.is_match(line) || phone.as_str().len() * 2 >= line.trim().len())
    {
        return Some(furniture("noise.contact", false));
    }
    // A web address alone, or under a label of two words ("Direct link: …").
    if words <= 8
        && line.contains('.')
        && (line.contains('/') || line.contains("www."))
        && let Some(url) = URL.find(line)
        && format!("{} {}", &line[..url.start()], &line[url.end()..]).split_whitespace().count() <= 2
    {
        return Some(furniture("noise.link", false));
    }
    None
}

/// A line of network names and share words ("Share this: Facebook Twitter Email Print",
/// "Facebook | Twitter | LinkedIn"), or of network names printed without spaces
/// ("FacebookTwitterMister WongGoogle+PinterestDelicious").
fn is_share_line(lower: &str, shared: &Shared) -> bool {
    let mut rest = lower;
    // A share phrase first ("share this:", "share on").
    for start in &shared.share_starts {
        if let Some(after) = rest.strip_prefix(start.as_str()) {
            rest = after;
            break;
        }
    }
    let mut networks = 0;
    let mut all = true;
    for token in rest.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',' | '/' | ':'))
    {
        if token.is_empty() {
            continue;
        }
        if shared.networks.contains(token) {
            networks += 1;
        } else if !shared.share_words.contains(token)
            && !matches!(token, "on" | "this" | "via" | "to" | "us" | "follow")
        {
            all = false;
            break;
        }
    }
    // "Facebook" alone on its line is a share button too.
    if all && (networks >= 2 || (networks == 1 && rest.split_whitespace().count() <= 2)) {
        return true;
    }
    if lower.len() > 80 || lower.split_whitespace().nth(4).is_some() {
        return false;
    }
    // Names run together: "FacebookTwitterMister WongGoogle+PinterestDelicious".
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = squeezed.as_str();
    let mut count = 0;
    'names: while !rest.is_empty() {
        for name in &shared.networks_squeezed {
            if let Some(after) = rest.strip_prefix(name.as_str()) {
                rest = after;
                count += 1;
                continue 'names;
            }
        }
        return false;
    }
    count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<&str>) {
        assert_eq!(classify(line, None).map(|n| n.code), expected, "{line:?}");
    }

    #[test]
    fn furniture_lines() {
        check("Forward to your friends", Some("noise.forward"));
        check("Share this :", Some("noise.share"));
        check("Related Posts", Some("noise.related"));
        check("[ Go to Index ]  [ Go to Homepage ]", Some("noise.navigation"));
        check("Willkommen auf den Seiten des Auswärtigen Amts", Some("noise.navigation"));
        check("nach oben", Some("noise.navigation"));
        check("Haut de page", Some("noise.navigation"));
        check("Schlagworte", Some("noise.related"));
        check("Newsroom", Some("noise.navigation"));
        check("Tiếp tục đọc “G7 Hiroshima Leaders’ Communiqué”", Some("noise.continue"));
        check(
            "You are subscribed to Press Releases for U.S. Department of State.",
            Some("noise.subscription"),
        );
        check("For information media. Not an official record.", Some("noise.not_official"));
        check("Photo: NATO", Some("noise.photo"));
        check("Tel: +32 2 707 50 41", Some("noise.contact"));
        check("press@example.org", Some("noise.contact"));
        check("press.office@example.eu - www.example.eu/press", Some("noise.contact"));
        check("Press office - General Secretariat of the Council", Some("noise.contact"));
        check("Rue de la Loi 175 - B-1048 BRUSSELS - Tel.: +32 (0)2 281 63 19", Some("noise.contact"));
        check("+32 (0)460 75 45 53", Some("noise.contact"));
        check("Phone number: (+32) 2 28 32547 (BXL)", Some("noise.contact"));
        check(
            "FOR FURTHER INFORMATION MEDIA SHOULD CONTACT THE FEMA NEWS DESK AT (202) 646-3272 OR FEMA-NEWS-DESK@FEMA.DHS.GOV.",
            Some("noise.contact"),
        );
        check("* *** *", Some("noise.separator"));
        check("Like this:", Some("noise.share"));
        check("Like Loading...", Some("noise.share"));
        check("Share this: Facebook Twitter Email Print", Some("noise.share"));
        check("Share This: Twitter Facebook Email", Some("noise.share"));
        check("FacebookTwitterMister WongGoogle+PinterestDelicious", Some("noise.share"));
        check("Post a Comment", Some("noise.comments"));
        check("<< Home", Some("noise.comments"));
        check("Posted by Diplomacy Desk at 9:14 AM", Some("noise.comments"));
        check("Updates to this page", Some("noise.updates"));
        check("Is this page useful?", Some("noise.feedback"));
        check("* * * Begin text * * *", Some("noise.marker"));
        check("For Immediate Release", Some("noise.release_line"));
        check("Facebook", Some("noise.share"));
        check("http://en.kremlin.ru/events/president/news/63277", Some("noise.link"));
        check("Quick EU funding of recovery measures © JOSE JORDAN / AFP", Some("noise.photo"));
        check("© 2018 Bundesministerium für Europa", Some("noise.copyright"));
        check("We condemn the attack in Tel Aviv on 3 May.", None);
        check("We share the concern of our partners.", None);
        check("Preamble", None);
        check("Statement by the North Atlantic Council", None);
        check("The Facebook and Twitter accounts of the ministry were hacked.", None);
        check("Registration for AICE 2022 is now open and can be completed at www.aice2022.com.", None);
        check("Write to the desk or https://example.org.", None);
        check("Strategic Partnership (2021-2025), including through joint work.", None);
        check("Direct link: en.kremlin.ru/d/63277", Some("noise.link"));
    }
}
