//! The trigger lexicon: words and phrases that signal an event, with their type.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::EventType;
use crate::span::{floor_char_boundary, Span};

/// The shipped lexicon, embedded so the library works with no files around.
const LEXICON: &str = include_str!("../../gazetteers/lexicon/event_triggers.tsv");

/// A trigger found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The trigger word or phrase.
    pub span: Span,
    /// The event type it signals.
    pub kind: EventType,
    /// True for a verb phrase ("deposed"), false for a noun ("uprising").
    pub verb: bool,
    /// Asserted, negated or hypothetical, from the words before it in its clause.
    pub modality: Modality,
}

/// Whether the text asserts an event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Told as having happened (or happening).
    #[default]
    Asserted,
    /// Told as not having happened: "did not sign", "refused to go to war".
    Negated,
    /// Only considered, planned, wished or conditional: "should decide", "planned to attack".
    Hypothetical,
}

impl Modality {
    /// The record name (`asserted`, `negated`, `hypothetical`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// A check a trigger must pass to be read in the sense its row gives (the lexicon's
/// optional 4th column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sense {
    /// Any reading.
    Any,
    /// `treaty`: the sentence names an agreement ("signed the treaty"), not a bill,
    /// a contract or a book edition.
    Treaty,
    /// `military`: the sentence speaks of troops or war ("the evacuation of the
    /// garrison"), not of a medical or civil evacuation.
    Military,
    /// `not-requirement`: "meet" is not followed by a requirement-like object ("meet the
    /// requirements", "met its targets").
    NotRequirement,
    /// `not-month`: a capitalized "March" is the month unless a determiner or
    /// possessive precedes it ("the March on Rome").
    NotMonth,
    /// `institution`: a name or an institution noun stands next to the trigger in its
    /// clause ("acquired Pixar", "a school was established"), not an abstract thing
    /// ("acquire language", "established a national currency").
    Institution,
    /// `vessel`: a name or a vessel or product noun stands next to the trigger ("the
    /// frigate was launched"), and no attack word follows it ("launched an attack").
    Vessel,
    /// `place`: a name or a place noun follows the trigger in its clause ("entered
    /// Lima", "entered the capital"), not a war, a plea or talks.
    Place,
    /// `not-that`: no clause follows ("discovered that the law had passed" is learning
    /// a fact, not a discovery).
    NotThat,
    /// `troops`: no object ("withdrew from Mexico", "withdrew to the coast") or troops as
    /// the object ("withdrew his forces"), not "withdrew his application".
    Troops,
    /// `fall`: a fall to someone ("fell to the Ottomans"), in a military sentence or of a
    /// stronghold ("the fort fell"), not a rate or a person falling.
    Fall,
    /// `not-job`: "occupation" of a place ("the occupation of Paris", "Iraqi occupation"),
    /// not someone's job ("his main occupation was writing").
    NotJob,
    /// `not-naming`: "was named" to an office ("was named ambassador"), not given a
    /// name or a rank in a list ("was named after his uncle", "was named one of the best").
    NotNaming,
}

impl Sense {
    fn parse(name: Option<&str>) -> Option<Sense> {
        Some(match name.map(str::trim) {
            None | Some("") => Sense::Any,
            Some("treaty") => Sense::Treaty,
            Some("military") => Sense::Military,
            Some("not-requirement") => Sense::NotRequirement,
            Some("not-month") => Sense::NotMonth,
            Some("institution") => Sense::Institution,
            Some("vessel") => Sense::Vessel,
            Some("place") => Sense::Place,
            Some("not-that") => Sense::NotThat,
            Some("fall") => Sense::Fall,
            Some("troops") => Sense::Troops,
            Some("not-job") => Sense::NotJob,
            Some("not-naming") => Sense::NotNaming,
            Some(_) => return None,
        })
    }
}

/// Words that make a signing a treaty (Sense::Treaty).
const AGREEMENT_WORDS: &[&str] = &[
    "treaty",
    "treaties",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "pact",
    "armistice",
    "truce",
    "convention",
    "protocol",
    "peace",
    "capitulation",
    "ceasefire",
    "cease-fire",
    "alliance",
    "concordat",
    "entente",
];

/// Words that make an evacuation a military withdrawal (Sense::Military).
const MILITARY_WORDS: &[&str] = &[
    "troops",
    "forces",
    "army",
    "armies",
    "garrison",
    "soldiers",
    "fleet",
    "navy",
    "squadron",
    "regiment",
    "division",
    "battalion",
    "brigade",
    "rebels",
    "enemy",
    "war",
    "battle",
    "siege",
    "militia",
    "legion",
    "legions",
    "invaders",
];

