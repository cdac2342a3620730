//! `wikianno annotate`: NDJSON (or JSON-LD) records for every article.

use std::{
    collections::HashSet,
    fs,
    hash::Hasher,
    io::{self, BufWriter, IsTerminal, Write},
    path::{Path, PathBuf},
    sync::atomic::Ordering,
    time::Instant,
};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use wikianno::{
    output::{jsonld, ndjson, parquet::ParquetWriter},
    source::{self, multistream::ByteRange, DumpSource, InputProgress, Inputs},
    InputError, Record, SourceItem,
};

use super::{PipelineArgs, EXIT_ERRORS, EXIT_OK};

/// Output format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON record per line.
    Ndjson,
    /// One JSON-LD document per article: one per line, or `<id>.jsonld` files with `-o DIR`.
    Jsonld,
    /// One TimeML document per article (TIMEX3 elements), one after another.
    Timeml,
    /// One Parquet file (needs `-o FILE`): a row per record, typed nested columns and the
    /// NDJSON line.
    Parquet,
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Write to FILE instead of stdout (written to FILE.tmp, renamed when complete);
    /// with `--format jsonld`, a folder that gets one `<id>.jsonld` file per article.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "ndjson")]
    pub format: Format,
    /// Print a one-line summary to stderr at the end.
    #[arg(long)]
    pub stats: bool,
    /// Read only bytes START:END of one multistream .bz2 dump (a line of `wikianno split`):
    /// both must be where a bz2 stream starts (END may be the file's end).
    #[arg(long, value_name = "START:END")]
    pub byte_range: Option<ByteRange>,
}

/// The items to annotate, and counters that follow them.
type Items = (Box<dyn Iterator<Item = SourceItem> + Send>, InputProgress);

/// The input paths, or with `--byte-range` that range of the one dump given.
fn open_items(args: &AnnotateArgs) -> Result<Items, String> {
    let Some(range) = args.byte_range else {
        let inputs = open_inputs(&args.pipeline)?;
        let progress = inputs.progress();
        return Ok((Box::new(inputs), progress));
    };
    let [dump] = args.pipeline.paths.as_slice() else {
        let given: Vec<_> = args.pipeline.paths.iter().map(|p| p.display().to_string()).collect();
        return Err(format!(
            "--byte-range {range} reads one dump; {} paths were given: {}",
            given.len(),
            given.join(", ")
        ));
    };
    let xml = source::multistream::open_range(dump, range).map_err(|e| e.to_string())?;
    let pages = DumpSource::from_reader(xml, &dump.to_string_lossy())
        .max_page_bytes(args.pipeline.max_article_bytes);
    let progress =
        InputProgress { bytes_read: pages.bytes_read(), bytes_total: 0, skipped: pages.skipped() };
    Ok((Box::new(pages), progress))
}

/// Counts for `--stats`.
#[derive(Default)]
pub struct Stats {
    pub articles: usize,
    pub redirects: usize,
    pub errors: usize,
    /// Bytes of article text (the rendered text of every article record).
    pub bytes: usize,
}

/// What one record adds to [`Stats`], computed on the worker with its serialized line.
#[derive(Clone, Copy)]
pub enum Counted {
    Article(usize),
    Redirect,
    Error,
}

impl Counted {
    pub fn of(record: &Record) -> Counted {
        match record {
            Record::Article(a) => Counted::Article(a.article.text.len()),
            Record::Redirect(_) => Counted::Redirect,
            Record::Error(_) => Counted::Error,
        }
    }
}

impl Stats {
    /// Count a record (on the thread that has it).
    pub fn count(&mut self, record: &Record) {
        self.add(Counted::of(record));
    }

    pub fn add(&mut self, counted: Counted) {
        match counted {
            Counted::Article(bytes) => {
                self.articles += 1;
                self.bytes += bytes;
            }
            Counted::Redirect => self.redirects += 1,
            Counted::Error => self.errors += 1,
        }
    }

    /// Records written.
    pub fn records(&self) -> usize {
        self.articles + self.redirects + self.errors
    }

