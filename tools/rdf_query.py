#!/usr/bin/env python3
"""Load a Turtle or N-Triples file with rdflib and run a SPARQL query on it.

    python tools/rdf_query.py FILE.ttl 'SELECT ... WHERE { ... }'

Prints one tab-separated row per result (ASK prints true/false). The prefixes
schema:, dbo:, oa:, xsd:, wikianno: and wiki: are predeclared.
"""
import sys

import rdflib

PREFIXES = """
PREFIX schema: <http://schema.org/>
PREFIX dbo: <http://dbpedia.org/ontology/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX wikianno: <urn:wikianno:>
PREFIX wiki: <https://en.wikipedia.org/wiki/>
"""


def main(path, query):
    fmt = "nt" if path.endswith(".nt") else "turtle"
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    result = g.query(PREFIXES + query)
    if result.type == "ASK":
        print("true" if result.askAnswer else "false")
        return
    for row in result:
        print("\t".join(str(v) for v in row))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
