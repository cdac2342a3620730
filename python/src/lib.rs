//! The native module of the `wikianno` Python package (`wikianno._wikianno`).
//!
//! A thin layer over the library's public API: [`wikianno::Pipeline`] annotates,
//! [`wikianno::output::ndjson::wire`] gives each record's NDJSON wire value, which
//! pythonize serializes straight into a dict (the same `Serialize` that writes the CLI's
//! line, so a dict is exactly the CLI's record); `annotate_many` parses the CLI's lines
//! with orjson instead when it is importable ([`orjson_loads`]: less CPU). [`wikianno::source`]
//! reads dumps and multistream byte ranges. No annotation logic lives here.
//!
//! Threads: every call that works for long releases the GIL. `annotate_many` cuts its input
//! into chunks (at most [`CHUNK_ITEMS`] items or [`CHUNK_BYTES`] bytes of text), annotates
//! each chunk on a rayon pool while Python consumes the previous one, and keeps at most
//! [`CHUNKS_IN_FLIGHT`] chunks queued, so memory stays bounded whatever the input's size
//! and records come out in input order. Dicts are built on the caller's thread (objects need
//! the GIL) while the workers annotate the next chunks; built by the workers under the GIL
//! instead, they cost more (GIL hand-offs, two chunks of dicts held) and ran slower. With
//! one job a `read_dump` reader is read, decoded and annotated on the caller's thread with
//! the GIL released (no reader, decoder or worker thread beside it): a Spark task given one
//! core uses one core.

use std::{
    collections::VecDeque,
    panic::{catch_unwind, AssertUnwindSafe},
    path::PathBuf,
    sync::{
        mpsc::{self, Receiver},
        Arc, Mutex, PoisonError,
    },
    thread,
};

use pyo3::{
    create_exception,
    exceptions::{PyException, PyTypeError, PyValueError},
    prelude::*,
    types::{PyBytes, PyDict, PyIterator, PyString},
};
use rayon::prelude::*;
use wikianno::{
    output::ndjson,
    source::{
        multistream::{self, ByteRange},
        DumpSource,
    },
    temporal::Reference,
    InputError, Markup, RawArticle, Record, Redirect, SourceItem,
};

mod general {
    include!(concat!(env!("OUT_DIR"), "/general.rs"));
}

mod parquet;

create_exception!(
    wikianno,
    WikiannoError,
    PyException,
    "A setup or input error from wikianno (a gazetteer, an index, a dump, a byte range); \
     the message is the library's, naming the file and what is wrong."
);

/// A library error as a Python exception carrying its message.
fn py_error(e: wikianno::Error) -> PyErr {
    WikiannoError::new_err(e.to_string())
}

/// Items per chunk of `annotate_many`: enough to keep every core busy on one chunk.
const CHUNK_ITEMS: usize = 256;
/// Bytes of article text per chunk, so a run of huge pages stays bounded too.
const CHUNK_BYTES: usize = 8 << 20;
/// Chunks annotated or queued ahead of the consumer.
const CHUNKS_IN_FLIGHT: usize = 2;

