//! Body lines → paragraphs: blank-line and single-newline layouts, wrapped lines joined,
//! numbered paragraphs ("1.", "1 -", "(a)"), bullets as list items, lead-ins, headings,
//! quotes, prefaces, and sentences broken across a blank line.

use communique_model::ParagraphKind;
use regex::Regex;
use std::sync::LazyLock;

/// One body line of the source, trimmed (byte offsets into the source text).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLine {
    pub start: usize,
    pub end: usize,
    /// A blank or set-aside line stands between this line and the previous body line.
    pub break_before: bool,
}

/// A paragraph before it gets its eId.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub number: Option<String>,
    pub kind: ParagraphKind,
    pub text: String,
    /// Byte range in the source text, marker included.
    pub start: usize,
    pub end: usize,
    /// Printed with a bullet or a letter (a list item whatever comes before).
    marker: Marker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Bullet,
    Number,
    Letter,
}

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[•·▪◦‣∙●○■□➢►✓\-–—*]\s+").expect("bullet pattern compiles"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<n>\d{1,3})(?:\.|\)|\s+[-–—])|\((?P<p>\d{1,3}|[a-z]|[ivx]{1,5})\)|(?P<l>[a-z]|[ivx]{1,5})[.)])\s+")
        .expect("number pattern compiles")
});
static PREFACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^the\s+following\b.*\b(?:was|were|has\s+been|have\s+been)\s+(?:issued|released|adopted)|\b(?:issued|released|adopted)\s+the\s+following\b")
        .expect("preface pattern compiles")
});

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';', '…', '"', '”', '’', ')', '»', ']'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Removes C0/C1 control characters (tab excepted), returning how many were removed.
pub(crate) fn strip_controls(text: &str) -> (String, usize) {
    let mut removed = 0;
    let out = text
        .chars()
        .filter(|&c| {
            let control = c.is_control() && c != '\t';
            removed += usize::from(control);
            !control
        })
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    (out, removed)
}

/// Groups body lines of `source` into paragraphs and gives each its kind.
pub(crate) fn build(source: &str, lines: &[BodyLine]) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut block: Vec<BodyLine> = Vec::new();
    let mut blocks: Vec<Vec<BodyLine>> = Vec::new();
    for line in lines {
        if line.break_before && !block.is_empty() {
            blocks.push(std::mem::take(&mut block));
        }
        block.push(*line);
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    for block in blocks {
        let first_of_block = paras.len();
        let text_of = |l: &BodyLine| &source[l.start..l.end];
        let wrapped = block.len() >= 2
            && block[..block.len() - 1].iter().all(|l| (30..=100).contains(&text_of(l).chars().count()))
            && block[..block.len() - 1].iter().any(|l| !ends_sentence(text_of(l)));
        for (i, line) in block.iter().enumerate() {
            let text = text_of(line);
            let marked = BULLET.is_match(text) || NUMBER.is_match(text);
            let continues = i > 0
                && !marked
                && (wrapped
                    || starts_lowercase(text)
                    || (!ends_sentence(text_of(&block[i - 1]))
                        && text_of(&block[i - 1]).chars().count() > 100));
            let in_block = paras.len() > first_of_block;
            match paras.last_mut() {
                Some(last) if continues && in_block => {
                    last.end = line.end;
                    last.text.push(' ');
                    last.text.push_str(text);
                }
                _ => paras.push(start_para(text, line)),
            }
        }
        // A sentence broken across a blank line: "… the path of" / "diplomacy."
        if first_of_block > 0 && first_of_block < paras.len() {
            let (head, tail) = paras.split_at_mut(first_of_block);
            let prev = &head[first_of_block - 1];
            let next = &tail[0];
            if prev.kind == ParagraphKind::Body
                && prev.marker == Marker::None
                && next.marker == Marker::None
                && !ends_sentence(&prev.text)
                && starts_lowercase(&next.text)
                && prev.text.split_whitespace().count() > 3
            {
                let next = paras.remove(first_of_block);
                let prev = &mut paras[first_of_block - 1];
                prev.end = next.end;
                prev.text.push(' ');
                prev.text.push_str(&next.text);
            }
        }
    }
    assign_kinds(&mut paras);
    paras
}

