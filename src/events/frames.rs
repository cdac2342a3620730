//! Building event frames from triggers, sentences, entities and timexes.

use crate::events::EventType;
use crate::gazetteer::Label;
use std::{
    borrow::Cow,
    collections::HashMap,
    sync::{Arc, LazyLock},
};

use regex::Regex;

use super::{
    clauses::Clauses,
    mentions::{EventMention, MentionTagger, Tense},
    triggers::{names_agreement, Modality, Trigger, TriggerLexicon, BE_FORMS},
    Event, EventDate, Participant,
};
use crate::{
    article::{Article, InfoboxKind},
    gazetteer::{person_titles::is_lowercase_title, EntityMention, Gazetteer},
    sentences::SentenceSplitter,
    span::{ceil_char_boundary, Span},
    temporal::{Timex, TimexType},
};

/// Prepositions that make the following place the event's location.
const LOCATIVE: &[&str] = &[
    "in", "at", "to", "into", "through", "towards", "toward", "near", "off", "inside", "outside",
    "within",
];

/// Types whose direct object is usually a place ("seized the islands", "entered Lima"):
/// a place after the trigger is the event's place, not a patient.
const PLACE_OBJECT: &[EventType] = &[
    EventType::Seizure,
    EventType::Capture,
    EventType::Entry,
    EventType::Attack,
    EventType::March,
    EventType::Meeting,
    EventType::Refuge,
    EventType::Exile,
    EventType::Birth,
    EventType::Death,
];

/// Labels listed as participants even without a role pattern.
const PARTICIPANT_LABELS: &[Label] =
    &[Label::Person, Label::Org, Label::Ship, Label::Treaty, Label::Event];

/// "the capital, Lima": the noun a place is introduced with, for later "the capital".
static APPOSITION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bthe (capital|city|port)(?: city)?,\s*$").expect("static regex")
});
/// "Lima, the capital".
static APPOSITION_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^,\s*the (capital|city|port)\b").expect("static regex"));
/// A later reference: "the capital", "the city".
static ANAPHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bthe (capital|city|port)\b").expect("static regex"));

/// Extracts event frames. Build once, share across threads.
///
/// Rules, per body sentence (paragraphs and list items, outside the infobox):
/// - every lexicon trigger outside a person/place/org/ship name starts an event; one
///   event per type per sentence (the first trigger);
/// - `date`: the nearest DATE/TIME timex of the sentence (year precision or finer, not
///   inside a name such as "War of 1865"; BC years too), else the last date of the
///   previous dated sentence of the same paragraph, marked `inherited`;
/// - `place`: a PLACE mention of the sentence, preferring one governed by a locative
///   preposition (in, at, to, into, through, ...), then the nearest; "the capital" and
///   "the city" resolve to the place introduced earlier as "the capital, X"; a place
///   named inside an event name ("Battle of Callao") counts too;
/// - `participants`: PERSON, ORG, SHIP, TREATY and EVENT mentions of the sentence, plus
///   any mention a role pattern picks: "led by X", "by X", "under the command of X" and
///   "X \[adverbs\] VERB" -> agent; "VERB X", "declared war on X", "against X", "X was VERB" -> patient.
#[derive(Clone, Debug)]
pub struct EventExtractor {
    lexicon: TriggerLexicon,
    mentions: MentionTagger,
    splitter: SentenceSplitter,
    gazetteer: Gazetteer,
}

/// A mention with the facts the frame rules need.
struct Ctx<'a> {
    text: &'a str,
    entities: &'a [EntityMention],
}

impl EventExtractor {
    /// The extractor with the shipped trigger lexicon; `gazetteer` resolves places named
    /// inside event names ("Battle of Callao" -> Callao).
    pub fn new(gazetteer: &Gazetteer) -> EventExtractor {
        EventExtractor {
            lexicon: TriggerLexicon::shipped(),
            mentions: MentionTagger::shipped(),
            splitter: SentenceSplitter::new(),
            gazetteer: gazetteer.clone(),
        }
    }

    /// Triggers in `text`, in order (all of them: no per-sentence deduplication).
    pub fn triggers(&self, text: &str) -> Vec<Trigger> {
        self.lexicon.find(text, Span::new(0, text.len()))
    }

    /// TimeML event mentions of `article`'s body (paragraphs and list items, outside the
    /// infobox and title), in text order. See [`MentionTagger`].
    pub fn mentions(&self, article: &Article) -> Vec<EventMention> {
        let mut out = Vec::new();
        for region in body_regions(article) {
            self.mentions.tag(&article.text, region, &mut out);
        }
        out
    }

