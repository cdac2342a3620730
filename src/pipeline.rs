//! The pipeline: every stage built once, applied to each article on all cores.

use std::{
    collections::VecDeque,
    panic::{catch_unwind, resume_unwind, AssertUnwindSafe},
    path::{Path, PathBuf},
    sync::{
        mpsc::{self, Receiver, SyncSender},
        Arc, Condvar, Mutex, MutexGuard, PoisonError,
    },
};

use crate::{
    analysis::{date_claims, DateClaim},
    article::{parse_raw, Article},
    diagnostic::Diagnostic,
    error::Result,
    events::{Event, EventExtractor, EventMention},
    gazetteer::{
        local_entries_of, name_languages, with_link_mentions_of, EntityMention, Gazetteer,
        GazetteerBuilder, LinkTargets, Shipped,
    },
    infobox::{InfoboxReport, InfoboxValidator},
    source::{InputError, RawArticle, Redirect, SourceItem},
    temporal::{Reference, TemporalTagger, Timex},
};

/// Everything the pipeline found in one article.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AnnotatedArticle {
    /// The parsed article (text, sections, infobox fields, links).
    pub article: Article,
    /// Gazetteer mentions, in text order, non-overlapping.
    pub entities: Vec<EntityMention>,
    /// Temporal expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Event frames, in text order.
    pub events: Vec<Event>,
    /// TimeML event mentions (every event the prose mentions, with its class), in text order.
    pub event_mentions: Vec<EventMention>,
    /// Infobox verdicts, when the article has an infobox.
    pub infobox: Option<InfoboxReport>,
    /// What the article claims about when things happened (the analysis stage).
    pub claims: Vec<DateClaim>,
    /// Diagnostics of every stage, the parser's included (moved out of `article`).
    pub diagnostics: Vec<Diagnostic>,
}

/// One output record: an annotated article, a redirect, or an input error.
#[derive(Clone, Debug)]
pub enum Record {
    /// A processed article.
    Article(Box<AnnotatedArticle>),
    /// A dump redirect page, as read.
    Redirect(Redirect),
    /// Input that could not be processed (as read, or an article a stage failed on).
    Error(InputError),
}

impl Record {
    /// True for an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Record::Error(InputError { .. }))
    }
}

/// Configures and builds a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    shipped: Option<Shipped>,
    gazetteers: Vec<PathBuf>,
    tsv: Vec<(String, String)>,
    lenient_gazetteers: bool,
    index: Option<PathBuf>,
    gazetteer_cache: Option<PathBuf>,
    threads: Option<usize>,
    in_flight_bytes: Option<usize>,
    reference: Reference,
}

impl PipelineBuilder {
    /// Anchor dates to a document creation time (news mode) instead of the narrative.
    pub fn document_date(&mut self, reference: Reference) -> &mut Self {
        self.reference = reference;
        self
    }

    /// Load the shipped gazetteers before any other: the curated lists (compiled in) and
    /// the general ones, found by [`locate_general`](crate::gazetteer::locate_general)
    /// when the pipeline is built (which fails, naming where it looked, if they are not).
    pub fn shipped_gazetteers(&mut self) -> &mut Self {
        self.shipped = Some(Shipped::All);
        self
    }

    /// Like [`shipped_gazetteers`](Self::shipped_gazetteers), with the general lists of
    /// `dir/general/` (`dir` is laid out like the repository's `gazetteers/`).
    pub fn shipped_gazetteers_in(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.shipped = Some(Shipped::CuratedAndGeneralIn(dir.as_ref().to_path_buf()));
        self
    }

    /// Like [`shipped_gazetteers`](Self::shipped_gazetteers), with the general lists given
    /// as text instead of read from a folder: `(path below general/, TSV text)` pairs in the
    /// order a folder load reads them (sorted by path). For builds that embed the lists,
    /// such as the Python package; mention sources name them as a folder load does.
    pub fn shipped_gazetteers_from_text(
        &mut self,
        general: impl IntoIterator<Item = (String, String)>,
    ) -> &mut Self {
        self.shipped = Some(Shipped::CuratedAndGeneralText(general.into_iter().collect()));
        self
    }