/// One paragraph per element of a page, of the kind its element gives (`body` holds
/// each body block's byte range in `source` and that kind). The text is the element's
/// whole: a number or bullet printed inside a `<p>` stays in it, as markup did not make
/// it a marker. A body paragraph that ends with a colon right before a list item leads
/// into the list; one that opens and closes with quotation marks is a quote.
pub(crate) fn from_elements(source: &str, body: &[(usize, usize, ParagraphKind)]) -> Vec<Para> {
    let mut paras: Vec<Para> = body
        .iter()
        .map(|&(start, end, kind)| {
            let text = source[start..end].to_owned();
            let kind =
                if kind == ParagraphKind::Body && is_quote(&text) { ParagraphKind::Quote } else { kind };
            let marker = if kind == ParagraphKind::ListItem { Marker::Bullet } else { Marker::None };
            Para { number: None, kind, text, start, end, marker }
        })
        .collect();
    for i in 0..paras.len().saturating_sub(1) {
        if paras[i].kind == ParagraphKind::Body
            && paras[i].text.trim_end().ends_with(':')
            && paras[i + 1].marker == Marker::Bullet
        {
            paras[i].kind = ParagraphKind::LeadIn;
        }
    }
    paras
}

fn start_para(text: &str, line: &BodyLine) -> Para {
    if let Some(m) = BULLET.find(text) {
        return Para {
            number: None,
            kind: ParagraphKind::ListItem,
            text: text[m.end()..].to_owned(),
            start: line.start,
            end: line.end,
            marker: Marker::Bullet,
        };
    }
    if let Some(caps) = NUMBER.captures(text) {
        let whole = caps.get(0).map_or(0, |m| m.end());
        let (number, marker) = match (caps.name("n"), caps.name("p"), caps.name("l")) {
            (Some(n), _, _) => (n.as_str(), Marker::Number),
            (_, Some(p), _) if p.as_str().chars().all(|c| c.is_ascii_digit()) => (p.as_str(), Marker::Number),
            (_, Some(p), _) => (p.as_str(), Marker::Letter),
            (_, _, Some(l)) => (l.as_str(), Marker::Letter),
            _ => ("", Marker::None),
        };
        let rest = &text[whole..];
        // "a. b." or "i) …" only count when text follows.
        if !rest.trim().is_empty() && !number.is_empty() {
            return Para {
                number: Some(number.to_owned()),
                kind: if marker == Marker::Letter { ParagraphKind::ListItem } else { ParagraphKind::Body },
                text: rest.to_owned(),
                start: line.start,
                end: line.end,
                marker,
            };
        }
    }
    Para {
        number: None,
        kind: ParagraphKind::Body,
        text: text.to_owned(),
        start: line.start,
        end: line.end,
        marker: Marker::None,
    }
}

fn assign_kinds(paras: &mut [Para]) {
    let n = paras.len();
    let mut in_list = false;
    // The number the next numbered body paragraph would carry ("4" after "3."): a
    // numbered paragraph that continues that sequence after a list is body again.
    let mut next_body_number: Option<u32> = None;
    let mut only_headings_before = true;
    for i in 0..n {
        let next_marked = paras.get(i + 1).is_some_and(|p| p.marker != Marker::None);
        let next_bullet =
            paras.get(i + 1).is_some_and(|p| matches!(p.marker, Marker::Bullet | Marker::Letter));
        let para = &paras[i];
        let text = para.text.trim_end();
        let words = text.split_whitespace().count();
        // A colon before a list, at the end of a copy cut short, or after an infinitive
        // ("… work together to:") introduces a list.
        let introduces =
            |next_marked: bool| text.ends_with(':') && (next_marked || i + 1 == n || text.ends_with(" to:"));
        let number = para.number.as_deref().and_then(|n| n.parse::<u32>().ok());
        let kind = match para.marker {
            Marker::Bullet | Marker::Letter => ParagraphKind::ListItem,
            Marker::Number if in_list && (next_body_number.is_none() || number != next_body_number) => {
                ParagraphKind::ListItem
            }
            Marker::Number => {
                next_body_number = number.map(|n| n + 1);
                // A numbered paragraph may itself lead into bullets ("3. We will: • …").
                if introduces(next_bullet) { ParagraphKind::LeadIn } else { ParagraphKind::Body }
            }
            Marker::None => {
                if introduces(next_marked) {
                    ParagraphKind::LeadIn
                } else if only_headings_before && text.ends_with(':') && PREFACE.is_match(text) {
                    ParagraphKind::Preface
                } else if is_quote(text) {
                    ParagraphKind::Quote
                } else if i + 1 < n
                    && words <= 12
                    && text.chars().count() <= 100
                    && !text.ends_with(['.', ':', ';', ',', '!', '?'])
                    && text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
                {
                    ParagraphKind::Heading
                } else {
                    ParagraphKind::Body
                }
            }
        };
        in_list = match kind {
            ParagraphKind::LeadIn => true,
            ParagraphKind::ListItem => in_list || para.marker != Marker::Number,
            _ => false,
        };
        only_headings_before &= kind == ParagraphKind::Heading;
        paras[i].kind = kind;
    }
}

