//! Sentence segmentation for statement prose.
//!
//! A rule-based segmenter in the spirit of the Unicode Text Segmentation sentence rules
//! (UAX #29, "STerm" followed by space and an upper-case start), tuned for diplomatic
//! prose: it does not break after titles and abbreviations ("Mr.", "No.", "Feb.",
//! "U.S.", "e.g."), single initials ("J. Solana"), inside parentheses ("(G7)") or before
//! a lower-case continuation, and it keeps closing quotes and brackets with the sentence
//! they end. A page break — FORM FEED (U+000C) or VERTICAL TAB (U+000B) — ends a
//! sentence wherever it stands, as a paragraph break would.

use communique_model::Span;

/// Abbreviations after which a full stop does not end a sentence (compared without the
/// stop, case-sensitively; English, French and German forms).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov",
    "Sen", "Rep", "Amb", "Hon", "Rev", "Jr", "Sr", "No", "Nos", "Nr", "Art", "Arts", "para", "paras", "Para",
    "p", "pp", "vol", "Vol", "ch", "Ch", "cf", "Cf", "e.g", "i.e", "vs", "approx", "ca", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
    "Sun", "Inc", "Ltd", "Co", "Corp", "Dept", "Univ", "M", "Mme", "Mlle", "MM", "Hr", "Fr", "Dres", "bzw",
    "usw", "z.B", "d.h", "vgl", "ggf", "Abs", "Nr", "S", "u.a",
];

/// Splits `text` into sentences.
///
/// Returns the spans of the sentences in order, in code points of `text` (end
/// exclusive), each trimmed of surrounding white space; white space between sentences
/// belongs to none. An empty or blank text gives no span. Runs in time linear in the
/// length of `text`.
///
/// ```
/// use communique_text::sentences;
/// let text = "We thank Mr. Solana. The U.S. and the (G7) agree. \"We will act.\" Done";
/// let parts: Vec<&str> = sentences(text).iter().map(|s| s.slice(text).unwrap()).collect();
/// assert_eq!(parts, ["We thank Mr. Solana.", "The U.S. and the (G7) agree.", "\"We will act.\"", "Done"]);
/// ```
#[must_use]
pub fn sentences(text: &str) -> Vec<Span> {
    // Ranges come in increasing order: one cursor walks the text once.
    let mut cursor = crate::offsets::CodePoints::new(text);
    sentence_byte_ranges(text).into_iter().map(|range| cursor.span(range)).collect()
}

/// Like [`sentences`], but in byte offsets of `text`.
#[must_use]
pub fn sentence_byte_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut depth: i32 = 0;
    // A byte offset; between sentences always at a character boundary. Inside one, the
    // scan steps over bytes: every character it acts on is ASCII or starts with the
    // lead byte 0xE2 ('…'), which no other character's later bytes can equal.
    let mut i = 0;
    while i < bytes.len() {
        if start.is_none() {
            let c = text[i..].chars().next().unwrap_or_default();
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            start = Some(i);
        }
        // Skip to the next byte the scan acts on.
        match bytes[i..].iter().position(|&b| ACTED_ON[usize::from(b)]) {
            Some(skip) => i += skip,
            None => break,
        }
        if matches!(bytes[i], 0x0B | 0x0C) {
            // A page break ends the sentence before it, whatever precedes it.
            if let Some(s) = start.take() {
                let end = s + text[s..i].trim_end().len();
                if end > s {
                    out.push(s..end);
                }
            }
            depth = 0;
            i += 1;
            continue;
        }
        let stop = match bytes[i] {
            b'(' | b'[' => {
                depth += 1;
                None
            }
            b')' | b']' => {
                depth = (depth - 1).max(0);
                None
            }
            b'.' => Some('.'),
            b'!' => Some('!'),
            b'?' => Some('?'),
            0xE2 if text[i..].starts_with('…') => Some('…'),
            _ => None,
        };
        if let Some(c) = stop
            && depth == 0
        {
            let next = i + c.len_utf8();
            // Take closing quotes and brackets with the sentence.
            let end = text.len() - text[next..].trim_start_matches(is_closer).len();
            if is_boundary(text, i, c, end) {
                if let Some(s) = start.take() {
                    out.push(s..end);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push(s..end);
        }
    }
    out
}

/// The bytes [`sentence_byte_ranges`] acts on inside a sentence: brackets, terminators,
/// the lead byte of '…' and the page breaks.
const ACTED_ON: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(i as u8, b'(' | b'[' | b')' | b']' | b'.' | b'!' | b'?' | 0xE2 | 0x0B | 0x0C);
        i += 1;
    }
    table
};

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '„')
}