    pub fn print(&self, started: Instant, input: &InputProgress) {
        let secs = started.elapsed().as_secs_f64();
        let mb = input.bytes_read.load(Ordering::Relaxed) as f64 / 1e6;
        let text_mb = self.bytes as f64 / 1e6;
        eprintln!(
            "wikianno: {} records: {} articles, {} redirects, {} errors; {} pages skipped (not namespace 0); {:.2} MB input ({:.2} MB text) in {:.2} s ({:.2} MB/s)",
            self.records(),
            self.articles,
            self.redirects,
            self.errors,
            input.skipped.load(Ordering::Relaxed),
            mb,
            text_mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
}

/// Open the input paths as one stream of items (plain files, folders, `-`, dumps).
pub fn open_inputs(args: &PipelineArgs) -> Result<Inputs, String> {
    let files = source::expand_paths(&args.inputs()?).map_err(|e| e.to_string())?;
    Ok(Inputs::new(files).max_article_bytes(args.max_article_bytes))
}

/// A progress bar on stderr (pages, MB, pages/s, ETA from the input size), only when
/// stderr is a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    input: InputProgress,
    started: Instant,
}

impl Progress {
    fn new(input: InputProgress, started: Instant) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(input.bytes_total.max(1));
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] [{wide_bar}] {bytes}/{total_bytes} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress { bar, input, started }
    }

    fn tick(&self, stats: &Stats) {
        let Some(bar) = &self.bar else { return };
        if !stats.records().is_multiple_of(64) {
            return;
        }
        bar.set_position(self.input.bytes_read.load(Ordering::Relaxed));
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{} pages, {:.0} pages/s",
            stats.records(),
            stats.records() as f64 / secs
        ));
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Where records go: stdout, or a temporary file renamed over FILE at the end.
pub struct Output {
    writer: Box<dyn Write + Send>,
    finish: Option<(PathBuf, PathBuf)>,
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<Output, String> {
        match path {
            None => Ok(Output { writer: Box::new(BufWriter::new(io::stdout())), finish: None }),
            // A device, pipe or socket (`-o /dev/null`, a FIFO) is written in place: a
            // temporary file renamed over it would replace the device with a file.
            Some(path) if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Ok(Output { writer: Box::new(BufWriter::new(file)), finish: None })
            }
            Some(path) => {
                let tmp = temporary_path(path);
                let file = fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
                Ok(Output {
                    writer: Box::new(BufWriter::new(file)),
                    finish: Some((tmp, path.to_path_buf())),
                })
            }
        }
    }

    pub fn writer(&mut self) -> &mut (dyn Write + Send) {
        &mut self.writer
    }

    /// Flush, and move the temporary file into place. A run killed before this leaves
    /// only FILE.tmp, never a FILE that looks complete. `written` is how writing went:
    /// on any failure (there, in the flush or in the rename) the temporary file is
    /// removed and the error names FILE.
    pub fn close(self, written: io::Result<()>) -> io::Result<()> {
        let Output { mut writer, finish } = self;
        let flushed = written.and_then(|()| writer.flush());
        drop(writer);
        let Some((tmp, path)) = finish else { return flushed };
        let done = flushed.and_then(|()| fs::rename(&tmp, &path));
        done.map_err(|e| {
            let _ = fs::remove_file(&tmp);
            io::Error::new(e.kind(), format!("{}: {e} (nothing written there)", path.display()))
        })
    }
}

/// FILE.tmp, where FILE is written until it is complete.
fn temporary_path(path: &Path) -> PathBuf {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    PathBuf::from(tmp)
}

pub fn run(args: &AnnotateArgs) -> Result<i32, String> {
    let started = Instant::now();
    if let (Format::Parquet, None) = (args.format, &args.output) {
        return Err("--format parquet writes a file: give it with -o FILE".to_string());
    }
    let pipeline = args.pipeline.pipeline()?;
    let (inputs, input) = open_items(args)?;
    match (args.format, args.output.as_deref()) {
        (Format::Jsonld, Some(dir)) => {
            return jsonld_files(args, &pipeline, (inputs, input), dir, started)
        }
        (Format::Parquet, Some(path)) => {
            return parquet_file(args, &pipeline, (inputs, input), path, started)
        }
        _ => {}
    }
    let mut out = Output::open(args.output.as_deref())?;
    let mut stats = Stats::default();
    let progress = Progress::new(input.clone(), started);
    let format = args.format;
    // Records are serialized on the workers; the writer only appends lines in order. The
    // lines count towards the run's in-flight bytes: a page can serialize to many times
    // its size.
    let result = pipeline.run_map_sized(
        inputs,
        |record| {
            // Held until its turn at its own size (no doubled capacity): pages of tiny
            // sections serialize to MBs each.
            let mut line = wikianno::output::Chunked::default();
            // Writing to memory cannot fail.
            let _ = match (format, &record) {
                (Format::Ndjson, _) => ndjson::write_record(&mut line, &record),
                (Format::Jsonld, Record::Article(a)) => jsonld::write_document(&mut line, a),
                (Format::Timeml, Record::Article(a)) => {
                    wikianno::output::timeml::write_document(&mut line, a)
                }
                (Format::Jsonld | Format::Timeml, _) => Ok(()),
                // Written by `parquet_file`, never here.
                (Format::Parquet, _) => Ok(()),
            };
            let skipped = matches!(format, Format::Jsonld | Format::Timeml)
                .then(|| skipped_notice(&record))
                .flatten();
            (Counted::of(&record), line, skipped)
        },
        |(_, line, skipped)| line.len() + skipped.as_ref().map_or(0, String::len),
        |(counted, line, skipped)| {
            stats.add(counted);
            progress.tick(&stats);
            if let Some(notice) = skipped {
                eprintln!("{notice}");
            }
            line.write_to(out.writer())
        },
    );
    progress.finish();
    conclude(out.close(result), &stats, args.stats, started, &input)
}

