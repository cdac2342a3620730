//! Checks driven by what a value is, for every infobox field that no per-template rule
//! covers: each item is classified ([`ValueKind`]) from its rendered content and its key's
//! role, then checked as a date, an entity or a number.
//!
//! - **Dates** are supported by a body date at the value's precision. The role's own
//!   dates come first: a date right after one of the role's cue words ("born 14 March
//!   1879", "founded in 1937"), the lead's "(14 March 1879 – 18 April 1955)" for birth
//!   and death (two dates or one range), and event frames of the role's types. A lead
//!   role date that differs contradicts the value; another role date that differs
//!   leaves it unsupported; otherwise any body date on the value supports it. A value
//!   with a clock time needs the body to give the time too.
//! - **Entities** are supported by a body mention of the same entity (link target or
//!   alias: the same id), the name word for word, the same person's surname, the name
//!   without its company words, or an acronym. Never by words scattered over the body. An entity the body never names is
//!   contradicted when the body names another one right after the role's cue ("born in
//!   X" against a birth place) and X is none of the field's items.
//! - **Numbers** are supported by a body number within either side's rounding, across
//!   units (the `{{convert}}` renderings: m/ft, km/mi, km²/sq mi, kg/lb, ha/acres),
//!   never by the digits of a body date; a table cell that holds one figure of three
//!   significant digits or more counts as the prose does.
//!   Contradicted when a body sentence that names the role's quantity ("a population
//!   of") gives another value in the same dimension, of the same quantity: within a
//!   factor of ten, not a share, and for a yearly figure not one given with its date.
//! - **Text and technical values** (captions, images, websites, identifiers) are not
//!   checked, and the coverage figures do not count them.

use std::{rc::Rc, sync::Arc};

use super::{
    body::{DateIndex, NumberIndex},
    checks::{Ctx, STOPWORDS},
    Check, Status,
};
use crate::{
    article::{split_list, KeyRole, ValueKind},
    events::EventType,
    gazetteer::{person_titles::is_title_before_name, EntityMention, Label},
    span::Span,
    temporal::{number_word, Timex, TimexValue},
};

/// How many body sentences make the lead, whose dates may contradict a date item.
const LEAD_SENTENCES: usize = 2;

/// Words skipped between a cue and the name it introduces ("born in the village of").
const NAME_FILLERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "village", "town", "city", "of"];

/// Small words that open a sentence, capitalized there ("Then Harris ...").
const OPENERS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "after", "before", "when",
    "then", "but", "and", "as", "while", "although", "later", "however", "both", "that", "this",
    "if", "so", "of", "to", "under", "since", "during", "until", "though", "where",
];

/// Words that say what kind of organization a name is, not which one ("Jarrolds
/// Publishing", "Del Rey Books"): a body may leave them out.
const COMPANY_WORDS: &[&str] = &[
    "publishing",
    "publishers",
    "publisher",
    "press",
    "books",
    "records",
    "recordings",
    "studios",
    "studio",
    "company",
    "co",
    "corporation",
    "corp",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "plc",
    "gmbh",
    "group",
    "holdings",
];

/// `name` without its trailing company words, when something distinctive is left (a
/// capitalized word of three letters or more).
fn without_company_words(name: &str) -> Option<&str> {
    let mut head = name.trim();
    let mut cut = false;
    while let Some((rest, last)) = head.rsplit_once(' ') {
        let word = last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !COMPANY_WORDS.contains(&word.as_str()) {
            break;
        }
        head = rest.trim_end_matches([' ', ',', '&']).trim_end();
        cut = true;
    }
    let distinctive = head.split_whitespace().any(|w| {
        w.chars().count() >= 3
            && w.starts_with(char::is_uppercase)
            && !STOPWORDS.contains(&w.to_lowercase().as_str())
    });
    (cut && distinctive).then_some(head)
}

/// Multiplier words after a number.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];

/// Units: spelling -> (dimension, factor to the dimension's base unit).
const UNITS: &[(&str, &str, f64)] = &[
    ("km2", "area", 1e6),
    ("km²", "area", 1e6),
    ("sq km", "area", 1e6),
    ("sqkm", "area", 1e6),
    ("square kilometres", "area", 1e6),
    ("square kilometers", "area", 1e6),
    ("sq mi", "area", 2_589_988.11),
    ("sqmi", "area", 2_589_988.11),
    ("square miles", "area", 2_589_988.11),
    ("mi2", "area", 2_589_988.11),
    ("mi²", "area", 2_589_988.11),
    ("ha", "area", 1e4),
    ("hectares", "area", 1e4),
    ("acres", "area", 4046.856),
    ("m2", "area", 1.0),
    ("m²", "area", 1.0),
    ("km", "length", 1e3),
    ("kilometres", "length", 1e3),
    ("kilometers", "length", 1e3),
    ("mi", "length", 1609.344),
    ("miles", "length", 1609.344),
    ("m", "length", 1.0),
    ("metres", "length", 1.0),
    ("meters", "length", 1.0),
    ("ft", "length", 0.3048),
    ("feet", "length", 0.3048),
    ("foot", "length", 0.3048),
    ("cm", "length", 0.01),
    ("inches", "length", 0.0254),
    ("kg", "mass", 1.0),
    ("kilograms", "mass", 1.0),
    ("t", "mass", 1e3),
    ("tonnes", "mass", 1e3),
    ("lb", "mass", 0.453_592),
    ("pounds", "mass", 0.453_592),
];

/// Names the body gives after a role's cues: role -> (name span, entity id if linked).
pub(super) type RoleNames = std::collections::HashMap<KeyRole, Vec<(Span, Option<Arc<str>>)>>;

/// Dates the body gives for a role: (TIMEX3 value, span, strong enough to contradict).
pub(super) type RoleDates = std::collections::HashMap<KeyRole, Rc<[(String, Span, bool)]>>;

