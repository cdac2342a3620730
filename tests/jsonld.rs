//! JSON-LD output: every document expands offline through a JSON-LD 1.1 processor
//! (oxjsonld) with no key dropped, selectors slice to their quotes, the seed's facts are
//! asserted as RDF triples, the corpus graph merges entities, and the seed's document
//! matches its reviewed golden file.
//!
//! "No key dropped" is checked two ways. For every document: every key (outside
//! `@context`, not a keyword) is a term of the inline context, and at least one quad uses
//! the predicate IRI that term maps to (its `@id`, or its `@reverse`); every IRI in the
//! quads lies in a namespace we use (a key or `@type` with an unmapped prefix would
//! otherwise turn into a bogus absolute IRI). For the seed's document, also by ablation:
//! removing all occurrences of any one key removes quads.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::PathBuf,
    sync::OnceLock,
};

use oxjsonld::JsonLdParser;
use oxrdf::{NamedOrBlankNode, Term};
use serde_json::{json, Value};
use wikianno::{
    analysis,
    diagnostic::DiagnosticKind,
    events::EventType,
    events::{Event, EventDate, Participant},
    infobox::{Check, InfoboxReport, Status},
    output::{
        graph,
        jsonld::{self, context, entity_iri, to_document},
    },
    source::{expand_paths, FileSource},
    temporal::{Timex, TimexType},
    AnnotatedArticle, Pipeline, RawArticle, Record, Span,
};

const W: &str = "https://en.wikipedia.org/wiki/";
const SCHEMA: &str = "http://schema.org/";
const DBO: &str = "http://dbpedia.org/ontology/";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const SEED: &str = "Peruvian_Civil_War_of_1865";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped corpus, annotated once for the whole test binary.
fn corpus() -> &'static [AnnotatedArticle] {
    static CORPUS: OnceLock<Vec<AnnotatedArticle>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let pipeline = Pipeline::builder()
            .gazetteer(manifest().join("gazetteers"))
            .build()
            .expect("gazetteers load");
        let files = expand_paths(&[manifest().join("corpus")]).expect("corpus readable");
        let mut out = Vec::new();
        pipeline
            .run(FileSource::new(files), |record| -> Result<(), ()> {
                match record {
                    Record::Article(a) => out.push(*a),
                    other => panic!("corpus record is not an article: {other:?}"),
                }
                Ok(())
            })
            .unwrap();
        assert!(out.len() >= 6, "corpus has {} articles", out.len());
        out
    })
}

fn article(id: &str) -> &'static AnnotatedArticle {
    corpus().iter().find(|a| a.article.id == id).unwrap_or_else(|| panic!("no article {id}"))
}

fn corpus_graph() -> &'static (Value, Vec<graph::GraphDiagnostic>) {
    static GRAPH: OnceLock<(Value, Vec<graph::GraphDiagnostic>)> = OnceLock::new();
    GRAPH.get_or_init(|| graph::build(corpus()))
}

/// An RDF term as a string: `<iri>`, `_:b`, or `"lexical"^^<datatype>`.
fn term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => format!("<{}>", n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => format!("\"{}\"^^<{}>", l.value(), l.datatype().as_str()),
    }
}

fn subject(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => format!("<{}>", n.as_str()),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

type Triple = (String, String, String);

/// The document's quads (default graph only), through oxjsonld, offline.
fn triples(doc: &Value) -> Vec<Triple> {
    let bytes = serde_json::to_vec(doc).unwrap();
    JsonLdParser::new()
        .for_slice(&bytes)
        .map(|q| {
            let q = q.unwrap_or_else(|e| panic!("JSON-LD error: {e}"));
            assert!(q.graph_name.is_default_graph(), "unexpected named graph");
            (subject(&q.subject), q.predicate.as_str().to_string(), term(&q.object))
        })
        .collect()
}

fn has(triples: &[Triple], s: &str, p: &str, o: &str) -> bool {
    triples.iter().any(|(ts, tp, to)| ts == s && tp == p && to == o)
}

fn iri(s: &str) -> String {
    format!("<{s}>")
}

fn date(v: &str) -> String {
    format!("\"{v}\"^^<{XSD}date>")
}

/// Every key of the document outside `@context` that is not a keyword.
fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if k == "@context" {
                    continue;
                }
                if !k.starts_with('@') {
                    out.insert(k.clone());
                }
                keys(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        _ => {}
    }
}

