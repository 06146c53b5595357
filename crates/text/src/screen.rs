//! Fast screening of regular expressions (the date reader's patterns).
//!
//! A pattern as written ("the exact pattern") may carry bounded repetitions such
//! as `[^,;:]{0,200}` and Unicode word boundaries. Both defeat the `regex` crate's lazy
//! DFA: a bound of 200 multiplies the automaton's states, so that nearly every sentence
//! builds fresh states, and a Unicode `\b` makes the DFA give up on the first non-ASCII
//! byte (a curly apostrophe, a non-breaking space), so that the search falls back to the
//! far slower PikeVM. Each pattern is therefore also compiled in a *looser* form, the
//! screen, which matches every text the exact pattern matches and which the lazy DFA
//! runs at full speed; the exact pattern runs only on the few sentences its screen
//! lets through, so results are those of the exact pattern alone.

use regex::{Regex, RegexBuilder};

/// Repetitions bounded above by at least this many are made unbounded in a screen.
const LARGE_BOUND: u32 = 16;

/// A pattern compiled twice: `exact` as written, `screen` loosened (see the module doc).
#[derive(Debug, Clone)]
pub(crate) struct Screened {
    screen: Regex,
    exact: Regex,
}

impl Screened {
    /// Compiles `pattern` (already narrowed to Latin classes) both ways.
    ///
    /// # Panics
    ///
    /// When the pattern does not compile: the date patterns are constants, and the tests
    /// compile every one of them.
    pub(crate) fn new(pattern: &str, case_insensitive: bool) -> Self {
        let exact = build(pattern, case_insensitive);
        let loose = loosen(pattern, case_insensitive);
        let screen = if loose == pattern { exact.clone() } else { build(&loose, case_insensitive) };
        Self { screen, exact }
    }

    /// The exact pattern's successive non-overlapping matches with their groups, as
    /// `Regex::captures_iter`.
    pub(crate) fn captures_iter<'h>(&self, text: &'h str) -> impl Iterator<Item = regex::Captures<'h>> {
        self.screen.is_match(text).then(|| self.exact.captures_iter(text)).into_iter().flatten()
    }
}

/// Compiles one pattern.
///
/// # Panics
///
/// When the pattern does not compile (see [`Screened::new`]).
pub(crate) fn build(pattern: &str, case_insensitive: bool) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(64 << 20)
        .build()
        .unwrap_or_else(|e| panic!("pattern {pattern:?} does not compile: {e}"))
}

