//! The parts of Go's `strconv` that templates depend on: quoting and unquoting strings
//! and characters as Go does, parsing Go number literals, and formatting floats with
//! Go's shortest-representation rules (`1e+06`, `1.5e-05`).

mod format;
mod parse;

pub use format::*;
pub use parse::*;
