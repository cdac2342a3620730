//! Declarative schemas: which rule checks which key role, per infobox kind.
//!
//! What a key means is the article's key table ([`KeyRole`]); a schema only says how an
//! item of that role is checked for one [`InfoboxKind`]. Adding a field to a kind is one
//! row here, never new code.

use crate::{
    article::{InfoboxKind, KeyRole},
    events::EventType,
};

/// How a field's value is split and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// A period whose ends must fall on dated body events (a conflict's Date).
    EventRange,
    /// A period whose ends must match body dates or events (a term of office).
    Tenure,
    /// A single date, backed by a body date; contradicted by an event of these types
    /// dated elsewhere (Signed <- TREATY).
    Date(&'static [EventType]),
    /// A date followed by places ("18 December 1826, Huánuco, Peru"); the date is
    /// checked as [`Rule::Date`] with these event types.
    DateThenPlaces(&'static [EventType]),
    /// Where events happened: a mention after a locative preposition, or an event's place.
    EventPlaces,
    /// Places named anywhere in the body (or by their demonym).
    Places,
    /// People, named in full or by surname.
    Persons,
    /// Sides and parties: a mention, a demonym, or all content words of the name.
    Parties,
    /// An outcome, backed by events of a fitting type.
    Result,
    /// A title or office: its words in the body.
    Title,
    /// No per-template rule: the item is checked by what its value is (a date, an
    /// entity, a number; see `facts`).
    ByValue,
    /// Nothing to check.
    Unchecked,
}

/// The rule for an item of `role` in an infobox of `kind` (unknown pairs are unchecked).
pub(crate) fn rule(kind: InfoboxKind, role: KeyRole) -> Rule {
    use KeyRole as K;
    match (kind, role) {
        (InfoboxKind::Conflict, K::Date) => Rule::EventRange,
        (InfoboxKind::Conflict, K::Place) => Rule::EventPlaces,
        (InfoboxKind::Conflict, K::Result) => Rule::Result,
        (InfoboxKind::Conflict, K::Combatant) => Rule::Parties,
        (InfoboxKind::Conflict, K::Commander) => Rule::Persons,
        (InfoboxKind::Person, K::Born) => Rule::DateThenPlaces(&[EventType::Birth]),
        (InfoboxKind::Person, K::Died) => Rule::DateThenPlaces(&[EventType::Death]),
        (InfoboxKind::Person, K::Office | K::Rank) => Rule::Title,
        (InfoboxKind::Person, K::Term) => Rule::Tenure,
        (InfoboxKind::Person, K::Predecessor | K::Successor | K::Spouse) => Rule::Persons,
        (InfoboxKind::Person, K::Party | K::Allegiance) => Rule::Parties,
        (InfoboxKind::Person, K::Nationality) => Rule::Places,
        (InfoboxKind::Treaty, K::Signed) => Rule::Date(&[EventType::Treaty]),
        (InfoboxKind::Treaty, K::Place) => Rule::EventPlaces,
        (InfoboxKind::Treaty, K::Signatory) => Rule::Persons,
        (InfoboxKind::Treaty, K::Parties) => Rule::Parties,
        _ => Rule::Unchecked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(rule(InfoboxKind::Conflict, KeyRole::Casualties), Rule::Unchecked);
        assert_eq!(rule(InfoboxKind::Person, KeyRole::Term), Rule::Tenure);
        assert_eq!(rule(InfoboxKind::Person, KeyRole::Date), Rule::Unchecked);
    }
}