    /// Events of `article`, in text order.
    pub fn extract(
        &self,
        article: &Article,
        entities: &[EntityMention],
        timexes: &[Timex],
    ) -> Vec<Event> {
        let lexicon = &self.lexicon;
        let text = article.text.as_str();
        let ctx = Ctx { text, entities };
        let outside = |s: &Span| outside_header(article, *s);
        let regions = body_regions(article);
        let names: Vec<Span> = entities
            .iter()
            .filter(|m| matches!(m.label, Label::Event | Label::Treaty))
            .map(|m| m.span)
            .collect();
        let mut dates: Vec<&Timex> = timexes
            .iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            // Centuries and decades too: "in the 17th century" dates a settlement.
            .filter(|t| t.value.is_dated())
            .filter(|t| outside(&t.span) && !inside_any(&names, t.span))
            .filter(|t| !year_of_a_name(text, t.span))
            .collect();
        dates.sort_by_key(|t| t.span);
        let mut sorted: Vec<&EntityMention> = entities.iter().collect();
        sorted.sort_by_key(|m| m.span);
        let antecedents = antecedents(&ctx);
        let mut lowered = String::new();
        // Gazetteer look-ups by surface, once per article: the same places recur.
        let mut countries: HashMap<&str, bool> = HashMap::new();
        let mut events = Vec::new();
        let mut narrative: Option<&Timex>;
        let about_agreement =
            article.infobox.as_ref().is_some_and(|b| b.kind == Some(InfoboxKind::Treaty))
                || names_agreement(&article.title);
        // Reused from sentence to sentence (one allocation per article, not per sentence
        // or paragraph).
        let (mut in_sentence, mut mentions): (Vec<&Timex>, Vec<&EntityMention>) =
            (Vec::new(), Vec::new());
        let (mut clauses, mut date_spans) = (Clauses::default(), Vec::new());
        let mut sentences = Vec::new();
        for region in regions {
            // A date is inherited only within its paragraph (or list item): a date from
            // another paragraph dated the Moon landing by a program alarm code.
            narrative = None;
            sentences.clear();
            self.splitter.split_within_into(text, region, &mut sentences);
            for &sentence in &sentences {
                // Both lists are in text order: slice out the sentence's part.
                let lo = dates.partition_point(|t| t.span.start < sentence.start);
                let hi = dates.partition_point(|t| t.span.start < sentence.end);
                let sentence_dates = dates.get(lo..hi.max(lo)).unwrap_or_default();
                let found = lexicon.find_with(text, sentence, &mut lowered, about_agreement);
                if found.is_empty() {
                    // Most sentences: only the narrative date moves on.
                    if let Some(last) =
                        sentence_dates.iter().rev().find(|t| sentence.contains(t.span))
                    {
                        narrative = Some(last);
                    }
                    continue;
                }
                in_sentence.clear();
                in_sentence
                    .extend(sentence_dates.iter().copied().filter(|t| sentence.contains(t.span)));
                let lo = sorted.partition_point(|m| m.span.start < sentence.start);
                let hi = sorted.partition_point(|m| m.span.start < sentence.end);
                mentions.clear();
                mentions.extend(
                    sorted[lo..hi.max(lo)]
                        .iter()
                        .copied()
                        .filter(|m| sentence.contains(m.span))
                        .filter(|m| self.reads_as_name(text, sentence, m.span)),
                );
                let triggers = pick_triggers(found, &mentions);
                if triggers.is_empty() {
                    if let Some(last) = in_sentence.last() {
                        narrative = Some(last);
                    }
                    continue;
                }
                let facts = self.facts(&ctx, sentence, &mentions, &antecedents, &mut countries);
                date_spans.clear();
                date_spans.extend(in_sentence.iter().map(|t| t.span));
                clauses.read(text, sentence, &date_spans);
                // Whether the sentence tells of the past: only then may it borrow an
                // earlier sentence's date (not "elections are held", "it will be the
                // solace of my death"). Tagged at most once per sentence, when needed.
                let mut past: Option<bool> = None;
                for trigger in &triggers {
                    // A frame that is only considered ("to be published", "desire to
                    // marry") takes what follows it: the date and place before it are
                    // the considering's.
                    let own_after = trigger.modality == Modality::Hypothetical;
                    let in_scope = |s: Span| clauses.same_scope(text, trigger.span, s);
                    let usable =
                        |s: Span| in_scope(s) && (!own_after || s.start >= trigger.span.end);
                    let date = if attributive_participle(text, trigger) {
                        // "democratically elected president X was overthrown in 1993":
                        // the election is not the sentence's event.
                        None
                    } else {
                        stated_date(text, trigger, &clauses, &in_sentence, &usable).or_else(|| {
                            // Inherited: a point date (not a lifespan "384–322 BC") from
                            // the paragraph, into an asserted sentence about the past
                            // with no date of its own.
                            narrative
                                .filter(|t| t.value.date().is_some())
                                .filter(|_| {
                                    in_sentence.is_empty() && trigger.modality == Modality::Asserted
                                })
                                .filter(|_| {
                                    past_form(text, trigger)
                                        || *past.get_or_insert_with(|| {
                                            tells_the_past(&self.mentions, text, sentence)
                                        })
                                })
                                .map(|t| EventDate {
                                    value: t.value.clone(),
                                    span: t.span,
                                    inherited: true,
                                })
                        })
                    };
                    let participants = participants(
                        &ctx,
                        sentence,
                        trigger,
                        &triggers,
                        &mentions,
                        &facts.leads,
                        &in_scope,
                    );
                    let place = place(text, trigger, &participants, &facts.places, &usable);
                    events.push(Event {
                        trigger: trigger.span,
                        kind: trigger.kind,
                        sentence,
                        date,
                        place,
                        participants,
                        modality: trigger.modality,
                    });
                }
                if let Some(last) = in_sentence.last() {
                    narrative = Some(last);
                }
            }
        }
        events
    }

    /// True when the mention at `span` reads as a name: a frame takes no junk from the
    /// entity stage, such as a lone function word ("The"), a common word that opens the
    /// sentence ("Fighting broke out"), a phrase that opens with a lower-case event word
    /// ("attacked Quebec City", a link's text) or a mention with no capital at all.
    fn reads_as_name(&self, text: &str, sentence: Span, span: Span) -> bool {
        let surface = span.slice(text);
        let mut words = surface.split_whitespace();
        let Some(first) = words.next() else { return false };
        let single = words.next().is_none();
        let opens_sentence =
            text.get(sentence.start..span.start).is_some_and(|b| b.trim().is_empty());
        let function_word = |w: &str| {
            let w = lower(w);
            FUNCTION_WORDS.contains(&&*w) || DETERMINERS.contains(&&*w)
        };
        surface.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
            && !(first.starts_with(char::is_lowercase) && self.mentions.lists(first))
            && !(single && function_word(first))
            && !(single && opens_sentence && self.mentions.lists(first))
    }

