//! How Helm 4.1.4's engine reports template errors (`pkg/engine/engine.go`:
//! `cleanupParseError`, `reformatExecErrorMsg`): the text Helm prints after `Error: `.
//!
//! - A parse error becomes `parse error at (<file>:<line>): <last part of Go's message>`.
//! - An execution error from `required` or `fail` (their messages are marked with
//!   [`WARN_START`] and [`WARN_END`], wherever in the chain of errors they are) becomes
//!   `execution error at (<location>): <message>`, with the location of the outermost
//!   failing action.
//! - Any other execution error becomes Helm's multi-line trace, one entry per error of
//!   Go's error chain (the failing action, then what each failing `include` ran):
//!
//!   ```text
//!   chart/templates/case.yaml:1:3
//!     executing "chart/templates/case.yaml" at <include "bad" .>:
//!       error calling include:
//!   chart/templates/_helpers.tpl:1:29
//!     executing "bad" at <.Values.a.b.c>:
//!       nil pointer evaluating interface {}.b
//!   ```
//!
//!   Helm builds the trace by parsing each error's text and gives up, printing Go's
//!   message unchanged, as soon as one does not start with `template: ` (any
//!   function's own error, `error calling index: index out of range: 5`, everything
//!   `tpl` wraps).
//!
//! Helm walks the chain with `errors.Unwrap`; here it is [`kelm_gotmpl::Error::cause`]
//! and the template error a [`FuncError`](kelm_gotmpl::FuncError) is or wraps, as
//! [`std::error::Error::source`] gives them. Go's chain also holds, after each
//! execution error, the error it wraps with the same text; Helm merges such repeats,
//! so leaving them out changes nothing.

use kelm_gotmpl::{Error, ErrorKind};

/// Helm's `warnStartDelim`: starts the message of a failing `required` or `fail`.
pub const WARN_START: &str = "HELM_ERR_START";
/// Helm's `warnEndDelim`: ends it.
pub const WARN_END: &str = "HELM_ERR_END";

/// What Helm prints after `Error: ` when the template `file` fails to parse or to
/// execute with `err` (dispatching on [`Error::kind`]).
pub fn template_error(file: &str, err: &Error) -> String {
    match err.kind() {
        ErrorKind::Parse => parse_error(file, err),
        ErrorKind::Exec => exec_error(file, err),
    }
}

/// Helm's `cleanupParseError` for a parse error of the template `file`.
pub fn parse_error(file: &str, err: &Error) -> String {
    let text = err.to_string();
    let tokens: Vec<&str> = text.split(": ").collect();
    if tokens.len() == 1 {
        return format!("parse error in ({file}): {text}");
    }
    format!(
        "parse error at ({}): {}",
        tokens[1],
        tokens[tokens.len() - 1]
    )
}

/// Helm's `reformatExecErrorMsg` for an execution error of the template `file`.
pub fn exec_error(file: &str, err: &Error) -> String {
    let text = err.to_string();
    // Only Go's ExecError (an error raised while executing) is reformatted.
    if err.template().is_none() {
        return text;
    }
    let tokens: Vec<&str> = text.splitn(3, ": ").collect();
    if tokens.len() != 3 {
        return format!("execution error in ({file}): {text}");
    }
    let location = tokens[1];
    if let Some(message) = warning(tokens[2]) {
        return format!("execution error at ({location}): {message}");
    }
    let mut traces: Vec<Traceable> = Vec::new();
    let mut link: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = link {
        let Some(t) = Traceable::parse(&e.to_string()) else {
            return text;
        };
        if traces.last() != Some(&t) {
            traces.push(t);
        }
        link = e.source();
    }
    let mut out = String::new();
    for t in &traces {
        t.render(&mut out);
    }
    out.trim().to_string()
}

/// Helm's `warnRegex` (`HELM_ERR_START((?s).*)HELM_ERR_END`): the text from the first
/// start marker to the last end marker after it.
fn warning(s: &str) -> Option<&str> {
    let start = s.find(WARN_START)? + WARN_START.len();
    let len = s[start..].rfind(WARN_END)?;
    Some(&s[start..start + len])
}

/// Helm's `TraceableError`: one error of the chain, as Helm reads it from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Traceable {
    location: String,
    message: String,
    executed_function: String,
}

impl Traceable {
    /// Helm's `parseTemplateExecErrorString`.
    fn parse(s: &str) -> Option<Traceable> {
        let rem = s.strip_prefix("template: ")?;
        if rem.starts_with("no template ") {
            return Some(Traceable {
                location: String::new(),
                message: s.to_string(),
                executed_function: String::new(),
            });
        }
        if let Some(idx) = rem.find(": executing ") {
            // The executing form; when it does not parse, Helm tries the simple one.
            if let Some(t) = Traceable::parse_executing(&rem[..idx], &rem[idx + 12..]) {
                return Some(t);
            }
        }
        let sep = rem.rfind(": ")?;
        Some(Traceable {
            location: rem[..sep].to_string(),
            message: cut_chained(&rem[sep + 2..]).to_string(),
            executed_function: String::new(),
        })
    }

    /// `"<function>" at <<node>>: <message>` after `<template>: executing `.
    fn parse_executing(template: &str, after: &str) -> Option<Traceable> {
        let quoted = after.strip_prefix('"')?;
        let end_quote = quoted.find('"')?;
        let function = &quoted[..end_quote];
        let after_at = quoted[end_quote + 1..].strip_prefix(" at <")?;
        let end_node = after_at.find(">: ")?;
        Some(Traceable {
            location: template.to_string(),
            message: cut_chained(&after_at[end_node + 3..]).to_string(),
            executed_function: format!("executing \"{function}\" at <{}>:", &after_at[..end_node]),
        })
    }

    /// Helm's `TraceableError.String()`.
    fn render(&self, out: &mut String) {
        if !self.location.is_empty() {
            out.push_str(&self.location);
            out.push_str("\n  ");
        }
        if !self.executed_function.is_empty() {
            out.push_str(&self.executed_function);
            out.push_str("\n    ");
        }
        if !self.message.is_empty() {
            out.push_str(&self.message);
            out.push('\n');
        }
    }
}

/// The message up to a chained ` template:` error, which gets its own entry.
fn cut_chained(msg: &str) -> &str {
    match msg.find(" template:") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

#[cfg(test)]
mod tests;
