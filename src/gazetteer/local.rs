//! The article-local gazetteer: entries an article gives about itself.
//!
//! From the title, the infobox values (commanders and signatories -> PERSON,
//! combatants and parties -> the global entry if one exists, else ORG, places ->
//! PLACE), the See also titles, and the article's own links: one sense per discourse, so
//! a later unlinked "Foreman" or "Harvard University" is the entity the article linked
//! (with the link's label, unknown included). Persons also get their surname forms, so that
//! "Prado" and "Diez Canseco" resolve to the full person's id within that article; those
//! short forms never match inside a longer name ("Ulrich Merkel"). Capitalized names the
//! article never links are entries too when their shape or the words around them type them
//! ("the botanist Hermann Sleumer"), by the rules that type link targets.
//!
//! The article's own subject is always an entry: its name (the title without a
//! disambiguator or a ", Duke of ..." tail), typed by the infobox kind, else by the
//! index, the title's shape or the lead sentence ("X is a town in ..."), else of unknown type.

use std::collections::{HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    context::{
        capitalized_runs, is_function_word, is_shipped_demonym, is_whole_quotation, NameRun,
        NAME_PARTICLES,
    },
    link_context::{label_from_context, label_from_lead},
    links::{is_acronym, LinkTargets},
    person_titles::{is_person_making_title, is_title_before_name},
    surnames,
    title_shape::{holds_a_head_word, is_roman, label_from_title, ship_name, split_disambiguator},
    Entry, Gazetteer, Label,
};
use crate::{
    article::{split_list, title_to_id, Article},
    span::{floor_char_boundary, Span},
};

/// Entries that `article` contributes for its own mentions.
pub fn local_entries(article: &Article, global: &Gazetteer) -> Vec<Entry> {
    local_entries_of(article, global, &LinkTargets::new(article, global))
}

/// [`local_entries`] with the article's link targets already looked up.
pub(crate) fn local_entries_of(
    article: &Article,
    global: &Gazetteer,
    targets: &LinkTargets,
) -> Vec<Entry> {
    let mut out = Vec::new();
    // Given-name short forms, kept apart until the persons sharing one are known.
    let mut given: Vec<(String, String)> = Vec::new();
    if let Some(infobox) = &article.infobox {
        for field in &infobox.fields {
            let Some(label) = field.key().role.names() else { continue };
            for item in split_list(&article.text, field.value_span)
                .into_iter()
                .map(|s| s.slice(&article.text))
            {
                if item.len() < 3 || item.chars().all(|c| c.is_ascii_uppercase()) {
                    // Too short, or a code such as PER, resolved by the infobox stage.
                    continue;
                }
                push_named(&mut out, item, label, global);
            }
        }
    }
    // The article's own subject, labelled by what its infobox describes (its kind, else
    // its template through the DBpedia mappings), else by the index, the title's shape or
    // the lead sentence. A template the mappings call MISC (a car, a deity, a bridge: a
    // class outside the ones we map) is MISC too: the ontology says it is none of those.
    let title_label = article
        .infobox
        .as_ref()
        .and_then(|i| i.kind.map(|k| k.subject_label()).or_else(|| i.template_label()));
    let subject_label = title_label
        .or_else(|| global.index_label(&article.title))
        .or_else(|| label_from_title(&article.title))
        // The name without its tail: "Hebron Township, McHenry County, Illinois".
        .or_else(|| label_from_title(subject_name(&article.title)))
        .or_else(|| label_from_lead(article));
    let id = title_to_id(&article.title);
    if let Some(label) = title_label {
        out.push(Entry::local(article.title.clone(), label, &id));
    }
    let name = subject_name(&article.title);
    // A name of one or two letters ("T") would match inside other words' folds ("don't").
    if name.chars().count() >= 3 {
        out.push(Entry::local(name, subject_label.unwrap_or(Label::Unknown), &id));
    }
    // A ship's article names it without its prefix after the first sentence ("USS Qwerty
    // Jones" ... "Qwerty Jones was laid down"): the ship, not the person it is named for,
    // who is linked or named in full where the namesake is meant.
    if subject_label == Some(Label::Ship) {
        if let Some(ship) = ship_name(name).filter(|n| n.chars().count() >= 3) {
            out.push(Entry::local(ship, Label::Ship, &id));
        }
    }
    for acronym in subject_acronyms(&article.text, name) {
        out.push(Entry::local(acronym, subject_label.unwrap_or(Label::Unknown), &id));
    }
    if subject_label == Some(Label::Person) {
        push_without_middle_initials(&mut out, name, &id);
        for form in surname_forms(name) {
            out.push(Entry::local_short_form(form, Label::Person, &id));
        }
        push_given_name(&mut given, name, &id);
    }
    for link in &article.see_also {
        if let Some(known) = global.lookup(&link.target) {
            out.push(Entry::local(link.target.clone(), known.label, &known.id));
        } else {
            out.push(Entry::local(link.target.clone(), Label::Event, &title_to_id(&link.target)));
        }
    }
    // A link repeated with the same anchor gives the same surfaces again, and the first
    // entry with a surface wins: only the first of each (anchor, target) counts.
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for (i, link) in article.links.iter().enumerate() {
        let anchor = link.span.slice(&article.text).trim();
        if !anchor.starts_with(char::is_uppercase) {
            // A lowercase anchor ("landgrave") is a common noun: its repeats are not names.
            continue;
        }
        if is_one_letter(anchor) {
            // A single letter ("[[Win|W]]" in a results table, "[[Canadian dollar|C$]]",
            // whose "$" folds away) is a code: its repeats are every other "W" or "C" of
            // the article.
            continue;
        }
        if targets.is_date(i) {
            // A date ("[[April 30]]"): the date tagger's, not a name to repeat.
            continue;
        }
        if !seen.insert((anchor, link.target.as_str())) || is_list_title(&link.target) {
            continue;
        }
        // The anchor's label may be a nationality's ("[[Russia|Russian]]": DEMONYM); the
        // target's own name keeps the target's type ("Russia": PLACE).
        let anchor_label = targets.label(article, i, &[]);
        let target_label = targets.target_label(article, i, &[]);
        let id = title_to_id(&link.target);
        // A concept's acronym ("GDP" for "Gross domestic product") is a word, not a name.
        let concept = is_concept_title(&link.target);
        if !(concept && is_acronym(anchor)) {
            out.push(Entry::local(anchor, anchor_label, &id));
        }
        let name = subject_name(&link.target);
        let acronym = acronym_after(&article.text, link.span.end, &[anchor, name]);
        if let Some(acronym) = acronym.filter(|_| !concept) {
            out.push(Entry::local(acronym, anchor_label, &id));
        }
        if name != anchor && name.starts_with(char::is_uppercase) {
            out.push(Entry::local(name, target_label, &id));
        }
        if target_label == Label::Person {
            push_without_middle_initials(&mut out, name, &id);
            for form in surname_forms(name) {
                out.push(Entry::local_short_form(form, Label::Person, &id));
            }
            push_given_name(&mut given, name, &id);
        }
    }
    push_unlinked_names(article, global, &mut out, &mut given);
    // A target's name of one letter ("Ă" of [[Ă|A with breve]]) folds to that letter too.
    // An acronym is no person's name ("ANOVA" typed PERSON by the words around one of its
    // occurrences, "OVAs", a radio station's call sign, "CLW" after a wrongly typed link).
    out.retain(|e| {
        let person_code = e.label == Label::Person && is_capitals_code(&e.surface);
        !(is_one_letter(&e.surface) || person_code)
    });
    relabel_place_adjectives(&mut out, global);
    relabel_people_words(&mut out);
    drop_demonym_noun_phrases(&mut out, global);
    let mut out = surnames::subject_keeps_shared_surnames(out, &id);
    out.extend(unshared_given_names(given, global, &id));
    out
}

