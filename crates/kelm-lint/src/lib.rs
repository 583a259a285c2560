//! Helm's chart linter, what `helm lint` runs on each chart (Helm v4.1.4's
//! `pkg/chart/v2/lint`, its `rules` and `pkg/action/lint.go`).
//!
//! [`lint_path`] checks one chart directory (or `.tgz` archive) and returns the
//! [`Message`]s Helm's rules give, in Helm's order: `Chart.yaml` ([`chartfile`]),
//! `values.yaml` ([`values`]), the templates rendered in lint mode ([`templates`],
//! with object names and deprecated Kubernetes APIs), the dependencies
//! ([`dependencies`]) and `crds/` ([`crds`]). Messages print as Helm prints them
//! (`[INFO] Chart.yaml: icon is recommended`); the CLI decides what fails.

pub mod chartfile;
pub mod crds;
pub mod dependencies;
pub mod deprecations;
mod k8syaml;
pub mod names;
pub mod templates;
mod validator;
pub mod values;

use kelm_strconv::path::clean;
use std::fmt;
use std::path::{Path, PathBuf};

pub use kelm_engine::KubeVersion;

/// How serious a lint message is (Helm's `support` severities, in their order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A recommendation.
    Info,
    /// Breaks with convention; fails only with `--strict`.
    Warning,
    /// Would make the chart fail to install.
    Error,
}

impl Severity {
    fn label(self) -> &'static str {
        match self {
            Severity::Info => "INFO",
            Severity::Warning => "WARNING",
            Severity::Error => "ERROR",
        }
    }
}

/// One finding: its severity, the chart path it is about and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// How serious it is.
    pub severity: Severity,
    /// The file or folder it is about (`Chart.yaml`, `templates/a.yaml`), relative to
    /// the chart, or the chart's absolute path for dependency findings.
    pub path: String,
    /// What is wrong, in Helm's words.
    pub text: String,
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] {}: {}",
            self.severity.label(),
            self.path,
            self.text
        )
    }
}

/// The findings on one chart (Helm's `support.Linter`).
#[derive(Debug, Clone, Default)]
pub struct Linter {
    /// The chart's absolute directory.
    pub chart_dir: PathBuf,
    /// The findings, in the order the rules gave them.
    pub messages: Vec<Message>,
}

impl Linter {
    /// Records `result`'s error (if any) with `severity` and `path`; true when there
    /// was none (Helm's `RunLinterRule`).
    pub fn rule(&mut self, severity: Severity, path: &str, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => true,
            Err(text) => {
                self.messages.push(Message {
                    severity,
                    path: path.to_string(),
                    text,
                });
                false
            }
        }
    }

    /// The chart directory as text, for paths and messages.
    pub fn dir_text(&self) -> String {
        self.chart_dir.to_string_lossy().into_owned()
    }
}

/// What the template rules render with.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The release namespace (`.Release.Namespace`).
    pub namespace: String,
    /// `--kube-version`: the Kubernetes version for `.Capabilities` and deprecations.
    pub kube_version: Option<KubeVersion>,
    /// `--skip-schema-validation`.
    pub skip_schema_validation: bool,
}

/// Why a chart could not be linted at all (Helm prints these as `Error <text>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Lints the chart at `path` (a directory, or a `.tgz`/`.tar.gz` archive that is
/// unpacked first) with the user's `values`, as `helm lint` does for each path.
pub fn lint_path(path: &str, values: &kelm_yaml::Map, options: &Options) -> Result<Linter, Error> {
    if path.ends_with(".tgz") || path.ends_with(".tar.gz") {
        let unpacked = unpack(path)?;
        let result = lint_dir(&unpacked.chart, values, options);
        drop(unpacked);
        return result;
    }
    lint_dir(Path::new(path), values, options)
}

fn lint_dir(dir: &Path, values: &kelm_yaml::Map, options: &Options) -> Result<Linter, Error> {
    let chart_yaml = dir.join("Chart.yaml");
    if let Err(e) = std::fs::metadata(&chart_yaml) {
        return Err(Error(format!(
            "unable to check Chart.yaml file in chart: stat {}: {}",
            chart_yaml.display(),
            go_io_error(&e)
        )));
    }
    Ok(run_all(dir, values, options))
}

/// Every rule on the chart directory `dir` (Helm's `lint.RunAll`).
pub fn run_all(dir: &Path, values: &kelm_yaml::Map, options: &Options) -> Linter {
    let mut linter = Linter {
        chart_dir: absolute(dir),
        messages: Vec::new(),
    };
    chartfile::lint(&mut linter);
    values::lint(&mut linter, values, options.skip_schema_validation);
    templates::lint(&mut linter, values, options);
    dependencies::lint(&mut linter);
    crds::lint(&mut linter);
    linter
}

/// Go's `filepath.Abs`: joined with the working directory (as `os.Getwd` gives it,
/// which prefers `$PWD` when that names the same directory) and cleaned.
fn absolute(dir: &Path) -> PathBuf {
    let joined = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        working_dir().join(dir)
    };
    PathBuf::from(clean(&joined.to_string_lossy()))
}

fn working_dir() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Ok(pwd) = std::env::var("PWD") {
        let pwd = PathBuf::from(pwd);
        if pwd.is_absolute() && same_file(&pwd, Path::new(".")) {
            return pwd;
        }
    }
    cwd
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Go's text for an I/O error (`no such file or directory`).
pub(crate) fn go_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotADirectory => "not a directory".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_lowercase(),
                None => text,
            }
        }
    }
}

/// A chart archive unpacked into a temporary folder, removed when dropped.
struct Unpacked {
    root: PathBuf,
    chart: PathBuf,
}

impl Drop for Unpacked {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn unpack(path: &str) -> Result<Unpacked, Error> {
    let data = std::fs::read(path).map_err(|e| {
        Error(format!(
            "unable to open tarball: open {path}: {}",
            go_io_error(&e)
        ))
    })?;
    let files = kelm_chart::archive::load_archive_files(&data)
        .map_err(|e| Error(format!("unable to extract tarball: {}", e.message())))?;
    let root = std::env::temp_dir().join(format!(
        "helm-lint{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let chart_name = chart_name_in(&files);
    let chart = root.join(&chart_name);
    let unpacked = Unpacked {
        root: root.clone(),
        chart: chart.clone(),
    };
    for f in files {
        let target = chart.join(&f.name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error(format!("unable to extract tarball: {e}")))?;
        }
        std::fs::write(&target, &f.data)
            .map_err(|e| Error(format!("unable to extract tarball: {e}")))?;
    }
    Ok(unpacked)
}

/// The folder Helm's `Expand` unpacks an archive into: the name its `Chart.yaml`
/// gives.
fn chart_name_in(files: &[kelm_chart::archive::BufferedFile]) -> String {
    files
        .iter()
        .find(|f| f.name == "Chart.yaml")
        .and_then(|f| kelm_chart::parse_chartfile(&f.data).ok())
        .map(|m| m.name)
        .filter(|n| !n.is_empty() && !n.contains('/') && n != ".." && n != ".")
        .unwrap_or_else(|| "chart".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_text() {
        let m = Message {
            severity: Severity::Info,
            path: "Chart.yaml".into(),
            text: "icon is recommended".into(),
        };
        assert_eq!(m.to_string(), "[INFO] Chart.yaml: icon is recommended");
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("/a/./b/../c/"), "/a/c");
        assert_eq!(clean("/../a"), "/a");
    }
}
