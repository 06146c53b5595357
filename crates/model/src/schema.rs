//! JSON Schema (draft 2020-12) of the record, generated from the types.

use crate::Statement;
use schemars::generate::SchemaSettings;

/// `$id` of the statement schema.
pub const STATEMENT_SCHEMA_ID: &str = "https://w3id.org/communique/schema/v1/statement.schema.json";

/// File name of the statement schema in the `schemas/` folder.
pub const STATEMENT_SCHEMA_FILE: &str = "statement.schema.json";

/// The JSON Schema (draft 2020-12) of one [`Statement`] record, with the doc comments of
/// the types as descriptions.
///
/// Calendar validity (2022-02-30) is expressed with `"format": "date"`, which a
/// validator checks only with format assertion switched on; the model's own
/// deserialiser always rejects such dates.
#[must_use]
pub fn statement_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<Statement>();
    let mut value = schema.to_value();
    if let Some(object) = value.as_object_mut() {
        let mut ordered = serde_json::Map::new();
        for key in ["$schema", "$id", "title", "description"] {
            match key {
                "$id" => {
                    ordered.insert(key.into(), STATEMENT_SCHEMA_ID.into());
                }
                _ => {
                    if let Some(v) = object.remove(key) {
                        ordered.insert(key.into(), v);
                    }
                }
            }
        }
        ordered.append(object);
        value = serde_json::Value::Object(ordered);
    }
    value
}

/// Every schema file the model generates, as `(file name, contents)`: the contents are
/// pretty JSON with a final newline, exactly as checked in under `schemas/`.
#[must_use]
pub fn generated_files() -> Vec<(&'static str, String)> {
    let mut text = serde_json::to_string_pretty(&statement_schema()).expect("schema serialises");
    text.push('\n');
    vec![(STATEMENT_SCHEMA_FILE, text)]
}
