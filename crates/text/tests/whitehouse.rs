//! The White House corpus (`tests/data/corpus-whitehouse`, 241 Markdown files with YAML
//! front matter) as a real-scale test of Markdown ingest.
//!
//! The front matter is read here by a small line-based reader of its own (not the
//! crate's YAML parser), so the test does not check the code against itself.

use communique_model::{ParagraphKind, Statement};
use communique_text::{IngestOptions, ingest};
use std::path::{Path, PathBuf};

fn corpus_files() -> Vec<PathBuf> {
    communique_testdata::whitehouse_files()
}

fn read(path: &Path) -> (String, Statement) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let statement =
        ingest(&bytes, &IngestOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (String::from_utf8(bytes).expect("UTF-8"), statement)
}

fn named(part: &str) -> (String, Statement) {
    let path = corpus_files()
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(part)))
        .unwrap_or_else(|| panic!("no corpus file named like {part}"));
    read(&path)
}

// ---- an independent reader of the front matter -------------------------------------

/// `key: value` pairs of the front matter; a double-quoted value may run over several
/// lines and is decoded with YAML's double-quoted escapes and folding.
fn front_matter(text: &str) -> Vec<(String, String)> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("---"));
    let mut out: Vec<(String, String)> = Vec::new();
    let mut pending: Option<(String, String)> = None;
    for line in lines {
        if let Some((key, mut raw)) = pending.take() {
            raw.push('\n');
            raw.push_str(line);
            if closes_double_quote(&raw) {
                out.push((key, decode_double_quoted(&raw)));
            } else {
                pending = Some((key, raw));
            }
            continue;
        }
        if line == "---" {
            break;
        }
        let (key, value) = line.split_once(": ").expect("key: value");
        let value = value.to_owned();
        if value.starts_with('"') {
            if closes_double_quote(&value) {
                out.push((key.to_owned(), decode_double_quoted(&value)));
            } else {
                pending = Some((key.to_owned(), value));
            }
        } else if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
            out.push((key.to_owned(), inner.replace("''", "'")));
        } else {
            out.push((key.to_owned(), value));
        }
    }
    out
}

fn closes_double_quote(raw: &str) -> bool {
    let mut escaped = false;
    for (i, c) in raw.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return i == raw.len() - 1,
            _ => escaped = false,
        }
    }
    false
}

/// YAML 1.2 double-quoted scalar (§7.3.1): escapes, an escaped line break joins lines
/// with nothing, a bare line break folds to one space; leading white space of a
/// continuation line is dropped.
fn decode_double_quoted(raw: &str) -> String {
    let inner = &raw[1..raw.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next().expect("escape") {
                '\n' => while chars.next_if(|c| *c == ' ').is_some() {},
                '_' => out.push('\u{a0}'),
                ' ' => out.push(' '),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                '/' => out.push('/'),
                'n' => out.push('\n'),
                't' => out.push('\t'),
                e @ ('x' | 'u' | 'U') => {
                    let digits = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = (0..digits).map(|_| chars.next().expect("hex digit")).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).expect("hex")).expect("char"));
                }
                other => panic!("escape \\{other} not handled by the test reader"),
            },
            '\n' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(' ');
                while chars.next_if(|c| *c == ' ').is_some() {}
            }
            c => out.push(c),
        }
    }
    out
}

fn value<'a>(front: &'a [(String, String)], key: &str) -> Option<&'a str> {
    front.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// The resolution the crate documents for text: no-break spaces are spaces, runs of white
/// space are one space, the word joiner and zero-width characters go.
fn as_read(text: &str) -> String {
    let visible: String =
        text.chars().filter(|c| !matches!(c, '\u{2060}' | '\u{200B}' | '\u{FEFF}' | '\u{AD}')).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Markdown slice with its markup taken away the documented way: tags (an autolink,
/// web or e-mail, keeps its address), link targets, backslash escapes, asterisks, a few character
/// references; then white space as in [`as_read`].
fn markup_resolved(slice: &str) -> String {
    let mut out = String::new();
    let mut chars = slice.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                out.push(chars.next().expect("escaped character"));
            }
            '*' => {}
            '<' => {
                let tag: String = std::iter::from_fn(|| chars.next_if(|c| *c != '>')).collect();
                chars.next();
                let email = tag.contains('@') && !tag.contains(char::is_whitespace);
                if tag.starts_with("http") || tag.starts_with("mailto:") || email {
                    out.push_str(&tag);
                }
            }
            ']' if chars.peek() == Some(&'(') => {
                let mut depth = 0;
                for c in chars.by_ref() {
                    match c {
                        '(' => depth += 1,
                        ')' if depth == 1 => break,
                        ')' => depth -= 1,
                        _ => {}
                    }
                }
            }
            '[' => {}
            c => out.push(c),
        }
    }
    let out = out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    as_read(&out)
}

