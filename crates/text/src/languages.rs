//! The language files (`languages/*.toml`), embedded at compile time.
//!
//! Each file holds what ingest knows about one language, one table per stage (see
//! `languages/README.md`); a stage parses its own table out of [`FILES`] and ignores the
//! others. Adding a language is adding a file and one line here.

/// Every language file: (BCP 47 primary subtag, TOML text).
pub(crate) const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../languages/en.toml")),
    ("fr", include_str!("../languages/fr.toml")),
    ("de", include_str!("../languages/de.toml")),
];

/// The TOML text of language `code` (a primary subtag such as `en`), if it has a file.
#[allow(dead_code)] // Read by the stages as they move their data into the files.
pub(crate) fn file(code: &str) -> Option<&'static str> {
    FILES.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_names_its_own_code() {
        for (code, text) in super::FILES {
            assert!(text.contains(&format!("code = \"{code}\"")), "languages/{code}.toml names another code");
        }
    }
}