/// What falls when a fall is a capture, besides the military words: a stronghold, or
/// the fight for it ("the fort fell after fierce resistance").
const STRONGHOLD_WORDS: &[&str] = &[
    "fort",
    "fortress",
    "fortifications",
    "citadel",
    "stronghold",
    "castle",
    "defenders",
    "resistance",
    "assault",
    "besieged",
];

/// Organizations and what is bought or founded with them (Sense::Institution).
const INSTITUTION_WORDS: &[&str] = &[
    "company",
    "companies",
    "firm",
    "corporation",
    "business",
    "businesses",
    "subsidiary",
    "stake",
    "shares",
    "rights",
    "brand",
    "startup",
    "bank",
    "airline",
    "studio",
    "label",
    "newspaper",
    "magazine",
    "station",
    "network",
    "chain",
    "team",
    "club",
    "franchise",
    "school",
    "schools",
    "university",
    "college",
    "academy",
    "institute",
    "society",
    "association",
    "union",
    "league",
    "party",
    "church",
    "monastery",
    "abbey",
    "order",
    "hospital",
    "museum",
    "library",
    "foundation",
    "organization",
    "organisation",
    "agency",
    "department",
    "committee",
    "council",
    "court",
    "city",
    "town",
    "village",
    "colony",
    "settlement",
    "mission",
    "diocese",
    "parish",
    "county",
    "province",
    "kingdom",
    "state",
    "republic",
    "band",
    "orchestra",
    "theatre",
    "theater",
    "company's",
    "estate",
    "property",
    "land",
    "territory",
    "island",
];

/// Things launched (Sense::Vessel).
const VESSEL_WORDS: &[&str] = &[
    "ship",
    "ships",
    "vessel",
    "boat",
    "frigate",
    "cruiser",
    "battleship",
    "destroyer",
    "submarine",
    "carrier",
    "corvette",
    "sloop",
    "schooner",
    "liner",
    "steamer",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "satellite",
    "satellites",
    "spacecraft",
    "probe",
    "shuttle",
    "capsule",
    "lander",
    "rover",
    "mission",
    "product",
    "products",
    "service",
    "website",
    "brand",
    "magazine",
    "newspaper",
    "channel",
    "console",
    "model",
    "series",
];

/// Objects that make "launched" an attack, not a launch (Sense::Vessel).
const ATTACK_WORDS: &[&str] = &[
    "attack",
    "attacks",
    "offensive",
    "offensives",
    "assault",
    "assaults",
    "raid",
    "raids",
    "invasion",
    "counterattack",
    "counter-attack",
    "counteroffensive",
    "strike",
    "strikes",
    "bombardment",
    "campaign",
    "war",
    "revolt",
    "rebellion",
    "uprising",
    "coup",
];

/// Places entered (Sense::Place).
const PLACE_WORDS: &[&str] = &[
    "city",
    "capital",
    "town",
    "village",
    "port",
    "harbour",
    "harbor",
    "bay",
    "country",
    "territory",
    "province",
    "region",
    "valley",
    "palace",
    "fort",
    "fortress",
    "castle",
    "citadel",
    "building",
    "church",
    "cathedral",
    "temple",
    "room",
    "chamber",
    "hall",
    "house",
    "camp",
    "island",
    "islands",
    "river",
    "sea",
    "strait",
    "straits",
    "gulf",
    "channel",
    "pass",
    "kingdom",
    "empire",
    "state",
    "colony",
    "area",
    "zone",
    "atmosphere",
    "orbit",
    "lagoon",
    "estuary",
    "mouth",
    "streets",
    "square",
    "gates",
];

/// Objects that are not places even when named ("entered the Second World War",
/// "entry into the League"): Sense::Place.
const NOT_PLACE_WORDS: &[&str] = &[
    "war",
    "wars",
    "conflict",
    "fray",
    "league",
    "alliance",
    "agreement",
    "agreements",
    "talks",
    "negotiations",
    "discussions",
    "service",
    "competition",
    "race",
    "market",
    "plea",
    "politics",
    "office",
    "contest",
    "tournament",
    "championship",
    "treaty",
    "union",
];

