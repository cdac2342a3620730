//! Entity mentions scored against gold: Wiki-Fair (ELEVANT's benchmark of exhaustively
//! annotated Wikipedia paragraphs) and wikigold (CoNLL IO tags).
//!
//! # Wiki-Fair rules (after ELEVANT)
//! * Gold is every label inside the article's `evaluation_span` except coreference
//!   mentions (a pronoun, or "the"/"this"/"his"/... followed by a lowercase word: the test
//!   ELEVANT applies to mention text) and except `DATETIME` and `QUANTITY` labels, which are
//!   the temporal tagger's business, not the entity stage's.
//! * Predictions outside the evaluation span are not scored.
//! * A label with `children` (a name nesting other names) has two alternatives: the parent
//!   span alone, or its children. The alternative with more exact matches counts (the parent
//!   on a tie); the other one's spans are neutral.
//! * `optional` labels, coreference labels and dates/quantities are neutral: matching one is
//!   neither a hit nor a false positive; missing one costs nothing.
//! * Mention P/R/F1 need the exact span. Typed P/R/F1 also need the coarse type to agree
//!   where gold has one (one of its `|`-joined types maps to the prediction's coarse label;
//!   a gold label typed `OTHER` accepts any type).
//! * [`Label::Unknown`] is no claim about the type, the way a NIL prediction is no claim
//!   about the entity. ELEVANT's default mode (`IGNORED`, "InKB") scores a NIL prediction
//!   at a gold entity as a false negative only, and a NIL prediction where there is no gold
//!   not at all (`Case::_get_linking_eval_type` in ELEVANT's `case.py`); so an UNKNOWN
//!   prediction never agrees with gold (it costs typed recall) and never counts among the
//!   typed predictions (it costs no typed precision). Mention scores count it like any
//!   other prediction: it is a mention of a known entity (a link target), only its type is
//!   not known. [`EntityScores::typed_strict`] gives the stricter count, where an UNKNOWN
//!   prediction is also a typed false positive.
//!
//! Gold types map to labels as Person/Fictional character -> PERSON, Geographic entity/
//! Fictional location -> PLACE, Organization -> ORG, Creative work -> WORK, Event -> EVENT,
//! every other whitelisted type (product, taxon, languoid, position, ...) -> MISC. A
//! prediction's type is that of the entity it names, as ELEVANT types its predicted
//! entity: a DEMONYM names its country (its id), so it is a PLACE here.
//!
//! ```
//! use wikianno::eval::{parse_wikifair_line, score_entities};
//! use wikianno::{Label, Span};
//!
//! let line = r#"{"title": "T", "text": "T\n\nAda met Bob in Rome.", "evaluation_span": [3, 22],
//!   "hyperlinks": [[[7, 10], "Bob Smith"]],
//!   "labels": [{"id": 0, "span": [3, 6], "entity_id": "Q1", "type": "Q215627"},
//!              {"id": 1, "span": [7, 10], "entity_id": "Q2", "type": "Q215627"},
//!              {"id": 2, "span": [14, 18], "entity_id": "Q3", "type": "Q27096213"}]}"#;
//! let doc = parse_wikifair_line(line).unwrap();
//! assert_eq!(doc.links[0].1, "Bob Smith");
//! let predicted = [(Span::new(7, 10), Label::Person), (Span::new(14, 18), Label::Unknown)];
//! let s = score_entities(&doc, &predicted);
//! assert_eq!((s.gold, s.predicted, s.span_hits, s.typed_hits), (3, 2, 2, 1));
//! // Rome's unknown type costs typed recall, not typed precision.
//! assert_eq!(s.typed_predicted, 1);
//! assert_eq!((s.typed().precision, s.typed_strict().precision), (1.0, 0.5));
//! ```

use std::collections::HashMap;

use serde::Deserialize;

use super::score::{ratio, Prf};
use crate::{gazetteer::Label, span::Span};

