//! Gazetteer entity matching: TSV dictionaries compiled into one matcher, an `fst` of
//! folded surfaces that is stored and loaded without rebuilding (`compiled.rs`); the
//! article-local entries into a small word trie per article (`words.rs`).
//!
//! # Match semantics
//! * Text and surfaces are folded for case and accents, and every char that is not a
//!   letter or digit folds to one space (see `fold.rs`); offsets are mapped back to the
//!   original text, so a mention always slices to what the article says.
//! * Matches lie between word boundaries, because patterns are padded with a space (and
//!   local surfaces are matched as whole folded words): "Lima" is not found in "Limache",
//!   "Peru" not in "Peruvian". A possessive is outside
//!   the word, so "Pezet's" yields "Pezet"; "Vivanco-Pareja" equals "Vivanco–Pareja".
//! * Proper-noun guard: an entry whose surface has an uppercase letter does not match
//!   text with no uppercase letter at all ("Union" is not found in "trade union";
//!   "DIEZ CANSECO" and "Simon" still are).
//! * Overlaps are resolved by one total order, never by timing: candidates sorted by
//!   (start, longer first, source priority, entry id) and kept greedily left to right
//!   when they do not overlap one already kept. Source priority: article-local entries,
//!   then files in the order they were added. Entries with the same folded surface
//!   collapse to the first one added.

pub(crate) mod compiled;
mod context;
mod fold;
mod label;
mod link_context;
mod links;
mod load;
mod local;
pub(crate) mod person_titles;
mod shipped;
mod surnames;
mod title_shape;
mod type_nouns;
mod words;

use std::{
    collections::HashSet,
    fs,
    hash::{DefaultHasher, Hash, Hasher},
    path::{Path, PathBuf},
    sync::Arc,
    time::UNIX_EPOCH,
};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::{
    error::{Error, Result},
    index::EntityIndex,
    span::Span,
};

pub(crate) use compiled::{Compiled, CompiledMatcher, LoadError};
pub(crate) use fold::{fold, Folded};
pub use label::{Label, UnknownLabel};
pub(crate) use link_context::label_from_lead;
pub use link_context::label_from_lead_sentence;
pub use links::with_link_mentions;
pub(crate) use links::{name_languages, with_link_mentions_of, LinkTargets};
pub(crate) use local::local_entries_of;
pub use local::{local_entries, surname_forms};
pub(crate) use shipped::Shipped;
pub use shipped::{default_cache_dir, locate_general, CACHE_ENV, GAZETTEERS_ENV};
pub use title_shape::label_from_title;
pub use type_nouns::label_of_noun_phrase;
use words::{words_of, WordTrie};

/// Where a gazetteer entry came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntrySource {
    /// A row of a gazetteer file (1-based line).
    File {
        /// The file, as given to the builder.
        file: Arc<str>,
        /// 1-based line number.
        line: u32,
    },
    /// Derived from the article itself (title, infobox, See also).
    Local,
    /// A wikitext link `[[Target|label]]`: an exact mention of the target article.
    Link,
}

impl std::fmt::Display for EntrySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntrySource::File { file, line } => write!(f, "{file}:{line}"),
            EntrySource::Local => f.write_str("local"),
            EntrySource::Link => f.write_str("link"),
        }
    }
}

/// One gazetteer entry: a surface form and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The surface form as written in the file.
    pub surface: String,
    /// What the entry names.
    pub label: Label,
    /// A Wikipedia title with underscores, or a prefixed id such as `geonames:3936456`.
    pub id: Arc<str>,
    /// Columns after the id, tab-joined (for example an ISO alpha-3 code).
    pub extra: Box<str>,
    /// Where the entry came from.
    pub source: EntrySource,
    /// A short form of a longer name (a person's surname): it never matches inside a
    /// longer capitalized name ("Merkel" is not found in "Ulrich Merkel").
    pub partial: bool,
}

impl Entry {
    /// An extra column of exactly `letters` capital ASCII letters: an ISO 3166 code
    /// (3: a country's own alpha-3; 2: on a PLACE row, the alpha-2 of the country it lies
    /// in, or of the country itself on a country row).
    pub fn iso_code(&self, letters: usize) -> Option<&str> {
        self.extra
            .split('\t')
            .find(|x| x.len() == letters && x.bytes().all(|b| b.is_ascii_uppercase()))
    }

    /// An article-local entry.
    pub fn local(surface: impl Into<String>, label: Label, id: &str) -> Entry {
        Entry {
            surface: surface.into(),
            label,
            id: Arc::from(id),
            extra: Box::from(""),
            source: EntrySource::Local,
            partial: false,
        }
    }

    /// An article-local short form of a longer name (see [`Entry::partial`]).
    pub fn local_short_form(surface: impl Into<String>, label: Label, id: &str) -> Entry {
        Entry { partial: true, ..Entry::local(surface, label, id) }
    }

    /// True when this is a person's entry and `matched` is a word of the person's name
    /// after its first ("Pope" of `John_Pope_(military_officer)`), or a short form.
    fn is_surname_of_person(&self, matched: &str) -> bool {
        if self.label != Label::Person {
            return false;
        }
        if self.partial {
            return true;
        }
        let name = self.id.split("_(").next().unwrap_or(&self.id);
        let last = matched.rsplit(' ').next().unwrap_or(matched);
        name.split('_').skip(1).any(|w| w == last)
    }

