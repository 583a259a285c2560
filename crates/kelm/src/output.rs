//! Machine-readable output (`-o json|yaml`) printed the way Helm's `pkg/cli/output`
//! prints it: JSON as Go's `json.NewEncoder(w).Encode(v)` (compact, HTML-escaped, one
//! trailing newline), YAML as `sigs.k8s.io/yaml.Marshal` (kelm-yaml's printer).
//!
//! Go marshals a struct's fields in declaration order but a map's keys sorted; kelm-yaml's
//! values are maps, so structs go through serde (which keeps field order) with Go's
//! string escaping.

use std::io::{self, Write};

use serde::Serialize;

/// An `-o/--output` format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `json`
    Json,
    /// `yaml`
    Yaml,
}

impl Format {
    /// Parses a format name; the error is Helm's text for an unknown one.
    pub fn parse(name: &str) -> Result<Format, &'static str> {
        match name {
            "json" => Ok(Format::Json),
            "yaml" => Ok(Format::Yaml),
            _ => Err("invalid format type"),
        }
    }
}

/// Writes `value` as Go's `json.Encoder.Encode` does.
pub fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut buf = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut buf,
        GoJsonFormatter,
    ))?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// serde_json's compact output plus the escapes Go adds by default: `<`, `>` and `&`
/// (HTML safety) and U+2028/U+2029 (JavaScript line terminators). serde_json already
/// escapes control characters exactly as Go does (`\b \f \n \r \t`, else `\u00xx`).
struct GoJsonFormatter;

impl serde_json::ser::Formatter for GoJsonFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let escape = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[start..i])?;
            w.write_all(escape.as_bytes())?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// Writes `value` as `sigs.k8s.io/yaml.Marshal` does (through its JSON form, as Go).
pub fn write_yaml(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_value(value)?;
    let text = kelm_yaml::to_yaml(&from_json(&json)).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())
}

/// The data model's view of a JSON value (numbers as float64, as Go decodes them).
fn from_json(j: &serde_json::Value) -> kelm_yaml::Value {
    use kelm_yaml::Value;
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Seq(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            Value::Map(o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct T {
        b: &'static str,
        a: &'static str,
    }

    /// Expectations printed by Go's `json.Encoder` and `sigs.k8s.io/yaml` 1.6.0 (the YAML
    /// one by `tools/yaml-oracle`) for a struct with these fields.
    #[test]
    fn prints_as_helm_does() {
        let v = T {
            b: "<x & y>\u{2028}",
            a: "true",
        };
        let mut json = Vec::new();
        write_json(&mut json, &v).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            "{\"b\":\"\\u003cx \\u0026 y\\u003e\\u2028\",\"a\":\"true\"}\n"
        );
        let mut yaml = Vec::new();
        write_yaml(&mut yaml, &v).unwrap();
        // Go: `b: '<x & y>` then a raw U+2028, then `'`.
        assert_eq!(
            String::from_utf8(yaml).unwrap(),
            "a: \"true\"\nb: '<x & y>\u{2028}'\n"
        );
    }
}
