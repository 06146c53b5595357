"""Reads the Parquet tables of a sharded conversion with DuckDB, as the README says, and
checks them against the CSV tables of the same records.

Usage: python parquet_duckdb_check.py WORKDIR README.md LOADER.sql

WORKDIR holds `out/parquet` (the shards of one conversion) and `out/csv` (the same
records converted once); LOADER.sql is `communique schema --csv-loader duckdb` for
`out/csv`. For every table: read_parquet('out/parquet/<table>*.parquet') finds every
shard's file, its columns have the names and SQL types the CSV loader declares, it has
as many rows, and the same rows (an optional text present but empty is '' in Parquet
and an empty cell, NULL, in CSV: text is compared with NULL as ''). Then the README's
example query runs over the Parquet tables and, with the loader's views in their place,
over the CSV tables: the results must be equal. Exits non-zero when a check fails.
"""

import contextlib
import re
import sys
from pathlib import Path

import duckdb

TABLES = [
    "statements", "issuers", "places", "keywords", "paragraphs", "commitments",
    "commitment_references", "assessments", "notes", "empty_values",
]
SHARDS = 4

failures = []


def check(what, ok, detail=""):
    print(f"{'ok' if ok else 'FAIL':4} {what}" + ("" if ok else f": {detail}"))
    if not ok:
        failures.append(what)


def snippet(readme, tool):
    """The fenced block after the marker `<!-- conformance: TOOL -->`, de-indented."""
    match = re.search(rf"<!-- conformance: {tool} -->\s*\n(\s*)```\w+\n(.*?)\n\s*```", readme, re.S)
    if not match:
        sys.exit(f"README.md has no block marked <!-- conformance: {tool} -->")
    indent = match.group(1).split("\n")[-1]
    return "\n".join(line[len(indent):] if line.startswith(indent) else line
                     for line in match.group(2).split("\n"))


def over_views(query):
    """The README's query with each read_parquet('…/<table>*.parquet') replaced by the
    loader's view of the same table."""
    return re.sub(r"read_parquet\('[^']*/(\w+)\*\.parquet'\)", r"\1", query)


def parquet(name):
    return f"read_parquet('out/parquet/{name}*.parquet')"


def main():
    workdir, readme_path, loader_sql = map(Path, sys.argv[1:4])
    readme = readme_path.read_text(encoding="utf-8")
    with contextlib.chdir(workdir):
        con = duckdb.connect()
        con.execute(loader_sql.read_text(encoding="utf-8"))
        total_empty = 0
        for name in TABLES:
            files = con.sql(f"SELECT count(*) FROM glob('out/parquet/{name}*.parquet')").fetchone()[0]
            check(f"{name}: the pattern finds the {SHARDS} shards' files", files == SHARDS, files)
            rows = con.sql(f"SELECT count(*) FROM {parquet(name)}").fetchone()[0]
            types = con.sql(f"DESCRIBE SELECT * FROM {parquet(name)}").fetchall()
            declared = con.sql(f"DESCRIBE {name}").fetchall()
            check(f"{name}: columns and types as the CSV loader declares them",
                  [(c[0], c[1]) for c in types] == [(c[0], c[1]) for c in declared],
                  f"{[(c[0], c[1]) for c in types]} against {[(c[0], c[1]) for c in declared]}")
            csv_rows = con.sql(f"SELECT count(*) FROM {name}").fetchone()[0]
            check(f"{name}: {rows} rows, as in the CSV table", rows == csv_rows, f"{rows} against {csv_rows}")
            columns = ", ".join(f"coalesce({c[0]}, '')" if c[1] == "VARCHAR" else c[0] for c in declared)
            differ = con.sql(f"SELECT count(*) FROM ((SELECT {columns} FROM {parquet(name)} EXCEPT ALL "
                             f"SELECT {columns} FROM {name}) UNION ALL (SELECT {columns} FROM {name} "
                             f"EXCEPT ALL SELECT {columns} FROM {parquet(name)}))").fetchone()[0]
            check(f"{name}: the same rows as the CSV table", differ == 0, f"{differ} rows differ")
            text = [c[0] for c in declared if c[1] == "VARCHAR"]
            if text:
                empty = " + ".join(f"count(*) FILTER (WHERE {c} = '')" for c in text)
                total_empty += con.sql(f"SELECT {empty} FROM {parquet(name)}").fetchone()[0]
        # Where CSV has an empty cell, Parquet has either null (absent) or '' (present but
        # empty): the records must hold some of each for the comparison to mean anything.
        listed = con.sql(f"SELECT count(*) FROM {parquet('empty_values')}").fetchone()[0]
        check("texts present but empty are '' in Parquet, as many as empty_values lists",
              listed == 3 and total_empty == listed, f"{total_empty} empty texts, {listed} listed")

        # The README's example query, over the Parquet tables and over the CSV tables.
        query = snippet(readme, "duckdb-parquet")
        result = con.sql(query).fetchall()
        from_csv = con.sql(over_views(query)).fetchall()
        check("README query over Parquet gives rows", len(result) > 0, result)
        check("README query: the same result over the CSV tables", result == from_csv,
              f"{result[:5]} against {from_csv[:5]}")
        commitments = con.sql("SELECT count(*) FROM commitments").fetchone()[0]
        check("README query counts every commitment", sum(r[-1] for r in result) == commitments,
              f"{sum(r[-1] for r in result)} against {commitments}")
        kinds = con.sql(f"SELECT typeof(issued) FROM {parquet('statements')} LIMIT 1").fetchone()[0]
        check("issued is read as a DATE", kinds == "DATE", kinds)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
