//! Articles: the parsed structure of one wiki article, with every element's span.
//!
//! Two parsers produce an [`Article`]: [`parse_wiki_style`] for the plain wiki-style
//! rendering (`= Title =`, an `Infobox` block of `- Key: Value` lines, `== Heading ==`
//! sections, paragraphs, `- item` lists) and the wikitext parser for MediaWiki source.
//! Neither fails: what cannot be parsed becomes a [`Diagnostic`].

mod infobox;
mod wiki_style;
mod wikitext;

pub use infobox::{
    normalize_key, same_key, split_key, split_list, Infobox, InfoboxField, InfoboxKey, InfoboxKind,
    KeyRole, ValueKind,
};
pub use wiki_style::parse_wiki_style;
pub use wikitext::{parse_wikitext, MAX_DEPTH};

use crate::{
    diagnostic::Diagnostic,
    source::{Markup, RawArticle},
    span::Span,
};

/// A parsed article. All spans are byte offsets into [`Article::text`].
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Article {
    /// Wikipedia-style id: the title with spaces as underscores.
    pub id: String,
    /// The article title.
    pub title: String,
    /// Where it was read from (file path, `-`, or `dump.xml.bz2#page-title`).
    pub origin: String,
    /// The article text every span refers to.
    pub text: String,
    /// Span of the title in `text`, when the text carries one.
    pub title_span: Option<Span>,
    /// Sections, in text order (the lead before the first heading is not a section).
    pub sections: Vec<Section>,
    /// The infobox, when the article has one.
    pub infobox: Option<Infobox>,
    /// Paragraph spans (prose blocks, without headings, list items and the infobox).
    pub paragraphs: Vec<Span>,
    /// List item spans (the text after the bullet).
    pub list_items: Vec<Span>,
    /// The "See also" list: links to other articles.
    pub see_also: Vec<Link>,
    /// Inline links of the source markup (wikitext `[[Target|label]]`): exact mentions.
    pub links: Vec<Link>,
    /// Tables (wikitext `{| ... |}`): caption, header and rows of cells, each cell's text
    /// a span of [`Article::text`] (one line per row).
    pub tables: Vec<Table>,
    /// Constructs that have no plain-text rendering (math, galleries, references, ...):
    /// each kept as a placeholder with its source span, counted in the diagnostics.
    pub dropped: Vec<Dropped>,
    /// Offsets back into the markup the text was rendered from (wikitext), if any.
    pub source_map: Option<SourceMap>,
    /// What the parser noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// An article of plain `text` titled `title` (its id from the title, its origin the
    /// title), with no structure: set `links`, `sections`, ... on the result when known.
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Article {
        let title = title.into();
        Article {
            id: title_to_id(&title),
            origin: title.clone(),
            title,
            text: text.into(),
            ..Article::default()
        }
    }
}

/// A section heading and the text it governs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Section {
    /// 2 for `== H ==`, 3 for `=== H ===`, ...
    pub level: u8,
    /// From the heading line to the next heading of the same or a higher level.
    pub span: Span,
    /// The heading text itself, trimmed: [`Section::title`].
    pub title_span: Span,
}

impl Section {
    /// The heading text, a slice of the article's `text`: a span, not a copy, since a page
    /// can hold tens of thousands of headings (issue 10).
    pub fn title<'t>(&self, text: &'t str) -> &'t str {
        self.title_span.slice(text)
    }
}

/// A table: its caption, header row and body rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Table {
    /// From the first rendered line of the table to the end of its last row.
    pub span: Span,
    /// The `|+` caption, when there is one.
    pub caption: Option<TableCell>,
    /// The first row when all its cells are header cells (`!`); empty otherwise.
    pub header: Vec<TableCell>,
    /// The other rows, in order; a row holds its cells left to right.
    pub rows: Vec<Vec<TableCell>>,
}

/// One table cell (or caption).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableCell {
    /// The cell's text in [`Article::text`] (empty, at its place, for an empty cell).
    pub span: Span,
    /// A header cell (`!`).
    pub header: bool,
    /// Columns the cell covers (`colspan`, at least 1).
    pub colspan: u32,
    /// Rows the cell covers (`rowspan`, at least 1).
    pub rowspan: u32,
}

