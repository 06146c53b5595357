//! The relational view of a statement: the tables a statement becomes when it is laid
//! out as rows, their columns, the kind of value each column holds, their keys and what
//! they mean.
//!
//! One definition, format-neutral, that every tabular format is driven by: the CSV
//! folder of `communique-csv` (its header rows, cells, CSVW and Frictionless descriptors)
//! and the Parquet folder of `communique-parquet` (its schemas, types and Data Package
//! descriptor) write the same ten tables with the same columns, so that a query over
//! one runs over the other.
//!
//! A statement is one row of [`STATEMENTS`]; each list it holds (issuers, dateline
//! places, keywords, paragraphs, commitments, the instruments each commitment names, the
//! assessments of each commitment, ingest notes) is a table of its own, joined to it by
//! `statement_id` (and, below a commitment, `commitment_id`), with a 1-based `position`
//! where the order of the list is not given by an eId. Never a list packed in a cell.
//! [`rows`] lays a statement out as those rows, cell by cell, for a format's writer
//! ([`RowSink`]).
//!
//! ```
//! use communique_model::table::{self, Datatype};
//! let commitments = &table::COMMITMENTS;
//! assert_eq!(commitments.name, "commitments");
//! assert_eq!(commitments.columns.len(), 22);
//! let span_start = &commitments.columns[commitments.index("span_start")];
//! assert_eq!((span_start.datatype, span_start.required), (Datatype::Count, true));
//! assert_eq!(commitments.primary_key, ["statement_id", "commitment_id"]);
//! ```

mod order;
mod rows;

pub use order::{KeyRows, RowKey, RowOrder, keyed_by_commitment, tables_in_order};
pub use rows::{RowSink, rows};

use crate::{
    ActorKind, CAMEO_CODES, CommitmentKind, MethodKind, PLOVER_CODES, ParagraphKind, SpeechActClass,
    StatementKind,
};

/// The kind of value a column holds: what each format maps to its own types (CSVW and
/// Frictionless datatypes, Parquet physical and logical types).
///
/// Exhaustive on purpose: a new kind of value is a change every tabular format has to
/// make a decision about, so their `match`es should stop compiling until they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datatype {
    /// Free text (UTF-8).
    Text,
    /// One of a closed list of names, given in the order of the model's `ALL` (the
    /// codebook's kinds, its CAMEO and PLOVER codes, …).
    Enum(&'static [&'static str]),
    /// ISO 8601 calendar date `YYYY-MM-DD`.
    Date,
    /// A [`Timestamp`](crate::Timestamp) as printed: seconds and UTC offset may be
    /// missing, so neither `xsd:dateTime` nor an instant type fits; a text matching
    /// [`TIMESTAMP_PATTERN`](crate::TIMESTAMP_PATTERN) does, kept as the source printed it.
    Timestamp,
    /// A 1-based position in the list the row belongs to (an integer ≥ 1).
    Position,
    /// A count or offset (an integer ≥ 0): a size in bytes, a code-point offset.
    Count,
    /// A compliance score −1, 0 or +1.
    Score,
    /// `true` or `false`.
    Boolean,
    /// 64 lowercase hexadecimal digits (a SHA-256 digest), matching
    /// [`HEX_DIGEST_PATTERN`].
    HexDigest,
}

/// One column of one table.
#[derive(Debug)]
#[non_exhaustive]
pub struct Column {
    /// Column name (the CSV header, the Parquet field name, the CSVW `name`, the
    /// Frictionless field name).
    pub name: &'static str,
    /// What the cells hold.
    pub datatype: Datatype,
    /// True when every row has a value in this column (CSVW `required`, Frictionless
    /// `constraints.required`, a Parquet `REQUIRED` field). A text that is required may
    /// still be the empty text.
    pub required: bool,
    /// What the column means, for the descriptors.
    pub description: &'static str,
}

