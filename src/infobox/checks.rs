//! The check rules: one verdict with evidence per infobox item.

use crate::events::EventType;
use crate::gazetteer::Label;
use std::{
    cell::{OnceCell, RefCell},
    cmp::Ordering,
    collections::HashMap,
    rc::Rc,
    sync::Arc,
};

use super::{
    body::{DateIndex, MentionIndex, NumberIndex, WordIndex},
    schema::{rule, Rule},
    Check, InfoboxReport, InfoboxValidator, Status,
};
use crate::{
    article::{split_list, Article, Infobox, InfoboxField, KeyRole, ValueKind},
    events::{governed_by_locative, Event},
    gazetteer::EntityMention,
    span::Span,
    temporal::{CalendarDate, Precision, Timex, TimexType, TimexValue, YearScale},
};

/// Event types that open a conflict, and that close one (for the Date rule).
const OPENING: &[EventType] = &[
    EventType::Uprising,
    EventType::Revolt,
    EventType::WarDeclaration,
    EventType::Attack,
    EventType::Battle,
    EventType::Seizure,
    EventType::March,
];
const CLOSING: &[EventType] = &[
    EventType::Resignation,
    EventType::Deposition,
    EventType::Withdrawal,
    EventType::Capture,
    EventType::Treaty,
    EventType::Entry,
    EventType::Exile,
    EventType::Refuge,
];

/// Result words and the event types that back them.
const RESULT_WORDS: &[(&[&str], &[EventType])] = &[
    (
        &[
            "overthrown",
            "overthrow",
            "ousted",
            "deposed",
            "toppled",
            "resigned",
            "resignation",
            "abdicated",
            "abdication",
        ],
        &[EventType::Resignation, EventType::Deposition],
    ),
    (
        &["withdrew", "withdrawal", "withdrawn", "retreat", "retreated", "evacuated"],
        &[EventType::Withdrawal],
    ),
    (&["treaty", "peace", "armistice", "agreement"], &[EventType::Treaty]),
    (
        &["captured", "capture", "annexed", "annexation", "occupied", "occupation", "seized"],
        &[EventType::Capture, EventType::Seizure],
    ),
    (
        &["victory", "victorious", "won", "triumph", "success"],
        &[
            EventType::Entry,
            EventType::Capture,
            EventType::Resignation,
            EventType::Deposition,
            EventType::Assumption,
            EventType::Withdrawal,
        ],
    ),
];

/// Words that carry no meaning of their own in a name ("Government of Peru").
pub(super) const STOPWORDS: &[&str] = &[
    "of", "the", "a", "an", "and", "de", "del", "la", "y", "aboard", "in", "at", "on", "for", "to",
    "with", "by",
];

/// Everything the rules look at, computed once per article.
pub(super) struct Ctx<'a> {
    pub(super) v: &'a InfoboxValidator,
    pub(super) text: &'a str,
    /// ASCII-lowercased copy of `text` (same byte offsets).
    pub(super) lower: &'a str,
    pub(super) infobox: &'a Infobox,
    pub(super) title: Option<Span>,
    /// Mentions in the body.
    pub(super) mentions: Vec<&'a EntityMention>,
    /// Every mention by position, and the body's by entity id.
    pub(super) mention_index: MentionIndex<'a>,
    /// Body mentions of places, grouped by the country they lie in, built on first use.
    pub(super) by_country: OnceCell<HashMap<&'a str, Vec<&'a EntityMention>>>,
    /// DATE/TIME timexes of the infobox, and of the body, in text order. Read the
    /// infobox's through [`Ctx::box_dates_in`].
    pub(super) box_dates: Vec<&'a Timex>,
    pub(super) body_dates: Vec<&'a Timex>,
    /// Where every body DATE/TIME timex is, BC ones and those of no known year included,
    /// in text order: their digits are dates, never amounts ("2000 BCE").
    pub(super) body_date_spans: Vec<Span>,
    /// Events with a date of their own sentence.
    pub(super) dated: Vec<&'a Event>,
    pub(super) events: &'a [Event],
    /// Body sentences.
    pub(super) sentences: Vec<Span>,
    /// The body's table cells (header and data rows), in text order: their numbers
    /// may back a number item, never contradict one (a cell has no cue words).
    pub(super) table_cells: Vec<Span>,
    /// Ids of the people the infobox names (commanders, signatories, ...).
    pub(super) people: Vec<Arc<str>>,
    /// Every item's spans: their words are what [`Ctx::find_word`] looks up.
    pub(super) item_spans: Vec<Span>,
    /// Where the items' words stand in the text, built on first use.
    pub(super) word_index: OnceCell<WordIndex>,
    /// The body dates' values, grouped by year, built on first use.
    pub(super) date_index: OnceCell<DateIndex>,
    /// The body's numbers, read once on the first number item (see `facts`).
    pub(super) body_numbers: OnceCell<NumberIndex>,
    /// The names the body gives after each role's cues, found once per role.
    pub(super) role_name_cache: RefCell<super::facts::RoleNames>,
    /// The dates the body gives for each role, found once per role.
    pub(super) role_date_cache: RefCell<super::facts::RoleDates>,
    /// The body numbers right after each role's quantity cues, found once per role.
    pub(super) role_number_cache: RefCell<HashMap<KeyRole, Rc<[usize]>>>,
}

