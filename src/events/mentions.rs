//! Event mentions as TimeML defines them: every verb, nominalization or eventive
//! adjective that tells something happening or holding, with its TimeML class.
//!
//! No part-of-speech tagger: a word is an event mention when three scores from the
//! embedded table (`gazetteers/lexicon/event_mentions.tsv`, the weights of an averaged
//! perceptron that `tools/event_lexicon.py` trains on TempEval-3 AQUAINT and SW100 dev,
//! with WordNet's parts of speech among its features) add up to more than 0: the form's
//! own score in the *context* the word before puts it in, what the word before gives
//! the word after it, and what the word after gives the word before it. Five contexts,
//! read from the previous word when only white space separates the two: a capitalized
//! word there is a word of a name ("the Labour Party", "the Tea Act"); otherwise after
//! a determiner or possessive ("the attack": a noun reading), after an auxiliary, modal
//! or negation ("was attacked"), after "to" ("to attack"), and anywhere else. Candidates
//! are the forms the data shows and WordNet's verb forms and eventive nouns; any other
//! word is never an event.
//!
//! One pass over the text, left to right; words are lower-cased into a fixed stack
//! buffer and looked up in a hash map whose keys borrow the embedded table, so nothing
//! is allocated per word. The word after is read only when the other two scores leave
//! the answer open. Tense, aspect and polarity come from the one or two words
//! before ("had left": PAST PERFECTIVE; "did not sign": NEG).

use rustc_hash::FxHashMap;

use crate::span::Span;

/// The shipped table, embedded so the library works with no files around.
const TABLE: &str = include_str!("../../gazetteers/lexicon/event_mentions.tsv");

/// Longest word looked up (longer words are never in the table).
const MAX_WORD: usize = 40;

/// Determiners, possessives and quantifiers: the word after them is read as a noun.
/// Kept equal to `DETERMINERS` in tools/event_lexicon.py (a test checks the table's
/// generator and this file agree).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "some", "any", "no", "every", "each", "another", "all", "both", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "first", "last",
    "such",
];

/// Auxiliaries, modals and negation: the word after them is read as a verb.
/// Kept equal to `AUXILIARIES` in tools/event_lexicon.py.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does",
    "did", "not", "never",
];

/// TimeML event classes (TimeML 1.2.1 `class` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventClass {
    /// Something that happens ("exploded", "the attack").
    Occurrence,
    /// A circumstance that holds ("war", "in control").
    State,
    /// Saying or reporting ("said", "told").
    Reporting,
    /// An action that introduces another event ("tried", "ordered").
    IAction,
    /// A state that introduces another event ("believe", "want").
    IState,
    /// Beginning, continuing or ending ("began", "stopped").
    Aspectual,
    /// Seeing or hearing ("saw", "heard").
    Perception,
}

impl EventClass {
    /// Every class, in declaration order.
    pub const ALL: &'static [EventClass] = &[
        EventClass::Occurrence,
        EventClass::State,
        EventClass::Reporting,
        EventClass::IAction,
        EventClass::IState,
        EventClass::Aspectual,
        EventClass::Perception,
    ];

    /// The TimeML name (`I_ACTION`).
    pub const fn as_str(self) -> &'static str {
        match self {
            EventClass::Occurrence => "OCCURRENCE",
            EventClass::State => "STATE",
            EventClass::Reporting => "REPORTING",
            EventClass::IAction => "I_ACTION",
            EventClass::IState => "I_STATE",
            EventClass::Aspectual => "ASPECTUAL",
            EventClass::Perception => "PERCEPTION",
        }
    }

    fn parse(s: &str) -> Option<EventClass> {
        EventClass::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl serde::Serialize for EventClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// TimeML tense, as far as the words before the mention tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// "attacked", "was attacking".
    Past,
    /// "is attacking", "has attacked".
    Present,
    /// "will attack".
    Future,
    /// No finite verb form seen (nouns, infinitives, modals other than will/shall).
    None,
}

impl Tense {
    /// The TimeML name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "PAST",
            Tense::Present => "PRESENT",
            Tense::Future => "FUTURE",
            Tense::None => "NONE",
        }
    }
}

/// TimeML aspect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aspect {
    /// "has left", "had left".
    Perfective,
    /// "is leaving", "was leaving".
    Progressive,
    /// Neither.
    None,
}

