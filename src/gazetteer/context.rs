//! Context rules: the words around a match that say it is part of something longer.
//!
//! A dictionary hit on "Lima" is a place in "troops entered Lima", but part of another name
//! in "Lima Barracks", "Battle of Lima" or "Tom Lima". The rules here look at the words next
//! to a match, in the original text:
//! * the next word, after exactly one space, is capitalized: the match opens a longer name
//!   ("Harvard University", "Russian Revolution", "Henry Clay");
//! * the previous word, before exactly one space, is capitalized and not a function word
//!   capitalized at a sentence start ("In", "The"): the match closes a longer name, or comes
//!   right after a given name or a title ("Ulrich Merkel", "General Lima");
//! * the previous words are "of"/"de"/... after a capitalized word: the match ends a name of the
//!   shape "Battle of Lima", "University of Texas".
//!
//! Punctuation between two words (a comma, a full stop, a parenthesis) breaks the chain,
//! so "Austin, Texas" and "in Lima. Peru" are not chains.

use std::{path::Path, sync::OnceLock};

use super::{
    load,
    person_titles::{is_person_making_title, is_title_before_name, person_title},
    shipped::DEMONYMS,
    type_nouns::label_of_noun_phrase,
    Label,
};
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};
use rustc_hash::FxHashSet;

/// Given names from the 1990 US Census lists (see the file's header).
const GIVEN_NAMES: &str = include_str!("../../gazetteers/lexicon/given_names.tsv");

/// The endings of a possessive, straight and typographic ("Smith's", "Smith’s", "the
/// Joneses'"): a possessive ends a name, and a word that bears one opens none.
const POSSESSIVE_ENDINGS: [&str; 4] = ["'s", "’s", "'", "’"];

/// Words that are capitalized at a sentence start or in titles without being part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "Aboard",
    "About",
    "Above",
    "Across",
    "After",
    "Afterward",
    "Afterwards",
    "Again",
    "Against",
    "All",
    "Along",
    "Also",
    "Although",
    "Amid",
    "Amidst",
    "Among",
    "Amongst",
    "An",
    "And",
    "Another",
    "Around",
    "As",
    "At",
    "Atop",
    "Because",
    "Before",
    "Behind",
    "Below",
    "Beneath",
    "Beside",
    "Besides",
    "Between",
    "Beyond",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Eight",
    "Either",
    "Even",
    "Eventually",
    "Every",
    "Except",
    "Finally",
    "Five",
    "Following",
    "For",
    "Four",
    "From",
    "He",
    "Hence",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Including",
    "Inside",
    "Instead",
    "Into",
    "It",
    "Its",
    "Later",
    "Like",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Near",
    "Neither",
    "Nine",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "Off",
    "On",
    "Once",
    "One",
    "Only",
    "Onto",
    "Opposite",
    "Or",
    "Other",
    "Our",
    "Outside",
    "Over",
    "Per",
    "Seven",
    "Several",
    "She",
    "Since",
    "Six",
    "So",
    "Some",
    "Soon",
    "Still",
    "Such",
    "Ten",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Through",
    "Throughout",
    "Thus",
    "To",
    "Today",
    "Together",
    "Toward",
    "Towards",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "Upon",
    "Via",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Whose",
    "Why",
    "With",
    "Within",
    "Without",
    "Yet",
    "Your",
];

/// Lowercase particles inside a person's name, before a surname ("Manuel Ignacio de
/// Vivanco", "Otto von Bismarck", "Gómez Sánchez y Benavides", "Mohammed bin Salman").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "ibn", "la", "le",
    "ter", "van", "von", "y", "zu",
];

/// True when the lowercase `word` joins the parts of a name: a person's particle
/// ([`NAME_PARTICLES`]) or "of" ("Battle of Lima", "Bank of England").
pub(crate) fn is_name_joiner(word: &str) -> bool {
    word == "of" || NAME_PARTICLES.contains(&word)
}

fn given_names() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter(|l| !FUNCTION_WORDS.contains(l))
            .collect()
    })
}

/// The surfaces of the shipped DEMONYM rows: nationality words and the names of ethnic and
/// religious groups ("Russian", "Arab", "Christians"), as `gazetteers/demonyms.tsv` lists them.
fn group_words() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        // Read as every gazetteer is: a bad row fails the shipped gazetteers' strict build
        // (`read_sources`), so none is left out here unseen.
        let (rows, _) = load::parse_rows(Path::new("gazetteers/demonyms.tsv"), DEMONYMS);
        rows.into_iter().filter(|r| r.label == Label::Demonym).map(|r| r.surface).collect()
    })
}

/// True when `word` names the members of a people or a faith: the plural in "s" of a shipped
/// DEMONYM row ("Americans", "Arabs", "Christians"; not "Swiss", a row that merely ends in
/// "s"). Such a word ends the name of a group ("Christian Arabs", "Saint Thomas
/// Christians"), never a person's name.
pub(crate) fn is_group_plural(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|singular| group_words().contains(singular))
}

/// True when `word` is the surface of a shipped DEMONYM row ("French", "Greek", "Jewish").
pub(crate) fn is_shipped_demonym(word: &str) -> bool {
    group_words().contains(word)
}

/// True when `word` is a known given name ("Diane", "Ulrich"), in its capitalized form.
pub(crate) fn is_given_name(word: &str) -> bool {
    given_names().contains(word)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

/// The word right before `at`, when exactly one space separates it from `at`.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let start = before
        .rfind(|c: char| !is_word_char(c))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[start..];
    (!word.is_empty() && !word.ends_with('.')).then_some(word)
}

/// The word right after `at`, when exactly one space separates it from `at`.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let after = text.get(at..)?.strip_prefix(' ')?;
    let end = after.find(|c: char| !is_word_char(c) || c == '.').unwrap_or(after.len());
    let word = &after[..end];
    (!word.is_empty()).then_some(word)
}

/// True when `word` opens with a capital letter.
pub(crate) fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalized word that can be part of a name: not a function word or a number word
/// capitalized at a sentence start ("In Lima", "One Spanish frigate").
fn name_word(word: &str) -> bool {
    capitalized(word) && !function_words().contains(word)
}

/// True when `word` is one of the [`FUNCTION_WORDS`] ("The", "In").
pub(crate) fn is_function_word(word: &str) -> bool {
    function_words().contains(word)
}

/// [`FUNCTION_WORDS`] as a set: one hash per capitalized word.
fn function_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
}

/// True when the match at `span` is part of a longer capitalized name (see the module doc).
/// A title after the match does not extend it: "Peruvian President Pezet".
pub(crate) fn in_longer_name(text: &str, span: Span) -> bool {
    if word_after(text, span.end)
        .is_some_and(|w| capitalized(w) && w != "I" && !is_title_before_name(w))
    {
        return true;
    }
    match word_before(text, span.start) {
        Some(w) if name_word(w) => true,
        Some(w) if is_name_joiner(w) => {
            let joiner_start = span.start - 1 - w.len();
            word_before(text, joiner_start).is_some_and(name_word)
        }
        _ => false,
    }
}

/// True when the match at `span` is a part of a longer capitalized name, for the matches
/// of whole names (an article's repeat of a name it links, a curated row), which unlike
/// short forms may follow a title ("President Pezet") or a possessive ("Arty's Twitter"):
/// a capitalized word after it ("UNESCO Tentative List") or before it ("Eastern
/// Cushitic"). Unlike [`in_longer_name`], "of" joins nothing here ("the Deputy Whip of the
/// Bloc Québécois" names the Bloc, as Wiki-Fair's gold says), and neither does a dash
/// ("Angola-Portugal relations", "Walvis Ridge–Rio Grande Rise" name two). Reads a word
/// either side: constant work per match. A person's full name (`person`) is still that
/// person after another capitalized word, a rank the title list lacks or another given
/// name ("Generalissimo José Balta"): only the word after counts for it.
pub(crate) fn inside_longer_name(text: &str, span: Span, person: bool) -> bool {
    // Only a capitalized name is continued by capitalized neighbours: one in a script
    // without case ("中文") or a row written in lowercase ("de Gaulle") is left as matched.
    if !span.slice(text).starts_with(char::is_uppercase) {
        return false;
    }
    if word_after(text, span.end)
        .is_some_and(|w| capitalized(w) && w != "I" && !is_title_before_name(w))
    {
        return true;
    }
    let after_name_word = !person
        && word_before(text, span.start).is_some_and(|w| {
            name_word(w)
                && !is_title_before_name(w)
                && !POSSESSIVE_ENDINGS.iter().any(|p| w.ends_with(p))
        });
    after_name_word || ends_a_name_with_of(text, span.start)
}

