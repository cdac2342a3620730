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
//!
//! Our documents are written on all cores: the nodes of `@graph` are cut into chunks of
//! [`NODES_PER_CHUNK`] top-level nodes (each with everything nested in it), each chunk's
//! triples are written by its own oxttl serializer into its own buffer on a rayon worker,
//! and the buffers are put together in order. The bytes are the same as one serializer's
//! over the whole document: a chunk's blank nodes are counted first, so it names them
//! from the right offset; Turtle's prefixes are declared once (by the first chunk that
//! writes anything; the others' declarations are cut off); and where a chunk starts with
//! the subject its predecessor ended with (Turtle would continue it with `;`), the two are
//! walked again as one. Memory: every chunk's bytes are held until the whole document is
//! known to be ours (else the general path writes it), as the single buffer did before:
//! about the size of the output, less than the document in memory.

use std::{
    borrow::Cow,
    collections::HashMap,
    io::{self, Write},
    ops::Range,
    sync::OnceLock,
};

use oxjsonld::JsonLdParser;
use oxrdf::{
    vocab::{rdf, xsd},
    BlankNode, BlankNodeRef, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, Quad, Term, TermRef, Triple, TripleRef,
};
use oxttl::{
    ntriples::WriterNTriplesSerializer, turtle::WriterTurtleSerializer, NTriplesSerializer,
    TurtleSerializer,
};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
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
        match write_ours(&mut out, terms, document, syntax, blanks, NODES_PER_CHUNK) {
            Ok(count) => return Ok(count),
            Err(Stop::Io(e)) => return Err(e),
            // Not the subset our writer produces: the general processor decides.
            Err(Stop::Unsupported) => {}
        }
    }
    let bytes = serde_json::to_vec(document).map_err(|e| invalid(&e))?;
    expand_generally(out, &bytes, syntax, blanks)
}

/// Top-level nodes of `@graph` one worker writes at a time (with everything nested in
/// them). The corpus graph has 506 (16 chunks, about 70 KB of N-Triples each), the gensim
/// sample's 69,843: enough per chunk that its own serializer and caches cost little,
/// few enough that the cores share the work evenly.
pub const NODES_PER_CHUNK: usize = 32;

/// Write a document with our context: chunks of `nodes_per_chunk` nodes of `@graph`
/// walked on all cores, their bytes written in order once every chunk has walked
/// (nothing is written when one stops with `Unsupported`).
fn write_ours<W: Write>(
    out: &mut W,
    terms: &'static Terms,
    document: &Value,
    syntax: RdfSyntax,
    blanks: &mut BlankCount,
    nodes_per_chunk: usize,
) -> Result<usize, Stop> {
    let nodes = graph_nodes(document)?;
    let nodes_per_chunk = nodes_per_chunk.max(1);
    let ranges: Vec<Range<usize>> = (0..nodes.len())
        .step_by(nodes_per_chunk)
        .map(|start| start..start.saturating_add(nodes_per_chunk).min(nodes.len()))
        .collect();
    // Each chunk names its blank nodes from the count of those before it.
    let counts: Vec<usize> =
        ranges.par_iter().map(|r| nodes[r.clone()].iter().map(blank_nodes).sum()).collect();
    let mut next = blanks.0;
    let labels: Vec<Range<usize>> = counts
        .iter()
        .map(|n| {
            next += n;
            next - n..next
        })
        .collect();
    let walked: Vec<Result<Chunk, Stop>> = ranges
        .into_par_iter()
        .zip(labels)
        .map(|(range, labels)| Chunk::walk(terms, nodes, range, labels, syntax))
        .collect();
    // The first chunk's stop in input order decides, as one walk's would.
    let mut chunks = walked.into_iter().collect::<Result<Vec<Chunk>, Stop>>()?;
    if syntax == RdfSyntax::Turtle {
        join_continued_subjects(terms, nodes, syntax, &mut chunks)?;
    }
    let prelude: &[u8] = match syntax {
        RdfSyntax::NTriples => &[],
        RdfSyntax::Turtle => turtle_prelude()?,
    };
    let mut declared = false;
    let mut count = 0;
    for chunk in &chunks {
        count += chunk.count;
        if chunk.bytes.is_empty() {
            continue;
        }
        let body = match declared {
            false => chunk.bytes.as_slice(),
            // Checked: each chunk's serializer declares the same prefixes first.
            true => chunk.bytes.strip_prefix(prelude).ok_or_else(|| {
                io::Error::other("a Turtle chunk does not start with the prefixes")
            })?,
        };
        declared = true;
        out.write_all(body)?;
    }
    blanks.0 = next;
    Ok(count)
}

