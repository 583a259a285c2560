//! Expectation files (`NAME.expected.json`), written by the Go oracle only.

use std::path::Path;

use kelm_yaml::Value;
use serde_json::Value as J;

use super::case::fnv_hex;
use super::typed;

/// What Go did for one operation.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A decoder's value.
    Value(Value),
    /// `from_yaml_documents`' documents.
    Documents(Vec<Value>),
    /// A printer's text (or `yaml_roundtrip`'s).
    Output(String),
    /// The error text.
    Error(String),
}

/// One recorded result; `outcome` is `Err` when the recorded value cannot be built as
/// a kelm value (an API gap, reported as a failure).
#[derive(Debug, Clone)]
pub struct Expected {
    /// The operation.
    pub op: String,
    /// What Go did.
    pub outcome: Result<Outcome, String>,
}

/// What Go did with one case.
#[derive(Debug, Clone)]
pub struct ExpectedCase {
    /// The case's name.
    pub name: String,
    /// Hash of the case text the oracle ran.
    pub hash: String,
    /// One result per operation, in the case's order.
    pub results: Vec<Expected>,
}

/// One expectation file.
#[derive(Debug, Clone)]
pub struct ExpectFile {
    /// Hash of the oracle's sources when the file was recorded.
    pub oracle_hash: String,
    /// The cases, in file order.
    pub cases: Vec<ExpectedCase>,
}

fn text(obj: &serde_json::Map<String, J>, plain: &str) -> Result<Option<String>, String> {
    if let Some(v) = obj.get(plain) {
        return v
            .as_str()
            .map(|s| Some(s.to_string()))
            .ok_or_else(|| format!("{plain} is not a string"));
    }
    let hexed = format!("{plain}_hex");
    if let Some(v) = obj.get(&hexed) {
        let h = v
            .as_str()
            .ok_or_else(|| format!("{hexed} is not a string"))?;
        return Err(format!(
            "API gap: Go's {plain} is not UTF-8 (hex {h}), which a Rust String cannot hold"
        ));
    }
    Ok(None)
}

fn outcome(o: &serde_json::Map<String, J>) -> Result<Result<Outcome, String>, String> {
    let r = (|| -> Result<Outcome, String> {
        if let Some(e) = text(o, "error")? {
            return Ok(Outcome::Error(e));
        }
        if let Some(out) = text(o, "output")? {
            return Ok(Outcome::Output(out));
        }
        if let Some(v) = o.get("value") {
            return Ok(Outcome::Value(typed::build(v)?));
        }
        if let Some(d) = o.get("documents") {
            let docs = d.as_array().ok_or("documents is not a list")?;
            return Ok(Outcome::Documents(
                docs.iter().map(typed::build).collect::<Result<_, _>>()?,
            ));
        }
        Err("a result with no value, documents, output or error".into())
    })();
    Ok(r)
}

/// Reads an expectation file.
pub fn read(path: &Path) -> Result<ExpectFile, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let j = typed::parse_json(&raw)?;
    let field = |k: &str| {
        j.get(k)
            .and_then(J::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("missing {k}"))
    };
    let oracle_hash = field("oracle_hash")?;
    let mut cases = Vec::new();
    for c in j
        .get("cases")
        .and_then(J::as_array)
        .ok_or("missing cases")?
    {
        let get = |k: &str| {
            c.get(k)
                .and_then(J::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("case without {k}"))
        };
        let mut results = Vec::new();
        for r in c
            .get("results")
            .and_then(J::as_array)
            .ok_or("case without results")?
        {
            let o = r.as_object().ok_or("a result is not an object")?;
            let op = o
                .get("op")
                .and_then(J::as_str)
                .ok_or("result without op")?
                .to_string();
            results.push(Expected {
                op,
                outcome: outcome(o)?,
            });
        }
        cases.push(ExpectedCase {
            name: get("name")?,
            hash: get("hash")?,
            results,
        });
    }
    Ok(ExpectFile { oracle_hash, cases })
}

/// Hashes the oracle's sources as the oracle does: its `*.go` files and
/// `setup-gosrc` (which pins the library versions), by name.
pub fn oracle_hash(dir: &Path) -> Result<String, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go") || n == "setup-gosrc")
        .collect();
    names.sort();
    let mut contents = Vec::new();
    for n in &names {
        contents.push(std::fs::read(dir.join(n)).map_err(|e| format!("{n}: {e}"))?);
    }
    let mut parts: Vec<&[u8]> = Vec::new();
    for (n, c) in names.iter().zip(&contents) {
        parts.extend([n.as_bytes(), &[0u8][..], c.as_slice(), &[0u8][..]]);
    }
    Ok(fnv_hex(&parts))
}
