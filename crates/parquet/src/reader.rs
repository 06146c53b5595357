//! The streaming reader: one cursor per table file, merged on `statement_id`, set of
//! tables after set of tables (the shards of a folder in order).

use crate::Shard;
use crate::error::{ParquetParseError, ParquetSyntaxError, file_error};
use crate::schema::{LAYOUT, LAYOUT_KEY, arrow_type, file_name, statements_file};
use arrow_array::RecordBatch;
use arrow_array::cast::AsArray as _;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, ArrayRef};
use communique_model::chrono::NaiveDate;
use communique_model::table::{
    KeyRows, RowKey, RowOrder, TABLES, Table, keyed_by_commitment, tables_in_order,
};
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, DigestAlgorithm, Fixity, Method, MethodKind,
    Note, Paragraph, ParagraphKind, Source, Span, Statement, StatementKind, Timestamp,
};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Rows read from a table file at once.
const BATCH_ROWS: usize = 4096;

/// Configuration of the Parquet reader; [`ParquetParser::for_dir`] opens a folder.
///
/// ```
/// use communique_parquet::ParquetParser;
/// let folder = tempfile::tempdir().unwrap();
/// // A folder without a statements table is refused.
/// let error = ParquetParser::default().for_dir(folder.path()).unwrap_err();
/// assert!(error.to_string().contains("statements.parquet"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct ParquetParser {}

/// True when `dir` is a folder holding a set of communique Parquet tables: a
/// `statements.parquet`, or the statements table of a shard (`statements-2-of-4.parquet`).
#[must_use]
pub fn is_parquet_folder(dir: &Path) -> bool {
    table_sets(dir).is_ok_and(|sets| !sets.is_empty())
}

/// The sets of tables in `dir`, in reading order: the unsharded set first, then the
/// shards by count and index.
fn table_sets(dir: &Path) -> std::io::Result<Vec<Option<Shard>>> {
    let mut sets = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(TABLES[0].name).and_then(|r| r.strip_suffix(".parquet")) else {
            continue;
        };
        if rest.is_empty() {
            sets.push(None);
        } else if let Some(shard) = Shard::from_suffix(rest) {
            sets.push(Some(shard));
        }
    }
    sets.sort_by_key(|set| set.map(|shard| (shard.count(), shard.index())));
    Ok(sets)
}

impl ParquetParser {
    /// Opens the Parquet folder at `dir`: finds its sets of tables (one set, or the
    /// shards of a sharded conversion, each marked by its statements table), and opens
    /// the first set, checking every table's columns against the column definitions.
    ///
    /// The returned iterator yields the statements in the order of the statements table,
    /// set after set (shard 1 of N before shard 2), each with its rows of the other
    /// tables, whatever their order: rows may have been sorted or moved since they were
    /// written. When a set is opened, the key columns of its tables (statement,
    /// commitment, position) are read first to check the order the writer gives; a
    /// table in that order is then read once from start to end, a batch of rows at a
    /// time, and memory holds one statement and a batch per table. A table out of that
    /// order is read whole into memory and its rows taken in the order written. After
    /// the first error it yields nothing more.
    ///
    /// # Errors
    ///
    /// [`ParquetParseError::Syntax`] when the folder has no statements table, a table of
    /// the first set is missing, is not Parquet, has other columns or types, or carries
    /// another layout in its metadata; [`ParquetParseError::Io`] when the folder or a
    /// file cannot be read. (The sets after the first are opened when reached.)
    pub fn for_dir(self, dir: impl AsRef<Path>) -> Result<DirParquetParser, ParquetParseError> {
        let dir = dir.as_ref().to_path_buf();
        let sets = table_sets(&dir).map_err(|e| file_error(&dir, e))?;
        if sets.is_empty() {
            return Err(ParquetSyntaxError::new(
                statements_file(None),
                None,
                None,
                format!("is missing: {} holds no communique Parquet tables", dir.display()),
            )
            .into());
        }
        let mut sets: VecDeque<_> = sets.into();
        let first = sets.pop_front().expect("one set at least");
        let current = Some(TableSet::open(&dir, first)?);
        Ok(DirParquetParser { dir, sets, current, records: 0, finished: false })
    }
}