    /// True when the words around a match at `span` of `text` say it is part of something else: a
    /// short form, a GeoNames place or a demonym inside a longer capitalized name (a short form or
    /// a GeoNames place inside a hyphenated one too), a whole name (an article's repeat of a name,
    /// a curated row) inside a longer one, any match inside a file name ("Coat of arms of
    /// Berlin.svg"), a currency code ("US$"), any match inside a quoted title ("Songs of Lima") or
    /// a cited work's title after its author, a person's given names in an inverted author name
    /// ("Logan, Robert K."), a part of a name written around a quoted nickname ("Tilmann \"Till\"
    /// Weigel"), a country row right after a capitalized word ("New Jersey"), a GeoNames place
    /// written in lowercase or before an author's initials ("Pavia, D.L."), an article's
    /// capitalized name written lowercase ("chancellor of Germany"), a demonym before "language", a
    /// person's name that closes a phrase opened by "the" ("the Saturn V, which"), and any match
    /// across a line break; also a month, an office or a rank alone, a place after a person's
    /// title or a foreign joiner, and a person's name as a common noun's modifier; also a part
    /// of a capitalized hyphenated compound and a name in a phrase in another language.
    fn rejected_in_context(&self, text: &str, span: Span) -> bool {
        let general = links::is_general_id(&self.id);
        let matched = span.slice(text);
        // Folding makes a line break a space, but a name never runs across one: the words
        // on either side belong to a caption and a paragraph, two list items, a heading
        // and its text ("his wife Elsa" / "Einstein and Marić married").
        if matched.contains('\n') {
            return true;
        }
        if general && !matched.starts_with(char::is_uppercase) {
            return true;
        }
        if general && context::before_initials(text, span) {
            return true;
        }
        // A name is capitalized as the article or the list writes it (a link's anchor, a
        // title, a curated row): in lowercase it is a common noun phrase ("the chancellor
        // of Germany") or runs a lowercase word into the name ("southern Africa", "western
        // Europe", where "Africa" and "Europe" are the names).
        // A country's article is its name's ("the Bahamas", "the Gambia").
        let article = self.surface.starts_with("The ") && matched.starts_with("the ");
        if self.surface.starts_with(char::is_uppercase)
            && !matched.starts_with(char::is_uppercase)
            && !article
        {
            return true;
        }
        // A month alone ("in December 2014") is a date's word, whatever a link or a page of
        // the index made of it.
        if crate::temporal::MONTH_NAMES.contains(&matched) && !self.is_surname_of_person(matched) {
            return true;
        }
        // An office or a rank alone ("the then Prime Minister", "the President", "Maj.
        // Gen. Sterling Price") names no one; a person's surname that is a title word
        // ("Pope" of John Pope, "Duke" of Charles Duke) stays, and so does the office of a
        // realm ("Landgrave of Hesse").
        if context::is_office_name(matched)
            && !self.is_surname_of_person(matched)
            && !context::office_of_a_realm(text, span)
        {
            return true;
        }
        // "General Washington", "Dr. Yunus": a person, not the place of that name.
        if self.label == Label::Place && context::after_person_title(text, span) {
            return true;
        }
        // "Senat von Berlin", "República de Angola": the end of a name in another
        // language, not the place.
        if self.label != Label::Person && context::after_foreign_joiner(text, span) {
            return true;
        }
        // "an Arrhenius acid", "a Taggart train": a person's name as a common noun's
        // modifier is no mention of the person.
        if self.label == Label::Person && context::modifies_after_indefinite_article(text, span) {
            return true;
        }
        if context::in_file_name(text, span) {
            return true;
        }
        // A currency code ("US$5 million", "A$"): the letters are no name of their own.
        if text.get(span.end..).is_some_and(|rest| rest.starts_with('$')) {
            return true;
        }
        // A quoted title is one name (a work's): what it holds is no mention of its own.
        if context::in_quoted_title(text, span) {
            return true;
        }
        // Tilmann "Till" Weigel: a part of a name written around a nickname is no mention.
        if context::beside_quoted_nickname(text, span) {
            return true;
        }
        // A reference list's author, "Logan, Robert K.": the given names alone are no mention.
        if self.label == Label::Person
            && (context::in_inverted_name(text, span)
                || context::in_cited_inverted_author(text, span))
        {
            return true;
        }
        // "Secker & Warburg", "Ren & Stimpy": one name around the ampersand. Persons,
        // places and peoples so joined are two ("Sidwell & Blench", "Europe & Northern
        // Asia"), but a GeoNames place there is an author's or a firm's name ("Johnson &
        // Patterson", "W.W. Norton & Company").
        let place = self.label == Label::Place && !general;
        if !(matches!(self.label, Label::Person | Label::Demonym) || place)
            && context::joined_by_ampersand(text, span)
        {
            return true;
        }
        // "Kalbajar-Lachin", "North-East Atlantic", "Berlin-Schöneberg,": a capitalized
        // compound before no lowercase noun is one name; its parts are no mentions. Each
        // people's word of "German-American" stays.
        if self.label != Label::Demonym && context::in_capitalized_compound(text, span) {
            return true;
        }
        // "Schopenhauer und die wilden Jahre", "Theater am Potsdamer Platz": a part of a
        // name or a title in another language.
        if context::in_foreign_phrase(text, span) {
            return true;
        }
        // "Mon–Khmer", "Chado-Berber": a language group's compound is one name.
        if self.label == Label::Misc && context::in_dashed_compound(text, span) {
            return true;
        }
        // "the Central Institute for Physical Chemistry", "St Mary the Virgin": cut short.
        if context::institution_name_goes_on(text, span) || context::closes_an_epithet(text, span) {
            return true;
        }
        // "the Saturn V, which", "the Paris Commune, and": a thing named after a
        // person, or a name typed PERSON by its shape alone, never the person.
        if self.label == Label::Person && context::closes_a_the_phrase(text, span) {
            return true;
        }
        let demonym = self.label == Label::Demonym;
        if demonym && context::followed_by(text, span, &["language", "languages"]) {
            return true;
        }
        // A country row closes no longer name either ("New Jersey", "Soviet Russia").
        let country = self.label == Label::Place && self.iso_code(3).is_some();
        if country && context::after_name_word(text, span) {
            return true;
        }
        // A whole name: a repeat of a name the article gives, or a curated row.
        let whole = !(self.partial || general || demonym);
        ((self.partial || general || demonym) && context::in_longer_name(text, span))
            || ((self.partial || general) && context::in_hyphenated_name(text, span))
            || (whole && context::inside_longer_name(text, span, self.label == Label::Person))
            // A cited work's title after its author is one name too ("Middlekauff, Robert.
            // The Glorious Cause: The American Revolution, 1763–1789."); read last, as it
            // reads the most, once the cheaper rules have kept the match.
            || context::in_cited_title(text, span)
            // "The ASCII subset of Unicode" under "External links": a linked page's title.
            || context::in_linked_page_title(text, span)
    }
}

