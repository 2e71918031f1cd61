# Run OUTSIDE this repository: python3 draw_examples.py 32 10 7 path/to/learning_to_search > examples.jsonl
# Draws examples as the paper's tracing script does (its generate_eval_data with min_path_length=1), lookahead
# 1 to 3, keeping those that leave a token id free (the script skips the others).
import sys, json, random
import numpy as np
from random import sample, randrange, choice, shuffle, seed, uniform
src = open(sys.argv[4] + '/train.py').read()
src = src[src.index('RESERVED_INDICES = (0,)'):src.index('def evaluate_model')]
g = {'np': np, 'sample': sample, 'randrange': randrange, 'choice': choice, 'shuffle': shuffle, 'seed': seed, 'uniform': uniform}
exec(compile(src, 'train.py', 'exec'), g)
n, per, s = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
random.seed(s); np.random.seed(s)
V = (n - 5) // 3
for lookahead in range(1, 4):  # at n = 32 a lookahead-4 example almost never leaves an id free
    kept = 0
    while kept < per:
        inputs, outputs = g['generate_eval_data'](n, min_path_length=1, distance_from_start=1, distance_from_end=-1, lookahead_steps=lookahead, num_paths_at_fork=None, num_samples=1)
        toks = [int(x) for x in inputs[0]]
        if all(t in toks for t in range(1, V + 5)):
            continue
        print(json.dumps({'n': n, 'lookahead': lookahead, 'tokens': toks, 'label': int(outputs[0])}))
        kept += 1
