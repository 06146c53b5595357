//! The streaming reader: one cursor per table, merged on `statement_id`.

use crate::cell::excel_unescape;
use crate::descriptor::{CSVW_METADATA, excel_safe_property, layout_property};
use crate::error::{CsvParseError, CsvSyntaxError, file_error};
use crate::schema::{Datatype, FileName as _, LAYOUT, TABLES, Table};
use communique_model::chrono::NaiveDate;
use communique_model::table::{KeyRows, RowKey, RowOrder, keyed_by_commitment, tables_in_order};
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, DigestAlgorithm, Fixity, Method, MethodKind,
    Note, Paragraph, ParagraphKind, Source, Span, Statement, StatementKind, TextPosition, Timestamp,
    parse_iso_date,
};
use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Configuration of the CSV reader; [`CsvParser::for_dir`] opens a folder.
///
/// ```
/// use communique_csv::CsvParser;
/// let folder = tempfile::tempdir().unwrap();
/// // A folder without descriptors is refused with the name of the missing file.
/// let error = CsvParser::default().for_dir(folder.path()).unwrap_err();
/// assert!(error.to_string().contains("csv-metadata.json"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct CsvParser {}

impl CsvParser {
    /// Opens the CSV folder at `dir`: reads `csv-metadata.json` (the layout version and
    /// whether `excel_safe` was used), opens every table and checks its header row.
    ///
    /// The returned iterator yields the statements in the order of `statements.csv`,
    /// each with its rows of the other tables, whatever their order: rows may have been
    /// sorted or moved since they were written. The keys of every table (statement,
    /// commitment, position) are read once first to check the order the writer gives;
    /// a table in that order is then streamed, from start to end, and memory holds one
    /// statement at a time. A table out of that order is indexed instead (the place of
    /// each row, sorted into the order written, with every statement id) and its rows
    /// are read from there. After the first error it yields nothing more.
    ///
    /// # Errors
    ///
    /// [`CsvParseError::Syntax`] when `csv-metadata.json` is missing, not JSON, or of
    /// another layout, when a header row is not the expected one, or a table is not
    /// well-formed CSV; [`CsvParseError::Io`] when a table cannot be opened or read.
    pub fn for_dir(self, dir: impl AsRef<Path>) -> Result<DirCsvParser, CsvParseError> {
        let dir = dir.as_ref().to_path_buf();
        let excel_safe = read_descriptor(&dir.join(CSVW_METADATA))?;
        let mut cursors = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            cursors.push(Cursor::open(&dir, table, excel_safe)?);
        }
        let mut keys =
            TABLES.iter().map(|table| KeyReader::open(&dir, table)).collect::<Result<Vec<_>, _>>()?;
        let in_order = tables_in_order(&mut KeyReaders(&mut keys))?;
        if in_order.contains(&false) {
            let order = row_order(&dir, &in_order)?;
            for (table, cursor) in cursors.iter_mut().enumerate() {
                if !in_order[table] {
                    cursor.order =
                        Some(KeyReader::open(&dir, TABLES[table])?.sorted(table, &order)?.into_iter());
                }
            }
        }
        Ok(DirCsvParser { dir, excel_safe, cursors, records: 0, finished: false })
    }
}

/// The keys of one table, read row by row without decoding the other cells: what the
/// order check and the index of a table out of order read.
struct KeyReader {
    table: &'static Table,
    path: PathBuf,
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
    commitment: Option<usize>,
    position: Option<usize>,
}

impl KeyReader {
    /// Opens the table, its header row (already checked) skipped.
    fn open(dir: &Path, table: &'static Table) -> Result<Self, CsvParseError> {
        let path = dir.join(table.file_name());
        let file = File::open(&path).map_err(|e| file_error(&path, e))?;
        let reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(BufReader::new(file));
        let commitment = table.column_index("commitment_id");
        let position = table.column_index("position");
        let mut keys = Self { table, path, reader, record: csv::ByteRecord::new(), commitment, position };
        keys.next_row()?;
        Ok(keys)
    }

