//! Shared pieces of the differential suite (`tests/differential.rs`) and its recorder
//! (`tests/record.rs`). Each test target uses only part of them.
#![allow(dead_code)]

pub mod case;
pub mod expect;
pub mod props;
pub mod record;
pub mod registry;
pub mod runner;
pub mod typed;
