//! Go's predefined template functions.

const NAMES: &[&str] = &[
    "and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or",
    "print", "printf", "println", "slice", "urlquery",
];

/// Whether `name` is one of Go's predefined template functions.
pub(crate) fn is_builtin(name: &str) -> bool {
    NAMES.contains(&name)
}
