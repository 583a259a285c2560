//! Decoding `Chart.yaml`, `requirements.yaml` and lock files into Helm's Go structs as
//! `sigs.k8s.io/yaml.Unmarshal` does: YAML is read with yaml.v2's typing, numbers and
//! booleans landing in string fields become strings (`1.0` becomes `"1"`, as Go's
//! `FormatFloat(f, 'g', -1, 32)` prints it), then `encoding/json` fills the struct:
//! keys match field names exactly or else case-insensitively, unknown keys are ignored,
//! `null` leaves a scalar field as it was, and a value of the wrong JSON type is Go's
//! `json: cannot unmarshal <kind> into Go struct field <Struct>.<path> of type <type>`.
//!
//! Decoding applies onto an existing struct, because Helm decodes `requirements.yaml`
//! into the metadata `Chart.yaml` already filled.

use kelm_yaml::{Map, Value};

use crate::Error;
use crate::model::{Dependency, Lock, Maintainer, Metadata};

/// The prefix `sigs.k8s.io/yaml` gives errors of its JSON stage.
const JSON_STAGE: &str = "error unmarshaling JSON: while decoding JSON: json: ";

/// Where a value is being decoded, for Go's error text.
#[derive(Clone, Copy)]
struct At<'a> {
    /// The innermost Go struct type (`Metadata`, `Maintainer`, `Dependency`, `Lock`).
    strukt: &'static str,
    /// The JSON field path from the top, `.`-joined.
    path: &'a str,
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::Uint(_) | Value::Float(_) => "number",
        Value::String(_) | Value::Time(_) => "string",
        Value::Seq(_) => "array",
        Value::Map(_) => "object",
    }
}

fn type_error(v: &Value, at: At<'_>, go_type: &str) -> Error {
    Error::new(format!(
        "{JSON_STAGE}cannot unmarshal {} into Go struct field {}.{} of type {go_type}",
        json_kind(v),
        at.strukt,
        at.path
    ))
}

/// The top level is not an object.
fn value_error(v: &Value, go_type: &str) -> Error {
    Error::new(format!(
        "{JSON_STAGE}cannot unmarshal {} into Go value of type {go_type}",
        json_kind(v)
    ))
}

/// Go's `encoding/json` field matching: an exact match first, else the last
/// case-insensitive one (keys arrive in sorted order, as `sigs.k8s.io/yaml`'s JSON
/// has them).
fn field<'n>(key: &str, names: &[&'n str]) -> Option<&'n str> {
    if let Some(n) = names.iter().find(|n| **n == key) {
        return Some(n);
    }
    names.iter().copied().find(|n| fold_eq(n, key))
}