/// The absolute IRI a term's definition maps to (compact IRIs expanded by the prefixes
/// of the same context).
fn term_iri(ctx: &Value, term: &str) -> String {
    let def = &ctx[term];
    let raw = def
        .as_str()
        .or_else(|| def["@id"].as_str())
        .or_else(|| def["@reverse"].as_str())
        .unwrap_or_else(|| panic!("key {term} is not in @context"));
    match raw.split_once(':') {
        Some((prefix, rest)) if ctx[prefix].is_string() => {
            format!("{}{rest}", ctx[prefix].as_str().unwrap())
        }
        _ => raw.to_string(),
    }
}

fn remove_key(v: &mut Value, key: &str) {
    match v {
        Value::Object(map) => {
            map.remove(key);
            for (k, child) in map.iter_mut() {
                if k != "@context" {
                    remove_key(child, key);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| remove_key(i, key)),
        _ => {}
    }
}

const NAMESPACES: &[&str] = &[
    "https://en.wikipedia.org/wiki/",
    "https://sws.geonames.org/",
    "http://www.wikidata.org/entity/",
    "http://schema.org/",
    "http://dbpedia.org/ontology/",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/2001/XMLSchema#",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    jsonld::WIKIANNO_NS,
];

/// The "no key dropped" check of the module docs, on one document.
fn assert_expands_fully(doc: &Value, name: &str) {
    let t = triples(doc);
    assert!(!t.is_empty(), "{name}: no triples");
    let ctx = &doc["@context"];
    let predicates: BTreeSet<&str> = t.iter().map(|(_, p, _)| p.as_str()).collect();
    let mut all = BTreeSet::new();
    keys(doc, &mut all);
    for key in &all {
        let want = term_iri(ctx, key);
        assert!(
            predicates.contains(want.as_str()),
            "{name}: key {key} ({want}) produced no triple"
        );
    }
    for (s, p, o) in &t {
        for x in [s, &format!("<{p}>"), o] {
            if let Some(iri) = x.strip_prefix('<').and_then(|x| x.strip_suffix('>')) {
                assert!(
                    NAMESPACES.iter().any(|ns| iri.starts_with(ns)),
                    "{name}: IRI outside our namespaces: {iri}"
                );
            }
            if let Some((_, dt)) = x.split_once("\"^^<") {
                assert!(NAMESPACES.iter().any(|ns| dt.starts_with(ns)), "{name}: datatype {dt}");
            }
        }
    }
}

#[test]
fn every_corpus_document_expands_with_no_key_dropped() {
    for a in corpus() {
        assert_expands_fully(&to_document(a), &a.article.id);
    }
    assert_expands_fully(&corpus_graph().0, "graph");
}

#[test]
fn removing_any_key_of_the_seed_document_removes_triples() {
    let doc = to_document(article(SEED));
    let before = triples(&doc).len();
    let mut all = BTreeSet::new();
    keys(&doc, &mut all);
    assert!(all.len() > 20, "the seed uses {} keys", all.len());
    for key in &all {
        let mut ablated = doc.clone();
        remove_key(&mut ablated, key);
        assert!(
            triples(&ablated).len() < before,
            "removing {key} changed nothing: it was dropped on expansion"
        );
    }
}

/// `(source IRI, start, end, exact)` of every selector pair in a document.
fn selectors(v: &Value, out: &mut Vec<(String, usize, usize, String)>) {
    match v {
        Value::Object(map) => {
            if let (Some(source), Some(sel)) = (map.get("hasSource"), map.get("hasSelector")) {
                let pos = sel
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|s| s["@type"] == "oa:TextPositionSelector")
                    .expect("position selector");
                let quote = sel
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|s| s["@type"] == "oa:TextQuoteSelector")
                    .expect("quote selector");
                out.push((
                    source.as_str().unwrap().to_string(),
                    pos["start"].as_u64().unwrap() as usize,
                    pos["end"].as_u64().unwrap() as usize,
                    quote["exact"].as_str().unwrap().to_string(),
                ));
            }
            map.iter().filter(|(k, _)| *k != "@context").for_each(|(_, c)| selectors(c, out));
        }
        Value::Array(items) => items.iter().for_each(|i| selectors(i, out)),
        _ => {}
    }
}

