//! Link mentions: a wikitext link `[[Target|anchor]]` is an exact mention of its target (a
//! possessive closing the anchor, "[[Ann Qwerty|Ann Qwerty's]]", is outside the mention).
//!
//! A link to a calendar article ("[[1960]]", "[[April 30]]", "[[1960s]]", "[[1960 in
//! film]]") is no mention: it is a date, which the date tagger reads.
//!
//! A link beats every dictionary mention that overlaps it. Its label is the type an entity
//! index gives its target, when one is loaded (`annotate --index`); else the first of:
//! 1. a curated gazetteer row whose surface is the target title (`Peru`, `Mariano Ignacio Prado`);
//! 2. the target title's shape ([`label_from_title`]: "(band)", "University of", "HMS", ...),
//!    then the capitalized anchor's (it names the target too: "Whitetop Mountain"), except
//!    for the target's name written surname first, as reference lists cite authors
//!    ("[[Auguste Comte|Comte, Auguste]]"): that anchor is no "Town, Region", and it is a
//!    PERSON when a known given name or an initial opens the given part ("Woolf, Virginia",
//!    "Lloyd, G. E. R.") or when it opens a line of a reference list, a year or a full stop
//!    after it ("Safranski, Rüdiger (1990) ..."), else the rules below type it;
//! 3. the infobox parameter the link sits in (`birth_place` -> PLACE, `spouse` -> PERSON);
//! 4. the words around the link (`link_context.rs`: "born in X", "the botanist X", "X, a
//!    German footballer", "X (1834–1857)"); then an anchor that is a person's title alone
//!    names the office, MISC ("the [[Landgrave]] of Hesse"), and so does a capitalized
//!    phrase that ends in an office's or a rank's title ("[[Attorney General]]");
//! 5. any other gazetteer row for the target title (the general GeoNames list); and when none
//!    of 1-5 types this link, another link to the same target they type (one sense per
//!    discourse: "[[Qwerty]], the Russian president" types every link to Qwerty); a link
//!    followed by a person's link in parentheses is a person ("[[Kat Moon]] ([[Jessie
//!    Wallace]])": a character and its actor);
//! 6. a dictionary mention with exactly the link's span;
//! 7. an anchor written all in lowercase ("landgrave", "disco", "sports shooter") names a
//!    concept, not a person, place, organization, event or work, whose names English
//!    capitalizes: MISC;
//! 8. an acronym linked to an acronym ("[[MI5]]", "[[NCAA]]"): ORG;
//! 9. an item of a list whose neighbour item has a type ("Scarborough, Whitby and [[Oshawa]]",
//!    a place after two places): the neighbour's type;
//!
//! and otherwise it is [`Label::Unknown`]: never a guess. A link that 1-5 type PLACE or PERSON
//! but whose anchor is a nationality adjective or its plural ("[[Russia|Russian]] painter",
//! "[[United States|Americans]]") is a DEMONYM: the anchor names the country's people or an
//! attribute, not the place; a language keeps its type ("[[Spanish language|Spanish]]").
//! Any DEMONYM mention, linked or not, that stands alone after "in", "into" or "from (the)"
//! ("'wards' in Spanish).", "into English by") is the language: MISC.

use std::{collections::HashMap, sync::Arc};

use rustc_hash::FxHashMap;

use super::{
    context::{is_function_word, is_given_name, is_initials},
    link_context::label_from_context,
    person_titles::{is_person_making_title, person_title, TitleKind},
    title_shape::{label_from_title, split_disambiguator},
    EntityMention, Entry, EntrySource, Gazetteer, Label,
};
use crate::{
    article::{title_to_id, Article, Link},
    span::Span,
    temporal::is_calendar_title,
};

/// True for a row of a general list (GeoNames cities, ISO 3166-2 regions): weaker evidence
/// than a curated row. The prefixes are the ones `tools/geonames_subset.py` and
/// `tools/subdivisions.py` write.
pub(crate) fn is_general_id(id: &str) -> bool {
    GENERAL_ID_PREFIXES.iter().any(|prefix| id.starts_with(prefix))
}

