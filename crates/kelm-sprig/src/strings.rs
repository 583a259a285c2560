//! Strings: `trim`, `upper`, `title`, `substr`, `repeat`, `contains`, `quote`, `indent`, `nindent`, `replace`, `plural`, `wrap`, `camelcase`, ... as Sprig.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
