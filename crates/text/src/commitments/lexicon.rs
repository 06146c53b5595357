//! The `[commitments]` table of a language file, read and compiled.
//!
//! Every word the table names (in a word list, a verb's forms, a pattern, a side's names)
//! is interned as a [`Sym`]; each symbol carries the bits of the word lists it belongs to
//! ([`class`]). A token is looked up once, and every later test on it is a comparison of
//! integers. Rules are indexed by the symbols their cue can start with, one index per
//! place a cue can stand ([`Position`]), so a sentence only tries the rules whose first
//! word it holds. The format is documented in `languages/README.md`.

use super::pattern::{Pattern, Resolve};
use communique_model::CommitmentKind;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// An interned lower-case word.
pub(crate) type Sym = u32;

/// The symbol of a word the lexicon does not list.
pub(crate) const NO_SYM: Sym = u32::MAX;

/// Word-list bits (the keys of `[commitments.words]`, and verb form roles).
pub(crate) mod class {
    pub(crate) const PRONOUN: u64 = 1 << 0;
    pub(crate) const IT: u64 = 1 << 1;
    pub(crate) const POSSESSIVE: u64 = 1 << 2;
    pub(crate) const DETERMINER: u64 = 1 << 3;
    pub(crate) const NUMBER: u64 = 1 << 4;
    pub(crate) const AGENT: u64 = 1 << 5;
    pub(crate) const COUNTERPART: u64 = 1 << 6;
    pub(crate) const OTHER: u64 = 1 << 7;
    pub(crate) const THING: u64 = 1 << 8;
    pub(crate) const ROLE: u64 = 1 << 9;
    pub(crate) const OPENER: u64 = 1 << 10;
    pub(crate) const LEAD_ADVERB: u64 = 1 << 11;
    pub(crate) const ADVERB: u64 = 1 << 12;
    pub(crate) const FUTURE: u64 = 1 << 13;
    pub(crate) const POSSIBILITY: u64 = 1 << 14;
    pub(crate) const BE: u64 = 1 << 15;
    pub(crate) const HAVE: u64 = 1 << 16;
    pub(crate) const DO: u64 = 1 << 17;
    pub(crate) const COPULA: u64 = 1 << 18;
    pub(crate) const NEGATION: u64 = 1 << 19;
    /// The auxiliaries and modals that open a verb group ("will", "may", "must", "is",
    /// "has"): a word of one ends a noun phrase and begins the predicate.
    pub(crate) const AUXILIARY: u64 = FUTURE | POSSIBILITY | OBLIGATION | BE | HAVE;
    pub(crate) const BACKGROUND: u64 = 1 << 20;
    pub(crate) const CONDITION: u64 = 1 << 21;
    pub(crate) const RELATIVE: u64 = 1 << 22;
    pub(crate) const COORDINATOR: u64 = 1 << 23;
    pub(crate) const PREPOSITION: u64 = 1 << 24;
    pub(crate) const HISTORY: u64 = 1 << 25;
    pub(crate) const LAST: u64 = 1 << 26;
    pub(crate) const UNIT: u64 = 1 << 27;
    pub(crate) const MONTH: u64 = 1 << 28;
    pub(crate) const MEASURE: u64 = 1 << 29;
    pub(crate) const EVALUATIVE: u64 = 1 << 30;
    pub(crate) const REPORTER: u64 = 1 << 31;
    pub(crate) const SAYING: u64 = 1 << 32;
    pub(crate) const NOT_CUE: u64 = 1 << 33;
    pub(crate) const STANDING: u64 = 1 << 34;
    pub(crate) const INSTRUMENT: u64 = 1 << 35;
    pub(crate) const OCCASION: u64 = 1 << 36;
    pub(crate) const PURPOSE: u64 = 1 << 37;
    pub(crate) const BACKGROUND_VERB: u64 = 1 << 38;
    pub(crate) const PLAIN: u64 = 1 << 39;
    pub(crate) const LOGISTICS: u64 = 1 << 40;
    pub(crate) const JURISDICTION: u64 = 1 << 41;
    pub(crate) const OBLIGATION: u64 = 1 << 42;
    pub(crate) const STATE: u64 = 1 << 43;
    pub(crate) const AUTHORITY: u64 = 1 << 44;
    pub(crate) const OWN_RECORD: u64 = 1 << 45;
    pub(crate) const PRAISE: u64 = 1 << 46;
    pub(crate) const EVENT: u64 = 1 << 47;
    /// Words whose "’s" is the contracted "is" or "has", never a possessive ending ("he’s").
    pub(crate) const CONTRACTED_S: u64 = 1 << 54;
    /// Elided words kept with their apostrophe as tokens of their own (French "d’", "l’").
    pub(crate) const ELISION: u64 = 1 << 55;
    /// Parts of the day ("morning", "night"): "last night" dates an act the statement of
    /// the next day reports, not a time before its occasion.
    pub(crate) const PART_OF_DAY: u64 = 1 << 56;
    /// Prepositions that name a place or a beneficiary ("in", "for"), never an act's author.
    pub(crate) const PLACE_PREPOSITION: u64 = 1 << 57;
    /// Verbs of requesting or needing: a condition they head is a request, not another
    /// party's conduct ("if the Government of Arvelia requests them", 3.5 item 2).
    pub(crate) const REQUEST: u64 = 1 << 58;
    /// Any listed verb form.
    pub(crate) const VERB: u64 = 1 << 48;
    /// Verb form roles (English order: base, third person, past, -ing, past participle).
    pub(crate) const BASE: u64 = 1 << 49;
    pub(crate) const THIRD: u64 = 1 << 50;
    pub(crate) const PAST: u64 = 1 << 51;
    pub(crate) const GERUND: u64 = 1 << 52;
    pub(crate) const PARTICIPLE: u64 = 1 << 53;
    /// A form that can be a finite verb.
    pub(crate) const FINITE: u64 = BASE | THIRD | PAST;
}

