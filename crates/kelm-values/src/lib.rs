//! How Helm builds a chart's values, byte for byte as Helm 4.1.4 does.
//!
//! A release's `.Values` is made in three steps, each a module here:
//!
//! 1. the user's values ([`options`]): `-f` files (every YAML document of each, merged),
//!    then `--set-json`, `--set`, `--set-string`, `--set-file` and `--set-literal`, always
//!    in that order, whatever order the flags came in; the `--set` grammar is
//!    [`strvals`];
//! 2. coalescing ([`coalesce`]) those with the chart's `values.yaml` and its
//!    subcharts', scoped by subchart name, with `global` flowing down;
//! 3. validation ([`schema`]) against each chart's `values.schema.json`.
//!
//! Values are [`kelm_yaml::Value`] trees with the Go types Helm's values have: numbers
//! from files and `--set-json` are float64 ([`Value::Float`]), `--set` integers int64
//! ([`Value::Int`]). Errors and warnings carry Helm's texts.
//!
//! Coalescing and validation see charts through [`ValuesChart`], which
//! `kelm_chart::Chart` implements; [`process_dependencies`] (aliases, enabled
//! subcharts, `import-values`) works on `kelm_chart::Chart` itself.

mod coalesce;
mod dependencies;
mod gotype;
pub mod options;
pub mod schema;
pub mod strvals;

use std::fmt;

pub use coalesce::{
    GLOBAL_KEY, Warnings, coalesce_tables, coalesce_values, format_warning, merge_chart_values,
    merge_maps, merge_tables,
};
pub use dependencies::{is_compatible_range, process_dependencies};
pub use kelm_yaml::{Map, Value};
pub use options::{FsReader, ValueOptions, ValuesReader, merge_values};

/// What coalescing and validation need of a chart.
pub trait ValuesChart {
    /// The chart's name as its parent knows it (the dependency's alias when it has
    /// one), which is also the key of its values in the parent's.
    fn name(&self) -> &str;
    /// The chart's default values (its `values.yaml`, a map; anything else counts as
    /// no defaults).
    fn values(&self) -> &Value;
    /// The enabled subcharts, in the chart's dependency order.
    fn subcharts(&self) -> Vec<&dyn ValuesChart>;
    /// The chart's `values.schema.json`, if it has one.
    fn schema(&self) -> Option<&[u8]>;
}

/// A failure building values, with Helm's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
        }
    }

    /// The message, as Helm words it (the CLI prints it after `Error: `).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