/// The annotation pipeline: gazetteers, date, event and infobox rules, compiled once.
///
/// Pipeline(gazetteers=None, index=None, dct=None, *, shipped_gazetteers=True)
///
/// gazetteers: extra gazetteer files or folders of `*.tsv` (a path or a list of paths),
///     loaded after the shipped ones, as the CLI's `--gazetteer`.
/// index: a folder written by `wikianno index` (the CLI's `--index`).
/// dct: a document creation date, `YYYY-MM-DD`, that relative dates are anchored to
///     (the CLI's `--dct`).
/// shipped_gazetteers: load the gazetteers shipped with wikianno (the curated lists and
///     the general GeoNames list, both built into the package); False is the CLI's
///     `--no-default-gazetteers`.
///
/// The compiled gazetteers are cached where the CLI caches them (`$WIKIANNO_CACHE_DIR`,
/// empty for none; else `$XDG_CACHE_HOME/wikianno` or `~/.cache/wikianno`), keyed by their
/// sources, so a second Pipeline starts faster.
///
/// Raises WikiannoError (a bad gazetteer row, a missing file or index) and ValueError (a
/// bad `dct`). A Pipeline is immutable and may be shared between threads.
#[pyclass(module = "wikianno._wikianno", frozen)]
struct Pipeline {
    inner: Arc<wikianno::Pipeline>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (gazetteers=None, index=None, dct=None, *, shipped_gazetteers=true))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<&Bound<'_, PyAny>>,
        index: Option<PathBuf>,
        dct: Option<&str>,
        shipped_gazetteers: bool,
    ) -> PyResult<Pipeline> {
        let mut builder = wikianno::Pipeline::builder();
        if shipped_gazetteers {
            builder.shipped_gazetteers_from_text(
                general::GENERAL.iter().map(|(path, tsv)| (path.to_string(), tsv.to_string())),
            );
        }
        // The CLI's cache of compiled gazetteers: a warm start loads the shipped lists'
        // compiled form instead of compiling them again (about 0.6 G instructions).
        if let Some(dir) = wikianno::gazetteer::default_cache_dir() {
            builder.gazetteer_cache(dir);
        }
        for path in paths_arg(gazetteers)? {
            builder.gazetteer(path);
        }
        if let Some(dir) = index {
            builder.entity_index(dir);
        }
        if let Some(d) = dct {
            let reference = Reference::document_date(d)
                .ok_or_else(|| PyValueError::new_err(format!("dct {d:?}: expected YYYY-MM-DD")))?;
            builder.document_date(reference);
        }
        let inner = py.allow_threads(|| builder.build()).map_err(py_error)?;
        Ok(Pipeline { inner: Arc::new(inner) })
    }

    /// Annotate one article; returns its record as a dict (the CLI's NDJSON line).
    ///
    /// text: the article, in the plain wiki-style rendering (`= Title =`, `== H ==`) or,
    ///     with `wikitext=True`, MediaWiki wikitext (a dump page's text).
    /// title: the title (required for wikitext; for wiki-style text, used when the text
    ///     opens with no `= Title =` heading).
    /// source: the record's `source` (default: the title).
    #[pyo3(signature = (text, title=None, wikitext=false, source=None))]
    fn annotate(
        &self,
        py: Python<'_>,
        text: String,
        title: Option<String>,
        wikitext: bool,
        source: Option<String>,
    ) -> PyResult<PyObject> {
        let item = SourceItem::Article(raw_article(text, title, wikitext, source)?);
        let record = py.allow_threads(|| self.inner.process(item));
        record_dict(py, &record)
    }

    /// Annotate many articles on all cores; yields their records (dicts) in input order.
    ///
    /// items: an iterable of article texts (`str`, wiki-style), dicts as `read_dump`
    ///     yields them (`{"title", "text", "source", "wikitext"}`, redirects and errors
    ///     pass through), or a `read_dump(...)` reader itself, which is then read on a
    ///     Rust thread without building a Python object per page.
    /// jobs: worker threads (default: all cores). With jobs=1 a `read_dump` reader is
    ///     read, decoded and annotated on one thread, so the call uses one core.
    /// as_json: yield each record as its JSON line (`str`) instead of a dict.
    ///
    /// The GIL is released while the workers run; at most a few chunks of 256 articles are
    /// held in memory, whatever the input's length.
    #[pyo3(signature = (items, jobs=None, as_json=false))]
    fn annotate_many(
        &self,
        items: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        as_json: bool,
    ) -> PyResult<Annotations> {
        let stream = if as_json {
            Stream::Lines(InOrder::new(Batches::new(&self.inner, items, jobs, ndjson_line)?))
        } else if let Some(loads) = orjson_loads(items.py()) {
            let lines = InOrder::new(Batches::new(&self.inner, items, jobs, ndjson_line)?);
            Stream::Parsed { lines, loads }
        } else {
            Stream::Dicts(InOrder::new(Batches::new(&self.inner, items, jobs, |record| record)?))
        };
        Ok(Annotations { stream: Mutex::new(stream) })
    }

    /// Annotate `items` (as for `annotate_many`) and write the records to a Parquet file
    /// at `path`, with the schema of the CLI's `annotate --format parquet`. The file is
    /// written under a temporary name and renamed when complete. Returns the number of
    /// rows written.
    #[pyo3(signature = (items, path, jobs=None))]
    fn write_parquet(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        path: PathBuf,
        jobs: Option<usize>,
    ) -> PyResult<u64> {
        let mut batches = Batches::new(&self.inner, items, jobs, |record| record)?;
        parquet::write(py, &mut batches, &path)
    }

    fn __repr__(&self) -> String {
        format!("<wikianno.Pipeline: {} gazetteer entries>", self.inner.gazetteer().entries().len())
    }
}

