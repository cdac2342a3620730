//! What the sentence around a link says its target is, when nothing else types it.
//!
//! A link's own words are often the best evidence an article gives without an index of the
//! whole Wikipedia ("born in [[Béjar]]", "the Dutch botanist [[Hermann Sleumer]]", "[[Krewella]],
//! an American electronic dance music group"). The rules read only the words next to the
//! link, in its line, and each is general English:
//! * a description after the link: ", a|an|the ..." or " is|was a|an ..." whose noun the
//!   table of type nouns knows ("X, a German footballer": PERSON; "X, the capital of": PLACE),
//!   or a person's role without an article ("X, captain of a company", "X, son of"): PERSON;
//! * a life span in parentheses after it ("X (1834–1857)", "X (born 1950)"), or the actor
//!   who plays it ("X, played by Y": a character): PERSON;
//! * "X-based", or a noun of geography after it ("the Tagus river", "the Flin Flon area",
//!   the last of a list "the Melfa and Mollarino rivers"): PLACE;
//! * a type noun right before it ("the botanist X", "his sister X", "the band X"), or one
//!   that says what follows "of" ("the town of X", "daughter of X");
//! * a verb that takes a place ("born in", "died at", "moved to", "near X"), a person
//!   ("directed by", "described by", "married X") or an organization ("played for", "signed
//!   with", "published by");
//! * the work after a possessive ("X's novel", "X's painting"): PERSON;
//! * a title before it ("President X"): PERSON;
//! * a direction from a place or a border ("north west of X", "bounded on the south by X"):
//!   PLACE;
//! * a class before its instances ("academics such as X", "such academics as X", and the
//!   later items of its list: "cities such as A, B and X"): the class noun's type, for a
//!   capitalized name;
//! * a place that lies in the name ("a village in X", "the town of Qwer Ton in X"): PLACE;
//! * a club and its league ("the Qwerton Knicks of the NBA Development League"): ORG.
//!
//! Each rule says nothing when its words are not there: the link then stays untyped.

use std::{borrow::Cow, sync::OnceLock};

use regex::Regex;

use super::{
    context::capitalized,
    links::is_acronym,
    person_titles::{is_lowercase_title, is_person_making_title},
    type_nouns::{
        ends_a_type_noun, ends_in_place_noun, label_before_name, label_of_description,
        place_noun_after_name, singular_of,
    },
    Label,
};
use crate::{
    article::Article,
    sentences::SentenceSplitter,
    span::{floor_char_boundary, Span},
};

/// How far the rules look on either side of a link, in bytes.
const WINDOW: usize = 100;

/// Verbs after which "in"/"at"/"to" introduces a place ("born in", "died at").
const PLACE_VERBS: &[&str] = &[
    "born",
    "died",
    "raised",
    "buried",
    "located",
    "situated",
    "based",
    "headquartered",
    "settled",
    "lived",
    "lives",
    "resides",
    "moved",
    "emigrated",
    "relocated",
    "lies",
    "grew",
];

/// Verbs whose agent, after "by", is a person ("directed by", "described by").
const PERSON_BY_VERBS: &[&str] = &[
    "directed",
    "written",
    "composed",
    "painted",
    "sung",
    "illustrated",
    "translated",
    "authored",
    "narrated",
    "described",
    "drawn",
    "sculpted",
    "photographed",
    "played",
    "voiced",
    "portrayed",
];

/// Verbs whose agent, after "by", is an organization: a publisher, a maker, an operator
/// ("published by X", "manufactured by X"; "built by" and "released by" name persons as
/// often).
const ORG_BY_VERBS: &[&str] = &["published", "manufactured", "operated", "distributed"];

/// Works a person writes or paints, named after the maker's possessive ("Ann Qwerty's
/// novel"); films, series and recordings are made by companies and bands as often.
const AUTHORED_WORKS: &[&str] =
    &["novel", "novels", "play", "plays", "poem", "poems", "memoir", "painting", "paintings"];

