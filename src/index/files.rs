//! The index in memory, and its files (format in the module doc of `index`).

use std::{
    collections::HashMap,
    fmt::Write as _,
    fs,
    io::{BufWriter, Write},
    path::Path,
    sync::Arc,
};

use super::build::{normalize_title, TypeSource};
use crate::{
    article::title_to_id,
    error::{Error, Result},
    gazetteer::Label,
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
}

const TITLES: &str = "titles.tsv";
const REDIRECTS: &str = "redirects.tsv";
const ANCHORS: &str = "anchors.tsv";

impl EntityIndex {
    pub(super) fn from_parts(
        titles: HashMap<String, TitleInfo>,
        redirects: HashMap<String, String>,
        anchors: Vec<(String, AnchorStats)>,
    ) -> EntityIndex {
        let anchor_at = anchors.iter().enumerate().map(|(i, (a, _))| (a.clone(), i)).collect();
        EntityIndex { titles, redirects, anchors, anchor_at }
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
            if !anchor.starts_with(char::is_uppercase)
                || s.links < min_links
                || s.link_probability() < min_probability
            {
                continue;
            }
            if let Some(label) = self.label_of(&s.target) {
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
        Ok(())
    }

    /// Read an index written by [`write`](Self::write). A malformed line is an error naming
    /// the file and the line.
    pub fn load(dir: &Path) -> Result<EntityIndex> {
        let mut titles = HashMap::new();
        for_rows(&dir.join(TITLES), 5, |cols, bad| {
            let label: Label = cols[1].parse().map_err(|e| bad(format!("{e}")))?;
            let source = TypeSource::parse(cols[3])
                .ok_or_else(|| bad(format!("type source {:?}", cols[3])))?;
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
        let mut anchors = Vec::new();
        for_rows(&dir.join(ANCHORS), 6, |cols, bad| {
            let n = |i: usize| -> Result<u32> {
                cols[i]
                    .parse()
                    .map_err(|_| bad(format!("column {} is not a count: {:?}", i + 1, cols[i])))
            };
            anchors.push((
                cols[0].to_string(),
                AnchorStats {
                    target: Arc::from(cols[2]),
                    target_links: n(3)?,
                    links: n(4)?,
                    occurrences: n(5)?,
                },
            ));
            Ok(())
        })?;
        Ok(EntityIndex::from_parts(titles, redirects, anchors))
    }
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
}
