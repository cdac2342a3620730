//! Event types: the closed set of frames the events stage builds.

use std::fmt;

/// Declares [`EventType`] with its record names, in one list.
macro_rules! event_types {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)+) => {
        /// What kind of event a frame is. Records and the trigger lexicon name it in
        /// upper case (`WAR_DECLARATION`).
        ///
        /// # Examples
        /// ```
        /// use wikianno::events::EventType;
        ///
        /// let t: EventType = "WAR_DECLARATION".parse().unwrap();
        /// assert_eq!(t, EventType::WarDeclaration);
        /// assert_eq!(t.to_string(), "WAR_DECLARATION");
        /// assert!("PARTY".parse::<EventType>().is_err());
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EventType {
            $($(#[$doc])* $variant,)+
        }

        impl EventType {
            /// Every type, in declaration order.
            pub const ALL: &'static [EventType] = &[$(EventType::$variant,)+];

            /// The upper-case name used in records and the lexicon.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(EventType::$variant => $name,)+
                }
            }
        }
    };
}

event_types! {
    /// Taking something by force: a town, a ship, islands.
    Seizure = "SEIZURE",
    /// A treaty signed or ratified.
    Treaty = "TREATY",
    /// An uprising.
    Uprising = "UPRISING",
    /// A revolt.
    Revolt = "REVOLT",
    /// A march of troops or people.
    March = "MARCH",
    /// A meeting.
    Meeting = "MEETING",
    /// Entering a place (troops entering a capital).
    Entry = "ENTRY",
    /// An attack.
    Attack = "ATTACK",
    /// A capture.
    Capture = "CAPTURE",
    /// A resignation.
    Resignation = "RESIGNATION",
    /// Taking refuge.
    Refuge = "REFUGE",
    /// Going into exile.
    Exile = "EXILE",
    /// Assuming an office or power.
    Assumption = "ASSUMPTION",
    /// A deposition from power.
    Deposition = "DEPOSITION",
    /// A proclamation.
    Proclamation = "PROCLAMATION",
    /// A declaration of war.
    WarDeclaration = "WAR_DECLARATION",
    /// An alliance.
    Alliance = "ALLIANCE",
    /// A battle.
    Battle = "BATTLE",
    /// A siege.
    Siege = "SIEGE",
    /// A withdrawal.
    Withdrawal = "WITHDRAWAL",
    /// A negotiation.
    Negotiation = "NEGOTIATION",
    /// A birth.
    Birth = "BIRTH",
    /// A death.
    Death = "DEATH",
    /// A marriage.
    Marriage = "MARRIAGE",
    /// The founding of an organization, a city, a company.
    Founding = "FOUNDING",
    /// The dissolution of an organization or a state.
    Dissolution = "DISSOLUTION",
    /// An election.
    Election = "ELECTION",
    /// An appointment to an office.
    Appointment = "APPOINTMENT",
    /// An award or prize given.
    Award = "AWARD",
    /// A release or publication of a work.
    Release = "RELEASE",
    /// A construction (a building, a bridge, a railway).
    Construction = "CONSTRUCTION",
    /// An acquisition (a company bought).
    Acquisition = "ACQUISITION",
    /// A launch (a ship, a rocket, a product).
    Launch = "LAUNCH",
    /// A discovery.
    Discovery = "DISCOVERY",
}

/// A name that is not an [`EventType`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEventType(pub String);

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not an event type", self.0)
    }
}

impl std::error::Error for UnknownEventType {}

record_name_impls!(EventType, UnknownEventType, |s: &str| UnknownEventType(s.to_string()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
        }
        assert_eq!(EventType::ALL.len(), 34);
    }
}
