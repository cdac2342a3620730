//! `wikianno export`: CoNLL, spaCy JSONL, brat standoff, N-Triples or Turtle.
//!
//! Inputs: NDJSON records (`.ndjson`/`.jsonl` files, or `-` for stdin: the output of
//! `wikianno annotate`), `.jsonld` documents (RDF formats only), and anything
//! `annotate` reads (files, folders, dumps), which is annotated first.

use std::{
    collections::HashSet,
    fs,
    io::{self, BufRead, BufReader},
    path::{Path, PathBuf},
    time::Instant,
};

use clap::{Args, ValueEnum};
use wikianno::{
    output::{
        export::{brat, export_line, rdf, ExportFormat, ExportReport, Exported, LineKind},
        graph::GraphBuilder,
        ndjson,
    },
    source::{self, InputPath},
    Record,
};

use super::{
    annotate::{file_name, Output},
    PipelineArgs, EXIT_ERRORS, EXIT_OK,
};

/// Export format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// CoNLL-2003 BIO (PER/LOC/ORG/MISC), `-DOCSTART-` between documents.
    Conll,
    /// JSONL for spaCy (`tools/spacy_docbin.py` makes the `.spacy` DocBin).
    Spacy,
    /// brat standoff: `-o DIR` gets `<id>.txt`, `<id>.ann` and `annotation.conf`.
    Brat,
    /// N-Triples of the JSON-LD graph.
    Ntriples,
    /// Turtle of the JSON-LD graph.
    Turtle,
}

impl Format {
    fn export(self) -> ExportFormat {
        match self {
            Format::Conll => ExportFormat::Conll,
            Format::Spacy => ExportFormat::Spacy,
            Format::Brat => ExportFormat::Brat,
            Format::Ntriples => ExportFormat::NTriples,
            Format::Turtle => ExportFormat::Turtle,
        }
    }
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Format,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output file (default stdout); for `brat`, a folder (required).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Print a one-line summary to stderr at the end.
    #[arg(long)]
    pub stats: bool,
}

/// Where exported articles go.
enum Sink {
    Stream(Output),
    Brat { dir: PathBuf, names: HashSet<String> },
}

impl Sink {
    fn write(&mut self, exported: Exported) -> io::Result<()> {
        match self {
            Sink::Stream(out) => out.writer().write_all(&exported.body),
            Sink::Brat { dir, names } => {
                // Two articles with one id get two file pairs, never one overwritten.
                let mut stem = file_name(&exported.id, "");
                let base = stem.clone();
                let mut n = 1;
                while !names.insert(stem.clone()) {
                    n += 1;
                    stem = format!("{base}~{n}");
                }
                fs::write(dir.join(format!("{stem}.txt")), &exported.body)?;
                fs::write(dir.join(format!("{stem}.ann")), exported.ann.unwrap_or_default())
            }
        }
    }

    fn close(self) -> io::Result<()> {
        match self {
            Sink::Stream(out) => out.close(Ok(())),
            Sink::Brat { dir, .. } => {
                fs::write(dir.join("annotation.conf"), brat::annotation_conf())
            }
        }
    }
}

fn is_ndjson(path: &Path) -> bool {
    path.as_os_str() == "-"
        || matches!(path.extension().and_then(|e| e.to_str()), Some("ndjson" | "jsonl"))
}

fn is_jsonld(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some("jsonld")
}

pub fn run(args: &ExportArgs) -> Result<i32, String> {
    let started = Instant::now();
    let format = args.format.export();
    let InputKinds { records, documents, articles } = split_inputs(&args.pipeline)?;
    let mut report = ExportReport::default();
    if format.is_rdf() {
        if !records.is_empty() {
            return Err(format!(
                "{}: ntriples and turtle are written from the JSON-LD graph; give articles or .jsonld files, not NDJSON records",
                records[0].display()
            ));
        }
        return export_rdf(args, format, &documents, articles, started);
    }
    if !documents.is_empty() {
        return Err(format!(
            "{}: a JSON-LD document cannot be exported as {}; give NDJSON records or articles",
            documents[0].display(),
            format.as_str()
        ));
    }
    let mut sink = match (format, args.output.as_deref()) {
        (ExportFormat::Brat, Some(dir)) => {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            Sink::Brat { dir: dir.to_path_buf(), names: HashSet::new() }
        }
        (ExportFormat::Brat, None) => return Err("brat writes a folder: give -o DIR".into()),
        (_, out) => Sink::Stream(Output::open(out)?),
    };
    let mut bytes = 0usize;
    let written = each_record_line(&args.pipeline, &records, articles, |line| {
        match export_line(format, line, &mut report) {
            Some(exported) => sink.write(exported),
            None => Ok(()),
        }
    })
    .map(|n| bytes = n)
    .and_then(|()| sink.close());
    finish(written, format, &report, args.stats, bytes, started)
}