/// A gazetteer match in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EntityMention {
    /// Where, in bytes of the article text.
    pub span: Span,
    /// The entry's label.
    pub label: Label,
    /// The entry's id.
    pub id: Arc<str>,
    /// The entry's source (`file:line` or `local`).
    pub source: EntrySource,
}

/// The candidates of `matcher` in `folded`, as entry indexes offset by `base`, kept when
/// `keep(folded key, entry index)` says so and the entry passes its guards.
fn compiled_candidates<'e>(
    matcher: &CompiledMatcher,
    text: &str,
    folded: &Folded,
    entry: impl Fn(u32) -> Option<&'e Entry>,
    keep: impl Fn(&[u8]) -> bool,
    base: u32,
    out: &mut Vec<Candidate>,
) {
    matcher.for_each_match(folded.text.as_bytes(), |start, end, entry_index| {
        if !keep(&folded.text.as_bytes()[start..end]) {
            return;
        }
        let Some(e) = entry(entry_index) else { return };
        let Some((start, end)) = folded.original(start + 1, end - 1, text) else { return };
        let span = Span::new(start, end);
        if passes_proper_noun_guard(&e.surface, span.slice(text))
            && !e.rejected_in_context(text, span)
        {
            let span = with_abbreviation_stop(&e.surface, text, span);
            out.push(Candidate { span, priority: 0, entry: entry_index + base });
        }
    });
}

/// The article-local entries: few, and different for every article, so they get a word
/// trie (`words.rs`), which builds in one insert per word, where an automaton built for
/// every article cost more to build than the scan saved.
///
/// A one-word untyped entry (the subject of "Algae", "Methane") that the article also
/// writes in lowercase is a common noun: capitalized where it opens a sentence ("Algae
/// are ...") it is no name, and no other entry may take that span either (an index name
/// would type it, wrongly). So is an entry of several words in sentence case that the
/// article also writes in lowercase, whatever its type ("Connective tissue" of a link to
/// the concept, the subject "Agricultural science" beside "history of agricultural
/// science"): its capital is a sentence's, a heading's or a title's, wherever it stands.
/// So is a person's short form (a surname or a given name of a PERSON entry) that the
/// article writes in lowercase twice or more ("Philosophy" of a link to "German Philosophy"
/// typed PERSON beside "philosophy", "Temple", "Anarchist"), unless a person's title opens
/// the full name ("Lord North" beside "north"): a word the article uses as a common noun is
/// no one's name there. Those spans go to `not_names`. The lowercase occurrences are found
/// by the same scan: no second pass.
///
/// A PERSON entry that the article writes after "the" at more than half of its (three or
/// more) capitalized matches is no person's name ("the Articles" of the Articles of
/// Confederation, "the Saturn V", "the Legislature"): an article names a person without
/// an article. A name holding a person's title keeps its matches ("the Sun King").
fn local_candidates(
    text: &str,
    folded: &Folded,
    local: &[Entry],
    folded_local: &[String],
    out: &mut Vec<Candidate>,
    not_names: &mut Vec<Span>,
) {
    let mut trie = WordTrie::new();
    for (i, surface) in folded_local.iter().enumerate() {
        trie.insert(surface, i as u32);
    }
    let words = words_of(&folded.text);
    // Per entry: how often the article writes it in lowercase.
    let mut lowercase = vec![0u32; local.len()];
    trie.find(&folded.text, &words, |first, last, entry_index| {
        let (Some(a), Some(b)) = (words.get(first), words.get(last)) else { return };
        if let Some((start, end)) = folded.original(a.start as usize, b.end as usize, text) {
            let span = Span::new(start, end);
            if !span.slice(text).chars().any(char::is_uppercase) {
                if let Some(seen) = lowercase.get_mut(entry_index as usize) {
                    *seen += 1;
                }
            }
            push_candidate(text, span, local, entry_index, out);
        }
    });
    let after_the = persons_after_the(text, local, out);
    let common_noun = |c: &Candidate| {
        let e = &local[c.entry as usize];
        let lowercase = lowercase[c.entry as usize];
        (lowercase > 0
            && if e.surface.contains(' ') {
                context::is_sentence_case(&e.surface)
            } else {
                e.label == Label::Unknown && context::opens_running_sentence(text, c.span.start)
            })
            || (lowercase >= 2 && is_short_form_of_untitled_person(e))
            || after_the.contains(&c.entry)
    };
    not_names.extend(out.iter().filter(|c| common_noun(c)).map(|c| c.span));
    out.retain(|c| !common_noun(c));
}