/// One Wiki-Fair article, offsets converted to bytes of `text`.
#[derive(Clone, Debug)]
pub struct WikiFairDoc {
    /// The article title.
    pub title: String,
    /// The plain article text (its first line is the title).
    pub text: String,
    /// The article's own links: anchor span and target title.
    pub links: Vec<(Span, String)>,
    /// The scored part of the text.
    pub evaluation_span: Span,
    /// Every gold label, in file order.
    pub labels: Vec<GoldEntity>,
}

/// One gold label of a Wiki-Fair article.
#[derive(Clone, Debug)]
pub struct GoldEntity {
    /// Where, in bytes.
    pub span: Span,
    /// Coarse labels any of which agrees (empty: untyped, any type agrees).
    pub types: Vec<Label>,
    /// True for coreference mentions, dates, quantities and optional labels.
    pub neutral: bool,
    /// Index (in `labels`) of the enclosing name, if any.
    pub parent: Option<usize>,
    /// True when the label has children (nested names).
    pub has_children: bool,
}

#[derive(Deserialize)]
struct RawDoc {
    title: String,
    text: String,
    #[serde(default)]
    hyperlinks: Vec<((usize, usize), String)>,
    evaluation_span: (usize, usize),
    labels: Vec<RawLabel>,
}

#[derive(Deserialize)]
struct RawLabel {
    id: usize,
    span: (usize, usize),
    entity_id: String,
    #[serde(rename = "type", default)]
    types: String,
    #[serde(default)]
    parent: Option<usize>,
    #[serde(default)]
    children: Vec<usize>,
    #[serde(default)]
    optional: bool,
}

/// The coarse label of a Wiki-Fair (Wikidata) coarse type, `None` for `OTHER`.
fn label_of_type(qid: &str) -> Option<Label> {
    Some(match qid {
        "Q215627" | "Q95074" => Label::Person,
        "Q27096213" | "Q3895768" => Label::Place,
        "Q43229" => Label::Org,
        "Q17537576" => Label::Work,
        "Q1656682" => Label::Event,
        "OTHER" | "" => return None,
        _ => Label::Misc,
    })
}

/// Pronouns that make a mention a coreference (ELEVANT's test on mention text).
const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// Determiners and possessives that open a nominal coreference ("the ship", "his wife").
const COREF_PREFIXES: &[&str] = &[
    "the ", "that ", "this ", "these ", "those ", "my ", "your ", "his ", "her ", "its ", "our ",
    "their ",
];

/// True when a mention's text is a pronoun or a nominal reference (a determiner followed
/// by a word that does not start with a capital).
pub fn is_coreference(mention: &str) -> bool {
    let lower = mention.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return true;
    }
    COREF_PREFIXES.iter().any(|p| {
        lower.starts_with(p)
            && mention
                .get(p.len()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| !c.is_uppercase())
    })
}

/// Parse one line of `wiki-fair.benchmark.jsonl`.
pub fn parse_wikifair_line(line: &str) -> Result<WikiFairDoc, String> {
    let raw: RawDoc = serde_json::from_str(line).map_err(|e| e.to_string())?;
    // Code point -> byte offset, with one entry past the end.
    let bytes: Vec<usize> =
        raw.text.char_indices().map(|(b, _)| b).chain(std::iter::once(raw.text.len())).collect();
    let span = |(s, e): (usize, usize)| -> Result<Span, String> {
        match (bytes.get(s), bytes.get(e)) {
            (Some(&s), Some(&e)) if s <= e => Ok(Span::new(s, e)),
            _ => Err(format!("span [{s}, {e}] is outside the text of {:?}", raw.title)),
        }
    };
    let links = raw
        .hyperlinks
        .iter()
        .map(|(s, target)| Ok((span(*s)?, target.clone())))
        .collect::<Result<Vec<_>, String>>()?;
    let index_of: HashMap<usize, usize> =
        raw.labels.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
    let mut labels = Vec::with_capacity(raw.labels.len());
    for l in &raw.labels {
        let span = span(l.span)?;
        let is_value = matches!(l.entity_id.as_str(), "DATETIME" | "QUANTITY");
        let mut types: Vec<Label> = l.types.split('|').filter_map(label_of_type).collect();
        types.dedup();
        labels.push(GoldEntity {
            span,
            types,
            neutral: is_value || l.optional || is_coreference(span.slice(&raw.text)),
            parent: l.parent.and_then(|p| index_of.get(&p).copied()),
            has_children: !l.children.is_empty(),
        });
    }
    let evaluation_span = span(raw.evaluation_span)?;
    Ok(WikiFairDoc { title: raw.title, evaluation_span, text: raw.text, links, labels })
}