/// Where a chunk's first subject is the one the previous chunk (that wrote anything)
/// ended with, one Turtle serializer would have continued it (`;`): each run of chunks so
/// continued (with the empty chunks inside it) is walked again as one chunk, once. A joined
/// walk ends with the subject its last chunk ended with, so the runs can be found from the
/// chunks as walked, in one pass: a graph whose every boundary continues a subject costs
/// one more walk, not one per boundary.
fn join_continued_subjects(
    terms: &'static Terms,
    nodes: &[Value],
    syntax: RdfSyntax,
    chunks: &mut Vec<Chunk>,
) -> Result<(), Stop> {
    // Runs of chunk indexes, in order; `writer` is the last chunk that wrote anything and
    // the run it is in.
    let mut runs: Vec<Range<usize>> = Vec::with_capacity(chunks.len());
    let mut writer: Option<(usize, usize)> = None;
    for (i, chunk) in chunks.iter().enumerate() {
        let Some(first) = &chunk.ends.first else {
            // Nothing written: no boundary to check.
            runs.push(i..i + 1);
            continue;
        };
        match writer {
            Some((p, run)) if first.as_deref().is_some_and(|iri| chunks[p].ends.ends_with(iri)) => {
                runs.truncate(run + 1);
                runs[run].end = i + 1;
                writer = Some((i, run));
            }
            _ => {
                runs.push(i..i + 1);
                writer = Some((i, runs.len() - 1));
            }
        }
    }
    if runs.len() == chunks.len() {
        return Ok(());
    }
    let walked = std::mem::take(chunks);
    let mut walked = walked.into_iter();
    for run in runs {
        if run.len() == 1 {
            chunks.extend(walked.next());
            continue;
        }
        let parts: Vec<Chunk> = walked.by_ref().take(run.len()).collect();
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else { continue };
        let range = first.nodes.start..last.nodes.end;
        let labels = first.blanks.start..last.blanks.end;
        chunks.push(Chunk::walk(terms, nodes, range, labels, syntax)?);
    }
    Ok(())
}

/// What a Turtle serializer with our prefixes writes before its first triple (the
/// prefix declarations), as oxttl writes it: its output for one probe triple (one line)
/// less that line.
fn turtle_prelude() -> io::Result<&'static [u8]> {
    static PRELUDE: OnceLock<Vec<u8>> = OnceLock::new();
    if let Some(prelude) = PRELUDE.get() {
        return Ok(prelude);
    }
    let probe = BlankNodeRef::new_unchecked("probe");
    let mut with = TripleWriter::new(Vec::new(), RdfSyntax::Turtle)?;
    with.write(TripleRef::new(probe, rdf::TYPE, probe))?;
    let with = with.finish()?;
    let probe_line = with[..with.len().saturating_sub(1)]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    Ok(PRELUDE.get_or_init(|| with[..probe_line].to_vec()))
}

/// `{"@context": ours, "@graph": [nodes]}`: the nodes of the default graph.
fn graph_nodes(document: &Value) -> Result<&[Value], Stop> {
    let top = document.as_object().ok_or(Stop::Unsupported)?;
    if top.keys().any(|k| k != "@context" && k != "@graph") {
        return Err(Stop::Unsupported);
    }
    match top.get("@graph") {
        Some(Value::Array(nodes)) => Ok(nodes.as_slice()),
        _ => Err(Stop::Unsupported),
    }
}

