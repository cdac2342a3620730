//! Closed sets are types: no label, event type, infobox kind or diagnostic kind is compared
//! against a string literal outside the type that owns it. This test reads the library's
//! source and fails on such a comparison, so a later change cannot bring one back.

use std::{fs, path::Path};

use wikianno::{article::InfoboxKind, events::EventType, DiagnosticKind, Label};

/// Every name of every closed set, as it appears in records.
fn closed_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Label::ALL.iter().map(|l| l.as_str()).collect();
    names.extend(EventType::ALL.iter().map(|t| t.as_str()));
    names.extend(InfoboxKind::ALL.iter().map(|k| k.as_str()));
    names.extend(DiagnosticKind::ALL.iter().map(|k| k.as_str()));
    names.push("LINK");
    names
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The files that own a closed set: their names are spelled there, once.
const OWNERS: &[&str] =
    &["gazetteer/label.rs", "events/event_type.rs", "article/infobox.rs", "diagnostic.rs"];

#[test]
fn no_closed_set_is_compared_as_a_string() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let names = closed_names();
    let mut found = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        if OWNERS.contains(&rel.as_str()) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        // Test modules compare rendered names on purpose (table rows): read up to them.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in code.lines().enumerate() {
            for name in &names {
                let quoted = format!("\"{name}\"");
                let Some(at) = line.find(&quoted) else { continue };
                let before = line[..at].trim_end();
                let compared = before.ends_with("==")
                    || before.ends_with("!=")
                    || before.ends_with("=>")
                    || before.ends_with('|')
                    || before.ends_with("matches!(")
                    || (before.ends_with(',') && line.contains("matches!("))
                    || before.ends_with("contains(&");
                if compared {
                    found.push(format!("src/{rel}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "closed-set names compared as strings:\n{}", found.join("\n"));
}
