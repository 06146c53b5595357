#!/usr/bin/env bash
# CSV conformance: exports statements with communique-csv, validates each folder with
# two independent implementations (csvw's csvwvalidate against csv-metadata.json,
# frictionless against datapackage.json, which also checks sha256 and byte counts), and
# loads the tables with pandas to check the reference statement's counts.
set -euo pipefail
cd "$ROOT"
bin="$(dirname "$PY")"
# Work in a folder of this run's own (other runs may share $OUT), kept as $OUT/csv at the end.
dest="$(mktemp -d "$OUT/csv.run.XXXXXX")"
keep() { rm -rf "$OUT/csv" && mv "$dest" "$OUT/csv" && echo "csv: outputs in $OUT/csv"; }
trap keep EXIT

# export_to NAME [--excel-safe] FILE...: writes the folder $dest/NAME, its table listing
# (sizes and sha256) into $dest/NAME.export.txt.
export_to() {
    local name="$1"
    shift
    local flags=()
    if [ "$1" = "--excel-safe" ]; then flags=(--excel-safe); shift; fi
    cargo run -q -p communique-csv --example csv_export -- "${flags[@]}" "$dest/$name" "$@" >"$dest/$name.export.txt"
}
export_to examples examples/data/*.json
# The ingested corpus (written by 05-corpus.sh): every real record, in one folder.
export_to corpus "$OUT/corpus/statements.jsonl"
export_to hostile crates/csv/tests/data/hostile.json examples/data/*.json
export_to hostile-excel-safe --excel-safe crates/csv/tests/data/hostile.json examples/data/*.json

# Python's csv module refuses a field over 128 KiB unless told otherwise, and a record
# ingested from an HTML page keeps the whole page as its source text: csvwvalidate runs
# with the limit raised, nothing else changed.
csvwvalidate() {
    "$PY" -c 'import csv, sys
csv.field_size_limit(sys.maxsize)
from csvw.__main__ import csvwvalidate
sys.argv[0] = "csvwvalidate"
sys.exit(csvwvalidate())' "$@"
}

status=0
for folder in "$dest"/*/; do
    name="$(basename "$folder")"
    if csvwvalidate "$folder/csv-metadata.json" >"$dest/$name.csvw.txt" 2>&1; then
        echo "ok   csvwvalidate $name"
    else
        echo "FAIL csvwvalidate $name"; cat "$dest/$name.csvw.txt"; status=1
    fi
    if (cd "$folder" && "$bin/frictionless" validate datapackage.json) >"$dest/$name.frictionless.txt" 2>&1; then
        echo "ok   frictionless validate $name"
    else
        echo "FAIL frictionless validate $name"; cat "$dest/$name.frictionless.txt"; status=1
    fi
done

# csvwvalidate and frictionless must also reject a broken folder, or a pass above means nothing.
broken="$dest/broken"
cp -r "$dest/examples" "$broken"
sed -i 's/,offer,commissive,/,offre,commissive,/' "$broken/commitments.csv"
if csvwvalidate "$broken/csv-metadata.json" >/dev/null 2>&1; then
    echo "FAIL csvwvalidate accepted a commitment of kind \"offre\""; status=1
else
    echo "ok   csvwvalidate rejects a broken folder"
fi
if (cd "$broken" && "$bin/frictionless" validate datapackage.json) >/dev/null 2>&1; then
    echo "FAIL frictionless accepted a commitment of kind \"offre\" and a wrong hash"; status=1
else
    echo "ok   frictionless rejects a broken folder"
fi
rm -rf "$broken"

"$PY" scripts/conformance.d/csv_pandas_check.py "$dest/examples" \
    examples/data/nato-2022-02-16-defence-ministers-ukraine.json || status=1
exit "$status"
