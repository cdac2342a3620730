//! Event frames: trigger, type, sentence, date, place and participants.
//!
//! Sentences come from [`crate::sentences`]; triggers from the embedded lexicon
//! (`gazetteers/lexicon/event_triggers.tsv`); dates, places and participants from
//! the entity and timex stages. See [`EventExtractor`] for the rules.

mod clauses;
mod event_type;
mod frames;
mod mentions;
mod triggers;

use crate::gazetteer::Label;
use std::sync::Arc;

use crate::span::Span;

pub use event_type::{EventType, UnknownEventType};
pub(crate) use frames::governed_by_locative;
pub use frames::EventExtractor;
pub use mentions::{Aspect, EventClass, EventMention, MentionTagger, Tense};
pub use triggers::{Modality, Trigger};

/// An event found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Event {
    /// The trigger word or phrase.
    pub trigger: Span,
    /// What kind of event.
    pub kind: EventType,
    /// The sentence holding the trigger.
    pub sentence: Span,
    /// When, if known.
    pub date: Option<EventDate>,
    /// Where, if known.
    pub place: Option<Participant>,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// Asserted, or marked negated or hypothetical ("refused to go to war").
    pub modality: Modality,
}

impl Event {
    /// An asserted event with no date, place or participants yet (set them on the result).
    pub fn new(kind: EventType, trigger: Span, sentence: Span) -> Event {
        Event {
            trigger,
            kind,
            sentence,
            date: None,
            place: None,
            participants: Vec::new(),
            modality: Modality::default(),
        }
    }
}

/// An event's date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventDate {
    /// TIMEX3 value.
    pub value: crate::temporal::TimexValue,
    /// The timex that gave it.
    pub span: Span,
    /// True when carried from an earlier sentence.
    pub inherited: bool,
}

impl EventDate {
    /// The date `value`, given by the timex at `span`; `inherited` when carried from an
    /// earlier sentence.
    pub fn new(value: crate::temporal::TimexValue, span: Span, inherited: bool) -> EventDate {
        EventDate { value, span, inherited }
    }
}

/// An entity taking part in an event (or its place).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Participant {
    /// The mention.
    pub span: Span,
    /// Entity id.
    pub id: Arc<str>,
    /// Entity label.
    pub label: Label,
    /// `agent`, `patient`, ... when a pattern tells.
    pub role: Option<&'static str>,
}

impl Participant {
    /// The mention at `span` of the entity `id`, with no role.
    pub fn new(span: Span, id: impl Into<Arc<str>>, label: Label) -> Participant {
        Participant { span, id: id.into(), label, role: None }
    }
}
