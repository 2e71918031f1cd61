# The workbench's draws matching reference_draws.py: training draws and every test bucket, n given as the first argument; writes mine<N>.jsonl.
J="java -jar target/lookahead.jar"
n=$1; out=mine$n.jsonl; : > $out
T=$(( (n-4)/4 )); E=$(( (n-2)/6 ))
$J generate --task dfs --n $n --count 20000 --seed 3 2>/dev/null | sed 's/"bucket":"[^"]*"/"bucket":"train"/' >> $out
$J generate --task si --n $n --count 20000 --seed 3 2>/dev/null | sed 's/"bucket":"[^"]*"/"bucket":"train"/' >> $out
for d in $(seq -1 $((T-1))); do $J generate --task dfs --n $n --count 2000 --backtrack $d --seed 5 2>/dev/null | sed "s/\"bucket\":\"[^\"]*\"/\"bucket\":\"$d\"/" >> $out; done
for f in $(seq 1 $(( (E+1)/2 ))); do for b in $(seq 1 $E); do [ $((f+b)) -le $((E+1)) ] || continue; $J generate --task si --n $n --count 1000 --frontier $f --branch $b --seed 5 2>/dev/null >> $out; done; done
