//! Which part of a sentence a frame's arguments may come from.
//!
//! A sentence often tells several events: "He lived in Los Angeles from 1937 until his
//! death", "Gershwin completed the orchestration on November 18, before the work's
//! premiere", "Aristotle's father died when Aristotle was a child". With no parser, the
//! clause structure is read from its surface marks: `;`, `: ` and dashes end a clause;
//! a parenthesis, a subordinate clause (a subordinating word or relative pronoun up to
//! the next comma) and a participle clause after a comma (", recorded live at ...",
//! ", besieging and capturing ...") are *walls*. An argument is in a trigger's scope when
//! both sit in the same clause and inside the same innermost wall; a wall that opens
//! right after the trigger ("the rebellion, which began in 1850") describes the trigger
//! and is seen through. One pass over the sentence's bytes, no allocation per word.

use crate::span::Span;

/// Words that open a subordinate clause (or a temporal phrase that sets its event apart
/// from the rest of the sentence: "a year before his death", "until his death").
const SUBORDINATORS: &[&str] = &[
    "when",
    "while",
    "whereas",
    "whereafter",
    "whereupon",
    "although",
    "though",
    "because",
    "unless",
    "whether",
    "if",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "that",
    "until",
    "till",
    "since",
    "before",
    "after",
];

/// True when `word` could be one of [`SUBORDINATORS`] (any case) by its length and first
/// letter: a test of two bytes that rules out most words of a sentence before the list
/// is read.
fn may_open(word: &str) -> bool {
    // The first letters of SUBORDINATORS (a unit test checks the list against it).
    const FIRST: &[u8] = b"abistuw";
    word.len() <= 10 && word.as_bytes().first().is_some_and(|b| FIRST.contains(&(b | 0x20)))
}

/// Temporal words that are a wall only when no date follows them: "before 1860" dates
/// the event it follows, "before his death" tells another one.
const TEMPORAL: &[&str] = &["until", "till", "since", "before", "after"];

/// Lower-case `-ing` words after a comma that are prepositions or nouns, not participles.
const NOT_PARTICIPLES: &[&str] = &[
    "during",
    "including",
    "according",
    "following",
    "concerning",
    "regarding",
    "excluding",
    "notwithstanding",
    "something",
    "nothing",
    "anything",
    "everything",
    "morning",
    "evening",
    "spring",
    "thing",
    "things",
];

/// What opened a wall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WallKind {
    /// `( ... )`.
    Parenthesis,
    /// "when ...": a clause a date just before it may date ("on 11 February 2016, when
    /// researchers published").
    When,
    /// Another subordinating word, up to the next comma.
    Subordinate,
    /// A temporal preposition before a noun phrase ("until his death", "after the
    /// Battle of Callao"): part of the clause around it, seen through from outside, but
    /// a trigger inside it takes nothing from before it ("from 1937 until his death").
    Phrase,
    /// ", recorded live at ...": a participle after a comma, up to the next comma.
    Participle,
}

/// A stretch of the sentence set apart from the clause around it. Walls nest: a wall
/// opened inside another closes before it (a parenthesis closes the subordinate clauses
/// opened in it, and closes those opened before it at its opening).
#[derive(Clone, Copy, Debug)]
struct Wall {
    span: Span,
    kind: WallKind,
    /// Opened by a relative pronoun (which, who, whom, whose).
    relative: bool,
    /// The index of the smallest wall holding this one, if any.
    parent: Option<usize>,
    /// How many walls hold this one.
    depth: usize,
}

/// Walls nested deeper than this are not recorded (their text counts as the wall around
/// them): finding an argument's wall walks up the walls that hold it, so the depth bounds
/// the work per argument. Real sentences nest two or three deep.
const MAX_WALL_DEPTH: usize = 8;

/// The clause structure of one sentence (see the module docs).
#[derive(Debug, Default)]
pub(super) struct Clauses {
    /// Offsets of clause ends (`;`, `: `, dashes), in order.
    hard: Vec<usize>,
    /// Walls, in order of their start.
    walls: Vec<Wall>,
    /// The sentence.
    sentence: Span,
}