fn is_quote(text: &str) -> bool {
    let opens = text.starts_with(['"', '“', '„', '«']);
    let closes = text.trim_end_matches(['.', ',']).ends_with(['"', '”', '“', '»']);
    opens && closes && text.chars().count() > 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str, expected: &[(&str, Option<&str>, &str)]) {
        let mut lines = Vec::new();
        let mut offset = 0;
        let mut blank = false;
        for raw in source.split('\n') {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                blank = true;
            } else {
                let start = offset + (raw.len() - raw.trim_start().len());
                lines.push(BodyLine { start, end: start + trimmed.len(), break_before: blank });
                blank = false;
            }
            offset += raw.len() + 1;
        }
        let got: Vec<(String, Option<String>, String)> =
            build(source, &lines).into_iter().map(|p| (p.kind.to_string(), p.number, p.text)).collect();
        let expected: Vec<(String, Option<String>, String)> = expected
            .iter()
            .map(|(k, n, t)| ((*k).to_owned(), n.map(str::to_owned), (*t).to_owned()))
            .collect();
        assert_eq!(got, expected, "paragraphs of {source:?}");
    }

    #[test]
    fn layouts() {
        check("One.\n\nTwo.", &[("body", None, "One."), ("body", None, "Two.")]);
        check(
            "Preamble\n\n  1. We met.\n\nWe are taking steps to:\n\n  • support Ukraine;\n  • deliver (PGII)\n\nas outlined here.",
            &[
                ("heading", None, "Preamble"),
                ("body", Some("1"), "We met."),
                ("lead_in", None, "We are taking steps to:"),
                ("list_item", None, "support Ukraine;"),
                ("list_item", None, "deliver (PGII)"),
                ("body", None, "as outlined here."),
            ],
        );
        check(
            "We urge Russia to choose the path of\n\ndiplomacy and to withdraw.",
            &[("body", None, "We urge Russia to choose the path of diplomacy and to withdraw.")],
        );
        check(
            "This paragraph is hard-wrapped at a column of about seventy\ncharacters, as mailing lists do, and goes on here.\nA second sentence ends it.",
            &[(
                "body",
                None,
                "This paragraph is hard-wrapped at a column of about seventy characters, as mailing lists do, and goes on here. A second sentence ends it.",
            )],
        );
        check(
            "The Chairman-in-Office of the OSCE was horrified to learn of the atrocious crime which claimed lives.\nHe strongly condemns this act of violence on innocent victims whose lives were dedicated to others.",
            &[
                (
                    "body",
                    None,
                    "The Chairman-in-Office of the OSCE was horrified to learn of the atrocious crime which claimed lives.",
                ),
                (
                    "body",
                    None,
                    "He strongly condemns this act of violence on innocent victims whose lives were dedicated to others.",
                ),
            ],
        );
        check(
            "1 - First point.\n\n2 - Second point.",
            &[("body", Some("1"), "First point."), ("body", Some("2"), "Second point.")],
        );
        check("\"We will act.\"", &[("quote", None, "\"We will act.\"")]);
        check("(a) one;\n(b) two.", &[("list_item", Some("a"), "one;"), ("list_item", Some("b"), "two.")]);
        // A numbered paragraph leading into bullets, and the numbering going on after them.
        check(
            "2. We met.\n\n3. We will:\n\n• act;\n• help.\n\n4. We agree.",
            &[
                ("body", Some("2"), "We met."),
                ("lead_in", Some("3"), "We will:"),
                ("list_item", None, "act;"),
                ("list_item", None, "help."),
                ("body", Some("4"), "We agree."),
            ],
        );
        // Numbered items under an unnumbered lead-in stay list items.
        check(
            "We agree to:\n\n1. act;\n\n2. help.",
            &[
                ("lead_in", None, "We agree to:"),
                ("list_item", Some("1"), "act;"),
                ("list_item", Some("2"), "help."),
            ],
        );
    }
}
