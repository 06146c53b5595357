//! The language files (`languages/*.toml`), embedded at compile time and read once.
//!
//! Each file holds what ingest knows about one language, one table per stage (see
//! `languages/README.md`): `[language]` (name, stop words), `[dates]` (month and weekday
//! names, publication and update phrases), `[kinds]` (what titles call a kind of
//! statement) and `[furniture]` (page furniture phrases). This module parses the tables
//! the stages share; a table a stage does not know (the codebook's `[commitments]`) is
//! left to its own reader. Adding a language is adding a file: the build script
//! (`build.rs`) lists the folder.

use communique_model::StatementKind;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Every language file, by name: (its stem, the BCP 47 primary subtag or `mul` for the
/// furniture common to every language; TOML text). The build script lists the folder.
pub(crate) const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// What one file says, for the stages that share it.
#[derive(Debug)]
pub(crate) struct Language {
    /// BCP 47 primary subtag (`en`), or `mul`.
    pub code: &'static str,
    /// English name of the language.
    pub name: String,
    /// Function words, lower case.
    pub stop_words: HashSet<String>,
    /// Date words; `None` for `mul`.
    pub dates: Option<Dates>,
    /// Title cues: (cue in lower case, kind).
    pub kinds: Vec<(String, StatementKind)>,
    /// Phrases inside which a cue names no kind.
    pub not_kinds: Vec<String>,
    /// Furniture rules.
    pub furniture: Vec<FurnitureRule>,
    /// Names of networks a share line lists (lower case).
    pub networks: Vec<String>,
}

/// The `[dates]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Dates {
    /// Month names, January first; each entry the forms of one month.
    pub months: Vec<Vec<String>>,
    /// Weekday names, Monday first.
    pub weekdays: Vec<Vec<String>>,
    /// Letters after a day number ("nd", "er", ".").
    #[serde(default)]
    pub day_suffixes: Vec<String>,
    /// Words between a dateline's place and its date ("le", "am").
    #[serde(default)]
    pub date_articles: Vec<String>,
    /// Words before a time of day ("at", "um").
    #[serde(default)]
    pub time_prefixes: Vec<String>,
    /// `month-first` or `day-first`.
    pub numeric_order: String,
    /// Phrases that open a publication line.
    #[serde(default)]
    pub published: Vec<String>,
    /// Phrases that open a repost line.
    #[serde(default)]
    pub reposted: Vec<String>,
    /// Phrases that open an update line.
    #[serde(default)]
    pub updated: Vec<String>,
    /// Phrases that open an as-of line ("Stand"): the date of the version printed, its
    /// last update, and its issue date when nothing else gives one.
    #[serde(default)]
    pub as_of: Vec<String>,
    /// Labels printed before a place ("Ort").
    #[serde(default)]
    pub place_labels: Vec<String>,
}

/// One `[[furniture.rule]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FurnitureRule {
    /// Note code of a line set aside (`noise.share`).
    pub code: String,
    /// Whether everything after such a line is furniture too.
    #[serde(default)]
    pub ends_page: bool,
    /// Whole lines (lower case).
    #[serde(default)]
    pub lines: Vec<String>,
    /// Line openings (lower case).
    #[serde(default)]
    pub starts: Vec<String>,
    /// Phrases anywhere in a short line (lower case).
    #[serde(default)]
    pub contains: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    language: LanguageTable,
    dates: Option<Dates>,
    kinds: Option<toml::Table>,
    #[serde(default)]
    furniture: FurnitureTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageTable {
    code: String,
    name: String,
    #[serde(default)]
    stop_words: Vec<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FurnitureTable {
    #[serde(default)]
    rule: Vec<FurnitureRule>,
    #[serde(default)]
    networks: Vec<String>,
}

/// Every language file, parsed.
///
/// # Panics
///
/// On first use, when a file does not parse: the files are constants of the crate and a
/// test parses each of them.
pub(crate) fn all() -> &'static [Language] {
    static ALL: LazyLock<Vec<Language>> = LazyLock::new(|| {
        FILES
            .iter()
            .map(|(code, text)| parse(code, text).unwrap_or_else(|e| panic!("languages/{code}.toml: {e}")))
            .collect()
    });
    &ALL
}

/// The language whose primary subtag is `code`.
pub(crate) fn get(code: &str) -> Option<&'static Language> {
    all().iter().find(|l| l.code == code)
}

fn parse(code: &'static str, text: &str) -> Result<Language, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    if file.language.code != code {
        return Err(format!("the file names code {:?}", file.language.code));
    }
    let mut kinds = Vec::new();
    let mut not_kinds = Vec::new();
    for (key, value) in file.kinds.unwrap_or_default() {
        let words: Vec<String> = value
            .as_array()
            .ok_or_else(|| format!("[kinds] {key} is not a list"))?
            .iter()
            .map(|w| {
                w.as_str().map(str::to_lowercase).ok_or_else(|| format!("[kinds] {key} holds a non-string"))
            })
            .collect::<Result<_, _>>()?;
        if key == "not_kinds" {
            not_kinds = words;
            continue;
        }
        let kind =
            StatementKind::from_name(&key).ok_or_else(|| format!("[kinds] {key} is not a statement kind"))?;
        kinds.extend(words.into_iter().map(|w| (w, kind)));
    }
    let lower = |list: Vec<String>| list.into_iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
    let furniture = file
        .furniture
        .rule
        .into_iter()
        .map(|rule| FurnitureRule {
            lines: lower(rule.lines),
            starts: lower(rule.starts),
            contains: lower(rule.contains),
            ..rule
        })
        .collect();
    let dates = file.dates.map(|d| Dates {
        months: d.months.into_iter().map(lower).collect(),
        weekdays: d.weekdays.into_iter().map(lower).collect(),
        day_suffixes: lower(d.day_suffixes),
        date_articles: lower(d.date_articles),
        time_prefixes: lower(d.time_prefixes),
        published: lower(d.published),
        reposted: lower(d.reposted),
        updated: lower(d.updated),
        as_of: lower(d.as_of),
        place_labels: lower(d.place_labels),
        numeric_order: d.numeric_order,
    });
    if let Some(d) = &dates {
        if d.months.len() != 12 || d.weekdays.len() != 7 {
            return Err("[dates] needs 12 months and 7 weekdays".into());
        }
        if !matches!(d.numeric_order.as_str(), "month-first" | "day-first") {
            return Err("[dates] numeric_order is month-first or day-first".into());
        }
    }
    Ok(Language {
        code,
        name: file.language.name,
        stop_words: file.language.stop_words.iter().map(|w| w.to_lowercase()).collect(),
        dates,
        kinds,
        not_kinds,
        furniture,
        networks: lower(file.furniture.networks),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_parses_and_names_its_own_code() {
        for (code, text) in super::FILES {
            let language = super::parse(code, text).unwrap_or_else(|e| panic!("languages/{code}.toml: {e}"));
            assert!(!language.name.is_empty());
            if *code != "mul" {
                assert!(language.stop_words.len() >= 50, "{code}: too few stop words");
                assert!(language.dates.is_some(), "{code}: no [dates]");
            }
        }
        assert_eq!(super::get("en").map(|l| l.name.as_str()), Some("English"));
        assert!(super::get("en").is_some_and(|l| l.stop_words.contains("the")));
    }
}
