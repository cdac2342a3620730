//! MediaWiki wikitext -> plain text, with a map of every text offset back to the source.
//!
//! A single scanner renders the wikitext into the article `text` that every later stage
//! reads, and records:
//! * `[[Target|label]]` as the label, kept as a [`Link`] (the target's first letter upper,
//!   underscores as spaces, `#section` dropped); files, categories and interlanguage
//!   links are removed;
//! * the first `{{Infobox ...}}` as a block `Infobox\n- key: value\n` (the wiki-style
//!   layout, so that every downstream stage works unchanged), values rendered to plain
//!   text and list values joined with `, `;
//! * headings as [`Section`]s (the heading line holds the bare title);
//! * common inline templates rendered (`lang`, `circa`, date templates, `flag`,
//!   `convert`, `ship` and ship prefixes, list and dash templates); citation and
//!   maintenance templates removed quietly; other templates removed with one
//!   `template-dropped` diagnostic per template name;
//! * bold/italic quotes, `<ref>`, comments, tables, `__MAGIC__` words removed, HTML
//!   entities decoded.
//!
//! Braces and brackets are paired in one linear pass first; constructs nest through
//! recursion bounded by [`MAX_DEPTH`] (deeper markup is dropped with a `depth-limit`
//! diagnostic), and every byte is rendered at most once, so time is linear in practice.
//! Content never fails: malformed markup is copied as text.

mod scan;
mod tables;
mod templates;

use std::collections::{BTreeMap, HashSet};

use scan::PageIndex;

use super::{
    title_to_id, Article, Dropped, DroppedKind, Infobox, InfoboxField, Link, Section, SourceMap,
    Table, TableCell,
};
use crate::{
    diagnostic::{Diagnostic, DiagnosticKind},
    span::Span,
};
use templates::{Rule, Templates};

/// Deepest nesting of templates, links and tags that is rendered.
pub const MAX_DEPTH: usize = 24;

/// Distinct unknown template names reported per article; the rest are summed up.
const MAX_TEMPLATE_DIAGNOSTICS: usize = 32;

/// Tags whose content is not shown as article text, and the placeholder kind they leave
/// (`None`: dropped without one, as the wiki does not show them on the article either).
fn hidden_tag(name: &str) -> Option<Option<DroppedKind>> {
    Some(Some(match name {
        "ref" | "references" => DroppedKind::Reference,
        "math" => DroppedKind::Math,
        "chem" | "ce" => DroppedKind::Chem,
        "syntaxhighlight" | "source" => DroppedKind::Code,
        "gallery" | "imagemap" => DroppedKind::Gallery,
        "timeline" => DroppedKind::Timeline,
        "score" => DroppedKind::Score,
        "graph" | "mapframe" | "maplink" => DroppedKind::Graph,
        "hiero" => DroppedKind::Hiero,
        "inputbox" | "categorytree" | "templatedata" => DroppedKind::Widget,
        "includeonly" => return Some(None),
        _ => return None,
    }))
}

/// Tags that are dropped while their content stays.
const TRANSPARENT_TAGS: &[&str] = &[
    "small",
    "big",
    "span",
    "div",
    "sup",
    "sub",
    "center",
    "u",
    "s",
    "del",
    "ins",
    "b",
    "i",
    "em",
    "strong",
    "font",
    "abbr",
    "code",
    "tt",
    "blockquote",
    "cite",
    "p",
    "noinclude",
    "onlyinclude",
    "var",
    "kbd",
    "q",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "poem",
    "pre",
    "nowiki",
    "bdi",
    "mark",
    "section",
    "strike",
];

use crate::temporal::MONTH_NAMES as MONTHS;

/// Where rendered text goes: prose (headings, lists, tables recognised) or one line
/// (an infobox value, a link label, a template argument).
#[derive(Clone, Copy)]
struct Mode {
    inline: bool,
    /// Output offset where the inline value began: separators are only added after it.
    start: usize,
}

struct Renderer<'s> {
    src: &'s str,
    index: PageIndex,
    out: String,
    anchors: Vec<(usize, usize)>,
    links: Vec<Link>,
    /// (level, title span, heading line start) in text.
    headings: Vec<(u8, Span, usize)>,
    list_items: Vec<Span>,
    open_item: Option<usize>,
    infobox: Option<Infobox>,
    diagnostics: Vec<Diagnostic>,
    unknown: BTreeMap<String, (usize, usize)>,
    depth_reported: bool,
    tables: Vec<Table>,
    /// Text spans of tables and file captions: blocks that are not prose paragraphs.
    captions: Vec<Span>,
    dropped: Vec<Dropped>,
    /// Rendering an infobox field's value: an infobox met there waits in
    /// `pending_infoboxes` and its fields follow the field's line.
    in_infobox_value: bool,
    pending_infoboxes: Vec<(usize, usize)>,
    /// Later infoboxes of the page whose fields joined the first infobox's block.
    merged_infoboxes: HashSet<usize>,
}

/// A template argument: its name when `name=value`, and the value's source range (trimmed).
struct Param {
    name: Option<(usize, usize)>,
    value: (usize, usize),
}