/// A Parquet folder being read, an iterator of the statements in it; made by
/// [`ParquetParser::for_dir`].
///
/// Yields each statement in the order written, or the error that stops it.
#[derive(Debug)]
#[must_use]
pub struct DirParquetParser {
    dir: PathBuf,
    /// Sets of tables not yet opened.
    sets: VecDeque<Option<Shard>>,
    current: Option<TableSet>,
    /// Statements read so far, over all sets.
    records: u64,
    finished: bool,
}

impl DirParquetParser {
    /// The folder being read.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The shards found in the folder, in reading order (`None` for an unsharded set),
    /// the one being read included.
    #[must_use]
    pub fn shards(&self) -> Vec<Option<Shard>> {
        self.current.iter().map(|set| set.shard).chain(self.sets.iter().copied()).collect()
    }

    fn next_statement(&mut self) -> Result<Option<Statement>, ParquetParseError> {
        loop {
            let Some(set) = &mut self.current else { return Ok(None) };
            if let Some(statement) = set.next_statement()? {
                return Ok(Some(statement));
            }
            self.current = match self.sets.pop_front() {
                Some(shard) => Some(TableSet::open(&self.dir, shard)?),
                None => None,
            };
        }
    }
}

impl Iterator for DirParquetParser {
    type Item = Result<Statement, ParquetParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let record = self.records + 1;
        let result = self.next_statement().map_err(|error| match error {
            ParquetParseError::Syntax(error) => ParquetParseError::Syntax(error.in_record(record)),
            other => other,
        });
        match &result {
            Ok(Some(_)) => self.records = record,
            _ => self.finished = true,
        }
        result.transpose()
    }
}

/// The ten tables of one set, being read.
#[derive(Debug)]
struct TableSet {
    shard: Option<Shard>,
    cursors: Vec<Cursor>,
}

impl TableSet {
    fn open(dir: &Path, shard: Option<Shard>) -> Result<Self, ParquetParseError> {
        let mut cursors = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            cursors.push(Cursor::open(dir, table, shard)?);
        }
        let mut keys =
            TABLES.iter().map(|table| KeyReader::open(dir, table, shard)).collect::<Result<Vec<_>, _>>()?;
        let in_order = tables_in_order(&mut KeyReaders(&mut keys))?;
        if in_order.contains(&false) {
            let mut order = RowOrder::new();
            let mut statements = KeyReader::open(dir, TABLES[0], shard)?;
            while statements.next_row()? {
                order.add_statement(statements.key().statement);
            }
            if (1..TABLES.len()).any(|table| keyed_by_commitment(table) && !in_order[table]) {
                let index =
                    TABLES.iter().position(|table| table.name == "commitments").expect("commitments table");
                let mut commitments = KeyReader::open(dir, TABLES[index], shard)?;
                while commitments.next_row()? {
                    order.add_commitment(commitments.key());
                }
            }
            for (table, cursor) in cursors.iter_mut().enumerate() {
                if !in_order[table] {
                    let rows = KeyReader::open(dir, TABLES[table], shard)?.sorted(table, &order)?;
                    cursor.reorder(rows)?;
                }
            }
        }
        Ok(Self { shard, cursors })
    }
}

/// The key columns of one table file (`statement_id`, and `commitment_id` and `position`
/// where it has them), read row by row: what the order check and the sorting of a table
/// out of order read.
struct KeyReader {
    file: String,
    batches: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    /// Index of the current row in the batch, and the batch's length.
    at: usize,
    len: usize,
    started: bool,
    /// Indexes of the key columns in the batch.
    statement: usize,
    commitment: Option<usize>,
    position: Option<usize>,
}