/// The word lists of `[commitments.words]`, by name, with their bits.
const LISTS: &[(&str, u64)] = &[
    ("pronoun", class::PRONOUN),
    ("it", class::IT),
    ("determiner", class::DETERMINER),
    ("number", class::NUMBER),
    ("agent", class::AGENT),
    ("counterpart", class::COUNTERPART),
    ("other", class::OTHER),
    ("thing", class::THING),
    ("role", class::ROLE),
    ("opener", class::OPENER),
    ("lead_adverb", class::LEAD_ADVERB),
    ("adverb", class::ADVERB),
    ("future", class::FUTURE),
    ("possibility", class::POSSIBILITY),
    ("be", class::BE),
    ("have", class::HAVE),
    ("do", class::DO),
    ("copula", class::COPULA),
    ("negation", class::NEGATION),
    ("background", class::BACKGROUND),
    ("condition", class::CONDITION),
    ("relative", class::RELATIVE),
    ("coordinator", class::COORDINATOR),
    ("preposition", class::PREPOSITION),
    ("history", class::HISTORY),
    ("last", class::LAST),
    ("unit", class::UNIT),
    ("month", class::MONTH),
    ("measure", class::MEASURE),
    ("evaluative", class::EVALUATIVE),
    ("reporter", class::REPORTER),
    ("instrument", class::INSTRUMENT),
    ("occasion", class::OCCASION),
    ("purpose", class::PURPOSE),
    ("plain", class::PLAIN),
    ("jurisdiction", class::JURISDICTION),
    ("obligation", class::OBLIGATION),
    ("authority", class::AUTHORITY),
    ("event", class::EVENT),
    ("own_record", class::OWN_RECORD),
    ("contracted_s", class::CONTRACTED_S),
    ("elision", class::ELISION),
    ("part_of_day", class::PART_OF_DAY),
    ("place_preposition", class::PLACE_PREPOSITION),
];

/// Lists of `[commitments.words]` whose entries are verbs (every form gets the bit).
const VERB_LISTS: &[(&str, u64)] = &[
    ("saying", class::SAYING),
    ("not_cue", class::NOT_CUE),
    ("standing", class::STANDING),
    ("background_verb", class::BACKGROUND_VERB),
    ("logistics", class::LOGISTICS),
    ("state", class::STATE),
    ("praise", class::PRAISE),
    ("request", class::REQUEST),
];

/// Classes a pattern may name beside the word lists.
const FORM_CLASSES: &[(&str, u64)] = &[
    ("possessive", class::POSSESSIVE),
    ("verb", class::VERB),
    ("base", class::BASE),
    ("third", class::THIRD),
    ("past", class::PAST),
    ("gerund", class::GERUND),
    ("participle", class::PARTICIPLE),
];

/// A fast hash for short words (FxHash), as the lexicon is looked up once per token.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn write_u32(&mut self, i: u32) {
        self.write(&i.to_le_bytes());
    }

    fn write_usize(&mut self, i: usize) {
        self.write(&i.to_le_bytes());
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The interned words and their word lists.
#[derive(Debug, Default)]
pub(crate) struct Words {
    syms: FxMap<Box<str>, Sym>,
    classes: Vec<u64>,
    names: Vec<Box<str>>,
    /// Suffixes that give an unlisted word a class ("-ly": adverb), lower case, with
    /// their length in characters.
    suffixes: Vec<(Box<str>, usize, u64)>,
    /// Once the lexicon is compiled: the classes of each symbol with those its suffix
    /// gives (what [`Words::lookup`] returns for it).
    looked_up: Vec<u64>,
    /// The last bytes of the suffixes (a bit set), to rule a word out in one test.
    suffix_ends: [u64; 4],
    /// Once the lexicon is compiled: an open-addressing table of the ASCII words by the
    /// hash of their lower-case bytes, holding words of up to 16 bytes inline, so that a
    /// word is looked up without a copy, an allocation or a second memory access.
    table: Vec<Slot>,
}

/// One entry of [`Words::table`].
#[derive(Debug, Clone, Copy)]
struct Slot {
    hash: u64,
    /// The lower-case word in two little-endian words, zero-padded (words of up to 16
    /// bytes; longer ones are compared with their name).
    key: [u64; 2],
    len: u32,
    sym: Sym,
}

const EMPTY: Slot = Slot { hash: 0, key: [0; 2], len: 0, sym: NO_SYM };

/// Eight bytes with their ASCII capitals lower-cased (the other bytes unchanged).
fn lower8(x: u64) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let seven = x & LOW;
    // Bytes above 'Z' and from 'A' on (per byte, without carries across bytes).
    let above_z = seven + 0x2525_2525_2525_2525; // 0x7f - b'Z'
    let from_a = seven + 0x3f3f_3f3f_3f3f_3f3f; // 0x80 - b'A'
    let upper = !x & (from_a & !above_z) & HIGH;
    x | (upper >> 2)
}

/// Loads up to eight bytes, zero-padded, lower-cased.
fn load8(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    lower8(u64::from_le_bytes(buf))
}

/// The hash of a word's lower-case ASCII bytes, eight at a time (the lexicon's own
/// hash; its high bits pick a slot).
fn hash_chunks(len: usize, chunks: impl Iterator<Item = u64>) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    chunks.fold(len as u64, |h, c| (h.rotate_left(5) ^ c).wrapping_mul(SEED))
}

fn lower_chunks(word: &[u8]) -> impl Iterator<Item = u64> + '_ {
    word.chunks(8).map(load8)
}

