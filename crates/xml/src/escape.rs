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

/// Appends `text` as element content.
///
/// `&`, `<` and `>` become entity references (`>` so that `]]>` never appears);
/// CR becomes `&#13;`, because a parser turns a literal CR or CRLF into LF (XML 1.0
/// §2.11); characters XML cannot carry become `<c u="XXXX"/>`. Everything else,
/// quotes, tabs, line feeds and leading or trailing spaces included, is written as is.
pub(crate) fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| matches!(c, '&' | '<' | '>' | '\r') || !is_xml_char(c)) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().expect("found a char");
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => {
                let _ = write!(out, "<{CHAR_ELEMENT} {CHAR_ATTRIBUTE}=\"{:04X}\"/>", u32::from(c));
            }
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// Appends `value` as a double-quoted attribute value, or returns the code-point offset
/// and the character XML 1.0 cannot carry.
///
/// Tab, LF and CR are written as character references, which attribute-value
/// normalisation (XML 1.0 §3.3.3) keeps, where a literal one would become a space.
pub(crate) fn push_attribute(out: &mut String, value: &str) -> Result<(), (usize, char)> {
    for (index, c) in value.chars().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => return Err((index, c)),
            c => out.push(c),
        }
    }
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
