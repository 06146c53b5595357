//! Scripts that load a CSV folder into pandas, DuckDB or R exactly as it was written.
//!
//! Each tool guesses by default, and its guesses lose data in our tables: pandas turns
//! the texts `NA`, `null`, `N/A`, `NaN`, `None`, `#N/A`, `NULL` and `n/a` into missing
//! values, `007` into 7, `TRUE` into a boolean and `1e5` into 100000.0; DuckDB's and
//! readr's type sniffing do the same to ids and numbers held as text. The scripts here
//! turn every guess off: only an empty cell is missing (the folder's CSVW `null` is
//! `""`), and every column gets the type the column definition declares (the one behind
//! `csv-metadata.json` and `datapackage.json`).

use crate::schema::{Datatype, FileName as _, TABLES, Table};
use std::fmt::Write as _;

/// A tool a loading script is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Loader {
    /// Python with pandas: one `DataFrame` per table, `read_csv` with
    /// `keep_default_na=False`, `na_values=[""]` and a `dtype` for every column
    /// (`string`, nullable `Int64`, nullable `boolean`; dates and timestamps stay text).
    Pandas,
    /// DuckDB SQL: one view per table over `read_csv` with `auto_detect = false`,
    /// `nullstr = ''` and a type for every column (`VARCHAR`, `BIGINT`, `BOOLEAN`,
    /// `DATE`).
    DuckDb,
    /// R with readr: one tibble per table, `read_csv` with `na = ""` and `col_types`
    /// for every column (character, integer, logical, date).
    R,
}

impl Loader {
    /// Every tool, in the order `--help` lists them.
    pub const ALL: [Self; 3] = [Self::Pandas, Self::DuckDb, Self::R];

    /// The tool's name on the command line: `pandas`, `duckdb`, `r`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Pandas => "pandas",
            Self::DuckDb => "duckdb",
            Self::R => "r",
        }
    }

    /// The tool named `name` (as [`Loader::name`] gives it, any case), if there is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|tool| tool.name().eq_ignore_ascii_case(name))
    }

    /// A script that loads every table of the CSV folder `folder` (a path as the script
    /// will see it, such as `out/csv`) with [`Loader`]'s settings: Python for
    /// [`Loader::Pandas`] (a variable per table: `statements`, `commitments`, …), SQL for
    /// [`Loader::DuckDb`] (`CREATE VIEW statements AS …`), R for [`Loader::R`].
    #[must_use]
    pub fn script(self, folder: &str) -> String {
        match self {
            Self::Pandas => pandas(folder),
            Self::DuckDb => duckdb(folder),
            Self::R => r(folder),
        }
    }
}

/// A string literal Python and R both read back as `text` (JSON's escapes are theirs).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An SQL string literal.
fn sql_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn folder_slash(folder: &str) -> String {
    if folder.is_empty() || folder.ends_with('/') { folder.to_owned() } else { format!("{folder}/") }
}

const HEADER: &str = "Reads the communique CSV tables (layout communique-csv/1) as they were written: only an empty cell is missing, text stays text, every column has its declared type.";

fn pandas_type(datatype: Datatype) -> &'static str {
    match datatype {
        Datatype::Position | Datatype::Count | Datatype::Score => "Int64",
        Datatype::Boolean => "boolean",
        Datatype::Text | Datatype::Enum(_) | Datatype::Date | Datatype::Timestamp | Datatype::HexDigest => {
            "string"
        }
    }
}

fn pandas(folder: &str) -> String {
    let mut out =
        format!("# {HEADER}\nimport pandas as pd\n\nFOLDER = {}\n\n", quoted(&folder_slash(folder)));
    out.push_str(
        "def read_table(name, dtype):\n    return pd.read_csv(FOLDER + name + \".csv\", dtype=dtype, keep_default_na=False,\n                       na_values=[\"\"], encoding=\"utf-8\")\n",
    );
    for table in TABLES {
        let _ = write!(out, "\n{} = read_table({}, {{", table.name, quoted(table.name));
        for (i, column) in table.columns.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            let _ =
                write!(out, "{separator}{}: {}", quoted(column.name), quoted(pandas_type(column.datatype)));
        }
        out.push_str("})\n");
    }
    out
}

