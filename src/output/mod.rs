//! Writers for the output formats. The wire structs are private and serialize-only;
//! their field order is the documented record order.

pub mod export;
pub mod graph;
pub mod jsonld;
pub mod ndjson;
pub mod review;
pub mod timeml;
