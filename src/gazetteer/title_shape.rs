//! Types that an article title's own shape says, with no dictionary: a disambiguator
//! ("Nevermind (album)", read in the type nouns of `type_nouns.rs`), a head word ("Harvard University", "Battle of Lima"), a ship
//! prefix ("HMS Beagle"), a "Place, State" pair ("Cambridge, Massachusetts"), or a person's
//! name (a known given name followed by capitalized words: "Diane Parish").
//!
//! Every rule is general: it reads the title only. A title that no rule types stays
//! untyped; nothing here guesses.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::article::first_letter_upper;

use super::{
    context::{is_function_word, is_given_name, is_group_plural, NAME_PARTICLES},
    person_titles::{is_person_making_title, person_title, PersonTitle},
    type_nouns::{ends_a_type_noun, label_of_noun_phrase},
    Label,
};

/// Prefixes of ship names.
const SHIP_PREFIXES: &[&str] = &[
    "HMS", "HMAS", "HMCS", "HMNZS", "USS", "USNS", "USCGC", "SS", "RMS", "MV", "SMS", "ARA", "BAP",
    "INS", "HNLMS", "FS",
];

/// Abbreviations that open a sports club's name ("FC Qwerty", "AD Qwerton": Football Club,
/// Club Deportivo, Asociación Deportiva, ...); closing ones are head words ("Qwerton UD").
const CLUB_PREFIXES: &[&str] = &[
    "FC", "AFC", "PFC", "CF", "CD", "AD", "SD", "UD", "SC", "AC", "CA", "FK", "NK", "SK", "SV",
    "TSV", "VfB", "VfL", "KS",
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
    ("Books", Label::Org),
    ("Press", Label::Org),
    ("Network", Label::Org),
    ("Airways", Label::Org),
    ("Air Lines", Label::Org),
    ("Authority", Label::Org),
    ("Representatives", Label::Org),
    ("División", Label::Org),
    ("Publishers", Label::Org),
    ("Bros.", Label::Org),
    ("Office", Label::Org),
    ("Hospital", Label::Org),
    ("International", Label::Org),
    ("Club", Label::Org),
    ("F.C.", Label::Org),
    ("FC", Label::Org),
    ("AFC", Label::Org),
    ("CF", Label::Org),
    ("UD", Label::Org),
    ("FK", Label::Org),
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
    ("Wars", Label::Event),
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
    ("Carnival", Label::Event),
    ("Prize", Label::Misc),
    ("Award", Label::Misc),
    // Session s37: "Annie Awards", "Austin Music Awards", "Roosevelt Foundation" (a plural
    // and a body no person's surname is).
    ("Awards", Label::Misc),
    ("Prizes", Label::Misc),
    ("Foundation", Label::Org),
    ("Draft", Label::Event),
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
    ("Road", Label::Place),
    ("Highway", Label::Place),
    ("Interstate", Label::Place),
    ("Market", Label::Place),
    ("Commune", Label::Place),
    ("Sound", Label::Place),
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
    ("Reserve", Label::Place),
    ("Theatre", Label::Place),
    ("Theater", Label::Place),
    ("Narrows", Label::Place),
    // A city's rapid transit, its lines and stations: a place on the map, as a railway line.
    ("Metro", Label::Place),
];

/// First words that make a name a place ("Monte Cavallo", "Lake Tana", "Fort Worth",
/// "Puerto Rico"): they beat a given name of the same spelling ("Monte").
const PLACE_PREFIXES: &[&str] = &[
    "Mount", "Mt.", "Monte", "Mont", "Lake", "Lago", "Lac", "Cape", "Cabo", "Fort", "Port",
    "Porto", "Puerto", "Rio", "Río", "Sierra", "Cerro", "Isla", "Isle", "Pico", "Punta", "Bahía",
    "Monti", "Montes",
];

