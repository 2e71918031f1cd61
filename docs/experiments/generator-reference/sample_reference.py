"""Writes examples of the paper's generator as JSON lines the workbench reads. Run OUTSIDE this repository,
with the generator built as docs/experiments/generator-peer/bench_peer.py describes:

    python3 sample_reference.py path/to/built/generator N COUNT balanced|naive SEED out.jsonl

First-step examples (distance from start 1), the largest lookahead (V - 1) // 2 for balanced and -1 for
naive, at most V edges, no reserved inputs: the settings `lookahead generate` uses for training data."""
import json
import sys

sys.path.insert(0, sys.argv[1])
import generator  # noqa: E402  (the extension built outside this repository)

n, count, distribution, seed, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
vertices = (n - 5) // 3
largest = (vertices - 1) // 2 if distribution == "balanced" else -1
generator.set_seed(seed)
inputs = generator.generate_training_set(n, count, largest, vertices, set(), 1, n, True)[0]
with open(out, "w") as lines:
    for row in inputs:
        lines.write(json.dumps({"n": n, "tokens": [int(t) for t in row]}) + "\n")
