"""Compares two `trace --in` outputs of the same inputs (docs/tracing.md, "The replacement token"):
the explained verdicts, the operations and, node by node, the vertex sets of each layer."""
import json
import sys

first = [json.loads(line) for line in open(sys.argv[1])]
second = [json.loads(line) for line in open(sys.argv[2])]
layers = len(first[0]["layers"])
differ = [0] * layers
nodes = [0] * layers
jaccard = []
for a, b in zip(first, second):
    for layer, (sets_a, sets_b) in enumerate(zip(a["layers"], b["layers"])):
        for position in set(sets_a) | set(sets_b):
            x, y = set(sets_a.get(position, [])), set(sets_b.get(position, []))
            nodes[layer] += 1
            differ[layer] += x != y
            jaccard.append(len(x & y) / len(x | y) if x | y else 1.0)
operations = lambda t: sorted((o["layer"], o["source"], o["destination"], o["kind"]) for o in t["operations"])
print("inputs", len(first))
print("same explained verdict", sum(a["explained"] == b["explained"] for a, b in zip(first, second)))
print("same operations (with kinds)", sum(operations(a) == operations(b) for a, b in zip(first, second)))
print("nodes whose set differs, by layer", differ, "of", nodes)
print("mean Jaccard of a node's two sets %.3f" % (sum(jaccard) / len(jaccard)))
