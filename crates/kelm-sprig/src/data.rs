//! The bridge between template values and data: what Go's encoders make of a
//! [`Value`], and the template values Go's decoders produce.
//!
//! Templates hold Go values ([`Value`]: typed numbers, `[]byte`, structs, `time.Time`,
//! named types); `kelm-yaml` reads and prints plain data ([`Data`]). Go's encoders each
//! see a Go value their own way, so there is one conversion per encoder:
//!
//! | Go | here | used by |
//! |---|---|---|
//! | `encoding/json` (`json.Marshal`) | [`to_json_data`], [`marshal_json`] | `toJson` and friends; `toYaml` (sigs.k8s.io/yaml marshals to JSON first) |
//! | yaml.v3's encoder | [`to_yaml_v3_data`] | `toYamlPretty` |
//! | BurntSushi's TOML encoder | [`to_toml_data`] | `toToml` |
//! | any decoder into `interface{}` | [`from_data`] | `fromJson`, `fromYaml`, `fromToml`... |
//!
//! The JSON view follows `encoding/json`: map keys sorted, `[]byte` as standard base64,
//! numbers as their Go types print (float64 and float32 differently), nil maps, slices
//! and pointers as `null`, structs as their exported fields, `time.Time` and
//! Masterminds' `semver.Version` through their `MarshalJSON` methods, named types as
//! their underlying type. Its errors are Go's: `json: unsupported value: NaN` (also
//! `+Inf`, `-Inf`, and `encountered a cycle via map[string]interface {}` for a map
//! that contains itself), `json: unsupported type: func() string` (also `complex128`),
//! `json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside
//! of range [0,9999]`. The first error in output order wins, as in Go.
//!
//! yaml.v3 and BurntSushi see the Go value itself: `[]byte` is a sequence of numbers,
//! `time.Time` a timestamp, `time.Duration` and `semver.Version` the strings their
//! methods give, struct fields are named as in Go (lowercased by yaml.v3), and NaN is
//! a number like any other.
//!
//! Struct fields come in the order [`Object::fields`](kelm_gotmpl::Object::fields)
//! gives them; [`Data`] maps are sorted, so `toJson` prints a struct's fields sorted
//! where Go prints them in declaration order (the same order for Sprig's own structs).
//! JSON field tags and `MarshalJSON` methods of host objects are not known here: host
//! objects marshal as their exported fields, by their Go names.

use kelm_gotmpl::{FloatKind, Kind, List, Map, Type, UintKind, Value};
use kelm_yaml::{Error, JsonStyle};

use crate::{date, semver};

/// Data as `kelm-yaml` reads and prints it.
pub type Data = kelm_yaml::Value;

/// Go's `startDetectingCyclesAfter`: `encoding/json` looks for cycles only below this
/// many nested maps and slices.
const START_DETECTING_CYCLES_AFTER: usize = 1000;

/// How deep the yaml.v3 and TOML views follow nested values. Go has no limit and a
/// value that contains itself exhausts its stack (a crash); kelm stops with an error.
const MAX_RAW_DEPTH: usize = 100_000;

const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

fn err(message: impl Into<String>) -> Error {
    Error::new(message, None)
}

/// Go's `json.Marshal(v)`, as data: what the JSON text holds (see the module
/// documentation), or Go's error.
pub fn to_json_data(v: &Value) -> Result<Data, Error> {
    let mut walk = JsonWalk {
        level: 0,
        seen: Vec::new(),
    };
    walk.value(v).map_err(err)
}

/// Go's JSON text for `v`: `json.Marshal` (or `MarshalIndent`, or an encoder without
/// HTML escaping, as `style` says; see [`kelm_yaml::to_json`]), with no trailing newline.
pub fn marshal_json(v: &Value, style: JsonStyle) -> Result<String, Error> {
    kelm_yaml::to_json(&to_json_data(v)?, style)
}

/// The data yaml.v3's encoder sees in `v` (Helm's `toYamlPretty`). Fails for values
/// yaml.v3 cannot encode (functions, complex numbers), which it reports by panicking.
pub fn to_yaml_v3_data(v: &Value) -> Result<Data, Error> {
    raw(v, Flavor::YamlV3, 0).map_err(err)
}

/// The data BurntSushi's TOML encoder sees in `v` (Helm's `toToml`). A nil map at the
/// top is an empty document; nested nils are [`Data::Null`], which the encoder skips.
/// Fails for values it cannot encode (functions, complex numbers).
pub fn to_toml_data(v: &Value) -> Result<Data, Error> {
    match v {
        Value::Nil(t) if t.kind() == Kind::Map => Ok(Data::Map(kelm_yaml::Map::new())),
        _ => raw(v, Flavor::Toml, 0).map_err(err),
    }
}

