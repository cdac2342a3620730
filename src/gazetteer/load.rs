//! Reading gazetteer TSV files: `surface<TAB>label<TAB>id[<TAB>more columns]`.

use std::{fs, path::Path};

use super::Label;
use crate::error::{Error, Result};

/// One parsed gazetteer row, before it is given a rank.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub surface: String,
    pub label: Label,
    pub id: String,
    /// Columns after the id (free-form, e.g. an ISO alpha-3 code or a population).
    pub extra: Vec<String>,
    /// 1-based line number.
    pub line: usize,
}

/// Parse a gazetteer file. Bad rows are reported as errors with file:line, which the
/// builder turns into setup errors (strict) or keeps as warnings (lenient).
pub(crate) fn read_rows(path: &Path) -> Result<(Vec<Row>, Vec<Error>)> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::input(
            path,
            format!("not UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()),
        )
    })?;
    Ok(parse_rows(path, &text))
}

pub(crate) fn parse_rows(path: &Path, text: &str) -> (Vec<Row>, Vec<Error>) {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parse_line(path, i + 1, line) {
            Some(Ok(row)) => rows.push(row),
            Some(Err(e)) => bad.push(e),
            None => {}
        }
    }
    (rows, bad)
}

/// Line `line_no` (1-based) of a gazetteer: `None` for a blank line or a comment.
pub(crate) fn parse_line(path: &Path, line_no: usize, line: &str) -> Option<Result<Row>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line = if line_no == 1 { line.trim_start_matches('\u{feff}') } else { line };
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cols = line.split('\t');
    let (surface, label, id) = (cols.next().unwrap_or(""), cols.next(), cols.next());
    let (Some(label), Some(id)) = (label, id) else {
        return Some(Err(Error::gazetteer_line(
            path,
            line_no,
            "expected surface<TAB>label<TAB>id",
        )));
    };
    let (surface, label, id) = (surface.trim(), label.trim(), id.trim());
    if surface.is_empty() || id.is_empty() {
        return Some(Err(Error::gazetteer_line(path, line_no, "empty surface or id")));
    }
    let label = match label.parse::<Label>() {
        Ok(label) => label,
        Err(e) => return Some(Err(Error::gazetteer_line(path, line_no, e.to_string()))),
    };
    Some(Ok(Row {
        surface: surface.to_string(),
        label,
        id: id.to_string(),
        extra: cols.map(|c| c.trim().to_string()).collect(),
        line: line_no,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_reports_bad_lines_with_their_number() {
        let text = "# comment\n\nLima\tPLACE\tLima\tPER\nbroken line\nX\tlower\tY\n\tPLACE\tZ\r\n";
        let (rows, bad) = parse_rows(Path::new("g.tsv"), text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].extra, vec!["PER".to_string()]);
        let messages: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3);
        assert!(messages[0].starts_with("g.tsv:4:"), "{}", messages[0]);
        assert!(messages[1].starts_with("g.tsv:5:"));
        assert!(messages[2].starts_with("g.tsv:6:"));
    }
}
