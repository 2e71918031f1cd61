"""Recomputes ScPO pairs from a samples file, independently of the workbench, and checks a pairs file against them
(docs/user-guide.md, "Preference Lab"):

    java -jar target/lookahead.jar prefopt sample --model default --problems 200 --k 8 --out samples.jsonl
    java -jar target/lookahead.jar prefopt pairs --method scpo --in samples.jsonl --tau 0.5 --out pairs.jsonl
    python3 check_scpo_pairs.py samples.jsonl pairs.jsonl 0.5

For each problem: the votes of each answer; a pair is expected when there are at least two answers, the most and
least voted differ, and the top has at least tau * k votes. A written pair must have a most voted chosen answer, a
least voted rejected one, those vote counts, k and the weight (V+ - V-) / k; no expected pair may be missing and no
unexpected one present."""
import collections
import json
import sys

samples_file, pairs_file, tau = sys.argv[1], sys.argv[2], float(sys.argv[3])
expected = {}
votes_of = {}
for raw in open(samples_file):
    line = json.loads(raw)
    answers = [" ".join(str(v) for v in s["path"]) for s in line["samples"]]
    votes = collections.Counter(answers)
    k = len(answers)
    top, bottom = max(votes.values()), min(votes.values())
    votes_of[line["problem_id"]] = (votes, k)
    expected[line["problem_id"]] = len(votes) >= 2 and top != bottom and top >= tau * k

problems = collections.Counter()
bad = []
for raw in open(pairs_file):
    pair = json.loads(raw)
    pid = pair["problem_id"]
    problems[pid] += 1
    votes, k = votes_of[pid]
    chosen = " ".join(str(v) for v in pair["chosen"])
    rejected = " ".join(str(v) for v in pair["rejected"])
    checks = {
        "chosen is most voted": votes[chosen] == max(votes.values()),
        "rejected is least voted": votes[rejected] == min(votes.values()),
        "votes": (pair["votes_chosen"], pair["votes_rejected"]) == (votes[chosen], votes[rejected]),
        "k": pair["k"] == k,
        "weight": abs(pair["weight"] - (votes[chosen] - votes[rejected]) / k) < 1e-9,
        "expected": expected[pid],
    }
    failed = [name for name, ok in checks.items() if not ok]
    if failed:
        bad.append((pid, failed))
missing = [pid for pid, want in expected.items() if want and problems[pid] == 0]
repeated = [pid for pid, count in problems.items() if count > 1]
print(f"{sum(problems.values())} pairs checked, {sum(expected.values())} expected; wrong: {len(bad)}, missing: {len(missing)}, "
      f"more than one per problem: {len(repeated)}")
for pid, failed in bad[:10]:
    print("problem", pid, "fails", failed)
sys.exit(1 if bad or missing or repeated else 0)