/// True for a person's short form ([`Entry::partial`], PERSON) whose full name (the id's
/// title) does not open with a person's title ("Lord North", "Sir Henry Clinton").
fn is_short_form_of_untitled_person(e: &Entry) -> bool {
    let first = e.id.split('_').next().unwrap_or("");
    e.partial && e.label == Label::Person && !person_titles::is_title_before_name(first)
}

/// The PERSON entries of `local` that the text writes right after "the" ("the Articles")
/// at more than half of their matches in `candidates`, when they have three or more and no
/// word of the entry is a person's title ("the Sun King"). Linear in the candidates: each
/// looks at the four bytes before it.
fn persons_after_the(text: &str, local: &[Entry], candidates: &[Candidate]) -> FxHashSet<u32> {
    let mut counts: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
    for c in candidates {
        if local.get(c.entry as usize).is_some_and(|e| e.label == Label::Person) {
            let head = text.get(..c.span.start).unwrap_or("");
            let the = head.ends_with("the ") || head.ends_with("The ");
            let (all, after) = counts.entry(c.entry).or_default();
            *all += 1;
            *after += u32::from(the);
        }
    }
    counts
        .into_iter()
        .filter(|&(entry, (all, after))| {
            let titled =
                local[entry as usize].surface.split(' ').any(person_titles::is_title_before_name);
            all >= 3 && after * 2 > all && !titled
        })
        .map(|(entry, _)| entry)
        .collect()
}

/// A match of `entries[entry_index]` at `span`, kept when it passes the proper-noun guard
/// and the entry's context rules.
fn push_candidate(
    text: &str,
    span: Span,
    entries: &[Entry],
    entry_index: u32,
    out: &mut Vec<Candidate>,
) {
    let Some(entry) = entries.get(entry_index as usize) else { return };
    if passes_proper_noun_guard(&entry.surface, span.slice(text))
        && !entry.rejected_in_context(text, span)
    {
        let span = with_abbreviation_stop(&entry.surface, text, span);
        out.push(Candidate { span, priority: 0, entry: entry_index });
    }
}

/// The match at `span` of a surface that ends in a full stop ("U.S.", "E.R.", "Washington,
/// D.C."), with the stop that follows it in the text. Folding makes punctuation a word
/// boundary, so a match ends at its last letter, but the stop is the abbreviation's own (as
/// CoNLL's and wikigold's tokens keep it), also where it ends the sentence. Not when a
/// letter or digit follows the stop ("U.S.A": a longer abbreviation). The context rules read
/// the match without it, as before: after "U.S." a capitalized word may open a sentence.
fn with_abbreviation_stop(surface: &str, text: &str, span: Span) -> Span {
    let stop = surface.ends_with('.')
        && text.get(span.end..).is_some_and(|rest| {
            let mut after = rest.chars();
            after.next() == Some('.') && !after.next().is_some_and(char::is_alphanumeric)
        });
    if stop {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    span: Span,
    priority: u32,
    entry: u32,
}

pub(crate) fn passes_proper_noun_guard(surface: &str, matched: &str) -> bool {
    !surface.chars().any(char::is_uppercase) || matched.chars().any(char::is_uppercase)
}

/// Keep candidates greedily in the documented total order.
fn resolve(
    mut candidates: Vec<Candidate>,
    id_of: impl Fn(&Candidate) -> Arc<str>,
) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.priority.cmp(&b.priority))
            .then_with(|| id_of(a).cmp(&id_of(b)))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if kept.last().is_none_or(|k| c.span.start >= k.span.end) {
            kept.push(c);
        }
    }
    kept
}

/// The global gazetteer: every loaded file, compiled once and shared by all workers.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entries: Arc<[Entry]>,
    /// Priority (file order, from 1; 0 is article-local) of every entry.
    priority: Arc<[u32]>,
    /// The entries' folded surfaces -> the first entry with each.
    matcher: Option<Arc<CompiledMatcher>>,
    /// The names an entity index tags on its own, compiled when the index was written.
    index_names: Option<IndexNames>,
    /// Types of titles from an entity index (`annotate --index`), for link targets and the
    /// article's own subject.
    index: Option<Arc<EntityIndex>>,
}

/// An entity index's names: after every file, so a surface a file has is the file's.
#[derive(Clone, Debug)]
struct IndexNames {
    compiled: Arc<Compiled>,
    /// Their priority: after every file.
    priority: u32,
}

impl Gazetteer {
    /// A gazetteer with no entries: it finds only what an article gives about itself
    /// (its article-local entries).
    pub fn empty() -> Gazetteer {
        Gazetteer {
            entries: Arc::from(vec![]),
            priority: Arc::from(vec![]),
            matcher: None,
            index_names: None,
            index: None,
        }
    }
}

/// A gazetteer source, read when [`GazetteerBuilder::build`] needs its rows (not at all
/// when a cached compiled form of every source is still valid).
#[derive(Debug)]
enum Source {
    File { path: PathBuf, name: Arc<str> },
    Text { name: Arc<str>, text: String },
}

