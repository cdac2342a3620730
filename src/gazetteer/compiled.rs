//! The compiled matcher: global entries as an `fst` map over their folded, padded surfaces,
//! a first-word filter, and a table of the entries, all in one byte buffer that is written
//! to a file once and read back without rebuilding anything.
//!
//! # Why an fst (DESIGN.md "Compiled matcher")
//! aho-corasick cannot be serialized, so every run rebuilt it: 2 s for the full GeoNames
//! list, far more for the tens of millions of surfaces of a full dump's index. An fst is
//! the minimized automaton of the sorted surfaces: its bytes *are* the automaton, loading
//! it is reading a file, and sharing suffixes as well as prefixes keeps it small.
//!
//! # Matching
//! Every folded surface is padded (" lima "), and the folded text is single-spaced and
//! padded too (`fold.rs`), so a surface occurs exactly where the text, from one of its
//! spaces, spells the surface. From each space whose next word is the first word of some
//! surface (a bit in `first_words`, which keeps the walk off most words), the fst is
//! walked over the text's bytes until no transition continues; every final state reached
//! right after a space is a match. That is every occurrence of every surface, as the
//! overlapping aho-corasick search found before. A walk is at most as long as the longest
//! surface, so the scan is linear in the text. The walk takes a word (and its space) at a
//! time, and a text's (state, word) steps are cached while it is scanned: a text repeats
//! its words, and a word read from one state always leads to the same state.
//!
//! # File format (little endian; version [`FORMAT`])
//! `MAGIC`, format `u32`, CRC-32 of everything after the header `u32`, fingerprint `u64`
//! (what the file was compiled from, chosen by the caller), then five sections, each a `u64`
//! length and its bytes: source names, entry offsets (`u64` each, one more than the
//! entries), entry records, the fst, the first-word bit set. A record is the entry's
//! source ordinal and line (`u32` each), its label (index in [`Label::ALL`]), then surface,
//! id and extra columns, each a `u32` length and UTF-8 bytes. The CRC is checked before
//! anything else is read, so a truncated or garbled file is refused, never trusted.

use std::{
    fs,
    hash::Hasher,
    io::Write,
    ops::Range,
    path::{Path, PathBuf},
    sync::{Arc, OnceLock},
};

use fst::{
    raw::{CompiledAddr, Output},
    Map, MapBuilder,
};

use super::{Entry, EntrySource, Label};
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"WAMATCH\0";
/// Bump when the layout, the folding rules or the first-word hash change: an older file is
/// then refused and rebuilt.
const FORMAT: u32 = 1;
const HEADER: usize = 8 + 4 + 4 + 8;

/// Shared bytes of a loaded file, or of a matcher compiled in memory.
#[derive(Clone, Debug)]
pub(crate) struct Bytes {
    buf: Arc<Vec<u8>>,
    range: Range<usize>,
}

impl Bytes {
    fn whole(buf: Vec<u8>) -> Bytes {
        let len = buf.len();
        Bytes { buf: Arc::new(buf), range: 0..len }
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.buf[self.range.clone()]
    }
}

/// The hash of a folded word for the first-word filter (FNV-1a: part of the file format,
/// so it must never change without bumping [`FORMAT`]).
fn word_hash(word: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(word);
    let h = hasher.finish();
    h ^ (h >> 29)
}

/// The automaton part: surfaces -> entry index, and the first-word filter.
#[derive(Clone, Debug)]
pub(crate) struct CompiledMatcher {
    map: Map<Bytes>,
    /// A bit per hash bucket of first words (a power of two of bits).
    first_words: Bytes,
    /// Where every walk goes first: the state after the padding space and a word's first
    /// byte (and the output so far), by that byte. Every walk starts with those two
    /// steps, so they are taken once here (a third of a walk's node decodings).
    starts: Arc<[Option<(fst::raw::CompiledAddr, u64)>]>,
}

