#!/usr/bin/env bash
# Conformance part: Akoma Ntoso 3.0, checked against the official schema
# (crates/akn/schemas/akomantoso30.xsd, OASIS LegalDocML) by xmllint (libxml2).
#
# 1. Exports every record of both corpora (the plain-text statements and the White House
#    folder, ingested by 05-corpus.sh), the hand-coded reference record, a record that
#    sets every field, and the crate's edge records (every paragraph kind; a record with
#    nothing but an id), one document each, as a user does (`communique convert --to
#    akn`, into akn/), twice, and checks the two exports are byte-identical; then reads
#    every document back (`communique convert akn/*.xml --to jsonl`) and checks the
#    records are the ones exported, byte for byte.
# 2. xmllint must accept every document.
# 3. Deliberately broken copies (a time without seconds where xs:dateTime is needed, an
#    element Akoma Ntoso does not have, an attribute it does not allow) must be
#    rejected, so that a validator accepting anything cannot pass.
set -euo pipefail
: "${ROOT:?}" "${OUT:?}"
cd "$ROOT"

out="$OUT/akn"
schema="$ROOT/crates/akn/schemas/akomantoso30.xsd"
rm -rf "$out"
mkdir -p "$out/again" "$out/back" "$out/broken"

communique() { cargo run --quiet -p communique-cli -- "$@"; }
hand_made=(examples/data/*.json crates/xml/tests/data/full-statement.json crates/akn/tests/data/edge-records.jsonl)
# The ingested corpus in a folder of its own: the hand-coded reference record has the id
# ingest derives from the same text, so one run would refuse it as a repeated id.
for run in "$out" "$out/again"; do
    communique convert "$OUT/corpus/statements.jsonl" --to akn --out "$run/corpus"
    communique convert "${hand_made[@]}" --to jsonl,akn --out "$run/hand-made"
done
diff -r "$out/corpus" "$out/again/corpus"
diff -r "$out/hand-made" "$out/again/hand-made"
count="$(ls "$out/corpus/akn" | wc -l)"
echo "akn: $count corpus documents and $(ls "$out/hand-made/akn" | wc -l) hand-made ones, written twice byte-identical"
test "$count" -eq 308

# Read back: the same records. The documents come back in file-name order, so both sides
# are compared sorted (one record a line).
communique convert "$out/corpus/akn"/*.xml --to jsonl --out "$out/back/corpus"
communique convert "$out/hand-made/akn"/*.xml --to jsonl --out "$out/back/hand-made"
cmp <(sort "$OUT/corpus/statements.jsonl") <(sort "$out/back/corpus/statements.jsonl")
cmp <(sort "$out/hand-made/statements.jsonl") <(sort "$out/back/hand-made/statements.jsonl")
echo "akn: every document reads back into the record exported"

xmllint --nonet --noout --schema "$schema" "$out/corpus/akn"/*.xml "$out/hand-made/akn"/*.xml 2>"$out/xmllint.txt" || {
    grep -v ' validates$' "$out/xmllint.txt" | head -n 20
    exit 1
}
echo "akn: xmllint --schema akomantoso30.xsd: $(grep -c ' validates$' "$out/xmllint.txt") documents valid"

original="$out/hand-made/akn/nato-2022-02-16-59fa18d5.xml"
break_copy() { # NAME SED-PROGRAM
    local target="$out/broken/$1.xml"
    sed -E "$2" "$original" >"$target"
    if cmp -s "$original" "$target"; then
        echo "akn: the edit for $1 changed nothing in $original" >&2
        exit 1
    fi
}
break_copy datetime-without-seconds 's/date="2022-02-16T15:14:00"/date="2022-02-16T15:14"/'
break_copy unknown-element '0,/<mainBody>/s//<mainBody><statementBody\/>/'
break_copy unknown-attribute '0,/<paragraph eId="para_1"/s//<paragraph eId="para_1" kind="body"/'
status=0
for broken in "$out/broken"/*.xml; do
    if xmllint --nonet --noout --schema "$schema" "$broken" 2>"$broken.xmllint"; then
        echo "akn: $broken: valid, expected INVALID"
        status=1
    else
        echo "akn: $(basename "$broken"): rejected as expected: $(grep -m1 -v 'fails to validate' "$broken.xmllint")"
    fi
done
exit "$status"
