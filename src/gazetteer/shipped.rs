//! The gazetteers shipped with wikianno, found without a compile-time source path.
//!
//! The curated lists (`gazetteers/*.tsv`, a few hundred rows) are compiled into the
//! crate, so a `cargo install`ed binary has them wherever it runs. The general lists
//! (`gazetteers/general/`, megabytes of GeoNames places) are too large to embed and are
//! looked for at run time; see [`locate_general`].
//!
//! Every shipped entry is named by its place in the repository (`gazetteers/places.tsv`,
//! `gazetteers/general/geonames_places.tsv`) in mention sources, wherever the files were
//! found, so the output does not depend on where wikianno is installed.

use std::path::{Path, PathBuf};

use super::GazetteerBuilder;
use crate::error::{Error, Result};

/// The environment variable that names the shipped gazetteer folder: a folder laid out
/// like the repository's `gazetteers/`, holding `general/`.
pub const GAZETTEERS_ENV: &str = "WIKIANNO_GAZETTEERS";

/// The shipped nationality and group words (`gazetteers/demonyms.tsv`): a curated list, and
/// the one home of the words that name a people ("Russian", "Arabs") for the title-shape rules.
pub(crate) const DEMONYMS: &str = include_str!("../../gazetteers/demonyms.tsv");

/// The curated lists, in the order a folder load used to read them (sorted by name), so
/// that ties between equal surfaces resolve as before.
const CURATED: [(&str, &str); 8] = [
    ("gazetteers/countries.tsv", include_str!("../../gazetteers/countries.tsv")),
    ("gazetteers/demonyms.tsv", DEMONYMS),
    ("gazetteers/events.tsv", include_str!("../../gazetteers/events.tsv")),
    ("gazetteers/orgs.tsv", include_str!("../../gazetteers/orgs.tsv")),
    ("gazetteers/persons.tsv", include_str!("../../gazetteers/persons.tsv")),
    ("gazetteers/places.tsv", include_str!("../../gazetteers/places.tsv")),
    ("gazetteers/ships.tsv", include_str!("../../gazetteers/ships.tsv")),
    ("gazetteers/treaties.tsv", include_str!("../../gazetteers/treaties.tsv")),
];

/// The name the general lists carry in mention sources, whatever folder they came from.
const GENERAL_NAME: &str = "gazetteers/general";

/// Which shipped gazetteers a pipeline loads.
#[derive(Clone, Debug)]
pub(crate) enum Shipped {
    /// The curated lists only.
    Curated,
    /// The curated lists and the general lists of this folder's `general/`.
    CuratedAndGeneralIn(PathBuf),
    /// The curated lists and the general lists, located with [`locate_general`].
    All,
    /// The curated lists and general lists given as text (a build that embeds them, such
    /// as the Python package): `(path below general/, TSV text)`, in load order.
    CuratedAndGeneralText(Vec<(String, String)>),
}

impl Shipped {
    /// Add these lists to `builder`, curated first (they win ties).
    pub(crate) fn add_to(&self, builder: &mut GazetteerBuilder) -> Result<()> {
        builder.add_curated();
        match self {
            Shipped::Curated => {}
            Shipped::CuratedAndGeneralIn(dir) => {
                builder.add_general(dir)?;
            }
            Shipped::All => {
                builder.add_general(locate_general()?)?;
            }
            Shipped::CuratedAndGeneralText(files) => {
                for (relative, text) in files {
                    builder.add_tsv(&general_name(relative), text);
                }
            }
        }
        Ok(())
    }
}

impl GazetteerBuilder {
    /// Add the curated lists shipped with the crate (compiled in; named
    /// `gazetteers/<file>` in mention sources).
    ///
    /// # Examples
    ///
    /// ```
    /// use wikianno::{GazetteerBuilder, Label};
    ///
    /// let gazetteer = GazetteerBuilder::new().add_curated().build().expect("curated lists load");
    /// let found = gazetteer.find("Pezet fled to Callao.");
    /// let labels: Vec<Label> = found.iter().map(|m| m.label).collect();
    /// assert_eq!(labels, [Label::Person, Label::Place]);
    /// assert!(found[1].source.to_string().starts_with("gazetteers/places.tsv:"));
    /// ```
    pub fn add_curated(&mut self) -> &mut Self {
        for (name, text) in CURATED {
            self.add_tsv(name, text);
        }
        self
    }

    /// Add the general lists of `dir/general/` (every `*.tsv` below it), named
    /// `gazetteers/general/<file>` in mention sources wherever `dir` is. `dir` is laid out
    /// like the repository's `gazetteers/` folder; [`locate_general`] finds it.
    pub fn add_general(&mut self, dir: impl AsRef<Path>) -> Result<&mut Self> {
        let general = dir.as_ref().join("general");
        let mut files = Vec::new();
        super::collect_tsv(&general, &mut files)?;
        for file in files {
            let relative = file.strip_prefix(&general).unwrap_or(&file);
            let relative: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into()).collect();
            self.add_file_named(&file, &general_name(&relative.join("/")))?;
        }
        Ok(self)
    }
}

/// The name a general list carries in mention sources, from its `/`-separated path below
/// `general/`.
fn general_name(relative: &str) -> String {
    format!("{GENERAL_NAME}/{relative}")
}

