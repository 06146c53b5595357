//! Codebook v1: the kinds of commitment a statement can put on record.
//!
//! Each kind belongs to a speech-act class (Searle, *A classification of illocutionary
//! acts*, 1976) and has nearest event codes in CAMEO (Gerner, Schrodt et al., codebook
//! 1.1b3) and PLOVER (the Political Language Ontology for Verifiable Event Records),
//! which exporters can write beside it for analysts who already code events.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Version of the codebook the kinds below belong to; rule-based extraction records it
/// in [`Method::codebook`](crate::Method::codebook).
pub const CODEBOOK_VERSION: &str = "1";

/// What kind of position a commitment puts on record (codebook v1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    /// Undertaking of future or continuing conduct ("will", "remain committed", "our
    /// commitment to … is", "stand united to", "agreed to").
    Pledge,
    /// A measure being taken or just taken by the speaker ("are deploying", "have
    /// increased", "have made proposals").
    Action,
    /// Stated readiness, conditional on events ("are prepared to", "stand ready to").
    Readiness,
    /// An offer to another party ("offer", "have offered", "propose").
    Offer,
    /// A consequence announced for another's conduct ("will have massive consequences",
    /// "carry a high price").
    Warning,
    /// A request or demand of another party ("urge", "call on", "demand", "must").
    Demand,
    /// Support, welcome or reaffirmed support ("support", "welcome", "endorse").
    Support,
    /// Condemnation or rejection ("condemn", "deplore", "reject", "will never accept").
    Condemnation,
    /// Concern or alarm ("concerned", "alarmed", "horrified").
    Concern,
    /// Solidarity, sympathy or condolence ("stand with", "solidarity", "condolences").
    Solidarity,
}

/// Searle's classes of illocutionary act, as far as codebook v1 uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeechActClass {
    /// The speaker commits to a future course of action (pledges, offers, threats).
    Commissive,
    /// The speaker tries to get the hearer to do something (requests, demands).
    Directive,
    /// The speaker expresses a psychological state (support, condemnation, concern).
    Expressive,
}

impl CommitmentKind {
    /// Every kind, in codebook order.
    pub const ALL: [Self; 10] = [
        Self::Pledge,
        Self::Action,
        Self::Readiness,
        Self::Offer,
        Self::Warning,
        Self::Demand,
        Self::Support,
        Self::Condemnation,
        Self::Concern,
        Self::Solidarity,
    ];

    /// The snake_case name used in every format (`"pledge"`, `"demand"`, …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pledge => "pledge",
            Self::Action => "action",
            Self::Readiness => "readiness",
            Self::Offer => "offer",
            Self::Warning => "warning",
            Self::Demand => "demand",
            Self::Support => "support",
            Self::Condemnation => "condemnation",
            Self::Concern => "concern",
            Self::Solidarity => "solidarity",
        }
    }

    /// The kind named `name` (the snake_case form of [`CommitmentKind::as_str`]).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// Speech-act class of the kind (Searle 1976).
    #[must_use]
    pub const fn speech_act_class(self) -> SpeechActClass {
        match self {
            Self::Pledge | Self::Action | Self::Readiness | Self::Offer | Self::Warning => {
                SpeechActClass::Commissive
            }
            Self::Demand => SpeechActClass::Directive,
            Self::Support | Self::Condemnation | Self::Concern | Self::Solidarity => {
                SpeechActClass::Expressive
            }
        }
    }

    /// True for kinds whose commitment holds only under a condition (readiness) or
    /// depends on another's conduct (warning: a threat).
    #[must_use]
    pub const fn is_conditional_by_nature(self) -> bool {
        matches!(self, Self::Readiness | Self::Warning)
    }

    /// Nearest CAMEO event codes (root or two/three-digit codes), best first.
    #[must_use]
    pub const fn cameo_codes(self) -> &'static [&'static str] {
        match self {
            Self::Pledge | Self::Readiness | Self::Offer => &["03"],
            Self::Action => &["15"],
            Self::Warning => &["13"],
            Self::Demand => &["10", "02"],
            Self::Support | Self::Solidarity => &["05"],
            Self::Condemnation => &["111"],
            Self::Concern => &["11"],
        }
    }

    /// Nearest PLOVER event type, where there is one.
    #[must_use]
    pub const fn plover_code(self) -> Option<&'static str> {
        match self {
            Self::Pledge => Some("AGREE"),
            Self::Action => Some("MOBILIZE"),
            Self::Offer => Some("CONSULT"),
            Self::Warning => Some("THREATEN"),
            Self::Demand => Some("REQUEST"),
            Self::Support | Self::Solidarity => Some("SUPPORT"),
            Self::Condemnation => Some("ACCUSE"),
            Self::Readiness | Self::Concern => None,
        }
    }

    /// One-sentence definition from the codebook.
    #[must_use]
    pub const fn definition(self) -> &'static str {
        match self {
            Self::Pledge => "An undertaking of future or continuing conduct by the speaker.",
            Self::Action => "A measure being taken or just taken by the speaker.",
            Self::Readiness => "The speaker's stated readiness to act, should the occasion arise.",
            Self::Offer => "An offer made by the speaker to another party.",
            Self::Warning => "A consequence the speaker announces for another party's conduct.",
            Self::Demand => "A request or demand the speaker makes of another party.",
            Self::Support => "Support, welcome or endorsement the speaker expresses.",
            Self::Condemnation => "Condemnation or rejection the speaker expresses.",
            Self::Concern => "Concern or alarm the speaker expresses.",
            Self::Solidarity => "Solidarity, sympathy or condolence the speaker expresses.",
        }
    }
}

