#!/usr/bin/env python3
"""Draw the judged frame sample (see tests/data/judged_frames_rules.md).

Usage: python3 tools/sample_frames.py OUT1.ndjson [OUT2.ndjson ...] > tests/data/judged_frames.tsv
Each input is the NDJSON `wikianno annotate` wrote for one dump sample, named after it. The
verdict columns are left empty for the judge to fill in.

       python3 tools/sample_frames.py --compare tests/data/judged_frames.tsv OUT1.ndjson ...
lists the judged items whose frame the new output no longer produces, or produces with
another modality, date, place or participants: the items to re-judge (never to drop).
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


def row_of(rec, e):
    """The judged file's columns for frame `e` of record `rec` (verdicts left empty)."""
    text = rec["text"]
    s = e["sentence"]
    sentence = text[s["start"]:s["end"]].replace("\t", " ").replace("\n", " ")
    ds = e.get("date_source") or {}
    parts = "; ".join(f"{p['text']}={p.get('role') or ''}" for p in e.get("participants", []))
    return [str(x) for x in [
        rec["id"], e["start"], e["type"], e["text"], e.get("modality", "asserted"),
        e.get("date", ""), ds.get("text", ""), ds.get("inherited", ""),
        (e.get("place") or {}).get("text", ""), parts, sentence[:400], "", "", "", "produced"]]


def compare(judged_path, paths):
    one_line = lambda s: " ".join(s.split())
    produced = {}
    for rec, e in frames(paths):
        row = row_of(rec, e)
        produced.setdefault((row[0], row[3], row[2]), []).append(row)
    names = ["id", "start", "type", "trigger", "modality", "date", "date_text", "inherited",
             "place", "participants"]
    for line in list(open(judged_path, encoding="utf-8"))[1:]:
        cols = line.rstrip("\n").split("\t")
        same = [r for r in produced.get((cols[0], cols[3], cols[2]), [])
                if one_line(r[10]).startswith(one_line(cols[10]))]
        if not same:
            print(f"GONE\t{cols[0]}\t{cols[2]}\t{cols[3]}\t{cols[11]}/{cols[12]}\t{cols[10][:100]}")
            continue
        new = same[0]
        diff = [f"{names[i]}: {cols[i]!r} -> {new[i]!r}" for i in (4, 5, 8, 9) if cols[i] != new[i]]
        if diff:
            print(f"CHANGED\t{cols[0]}\t{cols[2]}\t{cols[3]}\t{cols[11]}/{cols[12]}\t" + "; ".join(diff))


def main():
    if sys.argv[1:2] == ["--compare"]:
        compare(sys.argv[2], sys.argv[3:])
        return
    pool = list(frames(sys.argv[1:]))
    chosen = random.Random(SEED).sample(range(len(pool)), min(SIZE, len(pool)))
    print("id\tstart\ttype\ttrigger\tmodality\tdate\tdate_text\tinherited\tplace\tparticipants"
          "\tsentence\ttype_ok\targs_ok\tnote\toutput")
    for i in sorted(chosen):
        rec, e = pool[i]
        print("\t".join(row_of(rec, e)))


if __name__ == "__main__":
    main()