/// True when "W of " or "W of the " comes right before `at` and W is a capitalized word of
/// a longer name: the match ends that name ("the Tomb of Achilles", "The Metaphysics of
/// Will", "The Structure and Reproduction of the Algae", "the Library of the University of
/// California"). Not when W is a person's title or role, whose "of" names the entity it
/// serves ("President of Qwertia", "CEO of Kyndryl", "Treasurer of the Royal Numismatic
/// Society", as the gold of Wiki-Fair and wikigold tags them), nor when W ends a longer
/// capitalized run, a person or a name that "of" places ("Amos Frumkin of the Hebrew
/// University", "Palmaner Taluk of Chittoor District"), nor when W opens a sentence, a
/// heading or a list item, which capitalize any word ("Arrival of Modernism"). Reads four
/// words back: constant work per match.
fn ends_a_name_with_of(text: &str, at: usize) -> bool {
    let Some(mut joiner) = word_before(text, at) else { return false };
    let mut joiner_start = at - 1 - joiner.len();
    if joiner == "the" {
        let Some(w) = word_before(text, joiner_start) else { return false };
        joiner = w;
        joiner_start -= 1 + w.len();
    }
    if joiner != "of" {
        return false;
    }
    let Some(head) = word_before(text, joiner_start) else { return false };
    let head_start = joiner_start - 1 - head.len();
    // W ends a longer capitalized run: a person's name ("Amos Frumkin of the Hebrew
    // University") or a name of its own ("Westchester Knicks of the NBA Development League").
    let ends_a_run = word_before(text, head_start).is_some_and(name_word);
    name_word(head)
        && !ends_a_run
        && !opens_sentence(text, head_start)
        && !is_title_before_name(head)
        && label_of_noun_phrase(&head.to_lowercase()) != Some(Label::Person)
}

/// True when "the" comes right before the match at `span` and the match closes the noun
/// phrase there (a punctuation mark or the text's end follows): "the Saturn V, which",
/// "the Paris Commune, and", "the Morris Mini Deluxe." name a thing, a group or a work. A
/// person's name follows "the" only to modify a noun after it ("the Kamprad family", "the
/// Schröder administration"), in a compound ("the Einstein-de Sitter model") or as a
/// family's possessive ("the Virtue's New York publishing house", which Wiki-Fair's gold
/// tags). Reads a word before and a character after: constant work.
pub(crate) fn closes_a_the_phrase(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).and_then(|b| b.strip_suffix(' ')).unwrap_or("");
    let after_the = ["the", "The"].iter().any(|the| {
        before.strip_suffix(the).is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
    });
    let after = text.get(span.end..).unwrap_or("");
    after_the && (after.is_empty() || after.starts_with([',', '.', ';', ':', '(', ')', '!', '?']))
}

/// True when the text at `span` is a whole quotation ("Oscar Greats" at Time magazine, the
/// song "Eleanor Rigby"), not a nickname quoted inside a name (Ilona "Lona Dee" Dertinger:
/// a capitalized word on both sides). Wikipedia quotes the titles of short works (songs,
/// essays, episodes, chapters), never a person's name. Reads a quote mark and one word
/// either side: constant work.
pub(crate) fn is_whole_quotation(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let (Some(open), Some(close)) =
        (before.strip_suffix(['"', '“']), after.strip_prefix(['"', '”']))
    else {
        return false;
    };
    let close_end = text.len() - close.len();
    let inside_name = word_before(text, open.len()).is_some_and(capitalized)
        && word_after(text, close_end).is_some_and(capitalized);
    !inside_name
}

/// How long a quoted nickname may be, in bytes ("Till", "Lona Dee", "The Rock").
const NICKNAME_BYTES: usize = 32;

