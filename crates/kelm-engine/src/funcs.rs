//! Helm's data functions (`pkg/engine/funcs.go`): `toYaml`, `mustToYaml`,
//! `toYamlPretty`, `fromYaml`, `fromYamlArray`, `toJson`, `mustToJson`, `fromJson`,
//! `fromJsonArray`, `toToml`, `fromToml`.
//!
//! Helm's functions tolerate errors: the `to` forms print "" (`toToml` prints the
//! error's text), the `from` forms return the error's text inside the result (under
//! the key `Error`, or as a one-item list); only the `must` forms fail the template.

use kelm_gotmpl::{Call, FuncError, Function, List, Map, Signature, Type, Value};
use kelm_sprig::data::{self, Data};
use kelm_yaml::{JsonStyle, JsonTarget};

/// `json.Marshal`.
const COMPACT: JsonStyle = JsonStyle {
    escape_html: true,
    indent: None,
};

/// What a Go panic on `reflect.ValueOf(nil).Type()` says; BurntSushi's encoder makes
/// it for a nil `toToml` argument, and the template fails with it.
const TOML_NIL_PANIC: &str = "reflect: call of reflect.Value.Type on zero Value";

fn string_arg(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

fn func(
    name: &str,
    param: Type,
    result: Type,
    body: impl Fn(&Value) -> Result<Value, FuncError> + Send + Sync + 'static,
) -> Function {
    Function::new(
        name,
        Signature::new(vec![param], result),
        move |_: &mut Call<'_>, a: &[Value]| body(&a[0]),
    )
}

/// `yaml.Marshal(v)` (sigs.k8s.io/yaml: JSON first, then YAML), one trailing newline
/// trimmed.
fn to_yaml(v: &Value) -> Result<String, kelm_yaml::Error> {
    let d = data::to_json_data(v).map_err(|e| {
        kelm_yaml::Error::new(format!("error marshaling into JSON: {}", e.message()), None)
    })?;
    let text = kelm_yaml::to_yaml(&d)?;
    Ok(trim_newline(text))
}

/// Go's `strings.TrimSuffix(s, "\n")`.
fn trim_newline(mut s: String) -> String {
    if s.ends_with('\n') {
        s.pop();
    }
    s
}

/// yaml.v3's encoder with an indent of 2, one trailing newline trimmed.
fn to_yaml_pretty(v: &Value) -> Result<String, kelm_yaml::Error> {
    let d = data::to_yaml_v3_data(v)?;
    Ok(trim_newline(kelm_yaml::to_yaml_pretty(&d)?))
}

/// How `encoding/json` names the JSON kind it cannot put into a Go value.
fn json_kind(d: &Data) -> &'static str {
    match d {
        Data::Map(_) => "object",
        Data::Seq(_) => "array",
        Data::String(_) | Data::Time(_) => "string",
        Data::Bool(_) => "bool",
        Data::Int(_) | Data::Uint(_) | Data::Float(_) => "number",
        Data::Null => "null",
    }
}

/// sigs.k8s.io/yaml's error for YAML whose JSON does not fit the target type.
fn yaml_type_error(d: &Data, target: &str) -> String {
    format!(
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type {target}",
        json_kind(d)
    )
}

/// A `map[string]interface{}` with only the key `Error`.
fn error_map(message: &str) -> Value {
    let m = Map::new();
    m.insert("Error", Value::from(message));
    Value::Map(m)
}

/// A `[]interface{}` with only the error's text.
fn error_list(message: &str) -> Value {
    Value::List(List::new(vec![Value::from(message)]))
}

/// Helm's `fromYaml`: `yaml.Unmarshal` into a fresh map; on error, the error's text
/// under `Error`. An empty document leaves the map empty.
fn from_yaml(text: &str) -> Value {
    match kelm_yaml::from_yaml(text) {
        Ok(d @ Data::Map(_)) => data::from_data(&d),
        Ok(Data::Null) => Value::Map(Map::new()),
        Ok(d) => error_map(&yaml_type_error(&d, "map[string]interface {}")),
        Err(e) => error_map(e.message()),
    }
}

