//! `kelm create`: the chart it writes against `helm create`'s, and what it prints.
//!
//! The facts about Helm (its scaffold's file tree and values, the objects Helm renders
//! from both scaffolds, Helm's lint verdict on kelm's) are in `create/helm-facts.json`,
//! recorded from helm v4.1.4 by `tools/create-oracle/record`. The messages in the
//! snapshots are what helm v4.1.4 printed for the same command lines (`helm` read as
//! `kelm`, the working directory as `[DIR]`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use insta::assert_snapshot;

const FACTS: &str = include_str!("create/helm-facts.json");

fn facts() -> serde_json::Value {
    serde_json::from_str(FACTS).expect("helm-facts.json is JSON")
}

/// A new empty directory for one test.
fn scratch() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "create-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Runs kelm with `args` in `dir`, showing its status and output with `dir` as `[DIR]`.
fn kelm_in(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kelm"))
        .args(args)
        .current_dir(dir)
        .env("PWD", dir)
        .stdin(Stdio::null())
        .output()
        .expect("kelm runs");
    let status = output
        .status
        .code()
        .map_or_else(|| format!("{:?}", output.status), |c| c.to_string());
    let text = format!(
        "status: {status}\n----- stdout -----\n{}----- stderr -----\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    text.replace(&dir.display().to_string(), "[DIR]")
}

/// Every path under `root`, directories with a trailing `/`, sorted (as the recorder
/// lists them).
fn tree(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, paths: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            if path.is_dir() {
                paths.push(format!("{rel}/"));
                walk(root, &path, paths);
            } else {
                paths.push(rel);
            }
        }
    }
    let mut paths = Vec::new();
    walk(root, root, &mut paths);
    paths.sort();
    paths
}

