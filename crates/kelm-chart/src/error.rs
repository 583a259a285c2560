//! The crate's one error type.

use std::fmt;

/// A chart that could not be loaded or is invalid, with Helm's message for it.
///
/// The message is what Helm prints after `Error: ` (for example `validation:
/// chart.metadata.name is required`, `cannot load Chart.yaml: error converting YAML to
/// JSON: yaml: line 2: ...`, `chart illegally references parent directory`), so the CLI
/// prints it unchanged.
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

    /// The message, as Helm words it.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// This error with `prefix` in front of its message (Helm's `fmt.Errorf("...: %w")`).
    pub(crate) fn context(self, prefix: impl fmt::Display) -> Error {
        Error::new(format!("{prefix}: {}", self.message))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
