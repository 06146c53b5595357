#!/usr/bin/env bash
# Ingests the real statements the repository carries (tests/data/corpus/*.txt, the
# reference statement in examples/data, tests/data/corpus-whitehouse/2*.md and the HTML
# pages of crates/html/tests/data/corpus-html/) into one
# JSON record each, in $OUT/corpus/json/, so that every later part checks the exports of real ingested records too, not only
# the hand-coded reference record.
set -euo pipefail
: "${ROOT:?}" "${OUT:?}"
cd "$ROOT"
rm -rf "$OUT/corpus"
cargo run -q -p communique-cli -- convert tests/data/corpus/*.txt examples/data/*.txt tests/data/corpus-whitehouse/2*.md \
    crates/html/tests/data/corpus-html/*.html \
    --to json,jsonl --out "$OUT/corpus"
count="$(ls "$OUT/corpus/json" | wc -l)"
echo "corpus: $count records in $OUT/corpus/json"
test "$count" -eq 308  # 10 plain-text statements, 241 Markdown ones and 57 HTML pages
