//! The statement record and its metadata parts.

use crate::{Commitment, Paragraph, Span, Timestamp};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One official statement: who issued it, where and when, where the copy came from, its
/// paragraphs and the commitments it puts on record.
///
/// Fields are public: [`Statement::validate`] checks the invariants that tie them
/// together (unique eIds, spans that select their quotes, dates in order, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Stable identifier. When a record has none, [`Statement::derive_id`] makes one from
    /// the issuer or source slug, the issue date and a short hash of the text.
    pub id: String,
    /// The statement's own title line, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Genre of the statement.
    pub kind: StatementKind,
    /// Who issued the statement, in the order named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<Actor>,
    /// Places of the dateline, in order ("WARSAW/VIENNA" gives two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Date of issue (ISO 8601 calendar date), never guessed from a date inside the body.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub issued: Option<NaiveDate>,
    /// When the publisher last updated it, as printed. Not before `issued` (with an
    /// offset, not before the earliest instant the issue date can name: 00:00 at UTC+14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<Timestamp>,
    /// When the page or message was published, as printed (often with a UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Timestamp>,
    /// BCP 47 language tag of the body text (`en`, `fr`, `de`, `pt-BR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Document number ("Press Release (2007) 013", "SC/14367").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Subject keywords or tags the source attaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Where this copy of the statement came from.
    #[serde(default, skip_serializing_if = "Source::is_empty")]
    pub source: Source,
    /// Fixity of the bytes received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixity: Option<Fixity>,
    /// The text received, verbatim (decoded as UTF-8, nothing else changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
    /// Body blocks in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Paragraph>,
    /// Commitments in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<Commitment>,
    /// What ingest did that a reader should know (noise set aside, a repeated body
    /// dropped, an ambiguous date read one way).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// Genre of a statement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A statement issued to the press.
    PressStatement,
    /// A press release.
    PressRelease,
    /// A communiqué, typically after a meeting or summit.
    Communique,
    /// A declaration.
    Declaration,
    /// A statement issued jointly by several parties.
    JointStatement,
    /// A statement by the chair of a meeting or organisation.
    ChairStatement,
    /// A press briefing or conference.
    PressBriefing,
    /// A readout of a call or meeting.
    Readout,
    /// A speech or remarks.
    Speech,
    /// Anything else, or not known.
    #[default]
    Other,
}

impl StatementKind {
    /// Every kind.
    pub const ALL: [Self; 10] = [
        Self::PressStatement,
        Self::PressRelease,
        Self::Communique,
        Self::Declaration,
        Self::JointStatement,
        Self::ChairStatement,
        Self::PressBriefing,
        Self::Readout,
        Self::Speech,
        Self::Other,
    ];

    /// The snake_case name used in every format.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PressStatement => "press_statement",
            Self::PressRelease => "press_release",
            Self::Communique => "communique",
            Self::Declaration => "declaration",
            Self::JointStatement => "joint_statement",
            Self::ChairStatement => "chair_statement",
            Self::PressBriefing => "press_briefing",
            Self::Readout => "readout",
            Self::Speech => "speech",
            Self::Other => "other",
        }
    }

    /// The kind named `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

impl fmt::Display for StatementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person, organisation or state that issues a statement or commits to something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Name as written ("NATO", "The Secretary General", "The United States").
    pub name: String,
    /// What sort of actor it is.
    #[serde(default)]
    pub kind: ActorKind,
    /// Office or capacity ("Secretary General", "Chairperson-in-Office").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Actor {
    /// An actor with no role.
    #[must_use]
    pub fn new(name: impl Into<String>, kind: ActorKind) -> Self {
        Self { name: name.into(), kind, role: None }
    }

    /// An organisation ("NATO", "United Nations Security Council").
    #[must_use]
    pub fn organization(name: impl Into<String>) -> Self {
        Self::new(name, ActorKind::Organization)
    }

    /// A person ("Jens Stoltenberg").
    #[must_use]
    pub fn person(name: impl Into<String>) -> Self {
        Self::new(name, ActorKind::Person)
    }

    /// The same actor with an office or capacity.
    #[must_use]
    pub fn with_role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }
}

/// What sort of actor.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// An international or national organisation or body.
    #[default]
    Organization,
    /// A natural person, usually speaking in an office.
    Person,
    /// A state or government.
    State,
    /// A group of states or persons without a standing organisation ("the G7 Leaders").
    Group,
}

impl ActorKind {
    /// Every kind.
    pub const ALL: [Self; 4] = [Self::Organization, Self::Person, Self::State, Self::Group];

    /// The snake_case name used in every format.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Person => "person",
            Self::State => "state",
            Self::Group => "group",
        }
    }

    /// The kind named `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// Where this copy of the statement came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Attribution as printed ("Source – NATO" gives "NATO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Address of the official copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The repost, blog or list the copy came through (a name or an address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Date the copy was retrieved (a crawl or repost date).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub retrieved: Option<NaiveDate>,
}

impl Source {
    /// True when no field is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Fixity information: a message digest of the bytes received (PREMIS `fixity`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fixity {
    /// The digest algorithm.
    pub algorithm: DigestAlgorithm,
    /// The digest as lowercase hexadecimal (64 digits for SHA-256).
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub digest: String,
    /// Number of bytes digested.
    pub size: u64,
}

impl Fixity {
    /// SHA-256 fixity of `bytes` (FIPS 180-4).
    #[must_use]
    pub fn sha256(bytes: &[u8]) -> Self {
        use sha2::Digest as _;
        let digest = sha2::Sha256::digest(bytes);
        Self { algorithm: DigestAlgorithm::Sha256, digest: hex(&digest), size: bytes.len() as u64 }
    }

    /// True when `bytes` have this digest and size.
    #[must_use]
    pub fn verify(&self, bytes: &[u8]) -> bool {
        match self.algorithm {
            DigestAlgorithm::Sha256 => Self::sha256(bytes) == *self,
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    out
}

/// Message digest algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum DigestAlgorithm {
    /// SHA-256 (FIPS 180-4).
    #[serde(rename = "sha-256")]
    Sha256,
}

impl DigestAlgorithm {
    /// The name used in every format (`sha-256`, the IANA hash function textual name).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Sha256 => "sha-256",
        }
    }
}

/// Something ingest did that a reader should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Machine-readable code, dotted (`noise.share`, `body.repeated`, `date.ambiguous`).
    pub code: String,
    /// What happened, for a person.
    pub message: String,
    /// The part of `source_text` concerned, in code points (end exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<Span>,
}

impl Note {
    /// A note with no span.
    #[must_use]
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), message: message.into(), source_span: None }
    }

    /// The same note pointing at a part of the source text.
    #[must_use]
    pub fn with_source_span(mut self, span: Span) -> Self {
        self.source_span = Some(span);
        self
    }
}
