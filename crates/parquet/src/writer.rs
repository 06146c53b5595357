//! The streaming writer: statements in, rows appended to every table's column builders,
//! handed to Parquet in Arrow record batches and written out in row groups.

use crate::Shard;
use crate::descriptor::{self, TableFile};
use crate::error::{ParquetSerializeError, file_error, write_error};
use crate::schema::{LAYOUT, LAYOUT_KEY, arrow_schema, file_name, suffix};
use arrow_array::builder::{ArrayBuilder, BooleanBuilder, Date32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::SchemaRef;
use communique_model::chrono::{Datelike, NaiveDate};
use communique_model::table::{self, Datatype, EMPTY_VALUES, RowSink, STATEMENTS, TABLES, Table};
use communique_model::{Statement, Timestamp};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;
use sha2::{Digest as _, Sha256};
use std::collections::HashSet;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// Rows buffered in a table's column builders before they go to Parquet as one record
/// batch.
const BATCH_ROWS: usize = 1024;

/// Bytes of text buffered in a table's column builders before they go to Parquet as one
/// record batch, whatever the number of rows. Small batches keep the blocks the allocator
/// hands out and takes back small, so that a long run does not scatter its heap: with
/// 2 MiB batches the peak memory of a 320,000-statement conversion was 1.7 times that of
/// a 20,000-statement one, with 256 KiB batches 1.5 times, for the same time.
const BATCH_TEXT_BYTES: usize = 256 << 10;

/// Encoded bytes at which a table's row group is closed and written out: what bounds the
/// memory a table holds, whatever the number of statements. Parquet keeps a row group in
/// memory until it is closed, and all ten tables have one open at once, so this is kept
/// small: ten tables of 8 MiB held some 80 MiB once a corpus was large enough to fill them.
const ROW_GROUP_BYTES: usize = 1 << 20;

/// Size of the buffer between each table's hasher and its file.
const FILE_BUFFER: usize = 256 * 1024;

/// Record batches waiting for a table's encoder thread, besides the one it encodes: what
/// bounds the memory between the rows laid out and the rows encoded.
const QUEUED_BATCHES: usize = 1;

/// The columns of free text, long and seldom repeated (`table`, `column`): written
/// without statistics (the minimum and maximum of paragraphs filter nothing a query
/// asks, and computing them costs about a tenth of the writing).
pub(crate) const FREE_TEXT: [(&str, &str); 5] = [
    ("statements", "title"),
    ("statements", "source_text"),
    ("paragraphs", "text"),
    ("commitments", "quote"),
    ("notes", "message"),
];

/// Configuration of the Parquet writer; [`ParquetSerializer::for_dir`] starts writing a
/// folder.
///
/// ```
/// use communique_parquet::{ParquetSerializer, Shard};
/// let serializer = ParquetSerializer::default().with_shard(Shard::new(2, 4));
/// assert_eq!(serializer.shard(), Shard::new(2, 4));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct ParquetSerializer {
    shard: Option<Shard>,
    max_row_group_rows: Option<usize>,
    /// Encode every table on the calling thread (not the default).
    inline: bool,
}

impl ParquetSerializer {
    /// Writes the tables of one shard of a conversion: every file name carries the
    /// shard's [suffix](Shard::suffix) (`commitments-2-of-4.parquet`,
    /// `datapackage-2-of-4.json`), so that the shards of one conversion can be written
    /// into one folder. `None` (the default) writes `commitments.parquet` and
    /// `datapackage.json`.
    pub fn with_shard(mut self, shard: Option<Shard>) -> Self {
        self.shard = shard;
        self
    }

    /// The shard written, if any.
    #[must_use]
    pub fn shard(&self) -> Option<Shard> {
        self.shard
    }

    /// Closes a table's row group after `rows` rows at most (at least 1), besides the
    /// size limit every row group has (1 MiB of encoded data). Without it, only the size
    /// limit (and Parquet's default of 1,048,576 rows) applies.
    pub fn with_max_row_group_rows(mut self, rows: usize) -> Self {
        self.max_row_group_rows = Some(rows.max(1));
        self
    }

    /// Encodes and compresses each table on a thread of its own (`true`, the default),
    /// fed with record batches through a bounded queue, or everything on the thread that
    /// writes the statements (`false`). The files are the same byte for byte either way:
    /// each table's file is written by one thread, in the order the statements come.
    pub fn with_encoder_threads(mut self, threads: bool) -> Self {
        self.inline = !threads;
        self
    }

    /// Whether each table is encoded on a thread of its own
    /// ([`with_encoder_threads`](Self::with_encoder_threads)).
    #[must_use]
    pub fn encoder_threads(&self) -> bool {
        !self.inline
    }

