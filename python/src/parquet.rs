//! `Pipeline.write_parquet`: records into one Parquet file through the library's
//! [`ParquetWriter`] (the schema of `wikianno annotate --format parquet`), written under a
//! temporary name in the destination folder and renamed when complete, so a reader (or a
//! retried Spark task) never sees half a file. A device, pipe or socket (`/dev/null`, a
//! FIFO) is written in place, as the CLI's `-o` does: a file renamed over it would replace
//! the device with a regular file.

use std::{
    fs::{self, File},
    io::{BufWriter, Write},
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use pyo3::prelude::*;
use wikianno::{output::parquet::ParquetWriter, Record};

use crate::{Batches, WikiannoError};

/// Write every record of `batches` to `path`; returns the number of rows.
pub(crate) fn write(py: Python<'_>, batches: &mut Batches<Record>, path: &Path) -> PyResult<u64> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return write_in_place(py, batches, path);
    }
    let tmp = temporary_name(path);
    let result = write_to(py, batches, path, &tmp);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_to(
    py: Python<'_>,
    batches: &mut Batches<Record>,
    path: &Path,
    tmp: &Path,
) -> PyResult<u64> {
    let failed = failed_on(path);
    let file = File::create(tmp).map_err(failed)?;
    let (rows, out) = write_records(py, batches, BufWriter::new(file), path)?;
    py.allow_threads(|| -> std::io::Result<()> {
        out.get_ref().sync_all()?;
        fs::rename(tmp, path)
    })
    .map_err(failed)?;
    Ok(rows)
}

/// A device, pipe or socket: opened for writing as it is, never replaced.
fn write_in_place(py: Python<'_>, batches: &mut Batches<Record>, path: &Path) -> PyResult<u64> {
    let failed = failed_on(path);
    let file = fs::OpenOptions::new().write(true).open(path).map_err(failed)?;
    write_records(py, batches, BufWriter::new(file), path).map(|(rows, _)| rows)
}

/// Every record of `batches` as Parquet into `out`, flushed; the rows written and `out`.
fn write_records(
    py: Python<'_>,
    batches: &mut Batches<Record>,
    out: BufWriter<File>,
    path: &Path,
) -> PyResult<(u64, BufWriter<File>)> {
    let failed = failed_on(path);
    let mut writer = ParquetWriter::new(out).map_err(failed)?;
    while let Some(records) = batches.next_batch(py)? {
        py.allow_threads(|| records.iter().try_for_each(|r| writer.write(r))).map_err(failed)?;
    }
    let rows = writer.rows() as u64;
    let out = py
        .allow_threads(|| -> std::io::Result<BufWriter<File>> {
            let mut out = writer.finish()?;
            out.flush()?;
            Ok(out)
        })
        .map_err(failed)?;
    Ok((rows, out))
}

/// An I/O error as the Python exception, naming the file written.
fn failed_on(path: &Path) -> impl Fn(std::io::Error) -> PyErr + Copy + '_ {
    move |e| WikiannoError::new_err(format!("{}: {e}", path.display()))
}

/// `.<name>.<pid>.<nanos>.tmp` beside `path`: unique per attempt, so two attempts at the
/// same file (a retried or speculative Spark task) never write into each other.
fn temporary_name(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy());
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    path.with_file_name(format!(".{name}.{}.{nanos}.tmp", std::process::id()))
}
