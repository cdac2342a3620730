//! N-Triples and Turtle: the JSON-LD graph, re-serialized.
//!
//! What the graph says (which property a commander is, how a date is typed) has one home:
//! the JSON-LD writer ([`crate::output::jsonld`], [`crate::output::graph`]) and its
//! `@context` ([`context`]). The triples are read off that document: a JSON-LD document
//! whose `@context` is ours is turned into triples here with the terms of that context
//! (each key's IRI, `@id` / datatype coercion, `@reverse`), which is JSON-LD's own
//! expansion and RDF conversion restricted to what our writer produces: node objects with
//! `@id`/`@type`, nested nodes (blank when they have no `@id`), value objects with
//! `@value`/`@type`, strings, integers and booleans, compact IRIs of the context's
//! prefixes. A general JSON-LD processor resolves the context, parses every IRI and
//! re-reads the JSON for each of these steps, which made RDF export eight times slower
//! than the goal (issue 17). Any other document, or one of ours using a construct outside
//! that subset, goes through the general processor (oxjsonld, from the Oxigraph project),
//! so every JSON-LD input still converts; tests/export.rs checks that both give the same
//! graph on the corpus. Triples are written by oxttl, which does the escaping.
//!
//! Blank nodes are named `b0`, `b1`, ... in order of first use, so the same input always
//! gives the same bytes.

use std::{
    borrow::Cow,
    collections::{HashMap, HashSet},
    io::{self, Write},
    sync::OnceLock,
};

use oxjsonld::JsonLdParser;
use oxrdf::{
    vocab::{rdf, xsd},
    BlankNode, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term, TermRef, Triple, TripleRef,
};
use oxttl::{
    ntriples::WriterNTriplesSerializer, turtle::WriterTurtleSerializer, NTriplesSerializer,
    TurtleSerializer,
};
use serde_json::{Map, Value};

use crate::output::jsonld::{context, WIKIANNO_NS};

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

/// Blank node names handed out so far in one output. Documents written one after another
/// into the same output continue the count: each document naming its first blank node
/// `_:b0` would make one node of two.
#[derive(Debug, Default, Clone, Copy)]
pub struct BlankCount(usize);

/// Write the triples of the JSON-LD in `jsonld` (bytes) in `syntax`; returns how many. The
/// bytes may hold one document or several one after another, as `annotate --format jsonld`
/// writes one per line. Anything that is not JSON or does not expand is an `InvalidData`
/// error naming the cause.
pub fn write_document<W: Write>(out: W, jsonld: &[u8], syntax: RdfSyntax) -> io::Result<usize> {
    write_documents(out, jsonld, syntax, &mut BlankCount::default())
}

/// [`write_document`] into an output that already holds `blanks` blank nodes.
pub fn write_documents<W: Write>(
    mut out: W,
    jsonld: &[u8],
    syntax: RdfSyntax,
    blanks: &mut BlankCount,
) -> io::Result<usize> {
    let mut count = 0;
    for document in serde_json::Deserializer::from_slice(jsonld).into_iter::<Value>() {
        let document = document.map_err(|e| invalid(&e))?;
        count += write_graph_continuing(&mut out, &document, syntax, blanks)?;
    }
    Ok(count)
}

/// Write the triples of one JSON-LD document (already parsed) in `syntax`; returns how
/// many. Ours are read with our context; anything else is expanded by oxjsonld.
pub fn write_graph<W: Write>(out: W, document: &Value, syntax: RdfSyntax) -> io::Result<usize> {
    write_graph_continuing(out, document, syntax, &mut BlankCount::default())
}

/// [`write_graph`] into an output that already holds `blanks` blank nodes.
pub fn write_graph_continuing<W: Write>(
    mut out: W,
    document: &Value,
    syntax: RdfSyntax,
    blanks: &mut BlankCount,
) -> io::Result<usize> {
    if let Some(terms) = known_terms(document) {
        let mut walk = Walk::new(terms, TripleWriter::new(Vec::new(), syntax)?, blanks.0);
        match walk.document(document) {
            Ok(()) => {
                let count = walk.sink.count;
                blanks.0 = walk.blanks;
                out.write_all(&walk.sink.out.finish()?)?;
                return Ok(count);
            }
            Err(Stop::Io(e)) => return Err(e),
            // Not the subset our writer produces: the general processor decides.
            Err(Stop::Unsupported) => {}
        }
    }
    let bytes = serde_json::to_vec(document).map_err(|e| invalid(&e))?;
    expand_generally(out, &bytes, syntax, blanks)
}