/// Verb phrases (last word before the link last) whose object is an organization.
const ORG_OBJECTS: &[&[&str]] =
    &[&["played", "for"], &["signed", "with"], &["signed", "to"], &["signed", "for"]];

/// What follows a character's name before the actor's ("Kat Moon, played by Jessie Wallace").
const PLAYED_BY: &[&str] = &["played by ", "portrayed by ", "voiced by "];

/// Words whose object is a person.
const PERSON_OBJECTS: &[&str] = &["married", "starring"];

/// The label the words around the link at `span` of `text` say, if any.
pub(crate) fn label_from_context(text: &str, span: Span) -> Option<Label> {
    label_after(text, span).or_else(|| label_before(text, span))
}

/// The text after `at` up to the end of its line, at most [`WINDOW`] bytes. The window is
/// cut first and the line end looked for inside it: a look-up per mention must not read to
/// the end of a megabyte-long line (that made a page of one long line quadratic).
fn after(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let window = &rest[..floor_char_boundary(rest, WINDOW)];
    &window[..window.find('\n').unwrap_or(window.len())]
}

/// The text before `at` back to the start of its line, at most [`WINDOW`] bytes (the
/// window first, as in [`after`]).
fn before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or("");
    let mut start = head.len().saturating_sub(WINDOW);
    while !head.is_char_boundary(start) {
        start += 1;
    }
    let window = &head[start..];
    &window[window.rfind('\n').map_or(0, |i| i + 1)..]
}

/// A person's life span in parentheses: "(1834–1857)", "(15 December 1719 – 6 April 1790)",
/// "(born 12 May 1950)", "(b. 1950)".
fn life_span() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\((born |b\. |c\. )?[^()]{0,40}\b\d{3,4}\s*[–-]\s*(c\. )?[^()]{0,40}\b\d{3,4}\)|\((born|b\.) [^()]{0,40}\b\d{4}\)",
        )
        .expect("the life span pattern is valid")
    })
}

/// Where a description of a name opens: "X, a town", "X is an actor".
const DESCRIPTION_OPENINGS: &[&str] = &[
    ", a ",
    ", an ",
    ", the ",
    " is a ",
    " is an ",
    " is the ",
    " was a ",
    " was an ",
    " was the ",
];

/// The label the first sentence of an article says about its subject: a life span in
/// parentheses ("X (1900–1950) was ...") or a description ("X is a town in ...", "X was an
/// American actor"), whichever comes first.
///
/// # Examples
/// ```
/// use wikianno::{gazetteer::label_from_lead_sentence, Label};
///
/// assert_eq!(label_from_lead_sentence("Qwerty is a town in Peru."), Some(Label::Place));
/// assert_eq!(label_from_lead_sentence("Ann Qwerty (1900–1950) was a nurse."), Some(Label::Person));
/// assert_eq!(label_from_lead_sentence("Qwerty is a moth of the family Noctuidae."), None);
/// ```
pub fn label_from_lead_sentence(sentence: &str) -> Option<Label> {
    let life = life_span().find(sentence).map(|m| (m.start(), Label::Person));
    let description = DESCRIPTION_OPENINGS
        .iter()
        .filter_map(|o| sentence.find(o).map(|at| (at, at + o.len(), *o)))
        .min()
        .and_then(|(at, rest, opening)| {
            Some((at, label_after_opening(opening, &sentence[rest..])?))
        });
    match (life, description) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|(_, l)| l),
    }
}

/// How much of the first paragraph the lead sentence is looked for in, in bytes: a
/// sentence, not a page of one paragraph.
const LEAD_SENTENCE_BYTES: usize = 2000;

/// The label the lead sentence of `article` says about its subject (the first sentence of
/// its first paragraph, as the sentence splitter cuts it: an initial or an abbreviation
/// ends none, "Habern W. Freeman (1920–1990) was ..."; see [`label_from_lead_sentence`]).
pub(crate) fn label_from_lead(article: &Article) -> Option<Label> {
    let first = *article.paragraphs.first()?;
    let text = &article.text;
    let end = floor_char_boundary(text, first.start.saturating_add(LEAD_SENTENCE_BYTES));
    let lead = Span::new(first.start, first.end.min(end).max(first.start));
    let sentence = SentenceSplitter::new().split_within(text, lead).first()?.slice(text);
    label_from_lead_sentence(sentence)
}