/// Parse one page of wikitext into an [`Article`] whose `text` is the rendered plain text.
pub fn parse_wikitext(source: &str, origin: &str, title: &str) -> Article {
    let mut r = Renderer {
        src: source,
        index: PageIndex::new(source),
        out: String::with_capacity(source.len()),
        anchors: Vec::new(),
        links: Vec::new(),
        headings: Vec::new(),
        list_items: Vec::new(),
        open_item: None,
        infobox: None,
        diagnostics: Vec::new(),
        unknown: BTreeMap::new(),
        depth_reported: false,
        tables: Vec::new(),
        captions: Vec::new(),
        dropped: Vec::new(),
        in_infobox_value: false,
        pending_infoboxes: Vec::new(),
        merged_infoboxes: HashSet::new(),
    };
    r.render(0, source.len(), 0, Mode { inline: false, start: 0 });
    r.close_item();
    r.finish(origin, title)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// `[a, b)` without surrounding ASCII white space.
fn trim_range(src: &str, a: usize, b: usize) -> (usize, usize) {
    let bytes = src.as_bytes();
    let (mut a, mut b) = (a, b.max(a));
    while a < b && bytes[a].is_ascii_whitespace() {
        a += 1;
    }
    while b > a && bytes[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    (a, b)
}

/// A template or link name in canonical form: lowercase, `_` as space, single spaces.
fn canonical(name: &str) -> String {
    let name = name.trim();
    let name =
        name.strip_prefix("Template:").or_else(|| name.strip_prefix("template:")).unwrap_or(name);
    let mut out = single_spaced(name, false);
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        // Whole-string lower-casing: a final Σ becomes ς, which a per-char map gets wrong.
        out.to_lowercase()
    }
}

/// A link target as an article title: `#section` dropped, `_` as space, first letter upper.
fn link_target(raw: &str) -> String {
    single_spaced(raw.split('#').next().unwrap_or(""), true)
}

/// `raw` with `_` and runs of white space as one space, trimmed; the first letter upper
/// case when `upper_first`. One pass, one allocation: links and template names are
/// normalized for every one of them on a page.
fn single_spaced(raw: &str, upper_first: bool) -> String {
    let mut out = String::with_capacity(raw.len() + 2);
    let mut space = false;
    for ch in raw.chars() {
        if ch == '_' || ch.is_whitespace() {
            space = !out.is_empty();
        } else if out.is_empty() && upper_first {
            out.extend(ch.to_uppercase());
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// The bytes that may start markup (`<`, `{`, `[`, `'`, `&`, `_`, newline): plain text runs
/// to the next of them. One table look-up per byte instead of seven comparisons.
static MAY_START_MARKUP: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let starts = b"<{['&_\n";
    while k < starts.len() {
        table[starts[k] as usize] = true;
        k += 1;
    }
    table
};

/// What a `[[prefix:...]]` link is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LinkKind {
    /// An article of this wiki: its text is shown and kept as a [`Link`].
    Article,
    /// Another wiki or a forced language link (`[[wikt:word]]`, `[[:fr:Paris]]`): text only.
    Other,
    /// An image or media file: only its caption is shown.
    File,
    /// Categories and interlanguage links: not shown at all.
    Hidden,
}

/// Interwiki prefixes (links to sister projects and other sites), shown as text.
const INTERWIKI_PREFIXES: &[&str] = &[
    "wikt",
    "wiktionary",
    "w",
    "wikipedia",
    "s",
    "wikisource",
    "q",
    "wikiquote",
    "b",
    "wikibooks",
    "n",
    "wikinews",
    "v",
    "wikiversity",
    "voy",
    "wikivoyage",
    "commons",
    "c",
    "m",
    "meta",
    "species",
    "wikispecies",
    "d",
    "wikidata",
    "mw",
    "foundation",
    "wmf",
    "wikimedia",
    "doi",
];

/// The kind of a link whose target has the (lower-cased) `prefix` before a colon.
fn link_kind(prefix: &str, forced: bool) -> LinkKind {
    let language = (2..=12).contains(&prefix.len())
        && prefix.bytes().all(|x| x.is_ascii_lowercase() || x == b'-');
    match prefix {
        "file" | "image" | "media" if !forced => LinkKind::File,
        "category" if !forced => LinkKind::Hidden,
        "file" | "image" | "media" | "category" => LinkKind::Article,
        p if INTERWIKI_PREFIXES.contains(&p) => LinkKind::Other,
        _ if language => {
            if forced {
                LinkKind::Other
            } else {
                LinkKind::Hidden
            }
        }
        _ => LinkKind::Article,
    }
}

/// A file link's display option (`thumb`, `left`, `220px`, `upright=1.2`, `alt=...`).
fn is_file_option(part: &str) -> bool {
    let p = part.trim().to_ascii_lowercase();
    let word = |w: &str| {
        matches!(
            w,
            "thumb"
                | "thumbnail"
                | "frame"
                | "framed"
                | "frameless"
                | "border"
                | "left"
                | "right"
                | "center"
                | "centre"
                | "none"
                | "upright"
                | "baseline"
                | "middle"
                | "sub"
                | "super"
                | "text-top"
                | "text-bottom"
                | "top"
                | "bottom"
        )
    };
    let px = p.strip_suffix("px").is_some_and(|n| {
        !n.is_empty() && n.trim().bytes().all(|x| x.is_ascii_digit() || x == b'x')
    });
    let keyed = p.split_once('=').is_some_and(|(k, _)| {
        matches!(
            k.trim(),
            "upright"
                | "alt"
                | "link"
                | "page"
                | "lang"
                | "class"
                | "thumb"
                | "thumbtime"
                | "start"
                | "end"
                | "border"
                | "thumbnail"
        )
    });
    p.is_empty() || word(&p) || px || keyed
}

fn entity(name: &str) -> Option<String> {
    let simple = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "ndash" => "–",
        "mdash" => "—",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "minus" => "−",
        "times" => "×",
        "deg" => "°",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "zwj" | "zwnj" | "shy" | "lrm" | "rlm" => "",
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code).map(|c| c.to_string());
        }
    };
    Some(simple.to_string())
}

impl<'s> Renderer<'s> {
    fn anchor(&mut self, src_pos: usize) {
        let t = self.out.len();
        // Output may have been cut back (trimmed spaces, an empty infobox line).
        while self.anchors.last().is_some_and(|&(lt, _)| lt > t) {
            self.anchors.pop();
        }
        if let Some(&(lt, ls)) = self.anchors.last() {
            if lt == t {
                self.anchors.pop();
            } else if ls + (t - lt) == src_pos {
                return;
            }
        }
        self.anchors.push((t, src_pos));
    }

    /// Copy source bytes `[a, b)` verbatim.
    fn copy(&mut self, a: usize, b: usize) {
        if let Some(piece) = self.src.get(a..b) {
            self.anchor(a);
            self.out.push_str(piece);
        }
    }

    /// Add generated text that stands for the markup at `src_pos`.
    fn emit(&mut self, text: &str, src_pos: usize) {
        if !text.is_empty() {
            self.anchor(src_pos);
            self.out.push_str(text);
        }
    }

    fn trim_trailing_spaces(&mut self, floor: usize) {
        while self.out.len() > floor && self.out.ends_with([' ', '\t']) {
            self.out.pop();
        }
    }

    /// Separate inline items with `, ` (bullets and `<br>` inside an infobox value).
    fn separator(&mut self, mode: Mode, src_pos: usize) {
        self.trim_trailing_spaces(mode.start);
        let t = self.out.len();
        if t > mode.start && !self.out.ends_with(", ") && !self.out.ends_with(',') {
            self.emit(", ", src_pos);
        }
    }

    fn close_item(&mut self) {
        if let Some(start) = self.open_item.take() {
            let end = start + self.out[start..].trim_end().len();
            if end > start {
                self.list_items.push(Span::new(start, end));
            }
        }
    }

    fn too_deep(&mut self, depth: usize) -> bool {
        if depth < MAX_DEPTH {
            return false;
        }
        if !self.depth_reported {
            self.depth_reported = true;
            let t = self.out.len();
            self.diagnostics.push(Diagnostic::at(
                Span::new(t, t),
                DiagnosticKind::DepthLimit,
                format!("markup nested deeper than {MAX_DEPTH} levels was dropped"),
            ));
        }
        true
    }

    fn render(&mut self, a: usize, b: usize, depth: usize, mode: Mode) {
        if self.too_deep(depth) {
            return;
        }
        let bytes = self.src.as_bytes();
        let b = b.min(bytes.len());
        let mut i = a;
        if mode.inline && a < b && matches!(bytes[a], b'*' | b'#') {
            // A list value (`{{plainlist|\n* a\n* b}}` once trimmed): items joined with `, `.
            self.separator(mode, a);
            i += bytes[a..b]
                .iter()
                .take_while(|&&x| matches!(x, b'*' | b'#' | b' ' | b'\t'))
                .count();
        }
        while i < b {
            let at_line_start = i == 0 || bytes[i - 1] == b'\n';
            if at_line_start && !mode.inline {
                if let Some(next) = self.line_start(i, b, depth) {
                    i = next;
                    continue;
                }
            } else if at_line_start && self.src[i..b].starts_with("{|") {
                // A table inside a table cell or another one-line value.
                i = self.table(i, b, depth + 1);
                continue;
            }
            let c = bytes[i];
            let next = match c {
                b'<' => self.tag(i, b, depth, mode),
                b'{' => self.index.pairs.get(&i).copied().filter(|&e| e + 2 <= b).map(|e| {
                    self.template(i, e + 2, depth, mode);
                    e + 2
                }),
                b'[' => self.bracket(i, b, depth, mode),
                b'\'' => {
                    let n = bytes[i..b].iter().take_while(|&&x| x == b'\'').count();
                    (n >= 2).then_some(i + n)
                }
                b'&' => {
                    let end = bytes[i..b].iter().take(12).position(|&x| x == b';').map(|p| i + p);
                    end.and_then(|e| entity(&self.src[i + 1..e]).map(|s| (e, s))).map(|(e, s)| {
                        self.emit(&s, i);
                        e + 1
                    })
                }
                b'_' if self.src[i..b].starts_with("__") => {
                    let word =
                        bytes[i + 2..b].iter().take_while(|x| x.is_ascii_uppercase()).count();
                    (word > 0 && self.src[i + 2 + word..b].starts_with("__"))
                        .then_some(i + 2 + word + 2)
                }
                b'\n' => {
                    if mode.inline {
                        let rest = &bytes[i + 1..b];
                        let lead = rest.iter().take_while(|&&x| is_space(x)).count();
                        let bullets = rest[lead..]
                            .iter()
                            .take_while(|&&x| matches!(x, b'*' | b'#' | b':' | b';'))
                            .count();
                        if bullets > 0 {
                            self.separator(mode, i);
                            let spaces =
                                rest[lead + bullets..].iter().take_while(|&&x| is_space(x)).count();
                            Some(i + 1 + lead + bullets + spaces)
                        } else {
                            if self.out.len() > mode.start && !self.out.ends_with([' ', '\n']) {
                                self.emit(" ", i);
                            }
                            Some(i + 1)
                        }
                    } else {
                        self.close_item();
                        self.copy(i, i + 1);
                        Some(i + 1)
                    }
                }
                _ => None,
            };
            match next {
                Some(n) if n > i => i = n,
                _ => {
                    // Plain text: copy up to the next byte that may start markup.
                    let run = bytes[i + 1..b]
                        .iter()
                        .position(|&x| MAY_START_MARKUP[usize::from(x)])
                        .map_or(b, |p| i + 1 + p);
                    let mut from = i;
                    if matches!(c, b')' | b';' | b',') {
                        from = self.skip_emptied_parenthesis(i, run);
                    }
                    if mode.inline && (self.out.len() == mode.start || self.out.ends_with(", ")) {
                        // No doubled or leading spaces inside a one-line value.
                        from += bytes[i..run].iter().take_while(|&&x| is_space(x)).count();
                    }
                    self.copy(from, run);
                    i = run;
                }
            }
        }
    }

