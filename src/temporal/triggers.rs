//! Candidate windows: the parts of a text where a rule's regex can match at all.
//!
//! Running every rule's regex over the whole text cost one lazy-DFA pass per rule
//! (about 20 passes, ~30 MB/s): the patterns start with optional prefixes ("the early
//! morning of", "about"), so the regex crate finds no literal to skip ahead with. But
//! every match of a rule contains a *trigger* that one scan finds (`Triggers::scan`: an
//! Aho-Corasick pass over words, digits from a bitmap): a digit, a capitalized month
//! abbreviation, a unit word ("year", "night"), a season, ... (`Class`). And a match is
//! short: it holds at most a bounded number of bytes that are neither whitespace nor
//! digits (`solid_bound`, read from the pattern's HIR; whitespace and digit runs may be
//! long, so they are not counted). So a match containing a trigger lies within that many
//! "solid" bytes of it, and each rule only searches those windows (`windows`).
//!
//! The result is exactly the full-text iteration (`find_iter`): see `search_windows` in
//! `patterns.rs` for the argument, and the tests that compare both on many texts.

use crate::span::{ceil_char_boundary, floor_char_boundary, pack_top_bits};
use regex_syntax::hir::{Class as HirClass, Hir, HirKind};

/// Trigger classes, as bits: a rule names the classes one of which each of its matches contains.
///
/// Most classes below the first eight narrow a broad one by the trigger's neighbours (the
/// word before a unit, the number after a month, the bytes after a digit): each is a
/// condition every match of its rule meets at its trigger, so a rule that names it searches
/// fewer windows and finds the same matches (`windows`; the tests in `patterns.rs` compare
/// with the full-text search). Each check reads a bounded number of bytes (a word, a
/// number, a few spaces: see each function).
pub(crate) type Class = u32;
/// An ASCII digit that starts its run of digits ("1" of "1865"): `Year`'s digits follow a
/// `\b`, "AD", "A.D." or a space.
pub(crate) const DIGIT: Class = 1;
/// "Jan" ... "Dec": the start of every month name and abbreviation (capitalized in the patterns).
pub(crate) const MONTH: Class = 2;
/// Unit and part-of-day words ("year", "centur", "night", "noon", ...).
pub(crate) const UNIT: Class = 4;
/// Season words.
pub(crate) const SEASON: Class = 8;
/// Vague-reference words ("now", "current", "former", ...).
pub(crate) const VAGUE: Class = 16;
/// "century" / "Century".
pub(crate) const CENTURY: Class = 32;
/// A month key after a day ("14 April", "3rd of May"): the month of `DayMonth`.
pub(crate) const MONTH_AFTER_DAY: Class = 256;
/// A month key before a number or "AD" ("April 14", "May 1865", "March of 1866"): the
/// month of `MonthYear`.
pub(crate) const MONTH_BEFORE_NUMBER: Class = 512;
/// "0s", "0's": the end of every decade ("1860s", "the 60's").
pub(crate) const DECADE: Class = 64;
/// A digit followed by "am"/"p.m." in any case, by a colon and a digit ("10:57") or by
/// `\s+in\s+the\s+` ("4 in the morning"), or "noon"/"midnight"/"midday": the `Clock` rule.
pub(crate) const JOINT: Class = 128;

/// A weekday name ("Monday"): the `Weekday` rule.
pub(crate) const WEEKDAY: Class = 1024;
/// A recurrence word ("every", "each", "daily", "once", "times"): the `Set` rule.
pub(crate) const RECURRENCE: Class = 2048;
/// "yesterday", "today", "tomorrow", "tonight": the `DeicticWord` rule.
pub(crate) const DEICTIC: Class = 4096;
/// "Christmas", "New" before "Year", "Thanksgiving", "Election", "Easter", capitalized:
/// the `Holiday` rule.
pub(crate) const HOLIDAY: Class = 8192;

/// "quarter": the `Quarter` rule.
pub(crate) const QUARTER: Class = 16384;

/// A digit right after an apostrophe ("'99", "’89"): `ApostropheYear`.
pub(crate) const APOSTROPHE: Class = 1 << 15;
/// A digit followed by "-", two digits and "-" ("1866-03-31"): `Iso`.
pub(crate) const ISO: Class = 1 << 16;
/// A digit followed by a dash or slash, two digits and no word byte ("1865–66"):
/// `ShortYearRange`.
pub(crate) const SHORT_RANGE: Class = 1 << 17;
/// A month key before a day: spaces, perhaps "the", then one or two digits ("April 14",
/// "May the 3rd"): `MonthDay` and `MonthDayRange`.
pub(crate) const MONTH_BEFORE_DAY: Class = 1 << 18;
/// A month key after a range of days: a connector, perhaps "the", one or two digits, perhaps
/// an ordinal suffix and "of" ("12 to 15 June", "the 13th to the 19th of October"): `DayRange`.
pub(crate) const MONTH_AFTER_RANGE: Class = 1 << 19;
/// "night", "morning", "afternoon", "evening", "daytime": the `AtNight` rule.
pub(crate) const PART: Class = 1 << 20;
/// A unit word after "a" ("twice a week"): `Rate`.
pub(crate) const AFTER_A: Class = 1 << 21;
/// A unit word after "last", "next", "this", "coming" or "past": `Deictic`.
pub(crate) const AFTER_DEICTIC: Class = 1 << 22;
/// A unit word after "the"/"The": `DayAround`.
pub(crate) const AFTER_THE: Class = 1 << 23;
/// A unit word after "the", "that", "this" or "same", or before "'s": `UnitPhase`.
pub(crate) const PHASE: Class = 1 << 24;
/// A unit word after "for", "over" or "the" (any first-letter case), or before "-long" or
/// "s-long": `BareUnits`.
pub(crate) const BARE: Class = 1 << 25;
/// A unit or season word after "next", "following", "previous", "preceding", "subsequent",
/// "same", "prior", "that"/"That" or "the"/"The": `Anaphoric`.
pub(crate) const AFTER_ANAPHOR: Class = 1 << 26;
/// A unit word after one of `Span`'s words ("past", "last", "first", ...) or a number (a
/// number word in any case, "hundred", "few", "several", "many", "a", "an", "of" of "a
/// couple of", or digits): `Span`.
pub(crate) const AFTER_SPAN: Class = 1 << 27;
/// A unit word after "these"/"These" ("these days"): with VAGUE, `Vague`.
pub(crate) const AFTER_THESE: Class = 1 << 28;

