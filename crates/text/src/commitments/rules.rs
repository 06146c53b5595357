//! Codebook v1 as data: the cue rules of each language.
//!
//! Each rule has an id `{language}.{kind}.{name}` that a [`Method`](communique_model::Method)
//! records, the [`CommitmentKind`] it codes, where its cue may stand ([`Anchor`]) and the
//! flags it sets. Patterns are regular expressions in the syntax of the `regex` crate;
//! `{ADV}` stands for an optional run of adverbs ("strongly", "again", "today").
//! Rules are tried in the order listed: the first that fires on a sentence codes it.

use communique_model::CommitmentKind as K;
use communique_model::CommitmentKind;

/// Where a rule's cue must stand in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Anchor {
    /// Right after the sentence's subject (an actor such as "We", "NATO", "The members of
    /// the Security Council", possibly after an introductory clause), or after "and" /
    /// a comma that coordinates a second verb of the same subject.
    Subject,
    /// Anywhere in the sentence; the pattern may name the actor in a group `actor`.
    Anywhere,
}

/// One codebook rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Rule id recorded in `method.rule` (`en.demand.urge`).
    pub id: &'static str,
    /// The kind of commitment the rule codes.
    pub kind: CommitmentKind,
    /// Where the cue must stand.
    pub anchor: Anchor,
    /// The cue, a regular expression (`{ADV}` expands to an optional run of adverbs).
    pub pattern: &'static str,
}

/// The rules of one language for one codebook version.
#[derive(Debug, Clone, Copy)]
pub struct Codebook {
    /// BCP 47 primary language subtag (`en`, `fr`, `de`).
    pub language: &'static str,
    /// Codebook version ([`communique_model::CODEBOOK_VERSION`]).
    pub version: &'static str,
    /// Whether patterns match regardless of letter case.
    pub case_insensitive: bool,
    /// The rules, in the order they are tried.
    pub rules: &'static [Rule],
}

const fn s(id: &'static str, kind: CommitmentKind, pattern: &'static str) -> Rule {
    Rule { id, kind, anchor: Anchor::Subject, pattern }
}

const fn a(id: &'static str, kind: CommitmentKind, pattern: &'static str) -> Rule {
    Rule { id, kind, anchor: Anchor::Anywhere, pattern }
}