/// The recorder's digest of a chart directory: FNV-1a (64 bits) over each path and
/// file's bytes, in path order.
fn digest(root: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in tree(root) {
        let mut data = path.clone().into_bytes();
        data.push(0);
        if !path.ends_with('/') {
            data.extend(std::fs::read(root.join(&path)).expect("readable file"));
        }
        data.push(0);
        for byte in data {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Creates chart `x` with kelm in a new directory and returns the chart's path.
fn kelm_chart() -> PathBuf {
    let dir = scratch();
    let shown = kelm_in(&dir, &["create", "x"]);
    assert!(shown.starts_with("status: 0\n"), "{shown}");
    dir.join("x")
}

#[test]
fn facts_describe_this_scaffold() {
    assert_eq!(
        facts()["kelm_scaffold_digest"].as_str(),
        Some(digest(&kelm_chart()).as_str()),
        "kelm's scaffold changed since Helm's verdicts on it were recorded: \
         run tools/create-oracle/record"
    );
}

#[test]
fn same_files_as_helm_create() {
    let want: Vec<String> = serde_json::from_value(facts()["helm_tree"].clone()).unwrap();
    assert_eq!(tree(&kelm_chart()), want);
}

#[test]
fn same_values_as_helm_create() {
    let facts = facts();
    let helm = kelm_yaml::from_json(&facts["helm_values"].to_string()).unwrap();
    // kelm's values.yaml as kelm reads it, and as Helm read it.
    let text = std::fs::read_to_string(kelm_chart().join("values.yaml")).unwrap();
    assert_eq!(kelm_yaml::from_yaml(&text).unwrap(), helm);
    let by_helm = facts["kelm_values_as_helm_reads_them"].to_string();
    assert_eq!(kelm_yaml::from_json(&by_helm).unwrap(), helm);
}

#[test]
fn helm_renders_the_same_objects_from_both_scaffolds() {
    let objects = &facts()["objects"];
    for case in ["default", "all"] {
        let helm = &objects[format!("helm-{case}")];
        assert!(
            helm.as_array().is_some_and(|a| !a.is_empty()),
            "{case}: no objects recorded"
        );
        assert_eq!(&objects[format!("kelm-{case}")], helm, "{case}");
    }
    // The optional objects are on in the "all" case.
    let all = objects["helm-all"].to_string();
    for kind in ["HorizontalPodAutoscaler", "Ingress", "HTTPRoute"] {
        assert!(all.contains(kind), "{kind} missing with every feature on");
    }
}

#[test]
fn helm_lint_passes_on_kelms_chart() {
    let lint = &facts()["kelm_lint"];
    assert_eq!(lint["exit_code"], 0, "{lint}");
    assert_eq!(lint["problems"], serde_json::json!([]), "{lint}");
    assert_eq!(
        lint["summary"],
        serde_json::json!(["1 chart(s) linted, 0 chart(s) failed"])
    );
}

#[test]
fn chart_yaml() {
    let text = std::fs::read_to_string(kelm_chart().join("Chart.yaml")).unwrap();
    let chart = kelm_yaml::from_yaml(&text).unwrap();
    let want = kelm_yaml::from_json(
        r#"{"apiVersion": "v2", "name": "x", "type": "application", "version": "0.1.0",
            "appVersion": "1.16.0",
            "description": "A Kubernetes application packaged as a chart, scaffolded by kelm"}"#,
    )
    .unwrap();
    assert_eq!(chart, want);
}

#[test]
fn create() {
    let dir = scratch();
    assert_snapshot!(kelm_in(&dir, &["create", "x"]), @"
    status: 0
    ----- stdout -----
    Creating x
    ----- stderr -----
    ");
    // The chart's name replaces the placeholder everywhere.
    let helpers = std::fs::read_to_string(dir.join("x/templates/_helpers.tpl")).unwrap();
    assert!(helpers.contains("define \"x.fullname\"") && !helpers.contains("CHARTNAME"));
}

#[test]
fn create_over_an_existing_chart_warns_and_overwrites() {
    let dir = scratch();
    kelm_in(&dir, &["create", "x"]);
    std::fs::write(dir.join("x/values.yaml"), "changed").unwrap();
    std::fs::write(dir.join("x/templates/mine.yaml"), "kept").unwrap();
    assert_snapshot!(kelm_in(&dir, &["create", "x"]), @r#"
    status: 0
    ----- stdout -----
    Creating x
    WARNING: File "[DIR]/x/Chart.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/values.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/.helmignore" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/ingress.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/httproute.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/deployment.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/service.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/serviceaccount.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/hpa.yaml" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/NOTES.txt" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/_helpers.tpl" already exists. Overwriting.
    WARNING: File "[DIR]/x/templates/tests/test-connection.yaml" already exists. Overwriting.
    ----- stderr -----
    "#);
    assert!(std::fs::read_to_string(dir.join("x/values.yaml")).unwrap() != "changed");
    assert_eq!(
        std::fs::read_to_string(dir.join("x/templates/mine.yaml")).unwrap(),
        "kept"
    );
}

#[test]
fn create_in_a_path() {
    let dir = scratch();
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    assert_snapshot!(kelm_in(&dir, &["create", "a/b/x"]), @"
    status: 0
    ----- stdout -----
    Creating a/b/x
    ----- stderr -----
    ");
    assert!(dir.join("a/b/x/Chart.yaml").is_file());
    // Go's path rules: the last element of `./y/` is `y`, and so is its directory.
    std::fs::create_dir(dir.join("y")).unwrap();
    assert_snapshot!(kelm_in(&dir, &["create", "./y/"]), @"
    status: 0
    ----- stdout -----
    Creating ./y/
    ----- stderr -----
    ");
    assert!(dir.join("y/y/Chart.yaml").is_file());
}

#[test]
fn create_errors() {
    let dir = scratch();
    std::fs::write(dir.join("f"), "").unwrap();
    assert_snapshot!(kelm_in(&dir, &["create", "f"]), @"
    status: 1
    ----- stdout -----
    Creating f
    ----- stderr -----
    Error: file [DIR]/f already exists and is not a directory
    ");
    assert_snapshot!(kelm_in(&dir, &["create", "f/y"]), @"
    status: 1
    ----- stdout -----
    Creating f/y
    ----- stderr -----
    Error: no such directory [DIR]/f
    ");
    assert_snapshot!(kelm_in(&dir, &["create", "nodir/sub/y"]), @"
    status: 1
    ----- stdout -----
    Creating nodir/sub/y
    ----- stderr -----
    Error: stat [DIR]/nodir/sub: no such file or directory
    ");
    assert_snapshot!(kelm_in(&dir, &["create", "a b"]), @r#"
    status: 1
    ----- stdout -----
    Creating a b
    ----- stderr -----
    Error: chart name must match the regular expression "^[a-zA-Z0-9._-]+$"
    "#);
    assert_snapshot!(kelm_in(&dir, &["create", "/"]), @r#"
    status: 1
    ----- stdout -----
    Creating /
    ----- stderr -----
    Error: chart name must match the regular expression "^[a-zA-Z0-9._-]+$"
    "#);
    let long = "a".repeat(251);
    assert_snapshot!(kelm_in(&dir, &["create", &long]).replace(&long, "[251 x a]"), @"
    status: 1
    ----- stdout -----
    Creating [251 x a]
    ----- stderr -----
    Error: chart name must be between 1 and 250 characters
    ");
    assert_snapshot!(kelm_in(&dir, &["create"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: "kelm create" requires 1 argument

    Usage:  kelm create NAME [flags]
    "#);
    assert_snapshot!(kelm_in(&dir, &["create", "a", "b"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: "kelm create" requires 1 argument

    Usage:  kelm create NAME [flags]
    "#);
    assert_snapshot!(kelm_in(&dir, &["create", "--foo", "x"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown flag: --foo
    ");
    // Nothing was written by the failures.
    assert_eq!(tree(&dir), ["f"]);
}
