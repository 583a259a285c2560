//! Chart rendering against the real Helm v4.1.4.
//!
//! Each `tests/render-cases/NAME.case` is a small chart tree (a `# comment` header,
//! optional `args:` lines with `helm template` flags, then `=== PATH` sections holding
//! each file; `=== PATH (noeol)` for a file without a final newline). Its
//! `NAME.expected` is what `helm template rel CHART --namespace ns ARGS` printed:
//! written only by `tools/render-oracle/record` (the ignored test `record_with_helm`
//! below), never by kelm.
//!
//! The engine renders the same chart (loaded by kelm-chart, its values coalesced by
//! kelm-values as `helm template` does), and each template's output is cut into
//! documents as Helm cuts them (`releaseutil.SplitManifests`) and compared with the
//! documents Helm printed under that template's `# Source:`. For a failing render the
//! engine's message must be what Helm printed after `Error: `.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kelm_engine::{Capabilities, KubeVersion, ReleaseOptions, RenderChart, RenderOptions};
use kelm_yaml::Value as Data;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/render-cases")
}

/// A case: its flags and its files.
struct Case {
    name: String,
    text: String,
    args: Vec<String>,
    files: Vec<(String, Vec<u8>)>,
}

fn parse_case(name: &str, text: &str) -> Case {
    let mut args = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut current: Option<(String, bool, String)> = None;
    let finish = |cur: Option<(String, bool, String)>, files: &mut Vec<(String, Vec<u8>)>| {
        if let Some((path, noeol, mut body)) = cur {
            if noeol && body.ends_with('\n') {
                body.pop();
            }
            files.push((path, body.into_bytes()));
        }
    };
    for line in text.split_inclusive('\n') {
        if let Some(header) = line.strip_prefix("=== ") {
            finish(current.take(), &mut files);
            let header = header.trim_end();
            let (path, noeol) = match header.strip_suffix(" (noeol)") {
                Some(p) => (p, true),
                None => (header, false),
            };
            current = Some((path.to_string(), noeol, String::new()));
        } else if let Some((_, _, body)) = current.as_mut() {
            body.push_str(line);
        } else if let Some(a) = line.strip_prefix("args:") {
            args.extend(a.split_whitespace().map(String::from));
        }
    }
    finish(current, &mut files);
    Case {
        name: name.to_string(),
        text: text.to_string(),
        args,
        files,
    }
}

fn load_cases() -> Vec<Case> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/render-cases")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "case"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            parse_case(&name, &std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// FNV-1a, to notice a case changed after it was recorded.
fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// What Helm did: exit status, standard error, standard output.
struct Expected {
    fingerprint: String,
    exit: i32,
    stderr: String,
    stdout: String,
}

fn expected_path(case: &Case) -> PathBuf {
    cases_dir().join(format!("{}.expected", case.name))
}

fn parse_expected(text: &str) -> Expected {
    let mut rest = text;
    let mut line = || {
        let (l, r) = rest.split_once('\n').expect("header line");
        rest = r;
        l.to_string()
    };
    let fingerprint = line().strip_prefix("case ").unwrap().to_string();
    let exit = line().strip_prefix("exit ").unwrap().parse().unwrap();
    let n: usize = line()
        .strip_prefix("stderr-bytes ")
        .unwrap()
        .parse()
        .unwrap();
    Expected {
        fingerprint,
        exit,
        stderr: rest[..n].to_string(),
        stdout: rest[n..].to_string(),
    }
}

// ---------------------------------------------------------------------------------
// The chart, as `helm template` gets it: kelm-chart's loader, then Helm's dependency
// processing and coalescing (kelm-values) with no user values.

fn load_chart(files: &[(String, Vec<u8>)]) -> Result<(RenderChart, Data), String> {
    let buffered = files
        .iter()
        .map(|(name, data)| kelm_chart::archive::BufferedFile {
            name: name.clone(),
            data: data.clone(),
        })
        .collect();
    let mut chart = kelm_chart::load_files(buffered).map_err(|e| e.to_string())?;
    let user = Data::Map(kelm_yaml::Map::new());
    kelm_values::process_dependencies(&mut chart, &user).map_err(|e| e.to_string())?;
    let (values, _) = kelm_values::coalesce_values(&chart, &user).map_err(|e| e.to_string())?;
    Ok((RenderChart::from_chart(&chart), values))
}

// ---------------------------------------------------------------------------------
// Helm's view of the output.

/// `releaseutil.SplitManifests` (kelm-engine's own), owned.
fn split_manifests(text: &str) -> Vec<String> {
    kelm_engine::manifest::split_manifests(text)
        .into_iter()
        .map(String::from)
        .collect()
}

/// The documents Helm printed, by `# Source:`.
fn helm_documents(stdout: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let body = stdout.strip_suffix('\n').unwrap_or(stdout);
    let Some(body) = body.strip_prefix("---\n# Source: ") else {
        assert!(body.is_empty(), "unexpected output: {stdout:?}");
        return out;
    };
    for piece in body.split("\n---\n# Source: ") {
        let (name, content) = piece.split_once('\n').unwrap_or((piece, ""));
        out.entry(name.to_string())
            .or_default()
            .push(content.to_string());
    }
    out
}