    /// Text right after markup that rendered to nothing, inside parentheses: `({{IPA|..}})`
    /// would leave `()`, and `({{IPA|..}}; born 1900)` would leave `(; born`. When the text
    /// so far ends with `(` (and spaces), the separators of `[i, run)` are skipped, and a
    /// `)` that closes the emptied parenthesis takes it away with it. Returns where the
    /// copy of the run starts. Looks back over spaces only, so it costs O(1) per run.
    fn skip_emptied_parenthesis(&mut self, i: usize, run: usize) -> usize {
        let bytes = self.src.as_bytes();
        let kept = self.out.trim_end_matches([' ', '\t']);
        if !kept.ends_with('(') {
            return i;
        }
        let open = kept.len() - 1;
        let mut j = i;
        while j < run && matches!(bytes[j], b' ' | b'\t' | b';' | b',') {
            j += 1;
        }
        if j < run && bytes[j] == b')' {
            self.out.truncate(open);
            self.trim_trailing_spaces(0);
            j += 1;
            // "Albedo () or" -> "Albedo or", "Andorra (; ), officially" -> "Andorra, officially".
            if j < run && is_space(bytes[j]) && self.out.ends_with(|c: char| !c.is_whitespace()) {
                self.emit(" ", j);
                j += 1;
            }
        } else {
            self.out.truncate(open + 1);
        }
        let len = self.out.len();
        for d in self.dropped.iter_mut().rev().take_while(|d| d.span.start > len) {
            d.span = Span::new(len, len);
        }
        j
    }

