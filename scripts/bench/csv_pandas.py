"""Peer: JSON Lines -> 3 CSV tables the way a pandas user writes it: load every record,
json_normalize the statements, explode the paragraph and commitment lists into rows,
normalise those, and to_csv each table.

usage: python csv_pandas.py INPUT.jsonl OUTDIR
"""
import json
import os
import sys

import pandas as pd


def main(source, out):
    os.makedirs(out, exist_ok=True)
    with open(source, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    frame = pd.json_normalize(records, sep="_", max_level=1)
    statements = frame.drop(columns=[c for c in ("paragraphs", "commitments", "issuers", "places",
                                                 "keywords", "notes") if c in frame.columns])
    statements.to_csv(os.path.join(out, "statements.csv"), index=False)

    for name in ("paragraphs", "commitments"):
        rows = frame[["id", name]].explode(name, ignore_index=True).dropna(subset=[name])
        rows = rows.rename(columns={"id": "statement_id"})
        rows["position"] = rows.groupby("statement_id").cumcount() + 1
        parts = pd.json_normalize(rows[name].tolist(), sep="_")
        table = pd.concat([rows[["statement_id", "position"]].reset_index(drop=True), parts], axis=1)
        if name == "commitments":
            for column in ("future_oriented", "conditional"):
                if column in table.columns:
                    table[column] = table[column].fillna(False).map({True: "true", False: "false"})
        table.to_csv(os.path.join(out, f"{name}.csv"), index=False)


if __name__ == "__main__":
    main(*sys.argv[1:3])
