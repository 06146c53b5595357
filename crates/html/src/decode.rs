//! Bytes to text: which character encoding a page is in, and decoding it.
//!
//! The order follows the HTML Standard's encoding sniffing algorithm (§13.2.3.2): a
//! byte order mark first, then the transport layer (the HTTP `Content-Type` charset, as
//! a WARC record keeps it), then a `<meta charset>` or `<meta http-equiv=Content-Type>`
//! declaration. Two departures, both for pages as archived: the declaration is looked
//! for in the first 64 KiB rather than 1024 bytes (real pages declare it after long
//! `<title>`s and scripts), and a page that declares nothing is UTF-8 when its bytes
//! are valid UTF-8, windows-1252 otherwise (the Standard's fallback for most locales).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta>` charset declaration is looked for: 64 KiB.
pub const META_SCAN_BYTES: usize = 64 * 1024;

/// Where the encoding of a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte order mark at the start of the bytes.
    ByteOrderMark,
    /// The `charset` of the HTTP `Content-Type` (for instance from a WARC record).
    Transport,
    /// `<meta charset="…">`.
    MetaCharset,
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`.
    MetaHttpEquiv,
    /// Nothing declared; the bytes are valid UTF-8.
    ValidUtf8,
    /// Nothing declared (or nothing usable) and the bytes are not UTF-8: windows-1252.
    Fallback,
}

/// A page decoded to Unicode.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The page as Unicode text, byte order mark removed. Malformed byte sequences are
    /// replaced by U+FFFD as the Encoding Standard's decoders do.
    pub text: String,
    /// The encoding used (its WHATWG name by [`Encoding::name`], e.g. `UTF-8`).
    pub encoding: &'static Encoding,
    /// Where that encoding came from.
    pub source: EncodingSource,
    /// True when some bytes were malformed in that encoding and replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes`, honouring a BOM, then `transport_charset` (an HTTP charset label),
/// then a `<meta>` declaration.
///
/// Labels are resolved as the Encoding Standard says (`latin1` and `iso-8859-1` are
/// windows-1252, `utf8` is UTF-8); a declared UTF-16 in a `<meta>` is read as UTF-8, as
/// the Standard requires (the bytes are ASCII-compatible, or the declaration could not
/// have been read). Unknown labels are ignored.
///
/// ```
/// use communique_html::decode::{decode, EncodingSource};
/// let page = b"<meta charset=windows-1251><p>\xcc\xe8\xf0</p>";
/// let decoded = decode(page, None);
/// assert_eq!(decoded.text, "<meta charset=windows-1251><p>Мир</p>");
/// assert_eq!(decoded.source, EncodingSource::MetaCharset);
/// ```
#[must_use]
pub fn decode(bytes: &[u8], transport_charset: Option<&str>) -> Decoded {
    let (encoding, source) = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        (encoding, EncodingSource::ByteOrderMark)
    } else if let Some(encoding) =
        transport_charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
    {
        (encoding, EncodingSource::Transport)
    } else if let Some((encoding, source)) = prescan(&bytes[..bytes.len().min(META_SCAN_BYTES)]) {
        (encoding, source)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, EncodingSource::ValidUtf8)
    } else {
        (WINDOWS_1252, EncodingSource::Fallback)
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    Decoded { text: text.into_owned(), encoding: used, source, had_errors }
}

/// Finds a charset declaration in the `<meta>` elements of `bytes`.
fn prescan(bytes: &[u8]) -> Option<(&'static Encoding, EncodingSource)> {
    let mut position = 0;
    while let Some(found) = find_ascii_ci(&bytes[position..], b"<meta") {
        let start = position + found + 5;
        if !bytes.get(start).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/') {
            position = start;
            continue;
        }
        let (attributes, end) = attributes(bytes, start);
        position = end;
        let get = |name: &str| attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let found = if let Some(label) = get("charset") {
            Some((label.to_owned(), EncodingSource::MetaCharset))
        } else if get("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-type")) {
            get("content")
                .and_then(crate::warc::charset_parameter)
                .map(|label| (label.to_owned(), EncodingSource::MetaHttpEquiv))
        } else {
            None
        };
        if let Some((label, source)) = found
            && let Some(encoding) = Encoding::for_label(label.trim().as_bytes())
        {
            let encoding = if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
                UTF_8
            } else if encoding == encoding_rs::X_USER_DEFINED {
                WINDOWS_1252
            } else {
                encoding
            };
            return Some((encoding, source));
        }
    }
    None
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle))
}

/// Reads the attributes of a tag from `start` to its `>`: (lower-case name, value) pairs
/// and the offset after the tag.
fn attributes(bytes: &[u8], mut i: usize) -> (Vec<(String, String)>, usize) {
    let mut out = Vec::new();
    let text = |range: &[u8]| String::from_utf8_lossy(range).into_owned();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return (out, (i + 1).min(bytes.len()));
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = text(&bytes[name_start..i]).to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let value_start = i + 1;
                    let end = bytes[value_start..]
                        .iter()
                        .position(|&b| b == quote)
                        .map_or(bytes.len(), |p| value_start + p);
                    value = text(&bytes[value_start..end]);
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = text(&bytes[value_start..i]);
                }
            }
        }
        if !name.is_empty() && !out.iter().any(|(n, _)| *n == name) {
            out.push((name, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], transport: Option<&str>, text: &str, encoding: &str, source: EncodingSource) {
        let decoded = decode(bytes, transport);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding.name(), encoding);
        assert_eq!(decoded.source, source);
    }

    #[test]
    fn sniffing_order() {
        use EncodingSource::*;
        // "Straße" in windows-1252 (ß = 0xDF) and UTF-8 (ß = C3 9F).
        check(b"<p>Stra\xdfe", None, "<p>Straße", "windows-1252", Fallback);
        check(b"<p>Stra\xc3\x9fe", None, "<p>Straße", "UTF-8", ValidUtf8);
        check(b"\xef\xbb\xbf<p>Stra\xc3\x9fe", Some("latin1"), "<p>Straße", "UTF-8", ByteOrderMark);
        check(b"<p>Stra\xdfe", Some("ISO-8859-1"), "<p>Straße", "windows-1252", Transport);
        check(
            b"<meta charset='utf-8'><p>Stra\xc3\x9fe",
            Some("bogus"),
            "<meta charset='utf-8'><p>Straße",
            "UTF-8",
            MetaCharset,
        );
        // The declaration after a non-ASCII title is still found.
        check(
            b"<title>\xc3\x9cbersicht</title><meta charset=\"UTF-8\"/>",
            None,
            "<title>Übersicht</title><meta charset=\"UTF-8\"/>",
            "UTF-8",
            MetaCharset,
        );
        check(
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-15\">\xa4",
            None,
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-15\">€",
            "ISO-8859-15",
            MetaHttpEquiv,
        );
        // A meta UTF-16 declaration means UTF-8.
        check(b"<meta charset=utf-16><p>ok", None, "<meta charset=utf-16><p>ok", "UTF-8", MetaCharset);
    }

    #[test]
    fn malformed_bytes_become_replacement_characters() {
        let decoded = decode(b"<meta charset=utf-8><p>a\xffb", None);
        assert_eq!(decoded.text, "<meta charset=utf-8><p>a\u{FFFD}b");
        assert!(decoded.had_errors);
    }
}
