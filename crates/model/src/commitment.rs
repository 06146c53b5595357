//! Commitments: the positions a statement puts on record.

use crate::{CommitmentKind, Span};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A position the speaker puts on record ("We urge Russia to …"), anchored to the exact
/// text it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// eId unique in the statement, by convention the paragraph's eId and a counter:
    /// `para_3__cmt_1`.
    pub id: String,
    /// eId of the paragraph the commitment lies in.
    pub paragraph: String,
    /// Where `quote` lies in the paragraph's `text`, in code points, end exclusive
    /// (a W3C Web Annotation `TextPositionSelector`).
    pub span: Span,
    /// The exact text the commitment rests on (usually its sentence or list item);
    /// equal to the paragraph text sliced by `span`.
    pub quote: String,
    /// Codebook kind.
    pub kind: CommitmentKind,
    /// Who commits, as written ("We", "NATO", "The members of the Security Council").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The issuer the actor resolves to when the text says "we", "I" or "he".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_resolved: Option<String>,
    /// Of whom something is demanded, or to whom it is offered, as written ("Russia").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// The trigger words, as written ("urge", "remain committed to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Words that strengthen the position ("in the strongest possible terms").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensifier: Option<String>,
    /// True for a statement of intent about future action (the G7 Research Group's
    /// sense of a commitment).
    #[serde(default, skip_serializing_if = "is_false")]
    pub future_oriented: bool,
    /// True when the position holds only under a condition ("if", "should Russia …").
    #[serde(default, skip_serializing_if = "is_false")]
    pub conditional: bool,
    /// Named instruments the commitment invokes ("Article 5 of the Washington Treaty").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// How the commitment was found.
    pub method: Method,
    /// Compliance assessments, as the G7 Research Group scores commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Commitment {
    /// A commitment with only its required fields; the others are empty or false.
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        paragraph: impl Into<String>,
        span: Span,
        quote: impl Into<String>,
        kind: CommitmentKind,
        method: Method,
    ) -> Self {
        Self {
            id: id.into(),
            paragraph: paragraph.into(),
            span,
            quote: quote.into(),
            kind,
            actor: None,
            actor_resolved: None,
            addressee: None,
            cue: None,
            intensifier: None,
            future_oriented: false,
            conditional: false,
            references: Vec::new(),
            method,
            assessments: Vec::new(),
        }
    }
}

/// How a commitment was found: by a codebook rule or by a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// Rule-based or manual.
    #[serde(rename = "type")]
    pub kind: MethodKind,
    /// Id of the rule that fired (`en.demand.urge`); required for `rule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Codebook version the rule or annotator followed ("1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codebook: Option<String>,
    /// Who coded it; required for `manual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
}

impl Method {
    /// Found by the codebook rule `rule` of codebook [`CODEBOOK_VERSION`](crate::CODEBOOK_VERSION).
    #[must_use]
    pub fn rule(rule: impl Into<String>) -> Self {
        Self {
            kind: MethodKind::Rule,
            rule: Some(rule.into()),
            codebook: Some(crate::CODEBOOK_VERSION.to_owned()),
            annotator: None,
        }
    }

    /// Coded by hand by `annotator` following codebook [`CODEBOOK_VERSION`](crate::CODEBOOK_VERSION).
    #[must_use]
    pub fn manual(annotator: impl Into<String>) -> Self {
        Self {
            kind: MethodKind::Manual,
            rule: None,
            codebook: Some(crate::CODEBOOK_VERSION.to_owned()),
            annotator: Some(annotator.into()),
        }
    }
}

/// Whether a commitment was found by a rule or by a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MethodKind {
    /// A codebook rule fired.
    Rule,
    /// A person coded it.
    Manual,
}

impl MethodKind {
    /// The snake_case name used in every format.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Rule => "rule",
            Self::Manual => "manual",
        }
    }
}

impl fmt::Display for MethodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A compliance score for a commitment over a period, as the G7 Research Group
/// assesses commitments: −1 (no compliance or the opposite), 0 (partial or work in
/// progress), +1 (full compliance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// −1, 0 or +1.
    #[schemars(range(min = -1, max = 1))]
    pub score: i8,
    /// First day of the period assessed.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub period_start: Option<NaiveDate>,
    /// Last day of the period assessed (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub period_end: Option<NaiveDate>,
    /// What the score rests on (a citation, a URL, a summary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Who assessed it (a person or research group).
    pub assessor: String,
}
