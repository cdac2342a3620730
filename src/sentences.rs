//! Sentence splitting tuned for wiki prose.
//!
//! A sentence ends at `.`, `!` or `?` (plus closing quotes or brackets) followed by
//! space and a capital letter, a digit or an opening quote — unless the word before
//! the period is a known abbreviation ("Gen.", "St.", "c."), an initial ("I."), or
//! the period is part of an ellipsis. Line structure matters too: headings, list
//! items, infobox lines and blank lines are always boundaries; a single line break
//! inside prose is a boundary only after end punctuation (otherwise it is a soft wrap).

use crate::span::Span;

/// Abbreviations that a period does not end (compared without case, period stripped).
/// The longest is 6 bytes (a unit test keeps [`is_abbreviation`]'s shortcut honest).
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "aug", "brig", "ca", "capt", "c", "cdr", "cf", "co", "col", "corp",
    "cpl", "dec", "dept", "dr", "e.g", "esp", "est", "et al", "etc", "feb", "fig", "fl", "fr",
    "ft", "gen", "gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op", "p", "pp", "pres", "prof",
    "pte", "r", "rep", "rev", "rt", "sen", "sep", "sept", "sgt", "sr", "st", "ste", "vol", "vs",
];

/// Splits text into sentence spans. Stateless; cheap to copy.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceSplitter;

impl SentenceSplitter {
    /// A splitter with the built-in abbreviation list.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter
    }

    /// Sentence spans of the whole `text`, trimmed, in order.
    pub fn split(&self, text: &str) -> Vec<Span> {
        self.split_within(text, Span::new(0, text.len()))
    }

    /// Sentence spans of `text[within]` (byte offsets into `text`), trimmed, in order.
    /// A span that does not fall on char boundaries yields nothing.
    pub fn split_within(&self, text: &str, within: Span) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_within_into(text, within, &mut out);
        out
    }

    /// [`Self::split_within`], appending to `out`: a caller that splits many regions
    /// reuses one vector.
    pub fn split_within_into(&self, text: &str, within: Span, out: &mut Vec<Span>) {
        let Some(region) = text.get(within.start..within.end) else {
            return;
        };
        let mut line_start = 0;
        let mut sentence_start = 0;
        let mut lines = region.split_inclusive('\n').peekable();
        // Whether the current line is structural was found when it was the next one.
        let mut structural =
            lines.peek().is_some_and(|l| is_structural_line(l.trim_end_matches(['\n', '\r'])));
        while let Some(line) = lines.next() {
            let body = line.trim_end_matches(['\n', '\r']);
            if structural {
                // A heading or list item ends what came before and stands alone.
                push_trimmed(region, Span::new(sentence_start, line_start), within.start, out);
                sentence_start = line_start;
            }
            split_line(region, line_start, body, &mut sentence_start, within.start, out);
            let line_end = line_start + line.len();
            let next = lines.peek().map(|l| l.trim_end_matches(['\n', '\r']));
            let next_is_structural = next.is_some_and(is_structural_line);
            let next_structural = next.is_some_and(|l| l.trim().is_empty()) || next_is_structural;
            let ends_sentence = body.trim_end().ends_with(['.', '!', '?', ':', '"', '”', ')']);
            if structural || next_structural || body.trim().is_empty() || ends_sentence {
                push_trimmed(region, Span::new(sentence_start, line_end), within.start, out);
                sentence_start = line_end;
            }
            line_start = line_end;
            structural = next_is_structural;
        }
        push_trimmed(region, Span::new(sentence_start, region.len()), within.start, out);
    }
}

/// Headings (`== H ==`), list items (`- x`, `* x`, `# x`), and the `Infobox` line.
fn is_structural_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('=')
        || t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("# ")
        || t.trim_end() == "Infobox"
}

/// Find sentence ends inside one line (`line` starts at `line_start` in `region`).
fn split_line(
    region: &str,
    line_start: usize,
    line: &str,
    sentence_start: &mut usize,
    base: usize,
    out: &mut Vec<Span>,
) {
    let bytes = line.as_bytes();
    let mut i = 0;
    // memchr3 jumps to the next candidate: most of a line is not end punctuation.
    while let Some(found) = bytes.get(i..).and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
    {
        i += found;
        let Some(&b) = bytes.get(i) else { break };
        // Runs of end punctuation ("?!", "...") act as one.
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
            end += 1;
        }
        let run = end - i;
        // Closing quotes and brackets belong to the sentence they close.
        let rest = &line[end..];
        let closing: usize = rest
            .chars()
            .take_while(|c| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']'))
            .map(char::len_utf8)
            .sum();
        let after = &rest[closing..];
        let space: usize =
            after.chars().take_while(|c| *c == ' ' || *c == '\t').map(char::len_utf8).sum();
        let next = after[space..].chars().next();
        let is_boundary = space > 0
            && next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '“' | '\'' | '‘' | '(' | '[')
            })
            && !(b == b'.' && run == 1 && is_abbreviation(&line[..i], next))
            && !(b == b'.' && run == 3 && next.is_some_and(|c| !c.is_uppercase()));
        if is_boundary {
            let stop = line_start + end + closing;
            push_trimmed(region, Span::new(*sentence_start, stop), base, out);
            *sentence_start = stop;
        }
        i = end;
    }
}