/// A foreign key: `columns` of this table reference `reference` (the primary key) of
/// the table named `table`.
#[derive(Debug)]
#[non_exhaustive]
pub struct ForeignKey {
    /// Columns of the referencing table.
    pub columns: &'static [&'static str],
    /// Name of the referenced table.
    pub table: &'static str,
    /// Columns of the referenced table, in the order of `columns`.
    pub reference: &'static [&'static str],
}

/// One table of the relational view.
#[derive(Debug)]
#[non_exhaustive]
pub struct Table {
    /// Table name (`commitments`): a format names its file after it
    /// (`commitments.csv`, `commitments.parquet`).
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// The columns, in the order they are written.
    pub columns: &'static [Column],
    /// Columns whose values identify a row.
    pub primary_key: &'static [&'static str],
    /// References to other tables' primary keys.
    pub foreign_keys: &'static [ForeignKey],
}

impl Table {
    /// 0-based index of the column `name`, or `None` when the table has none.
    #[must_use]
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.name == name)
    }

    /// 0-based index of column `name`.
    ///
    /// # Panics
    ///
    /// When the table has no such column: a programming error of the caller.
    #[must_use]
    pub fn index(&self, name: &str) -> usize {
        self.column_index(name).unwrap_or_else(|| panic!("table {} has no column {name}", self.name))
    }
}

/// Anchored pattern of a SHA-256 digest, as [`Datatype::HexDigest`] cells hold it.
pub const HEX_DIGEST_PATTERN: &str = "^[0-9a-f]{64}$";

const fn col(name: &'static str, datatype: Datatype, required: bool, description: &'static str) -> Column {
    Column { name, datatype, required, description }
}

use Datatype::{Boolean, Count, Date, Enum, HexDigest, Position, Score, Text, Timestamp};

const STATEMENT_ID: Column = col("statement_id", Text, true, "Id of the statement the row belongs to.");

const TO_STATEMENT: ForeignKey =
    ForeignKey { columns: &["statement_id"], table: "statements", reference: &["statement_id"] };

const TO_COMMITMENT: ForeignKey = ForeignKey {
    columns: &["statement_id", "commitment_id"],
    table: "commitments",
    reference: &["statement_id", "commitment_id"],
};

/// The names (`as_str`) of every value of a closed list of the model (`ALL`), in its
/// order, as a constant array.
macro_rules! names {
    ($kind:ty) => {{
        let mut names = [""; <$kind>::ALL.len()];
        let mut i = 0;
        while i < names.len() {
            names[i] = <$kind>::ALL[i].as_str();
            i += 1;
        }
        names
    }};
}

const STATEMENT_KINDS: [&str; StatementKind::ALL.len()] = names!(StatementKind);
const ACTOR_KINDS: [&str; ActorKind::ALL.len()] = names!(ActorKind);
const PARAGRAPH_KINDS: [&str; ParagraphKind::ALL.len()] = names!(ParagraphKind);
const COMMITMENT_KINDS: [&str; CommitmentKind::ALL.len()] = names!(CommitmentKind);
const SPEECH_ACT_CLASSES: [&str; SpeechActClass::ALL.len()] = names!(SpeechActClass);
const METHOD_KINDS: [&str; 2] = [MethodKind::Rule.as_str(), MethodKind::Manual.as_str()];
const DIGEST_ALGORITHMS: [&str; 1] = ["sha-256"];

