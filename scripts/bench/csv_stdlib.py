"""Peer: JSON Lines -> 3 CSV tables (statements, paragraphs, commitments) with the
Python standard library (json + csv), streaming one record at a time.

usage: python csv_stdlib.py INPUT.jsonl OUTDIR
"""
import csv
import json
import os
import sys

from common import (COMMITMENT_COLUMNS, PARAGRAPH_COLUMNS, STATEMENT_COLUMNS,
                    commitment_rows, paragraph_rows, statement_row)


def main(source, out):
    os.makedirs(out, exist_ok=True)
    opened = [open(os.path.join(out, name), "w", newline="", encoding="utf-8")
              for name in ("statements.csv", "paragraphs.csv", "commitments.csv")]
    statements, paragraphs, commitments = (csv.writer(f) for f in opened)
    statements.writerow(STATEMENT_COLUMNS)
    paragraphs.writerow(PARAGRAPH_COLUMNS)
    commitments.writerow(COMMITMENT_COLUMNS)
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            statements.writerow(statement_row(record))
            paragraphs.writerows(paragraph_rows(record))
            commitments.writerows(commitment_rows(record))
    for f in opened:
        f.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