/// The id prefixes of the general lists: `geonames:<n>` (a city) and
/// `ISO_3166-2:<alpha-2>#<code>` (a first-level region, pointing into the Wikipedia article
/// that lists the country's codes).
const GENERAL_ID_PREFIXES: [&str; 2] = ["geonames:", "ISO_3166-2:"];

/// What the gazetteer and the title's shape say about one link target: the parts of
/// [`label_before_mentions`] that depend on the target alone.
#[derive(Clone, Copy, Debug)]
struct TargetFacts<'g> {
    index: Option<Label>,
    known: Option<&'g Entry>,
    shape: Option<Label>,
    /// The target is a calendar article ([`is_calendar_title`]): the link is a date.
    calendar: bool,
}

/// What the rules before the dictionary mentions say about every link of one article,
/// each link target looked up once (an article links the same few targets many times), in
/// the order of `article.links`.
#[derive(Debug)]
pub struct LinkTargets {
    /// What each link's own target, anchor, field and words say (the rules before the
    /// dictionary mentions), worked out once: the local entries and the link mentions both
    /// label the same links.
    before_mentions: Vec<Option<Label>>,
    /// Per link: its anchor is a nationality word for a PLACE or PERSON target (the link
    /// is a DEMONYM; see the module doc).
    nationality_word: Vec<bool>,
    /// Per link: its target is a calendar article ("[[1960]]", "[[April 30]]"), so the
    /// link is a date for the date tagger, neither a mention nor a name to repeat.
    calendar: Vec<bool>,
}

impl LinkTargets {
    /// Look up every distinct link target of `article` in `gazetteer`.
    pub fn new(article: &Article, gazetteer: &Gazetteer) -> LinkTargets {
        let mut seen: HashMap<&str, TargetFacts> = HashMap::new();
        let facts: Vec<TargetFacts> = article
            .links
            .iter()
            .map(|link| {
                *seen.entry(link.target.as_str()).or_insert_with(|| TargetFacts {
                    index: gazetteer.index_label(&link.target),
                    known: gazetteer.lookup(&link.target),
                    shape: label_from_title(&link.target),
                    calendar: is_calendar_title(&link.target),
                })
            })
            .collect();
        let mut before_mentions: Vec<Option<Label>> = (article.links.iter().zip(&facts))
            .map(|(link, facts)| label_before_mentions(article, link, facts))
            .collect();
        named_with_its_player(article, &mut before_mentions);
        same_target_same_type(article, &mut before_mentions);
        // A place or a person written as its nationality word: the word is an adjective or a
        // group. A language ("[[Spanish language|Spanish]]") keeps its own type.
        let nationality_word = (article.links.iter().zip(&before_mentions).zip(&facts))
            .map(|((link, label), facts)| {
                matches!(label, Some(Label::Place | Label::Person))
                    && is_nationality_word(link, &article.text, facts.known, gazetteer)
            })
            .collect();
        let calendar = facts.iter().map(|f| f.calendar).collect();
        LinkTargets { before_mentions, nationality_word, calendar }
    }

    /// True when the target of `article.links[i]` is a calendar article: a date, not an
    /// entity.
    pub(crate) fn is_date(&self, i: usize) -> bool {
        self.calendar.get(i) == Some(&true)
    }

    /// The label of the target of `article.links[i]`, whatever its anchor: "Russia" for
    /// "[[Russia|Russian]]" is a PLACE (the target's name is an entry of its own).
    pub(crate) fn target_label(
        &self,
        article: &Article,
        i: usize,
        found: &[EntityMention],
    ) -> Label {
        match (self.before_mentions.get(i), article.links.get(i)) {
            (Some(&before), Some(link)) => {
                before.unwrap_or_else(|| label_after_mentions(article, link, found))
            }
            _ => Label::Unknown,
        }
    }

