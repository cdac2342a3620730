//! The trigger lexicon: words and phrases that signal an event, with their type.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::EventType;
use crate::span::Span;

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
}

/// Compiled trigger lexicon.
#[derive(Clone, Debug)]
pub(crate) struct TriggerLexicon {
    automaton: AhoCorasick,
    /// Pattern index -> (type, is verb).
    meaning: Vec<(EventType, bool)>,
}

impl TriggerLexicon {
    /// Compile the shipped lexicon. Rows naming an unknown type are skipped (a unit
    /// test checks that the shipped file has none).
    pub(crate) fn shipped() -> TriggerLexicon {
        let mut patterns = Vec::new();
        let mut meaning = Vec::new();
        for (surface, kind, verb) in rows(LEXICON) {
            patterns.push(surface.to_ascii_lowercase());
            meaning.push((kind, verb));
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A full DFA: the default contiguous NFA made this scan the events stage's
            // hot spot. Case-sensitive over lower-case patterns, on ASCII-lower-cased
            // text (same offsets): half the size of a case-insensitive DFA, so more of
            // it stays in cache.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("the shipped trigger lexicon compiles (a few hundred short patterns)");
        TriggerLexicon { automaton, meaning }
    }

    /// Triggers in `text[within]`, on whole words, in text order.
    pub(crate) fn find(&self, text: &str, within: Span) -> Vec<Trigger> {
        let mut lowered = String::new();
        self.find_with(text, within, &mut lowered)
    }

    /// [`Self::find`] with a scratch buffer for the lower-cased region, reused by
    /// callers that look at many sentences.
    pub(crate) fn find_with(&self, text: &str, within: Span, lowered: &mut String) -> Vec<Trigger> {
        let (Some(region), automaton) = (text.get(within.start..within.end), &self.automaton)
        else {
            return Vec::new();
        };
        // Same offsets and same word characters as `region`; a small buffer stays in cache.
        lowered.clear();
        lowered.push_str(region);
        lowered.make_ascii_lowercase();
        let region = lowered.as_str();
        let mut out = Vec::new();
        for m in automaton.find_iter(region) {
            let before = region[..m.start()].chars().next_back();
            let after = region[m.end()..].chars().next();
            let word_char = |c: char| c.is_alphanumeric() || c == '-';
            if before.is_some_and(word_char) || after.is_some_and(word_char) {
                continue;
            }
            let Some(&(kind, verb)) = self.meaning.get(m.pattern().as_usize()) else { continue };
            if verb && is_attributive(&region[..m.start()], &region[m.start()..m.end()]) {
                continue;
            }
            out.push(Trigger {
                span: Span::new(within.start + m.start(), within.start + m.end()),
                kind,
                verb,
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

/// True when a one-word past participle (`-ed`) follows a determiner, possessive or
/// number, so it describes a noun instead of telling an event. `before` and `word` are
/// lower-cased.
fn is_attributive(before: &str, word: &str) -> bool {
    if !word.ends_with("ed") || word.contains(' ') {
        return false;
    }
    // Only when the participle follows the word directly (no comma or bracket between).
    // Checked first: looking for the previous word in text without white space would
    // read back to the start of the sentence for every trigger.
    if !before.ends_with(|c: char| c.is_whitespace()) {
        return false;
    }
    let previous = before.trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    ATTRIBUTIVE_BEFORE.contains(&previous)
}

/// `(surface, type, is verb)` rows of a lexicon file; comments, blank and bad rows skipped.
fn rows(tsv: &str) -> impl Iterator<Item = (&str, EventType, bool)> {
    tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).filter_map(|line| {
        let mut cols = line.split('\t');
        let surface = cols.next()?.trim();
        let kind = cols.next()?.trim();
        let verb = cols.next().map(str::trim) != Some("N");
        let kind = kind.parse::<EventType>().ok()?;
        (!surface.is_empty()).then_some((surface, kind, verb))
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
