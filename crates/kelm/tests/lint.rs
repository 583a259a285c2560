//! `kelm lint` against the real Helm: every expectation in `tests/lint/cases.json` was
//! recorded from helm v4.1.4 by `tools/lint-oracle/record` (stdout, stderr and exit
//! status of `helm lint ...` run in `tests/lint/fixtures`, charts with problems for
//! every lint rule, which the same script writes). kelm must print the same bytes and
//! exit the same way.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn lint_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint")
}

#[test]
fn lint_matches_helm() {
    let fixtures = lint_dir().join("fixtures");
    // The chart whose Chart.yaml is a directory: git keeps no empty directories, so
    // the test makes it, as the recorder did.
    std::fs::create_dir_all(fixtures.join("chartyaml-dir/Chart.yaml"))
        .expect("make the chartyaml-dir fixture");
    let cases: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(lint_dir().join("cases.json")).expect("cases are committed"),
    )
    .expect("valid JSON");
    assert!(cases.len() > 40, "the recorded cases are all there");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let args: Vec<&str> = case["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let output = Command::new(env!("CARGO_BIN_EXE_kelm"))
            .args(&args)
            .current_dir(&fixtures)
            .env("PWD", &fixtures)
            .env_remove("HELM_NAMESPACE")
            .stdin(Stdio::null())
            .output()
            .expect("kelm runs");
        let fx = fixtures.display().to_string();
        let stdout = String::from_utf8_lossy(&output.stdout).replace(&fx, "$FIXTURES");
        let stderr = String::from_utf8_lossy(&output.stderr)
            .replace(&fx, "$FIXTURES")
            .replace("kelm", "helm");
        let code = output.status.code().unwrap_or(-1) as i64;
        let mut diffs = Vec::new();
        if stdout != case["stdout"].as_str().unwrap() {
            diffs.push(format!(
                "stdout:\n--- helm\n{}--- kelm\n{stdout}",
                case["stdout"].as_str().unwrap()
            ));
        }
        if stderr != case["stderr"].as_str().unwrap() {
            diffs.push(format!(
                "stderr:\n--- helm\n{}--- kelm\n{stderr}",
                case["stderr"].as_str().unwrap()
            ));
        }
        if code != case["exit_code"].as_i64().unwrap() {
            diffs.push(format!("exit {code}, helm {}", case["exit_code"]));
        }
        if !diffs.is_empty() {
            failures.push(format!("== {name} {args:?}\n{}", diffs.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from helm:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
