//! Dictionaries: `dict`, `get`, `set`, `unset`, `hasKey`, `pluck`, `keys`, `pick`, `omit`, `merge`, `mergeOverwrite`, `values`, `deepCopy`, `dig`.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
