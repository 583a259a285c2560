//! The data a case's template sees, as the recorder captured it from Helm.
//!
//! The recorder renders a dumping template in Helm with the case's values and flags,
//! which writes every node of `.` (except `.Files` and `.Capabilities`) with its Go type
//! (`typeOf`): `{"t": "float64", "v": 1}`, `{"t": "map[string]interface {}", "m": {...}}`,
//! `{"t": "[]interface {}", "l": [...]}`, `{"t": "<nil>"}`. So the runner sees exactly
//! the types Helm built (float64 from YAML files, int64 from `--set`, yaml.v2's `yes`
//! as `true`, ...) without a YAML parser of its own.

use kelm_gotmpl::{List, Map, Type, Value};
use serde_json::Value as J;

/// Helm's `common.Values`: a named `map[string]interface {}`, as Helm's engine makes
/// `.Values` (and `.` and `.Template`). Its methods (`AsMap`, `Table`, `YAML`,
/// `Encode`) are not modelled: cases must not call them.
pub fn values_type() -> Type {
    Type::named("common.Values", Type::map_of_any())
}

fn map_of(j: &J, what: &str, ty: Type) -> Result<Map, String> {
    let m = j
        .get("m")
        .and_then(J::as_object)
        .ok_or_else(|| format!("{what} without entries"))?;
    let map = Map::with_type(ty);
    for (k, v) in m {
        map.insert(k.as_str(), build(v)?);
    }
    Ok(map)
}

/// Builds the value a typed node describes.
pub fn build(j: &J) -> Result<Value, String> {
    let t = j
        .get("t")
        .and_then(J::as_str)
        .ok_or_else(|| format!("typed node without type: {j}"))?;
    let v = j.get("v");
    let num = |what: &str| -> Result<&serde_json::Number, String> {
        match v {
            Some(J::Number(n)) => Ok(n),
            _ => Err(format!("{what} node without a number: {j}")),
        }
    };
    Ok(match t {
        "<nil>" => Value::nil(),
        "bool" => Value::Bool(v.and_then(J::as_bool).ok_or("bool node without bool")?),
        "string" => Value::string(v.and_then(J::as_str).ok_or("string node without string")?),
        "int" => Value::int(num(t)?.as_i64().ok_or("int out of range")?),
        "int64" => Value::int64(num(t)?.as_i64().ok_or("int64 out of range")?),
        "float64" => Value::float64(num(t)?.as_f64().ok_or("bad float64")?),
        "map[string]interface {}" => Value::Map(map_of(j, t, Type::map_of_any())?),
        "common.Values" => Value::Map(map_of(j, t, values_type())?),
        "map[string]string" => {
            let ty = Type::map_of(Type::String, Type::String);
            let m = map_of(j, t, ty.clone())?;
            // The only such map is `.Chart.Annotations`, and the recorder's Chart.yaml
            // has no annotations: Helm's map is nil (`toJson` prints `null`), which
            // the dump, ranging over it, cannot tell from an empty one.
            if m.is_empty() {
                Value::Nil(ty)
            } else {
                Value::Map(m)
            }
        }
        "[]interface {}" | "[]string" => {
            let items = j
                .get("l")
                .and_then(J::as_array)
                .ok_or("list node without items")?
                .iter()
                .map(build)
                .collect::<Result<Vec<_>, _>>()?;
            if t == "[]string" {
                Value::List(List::with_type(Type::slice_of(Type::String), items))
            } else {
                Value::List(List::new(items))
            }
        }
        _ => return Err(format!("unsupported Go type {t:?} in recorded data")),
    })
}
