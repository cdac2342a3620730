#!/usr/bin/env python3
"""Build gazetteers/lexicon/event_mentions.tsv, the event-mention table the library embeds.

Inputs (read at generation time only, never at run time):
  * TempEval-3 AQUAINT TimeML (../shared/data/tempeval3-aquaint-platinum/aquaint): which word
    forms are annotated <EVENT>, in which context, with which class;
  * SW100 dev brat files (../shared/data/sw100-dev): which word forms are event triggers;
  * WordNet 3.0 from Debian's `wordnet-base` package (/usr/share/wordnet): verb forms and
    eventive nouns (lexicographer files noun.act / noun.event / noun.process /
    noun.phenomenon) for words the annotated data never shows, and its SemCor sense
    counts (`cntlist.rev`): how often a lemma is used as a verb, a noun or an adjective,
    and how often its noun uses are eventive, a part-of-speech prior with no tagger.
TE3 Platinum is never read here (it is the test set).

Output rows: `form<TAB>CLASS or -<TAB>D,A,T,N,O<TAB>before<TAB>after<TAB>kind or -`, the
integer weights (x SCALE) of an averaged perceptron trained on every word of the annotated
data:
  D,A,T,N,O  the form's own score in each context (the word before puts it there):
    D  after a determiner, possessive or number ("the attack")
    A  after an auxiliary, modal or negation ("was attacked", "will not go")
    T  after "to" ("to attack")
    N  a capitalized word after another word (only white space between): a word of a name
       ("the Labour Party")
    O  anywhere else
     or `-` for a word that is never an event (only its neighbour scores are used);
  before     what the form gives the score of the word after it;
  after      what the form gives the score of the word before it;
  kind       the candidate's WordNet parts of speech as four bits (`kind`);
and the class matrix, rows `<class before>` or `<class after>`, a neighbour class
(`word_class`: determiner, auxiliary, "to", preposition, pronoun, conjunction,
subordinator, -ed, -ing, -ly, other, or none), then what a neighbour of that class gives
a candidate of each kind: form-independent weights, so an unseen neighbour counts too
(session 33, held out: AQUAINT 5-fold F1 0.882 -> 0.886, SW100 AQUAINT-only 0.661 ->
0.663, SW100 5-fold 0.696 -> 0.700).
A word is an event mention when its own score plus its neighbours' (forms and classes)
add up to more than 0; `<start>` and `<end>` stand for no word before or after (anything
but white space between).
The own score sums the weights of the form's own features (the form, its suffixes,
WordNet's parts of speech, SemCor's usage shares, WordNet's senses (`sense_features`), the
event rate of the other forms of its lemma in training (`lemma_rates`), the context, and
the counting table of `counted_rows`: the annotators' majority decision per form and
context, WordNet's answer for unseen forms). A quarter of the training words are shown
without their form features (FORM_DROPOUT), as an unseen form would be.
The Rust side (src/events/mentions.rs) tokenizes and classifies the neighbours the same
way; the word lists below are copied there (a unit test there checks they agree).

Usage: python3 tools/event_lexicon.py [--no-sw100] > gazetteers/lexicon/event_mentions.tsv
       python3 tools/event_lexicon.py --cv [--errors] [--split=story|date|interleaved]
           [--aquaint-only] [--rules=N] [--threshold=0.5] [--dropout=0.25] [--hapax=1]
(held-out figures, AQUAINT by story, by date blocks and interleaved, all by whole document
(see `cross_validate`); --errors lists the held-out false positives and misses by form and
context; --rules, --threshold, --dropout and --hapax try other settings than the shipped ones)
"""

import collections
import glob
import math
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")
if not os.path.isdir(DATA):
    DATA = os.path.join(HERE, "..", "..", "..", "shared", "data")
WORDNET = "/usr/share/wordnet"

DETERMINERS = set(
    "the a an this that these those its his her their our my your some any no every each "
    "another all both one two three four five six seven eight nine ten several many first "
    "last such".split()
)
AUXILIARIES = set(
    "is are was were be been being am has have had having will would shall should can could "
    "may might must do does did not never".split()
)
# A word: letters with inner hyphens and apostrophes, the typographic one too ("didn’t",
# read as "didn't"; the Rust tagger's `word_end` and `lower_case`).
TOKEN = re.compile(r"[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*")
# Threshold on P(event | form, context), chosen on held-out figures (--cv): from 0.5 to 0.6
# AQUAINT's 5-fold F1 stays 0.860 (P 0.867 -> 0.898, R 0.854 -> 0.825) and SW100's 5-fold
# P rises 0.787 -> 0.813 (R 0.570 -> 0.535); precision was the weak side.
THRESHOLD = 0.6
MIN_SEEN = 2
# The scored table: perceptron epochs, the scale of the integer weights written, the
# longest form the Rust tagger looks up, and the names of the missing neighbours.
EPOCHS = 8
SCALE = 1000
MAX_WORD = 40
START, END = "<start>", "<end>"
for arg in sys.argv:
    if arg.startswith("--threshold="):
        THRESHOLD = float(arg[len("--threshold="):])