    /// Load only the shipped curated lists (compiled in, so they never fail to load)
    /// before any other gazetteer: no general lists.
    pub fn curated_gazetteers(&mut self) -> &mut Self {
        self.shipped = Some(Shipped::Curated);
        self
    }

    /// Add a gazetteer file or folder of `*.tsv` files (earlier paths win ties).
    pub fn gazetteer(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.gazetteers.push(path.as_ref().to_path_buf());
        self
    }

    /// Add gazetteer rows from a string, named `name` in mention sources.
    pub fn gazetteer_tsv(&mut self, name: &str, tsv: &str) -> &mut Self {
        self.tsv.push((name.to_string(), tsv.to_string()));
        self
    }

    /// Use the entity index in `dir` (written by `wikianno index`): see
    /// [`GazetteerBuilder::entity_index`].
    pub fn entity_index(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.index = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Keep the compiled gazetteers in `dir`: see [`GazetteerBuilder::cache_dir`].
    pub fn gazetteer_cache(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.gazetteer_cache = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Skip malformed gazetteer rows instead of failing (default: fail with file:line).
    pub fn lenient_gazetteers(&mut self, yes: bool) -> &mut Self {
        self.lenient_gazetteers = yes;
        self
    }

    /// Worker threads for [`Pipeline::run`] (default: rayon's thread count, all cores
    /// unless `RAYON_NUM_THREADS` says otherwise).
    pub fn threads(&mut self, n: usize) -> &mut Self {
        self.threads = Some(n.max(1));
        self
    }

    /// Bytes a run may hold between reading and writing (default 2 MiB per worker thread):
    /// the article text of the records taken and not yet written, plus, with
    /// [`Pipeline::run_map_sized`], the output of those finished. Workers wait for room
    /// past it, so a smaller figure trades parallelism on uneven articles for memory.
    pub fn in_flight_bytes(&mut self, bytes: usize) -> &mut Self {
        self.in_flight_bytes = Some(bytes);
        self
    }

    /// Load the gazetteers and compile every matcher.
    pub fn build(&self) -> Result<Pipeline> {
        let mut g = GazetteerBuilder::new();
        g.lenient(self.lenient_gazetteers);
        if let Some(dir) = &self.gazetteer_cache {
            g.cache_dir(dir);
        }
        if let Some(shipped) = &self.shipped {
            shipped.add_to(&mut g)?;
        }
        for path in &self.gazetteers {
            g.add_path(path)?;
        }
        for (name, tsv) in &self.tsv {
            g.add_tsv(name, tsv);
        }
        if let Some(dir) = &self.index {
            g.entity_index(Arc::new(crate::index::EntityIndex::open(dir)?));
        }
        let gazetteer = g.build()?;
        Ok(Pipeline {
            threads: self.threads,
            in_flight_bytes: self.in_flight_bytes,
            temporal: TemporalTagger::with_reference(self.reference),
            events: EventExtractor::new(&gazetteer),
            infobox: InfoboxValidator::new(&gazetteer),
            gazetteer,
        })
    }
}

/// All stages, compiled once. Cheap to clone; `Send + Sync`, shared by all workers.
#[derive(Clone, Debug)]
pub struct Pipeline {
    /// Worker threads of a run; `None`: rayon's thread count.
    threads: Option<usize>,
    /// `None`: [`IN_FLIGHT_BYTES_PER_WORKER`] times the run's workers.
    in_flight_bytes: Option<usize>,
    gazetteer: Gazetteer,
    temporal: TemporalTagger,
    events: EventExtractor,
    infobox: InfoboxValidator,
}

impl Pipeline {
    /// A builder with no gazetteer.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The global gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Parse a raw article into its structure.
    pub fn parse(&self, raw: RawArticle) -> Article {
        parse_raw(raw)
    }

    /// Run every stage on one article.
    ///
    /// # Examples
    ///
    /// ```
    /// use wikianno::{Pipeline, RawArticle};
    ///
    /// let pipeline = Pipeline::builder()
    ///     .gazetteer_tsv("people.tsv", "Mariano Ignacio Prado\tPERSON\tMariano_Ignacio_Prado\n")
    ///     .build()?;
    /// let raw = RawArticle::wiki_style(
    ///     "Prado",
    ///     "= Prado =\n\nMariano Ignacio Prado entered Lima on 6 November 1865.\n",
    /// );
    /// let annotated = pipeline.annotate(raw);
    /// let text = &annotated.article.text;
    /// // The article's own subject is tagged (in its title line), then the body's names.
    /// assert_eq!(annotated.entities[0].span.slice(text), "Prado");
    /// assert_eq!(annotated.entities[1].span.slice(text), "Mariano Ignacio Prado");
    /// assert_eq!(annotated.entities[1].source.to_string(), "people.tsv:1");
    /// assert_eq!(annotated.timexes[0].span.slice(text), "6 November 1865");
    /// assert!(annotated.infobox.is_none(), "no infobox, no verdicts");
    /// # Ok::<(), wikianno::Error>(())
    /// ```
    pub fn annotate(&self, raw: RawArticle) -> AnnotatedArticle {
        let article = self.parse(raw);
        self.annotate_article(article)
    }

    /// Run the annotation stages on a parsed article: [`Self::entities`],
    /// [`Self::timexes`], [`Self::events`], [`Self::check_infobox`], then the analysis
    /// stage ([`crate::analysis::date_claims`]) and the source lints.
    pub fn annotate_article(&self, mut article: Article) -> AnnotatedArticle {
        let entities = self.entities(&article);
        let timexes = self.timexes(&article);
        let events = self.events(&article, &entities, &timexes);
        let event_mentions = self.event_mentions(&article);
        let infobox = self.check_infobox(&article, &entities, &timexes, &events);
        let claims = date_claims(&article, &entities, &timexes, &events, infobox.as_ref());
        let lints = crate::infobox::source_lints(&article);
        // The parser's diagnostics move here, so each is held (and written) once.
        let mut diagnostics = std::mem::take(&mut article.diagnostics);
        diagnostics.extend(lints);
        AnnotatedArticle {
            article,
            entities,
            timexes,
            events,
            event_mentions,
            infobox,
            claims,
            diagnostics,
        }
    }

    /// The entity stage, the only way to an article's entity mentions: the article's
    /// own entries (title, infobox values, See also) and the gazetteers in one pass,
    /// then the wikitext links, which beat any gazetteer mention they overlap. In text
    /// order, non-overlapping.
    ///
    /// # Examples
    /// ```
    /// use wikianno::{Label, Pipeline, RawArticle};
    ///
    /// let pipeline = Pipeline::builder()
    ///     .gazetteer_tsv("places.tsv", "Lima\tPLACE\tLima\n")
    ///     .build()
    ///     .unwrap();
    /// let article =
    ///     pipeline.parse(RawArticle::wiki_style("Trip", "= Trip =\n\nWe went to Lima, not Limache.\n"));
    /// let mentions = pipeline.entities(&article);
    /// let found: Vec<(&str, Label)> =
    ///     mentions.iter().map(|m| (m.span.slice(&article.text), m.label)).collect();
    /// // The article's subject (of no known type), then Lima; never "Lima" inside "Limache".
    /// assert_eq!(found, [("Trip", Label::Unknown), ("Lima", Label::Place)]);
    /// ```
    pub fn entities(&self, article: &Article) -> Vec<EntityMention> {
        // Each link target is looked up once, for both uses of the article's links.
        let targets = LinkTargets::new(article, &self.gazetteer);
        let local = local_entries_of(article, &self.gazetteer, &targets);
        let mut entities = self.gazetteer.find_with_local(&article.text, &local);
        if !article.links.is_empty() {
            entities = with_link_mentions_of(article, entities, &targets);
        }
        // Linked or not, a nationality word after "in"/"into"/"from" may be the language.
        name_languages(&article.text, &mut entities);
        entities
    }

    /// The date stage: temporal expressions, in text order.
    pub fn timexes(&self, article: &Article) -> Vec<Timex> {
        self.temporal.tag_article(article)
    }

    /// The event stage: frames built on the article's mentions and dates.
    pub fn events(
        &self,
        article: &Article,
        entities: &[EntityMention],
        timexes: &[Timex],
    ) -> Vec<Event> {
        self.events.extract(article, entities, timexes)
    }

    /// The event-mention layer: every TimeML event mention of the prose, with its class.
    pub fn event_mentions(&self, article: &Article) -> Vec<EventMention> {
        self.events.mentions(article)
    }

    /// The infobox stage: a verdict per infobox item; `None` when there is no infobox.
    pub fn check_infobox(
        &self,
        article: &Article,
        entities: &[EntityMention],
        timexes: &[Timex],
        events: &[Event],
    ) -> Option<InfoboxReport> {
        self.infobox.check(article, entities, timexes, events)
    }

    /// Turn one input item into its record. Never panics: an internal failure on an
    /// article becomes an error record naming it.
    pub fn process(&self, item: SourceItem) -> Record {
        match item {
            SourceItem::Article(raw) => {
                let origin = raw.origin.clone();
                match catch_unwind(AssertUnwindSafe(|| self.annotate(raw))) {
                    Ok(annotated) => Record::Article(Box::new(annotated)),
                    Err(_) => Record::Error(InputError {
                        origin,
                        message: "internal error while annotating this article".into(),
                    }),
                }
            }
            SourceItem::Redirect(redirect) => Record::Redirect(redirect),
            SourceItem::Error(error) => Record::Error(error),
        }
    }

    /// Process a stream on the pipeline's threads, calling `sink` with every record in
    /// input order. Stops early when `sink` returns an error. See [`Pipeline::run_map`].
    pub fn run<I, F, E>(&self, items: I, sink: F) -> std::result::Result<(), E>
    where
        I: IntoIterator<Item = SourceItem>,
        I::IntoIter: Send,
        F: FnMut(Record) -> std::result::Result<(), E>,
    {
        self.run_map(items, |record| record, sink)
    }

    /// Process a stream as reader -> workers -> ordered writer: a reader thread pulls
    /// items (decompressing and parsing XML) into batches of at most 64 articles or 1 MB,
    /// sent through a channel that holds two; each worker takes the next item, annotates
    /// it and applies `map` (serialize it, say), and `sink` gets the results in input
    /// order on the calling thread, each as soon as its turn comes. Workers run ahead of
    /// the record `sink` waits for by at most 64 records and
    /// [`in_flight_bytes`](PipelineBuilder::in_flight_bytes) of their input text, so
    /// memory is bounded whatever the input's size; output order never depends on timing.
    /// When `map` makes output much larger than its input (NDJSON of a page of tiny
    /// sections), use [`run_map_sized`](Self::run_map_sized) to count it too.
    pub fn run_map<I, T, M, F, E>(&self, items: I, map: M, sink: F) -> std::result::Result<(), E>
    where
        I: IntoIterator<Item = SourceItem>,
        I::IntoIter: Send,
        T: Send,
        M: Fn(Record) -> T + Sync,
        F: FnMut(T) -> std::result::Result<(), E>,
    {
        self.run_map_sized(items, map, |_| 0, sink)
    }

    /// [`run_map`](Self::run_map), where the bytes each result holds (`size`, say the
    /// length of a serialized line) count towards
    /// [`in_flight_bytes`](PipelineBuilder::in_flight_bytes) from the moment it is made
    /// until `sink` has it. A worker starts an article only while the window holds less
    /// than that, so the finished output waiting for its turn stays under the bound plus
    /// one record per worker, however much a page's output outgrows its input.
    pub fn run_map_sized<I, T, M, S, F, E>(
        &self,
        items: I,
        map: M,
        size: S,
        mut sink: F,
    ) -> std::result::Result<(), E>
    where
        I: IntoIterator<Item = SourceItem>,
        I::IntoIter: Send,
        T: Send,
        M: Fn(Record) -> T + Sync,
        S: Fn(&T) -> usize + Sync,
        F: FnMut(T) -> std::result::Result<(), E>,
    {
        let items = items.into_iter();
        let (batches, batches_rx) = mpsc::sync_channel::<Vec<SourceItem>>(QUEUED_BATCHES);
        let (done_tx, done_rx) = mpsc::channel::<Done<T>>();
        let workers = self.threads.unwrap_or_else(rayon::current_num_threads).max(1);
        let in_flight = self.in_flight_bytes.unwrap_or(IN_FLIGHT_BYTES_PER_WORKER * workers);
        let flow = Flow::new(batches_rx, in_flight);
        std::thread::scope(|scope| {
            // Owned here, so that leaving early closes it and the workers stop sending.
            let done_rx = done_rx;
            let reader = scope.spawn(move || read_batches(items, batches));
            for _ in 0..workers {
                let (flow, done_tx, map, size) = (&flow, done_tx.clone(), &map, &size);
                scope.spawn(move || {
                    while let Some(taken) = flow.take() {
                        let result = catch_unwind(AssertUnwindSafe(|| {
                            let out = map(self.process(taken.item));
                            let bytes = size(&out);
                            (out, bytes)
                        }));
                        let out_bytes = result.as_ref().map_or(0, |(_, bytes)| *bytes);
                        flow.finished(out_bytes);
                        let done = Done { seq: taken.seq, held: taken.bytes + out_bytes, result };
                        // A closed receiver means the writer stopped. Leave through
                        // `take`, which lets go of the input: a reader blocked on a full
                        // channel is released only when its receiver drops, and the scope
                        // waits for it.
                        if done_tx.send(done).is_err() {
                            flow.stop();
                        }
                    }
                });
            }
            // The workers hold the only senders: the loop below ends when they all have.
            drop(done_tx);
            // However the writer leaves (sink error, a panic of `map`), the workers and
            // the reader stop.
            let _stop = StopOnDrop(&flow);
            let mut waiting: VecDeque<Option<Done<T>>> = VecDeque::new();
            let mut next = 0u64;
            for done in done_rx.iter() {
                let at = (done.seq - next) as usize;
                if waiting.len() <= at {
                    waiting.resize_with(at + 1, || None);
                }
                waiting[at] = Some(done);
                while let Some(Some(_)) = waiting.front() {
                    let Some(Some(done)) = waiting.pop_front() else { break };
                    next += 1;
                    flow.written(done.held);
                    match done.result {
                        Ok((out, _)) => sink(out)?,
                        // `map` panicked: the caller's closure, so the caller's panic.
                        Err(panic) => resume_unwind(panic),
                    }
                }
            }
            // A record that never came (a worker thread died outside `process` and
            // `map`) is said, not skipped; the ones after it are still written.
            for done in waiting {
                match done {
                    Some(Done { result: Ok((out, _)), .. }) => sink(out)?,
                    Some(Done { result: Err(panic), .. }) => resume_unwind(panic),
                    None => sink(map(Record::Error(InputError {
                        origin: "<input>".into(),
                        message: "internal error: a worker stopped; this record was lost".into(),
                    })))?,
                }
            }
            if reader.join().is_err() {
                sink(map(Record::Error(InputError { origin: "<input>".into(), message: "internal error while reading the input; records before this one are complete".into() })))?;
            }
            Ok(())
        })
    }
}

/// How many articles (or bytes of article text) the reader sends the workers at once:
/// small enough that read-ahead holds little, large enough to keep the channel cheap.
/// A batch of real pages closes at about 35 of them by the byte bound (the gensim sample's
/// pages average 30 KB of markup), still plenty to keep the channel cheap; a run of large
/// pages reads ahead no more than that: at 4 MB, 12 MB of 256 KB pages waited in batches,
/// twice a normal dump's read-ahead (issue 10).
const BATCH_ARTICLES: usize = 64;
const BATCH_BYTES: usize = 1 << 20;
/// Batches read ahead of the workers.
const QUEUED_BATCHES: usize = 2;
/// Records the workers may be ahead of the one the writer waits for, so that one slow
/// article does not idle the other workers (while bytes allow).
const WINDOW_RECORDS: usize = 64;
/// Default of [`PipelineBuilder::in_flight_bytes`], per worker thread: enough records
/// of real articles (tens to hundreds of KB of output each) for every worker to run ahead
/// of a slow one, while a run of pages whose output is MBs holds little more than one
/// record per worker.
const IN_FLIGHT_BYTES_PER_WORKER: usize = 2 << 20;

/// Bytes of article text an item holds, as the window counts them.
fn input_bytes(item: &SourceItem) -> usize {
    match item {
        SourceItem::Article(raw) => raw.text.len(),
        SourceItem::Redirect(_) | SourceItem::Error(_) => 0,
    }
}

/// The reader thread: `items` in batches, until they end or the workers stop.
fn read_batches(mut items: impl Iterator<Item = SourceItem>, batches: SyncSender<Vec<SourceItem>>) {
    loop {
        let mut batch = Vec::with_capacity(BATCH_ARTICLES);
        let mut bytes = 0;
        for item in items.by_ref() {
            bytes += input_bytes(&item);
            batch.push(item);
            if batch.len() >= BATCH_ARTICLES || bytes >= BATCH_BYTES {
                break;
            }
        }
        // A closed receiver means the run stopped: stop reading too.
        if batch.is_empty() || batches.send(batch).is_err() {
            return;
        }
    }
}

/// A worker's result, numbered in input order.
struct Done<T> {
    seq: u64,
    /// Bytes it holds in the window: its input text and its output's size.
    held: usize,
    /// The output and its size, or the panic of `map`.
    result: std::thread::Result<(T, usize)>,
}

/// An item a worker took, numbered in input order.
struct Taken {
    seq: u64,
    item: SourceItem,
    bytes: usize,
}

/// What the workers and the writer share: the input, and the window of records taken and
/// not yet written.
struct Flow {
    input: Mutex<Input>,
    window: Mutex<Window>,
    /// Signalled when the window shrinks or the run stops.
    room: Condvar,
    limit_bytes: usize,
}

struct Input {
    /// `None` once the run stops, which ends a reader blocked on a full channel.
    batches: Option<Receiver<Vec<SourceItem>>>,
    current: std::vec::IntoIter<SourceItem>,
    next_seq: u64,
}

#[derive(Default)]
struct Window {
    /// Taken (or being taken) and not yet written.
    records: usize,
    /// Their input text, plus the output size of those finished.
    bytes: usize,
    stop: bool,
}

/// A lock that survives a panic elsewhere: the counters stay meaningful.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Flow {
    fn new(batches: Receiver<Vec<SourceItem>>, limit_bytes: usize) -> Flow {
        Flow {
            input: Mutex::new(Input {
                batches: Some(batches),
                current: Vec::new().into_iter(),
                next_seq: 0,
            }),
            window: Mutex::new(Window::default()),
            room: Condvar::new(),
            limit_bytes,
        }
    }

    /// The next item in input order, once the window has room for it (it always has when
    /// empty, so one article larger than the limit still goes through); `None` when the
    /// input ends or the run stops.
    fn take(&self) -> Option<Taken> {
        // Held while waiting, so items are taken, and numbered, one at a time in order.
        let mut input = lock(&self.input);
        {
            let mut window = lock(&self.window);
            while !window.stop
                && window.records > 0
                && (window.records >= WINDOW_RECORDS || window.bytes >= self.limit_bytes)
            {
                window = self.room.wait(window).unwrap_or_else(PoisonError::into_inner);
            }
            if window.stop {
                input.batches = None;
                return None;
            }
            window.records += 1;
        }
        let item = loop {
            if let Some(item) = input.current.next() {
                break Some(item);
            }
            match input.batches.as_ref().and_then(|batches| batches.recv().ok()) {
                Some(batch) => input.current = batch.into_iter(),
                None => break None,
            }
        };
        let mut window = lock(&self.window);
        let Some(item) = item else {
            window.records -= 1;
            self.room.notify_all();
            return None;
        };
        let bytes = input_bytes(&item);
        window.bytes += bytes;
        let seq = input.next_seq;
        input.next_seq += 1;
        Some(Taken { seq, item, bytes })
    }

    /// A worker finished a record whose output holds `bytes`.
    fn finished(&self, bytes: usize) {
        lock(&self.window).bytes += bytes;
    }

    /// The writer wrote a record that held `bytes` in the window.
    fn written(&self, bytes: usize) {
        let mut window = lock(&self.window);
        window.records -= 1;
        window.bytes -= bytes;
        self.room.notify_all();
    }

    fn stop(&self) {
        lock(&self.window).stop = true;
        self.room.notify_all();
    }
}

/// Stops a run's workers (and through them its reader) when the writer leaves.
struct StopOnDrop<'a>(&'a Flow);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}
