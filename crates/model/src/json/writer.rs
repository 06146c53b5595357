//! The JSON Lines writer: one compact record a line, streamed.

use super::to_string_line;
use crate::Statement;
use std::io::{self, Write};

/// Writes statements as JSON Lines, one compact record a line (the model's serde form,
/// fields in model order, absent and empty optional fields omitted, a final LF);
/// [`JsonLinesSerializer::for_writer`] starts writing.
///
/// Writing splits into [`prepare`](Self::prepare) (pure, so many records can be formatted
/// on many threads) and [`write_prepared`](WriterJsonLinesSerializer::write_prepared) (in
/// order); [`serialize_statement`](WriterJsonLinesSerializer::serialize_statement) writes
/// the same bytes as the two in turn.
///
/// ```
/// use communique_model::Statement;
/// use communique_model::json::JsonLinesSerializer;
///
/// let statement = Statement::builder().id("a").body("We stand united.").build()?;
/// let serializer = JsonLinesSerializer::default();
/// let prepared = serializer.prepare(&statement);
/// let mut writer = serializer.for_writer(Vec::new());
/// writer.write_prepared(&prepared)?;
/// let text = String::from_utf8(writer.finish()?)?;
/// assert!(text.starts_with("{\"id\":\"a\",\"kind\":\"other\""));
/// assert!(text.ends_with("}\n") && text.lines().count() == 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct JsonLinesSerializer {}

impl JsonLinesSerializer {
    /// A writer of JSON Lines into `writer` (wrap files in a `BufWriter`).
    pub fn for_writer<W: Write>(self, writer: W) -> WriterJsonLinesSerializer<W> {
        WriterJsonLinesSerializer { writer }
    }

    /// Formats one record as its line, newline included, without writing it: pure, so
    /// many records can be prepared on many threads and written in order with
    /// [`WriterJsonLinesSerializer::write_prepared`]. Every [`Statement`] has a JSON
    /// form, so this cannot fail.
    pub fn prepare(&self, statement: &Statement) -> PreparedStatement {
        let mut line = to_string_line(statement);
        line.push('\n');
        PreparedStatement(line)
    }
}

/// One JSON Lines record formatted by [`JsonLinesSerializer::prepare`], newline included.
///
/// Owns its text (`Send + Sync + 'static`), so it can be made on one thread and written
/// on another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement(String);

impl PreparedStatement {
    /// The line, newline included.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Writes JSON Lines, one record a line; made by [`JsonLinesSerializer::for_writer`].
#[derive(Debug)]
#[must_use]
pub struct WriterJsonLinesSerializer<W: Write> {
    writer: W,
}

/// The writer of JSON Lines before it took the shape of the format crates.
#[deprecated(note = "use JsonLinesSerializer::default().for_writer(writer)")]
pub type JsonLinesWriter<W> = WriterJsonLinesSerializer<W>;

impl<W: Write> WriterJsonLinesSerializer<W> {
    /// A writer into `writer`.
    #[deprecated(note = "use JsonLinesSerializer::default().for_writer(writer)")]
    pub fn new(writer: W) -> Self {
        JsonLinesSerializer::default().for_writer(writer)
    }

    /// Formats one record as its line without writing it.
    #[deprecated(note = "use JsonLinesSerializer::default().prepare(statement)")]
    #[must_use]
    pub fn prepare(statement: &Statement) -> PreparedStatement {
        JsonLinesSerializer::default().prepare(statement)
    }

    /// Appends one record and its newline: the bytes [`write_prepared`](Self::write_prepared)
    /// of [`JsonLinesSerializer::prepare`] writes, formatted straight into the writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        serde_json::to_writer(&mut self.writer, statement)?;
        self.writer.write_all(b"\n")
    }

    /// Appends a record made by [`JsonLinesSerializer::prepare`].
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        self.writer.write_all(prepared.0.as_bytes())
    }

    /// Flushes and returns the inner writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn finish(mut self) -> io::Result<W> {
        self.writer.flush()?;
        Ok(self.writer)
    }
}