# Form dropout: the share of training words whose form features (the form, the form in
# its context, the counting table's answer) are hidden from the perceptron, so that the
# features an unseen form has too (suffixes, WordNet, SemCor's sense counts) learn from
# them instead of being explained away by the form (session 32, held out: AQUAINT
# 5-fold F1 0.880 -> 0.882, SW100 AQUAINT-only 0.650 -> 0.661, SW100 5-fold 0.693 -> 0.696
# with the sense-count features; 0.15 gave 0.883, 0.656, 0.694; 0.5 gave 0.882, 0.654,
# 0.695; the sense counts alone 0.881, 0.650, 0.692).
FORM_DROPOUT = 0.25
for arg in sys.argv:
    if arg.startswith("--dropout="):
        FORM_DROPOUT = float(arg[len("--dropout="):])
FORM_FEATURES = ("form=", "form|ctx=", "listed")
# Forms found in no more than HAPAX_DOCS training documents are always shown without
# their form features: an unseen form of a new story is such a word (a name, a rare
# noun or verb), not one of the frequent words random dropout mostly hides (session
# 34, held out by date blocks: AQUAINT F1 0.873 -> 0.877, P 0.866 -> 0.871; forms in
# at most 2 documents 0.874; with FORM_DROPOUT 0.15 or 0.35 0.874; with the counting
# table's answer computed for each fifth of the training documents from the other four,
# stacked, 0.875, and stacked without this rule 0.874).
HAPAX_DOCS = 1
for arg in sys.argv:
    if arg.startswith("--hapax="):
        HAPAX_DOCS = int(arg[len("--hapax="):])


# Which context rules are on (experiments: --rules= for the four contexts before N).
RULES = set("N")
for arg in sys.argv:
    if arg.startswith("--rules="):
        RULES = set(arg[len("--rules="):])


def context(text, start, prev):
    """The context letter of a token starting at `start`; `prev` is the previous token."""
    if prev is None:
        return "O"
    pstart, pend, pword = prev
    if text[pend:start].strip() != "":
        return "O"
    # A capital inside a sentence (only white space since the previous word): a word of a
    # name ("the Labour Party", "Tea Act"), whatever the word before.
    if "N" in RULES and text[start].isupper():
        return "N"
    w = pword.lower()
    if w in DETERMINERS or w.isdigit():
        return "D"
    if w in AUXILIARIES:
        return "A"
    if w == "to":
        return "T"
    return "O"


def tokens(text):
    prev = None
    for m in TOKEN.finditer(text):
        word = m.group(0).replace("\u2019", "'")
        yield m.start(), m.end(), word.lower(), context(text, m.start(), prev)
        prev = (m.start(), m.end(), word)


def timeml_names(folder):
    return [os.path.basename(p) for p in sorted(glob.glob(os.path.join(folder, "*.tml")))]


def timeml_docs(folder):
    for path in sorted(glob.glob(os.path.join(folder, "*.tml"))):
        root = ET.parse(path).getroot()
        node = root.find(".//TEXT")
        text, events = [], []

        def walk(el):
            if el.text:
                text.append(el.text)
            for child in el:
                start = sum(map(len, text))
                walk(child)
                if child.tag == "EVENT":
                    events.append((start, sum(map(len, text)), child.get("class")))
                if child.tail:
                    text.append(child.tail)

        walk(node)
        yield "".join(text), events


def sw100_docs(folder):
    for path in sorted(glob.glob(os.path.join(folder, "*", "*.txt"))):
        text = open(path, encoding="utf-8").read()
        events = []
        for line in open(path[:-4] + ".ann", encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0].startswith("T"):
                # "Event 10 14" or, discontinuous, "Event 10 14;20 25": the first piece.
                kind, start, end = cols[1].split(";")[0].split(" ")[:3]
                events.append((int(start), int(end), None))
        yield text, events


def count(docs, stats, classes):
    for text, events in docs:
        by_start = {s: c for s, _, c in events}
        for s, e, w, ctx in tokens(text):
            hit = s in by_start
            stats[(w, ctx)][hit] += 1
            stats[(w, "*")][hit] += 1
            if hit and by_start[s]:
                classes[w][by_start[s]] += 1


def contexts():
    """The context letters in use, in table order."""
    return "".join(c for c in "DATNO" if c in "DATO" or c in RULES)


CONTEXTS = contexts()


# What WordNet says of word forms: verb forms -> lemma, noun forms, eventive noun forms,
# adjective forms, and form -> its SemCor usage buckets of `sense_usage`.
WordNet = collections.namedtuple(
    "WordNet", "verb_forms noun_forms eventive_nouns adjs usage senses lemma")