/// The name of a ship after its prefix: "USS Qwerty Jones" -> "Qwerty Jones" (an article on
/// a ship calls it so after its first sentence, the way Wikipedia writes ship names);
/// `None` without a prefix or a name after it.
pub(crate) fn ship_name(name: &str) -> Option<&str> {
    let (prefix, rest) = name.split_once(' ')?;
    let rest = rest.trim();
    (SHIP_PREFIXES.contains(&prefix) && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// A title's name and its trailing disambiguator, the words in its last parentheses:
/// "Nevermind (album)" -> ("Nevermind", Some("album")); "Lima" -> ("Lima", None). Byte
/// searches only: this runs for every link of every article.
pub fn split_disambiguator(title: &str) -> (&str, Option<&str>) {
    match title.ends_with(')').then(|| title.rfind(" (")).flatten() {
        Some(open) if open > 0 => {
            (title[..open].trim_end(), Some(&title[open + 2..title.len() - 1]))
        }
        _ => (title, None),
    }
}

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
    // Called for every link target and capitalized anchor of every article: no allocation
    // unless the title is written with underscores or has more than STACK_WORDS words.
    let title = title.trim();
    let spaced;
    let title = if title.contains('_') {
        spaced = title.replace('_', " ");
        spaced.as_str()
    } else {
        title
    };
    // A disambiguator that names no type ("(Virginia)", "(1898)") leaves the name before it
    // to the other rules: "Whitetop Mountain (Virginia)" is a mountain.
    let (title, disambiguator) = split_disambiguator(title);
    if let Some(label) = disambiguator.and_then(disambiguator_label) {
        return Some(label);
    }
    // The words are cut once, on the stack, and every rule below reads them.
    let mut stack = [""; STACK_WORDS];
    let mut heap = Vec::new();
    let mut count = 0;
    for word in title.split_whitespace() {
        match stack.get_mut(count) {
            Some(slot) => *slot = word,
            None => {
                if heap.is_empty() {
                    heap.extend_from_slice(&stack);
                }
                heap.push(word);
            }
        }
        count += 1;
    }
    let words = if count <= STACK_WORDS { &stack[..count] } else { &heap[..] };
    label_of_title_words(title, words)
}

/// Titles of at most this many words are cut into words on the stack.
const STACK_WORDS: usize = 12;

/// [`label_from_title`] of `title` (disambiguator already read) cut into its `words`.
fn label_of_title_words(title: &str, words: &[&str]) -> Option<Label> {
    // A title written all in lowercase ("drama film", "association football manager",
    // "light infantry") is a common noun phrase: it names a kind of thing, not a person,
    // place, organization, event or work, whose names English capitalizes. Only a script
    // with case says so: a Japanese or Chinese title has no capitals at all.
    if title.chars().any(char::is_lowercase) && !title.chars().any(char::is_uppercase) {
        return Some(Label::Misc);
    }
    let (&first, rest) = words.split_first()?;
    let count = words.len();
    let second = rest.first().copied();
    let last = words[count - 1];
    let before_last = words[count.saturating_sub(2)];
    let several = count >= 2;
    // A people or a faith named by its plural ("Christian Arabs", "Saint Thomas Christians",
    // "African Americans"): a group, whatever word opens it (a given name, "Saint").
    if several && is_group_plural(last) {
        return Some(Label::Misc);
    }
    if several && SHIP_PREFIXES.contains(&first) {
        return Some(Label::Ship);
    }
    if several && PLACE_PREFIXES.contains(&first) {
        return Some(Label::Place);
    }
    // A broadcaster's call sign and its band: "KQWE-FM", "WQRT-TV", "CQWE-AM" (the
    // letters of a licensed radio or television station, an organization).
    if !several && is_call_sign(first) {
        return Some(Label::Org);
    }
    // An order of chivalry or merit, or a religious order, by its name: "Order of the
    // Qwerty Eagle", "Order of Saint Qwerty" (an order is a body of members; "New World
    // Order" and "Law & Order" do not open with it).
    let name_after_of = match words.get(2..) {
        Some(["the", name, ..]) | Some([name, ..]) => capitalized_or_number(name),
        _ => false,
    };
    if second == Some("of") && first == "Order" && name_after_of {
        return Some(Label::Org);
    }
    // A club's abbreviation before a name, not before a year ("AD 1066").
    if several
        && CLUB_PREFIXES.contains(&first)
        && rest.iter().all(|w| w.starts_with(char::is_uppercase))
    {
        return Some(Label::Org);
    }
    if let Some((name, rest)) = title.split_once(", ") {
        let rest_first = rest.split_whitespace().next().unwrap_or("");
        // A ruler's or peer's title after the name: "Louis IX, Landgrave of Hesse".
        if person_title(rest_first).is_some_and(PersonTitle::follows_a_comma) {
            return Some(Label::Person);
        }
        // "Cambridge, Massachusetts", "Roosevelt Roads, Puerto Rico": a place and the region
        // it lies in, both capitalized names. With more regions, each but the last is named
        // as one ("Union Township, Union County, New Jersey"); a list of capitalized words
        // ("One, Two, Three") is no place.
        // A head word that names no place ends the name: "The Championships, Wimbledon" is
        // a tournament held there, not a place.
        if let Some(label) = name.rsplit(' ').next().and_then(head_label) {
            if label != Label::Place {
                return Some(label);
            }
        }
        let mut regions = rest.split(", ").peekable();
        let mut all_regions = all_capitalized(name);
        while let (true, Some(region)) = (all_regions, regions.next()) {
            let inner = regions.peek().is_some();
            let named_as_region = || {
                region.rsplit(' ').next().and_then(head_label) == Some(Label::Place)
                    && region.contains(' ')
            };
            all_regions = all_capitalized(region) && (!inner || named_as_region());
        }
        if all_regions {
            return Some(Label::Place);
        }
    }
    // A title that opens with a lowercase word ("collapse of the Soviet Union", "province of
    // Qwerton", "multinational force in Iraq") is a common noun phrase headed by that word:
    // the capitalized name in it is a complement ("Union" heads no title here). Only the
    // "of" rule below reads it; a particle opens a person's name ("de Gaulle").
    // "the" opens a name in running text's case ("the Qwerty Company").
    let common_noun_first =
        first.chars().all(char::is_lowercase) && first != "the" && !NAME_PARTICLES.contains(&first);
    if several && common_noun_first {
        return head_of_common_noun(first, words.get(1).copied(), words.get(2).copied());
    }
    if several {
        // A head word before "for" after capitalized modifiers heads the whole title; the
        // phrase after "for" only says what it is for ("Academy Award for Best Sound",
        // "Centre for Qwerty Studies", "Bank for International Settlements"): its last word
        // is not the head. At most three modifiers, as before "of" below.
        if let Some(label) = head_before(words, "for", 0) {
            return Some(label);
        }
        if let Some(label) = head_label(last).or_else(|| head_label_pair(before_last, last)) {
            return Some(label);
        }
        // A numbered regiment named by its arm: "71st Foot", "17th Lancers", "3rd Light
        // Dragoons" (the arm alone is a common noun: "light infantry", "Big Foot").
        if is_ordinal(first) && UNIT_ARMS.contains(&last) {
            return Some(Label::Org);
        }
        // A numeral after the head: "World War II", "Division 2". Not after an abbreviation,
        // whose period may end a sentence ("Qwerty Ltd. Two men ...").
        if is_numeral(last)
            && (last.bytes().all(|b| b.is_ascii_digit()) || !before_last.ends_with('.'))
        {
            if let Some(label) = head_label(before_last) {
                return Some(label);
            }
            // A single name and a regnal number: "Zogu I", "Louis XIV"; a name has three
            // letters or more, so "Ch V", "Bk II" and "Pt IV" are a chapter, book or part.
            let name = capitalized_or_number(first) && first.chars().count() >= 3;
            if count == 2 && is_roman(last) && name {
                return Some(Label::Person);
            }
        }
        // "University of Texas".
        if second == Some("of") {
            if let Some(label) = head_label(first) {
                return Some(label);
            }
        }
        // A person's title, a given name and a realm: "Countess Qwerty of Ytrewq", "Prince
        // Henry of Prussia" (a given name: "General Motors of Canada" is a company).
        if let [title, name, "of", realm, ..] = words {
            if is_person_making_title(title) && is_given_name(name) && capitalized_or_number(realm)
            {
                return Some(Label::Person);
            }
        }
        // A head after capitalized modifiers, before "of": "State Railway of Thailand",
        // "First Battle of Qwerton" (at most three modifiers: a name, not a sentence). A
        // lowercase last word ends a common noun phrase that says more ("2021 Qwerty Union
        // of Qwertonia leadership election": an election), read by the rules below.
        if let Some(label) = head_before(words, "of", 1).filter(|_| capitalized_or_number(last)) {
            return Some(label);
        }
        // A ruler's name and regnal number with their realm: "Louis IX of
        // Hesse-Darmstadt", "Charles II of England".
        if let [name, numeral, "of", realm, ..] = words {
            if capitalized_or_number(name) && is_roman(numeral) && capitalized_or_number(realm) {
                return Some(Label::Person);
            }
        }
        // A title before capitalized names: "General Sir John Moore", "Dr John". Not before
        // a number, which makes a product's name ("Commodore 64").
        // A head word inside the name makes it an organization's or a place's, whatever
        // word opens it: "Major League Baseball", "Stanford University Press", "Jasper
        // Park Lodge" (a head word at the end was read above).
        let person_shaped = !holds_a_head_word(rest.iter().copied());
        if person_shaped
            && is_person_making_title(first)
            && rest.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            return Some(Label::Person);
        }
        if person_shaped && count <= 4 && is_given_name(first) && rest.iter().all(|w| name_part(w))
        {
            return Some(Label::Person);
        }
        // A type noun at the end, in any case: "Chhindwara district", "Java island",
        // "Mongolia national football team", "South Funen Archipelago". Taxon words
        // ("family", "order") say nothing about a title.
        // A person noun counts only as written in lowercase: a capitalized one is a surname
        // or part of a name ("Stephen King", "Digital Spy").
        // Every noun of the table ends in one of its last words: a title whose last word
        // is none is not lowercased and read in full (most titles).
        let person_noun_ok = !capitalized_or_number(last);
        if let Some(label) = lowercase_ends_a_type_noun(last)
            .then(|| label_of_noun_phrase(&title.to_lowercase()))
            .flatten()
            .filter(|l| *l != Label::Misc && (*l != Label::Person || person_noun_ok))
        {
            return Some(label);
        }
        // A capitalized word and lowercase ones: a species ("Chersotis juncta") or a
        // concept ("Ferris wheel"), never a person, place, organization, event or work,
        // whose names English capitalizes throughout.
        if capitalized_or_number(first)
            && rest.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        {
            return Some(Label::Misc);
        }
    }
    None
}

