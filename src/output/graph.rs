//! The corpus graph (`wikianno graph`): one JSON-LD document for many articles, every
//! entity once by `@id`, articles linked both ways, and cross-article date checks.
//!
//! The document has the same `@context` and node shapes as the per-article documents
//! ([`jsonld`](super::jsonld)), with these additions:
//! * an entity that has its own article is that article's node (one node per `@id`), with
//!   the classes of both;
//! * every entity node lists the articles that mention it (`mentionedIn`, the reverse of
//!   `schema:mentions`);
//! * an article also links (`linksTo`) to every corpus article it mentions, and lists
//!   the articles that link to it (`linkedFrom`, the reverse of `dbo:wikiPageWikiLink`);
//! * a date conflict between two articles (the same event, treaty or person dated
//!   incompatibly, i.e. the two dates' calendar intervals do not overlap) is a
//!   [`GraphDiagnostic`], also written into the entity's node as a `diagnostic` with the
//!   two places as `evidence`.
//!
//! The date claims compared are the analysis stage's ([`crate::analysis`]): an article's
//! own infobox dates, clause-local event dates of named events and treaties (inherited
//! dates are too loose to accuse anyone), and lifespans; this module only compares them.
//! Nodes of `@graph` are sorted by `@id`.

use crate::diagnostic::DiagnosticKind;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::jsonld::{
    article_graph, context, dates_compatible, entity_node, sort_by_id, DateClaim, EntityInfo,
    WIKIPEDIA,
};
use crate::pipeline::AnnotatedArticle;

/// A finding about the corpus as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphDiagnostic {
    /// `date-mismatch` (two articles date the same thing differently) or
    /// `duplicate-article` (two inputs with the same id; the first is kept).
    pub kind: DiagnosticKind,
    /// The IRI of the entity or article concerned.
    pub entity: String,
    /// The articles involved, by IRI.
    pub articles: Vec<String>,
    /// One readable sentence.
    pub message: String,
}

/// Accumulates articles, then writes the merged document.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    articles: BTreeMap<String, Map<String, Value>>,
    links: BTreeMap<String, BTreeSet<String>>,
    entities: BTreeMap<String, EntityInfo>,
    mentioned_in: BTreeMap<String, BTreeSet<String>>,
    annotations: Vec<Value>,
    claims: Vec<DateClaim>,
    diagnostics: Vec<GraphDiagnostic>,
}

/// The readable name of an IRI in messages: the Wikipedia title, or the IRI itself.
fn short(iri: &str) -> &str {
    iri.strip_prefix(WIKIPEDIA).unwrap_or(iri)
}

impl GraphBuilder {
    /// An empty graph.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    /// Add one article. An article whose id was already added is reported
    /// (`duplicate-article`) and skipped.
    pub fn add(&mut self, annotated: &AnnotatedArticle) {
        let g = article_graph(annotated);
        if self.articles.contains_key(&g.iri) {
            self.diagnostics.push(GraphDiagnostic {
                kind: DiagnosticKind::DuplicateArticle,
                entity: g.iri.clone(),
                articles: vec![g.iri.clone()],
                message: format!(
                    "{} appears twice in the input ({}); the first is kept",
                    short(&g.iri),
                    annotated.article.origin
                ),
            });
            return;
        }
        for (iri, info) in g.entities {
            if iri != g.iri {
                self.mentioned_in.entry(iri.clone()).or_default().insert(g.iri.clone());
            }
            let merged = self.entities.entry(iri).or_default();
            merged.types.extend(info.types);
            merged.surfaces.extend(info.surfaces);
        }
        self.links.insert(g.iri.clone(), g.links);
        self.annotations.extend(g.annotations);
        self.claims.extend(g.claims);
        self.articles.insert(g.iri, g.article);
    }

