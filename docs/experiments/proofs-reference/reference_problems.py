"""Problems the PrOntoQA-OOD experiment script wrote (its `--model-name json` output files, PrOntoQA shape) as one
JSON line per test example: id, rule, hops, question, query, gold_proof (README.md here).
    python3 reference_problems.py DIR > problems.jsonl
The rule is read from the file name (`{hops}hop_{rule}_...json`; ModusPonens files carry `ProofsOnly` instead)."""
import glob
import json
import os
import sys

for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*hop_*.json"), recursive=True)):
    name = os.path.basename(path)
    hops, rest = name.split("hop_", 1)
    rule = rest.split("_")[0]
    if rule == "ProofsOnly":
        rule = "ModusPonens"
    with open(path) as f:
        text = f.read()
    if not text.strip():
        continue  # the script writes an empty file when it cannot make problems of that size
    for key, example in json.loads(text).items():
        test = example["test_example"]
        print(json.dumps({"id": name + ":" + key, "rule": rule, "hops": int(hops), "question": test["question"],
                          "query": test["query"], "gold_proof": test["chain_of_thought"]}))
