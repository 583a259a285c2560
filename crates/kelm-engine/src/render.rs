//! Rendering a chart's templates as Helm 4.1.4's engine does (`pkg/engine/engine.go`:
//! `Render`, `allTemplates`/`recAllTpls`, `render`, `sortTemplates`).
//!
//! Every template of the chart tree goes into one template set (a root `gotpl` with
//! `missingkey=zero`, or `error` when strict), named `<chart full path>/<path in
//! chart>`, where a subchart's full path is `<parent's>/charts/<name>`. Templates are
//! parsed deepest first and, at equal depth, in reverse lexicographic order, so that on
//! a duplicate `define` the shallowest (then lexicographically smallest) file wins.
//! Library charts contribute only their partials (files whose name starts with `_`).
//!
//! Then every template that is not a partial is executed, in the same order, with its
//! chart's scope: a `map[string]interface {}` shared by all templates of that chart,
//! holding `Chart` (the metadata with `IsRoot`), `Files`, `Release`, `Capabilities`,
//! `Values` (the root's values, or the parent's `Values.<name>` table as a
//! `common.Values`; an empty one when that is missing or not a table), `Subcharts` (each
//! subchart's scope by name) and `Template` (`{Name, BasePath}`, set on the shared map
//! just before each template runs, so a parent sees in `.Subcharts.x.Template` the last
//! template run in `x`). `<no value>` is removed from the output. The first failure
//! stops the render with Helm's error text (see [`crate::errors`]).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use kelm_gotmpl::{Map, MissingKey, Template, Type, Value};

use crate::capabilities::Capabilities;
use crate::files::Files;
use crate::{FuncOptions, Lookup, errors};

/// A chart as the engine renders it: what Helm's loader produced, reduced to what
/// rendering reads.
#[derive(Debug, Clone, Default)]
pub struct RenderChart {
    /// The chart's name (`Chart.yaml`'s `name`), used in template names and as the key
    /// of its values in its parent's.
    pub name: String,
    /// `.Chart`: Helm 4's map of the metadata under Go field names (`Name`, `Version`,
    /// `APIVersion`...), without `IsRoot`, which the engine adds. Anything but a map
    /// gives a `.Chart` with only `IsRoot`.
    pub metadata: Value,
    /// Whether the chart is a library chart (`type: library`): only its partials are
    /// parsed, and it renders nothing itself.
    pub is_library: bool,
    /// The templates: path in the chart (`templates/a.yaml`) and text.
    pub templates: Vec<(String, String)>,
    /// The other files (`.Files`): path in the chart and content.
    pub files: Vec<(String, Arc<[u8]>)>,
    /// The subcharts, in the order Helm loaded them.
    pub subcharts: Vec<RenderChart>,
}

impl RenderChart {
    /// The chart as Helm's engine sees a loaded chart: its name, `.Chart` map,
    /// templates (as Go strings: invalid UTF-8 is replaced), other files and
    /// subcharts, recursively.
    pub fn from_chart(chart: &kelm_chart::Chart) -> RenderChart {
        RenderChart {
            name: chart.metadata.name.clone(),
            metadata: Value::Map(chart.metadata.template_map()),
            is_library: chart.is_library(),
            templates: chart
                .templates
                .iter()
                .map(|f| (f.name.clone(), crate::lossy_string(&f.data)))
                .collect(),
            files: chart
                .files
                .iter()
                .map(|f| (f.name.clone(), f.data.clone()))
                .collect(),
            subcharts: chart
                .subcharts
                .iter()
                .map(RenderChart::from_chart)
                .collect(),
        }
    }
}

/// `.Release`: the release being rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseOptions {
    /// `.Release.Name`.
    pub name: String,
    /// `.Release.Namespace`.
    pub namespace: String,
    /// `.Release.Revision` (a Go `int`).
    pub revision: i64,
    /// `.Release.IsUpgrade`.
    pub is_upgrade: bool,
    /// `.Release.IsInstall`.
    pub is_install: bool,
}

/// How Helm's engine is configured for one render.
#[derive(Clone, Default)]
pub struct RenderOptions {
    /// `missingkey=error` instead of `zero` (Helm's `Engine.Strict`; no command sets it).
    pub strict: bool,
    /// Lint mode: `required` and `fail` do not fail, `lookup` never asks the cluster.
    pub lint_mode: bool,
    /// `--enable-dns`: `getHostByName` resolves names.
    pub enable_dns: bool,
    /// The cluster behind `lookup`, if any.
    pub lookup: Option<Arc<dyn Lookup>>,
}