/// `gazetteers=`: one path, or an iterable of paths.
fn paths_arg(arg: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    let Some(arg) = arg else { return Ok(Vec::new()) };
    if let Ok(one) = arg.extract::<PathBuf>() {
        return Ok(vec![one]);
    }
    arg.try_iter()?.map(|p| p?.extract::<PathBuf>()).collect()
}

/// One article from Python's arguments.
fn raw_article(
    text: String,
    title: Option<String>,
    wikitext: bool,
    source: Option<String>,
) -> PyResult<RawArticle> {
    let raw = if wikitext {
        let title = title.ok_or_else(|| {
            PyValueError::new_err("a wikitext article needs its title (title=...)")
        })?;
        RawArticle::wikitext(title, text)
    } else {
        RawArticle::wiki_style(title.unwrap_or_default(), text)
    };
    Ok(match source {
        Some(source) => raw.with_origin(source),
        None => raw,
    })
}

/// One input item from Python: a `str` (a wiki-style article) or a dict as `read_dump`
/// yields (an article, a redirect or an error).
fn source_item(obj: &Bound<'_, PyAny>) -> PyResult<SourceItem> {
    if obj.is_instance_of::<PyString>() {
        return Ok(SourceItem::Article(RawArticle::wiki_style("", obj.extract::<String>()?)));
    }
    let Ok(dict) = obj.downcast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "annotate_many: expected a str or a dict with \"text\", got {}",
            obj.get_type().name()?
        )));
    };
    let get = |key: &str| -> PyResult<Option<String>> {
        match dict.get_item(key)? {
            Some(v) if !v.is_none() => Ok(Some(v.extract()?)),
            _ => Ok(None),
        }
    };
    let title = get("title")?;
    let source = get("source")?;
    if let Some(message) = get("error")? {
        return Ok(SourceItem::Error(InputError::new(source.unwrap_or_default(), message)));
    }
    if let Some(to) = get("redirect")? {
        let from = title.unwrap_or_default();
        let origin = source.unwrap_or_else(|| from.clone());
        return Ok(SourceItem::Redirect(Redirect::new(origin, from, to)));
    }
    let text = get("text")?.ok_or_else(|| {
        PyTypeError::new_err(
            "annotate_many: a dict item needs \"text\" (or \"redirect\"/\"error\")",
        )
    })?;
    let wikitext = match dict.get_item("wikitext")? {
        Some(v) => v.is_truthy()?,
        None => false,
    };
    Ok(SourceItem::Article(raw_article(text, title, wikitext, source)?))
}

/// A page of `read_dump` as a dict (the inverse of [`source_item`]).
fn item_dict<'py>(py: Python<'py>, item: SourceItem) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    match item {
        SourceItem::Article(raw) => {
            dict.set_item("title", raw.title.unwrap_or(raw.fallback_title))?;
            dict.set_item("text", raw.text)?;
            dict.set_item("source", raw.origin)?;
            dict.set_item("wikitext", raw.markup == Markup::Wikitext)?;
        }
        SourceItem::Redirect(Redirect { origin, from, to, .. }) => {
            dict.set_item("title", from)?;
            dict.set_item("redirect", to)?;
            dict.set_item("source", origin)?;
        }
        SourceItem::Error(InputError { origin, message, .. }) => {
            dict.set_item("source", origin)?;
            dict.set_item("error", message)?;
        }
    }
    Ok(dict)
}

/// A record as a dict: its NDJSON wire value ([`ndjson::wire`]) serialized straight into
/// Python objects by pythonize, so the dict and the CLI's line come from one `Serialize`
/// and no JSON text is written and parsed in between.
fn record_dict(py: Python<'_>, record: &Record) -> PyResult<PyObject> {
    Ok(pythonize::pythonize(py, &ndjson::wire(record))?.unbind())
}

/// Where chunks are annotated: rayon's global pool (all cores) or a pool of `jobs` threads.
#[derive(Clone)]
enum Workers {
    Global,
    Pool(Arc<rayon::ThreadPool>),
}

