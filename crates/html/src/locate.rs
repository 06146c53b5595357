//! Finding the text nodes of the parsed document in the page source.
//!
//! The HTML parser gives text without positions. The page's text nodes appear in the
//! source in document order, so a cursor walks the source once: markup (tags,
//! comments, doctypes, processing instructions) and the content of raw-text elements
//! (`script`, `style`, `textarea`, `title`, …) are skipped, and in the text between
//! them each node is matched character by character, character references decoded
//! (HTML Standard §13.2.5.72–80) and CR / CRLF read as LF (§13.2.3.5), as the parser
//! did. A node that cannot be matched (text the tree builder moved, such as
//! foster-parented table text) gets no position, and the cursor stays put.

use std::ops::Range;

/// Elements whose content the tokenizer reads as raw text up to the end tag.
const RAW_TEXT: [&str; 10] =
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Longest stretch of source (bytes) searched for one text node before giving up on
/// it, so that an unmatched node costs bounded time: 256 KiB.
const WINDOW: usize = 256 * 1024;

/// Walks `source` forwards, locating text nodes in order.
#[derive(Debug)]
pub(crate) struct Locator<'a> {
    source: &'a str,
    position: usize,
    /// When inside text (not markup) at `position`: known after a successful match.
    in_text: bool,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        Self { source, position: 0, in_text: false }
    }

    /// The byte range of `text` (a text node's content, trimmed of whitespace) in the
    /// source at or after the cursor, moving the cursor past it; `None` when it is not
    /// found within the search window.
    pub(crate) fn locate(&mut self, text: &str) -> Option<Range<usize>> {
        if text.is_empty() {
            return None;
        }
        let bytes = self.source.as_bytes();
        let first = text.chars().next()?;
        let mut i = self.position;
        let limit = self.position.saturating_add(WINDOW).min(bytes.len());
        // Text continues from a previous match only while no markup intervenes.
        let mut in_text = self.in_text;
        while i < limit {
            let b = bytes[i];
            if b == b'<' && !in_text_only(bytes, i) {
                i = skip_markup(self.source, i);
                in_text = true;
                continue;
            }
            in_text = true;
            if !self.source.is_char_boundary(i) {
                i += 1;
                continue;
            }
            let plausible = b == b'&' || b == b'\r' || self.source[i..].starts_with(first);
            if plausible && let Some(end) = match_at(self.source, i, text) {
                self.position = end;
                self.in_text = true;
                return Some(i..end);
            }
            i += 1;
        }
        let _ = in_text;
        None
    }
}