/// English rules (codebook v1).
pub static EN: Codebook = Codebook {
    language: "en",
    version: communique_model::CODEBOOK_VERSION,
    case_insensitive: false,
    rules: &[
        a(
            "en.warning.consequences",
            K::Warning,
            r"\bwill\s+(?:have|face|bear|carry|incur|entail|trigger)\s+(?:[\w-]+\s+){0,3}(?:consequences|costs?|price)\b",
        ),
        a(
            "en.warning.price",
            K::Warning,
            r"\b(?:carry|pay|face)\s+an?\s+(?:high|heavy|severe|steep)\s+price\b",
        ),
        a(
            "en.pledge.commitment_is",
            K::Pledge,
            r"^[“‘]?(?P<actor>Our|Their|Its)\s+(?:[\w-]+\s+){0,3}commitment\s+to\b[^.;]{0,200}?\b(?:is|are|remains)\s+(?:\w+\s+)?(?:iron-?clad|unwavering|unshakeable|unshakable|steadfast|firm|absolute|total|unconditional|resolute)\b",
        ),
        a(
            "en.demand.it_is_urgent",
            K::Demand,
            r#"^["“]?It\s+is\s+(?:\w+\s+)?(?:urgent|essential|imperative|vital|crucial|critical|necessary)\s+(?:that|for)\s"#,
        ),
        s(
            "en.condemnation.never_accept",
            K::Condemnation,
            r"(?:will|shall|can|do|does)\s+(?:not\s+and\s+will\s+)?(?:never|not)\s+(?:{ADV}\s+)?(?:accept|recogni[sz]e|tolerate|condone)\b",
        ),
        s(
            "en.warning.respond",
            K::Warning,
            r"(?:will|shall)\s+(?:{ADV}\s+)?(?:respond|react)\s+(?:firmly|decisively|swiftly|robustly|resolutely|strongly|forcefully)|(?:will|shall)\s+not\s+hesitate\s+to\b",
        ),
        s(
            "en.readiness.ready",
            K::Readiness,
            r"(?:am|are|is|was|were|remain|remains|stand|stands|stood)\s+(?:{ADV}\s+)?(?:ready|prepared|willing)\s+to\b",
        ),
        s(
            "en.readiness.expressed",
            K::Readiness,
            r"(?:have\s+|has\s+)?(?:{ADV}\s+)?(?:express|expresses|expressed|reiterate|reiterates|reiterated|reaffirm|reaffirms|reaffirmed|confirm|confirms|confirmed|signal|signals|signalled|signaled)\s+(?:our|its|their|his|her|my)\s+(?:[\w-]+\s+)?(?:readiness|willingness)\s+to\b",
        ),
        s(
            "en.pledge.taking_steps",
            K::Pledge,
            r"(?:am|are|is)\s+(?:{ADV}\s+)?taking\s+(?:[\w-]+\s+){0,2}(?:steps|measures|action|actions)\s+to\b",
        ),
        s(
            "en.pledge.reaffirm_commitment",
            K::Pledge,
            r"(?:reaffirm|reaffirms|reaffirmed|reiterate|reiterates|reiterated|renew|renews|renewed|confirm|confirms|confirmed|restate|restates|restated)\s+(?:our|its|their|his|her|my)\s+(?:[\w-]+\s+){0,3}(?:commitment|commitments|pledge|resolve|determination)\b",
        ),
        s(
            "en.demand.need",
            K::Demand,
            r"(?:reaffirm|reaffirms|reaffirmed|underline|underlines|underlined|stress|stresses|stressed|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|underscore|underscores|underscored|recall|recalls|recalled|highlight|highlights|highlighted)\s+the\s+(?:[\w-]+\s+)?(?:need|importance|necessity)\b",
        ),
        s(
            "en.solidarity.condolences",
            K::Solidarity,
            r"(?:express|expresses|expressed|extend|extends|extended|offer|offers|offered|convey|conveys|conveyed|send|sends|sent|reiterate|reiterates|reiterated)\s+(?:our|its|their|his|her|my)\s+(?:[\w-]+\s+){0,3}(?:sympathy|sympathies|condolences|solidarity)\b",
        ),
        s(
            "en.concern.expressed",
            K::Concern,
            r"(?:express|expresses|expressed|voice|voices|voiced|note|notes|noted|reiterate|reiterates|reiterated)\s+(?:with\s+)?(?:our|its|their|his|her|my)\s+(?:[\w-]+\s+){0,2}(?:concern|concerns|alarm|dismay)\b",
        ),
        s(
            "en.support.expressed",
            K::Support,
            r"(?:express|expresses|expressed|convey|conveys|conveyed|extend|extends|extended|affirm|affirms|affirmed|reaffirm|reaffirms|reaffirmed|reiterate|reiterates|reiterated)\s+(?:our|its|their|his|her|my)\s+(?:[\w-]+\s+){0,2}(?:appreciation|gratitude|thanks|support)\b",
        ),
        s("en.demand.urge", K::Demand, r"(?:urge|urges|urged)\b"),
        s("en.demand.call_on", K::Demand, r"(?:call|calls|called)\s+(?:up)?on\b"),
        s("en.demand.call_for", K::Demand, r"(?:call|calls|called)\s+for\b"),
        s("en.demand.appeal", K::Demand, r"(?:appeal|appeals|appealed)\s+to\b"),
        s("en.demand.demand", K::Demand, r"(?:demand|demands|demanded|insist|insists|insisted)\b"),
        s(
            "en.demand.encourage",
            K::Demand,
            r"(?:encourage|encourages|encouraged|exhort|exhorts|exhorted|implore|implores|implored)\b",
        ),
        s("en.demand.modal", K::Demand, r"(?:must|should)\s+(?:{ADV}\s+)?\p{Ll}"),
        s(
            "en.pledge.committed",
            K::Pledge,
            r"(?:am|are|is|was|were|remain|remains|stay|stays)\s+(?:{ADV}\s+)?(?:committed|dedicated|determined|resolved)\s+to\b",
        ),
        s(
            "en.pledge.stand_united",
            K::Pledge,
            r"(?:stand|stands|remain|remains|are|is)\s+(?:{ADV}\s+)?united\b",
        ),
        s("en.pledge.will", K::Pledge, r"(?:will|shall)\s+(?:{ADV}\s+)?\p{Ll}"),
        s("en.pledge.continue", K::Pledge, r"(?:continue|continues)\s+to\b"),
        s(
            "en.pledge.undertake",
            K::Pledge,
            r"(?:undertake|undertakes|undertook|pledge|pledges|pledged|commit|commits|committed|vow|vows|vowed|resolve|resolves|agree|agrees|agreed|decided|decide|decides)\s+to\b",
        ),
        s("en.pledge.adhere", K::Pledge, r"(?:adhere|adheres|abide|abides)\s+(?:to|by)\b"),
        s(
            "en.offer.proposals",
            K::Offer,
            r"(?:have\s+|has\s+)?(?:{ADV}\s+)?(?:made|put\s+forward|tabled|submitted)\s+(?:[\w-]+\s+)?(?:proposals?|offers?)\b",
        ),
        s(
            "en.offer.offer",
            K::Offer,
            r"(?:have\s+|has\s+)?(?:{ADV},?\s+)?(?:offer|offers|offered|propose|proposes|proposed)\b",
        ),
        s(
            "en.action.ongoing",
            K::Action,
            r"(?:am|are|is)\s+(?:{ADV}\s+)?(?:deploying|sending|providing|delivering|increasing|strengthening|reinforcing|enhancing|bolstering|imposing|launching|establishing|mobili[sz]ing|supplying|training|responding|pursuing|coordinating|allocating|accelerating|expanding)\b",
        ),
        s(
            "en.action.done",
            K::Action,
            r"(?:have|has)\s+(?:{ADV},?\s+)?(?:increased|deployed|sent|provided|delivered|imposed|adopted|launched|established|strengthened|reinforced|allocated|mobili[sz]ed|enhanced|suspended|expelled|decided|accelerated|expanded)\b",
        ),
        s(
            "en.condemnation.condemn",
            K::Condemnation,
            r"(?:condemn|condemns|condemned|deplore|deplores|deplored|denounce|denounces|denounced|reject|rejects|rejected|repudiate|repudiates|repudiated|decry|decries|decried)\b",
        ),
        s(
            "en.concern.concerned",
            K::Concern,
            r"(?:am|are|is|was|were|remain|remains|have\s+been|has\s+been)\s+(?:{ADV}\s+)?(?:concerned|alarmed|horrified|appalled|troubled|worried|disturbed|dismayed|shocked|saddened|outraged)\b",
        ),
        s(
            "en.solidarity.stand_with",
            K::Solidarity,
            r"(?:stand|stands|stood)\s+(?:{ADV}\s+)?(?:with|by|in\s+solidarity|shoulder\s+to\s+shoulder)\b",
        ),
        s("en.solidarity.mourn", K::Solidarity, r"(?:mourn|mourns|mourned|grieve|grieves|grieved)\b"),
        s(
            "en.support.support",
            K::Support,
            r"(?:support|supports|supported|welcome|welcomes|welcomed|endorse|endorses|endorsed|commend|commends|commended|applaud|applauds|applauded|salute|salutes|saluted|praise|praises|praised|thank|thanks|thanked|appreciate|appreciates|appreciated)\b",
        ),
        s(
            "en.support.reaffirm",
            K::Support,
            r"(?:reaffirm|reaffirms|reaffirmed|reiterate|reiterates|reiterated)\b",
        ),
        s("en.support.look_forward", K::Support, r"(?:look|looks|looked)\s+forward\s+to\b"),
        a(
            "en.condemnation.unacceptable",
            K::Condemnation,
            r"\b(?:is|are|was|were|remains?)\s+(?:\w+ly\s+)?(?:unacceptable|intolerable|unjustifiable|reprehensible)\b",
        ),
    ],
};