    /// The file names a folder written with this configuration gets: each table's
    /// ([`TABLE_NAMES`](crate::TABLE_NAMES) order), then the descriptor.
    #[must_use]
    pub fn file_names(&self) -> Vec<String> {
        TABLES
            .iter()
            .map(|table| file_name(table, self.shard))
            .chain([format!("datapackage{}.json", suffix(self.shard))])
            .collect()
    }

    /// Starts writing a Parquet folder at `dir`, creating it (and its parents) when
    /// missing: one file a table, written in row groups as statements come.
    ///
    /// # Errors
    ///
    /// An I/O error of kind [`io::ErrorKind::AlreadyExists`] when `dir` already holds a
    /// file this writer would write (a table or the descriptor of the same shard):
    /// nothing is overwritten. The I/O error, naming the path, when the folder or a table
    /// cannot be created.
    pub fn for_dir(self, dir: impl AsRef<Path>) -> io::Result<DirParquetSerializer> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| file_error(&dir, e))?;
        for name in self.file_names() {
            let path = dir.join(name);
            if path.exists() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{}: already exists; write a Parquet folder into a new or empty folder, or give each shard its own --shard",
                        path.display()
                    ),
                ));
            }
        }
        let mut tables = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            tables.push(TableWriter::create(&dir, table, self)?);
        }
        Ok(DirParquetSerializer { dir, shard: self.shard, tables, previous_id: None, statements: 0 })
    }

    /// Lays one statement out as the rows of every table, exactly as
    /// [`DirParquetSerializer::serialize_statement`] would append them, without writing.
    /// Pure, so many statements can be prepared on many threads and then written, in
    /// order, with [`DirParquetSerializer::write_prepared`].
    ///
    /// # Errors
    ///
    /// [`ParquetSerializeError`] when two commitments of the statement share an eId (their
    /// references and assessments are joined by it), when a timestamp's year has no
    /// four-digit form (a timestamp is kept as printed, and only that form reads back),
    /// when a count or offset is beyond 2^63 − 1 (a Parquet `INT64`), or when the
    /// statement's texts add up to 4 GiB or more.
    pub fn prepare(&self, statement: &Statement) -> Result<PreparedStatement, ParquetSerializeError> {
        check(statement)?;
        let mut c = Rows::new(statement, Keep::All);
        lay_out(statement, &mut c);
        c.finish()
    }

    /// Whether [`prepare`](Self::prepare) would accept `statement`: `Ok` exactly when it
    /// is `Ok`. The rows are laid out and dropped as they come, so this costs the time of
    /// `prepare` but not its memory.
    ///
    /// # Errors
    ///
    /// The [`ParquetSerializeError`] `prepare` would give.
    pub fn check(&self, statement: &Statement) -> Result<(), ParquetSerializeError> {
        check(statement)?;
        let mut c = Rows::new(statement, Keep::Nothing);
        lay_out(statement, &mut c);
        c.finish().map(drop)
    }
}

/// Lays out every row of `statement` into `c`: the model's tables, then `empty_values`.
fn lay_out(statement: &Statement, c: &mut Rows<'_>) {
    table::rows(statement, c);
    for path in std::mem::take(&mut c.empties) {
        c.row(&EMPTY_VALUES);
        c.text(&path);
        c.end();
    }
    c.end_table(9, c.done_rows as usize + c.cells_rows as usize);
}

/// What [`Rows`] keeps of the rows it lays out.
enum Keep<'w> {
    /// Every row (`prepare`).
    All,
    /// None: only what decides whether the statement can be written (`check`).
    Nothing,
    /// The rows of the last few thousand, handed to the tables as they fill
    /// ([`STREAM_CELLS`]): a large statement written straight into the tables.
    Stream(&'w mut [TableWriter]),
}

/// Values a streaming [`Rows`] holds before handing its rows to their table.
const STREAM_CELLS: usize = 1 << 16;

/// Statements of this many rows' worth of values or more are laid out straight into the
/// tables by `serialize_statement`.
const STREAM_FROM: usize = 1 << 18;

/// Refuses, before any row is made, what would not read back the same.
fn check(s: &Statement) -> Result<(), ParquetSerializeError> {
    let refuse = |message: String| Err(ParquetSerializeError::new(&s.id, message));
    let mut seen = HashSet::with_capacity(s.commitments.len());
    if let Some(twin) = s.commitments.iter().find(|c| !seen.insert(c.id.as_str())) {
        return refuse(format!("two commitments share the eId {:?}", twin.id));
    }
    for timestamp in [s.last_updated, s.published].into_iter().flatten() {
        if !(0..=9999).contains(&timestamp.date().year()) {
            return refuse(format!(
                "the timestamp {timestamp} has no four-digit year (YYYY-MM-DDTHH:MM…), so it cannot be kept as printed"
            ));
        }
    }
    Ok(())
}