impl Aspect {
    /// The TimeML name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Aspect::Perfective => "PERFECTIVE",
            Aspect::Progressive => "PROGRESSIVE",
            Aspect::None => "NONE",
        }
    }
}

/// One event mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventMention {
    /// The word.
    pub span: Span,
    /// Its TimeML class.
    pub class: EventClass,
    /// Tense from the auxiliaries before it (or the `-ed` form).
    pub tense: Tense,
    /// Aspect from the auxiliaries before it.
    pub aspect: Aspect,
    /// True when a negation ("not", "never", "-n't") comes right before it or its auxiliary.
    pub negated: bool,
}

impl EventMention {
    /// An asserted mention at `span` of `class`, with no tense or aspect marked.
    pub fn new(span: Span, class: EventClass) -> EventMention {
        EventMention { span, class, tense: Tense::None, aspect: Aspect::None, negated: false }
    }
}

/// The context a word's predecessor (or its own capital) puts it in; the value is the
/// column of the table's own scores (`D`, `A`, `T`, `N`, `O`, in that order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    Determiner = 0,
    Auxiliary = 1,
    To = 2,
    /// A capitalized word right after another word (only white space between): a word
    /// of a name ("the Labour Party", "the Tea Act"), whatever the word before.
    Name = 3,
    Other = 4,
}

/// A candidate form: its class and its own score in each [`Context`].
#[derive(Clone, Copy, Debug)]
struct Candidate {
    class: EventClass,
    scores: [i32; 5],
}

impl Candidate {
    fn score(&self, context: Context) -> i32 {
        self.scores[context as usize]
    }
}

/// What the table says about one word: its own scores if it can be an event, and the
/// scores it gives its neighbours.
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    candidate: Option<Candidate>,
    /// Added to the score of the word after it.
    before: i32,
    /// Added to the score of the word before it.
    after: i32,
}

/// All the tagger knows about one word form, found with one look-up: whether it is an
/// event (and in which contexts), and what it tells the next word (the context it puts
/// it in, the auxiliary it is, whether it negates). Looking the function-word lists up
/// separately, word by word, cost more than the table look-up itself.
#[derive(Clone, Copy, Debug)]
struct Form {
    /// Its scores.
    entry: Entry,
    /// The context this word puts the next one in.
    next: Context,
    /// The auxiliary it is, if any.
    aux: Aux,
    /// A contracted negation ("didn't").
    contracted_negation: bool,
}

impl Form {
    fn new(word: &str, entry: Entry) -> Form {
        Form {
            entry,
            next: context_after(word),
            aux: Aux::of(word),
            contracted_negation: word.ends_with("n't"),
        }
    }
}

/// Compiled event-mention table. Build once ([`MentionTagger::shipped`]), share freely.
#[derive(Clone, Debug)]
pub struct MentionTagger {
    /// Keyed by the form's bytes: the tagger looks up words lower-cased into a byte
    /// buffer, which need no UTF-8 check (a word is ASCII letters, '-' and '\'').
    forms: FxHashMap<&'static [u8], Form>,
    /// The `before` score when no word comes before (`<start>` in the table).
    no_word_before: i32,
    /// The `after` score when no word comes after (`<end>`).
    no_word_after: i32,
    /// The lowest and highest score a word after can give (an unknown word gives 0):
    /// outside this band the word after cannot change the answer, and is not read.
    after_range: (i32, i32),
}

impl Default for MentionTagger {
    fn default() -> MentionTagger {
        MentionTagger::shipped()
    }
}

impl MentionTagger {
    /// The tagger with the shipped table. Malformed rows are skipped (a unit test checks
    /// the shipped file has none).
    pub fn shipped() -> MentionTagger {
        let mut forms = FxHashMap::with_capacity_and_hasher(50_000, Default::default());
        let (mut no_word_before, mut no_word_after) = (0, 0);
        let mut after_range = (0, 0);
        for (form, entry) in rows(TABLE) {
            after_range = (after_range.0.min(entry.after), after_range.1.max(entry.after));
            match form {
                NO_WORD_BEFORE => no_word_before = entry.before,
                NO_WORD_AFTER => no_word_after = entry.after,
                _ => {
                    forms.insert(form.as_bytes(), Form::new(form, entry));
                }
            }
        }
        // Function words the table does not list still tell the next word its context.
        for word in DETERMINERS.iter().chain(AUXILIARIES).chain(AUX_FORMS).chain(&["to"]) {
            forms.entry(word.as_bytes()).or_insert_with(|| Form::new(word, Entry::default()));
        }
        MentionTagger { forms, no_word_before, no_word_after, after_range }
    }