/// Lower-case trigger words and their class; each is also found capitalized.
const WORDS: &[(&str, Class)] = &[
    ("second", UNIT),
    ("minute", UNIT),
    ("hour", UNIT),
    ("day", UNIT),
    ("night", UNIT | PART),
    ("week", UNIT),
    ("month", UNIT),
    ("year", UNIT),
    ("decade", UNIT),
    // "century" and "centuries": durations and (CENTURY) the "5th century" rule.
    ("centur", UNIT | CENTURY),
    ("morning", UNIT | PART),
    ("afternoon", UNIT | PART),
    ("evening", UNIT | PART),
    // "daytime" of `AtNight` (PART), which "day" alone is not.
    ("daytime", UNIT | PART),
    ("noon", UNIT | JOINT),
    ("midnight", JOINT),
    ("midday", JOINT),
    ("spring", SEASON),
    ("summer", SEASON),
    ("autumn", SEASON),
    ("winter", SEASON),
    ("fall", SEASON),
    ("now", VAGUE),
    ("current", VAGUE),
    ("present", VAGUE),
    ("modern", VAGUE),
    ("recent", VAGUE),
    ("past", VAGUE),
    ("future", VAGUE),
    ("former", VAGUE),
    ("monday", WEEKDAY),
    ("tuesday", WEEKDAY),
    ("wednesday", WEEKDAY),
    ("thursday", WEEKDAY),
    ("friday", WEEKDAY),
    ("saturday", WEEKDAY),
    ("sunday", WEEKDAY),
    ("every", RECURRENCE),
    ("each", RECURRENCE),
    ("annually", RECURRENCE),
    // "yearly", "weekly", ... start with unit keys: the longer key carries both classes.
    ("yearly", RECURRENCE),
    ("daily", RECURRENCE),
    ("weekly", RECURRENCE),
    ("monthly", RECURRENCE),
    ("hourly", RECURRENCE),
    ("nightly", RECURRENCE),
    ("once", RECURRENCE),
    ("twice", RECURRENCE),
    ("times", RECURRENCE),
    ("yesterday", DEICTIC),
    ("today", DEICTIC),
    ("tomorrow", DEICTIC),
    ("tonight", DEICTIC),
    ("christmas", HOLIDAY),
    ("new", HOLIDAY),
    ("thanksgiving", HOLIDAY),
    ("election", HOLIDAY),
    ("easter", HOLIDAY),
    ("quarter", QUARTER),
];

