//! Typed data: a case's JSON as kelm values (kept in step with
//! `tools/gotmpl-oracle/data.go`, which documents the tags).

use std::str::FromStr;
use std::sync::Arc;

use kelm_gotmpl::{FloatKind, IntKind, List, Map, Type, UintKind, Value};
use serde_json::Value as J;

use super::funcs;
use super::objects::{self, TData};

/// Builds a case's data. No data, or a top-level `null`, is what Go's `Execute(w, nil)`
/// sees: no value at all.
pub fn build_top(raw: Option<&str>) -> Result<Value, String> {
    let Some(raw) = raw else {
        return Ok(Value::Invalid);
    };
    let j: J = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if j.is_null() {
        return Ok(Value::Invalid);
    }
    build(&j)
}

/// Builds one JSON value.
pub fn build(j: &J) -> Result<Value, String> {
    Ok(match j {
        J::Null => Value::nil(),
        J::Bool(b) => Value::Bool(*b),
        J::String(s) => Value::string(s.as_str()),
        J::Number(_) => Value::float64(parse_num::<f64>(j)?),
        J::Array(a) => Value::List(List::new(a.iter().map(build).collect::<Result<_, _>>()?)),
        J::Object(o) => {
            let tags: Vec<&String> = o.keys().filter(|k| k.starts_with('$')).collect();
            if tags.len() == 1 {
                let tag = tags[0].as_str();
                return build_tagged(tag, o).map_err(|e| format!("{tag}: {e}"));
            }
            let m = Map::new();
            for (k, v) in o {
                m.insert(k.as_str(), build(v)?);
            }
            Value::Map(m)
        }
    })
}

fn num_text(j: &J) -> Result<&str, String> {
    match j {
        J::Number(n) => Ok(n.as_str()),
        J::String(s) => Ok(s),
        _ => Err(format!("want a number, got {j}")),
    }
}

fn parse_num<T: FromStr>(j: &J) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    let s = num_text(j)?;
    s.parse::<T>().map_err(|e| format!("{s:?}: {e}"))
}

fn as_str(j: &J) -> Result<&str, String> {
    j.as_str().ok_or_else(|| format!("want a string, got {j}"))
}

fn as_array(j: &J) -> Result<&Vec<J>, String> {
    j.as_array()
        .ok_or_else(|| format!("want an array, got {j}"))
}

fn as_object(j: &J) -> Result<&serde_json::Map<String, J>, String> {
    j.as_object()
        .ok_or_else(|| format!("want an object, got {j}"))
}

fn as_strings(j: &J) -> Result<Vec<String>, String> {
    as_array(j)?
        .iter()
        .map(|e| as_str(e).map(str::to_string))
        .collect()
}

/// `[]string` holding `items`.
pub fn string_list(items: &[String]) -> Value {
    Value::List(List::with_type(
        Type::slice_of(Type::String),
        items.iter().map(|s| Value::string(s.as_str())).collect(),
    ))
}