impl Workers {
    fn new(jobs: Option<usize>) -> PyResult<Workers> {
        match jobs {
            None => Ok(Workers::Global),
            Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| Workers::Pool(Arc::new(pool)))
                .map_err(|e| WikiannoError::new_err(format!("could not start {n} threads: {e}"))),
        }
    }

    /// Annotate `items` on the pool; the receiver gets `map` of their records, in order.
    fn submit<T: Send + 'static>(
        &self,
        pipeline: &Arc<wikianno::Pipeline>,
        items: Vec<SourceItem>,
        map: fn(Record) -> T,
    ) -> Chunk<T> {
        let (tx, rx) = mpsc::sync_channel(1);
        let pipeline = pipeline.clone();
        let job = move || {
            // `process` turns a failure on one article into an error record; a panic past
            // it drops `tx`, which the consumer reports instead of losing the chunk.
            let out: Vec<T> =
                items.into_par_iter().map(|item| map(pipeline.process(item))).collect();
            let _ = tx.send(out);
        };
        match self {
            Workers::Global => rayon::spawn(job),
            Workers::Pool(pool) => pool.spawn(job),
        }
        rx
    }
}

/// What one chunk's records become (`map` of each), once annotated.
type Chunk<T> = Receiver<Vec<T>>;

/// Where the items come from.
enum Feed<T> {
    /// A Python iterable, read in chunks on the calling thread (it needs the GIL).
    Python(Py<PyIterator>),
    /// Chunks submitted by a Rust reader thread (a `read_dump` reader): no GIL needed.
    Native(Receiver<Result<Chunk<T>, String>>),
    /// A `read_dump` reader with one job: read and annotated chunk by chunk on the
    /// caller's thread (the GIL released), so that one job uses one core.
    Inline(Box<DumpSource>),
    Done,
}

/// The records of an item stream, chunk by chunk, in input order: chunks are annotated
/// on the workers while the caller consumes the previous one, at most
/// [`CHUNKS_IN_FLIGHT`] ahead.
struct Batches<T> {
    pipeline: Arc<wikianno::Pipeline>,
    workers: Workers,
    map: fn(Record) -> T,
    feed: Feed<T>,
    /// Chunks submitted from a Python feed, oldest first.
    pending: VecDeque<Chunk<T>>,
}