fn duckdb_type(datatype: Datatype) -> &'static str {
    match datatype {
        Datatype::Position | Datatype::Count | Datatype::Score => "BIGINT",
        Datatype::Boolean => "BOOLEAN",
        Datatype::Date => "DATE",
        Datatype::Text | Datatype::Enum(_) | Datatype::Timestamp | Datatype::HexDigest => "VARCHAR",
    }
}

fn duckdb(folder: &str) -> String {
    let folder = folder_slash(folder);
    let mut out = format!("-- {HEADER}\n");
    for table in TABLES {
        let path = format!("{folder}{}", table.file_name());
        let _ = write!(
            out,
            "\nCREATE OR REPLACE VIEW {} AS SELECT * FROM read_csv({}, header = true, auto_detect = false, nullstr = '', quote = '\"', escape = '\"', delim = ',', columns = {{",
            table.name,
            sql_quoted(&path)
        );
        for (i, column) in table.columns.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            let _ = write!(
                out,
                "{separator}{}: {}",
                sql_quoted(column.name),
                sql_quoted(duckdb_type(column.datatype))
            );
        }
        out.push_str("});\n");
    }
    out
}

fn r_type(datatype: Datatype) -> char {
    match datatype {
        Datatype::Position | Datatype::Count | Datatype::Score => 'i',
        Datatype::Boolean => 'l',
        Datatype::Date => 'D',
        Datatype::Text | Datatype::Enum(_) | Datatype::Timestamp | Datatype::HexDigest => 'c',
    }
}

fn r(folder: &str) -> String {
    let mut out = format!("# {HEADER}\nlibrary(readr)\n\nfolder <- {}\n", quoted(&folder_slash(folder)));
    out.push_str(
        "read_table <- function(name, types) {\n  read_csv(paste0(folder, name, \".csv\"), col_types = types, na = \"\",\n           locale = locale(encoding = \"UTF-8\"), trim_ws = FALSE, progress = FALSE)\n}\n",
    );
    for table in TABLES {
        let types: String = table.columns.iter().map(|column| r_type(column.datatype)).collect();
        let _ = writeln!(
            out,
            "{} <- read_table({}, {})  # {}",
            table.name,
            quoted(table.name),
            quoted(&types),
            columns(table)
        );
    }
    out
}

/// The column names of `table`, comma-separated (a comment beside R's compact types).
fn columns(table: &Table) -> String {
    table.columns.iter().map(|column| column.name).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for tool in Loader::ALL {
            assert_eq!(Loader::from_name(tool.name()), Some(tool));
        }
        assert_eq!(Loader::from_name("DuckDB"), Some(Loader::DuckDb));
        assert_eq!(Loader::from_name("excel"), None);
    }

    #[test]
    fn literals_escape_what_would_end_them() {
        assert_eq!(quoted(r#"out "x"\y"#), r#""out \"x\"\\y""#);
        assert_eq!(quoted("a\nb\u{1}"), r#""a\nb\u0001""#);
        assert_eq!(sql_quoted("it's"), "'it''s'");
    }

    #[test]
    fn every_table_and_column_is_typed() {
        // Worked out from the column definitions: 10 tables; the commitments table has
        // 22 columns, of which position, span_start and span_end are integers and
        // future_oriented and conditional booleans.
        let pandas = Loader::Pandas.script("out/csv");
        assert_eq!(pandas.matches(" = read_table(").count(), 10);
        let commitments = pandas.lines().find(|l| l.starts_with("commitments = ")).unwrap();
        assert_eq!(commitments.matches(": \"").count(), 22);
        assert_eq!(commitments.matches("\"Int64\"").count(), 3);
        assert_eq!(commitments.matches("\"boolean\"").count(), 2);
        assert!(pandas.contains("FOLDER = \"out/csv/\""));
        assert!(pandas.contains("keep_default_na=False"));

        let duckdb = Loader::DuckDb.script("out/csv/");
        assert_eq!(duckdb.matches("CREATE OR REPLACE VIEW").count(), 10);
        assert!(duckdb.contains("read_csv('out/csv/statements.csv'"));
        assert!(duckdb.contains("'issued': 'DATE'"));
        assert!(duckdb.contains("nullstr = ''"));

        let r = Loader::R.script("out/csv");
        let line = r.lines().find(|l| l.starts_with("commitments <- ")).unwrap();
        assert!(line.starts_with("commitments <- read_table(\"commitments\", \"ciccii"), "{line}");
    }
}
