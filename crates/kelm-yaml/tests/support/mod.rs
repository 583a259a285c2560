//! The differential test's pieces: case files, expectation files, typed JSON, and the
//! canonical value form the benchmark shares.

pub mod canonical;
pub mod case;
pub mod expect;
pub mod gotime;
pub mod typed;
