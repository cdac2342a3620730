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

use crate::diagnostic::DiagnosticKind;
use std::collections::{BTreeMap, HashMap};

use super::{title_to_id, Article, Infobox, InfoboxField, Link, Section, SourceMap};
use crate::{diagnostic::Diagnostic, span::Span};

/// Deepest nesting of templates, links and tags that is rendered.
pub const MAX_DEPTH: usize = 24;

/// Distinct unknown template names reported per article; the rest are summed up.
const MAX_TEMPLATE_DIAGNOSTICS: usize = 32;

/// Pair `{{`/`}}` and `[[`/`]]` with a stack in one pass, skipping comments.
/// Returns open position -> position of the matching closer.
fn match_pairs(src: &str) -> HashMap<usize, usize> {
    let b = src.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut pairs = HashMap::new();
    let mut i = 0;
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'<', b'!') if src[i..].starts_with("<!--") => {
                i = src[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
                continue;
            }
            (b'{', b'{') | (b'[', b'[') => {
                stack.push((b[i], i));
                i += 2;
                continue;
            }
            (b'}', b'}') | (b']', b']') => {
                let open = if b[i] == b'}' { b'{' } else { b'[' };
                if stack.last().is_some_and(|&(c, _)| c == open) {
                    if let Some((_, at)) = stack.pop() {
                        pairs.insert(at, i);
                    }
                    i += 2;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    pairs
}

/// Tags whose content is not shown as article text.
const DROP_CONTENT_TAGS: &[&str] = &[
    "ref",
    "references",
    "math",
    "gallery",
    "timeline",
    "imagemap",
    "score",
    "syntaxhighlight",
    "source",
    "graph",
    "templatedata",
    "mapframe",
    "maplink",
    "chem",
    "ce",
    "hiero",
    "inputbox",
    "categorytree",
    "includeonly",
];

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

/// Templates removed without a diagnostic (citations, notes, hatnotes, maintenance).
const QUIET_TEMPLATE_PREFIXES: &[&str] = &[
    "cite",
    "citation",
    "sfn",
    "harv",
    "efn",
    "refn",
    "ref",
    "reflist",
    "notelist",
    "main",
    "see also",
    "further",
    "about",
    "redirect",
    "other uses",
    "distinguish",
    "for",
    "pp",
    "use ",
    "good article",
    "featured",
    "coord",
    "portal",
    "commons",
    "wikiquote",
    "wiktionary",
    "wikisource",
    "authority control",
    "defaultsort",
    "short description",
    "hatnote",
    "cn",
    "clarify",
    "when",
    "who",
    "which",
    "dead link",
    "webarchive",
    "isbn",
    "navbox",
    "campaignbox",
    "s-",
    "col-",
    "div col",
    "clear",
    "toc",
    "multiple image",
    "page needed",
    "better source",
    "verify",
    "failed verification",
    "by whom",
    "according to whom",
    "vague",
    "dubious",
    "fact",
    "lead",
    "pov",
    "unreferenced",
    "refimprove",
    "more citations",
    "citation",
    "wikt",
    "sister",
    "spoken",
    "taxobox",
    "lccn",
    "oclc",
    "doi",
    "jstor",
    "flagicon",
    "reflist",
    "sup",
    "anchor",
    "rp",
    "r",
    "flagdeco",
    "age in years",
    "age",
    "pp-",
    "dmy",
    "mdy",
    "engvar",
    "italic title",
    "lowercase",
    "dts",
    "birth-date",
    "ipa",
    "audio",
    "respell",
    "pronunciation",
];

/// Ship-name prefixes rendered as `PREFIX Name`.
const SHIP_PREFIXES: &[&str] = &[
    "hms", "uss", "sms", "hmas", "hmcs", "hmnzs", "ara", "bap", "rms", "ss", "ins", "usns",
    "uscgc", "mv", "hms", "frigate", "ship",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

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
    pairs: HashMap<usize, usize>,
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
    /// Tag name -> a position after which no closing tag of that name exists.
    no_close_after: HashMap<String, usize>,
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
        pairs: match_pairs(source),
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
        no_close_after: HashMap::new(),
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
    name.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A link target as an article title: `#section` dropped, `_` as space, first letter upper.
fn link_target(raw: &str) -> String {
    let raw = raw.split('#').next().unwrap_or("");
    let spaced = raw.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
            let end = self.out.trim_end().len().max(start);
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
            }
            let c = bytes[i];
            let next = match c {
                b'<' => self.tag(i, b, depth, mode),
                b'{' => self.pairs.get(&i).copied().filter(|&e| e + 2 <= b).map(|e| {
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
                        .position(|x| matches!(x, b'<' | b'{' | b'[' | b'\'' | b'&' | b'_' | b'\n'))
                        .map_or(b, |p| i + 1 + p);
                    let mut from = i;
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

    /// Constructs that only exist at the start of a prose line. Returns where to go on.
    fn line_start(&mut self, i: usize, b: usize, depth: usize) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let line_end = bytes[i..b].iter().position(|&x| x == b'\n').map_or(b, |p| i + p);
        let line = &self.src[i..line_end];
        if line.starts_with("{|") {
            return Some(self.skip_table(i, b));
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

    /// Skip a `{| ... |}` table (nested tables too). Returns the offset after it.
    fn skip_table(&mut self, i: usize, b: usize) -> usize {
        let mut depth = 0usize;
        let mut at = i;
        while at < b {
            let line_end =
                self.src.as_bytes()[at..b].iter().position(|&x| x == b'\n').map_or(b, |p| at + p);
            let line = self.src[at..line_end].trim_start();
            if line.starts_with("{|") {
                depth += 1;
            } else if line.starts_with("|}") {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return line_end;
                }
            }
            at = line_end + 1;
        }
        b
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
        if DROP_CONTENT_TAGS.contains(&name.as_str()) {
            if closing || self_closing {
                return Some(after);
            }
            return Some(self.find_close(&name, after, b).unwrap_or(after));
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

    /// Start of `</name` at or after `from` (ASCII case-insensitive), remembering misses.
    fn find_close_start(&mut self, name: &str, from: usize, b: usize) -> Option<usize> {
        if self.no_close_after.get(name).is_some_and(|&p| p <= from) {
            return None;
        }
        let needle = format!("</{name}");
        let hay = &self.src.as_bytes()[from..b];
        let found = hay
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
            .map(|p| from + p);
        if found.is_none() && b == self.src.len() {
            self.no_close_after.insert(name.to_string(), from);
        }
        found
    }

    /// Offset after the `</name ...>` closing tag.
    fn find_close(&mut self, name: &str, from: usize, b: usize) -> Option<usize> {
        let start = self.find_close_start(name, from, b)?;
        Some(self.src[start..b].find('>').map_or(b, |p| start + p + 1))
    }

    /// `[[link]]` or `[http://external label]`.
    fn bracket(&mut self, i: usize, b: usize, depth: usize, mode: Mode) -> Option<usize> {
        if let Some(&close) = self.pairs.get(&i) {
            if close + 2 > b {
                return None;
            }
            self.link(i, close, depth, mode);
            return Some(close + 2);
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
        let end = rest.find([']', '\n']).map(|p| i + 1 + p)?;
        if self.src.as_bytes()[end] != b']' {
            return None;
        }
        if let Some(space) = self.src[i + 1..end].find(' ') {
            let (la, lb) = trim_range(self.src, i + 1 + space, end);
            if lb > la {
                let start = self.out.len();
                self.render(
                    la,
                    lb,
                    depth + 1,
                    Mode { inline: true, start: if mode.inline { mode.start } else { start } },
                );
            }
        }
        Some(end + 1)
    }

    fn link(&mut self, i: usize, close: usize, depth: usize, mode: Mode) {
        if self.too_deep(depth) {
            return;
        }
        let inner = (i + 2, close);
        let pipe = self.top_level_bars(inner.0, inner.1).into_iter().next();
        let target_end = pipe.unwrap_or(inner.1);
        let raw_target = self.src[inner.0..target_end].trim();
        let (raw_target, forced) = match raw_target.strip_prefix(':') {
            Some(t) => (t.trim(), true),
            None => (raw_target, false),
        };
        if !forced {
            if let Some((prefix, _)) = raw_target.split_once(':') {
                let prefix = prefix.trim().to_ascii_lowercase();
                let interlanguage = !prefix.is_empty()
                    && prefix.len() <= 12
                    && prefix.bytes().all(|x| x.is_ascii_lowercase() || x == b'-');
                if matches!(prefix.as_str(), "file" | "image" | "category" | "media")
                    || interlanguage
                        && raw_target
                            .split_once(':')
                            .is_some_and(|(p, _)| p == p.to_ascii_lowercase())
                {
                    return;
                }
            }
        }
        let (la, lb) = match pipe {
            Some(p) => {
                let (la, lb) = trim_range(self.src, p + 1, inner.1);
                if lb > la {
                    (la, lb)
                } else {
                    trim_range(self.src, inner.0, target_end)
                }
            }
            None => trim_range(self.src, inner.0, target_end),
        };
        let start = self.out.len();
        self.render(
            la,
            lb,
            depth + 1,
            Mode { inline: true, start: if mode.inline { mode.start } else { start } },
        );
        let text = &self.out[start..];
        let lead = text.len() - text.trim_start().len();
        let end = start + text.trim_end().len();
        let target = link_target(raw_target);
        if end > start + lead && !target.is_empty() {
            self.links.push(Link { target, span: Span::new(start + lead, end) });
        }
    }

    /// Offsets of the `|` separators at the top level of `[a, b)` (not inside nested pairs).
    fn top_level_bars(&self, a: usize, b: usize) -> Vec<usize> {
        let bytes = self.src.as_bytes();
        let mut bars = Vec::new();
        let mut i = a;
        while i < b {
            if let Some(&close) = self.pairs.get(&i) {
                i = close + 2;
                continue;
            }
            if bytes[i..b].starts_with(b"<!--") {
                i = self.src[i + 4..b].find("-->").map_or(b, |e| i + 4 + e + 3);
                continue;
            }
            if bytes[i] == b'|' {
                bars.push(i);
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
                    if self.pairs.contains_key(&i)
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

    fn template(&mut self, i: usize, end: usize, depth: usize, mode: Mode) {
        if self.too_deep(depth) {
            return;
        }
        let (a, b) = (i + 2, end - 2);
        let bars = self.top_level_bars(a, b);
        let name_end = bars.first().copied().unwrap_or(b);
        let name = canonical(&self.src[a..name_end]);
        let params = self.params(&bars, b);
        let pos = |k: usize| Self::positional(&params, k);
        let head = name.split_whitespace().next().unwrap_or("");
        match name.as_str() {
            n if n.starts_with("infobox") => {
                if self.infobox.is_none() && !mode.inline {
                    self.infobox_block(i, end, n, &params, depth);
                }
            }
            "lang" | "transl" | "transliteration" => {
                if let Some(v) =
                    pos(params.iter().filter(|p| p.name.is_none()).count().saturating_sub(1))
                        .or_else(|| pos(1))
                {
                    self.render_value(v, depth, mode);
                }
            }
            n if n.starts_with("lang-") || n.starts_with("lang ") => {
                if let Some(v) = pos(0) {
                    self.render_value(v, depth, mode);
                }
            }
            "circa" | "c." | "ca." | "c" => {
                self.emit("c.", i);
                if let Some(v) = pos(0) {
                    self.emit(" ", i);
                    self.render_value(v, depth, mode);
                }
            }
            "start date" | "end date" | "birth date" | "death date" | "start date and age"
            | "end date and age" | "birth date and age" | "death date and age" | "date"
            | "start-date" | "end-date" | "birth year and age" | "death year and age"
            | "birth-date and age" => {
                let nums: Vec<&str> =
                    (0..3).filter_map(pos).map(|r| self.text_of(r).trim()).collect();
                let dmy = self.named(&params, "df").is_some();
                if let Some(text) = date_text(&nums, dmy) {
                    self.emit(&text, i);
                } else if let Some(v) = pos(0) {
                    self.render_value(v, depth, mode);
                }
            }
            "flag" | "flagcountry" | "flag country" | "flagu" | "flagdeco country"
            | "flag link" => {
                if let Some(v) = pos(0) {
                    let start = self.out.len();
                    self.render_value(v, depth, mode);
                    let shown = self.out[start..].trim().to_string();
                    let code = shown.len() <= 3 && shown.bytes().all(|x| x.is_ascii_uppercase());
                    if !shown.is_empty() && !code {
                        let end = start + self.out[start..].trim_end().len();
                        self.links.push(Link {
                            target: link_target(&shown),
                            span: Span::new(start, end),
                        });
                    }
                }
            }
            "convert" | "cvt" => {
                let values: Vec<&str> =
                    (0..4).filter_map(pos).map(|r| self.text_of(r).trim()).collect();
                if let Some(text) = convert_text(&values) {
                    self.emit(&text, i);
                }
            }
            "ship" | "sclass" | "warship" => {
                if let (Some(p), Some(n)) = (pos(0), pos(1)) {
                    self.render_value(p, depth, mode);
                    self.emit(" ", p.1);
                    self.render_value(n, depth, mode);
                    if let Some(y) = pos(2) {
                        self.emit(" (", y.0);
                        self.render_value(y, depth, mode);
                        self.emit(")", y.1);
                    }
                }
            }
            n if SHIP_PREFIXES.contains(&n) => {
                if let Some(v) = pos(0) {
                    self.emit(&format!("{} ", n.to_uppercase()), i);
                    self.render_value(v, depth, mode);
                    if let Some(y) = pos(1) {
                        self.emit(" (", y.0);
                        self.render_value(y, depth, mode);
                        self.emit(")", y.1);
                    }
                }
            }
            "nowrap" | "nobr" | "small" | "big" | "smaller" | "larger" | "nobold" | "noitalic"
            | "quote" | "blockquote" | "abbr" | "sic" | "nowiki" | "center" | "resize" | "font"
            | "keypress" | "vanchor" | "linktext" | "ill" | "interlanguage link" | "as of"
            | "term" | "lang2" | "proper name" | "not a typo" | "visible anchor" => {
                let k = if name == "resize" && pos(1).is_some() { 1 } else { 0 };
                if let Some(v) = pos(k) {
                    let start = self.out.len();
                    self.render_value(v, depth, mode);
                    if matches!(name.as_str(), "ill" | "interlanguage link") {
                        let end = start + self.out[start..].trim_end().len();
                        if end > start {
                            self.links.push(Link {
                                target: link_target(self.text_of(v)),
                                span: Span::new(start, end),
                            });
                        }
                    }
                }
            }
            "plainlist" | "plain list" | "flatlist" | "flat list" | "unbulleted list" | "ubl"
            | "hlist" | "bulleted list" | "bulleted" | "collapsible list" | "plainlist top"
            | "endplainlist" | "enum" | "ordered list" | "tree list" => {
                for p in params.iter().filter(|p| p.name.is_none() && p.value.1 > p.value.0) {
                    self.separator(mode, p.value.0);
                    self.render_value(p.value, depth, mode);
                }
            }
            "snd" | "snds" | "spaced ndash" | "spnd" | "sndash" | "spaced en dash" => {
                self.emit(" – ", i)
            }
            "ndash" | "en dash" | "–" => self.emit("–", i),
            "mdash" | "em dash" | "—" | "spaced mdash" | "spd" => self.emit("—", i),
            "nbsp" | "space" | "sp" => self.emit(" ", i),
            "'" => self.emit("'", i),
            "!" => self.emit("|", i),
            "=" => self.emit("=", i),
            "year" | "decade" => {
                if let Some(v) = pos(0) {
                    self.render_value(v, depth, mode);
                }
            }
            _ => {
                let quiet = name.is_empty()
                    || name.contains(':')
                    || name.starts_with('#')
                    || QUIET_TEMPLATE_PREFIXES
                        .iter()
                        .any(|p| name == *p || (p.len() > 2 && name.starts_with(p)))
                    || self.src[a..name_end]
                        .trim()
                        .chars()
                        .all(|c| c.is_uppercase() || c == ' ' || c == '_')
                    || head.ends_with("navbox")
                    || name.ends_with("navbox")
                    || name.ends_with("sidebar")
                    || name.ends_with("stub");
                if !quiet {
                    let t = self.out.len();
                    let entry = self.unknown.entry(name).or_insert((0, t));
                    entry.0 += 1;
                }
            }
        }
    }

    fn infobox_block(&mut self, i: usize, end: usize, name: &str, params: &[Param], depth: usize) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.emit("\n", i);
        }
        let block_start = self.out.len();
        self.emit("Infobox\n", i);
        let mut fields = Vec::new();
        for p in params {
            let Some(key) = p.name else { continue };
            if p.value.1 <= p.value.0 || key.1 <= key.0 {
                continue;
            }
            let line_start = self.out.len();
            let links_before = self.links.len();
            self.emit("- ", key.0);
            let key_start = self.out.len();
            self.copy(key.0, key.1);
            let key_span = Span::new(key_start, self.out.len());
            self.emit(": ", key.1);
            let value_start = self.out.len();
            self.render(p.value.0, p.value.1, depth + 1, Mode { inline: true, start: value_start });
            while self.out.len() > value_start && self.out.ends_with([' ', ',', '\t']) {
                self.out.pop();
            }
            let text = &self.out[value_start..];
            let lead = text.len() - text.trim_start().len();
            let value_span = Span::new(value_start + lead, self.out.len());
            if value_span.is_empty() {
                // Nothing visible (an empty or reference-only value): leave no line.
                self.out.truncate(line_start);
                self.anchors.retain(|&(t, _)| t <= line_start);
                self.links.truncate(links_before);
                continue;
            }
            fields.push(InfoboxField {
                key: key_span.slice(&self.out).to_string(),
                value: value_span.slice(&self.out).to_string(),
                key_span,
                value_span,
            });
            self.emit("\n", p.value.1);
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

    fn finish(mut self, origin: &str, title: &str) -> Article {
        let text_len = self.out.len();
        // Sections: from a heading line to the next heading of the same or a higher level.
        let mut sections = Vec::with_capacity(self.headings.len());
        for (k, &(level, title_span, line_start)) in self.headings.iter().enumerate() {
            let end =
                self.headings[k + 1..].iter().find(|h| h.0 <= level).map_or(text_len, |h| h.2);
            sections.push(Section {
                title: title_span.slice(&self.out).to_string(),
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
        let text_len = self.out.len();
        self.anchors.retain(|&(t, _)| t <= text_len);
        let source_index = crate::span::CharIndex::new(self.src);
        let char_anchors = self.anchors.iter().map(|&(_, s)| source_index.char_offset(s)).collect();
        let source_char_len = source_index.char_offset(self.src.len());
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
            source_map: Some(source_map),
            diagnostics: self.diagnostics,
        }
    }

    /// Prose blocks: runs of non-blank lines that are not headings, list items or the infobox.
    fn paragraphs(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut current: Option<Span> = None;
        let mut at = 0;
        let skip = |s: usize| {
            self.headings.iter().any(|h| h.2 == s)
                || self.list_items.iter().any(|l| l.start == s)
                || self.infobox.as_ref().is_some_and(|ib| ib.span.start <= s && s < ib.span.end)
        };
        for line in self.out.split_inclusive('\n') {
            let body = line.trim_end();
            let lead = body.len() - body.trim_start().len();
            if body.trim().is_empty() || skip(at) || skip(at + lead) {
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
            let s = map.source_span(l.span).slice(src);
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
            ("[[File:Map.png|thumb|A [[map]]]]Text[[Category:Wars]]", "Text"),
            ("A{{unknown thing|1}}B", "AB"),
            ("1775{{snds}}1783", "1775 – 1783"),
            ("a&nbsp;b &amp; c &#8364;", "a b & c €"),
            ("[http://example.com Example site] and [http://x.org]", "Example site and "),
            ("__NOTOC__Text", "Text"),
            ("{|\n| cell\n|}\nAfter", "\nAfter"),
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
            .map(|s| (s.title.as_str(), s.level, s.title_span.slice(&a.text)))
            .collect();
        assert_eq!(
            got,
            vec![("History", 2, "History"), ("Early", 3, "Early"), ("See also", 2, "See also")]
        );
        let map = a.source_map.as_ref().unwrap();
        for s in &a.sections {
            assert_eq!(map.source_span(s.title_span).slice(src), s.title);
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
        let kinds: Vec<(DiagnosticKind, &str)> =
            a.diagnostics.iter().map(|d| (d.kind, d.message.as_str())).collect();
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