/// True when a quoted nickname stands between the match at `span` and another capitalized
/// word, as cast lists and tables write a person's full name (Tilmann "Till" Weigel,
/// Alexandra "Alexa" Falkenberg): the match is a part of that name, no mention of its own
/// (not a given name, not a place). Reads a nickname and a word either side: constant work.
pub(crate) fn beside_quoted_nickname(text: &str, span: Span) -> bool {
    let is_nickname = |nick: &str| {
        nick.starts_with(char::is_uppercase) && !nick.contains(['\n', '|', '"', '“', '”'])
    };
    // After the match: ` "Nick" Word`.
    let after = text.get(span.end..).unwrap_or("");
    let nickname_after = [" \"", " “"].iter().any(|open| {
        let Some(rest) = after.strip_prefix(open) else { return false };
        let window = &rest[..floor_char_boundary(rest, NICKNAME_BYTES)];
        let Some((close, quote)) = window.char_indices().find(|&(_, c)| c == '"' || c == '”')
        else {
            return false;
        };
        let close_end = text.len() - rest.len() + close + quote.len_utf8();
        is_nickname(&rest[..close]) && word_after(text, close_end).is_some_and(capitalized)
    });
    if nickname_after {
        return true;
    }
    // Before the match: `Word "Nick" `.
    let Some(before) = text.get(..span.start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let Some(inner) = before.strip_suffix(['"', '”']) else { return false };
    let window_start = ceil_char_boundary(inner, inner.len().saturating_sub(NICKNAME_BYTES));
    let Some((open, quote)) =
        inner[window_start..].char_indices().rev().find(|&(_, c)| c == '"' || c == '“')
    else {
        return false;
    };
    let open = window_start + open;
    is_nickname(&inner[open + quote.len_utf8()..])
        && word_before(text, open).is_some_and(capitalized)
}

/// True when an author's initials follow the match at `span` after a comma, as a
/// citation writes a surname ("Pavia, D.L., Lampman, G.M."): the match is a person.
pub(crate) fn before_initials(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("").as_bytes();
    matches!(rest, [b',', b' ', initial, b'.', ..] if initial.is_ascii_uppercase())
}

/// How far back the surname of an inverted name is looked for: one word.
const SURNAME_REACH: usize = 40;

/// True when the person's name at `span` is the given-name part of an inverted name, the
/// way reference lists write authors: "Logan, Robert K.", "Ishiguro, Hiroshi. \"Android
/// science\"", "McLuhan, Marshall; Logan, ...". The match starts with a known given name, one
/// capitalized word and a comma come right before it, that word starts an item (the text's
/// start, a line, or after ". ", "; ", ") "), and a full stop, a semicolon or a year in
/// parentheses ends the name. "However, Robert, who ..." is no inverted name (a comma
/// follows), nor "In Paris, Robert." (the word before "Paris" does not end an item). Reads
/// at most [`SURNAME_REACH`] bytes back: constant work per match.
pub(crate) fn in_inverted_name(text: &str, span: Span) -> bool {
    let matched = span.slice(text);
    let first = matched.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if !is_given_name(first) {
        return false;
    }
    let after = text.get(span.end..).unwrap_or("");
    let ends_name = after.starts_with(['.', ';'])
        || after.strip_prefix(" (").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if !ends_name {
        return false;
    }
    let Some(head) = text.get(..span.start).and_then(|b| b.strip_suffix(", ")) else {
        return false;
    };
    let from = ceil_char_boundary(head, head.len().saturating_sub(SURNAME_REACH));
    let window = &head[from..];
    let surname_start = window
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
        .map(|(i, c)| i + c.len_utf8());
    let (surname, item_start) = match surname_start {
        Some(i) => (&window[i..], &window[..i]),
        // The whole window is one word: only an inverted name when the text starts there.
        None if from == 0 => (window, ""),
        None => return false,
    };
    capitalized(surname)
        && ((item_start.is_empty() && from == 0)
            || item_start.ends_with('\n')
            || [". ", "; ", ") "].iter().any(|end| item_start.ends_with(end)))
}

/// How far around a match the quotes of a quoted title are looked for: a title is a line.
const QUOTED_TITLE_REACH: usize = 160;

/// True when the match at `span` lies inside a quoted title longer than it, the way
/// reference lists and prose quote the titles of articles, songs and chapters: "The
/// Aesthetic Phenomenology of Arthur Schopenhauer", "Songs of Lima". The quotes ("..." or
/// “...”) are the nearest ones on each side on the same line; what they hold starts right
/// after the opening quote with a capital, ends right before the closing one, and every
/// word of four or more letters in it is capitalized (title case): a quoted sentence ("Lima
/// is lovely") is no title. Reads at most [`QUOTED_TITLE_REACH`] bytes each side.
pub(crate) fn in_quoted_title(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let from = span.start.saturating_sub(QUOTED_TITLE_REACH);
    let to = (span.end + QUOTED_TITLE_REACH).min(bytes.len());
    let (Some(before), Some(after)) = (bytes.get(from..span.start), bytes.get(span.end..to)) else {
        return false;
    };
    // Most matches have no quote near them: two SIMD scans each side settle it.
    let Some((open, Mark::Straight | Mark::Opening)) = last_mark(before) else {
        return false;
    };
    let Some((close, Mark::Straight | Mark::Closing)) = first_mark(after) else {
        return false;
    };
    let quote_len = if before[open] == b'"' { 1 } else { 3 };
    let Some(inner) = text.get(from + open + quote_len..span.end + close) else {
        return false;
    };
    let longer = inner.len() > span.len();
    let tight = inner.starts_with(char::is_uppercase) && !inner.ends_with(char::is_whitespace);
    let title_case = || {
        inner
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
    };
    longer && tight && title_case()
}

/// What ends a cited title before the match: a full stop, a comma, a parenthesis.
const TITLE_ENDS: [char; 3] = ['.', ',', '('];

/// How far a cited title's line is read: back to the line's start, on to the title's end.
const CITED_TITLE_REACH: usize = 300;

/// True when the match at `span` lies inside the title of a work cited on a line of its own, the
/// way reference lists write one after its author: "Middlekauff, Robert. The Glorious Cause: The
/// American Revolution, 1763–1789. Oxford ...", "Middleton, Richard, The War of American
/// Independence, 1775-1783.", "Peter Blome: Angela Merkel – Die Zauderkünstlerin. Pantheon". The
/// line opens with the author ([`cited_author_end`]), the title starts right after it with a
/// capital and ends at the first full stop before a space, comma or parenthesis, or at the line's
/// end; the match is inside it and shorter (a whole title is the work's name). Reads at most
/// [`CITED_TITLE_REACH`] bytes each side: constant work.
pub(crate) fn in_cited_title(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let Some(line_start) = cited_line_start(text, span.start) else { return false };
    let Some(line) = text.get(line_start..span.start) else { return false };
    // The author is read on the whole line (a bounded walk of a few words), so that a
    // co-author after the comma is seen even when the match is that co-author.
    let Some(title_start) = cited_author_end(cited_line(text, line_start, span)) else {
        return false;
    };
    // The match opens the title, or the title opens with a capital before it.
    let Some(title) = line.get(title_start..) else { return false };
    if !(title.is_empty() || title.starts_with(char::is_uppercase)) || title.contains(TITLE_ENDS) {
        return false;
    }
    let to = (span.end + CITED_TITLE_REACH).min(bytes.len());
    let Some(after) = bytes.get(span.end..to) else { return false };
    // The title ends at a full stop before a space, a comma or a parenthesis (the
    // publisher's place or name, a year follow), or at the line's end.
    let end = after
        .iter()
        .enumerate()
        .find(|&(i, &b)| {
            matches!(b, b'\n' | b',' | b'(')
                || (b == b'.' && after.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        })
        .map(|(i, _)| i);
    let Some(end) = end else { return false };
    // Longer than the match: some words before it in the title, or after it.
    !title.is_empty() || after[..end].iter().any(u8::is_ascii_alphanumeric)
}

/// How far a linked page's title line is read each side of the match: such a line is short.
const PAGE_TITLE_LINE_REACH: usize = 200;

/// How far back before such a line its section's heading is looked for: those sections are
/// lists of short lines, and close the article.
const LINK_SECTION_REACH: usize = 4000;

/// The headings of the sections whose lines are the titles of linked pages or cited works.
const LINK_SECTION_HEADINGS: [&[u8]; 2] = [b"\n\nExternal links\n", b"\n\nFurther reading\n"];

/// What ends the title that opens such a line, the site, publisher or a comment following it:
/// "Angela Merkel at the Encyclopædia Britannica", "Andorra from UCB Libraries", "Angela
/// Merkel on IMDb", "Website about Andrei Tarkovsky, Films", "Alaska State Databases – Annotated
/// list", "Benedetto Croce. Aesthetic as ...".
const PAGE_TITLE_ENDS: [&str; 13] =
    [" at ", " from ", " on ", " via ", " in ", " – ", " — ", " - ", ": ", ", ", " (", ". ", " |"];

/// True when the match at `span` lies inside the title that opens a line of an "External
/// links" or "Further reading" section, and is shorter than it: the line is a linked web page's
/// or a cited work's title, written with no author before it ("The ASCII subset of Unicode",
/// "Behavior by Bailey", "Angela Merkel collected news and commentary at The Economist"), and a
/// name inside a title is no mention of its own. The title runs from the line's start to the
/// first of [`PAGE_TITLE_ENDS`]; what follows it (the site, a publisher) is read like running
/// text, and a title that is the match alone ("Angela Merkel at ...") is the subject's name.
/// A line that opens with an author ("Smith, John. ...") has the author alone as its first
/// part, so its title is left to [`in_cited_title`]. Reads at most [`PAGE_TITLE_LINE_REACH`]
/// bytes each side and [`LINK_SECTION_REACH`] bytes back: constant work per match.
pub(crate) fn in_linked_page_title(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let from = span.start.saturating_sub(PAGE_TITLE_LINE_REACH);
    let Some(before) = bytes.get(from..span.start) else { return false };
    let Some(line_start) = memchr::memrchr(b'\n', before).map(|i| from + i + 1) else {
        return false;
    };
    let to = (span.end + PAGE_TITLE_LINE_REACH).min(bytes.len());
    let Some(after) = bytes.get(span.end..to) else { return false };
    let line_end = match memchr::memchr(b'\n', after) {
        Some(i) => span.end + i,
        None if to == bytes.len() => to,
        None => return false,
    };
    let Some(line) = text.get(line_start..line_end) else { return false };
    // A quoted title is read by the quotes ([`in_quoted_title`]), not here.
    if !line.starts_with(char::is_uppercase) {
        return false;
    }
    let title_len = PAGE_TITLE_ENDS.iter().filter_map(|end| line.find(end)).min();
    let title_len = title_len.unwrap_or(line.len()).min(by_author_at(line).unwrap_or(line.len()));
    let title = line[..title_len].trim_end_matches(['.', ' ']);
    let (start, end) = (span.start - line_start, span.end - line_start);
    if end > title.len() || end - start == title.len() || is_author_list(title) {
        return false;
    }
    // "At the Massachusetts Institute of Technology (primarily in English)", "In German": a
    // line opening with a preposition describes the link, it is no title.
    if title.split(' ').next().is_some_and(|w| matches!(w, "At" | "In" | "From" | "Via")) {
        return false;
    }
    let back = line_start.saturating_sub(LINK_SECTION_REACH);
    let Some(section) = bytes.get(back..line_start) else { return false };
    LINK_SECTION_HEADINGS.iter().any(|heading| memchr::memmem::rfind(section, heading).is_some())
}

/// Where " by " and an author's name of two capitalized words or more (a title, "Dr", may open
/// it) follow a linked page's title: "Agnostida fact sheet by Sam Gon III", "Algorithms and
/// Data Structures by Dr Nikolai Bezroukov"; one word after "by" is read as the title's own
/// ("Behavior by Bailey", "Kant's philosophy as rectified by Schopenhauer"). The first " by "
/// of the line only, and its next two words: constant work.
fn by_author_at(line: &str) -> Option<usize> {
    let at = line.find(" by ")?;
    let mut words = line[at + 4..].split(' ');
    let two = words.next().is_some_and(capitalized) && words.next().is_some_and(capitalized);
    two.then_some(at)
}

/// The lowercase words an author list holds besides the names: "Dana Arnold and Margaret
/// Iverson", "Martin Rupiya et al.", "Carol Armstrong and Catherine de Zegher".
const AUTHOR_LIST_WORDS: [&str; 11] =
    ["&", "al", "al.", "and", "da", "de", "der", "et", "van", "von", "du"];

/// True when `part` (the first part of a reference line) is a list of authors' names, not a
/// title: two names or more joined by "and", "&" or "et al.", every other word capitalized.
/// Reads the part's words once.
fn is_author_list(part: &str) -> bool {
    let mut joined = false;
    for word in part.split(' ') {
        if matches!(word, "and" | "&" | "et") {
            joined = true;
        } else if !(capitalized(word) || AUTHOR_LIST_WORDS.contains(&word)) {
            return false;
        }
    }
    joined
}

/// The start of the line that holds byte `at`, when it lies at most [`CITED_TITLE_REACH`]
/// bytes back (a cited work's line is shorter); `None` beyond.
fn cited_line_start(text: &str, at: usize) -> Option<usize> {
    let from = at.saturating_sub(CITED_TITLE_REACH);
    match memchr::memrchr(b'\n', text.as_bytes().get(from..at)?) {
        Some(i) => Some(from + i + 1),
        None if from == 0 => Some(0),
        None => None,
    }
}

/// The line from `line_start` ([`cited_line_start`]) to its end, read at most
/// [`CITED_TITLE_REACH`] bytes past `span`: the author's words are split at spaces, and a
/// line without any would otherwise be read to the text's end for every match on it
/// (quadratic: `hostile.rs`, "lines without spaces").
fn cited_line(text: &str, line_start: usize, span: Span) -> &str {
    let reach = crate::span::floor_char_boundary(text, span.end + CITED_TITLE_REACH);
    let line = text.get(line_start..reach).unwrap_or("");
    line.split('\n').next().unwrap_or(line)
}

/// Where the author that opens a cited work's line ends, the title starting there: an
/// inverted name whose first given name is a known given name or an initial, then a full
/// stop or a comma ("Middlekauff, Robert. ", "Pavia, D. L. ", "Middleton, Richard, "), or a
/// known given name (the census lists "Peter", not "Nikolaus") and a surname then a colon
/// ("Peter Blome: "), or initials and a surname then a comma and a year ("M. Bieber, 1964.
/// "). A year right after the author is skipped too ("Janaway, Christopher, 2003. ",
/// "Logan, Robert K. (1977). "): the title starts after it. A list bullet before it is
/// skipped.
fn cited_author_end(line: &str) -> Option<usize> {
    let end = cited_name_end(line)?;
    Some(end + line.get(end..).map_or(0, year_len))
}

/// The length of the year that opens `rest`, with its stop and space: "2003. ", "1964, ",
/// "(1977). ", "(2011) " (four digits, a letter after them allowed: "1995a"); 0 when none.
/// Reads at most 10 bytes.
fn year_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let open = usize::from(b.first() == Some(&b'('));
    let digits = b.iter().skip(open).take(4).filter(|c| c.is_ascii_digit()).count();
    if digits != 4 {
        return 0;
    }
    let mut at = open + 4;
    if b.get(at).is_some_and(u8::is_ascii_lowercase) {
        at += 1;
    }
    if open == 1 {
        if b.get(at) != Some(&b')') {
            return 0;
        }
        at += 1;
    }
    if matches!(b.get(at), Some(b'.' | b',')) {
        at += 1;
    } else if open == 0 {
        return 0;
    }
    if b.get(at) == Some(&b' ') {
        at + 1
    } else {
        0
    }
}

/// [`cited_author_end`] before the year: where the author's name ends.
fn cited_name_end(line: &str) -> Option<usize> {
    let item = line.trim_start_matches(['*', '#', ':', ' ']);
    let skipped = line.len() - item.len();
    let (first, rest) = item.split_once(' ')?;
    if let Some(surname_at) = initials_len(item) {
        // "M. Bieber, 1964. ": initials, a surname and a comma, and only with a year after
        // it (initials opening a line are as often a sentence's "J. Smith said").
        let (surname, after) = item.get(surname_at..)?.split_once(' ')?;
        let surname = surname.strip_suffix(',')?;
        let shape = capitalized(surname) && surname.chars().all(char::is_alphabetic);
        return (shape && year_len(after) > 0).then(|| skipped + surname_at + surname.len() + 2);
    }
    if let Some(surname) = first.strip_suffix(',') {
        // "Surname, Given[ Given| Initial]*" then ". " or ", "; a sentence's opening word
        // and a comma ("However, Robert said") is no surname.
        let surname_shape = surname.chars().all(|c| c.is_alphabetic() || c == '-');
        if !capitalized(surname) || !surname_shape || is_function_word(surname) {
            return None;
        }
        let mut at = item.len() - rest.len();
        let mut after_initial = false;
        let mut words = rest.split(' ').enumerate().take(4).peekable();
        while let Some((n, word)) = words.next() {
            let name = word.trim_end_matches([',', '.']);
            let initial = !name.is_empty()
                && name.split('.').all(|p| p.chars().count() == 1 && capitalized(p));
            if after_initial && !initial {
                // "Logan, Robert K. The Alphabet Effect": the initials end the name.
                return Some(skipped + at);
            }
            let given = if n == 0 { is_given_name(name) || initial } else { capitalized(name) };
            if !given {
                return None;
            }
            at += word.len() + 1;
            after_initial = initial;
            // The author ends at a full stop after a name (an initial's is its own) or at a
            // comma right after the one given name ("Middleton, Richard, The War"), unless a
            // given name follows that comma: a co-author ("Mann, Noel, Wendy Smith and ...").
            if word.ends_with('.') && !initial {
                return Some(skipped + at);
            }
            if n == 0 && word.ends_with(',') {
                let coauthor = words.peek().is_some_and(|(_, next)| is_given_name(next));
                return (!coauthor).then_some(skipped + at);
            }
        }
        return None;
    }
    // "Given Surname: "
    let (surname, _) = rest.split_once(' ')?;
    let surname = surname.strip_suffix(':')?;
    (is_given_name(first) && capitalized(surname) && surname.chars().all(char::is_alphabetic))
        .then(|| skipped + first.len() + 1 + surname.len() + 2)
}

/// One initial or several glued ones, each a capital and a full stop: "J.", "G.E.R.".
pub(crate) fn is_initials(word: &str) -> bool {
    !word.is_empty()
        && word.split_inclusive('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.as_str() == "."
        })
}