/// True when the word ending `before` (just before a period) does not end a sentence.
fn is_abbreviation(before: &str, next: Option<char>) -> bool {
    // The char before the word may be multi-byte (U+2000 is white space): step over it whole.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '['))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    // An initial: one capital letter ("Mariano I. Prado"), or dotted initials ("J.R.").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    if word.len() >= 3 && word.split('.').all(|p| p.chars().count() == 1) {
        return true;
    }
    // The longest abbreviation has 6 bytes: longer ASCII words need no lower-casing
    // (non-ASCII ones may shrink when lower-cased, so they always take the slow path).
    if word.is_ascii() && word.len() > 6 {
        return false;
    }
    // An ASCII word (at most 6 bytes here) is lower-cased on the stack: no allocation.
    let mut buf = [0u8; 6];
    let owned: String;
    let lower: &str = match buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(slot) => {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            std::str::from_utf8(slot).unwrap_or_default()
        }
        None => {
            owned = word.to_lowercase();
            &owned
        }
    };
    if ABBREVIATIONS.contains(&lower) {
        // "No. 5" and "c. 1850" are abbreviations; "in Jan. The" too, but a month
        // or "no" before a capital is ambiguous: only numbers keep "no"/"p" joined.
        return match lower {
            "no" | "nos" | "p" | "pp" | "op" | "vol" | "fig" => {
                next.is_some_and(|c| c.is_ascii_digit())
            }
            _ => true,
        };
    }
    false
}

fn push_trimmed(region: &str, span: Span, base: usize, out: &mut Vec<Span>) {
    let Some(s) = region.get(span.start..span.end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = span.start + lead;
    out.push(Span::new(base + start, base + start + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        SentenceSplitter::new().split(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            ("The fort fell. The army fled.", &["The fort fell.", "The army fled."]),
            (
                "Gen. Smith arrived at St. Paul's. He left.",
                &["Gen. Smith arrived at St. Paul's.", "He left."],
            ),
            ("Built c. 1850 by John Q. Adams.", &["Built c. 1850 by John Q. Adams."]),
            (
                "It was founded in 1850. 1851 was calm.",
                &["It was founded in 1850.", "1851 was calm."],
            ),
            ("He said \"Stop.\" Then he left.", &["He said \"Stop.\"", "Then he left."]),
            ("\"Go!\" he shouted.", &["\"Go!\" he shouted."]),
            (
                "The rate was 3.5 percent. Prices rose.",
                &["The rate was 3.5 percent.", "Prices rose."],
            ),
            ("== History ==\nThe town grew.", &["== History ==", "The town grew."]),
            ("Towns:\n- Alpha\n- Beta", &["Towns:", "- Alpha", "- Beta"]),
            ("A line that wraps\nhere. Next one.", &["A line that wraps\nhere.", "Next one."]),
            ("First paragraph\n\nSecond paragraph", &["First paragraph", "Second paragraph"]),
            ("Wait... what happened? Nobody knew!", &["Wait... what happened?", "Nobody knew!"]),
            (
                "The battle (see No. 4) ended. Peace followed.",
                &["The battle (see No. 4) ended.", "Peace followed."],
            ),
            ("Col. Díaz took Zürich. 東京 fell.", &["Col. Díaz took Zürich. 東京 fell."]),
            ("Col. Díaz took Zürich. Éric fled 😀.", &["Col. Díaz took Zürich.", "Éric fled 😀."]),
        ];
        for (text, want) in rows {
            assert_eq!(&sentences(text), want, "{text:?}");
        }
    }

    #[test]
    fn abbreviations_fit_the_length_shortcut() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6 && a.is_ascii()));
    }

    #[test]
    fn within_a_span() {
        let text = "Title\n\nOne sentence. Another one.";
        let s = SentenceSplitter::new().split_within(text, Span::new(7, text.len()));
        assert_eq!(
            s.iter().map(|s| s.slice(text)).collect::<Vec<_>>(),
            vec!["One sentence.", "Another one."]
        );
        assert!(SentenceSplitter::new().split_within("é", Span::new(1, 2)).is_empty());
    }

    #[test]
    fn multi_byte_space_before_a_period_word() {
        // An EN QUAD (3 bytes) before "St." once sliced inside the char.
        let text = "He met him\u{2000}St. Paul. Then\u{2003}Gen. Grant left. Done.";
        let spans = SentenceSplitter::new().split(text);
        assert!(spans.iter().all(|s| text.get(s.start..s.end).is_some()));
        assert!(!spans.is_empty());
    }
}