/// Objects that make "meet" mean "satisfy" (Sense::NotRequirement).
const REQUIREMENT_WORDS: &[&str] = &[
    "requirement",
    "requirements",
    "criteria",
    "criterion",
    "standard",
    "standards",
    "need",
    "needs",
    "demand",
    "demands",
    "expectations",
    "deadline",
    "goal",
    "goals",
    "target",
    "targets",
    "conditions",
    "obligations",
    "threshold",
    "quota",
    "challenge",
    "specifications",
    "costs",
    "payments",
    // "met with criticism": received, not a meeting.
    "criticism",
    "condemnation",
    "difficulties",
    "difficulty",
    "resistance",
    "opposition",
    "success",
    "approval",
    "disapproval",
    "praise",
    "acclaim",
    "hostility",
    "skepticism",
    "scepticism",
    "derision",
    "indifference",
    "enthusiasm",
    "outrage",
    "protests",
    "controversy",
    "failure",
    "limited",
    "mixed",
    "positive",
    "negative",
    "favorable",
    "favourable",
];

/// Words before a trigger (in its clause) that deny it.
const NEGATION_CUES: &[&str] = &[
    "not", "never", "no", "neither", "nor", "without", "refused", "refuses", "refuse", "failed",
    "fails", "fail", "declined", "avoided",
];

/// Words before a trigger (in its clause) that make it only possible, planned or wished.
const HYPOTHETICAL_CUES: &[&str] = &[
    "would",
    "could",
    "should",
    "might",
    "may",
    "must",
    "if",
    "unless",
    "whether",
    "planned",
    "plans",
    "plan",
    "proposed",
    "proposes",
    "threatened",
    "threatens",
    "wanted",
    "wants",
    "attempted",
    "tried",
    "hoped",
    "hopes",
    "intended",
    "intends",
    "sought",
    "seeks",
    "expected",
    "considered",
    "allegedly",
    "desire",
    "desired",
    "desires",
    "wish",
    "wished",
    "wishes",
    "favored",
    "favoured",
    "advocated",
    "urged",
    "awaiting",
    "waiting",
    "possibly",
    "perhaps",
    "probably",
];

/// Verbs after which "to VERB" tells an event that happened ("managed to escape", "began
/// to build"); after any other word, an infinitive is only planned, wished or agreed.
const IMPLICATIVE_BEFORE_TO: &[&str] = &[
    "managed",
    "manages",
    "began",
    "begins",
    "begin",
    "started",
    "starts",
    "continued",
    "continues",
    "went",
    "came",
    "used",
    "helped",
    "first",
    "last",
    "able",
    "forced",
    "compelled",
    "obliged",
    "chose",
    "decided",
    "voted",
    "got",
];

/// Words between "to" and an infinitive trigger ("to be built", "to have been killed").
const INFINITIVE_AUX: &[&str] = &["be", "have", "been"];

/// Reflexive objects: "resigned himself to", "established herself as" are not events.
const REFLEXIVES: &[&str] = &["himself", "herself", "themselves", "itself", "oneself"];

/// How many words back the hypothetical cues are looked for ("if the person seeking the
/// donations met ...").
const CUE_WINDOW: usize = 8;

/// How many words back the negation cues are looked for: a negation further back
/// belongs to another verb ("for not recognizing performances so much as being awarded").
const NEGATION_WINDOW: usize = 5;

/// Compiled trigger lexicon.
#[derive(Clone, Debug)]
pub(crate) struct TriggerLexicon {
    automaton: AhoCorasick,
    /// Pattern index -> (type, is verb, sense check).
    meaning: Vec<(EventType, bool, Sense)>,
}

