"""DFS and selection-inference examples from the paper's own generator (asaparov/learning_to_search, generator.cpp built
as a Python module), with the accepted set it labels each with (README.md here):
    python3 refgen.py reference.jsonl   # with the built module on sys.path"""
import sys, json
sys.path.insert(0, sys.argv[2] if len(sys.argv) > 2 else ".")
import generator
generator.set_seed(7)
out = open(sys.argv[1], 'w')
for n in (32, 48):
    T = (n - 4) // 4
    for d in range(-1, T):
        for rp in (False, True):
            try:
                inputs, outputs, labels, _ = generator.generate_dfs_training_set(n, 60, set(), d, rp, False, True)
            except Exception as e:
                print('dfs', n, d, rp, e); continue
            for x, y, l in zip(inputs, outputs, labels):
                out.write(json.dumps({'task': 'dfs', 'n': n, 'tokens': [int(t) for t in x], 'accepted': [i for i, v in enumerate(y) if v > 0],
                                      'backtrack': d, 'label': int(l)}) + '\n')
    E = (n - 2) // 6
    for f in range(1, (E + 1) // 2 + 1):
        for b in range(1, E + 1):
            if f + b > E + 1: continue
            try:
                inputs, outputs, labels, _ = generator.generate_si_training_set(n, 30, set(), f, b, False, True)
            except Exception as e:
                print('si', n, f, b, e); continue
            for x, y, l in zip(inputs, outputs, labels):
                out.write(json.dumps({'task': 'si', 'n': n, 'tokens': [int(t) for t in x], 'accepted': [i for i, v in enumerate(y) if v > 0],
                                      'frontier_size': f, 'branch_size': b, 'label': int(l)}) + '\n')
