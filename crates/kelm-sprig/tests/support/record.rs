//! The recorder: runs every case through the real `helm template` (v4.1.4) and writes
//! `tests/cases/*.expected.json`. Run it with `tools/sprig-oracle/record`.
//!
//! Each case becomes a chart of its own (`chart/`, `Chart.yaml` apiVersion v2) whose
//! `templates/case.yaml` is the case's main template, plus the case's partials. A failing
//! template aborts a whole `helm template` run and Helm reports only the first error, so
//! one case per run is the only way to get every case's own result.
//!
//! Getting the rendered text back: `helm template` parses every rendered file as YAML,
//! and prints the raw rendered files only when that parse fails and `--debug` is given.
//! So the chart also holds `templates/zz-kelm-invalid.yaml`, which is never valid YAML,
//! and the case's template gets [`END_MARKER`] appended (text after the last action
//! cannot change what the actions do), so output that is empty or only whitespace is
//! still printed and its end is unambiguous. When the run fails (a template error), the
//! case is run again exactly as written (no marker, no `--debug`) and that run's stderr
//! is what is recorded.
//!
//! The data the template saw is recorded too: a dumping template (below) is rendered with
//! the case's values and flags, printing every node of `.` with its Go type.
//!
//! The hash of this file is stored in every expectation file: changing how cases are
//! recorded makes all expectations stale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value as J;

use super::case::{self, Case, Check};
use super::expect::{self, ExpectFile, Expected};
use super::registry;

/// The recorded chart's name (so templates are named `chart/templates/<file>`).
pub const CHART_NAME: &str = "chart";

/// The file a case's main template becomes in the recorded chart.
pub const MAIN_FILE: &str = "case.yaml";

/// The Helm the expectations come from.
pub const HELM_VERSION: &str = "v4.1.4";

/// Appended to the case's template so that its rendered text can be found.
const END_MARKER: &str = "\u{1}KELM-CASE-END\u{1}";

/// A file that is never valid YAML, so that Helm prints every rendered file.
const INVALID_FILE: &str = "zz-kelm-invalid.yaml";
const INVALID_TEXT: &str = "kelm-invalid: [\n";

/// What Helm appends to a template error without `--debug`.
pub const DEBUG_HINT: &str = "\n\nUse --debug flag to render out invalid YAML\n";

/// Prints `.` (without `.Files` and `.Capabilities`) with every node's Go type.
const DUMP_TEMPLATE: &str = r#"{{- define "kelm-typed" -}}
{{- $t := typeOf . -}}
{{- if eq $t "<nil>" -}}{"t":"<nil>"}
{{- else if or (eq $t "common.Values") (eq $t "map[string]interface {}") (eq $t "map[string]string") -}}
{"t":{{ toJson $t }},"m":{ {{- $first := true -}}
{{- range $k, $v := . -}}{{- if not $first }},{{ end -}}{{- $first = false -}}{{ toJson $k }}:{{ include "kelm-typed" $v }}{{- end -}} }}
{{- else if or (eq $t "[]interface {}") (eq $t "[]string") -}}
{"t":{{ toJson $t }},"l":[ {{- range $i, $v := . -}}{{ if $i }},{{ end }}{{ include "kelm-typed" $v }}{{- end -}} ]}
{{- else if or (eq $t "bool") (eq $t "string") (eq $t "int") (eq $t "int64") (eq $t "float64") -}}
{"t":{{ toJson $t }},"v":{{ toJson . }}}
{{- else -}}
{"t":{{ toJson $t }},"unsupported":true}
{{- end -}}
{{- end -}}
{"t":{{ toJson (typeOf .) }},"m":{"Values":{{ include "kelm-typed" .Values }},"Release":{{ include "kelm-typed" .Release }},"Chart":{{ include "kelm-typed" .Chart }},"Template":{{ include "kelm-typed" .Template }},"Subcharts":{{ include "kelm-typed" .Subcharts }}}}"#;

