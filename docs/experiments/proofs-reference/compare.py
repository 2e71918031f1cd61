"""Agreement of `proofs check` with the PrOntoQA-OOD evaluator on the same lines (README.md here):
    python3 compare.py checked.jsonl reference.jsonl
`strict` is the evaluator's found_conclusion; `valid_proof` is strict, via skip or via non-atomic steps (the study's
proof accuracy)."""
import collections
import json
import sys

ours = [json.loads(line) for line in open(sys.argv[1])]
theirs = [json.loads(line) for line in open(sys.argv[2])]
table = collections.defaultdict(lambda: [0, 0, 0])
for o, r in zip(ours, theirs):
    row = table[(o["rule"], "gold" if o["mutation"] == "none" else "mutated")]
    row[0] += 1
    row[1] += o["strict"] == r["strict"]
    row[2] += o["valid_proof"] == r["valid_proof"]
print("%-14s %-8s %6s %14s %18s" % ("rule", "proofs", "lines", "same strict", "same valid_proof"))
for (rule, kind), (n, strict, valid) in sorted(table.items()):
    print("%-14s %-8s %6d %8d (%.2f) %10d (%.2f)" % (rule, kind, n, strict, strict / n, valid, valid / n))
for kind in ("gold", "mutated"):
    rows = [v for (rule, k), v in table.items() if k == kind]
    n, strict, valid = (sum(v[i] for v in rows) for i in range(3))
    print("%-14s %-8s %6d %8d (%.2f) %10d (%.2f)" % ("all", kind, n, strict, strict / n, valid, valid / n))
gold = [(o, r) for o, r in zip(ours, theirs) if o["mutation"] == "none"]
print("gold proofs the evaluator calls strict: %d of %d" % (sum(r["strict"] for _, r in gold), len(gold)))
