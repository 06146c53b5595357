#!/usr/bin/env bash
# Parquet conformance: converts the ingested corpus (written by 05-corpus.sh), the
# hostile record of the CSV tests and a record whose optional texts are present but empty
# in four shards into one parquet/ folder with the
# `communique` command, and the same records once into csv/; then DuckDB reads every
# table of the shards with read_parquet('…/parquet/<table>*.parquet') and checks
# names, types and row counts against the CSV tables loaded with the typed loader
# (`communique schema --csv-loader duckdb`), every value, and the README's example query
# over both.
set -euo pipefail
cd "$ROOT"
work="$OUT/parquet"
rm -rf "$work"
mkdir -p "$work"
# Optional texts present but empty: '' in Parquet, an empty cell listed in empty_values in CSV.
printf '%s\n' '{"id":"present-but-empty","kind":"other","reference":"","source":{"attribution":"","via":""},"paragraphs":[{"id":"para_1","kind":"body","text":"We stand united."}]}' \
    >"$work/present-but-empty.jsonl"
inputs=("$OUT/corpus/statements.jsonl" crates/csv/tests/data/hostile.json "$work/present-but-empty.jsonl")
for k in 1 2 3 4; do
    cargo run -q -p communique-cli -- convert "${inputs[@]}" --to parquet --shard "$k/4" --out "$work/out"
done
cargo run -q -p communique-cli -- convert "${inputs[@]}" --to csv --out "$work/out"
cargo run -q -p communique-cli -- schema --csv-loader duckdb --csv-dir out/csv >"$work/tables.sql"
"$PY" scripts/conformance.d/parquet_duckdb_check.py "$work" README.md "$work/tables.sql"
# And back: the four shards read as one folder give the records of the corpus.
cargo run -q -p communique-cli -- convert "$work/out/parquet" --to jsonl --out "$work/back"
cargo run -q -p communique-cli -- convert "${inputs[@]}" --to jsonl --out "$work/whole"
if cmp -s <(sort "$work/back/statements.jsonl") <(sort "$work/whole/statements.jsonl"); then
    echo "ok   the four shards' Parquet tables read back as the records of one run ($(wc -l <"$work/whole/statements.jsonl") records)"
else
    echo "FAIL the four shards' Parquet tables read back as other records than one run"
    exit 1
fi
