//! Every [`Format`] goes through the facade the same way: `StatementSerializer::from_format`
//! writes, `StatementParser::from_format` reads back the identical records, and the
//! prepared path writes the same bytes as the direct one.

use communique::model::{Statement, json};
use communique::text::{IngestOptions, ingest};
use communique::{Format, StatementParser, StatementSerializer, file_stem};
use std::path::{Path, PathBuf};

fn reference() -> Statement {
    let path =
        communique_testdata::root().join("examples/data/nato-2022-02-16-defence-ministers-ukraine.json");
    json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The hand-coded reference, an ingested Markdown statement and a bare one: three ids.
fn statements() -> Vec<Statement> {
    let markdown = &communique_testdata::whitehouse_files()[0];
    let ingested = ingest(&std::fs::read(markdown).unwrap(), &IngestOptions::default()).unwrap();
    let bare = Statement::builder().id("bare").body("We stand united.").build().unwrap();
    vec![reference(), ingested, bare]
}

/// `statements` written in `format` into `dir` (a folder for CSV and Parquet, else
/// `dir/all.<ext>`),
/// once with `serialize_statement` and once with `prepare` and `write_prepared`; the two
/// must give the same bytes. Returns the path written.
fn write(format: Format, statements: &[Statement], dir: &Path) -> PathBuf {
    let serializer = StatementSerializer::from_format(format);
    if matches!(format, Format::Csv | Format::Parquet) {
        let (direct, prepared) = (dir.join("direct"), dir.join("prepared"));
        let mut writer = serializer.clone().for_dir(&direct).unwrap();
        for statement in statements {
            writer.serialize_statement(statement).unwrap();
        }
        assert_eq!(writer.finish().unwrap(), direct);
        let mut writer = serializer.clone().for_dir(&prepared).unwrap();
        for statement in statements {
            writer.write_prepared(&serializer.prepare(statement).unwrap()).unwrap();
        }
        writer.finish().unwrap();
        let mut names: Vec<_> = std::fs::read_dir(&direct).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        // Ten tables and their descriptors: two for CSV, one for Parquet.
        assert_eq!(names.len(), if format == Format::Csv { 12 } else { 11 }, "{format}: {names:?}");
        for name in names {
            assert_eq!(
                std::fs::read(direct.join(&name)).unwrap(),
                std::fs::read(prepared.join(&name)).unwrap(),
                "{format}: {name:?}"
            );
        }
        return direct;
    }
    let mut direct = serializer.clone().for_writer(Vec::new());
    let mut prepared = serializer.clone().for_writer(Vec::new());
    for statement in statements {
        direct.serialize_statement(statement).unwrap();
        prepared.write_prepared(&serializer.prepare(statement).unwrap()).unwrap();
    }
    let bytes = direct.finish().unwrap();
    assert_eq!(bytes, prepared.finish().unwrap(), "{format}: prepared and direct");
    let path = dir.join(format!("all.{}", format.file_extension()));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read(format: Format, path: &Path) -> Vec<Statement> {
    StatementParser::from_format(format).for_path(path).unwrap().collect::<Result<_, _>>().unwrap()
}

/// The formats whose document holds one statement, written to a folder one file a
/// statement.
const ONE_A_FILE: [Format; 3] = [Format::Json, Format::Akn, Format::Tei];

/// `statements` written in `format` into the folder `dir`, one file a statement, once
/// with `serialize_statement` and once with `prepare` and `write_prepared` (into
/// `dir-prepared`); the two must give the same files with the same bytes. Returns the
/// file of each statement, in order: `<file_stem(id)>.<extension>`.
fn write_folder(format: Format, statements: &[Statement], dir: &Path) -> Vec<PathBuf> {
    let serializer = StatementSerializer::from_format(format);
    let mut direct = serializer.clone().for_dir(dir).unwrap();
    let prepared_dir = dir.with_extension("prepared");
    let mut prepared = serializer.clone().for_dir(&prepared_dir).unwrap();
    for statement in statements {
        direct.serialize_statement(statement).unwrap();
        prepared.write_prepared(&serializer.prepare(statement).unwrap()).unwrap();
    }
    assert_eq!(direct.finish().unwrap(), dir);
    assert_eq!(prepared.finish().unwrap(), prepared_dir);
    let files: Vec<PathBuf> = statements
        .iter()
        .map(|s| dir.join(format!("{}.{}", file_stem(&s.id), format.file_extension())))
        .collect();
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), files.len(), "{format}: one file a statement");
    for file in &files {
        let twin = prepared_dir.join(file.file_name().unwrap());
        assert_eq!(std::fs::read(file).unwrap(), std::fs::read(twin).unwrap(), "{}", file.display());
    }
    files
}