    /// Event mentions in all of `text`.
    ///
    /// # Examples
    /// ```
    /// use wikianno::events::MentionTagger;
    ///
    /// let text = "Police said the bomb exploded, killing two people.";
    /// let found: Vec<&str> =
    ///     MentionTagger::shipped().tag_text(text).iter().map(|m| m.span.slice(text)).collect();
    /// assert_eq!(found, ["said", "exploded", "killing"]);
    /// ```
    pub fn tag_text(&self, text: &str) -> Vec<EventMention> {
        let mut out = Vec::new();
        self.tag(text, Span::new(0, text.len()), &mut out);
        out
    }

    /// True when `word` (any case) is an event in some context by its own score alone: a
    /// common word of the language, not a name ("Fighting", "attacked").
    pub(crate) fn lists(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_WORD];
        let Some(slot) = buf.get_mut(..word.len()) else { return false };
        slot.copy_from_slice(word.as_bytes());
        slot.make_ascii_lowercase();
        self.forms
            .get(&*slot)
            .and_then(|f| f.entry.candidate)
            .is_some_and(|c| c.scores.iter().any(|&s| s > 0))
    }

    /// Append the event mentions of `text[within]` to `out`, in text order.
    pub fn tag(&self, text: &str, within: Span, out: &mut Vec<EventMention>) {
        let Some(region) = text.get(within.start..within.end) else { return };
        let bytes = region.as_bytes();
        let mut buf = [0u8; MAX_WORD];
        // The previous word: where it ended, its context for the next word, and what
        // it tells about tense, aspect and negation.
        let mut prev_end: Option<usize> = None;
        let mut prev = Context::Other;
        let mut prev_before = self.no_word_before;
        let mut prev_aux = Aux::None;
        let mut prev_negated = false;
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            let end = word_end(bytes, start);
            i = end;
            // Part of a longer non-ASCII word ("Zürich"): not a word of ours.
            if glued_before(region, start) || glued_after(region, end) {
                prev_end = None;
                continue;
            }
            let joined =
                prev_end.is_some_and(|p| bytes[p..start].iter().all(u8::is_ascii_whitespace));
            let context = match joined {
                true if bytes[start].is_ascii_uppercase() => Context::Name,
                true => prev,
                false => Context::Other,
            };
            let (aux, negated) = if joined { (prev_aux, prev_negated) } else { (Aux::None, false) };
            let before = if joined { prev_before } else { self.no_word_before };
            let word = lower_case(&bytes[start..end], &mut buf).unwrap_or(b"");
            let form = self.forms.get(word);
            if let Some(candidate) = form.and_then(|f| f.entry.candidate) {
                if self.is_event(candidate.score(context) + before, bytes, end) {
                    let (tense, aspect) = tense_aspect(aux, word, context);
                    // A word of a name that names an event ("the Great Depression", "the
                    // Cultural Revolution"): the mention is the rest of the name too.
                    let name_end =
                        if context == Context::Name { name_end(bytes, end) } else { end };
                    out.push(EventMention {
                        span: Span::new(within.start + start, within.start + name_end),
                        class: candidate.class,
                        tense,
                        aspect,
                        negated,
                    });
                    if name_end > end {
                        // The name's other words are read: the next word starts afresh.
                        (i, prev_end, prev) = (name_end, Some(name_end), Context::Other);
                        prev_before = 0;
                        (prev_aux, prev_negated) = (Aux::None, false);
                        continue;
                    }
                }
            }
            // What this word tells the next one: an auxiliary chain ("had not been")
            // carries its tense-giving auxiliary and any negation along.
            let (this, next, contracted) = form.map_or((Aux::None, Context::Other, false), |f| {
                (f.aux, f.next, f.contracted_negation)
            });
            if this == Aux::None {
                (prev_aux, prev_negated) = (Aux::None, false);
            } else {
                prev_negated = negated || this == Aux::Negation || contracted;
                prev_aux = if this == Aux::Negation { aux } else { this };
            }
            prev = next;
            prev_before = form.map_or(0, |f| f.entry.before);
            prev_end = Some(end);
        }
    }

    /// Whether a word ending at `end` whose own and before scores add up to `score` is an
    /// event, reading the word after only when its score can change the answer.
    fn is_event(&self, score: i32, bytes: &[u8], end: usize) -> bool {
        let (lowest, highest) = self.after_range;
        if score + highest <= 0 {
            return false;
        }
        if score + lowest > 0 {
            return true;
        }
        score + self.after_score(bytes, end) > 0
    }

    /// What the word after `end` gives the word before it: `<end>`'s score unless a word
    /// follows after white space only (0 for a word the table does not know).
    fn after_score(&self, bytes: &[u8], end: usize) -> i32 {
        let start = end + bytes[end..].iter().take_while(|b| b.is_ascii_whitespace()).count();
        if start == end || !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            return self.no_word_after;
        }
        let mut buf = [0u8; MAX_WORD];
        lower_case(&bytes[start..word_end(bytes, start)], &mut buf)
            .and_then(|w| self.forms.get(w))
            .map_or(0, |f| f.entry.after)
    }
}

