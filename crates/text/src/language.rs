//! Language identification of the body text (whatlang's trigram model), as a BCP 47 tag.

/// At most this many bytes of text are looked at: a few paragraphs of prose are enough
/// for a stable trigram guess, and whatlang's cost (which grows with the sample) stays
/// small and constant on long inputs.
pub(crate) const SAMPLE_BYTES: usize = 4096;

/// BCP 47 tag of the language `text` is written in, or `None` when whatlang cannot tell
/// with confidence (very short or mixed text).
///
/// ISO 639-3 codes are mapped to the ISO 639-1 code BCP 47 requires where one exists.
#[must_use]
pub fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(bcp47(info.lang().code()).to_owned())
}

/// ISO 639-1 code for an ISO 639-3 code, when there is one; otherwise the code itself.
fn bcp47(code: &'static str) -> &'static str {
    const PAIRS: &[(&str, &str)] = &[
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("bos", "bs"),
        ("bul", "bg"),
        ("mkd", "mk"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("fin", "fi"),
        ("est", "et"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("ell", "el"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("urd", "ur"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("vie", "vi"),
        ("tha", "th"),
        ("ind", "id"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("aze", "az"),
        ("kaz", "kk"),
        ("uzb", "uz"),
        ("bel", "be"),
        ("cat", "ca"),
        ("epo", "eo"),
        ("lat", "la"),
        ("afr", "af"),
        ("swh", "sw"),
        ("tgl", "tl"),
        ("zul", "zu"),
    ];
    PAIRS.iter().find(|(three, _)| *three == code).map_or(code, |(_, two)| two)
}

#[cfg(test)]
mod tests {
    use super::detect_language;

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
}
