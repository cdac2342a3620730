//! One article as linked data: its node, the entities it mentions, the Web Annotations
//! of its mentions, its links, and the dated claims the corpus graph cross-checks.

use crate::gazetteer::Label;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde_json::{json, Map, Value};

use super::{
    date::{interval, split_range, typed, typed_ends},
    entity_iri,
    selector::Selectors,
    WIKIPEDIA,
};
use crate::{
    article::{title_to_id, InfoboxField, InfoboxKey, InfoboxKind, KeyRole},
    infobox::Check,
    pipeline::AnnotatedArticle,
    span::Span,
};

/// Everything one article contributes to a graph.
pub(crate) struct ArticleGraph {
    /// The article's IRI.
    pub iri: String,
    /// The article node (without the corpus-level `linkedFrom` / `mentionedIn`).
    pub article: Map<String, Value>,
    /// Entities mentioned, by IRI (the article's own entity included).
    pub entities: BTreeMap<String, EntityInfo>,
    /// One `oa:Annotation` per entity mention, in text order.
    pub annotations: Vec<Value>,
    /// IRIs of the articles it links to (already in `article["linksTo"]`).
    pub links: BTreeSet<String>,
    /// Dated claims about entities, for cross-article checks.
    pub claims: Vec<DateClaim>,
}

/// What is known about an entity from its mentions.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntityInfo {
    /// RDF classes from the gazetteer labels.
    pub types: BTreeSet<&'static str>,
    /// The surface forms it was found under.
    pub surfaces: BTreeSet<String>,
}

/// "Article A dates entity E at V": the article's own infobox date, an event about E,
/// or a person's lifespan in parentheses.
#[derive(Clone, Debug)]
pub(crate) struct DateClaim {
    /// The entity's IRI.
    pub entity: String,
    /// `date`, `birth` or `death`.
    pub what: &'static str,
    /// TIMEX3 value.
    pub value: String,
    /// The claiming article's IRI.
    pub article: String,
    /// Where the article says it, as a Web Annotation target.
    pub evidence: Option<Value>,
}

fn label_type(label: Label) -> &'static str {
    match label {
        Label::Person => "schema:Person",
        Label::Place | Label::Demonym => "schema:Place",
        Label::Org => "schema:Organization",
        Label::Event => "schema:Event",
        Label::Work => "schema:CreativeWork",
        Label::Treaty => "dbo:Treaty",
        Label::Ship => "dbo:Ship",
        Label::Misc | Label::Unknown => "schema:Thing",
    }
}

fn subject_types(subject: Option<InfoboxKind>) -> &'static [&'static str] {
    match subject {
        Some(InfoboxKind::Conflict) => &["schema:Event", "dbo:MilitaryConflict"],
        Some(InfoboxKind::Person) => &["schema:Person"],
        Some(InfoboxKind::Treaty) => &["schema:Legislation", "dbo:Treaty"],
        None => &[],
    }
}

/// The article's subject: what its infobox describes, as the parser decided.
fn subject_of(a: &AnnotatedArticle) -> Option<InfoboxKind> {
    a.article.infobox.as_ref().and_then(|i| i.kind)
}

/// A normalized check value that can be an entity id: one token, not a date.
fn id_like(normalized: &str) -> bool {
    !normalized.is_empty()
        && !normalized.contains(char::is_whitespace)
        && interval(normalized).is_none()
}

/// A property's values in first-seen order, each once. The set of their JSON texts
/// beside the list makes a push one look-up, not a scan of the list: an infobox of
/// thousands of commanders, or one event of many participants, made the scan quadratic.
/// serde_json's objects are sorted maps, so equal values have equal texts.
#[derive(Default)]
struct UniqueValues {
    list: Vec<Value>,
    seen: HashSet<String>,
}

impl UniqueValues {
    fn push(&mut self, value: Value) {
        if self.seen.insert(value.to_string()) {
            self.list.push(value);
        }
    }
}

/// Builds one article's graph; borrows the article and its code-point index.
struct Builder<'a> {
    a: &'a AnnotatedArticle,
    sel: Selectors<'a>,
    /// Each infobox field's checks, by the field's index in the infobox
    /// ([`crate::infobox::InfoboxReport::checks_by_field`]).
    field_checks: Vec<Vec<&'a Check>>,
    /// The article's own date claims by the span they read, the first claim of a span
    /// kept: one look-up per infobox field instead of a scan of every claim.
    own_dates: BTreeMap<Span, &'a str>,
}

