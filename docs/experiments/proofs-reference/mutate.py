"""Candidate proofs from gold proofs, for comparing `proofs check` with the PrOntoQA-OOD evaluator (docs/experiments/proofs-reference/README.md):
the gold proof and scripted mutations of it - a dropped step, two adjacent steps swapped, two steps skipped, a step repeated.
Usage: python3 mutate.py problems.jsonl SEED > candidates.jsonl"""
import json, random, sys
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
out = []
for line in open(sys.argv[1]):
    p = json.loads(line)
    gold = p['gold_proof']
    cands = [('none', list(gold))]
    if len(gold) > 2:
        k = random.randrange(len(gold) - 1)
        cands.append(('drop-step', gold[:k] + gold[k + 1:]))
        k = random.randrange(len(gold) - 1)
        cands.append(('swap-adjacent', gold[:k] + [gold[k + 1], gold[k]] + gold[k + 2:]))
    if len(gold) > 4:
        k = random.randrange(1, len(gold) - 3)
        cands.append(('skip-two', gold[:k] + gold[k + 2:]))
    k = random.randrange(len(gold))
    cands.append(('repeat-step', gold[:k + 1] + [gold[k]] + gold[k + 1:]))
    for name, c in cands:
        q = {k2: v for k2, v in p.items() if k2 != 'demos'}
        q['candidate_proof'] = c
        q['mutation'] = name
        out.append(q)
for q in out:
    print(json.dumps(q))
