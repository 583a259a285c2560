//! Checks `kelm_engine::manifest::template_output` against the `helm template` outputs
//! recorded in a chart corpus (`/work/shared/corpus` layout: `cases/*/{args,
//! expected.yaml,exit_code}`): each recorded output is cut back into per-template
//! documents at its `# Source:` lines, regrouped into files, and assembled again; the
//! result must be byte for byte what Helm printed (framing, kind order, hooks after
//! manifests, CRDs, `--show-only`).
//!
//! The corpus is found as `scripts/corpus` finds it (`KELM_CORPUS`, `../shared/corpus`
//! beside the checkout, `/work/shared/corpus`); without it the test fails. Cases where
//! Helm itself failed have no output to reassemble and are counted apart.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kelm_engine::manifest::{CrdFile, TemplateOptions, template_output};

/// The `# Source:` blocks of a recorded output: (path, text after the source line).
fn blocks(out: &str) -> Vec<(&str, &str)> {
    const MARK: &str = "---\n# Source: ";
    let mut starts: Vec<usize> = out
        .match_indices(MARK)
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || out.as_bytes()[i - 1] == b'\n')
        .collect();
    starts.push(out.len());
    starts
        .windows(2)
        .map(|w| {
            let block = &out[w[0] + MARK.len()..w[1]];
            let (path, rest) = block.split_once('\n').unwrap_or((block, ""));
            (path, rest.strip_suffix('\n').unwrap_or(rest))
        })
        .collect()
}

fn check(case: &Path) -> Result<bool, String> {
    let read = |f: &str| fs::read_to_string(case.join(f)).map_err(|e| format!("{f}: {e}"));
    if read("exit_code")?.trim() != "0" {
        return Ok(false);
    }
    let args = read("args")?;
    let expected = read("expected.yaml")?;
    let mut options = TemplateOptions::default();
    let mut words = args.split_whitespace();
    while let Some(w) = words.next() {
        match w {
            "--include-crds" => options.include_crds = true,
            "--skip-tests" => options.skip_tests = true,
            "--no-hooks" => options.no_hooks = true,
            "-s" | "--show-only" => options.show_only.push(words.next().unwrap_or("").into()),
            w if w.starts_with("--show-only=") => options.show_only.push(w[12..].into()),
            _ => {}
        }
    }
    let mut files: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut crds = Vec::new();
    for (path, text) in blocks(&expected) {
        if path.contains("/crds/") {
            crds.push(CrdFile {
                filename: path.to_string(),
                content: text.to_string(),
            });
        } else {
            files.entry(path.to_string()).or_default().push(text);
        }
    }
    let files: BTreeMap<String, String> = files
        .into_iter()
        .map(|(k, docs)| (k, docs.join("\n---\n")))
        .collect();
    let mut out = String::new();
    template_output(&files, &crds, &options, &mut out).map_err(|e| e.to_string())?;
    if out != expected {
        let line = out
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |i| i + 1);
        return Err(format!("differs from Helm's output at line {line}"));
    }
    Ok(true)
}

/// The shared chart corpus (the folder holding `check` and `cases/`).
fn corpus() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    [
        std::env::var_os("KELM_CORPUS").map(PathBuf::from),
        Some(root.join("../shared/corpus")),
        Some(PathBuf::from("/work/shared/corpus")),
    ]
    .into_iter()
    .flatten()
    .find(|c| c.join("check").is_file())
    .expect("the shared chart corpus was not found: set KELM_CORPUS to the folder holding `check`")
}

#[test]
fn corpus_outputs_reassemble_byte_for_byte() {
    let corpus = corpus();
    let mut cases: Vec<_> = fs::read_dir(corpus.join("cases"))
        .expect("the corpus has cases/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    cases.sort();
    let (mut passed, mut helm_failed) = (0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy();
        match check(case) {
            Ok(true) => passed += 1,
            Ok(false) => helm_failed += 1,
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases did not reassemble:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(
        passed > 0 && passed + helm_failed == cases.len(),
        "{passed} reassembled, {helm_failed} where Helm failed, of {}",
        cases.len()
    );
}
