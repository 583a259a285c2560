//! How Go names and prints the values Helm's messages mention (`%T`, `%t`, `%v`).

use kelm_yaml::Value;

/// Go's `%T` of a value as Helm holds it in a `map[string]interface{}`.
pub(crate) fn go_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "nil",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int64",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::String(_) => "string",
        Value::Seq(_) => "[]interface {}",
        Value::Map(_) => "map[string]interface {}",
        Value::Time(_) => "time.Time",
    }
}

/// Go's `%v` of a value (`map[a:1 b:[x y]]`, `<nil>`, floats as `%v` prints them).
pub(crate) fn go_v(v: &Value) -> String {
    let mut out = String::new();
    write_verb(&mut out, v, false);
    out
}

/// Go's `%t` of a value: booleans print, everything else is a `%!t(type=value)` marker.
pub(crate) fn go_t(v: &Value) -> String {
    let mut out = String::new();
    write_verb(&mut out, v, true);
    out
}

fn write_verb(out: &mut String, v: &Value, t: bool) {
    let scalar = match v {
        Value::Null => {
            out.push_str(if t { "%!t(<nil>)" } else { "<nil>" });
            return;
        }
        Value::Bool(b) => {
            out.push_str(if *b { "true" } else { "false" });
            return;
        }
        Value::Int(i) => i.to_string(),
        Value::Uint(u) => u.to_string(),
        Value::Float(f) => go_float_v(*f),
        Value::String(s) => s.clone(),
        Value::Time(tm) => tm.to_string(),
        Value::Seq(items) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                write_verb(out, item, t);
            }
            out.push(']');
            return;
        }
        Value::Map(map) => {
            out.push_str("map[");
            for (n, (k, item)) in map.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                write_verb(out, &Value::String(k.clone()), t);
                out.push(':');
                write_verb(out, item, t);
            }
            out.push(']');
            return;
        }
    };
    if t {
        out.push_str("%!t(");
        out.push_str(go_type_name(v));
        out.push('=');
        out.push_str(&scalar);
        out.push(')');
    } else {
        out.push_str(&scalar);
    }
}

/// Go's `%v` of a float64: the shortest digits, in `%e` form for exponents below -4
/// or from 21 up, else in `%f` form.
pub(crate) fn go_float_v(f: f64) -> String {
    if !f.is_finite() {
        return kelm_strconv::format_float(f, 'g', -1, 64);
    }
    let e = kelm_strconv::format_float(f, 'e', -1, 64);
    let exp: i32 = e
        .rsplit('e')
        .next()
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    if (-4..21).contains(&exp) {
        kelm_strconv::format_float(f, 'f', -1, 64)
    } else {
        e
    }
}
