//! Titles, ranks and honorifics written before a person's name ("General Pareja", "Mr.
//! Harris", "Sir Francis Drake"): the one home of these words. The entity rules (a title
//! before a link or a run names a person; it does not continue a name), the page-title
//! shapes ("Louis IX, Landgrave of Hesse"), the events' role patterns ("by General X") and
//! the infobox's surname check ("Mr. Harris" is still Harris) all ask here.
//!
//! A title is matched as written, capitalized: lowercase "the major cities" or "the general
//! public" name no one, so only the events' role patterns, which read lower-cased words next
//! to a mention they already have, ask [`is_lowercase_title`]. A short form ("Dr", "Gen")
//! matches with or without its full stop ("Dr. Smith", British "Dr Smith").

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// What a title says about its bearer; decides which rules read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// A courtesy title: "Mr", "Dr", "Sir".
    Honorific,
    /// A ruler's or a peer's title, which a page title also writes after the name and a
    /// comma ("Christian III, Duke of Zweibrücken").
    Nobility,
    /// A military rank: "General", "Captain".
    Rank,
    /// A public or judicial office: "President", "Senator", "Judge".
    Office,
    /// A religious title: "Pope", "Bishop", "Saint".
    Religious,
    /// A word that is a title only with another after it ("Rear Admiral", "Vice
    /// President"): skipped inside a run of titles, never a title alone ("Rear Window").
    Modifier,
}

/// One title: its full word, its short forms and its kind.
#[derive(Debug)]
pub(crate) struct PersonTitle {
    /// The word as written before a name ("General"); for a title used only in short
    /// form, that form ("Mr").
    pub word: &'static str,
    /// Short forms, matched with or without a full stop ("Gen" for "Gen." and "Gen").
    pub short_forms: &'static [&'static str],
    /// What the title says about its bearer.
    pub kind: TitleKind,
    /// The title also opens place names as often as persons' ("Saint Petersburg", "St.
    /// Louis"), so a run it opens is not a person's name for that alone.
    pub opens_place_names: bool,
}

impl PersonTitle {
    /// True when the title may follow a name and a comma in a page title ("Louis IX,
    /// Landgrave of Hesse").
    pub(crate) fn follows_a_comma(&self) -> bool {
        self.kind == TitleKind::Nobility
    }

    /// True when the word is a title on its own, not only as part of a longer one.
    pub(crate) fn stands_alone(&self) -> bool {
        self.kind != TitleKind::Modifier
    }
}

const fn title(word: &'static str, kind: TitleKind) -> PersonTitle {
    PersonTitle { word, short_forms: &[], kind, opens_place_names: false }
}

const fn short(
    word: &'static str,
    short_forms: &'static [&'static str],
    kind: TitleKind,
) -> PersonTitle {
    PersonTitle { word, short_forms, kind, opens_place_names: false }
}

use TitleKind::{Honorific, Modifier, Nobility, Office, Rank, Religious};

/// Every title, by kind.
const TITLES: &[PersonTitle] = &[
    title("Mr", Honorific),
    title("Mrs", Honorific),
    title("Ms", Honorific),
    title("Miss", Honorific),
    title("Dr", Honorific),
    title("Sir", Honorific),
    title("Dame", Honorific),
    short("Professor", &["Prof"], Honorific),
    title("King", Nobility),
    title("Queen", Nobility),
    title("Emperor", Nobility),
    title("Empress", Nobility),
    title("Prince", Nobility),
    title("Princess", Nobility),
    title("Duke", Nobility),
    title("Duchess", Nobility),
    title("Count", Nobility),
    title("Countess", Nobility),
    title("Landgrave", Nobility),
    title("Margrave", Nobility),
    title("Elector", Nobility),
    title("Earl", Nobility),
    title("Baron", Nobility),
    title("Baroness", Nobility),
    title("Viscount", Nobility),
    title("Marquess", Nobility),
    title("Lord", Nobility),
    title("Lady", Nobility),
    short("General", &["Gen"], Rank),
    short("Admiral", &["Adm"], Rank),
    short("Colonel", &["Col"], Rank),
    short("Captain", &["Capt"], Rank),
    title("Commander", Rank),
    title("Lieutenant", Rank),
    title("Major", Rank),
    title("Marshal", Rank),
    title("Commodore", Rank),
    title("President", Office),
    title("Minister", Office),
    title("Premier", Office),
    title("Chancellor", Office),
    title("Secretary", Office),
    title("Senator", Office),
    title("Representative", Office),
    title("Congressman", Office),
    title("Governor", Office),
    title("Mayor", Office),
    title("Judge", Office),
    title("Justice", Office),
    title("Dictator", Office),
    PersonTitle { word: "Saint", short_forms: &["St"], kind: Religious, opens_place_names: true },
    title("Pope", Religious),
    title("Bishop", Religious),
    title("Archbishop", Religious),
    title("Father", Religious),
    short("Reverend", &["Rev"], Religious),
    title("Rear", Modifier),
    title("Vice", Modifier),
];

