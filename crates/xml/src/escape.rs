//! Escaping text for XML 1.0 and the rule for characters XML 1.0 cannot carry.
//!
//! XML 1.0 (Fifth Edition, §2.2 production `Char`) admits U+0009, U+000A, U+000D,
//! U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF, literally or as a character
//! reference. Everything else a Rust `char` can hold (U+0000–U+0008, U+000B, U+000C,
//! U+000E–U+001F, U+FFFE, U+FFFF) is written in text content as an empty
//! `<c u="XXXX"/>` element (four uppercase hex digits) that the reader turns back into
//! the character. Attribute values hold only identifiers and codes; such a character
//! there is an error.

use std::fmt::Write as _;

/// True when XML 1.0 can carry `c` (production `Char`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Name of the escape element and of its attribute.
pub(crate) const CHAR_ELEMENT: &str = "c";
/// Attribute of the escape element holding the code point in hex.
pub(crate) const CHAR_ATTRIBUTE: &str = "u";

/// Bytes [`push_text`] must look at: `&`, `<`, `>`, CR, the other C0 controls except
/// tab and LF, and 0xEF, the lead byte of U+FFFE and U+FFFF (and of other characters
/// from U+F000 to U+FFFF, which are then copied as they are).
const TEXT_SPECIAL: [bool; 256] = special(b"&<>\r");

/// Bytes [`push_attribute`] must look at: those of [`TEXT_SPECIAL`] and `"`, tab, LF.
const ATTRIBUTE_SPECIAL: [bool; 256] = special(b"&<>\"\t\n\r");