/// A number read from text: its value, the step it was rounded to, its dimension.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Quantity {
    /// The value in the dimension's base unit.
    pub(super) value: f64,
    /// The step it was rounded to, in the same unit.
    pub(super) step: f64,
    /// `length`, `area`, `mass`; `None` for a count.
    pub(super) dimension: Option<&'static str>,
    /// Where it is written.
    pub(super) span: Span,
    /// The value and step as written, before the unit's factor ("663,268 sqmi" ->
    /// 663,268): a box value without a unit is compared with these.
    pub(super) written: (f64, f64),
    /// Written as an ordinal ("24th"): a rank, not an amount.
    pub(super) ordinal: bool,
    /// The word right after it ("6 Republicans"): what a count counts.
    pub(super) noun: Option<Span>,
}

impl Quantity {
    /// Equal within the coarser rounding of the two, in the same dimension (a count
    /// has none; a count meets a measure as the measure is written). The reference that
    /// [`NumberIndex::agreeing`] answers by look-up.
    #[cfg(test)]
    fn agrees(&self, other: &Quantity) -> bool {
        let (value, step) = match (self.dimension, other.dimension) {
            (None, Some(_)) => other.written,
            (a, b) if a == b => (other.value, other.step),
            _ => return false,
        };
        (self.value - value).abs() <= self.step.max(step) / 2.0 + 1e-9
    }
}

/// Read the numbers of `s` (at byte `base` in the text), with a multiplier word and a
/// unit when one follows; number words up to twenty count as integers.
pub(super) fn quantities(s: &str, base: usize) -> Vec<Quantity> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if bytes[i].is_ascii_digit()
            && (i == 0 || !matches!(bytes[i - 1], b'.' | b'-' | b'/'))
            && starts_word
        {
            let mut j = i;
            let mut digits = String::new();
            let mut decimals: Option<usize> = None;
            while j < bytes.len() {
                let b = bytes[j];
                let next_digit = bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
                if b.is_ascii_digit() {
                    digits.push(b as char);
                    if let Some(d) = decimals.as_mut() {
                        *d += 1;
                    }
                } else if b == b',' && next_digit && decimals.is_none() {
                } else if b == b'.' && next_digit && decimals.is_none() {
                    digits.push('.');
                    decimals = Some(0);
                } else {
                    break;
                }
                j += 1;
            }
            let Ok(mut value) = digits.parse::<f64>() else {
                i = j.max(i + 1);
                continue;
            };
            let mut step = 10f64.powi(-(decimals.unwrap_or(0) as i32));
            if decimals.is_none() {
                // Trailing zeros of a whole number are rounding ("3,400,000").
                let zeros = digits.len() - digits.trim_end_matches('0').len();
                // The last zero may be significant: "1,000" is rounded to hundreds.
                if zeros > 1 && zeros < digits.len() {
                    step = 10f64.powi(zeros as i32 - 1);
                }
            }
            let (mult, after) = multiplier(&s[j..]);
            value *= mult;
            step *= mult;
            let (dimension, factor, unit_len) = unit(&s[j + after..]);
            let suffix = s[j..].get(..2).unwrap_or("").to_ascii_lowercase();
            let ordinal = after == 0
                && unit_len == 0
                && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
                && !s[j + 2..].starts_with(|c: char| c.is_alphanumeric());
            let end = j + after + unit_len + if ordinal { 2 } else { 0 };
            out.push(Quantity {
                value: value * factor,
                step: step * factor,
                written: (value, step),
                dimension,
                span: Span::new(base + i, base + end),
                ordinal,
                noun: noun_after(&s[end..], base + end),
            });
            i = j.max(i + 1);
            continue;
        }
        if starts_word && bytes[i].is_ascii_alphabetic() {
            // Bytes, not chars: a non-ASCII character's first byte ends the word as the
            // character would.
            let end =
                bytes[i..].iter().position(|b| !b.is_ascii_alphabetic()).map_or(s.len(), |e| i + e);
            // Number words for small counts ("seven series"): zero to twenty, none
            // longer than "seventeen", lowercased on the stack; a word that cannot be
            // one is turned away before the look-up.
            let mut buffer = [0u8; 9];
            let word = buffer.get_mut(..end - i).filter(|_| may_be_number_word(&bytes[i..end]));
            let word = word.map(|b| {
                b.copy_from_slice(&bytes[i..end]);
                b.make_ascii_lowercase();
                &*b
            });
            let word = word.and_then(|w| std::str::from_utf8(w).ok());
            if let Some(n) = word.and_then(number_word).filter(|&n| n <= 20) {
                out.push(Quantity {
                    value: n as f64,
                    step: 1.0,
                    written: (n as f64, 1.0),
                    dimension: None,
                    span: Span::new(base + i, base + end),
                    ordinal: false,
                    noun: noun_after(&s[end..], base + end),
                });
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// The spellings of zero to twenty have three to nine letters and open with one of
/// these (any case): a cheap test that turns most words away before [`number_word`].
fn may_be_number_word(word: &[u8]) -> bool {
    (3..=9).contains(&word.len())
        && matches!(word[0].to_ascii_lowercase(), b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
}

/// The word of three letters or more right after a number (`rest`, at byte `at` of the
/// text; one space or a hyphen between): "6 Republicans" -> "Republicans".
fn noun_after(rest: &str, at: usize) -> Option<Span> {
    let skip = rest.chars().next().filter(|c| matches!(c, ' ' | '-' | '\u{a0}'))?.len_utf8();
    let word = &rest[skip..];
    let len = word.find(|c: char| !c.is_alphabetic()).unwrap_or(word.len());
    (word[..len].chars().count() >= 3).then(|| Span::new(at + skip, at + skip + len))
}

/// Two nouns after numbers name the same thing: equal but for case and a plural "s".
fn same_noun(a: &str, b: &str) -> bool {
    let singular = |w: &'_ str| -> String {
        let w = w.to_lowercase();
        w.strip_suffix('s').map_or(w.clone(), str::to_string)
    };
    singular(a) == singular(b)
}

/// A multiplier word after a number: (factor, bytes taken).
fn multiplier(rest: &str) -> (f64, usize) {
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    let word_end = trimmed.find(|c: char| !c.is_alphabetic()).unwrap_or(trimmed.len());
    let word = &trimmed[..word_end];
    MULTIPLIERS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map_or((1.0, 0), |(_, f)| (*f, skipped + word_end))
}

/// A unit right after a number: (dimension, factor, bytes taken).
fn unit(rest: &str) -> (Option<&'static str>, f64, usize) {
    let trimmed = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\u{a0}')).unwrap_or(rest);
    // Every spelling opens with an ASCII letter (a unit test keeps this honest).
    if !trimmed.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (None, 1.0, 0);
    }
    let skipped = rest.len() - trimmed.len();
    let mut best: Option<(&'static str, f64, usize)> = None;
    for (spelling, dimension, factor) in UNITS {
        let head = trimmed.as_bytes().get(..spelling.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(spelling.as_bytes()))
            && !trimmed[spelling.len()..].starts_with(|c: char| c.is_alphanumeric())
            && best.is_none_or(|(_, _, n)| spelling.len() > n)
        {
            best = Some((dimension, *factor, spelling.len()));
        }
    }
    best.map_or((None, 1.0, 0), |(d, f, n)| (Some(d), f, skipped + n))
}

/// A short run of capitalized words, small words between ("Territory of Alaska",
/// "CET"), with no digit: a proper name, not free text.
fn is_proper_name(value: &str) -> bool {
    let words: Vec<&str> = value
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=6).contains(&words.len())
        && !value.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '=' | '%'))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || STOPWORDS.contains(&w.to_lowercase().as_str())
        })
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
}

