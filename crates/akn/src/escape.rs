//! Text as XML 1.0 content and attribute values, and the rule for characters XML 1.0
//! cannot carry.
//!
//! XML 1.0 (Fifth Edition, §2.2, production `Char`) admits tab, line feed, carriage
//! return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. The other characters a
//! Rust `char` can hold — U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE and
//! U+FFFF — cannot appear in a document at all, not even as character references. This
//! crate follows the rule of the communique XML vocabulary for them: in text content
//! such a character becomes an empty element naming its code point in four uppercase
//! hexadecimal digits, which the reader turns back into the character; in an attribute
//! value it is an error. Only the element differs, so that each part of the document
//! stays valid against its own schema:
//!
//! - in Akoma Ntoso content: `<marker name="U+000C"/>` (the generic empty inline of
//!   Akoma Ntoso 3.0, allowed wherever text is);
//! - in this crate's extension elements (namespace [`EXTENSION_NAMESPACE`]):
//!   `<cq:c u="000C"/>`, the communique XML vocabulary's own form.
//!
//! [`EXTENSION_NAMESPACE`]: crate::EXTENSION_NAMESPACE

use std::fmt::Write as _;

/// True when XML 1.0 can carry `c` (production `Char`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Which element stands for a character XML 1.0 cannot carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharForm {
    /// `<marker name="U+XXXX"/>`, in Akoma Ntoso content.
    Marker,
    /// `<cq:c u="XXXX"/>`, in the extension elements.
    Extension,
}

/// Prefix of the `name` of an escape marker: `U+` and four uppercase hex digits follow.
pub(crate) const MARKER_PREFIX: &str = "U+";

/// Bytes the text scan stops at: `&`, `<`, `>`, CR, every other C0 control but tab and
/// LF, and 0xEF (the lead byte of U+FFFE and U+FFFF, and of the other characters from
/// U+F000 to U+FFFF, which are then copied as they are).
const TEXT_STOPS: [bool; 256] = stops(b"&<>\r");

/// Bytes the attribute scan stops at: those of [`TEXT_STOPS`], `"`, tab and LF.
const ATTRIBUTE_STOPS: [bool; 256] = stops(b"&<>\"\t\n\r");

const fn stops(marked: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != 0x09 && b != 0x0A;
        b += 1;
    }
    let mut i = 0;
    while i < marked.len() {
        table[marked[i] as usize] = true;
        i += 1;
    }
    table[0xEF] = true;
    table
}

