//! Replays the cases `tools/values-oracle/record` recorded with the real Helm 4.1.4
//! (`helm template` on the charts of `tests/fixtures`): kelm-values must give every
//! chart the same `.Values` (as `toJson` prints them, and each leaf's Go type), the
//! same coalescing warnings and the same errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kelm_values::{
    FsReader, Map, Value, ValueOptions, ValuesChart, ValuesReader, coalesce_values, format_warning,
    merge_values, options::load_values, schema::validate_values,
};
use kelm_yaml::JsonStyle;

/// A fixture chart directory: `Chart.yaml`'s name, `values.yaml`, the schema, and
/// `charts/*` in name order.
struct Fixture {
    name: String,
    values: Value,
    schema: Option<Vec<u8>>,
    subs: Vec<Fixture>,
}

impl Fixture {
    fn load(dir: &Path) -> Fixture {
        let meta = kelm_yaml::from_yaml(&std::fs::read_to_string(dir.join("Chart.yaml")).unwrap())
            .unwrap();
        let meta = meta.into_map().expect("Chart.yaml is a map");
        let Some(Value::String(name)) = meta.get("name") else {
            panic!("name in {dir:?}")
        };
        let values =
            load_values(&std::fs::read(dir.join("values.yaml")).unwrap_or_default()).unwrap();
        let schema = std::fs::read(dir.join("values.schema.json")).ok();
        let mut sub_dirs: Vec<PathBuf> = std::fs::read_dir(dir.join("charts"))
            .map(|rd| rd.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        sub_dirs.sort();
        Fixture {
            name: name.clone(),
            values,
            schema,
            subs: sub_dirs.iter().map(|d| Fixture::load(d)).collect(),
        }
    }
}

impl ValuesChart for Fixture {
    fn name(&self) -> &str {
        &self.name
    }
    fn values(&self) -> &Value {
        &self.values
    }
    fn subcharts(&self) -> Vec<&dyn ValuesChart> {
        self.subs.iter().map(|s| s as &dyn ValuesChart).collect()
    }
    fn schema(&self) -> Option<&[u8]> {
        self.schema.as_deref()
    }
}

/// The case's files, in memory, with Go's error for a missing one.
struct MemReader<'a> {
    files: &'a BTreeMap<String, String>,
    stdin: Option<&'a str>,
}

impl ValuesReader for MemReader<'_> {
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String> {
        match self.files.get(path) {
            Some(text) => Ok(text.as_bytes().to_vec()),
            None => Err(format!("open {path}: no such file or directory")),
        }
    }
    fn read_stdin(&mut self) -> Result<Vec<u8>, String> {
        Ok(self.stdin.unwrap_or("").as_bytes().to_vec())
    }
}

#[derive(serde::Deserialize)]
struct Case {
    chart: String,
    args: Vec<String>,
    files: BTreeMap<String, String>,
    stdin: Option<String>,
    stdout: String,
    stderr: String,
    exit: i32,
}

fn options(args: &[String]) -> ValueOptions {
    let mut o = ValueOptions::default();
    for pair in args.chunks(2) {
        let v = pair[1].clone();
        match pair[0].as_str() {
            "-f" => o.value_files.push(v),
            "--set" => o.set.push(v),
            "--set-string" => o.set_string.push(v),
            "--set-json" => o.set_json.push(v),
            "--set-file" => o.set_file.push(v),
            "--set-literal" => o.set_literal.push(v),
            f => panic!("unknown flag {f}"),
        }
    }
    o
}

/// What the fixture templates print for a `.Values`: `toJson`, then each leaf's type.
fn render(values: &Value) -> String {
    let mut out = format!(
        "# json: {}",
        kelm_yaml::to_json(
            values,
            JsonStyle {
                escape_html: true,
                indent: None
            }
        )
        .unwrap()
    );
    walk("", values, &mut out);
    out
}

