//! The `values.yaml` rules (Helm's `rules/values.go`): the file exists, parses, and
//! (coalesced under the user's values) meets `values.schema.json`.

use kelm_yaml::{Map, Value};

use crate::{Linter, Severity};

const FILE: &str = "values.yaml";

/// Runs the values rules with the user's values (`-f`, `--set`...).
pub fn lint(linter: &mut Linter, overrides: &Map, skip_schema_validation: bool) {
    let path = linter.chart_dir.join(FILE);
    let exists = std::fs::metadata(&path).is_ok();
    if !linter.rule(
        Severity::Info,
        FILE,
        if exists {
            Ok(())
        } else {
            Err("file does not exist".into())
        },
    ) {
        return;
    }
    let result = check(linter, overrides, skip_schema_validation);
    linter.rule(Severity::Error, FILE, result);
}

fn check(linter: &Linter, overrides: &Map, skip_schema_validation: bool) -> Result<(), String> {
    let path = linter.chart_dir.join(FILE);
    let values = read_values_file(&path).map_err(|e| format!("unable to parse YAML: {e}"))?;
    let (with_overrides, _) =
        kelm_values::coalesce_tables(&Value::Map(Map::new()), &Value::Map(overrides.clone()));
    let (coalesced, _) = kelm_values::coalesce_tables(&with_overrides, &values);
    let schema_path = linter.chart_dir.join("values.schema.json");
    let schema = std::fs::read(&schema_path);
    match schema {
        Ok(s) if s.is_empty() => Ok(()),
        Err(_) => Ok(()),
        Ok(s) if skip_schema_validation => {
            let _ = s;
            Ok(())
        }
        Ok(s) => kelm_values::schema::validate_single(&coalesced, &s),
    }
}

/// Helm's `common.ReadValuesFile`: the first YAML document, as a map.
fn read_values_file(path: &std::path::Path) -> Result<Value, String> {
    let data = std::fs::read(path)
        .map_err(|e| format!("read {}: {}", path.display(), crate::go_io_error(&e)))?;
    match kelm_yaml::from_yaml_bytes(&data).map_err(|e| e.message().to_string())? {
        Value::Null => Ok(Value::Map(Map::new())),
        v @ Value::Map(_) => Ok(v),
        other => Err(format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type common.Values",
            json_kind(&other)
        )),
    }
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