    fn next_row(&mut self) -> Result<bool, CsvParseError> {
        self.reader.read_byte_record(&mut self.record).map_err(|e| csv_error(self.table, &self.path, e))
    }

    fn key(&self) -> RowKey<'_> {
        let cell = |index: Option<usize>| index.and_then(|i| self.record.get(i)).unwrap_or_default();
        let position = cell(self.position);
        let position = if !position.is_empty() && position.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(position).ok().and_then(|p| p.parse().ok())
        } else {
            None
        };
        RowKey { statement: cell(Some(0)), commitment: cell(self.commitment), position }
    }

    /// The place of every row left, in the order written (table `table` of [`TABLES`]).
    fn sorted(mut self, table: usize, order: &RowOrder) -> Result<Vec<csv::Position>, CsvParseError> {
        let mut rows = Vec::new();
        while self.next_row()? {
            let position = self.record.position().cloned().unwrap_or_else(csv::Position::new);
            rows.push((order.sort_key(table, self.key()), position));
        }
        rows.sort_by_key(|(key, _)| *key);
        Ok(rows.into_iter().map(|(_, position)| position).collect())
    }
}

/// The key readers of every table, for [`tables_in_order`].
struct KeyReaders<'a>(&'a mut [KeyReader]);

impl KeyRows for KeyReaders<'_> {
    type Error = CsvParseError;

    fn next_row(&mut self, table: usize) -> Result<bool, CsvParseError> {
        self.0[table].next_row()
    }

    fn key(&self, table: usize) -> RowKey<'_> {
        self.0[table].key()
    }
}

/// The order written, from `statements.csv` (and `commitments.csv` when a table keyed
/// below a commitment is out of order).
fn row_order(dir: &Path, in_order: &[bool]) -> Result<RowOrder, CsvParseError> {
    let mut order = RowOrder::new();
    let mut statements = KeyReader::open(dir, TABLES[0])?;
    while statements.next_row()? {
        order.add_statement(statements.key().statement);
    }
    if (1..TABLES.len()).any(|table| keyed_by_commitment(table) && !in_order[table]) {
        let index = TABLES.iter().position(|table| table.name == "commitments").expect("commitments table");
        let mut commitments = KeyReader::open(dir, TABLES[index])?;
        while commitments.next_row()? {
            order.add_commitment(commitments.key());
        }
    }
    Ok(order)
}

/// Reads the layout and the `excel_safe` flag from the CSVW metadata.
fn read_descriptor(path: &Path) -> Result<bool, CsvSyntaxError> {
    let fail = |message: String| CsvSyntaxError::new(CSVW_METADATA, TextPosition::default(), None, message);
    let text =
        std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read the CSVW metadata: {e}")))?;
    // A byte order mark at the start is no part of the document (RFC 8259 §8.1).
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| fail(format!("not JSON: {e}")))?;
    let layout = value.get(layout_property()).and_then(|v| v.as_str());
    if layout != Some(LAYOUT) {
        return Err(fail(format!(
            "property {:?} is {:?}; this reader reads {LAYOUT:?}",
            layout_property(),
            layout.unwrap_or("missing")
        )));
    }
    value
        .get(excel_safe_property())
        .and_then(serde_json::Value::as_bool)
        .ok_or_else(|| fail(format!("property {:?} must be true or false", excel_safe_property())))
}

/// A CSV folder being read, an iterator of the statements in it; made by
/// [`CsvParser::for_dir`].
///
/// Yields each statement in the order written, or the error that stops it (a folder
/// cannot be read on reliably after a bad row).
#[derive(Debug)]
#[must_use]
pub struct DirCsvParser {
    dir: PathBuf,
    excel_safe: bool,
    cursors: Vec<Cursor>,
    /// Statements read so far.
    records: u64,
    finished: bool,
}

