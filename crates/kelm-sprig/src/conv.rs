//! Type conversion: `toString`, `atoi`, `int`, `int64`, `float64`, `toDecimal`, `toStrings`, `seq`, `until`, `untilStep`, `splitList`... as Sprig (with `spf13/cast`'s rules).

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
