//! Reflection: `typeOf`, `typeIs`, `typeIsLike`, `kindOf`, `kindIs`, `deepEqual`.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
