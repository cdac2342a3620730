//! `wikianno annotate`: NDJSON (or JSON-LD) records for every article.

use std::{
    fs,
    io::{self, BufWriter, Write},
    path::{Path, PathBuf},
    time::Instant,
};

use clap::{Args, ValueEnum};
use wikianno::{
    output::{jsonld, ndjson},
    source, Record, SourceItem,
};

use super::{PipelineArgs, EXIT_ERRORS, EXIT_OK};

/// Output format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON record per line.
    Ndjson,
    /// One JSON-LD document per article: one per line, or `<id>.jsonld` files in `-o DIR`.
    Jsonld,
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Write to FILE instead of stdout (written to FILE.tmp, renamed when complete).
    /// With `--format jsonld`, a folder (created if missing) that gets one `<id>.jsonld` per article.
    #[arg(short = 'o', long = "output", value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "ndjson")]
    pub format: Format,
    /// Print a one-line summary to stderr at the end.
    #[arg(long)]
    pub stats: bool,
}

/// Counts for `--stats`.
#[derive(Default)]
pub struct Stats {
    pub articles: usize,
    pub redirects: usize,
    pub errors: usize,
    pub bytes: usize,
}

impl Stats {
    pub fn count(&mut self, record: &Record) {
        match record {
            Record::Article(a) => {
                self.articles += 1;
                self.bytes += a.article.text.len();
            }
            Record::Redirect { .. } => self.redirects += 1,
            Record::Error { .. } => self.errors += 1,
        }
    }

    pub fn print(&self, started: Instant) {
        let secs = started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        eprintln!(
            "wikianno: {} articles, {} redirects, {} errors, {:.2} MB in {:.2} s ({:.2} MB/s)",
            self.articles,
            self.redirects,
            self.errors,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
}

/// Open the input paths as one stream of items.
pub fn open_inputs(paths: &[PathBuf]) -> Result<Box<dyn Iterator<Item = SourceItem> + Send>, String> {
    let files = source::expand_paths(paths).map_err(|e| e.to_string())?;
    Ok(Box::new(source::FileSource::new(files)))
}

/// Where records go: stdout, or a temporary file renamed over FILE at the end.
pub struct Output {
    writer: Box<dyn Write>,
    finish: Option<(PathBuf, PathBuf)>,
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<Output, String> {
        match path {
            None => Ok(Output { writer: Box::new(BufWriter::new(io::stdout().lock())), finish: None }),
            Some(path) => {
                let mut tmp = path.as_os_str().to_owned();
                tmp.push(".tmp");
                let tmp = PathBuf::from(tmp);
                let file = fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
                Ok(Output { writer: Box::new(BufWriter::new(file)), finish: Some((tmp, path.to_path_buf())) })
            }
        }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Flush, and move the temporary file into place.
    pub fn close(mut self) -> io::Result<()> {
        self.writer.flush()?;
        drop(self.writer);
        if let Some((tmp, path)) = self.finish {
            fs::rename(tmp, path)?;
        }
        Ok(())
    }
}

pub fn run(args: &AnnotateArgs) -> Result<i32, String> {
    let started = Instant::now();
    let pipeline = args.pipeline.pipeline()?;
    let inputs = open_inputs(&args.pipeline.inputs()?)?;
    if let (Format::Jsonld, Some(dir)) = (args.format, args.output.as_deref()) {
        return jsonld_files(args, &pipeline, inputs, dir, started);
    }
    let mut out = Output::open(args.output.as_deref())?;
    let mut stats = Stats::default();
    let result = pipeline.run(inputs, |record| {
        stats.count(&record);
        match (args.format, &record) {
            (Format::Ndjson, _) => ndjson::write_record(out.writer(), &record),
            (Format::Jsonld, Record::Article(a)) => jsonld::write_document(out.writer(), a),
            (Format::Jsonld, _) => {
                report_skipped(&record);
                Ok(())
            }
        }
    });
    match result.and_then(|()| out.close()) {
        Ok(()) => {}
        // A closed stdout (`| head`) ends the run quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(e) => return Err(format!("cannot write output: {e}")),
    }
    if args.stats {
        stats.print(started);
    }
    Ok(if stats.errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}

/// A record JSON-LD has no document for: errors go to stderr (never silently), redirects
/// are not articles.
fn report_skipped(record: &Record) {
    if let Record::Error { origin, message } = record {
        eprintln!("wikianno: {origin}: {message}");
    }
}

/// A file name for an article id: path separators and what Windows forbids are
/// percent-encoded, so every id gets its own file inside the folder.
fn jsonld_file_name(id: &str) -> String {
    let mut name = String::with_capacity(id.len() + 7);
    for (i, ch) in id.chars().enumerate() {
        match ch {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '%' => name.push_str(&format!("%{:02X}", ch as u32)),
            '.' if i == 0 => name.push_str("%2E"),
            c if c.is_control() => name.push_str(&format!("%{:02X}", c as u32)),
            c => name.push(c),
        }
    }
    if name.is_empty() {
        name.push('_');
    }
    name.push_str(".jsonld");
    name
}

/// `annotate --format jsonld -o DIR`: one `<id>.jsonld` file per article.
fn jsonld_files(
    args: &AnnotateArgs,
    pipeline: &wikianno::Pipeline,
    inputs: Box<dyn Iterator<Item = SourceItem> + Send>,
    dir: &Path,
    started: Instant,
) -> Result<i32, String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut stats = Stats::default();
    let result = pipeline.run(inputs, |record| {
        stats.count(&record);
        match &record {
            Record::Article(a) => {
                let path = dir.join(jsonld_file_name(&a.article.id));
                let mut file = BufWriter::new(fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?);
                jsonld::write_document(&mut file, a)
                    .and_then(|()| file.flush())
                    .map_err(|e| format!("{}: {e}", path.display()))
            }
            other => {
                report_skipped(other);
                Ok(())
            }
        }
    });
    result.map_err(|e| format!("cannot write output: {e}"))?;
    if args.stats {
        stats.print(started);
    }
    Ok(if stats.errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}