/// How many blank nodes the walk names in `node`: itself when it has no `@id`, and every
/// node object nested in its properties (a value object, with `@value`, is no node).
fn blank_nodes(node: &Value) -> usize {
    let Value::Object(node) = node else { return 0 };
    let own = usize::from(!node.contains_key("@id"));
    let nested = |value: &Value| match value {
        Value::Object(m) if !m.contains_key("@value") => blank_nodes(value),
        _ => 0,
    };
    own + node
        .iter()
        .filter(|(key, _)| !key.starts_with('@'))
        .map(|(_, value)| match value {
            Value::Array(items) => items.iter().map(nested).sum(),
            value => nested(value),
        })
        .sum::<usize>()
}

/// One chunk of `@graph`, written.
struct Chunk {
    /// Its top-level nodes.
    nodes: Range<usize>,
    /// The numbers of its blank nodes.
    blanks: Range<usize>,
    /// Its triples in the output syntax (Turtle: with the prefix declarations first).
    bytes: Vec<u8>,
    count: usize,
    ends: SubjectEnds,
}

impl Chunk {
    /// Walk `nodes[range]`, naming its blank nodes with the numbers `blanks` (as
    /// [`blank_nodes`] counted them). `Unsupported` when the walk names another number
    /// (the labels of the next chunk would be taken): the general path is always right.
    /// Never inlined: its own frame, so that callgrind can count the workers' share
    /// (`--toggle-collect`, see examples/export_speed.rs).
    #[inline(never)]
    fn walk(
        terms: &'static Terms,
        nodes: &[Value],
        range: Range<usize>,
        blanks: Range<usize>,
        syntax: RdfSyntax,
    ) -> Result<Chunk, Stop> {
        let capacity = 1 << 16;
        let mut walk = Walk::new(terms, TripleWriter::new(Vec::with_capacity(capacity), syntax)?);
        walk.blanks = blanks.start;
        walk.sink.ends = (syntax == RdfSyntax::Turtle).then(SubjectEnds::default);
        for node in &nodes[range.clone()] {
            walk.top_level(node)?;
        }
        if walk.blanks != blanks.end {
            return Err(Stop::Unsupported);
        }
        let count = walk.sink.count;
        let ends = walk.sink.ends.take().unwrap_or_default();
        let bytes = walk.sink.out.finish()?;
        Ok(Chunk { nodes: range, blanks, bytes, count, ends })
    }
}

/// The first and the last subject a Turtle chunk wrote (blank nodes need no comparing:
/// each is nested in one top-level node, so never the subject of two chunks).
#[derive(Debug, Default)]
struct SubjectEnds {
    /// The first subject when it is an IRI; `Some(None)` for a blank node.
    first: Option<Option<String>>,
    /// The last subject when it is an IRI (`last_blank` false), kept in one buffer.
    last_iri: String,
    last_blank: bool,
}

impl SubjectEnds {
    fn saw(&mut self, subject: NamedOrBlankNodeRef<'_>) {
        match subject {
            NamedOrBlankNodeRef::NamedNode(n) => {
                if self.last_blank || self.last_iri != n.as_str() {
                    self.last_blank = false;
                    self.last_iri.clear();
                    self.last_iri.push_str(n.as_str());
                }
            }
            NamedOrBlankNodeRef::BlankNode(_) => self.last_blank = true,
        }
        if self.first.is_none() {
            self.first = Some(match subject {
                NamedOrBlankNodeRef::NamedNode(n) => Some(n.as_str().to_string()),
                NamedOrBlankNodeRef::BlankNode(_) => None,
            });
        }
    }

    /// True when the chunk wrote something and its last subject is `iri`.
    fn ends_with(&self, iri: &str) -> bool {
        self.first.is_some() && !self.last_blank && self.last_iri == iri
    }
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
    prefixes: FxHashMap<String, String>,
    terms: FxHashMap<String, TermDef>,
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
        let mut prefixes = FxHashMap::default();
        let mut terms = FxHashMap::default();
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
#[derive(Clone)]
enum Node<'d> {
    Iri(Cow<'d, str>),
    Blank(BlankLabel),
}

impl Node<'_> {
    fn as_ref(&self) -> NamedOrBlankNodeRef<'_> {
        match self {
            // Checked when the node was made (Walk::iri).
            Node::Iri(iri) => NamedNodeRef::new_unchecked(iri).into(),
            // `b` and digits: a valid blank node label.
            Node::Blank(b) => BlankNodeRef::new_unchecked(b.as_str()).into(),
        }
    }

    fn as_term(&self) -> TermRef<'_> {
        match self.as_ref() {
            NamedOrBlankNodeRef::NamedNode(n) => n.into(),
            NamedOrBlankNodeRef::BlankNode(b) => b.into(),
        }
    }
}