/// Collects gazetteer files and entries, then compiles them into a [`Gazetteer`].
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    sources: Vec<Source>,
    /// Bad rows seen by the last [`build`](Self::build) (file:line), when lenient.
    bad_rows: Vec<Error>,
    lenient: bool,
    index: Option<Arc<EntityIndex>>,
    cache_dir: Option<PathBuf>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// When true, malformed rows are skipped and kept as [`warnings`](Self::warnings)
    /// instead of failing [`build`](Self::build). Default: false.
    pub fn lenient(&mut self, yes: bool) -> &mut Self {
        self.lenient = yes;
        self
    }

    /// Keep the compiled form of the gazetteers in `dir` (created if needed), so the next
    /// build from the same sources loads it instead of compiling again. The file is keyed by
    /// every source's path, size and modification time (and the text of sources given as
    /// text): a changed file gets a new one. A cache file that is truncated, garbled or
    /// compiled from something else is never trusted: it is rebuilt and replaced. Sources
    /// with malformed rows are never cached. Default: no cache.
    pub fn cache_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Use an entity index: its titles type link targets and the article's subject, and
    /// its anchors that name an entity on their own (capitalized, linked at least twice,
    /// a link in at least 10% of their occurrences) become entries, after every file.
    pub fn entity_index(&mut self, index: Arc<EntityIndex>) -> &mut Self {
        self.index = Some(index);
        self
    }

    /// Malformed rows seen by the last lenient [`build`](Self::build), each naming
    /// file:line.
    pub fn warnings(&self) -> &[Error] {
        &self.bad_rows
    }

    /// Add a TSV file, or every `*.tsv` below a folder: the folder's own files first,
    /// then its subfolders', each level sorted by name, so the priority order does not
    /// depend on the file system. `lexicon/` subfolders (word lists, not entities)
    /// are skipped. Files are read by [`build`](Self::build).
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_tsv(path, &mut files)?;
            for file in files {
                self.add_file(&file)?;
            }
        } else {
            self.add_file(path)?;
        }
        Ok(self)
    }

    fn add_file(&mut self, path: &Path) -> Result<()> {
        self.add_file_named(path, &path.to_string_lossy())
    }

    /// Add a TSV file whose entries say they come from `name` (shipped lists keep their
    /// repository name wherever they are installed).
    fn add_file_named(&mut self, path: &Path, name: &str) -> Result<()> {
        fs::metadata(path).map_err(|e| Error::io(path, e))?;
        self.sources.push(Source::File { path: path.to_path_buf(), name: Arc::from(name) });
        Ok(())
    }

    /// Add the rows of TSV `text` as if read from a file called `name`.
    pub fn add_tsv(&mut self, name: &str, text: &str) -> &mut Self {
        self.sources.push(Source::Text { name: Arc::from(name), text: text.to_string() });
        self
    }

    /// What the compiled form depends on: every source's name and content (a file's path,
    /// size and modification time stand for its content).
    fn fingerprint(&self) -> Result<u64> {
        let mut h = DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut h);
        for source in &self.sources {
            match source {
                Source::File { path, name } => {
                    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
                    let modified =
                        meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok());
                    (0u8, &**name, fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
                        .hash(&mut h);
                    (meta.len(), modified).hash(&mut h);
                }
                Source::Text { name, text } => (1u8, &**name, text).hash(&mut h),
            }
        }
        Ok(h.finish())
    }

    /// Compile the gazetteers (or load their cached compiled form). Fails on the first
    /// malformed row unless lenient.
    pub fn build(&mut self) -> Result<Gazetteer> {
        self.bad_rows.clear();
        let names: Vec<Arc<str>> = self
            .sources
            .iter()
            .map(|s| match s {
                Source::File { name, .. } | Source::Text { name, .. } => name.clone(),
            })
            .collect();
        let cache = match &self.cache_dir {
            Some(dir) if !self.sources.is_empty() => {
                let fingerprint = self.fingerprint()?;
                Some((dir.join(format!("gazetteer-{fingerprint:016x}.matcher")), fingerprint))
            }
            _ => None,
        };
        // A cache whose every entry decodes, or none: a damaged one is compiled again.
        let cached = cache.as_ref().and_then(|(path, fingerprint)| {
            let compiled = compiled::load(path, *fingerprint).ok()?;
            let decoded: Option<Vec<(Entry, u32)>> =
                (0..compiled.entries.len()).map(|i| compiled.entries.decode(i)).collect();
            let (entries, priority): (Vec<Entry>, Vec<u32>) = decoded?.into_iter().unzip();
            Some((entries, priority, Some(compiled.matcher)))
        });
        let (entries, priority, matcher) = match cached {
            Some(loaded) => loaded,
            None => {
                let (entries, priority) = self.read_sources()?;
                let matcher = compile_first_surfaces(&entries)?;
                if let (Some((path, fingerprint)), Some(m)) = (&cache, &matcher) {
                    if self.bad_rows.is_empty() {
                        let pairs = entries.iter().zip(priority.iter().copied());
                        let bytes = compiled::encode(*fingerprint, &names, pairs, m);
                        // A cache that cannot be written costs the next run its start-up
                        // time, nothing else.
                        let _ = fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
                            .map_err(|e| Error::io(path, e))
                            .and_then(|_| compiled::write_file(path, &bytes));
                    }
                }
                (entries, priority, matcher)
            }
        };
        let index_names = match &self.index {
            Some(index) => index
                .compiled_names()?
                .map(|compiled| IndexNames { compiled, priority: names.len() as u32 + 1 }),
            None => None,
        };
        Ok(Gazetteer {
            entries: Arc::from(entries),
            priority: Arc::from(priority),
            matcher: matcher.map(Arc::new),
            index_names,
            index: self.index.clone(),
        })
    }

    /// Every source's rows, in order, with their priorities (the source's ordinal).
    fn read_sources(&mut self) -> Result<(Vec<Entry>, Vec<u32>)> {
        let mut entries = Vec::new();
        let mut priority = Vec::new();
        for (ordinal, source) in self.sources.iter().enumerate() {
            let (name, (rows, bad)) = match source {
                Source::File { path, name } => (name, load::read_rows(path)?),
                Source::Text { name, text } => (name, load::parse_rows(Path::new(&**name), text)),
            };
            if !self.lenient {
                if let Some(first) = bad.into_iter().next() {
                    return Err(first);
                }
            } else {
                self.bad_rows.extend(bad);
            }
            for row in rows {
                entries.push(Entry::from_row(row, name.clone()));
                priority.push(ordinal as u32 + 1);
            }
        }
        Ok((entries, priority))
    }
}

