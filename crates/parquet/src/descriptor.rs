//! The Frictionless Data Package written beside the tables (`datapackage.json`, Data
//! Package and Table Schema v1, each resource of `type` `table` and `format` `parquet` as
//! Data Package v2 describes tables in other files than CSV), generated from the model's
//! column definitions.

use crate::schema::{LAYOUT, LAYOUT_KEY, MEDIA_TYPE};
use communique_model::TIMESTAMP_PATTERN;
use communique_model::table::{Column, Datatype, HEX_DIGEST_PATTERN, TABLES, Table};
use serde_json::{Map, Value, json};

/// Size and digest of one written table file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableFile {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
    pub rows: u64,
}

const NULL_NOTE: &str = "A null value in an optional column means the value is absent; an optional text that is present but empty is the empty text, and is also listed in empty_values (as in the CSV tables of the same layout, where an empty cell cannot tell the two apart).";

/// The Table Schema field of `column`.
fn field(column: &Column) -> Value {
    let mut field = Map::new();
    field.insert("name".into(), json!(column.name));
    let mut constraints = Map::new();
    if column.required {
        constraints.insert("required".into(), json!(true));
    }
    let kind = match column.datatype {
        Datatype::Text => "string",
        Datatype::Enum(names) => {
            constraints.insert("enum".into(), json!(names));
            "string"
        }
        Datatype::Date => "date",
        Datatype::Timestamp => {
            constraints.insert("pattern".into(), json!(unanchored(TIMESTAMP_PATTERN)));
            "string"
        }
        Datatype::Position => {
            constraints.insert("minimum".into(), json!(1));
            "integer"
        }
        Datatype::Count => {
            constraints.insert("minimum".into(), json!(0));
            "integer"
        }
        Datatype::Score => {
            constraints.insert("minimum".into(), json!(-1));
            constraints.insert("maximum".into(), json!(1));
            "integer"
        }
        Datatype::Boolean => "boolean",
        Datatype::HexDigest => {
            constraints.insert("pattern".into(), json!(unanchored(HEX_DIGEST_PATTERN)));
            "string"
        }
    };
    field.insert("type".into(), json!(kind));
    field.insert("description".into(), json!(column.description));
    if !constraints.is_empty() {
        field.insert("constraints".into(), Value::Object(constraints));
    }
    Value::Object(field)
}

/// Table Schema patterns are implicitly anchored (XML Schema regular expressions).
fn unanchored(regex: &str) -> &str {
    regex.strip_prefix('^').and_then(|r| r.strip_suffix('$')).unwrap_or(regex)
}

fn resource(table: &Table, file: &TableFile) -> Value {
    let mut schema = Map::new();
    schema.insert("fields".into(), table.columns.iter().map(field).collect());
    schema.insert("primaryKey".into(), json!(table.primary_key));
    if !table.foreign_keys.is_empty() {
        schema.insert(
            "foreignKeys".into(),
            table
                .foreign_keys
                .iter()
                .map(|fk| json!({ "fields": fk.columns, "reference": { "resource": fk.table, "fields": fk.reference } }))
                .collect(),
        );
    }
    json!({
        "name": table.name,
        "path": file.name,
        "type": "table",
        "description": table.description,
        "format": "parquet",
        "mediatype": MEDIA_TYPE,
        "bytes": file.bytes,
        "hash": format!("sha256:{}", file.sha256),
        "rows": file.rows,
        "schema": schema,
    })
}

/// The Data Package describing one set of tables; `files` holds each table's file, in
/// [`TABLES`] order.
pub(crate) fn datapackage(files: &[TableFile]) -> Value {
    let mut package = Map::new();
    package.insert("profile".into(), json!("data-package"));
    package.insert("name".into(), json!("communique-statements"));
    package.insert("title".into(), json!("communique statements"));
    package.insert(
        "description".into(),
        json!(format!(
            "Official statements as related tables in Apache Parquet, one file per entity, joined by statement_id and the eIds of paragraphs and commitments: the tables and columns of the communique CSV layout, typed. {NULL_NOTE} Rows are in the order the statements were written, in row groups."
        )),
    );
    package.insert(LAYOUT_KEY.into(), json!(LAYOUT));
    package.insert(
        "resources".into(),
        TABLES.iter().zip(files).map(|(table, file)| resource(table, file)).collect(),
    );
    Value::Object(package)
}

/// Serialises a descriptor deterministically: two-space indent, keys in insertion
/// order, a final newline.
pub(crate) fn to_pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("descriptor JSON always serialises");
    text.push('\n');
    text
}