def wordnet():
    """The `WordNet` tables.

    Eventive noun forms hold the plurals too ("riots", "uprisings"); verb forms map an
    irregular inflection to its lemma ("sang" -> "sing")."""
    def index(pos):
        out = {}
        for line in open(os.path.join(WORDNET, "index." + pos)):
            if line.startswith(" "):
                continue
            cols = line.split()
            n_synsets = int(cols[2])
            out[cols[0]] = cols[-n_synsets:]
        return out

    verbs, nouns, adjs = index("verb"), index("noun"), index("adj")
    noun_lexfile = {}
    for line in open(os.path.join(WORDNET, "data.noun")):
        if line.startswith(" "):
            continue
        cols = line.split(" ", 3)
        noun_lexfile[cols[0]] = int(cols[1])
    eventive = {4, 11, 19, 22}  # noun.act, noun.event, noun.phenomenon, noun.process
    eventive_nouns = {
        w for w, offsets in nouns.items()
        if "_" not in w and noun_lexfile.get(offsets[0]) in eventive
    }
    verb_forms = {}
    for lemma in verbs:
        if "_" in lemma:
            continue
        for form in inflect(lemma):
            verb_forms.setdefault(form, lemma)
    for line in open(os.path.join(WORDNET, "verb.exc")):
        form, lemma = line.split()[:2]
        verb_forms.setdefault(form, lemma)
    noun_forms = set(w for w in nouns if "_" not in w)
    for w in list(noun_forms):
        noun_forms.add(w + "s")
    eventive_nouns |= {s_form(w) for w in eventive_nouns}
    noun_lemma = {s_form(w): w for w in nouns if "_" not in w}
    for line in open(os.path.join(WORDNET, "noun.exc")):
        form, lemma = line.split()[:2]
        noun_lemma.setdefault(form, lemma)
    counts = sense_counts(eventive)
    usage = {}
    for w in set(verb_forms) | noun_forms | set(adjs):
        usage[w] = sense_usage(w, verb_forms.get(w), noun_lemma.get(w), counts)
    senses = sense_features(nouns, verbs, adjs, verb_forms, noun_lemma)
    lemma = {w: verb_forms.get(w) or noun_lemma.get(w, w) for w in usage}
    return WordNet(verb_forms, noun_forms, eventive_nouns, set(adjs), usage, senses, lemma)


def synsets(pos):
    """Offset -> (lexicographer file number, words, [(pointer, target pos, source word)])
    of WordNet's data.<pos>."""
    out = {}
    for line in open(os.path.join(WORDNET, "data." + pos)):
        if line.startswith(" "):
            continue
        cols = line.split(" | ")[0].split()
        n_words = int(cols[3], 16)
        words = [cols[4 + 2 * i].lower() for i in range(n_words)]
        at = 4 + 2 * n_words
        n_ptrs = int(cols[at])
        ptrs = []
        for i in range(n_ptrs):
            sym, _, tpos, st = cols[at + 1 + 4 * i: at + 5 + 4 * i]
            ptrs.append((sym, tpos, int(st[:2], 16)))
        out[cols[0]] = (int(cols[1]), words, ptrs)
    return out


def sense_features(nouns, verbs, adjs, verb_forms, noun_lemma):
    """Form -> features of its WordNet senses: the lexicographer file of its first noun
    and first verb sense ("noun.group": "party", "government"; "verb.communication":
    "said"), whether its first noun sense is derived from a verb ("entry" from "enter":
    a nominalization), the share of its noun senses in an eventive file, and
    whether it is a participial adjective."""
    data_n, data_v, data_a = synsets("noun"), synsets("verb"), synsets("adj")
    eventive = {4, 11, 19, 22}
    out = {}
    forms = set(verb_forms) | set(noun_lemma) | set(nouns) | set(adjs)
    for w in forms:
        if "_" in w:
            continue
        feats = []
        n = noun_lemma.get(w, w) if w not in nouns else w
        offsets = nouns.get(n, [])
        if offsets:
            lex, words, ptrs = data_n[offsets[0]]
            feats.append(f"nlex={lex}")
            idx = words.index(n) + 1 if n in words else -1
            deriv = any(sym == "+" and tpos == "v" and src in (0, idx) for sym, tpos, src in ptrs)
            feats.append(f"nderiv={int(deriv)}")
            share = sum(data_n[o][0] in eventive for o in offsets) / len(offsets)
            feats.append(f"nev={round(4 * share)}")
        v = verb_forms.get(w)
        if v and verbs.get(v):
            feats.append(f"vlex={data_v[verbs[v][0]][0]}")
        if w in adjs:
            ppl = any(data_a[o][0] == 44 or any(p[0] == "<" for p in data_a[o][2])
                      for o in adjs[w] if o in data_a)
            feats.append(f"appl={int(ppl)}")
        out[w] = tuple(feats)
    return out


def sense_counts(eventive):
    """Lemma -> [noun, verb, adjective, eventive noun] SemCor tag counts, from WordNet's
    `cntlist.rev` (sense key, sense number, count): how often the lemma is used in each
    part of speech, and how often as a noun of an eventive lexicographer file."""
    counts = collections.defaultdict(lambda: [0, 0, 0, 0])
    for line in open(os.path.join(WORDNET, "cntlist.rev")):
        key, _, n = line.split()
        lemma, _, rest = key.partition("%")
        ss_type, lexfile = rest.split(":")[:2]
        c = counts[lemma]
        if ss_type == "1":
            c[0] += int(n)
            c[3] += int(n) if int(lexfile) in eventive else 0
        elif ss_type == "2":
            c[1] += int(n)
        elif ss_type in "35":
            c[2] += int(n)
    return counts


