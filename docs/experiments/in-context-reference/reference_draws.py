# Draws from the paper's own generator (asaparov/learning_to_search, generator.cpp built as a Python module outside this repository), for comparing distributions with workbench_draws.sh. Usage: python3 reference_draws.py OUT.jsonl N [MODULE_DIR]
import sys, json
sys.path.insert(0, sys.argv[3] if len(sys.argv) > 3 else '.')
import generator
generator.set_seed(11)
out = open(sys.argv[1], 'w')
n = int(sys.argv[2])
T = (n - 4) // 4
E = (n - 2) // 6
def dump(task, inputs, outputs, labels, extra):
    for x, y, l in zip(inputs, outputs, labels):
        d = {'task': task, 'n': n, 'tokens': [int(t) for t in x], 'accepted': [i for i, v in enumerate(y) if v > 0], 'label': int(l)}
        d.update(extra); out.write(json.dumps(d) + '\n')
# training distributions
i,o,l,_ = generator.generate_dfs_training_set(n, 20000, set(), T - 1, False, True, True); dump('dfs', i, o, l, {'bucket': 'train'})
i,o,l,_ = generator.generate_si_training_set(n, 20000, set(), (E + 1)//2, E, True, True); dump('si', i, o, l, {'bucket': 'train'})
for d in range(-1, T):
    i,o,l,_ = generator.generate_dfs_training_set(n, 2000, set(), d, False, False, True); dump('dfs', i, o, l, {'bucket': str(d)})
for f in range(1, (E + 1) // 2 + 1):
    for b in range(1, E + 1):
        if f + b > E + 1: continue
        i,o,l,_ = generator.generate_si_training_set(n, 1000, set(), f, b, False, True); dump('si', i, o, l, {'bucket': '%d,%d' % (f, b)})