#[test]
fn every_format_round_trips_through_from_format() {
    let statements = statements();
    let mut checked = Vec::new();
    for format in Format::ALL {
        let dir = tempfile::tempdir().unwrap();
        if !format.is_writable() {
            // Read only: the serializer refuses, the parser ingests.
            let error = StatementSerializer::from_format(format).prepare(&statements[0]).unwrap_err();
            assert_eq!(error.format(), format);
            continue;
        }
        // A JSON, Akoma Ntoso or TEI document holds one statement; every other format
        // the whole list.
        let one_a_file = ONE_A_FILE.contains(&format);
        let records = if one_a_file { &statements[..1] } else { &statements[..] };
        let path = write(format, records, dir.path());
        assert_eq!(read(format, &path), records, "{format}");
        if one_a_file {
            // The whole list as a folder, each file read back as the format its path
            // tells (the root element's namespace, for the three that share `.xml`).
            let files = write_folder(format, &statements, &dir.path().join(format.name()));
            for (file, statement) in files.iter().zip(&statements) {
                assert_eq!(Format::from_path(file), Some(format), "{}", file.display());
                assert_eq!(read(format, file), std::slice::from_ref(statement), "{}", file.display());
            }
        }
        checked.push(format);
    }
    assert_eq!(
        checked,
        [
            Format::Json,
            Format::JsonLines,
            Format::Csv,
            Format::Xml,
            Format::JsonLd,
            Format::Akn,
            Format::Tei,
            Format::Parquet
        ]
    );
}

#[test]
fn json_akn_and_tei_write_one_document_or_a_folder_of_them() {
    let statements = statements();
    for format in ONE_A_FILE {
        let serializer = StatementSerializer::from_format(format);
        let mut one = serializer.clone().for_writer(Vec::new());
        one.serialize_statement(&statements[0]).unwrap();
        let error = one.serialize_statement(&statements[1]).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{format}");
        let error = serializer.clone().for_writer(Vec::new()).finish().unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{format}: no statement");

        let dir = tempfile::tempdir().unwrap();
        let mut folder = serializer.for_dir(dir.path().join(format.name())).unwrap();
        let mut twin = statements[2].clone();
        twin.id = "BARE".into();
        for statement in statements.iter().chain([&twin]) {
            folder.serialize_statement(statement).unwrap();
        }
        let folder = folder.finish().unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        // "BARE" names the same file as "bare" on a case-insensitive file system: it gets -2.
        let extension = if format == Format::Json { "json" } else { "xml" };
        let mut expected = vec![
            format!("BARE-2.{extension}"),
            format!("bare.{extension}"),
            format!("{}.{extension}", file_stem(&statements[1].id)),
            format!("nato-2022-02-16-59fa18d5.{extension}"),
        ];
        expected.sort();
        assert_eq!(names, expected, "{format}");
        assert_eq!(read(format, &folder.join(format!("bare.{extension}"))), [statements[2].clone()]);
        assert_eq!(read(format, &folder.join(format!("BARE-2.{extension}"))), [twin]);
    }
}

