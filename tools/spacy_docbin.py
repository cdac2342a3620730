#!/usr/bin/env python3
"""Turn `wikianno export --format spacy` JSONL into a spaCy DocBin (.spacy).

    python tools/spacy_docbin.py IN.jsonl OUT.spacy [--lang en]

Each line becomes Doc(vocab, words, spaces, sent_starts); `ents` become doc.ents
(strict character alignment: wikianno's tokens are cut at every span boundary, so
every span aligns); `timexes` and `events` become the span groups "timexes"
and "events"; timex values go to doc.user_data["timex_values"] (a DocBin stores
user_data when store_user_data=True). Exits 1 naming the line if a span does not
align or the words do not give the text back.
"""
import json
import sys

import spacy
from spacy.tokens import Doc, DocBin


def doc_of(nlp, record, where):
    doc = Doc(nlp.vocab, words=record["words"], spaces=record["spaces"],
              sent_starts=record["sent_starts"])
    if doc.text != record["text"]:
        raise SystemExit(f"{where}: words and spaces do not give the text back")

    def spans(rows, what):
        out = []
        for row in rows:
            start, end, label = row[0], row[1], row[2]
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is None:
                raise SystemExit(f"{where}: {what} {start}-{end} does not align to tokens")
            out.append(span)
        return out

    doc.ents = spans(record["ents"], "entity")
    doc.spans["timexes"] = spans(record.get("timexes", []), "timex")
    doc.spans["events"] = spans(record.get("events", []), "event")
    doc.user_data["id"] = record["id"]
    doc.user_data["timex_values"] = [row[3] for row in record.get("timexes", [])]
    return doc


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    lang = "en"
    if "--lang" in argv:
        lang = argv[argv.index("--lang") + 1]
        args.remove(lang)
    if len(args) != 2:
        raise SystemExit(__doc__)
    nlp = spacy.blank(lang)
    bin_ = DocBin(store_user_data=True)
    with open(args[0], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                bin_.add(doc_of(nlp, json.loads(line), f"{args[0]}:{n}"))
    bin_.to_disk(args[1])
    print(f"{len(bin_)} docs -> {args[1]}")


if __name__ == "__main__":
    main(sys.argv)
