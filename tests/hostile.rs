//! Hostile input (issue 10): one test per promise. Every input is generated here; large
//! ones are streamed from generators, never written out whole. Time-scaling checks are
//! `#[ignore]`d (CI runs them in release mode, one at a time: `cargo test --release --test hostile --
//! --ignored`); memory is checked with a per-thread allocation counter (library) or the
//! child's peak resident size (CLI).

mod common;

#[path = "../benches/support/hostile.rs"]
mod hostile;

use std::{
    alloc::{GlobalAlloc, Layout, System},
    cell::Cell,
    fs,
    io::{self, Read, Write},
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use hostile::Shape;
use std::sync::atomic::{AtomicUsize, Ordering};
use wikianno::{
    output::ndjson,
    source::{expand_paths, DumpSource, Inputs},
    Pipeline, Record, SourceItem,
};

/// Counts the bytes this thread holds, and their peak, on top of the system allocator.
struct ThreadCounting;

thread_local! {
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    let _ = HELD.try_with(|held| {
        let now = held.get() + delta;
        held.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are updated.
unsafe impl GlobalAlloc for ThreadCounting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            track(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        track(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            track(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: ThreadCounting = ThreadCounting;

/// Peak bytes held by this thread while `f` runs, above what it held before.
fn peak_while<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = HELD.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, (PEAK.with(Cell::get) - base).max(0) as usize)
}

const MIB: usize = 1 << 20;

fn kind(item: &SourceItem) -> &'static str {
    match item {
        SourceItem::Article(_) => "article",
        SourceItem::Redirect(_) => "redirect",
        SourceItem::Error(_) => "error",
    }
}

/// A dump page holding a `size`-byte text node, generated as it is read.
fn dump_with_huge_text(size: usize) -> impl Read + Send + 'static {
    let head = format!("{}<page><title>Huge</title><ns>0</ns><revision><text>", hostile::DUMP_HEAD);
    let tail = format!(
        "</text></revision></page>\n{}{}",
        hostile::dump_page("After", "still read"),
        hostile::DUMP_TAIL
    );
    io::Cursor::new(head).chain(io::repeat(b'x').take(size as u64)).chain(io::Cursor::new(tail))
}

// --- Bounded memory ----------------------------------------------------------------

#[test]
fn a_huge_text_node_is_capped_while_it_is_read() {
    let (items, peak) = peak_while(|| {
        DumpSource::from_reader(dump_with_huge_text(64 * MIB), "huge.xml")
            .max_page_bytes(MIB)
            .map(|i| kind(&i))
            .collect::<Vec<_>>()
    });
    assert_eq!(items, ["error", "article"]);
    // The cap (1 MiB) plus reader buffers; the node itself is 64 MiB.
    assert!(peak < 4 * MIB, "peak {peak} bytes");
}

/// What a test writes into a child's stdin, on its own thread.
type Feed = Box<dyn FnOnce(&mut dyn Write) + Send>;

/// Peak resident size of a running child, polled until it exits (Linux).
fn run_watching_memory(mut cmd: Command, stdin: Option<Feed>) -> (String, u64) {
    cmd.stdout(Stdio::piped()).stderr(Stdio::null()).stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("run wikianno");
    let feeder = stdin.map(|feed| {
        let mut pipe = child.stdin.take().expect("stdin");
        std::thread::spawn(move || feed(&mut pipe))
    });
    let mut out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().expect("wait").is_none() {
        if let Ok(status) = fs::read_to_string(&status_path) {
            peak = peak.max(status_kib(&status, "VmHWM:"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    if let Some(f) = feeder {
        let _ = f.join();
    }
    (reader.join().expect("reader"), peak * 1024)
}

fn status_kib(status: &str, key: &str) -> u64 {
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn wikianno() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wikianno"))
}

/// The binary's peak resident size on a tiny input: what every run costs anyway.
fn baseline_rss() -> u64 {
    let mut cmd = wikianno();
    cmd.args(["annotate", "-"]);
    let feed: Feed = Box::new(|w| drop(w.write_all(b"= Tiny =\nsmall\n")));
    run_watching_memory(cmd, Some(feed)).1
}

#[test]
fn a_huge_wiki_style_article_is_streamed_with_bounded_memory() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("skipped: no /proc to read peak memory from");
        return;
    }
    let base = baseline_rss();
    let mut cmd = wikianno();
    cmd.args(["annotate", "-", "--max-article-bytes", "1048576"]);
    let feed: Feed = Box::new(|w| {
        let _ = w.write_all(b"= First =\nfine\n= Huge =\n");
        let chunk = vec![b'y'; MIB];
        for _ in 0..200 {
            if w.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = w.write_all(b"\n= Last =\nfine too\n");
    });
    let (out, peak) = run_watching_memory(cmd, Some(feed));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out:.300}");
    assert!(lines[1].contains("\"error\"") && lines[1].contains("over the 1048576 byte cap"));
    assert!(lines[2].contains("fine too"));
    // 200 MB went through; the run may hold a few capped articles, not the input.
    assert!(peak < base + 64 * MIB as u64, "peak {peak} vs baseline {base}");
}

#[test]
fn dev_zero_does_not_grow() {
    if !Path::new("/dev/zero").exists() || !Path::new("/proc/self/status").exists() {
        eprintln!("skipped: needs /dev/zero and /proc");
        return;
    }
    let base = baseline_rss();
    let mut child = wikianno()
        .args(["annotate", "/dev/zero", "--max-article-bytes", "1048576"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run wikianno");
    let status_path = format!("/proc/{}/status", child.id());
    let started = Instant::now();
    let mut peak = 0;
    while started.elapsed() < Duration::from_secs(3) {
        if let Ok(status) = fs::read_to_string(&status_path) {
            peak = peak.max(status_kib(&status, "VmHWM:") * 1024);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(peak < base + 64 * MIB as u64, "peak {peak} vs baseline {base}");
}

/// A pipeline with no gazetteer (fast in debug builds), `threads` workers and a small
/// in-flight window.
fn small_window_pipeline(threads: usize, window: usize) -> Pipeline {
    Pipeline::builder().threads(threads).in_flight_bytes(window).build().expect("pipeline")
}

/// `pages` pages of `==a==` sections (NDJSON many times their size), numbered.
fn amplifying_pages(pages: usize, bytes: usize) -> Vec<SourceItem> {
    (0..pages)
        .map(|i| {
            SourceItem::Article(
                Shape::ShortSections.article(bytes).with_origin(format!("page {i}")),
            )
        })
        .collect()
}

#[test]
fn output_waiting_to_be_written_is_bounded_however_pages_amplify() {
    const WINDOW: usize = 64 << 10;
    let pipeline = small_window_pipeline(2, WINDOW);
    let items = amplifying_pages(48, 4 << 10);
    let expected: Vec<String> =
        items.iter().map(|item| ndjson::to_line(&pipeline.process(item.clone()))).collect();
    // Bytes of lines made by `map` and not yet given to `sink`, and their peak.
    let (held, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let mut got = Vec::new();
    pipeline
        .run_map_sized(
            items,
            |record| {
                let line = ndjson::to_line(&record);
                let now = held.fetch_add(line.len(), Ordering::SeqCst) + line.len();
                peak.fetch_max(now, Ordering::SeqCst);
                line
            },
            String::len,
            |line| -> Result<(), ()> {
                held.fetch_sub(line.len(), Ordering::SeqCst);
                got.push(line);
                Ok(())
            },
        )
        .expect("run");
    // Byte for byte what one-by-one processing gives, in input order.
    assert_eq!(got, expected);
    let largest = expected.iter().map(String::len).max().unwrap_or(0);
    let total: usize = expected.iter().map(String::len).sum();
    // The window, plus a record per worker being finished and the one being written.
    let bound = WINDOW + 3 * largest;
    assert!(total > 4 * bound, "the pages must amplify past the bound: {total} bytes");
    let peak = peak.into_inner();
    assert!(peak <= bound, "{peak} bytes of output waited (bound {bound}, largest {largest})");
}

#[test]
fn a_run_stops_when_its_sink_fails_or_its_map_panics() {
    let pipeline = small_window_pipeline(2, 16 << 10);
    let mut written = 0;
    let stopped = pipeline.run(amplifying_pages(200, 1 << 10), |_| {
        written += 1;
        if written == 3 {
            Err("disk full")
        } else {
            Ok(())
        }
    });
    assert_eq!((stopped, written), (Err("disk full"), 3));
    // A panic of the caller's `map` is the caller's, after the records before it.
    let mut before = 0;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline.run_map(
            amplifying_pages(200, 1 << 10),
            |record| match &record {
                Record::Article(a) if a.article.origin == "page 5" => panic!("map failed"),
                _ => record,
            },
            |_| -> Result<(), ()> {
                before += 1;
                Ok(())
            },
        )
    }));
    assert!(outcome.is_err(), "the panic reached the caller");
    assert_eq!(before, 5);
}

/// Runs `f` on its own thread and fails the test, instead of hanging it, when it has
/// not returned within `seconds`.
fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(seconds))
        .unwrap_or_else(|_| panic!("still running after {seconds} s: the run hangs"))
}

/// The writer stops while every worker is busy and the reader waits on a full channel:
/// the workers find the writer gone only when they send, and leaving then must still
/// release the reader (a hang of the CI run once came from this).
#[test]
fn a_stopped_run_releases_a_reader_blocked_on_a_full_channel() {
    for _ in 0..3 {
        let stopped = within(60, || {
            // 400 pages are several batches, more than the channel holds.
            small_window_pipeline(2, 16 << 20).run_map(
                amplifying_pages(400, 64),
                |record| {
                    // Slow enough that both workers are inside `map` when the writer stops.
                    std::thread::sleep(Duration::from_millis(20));
                    record
                },
                |_| Err("disk full"),
            )
        });
        assert_eq!(stopped, Err("disk full"));
    }
}

// --- One line per article ----------------------------------------------------------

/// Records out + error records + redirects = articles in, through the pipeline.
fn records(items: impl IntoIterator<Item = SourceItem>) -> Vec<&'static str> {
    let items: Vec<SourceItem> = items.into_iter().collect();
    let mut out = Vec::new();
    common::pipeline()
        .run(items, |r| -> Result<(), ()> {
            out.push(match r {
                Record::Article(_) => "article",
                Record::Redirect(_) => "redirect",
                Record::Error(_) => "error",
            });
            Ok(())
        })
        .expect("run");
    out
}

#[test]
fn symlink_loops_are_walked_once() {
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().expect("temp dir");
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).expect("sub");
        fs::write(sub.join("a.txt"), "= A =\nOnce.\n").expect("write");
        // Two loops: each would double the walk at every level.
        std::os::unix::fs::symlink(&sub, sub.join("self")).expect("link");
        std::os::unix::fs::symlink(dir.path(), sub.join("up")).expect("link");
        let files = expand_paths(&[dir.path().to_path_buf()]).expect("walk");
        assert_eq!(files.len(), 1, "{files:?}");
        assert_eq!(records(Inputs::new(files)), ["article"]);
    }
}

#[test]
fn a_named_pipe_in_a_folder_is_an_error_record_not_a_stall() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), "= A =\nText.\n").expect("write");
    let fifo = dir.path().join("b.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let files = expand_paths(&[dir.path().to_path_buf()]).expect("walk");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(records(Inputs::new(files)));
    });
    let got = rx.recv_timeout(Duration::from_secs(30)).expect("the run must not block on a pipe");
    assert_eq!(got, ["article", "error"]);
}