    /// True when the gazetteer gives `surface` an ISO alpha-3 code (a country).
    fn is_country(&self, surface: &str) -> bool {
        self.gazetteer.lookup(surface).is_some_and(|e| e.iso_code(3).is_some())
    }

    /// What the frame rules need from `sentence` whatever the trigger.
    fn facts<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        sentence: Span,
        mentions: &[&'a EntityMention],
        antecedents: &[(String, &'a EntityMention)],
        countries: &mut HashMap<&'a str, bool>,
    ) -> SentenceFacts<'a> {
        let text = ctx.text;
        let leads = mentions
            .iter()
            .map(|m| Lead::before(look_back(text, sentence.start, m.span.start)))
            .collect();
        let mut places = Vec::new();
        let candidate =
            |span: Span, id: &'a Arc<str>, label: Label, mention: bool| PlaceCandidate {
                span,
                id,
                label,
                governed: governed_by_locative(text, span.start),
                mention,
            };
        for m in mentions {
            if m.label != Label::Place {
                continue;
            }
            // A country named without a locative preposition is usually a party
            // ("favorable to Spain", "allied Peru with Chile"), not where it happened.
            if !governed_by_locative(text, m.span.start)
                && *countries
                    .entry(m.span.slice(text))
                    .or_insert_with_key(|surface| self.is_country(surface))
            {
                continue;
            }
            places.push(candidate(m.span, &m.id, m.label, true));
        }
        // A place named inside an event name: "Battle of Callao".
        for m in mentions.iter().filter(|m| m.label == Label::Event) {
            let name = m.span.slice(text);
            if let Some(of) = name.rfind(" of ") {
                let place = &name[of + 4..];
                if let Some(entry) =
                    self.gazetteer.lookup(place).filter(|e| e.label == Label::Place)
                {
                    let start = m.span.start + of + 4;
                    places.push(candidate(
                        Span::new(start, m.span.end),
                        &entry.id,
                        entry.label,
                        false,
                    ));
                }
            }
        }
        // "the capital" -> the place introduced earlier as "the capital, X".
        // Only worth a regex scan when a place was introduced before the sentence ends
        // (rare: most articles have none), and then `is_match` before setting up captures.
        // Antecedents are in text order: the first one ends first.
        let resolvable = antecedents.first().is_some_and(|(_, m)| m.span.end <= sentence.end);
        if let Some(body) =
            text.get(sentence.start..sentence.end).filter(|b| resolvable && ANAPHOR.is_match(b))
        {
            for cap in ANAPHOR.captures_iter(body) {
                let (Some(all), Some(noun)) = (cap.get(0), cap.get(1)) else { continue };
                let span = Span::new(sentence.start + all.start(), sentence.start + all.end());
                let noun = noun.as_str().to_ascii_lowercase();
                if APPOSITION_AFTER.is_match(&body[all.end()..]) {
                    continue;
                }
                let found = antecedents.iter().rev().find(|(n, m)| {
                    m.span.end <= span.start && (*n == noun || (noun == "city" && n == "capital"))
                });
                if let Some((_, m)) = found {
                    if !mentions.iter().any(|x| x.span.overlaps(span)) {
                        places.push(candidate(span, &m.id, m.label, false));
                    }
                }
            }
        }
        SentenceFacts { leads, places }
    }
}

/// True when `span` is neither in the infobox nor in the title line.
fn outside_header(article: &Article, span: Span) -> bool {
    !article.infobox.as_ref().is_some_and(|b| b.span.overlaps(span))
        && !article.title_span.is_some_and(|t| t.overlaps(span))
}

/// The article's prose: paragraphs and list items outside the infobox and title, in
/// text order.
fn body_regions(article: &Article) -> Vec<Span> {
    let mut regions: Vec<Span> = article
        .paragraphs
        .iter()
        .chain(&article.list_items)
        .copied()
        .filter(|s| outside_header(article, *s))
        .collect();
    regions.sort();
    regions
}

/// The trigger-independent facts of a sentence with triggers, computed once per
/// sentence rather than once per trigger.
struct SentenceFacts<'a> {
    /// Per mention, in the same order: what the words before it say.
    leads: Vec<Lead>,
    /// Place candidates in rule order: PLACE mentions, places inside event names,
    /// resolved anaphors.
    places: Vec<PlaceCandidate<'a>>,
}

/// The role pattern that the last words before a mention (titles skipped) match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// None of the patterns.
    Other,
    /// "... by X".
    By,
    /// "... command of X".
    CommandOf,
    /// "... under the command of X" (also ends with "command of").
    UnderTheCommandOf,
    /// "... against X", "... against the X".
    Against,
}

impl Lead {
    /// The pattern `before` (the sentence up to a mention) ends with. Reads words
    /// backwards and only as many as a pattern needs: reading and lower-casing the
    /// whole prefix per mention made the role rules quadratic in sentence length.
    fn before(before: &str) -> Lead {
        let mut words = words_rev(before).skip_while(|w| is_lowercase_title(w));
        let last = words.next();
        let mut next_is = |want: &str| words.next().is_some_and(|w| w == want);
        match last.as_deref() {
            Some("by") => Lead::By,
            Some("against") => Lead::Against,
            Some("the") => {
                if next_is("against") {
                    Lead::Against
                } else {
                    Lead::Other
                }
            }
            Some("of") => {
                if !next_is("command") {
                    Lead::Other
                } else if next_is("the") && next_is("under") {
                    Lead::UnderTheCommandOf
                } else {
                    Lead::CommandOf
                }
            }
            _ => Lead::Other,
        }
    }
}

