//! Typed JSON (see `tests/cases/README.md`): Go values written as JSON, with tags for
//! the Go types plain JSON cannot tell apart; kept in step with
//! `tools/yaml-oracle/typed.go`.

use std::fmt::Write as _;

use kelm_yaml::{GoTime, Map, Value};
use serde_json::Value as J;

use super::gotime;

/// Parses a typed JSON text (deeply nested texts included).
pub fn parse_json(text: &str) -> Result<J, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let j =
        serde::Deserialize::deserialize(&mut de).map_err(|e: serde_json::Error| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(j)
}

/// Builds the value a typed JSON value describes. A tag kelm's `Value` cannot hold
/// (`$bytes`) is an error that says so.
pub fn build(j: &J) -> Result<Value, String> {
    Ok(match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::String(s) => Value::String(s.clone()),
        J::Number(n) => Value::Float(parse_float(&n.to_string())?),
        J::Array(a) => Value::Seq(a.iter().map(build).collect::<Result<_, _>>()?),
        J::Object(o) => {
            if o.len() == 1
                && let Some((tag, arg)) = o.iter().next()
                && tag.starts_with('$')
            {
                return build_tag(tag, arg);
            }
            Value::Map(build_map(o)?)
        }
    })
}

fn build_map(o: &serde_json::Map<String, J>) -> Result<Map, String> {
    o.iter().map(|(k, v)| Ok((k.clone(), build(v)?))).collect()
}

fn number_text(tag: &str, arg: &J) -> Result<String, String> {
    match arg {
        J::Number(n) => Ok(n.to_string()),
        J::String(s) => Ok(s.clone()),
        _ => Err(format!("{tag}: want a number or a string, got {arg}")),
    }
}

fn parse_float(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .ok_or_else(|| format!("bad float64 {s:?}"))
}

fn build_tag(tag: &str, arg: &J) -> Result<Value, String> {
    match tag {
        "$int" => {
            let s = number_text(tag, arg)?;
            s.parse::<i64>()
                .map(Value::Int)
                .map_err(|_| format!("$int: bad int64 {s:?}"))
        }
        "$uint" => {
            let s = number_text(tag, arg)?;
            s.parse::<u64>()
                .map(Value::Uint)
                .map_err(|_| format!("$uint: bad uint64 {s:?}"))
        }
        "$float" => {
            let s = number_text(tag, arg)?;
            Ok(Value::Float(match s.as_str() {
                "NaN" => f64::NAN,
                "+Inf" => f64::INFINITY,
                "-Inf" => f64::NEG_INFINITY,
                "-0" => -0.0,
                _ => parse_float(&s)?,
            }))
        }
        "$map" => match arg {
            J::Object(o) => Ok(Value::Map(build_map(o)?)),
            _ => Err(format!("$map: want an object, got {arg}")),
        },
        "$time" => build_time(arg).map(|t| Value::Time(Box::new(t))),
        "$bytes" => Err(format!(
            "API gap: Go produced a string that is not UTF-8 (hex {arg}), which kelm_yaml::Value cannot hold"
        )),
        _ => Err(format!("unknown tag {tag:?}")),
    }
}

/// Builds a `$time` tag's time: `{"string": "1979-05-27 07:32:00 -0800 -0800", "zone":
/// "", "location": ""}` (Go's `String()`, `Zone()` name, `Location().String()`).
fn build_time(arg: &J) -> Result<GoTime, String> {
    let bad = || format!("$time: cannot read {arg}");
    let J::Object(o) = arg else {
        return Err(bad());
    };
    let field = |k: &str| o.get(k).and_then(J::as_str).ok_or_else(bad);
    let (string, zone, location) = (field("string")?, field("zone")?, field("location")?);
    if o.len() != 3 {
        return Err(bad());
    }
    gotime::parse(string, zone, location).map_err(|e| format!("$time: {e}"))
}

/// Whether two values are the same Go value: floats compare by bits (so `-0` differs
/// from `0`), except that any NaN equals any NaN.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => a == b,
    }
}

/// Where two values first differ: a path like `.a[3].b`, or `None` when they are the
/// same.
pub fn first_difference(a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Seq(x), Value::Seq(y)) => {
            for (i, (ea, eb)) in x.iter().zip(y).enumerate() {
                if let Some(p) = first_difference(ea, eb) {
                    return Some(format!("[{i}]{p}"));
                }
            }
            (x.len() != y.len()).then(|| format!(" (lengths {} and {})", x.len(), y.len()))
        }
        (Value::Map(x), Value::Map(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    None => return Some(format!(".{k:?} (only in the first)")),
                    Some(vb) => {
                        if let Some(p) = first_difference(va, vb) {
                            return Some(format!(".{k:?}{p}"));
                        }
                    }
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!(".{k:?} (only in the second)"))
        }
        _ => (!same(a, b)).then(String::new),
    }
}

/// Writes a value as typed JSON (for failure reports).
pub fn show(v: &Value) -> String {
    let mut s = String::new();
    write_value(&mut s, v);
    s
}

fn write_value(s: &mut String, v: &Value) {
    match v {
        Value::Null => s.push_str("null"),
        Value::Bool(b) => {
            let _ = write!(s, "{b}");
        }
        Value::Int(i) => {
            let _ = write!(s, "{{\"$int\": {i}}}");
        }
        Value::Uint(u) => {
            let _ = write!(s, "{{\"$uint\": {u}}}");
        }
        Value::Float(f) => {
            if f.is_nan() {
                s.push_str("{\"$float\": \"NaN\"}");
            } else if f.is_infinite() {
                let _ = write!(
                    s,
                    "{{\"$float\": \"{}Inf\"}}",
                    if *f > 0.0 { "+" } else { "-" }
                );
            } else if *f == 0.0 && f.is_sign_negative() {
                s.push_str("{\"$float\": \"-0\"}");
            } else {
                let _ = write!(s, "{f:?}");
            }
        }
        Value::String(t) => {
            let _ = write!(s, "{}", J::String(t.clone()));
        }
        Value::Time(t) => {
            let _ = write!(
                s,
                "{{\"$time\": {{\"string\": {}, \"zone\": {}, \"location\": {}}}}}",
                J::String(t.to_string()),
                J::String(t.zone.clone()),
                J::String(t.location.name().to_string())
            );
        }
        Value::Seq(items) => {
            s.push('[');
            for (i, e) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_value(s, e);
            }
            s.push(']');
        }
        Value::Map(m) => {
            let wrap = m.len() == 1 && m.keys().all(|k| k.starts_with('$'));
            if wrap {
                s.push_str("{\"$map\": ");
            }
            s.push('{');
            for (i, (k, e)) in m.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                let _ = write!(s, "{}: ", J::String(k.clone()));
                write_value(s, e);
            }
            s.push('}');
            if wrap {
                s.push('}');
            }
        }
    }
}