/// French rules (codebook v1; a first set, cues anywhere in the sentence).
pub static FR: Codebook = Codebook {
    language: "fr",
    version: communique_model::CODEBOOK_VERSION,
    case_insensitive: true,
    rules: &[
        a(
            "fr.warning.consequences",
            K::Warning,
            r"\bconséquences\s+(?:graves|massives|sévères)|\b(?:réagir|réagiron\w*|répondr\w*)\s+(?:avec\s+)?(?:fermeté|fermement|résolument|vigoureusement)",
        ),
        a("fr.readiness.pret", K::Readiness, r"\b(?:prêts?|prêtes?|disposée?s?)\s+à\b"),
        a(
            "fr.pledge.engagement",
            K::Pledge,
            r"\b(?:nous\s+nous\s+engageons|s[’']engag\w*|réaffirm\w*\s+(?:\w+\s+){0,2}engagement|continuer\w*\s+à|poursuivr\w*)",
        ),
        a("fr.condemnation.condamner", K::Condemnation, r"\b(?:condamn\w*|déplor\w*|dénonc\w*|rejet\w*)"),
        a(
            "fr.demand.appeler",
            K::Demand,
            r"\b(?:appel\w*\s+(?:[\w’'-]+\s+){0,5}?à|exhort\w*|exige\w*|demand\w*\s+(?:[\w’'-]+\s+){0,5}?(?:à|de)\b)",
        ),
        a("fr.solidarity.solidarite", K::Solidarity, r"\b(?:solidarité|condoléances|sympathie)\b"),
        a("fr.concern.preoccupation", K::Concern, r"\b(?:préoccup\w*|inquiet\w*|inquiétude|alarm\w*)"),
        a("fr.support.soutien", K::Support, r"\b(?:soutien\w*|soutenir|salu\w*|se\s+félicit\w*|appui\w*)"),
    ],
};