/// The parenthesized parts of `item` in `text` ("(2021)" in "445 (2021)"), outermost
/// only; an unclosed one runs to the item's end.
fn parenthesized(text: &str, item: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let (mut depth, mut open) = (0usize, 0usize);
    for (i, c) in item.slice(text).char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = item.start + i;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(Span::new(open, item.start + i + 1));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push(Span::new(open, item.end));
    }
    out
}

/// The text of `item` with its parenthesized `notes` left out.
fn outside_notes(text: &str, item: Span, notes: &[Span]) -> String {
    let mut out = String::new();
    let mut from = item.start;
    for n in notes {
        out.push_str(text.get(from..n.start).unwrap_or(""));
        out.push(' ');
        from = n.end;
    }
    out.push_str(text.get(from..item.end).unwrap_or(""));
    out
}

/// The capital letters of a name's content words ("North Atlantic Treaty Organization"
/// -> "NATO"); `None` under two letters.
pub(super) fn acronym(name: &str) -> Option<String> {
    let letters: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (letters.chars().count() >= 2).then_some(letters)
}

impl<'a> Ctx<'a> {
    /// What an item holds: its key's role first for media and technical values, then
    /// its content (a recognized date, a leading number, a linked name), then the role.
    pub(super) fn classify(&self, role: KeyRole, item: Span) -> ValueKind {
        let expected = role.value_kind();
        let value = self.slice(item).trim();
        if expected == ValueKind::Technical || role == KeyRole::Name || looks_technical(value) {
            return ValueKind::Technical;
        }
        // A date in parentheses after something else qualifies it ("445 (2021)", "QF
        // (1992)", "Swiss Federal Polytechnic (1896–1900)"): the value is the part outside,
        // unless the key itself holds a date or nothing is outside.
        let notes = parenthesized(self.text, item);
        let outside = outside_notes(self.text, item, &notes);
        let notes_count = expected == ValueKind::Date || !outside.contains(char::is_alphanumeric);
        let has_date = self
            .box_dates_in(item)
            .iter()
            .any(|t| notes_count || !notes.iter().any(|n| n.contains(t.span)));
        // A number-valued key keeps a value that opens with a number ("445 (2021)").
        if has_date
            && matches!(expected, ValueKind::Date | ValueKind::Text | ValueKind::Number)
            && (expected != ValueKind::Number || !value.starts_with(|c: char| c.is_ascii_digit()))
        {
            return ValueKind::Date;
        }
        // A leading number, after a currency sign or code ("US$64,333"), outside the notes.
        let leading = outside
            .trim_start()
            .trim_start_matches(|c: char| c.is_uppercase())
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        if leading.starts_with(|c: char| c.is_ascii_digit()) && !has_date {
            return ValueKind::Number;
        }
        if expected.is_entity() || expected == ValueKind::Number {
            return expected;
        }
        match self.link(item) {
            Some((_, Label::Person)) => ValueKind::Person,
            Some((_, Label::Place)) => ValueKind::Place,
            Some((_, Label::Org)) => ValueKind::Organization,
            Some(_) => ValueKind::Entity,
            // Proper names ("Catalan", "Texas Revolution, Battle of Shiloh") are named
            // things even when no gazetteer knows them.
            None if split_list(self.text, item).iter().all(|s| is_proper_name(self.slice(*s))) => {
                ValueKind::Entity
            }
            None => expected,
        }
    }

    /// The verdict on an item of `kind` under `role`.
    pub(super) fn by_value(
        &self,
        role: KeyRole,
        kind: ValueKind,
        item: Span,
        siblings: &[Span],
        check: &mut Check,
    ) -> (Status, String) {
        match kind {
            ValueKind::Date => self.role_date(role, item, check),
            ValueKind::Number => self.number(role, item, check),
            ValueKind::Text => (Status::Unchecked, "free text is not checked".into()),
            ValueKind::Technical => {
                (Status::Unchecked, "a media or technical value is not checked".into())
            }
            _ => self.entity(role, item, siblings, check),
        }
    }

    /// [`Ctx::find_role_dates`], found once per role and article.
    fn role_dates(&self, role: KeyRole) -> Rc<[(String, Span, bool)]> {
        if let Some(found) = self.role_date_cache.borrow().get(&role) {
            return found.clone();
        }
        let found: Rc<[(String, Span, bool)]> = self.find_role_dates(role).into();
        self.role_date_cache.borrow_mut().insert(role, found.clone());
        found
    }

    /// The body's date values, written out once, grouped by year.
    fn date_index(&self) -> &DateIndex {
        self.date_index.get_or_init(|| {
            DateIndex::new(self.body_dates.iter().map(|t| t.value.to_string()).collect())
        })
    }