impl KeyReader {
    /// Opens the key columns of a table whose cursor is open (its columns checked).
    fn open(dir: &Path, table: &'static Table, shard: Option<Shard>) -> Result<Self, ParquetParseError> {
        let file = file_name(table, shard);
        let path = dir.join(&file);
        let fail = |message: String| ParquetSyntaxError::new(file.clone(), None, None, message);
        let opened = File::open(&path).map_err(|e| file_error(&path, e))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(opened)
            .map_err(|e| fail(format!("is not a readable Parquet file: {e}")))?;
        let names = ["statement_id", "commitment_id", "position"];
        let roots: Vec<usize> = names.iter().filter_map(|name| table.column_index(name)).collect();
        let mask = ProjectionMask::roots(builder.parquet_schema(), roots.iter().copied());
        let batches = builder
            .with_projection(mask)
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| fail(format!("is not a readable Parquet file: {e}")))?;
        // The projected columns keep the order of the table's.
        let index = |name: &str| table.column_index(name).map(|i| roots.iter().filter(|&&r| r < i).count());
        Ok(Self {
            file,
            batches,
            batch: None,
            at: 0,
            len: 0,
            started: false,
            statement: 0,
            commitment: index("commitment_id"),
            position: index("position"),
        })
    }

    fn next_row(&mut self) -> Result<bool, ParquetParseError> {
        if self.started {
            self.at += 1;
        }
        self.started = true;
        while self.at >= self.len {
            match self.batches.next() {
                None => return Ok(false),
                Some(Ok(batch)) => {
                    self.len = batch.num_rows();
                    self.batch = Some(batch);
                    self.at = 0;
                }
                Some(Err(error)) => {
                    return Err(ParquetSyntaxError::new(
                        self.file.clone(),
                        None,
                        None,
                        format!("cannot be read: {error}"),
                    )
                    .into());
                }
            }
        }
        Ok(true)
    }

    fn key(&self) -> RowKey<'_> {
        let Some(batch) = &self.batch else { return RowKey::default() };
        let text = |index: Option<usize>| {
            index.map_or(&[][..], |i| {
                let array = batch.column(i).as_string::<i32>();
                if array.is_valid(self.at) { array.value(self.at).as_bytes() } else { &[] }
            })
        };
        let position = self.position.and_then(|i| {
            let array = batch.column(i).as_primitive::<Int64Type>();
            array.is_valid(self.at).then(|| array.value(self.at)).and_then(|p| u64::try_from(p).ok())
        });
        RowKey { statement: text(Some(self.statement)), commitment: text(self.commitment), position }
    }

    /// The 0-based index of every row, in the order written (table `table` of [`TABLES`]).
    fn sorted(mut self, table: usize, order: &RowOrder) -> Result<Vec<u64>, ParquetParseError> {
        let mut rows = Vec::new();
        let mut row = 0u64;
        while self.next_row()? {
            rows.push((order.sort_key(table, self.key()), row));
            row += 1;
        }
        rows.sort_by_key(|(key, _)| *key);
        Ok(rows.into_iter().map(|(_, row)| row).collect())
    }
}

/// The key readers of every table of a set, for [`tables_in_order`].
struct KeyReaders<'a>(&'a mut [KeyReader]);

impl KeyRows for KeyReaders<'_> {
    type Error = ParquetParseError;

    fn next_row(&mut self, table: usize) -> Result<bool, ParquetParseError> {
        self.0[table].next_row()
    }

    fn key(&self, table: usize) -> RowKey<'_> {
        self.0[table].key()
    }
}

/// A table read whole, its rows taken in the order written.
struct Reorder {
    batches: Vec<RecordBatch>,
    /// Rows of the file before each batch.
    starts: Vec<u64>,
    /// 0-based row indexes, in the order written.
    order: std::vec::IntoIter<u64>,
}

/// One table file being read, a batch of rows at a time, with a current row.
struct Cursor {
    table: &'static Table,
    file: String,
    batches: ParquetRecordBatchReader,
    /// The columns of the current batch, and its length.
    columns: Vec<ArrayRef>,
    len: usize,
    /// Index of the current row in the batch.
    at: usize,
    /// Rows of the file before the current batch.
    before: u64,
    ended: bool,
    /// For a table out of the order written: its rows, and that order.
    reorder: Option<Reorder>,
}

impl std::fmt::Debug for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cursor").field("file", &self.file).field("row", &self.row()).finish_non_exhaustive()
    }
}