/// A possible event place.
struct PlaceCandidate<'a> {
    span: Span,
    id: &'a Arc<str>,
    label: Label,
    /// Governed by a locative preposition.
    governed: bool,
    /// A PLACE mention (dropped when a role pattern took it), not a derived place.
    mention: bool,
}

/// The event's place: the first candidate governed by a locative, then the nearest
/// to the trigger, then the leftmost (see [`EventExtractor`]).
fn place(
    text: &str,
    trigger: &Trigger,
    participants: &[Participant],
    candidates: &[PlaceCandidate<'_>],
    usable: &dyn Fn(Span) -> bool,
) -> Option<Participant> {
    // Participants are sorted by span: look the candidate up instead of scanning.
    let taken = |s: Span| {
        let from = participants.partition_point(|p| p.span < s);
        participants[from..].iter().take_while(|p| p.span == s).any(|p| p.role.is_some())
    };
    let distance = |span: Span| {
        if span.start >= trigger.span.end {
            span.start - trigger.span.end
        } else {
            trigger.span.start.saturating_sub(span.end)
        }
    };
    candidates
        .iter()
        .filter(|c| !(c.mention && taken(c.span)) && usable(c.span))
        // A place mention counts when a place preposition governs it or it is the object
        // of a place verb ("entered Lima"); not "the Paris peace treaty", "his Berlin years".
        .filter(|c| c.governed || !c.mention || place_object(text, trigger, c.span))
        .min_by_key(|c| (!c.governed, distance(c.span), c.span.start))
        .map(|c| Participant { span: c.span, id: c.id.clone(), label: c.label, role: None })
}

/// Places introduced with a noun ("the capital, Lima"; "Lima, the capital"), in text order.
fn antecedents<'a>(ctx: &Ctx<'a>) -> Vec<(String, &'a EntityMention)> {
    let mut out = Vec::new();
    for m in ctx.entities.iter().filter(|m| m.label == Label::Place) {
        let before = ctx
            .text
            .get(m.span.start.saturating_sub(40)..m.span.start)
            .or_else(|| ctx.text.get(..m.span.start))
            .unwrap_or("");
        let after = ctx.text.get(m.span.end..).unwrap_or("");
        // Both patterns need a comma next to the name (`\s` and `trim_end` agree on
        // white space): most places have none, and the regexes are the slow part.
        let comma_before = before.trim_end().ends_with(',');
        if !comma_before && !after.starts_with(',') {
            continue;
        }
        let after = &after[..after.char_indices().nth(30).map_or(after.len(), |(i, _)| i)];
        let noun = comma_before
            .then(|| APPOSITION_BEFORE.captures(before))
            .flatten()
            .or_else(|| APPOSITION_AFTER.captures(after))
            .and_then(|c| c.get(1))
            .map(|n| n.as_str().to_ascii_lowercase());
        if let Some(noun) = noun {
            out.push((noun, m));
        }
    }
    out
}

/// Drop triggers inside names (other than event names) and keep the first trigger
/// of each type ("an uprising, led by X, who took up arms": the uprising).
fn pick_triggers(found: Vec<Trigger>, mentions: &[&EntityMention]) -> Vec<Trigger> {
    // Mentions are sorted and do not overlap each other: the ones a trigger can overlap
    // start before its end, and only the last few of those can reach into it.
    let found: Vec<Trigger> = found
        .into_iter()
        .filter(|t| {
            let before_end = mentions.partition_point(|m| m.span.start < t.span.end);
            !mentions[..before_end]
                .iter()
                .rev()
                .take_while(|m| m.span.end > t.span.start || m.span.start >= t.span.start)
                .any(|m| m.span.overlaps(t.span) && !matches!(m.label, Label::Event))
        })
        .collect();
    let mut kept: Vec<Trigger> = Vec::new();
    for t in &found {
        if !kept.iter().any(|k| k.kind == t.kind) {
            kept.push(*t);
        }
    }
    kept.sort_by_key(|t| t.span);
    kept
}

/// The date the trigger's sentence gives it: the nearest date of the first of these
/// places that holds one, tried in order (see [`Clauses`]):
/// 1. the trigger's own clause (`usable`: a hypothetical frame takes only what follows it,
///    and nothing else below: the dates before it are the considering's);
/// 2. the date a "when" clause holding the trigger hangs on ("on 11 February 2016, when
///    researchers published");
/// 3. for a trigger in the main clause, a fronted clause ("After X left in 1919, he met");
/// 4. for a trigger in the main clause, a participle clause of it ("She was elected to
///    replace him, becoming leader on 10 April 2000").
fn stated_date(
    text: &str,
    trigger: &Trigger,
    clauses: &Clauses,
    in_sentence: &[&Timex],
    usable: &dyn Fn(Span) -> bool,
) -> Option<EventDate> {
    let when = clauses.when_clause_start(text, trigger.span);
    let hangs_on_when = |s: Span| {
        when.is_some_and(|w| {
            text.get(s.end..w).is_some_and(|gap| gap.bytes().all(|b| b == b',' || b == b' '))
        })
    };
    let fronted = |s: Span| clauses.fronted(text, trigger.span, s);
    let participle = |s: Span| clauses.in_participle_clause(text, trigger.span, s);
    let places: [&dyn Fn(Span) -> bool; 4] = [usable, &hangs_on_when, &fronted, &participle];
    let tried = if trigger.modality == Modality::Hypothetical { &places[..1] } else { &places };
    tried.iter().find_map(|holds| {
        nearest(in_sentence.iter().copied().filter(|t| holds(t.span)), trigger.span)
            .map(|t| EventDate { value: t.value.clone(), span: t.span, inherited: false })
    })
}