/// The label `b<n>` of our blank node number n, kept inline: a blank node is named
/// for every nested node without `@id` (most annotations), and an allocation each
/// (`BlankNode`'s string) was 6% of the walk's instructions.
#[derive(Clone, Copy)]
struct BlankLabel {
    /// `b`, then the decimal digits (a `usize` has at most 20).
    bytes: [u8; 21],
    len: u8,
}

impl BlankLabel {
    fn new(n: usize) -> BlankLabel {
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(n).as_bytes();
        let mut bytes = [0; 21];
        bytes[0] = b'b';
        bytes[1..=digits.len()].copy_from_slice(digits);
        BlankLabel { bytes, len: digits.len() as u8 + 1 }
    }

    fn as_str(&self) -> &str {
        // ASCII written by `new`: always UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("b")
    }
}

/// Where triples go, counted.
struct Sink<W: Write> {
    out: TripleWriter<W>,
    count: usize,
    /// The lexical form of a number or boolean (reused).
    lexical: String,
    /// Turtle chunks: the first and last subject written (see [`join_continued_subjects`]).
    ends: Option<SubjectEnds>,
}

impl<W: Write> Sink<W> {
    fn emit(&mut self, triple: TripleRef<'_>) -> Result<(), Stop> {
        self.count += 1;
        if let Some(ends) = &mut self.ends {
            ends.saw(triple.subject);
        }
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
    /// Node references already checked as IRIs, as written (compact or not; the article
    /// IRI is every selector's source: checked once).
    checked: FxHashSet<&'d str>,
    /// `@type` values and datatypes, expanded.
    vocab: FxHashMap<&'d str, NamedNode>,
}

impl<'d, W: Write> Walk<'d, W> {
    /// A walk naming blank nodes from `b0`.
    fn new(terms: &'static Terms, out: TripleWriter<W>) -> Walk<'d, W> {
        Walk {
            terms,
            sink: Sink { out, count: 0, lexical: String::new(), ends: None },
            blanks: 0,
            pending: Vec::new(),
            checked: FxHashSet::default(),
            vocab: FxHashMap::default(),
        }
    }

    /// One node of `@graph` and every node nested in it.
    fn top_level(&mut self, node: &'d Value) -> Result<(), Stop> {
        let node = node.as_object().ok_or(Stop::Unsupported)?;
        let name = self.name(node)?;
        self.pending.push((name, node));
        while let Some((name, node)) = self.pending.pop() {
            self.node(&name, node)?;
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
                Ok(Node::Blank(BlankLabel::new(self.blanks - 1)))
            }
        }
    }