impl TriggerLexicon {
    /// Compile the shipped lexicon. Rows naming an unknown type are skipped (a unit
    /// test checks that the shipped file has none).
    pub(crate) fn shipped() -> TriggerLexicon {
        let mut patterns = Vec::new();
        let mut meaning = Vec::new();
        for (surface, kind, verb, sense) in rows(LEXICON) {
            patterns.push(surface.to_ascii_lowercase());
            meaning.push((kind, verb, sense));
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A full DFA: the default contiguous NFA made this scan the events stage's
            // hot spot. ASCII case-insensitive over lower-case patterns (session 37): the
            // text is scanned as written, and a match is the one in the ASCII-lower-cased
            // text (same offsets), which is lower-cased only once a match stands on word
            // boundaries. (A dense DFA of regex-automata scanned in half the instructions
            // but took 5 G instructions to build: README "Events", session 37.)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("the shipped trigger lexicon compiles (a few hundred short patterns)");
        TriggerLexicon { automaton, meaning }
    }

    /// Triggers in `text[within]`, on whole words, in text order.
    pub(crate) fn find(&self, text: &str, within: Span) -> Vec<Trigger> {
        let mut lowered = String::new();
        self.find_with(text, within, &mut lowered, false)
    }

    /// [`Self::find`] with a scratch buffer for the lower-cased region, reused by
    /// callers that look at many sentences. `about_agreement`: the article is about a
    /// treaty or agreement, so an unqualified signing ("It was signed on 6 June") is its
    /// signing.
    pub(crate) fn find_with(
        &self,
        text: &str,
        within: Span,
        lowered: &mut String,
        about_agreement: bool,
    ) -> Vec<Trigger> {
        let Some(region) = text.get(within.start..within.end) else {
            return Vec::new();
        };
        let written_region = region;
        let mut out = Vec::new();
        // `lowered` holds the region ASCII-lower-cased (same offsets, same word
        // characters) once a match stands on word boundaries: most sentences have none.
        lowered.clear();
        for m in self.automaton.find_iter(written_region) {
            let (start, end, pattern) = (m.start(), m.end(), m.pattern().as_usize());
            let before = written_region[..start].chars().next_back();
            let after = written_region[end..].chars().next();
            let word_char = |c: char| c.is_alphanumeric() || c == '-';
            if before.is_some_and(word_char) || after.is_some_and(word_char) {
                continue;
            }
            let Some(&(kind, verb, sense)) = self.meaning.get(pattern) else {
                continue;
            };
            if lowered.is_empty() {
                lowered.push_str(written_region);
                lowered.make_ascii_lowercase();
            }
            let region = lowered.as_str();
            // Bounded context, so the checks cost the same whatever the sentence length.
            let (before, word, after) = (
                tail(&region[..start], CONTEXT_BYTES),
                &region[start..end],
                head(&region[end..], CONTEXT_BYTES),
            );
            if verb
                && (is_attributive(before, word, after)
                    || is_plural_noun(before, word, after)
                    || first_word(after).is_some_and(|w| REFLEXIVES.contains(&w)))
            {
                continue;
            }
            // "assault rifles", "alliance engines", "birth rate": a noun trigger that
            // modifies a thing names a kind of thing, not an event.
            if !verb && first_word(after).is_some_and(|w| THING_HEADS.contains(&w)) {
                continue;
            }
            // The same context as written (ASCII lower-casing keeps every offset).
            let written = Written {
                before: &text[within.start + start - before.len()..within.start + start],
                after: &text[within.start + end..within.start + end + after.len()],
                sentence_start: within.start + (region.len() - region.trim_start().len()),
                text,
            };
            let original = &text[within.start + start..within.start + end];
            if verb && written.in_title_case(original) {
                continue;
            }
            let in_sense = (sense == Sense::Treaty && about_agreement)
                || sense_holds(sense, before, original, after, &written);
            if !in_sense {
                continue;
            }
            out.push(Trigger {
                span: Span::new(within.start + start, within.start + end),
                kind,
                verb,
                modality: modality(&written, verb),
            });
        }
        out
    }
}

/// Words before a participle that make it an adjective, not an event: "the allied
/// squadron", "the four allied republics", "its deposed king". ("that" is left out: it
/// is also a relative pronoun, "a country that allied with Chile".)
const ATTRIBUTIVE_BEFORE: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "both",
];

/// Nouns of things (and rates) that an event noun before them only classifies
/// ("assault rifles", "launch vehicle", "death rate"): no event.
const THING_HEADS: &[&str] = &[
    "rifle",
    "rifles",
    "weapon",
    "weapons",
    "gun",
    "guns",
    "engine",
    "engines",
    "vehicle",
    "vehicles",
    "craft",
    "aircraft",
    "boat",
    "boats",
    "ship",
    "ships",
    "pad",
    "pads",
    "rate",
    "rates",
    "certificate",
    "certificates",
    "penalty",
    "penalties",
];

/// Words before "occupation" that make it someone's job ("his main occupation"), unless
/// "of" or "by" follows (Sense::NotJob).
const JOB_BEFORE: &[&str] =
    &["his", "her", "their", "whose", "main", "primary", "principal", "chief", "usual", "an"];

/// Forms of "be" that make a following participle passive (frames read them too).
pub(super) const BE_FORMS: &[&str] = &["was", "were", "been", "be", "is", "are"];

/// Words that open a direct object: "withdrew his application".
const ARTICLES_AND_POSSESSIVES: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those"];

/// Words after a participle that show it has no noun to describe, so it is a verb:
/// "both died in 1950", "the two allied against Chile", "both died shortly after".
const NO_NOUN_AFTER: &[&str] = &[
    "in", "on", "at", "of", "from", "with", "by", "to", "after", "before", "during", "within",
    "near", "together", "shortly", "soon", "later", "there", "young", "suddenly", "when", "while",
];