/// True when `surface` holds fewer than two letters or digits ("W", "C$", "Ă"): matching
/// folds away everything else, so its matches would be every such letter of the article.
fn is_one_letter(surface: &str) -> bool {
    surface.chars().filter(|c| c.is_alphanumeric()).nth(1).is_none()
}

/// A list's title ("List of countries by GDP"): a list is no entity, so what links to it
/// ("GDP") names something else and its repeats are no mentions of it.
fn is_list_title(title: &str) -> bool {
    title.starts_with("List of ") || title.starts_with("Lists of ")
}

/// A title in sentence case whose words after the first are all lowercase ("Gross
/// domestic product", "Chief executive officer", "C-C bond"): Wikipedia capitalizes the
/// words of a name, so this is a concept, a common noun phrase.
fn is_concept_title(title: &str) -> bool {
    let mut words = subject_name(title).split(' ');
    words.next();
    let mut rest = words.peekable();
    rest.peek().is_some() && rest.all(|w| w.starts_with(char::is_lowercase))
}

/// What one occurrence of a capitalized run said about its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunType {
    /// The name's own shape ("Red Sea", "Hermann Sleumer"): true wherever it occurs.
    Shape(Label),
    /// The words around this occurrence ("born in Qwerton").
    Context(Label),
    /// Two occurrences said different things: no type, no entry.
    Conflicting,
}