impl fmt::Debug for RenderOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RenderOptions")
            .field("strict", &self.strict)
            .field("lint_mode", &self.lint_mode)
            .field("enable_dns", &self.enable_dns)
            .field("lookup", &self.lookup.as_ref().map(|_| "..."))
            .finish()
    }
}

/// A failed render: the template that failed and Helm's message for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    template: String,
    message: String,
}

impl RenderError {
    /// The full name of the template that failed to parse or execute.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// Helm's message, what it prints after `Error: `.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}

/// Helm's `common.Values`, the type of `.Values` and `.Template`.
fn values_type() -> Type {
    Type::named("common.Values", Type::map_of_any())
}

/// One template to parse: its text, and the scope it runs with.
struct Renderable<'c> {
    text: &'c str,
    scope: Map,
    base_path: String,
}

/// What every chart's scope shares.
struct Shared {
    release: Value,
    capabilities: Value,
}

/// Renders `chart` with its coalesced `values` (the root's `.Values`): every template
/// that is not a partial, by full name (`chart/templates/a.yaml`), `NOTES.txt` files
/// included.
pub fn render(
    chart: &RenderChart,
    values: &kelm_yaml::Value,
    release: &ReleaseOptions,
    capabilities: &Capabilities,
    options: &RenderOptions,
) -> Result<BTreeMap<String, String>, RenderError> {
    let shared = Shared {
        release: release_value(release),
        capabilities: capabilities.to_value(),
    };
    let root_values = match kelm_sprig::data::from_data(values) {
        Value::Map(m) => m.convert(values_type()),
        _ => Map::with_type(values_type()),
    };
    let mut templates = BTreeMap::new();
    collect(
        chart,
        None,
        &Value::Map(root_values),
        &shared,
        &mut templates,
    );
    execute(&templates, options)
}

/// `.Release`: a `map[string]interface {}`.
fn release_value(r: &ReleaseOptions) -> Value {
    Value::Map(Map::from_entries([
        ("Name", Value::from(r.name.as_str())),
        ("Namespace", Value::from(r.namespace.as_str())),
        ("IsUpgrade", Value::Bool(r.is_upgrade)),
        ("IsInstall", Value::Bool(r.is_install)),
        ("Revision", Value::int(r.revision)),
        ("Service", Value::from("Helm")),
    ]))
}

/// Helm's `recAllTpls`: the scope of `chart` (whose parent's full path and `.Values`
/// are given for subcharts), its templates added to `out`, its subcharts' before them.
fn collect<'c>(
    chart: &'c RenderChart,
    parent_path: Option<&str>,
    parent_values: &Value,
    shared: &Shared,
    out: &mut BTreeMap<String, Renderable<'c>>,
) -> Map {
    let is_root = parent_path.is_none();
    let meta = match &chart.metadata {
        Value::Map(m) => Map::from_entries(m.entries()),
        _ => Map::new(),
    };
    meta.insert("IsRoot", Value::Bool(is_root));
    let values = if is_root {
        parent_values.clone()
    } else {
        Value::Map(table(parent_values, &format!("Values.{}", chart.name)))
    };
    let subcharts = Map::new();
    let scope = Map::from_entries([
        ("Chart", Value::Map(meta)),
        ("Files", Files::new(&chart.files).to_value()),
        ("Release", shared.release.clone()),
        ("Capabilities", shared.capabilities.clone()),
        ("Values", values),
        ("Subcharts", Value::Map(subcharts.clone())),
    ]);
    let full_path = match parent_path {
        None => chart.name.clone(),
        Some(p) => format!("{p}/charts/{}", chart.name),
    };
    let scope_value = Value::Map(scope.clone());
    for sub in &chart.subcharts {
        let sub_scope = collect(sub, Some(&full_path), &scope_value, shared, out);
        subcharts.insert(sub.name.as_str(), Value::Map(sub_scope));
    }
    let base_path = path_join(&full_path, "templates");
    for (name, text) in &chart.templates {
        if chart.is_library && !base_name(name).starts_with('_') {
            continue;
        }
        out.insert(
            path_join(&full_path, name),
            Renderable {
                text,
                scope: scope.clone(),
                base_path: base_path.clone(),
            },
        );
    }
    scope
}