#[test]
fn texts_are_ingested_with_the_parser_format_and_options() {
    let text = communique_testdata::reference_text();
    let options = IngestOptions { id: Some("chosen".into()), ..IngestOptions::default() };
    let read: Vec<Statement> = StatementParser::from_format(Format::Text)
        .with_ingest_options(options.clone())
        .for_path(&text)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read, [ingest(&std::fs::read(&text).unwrap(), &options).unwrap()]);
    assert_eq!(read[0].id, "chosen");

    let markdown = &communique_testdata::whitehouse_files()[0];
    let read: Vec<Statement> = StatementParser::from_format(Format::Markdown)
        .for_path(markdown)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read, [ingest(&std::fs::read(markdown).unwrap(), &IngestOptions::default()).unwrap()]);
}

#[test]
fn parse_errors_carry_one_position_in_every_format() {
    // JSON Lines: line 2 is the second record; serde_json stops at the closing quote of
    // "memo", column 23 of the line (the line starts at byte 26).
    let jsonl = "{\"id\":\"a\",\"kind\":\"other\"}\n{\"id\":\"b\",\"kind\":\"memo\"}\n";
    let results: Vec<_> =
        StatementParser::from_format(Format::JsonLines).for_reader(jsonl.as_bytes()).collect();
    let communique::StatementParseError::Syntax(error) = results[1].as_ref().unwrap_err() else { panic!() };
    let at = error.position();
    assert_eq!((at.line(), at.column(), at.record()), (Some(2), Some(23), Some(2)));
    assert_eq!((at.byte_offset(), at.json_path()), (Some(26 + 22), Some("$.kind")));

    // XML: the second statement's kind, on line 3.
    let xml = "<statements xmlns=\"https://w3id.org/communique/xml/1.0\">\n<statement id=\"a\" kind=\"other\"/>\n<statement id=\"b\" kind=\"memo\"/>\n</statements>\n";
    let results: Vec<_> = StatementParser::from_format(Format::Xml).for_reader(xml.as_bytes()).collect();
    assert!(results[0].is_ok());
    let communique::StatementParseError::Syntax(error) = results[1].as_ref().unwrap_err() else { panic!() };
    assert_eq!((error.position().line(), error.position().record()), (Some(3), Some(2)), "{error}");
    assert!(error.message().contains("\"memo\""), "{error}");

    // Akoma Ntoso: an element the document does not have, on line 2 at column 3, byte 72
    // (the 69 bytes of the first line, its line feed and two spaces); a document is
    // record 1.
    let akn =
        "<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>\n  <act/>\n</akomaNtoso>";
    let results: Vec<_> = StatementParser::from_format(Format::Akn).for_reader(akn.as_bytes()).collect();
    let communique::StatementParseError::Syntax(error) = results[0].as_ref().unwrap_err() else { panic!() };
    let at = error.position();
    assert_eq!(
        (at.line(), at.column(), at.byte_offset(), at.record()),
        (Some(2), Some(3), Some(72), Some(1))
    );
    assert_eq!(error.message(), "at /akomaNtoso/act[1]: element <act> is not expected in <akomaNtoso>");

    // TEI: the same fault, 41 bytes of the first line before it.
    let tei = "<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n  <teiCorpus/>\n</TEI>";
    let results: Vec<_> = StatementParser::from_format(Format::Tei).for_reader(tei.as_bytes()).collect();
    assert_eq!(results.len(), 1);
    let communique::StatementParseError::Syntax(error) = results[0].as_ref().unwrap_err() else { panic!() };
    let at = error.position();
    assert_eq!(
        (at.line(), at.column(), at.byte_offset(), at.record()),
        (Some(2), Some(3), Some(44), Some(1))
    );
    assert_eq!(error.message(), "at /TEI/teiCorpus[1]: element <teiCorpus> is not expected in <TEI>");

    // CSV and Parquet are folders: asked for as a stream, they say so.
    for format in [Format::Csv, Format::Parquet] {
        let results: Vec<_> = StatementParser::from_format(format).for_reader(&b""[..]).collect();
        assert_eq!(results.len(), 1);
        assert!(results[0].as_ref().unwrap_err().to_string().contains("for_path"), "{format}");
    }

    // Parquet: a row of a table file out of order names the file, the row, the column
    // and the record.
    let dir = tempfile::tempdir().unwrap();
    let one = Statement::builder().id("a").body("We stand united.").build().unwrap();
    let mut writer = StatementSerializer::from_format(Format::Parquet).for_dir(dir.path()).unwrap();
    writer.serialize_statement(&one).unwrap();
    writer.finish().unwrap();
    assert_eq!(Format::from_path(dir.path()), Some(Format::Parquet));
    std::fs::remove_file(dir.path().join("paragraphs.parquet")).unwrap();
    let error = StatementParser::from_format(Format::Parquet).for_path(dir.path()).unwrap_err();
    let communique::StatementParseError::Syntax(error) = error else { panic!("{error}") };
    assert_eq!(error.file(), Some("paragraphs.parquet"));
    assert!(error.message().starts_with("is missing"), "{error}");
}