/// [`Builder::own_dates`]: the claims about the article itself, first of each span.
fn own_dates(a: &AnnotatedArticle) -> BTreeMap<Span, &str> {
    let mut out = BTreeMap::new();
    for c in a.claims.iter().filter(|c| *c.entity == *a.article.id) {
        out.entry(c.span).or_insert(c.value.as_str());
    }
    out
}

impl<'a> Builder<'a> {
    /// The checks of the infobox field `index`.
    fn checks_of(&self, index: usize) -> &[&'a Check] {
        self.field_checks.get(index).map_or(&[], Vec::as_slice)
    }

    /// Entity IRIs mentioned inside `span`, in text order, optionally only some labels.
    fn entities_in(&self, span: Span, labels: &[Label]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        // The mentions are in text order and do not overlap: a look-up, not a scan of all
        // of them per field (an infobox of many entity-valued fields cost fields x mentions).
        for m in crate::span::inside(&self.a.entities, span, |m| m.span) {
            if (labels.is_empty() || labels.contains(&m.label)) && seen.insert(&m.id) {
                out.push(entity_iri(&m.id));
            }
        }
        out
    }

    /// The values of an entity-valued field: per checked item, the entity mentioned in
    /// it, else the check's normalized id, else the item as a literal; without checks,
    /// the entities in the value, else the value as a literal.
    fn objects(&self, index: usize, field: &'a InfoboxField, labels: &[Label]) -> Vec<Value> {
        let checks = self.checks_of(index);
        if checks.is_empty() {
            // Distinct already: one IRI per entity id.
            let mut out: Vec<Value> =
                self.entities_in(field.value_span, labels).into_iter().map(Value::from).collect();
            if out.is_empty() && !field.value.is_empty() {
                out.push(json!({"@value": field.value}));
            }
            return out;
        }
        let mut out = UniqueValues::default();
        for check in checks {
            let value = match self.entities_in(check.span, labels).into_iter().next() {
                Some(iri) => json!(iri),
                None => match check.normalized.as_deref().filter(|n| id_like(n)) {
                    Some(id) => json!(entity_iri(id)),
                    None => json!({"@value": check.value}),
                },
            };
            out.push(value);
        }
        out.list
    }

    /// The date the analysis stage read in an infobox field (the article's own claim).
    fn own_date(&self, field: &InfoboxField) -> Option<&'a str> {
        self.own_dates.get(&field.value_span).copied()
    }

    fn fact(&self, field: &str, value: &str, span: Span, check: Option<&Check>) -> Value {
        let mut fact = Map::new();
        fact.insert("field".into(), json!(field));
        fact.insert("value".into(), json!(value));
        if let Some(at) = self.sel.target(span) {
            fact.insert("at".into(), at);
        }
        if let Some(c) = check {
            fact.insert("status".into(), json!(c.status.as_str()));
            if let Some(n) = &c.normalized {
                fact.insert("normalized".into(), json!(n));
            }
            if !c.message.is_empty() {
                fact.insert("message".into(), json!(c.message));
            }
            let evidence: Vec<Value> =
                c.evidence.iter().filter_map(|&e| self.sel.target(e)).collect();
            if !evidence.is_empty() {
                fact.insert("evidence".into(), json!(evidence));
            }
        }
        Value::Object(fact)
    }
}

