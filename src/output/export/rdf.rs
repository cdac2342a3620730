//! N-Triples and Turtle: the JSON-LD graph, re-serialized.
//!
//! The triples come from expanding our own JSON-LD ([`crate::output::jsonld`],
//! [`crate::output::graph`]) with oxjsonld and are written by oxttl, both from the
//! Oxigraph project. Building triples a second time by hand would be a second home for
//! what the graph says (which property a commander is, how a date is typed) and the two
//! would drift; expanding the one document guarantees the same graph in every syntax, and
//! the JSON-LD tests already check that expansion keeps every key.

use std::io::{self, Write};

use oxjsonld::JsonLdParser;
use oxrdf::TripleRef;
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

/// The prefixes a Turtle file declares (those of the JSON-LD `@context`).
const PREFIXES: [(&str, &str); 6] = [
    ("schema", "http://schema.org/"),
    ("dbo", "http://dbpedia.org/ontology/"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wikianno", WIKIANNO_NS),
    ("wiki", "https://en.wikipedia.org/wiki/"),
];

/// Write the triples of one JSON-LD document (bytes) in `syntax`; returns how many.
/// A document that does not expand is an `InvalidData` error naming the cause.
pub fn write_document<W: Write>(out: W, jsonld: &[u8], syntax: RdfSyntax) -> io::Result<usize> {
    let quads = JsonLdParser::new().for_slice(jsonld);
    let mut count = 0;
    let invalid =
        |e: &dyn std::fmt::Display| io::Error::new(io::ErrorKind::InvalidData, e.to_string());
    match syntax {
        RdfSyntax::NTriples => {
            let mut w = NTriplesSerializer::new().for_writer(out);
            for q in quads {
                let q = q.map_err(|e| invalid(&e))?;
                w.serialize_triple(TripleRef::from(q.as_ref()))?;
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
                w.serialize_triple(TripleRef::from(q.as_ref()))?;
                count += 1;
            }
            w.finish()?;
        }
    }
    Ok(count)
}