/// `word` lower-cased into `buf`, or `None` when it is longer than [`MAX_WORD`] (no form
/// of the table is). A word's bytes are ASCII letters, '-' and '\'', and setting bit 0x20
/// lower-cases a capital and leaves the others.
fn lower_case<'b>(word: &[u8], buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let slot = buf.get_mut(..word.len())?;
    for (to, &from) in slot.iter_mut().zip(word) {
        *to = from | 0x20;
    }
    Some(slot)
}

/// The character before byte `at` of `region` is a letter or digit (ASCII is read
/// without decoding).
fn glued_before(region: &str, at: usize) -> bool {
    match region.as_bytes()[..at].last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => region[..at].chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

/// The character at byte `at` of `region` is a letter or digit.
fn glued_after(region: &str, at: usize) -> bool {
    match region.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => region[at..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// End of the word starting at `start`: letters, with inner hyphens and apostrophes
/// ("cease-fire", "didn't"), as `TOKEN` in tools/event_lexicon.py.
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    loop {
        while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
            end += 1;
        }
        let joiner = bytes.get(end).is_some_and(|&b| b == b'-' || b == b'\'');
        if joiner && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        } else {
            return end;
        }
    }
}

/// The end of the name whose word ends at `end`: the capitalized words that follow it one
/// space apart ("Great Depression", "Hurricane Katrina"), also after "of" ("Great Fire of
/// London"). Stops before a word glued to a non-ASCII letter ("Zürich"), as the tagger
/// reads no such word.
fn name_end(bytes: &[u8], mut end: usize) -> usize {
    loop {
        let mut next = end + 1;
        if bytes.get(end) != Some(&b' ') {
            return end;
        }
        if bytes.get(next..).is_some_and(|rest| rest.starts_with(b"of ")) {
            next += 3;
        }
        if !bytes.get(next).is_some_and(u8::is_ascii_uppercase) {
            return end;
        }
        let word = word_end(bytes, next);
        if bytes.get(word).is_some_and(|b| !b.is_ascii()) {
            return end;
        }
        end = word;
    }
}

/// The context a (lower-cased) word puts the next word in.
fn context_after(word: &str) -> Context {
    if DETERMINERS.contains(&word) {
        Context::Determiner
    } else if AUXILIARIES.contains(&word) {
        Context::Auxiliary
    } else if word == "to" {
        Context::To
    } else {
        Context::Other
    }
}

/// The auxiliaries that decide tense and aspect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aux {
    None,
    /// is, are, am.
    BePresent,
    /// was, were.
    BePast,
    /// has, have.
    HavePresent,
    /// had.
    HavePast,
    /// will, shall.
    Future,
    /// "did": do-support in the past.
    DidPast,
    /// Other modals and present do-support: tense NONE.
    Modal,
    /// not, never.
    Negation,
}

/// Every form [`Aux::of`] knows, so that the table holds them all.
const AUX_FORMS: &[&str] = &[
    "is", "are", "am", "isn't", "aren't", "was", "were", "wasn't", "weren't", "has", "have",
    "hasn't", "haven't", "had", "hadn't", "will", "shall", "won't", "did", "didn't", "would",
    "should", "can", "could", "may", "might", "must", "do", "does", "doesn't", "don't", "can't",
    "couldn't", "wouldn't", "not", "never",
];