fn assert_selectors_slice(doc: &Value, name: &str) {
    let texts: BTreeMap<&str, &str> = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| Some((n["@id"].as_str()?, n["text"].as_str()?)))
        .collect();
    let mut found = Vec::new();
    selectors(doc, &mut found);
    assert!(!found.is_empty(), "{name}: no selectors");
    for (source, start, end, exact) in found {
        let text =
            texts.get(source.as_str()).unwrap_or_else(|| panic!("{name}: no text for {source}"));
        let sliced: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(sliced, exact, "{name}: {source} [{start}, {end})");
    }
}

#[test]
fn every_position_selector_slices_to_its_quote() {
    for a in corpus() {
        assert_selectors_slice(&to_document(a), &a.article.id);
    }
    assert_selectors_slice(&corpus_graph().0, "graph");
}

#[test]
fn seed_is_a_military_conflict_with_commanders_and_links() {
    let t = triples(&to_document(article(SEED)));
    let seed = iri(&format!("{W}{SEED}"));
    assert!(has(&t, &seed, RDF_TYPE, &iri(&format!("{SCHEMA}Event"))));
    assert!(has(&t, &seed, RDF_TYPE, &iri(&format!("{DBO}MilitaryConflict"))));
    for person in
        ["Mariano_Ignacio_Prado", "José_Balta", "Pedro_Diez_Canseco", "Juan_Antonio_Pezet"]
    {
        assert!(
            has(&t, &seed, &format!("{DBO}commander"), &iri(&format!("{W}{person}"))),
            "commander {person}"
        );
    }
    assert!(has(
        &t,
        &seed,
        &format!("{DBO}wikiPageWikiLink"),
        &iri(&format!("{W}Chincha_Islands_War"))
    ));
}

#[test]
fn seed_dates_come_from_the_infobox() {
    let t = triples(&to_document(article(SEED)));
    let seed = iri(&format!("{W}{SEED}"));
    assert!(has(&t, &seed, &format!("{SCHEMA}startDate"), &date("1865-02-28")));
    assert!(has(&t, &seed, &format!("{SCHEMA}endDate"), &date("1865-11-08")));
}

#[test]
fn seed_has_dated_sub_events() {
    let t = triples(&to_document(article(SEED)));
    let seed = iri(&format!("{W}{SEED}"));
    for day in ["1865-02-28", "1865-11-08"] {
        let dated = t.iter().any(|(s, p, o)| {
            has(&t, &seed, &format!("{SCHEMA}subEvent"), s)
                && p == &format!("{SCHEMA}startDate")
                && o == &date(day)
        });
        assert!(dated, "no subEvent dated {day}");
    }
}

#[test]
fn prado_is_one_node_referenced_from_three_articles() {
    let (doc, _) = corpus_graph();
    let prado = format!("{W}Mariano_Ignacio_Prado");
    let nodes =
        doc["@graph"].as_array().unwrap().iter().filter(|n| n["@id"] == prado.as_str()).count();
    assert_eq!(nodes, 1, "Prado has {nodes} nodes");
    let t = triples(doc);
    let o = iri(&prado);
    for from in [SEED, "Chincha_Islands_War"] {
        let s = iri(&format!("{W}{from}"));
        assert!(
            t.iter().any(|(ts, _, to)| *ts == s && *to == o),
            "{from} does not reference Prado"
        );
        assert!(has(&t, &s, &format!("{SCHEMA}mentions"), &o), "{from} does not mention Prado");
    }
    // His own article is that node.
    assert!(has(&t, &o, RDF_TYPE, &iri(&format!("{SCHEMA}Person"))));
    assert!(
        t.iter().any(|(s, p, _)| *s == o && p == &format!("{SCHEMA}text")),
        "Prado's node is not his article"
    );
}