/// `annotate --format parquet -o FILE`: every record a row of one Parquet file, written
/// to FILE.tmp and renamed when complete.
fn parquet_file(
    args: &AnnotateArgs,
    pipeline: &wikianno::Pipeline,
    (inputs, input): Items,
    path: &Path,
    started: Instant,
) -> Result<i32, String> {
    let mut out = Output::open(Some(path))?;
    let mut stats = Stats::default();
    let progress = Progress::new(input.clone(), started);
    let mut writer =
        ParquetWriter::new(out.writer()).map_err(|e| format!("{}: {e}", path.display()))?;
    let result = pipeline.run_map(
        inputs,
        |record| record,
        |record| {
            stats.count(&record);
            progress.tick(&stats);
            writer.write(&record)
        },
    );
    let written = result.and_then(|()| writer.finish().map(drop));
    progress.finish();
    conclude(out.close(written), &stats, args.stats, started, &input)
}

/// End a run: a closed stdout (`| head`) ends it quietly; another write error is a
/// setup error; otherwise print `--stats` when asked and exit 1 if any record was an error.
pub fn conclude(
    written: io::Result<()>,
    stats: &Stats,
    print_stats: bool,
    started: Instant,
    input: &InputProgress,
) -> Result<i32, String> {
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(e) => return Err(format!("cannot write output: {e}")),
    }
    if print_stats {
        stats.print(started, input);
    }
    Ok(if stats.errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}

/// A record JSON-LD has no document for: errors are reported on stderr (never
/// silently); redirects are not articles.
fn skipped_notice(record: &Record) -> Option<String> {
    match record {
        Record::Error(InputError { origin, message, .. }) => {
            Some(format!("wikianno: {origin}: {message}"))
        }
        _ => None,
    }
}

/// Longest file name written, in bytes, `.jsonld` included: file systems allow 255.
const MAX_FILE_NAME_BYTES: usize = 240;

/// A file name for an article id with `extension` (`.jsonld`; `export --format brat`
/// uses it too): path separators and what Windows forbids are percent-encoded, so every
/// id gets its own file inside the folder. A name that would pass
/// [`MAX_FILE_NAME_BYTES`] is cut at a char boundary and ends with a hash of the whole
/// id, so two long ids that share a beginning still get two files.
pub fn file_name(id: &str, extension: &str) -> String {
    let mut name = String::with_capacity(id.len() + 7);
    for (i, ch) in id.chars().enumerate() {
        match ch {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '%' | '~' => {
                name.push_str(&format!("%{:02X}", ch as u32))
            }
            '.' if i == 0 => name.push_str("%2E"),
            c if c.is_control() => name.push_str(&format!("%{:02X}", c as u32)),
            c => name.push(c),
        }
    }
    if name.is_empty() {
        name.push('_');
    }
    if name.len() + extension.len() > MAX_FILE_NAME_BYTES {
        let hash = format!("~{:016x}", fnv1a(id.as_bytes()));
        let mut cut = MAX_FILE_NAME_BYTES - extension.len() - hash.len();
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
        name.push_str(&hash);
    }
    name.push_str(extension);
    name
}

/// FNV-1a, 64 bits: a hash that is the same on every platform and release (file names
/// must not change from run to run).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// File names given out in one run: a second article with the same id (or one that
/// differs only in case, for case-insensitive file systems) gets `NAME~2.jsonld`, and
/// so on, instead of overwriting the first.
#[derive(Default)]
struct FileNames {
    taken: HashSet<String>,
}

impl FileNames {
    fn claim(&mut self, id: &str) -> String {
        let name = file_name(id, ".jsonld");
        if self.taken.insert(name.to_lowercase()) {
            return name;
        }
        let stem = name.strip_suffix(".jsonld").unwrap_or(&name);
        (2u64..)
            .map(|n| {
                let suffix = format!("~{n}.jsonld");
                let mut cut = stem.len().min(MAX_FILE_NAME_BYTES - suffix.len());
                while !stem.is_char_boundary(cut) {
                    cut -= 1;
                }
                format!("{}{suffix}", &stem[..cut])
            })
            .find(|candidate| self.taken.insert(candidate.to_lowercase()))
            .unwrap_or(name)
    }
}

