"""Times the README's example DuckDB query (commitments by kind and year of issue, joined
to statements) over a folder of communique tables: Parquet (`read_parquet`) or CSV
(the views `communique schema --csv-loader duckdb` prints, typed as written).

Usage: python duckdb_query.py parquet|csv FOLDER README.md COMMUNIQUE OUT

Prints `query S s`, the wall time of running the query and fetching its rows (DuckDB's
start, and the CSV loader's views, which read nothing until queried, are not counted),
and writes the rows to OUT/result.json so the two runs can be compared.
"""

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb


def readme_query(readme):
    match = re.search(r"<!-- conformance: duckdb-parquet -->\s*\n\s*```sql\n(.*?)\n\s*```", readme, re.S)
    if not match:
        sys.exit("README.md has no block marked <!-- conformance: duckdb-parquet -->")
    return match.group(1)


def main():
    kind, folder, readme, cli, out = sys.argv[1:6]
    query = readme_query(Path(readme).read_text(encoding="utf-8"))
    con = duckdb.connect()
    if kind == "parquet":
        query = query.replace("'out/parquet/", f"'{folder}/")
    elif kind == "csv":
        loader = subprocess.run([cli, "schema", "--csv-loader", "duckdb", "--csv-dir", folder],
                                check=True, capture_output=True, text=True).stdout
        con.execute(loader)
        query = re.sub(r"read_parquet\('[^']*/(\w+)\*\.parquet'\)", r"\1", query)
    else:
        sys.exit(f"unknown kind {kind!r}: parquet or csv")
    start = time.perf_counter()
    rows = con.sql(query).fetchall()
    elapsed = time.perf_counter() - start
    Path(out, "result.json").write_text(json.dumps(rows, default=str), encoding="utf-8")
    print(f"query {elapsed:.4f} s, {len(rows)} rows, {sum(r[-1] for r in rows)} commitments")


if __name__ == "__main__":
    main()