impl Words {
    fn intern(&mut self, word: &str) -> Sym {
        if let Some(&sym) = self.syms.get(word) {
            return sym;
        }
        let sym = self.names.len() as Sym;
        self.syms.insert(word.into(), sym);
        self.names.push(word.into());
        self.classes.push(0);
        sym
    }

    fn add(&mut self, word: &str, bits: u64) {
        let sym = self.intern(word);
        self.classes[sym as usize] |= bits;
    }

    /// The symbol and word-list bits of a lower-case word, with the classes of its suffix
    /// ("-ly": adverb) unless it is listed as `plain`.
    pub(crate) fn lookup(&self, lower: &str) -> (Sym, u64) {
        if lower.is_ascii() && !self.table.is_empty() {
            return self.lookup_ascii(lower);
        }
        let sym = self.syms.get(lower).copied().unwrap_or(NO_SYM);
        self.classes_of(sym, lower)
    }

    /// Looks up an ASCII word in any letter case, without lower-casing it first.
    pub(crate) fn lookup_ascii(&self, word: &str) -> (Sym, u64) {
        if self.table.is_empty() {
            let sym = self.syms.get(word.to_ascii_lowercase().as_str()).copied().unwrap_or(NO_SYM);
            return self.classes_of(sym, word);
        }
        let sym = self.probe(word.as_bytes());
        if sym == NO_SYM { (sym, self.suffix_classes(word)) } else { (sym, self.looked_up[sym as usize]) }
    }

    /// The first slot of `hash` in a table of `len` slots (a power of two): its high bits,
    /// where the multiplications of [`hash_chunks`] have mixed every byte in.
    fn slot(hash: u64, len: usize) -> usize {
        (hash >> (64 - len.trailing_zeros())) as usize
    }

    fn probe(&self, word: &[u8]) -> Sym {
        let mask = self.table.len() - 1;
        let (hash, key) = if word.len() <= 16 {
            let key = [load8(&word[..word.len().min(8)]), load8(&word[word.len().min(8)..])];
            let chunks = if word.len() > 8 { &key[..] } else { &key[..1] };
            (hash_chunks(word.len(), chunks.iter().copied()), key)
        } else {
            (hash_chunks(word.len(), lower_chunks(word)), [0; 2])
        };
        let mut i = Self::slot(hash, self.table.len());
        loop {
            let slot = self.table[i];
            if slot.sym == NO_SYM {
                return NO_SYM;
            }
            if slot.hash == hash
                && slot.len as usize == word.len()
                && (if word.len() <= 16 {
                    slot.key == key
                } else {
                    self.names[slot.sym as usize].as_bytes().eq_ignore_ascii_case(word)
                })
            {
                return slot.sym;
            }
            i = (i + 1) & mask;
        }
    }

    /// Lays out the table of [`Words::probe`] and the classes it returns (after the last
    /// word is interned).
    fn freeze(&mut self) {
        let size = (self.names.len() * 2).next_power_of_two().max(16);
        let mut table = vec![EMPTY; size];
        for (sym, name) in self.names.iter().enumerate() {
            let bytes = name.as_bytes();
            if !name.is_ascii() {
                continue;
            }
            let hash = hash_chunks(bytes.len(), lower_chunks(bytes));
            let key = if bytes.len() <= 16 {
                [load8(&bytes[..bytes.len().min(8)]), load8(&bytes[bytes.len().min(8)..])]
            } else {
                [0; 2]
            };
            let mut i = Self::slot(hash, size);
            while table[i].sym != NO_SYM {
                i = (i + 1) & (size - 1);
            }
            table[i] = Slot { hash, key, len: bytes.len() as u32, sym: sym as Sym };
        }
        for (suffix, _, _) in &self.suffixes {
            if let Some(&last) = suffix.as_bytes().last() {
                for b in [last.to_ascii_lowercase(), last.to_ascii_uppercase()] {
                    self.suffix_ends[usize::from(b >> 6)] |= 1 << (b & 63);
                }
            }
        }
        self.looked_up =
            (0..self.names.len()).map(|sym| self.classes_of(sym as Sym, &self.names[sym]).1).collect();
        self.table = table;
    }

    /// The classes an unlisted ASCII word takes from its suffix.
    fn suffix_classes(&self, word: &str) -> u64 {
        match word.as_bytes().last() {
            Some(&last) if self.suffix_ends[usize::from(last >> 6)] & (1 << (last & 63)) != 0 => {
                self.classes_of(NO_SYM, word).1
            }
            _ => 0,
        }
    }

    /// The classes of `sym` with those of the suffix of `word` (any letter case).
    fn classes_of(&self, sym: Sym, word: &str) -> (Sym, u64) {
        let class = if sym == NO_SYM { 0 } else { self.classes[sym as usize] };
        if class & class::PLAIN != 0 {
            return (sym, class);
        }
        if self.suffixes.is_empty() {
            return (sym, class);
        }
        let bytes = word.as_bytes();
        let ascii = word.is_ascii();
        let mut derived = 0;
        for (suffix, chars, bits) in &self.suffixes {
            let found = if ascii {
                bytes.len() >= suffix.len() + 3
                    && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
            } else {
                word.chars().count() >= chars + 3 && word.to_lowercase().ends_with(&**suffix)
            };
            if found {
                derived = *bits;
                break;
            }
        }
        (sym, class | derived)
    }

    /// Whether `sym` belongs to one of the lists of `mask`.
    pub(crate) fn is(&self, sym: Sym, mask: u64) -> bool {
        self.classes.get(sym as usize).is_some_and(|c| c & mask != 0)
    }

    /// Every symbol of the lists of `mask`, or `None` when a suffix rule can add
    /// unlisted words to them.
    pub(crate) fn members(&self, mask: u64) -> Option<Vec<Sym>> {
        if self.suffixes.iter().any(|(_, _, bits)| bits & mask != 0) {
            return None;
        }
        Some((0..self.classes.len()).filter(|&i| self.classes[i] & mask != 0).map(|i| i as Sym).collect())
    }

