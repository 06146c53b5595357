//! File names made from record ids, which must never leave the output folder.

/// Longest file stem written, in bytes (file systems commonly allow 255 bytes a name).
const MAX_STEM: usize = 120;

/// A file stem for the record `id` that is safe in any output folder (no extension).
///
/// Keeps ASCII letters, digits, `-`, `_` and `.`, and writes every other character
/// (path separators `/` and `\`, `:`, white space, control characters, non-ASCII) as `_`;
/// a stem starting with `.` (`..`, hidden files) or naming a Windows device (`CON`,
/// `NUL`, `COM1`…) gets a leading `_`; an empty one becomes `_`; long ones are cut to
/// 120 bytes. So `../../x` gives `_.._.._x` and `C:\x` gives `C__x`: neither can
/// name a path outside the folder.
pub fn file_stem(id: &str) -> String {
    let mut stem: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .take(MAX_STEM)
        .collect();
    let upper = stem.split('.').next().unwrap_or_default().to_ascii_uppercase();
    let device = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit());
    if stem.is_empty() || stem.starts_with('.') || device {
        stem.insert(0, '_');
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn ids_cannot_escape() {
        for (id, stem) in [
            ("nato-2022-02-16-3e2c5f0a", "nato-2022-02-16-3e2c5f0a"),
            ("../../x", "_.._.._x"),
            ("..", "_.."),
            ("C:\\x", "C__x"),
            ("/etc/passwd", "_etc_passwd"),
            ("a/../../b", "a_.._.._b"),
            ("", "_"),
            ("CON", "_CON"),
            ("com1.json", "_com1.json"),
            ("Заявление 1", "__________1"),
            ("tab\there", "tab_here"),
        ] {
            assert_eq!(file_stem(id), stem, "{id:?}");
            assert!(!file_stem(id).contains(['/', '\\']));
        }
        assert_eq!(file_stem(&"x".repeat(500)).len(), 120);
    }
}
