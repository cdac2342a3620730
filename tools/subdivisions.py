#!/usr/bin/env python3
"""Derive gazetteers/general/subdivisions.tsv: the first-level administrative regions of every
country (ISO 3166-2: states, provinces, regions, Länder, prefectures, ...) as PLACE rows.

Usage: /tmp/venv/bin/python tools/subdivisions.py [CITIES_TSV] [-o OUTPUT_TSV]
  Needs the `pycountry` package (26.2.16, the version countries.tsv was made from), e.g.
  `python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pycountry==26.2.16`.
  CITIES_TSV defaults to ../shared/data/geonames/cities15000.tsv next to the repository (the
  weight of a country, see filter 11), OUTPUT_TSV to gazetteers/general/subdivisions.tsv. Run tools/countries.py first: the
  curated files (countries.tsv among them) and geonames_places.tsv are read to drop duplicates.

Why: the GeoNames list (geonames_places.tsv) holds cities only, so "New Jersey", "Bavaria" or
"Ontario" were untyped; a region is a PLACE as surely as a city.

Output rows: surface, PLACE, ISO_3166-2:<country>#<code>, name, ISO alpha-2 country, type.
  The id points into the English Wikipedia article that lists the country's ISO 3166-2 codes
  ("ISO_3166-2:US#US-NJ"): a distinct, resolvable IRI, and one that cannot be wrong the way a
  guessed article title can ("Victoria" the state is "Victoria_(state)"). The id prefix marks the
  row as a general-list row for the runtime, like "geonames:" (weak evidence, capitalized text
  only, never inside a longer name).

Surfaces of a region: its ISO name and, where pycountry's English translation differs ("Bayern"
-> "Bavaria", "Nouvelle-Aquitaine" -> "New Aquitania"), the English name too; each cleaned:
  - alternates written "A / B" are split ("Fribourg / Freiburg");
  - a parenthesised qualifier is dropped ("Ilocos (Region I)" -> "Ilocos");
  - a bracketed alternate is kept as a surface of its own unless it is a code
    ("Catalunya [Cataluña]" -> both; "Wales [Cymru GB-CYM]" -> "Wales");
  - an inverted designation keeps the name ("Tatarstan, Respublika" -> "Tatarstan",
    "Madrid, Comunidad de" -> "Madrid"); a comma list ("Southern Nations, Nationalities and
    Peoples") is no single name and is dropped;
  - a trailing romanised designator is dropped ("Hebei Sheng" -> "Hebei", "Hong Kong SAR").
Filters, in order (the first that matches removes the surface; counts are printed):
  1-8b. the name filters of tools/geonames_subset.py (one home: name_filter_reason): digits,
        non-Latin script, all capitals, shorter than 4, lowercase start, a frequent English
        word (except KEEP_REGION_WORDS, regions frequent only as places: "Texas", "Ontario"),
        a country name ("Georgia"), a curated non-place or place surface;
  9. generic_only  every word is a direction or designator word: "Central", "Northern",
                   "North East", "Capital", "Eastern Region", "Western Area";
 10. city_name     a GeoNames city surface ("Berlin", "Kyoto", "Moskva"): geonames_places.tsv
                   holds it already, one id per surface;
 11. collision     a surface that names first-level regions of several countries ("Florida" of
                   the US and of Uruguay, "Punjab", "Limburg"): only the region of the country
                   whose GeoNames cities (cities15000) hold the most people is kept, as
                   geonames_subset.py keeps the most populous of same-name cities.
Exact duplicate surfaces of one region are written once.
"""
import gettext
import os
import sys

import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from geonames_subset import (  # noqa: E402  (the shared filters live there)
    GAZ_DIR, WORDS, fold, input_and_output, load_curated, load_words, name_filter_reason)

ROOT = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(ROOT, "gazetteers", "general", "subdivisions.tsv")
CITIES = os.path.join(ROOT, "gazetteers", "general", "geonames_places.tsv")
CITIES15000 = os.path.join(ROOT, "..", "shared", "data", "geonames", "cities15000.tsv")

# Frequent English "words" that are (almost always) the name of a well-known first-level region,
# chosen by hand from the overlap of the word list with the region names. Left out on purpose
# (they stay filtered): georgia (a country too), victoria, washington, jersey, columbia
# (a first name and a city), centre, littoral, plateau, lakes, delta, rivers, unity...
KEEP_REGION_WORDS = set("""
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas
utah vermont virginia wisconsin wyoming alberta ontario quebec queensland scotland wales england
""".split())

# Words that say where or what kind of region, not which: a name made of these only is no name.
GENERIC_WORDS = set("""
north south east west northern southern eastern western central middle upper lower inner outer
northeast northwest southeast southwest north-east north-west south-east south-west greater
capital region regional district province area territory zone coast coastal island islands
city state federal national metropolitan rural urban autonomous special administrative the of
and centre center
""".split())

