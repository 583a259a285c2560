//! Dates and durations: `now`, `date`, `dateInZone`, `dateModify`, `toDate`, `ago`, `duration`, `durationRound`, `htmlDate`, `unixEpoch`... with Go's layout strings.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
