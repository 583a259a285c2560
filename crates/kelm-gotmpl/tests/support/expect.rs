//! Expectation files (`NAME.expected.json`), written by the Go oracle only.

use std::path::Path;

use serde_json::Value as J;

use super::case::fnv_hex;

/// What Go did with one case.
#[derive(Debug, Clone)]
pub struct Expected {
    /// The case's name.
    pub name: String,
    /// Hash of the case text the oracle ran.
    pub hash: String,
    /// Output written before success or failure (lossily decoded when Go wrote bytes
    /// that are not UTF-8).
    pub output: String,
    /// Whether `output` had to be decoded lossily.
    pub output_lossy: bool,
    /// `Some(("parse" | "exec", message))` when Go failed.
    pub error: Option<(String, String)>,
}

/// One expectation file.
#[derive(Debug, Clone)]
pub struct ExpectFile {
    /// Hash of the oracle's sources when the file was recorded.
    pub oracle_hash: String,
    /// The cases, in file order.
    pub cases: Vec<Expected>,
}

fn text(
    obj: &serde_json::Map<String, J>,
    plain: &str,
    hexed: &str,
) -> Result<Option<(String, bool)>, String> {
    if let Some(v) = obj.get(plain) {
        return v
            .as_str()
            .map(|s| Some((s.to_string(), false)))
            .ok_or_else(|| format!("{plain} is not a string"));
    }
    if let Some(v) = obj.get(hexed) {
        let h = v
            .as_str()
            .ok_or_else(|| format!("{hexed} is not a string"))?;
        let bytes = (0..h.len())
            .step_by(2)
            .map(|i| {
                h.get(i..i + 2)
                    .and_then(|d| u8::from_str_radix(d, 16).ok())
                    .ok_or_else(|| format!("{hexed} is not hex"))
            })
            .collect::<Result<Vec<u8>, String>>()?;
        return Ok(Some((String::from_utf8_lossy(&bytes).into_owned(), true)));
    }
    Ok(None)
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
    let oracle_hash = field("oracle_hash")?;
    let mut cases = Vec::new();
    for c in j
        .get("cases")
        .and_then(J::as_array)
        .ok_or("missing cases")?
    {
        let o = c.as_object().ok_or("a case is not an object")?;
        let get = |k: &str| {
            o.get(k)
                .and_then(J::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("case without {k}"))
        };
        let (output, output_lossy) =
            text(o, "output", "output_hex")?.ok_or("case without output")?;
        let error = match text(o, "error", "error_hex")? {
            Some((msg, _)) => Some((get("phase")?, msg)),
            None => None,
        };
        cases.push(Expected {
            name: get("name")?,
            hash: get("hash")?,
            output,
            output_lossy,
            error,
        });
    }
    Ok(ExpectFile { oracle_hash, cases })
}

/// Hashes the oracle's sources as the oracle does (`*.go` and `go.mod`, by name).
pub fn oracle_hash(dir: &Path) -> Result<String, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go") || n == "go.mod")
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