/// Whether the terminator `stop` at byte `at` of `text` (with closers up to byte `end`)
/// ends a sentence.
fn is_boundary(text: &str, at: usize, stop: char, end: usize) -> bool {
    let after = &text[end..];
    // End of text.
    let Some(first_after) = after.chars().next() else { return true };
    // A terminator must be followed by white space, except a full stop between a word in
    // lower case and a capitalised word, where a space was lost ("by force.Russia").
    if !first_after.is_whitespace() {
        return stop == '.' && run_together(text, at, after);
    }
    // The next non-space character must open a sentence: upper case, a digit, an opener.
    let rest = after.trim_start_matches(char::is_whitespace);
    let mut chars = rest.chars();
    let Some(next) = chars.next() else { return true };
    let mut first = next;
    if is_opener(next)
        && let Some(after) = chars.next()
    {
        first = after;
    }
    if !(first.is_uppercase() || first.is_numeric() || is_opener(first) || !first.is_alphabetic()) {
        return false;
    }
    if stop != '.' {
        return true;
    }
    // The word before the full stop.
    // Look back at most 24 characters so a text without spaces stays linear.
    let before = &text[..at];
    let taken: usize = before
        .chars()
        .rev()
        .take(24)
        .take_while(|&c| !(c.is_whitespace() || is_opener(c)))
        .map(char::len_utf8)
        .sum();
    let word = &before[before.len() - taken..];
    if word.is_empty() {
        return true;
    }
    // Single initials ("J.") and dotted acronyms ("U.S", "U.N"): not a boundary when
    // what follows starts with upper case (a name or noun goes on), except after an
    // acronym that ends the sentence and is followed by a pronoun-like start.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if (letters == 1 && word.chars().all(char::is_alphabetic)) || dotted {
        return starts_with_sentence_opener(rest);
    }
    // A day number written with a full stop before its month ("am 3. Juli 2018"), in the
    // languages whose date table gives that suffix.
    if word.len() <= 2
        && word.bytes().all(|b| b.is_ascii_digit())
        && crate::dates::opens_with_dotted_day_month(rest)
    {
        return false;
    }
    !ABBREVIATIONS.contains(&word)
}

/// Whether the full stop at byte `at` of `text`, with `after` following it (closers
/// taken), joins two sentences whose space was lost: the word before is two or more
/// letters ending in lower case with no full stop, slash, colon or digit in it (not an
/// abbreviation, a domain or a path), and the word after is a capital followed by at
/// least two lower-case letters ("Russia", "The") with no inner full stop before the
/// next space (not a host name: "www.DisasterAssistance.gov").
fn run_together(text: &str, at: usize, after: &str) -> bool {
    let mut next = after.chars();
    if !(next.next().is_some_and(|c| c.is_ascii_uppercase())
        && next.next().is_some_and(|c| c.is_ascii_lowercase())
        && next.next().is_some_and(|c| c.is_ascii_lowercase()))
    {
        return false;
    }
    let next_word = after.split(char::is_whitespace).next().unwrap_or_default();
    if next_word.split_once('.').is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_alphanumeric())) {
        return false;
    }
    // Look back at most 32 bytes so a text without spaces stays linear; a longer word is
    // no word of prose.
    let mut from = at.saturating_sub(32);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let Some(word) = before.rsplit(|c: char| c.is_whitespace() || is_opener(c)).next() else {
        return false;
    };
    (from == 0 || word.len() < before.len())
        && word.len() >= 2
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && word.bytes().last().is_some_and(|b| b.is_ascii_lowercase())
        && !ABBREVIATIONS.contains(&word)
}