    /// Constructs that only exist at the start of a prose line. Returns where to go on.
    fn line_start(&mut self, i: usize, b: usize, depth: usize) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let line_end = bytes[i..b].iter().position(|&x| x == b'\n').map_or(b, |p| i + p);
        let line = &self.src[i..line_end];
        if line.trim_start_matches([' ', '\t', ':']).starts_with("{|") {
            let open = i + line.find("{|").unwrap_or(0);
            return Some(self.table(open, b, depth));
        }
        if line.starts_with("----") {
            return Some(i + line.bytes().take_while(|&x| x == b'-').count());
        }
        let trimmed_end = i + line.trim_end().len();
        let body = &self.src[i..trimmed_end];
        if body.starts_with('=') && body.ends_with('=') {
            let open = body.bytes().take_while(|&x| x == b'=').count();
            let close = body.bytes().rev().take_while(|&x| x == b'=').count();
            if open < body.len() && open + close < body.len() {
                let level = open.min(close).min(6);
                let (ia, ib) = trim_range(self.src, i + level, trimmed_end - level);
                if ib > ia {
                    self.close_item();
                    let line_start = self.out.len();
                    let start = self.out.len();
                    self.render(ia, ib, depth + 1, Mode { inline: true, start });
                    self.trim_trailing_spaces(start);
                    let end = self.out.len();
                    if end > start {
                        self.headings.push((level as u8, Span::new(start, end), line_start));
                    }
                    return Some(line_end);
                }
            }
        }
        let bullets = line.bytes().take_while(|&x| matches!(x, b'*' | b'#' | b':' | b';')).count();
        if bullets > 0 {
            self.close_item();
            let spaces = line[bullets..].bytes().take_while(|&x| is_space(x)).count();
            self.open_item = Some(self.out.len());
            return Some(i + bullets + spaces);
        }
        None
    }

    /// A `{| ... |}` table opening at `i`: a caption line, then one line per row with its
    /// cells separated by ` | `, each line a paragraph of its own (so that no sentence runs
    /// from one row into the next). Returns the offset after the table.
    fn table(&mut self, i: usize, b: usize, depth: usize) -> usize {
        if self.too_deep(depth) {
            return tables::skip(self.src, &self.index.pairs, i, b).max(i + 2);
        }
        let raw = tables::parse(self.src, &self.index.pairs, i, b);
        self.close_item();
        self.trim_trailing_spaces(0);
        while !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.emit("\n", i);
        }
        let start = self.out.len();
        let mut table = Table::default();
        if let Some(c) = &raw.caption {
            let cell = self.table_cell(c, depth);
            if !cell.span.is_empty() {
                table.caption = Some(cell);
                self.emit("\n\n", c.content.1);
            }
        }
        for row in raw.rows.iter().filter(|r| !r.is_empty()) {
            let mut cells = Vec::with_capacity(row.len());
            for (k, c) in row.iter().enumerate() {
                if k > 0 {
                    self.emit(" | ", c.content.0);
                }
                cells.push(self.table_cell(c, depth));
            }
            self.trim_trailing_spaces(start);
            let at = row.last().map_or(i, |c| c.content.1);
            self.emit("\n\n", at);
            if table.rows.is_empty() && table.header.is_empty() && cells.iter().all(|c| c.header) {
                table.header = cells;
            } else {
                table.rows.push(cells);
            }
        }
        let end = self.out.trim_end().len().max(start);
        table.span = Span::new(start, end);
        if !table.span.is_empty() || !table.rows.is_empty() || !table.header.is_empty() {
            self.captions.push(table.span);
            self.tables.push(table);
        }
        raw.end.max(i + 2)
    }

    fn table_cell(&mut self, c: &tables::RawCell, depth: usize) -> TableCell {
        let attrs = self.text_of(c.attrs);
        let (a, b) = trim_range(self.src, c.content.0, c.content.1);
        let start = self.out.len();
        self.render(a, b, depth + 1, Mode { inline: true, start });
        self.trim_trailing_spaces(start);
        let lead = self.out[start..].len() - self.out[start..].trim_start().len();
        TableCell {
            span: Span::new(start + lead, self.out.len()),
            header: c.header,
            colspan: tables::span_attr(attrs, "colspan"),
            rowspan: tables::span_attr(attrs, "rowspan"),
        }
    }

    /// `<...>`: comments, tags that drop their content, tags dropped alone.
    fn tag(&mut self, i: usize, b: usize, depth: usize, mode: Mode) -> Option<usize> {
        let rest = &self.src[i..b];
        if let Some(comment) = rest.strip_prefix("<!--") {
            return Some(comment.find("-->").map_or(b, |e| i + 4 + e + 3));
        }
        let bytes = rest.as_bytes();
        let closing = bytes.get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|x| x.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            return None;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let gt = rest[name_start + name_len..]
            .find(['>', '<', '\n'])
            .map(|p| name_start + name_len + p)?;
        if bytes[gt] != b'>' {
            return None;
        }
        let self_closing = gt > 0 && bytes[gt - 1] == b'/';
        let after = i + gt + 1;
        if name == "br" {
            if mode.inline {
                self.separator(mode, i);
            } else {
                self.emit("\n", i);
            }
            return Some(after);
        }
        if let Some(kind) = hidden_tag(&name) {
            if closing {
                return Some(after);
            }
            let end = if self_closing {
                after
            } else {
                self.find_close(&name, after, b).unwrap_or(after)
            };
            if let Some(kind) = kind {
                self.drop_construct(kind, i, end);
            }
            return Some(end);
        }
        if name == "nowiki" && !closing && !self_closing {
            let end = self.find_close_start(&name, after, b);
            if let Some(end) = end {
                self.copy(after, end);
                return Some(self.find_close(&name, after, b).unwrap_or(end));
            }
            return Some(after);
        }
        if TRANSPARENT_TAGS.contains(&name.as_str()) {
            let _ = depth;
            return Some(after);
        }
        None
    }

    /// Start of `</name` at or after `from` and before `b` (ASCII case-insensitive).
    fn find_close_start(&self, name: &str, from: usize, b: usize) -> Option<usize> {
        self.index.close_start(name, from, b)
    }

    /// Offset after the `</name ...>` closing tag.
    fn find_close(&self, name: &str, from: usize, b: usize) -> Option<usize> {
        let start = self.find_close_start(name, from, b)?;
        let name_end = start + 2 + name.len();
        let gt = self.src.as_bytes()[name_end..b].iter().take(64).position(|&x| x == b'>');
        Some(gt.map_or(name_end, |p| name_end + p + 1))
    }

    /// `[[link]]` or `[http://external label]`.
    fn bracket(&mut self, i: usize, b: usize, depth: usize, mode: Mode) -> Option<usize> {
        if let Some(&close) = self.index.pairs.get(&i) {
            if close + 2 > b {
                return None;
            }
            return Some(self.link(i, close, b, depth, mode));
        }
        let rest = &self.src[i + 1..b];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        if !(lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("ftp://")
            || lower.starts_with("//"))
        {
            return None;
        }
        let end = self.index.bracket_or_line_end(self.src.as_bytes(), i + 1);
        if end >= b || self.src.as_bytes()[end] != b']' {
            return None;
        }
        if let Some(space) = self.src[i + 1..end].find(' ') {
            let (la, lb) = trim_range(self.src, i + 1 + space, end);
            if lb > la {
                self.render_value((la, lb), depth, mode);
            }
        }
        Some(end + 1)
    }

    /// `[[...]]` closing at `close`, inside a range ending at `b`; returns where to go on
    /// (after the link trail).
    fn link(&mut self, i: usize, close: usize, b: usize, depth: usize, mode: Mode) -> usize {
        let after = close + 2;
        if self.too_deep(depth) {
            return after;
        }
        let inner = (i + 2, close);
        let bars = self.top_level_bars(inner.0, inner.1);
        let target_end = bars.first().copied().unwrap_or(inner.1);
        let raw_target = self.src[inner.0..target_end].trim();
        let (raw_target, forced) = match raw_target.strip_prefix(':') {
            Some(t) => (t.trim(), true),
            None => (raw_target, false),
        };
        let prefix = raw_target.split_once(':').map(|(p, _)| p.trim().to_ascii_lowercase());
        let kind = prefix.as_deref().map_or(LinkKind::Article, |p| link_kind(p, forced));
        match kind {
            LinkKind::File if !mode.inline => {
                self.file_caption(&bars, inner.1, depth);
                return after;
            }
            LinkKind::File | LinkKind::Hidden => return after,
            LinkKind::Article | LinkKind::Other => {}
        }
        let shown_target = || {
            let (a, b) = trim_range(self.src, inner.0, target_end);
            // `[[:fr:Paris]]` shows `fr:Paris`.
            (if forced { a + 1 } else { a }, b)
        };
        let (la, lb) = match bars.first() {
            Some(&p) => {
                let (la, lb) = trim_range(self.src, p + 1, inner.1);
                if lb > la {
                    (la, lb)
                } else {
                    shown_target()
                }
            }
            None => shown_target(),
        };
        let start = self.out.len();
        self.render_value((la, lb), depth, mode);
        // Rendering the label can take back text from before it (a parenthesis its
        // references leave empty goes with them): the link starts no later than the
        // output now ends (a fuzzed page found this).
        let start = start.min(self.out.len());
        // The link trail: letters right after `]]` belong to the link (`[[war]]s`).
        let trail =
            self.src.as_bytes()[after..b].iter().take_while(|x| x.is_ascii_lowercase()).count();
        let lead = self.out[start..].len() - self.out[start..].trim_start().len();
        let with_trail =
            trail > 0 && self.out.len() > start && !self.out.ends_with(char::is_whitespace);
        let end = if with_trail {
            self.copy(after, after + trail);
            self.out.len()
        } else {
            start + self.out[start..].trim_end().len()
        };
        let target = link_target(raw_target);
        if kind == LinkKind::Article && end > start + lead && !target.is_empty() {
            self.links.push(Link { target, span: Span::new(start + lead, end) });
        }
        if with_trail {
            after + trail
        } else {
            after
        }
    }

    /// `[[File:x.png|thumb|A caption]]` in prose: the caption on a line of its own, kept
    /// apart from the sentences around it; display options are not text.
    fn file_caption(&mut self, bars: &[usize], close: usize, depth: usize) {
        let mut parts = bars.iter().enumerate().map(|(k, &bar)| {
            let end = bars.get(k + 1).copied().unwrap_or(close);
            trim_range(self.src, bar + 1, end)
        });
        let Some(caption) = parts.rfind(|&(a, b)| !is_file_option(&self.src[a..b])) else {
            return;
        };
        if caption.1 <= caption.0 {
            return;
        }
        self.close_item();
        while !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.emit("\n", caption.0);
        }
        let start = self.out.len();
        self.render(caption.0, caption.1, depth + 1, Mode { inline: true, start });
        self.trim_trailing_spaces(start);
        if self.out.len() > start {
            self.captions.push(Span::new(start, self.out.len()));
            self.emit("\n\n", caption.1);
        }
    }

    /// Offsets of the `|` separators at the top level of `[a, b)` (not inside nested pairs).
    fn top_level_bars(&self, a: usize, b: usize) -> Vec<usize> {
        let bytes = self.src.as_bytes();
        let mut bars = Vec::new();
        let mut i = a;
        while i < b {
            // Only `{`, `[`, `<` and `|` matter: jump to the next of them.
            let Some(skip) =
                bytes[i..b].iter().position(|x| matches!(x, b'{' | b'[' | b'<' | b'|'))
            else {
                break;
            };
            i += skip;
            match bytes[i] {
                b'{' | b'[' => {
                    if let Some(&close) = self.index.pairs.get(&i) {
                        i = close + 2;
                        continue;
                    }
                }
                b'<' if bytes[i..b].starts_with(b"<!--") => {
                    i = self.src[i + 4..b].find("-->").map_or(b, |e| i + 4 + e + 3);
                    continue;
                }
                b'|' => bars.push(i),
                _ => {}
            }
            i += 1;
        }
        bars
    }

    /// The arguments of the template whose body is `[a, b)` (after the name).
    fn params(&self, bars: &[usize], b: usize) -> Vec<Param> {
        let mut out = Vec::new();
        for (k, &bar) in bars.iter().enumerate() {
            let end = bars.get(k + 1).copied().unwrap_or(b);
            let part_start = bar + 1;
            // `name=value` when a `=` comes before any nested markup.
            let eq = {
                let mut i = part_start;
                let mut found = None;
                while i < end {
                    if matches!(self.src.as_bytes()[i], b'{' | b'[')
                        && self.index.pairs.contains_key(&i)
                        || self.src.as_bytes()[i..end].starts_with(b"<!--")
                    {
                        break;
                    }
                    if self.src.as_bytes()[i] == b'=' {
                        found = Some(i);
                        break;
                    }
                    i += 1;
                }
                found
            };
            match eq {
                Some(eq) => out.push(Param {
                    name: Some(trim_range(self.src, part_start, eq)),
                    value: trim_range(self.src, eq + 1, end),
                }),
                None => {
                    out.push(Param { name: None, value: trim_range(self.src, part_start, end) })
                }
            }
        }
        out
    }

    fn positional(params: &[Param], k: usize) -> Option<(usize, usize)> {
        params.iter().filter(|p| p.name.is_none()).nth(k).map(|p| p.value).filter(|v| v.1 > v.0)
    }

    fn named<'p>(&self, params: &'p [Param], key: &str) -> Option<&'p Param> {
        params
            .iter()
            .find(|p| p.name.is_some_and(|(a, b)| self.src[a..b].eq_ignore_ascii_case(key)))
    }

    fn text_of(&self, range: (usize, usize)) -> &'s str {
        self.src.get(range.0..range.1).unwrap_or("")
    }

    fn render_value(&mut self, range: (usize, usize), depth: usize, mode: Mode) {
        let start = self.out.len();
        let inline = Mode { inline: true, start: if mode.inline { mode.start } else { start } };
        self.render(range.0, range.1, depth + 1, inline);
    }

    /// The canonical name and the arguments of the template `[i, end)`.
    fn template_parts(&self, i: usize, end: usize) -> (String, Vec<Param>) {
        let (a, b) = (i + 2, end - 2);
        let bars = self.top_level_bars(a, b);
        let name_end = bars.first().copied().unwrap_or(b);
        (canonical(&self.src[a..name_end]), self.params(&bars, b))
    }

    fn template(&mut self, i: usize, end: usize, depth: usize, mode: Mode) {
        if self.too_deep(depth) {
            return;
        }
        let (name, params) = self.template_parts(i, end);
        let Some(rule) = Templates::get().rule(&name) else {
            let (a, b) = (i + 2, end - 2);
            let name_end = self.top_level_bars(a, b).first().copied().unwrap_or(b);
            self.unknown_template(name, a, name_end);
            return;
        };
        let pos = |k: usize| Self::positional(&params, k);
        let unnamed = || params.iter().filter(|p| p.name.is_none() && p.value.1 > p.value.0);
        match rule {
            Rule::Quiet => {}
            Rule::Placeholder(kind) => self.drop_construct(kind, i, end),
            Rule::Infobox => self.infobox_template(i, end, &name, &params, depth, mode),
            Rule::Arg(k) => {
                if let Some(v) = pos(k) {
                    self.render_value(v, depth, mode);
                }
            }
            Rule::LastArg => {
                if let Some(v) = unnamed().next_back() {
                    self.render_value(v.value, depth, mode);
                }
            }
            Rule::Text(text) => self.emit(text, i),
            Rule::Before(text, k) => {
                self.emit(text.trim_end(), i);
                if let Some(v) = pos(k) {
                    if text.ends_with(' ') {
                        self.emit(" ", i);
                    }
                    self.render_value(v, depth, mode);
                }
            }
            Rule::Date | Rule::DateAge => {
                let nums: Vec<&str> =
                    (0..3).filter_map(pos).map(|r| self.text_of(r).trim()).collect();
                let dmy = self.named(&params, "df").is_some();
                if let Some(text) = date_text(&nums, dmy) {
                    self.emit(&text, i);
                    let born: Vec<&str> =
                        (3..6).filter_map(pos).map(|r| self.text_of(r).trim()).collect();
                    if let Some(age) =
                        (rule == Rule::DateAge).then(|| age_at(&nums, &born)).flatten()
                    {
                        self.emit(&format!(" (aged {age})"), i);
                    }
                } else if let Some(v) = pos(0) {
                    self.render_value(v, depth, mode);
                }
            }
            Rule::AsOf => {
                let nums: Vec<&str> =
                    (0..3).filter_map(pos).map(|r| self.text_of(r).trim()).collect();
                let lower = self.named(&params, "lc").is_some();
                let dmy = self.named(&params, "df").is_some();
                self.emit(if lower { "as of" } else { "As of" }, i);
                if let Some(text) = date_text(&nums, dmy) {
                    self.emit(&format!(" {text}"), i);
                }
            }
            Rule::Convert => {
                let values: Vec<&str> =
                    (0..4).filter_map(pos).map(|r| self.text_of(r).trim()).collect();
                if let Some(text) = convert_text(&values) {
                    self.emit(&text, i);
                }
            }
            Rule::List => {
                for (k, p) in unnamed().enumerate() {
                    if k > 0 || mode.inline {
                        self.separator(mode, p.value.0);
                    }
                    self.render_value(p.value, depth, mode);
                }
            }
            Rule::Concat => {
                for p in unnamed() {
                    self.render_value(p.value, depth, mode);
                }
            }
            Rule::Frac => {
                let parts: Vec<(usize, usize)> = unnamed().map(|p| p.value).take(3).collect();
                let seps: &[&str] = match parts.len() {
                    1 => &["1/"],
                    2 => &["", "/"],
                    _ => &["", " ", "/"],
                };
                for (part, sep) in parts.iter().zip(seps) {
                    self.emit(sep, part.0);
                    self.render_value(*part, depth, mode);
                }
            }
            Rule::Ship => {
                if let (Some(p), Some(n)) = (pos(0), pos(1)) {
                    self.render_value(p, depth, mode);
                    self.emit(" ", p.1);
                    self.render_value(n, depth, mode);
                    self.parenthesised(pos(2), depth, mode);
                }
            }
            Rule::ShipPrefix => {
                if let Some(v) = pos(0) {
                    self.emit(&format!("{} ", name.to_uppercase()), i);
                    self.render_value(v, depth, mode);
                    self.parenthesised(pos(1), depth, mode);
                }
            }
            Rule::Flag | Rule::LinkArg => {
                if let Some(v) = pos(0) {
                    let start = self.out.len();
                    self.render_value(v, depth, mode);
                    let shown = self.out[start..].trim();
                    let code = shown.len() <= 3 && shown.bytes().all(|x| x.is_ascii_uppercase());
                    if !(shown.is_empty() || rule == Rule::Flag && code) {
                        let target =
                            link_target(if rule == Rule::Flag { shown } else { self.text_of(v) });
                        let lead = self.out[start..].len() - self.out[start..].trim_start().len();
                        let end = start + self.out[start..].trim_end().len();
                        self.links.push(Link { target, span: Span::new(start + lead, end) });
                    }
                }
            }
            Rule::Marriage => {
                if let Some(v) = pos(0) {
                    self.render_value(v, depth, mode);
                }
                if let Some(from) = pos(1) {
                    self.emit(" (m. ", from.0);
                    self.render_value(from, depth, mode);
                    if let Some(to) = pos(2) {
                        let how = self.named(&params, "end").map(|p| self.text_of(p.value));
                        let how = how.filter(|h| !h.trim().is_empty()).unwrap_or("end");
                        let how = match how.trim() {
                            "d" | "died" => "died",
                            "div" | "divorced" => "div.",
                            "sep" | "separated" => "sep.",
                            "annulled" | "ann" => "ann.",
                            _ => "",
                        };
                        if how.is_empty() {
                            self.emit("–", to.0);
                        } else {
                            self.emit(&format!("; {how} "), to.0);
                        }
                        self.render_value(to, depth, mode);
                    }
                    self.emit(")", from.1);
                }
            }
            Rule::Nihongo => {
                if let Some(v) = pos(0) {
                    self.render_value(v, depth, mode);
                }
                let rest: Vec<(usize, usize)> = (1..3).filter_map(pos).collect();
                if let Some(first) = rest.first() {
                    self.emit(" (", first.0);
                    for (k, r) in rest.iter().enumerate() {
                        if k > 0 {
                            self.emit(", ", r.0);
                        }
                        self.render_value(*r, depth, mode);
                    }
                    self.emit(")", end);
                }
            }
            Rule::Reign => {
                self.emit("r.", i);
                if let Some(from) = pos(0) {
                    self.emit(" ", from.0);
                    self.render_value(from, depth, mode);
                    self.emit("–", from.1);
                    if let Some(to) = pos(1) {
                        self.render_value(to, depth, mode);
                    }
                }
            }
            Rule::Url => {
                if let Some(label) = pos(1) {
                    self.render_value(label, depth, mode);
                } else if let Some(url) = pos(0) {
                    let text = self.text_of(url).trim();
                    let bare = text.split_once("//").map_or(text, |(_, rest)| rest);
                    let bare = bare.strip_prefix("www.").unwrap_or(bare).trim_end_matches('/');
                    self.emit(bare, url.0);
                }
            }
        }
    }

    /// ` (y)` after a ship's name, when its id is given.
    fn parenthesised(&mut self, part: Option<(usize, usize)>, depth: usize, mode: Mode) {
        if let Some(y) = part {
            self.emit(" (", y.0);
            self.render_value(y, depth, mode);
            self.emit(")", y.1);
        }
    }

    /// A template in no row of the table: dropped, counted under its name; names that are
    /// parser functions, magic words or all capitals (`{{PAGENAME}}`) are dropped quietly.
    fn unknown_template(&mut self, name: String, a: usize, name_end: usize) {
        let magic = name.is_empty()
            || name.contains(':')
            || name.starts_with('#')
            || self.src[a..name_end]
                .trim()
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '_');
        if !magic {
            let t = self.out.len();
            let entry = self.unknown.entry(name).or_insert((0, t));
            entry.0 += 1;
        }
    }

    /// Keep a construct without plain text as a placeholder at the current text offset.
    fn drop_construct(&mut self, kind: DroppedKind, a: usize, b: usize) {
        let t = self.out.len();
        let source = Span::new(a, b);
        // Code points are filled in by `finish`, from one index of the whole source.
        self.dropped.push(Dropped { kind, span: Span::new(t, t), source, source_chars: source });
    }

    /// An `{{Infobox ...}}`. The page's first one outside running text becomes the
    /// wiki-style block (`Infobox` / `- key: value`), and the fields of every later
    /// infobox of the page, and of infoboxes nested in a field (`module=`, `embed=yes`),
    /// join that block: one infobox per article, no field lost.
    fn infobox_template(
        &mut self,
        i: usize,
        end: usize,
        name: &str,
        params: &[Param],
        depth: usize,
        mode: Mode,
    ) {
        if self.merged_infoboxes.contains(&i) {
            return;
        }
        if self.in_infobox_value {
            self.pending_infoboxes.push((i, end));
            return;
        }
        if mode.inline || self.infobox.is_some() {
            let t = self.out.len();
            self.diagnostics.push(Diagnostic::at(
                Span::new(t, t),
                DiagnosticKind::InfoboxDropped,
                format!("{{{{{name}}}}} inside running text (a link, a table cell) was dropped"),
            ));
            return;
        }
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.emit("\n", i);
        }
        let block_start = self.out.len();
        self.emit("Infobox\n", i);
        let mut fields = Vec::new();
        self.infobox_fields(params, depth, &mut fields);
        for (a, e) in self.later_infoboxes(end) {
            self.merged_infoboxes.insert(a);
            let (_, params) = self.template_parts(a, e);
            self.infobox_fields(&params, depth, &mut fields);
        }
        let template = name
            .strip_prefix("infobox")
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        let block_end = self.out.len();
        self.emit("\n", end);
        let mut infobox =
            Infobox { template, kind: None, span: Span::new(block_start, block_end), fields };
        infobox.classify();
        self.infobox = Some(infobox);
    }

    /// Infobox templates after `from` that are not inside another template or link.
    fn later_infoboxes(&self, from: usize) -> Vec<(usize, usize)> {
        let bytes = self.src.as_bytes();
        let mut out = Vec::new();
        let mut i = from;
        while let Some(p) = memchr::memchr2(b'{', b'[', &bytes[i.min(bytes.len())..]) {
            let at = i + p;
            match self.index.pairs.get(&at) {
                Some(&close) => {
                    let name_end = bytes[at + 2..close]
                        .iter()
                        .position(|&x| x == b'|')
                        .map_or(close, |q| at + 2 + q);
                    if bytes[at] == b'{'
                        && canonical(&self.src[at + 2..name_end]).starts_with("infobox")
                    {
                        out.push((at, close + 2));
                    }
                    i = close + 2;
                }
                None => i = at + 1,
            }
        }
        out
    }

    /// One `- key: value` line per named argument with a visible value.
    fn infobox_fields(&mut self, params: &[Param], depth: usize, fields: &mut Vec<InfoboxField>) {
        if self.too_deep(depth) {
            return;
        }
        for p in params {
            let Some(key) = p.name else { continue };
            // `embed=yes` / `child=yes` say how a nested infobox is drawn, not a fact.
            let layout = matches!(
                self.text_of(key).to_ascii_lowercase().as_str(),
                "embed" | "child" | "subbox"
            );
            if p.value.1 <= p.value.0 || key.1 <= key.0 || layout {
                continue;
            }
            let line_start = self.out.len();
            let links_before = self.links.len();
            let dropped_before = self.dropped.len();
            self.emit("- ", key.0);
            let key_start = self.out.len();
            self.copy(key.0, key.1);
            let key_span = Span::new(key_start, self.out.len());
            self.emit(": ", key.1);
            let value_start = self.out.len();
            let outer = std::mem::replace(&mut self.in_infobox_value, true);
            let pending_before = self.pending_infoboxes.len();
            self.render(p.value.0, p.value.1, depth + 1, Mode { inline: true, start: value_start });
            self.in_infobox_value = outer;
            let nested = self.pending_infoboxes.split_off(pending_before);
            while self.out.len() > value_start && self.out.ends_with([' ', ',', '\t']) {
                self.out.pop();
            }
            let text = &self.out[value_start..];
            let lead = text.len() - text.trim_start().len();
            let value_span = Span::new(value_start + lead, self.out.len());
            if value_span.is_empty() {
                // Nothing visible (an empty or reference-only value): leave no line.
                self.out.truncate(line_start);
                let keep = self.anchors.partition_point(|&(t, _)| t <= line_start);
                self.anchors.truncate(keep);
                self.links.truncate(links_before);
                for d in &mut self.dropped[dropped_before..] {
                    d.span = Span::new(line_start, line_start);
                }
            } else {
                fields.push(InfoboxField {
                    key: key_span.slice(&self.out).to_string(),
                    value: value_span.slice(&self.out).to_string(),
                    key_span,
                    value_span,
                });
                self.emit("\n", p.value.1);
            }
            for (a, e) in nested {
                let (_, params) = self.template_parts(a, e);
                self.infobox_fields(&params, depth + 1, fields);
            }
        }
    }

    fn finish(mut self, origin: &str, title: &str) -> Article {
        let text_len = self.out.len();
        // Sections: from a heading line to the next heading of the same or a higher level.
        let mut sections = Vec::with_capacity(self.headings.len());
        for (k, &(level, title_span, line_start)) in self.headings.iter().enumerate() {
            let end =
                self.headings[k + 1..].iter().find(|h| h.0 <= level).map_or(text_len, |h| h.2);
            sections.push(Section {
                level,
                span: Span::new(line_start, end.max(line_start)),
                title_span,
            });
        }
        let paragraphs = self.paragraphs();
        let mut unknown: Vec<(String, (usize, usize))> =
            std::mem::take(&mut self.unknown).into_iter().collect();
        unknown.sort_by_key(|(_, (_, at))| *at);
        let extra = unknown.len().saturating_sub(MAX_TEMPLATE_DIAGNOSTICS);
        for (name, (count, at)) in unknown.into_iter().take(MAX_TEMPLATE_DIAGNOSTICS) {
            let times = if count > 1 { format!(" ({count} times)") } else { String::new() };
            self.diagnostics.push(Diagnostic::at(
                Span::new(at, at),
                DiagnosticKind::TemplateDropped,
                format!("template {{{{{name}}}}} is not rendered and was dropped{times}"),
            ));
        }
        if extra > 0 {
            self.diagnostics.push(Diagnostic::whole(
                DiagnosticKind::TemplateDropped,
                format!("{extra} more template names were dropped"),
            ));
        }
        self.dropped_diagnostics();
        let text_len = self.out.len();
        let keep = self.anchors.partition_point(|&(t, _)| t <= text_len);
        self.anchors.truncate(keep);
        // Held as long as the article: pushed one by one, its capacity is up to twice its
        // length, MBs on a page of tiny sections.
        self.anchors.shrink_to_fit();
        let source_index = crate::span::CharIndex::new(self.src);
        let char_anchors = self.anchors.iter().map(|&(_, s)| source_index.char_offset(s)).collect();
        let source_char_len = source_index.char_offset(self.src.len());
        for d in &mut self.dropped {
            d.source_chars = Span::new(
                source_index.char_offset(d.source.start),
                source_index.char_offset(d.source.end),
            );
        }
        let source_map = SourceMap {
            anchors: self.anchors,
            source_len: self.src.len(),
            char_anchors,
            source_char_len,
        };
        Article {
            id: title_to_id(title),
            title: title.to_string(),
            origin: origin.to_string(),
            text: self.out,
            title_span: None,
            sections,
            infobox: self.infobox,
            paragraphs,
            list_items: self.list_items,
            see_also: Vec::new(),
            links: self.links,
            tables: self.tables,
            dropped: self.dropped,
            source_map: Some(source_map),
            diagnostics: self.diagnostics,
        }
    }

    /// One diagnostic per kind of dropped construct, with the count, at the first one.
    fn dropped_diagnostics(&mut self) {
        let mut by_kind: BTreeMap<DroppedKind, (usize, Span)> = BTreeMap::new();
        for d in &self.dropped {
            by_kind.entry(d.kind).or_insert((0, d.span)).0 += 1;
        }
        for (kind, (count, first)) in by_kind {
            let what = kind.as_str();
            self.diagnostics.push(Diagnostic::at(
                first,
                DiagnosticKind::ConstructDropped,
                format!(
                    "{count} {what} construct(s) have no plain text; kept as `{what}` placeholders"
                ),
            ));
        }
    }

    /// Prose blocks: runs of non-blank lines that are not headings, list items, tables,
    /// captions or the infobox.
    fn paragraphs(&mut self) -> Vec<Span> {
        self.captions.sort_by_key(|c| c.start);
        let mut blocks = self.captions.iter().peekable();
        let mut block_end = 0;
        let mut out = Vec::new();
        let mut current: Option<Span> = None;
        let mut at = 0;
        // Line starts of headings and list items, sorted; lines are visited in order, so one
        // cursor walks them (a hash set here was the slowest part of a page of headings).
        let mut starts: Vec<usize> = self
            .headings
            .iter()
            .map(|h| h.2)
            .chain(self.list_items.iter().map(|l| l.start))
            .collect();
        starts.sort_unstable();
        let mut cursor = 0;
        let infobox = self.infobox.as_ref().map(|ib| ib.span);
        let mut skip = |s: usize| {
            while starts.get(cursor).is_some_and(|&x| x < s) {
                cursor += 1;
            }
            starts.get(cursor) == Some(&s) || infobox.is_some_and(|ib| ib.start <= s && s < ib.end)
        };
        for line in self.out.split_inclusive('\n') {
            let body = line.trim_end();
            let lead = body.len() - body.trim_start().len();
            while let Some(c) = blocks.next_if(|c| c.start <= at + lead) {
                block_end = block_end.max(c.end);
            }
            let in_block = at + lead < block_end;
            if body.trim().is_empty() || in_block || skip(at) || skip(at + lead) {
                if let Some(p) = current.take() {
                    out.push(p);
                }
            } else {
                let span = Span::new(at + lead, at + body.len());
                current = Some(match current {
                    Some(p) => Span::new(p.start, span.end),
                    None => span,
                });
            }
            at += line.len();
        }
        out.extend(current);
        out
    }
}