impl Aux {
    fn of(word: &str) -> Aux {
        match word {
            "is" | "are" | "am" | "isn't" | "aren't" => Aux::BePresent,
            "was" | "were" | "wasn't" | "weren't" => Aux::BePast,
            "has" | "have" | "hasn't" | "haven't" => Aux::HavePresent,
            "had" | "hadn't" => Aux::HavePast,
            "will" | "shall" | "won't" => Aux::Future,
            "did" | "didn't" => Aux::DidPast,
            "would" | "should" | "can" | "could" | "may" | "might" | "must" | "do" | "does"
            | "doesn't" | "don't" | "can't" | "couldn't" | "wouldn't" => Aux::Modal,
            "not" | "never" => Aux::Negation,
            _ => Aux::None,
        }
    }
}

fn tense_aspect(aux: Aux, word: &[u8], context: Context) -> (Tense, Aspect) {
    let ing = word.ends_with(b"ing");
    match aux {
        Aux::BePresent if ing => (Tense::Present, Aspect::Progressive),
        Aux::BePast if ing => (Tense::Past, Aspect::Progressive),
        Aux::BePresent => (Tense::Present, Aspect::None),
        Aux::BePast => (Tense::Past, Aspect::None),
        Aux::HavePresent => (Tense::Present, Aspect::Perfective),
        Aux::HavePast => (Tense::Past, Aspect::Perfective),
        Aux::Future => (Tense::Future, Aspect::None),
        Aux::DidPast => (Tense::Past, Aspect::None),
        Aux::Modal | Aux::Negation => (Tense::None, Aspect::None),
        Aux::None if context == Context::Other && word.ends_with(b"ed") => {
            (Tense::Past, Aspect::None)
        }
        Aux::None => (Tense::None, Aspect::None),
    }
}

/// The table's names for no word before and no word after.
const NO_WORD_BEFORE: &str = "<start>";
const NO_WORD_AFTER: &str = "<end>";

