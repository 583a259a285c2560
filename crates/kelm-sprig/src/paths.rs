//! Paths: `base`, `dir`, `clean`, `ext`, `isAbs` and their `os` forms.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
