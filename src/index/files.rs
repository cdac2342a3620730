//! The index in memory, and its files (format in the module doc of `index`).

use std::{
    collections::HashMap,
    fmt::Write as _,
    fs,
    hash::{DefaultHasher, Hash, Hasher},
    io::{BufWriter, Write},
    path::Path,
    sync::Arc,
    time::UNIX_EPOCH,
};

use super::build::{normalize_title, TypeSource};
use crate::{
    article::title_to_id,
    error::{Error, Result},
    gazetteer::{self, Compiled, Label, LoadError},
};

/// What the index knows of a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TitleInfo {
    /// Its coarse type ([`Label::Unknown`] when nothing typed it).
    pub label: Label,
    /// Where the type came from.
    pub source: TypeSource,
    /// True for a disambiguation page (never a target).
    pub disambiguation: bool,
}

/// Link statistics of one anchor text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnchorStats {
    /// Its most frequent target (an article id, redirects resolved).
    pub target: Arc<str>,
    /// Links from this anchor to `target`.
    pub target_links: u32,
    /// Links from this anchor to any target.
    pub links: u32,
    /// Occurrences of the anchor text in articles, linked or not.
    pub occurrences: u32,
}

impl AnchorStats {
    /// How often the surface is a link where it occurs.
    pub fn link_probability(&self) -> f64 {
        f64::from(self.links) / f64::from(self.occurrences.max(1))
    }
}

/// The entity index: titles with types, redirects, anchor statistics.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    titles: HashMap<String, TitleInfo>,
    redirects: HashMap<String, String>,
    anchors: Vec<(String, AnchorStats)>,
    anchor_at: HashMap<String, usize>,
    /// The stored matcher of [`name_rows`](Self::name_rows), when loaded from a folder
    /// that holds a current one.
    names: Option<Arc<Compiled>>,
}

const TITLES: &str = "titles.tsv";
const REDIRECTS: &str = "redirects.tsv";
const ANCHORS: &str = "anchors.tsv";
/// The compiled matcher of the names the index tags on its own (`gazetteer/compiled.rs`).
const NAMES: &str = "names.matcher";

/// An anchor names an entity on its own when it is linked at least this often...
pub const NAME_MIN_LINKS: u32 = 2;
/// ...and is a link in at least this share of its occurrences.
pub const NAME_MIN_PROBABILITY: f64 = 0.1;

impl EntityIndex {
    /// An index from its parts: titles (with spaces) and what is known of them, redirects
    /// (alias -> target title), and anchors with their statistics, sorted by anchor.
    pub fn from_parts(
        titles: HashMap<String, TitleInfo>,
        redirects: HashMap<String, String>,
        anchors: Vec<(String, AnchorStats)>,
    ) -> EntityIndex {
        let anchor_at = anchors.iter().enumerate().map(|(i, (a, _))| (a.clone(), i)).collect();
        EntityIndex { titles, redirects, anchors, anchor_at, names: None }
    }

    /// The names the index tags on its own in running text, compiled: the stored matcher
    /// when this index was loaded with a current one, else compiled now from
    /// [`name_rows`](Self::name_rows). `None` when there are none.
    pub(crate) fn compiled_names(&self) -> Result<Option<Arc<Compiled>>> {
        if let Some(names) = &self.names {
            return Ok(Some(names.clone()));
        }
        let rows = self.name_rows(NAME_MIN_LINKS, NAME_MIN_PROBABILITY);
        if rows.is_empty() {
            return Ok(None);
        }
        let bytes = gazetteer::compile_rows("index", rows.lines(), 0)?;
        let compiled =
            gazetteer::compiled::decode(bytes, 0).map_err(|e| e.into_error(Path::new("index")))?;
        Ok(Some(Arc::new(compiled)))
    }

    /// Titles (redirects excluded).
    pub fn titles_len(&self) -> usize {
        self.titles.len()
    }

    /// Redirects.
    pub fn redirects_len(&self) -> usize {
        self.redirects.len()
    }

    /// Every anchor with its statistics, sorted by anchor.
    pub fn anchors(&self) -> &[(String, AnchorStats)] {
        &self.anchors
    }

    /// What the index knows of `title` (spaces or underscores; a redirect is followed once).
    pub fn title(&self, title: &str) -> Option<&TitleInfo> {
        let t = normalize_title(title);
        self.titles.get(&t).or_else(|| self.titles.get(self.redirects.get(&t)?))
    }