/// A table marking `marked`, every C0 control but tab and LF, and 0xEF.
const fn special(marked: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\t' as usize && b != b'\n' as usize;
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

/// The character XML 1.0 cannot carry that starts at byte `at` of `text`, a byte
/// [`special`] marks: a C0 control other than tab, LF and CR, U+FFFE or U+FFFF.
fn non_xml_char_at(text: &str, at: usize) -> Option<char> {
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

/// Index of the first byte at or after `at` that [`TEXT_SPECIAL`] marks (with
/// `ATTRIBUTE`, [`ATTRIBUTE_SPECIAL`]), or `bytes.len()`.
///
/// Tests 32 bytes at a time with comparisons the compiler turns into vector
/// instructions (a superset of the marked bytes: every C0 control), and looks up the
/// table byte by byte only in a block where one of them matched. The last, partial
/// block is tested the same way, copied into a block padded with spaces.
#[inline]
fn next_special<const ATTRIBUTE: bool>(bytes: &[u8], mut at: usize) -> usize {
    const BLOCK: usize = 32;
    /// True when `block` holds a byte that may be marked.
    fn candidate<const ATTRIBUTE: bool>(block: &[u8; BLOCK]) -> bool {
        // A loop over a `u8` (rather than a fold over a `bool`) is what the compiler
        // turns into vector comparisons.
        let mut found = 0u8;
        for &b in block {
            found |= u8::from(
                (b < 0x20)
                    | (b == b'&')
                    | (b == b'<')
                    | (b == b'>')
                    | (b == 0xEF)
                    | (ATTRIBUTE & (b == b'"')),
            );
        }
        found != 0
    }
    let table = if ATTRIBUTE { &ATTRIBUTE_SPECIAL } else { &TEXT_SPECIAL };
    let marked = |b: &u8| table[usize::from(*b)];
    let Some(mut rest) = bytes.get(at..) else {
        return bytes.len();
    };
    while let Some((block, after)) = rest.split_first_chunk::<BLOCK>() {
        if candidate::<ATTRIBUTE>(block)
            && let Some(i) = block.iter().position(marked)
        {
            return at + i;
        }
        at += BLOCK;
        rest = after;
    }
    let mut padded = [b' '; BLOCK];
    padded[..rest.len()].copy_from_slice(rest);
    if candidate::<ATTRIBUTE>(&padded)
        && let Some(i) = rest.iter().position(marked)
    {
        return at + i;
    }
    bytes.len()
}

/// Appends `text` as element content.
///
/// `&`, `<` and `>` become entity references (`>` so that `]]>` never appears);
/// CR becomes `&#13;`, because a parser turns a literal CR or CRLF into LF (XML 1.0
/// §2.11); characters XML cannot carry become `<c u="XXXX"/>`. Everything else,
/// quotes, tabs, line feeds and leading or trailing spaces included, is written as is.
///
/// Scans bytes, not characters: every byte that can start something to escape is
/// ASCII or 0xEF, a UTF-8 lead byte, so each stop is on a character boundary and the
/// runs between stops are copied whole.
pub(crate) fn push_text(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    loop {
        at = next_special::<false>(bytes, at);
        if at == bytes.len() {
            break;
        }
        let (escape, width) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'\r' => ("&#13;", 1),
            _ => match non_xml_char_at(text, at) {
                Some(c) => {
                    out.push_str(&text[copied..at]);
                    let _ = write!(out, "<{CHAR_ELEMENT} {CHAR_ATTRIBUTE}=\"{:04X}\"/>", u32::from(c));
                    at += c.len_utf8();
                    copied = at;
                    continue;
                }
                // Another character from U+F000 to U+FFFD: copied with its run.
                None => {
                    at += 1;
                    continue;
                }
            },
        };
        out.push_str(&text[copied..at]);
        out.push_str(escape);
        at += width;
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// Appends `value` as a double-quoted attribute value, or returns the code-point offset
/// and the character XML 1.0 cannot carry.
///
/// Tab, LF and CR are written as character references, which attribute-value
/// normalisation (XML 1.0 §3.3.3) keeps, where a literal one would become a space.
/// Scans bytes as [`push_text`] does; on error, `out` may hold part of the value.
pub(crate) fn push_attribute(out: &mut String, value: &str) -> Result<(), (usize, char)> {
    let bytes = value.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    loop {
        at = next_special::<true>(bytes, at);
        if at == bytes.len() {
            break;
        }
        let escape = match bytes[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\t' => "&#9;",
            b'\n' => "&#10;",
            b'\r' => "&#13;",
            _ => match non_xml_char_at(value, at) {
                Some(c) => return Err((value[..at].chars().count(), c)),
                None => {
                    at += 1;
                    continue;
                }
            },
        };
        out.push_str(&value[copied..at]);
        out.push_str(escape);
        at += 1;
        copied = at;
    }
    out.push_str(&value[copied..]);
    Ok(())
}

/// The character an escape element's `u` value names, when it is four uppercase hex
/// digits naming a character XML 1.0 cannot carry.
pub(crate) fn unescape_char(code: &str) -> Option<char> {
    if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(code, 16).ok()?)?;
    (!is_xml_char(c)).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, input);
        out
    }

    #[test]
    fn text_escapes() {
        for (input, expected) in [
            ("plain", "plain"),
            ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
            ("]]>", "]]&gt;"),
            ("\"it's\"", "\"it's\""),
            ("a\r\nb\rc\nd\te", "a&#13;\nb&#13;c\nd\te"),
            (
                "\u{1}x\u{c}\u{FFFE}\u{FFFF}\u{0}",
                "<c u=\"0001\"/>x<c u=\"000C\"/><c u=\"FFFE\"/><c u=\"FFFF\"/><c u=\"0000\"/>",
            ),
            (" Мир 🕊 ", " Мир 🕊 "),
            ("\u{7F}\u{85}\u{FFFD}", "\u{7F}\u{85}\u{FFFD}"),
        ] {
            assert_eq!(text(input), expected, "{input:?}");
        }
    }

    #[test]
    fn attribute_escapes() {
        let mut out = String::new();
        push_attribute(&mut out, "a\"b'c&<>\t\n\r").unwrap();
        assert_eq!(out, "a&quot;b'c&amp;&lt;&gt;&#9;&#10;&#13;");
        assert_eq!(push_attribute(&mut String::new(), "ab\u{1}"), Err((2, '\u{1}')));
    }

    /// The rules of [`push_text`] and [`push_attribute`] applied character by
    /// character, as the module doc states them: the byte scan must agree.
    fn reference(input: &str, attribute: bool) -> Result<String, (usize, char)> {
        let mut out = String::new();
        for (index, c) in input.chars().enumerate() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\r' => out.push_str("&#13;"),
                '"' if attribute => out.push_str("&quot;"),
                '\t' if attribute => out.push_str("&#9;"),
                '\n' if attribute => out.push_str("&#10;"),
                c if !is_xml_char(c) && attribute => return Err((index, c)),
                c if !is_xml_char(c) => out.push_str(&format!("<c u=\"{:04X}\"/>", u32::from(c))),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    fn check_against_reference(input: &str) {
        assert_eq!(Ok(text(input)), reference(input, false), "text {input:?}");
        let mut out = String::new();
        let attribute = push_attribute(&mut out, input).map(|()| out);
        assert_eq!(attribute, reference(input, true), "attribute {input:?}");
    }

    #[test]
    fn byte_scan_agrees_with_the_rules_for_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            check_against_reference(&format!("a{c}b{c}"));
        }
    }

    #[test]
    fn byte_scan_agrees_with_the_rules_on_mixed_strings() {
        // Neighbours of every byte the scan stops at, ASCII and multi-byte.
        let alphabet = [
            'a',
            ' ',
            '&',
            '<',
            '>',
            '"',
            '\'',
            '\t',
            '\n',
            '\r',
            '\0',
            '\u{1}',
            '\u{1F}',
            '\u{7F}',
            'é',
            '\u{EFFF}',
            '\u{F000}',
            '\u{FEFF}',
            '\u{FFBE}',
            '\u{FFFD}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{10000}',
            '\u{10FFFF}',
        ];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    check_against_reference(&String::from_iter([a, b, c]));
                }
            }
        }
        check_against_reference("");
    }

    /// Every character the scan stops at, at each position of texts long and short
    /// (whole blocks, the padded tail, and U+FFFE/U+FFFF across a block boundary).
    #[test]
    fn byte_scan_agrees_with_the_rules_at_every_position() {
        for len in 0..80 {
            for at in 0..len {
                for c in
                    ['&', '<', '>', '"', '\t', '\n', '\r', '\0', '\u{1f}', '\u{FFFE}', '\u{FFFF}', '\u{F000}']
                {
                    let mut text = "x".repeat(at);
                    text.push(c);
                    text.push_str(&"y".repeat(len - at - 1));
                    check_against_reference(&text);
                }
            }
            check_against_reference(&"é".repeat(len));
        }
    }

    #[test]
    fn escape_codes() {
        assert_eq!(unescape_char("0001"), Some('\u{1}'));
        assert_eq!(unescape_char("FFFF"), Some('\u{FFFF}'));
        assert_eq!(unescape_char("000D"), None, "CR is an XML character");
        assert_eq!(unescape_char("0041"), None);
        assert_eq!(unescape_char("000c"), None, "uppercase only");
        assert_eq!(unescape_char("001"), None);
        for c in (0u32..0x20).chain([0xFFFE, 0xFFFF]).filter_map(char::from_u32) {
            if !is_xml_char(c) {
                assert_eq!(unescape_char(&format!("{:04X}", u32::from(c))), Some(c));
            }
        }
    }
}