/// The reader of a CSV folder before it took the shape of the other format crates.
#[deprecated(note = "renamed DirCsvParser")]
pub type CsvDirReader = DirCsvParser;

impl DirCsvParser {
    /// The folder being read.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when the folder was written with the `excel_safe` rule (which the reader
    /// undoes).
    #[must_use]
    pub fn excel_safe(&self) -> bool {
        self.excel_safe
    }
}

impl Iterator for DirCsvParser {
    type Item = Result<Statement, CsvParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let record = self.records + 1;
        let result = self.next_statement().map_err(|error| match error {
            CsvParseError::Syntax(error) => CsvParseError::Syntax(error.in_record(record)),
            other => other,
        });
        match &result {
            Ok(Some(_)) => self.records = record,
            _ => self.finished = true,
        }
        result.transpose()
    }
}

/// One row of a table and where it starts.
#[derive(Debug)]
struct Row {
    table: &'static Table,
    path: Arc<Path>,
    record: csv::StringRecord,
    /// Byte offset the CSV parser gives for the row (possibly the line feed ending the
    /// row before it).
    byte: u64,
    excel_safe: bool,
}

/// The 1-based line of the row the CSV parser places at `byte` of the file at `path`.
///
/// The parser counts line feeds it has consumed, and it consumes the line feed of a
/// CRLF pair only when it reads the next row, so its own line numbers can be one short.
/// This is worked out only when an error is reported: the row starts at the first byte
/// at or after `byte` that is not CR or LF, and its line is one more than the line feeds
/// before it. Returns 0 when the file cannot be read again.
fn line_at(path: &Path, byte: u64) -> u64 {
    let Ok(file) = File::open(path) else { return 0 };
    let mut line = 1;
    for (offset, b) in (0u64..).zip(std::io::Read::bytes(BufReader::new(file))) {
        let Ok(b) = b else { return 0 };
        if offset >= byte && b != b'\n' && b != b'\r' {
            break;
        }
        line += u64::from(b == b'\n');
    }
    line
}

/// The position of the row the CSV parser places at `byte` of the table at `path`.
fn row_position(path: &Path, byte: u64) -> TextPosition {
    TextPosition::default().with_line(line_at(path, byte)).with_byte_offset(byte)
}

impl Row {
    fn syntax_error(&self, column: Option<usize>, message: impl Into<String>) -> CsvSyntaxError {
        CsvSyntaxError::new(
            self.table.file_name(),
            row_position(&self.path, self.byte),
            column.map(|i| (i + 1, self.table.columns[i].name)),
            message,
        )
    }

    fn error(&self, column: &str, message: impl Into<String>) -> CsvParseError {
        self.syntax_error(Some(self.table.index(column)), message).into()
    }

    fn row_error(&self, message: impl Into<String>) -> CsvParseError {
        self.syntax_error(None, message).into()
    }

    /// The cell as written (excel_safe escape still on).
    fn raw(&self, column: &str) -> &str {
        self.record.get(self.table.index(column)).unwrap_or("")
    }

    /// A text cell, excel_safe escape removed; empty is the empty text.
    fn text_ref(&self, column: &str) -> &str {
        let index = self.table.index(column);
        let cell = self.record.get(index).unwrap_or("");
        debug_assert_eq!(self.table.columns[index].datatype, Datatype::Text, "{column}");
        if self.excel_safe { excel_unescape(cell) } else { cell }
    }

    /// [`Row::text_ref`], owned.
    fn text(&self, column: &str) -> String {
        self.text_ref(column).to_owned()
    }

    /// An optional text cell: empty is absent, unless `empties` lists `path`.
    fn opt_text(&self, column: &str, empties: &mut Empties, path: impl FnOnce() -> String) -> Option<String> {
        if self.raw(column).is_empty() {
            empties.take(&path()).then(String::new)
        } else {
            Some(self.text(column))
        }
    }

