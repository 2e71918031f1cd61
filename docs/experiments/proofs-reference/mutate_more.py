"""More candidate-proof mutations than mutate.py (README.md here): a wrong name, an unreadable sentence, a context
sentence inserted, the proof truncated or reversed, two steps merged into a "Since" sentence, a negation flipped.
    python3 mutate_more.py problems.jsonl [SEED] > candidates-more.jsonl"""
import json, random, sys, re
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
for line in open(sys.argv[1]):
    p = json.loads(line)
    gold = p['gold_proof']
    ctx = [s.strip() + '.' for s in p['question'].split('. ') if s.strip()]
    ctx = [c[:-1] if c.endswith('..') else c for c in ctx]
    cands = []
    k = random.randrange(len(gold))
    names = re.findall(r'\b(Alex|Fae|Max|Polly|Rex|Sally|Sam|Stella|Wren)\b', gold[k])
    if names:
        cands.append(('wrong-name', gold[:k] + [gold[k].replace(names[0], 'Bob')] + gold[k + 1:]))
    k = random.randrange(len(gold) + 1)
    cands.append(('unreadable', gold[:k] + ['Glorp florp blorp.'] + gold[k:]))
    k = random.randrange(len(gold) + 1)
    cands.append(('distractor', gold[:k] + [random.choice(ctx)] + gold[k:]))
    cands.append(('truncated', gold[:max(1, len(gold) // 2)]))
    cands.append(('reversed', list(reversed(gold))))
    for i in range(len(gold) - 1):
        a, b = gold[i], gold[i + 1]
        if not a.startswith('Assume') and not b.startswith('Assume') and not a.startswith('This') and not b.startswith('This'):
            merged = 'Since ' + a[0].lower() + a[1:-1] + ', ' + b[0].lower() + b[1:]
            # names stay capitalised
            merged = re.sub(r'\b(alex|fae|max|polly|rex|sally|sam|stella|wren)\b', lambda m: m.group(0).capitalize(), merged)
            cands.append(('since', gold[:i] + [merged] + gold[i + 2:]))
            break
    k = random.randrange(len(gold))
    if ' is not ' in gold[k]:
        cands.append(('negation', gold[:k] + [gold[k].replace(' is not ', ' is ', 1)] + gold[k + 1:]))
    elif ' is ' in gold[k]:
        cands.append(('negation', gold[:k] + [gold[k].replace(' is ', ' is not ', 1)] + gold[k + 1:]))
    for name, c in cands:
        q = {k2: v for k2, v in p.items() if k2 != 'demos'}
        q['candidate_proof'] = c
        q['mutation'] = name
        print(json.dumps(q))
