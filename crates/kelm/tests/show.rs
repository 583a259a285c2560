//! `kelm show` against the real Helm: every expectation in `tests/show/expected` was
//! recorded from helm v4.1.4 by `tools/show-oracle/record` (stdout, stderr, exit
//! status of `helm show <part> <chart>`), for the fixtures in `tests/show/fixtures`
//! (valid, broken and hostile charts and archives, written by
//! `tools/show-oracle/gen_fixtures.py`) and for the chart corpus in
//! `../shared/corpus/charts` (whose stdout is kept as its SHA-256). kelm must print
//! the same bytes and exit the same way. The corpus is found as `scripts/corpus` finds
//! it (`KELM_CORPUS`, `../shared/corpus` beside the checkout, `/work/shared/corpus`);
//! without it the corpus test fails rather than skips.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The shared chart corpus's `charts/` folder.
fn corpus_charts() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = [
        std::env::var_os("KELM_CORPUS").map(PathBuf::from),
        Some(root.join("../shared/corpus")),
        Some(PathBuf::from("/work/shared/corpus")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|c| c.join("check").is_file())
        .map(|c| c.join("charts"))
        .expect(
            "the shared chart corpus was not found: set KELM_CORPUS to the folder holding `check`",
        )
}

fn show_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/show")
}

/// Runs every expectation whose file name starts with `prefix`; returns the failures.
fn run_cases(prefix: &str, base: &Path) -> (usize, Vec<String>) {
    let fixtures = show_dir().join("fixtures");
    let mut names: Vec<PathBuf> = std::fs::read_dir(show_dir().join("expected"))
        .expect("expectations are committed")
        .map(|e| e.expect("readable").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for path in &names {
        let file = path.file_name().unwrap().to_str().unwrap();
        let stem = file
            .strip_suffix(".json")
            .unwrap()
            .strip_prefix(prefix)
            .unwrap();
        let (chart, part) = stem.rsplit_once('.').unwrap();
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_kelm"))
            .args(["show", part])
            .arg(base.join(chart))
            .stdin(Stdio::null())
            .output()
            .expect("kelm runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr)
            .replace(&fixtures.display().to_string(), "$FIXTURES")
            .replace(&base.display().to_string(), "$CORPUS");
        let code = output.status.code().unwrap_or(-1);
        let mut diffs = Vec::new();
        if let Some(digest) = want["stdout_sha256"].as_str() {
            // Corpus expectations keep only the digest of Helm's output.
            use sha2::Digest;
            let got = format!("{:x}", sha2::Sha256::digest(&output.stdout));
            if got != digest {
                diffs.push(format!(
                    "stdout: helm {} bytes (sha256 {digest}), kelm {} bytes (sha256 {got})",
                    want["stdout_len"],
                    output.stdout.len()
                ));
            }
        } else if stdout != want["stdout"].as_str().unwrap() {
            diffs.push(format!(
                "stdout:\n--- helm\n{}\n--- kelm\n{stdout}",
                want["stdout"].as_str().unwrap()
            ));
        }
        if stderr != want["stderr"].as_str().unwrap() {
            diffs.push(format!(
                "stderr: helm {:?}\n        kelm {stderr:?}",
                want["stderr"].as_str().unwrap()
            ));
        }
        if i64::from(code) != want["exit_code"].as_i64().unwrap() {
            diffs.push(format!("exit code: helm {} kelm {code}", want["exit_code"]));
        }
        if !diffs.is_empty() {
            failures.push(format!("== {file}\n{}", diffs.join("\n")));
        }
    }
    (names.len(), failures)
}

fn check(prefix: &str, base: &Path) {
    let (total, failures) = run_cases(prefix, base);
    assert!(total > 0, "no expectations for {prefix}");
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from helm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn fixtures_match_helm() {
    check("fixture-", &show_dir().join("fixtures"));
}

#[test]
fn corpus_matches_helm() {
    check("corpus-", &corpus_charts());
}