/// One value of a row, as [`ParquetSerializer::prepare`] lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// No value (a Parquet null).
    Null,
    /// The statement's id.
    Id,
    /// A text: bytes `start..end` of the prepared statement's text.
    Text {
        start: u32,
        end: u32,
    },
    Int(i64),
    Bool(bool),
    /// Days since 1970-01-01.
    Date(i32),
}

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// A statement's rows being laid out, table after table.
struct Rows<'s> {
    id: &'s str,
    text: String,
    cells: Vec<Cell>,
    rows: [u32; TABLES.len()],
    /// Rows laid out in the current table (for `empty_values`, which `prepare` lays out
    /// itself).
    cells_rows: u32,
    /// Paths of optional texts present but empty, for `empty_values`.
    empties: Vec<String>,
    /// The table of the row being laid out, and the next column of it.
    table: &'static Table,
    column: usize,
    /// Set when the text passed 4 GiB (offsets are 32-bit).
    too_large: bool,
    /// What is kept of the rows.
    keep: Keep<'s>,
    /// Bytes of text laid out so far (all of it: `text` holds only part when streaming).
    text_len: usize,
    /// Rows of the current table already handed to it (streaming).
    done_rows: u32,
    /// The table whose rows are being laid out: its index in `TABLES`.
    index: usize,
    /// The first error of a table the rows were handed to (streaming).
    failed: Option<io::Error>,
    /// A number that does not fit a Parquet `INT64`, when one was met.
    out_of_range: Option<String>,
}

impl<'s> Rows<'s> {
    fn new(s: &'s Statement, keep: Keep<'s>) -> Self {
        if !matches!(keep, Keep::All) {
            return Self {
                id: &s.id,
                text: String::new(),
                cells: Vec::new(),
                rows: [0; TABLES.len()],
                cells_rows: 0,
                empties: Vec::new(),
                table: &STATEMENTS,
                column: 0,
                too_large: false,
                keep,
                text_len: 0,
                done_rows: 0,
                index: 0,
                failed: None,
                out_of_range: None,
            };
        }
        let estimate = s.paragraphs.iter().map(|p| p.text.len() + p.id.len()).sum::<usize>()
            + s.commitments.iter().map(|c| c.quote.len() + c.id.len() * 2 + 64).sum::<usize>()
            + s.source_text.as_ref().map_or(0, String::len)
            + 256;
        let cells = 16 + 8 * s.paragraphs.len() + 22 * s.commitments.len() + 6 * s.notes.len();
        Self {
            id: &s.id,
            text: String::with_capacity(estimate),
            cells: Vec::with_capacity(cells),
            rows: [0; TABLES.len()],
            cells_rows: 0,
            empties: Vec::new(),
            table: &STATEMENTS,
            column: 0,
            too_large: false,
            keep,
            text_len: 0,
            done_rows: 0,
            index: 0,
            failed: None,
            out_of_range: None,
        }
    }

    /// Hands the rows laid out so far, all complete and of the current table, to that
    /// table (streaming only), and empties the buffers.
    fn hand_off(&mut self) {
        let Keep::Stream(tables) = &mut self.keep else { return };
        if self.cells_rows == 0 {
            return;
        }
        if self.failed.is_none()
            && let Err(error) = tables[self.index].append(&self.cells, self.cells_rows, self.id, &self.text)
        {
            self.failed = Some(error);
        }
        self.done_rows += self.cells_rows;
        self.cells_rows = 0;
        self.cells.clear();
        self.text.clear();
    }

    /// Appends the next cell, checking in debug builds that its column's datatype `fits`.
    fn push(&mut self, cell: Cell, fits: fn(Datatype) -> bool) {
        debug_assert!(
            fits(self.table.columns[self.column].datatype),
            "column {} of {}",
            self.table.columns[self.column].name,
            self.table.name
        );
        if !matches!(self.keep, Keep::Nothing) {
            self.cells.push(cell);
        }
        self.column += 1;
    }

    fn text_cell(&mut self, value: &str) -> Cell {
        // Offsets are checked on all the text, as `prepare` holds it whole.
        let whole = (u32::try_from(self.text_len), u32::try_from(self.text_len + value.len()));
        self.text_len += value.len();
        let start = self.text.len();
        if !matches!(self.keep, Keep::Nothing) {
            self.text.push_str(value);
        }
        let end = start + if matches!(self.keep, Keep::Nothing) { 0 } else { value.len() };
        match (whole, u32::try_from(start), u32::try_from(end)) {
            ((Ok(_), Ok(_)), Ok(start), Ok(end)) => Cell::Text { start, end },
            _ => {
                self.too_large = true;
                Cell::Null
            }
        }
    }