/// Capitalized names the article does not link ("the botanist Hermann Sleumer", "the Red
/// Sea"), typed by their own shape ([`label_from_title`]) or the words around them
/// ([`label_from_context`]), the rules that type link targets; an untyped run gives
/// nothing, never a guess. Each becomes an entry, so every occurrence of the name is the
/// same entity (one sense per discourse), a person with their surname forms and their given
/// name ("Claudia" for "Claudia Simmons-Howe": plot summaries call characters so), which,
/// as for linked persons, is dropped when two persons of the article share it (one of them
/// linked or not: `unshared_given_names`). A title or rank before a name is not part of it ("Colonel José Balta" is
/// "José Balta"). A run the gazetteers or the article's links already name, or that
/// overlaps a link or a heading (which capitalizes its words), is left to them, and so is
/// a person's run that holds a person the article already knows ("Colonel Mariano Ignacio
/// Prado", "General Manuel Ignacio de Vivanco"): it is that person, never a new one. A
/// single word opening a sentence is capitalized by the sentence, not by its being a name,
/// so only its own shape counts there.
fn push_unlinked_names(
    article: &Article,
    global: &Gazetteer,
    out: &mut Vec<Entry>,
    given: &mut Vec<(String, String)>,
) {
    let text = &article.text;
    // Spans whose runs are not evidence: links (typed by their targets) and headings.
    let mut blocked: Vec<Span> = article.links.iter().map(|l| l.span).collect();
    blocked.extend(article.sections.iter().map(|s| s.title_span));
    blocked.extend(article.title_span);
    blocked.sort_by_key(|s| s.start);
    let mut next_blocked = 0;
    let known: FxHashMap<String, (Label, bool)> =
        out.iter().map(|e| (e.surface.to_lowercase(), (e.label, e.partial))).collect();
    let is_known = |surface: &str| {
        known.contains_key(&surface.to_lowercase()) || global.lookup(surface).is_some()
    };
    let is_known_person = |surface: &str| {
        known
            .get(&surface.to_lowercase())
            .is_some_and(|&(l, partial)| l == Label::Person && !partial)
            || global.lookup(surface).is_some_and(|e| e.label == Label::Person && !e.partial)
    };
    let mut found: Vec<(&str, RunType)> = Vec::new();
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    // Runs whose later occurrences can change nothing: named elsewhere, or typed by their
    // shape (true wherever they occur). Most runs repeat, so this spares most of the work.
    let mut settled: FxHashSet<&str> = FxHashSet::default();
    // What a run's own words say is the same at every occurrence, so it is worked out once
    // per distinct surface (`SurfaceFacts`).
    let mut facts = SurfaceFacts::default();
    // The infobox's own runs ("spouse: Juan Pablo Zamora") give no given name: as for its
    // items, a value is no evidence of what the body calls the person ("Juan met Pablo").
    let infobox = article.infobox.as_ref().map(|i| i.span);
    let mut named_in_body: FxHashSet<&str> = FxHashSet::default();
    for run in capitalized_runs(text) {
        while next_blocked < blocked.len() && blocked[next_blocked].end <= run.span.start {
            next_blocked += 1;
        }
        if blocked[next_blocked..]
            .iter()
            .take_while(|l| l.start < run.span.end)
            .any(|l| l.overlaps(run.span))
        {
            continue;
        }
        let whole = run.span.slice(text);
        if settled.contains(whole) {
            continue;
        }
        let cut = match facts.title_len(whole) {
            Some(cut) => cut,
            None => {
                if is_known(whole) {
                    settled.insert(whole);
                    continue;
                }
                let bare = without_title(text, run);
                if bare.span.slice(text) != whole && is_known(bare.span.slice(text)) {
                    settled.insert(whole);
                    continue;
                }
                let cut = bare.span.start - run.span.start;
                facts.set_title_len(whole, cut);
                cut
            }
        };
        let run = match cut {
            0 => run,
            _ => NameRun {
                span: Span::new(run.span.start + cut, run.span.end),
                sentence_start: false,
            },
        };
        let name = run.span.slice(text);
        // Two contexts disagreed: no later occurrence can type the name again (a shape would
        // have typed its first), and a name without "of" has no parts to try instead.
        let conflicting = at.get(name).is_some_and(|&i| found[i].1 == RunType::Conflicting);
        if conflicting && !name.split(' ').any(|w| w == "of") {
            continue;
        }
        for (span, kind) in typed_parts(text, run, &mut facts) {
            let surface = span.slice(text);
            if span == run.span && matches!(kind, RunType::Shape(_)) {
                settled.insert(whole);
            }
            if span != run.span && facts.known(surface, &is_known) {
                continue;
            }
            let person =
                matches!(kind, RunType::Shape(Label::Person) | RunType::Context(Label::Person));
            if person && facts.holds_known_person(surface, &is_known_person) {
                settled.insert(whole);
                continue;
            }
            if !infobox.is_some_and(|i| i.contains(span)) {
                named_in_body.insert(surface);
            }
            match at.get(surface) {
                None => {
                    at.insert(surface, found.len());
                    found.push((surface, kind));
                }
                Some(&i) => found[i].1 = merged(found[i].1, kind),
            }
        }
    }
    for (surface, kind) in found {
        let (RunType::Shape(label) | RunType::Context(label)) = kind else { continue };
        let id = title_to_id(surface);
        out.push(Entry::local(surface, label, &id));
        if label == Label::Person {
            for form in surname_forms(surface) {
                out.push(Entry::local_short_form(form, Label::Person, &id));
            }
            if named_in_body.contains(surface) {
                push_given_name(given, surface, &id);
            }
        }
    }
}

