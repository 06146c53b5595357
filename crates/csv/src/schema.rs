//! The column definitions the crate is driven by, from the model's relational view
//! ([`communique_model::table`]): the writer writes the header and cells in their order,
//! the reader checks the header against them and finds cells by name, and both
//! descriptors (CSVW and Frictionless) are generated from them. What is CSV's own lives
//! here: the file names, the layout name and the patterns the descriptors give.

use communique_model::TIMESTAMP_PATTERN;
pub(crate) use communique_model::table::{Column, Datatype, TABLES, Table};

/// The file a table is written to in a CSV folder.
pub(crate) trait FileName {
    /// File name inside the folder: `{name}.csv`.
    fn file_name(&self) -> String;
}

impl FileName for Table {
    fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }
}

/// Name and version of the folder layout, recorded in both descriptors.
pub(crate) const LAYOUT: &str = "communique-csv/1";

/// Namespace of our own descriptor properties.
pub(crate) const NS: &str = "https://w3id.org/communique/ns#";

/// The model's timestamp pattern (anchored), used by both descriptors.
pub(crate) const TIMESTAMP_REGEX: &str = TIMESTAMP_PATTERN;

/// Anchored pattern of a SHA-256 digest.
pub(crate) const HEX_DIGEST_REGEX: &str = communique_model::table::HEX_DIGEST_PATTERN;

#[cfg(test)]
mod tests {
    use super::*;
    use communique_model::table::EMPTY_VALUES;

    #[test]
    fn table_files_in_descriptor_order() {
        let names: Vec<_> = TABLES.iter().map(|t| t.file_name()).collect();
        assert_eq!(names, crate::TABLE_FILES);
        assert_eq!(EMPTY_VALUES.file_name(), "empty_values.csv");
    }

    /// The writer puts these names into their cells as they are.
    #[test]
    fn enum_names_never_need_quotes() {
        for table in TABLES {
            for column in table.columns {
                if let Datatype::Enum(names) = column.datatype {
                    for name in names {
                        assert!(
                            !crate::cell::needs_quotes(name.as_bytes()),
                            "{}.{}: {name:?}",
                            table.name,
                            column.name
                        );
                    }
                }
            }
        }
    }
}
