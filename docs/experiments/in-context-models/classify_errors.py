"""Classifies the wrong answers in `eval --in` output of a dfs or si model (docs/model-card-dfs32.md, model-card-si32.md):

    java -jar target/lookahead.jar generate --task dfs --n 32 --test-set --count 8000 --out test.jsonl
    java -jar target/lookahead.jar eval --model dfs32 --in test.jsonl --out evaluated.jsonl
    python3 classify_errors.py evaluated.jsonl

A wrong answer is the goal itself, a vertex already visited, an unvisited vertex on a path to the goal (an ancestor of
the goal that is not an accepted answer: a step ahead of where the search stands), or another vertex."""
import collections
import json
import sys


def read(line):
    n = line["n"]
    v = (n - 5) // 3
    p, e, pad, q = v + 1, v + 2, v + 3, v + 4
    t = line["tokens"]
    i = 0
    while t[i] == pad:
        i += 1
    children = collections.defaultdict(list)
    while t[i] == e:
        children[t[i + 1]].append(t[i + 2])
        i += 3
    start, goal = t[i + 1], t[i + 2]
    rest = t[i + 4:]
    return children, start, goal, rest, p


def ancestors(children, goal):
    parents = collections.defaultdict(set)
    for u, vs in children.items():
        for w in vs:
            parents[w].add(u)
    seen, todo = set(), [goal]
    while todo:
        x = todo.pop()
        for u in parents[x]:
            if u not in seen:
                seen.add(u)
                todo.append(u)
    return seen


by_bucket = collections.defaultdict(collections.Counter)
for raw in open(sys.argv[1]):
    line = json.loads(raw)
    if "predicted" not in line:
        continue
    bucket = line.get("bucket", "?")
    by_bucket[bucket]["total"] += 1
    if line["correct"]:
        continue
    children, start, goal, rest, p = read(line)
    visited = {x for x in rest if x != p}
    guess = line["predicted"]
    if guess == goal:
        kind = "goal"
    elif guess in visited:
        kind = "visited"
    elif guess in ancestors(children, goal):
        kind = "ahead on a path to the goal"
    else:
        kind = "other"
    by_bucket[bucket][kind] += 1

kinds = ["goal", "ahead on a path to the goal", "visited", "other"]
print("| bucket | examples | wrong | " + " | ".join(kinds) + " |")
print("|---|---:|---:|" + "---:|" * len(kinds))
for bucket in sorted(by_bucket, key=lambda b: [int(x) for x in b.split(",")] if b.lstrip("-").replace(",", "").isdigit() else [99]):
    c = by_bucket[bucket]
    wrong = sum(c[k] for k in kinds)
    print(f"| {bucket} | {c['total']} | {wrong} | " + " | ".join(str(c[k]) for k in kinds) + " |")
