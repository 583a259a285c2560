//! `.Files`: the chart's non-template files, as Helm's `engine.files` (a
//! `map[string][]byte` with methods; `pkg/engine/files.go`).
//!
//! Being a map, `.Files` also indexes (`index .Files "a.txt"` is the `[]byte`), ranges
//! in key order, prints as `map[a.txt:[104 105]]` and marshals to JSON/YAML with its
//! contents in base64, as Go's do. Its methods:
//!
//! - `Get NAME` (string, "" when missing) and `GetBytes NAME` (`[]byte`, empty when
//!   missing);
//! - `Glob PATTERN`: the files whose path matches PATTERN, as gobwas/glob v0.2.3 matches
//!   with `/` as separator (see [`glob`]); an invalid pattern matches every file;
//! - `Lines NAME`: the lines of a file (split at `\n`, one final `\n` dropped); a file
//!   that is there but empty fails as Go's index out of range does;
//! - `AsConfig` / `AsSecrets`: `toYaml` of `{base name: content}` (base64 for secrets).

use std::collections::BTreeMap;
use std::sync::Arc;

use kelm_gotmpl::{Call, FuncError, List, Map, Object, Signature, Type, UintKind, Value};

mod glob;

/// The chart's files, by path (`engine.files`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Files(pub(crate) Arc<BTreeMap<String, Arc<[u8]>>>);

impl Files {
    /// The files of a chart, later ones replacing earlier ones of the same name.
    pub(crate) fn new(files: &[(String, Arc<[u8]>)]) -> Files {
        let map = files
            .iter()
            .map(|(name, data)| (name.clone(), Arc::clone(data)))
            .collect();
        Files(Arc::new(map))
    }

    /// `.Files` as templates see it.
    pub(crate) fn to_value(&self) -> Value {
        Value::Object(Arc::new(self.clone()))
    }

    fn get_bytes(&self, name: &str) -> Arc<[u8]> {
        self.0
            .get(name)
            .cloned()
            .unwrap_or_else(|| Arc::from(&[][..]))
    }

    fn glob(&self, pattern: &str) -> Files {
        let g = glob::Glob::compile(pattern).unwrap_or_else(|_| glob::Glob::everything());
        let map = self
            .0
            .iter()
            .filter(|(name, _)| g.matches(name))
            .map(|(n, d)| (n.clone(), d.clone()))
            .collect();
        Files(Arc::new(map))
    }

    fn lines(&self, name: &str) -> Result<Value, FuncError> {
        let string_list =
            |items: Vec<Value>| Value::List(List::with_type(Type::slice_of(Type::String), items));
        let Some(data) = self.0.get(name) else {
            return Ok(string_list(Vec::new()));
        };
        if data.is_empty() {
            // Go indexes the last byte of the empty content and panics; text/template
            // turns the panic into the call's error.
            return Err(FuncError::new("runtime error: index out of range [-1]"));
        }
        let text = String::from_utf8_lossy(data);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        Ok(string_list(text.split('\n').map(Value::from).collect()))
    }

    /// `toYaml` of `{base name: content}`, each content through `encode`.
    fn as_yaml(&self, encode: impl Fn(&[u8]) -> String) -> String {
        let mut m = kelm_yaml::Map::new();
        for (name, data) in self.0.iter() {
            let base = name.rsplit('/').next().unwrap_or(name);
            m.insert(base.to_string(), kelm_yaml::Value::String(encode(data)));
        }
        let text = kelm_yaml::to_yaml(&kelm_yaml::Value::Map(m)).unwrap_or_default();
        text.strip_suffix('\n').unwrap_or(&text).to_string()
    }
}

fn string_arg(args: &[Value]) -> &str {
    match args.first() {
        Some(Value::String(s)) => s,
        _ => "",
    }
}

impl Object for Files {
    fn go_type(&self) -> Type {
        Type::named(
            "engine.files",
            Type::map_of(Type::String, Type::slice_of(Type::Uint(UintKind::U8))),
        )
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        let sig = match name {
            "Get" => Signature::new(vec![Type::String], Type::String),
            "GetBytes" => {
                Signature::new(vec![Type::String], Type::slice_of(Type::Uint(UintKind::U8)))
            }
            "Glob" => Signature::new(vec![Type::String], self.go_type()),
            "AsConfig" | "AsSecrets" => Signature::new(vec![], Type::String),
            "Lines" => Signature::new(vec![Type::String], Type::slice_of(Type::String)),
            _ => return None,
        };
        Some(Arc::new(sig))
    }

    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        match name {
            "Get" => Ok(Value::from(crate::lossy_string(
                &self.get_bytes(string_arg(args)),
            ))),
            "GetBytes" => Ok(Value::Bytes(self.get_bytes(string_arg(args)))),
            "Glob" => Ok(self.glob(string_arg(args)).to_value()),
            "AsConfig" => Ok(Value::from(self.as_yaml(crate::lossy_string))),
            "AsSecrets" => Ok(Value::from(self.as_yaml(base64))),
            "Lines" => self.lines(string_arg(args)),
            _ => Err(FuncError::new(format!("method {name} not implemented"))),
        }
    }

    fn underlying(&self) -> Option<Value> {
        let m = Map::with_type(Type::map_of(
            Type::String,
            Type::slice_of(Type::Uint(UintKind::U8)),
        ));
        for (name, data) in self.0.iter() {
            m.insert(name.as_str(), Value::Bytes(data.clone()));
        }
        Some(Value::Map(m))
    }
}

/// Standard base64 with padding (Go's `base64.StdEncoding`).
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