/// The template value a Go decoder into `interface{}` produces for `d`: a
/// `map[string]interface {}`, `[]interface {}`, `float64`, `int64` (TOML integers),
/// `uint64`, `string`, `bool`, nil, or a `time.Time` (TOML datetimes, with the
/// methods of Sprig's date functions).
pub fn from_data(d: &Data) -> Value {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || match d {
        Data::Null => Value::nil(),
        Data::Bool(b) => Value::Bool(*b),
        Data::Int(i) => Value::int64(*i),
        Data::Uint(u) => Value::Uint(*u, UintKind::U64),
        Data::Float(f) => Value::float64(*f),
        Data::String(s) => Value::from(s.as_str()),
        Data::Seq(items) => Value::List(List::new(items.iter().map(from_data).collect())),
        Data::Map(entries) => {
            let m = Map::new();
            for (k, x) in entries {
                m.insert(k.as_str(), from_data(x));
            }
            Value::Map(m)
        }
        Data::Time(t) => date::time_value(date::from_go_time(t)),
    })
}

/// A float as data: a float32 becomes the float64 nearest its shortest decimal form,
/// which every printer here prints with the digits Go prints the float32 with.
fn float_data(f: f64, kind: FloatKind) -> f64 {
    match kind {
        FloatKind::F64 => f,
        FloatKind::F32 => {
            let f = f as f32;
            if f.is_finite() {
                format!("{f:e}").parse().unwrap_or(f64::from(f))
            } else {
                f64::from(f)
            }
        }
    }
}

fn int_data(u: u64) -> Data {
    match i64::try_from(u) {
        Ok(i) => Data::Int(i),
        Err(_) => Data::Uint(u),
    }
}

/// The bytes of a `[]uint8` held as a list (Go encodes any byte slice as base64).
fn list_bytes(l: &List) -> Option<Vec<u8>> {
    if l.go_type().elem() != Some(&Type::Uint(UintKind::U8)) {
        return None;
    }
    Some(
        l.items()
            .iter()
            .map(|x| match x {
                Value::Uint(u, _) => *u as u8,
                _ => 0,
            })
            .collect(),
    )
}

/// Whether a struct field is exported (Go: its name starts with an upper-case letter).
fn exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// The `String()` of a `time.Duration`, which yaml.v3 and BurntSushi print.
fn duration_text(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if o.go_type().to_string() == "time.Duration" => o.display(),
        _ => None,
    }
}

/// `encoding/json`'s walk: the nesting level and the maps on the path below
/// [`START_DETECTING_CYCLES_AFTER`] (Go's `ptrLevel` and `ptrSeen`).
struct JsonWalk {
    level: usize,
    seen: Vec<usize>,
}

impl JsonWalk {
    fn value(&mut self, v: &Value) -> Result<Data, String> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.value_inner(v))
    }

    fn value_inner(&mut self, v: &Value) -> Result<Data, String> {
        Ok(match v {
            Value::Invalid => Data::Null,
            Value::Nil(t) if t.kind() == Kind::Func => return Err(unsupported_type(t)),
            Value::Nil(_) => Data::Null,
            Value::Bool(b) => Data::Bool(*b),
            Value::Int(i, _) => Data::Int(*i),
            Value::Uint(u, _) => int_data(*u),
            Value::Float(f, k) => {
                if !f.is_finite() {
                    let bits = if *k == FloatKind::F32 { 32 } else { 64 };
                    return Err(format!(
                        "json: unsupported value: {}",
                        kelm_gotmpl::strconv::format_float(*f, 'g', -1, bits)
                    ));
                }
                Data::Float(float_data(*f, *k))
            }
            Value::Complex(..) | Value::Func(_) => {
                return Err(unsupported_type(&v.go_type().unwrap_or(Type::Any)));
            }
            Value::String(s) => Data::String(s.to_string()),
            Value::Bytes(b) => Data::String(crate::encoding::b64_encode(b)),
            Value::List(l) => match list_bytes(l) {
                Some(b) => Data::String(crate::encoding::b64_encode(&b)),
                None => {
                    self.enter(None, l.go_type())?;
                    let items: Result<Vec<Data>, String> =
                        l.items().iter().map(|x| self.value(x)).collect();
                    self.leave(None);
                    Data::Seq(items?)
                }
            },
            Value::Map(m) => {
                let addr = m.addr();
                self.enter(Some(addr), m.go_type())?;
                let mut out = kelm_yaml::Map::new();
                let mut result = Ok(());
                for (k, x) in m.entries() {
                    match self.value(&x) {
                        Ok(d) => {
                            out.insert(k.to_string(), d);
                        }
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.leave(Some(addr));
                result?;
                Data::Map(out)
            }
            Value::Object(o) => {
                if let Some(t) = date::as_time(v) {
                    let g = date::to_go_time(t);
                    g.marshal_json().map_err(|e| {
                        format!("json: error calling MarshalJSON for type time.Time: {e}")
                    })?;
                    return Ok(Data::Time(Box::new(g)));
                }
                if let Some(s) = semver::version_text(v) {
                    return Ok(Data::String(s));
                }
                if let Some(j) = o.json_value() {
                    return self.value(&j);
                }
                if let Some(u) = o.underlying() {
                    return self.value(&u);
                }
                let mut out = kelm_yaml::Map::new();
                for (name, x) in o.fields() {
                    if exported(&name) {
                        out.insert(name, self.value(&x)?);
                    }
                }
                Data::Map(out)
            }
        })
    }

    /// One more nested map or slice; below Go's threshold, a map already on the path
    /// is a cycle.
    fn enter(&mut self, addr: Option<usize>, ty: &Type) -> Result<(), String> {
        self.level += 1;
        if self.level > START_DETECTING_CYCLES_AFTER
            && let Some(a) = addr
        {
            if self.seen.contains(&a) {
                self.level -= 1;
                return Err(format!(
                    "json: unsupported value: encountered a cycle via {ty}"
                ));
            }
            self.seen.push(a);
        }
        Ok(())
    }

    fn leave(&mut self, addr: Option<usize>) {
        if self.level > START_DETECTING_CYCLES_AFTER && addr.is_some() {
            self.seen.pop();
        }
        self.level -= 1;
    }
}

fn unsupported_type(t: &Type) -> String {
    format!("json: unsupported type: {t}")
}

/// Which reflection-based encoder looks at a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    /// yaml.v3: nil maps and slices print as empty ones; struct fields lowercased.
    YamlV3,
    /// BurntSushi's TOML: nils are skipped; struct fields as named.
    Toml,
}