    /// The word of `sym`.
    pub(crate) fn name(&self, sym: Sym) -> &str {
        self.names.get(sym as usize).map_or("", |n| n)
    }
}

/// Where in a sentence a rule's cue is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Position {
    /// At a verb: the first word after the subject and its adverbs and auxiliaries, a
    /// verb coordinated with it ("… and committed to"), a participle clause after a comma
    /// (", condemning …") or the first word of a list item.
    #[default]
    Verb,
    /// After a copula ("are", "remain", "stand"): "ready to", "concerned", "committed to".
    Predicate,
    /// At a verb, wrapping the verb that follows ("will", "intend to", "continue to"): the
    /// kind is decided over the frame and what it wraps (manual 3.13).
    Frame,
    /// A verb that passes on the kind of its object (manual 3.13, step 1): "reaffirm",
    /// "express". Carriers are listed in `[commitments.carriers]`.
    Carrier,
    /// A kind noun: the object of a carrier ("our commitment"), the subject of an
    /// evaluative predicate ("Our commitment … is iron-clad"), or the head of an item.
    Noun,
    /// Anywhere in a sentence, whatever its subject ("It is urgent that", "our hearts are
    /// with").
    Phrase,
    /// At a verb in the present progressive that no other rule takes ("HHS is conducting
    /// …"): a measure under way (manual 2.2). Its cue is any word (`_`).
    Progressive,
    /// The rule that turns the side's pledge into a warning when its condition is another
    /// party's conduct ("If Arvelia crosses the line, we will respond", manual 2.5, 3.5):
    /// the grammar decides it at the condition word, which the `condition` word list
    /// gives; the cue is written `_` and only the rule's id is read.
    Condition,
}

/// Which subjects a rule accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SubjectRule {
    /// The issuer's side only (manual 1.5).
    #[default]
    Side,
    /// Any subject: things, third parties and the issuer's side (censure predicates,
    /// consequences, "must end").
    Any,
    /// Anything but the issuer's side ("X must …" is a demand on X, manual 3.10).
    Other,
}

/// Where a rule finds its addressee (manual 1.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AddresseeRule {
    /// The first party in what follows the cue (its object, the owner of its object, a
    /// recipient after "to" / "for", a target after "on" / "against").
    #[default]
    Object,
    /// The clause's subject ("Belgrade and Pristina should …", "States are encouraged to").
    Subject,
    /// The party of the trigger ("any further Russian aggression" → Russia).
    Trigger,
    /// The party named with "by" or in "for X to" ("call for").
    By,
    /// None.
    None,
}

/// Words the English grammar compares by name (see `grammar.rs`): the time words of
/// history and duration, quantifiers, conjunctions and a few function words.
const GRAMMAR_WORDS: &[&str] = &[
    "ago",
    "all",
    "alongside",
    "are",
    "article",
    "as",
    "at",
    "beginning",
    "both",
    "but",
    "by",
    "during",
    "each",
    "earlier",
    "early",
    "effective",
    "following",
    "follows",
    "from",
    "hours",
    "if",
    "in",
    "include",
    "includes",
    "late",
    "mid",
    "minutes",
    "moment",
    "moments",
    "of",
    "on",
    "other",
    "previously",
    "resolution",
    "resolutions",
    "should",
    "since",
    "starting",
    "that",
    "the",
    "these",
    "this",
    "those",
    "through",
    "to",
    "together",
    "unless",
    "until",
    "well",
    "were",
    "why",
    "with",
];

/// How the English subject is found: the token scanner of the subject grammar, or the
/// free word order of a first rule set (the cue anywhere, its subject before it or
/// right after it, as German puts it after a fronted phrase).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Grammar {
    English,
    Free,
}

/// One rule: a cue, the kind it codes and where it stands.
#[derive(Debug, Clone)]
pub struct Rule {
    pub(crate) id: String,
    pub(crate) kind: Option<CommitmentKind>,
    pub(crate) position: Position,
    pub(crate) cue: String,
    pub(crate) pattern: Pattern,
    pub(crate) subject: SubjectRule,
    pub(crate) addressee: AddresseeRule,
    /// A warning cue that codes only with a trigger in the sentence (manual 2.5).
    pub(crate) trigger: bool,
    /// Content that is a stance (manual 4): `future_oriented` is false.
    pub(crate) stance: bool,
    /// Coded also as an agentless passive ("are encouraged to", manual 3.3).
    pub(crate) passive: bool,
    /// A frame whose kind holds only when what it wraps has none ("continue to").
    pub(crate) weak: bool,
    /// A frame that codes only when a verb follows ("look forward to working …", not
    /// "look forward to our exchanges").
    pub(crate) needs_verb: bool,
    /// A frame of expectation about a visit ("look forward to", "look to"): a logistics
    /// verb right after it ("look forward to welcoming the Prime Minister") is the frame's
    /// logistics, even where that verb is a cue of its own (3.10).
    pub(crate) hosts: bool,
    /// A cue whose that-clause must have a party as its subject: "hope that Arvelia will
    /// …" is a demand, "hope that the coming year brings …" a wish about events (2.6).
    pub(crate) needs_party: bool,
    /// A request whose wrapped verb may be a meeting, talk or joining: what another party
    /// is asked to do is the demand ("encourage all countries to join the Coalition",
    /// "urge the parties to meet"), not the principal's logistics (3.11).
    pub(crate) any_verb: bool,
    /// The kind when the addressee is the issuer's own side: a request to one's own
    /// officials is an instruction ("President Biden has asked Vice President Harris to
    /// lead …" is action, manual 1.2).
    pub(crate) own_addressee: Option<CommitmentKind>,
    /// A carrier's kind when its object holds no kind noun.
    pub(crate) otherwise: Option<CommitmentKind>,
    /// Noun rules a carrier does not pass on (indexes into the rules).
    pub(crate) ignore: Vec<usize>,
}