/// A construct that has no plain-text rendering, kept as a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dropped {
    /// What it was.
    pub kind: DroppedKind,
    /// Where it was in [`Article::text`] (an empty span at its place).
    pub span: Span,
    /// The construct in the markup (bytes of the wikitext).
    pub source: Span,
    /// The same, in code points of the wikitext (what the output reports).
    pub source_chars: Span,
}

/// The kinds of constructs kept as placeholders instead of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DroppedKind {
    /// `<ref>`, `<references/>`, `{{sfn}}`, `{{efn}}`, `{{cite ...}}`: references and notes.
    Reference,
    /// `<math>`: formulas.
    Math,
    /// `<chem>`, `<ce>`: chemical formulas.
    Chem,
    /// `<syntaxhighlight>`, `<source>`: program code.
    Code,
    /// `<gallery>`, `<imagemap>`: images.
    Gallery,
    /// `<timeline>`: EasyTimeline charts.
    Timeline,
    /// `<score>`: music scores.
    Score,
    /// `<graph>`, `<mapframe>`, `<maplink>`: charts and maps.
    Graph,
    /// `<hiero>`: hieroglyphs.
    Hiero,
    /// `{{IPA}}`, `{{IPAc-en}}`, `{{respell}}`, `{{audio}}`: pronunciations.
    Pronunciation,
    /// `{{coord}}`: coordinates (data, not prose).
    Coordinates,
    /// `<inputbox>`, `<categorytree>`, `<templatedata>`: interface elements.
    Widget,
}

impl DroppedKind {
    /// The stable name used in the output (`math`, `reference`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            DroppedKind::Reference => "reference",
            DroppedKind::Math => "math",
            DroppedKind::Chem => "chem",
            DroppedKind::Code => "code",
            DroppedKind::Gallery => "gallery",
            DroppedKind::Timeline => "timeline",
            DroppedKind::Score => "score",
            DroppedKind::Graph => "graph",
            DroppedKind::Hiero => "hiero",
            DroppedKind::Pronunciation => "pronunciation",
            DroppedKind::Coordinates => "coordinates",
            DroppedKind::Widget => "widget",
        }
    }
}

/// A link to another article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Link {
    /// The target article title.
    pub target: String,
    /// Where the link text is.
    pub span: Span,
}

impl Link {
    /// A link to the article `target` whose text is at `span`.
    pub fn new(target: impl Into<String>, span: Span) -> Link {
        Link { target: target.into(), span }
    }
}

/// Maps spans of a rendered text back to the markup it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Sorted `(text byte offset, source byte offset)` anchor pairs: a text offset maps
    /// to the source offset of the last anchor at or before it, plus the distance.
    pub anchors: Vec<(usize, usize)>,
    /// The markup's length in bytes.
    pub source_len: usize,
    /// The source code-point offset of every anchor (parallel to `anchors`), so that
    /// spans can be reported in code points of the markup too.
    pub char_anchors: Vec<usize>,
    /// The markup's length in code points.
    pub source_char_len: usize,
}

