"""Times the paper's generator on its in-context tasks beside `bench generate --task dfs|si` (docs/benchmarks.md). Run
OUTSIDE this repository, with generator.cpp built as bench_peer.py says:

    python3 bench_peer_in_context.py path/to/built/generator dfs peer-dfs.json
    java -jar target/lookahead.jar bench generate --task dfs --peer peer-dfs.json

Each case calls the generator as the paper's trainer does for training batches: generate_dfs_training_set with the
backtrack uniform in 0..T-1 and the trace right-aligned, or generate_si_training_set with every allowed frontier and
branch size; an empty reserved set, one thread, 200,000 examples per call, two warm-ups, median of seven."""
import json
import statistics
import sys
import time

sys.path.insert(0, sys.argv[1])
import generator  # noqa: E402  (the extension built as bench_peer.py says)

TASK = sys.argv[2]
SIZES = [32, 48, 128]
COUNT = 200_000
generator.set_seed(1)
results = []
for n in SIZES:
    def rate():
        began = time.perf_counter()
        if TASK == "dfs":
            generator.generate_dfs_training_set(n, COUNT, set(), (n - 4) // 4 - 1, False, True, True)
        else:
            edges = (n - 2) // 6
            generator.generate_si_training_set(n, COUNT, set(), (edges + 1) // 2, edges, True, True)
        return COUNT / (time.perf_counter() - began)

    for _ in range(2):
        rate()
    median = statistics.median(rate() for _ in range(7))
    print(TASK, n, round(median), flush=True)
    results.append({"distribution": TASK, "n": n, "examples_per_second": round(median)})
with open(sys.argv[3], "w") as out:
    json.dump({"peer": "asaparov/learning_to_search generator.cpp", "cases": results}, out, indent=2)
