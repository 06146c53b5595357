//! The checked-in JSON Schema is current, is a valid draft 2020-12 schema, and accepts
//! the reference record (with format assertion on) while rejecting broken ones.

use communique::model::{json, schema};
use serde_json::{Value, json};
use std::path::Path;

const REFERENCE: &str = include_str!("../examples/data/nato-2022-02-16-defence-ministers-ukraine.json");

/// Fails, naming the file, when a generated schema differs from the checked-in copy,
/// after rewriting the copy so the fix is one `git diff` away.
#[test]
fn checked_in_schemas_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut stale = Vec::new();
    for (name, contents) in schema::generated_files() {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            // In CI, only report: the checkout must not change under the run.
            if std::env::var_os("CI").is_none() {
                std::fs::write(&path, &contents).unwrap();
            }
            stale.push(format!("schemas/{name}"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated schema(s): {}; regenerated them (or run `cargo run --example schemas`): review and commit",
        stale.join(", ")
    );
}

fn validator() -> jsonschema::Validator {
    let schema = schema::statement_schema();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

#[test]
fn statement_schema_is_draft_2020_12_and_meta_valid() {
    let schema = schema::statement_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], schema::STATEMENT_SCHEMA_ID);
    jsonschema::meta::validate(&schema).expect("valid against the draft 2020-12 meta-schema");
    // Doc comments became descriptions.
    assert!(schema["properties"]["issued"]["description"].as_str().unwrap().contains("Date of issue"));
    assert_eq!(schema["additionalProperties"], json!(false));
}

#[test]
fn reference_record_validates_against_the_schema_and_the_model() {
    let instance: Value = serde_json::from_str(REFERENCE).unwrap();
    let validator = validator();
    let errors: Vec<String> =
        validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let statement = json::from_str(REFERENCE).unwrap();
    statement.validate().unwrap();
    assert_eq!(statement.paragraphs.len(), 5);
    assert_eq!(statement.commitments.len(), 17);
}

#[test]
fn schema_rejects_what_the_model_rejects() {
    let validator = validator();
    type Case = (&'static str, fn(&mut Value), &'static str);
    let cases: [Case; 6] = [
        ("no such day", |r| r["issued"] = json!("2022-02-30"), "/issued"),
        ("unknown field", |r| r["colour"] = json!("blue"), ""),
        ("commitment kind", |r| r["commitments"][0]["kind"] = json!("threat"), "/commitments/0/kind"),
        ("digest", |r| r["fixity"]["digest"] = json!("XYZ"), "/fixity/digest"),
        ("timestamp", |r| r["last_updated"] = json!("16 Feb. 2022 15:14"), "/last_updated"),
        ("negative offset", |r| r["commitments"][1]["span"]["end"] = json!(-3), "/commitments/1/span/end"),
    ];
    for (name, edit, pointer) in cases {
        let mut instance: Value = serde_json::from_str(REFERENCE).unwrap();
        edit(&mut instance);
        let paths: Vec<String> =
            validator.iter_errors(&instance).map(|e| e.instance_path().to_string()).collect();
        // Optional values are `anyOf [value, null]`, which reports at the value's parent.
        assert!(
            paths
                .iter()
                .any(|p| pointer.starts_with(p.as_str()) && pointer[p.len()..].matches('/').count() <= 1),
            "{name}: expected an error at {pointer:?}, got {paths:?}"
        );
        let model = json::from_str(&instance.to_string()).map(|s| s.validate());
        assert!(!matches!(model, Ok(Ok(()))), "{name}: the model accepted it");
    }
}