/// The states [`CompiledMatcher::starts`] holds, read off the fst.
fn start_states(map: &Map<Bytes>) -> Arc<[Option<(fst::raw::CompiledAddr, u64)>]> {
    let fst = map.as_fst();
    let mut starts = vec![None; 256];
    let root = fst.root();
    if let Some(space) = root.find_input(b' ').map(|i| root.transition(i)) {
        let after_space = fst.node(space.addr);
        for t in after_space.transitions() {
            starts[usize::from(t.inp)] = Some((t.addr, space.out.cat(t.out).value()));
        }
    }
    starts.into()
}

impl CompiledMatcher {
    fn new(map: Map<Bytes>, first_words: Bytes) -> CompiledMatcher {
        let starts = start_states(&map);
        CompiledMatcher { map, first_words, starts }
    }

    /// Compile `(folded padded surface, entry index)` pairs; keys must be distinct.
    pub fn build(mut keys: Vec<(Vec<u8>, u32)>) -> Result<CompiledMatcher> {
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let first: Vec<&[u8]> = keys.iter().filter_map(|(k, _)| first_word(k)).collect();
        let bits = (first.len().max(1) * 8).next_power_of_two().max(64);
        let mut set = vec![0u8; bits / 8];
        for w in first {
            let h = word_hash(w) as usize & (bits - 1);
            set[h / 8] |= 1 << (h % 8);
        }
        let mut builder = MapBuilder::memory();
        for (key, value) in &keys {
            builder.insert(key, u64::from(*value)).map_err(|e| Error::build(e.to_string()))?;
        }
        let bytes = builder.into_inner().map_err(|e| Error::build(e.to_string()))?;
        let map = Map::new(Bytes::whole(bytes)).map_err(|e| Error::build(e.to_string()))?;
        Ok(CompiledMatcher::new(map, Bytes::whole(set)))
    }

    /// The entry index of a folded, padded surface.
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        self.map.get(key).and_then(|v| u32::try_from(v).ok())
    }

    /// True when some surface may start with the word whose [`word_hash`] is `hash`.
    fn may_start(&self, hash: u64) -> bool {
        let set = self.first_words.as_ref();
        let bits = set.len() * 8;
        if bits == 0 {
            return false;
        }
        let h = hash as usize & (bits - 1);
        set[h / 8] & (1 << (h % 8)) != 0
    }

    /// Every occurrence of every surface in `folded` (a folded, padded text), as
    /// `(byte start, byte end, entry index)` in the folded text, the spaces included.
    ///
    /// The walk goes a word at a time: a word and the space after it, read from a state,
    /// always lead to the same state, and a text repeats its words, so each (state, word)
    /// step is taken through the fst once and then read from a cache of the text's steps
    /// ([`StepCache`]; a step is at most as long as its word, so the scan stays linear).
    pub fn for_each_match(&self, folded: &[u8], mut found: impl FnMut(usize, usize, u32)) {
        let fst = self.map.as_fst();
        let root = fst.root().addr();
        let mut cache = StepCache::for_text(folded.len());
        let mut at = match memchr::memchr(b' ', folded) {
            Some(at) => at,
            None => return,
        };
        while at + 1 < folded.len() {
            let Some(word_len) = memchr::memchr(b' ', &folded[at + 1..]) else { return };
            let next_space = at + 1 + word_len;
            let word = &folded[at + 1..next_space];
            let start = match word.first() {
                Some(&first) => self.starts[usize::from(first)],
                None => None,
            };
            let hash = start.map(|_| word_hash(word));
            if let (Some(start), Some(hash)) = (start, hash.filter(|&h| self.may_start(h))) {
                // The first step, from the root over the space and the word, starts from
                // the table of states after the space and a first byte.
                let mut next = cache.step(fst, root, word, hash, Some(start));
                let mut out = Output::zero();
                let mut end = next_space;
                while let Some(s) = next {
                    out = out.cat(Output::new(s.out));
                    if let Some(final_out) = s.final_out {
                        if let Ok(entry) = u32::try_from(out.cat(Output::new(final_out)).value()) {
                            found(at, end + 1, entry);
                        }
                    }
                    let Some(len) = memchr::memchr(b' ', folded.get(end + 1..).unwrap_or(&[]))
                    else {
                        break;
                    };
                    let word = &folded[end + 1..end + 1 + len];
                    end += 1 + len;
                    next = cache.step(fst, s.addr, word, word_hash(word), None);
                }
            }
            at = next_space;
        }
    }
}

