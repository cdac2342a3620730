//! Event frames: trigger, type, sentence, date, place and participants.

use std::sync::Arc;

use crate::{article::Article, gazetteer::EntityMention, span::Span, temporal::Timex};

/// An event found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The trigger word or phrase.
    pub trigger: Span,
    /// Uppercase event type: SEIZURE, TREATY, UPRISING, ...
    pub kind: &'static str,
    /// The sentence holding the trigger.
    pub sentence: Span,
    /// When, if known.
    pub date: Option<EventDate>,
    /// Where, if known.
    pub place: Option<Participant>,
    /// Who took part.
    pub participants: Vec<Participant>,
}

/// An event's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// TIMEX3 value.
    pub value: String,
    /// The timex that gave it.
    pub span: Span,
    /// True when carried from an earlier sentence.
    pub inherited: bool,
}

/// An entity taking part in an event (or its place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// The mention.
    pub span: Span,
    /// Entity id.
    pub id: Arc<str>,
    /// Entity label.
    pub label: Arc<str>,
    /// `agent`, `patient`, ... when a pattern tells.
    pub role: Option<&'static str>,
}

/// Extracts event frames. Build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct EventExtractor {}

impl EventExtractor {
    /// The extractor with the shipped trigger lexicon.
    pub fn new() -> EventExtractor {
        EventExtractor {}
    }

    /// Events of `article`, in text order.
    pub fn extract(&self, _article: &Article, _entities: &[EntityMention], _timexes: &[Timex]) -> Vec<Event> {
        Vec::new()
    }
}