# Trailing romanised designators of a region's type ("Hebei Sheng", "Hong Kong SAR").
TRAILING_DESIGNATORS = ("Sheng", "Shi", "Zizhiqu", "SAR")

REASONS = ("digits", "non_latin", "all_caps", "short", "lowercase_alt", "common_word",
           "country_name", "curated_other", "curated_place", "generic_only", "city_name",
           "list_name", "collision")


def is_code(text):
    """True for an ISO code inside a name's brackets ("SE-01", "Cymru GB-CYM")."""
    return any(len(w) > 3 and w[2] == "-" and w[:2].isupper() for w in text.split())


def clean_surfaces(name):
    """The usable surfaces of one ISO name (see the module doc), or ["<list>"] for a comma list."""
    out = []
    for part in name.split(" / "):
        part = part.strip()
        bracket = ""
        if "[" in part and part.endswith("]"):
            part, bracket = part[:-1].split("[", 1)
            part, bracket = part.strip(), bracket.strip()
        if "(" in part:
            part = part.split("(", 1)[0].strip()
        if "," in part:
            head, tail = (x.strip() for x in part.split(",", 1))
            if " and " in f" {tail} " or " y " in f" {tail} ":
                return ["<list>"]
            part = head
        words = part.split()
        if len(words) > 1 and words[-1] in TRAILING_DESIGNATORS:
            part = " ".join(words[:-1])
        if part:
            out.append(part)
        if bracket and not is_code(bracket):
            out.extend(clean_surfaces(bracket))
    return out


def country_city_population(path):
    """ISO alpha-2 -> the people of its GeoNames cities of 15,000+ (one row per city): a
    country's weight when regions of several countries share a name."""
    seen, total = set(), {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 6 or line.startswith("#") or cols[2] in seen:
                continue
            seen.add(cols[2])
            try:
                total[cols[4]] = total.get(cols[4], 0) + int(cols[5])
            except ValueError:
                pass
    return total


def main(argv):
    cities_path, out_path = input_and_output(
        argv, __doc__.splitlines()[0], CITIES15000, DEFAULT_OUT
    )

    common = load_words(WORDS) - KEEP_REGION_WORDS
    curated = load_curated(GAZ_DIR)
    cities = set()
    with open(CITIES, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                cities.add(fold(line.split("\t", 1)[0]))
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])

    removed = {k: 0 for k in REASONS}
    candidates = []  # (folded surface, row), in ISO code order
    regions = sorted((s for s in pycountry.subdivisions if s.parent_code is None), key=lambda s: s.code)
    for region in regions:
        en_name = english.gettext(region.name)
        names = [region.name] if en_name == region.name else [en_name, region.name]
        canonical = clean_surfaces(names[0])[0]
        seen = set()
        for surface in (s for n in names for s in clean_surfaces(n)):
            key = fold(surface)
            if key in seen:
                continue
            seen.add(key)
            if surface == "<list>":
                removed["list_name"] += 1
                continue
            reason = name_filter_reason(surface, key, common, curated)
            if reason is None and all(w in GENERIC_WORDS for w in key.split()):
                reason = "generic_only"
            if reason is None and key in cities:
                reason = "city_name"
            if reason is not None:
                removed[reason] += 1
                continue
            country = region.country_code
            row = [surface, "PLACE", f"ISO_3166-2:{country}#{region.code}", canonical, country, region.type]
            candidates.append((key, row))

    weight = country_city_population(cities_path)
    best = {}  # folded surface -> the region id kept for it
    for key, row in candidates:
        prev = best.get(key)
        if prev is None or weight.get(row[4], 0) > weight.get(prev[1], 0):
            best[key] = (row[2], row[4])
    kept = []
    for key, row in candidates:
        if best[key][0] == row[2]:
            kept.append(row)
        else:
            removed["collision"] += 1

    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# subdivisions.tsv: GENERATED by tools/subdivisions.py; do not edit by hand.\n")
        out.write("# First-level ISO 3166-2 subdivisions, from the pycountry 26.2.16 package's ISO 3166-2 data"
                  " (Debian iso-codes, LGPL-2.1+); filtered by tools/subdivisions.py\n")
        out.write("# Format: surface<TAB>PLACE<TAB>ISO_3166-2:<alpha-2>#<code><TAB>name<TAB>ISO alpha-2 country"
                  "<TAB>subdivision type. Curated gazetteers and geonames_places.tsv take precedence.\n")
        out.write("\n")
        for row in kept:
            out.write("\t".join(row) + "\n")

    for k, v in removed.items():
        print(f"removed {k + ':':14s} {v}", file=sys.stderr)
    print(f"kept rows:         {len(kept)} ({len({r[2] for r in kept})} regions of {len(regions)})",
          file=sys.stderr)
    print(f"output:            {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