const MONTHS: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The trigger keys, by first byte. Built once (in the patterns' `LazyLock`).
pub(crate) struct Triggers {
    /// For each pair of bytes (the first in the low half), 1 + the index in `groups` of
    /// the keys that start with it (0: none). Most words end their look-up here ("the"
    /// and "of" start no key).
    first: Box<[u8]>,
    /// Keys sharing their first two bytes, longest first.
    groups: Vec<Vec<Key>>,
}

/// A trigger key, compared eight bytes at a time.
struct Key {
    /// Its first eight bytes (fewer: zero-padded), little-endian.
    head: u64,
    /// 0xFF for each byte of `head` that is the key's.
    mask: u64,
    /// Its bytes after the first eight.
    tail: Box<[u8]>,
    /// Its classes: its own and those of the shorter keys it starts with ("Decade"
    /// holds "Dec").
    class: Class,
}

/// The first eight bytes of `bytes` (fewer: zero-padded), little-endian: how a key's head
/// and the text at a word start are compared.
fn first_eight(bytes: &[u8]) -> u64 {
    let mut le = [0u8; 8];
    for (to, from) in le.iter_mut().zip(bytes) {
        *to = *from;
    }
    u64::from_le_bytes(le)
}

impl Key {
    fn new(key: &[u8], class: Class) -> Key {
        let (head, tail) = key.split_at(key.len().min(8));
        let mask = u64::MAX.checked_shr(8 * (8 - head.len() as u32)).unwrap_or(0);
        Key { head: first_eight(head), mask, tail: tail.into(), class }
    }

    /// Whether `rest` starts with the key, `eight` being its first eight bytes
    /// (zero-padded; a key has no zero byte).
    fn starts(&self, eight: u64, rest: &[u8]) -> bool {
        eight & self.mask == self.head
            && (self.tail.is_empty() || rest.get(8..).is_some_and(|r| r.starts_with(&self.tail)))
    }
}

impl Triggers {
    pub(crate) fn new() -> Option<Triggers> {
        let mut keys: Vec<(String, Class)> =
            MONTHS.iter().map(|m| (m.to_string(), MONTH)).collect();
        for (w, class) in WORDS {
            let mut cap = w.to_string();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            keys.push((w.to_string(), *class));
            keys.push((cap, *class));
        }
        // One key per word start, the longest ("Decade", not "Dec"): it carries the
        // classes of the keys it starts with.
        let class_of: Vec<Class> = keys
            .iter()
            .map(|(k, _)| {
                keys.iter()
                    .filter(|(p, _)| k.starts_with(p.as_str()))
                    .fold(0, |acc, (_, c)| acc | c)
            })
            .collect();
        let mut first = vec![0u8; 1 << 16].into_boxed_slice();
        let mut groups: Vec<Vec<(&[u8], Class)>> = Vec::new();
        for ((key, _), class) in keys.iter().zip(class_of) {
            let b = match key.as_bytes() {
                [a, b, ..] => usize::from(*a) | usize::from(*b) << 8,
                _ => return None,
            };
            let slot = first.get_mut(b)?;
            if *slot == 0 {
                groups.push(Vec::new());
                *slot = u8::try_from(groups.len()).ok()?;
            }
            groups.get_mut(usize::from(*slot) - 1)?.push((key.as_bytes(), class));
        }
        let groups = groups
            .into_iter()
            .map(|mut group| {
                group.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
                group.into_iter().map(|(k, class)| Key::new(k, class)).collect()
            })
            .collect();
        Some(Triggers { first, groups })
    }

    /// Every trigger in `text` as (first byte offset, classes), in text order.
    ///
    /// A key triggers only where it starts a word: every pattern puts its trigger word
    /// after `\b`, `\s` or "-", none of which follows an ASCII word byte ("day" of "Monday",
    /// "now" of "known", "fall" of "rainfall" trigger nothing). At each word start
    /// (`Solid`'s bitmap) the longest key the text starts with there is the trigger: the
    /// leftmost-longest non-overlapping search this replaces found the same, since a key,
    /// all letters, never runs past the end of its word into the next word start. Digits
    /// come from `Solid`'s bitmap too.
    pub(crate) fn scan(&self, text: &str, solid: &Solid) -> Vec<(usize, Class)> {
        let bytes = text.as_bytes();
        let mut words: Vec<(usize, Class)> = Vec::new();
        for (w, &starts) in solid.starts.iter().enumerate() {
            let mut starts = starts;
            while starts != 0 {
                let at = w * 64 + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let Some(rest) = bytes.get(at..) else { break };
                let pair = match rest {
                    [a, b, ..] => usize::from(*a) | usize::from(*b) << 8,
                    _ => continue,
                };
                let group = self.first.get(pair).copied().unwrap_or(0);
                let Some(group) =
                    usize::from(group).checked_sub(1).and_then(|g| self.groups.get(g))
                else {
                    continue;
                };
                let eight = match rest.first_chunk::<8>() {
                    Some(eight) => u64::from_le_bytes(*eight),
                    None => first_eight(rest),
                };
                if let Some(key) = group.iter().find(|key| key.starts(eight, rest)) {
                    let mut class = key.class;
                    if class & MONTH != 0 {
                        class |= month_context(bytes, at);
                    }
                    if class & (UNIT | SEASON) != 0 {
                        class |= unit_context(bytes, at);
                    }
                    if class & HOLIDAY != 0 && !holiday_context(rest) {
                        class &= !HOLIDAY;
                    }
                    words.push((at, class));
                }
            }
        }
        // A digit inside a run ("8" of "1865") triggers only by its context.
        let digits = solid.digits().filter_map(|at| {
            let class = digit_context(bytes, at);
            (class != 0).then_some((at, class))
        });
        // Merge the two sorted lists (a key starts with a letter, never a digit). A run
        // of digits triggers at most at its first and its last digit (every context but
        // DIGIT's is the byte after the digit, which ends the run): room for all.
        let mut carry = 0u64;
        let runs: usize = (solid.digits.iter())
            .map(|&d| {
                let starts = d & !(d << 1 | carry);
                carry = d >> 63;
                starts.count_ones() as usize
            })
            .sum();
        let mut out = Vec::with_capacity(words.len() + 2 * runs);
        let mut words = words.into_iter().peekable();
        for d in digits {
            while let Some(w) = words.next_if(|w| w.0 < d.0) {
                out.push(w);
            }
            out.push(d);
        }
        out.extend(words);
        out
    }
}

/// The extra classes of the month key at `at`, from its neighbours. In every pattern a
/// month name is letters and an optional ".", a day before it is followed by `\s+`
/// (`(?:\s+of)?` between), and a number after it comes after `,?\s+`, `\s+the\s+` or
/// `\s+of\s+`; these checks accept at least all of that. A day after it (`MonthDay`,
/// `MonthDayRange`) comes after `\s+` and perhaps `the\s+`, without a comma; a range of
/// days before it (`DayRange`) is `range_before_day`'s.
fn month_context(bytes: &[u8], at: usize) -> Class {
    let mut class = 0;
    // Before: whitespace, maybe "of" and whitespace, then a digit or an ordinal suffix.
    let head = bytes.get(..at).unwrap_or(&[]);
    let mut head = trim_end(head, is_space);
    if let Some(h) = head.strip_suffix(b"of") {
        head = trim_end(h, is_space);
    }
    if head.last().is_some_and(u8::is_ascii_digit)
        || [b"st", b"nd", b"rd", b"th"].iter().any(|s| head.ends_with(*s))
    {
        class |= MONTH_AFTER_DAY;
        if range_before_day(head) {
            class |= MONTH_AFTER_RANGE;
        }
    }
    // After: the rest of the name, ".", ",", whitespace, maybe "the"/"of" and whitespace,
    // then a digit or "A" (AD).
    let mut rest = bytes.get(at..).unwrap_or(&[]);
    rest = trim_start(rest, u8::is_ascii_alphabetic);
    rest = rest.strip_prefix(b".").unwrap_or(rest);
    // A day: whitespace, maybe "the" and whitespace, then a run of one or two digits (a
    // day is `3[01]|[12][0-9]|0?[1-9]` between `\b`s, or before an ordinal suffix).
    let spaced = trim_start(rest, is_space);
    if spaced.len() < rest.len() {
        let day = match spaced.strip_prefix(b"the") {
            Some(r) if r.first().is_some_and(is_space) => trim_start(r, is_space),
            _ => spaced,
        };
        if (1..=2).contains(&leading_digits(day, 3)) {
            class |= MONTH_BEFORE_DAY;
        }
    }
    rest = rest.strip_prefix(b",").unwrap_or(rest);
    rest = trim_start(rest, is_space);
    for word in [&b"the"[..], b"of"] {
        if let Some(r) = rest.strip_prefix(word) {
            if r.first().is_some_and(is_space) {
                rest = trim_start(r, is_space);
            }
        }
    }
    if rest.first().is_some_and(|b| b.is_ascii_digit() || *b == b'A') {
        class |= MONTH_BEFORE_NUMBER;
    }
    class
}

/// Whether `head`, the text before a month up to its day (whitespace and "of" trimmed),
/// ends as `DayRange`'s: `{CONNECTOR}(?:the\s+)?\b{DAY}` where the connector is
/// `\s*(?:–|—|-|to|until|till|through|and)\s*` and a day is one or two digits with an
/// optional ordinal suffix. Reads back over the suffix, at most three digits, and the
/// whitespace before them and before "the".
fn range_before_day(head: &[u8]) -> bool {
    let mut h = head;
    for suffix in [b"st", b"nd", b"rd", b"th"] {
        if let Some(rest) = h.strip_suffix(suffix) {
            h = rest;
            break;
        }
    }
    let digits = h.iter().rev().take(3).take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let h = trim_end(h.get(..h.len() - digits).unwrap_or(&[]), is_space);
    let connector = |h: &[u8]| {
        ["–", "—", "-", "to", "until", "till", "through", "and"]
            .iter()
            .any(|c| h.ends_with(c.as_bytes()))
    };
    connector(h) || h.strip_suffix(b"the").is_some_and(|h| connector(trim_end(h, is_space)))
}

/// How many ASCII digits `s` starts with, counting at most `max`.
fn leading_digits(s: &[u8], max: usize) -> usize {
    s.iter().take(max).take_while(|b| b.is_ascii_digit()).count()
}

/// True when `rest` opens with `Clock`'s `\s+in\s+the\s+` ("4 in the morning", "4  in
/// the\nmorning"). Reads the three whitespace runs and the two words once; the runs after a
/// run of digits belong to that run alone, so the reads stay linear in the text.
fn in_the_follows(rest: &[u8]) -> bool {
    let mut at = 0;
    for word in [&b"in"[..], b"the", b""] {
        let run = rest[at..].iter().take_while(|b| is_space(b)).count();
        if run == 0 || !rest[at + run..].starts_with(word) {
            return false;
        }
        at += run + word.len();
    }
    true
}

/// `\s` in ASCII mode: what every pattern puts between words.
fn is_space(b: &u8) -> bool {
    !SOLID[usize::from(*b)] && !b.is_ascii_digit()
}

/// The extra classes of the unit or season key at `at` from the word before it (across
/// whitespace, as every pattern that names that word has `\s+` there) and the bytes after
/// its own word ("'s", "-long"). Reads the whitespace before the key and at most 13
/// letters before that, and at most 16 letters of its word and 5 bytes after them.
fn unit_context(bytes: &[u8], at: usize) -> Class {
    const SPAN_WORDS: &[&[u8]] = &[
        b"past",
        b"last",
        b"next",
        b"first",
        b"previous",
        b"coming",
        b"following",
        b"final",
        b"intervening",
        b"a",
        b"an",
        b"one",
        b"two",
        b"three",
        b"four",
        b"five",
        b"six",
        b"seven",
        b"eight",
        b"nine",
        b"ten",
        b"eleven",
        b"twelve",
        b"thirteen",
        b"fourteen",
        b"fifteen",
        b"sixteen",
        b"seventeen",
        b"eighteen",
        b"nineteen",
        b"twenty",
        b"thirty",
        b"forty",
        b"fifty",
        b"sixty",
        b"seventy",
        b"eighty",
        b"ninety",
        b"hundred",
        b"few",
        b"several",
        b"many",
        b"of",
    ];
    let mut class = 0;
    let rest = bytes.get(at..).unwrap_or(&[]);
    let after = rest.get(leading(rest, 16, u8::is_ascii_alphabetic)..).unwrap_or(&[]);
    if after.starts_with(b"'s") || after.starts_with("’s".as_bytes()) {
        class |= PHASE;
    }
    if after.starts_with(b"-long") {
        class |= BARE;
    }
    let head = bytes.get(..at).unwrap_or(&[]);
    let trimmed = trim_end(head, is_space);
    if trimmed.len() == head.len() {
        return class;
    }
    if trimmed.last().is_some_and(u8::is_ascii_digit) {
        class |= AFTER_SPAN;
    }
    // The word before: its letters, at most 13 (a longer word is none of these).
    let n = trimmed.iter().rev().take(13).take_while(|b| b.is_ascii_alphabetic()).count();
    let word = trimmed.get(trimmed.len() - n..).unwrap_or(&[]);
    let is = |words: &[&str]| words.iter().any(|w| w.as_bytes() == word);
    if is(&["a"]) {
        class |= AFTER_A;
    }
    if is(&["last", "Last", "next", "Next", "this", "This", "coming", "Coming", "past", "Past"]) {
        class |= AFTER_DEICTIC;
    }
    if is(&["the", "The"]) {
        class |= AFTER_THE | BARE | AFTER_ANAPHOR;
    }
    if is(&["the", "that", "this", "same"]) {
        class |= PHASE;
    }
    if is(&["for", "For", "over", "Over"]) {
        class |= BARE;
    }
    let anaphor =
        ["next", "following", "previous", "preceding", "subsequent", "same", "prior", "that"];
    if is(&anaphor) || is(&["That"]) {
        class |= AFTER_ANAPHOR;
    }
    if is(&["these", "These"]) {
        class |= AFTER_THESE;
    }
    if n > 0 && SPAN_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        class |= AFTER_SPAN;
    }
    class
}