impl Rule {
    /// The rule id that `method.rule` records: `{language}.{kind}.{name}`, or
    /// `{language}.carrier.{name}` for a carrier.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The kind the rule codes (`None` for a carrier, which passes on its object's kind).
    #[must_use]
    pub fn kind(&self) -> Option<CommitmentKind> {
        self.kind
    }

    /// Where its cue stands.
    #[must_use]
    pub fn position(&self) -> Position {
        self.position
    }

    /// The cue pattern as written in the language file.
    #[must_use]
    pub fn cue(&self) -> &str {
        &self.cue
    }
}

/// A party list: the issuer's side of statements by an issuer.
#[derive(Debug, Clone)]
pub(crate) struct Side {
    /// Lower-case phrases; an issuer whose lower-cased name holds one has this side.
    pub(crate) issuers: Vec<String>,
    /// Names on the side, as symbol sequences.
    pub(crate) names: Vec<Vec<Sym>>,
    /// Names of other parties that would otherwise pass as the side's ("Prime Minister").
    pub(crate) foreign: Vec<Vec<Sym>>,
    /// Lower-case host names of the publisher's web sites (`kremlin.ru`): a page whose
    /// source address is on one (or on a subdomain of one) is the publisher's.
    pub(crate) sites: Vec<String>,
}

/// An index of rules by the symbols their cues start with.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// While the lexicon is compiled.
    by_sym: FxMap<Sym, Vec<u16>>,
    /// Once it is: the rules of each symbol, by symbol (an array lookup per token).
    dense: Vec<Box<[u16]>>,
}

impl Index {
    /// The rules whose cue can start with `sym`, in file order.
    pub(crate) fn get(&self, sym: Sym) -> &[u16] {
        self.dense.get(sym as usize).map_or(&[], |rules| rules)
    }

    /// Lays the index out by symbol, for `symbols` symbols.
    fn freeze(&mut self, symbols: usize) {
        self.dense = vec![Box::default(); symbols];
        for (sym, rules) in self.by_sym.drain() {
            self.dense[sym as usize] = rules.into_boxed_slice();
        }
    }
}

/// A language's `[commitments]` table, compiled.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) language: String,
    pub(crate) codebook: String,
    pub(crate) manual: String,
    pub(crate) grammar: Grammar,
    /// The actor of a clause that opens with its verb in capitals ("APPRECIATING …").
    pub(crate) preamble_actor: Option<String>,
    pub(crate) words: Words,
    pub(crate) possessive_actor: FxMap<Sym, String>,
    pub(crate) rules: Vec<Rule>,
    /// Rules at verbs (verb, frame and carrier rules).
    pub(crate) at_verb: Index,
    pub(crate) at_predicate: Index,
    pub(crate) nouns: Index,
    pub(crate) phrases: Index,
    /// Rules at a progressive verb no other rule takes.
    pub(crate) progressive: Vec<usize>,
    /// The rule of a pledge turned warning by another party's conduct as its condition
    /// (`at = "condition"`), if the language has one.
    pub(crate) condition_warning: Option<usize>,
    /// For each symbol, whether some cue can start with it (a sentence without one codes
    /// nothing, except by the progressive rule).
    pub(crate) cue_start: Vec<bool>,

    /// Rank of each kind in the order of decision (lower decides first); `noun_rank` is
    /// the rank of a carrier with a kind noun.
    pub(crate) rank: [u8; 10],
    pub(crate) noun_rank: u8,
    pub(crate) not_cues: Vec<Pattern>,
    pub(crate) not_cue_index: Index,
    pub(crate) conditions: Vec<Pattern>,
    pub(crate) condition_index: Index,
    pub(crate) intensifiers: Vec<Pattern>,
    pub(crate) intensifier_index: Index,
    pub(crate) triggers: Vec<Pattern>,
    pub(crate) trigger_index: Index,
    pub(crate) sides: Vec<Side>,
    pub(crate) joint: Joint,
    pub(crate) nationalities: FxMap<Sym, String>,
}

/// How a statement by several signatories is read (manual 1.5, item 2): the
/// `[commitments.joint]` table.
#[derive(Debug, Default)]
pub(crate) struct Joint {
    /// Statement kinds (snake_case names) that are issued by several signatories.
    pub(crate) kinds: Vec<String>,
    /// Lower-cased words of such a statement's title that name no signatory ("joint",
    /// "statement", "leaders").
    pub(crate) title_words: Vec<String>,
    /// Lower-cased words that open a title's topic ("on", "regarding"): after a body
    /// whose members sign ("G7 Leaders' Statement on Arvelia"), the topic names no
    /// signatory.
    pub(crate) topic_words: Vec<String>,
}

/// Why a language file's `[commitments]` table cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(String);

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexiconError {}

fn err(message: impl Into<String>) -> LexiconError {
    LexiconError(message.into())
}

