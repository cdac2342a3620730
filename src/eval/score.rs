//! TempEval-3 entity scoring: strict (same span) and relaxed (overlapping span)
//! precision and recall, and type and value accuracy on the relaxed matches.

use super::timeml::TimemlDocument;
use crate::{
    span::Span,
    temporal::{Timex, TimexValue},
};

/// Span agreement of one document, or of several added together: the part of TempEval-3's
/// scoring that timexes and event mentions share.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Gold spans.
    pub gold: usize,
    /// System spans.
    pub system: usize,
    /// Gold spans with a system span exactly the same.
    pub strict_gold: usize,
    /// System spans with a gold span exactly the same.
    pub strict_system: usize,
    /// Gold spans overlapped by a system span.
    pub relaxed_gold: usize,
    /// System spans overlapping a gold span.
    pub relaxed_system: usize,
}

impl SpanCounts {
    /// Exact-span P/R/F1.
    pub fn strict(&self) -> Prf {
        prf(self.strict_system, self.system, self.strict_gold, self.gold)
    }

    /// Overlapping-span P/R/F1.
    pub fn relaxed(&self) -> Prf {
        prf(self.relaxed_system, self.system, self.relaxed_gold, self.gold)
    }

    /// The counts and both P/R/F1 triples as columns of a score table ("gold sys  strict
    /// P R F1  relaxed P R F1"), as the `eval-*` commands print them.
    pub fn columns(&self) -> String {
        let (strict, relaxed) = (self.strict(), self.relaxed());
        format!(
            "{:>5} {:>5}  {:.3} {:.3} {:.3}  {:.3} {:.3} {:.3}",
            self.gold,
            self.system,
            strict.precision,
            strict.recall,
            strict.f1,
            relaxed.precision,
            relaxed.recall,
            relaxed.f1
        )
    }

    pub(super) fn add(&mut self, other: &SpanCounts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict_gold += other.strict_gold;
        self.strict_system += other.strict_system;
        self.relaxed_gold += other.relaxed_gold;
        self.relaxed_system += other.relaxed_system;
    }
}

/// How one document's system spans meet its gold spans.
pub(super) struct SpanMatch {
    pub counts: SpanCounts,
    /// Per system span: the first gold span it overlaps, and whether some gold span is
    /// exactly the same.
    pub overlapped: Vec<Option<(usize, bool)>>,
    /// Per gold span: the system span it is scored against: the exactly same one, else
    /// the first overlapping one.
    pub matched: Vec<Option<usize>>,
}

/// Match `system` spans against `gold` spans (either in any order). Quadratic in the
/// spans of one document, which evaluation data keeps small.
pub(super) fn match_spans(gold: &[Span], system: &[Span]) -> SpanMatch {
    let mut counts = SpanCounts { gold: gold.len(), system: system.len(), ..SpanCounts::default() };
    let overlapped: Vec<Option<(usize, bool)>> = system
        .iter()
        .map(|&t| {
            let exact = gold.contains(&t);
            counts.strict_system += usize::from(exact);
            let first = gold.iter().position(|g| g.overlaps(t))?;
            counts.relaxed_system += 1;
            Some((first, exact))
        })
        .collect();
    let matched: Vec<Option<usize>> = gold
        .iter()
        .map(|&g| {
            let exact = system.iter().position(|&t| t == g);
            counts.strict_gold += usize::from(exact.is_some());
            let found = exact.or_else(|| system.iter().position(|t| t.overlaps(g)))?;
            counts.relaxed_gold += 1;
            Some(found)
        })
        .collect();
    SpanMatch { counts, overlapped, matched }
}

/// Match counts of timexes, one document or several added together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Gold and system timexes and how their spans agree.
    pub spans: SpanCounts,
    /// Relaxed matches whose type agrees.
    pub type_correct: usize,
    /// Relaxed matches whose value agrees.
    pub value_correct: usize,
    /// One line per miss, spurious timex and wrong value or type, for error analysis.
    pub errors: Vec<String>,
}

/// Precision, recall and their harmonic mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn prf(matched_system: usize, system: usize, matched_gold: usize, gold: usize) -> Prf {
    Prf::new(ratio(matched_system, system), ratio(matched_gold, gold))
}

impl Prf {
    /// Precision and recall with their harmonic mean (0 when both are 0).
    pub(super) fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf { precision, recall, f1 }
    }
}

impl Scores {
    /// Type accuracy on the relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.spans.relaxed_gold)
    }

    /// Value accuracy on the relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.spans.relaxed_gold)
    }

    /// TempEval-3's headline figure: relaxed F1 x value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.spans.relaxed().f1 * self.value_accuracy()
    }

    /// Add another document's counts (errors included).
    pub fn add(&mut self, other: &Scores) {
        self.spans.add(&other.spans);
        self.type_correct += other.type_correct;
        self.value_correct += other.value_correct;
        self.errors.extend(other.errors.iter().cloned());
    }
}

/// The timexes as TimeML annotates them: a range becomes its two ends.
pub fn timeml_view(timexes: &[Timex]) -> Vec<&Timex> {
    timexes
        .iter()
        .flat_map(|t| {
            if matches!(t.value, TimexValue::Range(..)) && t.parts.len() == 2 {
                t.parts.iter().collect()
            } else {
                vec![t]
            }
        })
        .collect()
}

/// Score `predicted` (the tagger's output on `doc.text`) against `doc`'s gold timexes.
pub fn score_document(doc: &TimemlDocument, predicted: &[Timex]) -> Scores {
    let system: Vec<&Timex> = timeml_view(predicted)
        .into_iter()
        .filter(|t| !doc.ignored.iter().any(|i| i.overlaps(t.span)))
        .collect();
    let text = doc.text.as_str();
    let gold_spans: Vec<Span> = doc.timexes.iter().map(|g| g.span).collect();
    let system_spans: Vec<Span> = system.iter().map(|t| t.span).collect();
    let found = match_spans(&gold_spans, &system_spans);
    let mut s = Scores { spans: found.counts, ..Scores::default() };
    for (t, overlapped) in system.iter().zip(&found.overlapped) {
        if overlapped.is_none() {
            s.errors.push(format!(
                "{}\tSPURIOUS\t{:?}\t{} {}",
                doc.name,
                t.span.slice(text),
                t.kind.as_str(),
                t.value
            ));
        }
    }
    for (g, matched) in doc.timexes.iter().zip(&found.matched) {
        let Some(t) = matched.map(|i| system[i]) else {
            s.errors.push(format!(
                "{}\tMISSED\t{:?}\t{} {}",
                doc.name,
                g.span.slice(text),
                g.kind,
                g.value
            ));
            continue;
        };
        let type_ok = t.kind.as_str() == g.kind;
        let value_ok = t.value == g.value.as_str();
        s.type_correct += usize::from(type_ok);
        s.value_correct += usize::from(value_ok);
        if !value_ok || !type_ok {
            s.errors.push(format!(
                "{}\tVALUE\t{:?} {} {}\tgot {:?} {} {}",
                doc.name,
                g.span.slice(text),
                g.kind,
                g.value,
                t.span.slice(text),
                t.kind.as_str(),
                t.value
            ));
        } else if t.span != g.span {
            s.errors.push(format!(
                "{}\tEXTENT\t{:?}\tgot {:?}",
                doc.name,
                g.span.slice(text),
                t.span.slice(text)
            ));
        }
    }
    s
}