fn dump_items(bytes: Vec<u8>) -> Vec<&'static str> {
    records(DumpSource::from_reader(io::Cursor::new(bytes), "t.xml"))
}

#[test]
fn a_bad_byte_or_char_ref_costs_one_page() {
    for bad in ["caf\u{FFFD}", "nul &#0; here"] {
        let mut dump = hostile::DUMP_HEAD.as_bytes().to_vec();
        dump.extend_from_slice(hostile::dump_page("A", "first").as_bytes());
        let mut page = hostile::dump_page("B", "X").into_bytes();
        let at = page.iter().position(|&b| b == b'X').expect("marker");
        let raw: Vec<u8> =
            if bad.contains('&') { bad.as_bytes().to_vec() } else { b"caf\xC3 x".to_vec() };
        page.splice(at..=at, raw);
        dump.extend_from_slice(&page);
        dump.extend_from_slice(hostile::dump_page("C", "third").as_bytes());
        dump.extend_from_slice(hostile::DUMP_TAIL.as_bytes());
        assert_eq!(dump_items(dump), ["article", "error", "article"], "{bad}");
    }
}

#[test]
fn what_holds_no_page_is_one_error_record() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"plain words, no XML").expect("gz");
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz.write_all(b"").expect("bz");
    let mut bz_other = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz_other.write_all(b"<feed><entry/></feed>").expect("bz");
    let inputs = [
        Vec::new(),
        gz.finish().expect("gz"),
        bz.finish().expect("bz"),
        bz_other.finish().expect("bz"),
        format!("{}{}", hostile::DUMP_HEAD, hostile::DUMP_TAIL).into_bytes(),
    ];
    for (i, bytes) in inputs.into_iter().enumerate() {
        assert_eq!(dump_items(bytes), ["error"], "input {i}");
    }
}

