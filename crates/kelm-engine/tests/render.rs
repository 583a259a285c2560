//! Chart rendering against the real Helm v4.1.4.
//!
//! Each `tests/render-cases/NAME.case` is a small chart tree (a `# comment` header,
//! optional `args:` lines with `helm template` flags, then `=== PATH` sections holding
//! each file; `=== PATH (noeol)` for a file without a final newline). Its
//! `NAME.expected` is what `helm template rel CHART --namespace ns ARGS` printed:
//! written only by `tools/render-oracle/record` (the ignored test `record_with_helm`
//! below), never by kelm.
//!
//! The engine renders the same chart (loaded and its values coalesced by the small
//! loader here, enough for these charts), and each template's output is cut into
//! documents as Helm cuts them (`releaseutil.SplitManifests`) and compared with the
//! documents Helm printed under that template's `# Source:`. For a failing render the
//! engine's message must be what Helm printed after `Error: `.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kelm_engine::{Capabilities, KubeVersion, ReleaseOptions, RenderChart, RenderOptions};
use kelm_gotmpl::{List, Map, Type, Value};
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
// A loader for the test charts: Chart.yaml as Helm 4's `.Chart` map, values.yaml
// coalesced with subcharts' defaults and globals.

fn yaml(bytes: &[u8]) -> Data {
    kelm_yaml::from_yaml(std::str::from_utf8(bytes).unwrap()).unwrap()
}

fn string_of(m: &kelm_yaml::Map, key: &str) -> Value {
    match m.get(key) {
        Some(Data::String(s)) => Value::from(s.as_str()),
        _ => Value::from(""),
    }
}

fn list_of(m: &kelm_yaml::Map, key: &str, item: impl Fn(&Data) -> Value) -> Value {
    let items = match m.get(key) {
        Some(Data::Seq(items)) => items.iter().map(item).collect(),
        _ => Vec::new(),
    };
    Value::List(List::new(items))
}

/// `structToMap(Metadata)`: Go field names, zero values included.
fn metadata(chart_yaml: &Data) -> Value {
    let empty = kelm_yaml::Map::new();
    let m = match chart_yaml {
        Data::Map(m) => m,
        _ => &empty,
    };
    let plain = |d: &Data| kelm_sprig::data::from_data(d);
    let maintainer = |d: &Data| {
        let e = kelm_yaml::Map::new();
        let mm = match d {
            Data::Map(mm) => mm,
            _ => &e,
        };
        Value::Map(Map::from_entries([
            ("Name", string_of(mm, "name")),
            ("Email", string_of(mm, "email")),
            ("URL", string_of(mm, "url")),
        ]))
    };
    let annotations = match m.get("annotations") {
        Some(Data::Map(a)) => {
            let out = Map::with_type(Type::map_of(Type::String, Type::String));
            for (k, v) in a {
                if let Data::String(s) = v {
                    out.insert(k.as_str(), Value::from(s.as_str()));
                }
            }
            Value::Map(out)
        }
        _ => Value::Nil(Type::map_of(Type::String, Type::String)),
    };
    Value::Map(Map::from_entries([
        ("Name", string_of(m, "name")),
        ("Home", string_of(m, "home")),
        ("Sources", list_of(m, "sources", plain)),
        ("Version", string_of(m, "version")),
        ("Description", string_of(m, "description")),
        ("Keywords", list_of(m, "keywords", plain)),
        ("Maintainers", list_of(m, "maintainers", maintainer)),
        ("Icon", string_of(m, "icon")),
        ("APIVersion", string_of(m, "apiVersion")),
        ("Condition", string_of(m, "condition")),
        ("Tags", string_of(m, "tags")),
        ("AppVersion", string_of(m, "appVersion")),
        (
            "Deprecated",
            Value::Bool(matches!(m.get("deprecated"), Some(Data::Bool(true)))),
        ),
        ("Annotations", annotations),
        ("KubeVersion", string_of(m, "kubeVersion")),
        ("Dependencies", Value::List(List::new(Vec::new()))),
        ("Type", string_of(m, "type")),
    ]))
}