/// One item of a field.
struct Item<'a> {
    field: &'a InfoboxField,
    side: Option<u32>,
    span: Span,
    /// What the key means.
    role: KeyRole,
    /// What the item holds, for the value-driven checks.
    kind: Option<ValueKind>,
    /// All items of the field (an entity contradiction needs none of them named).
    siblings: Arc<[Span]>,
}

pub(super) fn run(
    v: &InfoboxValidator,
    article: &Article,
    infobox: &Infobox,
    entities: &[EntityMention],
    timexes: &[Timex],
    events: &[Event],
) -> InfoboxReport {
    let text = article.text.as_str();
    let in_body =
        |s: Span| !infobox.span.overlaps(s) && !article.title_span.is_some_and(|t| t.overlaps(s));
    let is_date = |t: &&Timex| {
        matches!(t.kind, TimexType::Date | TimexType::Time)
            && t.value.ends().is_some_and(|(a, _)| a.digits.is_some() && !a.bc)
    };
    let mut regions: Vec<Span> = article
        .paragraphs
        .iter()
        .chain(&article.list_items)
        .copied()
        .filter(|s| in_body(*s))
        .collect();
    regions.sort();
    let sentences = regions.iter().flat_map(|r| v.splitter.split_within(text, *r)).collect();
    let mut table_cells: Vec<Span> = article
        .tables
        .iter()
        .flat_map(|t| t.header.iter().chain(t.rows.iter().flatten()))
        .map(|c| c.span)
        .filter(|s| !s.is_empty() && in_body(*s))
        .collect();
    table_cells.sort();
    let lower = text.to_ascii_lowercase();
    let mut mentions: Vec<&EntityMention> = entities.iter().filter(|m| in_body(m.span)).collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let mut ctx = Ctx {
        v,
        text,
        lower: &lower,
        infobox,
        title: article.title_span,
        mention_index: MentionIndex::new(entities, &mentions),
        by_country: OnceCell::new(),
        mentions,
        box_dates: timexes
            .iter()
            .filter(is_date)
            .filter(|t| infobox.span.contains(t.span))
            .collect(),
        body_dates: timexes.iter().filter(is_date).filter(|t| in_body(t.span)).collect(),
        body_date_spans: {
            let mut spans: Vec<Span> = timexes
                .iter()
                .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
                .filter(|t| in_body(t.span))
                .map(|t| t.span)
                .collect();
            spans.sort();
            spans
        },
        dated: events
            .iter()
            .filter(|e| e.date.as_ref().is_some_and(|d| !d.inherited && d.value.year().is_some()))
            .collect(),
        events,
        sentences,
        table_cells,
        people: Vec::new(),
        item_spans: Vec::new(),
        word_index: OnceCell::new(),
        date_index: OnceCell::new(),
        body_numbers: OnceCell::new(),
        role_name_cache: RefCell::default(),
        role_date_cache: RefCell::default(),
        role_number_cache: RefCell::default(),
    };
    // Items of every field, with their rules.
    let mut items: Vec<(Item<'_>, Rule)> = Vec::new();
    for field in &infobox.fields {
        let key = field.key();
        let side = key.side;
        let rule = match infobox.kind.map_or(Rule::Unchecked, |kind| rule(kind, key.role)) {
            Rule::Unchecked => Rule::ByValue,
            r => r,
        };
        let whole = matches!(rule, Rule::ByValue).then(|| ctx.classify(key.role, field.value_span));
        let spans: Vec<Span> = match (rule, whole) {
            (Rule::ByValue, Some(ValueKind::Date | ValueKind::Number | ValueKind::Technical)) => {
                vec![field.value_span]
            }
            (Rule::ByValue, Some(ValueKind::Text)) if key.role.value_kind() == ValueKind::Text => {
                vec![field.value_span]
            }
            (Rule::EventRange | Rule::Tenure | Rule::Date(_) | Rule::Title, _) => {
                vec![field.value_span]
            }
            _ => split_list(text, field.value_span),
        };
        let siblings: Arc<[Span]> = spans.clone().into();
        for span in spans {
            let kind = match (rule, whole) {
                (Rule::ByValue, Some(k)) if spans_is_whole(span, field) => Some(k),
                _ => Some(ctx.classify(key.role, span)),
            };
            let siblings = siblings.clone();
            items.push((Item { field, side, span, role: key.role, kind, siblings }, rule));
        }
    }
    ctx.item_spans = items.iter().map(|(item, _)| item.span).collect();
    ctx.people = items
        .iter()
        .filter(|(_, r)| matches!(r, Rule::Persons))
        .filter_map(|(item, _)| ctx.link(item.span).map(|(id, _)| id))
        .collect();
    let mut checks = Vec::with_capacity(items.len());
    for (item, rule) in &items {
        checks.push(ctx.check(item, *rule));
    }
    InfoboxReport { kind: infobox.kind, checks }
}

/// The item is the field's whole value.
fn spans_is_whole(span: Span, field: &InfoboxField) -> bool {
    span == field.value_span
}

/// The first date of a value (a range's start).
fn first(value: &TimexValue) -> Option<CalendarDate> {
    value.ends().map(|(a, _)| a)
}

/// `a` before `b` (its interval ends before `b`'s begins), after, or overlapping
/// (`Equal`, also when either has no interval).
fn order(a: Option<CalendarDate>, b: &CalendarDate) -> Ordering {
    match (a.and_then(|a| a.interval()), b.interval()) {
        (Some((_, ahi)), Some((blo, _))) if ahi < blo => Ordering::Less,
        (Some((alo, _)), Some((_, bhi))) if alo > bhi => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

/// `body` falls on `boxed` at the infobox's precision, which is a year or finer (a
/// finer body date counts).
fn falls_on(boxed: &CalendarDate, body: &CalendarDate) -> bool {
    boxed.scale == YearScale::Year
        && match (boxed.interval(), body.interval()) {
            (Some((lo, hi)), Some((blo, bhi))) => lo <= blo && bhi <= hi,
            _ => false,
        }
}

impl<'a> Ctx<'a> {
    pub(super) fn slice(&self, s: Span) -> &'a str {
        s.slice(self.text)
    }

    /// `s` lies outside the infobox and the title line.
    pub(super) fn in_body_span(&self, s: Span) -> bool {
        !self.infobox.span.overlaps(s) && !self.title.is_some_and(|t| t.overlaps(s))
    }

    /// The entity an item names: a mention covering most of it, a country code, or a
    /// gazetteer surface.
    pub(super) fn link(&self, item: Span) -> Option<(Arc<str>, Label)> {
        let best = self
            .mention_index
            .starting_in(item)
            .iter()
            .filter(|m| {
                item.contains(m.span)
                    && m.span.len() * 10 >= item.len() * 6
                    && m.label != Label::Demonym
            })
            .max_by_key(|m| m.span.len());
        if let Some(m) = best {
            return Some((m.id.clone(), m.label));
        }
        let surface = self.slice(item);
        if (2..=3).contains(&surface.len()) && surface.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some((id, _)) = self.v.codes.get(surface) {
                return Some((id.clone(), Label::Place));
            }
        }
        self.v.gazetteer.lookup(surface).map(|e| (e.id.clone(), e.label))
    }

    fn check(&self, item: &Item<'_>, rule: Rule) -> Check {
        let value = self.slice(item.span).to_string();
        let mut check = Check {
            field: item.field.key.clone(),
            value,
            span: item.span,
            status: Status::Unchecked,
            normalized: None,
            evidence: Vec::new(),
            message: String::new(),
            side: item.side,
            value_kind: item.kind,
        };
        let verdict = match rule {
            Rule::EventRange => self.event_range(item, &mut check),
            Rule::Tenure => self.tenure(item, &mut check),
            Rule::Date(kinds) => self.single_date(item.span, kinds, &mut check),
            Rule::DateThenPlaces(kinds) => {
                if !self.box_dates_in(item.span).is_empty()
                    || self.slice(item.span).contains(|c: char| c.is_ascii_digit())
                {
                    self.single_date(item.span, kinds, &mut check)
                } else {
                    self.places(item, false, &mut check)
                }
            }
            Rule::EventPlaces => self.places(item, true, &mut check),
            Rule::Places => self.places(item, false, &mut check),
            Rule::Persons => self.persons(item, &mut check),
            Rule::Parties => self.parties(item, &mut check),
            Rule::Result => self.result(item, &mut check),
            Rule::Title => self.words(item.span, true, &mut check),
            Rule::ByValue => {
                let kind = item.kind.unwrap_or(ValueKind::Text);
                self.by_value(item.role, kind, item.span, &item.siblings, &mut check)
            }
            Rule::Unchecked => {
                (Status::Unchecked, format!("no rule checks the field {:?}", item.field.key))
            }
        };
        check.status = verdict.0;
        check.message = verdict.1;
        check
    }

    /// Body mentions of `id` (a DEMONYM mention counts when `demonyms`).
    pub(super) fn mentions_of(&self, id: &str, demonyms: bool) -> Vec<&'a EntityMention> {
        self.mention_index
            .body_mentions_of(id)
            .iter()
            .copied()
            .filter(|m| demonyms || m.label != Label::Demonym)
            .collect()
    }

    fn persons(&self, item: &Item<'_>, check: &mut Check) -> (Status, String) {
        let Some((id, _)) = self.link(item.span) else {
            // An unlinked name: in full or by the same person's surname, never by its
            // words scattered over the body.
            let found = self.name_evidence(ValueKind::Person, item.span, None);
            let Some(first) = found.first() else {
                return (
                    Status::Unsupported,
                    format!("{} is never named in the body", check.value),
                );
            };
            check.evidence = found.iter().take(3).copied().collect();
            return (
                Status::Supported,
                format!(
                    "named {} times in the body (first as {:?})",
                    found.len(),
                    self.slice(*first)
                ),
            );
        };
        check.normalized = Some(id.to_string());
        let found = self.mentions_of(&id, false);
        if found.is_empty() {
            return (Status::Unsupported, format!("{} is never named in the body", check.value));
        }
        check.evidence = found.iter().take(3).map(|m| m.span).collect();
        (
            Status::Supported,
            format!(
                "named {} times in the body (first as {:?})",
                found.len(),
                self.slice(found[0].span)
            ),
        )
    }

    fn parties(&self, item: &Item<'_>, check: &mut Check) -> (Status, String) {
        if let Some((id, _)) = self.link(item.span) {
            check.normalized = Some(id.to_string());
            let found = self.mentions_of(&id, true);
            if let Some(first) = found.first() {
                check.evidence = found.iter().take(3).map(|m| m.span).collect();
                let by_demonym = found.iter().filter(|m| m.label == Label::Demonym).count();
                return (
                    Status::Supported,
                    format!(
                        "named {} times in the body, {by_demonym} of them by its demonym (first as {:?})",
                        found.len(),
                        self.slice(first.span)
                    ),
                );
            }
        }
        self.words(item.span, true, check)
    }

    fn places(&self, item: &Item<'_>, locative: bool, check: &mut Check) -> (Status, String) {
        // A place's name said in words needs them in one sentence: "Caribbean" in one
        // and "sea" in another are not the Caribbean Sea.
        let Some((id, _)) = self.link(item.span) else {
            return self.words(item.span, false, check);
        };
        check.normalized = Some(id.to_string());
        if !locative {
            // A person's Born/Died place: a mention is enough, or a mention of a place
            // that lies in it ("died in Paris" backs "France").
            let verdict = self.parties(item, check);
            if verdict.0 == Status::Supported {
                return verdict;
            }
            return self.inside(&id, false, check).unwrap_or(verdict);
        }
        let named = self.mentions_of(&id, false);
        let at: Vec<Span> = named
            .iter()
            .filter(|m| governed_by_locative(self.text, m.span.start))
            .map(|m| m.span)
            .collect();
        let event_places: Vec<&Event> =
            self.events.iter().filter(|e| e.place.as_ref().is_some_and(|p| p.id == id)).collect();
        if !at.is_empty() || !event_places.is_empty() {
            check.evidence = at
                .iter()
                .take(2)
                .copied()
                .chain(event_places.iter().take(2).map(|e| e.trigger))
                .collect();
            check.evidence.sort();
            check.evidence.dedup();
            let first =
                at.first().map_or_else(|| self.slice(event_places[0].trigger), |s| self.slice(*s));
            return (
                Status::Supported,
                format!(
                    "the body places things there ({} locative mentions, {} events; first {:?})",
                    at.len(),
                    event_places.len(),
                    first
                ),
            );
        }
        if let Some(verdict) = self.inside(&id, true, check) {
            return verdict;
        }
        if named.is_empty() {
            // An article-local name ("aboard a Spanish warship") may still be said in other words.
            return self.words(item.span, false, check);
        }
        check.evidence = named.iter().take(2).map(|m| m.span).collect();
        (
            Status::Unsupported,
            format!(
                "named {} times in the body, but never as where the events happened",
                named.len()
            ),
        )
    }

    /// Support for country `id` from the places that lie in it (the gazetteers' ISO
    /// alpha-2 column): their mentions (only locative ones when `locative`) and the
    /// events located there. `None` when there is none.
    pub(super) fn inside(
        &self,
        id: &str,
        locative: bool,
        check: &mut Check,
    ) -> Option<(Status, String)> {
        let within = |place: &str| self.v.country_of.get(place).is_some_and(|c| &**c == id);
        let by_country = self.by_country.get_or_init(|| {
            let mut index: HashMap<&str, Vec<&EntityMention>> = HashMap::new();
            for m in &self.mentions {
                if let Some(country) = self.v.country_of.get(&m.id) {
                    index.entry(&**country).or_default().push(*m);
                }
            }
            index
        });
        let mentions: Vec<&EntityMention> = by_country
            .get(id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|m| !locative || governed_by_locative(self.text, m.span.start))
            .collect();
        let events: Vec<&Event> = if locative {
            self.events.iter().filter(|e| e.place.as_ref().is_some_and(|p| within(&p.id))).collect()
        } else {
            Vec::new()
        };
        let first = match (mentions.first(), events.first()) {
            (Some(m), _) => self.slice(m.span),
            (None, Some(e)) => e.place.as_ref().map_or("", |p| self.slice(p.span)),
            (None, None) => return None,
        };
        check.evidence = mentions
            .iter()
            .take(2)
            .map(|m| m.span)
            .chain(events.iter().take(2).map(|e| e.trigger))
            .collect();
        check.evidence.sort();
        check.evidence.dedup();
        let country = id.replace('_', " ");
        Some((
            Status::Supported,
            if locative {
                format!(
                    "the body places things in {first:?}, which lies in {country} ({} locative mentions, {} events there)",
                    mentions.len(),
                    events.len()
                )
            } else {
                format!("the body names {first:?}, which lies in {country}")
            },
        ))
    }

    /// Literal phrase, else every content word (a country's word also matches its
    /// demonym: "Peru" <- "Peruvian"), preferably within one sentence; across the body
    /// only when `scattered` allows it.
    fn words(&self, item: Span, scattered: bool, check: &mut Check) -> (Status, String) {
        let phrase = self.slice(item).trim();
        if phrase.is_empty() {
            return (Status::Unchecked, "empty value".into());
        }
        let literal = self.find_word(&phrase.to_ascii_lowercase());
        if !literal.is_empty() {
            check.evidence = literal.into_iter().take(2).collect();
            return (Status::Supported, "the body says it word for word".into());
        }
        let words: Vec<&str> = phrase
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty() && !STOPWORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        if words.is_empty() {
            return (Status::Unchecked, "no word to look for".into());
        }
        let mut hits: Vec<Vec<Span>> = Vec::new();
        for w in &words {
            let mut spans = self.find_word(&w.to_ascii_lowercase());
            if let Some(e) = self.v.gazetteer.lookup(w) {
                spans.extend(self.mentions_of(&e.id, true).iter().map(|m| m.span));
            }
            spans.sort();
            if spans.is_empty() {
                return (Status::Unsupported, format!("the body never says {w:?}"));
            }
            hits.push(spans);
        }
        let together = self.sentence_with_all(&hits);
        if together.is_none() && !scattered {
            return (
                Status::Unsupported,
                format!("the body never says {phrase:?}, and its words are in no one sentence"),
            );
        }
        check.evidence = match together {
            Some(s) => {
                hits.iter().filter_map(|h| h.iter().find(|x| s.contains(**x)).copied()).collect()
            }
            None => hits.iter().filter_map(|h| h.first().copied()).collect(),
        };
        check.evidence.sort();
        let where_ = if together.is_some() { "in one sentence" } else { "across the body" };
        (
            Status::Supported,
            format!("no exact mention, but the body has its words {where_}: {}", words.join(", ")),
        )
    }

    /// The first body sentence that holds one span of every list of `hits`: each span's
    /// sentence is found by binary search (sentences are in text order).
    fn sentence_with_all(&self, hits: &[Vec<Span>]) -> Option<&Span> {
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for (n, spans) in hits.iter().enumerate() {
            let mut mine: Vec<usize> = spans
                .iter()
                .filter_map(|x| {
                    let i = self.sentences.partition_point(|s| s.end < x.end);
                    self.sentences.get(i).filter(|s| s.contains(*x)).map(|_| i)
                })
                .collect();
            mine.sort_unstable();
            mine.dedup();
            for i in mine {
                let count = seen.entry(i).or_default();
                if *count == n {
                    *count += 1;
                }
            }
        }
        let first = seen.into_iter().filter(|(_, c)| *c == hits.len()).map(|(i, _)| i).min()?;
        self.sentences.get(first)
    }

    /// The words that can anchor a look-up (every item's words but small ones, and each
    /// item's acronym), indexed in the text.
    fn index_item_words(&self) -> WordIndex {
        let mut words = Vec::new();
        for item in &self.item_spans {
            let lower = &self.lower[item.start..item.end];
            let all: Vec<&str> =
                lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            // Small words ("of", "the") only when an item has no longer one.
            let longest =
                all.iter().copied().fold("", |a, w| if w.len() > a.len() { w } else { a });
            words.push(longest.to_string());
            words.extend(all.iter().filter(|w| !STOPWORDS.contains(w)).map(|w| w.to_string()));
            if let Some(short) = super::facts::acronym(self.slice(*item)) {
                words.push(short.to_ascii_lowercase());
            }
        }
        WordIndex::new(self.lower, words)
    }

    /// Whole-word, ASCII-case-insensitive occurrences of `needle` (lowercase) in the
    /// body; a plural "s" is allowed.
    pub(super) fn find_word(&self, needle: &str) -> Vec<Span> {
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        // Candidates from the word index (one build per article, so that checking every
        // item stays linear); a needle that opens with punctuation falls back to a scan.
        // The needle's longest word anchors it: common short words ("the", "of") are
        // not indexed.
        let (offset, anchor) = needle
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| (w.as_ptr() as usize - needle.as_ptr() as usize, w))
            .fold((0, ""), |best, w| if w.1.len() > best.1.len() { w } else { best });
        let index = self.word_index.get_or_init(|| self.index_item_words());
        let indexed = (!anchor.is_empty())
            .then(|| index.starts(anchor).zip(index.starts(&format!("{anchor}s"))))
            .flatten();
        let candidates: Vec<usize> = match indexed {
            Some((word, plural)) => {
                let mut at: Vec<usize> = word
                    .iter()
                    .chain(plural)
                    .filter_map(|&at| (at as usize).checked_sub(offset))
                    .filter(|&at| self.lower.get(at..).is_some_and(|s| s.starts_with(needle)))
                    .collect();
                at.sort_unstable();
                at
            }
            None => self.lower.match_indices(needle).map(|(at, _)| at).collect(),
        };
        for at in candidates {
            let mut end = at + needle.len();
            let before = self.lower[..at].chars().next_back();
            let mut after = self.lower[end..].chars().next();
            if after == Some('s') {
                let next = self.lower[end + 1..].chars().next();
                if !next.is_some_and(char::is_alphanumeric) {
                    end += 1;
                    after = next;
                }
            }
            let span = Span::new(at, end);
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if self.infobox.span.overlaps(span) || self.title.is_some_and(|t| t.overlaps(span)) {
                continue;
            }
            out.push(span);
        }
        out
    }

    /// The infobox dates overlapping `span`, in text order (the tagger's timexes do not
    /// overlap: `temporal::patterns::find`), found without a scan of the whole infobox per
    /// item (a long infobox has thousands of items).
    pub(super) fn box_dates_in(&self, span: Span) -> &[&'a Timex] {
        crate::span::overlapping(&self.box_dates, span, |t| t.span)
    }

    /// The date value(s) of the infobox inside `span`: (start, end).
    pub(super) fn box_range(&self, span: Span) -> Option<(CalendarDate, CalendarDate)> {
        let inside = self.box_dates_in(span);
        let (start, _) = inside.first()?.value.ends()?;
        let (_, end) = inside.last()?.value.ends()?;
        Some((start, end))
    }

    fn involves_people(&self, e: &Event) -> bool {
        e.participants.iter().any(|p| self.people.contains(&p.id))
    }

    fn describe(&self, e: &Event) -> String {
        match &e.date {
            Some(d) => format!("{} {:?} on {}", e.kind, self.slice(e.trigger), d.value),
            None => format!("{} {:?} (undated)", e.kind, self.slice(e.trigger)),
        }
    }

    fn event_range(&self, item: &Item<'_>, check: &mut Check) -> (Status, String) {
        let Some((start, end)) = self.box_range(item.span) else {
            return (Status::Unchecked, "no date recognized in this value".into());
        };
        check.normalized =
            Some(if start == end { start.to_string() } else { format!("{start}/{end}") });
        let date_of = |e: &Event| e.date.as_ref().and_then(|d| first(&d.value));
        let on = |boxed: &CalendarDate, e: &Event| date_of(e).is_some_and(|d| falls_on(boxed, &d));
        let starts: Vec<&Event> = self.dated.iter().copied().filter(|e| on(&start, e)).collect();
        let finishes: Vec<&Event> = self.dated.iter().copied().filter(|e| on(&end, e)).collect();
        let before: Vec<&Event> = self
            .dated
            .iter()
            .copied()
            .filter(|e| order(date_of(e), &start) == Ordering::Less)
            .collect();
        let after: Vec<&Event> = self
            .dated
            .iter()
            .copied()
            .filter(|e| order(date_of(e), &end) == Ordering::Greater)
            .collect();
        let outside = format!(
            "{} background event(s) before{}, {} aftermath event(s) after{}",
            before.len(),
            before.first().map_or(String::new(), |e| format!(" (first: {})", self.describe(e))),
            after.len(),
            after.first().map_or(String::new(), |e| format!(" (first: {})", self.describe(e)))
        );
        let evidence =
            |e: &Event| [Some(e.trigger), e.date.as_ref().map(|d| d.span)].into_iter().flatten();
        if let (Some(s), Some(f)) = (starts.first(), finishes.last()) {
            check.evidence = evidence(s).chain(evidence(f)).collect();
            check.evidence.sort();
            check.evidence.dedup();
            return (
                Status::Supported,
                format!(
                    "starts with {}, ends with {}; {outside}",
                    self.describe(s),
                    self.describe(f)
                ),
            );
        }
        // The range leaves out an opening (closing) event of the infobox's own people.
        let excluded_open = if starts.is_empty() {
            before.iter().copied().find(|e| OPENING.contains(&e.kind) && self.involves_people(e))
        } else {
            None
        };
        let excluded_close = if finishes.is_empty() {
            after.iter().copied().find(|e| CLOSING.contains(&e.kind) && self.involves_people(e))
        } else {
            None
        };
        if let Some(e) = excluded_open.or(excluded_close) {
            check.evidence = evidence(e).collect();
            let side = if excluded_open.is_some() { "before the start" } else { "after the end" };
            return (
                Status::Contradicted,
                format!("the body dates {} {side} {start}/{end}", self.describe(e)),
            );
        }
        for e in starts.iter().take(1).chain(finishes.iter().take(1)) {
            check.evidence.extend(evidence(e));
        }
        let (start, end) = (start.to_string(), end.to_string());
        let missing: Vec<&str> =
            [(starts.is_empty(), start.as_str()), (finishes.is_empty(), end.as_str())]
                .into_iter()
                .filter(|(m, _)| *m)
                .map(|(_, d)| d)
                .collect();
        let last_in =
            self.dated.iter().copied().rfind(|e| !after.iter().any(|a| std::ptr::eq(*a, *e)));
        (
            Status::Unsupported,
            format!(
                "no dated body event on {}{}; {outside}",
                missing.join(" or "),
                last_in
                    .map_or(String::new(), |e| format!(" (last in range: {})", self.describe(e)))
            ),
        )
    }

    fn tenure(&self, item: &Item<'_>, check: &mut Check) -> (Status, String) {
        let Some((start, end)) = self.box_range(item.span) else {
            return (Status::Unchecked, "no date recognized in this value".into());
        };
        check.normalized = Some(format!("{start}/{end}"));
        // One date inside the other, each a year or finer.
        let nested = |a: &CalendarDate, b: &CalendarDate| falls_on(a, b) || falls_on(b, a);
        let backing = |boxed: &CalendarDate| -> Option<Span> {
            self.body_dates
                .iter()
                .find(|t| {
                    t.value.ends().is_some_and(|(x, y)| nested(boxed, &x) || nested(boxed, &y))
                })
                .map(|t| t.span)
        };
        match (backing(&start), backing(&end)) {
            (Some(a), Some(b)) => {
                check.evidence = vec![a, b];
                check.evidence.dedup();
                (
                    Status::Supported,
                    format!("the body dates both ends ({:?}, {:?})", self.slice(a), self.slice(b)),
                )
            }
            (a, b) => {
                check.evidence = a.into_iter().chain(b).collect();
                let missing = if a.is_none() { start } else { end }.to_string();
                (Status::Unsupported, format!("no body date matches {missing}"))
            }
        }
    }

    fn single_date(&self, span: Span, kinds: &[EventType], check: &mut Check) -> (Status, String) {
        let Some((value, _)) = self.box_range(span) else {
            return (Status::Unchecked, "no date recognized in this value".into());
        };
        check.normalized = Some(value.to_string());
        let same: Vec<Span> = self
            .body_dates
            .iter()
            .filter(|t| {
                t.value.ends().is_some_and(|(a, b)| falls_on(&value, &a) || falls_on(&value, &b))
            })
            .map(|t| t.span)
            .collect();
        if !same.is_empty() {
            check.evidence = same.iter().take(2).copied().collect();
            return (
                Status::Supported,
                format!("the body gives the same date ({:?})", self.slice(same[0])),
            );
        }
        let elsewhere = self.dated.iter().find(|e| {
            kinds.contains(&e.kind)
                && e.date.as_ref().is_some_and(|d| {
                    // As precise as the infobox (down to the day), and elsewhere.
                    first(&d.value).is_some_and(|f| {
                        (matches!(d.value, TimexValue::Range(..))
                            || f.precision() >= value.precision().min(Precision::Day))
                            && !falls_on(&value, &f)
                    })
                })
        });
        if let Some(e) = elsewhere {
            check.evidence =
                [Some(e.trigger), e.date.as_ref().map(|d| d.span)].into_iter().flatten().collect();
            return (Status::Contradicted, format!("the body dates {}", self.describe(e)));
        }
        (Status::Unsupported, format!("no body date matches {value}"))
    }

    fn result(&self, item: &Item<'_>, check: &mut Check) -> (Status, String) {
        let lower = self.slice(item.span).to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        let Some((word, kinds)) = RESULT_WORDS
            .iter()
            .find_map(|(ws, kinds)| ws.iter().find(|w| words.contains(w)).map(|w| (*w, *kinds)))
        else {
            return (Status::Unchecked, "no rule for this outcome".into());
        };
        let mut backing: Vec<&Event> =
            self.dated.iter().copied().filter(|e| kinds.contains(&e.kind)).collect();
        if backing.is_empty() {
            backing = self.events.iter().filter(|e| kinds.contains(&e.kind)).collect();
        }
        // The infobox's own people first, then text order.
        backing.sort_by_key(|e| (!self.involves_people(e), e.trigger.start));
        let Some(first) = backing.first() else {
            return (
                Status::Unsupported,
                format!(
                    "no {} event in the body backs {word:?}",
                    kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join("/")
                ),
            );
        };
        check.evidence = backing.iter().take(2).map(|e| e.trigger).collect();
        check.evidence.sort();
        let who: Vec<&str> = first
            .participants
            .iter()
            .filter(|p| self.people.contains(&p.id))
            .map(|p| self.slice(p.span))
            .collect();
        let who = if who.is_empty() { String::new() } else { format!(" ({})", who.join(", ")) };
        (Status::Supported, format!("{word:?} is backed by {}{who}", self.describe(first)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_helpers() {
        let d = |s: &str| s.parse::<CalendarDate>().unwrap();
        let v = |s: &str| s.parse::<TimexValue>().unwrap();
        assert_eq!(first(&v("1865-02-28/1865-11-08")), Some(d("1865-02-28")));
        assert!(falls_on(&d("1865-11-08"), &d("1865-11-08")));
        assert!(falls_on(&d("1865"), &d("1865-11-08TAF")));
        assert!(!falls_on(&d("1865-11-08"), &d("1865-11")));
        assert!(!falls_on(&d("186"), &d("1865")));
        assert_eq!(order(Some(d("1864-04-14")), &d("1865")), Ordering::Less);
        assert_eq!(order(Some(d("1865-11-25")), &d("1865-11-08")), Ordering::Greater);
        assert_eq!(order(Some(d("1865")), &d("1865-11-08")), Ordering::Equal);
        assert_eq!(order(None, &d("1865")), Ordering::Equal);
    }
}