/// Whether the holiday key that `rest` starts with can start `Holiday`'s match: the
/// pattern's names are capitalized, and "New" is followed by whitespace and "Year".
fn holiday_context(rest: &[u8]) -> bool {
    if !rest.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    match rest.strip_prefix(b"New") {
        Some(after) => {
            let year = trim_start(after, is_space);
            year.len() < after.len() && year.starts_with(b"Year")
        }
        None => true,
    }
}

/// How many of the first bytes of `s`, at most `max`, meet `keep`.
fn leading(s: &[u8], max: usize, keep: impl Fn(&u8) -> bool) -> usize {
    s.iter().take(max).take_while(|b| keep(b)).count()
}

/// A byte `\b` counts as part of a word in ASCII mode.
pub(crate) fn is_word_byte(b: &u8) -> bool {
    b.is_ascii_alphanumeric() || *b == b'_'
}

fn trim_end(mut s: &[u8], drop: impl Fn(&u8) -> bool) -> &[u8] {
    while let Some((last, head)) = s.split_last() {
        if !drop(last) {
            break;
        }
        s = head;
    }
    s
}

fn trim_start(mut s: &[u8], drop: impl Fn(&u8) -> bool) -> &[u8] {
    while let Some((first, rest)) = s.split_first() {
        if !drop(first) {
            break;
        }
        s = rest;
    }
    s
}

