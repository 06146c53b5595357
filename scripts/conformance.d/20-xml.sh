#!/usr/bin/env bash
# Conformance part: communique XML, checked against schemas/communique.xsd by two
# independent XML Schema validators, xmllint (libxml2) and xmlschema (Python).
#
# 1. Exports examples/data/*.json as one collection and as one document per statement,
#    twice, and checks that the two exports are byte-identical.
# 2. Both validators must accept every exported document.
# 3. Deliberately broken copies (a commitment kind outside the codebook, a date that
#    does not exist, a time of day that does not exist, an escape element for a
#    character XML can carry) must be rejected by both; a malformed xml:lang by
#    xmlschema, which knows the XML namespace's own schema.
set -euo pipefail
: "${ROOT:?}" "${OUT:?}" "${PY:?}"
cd "$ROOT"

out="$OUT/xml"
schema="$ROOT/schemas/communique.xsd"
rm -rf "$out"
mkdir -p "$out/documents" "$out/again" "$out/broken"

# The reference record, and a record that sets every field with text XML makes hard
# (markup characters, CR and CRLF, characters written as <c u="XXXX"/>).
inputs=(examples/data/*.json crates/xml/tests/data/full-statement.json)
export_xml() { cargo run --quiet -p communique-xml --example xml_export -- "$@"; }
export_xml "$out/collection.xml" "${inputs[@]}"
export_xml --documents "$out/documents" "${inputs[@]}"
export_xml "$out/again/collection.xml" "${inputs[@]}"
export_xml --documents "$out/again/documents" "${inputs[@]}"
cmp "$out/collection.xml" "$out/again/collection.xml"
diff -r "$out/documents" "$out/again/documents"
# The ingested corpus (written by 05-corpus.sh) as a collection of its own (statement ids
# are unique within a collection; the hand-coded reference shares its id with the
# ingested one) and as one document per record.
mkdir -p "$out/corpus-documents"
export_xml "$out/corpus.xml" "$OUT/corpus/statements.jsonl"
export_xml "$out/again/corpus.xml" "$OUT/corpus/statements.jsonl"
export_xml --documents "$out/corpus-documents" "$OUT/corpus/statements.jsonl"
cmp "$out/corpus.xml" "$out/again/corpus.xml"
echo "xml: two exports are byte-identical"

valid=("$out/collection.xml" "$out/documents"/*.xml "$out/corpus.xml" "$out/corpus-documents"/*.xml)
xmllint --nonet --noout --schema "$schema" "${valid[@]}"
"$PY" scripts/conformance.d/20-xml-validate.py "$schema" valid "${valid[@]}"

# Broken copies of the first single-statement document: each edit must change the file.
original="$(ls "$out/documents"/*.xml | head -n 1)"
break_copy() { # NAME SED-PROGRAM
    local target="$out/broken/$1.xml"
    sed -E "$2" "$original" >"$target"
    if cmp -s "$original" "$target"; then
        echo "xml: the edit for $1 changed nothing in $original" >&2
        exit 1
    fi
}
break_copy commitment-kind '0,/(<commitment [^>]*kind=")[a-z_]+"/s//\1promise"/'
break_copy issued-2022-02-30 '0,/(<date name="issued" date=")[0-9-]+"/s//\12022-02-30"/'
break_copy time-24-01 '0,/(<date name="lastUpdated" date="[0-9-]+" time=")[0-9:.]+"/s//\124:01"/'
break_copy escape-for-a-letter '0,/<text>/s//<text><c u="0041"\/>/'

status=0
for broken in "$out/broken"/*.xml; do
    if xmllint --nonet --noout --schema "$schema" "$broken" 2>"$broken.xmllint"; then
        echo "xmllint: $broken: valid, expected INVALID"
        status=1
    else
        echo "xmllint: $broken: rejected as expected: $(grep -m1 -v 'fails to validate' "$broken.xmllint")"
    fi
done
"$PY" scripts/conformance.d/20-xml-validate.py "$schema" invalid "$out/broken"/*.xml || status=1

# xml:lang is admitted through the XML namespace; xmlschema has that namespace's schema
# built in and checks the tag's shape, xmllint (offline) accepts it unchecked.
mkdir -p "$out/broken-lang"
sed -E 's/xml:lang="[^"]*"/xml:lang="e n!"/' "$original" >"$out/broken-lang/language-tag.xml"
"$PY" scripts/conformance.d/20-xml-validate.py "$schema" invalid "$out/broken-lang/language-tag.xml" || status=1
exit "$status"
