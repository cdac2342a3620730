//! Plain files, folders and stdin holding wiki-style articles.

use std::{
    collections::VecDeque,
    fs,
    io::Read,
    path::{Path, PathBuf},
};

use super::{InputError, Markup, RawArticle, SourceItem};

/// Recursively list the files of `dir`, sorted, skipping hidden entries and README files.
pub(super) fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = fs::read_dir(dir) else {
        // An unreadable folder becomes an error record when read as a file.
        out.push(dir.to_path_buf());
        return;
    };
    let mut items: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    items.sort();
    for path in items {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name.eq_ignore_ascii_case("README.md") {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A lazy stream of the articles in a list of plain files (`-` is stdin).
pub struct FileSource {
    files: VecDeque<PathBuf>,
    pending: VecDeque<SourceItem>,
}

impl FileSource {
    /// Stream the articles of `files`, in order.
    pub fn new(files: Vec<PathBuf>) -> FileSource {
        FileSource { files: files.into(), pending: VecDeque::new() }
    }
}

impl Iterator for FileSource {
    type Item = SourceItem;

    fn next(&mut self) -> Option<SourceItem> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            let path = self.files.pop_front()?;
            self.pending.extend(read_file(&path));
        }
    }
}

fn read_file(path: &Path) -> Vec<SourceItem> {
    let origin = path.to_string_lossy().into_owned();
    let mut bytes = Vec::new();
    let read = if origin == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    if let Err(e) = read {
        return vec![SourceItem::Error(InputError {
            origin,
            message: format!("cannot read: {e}"),
        })];
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return vec![SourceItem::Error(InputError {
                origin,
                message: format!("not valid UTF-8 (first bad byte at offset {at})"),
            })];
        }
    };
    let fallback = if origin == "-" {
        "stdin".to_string()
    } else {
        path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| origin.clone())
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let pieces = split_articles(&text);
    let many = pieces.len() > 1;
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            SourceItem::Article(RawArticle {
                title: None,
                text: piece.to_string(),
                origin: if many { format!("{origin}#{}", i + 1) } else { origin.clone() },
                fallback_title: if many {
                    format!("{fallback} ({})", i + 1)
                } else {
                    fallback.clone()
                },
                markup: Markup::WikiStyle,
            })
        })
        .collect()
}

/// True for a level-1 title line: `= Title =` (one `=` on each side).
fn is_title_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.starts_with('=')
        && t.ends_with('=')
        && !t.starts_with("==")
        && !t.ends_with("==")
        && !t[1..t.len() - 1].trim().is_empty()
}

/// Split a text holding several `= Title =` articles into one piece per article.
/// Text before the first title line is a piece of its own when it is not blank.
/// An empty text is one (empty) article, so that every file yields a record.
pub fn split_articles(text: &str) -> Vec<&str> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if is_title_line(line) {
            starts.push(at);
        }
        at += line.len();
    }
    if starts.first() != Some(&0) {
        if starts.is_empty() || !text[..starts[0]].trim().is_empty() {
            starts.insert(0, 0);
        } else {
            // Blank lines before the first title belong to it.
            starts[0] = 0;
        }
    }
    let mut pieces = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        pieces.push(&text[s..e]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_level_one_titles_only() {
        let text = "= A =\nx\n== Sub ==\ny\n= B =\nz\n";
        assert_eq!(split_articles(text), vec!["= A =\nx\n== Sub ==\ny\n", "= B =\nz\n"]);
        assert_eq!(split_articles("preface\n= A =\nx"), vec!["preface\n", "= A =\nx"]);
        assert_eq!(split_articles("\n\n= A =\n"), vec!["\n\n= A =\n"]);
        assert_eq!(split_articles(""), vec![""]);
        assert_eq!(split_articles("no title"), vec!["no title"]);
    }
}