/// True when a one-word past participle (`-ed`) follows a determiner, possessive or
/// number and comes before a noun, so it describes the noun instead of telling an event
/// ("its deposed king"; not "both died." or "the two died in 1950": a participle with
/// punctuation or a preposition after it describes nothing). `before`, `word` and `after`
/// are lower-cased.
fn is_attributive(before: &str, word: &str, after: &str) -> bool {
    if !word.ends_with("ed") || word.contains(' ') {
        return false;
    }
    // Only white space, then a word that could be (part of) a noun phrase.
    let noun_may_follow = first_word(after).is_some_and(|next| {
        next.starts_with(char::is_alphanumeric) && !NO_NOUN_AFTER.contains(&next)
    });
    if !noun_may_follow {
        return false;
    }
    // Only when the participle follows the word directly (no comma or bracket between).
    // Checked first: looking for the previous word in text without white space would
    // read back to the start of the sentence for every trigger.
    if !before.ends_with(|c: char| c.is_whitespace()) {
        return false;
    }
    let mut back = before.trim_end().rsplit(|c: char| c.is_whitespace());
    let previous = back.next().unwrap_or("");
    ATTRIBUTIVE_BEFORE.contains(&previous)
        // "representation in elected bodies": a participle between a preposition and a
        // noun describes the noun.
        || PREPOSITIONS_BEFORE_ADJECTIVE.contains(&previous)
        // "some wounded captured soldiers": after another participle that describes the
        // same noun.
        || (previous.len() > 4
            && previous.ends_with("ed")
            && back.next().is_some_and(|w| ATTRIBUTIVE_BEFORE.contains(&w) || w == "some"))
}

/// Prepositions before which a verb cannot stand, so a participle after one describes
/// the noun that follows ("in elected bodies", "with captured guns").
const PREPOSITIONS_BEFORE_ADJECTIVE: &[&str] =
    &["in", "of", "for", "with", "from", "among", "into", "under", "against"];

/// The last words of `before` (lower-cased), nearest first, within its clause: the scan
/// stops at a comma, semicolon, colon or bracket. Reads backwards, never allocates.
fn clause_words_back(before: &str) -> impl Iterator<Item = &str> {
    let clause = before.rsplit([',', ';', ':', '(', ')']).next().unwrap_or("");
    clause.split_whitespace().rev()
}

/// Whether the words before a trigger deny it or make it hypothetical. `written` is the
/// trigger's context as written: a capitalized word inside the sentence is a name or a
/// month ("on 3 May 1901", "in May the army"), never a cue. `verb`: the trigger is a verb
/// phrase, so "to" before it makes an infinitive ("agreed to negotiate", "only to be
/// erected"): planned, wished or agreed, not told as done, unless an implicative verb
/// governs it ("managed to escape").
fn modality(written: &Written<'_>, verb: bool) -> Modality {
    let is = |list: &[&str], word: &str| list.iter().any(|c| c.eq_ignore_ascii_case(word));
    // The word after the current one in the text (the one seen just before it).
    let mut later: Option<&str> = None;
    for (i, word) in clause_words_back(written.before).take(CUE_WINDOW).enumerate() {
        let next = later.replace(word);
        // "No. 8 Squadron": a number, not a negation.
        if word.eq_ignore_ascii_case("no.") {
            continue;
        }
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if word.is_empty() || written.reads_as_name(word, next) {
            continue;
        }
        let contracted = word.len() >= 3
            && word.get(word.len() - 3..).is_some_and(|t| t.eq_ignore_ascii_case("n't"));
        if i < NEGATION_WINDOW && (is(NEGATION_CUES, word) || contracted) {
            return Modality::Negated;
        }
        if is(HYPOTHETICAL_CUES, word) {
            return Modality::Hypothetical;
        }
    }
    let before = written.before;
    if verb && before.ends_with(char::is_whitespace) {
        let mut words = before.split_whitespace().rev().skip_while(|w| is(INFINITIVE_AUX, w));
        if words.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && !words.next().is_some_and(|w| is(IMPLICATIVE_BEFORE_TO, w))
        {
            return Modality::Hypothetical;
        }
    }
    Modality::Asserted
}

/// The last word of `before`, white space after it ignored ("" when there is none).
fn last_word(before: &str) -> &str {
    before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("")
}