/// Index of the first byte at or after `at` that `stops` marks (`ATTRIBUTE`: the
/// attribute table, which also stops at `"`), or `bytes.len()`.
///
/// Looks at 32 bytes at a time first, with comparisons the compiler turns into vector
/// instructions, for any byte that may be marked (a superset: every C0 control, `&`, `<`,
/// `>`, 0xEF and, for attributes, `"`); only a block with one is looked up byte by byte.
fn next_stop<const ATTRIBUTE: bool>(bytes: &[u8], mut at: usize) -> usize {
    const BLOCK: usize = 32;
    let stops = if ATTRIBUTE { &ATTRIBUTE_STOPS } else { &TEXT_STOPS };
    while let Some(block) = bytes.get(at..at + BLOCK) {
        let mut candidate = 0u8;
        for &b in block {
            candidate |= u8::from(
                (b < 0x20)
                    | (b == b'&')
                    | (b == b'<')
                    | (b == b'>')
                    | (b == 0xEF)
                    | (ATTRIBUTE & (b == b'"')),
            );
        }
        if candidate != 0
            && let Some(i) = block.iter().position(|&b| stops[usize::from(b)])
        {
            return at + i;
        }
        at += BLOCK;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    tail.iter().position(|&b| stops[usize::from(b)]).map_or(bytes.len(), |i| at + i)
}

/// The character XML 1.0 cannot carry that begins at byte `at` of `text`, if the byte
/// there begins one.
fn forbidden_at(text: &str, at: usize) -> Option<char> {
    let bytes = text.as_bytes();
    match bytes[at] {
        b @ 0..0x20 if !matches!(b, b'\t' | b'\n' | b'\r') => Some(char::from(b)),
        0xEF => match bytes.get(at + 1..at + 3) {
            Some([0xBF, 0xBE]) => Some('\u{FFFE}'),
            Some([0xBF, 0xBF]) => Some('\u{FFFF}'),
            _ => None,
        },
        _ => None,
    }
}

/// Appends the escape element for `c`.
fn push_escape(out: &mut String, c: char, form: CharForm) {
    // Every such character is below U+10000: four digits always suffice.
    let _ = match form {
        CharForm::Marker => write!(out, "<marker name=\"{MARKER_PREFIX}{:04X}\"/>", u32::from(c)),
        CharForm::Extension => write!(out, "<cq:c u=\"{:04X}\"/>", u32::from(c)),
    };
}

/// Appends `text` as element content, exactly.
///
/// `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;` (so `]]>` never appears); CR
/// becomes `&#13;`, since a parser turns a literal CR or CRLF into LF (XML 1.0 §2.11);
/// a character XML 1.0 cannot carry becomes its escape element in `form`. Everything
/// else — quotes, tabs, line feeds, leading and trailing spaces — is copied as it is.
///
/// The scan looks at bytes (see [`next_stop`]): every byte that can begin something to
/// escape is ASCII or 0xEF, a UTF-8 lead byte, so each stop is on a character boundary.
pub(crate) fn push_text(out: &mut String, text: &str, form: CharForm) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    loop {
        at = next_stop::<false>(bytes, at);
        let Some(&byte) = bytes.get(at) else { break };
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            _ => {
                match forbidden_at(text, at) {
                    Some(c) => {
                        out.push_str(&text[copied..at]);
                        push_escape(out, c, form);
                        at += c.len_utf8();
                        copied = at;
                    }
                    None => at += 1,
                }
                continue;
            }
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        at += 1;
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// Appends `value` as the content of a double-quoted attribute value, exactly, or
/// returns the code-point offset and the first character XML 1.0 cannot carry.
///
/// Tab, LF and CR become character references, which attribute-value normalisation
/// (XML 1.0 §3.3.3) keeps, where it would turn the literal characters into spaces. On
/// error `out` may hold part of the value.
pub(crate) fn push_attribute(out: &mut String, value: &str) -> Result<(), (usize, char)> {
    let bytes = value.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    loop {
        at = next_stop::<true>(bytes, at);
        let Some(&byte) = bytes.get(at) else { break };
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\t' => "&#9;",
            b'\n' => "&#10;",
            b'\r' => "&#13;",
            _ => match forbidden_at(value, at) {
                Some(c) => return Err((value[..at].chars().count(), c)),
                None => {
                    at += 1;
                    continue;
                }
            },
        };
        out.push_str(&value[copied..at]);
        out.push_str(replacement);
        at += 1;
        copied = at;
    }
    out.push_str(&value[copied..]);
    Ok(())
}

/// Appends `value` as an attribute value meant for display only (the reader never reads
/// it back): as [`push_attribute`], with each character XML 1.0 cannot carry replaced by
/// U+FFFD REPLACEMENT CHARACTER.
pub(crate) fn push_display_attribute(out: &mut String, value: &str) {
    let before = out.len();
    if push_attribute(out, value).is_ok() {
        return;
    }
    // The failed call may have left part of the value behind.
    out.truncate(before);
    let shown: String = value.chars().map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' }).collect();
    // Cannot fail: every character of `shown` is one XML can carry.
    let _ = push_attribute(out, &shown);
}

/// The character an escape names in four uppercase hex digits, when it is one XML 1.0
/// cannot carry (any other is not an escape this crate writes).
pub(crate) fn unescape(code: &str) -> Option<char> {
    if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(code, 16).ok()?)?;
    (!is_xml_char(c)).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str, form: CharForm) -> String {
        let mut out = String::new();
        push_text(&mut out, input, form);
        out
    }

    #[test]
    fn text_content() {
        for (input, expected) in [
            ("plain", "plain"),
            ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
            ("]]>", "]]&gt;"),
            ("\"it's\"", "\"it's\""),
            ("a\r\nb\rc\nd\te", "a&#13;\nb&#13;c\nd\te"),
            ("\u{1}x\u{c}", "<marker name=\"U+0001\"/>x<marker name=\"U+000C\"/>"),
            (
                "\u{FFFE}\u{FFFF}\u{FFFD}\u{F000}",
                "<marker name=\"U+FFFE\"/><marker name=\"U+FFFF\"/>\u{FFFD}\u{F000}",
            ),
            (" Мир 🕊 ", " Мир 🕊 "),
        ] {
            assert_eq!(text(input, CharForm::Marker), expected, "{input:?}");
        }
        assert_eq!(text("a\u{0}b", CharForm::Extension), "a<cq:c u=\"0000\"/>b");
    }

    #[test]
    fn attribute_values() {
        let mut out = String::new();
        push_attribute(&mut out, "a\"b'c&<>\t\n\r").unwrap();
        assert_eq!(out, "a&quot;b'c&amp;&lt;&gt;&#9;&#10;&#13;");
        assert_eq!(push_attribute(&mut String::new(), "éa\u{1}"), Err((2, '\u{1}')));
        assert_eq!(push_attribute(&mut String::new(), "\u{FFFF}"), Err((0, '\u{FFFF}')));
    }

    #[test]
    fn display_attribute_values() {
        let mut out = String::from("showAs=\"");
        push_display_attribute(&mut out, "a&b\u{1}c");
        assert_eq!(out, "showAs=\"a&amp;b\u{FFFD}c");
        let mut out = String::from("x=\"");
        push_display_attribute(&mut out, "plain");
        assert_eq!(out, "x=\"plain");
    }

    /// Every character, in the middle and at the ends of a text: the byte scan agrees
    /// with the rule stated character by character.
    #[test]
    fn scan_agrees_with_the_rule_for_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let input = format!("a{c}b{c}");
            let expected: String = input
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_owned(),
                    '<' => "&lt;".to_owned(),
                    '>' => "&gt;".to_owned(),
                    '\r' => "&#13;".to_owned(),
                    c if !is_xml_char(c) => format!("<cq:c u=\"{:04X}\"/>", u32::from(c)),
                    c => c.to_string(),
                })
                .collect();
            assert_eq!(text(&input, CharForm::Extension), expected, "U+{:04X}", u32::from(c));
            let attribute = push_attribute(&mut String::new(), &input);
            assert_eq!(attribute.is_err(), !is_xml_char(c), "U+{:04X}", u32::from(c));
        }
    }

    /// Each character the scan stops at, at each position of texts shorter and longer
    /// than a block, U+FFFE across a block boundary included.
    #[test]
    fn scan_finds_every_stop_at_every_position() {
        for len in 1..80 {
            for at in 0..len {
                for c in ['&', '<', '>', '"', '\t', '\n', '\r', '\0', '\u{1f}', '\u{FFFE}', '\u{F000}'] {
                    let input = format!("{}{c}{}", "x".repeat(at), "y".repeat(len - at - 1));
                    let mut expected = "x".repeat(at);
                    match c {
                        '&' => expected.push_str("&amp;"),
                        '<' => expected.push_str("&lt;"),
                        '>' => expected.push_str("&gt;"),
                        '\r' => expected.push_str("&#13;"),
                        c if !is_xml_char(c) => {
                            expected.push_str(&format!("<cq:c u=\"{:04X}\"/>", u32::from(c)))
                        }
                        c => expected.push(c),
                    }
                    expected.push_str(&"y".repeat(len - at - 1));
                    assert_eq!(text(&input, CharForm::Extension), expected, "{input:?}");
                    let mut attribute = String::new();
                    match push_attribute(&mut attribute, &input) {
                        Ok(()) => assert_eq!(
                            attribute.len() - input.len(),
                            match c {
                                // `&amp;`, `&#10;`, `&#13;` for one byte.
                                '&' | '\n' | '\r' => 4,
                                // `&lt;`, `&gt;`, `&#9;`.
                                '<' | '>' | '\t' => 3,
                                '"' => 5,
                                _ => 0,
                            },
                            "{input:?}"
                        ),
                        Err((offset, found)) => assert_eq!((offset, found), (at, c)),
                    }
                }
            }
        }
    }

    #[test]
    fn escape_codes() {
        assert_eq!(unescape("0001"), Some('\u{1}'));
        assert_eq!(unescape("FFFE"), Some('\u{FFFE}'));
        assert_eq!(unescape("000D"), None, "CR is a character XML carries");
        assert_eq!(unescape("0041"), None);
        assert_eq!(unescape("000c"), None, "uppercase only");
        assert_eq!(unescape("01"), None);
    }
}