fn build_tagged(tag: &str, o: &serde_json::Map<String, J>) -> Result<Value, String> {
    let v = &o[tag];
    if tag != "$obj" && o.len() != 1 {
        return Err("unexpected extra keys".into());
    }
    let int = |k: IntKind| -> Result<Value, String> {
        let i = match k {
            IntKind::I8 => i64::from(parse_num::<i8>(v)?),
            IntKind::I16 => i64::from(parse_num::<i16>(v)?),
            IntKind::I32 => i64::from(parse_num::<i32>(v)?),
            IntKind::Int | IntKind::I64 => parse_num::<i64>(v)?,
        };
        Ok(Value::Int(i, k))
    };
    let uint = |k: UintKind| -> Result<Value, String> {
        let u = match k {
            UintKind::U8 => u64::from(parse_num::<u8>(v)?),
            UintKind::U16 => u64::from(parse_num::<u16>(v)?),
            UintKind::U32 => u64::from(parse_num::<u32>(v)?),
            UintKind::Uint | UintKind::U64 | UintKind::Uintptr => parse_num::<u64>(v)?,
        };
        Ok(Value::Uint(u, k))
    };
    Ok(match tag {
        "$int" => int(IntKind::Int)?,
        "$int8" => int(IntKind::I8)?,
        "$int16" => int(IntKind::I16)?,
        "$int32" => int(IntKind::I32)?,
        "$int64" => int(IntKind::I64)?,
        "$uint" => uint(UintKind::Uint)?,
        "$uint8" => uint(UintKind::U8)?,
        "$uint16" => uint(UintKind::U16)?,
        "$uint32" => uint(UintKind::U32)?,
        "$uint64" => uint(UintKind::U64)?,
        "$uintptr" => uint(UintKind::Uintptr)?,
        "$float32" => Value::Float(f64::from(parse_num::<f32>(v)?), FloatKind::F32),
        "$float64" => Value::Float(parse_num::<f64>(v)?, FloatKind::F64),
        "$complex" | "$complex64" => {
            let a = as_array(v)?;
            if a.len() != 2 {
                return Err("want [real, imaginary]".into());
            }
            if tag == "$complex64" {
                Value::Complex(
                    f64::from(parse_num::<f32>(&a[0])?),
                    f64::from(parse_num::<f32>(&a[1])?),
                    FloatKind::F32,
                )
            } else {
                Value::Complex(
                    parse_num::<f64>(&a[0])?,
                    parse_num::<f64>(&a[1])?,
                    FloatKind::F64,
                )
            }
        }
        "$bytes" => Value::Bytes(Arc::from(as_str(v)?.as_bytes())),
        "$hexbytes" => Value::Bytes(Arc::from(decode_hex(as_str(v)?)?)),
        "$strings" => string_list(&as_strings(v)?),
        "$ints" => Value::List(List::with_type(
            Type::slice_of(Type::Int(IntKind::Int)),
            as_array(v)?
                .iter()
                .map(|e| parse_num::<i64>(e).map(Value::int))
                .collect::<Result<_, _>>()?,
        )),
        "$floats" => Value::List(List::with_type(
            Type::slice_of(Type::Float(FloatKind::F64)),
            as_array(v)?
                .iter()
                .map(|e| parse_num::<f64>(e).map(Value::float64))
                .collect::<Result<_, _>>()?,
        )),
        "$smap" => {
            let m = Map::with_type(Type::map_of(Type::String, Type::String));
            for (k, e) in as_object(v)? {
                m.insert(k.as_str(), Value::string(as_str(e)?));
            }
            Value::Map(m)
        }
        "$imap" => {
            let m = Map::with_type(Type::map_of(Type::String, Type::Int(IntKind::Int)));
            for (k, e) in as_object(v)? {
                m.insert(k.as_str(), Value::int(parse_num::<i64>(e)?));
            }
            Value::Map(m)
        }
        "$nil" => match as_str(v)? {
            "any" | "error" => Value::nil(),
            "map" => Value::Nil(Type::map_of_any()),
            "slice" => Value::Nil(Type::slice_of_any()),
            "smap" => Value::Nil(Type::map_of(Type::String, Type::String)),
            "strings" => Value::Nil(Type::slice_of(Type::String)),
            "bytes" => Value::Nil(Type::slice_of(Type::Uint(UintKind::U8))),
            "*T" => Value::Nil(objects::ptr_t_type()),
            "func" => Value::Nil(Type::Func(Arc::new(kelm_gotmpl::Signature::new(
                vec![],
                Type::String,
            )))),
            k => return Err(format!("unknown nil kind {k:?}")),
        },
        "$func" => {
            let name = as_str(v)?;
            Value::Func(
                funcs::func_value(name).ok_or_else(|| format!("unknown function {name:?}"))?,
            )
        }
        "$obj" => {
            let t = build_t(o)?;
            match as_str(v)? {
                "T" => objects::t_value(t),
                "*T" => objects::t_ptr(t),
                k => return Err(format!("unknown object kind {k:?}")),
            }
        }
        "$name" => objects::name_value(as_str(v)?),
        "$num" => objects::num_value(parse_num::<i64>(v)?),
        "$error" => objects::error_value(as_str(v)?),
        "$values" => {
            as_object(v)?;
            match build(v)? {
                Value::Map(m) => objects::values_value(m),
                _ => return Err("want a plain object".into()),
            }
        }
        "$files" => {
            let mut files = Vec::new();
            for (k, e) in as_object(v)? {
                files.push((k.clone(), as_str(e)?.as_bytes().to_vec()));
            }
            objects::files_value(files)
        }
        "$caps" => {
            let mut caps = objects::CapsData::default();
            for (k, e) in as_object(v)? {
                match k.as_str() {
                    "Version" => caps.version = as_str(e)?.to_string(),
                    "normalized" => caps.normalized = as_str(e)?.to_string(),
                    "Major" => caps.major = as_str(e)?.to_string(),
                    "Minor" => caps.minor = as_str(e)?.to_string(),
                    "APIVersions" => caps.api_versions = as_strings(e)?,
                    _ => return Err(format!("{k}: unknown key")),
                }
            }
            objects::caps_value(caps)
        }
        _ => return Err("unknown tag".into()),
    })
}

fn decode_hex(s: &str) -> Result<Vec<u8>, String> {
    if !s.len().is_multiple_of(2) {
        return Err("odd length hex".into());
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect()
}

/// Builds the test struct from an object's non-tag keys.
fn build_t(o: &serde_json::Map<String, J>) -> Result<TData, String> {
    let mut t = TData::default();
    for (k, v) in o {
        let r: Result<(), String> = (|| {
            match k.as_str() {
                "$obj" => {}
                "S" => t.s = as_str(v)?.to_string(),
                "I" => t.i = parse_num::<i64>(v)?,
                "F" => t.f = parse_num::<f64>(v)?,
                "B" => t.b = v.as_bool().ok_or("want a bool")?,
                "L" => match build(v)? {
                    l @ Value::List(_) => t.l = l,
                    _ => return Err("want an array".into()),
                },
                "SL" => t.sl = string_list(&as_strings(v)?),
                "M" => match build(v)? {
                    m @ Value::Map(_) => t.m = m,
                    _ => return Err("want a plain object".into()),
                },
                "SM" => {
                    let m = Map::with_type(Type::map_of(Type::String, Type::String));
                    for (mk, e) in as_object(v)? {
                        m.insert(mk.as_str(), Value::string(as_str(e)?));
                    }
                    t.sm = Value::Map(m);
                }
                "P" => match build(v)? {
                    p @ Value::Object(_) if objects::is_t_ptr(&p) => t.p = p,
                    p @ Value::Nil(_) if objects::is_t_ptr(&p) => t.p = p,
                    _ => return Err(r#"want {"$obj": "*T", ...}"#.into()),
                },
                "Any" => t.any = build(v)?,
                "Fn" => match build(v)? {
                    Value::Func(f) if **f.signature() == objects::fn_field_signature() => {
                        t.func = Value::Func(f)
                    }
                    _ => return Err("want a func(string) string".into()),
                },
                "priv" => t.private = as_str(v)?.to_string(),
                _ => return Err("unknown field".into()),
            }
            Ok(())
        })();
        r.map_err(|e| format!("field {k}: {e}"))?;
    }
    Ok(t)
}
