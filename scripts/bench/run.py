"""Times communique beside the peer tools and writes the table (standard library only).

Called by scripts/bench-peers, which builds the binaries, generates the corpora and
prepares the Python environment; see that script for the options. Every tool runs
`--runs` times, the tools taking turns (the order rotates each round, so a burst of
load on a shared machine falls on different tools), under /usr/bin/time -v for the
peak resident memory; wall time is measured here with a monotonic clock. Medians are
reported; throughput is input bytes / median wall time, in MB/s (10^6 bytes).
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

MIB = 1024 * 1024


class Tool:
    """One command to time: `argv` with {out} replaced by a fresh output folder."""

    def __init__(self, key, task, name, argv, source, communique=False, stdout=None, reports=None):
        self.key, self.task, self.name, self.argv = key, task, name, argv
        self.source, self.communique, self.stdout = source, communique, stdout
        # `reports`: a regular expression whose first group, found in the tool's output,
        # is the time to record (seconds) instead of the process's wall time; for an
        # in-process measurement that leaves out a one-off start-up cost.
        self.reports = reports
        self.walls, self.rss = [], []
        sources = source if isinstance(source, list) else [source]
        self.input_bytes = sum(p.stat().st_size for p in sources)

    def run(self, work):
        out = work / self.key
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        argv = [str(a).replace("{out}", str(out)) for a in self.argv]
        timing = work / f"{self.key}.time"
        if self.stdout:
            stdout = open(str(self.stdout).replace("{out}", str(out)), "wb")
        else:
            stdout = subprocess.PIPE if self.reports else subprocess.DEVNULL
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-v", "-o", str(timing), *argv], stdout=stdout,
                              stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if self.stdout:
            stdout.close()
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace")[-2000:]
            sys.exit(f"bench: {self.name} ({self.task}) failed with exit code {done.returncode}:\n"
                     f"  {' '.join(argv)}\n{tail}")
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing.read_text())
        if not match:
            sys.exit(f"bench: no peak memory in the /usr/bin/time report of {self.name}")
        if self.reports:
            reported = re.search(self.reports, done.stdout.decode("utf-8", "replace"))
            if not reported:
                sys.exit(f"bench: {self.name} printed no time matching {self.reports!r}")
            wall = float(reported.group(1))
        self.walls.append(wall)
        self.rss.append(int(match.group(1)) * 1024)
        return out

    def wall(self):
        return statistics.median(self.walls)

    def peak(self):
        return statistics.median(self.rss)

    def mbps(self):
        return self.input_bytes / self.wall() / 1e6


def rounds(tools, runs, work, after_round=None):
    for r in range(runs):
        shift = r % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            tool.run(work)
            print(f"  run {r + 1}/{runs}: {tool.task:<34} {tool.name:<36} {tool.walls[-1]:8.2f} s "
                  f"{tool.rss[-1] / MIB:8.1f} MiB", flush=True)
        if after_round:
            after_round(r)


def fmt_seconds(s):
    return f"{s:.2f} s" if s < 100 else f"{s:.0f} s"


def fmt_memory(b):
    return f"{b / MIB:.0f} MiB" if b >= 10 * MIB else f"{b / MIB:.1f} MiB"


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return {
        "cores": os.cpu_count(), "cpu": cpu, "memory": memory,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "kernel": platform.release(),
    }


def version(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--python", required=True, help="the peers' Python (in the virtual environment)")
    parser.add_argument("--corpus", type=Path, nargs=3, required=True, metavar=("1X", "4X", "16X"))
    parser.add_argument("--nquads-input", type=Path, required=True, help="JSON Lines of the N-Quads records")
    parser.add_argument("--ingest-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale-runs", type=int, default=3)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--markdown", type=Path, help="file whose results section is (re)written")
    parser.add_argument("--command", default="scripts/bench-peers")
    parser.add_argument("--corpus-note", default="")
    args = parser.parse_args()

    root, py, work = args.root, args.python, args.work
    bench = root / "scripts" / "bench"
    cli = root / "target" / "release" / "communique"
    read_only = root / "target" / "release" / "examples" / "read_only"
    ingest_only = root / "target" / "release" / "examples" / "ingest_only"
    context = root / "schemas" / "communique.context.jsonld"
    one, four, sixteen = args.corpus
    started = datetime.datetime.now(datetime.timezone.utc)
    host = machine()
    work.mkdir(parents=True, exist_ok=True)

    def convert(fmt, source, jobs=1):
        return [cli, "convert", source, "--to", fmt, "--out", "{out}", "--force", "--jobs", str(jobs)]

    # The N-Quads peers read communique's JSON-LD of the same records, made once here.
    nquads_jsonld = work / "nquads-input"
    shutil.rmtree(nquads_jsonld, ignore_errors=True)
    subprocess.run([cli, "convert", args.nquads_input, "--to", "jsonld", "--out", nquads_jsonld],
                   check=True, stderr=subprocess.DEVNULL)
    nquads_doc = nquads_jsonld / "statements.jsonld"
    ingest_inputs = sorted(p for p in args.ingest_dir.iterdir() if p.suffix == ".md" and p.name != "README.md")

    n_records = sum(1 for _ in open(args.nquads_input, "rb"))
    commitments_header = ("statement_id,position,commitment_id,paragraph_id,span_start,span_end,quote,kind,"
                          "actor,actor_resolved,addressee,cue,intensifier,future_oriented,conditional,"
                          "method_type,method_rule,method_codebook,method_annotator")
    T_READ = "read + deserialise only"
    T_CSV = "JSON Lines → CSV tables"
    T_PQ = "JSON Lines → Parquet tables"
    T_CMT = "JSON Lines → commitments CSV only"
    T_XML = "JSON Lines → one XML document"
    T_LD = "JSON Lines → JSON-LD document"
    T_NQ = f"JSON-LD → N-Quads ({n_records:,} records)"
    T_ING = "ingest the White House folder (.md)"
    tools = [
        Tool("read", T_READ, "Rust, typed serde_json (read_only)", [read_only, one], one),
        Tool("read-model", T_READ, "Rust, model JsonLinesReader", [read_only, "--model-reader", one], one),
        Tool("c-csv", T_CSV, "communique convert --to csv", convert("csv", one), one, communique=True),
        Tool("py-csv", T_CSV, "Python stdlib csv (3 tables)", [py, bench / "csv_stdlib.py", one, "{out}"], one),
        Tool("pandas", T_CSV, "pandas json_normalize/explode/to_csv", [py, bench / "csv_pandas.py", one, "{out}"], one),
        Tool("c-parquet", T_PQ, "communique convert --to parquet", convert("parquet", one), one, communique=True),
        Tool("jq", T_CMT, "jq @csv", ["jq", "-r", "-f", bench / "commitments.jq", one], one,
             stdout="{out}/commitments.csv"),
        Tool("mlr", T_CMT, "Miller (mlr put)", ["mlr", "--ijsonl", "--ocsv", "put", "-q", "-f",
                                                bench / "commitments.mlr", one], one, stdout="{out}/commitments.csv"),
        Tool("c-xml", T_XML, "communique convert --to xml", convert("xml", one), one, communique=True),
        Tool("lxml", T_XML, "lxml incremental writer", [py, bench / "xml_lxml.py", one, "{out}/statements.xml"], one),
        Tool("etree", T_XML, "ElementTree (stdlib)", [py, bench / "xml_etree.py", one, "{out}/statements.xml"], one),
        Tool("c-jsonld", T_LD, "communique convert --to jsonld", convert("jsonld", one), one, communique=True),
        Tool("py-jsonld", T_LD, "Python json (same document)", [py, bench / "jsonld_json.py", one,
                                                                 "{out}/statements.jsonld"], one),
        Tool("c-nq", T_NQ, "communique convert --to jsonld (same records)", convert("jsonld", args.nquads_input),
             args.nquads_input, communique=True),
        Tool("pyld", T_NQ, "pyld to_rdf", [py, bench / "nquads_pyld.py", nquads_doc, context, "{out}/out.nq"],
             nquads_doc),
        Tool("rdflib", T_NQ, "rdflib parse + serialize", [py, bench / "nquads_rdflib.py", nquads_doc, context,
                                                         "{out}/out.nq"], nquads_doc),
        Tool("c-ingest", T_ING, "communique convert --to jsonl --jobs 1",
             [cli, "convert", *ingest_inputs, "--to", "jsonl", "--out", "{out}", "--force", "--jobs", "1"],
             ingest_inputs, communique=True),
        Tool("c-ingest-core", T_ING, "communique ingest in process, per pass (examples/ingest_only.rs)",
             [ingest_only, *ingest_inputs], ingest_inputs, communique=True, reports=r"([0-9.]+) s per pass"),
    ]
    by_key = {t.key: t for t in tools}
    # jq prints no header row; add it outside the timing, so its output is a full table.
    identical = []

    def after_round(r):
        out = work / "jq" / "commitments.csv"
        out.write_text(commitments_header + "\n" + out.read_text(encoding="utf-8"), encoding="utf-8")
        if r == 0:
            same = (work / "py-jsonld" / "statements.jsonld").read_bytes() == \
                   (work / "c-jsonld" / "statements.jsonld").read_bytes()
            identical.append(same)

    print(f"bench: {len(tools)} tools × {args.runs} runs on {one.name} ({one.stat().st_size / 1e6:.0f} MB)", flush=True)
    rounds(tools, args.runs, work, after_round)

    # --jobs 1 against --jobs 2 on the 4× corpus.
    jobs = [
        Tool("j1-csv", "4× corpus, --to csv", "communique --jobs 1", convert("csv", four, 1), four, communique=True),
        Tool("j2-csv", "4× corpus, --to csv", "communique --jobs 2", convert("csv", four, 2), four, communique=True),
        Tool("j1-all", "4× corpus, --to csv,xml,jsonld", "communique --jobs 1", convert("csv,xml,jsonld", four, 1),
             four, communique=True),
        Tool("j2-all", "4× corpus, --to csv,xml,jsonld", "communique --jobs 2", convert("csv,xml,jsonld", four, 2),
             four, communique=True),
    ]
    print(f"bench: --jobs 1 against --jobs 2 on {four.name} ({four.stat().st_size / 1e6:.0f} MB)", flush=True)
    rounds(jobs, args.runs, work)

    # Streaming: memory and time at 1×, 4× and 16×, every writer at once.
    scale = [Tool(f"scale-{name}", f"{name} corpus, --to csv,xml,jsonld", "communique --jobs 1",
                  convert("csv,xml,jsonld", path, 1), path, communique=True)
             for name, path in (("1×", one), ("4×", four), ("16×", sixteen))]
    print("bench: 1×, 4×, 16× corpora, --to csv,xml,jsonld --jobs 1", flush=True)
    rounds(scale, args.scale_runs, work)

    # Parquet: memory and time at 1×, 4× and 16×.
    pq_scale = [Tool(f"pq-scale-{name}", f"{name} corpus, --to parquet", "communique --jobs 1",
                     convert("parquet", path, 1), path, communique=True)
                for name, path in (("1×", one), ("4×", four), ("16×", sixteen))]
    print("bench: 1×, 4×, 16× corpora, --to parquet --jobs 1", flush=True)
    rounds(pq_scale, args.scale_runs, work)

    # DuckDB: the README's query over the 16× corpus's tables, Parquet against CSV (the
    # outputs of the last 16× runs above).
    T_DUCK = "README query, 16× corpus (DuckDB)"
    parquet_dir = work / "pq-scale-16×" / "parquet"
    csv_dir = work / "scale-16×" / "csv"
    duck = [
        Tool("duck-parquet", T_DUCK, "over the Parquet tables (read_parquet)",
             [py, bench / "duckdb_query.py", "parquet", parquet_dir, root / "README.md", cli, "{out}"],
             sorted(parquet_dir.iterdir()), reports=r"query ([0-9.]+) s"),
        Tool("duck-csv", T_DUCK, "over the CSV tables (typed loader views)",
             [py, bench / "duckdb_query.py", "csv", csv_dir, root / "README.md", cli, "{out}"],
             sorted(csv_dir.iterdir()), reports=r"query ([0-9.]+) s"),
    ]
    print("bench: DuckDB, the README's query over the 16× corpus, Parquet and CSV", flush=True)
    rounds(duck, args.runs, work)
    same_result = (work / "duck-parquet" / "result.json").read_text() == (work / "duck-csv" / "result.json").read_text()
    if not same_result:
        sys.exit("bench: the README's query gives other rows over the Parquet tables than over the CSV tables")
    shutil.rmtree(work, ignore_errors=True)

    # The table.
    reference = {}
    for t in tools:
        if t.communique and t.task not in reference:
            reference[t.task] = t
    reference[T_CMT] = by_key["c-csv"]
    lines = [
        "| task | tool | median wall | throughput | peak memory | peer time ÷ communique time |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for t in tools:
        if t.key == "c-ingest-core":
            ratio = "the same, start-up excluded"
        elif t.communique:
            ratio = "1 (reference)"
        elif t.task == T_READ:
            ratio = f"communique CSV reaches {by_key['c-csv'].mbps() / t.mbps():.2f} of it"
        else:
            ratio = f"{t.wall() / reference[t.task].wall():.1f}×"
        lines.append(f"| {t.task} | {t.name} | {fmt_seconds(t.wall())} | {t.mbps():.1f} MB/s | "
                     f"{fmt_memory(t.peak())} | {ratio} |")
    table = "\n".join(lines)

    jobs_lines = ["| corpus and formats | jobs | median wall | throughput | peak memory | speed-up |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for one_job, two_jobs in ((jobs[0], jobs[1]), (jobs[2], jobs[3])):
        for t, n in ((one_job, 1), (two_jobs, 2)):
            speed = "" if n == 1 else f"{one_job.wall() / two_jobs.wall():.2f}×"
            jobs_lines.append(f"| {t.task} | {n} | {fmt_seconds(t.wall())} | {t.mbps():.1f} MB/s | "
                              f"{fmt_memory(t.peak())} | {speed} |")
    scale_lines = ["| corpus | size | median wall | throughput | peak memory | time ÷ time at 1× |",
                   "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for runs in (scale, pq_scale):
        for t in runs:
            scale_lines.append(f"| {t.task} | {t.input_bytes / 1e6:,.0f} MB | {fmt_seconds(t.wall())} | "
                               f"{t.mbps():.1f} MB/s | {fmt_memory(t.peak())} | {t.wall() / runs[0].wall():.2f} |")
    duck_lines = ["| query over | tables read | median time of the query | ÷ Parquet |",
                  "| --- | ---: | ---: | ---: |"]
    for t in duck:
        duck_lines.append(f"| {t.name} | {t.input_bytes / 1e6:,.0f} MB | {t.wall():.3f} s | "
                          f"{t.wall() / duck[0].wall():.1f}× |")

    # Targets of issue 9.
    c = by_key
    peaks = [t.peak() for t in tools + jobs + scale + pq_scale if t.communique]
    scale_peaks = [t.peak() for t in scale]
    pq_peaks = [t.peak() for t in pq_scale]
    checks = [
        ("CSV ≥ 25× pandas", c["pandas"].wall() / c["c-csv"].wall(), 25, "×"),
        ("CSV ≥ 5× the stdlib csv script", c["py-csv"].wall() / c["c-csv"].wall(), 5, "×"),
        ("CSV ≥ 0.6 of read + deserialise-only throughput", c["c-csv"].mbps() / c["read"].mbps(), 0.6, ""),
        ("XML ≥ 5× the lxml script", c["lxml"].wall() / c["c-xml"].wall(), 5, "×"),
        ("JSON-LD ≥ 5× the Python json script", c["py-jsonld"].wall() / c["c-jsonld"].wall(), 5, "×"),
        ("--jobs 2 ≥ 1.7× --jobs 1 on the 4× corpus (csv)", jobs[0].wall() / jobs[1].wall(), 1.7, "×"),
        ("--jobs 2 ≥ 1.7× --jobs 1 on the 4× corpus (csv,xml,jsonld)", jobs[2].wall() / jobs[3].wall(), 1.7, "×"),
        ("peak memory ≤ 64 MiB in every communique run (MiB)", max(peaks) / MIB, 64, " MiB", "max"),
        ("peak memory the same at 1×, 4×, 16× (largest ÷ smallest ≤ 1.25)", max(scale_peaks) / min(scale_peaks),
         1.25, "", "max"),
        ("time linear: 16× within 18× the time of 1×", scale[2].wall() / scale[0].wall(), 18, "×", "max"),
        ("Parquet ≥ the CSV writer's throughput (1× corpus, --jobs 1)", c["c-parquet"].mbps() / c["c-csv"].mbps(),
         1, "×"),
        ("Parquet: peak memory the same at 1×, 4×, 16× (largest ÷ smallest ≤ 1.25)", max(pq_peaks) / min(pq_peaks),
         1.25, "", "max"),
        ("ingest ≥ 25 MB/s per core (White House folder, in process, one thread)", c["c-ingest-core"].mbps(), 25,
         " MB/s"),
        ("(whole process: convert --to jsonl --jobs 1, codebook compiled each run)", c["c-ingest"].mbps(), 25,
         " MB/s"),
    ]
    target_lines = ["| target | measured | holds |", "| --- | ---: | --- |"]
    for check in checks:
        name, value, bound, unit = check[:4]
        holds = value <= bound if len(check) > 4 else value >= bound
        target_lines.append(f"| {name} | {value:.2f}{unit} | {'yes' if holds else '**no**'} |")

    same = "byte-identical to" if identical and identical[0] else "DIFFERENT from"
    vers = {
        "rustc": version(["rustc", "--version"]),
        "python": version([py, "--version"]),
        "peers": version([py, "-c", "import pandas, lxml.etree as e, pyld, rdflib; "
                          "print('pandas', pandas.__version__, '· lxml', '.'.join(map(str, e.LXML_VERSION[:3])), "
                          "'· rdflib', rdflib.__version__, '· PyLD', "
                          "__import__('importlib.metadata').metadata.version('PyLD'))"]),
        "jq": version(["jq", "--version"]),
        "mlr": version(["mlr", "--version"]),
    }
    section = f"""<!-- results:start (written by scripts/bench-peers; edit the text around it, not this) -->
