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
    if n == 0:
        continue
    print("%-14s %-8s %6d %8d (%.2f) %10d (%.2f)" % ("all", kind, n, strict, strict / n, valid, valid / n))
gold = [(o, r) for o, r in zip(ours, theirs) if o["mutation"] == "none"]
print("gold proofs the evaluator calls strict: %d of %d" % (sum(r["strict"] for _, r in gold), len(gold)))

# The evaluator's per-step lists: ours index `steps` (unreadable sentences kept in place), so each index is mapped
# back to the evaluator's own numbering through the step's `evaluator_step`.
LISTS = {"correct": "correct_steps", "useful": "correct_and_useful_steps", "wrong_branch": "wrong_branch_steps",
         "useful_skip": "useful_skip_steps", "wrong_skip": "wrong_skip_steps", "useful_nonatomic": "useful_non_atomic_steps",
         "wrong_nonatomic": "wrong_non_atomic_steps", "invalid": "invalid_steps", "incorrect": "incorrect_steps",
         "unparseable": "unparseable_steps"}
if "step_lists" in ours[0]:
    same = 0
    for o, r in zip(ours, theirs):
        numbering = [s["evaluator_step"] for s in o["steps"]]
        same += all(sorted(numbering[k] for k in o["step_lists"][ours_name]) == sorted(r[name])
                    for name, ours_name in LISTS.items() if name in r)
    print("lines with every per-step list the same: %d of %d" % (same, len(ours)))