/// `run` without the titles and ranks before the name ("Colonel", "General Sir"), when a
/// capitalized name follows them; "Saint" and "St." stay, as they open place names as
/// often ("Saint Petersburg", "St. Louis").
fn without_title(text: &str, run: NameRun) -> NameRun {
    let mut start = run.span.start;
    for word in run.span.slice(text).split(' ') {
        let strip = is_person_making_title(word);
        let next = text[start + word.len()..run.span.end].trim_start();
        // A head word after the title makes the run an organization's ("Major League
        // Baseball"): no person's name follows the title there.
        if !strip || !next.starts_with(char::is_uppercase) || holds_a_head_word(next.split(' ')) {
            break;
        }
        start += word.len() + 1;
    }
    if start == run.span.start {
        return run;
    }
    NameRun { span: Span::new(start, run.span.end), sentence_start: false }
}

/// True when `surface` is a person the article or the gazetteers already know by their
/// full name, written more fully: with more words before it (a rank the title list lacks,
/// another given name: "Generalissimo José Balta") or with a particle and more surname
/// after it ("Mariano Ignacio Prado y Ochoa"). Another capitalized word after a known name
/// makes another person ("John Henry Clay"), so that does not count.
fn holds_known_person(surface: &str, is_known_person: &dyn Fn(&str) -> bool) -> bool {
    let suffix = surface.match_indices(' ').any(|(i, _)| is_known_person(&surface[i + 1..]));
    suffix
        || surface.match_indices(' ').any(|(i, _)| {
            let next = surface[i + 1..].split(' ').next().unwrap_or("");
            NAME_PARTICLES.contains(&next) && is_known_person(&surface[..i])
        })
}

/// Two occurrences' types as one: a shape beats a context, two contexts must agree.
fn merged(a: RunType, b: RunType) -> RunType {
    match (a, b) {
        (RunType::Shape(_), _) => a,
        (_, RunType::Shape(_)) => b,
        (RunType::Context(x), RunType::Context(y)) if x == y => a,
        _ => RunType::Conflicting,
    }
}

/// The type of a run, or of its parts around "of" when the whole says nothing
/// ("President of Peru": "President", "Peru").
fn typed_parts<'t>(
    text: &'t str,
    run: NameRun,
    facts: &mut SurfaceFacts<'t>,
) -> Vec<(Span, RunType)> {
    if let Some(kind) = run_type(text, run, facts) {
        return vec![(run.span, kind)];
    }
    let surface = run.span.slice(text);
    if !surface.contains(' ') {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut start = run.span.start;
    let mut word_start = run.span.start;
    for word in surface.split(' ') {
        let word_end = word_start + word.len();
        // Only "of" parts a name in two ("President of Peru"); a person's particle is
        // inside one name ("Manuel Ignacio de Vivanco").
        if word == "of" {
            parts.push(NameRun {
                span: Span::new(start, word_start - 1),
                sentence_start: run.sentence_start && start == run.span.start,
            });
            start = word_end + 1;
        }
        word_start = word_end + 1;
    }
    if parts.is_empty() {
        return Vec::new();
    }
    parts.push(NameRun { span: Span::new(start, run.span.end), sentence_start: false });
    parts.into_iter().filter_map(|p| Some((p.span, run_type(text, p, facts)?))).collect()
}

/// What one run says about its type: its shape (a person's shape quoted whole is a
/// work's title), else (unless it is one word opening a sentence) the words around it.
fn run_type<'t>(text: &'t str, run: NameRun, facts: &mut SurfaceFacts<'t>) -> Option<RunType> {
    let surface = run.span.slice(text);
    if let Some(label) = facts.shape(surface) {
        // A name shaped like a person's that is a whole quotation is the title of a short
        // work, often named after one ("Eleanor Rigby", the essay "William Law", the
        // column "Oscar Greats"): WORK at this occurrence, which an unquoted occurrence of
        // the same name, typed by its shape, still overrides.
        if label == Label::Person && is_whole_quotation(text, run.span) {
            return Some(RunType::Context(Label::Work));
        }
        return Some(RunType::Shape(label));
    }
    if run.sentence_start && !surface.contains(' ') {
        return None;
    }
    // A title alone names an office, not its holder ("the President is the leader of the
    // winning party", "the General withdrew"): what the words around it say is about
    // whoever holds it at each occurrence, so it is no entry of its own.
    if !surface.contains(' ') && is_title_before_name(surface) {
        return None;
    }
    label_from_context(text, run.span).map(RunType::Context)
}

/// What a surface's own words say, worked out at its first occurrence and kept for the
/// others, in one map by surface ([`Facts`]). The words around each occurrence are read
/// every time.
#[derive(Default)]
struct SurfaceFacts<'t> {
    of: FxHashMap<&'t str, Facts>,
}

