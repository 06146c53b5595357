//! The prepare / write split: statements prepared on many threads and written in order
//! give the folder `serialize_statement` gives, byte for byte.

mod common;

use common::{all_empty, bare, folder_bytes, hostile, reference};
use communique_csv::{CsvParser, CsvSerializeError, CsvSerializer, PreparedStatement, TABLE_FILES};
use communique_model::Statement;
use rayon::prelude::*;

/// Forty statements with every kind of cell: the reference record under many ids, the
/// hostile one (quotes, commas, line breaks, formulas), one with every optional text
/// present but empty, and bare ones.
fn statements() -> Vec<Statement> {
    let mut statements = Vec::new();
    for i in 0..10 {
        let mut r = reference();
        r.id = format!("reference-{i}");
        statements.push(r);
        let mut h = hostile();
        h.id = format!("hostile-{i}");
        statements.push(h);
        let mut e = all_empty();
        e.id = format!("empty-{i}");
        statements.push(e);
        statements.push(bare(&format!("bare-{i}")));
    }
    statements
}

/// Prepares `statements` on a pool of `threads` threads and returns them in input order.
fn prepare_on_threads(
    serializer: CsvSerializer,
    statements: &[Statement],
    threads: usize,
) -> Vec<PreparedStatement> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    pool.install(|| statements.par_iter().map(|s| serializer.prepare(s).unwrap()).collect())
}

#[test]
fn prepared_on_threads_and_written_in_order_is_byte_identical() {
    let statements = statements();
    for excel_safe in [false, true] {
        let serializer = CsvSerializer::default().with_excel_safe(excel_safe);

        let serial = tempfile::tempdir().unwrap();
        let mut writer = serializer.for_dir(serial.path()).unwrap();
        for s in &statements {
            writer.serialize_statement(s).unwrap();
        }
        let serial_summary = writer.finish().unwrap();

        let parallel = tempfile::tempdir().unwrap();
        let mut writer = serializer.for_dir(parallel.path()).unwrap();
        for prepared in prepare_on_threads(serializer, &statements, 3) {
            writer.write_prepared(&prepared).unwrap();
        }
        let parallel_summary = writer.finish().unwrap();

        assert_eq!(parallel_summary.tables, serial_summary.tables, "excel_safe {excel_safe}");
        assert_eq!(parallel_summary.statements, 40);
        let (serial, parallel) = (folder_bytes(serial.path()), folder_bytes(parallel.path()));
        assert_eq!(serial.len(), TABLE_FILES.len() + 2, "ten tables and two descriptors");
        assert_eq!(parallel, serial, "excel_safe {excel_safe}");
    }
}

#[test]
fn prepared_statement_holds_the_rows_of_each_table() {
    let prepared = CsvSerializer::default().prepare(&bare("a")).unwrap();
    assert_eq!(prepared.statement_id(), "a");
    let (statements, rows) = prepared.table(0).unwrap();
    assert_eq!(rows, 1);
    assert!(statements.starts_with(b"a,") && statements.ends_with(b"\r\n"), "{statements:?}");
    assert_eq!(prepared.table(TABLE_FILES.len()), None);
    let total: usize = (0..TABLE_FILES.len()).map(|t| prepared.table(t).unwrap().0.len()).sum();
    assert_eq!(prepared.byte_len(), total);

    // The hostile record's paragraph text is quoted, with its quotes doubled.
    let hostile = hostile();
    let prepared = CsvSerializer::default().prepare(&hostile).unwrap();
    let (paragraphs, rows) = prepared.table(4).unwrap();
    assert_eq!(rows, hostile.paragraphs.len() as u64);
    let first = &hostile.paragraphs[0].text;
    assert!(first.contains([',', '"', '\r', '\n']), "the fixture needs quoting: {first:?}");
    let cell = format!(",\"{}\",", first.replace('"', "\"\""));
    assert!(String::from_utf8_lossy(paragraphs).contains(&cell), "{cell}");
}

#[test]
fn write_prepared_refuses_before_writing_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let serializer = CsvSerializer::default();
    let mut writer = serializer.for_dir(dir.path()).unwrap();
    writer.write_prepared(&serializer.prepare(&bare("a")).unwrap()).unwrap();

    let again = serializer.prepare(&bare("a")).unwrap();
    let error = writer.write_prepared(&again).unwrap_err();
    assert_eq!(error.to_string(), "statement \"a\": has the same id as the statement written just before it");

    let excel = CsvSerializer::default().with_excel_safe(true).prepare(&bare("b")).unwrap();
    let error = writer.write_prepared(&excel).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    let refused = error.get_ref().and_then(|e| e.downcast_ref::<CsvSerializeError>()).unwrap();
    assert_eq!(refused.statement_id(), "b");
    assert_eq!(
        error.to_string(),
        "statement \"b\": was prepared with excel_safe true, but this folder is written with excel_safe false"
    );

    let mut twins = reference();
    twins.commitments[2].id = twins.commitments[1].id.clone();
    let error = serializer.prepare(&twins).unwrap_err();
    let expected =
        format!("statement {:?}: two commitments share the eId {:?}", twins.id, twins.commitments[1].id);
    assert_eq!(error.to_string(), expected);

    writer.write_prepared(&serializer.prepare(&bare("c")).unwrap()).unwrap();
    let summary = writer.finish().unwrap();
    assert_eq!(summary.statements, 2);
    let back: Vec<_> = CsvParser::default().for_dir(dir.path()).unwrap().map(Result::unwrap).collect();
    assert_eq!(back, [bare("a"), bare("c")], "refused statements left no rows behind");
}

#[test]
fn prepared_statements_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<PreparedStatement>();
    send_sync::<CsvSerializer>();
}