    /// The label of `article.links[i]` (see the module doc); `found` are the dictionary
    /// mentions, sorted and free of overlaps.
    pub(crate) fn label(&self, article: &Article, i: usize, found: &[EntityMention]) -> Label {
        if self.nationality_word.get(i) == Some(&true) {
            return Label::Demonym;
        }
        self.target_label(article, i, found)
    }
}

/// True when the anchor of `link` is a nationality adjective or its plural, as the
/// gazetteer's DEMONYM rows know them ("Russian"; "Americans", the plural of a row).
/// `target_entry` is the gazetteer's entry for the link's target, already looked up.
fn is_nationality_word(
    link: &Link,
    text: &str,
    target_entry: Option<&Entry>,
    gazetteer: &Gazetteer,
) -> bool {
    let anchor = link.span.slice(text);
    let is_demonym = |word: &str| gazetteer.lookup(word).is_some_and(|e| e.label == Label::Demonym);
    // Only a capitalized word can be one ("American", not "american-made" prose).
    if !anchor.starts_with(char::is_uppercase) {
        return false;
    }
    // Most anchors are their target's title ("[[Germany]]"): that title's entry was looked
    // up once per target already, and the same string has the same entry.
    let anchor_is_demonym = if anchor == link.target {
        target_entry.is_some_and(|e| e.label == Label::Demonym)
    } else {
        is_demonym(anchor)
    };
    anchor_is_demonym || anchor.strip_suffix('s').is_some_and(is_demonym)
}

/// A link followed by a person's link in parentheses names a person too: a character and the
/// actor who plays them ("[[Kat Moon]] ([[Jessie Wallace]])", the way articles on fiction
/// list their casts), or a person and the name they are better known by.
fn named_with_its_player(article: &Article, labels: &mut [Option<Label>]) {
    // Links are in text order; the next link is the only one that can sit in the parentheses.
    for i in 1..article.links.len() {
        let (name, player) = (&article.links[i - 1], &article.links[i]);
        let untyped = labels[i - 1].is_none();
        if !untyped || labels[i] != Some(Label::Person) {
            continue;
        }
        let between = article.text.get(name.span.end..player.span.start);
        let closed = article.text.get(player.span.end..).is_some_and(|r| r.starts_with(')'));
        if between == Some(" (") && closed {
            labels[i - 1] = Some(Label::Person);
        }
    }
}

/// One sense per discourse for link targets: what the words around one link to a target say
/// ("[[Vladimir Putin]], the Russian president") types every link to it that nothing else
/// types. Links to one target whose rules disagree give the others nothing.
fn same_target_same_type(article: &Article, labels: &mut [Option<Label>]) {
    // Per target: the one label its typed links agree on, or `None` when they disagree.
    let mut agreed: FxHashMap<&str, Option<Label>> = FxHashMap::default();
    for (link, label) in article.links.iter().zip(labels.iter()) {
        if let Some(label) = *label {
            agreed
                .entry(link.target.as_str())
                .and_modify(|a| {
                    if *a != Some(label) {
                        *a = None;
                    }
                })
                .or_insert(Some(label));
        }
    }
    for (link, label) in article.links.iter().zip(labels.iter_mut()) {
        if label.is_none() {
            *label = agreed.get(link.target.as_str()).copied().flatten();
        }
    }
}

