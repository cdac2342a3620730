"""The DBpedia ontology's class tree, read once for the scripts that derive our tables from it
(tools/dbpedia_types.py, tools/type_nouns.py).

Reads ../shared/data/dbpedia-mappings/ontology.owl (DBpedia extraction framework, commit
e3dfe8b; CC BY-SA 3.0).
"""
import xml.etree.ElementTree as ET

ONT = "http://dbpedia.org/ontology/"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RDFS = "{http://www.w3.org/2000/01/rdf-schema#}"
OWL = "{http://www.w3.org/2002/07/owl#}"
XML = "{http://www.w3.org/XML/1998/namespace}"


def read_classes(owl_path):
    """(parent, english_label): each class's first ontology superclass, and its English label."""
    parent, label = {}, {}
    for cls in ET.parse(owl_path).getroot().iter(OWL + "Class"):
        name = cls.get(RDF + "about", "")
        if not name.startswith(ONT):
            continue
        name = name[len(ONT):]
        for sup in cls.findall(RDFS + "subClassOf"):
            res = sup.get(RDF + "resource", "")
            if res.startswith(ONT):
                parent[name] = res[len(ONT):]
                break
        for lab in cls.findall(RDFS + "label"):
            if lab.get(XML + "lang") == "en" and lab.text:
                label[name] = lab.text.strip()
    return parent, label


def first_mapped(cls, parent, ours):
    """Our label of the first class up `cls`'s subClassOf chain that `ours` maps, or None."""
    seen = set()
    while cls and cls not in seen:
        if cls in ours:
            return ours[cls]
        seen.add(cls)
        cls = parent.get(cls)
    return None
