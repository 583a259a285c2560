//! What Helm does with a chart's declared dependencies before rendering it (Helm 4.1.4's
//! `pkg/chart/v2/util/dependencies.go`, `ProcessDependencies`).
//!
//! In order:
//!
//! 1. aliases: every dependency of `Chart.yaml` takes the first subchart of its name
//!    whose version satisfies its `version` range, as a copy renamed to its `alias`
//!    (so one subchart can appear several times); subcharts no dependency claims stay;
//! 2. enabling: every dependency starts enabled; `tags` (a dependency with a true tag
//!    stays, one with only false tags goes) and then `condition` (the first path, in
//!    the parent's coalesced values with the chart's own path prefixed, that holds a
//!    boolean decides) decide; disabled subcharts are removed, and the survivors are
//!    processed the same way, recursively;
//! 3. `import-values`, from the deepest chart up: each dependency's listed tables
//!    (`{child, parent}` maps, or strings naming `exports.<name>`) are copied into the
//!    parent's values, under what the parent's own values already say.
//!
//! Helm's quirks are kept, as they show in output: a subchart's enabling runs over its
//! parent's whole coalesced values (with the subchart's defaults coalesced at the top),
//! and a chart whose `Chart.yaml` has no `dependencies` list is not looked into at all
//! (`dependencies: []` is).

use kelm_chart::{Chart, Dependency};
use kelm_yaml::{Map, Value};

use crate::coalesce::{
    coalesce_values, format_warning, merge_chart_values, merge_tables, slog_value,
};
use crate::gotype::go_v;
use crate::{Error, ValuesChart};

impl ValuesChart for Chart {
    fn name(&self) -> &str {
        &self.metadata.name
    }

    fn values(&self) -> &Value {
        &self.values
    }

    fn subcharts(&self) -> Vec<&dyn ValuesChart> {
        self.subcharts
            .iter()
            .map(|c| c as &dyn ValuesChart)
            .collect()
    }

    fn schema(&self) -> Option<&[u8]> {
        self.schema.as_deref()
    }
}

/// Helm's `ProcessDependencies`: resolves aliases, removes disabled subcharts and
/// imports values, changing `chart` (its subcharts, its dependencies' `enabled`, names
/// and `import-values`, and the values of every chart that declares dependencies).
/// `user` are the user's values (`-f`, `--set`...).
///
/// Returns the lines Helm logs on standard error meanwhile (coalescing warnings,
/// non-boolean conditions and tags, missing import tables), in order.
pub fn process_dependencies(chart: &mut Chart, user: &Value) -> Result<Vec<String>, Error> {
    let mut log = Vec::new();
    process_enabled(chart, user, "", &mut log)?;
    process_import_values(chart, &mut log)?;
    Ok(log)
}

/// Helm's `IsCompatibleRange`: whether `version` satisfies the range `constraint`.
pub fn is_compatible_range(constraint: &str, version: &str) -> bool {
    kelm_sprig::is_compatible_range(constraint, version)
}

/// A `slog` warning line as Helm's default logger prints it.
fn warn_line(message: &str, attrs: &[(&str, &str)]) -> String {
    let mut line = format!("level=WARN msg={}", slog_value(message));
    for (k, v) in attrs {
        line.push_str(&format!(" {k}={}", slog_value(v)));
    }
    line
}

fn declared(chart: &Chart) -> impl Iterator<Item = &Dependency> {
    chart.metadata.dependencies.iter().flatten()
}

/// Whether the chart's dependency list is Go's nil slice.
fn no_dependencies(chart: &Chart) -> bool {
    chart.metadata.dependencies.is_empty() && !chart.metadata.dependencies_listed
}

/// Helm's `getAliasDependency`: a copy of the first subchart that `dep` names and
/// whose version it accepts, renamed to the alias.
fn alias_dependency(charts: &[Chart], dep: &Dependency) -> Option<Chart> {
    let found = charts.iter().find(|c| {
        c.metadata.name == dep.name && is_compatible_range(&dep.version, &c.metadata.version)
    })?;
    let mut out = found.clone();
    if !dep.alias.is_empty() {
        out.metadata.name = dep.alias.clone();
    }
    Some(out)
}