/// The classes of the digit at `at`: DIGIT where it starts its run of digits, and
/// APOSTROPHE too right after "'" or "’"; ISO before "-", two digits and "-"
/// ("1866-03-31"); SHORT_RANGE before a dash or slash, two digits and no word byte
/// ("1865–66"); JOINT before an optional space and [AaPp] ("9 am", "10.30 p.m."), before a
/// colon and a digit ("10:57") or before `\s+in\s+the\s+` ("4 in the morning"); DECADE for
/// the "0" of "0s", "0's". Reads at most 3 bytes before it and 8 after, besides the
/// whitespace runs of `\s+in\s+the\s+` (see [`in_the_follows`]).
fn digit_context(bytes: &[u8], at: usize) -> Class {
    let rest = bytes.get(at + 1..).unwrap_or(&[]);
    let head = bytes.get(..at).unwrap_or(&[]);
    let ap = |b: Option<&u8>| matches!(b, Some(b'a' | b'A' | b'p' | b'P'));
    let mut class = 0;
    if !head.last().is_some_and(u8::is_ascii_digit) {
        class |= DIGIT;
        if head.ends_with(b"'") || head.ends_with("’".as_bytes()) {
            class |= APOSTROPHE;
        }
    }
    let dash = if matches!(rest.first(), Some(b'-' | b'/')) {
        1
    } else if rest.starts_with("–".as_bytes()) || rest.starts_with("—".as_bytes()) {
        "–".len()
    } else {
        0
    };
    if dash > 0 {
        let after = rest.get(dash..).unwrap_or(&[]);
        if leading_digits(after, 2) == 2 {
            if !after.get(2).is_some_and(is_word_byte) {
                class |= SHORT_RANGE;
            }
            if rest.first() == Some(&b'-') && after.get(2) == Some(&b'-') {
                class |= ISO;
            }
        }
    }
    let clock = ap(rest.first())
        || (rest.first().is_some_and(is_space) && ap(rest.get(1)))
        // "10:57", "4 in the morning"
        || (rest.first() == Some(&b':') && rest.get(1).is_some_and(u8::is_ascii_digit))
        || in_the_follows(rest);
    if clock {
        class |= JOINT;
    }
    if bytes.get(at) == Some(&b'0') && (rest.starts_with(b"s") || rest.starts_with(b"'s")) {
        class |= DECADE;
    }
    class
}

/// `Solid::new`'s masks (solid, digit, word byte) of one full chunk, eight bytes at a time
/// (SWAR): each test leaves a byte's top bit set where it holds, and `pack_top_bits`
/// gathers them.
fn masks64(chunk: &[u8; 64]) -> (u64, u64, u64) {
    let (mut solid, mut digit, mut word) = (0u64, 0u64, 0u64);
    for (i, eight) in chunk.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        let is_digit = in_range(x, b'0', b'9');
        let is_space = in_range(x, b'\t', b'\r') | in_range(x, b' ', b' ');
        let is_word =
            is_digit | in_range(x, b'A', b'Z') | in_range(x, b'a', b'z') | in_range(x, b'_', b'_');
        solid |= pack_top_bits(!(is_digit | is_space) & TOP) << (8 * i);
        digit |= pack_top_bits(is_digit) << (8 * i);
        word |= pack_top_bits(is_word) << (8 * i);
    }
    (solid, digit, word)
}

/// The top bit of every byte of a word.
const TOP: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `x` that lies in `lo..=hi` (ASCII bounds, `lo` > 0), and
/// nothing else. On the low seven bits the two additions cannot carry into the next byte.
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = x & !TOP;
    let at_least_lo = low + ONES * (0x80 - lo as u64);
    let above_hi = low + ONES * (0x7F - hi as u64);
    at_least_lo & !above_hi & !x & TOP
}

/// Bytes a match may hold any number of (`\s+`, `[0-9]+`): not counted by the bound.
fn free(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b'0'..=b'9')
}

/// `!free(b)` as a table, for the per-byte loop of `Solid::new`.
static SOLID: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = !matches!(b as u8, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b'0'..=b'9');
        b += 1;
    }
    t
};

/// How many solid (non-free) bytes a match of a pattern holds before and after its
/// trigger (the trigger's own bytes may count on both sides).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bound {
    pub before: usize,
    pub after: usize,
}

/// The bound of `pattern` (ASCII mode); `None` if unbounded or unparsable (the rule
/// then runs over the whole text). When the trigger is known to start the top-level
/// group `anchor` ("m" for the month of "14 April 1864"), the parts before and after it
/// are bounded apart: smaller windows.
pub(crate) fn solid_bound(pattern: &str, anchor: Option<&str>) -> Option<Bound> {
    let hir = regex_syntax::ParserBuilder::new().unicode(false).build().parse(pattern).ok()?;
    let total = solid(&hir)?;
    let symmetric = Bound { before: total, after: total };
    let (Some(name), HirKind::Concat(parts)) = (anchor, hir.kind()) else { return Some(symmetric) };
    let is_anchor =
        |h: &Hir| matches!(h.kind(), HirKind::Capture(c) if c.name.as_deref() == Some(name));
    let Some(i) = parts.iter().position(is_anchor) else { return Some(symmetric) };
    let before: Option<usize> = parts.get(..=i)?.iter().map(solid).sum();
    let after: Option<usize> = parts.get(i..)?.iter().map(solid).sum();
    Some(Bound { before: before?, after: after? })
}

fn solid(hir: &Hir) -> Option<usize> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => Some(lit.0.iter().filter(|b| !free(**b)).count()),
        HirKind::Class(HirClass::Bytes(c)) => {
            Some(usize::from(!c.ranges().iter().all(|r| (r.start()..=r.end()).all(free))))
        }
        HirKind::Class(HirClass::Unicode(c)) => {
            let ascii_free = c
                .ranges()
                .iter()
                .all(|r| r.end().is_ascii() && (r.start()..=r.end()).all(|ch| free(ch as u8)));
            Some(if ascii_free { 0 } else { 4 })
        }
        HirKind::Repetition(r) => match solid(&r.sub)? {
            0 => Some(0),
            n => Some(n * usize::try_from(r.max?).ok()?),
        },
        HirKind::Capture(c) => solid(&c.sub),
        HirKind::Concat(v) => v.iter().map(solid).sum(),
        HirKind::Alternation(v) => v.iter().map(solid).try_fold(0, |acc, n| Some(acc.max(n?))),
    }
}

/// A window to search: matches starting in `from..=last` are found there exactly as in
/// the whole text when the haystack is cut at `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// No match containing one of the window's triggers starts before this.
    pub from: usize,
    /// The last trigger: a match starting after it belongs to a later window.
    pub last: usize,
    /// Haystack end: every match starting at or before `last` ends before it.
    pub end: usize,
}

/// Which bytes of a text are solid (not free), one bit each: built once per text, shared
/// by every rule. A window edge is a few popcounts away (a bound is ~100 bytes).
pub(crate) struct Solid {
    /// Bit `i % 64` of word `i / 64`: byte `i` is solid.
    bits: Vec<u64>,
    /// The same for ASCII digits (the DIGIT triggers).
    digits: Vec<u64>,
    /// The same for word starts: a byte `\b` counts as a word byte (`is_word_byte`) at
    /// the start of the text or after one it does not (where a trigger key may start).
    starts: Vec<u64>,
    len: usize,
}