impl Clauses {
    /// Reads `sentence` of `text`; `dates` are the sentence's date spans (sorted), so
    /// that "before 1860" opens no wall and the comma of "January 21, 1862" closes none.
    /// Linear in the sentence's length (times the log of its dates): walls are found in
    /// one pass and recorded in order with their parent, so that [`Self::same_scope`]
    /// needs a binary search and a walk of at most [`MAX_WALL_DEPTH`] walls.
    pub(super) fn read(&mut self, text: &str, sentence: Span, dates: &[Span]) {
        let in_date = |at: usize| {
            let after = dates.partition_point(|d| d.start <= at);
            after.checked_sub(1).is_some_and(|i| dates[i].end > at)
        };
        self.hard.clear();
        self.walls.clear();
        self.sentence = sentence;
        let Some(body) = text.get(sentence.start..sentence.end) else { return };
        let bytes = body.as_bytes();
        // Walls waiting for the comma (or other mark) that closes them, innermost last,
        // and open parentheses (`None`: one nested too deep to record); both index into
        // `walls`.
        let mut open: Vec<usize> = Vec::new();
        let mut parens: Vec<Option<usize>> = Vec::new();
        let close_open = |walls: &mut Vec<Wall>, open: &mut Vec<usize>, at: usize| {
            for i in open.drain(..) {
                walls[i].span.end = at;
            }
        };
        // A new wall at `start` of `kind` nests in the innermost open wall or parenthesis
        // (`open` walls were opened after the last open parenthesis); `None` when too deep.
        let push = |walls: &mut Vec<Wall>,
                    open: &[usize],
                    parens: &[Option<usize>],
                    start: usize,
                    kind: WallKind,
                    relative: bool| {
            let parent = open.last().copied().or_else(|| parens.iter().rev().find_map(|p| *p));
            let depth = parent.map_or(0, |p| walls[p].depth + 1);
            (depth < MAX_WALL_DEPTH).then(|| {
                let span = Span::new(start, sentence.end);
                walls.push(Wall { span, kind, relative, parent, depth });
                walls.len() - 1
            })
        };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let at = sentence.start + i;
            if b.is_ascii_alphabetic() {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'') {
                    i += 1;
                }
                let word = &body[start..i];
                let glued = start > 0
                    && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'-');
                // A word of a date opens nothing: "That same day, they entered Callao".
                // (`may_open` first: one byte test rules out most words before the
                // look-ups.)
                if may_open(word) && !glued && !in_date(sentence.start + start) {
                    if let Some(kind) = self.opens(body, i, word, dates) {
                        let relative = ["which", "who", "whom", "whose"]
                            .iter()
                            .any(|r| word.eq_ignore_ascii_case(r));
                        let at = sentence.start + start;
                        if let Some(w) = push(&mut self.walls, &open, &parens, at, kind, relative) {
                            open.push(w);
                        }
                    }
                }
                continue;
            }
            match b {
                b',' if in_date(at) => {}
                b',' if new_clause_after_but(&body[i + 1..]) => {
                    // ", but the French decided ...": a new clause with its own subject
                    // (not ", but were defeated", the same subject's next verb).
                    close_open(&mut self.walls, &mut open, at);
                    self.hard.push(at);
                }
                b',' => {
                    close_open(&mut self.walls, &mut open, at);
                    if participle_after(body, i + 1) {
                        let kind = WallKind::Participle;
                        if let Some(w) = push(&mut self.walls, &open, &parens, at, kind, false) {
                            open.push(w);
                        }
                    }
                }
                // "10:30", "http://": a colon inside a token ends nothing.
                b':' if bytes.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace()) => {}
                b';' | b':' => {
                    close_open(&mut self.walls, &mut open, at);
                    self.hard.push(at);
                }
                b'(' => {
                    close_open(&mut self.walls, &mut open, at);
                    let kind = WallKind::Parenthesis;
                    let w = push(&mut self.walls, &open, &parens, at, kind, false);
                    parens.push(w);
                }
                b')' => {
                    close_open(&mut self.walls, &mut open, at);
                    if let Some(p) = parens.pop().flatten() {
                        self.walls[p].span.end = at + 1;
                    }
                }
                _ => {}
            }
            // An em dash (U+2014, E2 80 94) or a spaced en dash (" – ") ends a clause; an
            // unspaced en dash joins a range ("384–322 BC").
            if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) {
                let third = bytes.get(i + 2).copied();
                let spaced = i > 0 && bytes[i - 1] == b' ';
                if third == Some(0x94) || (third == Some(0x93) && spaced) {
                    close_open(&mut self.walls, &mut open, at);
                    self.hard.push(at);
                }
            }
            i += 1;
        }
    }

    /// The kind of wall `word` (ending at `body[..end]`) opens, if any. (A word inside a
    /// date, "before 1860" tagged whole or "that same day", is never asked.)
    fn opens(&self, body: &str, end: usize, word: &str, dates: &[Span]) -> Option<WallKind> {
        let lower = |w: &str, want: &str| w.eq_ignore_ascii_case(want);
        let found = SUBORDINATORS.iter().find(|s| lower(word, s))?;
        let next = body[end..].trim_start();
        if lower(word, "that") {
            // "that year", "that same day": a determiner of a time noun, not a clause
            // (also where the date tagger gives no date: "at that time", "that era").
            let mut nouns =
                next.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty());
            let noun = nouns.find(|w| !["same", "very"].iter().any(|s| lower(w, s)));
            let time_nouns = ["year", "day", "month", "time", "week", "period", "era", "season"];
            if noun.is_some_and(|n| time_nouns.iter().any(|t| lower(n, t))) {
                return None;
            }
        }
        if TEMPORAL.contains(found) {
            // "before 1860", "after 3 May": the date belongs to the event before it.
            let next_at = self.sentence.start + body.len() - next.len();
            if dates.binary_search_by_key(&next_at, |d| d.start).is_ok() {
                return None;
            }
            let head = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let determiner = ["the", "a", "an", "his", "her", "their", "its", "our", "my"]
                .iter()
                .any(|d| head.eq_ignore_ascii_case(d));
            if determiner || head.chars().next().is_some_and(char::is_uppercase) {
                return Some(WallKind::Phrase);
            }
        }
        Some(if lower(word, "when") { WallKind::When } else { WallKind::Subordinate })
    }

    /// True when an argument at `other` may belong to the frame at `trigger`.
    pub(super) fn same_scope(&self, text: &str, trigger: Span, other: Span) -> bool {
        let segment = |at: usize| self.hard.partition_point(|&h| h < at);
        if segment(trigger.start) != segment(other.start) {
            return false;
        }
        let own = self.innermost(text, trigger, trigger);
        let theirs = self.innermost(text, trigger, other);
        own == theirs
            || own.is_some_and(|i| {
                let wall = self.walls[i];
                wall.kind == WallKind::Phrase && other.start >= wall.span.end && theirs.is_none()
            })
    }

    /// The index of the smallest wall holding `at`, seeing through walls that open right
    /// after `trigger` (they describe it). Walls nest, so the walls holding `at` are the
    /// last wall starting at or before it and the walls holding that one: a binary
    /// search, then a walk up at most [`MAX_WALL_DEPTH`] parents.
    fn innermost(&self, text: &str, trigger: Span, at: Span) -> Option<usize> {
        let before = self.walls.partition_point(|w| w.span.start <= at.start);
        let mut next = before.checked_sub(1);
        while let Some(i) = next {
            let w = &self.walls[i];
            let seen_through = at != trigger
                && (attached(text, trigger, w)
                    || (w.kind == WallKind::Phrase && !w.span.contains(trigger)));
            if w.span.contains(at) && !seen_through {
                return Some(i);
            }
            next = w.parent;
        }
        None
    }

    /// When the trigger sits in a "when" clause right after a date ("on 11 February 2016,
    /// when researchers at LIGO published"), where that clause starts.
    pub(super) fn when_clause_start(&self, text: &str, trigger: Span) -> Option<usize> {
        let i = self.innermost(text, trigger, trigger)?;
        let wall = self.walls[i];
        (wall.kind == WallKind::When).then_some(wall.span.start)
    }

    /// True when `at` lies in a participle clause of the trigger's clause while the
    /// trigger lies in no wall: "She was elected to replace him, becoming leader on 10
    /// April 2000" (a fallback when the trigger's own clause has no date).
    pub(super) fn in_participle_clause(&self, text: &str, trigger: Span, at: Span) -> bool {
        let segment = |p: usize| self.hard.partition_point(|&h| h < p);
        segment(trigger.start) == segment(at.start)
            && self.innermost(text, trigger, trigger).is_none()
            && self
                .innermost(text, trigger, at)
                .is_some_and(|i| self.walls[i].kind == WallKind::Participle)
    }

    /// True when `at` lies in a wall that opens the sentence ("After Ueshiba left Hokkaidō
    /// in 1919, he met ...") while `trigger` lies in no wall: the fronted clause sets the
    /// time of the main one.
    pub(super) fn fronted(&self, text: &str, trigger: Span, at: Span) -> bool {
        if self.innermost(text, trigger, trigger).is_some() {
            return false;
        }
        let lead = text.get(self.sentence.start..).unwrap_or("");
        let first = self.sentence.start + (lead.len() - lead.trim_start().len());
        self.walls.first().is_some_and(|w| {
            w.span.start == first && w.kind != WallKind::Parenthesis && w.span.contains(at)
        })
    }
}

