//! Candidate windows: the parts of a text where a rule's regex can match at all.
//!
//! Running every rule's regex over the whole text cost one lazy-DFA pass per rule
//! (about 20 passes, ~30 MB/s): the patterns start with optional prefixes ("the early
//! morning of", "about"), so the regex crate finds no literal to skip ahead with. But
//! every match of a rule contains a *trigger* that a single Aho-Corasick pass finds: a
//! digit, a capitalized month abbreviation, a unit word ("year", "night"), a season,
//! ... (`Class`). And a match is short: it holds at most a bounded number of bytes
//! that are neither whitespace nor digits (`solid_bound`, read from the pattern's HIR;
//! whitespace and digit runs may be long, so they are not counted). So a match
//! containing a trigger lies within that many "solid" bytes on either side of it, and
//! each rule only searches those windows ([`Windows`]).
//!
//! The result is exactly the full-text iteration (`captures_iter`): see `search` in
//! `patterns.rs` for the argument, and the tests that compare both on many texts.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class as HirClass, Hir, HirKind};

/// Trigger classes, as bits: a rule names the classes one of which each of its matches contains.
pub(crate) type Class = u8;
/// An ASCII digit.
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

/// Lower-case trigger words and their class; each is also found capitalized.
const WORDS: &[(&str, Class)] = &[
    ("second", UNIT),
    ("minute", UNIT),
    ("hour", UNIT),
    ("day", UNIT),
    ("night", UNIT),
    ("week", UNIT),
    ("month", UNIT),
    ("year", UNIT),
    ("decade", UNIT),
    ("centur", UNIT),
    ("morning", UNIT),
    ("evening", UNIT),
    ("noon", UNIT),
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
    ("century", CENTURY),
];