    /// The document and the cross-article diagnostics (also written into the document).
    pub fn finish(mut self) -> (Value, Vec<GraphDiagnostic>) {
        // Links: what each article names, plus every corpus article it mentions.
        for (article, links) in &mut self.links {
            for (entity, by) in &self.mentioned_in {
                if by.contains(article) && self.articles.contains_key(entity) {
                    links.insert(entity.clone());
                }
            }
            links.remove(article);
        }
        let mut linked_from: BTreeMap<&String, BTreeSet<&String>> = BTreeMap::new();
        for (from, links) in &self.links {
            for to in links {
                linked_from.entry(to).or_default().insert(from);
            }
        }

        let mut nodes: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
        for (iri, mut node) in std::mem::take(&mut self.articles) {
            match self.links.get(&iri).filter(|l| !l.is_empty()) {
                Some(links) => node.insert("linksTo".into(), json!(links)),
                None => node.remove("linksTo"),
            };
            nodes.insert(iri, node);
        }
        for (iri, info) in &self.entities {
            match nodes.get_mut(iri) {
                Some(node) => {
                    let mut types: BTreeSet<String> = node["@type"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|t| t.as_str().map(str::to_string))
                        .chain(info.types.iter().map(|t| t.to_string()))
                        .collect();
                    if types.len() > 1 {
                        types.remove("schema:Thing");
                    }
                    node.insert("@type".into(), json!(types));
                }
                None => {
                    if let Value::Object(node) = entity_node(iri, info) {
                        nodes.insert(iri.clone(), node);
                    }
                }
            }
        }
        for (iri, node) in &mut nodes {
            if let Some(by) = self.mentioned_in.get(iri).filter(|b| !b.is_empty()) {
                node.insert("mentionedIn".into(), json!(by));
            }
            if let Some(from) = linked_from.get(iri).filter(|f| !f.is_empty()) {
                node.insert("linkedFrom".into(), json!(from));
            }
        }

        // Cross-article date checks, per (entity, what), in a stable order.
        let mut groups: BTreeMap<(String, &'static str), Vec<DateClaim>> = BTreeMap::new();
        for claim in std::mem::take(&mut self.claims) {
            groups.entry((claim.entity.clone(), claim.what)).or_default().push(claim);
        }
        for ((entity, what), mut claims) in groups {
            claims.sort_by(|a, b| (&a.article, &a.value).cmp(&(&b.article, &b.value)));
            let mut reported = BTreeSet::new();
            for (i, a) in claims.iter().enumerate() {
                for b in claims.iter().skip(i + 1) {
                    if a.article == b.article || dates_compatible(&a.value, &b.value) {
                        continue;
                    }
                    if !reported.insert((&a.article, &a.value, &b.article, &b.value)) {
                        continue;
                    }
                    let noun = match what {
                        "birth" => "born",
                        "death" => "died",
                        _ => "dated",
                    };
                    let message = format!(
                        "{} is {noun} {} in {} but {} in {}",
                        short(&entity).replace('_', " "),
                        a.value,
                        short(&a.article),
                        b.value,
                        short(&b.article)
                    );
                    if let Some(node) = nodes.get_mut(&entity) {
                        let evidence: Vec<Value> =
                            [&a.evidence, &b.evidence].into_iter().flatten().cloned().collect();
                        let diag = json!({"kind": DiagnosticKind::DateMismatch, "message": message, "evidence": evidence});
                        match node.get_mut("diagnostic").and_then(Value::as_array_mut) {
                            Some(list) => list.push(diag),
                            None => {
                                node.insert("diagnostic".into(), json!([diag]));
                            }
                        }
                    }
                    self.diagnostics.push(GraphDiagnostic {
                        kind: DiagnosticKind::DateMismatch,
                        entity: entity.clone(),
                        articles: vec![a.article.clone(), b.article.clone()],
                        message,
                    });
                }
            }
        }

        let mut graph: Vec<Value> = nodes.into_values().map(Value::Object).collect();
        graph.extend(self.annotations);
        sort_by_id(&mut graph);
        (json!({"@context": context(), "@graph": graph}), self.diagnostics)
    }
}

/// The corpus document of `articles` and its diagnostics.
pub fn build<'a>(
    articles: impl IntoIterator<Item = &'a AnnotatedArticle>,
) -> (Value, Vec<GraphDiagnostic>) {
    let mut builder = GraphBuilder::new();
    for a in articles {
        builder.add(a);
    }
    builder.finish()
}