/// The general path: oxjsonld expands the document, blank nodes are renamed.
fn expand_generally<W: Write>(
    out: W,
    jsonld: &[u8],
    syntax: RdfSyntax,
    blanks: &mut BlankCount,
) -> io::Result<usize> {
    let mut names = BlankNames { first: blanks.0, names: HashMap::new() };
    let mut w = TripleWriter::new(out, syntax)?;
    let mut count = 0;
    for quad in JsonLdParser::new().for_slice(jsonld) {
        let triple = names.triple(quad.map_err(|e| invalid(&e))?);
        w.write(triple.as_ref())?;
        count += 1;
    }
    w.finish()?;
    blanks.0 += names.names.len();
    Ok(count)
}

fn invalid(e: &dyn std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// oxttl's writer for the syntax chosen (Turtle's keeps prefixes and the current
/// subject: boxed, so the enum stays small).
enum TripleWriter<W: Write> {
    NTriples(WriterNTriplesSerializer<W>),
    Turtle(Box<WriterTurtleSerializer<W>>),
}

impl<W: Write> TripleWriter<W> {
    fn new(out: W, syntax: RdfSyntax) -> io::Result<TripleWriter<W>> {
        Ok(match syntax {
            RdfSyntax::NTriples => {
                TripleWriter::NTriples(NTriplesSerializer::new().for_writer(out))
            }
            RdfSyntax::Turtle => {
                let mut s = TurtleSerializer::new();
                for (name, iri) in PREFIXES {
                    s = s.with_prefix(name, iri).map_err(|e| invalid(&e))?;
                }
                TripleWriter::Turtle(Box::new(s.for_writer(out)))
            }
        })
    }

    fn write(&mut self, triple: TripleRef<'_>) -> io::Result<()> {
        match self {
            TripleWriter::NTriples(w) => w.serialize_triple(triple),
            TripleWriter::Turtle(w) => w.serialize_triple(triple),
        }
    }

    fn finish(self) -> io::Result<W> {
        match self {
            TripleWriter::NTriples(w) => Ok(w.finish()),
            TripleWriter::Turtle(w) => (*w).finish(),
        }
    }
}

/// Stable blank node names for the general path: `b<n>` by order of first use, counted
/// from `first`.
struct BlankNames {
    first: usize,
    names: HashMap<String, BlankNode>,
}

impl BlankNames {
    fn rename(&mut self, node: BlankNode) -> BlankNode {
        let next = self.first + self.names.len();
        self.names.entry(node.into_string()).or_insert_with(|| blank(next)).clone()
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

fn blank(n: usize) -> BlankNode {
    BlankNode::new_unchecked(format!("b{n}"))
}

/// How a term's string values are read (the term definition's `@type`).
#[derive(Debug)]
enum Coercion {
    /// A plain string literal.
    None,
    /// `"@type": "@id"`: an IRI.
    Id,
    /// A literal of this datatype.
    Datatype(NamedNode),
}

/// One term of the context.
#[derive(Debug)]
struct TermDef {
    iri: NamedNode,
    coercion: Coercion,
    /// `@reverse`: the value is the subject.
    reverse: bool,
}

/// Our `@context`, read: its prefixes and terms.
#[derive(Debug)]
struct Terms {
    /// The context itself, to recognise documents that use it.
    context: Value,
    /// Terms usable as prefixes of compact IRIs (their IRI ends in `/`, `#` or `:`).
    prefixes: HashMap<String, String>,
    terms: HashMap<String, TermDef>,
}

/// The terms of our context when `document` uses it (its `@context` is ours), else `None`.
fn known_terms(document: &Value) -> Option<&'static Terms> {
    static TERMS: OnceLock<Option<Terms>> = OnceLock::new();
    let terms = TERMS.get_or_init(|| Terms::read(context()).ok()).as_ref()?;
    (document.get("@context")? == &terms.context).then_some(terms)
}

impl Terms {
    /// Read a context made of simple terms (`"name": "schema:name"`) and expanded ones
    /// with `@id` or `@reverse` and an optional `@type`. Anything else is an error (and
    /// documents using that context take the general path).
    fn read(context: Value) -> Result<Terms, String> {
        let map = context.as_object().ok_or("the context is not an object")?;
        let simple: HashMap<&str, &str> =
            map.iter().filter_map(|(k, v)| Some((k.as_str(), v.as_str()?))).collect();
        // A compact IRI `p:rest` of a simple term `p`; anything else is taken whole.
        let expand = |s: &str| -> String {
            match s.split_once(':') {
                Some((p, rest)) if !rest.starts_with("//") => match simple.get(p) {
                    Some(ns) => format!("{ns}{rest}"),
                    None => s.to_string(),
                },
                _ => s.to_string(),
            }
        };
        let named = |s: &str| NamedNode::new(expand(s)).map_err(|e| format!("{s}: {e}"));
        let mut prefixes = HashMap::new();
        let mut terms = HashMap::new();
        for (term, def) in map {
            if term.starts_with('@') {
                return Err(format!("{term}: keywords in the context are not read here"));
            }
            let (iri, coercion, reverse) = match def {
                Value::String(s) => {
                    let iri = expand(s);
                    if iri.ends_with(['/', '#', ':']) {
                        prefixes.insert(term.clone(), iri);
                        continue;
                    }
                    (named(s)?, Coercion::None, false)
                }
                Value::Object(def) => {
                    let (iri, reverse) = match (def.get("@id"), def.get("@reverse")) {
                        (Some(Value::String(id)), None) => (named(id)?, false),
                        (None, Some(Value::String(id))) => (named(id)?, true),
                        _ => return Err(format!("{term}: one @id or @reverse expected")),
                    };
                    let coercion = match def.get("@type") {
                        None => Coercion::None,
                        Some(Value::String(t)) if t == "@id" => Coercion::Id,
                        Some(Value::String(t)) if !t.starts_with('@') => {
                            Coercion::Datatype(named(t)?)
                        }
                        Some(t) => return Err(format!("{term}: @type {t} is not read here")),
                    };
                    if def.keys().any(|k| !matches!(k.as_str(), "@id" | "@reverse" | "@type")) {
                        return Err(format!("{term}: only @id, @reverse and @type are read here"));
                    }
                    (iri, coercion, reverse)
                }
                _ => return Err(format!("{term}: not a term definition")),
            };
            terms.insert(term.clone(), TermDef { iri, coercion, reverse });
        }
        Ok(Terms { context, prefixes, terms })
    }

    /// An IRI as JSON-LD expands a node reference: a compact IRI of one of our prefixes,
    /// else an absolute IRI as written. Blank node ids and relative IRIs are left to the
    /// general processor.
    fn expand<'d>(&self, s: &'d str) -> Result<Cow<'d, str>, Stop> {
        match s.split_once(':') {
            Some(("_", _)) => Err(Stop::Unsupported),
            Some((p, rest)) if !rest.starts_with("//") => match self.prefixes.get(p) {
                Some(ns) => Ok(Cow::Owned(format!("{ns}{rest}"))),
                None => Ok(Cow::Borrowed(s)),
            },
            Some(_) => Ok(Cow::Borrowed(s)),
            None => Err(Stop::Unsupported),
        }
    }
}