/// True when `rest` is " but " and a subject: a determiner, a pronoun or a name.
fn new_clause_after_but(rest: &str) -> bool {
    let Some(next) = rest.strip_prefix(" but ") else { return false };
    let word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let subject = [
        "the", "a", "an", "he", "she", "it", "they", "we", "this", "these", "those", "his", "her",
        "their", "its",
    ];
    word.chars().next().is_some_and(char::is_uppercase)
        || subject.iter().any(|s| word.eq_ignore_ascii_case(s))
}

/// True when `wall` describes the trigger: it opens right after it, after a comma ("the
/// rebellion, which began in 1850"; "an uprising, led by X") or with a relative pronoun
/// ("the treaty which ended the war"); not "died when X was a child".
fn attached(text: &str, trigger: Span, wall: &Wall) -> bool {
    wall.span.start >= trigger.end
        && text.get(trigger.end..wall.span.start).is_some_and(|gap| {
            gap.len() <= 3
                && gap.bytes().all(|b| b == b',' || b == b' ')
                && (gap.contains(',') || wall.relative)
        })
}

/// When `body[from..]` is " recorded ..." or " besieging ...": a lower-case participle
/// after a comma opens a clause of its own.
fn participle_after(body: &str, from: usize) -> bool {
    let Some(rest) = body.get(from..).and_then(|r| r.strip_prefix(' ')) else { return false };
    let word = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    word.len() >= 5
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && (word.ends_with("ed") || word.ends_with("ing"))
        && !NOT_PARTICIPLES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows: sentence, trigger, argument, in scope.
    #[test]
    fn scope_rows() {
        let rows = [
            ("He lived in Los Angeles from 1937 until his death.", "death", "1937", false),
            ("He lived in Los Angeles from 1937 until his death.", "death", "Los Angeles", false),
            ("In 1962, a year before his death, he was elected.", "death", "1962", false),
            ("In 1962, a year before his death, he was elected.", "elected", "1962", true),
            ("He died before 1860 in Lima.", "died", "1860", true),
            (
                "His father died when Aristotle was a child, whereafter X ruled.",
                "died",
                "Aristotle",
                false,
            ),
            ("The rebellion, which began in 1850, failed.", "rebellion", "1850", true),
            ("They founded the Society (which met in Rome) in 1901.", "founded", "Rome", false),
            ("They founded the Society (which met in Rome) in 1901.", "founded", "1901", true),
            (
                "His plan was to keep men in New York; others would attack Lima.",
                "attack",
                "New York",
                false,
            ),
            (
                "His plan was to keep men in New York; others would attack Lima.",
                "attack",
                "Lima",
                true,
            ),
            (
                "Harry released a song on his album, recorded live in Chicago.",
                "released",
                "Chicago",
                false,
            ),
            ("an uprising, led by Quiroga, spread.", "uprising", "Quiroga", true),
            (
                "Aruba has papers published in Papiamento: Diario, Solo di Pueblo.",
                "published",
                "Pueblo",
                false,
            ),
            ("In that year the town was founded.", "founded", "year", true),
            (
                "The New Yorker published a piece saying that Einstein was known.",
                "published",
                "Einstein",
                false,
            ),
            ("Aristotle lived 384–322 BC and died in Chalcis.", "died", "384", true),
            (
                "Swayne, nominated January 21, 1862 and appointed later, served.",
                "nominated",
                "January 21, 1862",
                true,
            ),
            (
                "Washington favored attacking the port, but the French sailed to Yorktown.",
                "attacking",
                "Yorktown",
                false,
            ),
            (
                "They attacked the city on 31 December, but were defeated in a battle.",
                "battle",
                "31 December",
                true,
            ),
            (
                "The war ended after the Battle of Callao, with the withdrawal on 2 May 1866.",
                "Battle",
                "2 May 1866",
                true,
            ),
            (
                "The war ended after the Battle of Callao, with the withdrawal on 2 May 1866.",
                "withdrawal",
                "Callao",
                true,
            ),
            (
                "It began with a withdrawal from battle after he was dishonored by Agamemnon.",
                "battle",
                "Agamemnon",
                false,
            ),
        ];
        for (sentence, trigger, arg, want) in rows {
            let span_of = |w: &str| {
                let at = sentence.find(w).expect("word in sentence");
                Span::new(at, at + w.len())
            };
            let mut c = Clauses::default();
            let mut dates: Vec<Span> = ["1860", "1901", "1937", "1962", "1850", "January 21, 1862"]
                .iter()
                .filter_map(|d| sentence.find(d).map(|at| Span::new(at, at + d.len())))
                .collect();
            dates.sort_unstable();
            c.read(sentence, Span::new(0, sentence.len()), &dates);
            assert_eq!(
                c.same_scope(sentence, span_of(trigger), span_of(arg)),
                want,
                "{sentence:?}: {trigger} / {arg}"
            );
        }
    }

    #[test]
    fn when_after_a_date_and_fronted_clauses() {
        let s = "It was confirmed on 11 February 2016, when researchers at LIGO published it.";
        let mut c = Clauses::default();
        c.read(s, Span::new(0, s.len()), &[]);
        let at = s.find("published").expect("trigger");
        assert!(c.when_clause_start(s, Span::new(at, at + 9)).is_some());
        let s = "After Ueshiba left Hokkaido in 1919, he met Deguchi.";
        c.read(s, Span::new(0, s.len()), &[]);
        let met = s.find("met").expect("trigger");
        let year = s.find("1919").expect("date");
        assert!(c.fronted(s, Span::new(met, met + 3), Span::new(year, year + 4)));
    }

    /// Walls nest (each inside its parent, siblings apart), which the parent walk of
    /// `innermost` relies on; nesting deeper than the bound records no more walls.
    #[test]
    fn walls_nest_and_depth_is_bounded() {
        let deep = format!("{}x{}", "(".repeat(50), ")".repeat(50));
        let sentences = [
            "When he left (which was late, as he said) while it rained, they met; then, \
             recorded live, it ended (after the war (in 1901)) when who which that.",
            "a (b (c) d, which e, recorded f) g, whose h (i",
            deep.as_str(),
        ];
        for s in sentences {
            let mut c = Clauses::default();
            c.read(s, Span::new(0, s.len()), &[]);
            assert!(c.walls.iter().all(|w| w.depth < MAX_WALL_DEPTH), "{s:?}");
            for (i, w) in c.walls.iter().enumerate() {
                if let Some(p) = w.parent {
                    assert!(p < i && c.walls[p].span.contains(w.span), "{s:?}: {w:?}");
                }
                for later in &c.walls[i + 1..] {
                    let inside = w.span.contains(later.span);
                    assert!(inside || later.span.start >= w.span.end, "{s:?}: {w:?} {later:?}");
                }
            }
        }
    }

    #[test]
    fn every_subordinator_may_open() {
        for word in SUBORDINATORS {
            assert!(may_open(word), "{word}");
            assert!(may_open(&word.to_ascii_uppercase()), "{word}");
        }
        for word in ["fought", "Fought", "during", "whereafterward", "whichever"] {
            assert_eq!(may_open(word), word == "whichever", "{word}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let mut c = Clauses::default();
        for s in ["", "(", ")", "when", ", recorded", "é—é", "a: b; (c) – d –", "((( )))"] {
            c.read(s, Span::new(0, s.len()), &[]);
            let _ = c.same_scope(s, Span::new(0, s.len()), Span::new(0, 0));
        }
    }
}
