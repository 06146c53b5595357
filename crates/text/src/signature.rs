//! Signatures at the end of a statement: the names of those who sign it, perhaps with a
//! date ("Joseph R. Biden, Jr." / "Emmanuel Macron" / "December 1, 2022", or the same run
//! together on one line). They are set aside as `metadata.signature` notes, for plain text
//! and Markdown alike.

use crate::dates::{NumericOrder, find_date};

/// Words that join the parts of a name ("Ursula von der Leyen", "Mohammed bin Salman").
const PARTICLES: &[&str] =
    &["von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "bin", "al", "el", "y"];

/// Whether `line` holds only names (two to five capitalised words each, initials and
/// "Jr." allowed) and perhaps a date: a signature line. At most 16 words.
pub(crate) fn is_signature(line: &str) -> bool {
    // Cheap tests first: a signature line is short, and every word in it starts with a
    // capital, a digit or is a particle.
    let words = line.split_whitespace();
    if words.clone().count() > 20
        || words.clone().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&w.trim_end_matches(','))
        })
    {
        return false;
    }
    let mut rest = line.trim().to_owned();
    // A date at the end, or alone.
    if let Some(found) = find_date(&rest, NumericOrder::MonthFirst)
        && rest[found.range.end..].trim().is_empty()
    {
        rest.truncate(found.range.start);
    }
    let rest = rest.trim().trim_end_matches(',').trim();
    if rest.is_empty() {
        // A date alone signs nothing, but it belongs to a signature block.
        return !line.trim().is_empty();
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() < 2 || words.len() > 16 || rest.ends_with(['!', '?', ':', ';']) {
        return false;
    }
    let mut capitalised = 0;
    for word in &words {
        let bare = word.trim_end_matches([',', '.']);
        let suffix = matches!(bare, "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV");
        if suffix || PARTICLES.contains(&bare) {
            continue;
        }
        let name_like = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !name_like {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= 2
}

/// How many of `paragraphs` at the end form a signature block: signature lines after the
/// last paragraph that is not one (never every paragraph).
pub(crate) fn trailing<'a>(
    paragraphs: impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator,
) -> usize {
    let total = paragraphs.len();
    let count = paragraphs.rev().take_while(|p| p.lines().all(is_signature)).count();
    if count >= total { 0 } else { count }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert!(is_signature("Joseph R. Biden, Jr."));
        assert!(is_signature("JOSEPH R. BIDEN JR."));
        assert!(is_signature("Emmanuel Macron"));
        assert!(is_signature("Joseph R. Biden, Jr. Emmanuel Macron October 29, 2021"));
        assert!(is_signature("December 1, 2022"));
        assert!(is_signature("Ursula von der Leyen"));
        assert!(!is_signature("Sincerely,"));
        assert!(!is_signature("We will act."));
        assert!(!is_signature("Strengthening people-to-people ties"));
        assert!(!is_signature("Thank you."));
        let paragraphs =
            ["We met today.", "We agreed.", "Joseph R. Biden, Jr.", "Emmanuel Macron", "December 1, 2022"];
        assert_eq!(trailing(paragraphs.iter().copied()), 3);
        assert_eq!(trailing(["We agreed."].iter().copied()), 0);
    }
}