const MONTHS: &[&str] = &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The trigger automaton. Built once (in the patterns' `LazyLock`).
pub(crate) struct Triggers {
    ac: AhoCorasick,
    class_of: Vec<Class>,
}

impl Triggers {
    pub(crate) fn new() -> Option<Triggers> {
        let mut patterns: Vec<String> = Vec::new();
        let mut class_of = Vec::new();
        for d in b'0'..=b'9' {
            patterns.push(char::from(d).to_string());
            class_of.push(DIGIT);
        }
        for m in MONTHS {
            patterns.push(m.to_string());
            class_of.push(MONTH);
        }
        for (w, class) in WORDS {
            let mut cap = w.to_string();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            patterns.push(w.to_string());
            patterns.push(cap);
            class_of.extend([*class, *class]);
        }
        // Standard semantics and overlapping search: every occurrence is reported, even
        // one inside another ("Dec" in "Decade"), since they may serve different rules.
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&patterns).ok()?;
        Some(Triggers { ac, class_of })
    }

    /// Every trigger occurrence in `text` as (last byte offset, class), in text order.
    /// The last byte is inside any match that contains the occurrence.
    pub(crate) fn scan(&self, text: &str) -> Vec<(usize, Class)> {
        let mut out: Vec<(usize, Class)> = Vec::with_capacity(text.len() / 16);
        for m in self.ac.find_overlapping_iter(text) {
            let class = self.class_of.get(m.pattern().as_usize()).copied().unwrap_or(0);
            // Overlapping matches come in order of their end; merge classes at one end.
            match out.last_mut() {
                Some((end, c)) if *end == m.end() - 1 => *c |= class,
                _ => out.push((m.end() - 1, class)),
            }
        }
        out
    }
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

/// The most non-free bytes any match of `pattern` (ASCII mode) can hold; `None` if
/// unbounded or unparsable (the rule then runs over the whole text).
pub(crate) fn solid_bound(pattern: &str) -> Option<usize> {
    let hir = regex_syntax::ParserBuilder::new().unicode(false).build().parse(pattern).ok()?;
    solid(&hir)
}

fn solid(hir: &Hir) -> Option<usize> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => Some(lit.0.iter().filter(|b| !free(**b)).count()),
        HirKind::Class(HirClass::Bytes(c)) => Some(usize::from(!c.ranges().iter().all(|r| (r.start()..=r.end()).all(free)))),
        HirKind::Class(HirClass::Unicode(c)) => {
            let ascii_free = c.ranges().iter().all(|r| r.end().is_ascii() && (r.start()..=r.end()).all(|ch| free(ch as u8)));
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

/// Where the solid (non-free) bytes of a text are, to measure windows in O(1): built
/// once per text, shared by every rule.
pub(crate) struct Solid {
    /// `rank[i]`: solid bytes in `text[..i]`.
    rank: Vec<u32>,
    /// Offsets of the solid bytes.
    pos: Vec<u32>,
}

impl Solid {
    /// `None` for texts over 4 GiB (u32 offsets); those are searched whole.
    pub(crate) fn new(text: &str) -> Option<Solid> {
        u32::try_from(text.len()).ok()?;
        let bytes = text.as_bytes();
        // Two tight passes (no per-byte push): the running count, then the offsets.
        let mut rank = vec![0u32; bytes.len() + 1];
        let mut n: u32 = 0;
        for (r, &b) in rank.iter_mut().skip(1).zip(bytes) {
            n += u32::from(SOLID[usize::from(b)]);
            *r = n;
        }
        let mut pos = vec![0u32; n as usize];
        let offsets = (0u32..).zip(bytes).filter(|(_, b)| SOLID[usize::from(**b)]).map(|(i, _)| i);
        for (slot, i) in pos.iter_mut().zip(offsets) {
            *slot = i;
        }
        Some(Solid { rank, pos })
    }

    fn rank(&self, i: usize) -> usize {
        self.rank.get(i).map_or(self.pos.len(), |&r| r as usize)
    }

    /// The (k+1)-th solid byte's offset, or `len` when there are not that many.
    fn nth(&self, k: usize, len: usize) -> usize {
        self.pos.get(k).map_or(len, |&p| p as usize)
    }

    /// The earliest start of a match holding at most `bound` solid bytes and containing
    /// byte `at`: just after the (bound+1)-th solid byte before `at`.
    fn start_bound(&self, at: usize, bound: usize) -> usize {
        let k = self.rank(at);
        if k > bound {
            self.nth(k - bound - 1, 0) + 1
        } else {
            0
        }
    }

    /// The (bound+1)-th solid byte after `at` (or `len`): such a match ends before it.
    fn reach(&self, at: usize, bound: usize, len: usize) -> usize {
        self.nth(self.rank(at + 1) + bound, len)
    }
}

/// The windows of one rule: triggers of its classes, `bound` solid bytes either side,
/// overlapping windows merged.
pub(crate) fn windows(text: &str, solid: &Solid, triggers: &[(usize, Class)], classes: Class, bound: usize) -> Vec<Window> {
    let len = text.len();
    let mut out: Vec<Window> = Vec::new();
    let mut open: Option<Window> = None;
    // The open window's last trigger's reach (see `Solid::reach`).
    let mut reach = 0;
    for &(at, _) in triggers.iter().filter(|(_, c)| c & classes != 0) {
        match open.as_mut() {
            // Within the previous trigger's reach: same window.
            Some(w) if at < reach => w.last = at,
            _ => {
                let mut from = solid.start_bound(at, bound);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
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
            }
        }
        reach = solid.reach(at, bound, len);
        if let Some(w) = open.as_mut() {
            // One byte past the furthest possible match end, for `\b`; on a char boundary.
            let mut end = (reach + 1).min(len);
            while !text.is_char_boundary(end) {
                end += 1;
            }
            w.end = end;
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_ignore_whitespace_and_digits() {
        assert_eq!(solid_bound(r"\b[0-9]+\s+years?\b"), Some(5));
        assert_eq!(solid_bound(r"(?:the\s+)?[12][0-9]{3}"), Some(3));
        assert_eq!(solid_bound(r"a+"), None);
        assert_eq!(solid_bound(r"(?i:ab)|–"), Some(3));
    }

    #[test]
    fn triggers_end_inside_their_words() {
        let t = Triggers::new().unwrap();
        let text = "In Decade 1865 the autumn";
        let found = t.scan(text);
        let ends: Vec<&str> = found.iter().map(|(at, _)| &text[*at..=*at]).collect();
        assert_eq!(ends, ["c", "e", "1", "8", "6", "5", "n"]);
        assert_eq!(found[0].1, MONTH);
        assert_eq!(found[1].1, UNIT);
        assert_eq!(found[6].1, SEASON);
    }

    #[test]
    fn windows_merge_close_triggers() {
        let text = "aaaa 1 bbbb 2 cccccccccccccccccccc 3 dd";
        let t = Triggers::new().unwrap();
        let w = windows(text, &Solid::new(text).unwrap(), &t.scan(text), DIGIT, 4);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].from, w[0].last), (0, 12));
        assert_eq!(w[1].last, 35);
        assert!(w[0].end <= w[1].from);
    }
}