impl Solid {
    pub(crate) fn new(text: &str) -> Solid {
        let bytes = text.as_bytes();
        let words = bytes.len().div_ceil(64);
        let (mut bits, mut digits) = (Vec::with_capacity(words), Vec::with_capacity(words));
        let mut starts = Vec::with_capacity(words);
        // Comparisons rather than a table lookup, over fixed 64-byte chunks: the compiler
        // turns this into SIMD compares and bit masks.
        let masks = |chunk: &[u8]| {
            let (mut solid, mut digit, mut word) = (0u64, 0u64, 0u64);
            for (i, &b) in chunk.iter().enumerate() {
                let is_digit = b.wrapping_sub(b'0') < 10;
                let is_space = b == b' ' || b.wrapping_sub(b'\t') < 5;
                solid |= u64::from(!(is_digit || is_space)) << i;
                digit |= u64::from(is_digit) << i;
                word |= u64::from(is_word_byte(&b)) << i;
            }
            (solid, digit, word)
        };
        // Whether the byte before the chunk is a word byte (bit 0), for its word starts.
        let mut before = 0u64;
        let mut push = |(s, d, w): (u64, u64, u64)| {
            bits.push(s);
            digits.push(d);
            starts.push(w & !(w << 1 | before));
            before = w >> 63;
        };
        let mut chunks = bytes.chunks_exact(64);
        for chunk in chunks.by_ref() {
            let full: &[u8; 64] = chunk.try_into().unwrap_or(&[0; 64]);
            push(masks64(full));
        }
        if !chunks.remainder().is_empty() {
            push(masks(chunks.remainder()));
        }
        Solid { bits, digits, starts, len: bytes.len() }
    }

    /// Offsets of the ASCII digits, in order.
    fn digits(&self) -> impl Iterator<Item = usize> + '_ {
        (0usize..).zip(&self.digits).flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    w * 64 + bit
                })
            })
        })
    }

    /// The earliest start of a match holding at most `bound` solid bytes and containing
    /// byte `at`: just after the (bound+1)-th solid byte before `at`, or 0.
    fn start_bound(&self, at: usize, bound: usize) -> usize {
        let mut need = bound + 1;
        let mut w = at / 64;
        // Bits strictly below `at` in its word.
        let mut word = self.bits.get(w).map_or(0, |x| x & ((1u64 << (at % 64)) - 1));
        loop {
            let count = word.count_ones() as usize;
            if count >= need {
                // The need-th highest set bit.
                return w * 64 + select(word, count - need) + 1;
            }
            need -= count;
            if w == 0 {
                return 0;
            }
            w -= 1;
            word = self.bits.get(w).copied().unwrap_or(0);
        }
    }

    /// The (bound+1)-th solid byte after `at`, or the text length: a match holding at
    /// most `bound` solid bytes and containing `at` ends at or before it.
    fn reach(&self, at: usize, bound: usize) -> usize {
        let mut need = bound + 1;
        let from = at + 1;
        let mut w = from / 64;
        let Some(first) = self.bits.get(w) else { return self.len };
        let mut word = first & (!0u64 << (from % 64));
        loop {
            let count = word.count_ones() as usize;
            if count >= need {
                // The need-th lowest set bit.
                return w * 64 + select(word, need - 1);
            }
            need -= count;
            w += 1;
            match self.bits.get(w) {
                Some(&x) => word = x,
                None => return self.len,
            }
        }
    }
}

/// The position of the `k`-th (from 0) lowest set bit of `word`, which has more than `k`.
/// Byte by byte, then bit by bit (a window edge costs a few of these).
fn select(word: u64, mut k: usize) -> usize {
    let mut base = 0;
    let mut w = word;
    while base < 56 {
        let c = (w & 0xFF).count_ones() as usize;
        if k < c {
            break;
        }
        k -= c;
        w >>= 8;
        base += 8;
    }
    let mut byte = w & 0xFF;
    for _ in 0..k {
        byte &= byte.wrapping_sub(1);
    }
    base + byte.trailing_zeros() as usize
}

/// The trigger offsets of each class bit, in text order: `scan`'s list split in one pass
/// (each trigger goes to the lists of its bits), so that each rule reads its triggers
/// without filtering the whole list again.
pub(crate) struct ByClass {
    lists: Vec<Vec<usize>>,
}

impl ByClass {
    pub(crate) fn new(found: &[(usize, Class)]) -> ByClass {
        let mut counts = [0usize; Class::BITS as usize];
        for (_, class) in found {
            let mut bits = *class;
            while bits != 0 {
                if let Some(n) = counts.get_mut(bits.trailing_zeros() as usize) {
                    *n += 1;
                }
                bits &= bits - 1;
            }
        }
        let mut lists: Vec<Vec<usize>> = counts.iter().map(|&n| Vec::with_capacity(n)).collect();
        for &(at, class) in found {
            let mut bits = class;
            while bits != 0 {
                if let Some(list) = lists.get_mut(bits.trailing_zeros() as usize) {
                    list.push(at);
                }
                bits &= bits - 1;
            }
        }
        ByClass { lists }
    }

    /// The offsets of the triggers of any class of `mask`, in text order, each once.
    pub(crate) fn offsets(&self, mask: Class) -> std::borrow::Cow<'_, [usize]> {
        let list = |bit: u32| self.lists.get(bit as usize).map_or(&[][..], Vec::as_slice);
        if mask.count_ones() <= 1 {
            return std::borrow::Cow::Borrowed(list(mask.trailing_zeros()));
        }
        // Several classes (one rule, `Vague`, whose second list is short): join and sort.
        let mut out: Vec<usize> = Vec::new();
        let mut bits = mask;
        while bits != 0 {
            out.extend_from_slice(list(bits.trailing_zeros()));
            bits &= bits - 1;
        }
        out.sort_unstable();
        out.dedup();
        std::borrow::Cow::Owned(out)
    }
}