/// The label of a link to `target` at `link` by the rules before the dictionary mentions
/// (1-5 of the module doc).
fn label_before_mentions(article: &Article, link: &Link, facts: &TargetFacts) -> Option<Label> {
    if let Some(label) = facts.index {
        return Some(label);
    }
    let known = facts.known;
    if let Some(e) = known.filter(|e| !is_general_id(&e.id)) {
        return Some(e.label);
    }
    if let Some(label) = facts.shape {
        return Some(label);
    }
    let anchor = link.span.slice(&article.text);
    // A name cited surname first ("[[Auguste Comte|Comte, Auguste]]", "[[G. E. R. Lloyd|Lloyd,
    // G. E. R.]]", the way reference lists write authors) is the target's own name in
    // another order: the target's name decides, never the "Town, Region" shape of the
    // anchor. A known given name or an initial opening its given part is a person's, and so
    // is the name that opens a line of a reference list (an author, the only names cited
    // surname first there); a list's title sorted on its noun ("Beatles, The") is not.
    if let Some(given) = inverted_name(anchor, &link.target) {
        let first = given.split(' ').next().unwrap_or(given);
        if is_given_name(first) || given.split(' ').any(is_initials) {
            return Some(Label::Person);
        }
        if !is_function_word(first) && opens_reference(&article.text, link.span) {
            return Some(Label::Person);
        }
    } else if let Some(label) =
        label_from_title(anchor).filter(|_| anchor.starts_with(char::is_uppercase))
    {
        // The anchor is a name of the target too: "[[Whitetop Mountain (Virginia)|Whitetop
        // Mountain]]", "[[Hebron Township, Licking County, Ohio|Hebron Township]]".
        return Some(label);
    }
    let field = article.infobox.as_ref().and_then(|infobox| infobox.field_holding(link.span));
    if let Some(label) = field.and_then(|f| f.key().role.link_label()) {
        return Some(label);
    }
    if let Some(label) = label_from_context(&article.text, link.span) {
        return Some(label);
    }
    // A title alone names an office, not its holder ("the [[Landgrave]] of Hesse", "[[President
    // of Qwertia|President]]"): a concept, MISC (an unlinked title alone is no entry at all,
    // `local.rs`). After the words around it; only for a target that is the office's
    // article, the title or a phrase it opens ("President of Qwertia"), and not the title
    // word with a disambiguator: a character bears a title as a name ("[[Bishop
    // (Aliens)|Bishop]]"), a person's surname can be one ("[[B.B. King|King]]").
    let (name, disambiguator) = split_disambiguator(&link.target);
    let opens_target =
        name.strip_prefix(anchor).is_some_and(|r| r.is_empty() || r.starts_with(' '));
    if (is_person_making_title(anchor) || (known.is_none() && is_office_phrase(anchor)))
        && opens_target
        && (disambiguator.is_none() || name != anchor)
    {
        return Some(Label::Misc);
    }
    known.map(|e| e.label)
}

/// Most words a cited name's surname or given part holds ("Gogh, Vincent van", "Tolkien, J.
/// R. R."): the bound of [`inverted_name`]'s comparisons.
const MAX_NAME_PART_WORDS: usize = 4;

/// The given part of `anchor` when it is the name of `target` written surname first, the way
/// reference lists cite authors: "Comte, Auguste" for "Auguste Comte" gives "Auguste". The
/// target (its disambiguator dropped, no comma of its own: "Paris, Texas" is a place and its
/// region) ends in the anchor's surname words ("de Gaulle, Charles"), and the anchor's given
/// words, after the comma, are the target's first words, each written whole or as its
/// initial ("Tolkien, J. R. R." and "Tolkien, J.R.R." for "John Ronald Reuel Tolkien";
/// "Firchow, Peter" for "Peter Edgerly Firchow": the middle names may be left out). Each part
/// holds at most [`MAX_NAME_PART_WORDS`] words, and each word is compared once.
fn inverted_name<'a>(anchor: &'a str, target: &str) -> Option<&'a str> {
    let (surname, given) = anchor.split_once(", ")?;
    let (name, _) = split_disambiguator(target);
    if given.contains(',') || name.contains(',') || !given.starts_with(char::is_uppercase) {
        return None;
    }
    let name = name.strip_suffix(surname)?.strip_suffix(' ')?;
    fn words(s: &str) -> Vec<&str> {
        s.split(' ').take(MAX_NAME_PART_WORDS + 1).collect()
    }
    let (surname_words, given_words, mut name_words) = (words(surname), words(given), words(name));
    if [&surname_words, &given_words, &name_words].iter().any(|w| w.len() > MAX_NAME_PART_WORDS)
        || surname_words.iter().any(|w| w.is_empty())
    {
        return None;
    }
    // The given part's glued initials one by one: "J.R.R." -> "J.", "R.", "R.".
    let initials = given_words.iter().flat_map(|w| {
        let glued = w.len() > 2 && is_initials(w);
        let parts = glued.then(|| w.split_inclusive('.').collect::<Vec<_>>());
        parts.unwrap_or_else(|| vec![w])
    });
    name_words.reverse();
    for word in initials {
        let full = name_words.pop()?;
        let initial = word.strip_suffix('.').filter(|i| i.chars().count() == 1);
        if word != full && !initial.is_some_and(|i| full.starts_with(i)) {
            return None;
        }
    }
    Some(given)
}