/// The timex of `dates` nearest to `trigger`.
fn nearest<'t>(dates: impl Iterator<Item = &'t Timex>, trigger: Span) -> Option<&'t Timex> {
    dates.min_by_key(|t| {
        if t.span.start >= trigger.end {
            t.span.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.span.end)
        }
    })
}

/// Words after which "to" is not locative.
const NON_LOCATIVE_TO: &[&str] = &[
    "favorable",
    "favourable",
    "unfavorable",
    "unfavourable",
    "hostile",
    "loyal",
    "opposed",
    "due",
    "according",
    "similar",
    "subject",
    "thanks",
    "equal",
    "friendly",
    "sympathetic",
    "allegiance",
    "debt",
    "threat",
    "owing",
];

/// Words allowed between a locative preposition and its place ("in the north of").
const PLACE_MODIFIERS: &[&str] = &[
    "the", "a", "an", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "coastal",
];

/// True when the word before `at` (skipping determiners and compass adjectives)
/// is a locative preposition.
pub(crate) fn governed_by_locative(text: &str, at: usize) -> bool {
    let before = look_back(text, 0, at);
    let mut words = before.split_whitespace().rev();
    for _ in 0..4 {
        let Some(w) = words.next() else { break };
        let w = lower(w);
        if LOCATIVE.contains(&&*w) {
            // "to" after an adjective or a fixed phrase names no place: "favorable to
            // Spain", "loyal to Pezet", "according to Lima's papers".
            return w != "to"
                || !words.next().is_some_and(|head| NON_LOCATIVE_TO.contains(&&*lower(head)));
        }
        if !PLACE_MODIFIERS.contains(&&*w) {
            return false;
        }
    }
    false
}

/// Participants of the event at `trigger`, with roles where a pattern tells.
fn participants(
    ctx: &Ctx<'_>,
    sentence: Span,
    trigger: &Trigger,
    all: &[Trigger],
    mentions: &[&EntityMention],
    leads: &[Lead],
    usable: &dyn Fn(Span) -> bool,
) -> Vec<Participant> {
    let text = ctx.text;
    // A mention outside the trigger's clause, or a part of a longer name ("Einstein
    // Papers Project", the rank in "Flying Officer Lloyd Trigg"), takes no part.
    let eligible = |m: &EntityMention| {
        usable(m.span)
            && !part_of_longer_name(text, m.span)
            && !possessor_of_another_noun(text, m.span, trigger.span)
    };
    // "X died", "X passed away": the subject undergoes the event.
    let subject_role = if undergoer(trigger.span.slice(text)) { "patient" } else { "agent" };
    let next_trigger = all
        .iter()
        .map(|t| t.span.start)
        .filter(|&s| s > trigger.span.start)
        .min()
        .unwrap_or(sentence.end);
    let prev_trigger = all
        .iter()
        .map(|t| t.span.end)
        .filter(|&e| e <= trigger.span.start)
        .max()
        .unwrap_or(sentence.start);
    let between = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    // A trigger that holds its own "was"/"were" ("was established", "was born") is
    // passive: the name before it is what was founded or born, not who did it.
    let passive_trigger = trigger.verb
        && between(trigger.span.start, trigger.span.end)
            .split_whitespace()
            .next()
            .is_some_and(|w| BE_FORMS.iter().any(|b| b.eq_ignore_ascii_case(w)));
    // One slot per mention: a role is looked up by index, not searched for.
    let mut roles: Vec<Option<&'static str>> = vec![None; mentions.len()];
    for (i, (m, lead)) in mentions.iter().zip(leads).enumerate() {
        if !eligible(m) {
            continue;
        }
        let label = m.label;
        let lead = *lead;
        let after_trigger = m.span.start >= trigger.span.end && m.span.start < next_trigger;
        // "led by X", "deposed by X", "under the command of X"; not "met and was
        // influenced by X" (the by-phrase of another verb).
        if after_trigger
            && matches!(lead, Lead::By | Lead::CommandOf | Lead::UnderTheCommandOf)
            && !between(trigger.span.end, m.span.start).contains(" and ")
        {
            roles[i] = Some("agent");
            continue;
        }
        if lead == Lead::UnderTheCommandOf {
            roles[i] = Some("agent");
            continue;
        }
        if label == Label::Demonym && m.span.end > trigger.span.start {
            continue;
        }
        // "VERB X", "declared war on X", "against X".
        // A gap longer than the look-back cannot be three short words: skip it unread
        // (reading every long gap made these rules quadratic in sentence length).
        if trigger.verb && after_trigger && m.span.start - trigger.span.end <= LOOK_BACK_BYTES {
            let gap = between(trigger.span.end, m.span.start);
            // Four words are enough to know the gap is too long.
            let (count, only_fillers, _) =
                short_gap(gap, |w| w == "the" || w == "on" || is_lowercase_title(w));
            let place_object = PLACE_OBJECT.contains(&trigger.kind) && label == Label::Place;
            // "negotiated the Paris peace treaty": a name before a noun modifies it.
            if count <= 3
                && only_fillers
                && !gap.contains([',', ';'])
                && !place_object
                && !modifies_next_noun(text, m.span)
            {
                roles[i] = Some("patient");
                continue;
            }
        }
        if after_trigger && lead == Lead::Against {
            roles[i] = Some("patient");
            continue;
        }
        // "X also revolted", "a Spanish fleet had seized", "X was deposed".
        if trigger.verb
            && m.span.end <= trigger.span.start
            && m.span.start >= prev_trigger
            && trigger.span.start - m.span.end <= LOOK_BACK_BYTES
        {
            let gap = between(m.span.end, trigger.span.start);
            let (count, lower_case, passive) =
                short_gap(gap, |w| w.chars().all(char::is_lowercase));
            let clean = count <= 3 && lower_case && !gap.contains([',', ';', '(', ')']);
            let passive = passive || passive_trigger;
            // "a Doric temple was built": the thing built is the noun, not its modifier;
            // only adverbs and auxiliaries may stand between a patient and its verb.
            let (_, adverbs_only, _) = short_gap(gap, |w| is_adverb(w) || AUXILIARIES.contains(&w));
            if clean && label != Label::Place && (!passive || adverbs_only) {
                roles[i] = Some(if passive { "patient" } else { subject_role });
                continue;
            }
        }
    }
    // "Pezet, who was ..., renounced power": a sentence-initial person before a comma.
    if trigger.verb && !roles.contains(&Some(subject_role)) {
        if let Some(at) = mentions
            .iter()
            .position(|m| m.span.start == sentence.start && m.label == Label::Person && eligible(m))
        {
            let first = mentions[at];
            let gap = between(first.span.end, trigger.span.start);
            if gap.starts_with(',')
                && span_role(mentions, &roles, at).is_none()
                && !gap.contains(" by ")
            {
                roles[at] = Some(subject_role);
            }
        }
    }
    let mut group_role = None;
    let mut out: Vec<Participant> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if i == 0 || mentions[i - 1].span != m.span {
            group_role = span_role(mentions, &roles, i);
        }
        let role = group_role;
        if (role.is_some() || PARTICIPANT_LABELS.contains(&m.label)) && eligible(m) {
            out.push(Participant { span: m.span, id: m.id.clone(), label: m.label, role });
        }
    }
    out.sort_by_key(|p| p.span);
    out
}

