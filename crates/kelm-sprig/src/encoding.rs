//! Encodings: `b64enc`, `b64dec`, `b32enc`, `b32dec`.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
