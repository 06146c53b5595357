"""Loads a communique CSV folder with pandas, joins commitments to paragraphs and
statements, and checks the reference statement's counts.

Usage: python csv_pandas_check.py CSV_DIR REFERENCE.json

Exits non-zero, saying what differs, when a check fails.
"""

import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

# Counted by hand in examples/data/nato-2022-02-16-defence-ministers-ukraine.json.
EXPECTED_PARAGRAPHS = 5
EXPECTED_KINDS = {
    "pledge": 5,
    "action": 2,
    "readiness": 2,
    "offer": 2,
    "warning": 1,
    "demand": 2,
    "support": 2,
    "concern": 1,
    "condemnation": 0,
    "solidarity": 0,
}


def load(folder: Path, table: str) -> pd.DataFrame:
    # Only an empty cell is missing: a text such as "NA" or "None" stays text.
    return pd.read_csv(folder / f"{table}.csv", keep_default_na=False, na_values=[""], encoding="utf-8")


def main() -> int:
    folder, reference_path = Path(sys.argv[1]), Path(sys.argv[2])
    reference = json.loads(reference_path.read_text(encoding="utf-8"))
    failures = []

    def check(what, got, want):
        status = "ok" if got == want else "FAIL"
        print(f"{status:4} {what}: {got!r}" + ("" if got == want else f" (expected {want!r})"))
        if got != want:
            failures.append(what)

    statements = load(folder, "statements")
    paragraphs = load(folder, "paragraphs")
    commitments = load(folder, "commitments")
    references = load(folder, "commitment_references")

    joined = commitments.merge(
        paragraphs[["statement_id", "paragraph_id", "position", "text"]],
        on=["statement_id", "paragraph_id"],
        how="left",
        suffixes=("", "_paragraph"),
        validate="many_to_one",
        indicator=True,
    ).merge(
        statements[["statement_id", "title", "issued", "kind"]],
        on="statement_id",
        how="left",
        suffixes=("", "_statement"),
        validate="many_to_one",
    )
    check("commitments without their paragraph", int((joined["_merge"] != "both").sum()), 0)
    check("commitments without their statement", int(joined["kind_statement"].isna().sum()), 0)

    sid = reference["id"]
    ours = joined[joined["statement_id"] == sid]
    check(f"paragraphs of {sid}", int((paragraphs["statement_id"] == sid).sum()), EXPECTED_PARAGRAPHS)
    check(f"commitments of {sid}", len(ours), sum(EXPECTED_KINDS.values()))
    kinds = Counter(ours["kind"])
    check(f"commitments of {sid} by kind", {k: kinds.get(k, 0) for k in EXPECTED_KINDS}, EXPECTED_KINDS)
    # The same counts straight from the JSON record, as a second opinion.
    from_json = Counter(c["kind"] for c in reference["commitments"])
    check("counts by kind agree with the JSON record", {k: from_json.get(k, 0) for k in EXPECTED_KINDS}, EXPECTED_KINDS)
    check(f"issue date of {sid}", sorted(set(ours["issued"])), [reference["issued"]])
    check(
        f"commitments per paragraph of {sid}",
        ours.groupby("position_paragraph").size().to_dict(),
        {1: 3, 2: 2, 3: 2, 4: 4, 5: 6},
    )
    # Spans count code points, as Python's str indexing does.
    bad_spans = [
        row.commitment_id
        for row in ours.itertuples()
        if row.text[int(row.span_start) : int(row.span_end)] != row.quote
    ]
    check("quotes equal the paragraph text sliced by their span", bad_spans, [])
    check(
        f"instruments named by commitments of {sid}",
        sorted(references[references["statement_id"] == sid]["reference"]),
        ["Article 5 of the Washington Treaty", "Minsk agreements", "Normandy Format"],
    )
    check(
        "speech-act classes of the reference",
        dict(Counter(ours["speech_act_class"])),
        {"expressive": 3, "directive": 2, "commissive": 12},
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