impl Cursor {
    fn open(dir: &Path, table: &'static Table, shard: Option<Shard>) -> Result<Self, ParquetParseError> {
        let name = file_name(table, shard);
        let path = dir.join(&name);
        let fail = |message: String| ParquetSyntaxError::new(name.clone(), None, None, message);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(fail(format!(
                    "is missing: every set of tables has all ten ({} is there)",
                    statements_file(shard)
                ))
                .into());
            }
            Err(error) => return Err(file_error(&path, error).into()),
        };
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(|e| fail(format!("is not a readable Parquet file: {e}")))?;
        let metadata = builder.metadata().file_metadata();
        let layout = metadata
            .key_value_metadata()
            .and_then(|pairs| pairs.iter().find(|pair| pair.key == LAYOUT_KEY))
            .and_then(|pair| pair.value.as_deref());
        if let Some(layout) = layout
            && layout != LAYOUT
        {
            return Err(fail(format!("has the layout {layout:?}; this reader reads {LAYOUT:?}")).into());
        }
        let schema = builder.schema().clone();
        for (i, column) in table.columns.iter().enumerate() {
            let Some(field) = schema.fields().get(i) else {
                return Err(fail(format!(
                    "has {} columns, expected {}",
                    schema.fields().len(),
                    table.columns.len()
                ))
                .into());
            };
            if field.name() != column.name {
                return Err(fail(format!(
                    "column {} is {:?} where {:?} was expected",
                    i + 1,
                    field.name(),
                    column.name
                ))
                .into());
            }
            let want = arrow_type(column.datatype);
            if field.data_type() != &want {
                return Err(ParquetSyntaxError::new(
                    name.clone(),
                    None,
                    Some(column.name),
                    format!("is of type {} where {want} was expected", field.data_type()),
                )
                .into());
            }
        }
        if schema.fields().len() != table.columns.len() {
            return Err(fail(format!(
                "has {} columns, expected {}",
                schema.fields().len(),
                table.columns.len()
            ))
            .into());
        }
        let batches = builder
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| fail(format!("is not a readable Parquet file: {e}")))?;
        Ok(Self {
            table,
            file: name,
            batches,
            columns: Vec::new(),
            len: 0,
            at: 0,
            before: 0,
            ended: false,
            reorder: None,
        })
    }

    /// 1-based row number of the current row in the file.
    fn row(&self) -> u64 {
        self.before + self.at as u64 + 1
    }

    /// An error about the current row (and the column `column`, when given).
    fn error(&self, column: Option<&'static str>, message: impl Into<String>) -> ParquetParseError {
        ParquetSyntaxError::new(self.file.clone(), Some(self.row()), column, message).into()
    }

    /// Reads the whole table, to take its rows in `order` (0-based indexes).
    fn reorder(&mut self, order: Vec<u64>) -> Result<(), ParquetParseError> {
        let mut batches = Vec::new();
        let mut starts = Vec::new();
        let mut rows = 0u64;
        for batch in &mut self.batches {
            let batch = batch.map_err(|error| {
                ParquetSyntaxError::new(
                    self.file.clone(),
                    Some(rows + 1),
                    None,
                    format!("cannot be read: {error}"),
                )
            })?;
            starts.push(rows);
            rows += batch.num_rows() as u64;
            batches.push(batch);
        }
        self.reorder = Some(Reorder { batches, starts, order: order.into_iter() });
        Ok(())
    }

    /// True when there is a current row, reading the next batch when the last one is
    /// used up (or, for a table out of order, taking its next row in the order written).
    fn has_row(&mut self) -> Result<bool, ParquetParseError> {
        while self.at >= self.len {
            if self.ended {
                return Ok(false);
            }
            if let Some(reorder) = &mut self.reorder {
                let Some(row) = reorder.order.next() else {
                    self.ended = true;
                    return Ok(false);
                };
                let batch = reorder.starts.partition_point(|&start| start <= row) - 1;
                self.columns = reorder.batches[batch].columns().to_vec();
                self.before = reorder.starts[batch];
                self.at = usize::try_from(row - self.before).expect("a row of the batch");
                self.len = self.at + 1;
                continue;
            }
            match self.batches.next() {
                None => {
                    self.ended = true;
                    return Ok(false);
                }
                Some(Ok(batch)) => {
                    self.before += self.len as u64;
                    self.len = batch.num_rows();
                    self.at = 0;
                    self.columns = batch.columns().to_vec();
                }
                Some(Err(error)) => {
                    self.ended = true;
                    return Err(ParquetSyntaxError::new(
                        self.file.clone(),
                        Some(self.before + self.len as u64 + 1),
                        None,
                        format!("cannot be read: {error}"),
                    )
                    .into());
                }
            }
        }
        Ok(true)
    }

    /// Moves to the next row.
    fn advance(&mut self) {
        self.at += 1;
    }

    fn column(&self, name: &str) -> (&'static str, &ArrayRef) {
        let index = self.table.index(name);
        (self.table.columns[index].name, &self.columns[index])
    }

    /// The text of column `name` in the current row, `None` when null.
    fn opt_str(&self, name: &str) -> Option<&str> {
        let (_, array) = self.column(name);
        let array = array.as_string::<i32>();
        array.is_valid(self.at).then(|| array.value(self.at))
    }

    /// A required text.
    fn text(&self, name: &str) -> Result<String, ParquetParseError> {
        match self.opt_str(name) {
            Some(text) => Ok(text.to_owned()),
            None => Err(self.error(Some(self.column(name).0), "is null where a text is required")),
        }
    }

    /// An optional text; one present but empty must be listed in `empty_values` by its
    /// `path`, which is noted in `empties`.
    fn opt_text(&self, name: &str, empties: &mut Empties, path: impl FnOnce() -> String) -> Option<String> {
        let text = self.opt_str(name)?;
        if text.is_empty() {
            empties.found.push(path());
        }
        Some(text.to_owned())
    }

    /// A name from a closed list, parsed by `parse`; null or not a name of the list is an
    /// error.
    fn name<T>(&self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, ParquetParseError> {
        let column = self.column(name).0;
        match self.opt_str(name) {
            Some(text) => parse(text)
                .ok_or_else(|| self.error(Some(column), format!("{text:?} is not one of its names"))),
            None => Err(self.error(Some(column), "is null where a name is required")),
        }
    }

    /// An integer, `None` when null.
    fn int(&self, name: &str) -> Option<i64> {
        let (_, array) = self.column(name);
        let array = array.as_primitive::<Int64Type>();
        array.is_valid(self.at).then(|| array.value(self.at))
    }

    /// A count or position (≥ 0), `None` when null.
    fn count<T: TryFrom<i64>>(&self, name: &str) -> Result<Option<T>, ParquetParseError> {
        let Some(value) = self.int(name) else { return Ok(None) };
        T::try_from(value)
            .map(Some)
            .map_err(|_| self.error(Some(self.column(name).0), format!("{value} is out of range")))
    }

    fn required_count<T: TryFrom<i64>>(&self, name: &str) -> Result<T, ParquetParseError> {
        self.count(name)?
            .ok_or_else(|| self.error(Some(self.column(name).0), "is null where a number is required"))
    }

    /// Checks that the `position` column holds `expected` (1-based).
    fn position(&self, expected: usize) -> Result<(), ParquetParseError> {
        let found: usize = self.required_count("position")?;
        if found == expected {
            Ok(())
        } else {
            Err(self.error(
                Some("position"),
                format!(
                    "is {found} where {expected} was expected: the positions of a list run 1, 2, 3, … (one given twice or left out?)"
                ),
            ))
        }
    }

    fn boolean(&self, name: &str) -> Result<bool, ParquetParseError> {
        let (column, array) = self.column(name);
        let array = array.as_boolean();
        if array.is_valid(self.at) {
            Ok(array.value(self.at))
        } else {
            Err(self.error(Some(column), "is null where true or false is required"))
        }
    }

    fn date(&self, name: &str) -> Result<Option<NaiveDate>, ParquetParseError> {
        let (column, array) = self.column(name);
        let array = array.as_primitive::<Date32Type>();
        if !array.is_valid(self.at) {
            return Ok(None);
        }
        let days = array.value(self.at);
        days.checked_add(UNIX_EPOCH_FROM_CE)
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .map(Some)
            .ok_or_else(|| self.error(Some(column), format!("{days} days from 1970-01-01 is no date")))
    }

    fn timestamp(&self, name: &str) -> Result<Option<Timestamp>, ParquetParseError> {
        let column = self.column(name).0;
        self.opt_str(name)
            .map(|text| text.parse().map_err(|e| self.error(Some(column), format!("{e}"))))
            .transpose()
    }

    /// A span from two count columns: both null is no span, one null an error.
    fn span(&self, start: &str, end: &str) -> Result<Option<Span>, ParquetParseError> {
        match (self.count(start)?, self.count(end)?) {
            (Some(s), Some(e)) => Ok(Some(Span::new(s, e))),
            (None, None) => Ok(None),
            (None, Some(_)) => {
                Err(self.error(Some(self.column(start).0), format!("is null while {end} is not")))
            }
            (Some(_), None) => {
                Err(self.error(Some(self.column(end).0), format!("is null while {start} is not")))
            }
        }
    }

    /// Checks a column derived from `kind`: its value, or null where the kind has none.
    fn derived(&self, name: &str, expected: Option<&str>) -> Result<(), ParquetParseError> {
        let found = self.opt_str(name);
        if found == expected {
            Ok(())
        } else {
            Err(self.error(
                Some(self.column(name).0),
                format!("is {found:?} but the kind's codebook value is {expected:?} (derived columns must agree with kind)"),
            ))
        }
    }

    /// True when the current row belongs to statement `id` (and, for tables keyed by
    /// commitment, to commitment `commitment`).
    fn belongs(&mut self, id: &str, commitment: Option<&str>) -> Result<bool, ParquetParseError> {
        if !self.has_row()? {
            return Ok(false);
        }
        Ok(self.opt_str("statement_id") == Some(id)
            && commitment.is_none_or(|c| self.opt_str("commitment_id") == Some(c)))
    }

    /// Moves to the next row of statement `id` (and commitment `commitment`), checking its
    /// position when the table has one: the `expected`-th (1-based) of its list. False
    /// when the statement's rows here are used up.
    fn next_of(
        &mut self,
        id: &str,
        commitment: Option<&str>,
        expected: usize,
    ) -> Result<bool, ParquetParseError> {
        if !self.belongs(id, commitment)? {
            return Ok(false);
        }
        if self.table.column_index("position").is_some() {
            self.position(expected)?;
        }
        Ok(true)
    }
}

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// Optional texts present but empty: those `empty_values` lists for a statement, and
/// those found reading it; the two must agree.
#[derive(Default)]
struct Empties {
    listed: Vec<(String, u64)>,
    found: Vec<String>,
}

