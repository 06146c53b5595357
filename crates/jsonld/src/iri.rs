//! Node IRIs: a base IRI, a record id and eIds, percent-encoded (RFC 3986 §2.1).

use crate::InvalidBaseIri;

/// Percent-encodes `text` for use in an IRI path segment or fragment: ASCII letters,
/// digits and `-._~` (RFC 3986 unreserved) stay, every other byte of the UTF-8 form
/// becomes `%XX` (uppercase hex). Ids that are slugs or eIds come out unchanged.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Appends [`encode`]`(text)` to `out` without allocating.
pub(crate) fn encode_into(out: &mut Vec<u8>, text: &str) {
    for &byte in text.as_bytes() {
        if is_unreserved(byte) {
            out.push(byte);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.extend_from_slice(&[b'%', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]]);
        }
    }
}

/// RFC 3986 unreserved: ASCII letters, digits and `-._~`.
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Reverses [`encode`]; `None` when a `%` is not followed by two hex digits, or the bytes
/// are not UTF-8, or a character appears that `encode` would have escaped.
pub(crate) fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte);
            i += 1;
        } else {
            return None;
        }
    }
    String::from_utf8(out).ok()
}

/// Checks that `iri` can start node IRIs: an absolute IRI (a scheme, then `:`), with no
/// fragment, white space or character RFC 3987 excludes (`<>"{}|\^` and backquote).
pub(crate) fn check_base(iri: &str) -> Result<(), InvalidBaseIri> {
    let fail = |reason| Err(InvalidBaseIri::new(iri, reason));
    let Some(colon) = iri.find(':') else {
        return fail("no scheme: a base IRI is absolute (https://…, urn:…)");
    };
    let scheme = &iri[..colon];
    let mut chars = scheme.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return fail("the scheme must be a letter followed by letters, digits, '+', '-' or '.'");
    }
    if iri.contains('#') {
        return fail("a base IRI has no fragment: node IRIs add their own '#…'");
    }
    if iri.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c)) {
        return fail("white space, control characters and <>\"{}|\\^` cannot appear in an IRI");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_what_an_iri_segment_cannot_hold() {
        for (id, encoded) in [
            ("nato-2022-02-16-59fa18d5", "nato-2022-02-16-59fa18d5"),
            ("para_1__cmt_2", "para_1__cmt_2"),
            ("a b/c#d", "a%20b%2Fc%23d"),
            ("Совет", "%D0%A1%D0%BE%D0%B2%D0%B5%D1%82"),
            ("100%", "100%25"),
        ] {
            assert_eq!(encode(id), encoded);
            let mut into = b"x".to_vec();
            encode_into(&mut into, id);
            assert_eq!(into, format!("x{encoded}").as_bytes());
            assert_eq!(decode(encoded).as_deref(), Some(id));
        }
        assert_eq!(decode("a b"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%C3"), None, "not UTF-8");
    }

    #[test]
    fn base_iris() {
        for good in ["https://example.org/statements/", "urn:communique:", "tag:example.org,2025:"] {
            assert!(check_base(good).is_ok(), "{good}");
        }
        for bad in ["statements/", "https://example.org/#", "1http://x/", "https://exa mple.org/", ""] {
            assert!(check_base(bad).is_err(), "{bad}");
        }
    }
}
