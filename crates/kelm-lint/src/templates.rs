//! The template rules (Helm's `rules/template.go`): the chart renders in lint mode
//! (release `test-release`, `required` and `fail` quiet, no lookups), templates have
//! allowed extensions, and each rendered YAML document parses, starts without
//! indentation, names its object validly, uses no deprecated API, gives workloads a
//! selector and puts no resource policy inside a `List`.

use std::collections::BTreeMap;

use kelm_engine::{Capabilities, ReleaseOptions, RenderChart, RenderOptions};
use kelm_yaml::{Map, Value};

use crate::{Linter, Options, Severity, deprecations, k8syaml, names};

const DIR: &str = "templates/";

/// Runs the template rules.
pub fn lint(linter: &mut Linter, values: &Map, options: &Options) {
    let path = linter.chart_dir.join("templates");
    let meta = std::fs::metadata(&path);
    if let Err(e) = &meta
        && e.kind() == std::io::ErrorKind::NotFound
    {
        linter.rule(
            Severity::Warning,
            DIR,
            Err("directory does not exist".into()),
        );
        return;
    }
    let dir_ok = match &meta {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err("not a directory".to_string()),
        Err(e) => Err(format!(
            "stat {}: {}",
            path.display(),
            crate::go_io_error(e)
        )),
    };
    if !linter.rule(Severity::Error, DIR, dir_ok) {
        return;
    }
    let mut chart = match kelm_chart::load(&linter.chart_dir) {
        Ok(c) => c,
        Err(e) => {
            linter.rule(Severity::Error, DIR, Err(e.message().to_string()));
            return;
        }
    };
    let user = Value::Map(values.clone());
    if kelm_values::process_dependencies(&mut chart, &user).is_err() {
        return;
    }
    let Ok((coalesced, _)) = kelm_values::coalesce_values(&chart, &user) else {
        return;
    };
    let Ok((coalesced, _)) = kelm_values::coalesce_values(&chart, &coalesced) else {
        return;
    };
    if !options.skip_schema_validation
        && let Err(e) = kelm_values::schema::validate_values(&chart, &coalesced)
    {
        linter.rule(Severity::Error, DIR, Err(e.message().to_string()));
        return;
    }
    let mut capabilities = Capabilities::default();
    if let Some(kv) = &options.kube_version {
        capabilities.kube_version = kv.clone();
    }
    let release = ReleaseOptions {
        name: "test-release".into(),
        namespace: options.namespace.clone(),
        revision: 0,
        is_upgrade: false,
        is_install: false,
    };
    let render_options = RenderOptions {
        lint_mode: true,
        ..RenderOptions::default()
    };
    let rendered: BTreeMap<String, String> = match kelm_engine::render(
        &RenderChart::from_chart(&chart),
        &coalesced,
        &release,
        &capabilities,
        &render_options,
    ) {
        Ok(r) => r,
        Err(e) => {
            linter.rule(Severity::Error, DIR, Err(e.message().to_string()));
            return;
        }
    };
    for template in &chart.templates {
        let name = template.name.as_str();
        linter.rule(Severity::Error, name, allowed_extension(name));
        if !is_yaml(name) {
            continue;
        }
        let key = format!("{}/{}", chart.name(), name);
        let content = rendered.get(&key).map(String::as_str).unwrap_or("");
        if content.trim().is_empty() {
            continue;
        }
        linter.rule(Severity::Warning, name, top_indent(content));
        if !check_documents(linter, name, content, options) {
            return;
        }
    }
}