/// The role of mention `at`'s span: the first role found among the mentions that share
/// the span (rare), in mention order. Mentions are sorted, so they sit side by side.
fn span_role(
    mentions: &[&EntityMention],
    roles: &[Option<&'static str>],
    at: usize,
) -> Option<&'static str> {
    let span = mentions[at].span;
    let from = mentions[..at].iter().rposition(|m| m.span != span).map_or(0, |p| p + 1);
    mentions[from..]
        .iter()
        .zip(&roles[from..])
        .take_while(|(m, _)| m.span == span)
        .find_map(|(_, r)| *r)
}

/// True when the trigger is a simple past form ("married", "elected"), not after a
/// present or future auxiliary ("has married", "will be elected").
fn past_form(text: &str, trigger: &Trigger) -> bool {
    let present = ["is", "are", "am", "has", "have", "will", "be", "shall", "can", "may"];
    trigger.verb
        && trigger.span.slice(text).ends_with("ed")
        && !words_rev(look_back(text, 0, trigger.span.start))
            .next()
            .is_some_and(|w| present.contains(&&*w))
}

/// True when `sentence` tells of the past: a past auxiliary ("were elected", "had not
/// ratified") or a past-tense event mention ("gave", "started").
fn tells_the_past(tagger: &MentionTagger, text: &str, sentence: Span) -> bool {
    let past_aux = ["was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't"];
    words(sentence.slice(text)).any(|w| past_aux.contains(&&*w))
        || tagger.tag_text(sentence.slice(text)).iter().any(|m| m.tense == Tense::Past)
}

/// True when `span` is the object of the place verb at `trigger` ("seized the islands",
/// "entered Lima"): at most three filler words between them.
fn place_object(text: &str, trigger: &Trigger, span: Span) -> bool {
    if !trigger.verb || !PLACE_OBJECT.contains(&trigger.kind) || span.start < trigger.span.end {
        return false;
    }
    let gap = text.get(trigger.span.end..span.start).unwrap_or("");
    if gap.len() > LOOK_BACK_BYTES || gap.contains([',', ';']) {
        return false;
    }
    // The object's own modifiers may stand between: "seized the lightly defended
    // Chincha Islands" (an adverb, a participle), never a noun ("the ships of Lima").
    // A journey's destination after "for": "embarked for Europe", "sailed for Lima".
    let journey = matches!(trigger.kind, EventType::Exile | EventType::March | EventType::Refuge);
    let modifier = |w: &str| {
        w == "the"
            || PLACE_MODIFIERS.contains(&w)
            || is_adverb(w)
            || w.ends_with("ed")
            || (journey && w == "for")
    };
    let (count, fillers, _) = short_gap(gap, modifier);
    count <= 3 && fillers
}

/// Determiners and pronouns: a mention that is one of them alone names nothing.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "he",
    "she", "it", "they", "we", "i", "you",
];

/// Auxiliaries that may stand between a passive patient and its verb ("X had been
/// deposed").
const AUXILIARIES: &[&str] =
    &["was", "were", "been", "be", "is", "are", "being", "had", "has", "have", "did", "not"];

/// Words that may follow a name or a verb without making it a modifier of a noun:
/// function words, auxiliaries, common adverbs.
const FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "with",
    "by",
    "from",
    "into",
    "after",
    "before",
    "during",
    "as",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "who",
    "which",
    "that",
    "whose",
    "where",
    "when",
    "while",
    "until",
    "near",
    "off",
    "also",
    "then",
    "again",
    "later",
    "himself",
    "herself",
    "themselves",
    "itself",
    "against",
    "under",
    "over",
    "without",
    "than",
    "since",
    "would",
    "will",
    "could",
    "should",
    "did",
    "not",
    "never",
    "soon",
    "once",
    "twice",
    "there",
    "here",
    "all",
    "both",
    "alone",
    "together",
    "instead",
    "up",
    "down",
    "out",
    "across",
    "along",
    "around",
    "about",
    "upon",
];