/// Unicode simple case folding equality, as `encoding/json` compares keys.
fn fold_eq(a: &str, b: &str) -> bool {
    let mut a = a.chars();
    let mut b = b.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if x != y && fold(x) != fold(y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

fn fold(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{017F}' => 's',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A scalar landing in a Go string field: `sigs.k8s.io/yaml`'s coercion, then JSON.
/// `None` for `null`, which leaves the field unchanged.
fn string(v: &Value, at: At<'_>) -> Result<Option<String>, Error> {
    Ok(Some(match v {
        Value::Null => return Ok(None),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Uint(u) => u.to_string(),
        Value::Float(f) => kelm_strconv::format_float(*f, 'g', -1, 32),
        Value::Time(t) => t.to_string(),
        Value::Seq(_) | Value::Map(_) => return Err(type_error(v, at, "string")),
    }))
}

fn set_string(field: &mut String, v: &Value, at: At<'_>) -> Result<(), Error> {
    if let Some(s) = string(v, at)? {
        *field = s;
    }
    Ok(())
}

fn set_bool(field: &mut bool, v: &Value, at: At<'_>) -> Result<(), Error> {
    match v {
        Value::Null => Ok(()),
        Value::Bool(b) => {
            *field = *b;
            Ok(())
        }
        _ => Err(type_error(v, at, "bool")),
    }
}

/// A `[]string` field; `null` empties it.
fn set_strings(field: &mut Vec<String>, v: &Value, at: At<'_>) -> Result<(), Error> {
    match v {
        Value::Null => field.clear(),
        Value::Seq(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(string(item, at)?.unwrap_or_default());
            }
            *field = out;
        }
        _ => return Err(type_error(v, at, "[]string")),
    }
    Ok(())
}

/// The JSON names of Helm's `Metadata` fields (`Chart.yaml`), in struct order.
const METADATA_FIELDS: &[&str] = &[
    "name",
    "home",
    "sources",
    "version",
    "description",
    "keywords",
    "maintainers",
    "icon",
    "apiVersion",
    "condition",
    "tags",
    "appVersion",
    "deprecated",
    "annotations",
    "kubeVersion",
    "dependencies",
    "type",
];

/// The JSON names of `Maintainer`'s fields.
const MAINTAINER_FIELDS: &[&str] = &["name", "email", "url"];

/// The JSON names of `Dependency`'s fields, in struct order.
const DEPENDENCY_FIELDS: &[&str] = &[
    "name",
    "version",
    "repository",
    "condition",
    "tags",
    "enabled",
    "import-values",
    "alias",
];

/// Applies a YAML document onto `md`, as Helm's loader does for `Chart.yaml` and
/// `requirements.yaml`.
pub(crate) fn metadata(md: &mut Metadata, doc: &Value) -> Result<(), Error> {
    let map = match doc {
        Value::Null => return Ok(()),
        Value::Map(m) => m,
        _ => return Err(value_error(doc, "v2.Metadata")),
    };
    for (key, v) in map {
        let Some(name) = field(key, METADATA_FIELDS) else {
            continue;
        };
        let at = At {
            strukt: "Metadata",
            path: name,
        };
        match name {
            "name" => set_string(&mut md.name, v, at)?,
            "home" => set_string(&mut md.home, v, at)?,
            "sources" => set_strings(&mut md.sources, v, at)?,
            "version" => set_string(&mut md.version, v, at)?,
            "description" => set_string(&mut md.description, v, at)?,
            "keywords" => set_strings(&mut md.keywords, v, at)?,
            "maintainers" => maintainers(&mut md.maintainers, v)?,
            "icon" => set_string(&mut md.icon, v, at)?,
            "apiVersion" => set_string(&mut md.api_version, v, at)?,
            "condition" => set_string(&mut md.condition, v, at)?,
            "tags" => set_string(&mut md.tags, v, at)?,
            "appVersion" => set_string(&mut md.app_version, v, at)?,
            "deprecated" => set_bool(&mut md.deprecated, v, at)?,
            "annotations" => annotations(&mut md.annotations, v, at)?,
            "kubeVersion" => set_string(&mut md.kube_version, v, at)?,
            "dependencies" => {
                dependencies(&mut md.dependencies, v, "Metadata", "dependencies")?;
                md.dependencies_listed = !matches!(v, Value::Null);
            }
            _ => set_string(&mut md.kind, v, at)?,
        }
    }
    Ok(())
}

/// `map[string]string`: decoding into an existing map adds to it; `null` drops it.
fn annotations(
    field: &mut Option<std::collections::BTreeMap<String, String>>,
    v: &Value,
    at: At<'_>,
) -> Result<(), Error> {
    match v {
        Value::Null => *field = None,
        Value::Map(m) => {
            let out = field.get_or_insert_with(Default::default);
            for (k, item) in m {
                if let Some(s) = string(item, at)? {
                    out.insert(k.clone(), s);
                } else {
                    out.insert(k.clone(), String::new());
                }
            }
        }
        _ => return Err(type_error(v, at, "map[string]string")),
    }
    Ok(())
}

fn maintainers(field: &mut Vec<Option<Maintainer>>, v: &Value) -> Result<(), Error> {
    let at = At {
        strukt: "Metadata",
        path: "maintainers",
    };
    let items = match v {
        Value::Null => {
            field.clear();
            return Ok(());
        }
        Value::Seq(items) => items,
        _ => return Err(type_error(v, at, "[]*v2.Maintainer")),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let m = match item {
            Value::Null => None,
            Value::Map(m) => Some(maintainer(m)?),
            _ => return Err(type_error(item, at, "v2.Maintainer")),
        };
        out.push(m);
    }
    *field = out;
    Ok(())
}

fn maintainer(map: &Map) -> Result<Maintainer, Error> {
    let mut m = Maintainer::default();
    for (key, v) in map {
        let Some(name) = field(key, MAINTAINER_FIELDS) else {
            continue;
        };
        let path = format!("maintainers.{name}");
        let at = At {
            strukt: "Maintainer",
            path: &path,
        };
        match name {
            "name" => set_string(&mut m.name, v, at)?,
            "email" => set_string(&mut m.email, v, at)?,
            _ => set_string(&mut m.url, v, at)?,
        }
    }
    Ok(m)
}

/// `[]*Dependency` under `path` of `strukt` (Metadata's or Lock's `dependencies`).
fn dependencies(
    field: &mut Vec<Option<Dependency>>,
    v: &Value,
    strukt: &'static str,
    path: &str,
) -> Result<(), Error> {
    let at = At { strukt, path };
    let items = match v {
        Value::Null => {
            field.clear();
            return Ok(());
        }
        Value::Seq(items) => items,
        _ => return Err(type_error(v, at, "[]*v2.Dependency")),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(match item {
            Value::Null => None,
            Value::Map(m) => Some(dependency(m, path)?),
            _ => return Err(type_error(item, at, "v2.Dependency")),
        });
    }
    *field = out;
    Ok(())
}

fn dependency(map: &Map, parent: &str) -> Result<Dependency, Error> {
    let mut d = Dependency::default();
    for (key, v) in map {
        let Some(name) = field(key, DEPENDENCY_FIELDS) else {
            continue;
        };
        let path = format!("{parent}.{name}");
        let at = At {
            strukt: "Dependency",
            path: &path,
        };
        match name {
            "name" => set_string(&mut d.name, v, at)?,
            "version" => set_string(&mut d.version, v, at)?,
            "repository" => set_string(&mut d.repository, v, at)?,
            "condition" => set_string(&mut d.condition, v, at)?,
            "tags" => set_strings(&mut d.tags, v, at)?,
            "enabled" => set_bool(&mut d.enabled, v, at)?,
            "import-values" => match v {
                Value::Null => d.import_values.clear(),
                Value::Seq(items) => d.import_values = items.iter().map(json_any).collect(),
                _ => return Err(type_error(v, at, "[]interface {}")),
            },
            _ => set_string(&mut d.alias, v, at)?,
        }
    }
    Ok(d)
}

/// A value as `encoding/json` decodes it into `interface{}`: numbers are float64.
fn json_any(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Float(*i as f64),
        Value::Uint(u) => Value::Float(*u as f64),
        Value::Seq(items) => Value::Seq(items.iter().map(json_any).collect()),
        Value::Map(m) => Value::Map(m.iter().map(|(k, v)| (k.clone(), json_any(v))).collect()),
        other => other.clone(),
    }
}

/// Decodes a lock file (`Chart.lock`, `requirements.lock`); `null` gives no lock.
pub(crate) fn lock(doc: &Value) -> Result<Option<Lock>, Error> {
    let map = match doc {
        Value::Null => return Ok(None),
        Value::Map(m) => m,
        _ => return Err(value_error(doc, "v2.Lock")),
    };
    let mut lock = Lock::default();
    for (key, v) in map {
        let Some(name) = field(key, &["generated", "digest", "dependencies"]) else {
            continue;
        };
        let at = At {
            strukt: "Lock",
            path: name,
        };
        match name {
            "generated" => match v {
                Value::Null => {}
                Value::String(s) => lock.generated = s.clone(),
                Value::Time(t) => lock.generated = t.to_string(),
                _ => {
                    return Err(Error::new(format!(
                        "{JSON_STAGE}Time.UnmarshalJSON: input is not a JSON string"
                    )));
                }
            },
            "digest" => set_string(&mut lock.digest, v, at)?,
            _ => dependencies(&mut lock.dependencies, v, "Lock", "dependencies")?,
        }
    }
    Ok(Some(lock))
}

/// The first key `encoding/json` with `DisallowUnknownFields` would refuse when
/// decoding `doc` into Helm's `Metadata` (as `sigs.k8s.io/yaml.UnmarshalStrict` does
/// for `helm lint`): keys are visited in the JSON's sorted order, depth first.
pub(crate) fn unknown_metadata_field(doc: &Value) -> Option<Error> {
    let unknown = |key: &str| {
        Some(Error::new(format!(
            "{JSON_STAGE}unknown field {}",
            kelm_strconv::quote(key)
        )))
    };
    let Value::Map(map) = doc else {
        return None;
    };
    for (key, v) in map {
        let Some(name) = field(key, METADATA_FIELDS) else {
            return unknown(key);
        };
        let inner = match name {
            "maintainers" => MAINTAINER_FIELDS,
            "dependencies" => DEPENDENCY_FIELDS,
            _ => continue,
        };
        let Value::Seq(items) = v else { continue };
        for item in items {
            if let Value::Map(m) = item
                && let Some(k) = m.keys().find(|k| field(k, inner).is_none())
            {
                return unknown(k);
            }
        }
    }
    None
}
