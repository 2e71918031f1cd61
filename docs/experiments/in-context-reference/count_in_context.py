# Histograms of in-context draws, bucket by bucket (task-bucket -> feature -> value -> count), as JSON; with two files, the total variation distance per feature.
import json, sys, collections
def feats(d):
    n = d['n']; V = (n - 5) // 3; P = V + 1; E = V + 2; Q = V + 4
    t = d['tokens']; q = t.index(Q); rest = t[q + 4:]
    f = {'edges': sum(1 for x in t[:q] if x == E), 'accepted': len(d['accepted']),
         'vertices': len(set(x for x in t[:q] if 1 <= x <= V) | {t[q + 1], t[q + 2]})}
    if d['task'] == 'dfs':
        f['trace'] = sum(1 for x in rest if x != P)
    else:
        f['visited'] = sum(1 for i in range(len(rest) - 2) if rest[i] == P and rest[i + 1] != P and rest[i + 2] != P)
        f['selection'] = int(rest[-1] == P)
    return f
def histograms(path):
    h = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for line in open(path):
        d = json.loads(line)
        for k, v in feats(d).items(): h['%s %s' % (d['task'], d['bucket'])][k][v] += 1
    return h
def tvd(a, b):
    ta, tb = sum(a.values()), sum(b.values())
    return 0.5 * sum(abs(a.get(k, 0) / ta - b.get(k, 0) / tb) for k in set(a) | set(b))
if len(sys.argv) == 2:
    h = histograms(sys.argv[1])
    print(json.dumps({b: {f: {str(v): c for v, c in sorted(h[b][f].items())} for f in sorted(h[b])} for b in sorted(h)}, indent=1))
else:
    a, b = histograms(sys.argv[1]), histograms(sys.argv[2])
    for k in sorted(a):
        print('%-10s' % k, ' '.join('%s %.3f' % (f, tvd(a[k][f], b[k][f])) for f in sorted(a[k])))
