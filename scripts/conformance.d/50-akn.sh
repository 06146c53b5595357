#!/usr/bin/env bash
# Conformance part: Akoma Ntoso 3.0, checked against the official schema
# (crates/akn/schemas/akomantoso30.xsd, OASIS LegalDocML) by xmllint (libxml2).
#
# 1. Exports every record of both corpora (the plain-text statements and the White House
#    folder, ingested by 05-corpus.sh), the hand-coded reference record, a record that
#    sets every field, and the crate's edge records (every paragraph kind; a record with
#    nothing but an id), one document each, with the crate's example akn_export (which
#    also reads each document back and fails unless the record is identical), twice, and
#    checks the two exports are byte-identical.
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
mkdir -p "$out/again" "$out/broken"

export_akn() { cargo run --quiet -p communique-akn --example akn_export -- "$@"; }
# The ingested corpus in a folder of its own: the hand-coded reference record has the id
# ingest derives from the same text, so it would get the same file name.
export_akn "$out/corpus" "$OUT/corpus/statements.jsonl"
export_akn "$out/hand-made" examples/data/*.json crates/xml/tests/data/full-statement.json crates/akn/tests/data/edge-records.jsonl
export_akn "$out/again/corpus" "$OUT/corpus/statements.jsonl"
export_akn "$out/again/hand-made" examples/data/*.json crates/xml/tests/data/full-statement.json crates/akn/tests/data/edge-records.jsonl
diff -r "$out/corpus" "$out/again/corpus"
diff -r "$out/hand-made" "$out/again/hand-made"
count="$(ls "$out/corpus" | wc -l)"
echo "akn: $count corpus documents and $(ls "$out/hand-made" | wc -l) hand-made ones, written twice byte-identical"
test "$count" -eq 251

xmllint --nonet --noout --schema "$schema" "$out/corpus"/*.xml "$out/hand-made"/*.xml 2>"$out/xmllint.txt" || {
    grep -v ' validates$' "$out/xmllint.txt" | head -n 20
    exit 1
}
echo "akn: xmllint --schema akomantoso30.xsd: $(grep -c ' validates$' "$out/xmllint.txt") documents valid"

original="$out/hand-made/nato-2022-02-16-59fa18d5.xml"
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
