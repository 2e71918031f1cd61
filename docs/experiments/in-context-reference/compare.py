"""Agreement of `analyze --task dfs|si` with the generator's own labels (README.md here):
    python3 compare.py reference.jsonl analyzed-dfs.jsonl analyzed-si.jsonl"""
import json
import sys

reference = [json.loads(line) for line in open(sys.argv[1])]
analyzed = {"dfs": [json.loads(line) for line in open(sys.argv[2])], "si": [json.loads(line) for line in open(sys.argv[3])]}
for task in ("dfs", "si"):
    ref = [r for r in reference if r["task"] == task]
    ours = analyzed[task]
    same = sum(o["accepted"] == r["accepted"] for o, r in zip(ours, ref))
    if task == "dfs":
        extra = sum(r["backtrack"] == -1 or o["backtrack"] == r["backtrack"] for o, r in zip(ours, ref))
    else:
        extra = sum(o["frontier_size"] == r["frontier_size"] and o["branch_size"] in (None, r["branch_size"]) for o, r in zip(ours, ref))
    print("%s: %d examples, the same accepted set on %d, the same %s on %d" % (task, len(ref), same,
          "backtrack" if task == "dfs" else "frontier and branch sizes", extra))