/// True when the name at `span` opens a line of a reference list as its author: the line
/// starts with it, and a year in parentheses or a full stop closes it ("Safranski, Rüdiger
/// (1990) Schopenhauer and ...", "Mackesy, Piers. The War for America"). Reads one character
/// before the span and three after it.
fn opens_reference(text: &str, span: Span) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let opens_line = before.is_empty() || before.ends_with('\n');
    let year =
        after.strip_prefix(" (").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    opens_line && (year || after.starts_with(". "))
}

/// Titles that close other names as ordinary words as often as they close an office's:
/// "Political Justice" (a book), "Old Major" (a character), "St Columb Major" (a town).
const NAME_CLOSING_TITLES: &[&str] = &["Justice", "Major"];

/// An office or a rank named by capitalized words that end in its title: "Attorney
/// General", "Surgeon General", "Prime Minister", "Lord Mayor", "Rear Admiral" (what the
/// title alone says, "[[Landgrave]]", for a phrase: the office, not its holder). Only an
/// office's or a rank's title ends it: "King", "Bishop", "Lord" end persons' names as
/// often ("Carole King"), and so may "Major", so a phrase a known given name opens is a
/// person's ("Jaroslav Major" is left to the other rules; "John Major" is typed before).
/// Not a phrase a function word opens ("The General" is a film's title) nor one with a
/// word in lowercase; at most four words, all capitalized; not a title that is as often
/// an ordinary word closing a name ([`NAME_CLOSING_TITLES`]); and (the caller's) not a
/// name a gazetteer knows ("St Columb Major", a GeoNames town).
fn is_office_phrase(anchor: &str) -> bool {
    let words: Vec<&str> = anchor.split(' ').collect();
    let office_title = |w: &str| {
        person_title(w).is_some_and(|t| matches!(t.kind, TitleKind::Office | TitleKind::Rank))
            && !NAME_CLOSING_TITLES.contains(&w)
    };
    (2..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !is_function_word(words[0])
        && !is_given_name(words[0])
        && words.last().is_some_and(|w| office_title(w))
}

/// The label of a link that [`label_before_mentions`] leaves untyped: the rules from the
/// dictionary mentions on (6-8 of the module doc).
fn label_after_mentions(article: &Article, link: &Link, found: &[EntityMention]) -> Label {
    // `found` is sorted by start and free of overlaps: at most one mention starts here.
    let at = found.partition_point(|m| m.span.start < link.span.start);
    if let Some(m) = found.get(at).filter(|m| m.span == link.span) {
        return m.label;
    }
    let anchor = link.span.slice(&article.text);
    if anchor.chars().any(char::is_alphabetic) && !anchor.chars().any(char::is_uppercase) {
        return Label::Misc;
    }
    // An acronym linked to an acronym ("[[MI5]]", "[[NCAA]]"): English writes the names of
    // organizations so far more often than anything else (countries, "USA", are curated rows).
    if is_acronym(anchor) && is_acronym(&link.target) {
        return Label::Org;
    }
    Label::Unknown
}

/// Two to six capitals and digits, at least two capitals: "MI5", "NCAA", "KIIS", "GDP".
pub(super) fn is_acronym(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=6).contains(&word.len())
        && capitals >= 2
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Merge the article's links into the dictionary mentions `found` (sorted, free of
/// overlaps). Nested links (a `{{flag}}` inside a link label) keep the outer one, by the
/// same (start, longer first) order as the gazetteer.
pub fn with_link_mentions(
    article: &Article,
    found: Vec<EntityMention>,
    gazetteer: &Gazetteer,
) -> Vec<EntityMention> {
    with_link_mentions_of(article, found, &LinkTargets::new(article, gazetteer))
}

/// [`with_link_mentions`] with the article's link targets already looked up.
pub(crate) fn with_link_mentions_of(
    article: &Article,
    found: Vec<EntityMention>,
    targets: &LinkTargets,
) -> Vec<EntityMention> {
    let mut links: Vec<(usize, &Link)> = (article.links.iter().enumerate())
        .filter(|&(i, l)| !l.span.is_empty() && !targets.is_date(i))
        .collect();
    links.sort_by(|(_, a), (_, b)| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then_with(|| a.target.cmp(&b.target))
    });
    let mut kept: Vec<&Link> = Vec::with_capacity(links.len());
    let mut out: Vec<EntityMention> = Vec::with_capacity(found.len() + links.len());
    for (i, l) in links {
        if kept.last().is_none_or(|k| l.span.start >= k.span.end) {
            kept.push(l);
            out.push(EntityMention {
                span: without_possessive(&article.text, l),
                label: targets.label(article, i, &found),
                id: Arc::from(title_to_id(&l.target)),
                source: EntrySource::Link,
            });
        }
    }
    // Both lists are sorted and each is free of overlaps: keep dictionary mentions outside every link.
    let mut k = 0;
    for m in found {
        while k < kept.len() && kept[k].span.end <= m.span.start {
            k += 1;
        }
        if kept[k..]
            .iter()
            .take_while(|l| l.span.start < m.span.end)
            .any(|l| l.span.overlaps(m.span))
        {
            continue;
        }
        out.push(m);
    }
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    type_list_items(&article.text, &mut out);
    out
}