/// This file's path, hashed into every expectation file.
pub fn recorder_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/record.rs")
}

/// Hash of the recorder's source.
pub fn recorder_hash() -> Result<String, String> {
    let p = recorder_source();
    let src = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(case::fnv_hex(&[&src]))
}

/// What one `helm template` run did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

struct Helm {
    bin: PathBuf,
    work: PathBuf,
    counter: AtomicUsize,
}

impl Helm {
    fn run(&self, files: &[(String, String)], case: &Case, debug: bool) -> Result<Run, String> {
        let n = self.counter.fetch_add(1, Ordering::SeqCst);
        let dir = self.work.join(format!("run{n}"));
        let chart = dir.join(CHART_NAME);
        let tdir = chart.join("templates");
        std::fs::create_dir_all(&tdir).map_err(|e| e.to_string())?;
        std::fs::write(
            chart.join("Chart.yaml"),
            format!("apiVersion: v2\nname: {CHART_NAME}\nversion: 0.1.0\n"),
        )
        .map_err(|e| e.to_string())?;
        for (name, text) in files {
            std::fs::write(tdir.join(name), text).map_err(|e| e.to_string())?;
        }
        let mut cmd = Command::new(&self.bin);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &dir)
            .env("TZ", "UTC")
            .env("HELM_CACHE_HOME", self.work.join("helm-cache"))
            .env("HELM_CONFIG_HOME", self.work.join("helm-config"))
            .env("HELM_DATA_HOME", self.work.join("helm-data"))
            .env("KUBECONFIG", self.work.join("no-kubeconfig"))
            .current_dir(&dir)
            .arg("template")
            .arg(&chart);
        if debug {
            cmd.arg("--debug");
        }
        if let Some(v) = &case.values {
            let p = dir.join("values.yaml");
            std::fs::write(&p, format!("{v}\n")).map_err(|e| e.to_string())?;
            cmd.arg("-f").arg(&p);
        }
        for f in &case.flags {
            match &f.value {
                Some(v) => cmd.arg(format!("{}={v}", f.name)),
                None => cmd.arg(&f.name),
            };
        }
        let out = cmd
            .output()
            .map_err(|e| format!("running {}: {e}", self.bin.display()))?;
        let _ = std::fs::remove_dir_all(&dir);
        Ok(Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout)
                .map_err(|_| "helm printed output that is not UTF-8".to_string())?,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// The rendered text of `case.yaml` from a `--debug` run, if the run rendered.
    fn rendered(run: &Run) -> Option<String> {
        let head = format!("---\n# Source: {CHART_NAME}/templates/{MAIN_FILE}\n");
        if run.code != 1 || !run.stderr.contains("Error: YAML parse error on ") {
            return None;
        }
        let at = run.stdout.find(&head)? + head.len();
        let rest = &run.stdout[at..];
        let end = rest.find(END_MARKER)?;
        Some(rest[..end].to_string())
    }

    fn files_for(case: &Case, main_text: String) -> Vec<(String, String)> {
        let mut files = vec![(MAIN_FILE.to_string(), main_text)];
        for f in &case.files[1..] {
            files.push((f.file.clone(), f.text.clone()));
        }
        files.push((INVALID_FILE.to_string(), INVALID_TEXT.to_string()));
        files
    }