/// The facts of one surface, each worked out when first asked (`None` until then).
#[derive(Default)]
struct Facts {
    /// As a whole run, the length of the title before the name ("Colonel "), once the run
    /// and its name were looked up and are not known.
    title_len: Option<usize>,
    /// The type its shape says.
    shape: Option<Option<Label>>,
    /// Whether a gazetteer or the article already names it.
    known: Option<bool>,
    /// Whether it holds a person known by a fuller name.
    known_person: Option<bool>,
}

impl<'t> SurfaceFacts<'t> {
    /// The title length recorded for the run `whole`, if any.
    fn title_len(&self, whole: &str) -> Option<usize> {
        self.of.get(whole).and_then(|f| f.title_len)
    }

    /// Record the title length of the run `whole`.
    fn set_title_len(&mut self, whole: &'t str, len: usize) {
        self.of.entry(whole).or_default().title_len = Some(len);
    }

    /// The type a run's own shape says (never MISC, and never for one word: the title
    /// rules read several words or a disambiguator).
    fn shape(&mut self, surface: &'t str) -> Option<Label> {
        *self.of.entry(surface).or_default().shape.get_or_insert_with(|| {
            let several = surface.contains(' ');
            several.then(|| label_from_title(surface)).flatten().filter(|l| *l != Label::Misc)
        })
    }

    /// `is_known(surface)`, once per surface.
    fn known(&mut self, surface: &'t str, is_known: &dyn Fn(&str) -> bool) -> bool {
        *self.of.entry(surface).or_default().known.get_or_insert_with(|| is_known(surface))
    }

    /// [`holds_known_person`], once per surface.
    fn holds_known_person(
        &mut self,
        surface: &'t str,
        is_known_person: &dyn Fn(&str) -> bool,
    ) -> bool {
        *self
            .of
            .entry(surface)
            .or_default()
            .known_person
            .get_or_insert_with(|| holds_known_person(surface, is_known_person))
    }
}

/// A person's full name without its middle initials, as an entry of that person: an
/// article on "Habern W. Freeman" or one that links "[[Ann Q. R. Zxcv]]" writes "Habern
/// Freeman", "Ann Zxcv" too (one sense per discourse). Only initials go ("W.", "Q"), one to
/// three of them between a given name and a surname of two letters or more; a middle name
/// written in full is no initial ("Mariano Ignacio Prado" gives nothing here).
fn push_without_middle_initials(out: &mut Vec<Entry>, full: &str, id: &str) {
    let words: Vec<&str> = full.split(' ').collect();
    let is_initial = |w: &str| {
        let bare = w.strip_suffix('.').unwrap_or(w);
        let mut chars = bare.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    };
    let is_name = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.ends_with('.')
    };
    let [first, middle @ .., last] = words.as_slice() else { return };
    if (1..=3).contains(&middle.len())
        && middle.iter().all(|w| is_initial(w))
        && is_name(first)
        && is_name(last)
        && !is_title_before_name(first)
    {
        out.push(Entry::local(format!("{first} {last}"), Label::Person, id));
    }
}

/// Words that open a sentence as often as they name a person (months are
/// [`is_month_or_function_word`]'s).
const NOT_GIVEN_NAMES: &[&str] = &["Will", "Sir", "Saint", "St."];

/// A month ("July" of a "Sunday July") or a function word ("The" of "The Towers"): never
/// a person's short form, whatever the full name.
fn is_month_or_function_word(word: &str) -> bool {
    crate::temporal::MONTH_NAMES.contains(&word) || is_function_word(word)
}

/// A person's given name as a short form of the full name: an article that names "Ray
/// Dixon", "Louis IX" or "Denise Fox" calls them "Ray", "Louis", "Denise" too (one sense per
/// discourse). Like a surname it never matches inside a longer name ("Louis VIII"), and
/// a given name two persons of the article share names neither (`unshared_given_names`).
fn push_given_name(given: &mut Vec<(String, String)>, full: &str, id: &str) {
    let mut words = full.split_whitespace();
    let (Some(first), Some(_)) = (words.next(), words.next()) else { return };
    let name_like = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().count() >= 3
        && first.chars().all(char::is_alphabetic)
        && !NOT_GIVEN_NAMES.contains(&first)
        && !is_month_or_function_word(first)
        && !is_title_before_name(first);
    if name_like {
        given.push((first.to_string(), id.to_string()));
    }
}

/// The given-name entries, without those that stand for two different persons of the
/// article (ambiguous: both go) or that a gazetteer knows as something else ("German",
/// "Columbus"). A given name the article's own subject (`subject_id`) shares with another
/// person is the subject's, as its surname forms are (`surnames.rs`): an article on "Louis
/// IX" that links his father "Louis VIII" calls its subject "Louis" ("In 1775, Louis
/// married ..."), and names the father in full.
fn unshared_given_names(
    given: Vec<(String, String)>,
    global: &Gazetteer,
    subject_id: &str,
) -> Vec<Entry> {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let mut shared: HashSet<&str> = HashSet::new();
    let mut subjects: HashSet<&str> = HashSet::new();
    for (name, id) in &given {
        if owner.insert(name, id).is_some_and(|other| other != id) {
            shared.insert(name);
        }
        if id == subject_id {
            subjects.insert(name);
        }
    }
    given
        .iter()
        .filter(|(name, id)| {
            let name = name.as_str();
            let owned = !shared.contains(name) || (subjects.contains(name) && id == subject_id);
            owned && global.lookup(name).is_none()
        })
        .map(|(name, id)| Entry::local_short_form(name.as_str(), Label::Person, id))
        .collect()
}