/// `common.Values.Table`: the table at the dotted `path` of `scope` (a map), as a
/// `common.Values` sharing its entries; an empty one when a step is missing or not a
/// table.
fn table(scope: &Value, path: &str) -> Map {
    let mut current = match scope {
        Value::Map(m) => m.clone(),
        _ => return Map::with_type(values_type()),
    };
    for step in path.split('.') {
        match current.get(step) {
            Some(Value::Map(m)) if m.go_type().underlying() == &Type::map_of_any() => {
                current = m;
            }
            _ => return Map::with_type(values_type()),
        }
    }
    current.convert(values_type())
}

/// Go's `path.Base` for the clean relative paths of chart files.
fn base_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// Go's `path.Join`: the parts joined with `/`, then cleaned (`.` and empty elements
/// dropped, `..` removing the previous element).
fn path_join(a: &str, b: &str) -> String {
    let joined = match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}/{b}"),
    };
    if joined.is_empty() {
        return String::new();
    }
    let rooted = joined.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".to_string(),
        (false, false) => body,
    }
}

/// Helm's `sortTemplates`: most `/` first; at equal depth, reverse lexicographic.
fn sorted_names<T>(templates: &BTreeMap<String, T>) -> Vec<&str> {
    let mut names: Vec<&str> = templates.keys().map(String::as_str).collect();
    names.sort_by(|a, b| {
        let key = |s: &str| s.bytes().filter(|&c| c == b'/').count();
        key(b).cmp(&key(a)).then_with(|| b.cmp(a))
    });
    names
}

/// Helm's `render`: parse everything, then execute every non-partial.
fn execute(
    templates: &BTreeMap<String, Renderable<'_>>,
    options: &RenderOptions,
) -> Result<BTreeMap<String, String>, RenderError> {
    let mut set = Template::new("gotpl");
    set.missing_key(if options.strict {
        MissingKey::Error
    } else {
        MissingKey::Zero
    });
    set.add_funcs(crate::template_functions(&FuncOptions {
        enable_dns: options.enable_dns,
        lint_mode: options.lint_mode,
        lookup: options.lookup.clone(),
    }));
    let order = sorted_names(templates);
    for name in &order {
        if let Err(e) = set.parse_named(name, templates[*name].text) {
            return Err(RenderError {
                template: name.to_string(),
                message: errors::parse_error(name, &e),
            });
        }
    }
    let mut rendered = BTreeMap::new();
    for name in order {
        if base_name(name).starts_with('_') {
            continue;
        }
        let r = &templates[name];
        let template = Map::with_type(values_type());
        template.insert("Name", Value::from(name));
        template.insert("BasePath", Value::from(r.base_path.as_str()));
        r.scope.insert("Template", Value::Map(template));
        let mut out = String::new();
        // The scope is passed as Helm's `common.Values` (the type `.` has), while
        // `.Subcharts` holds the same maps as `map[string]interface {}`.
        let data = Value::Map(r.scope.convert(values_type()));
        if let Err(e) = set.execute_template(name, &data, &mut out) {
            return Err(RenderError {
                template: name.to_string(),
                message: errors::exec_error(name, &e),
            });
        }
        rendered.insert(name.to_string(), out.replace("<no value>", ""));
    }
    Ok(rendered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_order_is_helms() {
        let mut m = BTreeMap::new();
        for k in [
            "c/templates/b.yaml",
            "c/templates/a.yaml",
            "c/charts/s/templates/x.yaml",
            "c/x",
        ] {
            m.insert(k.to_string(), ());
        }
        assert_eq!(
            sorted_names(&m),
            [
                "c/charts/s/templates/x.yaml",
                "c/templates/b.yaml",
                "c/templates/a.yaml",
                "c/x"
            ]
        );
    }

    #[test]
    fn paths_join_as_go() {
        assert_eq!(path_join("c", "templates/./a.yaml"), "c/templates/a.yaml");
        assert_eq!(path_join("c", "../x"), "x");
        assert_eq!(base_name("templates/_h.tpl"), "_h.tpl");
    }
}
