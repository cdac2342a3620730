//! `{| ... |}` tables: the structure (caption, rows, cells with their attributes) found in
//! one forward scan. Templates and links are stepped over as wholes (through the page's
//! pair index), so a `|` inside `{{a|b}}` or `[[a|b]]`, or a template whose arguments
//! run over several lines, never starts a cell. The renderer turns the structure into
//! text, one line per row.

use memchr::memmem;

use super::scan::Pairs;

/// One cell as written: header (`!`) or data (`|`), its attributes and its content.
#[derive(Debug)]
pub(super) struct RawCell {
    pub header: bool,
    /// `colspan=`/`rowspan=` and styles: the part before a single top-level `|`.
    pub attrs: (usize, usize),
    pub content: (usize, usize),
}

/// A table as written.
#[derive(Debug, Default)]
pub(super) struct RawTable {
    pub caption: Option<RawCell>,
    /// Rows in order; a `|-` with no cell after it makes no row.
    pub rows: Vec<Vec<RawCell>>,
    /// Offset just after the closing `|}` line (or the end of the range when unclosed).
    pub end: usize,
}

/// Where the cell being read lives, so that continuation lines extend it.
enum Open {
    None,
    Caption,
    Cell,
}

/// The table opening at `start` (a `{|` after optional spaces), within `[start, b)`.
pub(super) fn parse(src: &str, pairs: &Pairs, start: usize, b: usize) -> RawTable {
    let bytes = src.as_bytes();
    let mut table = RawTable::default();
    let mut open = Open::None;
    let mut new_row = true;
    let mut at = line_end(src, pairs, start, b).map_or(b, |e| e + 1);
    while at < b {
        let le = line_end(src, pairs, at, b).unwrap_or(b);
        let lead = bytes[at..le].iter().take_while(|x| matches!(x, b' ' | b'\t')).count();
        let t = at + lead;
        let line = &bytes[t..le];
        let structural =
            line.starts_with(b"|") || line.starts_with(b"!") || line.starts_with(b"{|");
        if structural {
            close(&mut table, &open, at);
            open = Open::None;
        }
        if line.starts_with(b"|}") {
            table.end = (le + 1).min(b);
            return table;
        } else if line.starts_with(b"{|") {
            // A nested table is content of the cell it sits in (rendered with it).
            let inner_end = skip(src, pairs, t, b);
            open = open_cell_again(&table);
            extend(&mut table, &open, inner_end);
            at = inner_end;
            continue;
        } else if line.starts_with(b"|+") {
            let (attrs, content) = split_attrs(src, pairs, t + 2, le);
            table.caption = Some(RawCell { header: false, attrs, content });
            open = Open::Caption;
        } else if line.starts_with(b"|-") {
            new_row = true;
        } else if line.starts_with(b"|") || line.starts_with(b"!") {
            let header = line[0] == b'!';
            if new_row || table.rows.is_empty() {
                table.rows.push(Vec::new());
                new_row = false;
            }
            let row = table.rows.last_mut().expect("a row was just pushed");
            let seps = separators(src, pairs, t + 1, le, header);
            let mut from = t + 1;
            for (sep, width) in seps.into_iter().chain(std::iter::once((le, 0))) {
                let (attrs, content) = split_attrs(src, pairs, from, sep);
                row.push(RawCell { header, attrs, content });
                from = sep + width;
            }
            open = Open::Cell;
        } else {
            extend(&mut table, &open, le);
        }
        at = le + 1;
    }
    close(&mut table, &open, b);
    table.end = b;
    table
}

/// The offset after the table opening at `start` (nested tables counted, not parsed).
pub(super) fn skip(src: &str, pairs: &Pairs, start: usize, b: usize) -> usize {
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut at = start;
    while at < b {
        let le = line_end(src, pairs, at, b).unwrap_or(b);
        let line = src[at..le].trim_start_matches([' ', '\t', ':']).as_bytes();
        if line.starts_with(b"{|") {
            depth += 1;
        } else if line.starts_with(b"|}") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return (le + 1).min(b);
            }
        }
        at = le + 1;
    }
    let _ = bytes;
    b
}

/// After a nested table, the cell it belongs to goes on (the last cell of the last row).
fn open_cell_again(table: &RawTable) -> Open {
    if table.rows.last().is_some_and(|r| !r.is_empty()) {
        Open::Cell
    } else {
        Open::None
    }
}

/// Extend the open cell's content to `to`.
fn extend(table: &mut RawTable, open: &Open, to: usize) {
    let cell = match open {
        Open::None => None,
        Open::Caption => table.caption.as_mut(),
        Open::Cell => table.rows.last_mut().and_then(|r| r.last_mut()),
    };
    if let Some(c) = cell {
        c.content.1 = c.content.1.max(to);
    }
}