// ---- the file format -----------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    codebook: String,
    manual: String,
    grammar: Grammar,
    #[serde(default)]
    preamble_actor: Option<String>,
    order: Vec<String>,
    words: BTreeMap<String, WordList>,
    #[serde(default)]
    suffixes: BTreeMap<String, Vec<String>>,
    verbs: BTreeMap<String, String>,
    rules: BTreeMap<String, BTreeMap<String, toml::Value>>,
    #[serde(default)]
    carriers: BTreeMap<String, toml::Value>,
    #[serde(default)]
    negative: Negative,
    #[serde(default)]
    sides: Vec<SideFile>,
    #[serde(default)]
    joint: JointFile,
    #[serde(default)]
    fields: Fields,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct JointFile {
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    title_words: Vec<String>,
    #[serde(default)]
    topic_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum WordList {
    Words(Vec<String>),
    Actors(BTreeMap<String, String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    #[serde(default)]
    not_cues: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SideFile {
    issuers: Vec<String>,
    names: Vec<String>,
    #[serde(default)]
    foreign: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    #[serde(default)]
    conditions: Vec<String>,
    #[serde(default)]
    intensifiers: Vec<String>,
    #[serde(default)]
    triggers: Vec<String>,
    #[serde(default)]
    nationalities: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    cue: String,
    #[serde(default)]
    at: Position,
    #[serde(default)]
    subject: SubjectRule,
    #[serde(default)]
    addressee: Option<AddresseeRule>,
    #[serde(default)]
    trigger: bool,
    #[serde(default)]
    stance: bool,
    #[serde(default)]
    passive: bool,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    needs_verb: bool,
    #[serde(default)]
    hosts: bool,
    #[serde(default)]
    needs_party: bool,
    #[serde(default)]
    any_verb: bool,
    #[serde(default)]
    own_addressee: Option<CommitmentKind>,
    #[serde(default)]
    otherwise: Option<CommitmentKind>,
    #[serde(default)]
    ignore: Vec<String>,
}

fn rule_file(value: toml::Value, what: &str) -> Result<RuleFile, LexiconError> {
    match value {
        toml::Value::String(cue) => Ok(RuleFile {
            cue,
            at: Position::default(),
            subject: SubjectRule::default(),
            addressee: None,
            trigger: false,
            stance: false,
            passive: false,
            weak: false,
            needs_verb: false,
            hosts: false,
            needs_party: false,
            any_verb: false,
            own_addressee: None,
            otherwise: None,
            ignore: Vec::new(),
        }),
        toml::Value::Table(table) => {
            table.try_into().map_err(|e: toml::de::Error| err(format!("{what}: {}", e.message())))
        }
        other => Err(err(format!("{what}: a cue pattern or a table, not {}", other.type_str()))),
    }
}

struct Resolver<'a> {
    words: &'a mut Words,
    verbs: &'a BTreeMap<String, Vec<Sym>>,
}

impl Resolve for Resolver<'_> {
    fn intern(&mut self, word: &str) -> Sym {
        self.words.intern(word)
    }

    fn verb_forms(&self, lemma: &str) -> Option<Vec<Sym>> {
        self.verbs.get(lemma).cloned()
    }

    fn class(&self, name: &str) -> Option<u64> {
        LISTS.iter().chain(VERB_LISTS).chain(FORM_CLASSES).find(|(n, _)| *n == name).map(|(_, bits)| *bits)
    }
}

/// The kinds in codebook order, for `rank`.
fn kind_index(kind: CommitmentKind) -> usize {
    CommitmentKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

impl Lexicon {
    /// Reads the `[commitments]` table of the language file `toml_text` of `language`.
    ///
    /// # Errors
    ///
    /// A [`LexiconError`] naming what is wrong: a file that is not TOML, a table without
    /// `[commitments]`, an unknown key, a word list or class a pattern names that does
    /// not exist, a verb without forms, a pattern that cannot start with a listed word.
    pub(crate) fn parse(language: &str, toml_text: &str) -> Result<Self, LexiconError> {
        let mut document: toml::Table =
            toml::from_str(toml_text).map_err(|e| err(format!("languages/{language}.toml: {e}")))?;
        let table = document
            .remove("commitments")
            .ok_or_else(|| err(format!("languages/{language}.toml has no [commitments] table")))?;
        let file: File = table.try_into().map_err(|e: toml::de::Error| {
            err(format!("languages/{language}.toml [commitments]: {}", e.message()))
        })?;
        Self::compile(language, file)
            .map_err(|e| err(format!("languages/{language}.toml [commitments]: {e}")))
    }

    fn compile(language: &str, file: File) -> Result<Self, LexiconError> {
        let mut words = Words::default();
        // The English grammar names a few words in its code; they need a symbol even when
        // no list of the file holds them.
        if file.grammar == Grammar::English {
            for word in GRAMMAR_WORDS {
                words.intern(word);
            }
        }
        // Verbs first: their forms and roles.
        let mut verbs: BTreeMap<String, Vec<Sym>> = BTreeMap::new();
        for (lemma, forms) in &file.verbs {
            let forms: Vec<&str> = forms.split_whitespace().collect();
            if forms.is_empty() {
                return Err(err(format!("verb {lemma} lists no forms")));
            }
            let mut syms = Vec::new();
            for (i, form) in forms.iter().enumerate() {
                let role = match (file.grammar, i) {
                    (Grammar::Free, _) => class::FINITE,
                    (Grammar::English, 0) => class::BASE,
                    (Grammar::English, 1) => class::THIRD,
                    (Grammar::English, 2) => {
                        class::PAST | if forms.len() < 5 { class::PARTICIPLE } else { 0 }
                    }
                    (Grammar::English, 3) => class::GERUND,
                    (Grammar::English, _) => class::PARTICIPLE,
                };
                words.add(form, class::VERB | role);
                syms.push(words.intern(form));
            }
            verbs.insert(lemma.clone(), syms);
        }
        let mut possessive_actor = FxMap::default();
        for (name, list) in &file.words {
            let bits = LISTS.iter().find(|(n, _)| n == name).map(|(_, b)| *b);
            let verb_bits = VERB_LISTS.iter().find(|(n, _)| n == name).map(|(_, b)| *b);
            match (list, bits, verb_bits, name.as_str()) {
                (WordList::Actors(map), _, _, "possessive") => {
                    for (word, actor) in map {
                        words.add(word, class::POSSESSIVE);
                        possessive_actor.insert(words.intern(word), actor.clone());
                    }
                }
                (WordList::Words(list), Some(bits), None, _) => {
                    for word in list {
                        check_word(word, name)?;
                        words.add(word, bits);
                    }
                }
                (WordList::Words(list), None, Some(bits), _) => {
                    for lemma in list {
                        let forms = verbs
                            .get(lemma)
                            .ok_or_else(|| err(format!("words.{name}: {lemma} is not in [verbs]")))?;
                        for &sym in forms {
                            words.classes[sym as usize] |= bits;
                        }
                    }
                }
                _ => return Err(err(format!("words.{name} is not a word list this grammar knows"))),
            }
        }
        for (name, suffixes) in &file.suffixes {
            let bits = LISTS
                .iter()
                .chain(FORM_CLASSES)
                .find(|(n, _)| n == name)
                .map(|(_, b)| *b)
                .ok_or_else(|| err(format!("suffixes.{name}: no such class")))?;
            for suffix in suffixes {
                let suffix = suffix.to_lowercase();
                let chars = suffix.chars().count();
                words.suffixes.push((suffix.into(), chars, bits));
            }
        }

        let mut rank = [u8::MAX; 10];
        let mut noun_rank = u8::MAX;
        for (i, name) in file.order.iter().enumerate() {
            let i = u8::try_from(i).map_err(|_| err("order lists too many entries"))?;
            if name == "noun" {
                noun_rank = i;
            } else {
                let kind = CommitmentKind::from_name(name)
                    .ok_or_else(|| err(format!("order: unknown kind {name}")))?;
                rank[kind_index(kind)] = i;
            }
        }
        if rank.contains(&u8::MAX) || noun_rank == u8::MAX {
            return Err(err("order must list the ten kinds and \"noun\""));
        }

        // Rules: the kind tables, then the carriers.
        let mut specs: Vec<(String, Option<CommitmentKind>, RuleFile)> = Vec::new();
        for (kind_name, table) in file.rules {
            let kind: CommitmentKind = CommitmentKind::from_name(&kind_name)
                .ok_or_else(|| err(format!("rules.{kind_name}: not a kind of codebook v1")))?;
            for (name, value) in table {
                let what = format!("rules.{kind_name}.{name}");
                let spec = rule_file(value, &what)?;
                if spec.at == Position::Carrier || spec.otherwise.is_some() || !spec.ignore.is_empty() {
                    return Err(err(format!("{what}: carriers go in [commitments.carriers]")));
                }
                specs.push((format!("{language}.{kind_name}.{name}"), Some(kind), spec));
            }
        }
        for (name, value) in file.carriers {
            let what = format!("carriers.{name}");
            let mut spec = rule_file(value, &what)?;
            // A carrier, or a frame without a kind of its own ("are pleased to").
            if spec.at != Position::Frame {
                spec.at = Position::Carrier;
            }
            specs.push((format!("{language}.carrier.{name}"), None, spec));
        }
        let mut rules = Vec::with_capacity(specs.len());
        let mut ignores = Vec::new();
        for (id, kind, spec) in specs {
            let mut resolver = Resolver { words: &mut words, verbs: &verbs };
            let pattern =
                Pattern::compile(&spec.cue, &mut resolver).map_err(|e| err(format!("{id}: {e}")))?;
            let default_addressee = if kind == Some(CommitmentKind::Warning) {
                AddresseeRule::Trigger
            } else {
                AddresseeRule::Object
            };
            ignores.push(spec.ignore);
            rules.push(Rule {
                id,
                kind,
                position: spec.at,
                cue: spec.cue,
                pattern,
                subject: spec.subject,
                addressee: spec.addressee.unwrap_or(default_addressee),
                trigger: spec.trigger,
                stance: spec.stance,
                passive: spec.passive,
                weak: spec.weak,
                needs_verb: spec.needs_verb,
                hosts: spec.hosts,
                needs_party: spec.needs_party,
                any_verb: spec.any_verb,
                own_addressee: spec.own_addressee,
                otherwise: spec.otherwise,
                ignore: Vec::new(),
            });
        }
        for (i, ignore) in ignores.into_iter().enumerate() {
            for name in ignore {
                let id = format!("{language}.{name}");
                let target =
                    rules.iter().position(|r| r.id == id && r.position == Position::Noun).ok_or_else(
                        || err(format!("{}: ignore names {name}, which is not a noun rule", rules[i].id)),
                    )?;
                rules[i].ignore.push(target);
            }
        }
        let mut at_verb = Index::default();
        let mut at_predicate = Index::default();
        let mut nouns = Index::default();
        let mut phrases = Index::default();
        let mut progressive = Vec::new();
        let mut condition_warning = None;

        for (i, rule) in rules.iter().enumerate() {
            let index = match rule.position {
                Position::Verb | Position::Frame | Position::Carrier => &mut at_verb,
                Position::Predicate => &mut at_predicate,
                Position::Noun => &mut nouns,
                Position::Phrase => &mut phrases,
                Position::Progressive => {
                    progressive.push(i);
                    continue;
                }
                Position::Condition => {
                    if condition_warning.is_some() || rule.kind != Some(CommitmentKind::Warning) {
                        return Err(err(format!(
                            "{}: a language has one condition rule, in [commitments.rules.warning]",
                            rule.id
                        )));
                    }
                    condition_warning = Some(i);
                    continue;
                }
            };
            add_to_index(index, &rule.pattern, i, &words).map_err(|e| err(format!("{}: {e}", rule.id)))?;
        }

        let mut compile_all =
            |sources: &[String], what: &str| -> Result<(Vec<Pattern>, Index), LexiconError> {
                let mut patterns = Vec::new();
                let mut index = Index::default();
                for (i, source) in sources.iter().enumerate() {
                    let mut resolver = Resolver { words: &mut words, verbs: &verbs };
                    let pattern =
                        Pattern::compile(source, &mut resolver).map_err(|e| err(format!("{what}: {e}")))?;
                    add_to_index(&mut index, &pattern, i, resolver.words)
                        .map_err(|e| err(format!("{what}: {e}")))?;
                    patterns.push(pattern);
                }
                Ok((patterns, index))
            };
        let (not_cues, mut not_cue_index) = compile_all(&file.negative.not_cues, "negative.not_cues")?;
        let (conditions, mut condition_index) = compile_all(&file.fields.conditions, "fields.conditions")?;
        let (intensifiers, mut intensifier_index) =
            compile_all(&file.fields.intensifiers, "fields.intensifiers")?;
        let (triggers, mut trigger_index) = compile_all(&file.fields.triggers, "fields.triggers")?;

        let mut phrase = |text: &str| -> Vec<Sym> {
            text.split_whitespace().map(|w| words.intern(&w.to_lowercase())).collect()
        };
        // A site is a host name ("kremlin.ru"), never an address with a scheme or a path.
        for site in file.sides.iter().flat_map(|side| &side.sites) {
            let host = site.trim();
            if host.is_empty() || host.contains(['/', ':', ' ']) || !host.contains('.') {
                return Err(err(format!("sides.sites: {site:?} is not a host name such as \"kremlin.ru\"")));
            }
        }
        let sides = file
            .sides
            .iter()
            .map(|side| Side {
                issuers: side.issuers.iter().map(|i| i.to_lowercase()).collect(),
                names: side.names.iter().map(|n| phrase(n)).collect(),
                foreign: side.foreign.iter().map(|n| phrase(n)).collect(),
                sites: side
                    .sites
                    .iter()
                    .map(|s| s.trim().trim_start_matches("www.").to_lowercase())
                    .collect(),
            })
            .collect();
        for kind in &file.joint.kinds {
            if !communique_model::StatementKind::ALL.iter().any(|k| k.as_str() == kind) {
                return Err(err(format!("joint.kinds: {kind} is not a statement kind")));
            }
        }
        let joint = Joint {
            kinds: file.joint.kinds.clone(),
            title_words: file.joint.title_words.iter().map(|w| w.to_lowercase()).collect(),
            topic_words: file.joint.topic_words.iter().map(|w| w.to_lowercase()).collect(),
        };
        let mut nationalities = FxMap::default();
        for (adjective, country) in &file.fields.nationalities {
            nationalities.insert(words.intern(&adjective.to_lowercase()), country.clone());
        }
        words.freeze();
        let symbols = words.names.len();
        let mut cue_start = vec![false; symbols];
        for index in [&at_verb, &at_predicate, &nouns, &phrases] {
            for &sym in index.by_sym.keys() {
                cue_start[sym as usize] = true;
            }
        }
        for index in [
            &mut at_verb,
            &mut at_predicate,
            &mut nouns,
            &mut phrases,
            &mut not_cue_index,
            &mut condition_index,
            &mut intensifier_index,
            &mut trigger_index,
        ] {
            index.freeze(symbols);
        }
        Ok(Self {
            language: language.to_owned(),
            codebook: file.codebook,
            manual: file.manual,
            grammar: file.grammar,
            preamble_actor: file.preamble_actor,
            words,
            possessive_actor,
            rules,
            at_verb,
            at_predicate,
            nouns,
            phrases,
            progressive,
            condition_warning,
            cue_start,
            rank,
            noun_rank,
            not_cues,
            not_cue_index,
            conditions,
            condition_index,
            intensifiers,
            intensifier_index,
            triggers,
            trigger_index,
            sides,
            joint,
            nationalities,
        })
    }

    /// The rank of `kind` in the order of decision.
    pub(crate) fn rank(&self, kind: CommitmentKind) -> u8 {
        self.rank[kind_index(kind)]
    }
}

fn check_word(word: &str, list: &str) -> Result<(), LexiconError> {
    if word.is_empty() || word.chars().any(char::is_whitespace) || word.chars().any(char::is_uppercase) {
        return Err(err(format!("words.{list}: {word:?} is not one lower-case word")));
    }
    Ok(())
}

fn add_to_index(index: &mut Index, pattern: &Pattern, i: usize, words: &Words) -> Result<(), LexiconError> {
    let firsts = pattern
        .first_syms(words)
        .ok_or_else(|| err("its pattern must start with listed words (not _, #, ^ or punctuation)"))?;
    let i = u16::try_from(i).map_err(|_| err("too many rules"))?;
    for sym in firsts {
        index.by_sym.entry(sym).or_default().push(i);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_lower_case_as_ascii_does() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[lane] = b;
                let lowered = lower8(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(lowered[lane], b.to_ascii_lowercase(), "byte {b:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn words_are_found_in_any_letter_case_and_length() {
        let mut words = Words::default();
        let long = "internationally-recognised-borders";
        for w in ["we", "reaffirm", "commitment", long, "u.s."] {
            words.add(w, class::VERB);
        }
        words.freeze();
        for (w, expected) in
            [("WE", "we"), ("Reaffirm", "reaffirm"), ("COMMITMENT", "commitment"), ("U.S.", "u.s.")]
        {
            let (sym, _) = words.lookup_ascii(w);
            assert_eq!(words.name(sym), expected);
        }
        assert_eq!(words.name(words.lookup_ascii(&long.to_uppercase()).0), long);
        assert_eq!(words.lookup_ascii("wee").0, NO_SYM);
        assert_eq!(words.lookup_ascii("reaffirms").0, NO_SYM);
    }
}
