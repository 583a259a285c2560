//! Integer and float math: `add`, `sub`, `mul`, `div`, `mod`, `max`, `min`, `addf`..., `ceil`, `floor`, `round`.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
