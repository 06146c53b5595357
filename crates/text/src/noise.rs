//! Page furniture that is not part of a statement: share buttons, navigation,
//! subscription boilerplate, related-post lists, photo credits, contact blocks.
//!
//! Each kind has a note code (`noise.share`, …) so the record lists what was set aside.

use crate::screen::Screened;
use regex::Regex;
use std::sync::LazyLock;

/// A kind of noise line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Noise {
    /// Note code (`noise.share`).
    pub code: &'static str,
    /// What it is, for the note's message.
    pub what: &'static str,
    /// Whether everything after it is page furniture too (a "Related posts" list).
    pub ends_page: bool,
}

const KINDS: &[(Noise, &str)] = &[
    (
        Noise { code: "noise.share", what: "share buttons", ends_page: false },
        r"(?i)^(?:share(?:\s+(?:this|on|via|article|page))?(?:\s+\w+)?\s*:?|tweet(?:\s+this)?|print(?:\s+this)?(?:\s+page)?|e-?mail(?:\s+this)?(?:\s+page)?|facebook|twitter|linkedin|whatsapp|telegram|copy\s+link|(?:facebook|twitter|linkedin|e-?mail|print|whatsapp)(?:\s*[|·•,]\s*(?:facebook|twitter|x|linkedin|e-?mail|print|whatsapp|reddit))+|teilen|partager|imprimer|drucken|like\s+this\s*:?|(?:like\s+)?loading\s*(?:\.\.\.|…)|be\s+the\s+first\s+to\s+like\s+this\.?)\s*$",
    ),
    (
        Noise { code: "noise.forward", what: "forwarding prompt", ends_page: false },
        r"(?i)^(?:forward\s+(?:this\s+)?to\s+(?:a\s+|your\s+)?friends?|send\s+to\s+a\s+friend|weiterleiten|envoyer\s+à\s+un\s+ami)\s*\.?$",
    ),
    (
        Noise { code: "noise.related", what: "related-posts list", ends_page: true },
        r"(?i)^(?:related(?:\s+(?:posts?|articles?|news|content|stories|links))?|see\s+also|more\s+(?:news|stories|on\s+this\s+topic)|you\s+may\s+also\s+like|recent\s+posts|tags|schlagworte|schlagwörter|mots[- ]clés|à\s+lire\s+aussi|das\s+könnte\s+sie\s+auch\s+interessieren)\s*:?\s*$",
    ),
    (
        Noise { code: "noise.continue", what: "link to the rest of a post", ends_page: true },
        r"(?i)^(?:continue\s+reading|read\s+more|read\s+the\s+full|lire\s+la\s+suite|weiterlesen|tiếp\s+tục\s+đọc|leer\s+más|continua\s+a\s+leggere)\b",
    ),
    (
        Noise { code: "noise.navigation", what: "navigation", ends_page: false },
        r"(?i)^(?:\[\s*[^\]]{1,40}\s*\](?:\s*\[\s*[^\]]{1,40}\s*\])*|home|newsroom|news\s*room|menu|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|top\s+of\s+page|nach\s+oben|zurück|retour(?:\s+en\s+haut)?|previous|next|print\s+version|printer[- ]friendly(?:\s+version)?|(?:home|startseite|accueil)\s*[>›»/].*|willkommen\s+auf\s+den\s+seiten\b.*|welcome\s+to\s+the\s+(?:web\s*site|site|pages?)\s+of\b.*|bienvenue\s+sur\s+le\s+site\b.*)\s*$",
    ),
    (
        Noise { code: "noise.subscription", what: "subscription or mailing boilerplate", ends_page: false },
        r"(?i)(?:you\s+are\s+subscribed\s+to|this\s+(?:e-?mail|message)\s+was\s+sent\s+to|unsubscribe|manage\s+(?:your\s+)?subscriptions?|powered\s+by\s+govdelivery|update\s+your\s+(?:subscription|preferences)|to\s+stop\s+receiving|subscribe\s+to\s+(?:our|the)\s+(?:newsletter|mailing)|abonnieren\s+sie|abonnez-vous)",
    ),
    (
        Noise { code: "noise.photo", what: "photo credit or caption", ends_page: false },
        r"(?i)^(?:(?:photo|photograph|image|picture|caption|foto|bild)(?:\s+(?:credit|courtesy|by))?\s*[:©]|©|\(c\)\s|photo\s+by\b|credit\s*:|getty\s+images|reuters/|afp\s+photo|\[(?:photo|image)\b)",
    ),
    (
        Noise { code: "noise.contact", what: "contact details", ends_page: false },
        r"(?i)^(?:(?:tel|phone|telephone|téléphone|telefon|fax|mobile|mob|cell|t|f|m)\.?\s*[:.]?\s*\+?[\d(][\d\s().\-/]{6,}\s*$|(?:e-?mail|courriel)\s*:\s*\S+@\S+|(?:press|media)\s+(?:contact|enquiries|inquiries|office|service|desk|relations)s?\b.*|\S+@\S+\.\w+\b.*|for\s+(?:further|more)\s+information,?\s+(?:please\s+)?contact\b.*|contact\s*:.*|\S+@\S+\.\w+\s*$)",
    ),
    (Noise { code: "noise.separator", what: "separator line", ends_page: false }, r"^[*•·_=~#+\-–—.\s]+$"),
    (
        Noise { code: "noise.not_official", what: "\"not an official record\" disclaimer", ends_page: false },
        r"(?i)not\s+an\s+official\s+record",
    ),
];