/// Helm's `fromYamlArray`: `yaml.Unmarshal` into a fresh slice; on error, a list of
/// the error's text alone.
fn from_yaml_array(text: &str) -> Value {
    match kelm_yaml::from_yaml(text) {
        Ok(d @ Data::Seq(_)) => data::from_data(&d),
        Ok(Data::Null) => Value::List(List::new(Vec::new())),
        Ok(d) => error_list(&yaml_type_error(&d, "[]interface {}")),
        Err(e) => error_list(e.message()),
    }
}

/// Helm's `fromJson`: `json.Unmarshal` into a fresh map (`null` makes it nil); on
/// error, what was decoded plus the error's text under `Error`.
fn from_json(text: &str) -> Value {
    let (d, e) = kelm_yaml::from_json_into(text, JsonTarget::Map);
    let v = data::map_from_data(&d);
    let Some(e) = e else { return v };
    match v {
        Value::Map(m) => {
            m.insert("Error", Value::from(e.message()));
            Value::Map(m)
        }
        _ => error_map(e.message()),
    }
}

/// Helm's `fromJsonArray`: `json.Unmarshal` into a fresh slice (`null` makes it nil);
/// on error, a list of the error's text alone.
fn from_json_array(text: &str) -> Value {
    match kelm_yaml::from_json_into(text, JsonTarget::Seq) {
        (d, None) => data::list_from_data(&d),
        (_, Some(e)) => error_list(e.message()),
    }
}

/// Helm's `toToml`: BurntSushi's encoding, or the error's text. A nil argument makes
/// the encoder panic, which fails the template.
fn to_toml(v: &Value) -> Result<Value, FuncError> {
    if matches!(v, Value::Invalid | Value::Nil(Type::Any)) {
        return Err(FuncError::new(TOML_NIL_PANIC));
    }
    let d = match data::to_toml_data(v) {
        Ok(Data::Null) => return Err(FuncError::new(TOML_NIL_PANIC)),
        Ok(d) => d,
        Err(e) => return Ok(Value::from(e.message())),
    };
    Ok(Value::from(match kelm_yaml::to_toml(&d) {
        Ok(s) => s,
        Err(e) => e.message().to_string(),
    }))
}

/// Helm's `fromToml`: BurntSushi's decoding into a fresh map; on error, the error's
/// text under `Error`.
fn from_toml(text: &str) -> Value {
    match kelm_yaml::from_toml(text) {
        Ok(d @ Data::Map(_)) => data::from_data(&d),
        Ok(_) => Value::Map(Map::new()),
        Err(e) => error_map(e.message()),
    }
}

/// The data functions of Helm's function map.
pub(crate) fn functions() -> Vec<Function> {
    let any = || Type::Any;
    let string = || Type::String;
    let message = |e: kelm_yaml::Error| FuncError::new(e.message());
    vec![
        func("toToml", any(), string(), to_toml),
        func("fromToml", string(), Type::map_of_any(), |v| {
            Ok(from_toml(string_arg(v)))
        }),
        func("toYaml", any(), string(), |v| {
            Ok(Value::from(to_yaml(v).unwrap_or_default()))
        }),
        // mustToYaml panics on errors, which fails the template.
        func("mustToYaml", any(), string(), move |v| {
            to_yaml(v).map(Value::from).map_err(message)
        }),
        func("toYamlPretty", any(), string(), |v| {
            Ok(Value::from(to_yaml_pretty(v).unwrap_or_default()))
        }),
        func("fromYaml", string(), Type::map_of_any(), |v| {
            Ok(from_yaml(string_arg(v)))
        }),
        func("fromYamlArray", string(), Type::slice_of_any(), |v| {
            Ok(from_yaml_array(string_arg(v)))
        }),
        func("toJson", any(), string(), |v| {
            Ok(Value::from(
                data::marshal_json(v, COMPACT).unwrap_or_default(),
            ))
        }),
        func("mustToJson", any(), string(), move |v| {
            data::marshal_json(v, COMPACT)
                .map(Value::from)
                .map_err(message)
        }),
        func("fromJson", string(), Type::map_of_any(), |v| {
            Ok(from_json(string_arg(v)))
        }),
        func("fromJsonArray", string(), Type::slice_of_any(), |v| {
            Ok(from_json_array(string_arg(v)))
        }),
    ]
}

#[cfg(test)]
mod tests;
