//! Types that an article title's own shape says, with no dictionary: a disambiguator
//! ("Nevermind (album)"), a head word ("Harvard University", "Battle of Lima"), a ship
//! prefix ("HMS Beagle"), a "Place, State" pair ("Cambridge, Massachusetts"), or a person's
//! name (a known given name followed by capitalized words: "Diane Parish").
//!
//! Every rule is general: it reads the title only. A title that no rule types stays
//! untyped; nothing here guesses.

use std::{collections::HashMap, sync::OnceLock};

use super::{
    context::{is_given_name, PERSON_TITLES},
    Label,
};

/// Disambiguators in parentheses at the end of a title.
const DISAMBIGUATORS: &[(&str, Label)] = &[
    ("band", Label::Org),
    ("group", Label::Org),
    ("company", Label::Org),
    ("newspaper", Label::Org),
    ("magazine", Label::Work),
    ("political party", Label::Org),
    ("football club", Label::Org),
    ("film", Label::Work),
    ("album", Label::Work),
    ("song", Label::Work),
    ("single", Label::Work),
    ("novel", Label::Work),
    ("book", Label::Work),
    ("play", Label::Work),
    ("opera", Label::Work),
    ("musical", Label::Work),
    ("painting", Label::Work),
    ("poem", Label::Work),
    ("TV series", Label::Work),
    ("TV program", Label::Work),
    ("TV programme", Label::Work),
    ("TV serial", Label::Work),
    ("miniseries", Label::Work),
    ("comics", Label::Work),
    ("video game", Label::Work),
    ("soundtrack", Label::Work),
    ("EP", Label::Work),
    ("actor", Label::Person),
    ("actress", Label::Person),
    ("singer", Label::Person),
    ("musician", Label::Person),
    ("politician", Label::Person),
    ("footballer", Label::Person),
    ("cricketer", Label::Person),
    ("writer", Label::Person),
    ("author", Label::Person),
    ("poet", Label::Person),
    ("painter", Label::Person),
    ("artist", Label::Person),
    ("composer", Label::Person),
    ("general", Label::Person),
    ("bishop", Label::Person),
    ("saint", Label::Person),
    ("character", Label::Person),
    ("city", Label::Place),
    ("town", Label::Place),
    ("village", Label::Place),
    ("river", Label::Place),
    ("lake", Label::Place),
    ("mountain", Label::Place),
    ("island", Label::Place),
    ("county", Label::Place),
    ("state", Label::Place),
    ("province", Label::Place),
    ("region", Label::Place),
    ("district", Label::Place),
    ("country", Label::Place),
    ("ship", Label::Ship),
    ("battle", Label::Event),
    ("election", Label::Event),
];

/// Prefixes of ship names.
const SHIP_PREFIXES: &[&str] = &[
    "HMS", "HMAS", "HMCS", "HMNZS", "USS", "USNS", "USCGC", "SS", "RMS", "MV", "SMS", "ARA", "BAP",
    "INS", "HNLMS", "FS",
];