    /// The known type of a link target, if the index types it.
    pub fn label_of(&self, title: &str) -> Option<Label> {
        self.title(title).map(|i| i.label).filter(|l| l.is_known())
    }

    /// The statistics of an anchor text, exactly as written.
    pub fn anchor(&self, anchor: &str) -> Option<&AnchorStats> {
        self.anchor_at.get(anchor).map(|&i| &self.anchors[i].1)
    }

    /// Gazetteer rows (`surface<TAB>LABEL<TAB>id`) of the anchors that name an entity on
    /// their own in running text: capitalized, linked at least `min_links` times, with a
    /// link probability of at least `min_probability`, and a typed target.
    pub fn name_rows(&self, min_links: u32, min_probability: f64) -> String {
        let mut out = String::new();
        for (anchor, s) in &self.anchors {
            let stats = (s.links, s.occurrences);
            if let Some(label) =
                self.name_label(anchor, &s.target, stats.0, stats.1, min_links, min_probability)
            {
                let _ = writeln!(out, "{anchor}\t{label}\t{}", s.target);
            }
        }
        out
    }

    /// Write the three files into `dir` (created if needed).
    pub fn write(&self, dir: &Path) -> Result<()> {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let file = |name: &str| -> Result<(std::path::PathBuf, BufWriter<fs::File>)> {
            let path = dir.join(name);
            let f = fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path, BufWriter::new(f)))
        };
        let (path, mut w) = file(TITLES)?;
        let mut titles: Vec<(&String, &TitleInfo)> = self.titles.iter().collect();
        titles.sort_by(|a, b| a.0.cmp(b.0));
        let mut body = String::from("# title\tLABEL\tid\ttype source\tdisambiguation|-\n");
        for (t, i) in titles {
            let dab = if i.disambiguation { "disambiguation" } else { "-" };
            let _ = writeln!(
                body,
                "{t}\t{}\t{}\t{}\t{dab}",
                i.label,
                title_to_id(t),
                i.source.as_str()
            );
        }
        w.write_all(body.as_bytes()).and_then(|_| w.flush()).map_err(|e| Error::io(&path, e))?;
        let (path, mut w) = file(REDIRECTS)?;
        let mut redirects: Vec<(&String, &String)> = self.redirects.iter().collect();
        redirects.sort();
        let mut body = String::from("# alias\tLABEL\ttarget id\tredirect\n");
        for (from, to) in redirects {
            let label = self.label_of(to).unwrap_or(Label::Unknown);
            let _ = writeln!(body, "{from}\t{label}\t{}\tredirect", title_to_id(to));
        }
        w.write_all(body.as_bytes()).and_then(|_| w.flush()).map_err(|e| Error::io(&path, e))?;
        let (path, mut w) = file(ANCHORS)?;
        let mut body =
            String::from("# anchor\tLABEL\ttarget id\tlinks to target\tlinks\toccurrences\n");
        for (a, s) in &self.anchors {
            let label = self.label_of(&s.target).unwrap_or(Label::Unknown);
            let _ = writeln!(
                body,
                "{a}\t{label}\t{}\t{}\t{}\t{}",
                s.target, s.target_links, s.links, s.occurrences
            );
        }
        w.write_all(body.as_bytes()).and_then(|_| w.flush()).map_err(|e| Error::io(&path, e))?;
        drop(w);
        EntityIndex::compile_names(dir)
    }

    /// Compile the stored matcher of the index in `dir` (`names.matcher`) from its files:
    /// the anchors that name an entity on their own ([`NAME_MIN_LINKS`],
    /// [`NAME_MIN_PROBABILITY`], a typed target). [`write`](Self::write) does it; call it
    /// after changing the files by other means.
    pub fn compile_names(dir: &Path) -> Result<()> {
        let (titles, redirects) = load_titles(dir)?;
        let index = EntityIndex::from_parts(titles, redirects, Vec::new());
        let mut rows = String::new();
        for_rows(&dir.join(ANCHORS), 6, |cols, bad| {
            let (links, occurrences) = (count(cols, 4, bad)?, count(cols, 5, bad)?);
            if let Some(label) = index.name_label(
                cols[0],
                cols[2],
                links,
                occurrences,
                NAME_MIN_LINKS,
                NAME_MIN_PROBABILITY,
            ) {
                let _ = writeln!(rows, "{}\t{label}\t{}", cols[0], cols[2]);
            }
            Ok(())
        })?;
        let bytes = gazetteer::compile_rows("index", rows.lines(), fingerprint(dir)?)?;
        gazetteer::compiled::write_file(&dir.join(NAMES), &bytes)
    }

    /// The type of an anchor's target when the anchor names an entity on its own in
    /// running text: capitalized, linked at least `min_links` times, a link in at least
    /// `min_probability` of its occurrences, and a typed target.
    fn name_label(
        &self,
        anchor: &str,
        target: &str,
        links: u32,
        occurrences: u32,
        min_links: u32,
        min_probability: f64,
    ) -> Option<Label> {
        let probability = f64::from(links) / f64::from(occurrences.max(1));
        if !anchor.starts_with(char::is_uppercase)
            || links < min_links
            || probability < min_probability
        {
            return None;
        }
        self.label_of(target)
    }

    /// Open an index for annotating: its titles and redirects, and its stored matcher.
    /// The anchor statistics are read only when the stored matcher is missing or out of
    /// date (then it is compiled from them in memory); [`anchors`](Self::anchors) is
    /// empty otherwise. A corrupt stored matcher is an error naming the file.
    pub fn open(dir: &Path) -> Result<EntityIndex> {
        match load_names(dir)? {
            Some(names) => {
                let (titles, redirects) = load_titles(dir)?;
                let index = EntityIndex::from_parts(titles, redirects, Vec::new());
                Ok(EntityIndex { names: Some(names), ..index })
            }
            None => EntityIndex::load(dir),
        }
    }

    /// Read an index written by [`write`](Self::write). A malformed line is an error naming
    /// the file and the line.
    pub fn load(dir: &Path) -> Result<EntityIndex> {
        let (titles, redirects) = load_titles(dir)?;
        let mut anchors = Vec::new();
        for_rows(&dir.join(ANCHORS), 6, |cols, bad| {
            anchors.push((
                cols[0].to_string(),
                AnchorStats {
                    target: Arc::from(cols[2]),
                    target_links: count(cols, 3, bad)?,
                    links: count(cols, 4, bad)?,
                    occurrences: count(cols, 5, bad)?,
                },
            ));
            Ok(())
        })?;
        let index = EntityIndex::from_parts(titles, redirects, anchors);
        Ok(EntityIndex { names: load_names(dir)?, ..index })
    }
}