/// The forms a title is matched by, each to its title: the word, and each short form
/// with and without its full stop; `lower` gives them lower-cased.
fn forms(lower: bool) -> FxHashMap<String, &'static PersonTitle> {
    let case = |s: String| if lower { s.to_lowercase() } else { s };
    let mut map = FxHashMap::default();
    for t in TITLES {
        map.insert(case(t.word.to_string()), t);
        if t.word.len() <= 3 {
            // A title used only in short form ("Mr", "Dr") is written with a stop too.
            map.insert(case(format!("{}.", t.word)), t);
        }
        for s in t.short_forms {
            map.insert(case(s.to_string()), t);
            map.insert(case(format!("{s}.")), t);
        }
    }
    map
}

/// The title `word` is, as written (capitalized: "General", "Dr.", "Dr").
pub(crate) fn person_title(word: &str) -> Option<&'static PersonTitle> {
    static MAP: OnceLock<FxHashMap<String, &'static PersonTitle>> = OnceLock::new();
    MAP.get_or_init(|| forms(false)).get(word).copied()
}

/// True when `word`, as written, is a title that stands before a person's name on its
/// own ("General", "Dr."; not "Rear").
pub(crate) fn is_title_before_name(word: &str) -> bool {
    person_title(word).is_some_and(PersonTitle::stands_alone)
}

/// True when `word`, as written, is a title that says the name after it is a person's
/// ("General Pareja", "Dr John"): not "Saint" or "St", which open place and church names as
/// often ("St Columb Major", "St Giles"), nor a modifier ("Rear Window").
pub(crate) fn is_person_making_title(word: &str) -> bool {
    person_title(word).is_some_and(|t| t.stands_alone() && !t.opens_place_names)
}

/// True when the lower-cased `word` is a title or part of one ("general", "gen.", "rear"):
/// for rules that skip the titles before a name in lower-cased text.
pub(crate) fn is_lowercase_title(word: &str) -> bool {
    static MAP: OnceLock<FxHashMap<String, &'static PersonTitle>> = OnceLock::new();
    MAP.get_or_init(|| forms(true)).contains_key(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_as_written_with_or_without_the_stop_of_a_short_form() {
        let rows: &[(&str, bool)] = &[
            ("General", true),
            ("Gen.", true),
            ("Gen", true),
            ("Dr.", true),
            ("Dr", true),
            ("St.", true),
            ("general", false),
            ("General.", false),
            ("Rear", false),
            ("Doctor", false),
        ];
        for &(word, want) in rows {
            assert_eq!(is_title_before_name(word), want, "{word}");
        }
        assert!(is_lowercase_title("rear"));
        assert!(is_lowercase_title("capt."));
        assert!(!is_lowercase_title("Capt."));
        assert!(person_title("Landgrave").is_some_and(PersonTitle::follows_a_comma));
        assert!(!person_title("President").is_some_and(PersonTitle::follows_a_comma));
        assert!(person_title("St.").is_some_and(|t| t.opens_place_names));
        assert!(is_person_making_title("Dr"));
        assert!(!is_person_making_title("St"));
        assert!(!is_person_making_title("Saint"));
    }

    #[test]
    fn every_form_names_one_title() {
        let mut seen = FxHashMap::default();
        for t in TITLES {
            for form in std::iter::once(&t.word).chain(t.short_forms) {
                assert!(seen.insert(*form, t.word).is_none(), "{form} twice");
            }
        }
    }
}
