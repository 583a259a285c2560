//! `helm template` output assembled by `kelm_engine::manifest`, checked against the real
//! Helm v4.1.4 (`tools/manifest-oracle/record` wrote `manifests/cases/`).
//!
//! The fixture charts' templates are plain YAML without template actions, so rendering
//! is the identity and each file's text is what the manifest module gets.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kelm_engine::manifest::{CrdFile, Error, TemplateOptions, template_output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/manifests")
}

/// Every file under `dir`, in Go's `filepath.Walk` order (lexical), as paths relative
/// to `dir`.
fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut names: Vec<_> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect(),
        Err(_) => return out,
    };
    names.sort();
    for n in names {
        let p = dir.join(&n);
        if p.is_dir() {
            out.extend(walk(&p).into_iter().map(|s| format!("{n}/{s}")));
        } else {
            out.push(n);
        }
    }
    out
}

/// A chart's templates (as rendered, i.e. as they are) and CRD files, with its
/// subcharts' after them.
fn load(dir: &Path, full: &str, files: &mut BTreeMap<String, String>, crds: &mut Vec<CrdFile>) {
    for f in walk(dir) {
        let text = fs::read_to_string(dir.join(&f)).unwrap();
        let ext = f.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        if f.starts_with("templates/") {
            files.insert(format!("{full}/{f}"), text);
        } else if f.starts_with("crds/") && ["yaml", "yml", "json"].contains(&ext.as_str()) {
            crds.push(CrdFile {
                filename: format!("{full}/{f}"),
                content: text,
            });
        }
    }
    for sub in walk(&dir.join("charts")) {
        if let Some(name) = sub.strip_suffix("/Chart.yaml")
            && !name.contains('/')
        {
            load(
                &dir.join("charts").join(name),
                &format!("{full}/charts/{name}"),
                files,
                crds,
            );
        }
    }
}

fn run_case(name: &str, args: &str) -> Result<(), String> {
    let case = root().join("cases").join(name);
    let expected_out = fs::read_to_string(case.join("stdout")).unwrap();
    let expected_err = fs::read_to_string(case.join("stderr")).unwrap();
    let exit: i32 = fs::read_to_string(case.join("exit_code"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();

    let scratch =
        std::env::temp_dir().join(format!("kelm-manifests-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch).unwrap();
    let prefix = format!("{}/", scratch.display());

    let mut options = TemplateOptions {
        release_name: "release-name".into(),
        ..Default::default()
    };
    let mut positional = Vec::new();
    let mut words = args.split(' ');
    while let Some(w) = words.next() {
        match w {
            "--include-crds" => options.include_crds = true,
            "--skip-tests" => options.skip_tests = true,
            "--no-hooks" => options.no_hooks = true,
            "--release-name" => options.use_release_name = true,
            "-s" | "--show-only" => options.show_only.push(words.next().unwrap().into()),
            "--output-dir" => {
                options.output_dir = Some(format!("{prefix}{}", words.next().unwrap()))
            }
            w => positional.push(w),
        }
    }
    options.release_name = positional[0].to_string();
    let chart_dir = root().join(positional[1]);
    let chart_name = Path::new(positional[1])
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let (mut files, mut crds) = (BTreeMap::new(), Vec::new());
    load(&chart_dir, chart_name, &mut files, &mut crds);

    let mut out = String::new();
    let result = template_output(&files, &crds, &options, &mut out);
    let out = out.replace(&prefix, "");
    let mut problems = Vec::new();
    if out != expected_out {
        problems.push(format!(
            "stdout differs:\n--- helm\n{expected_out}\n--- kelm\n{out}"
        ));
    }
    match (&result, exit) {
        (Ok(warnings), 0) => {
            let helm = expected_err.matches("skipping unknown hooks").count();
            if warnings.len() != helm {
                problems.push(format!(
                    "{} warnings, Helm logged {helm}: {warnings:?}",
                    warnings.len()
                ));
            }
        }
        (Err(e), 1) => {
            let text = match e {
                Error::Yaml { .. } => {
                    format!("Error: {e}\n\nUse --debug flag to render out invalid YAML\n")
                }
                _ => format!("Error: {e}\n"),
            };
            if !expected_err.ends_with(&text) {
                problems.push(format!(
                    "error differs:\n--- helm\n{expected_err}--- kelm\n{text}"
                ));
            }
        }
        (r, code) => problems.push(format!("Helm exited {code}, kelm gave {r:?}")),
    }
    if let Ok(expected_files) = fs::read_to_string(case.join("files")) {
        let mut got = String::new();
        for f in walk(&scratch.join("out")) {
            got.push_str(&format!(
                "== out/{f}\n{}",
                fs::read_to_string(scratch.join("out").join(&f)).unwrap()
            ));
        }
        if got != expected_files {
            problems.push(format!(
                "files differ:\n--- helm\n{expected_files}\n--- kelm\n{got}"
            ));
        }
    }
    let _ = fs::remove_dir_all(&scratch);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn helm_recorded_cases() {
    let list = fs::read_to_string(root().join("cases.txt")).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in list.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, args) = line.split_once(' ').unwrap();
        count += 1;
        if let Err(e) = run_case(name, args) {
            failures.push(format!("== {name}\n{e}"));
        }
    }
    assert!(count >= 27, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