impl Entry {
    fn from_row(row: load::Row, file: Arc<str>) -> Entry {
        Entry {
            surface: row.surface,
            label: row.label,
            id: Arc::from(row.id),
            extra: row.extra.join("\t").into_boxed_str(),
            source: EntrySource::File { file, line: row.line as u32 },
            partial: false,
        }
    }
}

/// The matcher over `entries`: one key per distinct folded surface, for its first entry.
fn compile_first_surfaces(entries: &[Entry]) -> Result<Option<CompiledMatcher>> {
    let folded: Vec<String> = entries.par_iter().map(|e| fold(&e.surface)).collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(entries.len());
    let mut keys = Vec::new();
    for (i, key) in folded.iter().enumerate() {
        if key.trim().is_empty() || !seen.insert(key.as_str()) {
            continue;
        }
        keys.push((key.as_bytes().to_vec(), i as u32));
    }
    if keys.is_empty() {
        return Ok(None);
    }
    CompiledMatcher::build(keys).map(Some)
}

/// Compile gazetteer rows (`surface<TAB>LABEL<TAB>id...`, every one well formed, named
/// `name` in mention sources) into the bytes of a stored matcher (`compiled.rs`). Rows
/// are encoded as they are read, so millions of them never become [`Entry`] values.
pub(crate) fn compile_rows<'a>(
    name: &str,
    lines: impl Iterator<Item = &'a str>,
    fingerprint: u64,
) -> Result<Vec<u8>> {
    let path = Path::new(name);
    let mut table = compiled::EntryTableWriter::default();
    let mut keys: Vec<(Vec<u8>, u32)> = Vec::new();
    let mut count = 0u32;
    for (i, line) in lines.enumerate() {
        let Some(row) = load::parse_line(path, i + 1, line) else { continue };
        let row = row?;
        let key = fold(&row.surface);
        table.push(&row.surface, row.label, &row.id, &row.extra.join("\t"), 1, row.line as u32);
        if !key.trim().is_empty() {
            keys.push((key.into_bytes(), count));
        }
        count += 1;
    }
    // The first entry of each folded surface, as the builder keeps it.
    keys.sort_unstable();
    keys.dedup_by(|later, first| later.0 == first.0);
    let matcher = CompiledMatcher::build(keys)?;
    Ok(table.finish(fingerprint, &[Arc::from(name)], &matcher))
}

/// The `*.tsv` files below `dir`: its own files first (sorted), then each subfolder's
/// (sorted), so curated files at the top beat general lists kept in subfolders
/// (`gazetteers/general/geonames_places.tsv`) when surfaces tie.
fn collect_tsv(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut items: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    items.sort();
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = items.into_iter().partition(|p| p.is_dir());
    out.extend(files.into_iter().filter(|p| p.extension().is_some_and(|x| x == "tsv")));
    for path in dirs {
        // `lexicon/` holds non-entity word lists (event triggers) in the same TSV shape.
        if path.file_name().is_some_and(|n| n == "lexicon") {
            continue;
        }
        collect_tsv(&path, out)?;
    }
    Ok(())
}

impl Gazetteer {
    /// Number of entries loaded (before collapsing equal surfaces), an entity index's
    /// names included.
    pub fn len(&self) -> usize {
        self.entries.len() + self.index_names.as_ref().map_or(0, |n| n.compiled.entries.len())
    }

    /// True when no entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry loaded from a file or text, in load order (for building derived indexes
    /// once). An entity index's names are not listed: there may be millions, and they are
    /// read only where they match.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The type an entity index gives `title` (redirects followed), when one is loaded and
    /// types it.
    pub fn index_label(&self, title: &str) -> Option<Label> {
        self.index.as_ref()?.label_of(title)
    }

    /// The first entry whose folded surface equals the folded `surface`.
    pub fn lookup(&self, surface: &str) -> Option<&Entry> {
        let key = fold(surface);
        if let Some(i) = self.matcher.as_ref().and_then(|m| m.get(key.as_bytes())) {
            return self.entries.get(i as usize);
        }
        let names = &self.index_names.as_ref()?.compiled;
        names.entries.get(names.matcher.get(key.as_bytes())? as usize)
    }

    /// Mentions of the global entries only.
    ///
    /// # Examples
    ///
    /// ```
    /// use wikianno::GazetteerBuilder;
    ///
    /// let gazetteer = GazetteerBuilder::new()
    ///     .add_tsv("places.tsv", "Valparaíso\tPLACE\tValparaíso\nLima\tPLACE\tLima\n")
    ///     .build()?;
    /// let text = "From VALPARAISO to Lima, not Limache.";
    /// let found: Vec<(&str, String)> =
    ///     gazetteer.find(text).iter().map(|m| (m.span.slice(text), m.id.to_string())).collect();
    /// // Case and accents are folded; matches lie between word boundaries.
    /// assert_eq!(found, [("VALPARAISO", "Valparaíso".into()), ("Lima", "Lima".into())]);
    /// # Ok::<(), wikianno::Error>(())
    /// ```
    pub fn find(&self, text: &str) -> Vec<EntityMention> {
        self.find_with_local(text, &[])
    }

