"""Would a classifier learned from the gold set find what the rules miss?

Usage: python3 scripts/gold/learned_check.py SENTENCES.jsonl --train PARTS --test PARTS

SENTENCES.jsonl is the sentence-level comparison `communique eval GOLD --sentences` writes
(one JSON object per gold sentence: its gold commitments and what the rules found). PARTS
are comma-separated split names ("dev,test,test2"). Needs scikit-learn
(`pip install -r scripts/gold/requirements.txt`, in a virtual environment).

The question is decided per sentence, the unit the gold codes: does the sentence put at
least one commitment on record (an optional gold commitment counts neither way)? A
logistic regression (L2, C = 4) over the sentence's word 1- to 3-grams (tf-idf,
sublinear, words in two sentences or more) is trained on the --train parts, and scored
on the --test parts against the rules alone:

- rules: a sentence is a commitment when the rules found one in it;
- rules or classifier: also when the classifier's probability is above 0.8 or 0.9
  (what a learned model would add to the rules' recall);
- stacked: one regression over the n-grams and the rules' findings (whether they found
  anything, the kinds and rule ids), at 0.5 (what it would change in their decisions).

Precision and recall are of sentences, not of commitments, so they are close to but not
the figures `communique eval` prints. Sentences in German (split `de`) are left out.
"""

import argparse
import json
import os
import sys

# This folder's select.py would shadow the standard library's `select`, which scipy
# imports: look for modules elsewhere first.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import numpy as np  # noqa: E402
from scipy.sparse import hstack  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{line_no}:{e.colno}: not a JSON line: {e.msg}")
            if row["n"] != 0 and row["split"] != "de":
                rows.append(row)
    return rows


def findings(row):
    """The rules' findings in a sentence, as words for a bag-of-words model."""
    words = ["found:any" if row["found"] else "found:none"]
    for f in row["found"]:
        words += ["kind:" + f["kind"], "rule:" + (f["rule"] or "")]
    return " ".join(words)


def precision_recall(predicted, truth, optional):
    tp = int((predicted & truth).sum())
    fp = int((predicted & ~truth & ~optional).sum())
    fn = int((~predicted & truth).sum())
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return p, r, tp, tp + fp, tp + fn


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sentences")
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    args = parser.parse_args()
    rows = load(args.sentences)
    train_parts = set(args.train.split(","))
    test_parts = set(args.test.split(","))
    if train_parts & test_parts:
        sys.exit(f"--train and --test share {sorted(train_parts & test_parts)}")
    truth = np.array([any(not g.get("optional") for g in r["gold"]) for r in rows])
    optional = np.array([bool(r["gold"]) and all(g.get("optional") for g in r["gold"]) for r in rows])
    rules = np.array([bool(r["found"]) for r in rows])
    train = np.array([i for i, r in enumerate(rows) if r["split"] in train_parts])
    test = np.array([i for i, r in enumerate(rows) if r["split"] in test_parts])
    if len(train) == 0 or len(test) == 0:
        sys.exit("no sentence in the --train or the --test parts")

    ngrams = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
    x_text = ngrams.fit_transform([rows[i]["text"] for i in train])
    text_model = LogisticRegression(C=4, max_iter=3000).fit(x_text, truth[train])
    p_text = text_model.predict_proba(ngrams.transform([rows[i]["text"] for i in test]))[:, 1]

    rule_words = CountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True)
    x_both = hstack([x_text, rule_words.fit_transform([findings(rows[i]) for i in train]) * 1.0])
    stacked = LogisticRegression(C=4, max_iter=3000).fit(x_both.tocsr(), truth[train])
    x_test_both = hstack(
        [
            ngrams.transform([rows[i]["text"] for i in test]),
            rule_words.transform([findings(rows[i]) for i in test]) * 1.0,
        ]
    )
    p_stacked = stacked.predict_proba(x_test_both.tocsr())[:, 1]

    t, o, r = truth[test], optional[test], rules[test]
    print(f"train: {len(train)} sentences ({args.train}); test: {len(test)} sentences ({args.test})")
    print("| decision | precision | recall | counts |")
    print("| --- | ---: | ---: | ---: |")
    for label, predicted in [
        ("rules", r),
        ("rules or classifier > 0.8", r | (p_text > 0.8)),
        ("rules or classifier > 0.9", r | (p_text > 0.9)),
        ("stacked > 0.5", p_stacked > 0.5),
    ]:
        p, rec, tp, found, gold = precision_recall(predicted, t, o)
        print(f"| {label} | {p:.3f} | {rec:.3f} | {tp} / {found}, {tp} / {gold} |")


if __name__ == "__main__":
    main()
