//! The case file format (kept in step with `tools/yaml-oracle/casefile.go`); see
//! `tests/cases/README.md`.

use std::collections::HashSet;
use std::path::Path;

/// What an operation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Text to parse.
    Text,
    /// A typed JSON value to print.
    Value,
}

/// The operations, one per function of kelm-yaml's API, and what each reads.
pub const OPS: &[(&str, InputKind)] = &[
    ("from_yaml", InputKind::Text),
    ("from_yaml_documents", InputKind::Text),
    ("yaml_roundtrip", InputKind::Text),
    ("from_json", InputKind::Text),
    ("from_toml", InputKind::Text),
    ("to_yaml", InputKind::Value),
    ("to_yaml_pretty", InputKind::Value),
    ("to_json", InputKind::Value),
    ("to_json_pretty", InputKind::Value),
    ("to_json_raw", InputKind::Value),
    ("to_toml", InputKind::Value),
];

/// One test case.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case's name (unique within its file).
    pub name: String,
    /// 1-based line of the `===` header.
    pub line: usize,
    /// FNV-1a 64 hash of the case's text (and of its input file), as the oracle
    /// computes it.
    pub hash: String,
    /// The operations to run on the input, in order.
    pub ops: Vec<String>,
    /// What the operations read.
    pub kind: InputKind,
    /// The input's bytes.
    pub input: Vec<u8>,
}

/// FNV-1a, 64 bits, over the concatenation of `parts`, as 16 hex digits.
pub fn fnv_hex(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn is_case_header(l: &str) -> bool {
    l.starts_with("=== ") || l == "==="
}

fn is_section_header(l: &str) -> bool {
    l.starts_with(">>> ") || l == ">>>"
}

/// Drops the blank and comment lines at the end of a case: they separate and introduce
/// cases (an input ending in a comment needs `as json`).
fn section_body<'a>(mut lines: &'a [&'a str]) -> &'a [&'a str] {
    while let [rest @ .., last] = lines {
        if !last.trim().is_empty() && !last.starts_with('#') {
            break;
        }
        lines = rest;
    }
    lines
}

/// Parses a case file; `file` inputs are read relative to `base`.
pub fn parse_case_file(text: &str, base: &Path) -> Result<Vec<Case>, String> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if is_case_header(l) {
            break;
        }
        if !l.trim().is_empty() && !l.starts_with('#') {
            return Err(format!(
                "{}: text before the first case (only # comments allowed)",
                i + 1
            ));
        }
        i += 1;
    }
    let mut cases = Vec::new();
    let mut seen = HashSet::new();
    while i < lines.len() {
        let start = i;
        let mut end = i + 1;
        while end < lines.len() && !is_case_header(lines[end]) {
            end += 1;
        }
        let c = parse_case(section_body(&lines[start..end]), start + 1, base)?;
        if !seen.insert(c.name.clone()) {
            return Err(format!("{}: duplicate case name {:?}", start + 1, c.name));
        }
        cases.push(c);
        i = end;
    }
    Ok(cases)
}