/// Mention counts; add them up over documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityScores {
    /// Gold mentions counted.
    pub gold: usize,
    /// Predictions counted (neutral matches and predictions outside the span left out).
    pub predicted: usize,
    /// Predictions with exactly a gold span.
    pub span_hits: usize,
    /// Of those, predictions whose type agrees.
    pub typed_hits: usize,
    /// Counted predictions whose type is known (not [`Label::Unknown`]): the typed
    /// precision's denominator (see the module doc).
    pub typed_predicted: usize,
    /// Gold mentions missed, predictions with no gold span, wrong types (for error analysis):
    /// `(kind, text, predicted label, gold labels)`.
    pub errors: Vec<EntityError>,
}

/// One scoring error, for `--errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityError {
    /// `miss`, `spurious` or `type`.
    pub kind: &'static str,
    /// The document's title (Wiki-Fair), empty where the data has none (wikigold).
    pub doc: String,
    /// Where, in bytes of the document's text.
    pub span: Span,
    /// The mention text.
    pub text: String,
    /// The predicted label, if any.
    pub predicted: Option<Label>,
    /// The gold labels (empty for spurious or untyped gold).
    pub gold: Vec<Label>,
}

fn prf(hits: usize, predicted: usize, gold: usize) -> Prf {
    Prf::new(ratio(hits, predicted), ratio(hits, gold))
}

impl EntityScores {
    /// Add another document's counts.
    pub fn add(&mut self, other: &EntityScores) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.span_hits += other.span_hits;
        self.typed_hits += other.typed_hits;
        self.typed_predicted += other.typed_predicted;
        self.errors.extend(other.errors.iter().cloned());
    }

    /// Exact-span mention scores.
    pub fn mentions(&self) -> Prf {
        prf(self.span_hits, self.predicted, self.gold)
    }

    /// Exact span and agreeing type; UNKNOWN predictions cost recall only (see the module
    /// doc).
    pub fn typed(&self) -> Prf {
        prf(self.typed_hits, self.typed_predicted, self.gold)
    }

    /// Exact span and agreeing type, every UNKNOWN prediction also a false positive.
    pub fn typed_strict(&self) -> Prf {
        prf(self.typed_hits, self.predicted, self.gold)
    }
}

fn agrees(gold: &[Label], predicted: Label) -> bool {
    predicted.is_known() && (gold.is_empty() || gold.contains(&entity_type(predicted)))
}

/// The coarse type of the entity a prediction names, the type ELEVANT compares (it types
/// the predicted entity, not the mention): a demonym's id is its country or region
/// ("American" -> United_States, gazetteers/demonyms.tsv), a place; every other label is
/// its own coarse type. (CoNLL, which types mentions, keeps nationality words MISC:
/// [`score_conll`].)
fn entity_type(predicted: Label) -> Label {
    match predicted {
        Label::Demonym => Label::Place,
        other => other.coarse(),
    }
}

