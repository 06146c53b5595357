//! The one column definition every other part of the crate is driven by: the writer
//! writes the header and cells in this order, the reader checks the header against it
//! and finds cells by name, and both descriptors (CSVW and Frictionless) are generated
//! from it.

use communique_model::{
    ActorKind, CAMEO_CODES, CommitmentKind, MethodKind, PLOVER_CODES, ParagraphKind, SpeechActClass,
    StatementKind, TIMESTAMP_PATTERN,
};

/// The kind of value a column holds, and how both descriptors name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Datatype {
    /// Free text (CSVW `string`, Frictionless `string`); the only kind `excel_safe`
    /// touches.
    Text,
    /// One of a closed list of names (CSVW `string` with a `format` regex, Frictionless
    /// `string` with an `enum` constraint).
    Enum(&'static [&'static str]),
    /// ISO 8601 calendar date `YYYY-MM-DD` (CSVW `date`, Frictionless `date`).
    Date,
    /// A [`communique_model::Timestamp`] as printed: seconds and UTC offset may be
    /// missing, so neither `xsd:dateTime` nor Frictionless `datetime` fits; a string with
    /// the model's pattern does.
    Timestamp,
    /// A 1-based position in the list the row belongs to (CSVW `positiveInteger`,
    /// Frictionless `integer` with `minimum` 1).
    Position,
    /// A count or offset ≥ 0 (CSVW `nonNegativeInteger`, Frictionless `integer` with
    /// `minimum` 0).
    Count,
    /// A compliance score −1, 0 or +1 (integer with minimum and maximum).
    Score,
    /// `true` or `false`.
    Boolean,
    /// 64 lowercase hexadecimal digits (a SHA-256 digest).
    HexDigest,
}

/// One column of one table.
#[derive(Debug)]
pub(crate) struct Column {
    /// Header name (also the CSVW `name` and `titles`, and the Frictionless field name).
    pub name: &'static str,
    /// What the cells hold.
    pub datatype: Datatype,
    /// True when a valid record never leaves the cell empty (CSVW `required`,
    /// Frictionless `constraints.required`).
    pub required: bool,
    /// What the column means, for the descriptors.
    pub description: &'static str,
}

/// A foreign key: `columns` of this table reference `columns` of table `table`.
#[derive(Debug)]
pub(crate) struct ForeignKey {
    pub columns: &'static [&'static str],
    pub table: &'static str,
    pub reference: &'static [&'static str],
}

/// One table: a file in the folder.
#[derive(Debug)]
pub(crate) struct Table {
    /// Resource name; the file is `{name}.csv`.
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    pub columns: &'static [Column],
    pub primary_key: &'static [&'static str],
    pub foreign_keys: &'static [ForeignKey],
}

impl Table {
    /// File name inside the folder.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// Index of column `name`.
    ///
    /// # Panics
    ///
    /// When the table has no such column: a programming error caught by every test.
    pub fn index(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|column| column.name == name)
            .unwrap_or_else(|| panic!("table {} has no column {name}", self.name))
    }
}

/// Name and version of the folder layout, recorded in both descriptors.
pub(crate) const LAYOUT: &str = "communique-csv/1";

/// Namespace of our own descriptor properties.
pub(crate) const NS: &str = "https://w3id.org/communique/ns#";

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

/// `statements.csv`: one row a statement.
pub(crate) const STATEMENTS: Table = Table {
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

/// `issuers.csv`: one row an issuer.
pub(crate) const ISSUERS: Table = Table {
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

/// `places.csv`: one row a dateline place.
pub(crate) const PLACES: Table = Table {
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

/// `keywords.csv`: one row a keyword.
pub(crate) const KEYWORDS: Table = Table {
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

/// `paragraphs.csv`: one row a paragraph.
pub(crate) const PARAGRAPHS: Table = Table {
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

/// `commitments.csv`: one row a commitment.
pub(crate) const COMMITMENTS: Table = Table {
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

/// `commitment_references.csv`: one row a named instrument a commitment invokes.
pub(crate) const COMMITMENT_REFERENCES: Table = Table {
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

/// `assessments.csv`: one row a compliance assessment.
pub(crate) const ASSESSMENTS: Table = Table {
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

/// `notes.csv`: one row a note of ingest.
pub(crate) const NOTES: Table = Table {
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

/// `empty_values.csv`: one row an optional text that is present but empty.
pub(crate) const EMPTY_VALUES: Table = Table {
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

/// Every table, in the order the descriptors list them.
pub(crate) const TABLES: [&Table; 10] = [
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

/// The model's timestamp pattern (anchored), used by both descriptors.
pub(crate) const TIMESTAMP_REGEX: &str = TIMESTAMP_PATTERN;

/// Anchored pattern of a SHA-256 digest.
pub(crate) const HEX_DIGEST_REGEX: &str = "^[0-9a-f]{64}$";

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
                table.index(key);
            }
            for fk in table.foreign_keys {
                let target = TABLES.iter().find(|t| t.name == fk.table).expect("target table");
                assert_eq!(fk.columns.len(), fk.reference.len());
                for (from, to) in fk.columns.iter().zip(fk.reference) {
                    table.index(from);
                    target.index(to);
                }
                assert_eq!(fk.reference, target.primary_key, "{} references a primary key", table.name);
            }
        }
    }

    #[test]
    fn table_files_in_descriptor_order() {
        let names: Vec<_> = TABLES.iter().map(|t| t.file_name()).collect();
        assert_eq!(names, crate::TABLE_FILES);
    }

    /// The writer puts these names into their cells as they are.
    #[test]
    fn enum_names_never_need_quotes() {
        for table in TABLES {
            for column in table.columns {
                if let Enum(names) = column.datatype {
                    for name in names {
                        assert!(
                            !crate::cell::needs_quotes(name.as_bytes()),
                            "{}.{}: {name:?}",
                            table.name,
                            column.name
                        );
                    }
                }
            }
        }
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