/// Adverbs allowed between a passive patient and its verb: "-ly" words and a few others.
fn is_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly"))
        || ["also", "then", "later", "soon", "never", "first", "again", "once", "finally"]
            .contains(&w)
}

/// Triggers whose grammatical subject undergoes the event ("X died").
fn undergoer(trigger: &str) -> bool {
    ["died", "dies", "die", "passed away", "perished", "committed suicide"]
        .iter()
        .any(|t| trigger.eq_ignore_ascii_case(t))
}

/// The word right after `span` (one space between), if there is one.
fn next_word(text: &str, span: Span) -> Option<&str> {
    let rest = text.get(span.end..)?.strip_prefix(' ')?;
    let word = rest.split(|c: char| !(c.is_alphanumeric() || c == '-')).next()?;
    (!word.is_empty()).then_some(word)
}

/// True when the mention at `span` owns another noun of the sentence ("all of NASA's
/// footage", "a video of Lee's affairs"): it takes no part in the event. A possessor
/// right before the trigger owns the event itself ("Lincoln's assassination", "Einstein's
/// first marriage"), one right after "TRIGGER of" its object ("the publication of Darwin's
/// Origin").
fn possessor_of_another_noun(text: &str, span: Span, trigger: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    let possessive = ["'s", "\u{2019}s"]
        .iter()
        .filter_map(|p| rest.strip_prefix(p))
        .chain(
            ["'", "\u{2019}"]
                .iter()
                .filter_map(|p| rest.strip_prefix(p))
                .filter(|_| span.slice(text).ends_with('s')),
        )
        .any(|after| !after.starts_with(char::is_alphanumeric));
    let owns_trigger = span.end <= trigger.start
        && text.get(span.end..trigger.start).is_some_and(|gap| {
            gap.len() <= 40
                && !gap.contains([',', ';', '(', ')'])
                && gap.split_whitespace().count() <= 3
        });
    // "the publication of Darwin's Origin": the owner of the event's own object.
    let owns_object = text.get(trigger.end..span.start).is_some_and(|gap| gap == " of ");
    possessive && !owns_trigger && !owns_object
}

/// True when a capitalized word follows `span` directly: the mention is part of a longer
/// name ("Einstein Papers Project") or a title before one ("Flying Officer Lloyd Trigg").
fn part_of_longer_name(text: &str, span: Span) -> bool {
    next_word(text, span).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// True when a lower-case word other than a function word follows `span` directly: the
/// name modifies that noun ("the Paris peace treaty", "the chthonic dragon").
fn modifies_next_noun(text: &str, span: Span) -> bool {
    next_word(text, span).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&&*lower(w))
            && !is_adverb(w)
    })
}

/// True when the trigger is a participle used as an adjective before a noun ("the first
/// democratically elected Government", "newly founded party"): it names no event of the
/// sentence's time, so it takes no date.
fn attributive_participle(text: &str, trigger: &Trigger) -> bool {
    let word = trigger.span.slice(text);
    if !trigger.verb || word.contains(' ') || !word.ends_with("ed") {
        return false;
    }
    let mut before = words_rev(look_back(text, 0, trigger.span.start));
    // A manner adverb ("democratically", "newly"), not "also", "then" or "later".
    let adverb = before.next().is_some_and(|w| w.len() > 4 && w.ends_with("ly"));
    adverb
        && !before.next().is_some_and(|w| AUXILIARIES.contains(&&*w))
        && next_word(text, trigger.span).is_some_and(|w| {
            let w = lower(w);
            !FUNCTION_WORDS.contains(&&*w) && !is_adverb(&w) && w.chars().all(char::is_alphabetic)
        })
}

/// True when the timex at `span` is the year of a name: "the Revolutions of 1989", "the
/// Constitution of 1791" (a capitalized word other than a month, then "of").
fn year_of_a_name(text: &str, span: Span) -> bool {
    let before = look_back(text, 0, span.start);
    let Some(rest) = before.strip_suffix(" of ") else { return false };
    let name = rest.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    name.chars().next().is_some_and(char::is_uppercase)
        && !crate::temporal::MONTH_NAMES.contains(&name)
}

/// True when `span` lies inside one of `names` (in text order, not overlapping): only
/// the last name starting at or before `span` can hold it.
fn inside_any(names: &[Span], span: Span) -> bool {
    let after = names.partition_point(|n| n.start <= span.start);
    after.checked_sub(1).is_some_and(|last| names[last].contains(span))
}

/// How far back a rule reads words before a mention, in bytes: the patterns need at
/// most a few words ("under the command of General"), and reading back to the last
/// white space made the role and locative rules quadratic on text without any.
const LOOK_BACK_BYTES: usize = 256;

/// `text[from..at]`, but no more than its last [`LOOK_BACK_BYTES`]; when cut, the cut
/// moves forward past the next white space so that no part of a word reads as a word.
fn look_back(text: &str, from: usize, at: usize) -> &str {
    let Some(before) = text.get(from..at) else { return "" };
    if before.len() <= LOOK_BACK_BYTES {
        return before;
    }
    let window = &before[ceil_char_boundary(before, before.len() - LOOK_BACK_BYTES)..];
    match window.find(char::is_whitespace) {
        Some(space) => &window[space..],
        None => "",
    }
}

/// Lower-cased words of `s`, punctuation trimmed, in order.
fn words(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    s.split_whitespace().map(word).filter(|w| !w.is_empty())
}

