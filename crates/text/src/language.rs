//! The language of a statement: one detector for plain text and Markdown.
//!
//! First whatlang's trigram model over a sample of the body's prose; when it is unsure
//! (short or mixed text), the script and the stop words of the language files decide:
//! in Latin script, the language whose `[language]` stop words the sample holds most of.
//! A record whose language was decided that way carries a `language.assumed` note that
//! says which language was assumed and why, and one whose Latin-script prose no rule could
//! place a `language.unknown` note: the language is never left unknown silently.

use crate::languages;
use communique_model::Note;

/// At most this many bytes of text are looked at: a few paragraphs of prose are enough
/// for a stable trigram guess, and whatlang's cost (which grows with the sample) stays
/// small and constant on long inputs.
pub(crate) const SAMPLE_BYTES: usize = 1024;

/// Words a sample needs before its language is worth a note when nothing can place it.
const PROSE_WORDS: usize = 4;

/// BCP 47 tag of the language `text` is written in, or `None` when whatlang cannot tell
/// with confidence (very short or mixed text).
///
/// ISO 639-3 codes are mapped to the ISO 639-1 code BCP 47 requires where one exists
/// (`eng` → `en`); a language without one keeps its three letters.
///
/// ```
/// use communique_text::detect_language;
/// let text = "Les ministres ont condamné avec la plus grande fermeté la reconnaissance.";
/// assert_eq!(detect_language(text).as_deref(), Some("fr"));
/// assert_eq!(detect_language(""), None);
/// ```
#[must_use]
pub fn detect_language(text: &str) -> Option<String> {
    confident(&text[..floor(text, SAMPLE_BYTES)]).map(str::to_owned)
}

/// The largest char boundary of `text` at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut end = text.len().min(at);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// whatlang's answer when it is confident: reliable, or a confidence of at least 0.5.
fn confident(sample: &str) -> Option<&'static str> {
    whatlang::detect(sample).as_ref().and_then(sure)
}

/// The tag of whatlang's guess `info`, when it is reliable or has a confidence of at
/// least 0.5.
fn sure(info: &whatlang::Info) -> Option<&'static str> {
    (info.is_reliable() || info.confidence() >= 0.5).then(|| bcp47(info.lang().code()))
}

/// A sample of the prose of a text for [`decide`]: its blocks of eight words or more
/// (when there are any; else every block), joined by line breaks, up to
/// [`SAMPLE_BYTES`].
pub(crate) fn sample<'a>(blocks: impl Iterator<Item = &'a str> + Clone) -> String {
    let long = blocks.clone().any(|b| b.split_whitespace().nth(7).is_some());
    let mut out = String::new();
    for block in blocks {
        if long && block.split_whitespace().nth(7).is_none() {
            continue;
        }
        out.push_str(block);
        out.push('\n');
        if out.len() > SAMPLE_BYTES {
            out.truncate(floor(&out, SAMPLE_BYTES));
            break;
        }
    }
    out
}

/// The language decided for a sample, and the note that says how when the trigram model
/// alone did not decide it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decision {
    /// BCP 47 tag, or `None` when nothing could place the text.
    pub tag: Option<String>,
    /// `language.assumed` or `language.unknown`, when the trigram model was unsure.
    pub note: Option<Note>,
}

