//! The glue between the command and the format crates: which writer or reader serves
//! which [`Format`]. No format logic lives here, only the choice and the plumbing.

use crate::inputs::{Origin, Work};
use crate::outputs::{JsonFiles, Sink, Staged, target, temp_file};
use anyhow::{Context, Result};
use communique::Format;
use communique::model::Statement;
use communique::model::json::JsonLinesWriter;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use tempfile::NamedTempFile;

/// Options that shape the outputs.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Base IRI of JSON-LD node IRIs.
    pub base_iri: Option<String>,
    /// Neutralise spreadsheet formulas in CSV cells.
    pub excel_safe: bool,
}

/// A sink that writes `format` into the output folder `out`.
pub fn sink(out: &Path, format: Format, options: &OutputOptions) -> Result<Box<dyn Sink>> {
    Ok(match format {
        Format::Json => Box::new(JsonFiles::new(out)?),
        Format::JsonLines => {
            let (file, writer) = temp_file(out, format)?;
            Box::new(Streamed { file, target: target(out, format), writer: JsonLinesWriter::new(writer) })
        }
        Format::Xml => {
            let (file, writer) = temp_file(out, format)?;
            let writer = communique::xml::XmlSerializer::default().for_writer(writer);
            Box::new(Streamed { file, target: target(out, format), writer })
        }
        Format::JsonLd => {
            let (file, writer) = temp_file(out, format)?;
            let mut serializer = communique::jsonld::JsonLdSerializer::default();
            if let Some(base) = &options.base_iri {
                serializer = serializer.with_base_iri(base.clone()).context("--base-iri")?;
            }
            Box::new(Streamed { file, target: target(out, format), writer: serializer.for_writer(writer) })
        }
        Format::Csv => {
            let dir = tempfile::Builder::new().prefix(".csv.").tempdir_in(out)?;
            let writer = communique::csv::CsvSerializer::default()
                .with_excel_safe(options.excel_safe)
                .for_dir(dir.path())
                .context("cannot start the CSV tables")?;
            Box::new(CsvTables { dir, target: target(out, format), writer })
        }
        other => anyhow::bail!("{other} is an input format only"),
    })
}

/// A streaming writer of one file, as every format crate offers.
pub trait StatementWriter: Send {
    /// Appends a statement.
    fn serialize(&mut self, statement: &Statement) -> std::io::Result<()>;
    /// Completes the document and returns the underlying buffered file.
    fn complete(self: Box<Self>) -> std::io::Result<BufWriter<File>>;
}

macro_rules! statement_writer {
    ($($ty:ty),*) => {$(
        impl StatementWriter for $ty {
            fn serialize(&mut self, statement: &Statement) -> std::io::Result<()> {
                self.serialize_statement(statement)
            }
            fn complete(self: Box<Self>) -> std::io::Result<BufWriter<File>> {
                (*self).finish()
            }
        }
    )*};
}

statement_writer!(
    JsonLinesWriter<BufWriter<File>>,
    communique::xml::WriterXmlSerializer<BufWriter<File>>,
    communique::jsonld::WriterJsonLdSerializer<BufWriter<File>>
);

struct Streamed<W> {
    file: NamedTempFile,
    target: std::path::PathBuf,
    writer: W,
}

impl<W: StatementWriter + 'static> Sink for Streamed<W> {
    fn write(&mut self, statement: &Statement) -> Result<()> {
        self.writer.serialize(statement).with_context(|| format!("cannot write {}", self.target.display()))
    }

    fn finish(self: Box<Self>) -> Result<Staged> {
        let Streamed { file, target, writer } = *self;
        let mut inner =
            Box::new(writer).complete().with_context(|| format!("cannot write {}", target.display()))?;
        inner.flush()?;
        inner.get_ref().sync_all()?;
        Ok(Staged::File(file, target))
    }
}

struct CsvTables {
    dir: tempfile::TempDir,
    target: std::path::PathBuf,
    writer: communique::csv::CsvDirWriter,
}

impl Sink for CsvTables {
    fn write(&mut self, statement: &Statement) -> Result<()> {
        self.writer.serialize_statement(statement).context("cannot write the CSV tables")
    }

    fn finish(self: Box<Self>) -> Result<Staged> {
        let CsvTables { dir, target, writer } = *self;
        writer.finish().context("cannot complete the CSV tables")?;
        Ok(Staged::Dir(dir, target))
    }
}

/// Reads the statements of an XML, JSON-LD or CSV input, in order.
pub fn read(path: &Path, format: Format) -> Box<dyn Iterator<Item = Work> + Send> {
    let shared: Arc<Path> = Arc::from(path);
    let fail = |message: String| -> Box<dyn Iterator<Item = Work> + Send> {
        let origin = Origin { path: shared.clone(), position: String::new() };
        Box::new(std::iter::once(Work::Done { origin, result: Err(message) }))
    };
    let records: Box<dyn Iterator<Item = Result<Statement, String>> + Send> = match format {
        Format::Xml => match File::open(path) {
            Ok(file) => Box::new(
                communique::xml::XmlParser::default()
                    .for_reader(BufReader::new(file))
                    .map(|r| r.map_err(|e| e.to_string())),
            ),
            Err(e) => return fail(format!("cannot read: {e}")),
        },
        Format::JsonLd => match File::open(path) {
            Ok(file) => Box::new(
                communique::jsonld::JsonLdParser::default()
                    .for_reader(BufReader::new(file))
                    .map(|r| r.map_err(|e| e.to_string())),
            ),
            Err(e) => return fail(format!("cannot read: {e}")),
        },
        Format::Csv => match communique::csv::CsvParser::default().for_dir(path) {
            Ok(reader) => Box::new(reader.map(|r| r.map_err(|e| e.to_string()))),
            Err(e) => return fail(e.to_string()),
        },
        other => return fail(format!("{other} is not read here")),
    };
    let mut n = 0;
    Box::new(records.map(move |result| {
        n += 1;
        Work::Done { origin: Origin { path: shared.clone(), position: format!("record {n}") }, result }
    }))
}
