//! Articles: the parsed structure of one wiki article, with every element's span.
//!
//! Two parsers produce an [`Article`]: [`parse_wiki_style`] for the plain wiki-style
//! rendering (`= Title =`, an `Infobox` block of `- Key: Value` lines, `== Heading ==`
//! sections, paragraphs, `- item` lists) and the wikitext parser for MediaWiki source.
//! Neither fails: what cannot be parsed becomes a [`Diagnostic`].

mod wiki_style;
mod wikitext;

pub use wiki_style::parse_wiki_style;
pub use wikitext::{parse_wikitext, MAX_DEPTH};

use crate::{diagnostic::Diagnostic, span::Span};

/// A parsed article. All spans are byte offsets into [`Article::text`].
#[derive(Clone, Debug, Default)]
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

/// A section heading and the text it governs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading text, trimmed.
    pub title: String,
    /// 2 for `== H ==`, 3 for `=== H ===`, ...
    pub level: u8,
    /// From the heading line to the next heading of the same or a higher level.
    pub span: Span,
    /// The heading text itself.
    pub title_span: Span,
}

/// An infobox: its kind (from the template name, if any) and fields in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Infobox {
    /// The template name after "Infobox", e.g. `military conflict`, when given.
    pub template: Option<String>,
    /// The whole block.
    pub span: Span,
    /// The fields, in order.
    pub fields: Vec<InfoboxField>,
}

/// One `Key: Value` infobox field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InfoboxField {
    /// The key as written.
    pub key: String,
    /// The value, trimmed (the text at `value_span`).
    pub value: String,
    /// The key in the text.
    pub key_span: Span,
    /// The value in the text.
    pub value_span: Span,
}

impl Infobox {
    /// The first field whose key equals `key`, ignoring ASCII case, spaces and underscores.
    pub fn get(&self, key: &str) -> Option<&InfoboxField> {
        self.fields.iter().find(|f| same_key(&f.key, key))
    }
}

/// Infobox keys compare without case, spaces and underscores ("In office" = "in_office").
pub fn same_key(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.bytes()
            .filter(|b| !matches!(b, b' ' | b'_'))
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    norm(a) == norm(b)
}

/// Split an infobox list value (at `value` in `text`) into item spans: commas, semicolons and " and "; a
/// parenthesised note is left out of its item ("Prado (acting)" -> "Prado").
pub fn split_list(text: &str, value: Span) -> Vec<Span> {
    let Some(v) = text.get(value.start..value.end) else { return Vec::new() };
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    for (i, c) in v.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' | ';' if depth == 0 => cuts.push((i, i + 1)),
            _ => {}
        }
    }
    for (i, _) in v.match_indices(" and ") {
        cuts.push((i, i + 5));
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut from = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((v.len(), v.len()))) {
        if a < from {
            continue;
        }
        let piece = &v[from..a];
        let piece = piece.split('(').next().unwrap_or("");
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let start = value.start + from + lead;
            out.push(Span::new(start, start + trimmed.len()));
        }
        from = b;
    }
    out
}

/// A table: its caption, header row and body rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
pub struct Link {
    /// The target article title.
    pub target: String,
    /// Where the link text is.
    pub span: Span,
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
        let at = |pos: usize, strict: bool| -> usize {
            let i = self.anchors.partition_point(|&(t, _)| if strict { t < pos } else { t <= pos });
            let (t, c): (usize, usize) = i
                .checked_sub(1)
                .and_then(|k| Some((self.anchors.get(k)?.0, *self.char_anchors.get(k)?)))
                .unwrap_or_default();
            (c + text.char_offset(pos).saturating_sub(text.char_offset(t)))
                .min(self.source_char_len)
        };
        let start = at(span.start, false);
        (start, at(span.end, true).max(start))
    }
}

/// Article id from a title: spaces become underscores, surrounding space trimmed.
pub fn title_to_id(title: &str) -> String {
    title.trim().replace(' ', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_split_with_spans() {
        let text = "X: Ana Pérez, Luis Gómez (acting) and Éva Kis; 東京";
        let items = split_list(text, Span::new(3, text.len()));
        let got: Vec<&str> = items.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, vec!["Ana Pérez", "Luis Gómez", "Éva Kis", "東京"]);
        assert!(split_list("é", Span::new(1, 2)).is_empty());
    }
}