#[test]
fn graph_lists_every_node_once_sorted() {
    let (doc, _) = corpus_graph();
    let ids: Vec<&str> = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["@id"].as_str().expect("every node has an @id"))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted);
}

#[test]
fn documents_are_deterministic() {
    let a = article(SEED);
    assert_eq!(
        serde_json::to_string(&to_document(a)).unwrap(),
        serde_json::to_string(&to_document(a)).unwrap()
    );
    let mut reversed: Vec<&AnnotatedArticle> = corpus().iter().collect();
    reversed.reverse();
    assert_eq!(graph::build(reversed).0, corpus_graph().0, "graph depends on input order");
}

/// Golden file of the seed. Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test jsonld`,
/// then review the diff by hand before committing.
#[test]
fn seed_snapshot() {
    let path = manifest().join("tests/snapshots/peruvian_civil_war_of_1865.jsonld");
    let got = serde_json::to_string_pretty(&to_document(article(SEED))).unwrap() + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let line =
            got.lines().zip(want.lines()).position(|(g, w)| g != w).unwrap_or(want.lines().count());
        panic!("{} differs from the output at line {}; run UPDATE_SNAPSHOTS=1 cargo test --test jsonld and review", path.display(), line + 1);
    }
}

// ---- Hand-built articles: dates, events and checks that other stages will produce. ----

const SIEGE: &str = "= Siege of Varnholt =

Infobox
- Date: 3 March–9 April 1901
- Place: Varnholt
- Combatant1: Northmark
- Combatant2: Südland
- Commander1: Ada Kovač
- Commander2: Zoë Œrsted, Ilmar Tõnisson

The Siege of Varnholt opened on 3 March 1901, when Ada Kovač surrounded Varnholt. The Battle of Kessel Ford followed on 7 May 1901.

== See also ==
- Battle of Kessel Ford
";

const BATTLE: &str = "= Battle of Kessel Ford =

Infobox
- Date: 5 May 1901
- Combatant1: Northmark

The Battle of Kessel Ford was fought at the ford on 5 May 1901.
";

const GAZETTEER: &str = "Varnholt\tPLACE\tgeonames:123\nNorthmark\tORG\tNorthmark\nSüdland\tORG\tSüdland\nAda Kovač\tPERSON\tAda_Kovač\nZoë Œrsted\tPERSON\tZoë_Œrsted\nIlmar Tõnisson\tPERSON\tIlmar_Tõnisson\nBattle of Kessel Ford\tEVENT\tBattle_of_Kessel_Ford\nSiege of Varnholt\tEVENT\tSiege_of_Varnholt\n";

fn annotate(text: &str) -> AnnotatedArticle {
    let pipeline = Pipeline::builder().gazetteer_tsv("test.tsv", GAZETTEER).build().unwrap();
    pipeline.annotate(RawArticle::wiki_style("test", text))
}

fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let at = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle}")).0;
    Span::new(at, at + needle.len())
}

fn timex(text: &str, needle: &str, nth: usize, value: &str) -> Timex {
    Timex::new(span_of(text, needle, nth), TimexType::Date, value.parse().expect("a TIMEX3 value"))
}

fn participant(a: &AnnotatedArticle, needle: &str, nth: usize) -> Participant {
    let span = span_of(&a.article.text, needle, nth);
    let m =
        a.entities.iter().find(|m| m.span == span).unwrap_or_else(|| panic!("no mention {needle}"));
    Participant::new(span, m.id.clone(), m.label)
}

/// Run the analysis stage again on a record whose stage results a test replaced.
fn reanalyze(a: &mut AnnotatedArticle) {
    a.claims =
        analysis::date_claims(&a.article, &a.entities, &a.timexes, &a.events, a.infobox.as_ref());
}

