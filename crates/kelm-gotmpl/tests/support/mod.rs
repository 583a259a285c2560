//! Support for the differential test against Go (`tests/differential.rs`): the case
//! format, typed data, and the test functions and types, each mirroring its counterpart
//! in `tools/gotmpl-oracle`.

pub mod case;
pub mod data;
pub mod expect;
pub mod funcs;
pub mod objects;