/// The word steps of one text already taken, direct-mapped by a hash of (state, word): a
/// slot holds the last step hashed to it, so a look-up is one hash and one compare, and a
/// collision only costs the step again. Sized by the text (linear memory).
struct StepCache<'t> {
    slots: Vec<Option<CachedStep<'t>>>,
    /// `slots.len()` is `1 << bits`.
    bits: u32,
}

/// One slot of a [`StepCache`]: the step's state and word, and where it leads.
#[derive(Clone, Copy)]
struct CachedStep<'t> {
    addr: CompiledAddr,
    word: &'t [u8],
    step: Option<WordStep>,
}

impl<'t> StepCache<'t> {
    /// A cache for a folded text of `len` bytes: a slot per 8 bytes, 256 to 65,536 slots.
    fn for_text(len: usize) -> StepCache<'t> {
        let bits = (len / 8).next_power_of_two().trailing_zeros().clamp(8, 16);
        StepCache { slots: vec![None; 1 << bits], bits }
    }

    /// The step over `word` (of [`word_hash`] `hash`) and the space after it from the
    /// state at `addr`; `first` is the state (and output) after the word's first byte when
    /// the step starts at the root (the first step of a walk: the space before the word is
    /// read too). `None` when the fst has no path.
    fn step(
        &mut self,
        fst: &fst::raw::Fst<Bytes>,
        addr: CompiledAddr,
        word: &'t [u8],
        hash: u64,
        first: Option<(CompiledAddr, u64)>,
    ) -> Option<WordStep> {
        let mixed = (hash ^ addr as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = (mixed >> (64 - self.bits)) as usize;
        if let Some(Some(cached)) = self.slots.get(slot) {
            if cached.addr == addr && cached.word == word {
                return cached.step;
            }
        }
        let step = word_step(fst, addr, word, first);
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Some(CachedStep { addr, word, step });
        }
        step
    }
}

/// [`StepCache::step`] taken through the fst.
fn word_step(
    fst: &fst::raw::Fst<Bytes>,
    addr: CompiledAddr,
    word: &[u8],
    first: Option<(CompiledAddr, u64)>,
) -> Option<WordStep> {
    let (mut addr, mut out, rest) = match first {
        Some((addr, out)) => (addr, Output::new(out), word.get(1..).unwrap_or(&[])),
        None => (addr, Output::zero(), word),
    };
    for &b in rest.iter().chain(b" ") {
        let node = fst.node(addr);
        let t = node.find_input(b).map(|k| node.transition(k))?;
        out = out.cat(t.out);
        addr = t.addr;
    }
    let node = fst.node(addr);
    let final_out = node.is_final().then(|| node.final_output().value());
    Some(WordStep { addr, out: out.value(), final_out })
}

/// One word's step through the fst (see [`CompiledMatcher::for_each_match`]): the state
/// after the word and the space after it, the output gathered on the way, and the final
/// output when that state ends a surface.
#[derive(Clone, Copy, Debug)]
struct WordStep {
    addr: CompiledAddr,
    out: u64,
    final_out: Option<u64>,
}

/// The first word of a padded key (" san jose " -> "san").
fn first_word(key: &[u8]) -> Option<&[u8]> {
    let rest = key.strip_prefix(b" ")?;
    let end = memchr::memchr(b' ', rest)?;
    (end > 0).then(|| &rest[..end])
}