/// The siege with what the temporal, events and infobox stages would add.
fn siege() -> AnnotatedArticle {
    let mut a = annotate(SIEGE);
    let text = a.article.text.clone();
    a.timexes = vec![
        timex(&text, "3 March–9 April 1901", 0, "1901-03-03/1901-04-09"),
        timex(&text, "3 March 1901", 0, "1901-03-03"),
        timex(&text, "7 May 1901", 0, "1901-05-07"),
    ];
    let sentence = span_of(
        &text,
        "The Siege of Varnholt opened on 3 March 1901, when Ada Kovač surrounded Varnholt.",
        0,
    );
    let battle = span_of(&text, "The Battle of Kessel Ford followed on 7 May 1901.", 0);
    let mut siege = Event::new(EventType::Siege, span_of(&text, "surrounded", 0), sentence);
    siege.date = Some(EventDate::new(
        "1901-03-03".parse().expect("a TIMEX3 value"),
        span_of(&text, "3 March 1901", 0),
        false,
    ));
    siege.place = Some(participant(&a, "Varnholt", 3));
    siege.participants = vec![participant(&a, "Ada Kovač", 1)];
    let mut kessel_ford =
        Event::new(EventType::Battle, span_of(&text, "Battle of Kessel Ford", 0), battle);
    kessel_ford.date = Some(EventDate::new(
        "1901-05-07".parse().expect("a TIMEX3 value"),
        span_of(&text, "7 May 1901", 0),
        false,
    ));
    a.events = vec![siege, kessel_ford];
    let field = |key: &str| a.article.infobox.as_ref().unwrap().get(key).unwrap().clone();
    let commander2 = field("Commander2");
    let check = |field: &str,
                 value: String,
                 span: Span,
                 status: Status,
                 normalized: Option<&str>,
                 evidence: Vec<Span>,
                 message: &str,
                 side: Option<u32>| {
        let mut check = Check::new(field, value, span, status);
        check.normalized = normalized.map(str::to_string);
        check.evidence = evidence;
        check.message = message.into();
        check.side = side;
        check
    };
    a.infobox = Some(InfoboxReport::new(
        Some(wikianno::article::InfoboxKind::Conflict),
        vec![
            check(
                "Date",
                field("Date").value,
                field("Date").value_span,
                Status::Supported,
                Some("1901-03-03/1901-04-09"),
                vec![span_of(&text, "3 March 1901", 0)],
                "start date found in the body",
                None,
            ),
            check(
                "Commander2",
                "Zoë Œrsted".into(),
                span_of(&text, "Zoë Œrsted", 0),
                Status::Unsupported,
                Some("Zoë_Œrsted"),
                vec![],
                "not named in the body",
                Some(2),
            ),
            check(
                "Commander2",
                "Ilmar Tõnisson".into(),
                Span::new(
                    commander2.value_span.end - "Ilmar Tõnisson".len(),
                    commander2.value_span.end,
                ),
                Status::Contradicted,
                None,
                vec![],
                "the body says otherwise",
                Some(2),
            ),
        ],
    ));
    reanalyze(&mut a);
    a
}

fn battle() -> AnnotatedArticle {
    let mut a = annotate(BATTLE);
    let text = a.article.text.clone();
    a.timexes = vec![
        timex(&text, "5 May 1901", 0, "1901-05-05"),
        timex(&text, "5 May 1901", 1, "1901-05-05"),
    ];
    reanalyze(&mut a);
    a
}