/// Head words that type a title of several words, by the word's position: a last word
/// ("Harvard University") or a first word followed by "of" ("University of Texas").
const HEAD_WORDS: &[(&str, Label)] = &[
    ("University", Label::Org),
    ("College", Label::Org),
    ("Academy", Label::Org),
    ("Institute", Label::Org),
    ("School", Label::Org),
    ("Company", Label::Org),
    ("Corporation", Label::Org),
    ("Inc.", Label::Org),
    ("Ltd", Label::Org),
    ("Ltd.", Label::Org),
    ("Group", Label::Org),
    ("Party", Label::Org),
    ("Army", Label::Org),
    ("Navy", Label::Org),
    ("Air Force", Label::Org),
    ("Corps", Label::Org),
    ("Regiment", Label::Org),
    ("Brigade", Label::Org),
    ("Division", Label::Org),
    ("Association", Label::Org),
    ("Federation", Label::Org),
    ("Society", Label::Org),
    ("Council", Label::Org),
    ("Committee", Label::Org),
    ("Commission", Label::Org),
    ("Ministry", Label::Org),
    ("Department", Label::Org),
    ("Agency", Label::Org),
    ("Parliament", Label::Org),
    ("Congress", Label::Org),
    ("Senate", Label::Org),
    ("Assembly", Label::Org),
    ("Court", Label::Org),
    ("Railway", Label::Org),
    ("Railroad", Label::Org),
    ("Airlines", Label::Org),
    ("Records", Label::Org),
    ("Club", Label::Org),
    ("F.C.", Label::Org),
    ("FC", Label::Org),
    ("Pact", Label::Org),
    ("Organization", Label::Org),
    ("Organisation", Label::Org),
    ("Union", Label::Org),
    ("League", Label::Org),
    ("Band", Label::Org),
    ("Orchestra", Label::Org),
    ("Church", Label::Org),
    ("Bank", Label::Org),
    ("War", Label::Event),
    ("Battle", Label::Event),
    ("Siege", Label::Event),
    ("Revolution", Label::Event),
    ("Rebellion", Label::Event),
    ("Uprising", Label::Event),
    ("Crisis", Label::Event),
    ("Massacre", Label::Event),
    ("Olympics", Label::Event),
    ("Championships", Label::Event),
    ("Championship", Label::Event),
    ("Cup", Label::Event),
    ("Games", Label::Event),
    ("Festival", Label::Event),
    ("Election", Label::Event),
    ("Partitions", Label::Event),
    ("Partition", Label::Event),
    ("Treaty", Label::Treaty),
    ("Convention", Label::Treaty),
    ("City", Label::Place),
    ("County", Label::Place),
    ("Province", Label::Place),
    ("Oblast", Label::Place),
    ("District", Label::Place),
    ("Region", Label::Place),
    ("River", Label::Place),
    ("Lake", Label::Place),
    ("Mountain", Label::Place),
    ("Mountains", Label::Place),
    ("Mount", Label::Place),
    ("Island", Label::Place),
    ("Islands", Label::Place),
    ("Valley", Label::Place),
    ("Bay", Label::Place),
    ("Sea", Label::Place),
    ("Ocean", Label::Place),
    ("Street", Label::Place),
    ("Avenue", Label::Place),
    ("Square", Label::Place),
    ("Bridge", Label::Place),
    ("Station", Label::Place),
    ("Airport", Label::Place),
    ("Park", Label::Place),
    ("Stadium", Label::Place),
    ("Arena", Label::Place),
    ("Center", Label::Place),
    ("Centre", Label::Place),
    ("Castle", Label::Place),
    ("Palace", Label::Place),
    ("Cathedral", Label::Place),
    ("Harbour", Label::Place),
    ("Harbor", Label::Place),
    ("Kingdom", Label::Place),
    ("Empire", Label::Place),
    ("Republic", Label::Place),
    ("Duchy", Label::Place),
    ("Landgraviate", Label::Place),
    ("Principality", Label::Place),
    ("Township", Label::Place),
    ("Village", Label::Place),
];

/// Titles and ranks that open a person's title ("Louis IX, Landgrave of Hesse",
/// "Christian III, Duke of Zweibrücken") after a comma.
const PERSON_TITLES_AFTER_COMMA: &[&str] = &[
    "King",
    "Queen",
    "Duke",
    "Duchess",
    "Count",
    "Countess",
    "Prince",
    "Princess",
    "Landgrave",
    "Margrave",
    "Elector",
    "Earl",
    "Baron",
    "Baroness",
    "Viscount",
    "Marquess",
    "Emperor",
    "Empress",
    "Lord",
    "Lady",
];

/// The type the title's shape says, if any.
///
/// # Examples
/// ```
/// use wikianno::{gazetteer::label_from_title, Label};
///
/// assert_eq!(label_from_title("Nevermind (album)"), Some(Label::Work));
/// assert_eq!(label_from_title("University of Texas"), Some(Label::Org));
/// assert_eq!(label_from_title("Cambridge, Massachusetts"), Some(Label::Place));
/// assert_eq!(label_from_title("HMS Beagle"), Some(Label::Ship));
/// assert_eq!(label_from_title("Diane Parish"), Some(Label::Person));
/// assert_eq!(label_from_title("Digital Spy"), None);
/// ```
pub fn label_from_title(title: &str) -> Option<Label> {
    // Called for every link target of every article: no allocation unless the title
    // is written with underscores.
    let title = title.trim();
    let spaced;
    let title = if title.contains('_') {
        spaced = title.replace('_', " ");
        spaced.as_str()
    } else {
        title
    };
    if let Some(open) = title.rfind(" (") {
        if let Some(inner) = title[open + 2..].strip_suffix(')') {
            return disambiguator_label(inner);
        }
    }
    let first = title.split_whitespace().next()?;
    let (mut count, mut second, mut before_last, mut last) = (0, None, "", first);
    for word in title.split_whitespace() {
        count += 1;
        if count == 2 {
            second = Some(word);
        }
        before_last = last;
        last = word;
    }
    let several = count >= 2;
    if several && SHIP_PREFIXES.contains(&first) {
        return Some(Label::Ship);
    }
    if let Some((name, rest)) = title.split_once(", ") {
        let rest_first = rest.split_whitespace().next().unwrap_or("");
        if PERSON_TITLES_AFTER_COMMA.contains(&rest_first) {
            return Some(Label::Person);
        }
        // "Cambridge, Massachusetts", "Roosevelt Roads, Puerto Rico": a place and the
        // region it lies in, both capitalized names.
        if all_capitalized(name) && all_capitalized(rest) && !rest.contains(',') {
            return Some(Label::Place);
        }
    }
    if several {
        if let Some(label) = head_label(last).or_else(|| head_label_pair(before_last, last)) {
            return Some(label);
        }
        if second == Some("of") {
            if let Some(label) = head_label(first) {
                return Some(label);
            }
        }
        let mut rest = title.split_whitespace().skip(1);
        if PERSON_TITLES.contains(&first) && rest.clone().all(capitalized_or_number) {
            return Some(Label::Person);
        }
        if count <= 4 && is_given_name(first) && rest.all(name_part) {
            return Some(Label::Person);
        }
    }
    None
}

