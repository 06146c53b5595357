//! Paragraphs: the body blocks of a statement.

use crate::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One body block of a statement, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Akoma Ntoso style eId, unique in the statement: `para_1`, `para_2`, … Letters,
    /// digits, `_`, `-` and `.` only.
    pub id: String,
    /// The number or letter printed before the paragraph ("1", "a", "iv"), without its
    /// punctuation; absent when none is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The block's role in the statement.
    pub kind: ParagraphKind,
    /// The paragraph's text: number, bullet marker or speaker's label stripped, wrapped
    /// lines joined with one space, markup resolved. Never empty.
    pub text: String,
    /// Who speaks the paragraph, in a transcript: the label of the turn it belongs to, as
    /// printed without its colon ("MS. JEAN-PIERRE", "THE PRESIDENT", "Q" for a reporter).
    /// A turn of several paragraphs gives each of them its speaker. Absent outside
    /// transcripts; never empty, and no control character in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Where the block lies in the statement's `source_text`, in code points (end
    /// exclusive), marker included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<Span>,
}

impl Paragraph {
    /// A paragraph with no number and no source span.
    #[must_use]
    pub fn new(id: impl Into<String>, kind: ParagraphKind, text: impl Into<String>) -> Self {
        Self { id: id.into(), number: None, kind, text: text.into(), speaker: None, source_span: None }
    }

    /// The same paragraph with its printed number.
    #[must_use]
    pub fn with_number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// The same paragraph with its speaker (see [`Paragraph::speaker`]).
    #[must_use]
    pub fn with_speaker(mut self, speaker: impl Into<String>) -> Self {
        self.speaker = Some(speaker.into());
        self
    }

    /// The same paragraph with its span in the source text.
    #[must_use]
    pub fn with_source_span(mut self, span: Span) -> Self {
        self.source_span = Some(span);
        self
    }
}

/// The role of a block in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Ordinary running text.
    Body,
    /// A heading inside the body ("Energy Security").
    Heading,
    /// A sentence introducing a list, ending with a colon ("We are taking concrete steps to:").
    LeadIn,
    /// An item of a bulleted, numbered or lettered list.
    ListItem,
    /// A quoted statement of another speaker.
    Quote,
    /// Introductory matter before the body proper ("The following statement was issued …").
    Preface,
    /// A reporter's question in the transcript of a briefing or press conference: words
    /// put to the issuer, never the issuer's own position.
    Question,
}

impl ParagraphKind {
    /// Every kind.
    pub const ALL: [Self; 7] =
        [Self::Body, Self::Heading, Self::LeadIn, Self::ListItem, Self::Quote, Self::Preface, Self::Question];

    /// The snake_case name used in every format.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Body => "body",
            Self::Heading => "heading",
            Self::LeadIn => "lead_in",
            Self::ListItem => "list_item",
            Self::Quote => "quote",
            Self::Preface => "preface",
            Self::Question => "question",
        }
    }

    /// The kind named `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

impl fmt::Display for ParagraphKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_name() {
        for kind in ParagraphKind::ALL {
            assert_eq!(ParagraphKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(ParagraphKind::from_name("question"), Some(ParagraphKind::Question));
    }

    #[test]
    fn a_speaker_is_written_only_when_there_is_one() {
        let plain = Paragraph::new("para_1", ParagraphKind::Body, "We act.");
        assert_eq!(
            serde_json::to_string(&plain).unwrap(),
            r#"{"id":"para_1","kind":"body","text":"We act."}"#
        );
        let spoken = Paragraph::new("para_2", ParagraphKind::Question, "Will you act?").with_speaker("Q");
        let json = serde_json::to_string(&spoken).unwrap();
        assert_eq!(json, r#"{"id":"para_2","kind":"question","text":"Will you act?","speaker":"Q"}"#);
        assert_eq!(serde_json::from_str::<Paragraph>(&json).unwrap(), spoken);
    }
}
