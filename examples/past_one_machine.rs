//! The "past one machine" benchmark (issue 16): one run, every figure from the same
//! machine state, printed as a table with the load average beside it.
//!
//! ```text
//! cargo build --release && cargo run --release --example past_one_machine -- [--mb 200]
//! ```
//! (`--build-only` builds the dump and stops.)
//! 1. Builds (once, under `target/bench-data/past-one-machine/`) a dump of at least
//!    `--mb` MB of XML from the gensim sample (its pages repeated with fresh page ids),
//!    as `.xml` and as a multistream `.bz2` (100 pages a stream) with its index.
//! 2. Times `wikianno annotate` (the release binary, shipped gazetteers) on the `.xml`
//!    and on the `.bz2`, and checks that both print the same NDJSON (a hash of stdout).
//!    Goal: `.bz2` at >= 90% of the `.xml` throughput.
//! 3. Times WikiExtractor (text only, `--processes 2`) on the same `.bz2`, from
//!    `target/pyenv` (made with `pip install wikiextractor` when missing).
//!    Goal: the whole wikianno pipeline >= 4x faster than its text extraction alone.
//! 4. When the `wikianno` Python package imports in `target/pyenv`: `annotate_many` over
//!    `read_dump` of the `.xml` against the CLI (goal: within 15%), and the Spark job at
//!    `local[1]` and `local[2]` (goal: >= 1.7x). Otherwise those rows say why not.

use std::{
    hash::Hasher,
    io::{BufRead, BufReader, Read, Write},
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::Instant,
};

use clap::Parser;
use wikianno::source::multistream::write_multistream;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const GENSIM: &str =
    "enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2";

/// Pages per bz2 stream, as in Wikimedia's multistream dumps.
const PAGES_PER_STREAM: usize = 100;

struct Dump {
    xml: PathBuf,
    bz2: PathBuf,
    index: PathBuf,
}

/// The benchmark dump, built when missing or smaller than `mb`.
fn build_dump(mb: u64) -> Dump {
    let dir = root().join("target/bench-data/past-one-machine");
    std::fs::create_dir_all(&dir).expect("create target/bench-data");
    let dump = Dump {
        xml: dir.join(format!("gensim-x{mb}mb.xml")),
        bz2: dir.join(format!("gensim-x{mb}mb-multistream.xml.bz2")),
        index: dir.join(format!("gensim-x{mb}mb-multistream-index.txt.bz2")),
    };
    if dump.bz2.is_file() && dump.index.is_file() && dump.xml.is_file() {
        return dump;
    }
    let sample = root().join("../shared/data").join(GENSIM);
    let mut source = Vec::new();
    bzip2::read::MultiBzDecoder::new(std::fs::File::open(&sample).unwrap_or_else(|e| {
        panic!("{}: {e} (the gensim sample lives in ../shared/data)", sample.display())
    }))
    .read_to_end(&mut source)
    .expect("decompress the gensim sample");
    let xml = repeat_pages(&source, mb * 1_000_000);
    std::fs::write(&dump.xml, &xml).expect("write the .xml");
    let (mut bz2, mut index) = (Vec::new(), Vec::new());
    let pages = write_multistream(&xml, &mut bz2, &mut index, PAGES_PER_STREAM)
        .expect("compress the multistream dump");
    std::fs::write(&dump.bz2, bz2).expect("write the .bz2");
    std::fs::write(&dump.index, index).expect("write the index");
    eprintln!("built {} ({:.1} MB XML, {pages} pages)", dump.bz2.display(), xml.len() as f64 / 1e6);
    dump
}

/// `export`'s header, then its pages again and again, each with a fresh page id, until
/// at least `bytes`, then its footer.
fn repeat_pages(export: &[u8], bytes: u64) -> Vec<u8> {
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        memchr::memmem::find(&hay[from..], needle).map(|at| at + from)
    };
    let first = find(export, b"<page>", 0).expect("a <page> in the sample");
    let mut pages = Vec::new();
    let mut at = first;
    while let Some(start) = find(export, b"<page>", at) {
        let end = find(export, b"</page>", start).expect("</page>") + b"</page>".len();
        pages.push(&export[start..end]);
        at = end;
    }
    let footer = &export[at..];
    let mut xml = export[..first].to_vec();
    let mut id = 1u64;
    while (xml.len() as u64) < bytes {
        for page in &pages {
            // The page's own id is its first <id> (the revision's comes later).
            let open = find(page, b"<id>", 0).expect("<id>");
            let close = find(page, b"</id>", open).expect("</id>");
            xml.extend_from_slice(&page[..open]);
            xml.extend_from_slice(format!("<id>{id}").as_bytes());
            xml.extend_from_slice(&page[close..]);
            xml.extend_from_slice(b"\n  ");
            id += 1;
        }
    }
    xml.extend_from_slice(footer);
    xml
}

