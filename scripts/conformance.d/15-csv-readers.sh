#!/usr/bin/env bash
# Reading the CSV tables as the README says: the README's pandas and DuckDB snippets, and
# the scripts `communique schema --csv-loader` prints, run on tables whose ids and text
# cells hold NA, null, N/A, NaN, None, #N/A, NULL, n/a, 007, TRUE and 1e5; every cell
# must come back as written.
set -euo pipefail
cd "$ROOT"
work="$OUT/csv-readers"
rm -rf "$work"
mkdir -p "$work/out"
cargo run -q -p communique-csv --example csv_export -- "$work/out/csv" tests/data/hostile-cells.jsonl >/dev/null
cargo run -q -p communique-cli -- schema --csv-loader pandas --csv-dir out/csv >"$work/load_tables.py"
cargo run -q -p communique-cli -- schema --csv-loader duckdb --csv-dir out/csv >"$work/tables.sql"
"$PY" scripts/conformance.d/csv_readers_check.py "$work" README.md "$work/load_tables.py" "$work/tables.sql"
