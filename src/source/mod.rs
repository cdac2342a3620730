//! Input readers: files, folders, stdin and MediaWiki XML dumps, as a stream of
//! [`SourceItem`]s in input order.
//!
//! Reading is lazy: one file (or one dump page) at a time, so memory does not grow
//! with the input. Nothing is dropped: an unreadable or non-UTF-8 file becomes a
//! [`SourceItem::Error`] and the stream goes on.

mod dump;
mod files;
mod inputs;
pub mod multistream;
mod parallel_bz2;

pub use dump::{DumpSource, MAX_PAGE_BYTES, MAX_TOKEN_BYTES};
pub use files::{split_articles, FileSource, MAX_ARTICLE_BYTES};
pub use inputs::{InputProgress, Inputs};

use std::path::{Path, PathBuf};

/// The markup an article's text is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// The plain wiki-style rendering (`= Title =`, `Infobox`, `== H ==`).
    WikiStyle,
    /// MediaWiki wikitext (from an XML dump).
    Wikitext,
}

/// One article as read, before parsing.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RawArticle {
    /// The title when the container gives one (a dump page); wiki-style text carries its own.
    pub title: Option<String>,
    /// The article's text (BOM removed).
    pub text: String,
    /// Where it came from: a path, `-`, or `dump#title`.
    pub origin: String,
    /// Title to use when the text has none (the file name).
    pub fallback_title: String,
    /// How to parse `text`.
    pub markup: Markup,
}

impl RawArticle {
    /// An article in the plain wiki-style rendering (`= Title =`, `Infobox`, `== H ==`).
    /// `title` is used when the text opens with no `= Title =` heading, and as the
    /// record's `source` until [`with_origin`](Self::with_origin) says otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use wikianno::{Pipeline, RawArticle};
    ///
    /// let pipeline = Pipeline::builder().build().expect("no gazetteer to load");
    /// let raw = RawArticle::wiki_style("Notes", "Peace was signed on 27 January 1866.\n");
    /// let annotated = pipeline.annotate(raw);
    /// assert_eq!(annotated.article.title, "Notes");
    /// assert_eq!(annotated.timexes[0].span.slice(&annotated.article.text), "27 January 1866");
    /// ```
    pub fn wiki_style(title: impl Into<String>, text: impl Into<String>) -> RawArticle {
        let title = title.into();
        RawArticle {
            title: None,
            text: text.into(),
            origin: title.clone(),
            fallback_title: title,
            markup: Markup::WikiStyle,
        }
    }

    /// A MediaWiki wikitext page (a dump page's `<text>`) titled `title`. The record's
    /// `source` is the title until [`with_origin`](Self::with_origin) says otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use wikianno::{Pipeline, RawArticle};
    ///
    /// let pipeline = Pipeline::builder().build().expect("no gazetteer to load");
    /// let raw = RawArticle::wikitext(
    ///     "Treaty of Ancón",
    ///     "The '''Treaty of Ancón''' was signed in [[Lima]] on 20 October 1883.",
    /// );
    /// let annotated = pipeline.annotate(raw);
    /// let text = &annotated.article.text;
    /// assert!(text.starts_with("The Treaty of Ancón was signed in Lima"), "{text}");
    /// // A link is an entity mention of its target article.
    /// let lima = annotated.entities.iter().find(|m| &*m.id == "Lima").expect("the link");
    /// assert_eq!(lima.span.slice(text), "Lima");
    /// ```
    pub fn wikitext(title: impl Into<String>, text: impl Into<String>) -> RawArticle {
        let title = title.into();
        RawArticle {
            title: Some(title.clone()),
            text: text.into(),
            origin: title.clone(),
            fallback_title: title,
            markup: Markup::Wikitext,
        }
    }

    /// Say where the article came from (a path, `dump#title`, a URL): the record's
    /// `source`, and the name in an error record.
    pub fn with_origin(mut self, origin: impl Into<String>) -> RawArticle {
        self.origin = origin.into();
        self
    }
}

/// One item of the input stream.
#[derive(Clone, Debug)]
pub enum SourceItem {
    /// An article to annotate.
    Article(RawArticle),
    /// A dump redirect page; passes through the pipeline unchanged.
    Redirect(Redirect),
    /// Input that could not be read as an article; becomes an error record.
    Error(InputError),
}

/// A dump redirect page: `from` is an alias of `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Redirect {
    /// Where it came from.
    pub origin: String,
    /// The redirect page's title.
    pub from: String,
    /// The target title.
    pub to: String,
}

impl Redirect {
    /// The redirect page `from` (read from `origin`), an alias of `to`.
    pub fn new(
        origin: impl Into<String>,
        from: impl Into<String>,
        to: impl Into<String>,
    ) -> Redirect {
        Redirect { origin: origin.into(), from: from.into(), to: to.into() }
    }
}

/// Input that could not be processed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InputError {
    /// Where it came from (a path, `-`, `dump#title`).
    pub origin: String,
    /// What went wrong, with a byte offset where one is known.
    pub message: String,
}

impl InputError {
    /// Input from `origin` that could not be read, and why.
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError { origin: origin.into(), message: message.into() }
    }
}

/// True for paths the dump reader handles (`.xml`, `.xml.bz2`, `.xml.gz`, `.bz2`, `.gz`).
pub fn is_dump(path: &Path) -> bool {
    let name =
        path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    name.ends_with(".xml") || name.ends_with(".bz2") || name.ends_with(".gz")
}

/// A path to read, and whether it was found by walking a folder (then only a regular
/// file is read: a named pipe or device in a folder becomes an error record) or named
/// by the user (read whatever it is: `<(zcat x)` is a pipe, `-` is stdin).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputPath {
    /// The path (`-` for stdin).
    pub path: PathBuf,
    /// Found inside a folder, not named.
    pub found_in_folder: bool,
}

impl InputPath {
    fn in_folder(path: PathBuf) -> InputPath {
        InputPath { path, found_in_folder: true }
    }
}

impl From<PathBuf> for InputPath {
    /// A path named by the user.
    fn from(path: PathBuf) -> InputPath {
        InputPath { path, found_in_folder: false }
    }
}

impl From<&Path> for InputPath {
    /// A path named by the user.
    fn from(path: &Path) -> InputPath {
        InputPath::from(path.to_path_buf())
    }
}

/// Expand folders (recursively, sorted by path, each folder once however many links lead
/// to it) into the files to read. `-` stays as is. A path that does not exist is a
/// setup error.
pub fn expand_paths(paths: &[PathBuf]) -> crate::Result<Vec<InputPath>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(InputPath::from(path.clone()));
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| crate::Error::io(path, e))?;
        if meta.is_dir() {
            files::walk(path, &mut out);
        } else {
            out.push(InputPath::from(path.clone()));
        }
    }
    Ok(out)
}