/// How far into the text the subject's name is looked for, and how long the parentheses
/// after it may be: the lead's opening sentence, not the whole article.
const LEAD_BYTES: usize = 3000;
const LEAD_PARENTHESES_BYTES: usize = 400;

/// Acronyms of the article's subject that its lead lists in the parentheses right after the
/// name ("The P. I. Baranov Central Institute of Aviation Motor Development (also known as
/// ..., CIAM or TsIAM, ...)": "CIAM"), as [`acronym_after`] takes the one after a link. An
/// acronym counts only when its capitals, in order, are initials of the name's capitalized
/// words ("CIAM" in "Baranov Central Institute of Aviation Motor Development"), so a code
/// listed there for something else ("born 1950, USA") is none.
fn subject_acronyms<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let initials: Vec<char> =
        name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    if initials.len() < 2 {
        return Vec::new();
    }
    let lead = &text[..floor_char_boundary(text, LEAD_BYTES)];
    let Some(inside) = lead.match_indices(name).find_map(|(at, _)| {
        let rest = lead[at + name.len()..].strip_prefix(" (")?;
        let rest = &rest[..floor_char_boundary(rest, LEAD_PARENTHESES_BYTES)];
        Some(&rest[..rest.find(')')?])
    }) else {
        return Vec::new();
    };
    inside
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '&' | '.')))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| is_acronym_shape(w) && capitals_are_initials(w, &initials))
        .collect()
}

/// True when the capitals of `acronym` are, in order, some of `initials`.
fn capitals_are_initials(acronym: &str, initials: &[char]) -> bool {
    let mut rest = initials.iter();
    acronym.chars().filter(char::is_ascii_uppercase).all(|c| rest.any(|&i| i == c))
}

/// One-word PLACE entries that are the adjective of another place's name are DEMONYMs:
/// "Angolan" (a repeat of "[[Angola|Angolan]] diplomat", or a run the words "the Angolan
/// coast" typed), "African", "European", "Roman" of Rome, "Athenian" of Athens. The place
/// is the article's own PLACE entry or a gazetteer's; a word that is a place's name itself
/// stays ("Atlantic", "Oman", "Milan", whose stems name other places).
fn relabel_place_adjectives(out: &mut [Entry], global: &Gazetteer) {
    let places: FxHashSet<&str> =
        out.iter().filter(|e| e.label == Label::Place).map(|e| &*e.surface).collect();
    let is_place = |name: &str| {
        places.contains(name) || global.lookup(name).is_some_and(|e| e.label == Label::Place)
    };
    let adjectives: Vec<usize> = (out.iter().enumerate())
        .filter(|(_, e)| {
            e.label == Label::Place
                && global.lookup(&e.surface).is_none_or(|g| g.label != Label::Place)
                && is_adjective_of_place(&e.surface, &is_place)
        })
        .map(|(i, _)| i)
        .collect();
    for i in adjectives {
        out[i].label = Label::Demonym;
    }
}

/// Entries that are a shipped DEMONYM row's surface ("German", "Canadian", "Muslim",
/// "Roman Catholic") but typed PERSON, PLACE, ORG, EVENT, WORK, SHIP or TREATY by the link they
/// repeat ("[[Germans in the American Revolution|German]]", "[[Irish Canadian|Canadian]]",
/// "[[Sunni Muslim|Muslim]]") are DEMONYMs: the word names the people, whatever page the
/// link points to. MISC (a language, a people) and UNKNOWN claim no other type and stay.
fn relabel_people_words(out: &mut [Entry]) {
    for e in out.iter_mut() {
        let typed = !matches!(e.label, Label::Demonym | Label::Misc | Label::Unknown);
        if typed && !e.partial && is_shipped_demonym(&e.surface) {
            e.label = Label::Demonym;
        }
    }
}

/// Head nouns after a people's adjective that make a name with it: a language or a script
/// ("Greek language", "Latin alphabet").
const LANGUAGE_HEADS: &[&str] =
    &["language", "languages", "alphabet", "script", "dialect", "characters", "hieroglyphs"];

