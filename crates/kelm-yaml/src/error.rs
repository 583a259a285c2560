//! The crate's one error type.

use std::fmt;

/// A parse or print failure, with the message Go's libraries give (Helm shows these to
/// users as they are: `error converting YAML to JSON: yaml: line 3: ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
    line: Option<usize>,
}

impl Error {
    /// An error with Go's message text and, when known, the 1-based line it concerns.
    pub fn new(message: impl Into<String>, line: Option<usize>) -> Error {
        Error {
            message: message.into(),
            line,
        }
    }

    /// The 1-based line the error concerns, when it concerns one.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The message, as Go's library words it.
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