def sense_usage(w, verb_lemma, noun_lemma, counts):
    """A form's part-of-speech prior from SemCor's sense counts, in coarse buckets: the
    share of its uses as a verb (its verb lemma's), as a noun (the form's or its
    singular's), as an adjective, and the share of its noun uses that are eventive."""
    noun = counts.get(w if w in counts and counts[w][0] else noun_lemma, [0, 0, 0, 0])
    verb = counts.get(verb_lemma or w, [0, 0, 0, 0])
    adj = counts.get(w, [0, 0, 0, 0])
    n, v, a, ev = noun[0], verb[1], adj[2], noun[3]
    total = n + v + a
    if total == 0:
        return ("none",)
    bucket = lambda x, y: str(round(4 * x / y)) if y else "-"
    return (f"v{bucket(v, total)}", f"n{bucket(n, total)}", f"e{bucket(ev, n)}")


def s_form(word):
    """The -s form of a noun or verb, a plural or a third person ("riots", "carries",
    "marches"), by English spelling rules."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def inflect(lemma):
    yield lemma
    yield s_form(lemma)
    if lemma.endswith("e"):
        yield lemma + "d"
        yield lemma[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        yield lemma[:-1] + "ied"
        yield lemma + "ing"
    else:
        yield lemma + "ed"
        yield lemma + "ing"


# Function words and frequent non-events that WordNet lists as verbs or eventive nouns.
NEVER = set(
    "be is are was were am been being have has had having do does did will would shall should "
    "can could may might must the a an and or but of in on at to for with by from as it its "
    "he she they we you i this that there here then than so not no yes who whom which what "
    "when where why how all any some more most many much one two first last also even just "
    "still only very back out up down over off about like well i'm get got us mr mrs ms dr "
    "people man men woman women year years day days time times week weeks month months today "
    "percent state states government police president officials official house city country "
    "part number group lot way thing things place home news world company companies".split()
)


def main():
    use_sw100 = "--no-sw100" not in sys.argv
    aquaint = list(timeml_docs(os.path.join(DATA, "tempeval3-aquaint-platinum", "aquaint")))
    sw100 = list(sw100_docs(os.path.join(DATA, "sw100-dev"))) if use_sw100 else []
    wn = wordnet()
    global AQUAINT_NAMES
    AQUAINT_NAMES = timeml_names(os.path.join(DATA, "tempeval3-aquaint-platinum", "aquaint"))
    if "--cv" in sys.argv:
        cross_validate(aquaint, sw100, wn)
        return
    table = build(aquaint + sw100, wn)
    print("# event_mentions.tsv: generated by tools/event_lexicon.py; do not edit by hand.")
    print("# form<TAB>TimeML class or -<TAB>own score after D det, A aux/modal/negation, T to,")
    print("# N in a name, O other (or -)<TAB>score given to the word after<TAB>score given to")
    print(f"# the word before; a word is an event mention when its three scores add up to > 0")
    print(f"# (weights x {SCALE}). <start> and <end> stand for no word before or after.")
    print("# The sixth column is a candidate's kind for the class matrix (WordNet's parts of")
    print("# speech: verb 8 + noun 4 + eventive noun 2 + adjective 1, or -). The class matrix's")
    print("# rows, `<class before>` and `<class after>`: a neighbour's class (word_class), and")
    print(f"# the score it gives a candidate of each kind 0-{KINDS - 1}.")
    for side in ("before", "after"):
        for c in NEIGHBOUR_CLASSES:
            scores = ",".join(str(table.matrix.get((side, k, c), 0)) for k in range(KINDS))
            print(f"<class {side}>\t{c}\t{scores}")
    for w in sorted(set(table.own) | set(table.before) | set(table.after)):
        cls, own = table.own.get(w, ("-", None))
        scores = ",".join(str(own[c]) for c in CONTEXTS) if own else "-"
        k = table.kinds[w] if own else "-"
        print(f"{w}\t{cls}\t{scores}\t{table.before.get(w, 0)}\t{table.after.get(w, 0)}\t{k}")


# The other closed classes of `word_class` (copied in src/events/mentions.rs).
PREPOSITIONS = set(
    "of in on at for with by from into about under over after before during against among "
    "between through without within since until upon across along around toward towards "
    "behind beyond despite near onto per via amid".split()
)
PRONOUNS = set("i you he she it we they me him them us who whom which whose what there".split())
CONJUNCTIONS = set("and or but nor".split())
SUBORDINATORS = set("when while because if although though as whether where".split())
# The classes a neighbour is read as (`word_class`), in the Rust tagger's order
# (`NeighbourClass`); "none" is no word (anything but white space between).
NEIGHBOUR_CLASSES = "none det aux to prep pron conj sub ed ing ly other".split()
NO_WORD = "none"
# The kinds of candidate the class matrix tells apart (`kind`).
KINDS = 16


def word_class(w):
    """What a (lower-cased) word is as a neighbour, whatever its form: a closed class of
    function words, else its suffix. The Rust tagger reads the same classes in the same
    order (`NeighbourClass::of`)."""
    if w in DETERMINERS:
        return "det"
    if w in AUXILIARIES:
        return "aux"
    if w == "to":
        return "to"
    if w in PREPOSITIONS:
        return "prep"
    if w in PRONOUNS:
        return "pron"
    if w in CONJUNCTIONS:
        return "conj"
    if w in SUBORDINATORS:
        return "sub"
    if w.endswith("ed"):
        return "ed"
    if w.endswith("ing"):
        return "ing"
    if w.endswith("ly"):
        return "ly"
    return "other"


def neighbours(text):
    """Each token with the forms of the words before and after it (`<start>`/`<end>` when
    anything but white space separates them) and their classes."""
    toks = list(tokens(text))
    for i, (s, e, w, ctx) in enumerate(toks):
        joined_before = i > 0 and text[toks[i - 1][1]:s].strip() == ""
        joined_after = i + 1 < len(toks) and text[e:toks[i + 1][0]].strip() == ""
        before = toks[i - 1][2] if joined_before else START
        after = toks[i + 1][2] if joined_after else END
        pclass = word_class(before) if joined_before else NO_WORD
        nclass = word_class(after) if joined_after else NO_WORD
        yield s, e, w, ctx, before, after, pclass, nclass


def tag(text, table):
    """What the Rust tagger finds with `table` (for cross-validation only)."""
    for s, e, w, ctx, before, after, pclass, nclass in neighbours(text):
        if table.is_event(w, ctx, before, after, pclass, nclass):
            yield s, e, table.own[w][0]


def cross_validate(aquaint, sw100, wn, folds=5):
    """Held-out F1 on AQUAINT (5 folds) and SW100 dev (AQUAINT-only table, then 5 folds).

    With --errors, also the held-out false positives and misses by (form, context), most
    frequent first."""
    errors = collections.Counter()
    # Held-out counts split by whether the form was seen in the training folds (the
    # unseen ones are where the WordNet fallback decides): [tp, fp, fn] per corpus and side.
    by_seen = collections.defaultdict(lambda: [0, 0, 0])

    def score(name, test, train, total=None):
        tp = fp = fn = 0
        table = build(train, wn)
        seen = set()
        if total is not None:
            stats = collections.defaultdict(lambda: [0, 0])
            count(train, stats, collections.defaultdict(collections.Counter))
            seen = {w for (w, c) in stats if c == "*"}
        for text, events in test:
            gold = {(s, e) for s, e, _ in events}
            got = {(s, e) for s, e, _ in tag(text, table)}
            tp += len(gold & got)
            fp += len(got - gold)
            fn += len(gold - got)
            if total is not None:
                form = {s: w for s, _, w, _ in tokens(text)}
                for s, e in gold | got:
                    side = "seen" if form.get(s, text[s:e].lower()) in seen else "unseen"
                    counts = by_seen[(name.rsplit(" ", 1)[0], side)]
                    counts[0 if (s, e) in gold and (s, e) in got else 1 if (s, e) in got else 2] += 1
            if "--errors" in sys.argv and total is not None:
                ctx = {s: c for s, _, _, c in tokens(text)}
                for s, e in got - gold:
                    errors[(name.rsplit(" ", 1)[0], "FP", text[s:e].lower(), ctx.get(s, "?"))] += 1
                for s, e in gold - got:
                    errors[(name.rsplit(" ", 1)[0], "FN", text[s:e].lower(), ctx.get(s, "?"))] += 1
        if total is not None:
            total[0] += tp
            total[1] += fp
            total[2] += fn
        report(name, tp, fp, fn)

    def report(name, tp, fp, fn):
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"{name}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}", file=sys.stderr)

    # Three splits of AQUAINT, all by whole document. Interleaved (document i in fold
    # i % 5, as sorted by name) puts the articles of one story in every fold: the embassy
    # bombings, the Elian Gonzalez case, the doctor's slaying and NATO's enlargement run to
    # 9-23 articles each, some near copies of one another, so a held-out article's story
    # and wording were trained on. By date (documents sorted by the date in their name,
    # cut into 5 contiguous blocks) keeps a story's articles mostly in one fold (session
    # 34's honest estimate); by story (below) keeps them all in one (--split=story, date or
    # interleaved: one only).
    split = next((a[len("--split="):] for a in sys.argv if a.startswith("--split=")), "all")
    if split in ("all", "interleaved"):
        total = [0, 0, 0]
        for k in range(folds):
            test = aquaint[k::folds]
            train = [d for i, d in enumerate(aquaint) if i % folds != k] + sw100
            score(f"AQUAINT fold {k}", test, train, total)
        report("AQUAINT, all folds", *total)
    if split in ("all", "date"):
        total = [0, 0, 0]
        fold_of = date_folds(AQUAINT_NAMES, folds)
        for k in range(folds):
            test = [d for d, f in zip(aquaint, fold_of) if f == k]
            train = [d for d, f in zip(aquaint, fold_of) if f != k] + sw100
            score(f"AQUAINT date block {k}", test, train, total)
        report("AQUAINT, all date blocks", *total)
    # By story (--split=story, or with all): the date blocks still cut the embassy
    # bombings between blocks 0 and 1 and the Elian Gonzalez case between 3 and 4, so
    # half of a held-out story was trained on. `story_folds` holds out one whole story
    # at a time (four folds), as a test set of other news is: the honest estimate.
    if split in ("all", "story"):
        total = [0, 0, 0]
        fold_of = story_folds([text for text, _ in aquaint])
        for k in range(max(fold_of) + 1):
            test = [d for d, f in zip(aquaint, fold_of) if f == k]
            train = [d for d, f in zip(aquaint, fold_of) if f != k] + sw100
            score(f"AQUAINT story fold {k}", test, train, total)
        report("AQUAINT, all story folds", *total)
    if "--aquaint-only" in sys.argv:
        finish(by_seen, errors, report)
        return
    score("SW100 dev, AQUAINT-only table", sw100, aquaint)
    total = [0, 0, 0]
    for k in range(folds):
        test = sw100[k::folds]
        train = aquaint + [d for i, d in enumerate(sw100) if i % folds != k]
        score(f"SW100 fold {k}", test, train, total)
    report("SW100, all folds", *total)
    finish(by_seen, errors, report)


def finish(by_seen, errors, report):
    """The held-out counts by seen and unseen form, and with --errors the errors."""
    for (corpus, side), counts in sorted(by_seen.items()):
        report(f"{corpus}, all folds, forms {side} in training", *counts)
    for (corpus, kind, form, ctx), n in errors.most_common(80):
        print(f"{corpus}\t{kind}\t{form}\t{ctx}\t{n}", file=sys.stderr)


# Stories: documents are grouped by average-link clustering of their tf-idf vectors
# (words of four letters or more found in fewer than half the documents), merging the
# two groups whose documents' mean cosine is highest until none reaches STORY_SIMILARITY.
# At 0.05 AQUAINT falls into exactly its four stories: the Elian Gonzalez case (25
# documents), the embassy bombings (23), the doctor's slaying (15), NATO's enlargement
# (10). Single link chains them (at 0.15: groups of 34, 25, 10 and 4 lone articles).
STORY_SIMILARITY = 0.05


def story_folds(texts):
    """Each document's story number (`STORY_SIMILARITY`), largest story 0. Quadratic
    and worse in the documents: generation time only, on 73 documents."""
    bags, df = [], collections.Counter()
    for text in texts:
        bag = collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]{4,}", text))
        bags.append(bag)
        df.update(bag.keys())
    n = len(texts)
    vectors = []
    for bag in bags:
        v = {w: c * math.log(n / df[w]) for w, c in bag.items() if df[w] < n / 2}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    cos = [[sum(x * vj.get(w, 0.0) for w, x in vi.items()) for vj in vectors] for vi in vectors]
    groups = [[i] for i in range(n)]

    def link(a, b):
        return sum(cos[i][j] for i in a for j in b) / (len(a) * len(b))

    while len(groups) > 1:
        best, a, b = max(
            (link(groups[a], groups[b]), a, b)
            for a in range(len(groups)) for b in range(a + 1, len(groups))
        )
        if best < STORY_SIMILARITY:
            break
        groups[a] += groups.pop(b)
    fold_of = [0] * n
    for k, members in enumerate(sorted(groups, key=lambda m: (-len(m), min(m)))):
        for i in members:
            fold_of[i] = k
    return fold_of


def date_folds(names, folds):
    """Each document's fold when the documents, sorted by the date in their name
    (APW19980807.0261: 1998-08-07), are cut into `folds` contiguous blocks."""
    def date(name):
        digits = re.search(r"\d+", name).group(0)
        # APW199980817: a typo'd year; the century and the last six digits (YYMMDD).
        return digits[:2] + digits[-6:] if len(digits) > 8 else digits

    order = sorted(range(len(names)), key=lambda i: (date(names[i]), names[i]))
    fold_of = [0] * len(names)
    for rank, i in enumerate(order):
        fold_of[i] = rank * folds // len(names)
    return fold_of


def counted_rows(docs, wn):
    """The counting table: per form, its most frequent class and the contexts in which
    annotators marked it an event at least THRESHOLD of the time (WordNet's answer for
    forms the data never shows). The scored table learns from it as one feature."""
    stats = collections.defaultdict(lambda: [0, 0])
    classes = collections.defaultdict(collections.Counter)
    count(docs, stats, classes)
    verb_forms, noun_forms, eventive_nouns, adjs = (
        wn.verb_forms, wn.noun_forms, wn.eventive_nouns, wn.adjs)

    rows = Rows()
    rows.lemma_rate = lemma_rates(stats, wn)
    seen_forms = {w for (w, c) in stats if c == "*"}
    for w in sorted(seen_forms):
        total = stats[(w, "*")]
        if sum(total) < MIN_SEEN and total[1] == 0:
            continue
        ctxs = ""
        for c in CONTEXTS:
            no, yes = stats.get((w, c), (0, 0))
            if yes + no >= MIN_SEEN:
                ok = yes / (yes + no) >= THRESHOLD
            elif c == "N":
                # A word of a name is an event only where the data shows it ("the Gulf
                # War"): the form's lower-case uses say nothing about its capitalized ones.
                ok = False
            else:
                # Back off to the form's overall rate, and to WordNet for the context.
                ok = total[1] / sum(total) >= THRESHOLD if sum(total) >= MIN_SEEN else None
                if ok is None:
                    ok = wordnet_says(w, c, verb_forms, noun_forms, eventive_nouns, adjs)
            if ok:
                ctxs += c
        if ctxs:
            cls = classes[w].most_common(1)[0][0] if classes[w] else "OCCURRENCE"
            rows[w] = (cls, ctxs)
    for w in sorted(set(verb_forms) | eventive_nouns):
        if w in seen_forms or w in NEVER or len(w) < 3 or not w.isalpha():
            continue
        ctxs = "".join(
            c for c in CONTEXTS if wordnet_says(w, c, verb_forms, noun_forms, eventive_nouns, adjs)
        )
        if ctxs:
            rows[w] = ("OCCURRENCE", ctxs)
    return rows, seen_forms, classes


class Rows(dict):
    """The counting table, with `lemma_rate`: form -> the event rate of the other forms of
    its lemma in the training data, in buckets (`lemma_rates`)."""

    lemma_rate = {}


def lemma_rates(stats, wn):
    """Form -> bucket of how often the *other* forms of its lemma are events in the
    training data ("attacks" unseen, "attack" and "attacked" seen), or "none" when they
    are seen fewer than MIN_SEEN times."""
    by_lemma = collections.defaultdict(lambda: [0, 0])
    for (w, c), (no, yes) in stats.items():
        if c == "*":
            by_lemma[wn.lemma.get(w, w)][0] += no
            by_lemma[wn.lemma.get(w, w)][1] += yes
    out = {}
    for w in wn.lemma:
        lemma_no, lemma_yes = by_lemma.get(wn.lemma[w], (0, 0))
        no, yes = stats.get((w, "*"), (0, 0))
        no, yes = lemma_no - no, lemma_yes - yes
        out[w] = str(round(4 * yes / (no + yes))) if no + yes >= MIN_SEEN else "none"
    return out


def own_features(w, ctx, rows, wn):
    """The features of a word itself in a context: everything but its neighbours, so their
    weights add up to one score per form and context in the table."""
    verb_forms, noun_forms, eventive_nouns, adjs = (
        wn.verb_forms, wn.noun_forms, wn.eventive_nouns, wn.adjs)
    row = rows.get(w)
    listed = int(bool(row and ctx in row[1]))
    wordnet_pos = "".join(
        str(int(w in forms)) for forms in (verb_forms, noun_forms, eventive_nouns, adjs)
    )
    feats = [
        "bias",
        f"ctx={ctx}",
        f"listed={listed}",
        f"listed|ctx={listed}{ctx}",
        f"form={w}",
        f"form|ctx={w}|{ctx}",
        f"wordnet={wordnet_pos}",
        f"wordnet|ctx={wordnet_pos}{ctx}",
    ]
    feats += [f"suffix={w[-k:]}" for k in (2, 3, 4) if len(w) > k]
    usage = wn.usage.get(w, ("none",))
    feats += [f"usage={u}" for u in usage] + [f"usage|ctx={u}{ctx}" for u in usage]
    # What WordNet's senses say of the form, and how often the other forms of its lemma
    # were events in training (session 35; held out by date blocks, forms unseen in
    # training: P 0.791 -> 0.798, R 0.859 -> 0.866; see `sense_features`, `lemma_rates`).
    feats += [f"sense={f}" for f in wn.senses.get(w, ())]
    rate = rows.lemma_rate.get(w, "none")
    feats += [f"lemma={rate}", f"lemma|ctx={rate}{ctx}"]
    return feats


class Table:
    """The scored table: per candidate form its class and own score in each context, and
    per word the score it gives the word after it and the word before it."""

    def __init__(self, own, before, after, kinds, matrix):
        self.own, self.before, self.after = own, before, after
        self.kinds, self.matrix = kinds, matrix

    def is_event(self, w, ctx, before, after, pclass, nclass):
        row = self.own.get(w)
        if row is None:
            return False
        score = row[1][ctx] + self.before.get(before, 0) + self.after.get(after, 0)
        k = self.kinds[w]
        score += self.matrix.get(("before", k, pclass), 0) + self.matrix.get(("after", k, nclass), 0)
        return score > 0


def build(docs, wn, epochs=EPOCHS):
    """The scored table, from an averaged perceptron over every token of `docs`.

    A token's features are its own (form, suffixes, WordNet's parts of speech, its
    context, the counting table's answer), its neighbours' forms, and its neighbours'
    classes crossed with its kind (the class matrix). Candidates are the
    forms the data shows and WordNet's verb forms and eventive nouns; any other word is
    never an event (held out, the perceptron found no event among them)."""
    rows, seen_forms, classes = counted_rows(docs, wn)
    examples = []
    dropout = random.Random(2)
    doc_freq = collections.Counter()
    for text, _ in docs:
        doc_freq.update({w for _, _, w, _ in tokens(text)})
    for text, events in docs:
        starts = {s for s, _, _ in events}
        for s, e, w, ctx, before, after, pclass, nclass in neighbours(text):
            feats = own_features(w, ctx, rows, wn) + ["before=" + before, "after=" + after]
            k = kind(w, wn)
            feats += [f"class before={pclass}|{k}", f"class after={nclass}|{k}"]
            hide = dropout.random() < FORM_DROPOUT
            if hide or doc_freq[w] <= HAPAX_DOCS:
                feats = [f for f in feats if not f.startswith(FORM_FEATURES)]
            examples.append((feats, 1 if s in starts else -1))
    weights = averaged_perceptron(examples, epochs)

    def weight(feature):
        return round(weights.get(feature, 0.0) * SCALE)

    verb_forms, eventive_nouns = wn.verb_forms, wn.eventive_nouns
    own = {}
    for w in seen_forms | set(verb_forms) | eventive_nouns:
        if len(w) > MAX_WORD or not TOKEN.fullmatch(w):
            continue
        scores = {
            c: round(sum(weights.get(f, 0.0) for f in own_features(w, c, rows, wn)) * SCALE)
            for c in CONTEXTS
        }
        cls = classes[w].most_common(1)[0][0] if classes[w] else rows.get(w, ("OCCURRENCE",))[0]
        own[w] = (cls, scores)
    before = {f[len("before="):]: weight(f) for f in weights if f.startswith("before=")}
    after = {f[len("after="):]: weight(f) for f in weights if f.startswith("after=")}
    before = {w: v for w, v in before.items() if v != 0}
    after = {w: v for w, v in after.items() if v != 0}
    matrix = {}
    for f in weights:
        if f.startswith("class "):
            side, _, rest = f[len("class "):].partition("=")
            c, k = rest.split("|")
            if weight(f):
                matrix[(side, int(k), c)] = weight(f)
    # A form no neighbours can lift above 0 is no candidate at all.
    lift = max(before.values(), default=0) + max(after.values(), default=0)
    lift += sum(
        max((v for (s, _, _), v in matrix.items() if s == side), default=0)
        for side in ("before", "after")
    )
    own = {w: row for w, row in own.items() if max(row[1].values()) + lift > 0}
    return Table(own, before, after, {w: kind(w, wn) for w in own}, matrix)


def kind(w, wn):
    """A candidate's kind for the class matrix: the set of WordNet's parts of speech of
    its form, as four bits (verb 8, noun 4, eventive noun 2, adjective 1)."""
    forms = (wn.verb_forms, wn.noun_forms, wn.eventive_nouns, wn.adjs)
    return sum(8 >> i for i, f in enumerate(forms) if w in f)


def averaged_perceptron(examples, epochs):
    """Feature -> weight, averaged over every step (Collins 2002), examples shuffled with
    a fixed seed so the table is the same on every run."""
    weights, totals, stamps = {}, collections.defaultdict(float), collections.defaultdict(int)
    rng = random.Random(1)
    order = list(examples)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for feats, label in order:
            if label * sum(weights.get(f, 0.0) for f in feats) <= 0:
                for f in feats:
                    totals[f] += (step - stamps[f]) * weights.get(f, 0.0)
                    stamps[f] = step
                    weights[f] = weights.get(f, 0.0) + label
            step += 1
    return {f: (totals[f] + (step - stamps[f]) * w) / step for f, w in weights.items()}


def wordnet_says(w, c, verb_forms, noun_forms, eventive_nouns, adjs):
    """Whether an unseen form is an event in context `c`, from WordNet alone."""
    if w in NEVER or c == "N":
        return False
    is_verb = w in verb_forms
    is_noun = w in noun_forms
    plural = w.endswith("s") and not w.endswith("ss")
    if w in eventive_nouns and (c == "D" or not is_verb or plural):
        # An eventive noun: "the invasion", "a collapse"; a plural one is an event as a
        # verb's third person too ("riots", "massacres").
        return True
    if not is_verb:
        return False
    if c in "AT":
        return True
    if c == "D":
        return w.endswith("ing") and not is_noun
    # Plain context: a participle or past form, even one WordNet also lists as an adjective
    # ("stressed", "celebrated", "sang"; held out, TimeML marks most of them), or a verb
    # form that is not also a plain noun or adjective.
    past_or_participle = (
        w.endswith("ed") or w.endswith("ing") or (verb_forms[w] != w and not plural)
    )
    return past_or_participle or not (is_noun or w in adjs)


if __name__ == "__main__":
    main()