/// Renders a case with the engine: the documents by template, or the error message.
fn render_case(case: &Case) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut caps = Capabilities::default();
    let mut args = case.args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--kube-version" => {
                let v = args.next().unwrap();
                caps.kube_version = KubeVersion::parse(v)
                    .map_err(|e| format!("invalid kube version '{v}': {e}"))?;
            }
            "--api-versions" | "-a" => {
                let v = args.next().unwrap();
                caps.api_versions.extend(v.split(',').map(String::from));
            }
            other => panic!("{}: unsupported flag {other}", case.name),
        }
    }
    let (chart, values) = load_chart(&case.files)?;
    let release = ReleaseOptions {
        name: "rel".into(),
        namespace: "ns".into(),
        revision: 1,
        is_upgrade: false,
        is_install: true,
    };
    let rendered = kelm_engine::render(&chart, &values, &release, &caps, &RenderOptions::default())
        .map_err(|e| e.message().to_string())?;
    let mut out = BTreeMap::new();
    for (name, text) in rendered {
        if name.ends_with("NOTES.txt") || text.trim().is_empty() {
            continue;
        }
        out.insert(name, split_manifests(&text));
    }
    Ok(out)
}

#[test]
fn splitting_as_helm() {
    assert_eq!(split_manifests("a: 1\n---\nb: 2\n"), ["a: 1", "b: 2"]);
    assert_eq!(split_manifests("---\na: 1\n  \n---  \n\nb"), ["a: 1", "b"]);
    assert_eq!(split_manifests("a: x---y"), ["a: x---y"]);
    // The separator's trailing spaces take the newline a second `---` would need.
    assert_eq!(split_manifests("a\n---\n---\nb"), ["a", "---\nb"]);
}

#[test]
fn differential() {
    let cases = load_cases();
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let text = match std::fs::read_to_string(expected_path(case)) {
            Ok(t) => t,
            Err(_) => {
                failures.push(format!(
                    "{}: not recorded (run tools/render-oracle/record)",
                    case.name
                ));
                continue;
            }
        };
        let expected = parse_expected(&text);
        if expected.fingerprint != fingerprint(&case.text) {
            failures.push(format!(
                "{}: recorded from an older version of the case",
                case.name
            ));
            continue;
        }
        let got = render_case(case);
        let ok = if expected.exit == 0 {
            got.as_ref().ok() == Some(&helm_documents(&expected.stdout))
        } else {
            let message = expected
                .stderr
                .strip_prefix("Error: ")
                .and_then(|m| m.strip_suffix('\n'))
                .map(|m| {
                    m.strip_suffix("\n\nUse --debug flag to render out invalid YAML")
                        .unwrap_or(m)
                })
                .unwrap_or(&expected.stderr);
            got.as_ref().err().map(String::as_str) == Some(message)
        };
        if !ok {
            failures.push(format!(
                "{}:\n  helm (exit {}): stdout {:?} stderr {:?}\n  kelm: {:?}",
                case.name, expected.exit, expected.stdout, expected.stderr, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Helm:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs the real Helm on every case and writes the `.expected` files (and the engine's
/// recorded defaults); see `tools/render-oracle/record`.
#[test]
#[ignore = "needs the real Helm; run through tools/render-oracle/record"]
fn record_with_helm() {
    let helm = std::env::var("KELM_HELM")
        .unwrap_or_else(|_| format!("{}/.cache/kelm/helm/helm", std::env::var("HOME").unwrap()));
    let tmp = std::env::temp_dir().join(format!("kelm-render-oracle-{}", std::process::id()));
    let run = |dir: &Path, args: &[String]| {
        let out = std::process::Command::new(&helm)
            .arg("template")
            .arg("rel")
            .arg(dir)
            .args(["--namespace", "ns"])
            .args(args)
            .env("HOME", &tmp)
            .env("KUBECONFIG", tmp.join("no-kubeconfig"))
            .output()
            .expect("run helm");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stderr).unwrap(),
            String::from_utf8(out.stdout).unwrap(),
        )
    };
    for case in load_cases() {
        let dir = tmp.join(&case.name);
        let _ = std::fs::remove_dir_all(&dir);
        for (path, data) in &case.files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, data).unwrap();
        }
        let (exit, stderr, stdout) = run(&dir, &case.args);
        let text = format!(
            "case {}\nexit {exit}\nstderr-bytes {}\n{stderr}{stdout}",
            fingerprint(&case.text),
            stderr.len()
        );
        std::fs::write(expected_path(&case), text).unwrap();
    }
    // The defaults of `.Capabilities` without a cluster.
    let dir = tmp.join("defaults");
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(
        dir.join("Chart.yaml"),
        "apiVersion: v2\nname: d\nversion: 0.1.0\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("templates/a.yaml"),
        "{{- range .Capabilities.APIVersions }}\n# api {{ . }}\n{{- end }}\n\
         # kube {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }}\n\
         {{- with .Capabilities.HelmVersion }}\n# helm {{ .Version }} {{ .GitCommit }} {{ .GitTreeState }} {{ .GoVersion }} {{ .KubeClientVersion }}\n{{- end }}\n",
    )
    .unwrap();
    let (exit, stderr, stdout) = run(&dir, &[]);
    assert_eq!(exit, 0, "{stderr}");
    let mut data = String::from(
        "# What helm v4.1.4's 'helm template' sees without a cluster (recorded by tools/render-oracle/record).\n",
    );
    for line in stdout.lines() {
        if let Some(l) = line.strip_prefix("# ")
            && ["api ", "kube ", "helm "].iter().any(|p| l.starts_with(p))
        {
            data.push_str(l);
            data.push('\n');
        }
    }
    std::fs::write(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/default-capabilities.txt"),
        data,
    )
    .unwrap();
    let _ = std::fs::remove_dir_all(&tmp);
}
