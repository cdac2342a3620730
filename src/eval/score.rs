//! TempEval-3 entity scoring: strict (same span) and relaxed (overlapping span)
//! precision and recall, and type and value accuracy on the relaxed matches.

use super::timeml::TimemlDocument;
use crate::temporal::{Timex, TimexValue};

/// Match counts of one document, or of several added together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Gold timexes with a system timex of exactly the same span.
    pub strict_gold: usize,
    /// System timexes with a gold timex of exactly the same span.
    pub strict_system: usize,
    /// Gold timexes overlapped by a system timex.
    pub relaxed_gold: usize,
    /// System timexes overlapping a gold timex.
    pub relaxed_system: usize,
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
    /// Exact-span P/R/F1.
    pub fn strict(&self) -> Prf {
        prf(self.strict_system, self.system, self.strict_gold, self.gold)
    }

    /// Overlapping-span P/R/F1.
    pub fn relaxed(&self) -> Prf {
        prf(self.relaxed_system, self.system, self.relaxed_gold, self.gold)
    }

    /// Type accuracy on the relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.relaxed_gold)
    }

    /// Value accuracy on the relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed_gold)
    }

    /// TempEval-3's headline figure: relaxed F1 x value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.relaxed().f1 * self.value_accuracy()
    }

    /// Add another document's counts (errors included).
    pub fn add(&mut self, other: &Scores) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict_gold += other.strict_gold;
        self.strict_system += other.strict_system;
        self.relaxed_gold += other.relaxed_gold;
        self.relaxed_system += other.relaxed_system;
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
    let mut s = Scores { gold: doc.timexes.len(), system: system.len(), ..Scores::default() };
    for t in &system {
        if doc.timexes.iter().any(|g| g.span == t.span) {
            s.strict_system += 1;
        }
        if doc.timexes.iter().any(|g| g.span.overlaps(t.span)) {
            s.relaxed_system += 1;
        } else {
            s.errors.push(format!(
                "{}\tSPURIOUS\t{:?}\t{} {}",
                doc.name,
                t.span.slice(text),
                t.kind.as_str(),
                t.value
            ));
        }
    }
    for g in &doc.timexes {
        if system.iter().any(|t| t.span == g.span) {
            s.strict_gold += 1;
        }
        // Prefer the exact-span system timex, else the first overlapping one.
        let Some(t) = system
            .iter()
            .find(|t| t.span == g.span)
            .or_else(|| system.iter().find(|t| t.span.overlaps(g.span)))
        else {
            s.errors.push(format!(
                "{}\tMISSED\t{:?}\t{} {}",
                doc.name,
                g.span.slice(text),
                g.kind,
                g.value
            ));
            continue;
        };
        s.relaxed_gold += 1;
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
