//! Every [`Format`] goes through the facade the same way: `StatementSerializer::from_format`
//! writes, `StatementParser::from_format` reads back the identical records, and the
//! prepared path writes the same bytes as the direct one.

use communique::model::{Statement, json};
use communique::text::{IngestOptions, ingest};
use communique::{Format, StatementParser, StatementSerializer};
use std::path::Path;

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
fn write(format: Format, statements: &[Statement], dir: &Path) -> std::path::PathBuf {
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
        // A JSON document holds one statement; every other format the whole list.
        let records = if format == Format::Json { &statements[..1] } else { &statements[..] };
        let path = write(format, records, dir.path());
        assert_eq!(read(format, &path), records, "{format}");
        checked.push(format);
    }
    assert_eq!(
        checked,
        [Format::Json, Format::JsonLines, Format::Csv, Format::Xml, Format::JsonLd, Format::Parquet]
    );
}

#[test]
fn json_writes_one_document_or_a_folder_of_them() {
    let statements = statements();
    let serializer = StatementSerializer::from_format(Format::Json);
    let mut one = serializer.clone().for_writer(Vec::new());
    one.serialize_statement(&statements[0]).unwrap();
    let error = one.serialize_statement(&statements[1]).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);

    let dir = tempfile::tempdir().unwrap();
    let mut folder = serializer.for_dir(dir.path().join("json")).unwrap();
    let mut twin = statements[2].clone();
    twin.id = "BARE".into();
    for statement in statements.iter().chain([&twin]) {
        folder.serialize_statement(statement).unwrap();
    }
    let folder = folder.finish().unwrap();
    let mut names: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    // "BARE" names the same file as "bare" on a case-insensitive file system: it gets -2.
    let mut expected = vec![
        "BARE-2.json".to_owned(),
        "bare.json".to_owned(),
        format!("{}.json", communique::file_stem(&statements[1].id)),
        "nato-2022-02-16-59fa18d5.json".to_owned(),
    ];
    expected.sort();
    assert_eq!(names, expected);
    assert_eq!(read(Format::Json, &folder.join("bare.json")), [statements[2].clone()]);
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