    /// Mentions of the global entries and of `local` entries (article-local, highest priority).
    pub fn find_with_local(&self, text: &str, local: &[Entry]) -> Vec<EntityMention> {
        let folded = Folded::new(text);
        let mut candidates = Vec::new();
        if let Some(m) = &self.matcher {
            let entry = |i: u32| self.entries.get(i as usize);
            compiled_candidates(m, text, &folded, entry, |_| true, 0, &mut candidates);
            for c in &mut candidates {
                c.priority = self.priority[c.entry as usize];
            }
        }
        // Index names are numbered after the file entries, and a surface a file has is the
        // file's (equal folded surfaces collapse to the first one loaded).
        let index_base = self.entries.len() as u32;
        let index_names = self.index_names.as_ref();
        if let Some(names) = index_names {
            let before = candidates.len();
            let entry = |i: u32| names.compiled.entries.get(i as usize);
            let new_here = |key: &[u8]| self.matcher.as_ref().is_none_or(|m| m.get(key).is_none());
            compiled_candidates(
                &names.compiled.matcher,
                text,
                &folded,
                entry,
                new_here,
                index_base,
                &mut candidates,
            );
            for c in &mut candidates[before..] {
                c.priority = names.priority;
            }
        }
        // Local entries are tagged with an entry index past the global ones (priority 0,
        // before every file).
        let local_base = index_base + index_names.map_or(0, |n| n.compiled.entries.len() as u32);
        if !local.is_empty() {
            let folded_local: Vec<String> = local.iter().map(|e| fold(&e.surface)).collect();
            let mut found = Vec::new();
            let mut not_names = Vec::new();
            local_candidates(text, &folded, local, &folded_local, &mut found, &mut not_names);
            if !not_names.is_empty() {
                let not_names: HashSet<Span> = not_names.into_iter().collect();
                candidates.retain(|c| !not_names.contains(&c.span));
            }
            candidates
                .extend(found.into_iter().map(|c| Candidate { entry: c.entry + local_base, ..c }));
        }
        let entry = |c: &Candidate| -> &Entry {
            if c.entry >= local_base {
                &local[(c.entry - local_base) as usize]
            } else if c.entry >= index_base {
                index_names
                    .and_then(|n| n.compiled.entries.get((c.entry - index_base) as usize))
                    .expect("index candidates are made only from entries that decode")
            } else {
                &self.entries[c.entry as usize]
            }
        };
        let mut shared = surnames::SharedSurnames::of(local);
        resolve(candidates, |c| entry(c).id.clone())
            .into_iter()
            .map(|c| {
                let e = entry(&c);
                EntityMention {
                    span: c.span,
                    label: e.label,
                    id: shared.owner(e),
                    source: e.source.clone(),
                }
            })
            .collect()
    }
}

