#!/usr/bin/env python3
"""Generate gazetteers/countries.tsv from the ISO 3166-1 country list.

Usage: python3 tools/countries.py [COUNTRIES_TSV] [OUTPUT_TSV]
  COUNTRIES_TSV defaults to ../shared/data/geonames/countries.tsv (relative to the repo root),
  OUTPUT_TSV to gazetteers/countries.tsv. Python 3 standard library only.

Input columns: alpha3, alpha2, name, official_name (ISO 3166-1, via pycountry 26.2.16).
Output rows:   surface<TAB>PLACE<TAB>Wikipedia_title<TAB>alpha3<TAB>alpha2
Every row of a country carries its alpha-3 code, so the infobox stage can resolve "Place: PER",
and its alpha-2 code, which places in it carry too (GeoNames rows, curated places).

Surfaces per country: the common English short name (from OVERRIDES where ISO's name is not
what English text says, e.g. "Bolivia, Plurinational State of" -> "Bolivia"), the ISO name when
it is a usable surface of its own (no inverted "X, Y of" form), the official name, and a few
EXTRA_SURFACES (historic or common alternates). Duplicate surfaces are written once. The former
countries of ISO 3166-3 that 20th-century articles name (HISTORIC) follow, with their withdrawn
codes.
"""
import os
import sys
import unicodedata

# alpha3 -> (common English short name, English Wikipedia title)
OVERRIDES = {
    "BOL": ("Bolivia", "Bolivia"),
    "BES": ("Caribbean Netherlands", "Caribbean_Netherlands"),
    "BRN": ("Brunei", "Brunei"),
    "CCK": ("Cocos (Keeling) Islands", "Cocos_(Keeling)_Islands"),
    "COD": ("Democratic Republic of the Congo", "Democratic_Republic_of_the_Congo"),
    "COG": ("Republic of the Congo", "Republic_of_the_Congo"),
    "CIV": ("Ivory Coast", "Ivory_Coast"),
    "CPV": ("Cape Verde", "Cape_Verde"),
    "CZE": ("Czech Republic", "Czech_Republic"),
    "FLK": ("Falkland Islands", "Falkland_Islands"),
    "FSM": ("Micronesia", "Federated_States_of_Micronesia"),
    "GBR": ("United Kingdom", "United_Kingdom"),
    "GEO": ("Georgia", "Georgia_(country)"),
    "IRL": ("Ireland", "Republic_of_Ireland"),
    "IRN": ("Iran", "Iran"),
    "KOR": ("South Korea", "South_Korea"),
    "PRK": ("North Korea", "North_Korea"),
    "LAO": ("Laos", "Laos"),
    "MAC": ("Macau", "Macau"),
    "MAF": ("Saint Martin", "Collectivity_of_Saint_Martin"),
    "MDA": ("Moldova", "Moldova"),
    "PCN": ("Pitcairn Islands", "Pitcairn_Islands"),
    "PSE": ("Palestine", "State_of_Palestine"),
    "RUS": ("Russia", "Russia"),
    "SHN": ("Saint Helena", "Saint_Helena,_Ascension_and_Tristan_da_Cunha"),
    "SXM": ("Sint Maarten", "Sint_Maarten"),
    "SYR": ("Syria", "Syria"),
    "STP": ("São Tomé and Príncipe", "São_Tomé_and_Príncipe"),
    "SWZ": ("Eswatini", "Eswatini"),
    "TLS": ("East Timor", "East_Timor"),
    "TUR": ("Turkey", "Turkey"),
    "TWN": ("Taiwan", "Taiwan"),
    "TZA": ("Tanzania", "Tanzania"),
    "USA": ("United States", "United_States"),
    "VAT": ("Vatican City", "Vatican_City"),
    "VEN": ("Venezuela", "Venezuela"),
    "VGB": ("British Virgin Islands", "British_Virgin_Islands"),
    "VIR": ("United States Virgin Islands", "United_States_Virgin_Islands"),
    "VNM": ("Vietnam", "Vietnam"),
    "GMB": ("The Gambia", "The_Gambia"),
    "BHS": ("The Bahamas", "The_Bahamas"),
    "NLD": ("Netherlands", "Netherlands"),
    "ALA": ("Åland", "Åland"),
    "HMD": ("Heard Island and McDonald Islands", "Heard_Island_and_McDonald_Islands"),
    "UMI": ("United States Minor Outlying Islands", "United_States_Minor_Outlying_Islands"),
    "ATF": ("French Southern and Antarctic Lands", "French_Southern_and_Antarctic_Lands"),
    "REU": ("Réunion", "Réunion"),
    "CUW": ("Curaçao", "Curaçao"),
    "BLM": ("Saint Barthélemy", "Saint_Barthélemy"),
    "MKD": ("North Macedonia", "North_Macedonia"),
    "MMR": ("Myanmar", "Myanmar"),
    "SJM": ("Svalbard and Jan Mayen", "Svalbard_and_Jan_Mayen"),
    "HKG": ("Hong Kong", "Hong_Kong"),
}