/// The windows of one rule: triggers of its classes, `bound` solid bytes either side,
/// overlapping windows merged.
pub(crate) fn windows(text: &str, solid: &Solid, triggers: &[usize], bound: Bound) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    let mut open: Option<Window> = None;
    // `reach` is the reach of the trigger `reach_of` of the open window (not always its
    // last: reach grows with the trigger, so a trigger before an older reach needs no
    // new one; dense digits then cost O(1) each).
    let (mut reach, mut reach_of) = (0, usize::MAX);
    for &at in triggers {
        if let Some(w) = open.as_mut() {
            if at < reach {
                w.last = at;
                continue;
            }
            if reach_of != w.last {
                (reach, reach_of) = (solid.reach(w.last, bound.after), w.last);
                if at < reach {
                    w.last = at;
                    continue;
                }
            }
            w.end = haystack_end(text, reach);
        }
        let from = floor_char_boundary(text, solid.start_bound(at, bound.before));
        match open.take() {
            Some(mut w) if from <= w.end => {
                w.last = at;
                open = Some(w);
            }
            prev => {
                out.extend(prev);
                open = Some(Window { from, last: at, end: at });
            }
        }
        (reach, reach_of) = (solid.reach(at, bound.after), at);
    }
    if let Some(mut w) = open {
        if reach_of != w.last {
            reach = solid.reach(w.last, bound.after);
        }
        w.end = haystack_end(text, reach);
        out.push(w);
    }
    out
}

