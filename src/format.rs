//! The formats communique reads and writes, chosen by name or file extension.

use std::fmt;
use std::path::Path;

/// A serialisation of statements.
///
/// ```
/// use communique::Format;
/// assert_eq!(Format::from_extension("jsonld"), Some(Format::JsonLd));
/// assert_eq!(Format::Xml.media_type(), "application/xml");
/// assert_eq!("jsonl".parse::<Format>(), Ok(Format::JsonLines));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// One statement per JSON document (the model's serde form).
    Json,
    /// JSON Lines: one statement a line.
    JsonLines,
    /// Related CSV tables with CSVW and Frictionless descriptors (a folder).
    Csv,
    /// The native XML vocabulary (one statement or a collection).
    Xml,
    /// JSON-LD (schema.org, Dublin Core, PROV-O, W3C Web Annotation).
    JsonLd,
    /// The tables of the CSV folder, typed, in Apache Parquet, with a Data Package
    /// descriptor (a folder; the shards of a conversion may share it).
    Parquet,
    /// Plain text as copied from a web page, repost or mailing list (input only).
    Text,
    /// Markdown with YAML front matter (input only).
    Markdown,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 8] = [
        Self::Json,
        Self::JsonLines,
        Self::Csv,
        Self::Xml,
        Self::JsonLd,
        Self::Parquet,
        Self::Text,
        Self::Markdown,
    ];

    /// The short name used on the command line (`json`, `jsonl`, `csv`, `xml`, `jsonld`,
    /// `parquet`, `txt`, `md`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::JsonLines => "jsonl",
            Self::Csv => "csv",
            Self::Xml => "xml",
            Self::JsonLd => "jsonld",
            Self::Parquet => "parquet",
            Self::Text => "txt",
            Self::Markdown => "md",
        }
    }

    /// IANA media type.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::JsonLines => "application/jsonl",
            Self::Csv => "text/csv",
            Self::Xml => "application/xml",
            Self::JsonLd => "application/ld+json",
            Self::Parquet => "application/vnd.apache.parquet",
            Self::Text => "text/plain",
            Self::Markdown => "text/markdown",
        }
    }

    /// Usual file extension, without the dot (`csv` and `parquet` name a folder of
    /// tables).
    #[must_use]
    pub const fn file_extension(self) -> &'static str {
        self.name()
    }

    /// True for formats communique can write (all but plain text and Markdown).
    #[must_use]
    pub const fn is_writable(self) -> bool {
        !matches!(self, Self::Text | Self::Markdown)
    }

    /// The format of a file extension (without the dot, any case); `None` when unknown.
    #[must_use]
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            "csv" => Some(Self::Csv),
            "xml" => Some(Self::Xml),
            "jsonld" => Some(Self::JsonLd),
            "parquet" => Some(Self::Parquet),
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// The format of a path: a folder holding `csv-metadata.json` is [`Format::Csv`], one
    /// holding a Parquet statements table (`statements.parquet`, or a shard's
    /// `statements-K-of-N.parquet`) is [`Format::Parquet`]; otherwise the file extension
    /// decides.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        if path.is_dir() {
            if path.join("csv-metadata.json").is_file() {
                return Some(Self::Csv);
            }
            return communique_parquet::is_parquet_folder(path).then_some(Self::Parquet);
        }
        path.extension().and_then(|e| e.to_str()).and_then(Self::from_extension)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(f, "unknown format {:?} (expected one of {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownFormat {}

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::from_extension(name.trim()).ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn all_lists_every_format_once_and_names_round_trip() {
        // An exhaustive match: a new format fails to compile here until ALL has it.
        let position = |format: Format| match format {
            Format::Json => 0,
            Format::JsonLines => 1,
            Format::Csv => 2,
            Format::Xml => 3,
            Format::JsonLd => 4,
            Format::Parquet => 5,
            Format::Text => 6,
            Format::Markdown => 7,
        };
        for (i, format) in Format::ALL.into_iter().enumerate() {
            assert_eq!(position(format), i, "{format}");
            assert_eq!(Format::from_extension(format.file_extension()), Some(format));
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert_eq!(Format::from_extension("NDJSON"), Some(Format::JsonLines));
        assert_eq!(Format::JsonLd.media_type(), "application/ld+json");
        assert_eq!(Format::Parquet.media_type(), "application/vnd.apache.parquet");
        assert!(!Format::Markdown.is_writable() && Format::Csv.is_writable());
    }
}
