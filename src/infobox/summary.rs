//! Dump-level figures over many validated articles: per template (items, share
//! checked, verdict counts), coverage per value family (date, entity, number), and
//! the contradicted facts with their evidence.

use std::collections::BTreeMap;

use super::Status;
use crate::pipeline::AnnotatedArticle;

/// The statuses in report order.
pub const STATUSES: [Status; 4] =
    [Status::Supported, Status::Unsupported, Status::Contradicted, Status::Unchecked];

/// The value families the coverage figures count.
pub const FAMILIES: [&str; 3] = ["date", "entity", "number"];

/// Verdict counts of one template (or one value family).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Checks per status, in [`STATUSES`] order.
    pub counts: [usize; 4],
    /// Checks on date-, entity- or number-valued items.
    pub counted: usize,
    /// Of those, the ones with a verdict other than `unchecked`.
    pub counted_checked: usize,
}

impl Tally {
    /// All checks.
    pub fn items(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Share of the counted (date, entity, number) items that got a verdict; 1 when
    /// there is none.
    pub fn coverage(&self) -> f64 {
        if self.counted == 0 {
            1.0
        } else {
            self.counted_checked as f64 / self.counted as f64
        }
    }

    fn add(&mut self, status: Status, counted: bool) {
        self.counts[STATUSES.iter().position(|s| *s == status).unwrap_or(3)] += 1;
        if counted {
            self.counted += 1;
            self.counted_checked += usize::from(status != Status::Unchecked);
        }
    }
}

/// A contradicted infobox fact and the body text against it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContradictedFact {
    /// The article title.
    pub article: String,
    /// The template name (`(none)` for an infobox without one).
    pub template: String,
    /// The field key.
    pub field: String,
    /// The item.
    pub value: String,
    /// The evidence texts.
    pub evidence: Vec<String>,
    /// The check's message.
    pub message: String,
}

/// Figures over a run of validated articles.
#[derive(Clone, Debug, Default)]
pub struct ValidationSummary {
    /// Articles seen.
    pub articles: usize,
    /// Articles with an infobox.
    pub with_infobox: usize,
    /// All checks.
    pub total: Tally,
    /// Per template name (lower case).
    pub templates: BTreeMap<String, Tally>,
    /// Per value family ([`FAMILIES`]).
    pub families: BTreeMap<&'static str, Tally>,
    /// The contradicted facts (sorted by article, template, field and value after
    /// [`ValidationSummary::finish`]).
    pub contradicted: Vec<ContradictedFact>,
}

impl ValidationSummary {
    /// Sort the contradicted facts; call once, after the last article.
    pub fn finish(&mut self) {
        self.contradicted.sort();
    }

    /// Count `article`'s checks.
    pub fn add(&mut self, article: &AnnotatedArticle) {
        self.articles += 1;
        let Some(report) = &article.infobox else { return };
        self.with_infobox += 1;
        let template = article
            .article
            .infobox
            .as_ref()
            .and_then(|b| b.template.as_deref())
            .map_or_else(|| "(none)".to_string(), |t| t.trim().to_lowercase());
        let text = &article.article.text;
        for check in &report.checks {
            let family = check.value_kind.and_then(|k| k.family());
            self.total.add(check.status, family.is_some());
            self.templates.entry(template.clone()).or_default().add(check.status, family.is_some());
            if let Some(family) = family {
                self.families.entry(family).or_default().add(check.status, true);
            }
            if check.status == Status::Contradicted {
                let fact = ContradictedFact {
                    article: article.article.title.clone(),
                    template: template.clone(),
                    field: check.field.clone(),
                    value: check.value.clone(),
                    evidence: check.evidence.iter().map(|e| e.slice(text).to_string()).collect(),
                    message: check.message.clone(),
                };
                self.contradicted.push(fact);
            }
        }
    }
}
