//! Setup and I/O errors. Article content never produces one (see [`Diagnostic`](crate::Diagnostic)).

use std::{fmt, io, path::PathBuf};

/// An error while setting up the pipeline or reading input.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A gazetteer row is malformed; `line` is 1-based.
    GazetteerLine {
        /// The gazetteer file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The input is not what it claims to be (not UTF-8, a broken dump, ...).
    Input {
        /// The file, or `-` for stdin.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A matcher could not be built (too many patterns, ...).
    Build(String),
    /// Something the pipeline needs was in none of the places it looks.
    NotFound {
        /// What was looked for.
        what: String,
        /// Every place looked in, in order.
        looked_in: Vec<PathBuf>,
        /// How to make it findable.
        hint: String,
    },
}

impl Error {
    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error { kind: ErrorKind::Io { path: path.into(), source } }
    }

    pub(crate) fn gazetteer_line(
        path: impl Into<PathBuf>,
        line: usize,
        message: impl Into<String>,
    ) -> Error {
        Error {
            kind: ErrorKind::GazetteerLine { path: path.into(), line, message: message.into() },
        }
    }

    pub(crate) fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Input { path: path.into(), message: message.into() } }
    }

    pub(crate) fn build(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Build(message.into()) }
    }

    pub(crate) fn not_found(
        what: impl Into<String>,
        looked_in: Vec<PathBuf>,
        hint: impl Into<String>,
    ) -> Error {
        Error { kind: ErrorKind::NotFound { what: what.into(), looked_in, hint: hint.into() } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            ErrorKind::GazetteerLine { path, line, message } => {
                write!(f, "{}:{}: {}", path.display(), line, message)
            }
            ErrorKind::Input { path, message } => write!(f, "{}: {}", path.display(), message),
            ErrorKind::Build(message) => write!(f, "cannot build matcher: {message}"),
            ErrorKind::NotFound { what, looked_in, hint } => {
                let places: Vec<String> =
                    looked_in.iter().map(|p| p.display().to_string()).collect();
                write!(f, "{what} not found; looked in {}; {hint}", places.join(", "))
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
