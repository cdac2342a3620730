#!/usr/bin/env python3
"""Write gazetteers/lexicon/type_nouns.tsv: nouns that say what a name is ("footballer",
"town", "record label", "album"), each with our coarse label.

Two sources, both listed in the file with each row's origin:
* the DBpedia ontology (../shared/data/dbpedia-mappings/ontology.owl, DBpedia extraction
  framework commit e3dfe8b, CC BY-SA 3.0): the English label of every class below Person,
  Place, Organisation, Event or Work, lowercased ("SoccerPlayer" -> "soccer player");
* a short list of ours (`OURS` below): everyday English nouns the ontology spells otherwise
  or lacks ("footballer", "actress", "album", "genus"), and the kinship nouns.

A fourth column `of=LABEL` says what a name after "NOUN of" is ("the town of X": PLACE;
"daughter of X": PERSON). Read by src/gazetteer/type_nouns.rs (title disambiguators,
appositions, nouns before a name, lead sentences).

    python3 tools/type_nouns.py ../shared/data/dbpedia-mappings > gazetteers/lexicon/type_nouns.tsv
"""
import re
import sys
from pathlib import Path

from dbpedia_ontology import first_mapped, read_classes

src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/dbpedia-mappings")

ROOTS = {"Person": "PERSON", "Place": "PLACE", "Organisation": "ORG", "Event": "EVENT",
         "Work": "WORK"}
# Ontology labels that are no cue to a name's type in running text (too general, or a
# word whose everyday sense is another: "a letter", "a file", "a man").
SKIP = {"man", "woman", "person", "agent", "place", "event", "organisation", "work", "file",
        "annotation", "resume", "database", "letter", "back scene", "written work",
        "document", "image", "code", "collection", "community", "unit of work", "group",
        "competition", "personal event", "societal event", "natural event", "other",
        "area", "location", "object", "type", "name", "entity", "species", "year", "tradition",
        "law", "quote", "reference", "article", "archive", "department", "race", "religious",
        "chief", "drama", "dbpedian", "nordic combined", "deputy", "olympics"}

