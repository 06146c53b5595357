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

/// One way a JSON value fails the statement schema.
#[cfg(feature = "schema-validation")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// JSONPath of the value at fault (`$.commitments[0].kind`), as [`Statement::validate`]
    /// reports them.
    pub path: String,
    /// What the schema says is wrong.
    pub message: String,
}

/// The statement schema compiled once, checking JSON values with format assertion on
/// (`date`, `uint64`, patterns), as draft 2020-12 allows a validator to.
#[cfg(feature = "schema-validation")]
#[derive(Debug)]
pub struct SchemaValidator {
    validator: jsonschema::Validator,
}

#[cfg(feature = "schema-validation")]
impl Default for SchemaValidator {
    fn default() -> Self {
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&statement_schema())
            .expect("the generated statement schema compiles");
        Self { validator }
    }
}

#[cfg(feature = "schema-validation")]
impl SchemaValidator {
    /// Every way `instance` fails the schema, in the validator's order; empty when valid.
    #[must_use]
    pub fn errors(&self, instance: &serde_json::Value) -> Vec<SchemaError> {
        self.validator
            .iter_errors(instance)
            .map(|error| SchemaError {
                path: pointer_to_path(error.instance_path().as_str()),
                message: error.to_string(),
            })
            .collect()
    }

    /// Every way the JSON document `json` (UTF-8, a leading byte order mark ignored) fails
    /// the schema; empty when it is valid.
    ///
    /// # Errors
    ///
    /// [`JsonSyntaxError`](crate::json::JsonSyntaxError) with line, column and byte
    /// offset when `json` is not JSON (or not UTF-8) at all.
    pub fn check_json(&self, json: &[u8]) -> Result<Vec<SchemaError>, crate::json::JsonSyntaxError> {
        let value = crate::json::parse_value(json, &crate::TextPosition::default())?;
        Ok(self.errors(&value))
    }
}

/// The JSON Pointer (RFC 6901) `/commitments/0/kind` as the JSONPath `$.commitments[0].kind`.
#[must_use]
pub fn pointer_to_path(pointer: &str) -> String {
    let mut path = String::from("$");
    for part in pointer.split('/').skip(1) {
        let part = part.replace("~1", "/").replace("~0", "~");
        if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
            path.push_str(&format!("[{part}]"));
        } else {
            path.push('.');
            path.push_str(&part);
        }
    }
    path
}

#[cfg(test)]
mod tests {
    #[test]
    fn pointers_become_json_paths() {
        assert_eq!(super::pointer_to_path(""), "$");
        assert_eq!(super::pointer_to_path("/commitments/0/kind"), "$.commitments[0].kind");
        assert_eq!(super::pointer_to_path("/a~1b/c~0d"), "$.a/b.c~d");
    }
}