/// The patterns of [`KINDS`], screened (a set would run them on the slow PikeVM, since
/// their Unicode word boundaries stop the lazy DFA on non-ASCII text).
static PATTERNS: LazyLock<Vec<Screened>> =
    LazyLock::new(|| KINDS.iter().map(|(_, p)| Screened::new(p, false)).collect());

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:tel|phone|fax|mobile)\b\.?\s*[:.]?\s*\+?\d[\d\s().\-/]{6,}")
        .expect("phone pattern compiles")
});

/// The contact-details kind, for lines found by [`PHONE`].
fn contact() -> Noise {
    KINDS.iter().map(|(kind, _)| *kind).find(|k| k.code == "noise.contact").unwrap_or(KINDS[0].0)
}

/// The kind of noise `line` (trimmed) is, if it is noise.
pub(crate) fn classify(line: &str) -> Option<Noise> {
    if line.len() > 400 {
        // Page furniture is short; a long line is prose (or a contact block run together).
        return PHONE.is_match(line).then_some(contact()).filter(|_| line.len() < 1000);
    }
    match PATTERNS.iter().position(|pattern| pattern.is_match(line)) {
        Some(first) => Some(KINDS[first].0),
        // An address line with a telephone number in it ("Rue … - Tel.: +32 …").
        None => PHONE.is_match(line).then_some(contact()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<&str>) {
        assert_eq!(classify(line).map(|n| n.code), expected, "{line:?}");
    }

    #[test]
    fn noise_lines() {
        check("Forward to your friends", Some("noise.forward"));
        check("Share this :", Some("noise.share"));
        check("Related Posts", Some("noise.related"));
        check("[ Go to Index ]  [ Go to Homepage ]", Some("noise.navigation"));
        check("Willkommen auf den Seiten des Auswärtigen Amts", Some("noise.navigation"));
        check("nach oben", Some("noise.navigation"));
        check("Schlagworte", Some("noise.related"));
        check("Newsroom", Some("noise.navigation"));
        check("Tiếp tục đọc “G7 Hiroshima Leaders’ Communiqué”", Some("noise.continue"));
        check(
            "You are subscribed to Press Releases for U.S. Department of State.",
            Some("noise.subscription"),
        );
        check("For information media. Not an official record.", Some("noise.not_official"));
        check("Photo: NATO", Some("noise.photo"));
        check("Tel: +32 2 707 50 41", Some("noise.contact"));
        check("press@example.org", Some("noise.contact"));
        check("press.office@example.eu - www.example.eu/press", Some("noise.contact"));
        check("Press office - General Secretariat of the Council", Some("noise.contact"));
        check("Rue de la Loi 175 - B-1048 BRUSSELS - Tel.: +32 (0)2 281 63 19", Some("noise.contact"));
        check("* *** *", Some("noise.separator"));
        check("Like this:", Some("noise.share"));
        check("Like Loading...", Some("noise.share"));
        check("We condemn the attack in Tel Aviv on 3 May.", None);
        check("We share the concern of our partners.", None);
        check("Preamble", None);
        check("Statement by the North Atlantic Council", None);
    }
}