/// `statements`: one row a statement.
pub const STATEMENTS: Table = Table {
    name: "statements",
    description: "One row per statement, in the order they were written.",
    columns: &[
        col("statement_id", Text, true, "Stable identifier of the statement."),
        col("title", Text, false, "The statement's own title line."),
        col("kind", Enum(&STATEMENT_KINDS), true, "Genre of the statement."),
        col("issued", Date, false, "Date of issue (ISO 8601 calendar date)."),
        col(
            "last_updated",
            Timestamp,
            false,
            "When the publisher last updated it, as printed: ISO 8601 local date-time, seconds and UTC offset only where the source gives them.",
        ),
        col(
            "published",
            Timestamp,
            false,
            "When the page or message was published, as printed (same form as last_updated).",
        ),
        col("language", Text, false, "BCP 47 language tag of the body text."),
        col("reference", Text, false, "Document number (\"Press Release (2007) 013\", \"SC/14367\")."),
        col("source_attribution", Text, false, "Attribution as printed (\"Source – NATO\" gives \"NATO\")."),
        col("source_url", Text, false, "Address of the official copy."),
        col("source_via", Text, false, "The repost, blog or list the copy came through."),
        col("source_retrieved", Date, false, "Date the copy was retrieved."),
        col(
            "fixity_algorithm",
            Enum(&DIGEST_ALGORITHMS),
            false,
            "Digest algorithm of the fixity of the bytes received; empty when no fixity is recorded.",
        ),
        col("fixity_digest", HexDigest, false, "Digest of the bytes received, lowercase hexadecimal."),
        col("fixity_size", Count, false, "Number of bytes digested."),
        col(
            "source_text",
            Text,
            false,
            "The text received, verbatim (line breaks inside the quoted cell are kept as they were).",
        ),
    ],
    primary_key: &["statement_id"],
    foreign_keys: &[],
};

/// `issuers`: one row an issuer.
pub const ISSUERS: Table = Table {
    name: "issuers",
    description: "Who issued each statement, in the order named.",
    columns: &[
        STATEMENT_ID,
        col("position", Position, true, "1-based position among the statement's issuers."),
        col("name", Text, true, "Name as written."),
        col("kind", Enum(&ACTOR_KINDS), true, "What sort of actor it is."),
        col("role", Text, false, "Office or capacity."),
    ],
    primary_key: &["statement_id", "position"],
    foreign_keys: &[TO_STATEMENT],
};

/// `places`: one row a dateline place.
pub const PLACES: Table = Table {
    name: "places",
    description: "Places of each statement's dateline, in order.",
    columns: &[
        STATEMENT_ID,
        col("position", Position, true, "1-based position in the dateline."),
        col("place", Text, true, "Place as printed."),
    ],
    primary_key: &["statement_id", "position"],
    foreign_keys: &[TO_STATEMENT],
};

/// `keywords`: one row a keyword.
pub const KEYWORDS: Table = Table {
    name: "keywords",
    description: "Subject keywords or tags the source attaches to each statement, in order.",
    columns: &[
        STATEMENT_ID,
        col("position", Position, true, "1-based position among the statement's keywords."),
        col("keyword", Text, false, "The keyword."),
    ],
    primary_key: &["statement_id", "position"],
    foreign_keys: &[TO_STATEMENT],
};

/// `paragraphs`: one row a paragraph.
pub const PARAGRAPHS: Table = Table {
    name: "paragraphs",
    description: "Body blocks of each statement, in reading order.",
    columns: &[
        STATEMENT_ID,
        col("position", Position, true, "1-based position in reading order."),
        col(
            "paragraph_id",
            Text,
            true,
            "Akoma Ntoso style eId, unique in the statement (para_1, para_2, …).",
        ),
        col("number", Text, false, "Number or letter printed before the paragraph."),
        col("kind", Enum(&PARAGRAPH_KINDS), true, "The block's role in the statement."),
        col("text", Text, true, "The paragraph's text, marker stripped and lines joined."),
        col(
            "source_start",
            Count,
            false,
            "Start of the block in the statement's source_text, in Unicode code points (0-based).",
        ),
        col(
            "source_end",
            Count,
            false,
            "End of the block in the statement's source_text, in Unicode code points (exclusive).",
        ),
        col(
            "speaker",
            Text,
            false,
            "Who speaks the paragraph in a transcript, as its turn is labelled (Q: a reporter).",
        ),
    ],
    primary_key: &["statement_id", "paragraph_id"],
    foreign_keys: &[TO_STATEMENT],
};

