//! Go's `strconv`, as Helm's output depends on it: quoting and unquoting strings and
//! characters as Go does (with Go's own Unicode tables), parsing Go number literals, and
//! formatting floats with Go's shortest-representation rules (`1e+06`, `1.5e-05`); and
//! Go's `unicode.IsLetter`/`IsDigit` ([`unicode`]) and `path.Clean`/`filepath.Match`
//! ([`path`]), which several of the Go libraries kelm mirrors ask.
//!
//! Its own crate because both the template engine (`kelm-gotmpl`) and the YAML/JSON
//! printers (`kelm-yaml`) must format and parse numbers exactly as Go does.

mod format;
mod parse;
pub mod path;
pub mod unicode;
mod unicode_tables;

pub use format::*;
pub use parse::*;