/// Score `predicted` (byte spans of `doc.text` with their labels) on one Wiki-Fair article.
pub fn score_entities(doc: &WikiFairDoc, predicted: &[(Span, Label)]) -> EntityScores {
    let eval = doc.evaluation_span;
    let inside = |s: Span| s.start >= eval.start && s.end <= eval.end;
    let found = |s: Span| predicted.iter().find(|(p, _)| *p == s).map(|&(_, l)| l);
    // Which labels count: neutral ones never; of a parent and its children, the
    // alternative with more exact matches (the parent on a tie).
    let mut counted: Vec<bool> = doc.labels.iter().map(|g| !g.neutral && inside(g.span)).collect();
    for (i, g) in doc.labels.iter().enumerate() {
        if !g.has_children {
            continue;
        }
        let children: Vec<usize> = (0..doc.labels.len())
            .filter(|&c| doc.labels[c].parent == Some(i) && counted[c])
            .collect();
        let child_hits = children.iter().filter(|&&c| found(doc.labels[c].span).is_some()).count();
        let parent_hit = usize::from(counted[i] && found(g.span).is_some());
        if child_hits > parent_hit {
            counted[i] = false;
        } else {
            for c in children {
                counted[c] = false;
            }
        }
    }
    let mut s = EntityScores::default();
    let error = |kind, span: Span, predicted, gold: &[Label]| EntityError {
        kind,
        doc: doc.title.clone(),
        span,
        text: span.slice(&doc.text).to_string(),
        predicted,
        gold: gold.to_vec(),
    };
    for (g, _) in doc.labels.iter().zip(&counted).filter(|(_, &c)| c) {
        s.gold += 1;
        match found(g.span) {
            None => s.errors.push(error("miss", g.span, None, &g.types)),
            Some(label) => {
                s.span_hits += 1;
                if agrees(&g.types, label) {
                    s.typed_hits += 1;
                } else {
                    s.errors.push(error("type", g.span, Some(label), &g.types));
                }
            }
        }
    }
    for &(span, label) in predicted.iter().filter(|(p, _)| inside(*p)) {
        let gold_here: Vec<usize> =
            (0..doc.labels.len()).filter(|&i| doc.labels[i].span == span).collect();
        let counts = gold_here.iter().any(|&i| counted[i]);
        if !counts && gold_here.is_empty() {
            s.errors.push(error("spurious", span, Some(label), &[]));
        }
        // Else, with no counted gold label there, the span is neutral gold: not counted.
        if counts || gold_here.is_empty() {
            s.predicted += 1;
            s.typed_predicted += usize::from(label.is_known());
        }
    }
    s
}

/// One wikigold document: tokens joined by single spaces, gold mentions as byte spans.
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    /// The tokens joined with spaces.
    pub text: String,
    /// Gold mentions: runs of equal `I-` tags, with their CoNLL type mapped to a label
    /// (PER -> PERSON, LOC -> PLACE, ORG -> ORG, MISC -> MISC).
    pub gold: Vec<(Span, Label)>,
}

/// Parse a CoNLL file with IO tags (`token TAG` lines, `-DOCSTART-` between documents).
pub fn parse_conll_io(data: &str) -> Vec<ConllDoc> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    for line in data.lines() {
        let Some((token, tag)) = line.rsplit_once(' ') else { continue };
        if token == "-DOCSTART-" || docs.is_empty() {
            docs.push(ConllDoc::default());
            if token == "-DOCSTART-" {
                continue;
            }
        }
        let Some(doc) = docs.last_mut() else { continue };
        if !doc.text.is_empty() {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(token);
        let label = match tag.strip_prefix("I-").or_else(|| tag.strip_prefix("B-")) {
            Some("PER") => Some(Label::Person),
            Some("LOC") => Some(Label::Place),
            Some("ORG") => Some(Label::Org),
            Some(_) => Some(Label::Misc),
            None => None,
        };
        match (label, doc.gold.last_mut()) {
            // The same type right after the previous token continues the run (IO scheme).
            (Some(l), Some((span, last))) if *last == l && span.end + 1 == start => {
                span.end = doc.text.len()
            }
            (Some(l), _) => doc.gold.push((Span::new(start, doc.text.len()), l)),
            _ => {}
        }
    }
    docs
}

