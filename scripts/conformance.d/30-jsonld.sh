#!/usr/bin/env bash
# JSON-LD conformance: our exports checked by pyld, rdflib and pyshacl (see 30-jsonld.py).
set -euo pipefail
cd "$ROOT"
dir="$OUT/jsonld"
rm -rf "$dir"
mkdir -p "$dir"
# The hand-coded records and the test fixtures.
inputs=(examples/data/*.json crates/jsonld/tests/data/*.json)
# One .jsonld per record, all.jsonld with every record, and oxjsonld's N-Quads (.nq).
cargo run -q -p communique-jsonld --example jsonld_export -- --nquads "$dir" "${inputs[@]}"
"$PY" scripts/conformance.d/30-jsonld.py "$dir"

# The ingested corpus (written by 05-corpus.sh), in a folder of its own: the hand-coded
# reference record shares its id, and so its node IRIs, with the ingested one. pyld's
# URDNA2015 canonicalisation takes minutes per large document, so the check takes the
# ten plain-text statements (the first lines) and every twelfth White House statement:
# 30 records, every kind of input, in a few minutes.
mkdir -p "$dir/corpus"
awk 'NR <= 10 || NR % 12 == 0' "$OUT/corpus/statements.jsonl" >"$dir/corpus-sample.jsonl"
cargo run -q -p communique-jsonld --example jsonld_export -- --nquads "$dir/corpus" "$dir/corpus-sample.jsonl"
"$PY" scripts/conformance.d/30-jsonld.py "$dir/corpus"