fn raw(v: &Value, flavor: Flavor, depth: usize) -> Result<Data, String> {
    if depth > MAX_RAW_DEPTH {
        return Err(format!(
            "value nested deeper than {MAX_RAW_DEPTH} levels (does a map contain itself?)"
        ));
    }
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
        raw_inner(v, flavor, depth)
    })
}

fn raw_inner(v: &Value, flavor: Flavor, depth: usize) -> Result<Data, String> {
    let next = |x: &Value| raw(x, flavor, depth + 1);
    Ok(match v {
        Value::Invalid => Data::Null,
        Value::Nil(t) => match (flavor, t.kind()) {
            (Flavor::YamlV3, Kind::Map) => Data::Map(kelm_yaml::Map::new()),
            (Flavor::YamlV3, Kind::Slice) => Data::Seq(Vec::new()),
            _ => Data::Null,
        },
        Value::Bool(b) => Data::Bool(*b),
        Value::Int(i, _) => Data::Int(*i),
        Value::Uint(u, _) => int_data(*u),
        Value::Float(f, k) => Data::Float(float_data(*f, *k)),
        Value::Complex(..) | Value::Func(_) => {
            let t = v.go_type().unwrap_or(Type::Any);
            return Err(match flavor {
                Flavor::YamlV3 => format!("cannot marshal type: {t}"),
                Flavor::Toml => format!("toml: cannot encode a value of type {t}"),
            });
        }
        Value::String(s) => Data::String(s.to_string()),
        Value::Bytes(b) => Data::Seq(b.iter().map(|x| Data::Int(i64::from(*x))).collect()),
        Value::List(l) => Data::Seq(l.items().iter().map(next).collect::<Result<_, _>>()?),
        Value::Map(m) => {
            let mut out = kelm_yaml::Map::new();
            for (k, x) in m.entries() {
                out.insert(k.to_string(), next(&x)?);
            }
            Data::Map(out)
        }
        Value::Object(o) => {
            if let Some(t) = date::as_time(v) {
                return Ok(Data::Time(Box::new(date::to_go_time(t))));
            }
            if let Some(s) = semver::version_text(v).or_else(|| duration_text(v)) {
                return Ok(Data::String(s));
            }
            if let Some(u) = o.underlying() {
                return next(&u);
            }
            let mut out = kelm_yaml::Map::new();
            for (name, x) in o.fields() {
                if exported(&name) {
                    let key = match flavor {
                        Flavor::YamlV3 => name.to_lowercase(),
                        Flavor::Toml => name,
                    };
                    out.insert(key, next(&x)?);
                }
            }
            Data::Map(out)
        }
    })
}

/// A template value holding `d` where Go would hold a `map[string]interface{}`: the
/// map itself, or a nil map for anything else (a decoder leaves such a target nil).
pub fn map_from_data(d: &Data) -> Value {
    match d {
        Data::Map(_) => from_data(d),
        _ => Value::Nil(Type::map_of_any()),
    }
}

/// A template value holding `d` where Go would hold a `[]interface{}`: the slice
/// itself, or a nil slice for anything else.
pub fn list_from_data(d: &Data) -> Value {
    match d {
        Data::Seq(_) => from_data(d),
        _ => Value::Nil(Type::slice_of_any()),
    }
}

#[cfg(test)]
mod tests;