/// For the first four words of `gap` (lower-cased, punctuation trimmed): how many
/// there are (4 means "too many"), whether all pass `test`, and whether the last is
/// a form of "be" (a passive). Four words are enough to know the gap is too long,
/// so a long gap costs no more than a short one.
fn short_gap(gap: &str, test: impl Fn(&str) -> bool) -> (usize, bool, bool) {
    let (mut count, mut all, mut passive) = (0, true, false);
    for w in words(gap).take(4) {
        count += 1;
        all &= test(&w);
        passive = BE_FORMS.contains(&&*w);
    }
    (count, all, passive)
}

/// Lower-cased words of `s`, punctuation trimmed, last first.
fn words_rev(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    s.split_whitespace().rev().map(word).filter(|w| !w.is_empty())
}

/// One word, punctuation trimmed and lower-cased; borrowed when already lower case
/// (most words are), so the role patterns allocate nothing per word.
fn word(w: &str) -> Cow<'_, str> {
    lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
}

/// `w.to_lowercase()`, without allocating for lower-case ASCII.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else if w.is_ascii() {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_wiki_style;
    use crate::gazetteer::GazetteerBuilder;

    const GAZ: &str = "Aldovia\tPLACE\tAldovia\nPort Selm\tPLACE\tPort_Selm\nMarta Quiroga\tPERSON\tMarta_Quiroga\nQuiroga\tPERSON\tMarta_Quiroga\n\
Tomas Irrutia\tPERSON\tTomas_Irrutia\nIrrutia\tPERSON\tTomas_Irrutia\nBattle of Port Selm\tEVENT\tBattle_of_Port_Selm\nAldovian\tDEMONYM\tAldovia\n";

    fn gazetteer() -> Gazetteer {
        GazetteerBuilder::new().add_tsv("test", GAZ).build().expect("test gazetteer")
    }

    fn timex(text: &str, surface: &str, value: &str) -> Timex {
        let start = text.find(surface).expect("surface in text");
        Timex {
            span: Span::new(start, start + surface.len()),
            kind: TimexType::Date,
            value: value.parse().expect("a TIMEX3 value"),
            modifier: None,
            anchor: None,
            parts: Vec::new(),
        }
    }

    fn run(body: &str, dates: &[(&str, &str)]) -> (String, Vec<Event>) {
        let g = gazetteer();
        let article = parse_wiki_style(format!("= T =\n\n{body}\n"), "test", "T");
        let entities = g.find(&article.text);
        let timexes: Vec<Timex> = dates.iter().map(|(s, v)| timex(&article.text, s, v)).collect();
        let events = EventExtractor::new(&g).extract(&article, &entities, &timexes);
        (article.text.clone(), events)
    }

    #[test]
    fn dates_places_and_roles() {
        let (text, events) = run(
            "On 3 May 1901 Marta Quiroga revolted in Aldovia. She marched to Port Selm. The council deposed Tomas Irrutia on 9 June 1901, an uprising led by Quiroga.",
            &[("3 May 1901", "1901-05-03"), ("9 June 1901", "1901-06-09")],
        );
        type Row<'a> = (&'a str, &'a str, Option<String>, bool, Option<&'a str>);
        let got: Vec<Row<'_>> = events
            .iter()
            .map(|e| {
                (
                    e.trigger.slice(&text),
                    e.kind.as_str(),
                    e.date.as_ref().map(|d| d.value.to_string()),
                    e.date.as_ref().is_some_and(|d| d.inherited),
                    e.place.as_ref().map(|p| &*p.id),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("revolted", "REVOLT", Some("1901-05-03".into()), false, Some("Aldovia")),
                ("marched", "MARCH", Some("1901-05-03".into()), true, Some("Port_Selm")),
                ("deposed", "DEPOSITION", Some("1901-06-09".into()), false, None),
                ("uprising", "UPRISING", Some("1901-06-09".into()), false, None),
            ]
        );
        let role =
            |e: &Event, id: &str| e.participants.iter().find(|p| &*p.id == id).and_then(|p| p.role);
        assert_eq!(role(&events[0], "Marta_Quiroga"), Some("agent"));
        assert_eq!(role(&events[2], "Tomas_Irrutia"), Some("patient"));
        assert_eq!(role(&events[3], "Marta_Quiroga"), Some("agent"));
    }

    #[test]
    fn capital_anaphor_and_battle_names() {
        let (text, events) = run(
            "The rebels wanted the capital, Port Selm. They entered the capital at night. The war ended after the Battle of Port Selm, with the withdrawal of the Aldovian fleet.",
            &[],
        );
        let entry = events.iter().find(|e| e.kind == EventType::Entry).expect("entry");
        let place = entry.place.as_ref().expect("place");
        assert_eq!((place.span.slice(&text), &*place.id), ("the capital", "Port_Selm"));
        for kind in ["BATTLE", "WITHDRAWAL"] {
            let e = events.iter().find(|e| e.kind.as_str() == kind).expect(kind);
            assert_eq!(e.place.as_ref().map(|p| &*p.id), Some("Port_Selm"), "{kind}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let g = gazetteer();
        for body in
            ["", ".", "é. É! ??", "fell", "Infobox\n- Date: x", "deposed by", "😀 declared war on"]
        {
            let article = parse_wiki_style(body.to_string(), "t", "t");
            let entities = g.find(&article.text);
            let _ = EventExtractor::new(&g).extract(&article, &entities, &[]);
        }
    }

    #[test]
    fn to_after_an_adjective_is_not_locative() {
        let rows = [
            ("The army marched to Quito", true),
            ("a pact favorable to Quito", false),
            ("troops loyal to the Regent", false),
            ("according to Quito", false),
            ("sailed to northern Quito", true),
            ("he fled into the Quito", true),
        ];
        for (text, expected) in rows {
            let at = text.rfind(|c: char| c.is_uppercase()).unwrap_or(0);
            assert_eq!(governed_by_locative(text, at), expected, "{text}");
        }
    }
}