    /// Body dates that the role claims: a date after a cue word in the same sentence,
    /// the lead's "(birth – death)", and dated event frames of the role's types. Each
    /// says whether it is strong enough to contradict: only the lead's own dates are
    /// (elsewhere, "born" and "founded" are as often about someone or something else).
    fn find_role_dates(&self, role: KeyRole) -> Vec<(String, Span, bool)> {
        let mut out = Vec::new();
        let cues = role.date_cues();
        let lead_end = self.sentences.iter().take(LEAD_SENTENCES).next_back().map_or(0, |s| s.end);
        if let Some(lead) = self.sentences.first() {
            // The lifespan: the first dates after the lead's first "(", written as one
            // range ("(1894–1963)") or as two dates with a dash between.
            let open = self.slice(*lead).find('(').map_or(usize::MAX, |i| lead.start + i);
            let dates: Vec<_> = self
                .body_dates
                .iter()
                .filter(|t| lead.contains(t.span) && t.span.start > open)
                .collect();
            let lifespan = match dates.as_slice() {
                [only, ..] if matches!(only.value, TimexValue::Range(..)) => {
                    only.value.ends().map(|(a, b)| ((a, only.span), (b, only.span)))
                }
                [first, second, ..] => {
                    let between = self.text.get(first.span.end..second.span.start).unwrap_or("");
                    let dash = between.trim().chars().all(|c| matches!(c, '–' | '-' | '—' | ' '))
                        || between.trim() == "to";
                    let date = |t: &Timex| t.value.ends().map(|(a, _)| (a, t.span));
                    date(first).zip(date(second)).filter(|_| dash)
                }
                _ => None,
            };
            if let Some((birth, death)) = lifespan {
                match role {
                    KeyRole::Born | KeyRole::BirthDate => {
                        out.push((birth.0.to_string(), birth.1, true))
                    }
                    KeyRole::Died | KeyRole::DeathDate => {
                        out.push((death.0.to_string(), death.1, true))
                    }
                    _ => {}
                }
            }
        }
        if !cues.is_empty() {
            for (i, t) in self.body_dates.iter().enumerate() {
                let from = t.span.start.saturating_sub(40);
                let Some(before) = self.lower.get(from..t.span.start) else { continue };
                let words: Vec<&str> = before
                    .split(|c: char| c.is_whitespace() || c == '(' || c == ',')
                    .filter(|w| !w.is_empty())
                    .collect();
                let near = words.iter().rev().take(3).any(|w| cues.contains(w));
                // Body dates are in text order: only the one before can sit in between.
                let no_date_between = i == 0 || self.body_dates[i - 1].span.start < from;
                if near && no_date_between {
                    out.push((self.date_index().values[i].clone(), t.span, t.span.end <= lead_end));
                }
            }
        }
        let types: &[EventType] = match role {
            KeyRole::Born | KeyRole::BirthDate => &[EventType::Birth],
            KeyRole::Died | KeyRole::DeathDate => &[EventType::Death],
            KeyRole::Founded => &[EventType::Founding],
            KeyRole::Dissolved => &[EventType::Dissolution],
            KeyRole::Released => &[EventType::Release],
            _ => &[],
        };
        for e in self.dated.iter().filter(|e| types.contains(&e.kind)) {
            if let Some(d) = &e.date {
                out.push((d.value.to_string(), d.span, false));
            }
        }
        // A strong claim wins over a weak one on the same span.
        out.sort_by_key(|(_, s, strong)| (*s, !*strong));
        out.dedup_by_key(|(_, s, _)| *s);
        out
    }

    /// A date item: see the module doc. A numbered key (`established_date2`) is one of
    /// several dates of the role, so the body's other dates for it contradict nothing.
    fn role_date(&self, role: KeyRole, item: Span, check: &mut Check) -> (Status, String) {
        let verdict = self.role_day(role, item, check);
        // A value with a clock time ("July 16, 1969, 16:56:03 UTC") is as precise as the
        // minute: the body's day alone (the launch on July 16) does not back it.
        let Some(clock) = clock_time(self.slice(item)) else { return verdict };
        if verdict.0 != Status::Supported {
            return verdict;
        }
        match self.find_word(clock).first() {
            Some(at) => {
                check.evidence.push(*at);
                verdict
            }
            None => (
                Status::Unsupported,
                format!("the body gives the day ({}) but never the time {clock}", verdict.1),
            ),
        }
    }

