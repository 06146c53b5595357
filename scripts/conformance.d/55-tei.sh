#!/usr/bin/env bash
# Conformance part: TEI P5, checked against the official schema
# (crates/tei/schemas/tei_all.rng, TEI P5 4.3.0, all modules) by jing (RELAX NG).
#
# 1. Exports every record of both corpora (ingested by 05-corpus.sh), the hand-coded
#    reference record, a record that sets every field and the crate's edge records
#    (every paragraph kind; a record with nothing but an id), one document each, as a
#    user does (`communique convert --to tei`, into tei/), twice, and checks the two
#    exports are byte-identical; then reads every document back (`communique convert
#    tei/*.xml --to jsonl`) and checks the records are the ones exported, byte for byte.
# 2. jing must accept every document.
# 3. Deliberately broken copies (a day that does not exist, an element TEI does not
#    have, an attribute it does not allow) must be rejected.
set -euo pipefail
: "${ROOT:?}" "${OUT:?}"
cd "$ROOT"

if ! command -v jing >/dev/null 2>&1; then
    echo "conformance: installing Debian package: jing"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq jing >/dev/null
fi
# jing validates every file given and exits non-zero if any is invalid; its Debian
# wrapper warns about optional jars it does not need.
run_jing() { jing "$@" 2> >(grep -v '^\[warning\] .*jing: Unable to locate' >&2); }

out="$OUT/tei"
schema="$ROOT/crates/tei/schemas/tei_all.rng"
rm -rf "$out"
mkdir -p "$out/again" "$out/back" "$out/broken"

communique() { cargo run --quiet -p communique-cli -- "$@"; }
hand_made=(examples/data/*.json crates/xml/tests/data/full-statement.json crates/tei/tests/data/edge-records.jsonl)
# The ingested corpus in a folder of its own: the hand-coded reference record has the id
# ingest derives from the same text, so one run would refuse it as a repeated id.
for run in "$out" "$out/again"; do
    communique convert "$OUT/corpus/statements.jsonl" --to tei --out "$run/corpus"
    communique convert "${hand_made[@]}" --to jsonl,tei --out "$run/hand-made"
done
diff -r "$out/corpus" "$out/again/corpus"
diff -r "$out/hand-made" "$out/again/hand-made"
count="$(ls "$out/corpus/tei" | wc -l)"
echo "tei: $count corpus documents and $(ls "$out/hand-made/tei" | wc -l) hand-made ones, written twice byte-identical"
test "$count" -eq 308

# Read back: the same records. The documents come back in file-name order, so both sides
# are compared sorted (one record a line).
communique convert "$out/corpus/tei"/*.xml --to jsonl --out "$out/back/corpus"
communique convert "$out/hand-made/tei"/*.xml --to jsonl --out "$out/back/hand-made"
cmp <(sort "$OUT/corpus/statements.jsonl") <(sort "$out/back/corpus/statements.jsonl")
cmp <(sort "$out/hand-made/statements.jsonl") <(sort "$out/back/hand-made/statements.jsonl")
echo "tei: every document reads back into the record exported"

documents=("$out/corpus/tei"/*.xml "$out/hand-made/tei"/*.xml)
run_jing "$schema" "${documents[@]}"
echo "tei: jing tei_all.rng: ${#documents[@]} documents valid"

original="$out/hand-made/tei/nato-2022-02-16-59fa18d5.xml"
break_copy() { # NAME SED-PROGRAM
    local target="$out/broken/$1.xml"
    sed -E "$2" "$original" >"$target"
    if cmp -s "$original" "$target"; then
        echo "tei: the edit for $1 changed nothing in $original" >&2
        exit 1
    fi
}
break_copy issued-2022-02-30 's/when="2022-02-16">2022-02-16/when="2022-02-30">2022-02-30/'
break_copy unknown-element '0,/<body>/s//<body><statement\/>/'
break_copy unknown-attribute '0,/<p xml:id="para_1"/s//<p xml:id="para_1" kind="body"/'
status=0
for broken in "$out/broken"/*.xml; do
    if run_jing "$schema" "$broken" >"$broken.jing" 2>&1; then
        echo "tei: $broken: valid, expected INVALID"
        status=1
    else
        echo "tei: $(basename "$broken"): rejected as expected: $(head -n 1 "$broken.jing" | sed 's/^.*: error: //')"
    fi
done
exit "$status"
