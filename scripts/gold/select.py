"""Chooses the statements of the commitment gold set and splits them, once, into a
development part and a test part. Deterministic: the same folders give the same
selection. Writes tests/data/commitments/selection.tsv (file, genre, words, split).

Usage: python3 scripts/gold/select.py            (round 1: selection.tsv)
       python3 scripts/gold/select.py --round 2  (round 2: selection-2.tsv)
       python3 scripts/gold/select.py --round 3  (round 3: selection-3.tsv)
       python3 scripts/gold/select.py --round 4  (round 4: selection-4.tsv)
       python3 scripts/gold/select.py --round 5  (round 5: selection-5.tsv)
       python3 scripts/gold/select.py --round 6  (round 6: selection-6.tsv)
       python3 scripts/gold/select.py --round 7  (round 7: selection-7.tsv)
       python3 scripts/gold/select.py --round 8  (round 8: selection-8.tsv)
       python3 scripts/gold/select.py --round 9  (round 9: selection-9.tsv)
       python3 scripts/gold/select.py --other    (other sources: selection-other.tsv)
       python3 scripts/gold/select.py --german   (German pages: selection-de.tsv)

The ten statements of tests/data/corpus are all in the development part: the rules
were written against them before this gold set existed, so they cannot test anything.
From the White House folder, 90 files are drawn by genre (the genre read from the
scraper's file name), long files capped so that two coders can code every sentence;
within each genre a third goes to the test part.

Round 2 is a second held-out part, drawn once the rules had been scored on round 1's
test part (which then joined what the rules may be tuned on): 30 White House files that
no earlier round holds, by genre, all in the part "test2", written to
tests/data/commitments/selection-2.tsv. Its files are coded as round 1's were and
scored once, with rules written without them. Round 3 is drawn the same way, once round
2 had been scored, from the files neither earlier round holds (part "test3"), round 4
once round 3 had been (part "test4"), round 5 once round 4 had been (part "test5"), and
round 6 once round 5 had been (part "test6"), round 7 once round 6 had been (part
"test7"), round 8 once round 7 had been (part "test8"), and round 9 once round 8 had
been (part "test9").

The part "other" tests whether the rules carry beyond the White House: every English page
of the HTML test corpus (crates/html/tests/data/corpus-html: the Kremlin's English site,
the European Parliament's press releases, a Jamaican government news page, two Obama-era
weekly addresses) that is an official statement, that is, all but the pages its manifest
marks "not a statement" and one 769-paragraph news conference. It is coded like the
rounds, from the text that `communique eval --prepare` reads out of each page, and scored
once.

The part "de" is the German pages of the same corpus that are official statements (press
releases, government news, speeches of the Austrian, German and Swiss federal
governments), drawn the same way, coded under the same manual and scored once: the German
rules' first gold beyond one development statement.
"""

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WH = ROOT / "tests/data/corpus-whitehouse"
OUT = ROOT / "tests/data/commitments/selection.tsv"

# genre: (how many, at most this many words)
QUOTAS = {
    "joint": (31, 2000),
    "disaster": (14, 10_000),
    "statement": (14, 10_000),
    "factsheet": (9, 2600),
    "readout": (10, 10_000),
    "declaration": (4, 2400),
    "g7": (1, 2000),
    "letter": (2, 10_000),
    "other": (3, 1200),
    "transcript": (2, 6000),
}

# Round 2: 30 files, none of round 1's, long joint statements capped so that two
# coders can code every sentence.
QUOTAS_2 = {
    "joint": (11, 1500),
    "disaster": (5, 10_000),
    "statement": (5, 10_000),
    "readout": (3, 10_000),
    "factsheet": (2, 2600),
    "declaration": (1, 2400),
    "g7": (1, 2400),
    "letter": (1, 10_000),
    "other": (1, 1200),
}
OUT_2 = ROOT / "tests/data/commitments/selection-2.tsv"

# Round 3: 30 files that neither earlier round holds, drawn once round 2 had been
# scored; joint statements and fact sheets weigh more, as they hold most commitments.
QUOTAS_3 = {
    "joint": (14, 1500),
    "disaster": (4, 10_000),
    "statement": (4, 10_000),
    "factsheet": (3, 2600),
    "readout": (2, 10_000),
    "declaration": (1, 1100),
    "other": (1, 1200),
    "letter": (1, 10_000),
}
OUT_3 = ROOT / "tests/data/commitments/selection-3.tsv"