fn walk(path: &str, v: &Value, out: &mut String) {
    match v {
        Value::Map(m) => m
            .iter()
            .for_each(|(k, v)| walk(&format!("{path}.{k}"), v, out)),
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| walk(&format!("{path}[{i}]"), v, out)),
        leaf => {
            let t = match leaf {
                Value::Null => "<nil>",
                Value::Bool(_) => "bool",
                Value::Int(_) => "int64",
                Value::Float(_) => "float64",
                Value::String(_) => "string",
                other => panic!("unexpected leaf {other:?}"),
            };
            out.push_str(&format!("\n# {path} {t}"));
        }
    }
}

fn dedup(lines: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for l in lines {
        if !seen.contains(&l) {
            seen.push(l);
        }
    }
    seen
}

/// Runs one case; `Err` describes the difference.
fn check(case: &Case, charts: &BTreeMap<String, Fixture>) -> Result<(), String> {
    let chart = &charts[&case.chart];
    let mut reader = MemReader {
        files: &case.files,
        stdin: case.stdin.as_deref(),
    };
    let mut warnings = Vec::new();
    let result = merge_values(&options(&case.args), &mut reader)
        .and_then(|user| coalesce_values(chart, &Value::Map(user)))
        .and_then(|(values, w)| {
            warnings = w;
            validate_values(chart, &values).map(|()| values)
        });
    let want_warnings = dedup(
        case.stderr
            .lines()
            .filter(|l| l.starts_with("level="))
            .map(String::from),
    );
    let got_warnings = dedup(warnings.iter().map(|w| format_warning(w)));
    if want_warnings != got_warnings {
        return Err(format!(
            "warnings: want {want_warnings:?}\n got {got_warnings:?}"
        ));
    }
    match result {
        Err(e) if case.exit != 0 => {
            let at = case
                .stderr
                .find("Error: ")
                .ok_or("no Error: in Helm's stderr")?;
            let want = case.stderr[at + 7..]
                .strip_suffix('\n')
                .unwrap_or(&case.stderr[at + 7..]);
            // Helm lists schema errors in Go's random map order: compare as sets of lines.
            fn sorted(s: &str) -> Vec<&str> {
                let mut l: Vec<&str> = s.lines().collect();
                l.sort_unstable();
                l
            }
            if want != e.message()
                && (!want.starts_with("values don't meet") || sorted(want) != sorted(e.message()))
            {
                return Err(format!("error: want {want:?}\n got {:?}", e.message()));
            }
            Ok(())
        }
        Err(e) => Err(format!("kelm failed where Helm did not: {e}")),
        Ok(_) if case.exit != 0 => Err(format!("Helm failed, kelm did not: {}", case.stderr)),
        Ok(values) => {
            for doc in case.stdout.split("---\n").filter(|d| !d.trim().is_empty()) {
                let (source, body) = doc.split_once('\n').ok_or("bad document")?;
                let source = source.trim_start_matches("# Source: ");
                let parts: Vec<&str> = source.split('/').collect();
                // chart/templates/x or chart/charts/sub/templates/x
                let mut v = values.clone();
                if parts.len() > 3 {
                    v = match &v {
                        Value::Map(m) => m.get(parts[2]).cloned().unwrap_or(Value::Null),
                        _ => Value::Null,
                    };
                }
                let got = render(&v);
                if body.trim_end() != got {
                    return Err(format!("{source}:\nwant {}\n got {got}", body.trim_end()));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn helm_recorded_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let cases: Vec<Case> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let mut charts = BTreeMap::new();
    for name in ["plain", "parent", "schema", "schema7"] {
        charts.insert(
            name.to_string(),
            Fixture::load(&dir.join("fixtures").join(name)),
        );
    }
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(why) = check(case, &charts) {
            failures.push(format!("{} {:?}: {why}", case.chart, case.args));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
    let _ = (FsReader, Map::new());
}
