//! What Helm reads of each document: `apiVersion`, `kind`, `metadata.name` and
//! `metadata.annotations` (its `SimpleHead`), decoded as `sigs.k8s.io/yaml.Unmarshal`
//! into that Go struct does.
//!
//! `sigs.k8s.io/yaml` first turns the YAML into JSON, looking at the Go type each value
//! goes into: a number or boolean bound for a `string` (the four fields, annotation
//! values) becomes its text, so `helm.sh/hook-weight: 5` reads as `"5"`. Everything
//! else goes through `json.Marshal` unchanged (a non-finite float anywhere else fails).
//! Then `encoding/json` decodes the JSON: keys in sorted order, field names matched
//! exactly or else case-insensitively (the later of two matching keys wins), values of
//! the wrong JSON type recorded as the first error while decoding goes on.

use std::collections::BTreeMap;

use kelm_gotmpl::strconv::format_float;
use kelm_yaml::Value;

/// The head of a Kubernetes object as Helm reads it (`SimpleHead`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// `apiVersion` ("" when absent).
    pub api_version: String,
    /// `kind` ("" when absent).
    pub kind: String,
    /// `metadata`, when present and not `null`.
    pub metadata: Option<Metadata>,
}

/// The part of `metadata` Helm reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// `metadata.name` ("" when absent).
    pub name: String,
    /// `metadata.annotations`, when present and not `null`.
    pub annotations: Option<BTreeMap<String, String>>,
}

impl Head {
    /// The annotations (none when there is no metadata or no annotations map).
    pub fn annotations(&self) -> Option<&BTreeMap<String, String>> {
        self.metadata.as_ref()?.annotations.as_ref()
    }

    /// `metadata.name`, or "".
    pub fn name(&self) -> &str {
        self.metadata.as_ref().map_or("", |m| m.name.as_str())
    }
}

/// Reads the head of one document; the error is the text Go's `yaml.Unmarshal`
/// returns (without Helm's `YAML parse error on FILE: ` prefix).
pub fn parse_head(doc: &str) -> Result<Head, String> {
    let value = kelm_yaml::from_yaml_typed(doc).map_err(|e| e.message().to_string())?;
    if let Some(f) = first_nonfinite(&value, Target::Head) {
        let s = if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "+Inf"
        } else {
            "-Inf"
        };
        return Err(format!(
            "error converting YAML to JSON: json: unsupported value: {s}"
        ));
    }
    let mut d = Decoder { first_error: None };
    let head = d.head(&value);
    match d.first_error {
        Some(e) => Err(format!("error unmarshaling JSON: while decoding JSON: {e}")),
        None => Ok(head),
    }
}

/// The Go type a YAML value is decoded into, as far as it matters here.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    /// `SimpleHead`.
    Head,
    /// The anonymous metadata struct.
    Metadata,
    /// `map[string]string`.
    Annotations,
    /// `string`.
    Str,
    /// Ignored by the struct (`interface{}` for JSON's purposes).
    Any,
}

/// The struct field `key` goes into, matched as `encoding/json` matches names:
/// exactly, or else under Unicode simple case folding (for these ASCII names that is
/// ASCII case plus the Kelvin sign for `k` and the long s for `s`).
fn field<'f>(fields: &[&'f str], key: &str) -> Option<&'f str> {
    if let Some(f) = fields.iter().find(|f| **f == key) {
        return Some(f);
    }
    fields.iter().copied().find(|f| {
        let mut k = key.chars();
        f.chars().all(|fc| {
            k.next().is_some_and(|kc| {
                let kc = match kc {
                    '\u{212A}' => 'k',
                    '\u{017F}' => 's',
                    c => c.to_ascii_lowercase(),
                };
                kc == fc.to_ascii_lowercase()
            })
        }) && k.next().is_none()
    })
}

const HEAD_FIELDS: &[&str] = &["apiVersion", "kind", "metadata"];
const METADATA_FIELDS: &[&str] = &["name", "annotations"];