/// Why the walk stopped.
#[derive(Debug)]
enum Stop {
    /// Writing failed (or an IRI is invalid: `InvalidData`).
    Io(io::Error),
    /// The document uses something outside the subset read here (what our writer never
    /// writes: `@language`, `@list`, fractions, blank node ids, relative IRIs, keys that
    /// are no term of our context, ...).
    Unsupported,
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

/// A node's name: its IRI or a blank node of ours.
enum Node<'d> {
    Iri(Cow<'d, str>),
    Blank(BlankNode),
}

impl Node<'_> {
    fn as_ref(&self) -> NamedOrBlankNodeRef<'_> {
        match self {
            // Checked when the node was made (Walk::iri).
            Node::Iri(iri) => NamedNodeRef::new_unchecked(iri).into(),
            Node::Blank(b) => b.as_ref().into(),
        }
    }

    fn as_term(&self) -> TermRef<'_> {
        match self.as_ref() {
            NamedOrBlankNodeRef::NamedNode(n) => n.into(),
            NamedOrBlankNodeRef::BlankNode(b) => b.into(),
        }
    }
}

/// Where triples go, counted.
struct Sink<W: Write> {
    out: TripleWriter<W>,
    count: usize,
    /// The lexical form of a number or boolean (reused).
    lexical: String,
}

impl<W: Write> Sink<W> {
    fn emit(&mut self, triple: TripleRef<'_>) -> Result<(), Stop> {
        self.count += 1;
        Ok(self.out.write(triple)?)
    }

    fn literal(
        &mut self,
        subject: NamedOrBlankNodeRef<'_>,
        def: &TermDef,
        value: &str,
        datatype: NamedNodeRef<'_>,
    ) -> Result<(), Stop> {
        if def.reverse {
            return Err(Stop::Unsupported);
        }
        let literal = if datatype == xsd::STRING {
            LiteralRef::new_simple_literal(value)
        } else {
            LiteralRef::new_typed_literal(value, datatype)
        };
        self.emit(TripleRef::new(subject, def.iri.as_ref(), literal))
    }