/// The label of a title that opens with the lowercase `first` word: a head word before "of"
/// and a capitalized name, in running text's case ("province of Frosinone", "battle of
/// Qwerton"); else none.
fn head_of_common_noun(first: &str, second: Option<&str>, third: Option<&str>) -> Option<Label> {
    let name_follows = third.is_some_and(capitalized_or_number);
    (second == Some("of") && name_follows).then(|| head_label(&first_letter_upper(first)))?
}

/// True when `word` in lowercase ends some type noun ([`ends_a_type_noun`]); an ASCII word
/// is lowercased on the stack.
fn lowercase_ends_a_type_noun(word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(ends_a_type_noun)
        }
        None => ends_a_type_noun(&word.to_lowercase()),
    }
}

/// A Roman numeral of a regnal or ordinal number ("I", "XIV").
pub(crate) fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// A number or a series letter after a name: Roman ("II"), Arabic ("2"), a number word
/// ("Division Four") or one capital letter ("Segunda División B", "Group C").
fn is_numeral(word: &str) -> bool {
    is_roman(word)
        || (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit()))
        || NUMBER_WORDS.contains(&word)
        || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The arms that name a numbered regiment after its ordinal ("71st Foot", "17th Lancers").
const UNIT_ARMS: &[&str] = &[
    "Foot",
    "Infantry",
    "Cavalry",
    "Dragoons",
    "Hussars",
    "Lancers",
    "Fusiliers",
    "Artillery",
    "Rifles",
];