/// A description, life span or "-based" right after the link.
fn label_after(text: &str, span: Span) -> Option<Label> {
    let rest = after(text, span.end);
    // The author of a written or painted work: "Ann Qwerty's novel El río" (read before a
    // closing quote is stripped: the apostrophe is the possessive's).
    let work = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s "));
    if work
        .and_then(|w| w.split([' ', ',', '.']).next())
        .is_some_and(|w| AUTHORED_WORKS.contains(&w))
    {
        return Some(Label::Person);
    }
    // A closing quote of a quoted link ("[[Aurora 7]]").
    let rest = rest.strip_prefix(['"', '”', '\'']).unwrap_or(rest);
    if rest.starts_with(" (") && life_span().find(rest).is_some_and(|m| m.start() == 1) {
        return Some(Label::Person);
    }
    if rest.starts_with("-based") {
        return Some(Label::Place);
    }
    // A character and its actor: "Kat Moon, played by Jessie Wallace".
    let clause = rest.strip_prefix(", ").unwrap_or(rest).trim_start();
    if PLAYED_BY.iter().any(|p| clause.starts_with(p)) {
        return Some(Label::Person);
    }
    // A concept's lowercase link ("a [[nymph]], daughter of") is left to its own rule.
    let name_capitalized = text.get(span.start..).is_some_and(capitalized);
    if name_capitalized && rest.strip_prefix(", ").is_some_and(is_role_of_someone) {
        return Some(Label::Person);
    }
    // A noun of geography right after the name: "the Tagus river", "the Flin Flon area".
    if let Some(next) = rest.strip_prefix(' ') {
        let word = next.split([' ', ',', '.', ';', ':', ')']).next().unwrap_or("");
        // A plural only after a list of names: "the Qwerty and Ytrewq rivers" (an
        // adjective before a plural is no name: "Algerian cities", "oak forests").
        let last_of_a_list = before(text, span.start).ends_with(" and ")
            && text.get(span.start..).is_some_and(capitalized);
        if place_noun_after_name(word, last_of_a_list) {
            return Some(Label::Place);
        }
    }
    if is_a_club_of_a_league(text, span, rest) {
        return Some(Label::Org);
    }
    let (opening, description) =
        DESCRIPTION_OPENINGS.iter().find_map(|o| Some((*o, rest.strip_prefix(o)?)))?;
    label_after_opening(opening, description)
}

/// A person's role in apposition, without an article: "captain of a company" (of "Johann
/// Qwerty, captain of a company of jägers"), "son of", "mayor of", "author of": one
/// lowercase word, a person's title or a noun the table types PERSON, then "of". A
/// place's noun says nothing here ("Qwerton, capital of" is read by the other rules).
fn is_role_of_someone(clause: &str) -> bool {
    let Some((word, tail)) = clause.split_once(' ') else { return false };
    tail.starts_with("of ")
        && word.chars().all(|c| c.is_ascii_lowercase())
        && (is_lowercase_title(word) || label_of_description(word, false) == Some(Label::Person))
}

/// The label of the description that follows `opening` (one of [`DESCRIPTION_OPENINGS`]).
/// After ", the " a phrase capitalized throughout is as often the next name of a list
/// ("the Deutsche Oper, the Berlin State Opera") as a designation, so it is not read in
/// lowercase there (`label_of_description`'s `designation`).
fn label_after_opening(opening: &str, description: &str) -> Option<Label> {
    label_of_description(description, opening != ", the ")
}

/// Words that end the name of a league of clubs: "the National Hockey League", "the NBA
/// Development League", "the Qwerty Conference".
const LEAGUE_HEADS: &[&str] = &["League", "Conference"];

