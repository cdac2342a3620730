//! Writers for the output formats. The wire structs are private and serialize-only;
//! their field order is the documented record order.

pub mod export;
pub mod graph;
pub mod jsonld;
pub mod ndjson;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod review;
pub mod timeml;