    /// An integer of a column whose datatype `fits`; one beyond 2^63 − 1, which no
    /// `INT64` holds, is noted for [`Rows::finish`] to refuse.
    fn int<T: TryInto<i64> + Copy + fmt::Display>(&mut self, value: T, fits: fn(Datatype) -> bool) {
        let cell = match value.try_into() {
            Ok(value) => Cell::Int(value),
            Err(_) => {
                let column = self.table.columns[self.column].name;
                self.out_of_range.get_or_insert_with(|| format!("{}.{column} is {value}", self.table.name));
                Cell::Null
            }
        };
        self.push(cell, fits);
    }

    fn finish(self) -> Result<PreparedStatement, ParquetSerializeError> {
        if self.too_large {
            return Err(ParquetSerializeError::new(
                self.id,
                "its texts add up to 4 GiB or more, more than one prepared statement holds",
            ));
        }
        if let Some(value) = self.out_of_range {
            return Err(ParquetSerializeError::new(
                self.id,
                format!("{value}, more than a Parquet INT64 holds (2^63 - 1)"),
            ));
        }
        if let Some(error) = self.failed {
            return Err(ParquetSerializeError::new(
                self.id,
                format!("a table could not be written: {error}"),
            ));
        }
        Ok(PreparedStatement { id: self.id.to_owned(), text: self.text, cells: self.cells, rows: self.rows })
    }
}

/// The values of the model's relational view (`communique_model::table::rows`), typed.
impl RowSink for Rows<'_> {
    /// Starts a row of `table` with the statement id.
    fn row(&mut self, table: &'static Table) {
        self.table = table;
        self.column = 0;
        self.cells_rows += 1;
        self.push(Cell::Id, |d| d == Datatype::Text);
    }

    fn end(&mut self) {
        debug_assert_eq!(self.column, self.table.columns.len(), "row of {}", self.table.name);
        if self.cells.len() >= STREAM_CELLS {
            self.hand_off();
        }
    }

    fn end_table(&mut self, index: usize, rows: usize) {
        debug_assert_eq!(index, self.index, "tables in order");
        self.hand_off();
        let rows_here = self.done_rows + self.cells_rows;
        debug_assert_eq!(rows, rows_here as usize, "rows of {}", TABLES[index].name);
        self.rows[index] = rows_here;
        self.cells_rows = 0;
        self.done_rows = 0;
        self.index = index + 1;
    }

    fn text(&mut self, value: &str) {
        let cell = self.text_cell(value);
        self.push(cell, |d| d == Datatype::Text);
    }

    /// Null when absent; a text present but empty is the empty text, and listed in
    /// `empty_values` by `path`, as the CSV tables list it.
    fn optional(&mut self, value: &Option<String>, path: impl FnOnce() -> String) {
        match value.as_deref() {
            None => self.push(Cell::Null, |d| d == Datatype::Text),
            Some(value) => {
                if value.is_empty() {
                    self.empties.push(path());
                }
                let cell = self.text_cell(value);
                self.push(cell, |d| d == Datatype::Text);
            }
        }
    }

    fn listed_optional(&mut self, value: &Option<String>) {
        match value.as_deref() {
            None => self.push(Cell::Null, |d| d == Datatype::Text),
            Some(value) => self.text(value),
        }
    }

    fn empty_value(&mut self, path: &str) {
        self.empties.push(path.to_owned());
    }

    fn digest(&mut self, value: &str) {
        let cell = self.text_cell(value);
        self.push(cell, |d| d == Datatype::HexDigest);
    }

    fn name(&mut self, value: &'static str) {
        let cell = self.text_cell(value);
        self.push(cell, |d| matches!(d, Datatype::Enum(_)));
    }

    fn opt_name(&mut self, value: Option<&'static str>) {
        match value {
            Some(value) => self.name(value),
            None => self.push(Cell::Null, |d| matches!(d, Datatype::Enum(_))),
        }
    }

    fn position(&mut self, index: usize) {
        let position = i64::try_from(index).map_or(i64::MAX, |i| i.saturating_add(1));
        self.push(Cell::Int(position), |d| d == Datatype::Position);
    }

    fn count(&mut self, value: usize) {
        self.int(value, |d| d == Datatype::Count);
    }

    fn size(&mut self, value: u64) {
        self.int(value, |d| d == Datatype::Count);
    }

    fn score(&mut self, value: i8) {
        self.int(value, |d| d == Datatype::Score);
    }

    fn date(&mut self, date: Option<NaiveDate>) {
        let cell = date.map_or(Cell::Null, |date| Cell::Date(date.num_days_from_ce() - UNIX_EPOCH_FROM_CE));
        self.push(cell, |d| d == Datatype::Date);
    }

    /// A timestamp as the model prints it.
    fn timestamp(&mut self, timestamp: Option<Timestamp>) {
        let cell = match timestamp {
            Some(timestamp) => self.text_cell(timestamp.to_iso().as_str()),
            None => Cell::Null,
        };
        self.push(cell, |d| d == Datatype::Timestamp);
    }

    fn boolean(&mut self, value: bool) {
        self.push(Cell::Bool(value), |d| d == Datatype::Boolean);
    }

    fn absent(&mut self) {
        self.push(Cell::Null, |_| true);
    }
}

