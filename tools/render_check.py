#!/usr/bin/env python3
"""Rendering check: wikianno's `text` against mwparserfromhell's `strip_code`.

    python3 tools/render_check.py [--bin target/release/wikianno] [--pages] [--missing N] [DUMP...]

Installs mwparserfromhell into a virtual environment under `target/render-check-venv` on
first use (and re-runs itself there). With no DUMP, checks the development samples in
`../shared/data`: the gensim dump and its table-markup sample, the DBpedia minidump and
`enwiki-10k`. For every namespace-0 page that is not a redirect it prints (with
`--pages`) and sums up:

* word recall: the words of three letters or more of the reference rendering, as a
  multiset (lower-cased), that also occur in wikianno's text;
* the unknown templates wikianno dropped (from its `template-dropped` diagnostics), most
  frequent first;
* leftover markup per 10,000 words of wikianno's text: `{{`, `}}`, `[[`, `]]`, `{|`, `|}`,
  `'''`, `''`, `<ref`, an HTML tag, empty parentheses or parentheses opening on `;`/`,`.

The reference is `strip_code()` of the page after removing what MediaWiki itself never
shows as article text, and which strip_code would otherwise keep: `<ref>` contents
(references are not prose), category and interlanguage links (`[[Category:X]]`,
`[[fr:X]]`: strip_code keeps their titles), and the display options of file links
(`thumb`, `left`, `220px`, ...: strip_code keeps them, MediaWiki shows only the caption),
and the HTML attributes strip_code leaks from table cells it cannot parse (`bgcolor=white`).
"""

import argparse
import bz2
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "render-check-venv")
DATA = os.path.join(ROOT, "..", "shared", "data")
DEFAULT_DUMPS = [
    "enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
    "enwiki-dump-sample-gensim/enwiki-table-markup.xml.bz2",
    "dbpedia-minidump-en/enwiki-minidump.xml.bz2",
    "enwiki-more-samples/enwiki-10k.xml.bz2",
]

