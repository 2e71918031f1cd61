"""Times the paper's generator beside `bench generate` (docs/benchmarks.md). Run OUTSIDE this repository:

    g++ -Ofast -DNDEBUG -fno-stack-protector -shared -fPIC $(python3 -m pybind11 --includes) -I. \
        generator.cpp -o generator$(python3-config --extension-suffix)
    python3 bench_peer.py path/to/built/generator peer.json
    java -jar target/lookahead.jar bench generate --peer peer.json

where generator.cpp is asaparov/learning_to_search's and `-I.` finds a checkout of asaparov/core as `core/`
(Debian's pybind11-dev provides the headers: `-I/usr/include/python3.11` and no `-m pybind11` then). Each
case calls generate_training_set as the paper's trainer does (balanced: max lookahead (V - 1) / 2 and
max edges V; naive: lookahead -1), one thread, 200,000 examples per call, two warm-ups, median of seven."""
import json
import statistics
import sys
import time

sys.path.insert(0, sys.argv[1])
import generator  # noqa: E402  (the extension built above)

CASES = [("balanced", 32), ("balanced", 98), ("balanced", 128), ("naive", 128), ("naive", 32)]
COUNT = 200_000
generator.set_seed(1)
results = []
for distribution, n in CASES:
    vertices = (n - 5) // 3
    lookahead = (vertices - 1) // 2 if distribution == "balanced" else -1

    def rate():
        began = time.perf_counter()
        generator.generate_training_set(n, COUNT, lookahead, vertices, set(), -1, n, True)
        return COUNT / (time.perf_counter() - began)

    for _ in range(2):
        rate()
    median = statistics.median(rate() for _ in range(7))
    print(distribution, n, round(median), flush=True)
    results.append({"distribution": distribution, "n": n, "examples_per_second": round(median)})
with open(sys.argv[2], "w") as out:
    json.dump({"peer": "asaparov/learning_to_search generator.cpp", "cases": results}, out, indent=2)