    /// A cell that must not be empty.
    fn required(&self, column: &str) -> Result<&str, CsvParseError> {
        let cell = self.raw(column);
        if cell.is_empty() { Err(self.error(column, "is empty but required")) } else { Ok(cell) }
    }

    /// A name from a closed list.
    fn name<T>(&self, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, CsvParseError> {
        let cell = self.required(column)?;
        parse(cell).ok_or_else(|| {
            let allowed = match self.table.columns[self.table.index(column)].datatype {
                Datatype::Enum(names) => names.join(", "),
                _ => String::new(),
            };
            self.error(column, format!("{cell:?} is not one of: {allowed}"))
        })
    }

    fn number<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, CsvParseError> {
        let cell = self.raw(column);
        if cell.is_empty() {
            return Ok(None);
        }
        // Only ASCII digits (and a leading minus) are numbers here; Rust's parser would
        // also take a leading `+`.
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        let parsed = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            cell.parse().ok()
        } else {
            None
        };
        parsed.map(Some).ok_or_else(|| self.error(column, format!("{cell:?} is not an integer in range")))
    }

    fn required_number<T: std::str::FromStr>(&self, column: &str) -> Result<T, CsvParseError> {
        self.required(column)?;
        Ok(self.number(column)?.expect("checked non-empty"))
    }

    fn date(&self, column: &str) -> Result<Option<NaiveDate>, CsvParseError> {
        match self.raw(column) {
            "" => Ok(None),
            cell => parse_iso_date(cell).map(Some).map_err(|message| self.error(column, message)),
        }
    }

    fn timestamp(&self, column: &str) -> Result<Option<Timestamp>, CsvParseError> {
        match self.raw(column) {
            "" => Ok(None),
            cell => cell
                .parse()
                .map(Some)
                .map_err(|e: communique_model::TimestampError| self.error(column, e.to_string())),
        }
    }

    fn boolean(&self, column: &str) -> Result<bool, CsvParseError> {
        match self.required(column)? {
            "true" => Ok(true),
            "false" => Ok(false),
            cell => Err(self.error(column, format!("{cell:?} is neither true nor false"))),
        }
    }

    /// Checks that the `position` column holds `expected` (1-based).
    fn position(&self, expected: usize) -> Result<(), CsvParseError> {
        let found: usize = self.required_number("position")?;
        if found == expected {
            Ok(())
        } else {
            Err(self.error(
                "position",
                format!(
                    "is {found} where {expected} was expected: the positions of a list run 1, 2, 3, … (one given twice or left out?)"
                ),
            ))
        }
    }

    /// A span from two count columns: both empty is no span, one empty an error.
    fn span(&self, start: &str, end: &str) -> Result<Option<Span>, CsvParseError> {
        match (self.number(start)?, self.number(end)?) {
            (Some(s), Some(e)) => Ok(Some(Span::new(s, e))),
            (None, None) => Ok(None),
            (None, Some(_)) => Err(self.error(start, format!("is empty while {end} is not"))),
            (Some(_), None) => Err(self.error(end, format!("is empty while {start} is not"))),
        }
    }

    /// Checks a column derived from `kind`.
    fn derived(&self, column: &str, expected: &str) -> Result<(), CsvParseError> {
        let cell = self.raw(column);
        if cell == expected {
            Ok(())
        } else {
            Err(self.error(
                column,
                format!("is {cell:?} but the kind's codebook value is {expected:?} (derived columns must agree with kind)"),
            ))
        }
    }
}

/// Paths listed in `empty_values.csv` for one statement, with their lines.
#[derive(Default)]
struct Empties(HashMap<String, Row>);

impl Empties {
    fn take(&mut self, path: &str) -> bool {
        self.0.remove(path).is_some()
    }
}