/// A timed child process: wall seconds, and a hash and line count of its stdout.
struct Run {
    secs: f64,
    hash: u64,
    lines: u64,
}

/// Run `command` in the repository's folder (where `gazetteers/` is); an exit code
/// outside `ok` (0 always is) is an error. `input` (the dump's path) is hashed as `DUMP`.
fn run(command: &mut Command, ok: &[i32], input: &Path) -> Result<Run, String> {
    let input = input.to_string_lossy().into_owned();
    let started = Instant::now();
    let mut child = command
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{command:?}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut lines = 0u64;
    let mut reader = BufReader::with_capacity(1 << 20, stdout);
    let mut line = Vec::new();
    let mut plain = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            break;
        }
        lines += 1;
        // Records name their dump (`source`): hash them as if it were one file.
        plain.clear();
        let mut rest = &line[..];
        while let Some(at) = memchr::memmem::find(rest, input.as_bytes()) {
            plain.extend_from_slice(&rest[..at]);
            plain.extend_from_slice(b"DUMP");
            rest = &rest[at + input.len()..];
        }
        plain.extend_from_slice(rest);
        hasher.write(&plain);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    let errors = errors.join().unwrap_or_default();
    if !(status.success() || status.code().is_some_and(|code| ok.contains(&code))) {
        let last = errors.lines().last().unwrap_or("").to_string();
        return Err(format!("exit {status}: {last}"));
    }
    Ok(Run { secs, hash: hasher.finish(), lines })
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_string())
}