#[test]
fn a_nested_page_is_reported() {
    let inner = hostile::dump_page("Inner", "inner");
    let outer = format!(
        "<page><title>Outer</title><ns>0</ns><revision><text>outer</text></revision>{inner}</page>\n"
    );
    let dump = format!("{}{outer}{}", hostile::DUMP_HEAD, hostile::DUMP_TAIL);
    assert_eq!(dump_items(dump.into_bytes()), ["error", "article"]);
}

// --- JSON-LD files and write errors (CLI) ------------------------------------------

#[test]
fn jsonld_files_are_bounded_and_never_overwrite_each_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in.txt");
    let long = "Ж".repeat(300);
    fs::write(&input, format!("= Same =\none\n= Same =\ntwo\n= {long} =\nthree\n")).expect("write");
    let out = dir.path().join("out");
    let status = wikianno()
        .args(["annotate", "--format", "jsonld", "-o"])
        .arg(&out)
        .arg(&input)
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert!(status.success());
    let names: Vec<String> = fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().all(|n| n.len() <= 255 && n.ends_with(".jsonld")), "{names:?}");
}

#[test]
fn a_failed_output_names_the_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().expect("temp dir");
    // FILE is a non-empty folder: the final rename fails like a full disk would.
    let target = dir.path().join("out.ndjson");
    fs::create_dir_all(target.join("occupied")).expect("folder");
    let out = wikianno()
        .args(["annotate", "-o"])
        .arg(&target)
        .arg(common::root().join("corpus/battle_of_callao.txt"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("out.ndjson"), "{message}");
    assert!(!dir.path().join("out.ndjson.tmp").exists());
}