/// Call `f` on every NDJSON record line: those of the NDJSON files (or stdin), then
/// those of the articles annotated. Returns the NDJSON bytes seen.
pub fn each_record_line(
    pipeline: &PipelineArgs,
    ndjson: &[PathBuf],
    articles: Vec<InputPath>,
    mut f: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<usize> {
    let mut bytes = 0;
    for path in ndjson {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::with_capacity(1 << 20, io::stdin().lock()))
        } else {
            let file = fs::File::open(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            Box::new(BufReader::with_capacity(1 << 20, file))
        };
        for line in reader.lines() {
            let line = line?;
            bytes += line.len() + 1;
            if !line.trim().is_empty() {
                f(&line)?;
            }
        }
    }
    if !articles.is_empty() {
        let pipeline = pipeline.pipeline().map_err(io::Error::other)?;
        // Records are serialized on the workers, handled in input order here.
        pipeline.run_map(
            source::Inputs::new(articles),
            |record| ndjson::to_line(&record),
            |line| {
                bytes += line.len() + 1;
                f(&line)
            },
        )?;
    }
    Ok(bytes)
}

/// Split input paths into NDJSON record files, JSON-LD documents and article inputs.
pub fn split_inputs(pipeline: &PipelineArgs) -> Result<InputKinds, String> {
    let files = source::expand_paths(&pipeline.inputs()?).map_err(|e| e.to_string())?;
    let mut split = InputKinds::default();
    for file in files {
        if is_ndjson(&file.path) {
            split.records.push(file.path);
        } else if is_jsonld(&file.path) {
            split.documents.push(file.path);
        } else {
            split.articles.push(file);
        }
    }
    Ok(split)
}

/// Input paths by what they hold.
#[derive(Default)]
pub struct InputKinds {
    /// NDJSON record files (`-`: stdin).
    pub records: Vec<PathBuf>,
    /// JSON-LD documents.
    pub documents: Vec<PathBuf>,
    /// Articles to annotate.
    pub articles: Vec<InputPath>,
}

/// RDF: one graph of all articles (as `wikianno graph` builds it), or each `.jsonld`
/// document, re-serialized.
fn export_rdf(
    args: &ExportArgs,
    format: ExportFormat,
    documents: &[PathBuf],
    articles: Vec<InputPath>,
    started: Instant,
) -> Result<i32, String> {
    let syntax = match format {
        ExportFormat::NTriples => rdf::RdfSyntax::NTriples,
        _ => rdf::RdfSyntax::Turtle,
    };
    // The triples are written on rayon's workers: `-j N` bounds them too.
    let pool = match args.pipeline.jobs {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let mut report = ExportReport::default();
    let mut out = Output::open(args.output.as_deref())?;
    let mut bytes = 0;
    let mut written = Ok(());
    let mut blanks = rdf::BlankCount::default();
    for path in documents {
        let doc = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += doc.len();
        written = on_pool(pool.as_ref(), || {
            rdf::write_documents(out.writer(), &doc, syntax, &mut blanks)
        })
        .map(|_| ())
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())));
        if written.is_err() {
            break;
        }
    }
    if written.is_ok() && !articles.is_empty() {
        let pipeline = args.pipeline.pipeline()?;
        let mut graph = GraphBuilder::new();
        let _ = pipeline.run(source::Inputs::new(articles), |record| -> Result<(), ()> {
            match &record {
                Record::Article(a) => {
                    report.articles += 1;
                    bytes += ndjson::to_line(&record).len() + 1;
                    graph.add(a)
                }
                Record::Redirect(_) => report.skip(LineKind::Redirect),
                Record::Error(_) => report.skip(LineKind::Error),
            }
            Ok(())
        });
        let (document, diagnostics) = graph.finish();
        for d in &diagnostics {
            eprintln!("wikianno: {}: {}", d.kind, d.message);
        }
        written = on_pool(pool.as_ref(), || {
            rdf::write_graph_continuing(out.writer(), &document, syntax, &mut blanks)
        })
        .map(|_| ());
    }
    finish(out.close(written), format, &report, args.stats, bytes, started)
}

/// Run `write` on `pool` when `-j` made one, else on rayon's global pool (all cores).
fn on_pool<R: Send>(pool: Option<&rayon::ThreadPool>, write: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(write),
        None => write(),
    }
}

fn finish(
    written: io::Result<()>,
    format: ExportFormat,
    report: &ExportReport,
    print_stats: bool,
    bytes: usize,
    started: Instant,
) -> Result<i32, String> {
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(e) => return Err(format!("cannot export: {e}")),
    }
    for notice in report.notices(format) {
        eprintln!("wikianno: {notice}");
    }
    if print_stats {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "wikianno: export {}: {} articles from {:.2} MB of NDJSON in {:.2} s",
            format.as_str(),
            report.articles,
            bytes as f64 / 1e6,
            secs
        );
    }
    Ok(if report.errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}
