"""Run OUTSIDE this repository, against a checkout of asaparov/prontoqa (needs numpy and scipy):
    python3 reference.py checked.jsonl reference.jsonl path/to/prontoqa
Scores each line of `proofs check` output with the study's own evaluator - parse_response, parse_reasoning on the
context and evaluate_response with proofs_only - and writes its flags and per-step lists, one JSON line per input line."""
import contextlib
import io
import json
import os
import sys
checked, written, pq = (os.path.abspath(a) for a in sys.argv[1:4])
sys.path.insert(0, pq)
os.chdir(pq)
import run_experiment as r
out = open(written, 'w')
for line in open(checked):
    p = json.loads(line)
    errors = []
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            proof, label, errs = r.parse_response(' '.join(p['candidate_proof']))
            axioms = r.parse_reasoning(p['question'], errors)
            res = r.evaluate_response(proof, label, ' '.join(p['gold_proof']), axioms, True, errors)
        rec = {'strict': bool(res[13]), 'skip': bool(res[14]), 'nonatomic': bool(res[15]),
               'valid_proof': bool(res[13] or res[14] or res[15]),
               'correct': res[2], 'useful': res[3], 'wrong_branch': res[6], 'useful_skip': res[7], 'wrong_skip': res[8],
               'useful_nonatomic': res[9], 'wrong_nonatomic': res[10], 'invalid': res[11], 'incorrect': res[12], 'unparseable': res[5]}
    except Exception as e:
        rec = {'error': repr(e)[:200]}
    out.write(json.dumps(rec) + '\n')
