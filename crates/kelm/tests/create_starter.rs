//! `kelm create NAME --starter STARTER` against `helm create` on the same starters.
//!
//! `create/starter-facts.json` holds what helm v4.1.4 did in each case (recorded by
//! `tools/starter-oracle/record` from the starters under `create/starters/`): its exit
//! code and messages, and the tree it left in the working directory (each file's
//! sha256 and short text, the entries of each `.tgz`). Each case is replayed here with
//! kelm, set up the same way, and must give the same facts.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use insta::assert_snapshot;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const FACTS: &str = include_str!("create/starter-facts.json");

fn starters() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/create/starters")
}

/// A new empty directory for one case.
fn scratch() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "starter-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A file's facts as the recorder writes them: sha256, and the text when it is UTF-8
/// and at most 4000 bytes.
fn entry(data: &[u8]) -> serde_json::Map<String, Value> {
    let mut fact = serde_json::Map::new();
    fact.insert(
        "sha256".into(),
        json!(format!("{:x}", Sha256::digest(data))),
    );
    if let Ok(text) = std::str::from_utf8(data)
        && data.len() <= 4000
    {
        fact.insert("text".into(), json!(text));
    }
    fact
}

fn tar_entries(data: &[u8]) -> Value {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(data));
    let mut members = Vec::new();
    for e in archive.entries().expect("a tar.gz archive") {
        let mut e = e.expect("an archive entry");
        let mut body = Vec::new();
        e.read_to_end(&mut body).unwrap();
        let mut fact = serde_json::Map::new();
        fact.insert(
            "name".into(),
            json!(e.path().unwrap().display().to_string()),
        );
        fact.insert("mode".into(), json!(e.header().mode().unwrap()));
        fact.insert("size".into(), json!(e.header().size().unwrap()));
        fact.insert(
            "type".into(),
            json!((e.header().entry_type().as_byte() as char).to_string()),
        );
        fact.extend(entry(&body));
        members.push(Value::Object(fact));
    }
    Value::Array(members)
}

/// The recorder's facts about every path under `root`.
fn tree(root: &Path) -> Value {
    fn walk(root: &Path, dir: &Path, facts: &mut BTreeMap<String, Value>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            if path.is_dir() {
                facts.insert(format!("{rel}/"), Value::Null);
                walk(root, &path, facts);
            } else {
                let data = std::fs::read(&path).unwrap();
                let fact = if rel.ends_with(".tgz") {
                    json!({ "tar": tar_entries(&data) })
                } else {
                    Value::Object(entry(&data))
                };
                facts.insert(rel, fact);
            }
        }
    }
    let mut facts = BTreeMap::new();
    walk(root, root, &mut facts);
    json!(facts)
}

/// Runs one recorded case with kelm and returns the same facts the recorder kept.
fn replay(case: &Value) -> Value {
    let base = scratch();
    let (work, data) = (base.join("work"), base.join("data"));
    std::fs::create_dir_all(&work).unwrap();
    let (sub, var) = match case["data_home"].as_str().unwrap() {
        "helm" => ("starters", "HELM_DATA_HOME"),
        "xdg" => ("helm/starters", "XDG_DATA_HOME"),
        "home" => (".local/share/helm/starters", "HOME"),
        other => panic!("unknown data home {other}"),
    };
    copy_tree(&starters(), &data.join(sub));
    for setup in case["setup"].as_array().unwrap() {
        let (kind, path) = setup.as_str().unwrap().split_once(':').unwrap();
        let path = work.join(path);
        if kind == "dir" {
            std::fs::create_dir_all(path).unwrap();
        } else {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
    }
    let before = tree(&work);
    let data_s = data.display().to_string();
    let args: Vec<String> = case["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().replace("[DATA]", &data_s))
        .collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kelm"));
    cmd.arg("create")
        .args(&args)
        .current_dir(&work)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("PWD", &work)
        .env(var, &data)
        .stdin(Stdio::null());
    if var != "HOME" {
        cmd.env("HOME", base.join("nohome"));
    }
    let output = cmd.output().expect("kelm runs");
    let work_s = work.display().to_string();
    let show = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&data_s, "[DATA]")
            .replace(&work_s, "[DIR]")
            .replace("kelm", "helm")
    };
    let facts = json!({
        "exit_code": output.status.code(),
        "stdout": show(&output.stdout),
        "stderr": show(&output.stderr),
        "tree_before": before,
        "tree": tree(&work),
    });
    let _ = std::fs::remove_dir_all(&base);
    facts
}