/// An ordinal written in figures: "1st", "22nd", "3rd", "71st".
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// A broadcaster's call sign and its band: three to five capital letters, a hyphen and
/// FM, AM, TV, DT, LP or CD ("KQWE-FM", "WQRT-TV"). Byte checks on one word.
fn is_call_sign(word: &str) -> bool {
    let Some((letters, band)) = word.split_once('-') else { return false };
    (3..=5).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && matches!(band, "FM" | "AM" | "TV" | "DT" | "LP" | "CD")
}

/// Capitalized number words that number a league's divisions or a series.
const NUMBER_WORDS: &[&str] = &[
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
    "Twelve",
];

/// A disambiguator says the type by its last words ("(1998 film)", "(Beatles song)",
/// "(American band)"), read in the one table of type nouns.
/// A census's own category ("White (U.S. Census)", "Asian (U.S. Census)": the race and
/// ancestry categories a census counts, which the articles on its places link) is a group
/// of people, MISC, as CoNLL types peoples.
///
/// A numbered season or series of a show ("Game of Qwerty (season 6)", "Qwerty (series
/// 2)": Wikipedia's titles for one season of a television series) is a work.
fn disambiguator_label(inner: &str) -> Option<Label> {
    let inner = inner.trim();
    if inner.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("census")) {
        return Some(Label::Misc);
    }
    if let Some(("season" | "series", number)) = inner.split_once(' ') {
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            return Some(Label::Work);
        }
    }
    label_of_noun_phrase(inner)
}