/// One statement laid out as the rows of every table, by [`ParquetSerializer::prepare`],
/// ready for [`DirParquetSerializer::write_prepared`].
///
/// It holds, for each of the ten tables in the order of
/// [`TABLE_NAMES`](crate::TABLE_NAMES), the statement's rows as typed values, and the
/// statement's id. It borrows nothing, so it can be made on one thread and written on
/// another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement {
    id: String,
    /// Every text of every row, one after the other.
    text: String,
    /// Every value of every row, table after table, row after row.
    cells: Vec<Cell>,
    rows: [u32; TABLES.len()],
}

impl PreparedStatement {
    /// Id of the statement.
    #[must_use]
    pub fn statement_id(&self) -> &str {
        &self.id
    }

    /// Number of rows the statement adds to table `TABLE_NAMES[table]`; `None` when
    /// `table` ≥ 10.
    #[must_use]
    pub fn rows(&self, table: usize) -> Option<u64> {
        self.rows.get(table).map(|&rows| u64::from(rows))
    }
}

/// A table file with the byte count and SHA-256 of everything written, for the Data
/// Package's `bytes` and `hash`.
struct HashingFile {
    file: BufWriter<File>,
    hasher: Sha256,
    bytes: u64,
}

impl Write for HashingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.file.write(buf)?;
        self.hasher.update(&buf[..written]);
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// A column of a table being filled, row by row.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
}

impl Builder {
    fn new(datatype: Datatype) -> Self {
        match datatype {
            Datatype::Text | Datatype::Enum(_) | Datatype::Timestamp | Datatype::HexDigest => {
                Self::Text(StringBuilder::new())
            }
            Datatype::Position | Datatype::Count | Datatype::Score => Self::Int(Int64Builder::new()),
            Datatype::Boolean => Self::Bool(BooleanBuilder::new()),
            Datatype::Date => Self::Date(Date32Builder::new()),
        }
    }

    /// Appends `cell` of a statement whose id is `id` and whose texts are `text`; the
    /// number of text bytes appended.
    fn append(&mut self, cell: Cell, id: &str, text: &str) -> usize {
        match (self, cell) {
            (Self::Text(b), Cell::Id) => {
                b.append_value(id);
                id.len()
            }
            (Self::Text(b), Cell::Text { start, end }) => {
                let value = &text[start as usize..end as usize];
                b.append_value(value);
                value.len()
            }
            (Self::Text(b), Cell::Null) => {
                b.append_null();
                0
            }
            (Self::Int(b), Cell::Int(value)) => {
                b.append_value(value);
                0
            }
            (Self::Int(b), Cell::Null) => {
                b.append_null();
                0
            }
            (Self::Bool(b), Cell::Bool(value)) => {
                b.append_value(value);
                0
            }
            (Self::Date(b), Cell::Date(days)) => {
                b.append_value(days);
                0
            }
            (Self::Date(b), Cell::Null) => {
                b.append_null();
                0
            }
            (_, cell) => unreachable!("{cell:?} laid out for a column of another type"),
        }
    }

    /// The values appended since the last call, as an array; the builder starts again
    /// with room for as many values (and as many bytes of text), so that the next batch
    /// is not built by growing its buffers again and again from nothing.
    fn finish(&mut self) -> ArrayRef {
        fn room(n: usize) -> usize {
            n + n / 8
        }
        match self {
            Self::Text(b) => {
                let (rows, bytes) = (ArrayBuilder::len(b), b.values_slice().len());
                let array = b.finish();
                *b = StringBuilder::with_capacity(room(rows), room(bytes));
                Arc::new(array)
            }
            Self::Int(b) => {
                let array = b.finish();
                *b = Int64Builder::with_capacity(room(array.len()));
                Arc::new(array)
            }
            Self::Bool(b) => {
                let array = b.finish();
                *b = BooleanBuilder::with_capacity(room(array.len()));
                Arc::new(array)
            }
            Self::Date(b) => {
                let array = b.finish();
                *b = Date32Builder::with_capacity(room(array.len()));
                Arc::new(array)
            }
        }
    }
}

