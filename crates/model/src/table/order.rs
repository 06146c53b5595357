//! Row order: which tables a reader that merges the tables on `statement_id` can stream
//! as they are, and in which order to read the rows of the others.
//!
//! A writer lays the rows of every table out in statement order, and a statement's rows
//! by `position` (below a commitment: by commitment, then `position`). A reader streams
//! the tables side by side on that order. A table whose rows were reordered since (sorted
//! by a column, a later statement's rows moved first) cannot be streamed: a reader
//! checks the order first with [`tables_in_order`], a pass over the keys only that holds
//! one statement's commitment ids at a time, and reads the rows of a table found out of
//! order in the order [`RowOrder::sort_key`] gives them, which is the order written.

use super::{TABLES, Table};
use std::collections::HashMap;

/// What the merge on `statement_id` reads of a row: its statement, its commitment (in a
/// table keyed below a commitment; empty elsewhere) and its `position` (`None` in a table
/// without one, or when the cell is not a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowKey<'a> {
    /// The `statement_id` cell as stored (its bytes).
    pub statement: &'a [u8],
    /// The `commitment_id` cell as stored, empty in a table without one.
    pub commitment: &'a [u8],
    /// The `position` cell.
    pub position: Option<u64>,
}

/// The keys of the rows of every table of [`TABLES`] (by index into it), a row at a
/// time: what [`tables_in_order`] reads.
pub trait KeyRows {
    /// What reading a row can fail with.
    type Error;

    /// Moves table `table` to its next row (the first one on the first call); false at
    /// its end.
    ///
    /// # Errors
    ///
    /// When the table cannot be read.
    fn next_row(&mut self, table: usize) -> Result<bool, Self::Error>;

    /// The key of the current row of table `table` (after [`KeyRows::next_row`] gave
    /// true).
    fn key(&self, table: usize) -> RowKey<'_>;
}

/// Index of [`COMMITMENTS`] in [`TABLES`].
const COMMITMENTS_INDEX: usize = 5;

/// True when table `table` (an index into [`TABLES`]) is keyed below a commitment.
#[must_use]
pub fn keyed_by_commitment(table: usize) -> bool {
    table != COMMITMENTS_INDEX && TABLES[table].column_index("commitment_id").is_some()
}

fn has_position(table: &Table) -> bool {
    table.column_index("position").is_some()
}

/// For every table of [`TABLES`], true when a reader streaming the tables side by side,
/// statement after statement of the statements table, meets every row of it where it
/// belongs: a statement's rows together, in the order of the statements table, by
/// `position` 1, 2, 3, …, and (below a commitment) by commitment in the order of the
/// commitments table. The statements table (index 0) is always in order.
///
/// Reads every table once, to its end; memory holds the commitment ids of one statement.
///
/// # Errors
///
/// The first error of `rows`.
pub fn tables_in_order<R: KeyRows>(rows: &mut R) -> Result<[bool; TABLES.len()], R::Error> {
    let mut in_order = [true; TABLES.len()];
    let mut has = [false; TABLES.len()];
    for (table, has) in has.iter_mut().enumerate().skip(1) {
        *has = rows.next_row(table)?;
    }
    let mut statement = Vec::new();
    let mut commitments: Vec<Vec<u8>> = Vec::new();
    while rows.next_row(0)? {
        statement.clear();
        statement.extend_from_slice(rows.key(0).statement);
        commitments.clear();
        for table in 1..TABLES.len() {
            let groups = if keyed_by_commitment(table) { commitments.len() } else { 1 };
            let positioned = has_position(TABLES[table]);
            'groups: for group in 0..groups {
                let mut expected = 1;
                while has[table] && in_order[table] {
                    let key = rows.key(table);
                    if key.statement != statement.as_slice()
                        || (keyed_by_commitment(table) && key.commitment != commitments[group].as_slice())
                    {
                        continue 'groups;
                    }
                    if positioned && key.position != Some(expected) {
                        in_order[table] = false;
                        break 'groups;
                    }
                    if table == COMMITMENTS_INDEX {
                        commitments.push(key.commitment.to_vec());
                    }
                    expected += 1;
                    has[table] = rows.next_row(table)?;
                }
            }
        }
    }
    for (table, has) in has.iter().enumerate() {
        // Rows left over belong to no statement where the merge looks for them.
        in_order[table] &= !has;
    }
    Ok(in_order)
}

/// The order the rows of a table were written in, worked out from the statements table
/// (and, for the tables keyed below a commitment, the commitments table): what a reader
/// sorts a table found out of order by.
///
/// Holds every statement id (and commitment id) given to it: only a table out of order
/// costs this memory.
#[derive(Debug, Default)]
pub struct RowOrder {
    statements: HashMap<Vec<u8>, u64>,
    commitments: HashMap<(Vec<u8>, Vec<u8>), u64>,
}

impl RowOrder {
    /// An order that knows no statement yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the next row of the statements table (a repeated id keeps its first place).
    pub fn add_statement(&mut self, statement: &[u8]) {
        let next = self.statements.len() as u64;
        self.statements.entry(statement.to_vec()).or_insert(next);
    }