fn parse_case(block: &[&str], line: usize, base: &Path) -> Result<Case, String> {
    let name = block[0]
        .strip_prefix("===")
        .unwrap_or(block[0])
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(format!("{line}: case without a name"));
    }
    let errf = |off: usize, msg: String| format!("{}: case {:?}: {}", line + off, name, msg);
    let mut j = 1;
    while j < block.len() && !is_section_header(block[j]) {
        if !block[j].trim().is_empty() && !block[j].starts_with('#') {
            return Err(errf(
                j,
                "text before the >>> line (only # comments allowed)".into(),
            ));
        }
        j += 1;
    }
    if j == block.len() {
        return Err(errf(0, "no >>> line".into()));
    }
    let mut header: Vec<&str> = block[j]
        .strip_prefix(">>>")
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let mut encoding = "raw";
    if header.len() >= 2 && header[header.len() - 2] == "as" {
        encoding = header[header.len() - 1];
        header.truncate(header.len() - 2);
    }
    if header.is_empty() {
        return Err(errf(j, "no operation on the >>> line".into()));
    }
    let mut kind = None;
    let mut ops: Vec<String> = Vec::new();
    for op in header {
        let Some(&(_, k)) = OPS.iter().find(|(n, _)| *n == op) else {
            return Err(errf(j, format!("unknown operation {op:?}")));
        };
        if kind.is_some_and(|kk| kk != k) {
            return Err(errf(j, "operations mix text and value inputs".into()));
        }
        if ops.iter().any(|o| o == op) {
            return Err(errf(j, format!("operation {op:?} given twice")));
        }
        kind = Some(k);
        ops.push(op.to_string());
    }
    let body = &block[j + 1..];
    let mut extra: Vec<u8> = Vec::new();
    let input: Vec<u8> = match encoding {
        "raw" => body
            .iter()
            .flat_map(|l| [*l, "\n"])
            .collect::<String>()
            .into(),
        "json" => {
            let mut s = String::new();
            for (k, l) in body.iter().enumerate() {
                if l.trim().is_empty() {
                    continue;
                }
                let (text, n) = parse_json_line(l).map_err(|e| errf(j + 1 + k, e))?;
                s.push_str(&text.repeat(n));
            }
            s.into_bytes()
        }
        "hex" => {
            let mut bytes = Vec::new();
            for (k, l) in body.iter().enumerate() {
                let (digits, n) = match l.split_once('*') {
                    Some((d, count)) => (
                        d,
                        count.trim().parse::<usize>().map_err(|_| {
                            errf(j + 1 + k, format!("hex: bad repeat count {count:?}"))
                        })?,
                    ),
                    None => (*l, 1),
                };
                let h: String = digits.split_whitespace().collect();
                if !h.len().is_multiple_of(2) {
                    return Err(errf(j + 1 + k, "hex: odd length".into()));
                }
                let line = (0..h.len())
                    .step_by(2)
                    .map(|i| {
                        h.get(i..i + 2)
                            .and_then(|d| u8::from_str_radix(d, 16).ok())
                            .ok_or_else(|| errf(j + 1 + k, "hex: not hex".into()))
                    })
                    .collect::<Result<Vec<u8>, String>>()?;
                bytes.extend(line.repeat(n));
            }
            bytes
        }
        "file" => {
            if body.len() != 1 {
                return Err(errf(
                    j + 1,
                    "a file input is one line holding a path".into(),
                ));
            }
            let rel = body[0].trim();
            if rel.is_empty() || rel.starts_with('/') || rel.contains('\\') {
                return Err(errf(j + 1, format!("bad path {rel:?}")));
            }
            let bytes =
                std::fs::read(base.join(rel)).map_err(|e| errf(j + 1, format!("{rel}: {e}")))?;
            extra = bytes.clone();
            bytes
        }
        other => {
            return Err(errf(
                j,
                format!("unknown encoding {other:?} (raw, json, hex, file)"),
            ));
        }
    };
    let text = block.join("\n");
    Ok(Case {
        name,
        line,
        hash: fnv_hex(&[text.as_bytes(), &[0u8], &extra]),
        ops,
        kind: kind.expect("at least one operation"),
        input,
    })
}

/// Reads `"text"` or `"text" * N`.
fn parse_json_line(l: &str) -> Result<(String, usize), String> {
    let l = l.trim();
    let mut stream = serde_json::Deserializer::from_str(l).into_iter::<String>();
    let s = match stream.next() {
        Some(Ok(s)) => s,
        Some(Err(e)) => return Err(format!("json: {e}")),
        None => return Err("json: no string".into()),
    };
    let rest = l[stream.byte_offset()..].trim();
    if rest.is_empty() {
        return Ok((s, 1));
    }
    let Some(count) = rest.strip_prefix('*') else {
        return Err(format!("json: unexpected {rest:?} after the string"));
    };
    let n = count
        .trim()
        .parse::<usize>()
        .map_err(|_| format!("json: bad repeat count {count:?}"))?;
    Ok((s, n))
}