# alpha3 -> extra surfaces (alternate English names that are safe in running text).
# Deliberately absent: "Georgia" is kept for the country only because ISO names it so (it also
# names a US state); "Chad", "Jordan", "Guinea" are given names/words too but are the ISO names.
EXTRA_SURFACES = {
    "USA": ["United States of America", "USA", "U.S.", "U.S.A."],
    "GBR": ["Great Britain", "Britain", "UK", "U.K."],
    "CZE": ["Czechia"],
    "TUR": ["Türkiye"],
    "CIV": ["Côte d'Ivoire"],
    "CPV": ["Cabo Verde"],
    "SWZ": ["Swaziland"],
    "MMR": ["Burma"],
    "TLS": ["Timor-Leste"],
    "MKD": ["Macedonia"],
    "VNM": ["Viet Nam"],
    "RUS": ["Russian Federation"],
    "SYR": ["Syrian Arab Republic"],
    "LAO": ["Lao People's Democratic Republic"],
    "BRN": ["Brunei Darussalam"],
    "MAC": ["Macao"],
    "STP": ["Sao Tome and Principe"],
    "VAT": ["Holy See", "Vatican"],
    "COD": ["DR Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville"],
    "KOR": ["Republic of Korea"],
    "NLD": ["Holland"],
    "GMB": ["Gambia"],
    "BHS": ["Bahamas"],
    "ALA": ["Åland Islands"],
    "FLK": ["Malvinas", "Falklands"],
    "PER": ["Perú"],
    "ESP": ["España"],
}

# Note: the matcher folds case, so country names that are also English words ("Turkey", "Chad",
# "Guinea", "Jordan", "Georgia", "Niger") can fire on lowercase words; they are kept because a
# country list must be complete (the infobox stage resolves alpha-3 codes through it), and the
# pipeline may require a capitalised match. Documented in gazetteers/README.md.
# Surfaces never written (ordinary words / ambiguous abbreviations). Country *names* that are also
# common words are kept (a country gazetteer without "Chad" or "Turkey" would be useless), but
# these extras would fire too often.
NEVER = {"Congo"}  # ambiguous between COD and COG (and the river); neither gets the bare name


# Former countries (ISO 3166-3, withdrawn from ISO 3166-1): articles on the 20th century link
# and name them as often as today's states, and a state is a PLACE whatever its head word says
# ("Soviet Union" is no organization). alpha3, alpha2 (the withdrawn codes), short name,
# English Wikipedia title, extra surfaces.
HISTORIC = [
    ("SUN", "SU", "Soviet Union", "Soviet_Union", ["USSR", "Union of Soviet Socialist Republics"]),
    ("YUG", "YU", "Yugoslavia", "Yugoslavia", []),
    ("CSK", "CS", "Czechoslovakia", "Czechoslovakia", []),
    ("DDR", "DD", "East Germany", "East_Germany", ["German Democratic Republic"]),
]


def fold(s):
    """Case- and accent-fold like the runtime matcher does (hyphens and dashes are kept)."""
    d = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in d if not unicodedata.combining(c))


def common_name(alpha3, name):
    if alpha3 in OVERRIDES:
        return OVERRIDES[alpha3]
    if "," in name or "(" in name:
        raise SystemExit(f"countries.py: no override for inverted/qualified ISO name {alpha3} {name!r}")
    return name, name.replace(" ", "_")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    src = argv[1] if len(argv) > 1 else os.path.join(root, "..", "shared", "data", "geonames", "countries.tsv")
    dst = argv[2] if len(argv) > 2 else os.path.join(root, "gazetteers", "countries.tsv")
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            parts += [""] * (4 - len(parts))
            alpha3, alpha2, name, official = parts[:4]
            short, title = common_name(alpha3, name)
            surfaces = [short]
            if "," not in name and "(" not in name:
                surfaces.append(name)
            off = official.strip()
            if off.lower().startswith("the "):
                off = off[4:]
            if off and "," not in off and "(" not in off:
                surfaces.append(off)
            surfaces += EXTRA_SURFACES.get(alpha3, [])
            seen = set()
            for s in surfaces:
                if s in NEVER or fold(s) in seen:
                    continue
                seen.add(fold(s))
                rows.append((s, "PLACE", title, alpha3, alpha2))
    for alpha3, alpha2, short, title, extras in HISTORIC:
        for s in [short] + extras:
            rows.append((s, "PLACE", title, alpha3, alpha2))
    # A surface shared by two countries would make the lookup ambiguous: fail loudly.
    owner = {}
    for s, _, title, a3, _a2 in rows:
        k = fold(s)
        if k in owner and owner[k] != a3:
            raise SystemExit(f"countries.py: surface {s!r} used by {owner[k]} and {a3}")
        owner[k] = a3
    with open(dst, "w", encoding="utf-8", newline="\n") as out:
        out.write("# countries.tsv: GENERATED by tools/countries.py from ISO 3166-1 (pycountry 26.2.16 data,\n")
        out.write("# ../shared/data/geonames/countries.tsv). Do not edit by hand; edit the script's tables.\n")
        out.write("# Format: surface<TAB>PLACE<TAB>English Wikipedia title<TAB>ISO 3166-1 alpha-3<TAB>alpha-2.\n")
        out.write("# One row per surface: common English short name, ISO name, official name, extras.\n\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    n_countries = len({r[3] for r in rows})
    print(f"countries.py: {n_countries} countries, {len(rows)} rows -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
