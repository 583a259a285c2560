//! Semantic versions with Masterminds' rules: `semver`, `semverCompare`.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