/// Where a table's record batches are encoded, compressed, hashed and written.
enum Encoder {
    /// On the thread that writes the statements; `None` once finished.
    Inline(Option<Box<ArrowWriter<HashingFile>>>),
    /// On a thread of its own, fed through a bounded queue; both are `None` once
    /// finished.
    Thread { batches: Option<SyncSender<RecordBatch>>, thread: Option<JoinHandle<io::Result<HashingFile>>> },
}

impl Encoder {
    fn new(writer: ArrowWriter<HashingFile>, path: &Path, inline: bool) -> io::Result<Self> {
        if inline {
            return Ok(Self::Inline(Some(Box::new(writer))));
        }
        let (sender, receiver) = sync_channel(QUEUED_BATCHES);
        let thread_path = path.to_path_buf();
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let thread = std::thread::Builder::new()
            .name(format!("parquet-{name}"))
            .spawn(move || encode(writer, &receiver, &thread_path))
            .map_err(|e| file_error(path, e))?;
        Ok(Self::Thread { batches: Some(sender), thread: Some(thread) })
    }

    /// Hands `batch` over to be written; an error of the thread, when it stopped on one.
    fn write(&mut self, batch: RecordBatch, path: &Path) -> io::Result<()> {
        match self {
            Self::Inline(Some(writer)) => writer.write(&batch).map_err(|e| write_error(path, e)),
            Self::Inline(None) => Err(finished(path)),
            Self::Thread { batches, .. } => {
                let sent = batches.as_ref().is_some_and(|sender| sender.send(batch).is_ok());
                if sent { Ok(()) } else { self.finish(path).map(drop) }
            }
        }
    }

    /// Writes the last row group and the footer; the file, flushed by Parquet.
    fn finish(&mut self, path: &Path) -> io::Result<HashingFile> {
        match self {
            Self::Inline(writer) => {
                let writer = writer.take().ok_or_else(|| finished(path))?;
                writer.into_inner().map_err(|e| write_error(path, e))
            }
            Self::Thread { batches, thread } => {
                // Closing the queue tells the thread there are no more batches.
                drop(batches.take());
                let thread = thread.take().ok_or_else(|| finished(path))?;
                thread.join().unwrap_or_else(|_| {
                    Err(file_error(path, io::Error::other("the thread encoding this table panicked")))
                })
            }
        }
    }
}

impl Drop for Encoder {
    /// A table dropped unfinished (the conversion stopped) still has its thread joined,
    /// so that no thread writes into a folder after it is given up.
    fn drop(&mut self) {
        if let Self::Thread { batches, thread } = self {
            drop(batches.take());
            if let Some(thread) = thread.take() {
                let _ = thread.join();
            }
        }
    }
}

/// The error of a table written to after it was finished (or after its thread stopped).
fn finished(path: &Path) -> io::Error {
    file_error(path, io::Error::other("the table is already finished"))
}

/// An encoder thread: writes every batch received, in order, then the footer.
fn encode(
    mut writer: ArrowWriter<HashingFile>,
    batches: &Receiver<RecordBatch>,
    path: &Path,
) -> io::Result<HashingFile> {
    for batch in batches {
        writer.write(&batch).map_err(|e| write_error(path, e))?;
    }
    writer.into_inner().map_err(|e| write_error(path, e))
}

/// One table being written.
struct TableWriter {
    table: &'static Table,
    path: PathBuf,
    schema: SchemaRef,
    encoder: Encoder,
    builders: Vec<Builder>,
    /// Rows and text bytes in the builders, not yet handed to Parquet.
    buffered_rows: usize,
    buffered_text: usize,
    rows: u64,
}

impl fmt::Debug for TableWriter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TableWriter")
            .field("path", &self.path)
            .field("rows", &self.rows)
            .field("buffered_rows", &self.buffered_rows)
            .field("encoder_thread", &matches!(self.encoder, Encoder::Thread { .. }))
            .finish_non_exhaustive()
    }
}