/// Helm's `processDependencyEnabled`.
fn process_enabled(
    chart: &mut Chart,
    values: &Value,
    path: &str,
    log: &mut Vec<String>,
) -> Result<(), Error> {
    if no_dependencies(chart) {
        return Ok(());
    }
    let existing = std::mem::take(&mut chart.subcharts);
    let mut kept: Vec<Chart> = existing
        .iter()
        .filter(|sub| {
            !declared(chart).any(|req| {
                sub.metadata.name == req.name
                    && is_compatible_range(&req.version, &sub.metadata.version)
            })
        })
        .cloned()
        .collect();
    for req in chart.metadata.dependencies.iter_mut().flatten() {
        if let Some(sub) = alias_dependency(&existing, req) {
            kept.push(sub);
        }
        if !req.alias.is_empty() {
            req.name = req.alias.clone();
        }
    }
    chart.subcharts = kept;
    for req in chart.metadata.dependencies.iter_mut().flatten() {
        req.enabled = true;
    }
    let (cvals, warnings) = coalesce_values(&*chart, values)?;
    log.extend(warnings.iter().map(|w| format_warning(w)));
    process_tags(&mut chart.metadata.dependencies, &cvals, log);
    process_conditions(&mut chart.metadata.dependencies, &cvals, path, log);
    let removed: Vec<String> = declared(chart)
        .filter(|r| !r.enabled)
        .map(|r| r.name.clone())
        .collect();
    chart
        .subcharts
        .retain(|c| !removed.contains(&c.metadata.name));
    chart
        .metadata
        .dependencies
        .retain(|d| d.as_ref().is_none_or(|d| !removed.contains(&d.name)));
    for sub in &mut chart.subcharts {
        let subpath = format!("{path}{}.", sub.metadata.name);
        process_enabled(sub, &cvals, &subpath, log)?;
    }
    // Helm rebuilds the list by appending to a nil slice: nil when nothing is left.
    chart.metadata.dependencies_listed = !chart.metadata.dependencies.is_empty();
    Ok(())
}

/// Helm's `processDependencyTags`: a dependency with a true tag is enabled, one with
/// only false tags disabled, one without tags in `tags:` enabled.
fn process_tags(reqs: &mut [Option<Dependency>], cvals: &Value, log: &mut Vec<String>) {
    let Some(tags) = table(cvals, "tags") else {
        return;
    };
    for req in reqs.iter_mut().flatten() {
        let (mut has_true, mut has_false) = (false, false);
        for tag in &req.tags {
            match tags.get(tag) {
                Some(Value::Bool(true)) => has_true = true,
                Some(Value::Bool(false)) => has_false = true,
                Some(_) => log.push(warn_line(
                    "returned non-bool value",
                    &[("tag", tag), ("chart", &req.name)],
                )),
                None => {}
            }
        }
        req.enabled = has_true || !has_false;
    }
}

/// Helm's `processDependencyConditions`: the first of a dependency's comma-separated
/// condition paths that holds a boolean sets `enabled`.
fn process_conditions(
    reqs: &mut [Option<Dependency>],
    cvals: &Value,
    path: &str,
    log: &mut Vec<String>,
) {
    for req in reqs.iter_mut().flatten() {
        let condition = req.condition.trim().to_string();
        for cond in condition.split(',') {
            if cond.is_empty() {
                continue;
            }
            match path_value(cvals, &format!("{path}{cond}")) {
                Some(Value::Bool(b)) => {
                    req.enabled = *b;
                    break;
                }
                Some(_) => log.push(warn_line(
                    "returned non-bool value",
                    &[("path", cond), ("chart", &req.name)],
                )),
                None => {}
            }
        }
    }
}