/// The Python of `target/pyenv`, with WikiExtractor installed in it.
fn pyenv() -> Result<PathBuf, String> {
    let env = root().join("target/pyenv");
    let python = env.join("bin/python");
    let has = |module: &str| {
        Command::new(&python)
            .args(["-c", &format!("import {module}")])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !python.is_file() {
        let made = Command::new("python3").args(["-m", "venv"]).arg(&env).status();
        if !made.is_ok_and(|s| s.success()) {
            return Err("python3 -m venv target/pyenv failed".to_string());
        }
    }
    if !has("wikiextractor") {
        let installed =
            Command::new(&python).args(["-m", "pip", "install", "-q", "wikiextractor"]).status();
        if !installed.is_ok_and(|s| s.success()) || !has("wikiextractor") {
            return Err("pip install wikiextractor failed".to_string());
        }
    }
    Ok(python)
}

/// One row of the table.
struct Row {
    what: String,
    result: Result<f64, String>,
    mb: f64,
    goal: String,
}

/// The "past one machine" benchmark, printed as a table.
#[derive(Parser)]
struct Args {
    /// Least size of the benchmark dump's XML, in MB.
    #[arg(long, default_value_t = 200)]
    mb: u64,
    /// Build the dump and stop.
    #[arg(long)]
    build_only: bool,
}

fn main() {
    let Args { mb, build_only } = Args::parse();
    if build_only {
        build_dump(mb);
        return;
    }
    let bin = root().join("target/release/wikianno");
    assert!(bin.is_file(), "{} is missing: run `cargo build --release` first", bin.display());
    let dump = build_dump(mb);
    let xml_mb = std::fs::metadata(&dump.xml).expect("the .xml").len() as f64 / 1e6;
    let bz2_mb = std::fs::metadata(&dump.bz2).expect("the .bz2").len() as f64 / 1e6;
    let load_before = load_average();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut rows: Vec<Row> = Vec::new();

    // `annotate` exits 1 when some records are error records (a dump has a few).
    let annotate = |path: &Path| run(Command::new(&bin).arg("annotate").arg(path), &[1], path);
    let xml = annotate(&dump.xml);
    let bz2 = annotate(&dump.bz2);
    let same = match (&xml, &bz2) {
        (Ok(a), Ok(b)) => {
            if a.hash == b.hash {
                format!("yes, {} records", a.lines)
            } else {
                format!("NO ({} vs {} lines)", a.lines, b.lines)
            }
        }
        _ => "n/a".to_string(),
    };
    let xml_secs = xml.as_ref().map(|r| r.secs).ok();
    rows.push(Row {
        what: "wikianno annotate .xml".into(),
        result: xml.map(|r| r.secs),
        mb: xml_mb,
        goal: String::new(),
    });
    let bz2_secs = bz2.as_ref().map(|r| r.secs).ok();
    let ratio = match (xml_secs, bz2_secs) {
        (Some(x), Some(b)) => format!("{:.0}% of .xml (goal >= 90%)", 100.0 * x / b),
        _ => String::new(),
    };
    rows.push(Row {
        what: "wikianno annotate .bz2".into(),
        result: bz2.map(|r| r.secs),
        mb: xml_mb,
        goal: ratio,
    });

    let python = pyenv();
    let extractor = python.clone().and_then(|python| {
        let out = dump.bz2.with_extension("wikiextractor");
        let _ = std::fs::remove_dir_all(&out);
        let result = run(
            Command::new(&python)
                .args(["-m", "wikiextractor.WikiExtractor", "--processes", "2", "-q", "-o"])
                .arg(&out)
                .arg(&dump.bz2),
            &[],
            &dump.bz2,
        );
        let _ = std::fs::remove_dir_all(&out);
        result.map(|r| r.secs)
    });
    let speedup = match (&extractor, bz2_secs) {
        (Ok(w), Some(b)) => format!("wikianno .bz2 {:.1}x faster (goal >= 4x)", w / b),
        _ => String::new(),
    };
    rows.push(Row {
        what: "WikiExtractor .bz2 (text, 2 processes)".into(),
        result: extractor,
        mb: xml_mb,
        goal: speedup,
    });

    let package = python.and_then(|python| {
        let imported = Command::new(&python)
            .args(["-c", "import wikianno"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if imported {
            Ok(python)
        } else {
            Err("the wikianno package is not installed in target/pyenv".to_string())
        }
    });
    let many = package.clone().and_then(|python| {
        let script = "import sys, wikianno\n\
                      n = 0\n\
                      for record in wikianno.Pipeline().annotate_many(wikianno.read_dump(sys.argv[1])):\n    \
                      n += 1\n\
                      print(n)\n";
        run(Command::new(&python).args(["-c", script]).arg(&dump.xml), &[], &dump.xml).map(|r| r.secs)
    });
    let within = match (&many, xml_secs) {
        (Ok(p), Some(x)) => {
            format!("{:+.0}% vs the CLI on .xml (goal within 15%)", 100.0 * (p - x) / x)
        }
        _ => String::new(),
    };
    rows.push(Row {
        what: "Python annotate_many(read_dump(.xml))".into(),
        result: many,
        mb: xml_mb,
        goal: within,
    });
    let spark = |workers: u32| {
        package.clone().and_then(|python| {
            let out = dump.bz2.with_extension(format!("spark{workers}"));
            let _ = std::fs::remove_dir_all(&out);
            let result = run(
                Command::new(&python)
                    .args(["-m", "wikianno.spark"])
                    .arg(&dump.bz2)
                    .arg("--index")
                    .arg(&dump.index)
                    .arg("-o")
                    .arg(&out)
                    .args(["--master", &format!("local[{workers}]")]),
                &[],
                &dump.bz2,
            );
            let _ = std::fs::remove_dir_all(&out);
            result.map(|r| r.secs)
        })
    };
    let spark1 = spark(1);
    let spark2 = spark(2);
    let scaling = match (&spark1, &spark2) {
        (Ok(one), Ok(two)) => format!("{:.2}x local[1] (goal >= 1.7x)", one / two),
        _ => String::new(),
    };
    rows.push(Row {
        what: "Spark local[1], .bz2".into(),
        result: spark1,
        mb: xml_mb,
        goal: String::new(),
    });
    rows.push(Row {
        what: "Spark local[2], .bz2".into(),
        result: spark2,
        mb: xml_mb,
        goal: scaling,
    });

    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "dump: {xml_mb:.1} MB XML, {bz2_mb:.1} MB multistream bz2 ({PAGES_PER_STREAM} pages a stream); \
         {cores} cores; load average {load_before} before, {} after",
        load_average()
    );
    let _ = writeln!(out, ".xml and .bz2 give the same NDJSON: {same}");
    let _ = writeln!(out, "| run | seconds | MB/s of XML | against the goal |");
    let _ = writeln!(out, "| --- | ---: | ---: | --- |");
    for row in rows {
        let (secs, speed) = match &row.result {
            Ok(secs) => (format!("{secs:.1}"), format!("{:.1}", row.mb / secs)),
            Err(why) => (format!("n/a ({why})"), String::new()),
        };
        let _ = writeln!(out, "| {} | {secs} | {speed} | {} |", row.what, row.goal);
    }
}