/// True when `<` at `i` is text, not the start of markup (not followed by a letter,
/// `/`, `!` or `?`).
fn in_text_only(bytes: &[u8], i: usize) -> bool {
    !bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// Skips the markup starting with `<` at `i`; returns the offset after it (and after the
/// content of a raw-text element it opens).
fn skip_markup(source: &str, i: usize) -> usize {
    let bytes = source.as_bytes();
    let rest = &source[i..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        return comment.find("-->").map_or(bytes.len(), |end| i + 4 + end + 3);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        return rest.find('>').map_or(bytes.len(), |end| i + end + 1);
    }
    let closing = rest.starts_with("</");
    let name_start = i + if closing { 2 } else { 1 };
    let mut j = name_start;
    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !matches!(bytes[j], b'>' | b'/') {
        j += 1;
    }
    let name = source[name_start..j].to_ascii_lowercase();
    // Attributes: quoted values may hold '>'.
    let mut quote = None;
    while j < bytes.len() {
        match (quote, bytes[j]) {
            (None, b'>') => break,
            (None, q @ (b'"' | b'\'')) if bytes[j - 1] == b'=' || bytes[j - 1].is_ascii_whitespace() => {
                quote = Some(q);
            }
            (Some(q), b) if b == q => quote = None,
            _ => {}
        }
        j += 1;
    }
    let after = (j + 1).min(bytes.len());
    if closing || !RAW_TEXT.contains(&name.as_str()) || bytes[..after].ends_with(b"/>") && name != "script" {
        return after;
    }
    if name == "plaintext" {
        return bytes.len();
    }
    // Raw text runs to `</name` (ASCII case-insensitive).
    let mut k = after;
    while let Some(found) = memchr_lt(&bytes[k..]) {
        let at = k + found;
        let candidate = &bytes[at + 1..];
        if candidate.first() == Some(&b'/')
            && candidate.len() > name.len()
            && candidate[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        k = at + 1;
    }
    bytes.len()
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Matches `text` against the source at byte `i`; the end offset when it matches.
fn match_at(source: &str, mut i: usize, text: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if let Some(second) = pending.take() {
            if second == c {
                continue;
            }
            return None;
        }
        let b = *bytes.get(i)?;
        if b == b'&'
            && let Some((first, second, length)) = char_reference(&source[i..])
        {
            if first != c {
                return None;
            }
            pending = second;
            i += length;
            continue;
        }
        if b == b'\r' {
            if c != '\n' {
                return None;
            }
            i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if b == 0 && c == '\u{FFFD}' {
            i += 1;
            continue;
        }
        let here = source[i..].chars().next()?;
        if here != c {
            return None;
        }
        i += here.len_utf8();
    }
    if pending.is_some() {
        return None;
    }
    Some(i)
}

/// Decodes the character reference at the start of `text` (which starts with `&`) as a
/// tokenizer in the data state does: the character(s) and the bytes consumed.
pub(crate) fn char_reference(text: &str) -> Option<(char, Option<char>, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
            .count();
        if digits == 0 {
            return None;
        }
        let mut end = digits_start + digits;
        let value =
            u32::from_str_radix(&text[digits_start..end], if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        return Some((numeric_reference(value), None, end));
    }
    // Named: the longest name in the table (names are at most 32 bytes).
    let mut best = None;
    let mut name_end = 1;
    while name_end < bytes.len() && name_end <= 33 {
        let b = bytes[name_end];
        if !(b.is_ascii_alphanumeric() || b == b';') {
            break;
        }
        name_end += 1;
        match html5ever::data::NAMED_ENTITIES.get(&text[1..name_end]) {
            Some(&(0, _)) => {}
            Some(&(first, second)) => best = Some((first, second, name_end)),
            None => break,
        }
        if b == b';' {
            break;
        }
    }
    let (first, second, length) = best?;
    Some((char::from_u32(first)?, char::from_u32(second).filter(|&c| c != '\0'), length))
}

/// The character a numeric reference stands for (HTML Standard §13.2.5.80): NUL,
/// surrogates and values past U+10FFFF are U+FFFD; 0x80–0x9F are read as windows-1252.
fn numeric_reference(value: u32) -> char {
    match value {
        0 | 0xD800..=0xDFFF => '\u{FFFD}',
        0x80..=0x9F => {
            let byte = [value as u8];
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&byte)
                .0
                .chars()
                .next()
                .unwrap_or('\u{FFFD}')
        }
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_references() {
        assert_eq!(char_reference("&amp;x"), Some(('&', None, 5)));
        assert_eq!(char_reference("&nbsp"), Some(('\u{a0}', None, 5)));
        assert_eq!(char_reference("&#8217;"), Some(('’', None, 7)));
        assert_eq!(char_reference("&#x2019;"), Some(('’', None, 8)));
        assert_eq!(char_reference("&#150;"), Some(('–', None, 6)), "windows-1252 en dash");
        assert_eq!(char_reference("&#0;"), Some(('\u{FFFD}', None, 4)));
        assert_eq!(char_reference("&notin;"), Some(('∉', None, 7)));
        assert_eq!(char_reference("&notit;"), Some(('¬', None, 4)), "legacy &not without semicolon");
        assert_eq!(char_reference("&NotEqualTilde;"), Some(('≂', Some('\u{338}'), 15)));
        assert_eq!(char_reference("&bogus;"), None);
        assert_eq!(char_reference("&#;"), None);
    }

    #[test]
    fn locates_nodes_in_order_past_markup() {
        let source = "<title>Hi</title><p class=\"a>b\">Hi &amp; bye</p><!-- Hi --><script>x='Hi'</script><p>Hi\r\nthere</p>";
        let mut locator = Locator::new(source);
        let first = locator.locate("Hi & bye").unwrap();
        assert_eq!(&source[first], "Hi &amp; bye");
        let second = locator.locate("Hi\nthere").unwrap();
        assert_eq!(&source[second], "Hi\r\nthere");
        assert_eq!(locator.locate("Hi"), None, "nothing after the cursor");
    }
}