/// The span of a link's anchor without a possessive that closes it ("[[Ann Qwerty|Ann
/// Qwerty's]] novel" names "Ann Qwerty"): a possessive is outside a name, as for every
/// dictionary mention. A target whose own name ends so keeps it ("[[St. John's,
/// Newfoundland and Labrador|St. John's]]", "[[McDonald's]]"), and so does an anchor that is
/// only the possessive.
fn without_possessive(text: &str, link: &Link) -> Span {
    let span = link.span;
    let anchor = span.slice(text);
    let Some(name) = anchor.strip_suffix("'s").or_else(|| anchor.strip_suffix("’s")) else {
        return span;
    };
    let (target, _) = split_disambiguator(&link.target);
    let target = target.split(',').next().unwrap_or(target);
    let target_possessive = target.ends_with("'s") || target.ends_with("’s");
    if target_possessive || name.trim_end().is_empty() || name.ends_with(' ') {
        return span;
    }
    Span::new(span.start, span.start + name.len())
}

/// Prepositions after which a nationality word standing alone is the language: "(which
/// means 'wards' in Spanish)", "translated into English by", "words from Portuguese".
const LANGUAGE_PREPOSITIONS: &[&str] = &["in ", "into ", "from "];

/// A nationality word used as a noun after a preposition of speech ("in Spanish).", "into
/// English by") names the language, a MISC concept, not the country's people or an
/// attribute: a DEMONYM mention there becomes the language (id "Spanish_language", the
/// title Wikipedia gives every language or redirects to it). The word must end its phrase:
/// punctuation or "by" after it; before a noun it is an adjective ("in Spanish hands"). A
/// plural is the people ("loans from Americans"), and so is "the" before the word ("taken
/// from the French."), unless a translator or a quoted word follows ("translated from the
/// Polish by", "from the Latin \"folium\"").
pub(crate) fn name_languages(text: &str, mentions: &mut [EntityMention]) {
    for m in mentions.iter_mut().filter(|m| m.label == Label::Demonym) {
        let (Some(head), Some(rest)) = (text.get(..m.span.start), text.get(m.span.end..)) else {
            continue;
        };
        if m.span.slice(text).ends_with('s') {
            continue;
        }
        // The word before the preposition is a word boundary: "within Spanish" is no "in".
        let after = |head: &str, preposition: &str| {
            head.strip_suffix(preposition)
                .is_some_and(|h| h.is_empty() || h.ends_with([' ', '(', '\n']))
        };
        let translator_or_word = [" by ", " \"", " “"].iter().any(|p| rest.starts_with(p));
        let after_preposition = LANGUAGE_PREPOSITIONS.iter().any(|p| after(head, p))
            || (after(head, "from the ") && translator_or_word);
        let ends_phrase = rest.is_empty()
            || rest.starts_with([')', '.', ',', ';', ':', '"', '”', '\n'])
            || rest.starts_with(" by ");
        if after_preposition && (ends_phrase || translator_or_word) {
            m.label = Label::Misc;
            m.id = Arc::from(format!("{}_language", m.span.slice(text)));
        }
    }
}