fn disambiguator_label(inner: &str) -> Option<Label> {
    let inner = inner.trim();
    // "(1998 film)", "(Beatles song)", "(American band)": the last words decide.
    DISAMBIGUATORS
        .iter()
        .find(|(word, _)| {
            inner.strip_suffix(word).is_some_and(|head| head.is_empty() || head.ends_with(' '))
        })
        .map(|&(_, label)| label)
}

/// [`HEAD_WORDS`] indexed once: one-word heads by word, and the few two-word ones.
struct HeadWords {
    single: HashMap<&'static str, Label>,
    pairs: Vec<(&'static str, &'static str, Label)>,
}

fn head_words() -> &'static HeadWords {
    static HEADS: OnceLock<HeadWords> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads = HeadWords { single: HashMap::new(), pairs: Vec::new() };
        for &(word, label) in HEAD_WORDS {
            match word.split_once(' ') {
                Some((a, b)) => heads.pairs.push((a, b, label)),
                // The first row of a word wins, as in a scan of the table.
                None => {
                    heads.single.entry(word).or_insert(label);
                }
            }
        }
        heads
    })
}

fn head_label(word: &str) -> Option<Label> {
    head_words().single.get(word).copied()
}

/// The label of a two-word head ("Air Force").
fn head_label_pair(first: &str, second: &str) -> Option<Label> {
    head_words().pairs.iter().find(|(a, b, _)| *a == first && *b == second).map(|&(_, _, l)| l)
}

fn capitalized_or_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn all_capitalized(s: &str) -> bool {
    let mut words = s.split_whitespace().peekable();
    words.peek().is_some() && words.all(capitalized_or_number)
}

/// A word of a person's name after the given name: capitalized ("Parish", "McLennan"),
/// an initial ("J."), a particle ("de", "van"), or a generation suffix ("Jr.").
fn name_part(word: &str) -> bool {
    matches!(word, "de" | "da" | "van" | "von" | "der" | "del" | "di" | "le" | "la" | "Jr." | "Sr.")
        || (word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_shapes() {
        for (title, label) in [
            ("Bo Donaldson and The Heywoods", None),
            ("The Knack (band)", Some(Label::Org)),
            ("Aurora 7", None),
            ("Black Velvet (song)", Some(Label::Work)),
            ("Louis VIII, Landgrave of Hesse-Darmstadt", Some(Label::Person)),
            ("Harvard University", Some(Label::Org)),
            ("Cuban Missile Crisis", Some(Label::Event)),
            ("1936 Summer Olympics", Some(Label::Event)),
            ("Kaliningrad Oblast", Some(Label::Place)),
            ("Treaty of Paris (1898)", None),
            ("Treaty of Paris", Some(Label::Treaty)),
            ("Battle of Lima", Some(Label::Event)),
            ("USS Maine (ACR-1)", None),
            ("USS Maine", Some(Label::Ship)),
            ("Jamie Foreman", Some(Label::Person)),
            ("Roosevelt Roads, Puerto Rico", Some(Label::Place)),
            ("General Trujillo", Some(Label::Person)),
            ("Canadian Pacific Railway", Some(Label::Org)),
            ("Vertigo (DC Comics)", None),
            ("Landgrave", None),
            ("Warsaw Pact", Some(Label::Org)),
        ] {
            assert_eq!(label_from_title(title), label, "{title}");
        }
    }
}