impl SourceMap {
    /// The source offset of text offset `at`.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t <= at);
        if i == 0 {
            return at.min(self.source_len);
        }
        let (t, s) = self.anchors[i - 1];
        (s + (at - t)).min(self.source_len)
    }

    /// The source offset where text ending at `at` ends: measured from the last anchor
    /// strictly before `at`, so an end never jumps into the next piece of markup.
    pub fn source_end(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t < at);
        if i == 0 {
            return at.min(self.source_len);
        }
        let (t, s) = self.anchors[i - 1];
        (s + (at - t)).min(self.source_len)
    }

    /// `span` in source offsets.
    pub fn source_span(&self, span: Span) -> Span {
        Span::new(
            self.source_offset(span.start),
            self.source_end(span.end).max(self.source_offset(span.start)),
        )
    }

    /// `span` in code points of the source, given the code-point index of the text.
    /// Pieces after an anchor are verbatim copies, so code points count the same way on
    /// both sides.
    pub fn source_chars(&self, span: Span, text: &crate::span::CharIndex) -> (usize, usize) {
        self.source_chars_near(span, text, &mut 0)
    }

    /// [`SourceMap::source_chars`] for spans that come in near text order (a record's
    /// mentions, then its timexes, ...): `cursor` keeps the anchor the last span ended
    /// at, and the anchors are searched outward from it, so a run of nearby spans costs
    /// a few steps each instead of a binary search over every anchor of the page.
    pub fn source_chars_near(
        &self,
        span: Span,
        text: &crate::span::CharIndex,
        cursor: &mut usize,
    ) -> (usize, usize) {
        let at = |pos: usize, strict: bool, from: usize| -> (usize, usize) {
            let i = self.anchors_before(pos, strict, from);
            let (t, c): (usize, usize) = i
                .checked_sub(1)
                .and_then(|k| Some((self.anchors.get(k)?.0, *self.char_anchors.get(k)?)))
                .unwrap_or_default();
            let chars = (c + text.char_offset(pos).saturating_sub(text.char_offset(t)))
                .min(self.source_char_len);
            (chars, i)
        };
        let (start, i) = at(span.start, false, *cursor);
        let (end, j) = at(span.end, true, i);
        *cursor = j;
        (start, end.max(start))
    }

    /// How many anchors lie before text offset `pos` (at or before it unless `strict`):
    /// a galloping search from the guess `from`, the same answer as a binary search
    /// over all anchors.
    fn anchors_before(&self, pos: usize, strict: bool, from: usize) -> usize {
        let before = |&(t, _): &(usize, usize)| if strict { t < pos } else { t <= pos };
        let anchors = &self.anchors;
        let n = anchors.len();
        let guess = from.min(n);
        let (lo, hi) = if guess < n && before(&anchors[guess]) {
            // The answer lies after the guess: double the step until an anchor is not before.
            let (mut lo, mut step) = (guess + 1, 1);
            loop {
                let probe = guess + step;
                if probe >= n {
                    break (lo, n);
                }
                if !before(&anchors[probe]) {
                    break (lo, probe);
                }
                lo = probe + 1;
                step *= 2;
            }
        } else if guess > 0 && !before(&anchors[guess - 1]) {
            // The answer lies before the guess: double the step back until an anchor is before.
            let (mut hi, mut step) = (guess - 1, 1);
            loop {
                let Some(probe) = (guess - 1).checked_sub(step) else {
                    break (0, hi);
                };
                if before(&anchors[probe]) {
                    break (probe + 1, hi);
                }
                hi = probe;
                step *= 2;
            }
        } else {
            return guess;
        };
        lo + anchors[lo..hi].partition_point(before)
    }
}

/// Parse a raw article by its markup: MediaWiki wikitext, or the wiki-style text of the
/// corpus (what [`Pipeline::parse`](crate::Pipeline::parse) does, with no pipeline needed).
pub fn parse_raw(raw: RawArticle) -> Article {
    match raw.markup {
        Markup::WikiStyle => parse_wiki_style(raw.text, &raw.origin, &raw.fallback_title),
        Markup::Wikitext => parse_wikitext(
            &raw.text,
            &raw.origin,
            raw.title.as_deref().unwrap_or(&raw.fallback_title),
        ),
    }
}

/// Article id from a title: spaces become underscores, surrounding space trimmed.
pub fn title_to_id(title: &str) -> String {
    title.trim().replace(' ', "_")
}

/// `text` with its first letter upper-cased, as MediaWiki writes a title whatever case a
/// link gives it ("province" -> "Province").
pub(crate) fn first_letter_upper(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The galloping search from any guess gives the binary search's answer.
    #[test]
    fn anchors_before_matches_a_binary_search_from_any_guess() {
        for len in 0..9usize {
            let anchors: Vec<(usize, usize)> = (0..len).map(|k| (3 * k + k % 2, 5 * k)).collect();
            let map = SourceMap { anchors, ..SourceMap::default() };
            for pos in 0..30 {
                for strict in [false, true] {
                    let want = map
                        .anchors
                        .partition_point(|&(t, _)| if strict { t < pos } else { t <= pos });
                    for from in 0..len + 3 {
                        assert_eq!(
                            map.anchors_before(pos, strict, from),
                            want,
                            "{len} {pos} {from}"
                        );
                    }
                }
            }
        }
    }
}
