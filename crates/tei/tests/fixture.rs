//! `tests/data/edge-records.jsonl` holds, in the model's JSON Lines, the hand-made
//! records that exercise every paragraph kind, a transcript's speakers and questions, and
//! what the standard requires that a record may lack (`common::every_kind()`,
//! `common::transcript()`, `common::bare()`), so that the conformance run
//! validates those documents against the official schema too. This test keeps it current.

mod common;

use communique_model::json;

#[test]
fn edge_records_fixture_is_current() {
    let records = [common::every_kind(), common::transcript(), common::bare()];
    let expected: String = records.iter().map(|r| json::to_string_line(r) + "\n").collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/edge-records.jsonl");
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != expected {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
        panic!("regenerated {}: review and commit", path.display());
    }
}