/// The entries of a compiled file, decoded on demand: a table of records in the file's
/// bytes. A decoded entry is kept (in chunks allocated on first use), so a lookup can
/// hand out a reference and an index of millions of names costs only what a run touches.
#[derive(Debug)]
pub(crate) struct EntryTable {
    names: Vec<Arc<str>>,
    offsets: Bytes,
    records: Bytes,
    decoded: Vec<OnceLock<Box<DecodedChunk>>>,
}

const CHUNK: usize = 16;

/// Entries decoded so far, of one chunk (`None`: a record that did not decode).
type DecodedChunk = [OnceLock<Option<Entry>>; CHUNK];

impl EntryTable {
    /// Number of entries.
    pub fn len(&self) -> usize {
        (self.offsets.as_ref().len() / 8).saturating_sub(1)
    }

    /// Entry `i` and its source ordinal (1-based, in load order within the file), or
    /// `None` past the end.
    pub fn get(&self, i: usize) -> Option<&Entry> {
        let chunk = self.decoded.get(i / CHUNK)?;
        let chunk = chunk.get_or_init(|| Box::new(std::array::from_fn(|_| OnceLock::new())));
        chunk[i % CHUNK].get_or_init(|| self.decode(i).map(|(e, _)| e)).as_ref()
    }

    /// Decode entry `i` without keeping it: `(entry, source ordinal)`.
    pub fn decode(&self, i: usize) -> Option<(Entry, u32)> {
        let offsets = self.offsets.as_ref();
        let at = |k: usize| -> Option<usize> {
            let b = offsets.get(k * 8..k * 8 + 8)?;
            usize::try_from(u64::from_le_bytes(b.try_into().ok()?)).ok()
        };
        let record = self.records.as_ref().get(at(i)?..at(i + 1)?)?;
        let mut r = Reader { bytes: record, at: 0 };
        let ordinal = r.u32()?;
        let line = r.u32()?;
        let label = *Label::ALL.get(usize::from(r.u8()?))?;
        let surface = r.str()?.to_string();
        let id = Arc::from(r.str()?);
        let extra = Box::from(r.str()?);
        let file = self.names.get(usize::try_from(ordinal).ok()?.checked_sub(1)?)?.clone();
        let source = EntrySource::File { file, line };
        Some((Entry { surface, label, id, extra, source, partial: false }, ordinal))
    }
}

/// A compiled gazetteer: the matcher and its entries.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub matcher: CompiledMatcher,
    pub entries: EntryTable,
}

/// Little-endian reads that stop at the end of the bytes instead of panicking.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.u32()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    /// The next section's range in the buffer.
    fn section(&mut self) -> Option<Range<usize>> {
        let n = usize::try_from(self.u64()?).ok()?;
        let start = self.at;
        self.take(n)?;
        Some(start..start + n)
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// The entry table of a compiled file, filled one entry at a time.
#[derive(Default)]
pub(crate) struct EntryTableWriter {
    offsets: Vec<u8>,
    records: Vec<u8>,
}

impl EntryTableWriter {
    /// Append an entry: its fields, its source ordinal (1-based into the names) and line.
    pub fn push(
        &mut self,
        surface: &str,
        label: Label,
        id: &str,
        extra: &str,
        ordinal: u32,
        line: u32,
    ) {
        self.offsets.extend_from_slice(&(self.records.len() as u64).to_le_bytes());
        self.records.extend_from_slice(&ordinal.to_le_bytes());
        self.records.extend_from_slice(&line.to_le_bytes());
        let label = Label::ALL.iter().position(|l| *l == label).unwrap_or(0);
        self.records.push(label as u8);
        put_str(&mut self.records, surface);
        put_str(&mut self.records, id);
        put_str(&mut self.records, extra);
    }

    /// The bytes of a compiled file: this table, the source `names` and `matcher`.
    pub fn finish(
        mut self,
        fingerprint: u64,
        names: &[Arc<str>],
        matcher: &CompiledMatcher,
    ) -> Vec<u8> {
        let mut name_bytes = (names.len() as u32).to_le_bytes().to_vec();
        for n in names {
            put_str(&mut name_bytes, n);
        }
        self.offsets.extend_from_slice(&(self.records.len() as u64).to_le_bytes());
        let fst_bytes = matcher.map.as_fst().as_bytes();
        let first_words = matcher.first_words.as_ref();
        let sections = [&name_bytes[..], &self.offsets, &self.records, fst_bytes, first_words];
        let mut out =
            Vec::with_capacity(HEADER + sections.iter().map(|s| s.len() + 8).sum::<usize>());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&fingerprint.to_le_bytes());
        for section in sections {
            out.extend_from_slice(&(section.len() as u64).to_le_bytes());
            out.extend_from_slice(section);
        }
        let crc = crc32fast::hash(&out[HEADER..]);
        out[12..16].copy_from_slice(&crc.to_le_bytes());
        out
    }
}

