//! The data model: what Go's decoders produce into `interface{}` and what Go's encoders
//! accept, reduced to what YAML, JSON and TOML can carry.

use std::collections::BTreeMap;

use crate::GoTime;

/// A map with string keys. Go's maps are unordered and every printer here sorts keys
/// its own way (yaml.v2's natural order, JSON's byte order), so sorted storage is fine.
pub type Map = BTreeMap<String, Value>;

/// A value read from or written as YAML, JSON or TOML.
///
/// Numbers keep the Go type they had: decoders of Helm's formats produce `Float` (JSON
/// numbers become float64), while values built by Go code (`--set` integers, template
/// functions returning `int`) are `Int`/`Uint`; encoders print each as Go does, which
/// differs (`toYaml` prints the float64 1e21 as `1e+21` but the int64 as
/// `1000000000000000000000`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null` / `~` / Go's nil.
    #[default]
    Null,
    /// A boolean.
    Bool(bool),
    /// A signed integer (Go's `int`, `int64`, ...).
    Int(i64),
    /// An unsigned integer too large for `Int` (Go's `uint64`).
    Uint(u64),
    /// A float64.
    Float(f64),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Value>),
    /// A mapping.
    Map(Map),
    /// A Go `time.Time`: what BurntSushi's decoder makes of a TOML datetime (so
    /// `fromToml` gives one), and what template functions such as `now` return.
    ///
    /// Printers write it as Go does: `toJson` and `toYaml` as the RFC 3339 string of
    /// `MarshalJSON` (`"1979-05-27T07:32:00-08:00"`; a year outside 0 to 9999 or an
    /// offset of 24 hours or more is Go's error), `toYamlPretty` as a plain RFC 3339
    /// scalar, `toToml` as a TOML datetime. Boxed to keep `Value` small.
    Time(Box<GoTime>),
}

impl Drop for Value {
    /// Tears nested collections down iteratively: a YAML document may nest 10000 levels
    /// deep, and the default recursive drop would overflow the stack on such values.
    fn drop(&mut self) {
        let mut pending: Vec<Value> = match self {
            Value::Seq(items) if items.iter().any(Value::is_collection) => std::mem::take(items),
            Value::Map(map) if map.values().any(Value::is_collection) => {
                std::mem::take(map).into_values().collect()
            }
            _ => return,
        };
        while let Some(mut v) = pending.pop() {
            match &mut v {
                Value::Seq(items) => pending.append(items),
                Value::Map(map) => pending.extend(std::mem::take(map).into_values()),
                _ => {}
            }
        }
    }
}

impl Value {
    /// The string, if this is one. (`Value` tears itself down without recursion, so it
    /// cannot be destructured by value; these take the contents out instead.)
    pub fn into_string(mut self) -> Option<String> {
        match &mut self {
            Value::String(s) => Some(std::mem::take(s)),
            _ => None,
        }
    }

    /// The sequence, if this is one.
    pub fn into_seq(mut self) -> Option<Vec<Value>> {
        match &mut self {
            Value::Seq(items) => Some(std::mem::take(items)),
            _ => None,
        }
    }

    /// The mapping, if this is one.
    pub fn into_map(mut self) -> Option<Map> {
        match &mut self {
            Value::Map(map) => Some(std::mem::take(map)),
            _ => None,
        }
    }

    fn is_collection(&self) -> bool {
        matches!(self, Value::Seq(_) | Value::Map(_))
    }
}