/// The graph contribution of one article.
pub(crate) fn article_graph(a: &AnnotatedArticle) -> ArticleGraph {
    let iri = entity_iri(&a.article.id);
    let b = Builder {
        a,
        sel: Selectors::new(&a.article.text, iri.clone()),
        field_checks: (a.infobox.as_ref().zip(a.article.infobox.as_ref()))
            .map(|(report, infobox)| report.checks_by_field(infobox))
            .unwrap_or_default(),
        own_dates: own_dates(a),
    };
    let subject = subject_of(a);
    let mut node = Map::new();

    // Entities and their annotations.
    let mut entities: BTreeMap<String, EntityInfo> = BTreeMap::new();
    let mut annotations = Vec::new();
    for m in &a.entities {
        let entity = entity_iri(&m.id);
        let info = entities.entry(entity.clone()).or_default();
        info.types.insert(label_type(m.label));
        info.surfaces.insert(m.span.slice(&a.article.text).to_string());
        if let (Some(target), Some((start, end))) = (b.sel.target(m.span), b.sel.chars(m.span)) {
            annotations.push(json!({
                "@id": entity_iri(&format!("{}#mention-{start}-{end}", a.article.id)),
                "@type": "oa:Annotation",
                "motivatedBy": "oa:identifying",
                "hasBody": entity,
                "hasTarget": target,
            }));
        }
    }

    let mut types: BTreeSet<&'static str> = subject_types(subject).iter().copied().collect();
    if let Some(own) = entities.get(&iri) {
        types.extend(own.types.iter().copied());
    }
    if types.is_empty() {
        types.insert("schema:Thing");
    }
    node.insert("@id".into(), json!(iri));
    node.insert("@type".into(), json!(types.into_iter().collect::<Vec<_>>()));
    node.insert("name".into(), json!(a.article.title));
    node.insert("text".into(), json!(a.article.text));

    // Infobox: typed properties, then every item as a fact with its verdict.
    if let Some(infobox) = &a.article.infobox {
        let mut props: BTreeMap<&'static str, UniqueValues> = BTreeMap::new();
        let mut sides: BTreeMap<u32, BTreeMap<&'static str, UniqueValues>> = BTreeMap::new();
        let mut facts = Vec::new();
        for (index, field) in infobox.fields.iter().enumerate() {
            let InfoboxKey { role, side: number } = field.key();
            let mut add = |prop: &'static str, values: Vec<Value>| {
                let list = props.entry(prop).or_default();
                for v in values {
                    list.push(v);
                }
            };
            match (subject, role) {
                (Some(InfoboxKind::Conflict), KeyRole::Date) => {
                    if let Some(value) = b.own_date(field) {
                        let (start, end) = split_range(value);
                        add("startDate", typed(start).into_iter().collect());
                        add("endDate", typed(end.unwrap_or(start)).into_iter().collect());
                    }
                }
                (Some(InfoboxKind::Conflict), KeyRole::Place) => {
                    add("location", b.objects(index, field, &[]))
                }
                (Some(InfoboxKind::Conflict), KeyRole::Result) => {
                    add("result", vec![json!(field.value)])
                }
                (Some(InfoboxKind::Conflict), KeyRole::Commander | KeyRole::Combatant) => {
                    let prop = if role == KeyRole::Commander { "commander" } else { "combatant" };
                    let values = b.objects(index, field, &[]);
                    if let Some(n) = number {
                        let side = sides.entry(n).or_default().entry(prop).or_default();
                        for v in &values {
                            side.push(v.clone());
                        }
                    }
                    add(prop, values);
                }
                (
                    Some(InfoboxKind::Person),
                    KeyRole::Born | KeyRole::BirthDate | KeyRole::Died | KeyRole::DeathDate,
                ) => {
                    let birth = matches!(role, KeyRole::Born | KeyRole::BirthDate);
                    if let Some(start) = b.own_date(field) {
                        add(
                            if birth { "birthDate" } else { "deathDate" },
                            typed(start).into_iter().collect(),
                        );
                    }
                    let places = b.entities_in(field.value_span, &[Label::Place]);
                    if let Some(place) = places.into_iter().next() {
                        add(if birth { "birthPlace" } else { "deathPlace" }, vec![json!(place)]);
                    }
                }
                (Some(InfoboxKind::Person), KeyRole::BirthPlace) => {
                    add("birthPlace", b.objects(index, field, &[Label::Place]))
                }
                (Some(InfoboxKind::Person), KeyRole::DeathPlace) => {
                    add("deathPlace", b.objects(index, field, &[Label::Place]))
                }
                (Some(InfoboxKind::Treaty), KeyRole::Signed) => {
                    if let Some(value) = b.own_date(field) {
                        let (start, _) = split_range(value);
                        add("legislationDate", typed(start).into_iter().collect());
                    }
                }
                (Some(InfoboxKind::Treaty), KeyRole::Place | KeyRole::LocationSigned) => {
                    add("locationCreated", b.objects(index, field, &[Label::Place]))
                }
                (Some(InfoboxKind::Treaty), KeyRole::Signatory) => {
                    add("legislationPassedBy", b.objects(index, field, &[]))
                }
                _ => {}
            }
            let checks = b.checks_of(index);
            if checks.is_empty() {
                facts.push(b.fact(&field.key, &field.value, field.value_span, None));
            }
            for c in checks {
                facts.push(b.fact(&c.field, &c.value, c.span, Some(c)));
            }
        }
        for (prop, values) in props {
            if !values.list.is_empty() {
                node.insert(prop.into(), Value::Array(values.list));
            }
        }
        if !sides.is_empty() {
            let sides: Vec<Value> = sides
                .into_iter()
                .map(|(n, props)| {
                    let mut side = Map::new();
                    side.insert("sideNumber".into(), json!(n));
                    for (prop, values) in props {
                        side.insert(prop.into(), Value::Array(values.list));
                    }
                    Value::Object(side)
                })
                .collect();
            node.insert("side".into(), json!(sides));
        }
        if !facts.is_empty() {
            node.insert("infoboxFact".into(), json!(facts));
        }
    }

    // Events, and the dates they give to the named events and treaties they are about.
    let mut sub_events = Vec::new();
    for e in &a.events {
        let mut ev = Map::new();
        ev.insert("@type".into(), json!("schema:Event"));
        ev.insert("eventType".into(), json!(e.kind));
        ev.insert("name".into(), json!(e.trigger.slice(&a.article.text)));
        if let Some(target) = b.sel.target(e.trigger) {
            ev.insert("trigger".into(), target);
        }
        if let Some(d) = &e.date {
            ev.insert("timex".into(), json!(d.value));
            ev.insert("dateInherited".into(), json!(d.inherited));
            let (start, end) = typed_ends(&d.value);
            if let Some(t) = start {
                ev.insert("startDate".into(), t);
            }
            if let Some(t) = end {
                ev.insert("endDate".into(), t);
            }
        }
        if let Some(p) = &e.place {
            ev.insert("location".into(), json!(entity_iri(&p.id)));
        }
        let mut actors = UniqueValues::default();
        for p in &e.participants {
            actors.push(json!(entity_iri(&p.id)));
        }
        if !actors.list.is_empty() {
            ev.insert("actor".into(), Value::Array(actors.list));
        }
        sub_events.push(Value::Object(ev));
    }
    if !sub_events.is_empty() {
        node.insert("subEvent".into(), json!(sub_events));
    }

    // The analysis stage found the claims; here they only get IRIs and selectors.
    let claims = a
        .claims
        .iter()
        .map(|c| DateClaim {
            entity: entity_iri(&c.entity),
            what: c.what.as_str(),
            value: c.value.clone(),
            article: iri.clone(),
            evidence: b.sel.target(c.span),
        })
        .collect();

    let mentions: BTreeSet<&String> = entities.keys().filter(|e| **e != iri).collect();
    if !mentions.is_empty() {
        node.insert("mentions".into(), json!(mentions));
    }
    let mut links: BTreeSet<String> = a
        .article
        .see_also
        .iter()
        .chain(&a.article.links)
        .map(|l| entity_iri(&title_to_id(&l.target)))
        .chain(
            a.entities
                .iter()
                .filter(|m| matches!(m.label, Label::Event | Label::Treaty))
                .map(|m| entity_iri(&m.id))
                .filter(|e| e.starts_with(WIKIPEDIA) && !e.contains('#')),
        )
        .collect();
    links.remove(&iri);
    if !links.is_empty() {
        node.insert("linksTo".into(), json!(links));
    }

    let diagnostics: Vec<Value> = a
        .diagnostics
        .iter()
        .map(|d| {
            let mut diag = Map::new();
            diag.insert("kind".into(), json!(d.kind));
            diag.insert("message".into(), json!(d.message));
            if let Some(at) = d.span.and_then(|s| b.sel.target(s)) {
                diag.insert("at".into(), at);
            }
            Value::Object(diag)
        })
        .collect();
    if !diagnostics.is_empty() {
        node.insert("diagnostic".into(), json!(diagnostics));
    }

    ArticleGraph { iri: iri.clone(), article: node, entities, annotations, links, claims }
}

/// The node of an entity: its `@id`, classes from its labels, and a name (the title in
/// its Wikipedia id, or the section after `#`; else the longest surface form).
pub(crate) fn entity_node(iri: &str, info: &EntityInfo) -> Value {
    let name = match iri.strip_prefix(WIKIPEDIA) {
        Some(title) => title.rsplit('#').next().unwrap_or(title).replace('_', " "),
        None => info
            .surfaces
            .iter()
            .max_by(|a, b| a.chars().count().cmp(&b.chars().count()).then_with(|| b.cmp(a)))
            .cloned()
            .unwrap_or_default(),
    };
    let types: Vec<&str> = if info.types.is_empty() {
        vec!["schema:Thing"]
    } else {
        info.types.iter().copied().collect()
    };
    json!({"@id": iri, "@type": types, "name": name})
}