/// The bytes of a compiled file: `matcher` and `entries` (each with its source ordinal,
/// 1-based into `names`).
pub(crate) fn encode<'e>(
    fingerprint: u64,
    names: &[Arc<str>],
    entries: impl Iterator<Item = (&'e Entry, u32)>,
    matcher: &CompiledMatcher,
) -> Vec<u8> {
    let mut table = EntryTableWriter::default();
    for (e, ordinal) in entries {
        let line = match &e.source {
            EntrySource::File { line, .. } => *line,
            _ => 0,
        };
        table.push(&e.surface, e.label, &e.id, &e.extra, ordinal, line);
    }
    table.finish(fingerprint, names, matcher)
}

/// Write `bytes` to `path` through a temporary file renamed into place, so a reader never
/// sees half a file and two runs writing the same cache do not mix.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temporary_name(path);
    let written = fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|_| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

fn temporary_name(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}.tmp", std::process::id()));
    PathBuf::from(name)
}

/// Why a compiled file could not be used.
#[derive(Debug)]
pub(crate) enum LoadError {
    /// Not there, or unreadable.
    Io(std::io::Error),
    /// Compiled from something else (another fingerprint or format): rebuild it.
    Stale,
    /// Truncated, garbled or not a compiled matcher.
    Corrupt(&'static str),
}

impl LoadError {
    /// A setup error naming `path`.
    pub fn into_error(self, path: &Path) -> Error {
        match self {
            LoadError::Io(e) => Error::io(path, e),
            LoadError::Stale => Error::input(
                path,
                "compiled matcher is out of date (its source files changed); rebuild it",
            ),
            LoadError::Corrupt(what) => {
                Error::input(path, format!("corrupt compiled matcher ({what}); rebuild it"))
            }
        }
    }
}

/// Read a file written by [`write_file`], refusing it unless its format, CRC and
/// fingerprint all agree.
pub(crate) fn load(path: &Path, fingerprint: u64) -> std::result::Result<Compiled, LoadError> {
    decode(fs::read(path).map_err(LoadError::Io)?, fingerprint)
}

/// The inverse of [`encode`], with the same checks as [`load`].
pub(crate) fn decode(buf: Vec<u8>, fingerprint: u64) -> std::result::Result<Compiled, LoadError> {
    let Some(header) = buf.get(..HEADER) else { return Err(LoadError::Corrupt("truncated")) };
    if &header[..8] != MAGIC {
        return Err(LoadError::Corrupt("not a compiled matcher"));
    }
    let mut r = Reader { bytes: header, at: 8 };
    let (format, crc, stored_fingerprint) = (r.u32(), r.u32(), r.u64());
    if format != Some(FORMAT) || stored_fingerprint != Some(fingerprint) {
        return Err(LoadError::Stale);
    }
    if crc != Some(crc32fast::hash(&buf[HEADER..])) {
        return Err(LoadError::Corrupt("checksum mismatch: truncated or garbled"));
    }
    let corrupt = LoadError::Corrupt("bad section");
    let mut r = Reader { bytes: &buf, at: HEADER };
    let sections: Option<[Range<usize>; 5]> =
        (|| Some([r.section()?, r.section()?, r.section()?, r.section()?, r.section()?]))();
    let [names, offsets, records, map, first_words] = sections.ok_or(corrupt)?;
    let mut n = Reader { bytes: &buf[names], at: 0 };
    let count = n.u32().ok_or(LoadError::Corrupt("bad names"))?;
    let names: Option<Vec<Arc<str>>> = (0..count).map(|_| n.str().map(Arc::from)).collect();
    let names = names.ok_or(LoadError::Corrupt("bad names"))?;
    let buf = Arc::new(buf);
    let bytes = |range: Range<usize>| Bytes { buf: buf.clone(), range };
    if !first_words.len().is_power_of_two() || offsets.len() % 8 != 0 {
        return Err(LoadError::Corrupt("bad tables"));
    }
    let map = Map::new(bytes(map)).map_err(|_| LoadError::Corrupt("bad fst"))?;
    let entries =
        EntryTable { names, offsets: bytes(offsets), records: bytes(records), decoded: Vec::new() };
    let chunks = entries.len().div_ceil(CHUNK);
    let entries = EntryTable { decoded: (0..chunks).map(|_| OnceLock::new()).collect(), ..entries };
    Ok(Compiled { matcher: CompiledMatcher::new(map, bytes(first_words)), entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<u8> {
        super::super::fold(s).into_bytes()
    }

    #[test]
    fn finds_every_overlapping_padded_match() {
        let m = CompiledMatcher::build(vec![
            (key("San Jose"), 0),
            (key("San"), 1),
            (key("Jose Maria"), 2),
        ])
        .unwrap();
        let text = super::super::fold("San Jose Maria, San Josefina");
        let mut found = Vec::new();
        m.for_each_match(text.as_bytes(), |s, e, i| found.push((&text[s..e], i)));
        assert_eq!(found, [(" san ", 1), (" san jose ", 0), (" jose maria ", 2), (" san ", 1)]);
    }

    #[test]
    fn round_trip_and_refusals() {
        let entry = |s: &str, line| Entry {
            surface: s.into(),
            label: Label::Place,
            id: Arc::from(s),
            extra: Box::from("PE"),
            source: EntrySource::File { file: Arc::from("a.tsv"), line },
            partial: false,
        };
        let entries = [entry("Lima", 3), entry("Callao", 4)];
        let m = CompiledMatcher::build(vec![(key("Lima"), 0), (key("Callao"), 1)]).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.bin");
        let names = [Arc::from("a.tsv")];
        write_file(&path, &encode(7, &names, entries.iter().map(|e| (e, 1)), &m)).unwrap();
        let back = load(&path, 7).unwrap();
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries.get(1), Some(&entries[1]));
        assert_eq!(back.entries.get(2), None);
        assert_eq!(back.matcher.get(&key("lima")), Some(0));
        assert!(matches!(load(&path, 8), Err(LoadError::Stale)));
        let bytes = fs::read(&path).unwrap();
        for cut in [0, 5, HEADER, bytes.len() / 2, bytes.len() - 1] {
            fs::write(&path, &bytes[..cut]).unwrap();
            assert!(matches!(load(&path, 7), Err(LoadError::Corrupt(_))), "cut at {cut}");
        }
        let mut garbled = bytes.clone();
        let middle = garbled.len() / 2;
        garbled[middle] ^= 0x55;
        fs::write(&path, &garbled).unwrap();
        assert!(matches!(load(&path, 7), Err(LoadError::Corrupt(_))));
    }
}
