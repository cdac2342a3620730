#!/usr/bin/env python3
"""Draw the judged frame sample (see tests/data/judged_frames_rules.md).

Usage: python3 tools/sample_frames.py OUT1.ndjson [OUT2.ndjson ...] > tests/data/judged_frames.tsv
Each input is the NDJSON `wikianno annotate` wrote for one dump sample, named after it. The
verdict columns are left empty for the judge to fill in.
"""
import json
import random
import sys

SEED = 14
SIZE = 150


def frames(paths):
    for path in paths:
        for line in open(path, encoding="utf-8"):
            rec = json.loads(line)
            for e in rec.get("events", []):
                yield rec, e


def main():
    pool = list(frames(sys.argv[1:]))
    chosen = random.Random(SEED).sample(range(len(pool)), min(SIZE, len(pool)))
    print("id\tstart\ttype\ttrigger\tmodality\tdate\tdate_text\tinherited\tplace\tparticipants"
          "\tsentence\ttype_ok\targs_ok\tnote")
    for i in sorted(chosen):
        rec, e = pool[i]
        text = rec["text"]
        s = e["sentence"]
        sentence = text[s["start"]:s["end"]].replace("\t", " ").replace("\n", " ")
        ds = e.get("date_source") or {}
        parts = "; ".join(f"{p['text']}={p.get('role') or ''}" for p in e.get("participants", []))
        print("\t".join(str(x) for x in [
            rec["id"], e["start"], e["type"], e["text"], e.get("modality", "asserted"),
            e.get("date", ""), ds.get("text", ""), ds.get("inherited", ""),
            (e.get("place") or {}).get("text", ""), parts, sentence[:400], "", "", ""]))


if __name__ == "__main__":
    main()