    /// A JSON number or boolean as JSON-LD converts it: integers in their canonical
    /// form (`xsd:integer` unless typed), booleans `true`/`false` (`xsd:boolean` unless
    /// typed). Fractions (`xsd:double`'s canonical form) are left to the general
    /// processor.
    fn native(
        &mut self,
        subject: NamedOrBlankNodeRef<'_>,
        def: &TermDef,
        value: &Value,
        datatype: Option<NamedNodeRef<'_>>,
    ) -> Result<(), Stop> {
        use std::fmt::Write as _;
        let mut lexical = std::mem::take(&mut self.lexical);
        lexical.clear();
        let default = match value {
            Value::Bool(b) => {
                lexical.push_str(if *b { "true" } else { "false" });
                xsd::BOOLEAN
            }
            Value::Number(n) if (n.is_i64() || n.is_u64()) && datatype != Some(xsd::DOUBLE) => {
                let _ = write!(lexical, "{n}");
                xsd::INTEGER
            }
            _ => return Err(Stop::Unsupported),
        };
        let done = self.literal(subject, def, &lexical, datatype.unwrap_or(default));
        self.lexical = lexical;
        done
    }
}

/// One document's walk: nodes waiting to be written, names handed out, IRIs checked.
struct Walk<'d, W: Write> {
    terms: &'static Terms,
    sink: Sink<W>,
    blanks: usize,
    /// Nested nodes, written after the node that holds them (so Turtle groups each
    /// subject's triples).
    pending: Vec<(Node<'d>, &'d Map<String, Value>)>,
    /// Node references already checked as IRIs (the article IRI is every selector's
    /// source: checked once).
    checked: HashSet<&'d str>,
    /// `@type` values and datatypes, expanded.
    vocab: HashMap<&'d str, NamedNode>,
}