    /// [`Ctx::role_date`] at the precision of the day.
    fn role_day(&self, role: KeyRole, item: Span, check: &mut Check) -> (Status, String) {
        let Some((value, _)) = self.box_range(item) else {
            return (Status::Unchecked, "no date recognized in this value".into());
        };
        check.normalized = Some(value.to_string());
        // Every date the item gives ("1995 (Pilot), 14 November 1997").
        let values: Vec<String> = self
            .box_dates_in(item)
            .iter()
            .map(|t| ends(&t.value.to_string()).0.to_string())
            .collect();
        let on_value = |body: &str| {
            let (a, b) = ends(body);
            values.iter().any(|v| falls_on(v, a) || falls_on(v, b))
        };
        let claimed = self.role_dates(role);
        if let Some((_, span, _)) = claimed.iter().find(|(v, _, _)| on_value(v)) {
            check.evidence = vec![*span];
            return (
                Status::Supported,
                format!("the body gives this date for the role ({:?})", self.slice(*span)),
            );
        }
        // Without the role's own date, the body must give the whole value: each date
        // and both ends of a range ("1911–1961" needs 1911 and 1961), since one year of
        // it is often said of something else.
        let wanted: Vec<String> = self
            .box_dates_in(item)
            .iter()
            .flat_map(|t| {
                let v = t.value.to_string();
                let (a, b) = ends(&v);
                if a == b {
                    vec![a.to_string()]
                } else {
                    vec![a.to_string(), b.to_string()]
                }
            })
            .collect();
        let index = self.date_index();
        let candidates = index.same_year(&wanted);
        let on = |wanted: &str, body: &str| {
            let (a, b) = ends(body);
            falls_on(wanted, a) || falls_on(wanted, b)
        };
        let mut same: Vec<Span> = Vec::new();
        for w in &wanted {
            match candidates.iter().find(|&&i| on(w, &index.values[i])) {
                Some(&i) => same.push(self.body_dates[i].span),
                None => {
                    same.clear();
                    break;
                }
            }
        }
        same.sort();
        same.dedup();
        // Role dates on another day: the lead's contradict the value; others (a cue
        // later in the body, an event frame) leave a date said in passing no support.
        let differing = |strong_only: bool| {
            claimed.iter().filter(|(_, _, strong)| *strong || !strong_only).find(|(v, _, _)| {
                let body = ends(v).0;
                body.len() >= 4 && values.iter().all(|v| !prefix_equal(v, body))
            })
        };
        let unnumbered = check.side.is_none();
        if let Some((v, span, _)) = differing(true).filter(|_| unnumbered) {
            check.evidence = vec![*span];
            return (
                Status::Contradicted,
                format!("the body gives {v} for the role ({:?})", self.slice(*span)),
            );
        }
        if let Some((v, span, _)) = differing(false).filter(|_| unnumbered && !same.is_empty()) {
            check.evidence = vec![*span];
            return (
                Status::Unsupported,
                format!(
                    "the body gives {v} for the role ({:?}); this date only in passing",
                    self.slice(*span)
                ),
            );
        }
        if let Some(first) = same.first() {
            check.evidence = same.iter().take(2).copied().collect();
            return (
                Status::Supported,
                format!("the body gives the same date ({:?})", self.slice(*first)),
            );
        }
        (Status::Unsupported, format!("no body date matches {value}"))
    }

