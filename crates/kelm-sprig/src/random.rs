//! Randomness: `randAlphaNum`, `randAlpha`, `randAscii`, `randNumeric`, `randInt`, `randBytes`, `uuidv4`, `shuffle`.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
