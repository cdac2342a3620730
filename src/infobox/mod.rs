//! Infobox validation: each infobox item checked against the article's own body.
//!
//! The infobox type (conflict, person, treaty) is chosen from the template name or
//! the keys, and a small declarative schema maps each field to a rule. Values are
//! split into items (one check each), numbered fields carry their side
//! (`Combatant2` and `Commander2` are side 2), and items are linked to entity ids
//! (ISO alpha-3 codes such as `PER` resolve through the gazetteer's 4th column).
//! "Body" means the text outside the infobox block and the title line.

mod body;
mod checks;
mod facts;
mod lints;
mod schema;
mod summary;

use crate::gazetteer::Label;
use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::Arc,
};

use crate::{
    article::{normalize_key, Article, Infobox, InfoboxKind, ValueKind},
    events::Event,
    gazetteer::EntityMention,
    gazetteer::Gazetteer,
    sentences::SentenceSplitter,
    span::Span,
    temporal::Timex,
};

pub use lints::{source_lints, MAX_LINTS_PER_KIND};
pub use summary::{ContradictedFact, Tally, ValidationSummary, FAMILIES, STATUSES};

/// A check's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Evidence in the body backs it.
    Supported,
    /// Nothing in the body backs it.
    Unsupported,
    /// The body says otherwise.
    Contradicted,
    /// No rule applies.
    Unchecked,
}

impl Status {
    /// `supported`, `unsupported`, `contradicted` or `unchecked`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Supported => "supported",
            Status::Unsupported => "unsupported",
            Status::Contradicted => "contradicted",
            Status::Unchecked => "unchecked",
        }
    }
}

/// The verdict on one infobox item.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Check {
    /// The field key.
    pub field: String,
    /// The item (one element of a list value).
    pub value: String,
    /// Where the item is in the text.
    pub span: Span,
    /// The verdict.
    pub status: Status,
    /// The normalized value (entity id, ISO date, ...).
    pub normalized: Option<String>,
    /// Evidence spans in the body.
    pub evidence: Vec<Span>,
    /// One readable line.
    pub message: String,
    /// The number of a numbered field (`Combatant2`, `Commander2` -> side 2).
    pub side: Option<u32>,
    /// What the item holds (date, person, number, ...), from its content and key; the
    /// validator always sets it.
    pub value_kind: Option<ValueKind>,
}

impl Check {
    /// The verdict `status` on the item `value` of `field` at `span`, with no normalized
    /// value, evidence, message, side or value kind yet (set them on the result).
    pub fn new(
        field: impl Into<String>,
        value: impl Into<String>,
        span: Span,
        status: Status,
    ) -> Check {
        Check {
            field: field.into(),
            value: value.into(),
            span,
            status,
            normalized: None,
            evidence: Vec::new(),
            message: String::new(),
            side: None,
            value_kind: None,
        }
    }
}

/// All checks of an article's infobox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct InfoboxReport {
    /// What the infobox describes, or `None` when no schema fits (every item is then
    /// unchecked).
    pub kind: Option<InfoboxKind>,
    /// One check per item, in field order.
    pub checks: Vec<Check>,
}

impl InfoboxReport {
    /// The checks of an infobox of `kind` (`None`: no schema fits).
    pub fn new(kind: Option<InfoboxKind>, checks: Vec<Check>) -> InfoboxReport {
        InfoboxReport { kind, checks }
    }

    /// The checks of each field of `infobox` (the one they were made from), in check order,
    /// by field index. A check belongs to the field of its key whose value holds its span;
    /// a key may repeat ("arrival_date" of each stage of a flight), and matching by key
    /// alone gave every field of that key the checks of all of them. A check no field of
    /// its key holds goes to the first field of its key, one with no such field to none.
    /// Linear: one binary search per check over the fields sorted by where their values
    /// start (values of different fields do not overlap).
    pub fn checks_by_field(&self, infobox: &Infobox) -> Vec<Vec<&Check>> {
        let fields = &infobox.fields;
        let keys: Vec<String> = fields.iter().map(|f| normalize_key(&f.key)).collect();
        let mut first_of_key: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, key) in keys.iter().enumerate() {
            first_of_key.entry(key).or_insert(i);
        }
        let mut by_start: Vec<usize> = (0..fields.len()).collect();
        by_start.sort_by_key(|&i| fields[i].value_span.start);
        let mut out = vec![Vec::new(); fields.len()];
        for check in &self.checks {
            let key = normalize_key(&check.field);
            let before =
                by_start.partition_point(|&i| fields[i].value_span.start <= check.span.start);
            let holder = before
                .checked_sub(1)
                .map(|k| by_start[k])
                .filter(|&i| keys[i] == key && fields[i].value_span.contains(check.span))
                .or_else(|| first_of_key.get(key.as_str()).copied());
            if let Some(i) = holder {
                out[i].push(check);
            }
        }
        out
    }

    /// How many checks have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }
}

/// Checks infoboxes against their article. Build once, share across threads.
#[derive(Clone, Debug)]
pub struct InfoboxValidator {
    gazetteer: Gazetteer,
    /// ISO alpha-3 code -> (entity id, surface), built once from the gazetteer.
    codes: Arc<HashMap<String, (Arc<str>, String)>>,
    /// Place id -> the id of the country it lies in, built once from the gazetteer.
    country_of: Arc<HashMap<Arc<str>, Arc<str>>>,
    /// The ids of countries (gazetteer rows with an ISO alpha-3 code).
    countries: Arc<HashSet<Arc<str>>>,
    splitter: SentenceSplitter,
}

impl InfoboxValidator {
    /// A validator with the shipped schemas; `gazetteer` links items to entities,
    /// resolves country codes (an extra column holding three capital letters) and
    /// knows which country a place lies in (a column holding two: GeoNames rows and
    /// curated places carry it, country rows carry their own).
    pub fn new(gazetteer: &Gazetteer) -> InfoboxValidator {
        let mut codes = HashMap::new();
        let mut country_by_alpha2: HashMap<&str, Arc<str>> = HashMap::new();
        for e in gazetteer.entries() {
            if let Some(alpha3) = e.iso_code(3) {
                codes
                    .entry(alpha3.to_string())
                    .or_insert_with(|| (e.id.clone(), e.surface.clone()));
                if let Some(alpha2) = e.iso_code(2) {
                    country_by_alpha2.entry(alpha2).or_insert_with(|| e.id.clone());
                }
            }
        }
        let mut country_of = HashMap::new();
        for e in gazetteer.entries() {
            if e.label != Label::Place || e.iso_code(3).is_some() {
                continue;
            }
            if let Some(country) = e.iso_code(2).and_then(|a2| country_by_alpha2.get(a2)) {
                country_of.entry(e.id.clone()).or_insert_with(|| country.clone());
            }
        }
        let countries = codes.values().map(|(id, _)| id.clone()).collect();
        InfoboxValidator {
            gazetteer: gazetteer.clone(),
            countries: Arc::new(countries),
            codes: Arc::new(codes),
            country_of: Arc::new(country_of),
            splitter: SentenceSplitter::new(),
        }
    }

    /// Check `article`'s infobox; `None` when it has none.
    pub fn check(
        &self,
        article: &Article,
        entities: &[EntityMention],
        timexes: &[Timex],
        events: &[Event],
    ) -> Option<InfoboxReport> {
        let infobox = article.infobox.as_ref()?;
        Some(checks::run(self, article, infobox, entities, timexes, events))
    }
}
