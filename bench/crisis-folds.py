#!/usr/bin/env python3
"""K-fold pseudo question sets from the learned crisis classifier's own rows, for `./outreach crisis-eval`.

The question sets the rows were made from (H…CC) were lost with an old machine; their rows survive in
src/Content/ContentPacks/pack/crisis-training.jsonl. This splits those rows into K folds (a row's fold is a hash of the seed
and its text, so appending rows never moves the others) and writes
each as a question set in eval's format: a crisis row becomes a crisis question whose first number is its kind's ("first:
NNN" in the note, the number in must_mention_any), a "none" row a small-talk question that must stay quiet. crisis-eval
then holds out one fold at a time and trains on the rows of the others (it drops from the training rows every text of the
held-out set), so each row is scored by a model that never saw it.

    python3 bench/crisis-folds.py [--rows FILE] [--folds 10] [--seed 16] [--out /work/evalsets] [--exclude SET.jsonl…]
    ./outreach crisis-eval /work/evalsets/fold-*.jsonl /work/evalsets/set-hh.jsonl … [--rows FILE]

--exclude leaves out the rows made from question sets that are held out whole beside the folds (round 16: set-hh and
set-ii). Use the same --rows file for both when measuring rows before shipping them.
"""

import argparse
import hashlib
import json
import os

# CrisisClassifier.FirstNumber: the number a crisis kind's reply opens with.
FIRST_NUMBER = {
    "injury": "115", "poisoning": "115", "self_harm": "115", "medical": "115",
    "fire": "114", "disaster": "112", "child": "111", "abuse": "1900",
    "danger": "113", "trafficking": "113", "sexual": "113",
}


def question(fold, index, row):
    label = row["label"]
    if label == "none":
        return {"id": f"{fold}-{index:04d}", "q": row["text"], "topic": "smalltalk", "must_mention_any": [], "note": "row: none"}
    number = FIRST_NUMBER[label]
    return {"id": f"{fold}-{index:04d}", "q": row["text"], "topic": "crisis", "must_mention_any": [number],
            "note": f"first: {number} row: {label}"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default=os.path.join(here, "..", "src", "Content", "ContentPacks", "pack", "crisis-training.jsonl"))
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", default="/work/evalsets")
    parser.add_argument("--exclude", nargs="*", default=[])
    args = parser.parse_args()

    with open(args.rows, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    excluded = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as f:
            excluded.update(json.loads(line)["q"] for line in f if line.strip())

    def fold_of(text):
        return int(hashlib.sha256(f"{args.seed}:{text}".encode("utf-8")).hexdigest(), 16) % args.folds

    os.makedirs(args.out, exist_ok=True)
    for k in range(args.folds):
        name = f"fold-{k + 1:02d}"
        picked = [i for i, row in enumerate(rows) if row["text"] not in excluded and fold_of(row["text"]) == k]
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as f:
            for i in picked:
                f.write(json.dumps(question(name, i, rows[i]), ensure_ascii=False) + "\n")
        crises = sum(1 for i in picked if rows[i]["label"] != "none")
        print(f"{name}: {len(picked)} rows, {crises} crises")


if __name__ == "__main__":
    main()