    /// Records a row of the commitments table (its key).
    pub fn add_commitment(&mut self, key: RowKey<'_>) {
        self.commitments
            .entry((key.statement.to_vec(), key.commitment.to_vec()))
            .or_insert(key.position.unwrap_or(u64::MAX));
    }

    /// Where a row of table `table` (an index into [`TABLES`]) with key `key` goes: rows
    /// sorted by it (stably, so that rows of equal keys keep their order) are in the
    /// order written. A row of a statement the statements table does not hold sorts
    /// last, one of a commitment the commitments table does not hold last among its
    /// statement's, and one without a position last among its list's, where a reader
    /// meets them with nothing to merge them with and can say so.
    #[must_use]
    pub fn sort_key(&self, table: usize, key: RowKey<'_>) -> (u64, u64, u64) {
        let statement = self.statements.get(key.statement).copied().unwrap_or(u64::MAX);
        let commitment = if keyed_by_commitment(table) {
            self.commitments
                .get(&(key.statement.to_vec(), key.commitment.to_vec()))
                .copied()
                .unwrap_or(u64::MAX)
        } else {
            0
        };
        let position = if has_position(TABLES[table]) { key.position.unwrap_or(u64::MAX) } else { 0 };
        (statement, commitment, position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::COMMITMENTS;

    /// Tables as lists of (statement, commitment, position) keys.
    struct Keys {
        tables: Vec<Vec<(&'static str, &'static str, Option<u64>)>>,
        at: Vec<Option<usize>>,
    }

    impl Keys {
        fn new(rows: &[(usize, &'static str, &'static str, Option<u64>)]) -> Self {
            let mut tables = vec![Vec::new(); TABLES.len()];
            for &(table, s, c, p) in rows {
                tables[table].push((s, c, p));
            }
            Self { tables, at: vec![None; TABLES.len()] }
        }
    }

    impl KeyRows for Keys {
        type Error = ();
        fn next_row(&mut self, table: usize) -> Result<bool, ()> {
            let next = self.at[table].map_or(0, |i| i + 1);
            self.at[table] = Some(next);
            Ok(next < self.tables[table].len())
        }
        fn key(&self, table: usize) -> RowKey<'_> {
            let (s, c, p) = self.tables[table][self.at[table].unwrap()];
            RowKey { statement: s.as_bytes(), commitment: c.as_bytes(), position: p }
        }
    }

    const WRITTEN: &[(usize, &str, &str, Option<u64>)] = &[
        (0, "a", "", None),
        (0, "b", "", None),
        (2, "a", "", Some(1)),
        (2, "a", "", Some(2)),
        (2, "b", "", Some(1)),
        (5, "a", "c1", Some(1)),
        (5, "a", "c2", Some(2)),
        (6, "a", "c1", Some(1)),
        (6, "a", "c2", Some(1)),
        (6, "a", "c2", Some(2)),
        (9, "b", "", None),
        (9, "b", "", None),
    ];

    #[test]
    fn commitments_index() {
        assert_eq!(TABLES[COMMITMENTS_INDEX].name, COMMITMENTS.name);
    }

    #[test]
    fn the_order_written_is_in_order() {
        assert_eq!(tables_in_order(&mut Keys::new(WRITTEN)), Ok([true; 10]));
    }

    #[test]
    fn a_moved_row_puts_its_table_out_of_order_and_sorts_back() {
        for moved in 2..WRITTEN.len() {
            let mut rows = WRITTEN.to_vec();
            let row = rows.remove(moved);
            rows.push(row);
            let in_order = tables_in_order(&mut Keys::new(&rows)).unwrap();
            let table = row.0;
            let last_of_its_table = WRITTEN.iter().rposition(|r| r.0 == table) == Some(moved);
            assert_eq!(in_order[table], last_of_its_table || table == 9, "row {moved}");

            let mut order = RowOrder::new();
            for r in rows.iter().filter(|r| r.0 == 0) {
                order.add_statement(r.1.as_bytes());
            }
            for r in rows.iter().filter(|r| r.0 == 5) {
                order.add_commitment(RowKey {
                    statement: r.1.as_bytes(),
                    commitment: r.2.as_bytes(),
                    position: r.3,
                });
            }
            let mut sorted: Vec<_> = rows.iter().filter(|r| r.0 == table).copied().collect();
            sorted.sort_by_key(|r| {
                order.sort_key(
                    table,
                    RowKey { statement: r.1.as_bytes(), commitment: r.2.as_bytes(), position: r.3 },
                )
            });
            let written: Vec<_> = WRITTEN.iter().filter(|r| r.0 == table).copied().collect();
            assert_eq!(sorted, written, "row {moved}");
        }
    }

    #[test]
    fn rows_of_an_unknown_statement_are_out_of_order() {
        let mut rows = WRITTEN.to_vec();
        rows.push((3, "z", "", Some(1)));
        assert!(!tables_in_order(&mut Keys::new(&rows)).unwrap()[3]);
    }
}