/// The target of the value under `key` in a map decoded into `target`.
fn child_target(target: Target, key: &str) -> Target {
    match target {
        Target::Head => match field(HEAD_FIELDS, key) {
            Some("metadata") => Target::Metadata,
            Some(_) => Target::Str,
            None => Target::Any,
        },
        Target::Metadata => match field(METADATA_FIELDS, key) {
            Some("annotations") => Target::Annotations,
            Some(_) => Target::Str,
            None => Target::Any,
        },
        Target::Annotations => Target::Str,
        Target::Str | Target::Any => Target::Any,
    }
}

/// The first non-finite float `json.Marshal` meets, skipping those bound for strings
/// (which became text before it).
fn first_nonfinite(v: &Value, target: Target) -> Option<f64> {
    match v {
        Value::Float(f) if !f.is_finite() && target != Target::Str => Some(*f),
        Value::Seq(items) => items.iter().find_map(|i| first_nonfinite(i, Target::Any)),
        Value::Map(m) => m
            .iter()
            .find_map(|(k, v)| first_nonfinite(v, child_target(target, k))),
        _ => None,
    }
}

/// The JSON type `encoding/json` names in its type errors.
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

/// Go's name for the anonymous metadata struct type, as type errors print it.
const METADATA_TYPE: &str = r#"struct { Name string "json:\"name\""; Annotations map[string]string "json:\"annotations\"" }"#;

struct Decoder {
    first_error: Option<String>,
}

impl Decoder {
    fn type_error(&mut self, v: &Value, field: &str, ty: &str) {
        if self.first_error.is_none() {
            self.first_error = Some(format!(
                "json: cannot unmarshal {} into Go struct field {field} of type {ty}",
                json_kind(v)
            ));
        }
    }

    fn head(&mut self, v: &Value) -> Head {
        let mut head = Head::default();
        let m = match v {
            Value::Null => return head,
            Value::Map(m) => m,
            other => {
                self.first_error = Some(format!(
                    "json: cannot unmarshal {} into Go value of type util.SimpleHead",
                    json_kind(other)
                ));
                return head;
            }
        };
        for (k, v) in m {
            match field(HEAD_FIELDS, k) {
                Some("apiVersion") => {
                    self.string(v, "SimpleHead.apiVersion", &mut head.api_version)
                }
                Some("kind") => self.string(v, "SimpleHead.kind", &mut head.kind),
                Some(_) => match v {
                    Value::Null => head.metadata = None,
                    Value::Map(m) => self.metadata(m, head.metadata.get_or_insert_default()),
                    other => self.type_error(other, "SimpleHead.metadata", METADATA_TYPE),
                },
                None => {}
            }
        }
        head
    }

    fn metadata(&mut self, m: &kelm_yaml::Map, meta: &mut Metadata) {
        for (k, v) in m {
            match field(METADATA_FIELDS, k) {
                Some("name") => self.string(v, ".metadata.name", &mut meta.name),
                Some(_) => match v {
                    Value::Null => meta.annotations = None,
                    Value::Map(m) => {
                        let annotations = meta.annotations.get_or_insert_default();
                        for (k, v) in m {
                            let mut s = String::new();
                            // Go's error names the map, not the key.
                            self.string(v, ".metadata.annotations", &mut s);
                            annotations.insert(k.clone(), s);
                        }
                    }
                    other => self.type_error(other, ".metadata.annotations", "map[string]string"),
                },
                None => {}
            }
        }
    }

    /// A value bound for a Go `string`: numbers and booleans were turned into text
    /// by `sigs.k8s.io/yaml`, `null` leaves the string as it was.
    fn string(&mut self, v: &Value, field: &str, out: &mut String) {
        match v {
            Value::Null => {}
            Value::String(s) => *out = s.clone(),
            Value::Bool(b) => *out = b.to_string(),
            Value::Int(i) => *out = i.to_string(),
            Value::Uint(u) => *out = u.to_string(),
            Value::Float(f) => *out = format_float(*f, 'g', -1, 32),
            other => self.type_error(other, field, "string"),
        }
    }
}