/// The first word of `after` (lower-cased), punctuation trimmed, when only white space
/// comes before it.
fn first_word(after: &str) -> Option<&str> {
    let w = after.split_whitespace().next()?;
    (after.starts_with(char::is_whitespace) && !w.is_empty())
        .then(|| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// A trigger's bounded context as written (capitals kept), for the senses that look for
/// names.
struct Written<'a> {
    /// Up to [`CONTEXT_BYTES`] before the trigger.
    before: &'a str,
    /// Up to [`CONTEXT_BYTES`] after it.
    after: &'a str,
    /// Where the sentence's first word starts in `text` (its capital names nothing).
    sentence_start: usize,
    /// The whole text, for offsets.
    text: &'a str,
}

/// How many words on each side of a trigger the name and noun checks read.
const NAME_WINDOW: usize = 4;

impl Written<'_> {
    /// The (at most [`NAME_WINDOW`]) words after the trigger in its clause.
    fn words_after(&self) -> impl Iterator<Item = &str> {
        let clause = self.after.split([',', ';', ':', '(', ')', '.']).next().unwrap_or("");
        clause.split_whitespace().take(NAME_WINDOW)
    }

    /// The (at most [`NAME_WINDOW`]) words before the trigger in its clause, nearest first.
    fn words_before(&self) -> impl Iterator<Item = &str> {
        let clause = self.before.rsplit([',', ';', ':', '(', ')']).next().unwrap_or("");
        clause.split_whitespace().rev().take(NAME_WINDOW)
    }

    /// True when `word` (a piece of `before` or `after`) is capitalized and not the
    /// sentence's first word: a name.
    fn is_name(&self, word: &str) -> bool {
        let at = word.as_ptr() as usize - self.text.as_ptr() as usize;
        word.starts_with(|c: char| c.is_uppercase()) && at != self.sentence_start
    }

    /// True when the verb trigger `original` (a piece of `text`) is written capitalized
    /// inside the sentence right after another capitalized word: a word of a title or
    /// name ("Sequential Abstract State Machines Capture Sequential Algorithms"), not a
    /// verb of the sentence.
    fn in_title_case(&self, original: &str) -> bool {
        original.starts_with(|c: char| c.is_uppercase())
            && self.before.ends_with(' ')
            && self.before.split_whitespace().next_back().is_some_and(|w| self.is_name(w))
    }

    /// True when `word` (a piece of `before` or `after`) reads as a name or a month rather
    /// than a function word: capitalized inside the sentence ("on 3 May 1901"), or
    /// capitalized first word followed by a number or another capital ("May 1901 saw").
    /// `next` is the word after it, if known.
    fn reads_as_name(&self, word: &str, next: Option<&str>) -> bool {
        self.is_name(word)
            || (word.starts_with(|c: char| c.is_uppercase())
                && next.is_some_and(|n| {
                    n.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
                }))
    }

    /// A name or one of `nouns` among the words after the trigger (and before it too
    /// when `both_sides`).
    fn names_or_nouns(&self, nouns: &[&str], both_sides: bool) -> bool {
        let hit = |w: &str| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            !bare.is_empty()
                && (self.is_name(bare) || nouns.iter().any(|n| n.eq_ignore_ascii_case(bare)))
        };
        self.words_after().any(hit) || (both_sides && self.words_before().any(hit))
    }

    /// True when what was launched is a name or a vessel or product noun: the object of an
    /// active verb ("NASA launched Apollo 8": not the launcher before it), the subject
    /// of a passive one ("the frigate was launched", "She was launched"; not "the
    /// reconstruction of Albania was launched"), either side of a noun ("the launch of").
    fn launched_a_vessel(&self, trigger: &str) -> bool {
        let be = |w: &str| BE_FORMS.iter().any(|b| b.eq_ignore_ascii_case(w));
        let adverb = |w: &str| {
            w.ends_with("ly")
                || ["not", "never", "also", "first"].iter().any(|a| a.eq_ignore_ascii_case(w))
        };
        let passive = trigger.split_whitespace().next().is_some_and(be)
            || self.words_before().find(|w| !adverb(w)).is_some_and(be);
        if !passive {
            let noun = !trigger.ends_with("ed") && !trigger.ends_with("es");
            return self.names_or_nouns(VESSEL_WORDS, noun);
        }
        // The subject's head: the word before the auxiliaries and adverbs.
        let mut before = self
            .words_before()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .skip_while(|w| be(w) || adverb(w));
        let Some(head) = before.next() else { return false };
        if self.is_name(head) {
            // The name's other words, then "of": the name is not what was launched.
            return !before
                .find(|w| !self.is_name(w))
                .is_some_and(|w| w.eq_ignore_ascii_case("of"));
        }
        ["she", "it", "they"].iter().chain(VESSEL_WORDS).any(|n| n.eq_ignore_ascii_case(head))
    }

    /// True when one of `words` is among the words after the trigger.
    fn followed_by(&self, words: &[&str]) -> bool {
        self.words_after().any(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            words.iter().any(|x| x.eq_ignore_ascii_case(bare))
        })
    }
}

