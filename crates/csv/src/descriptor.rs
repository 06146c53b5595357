//! The two descriptors written beside the tables, both generated from [`crate::schema`]:
//! a CSVW table group (`csv-metadata.json`, W3C "Metadata Vocabulary for Tabular Data",
//! 2015) and a Frictionless Tabular Data Package (`datapackage.json`, Data Package and
//! Table Schema v1).

use crate::schema::{
    Column, Datatype, FileName as _, HEX_DIGEST_REGEX, LAYOUT, NS, TABLES, TIMESTAMP_REGEX, Table,
};
use serde_json::{Map, Value, json};

/// File name of the CSVW metadata (the name CSVW processors look for beside the tables).
pub const CSVW_METADATA: &str = "csv-metadata.json";
/// File name of the Frictionless Data Package descriptor.
pub const DATAPACKAGE: &str = "datapackage.json";

/// Property recording the folder layout and its version, in both descriptors.
pub(crate) fn layout_property() -> String {
    format!("{NS}csvLayout")
}

/// Property recording whether the `excel_safe` rule was applied, in both descriptors.
pub(crate) fn excel_safe_property() -> String {
    format!("{NS}excelSafe")
}

/// Size and digest of one written table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableFile {
    pub bytes: u64,
    pub sha256: String,
}

const EXCEL_SAFE_NOTE: &str = "Written with excel_safe: a text cell whose value starts with =, +, -, @, a tab, a carriage return or an apostrophe has one apostrophe (') put before it so spreadsheets do not run it as a formula; remove that one leading apostrophe to get the original text. Numeric, date and boolean cells are never changed.";
const PLAIN_NOTE: &str = "Written without excel_safe: every text cell holds the text exactly.";
const NULL_NOTE: &str = "An empty cell in an optional column means the value is absent. An optional text that is present but empty is listed in empty_values.csv. Line ends are CRLF (RFC 4180); line breaks inside quoted cells are data and kept as written.";

fn regex_of_names(names: &[&str]) -> String {
    format!("^({})$", names.join("|"))
}

fn csvw_datatype(datatype: Datatype) -> Value {
    match datatype {
        Datatype::Text => json!("string"),
        Datatype::Enum(names) => json!({ "base": "string", "format": regex_of_names(names) }),
        Datatype::Date => json!("date"),
        Datatype::Timestamp => json!({ "base": "string", "format": TIMESTAMP_REGEX }),
        Datatype::Position => json!("positiveInteger"),
        Datatype::Count => json!("nonNegativeInteger"),
        Datatype::Score => json!({ "base": "integer", "minimum": -1, "maximum": 1 }),
        Datatype::Boolean => json!({ "base": "boolean", "format": "true|false" }),
        Datatype::HexDigest => json!({ "base": "string", "format": HEX_DIGEST_REGEX }),
    }
}

fn csvw_column(column: &Column) -> Value {
    json!({
        "name": column.name,
        "titles": column.name,
        "dc:description": column.description,
        "datatype": csvw_datatype(column.datatype),
        "required": column.required,
    })
}

fn csvw_table(table: &Table) -> Value {
    let foreign_keys: Vec<Value> = table
        .foreign_keys
        .iter()
        .map(|fk| {
            json!({
                "columnReference": fk.columns,
                "reference": { "resource": format!("{}.csv", fk.table), "columnReference": fk.reference },
            })
        })
        .collect();
    let mut schema = Map::new();
    schema.insert("columns".into(), table.columns.iter().map(csvw_column).collect());
    schema.insert("primaryKey".into(), json!(table.primary_key));
    if !foreign_keys.is_empty() {
        schema.insert("foreignKeys".into(), Value::Array(foreign_keys));
    }
    json!({
        "url": table.file_name(),
        "dc:title": table.name,
        "dc:description": table.description,
        "tableSchema": schema,
    })
}

/// The CSVW table group describing the folder.
pub(crate) fn csvw_metadata(excel_safe: bool) -> Value {
    let mut group = Map::new();
    group.insert("@context".into(), json!("http://www.w3.org/ns/csvw"));
    group.insert("dc:title".into(), json!("communique statements"));
    group.insert(
        "dc:description".into(),
        json!(format!(
            "Official statements as related tables, one per entity, joined by statement_id and the eIds of paragraphs and commitments. {NULL_NOTE} {}",
            if excel_safe { EXCEL_SAFE_NOTE } else { PLAIN_NOTE }
        )),
    );
    group.insert(layout_property(), json!(LAYOUT));
    group.insert(excel_safe_property(), json!(excel_safe));
    group.insert(
        "dialect".into(),
        json!({
            "encoding": "utf-8",
            "lineTerminators": ["\r\n"],
            "quoteChar": "\"",
            "doubleQuote": true,
            "header": true,
            "headerRowCount": 1,
            "delimiter": ",",
            "skipBlankRows": false,
            "trim": false,
        }),
    );
    group.insert("null".into(), json!(""));
    group.insert("tables".into(), TABLES.iter().map(|table| csvw_table(table)).collect());
    Value::Object(group)
}

fn frictionless_field(column: &Column) -> Value {
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
        Datatype::Date => {
            field.insert("format".into(), json!("default"));
            "date"
        }
        Datatype::Timestamp => {
            constraints.insert("pattern".into(), json!(unanchored(TIMESTAMP_REGEX)));
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
        Datatype::Boolean => {
            field.insert("trueValues".into(), json!(["true"]));
            field.insert("falseValues".into(), json!(["false"]));
            "boolean"
        }
        Datatype::HexDigest => {
            constraints.insert("pattern".into(), json!(unanchored(HEX_DIGEST_REGEX)));
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

fn frictionless_resource(table: &Table, file: &TableFile) -> Value {
    let mut schema = Map::new();
    schema.insert("fields".into(), table.columns.iter().map(frictionless_field).collect());
    schema.insert("missingValues".into(), json!([""]));
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
        "path": table.file_name(),
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": file.bytes,
        "hash": format!("sha256:{}", file.sha256),
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
            "header": true,
            "skipInitialSpace": false,
        },
        "schema": schema,
    })
}

/// The Frictionless Tabular Data Package describing the folder; `files` holds the size
/// and digest of each table, in [`TABLES`] order.
pub(crate) fn datapackage(excel_safe: bool, files: &[TableFile]) -> Value {
    let mut package = Map::new();
    package.insert("profile".into(), json!("tabular-data-package"));
    package.insert("name".into(), json!("communique-statements"));
    package.insert("title".into(), json!("communique statements"));
    package.insert(
        "description".into(),
        json!(format!(
            "Official statements as related tables. {NULL_NOTE} {}",
            if excel_safe { EXCEL_SAFE_NOTE } else { PLAIN_NOTE }
        )),
    );
    package.insert(layout_property(), json!(LAYOUT));
    package.insert(excel_safe_property(), json!(excel_safe));
    package.insert(
        "resources".into(),
        TABLES.iter().zip(files).map(|(table, file)| frictionless_resource(table, file)).collect(),
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