/// A club and its league: "the Qwerton Knicks of the NBA Development League" (`rest` is
/// the text after the name). The name follows "the" (a person's name does not: "Ann Qwerty
/// of the Qwerty League" is a player or an official) and the league's name is capitalized
/// words ending in a league's head word, at most six.
fn is_a_club_of_a_league(text: &str, span: Span, rest: &str) -> bool {
    let Some(league) = rest.strip_prefix(" of the ") else {
        return false;
    };
    if !before(text, span.start).ends_with("the ") && !before(text, span.start).ends_with("The ") {
        return false;
    }
    for word in league.split(' ').take(6) {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
        if !bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        if LEAGUE_HEADS.contains(&bare) {
            return true;
        }
        if bare.len() != word.len() {
            return false;
        }
    }
    false
}

/// The words right before the link: a type noun, a verb, a title.
fn label_before(text: &str, span: Span) -> Option<Label> {
    let head = before(text, span.start);
    let head = head.strip_suffix(['"', '“', '\'']).unwrap_or(head);
    // Exactly one space between the words and the link: punctuation breaks the phrase.
    let head = head.strip_suffix(' ')?;
    let name_capitalized = text.get(span.start..).is_some_and(capitalized);
    if let Some(label) = label_of_listed_instance(head).filter(|_| name_capitalized) {
        return Some(label);
    }
    // Every rule below reads the word right before the link first, and most such words
    // ("the", "and", "with") open none: they are turned away before the phrase is read
    // (this runs for every occurrence of every capitalized run of an article).
    let last = head.rsplit(' ').next().unwrap_or("").trim_start_matches(['(', '"', '“']);
    if last.is_empty() || last.ends_with([',', ';', ':', '.', ')']) {
        return None;
    }
    if is_person_making_title(last) {
        return Some(Label::Person);
    }
    if !opens_a_rule(last) {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for raw in head.rsplit(' ').take(8) {
        let clean = raw.trim_start_matches(['(', '"', '“']);
        let ends_clause = clean.ends_with([',', ';', ':', '.', ')']);
        if clean.is_empty() || (ends_clause && !words.is_empty()) {
            break;
        }
        if ends_clause {
            return None;
        }
        words.push(clean.to_string());
    }
    if words.is_empty() {
        return None;
    }
    // Titles are capitalized ("President"): compared as written.
    if is_person_making_title(&words[0]) {
        return Some(Label::Person);
    }
    words.reverse();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    // A class before its instances names things, not concepts: "events such as genocide"
    // leaves a lowercase link to the concept rule.
    if lower.last() == Some(&"as") && !name_capitalized {
        return None;
    }
    // The place nouns as written: "Cities in Dust" is a title, no city.
    let written: Vec<&str> = words.iter().map(String::as_str).collect();
    if let Some((&"in", holder)) = written.split_last() {
        if name_capitalized && !names_a_time(text, span) && lies_in_the_name(holder) {
            return Some(Label::Place);
        }
    }
    let name = text.get(span.start..span.end).unwrap_or("");
    label_of_verb_phrase(&lower)
        .or_else(|| label_of_creator(&lower, name))
        .or_else(|| label_before_name(&lower))
}

/// A work and its maker: "a 1952 play by X", "the debut album by X", "a novel by X" (`words`
/// end with "by" right before the name). A name that opens with "The" is never a person's:
/// a band ("the debut album by The Qwertys"). Else the maker of a play, a book, a film or a
/// painting is a person; of a recording ([`RECORDINGS`]), a person or a band, which the
/// words do not tell ("a song by Qwerty Plan"). An acronym makes no work of art by itself
/// ("a series by HBO" is a channel's).
fn label_of_creator(words: &[&str], name: &str) -> Option<Label> {
    let (&"by", work) = words.split_last()? else {
        return None;
    };
    if label_before_name(work) != Some(Label::Work) || is_acronym(name) {
        return None;
    }
    if name.starts_with("The ") {
        return Some(Label::Org);
    }
    let recording = work.last().is_some_and(|noun| RECORDINGS.contains(noun));
    (!recording).then_some(Label::Person)
}

/// Works of music that bands make as often as single artists: "by X" after them names
/// either.
const RECORDINGS: &[&str] = &["album", "song", "single", "ep", "soundtrack", "track", "record"];

/// Words that end a verb phrase of [`label_of_verb_phrase`] ("near", "born in", "played
/// for", "married").
const VERB_PHRASE_ENDS: &[&str] = &["near", "in", "at", "to", "of", "by", "for", "with", "as"];

/// Points of the compass: "5 km north west of X", "bounded on the south by X" (X is a place:
/// a direction is measured from a place).
const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// True when `word`, the last word before a name, can end a phrase that some rule of
/// [`label_before`] reads: a verb phrase's last word or a type noun's (compared lowercase,
/// as the rules compare them).
fn opens_a_rule(word: &str) -> bool {
    let lower = if word.bytes().any(|b| !b.is_ascii_lowercase()) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    let lower = lower.as_ref();
    VERB_PHRASE_ENDS.contains(&lower)
        || PERSON_OBJECTS.contains(&lower)
        || ORG_OBJECTS.iter().any(|phrase| phrase.last() == Some(&lower))
        || ends_a_type_noun(lower)
}

/// A verb before the link that says what its object is ("born in", "directed by").
fn label_of_verb_phrase(words: &[&str]) -> Option<Label> {
    let (&last, rest) = words.split_last()?;
    match last {
        "near" => return Some(Label::Place),
        // "born in", "born on 15 December 1719 in", "moved to".
        "in" | "at" | "to" if rest.iter().rev().take(6).any(|w| PLACE_VERBS.contains(w)) => {
            return Some(Label::Place)
        }
        "of" if rest.last() == Some(&"native") => return Some(Label::Place),
        // A direction from a place, or a border: "north west of X", "on the south by X".
        "of" | "by" if rest.last().is_some_and(|w| COMPASS_POINTS.contains(w)) => {
            return Some(Label::Place)
        }
        // A class and its instances (Hearst's patterns): "academics such as X", "such
        // academics as X", "rock bands such as X". The plural noun names what X is.
        "as" => return label_of_such_as(rest),
        "by" if rest.last().is_some_and(|w| PERSON_BY_VERBS.contains(w)) => {
            return Some(Label::Person)
        }
        "by" if rest.last().is_some_and(|w| ORG_BY_VERBS.contains(w)) => return Some(Label::Org),
        _ if PERSON_OBJECTS.contains(&last) => return Some(Label::Person),
        _ => {}
    }
    ORG_OBJECTS.iter().any(|phrase| words.ends_with(phrase)).then_some(Label::Org)
}

/// Eras after "in" and a number before them: "in AD 387", "in 387 AD".
const ERAS: &[&str] = &["AD", "BC", "BCE", "CE"];

/// True when the name at `span` is a time, not a place: a month or an era ("the city in
/// March", "a vassal state in AD 387"), or a name a number follows ("the region in May 2014").
fn names_a_time(text: &str, span: Span) -> bool {
    let name = text.get(span.start..span.end).unwrap_or("");
    let number_after = text
        .get(span.end..)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    crate::temporal::MONTH_NAMES.contains(&name) || ERAS.contains(&name) || number_after
}

/// True when `words` (as written, the words before "in" and a name) end with a place that lies
/// in the name: "a village in X", "two villages in X", "the town of Qwer Ton in X" (at most
/// three words of the place's own name between "of" and "in"). What holds a town, a county
/// or a river is a place; the nouns are the table's places named after "of" too
/// ([`ends_in_place_noun`]), so "a station in X" or "a star in X" says nothing.
fn lies_in_the_name(words: &[&str]) -> bool {
    if ends_in_place_noun(words) {
        return true;
    }
    // "the town of Qwer Ton": the place's name is at most the three words before "in".
    let from = words.len().saturating_sub(4);
    words[from..]
        .iter()
        .rposition(|w| *w == "of")
        .is_some_and(|of| ends_in_place_noun(&words[..from + of]))
}

/// The label of a later item of a list of instances after its class: "cities such as
/// Qwerton, Ytrewq and [Zxcv]", "individuals such as Ann Qwerty, and [Bo Ytrewq]" (Hearst's
/// pattern, as [`label_of_such_as`] reads it for the first item). `head` is the line before
/// the item, at most [`WINDOW`] bytes, without the space right before the item; between
/// "such as" and the item only capitalized words, commas, "and" and "or" may stand: any
/// other word ends the list.
fn label_of_listed_instance(head: &str) -> Option<Label> {
    let last = head.rsplit(' ').next().unwrap_or("");
    if !(last.ends_with(',') || last == "and" || last == "or") {
        return None;
    }
    let (class, list) = head.rsplit_once(" such as ")?;
    let in_list = |word: &str| {
        let word = word.trim_end_matches(',');
        word.is_empty() || word == "and" || word == "or" || capitalized(word)
    };
    if !list.split(' ').all(in_list) {
        return None;
    }
    // The class noun phrase: the words before "such as" back to punctuation, at most four
    // (the table's longest noun).
    let class: Vec<String> = class
        .rsplit(' ')
        .take_while(|w| !w.is_empty() && !w.ends_with([',', ';', ':', '.', ')']))
        .take(4)
        .map(str::to_lowercase)
        .collect();
    let mut words: Vec<&str> = class.iter().rev().map(String::as_str).collect();
    words.push("such");
    label_of_such_as(&words)
}

/// True when `word` (lowercase) is a plural the table of type nouns knows in the singular:
/// a class of names ("bands", "artists", "cities").
fn is_class_noun(word: &str) -> bool {
    singular_of(word).is_some_and(|singular| label_before_name(&[singular.as_str()]).is_some())
}

/// The label the plural noun phrase of "NOUNs such as" or "such NOUNs as" says (`words`
/// end right before "as"), read in the singular in the table of type nouns.
fn label_of_such_as(words: &[&str]) -> Option<Label> {
    let noun_phrase: &[&str] = match words {
        [.., "such"] => &words[..words.len() - 1],
        [.., "such", noun] => std::slice::from_ref(noun),
        _ => return None,
    };
    // At most the table's longest noun (4 words): the rest of the clause is no part of it.
    let noun_phrase = &noun_phrase[noun_phrase.len().saturating_sub(4)..];
    // Two classes ("bands and artists such as X, Y") say nothing of which one an item is;
    // the class is the words after a conjunction that joins it to anything else ("Afghan
    // Post and private companies such as", "films ..., and of directors such as").
    let noun_phrase = match noun_phrase.iter().rposition(|w| matches!(*w, "and" | "or")) {
        Some(at) if at > 0 && is_class_noun(noun_phrase[at - 1]) => return None,
        Some(at) => &noun_phrase[at + 1..],
        None => noun_phrase,
    };
    let (&plural, modifiers) = noun_phrase.split_last()?;
    let singular = singular_of(plural)?;
    let mut phrase: Vec<&str> = modifiers.to_vec();
    phrase.push(&singular);
    label_before_name(&phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str, anchor: &str) -> Option<Label> {
        let start = text.find(anchor).expect("anchor in text");
        label_from_context(text, Span::new(start, start + anchor.len()))
    }

    #[test]
    fn words_around_a_link() {
        for (text, anchor, expected) in [
            ("He was born in Qwerton in 1950.", "Qwerton", Some(Label::Place)),
            ("She died on 2 June 1950 at Qwerton.", "Qwerton", Some(Label::Place)),
            ("They moved to Qwerton.", "Qwerton", Some(Label::Place)),
            ("They lived near Qwerton.", "Qwerton", Some(Label::Place)),
            ("a Qwerton-based company", "Qwerton", Some(Label::Place)),
            ("gorges formed by the Qwerty river and", "Qwerty", Some(Label::Place)),
            ("the Ytrewq and Qwerty rivers in", "Qwerty", Some(Label::Place)),
            ("the Qwerty rivers in", "Qwerty", None),
            ("most Qwertian cities", "Qwertian", None),
            ("Qwe Rtyu, played by Ann Smith, left", "Qwe Rtyu", Some(Label::Person)),
            ("mining in the Qwer Ton area, a dock", "Qwer Ton", Some(Label::Place)),
            ("the regions of Qwerton, Ytrewq and", "Qwerton", Some(Label::Place)),
            ("after the Qwerty Market bombing,", "Qwerty Market", None),
            ("The Dutch botanist Ann Qwerty placed it.", "Ann Qwerty", Some(Label::Person)),
            ("Kim's sister Ann Qwerty left.", "Ann Qwerty", Some(Label::Person)),
            ("the daughter of Ann Qwerty.", "Ann Qwerty", Some(Label::Person)),
            ("in the town of Qwerton.", "Qwerton", Some(Label::Place)),
            ("a film directed by Ann Qwerty.", "Ann Qwerty", Some(Label::Person)),
            ("It was described by Qwerty in 1858.", "Qwerty", Some(Label::Person)),
            ("In 1741 he married Ann Qwerty.", "Ann Qwerty", Some(Label::Person)),
            ("He played for Qwerty United.", "Qwerty United", Some(Label::Org)),
            ("They signed with Qwerty.", "Qwerty", Some(Label::Org)),
            ("the song by the group Qwerty.", "Qwerty", Some(Label::Org)),
            ("Qwerty, an American actor, said", "Qwerty", Some(Label::Person)),
            ("Qwerton, a village in Poland", "Qwerton", Some(Label::Place)),
            ("Qwerty is a 2007 drama film directed by", "Qwerty", Some(Label::Work)),
            ("Ann Qwerty (1834–1857) was", "Ann Qwerty", Some(Label::Person)),
            ("Ann Qwerty (born 12 May 1950) is", "Ann Qwerty", Some(Label::Person)),
            ("the coronation of President Qwerty.", "Qwerty", Some(Label::Person)),
            // No rule: the link stays untyped.
            ("He wrote for Qwerty in 1990.", "Qwerty", None),
            ("It was released in Qwerty.", "Qwerty", None),
            ("the king of Qwerton.", "Qwerton", None),
            ("Born, raised, Qwerton.", "Qwerton", None),
            ("a moth of the family Qwertidae.", "Qwertidae", Some(Label::Misc)),
            // A direction from a place, a border: the place.
            ("lying 5 km north west of Qwerton, and", "Qwerton", Some(Label::Place)),
            ("It is bounded on the south by Qwerton,", "Qwerton", Some(Label::Place)),
            ("the town is south of Qwerton.", "Qwerton", Some(Label::Place)),
            ("It was sold by Qwerty.", "Qwerty", None),
            // A class and its instances: "NOUNs such as X", "such NOUNs as X".
            ("founded by such academics as Ann Qwerty, Bo", "Ann Qwerty", Some(Label::Person)),
            ("with rock bands such as Qwerty and", "Qwerty", Some(Label::Org)),
            ("visited cities such as Qwerton.", "Qwerton", Some(Label::Place)),
            ("things such as Qwerty.", "Qwerty", None),
            // The later items of the list take the class too; any other word ends the list.
            ("cities such as Qwerton, Ytrewq and Zxcvton.", "Zxcvton", Some(Label::Place)),
            ("academics such as , Ann Qwerty, and Bo Ytrewq.", "Ann Qwerty", Some(Label::Person)),
            ("academics such as , Ann Qwerty, and Bo Ytrewq.", "Bo Ytrewq", Some(Label::Person)),
            ("rock bands such as Qwerty or Ytrewq, in", "Ytrewq", Some(Label::Org)),
            ("cities such as Qwerton, which is in Ytrewq, and", "Ytrewq", None),
            ("things such as Qwerty, Ytrewq and", "Ytrewq", None),
            ("bands and artists such as Qwerty, Ytrewq and", "Ytrewq", None),
            ("bands and artists such as Ann Qwerty, and", "Ann Qwerty", None),
            ("cities such as Qwerton, and genocide", "genocide", None),
            // A place that lies in a name: a village, the town of X; not a station or a star.
            ("Qwerton is a village in Ytrewqia.", "Ytrewqia", Some(Label::Place)),
            ("two villages in Ytrewqia", "Ytrewqia", None),
            ("The town of Qwer Ton in Ytrewqia was", "Ytrewqia", Some(Label::Place)),
            ("the largest city in Ytrewqia, and", "Ytrewqia", Some(Label::Place)),
            ("the largest city in the Ytrewq Union", "Ytrewq Union", None),
            ("a radio station in Ytrewqia", "Ytrewqia", None),
            ("one of the stars in Qwerty Trek", "Qwerty Trek", None),
            ("the mayor of Qwerton in Ytrewq", "Ytrewq", None),
            ("a village in 1990", "1990", None),
            ("the town of Qwerton in the Qwerty war", "Qwerty", None),
            ("first place in Qwerty Cup", "Qwerty Cup", None),
            ("a cover of the song Cities in Qwerty.", "Qwerty", None),
            ("as he states in Qwerty Logicus", "Qwerty Logicus", None),
            ("forcing them to leave the city in March.", "March", None),
            ("the region in Qwertember 2014", "Qwertember", None),
            ("a vassal state in AD", "AD", None),
            // A conjunction before the class joins it to something else, not to a class.
            (
                "Qwerty Post and private companies such as Zxcv, Ytrewq and",
                "Ytrewq",
                Some(Label::Org),
            ),
            ("the neorealists, and of directors such as Qwerty, Bo", "Qwerty", Some(Label::Person)),
            ("He worked as Qwerty.", "Qwerty", None),
            ("historical events such as genocide.", "genocide", None),
            ("in the arctic and antarctic regions", "antarctic", None),
            // A work and its maker: a person, or a band named with "The".
            ("Qwerty is a 1952 play by J.B. Ytrewq and", "J.B. Ytrewq", Some(Label::Person)),
            ("the eponymous debut album by The Qwertys.", "The Qwertys", Some(Label::Org)),
            ("a novel by Ann Qwerty, set in", "Ann Qwerty", Some(Label::Person)),
            ("a song by Qwerty Plan, from", "Qwerty Plan", None),
            ("a new series by QTV in 2001", "QTV", None),
            ("the painting was sold by Qwerty.", "Qwerty", None),
            ("a founding member of The Qwertys", "The Qwertys", Some(Label::Org)),
            ("a member of Qwertic.", "Qwertic", None),
            // A club of a league, named after "the".
            (
                "with the Qwerton Knicks of the NBA Development League.",
                "Qwerton Knicks",
                Some(Label::Org),
            ),
            ("the Qwerton Owls of the Ytrewq Conference, and", "Qwerton Owls", Some(Label::Org)),
            ("met Ann Qwerty of the Qwerty League.", "Ann Qwerty", None),
            ("the Qwerton Owls of the league.", "Qwerton Owls", None),
            // A publisher or a maker after "by"; an author before the work.
            ("a comic, published by Qwerty Comics. He", "Qwerty Comics", Some(Label::Org)),
            ("trains manufactured by Qwertier in 1980", "Qwertier", Some(Label::Org)),
            ("trains built by Qwertier in 1980", "Qwertier", None),
            ("the setting of Ann Qwerty's novel El río", "Ann Qwerty", Some(Label::Person)),
            ("in Qwertflix's documentary series", "Qwertflix", None),
            ("on Qwerty's album Ytrewq", "Qwerty", None),
        ] {
            assert_eq!(label(text, anchor), expected, "{anchor} in {text:?}");
        }
    }
}
