"""Runs the README's pandas and DuckDB snippets, and the loading scripts that
`communique schema --csv-loader` prints, on a CSV folder whose ids and text cells hold the
values those tools like to reinterpret, and checks that every cell comes back as written.

Usage: python csv_readers_check.py WORKDIR README.md LOADER.py LOADER.sql

WORKDIR holds the folder `out/csv` (the snippets name it so). The reference for every
cell is Python's own csv module, which reads each cell as the text it is. Exits non-zero,
saying what differs, when a check fails.
"""

import contextlib
import csv
import datetime
import os
import re
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd

HOSTILE = ["NA", "null", "N/A", "NaN", "None", "#N/A", "NULL", "n/a", "007", "TRUE", "1e5"]
TABLES = [
    "statements", "issuers", "places", "keywords", "paragraphs", "commitments",
    "commitment_references", "assessments", "notes", "empty_values",
]

failures = []


def check(what, ok, detail=""):
    print(f"{'ok' if ok else 'FAIL':4} {what}" + ("" if ok else f": {detail}"))
    if not ok:
        failures.append(what)


def raw_table(folder, name):
    """Header and rows of a table, every cell the text written."""
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def missing(value):
    return value is None or (not isinstance(value, (str, bool)) and pd.isna(value))


def as_written(value):
    """The text a loaded cell stands for, or None for a missing value."""
    if missing(value):
        return None
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int,)) or type(value).__name__.startswith("int"):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)  # a float where text or an integer was written is a loss
    return str(value)


def compare(what, header, rows, loaded_header, loaded_rows):
    """Cell by cell: an empty cell must load as missing, any other as its own text."""
    if list(loaded_header) != header:
        check(what, False, f"columns {list(loaded_header)} instead of {header}")
        return
    if len(loaded_rows) != len(rows):
        check(what, False, f"{len(loaded_rows)} rows instead of {len(rows)}")
        return
    for i, (want_row, got_row) in enumerate(zip(rows, loaded_rows)):
        for column, want, got in zip(header, want_row, got_row):
            got_text = as_written(got)
            if (want == "" and got_text is not None) or (want != "" and got_text != want):
                check(what, False, f"row {i + 1}, {column}: wrote {want!r}, read {got!r}")
                return
    check(what, True)


def frame_rows(frame):
    return list(frame.columns), [list(row) for row in frame.astype(object).itertuples(index=False)]


def duck_rows(relation):
    return list(relation.columns), [list(row) for row in relation.fetchall()]


def snippet(readme, tool):
    """The fenced block after the marker `<!-- conformance: TOOL -->`, de-indented."""
    match = re.search(
        rf"<!-- conformance: {tool} -->\s*\n(\s*)```\w+\n(.*?)\n\s*```", readme, re.S
    )
    if not match:
        sys.exit(f"README.md has no block marked <!-- conformance: {tool} -->")
    indent = match.group(1).split("\n")[-1]
    return "\n".join(line[len(indent):] if line.startswith(indent) else line
                     for line in match.group(2).split("\n"))


def main():
    workdir, readme_path, loader_py, loader_sql = map(Path, sys.argv[1:5])
    readme = readme_path.read_text(encoding="utf-8")
    folder = workdir / "out" / "csv"
    raw = {name: raw_table(folder, name) for name in TABLES}

    # The folder must hold every hostile value, in ids and in text cells, or a pass
    # below proves nothing.
    ids = {row[0] for row in raw["statements"][1]}
    cells = {cell for _, rows in raw.values() for row in rows for cell in row}
    check("statement ids include NA, 007, TRUE, 1e5, null", {"NA", "007", "TRUE", "1e5", "null"} <= ids,
          sorted(ids))
    check("text cells hold every hostile value", set(HOSTILE) <= cells, sorted(set(HOSTILE) - cells))

    # A negative control: pandas with its defaults does lose them.
    header, rows = raw["places"]
    default = pd.read_csv(folder / "places.csv")
    lost = default["place"].isna().sum()
    check("pandas' defaults lose data here (the check can fail)", lost > 0, "no value was lost")

    with contextlib.chdir(workdir):
        # README: pandas.
        namespace = {}
        exec(compile(snippet(readme, "pandas"), "README.md (pandas)", "exec"), namespace)
        for name in TABLES:
            compare(f"README pandas read_table('out/csv', '{name}')", *raw[name],
                    *frame_rows(namespace["read_table"]("out/csv", name)))
        by_kind = Counter(row[raw["commitments"][0].index("kind")] for row in raw["commitments"][1])
        grouped = namespace["cm"].merge(namespace["st"][["statement_id", "issued"]], on="statement_id")
        check("README pandas join keeps every commitment",
              dict(grouped.groupby("kind").size()) == dict(by_kind),
              f"{dict(grouped.groupby('kind').size())} instead of {dict(by_kind)}")

        # README: DuckDB.
        result = duckdb.sql(snippet(readme, "duckdb")).fetchall()
        check("README DuckDB query counts every commitment by kind", dict(result) == dict(by_kind),
              f"{dict(result)} instead of {dict(by_kind)}")
        for name in TABLES:
            relation = duckdb.sql(
                f"SELECT * FROM read_csv('out/csv/{name}.csv', header = true, all_varchar = true, nullstr = '')"
            )
            compare(f"README DuckDB read_csv(all_varchar) of {name}", *raw[name], *duck_rows(relation))

        # communique schema --csv-loader pandas.
        namespace = {}
        exec(compile(loader_py.read_text(encoding="utf-8"), str(loader_py), "exec"), namespace)
        for name in TABLES:
            compare(f"--csv-loader pandas: {name}", *raw[name], *frame_rows(namespace[name]))

        # communique schema --csv-loader duckdb.
        con = duckdb.connect()
        con.execute(loader_sql.read_text(encoding="utf-8"))
        for name in TABLES:
            compare(f"--csv-loader duckdb: {name}", *raw[name], *duck_rows(con.sql(f"SELECT * FROM {name}")))
        types = dict(con.sql("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'commitments'").fetchall())
        check("--csv-loader duckdb types commitments", (types["span_start"], types["future_oriented"],
              types["quote"]) == ("BIGINT", "BOOLEAN", "VARCHAR"), types)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