/// True when a one-word `-s` verb form reads as a plural noun: followed by "of" ("signs
/// of", "lands of the crown") or after a determiner or possessive ("their lands").
fn is_plural_noun(before: &str, word: &str, after: &str) -> bool {
    if !word.ends_with('s') || word.ends_with("ss") || word.contains(' ') {
        return false;
    }
    if after.split_whitespace().next() == Some("of") {
        return true;
    }
    let previous = last_word(before);
    before.ends_with(char::is_whitespace)
        && (ATTRIBUTIVE_BEFORE.contains(&previous)
            || ["some", "any", "no", "clear", "early", "first", "all"].contains(&previous))
}

/// How far (bytes) the trigger checks read on each side of a trigger.
const CONTEXT_BYTES: usize = 200;

/// The last `n` bytes of `s` or a little more, cut at a char boundary.
fn tail(s: &str, n: usize) -> &str {
    &s[floor_char_boundary(s, s.len().saturating_sub(n))..]
}

/// The first `n` bytes of `s` or a little more, cut at a char boundary.
fn head(s: &str, n: usize) -> &str {
    let mut cut = n.min(s.len());
    while !s.is_char_boundary(cut) {
        cut += 1;
    }
    &s[..cut]
}

/// True when `title` (an article title) names an agreement ("Treaty of Valmora").
pub(crate) fn names_agreement(title: &str) -> bool {
    title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| AGREEMENT_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// True when the trigger is read in its row's sense. `before` and `after` (the trigger's
/// clause context, bounded) are lower-cased; `original` is the trigger as written.
fn sense_holds(
    sense: Sense,
    before: &str,
    original: &str,
    after: &str,
    written: &Written<'_>,
) -> bool {
    let has_word = |list: &[&str]| {
        [before, after]
            .iter()
            .flat_map(|side| side.split(|c: char| !c.is_alphanumeric() && c != '-'))
            .any(|w| list.contains(&w))
    };
    match sense {
        Sense::Any => true,
        Sense::Treaty => has_word(AGREEMENT_WORDS),
        Sense::Military => has_word(MILITARY_WORDS),
        Sense::NotRequirement => !after
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(4)
            .any(|w| REQUIREMENT_WORDS.contains(&w)),
        Sense::NotMonth => {
            let previous = last_word(before);
            !original.starts_with('M') || ATTRIBUTIVE_BEFORE.contains(&previous)
        }
        Sense::Institution => written.names_or_nouns(INSTITUTION_WORDS, true),
        Sense::Vessel => !written.followed_by(ATTACK_WORDS) && written.launched_a_vessel(original),
        Sense::Troops => {
            let object = written.words_after().next().is_some_and(|w| {
                ARTICLES_AND_POSSESSIVES.iter().any(|d| d.eq_ignore_ascii_case(w))
            });
            !object || written.followed_by(MILITARY_WORDS)
        }
        Sense::Place => {
            !written.followed_by(NOT_PLACE_WORDS) && written.names_or_nouns(PLACE_WORDS, false)
        }
        Sense::NotThat => !matches!(
            first_word(after),
            Some("that" | "how" | "what" | "whether" | "why" | "where" | "who")
        ),
        Sense::NotJob => {
            let previous = last_word(before);
            let next = first_word(after);
            // Not the verb after it: "resistance to British occupation was growing".
            matches!(next, Some("of" | "by"))
                || !(JOB_BEFORE.contains(&previous) || previous.ends_with("'s"))
        }
        Sense::NotNaming => !matches!(
            first_word(after),
            Some("after" | "for" | "in" | "one" | "among" | "by" | "because")
        ),
        Sense::Fall => {
            let mut next = written.words_after();
            let to_someone = next.next() == Some("to")
                && next
                    .find(|w| !w.eq_ignore_ascii_case("the"))
                    .is_some_and(|w| written.is_name(w));
            to_someone || has_word(MILITARY_WORDS) || has_word(STRONGHOLD_WORDS)
        }
    }
}

/// `(surface, type, is verb, sense)` rows of a lexicon file; comments, blank and bad rows
/// skipped.
fn rows(tsv: &str) -> impl Iterator<Item = (&str, EventType, bool, Sense)> {
    tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).filter_map(|line| {
        let mut cols = line.split('\t');
        let surface = cols.next()?.trim();
        let kind = cols.next()?.trim();
        let verb = cols.next().map(str::trim) != Some("N");
        let sense = Sense::parse(cols.next())?;
        let kind = kind.parse::<EventType>().ok()?;
        (!surface.is_empty()).then_some((surface, kind, verb, sense))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_row_is_valid() {
        let good = rows(LEXICON).count();
        let all = LEXICON.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        assert_eq!(good, all, "a lexicon row has a bad type or shape");
        assert!(good > 100);
    }

    /// The lexicon's case-insensitive matches over the text as written are the
    /// leftmost-longest non-overlapping matches over the ASCII-lower-cased text (what the
    /// lexicon searched before session 37): pieces of surfaces glued, cut and mixed in
    /// case, so that matches start inside words and run across word starts.
    #[test]
    fn matches_as_written_are_those_lower_cased() {
        use aho_corasick::{AhoCorasickBuilder, MatchKind as AcKind};
        let lexicon = TriggerLexicon::shipped();
        let surfaces: Vec<String> =
            rows(LEXICON).map(|(surface, ..)| surface.to_ascii_lowercase()).collect();
        let reference = AhoCorasickBuilder::new()
            .match_kind(AcKind::LeftmostLongest)
            .build(&surfaces)
            .expect("the lexicon compiles");
        let glue = ["", " ", "-", "s ", ". ", "é", "x", "re", "un", " of ", "€ "];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut hay = String::new();
            for _ in 0..1 + next(8) {
                let surface = &surfaces[next(surfaces.len())];
                let cut = floor_char_boundary(surface, next(surface.len() + 1));
                let piece = match next(4) {
                    0 => &surface[..cut],
                    1 => &surface[cut..],
                    _ => surface.as_str(),
                };
                if next(3) == 0 {
                    hay.push_str(&piece.to_ascii_uppercase());
                } else {
                    hay.push_str(piece);
                }
                hay.push_str(glue[next(glue.len())]);
            }
            let lowered = hay.to_ascii_lowercase();
            let expected: Vec<(usize, usize, &str)> = reference
                .find_iter(&lowered)
                .map(|m| (m.start(), m.end(), surfaces[m.pattern().as_usize()].as_str()))
                .collect();
            let found: Vec<(usize, usize, &str)> = (lexicon.automaton.find_iter(&hay))
                .map(|m| (m.start(), m.end(), &lowered[m.start()..m.end()]))
                .collect();
            assert_eq!(found, expected, "{hay:?}");
        }
    }

    #[test]
    fn table() {
        let lexicon = TriggerLexicon::shipped();
        let rows: &[(&str, &[(&str, &str)])] = &[
            ("The rebels seized the armoury at dawn.", &[("seized", "SEIZURE")]),
            ("Rome declared war on Carthage.", &[("declared war", "WAR_DECLARATION")]),
            (
                "The king renounced power and took refuge abroad.",
                &[("renounced power", "RESIGNATION"), ("took refuge", "REFUGE")],
            ),
            ("An Uprising broke out in the north.", &[("Uprising", "UPRISING")]),
            (
                "The envoys met to negotiate a truce.",
                &[("met", "MEETING"), ("negotiate", "NEGOTIATION")],
            ),
            (
                "The garrison withdrew; the withdrawal was orderly.",
                &[("withdrew", "WITHDRAWAL"), ("withdrawal", "WITHDRAWAL")],
            ),
            (
                "The council deposed the regent and proclaimed a republic.",
                &[("deposed", "DEPOSITION"), ("proclaimed", "PROCLAMATION")],
            ),
            (
                "She entered Zürich; the Battle of Köln followed.",
                &[("entered", "ENTRY"), ("Battle", "BATTLE")],
            ),
            // Whole words only: "metal" is not "met", "reentered" is not "entered".
            ("The metal gates were reentered by nobody.", &[]),
            (
                "The army assumed power after the city fell.",
                &[("assumed power", "ASSUMPTION"), ("fell", "CAPTURE")],
            ),
            ("The fort fell after fierce resistance.", &[("fell", "CAPTURE")]),
            // A rate or a person falling is no capture.
            ("Prices fell after the announcement, and he fell ill.", &[]),
            // A participle after a determiner, possessive or number describes a noun.
            ("The allied squadron sheltered; the four allied republics rejoiced.", &[]),
            (
                "Its deposed king fled, and the rebels deposed his heir.",
                &[("fled", "REFUGE"), ("deposed", "DEPOSITION")],
            ),
            ("Quito was a city that allied with Lima.", &[("allied", "ALLIANCE")]),
        ];
        for (text, want) in rows {
            let got: Vec<(&str, &str)> = lexicon
                .find(text, Span::new(0, text.len()))
                .iter()
                .map(|t| (t.span.slice(text), t.kind.as_str()))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
