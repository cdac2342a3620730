//! JSON-LD: one self-contained document per article (`wikianno annotate --format jsonld`).
//!
//! # Shape
//! `{"@context": {...}, "@graph": [...]}`, with the nodes of `@graph` sorted by `@id`:
//!
//! * **The article node**, `@id` `https://en.wikipedia.org/wiki/<id>`, typed by its infobox:
//!   a conflict is `schema:Event` + `dbo:MilitaryConflict`, a person `schema:Person`, a
//!   treaty `schema:Legislation` + `dbo:Treaty`; without an infobox, by the label of the
//!   gazetteer entity that has the article's id, else `schema:Thing`. It carries `name`,
//!   `text` (the text every selector counts in), the infobox facts as typed properties
//!   (`startDate`/`endDate`, `location`, `commander`, `combatant` and a `side` node per
//!   numbered side, `result`, `birthDate`/`deathDate`/`birthPlace`/`deathPlace`,
//!   `legislationDate`/`locationCreated`/`legislationPassedBy`), every infobox item as an
//!   `infoboxFact` with its check `status` (so a consumer can keep only `supported` facts),
//!   every extracted event as a `subEvent` (`eventType`, `timex`, typed dates, `location`,
//!   `actor`s, and its `trigger` span), `mentions` (every entity named, except itself),
//!   `linksTo` (`dbo:wikiPageWikiLink`: See also, inline links, and EVENT/TREATY entities)
//!   and its `diagnostic`s.
//! * **One node per entity** mentioned: `@type` by gazetteer label (PERSON `schema:Person`,
//!   PLACE and DEMONYM `schema:Place`, ORG `schema:Organization`, EVENT `schema:Event`,
//!   TREATY `dbo:Treaty`, SHIP `dbo:Ship`, anything else `schema:Thing`) and a `name`.
//! * **One `oa:Annotation` per entity mention**, `@id` `<article IRI>#mention-<start>-<end>`:
//!   `hasBody` the entity IRI, `motivatedBy` `oa:identifying`, `hasTarget` a
//!   `oa:SpecificResource` whose `hasSource` is the article, with a `oa:TextPositionSelector`
//!   (`start`/`end` in code points of the article's `text`) and a `oa:TextQuoteSelector`
//!   (`exact`, and up to 32 code points of `prefix`/`suffix`).
//!
//! Dates are value objects typed by precision (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`);
//! TIMEX3 values with no such type (decades, weeks) stay in `timex` as plain strings.
//! Entity ids map to IRIs with [`entity_iri`]. The inline `@context` ([`context`]) maps
//! every key used, so a JSON-LD 1.1 processor expands the document offline and drops
//! nothing. Terms of our own (check status, diagnostics, sides) live under [`WIKIANNO_NS`].
//! Output is deterministic: object keys are sorted (serde_json's map), lists are in text
//! order or sorted.

mod article;
mod date;
mod selector;

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::pipeline::AnnotatedArticle;

pub(crate) use article::{article_graph, entity_node, DateClaim, EntityInfo};
pub(crate) use date::compatible as dates_compatible;

/// Where article ids point: `https://en.wikipedia.org/wiki/<id>`.
pub const WIKIPEDIA: &str = "https://en.wikipedia.org/wiki/";

/// The namespace of wikianno's own terms (check status, diagnostics, sides, event types).
/// A URN: it names the vocabulary without claiming a web address nobody serves.
pub const WIKIANNO_NS: &str = "urn:wikianno:";

/// The IRI of an article or entity id: `geonames:<n>` becomes
/// `https://sws.geonames.org/<n>/`, `wikidata:<Q>` `http://www.wikidata.org/entity/<Q>`, and
/// anything else a Wikipedia IRI. Spaces become underscores; characters an IRI may not hold
/// (and `?`, `%`, a second `#`) are percent-encoded, so the same id always gives the same IRI.
pub fn entity_iri(id: &str) -> String {
    let id = id.trim();
    if let Some(n) = id
        .strip_prefix("geonames:")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        return format!("https://sws.geonames.org/{n}/");
    }
    if let Some(q) = id
        .strip_prefix("wikidata:")
        .filter(|q| q.len() > 1 && q[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return format!("http://www.wikidata.org/entity/{q}");
    }
    let mut iri = String::with_capacity(WIKIPEDIA.len() + id.len());
    iri.push_str(WIKIPEDIA);
    let mut seen_hash = false;
    for ch in id.chars() {
        let escape = match ch {
            ' ' => {
                iri.push('_');
                continue;
            }
            '#' if !seen_hash => {
                seen_hash = true;
                false
            }
            '#' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '%' | '?' | '[' | ']' => {
                true
            }
            c => c.is_control() || c.is_whitespace() || matches!(c, '\u{FFF0}'..='\u{FFFF}'),
        };
        if escape {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                iri.push_str(&format!("%{b:02X}"));
            }
        } else {
            iri.push(ch);
        }
    }
    iri
}

