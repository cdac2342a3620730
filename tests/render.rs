//! Wikitext rendering: constructs on sentences written for the test, tables counted
//! against the wikitext of the real samples (`../shared/data`, skipped when absent),
//! span properties on generated markup, and time scaling on hostile page shapes.

use std::{
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use proptest::prelude::*;
use wikianno::article::{parse_wikitext, Article};

fn render(src: &str) -> Article {
    parse_wikitext(src, "test", "Test")
}

/// Every span of the article slices on char boundaries of `text`, and maps into the source.
fn check_spans(src: &str, a: &Article) {
    let map = a.source_map.as_ref().expect("wikitext keeps a source map");
    let mut spans: Vec<wikianno::Span> = a.links.iter().map(|l| l.span).collect();
    spans.extend(a.sections.iter().map(|s| s.title_span));
    for t in &a.tables {
        spans.push(t.span);
        spans.extend(t.caption.iter().map(|c| c.span));
        spans.extend(t.header.iter().chain(t.rows.iter().flatten()).map(|c| c.span));
    }
    spans.extend(a.dropped.iter().map(|d| d.span));
    for span in spans {
        assert!(a.text.get(span.start..span.end).is_some(), "{span:?} in {:?}", a.text);
        let s = map.source_span(span);
        assert!(s.start <= s.end && s.end <= src.len(), "{s:?}");
        assert!(src.get(s.start..s.end).is_some(), "source {s:?} not on char boundaries");
    }
    for d in &a.dropped {
        assert!(src.get(d.source.start..d.source.end).is_some(), "{d:?}");
    }
}

/// CPU time of this thread (Linux `schedstat`, nanoseconds), so that other processes on a
/// busy machine do not count; wall time where it is not available.
fn cpu_time(wall: Instant) -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| wall.elapsed(), Duration::from_nanos)
}

/// The time to render `make(n)` for the smallest n giving at least `bytes` bytes, best of 5.
fn time_for(make: &dyn Fn(usize) -> String, bytes: usize) -> Duration {
    let unit = make(1).len().max(1);
    let page = make(bytes.div_ceil(unit));
    let wall = Instant::now();
    (0..5)
        .map(|_| {
            let t = cpu_time(wall);
            let a = render(&page);
            std::hint::black_box(a.text.len());
            cpu_time(wall).saturating_sub(t)
        })
        .min()
        .unwrap_or_default()
}

/// Hostile page shapes (issue 10): each must take at most 5x as long for 256 KB as for
/// 64 KB (4x the input). Run in release mode: `cargo test --release --test render -- --ignored`.
#[test]
#[ignore = "timing: run in release mode"]
fn hostile_shapes_render_in_linear_time() {
    let shapes: Vec<(&str, Box<dyn Fn(usize) -> String>)> = vec![
        ("link opener then refs", Box::new(|n| format!("[[A|{}", "<ref>x ".repeat(n)))),
        ("refs inside one link", Box::new(|n| format!("[[A|{}]]", "<ref name=a>x ".repeat(n)))),
        ("external links on one line", Box::new(|n| "[http://x ".repeat(n))),
        ("short sections", Box::new(|n| "==a==\n".repeat(n))),
        ("list items", Box::new(|n| "* x\n".repeat(n))),
        ("empty list items", Box::new(|n| "*\n".repeat(n))),
        ("unclosed templates", Box::new(|n| "{{a|".repeat(n))),
        ("unclosed comments", Box::new(|n| "<!-- a ".repeat(n))),
        ("unclosed tags", Box::new(|n| "<math>x ".repeat(n))),
        ("unclosed tables", Box::new(|n| "{|\n|a||b\n|-\n".repeat(n))),
        ("one long table", Box::new(|n| format!("{{|\n{}|}}", "|-\n| a || b\n".repeat(n)))),
        ("bold quotes", Box::new(|n| "'''a".repeat(n))),
        ("file links", Box::new(|n| "[[File:a.png|thumb|".repeat(n))),
        ("infobox of empty fields", Box::new(|n| format!("{{{{Infobox x{}}}}}", "|a=".repeat(n)))),
        ("nested links", Box::new(|n| format!("{}x{}", "[[a|".repeat(n), "]]".repeat(n)))),
    ];
    // RENDER_SCALING_KB=256,1024 tries other sizes (the ratio bound stays 5x for 4x input).
    let sizes: Vec<usize> = std::env::var("RENDER_SCALING_KB")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| v.len() == 2)
        .unwrap_or(vec![64, 256]);
    let mut failures = Vec::new();
    for (name, make) in &shapes {
        let small = time_for(make.as_ref(), sizes[0] * 1024);
        let large = time_for(make.as_ref(), sizes[1] * 1024);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-4);
        eprintln!("{name:28} {small:>10.2?} {large:>10.2?}  ratio {ratio:.2}");
        if ratio > 5.0 && large > Duration::from_millis(5) {
            failures.push(format!("{name}: {ratio:.1}x"));
        }
    }
    assert!(failures.is_empty(), "superlinear: {failures:?}");
}

fn data(path: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(path);
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent (it lives in ../shared/data)", p.display());
        None
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Never panics on generated markup of the new constructs; every span slices.
    #[test]
    fn new_constructs_never_panic_and_spans_slice(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..50)
    ) {
        let src = pieces.concat();
        let a = render(&src);
        check_spans(&src, &a);
    }
}

const PIECES: &[&str] = &[
    "{|", "|}", "\n", "|-", "|+", "!", "!!", "||", "|", "colspan=2", "rowspan=\"3\" |",
    " cell ", "[[a|b]]", "[[war]]s", "[[wikt:x|y]]", "[[:fr:Paris]]", "[[fr:Paris]]",
    "[[File:x.png|thumb|A caption]]", "<math>x^2</math>", "<gallery>\na.png|b\n</gallery>",
    "<timeline>", "</timeline>", "{{IPA|/x/}}", "{{coord|1|2}}", "{{as of|2010}}", "{{'s}}",
    "{{convert|1|km}}", "{{ubl|a|b}}", "{{marriage|A|1990}}", "{{Infobox x|a=1|module=",
    "{{Infobox y|embed=yes|b=2}}", "}}", "{{", "é", "東京", "😀", "(", ")", "<ref>r</ref>",
    "<ref name=a/>", "'''", "''", "==", "* ", "# ", ":",
];
