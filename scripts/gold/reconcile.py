"""Builds the commitment gold files from two coders' files and a reconciliation.

Usage:
  python3 scripts/gold/reconcile.py disputes SKELETONS CODERS OUT_DIR
      For each statement coded by both coders (CODERS/NAME.A.json, NAME.B.json), writes
      OUT_DIR/NAME.json listing the sentences where the coders disagree: on whether the
      sentence holds a commitment, on the kinds, or on the actor or future_oriented of a
      commitment of the same kind. Each entry gives the sentence text and both codings.
  python3 scripts/gold/reconcile.py finalize SKELETONS CODERS DECISIONS SELECTION GOLD_DIR
      Writes GOLD_DIR/NAME.json: the skeleton's sentences with the agreed codings, and
      for each disputed sentence the decision in DECISIONS/NAME.json
      ([{"n": N, "commitments": [...], "reason": "..."}]) with its reason in `reconciled`.
      The split comes from SELECTION (tests/data/commitments/selection.tsv).

SKELETONS holds NAME.json as `communique eval --prepare` wrote them, run from the
repository root (the working directory of this script too). Where the coders agree on kinds, the first coder's actor
and addressee strings are kept.
"""

import json
import os
import sys
from pathlib import Path


def norm(text):
    if text is None:
        return None
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def kinds(sentence):
    return sorted(c["kind"] for c in sentence.get("commitments") or [])


def disagreement(a, b):
    if kinds(a) != kinds(b):
        return "kinds"
    by_kind = lambda s: sorted(s.get("commitments") or [], key=lambda c: c["kind"])
    for ca, cb in zip(by_kind(a), by_kind(b)):
        if norm(ca.get("actor")) != norm(cb.get("actor")):
            return "actor"
        if ca.get("future_oriented") != cb.get("future_oriented"):
            return "future_oriented"
    return None


def coded(coders, name, coder):
    path = Path(coders) / f"{name}.{coder}.json"
    return {s["n"]: s for s in json.loads(path.read_text(encoding="utf-8"))["sentences"]}


def names(coders):
    return sorted(p.name[: -len(".A.json")] for p in Path(coders).glob("*.A.json")
                  if (Path(coders) / p.name.replace(".A.json", ".B.json")).exists())


def disputes(skeletons, coders, out):
    Path(out).mkdir(parents=True, exist_ok=True)
    total = 0
    for name in names(coders):
        skeleton = json.loads((Path(skeletons) / f"{name}.json").read_text(encoding="utf-8"))
        a, b = coded(coders, name, "A"), coded(coders, name, "B")
        entries = []
        for sentence in skeleton["sentences"]:
            n = sentence["n"]
            why = disagreement(a[n], b[n])
            if why:
                entries.append({"n": n, "text": sentence["text"], "disagreement": why,
                                "A": a[n].get("commitments") or [], "A_comment": a[n].get("comment"),
                                "B": b[n].get("commitments") or [], "B_comment": b[n].get("comment")})
        total += len(entries)
        (Path(out) / f"{name}.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
        print(f"{name}: {len(entries)} disputed of {len(skeleton['sentences'])}")
    print(f"{total} disputed sentences")


def finalize(skeletons, coders, decisions, selection, gold):
    split = {}
    for line in Path(selection).read_text().splitlines()[1:]:
        file, _genre, _words, part = line.split("\t")
        split[Path(file).stem] = part
    Path(gold).mkdir(parents=True, exist_ok=True)
    for name in names(coders):
        skeleton = json.loads((Path(skeletons) / f"{name}.json").read_text(encoding="utf-8"))
        a, b = coded(coders, name, "A"), coded(coders, name, "B")
        decided_path = Path(decisions) / f"{name}.json"
        decided = {d["n"]: d for d in json.loads(decided_path.read_text(encoding="utf-8"))} if decided_path.exists() else {}
        # The skeleton names its source from the repository root (the working directory);
        # a gold file names it relative to itself.
        out = {"source": os.path.relpath(skeleton["source"], gold), "split": split[name]}
        if skeleton.get("language"):
            out["language"] = skeleton["language"]
        out["coders"] = ["A", "B"]
        out["sentences"] = []
        pending = []
        for sentence in skeleton["sentences"]:
            n = sentence["n"]
            entry = {"n": n, "paragraph": sentence.get("paragraph"), "text": sentence["text"]}
            if disagreement(a[n], b[n]):
                if n not in decided:
                    pending.append(name)
                    break
                entry["commitments"] = decided[n]["commitments"]
                entry["reconciled"] = decided[n]["reason"]
            else:
                entry["commitments"] = a[n].get("commitments") or []
            comments = [c for c in (a[n].get("comment"), b[n].get("comment")) if c]
            if comments:
                entry["comment"] = " / ".join(f"{coder}: {c}" for coder, c in
                                              zip("AB", (a[n].get("comment"), b[n].get("comment"))) if c)
            out["sentences"].append(entry)
        if pending:
            print(f"{name}: not written, a disputed sentence has no decision yet")
            continue
        (Path(gold) / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        print(f"{name}: {split[name]}, {sum(len(s['commitments']) for s in out['sentences'])} commitments")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"disputes": disputes, "finalize": finalize}[command](*args)
