//! The engine's one error type. Its `Display` is exactly the text Go's `text/template`
//! returns, because Helm users (and Helm itself) read and grep those strings.

use std::fmt;

use crate::FuncError;

/// What went wrong, by phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The template text is not a valid template.
    Parse,
    /// Execution failed.
    Exec,
}

/// Where an execution error happened, as Go reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecLocation {
    /// Name of the parsed file the failing node came from (`ParseName`).
    pub parse_name: String,
    /// Line of the node, 1-based.
    pub line: usize,
    /// Byte column of the node within its line, as Go counts it.
    pub col: usize,
    /// The node as Go prints it, shortened as Go shortens it.
    pub context: String,
}

/// A parse or execution error with Go's exact message.
///
/// Boxed so that `Result<T, Error>` stays small on the executor's hot paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    /// The full message, as Go's `err.Error()`.
    message: String,
    /// For execution errors: the template being executed.
    template: Option<String>,
    /// For execution errors at a node: where.
    location: Option<ExecLocation>,
    /// The message without Go's `template: ...:` prefix.
    detail: String,
    /// For `error calling F: ...`: the error F returned, which Go wraps (`%w`).
    cause: Option<FuncError>,
}

impl Error {
    /// A parse error whose full text is `message`.
    pub(crate) fn parse(message: String) -> Error {
        Error::plain(ErrorKind::Parse, message)
    }

    /// An execution error whose full text is `message`, with no node context.
    pub(crate) fn exec_plain(message: String) -> Error {
        Error::plain(ErrorKind::Exec, message)
    }

    fn plain(kind: ErrorKind, message: String) -> Error {
        Error(Box::new(Inner {
            kind,
            detail: message.clone(),
            message,
            template: None,
            location: None,
            cause: None,
        }))
    }

    /// An execution error in `template`, optionally at a node.
    /// `raw`, when given, is the full message already formatted (for the rare case where
    /// Go's formatting makes it differ from the usual layout).
    pub(crate) fn exec(
        template: &str,
        location: Option<ExecLocation>,
        detail: String,
        raw: Option<String>,
    ) -> Error {
        let message = raw.unwrap_or_else(|| match &location {
            None => format!("template: {template}: {detail}"),
            Some(l) => format!(
                "template: {}:{}:{}: executing {} at <{}>: {detail}",
                l.parse_name,
                l.line,
                l.col,
                crate::strconv::quote(template),
                l.context
            ),
        });
        Error(Box::new(Inner {
            kind: ErrorKind::Exec,
            message,
            template: Some(template.to_string()),
            location,
            detail,
            cause: None,
        }))
    }

    /// The same error, wrapping the error a function returned.
    pub(crate) fn with_cause(mut self, cause: FuncError) -> Error {
        self.0.cause = Some(cause);
        self
    }

    /// Parse or execution.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The template that was executing, for execution errors.
    ///
    /// This is the name Go's `ExecError` carries: every error raised while executing a
    /// template has one. Execution errors raised before (`template: no template "x"
    /// associated with template "y"` from [`Template::execute_template`]) are plain Go
    /// errors, and have none.
    ///
    /// [`Template::execute_template`]: crate::Template::execute_template
    pub fn template(&self) -> Option<&str> {
        self.0.template.as_deref()
    }

    /// The failing node's location, for execution errors raised at a node.
    pub fn location(&self) -> Option<&ExecLocation> {
        self.0.location.as_ref()
    }

    /// The message after Go's location prefix (for execution errors), or the whole message.
    pub fn detail(&self) -> &str {
        &self.0.detail
    }

    /// For an `error calling F: ...` error: the error the function F returned, which Go
    /// wraps with `%w` (so `errors.Unwrap` reaches it; Helm's error reporting walks that
    /// chain). `None` for every other error.
    pub fn cause(&self) -> Option<&FuncError> {
        self.0.cause.as_ref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {
    /// The error a failing function returned ([`Error::cause`]).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.cause.as_ref().map(|e| e as _)
    }
}