/// The writer properties of `table`'s file: Snappy, row groups of at most
/// [`ROW_GROUP_BYTES`] (and `max_rows` rows, when given), the layout in the key-value
/// metadata, statistics for each row group but no page index (row groups of 1 MiB leave
/// little for a page index to skip, and its entries for every page are held in memory
/// until the footer is written), and the [free-text](FREE_TEXT) columns without
/// statistics.
fn properties(table: &Table, max_rows: Option<usize>) -> WriterProperties {
    let mut properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_statistics_enabled(EnabledStatistics::Chunk)
        .set_offset_index_disabled(true)
        .set_key_value_metadata(Some(vec![KeyValue::new(LAYOUT_KEY.to_owned(), LAYOUT.to_owned())]));
    if let Some(rows) = max_rows {
        properties = properties.set_max_row_group_row_count(Some(rows));
    }
    for &(_, column) in FREE_TEXT.iter().filter(|(name, _)| *name == table.name) {
        let path = ColumnPath::from(column);
        properties = properties.set_column_statistics_enabled(path, EnabledStatistics::None);
    }
    properties.build()
}

impl TableWriter {
    fn create(dir: &Path, table: &'static Table, config: ParquetSerializer) -> io::Result<Self> {
        let path = dir.join(file_name(table, config.shard));
        let file = File::create_new(&path).map_err(|e| file_error(&path, e))?;
        let out = HashingFile {
            file: BufWriter::with_capacity(FILE_BUFFER, file),
            hasher: Sha256::new(),
            bytes: 0,
        };
        let schema = arrow_schema(table);
        let writer =
            ArrowWriter::try_new(out, schema.clone(), Some(properties(table, config.max_row_group_rows)))
                .map_err(|e| write_error(&path, e))?;
        let encoder = Encoder::new(writer, &path, config.inline)?;
        let builders = table.columns.iter().map(|column| Builder::new(column.datatype)).collect();
        Ok(Self { table, path, schema, encoder, builders, buffered_rows: 0, buffered_text: 0, rows: 0 })
    }

    /// Appends `rows` rows whose values are `cells` (row after row).
    fn append(&mut self, cells: &[Cell], rows: u32, id: &str, text: &str) -> io::Result<()> {
        let width = self.builders.len();
        debug_assert_eq!(cells.len(), rows as usize * width, "cells of {}", self.table.name);
        for row in cells.chunks_exact(width) {
            for (builder, &cell) in self.builders.iter_mut().zip(row) {
                self.buffered_text += builder.append(cell, id, text);
            }
        }
        self.buffered_rows += rows as usize;
        self.rows += u64::from(rows);
        if self.buffered_rows >= BATCH_ROWS || self.buffered_text >= BATCH_TEXT_BYTES {
            self.write_batch()?;
        }
        Ok(())
    }

    /// Hands the buffered rows to Parquet as one record batch (which closes a row group
    /// when it reaches its limit).
    fn write_batch(&mut self) -> io::Result<()> {
        if self.buffered_rows == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch =
            RecordBatch::try_new(self.schema.clone(), columns).map_err(|e| write_error(&self.path, e))?;
        self.buffered_rows = 0;
        self.buffered_text = 0;
        self.encoder.write(batch, &self.path)
    }

    fn finish(mut self) -> io::Result<TableFile> {
        self.write_batch()?;
        let HashingFile { file, hasher, bytes } = self.encoder.finish(&self.path)?;
        let path = &self.path;
        let file = file.into_inner().map_err(|e| file_error(path, e.into_error()))?;
        file.sync_all().map_err(|e| file_error(path, e))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(TableFile { name, bytes, sha256: hex(&hasher.finalize()), rows: self.rows })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A Parquet folder being written; made by [`ParquetSerializer::for_dir`].
///
/// Rows are buffered per table and written out in row groups of at most 1 MiB of encoded
/// data, so memory does not grow with the number of statements. Call
/// [`DirParquetSerializer::finish`] at the end: only then are the files' footers and the
/// descriptor written, and a file without its footer is not Parquet.
#[derive(Debug)]
#[must_use]
pub struct DirParquetSerializer {
    dir: PathBuf,
    shard: Option<Shard>,
    tables: Vec<TableWriter>,
    previous_id: Option<String>,
    statements: u64,
}

/// What [`DirParquetSerializer::finish`] wrote: the folder, and each table's file, rows,
/// size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParquetSummary {
    /// The folder.
    pub dir: PathBuf,
    /// The shard written, if any.
    pub shard: Option<Shard>,
    /// Number of statements written.
    pub statements: u64,
    /// Each table, in the order of [`TABLE_NAMES`](crate::TABLE_NAMES).
    pub tables: Vec<TableSummary>,
    /// File name of the Data Package descriptor.
    pub descriptor: String,
}

/// One table written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableSummary {
    /// File name in the folder (`commitments.parquet`).
    pub file: String,
    /// Number of rows.
    pub rows: u64,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, lowercase hexadecimal.
    pub sha256: String,
}