/// What separates the items of a list: "A, B and C", "A or B".
const LIST_SEPARATORS: &[&str] = &[", ", " and ", ", and ", " or ", ", or ", " & "];

/// An untyped link that is an item of a list takes the type of the item next to it
/// ("Scarborough, Whitby and [[Oshawa]]": the items of a list are things of one kind). One
/// pass left to right and one back, so a type spreads along the whole list; `mentions` are
/// sorted and free of overlaps.
fn type_list_items(text: &str, mentions: &mut [EntityMention]) {
    let n = mentions.len();
    for left_to_right in [true, false] {
        for step in 0..n.saturating_sub(1) {
            let (from, to) =
                if left_to_right { (step, step + 1) } else { (n - 1 - step, n - 2 - step) };
            let (first, second) = (from.min(to), from.max(to));
            let gap = text.get(mentions[first].span.end..mentions[second].span.start);
            if !gap.is_some_and(|g| LIST_SEPARATORS.contains(&g)) {
                continue;
            }
            if mentions[to].label == Label::Unknown
                && mentions[to].source == EntrySource::Link
                && mentions[from].label.is_known()
            {
                mentions[to].label = mentions[from].label;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_names() {
        for (anchor, target, given) in [
            ("Comte, Auguste", "Auguste Comte", Some("Auguste")),
            ("Tolkien, J. R. R.", "John Ronald Reuel Tolkien", Some("J. R. R.")),
            ("Tolkien, J.R.R.", "John Ronald Reuel Tolkien", Some("J.R.R.")),
            ("Lloyd, G. E. R.", "G. E. R. Lloyd", Some("G. E. R.")),
            ("Firchow, Peter", "Peter Edgerly Firchow", Some("Peter")),
            ("de Gaulle, Charles", "Charles de Gaulle", Some("Charles")),
            ("Smith, William", "William Smith (lexicographer)", Some("William")),
            // Not the target's words: another name, a surname inside a word, a place.
            ("Comte, Auguste", "Auguste Comtesse", None),
            ("Comte, Auguste", "Augustin Comte", None),
            ("Comte, A.", "Bernard Comte", None),
            ("Williamsburg, Virginia", "Williamsburg, Virginia", None),
            ("Texas, Paris", "Paris, Texas", None),
            ("Williamsburg, Virginia", "Williamsburg", None),
            ("Comte, Auguste, Jr.", "Auguste Comte", None),
            ("Comte", "Auguste Comte", None),
            (", Auguste", "Auguste Comte", None),
            // More given words than the bound.
            ("Qwe, A B C D E", "A B C D E Qwe", None),
        ] {
            assert_eq!(inverted_name(anchor, target), given, "{anchor} -> {target}");
        }
        assert!(
            is_initials("J.") && is_initials("G.E.R.") && !is_initials("St.") && !is_initials("J")
        );
    }
}
