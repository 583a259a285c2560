//! The recorder, as a test that runs only when asked: `tools/sprig-oracle/record` runs
//! it with `KELM_SPRIG_HELM` set to the reference Helm (see `tests/support/record.rs`).
//!
//! - `KELM_SPRIG_HELM=PATH`: the Helm v4.1.4 binary (required unless checking);
//! - `KELM_SPRIG_RECORD=check`: only report stale or missing expectations;
//! - `KELM_SPRIG_RECORD=force`: re-record every case, not only changed ones.

mod support;

use std::path::{Path, PathBuf};

#[test]
#[ignore = "records expectations with the real Helm; run tools/sprig-oracle/record"]
fn record_with_helm() {
    let mode = std::env::var("KELM_SPRIG_RECORD").unwrap_or_default();
    let check = mode == "check";
    let force = mode == "force";
    let helm: PathBuf = match std::env::var_os("KELM_SPRIG_HELM") {
        Some(h) => h.into(),
        None if check => PathBuf::new(),
        None => panic!(
            "set KELM_SPRIG_HELM to the Helm {} binary",
            support::record::HELM_VERSION
        ),
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    if let Err(e) = support::record::record(&dir, &helm, force, check) {
        panic!("{e}");
    }
}
