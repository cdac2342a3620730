#!/usr/bin/env python3
"""Count the error classes of `wikianno eval-entities --errors` on Wiki-Fair by their shape
and the article's links (session s25's count; README "Entity types and their evaluation").

    cargo run --release -- eval-entities --errors > /tmp/errors.tsv
    python3 tools/entity_error_classes.py /tmp/errors.tsv "wikifair-v1 links" [CLASS]

Classes: unknown-link / unknown-nonlink (a gold mention predicted UNKNOWN, at a link or not),
wrongtype [link] (a known type that disagrees), miss-lower (a lowercase gold mention: concepts),
miss-cap (a capitalized gold mention no prediction overlaps a link at), miss-overlaplink (a miss
inside or across a link: span boundaries), spur-lower / spur-link / spur-overlaplink / spur-cap
(spurious predictions by shape). With CLASS, every error of that class is listed.
"""
import collections
import json
import sys
from pathlib import Path

wikifair = Path(__file__).resolve().parent.parent / "../shared/data/wikifair-v1/wiki-fair.benchmark.jsonl"
docs = {}
for line in open(wikifair, encoding="utf-8"):
    d = json.loads(line)
    text = d["text"]
    links = {}
    for (s, e), target in d.get("hyperlinks", []):
        # Wiki-Fair offsets are code points; --errors prints byte offsets.
        links[len(text[:s].encode())] = (len(text[:e].encode()), target)
    docs[d["title"]] = links

count = collections.Counter()
examples = collections.defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 7 or f[0] != sys.argv[2]:
        continue
    _, title, off, kind, text, pred, gold = f
    links = docs.get(title, {})
    start, end = int(off), int(off) + len(text.encode())
    is_link = start in links and links[start][0] == end
    overlaps = any(s < end and start < e for s, (e, _) in links.items())
    lower = not text[:1].isupper()
    if kind == "type" and pred == "UNKNOWN":
        k = "unknown-link" if is_link else "unknown-nonlink"
    elif kind == "type":
        k = "wrongtype link" if is_link else "wrongtype"
    elif kind == "miss":
        k = "miss-lower" if lower else ("miss-overlaplink" if overlaps else "miss-cap")
    else:
        k = "spur-lower" if lower else (
            "spur-link" if is_link else ("spur-overlaplink" if overlaps else "spur-cap"))
    count[k] += 1
    examples[k].append(f"{text} [{pred}/{gold}] ({title})")
for k, v in count.most_common():
    print(v, k)
for x in examples.get(sys.argv[3] if len(sys.argv) > 3 else "", []):
    print("  ", x)