/// The length of the initials that open `item`, each a capital and a full stop, with the
/// space after them ("M. ", "J. R. R. ", "W.H. "), when a word follows; `None` when `item`
/// does not open with one. Reads at most the first 4 words.
fn initials_len(item: &str) -> Option<usize> {
    let mut at = 0;
    for word in item.split(' ').take(4) {
        if !is_initials(word) {
            break;
        }
        at += word.len() + 1;
    }
    (at > 0 && at < item.len()).then_some(at)
}

/// True when the person's name at `span` is the given-name part of the inverted author that
/// opens a cited work's line ([`cited_author_end`]): "McLaughlin, Paul, Anarchism and
/// Authority", "Janaway, Christopher, 2003. Self and World": the given names alone, after the
/// surname's comma, name no one. The surname is a person's short form and stays. Reads at
/// most [`CITED_TITLE_REACH`] bytes back to the line's start: constant work.
pub(crate) fn in_cited_inverted_author(text: &str, span: Span) -> bool {
    let Some(line_start) = cited_line_start(text, span.start) else { return false };
    let line = cited_line(text, line_start, span);
    let item = line.trim_start_matches(['*', '#', ':', ' ']);
    let skipped = line.len() - item.len();
    let Some(comma) = item.split_once(' ').and_then(|(first, _)| first.strip_suffix(',')) else {
        return false;
    };
    let Some(name_end) = cited_name_end(line) else { return false };
    let given_start = line_start + skipped + comma.len() + 2;
    span.start >= given_start && span.end <= line_start + name_end
}

/// What ends the search for a quoted title's quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// `"`, which opens or closes.
    Straight,
    /// `“`.
    Opening,
    /// `”`.
    Closing,
    /// A line break: a title does not run across lines.
    LineEnd,
}

/// The mark at byte `i` of `bytes`, found by its last byte (`“` and `”` are E2 80 9C and
/// E2 80 9D), with the byte where the mark starts; `None` for a 9C/9D byte of another
/// character ("Ü" is C3 9C).
fn mark_at(bytes: &[u8], i: usize) -> Option<(usize, Mark)> {
    match bytes[i] {
        b'"' => Some((i, Mark::Straight)),
        b'\n' => Some((i, Mark::LineEnd)),
        last if i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 => {
            Some((i - 2, if last == 0x9C { Mark::Opening } else { Mark::Closing }))
        }
        _ => None,
    }
}

/// The last quote mark or line break of `window` (a curly quote cut by the window's start
/// is not seen).
fn last_mark(window: &[u8]) -> Option<(usize, Mark)> {
    let mut end = window.len();
    loop {
        let quote_or_line = memchr::memrchr3(b'"', b'\n', 0x9C, &window[..end]);
        let closing = memchr::memrchr(0x9D, &window[..end]);
        let i = quote_or_line.max(closing)?;
        if let Some(mark) = mark_at(window, i) {
            return Some(mark);
        }
        end = i;
    }
}

/// The first quote mark or line break of `window`; a curly quote cut by the window's end is
/// not seen.
fn first_mark(window: &[u8]) -> Option<(usize, Mark)> {
    let mut start = 0;
    loop {
        let rest = window.get(start..)?;
        let i = match (memchr::memchr3(b'"', b'\n', 0x9C, rest), memchr::memchr(0x9D, rest)) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        } + start;
        if let Some(mark) = mark_at(window, i) {
            return Some(mark);
        }
        start = i + 1;
    }
}

/// Extensions of the files an infobox or a gallery names ("Coat of arms of Berlin.svg").
const FILE_EXTENSIONS: &[&str] = &[
    "svg", "jpg", "jpeg", "png", "gif", "tif", "tiff", "ogg", "oga", "ogv", "webm", "pdf", "webp",
];

/// How far after a match a file name's extension is looked for: a file name is a few words.
const FILE_NAME_REACH: usize = 80;

/// True when the match at `span` is part of a file name: a file extension ends the words
/// after it before any line break, "|" or sentence end ("Apollo of the Belvedere.jpg").
/// Reads at most [`FILE_NAME_REACH`] bytes: constant work per match.
pub(crate) fn in_file_name(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("").as_bytes();
    let window = &rest[..rest.len().min(FILE_NAME_REACH)];
    let mut at = 0;
    while let Some(dot) = memchr::memchr3(b'.', b'\n', b'|', &window[at..]) {
        let dot = at + dot;
        if window[dot] != b'.' {
            return false;
        }
        let ext_end = window[dot + 1..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(window.len(), |i| dot + 1 + i);
        let ext = &window[dot + 1..ext_end];
        if FILE_EXTENSIONS.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(ext)) {
            return true;
        }
        // A full stop and a space end the sentence, and with it any file name.
        if window.get(dot + 1).is_none_or(|b| b.is_ascii_whitespace()) {
            return false;
        }
        at = dot + 1;
    }
    false
}