#[test]
fn a_statement_a_format_cannot_carry_is_refused_naming_the_format() {
    // A year xs:date cannot write: Akoma Ntoso and TEI refuse it, as XML does, and
    // nothing is prepared; JSON carries it.
    let mut statement = Statement::builder().id("far").body("We stand united.").build().unwrap();
    statement.source.retrieved = communique::model::chrono::NaiveDate::from_ymd_opt(10_000, 1, 1);
    for (format, name) in [(Format::Xml, "XML"), (Format::Akn, "Akoma Ntoso"), (Format::Tei, "TEI")] {
        let error = StatementSerializer::from_format(format).prepare(&statement).unwrap_err();
        assert_eq!((error.format(), error.statement_id()), (format, Some("far")));
        let text = error.to_string();
        assert!(text.starts_with(&format!("{name}: statement \"far\", $.source.retrieved: ")), "{text}");
        let mut writer = StatementSerializer::from_format(format).for_writer(Vec::new());
        let io = writer.serialize_statement(&statement).unwrap_err();
        assert_eq!(io.kind(), std::io::ErrorKind::InvalidInput, "{format}");
    }
    assert!(StatementSerializer::from_format(Format::Json).prepare(&statement).is_ok());
}

#[test]
fn a_byte_order_mark_at_the_start_is_skipped_in_every_format() {
    let statements = statements();
    for format in Format::ALL {
        // Parquet is binary; texts and Markdown are ingested, their marks kept verbatim
        // in `source_text`.
        if !format.is_writable() || format == Format::Parquet {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let records = if ONE_A_FILE.contains(&format) { &statements[..1] } else { &statements[..] };
        let path = write(format, records, dir.path());
        let files: Vec<PathBuf> = if path.is_dir() {
            std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()).collect()
        } else {
            vec![path.clone()]
        };
        for file in files {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend(std::fs::read(&file).unwrap());
            std::fs::write(&file, bytes).unwrap();
        }
        let back = StatementParser::from_format(format)
            .for_path(&path)
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(back, records, "{format}");
    }
}

#[test]
fn zero_offsets_keep_their_form_in_every_format() {
    let mut statements = statements();
    for (statement, offset) in statements.iter_mut().zip(["-00:00", "+00:00", "Z"]) {
        statement.last_updated = Some(format!("2030-01-02T03:04{offset}").parse().unwrap());
        statement.published = Some(format!("2030-01-02T03:04:05{offset}").parse().unwrap());
        statement.issued = None;
        assert_eq!(statement.last_updated.unwrap().to_string(), format!("2030-01-02T03:04{offset}"));
    }
    for format in Format::ALL {
        if !format.is_writable() {
            continue;
        }
        for statement in &statements {
            let dir = tempfile::tempdir().unwrap();
            let path = write(format, std::slice::from_ref(statement), dir.path());
            assert_eq!(read(format, &path), std::slice::from_ref(statement), "{format}");
        }
    }
}