/// The slice without a leading list marker (a bullet left as text included), printed
/// number or speaker's label, as the crate strips them.
fn without_marker(resolved: &str, number: Option<&str>, speaker: Option<&str>) -> String {
    let mut rest = resolved.trim_start();
    // A transcript's speaker label ("MS. JEAN-PIERRE:", "Q") opens the turn's first
    // paragraph.
    if let Some(speaker) = speaker
        && let Some(after) =
            rest.strip_prefix(&format!("{speaker}: ")).or_else(|| rest.strip_prefix(&format!("{speaker} ")))
    {
        rest = after;
    }
    if let Some(after) =
        rest.strip_prefix("- ").or_else(|| rest.strip_prefix("+ ")).or_else(|| rest.strip_prefix("• "))
    {
        rest = after;
    }
    if let Some(number) = number {
        for form in
            [format!("{number}. "), format!("{number}) "), format!("({number}) "), format!("{number} ")]
        {
            if let Some(after) = rest.strip_prefix(form.as_str()) {
                rest = after;
                break;
            }
        }
    }
    rest.to_owned()
}

// ---- 1. the whole folder ------------------------------------------------------------

#[test]
fn every_file_ingests_exactly() {
    let files = corpus_files();
    assert_eq!(files.len(), 241, "the corpus holds 241 statements");
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().expect("file name").to_string_lossy().into_owned();
        let (text, s) = read(path);
        let mut fail = |what: String| problems.push(format!("{name}: {what}"));
        if let Err(e) = s.validate() {
            fail(format!("invalid: {e}"));
        }
        let front = front_matter(&text);
        // The title keeps every character of the front matter: no-break spaces, the word
        // joiner of "COVID-\u{2060}19".
        let title = value(&front, "title");
        if s.title.as_deref() != title {
            fail(format!("title {:?} != front matter {title:?}", s.title));
        }
        let date = value(&front, "date").expect("every file has a date");
        if s.issued.map(|d| d.to_string()).as_deref() != Some(date) {
            fail(format!("issued {:?} != {date}", s.issued));
        }
        let iso = |v: &str| v.replacen(' ', "T", 1);
        let published = value(&front, "published_time").map(iso);
        if s.published.map(|t| t.to_string()) != published {
            fail(format!("published {:?} != {published:?}", s.published.map(|t| t.to_string())));
        }
        // Every modified_time is the last update, with its offset: the files that give one
        // the evening before the issue date (a western zone) are not "before" the issue
        // day, whose earliest instant is 00:00 at UTC+14.
        let modified = value(&front, "modified_time").map(iso);
        let last_updated = s.last_updated.map(|t| t.to_string());
        if last_updated != modified {
            fail(format!("last_updated {last_updated:?} != modified_time {modified:?}"));
        }
        if s.notes.iter().any(|n| n.code == "front_matter.modified_before_issue") {
            fail("a modified_time is set aside in a note".into());
        }
        let url = value(&front, "source_url");
        if s.source.url.as_deref() != url {
            fail(format!("source url {:?} != {url:?}", s.source.url));
        }
        if s.source_text.as_deref() != Some(text.as_str()) {
            fail("source_text is not the file".into());
        }
        if s.paragraphs.is_empty() {
            fail("no paragraphs".into());
        }
        for p in &s.paragraphs {
            let t = &p.text;
            for syntax in ["**", "<u>", "</u>", "<span", "<sup", "\\_", "\\#", "\\*", "](", "\u{a0}", "  "] {
                if t.contains(syntax) {
                    fail(format!("{} holds {syntax:?}: {t:?}", p.id));
                }
            }
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&digits) && t[digits..].starts_with(". ") {
                fail(format!("{} starts with a number that is not taken as its number: {t:?}", p.id));
            }
            let Some(slice) = p.source_span.and_then(|span| span.slice(&text)) else {
                fail(format!("{} has no span on the source", p.id));
                continue;
            };
            let resolved = without_marker(&markup_resolved(slice), p.number.as_deref(), p.speaker.as_deref());
            if resolved != *t {
                fail(format!("{} span gives {resolved:?}, text is {t:?}", p.id));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

// ---- 3. no page furniture in a paragraph ---------------------------------------------

/// Each class of page furniture issue 15 names, as a check of its own on a paragraph
/// (independent of the crate's rules): the class, and whether a paragraph (of a record
/// with the given title, at the given index of so many paragraphs) belongs to it.
#[allow(clippy::type_complexity)]
fn furniture_classes()
-> Vec<(&'static str, Box<dyn Fn(&communique_model::Paragraph, Option<&str>, usize, usize) -> bool>)> {
    let phone = regex::Regex::new(r"\(?\d{3}\)?[ .-]?\d{3}-\d{4}").unwrap();
    let email = regex::Regex::new(r"[\w.+-]+@[\w-]+\.[\w.-]+").unwrap();
    let time = regex::Regex::new(r"^\d{1,2}:\d{2} [AP]\.M\. E[SD]T$").unwrap();
    let names_and_date = regex::Regex::new(
        r"^(?:[A-Z][A-Za-z.’'-]*(?:,? (?:Jr\.|JR\.))?,? ?)+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})?$",
    )
    .unwrap();
    let lower = |p: &str| p.to_lowercase();
    vec![
        (
            "contact block (a telephone number or an e-mail address in a short paragraph)",
            Box::new(move |p: &communique_model::Paragraph, _: Option<&str>, _: usize, _: usize| {
                p.text.split_whitespace().count() <= 40
                    && (phone.is_match(&p.text) || email.is_match(&p.text))
            }),
        ),
        (
            "FEMA's \"FOR FURTHER INFORMATION MEDIA SHOULD CONTACT …\"",
            Box::new(|p: &communique_model::Paragraph, _: Option<&str>, _: usize, _: usize| {
                p.text.starts_with("FOR FURTHER INFORMATION")
            }),
        ),
        (
            "briefing header or footer (room, time, END)",
            Box::new(move |p: &communique_model::Paragraph, _: Option<&str>, _: usize, _: usize| {
                let p = p.text.as_str();
                p.ends_with("Press Briefing Room")
                    || time.is_match(p)
                    || p == "END"
                    || p == "Via Teleconference"
            }),
        ),
        (
            "\"Begin text\" marker",
            Box::new(move |p: &communique_model::Paragraph, _: Option<&str>, _: usize, _: usize| {
                let l = lower(&p.text);
                l.trim_matches(|c: char| !c.is_alphabetic()).starts_with("begin text")
                    || l.trim_matches(|c: char| !c.is_alphabetic()).starts_with("end text")
            }),
        ),
        (
            "\"•\" bullet left in the text",
            Box::new(|p: &communique_model::Paragraph, _: Option<&str>, _: usize, _: usize| {
                p.text.contains('•')
            }),
        ),
        (
            "signature lines (names and a date at the end)",
            Box::new(move |p: &communique_model::Paragraph, _: Option<&str>, index: usize, count: usize| {
                // A list of names (those present at a meeting) is no signature.
                index + 1 == count
                    && p.kind != ParagraphKind::ListItem
                    && p.text.split_whitespace().count() >= 2
                    && names_and_date.is_match(&p.text)
            }),
        ),
        (
            "the title repeated as the first line of the body",
            Box::new(|p: &communique_model::Paragraph, title: Option<&str>, index: usize, _: usize| {
                index == 0 && title.is_some_and(|t| as_read(t).eq_ignore_ascii_case(&p.text))
            }),
        ),
        (
            "share, blog, GOV.UK, French or German page furniture",
            Box::new(|p: &communique_model::Paragraph, _: Option<&str>, _: usize, _: usize| {
                const LINES: &[&str] = &[
                    "Share this:",
                    "Post a Comment",
                    "<< Home",
                    "Updates to this page",
                    "Haut de page",
                    "nach oben",
                    "Print this page",
                ];
                LINES.iter().any(|l| p.text.eq_ignore_ascii_case(l))
                    || p.text.starts_with("Share this: Facebook")
            }),
        ),
    ]
}

#[test]
fn no_furniture_is_left_in_a_paragraph() {
    let classes = furniture_classes();
    let mut found: Vec<Vec<String>> = vec![Vec::new(); classes.len()];
    for path in corpus_files() {
        let name = path.file_name().expect("file name").to_string_lossy().into_owned();
        let (_, s) = read(&path);
        let count = s.paragraphs.len();
        for (index, p) in s.paragraphs.iter().enumerate() {
            for (k, (_, check)) in classes.iter().enumerate() {
                if check(p, s.title.as_deref(), index, count) {
                    found[k].push(format!(
                        "{name} {}: {:?}",
                        p.id,
                        p.text.chars().take(80).collect::<String>()
                    ));
                }
            }
        }
    }
    let report: Vec<String> = classes
        .iter()
        .zip(&found)
        .filter(|(_, hits)| !hits.is_empty())
        .map(|((what, _), hits)| format!("{what}: {} paragraph(s)\n  {}", hits.len(), hits.join("\n  ")))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

// ---- 2. five files, paragraph by paragraph ------------------------------------------

use ParagraphKind::{Body as B, Heading as H, LeadIn as L, ListItem as I};

/// Checks each paragraph's kind, number and first words, in order, and the count.
fn check(s: &Statement, expected: &[(ParagraphKind, Option<&str>, &str)]) {
    let got: Vec<String> = s
        .paragraphs
        .iter()
        .map(|p| format!("{} {:?} {}", p.kind, p.number, p.text.chars().take(60).collect::<String>()))
        .collect();
    assert_eq!(s.paragraphs.len(), expected.len(), "paragraph count; got:\n{}", got.join("\n"));
    for (i, (p, (kind, number, start))) in s.paragraphs.iter().zip(expected).enumerate() {
        assert_eq!(p.id, format!("para_{}", i + 1));
        assert_eq!(
            (p.kind, p.number.as_deref()),
            (*kind, *number),
            "{}: {:?}",
            p.id,
            p.text.chars().take(60).collect::<String>()
        );
        assert!(p.text.starts_with(start), "{} starts {:?}, expected {start:?}", p.id, &p.text);
    }
}

#[test]
fn taoiseach_2021_headings_before_hard_breaks_and_bullet_lists() {
    let (_, s) = named("2021-03-17-joint-statement-by-president-joe-biden-and-taoiseach");
    assert_eq!(s.kind.as_str(), "joint_statement");
    assert_eq!(
        s.title.as_deref(),
        Some("Joint Statement by President Joe\u{a0}Biden and Taoiseach Micheál\u{a0}Martin")
    );
    assert!(s.places.is_empty());
    check(
        &s,
        &[
            (B, None, "On March 17, President Joe Biden hosted Taoiseach Micheál Martin for a virtual"),
            (H, None, "Combating COVID-19"),
            (B, None, "The top priority of the President and the Taoiseach is ending the COVID-19"),
            (I, None, "The President and the Taoiseach agreed to cooperate in global efforts"),
            (I, None, "They committed to working with each other, the United Nations"),
            (I, None, "They committed to working together to reopen our economies"),
            (I, None, "The President and the Taoiseach recognized the need for a sustainable"),
            (H, None, "Addressing Global Challenges"),
            (B, None, "The President and the Taoiseach affirmed their shared commitment"),
            (I, None, "The leaders emphasized their commitment to multilateral institutions"),
            (I, None, "In the United Nations Security Council, the United States and Ireland will"),
            (I, None, "The President and the Taoiseach underscored the need to promote"),
            (I, None, "The two leaders pledged to strengthen efforts"),
            (I, None, "Both leaders regard climate action as a critical issue."),
            (I, None, "The President and the Taoiseach agreed on the importance of a strong"),
            (H, None, "Increasing Our Shared Prosperity"),
            (B, None, "The President and the Taoiseach recognized the importance of a predictable"),
            (I, None, "Recognized the importance of job creation"),
            (I, None, "The President and the Taoiseach agreed to support deepening trade"),
            (I, None, "The leaders committed to continue developing global cooperation"),
            (I, None, "They emphasized the strategic importance of democracies"),
            (H, None, "Supporting the Good Friday Agreement"),
            (B, None, "The United States and Ireland are unequivocally committed"),
            (I, None, "The President and the Taoiseach underscored the importance of preserving"),
            (I, None, "They agreed on the importance of the democratic institutions"),
            (I, None, "They emphasized the vital role of the British and Irish governments"),
            (I, None, "They called for the good faith implementation"),
            (I, None, "The President and the Taoiseach paid tribute to the late John Hume"),
            (H, None, "Strengthening People-to-People Ties"),
            (B, None, "The United States and Ireland are committed to broadening"),
            (I, None, "The President and the Taoiseach agreed to encourage the return"),
            (I, None, "The leaders expressed their support for an earned path"),
            (I, None, "The leaders welcomed the renewal of a Memorandum of Understanding"),
            (I, None, "The leaders also welcomed the signing of a Memorandum"),
        ],
    );
    assert_eq!(s.notes.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(), ["noise.end_mark"]);
}

#[test]
fn g7_2022_numbered_paragraphs_and_a_lettered_list() {
    let (_, s) = named("2022-05-08-g7-leaders-statement-2");
    assert_eq!(s.kind.as_str(), "joint_statement");
    assert_eq!(s.published.map(|t| t.to_string()).as_deref(), Some("2022-05-08T12:00:00-04:00"));
    assert_eq!(s.last_updated.map(|t| t.to_string()).as_deref(), Some("2022-05-08T11:44:11-04:00"));
    check(
        &s,
        &[
            (B, Some("1"), "Today, on 8 May, we, the Leaders of the Group of Seven (G7), alongside"),
            (B, Some("2"), "Seventy-seven years later, President Putin"),
            (B, Some("3"), "Today, we were honoured to be joined"),
            (B, Some("4"), "President Zelenskyy underlined the strong resolve"),
            (B, Some("5"), "Today, we, the G7, reassured President Zelenskyy"),
            (B, Some("6"), "Together with the international community"),
            (B, Some("7"), "We call on all partners to join our support"),
            (B, Some("8"), "We reiterate our condemnation"),
            (B, Some("9"), "Under no circumstances can civilians"),
            (B, Some("10"), "We further condemn Russia’s attempts"),
            (B, Some("11"), "We will continue to counter the Russian strategy"),
            (L, Some("12"), "Our unprecedented package of coordinated sanctions"),
            (I, Some("a"), "First, we commit to phase out our dependency"),
            (I, Some("b"), "Second, we will take measures"),
            (I, Some("c"), "Third, we will continue to take action"),
            (I, Some("d"), "Fourth, we will continue our efforts"),
            (I, Some("e"), "Fifth, we will continue and elevate"),
            (B, Some("13"), "We continue to work with our international partners"),
            (B, Some("14"), "President Putin’s war is causing global economic disruptions"),
            (B, Some("15"), "President Putin’s war against Ukraine is placing global food"),
            (B, Some("16"), "In support of the United Nations Global Crises Response Group"),
            (B, Some("17"), "The G7 and Ukraine stand united"),
        ],
    );
    assert!(s.paragraphs[11].text.ends_with("respective legal authorities and processes:"));
}

#[test]
fn jeddah_2022_communique_dateline_and_headings() {
    let (text, s) = named("2022-07-15-the-jeddah-communique");
    assert_eq!(s.kind.as_str(), "communique");
    assert_eq!(s.places, ["Jeddah, Saudi Arabia"]);
    assert_eq!(
        s.title.as_deref(),
        Some(
            "The Jeddah Communique:  A Joint Statement Between the United\u{a0}States of America and the Kingdom of Saudi\u{a0}Arabia"
        ),
        "the title as the front matter prints it: two spaces, no-break spaces"
    );
    assert_eq!(s.last_updated, None, "the file has no modified_time");
    assert_eq!(s.issuers[0].name, "The White House");
    let expected = [
        (B, None, "At the invitation of the Custodian of the Two Holy Mosques"),
        (B, None, "At the end of this meeting, the two sides issued this communique"),
        (H, None, "Strategic Partnership"),
        (B, None, "The two sides reviewed the historical relations"),
        (B, None, "The two sides affirmed the importance of resolving international disputes"),
        (B, None, "The two sides noted the historic ties"),
        // Ends with a colon, but a heading follows, not a list.
        (B, None, "The two sides then reviewed cooperation and achievements in the following areas:"),
        (H, None, "Energy Security and Climate Cooperation"),
        (B, None, "The two sides underscored the importance of strategic economic"),
        (B, None, "The U.S. side commended the Saudi Green Initiative"),
        (B, None, "The two sides welcomed the finalization of a Partnership Framework"),
        (H, None, "Partnership for Global Infrastructure and Investment (PGII)"),
        (B, None, "The two sides emphasized that the energy transition"),
        (H, None, "Security and Defense"),
        (B, None, "President Biden strongly affirmed the United States’ continued commitment"),
        (B, None, "The two sides underscored the need to further deter Iran’s"),
        (B, None, "Both sides stressed the importance of preserving the free flow"),
        (B, None, "To improve and streamline the exchange of information"),
        (H, None, "5G/6G Open-RAN Cooperation"),
        (B, None, "The two sides welcomed a new Memorandum of Cooperation"),
        (H, None, "Cybersecurity"),
        (B, None, "The two sides emphasized their mutual cooperation in the field of cybersecurity"),
        (H, None, "Space Exploration"),
        (B, None, "The two sides further welcomed the enhancement of cooperation"),
        (H, None, "Development of Tiran Island"),
        (B, None, "President Biden welcomed the arrangements by Saudi Arabia"),
        (H, None, "Expanding Overflights"),
        (B, None, "Within the framework of the Kingdom of Saudi Arabia’s keenness"),
        (H, None, "Vision 2030"),
        (B, None, "The U.S. welcomed the Kingdom’s Vision 2030"),
        (B, None, "The U.S. side welcomed Saudi Arabia’s bid to host World Expo"),
        (H, None, "Regional Cooperation"),
        (B, None, "The two sides then addressed particular regional and global issues, including:"),
        (H, None, "Yemen"),
        (B, None, "Both sides affirmed their strong support for the UN-brokered truce"),
        (B, None, "The two sides also affirmed their support for Yemen’s Presidential"),
        (B, None, "They also stressed the need to remove all impediments"),
        (B, None, "Saudi Arabia and the United States encouraged all regional actors"),
        (H, None, "Iraq"),
        (B, None, "President Biden welcomed the leading role played by the Kingdom"),
        (H, None, "Israel-Palestinian Issues"),
        (B, None, "Regarding Israel-Palestinian issues"),
        (H, None, "Syria"),
        (B, None, "The two sides reiterated their commitment to preserving the unity"),
        (H, None, "Lebanon"),
        (B, None, "The two sides affirmed their continued support for Lebanon’s"),
        (B, None, "They emphasized the importance of the control of the government of Lebanon"),
        (H, None, "Ukraine"),
        (B, None, "The two sides underscored that a rules-based order"),
        (B, None, "The leaders reaffirmed their commitment to providing critical assistance"),
        (H, None, "Sudan"),
        (B, None, "The two sides underscored the importance of the dialogue between Sudanese"),
        (H, None, "Libya"),
        (B, None, "Both sides affirmed their support for the Libyan people"),
        (H, None, "Afghanistan"),
        (B, None, "The two sides stressed the need to support Afghanistan’s security"),
        (H, None, "Counter-Terrorism"),
        (B, None, "The two sides underscored the importance of confronting terrorism"),
        (B, None, "The two sides highlighted the joint efforts through the Terrorist Financing"),
        (H, None, "Conclusion"),
        (B, None, "The two sides decided to expand and strengthen bilateral cooperation"),
    ];
    check(&s, &expected);
    // The underlined heading's span keeps its markup; its text does not.
    let heading = &s.paragraphs[2];
    assert_eq!(heading.source_span.and_then(|sp| sp.slice(&text)), Some("**<u>Strategic Partnership</u>**"));
    // Hard-wrapped lines join with one space.
    assert!(s.paragraphs[0].text.contains("Al-Saud, President Joseph R. Biden conducted an official visit"));
}

#[test]
fn aukus_2023_lead_in_and_bullets_split_by_comments() {
    let (_, s) = named("2023-03-13-joint-leaders-statement-on-aukus-2");
    assert_eq!(s.kind.as_str(), "joint_statement");
    check(
        &s,
        &[
            (
                B,
                None,
                "In September 2021, Australia, the United Kingdom and the United States announced AUKUS",
            ),
            (B, None, "The first major initiative of AUKUS was our historic trilateral decision"),
            (B, None, "Together we will deliver SSN-AUKUS"),
            (L, None, "In order to deliver conventionally-armed, nuclear-powered submarines"),
            (I, None, "Beginning in 2023, Australian military and civilian personnel"),
            (I, None, "As early as 2027, the United States and United Kingdom plan"),
            (I, None, "Starting in the early 2030s, pending Congressional approval"),
            (I, None, "In the late 2030s, the United Kingdom will deliver"),
            (B, None, "This plan is designed to support Australia’s development"),
            (B, None, "When we announced the AUKUS partnership in September 2021"),
            (B, None, "Our plan elevates all three nations’ industrial capacity"),
            (B, None, "Implementing AUKUS will also require robust, novel information sharing"),
            (B, None, "For more than a century, our three nations have stood shoulder to shoulder"),
        ],
    );
    assert!(s.paragraphs[3].text.ends_with("based on mutual commitments from each nation:"));
}

#[test]
fn kenya_2024_memorandum_dateline_date_and_signature() {
    let (_, s) = named("2024-06-24-memorandum-on-the-designation-of-kenya");
    check(
        &s,
        &[
            (B, None, "Presidential Determination"),
            (B, None, "No. 2024-05"),
            (B, None, "MEMORANDUM FOR THE SECRETARY OF STATE"),
            (B, None, "SUBJECT: Designation of Kenya as a Major Non-NATO Ally"),
            (B, None, "By the authority vested in me as President"),
            (
                B,
                None,
                "You are authorized and directed to publish this determination in the Federal Register.",
            ),
        ],
    );
    // The signature is set aside.
    let signature = s.notes.iter().find(|n| n.code == "metadata.signature").expect("signature note");
    assert!(signature.message.contains("JOSEPH R. BIDEN JR."));
    // Emphasis is resolved inside the sentence: "*et seq*." gives "et seq.".
    assert!(s.paragraphs[4].text.ends_with("Arms Export Control Act (22 U.S.C. 2751 et seq.)."));
    let dateline = s.notes.iter().find(|n| n.code == "dateline.date").expect("dateline date note");
    assert!(dateline.message.contains("June 24, 2024"));
}

#[test]
fn briefing_2022_turns_speakers_and_questions() {
    let (_, s) = named("2022-06-23-press-briefing-by-press-secretary-karine-jean-pierre");
    assert_eq!(s.kind.as_str(), "press_briefing");
    assert!(s.notes.iter().any(|n| n.code == "layout.chosen" && n.message.contains("whitehouse-transcript")));
    let first: Vec<(Option<&str>, ParagraphKind, String)> = s
        .paragraphs
        .iter()
        .take(6)
        .map(|p| (p.speaker.as_deref(), p.kind, p.text.chars().take(30).collect()))
        .collect();
    assert_eq!(
        first,
        [
            (Some("Q"), ParagraphKind::Question, "Hi, Karine.".to_owned()),
            (Some("MS. JEAN-PIERRE"), B, "Hi. Good afternoon, everybody.".to_owned()),
            (Some("MR. KIRBY"), B, "Yes, ma’am.".to_owned()),
            (Some("MS. JEAN-PIERRE"), B, "Our next security assistance t".to_owned()),
            // The turn goes on in a paragraph of its own.
            (Some("MS. JEAN-PIERRE"), B, "Okay. All yours, Kirby.".to_owned()),
            (Some("MR. KIRBY"), B, "Thank you. Okay, just off the ".to_owned()),
        ]
    );
    // The room and the times are set aside.
    for code in ["noise.briefing", "metadata.time"] {
        assert!(s.notes.iter().any(|n| n.code == code), "no {code} note");
    }
    // No question is coded as a commitment of the issuer.
    let questions: Vec<&str> =
        s.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Question).map(|p| p.id.as_str()).collect();
    assert!(questions.len() > 20, "{} questions", questions.len());
    assert!(s.commitments.iter().all(|c| !questions.contains(&c.paragraph.as_str())));
}