# Interwiki prefixes whose links show their text (the rest of `xx:` prefixes are languages).
INTERWIKI = {
    "wikt", "wiktionary", "w", "wikipedia", "s", "wikisource", "q", "wikiquote", "b", "wikibooks",
    "n", "wikinews", "v", "wikiversity", "voy", "wikivoyage", "commons", "c", "m", "meta",
    "species", "wikispecies", "d", "wikidata", "mw", "mediawikiwiki", "foundation", "wmf",
    "wikimedia", "phab", "doi", "oeis", "arxiv",
}
FILE_OPTION = re.compile(
    r"^(thumb|thumbnail|frame|framed|frameless|border|left|right|center|centre|none|upright"
    r"(\s*=?\s*[\d.]+)?|baseline|middle|sub|super|text-top|text-bottom|top|bottom|"
    r"\d*x?\d+\s*px|(alt|link|page|lang|class|thumbtime|start|end)\s*=.*)$",
    re.I,
)
ATTRIBUTE = re.compile(r"\b[A-Za-z-]+=(\"[^\"\n]*\"|'[^'\n]*'|[^\s|\"']+)")
WORD = re.compile(r"[^\W\d_]{3,}")
LEFTOVER = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|\{\||\|\}|'''|''|<ref|</?[A-Za-z][A-Za-z0-9]*(\s[^<>\n]*)?/?>"
    r"|\(\s*\)|\(\s*[;,]"
)


def ensure_venv():
    """Re-run inside the venv that has mwparserfromhell, creating it when needed."""
    try:
        import mwparserfromhell  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([python, "-m", "pip", "install", "-q", "mwparserfromhell==0.7.2"])
    if os.environ.get("RENDER_CHECK_IN_VENV"):
        sys.exit("mwparserfromhell is missing from " + VENV)
    os.environ["RENDER_CHECK_IN_VENV"] = "1"
    os.execv(python, [python] + sys.argv)


def open_dump(path):
    if path.endswith(".bz2"):
        return bz2.open(path, "rb")
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def pages(path):
    """(title, wikitext) of every namespace-0 page that is not a redirect."""
    with open_dump(path) as f:
        for _, el in ET.iterparse(f):
            if not el.tag.endswith("}page") and el.tag != "page":
                continue
            get = lambda name: next((c for c in el.iter() if c.tag.split("}")[-1] == name), None)
            ns, title, text, redirect = get("ns"), get("title"), get("text"), get("redirect")
            if ns is not None and ns.text == "0" and redirect is None and text is not None:
                wikitext = text.text or ""
                if not wikitext.lstrip().lower().startswith("#redirect"):
                    yield title.text, wikitext
            el.clear()


def reference_text(wikitext):
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    for tag in code.filter_tags(recursive=True):
        if str(tag.tag).strip().lower() == "ref":
            try:
                code.remove(tag)
            except ValueError:
                pass
    for link in code.filter_wikilinks(recursive=True):
        title = str(link.title).strip()
        prefix, colon, _ = title.partition(":")
        prefix = prefix.strip().lower()
        try:
            if colon and prefix in ("category", "file", "image", "media"):
                if prefix == "category":
                    code.remove(link)
                    continue
                parts = str(link.text or "").split("|")
                caption = parts[-1] if parts and not FILE_OPTION.match(parts[-1].strip()) else ""
                code.replace(link, caption)
            elif (colon and not title.startswith(":") and prefix not in INTERWIKI
                  and re.fullmatch(r"[a-z][a-z-]{1,11}", prefix)):
                code.remove(link)
        except ValueError:
            pass  # already removed with its parent
    # strip_code leaks the attributes of cells it cannot parse (`colspan="2" bgcolor=white`).
    return ATTRIBUTE.sub(" ", code.strip_code())


def words(text):
    return collections.Counter(w.lower() for w in WORD.findall(text))


DROPPED_TEMPLATE = re.compile(r"template \{\{(.*)\}\} is not rendered and was dropped(?: \((\d+) times\))?")


def render_all(binary, dump, unknown):
    """wikianno's text by title; counts the unknown templates it reports into `unknown`."""
    cmd = [binary, "annotate", "--no-default-gazetteers", dump]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    texts = {}
    for line in out.splitlines():
        rec = json.loads(line)
        if "text" in rec:
            texts[rec["title"]] = rec["text"]
        for d in rec.get("diagnostics", []):
            m = DROPPED_TEMPLATE.match(d.get("message", ""))
            if m:
                unknown[m.group(1)] += int(m.group(2) or 1)
    return texts


def main():
    ensure_venv()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dumps", nargs="*")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "wikianno"))
    ap.add_argument("--pages", action="store_true", help="one line per page")
    ap.add_argument("--missing", type=int, default=0, help="list the N most often missing words")
    ap.add_argument("--leftovers", action="store_true", help="show each leftover in context")
    args = ap.parse_args()
    dumps = args.dumps or [os.path.join(DATA, d) for d in DEFAULT_DUMPS]
    total_ref = total_hit = total_words = total_left = 0
    missing = collections.Counter()
    unknown = collections.Counter()
    for dump in dumps:
        if not os.path.exists(dump):
            print(f"skipped: {dump} is absent")
            continue
        ours = render_all(args.bin, dump, unknown)
        d_ref = d_hit = d_words = d_left = 0
        for title, wikitext in pages(dump):
            text = ours.get(title)
            if text is None:
                print(f"  {title}: no record from wikianno")
                continue
            ref, got = words(reference_text(wikitext)), words(text)
            hit = sum(min(n, got[w]) for w, n in ref.items())
            n_ref = sum(ref.values())
            left = list(LEFTOVER.finditer(text))
            n_words = len(text.split())
            missing.update({w: n - got[w] for w, n in ref.items() if n > got[w]})
            d_ref, d_hit, d_words, d_left = d_ref + n_ref, d_hit + hit, d_words + n_words, d_left + len(left)
            if args.pages:
                recall = hit / n_ref if n_ref else 1.0
                print(f"  {recall:6.3f} recall {n_ref:6d} ref words {len(left):3d} leftovers  {title}")
            if args.leftovers:
                for m in left:
                    ctx = text[max(0, m.start() - 30):m.end() + 30].replace("\n", "⏎")
                    print(f"    leftover {m.group()!r} in {title}: {ctx!r}")
        total_ref, total_hit, total_words, total_left = (
            total_ref + d_ref, total_hit + d_hit, total_words + d_words, total_left + d_left)
        print(f"{os.path.basename(dump)}: word recall {d_hit / max(d_ref, 1):.4f} "
              f"({d_hit}/{d_ref}), leftovers {d_left} in {d_words} words "
              f"({10000 * d_left / max(d_words, 1):.2f} per 10,000)")
    print(f"overall: word recall {total_hit / max(total_ref, 1):.4f} ({total_hit}/{total_ref}), "
          f"leftovers {total_left} in {total_words} words "
          f"({10000 * total_left / max(total_words, 1):.2f} per 10,000)")
    print("most often dropped unknown templates:",
          ", ".join(f"{t} {n}" for t, n in unknown.most_common(25)))
    if args.missing:
        print("most often missing:", ", ".join(f"{w} {n}" for w, n in missing.most_common(args.missing)))


if __name__ == "__main__":
    main()