impl DirParquetSerializer {
    /// The folder being written.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Appends one statement: a row to the statements table and its rows to every other
    /// table, in the record's order.
    ///
    /// The statement is not [validated](Statement::validate); anything the model can
    /// hold is written so that it reads back equal, with the exceptions
    /// [`ParquetSerializer::prepare`] refuses, and a statement with the same id as the
    /// one written just before it (its rows would merge with the previous statement's).
    /// Ids must be unique in the whole folder for the descriptor's primary keys to hold;
    /// only the consecutive case is checked here, so that memory stays constant.
    ///
    /// # Errors
    ///
    /// A refused statement as an I/O error of kind [`io::ErrorKind::InvalidInput`]
    /// holding the [`ParquetSerializeError`] (nothing of it is written, and the writer can
    /// go on with the next statement); the I/O error, naming the table, when a table
    /// cannot be written.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        let values = 16
            + 8 * statement.paragraphs.len()
            + 22 * statement.commitments.len()
            + 6 * statement.notes.len();
        if values < STREAM_FROM {
            let prepared = ParquetSerializer::default().prepare(statement)?;
            return self.write_prepared(&prepared);
        }
        // A large statement: checked first (nothing of a refused one is written), then
        // laid out straight into the tables, a few thousand rows at a time.
        self.refuse_repeated_id(&statement.id)?;
        ParquetSerializer::default().check(statement)?;
        let mut rows = Rows::new(statement, Keep::Stream(&mut self.tables));
        lay_out(statement, &mut rows);
        if let Some(error) = rows.failed.take() {
            return Err(error);
        }
        self.written(&statement.id);
        Ok(())
    }

    /// Refuses a statement with the id of the one written just before it.
    fn refuse_repeated_id(&self, id: &str) -> io::Result<()> {
        if self.previous_id.as_deref() == Some(id) {
            return Err(ParquetSerializeError::new(
                id,
                "has the same id as the statement written just before it",
            )
            .into());
        }
        Ok(())
    }

    /// Counts a statement written, and remembers its id.
    fn written(&mut self, id: &str) {
        match &mut self.previous_id {
            Some(previous) => id.clone_into(previous),
            None => self.previous_id = Some(id.to_owned()),
        }
        self.statements += 1;
    }

    /// Appends a statement made by [`ParquetSerializer::prepare`]: the same rows as
    /// [`DirParquetSerializer::serialize_statement`] of that statement would append.
    /// Prepared statements must come in the order the statements are to be written.
    ///
    /// # Errors
    ///
    /// An I/O error of kind [`io::ErrorKind::InvalidInput`] holding a
    /// [`ParquetSerializeError`], before any row is written, when the statement has the
    /// same id as the one written just before it; the I/O error, naming the table, when a
    /// table cannot be written.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        self.refuse_repeated_id(&prepared.id)?;
        let mut start = 0;
        for (table, &rows) in self.tables.iter_mut().zip(&prepared.rows) {
            let end = start + rows as usize * table.builders.len();
            table.append(&prepared.cells[start..end], rows, &prepared.id, &prepared.text)?;
            start = end;
        }
        self.written(&prepared.id);
        Ok(())
    }

    /// Writes out every table's last row group and footer, makes the files durable, and
    /// writes the Data Package descriptor (`datapackage.json`, or
    /// `datapackage-K-of-N.json` for a shard, with each table's size, rows and SHA-256)
    /// through a temporary file renamed into place.
    ///
    /// # Errors
    ///
    /// The I/O error, naming the file, when a table cannot be completed or the descriptor
    /// written.
    pub fn finish(self) -> io::Result<ParquetSummary> {
        let mut files = Vec::with_capacity(self.tables.len());
        for table in self.tables {
            files.push(table.finish()?);
        }
        let descriptor = format!("datapackage{}.json", suffix(self.shard));
        let text = descriptor::to_pretty(&descriptor::datapackage(&files));
        write_atomically(&self.dir, &descriptor, &text)?;
        let tables = files
            .into_iter()
            .map(|f| TableSummary { file: f.name, rows: f.rows, bytes: f.bytes, sha256: f.sha256 })
            .collect();
        Ok(ParquetSummary {
            dir: self.dir,
            shard: self.shard,
            statements: self.statements,
            tables,
            descriptor,
        })
    }
}

/// Writes `name` in `dir` through a temporary file renamed into place.
fn write_atomically(dir: &Path, name: &str, text: &str) -> io::Result<()> {
    let partial = dir.join(format!(".{name}.partial"));
    let path = dir.join(name);
    let result = (|| {
        let mut file = File::create(&partial)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&partial, &path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&partial);
        file_error(&path, e)
    })
}
