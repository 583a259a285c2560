//! Expectation files (`FAMILY.expected.json`), written by the recorder only.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value as J, json};

/// What Helm did with one case.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// The case's name.
    pub name: String,
    /// Hash of the case text Helm ran.
    pub hash: String,
    /// Key of the case's data in [`ExpectFile::data`].
    pub data: String,
    /// `helm template`'s exit code (0, or 1 on error).
    pub exit_code: i32,
    /// On success: what the case's template rendered to (`<no value>` already removed by
    /// Helm).
    pub output: Option<String>,
    /// On failure: Helm's message, i.e. stderr without the `Error: ` before it and the
    /// `\n\nUse --debug flag to render out invalid YAML\n` after it.
    pub error: Option<String>,
    /// On failure: Helm's whole stderr.
    pub stderr: Option<String>,
    /// Unix time of the recording, for properties relative to the current time.
    pub recorded_at: Option<i64>,
}

/// One expectation file.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectFile {
    /// `helm version` of the recording Helm.
    pub helm_version: String,
    /// Hash of the recorder's source when the file was recorded.
    pub recorder_hash: String,
    /// The data (typed dump of `.`) per data key.
    pub data: BTreeMap<String, J>,
    /// The cases, in file order.
    pub cases: Vec<Expected>,
}

/// Reads an expectation file.
pub fn read(path: &Path) -> Result<ExpectFile, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let j: J = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
    let field = |k: &str| {
        j.get(k)
            .and_then(J::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("missing {k}"))
    };
    let mut data = BTreeMap::new();
    for (k, v) in j.get("data").and_then(J::as_object).ok_or("missing data")? {
        data.insert(k.clone(), v.clone());
    }
    let mut cases = Vec::new();
    for c in j
        .get("cases")
        .and_then(J::as_array)
        .ok_or("missing cases")?
    {
        let o = c.as_object().ok_or("a case is not an object")?;
        let s = |k: &str| o.get(k).and_then(J::as_str).map(str::to_string);
        let need = |k: &str| s(k).ok_or_else(|| format!("case without {k}"));
        cases.push(Expected {
            name: need("name")?,
            hash: need("hash")?,
            data: need("data")?,
            exit_code: o
                .get("exit_code")
                .and_then(J::as_i64)
                .ok_or("case without exit_code")? as i32,
            output: s("output"),
            error: s("error"),
            stderr: s("stderr"),
            recorded_at: o.get("recorded_at").and_then(J::as_i64),
        });
    }
    Ok(ExpectFile {
        helm_version: field("helm_version")?,
        recorder_hash: field("recorder_hash")?,
        data,
        cases,
    })
}

/// The text of an expectation file.
pub fn render(source: &str, f: &ExpectFile) -> String {
    let cases: Vec<J> = f
        .cases
        .iter()
        .map(|c| {
            let mut o = serde_json::Map::new();
            o.insert("name".into(), json!(c.name));
            o.insert("hash".into(), json!(c.hash));
            o.insert("data".into(), json!(c.data));
            o.insert("exit_code".into(), json!(c.exit_code));
            if let Some(x) = &c.output {
                o.insert("output".into(), json!(x));
            }
            if let Some(x) = &c.error {
                o.insert("error".into(), json!(x));
            }
            if let Some(x) = &c.stderr {
                o.insert("stderr".into(), json!(x));
            }
            if let Some(x) = c.recorded_at {
                o.insert("recorded_at".into(), json!(x));
            }
            J::Object(o)
        })
        .collect();
    // Pretty, except that each data set is one line (they are large and rarely read).
    let mut s = String::from("{\n");
    let field = |s: &mut String, k: &str, v: &J| {
        let _ = writeln!(s, "  {}: {},", json!(k), v);
    };
    field(
        &mut s,
        "comment",
        &json!(
            "Written by tools/sprig-oracle/record from the case file of the same name: what Helm did. Do not edit."
        ),
    );
    field(&mut s, "source", &json!(source));
    field(&mut s, "helm_version", &json!(f.helm_version));
    field(&mut s, "recorder_hash", &json!(f.recorder_hash));
    s.push_str("  \"data\": {");
    for (i, (k, v)) in f.data.iter().enumerate() {
        let _ = write!(
            s,
            "{}\n    {}: {}",
            if i > 0 { "," } else { "" },
            json!(k),
            v
        );
    }
    s.push_str(if f.data.is_empty() {
        "},\n"
    } else {
        "\n  },\n"
    });
    s.push_str("  \"cases\": [");
    for (i, c) in cases.iter().enumerate() {
        let pretty = serde_json::to_string_pretty(c).unwrap_or_default();
        let indented = pretty.replace('\n', "\n    ");
        let _ = write!(s, "{}\n    {indented}", if i > 0 { "," } else { "" });
    }
    s.push_str(if cases.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    s
}