impl<'d, W: Write> Walk<'d, W> {
    fn new(terms: &'static Terms, out: TripleWriter<W>, first_blank: usize) -> Walk<'d, W> {
        Walk {
            terms,
            sink: Sink { out, count: 0, lexical: String::new() },
            blanks: first_blank,
            pending: Vec::new(),
            checked: HashSet::new(),
            vocab: HashMap::new(),
        }
    }

    /// `{"@context": ours, "@graph": [nodes]}`: every node in the default graph.
    fn document(&mut self, document: &'d Value) -> Result<(), Stop> {
        let top = document.as_object().ok_or(Stop::Unsupported)?;
        if top.keys().any(|k| k != "@context" && k != "@graph") {
            return Err(Stop::Unsupported);
        }
        let nodes = match top.get("@graph") {
            Some(Value::Array(nodes)) => nodes.as_slice(),
            _ => return Err(Stop::Unsupported),
        };
        for node in nodes {
            let node = node.as_object().ok_or(Stop::Unsupported)?;
            let name = self.name(node)?;
            self.pending.push((name, node));
            while let Some((name, node)) = self.pending.pop() {
                self.node(&name, node)?;
            }
        }
        Ok(())
    }

    /// The node's `@id`, or a new blank node.
    fn name(&mut self, node: &'d Map<String, Value>) -> Result<Node<'d>, Stop> {
        match node.get("@id") {
            Some(Value::String(id)) => self.iri(id),
            Some(_) => Err(Stop::Unsupported),
            None => {
                self.blanks += 1;
                Ok(Node::Blank(blank(self.blanks - 1)))
            }
        }
    }

    /// A node reference, expanded and checked as an IRI.
    fn iri(&mut self, s: &'d str) -> Result<Node<'d>, Stop> {
        let iri = self.terms.expand(s)?;
        let fresh = match iri {
            Cow::Borrowed(s) => self.checked.insert(s),
            Cow::Owned(_) => true,
        };
        if fresh {
            NamedNodeRef::new(&iri).map_err(|e| invalid(&format!("{iri}: {e}")))?;
        }
        Ok(Node::Iri(iri))
    }

    /// A vocabulary IRI (`@type`, a value's datatype), expanded once: a term, else as
    /// an IRI. Read it from `self.vocab` afterwards.
    fn vocab(&mut self, s: &'d str) -> Result<(), Stop> {
        if !self.vocab.contains_key(s) {
            let iri = match self.terms.terms.get(s) {
                Some(def) if !def.reverse => def.iri.clone(),
                Some(_) => return Err(Stop::Unsupported),
                None => {
                    let iri = self.terms.expand(s)?;
                    NamedNode::new(iri.as_ref()).map_err(|e| invalid(&format!("{iri}: {e}")))?
                }
            };
            self.vocab.insert(s, iri);
        }
        Ok(())
    }

    /// The triples of one node object (nested nodes wait in `pending`).
    fn node(&mut self, name: &Node<'d>, node: &'d Map<String, Value>) -> Result<(), Stop> {
        for (key, value) in node {
            match key.as_str() {
                "@id" => {}
                "@type" => {
                    for t in types(value)? {
                        self.vocab(t)?;
                        let class = self.vocab[t].as_ref();
                        self.sink.emit(TripleRef::new(name.as_ref(), rdf::TYPE, class))?;
                    }
                }
                k if k.starts_with('@') => return Err(Stop::Unsupported),
                term => {
                    let terms = self.terms;
                    let def = terms.terms.get(term).ok_or(Stop::Unsupported)?;
                    match value {
                        Value::Array(items) => {
                            for item in items {
                                self.value(name, def, item)?;
                            }
                        }
                        item => self.value(name, def, item)?,
                    }
                }
            }
        }
        Ok(())
    }

    /// The triple of one value of property `def` on `subject`.
    fn value(&mut self, subject: &Node<'d>, def: &TermDef, value: &'d Value) -> Result<(), Stop> {
        let object = match value {
            Value::Null => return Ok(()),
            Value::String(s) => match &def.coercion {
                Coercion::Id => self.iri(s)?,
                Coercion::None => return self.sink.literal(subject.as_ref(), def, s, xsd::STRING),
                Coercion::Datatype(dt) => {
                    return self.sink.literal(subject.as_ref(), def, s, dt.as_ref())
                }
            },
            Value::Number(_) | Value::Bool(_) => {
                let datatype = match &def.coercion {
                    Coercion::Datatype(dt) => Some(dt.as_ref()),
                    Coercion::None => None,
                    Coercion::Id => return Err(Stop::Unsupported),
                };
                return self.sink.native(subject.as_ref(), def, value, datatype);
            }
            Value::Object(m) if m.contains_key("@value") => {
                if m.keys().any(|k| k != "@value" && k != "@type") {
                    return Err(Stop::Unsupported);
                }
                let datatype = match m.get("@type") {
                    None => None,
                    Some(Value::String(t)) => {
                        self.vocab(t)?;
                        Some(self.vocab[t.as_str()].as_ref())
                    }
                    Some(_) => return Err(Stop::Unsupported),
                };
                return match &m["@value"] {
                    Value::Null => Ok(()),
                    Value::String(s) => {
                        self.sink.literal(subject.as_ref(), def, s, datatype.unwrap_or(xsd::STRING))
                    }
                    v @ (Value::Number(_) | Value::Bool(_)) => {
                        self.sink.native(subject.as_ref(), def, v, datatype)
                    }
                    _ => Err(Stop::Unsupported),
                };
            }
            Value::Object(m) => {
                let nested = self.name(m)?;
                let link = match &nested {
                    Node::Iri(iri) => Node::Iri(iri.clone()),
                    Node::Blank(b) => Node::Blank(b.clone()),
                };
                self.pending.push((nested, m));
                link
            }
            Value::Array(_) => return Err(Stop::Unsupported),
        };
        let triple = if def.reverse {
            TripleRef::new(object.as_ref(), def.iri.as_ref(), subject.as_term())
        } else {
            TripleRef::new(subject.as_ref(), def.iri.as_ref(), object.as_term())
        };
        self.sink.emit(triple)
    }
}

/// `@type`'s value: one string or an array of strings.
fn types(value: &Value) -> Result<Vec<&str>, Stop> {
    match value {
        Value::String(s) => Ok(vec![s.as_str()]),
        Value::Array(items) => items.iter().map(|t| t.as_str().ok_or(Stop::Unsupported)).collect(),
        _ => Err(Stop::Unsupported),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our documents take the walk only if our context reads (the corpus test in
    /// tests/export.rs checks the walk's graph against oxjsonld's).
    #[test]
    fn our_context_is_read() {
        let terms = Terms::read(context()).expect("our context reads");
        assert_eq!(terms.prefixes["wikianno"], WIKIANNO_NS);
        let commander = &terms.terms["commander"];
        assert_eq!(commander.iri.as_str(), "http://dbpedia.org/ontology/commander");
        assert!(matches!(commander.coercion, Coercion::Id) && !commander.reverse);
        assert!(terms.terms["mentionedIn"].reverse);
        let document = serde_json::json!({"@context": context(), "@graph": []});
        assert!(known_terms(&document).is_some());
    }
}
