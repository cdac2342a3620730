//! The allocator of the `wikianno` binary (and of the examples that measure it, which
//! include this file): jemalloc with one arena. The library sets none, so the Python
//! module and the fuzz targets keep their own.
//!
//! Why (issue 10, README "Hostile input"): glibc gives each thread its own arena and keeps
//! what a worker's large page touched in that worker's arena, so an all-pathological dump
//! peaked well above a normal one. jemalloc's thread caches keep the workers' fast path,
//! and one arena lets memory freed on one thread serve the next page on another.

/// jemalloc's options, read before `main` (the `malloc_conf` string of jemalloc's manual,
/// under the symbol name of the crate's prefixed build; a NUL-terminated C string).
#[export_name = "_rjem_malloc_conf"]
static MALLOC_CONF: &[u8; 10] = b"narenas:1\0";

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