/// `commitments`: one row a commitment.
pub const COMMITMENTS: Table = Table {
    name: "commitments",
    description: "Commitments each statement puts on record, in reading order (codebook v1).",
    columns: &[
        STATEMENT_ID,
        col("position", Position, true, "1-based position in reading order."),
        col("commitment_id", Text, true, "eId unique in the statement (para_3__cmt_1)."),
        col("paragraph_id", Text, true, "eId of the paragraph the commitment lies in."),
        col(
            "span_start",
            Count,
            true,
            "Start of the quote in the paragraph text, in Unicode code points (0-based; W3C Web Annotation TextPositionSelector).",
        ),
        col(
            "span_end",
            Count,
            true,
            "End of the quote in the paragraph text, in Unicode code points (exclusive).",
        ),
        col("quote", Text, true, "The exact text the commitment rests on."),
        col("kind", Enum(&COMMITMENT_KINDS), true, "Codebook kind."),
        col(
            "speech_act_class",
            Enum(&SPEECH_ACT_CLASSES),
            true,
            "Searle's class of the kind (derived from kind; checked on read).",
        ),
        col(
            "cameo_code",
            Enum(&CAMEO_CODES),
            true,
            "Nearest CAMEO event code of the kind, the first of the codebook's list (derived from kind; checked on read). Demand also maps to 02.",
        ),
        col(
            "plover_code",
            Enum(&PLOVER_CODES),
            false,
            "Nearest PLOVER event type of the kind, empty where there is none (derived from kind; checked on read).",
        ),
        col("actor", Text, false, "Who commits, as written."),
        col("actor_resolved", Text, false, "The issuer the actor resolves to."),
        col("addressee", Text, false, "Of whom something is demanded, or to whom it is offered."),
        col("cue", Text, false, "The trigger words, as written."),
        col("intensifier", Text, false, "Words that strengthen the position."),
        col("future_oriented", Boolean, true, "A statement of intent about future action."),
        col("conditional", Boolean, true, "The position holds only under a condition."),
        col("method_type", Enum(&METHOD_KINDS), true, "How the commitment was found: rule or manual."),
        col("method_rule", Text, false, "Id of the codebook rule that fired."),
        col("method_codebook", Text, false, "Codebook version followed."),
        col("method_annotator", Text, false, "Who coded it by hand."),
    ],
    primary_key: &["statement_id", "commitment_id"],
    foreign_keys: &[
        TO_STATEMENT,
        ForeignKey {
            columns: &["statement_id", "paragraph_id"],
            table: "paragraphs",
            reference: &["statement_id", "paragraph_id"],
        },
    ],
};

/// `commitment_references`: one row a named instrument a commitment invokes.
pub const COMMITMENT_REFERENCES: Table = Table {
    name: "commitment_references",
    description: "Named instruments each commitment invokes, in order.",
    columns: &[
        STATEMENT_ID,
        col("commitment_id", Text, true, "eId of the commitment."),
        col("position", Position, true, "1-based position among the commitment's references."),
        col("reference", Text, false, "The instrument as named (\"Article 5 of the Washington Treaty\")."),
    ],
    primary_key: &["statement_id", "commitment_id", "position"],
    foreign_keys: &[TO_STATEMENT, TO_COMMITMENT],
};

/// `assessments`: one row a compliance assessment.
pub const ASSESSMENTS: Table = Table {
    name: "assessments",
    description: "Compliance assessments of each commitment (G7 Research Group scale), in order.",
    columns: &[
        STATEMENT_ID,
        col("commitment_id", Text, true, "eId of the commitment assessed."),
        col("position", Position, true, "1-based position among the commitment's assessments."),
        col("score", Score, true, "-1 (no compliance), 0 (partial) or 1 (full compliance)."),
        col("period_start", Date, false, "First day of the period assessed."),
        col("period_end", Date, false, "Last day of the period assessed (inclusive)."),
        col("evidence", Text, false, "What the score rests on."),
        col("assessor", Text, true, "Who assessed it."),
    ],
    primary_key: &["statement_id", "commitment_id", "position"],
    foreign_keys: &[TO_STATEMENT, TO_COMMITMENT],
};