/// The screen of `pattern`: a pattern that matches at least every text `pattern` matches.
///
/// - `{m,n}` with `n ≥ 16` becomes `{m,}` (every repetition count the bound allowed is
///   still allowed).
/// - `\b` becomes the ASCII word boundary `(?-u:\b)` where the pattern puts an ASCII
///   letter on one side of it: that side is then a word character in both senses, and a
///   character that is not a Unicode word character is not an ASCII one either (nor is
///   the edge of the text), so the ASCII boundary holds wherever the Unicode one does.
///   In a case-insensitive pattern `k` and `s` do not count (Unicode case folding pairs
///   them with the Kelvin sign and the long s).
/// - Any other `\b` is dropped: a pattern without an assertion matches wherever it
///   matched with it.
pub(crate) fn loosen(pattern: &str, case_insensitive: bool) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let case_insensitive = case_insensitive || pattern.contains("(?i");
    let letter =
        |c: &char| c.is_ascii_alphabetic() && !(case_insensitive && matches!(c, 'k' | 'K' | 's' | 'S'));
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                if chars[i + 1] == 'b' && chars.get(i + 2) != Some(&'{') {
                    if ends_with_ascii_letter(&chars[..i], &letter)
                        || starts_with_ascii_letter(&chars[i + 2..], &letter)
                    {
                        out.push_str(r"(?-u:\b)");
                    } else {
                        out.push_str("(?:)");
                    }
                } else {
                    out.push(chars[i]);
                    out.push(chars[i + 1]);
                }
                i += 2;
            }
            '[' => {
                // Copy a class whole: braces and backslashes inside it are not operators.
                let end = class_end(&chars, i);
                out.extend(&chars[i..end]);
                i = end;
            }
            '{' => {
                let close = chars[i..].iter().position(|&c| c == '}').map(|p| i + p);
                let bounds = close.and_then(|close| {
                    let inner: String = chars[i + 1..close].iter().collect();
                    let (min, max) = inner.split_once(',')?;
                    Some((close, min.parse::<u32>().ok()?, max.parse::<u32>().ok()?))
                });
                match bounds {
                    Some((close, min, max)) if max >= LARGE_BOUND => {
                        out.push_str(&format!("{{{min},}}"));
                        i = close + 1;
                    }
                    _ => {
                        out.push('{');
                        i += 1;
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Index just past the character class that opens at `chars[start]` (`[`).
fn class_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    // A `]` (or `^]`) right after the opening bracket is a literal.
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    let mut depth = 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

/// Whether every string `pattern` can match starts with an ASCII letter: a literal
/// letter, or a group whose alternatives all start with one.
fn starts_with_ascii_letter(pattern: &[char], letter: &dyn Fn(&char) -> bool) -> bool {
    match pattern.first() {
        // A letter that may be absent (`s?`, `s*`, `s{0,2}`) leaves the decision to what follows.
        Some(c) if letter(c) && matches!(pattern.get(1), Some('?' | '*' | '{')) => {
            let rest = match pattern[1] {
                '{' => pattern.iter().position(|&c| c == '}').map_or(&[][..], |p| &pattern[p + 1..]),
                _ => &pattern[2..],
            };
            starts_with_ascii_letter(rest, letter)
        }
        Some(c) if letter(c) => true,
        Some('(') => {
            let Some(close) = group_end(pattern) else { return false };
            let body = group_body(&pattern[..close]);
            // A group that may be skipped (`(…)?`, `(…)*`) does not decide the first letter.
            let optional =
                matches!(pattern.get(close + 1), Some('?' | '*')) || pattern.get(close + 1) == Some(&'{');
            !optional && alternatives(body).iter().all(|alt| starts_with_ascii_letter(alt, letter))
        }
        _ => false,
    }
}

/// Whether every string `pattern` can match ends with an ASCII letter: a literal letter
/// (an optional letter `s?` after a literal letter counts), or a group whose
/// alternatives all end with one.
fn ends_with_ascii_letter(pattern: &[char], letter: &dyn Fn(&char) -> bool) -> bool {
    match pattern {
        [.., a, b, '?'] if letter(a) && letter(b) && !is_escaped(pattern, pattern.len() - 2) => true,
        [.., c] if letter(c) && !is_escaped(pattern, pattern.len() - 1) => true,
        [.., ')'] if !is_escaped(pattern, pattern.len() - 1) => {
            let Some(open) = group_start(pattern) else { return false };
            let body = group_body(&pattern[open..]);
            alternatives(body).iter().all(|alt| ends_with_ascii_letter(alt, letter))
        }
        _ => false,
    }
}

/// Whether `pattern[i]` is escaped by a backslash.
fn is_escaped(pattern: &[char], i: usize) -> bool {
    pattern[..i].iter().rev().take_while(|&&c| c == '\\').count() % 2 == 1
}

/// The group and alternation characters of `pattern` (`(`, `)`, `|`) with their
/// indices, in order: those escaped by a backslash or inside a character class are
/// skipped, so the three walks below read the syntax the same way.
fn structure(pattern: &[char]) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < pattern.len() {
            let at = i;
            match pattern[at] {
                '\\' => i += 2,
                '[' => i = class_end(pattern, at),
                c @ ('(' | ')' | '|') => {
                    i += 1;
                    return Some((at, c));
                }
                _ => i += 1,
            }
        }
        None
    })
}