/// Drops the entries that are a people's adjective before one lowercase common noun ("French
/// people", "Greek minority", "British army", "Chinese alchemy", "Afghan government"):
/// Wikipedia capitalizes each word of a name, so the phrase is a common noun (its article's
/// title in sentence case), and its repeats are no names; the adjective alone is still a
/// DEMONYM there. A language or a script ("Greek alphabet") is a name and stays, and so do
/// longer phrases, which name species and events as often ("Cuban tree frog", "European
/// migrant crisis"). The adjective
/// is a shipped DEMONYM row, an entry the article types DEMONYM, or an adjective of a place
/// ([`is_adjective_of_place`]: at most 38 look-ups per entry).
fn drop_demonym_noun_phrases(out: &mut Vec<Entry>, global: &Gazetteer) {
    let demonyms: FxHashSet<String> =
        out.iter().filter(|e| e.label == Label::Demonym).map(|e| e.surface.clone()).collect();
    let is_place = |name: &str| global.lookup(name).is_some_and(|e| e.label == Label::Place);
    out.retain(|e| {
        let Some((first, noun)) = e.surface.split_once(' ') else { return true };
        let common_noun = noun.starts_with(char::is_lowercase)
            && !noun.contains(' ')
            && !LANGUAGE_HEADS.contains(&noun);
        let demonym = || {
            is_shipped_demonym(first)
                || demonyms.contains(first)
                || global.lookup(first).is_some_and(|g| g.label == Label::Demonym)
                || is_adjective_of_place(first, &is_place)
        };
        !(common_noun && demonym())
    });
}

/// Endings of an adjective made from a place's name, and the endings of the name they
/// replace: "Europ-e" -> "Europ-ean", "Athen-s" -> "Athen-ian", "Malt-a" -> "Malt-ese".
const ADJECTIVE_ENDINGS: &[&str] = &["ian", "ean", "ese", "ish", "an", "ic"];
const NAME_ENDINGS: &[&str] = &["", "a", "e", "s", "ia", "y"];

/// True when the capitalized one-word `word` is an adjective made from a place's name
/// (`is_place`): at most 6 x 6 + 2 look-ups. Two endings add to the whole name, and only
/// to a name of five letters or more, where a shorter stem would name a place of its own
/// ("Sinai" is no adjective of "Sina"): "n" after a final "a" ("Angola-n", "Africa-n")
/// and "i" ("Israel-i", "Azerbaijan-i").
fn is_adjective_of_place(word: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    if word.contains(' ') || !word.starts_with(char::is_uppercase) || word.chars().count() < 5 {
        return false;
    }
    let whole_name = |stem: &str| stem.chars().count() >= 5 && is_place(stem);
    if word.strip_suffix('n').is_some_and(|stem| stem.ends_with('a') && whole_name(stem))
        || word.strip_suffix('i').is_some_and(whole_name)
    {
        return true;
    }
    ADJECTIVE_ENDINGS
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .filter(|stem| stem.chars().count() >= 3)
        .any(|stem| {
            NAME_ENDINGS.iter().any(|end| {
                let name = format!("{stem}{end}");
                name != word && is_place(&name)
            })
        })
}

/// An acronym or a code in capitals, maybe plural: two capitals or more, then capitals,
/// digits, `&`, `.` or `-`, at most 12 bytes, and at most a final "s" in lowercase
/// ("ANOVA", "OVAs", "KSOQ-FM", "MI5").
fn is_capitals_code(word: &str) -> bool {
    let stem = word.strip_suffix('s').unwrap_or(word);
    let capitals = stem.chars().filter(char::is_ascii_uppercase).count();
    stem.len() <= 12
        && capitals >= 2
        && stem.starts_with(|c: char| c.is_ascii_uppercase())
        && stem
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '.' | '-'))
}

/// Two to eight letters, digits, `&` or `.`, at least two of them capitals: "CIAM", "AT&T".
fn is_acronym_shape(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    let shape = word
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '.'));
    shape && capitals >= 2 && word.len() <= 8
}

/// An acronym introduced in parentheses right after a name: "Congrès Internationaux
/// d'Architecture Moderne (CIAM)" gives "CIAM", a name of the same entity wherever the
/// article repeats it. Two to eight letters, digits, `&` or `.`, at least two of them
/// capitals, and opened by the name (`names`: the link's anchor and its target's name):
/// its first capital is the initial of one of their words, as Schwartz and Hearst's
/// abbreviation rule asks ("UTC" of "Coordinated Universal Time", "FAPLA" of "Armed
/// Forces for the Liberation of Angola"). What a citation or a list puts there is no
/// acronym of the name: a book and chapter ("Ammianus Marcellinus (XXII.8)"), a person's
/// role ("Ronald Evans (CAPCOM)"), a country code ("Bonaire (NED)").
fn acronym_after<'t>(text: &'t str, at: usize, names: &[&str]) -> Option<&'t str> {
    let rest = text.get(at..)?.strip_prefix(" (")?;
    let acronym = &rest[..rest.find(')')?];
    (is_acronym_shape(acronym) && is_spelled_from(acronym, names)).then_some(acronym)
}

/// True when `acronym`'s first capital is the initial of a word of `names`.
fn is_spelled_from(acronym: &str, names: &[&str]) -> bool {
    let Some(first) = acronym.chars().find(char::is_ascii_uppercase) else { return false };
    names
        .iter()
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
        .any(|w| w.chars().next().is_some_and(|c| c.to_ascii_uppercase() == first))
}