/// True when the word right before the match at `span`, after one space, is a capitalized
/// word that is no function word: the match closes a longer name ("New Jersey", "Soviet
/// Russia", "IKEA Canada"). The half of [`in_longer_name`] that country rows obey too: a
/// country before a capitalized word is as often an item of a list as a longer name's start.
pub(crate) fn after_name_word(text: &str, span: Span) -> bool {
    word_before(text, span.start).is_some_and(name_word)
}

/// True when the match at `span` is one part of a hyphenated name ("Hesse-Darmstadt",
/// "Berlin-Cölln", "Berber–Chadic"): a word joined to it by a hyphen or an en dash before,
/// or a capitalized one after ("Lima-based" is still Lima). Not for demonyms: each part of
/// "Chinese-American" is one.
pub(crate) fn in_hyphenated_name(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    before.strip_suffix(['-', '–']).is_some_and(|b| b.ends_with(char::is_alphabetic))
        || after.strip_prefix(['-', '–']).is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// How far back the capitalized word before a compound's hyphen is read.
const COMPOUND_WORD_BYTES: usize = 40;

/// True when the match at `span` is one part of a compound joined by a hyphen or a dash to a
/// capitalized word before or after it, the way language families and groups are named
/// ("Mon–Khmer", "Chado-Berber", "Daco-Thracian"): for MISC matches (a language, a people),
/// whose compound names one group. Places joined so name two ("Angola-Portugal relations"),
/// and so do nationality words ("German-Dutch families", "Algerian-French co-productions"):
/// not for them; nor a lowercase prefix ("non-Greek", "pre-Turkic"). Reads at most
/// [`COMPOUND_WORD_BYTES`] back and a char or two on.
pub(crate) fn in_dashed_compound(text: &str, span: Span) -> bool {
    if group_words().contains(span.slice(text)) {
        return false;
    }
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let capitalized_before = before
        .strip_suffix(['-', '–'])
        .is_some_and(|b| ends_with_capitalized_word(b, char::is_alphabetic));
    capitalized_before
        || after.strip_prefix(['-', '–']).is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// True when `b` ends with a capitalized word of `word_char`s, read at most
/// [`COMPOUND_WORD_BYTES`] back: the word before a compound's hyphen.
fn ends_with_capitalized_word(b: &str, word_char: fn(char) -> bool) -> bool {
    let from = ceil_char_boundary(b, b.len().saturating_sub(COMPOUND_WORD_BYTES));
    let word_start = b[from..]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word_char(c))
        .last()
        .map(|(i, _)| from + i);
    word_start.is_some_and(|i| capitalized(&b[i..]))
}

/// True when " & " joins the match at `span` to a capitalized word on either side: the
/// match is a part of a firm's, a show's or an institution's name written with an ampersand
/// ("Secker & Warburg", "Ren & Stimpy", "Banff & Buchan College", "School of Mechanical &
/// Aerospace Engineering"). The caller leaves persons, places and peoples, which an
/// ampersand joins as two ("Sidwell & Blench (2011)", "Europe & Northern Asia"). Reads a
/// word each side.
pub(crate) fn joined_by_ampersand(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    after.strip_prefix(" & ").is_some_and(|a| a.starts_with(char::is_uppercase))
        || (text.get(..span.start).is_some_and(|b| b.ends_with(" & "))
            && word_before(text, span.start - 2).is_some_and(capitalized))
}

/// Head nouns of an institution's name, which "of" often continues ("University Press of
/// the Pacific", "Administrative Office of the Court"). Sorted.
const INSTITUTION_HEADS: &[&str] = &[
    "Academy",
    "Agency",
    "Association",
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Church",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Corporation",
    "Council",
    "Department",
    "Federation",
    "Foundation",
    "Fund",
    "Hospital",
    "Institute",
    "Institution",
    "League",
    "Library",
    "Ministry",
    "Museum",
    "Office",
    "Organisation",
    "Organization",
    "Press",
    "School",
    "Society",
    "Union",
    "University",
];

/// The heads of [`INSTITUTION_HEADS`] whose names "for" continues too ("Institute for
/// Physical Chemistry", "Society for the History of Alchemy"); a league, a company or a
/// press is followed by "for" and who it plays or works for ("the Swiss Super League for FC
/// Basel", "the Budd Company for the Canadian Pacific Railway"). Sorted.
const FOR_HEADS: &[&str] = &[
    "Academy",
    "Agency",
    "Association",
    "Bureau",
    "Center",
    "Centre",
    "Commission",
    "Committee",
    "Council",
    "Federation",
    "Foundation",
    "Fund",
    "Institute",
    "Institution",
    "Museum",
    "Office",
    "Organisation",
    "Organization",
    "School",
    "Society",
    "Union",
];

/// True when the match at `span` ends in an institution's head noun ([`INSTITUTION_HEADS`])
/// and "of" (or "for", after a [`FOR_HEADS`] noun), maybe "the", then a capitalized name
/// word follow it: the name goes on ("the Central Institute for Physical Chemistry",
/// "University Press of the Pacific"), the match is cut short. Reads three words on:
/// constant work.
pub(crate) fn institution_name_goes_on(text: &str, span: Span) -> bool {
    let last = span.slice(text).rsplit(' ').next().unwrap_or("");
    if INSTITUTION_HEADS.binary_search(&last).is_err() {
        return false;
    }
    let Some(joiner) = word_after(text, span.end)
        .filter(|w| *w == "of" || (*w == "for" && FOR_HEADS.binary_search(&last).is_ok()))
    else {
        return false;
    };
    let mut at = span.end + 1 + joiner.len();
    let mut next = word_after(text, at);
    if next == Some("the") {
        at += 1 + "the".len();
        next = word_after(text, at);
    }
    next.is_some_and(name_word)
}

/// True when a known given name and "the" come right before the match at `span`: it closes
/// a name of the shape "Given the Epithet" ("St Mary the Virgin", "St John the Baptist",
/// "Alexander the Great"), whose epithet names nothing alone. Any other word before "the"
/// leaves it: a sentence's capitalized verb ("Using the Fibonacci sequence"), a name that
/// ends a clause ("the United Kingdom the Mark I was made"). Reads two words back.
pub(crate) fn closes_an_epithet(text: &str, span: Span) -> bool {
    if word_before(text, span.start) != Some("the") {
        return false;
    }
    let the_start = span.start - 1 - "the".len();
    word_before(text, the_start).is_some_and(is_given_name)
}

/// A run of capitalized words in running text: a candidate name never linked
/// ("Hermann Sleumer", "Red Sea", "Louis IX of Hesse-Darmstadt").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameRun {
    /// The run, from its first name word to its last.
    pub span: Span,
    /// True when the run opens a sentence (or a line), where English capitalizes any word.
    pub sentence_start: bool,
}

/// Abbreviations that end in a full stop inside a name ("Inc.", "Jr.", "St."): the stop
/// does not end the sentence or the run.
const NAME_ABBREVIATIONS: &[&str] =
    &["Inc.", "Jr.", "Sr.", "St.", "Dr.", "Mr.", "Mrs.", "Ms.", "Co.", "Ltd.", "Corp.", "Mt."];

/// One word of running text for [`capitalized_runs`], its trailing punctuation apart.
#[derive(Clone, Copy, Debug)]
struct RunWord {
    span: Span,
    /// Something after the word ends a run: a sentence's full stop, a possessive "'s".
    closes: bool,
}

/// The words of `text`, as [`is_word_char`] cuts them, each with whether it closes a run.
fn run_words(text: &str) -> impl Iterator<Item = RunWord> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = find_char(text, at, |b| ascii_is(b, ALNUM), char::is_alphanumeric)?;
        let end = find_char(text, start, |b| !ascii_is(b, WORD), |c| !is_word_char(c))
            .unwrap_or(text.len());
        at = end;
        let word = &text[start..end];
        // A full stop ends the sentence unless it belongs to an initial ("J."), an
        // abbreviation ("Inc.") or an acronym written with stops ("U.S.").
        let (word, stop) = match word.strip_suffix('.') {
            Some(bare)
                if !(NAME_ABBREVIATIONS.contains(&word)
                    || bare.contains('.')
                    || (bare.chars().count() == 1 && capitalized(bare))) =>
            {
                (bare, true)
            }
            _ => (word, false),
        };
        // A possessive ends the name: "Smith's", "the Joneses'".
        let (word, possessive) = match POSSESSIVE_ENDINGS.iter().find_map(|p| word.strip_suffix(p))
        {
            Some(bare) => (bare, true),
            None => (word, false),
        };
        let word = word.trim_end_matches('-');
        Some(RunWord { span: Span::new(start, start + word.len()), closes: stop || possessive })
    })
}