/// Write one JSON-LD document to `path` through `path.tmp`; on failure the temporary
/// file is removed and the error names `path`.
fn write_jsonld_file(path: &Path, article: &wikianno::AnnotatedArticle) -> io::Result<()> {
    let tmp = temporary_path(path);
    let written = fs::File::create(&tmp).and_then(|file| {
        let mut file = BufWriter::new(file);
        jsonld::write_document(&mut file, article)?;
        file.flush()
    });
    written.and_then(|()| fs::rename(&tmp, path)).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io::Error::new(e.kind(), format!("{}: {e} (nothing written there)", path.display()))
    })
}

/// `annotate --format jsonld -o DIR`: one `<id>.jsonld` file per article.
fn jsonld_files(
    args: &AnnotateArgs,
    pipeline: &wikianno::Pipeline,
    (inputs, input): Items,
    dir: &Path,
    started: Instant,
) -> Result<i32, String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut stats = Stats::default();
    let mut names = FileNames::default();
    let result = pipeline.run(inputs, |record| {
        stats.count(&record);
        match &record {
            Record::Article(a) => write_jsonld_file(&dir.join(names.claim(&a.article.id)), a),
            other => {
                if let Some(notice) = skipped_notice(other) {
                    eprintln!("{notice}");
                }
                Ok(())
            }
        }
    });
    result.map_err(|e| format!("cannot write output: {e}"))?;
    if args.stats {
        stats.print(started, &input);
    }
    Ok(if stats.errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_bounded_and_unique() {
        let long = "É".repeat(400);
        let name = file_name(&long, ".jsonld");
        assert!(name.len() <= MAX_FILE_NAME_BYTES && name.ends_with(".jsonld"), "{name}");
        assert_ne!(name, file_name(&format!("{long}x"), ".jsonld"));
        let mut names = FileNames::default();
        let got: Vec<String> =
            ["A", "A", "a", "A~2", &long, &long].iter().map(|id| names.claim(id)).collect();
        assert_eq!(got[..4], ["A.jsonld", "A~2.jsonld", "a~3.jsonld", "A%7E2.jsonld"]);
        assert!(got[5].ends_with("~2.jsonld") && got[5].len() <= MAX_FILE_NAME_BYTES, "{}", got[5]);
        assert_ne!(got[4], got[5]);
        assert_eq!(file_name("a/b:c", ".jsonld"), "a%2Fb%3Ac.jsonld");
        assert_eq!(file_name(".x", ".jsonld"), "%2Ex.jsonld");
    }

    /// File names must not change between releases: the hash is FNV-1a's published
    /// 64-bit function (test vectors of its authors).
    #[test]
    fn file_name_hash_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    /// A writer that fails like a full disk once `room` bytes are written.
    struct FullDisk {
        room: usize,
    }

    impl Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.room {
                return Err(io::Error::other("No space left on device"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_names_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.ndjson");
        let out = Output::open(Some(&path)).expect("open");
        let tmp = temporary_path(&path);
        assert!(tmp.exists());
        // The same Output, writing into a disk that fills after 10 bytes.
        let mut out = Output { writer: Box::new(FullDisk { room: 10 }), finish: out.finish };
        let written = out.writer().write_all(&[b'x'; 64]);
        let err = out.close(written).expect_err("full disk");
        assert!(err.to_string().contains(&path.display().to_string()), "{err}");
        assert!(!tmp.exists() && !path.exists());

        // A rename that fails (FILE is a non-empty folder): same promise.
        let blocked = dir.path().join("blocked");
        fs::create_dir_all(blocked.join("inside")).expect("folder");
        let mut out = Output::open(Some(&blocked)).expect("open");
        let written = out.writer().write_all(b"{}\n");
        let err = out.close(written).expect_err("rename over a folder");
        assert!(err.to_string().contains("blocked"), "{err}");
        assert!(!temporary_path(&blocked).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        // `-o /dev/null` once renamed a temporary file over the device (as root, that
        // replaced /dev/null with a regular file for the whole machine).
        let null = Path::new("/dev/null");
        if !fs::metadata(null).is_ok_and(|m| m.file_type().is_char_device()) {
            eprintln!("skipped: /dev/null is not a character device here");
            return;
        }
        let mut out = Output::open(Some(null)).expect("open");
        let written = out.writer().write_all(b"{}\n");
        out.close(written).expect("close");
        assert!(fs::metadata(null).expect("exists").file_type().is_char_device());
        assert!(!temporary_path(null).exists());
    }
}