/// German rules (codebook v1; a first set, cues anywhere in the sentence, since the
/// finite verb stands second and the subject may follow it).
pub static DE: Codebook = Codebook {
    language: "de",
    version: communique_model::CODEBOOK_VERSION,
    case_insensitive: true,
    rules: &[
        a(
            "de.warning.konsequenzen",
            K::Warning,
            r"\b(?:Konsequenzen|Folgen)\s+haben\b|\bhohen\s+Preis\b|\b(?:werden|wird)\s+(?:\w+\s+){0,3}(?:entschlossen|geschlossen|entschieden|hart|deutlich)\s+(?:reagieren|antworten)\b",
        ),
        a("de.readiness.bereit", K::Readiness, r"\bbereit\b"),
        a(
            "de.pledge.zusage",
            K::Pledge,
            r"\b(?:kamen|kommen)\s+(?:\w+\s+)?überein\b|\bverpflicht\w*\s+(?:uns|sich)\b|\bsag\w*\s+(?:\w+\s+)?zu\b|\bwerden\s+(?:\w+\s+)?weiterhin\b",
        ),
        a(
            "de.condemnation.verurteilen",
            K::Condemnation,
            r"\b(?:verurteil\w*|weis\w*\s+(?:\w+\s+)?zurück|lehn\w*\s+(?:\w+\s+)?ab)\b",
        ),
        a("de.demand.fordern", K::Demand, r"\b(?:forder\w*|rufen\s+(?:\w+\s+){1,3}auf|appellier\w*)"),
        a("de.solidarity.solidaritaet", K::Solidarity, r"\b(?:Solidarität|Beileid|Mitgefühl|Anteilnahme)\b"),
        a("de.concern.sorge", K::Concern, r"\b(?:besorgt|Sorge|beunruhigt|bestürzt)\b"),
        a(
            "de.support.unterstuetzung",
            K::Support,
            r"\b(?:bekräftig\w*\s+(?:\w+\s+){0,4}Unterstützung|unterstütz\w*|begrüß\w*)",
        ),
    ],
};

/// The codebook of `language` (its primary subtag: `en-GB` uses `en`), if there is one.
#[must_use]
pub fn codebook(language: &str) -> Option<&'static Codebook> {
    let primary = language.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(&EN),
        "fr" => Some(&FR),
        "de" => Some(&DE),
        _ => None,
    }
}
