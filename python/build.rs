//! Embeds the general gazetteers (`../gazetteers/general/*.tsv`) into the extension, so a
//! wheel installed anywhere loads the same shipped gazetteers as the CLI run from a
//! checkout. Writes `$OUT_DIR/general.rs`: `(path below general/, TSV text)` pairs, sorted
//! by path, the order a folder load reads them in.

use std::{env, fs, path::Path};

fn main() {
    let general = Path::new(env!("CARGO_MANIFEST_DIR")).join("../gazetteers/general");
    println!("cargo:rerun-if-changed={}", general.display());
    let mut files = Vec::new();
    collect(&general, "", &mut files);
    let mut out = String::from("/// The general gazetteers, embedded at build time.\n");
    out.push_str("pub(crate) const GENERAL: &[(&str, &str)] = &[\n");
    for (relative, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        out.push_str(&format!("    ({relative:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("general.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// The `*.tsv` files below `dir`, as the library's folder load orders them: a folder's
/// files sorted by name, then its subfolders (sorted) in turn.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (build from a wikianno checkout)", dir.display()))
        .map(|e| e.expect("readable folder entry").path())
        .collect();
    entries.sort();
    let (dirs, files): (Vec<_>, Vec<_>) = entries.into_iter().partition(|p| p.is_dir());
    for file in files.iter().filter(|p| p.extension().is_some_and(|x| x == "tsv")) {
        let name = file.file_name().expect("a file name").to_string_lossy();
        let path = fs::canonicalize(file).expect("the file exists");
        out.push((format!("{prefix}{name}"), path.to_string_lossy().into_owned()));
    }
    for sub in dirs {
        let name = sub.file_name().expect("a folder name").to_string_lossy().into_owned();
        collect(&sub, &format!("{prefix}{name}/"), out);
    }
}