    /// Runs a case: its outcome as an expectation (data key filled in by the caller).
    fn record_case(&self, case: &Case, now: i64) -> Result<Expected, String> {
        let marked = Helm::files_for(case, format!("{}{END_MARKER}", case.main().text));
        let run = self.run(&marked, case, true)?;
        let mut e = Expected {
            name: case.name.clone(),
            hash: case.hash.clone(),
            data: case.data_key(),
            exit_code: 0,
            output: None,
            error: None,
            stderr: None,
            recorded_at: None,
        };
        if let Some(out) = Helm::rendered(&run) {
            e.output = Some(out);
            if let Check::Properties(props) = &case.check {
                e.recorded_at = Some(now);
                for p in props {
                    p.check(e.output.as_deref().unwrap_or_default(), now)
                        .map_err(|m| format!("Helm's output fails property {p:?}: {m}"))?;
                }
            }
            return Ok(e);
        }
        if run.stdout.contains(END_MARKER) {
            return Err(format!(
                "could not find the case's output in helm's: {:?} / {:?}",
                run.stdout, run.stderr
            ));
        }
        // A template error: run the case as written, as a user would.
        let plain = Helm::files_for(case, case.main().text.clone());
        let run = self.run(&plain, case, false)?;
        if run.code == 0 || !run.stdout.is_empty() {
            return Err(format!(
                "the case failed with the end marker but not without it (exit {}): {:?}",
                run.code, run.stdout
            ));
        }
        let msg = run
            .stderr
            .strip_prefix("Error: ")
            .and_then(|s| s.strip_suffix(DEBUG_HINT))
            .ok_or_else(|| format!("unexpected stderr shape: {:?}", run.stderr))?;
        if msg.starts_with("YAML parse error") {
            return Err(format!("unexpected YAML error: {msg}"));
        }
        if matches!(case.check, Check::Properties(_)) {
            return Err(format!(
                "property cases must succeed in Helm, but Helm failed: {msg}"
            ));
        }
        e.exit_code = run.code;
        e.error = Some(msg.to_string());
        e.stderr = Some(run.stderr.clone());
        Ok(e)
    }

    /// Dumps the typed data a case's template sees.
    fn record_data(&self, case: &Case) -> Result<J, String> {
        let mut probe = case.clone();
        probe.files.truncate(1);
        let files = Helm::files_for(&probe, format!("{DUMP_TEMPLATE}{END_MARKER}"));
        let run = self.run(&files, &probe, true)?;
        let out = Helm::rendered(&run)
            .ok_or_else(|| format!("dumping the data failed: {:?}", run.stderr))?;
        let j: J = serde_json::from_str(&out).map_err(|e| format!("data dump {out:?}: {e}"))?;
        if out.contains("\"unsupported\":true") {
            return Err(format!(
                "data holds a Go type the runner does not model: {out}"
            ));
        }
        Ok(j)
    }
}

/// Runs `f` over `items` on a few threads, keeping order.
fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get() * 2)
        .unwrap_or(4)
        .min(16);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= items.len() {
                        break;
                    }
                    let r = f(&items[i]);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect()
}

/// Case files in `dir`, sorted.
pub fn case_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    Ok(v)
}