/// One table being read, one row looked ahead.
#[derive(Debug)]
struct Cursor {
    table: &'static Table,
    path: Arc<Path>,
    reader: csv::Reader<BufReader<File>>,
    excel_safe: bool,
    peeked: Option<Row>,
    ended: bool,
    /// For a table out of the order written: where its rows are, in that order.
    order: Option<std::vec::IntoIter<csv::Position>>,
}

impl Cursor {
    fn open(dir: &Path, table: &'static Table, excel_safe: bool) -> Result<Self, CsvParseError> {
        let path = dir.join(table.file_name());
        let file = File::open(&path).map_err(|e| file_error(&path, e))?;
        let reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(BufReader::new(file));
        let mut cursor =
            Self { table, path: path.into(), reader, excel_safe, peeked: None, ended: false, order: None };
        let header = cursor.read()?.ok_or_else(|| {
            let start = TextPosition::default().with_line(1).with_byte_offset(0);
            CsvSyntaxError::new(table.file_name(), start, None, "is empty: the header row is missing")
        })?;
        let expected = table.columns.iter().map(|c| c.name);
        for (i, name) in expected.enumerate() {
            let found = header.record.get(i).unwrap_or("");
            let found = if i == 0 { found.trim_start_matches('\u{feff}') } else { found };
            if found != name {
                return Err(header
                    .syntax_error(Some(i), format!("header is {found:?} where {name:?} was expected"))
                    .into());
            }
        }
        if header.record.len() != table.columns.len() {
            return Err(header.row_error(format!(
                "header has {} columns, expected {}",
                header.record.len(),
                table.columns.len()
            )));
        }
        Ok(cursor)
    }

    /// The next record of the file, or `None` at its end.
    fn read(&mut self) -> Result<Option<Row>, CsvParseError> {
        if self.ended {
            return Ok(None);
        }
        if let Some(order) = &mut self.order {
            let Some(position) = order.next() else {
                self.ended = true;
                return Ok(None);
            };
            self.reader.seek(position).map_err(|e| self.syntax_error(e))?;
        }
        let mut record = csv::StringRecord::new();
        match self.reader.read_record(&mut record) {
            Ok(true) => {
                let byte = record.position().map_or(0, csv::Position::byte);
                Ok(Some(Row {
                    table: self.table,
                    path: self.path.clone(),
                    record,
                    byte,
                    excel_safe: self.excel_safe,
                }))
            }
            Ok(false) => {
                self.ended = true;
                Ok(None)
            }
            Err(error) => Err(self.syntax_error(error)),
        }
    }

    fn syntax_error(&self, error: csv::Error) -> CsvParseError {
        csv_error(self.table, &self.path, error)
    }

    fn peek(&mut self) -> Result<Option<&Row>, CsvParseError> {
        if self.peeked.is_none() {
            self.peeked = self.read()?;
        }
        Ok(self.peeked.as_ref())
    }

    /// The next row when it belongs to statement `id` (and, for tables keyed by
    /// commitment, to commitment `commitment`).
    fn next_for(&mut self, id: &str, commitment: Option<&str>) -> Result<Option<Row>, CsvParseError> {
        let Some(row) = self.peek()? else { return Ok(None) };
        let belongs = row.text_ref("statement_id") == id
            && commitment.is_none_or(|c| row.text_ref("commitment_id") == c);
        Ok(if belongs { self.peeked.take() } else { None })
    }

    /// Every row left for statement `id`, in order, checking their positions.
    fn rows_for(&mut self, id: &str, commitment: Option<&str>) -> Result<Vec<Row>, CsvParseError> {
        let mut rows = Vec::new();
        while let Some(row) = self.next_for(id, commitment)? {
            if self.table.columns.iter().any(|c| c.name == "position") {
                row.position(rows.len() + 1)?;
            }
            rows.push(row);
        }
        Ok(rows)
    }
}

