//! Helm's chart model (`pkg/chart/v2`): the chart, its files and its `Chart.yaml`.

use std::collections::BTreeMap;
use std::sync::Arc;

use kelm_yaml::Value;

/// A file of a chart: its path relative to the chart (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// The path inside the chart, e.g. `templates/deployment.yaml`.
    pub name: String,
    /// The content, with a UTF-8 byte-order mark removed. Shared, since charts are
    /// copied (aliased subcharts) and handed to the engine whole.
    pub data: Arc<[u8]>,
}

/// A loaded chart, with its subcharts.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// `Chart.yaml` (plus `requirements.yaml` dependencies for v1 charts), validated.
    pub metadata: Metadata,
    /// `Chart.lock` (or `requirements.lock`), if present and not `null`.
    pub lock: Option<Lock>,
    /// Everything under `templates/`, in load order.
    pub templates: Vec<File>,
    /// The default values: every YAML document of `values.yaml` merged, an empty map
    /// when the chart has none.
    pub values: Value,
    /// The bytes of `values.yaml` as found (what `helm show values` prints); `None`
    /// when the chart has no `values.yaml`.
    pub raw_values: Option<Vec<u8>>,
    /// `values.schema.json`, if present.
    pub schema: Option<Vec<u8>>,
    /// The other files (`.Files` in templates): README, `crds/`, `.helmignore`,
    /// `charts/*.prov`, v1's `requirements.yaml`/`requirements.lock`...
    pub files: Vec<File>,
    /// The charts under `charts/` (directories and `.tgz` archives), sorted by their
    /// name there.
    pub subcharts: Vec<Chart>,
    /// What Helm logs while loading this chart and its subcharts, in order (followed
    /// symbolic links, legacy `requirements.*` in v2 charts); the CLI prints them to
    /// standard error as Helm does.
    pub log: Vec<LogRecord>,
}

/// A message Helm logs (at level INFO) while loading a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRecord {
    /// The message.
    pub message: String,
    /// Its attributes, in order (`path`, `resolved`...).
    pub attrs: Vec<(String, String)>,
}

impl LogRecord {
    /// The record as Go's `slog` text handler prints it (`level=INFO msg="..." k=v`),
    /// without the line end.
    pub fn to_slog_text(&self) -> String {
        let mut line = format!("level=INFO msg={}", slog_quote(&self.message));
        for (k, v) in &self.attrs {
            line.push_str(&format!(" {}={}", slog_quote(k), slog_quote(v)));
        }
        line
    }
}

/// `slog`'s text handler quotes a string that is empty or has spaces, `=`, `"` or
/// characters that are not printable.
fn slog_quote(s: &str) -> String {
    let needs = s.is_empty()
        || s.chars()
            .any(|c| c == ' ' || c == '=' || c == '"' || c == '\\' || !kelm_strconv::is_print(c));
    if needs {
        kelm_strconv::quote(s)
    } else {
        s.to_string()
    }
}

/// A custom resource definition file found under a chart's `crds/` directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrdObject<'c> {
    /// The file, named relative to its own chart (`crds/foo.yaml`).
    pub file: &'c File,
    /// The file's path from the root chart: `<chartFullPath>/crds/foo.yaml`, where a
    /// subchart's full path is `root/charts/sub`.
    pub filename: String,
}

impl Chart {
    /// The chart's name (`Chart.yaml`'s `name`).
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// Whether this is a library chart (`type: library`, any case), whose templates
    /// are never rendered.
    pub fn is_library(&self) -> bool {
        self.metadata.kind.eq_ignore_ascii_case("library")
    }

    /// The `.yaml`, `.yml` and `.json` files (extension in any case) under `crds/`
    /// of this chart, then of each subchart recursively, in Helm's order.
    pub fn crd_objects(&self) -> Vec<CrdObject<'_>> {
        let mut out = Vec::new();
        self.collect_crds(self.name(), &mut out);
        out
    }

    fn collect_crds<'c>(&'c self, full_path: &str, out: &mut Vec<CrdObject<'c>>) {
        for file in &self.files {
            if file.name.starts_with("crds/") && has_manifest_extension(&file.name) {
                out.push(CrdObject {
                    file,
                    filename: join_clean(full_path, &file.name),
                });
            }
        }
        for sub in &self.subcharts {
            sub.collect_crds(&format!("{full_path}/charts/{}", sub.name()), out);
        }
    }
}

/// Go's `filepath.Ext` compared case-insensitively with Helm's manifest extensions.
fn has_manifest_extension(name: &str) -> bool {
    let base = &name[name.rfind('/').map_or(0, |i| i + 1)..];
    let ext = base.rfind('.').map_or("", |i| &base[i..]);
    [".yaml", ".yml", ".json"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

/// Go's `filepath.Join(a, b)`: joined with `/`, then cleaned lexically.
fn join_clean(a: &str, b: &str) -> String {
    let joined = match (a.is_empty(), b.is_empty()) {
        (true, true) => return String::new(),
        (true, false) => b.to_string(),
        (false, true) => a.to_string(),
        (false, false) => format!("{a}/{b}"),
    };
    crate::archive::go_clean(&joined)
}

/// `Chart.yaml`: Helm's `Metadata`, field by field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// `name`.
    pub name: String,
    /// `home`.
    pub home: String,
    /// `sources`.
    pub sources: Vec<String>,
    /// `version` (SemVer 2).
    pub version: String,
    /// `description`.
    pub description: String,
    /// `keywords`.
    pub keywords: Vec<String>,
    /// `maintainers`; a `null` item is `None` (which validation refuses).
    pub maintainers: Vec<Option<Maintainer>>,
    /// `icon`.
    pub icon: String,
    /// `apiVersion` (`v1` when absent).
    pub api_version: String,
    /// `condition`.
    pub condition: String,
    /// `tags` (a string in `Chart.yaml`).
    pub tags: String,
    /// `appVersion`.
    pub app_version: String,
    /// `deprecated`.
    pub deprecated: bool,
    /// `annotations`; `None` when absent (Go's nil map).
    pub annotations: Option<BTreeMap<String, String>>,
    /// `kubeVersion`.
    pub kube_version: String,
    /// `dependencies` (or v1's `requirements.yaml`); a `null` item is `None`.
    pub dependencies: Vec<Option<Dependency>>,
    /// Whether `dependencies` was given as a list, even an empty one (Go's non-nil
    /// slice): Helm processes the subcharts of a chart with `dependencies: []` but
    /// not of one without the key.
    pub dependencies_listed: bool,
    /// `type`: `application`, `library` or empty.
    pub kind: String,
}

/// A chart maintainer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Maintainer {
    /// `name`.
    pub name: String,
    /// `email`.
    pub email: String,
    /// `url`.
    pub url: String,
}

/// A dependency of a chart, in `Chart.yaml` or a lock file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dependency {
    /// `name`.
    pub name: String,
    /// `version` (a range in `Chart.yaml`, exact in a lock file).
    pub version: String,
    /// `repository`.
    pub repository: String,
    /// `condition`: comma-separated values paths.
    pub condition: String,
    /// `tags`.
    pub tags: Vec<String>,
    /// `enabled` (set while processing dependencies).
    pub enabled: bool,
    /// `import-values`: strings and `{child, parent}` maps, as JSON decodes them.
    pub import_values: Vec<Value>,
    /// `alias`.
    pub alias: String,
}

/// `Chart.lock`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lock {
    /// `generated`, as written.
    pub generated: String,
    /// `digest`.
    pub digest: String,
    /// `dependencies`, resolved.
    pub dependencies: Vec<Option<Dependency>>,
}