#[test]
fn hand_built_article_has_typed_dates_sides_events_and_facts() {
    let a = siege();
    let doc = to_document(&a);
    assert_expands_fully(&doc, "siege");
    assert_selectors_slice(&doc, "siege");
    let t = triples(&doc);
    let s = iri(&format!("{W}Siege_of_Varnholt"));
    assert!(has(&t, &s, &format!("{SCHEMA}startDate"), &date("1901-03-03")));
    assert!(has(&t, &s, &format!("{SCHEMA}endDate"), &date("1901-04-09")));
    assert!(has(&t, &s, &format!("{SCHEMA}location"), "<https://sws.geonames.org/123/>"));
    assert!(has(&t, &s, &format!("{DBO}commander"), &iri(&format!("{W}Zoë_Œrsted"))));
    assert!(has(&t, &s, &format!("{DBO}commander"), &iri(&format!("{W}Ilmar_Tõnisson"))));
    assert!(has(&t, &s, &format!("{DBO}combatant"), &iri(&format!("{W}Südland"))));
    assert!(has(
        &t,
        &s,
        &format!("{DBO}wikiPageWikiLink"),
        &iri(&format!("{W}Battle_of_Kessel_Ford"))
    ));

    let node = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"] == format!("{W}Siege_of_Varnholt"))
        .unwrap();
    let sides = node["side"].as_array().unwrap();
    assert_eq!(sides.len(), 2);
    assert_eq!(sides[1]["sideNumber"], 2);
    assert_eq!(
        sides[1]["commander"],
        json!([format!("{W}Zoë_Œrsted"), format!("{W}Ilmar_Tõnisson")])
    );
    let events = node["subEvent"].as_array().unwrap();
    assert_eq!(events[0]["startDate"], json!({"@value": "1901-03-03", "@type": "xsd:date"}));
    assert_eq!(events[0]["location"], "https://sws.geonames.org/123/");
    assert_eq!(events[0]["actor"], json!([format!("{W}Ada_Kovač")]));
    assert_eq!(events[1]["eventType"], "BATTLE");
    let statuses: Vec<(&str, &str)> = node["infoboxFact"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap(), f["status"].as_str().unwrap_or("-")))
        .collect();
    assert!(statuses.contains(&("Date", "supported")));
    assert!(statuses.contains(&("Commander2", "unsupported")));
    assert!(statuses.contains(&("Commander2", "contradicted")));
    assert!(
        statuses.contains(&("Place", "-")),
        "unchecked fields still appear, without a status: {statuses:?}"
    );
}

#[test]
fn graph_reports_the_same_event_dated_differently_in_two_articles() {
    let (doc, diagnostics) = graph::build([&siege(), &battle()]);
    assert_expands_fully(&doc, "two-article graph");
    assert_selectors_slice(&doc, "two-article graph");
    let battle_iri = entity_iri("Battle_of_Kessel_Ford");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d.kind, DiagnosticKind::DateMismatch);
    assert_eq!(d.entity, battle_iri);
    assert!(d.message.contains("1901-05-05") && d.message.contains("1901-05-07"), "{}", d.message);
    let node =
        doc["@graph"].as_array().unwrap().iter().find(|n| n["@id"] == battle_iri.as_str()).unwrap();
    assert_eq!(node["diagnostic"][0]["kind"], "date-mismatch");
    assert_eq!(node["diagnostic"][0]["evidence"].as_array().unwrap().len(), 2);
    // Linked both ways, and the battle's article is the battle entity's node.
    assert_eq!(node["linkedFrom"], json!([format!("{W}Siege_of_Varnholt")]));
    assert_eq!(node["mentionedIn"], json!([format!("{W}Siege_of_Varnholt")]));
    assert!(node["text"].is_string());
}