/// Every CAMEO code some kind names in [`CommitmentKind::cameo_codes`], each once, in
/// byte order (`"02"`, `"03"`, …, `"111"`, `"13"`, `"15"`): the closed list a CAMEO
/// column of an export can hold. Derived from the kinds at compile time, so it cannot
/// drift from them.
pub const CAMEO_CODES: [&str; gathered(Codes::Cameo).1] = first(gathered(Codes::Cameo));

/// Every PLOVER event type some kind names in [`CommitmentKind::plover_code`], each once,
/// in byte order (`"ACCUSE"`, `"AGREE"`, …): the closed list a PLOVER column of an export
/// can hold. Derived from the kinds at compile time, like [`CAMEO_CODES`].
pub const PLOVER_CODES: [&str; gathered(Codes::Plover).1] = first(gathered(Codes::Plover));

/// Which event codes of the kinds to gather.
#[derive(Clone, Copy)]
enum Codes {
    Cameo,
    Plover,
}

/// Room for the codes of every kind, repeats included.
const GATHERED: usize = 3 * CommitmentKind::ALL.len();

/// The codes of every kind in `which`, sorted by bytes, each once, at the front of an
/// array, and how many there are.
const fn gathered(which: Codes) -> ([&'static str; GATHERED], usize) {
    let mut codes = [""; GATHERED];
    let mut len = 0;
    let mut k = 0;
    while k < CommitmentKind::ALL.len() {
        let kind = CommitmentKind::ALL[k];
        match which {
            Codes::Cameo => {
                let cameo = kind.cameo_codes();
                let mut i = 0;
                while i < cameo.len() {
                    codes[len] = cameo[i];
                    len += 1;
                    i += 1;
                }
            }
            Codes::Plover => {
                if let Some(code) = kind.plover_code() {
                    codes[len] = code;
                    len += 1;
                }
            }
        }
        k += 1;
    }
    // Insertion sort, then drop repeats.
    let mut i = 1;
    while i < len {
        let mut j = i;
        while j > 0 && bytes_less(codes[j], codes[j - 1]) {
            let swap = codes[j];
            codes[j] = codes[j - 1];
            codes[j - 1] = swap;
            j -= 1;
        }
        i += 1;
    }
    let mut distinct = 0;
    let mut i = 0;
    while i < len {
        if distinct == 0 || bytes_less(codes[distinct - 1], codes[i]) {
            codes[distinct] = codes[i];
            distinct += 1;
        }
        i += 1;
    }
    (codes, distinct)
}

/// The first `N` codes of [`gathered`] (`N` must be its count).
const fn first<const N: usize>(gathered: ([&'static str; GATHERED], usize)) -> [&'static str; N] {
    assert!(gathered.1 == N);
    let mut codes = [""; N];
    let mut i = 0;
    while i < N {
        codes[i] = gathered.0[i];
        i += 1;
    }
    codes
}

/// True when `a` sorts before `b` byte by byte.
const fn bytes_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

impl fmt::Display for CommitmentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl SpeechActClass {
    /// Every class, in the order of Searle's taxonomy as the codebook uses it.
    pub const ALL: [Self; 3] = [Self::Commissive, Self::Directive, Self::Expressive];

    /// The snake_case name used in every format.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Commissive => "commissive",
            Self::Directive => "directive",
            Self::Expressive => "expressive",
        }
    }
}

impl fmt::Display for SpeechActClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codebook_table() {
        // Rows of the codebook table in the design brief.
        let rows = [
            (CommitmentKind::Pledge, SpeechActClass::Commissive, "03", Some("AGREE")),
            (CommitmentKind::Action, SpeechActClass::Commissive, "15", Some("MOBILIZE")),
            (CommitmentKind::Readiness, SpeechActClass::Commissive, "03", None),
            (CommitmentKind::Offer, SpeechActClass::Commissive, "03", Some("CONSULT")),
            (CommitmentKind::Warning, SpeechActClass::Commissive, "13", Some("THREATEN")),
            (CommitmentKind::Demand, SpeechActClass::Directive, "10", Some("REQUEST")),
            (CommitmentKind::Support, SpeechActClass::Expressive, "05", Some("SUPPORT")),
            (CommitmentKind::Condemnation, SpeechActClass::Expressive, "111", Some("ACCUSE")),
            (CommitmentKind::Concern, SpeechActClass::Expressive, "11", None),
            (CommitmentKind::Solidarity, SpeechActClass::Expressive, "05", Some("SUPPORT")),
        ];
        for (kind, class, cameo, plover) in rows {
            assert_eq!(kind.speech_act_class(), class, "{kind}");
            assert_eq!(kind.cameo_codes()[0], cameo, "{kind}");
            assert_eq!(kind.plover_code(), plover, "{kind}");
            assert_eq!(CommitmentKind::from_name(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(CommitmentKind::Demand.cameo_codes(), ["10", "02"]);
    }

    #[test]
    fn code_lists_hold_every_code_once_in_byte_order() {
        // The codes of the codebook table in the design brief, sorted by hand; "02" is
        // demand's second CAMEO code.
        assert_eq!(CAMEO_CODES, ["02", "03", "05", "10", "11", "111", "13", "15"]);
        assert_eq!(
            PLOVER_CODES,
            ["ACCUSE", "AGREE", "CONSULT", "MOBILIZE", "REQUEST", "SUPPORT", "THREATEN"]
        );
        assert_eq!(
            SpeechActClass::ALL.map(SpeechActClass::as_str),
            ["commissive", "directive", "expressive"]
        );
    }
}
