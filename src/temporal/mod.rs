//! Temporal expressions: date regexes and TIMEX3 normalization.

use crate::{article::Article, span::Span};

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period (`1865-02-28`, `1865`, `186`).
    Date,
    /// A time of day (`1866-02-07TAF`).
    Time,
    /// A length of time (`PT6H`).
    Duration,
    /// A recurrence (`every year`).
    Set,
}

impl TimexType {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Where, in bytes of the article text.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 / ISO 8601 value.
    pub value: String,
    /// TIMEX3 modifier: START, MID, END, APPROX, BEFORE, AFTER, ...
    pub modifier: Option<&'static str>,
    /// The span of the date this value took its reference from, if any.
    pub anchor: Option<Span>,
}

/// Finds and normalizes temporal expressions. Build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct TemporalTagger {}

impl TemporalTagger {
    /// A tagger in narrative mode (wiki articles).
    pub fn new() -> TemporalTagger {
        TemporalTagger {}
    }

    /// Every temporal expression of `article`, in text order.
    pub fn tag_article(&self, _article: &Article) -> Vec<Timex> {
        Vec::new()
    }
}