# Round 4: what the earlier rounds left, drawn once round 3 had been scored; longer joint
# statements and fact sheets are let in, as few short ones remain.
QUOTAS_4 = {
    "joint": (12, 2200),
    "disaster": (6, 10_000),
    "statement": (4, 10_000),
    "factsheet": (2, 3000),
    "declaration": (1, 2700),
    "other": (1, 1200),
}
OUT_4 = ROOT / "tests/data/commitments/selection-4.tsv"

# Round 5: drawn once round 4 had been scored. The earlier rounds left mostly disaster
# declarations and long joint statements; joint statements up to 2,700 words and both
# remaining fact sheets are let in, so that the part is not made of formulaic texts.
QUOTAS_5 = {
    "joint": (6, 2700),
    "factsheet": (2, 4000),
    "disaster": (6, 10_000),
}
OUT_5 = ROOT / "tests/data/commitments/selection-5.tsv"

# Round 6: drawn once round 5 had been scored. What is left is joint statements of 2,700
# words and more, disaster declarations and one long transcript; joint statements up to
# 3,300 words are let in.
QUOTAS_6 = {
    "joint": (5, 3300),
    "disaster": (4, 10_000),
}
OUT_6 = ROOT / "tests/data/commitments/selection-6.tsv"

# Round 7: drawn once round 6 had been scored. What is left is seven joint statements of
# 2,700 words and more, disaster declarations and one long transcript; joint statements up
# to 4,000 words are let in.
QUOTAS_7 = {
    "joint": (4, 4000),
    "disaster": (4, 10_000),
}
OUT_7 = ROOT / "tests/data/commitments/selection-7.tsv"

# Round 8: drawn once round 7 had been scored: the last three joint statements (4,400 to
# 7,700 words) and four more disaster declarations. After it the White House folder holds
# only disaster declarations and one long transcript that no round has drawn.
QUOTAS_8 = {
    "joint": (3, 10_000),
    "disaster": (4, 10_000),
}
OUT_8 = ROOT / "tests/data/commitments/selection-8.tsv"

# Round 9: drawn once round 8 had been scored: the one transcript no round has drawn (a
# press briefing of 12,000 words, reporters' questions included) and six of the
# remaining disaster declarations, so that the briefing is not scored alone.
QUOTAS_9 = {
    "transcript": (1, 100_000),
    "disaster": (6, 10_000),
}
OUT_9 = ROOT / "tests/data/commitments/selection-9.tsv"

# The held-out rounds after the first: round number → (quotas, selection file).
ROUNDS = {
    2: (QUOTAS_2, OUT_2),
    3: (QUOTAS_3, OUT_3),
    4: (QUOTAS_4, OUT_4),
    5: (QUOTAS_5, OUT_5),
    6: (QUOTAS_6, OUT_6),
    7: (QUOTAS_7, OUT_7),
    8: (QUOTAS_8, OUT_8),
    9: (QUOTAS_9, OUT_9),
}

HTML = ROOT / "crates/html/tests/data/corpus-html"
OUT_OTHER = ROOT / "tests/data/commitments/selection-other.tsv"
OUT_GERMAN = ROOT / "tests/data/commitments/selection-de.tsv"


