//! Regular expressions with Go's RE2 syntax and semantics: `regexMatch`, `regexFind`, `regexFindAll`, `regexReplaceAll`, `regexSplit`, `regexQuoteMeta` and their `must` forms.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
