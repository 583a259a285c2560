//! `kelm lint PATH...`: Helm's chart linter (`pkg/cmd/lint.go`, `pkg/action/lint.go`);
//! the rules are in the `kelm-lint` crate.

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use clap::Args;
use kelm_lint::{KubeVersion, Options, Severity};
use kelm_values::{FsReader, ValueOptions};

use crate::cli::{GlobalArgs, require_min_args, string_slice};

/// `kelm lint --help`'s description.
pub const LONG_ABOUT: &str = "\
Check charts for problems: each PATH is a chart directory or archive.

Problems that would make installing the chart fail are reported as [ERROR] and fail
the command; departures from convention are [WARNING]s, which fail it only with
--strict; [INFO] lines are suggestions.";

/// `kelm lint`'s flags and arguments.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// fail on lint warnings
    #[arg(long)]
    strict: bool,
    /// lint dependent charts
    #[arg(long = "with-subcharts")]
    with_subcharts: bool,
    /// print only warnings and errors
    #[arg(long)]
    quiet: bool,
    /// if set, disables JSON schema validation
    #[arg(long = "skip-schema-validation")]
    skip_schema_validation: bool,
    /// Kubernetes version used for capabilities and deprecation checks
    #[arg(long = "kube-version", value_name = "string")]
    kube_version: Option<String>,
    /// specify values in a YAML file or a URL (can specify multiple)
    #[arg(short = 'f', long = "values", value_name = "strings")]
    values: Vec<String>,
    /// set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)
    #[arg(long = "set", value_name = "stringArray")]
    set: Vec<String>,
    /// set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)
    #[arg(long = "set-string", value_name = "stringArray")]
    set_string: Vec<String>,
    /// set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)
    #[arg(long = "set-file", value_name = "stringArray")]
    set_file: Vec<String>,
    /// set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {"key1": jsonval1, "key2": "jsonval2"})
    #[arg(long = "set-json", value_name = "stringArray")]
    set_json: Vec<String>,
    /// set a literal STRING value on the command line
    #[arg(long = "set-literal", value_name = "stringArray")]
    set_literal: Vec<String>,
    /// PATH...
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
}

/// Runs `kelm lint`, writing the report to `out`; fails (with Helm's summary as the
/// error) when a chart fails.
pub fn run(args: LintArgs, global: &GlobalArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let LintArgs {
        strict,
        with_subcharts,
        quiet,
        skip_schema_validation,
        kube_version,
        values,
        set,
        set_string,
        set_file,
        set_json,
        set_literal,
        paths,
    } = args;
    require_min_args("kelm lint", "kelm lint PATH [flags]", 1, &paths)?;
    let kube_version = match kube_version.as_deref().filter(|v| !v.is_empty()) {
        Some(v) => {
            Some(KubeVersion::parse(v).map_err(|e| anyhow!("invalid kube version '{v}': {e}"))?)
        }
        None => None,
    };
    let mut paths = paths;
    if with_subcharts {
        let roots = paths.clone();
        for p in roots {
            walk_subcharts(&Path::new(&p).join("charts"), &mut paths);
        }
    }
    let options = Options {
        namespace: global.namespace(),
        kube_version,
        skip_schema_validation,
    };
    let value_options = ValueOptions {
        value_files: string_slice(&values)?,
        set_json,
        set,
        set_string,
        set_file,
        set_literal,
    };
    let user = value_options.merge_values(&mut FsReader)?;

    let lowest_failing = if strict {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut report = String::new();
    let mut failed = 0;
    let mut with_findings = 0;
    for path in &paths {
        let (messages, errors) = match kelm_lint::lint_path(path, &user, &options) {
            Ok(linter) => {
                let errors: Vec<String> = linter
                    .messages
                    .iter()
                    .filter(|m| m.severity >= lowest_failing)
                    .map(|m| m.text.clone())
                    .collect();
                (linter.messages, errors)
            }
            Err(e) => (Vec::new(), vec![e.to_string()]),
        };
        let has_findings =
            messages.iter().any(|m| m.severity > Severity::Info) || !errors.is_empty();
        if has_findings {
            with_findings += 1;
        }
        if quiet && !has_findings {
            continue;
        }
        report.push_str(&format!("==> Linting {path}\n"));
        if messages.is_empty() {
            for e in &errors {
                report.push_str(&format!("Error {e}\n"));
            }
        }
        for m in &messages {
            if !quiet || m.severity > Severity::Info {
                report.push_str(&format!("{m}\n"));
            }
        }
        if !errors.is_empty() {
            failed += 1;
        }
        report.push('\n');
    }
    out.write_all(report.as_bytes())?;
    let summary = format!("{} chart(s) linted, {failed} chart(s) failed", paths.len());
    if failed > 0 {
        return Err(anyhow!(summary));
    }
    if !quiet || with_findings > 0 {
        writeln!(out, "{summary}")?;
    }
    Ok(())
}

/// Go's `filepath.Walk` over `dir` in lexical order, collecting each folder holding a
/// `Chart.yaml` and each chart archive, as `helm lint --with-subcharts` does.
fn walk_subcharts(dir: &Path, paths: &mut Vec<String>) {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return;
    };
    visit(dir, meta.is_dir(), paths);
}

fn visit(path: &Path, is_dir: bool, paths: &mut Vec<String>) {
    let text = path.to_string_lossy().into_owned();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if name.as_deref() == Some("Chart.yaml") {
        let parent = path.parent().map_or(".".to_string(), |p| {
            let p = p.to_string_lossy().into_owned();
            if p.is_empty() { ".".to_string() } else { p }
        });
        paths.push(parent);
    } else if text.ends_with(".tgz") || text.ends_with(".tar.gz") {
        paths.push(text);
    }
    if !is_dir {
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    let mut children: Vec<(String, bool)> = entries
        .flatten()
        .map(|e| {
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect();
    children.sort();
    for (child, is_dir) in children {
        visit(&path.join(child), is_dir, paths);
    }
}