/// `(form, entry)` rows of the table; comments, blank and malformed rows skipped.
///
/// A row is `form, class or -, own scores in the contexts D,A,T,N,O or -, before score,
/// after score`.
fn rows(tsv: &'static str) -> impl Iterator<Item = (&'static str, Entry)> {
    tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).filter_map(|line| {
        let mut cols = line.split('\t');
        let (form, class, scores) = (cols.next()?, cols.next()?, cols.next()?);
        let candidate = match (class, scores) {
            ("-", "-") => None,
            _ => {
                let class = EventClass::parse(class)?;
                let mut all = [0i32; 5];
                let mut given = scores.split(',');
                for slot in &mut all {
                    *slot = given.next()?.parse().ok()?;
                }
                if given.next().is_some() {
                    return None;
                }
                Some(Candidate { class, scores: all })
            }
        };
        let before = cols.next()?.parse().ok()?;
        let after = cols.next()?.parse().ok()?;
        (!form.is_empty() && form.len() <= MAX_WORD && cols.next().is_none())
            .then_some((form, Entry { candidate, before, after }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_row_is_valid() {
        let good = rows(TABLE).count();
        let all = TABLE.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        assert_eq!(good, all, "an event_mentions.tsv row has a bad class or scores");
    }

    #[test]
    fn every_auxiliary_form_is_in_the_table() {
        let tagger = MentionTagger::shipped();
        for word in AUX_FORMS {
            assert_ne!(Aux::of(word), Aux::None, "{word}");
            let form = tagger.forms.get(word.as_bytes());
            assert!(form.is_some_and(|f| f.aux == Aux::of(word)), "{word}");
        }
    }

    #[test]
    fn word_lists_agree_with_the_generator() {
        let script = include_str!("../../tools/event_lexicon.py");
        for (name, list) in [("DETERMINERS", DETERMINERS), ("AUXILIARIES", AUXILIARIES)] {
            let at = script.find(&format!("{name} = set(")).expect("list in the generator");
            let body = &script[at..];
            let body = &body[..body.find(".split()").expect("split")];
            let words: Vec<&str> =
                body.split('"').skip(1).step_by(2).flat_map(str::split_whitespace).collect();
            assert_eq!(words, list, "{name} differs from tools/event_lexicon.py");
        }
    }

    #[test]
    fn contexts_and_tense() {
        let tagger = MentionTagger::shipped();
        // (sentence, [(word, class, tense, aspect, negated)])
        type Row<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str, &'a str, bool)]);
        let rows: &[Row] = &[
            (
                "He had left before she arrived.",
                &[
                    ("left", "OCCURRENCE", "PAST", "PERFECTIVE", false),
                    ("arrived", "OCCURRENCE", "PAST", "NONE", false),
                ],
            ),
            ("They did not sign it.", &[("sign", "OCCURRENCE", "PAST", "NONE", true)]),
            (
                "Officials reported it will expand.",
                &[
                    ("reported", "REPORTING", "PAST", "NONE", false),
                    ("expand", "OCCURRENCE", "FUTURE", "NONE", false),
                ],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<_> = tagger
                .tag_text(text)
                .iter()
                .map(|m| {
                    (
                        m.span.slice(text),
                        m.class.as_str(),
                        m.tense.as_str(),
                        m.aspect.as_str(),
                        m.negated,
                    )
                })
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn a_capital_inside_a_sentence_is_a_word_of_a_name() {
        // (case, sentence, word, tagged)
        assert_tagged(&[
            ("after a determiner", "He joined the attack at dawn.", "attack", true),
            ("in a name", "He joined the Attack Squadron at dawn.", "Attack", false),
            ("first word", "Attack came at dawn.", "Attack", true),
            ("after a full stop", "It rained. Attack came at dawn.", "Attack", true),
            // An event named by a name is the whole name.
            ("whole name", "It ended the Great Depression quickly.", "Great Depression", true),
            ("name with of", "It followed the Great Fire of London.", "Great Fire of London", true),
            ("name stops", "It ended the Great Depression in 1939.", "Great Depression", true),
        ]);
    }

    /// Each row: (case, sentence, word, whether the shipped tagger marks that word).
    fn assert_tagged(rows: &[(&str, &str, &str, bool)]) {
        let tagger = MentionTagger::shipped();
        for &(case, text, word, tagged) in rows {
            let found = tagger.tag_text(text).iter().any(|m| m.span.slice(text) == word);
            assert_eq!(found, tagged, "{case}: {text:?}");
        }
    }

    /// Forms the annotated data never shows come from WordNet (tools/event_lexicon.py's
    /// fallback): one row per rule of `wordnet_says`.
    #[test]
    fn forms_the_data_never_showed_follow_wordnet() {
        // (rule, sentence, word, tagged)
        assert_tagged(&[
            (
                "a past form WordNet also lists as an adjective",
                "Ministers stressed the risk.",
                "stressed",
                true,
            ),
            ("an irregular past form", "A storm swept the coast.", "swept", true),
            ("a plural eventive noun", "Two uprisings followed.", "uprisings", true),
            (
                "a plural eventive noun that is also a verb form",
                "The massacres shocked them.",
                "massacres",
                true,
            ),
            ("a plain noun", "The table stood there.", "table", false),
        ]);
    }

    /// The neighbours' scores: the word after decides where the form's own score and the
    /// word before leave it open.
    #[test]
    fn neighbours_decide_open_cases() {
        // (case, sentence, word, tagged)
        assert_tagged(&[
            // An open form whose own score and the word before leave it below 0 ("They
            // contest." is no mention); "the" after it makes it a verb.
            ("a determiner after it: a verb", "They contest the ruling.", "contest", true),
            ("no word after it: open", "They contest.", "contest", false),
            ("a pronoun after it: a verb", "Officers arrest them.", "arrest", true),
            ("a copula before a noun", "He was a farmer.", "was", false),
            ("a participle after a copula", "The plan was approved.", "approved", true),
            ("no word after", "They held talks.", "talks", true),
        ]);
    }

    #[test]
    fn non_ascii_words_and_long_words_do_not_panic() {
        let tagger = MentionTagger::shipped();
        let text = "Zürich attacked 北京 😀 exploded é".to_string() + &"a".repeat(100);
        let found = tagger.tag_text(&text);
        assert!(found.iter().all(|m| text.get(m.span.start..m.span.end).is_some()));
    }
}