    /// Where the body says the item's name: mentions of the same entity, the name word
    /// for word, a person's surname, or its acronym.
    pub(super) fn name_evidence(
        &self,
        kind: ValueKind,
        item: Span,
        id: Option<&Arc<str>>,
    ) -> Vec<Span> {
        if let Some(id) = id {
            let found: Vec<Span> =
                self.mentions_of(id, kind != ValueKind::Person).iter().map(|m| m.span).collect();
            if !found.is_empty() {
                return found;
            }
        }
        let name = self.slice(item).trim();
        let literal = self.find_word(&name.to_ascii_lowercase());
        if !literal.is_empty() {
            return literal;
        }
        if kind == ValueKind::Person {
            let parts: Vec<&str> = name.split_whitespace().collect();
            let surname = parts.last().copied().unwrap_or("");
            if surname.chars().count() >= 3 && surname.starts_with(char::is_uppercase) {
                let found: Vec<Span> = self
                    .find_word(&surname.to_ascii_lowercase())
                    .into_iter()
                    .filter(|s| !self.other_given_name_before(*s, &parts))
                    .collect();
                if !found.is_empty() {
                    return found;
                }
            }
        } else if let Some(head) = without_company_words(name) {
            // "Jarrolds" for "Jarrolds Publishing", "Del Rey" for "Del Rey Books".
            let found: Vec<Span> = self
                .find_word(&head.to_ascii_lowercase())
                .into_iter()
                .filter(|s| self.slice(*s).starts_with(char::is_uppercase))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        if let Some(short) = acronym(name).filter(|a| a.len() >= 3) {
            let found = self.find_word(&short.to_ascii_lowercase());
            // An acronym counts in capitals only ("NATO", not "nato").
            return found.into_iter().filter(|s| self.slice(*s).starts_with(&short[..1])).collect();
        }
        Vec::new()
    }

    /// The surname at `surname` belongs to someone else: a capitalized word or initial
    /// right before it that is none of the name's `parts` nor a title ("Clara Harris",
    /// "William C. Harris" for Thomas L. Harris; "Mr. Harris" and "Thomas Harris" are
    /// him).
    fn other_given_name_before(&self, surname: Span, parts: &[&str]) -> bool {
        let before = self.text[..surname.start].trim_end_matches(' ');
        if before.len() == surname.start {
            return false;
        }
        let word = before.rsplit([' ', '\n', '(', '"']).next().unwrap_or("");
        let bare = word.trim_end_matches('.');
        bare.starts_with(char::is_uppercase)
            && !parts.iter().any(|p| p.trim_end_matches(['.', ',']) == bare)
            && !is_title_before_name(bare)
            && !OPENERS.contains(&bare.to_lowercase().as_str())
    }

    /// Names the body gives after the role's cues: (name span, entity id if linked).
    fn role_names(&self, role: KeyRole) -> Vec<(Span, Option<Arc<str>>)> {
        if let Some(found) = self.role_name_cache.borrow().get(&role) {
            return found.clone();
        }
        let found = self.find_role_names(role);
        self.role_name_cache.borrow_mut().insert(role, found.clone());
        found
    }

    /// [`Ctx::role_names`] without the cache: one scan of the text per cue.
    fn find_role_names(&self, role: KeyRole) -> Vec<(Span, Option<Arc<str>>)> {
        let mut out = Vec::new();
        for cue in role.name_cues() {
            for (at, _) in self.lower.match_indices(cue) {
                let end = at + cue.len();
                let before_ok =
                    self.lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let cue_span = Span::new(at, end);
                if !before_ok || !self.in_body_span(cue_span) {
                    continue;
                }
                if let Some(name) = self.name_after(end) {
                    let id = self
                        .body_mentions_overlapping(name)
                        .find(|m| m.label != Label::Demonym)
                        .map(|m| m.id.clone());
                    out.push((name, id));
                }
            }
        }
        out
    }

    /// The capitalized name (or entity mention) that starts within a few filler words
    /// after `at`.
    fn name_after(&self, at: usize) -> Option<Span> {
        let rest = self.text.get(at..)?;
        let mut offset = 0;
        for word in rest.split_inclusive(' ').take(5) {
            let bare = word.trim();
            let start = at + offset + (word.len() - word.trim_start().len());
            offset += word.len();
            if bare.is_empty() {
                continue;
            }
            let here = self.mention_index.starting_in(Span::new(start, start + 1));
            if let Some(m) =
                here.iter().find(|m| m.span.start == start && self.in_body_span(m.span))
            {
                return (m.label != Label::Demonym).then_some(m.span);
            }
            if bare.starts_with(char::is_uppercase) {
                // A run of capitalized words.
                let mut end = start;
                for w in self.text[start..].split_inclusive(' ') {
                    let t = w.trim_end_matches(|c: char| {
                        c == ' ' || c == ',' || c == '.' || c == ';' || c == ')'
                    });
                    if !t.starts_with(char::is_uppercase) {
                        break;
                    }
                    end += t.len();
                    if t.len() != w.trim_end().len() || w.len() == t.len() {
                        break;
                    }
                    end += w.len() - t.len();
                }
                return (end > start).then(|| Span::new(start, end.min(self.text.len())));
            }
            if !NAME_FILLERS.contains(&bare.to_lowercase().as_str()) {
                return None;
            }
        }
        None
    }

    fn entity(
        &self,
        role: KeyRole,
        item: Span,
        siblings: &[Span],
        check: &mut Check,
    ) -> (Status, String) {
        let name = self.slice(item).trim();
        if name.is_empty() {
            return (Status::Unchecked, "empty value".into());
        }
        let kind = check.value_kind.unwrap_or(ValueKind::Entity);
        let id = self.link(item).map(|(id, _)| id);
        if let Some(id) = &id {
            check.normalized = Some(id.to_string());
        }
        let found = self.name_evidence(kind, item, id.as_ref());
        if let Some(first) = found.first() {
            check.evidence = found.iter().take(3).copied().collect();
            return (
                Status::Supported,
                format!(
                    "the body names it {} times (first as {:?})",
                    found.len(),
                    self.slice(*first)
                ),
            );
        }
        if kind == ValueKind::Place {
            if let Some(verdict) = id.as_ref().and_then(|id| self.inside(id, false, check)) {
                return verdict;
            }
        }
        // The body names another entity in the same role, and none of the field's items.
        let is_sibling = |name: Span, name_id: &Option<Arc<str>>| {
            let said = self.slice(name).to_lowercase();
            siblings.iter().any(|s| {
                let own = self.slice(*s).trim().to_lowercase();
                (name_id.is_some() && self.link(*s).map(|(i, _)| i) == *name_id)
                    || (!own.is_empty() && (said.contains(&own) || own.contains(&said)))
            })
        };
        let other = self.role_names(role).into_iter().find(|(n, nid)| {
            !is_sibling(*n, nid) && self.can_contradict(kind, id.as_ref(), *n, nid)
        });
        if let Some((other, _)) = other {
            check.evidence = vec![other];
            return (
                Status::Contradicted,
                format!(
                    "the body never names {name:?} and gives {:?} in this role",
                    self.slice(other)
                ),
            );
        }
        (Status::Unsupported, format!("the body never names {name:?}"))
    }

    /// Body mentions sharing a byte with `span`, in position order.
    fn body_mentions_overlapping(
        &self,
        span: Span,
    ) -> impl Iterator<Item = &'a EntityMention> + '_ {
        self.mention_index.overlapping(span).filter(|m| self.in_body_span(m.span))
    }

    /// One of `cues` ends at most three words before `at` ("a population of 30,000").
    fn cue_before(&self, cues: &[&str], at: usize) -> bool {
        let mut from = at.saturating_sub(40);
        while !self.lower.is_char_boundary(from) {
            from -= 1;
        }
        let before = &self.lower[from..at];
        let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let window = words.into_iter().rev().collect::<Vec<_>>().join(" ");
        cues.iter().any(|c| window.contains(c))
    }

    /// A name the body gives in the item's role contradicts it only when it is the
    /// same kind of thing: a person for a person (a linked person, or an unlinked name of
    /// two capitalized words), and for a place two linked places neither of which lies
    /// in the other (the body may name the town where the box names the country), each
    /// a country or a place whose country is known: of a historical state or a region
    /// ("Russian Empire") the gazetteers do not say what lies in it.
    fn can_contradict(
        &self,
        kind: ValueKind,
        id: Option<&Arc<str>>,
        other: Span,
        other_id: &Option<Arc<str>>,
    ) -> bool {
        let other_label = self.body_mentions_overlapping(other).next().map(|m| m.label);
        match kind {
            ValueKind::Person => match other_label {
                Some(label) => label == Label::Person,
                None => self.slice(other).split_whitespace().count() >= 2,
            },
            ValueKind::Place => {
                let (Some(id), Some(other_id)) = (id, other_id) else { return false };
                let within =
                    |a: &Arc<str>, b: &Arc<str>| self.v.country_of.get(a).is_some_and(|c| c == b);
                let known = |a: &Arc<str>| {
                    self.v.countries.contains(a) || self.v.country_of.contains_key(a)
                };
                other_label == Some(Label::Place)
                    && known(id)
                    && known(other_id)
                    && !within(id, other_id)
                    && !within(other_id, id)
            }
            _ => other_label.is_some_and(|l| l != Label::Demonym),
        }
    }

    /// The number at `span` is a share ("80 percent of government revenue", "10%"), not
    /// an amount.
    fn is_share(&self, span: Span) -> bool {
        let after = self.lower.get(span.end..).unwrap_or("");
        let after = after.trim_start_matches([' ', '\u{a0}']);
        after.starts_with('%') || after.starts_with("percent") || after.starts_with("per cent")
    }

    /// The body sentence holding `span` gives a date (sentences and body dates are in
    /// text order: two binary searches).
    fn dated_sentence(&self, span: Span) -> bool {
        let i = self.sentences.partition_point(|s| s.end < span.end);
        let Some(sentence) = self.sentences.get(i).filter(|s| s.contains(span)) else {
            return false;
        };
        self.overlaps_body_date(*sentence)
    }

    /// A body date overlaps `span` (body dates are in text order: one binary search).
    fn overlaps_body_date(&self, span: Span) -> bool {
        let dates = &self.body_date_spans;
        let i = dates.partition_point(|d| d.end <= span.start);
        dates.get(i).is_some_and(|d| d.overlaps(span))
    }

    /// The body's numbers outside dates (the prose's, then the table cells'), read once
    /// per article.
    fn body_numbers(&self) -> &NumberIndex {
        self.body_numbers.get_or_init(|| {
            let prose = self
                .sentences
                .iter()
                .flat_map(|s| quantities(self.slice(*s), s.start))
                .filter(|q| !self.overlaps_body_date(q.span))
                .collect();
            // A table cell that holds one number of three significant digits or more
            // ("345,900", "$31,152,975", "276") states it as plainly as a sentence. A
            // cell of several numbers ("8 days, 3 hours") does not say which is the
            // quantity, and a statistics table's small figures ("40", "20", "2,000")
            // would back a changed value by chance as often as the true one.
            let cells = self
                .table_cells
                .iter()
                .filter_map(|c| match quantities(self.slice(*c), c.start).as_slice() {
                    [only]
                        if !self.overlaps_body_date(only.span)
                            && only.value.abs() >= only.step * 100.0 =>
                    {
                        Some(only.clone())
                    }
                    _ => None,
                })
                .collect();
            NumberIndex::new(prose, cells)
        })
    }

    /// The body numbers right after one of the role's quantity cues ("a population of
    /// 30,000"), found once per role and article.
    fn role_numbers(&self, role: KeyRole) -> Rc<[usize]> {
        if let Some(found) = self.role_number_cache.borrow().get(&role) {
            return found.clone();
        }
        let cues = role.quantity_cues();
        let found: Rc<[usize]> = if cues.is_empty() {
            Rc::from([])
        } else {
            let said = self.body_numbers();
            (0..said.prose).filter(|&i| self.cue_before(cues, said.all[i].span.start)).collect()
        };
        self.role_number_cache.borrow_mut().insert(role, found.clone());
        found
    }

    /// Body number `said` backs the infobox's `boxed` (the two already agree within
    /// either one's rounding): a rank backs only a rank; the body's rounding counts up to
    /// a tenth of the value ("3.4 million" backs 3,412,000, "3 million" and "one" back
    /// nothing finer), and none for a plain figure under 100; and a count under ten, which the body gives for many things,
    /// needs the same noun after it ("6 Republicans").
    fn backs(&self, boxed: &Quantity, said: &Quantity) -> bool {
        // A box value without a unit meets a body measure as written.
        let (value, step) = match (boxed.dimension, said.dimension) {
            (None, Some(_)) => said.written,
            _ => (said.value, said.step),
        };
        let margin = boxed.step.max(step.min(boxed.value.abs() * NUMBER_MARGIN)) / 2.0;
        let small = boxed.dimension.is_none() && boxed.value < 10.0;
        // A plain figure under 100 rounded coarser than the box's ("35" for a Gini of
        // 34.5) is as likely another figure of the same size as the same one rounded.
        let coarser_small = boxed.dimension.is_none()
            && said.dimension.is_none()
            && boxed.value.abs() < 100.0
            && step > boxed.step + 1e-9;
        !coarser_small
            && boxed.ordinal == said.ordinal
            && (boxed.value - value).abs() <= margin + 1e-9
            && (!small
                || boxed
                    .noun
                    .zip(said.noun)
                    .is_some_and(|(a, b)| same_noun(self.slice(a), self.slice(b))))
    }

    fn number(&self, role: KeyRole, item: Span, check: &mut Check) -> (Status, String) {
        let mut boxed = quantities(self.slice(item), item.start);
        if let Some((dimension, factor)) = key_unit(&check.field) {
            for q in boxed.iter_mut().filter(|q| q.dimension.is_none()) {
                q.dimension = Some(dimension);
                q.value *= factor;
                q.step *= factor;
            }
        }
        let Some(value) = boxed.first().cloned() else {
            return (Status::Unchecked, "no number recognized in this value".into());
        };
        // The value is its first number, with the other spellings of the same measure
        // ("58.5 m (192 ft)"); the value's other numbers ("6 Republicans, 1 Democrat",
        // a rank in parentheses) are other facts.
        boxed.retain(|q| {
            q.span == value.span || (value.dimension.is_some() && q.dimension == value.dimension)
        });
        check.normalized = Some(format!(
            "{}{}",
            value.value,
            value.dimension.map_or(String::new(), |d| format!(" ({d}, base unit)"))
        ));
        // A measure written without a unit ("TotalArea: 1,717,856") may be in any unit
        // of the role's dimension: each reading may find support, none contradicts.
        let mut readings = boxed.clone();
        if let (None, Some(dimension)) = (value.dimension, role.dimension()) {
            for (_, _, factor) in UNITS.iter().filter(|(_, d, _)| *d == dimension) {
                readings.push(Quantity {
                    value: value.value * factor,
                    step: value.step * factor,
                    dimension: Some(dimension),
                    ..value.clone()
                });
            }
        }
        let boxed = readings;
        let said = self.body_numbers();
        let agreeing: Vec<Span> = said
            .agreeing(&boxed)
            .into_iter()
            .map(|i| &said.all[i])
            .filter(|q| boxed.iter().any(|b| self.backs(b, q)))
            .map(|q| q.span)
            .collect();
        let differing: Vec<Span> = self
            .role_numbers(role)
            .iter()
            .map(|&i| &said.all[i])
            .filter(|q| {
                q.dimension == value.dimension
                    && q.value >= 10.0
                    && value.value >= 10.0
                    && (q.value - value.value).abs() > value.value.abs() * NUMBER_MARGIN
                    && q.value.max(value.value) < q.value.min(value.value) * SAME_QUANTITY_FACTOR
                    && !self.is_share(q.span)
                    && !(role.changes_over_time() && self.dated_sentence(q.span))
            })
            .map(|q| q.span)
            .collect();
        if let Some(first) = agreeing.first() {
            check.evidence = agreeing.iter().take(2).copied().collect();
            return (
                Status::Supported,
                format!("the body gives the same number ({:?})", self.slice(*first)),
            );
        }
        if let Some(first) = differing.first() {
            check.evidence = vec![*first];
            return (
                Status::Contradicted,
                format!("the body gives {:?} for this quantity", self.slice(*first)),
            );
        }
        (Status::Unsupported, "no body number matches it".into())
    }
}

/// The first clock time of `value` to the minute ("16:56" in "16:56:03 UTC").
fn clock_time(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    (0..bytes.len()).find_map(|colon| {
        if bytes[colon] != b':' || colon == 0 {
            return None;
        }
        let digits_before = bytes[..colon].iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let minutes = bytes.get(colon + 1..colon + 3)?;
        let after = bytes.get(colon + 3);
        ((1..=2).contains(&digits_before)
            && minutes.iter().all(u8::is_ascii_digit)
            && !after.is_some_and(u8::is_ascii_digit))
        .then(|| &value[colon - digits_before..colon + 3])
    })
}

/// The two ends of a TIMEX3 value written out (`a/b` -> (a, b); `a` -> (a, a)).
fn ends(value: &str) -> (&str, &str) {
    value.split_once('/').unwrap_or((value, value))
}

/// `a` and `b` agree on their common precision (ISO strings: `1879` and `1879-03-14`).
fn prefix_equal(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a.as_bytes()[..n] == b.as_bytes()[..n]
}

/// `body` falls on `boxed` at the infobox's precision, a year or finer (a finer body
/// date counts).
fn falls_on(boxed: &str, body: &str) -> bool {
    boxed.len() >= 4 && body.starts_with(boxed)
}

/// How far apart two values of one quantity must be to contradict each other: figures
/// of different years (a census and an estimate) differ by less.
const NUMBER_MARGIN: f64 = 0.1;

/// Two figures for one quantity (a census and a later estimate, two sources) stay within
/// this factor of each other; a figure ten times larger or smaller is another thing's (a
/// province's area in a country's article, a park's in a city's), so it contradicts
/// nothing.
const SAME_QUANTITY_FACTOR: f64 = 10.0;

/// The unit a key names when its value has none (`area_km2`, `elevation_ft`).
fn key_unit(key: &str) -> Option<(&'static str, f64)> {
    let base = crate::article::normalize_key(key);
    [
        ("km2", "km2"),
        ("sqmi", "sq mi"),
        ("km", "km"),
        ("mi", "mi"),
        ("ft", "ft"),
        ("m", "m"),
        ("ha", "ha"),
    ]
    .iter()
    .find(|(end, _)| base.ends_with(end) && base.len() > end.len())
    .and_then(|(_, spelling)| UNITS.iter().find(|(s, _, _)| s == spelling))
    .map(|(_, d, f)| (*d, *f))
}

/// File names, addresses and coordinates.
fn looks_technical(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".svg", ".gif", ".tif", ".ogg", ".webm"]
        .iter()
        .any(|e| lower.ends_with(e))
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || (value.contains('°') && value.contains(['N', 'S']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::{NUMBER_TENS, NUMBER_UNITS};

    #[test]
    fn numbers_with_units_and_rounding() {
        let q = |s: &str| quantities(s, 0);
        let a = &q("58.5 m (192 ft)");
        assert_eq!(a.len(), 2);
        assert!(a[0].agrees(&a[1]), "{a:?}");
        assert!(q("US$ 63.5 Million")[0].agrees(&q("$63,512,000")[0]));
        assert!(q("3,400,000")[0].agrees(&q("3.4 million")[0]));
        assert!(!q("3,400,000")[0].agrees(&q("5.1 million")[0]));
        assert!(q("7")[0].agrees(&q("seven series")[0]));
        assert!(q("1,000 km2")[0].agrees(&q("386 sq mi")[0]));
        assert!(!q("10 km")[0].agrees(&q("10")[0]));
        assert!(q("é 12 €").len() == 1);
        assert_eq!(acronym("North Atlantic Treaty Organization").as_deref(), Some("NATO"));
        assert_eq!(clock_time("July 16, 1969, 16:56:03 UTC"), Some("16:56"));
        assert_eq!(clock_time("at 2:05 pm"), Some("2:05"));
        assert_eq!(clock_time("ratio 3:1, 1969"), None);
        assert_eq!(without_company_words("Jarrolds Publishing"), Some("Jarrolds"));
        assert_eq!(without_company_words("Del Rey Books"), Some("Del Rey"));
        assert_eq!(without_company_words("Westin Hotels & Resorts"), None);
        assert_eq!(without_company_words("The Press"), None);
    }

    /// The cheap tests in front of the number-word and unit look-ups turn away no word
    /// that the look-ups accept.
    #[test]
    fn prefilters_keep_every_number_word_and_unit() {
        // Every number word up to twenty: the checks read no larger one.
        let words = NUMBER_UNITS.iter().chain(NUMBER_TENS.first());
        for (n, w) in words.enumerate() {
            assert_eq!(number_word(w), Some(n as u32), "{w}");
            assert!(may_be_number_word(w.as_bytes()), "{w}");
            assert!(may_be_number_word(w.to_uppercase().as_bytes()), "{w}");
        }
        assert!(UNITS.iter().all(|(s, _, _)| s.starts_with(|c: char| c.is_ascii_alphabetic())));
    }

    /// The index finds exactly the numbers that agree by the pairwise rule.
    #[test]
    fn number_index_agrees_with_pairwise_rule() {
        let body = "In 1990 about 3.4 million people, 3,400,000 by 2000 or 3,412,117; seven \
                    towns, 1,000 km2 (386 sq mi), 58.5 m (192 ft) high, 0.5 and 12 € and 0 and 10";
        let said = quantities(body, 0);
        let index = NumberIndex::new(said.clone(), Vec::new());
        for boxed in ["3,400,000", "3.41 million", "7", "1,000 km2", "192 ft", "0", "10", "11"] {
            let b = quantities(boxed, 0);
            let naive: Vec<usize> =
                (0..said.len()).filter(|&i| b.iter().any(|q| q.agrees(&said[i]))).collect();
            assert_eq!(index.agreeing(&b), naive, "{boxed}");
        }
    }
}