impl<T: Send + 'static> Batches<T> {
    /// `items`: a `read_dump` reader (read in Rust from here on) or any Python iterable.
    fn new(
        pipeline: &Arc<wikianno::Pipeline>,
        items: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        map: fn(Record) -> T,
    ) -> PyResult<Batches<T>> {
        let workers = Workers::new(jobs)?;
        let feed = match items.downcast::<DumpReader>() {
            Ok(reader) => match reader.borrow_mut().source().take() {
                Some(source) if jobs == Some(1) => Feed::Inline(Box::new(source)),
                Some(source) => {
                    Feed::Native(spawn_reader(source, pipeline.clone(), workers.clone(), map))
                }
                None => Feed::Done,
            },
            Err(_) => Feed::Python(items.try_iter()?.unbind()),
        };
        Ok(Batches { pipeline: pipeline.clone(), workers, map, feed, pending: VecDeque::new() })
    }

    /// The next chunk's results, or `None` at the end. The GIL is released while waiting.
    fn next_batch(&mut self, py: Python<'_>) -> PyResult<Option<Vec<T>>> {
        if let Feed::Inline(source) = &mut self.feed {
            let (pipeline, map) = (&self.pipeline, self.map);
            let done = py.allow_threads(|| {
                catch_unwind(AssertUnwindSafe(|| {
                    let chunk = next_chunk(source.as_mut());
                    chunk.into_iter().map(|item| map(pipeline.process(item))).collect::<Vec<T>>()
                }))
            });
            return match done {
                Ok(records) if records.is_empty() => {
                    self.feed = Feed::Done;
                    Ok(None)
                }
                Ok(records) => Ok(Some(records)),
                Err(_) => {
                    self.feed = Feed::Done;
                    Err(WikiannoError::new_err("internal error while reading the dump"))
                }
            };
        }
        self.top_up(py)?;
        let chunk = match self.pending.pop_front() {
            Some(chunk) => chunk,
            None => match self.next_native(py)? {
                Some(chunk) => chunk,
                None => return Ok(None),
            },
        };
        // The next chunk is submitted before this one is waited for: the workers never
        // wait for the consumer.
        self.top_up(py)?;
        py.allow_threads(move || chunk.recv()).map(Some).map_err(|_| {
            WikiannoError::new_err("internal error: a worker stopped before its chunk was done")
        })
    }

    /// Submit chunks of a Python feed until [`CHUNKS_IN_FLIGHT`] are pending.
    fn top_up(&mut self, py: Python<'_>) -> PyResult<()> {
        while self.pending.len() < CHUNKS_IN_FLIGHT {
            let Feed::Python(iter) = &self.feed else { return Ok(()) };
            let mut items = Vec::new();
            let mut bytes = 0;
            let mut ended = true;
            for obj in iter.bind(py).clone() {
                let item = source_item(&obj?)?;
                if let SourceItem::Article(raw) = &item {
                    bytes += raw.text.len();
                }
                items.push(item);
                if items.len() >= CHUNK_ITEMS || bytes >= CHUNK_BYTES {
                    ended = false;
                    break;
                }
            }
            if ended {
                self.feed = Feed::Done;
            }
            if items.is_empty() {
                return Ok(());
            }
            self.pending.push_back(self.workers.submit(&self.pipeline, items, self.map));
        }
        Ok(())
    }

    /// The reader thread's next chunk, or `None` at the end (or for a Python feed).
    fn next_native(&mut self, py: Python<'_>) -> PyResult<Option<Chunk<T>>> {
        let Feed::Native(chunks) = std::mem::replace(&mut self.feed, Feed::Done) else {
            return Ok(None);
        };
        // Moved into the closure and back: a receiver is not shared between threads.
        let (next, chunks) = py.allow_threads(move || (chunks.recv(), chunks));
        match next {
            Ok(Ok(chunk)) => {
                self.feed = Feed::Native(chunks);
                Ok(Some(chunk))
            }
            Ok(Err(message)) => Err(WikiannoError::new_err(message)),
            // The reader has ended and every chunk was taken.
            Err(_) => Ok(None),
        }
    }
}

/// Read `source` on its own thread, submitting chunks; at most [`CHUNKS_IN_FLIGHT`] wait.
fn spawn_reader<T: Send + 'static>(
    source: DumpSource,
    pipeline: Arc<wikianno::Pipeline>,
    workers: Workers,
    map: fn(Record) -> T,
) -> Receiver<Result<Chunk<T>, String>> {
    let (tx, rx) = mpsc::sync_channel(CHUNKS_IN_FLIGHT);
    thread::spawn(move || {
        let mut source = source;
        let read = catch_unwind(AssertUnwindSafe(|| loop {
            let chunk = next_chunk(&mut source);
            // A closed channel means the consumer has gone: stop reading.
            if chunk.is_empty() || tx.send(Ok(workers.submit(&pipeline, chunk, map))).is_err() {
                return;
            }
        }));
        if read.is_err() {
            let _ = tx.send(Err("internal error while reading the dump".into()));
        }
    });
    rx
}

/// Up to [`CHUNK_ITEMS`] items or [`CHUNK_BYTES`] of text from `items`.
fn next_chunk(items: &mut impl Iterator<Item = SourceItem>) -> Vec<SourceItem> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    for item in items {
        if let SourceItem::Article(raw) = &item {
            bytes += raw.text.len();
        }
        chunk.push(item);
        if chunk.len() >= CHUNK_ITEMS || bytes >= CHUNK_BYTES {
            break;
        }
    }
    chunk
}

/// A record as its NDJSON line (what `annotate_many` hands to Python).
fn ndjson_line(record: Record) -> String {
    ndjson::to_line(&record)
}

/// The items of a [`Batches`] one by one, in input order.
struct InOrder<T> {
    batches: Batches<T>,
    /// The rest of the chunk being consumed.
    ready: std::vec::IntoIter<T>,
}