// --- Time scaling (release mode) ---------------------------------------------------

/// Best of five, seconds, for one shape at `bytes`.
fn seconds(shape: Shape, bytes: usize) -> f64 {
    let pipeline = common::pipeline();
    // The best of five: a run that another process interrupted is not the code's time.
    (0..5)
        .map(|_| {
            let article = shape.article(bytes);
            let started = Instant::now();
            let record = pipeline.process(SourceItem::Article(article));
            assert!(matches!(record, Record::Article(_)), "{}", shape.name());
            started.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn assert_scales_linearly(shapes: impl Iterator<Item = Shape>) {
    for shape in shapes {
        let _ = seconds(shape, 4096);
        // 128 KB and 2 MB, 16x apart: linear work takes ~16x, quadratic ~256x. A 4x step
        // (256 KB -> 1 MB) put linear (4x) and the bound (5x) so close that timer and
        // allocator noise on a loaded CI machine failed a linear shape (seen: 5.0x).
        let (small, large) = (seconds(shape, 128 << 10), seconds(shape, 2 << 20));
        eprintln!("{:<20} 128 KB {small:.4} s, 2 MB {large:.4} s", shape.name());
        // Below a millisecond the ratio is noise. 40x is 2.5 times linear, 6 times below
        // quadratic.
        assert!(large <= 40.0 * small.max(1e-3), "{}: {small} s -> {large} s", shape.name());
    }
}

#[test]
#[ignore = "timing: run in release mode (cargo test --release --test hostile -- --ignored --test-threads=1)"]
fn renderer_shapes_scale_linearly() {
    assert_scales_linearly(Shape::ALL.into_iter().filter(|s| s.is_renderer()));
}

#[test]
#[ignore = "timing: run in release mode (cargo test --release --test hostile -- --ignored --test-threads=1)"]
fn text_shapes_scale_linearly() {
    assert_scales_linearly(Shape::ALL.into_iter().filter(|s| !s.is_renderer()));
    // The 5 MB sentence of the issue (72 s before): seconds now, in release mode.
    let started = Instant::now();
    let record =
        common::pipeline().process(SourceItem::Article(Shape::SentenceWithoutEnd.article(5 << 20)));
    assert!(matches!(record, Record::Article(_)));
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
}

/// The JSON-LD of an article whose infobox has tens of thousands of dated and entity-valued
/// fields (each a fact, a date and a commander's object) is built in time linear in the
/// infobox: checks are matched to fields, dates and mentions looked up, never scanned per
/// field (a scan per field made this fields x checks). Its annotation is one of the shapes
/// of `text_shapes_scale_linearly`.
#[test]
#[ignore = "timing: run in release mode (cargo test --release --test hostile -- --ignored --test-threads=1)"]
fn jsonld_of_a_long_infobox_scales_linearly() {
    let pipeline = common::pipeline();
    let seconds = |bytes: usize| {
        let raw = Shape::LongInfobox.article(bytes);
        let fields = raw.text.matches("\n| ").count();
        let article = pipeline.annotate(raw);
        let facts = |doc: &serde_json::Value| doc.to_string().matches("\"field\"").count();
        (0..3)
            .map(|_| {
                let started = Instant::now();
                let doc = wikianno::output::jsonld::to_document(&article);
                let elapsed = started.elapsed().as_secs_f64();
                assert!(facts(&doc) >= fields, "every field is a fact");
                elapsed
            })
            .fold(f64::MAX, f64::min)
    };
    let _ = seconds(4096);
    // 64 KB and 1 MB, 16x apart, as the other shapes: linear ~16x, quadratic ~256x.
    let (small, large) = (seconds(64 << 10), seconds(1 << 20));
    eprintln!("long infobox JSON-LD 64 KB {small:.4} s, 1 MB {large:.4} s");
    assert!(large <= 40.0 * small.max(1e-3), "{small} s -> {large} s");
}
