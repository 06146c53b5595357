//! `tests/data/full-statement.json` is the record of `common::full_statement()` (every
//! field set, text XML makes hard) in the model's JSON form, for the conformance run to
//! export and validate with xmllint and xmlschema. This test keeps it current.

mod common;

use communique_model::json;

#[test]
fn full_statement_is_valid_and_its_fixture_current() {
    let statement = common::full_statement();
    statement.validate().unwrap();
    let path = common::manifest().join("tests/data/full-statement.json");
    let expected = json::to_string_pretty(&statement);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != expected {
        std::fs::write(&path, &expected).unwrap();
        panic!("regenerated {}: review and commit", path.display());
    }
    assert_eq!(json::from_str(&current).unwrap(), statement);
}