/// `notes`: one row a note of ingest.
pub const NOTES: Table = Table {
    name: "notes",
    description: "What ingest did that a reader should know, per statement, in order.",
    columns: &[
        STATEMENT_ID,
        col("position", Position, true, "1-based position among the statement's notes."),
        col("code", Text, true, "Machine-readable code, dotted (body.repeated)."),
        col("message", Text, false, "What happened, for a person."),
        col(
            "source_start",
            Count,
            false,
            "Start of the part of source_text concerned, in Unicode code points (0-based).",
        ),
        col("source_end", Count, false, "End of that part, in Unicode code points (exclusive)."),
    ],
    primary_key: &["statement_id", "position"],
    foreign_keys: &[TO_STATEMENT],
};

/// `empty_values`: one row an optional text that is present but empty.
pub const EMPTY_VALUES: Table = Table {
    name: "empty_values",
    description: "An empty cell in an optional text column means the value is absent; each row here names an optional text that is present but empty instead, by the JSONPath of the field in the record (the form communique-model's validation uses).",
    columns: &[
        STATEMENT_ID,
        col(
            "path",
            Text,
            true,
            "JSONPath of the empty text in the statement ($.title, $.commitments[2].cue).",
        ),
    ],
    primary_key: &["statement_id", "path"],
    foreign_keys: &[TO_STATEMENT],
};

/// Every table, in the order the descriptors list them (and a reader meets a
/// statement's rows).
pub const TABLES: [&Table; 10] = [
    &STATEMENTS,
    &ISSUERS,
    &PLACES,
    &KEYWORDS,
    &PARAGRAPHS,
    &COMMITMENTS,
    &COMMITMENT_REFERENCES,
    &ASSESSMENTS,
    &NOTES,
    &EMPTY_VALUES,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_existing_columns() {
        for table in TABLES {
            let mut names: Vec<_> = table.columns.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.columns.len(), "duplicate column in {}", table.name);
            for key in table.primary_key {
                assert!(table.column_index(key).is_some(), "{}.{key}", table.name);
            }
            for fk in table.foreign_keys {
                let target = TABLES.iter().find(|t| t.name == fk.table).expect("target table");
                assert_eq!(fk.columns.len(), fk.reference.len());
                for (from, to) in fk.columns.iter().zip(fk.reference) {
                    assert!(table.column_index(from).is_some(), "{}.{from}", table.name);
                    assert!(target.column_index(to).is_some(), "{}.{to}", target.name);
                }
                assert_eq!(fk.reference, target.primary_key, "{} references a primary key", table.name);
            }
        }
    }

    #[test]
    fn every_table_starts_with_the_statement_id() {
        for table in TABLES {
            let first = &table.columns[0];
            assert_eq!((first.name, first.datatype, first.required), ("statement_id", Text, true));
        }
        assert_eq!(STATEMENTS.column_index("position"), None);
        assert_eq!(COMMITMENTS.column_index("quote"), Some(6));
    }

    #[test]
    fn enums_cover_the_codebook() {
        for kind in CommitmentKind::ALL {
            assert!(CAMEO_CODES.contains(&kind.cameo_codes()[0]), "{kind}");
            assert!(kind.plover_code().is_none_or(|code| PLOVER_CODES.contains(&code)), "{kind}");
            assert!(SPEECH_ACT_CLASSES.contains(&kind.speech_act_class().as_str()), "{kind}");
        }
        assert_eq!(STATEMENT_KINDS.len(), 10);
        assert_eq!(PARAGRAPH_KINDS[3], "list_item");
    }
}
