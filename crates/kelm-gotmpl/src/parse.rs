//! The template parser (Go's `text/template/parse/parse.go` behaviour).

use crate::Error;
use crate::ast::Tree;

/// How to parse.
pub(crate) struct Options<'a> {
    /// Left action delimiter.
    pub left_delim: &'a str,
    /// Right action delimiter.
    pub right_delim: &'a str,
    /// Whether a function of this name exists (builtins included).
    pub has_function: &'a dyn Fn(&str) -> bool,
    /// Keep comments in the tree (Go's `ParseComments` mode).
    pub keep_comments: bool,
    /// Do not check that functions exist (Go's `SkipFuncCheck` mode).
    pub skip_func_check: bool,
}

/// Parses `text` as template `name`; returns the trees it defines (the main one named
/// `name`, then one per `define`/`block`), in the order they were completed.
pub(crate) fn parse(name: &str, text: &str, opts: &Options<'_>) -> Result<Vec<Tree>, Error> {
    let _ = (name, text, opts);
    todo!("parser")
}
