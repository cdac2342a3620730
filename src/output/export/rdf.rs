//! N-Triples and Turtle: the JSON-LD graph, re-serialized.
//!
//! The triples come from expanding our own JSON-LD ([`crate::output::jsonld`],
//! [`crate::output::graph`]) with oxjsonld and are written by oxttl, both from the
//! Oxigraph project. Building triples a second time by hand would be a second home for
//! what the graph says (which property a commander is, how a date is typed) and the two
//! would drift; expanding the one document guarantees the same graph in every syntax, and
//! the JSON-LD tests already check that expansion keeps every key. The expander names
//! blank nodes at random; they are renamed `b0`, `b1`, ... in order of first use, so the
//! same input always gives the same bytes.

use std::io::{self, Write};

use std::collections::HashMap;

use oxjsonld::JsonLdParser;
use oxrdf::{BlankNode, NamedOrBlankNode, Quad, Term, Triple};
use oxttl::{NTriplesSerializer, TurtleSerializer};

use crate::output::jsonld::WIKIANNO_NS;

/// An RDF syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfSyntax {
    /// One triple per line, full IRIs.
    NTriples,
    /// Turtle with the JSON-LD context's prefixes.
    Turtle,
}

/// The prefixes a Turtle file declares (those of the JSON-LD `@context`). Wikipedia IRIs
/// stay whole: a title like `Washington,_D.C.` needs escapes in a prefixed name
/// (`wiki:Washington\,_D.C\.`), valid Turtle that rdflib 7 fails to read.
const PREFIXES: [(&str, &str); 5] = [
    ("schema", "http://schema.org/"),
    ("dbo", "http://dbpedia.org/ontology/"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wikianno", WIKIANNO_NS),
];

/// Write the triples of one JSON-LD document (bytes) in `syntax`; returns how many.
/// A document that does not expand is an `InvalidData` error naming the cause.
pub fn write_document<W: Write>(out: W, jsonld: &[u8], syntax: RdfSyntax) -> io::Result<usize> {
    let mut names = BlankNames::default();
    let quads = JsonLdParser::new().for_slice(jsonld).map(move |q| q.map(|q| names.triple(q)));
    let mut count = 0;
    let invalid =
        |e: &dyn std::fmt::Display| io::Error::new(io::ErrorKind::InvalidData, e.to_string());
    match syntax {
        RdfSyntax::NTriples => {
            let mut w = NTriplesSerializer::new().for_writer(out);
            for q in quads {
                let q = q.map_err(|e| invalid(&e))?;
                w.serialize_triple(&q)?;
                count += 1;
            }
            w.finish();
        }
        RdfSyntax::Turtle => {
            let mut s = TurtleSerializer::new();
            for (name, iri) in PREFIXES {
                s = s.with_prefix(name, iri).map_err(|e| invalid(&e))?;
            }
            let mut w = s.for_writer(out);
            for q in quads {
                let q = q.map_err(|e| invalid(&e))?;
                w.serialize_triple(&q)?;
                count += 1;
            }
            w.finish()?;
        }
    }
    Ok(count)
}

/// Stable blank node names: `b<n>` by order of first use.
#[derive(Default)]
struct BlankNames {
    names: HashMap<String, BlankNode>,
}

impl BlankNames {
    fn rename(&mut self, node: BlankNode) -> BlankNode {
        let next = self.names.len();
        self.names
            .entry(node.into_string())
            .or_insert_with(|| BlankNode::new_unchecked(format!("b{next}")))
            .clone()
    }

    fn triple(&mut self, q: Quad) -> Triple {
        let subject = match q.subject {
            NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(self.rename(b)),
            named => named,
        };
        let object = match q.object {
            Term::BlankNode(b) => Term::BlankNode(self.rename(b)),
            other => other,
        };
        Triple::new(subject, q.predicate, object)
    }
}