#[test]
fn same_as_helm_create_with_a_starter() {
    let facts: Value = serde_json::from_str(FACTS).expect("starter-facts.json is JSON");
    let cases = facts["cases"].as_array().expect("cases");
    assert!(cases.len() >= 15, "too few recorded cases");
    let mut failed = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let got = replay(case);
        for key in ["exit_code", "stdout", "stderr", "tree_before"] {
            if got[key] != case[key] {
                failed.push(format!(
                    "{name}: {key} differs\n  helm: {}\n  kelm: {}",
                    case[key], got[key]
                ));
            }
        }
        // An empty --starter means kelm's own scaffold, whose files say the same in
        // kelm's words: only their paths are Helm's.
        let own_scaffold = case["args"].as_array().unwrap().iter().any(|a| a == "");
        let (want, have) = (
            case["tree"].as_object().unwrap(),
            got["tree"].as_object().unwrap(),
        );
        for path in want
            .keys()
            .chain(have.keys().filter(|p| !want.contains_key(*p)))
        {
            let (w, h) = (&want.get(path), &have.get(path));
            let differs = if own_scaffold {
                w.is_some() != h.is_some()
            } else {
                w != h
            };
            if differs {
                failed.push(format!("{name}: {path}\n  helm: {w:?}\n  kelm: {h:?}"));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} differences:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Runs `kelm create ARGS` in a new directory with the fixtures as Helm's starters,
/// showing the status and messages (the directory as `[DIR]`, the starters as
/// `[STARTERS]`).
fn kelm_with_starters(args: &[&str]) -> String {
    let work = scratch();
    let data = work.join("data");
    copy_tree(&starters(), &data.join("starters"));
    let output = Command::new(env!("CARGO_BIN_EXE_kelm"))
        .arg("create")
        .args(args)
        .current_dir(&work)
        .env("HELM_DATA_HOME", &data)
        .stdin(Stdio::null())
        .output()
        .expect("kelm runs");
    let text = format!(
        "status: {}\n----- stdout -----\n{}----- stderr -----\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&work);
    text.replace(&data.join("starters").display().to_string(), "[STARTERS]")
        .replace(&work.display().to_string(), "[DIR]")
}

// The messages below are those helm v4.1.4 printed in the recorded cases of the same
// names (see starter-facts.json).

#[test]
fn missing_starter() {
    assert_snapshot!(kelm_with_starters(&["x", "-p", "nope"]), @"
    status: 1
    ----- stdout -----
    Creating x
    ----- stderr -----
    Error: could not load [STARTERS]/nope: stat [STARTERS]/nope: no such file or directory
    ");
    assert_snapshot!(kelm_with_starters(&["x", "-p", "/nonexistent/starter"]), @"
    status: 1
    ----- stdout -----
    Creating x
    ----- stderr -----
    Error: could not load /nonexistent/starter: stat /nonexistent/starter: no such file or directory
    ");
}

#[test]
fn starter_that_is_not_a_chart() {
    assert_snapshot!(kelm_with_starters(&["x", "--starter", "src"]), @"
    status: 1
    ----- stdout -----
    Creating x
    ----- stderr -----
    Error: could not load [STARTERS]/src: Chart.yaml file is missing
    ");
}

#[test]
fn name_that_breaks_the_values() {
    assert_snapshot!(kelm_with_starters(&["a: b", "-p", "web"]), @"
    status: 1
    ----- stdout -----
    Creating a: b
    ----- stderr -----
    Error: transforming values file: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context
    ");
}

#[test]
fn missing_value_of_the_flag() {
    assert_snapshot!(kelm_with_starters(&["x", "-p"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: flag needs an argument: 'p' in -p
    ");
    assert_snapshot!(kelm_with_starters(&["x", "--starter"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: flag needs an argument: --starter
    ");
}