type Titles = (HashMap<String, TitleInfo>, HashMap<String, String>);

fn load_titles(dir: &Path) -> Result<Titles> {
    let mut titles = HashMap::new();
    for_rows(&dir.join(TITLES), 5, |cols, bad| {
        let label: Label = cols[1].parse().map_err(|e| bad(format!("{e}")))?;
        let source =
            TypeSource::parse(cols[3]).ok_or_else(|| bad(format!("type source {:?}", cols[3])))?;
        let disambiguation = match cols[4] {
            "disambiguation" => true,
            "-" => false,
            other => return Err(bad(format!("expected disambiguation or -, got {other:?}"))),
        };
        titles.insert(cols[0].to_string(), TitleInfo { label, source, disambiguation });
        Ok(())
    })?;
    let mut redirects = HashMap::new();
    for_rows(&dir.join(REDIRECTS), 4, |cols, _| {
        redirects.insert(cols[0].to_string(), cols[2].replace('_', " "));
        Ok(())
    })?;
    Ok((titles, redirects))
}

/// What the stored matcher was compiled from: the three files' sizes and modification
/// times (a copy that does not keep times, `cp` without `-p`, makes it out of date, and it
/// is compiled again: never trusted).
fn fingerprint(dir: &Path) -> Result<u64> {
    let mut h = DefaultHasher::new();
    for name in [TITLES, REDIRECTS, ANCHORS] {
        let path = dir.join(name);
        let meta = fs::metadata(&path).map_err(|e| Error::io(&path, e))?;
        let modified = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok());
        (name, meta.len(), modified).hash(&mut h);
    }
    Ok(h.finish())
}

