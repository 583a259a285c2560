//! Lists: `list`, `tuple`, `append`, `prepend`, `first`, `rest`, `last`, `initial`, `reverse`, `uniq`, `without`, `has`, `slice`, `concat`, `chunk`, `sortAlpha`, `join` and their `must` forms.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