def html_pages(language, part, out):
    """Every statement page of the HTML corpus in `language`, in part `part`."""
    import csv

    rows = []
    with (HTML / "MANIFEST.tsv").open() as f:
        for page in csv.DictReader(f, delimiter="\t"):
            kind = page["kind"]
            if (not page["language"].startswith(language) or "not a statement" in kind
                    or kind == "news_conference_transcript"):
                continue
            path = HTML / page["file"]
            words = len(re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8")).split())
            rows.append((str(path.relative_to(ROOT)), kind, words, part))
    rows.sort()
    write(out, rows)
    print(f"{len(rows)} pages; written to {out.relative_to(ROOT)}")


def main_other():
    """Every English statement page of the HTML corpus, in part "other"."""
    html_pages("en", "other", OUT_OTHER)


def main_german():
    """Every German statement page of the HTML corpus, in part "de"."""
    html_pages("de", "de", OUT_GERMAN)


def genre(name):
    slug = re.sub(r"^\d{4}-\d{2}_\d{4}-\d{2}-\d{2}-", "", name)
    if re.search(r"press-briefing|press-call|remarks|press-gaggle", slug):
        return "transcript"
    if slug.startswith("fact-sheet"):
        return "factsheet"
    if slug.startswith("readout"):
        return "readout"
    if re.search(r"approves|amends", slug):
        return "disaster"
    if slug.startswith("joint") or re.search(r"joint-statement|joint-leaders|leaders-statement", slug):
        return "joint"
    if slug.startswith(("statement-from", "statement-by")):
        return "statement"
    if slug.startswith("g7"):
        return "g7"
    if slug.startswith(("letter", "memorandum")):
        return "letter"
    if "declaration" in slug:
        return "declaration"
    return "other"


def by_genre(earlier=frozenset()):
    """The White House files no earlier round holds, by genre, each genre in name order."""
    genres = {}
    for path in sorted(WH.glob("*.md")):
        if path.name == "README.md" or str(path.relative_to(ROOT)) in earlier:
            continue
        genres.setdefault(genre(path.name), []).append(path)
    return genres


def pool(genres, name, cap):
    """The files of genre `name` of at most `cap` words."""
    return [p for p in genres.get(name, []) if len(p.read_text().split()) <= cap]


def write(out, rows):
    with out.open("w") as f:
        f.write("file\tgenre\twords\tsplit\n")
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")


def main():
    rng = random.Random(20261206)
    rows = []
    for path in sorted((ROOT / "tests/data/corpus").glob("*.txt")) + [
        ROOT / "examples/data/nato-2022-02-16-defence-ministers-ukraine.txt"
    ]:
        rows.append((str(path.relative_to(ROOT)), "corpus", len(path.read_text().split()), "dev"))
    genres = by_genre()
    for name, (count, cap) in QUOTAS.items():
        pool_ = pool(genres, name, cap)
        chosen = sorted(rng.sample(pool_, min(count, len(pool_))))
        if name == "declaration":
            # The gold set's one French statement: its language's only gold.
            french = [p for p in pool_ if "declaration-de-los-angeles-sur-les-migrations-et-la-protection.md" in p.name]
            if french and french[0] not in chosen:
                chosen = sorted(chosen[:-1] + french)
        order = chosen[:]
        rng.shuffle(order)
        test = set(order[: round(len(order) * 0.33)])
        for path in chosen:
            rows.append((str(path.relative_to(ROOT)), name, len(path.read_text().split()),
                         "test" if path in test else "dev"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write(OUT, rows)
    dev = sum(1 for r in rows if r[3] == "dev")
    print(f"{len(rows)} statements: {dev} dev, {len(rows) - dev} test; "
          f"{sum(r[2] for r in rows)} words; written to {OUT.relative_to(ROOT)}")


def main_round(number, quotas, seed, out, earlier_files):
    rng = random.Random(seed)
    earlier = set()
    for path in earlier_files:
        with path.open() as f:
            earlier |= {line.split("\t")[0] for line in f}
    genres = by_genre(earlier)
    rows = []
    for name, (count, cap) in quotas.items():
        pool_ = pool(genres, name, cap)
        for path in sorted(rng.sample(pool_, min(count, len(pool_)))):
            rows.append((str(path.relative_to(ROOT)), name, len(path.read_text().split()), f"test{number}"))
    write(out, rows)
    print(f"{len(rows)} statements, {sum(r[2] for r in rows)} words; "
          f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--round" and args[1].isdigit() and int(args[1]) in ROUNDS:
        number = int(args[1])
        quotas, out = ROUNDS[number]
        # Each round draws with its own seed, from what no earlier round holds.
        earlier = [OUT] + [ROUNDS[k][1] for k in range(2, number)]
        main_round(number, quotas, 20261205 + number, out, earlier)
    elif sys.argv[1:] == ["--other"]:
        main_other()
    elif sys.argv[1:] == ["--german"]:
        main_german()
    elif sys.argv[1:]:
        sys.exit("usage: select.py [--round 2 | … | --round 9 | --other | --german]")
    else:
        main()
