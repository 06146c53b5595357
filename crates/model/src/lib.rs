#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod builder;
mod codebook;
mod commitment;
mod date;
mod id;
mod iso;
pub mod json;
mod paragraph;
mod position;
pub mod schema;
mod span;
mod statement;
pub mod table;
mod timestamp;
mod validate;

pub use builder::StatementBuilder;
pub use codebook::{CAMEO_CODES, CODEBOOK_VERSION, CommitmentKind, PLOVER_CODES, SpeechActClass};
pub use commitment::{Assessment, Commitment, Method, MethodKind};
pub use date::{dates_in_order, parse_iso_date};
pub use id::{ID_HASH_DIGITS, slug};
pub use iso::{IsoText, iso_date};
pub use paragraph::{Paragraph, ParagraphKind};
pub use position::TextPosition;
pub use span::{CodePointIndex, Span, byte_offset, code_point_len};
pub use statement::{Actor, ActorKind, DigestAlgorithm, Fixity, Note, Source, Statement, StatementKind};
pub use timestamp::{TIMESTAMP_PATTERN, TimePrecision, Timestamp, TimestampError, ZeroOffset};
pub use validate::{
    ValidationErrors, Violation, ViolationKind, is_clean_identifier, is_valid_eid,
    is_well_formed_language_tag,
};

/// Re-exported so callers name dates and offsets with the same types the model uses.
pub use chrono;