#[test]
fn compatible_dates_are_not_reported() {
    let mut b = battle();
    let text = b.article.text.clone();
    // The battle's own article says May 1901: the siege's 7 May falls inside it.
    b.timexes = vec![timex(&text, "5 May 1901", 0, "1901-05")];
    // Drop the infobox checks: their normalized date would take precedence over the timex.
    b.infobox = None;
    reanalyze(&mut b);
    let (_, diagnostics) = graph::build([&siege(), &b]);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn duplicate_articles_are_reported_once_and_kept_once() {
    let a = battle();
    let (doc, diagnostics) = graph::build([&a, &a]);
    assert_eq!(
        diagnostics.iter().filter(|d| d.kind == DiagnosticKind::DuplicateArticle).count(),
        1
    );
    let id = entity_iri("Battle_of_Kessel_Ford");
    assert_eq!(
        doc["@graph"].as_array().unwrap().iter().filter(|n| n["@id"] == id.as_str()).count(),
        1
    );
}

#[test]
fn context_is_inline_and_maps_prefixes_and_terms() {
    let ctx = context();
    assert!(ctx.is_object(), "the context is inline, never a remote URL");
    for prefix in ["schema", "dbo", "oa", "xsd"] {
        assert!(ctx[prefix].as_str().unwrap().starts_with("http"));
    }
}

#[test]
fn the_key_checks_catch_an_unmapped_key() {
    let mut doc = to_document(&battle());
    let node =
        doc["@graph"].as_array_mut().unwrap().iter_mut().find(|n| n["text"].is_string()).unwrap();
    node["bogusKey"] = json!("dropped on expansion");
    let before = triples(&doc).len();
    let mut ablated = doc.clone();
    remove_key(&mut ablated, "bogusKey");
    assert_eq!(triples(&ablated).len(), before, "an unmapped key yields no triple");
    let caught = std::panic::catch_unwind(|| assert_expands_fully(&doc, "bogus"));
    assert!(caught.is_err(), "the no-key-dropped check missed an unmapped key");
}

#[test]
fn cli_writes_jsonld_lines_files_and_the_graph() {
    let bin = env!("CARGO_BIN_EXE_wikianno");
    let dir = tempfile::tempdir().unwrap();
    let seed = manifest().join("corpus/peruvian_civil_war_of_1865.txt");
    let out = std::process::Command::new(bin)
        .args(["annotate", "--format", "jsonld"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0], to_document(article(SEED)));

    let files = dir.path().join("docs");
    let status = std::process::Command::new(bin)
        .args(["annotate", "--format", "jsonld", "-o"])
        .arg(&files)
        .arg(manifest().join("corpus"))
        .status()
        .unwrap();
    assert!(status.success());
    let written: Value = serde_json::from_str(
        &std::fs::read_to_string(files.join("Vivanco–Pareja_Treaty.jsonld")).unwrap(),
    )
    .unwrap();
    assert_eq!(written, to_document(article("Vivanco–Pareja_Treaty")));
    assert_eq!(std::fs::read_dir(&files).unwrap().count(), corpus().len());

    let graph_file = dir.path().join("graph.jsonld");
    let status = std::process::Command::new(bin)
        .args(["graph", "-o"])
        .arg(&graph_file)
        .arg(manifest().join("corpus"))
        .status()
        .unwrap();
    assert!(status.success());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&graph_file).unwrap()).unwrap();
    assert_eq!(written, corpus_graph().0);

    let missing = std::process::Command::new(bin)
        .args(["graph"])
        .arg(dir.path().join("no-such-file.txt"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// An infobox key may repeat (a flight's "arrival_date" for each stage): each field's
/// items are facts once, with the field whose value holds them, never once per repeat.
#[test]
fn a_repeated_infobox_key_gives_each_item_one_fact() {
    let pipeline = Pipeline::builder().build().expect("a pipeline without gazetteers");
    let wikitext = "{{Infobox spaceflight\n| name = Qwerty 7\n| arrival_date = July 19, 1969\n\
                    | component = Lander\n| arrival_date = July 20, 1969\n}}\n\
                    '''Qwerty 7''' reached orbit on July 19, 1969, and landed on July 20, 1969.\n";
    let a = pipeline.annotate(RawArticle::wikitext("Qwerty 7", wikitext.to_string()));
    let checks = &a.infobox.as_ref().expect("an infobox report").checks;
    let arrivals: Vec<&Check> = checks.iter().filter(|c| c.field == "arrival_date").collect();
    assert_eq!(arrivals.len(), 2, "{checks:?}");
    let doc = to_document(&a);
    let facts = doc["@graph"]
        .as_array()
        .and_then(|g| g.iter().find_map(|n| n["infoboxFact"].as_array()))
        .or_else(|| doc["infoboxFact"].as_array())
        .expect("the article node lists its facts");
    let arrival_facts: Vec<&Value> =
        facts.iter().filter(|f| f["field"] == "arrival_date").collect();
    assert_eq!(arrival_facts.len(), 2, "{arrival_facts:#?}");
    assert_ne!(arrival_facts[0]["value"], arrival_facts[1]["value"], "one fact per item");
}
