#!/usr/bin/env python3
"""Draw the judged sample of non-link entity mentions (see tests/data/entities_judged_rules.md).

    python3 tools/judge_sample.py [--seed N] annotated.ndjson > sample.tsv

The seed is 11 for entities_judged.tsv (the default), 23 for entities_judged_s23.tsv, 25 for
entities_judged_s25.tsv, 32 for entities_judged_s32.tsv (drawn from main f50d4e2, session s32), 34
for entities_judged_s34.tsv (drawn from branch s34-mentions after its rules, session s34) and 35 for
entities_judged_s35.tsv (drawn from branch s35-mentions after its rules, session s35) and 36 for
entities_judged_s36.tsv (drawn from branch s35-mentions2 after its rule, session s35) and 37 for
entities_judged_s37.tsv (drawn from branch s36-mentions after its rules, session s36) and 38 for
entities_judged_s38.tsv (drawn from branch s37-mentions after its rules, session s37).

Output columns: article id, start, end (code points), text, label, entity id, source,
left context, right context, verdict (empty), reason (empty).
"""
import json
import random
import sys

args = sys.argv[1:]
seed = 11
if args[:1] == ["--seed"]:
    seed = int(args[1])
    args = args[2:]
items = []
for line in open(args[0], encoding="utf-8"):
    r = json.loads(line)
    text = r.get("text")
    if text is None:
        continue
    for e in r.get("entities", []):
        if e["source"] == "link":
            continue
        left = text[max(0, e["start"] - 60):e["start"]].replace("\n", " ").replace("\t", " ")
        right = text[e["end"]:e["end"] + 60].replace("\n", " ").replace("\t", " ")
        items.append((r["id"], e["start"], e["end"], e["text"].replace("\t", " "), e["label"],
                      e["id"], e["source"], left, right))
items.sort(key=lambda x: (x[0], x[1], x[2]))
print(f"# {len(items)} non-link mentions; 200 drawn with random.Random({seed})", file=sys.stderr)
for it in sorted(random.Random(seed).sample(items, 200), key=lambda x: (x[0], x[1], x[2])):
    print("\t".join(str(x) for x in it) + "\t\t")