impl TableSet {
    fn next_statement(&mut self) -> Result<Option<Statement>, ParquetParseError> {
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
        if !statements.has_row()? {
            // Every other table must be used up too.
            for cursor in
                [issuers, places, keywords, paragraphs, commitments, references, assessments, notes, empty]
            {
                if cursor.has_row()? {
                    let id = cursor.opt_str("statement_id").unwrap_or_default().to_owned();
                    return Err(cursor.error(
                        Some("statement_id"),
                        format!("statement {id:?} is not in the statements table"),
                    ));
                }
            }
            return Ok(None);
        }
        let row = &*statements;
        let id = row.text("statement_id")?;
        let mut empties = Empties::default();
        while empty.belongs(&id, None)? {
            let path = empty.text("path")?;
            if empties.listed.iter().any(|(listed, _)| *listed == path) {
                return Err(empty.error(Some("path"), format!("{path:?} is listed twice")));
            }
            empties.listed.push((path, empty.row()));
            empty.advance();
        }

        let fixity = match row.opt_str("fixity_algorithm") {
            None => {
                for column in ["fixity_digest", "fixity_size"] {
                    if row.opt_str_or_int_present(column) {
                        return Err(
                            row.error(Some(row.column(column).0), "is set while fixity_algorithm is null")
                        );
                    }
                }
                None
            }
            Some(_) => Some(Fixity {
                algorithm: row
                    .name("fixity_algorithm", |n| (n == "sha-256").then_some(DigestAlgorithm::Sha256))?,
                digest: row.text("fixity_digest")?,
                size: row.required_count("fixity_size")?,
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
        statements.advance();

        while issuers.next_of(&id, None, statement.issuers.len() + 1)? {
            let i = statement.issuers.len();
            statement.issuers.push(Actor {
                name: issuers.text("name")?,
                kind: issuers.name("kind", ActorKind::from_name)?,
                role: issuers.opt_text("role", &mut empties, || format!("$.issuers[{i}].role")),
            });
            issuers.advance();
        }
        while places.next_of(&id, None, statement.places.len() + 1)? {
            statement.places.push(places.text("place")?);
            places.advance();
        }
        while keywords.next_of(&id, None, statement.keywords.len() + 1)? {
            statement.keywords.push(keywords.text("keyword")?);
            keywords.advance();
        }
        while paragraphs.next_of(&id, None, statement.paragraphs.len() + 1)? {
            let i = statement.paragraphs.len();
            let row = &*paragraphs;
            statement.paragraphs.push(Paragraph {
                id: row.text("paragraph_id")?,
                number: row.opt_text("number", &mut empties, || format!("$.paragraphs[{i}].number")),
                kind: row.name("kind", ParagraphKind::from_name)?,
                text: row.text("text")?,
                speaker: row.opt_text("speaker", &mut empties, || format!("$.paragraphs[{i}].speaker")),
                source_span: row.span("source_start", "source_end")?,
            });
            paragraphs.advance();
        }
        while commitments.next_of(&id, None, statement.commitments.len() + 1)? {
            let i = statement.commitments.len();
            let path = |field: &str| format!("$.commitments[{i}].{field}");
            let row = &*commitments;
            let kind = row.name("kind", CommitmentKind::from_name)?;
            row.derived("speech_act_class", Some(kind.speech_act_class().as_str()))?;
            row.derived("cameo_code", Some(kind.cameo_codes()[0]))?;
            row.derived("plover_code", kind.plover_code())?;
            let mut commitment = Commitment {
                id: row.text("commitment_id")?,
                paragraph: row.text("paragraph_id")?,
                span: Span::new(row.required_count("span_start")?, row.required_count("span_end")?),
                quote: row.text("quote")?,
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
            };
            commitments.advance();
            let cid = Some(commitment.id.as_str());
            while references.next_of(&id, cid, commitment.references.len() + 1)? {
                commitment.references.push(references.text("reference")?);
                references.advance();
            }
            while assessments.next_of(&id, cid, commitment.assessments.len() + 1)? {
                let j = commitment.assessments.len();
                let row = &*assessments;
                let score: i64 = row.required_count("score")?;
                let score = i8::try_from(score)
                    .ok()
                    .filter(|s| (-1..=1).contains(s))
                    .ok_or_else(|| row.error(Some("score"), format!("{score} is not -1, 0 or 1")))?;
                commitment.assessments.push(Assessment {
                    score,
                    period_start: row.date("period_start")?,
                    period_end: row.date("period_end")?,
                    evidence: row.opt_text("evidence", &mut empties, || {
                        format!("$.commitments[{i}].assessments[{j}].evidence")
                    }),
                    assessor: row.text("assessor")?,
                });
                assessments.advance();
            }
            statement.commitments.push(commitment);
        }
        for cursor in [references, assessments] {
            if cursor.belongs(&id, None)? {
                let commitment = cursor.opt_str("commitment_id").unwrap_or_default().to_owned();
                return Err(cursor.error(
                    Some("commitment_id"),
                    format!("{commitment:?} is not a commitment of statement {id:?}"),
                ));
            }
        }
        while notes.next_of(&id, None, statement.notes.len() + 1)? {
            statement.notes.push(Note {
                code: notes.text("code")?,
                message: notes.text("message")?,
                source_span: notes.span("source_start", "source_end")?,
            });
            notes.advance();
        }
        check_empties(empties, &id, &empty.file)?;
        Ok(Some(statement))
    }
}

impl Cursor {
    /// True when column `name` of the current row holds a value (of any type).
    fn opt_str_or_int_present(&self, name: &str) -> bool {
        self.column(name).1.is_valid(self.at)
    }
}

/// The empty texts `empty_values` lists for statement `id` must be those read.
fn check_empties(empties: Empties, id: &str, file: &str) -> Result<(), ParquetParseError> {
    let found: HashSet<&str> = empties.found.iter().map(String::as_str).collect();
    if let Some((path, row)) = empties.listed.iter().find(|(path, _)| !found.contains(path.as_str())) {
        return Err(ParquetSyntaxError::new(
            file,
            Some(*row),
            Some("path"),
            format!("{path:?} does not name an empty optional text of statement {id:?}"),
        )
        .into());
    }
    let listed: HashSet<&str> = empties.listed.iter().map(|(path, _)| path.as_str()).collect();
    if let Some(path) = empties.found.iter().find(|path| !listed.contains(path.as_str())) {
        return Err(ParquetSyntaxError::new(
            file,
            None,
            Some("path"),
            format!("does not list {path:?}, an empty optional text of statement {id:?}"),
        )
        .into());
    }
    Ok(())
}