# Ours: (noun, LABEL, of-LABEL or None).
OURS = [
    # Persons: occupations and roles the ontology lacks or spells otherwise.
    *[(w, "PERSON", None) for w in (
        "footballer cricketer actress actor writer novelist author poet composer songwriter "
        "singer-songwriter guitarist bassist drummer pianist violinist rapper director "
        "producer lawyer physician surgeon naturalist botanist "
        "zoologist businessman businesswoman engineer inventor philosopher theologian "
        "mathematician physicist chemist biologist archaeologist explorer missionary priest "
        "bishop archbishop general admiral officer soldier diplomat judge journalist editor "
        "critic illustrator cartoonist designer comedian broadcaster coach manager athlete "
        "swimmer cyclist sprinter golfer boxer wrestler jockey nobleman noblewoman aristocrat "
        "statesman senator mayor player musician singer artist painter sculptor "
        "photographer scientist scholar historian economist politician activist "
        "entrepreneur character king queen prince princess duke duchess landgrave margrave "
        "earl baron baroness viscount marquess emperor empress").split()],
    # Roles in an organization, whose "of" names the organization ("CEO of Kyndryl",
    # "Deputy Whip of the Bloc Québécois", "Treasurer of the Royal Society"), not a longer name;
    # not "fellow", an adjective before a name as often ("fellow Minnesotan Scott LeDoux").
    *[(w, "PERSON", None) for w in (
        "ceo chairman chairwoman chairperson whip leader founder treasurer secretary").split()],
    # Persons a story's plot names ("Farroukh Erdogan, a Turkish immigrant").
    *[(w, "PERSON", None) for w in "immigrant emigrant refugee student teacher detective".split()],
    # Persons a class names before its instances ("academics such as X"); not "individual",
    # an adjective as often ("individual amoebae", "individual sovereignty").
    ("academic", "PERSON", None),
    # A member of a party, a band ("One Nation member Qwerty Jones"); not "of" ORG: a
    # language family, a genus has members too.
    ("member", "PERSON", None),
    # A founding member belongs to an organization: a band, a party, a league ("a founding
    # member of the Qwertys"); a language family or a genus has no founders.
    ("founding member", "PERSON", "ORG"),
    ("tennis player", "PERSON", None), ("rugby player", "PERSON", None),
    ("chess player", "PERSON", None), ("voice actor", "PERSON", None),
    ("film director", "PERSON", None), ("record producer", "PERSON", None),
    # Kinship: "his wife X", "daughter of X".
    *[(w, "PERSON", "PERSON") for w in (
        "son daughter wife husband father mother brother sister widow widower cousin nephew "
        "niece uncle aunt grandson granddaughter grandfather grandmother stepson stepdaughter "
        "half-brother half-sister").split()],
    # Places: "the town of X", "X, a village in".
    *[(w, "PLACE", "PLACE") for w in (
        "town city village hamlet municipality commune suburb borough township county district "
        "province region state country island river lake mountain valley capital "
        "neighbourhood neighborhood settlement parish barrio").split()],
    # Places that take no "of" ("the area of mathematics" is no place).
    *[(w, "PLACE", None) for w in "area station".split()],
    # Landforms and roads the ontology lacks ("Chilcotin Plateau", "Qwerton Highway"); not
    # "coast", which follows adjectives as often as names ("the Algerian coast").
    *[(w, "PLACE", None) for w in (
        "plateau peninsula strait gulf creek highway motorway expressway tehsil").split()],
    ("railway line", "PLACE", None),
    # Organizations.
    *[(w, "ORG", None) for w in (
        "company corporation band club team party university college school newspaper firm "
        "airline agency ministry label group").split()],
    ("record label", "ORG", None), ("political party", "ORG", None),
    ("football club", "ORG", None), ("rock band", "ORG", None), ("duo", "ORG", None),
    ("TV channel", "ORG", None), ("TV network", "ORG", None), ("TV station", "ORG", None),
    ("television channel", "ORG", None), ("television network", "ORG", None),
    ("trio", "ORG", None), ("quartet", "ORG", None),
    # A college's team for one sport, titled by Wikipedia's convention "School Nickname
    # men's basketball" ("Qwerton Hoyas men's basketball").
    *[(f"{sex} {sport}", "ORG", None) for sex in ("men's", "women's")
      for sport in ("basketball", "soccer", "ice hockey", "volleyball", "lacrosse")],
    # Works.
    *[(w, "WORK", None) for w in (
        "film album song single novel book play opera musical painting poem magazine sitcom "
        "miniseries soundtrack EP comics memoir autobiography biography").split()],
    ("television series", "WORK", None), ("TV series", "WORK", None),
    ("TV program", "WORK", None), ("TV programme", "WORK", None), ("TV serial", "WORK", None),
    ("soap opera", "WORK", None), ("video game", "WORK", None),
    # Events.
    *[(w, "EVENT", None) for w in ("battle war election festival tournament siege uprising "
                                   "revolution championship").split()],
    # Taxa and other kinds of things (MISC): "the genus X", "a moth of the family X".
    *[(w, "MISC", None) for w in "genus family subfamily tribe order".split()],
    # Peoples (CoNLL's MISC, as the demonyms' group plurals): "the Azerbaijani ethnic
    # group", "an ethnic minority"; "group" alone stays ORG ("a rock group").
    ("ethnic group", "MISC", None), ("ethnic minority", "MISC", None),
    # Named animals (CoNLL's MISC): "Toytown was a British event horse".
    *[(w, "MISC", None) for w in "horse racehorse stallion mare gelding".split()],
    ("ship", "SHIP", None),
]

parent, label = read_classes(src / "ontology.owl")


def root(cls):
    return first_mapped(cls, parent, ROOTS)


rows = {}
for noun, lab, of in OURS:
    rows.setdefault(noun, (lab, of, "ours"))
for cls, text in sorted(label.items()):
    lab = root(cls)
    noun = text.lower()
    if lab is None or noun in SKIP or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", noun):
        continue
    rows.setdefault(noun, (lab, None, "dbpedia:" + cls))

print("# type_nouns.tsv: GENERATED by tools/type_nouns.py; do not edit by hand.")
print("# Nouns that say what a name is. Sources: the DBpedia ontology's English class labels")
print("# (DBpedia extraction framework commit e3dfe8b, CC BY-SA 3.0) and a short list of ours.")
print("# Format: noun<TAB>LABEL<TAB>origin[<TAB>of=LABEL: what a name after \"NOUN of\" is].")
for noun in sorted(rows, key=lambda n: (n.lower(), n)):
    lab, of, origin = rows[noun]
    print(f"{noun}\t{lab}\t{origin}" + (f"\tof={of}" if of else ""))