/// The open cell ends where the next structural line starts (`line_start`, exclusive of
/// the newline before it).
fn close(table: &mut RawTable, open: &Open, line_start: usize) {
    extend(table, open, line_start.saturating_sub(1));
}

/// The end of the line starting at `from` (the `\n`), stepping over templates, links and
/// comments that run over several lines. `None` when the range ends first.
fn line_end(src: &str, pairs: &Pairs, from: usize, b: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut i = from;
    while i < b {
        match bytes[i] {
            b'\n' => return Some(i),
            b'{' | b'[' => {
                if let Some(&close) = pairs.get(&i) {
                    i = close + 2;
                    continue;
                }
            }
            b'<' if bytes[i..b].starts_with(b"<!--") => {
                i = memmem::find(&bytes[i + 4..b], b"-->").map_or(b, |e| i + 4 + e + 3);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Top-level cell separators of one row line: `||`, and `!!` on a header line.
/// Returns (offset, width) pairs.
fn separators(
    src: &str,
    pairs: &Pairs,
    from: usize,
    to: usize,
    header: bool,
) -> Vec<(usize, usize)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i + 1 < to {
        if let Some(&close) = opens_pair(bytes[i]).then(|| pairs.get(&i)).flatten() {
            i = close + 2;
            continue;
        }
        let pair = (bytes[i], bytes[i + 1]);
        if pair == (b'|', b'|') || (header && pair == (b'!', b'!')) {
            out.push((i, 2));
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

/// Split `attrs | content` at the first single top-level `|`; without one, all content.
fn split_attrs(
    src: &str,
    pairs: &Pairs,
    from: usize,
    to: usize,
) -> ((usize, usize), (usize, usize)) {
    let bytes = src.as_bytes();
    let mut i = from;
    while i < to {
        if let Some(&close) = opens_pair(bytes[i]).then(|| pairs.get(&i)).flatten() {
            i = close + 2;
            continue;
        }
        match bytes[i] {
            b'|' => return ((from, i), (i + 1, to)),
            // Attributes never hold quotes' content with markup; a tag or quote mark
            // means content has started.
            b'<' | b'\'' if !looks_like_attrs(&src[from..i]) => break,
            _ => {}
        }
        i += 1;
    }
    ((from, from), (from, to))
}

/// Attribute text so far (`style="x" colspan=2 `): names, `=`, values, quotes.
fn looks_like_attrs(s: &str) -> bool {
    s.contains('=')
}

/// Only `{` and `[` can open a pair: other bytes need no lookup.
fn opens_pair(b: u8) -> bool {
    matches!(b, b'{' | b'[')
}

/// `colspan` or `rowspan` of an attribute string: at least 1, at most 1000.
pub(super) fn span_attr(attrs: &str, name: &str) -> u32 {
    let lower = attrs.to_ascii_lowercase();
    let Some(at) = lower.find(name) else { return 1 };
    let rest = lower[at + name.len()..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else { return 1 };
    let rest = rest.trim_start().trim_start_matches(['"', '\'']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).take(4).collect();
    digits.parse::<u32>().unwrap_or(1).clamp(1, 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(src: &str) -> (Option<String>, Vec<Vec<(bool, String)>>) {
        let pairs = super::super::scan::PageIndex::new(src).pairs;
        let t = parse(src, &pairs, 0, src.len());
        let text = |r: (usize, usize)| src[r.0..r.1].trim().to_string();
        (
            t.caption.map(|c| text(c.content)),
            t.rows
                .iter()
                .map(|r| r.iter().map(|c| (c.header, text(c.content))).collect())
                .collect(),
        )
    }

    #[test]
    fn rows_cells_and_captions() {
        let src = "{| class=\"wikitable\"\n|+ The caption\n! A !! B\n|-\n| style=\"x\" | 1 || [[a|b]]\n|-\n| {{sort|x|y}}\n| two\nlines\n|}\nafter";
        let (caption, rows) = cells(src);
        assert_eq!(caption.as_deref(), Some("The caption"));
        let want = vec![
            vec![(true, "A".to_string()), (true, "B".to_string())],
            vec![(false, "1".to_string()), (false, "[[a|b]]".to_string())],
            vec![(false, "{{sort|x|y}}".to_string()), (false, "two\nlines".to_string())],
        ];
        assert_eq!(rows, want);
        assert_eq!(span_attr(" colspan=\"3\" style=x", "colspan"), 3);
        assert_eq!(span_attr("rowspan = 2", "rowspan"), 2);
        assert_eq!(span_attr("", "rowspan"), 1);
    }

    #[test]
    fn nested_and_unclosed() {
        let src = "{|\n| a\n{|\n| inner\n|}\n| b\n|}";
        let (_, rows) = cells(src);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].len(), 2, "{rows:?}");
        assert!(rows[0][0].1.contains("inner"));
        let (_, rows) = cells("{|\n| a || b\n|-\n| c");
        assert_eq!(rows.len(), 2);
    }
}