/// The inline `@context` shared by every document: prefixes and one term per key used.
pub fn context() -> Value {
    let id = |iri: &str| json!({"@id": iri, "@type": "@id"});
    let count = |iri: &str| json!({"@id": iri, "@type": "xsd:nonNegativeInteger"});
    let mut c = Map::new();
    let mut put = |term: &str, def: Value| {
        c.insert(term.to_string(), def);
    };
    put("schema", json!("http://schema.org/"));
    put("dbo", json!("http://dbpedia.org/ontology/"));
    put("oa", json!("http://www.w3.org/ns/oa#"));
    put("xsd", json!("http://www.w3.org/2001/XMLSchema#"));
    put("wikianno", json!(WIKIANNO_NS));
    // Article and entity nodes.
    put("name", json!("schema:name"));
    put("text", json!("schema:text"));
    put("startDate", json!("schema:startDate"));
    put("endDate", json!("schema:endDate"));
    put("location", id("schema:location"));
    put("birthDate", json!("schema:birthDate"));
    put("deathDate", json!("schema:deathDate"));
    put("birthPlace", id("schema:birthPlace"));
    put("deathPlace", id("schema:deathPlace"));
    put("legislationDate", json!("schema:legislationDate"));
    put("locationCreated", id("schema:locationCreated"));
    put("legislationPassedBy", id("schema:legislationPassedBy"));
    put("commander", id("dbo:commander"));
    put("combatant", id("dbo:combatant"));
    put("result", json!("dbo:result"));
    put("side", json!("wikianno:side"));
    put("sideNumber", json!({"@id": "wikianno:sideNumber", "@type": "xsd:integer"}));
    put("subEvent", json!("schema:subEvent"));
    put("eventType", json!("wikianno:eventType"));
    put("timex", json!("wikianno:timex"));
    put("dateInherited", json!({"@id": "wikianno:dateInherited", "@type": "xsd:boolean"}));
    put("actor", id("schema:actor"));
    put("trigger", json!("wikianno:trigger"));
    put("mentions", id("schema:mentions"));
    put("mentionedIn", json!({"@reverse": "schema:mentions", "@type": "@id"}));
    put("linksTo", id("dbo:wikiPageWikiLink"));
    put("linkedFrom", json!({"@reverse": "dbo:wikiPageWikiLink", "@type": "@id"}));
    // Infobox verdicts and diagnostics.
    put("infoboxFact", json!("wikianno:infoboxFact"));
    put("field", json!("wikianno:field"));
    put("value", json!("wikianno:value"));
    put("status", json!("wikianno:status"));
    put("normalized", json!("wikianno:normalized"));
    put("message", json!("wikianno:message"));
    put("evidence", json!("wikianno:evidence"));
    put("diagnostic", json!("wikianno:diagnostic"));
    put("kind", json!("wikianno:kind"));
    put("at", json!("wikianno:at"));
    // W3C Web Annotation.
    put("hasBody", id("oa:hasBody"));
    put("hasTarget", json!("oa:hasTarget"));
    put("motivatedBy", id("oa:motivatedBy"));
    put("hasSource", id("oa:hasSource"));
    put("hasSelector", json!("oa:hasSelector"));
    put("start", count("oa:start"));
    put("end", count("oa:end"));
    put("exact", json!("oa:exact"));
    put("prefix", json!("oa:prefix"));
    put("suffix", json!("oa:suffix"));
    Value::Object(c)
}

/// The JSON-LD document of one article (shape in the [module docs](self)).
pub fn to_document(annotated: &AnnotatedArticle) -> Value {
    let graph = article_graph(annotated);
    let mut nodes = vec![Value::Object(graph.article)];
    nodes.extend(
        graph
            .entities
            .iter()
            .filter(|(iri, _)| **iri != graph.iri)
            .map(|(iri, info)| entity_node(iri, info)),
    );
    nodes.extend(graph.annotations);
    sort_by_id(&mut nodes);
    json!({"@context": context(), "@graph": nodes})
}

/// Write the document of `annotated` as one line (with the trailing newline).
pub fn write_document<W: Write + ?Sized>(
    out: &mut W,
    annotated: &AnnotatedArticle,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &to_document(annotated))?;
    out.write_all(b"\n")
}

/// Sort nodes by `@id` (stable, so nodes without one keep their order).
pub(crate) fn sort_by_id(nodes: &mut [Value]) {
    nodes.sort_by(|a, b| a["@id"].as_str().unwrap_or("").cmp(b["@id"].as_str().unwrap_or("")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_iris() {
        let table = [
            ("Mariano_Ignacio_Prado", "https://en.wikipedia.org/wiki/Mariano_Ignacio_Prado"),
            ("José Balta", "https://en.wikipedia.org/wiki/José_Balta"),
            ("geonames:3936456", "https://sws.geonames.org/3936456/"),
            ("geonames:", "https://en.wikipedia.org/wiki/geonames:"),
            ("wikidata:Q42", "http://www.wikidata.org/entity/Q42"),
            ("Walls_of_Lima#Puerta", "https://en.wikipedia.org/wiki/Walls_of_Lima#Puerta"),
            ("A#b#c", "https://en.wikipedia.org/wiki/A#b%23c"),
            ("100%_Why?", "https://en.wikipedia.org/wiki/100%25_Why%3F"),
            ("a<b>\"{|}", "https://en.wikipedia.org/wiki/a%3Cb%3E%22%7B%7C%7D"),
            ("中国_😀_€", "https://en.wikipedia.org/wiki/中国_😀_€"),
            (
                "Fort_of_Santa_Catalina,_Lima",
                "https://en.wikipedia.org/wiki/Fort_of_Santa_Catalina,_Lima",
            ),
        ];
        for (id, want) in table {
            assert_eq!(entity_iri(id), want, "{id}");
        }
    }
}