/// Index of the `)` closing the group that opens at `pattern[0]`.
fn group_end(pattern: &[char]) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in structure(pattern) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Index of the `(` opening the group that the final `)` of `pattern` closes.
fn group_start(pattern: &[char]) -> Option<usize> {
    // Scan forward so escapes and classes are read the right way round.
    let mut stack = Vec::new();
    let mut last = None;
    for (i, c) in structure(pattern) {
        match c {
            '(' => stack.push(i),
            ')' => last = stack.pop(),
            _ => {}
        }
    }
    last
}

/// The inside of a group `(…)`, without its opening flags (`?:`, `?P<name>`).
fn group_body(group: &[char]) -> &[char] {
    let end = group.len().saturating_sub(1).max(1);
    let mut body = &group[1..end];
    if body.first() == Some(&'?') {
        if body.get(1) == Some(&':') {
            body = &body[2..];
        } else if body.get(1) == Some(&'P') || body.get(1) == Some(&'<') {
            let close = body.iter().position(|&c| c == '>').map_or(body.len(), |p| p + 1);
            body = &body[close..];
        } else {
            // Flags such as `(?i:…)`: leave undecided.
            return &[];
        }
    }
    body
}

/// The top-level alternatives of a group body.
fn alternatives(body: &[char]) -> Vec<&[char]> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in structure(body) {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pattern: &str, expected: &str) {
        assert_eq!(loosen(pattern, false), expected, "{pattern}");
    }

    #[test]
    fn loosens_large_bounds_only() {
        check(r"[^,;:]{0,200},", r"[^,;:]{0,},");
        check(r"(?:\s+\w+){0,5}", r"(?:\s+\w+){0,5}");
        check(r"[^,;]{1,160}", r"[^,;]{1,}");
        check(r"\d{2,5}", r"\d{2,5}");
        check(r"[{]{0,200}", r"[{]{0,}");
    }

    #[test]
    fn makes_boundaries_ascii_beside_an_ascii_letter() {
        check(r"\bwill\s", r"(?-u:\b)will\s");
        check(r"(?:costs?|price)\b", r"(?:costs?|price)(?-u:\b)");
        check(r"(?:is|are)\b", r"(?:is|are)(?-u:\b)");
        check(r"\b(?:is|are)", r"(?-u:\b)(?:is|are)");
        check(r"[^.;]{0,200}?\b(?:is|are)", r"[^.;]{0,}?(?-u:\b)(?:is|are)");
        // Beside a class, an optional group, a non-ASCII letter, or (case-insensitive)
        // beside `k` or `s`, a boundary is dropped.
        check(r"\w\b\W", r"\w(?:)\W");
        check(r"\b(?:is)?x", r"(?:)(?:is)?x");
        check(r"(?:prêts?|à)\b", r"(?:prêts?|à)(?:)");
        check(r"(?i)\bsi\b", r"(?i)(?:)si(?-u:\b)");
        check(r"(?i)\bat\b", r"(?i)(?-u:\b)at(?-u:\b)");
        check(r"\\b", r"\\b");
        check(r"\bs?\W", r"(?:)s?\W");
        check(r"\bs?will", r"(?-u:\b)s?will");
    }

    #[test]
    fn screens_accept_what_the_exact_pattern_accepts() {
        let pattern = r"^(?:As\b[^,]{0,20},\s+)?(?P<actor>We)\s+(?:urge|call)\b";
        let screened = Screened::new(pattern, false);
        for text in [
            "We urge all",
            "As agreed, We call",
            "As é’s, We urge’",
            "We urged",
            "As a very long clause here, We urge",
        ] {
            assert_eq!(
                screened.captures_iter(text).next().is_some(),
                build(pattern, false).is_match(text),
                "{text}"
            );
            assert!(screened.screen.is_match(text) || !screened.exact.is_match(text), "{text}");
        }
    }
}