/// The per-document rules; false when a document does not parse (Helm then stops
/// linting the chart's templates).
fn check_documents(linter: &mut Linter, name: &str, content: &str, options: &Options) -> bool {
    let (docs, bad_separator) = k8syaml::documents(content);
    for doc in docs {
        let obj = match k8syaml::decode(doc) {
            Ok(o) => o,
            Err(e) => {
                linter.rule(
                    Severity::Error,
                    name,
                    Err(format!("unable to parse YAML: {e}")),
                );
                return false;
            }
        };
        let Some(obj) = obj else { continue };
        linter.rule(
            Severity::Warning,
            name,
            names::validate_metadata_name(&obj.kind, &obj.name),
        );
        linter.rule(
            Severity::Warning,
            name,
            deprecations::check(&obj.api_version, &obj.kind, options.kube_version.as_ref()),
        );
        linter.rule(Severity::Error, name, match_selector(&obj, content));
        linter.rule(Severity::Error, name, list_annotations(&obj, content));
    }
    match bad_separator {
        Some(e) => {
            linter.rule(
                Severity::Error,
                name,
                Err(format!("unable to parse YAML: {e}")),
            );
            false
        }
        None => true,
    }
}

/// `key` of a map value, matched as `encoding/json` matches field names.
fn get_ci<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    match v {
        Value::Map(m) => m.get(key).or_else(|| {
            m.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)
        }),
        _ => None,
    }
}

fn extension(name: &str) -> &str {
    let base = &name[name.rfind('/').map_or(0, |i| i + 1)..];
    base.rfind('.').map_or("", |i| &base[i..])
}

fn allowed_extension(name: &str) -> Result<(), String> {
    let ext = extension(name);
    if [".yaml", ".yml", ".tpl", ".txt"].contains(&ext) {
        return Ok(());
    }
    Err(format!(
        "file extension '{ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt"
    ))
}

fn is_yaml(name: &str) -> bool {
    let ext = extension(name).to_lowercase();
    ext == ".yaml" || ext == ".yml"
}

/// The first non-blank line must not be indented.
fn top_indent(content: &str) -> Result<(), String> {
    for line in content.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            return Err(format!(
                "document starts with an illegal indent: {}, which may cause parsing problems",
                kelm_strconv::quote(line)
            ));
        }
        return Ok(());
    }
    Ok(())
}

fn match_selector(obj: &k8syaml::Object, content: &str) -> Result<(), String> {
    if matches!(
        obj.kind.as_str(),
        "Deployment" | "ReplicaSet" | "DaemonSet" | "StatefulSet"
    ) && !content.contains("matchLabels")
        && !content.contains("matchExpressions")
    {
        return Err(format!(
            "a {} must contain matchLabels or matchExpressions, and {} does not",
            obj.kind,
            kelm_strconv::quote(&obj.name)
        ));
    }
    Ok(())
}

/// A `List` whose items carry `helm.sh/resource-policy`: Helm ignores it there. The
/// whole rendered file is read, as Helm reads it.
fn list_annotations(obj: &k8syaml::Object, content: &str) -> Result<(), String> {
    if obj.kind != "List" {
        return Ok(());
    }
    let value = kelm_yaml::from_yaml(content)
        .map_err(|e| format!("unable to parse YAML: {}", e.message()))?;
    let Some(Value::Seq(items)) = get_ci(&value, "items") else {
        return Ok(());
    };
    for item in items {
        let annotations = get_ci(item, "metadata").and_then(|m| get_ci(m, "annotations"));
        if let Some(Value::Map(a)) = annotations
            && a.contains_key("helm.sh/resource-policy")
        {
            return Err(
                "annotation 'helm.sh/resource-policy' within List objects are ignored".into(),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert!(allowed_extension("templates/a.yaml").is_ok());
        assert!(allowed_extension("templates/NOTES.txt").is_ok());
        assert_eq!(
            allowed_extension("templates/a.json").unwrap_err(),
            "file extension '.json' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt"
        );
        assert!(is_yaml("templates/A.YML"));
    }

    #[test]
    fn indentation() {
        assert!(top_indent("\n\na: 1\n").is_ok());
        assert_eq!(
            top_indent("\n  a: 1\n").unwrap_err(),
            "document starts with an illegal indent: \"  a: 1\", which may cause parsing problems"
        );
    }
}