    /// A node reference, expanded and checked as an IRI.
    fn iri(&mut self, s: &'d str) -> Result<Node<'d>, Stop> {
        let iri = self.terms.expand(s)?;
        // The same string always expands to the same IRI.
        if self.checked.insert(s) {
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

    /// `name rdf:type t`.
    fn typed(&mut self, name: &Node<'d>, t: &'d str) -> Result<(), Stop> {
        self.vocab(t)?;
        let class = self.vocab[t].as_ref();
        self.sink.emit(TripleRef::new(name.as_ref(), rdf::TYPE, class))
    }

    /// The triples of one node object (nested nodes wait in `pending`).
    fn node(&mut self, name: &Node<'d>, node: &'d Map<String, Value>) -> Result<(), Stop> {
        for (key, value) in node {
            match key.as_str() {
                "@id" => {}
                "@type" => match value {
                    Value::String(t) => self.typed(name, t)?,
                    Value::Array(items) => {
                        for t in items {
                            self.typed(name, t.as_str().ok_or(Stop::Unsupported)?)?;
                        }
                    }
                    _ => return Err(Stop::Unsupported),
                },
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
                self.pending.push((nested.clone(), m));
                nested
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

    /// Our walk in chunks of `n` nodes (`usize::MAX`: one chunk, one serializer).
    fn in_chunks(document: &Value, syntax: RdfSyntax, n: usize) -> (String, usize, usize) {
        let terms = known_terms(document).expect("our context");
        let mut out = Vec::new();
        let mut blanks = BlankCount(3);
        let count = write_ours(&mut out, terms, document, syntax, &mut blanks, n)
            .unwrap_or_else(|_| panic!("our subset"));
        (String::from_utf8(out).expect("UTF-8"), count, blanks.0)
    }

    /// Chunks give one serializer's bytes: blank nodes numbered on (from the output's
    /// count, 3 here), Turtle's prefixes once, and a subject continued across a boundary
    /// (`B` is the subject of `mentionedIn`'s reverse triple, then the next node) still
    /// continued with `;`; empty nodes and a blank top-level node on the way. (Keys are
    /// read in sorted order: `mentionedIn` and `linkedFrom` are each node's last.)
    #[test]
    fn chunks_write_the_bytes_of_one_walk() {
        let graph = serde_json::json!([
            {"@id": "https://en.wikipedia.org/wiki/A", "@type": "schema:Person",
             "mentionedIn": ["https://en.wikipedia.org/wiki/B"]},
            {"@id": "https://en.wikipedia.org/wiki/B", "@type": ["schema:Article", "schema:Thing"],
             "diagnostic": [{"kind": "date-mismatch", "message": "m",
                             "evidence": [{"text": "x", "start": 1, "end": 2}]}]},
            {"@id": "https://en.wikipedia.org/wiki/C"},
            {"@type": "oa:Annotation", "hasTarget": {"hasSelector": {"exact": "é \"q\""}},
             "sideNumber": 2, "dateInherited": true},
            {"@id": "https://en.wikipedia.org/wiki/D",
             "linkedFrom": "https://en.wikipedia.org/wiki/E"},
            {"@id": "https://en.wikipedia.org/wiki/E", "name": "E"},
            // A chain: X ends with Y, which ends with Z (three chunks of one, one run).
            {"@id": "https://en.wikipedia.org/wiki/X", "@type": "schema:Person",
             "mentionedIn": ["https://en.wikipedia.org/wiki/Y"]},
            {"@id": "https://en.wikipedia.org/wiki/Y", "@type": "schema:Thing",
             "mentionedIn": ["https://en.wikipedia.org/wiki/Z"]},
            {"@id": "https://en.wikipedia.org/wiki/Z", "name": "Z"},
        ]);
        let document = serde_json::json!({"@context": context(), "@graph": graph});
        let prelude = String::from_utf8(turtle_prelude().expect("oxttl writes").to_vec());
        let prelude = prelude.expect("UTF-8");
        assert!(prelude.starts_with("@prefix ") && prelude.ends_with(" .\n"), "{prelude}");
        assert_eq!(prelude.lines().count(), PREFIXES.len(), "{prelude}");
        for syntax in [RdfSyntax::NTriples, RdfSyntax::Turtle] {
            let one = in_chunks(&document, syntax, usize::MAX);
            assert!(one.0.contains("_:b3 ") && one.0.contains("_:b7 "), "{}", one.0);
            assert_eq!(one.2, 3 + 5, "five blank nodes named");
            if syntax == RdfSyntax::Turtle {
                assert_eq!(one.0.matches("@prefix schema:").count(), 1);
                let continued = "schema:mentions <https://en.wikipedia.org/wiki/A> ;\n\ta ";
                assert!(one.0.contains(continued), "{}", one.0);
                let chained = "schema:mentions <https://en.wikipedia.org/wiki/Y> ;\n\tschema:name";
                assert!(one.0.contains(chained), "{}", one.0);
            }
            for n in 1..=4 {
                assert_eq!(in_chunks(&document, syntax, n), one, "{syntax:?} in chunks of {n}");
            }
        }
    }
}