impl<T: Send + 'static> InOrder<T> {
    fn new(batches: Batches<T>) -> InOrder<T> {
        InOrder { batches, ready: Vec::new().into_iter() }
    }

    fn next(&mut self, py: Python<'_>) -> PyResult<Option<T>> {
        loop {
            if let Some(item) = self.ready.next() {
                return Ok(Some(item));
            }
            match self.batches.next_batch(py)? {
                Some(chunk) => self.ready = chunk.into_iter(),
                None => return Ok(None),
            }
        }
    }
}

/// What `annotate_many` yields: dicts, built on the caller's thread (it needs the GIL;
/// the workers annotate the next chunks meanwhile) by pythonize from the records or by
/// orjson from the lines ([`orjson_loads`]), or the NDJSON lines, written by the workers.
enum Stream {
    Dicts(InOrder<Record>),
    Lines(InOrder<String>),
    Parsed { lines: InOrder<String>, loads: Py<PyAny> },
}

/// `orjson.loads`, which `annotate_many` builds its dicts with when orjson is importable
/// and `$WIKIANNO_DICTS` is not `pythonize`: the workers write each record's NDJSON line
/// (the CLI's), and orjson parses it on the caller's thread, given as bytes (a `str` would
/// be decoded from UTF-8 here and encoded back by orjson). orjson builds the same objects
/// as pythonize for less CPU (its cached key strings keep their hash, its dicts are sized
/// once): on the 200 MB dump 19.5 CPU-s against 21.1, though its instructions are 3% more
/// in all and 18% fewer on the caller's thread (README "Past one machine", session 36).
fn orjson_loads(py: Python<'_>) -> Option<Py<PyAny>> {
    if std::env::var("WIKIANNO_DICTS").is_ok_and(|v| v == "pythonize") {
        return None;
    }
    py.import("orjson").and_then(|m| m.getattr("loads")).ok().map(Bound::unbind)
}

/// The iterator `Pipeline.annotate_many` returns: records (dicts, or JSON lines with
/// `as_json=True`) in input order.
#[pyclass(module = "wikianno._wikianno")]
struct Annotations {
    /// In a mutex only because a Python object must be `Sync`; `&mut self` reaches it
    /// without locking.
    stream: Mutex<Stream>,
}

#[pymethods]
impl Annotations {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        match self.stream.get_mut().unwrap_or_else(PoisonError::into_inner) {
            Stream::Dicts(records) => records.next(py)?.map(|r| record_dict(py, &r)).transpose(),
            Stream::Lines(lines) => {
                Ok(lines.next(py)?.map(|line| PyString::new(py, &line).into_any().unbind()))
            }
            Stream::Parsed { lines, loads } => lines
                .next(py)?
                .map(|line| {
                    loads.bind(py).call1((PyBytes::new(py, line.as_bytes()),)).map(Bound::unbind)
                })
                .transpose(),
        }
    }
}

