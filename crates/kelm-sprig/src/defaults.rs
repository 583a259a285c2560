//! Defaults and flow: `default`, `empty`, `coalesce`, `all`, `any`, `compact`, `ternary`, `fail`, `fromJson`/`toJson` family.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
