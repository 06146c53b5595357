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
cargo run -q -p communique-jsonld --example export -- --nquads "$dir" "${inputs[@]}"
"$PY" scripts/conformance.d/30-jsonld.py "$dir"

# The ingested corpus (written by 05-corpus.sh), in a folder of its own: the hand-coded
# reference record shares its id, and so its node IRIs, with the ingested one.
mkdir -p "$dir/corpus"
cargo run -q -p communique-jsonld --example export -- --nquads "$dir/corpus" "$OUT/corpus/statements.jsonl"
"$PY" scripts/conformance.d/30-jsonld.py "$dir/corpus"