/// Find the shipped gazetteer folder that holds the general lists (`general/`). Looked
/// for, in order:
///
/// 1. the folder named by `$WIKIANNO_GAZETTEERS` ([`GAZETTEERS_ENV`]); when the variable
///    is set, it must hold `general/` and no other place is tried;
/// 2. `gazetteers/` next to the running binary;
/// 3. `<prefix>/share/wikianno/gazetteers/` for a binary in `<prefix>/bin/` (where
///    `cp -r gazetteers <prefix>/share/wikianno/` puts it after
///    `cargo install --root <prefix>`);
/// 4. `gazetteers/` in the current directory (running from a checkout).
///
/// The error names every place looked in; its kind is
/// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) unless the variable points to a
/// folder without `general/` ([`ErrorKind::Input`](crate::ErrorKind::Input)).
pub fn locate_general() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(GAZETTEERS_ENV) {
        let dir = PathBuf::from(dir);
        if dir.join("general").is_dir() {
            return Ok(dir);
        }
        return Err(Error::input(
            &dir,
            format!("${GAZETTEERS_ENV} names this folder, but it holds no general/ folder"),
        ));
    }
    let candidates = general_candidates();
    match candidates.iter().find(|dir| dir.join("general").is_dir()) {
        Some(dir) => Ok(dir.clone()),
        None => Err(Error::not_found(
            "the general gazetteers (gazetteers/general/)",
            candidates,
            format!(
                "${GAZETTEERS_ENV} is not set: set it to a copy of the repository's \
                 gazetteers/ folder, or copy that folder next to the binary or into \
                 <prefix>/share/wikianno/"
            ),
        )),
    }
}

/// The environment variable that names the folder for compiled gazetteers (see
/// [`default_cache_dir`]); set and empty, it turns the cache off.
pub const CACHE_ENV: &str = "WIKIANNO_CACHE_DIR";

/// Where the command line keeps compiled gazetteers ([`GazetteerBuilder::cache_dir`]):
/// `$WIKIANNO_CACHE_DIR` when set (no cache when it is empty), else
/// `$XDG_CACHE_HOME/wikianno`, else `$HOME/.cache/wikianno`; `None` when none applies.
pub fn default_cache_dir() -> Option<PathBuf> {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = std::env::var_os(CACHE_ENV) {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    if let Some(dir) = non_empty("XDG_CACHE_HOME") {
        return Some(PathBuf::from(dir).join("wikianno"));
    }
    non_empty("HOME").map(|home| PathBuf::from(home).join(".cache").join("wikianno"))
}

/// The folders [`locate_general`] tries after the environment variable, in order.
fn general_candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(bin_dir) = std::env::current_exe().ok().and_then(|exe| {
        // Through a symlink (`~/.local/bin/wikianno -> <prefix>/bin/wikianno`), the
        // installation is where the link points.
        let exe = exe.canonicalize().unwrap_or(exe);
        exe.parent().map(Path::to_path_buf)
    }) {
        out.push(bin_dir.join("gazetteers"));
        if let Some(prefix) = bin_dir.parent() {
            out.push(prefix.join("share").join("wikianno").join("gazetteers"));
        }
    }
    out.push(Path::new(".").join("gazetteers"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_lists_are_the_files_of_the_gazetteers_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let mut on_disk: Vec<String> = std::fs::read_dir(&root)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .map(|p| format!("gazetteers/{}", p.file_name().unwrap().to_string_lossy()))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = CURATED.iter().map(|(name, _)| *name).collect();
        assert_eq!(embedded, on_disk, "embed every curated file, sorted by name");
    }

    #[test]
    fn general_lists_keep_their_repository_name_wherever_they_are() {
        let dir = std::env::temp_dir().join(format!("wikianno-shipped-{}", std::process::id()));
        let general = dir.join("general").join("more");
        std::fs::create_dir_all(&general).unwrap();
        std::fs::write(general.join("x.tsv"), "Xyzzyville\tPLACE\tXyzzyville\n").unwrap();
        let g = GazetteerBuilder::new().add_general(&dir).unwrap().build().unwrap();
        let found = g.find("In Xyzzyville.");
        assert_eq!(found[0].source.to_string(), "gazetteers/general/more/x.tsv:1");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn general_lists_given_as_text_are_named_as_a_folder_load_names_them() {
        let mut g = GazetteerBuilder::new();
        let text = vec![("more/x.tsv".to_string(), "Xyzzyville\tPLACE\tXyzzyville\n".to_string())];
        Shipped::CuratedAndGeneralText(text).add_to(&mut g).unwrap();
        let found = g.build().unwrap().find("Pezet fled to Xyzzyville.");
        let sources: Vec<String> = found.iter().map(|m| m.source.to_string()).collect();
        assert!(sources[0].starts_with("gazetteers/persons.tsv:"), "curated first: {sources:?}");
        assert_eq!(sources[1], "gazetteers/general/more/x.tsv:1");
    }

    #[test]
    fn a_missing_folder_names_every_place_looked_in() {
        let message = Error::not_found("the thing", general_candidates(), "do this").to_string();
        assert!(message.contains("the thing"), "{message}");
        assert!(message.contains("share/wikianno/gazetteers"), "{message}");
        assert!(message.contains("do this"), "{message}");
    }
}