/// Helm's `Values.Table`: the map at a dotted path, if every step is a map.
fn table<'v>(v: &'v Value, name: &str) -> Option<&'v Map> {
    let mut cur = match v {
        Value::Map(m) => m,
        _ => return None,
    };
    for key in name.split('.') {
        match cur.get(key) {
            Some(Value::Map(m)) => cur = m,
            _ => return None,
        }
    }
    Some(cur)
}

/// Helm's `Values.PathValue`: the value at a dotted path, unless it is missing or a
/// table.
fn path_value<'v>(v: &'v Value, path: &str) -> Option<&'v Value> {
    let (parent, key) = match path.rsplit_once('.') {
        Some((p, k)) => (table(v, p)?, k),
        None => match v {
            Value::Map(m) => (m, path),
            _ => return None,
        },
    };
    parent.get(key).filter(|x| !matches!(x, Value::Map(_)))
}

/// Helm's `processDependencyImportValues` with merging: subcharts first.
fn process_import_values(chart: &mut Chart, log: &mut Vec<String>) -> Result<(), Error> {
    for sub in &mut chart.subcharts {
        process_import_values(sub, log)?;
    }
    import_values(chart, log)
}

/// Helm's `pathToMap`: `data` nested under the dotted `path` (`.` for the top).
fn path_to_map(path: &str, data: Map) -> Value {
    if path == "." {
        return Value::Map(data);
    }
    let mut cur = Value::Map(data);
    for key in path.split('.').rev() {
        cur = Value::Map(Map::from([(key.to_string(), cur)]));
    }
    cur
}

/// Helm's `processImportValues` (merging, so nulls survive to the final coalescing).
fn import_values(chart: &mut Chart, log: &mut Vec<String>) -> Result<(), Error> {
    if no_dependencies(chart) {
        return Ok(());
    }
    let (cvals, warnings) = merge_chart_values(&*chart, &Value::Map(Map::new()))?;
    log.extend(warnings.iter().map(|w| format_warning(w)));
    let mut imported = Value::Map(Map::new());
    for req in chart.metadata.dependencies.iter_mut().flatten() {
        let mut rewritten = Vec::new();
        for iv in &req.import_values {
            let (child, parent) = match iv {
                Value::Map(m) => {
                    let field = |k: &str| go_v(m.get(k).unwrap_or(&Value::Null));
                    (field("child"), field("parent"))
                }
                Value::String(s) => (format!("exports.{s}"), ".".to_string()),
                _ => continue,
            };
            rewritten.push(Value::Map(Map::from([
                ("child".to_string(), Value::String(child.clone())),
                ("parent".to_string(), Value::String(parent.clone())),
            ])));
            let name = format!("{}.{child}", req.name);
            let Some(found) = table(&cvals, &name) else {
                let error = format!("{} is not a table", missing_key(&cvals, &name));
                let line = if matches!(iv, Value::Map(_)) {
                    warn_line(
                        "ImportValues missing table from chart",
                        &[("chart", &req.name), ("error", &error)],
                    )
                } else {
                    warn_line("ImportValues missing table", &[("error", &error)])
                };
                log.push(line);
                continue;
            };
            let (merged, w) = merge_tables(&imported, &path_to_map(&parent, found.clone()));
            log.extend(w.iter().map(|w| format_warning(w)));
            imported = merged;
        }
        req.import_values = rewritten;
    }
    let (values, w) = merge_tables(&cvals, &imported);
    log.extend(w.iter().map(|w| format_warning(w)));
    chart.values = values;
    Ok(())
}

/// The quoted key at which Helm's `Values.Table` stops on `name` (`ErrNoTable`).
fn missing_key(v: &Value, name: &str) -> String {
    let mut cur = v;
    for key in name.split('.') {
        match cur {
            Value::Map(m) => match m.get(key) {
                Some(next @ Value::Map(_)) => cur = next,
                _ => return kelm_strconv::quote(key),
            },
            _ => return kelm_strconv::quote(key),
        }
    }
    kelm_strconv::quote(name)
}

#[cfg(test)]
mod tests;
