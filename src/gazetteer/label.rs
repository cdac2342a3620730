//! Entity labels: the closed set of types a mention can carry.

use std::fmt;

/// What an entity is. Gazetteer rows name it in their second column; the coarse types
/// of the contract are PERSON, PLACE, ORG, EVENT, WORK and MISC, and the finer labels
/// SHIP, TREATY and DEMONYM map to MISC. [`Label::Unknown`] says that the type is not
/// known (a link whose target no gazetteer or index types): it is never a guess.
///
/// # Examples
/// ```
/// use wikianno::Label;
///
/// let label: Label = "TREATY".parse().unwrap();
/// assert_eq!(label.coarse(), Label::Misc);
/// assert_eq!(label.conll(), "MISC");
/// assert_eq!(Label::Place.to_string(), "PLACE");
/// assert!("CITY".parse::<Label>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person.
    Person,
    /// A place: a country, region, city, river, ...
    Place,
    /// An organization, a party, an armed force, a state as an actor.
    Org,
    /// An event: a war, a battle, an election, ...
    Event,
    /// A creative work: a book, film, album, ...
    Work,
    /// Any other named thing.
    Misc,
    /// A ship (MISC).
    Ship,
    /// A treaty (MISC).
    Treaty,
    /// An adjective of a people or country ("Peruvian"), whose id is the country (MISC).
    Demonym,
    /// The type is not known.
    Unknown,
}

impl Label {
    /// Every label, in the order above.
    pub const ALL: [Label; 10] = [
        Label::Person,
        Label::Place,
        Label::Org,
        Label::Event,
        Label::Work,
        Label::Misc,
        Label::Ship,
        Label::Treaty,
        Label::Demonym,
        Label::Unknown,
    ];

    /// The name used in gazetteer files and records: `PERSON`, `PLACE`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Place => "PLACE",
            Label::Org => "ORG",
            Label::Event => "EVENT",
            Label::Work => "WORK",
            Label::Misc => "MISC",
            Label::Ship => "SHIP",
            Label::Treaty => "TREATY",
            Label::Demonym => "DEMONYM",
            Label::Unknown => "UNKNOWN",
        }
    }

    /// The coarse type: a finer label maps to [`Label::Misc`]; the others are their own.
    pub const fn coarse(self) -> Label {
        match self {
            Label::Ship | Label::Treaty | Label::Demonym => Label::Misc,
            other => other,
        }
    }

    /// True when the type is known.
    pub const fn is_known(self) -> bool {
        !matches!(self, Label::Unknown)
    }

    /// The CoNLL-2003 tag: PERSON -> PER, PLACE -> LOC, ORG -> ORG, everything else
    /// (an unknown type included: it is a name, of no known class) -> MISC.
    pub const fn conll(self) -> &'static str {
        match self {
            Label::Person => "PER",
            Label::Place => "LOC",
            Label::Org => "ORG",
            _ => "MISC",
        }
    }
}

/// A label name that is not one of [`Label::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel(pub String);

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "label {:?} is not one of ", self.0)?;
        for (i, l) in Label::ALL.iter().enumerate() {
            f.write_str(if i == 0 { "" } else { ", " })?;
            f.write_str(l.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownLabel {}

record_name_impls!(Label, UnknownLabel, |s: &str| UnknownLabel(s.to_string()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>(), Ok(l));
            assert_eq!(l.coarse().coarse(), l.coarse());
        }
        assert!(UnknownLabel("X".into()).to_string().contains("PERSON, PLACE"));
    }
}