/// [`ASCII_CLASS`] bit of an ASCII letter or digit (`char::is_alphanumeric`).
const ALNUM: u8 = 1;
/// [`ASCII_CLASS`] bit of an ASCII char that [`is_word_char`] holds for.
const WORD: u8 = 2;

/// What [`run_words`] asks of each ASCII char, one table read instead of the char tests.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = ALNUM | WORD;
        } else if matches!(byte, b'-' | b'\'' | b'.') {
            table[b] = WORD;
        }
        b += 1;
    }
    table
};

/// True when the ASCII byte `b` has the [`ASCII_CLASS`] bit `class`.
fn ascii_is(b: u8, class: u8) -> bool {
    ASCII_CLASS.get(usize::from(b)).is_some_and(|&c| c & class != 0)
}

/// The byte offset of the first char at or after `from` (a char boundary) that `wanted`
/// holds for, as `text[from..].find(wanted)` gives it. An ASCII byte (most of any text) is
/// not decoded: `ascii` answers for it, and must agree with `wanted` on every ASCII char.
fn find_char(
    text: &str,
    from: usize,
    ascii: impl Fn(u8) -> bool,
    wanted: impl Fn(char) -> bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if ascii(b) {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text.get(at..)?.chars().next()?;
            if wanted(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// The mark before the word at `start`, past the spaces, quotes and opening parentheses
/// between them; `None` at the text's start.
fn mark_before(text: &str, start: usize) -> Option<char> {
    let head = text.get(..start).unwrap_or("").trim_end_matches([' ', '"', '“', '\'', '(']);
    head.chars().next_back()
}

/// What ends a sentence of running text, or a line.
const SENTENCE_ENDS: [char; 4] = ['\n', '.', '!', '?'];
/// After these a value, list item, table cell or heading starts, capitalized as a sentence.
const FIELD_MARKS: [char; 5] = [':', ';', '*', '|', '='];

/// True when `phrase` is written in sentence case: several words, the first capitalized
/// and every later one a lowercase word ("Connective tissue", "Ventilator-associated
/// pneumonia"), as Wikipedia writes the title of a concept. A number or a capitalized
/// word after the first ("Highway 2", "Red Sea", "Battle of Lima") makes a name's shape.
pub(crate) fn is_sentence_case(phrase: &str) -> bool {
    let mut words = phrase.split(' ');
    let first = words.next().is_some_and(capitalized);
    let mut rest = words.peekable();
    first
        && rest.peek().is_some()
        && rest.all(|w| {
            w.chars().any(char::is_lowercase)
                && w.chars().all(|c| !c.is_uppercase() && !c.is_numeric())
        })
}

/// True when the word at `start` opens a sentence in running text: it follows a line
/// start or a full stop, "!" or "?" (not a [`FIELD_MARKS`] mark: see [`opens_sentence`]).
pub(crate) fn opens_running_sentence(text: &str, start: usize) -> bool {
    mark_before(text, start).is_none_or(|mark| SENTENCE_ENDS.contains(&mark))
}

/// True when the word at `start` opens a sentence, a line or a field: after a
/// [`SENTENCE_ENDS`] or a [`FIELD_MARKS`] mark.
fn opens_sentence(text: &str, start: usize) -> bool {
    mark_before(text, start)
        .is_none_or(|mark| SENTENCE_ENDS.contains(&mark) || FIELD_MARKS.contains(&mark))
}

/// The capitalized runs of `text`, in text order: maximal sequences of capitalized words
/// one space apart, joined by a name joiner between two of them ("Bank of England"),
/// without the function words a sentence or a title capitalizes before them ("In", "The")
/// and ending at a sentence's full stop or a possessive. Linear in the text.
pub(crate) fn capitalized_runs(text: &str) -> Vec<NameRun> {
    let mut runs = Vec::new();
    let mut run: Vec<RunWord> = Vec::new();
    // Joiners waiting for the capitalized word that would keep the run going: one
    // ("Bank of England"), or two particles ("Juan de la Cruz", "Ludwig van der Rohe").
    let mut joiner: Vec<RunWord> = Vec::new();
    let mut previous: Option<RunWord> = None;
    let flush = |run: &mut Vec<RunWord>, runs: &mut Vec<NameRun>| {
        if run.is_empty() {
            return;
        }
        let skip = run.iter().take_while(|w| !name_word(w.span.slice(text))).count();
        if let (Some(first), Some(last)) = (run.get(skip), run.last()) {
            runs.push(NameRun {
                span: Span::new(first.span.start, last.span.end),
                sentence_start: opens_sentence(text, first.span.start),
            });
        }
        run.clear();
    };
    for word in run_words(text) {
        // One space between the two words (a byte compare: the space is one char).
        let adjacent = previous.is_some_and(|p| {
            !p.closes
                && word.span.start == p.span.end + 1
                && text.as_bytes().get(p.span.end) == Some(&b' ')
        });
        previous = Some(word);
        let written = word.span.slice(text);
        if !adjacent {
            flush(&mut run, &mut runs);
            joiner.clear();
        }
        // An ASCII digit byte is never part of a longer char: no decoding needed.
        if capitalized(written) && !written.bytes().any(|b| b.is_ascii_digit()) {
            run.append(&mut joiner);
            run.push(word);
        } else if !run.is_empty()
            && is_name_joiner(written)
            && (joiner.is_empty()
                || (joiner.len() == 1 && written != "of" && NAME_PARTICLES.contains(&written)))
        {
            joiner.push(word);
        } else {
            flush(&mut run, &mut runs);
            joiner.clear();
        }
        if word.closes {
            flush(&mut run, &mut runs);
            joiner.clear();
        }
    }
    flush(&mut run, &mut runs);
    runs
}

/// True when `span` is one word with the indefinite article right before it and a
/// lowercase word right after it: "an Arrhenius acid", "a Cranmer abacus", "a Taggart
/// train". A person's one-word name there is the modifier of a common noun (a thing named
/// after the person, or made by their firm), never the person; a full name stays ("a Buddy
/// Rich concert", as CoNLL tags it). One word each side, read by [`word_before`] and
/// [`word_after`].
pub(crate) fn modifies_after_indefinite_article(text: &str, span: Span) -> bool {
    !span.slice(text).contains(' ')
        && word_before(text, span.start).is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"))
        && word_after(text, span.end).is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// True when a person's title stands right before `span` ("General Washington", "Dr.
/// Yunus", "President Kennedy"): the name after it is a person's, whatever place shares it.
/// Reads the last 16 bytes before the match.
pub(crate) fn after_person_title(text: &str, span: Span) -> bool {
    let Some(before) = text.get(..span.start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let from = floor_char_boundary(before, before.len().saturating_sub(16));
    let word = before[from..].rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next();
    word.is_some_and(is_person_making_title)
}

/// Particles that join a name in another language to what it names ("Senat von Berlin",
/// "República de Angola", "Lacs des Pyrénées", "Reserva da Lagoa do Fogo").
const FOREIGN_JOINERS: &[&str] =
    &["de", "di", "da", "do", "dos", "das", "du", "des", "del", "della", "van", "von", "zu", "der"];

/// True when such a particle and a capitalized word before it stand right before `span`:
/// the match ends a longer name in another language. Reads two words back.
pub(crate) fn after_foreign_joiner(text: &str, span: Span) -> bool {
    let Some(joiner) = word_before(text, span.start).filter(|w| FOREIGN_JOINERS.contains(w)) else {
        return false;
    };
    word_before(text, span.start - 1 - joiner.len()).is_some_and(name_word)
}

/// Words that make an office's name with a title ("Prime Minister", "Secretary of State",
/// "War Secretary", "Maj. Gen."), besides the titles themselves.
const OFFICE_WORDS: &[&str] = &[
    "of", "the", "State", "Prime", "Foreign", "War", "Home", "Interior", "Defence", "Defense",
    "Chief", "Deputy", "First", "Maj.", "Lt.", "Brig.", "Sgt.", "High",
];

/// True when `surface` is an office's or a rank's name alone: its words are titles
/// ([`person_title`], "President", "Chancellor", "Gen.") or the words that make an office's
/// name with one ("Prime Minister", "Secretary of State", "Maj. Gen."), one title at least,
/// and it does not open with "of" or "the". Such a name is a mention of no one ("the then
/// Prime Minister, Margaret Thatcher"): a word at a time, at most the surface's words.
/// [`office_of_a_realm`] tells the office a realm's name follows ("Landgrave of Hesse").
pub(crate) fn is_office_name(surface: &str) -> bool {
    let mut words = surface.split(' ').peekable();
    if words.peek().is_some_and(|w| matches!(*w, "of" | "the")) {
        return false;
    }
    let mut titles = 0;
    for word in words {
        if person_title(word).is_some() {
            titles += 1;
        } else if !OFFICE_WORDS.contains(&word) {
            return false;
        }
    }
    titles > 0
}

/// True when "of" and a capitalized word follow `span` ("Landgrave of Hesse", "President
/// of Qwertia"): an office of one realm, MISC as Wiki-Fair's gold types it. Reads two words.
pub(crate) fn office_of_a_realm(text: &str, span: Span) -> bool {
    word_after(text, span.end).is_some_and(|w| w == "of")
        && word_after(text, span.end + 3).is_some_and(capitalized)
}

/// True when the word after `span` is `word` (ASCII case ignored), after one space.
pub(crate) fn followed_by(text: &str, span: Span, words: &[&str]) -> bool {
    word_after(text, span.end).is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// How many parts of a hyphenated compound are read after a match (session s37).
const COMPOUND_PARTS: usize = 4;

/// The hyphens that join one compound: ASCII's, U+2010 and the non-breaking U+2011.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// True when a hyphen joins the match at `span` to a capitalized word before or after it
/// ("Kalbajar-Lachin", "North-East Atlantic", "Berlin-Schöneberg", "US-ASCII")
/// and the compound, read on over at most [`COMPOUND_PARTS`] more capitalized parts, is
/// followed by no lowercase word but a function word: the compound is one name (a region, a
/// district, a standard), and the match is a part of it. Followed by a lowercase noun, the
/// compound joins two names that modify it ("Angola-Zimbabwe relations", "the Greenland-
/// Scotland sill"), each a mention. A lowercase prefix ("non-Muslim", "pre-Islamic") joins
/// no name. An en dash joins two names ("Iberia–Newfoundland", "Walvis Ridge–Rio Grande
/// Rise"), as English style writes it, never one. The caller leaves peoples' words, each of
/// which "German-American" names. Reads [`COMPOUND_WORD_BYTES`] back, the parts on and one
/// word after them.
pub(crate) fn in_capitalized_compound(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let joined_before = before
        .strip_suffix(HYPHENS)
        .is_some_and(|b| ends_with_capitalized_word(b, char::is_alphanumeric));
    let mut rest = text.get(span.end..).unwrap_or("");
    let mut joined_after = false;
    for _ in 0..COMPOUND_PARTS {
        let Some(part) = rest.strip_prefix(HYPHENS).filter(|p| p.starts_with(char::is_uppercase))
        else {
            break;
        };
        joined_after = true;
        let end = part.find(|c: char| !(c.is_alphanumeric() || c == '\'')).unwrap_or(part.len());
        rest = &part[end..];
    }
    if !(joined_before || joined_after) {
        return false;
    }
    let next = rest.strip_prefix(' ').and_then(|r| {
        let end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
        Some(&r[..end]).filter(|w| !w.is_empty())
    });
    !next.is_some_and(|w| w.starts_with(char::is_lowercase) && !is_function_word(w))
}

/// Function words of German, French, Italian, Dutch and the Scandinavian languages that an
/// English sentence never writes after a name ("Schopenhauer und die wilden Jahre", "Lacs
/// des Pyrénées", "Aruba en Onafhankelijkheid", "Grand Prix du cinéma"): a name before one
/// is a part of a longer name or title in that language (session s37).
const FOREIGN_WORDS_AFTER: &[&str] =
    &["und", "et", "en", "der", "des", "das", "du", "del", "della", "dei", "degli", "och", "og"];

/// The same words that an English sentence never writes before a name ("Theater am
/// Potsdamer Platz", "Merkel, die Deutschen und das Ende der Politik").
const FOREIGN_WORDS_BEFORE: &[&str] =
    &["und", "et", "en", "am", "im", "zum", "zur", "das", "och", "og"];

/// True when the match at `span` stands in a phrase in another language: one of
/// [`FOREIGN_WORDS_AFTER`] right after it (not "et al.", and "en" only before a capitalized
/// word or a particle, as English writes "en route"), or one of [`FOREIGN_WORDS_BEFORE`]
/// right before it after a capitalized word. Reads two words each side.
pub(crate) fn in_foreign_phrase(text: &str, span: Span) -> bool {
    let after = word_after(text, span.end).filter(|w| FOREIGN_WORDS_AFTER.contains(w));
    let follows = after.is_some_and(|w| {
        let next = word_after(text, span.end + 1 + w.len());
        match w {
            "et" => next.is_some_and(|n| !n.starts_with("al")),
            "en" => next.is_some_and(|n| capitalized(n) || FOREIGN_JOINERS.contains(&n)),
            _ => next.is_some(),
        }
    });
    if follows {
        return true;
    }
    word_before(text, span.start)
        .filter(|w| FOREIGN_WORDS_BEFORE.contains(w))
        .is_some_and(|w| word_before(text, span.start - 1 - w.len()).is_some_and(capitalized))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_case_phrases() {
        for (phrase, expected) in [
            ("Qwertic tissue", true),
            ("Ventilator-associated pneumonia", true),
            ("Analysis of variance", true),
            ("Qwertic", false),
            ("Red Sea", false),
            ("Battle of Qwerton", false),
            ("Highway 2", false),
            ("qwertic tissue", false),
        ] {
            assert_eq!(is_sentence_case(phrase), expected, "{phrase}");
        }
    }

    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn longer_names() {
        for (text, needle, inside) in [
            ("troops entered Lima in May", "Lima", false),
            ("In Lima the army rested", "Lima", false),
            ("the Lima Barracks fell", "Lima", true),
            ("the Battle of Lima began", "Lima", true),
            ("the capital of Lima province", "Lima", false),
            ("Tom Lima wrote", "Lima", true),
            ("Austin, Texas is big", "Austin", false),
            ("Austin, Texas is big", "Texas", false),
            ("He went to Harvard University", "Harvard", true),
            ("the Russian Revolution", "Russian", true),
            ("the Russian army", "Russian", false),
            ("met in Lima. Peru was calm", "Peru", false),
            ("Ulrich Merkel spoke", "Merkel", true),
            ("(Lima) was taken", "Lima", false),
            ("Café Zürich closed", "Zürich", true),
            ("During April the Peruvians hurried", "Peruvians", false),
            ("One Spanish frigate was hit", "Spanish", false),
            ("Peruvian President Pezet", "Peruvian", false),
            ("Tom Lima wrote", "Lima", true),
            ("General Lima wrote", "Lima", true),
        ] {
            assert_eq!(in_longer_name(text, at(text, needle)), inside, "{needle} in {text:?}");
        }
        for (text, needle, inside) in [
            ("the Landgrave of Hesse-Darmstadt ruled", "Darmstadt", true),
            ("the Berlin-Cölln palace", "Berlin", true),
            ("the Lima-based firm", "Lima", false),
            ("the Lima - Callao road", "Lima", false),
        ] {
            assert_eq!(in_hyphenated_name(text, at(text, needle)), inside, "{needle} in {text:?}");
        }
    }

    #[test]
    fn cited_titles() {
        for (text, needle, want) in [
            ("x.\nMiddlekauff, Robert. The Glorious Cause: The American Revolution, 1763–1789. Oxford", "American Revolution", true),
            ("x.\n* Middleton, Richard, The War of American Independence, 1775-1783.   London", "War of American Independence", true),
            ("x.\nLogan, Robert K. The Alphabet Effect of Lima. New York", "Lima", true),
            ("x.\nPavia, D. L. Lima and Peru. New York", "Lima", true),
            ("x.\nPeter Blome: Angela Merkel – Die Zauderkünstlerin. Pantheon", "Angela Merkel", true),
            ("x.\nMiddlekauff, Robert. Lima. Oxford", "Lima", false),
            ("x.\nMiddlekauff, Robert. The Glorious Cause. Lima: Oxford", "Lima", false),
            ("x.\nHowever, Robert said Lima is far. Then", "Lima", false),
            ("x.\nLater, John Smith, Mary Jones and Lima went", "Lima", false),
            ("x.\nMann, Noel, Wendy Lima and Eva Smith. 2009. Clusters", "Wendy Lima", false),
            ("x. Middlekauff, Robert. The Glorious Cause of Lima. Oxford", "Lima", false),
        ] {
            assert_eq!(in_cited_title(text, at(text, needle)), want, "{needle} in {text:?}");
        }
    }

    #[test]
    fn linked_page_titles() {
        let links = "x.\n\nExternal links\n\n";
        let reading = "x.\n\nFurther reading\n\n";
        for (head, line, needle, want) in [
            (links, "The Lima subset of Peru", "Lima", true),
            (links, "Behavior by Lima", "Lima", true),
            (links, "Peru fact sheet by Carl Lima III.", "Carl Lima III", false),
            (links, "Peru fact sheet by Carl Lima III.", "Peru", true),
            (
                links,
                "Lima Smith collected news and commentary at The Economist",
                "Lima Smith",
                true,
            ),
            (
                links,
                "Lima Smith collected news and commentary at The Economist",
                "The Economist",
                false,
            ),
            (links, "Lima Smith at the Encyclopaedia Britannica", "Lima Smith", false),
            (links, "Website about Lima Smith, Films, Articles", "Lima Smith", true),
            (links, "Alaska Databases – List compiled by the Lima Library", "Lima Library", false),
            (links, "Lima Smith", "Lima", true),
            (links, "Lima Smith", "Lima Smith", false),
            (reading, "A Quick Introduction to Lima", "Lima", true),
            (reading, "Smith, John. A Quick Introduction to Lima. Oxford", "Smith", false),
            (reading, "Carl Lima. Aesthetic as Science, 2002", "Carl Lima", false),
            ("x.\n\nReferences\n\n", "The Lima subset of Peru", "Lima", false),
            ("In Peru.\n", "The Lima subset of Peru", "Lima", false),
            (reading, "Carl Lima and Mary Smith, eds. Art and Thought. London", "Carl Lima", false),
            (reading, "Carl Lima et al., 'Peru', in Evolutions", "Carl Lima", false),
            (links, "Articles of Lima and Perpetual Union", "Lima", true),
            (links, "At the Lima Institute of Technology (in English).", "Lima Institute", false),
            (links, "In Peruvian", "Peruvian", false),
        ] {
            let text = format!("{head}{line}\nNext");
            let at = text.find(line).unwrap() + line.find(needle).unwrap();
            let span = Span::new(at, at + needle.len());
            assert_eq!(in_linked_page_title(&text, span), want, "{needle} in {line:?}");
        }
    }

    #[test]
    fn names_ended_by_of_and_nicknames() {
        for (text, needle, want) in [
            ("in The Metaphysics of Will, 1844", "Will", true),
            ("The Structure and Reproduction of the Algae. Cambridge", "Algae", true),
            ("the discovery of the Tomb of Achilles and", "Achilles", true),
            ("as CEO of Kyndryl until", "Kyndryl", false),
            ("elect the President of the Republic and", "Republic", false),
            ("the Deputy Whip of the Bloc Québécois", "Bloc Québécois", false),
            ("experience.  Arrival of Modernism in art", "Modernism", false),
            ("the discovery of Achilles", "Achilles", false),
            ("Professor Amos Frumkin of the Hebrew University said", "Hebrew University", false),
            (
                "the Westchester Knicks of the NBA Development League.",
                "NBA Development League",
                false,
            ),
            (
                "He was Treasurer of the Royal Numismatic Society.",
                "Royal Numismatic Society",
                false,
            ),
        ] {
            let span = at(text, needle);
            assert_eq!(ends_a_name_with_of(text, span.start), want, "{needle} in {text:?}");
        }
        for (text, needle, want) in [
            ("Stephen Dürr | Tilmann \"Till\" Weigel #1 | 1994", "Weigel", true),
            ("Vanessa Glinka | Alexandra “Alexa” Falkenberg | 1997", "Alexandra", true),
            ("The band played \"Eleanor Rigby\" twice in Lima.", "Lima", false),
            ("He left Lima \"Forever\" and sang.", "Lima", false),
            ("He left Lima \"for good\" Then", "Lima", false),
            ("\"Till\" Weigel", "Weigel", false),
        ] {
            assert_eq!(
                beside_quoted_nickname(text, at(text, needle)),
                want,
                "{needle} in {text:?}"
            );
        }
    }

    #[test]
    fn the_before_a_name_that_closes_the_phrase() {
        let rows: &[(&str, &str, bool)] = &[
            ("Engineers tested the Walter Qwerty, a rocket.", "Walter Qwerty", true),
            ("He ran the Walter Qwerty's publishing house.", "Walter Qwerty", false),
            ("They flew on the Walter Qwerty.", "Walter Qwerty", true),
            ("He joined the Walter Qwerty; it was a band.", "Walter Qwerty", true),
            // A parenthesis after a space is not read (one character after the match).
            ("He joined the Walter Qwerty (a band).", "Walter Qwerty", false),
            ("He met the Walter Qwerty family.", "Walter Qwerty", false),
            ("It is the Walter Qwerty-Smith model.", "Walter Qwerty", false),
            ("They met Walter Qwerty, a pilot.", "Walter Qwerty", false),
            ("Clothe Walter Qwerty, then go.", "Walter Qwerty", false),
        ];
        for &(text, needle, want) in rows {
            let start = text.find(needle).unwrap();
            let span = Span::new(start, start + needle.len());
            assert_eq!(closes_a_the_phrase(text, span), want, "{text}");
        }
    }

    #[test]
    fn whole_quotations_but_not_nicknames() {
        let rows: &[(&str, &str, bool)] = &[
            ("The band played \"Eleanor Rigby\" twice.", "Eleanor Rigby", true),
            ("His essay “William Law” appeared in 1945.", "William Law", true),
            ("\"Oscar Greats\" at Time magazine.", "Oscar Greats", true),
            ("Ilona \"Lona Dee\" Dertinger joined the cast.", "Lona Dee", false),
            ("The singer Eleanor Rigby sang.", "Eleanor Rigby", false),
            ("He wrote \"Eleanor Rigby and more.", "Eleanor Rigby", false),
        ];
        for &(text, needle, want) in rows {
            let start = text.find(needle).unwrap();
            let span = Span::new(start, start + needle.len());
            assert_eq!(is_whole_quotation(text, span), want, "{text}");
        }
    }

    #[test]
    fn capitalized_runs_of_running_text() {
        for (text, expected) in [
            (
                "He met Hermann Sleumer in Leiden.",
                &[("Hermann Sleumer", false), ("Leiden", false)][..],
            ),
            ("The Bank of England paid.", &[("Bank of England", false)]),
            ("In Lima. Peru was calm", &[("Lima", false), ("Peru", true)]),
            ("Smith's house burned.", &[("Smith", true)]),
            ("the King of Spain's fleet", &[("King of Spain", false)]),
            ("Louis IX of Hesse-Darmstadt ruled", &[("Louis IX of Hesse-Darmstadt", true)]),
            ("when John R. Pierce said", &[("John R. Pierce", false)]),
            ("at Harvard, then Yale", &[("Harvard", false), ("Yale", false)]),
            ("the city of Lima", &[("Lima", false)]),
            ("after World War II ended", &[("World War II", false)]),
            ("the Lima of 1865", &[("Lima", false)]),
            ("sent Manuel Ignacio de Vivanco to", &[("Manuel Ignacio de Vivanco", false)]),
            ("met Juan de la Cruz there", &[("Juan de la Cruz", false)]),
            ("met Gómez Sánchez y Benavides", &[("Gómez Sánchez y Benavides", false)]),
            ("Lima of the Andes", &[("Lima", true), ("Andes", false)]),
            ("a de facto ruler", &[]),
        ] {
            let runs: Vec<(&str, bool)> = capitalized_runs(text)
                .into_iter()
                .map(|r| (r.span.slice(text), r.sentence_start))
                .collect();
            assert_eq!(runs, expected, "{text:?}");
        }
    }

    #[test]
    fn ascii_classes_agree_with_the_char_tests() {
        for b in 0..128u8 {
            let c = char::from(b);
            assert_eq!(ascii_is(b, ALNUM), c.is_alphanumeric(), "{c:?}");
            assert_eq!(ascii_is(b, WORD), is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn years_and_initials_after_a_cited_author() {
        for (rest, len) in [
            ("2003. Self", 6),
            ("1964, Title", 6),
            ("(1977). Alphabet", 8),
            ("(2011) Title", 7),
            ("1995a. Title", 7),
            ("2003 Title", 0),
            ("(2003 Title", 0),
            ("203. Title", 0),
            ("Title", 0),
        ] {
            assert_eq!(year_len(rest), len, "{rest:?}");
        }
        assert_eq!(initials_len("M. Bieber, 1964."), Some(3));
        assert_eq!(initials_len("J. R. R. Tolkien, 1954."), Some(9));
        assert_eq!(initials_len("W.H. Auden"), Some(5));
        assert_eq!(initials_len("Bieber, M."), None);
        assert_eq!(initials_len("M."), None);
        assert_eq!(cited_author_end("M. Bieber, 1964. Alexander"), Some(17));
        assert_eq!(cited_author_end("Janaway, Christopher, 2003. Self"), Some(28));
        assert_eq!(cited_author_end("M. Bieber said so."), None);
    }

    #[test]
    fn institution_heads_are_sorted() {
        assert!(INSTITUTION_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(FOR_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(FOR_HEADS.iter().all(|h| INSTITUTION_HEADS.contains(h)));
    }

    #[test]
    fn function_words_are_sorted_and_distinct() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn given_names_are_known() {
        assert!(is_given_name("Diane"));
        assert!(is_given_name("John"));
        assert!(!is_given_name("The"));
        assert!(!is_given_name("In"));
    }
}