/// After an initial or acronym, a following pronoun or article suggests a new sentence.
fn starts_with_sentence_opener(rest: &str) -> bool {
    const OPENERS: &[&str] =
        &["We ", "I ", "The ", "This ", "It ", "They ", "He ", "She ", "In ", "On ", "At ", "Our ", "As "];
    OPENERS.iter().any(|o| rest.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).iter().map(|s| s.slice(text).unwrap()).collect();
        assert_eq!(got, expected, "sentences of {text:?}");
    }

    #[test]
    fn segments() {
        check("", &[]);
        check("   \n ", &[]);
        check("One. Two.", &["One.", "Two."]);
        check("Mr. Javier Solana spoke. He left.", &["Mr. Javier Solana spoke.", "He left."]);
        check("The U.S. and the EU agree. We act.", &["The U.S. and the EU agree.", "We act."]);
        check("It ends with the U.S. We act.", &["It ends with the U.S.", "We act."]);
        check("See Press Release No. 5 today. Fine.", &["See Press Release No. 5 today.", "Fine."]);
        check("On 16 Feb. 2022 we met. Then more.", &["On 16 Feb. 2022 we met.", "Then more."]);
        check("The Group of Seven (G7. see) met. Yes.", &["The Group of Seven (G7. see) met.", "Yes."]);
        check("He said: \"We will act.\" Then he left.", &["He said: \"We will act.\"", "Then he left."]);
        check("“Peace is near.” We agree.", &["“Peace is near.”", "We agree."]);
        check("strengthen efforts; and", &["strengthen efforts; and"]);
        check("Growth of 2.5 per cent. Next.", &["Growth of 2.5 per cent.", "Next."]);
        check("Why? Because. Ok!", &["Why?", "Because.", "Ok!"]);
        check("e.g. this one. Next", &["e.g. this one.", "Next"]);
        check("Wir danken Herrn Dr. Müller. Er geht.", &["Wir danken Herrn Dr. Müller.", "Er geht."]);
        check("an end. and not a new one", &["an end. and not a new one"]);
        // A page break between two sentences separates them, with or without a stop.
        check("We met.\u{c}We agreed.", &["We met.", "We agreed."]);
        check("We met\u{b}We agreed", &["We met", "We agreed"]);
    }

    #[test]
    fn a_lost_space_after_a_full_stop_is_a_boundary_only_between_words() {
        check(
            "They seized it by force.Russia broke the accord.",
            &["They seized it by force.", "Russia broke the accord."],
        );
        check("We met in spring.”The talks went on.", &["We met in spring.”", "The talks went on."]);
        // Abbreviations, acronyms, domains, paths, short words and initials stay whole.
        check("See whitehouse.gov/Briefing for more.", &["See whitehouse.gov/Briefing for more."]);
        check("Visit www.state.Gov today.", &["Visit www.state.Gov today."]);
        check(
            "Apply at www.DisasterAssistance.gov, or call.",
            &["Apply at www.DisasterAssistance.gov, or call."],
        );
        check("See whitehouse.Briefing.Room now.", &["See whitehouse.Briefing.Room now."]);
        check("It fell by force.Russia.", &["It fell by force.", "Russia."]);
        check("A bill (cf.Smith) passed.", &["A bill (cf.Smith) passed."]);
        check("The U.S.Government acted.", &["The U.S.Government acted."]);
        check("Version 2.Next is due.", &["Version 2.Next is due."]);
        check("It was J.Smith who spoke.", &["It was J.Smith who spoke."]);
        check("Sent to the CEO.Board met.", &["Sent to the CEO.Board met."]);
    }

    #[test]
    fn a_day_number_with_a_full_stop_before_its_month_ends_no_sentence() {
        check(
            "Die Ministerin nahm am 3. Juli 2018 teil. Am 12. März reiste sie ab. Es waren 3. Mai kam später.",
            &[
                "Die Ministerin nahm am 3. Juli 2018 teil.",
                "Am 12. März reiste sie ab.",
                "Es waren 3. Mai kam später.",
            ],
        );
        // A number of three or more digits, or a word that only begins like a month,
        // still ends the sentence.
        check("Es waren 2018. Juliane kam.", &["Es waren 2018.", "Juliane kam."]);
        check("Wir zählten 100. Juli kam.", &["Wir zählten 100.", "Juli kam."]);
    }

    #[test]
    fn spans_count_code_points() {
        let text = "Ça va. Très bien.";
        assert_eq!(sentences(text), vec![Span::new(0, 6), Span::new(7, 17)]);
    }
}