/// One byte past the furthest possible match end (for `\b`), on a char boundary.
fn haystack_end(text: &str, reach: usize) -> usize {
    ceil_char_boundary(text, reach + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_ignore_whitespace_and_digits() {
        let sym = |n| Some(Bound { before: n, after: n });
        assert_eq!(solid_bound(r"\b[0-9]+\s+years?\b", None), sym(5));
        assert_eq!(solid_bound(r"(?:the\s+)?[12][0-9]{3}", None), sym(3));
        assert_eq!(solid_bound(r"a+", None), None);
        assert_eq!(solid_bound(r"(?i:ab)|–", None), sym(3));
        // "the end of May 1865": 8 solid bytes up to the month (with it), 3 from it.
        assert_eq!(
            solid_bound(r"(?:the\s+end\s+of\s+)?(?P<m>May)(?:\s+[0-9]{4})?", Some("m")),
            Some(Bound { before: 11, after: 3 })
        );
        assert_eq!(solid_bound(r"(?:the\s+end\s+of\s+)?(?P<m>May)", Some("x")), sym(11));
    }

    #[test]
    fn triggers_start_their_words() {
        let t = Triggers::new().unwrap();
        let text = "In Decade 1865 the autumn";
        let found = t.scan(text, &Solid::new(text));
        let starts: Vec<&str> = found.iter().map(|(at, _)| &text[*at..=*at]).collect();
        // A digit inside its run triggers nothing here.
        assert_eq!(starts, ["D", "1", "a"]);
        // "Decade" also starts with the month key "Dec" (before a number, as far as the
        // cheap context check can tell).
        assert_eq!(found[0].1, MONTH | UNIT | MONTH_BEFORE_NUMBER);
        assert_eq!(found[2].1 & !(AFTER_THE | BARE | AFTER_ANAPHOR | PHASE), SEASON);
    }

    #[test]
    fn keys_trigger_at_word_starts_only() {
        let t = Triggers::new().unwrap();
        // Inside a word, after a digit or "_": nothing. After punctuation, a dash or a
        // non-ASCII letter: a word start (`\b` is ASCII). A start at byte 64 has its
        // word byte before it in the chunk before.
        let text = format!(
            "{}-day Monday known rainfall_day 1865year (night) éday x{}year",
            " ".repeat(60),
            "y".repeat(60)
        );
        let found = t.scan(&text, &Solid::new(&text));
        let words: Vec<&str> = found
            .iter()
            .filter(|(_, c)| c & DIGIT == 0)
            .map(|(at, _)| text[*at..].split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap())
            .collect();
        assert_eq!(words, ["day", "Monday", "night", "day"]);
        let late = "a".repeat(64) + "day";
        assert!(t.scan(&late, &Solid::new(&late)).is_empty());
    }

    #[test]
    fn digits_know_their_context() {
        let t = Triggers::new().unwrap();
        let text = "1865–66, 9 am, 10.30p.m., the 1860s and 70's, 12/3";
        let solid = Solid::new(text);
        let with = |class: Class| -> Vec<&str> {
            t.scan(text, &solid)
                .iter()
                .filter(|(_, c)| c & class != 0)
                .map(|(at, _)| &text[*at..=*at])
                .collect()
        };
        assert_eq!(with(JOINT), ["9", "0"]);
        assert_eq!(with(SHORT_RANGE), ["5"]);
        assert_eq!(with(DIGIT), ["1", "6", "9", "1", "3", "1", "7", "1", "3"]);
        let decades = t.scan(text, &solid).iter().filter(|(_, c)| c & DECADE != 0).count();
        assert_eq!(decades, 2);
    }

    #[test]
    fn months_know_their_neighbours() {
        let t = Triggers::new().unwrap();
        let text =
            "on 14 April and the 3rd of May, Sept. 9, March of 1866, June AD 5, in July the army";
        let found = t.scan(text, &Solid::new(text));
        let months: Vec<(&str, Class)> = found
            .iter()
            .filter(|(_, c)| c & MONTH != 0)
            .map(|(at, c)| (&text[*at..*at + 3], c & (MONTH_AFTER_DAY | MONTH_BEFORE_NUMBER)))
            .collect();
        assert_eq!(
            months,
            [
                ("Apr", MONTH_AFTER_DAY),
                ("May", MONTH_AFTER_DAY),
                ("Sep", MONTH_BEFORE_NUMBER),
                ("Mar", MONTH_BEFORE_NUMBER),
                ("Jun", MONTH_BEFORE_NUMBER),
                ("Jul", 0)
            ]
        );
    }

    #[test]
    fn digits_narrow_by_their_neighbours() {
        let t = Triggers::new().unwrap();
        let text = "1866-03-31, 1861–1865, 1861/62x, 1998/99 and the '99 and ’89 boys";
        let found = t.scan(text, &Solid::new(text));
        let with = |class: Class| -> Vec<usize> {
            found.iter().filter(|(_, c)| c & class != 0).map(|(at, _)| *at).collect()
        };
        assert_eq!(with(ISO), [3]);
        // "1866-03", "03-31" and "1998/99" are short ranges as far as the bytes tell;
        // "1861–1865" (four digits) and "1861/62x" (a word byte after) are not.
        let short: Vec<&str> = with(SHORT_RANGE).iter().map(|&at| &text[at..at + 4]).collect();
        assert_eq!(short, ["6-03", "3-31", "8/99"]);
        let apostrophes: Vec<&str> = with(APOSTROPHE).iter().map(|&at| &text[at..at + 2]).collect();
        assert_eq!(apostrophes, ["99", "89"]);
    }

    #[test]
    fn months_know_their_days() {
        let t = Triggers::new().unwrap();
        let text = "May 4, June the 3rd, July 1865, Aug. 12th, Sept,  9, \
                    12 to 15 June, the 13th to the 19th of October, 7 and 8 March, 3 April";
        let found = t.scan(text, &Solid::new(text));
        let with = |class: Class| -> Vec<&str> {
            found
                .iter()
                .filter(|(_, c)| c & class != 0)
                .map(|(at, _)| &text[*at..*at + 3])
                .collect()
        };
        assert_eq!(with(MONTH_BEFORE_DAY), ["May", "Jun", "Aug"]);
        assert_eq!(with(MONTH_AFTER_RANGE), ["Jun", "Oct", "Mar"]);
    }

    #[test]
    fn units_know_the_word_before() {
        let t = Triggers::new().unwrap();
        let cases: &[(&str, Class)] = &[
            ("twice a week", AFTER_A | AFTER_SPAN),
            ("last year", AFTER_DEICTIC | AFTER_SPAN),
            ("the day after", AFTER_THE | BARE | AFTER_ANAPHOR | PHASE),
            ("by year's end", PHASE),
            ("that same year", AFTER_ANAPHOR | PHASE),
            ("for years", BARE),
            ("a decades-long war", BARE | AFTER_A | AFTER_SPAN),
            ("These days", AFTER_THESE),
            ("the past 20 years", AFTER_SPAN),
            ("the first TWENTY-ONE hours", AFTER_SPAN),
            ("in the morning", PART | AFTER_THE | BARE | AFTER_ANAPHOR | PHASE),
            ("in daytime", PART),
            ("one\nday", AFTER_SPAN),
            ("intervenings days", 0),
        ];
        for (text, class) in cases {
            let found = t.scan(text, &Solid::new(text));
            let unit = found.iter().rfind(|(_, c)| c & UNIT != 0).map(|(_, c)| *c);
            assert_eq!(unit.map(|c| c & !(UNIT | PART)), Some(*class & !PART), "{text}");
            assert_eq!(unit.map(|c| c & PART), Some(*class & PART), "{text}");
        }
    }

    #[test]
    fn holidays_are_capitalized_and_new_needs_its_year() {
        let t = Triggers::new().unwrap();
        let text = "New Year's Day, new year, New York, christmas, Christmas, NewYear";
        let found = t.scan(text, &Solid::new(text));
        let holidays: Vec<usize> =
            found.iter().filter(|(_, c)| c & HOLIDAY != 0).map(|(at, _)| *at).collect();
        assert_eq!(holidays, [0, text.find("Christmas").unwrap()]);
    }

    #[test]
    fn by_class_splits_and_joins_lists() {
        let found = [(1, DIGIT), (4, DIGIT | VAGUE), (9, VAGUE), (12, AFTER_THESE)];
        let by = ByClass::new(&found);
        assert_eq!(by.offsets(DIGIT).as_ref(), [1, 4]);
        assert_eq!(by.offsets(VAGUE | AFTER_THESE).as_ref(), [4, 9, 12]);
        assert_eq!(by.offsets(DIGIT | VAGUE).as_ref(), [1, 4, 9]);
        assert!(by.offsets(QUARTER).is_empty());
    }

    #[test]
    fn chunk_masks_match_the_byte_rule_for_every_byte_value() {
        for shift in 0..64 {
            for chunk in (0..=255u8).collect::<Vec<u8>>().chunks(64) {
                let mut full = [0u8; 64];
                for (i, &b) in chunk.iter().enumerate() {
                    full[(i + shift) % 64] = b;
                }
                let (solid, digit, word) = masks64(&full);
                for (i, &b) in full.iter().enumerate() {
                    assert_eq!(solid >> i & 1 == 1, SOLID[usize::from(b)], "byte {b:#x} at {i}");
                    assert_eq!(digit >> i & 1 == 1, b.is_ascii_digit(), "byte {b:#x} at {i}");
                    assert_eq!(word >> i & 1 == 1, is_word_byte(&b), "byte {b:#x} at {i}");
                }
            }
        }
    }

    #[test]
    fn select_finds_the_kth_set_bit() {
        let word: u64 = (1 << 3) | (1 << 9) | (1 << 10) | (1 << 63);
        let found: Vec<usize> = (0..4).map(|k| select(word, k)).collect();
        assert_eq!(found, [3, 9, 10, 63]);
        assert_eq!(select(u64::MAX, 40), 40);
    }

    #[test]
    fn window_edges_count_solid_bytes() {
        let text = format!("{}ab  12 cd{}", "x".repeat(70), " y".repeat(40));
        let solid = Solid::new(&text);
        let one = text.find('1').unwrap();
        // Three solid bytes back from '1' are 'x', 'a', 'b': the start is just after that 'x'.
        assert_eq!(solid.start_bound(one, 2), 70);
        assert_eq!(solid.start_bound(one, 200), 0);
        // Solid bytes after '2'... the '1' itself is free; the 3rd solid after it is the first 'y'.
        assert_eq!(&text[solid.reach(one, 2)..solid.reach(one, 2) + 1], "y");
        assert_eq!(solid.reach(one, 500), text.len());
    }

    #[test]
    fn windows_merge_close_triggers() {
        let text = "aaaa 1 bbbb 2 cccccccccccccccccccc 3 dd";
        let t = Triggers::new().unwrap();
        let digits: Vec<usize> = t
            .scan(text, &Solid::new(text))
            .iter()
            .filter(|(_, c)| c & DIGIT != 0)
            .map(|(at, _)| *at)
            .collect();
        let w = windows(text, &Solid::new(text), &digits, Bound { before: 4, after: 4 });
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].from, w[0].last), (0, 12));
        assert_eq!(w[1].last, 35);
        assert!(w[0].end <= w[1].from);
    }
}