/// Score predictions on one CoNLL document: exact spans, and CoNLL types for typed scores
/// (every label but PERSON, PLACE and ORG, unknown included, is MISC there).
pub fn score_conll(doc: &ConllDoc, predicted: &[(Span, Label)]) -> EntityScores {
    let conll = |l: Label| match l.coarse() {
        Label::Person | Label::Place | Label::Org => l.coarse(),
        _ => Label::Misc,
    };
    let mut s = EntityScores {
        gold: doc.gold.len(),
        predicted: predicted.len(),
        // CoNLL has no unknown type: an UNKNOWN prediction is MISC there, a typed claim.
        typed_predicted: predicted.len(),
        ..Default::default()
    };
    let error = |kind, span: Span, predicted, gold: Option<Label>| EntityError {
        kind,
        doc: String::new(),
        span,
        text: span.slice(&doc.text).to_string(),
        predicted,
        gold: gold.into_iter().collect(),
    };
    for &(span, label) in predicted {
        match doc.gold.iter().find(|(g, _)| *g == span) {
            Some(&(_, gold)) => {
                s.span_hits += 1;
                if conll(label) == gold {
                    s.typed_hits += 1;
                } else {
                    s.errors.push(error("type", span, Some(label), Some(gold)));
                }
            }
            None => s.errors.push(error("spurious", span, Some(label), None)),
        }
    }
    for &(span, gold) in &doc.gold {
        if !predicted.iter().any(|(p, _)| *p == span) {
            s.errors.push(error("miss", span, None, Some(gold)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coreference_is_pronouns_and_nominals() {
        for (text, coref) in [
            ("He", true),
            ("the piece", true),
            ("The Beatles", false),
            ("his wife", true),
            ("Louis", false),
            ("theatre", false),
        ] {
            assert_eq!(is_coreference(text), coref, "{text}");
        }
    }

    #[test]
    fn parent_or_children_and_neutral_labels() {
        let line = r#"{"title": "T", "text": "Louis VIII, Landgrave of Hesse met him.", "evaluation_span": [0, 39],
          "labels": [{"id": 0, "span": [0, 30], "entity_id": "Q1", "type": "Q215627", "children": [1, 2]},
                     {"id": 1, "span": [0, 10], "entity_id": "Q1", "type": "Q215627", "parent": 0},
                     {"id": 2, "span": [25, 30], "entity_id": "Q2", "type": "Q27096213", "parent": 0},
                     {"id": 3, "span": [35, 38], "entity_id": "Q1", "type": "Q215627"},
                     {"id": 4, "span": [12, 21], "entity_id": "Q3", "type": "Q4164871", "optional": true}]}"#;
        let doc = parse_wikifair_line(line).unwrap();
        let children = [(Span::new(0, 10), Label::Person), (Span::new(25, 30), Label::Place)];
        let s = score_entities(&doc, &children);
        assert_eq!((s.gold, s.predicted, s.span_hits, s.typed_hits), (2, 2, 2, 2));
        let parent = [(Span::new(0, 30), Label::Person), (Span::new(12, 21), Label::Misc)];
        let s = score_entities(&doc, &parent);
        assert_eq!((s.gold, s.predicted, s.span_hits, s.typed_hits), (1, 1, 1, 1));
        assert!(score_entities(&doc, &[]).gold == 1);
    }

    #[test]
    fn a_demonym_is_typed_as_its_country_on_wikifair_and_misc_on_conll() {
        let line = r#"{"title": "T", "text": "An American army.", "evaluation_span": [0, 17],
          "labels": [{"id": 0, "span": [3, 11], "entity_id": "Q30", "type": "Q27096213|Q43229"}]}"#;
        let doc = parse_wikifair_line(line).unwrap();
        let s = score_entities(&doc, &[(Span::new(3, 11), Label::Demonym)]);
        assert_eq!((s.span_hits, s.typed_hits), (1, 1));
        let docs = parse_conll_io("-DOCSTART- O\n\nAn O\nAmerican I-MISC\narmy O\n");
        let s = score_conll(&docs[0], &[(Span::new(3, 11), Label::Demonym)]);
        assert_eq!((s.span_hits, s.typed_hits), (1, 1));
    }

    #[test]
    fn conll_runs_are_mentions() {
        let docs = parse_conll_io(
            "-DOCSTART- O\n\nAda I-PER\nLovelace I-PER\nvisited O\nNew I-LOC\nYork I-LOC\n",
        );
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Ada Lovelace visited New York");
        assert_eq!(
            d.gold,
            vec![(Span::new(0, 12), Label::Person), (Span::new(21, 29), Label::Place)]
        );
        let s = score_conll(d, &[(Span::new(21, 29), Label::Ship)]);
        assert_eq!((s.span_hits, s.typed_hits), (1, 0));
    }
}
