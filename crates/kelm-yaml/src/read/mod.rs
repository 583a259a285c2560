//! Reading YAML as `sigs.k8s.io/yaml.Unmarshal` into `interface{}` does.
//!
//! The pipeline follows yaml.v2 (`go.yaml.in/yaml/v2` v2.4) stage by stage so that
//! results and errors (texts, reported lines, which error wins) are Go's:
//!
//! - [`input`]: the encoding, the text, positions, and yaml.v2's chunked decoding
//!   where observable;
//! - [`scanner`] and [`scan`]: tokens (a reimplementation of yaml.v2's libyaml port);
//! - [`parser`]: the events;
//! - [`tree`]: the first document's nodes, anchors bound as yaml.v2 binds them;
//! - [`decode`]: the final [`Value`], fusing yaml.v2's decoding with the key
//!   conversion and JSON round trip `sigs.k8s.io/yaml` does afterwards;
//! - [`documents`]: Helm 4's multi-document values files (`LoadValues`).
//!
//! Nothing recurses on the input's nesting except [`decode`], which grows its stack on
//! the heap as needed (yaml.v2 allows 10000 flow levels plus 10000 indentation levels);
//! values drop iteratively.

use std::borrow::Cow;

use crate::{Error, Value};

mod decode;
pub(crate) use decode::go_lossy;
pub(crate) mod documents;
mod gofmt;
mod input;
mod parser;
mod scan;
mod scanner;
mod tree;

#[cfg(test)]
mod tests;

use input::Mark;

/// Which stage of yaml.v2's parser failed (it affects the reported line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FaultKind {
    Reader,
    Scanner,
    Parser,
}

/// A reader, scanner or parser error, as yaml.v2's parser records it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fault {
    pub kind: FaultKind,
    pub problem: Cow<'static, str>,
    pub problem_mark: Mark,
    pub context_mark: Mark,
}

/// Why reading failed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Failure {
    /// The text is not YAML yaml.v2 can parse.
    Syntax(Fault),
    /// yaml.v2 failed while building or decoding nodes (`yaml: <message>`).
    Decode(String),
    /// yaml.v2 succeeded but `sigs.k8s.io/yaml` could not make JSON of the result
    /// (the message as Go words it).
    Convert(String),
    /// The JSON was made but `encoding/json` refused to read it back.
    Json(String),
}

impl From<Fault> for Failure {
    fn from(f: Fault) -> Failure {
        Failure::Syntax(f)
    }
}

impl Failure {
    /// The message `sigs.k8s.io/yaml` reports after its `error converting YAML to
    /// JSON: ` prefix, and the line it names.
    fn message(&self) -> (String, Option<usize>) {
        match self {
            Failure::Syntax(f) => {
                // yaml.v2 reports the problem's line, 0-based for parser errors and
                // 1-based for scanner errors, else the context's 0-based line, and
                // nothing when that is 0.
                let mut line = 0;
                if f.problem_mark.line != 0 {
                    line = f.problem_mark.line;
                    if f.kind == FaultKind::Scanner {
                        line += 1;
                    }
                } else if f.context_mark.line != 0 {
                    line = f.context_mark.line;
                }
                if line != 0 {
                    (format!("yaml: line {line}: {}", f.problem), Some(line))
                } else {
                    (format!("yaml: {}", f.problem), None)
                }
            }
            Failure::Decode(msg) => (format!("yaml: {msg}"), None),
            Failure::Convert(msg) | Failure::Json(msg) => (msg.clone(), None),
        }
    }

    /// The error `sigs.k8s.io/yaml.Unmarshal` returns.
    pub(crate) fn into_error(self) -> Error {
        let (msg, line) = self.message();
        let stage = match self {
            Failure::Json(_) => "error unmarshaling JSON: while decoding JSON",
            _ => "error converting YAML to JSON",
        };
        Error::new(format!("{stage}: {msg}"), line)
    }
}

/// Reads the first document of `raw` as `sigs.k8s.io/yaml.Unmarshal` into
/// `interface{}` does.
pub(crate) fn from_yaml(raw: &[u8]) -> Result<Value, Failure> {
    from_yaml_with(raw, false)
}

/// [`from_yaml`], optionally keeping yaml.v2's integers as integers.
pub(crate) fn from_yaml_with(raw: &[u8], keep_ints: bool) -> Result<Value, Failure> {
    // yaml.v2 reads an empty input as a single line break.
    let raw: &[u8] = if raw.is_empty() { b"\n" } else { raw };
    let source = input::Source::new(raw);
    let mut parser = parser::Parser::new(&source);
    let Some((tree, root)) = tree::build(&mut parser)? else {
        return Ok(Value::Null);
    };
    drop(parser);
    decode::decode(&tree, source.text(), root, keep_ints)
}

/// [`from_yaml`] without the JSON step's typing: integers stay integers and
/// non-finite floats are not refused.
pub(crate) fn from_yaml_typed(raw: &[u8]) -> Result<Value, Failure> {
    let raw: &[u8] = if raw.is_empty() { b"\n" } else { raw };
    let source = input::Source::new(raw);
    let mut parser = parser::Parser::new(&source);
    let Some((tree, root)) = tree::build(&mut parser)? else {
        return Ok(Value::Null);
    };
    drop(parser);
    decode::decode_typed(&tree, source.text(), root)
}