/// The chart at `prefix` in `files`, with its default values.
fn load_chart(files: &[(String, Vec<u8>)], prefix: &str) -> (RenderChart, Data) {
    let mut chart = RenderChart::default();
    let mut values = Data::Map(kelm_yaml::Map::new());
    let mut subs: Vec<String> = Vec::new();
    for (path, data) in files {
        let Some(rel) = path.strip_prefix(prefix) else {
            continue;
        };
        if rel == "Chart.yaml" {
            let meta = yaml(data);
            if let Data::Map(m) = &meta {
                if let Some(Data::String(n)) = m.get("name") {
                    chart.name = n.clone();
                }
                chart.is_library = matches!(m.get("type"), Some(Data::String(t)) if t == "library");
            }
            chart.metadata = metadata(&meta);
        } else if rel == "values.yaml" {
            values = yaml(data);
        } else if rel.starts_with("templates/") {
            chart
                .templates
                .push((rel.to_string(), String::from_utf8(data.clone()).unwrap()));
        } else if let Some(sub) = rel.strip_prefix("charts/") {
            let name = sub.split('/').next().unwrap().to_string();
            if !subs.contains(&name) {
                subs.push(name);
            }
        } else {
            chart.files.push((rel.to_string(), data.as_slice().into()));
        }
    }
    subs.sort();
    let mut sub_values = Vec::new();
    for s in subs {
        let (c, v) = load_chart(files, &format!("{prefix}charts/{s}/"));
        sub_values.push((c.name.clone(), v));
        chart.subcharts.push(c);
    }
    // Coalesce: the parent's table for each subchart over the subchart's defaults, and
    // the parent's globals over the subchart's.
    if let Data::Map(m) = &mut values {
        let parent_global = m.get("global").cloned();
        for (name, defaults) in sub_values {
            let mut table = match m.remove(&name) {
                Some(t @ Data::Map(_)) => t,
                _ => Data::Map(kelm_yaml::Map::new()),
            };
            fill(&mut table, &defaults);
            if let Data::Map(t) = &mut table {
                let mut g = match &parent_global {
                    Some(g @ Data::Map(_)) => g.clone(),
                    _ => Data::Map(kelm_yaml::Map::new()),
                };
                if let Some(own) = t.get("global") {
                    fill(&mut g, own);
                }
                t.insert("global".into(), g);
            }
            m.insert(name, table);
        }
    }
    (chart, values)
}

/// Adds to `dest` what `defaults` has and it lacks, recursively in tables.
fn fill(dest: &mut Data, defaults: &Data) {
    if let (Data::Map(d), Data::Map(s)) = (dest, defaults) {
        for (k, v) in s {
            match d.get_mut(k) {
                Some(existing) => fill(existing, v),
                None => {
                    d.insert(k.clone(), v.clone());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Helm's view of the output.

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Go's `strings.TrimSpace` for ASCII-spaced text.
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

/// The leftmost match of `(?:^|\s*\n)---\s*` in `s` from `from`.
fn find_separator(s: &[u8], from: usize) -> Option<(usize, usize)> {
    let spaces_from = |mut e: usize| {
        while e < s.len() && is_space(s[e]) {
            e += 1;
        }
        e
    };
    if from == 0 && s.starts_with(b"---") {
        return Some((0, spaces_from(3)));
    }
    let mut p = from;
    while p < s.len() {
        if !is_space(s[p]) {
            p += 1;
            continue;
        }
        // A run of spaces can end in `\n---` only at its end.
        let e = spaces_from(p);
        if s[e - 1] == b'\n' && s[e..].starts_with(b"---") {
            return Some((p, spaces_from(e + 3)));
        }
        p = e;
    }
    None
}

/// `releaseutil.SplitManifests`: documents split at `(?:^|\s*\n)---\s*`, empty
/// pieces dropped, the others trimmed.
fn split_manifests(text: &str) -> Vec<String> {
    let s = trim(text).as_bytes();
    let mut pieces = Vec::new();
    let mut beg = 0;
    while let Some((start, end)) = find_separator(s, beg) {
        pieces.push(&s[beg..start]);
        beg = end;
    }
    pieces.push(&s[beg..]);
    pieces
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| trim(std::str::from_utf8(p).unwrap()).to_string())
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
    let (chart, values) = load_chart(&case.files, "");
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
        if name.ends_with("NOTES.txt") || trim(&text).is_empty() {
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