/// The pages of a MediaWiki XML dump (`.xml`, `.xml.bz2`, `.xml.gz`), or of one byte
/// range of a multistream `.bz2` dump, as dicts:
/// `{"title", "text", "source", "wikitext": True}` for an article page (namespace 0),
/// `{"title", "redirect", "source"}` for a redirect, `{"source", "error"}` for a page that
/// could not be read (nothing is dropped silently).
///
/// byte_range: `(start, end)` or `"START:END"`, as `split` returns them; both must be
///     where a bz2 stream starts (end may be the file's end).
///
/// threads: bz2 decoding threads for a byte range (default: one per core, at most 8);
///     a Spark task passes its own core count so that it uses no more than it was given.
///
/// Raises WikiannoError at once for an unreadable file, a range that does not start at a
/// stream boundary, or a non-multistream file given a range.
#[pyfunction]
#[pyo3(signature = (path, byte_range=None, threads=None))]
fn read_dump(
    path: PathBuf,
    byte_range: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<DumpReader> {
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let source = match byte_range {
        None => DumpSource::open(&path).map_err(py_error)?,
        Some(range) => {
            let range = byte_range_arg(range)?;
            let threads = threads.unwrap_or_else(multistream::default_workers);
            let xml = multistream::open_range_on(&path, range, threads).map_err(py_error)?;
            DumpSource::from_reader(xml, &path.to_string_lossy())
        }
    };
    Ok(DumpReader { source: Mutex::new(Some(source)) })
}

/// `byte_range=`: a `(start, end)` pair or a `"START:END"` string.
fn byte_range_arg(arg: &Bound<'_, PyAny>) -> PyResult<ByteRange> {
    if let Ok(text) = arg.extract::<String>() {
        return text.parse().map_err(|e: String| PyValueError::new_err(format!("byte_range {e}")));
    }
    let (start, end): (u64, u64) = arg
        .extract()
        .map_err(|_| PyTypeError::new_err("byte_range: expected (start, end) or \"START:END\""))?;
    if start >= end {
        return Err(PyValueError::new_err(format!(
            "byte_range ({start}, {end}): start must be below end"
        )));
    }
    Ok(ByteRange { start, end })
}

/// The iterator `read_dump` returns. Handing it to `Pipeline.annotate_many` (or
/// `write_parquet`) reads the rest of it in Rust.
#[pyclass(module = "wikianno._wikianno")]
struct DumpReader {
    /// In a mutex only because a Python object must be `Sync`; `&mut self` reaches it
    /// without locking. `None` once read to the end or handed to `annotate_many`.
    source: Mutex<Option<DumpSource>>,
}

impl DumpReader {
    fn source(&mut self) -> &mut Option<DumpSource> {
        self.source.get_mut().unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl DumpReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(source) = self.source().as_mut() else { return Ok(None) };
        match py.allow_threads(|| source.next()) {
            Some(item) => item_dict(py, item).map(Some),
            None => {
                *self.source() = None;
                Ok(None)
            }
        }
    }
}

/// Balanced byte ranges of a multistream `.bz2` dump, at bz2 stream boundaries: a list of
/// `(start, end)` pairs that together cover the file, each to give to
/// `read_dump(path, byte_range=...)`. With `index` (the dump's
/// `…-multistream-index.txt.bz2`), stream starts come from it (each checked against the
/// dump); without, the dump is scanned for stream headers. Fewer than `parts` ranges
/// when the dump has fewer streams.
#[pyfunction]
#[pyo3(signature = (path, parts, index=None))]
fn split(
    py: Python<'_>,
    path: PathBuf,
    parts: usize,
    index: Option<PathBuf>,
) -> PyResult<Vec<(u64, u64)>> {
    if parts == 0 {
        return Err(PyValueError::new_err("parts must be at least 1"));
    }
    let ranges = py
        .allow_threads(|| multistream::split(&path, index.as_deref(), parts))
        .map_err(py_error)?;
    Ok(ranges.into_iter().map(|r| (r.start, r.end)).collect())
}

/// Write a multistream `.bz2` dump and its index (`OFFSET:PAGE_ID:TITLE`, bz2) from a
/// MediaWiki XML export, `pages_per_stream` pages a stream (Wikimedia uses 100). For
/// tests and benchmarks: the export is read into memory whole. Returns the page count.
#[pyfunction]
#[pyo3(signature = (xml, dump, index, pages_per_stream=100))]
fn write_multistream(
    py: Python<'_>,
    xml: PathBuf,
    dump: PathBuf,
    index: PathBuf,
    pages_per_stream: usize,
) -> PyResult<u64> {
    py.allow_threads(|| -> Result<u64, String> {
        let bytes = std::fs::read(&xml).map_err(|e| format!("{}: {e}", xml.display()))?;
        let open = |p: &PathBuf| {
            std::fs::File::create(p)
                .map(std::io::BufWriter::new)
                .map_err(|e| format!("{}: {e}", p.display()))
        };
        let (mut d, mut i) = (open(&dump)?, open(&index)?);
        let pages = multistream::write_multistream(&bytes, &mut d, &mut i, pages_per_stream)
            .map_err(|e| format!("{}: {e}", xml.display()))?;
        use std::io::Write;
        d.flush().and_then(|()| i.flush()).map_err(|e| format!("{}: {e}", dump.display()))?;
        Ok(pages)
    })
    .map_err(WikiannoError::new_err)
}

/// wikianno's native module; the `wikianno` package re-exports it.
#[pymodule]
fn _wikianno(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("WikiannoError", m.py().get_type::<WikiannoError>())?;
    m.add_class::<Pipeline>()?;
    m.add_class::<Annotations>()?;
    m.add_class::<DumpReader>()?;
    m.add_function(wrap_pyfunction!(read_dump, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(write_multistream, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