/// The stored matcher of `dir`, if there is a current one; corrupt is an error.
fn load_names(dir: &Path) -> Result<Option<Arc<Compiled>>> {
    let path = dir.join(NAMES);
    match gazetteer::compiled::load(&path, fingerprint(dir)?) {
        Ok(compiled) => Ok(Some(Arc::new(compiled))),
        Err(LoadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(LoadError::Stale) => Ok(None),
        Err(e) => Err(e.into_error(&path)),
    }
}

/// Column `i` of an anchors row, a count.
fn count(cols: &[&str], i: usize, bad: &dyn Fn(String) -> Error) -> Result<u32> {
    cols[i].parse().map_err(|_| bad(format!("column {} is not a count: {:?}", i + 1, cols[i])))
}

/// Call `row` with the columns of every data line of `path` (at least `columns` of them).
fn for_rows(
    path: &Path,
    columns: usize,
    mut row: impl FnMut(&[&str], &dyn Fn(String) -> Error) -> Result<()>,
) -> Result<()> {
    let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| Error::gazetteer_line(path, i + 1, message);
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < columns || cols[0].is_empty() {
            return Err(bad(format!("expected {columns} tab-separated columns")));
        }
        row(&cols, &bad)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_bad_lines() {
        let mut titles = HashMap::new();
        titles.insert(
            "Lima".to_string(),
            TitleInfo { label: Label::Place, source: TypeSource::Template, disambiguation: false },
        );
        let mut redirects = HashMap::new();
        redirects.insert("Old Lima".to_string(), "Lima".to_string());
        let anchors = vec![(
            "Lima".to_string(),
            AnchorStats { target: Arc::from("Lima"), target_links: 2, links: 3, occurrences: 5 },
        )];
        let index = EntityIndex::from_parts(titles, redirects, anchors);
        let dir = tempfile::tempdir().unwrap();
        index.write(dir.path()).unwrap();
        let back = EntityIndex::load(dir.path()).unwrap();
        assert_eq!(back.label_of("Old_Lima"), Some(Label::Place));
        assert_eq!(back.anchor("Lima"), index.anchor("Lima"));
        assert_eq!(back.name_rows(1, 0.5), "Lima\tPLACE\tLima\n");
        fs::write(dir.path().join(ANCHORS), "# header\nLima\tPLACE\tLima\t2\tx\t5\n").unwrap();
        let err = EntityIndex::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("anchors.tsv:2:"), "{err}");
    }

    #[test]
    fn a_stored_matcher_is_used_refused_when_corrupt_and_rebuilt_when_stale() {
        let mut titles = HashMap::new();
        titles.insert(
            "Lima".to_string(),
            TitleInfo { label: Label::Place, source: TypeSource::Template, disambiguation: false },
        );
        let stats =
            AnchorStats { target: Arc::from("Lima"), target_links: 3, links: 3, occurrences: 5 };
        let index = EntityIndex::from_parts(titles, HashMap::new(), vec![("Lima".into(), stats)]);
        let dir = tempfile::tempdir().unwrap();
        index.write(dir.path()).unwrap();
        let found = |index: EntityIndex| -> Vec<String> {
            let g = crate::GazetteerBuilder::new().entity_index(Arc::new(index)).build().unwrap();
            g.find("From Lima.")
                .iter()
                .map(|m| format!("{} {} {}", m.label, m.id, m.source))
                .collect()
        };
        let opened = EntityIndex::open(dir.path()).unwrap();
        assert!(opened.names.is_some() && opened.anchors().is_empty(), "anchors not read");
        assert_eq!(found(opened), ["PLACE Lima index:1"]);
        assert_eq!(found(index.clone()), ["PLACE Lima index:1"], "as compiled in memory");
        let path = dir.path().join(NAMES);
        let bytes = fs::read(&path).unwrap();
        let mut garbled = bytes.clone();
        garbled[bytes.len() / 2] ^= 0x0f;
        for bad in [bytes[..bytes.len() / 2].to_vec(), garbled, b"junk".to_vec()] {
            fs::write(&path, &bad).unwrap();
            for err in [EntityIndex::open(dir.path()), EntityIndex::load(dir.path())] {
                let message = err.unwrap_err().to_string();
                assert!(
                    message.contains("names.matcher") && message.contains("corrupt"),
                    "{message}"
                );
            }
        }
        fs::write(&path, &bytes).unwrap();
        // The anchors change after the matcher was written: it is out of date, and the
        // names are compiled from the anchors again.
        fs::write(dir.path().join(ANCHORS), "Lima\tPLACE\tLima\t1\t1\t9\n").unwrap();
        let stale = EntityIndex::open(dir.path()).unwrap();
        assert!(stale.names.is_none() && stale.anchors().len() == 1);
        assert_eq!(found(stale), Vec::<String>::new(), "one link is too few now");
    }
}