## Results

Measured {started:%Y-%m-%d %H:%M} UTC with `{args.command}`.

Machine: {host['cores']} cores ({host['cpu']}), {host['memory']} memory, Linux {host['kernel']};
load average at the start {host['load']}. {vers['rustc']}; {vers['python']}; {vers['peers']};
{vers['jq']}; {vers['mlr']}.

Corpus: {one.name}, {one.stat().st_size / 1e6:.1f} MB of JSON Lines ({args.corpus_note}).

Each tool ran {args.runs} time(s), the tools taking turns; the table gives medians. Every
communique run in the first table uses `--jobs 1`, like the single-threaded peers. The
last column divides the peer's median time by communique's on the same task (the
commitments-only peers by `--to csv`, which writes every table). The Python JSON-LD
script's document is {same} communique's.

{table}

### `--jobs 1` against `--jobs 2`

{chr(10).join(jobs_lines)}

### Streaming: 1×, 4× and 16× ({args.scale_runs} run(s) each)

{chr(10).join(scale_lines)}

### DuckDB over the 16× corpus's tables ({args.runs} run(s) each)

The README's example query (commitments by kind and year of issue, joined to statements)
over the Parquet tables and over the CSV tables of the same records, read with the loader's
typed views; the time of the query alone, in a fresh process each run. Both give the same rows.

{chr(10).join(duck_lines)}

### Targets of issues 9 and 19

{chr(10).join(target_lines)}
<!-- results:end -->
"""
    print()
    print(section)
    if args.markdown:
        text = args.markdown.read_text(encoding="utf-8") if args.markdown.exists() else ""
        pattern = re.compile(r"<!-- results:start.*?<!-- results:end -->\n?", re.S)
        text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
        args.markdown.write_text(text, encoding="utf-8")
        print(f"bench: wrote the results into {args.markdown}")


if __name__ == "__main__":
    main()
