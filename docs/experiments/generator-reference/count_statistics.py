"""Histograms of examples analysed by `lookahead analyze`, and their total variation distances.

    python3 count_statistics.py analysed.jsonl                 # the histograms, as JSON
    python3 count_statistics.py reference.jsonl workbench.jsonl # the distance per histogram

The quantities are those GeneratorDistributionTest compares: vertices (named by an edge or the query),
edges, the start's out-degree, the start's ancestors (the prefix leading into it and any extra vertex
above it), useful next steps, lookahead."""
import json
import sys
from collections import Counter

NAMES = ["vertices", "edges", "start_out_degree", "start_ancestors", "useful_next", "lookahead"]


def histograms(path):
    counts = {name: Counter() for name in NAMES}
    for line in open(path):
        example = json.loads(line)
        start = example["start"]
        named = {start, example["goal"]}
        parents_of = {}
        for source, target in example["edges"]:
            named.update((source, target))
            parents_of.setdefault(target, []).append(source)
        above, frontier = set(), [start]
        while frontier:
            for parent in parents_of.get(frontier.pop(), []):
                if parent not in above:
                    above.add(parent)
                    frontier.append(parent)
        counts["vertices"][len(named)] += 1
        counts["edges"][len(example["edges"])] += 1
        counts["start_out_degree"][sum(1 for source, _ in example["edges"] if source == start)] += 1
        counts["start_ancestors"][len(above)] += 1
        counts["useful_next"][len(example["useful_next"])] += 1
        counts["lookahead"][example["lookahead"]] += 1
    return counts


def distance(first, second):
    total_first, total_second = sum(first.values()), sum(second.values())
    keys = set(first) | set(second)
    return 0.5 * sum(abs(first.get(k, 0) / total_first - second.get(k, 0) / total_second) for k in keys)


if __name__ == "__main__":
    if len(sys.argv) == 2:
        found = histograms(sys.argv[1])
        print(json.dumps({name: {str(k): v for k, v in sorted(found[name].items())} for name in NAMES}))
    else:
        reference, workbench = histograms(sys.argv[1]), histograms(sys.argv[2])
        for name in NAMES:
            print(f"{name:18s} {distance(reference[name], workbench[name]):.4f}")