/// Decides the language of `sample` (see the module documentation).
pub(crate) fn decide(sample: &str) -> Decision {
    // One run of the trigram model serves both the confident answer and the guess the
    // note reports.
    let guess = whatlang::detect(sample);
    if let Some(tag) = guess.as_ref().and_then(sure) {
        return Decision { tag: Some(tag.to_owned()), note: None };
    }
    let words: Vec<String> = sample
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let script = whatlang::detect_script(sample);
    let unsure = match &guess {
        Some(info) => format!(
            "the trigram detector was unsure (best guess {}, confidence {:.2})",
            bcp47(info.lang().code()),
            info.confidence()
        ),
        None => "the trigram detector gave no answer".to_owned(),
    };
    if script == Some(whatlang::Script::Latin) {
        // The language file whose stop words the sample holds most of.
        let mut best: Option<(&languages::Language, usize)> = None;
        for language in languages::all().iter().filter(|l| !l.stop_words.is_empty()) {
            let hits = words.iter().filter(|w| language.stop_words.contains(w.as_str())).count();
            if hits > 0 && best.is_none_or(|(_, h)| hits > h) {
                best = Some((language, hits));
            }
        }
        if let Some((language, hits)) = best {
            let message = format!(
                "language assumed to be {} ({}): {unsure}; the text is in Latin script and {hits} of its {} words are {} stop words, more than of any other language",
                language.code,
                language.name,
                words.len(),
                language.name
            );
            return Decision {
                tag: Some(language.code.to_owned()),
                note: Some(Note::new("language.assumed", message)),
            };
        }
    }
    if let (Some(info), Some(script)) = (guess, script)
        && script != whatlang::Script::Latin
    {
        let tag = bcp47(info.lang().code());
        let message = format!(
            "language assumed to be {tag}: {unsure}, and the text is in {script} script, which it reads as {tag}"
        );
        return Decision { tag: Some(tag.to_owned()), note: Some(Note::new("language.assumed", message)) };
    }
    if words.len() >= PROSE_WORDS && script == Some(whatlang::Script::Latin) {
        let message = format!(
            "language not recorded: {unsure}, and the text, in Latin script, holds no stop word of the languages ingest has files for"
        );
        return Decision { tag: None, note: Some(Note::new("language.unknown", message)) };
    }
    Decision { tag: None, note: None }
}

/// ISO 639-1 code for an ISO 639-3 code of whatlang, when there is one; otherwise the
/// code itself (a valid BCP 47 primary subtag either way). The one table of the crate.
fn bcp47(code: &'static str) -> &'static str {
    const PAIRS: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("cym", "cy"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    PAIRS.iter().find(|(three, _)| *three == code).map_or(code, |(_, two)| two)
}

#[cfg(test)]
mod tests {
    use super::{bcp47, decide, detect_language};

    #[test]
    fn detects() {
        let check = |text: &str, expected: Option<&str>| {
            assert_eq!(detect_language(text).as_deref(), expected, "{text:?}")
        };
        check(
            "We urge Russia, in the strongest possible terms, to choose the path of diplomacy and to withdraw its forces.",
            Some("en"),
        );
        check(
            "Les ministres ont condamné avec la plus grande fermeté la reconnaissance par la Russie des zones non contrôlées.",
            Some("fr"),
        );
        check(
            "Die Außenministerinnen und Außenminister bekräftigten ihre unerschütterliche Unterstützung für die Ukraine.",
            Some("de"),
        );
        check(
            "Мы решительно осуждаем эти действия и призываем стороны к сдержанности и диалогу.",
            Some("ru"),
        );
        check(
            "Ми рішуче засуджуємо ці дії та закликаємо сторони до стриманості й діалогу, щоб зберегти мир.",
            Some("uk"),
        );
        check("", None);
    }

    #[test]
    fn every_language_of_the_detector_has_a_bcp47_code() {
        for lang in whatlang::Lang::all() {
            let tag = bcp47(lang.code());
            assert!(
                (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase()),
                "{lang:?} gives {tag:?}"
            );
            if tag.len() == 3 {
                assert_eq!(tag, lang.code(), "{lang:?}");
            }
        }
        assert_eq!(bcp47("eng"), "en");
        assert_eq!(bcp47("pes"), "fa");
    }

    #[test]
    fn unsure_detection_falls_back_on_script_and_stop_words() {
        // Too short for the trigram model to be sure (its best guess is German).
        let decision = decide("We urge calm in Gaza.");
        assert_eq!(decision.tag.as_deref(), Some("en"));
        let note = decision.note.expect("a note says how");
        assert_eq!(note.code, "language.assumed");
        assert!(note.message.contains("stop words"), "{}", note.message);

        let decision = decide("Nous saluons le cessez-le-feu.");
        assert_eq!(decision.tag.as_deref(), Some("fr"));

        // Latin-script prose without a stop word of any language file is not left
        // unknown silently.
        let decision = decide("Xqzv blorf mrrk tzzap quorn vlimp.");
        assert!(decision.note.is_some());

        // A reliable detection needs no note.
        let decision = decide(
            "We urge Russia, in the strongest possible terms, to choose the path of diplomacy and to withdraw its forces.",
        );
        assert_eq!((decision.tag.as_deref(), decision.note), (Some("en"), None));
        // A single word is no prose: nothing to say.
        assert_eq!(decide("Body").note, None);
    }
}
