# Compares two files of in-context draws bucket by bucket: mean edges, trace length or visited edges, accepted answers, selection share, vertices (reference/workbench).
import json, sys, collections, statistics as st
def feats(d):
    n=d['n']; V=(n-5)//3; P=V+1; E=V+2; PAD=V+3; Q=V+4
    t=d['tokens']; ne=sum(1 for i in range(len(t)-2) if t[i]==E)
    qi=t.index(Q); rest=t[qi+4:]
    if d['task']=='dfs':
        tr=sum(1 for x in rest if x!=P)
        return {'edges':ne,'trace':tr,'acc':len(d['accepted']),'nvert':len(set(x for x in t[:qi] if 1<=x<=V))}
    else:
        # visited pairs
        vis=0; i=0
        while i<len(rest):
            if rest[i]==P and i+2<len(rest) and rest[i+1]!=P and rest[i+2]!=P and 1<=rest[i+1]<=V: vis+=1; i+=3
            else: i+=1
        sel = rest[-1]==P
        return {'edges':ne,'visited':vis,'acc':len(d['accepted']),'sel':int(sel),'nvert':len(set(x for x in t[:qi] if 1<=x<=V))}
def load(fn):
    g=collections.defaultdict(list)
    for line in open(fn):
        d=json.loads(line); g[(d['task'],d['bucket'])].append(feats(d))
    return g
a=load(sys.argv[1]); b=load(sys.argv[2])
for k in sorted(a, key=lambda k:(k[0], k[1]!='train', k[1])):
    ra=a[k]; rb=b.get(k,[])
    if not rb: print(k,'missing in mine'); continue
    keys=ra[0].keys()
    s=' '.join('%s %.2f/%.2f'%(f, st.mean(x[f] for x in ra), st.mean(x[f] for x in rb)) for f in keys)
    print('%-4s %-6s %s'%(k[0],k[1],s))