/// A naive reference matcher with the same rules, for tests: a scan for every folded
/// surface at every position of the folded text, the same guards and context rules
/// (`Entry::rejected_in_context`, which reads the text, not the matcher), then the same
/// overlap resolution.
#[doc(hidden)]
pub fn naive_find(text: &str, entries: &[(String, String, String)]) -> Vec<(Span, String)> {
    let folded = Folded::new(text);
    let mut seen = HashSet::new();
    let mut candidates = Vec::new();
    for (i, (surface, _, _)) in entries.iter().enumerate() {
        let key = fold(surface);
        if key.trim().is_empty() || !seen.insert(key.clone()) {
            continue;
        }
        for (s, _) in folded.text.char_indices() {
            if !folded.text[s..].starts_with(&key) {
                continue;
            }
            if let Some((start, end)) = folded.original(s + 1, s + key.len() - 1, text) {
                let (_, label, id) = &entries[i];
                let entry = Entry {
                    label: label.parse().unwrap_or(Label::Unknown),
                    source: EntrySource::File { file: Arc::from("naive"), line: 1 },
                    ..Entry::local(surface.as_str(), Label::Unknown, id)
                };
                if passes_proper_noun_guard(surface, &text[start..end])
                    && !entry.rejected_in_context(text, Span::new(start, end))
                {
                    candidates.push(Candidate {
                        span: with_abbreviation_stop(surface, text, Span::new(start, end)),
                        priority: 1,
                        entry: i as u32,
                    });
                }
            }
        }
    }
    resolve(candidates, |c| Arc::from(entries[c.entry as usize].2.as_str()))
        .into_iter()
        .map(|c| (c.span, entries[c.entry as usize].2.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(tsv: &str) -> Gazetteer {
        GazetteerBuilder::new().add_tsv("t.tsv", tsv).build().unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        g.find(text)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.id.to_string()))
            .collect()
    }

    #[test]
    fn case_accent_boundaries_and_possessives() {
        let g = gazetteer(
            "Lima\tPLACE\tLima\nPeru\tPLACE\tPeru\nJuan Simón\tPERSON\tJS\nDiez Canseco\tPERSON\tPDC\nPezet\tPERSON\tJAP\n",
        );
        assert_eq!(found(&g, "Limache is not Lima."), vec![("Lima".into(), "Lima".into())]);
        assert_eq!(found(&g, "Peruvian guano"), vec![]);
        assert_eq!(found(&g, "Puerta de Juan Simon"), vec![("Juan Simon".into(), "JS".into())]);
        assert_eq!(found(&g, "DIEZ CANSECO ruled"), vec![("DIEZ CANSECO".into(), "PDC".into())]);
        assert_eq!(found(&g, "Pezet's minister"), vec![("Pezet".into(), "JAP".into())]);
        assert_eq!(found(&g, "the diez canseco case"), vec![], "proper-noun guard");
    }

    #[test]
    fn an_abbreviation_keeps_its_full_stop() {
        let g = gazetteer("U.S.\tPLACE\tUS\nQ.R.\tWORK\tQR\n");
        assert_eq!(found(&g, "in the U.S. in 1990"), vec![("U.S.".into(), "US".into())]);
        assert_eq!(found(&g, "Q.R. by Qwerty"), vec![("Q.R.".into(), "QR".into())]);
        // The stop ends the sentence too; before a letter it is a longer abbreviation's.
        assert_eq!(found(&g, "to the U.S."), vec![("U.S.".into(), "US".into())]);
        assert!(found(&g, "the U.S.A. team").iter().all(|(s, _)| s != "U.S."));
    }

    #[test]
    fn longest_then_priority_then_id() {
        let g = GazetteerBuilder::new()
            .add_tsv("a.tsv", "Peruvian Congress\tORG\tCongress_of_Peru\nSan\tPLACE\tSan\n")
            .add_tsv("b.tsv", "Peruvian\tDEMONYM\tPeru\nSan Jose\tPLACE\tSJ\nSan\tPLACE\tOther\n")
            .build()
            .unwrap();
        assert_eq!(
            found(&g, "the Peruvian Congress met"),
            vec![("Peruvian Congress".into(), "Congress_of_Peru".into())]
        );
        // The longest candidate fails the boundary check; the shorter one still counts (a
        // lowercase word after it: a capitalized one would make it part of a longer name).
        assert_eq!(found(&g, "San josefina"), vec![("San".into(), "San".into())]);
    }

    #[test]
    fn local_entries_win_ties() {
        let g = gazetteer("Prado\tPLACE\tPrado_Museum\n");
        let local = vec![Entry::local("Prado", Label::Person, "Mariano_Ignacio_Prado")];
        let m = g.find_with_local("Prado marched", &local);
        assert_eq!(m.len(), 1);
        assert_eq!(&*m[0].id, "Mariano_Ignacio_Prado");
        assert_eq!(m[0].source, EntrySource::Local);
    }

    #[test]
    fn agrees_with_the_naive_matcher() {
        let entries: Vec<(String, String, String)> =
            ["Lima", "Peru", "San Jose", "San", "Simón", "Straße"]
                .iter()
                .map(|s| (s.to_string(), "PLACE".to_string(), s.replace(' ', "_")))
                .collect();
        let tsv: String = entries.iter().map(|(s, l, i)| format!("{s}\t{l}\t{i}\n")).collect();
        let g = gazetteer(&tsv);
        // "Lima-Peru road": a hyphenated pair before a noun names two places (s37: a
        // capitalized compound at the end of the text would be one name).
        let text = "San josefina, SAN JOSE, Strasse and STRASSE, Simon's Lima-Peru road";
        let fast: Vec<(Span, String)> =
            g.find(text).into_iter().map(|m| (m.span, m.id.to_string())).collect();
        assert_eq!(fast, naive_find(text, &entries));
        assert_eq!(fast.len(), 7);
    }

    #[test]
    fn a_stale_or_corrupt_cache_is_rebuilt_never_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let (file, cache) = (dir.path().join("g.tsv"), dir.path().join("cache"));
        let build = || {
            let mut b = GazetteerBuilder::new();
            b.cache_dir(&cache).add_path(&file).unwrap();
            let g = b.build().unwrap();
            g.find("Lima and Callao")
                .iter()
                .map(|m| format!("{} {}", m.id, m.source))
                .collect::<Vec<_>>()
        };
        let cache_files = || -> Vec<PathBuf> {
            fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect()
        };
        fs::write(&file, "Lima\tPLACE\tLima\n").unwrap();
        let cold = build();
        assert_eq!(cold, [format!("Lima {}:1", file.display())]);
        assert_eq!(cache_files().len(), 1, "compiled once, kept");
        assert_eq!(build(), cold, "warm: the same mentions from the cache");
        // A changed file has another fingerprint: compiled again, never the old cache.
        fs::write(&file, "Callao\tPLACE\tCallao\nLima\tPLACE\tLima_Peru\n").unwrap();
        let changed = build();
        assert_eq!(changed.len(), 2);
        assert!(changed[0].starts_with("Lima_Peru "), "{changed:?}");
        // Truncated or garbled: refused, rebuilt and replaced.
        for damage in [0usize, 1] {
            for path in cache_files() {
                let mut bytes = fs::read(&path).unwrap();
                if damage == 0 {
                    bytes.truncate(bytes.len() / 2);
                } else {
                    let at = bytes.len() - 3;
                    bytes[at] ^= 0xff;
                }
                fs::write(&path, bytes).unwrap();
            }
            assert_eq!(build(), changed);
        }
        let valid = cache_files()
            .iter()
            .filter(|p| {
                let name = p.file_stem().unwrap().to_string_lossy().replace("gazetteer-", "");
                let fingerprint = u64::from_str_radix(&name, 16).unwrap();
                compiled::load(p, fingerprint).is_ok()
            })
            .count();
        assert_eq!(valid, 1, "the cache in use is whole again (the old one is never read)");
    }
}
