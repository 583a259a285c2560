//! `kelm template` against the real Helm: every expectation in `tests/template/expected`
//! was recorded from helm v4.1.4 by `tools/template-oracle/record` (stdout, stderr and
//! exit status of `helm template ARGS`, run in `tests/template`, for the command lines
//! of `tests/template/cases.txt` over the fixture charts there: aliases, conditions,
//! tags, import-values, hooks, show-only, names, namespaces from kubeconfig files, and
//! Helm's errors). kelm must print the
//! same bytes and exit the same way; only its own name differs in usage lines, and
//! Helm's `--debug` log lines (`level=DEBUG ...`), which kelm does not print, are left
//! out of the comparison.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn template_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/template")
}

#[test]
fn template_matches_helm() {
    let dir = template_dir();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir.join("expected"))
        .expect("expectations are committed")
        .map(|e| e.expect("readable").path())
        .collect();
    names.sort();
    assert!(names.len() >= 20, "expectations missing: {names:?}");
    let mut failures = Vec::new();
    for path in &names {
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let args: Vec<String> = want["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let mut command = Command::new(env!("CARGO_BIN_EXE_kelm"));
        command
            .arg("template")
            .args(&args)
            .current_dir(&dir)
            .env("HOME", "/nonexistent-home")
            .env_remove("HELM_NAMESPACE")
            .env_remove("HELM_KUBECONTEXT")
            .env_remove("KUBECONFIG");
        for (k, v) in want["env"].as_object().unwrap() {
            command.env(k, v.as_str().unwrap());
        }
        let output = command.stdin(Stdio::null()).output().expect("kelm runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let want_stderr = want["stderr"]
            .as_str()
            .unwrap()
            .replace("\"helm template\"", "\"kelm template\"")
            .replace("Usage:  helm template", "Usage:  kelm template")
            .lines()
            .filter(|l| !l.starts_with("level=DEBUG "))
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        let code = output.status.code().unwrap_or(-1);
        if stdout != want["stdout"].as_str().unwrap()
            || stderr != want_stderr
            || i64::from(code) != want["exit_code"].as_i64().unwrap()
        {
            failures.push(format!(
                "{}: template {args:?}\n--- kelm (exit {code}) ---\n{stdout}{stderr}\n--- helm (exit {}) ---\n{}{want_stderr}",
                path.display(),
                want["exit_code"],
                want["stdout"].as_str().unwrap(),
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
