#!/usr/bin/env bash
# WARC: warcio (the reference Python library) writes a .warc.gz of the 57 pages of the
# HTML corpus; the communique-html reader (examples/warc_list.rs) reads it back, and
# warcio reads it too. URIs, dates, payload digests and byte counts must agree with
# what was written, and every page's title must be found.
set -euo pipefail
cd "$ROOT"
dir="$OUT/warc"
mkdir -p "$dir"
"$PY" scripts/html-warc-fixtures.py corpus crates/html/tests/data/corpus-html "$dir/corpus.warc.gz" "$dir/expected.jsonl"
cargo run -q -p communique-html --example warc_list -- "$dir/corpus.warc.gz" >"$dir/read.jsonl"
"$PY" scripts/conformance.d/40-warc-check.py "$dir/corpus.warc.gz" "$dir/expected.jsonl" "$dir/read.jsonl"
