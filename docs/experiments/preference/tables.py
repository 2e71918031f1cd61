#!/usr/bin/env python3
"""Markdown tables for docs/preference.md from `prefopt train` folders (one per method, under one parent).

usage: tables.py PARENT [METHOD ...]   (default methods: scpo irpo dpo rft sft)
Reads PARENT/METHOD/iter-*/eval.json only.
"""
import json
import os
import sys


def load(folder):
    results = []
    i = 0
    while os.path.isfile(os.path.join(folder, f"iter-{i}", "eval.json")):
        with open(os.path.join(folder, f"iter-{i}", "eval.json")) as f:
            results.append(json.load(f))
        i += 1
    return results


def cell(e):
    if e is None:
        return ""
    return f"{e['value']:.3f} [{e['lower']:.2f}, {e['upper']:.2f}]"


def main():
    parent = sys.argv[1]
    methods = sys.argv[2:] or ["scpo", "irpo", "dpo", "rft", "sft"]
    runs = {m: load(os.path.join(parent, m)) for m in methods if os.path.isdir(os.path.join(parent, m))}
    first = next(iter(runs.values()))
    lookaheads = list(first[0]["whole_path"].keys())
    print("Whole-path accuracy, greedy, on the held-out problems (Wilson 95% intervals):\n")
    print("| method | iteration | lines (problems) | " + " | ".join(f"lookahead {l}" for l in lookaheads) + " |")
    print("|---|---:|---:|" + "---|" * len(lookaheads))
    start = first[0]
    print("| start (n32-paths) | 0 | | " + " | ".join(cell(start["whole_path"].get(l)) for l in lookaheads) + " |")
    for m, results in runs.items():
        for r in results[1:]:
            print(f"| {m} | {r['iteration']} | {r['lines']:,} ({r['problems_with_lines']:,}) | "
                  + " | ".join(cell(r["whole_path"].get(l)) for l in lookaheads) + " |")
    print("\nThe training data each iteration gave (share of lines whose chosen path is correct; samples that reach the goal; most voted answer correct):\n")
    print("| method | iteration | chosen correct | samples correct, all lookaheads | most voted correct | last loss |")
    print("|---|---:|---:|---:|---:|---:|")
    for m, results in runs.items():
        for r in results[1:]:
            s = sum(e["successes"] for e in r["samples_correct"].values())
            t = sum(e["trials"] for e in r["samples_correct"].values())
            loss = r.get("final_loss")
            print(f"| {m} | {r['iteration']} | {cell(r['chosen_correct'])} | {s / t:.3f} | {cell(r['majority_correct'])} | "
                  + (f"{loss:.4f}" if loss is not None else "") + " |")
    print("\nThe most voted answer's accuracy by its vote share (each method's first iteration: samples of the same starting model):\n")
    bins = sorted({b for results in runs.values() for r in results[1:] for b in r["majority_by_vote_share"]})
    print("| method | iteration | " + " | ".join(f"share {b}" for b in bins) + " |")
    print("|---|---:|" + "---|" * len(bins))
    for m, results in runs.items():
        for r in results[1:]:
            row = r["majority_by_vote_share"]
            print(f"| {m} | {r['iteration']} | " + " | ".join(
                (f"{row[b]['value']:.3f} ({row[b]['trials']})" if b in row else "") for b in bins) + " |")


if __name__ == "__main__":
    main()