/// The name in a title: without a disambiguator ("Nevermind (album)" -> "Nevermind") or
/// a tail after a comma ("Louis IX, Landgrave of Hesse" -> "Louis IX"; "Cambridge,
/// Massachusetts" -> "Cambridge").
fn subject_name(title: &str) -> &str {
    // Called for every link: byte searches, no substring searcher.
    let title = title.trim();
    let (title, _) = split_disambiguator(title);
    let comma = memchr::memchr_iter(b',', title.as_bytes())
        .find(|&i| title.as_bytes().get(i + 1) == Some(&b' '));
    comma.map_or(title, |i| &title[..i]).trim()
}

fn push_named(out: &mut Vec<Entry>, item: &str, label: Label, global: &Gazetteer) {
    let (label, id) = match global.lookup(item) {
        Some(known) if label != Label::Person || known.label == Label::Person => {
            (known.label, known.id.to_string())
        }
        _ => (label, title_to_id(item)),
    };
    out.push(Entry::local(item, label, &id));
    if label == Label::Person {
        for form in surname_forms(item) {
            out.push(Entry::local_short_form(form, Label::Person, &id));
        }
    }
}

/// Surname forms of a person's full name, longest first: "Pedro Diez Canseco" ->
/// ["Diez Canseco", "Canseco"]; "Manuel Ignacio de Vivanco" -> ["de Vivanco", "Vivanco"];
/// "Evaristo Gómez Sánchez y Benavides" -> ["Gómez Sánchez y Benavides", "Gómez Sánchez", ...].
/// Only capitalised words count; single given names are never produced.
pub fn surname_forms(full: &str) -> Vec<String> {
    // What follows "of" names a realm or a place, never a surname: "Peter I of Russia",
    // "Catherine of Aragon" give no "Russia" or "Aragon".
    let words: Vec<&str> =
        full.split_whitespace().take_while(|w| !w.eq_ignore_ascii_case("of")).collect();
    let mut forms: Vec<String> = Vec::new();
    if words.len() < 2 {
        return forms;
    }
    let mut push = |form: String| {
        if form.len() >= 3
            && !forms.contains(&form)
            && form != full
            && !is_month_or_function_word(&form)
            // A regnal number alone ("XIV" of "Louis XIV") is no surname.
            && !is_roman(&form)
            // Nor is a people's word ("Canadian" of "Irish Canadian", "Muslim" of "Sunni
            // Muslim", targets a context typed PERSON): it names the people wherever it recurs.
            && !is_shipped_demonym(&form)
        {
            forms.push(form);
        }
    };
    // Drop the first word (a given name) and keep each suffix that starts with a
    // capitalised word or a particle followed by one, up to three words long.
    for start in 1..words.len() {
        let tail = &words[start..];
        let first = tail[0];
        let capital = first.chars().next().is_some_and(char::is_uppercase);
        let particle = NAME_PARTICLES.contains(&first) && first != "y";
        if !(capital || particle) || tail.len() > 4 {
            continue;
        }
        push(tail.join(" "));
    }
    // Spanish double surnames joined by "y": the part before "y" is the usual short form.
    if let Some(y) = words.iter().position(|w| *w == "y") {
        if y >= 2 {
            for start in 1..y {
                push(words[start..y].join(" "));
            }
        }
    }
    // Suffixes that are really middle names plus surname ("Ignacio Prado") are harmless:
    // they only match where the text says exactly that.
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_forms_of_spanish_names() {
        assert!(surname_forms("Mariano Ignacio Prado").contains(&"Prado".to_string()));
        let dc = surname_forms("Pedro Diez Canseco");
        assert_eq!(dc[0], "Diez Canseco");
        assert!(surname_forms("José Balta").contains(&"Balta".to_string()));
        assert!(surname_forms("Manuel Ignacio de Vivanco").contains(&"Vivanco".to_string()));
        let gs = surname_forms("Evaristo Gómez Sánchez y Benavides");
        assert!(gs.contains(&"Gómez Sánchez".to_string()), "{gs:?}");
        assert!(surname_forms("Napoleon").is_empty());
        assert!(surname_forms("Otto von Bismarck").contains(&"von Bismarck".to_string()));
        // What follows "of" is a realm or a place; a regnal number is no surname.
        assert!(surname_forms("Pyotr II of Qwertonia").is_empty());
        assert_eq!(surname_forms("Pope Pyotr XXII"), ["Pyotr XXII"]);
        assert!(surname_forms("Diane of Qwerton").is_empty());
        assert_eq!(surname_forms("Diane Qwerty of Qwerton"), ["Qwerty"]);
    }

    #[test]
    fn items_split_on_commas_and_and() {
        let text = "Mariano Ignacio Prado, Pedro Diez Canseco and José Balta (acting)";
        let items: Vec<&str> = split_list(text, crate::span::Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(items, vec!["Mariano Ignacio Prado", "Pedro Diez Canseco", "José Balta"]);
    }
}