/// [`HEAD_WORDS`] indexed once: one-word heads by word, and the few two-word ones.
struct HeadWords {
    single: FxHashMap<&'static str, Label>,
    pairs: Vec<(&'static str, &'static str, Label)>,
}

fn head_words() -> &'static HeadWords {
    static HEADS: OnceLock<HeadWords> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads = HeadWords { single: FxHashMap::default(), pairs: Vec::new() };
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

/// True when one of `words` is a head word ([`HEAD_WORDS`]): the words name an
/// organization, a place or an event, never a person ("League Baseball", "University Press").
pub(crate) fn holds_a_head_word<'w>(mut words: impl Iterator<Item = &'w str>) -> bool {
    words.any(|w| head_label(w).is_some())
}

fn head_label(word: &str) -> Option<Label> {
    head_words().single.get(word).copied()
}

/// The label of the head word right before `preposition` (among a title's first five
/// words) when only capitalized words, at least `min_modifiers` of them, come before it:
/// "State Railway of Thailand", "Academy Award for Best Sound".
fn head_before(words: &[&str], preposition: &str, min_modifiers: usize) -> Option<Label> {
    let head = words.iter().take(5).position(|w| *w == preposition)?.checked_sub(1)?;
    let modifiers = &words[..head];
    if modifiers.len() < min_modifiers || !modifiers.iter().all(|w| capitalized_or_number(w)) {
        return None;
    }
    head_label(words[head])
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
/// an initial ("J."), a particle ("de", "van"), or a generation suffix ("Jr."). Not a
/// function word a title capitalizes ("Carry On", "Art Through the Ages", "Edward J. The
/// Hessians" of a reference list, "Austin Seven"): a given name opens those as an English
/// word, not as a person's. A regnal "I" is a numeral here ("Charles I").
fn name_part(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
        || matches!(word, "Jr." | "Sr.")
        || (word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’'))
            && (is_roman(word) || !is_function_word(word)))
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
            // A census's category is a group of people; a numbered regiment by its arm.
            ("Qwertian (U.S. Census)", Some(Label::Misc)),
            ("Qwerty Ytrewq (census)", Some(Label::Misc)),
            ("71st Foot", Some(Label::Org)),
            ("3rd Light Dragoons", Some(Label::Org)),
            ("22nd Century", None),
            ("Big Foot", None),
            ("Louis VIII, Landgrave of Hesse-Darmstadt", Some(Label::Person)),
            ("Harvard University", Some(Label::Org)),
            ("Cuban Missile Crisis", Some(Label::Event)),
            ("1936 Summer Olympics", Some(Label::Event)),
            ("Kaliningrad Oblast", Some(Label::Place)),
            ("Treaty of Paris (1898)", Some(Label::Treaty)),
            ("Treaty of Paris", Some(Label::Treaty)),
            ("Battle of Lima", Some(Label::Event)),
            ("USS Maine (ACR-1)", Some(Label::Ship)),
            ("Whitetop Mountain (Virginia)", Some(Label::Place)),
            ("Republican Party (United States)", Some(Label::Org)),
            ("World War II", Some(Label::Event)),
            ("Zogu I", Some(Label::Person)),
            ("Chhindwara district", Some(Label::Place)),
            ("Mongolia national football team", Some(Label::Org)),
            ("Chersotis juncta", Some(Label::Misc)),
            ("Michael Moon (EastEnders)", Some(Label::Person)),
            ("USS Maine", Some(Label::Ship)),
            ("Jamie Foreman", Some(Label::Person)),
            ("Roosevelt Roads, Puerto Rico", Some(Label::Place)),
            ("General Trujillo", Some(Label::Person)),
            ("Canadian Pacific Railway", Some(Label::Org)),
            ("Vertigo (DC Comics)", None),
            ("Landgrave", None),
            ("Warsaw Pact", Some(Label::Org)),
            ("Louis IX of Hesse-Darmstadt", Some(Label::Person)),
            ("Charles II of England", Some(Label::Person)),
            ("Monte Cavallo", Some(Label::Place)),
            ("Lake Qwerty", Some(Label::Place)),
            ("Winter Garden Theatre", Some(Label::Place)),
            ("Alto Tajo Nature Reserve", Some(Label::Place)),
            // A group named by its plural, whatever opens it: never a person.
            ("Christian Qwertans", Some(Label::Person)),
            ("Coastal Arabs", Some(Label::Misc)),
            ("Diane Christians", Some(Label::Misc)),
            ("Saint Qwerty Christians", Some(Label::Misc)),
            ("Jamie Americans", Some(Label::Misc)),
            ("Jamie Swiss", Some(Label::Person)),
            ("Jamie Jewell", Some(Label::Person)),
            // A function word a title capitalizes is no part of a person's name.
            ("Diane Through", None),
            ("Jamie On", None),
            ("Diane Q. The Qwertians", None),
            ("Jamie Seven", None),
            ("Diane I", Some(Label::Person)),
            // A sports club's abbreviation before or after its name; not before a year.
            ("FC Qwerty Town", Some(Label::Org)),
            ("CD Qwerton", Some(Label::Org)),
            ("Qwerton UD", Some(Label::Org)),
            ("AD 1066", None),
            // A place and the regions it lies in.
            ("Qwerty Township, Qwerty County, Ohio", Some(Label::Place)),
            ("Qwerty, Stills, and Nash", None),
            ("One, Qwerty, Three", None),
            ("The Qwerty Championships, Qwerton", Some(Label::Event)),
            ("Qwerty University, Qwerton", Some(Label::Org)),
            // A head word before "of" after capitalized modifiers.
            ("State Railway of Qwertonia", Some(Label::Org)),
            ("Second Battle of Qwerton", Some(Label::Event)),
            ("The Qwerty House of Representatives", Some(Label::Org)),
            ("The Qwerty House of Lords", None),
            ("2021 Qwerty Union of Qwertonia leadership election", Some(Label::Event)),
            // A head word inside a name: no person, whatever opens it (a given name, a title).
            ("Jamie Park Lodge", None),
            ("Diane University Press", Some(Label::Org)),
            ("Major League Qwertyball", None),
            ("General Qwerty Jones", Some(Label::Person)),
            // A head word of a kind of name the first rows lacked.
            ("Qwerty Statistics Authority", Some(Label::Org)),
            ("Qwerty Books", Some(Label::Org)),
            ("Qwerty Air Lines", Some(Label::Org)),
            ("2002 Qwerty Entry Draft", Some(Label::Event)),
            ("Qwerty Prize", Some(Label::Misc)),
            ("Qwerton Highway 10", Some(Label::Place)),
            ("Interstate 385", Some(Label::Place)),
            ("Qwerty Market", Some(Label::Place)),
            ("Jamie Qwerty Hospital", Some(Label::Org)),
            ("Prince Qwerty Sound", Some(Label::Place)),
            ("General Qwerty Office", Some(Label::Org)),
            ("Diane Publishers", Some(Label::Org)),
            ("Segunda División", Some(Label::Org)),
            // A head word before "for" heads the title, not the last word after it.
            ("Qwerty Award for Best Sound", Some(Label::Misc)),
            ("Bank for Qwerty Settlements", Some(Label::Org)),
            ("Qwerty Sound", Some(Label::Place)),
            // A head before "of" and a name, in running text's case.
            ("province of Qwerton", Some(Label::Place)),
            ("province of L'Qwerton", Some(Label::Place)),
            // A title all in lowercase is a common noun: a kind of thing.
            ("drama film", Some(Label::Misc)),
            ("association football manager", Some(Label::Misc)),
            ("Qwerton district", Some(Label::Place)),
            ("東京タワー", None),
            ("Jamie Qwerty Jones", Some(Label::Person)),
            // A lowercase word opens a common noun phrase: the name in it heads nothing.
            ("collapse of the Qwerty Union", None),
            ("multinational force in Qwerton", None),
            ("battle of Qwerton", Some(Label::Event)),
            ("de Qwerty", None),
            ("the Qwerty Company", Some(Label::Org)),
            // A number word or a series letter after a head word.
            ("Qwerty League Division Four", Some(Label::Org)),
            ("Segunda División B", Some(Label::Org)),
            ("Qwerty Ltd. Two", None),
            ("Monti della Qwerta", Some(Label::Place)),
            // A person's title, a given name and a realm; not a company's name.
            ("Countess Diane of Qwerton-Ytrewq", Some(Label::Person)),
            ("General Qwerty of Ytrewq", None),
            // A possessive determiner is no given name: a song's or a book's title.
            ("My Qwerty", None),
            ("Your Qwerty Jones", None),
            // A college's team for one sport; a city's rapid transit.
            ("Qwerton Hoyas men's basketball", Some(Label::Org)),
            ("Qwerton women's ice hockey", Some(Label::Org)),
            ("Qwerton Metro", Some(Label::Place)),
            // A season of a show; a broadcaster's call sign; an order of chivalry.
            ("Game of Qwerty (season 6)", Some(Label::Work)),
            ("Qwerty (series 12)", Some(Label::Work)),
            ("Qwerty (season)", None),
            ("KQWE-FM", Some(Label::Org)),
            ("WQRT-TV", Some(Label::Org)),
            ("KQWE-XY", None),
            ("Q-FM", None),
            ("Order of the Qwerty Eagle (Ytrewq)", Some(Label::Org)),
            ("Order of Saint Qwerty", Some(Label::Org)),
            ("Order of the day", Some(Label::Misc)),
            ("New World Order", None),
        ] {
            assert_eq!(label_from_title(title), label, "{title}");
        }
    }
}