/// `{{start date|1865|2|28}}` -> "February 28, 1865" (or "28 February 1865" with `df`).
fn date_text(nums: &[&str], dmy: bool) -> Option<String> {
    let year: i32 = nums.first()?.parse().ok()?;
    let month = nums.get(1).and_then(|m| m.parse::<usize>().ok()).filter(|m| (1..=12).contains(m));
    let day = nums.get(2).and_then(|d| d.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
    Some(match (month, day) {
        (Some(m), Some(d)) if dmy => format!("{d} {} {year}", MONTHS[m - 1]),
        (Some(m), Some(d)) => format!("{} {d}, {year}", MONTHS[m - 1]),
        (Some(m), None) => format!("{} {year}", MONTHS[m - 1]),
        _ => year.to_string(),
    })
}

/// Whole years from the birth date `born` (year, month, day) to the death date `died`.
fn age_at(died: &[&str], born: &[&str]) -> Option<i32> {
    let num = |v: &[&str], k: usize| v.get(k).and_then(|x| x.parse::<i32>().ok());
    let (dy, by) = (num(died, 0)?, num(born, 0)?);
    let later = (num(died, 1).unwrap_or(12), num(died, 2).unwrap_or(31));
    let birthday = (num(born, 1).unwrap_or(1), num(born, 2).unwrap_or(1));
    let age = dy - by - i32::from(later < birthday);
    (0..=150).contains(&age).then_some(age)
}

/// `{{convert|10|km|mi}}` -> "10 km"; `{{convert|2|to|5|km}}` -> "2 to 5 km".
fn convert_text(values: &[&str]) -> Option<String> {
    let first = values.first()?;
    let is_range_word = |w: &str| {
        matches!(w, "to" | "-" | "–" | "and" | "or" | "x" | "by" | "+/-" | "and(-)" | "to(-)")
    };
    match (values.get(1), values.get(2), values.get(3)) {
        (Some(w), Some(second), unit) if is_range_word(w) => {
            let word = if *w == "-" { "–" } else { w };
            Some(match unit {
                Some(u) => format!("{first} {word} {second} {u}"),
                None => format!("{first} {word} {second}"),
            })
        }
        (Some(unit), _, _) => Some(format!("{first} {unit}")),
        _ => Some(first.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(src: &str) -> Article {
        parse_wikitext(src, "test", "Test")
    }

    /// Every link's span slices to the same text in `text` and in the source.
    fn check_links(src: &str, a: &Article) {
        let map = a.source_map.as_ref().unwrap();
        for l in &a.links {
            let t = l.span.slice(&a.text);
            // A link trail's source runs over the `]]` before it (`war]]s`).
            let s = map.source_span(l.span).slice(src).replace("]]", "");
            assert_eq!(t, s, "link {l:?} in {src:?} -> {:?}", a.text);
        }
    }

    #[test]
    fn table_of_renderings() {
        let rows: &[(&str, &str)] = &[
            ("'''Bold''' and ''italic'' text.", "Bold and italic text."),
            ("A [[Target page|label]] b.", "A label b."),
            ("A [[plain]] b [[x_y#Sec|z]].", "A plain b z."),
            ("Born {{circa|1820}} in [[Lyon]].", "Born c. 1820 in Lyon."),
            ("On {{start date|1865|2|28}}.", "On February 28, 1865."),
            ("On {{Start date|1865|2|28|df=y}}.", "On 28 February 1865."),
            ("From {{flag|Peru}}.", "From Peru."),
            ("Say {{lang|es|¡Hola, señor!}} now.", "Say ¡Hola, señor! now."),
            ("It ran {{convert|12|km|mi}}.", "It ran 12 km."),
            ("It ran {{convert|2|to|5|km}}.", "It ran 2 to 5 km."),
            ("The {{ship|BAP|Amazonas}} sailed.", "The BAP Amazonas sailed."),
            ("The {{HMS|Victory|1765}} sailed.", "The HMS Victory (1765) sailed."),
            ("Fact.<ref name=a>{{cite web|url=x}}</ref> More.<ref name=a/>", "Fact. More."),
            ("x<!-- hidden [[y]] --> z", "x z"),
            ("[[File:Map.png|thumb|A [[map]]]]Text[[Category:Wars]]", "A map\n\nText"),
            ("[[File:Map.png|thumb|upright=1.2|alt=x]]Text", "Text"),
            (
                "The [[war]]s and [[wikt:word|words]] and [[:fr:Paris]].[[fr:Paris]]",
                "The wars and words and fr:Paris.",
            ),
            ("A{{unknown thing|1}}B", "AB"),
            ("1775{{snds}}1783", "1775 – 1783"),
            ("a&nbsp;b &amp; c &#8364;", "a b & c €"),
            ("[http://example.com Example site] and [http://x.org]", "Example site and "),
            ("__NOTOC__Text", "Text"),
            ("{|\n| cell\n|}\nAfter", "cell\n\nAfter"),
            (
                "A\n{|\n|+ Cap\n! H1 !! H2\n|-\n| a || [[b]]\n|}\nZ",
                "A\n\nCap\n\nH1 | H2\n\na | b\n\nZ",
            ),
            ("{{as of|2010}}, the three", "As of 2010, the three"),
            ("Eagle{{'s}} side", "Eagle's side"),
            ("Ann Smith ({{née}} Jones)", "Ann Smith (née Jones)"),
            ("{{nihongo|Tokyo|東京|Tōkyō}}", "Tokyo (東京, Tōkyō)"),
            ("{{marriage|Ann|1990|1995|end=div}}", "Ann (m. 1990; div. 1995)"),
            ("{{ubl|a|b}} {{hlist|c|d}}", "a, b c, d"),
            ("{{death date and age|1990|5|3|1900|6|1}}", "May 3, 1990 (aged 89)"),
            ("{{floruit|1200}} {{reign|1200|1250}}", "fl. 1200 r. 1200–1250"),
            ("{{URL|https://www.example.com/}} {{frac|1|2}} {{chem|H|2|O}}", "example.com 1/2 H2O"),
            ("x<math>y^2</math> z{{IPA|/x/}}", "x z"),
            ("Albedo ({{IPAc-en|x}}) or", "Albedo or"),
            ("Andorra ({{IPA|x}}; {{IPA|y}}), officially", "Andorra, officially"),
            ("Ayn ({{IPA|x}}; born 1905) was", "Ayn (born 1905) was"),
            ("a (b) (c; d)", "a (b) (c; d)"),
            ("Café 東京 😀 [[Zürich|Zürich 東]] €", "Café 東京 😀 Zürich 東 €"),
        ];
        for (src, want) in rows {
            let a = render(src);
            assert_eq!(a.text, *want, "{src:?}");
            check_links(src, &a);
        }
    }

    #[test]
    fn links_keep_their_targets() {
        let src = "The [[battle_of callao#Aftermath|fight]] and [[lima]] and [[:Category:X|cat]].";
        let a = render(src);
        let got: Vec<(&str, &str)> =
            a.links.iter().map(|l| (l.target.as_str(), l.span.slice(&a.text))).collect();
        assert_eq!(
            got,
            vec![("Battle of callao", "fight"), ("Lima", "lima"), ("Category:X", "cat")]
        );
        check_links(src, &a);
    }

    #[test]
    fn infobox_becomes_fields_with_links() {
        let src = "{{Infobox military conflict\n| conflict = Test War\n| date = {{start date|1865|2|28}} – 1866<ref>x</ref>\n| place = [[Arequipa]], [[Peru]]\n| commander1 = [[Juan Pérez]]<br />[[Ana Díaz|A. Díaz]]\n| empty = \n| result = {{plainlist|\n* Victory\n* Peace}}\n}}\n'''Test War''' was a war.\n";
        let a = render(src);
        let ib = a.infobox.as_ref().unwrap();
        assert_eq!(ib.template.as_deref(), Some("military conflict"));
        let fields: Vec<(&str, &str)> =
            ib.fields.iter().map(|f| (f.key.as_str(), f.value.as_str())).collect();
        assert_eq!(
            fields,
            vec![
                ("conflict", "Test War"),
                ("date", "February 28, 1865 – 1866"),
                ("place", "Arequipa, Peru"),
                ("commander1", "Juan Pérez, A. Díaz"),
                ("result", "Victory, Peace"),
            ]
        );
        for f in &ib.fields {
            assert_eq!(f.value_span.slice(&a.text), f.value);
            assert_eq!(f.key_span.slice(&a.text), f.key);
        }
        assert!(a.text.starts_with("Infobox\n- conflict: Test War\n"), "{}", a.text);
        assert_eq!(
            a.links.iter().map(|l| l.target.as_str()).collect::<Vec<_>>(),
            vec!["Arequipa", "Peru", "Juan Pérez", "Ana Díaz"]
        );
        check_links(src, &a);
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.paragraphs[0].slice(&a.text), "Test War was a war.");
    }

    #[test]
    fn headings_become_sections() {
        let src =
            "Lead.\n== History ==\nOne [[x]].\n=== Early ===\nTwo.\n== See also ==\n* [[Other]]\n";
        let a = render(src);
        let got: Vec<(&str, u8, &str)> = a
            .sections
            .iter()
            .map(|s| (s.title(&a.text), s.level, s.title_span.slice(&a.text)))
            .collect();
        assert_eq!(
            got,
            vec![("History", 2, "History"), ("Early", 3, "Early"), ("See also", 2, "See also")]
        );
        let map = a.source_map.as_ref().unwrap();
        for s in &a.sections {
            assert_eq!(map.source_span(s.title_span).slice(src), s.title(&a.text));
        }
        assert!(a.sections[0].span.slice(&a.text).contains("Two."));
        assert!(!a.sections[0].span.slice(&a.text).contains("See also"));
        assert_eq!(
            a.list_items.iter().map(|l| l.slice(&a.text)).collect::<Vec<_>>(),
            vec!["Other"]
        );
    }

    #[test]
    fn unknown_templates_and_depth_make_diagnostics() {
        let a = render("a {{mystery|1}} b {{mystery}} {{cite web|x}}");
        let kinds: Vec<(DiagnosticKind, &str)> = a
            .diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::TemplateDropped)
            .map(|d| (d.kind, d.message.as_str()))
            .collect();
        assert_eq!(kinds.len(), 1, "{kinds:?}");
        assert!(kinds[0].1.contains("mystery") && kinds[0].1.contains("2 times"));
        let deep = format!("{}x{}", "{{nowrap|".repeat(100), "}}".repeat(100));
        let a = render(&deep);
        assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::DepthLimit));
        let deep_links = format!("{}x{}", "[[a|".repeat(5000), "]]".repeat(5000));
        let a = render(&deep_links);
        assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::DepthLimit));
    }

    #[test]
    fn unbalanced_markup_is_text() {
        for src in [
            "{{",
            "}}",
            "[[a",
            "a]]",
            "<ref>never closed",
            "<!-- open",
            "'",
            "{{a|[[b}}]]",
            "<",
            "&",
            "&#xZZ;",
            "==",
            "= =",
            "{|",
            "[http://x",
        ] {
            let a = render(src);
            check_links(src, &a);
        }
        assert_eq!(render("[[a").text, "[[a");
        assert_eq!(render("<ref>never closed").text, "never closed");
    }
}
