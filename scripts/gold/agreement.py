"""Inter-coder agreement of the commitment gold set, before reconciliation.

Usage: python3 scripts/gold/agreement.py CODERS_DIR [SELECTION.tsv]

CODERS_DIR holds NAME.A.json and NAME.B.json for each statement (the two coders' files,
in the format of docs/codebook.md section 7). Prints, over every sentence both coders
coded, Cohen's kappa for (1) commitment or not, and (2) the kind of the sentence's first
commitment, "none" counting as a category; and (3) kind kappa over the sentences both
coded as holding a commitment. With a selection file, also per split (dev / test).
Cohen (1960): kappa = (p_o - p_e) / (1 - p_e), p_e from each coder's own marginals.
"""

import json
import sys
from collections import Counter
from pathlib import Path


def kappa(pairs):
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return float("nan"), 0
    observed = sum(1 for a, b in pairs if a == b) / n
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in set(left) | set(right)) / (n * n)
    if expected == 1:
        return 1.0, n
    return (observed - expected) / (1 - expected), n


def label(sentence):
    commitments = sentence.get("commitments") or []
    return commitments[0]["kind"] if commitments else "none"


def load(directory):
    statements = {}
    for a in sorted(Path(directory).glob("*.A.json")):
        name = a.name[: -len(".A.json")]
        b = a.with_name(f"{name}.B.json")
        if not b.exists():
            continue
        coded_a = {s["n"]: s for s in json.loads(a.read_text(encoding="utf-8"))["sentences"]}
        coded_b = {s["n"]: s for s in json.loads(b.read_text(encoding="utf-8"))["sentences"]}
        statements[name] = [(coded_a[n], coded_b[n]) for n in sorted(coded_a) if n in coded_b]
    return statements


def report(title, sentence_pairs):
    binary = [(label(a) != "none", label(b) != "none") for a, b in sentence_pairs]
    kinds = [(label(a), label(b)) for a, b in sentence_pairs]
    both = [(label(a), label(b)) for a, b in sentence_pairs if label(a) != "none" and label(b) != "none"]
    k1, n1 = kappa(binary)
    k2, _ = kappa(kinds)
    k3, n3 = kappa(both)
    agree = sum(1 for a, b in binary if a == b)
    print(f"| {title} | {n1} | {agree / n1:.3f} | {k1:.3f} | {k2:.3f} | {k3:.3f} ({n3} sentences) |")


def main():
    statements = load(sys.argv[1])
    splits = {}
    if len(sys.argv) > 2:
        for line in Path(sys.argv[2]).read_text().splitlines()[1:]:
            file, _genre, _words, split = line.split("\t")
            splits[Path(file).stem] = split
    print(f"{len(statements)} statements coded by both coders\n")
    print("| part | sentences | raw agreement (commitment or not) | kappa: commitment or not | kappa: kind (none a category) | kappa: kind where both coded one |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    report("all", [p for pairs in statements.values() for p in pairs])
    for split in sorted(set(splits.values())):
        report(split, [p for name, pairs in statements.items() if splits.get(name) == split for p in pairs])


if __name__ == "__main__":
    main()