/// The error of the CSV parser reading table `table` at `path`, with its place.
fn csv_error(table: &'static Table, path: &Path, error: csv::Error) -> CsvParseError {
    let file = table.file_name();
    let position = error.position().map_or_else(TextPosition::default, |p| row_position(path, p.byte()));
    match error.into_kind() {
        csv::ErrorKind::Io(io) => file_error(path, io).into(),
        csv::ErrorKind::Utf8 { err, .. } => {
            let column = err.field();
            CsvSyntaxError::new(
                file,
                position,
                table.columns.get(column).map(|c| (column + 1, c.name)),
                format!("invalid UTF-8 (valid up to byte {} of the cell)", err.valid_up_to()),
            )
            .into()
        }
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            CsvSyntaxError::new(file, position, None, format!("row has {len} cells, expected {expected_len}"))
                .into()
        }
        other => CsvSyntaxError::new(file, position, None, format!("{other:?}")).into(),
    }
}

impl DirCsvParser {
    fn next_statement(&mut self) -> Result<Option<Statement>, CsvParseError> {
        let [
            statements,
            issuers,
            places,
            keywords,
            paragraphs,
            commitments,
            references,
            assessments,
            notes,
            empty,
        ] = &mut self.cursors[..]
        else {
            unreachable!("one cursor per table")
        };
        let Some(row) = statements.read()? else {
            // Every other table must be used up too.
            for cursor in
                [issuers, places, keywords, paragraphs, commitments, references, assessments, notes, empty]
            {
                if let Some(row) = cursor.peek()? {
                    let id = row.text("statement_id");
                    return Err(
                        row.error("statement_id", format!("statement {id:?} is not in statements.csv"))
                    );
                }
            }
            return Ok(None);
        };
        let id = row.text("statement_id");
        let mut empties = Empties::default();
        for row in empty.rows_for(&id, None)? {
            let path = row.text("path");
            if empties.0.contains_key(&path) {
                return Err(row.error("path", format!("{path:?} is listed twice")));
            }
            empties.0.insert(path, row);
        }

        let fixity = match row.raw("fixity_algorithm") {
            "" => {
                for column in ["fixity_digest", "fixity_size"] {
                    if !row.raw(column).is_empty() {
                        return Err(row.error(column, "is set while fixity_algorithm is empty"));
                    }
                }
                None
            }
            _ => Some(Fixity {
                algorithm: row
                    .name("fixity_algorithm", |n| (n == "sha-256").then_some(DigestAlgorithm::Sha256))?,
                digest: row.raw("fixity_digest").to_owned(),
                size: row.required_number("fixity_size")?,
            }),
        };
        let mut statement = Statement {
            id: id.clone(),
            title: row.opt_text("title", &mut empties, || "$.title".into()),
            kind: row.name("kind", StatementKind::from_name)?,
            issuers: Vec::new(),
            places: Vec::new(),
            issued: row.date("issued")?,
            last_updated: row.timestamp("last_updated")?,
            published: row.timestamp("published")?,
            language: row.opt_text("language", &mut empties, || "$.language".into()),
            reference: row.opt_text("reference", &mut empties, || "$.reference".into()),
            keywords: Vec::new(),
            source: Source {
                attribution: row
                    .opt_text("source_attribution", &mut empties, || "$.source.attribution".into()),
                url: row.opt_text("source_url", &mut empties, || "$.source.url".into()),
                via: row.opt_text("source_via", &mut empties, || "$.source.via".into()),
                retrieved: row.date("source_retrieved")?,
            },
            fixity,
            source_text: row.opt_text("source_text", &mut empties, || "$.source_text".into()),
            paragraphs: Vec::new(),
            commitments: Vec::new(),
            notes: Vec::new(),
        };

        for (i, row) in issuers.rows_for(&id, None)?.into_iter().enumerate() {
            statement.issuers.push(Actor {
                name: row.text("name"),
                kind: row.name("kind", ActorKind::from_name)?,
                role: row.opt_text("role", &mut empties, || format!("$.issuers[{i}].role")),
            });
        }
        statement.places = places.rows_for(&id, None)?.iter().map(|row| row.text("place")).collect();
        statement.keywords = keywords.rows_for(&id, None)?.iter().map(|row| row.text("keyword")).collect();
        for (i, row) in paragraphs.rows_for(&id, None)?.into_iter().enumerate() {
            statement.paragraphs.push(Paragraph {
                id: row.text("paragraph_id"),
                number: row.opt_text("number", &mut empties, || format!("$.paragraphs[{i}].number")),
                kind: row.name("kind", ParagraphKind::from_name)?,
                text: row.text("text"),
                speaker: row.opt_text("speaker", &mut empties, || format!("$.paragraphs[{i}].speaker")),
                source_span: row.span("source_start", "source_end")?,
            });
        }
        for (i, row) in commitments.rows_for(&id, None)?.into_iter().enumerate() {
            let path = |field: &str| format!("$.commitments[{i}].{field}");
            let kind = row.name("kind", CommitmentKind::from_name)?;
            row.derived("speech_act_class", kind.speech_act_class().as_str())?;
            row.derived("cameo_code", kind.cameo_codes()[0])?;
            row.derived("plover_code", kind.plover_code().unwrap_or(""))?;
            let commitment_id = row.text("commitment_id");
            let mut commitment = Commitment {
                paragraph: row.text("paragraph_id"),
                span: Span::new(row.required_number("span_start")?, row.required_number("span_end")?),
                quote: row.text("quote"),
                kind,
                actor: row.opt_text("actor", &mut empties, || path("actor")),
                actor_resolved: row.opt_text("actor_resolved", &mut empties, || path("actor_resolved")),
                addressee: row.opt_text("addressee", &mut empties, || path("addressee")),
                cue: row.opt_text("cue", &mut empties, || path("cue")),
                intensifier: row.opt_text("intensifier", &mut empties, || path("intensifier")),
                future_oriented: row.boolean("future_oriented")?,
                conditional: row.boolean("conditional")?,
                references: Vec::new(),
                method: Method {
                    kind: row.name("method_type", |n| match n {
                        "rule" => Some(MethodKind::Rule),
                        "manual" => Some(MethodKind::Manual),
                        _ => None,
                    })?,
                    rule: row.opt_text("method_rule", &mut empties, || path("method.rule")),
                    codebook: row.opt_text("method_codebook", &mut empties, || path("method.codebook")),
                    annotator: row.opt_text("method_annotator", &mut empties, || path("method.annotator")),
                },
                assessments: Vec::new(),
                id: commitment_id,
            };
            let cid = Some(commitment.id.as_str());
            commitment.references =
                references.rows_for(&id, cid)?.iter().map(|row| row.text("reference")).collect();
            for (j, row) in assessments.rows_for(&id, cid)?.into_iter().enumerate() {
                commitment.assessments.push(Assessment {
                    score: row.required_number("score")?,
                    period_start: row.date("period_start")?,
                    period_end: row.date("period_end")?,
                    evidence: row.opt_text("evidence", &mut empties, || {
                        format!("$.commitments[{i}].assessments[{j}].evidence")
                    }),
                    assessor: row.text("assessor"),
                });
            }
            statement.commitments.push(commitment);
        }
        for cursor in [references, assessments] {
            if let Some(row) = cursor.next_for(&id, None)? {
                let commitment = row.text("commitment_id");
                return Err(row.error(
                    "commitment_id",
                    format!("{commitment:?} is not a commitment of statement {id:?}"),
                ));
            }
        }
        for row in notes.rows_for(&id, None)? {
            statement.notes.push(Note {
                code: row.text("code"),
                message: row.text("message"),
                source_span: row.span("source_start", "source_end")?,
            });
        }
        if let Some(row) = empties.0.into_values().min_by_key(|row| row.byte) {
            let path = row.text("path");
            return Err(row.error(
                "path",
                format!("{path:?} does not name an empty optional text of statement {id:?}"),
            ));
        }
        Ok(Some(statement))
    }
}