/// Records every case file in `dir` with the Helm at `helm`.
///
/// Cases whose expectation is still current (same case hash, same recorder) are kept as
/// they are unless `force`, so re-recording touches only what changed. With `check`,
/// nothing runs: it only reports what is stale.
pub fn record(dir: &Path, helm: &Path, force: bool, check: bool) -> Result<(), String> {
    let rhash = recorder_hash()?;
    let files = case_files(dir)?;
    let mut problems = Vec::new();
    let mut parsed: Vec<(PathBuf, Vec<Case>, Option<ExpectFile>)> = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let cases = case::parse_case_file(&text, &registry::is_known)
            .map_err(|e| format!("{}:{e}", f.display()))?;
        let old = expect::read(&f.with_extension("expected.json")).ok();
        parsed.push((f.clone(), cases, old));
    }
    // Expectation files without a case file.
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".expected.json")
            && !dir.join(format!("{stem}.txt")).exists()
        {
            if check {
                problems.push(format!("{name}: no case file"));
            } else {
                std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
                println!("removed {name} (no case file)");
            }
        }
    }
    let current = |old: &Option<ExpectFile>, c: &Case| -> Option<Expected> {
        let o = old.as_ref()?;
        if o.recorder_hash != rhash || o.helm_version != HELM_VERSION {
            return None;
        }
        let e = o.cases.iter().find(|e| e.name == c.name)?;
        (e.hash == c.hash && e.data == c.data_key() && o.data.contains_key(&e.data))
            .then(|| e.clone())
    };
    if check {
        for (f, cases, old) in &parsed {
            for c in cases {
                if current(old, c).is_none() {
                    problems.push(format!("{}: {:?}: stale or missing", f.display(), c.name));
                }
            }
            if let Some(o) = old
                && o.cases.len() != cases.len()
            {
                problems.push(format!("{}: expectations for removed cases", f.display()));
            }
        }
        if problems.is_empty() {
            println!("all expectations are up to date");
            return Ok(());
        }
        return Err(problems.join("\n"));
    }

    let version = Command::new(helm)
        .args(["version", "--template", "{{.Version}}"])
        .output()
        .map_err(|e| format!("running {}: {e}", helm.display()))?;
    let got = String::from_utf8_lossy(&version.stdout).trim().to_string();
    if got != HELM_VERSION {
        return Err(format!(
            "{} is Helm {got:?}, expectations come from {HELM_VERSION}",
            helm.display()
        ));
    }
    let work = std::env::temp_dir().join(format!("kelm-sprig-oracle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let h = Helm {
        bin: helm.to_path_buf(),
        work: work.clone(),
        counter: AtomicUsize::new(0),
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();

    let mut ran = 0usize;
    let mut kept = 0usize;
    for (f, cases, old) in &parsed {
        let source = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let todo: Vec<&Case> = cases
            .iter()
            .filter(|c| force || current(old, c).is_none())
            .collect();
        // Data: reuse what is recorded for unchanged keys, dump the rest.
        let mut data: BTreeMap<String, J> = BTreeMap::new();
        let mut need: Vec<&Case> = Vec::new();
        for c in cases {
            let key = c.data_key();
            if data.contains_key(&key) || need.iter().any(|n| n.data_key() == key) {
                continue;
            }
            match old.as_ref().and_then(|o| o.data.get(&key)) {
                Some(d) if !force && old.as_ref().is_some_and(|o| o.recorder_hash == rhash) => {
                    data.insert(key, d.clone());
                }
                _ => need.push(c),
            }
        }
        for (c, r) in need.iter().zip(parallel(&need, |c| h.record_data(c))) {
            let d = r.map_err(|e| format!("{source}: {:?}: {e}", c.name))?;
            data.insert(c.data_key(), d);
        }
        let results = parallel(&todo, |c| h.record_case(c, now));
        let mut fresh: BTreeMap<&str, Expected> = BTreeMap::new();
        let mut file_ok = true;
        for (c, r) in todo.iter().zip(results) {
            match r {
                Ok(e) => {
                    fresh.insert(c.name.as_str(), e);
                }
                Err(e) => {
                    file_ok = false;
                    problems.push(format!("{source}:{}: {:?}: {e}", c.line, c.name));
                }
            }
        }
        if file_ok {
            let mut out = Vec::new();
            for c in cases {
                match fresh.remove(c.name.as_str()) {
                    Some(e) => {
                        ran += 1;
                        out.push(e);
                    }
                    None => {
                        kept += 1;
                        out.push(current(old, c).expect("kept cases are current"));
                    }
                }
            }
            let ef = ExpectFile {
                helm_version: HELM_VERSION.to_string(),
                recorder_hash: rhash.clone(),
                data,
                cases: out,
            };
            let path = f.with_extension("expected.json");
            let text = expect::render(&source, &ef);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, text).map_err(|e| e.to_string())?;
                println!("wrote {}", path.display());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    if !problems.is_empty() {
        return Err(format!(
            "{} cases could not be recorded (their files were not written):\n{}",
            problems.len(),
            problems.join("\n")
        ));
    }
    println!("recorded {ran} cases with Helm {HELM_VERSION}, kept {kept} up-to-date ones");
    Ok(())
}
