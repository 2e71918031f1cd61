"""Compares the paper's tracer with `trace --rules paper` example by example (docs/tracing.md, "Agreement with
the paper's own script"): usage  python3 compare.py reference-default.jsonl workbench-default.jsonl

The first file holds one line per example from the paper's script (explained, path_merge_operations,
suboptimal_roots, prediction, layers: per layer the kept nodes' vertex ids by position); the second the
workbench's trace lines for the same inputs, in the same order."""
import json
import sys

reference = [json.loads(line) for line in open(sys.argv[1])]
workbench = [json.loads(line) for line in open(sys.argv[2])]
same_prediction = same_verdict = close_merges = same_roots = 0
jaccard = {}
for r in reference:
    w = workbench[r["index"]]
    prediction = r["prediction"][0] if isinstance(r["prediction"], list) else r["prediction"]
    same_prediction += w["predicted"] == prediction
    same_verdict += w["explained"] == r["explained"]
    ours, theirs = w["path_merge_operations"], r["path_merge_operations"]
    close_merges += abs(ours - theirs) <= max(1, 0.2 * theirs)
    same_roots += w["suboptimal_path_merge_roots"] == r["suboptimal_roots"]
    # per node of the reference's circuit: the Jaccard similarity of the two vertex sets
    for layer, nodes in enumerate(r["layers"]):
        for position, ids in nodes.items():
            mine, theirs_set = set(w["layers"][layer].get(position, [])), set(ids)
            union = mine | theirs_set
            jaccard.setdefault(layer, []).append(len(mine & theirs_set) / len(union) if union else 1.0)
print("examples", len(reference))
print("same prediction", same_prediction)
print("same explained verdict", same_verdict)
print("path-merge operations within max(1, 20%)", close_merges)
print("same suboptimal path-merge roots", same_roots)
for layer in sorted(jaccard):
    values = jaccard[layer]
    print("layer %d: %d nodes, mean Jaccard %.3f" % (layer, len(values), sum(values) / len(values)))
