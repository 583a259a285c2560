//! The case file format (kept in step with `tools/gotmpl-oracle/casefile.go`); see
//! `tests/cases/README.md`.

use std::collections::HashSet;

/// One template to parse.
#[derive(Debug, Clone)]
pub struct Section {
    /// `None`: the main template (`t.Parse`); else `t.New(name).Parse`.
    pub name: Option<String>,
    /// The template text.
    pub text: String,
}

/// One test case.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case's name (unique within its file).
    pub name: String,
    /// 1-based line of the `===` header.
    pub line: usize,
    /// FNV-1a 64 hash of the case's text, as the oracle computes it.
    pub hash: String,
    /// Templates to parse, in file order.
    pub templates: Vec<Section>,
    /// Raw JSON data; `None` when the case has no data section.
    pub data: Option<String>,
    /// Name of the main template.
    pub template_name: String,
    /// The `missingkey` option, when set.
    pub missing_key: Option<String>,
    /// Custom delimiters.
    pub delims: Option<(String, String)>,
    /// Template to execute instead of the main one.
    pub exec: Option<String>,
}

/// The main template's name unless a case says otherwise.
pub const DEFAULT_TEMPLATE_NAME: &str = "main";

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
    l.starts_with("--- ") || l == "---"
}

fn drop_trailing_empty<'a>(mut lines: &'a [&'a str]) -> &'a [&'a str] {
    while let [rest @ .., ""] = lines {
        lines = rest;
    }
    lines
}

/// Parses a case file.
pub fn parse_case_file(text: &str) -> Result<Vec<Case>, String> {
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
        let block = drop_trailing_empty(&lines[start..end]);
        let c = parse_case(block, start + 1)?;
        if !seen.insert(c.name.clone()) {
            return Err(format!("{}: duplicate case name {:?}", start + 1, c.name));
        }
        cases.push(c);
        i = end;
    }
    Ok(cases)
}

struct RawSection<'a> {
    header: &'a str,
    off: usize,
    lines: Vec<&'a str>,
}

fn parse_case(block: &[&str], line: usize) -> Result<Case, String> {
    let name = block[0]
        .strip_prefix("===")
        .unwrap_or(block[0])
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(format!("{line}: case without a name"));
    }
    let errf = |off: usize, msg: String| format!("{}: case {:?}: {}", line + off, name, msg);
    let mut c = Case {
        name: name.clone(),
        line,
        hash: fnv_hex(&[block.join("\n").as_bytes()]),
        templates: Vec::new(),
        data: None,
        template_name: DEFAULT_TEMPLATE_NAME.to_string(),
        missing_key: None,
        delims: None,
        exec: None,
    };
    let mut secs: Vec<RawSection<'_>> = Vec::new();
    for (j, &l) in block.iter().enumerate().skip(1) {
        if is_section_header(l) {
            secs.push(RawSection {
                header: l[3..].trim(),
                off: j,
                lines: Vec::new(),
            });
            continue;
        }
        match secs.last_mut() {
            Some(cur) => cur.lines.push(l),
            None => {
                if !l.trim().is_empty() && !l.starts_with('#') {
                    return Err(errf(j, "text before the first section".into()));
                }
            }
        }
    }
    let mut has_options = false;
    for s in &secs {
        let body = drop_trailing_empty(&s.lines);
        let (kind, arg) = match s.header.split_once(' ') {
            Some((k, a)) => (k, a.trim()),
            None => (s.header, ""),
        };
        match kind {
            "template" | "template-json" => {
                let mut text = body.join("\n");
                if kind == "template-json" {
                    text = serde_json::from_str::<String>(&text)
                        .map_err(|e| errf(s.off, format!("template-json: {e}")))?;
                }
                c.templates.push(Section {
                    name: (!arg.is_empty()).then(|| arg.to_string()),
                    text,
                });
            }
            "data" => {
                if c.data.is_some() || !arg.is_empty() {
                    return Err(errf(s.off, "bad or repeated data section".into()));
                }
                let d = body.join("\n");
                if d.trim().is_empty() {
                    return Err(errf(s.off, "empty data section".into()));
                }
                c.data = Some(d);
            }
            "options" => {
                if has_options || !arg.is_empty() {
                    return Err(errf(s.off, "bad or repeated options section".into()));
                }
                has_options = true;
                for (k, ol) in body.iter().enumerate() {
                    let ol = ol.trim();
                    if ol.is_empty() || ol.starts_with('#') {
                        continue;
                    }
                    let at = s.off + 1 + k;
                    let (key, val) = ol
                        .split_once('=')
                        .ok_or_else(|| errf(at, "option without '='".into()))?;
                    match key {
                        "missingkey" => match val {
                            "default" | "invalid" | "zero" | "error" => {
                                c.missing_key = Some(val.to_string())
                            }
                            _ => return Err(errf(at, format!("unknown missingkey {val:?}"))),
                        },
                        "delims" => match val.split_once(' ') {
                            Some((l, r)) if !r.contains(' ') => {
                                c.delims = Some((l.to_string(), r.to_string()))
                            }
                            _ => {
                                return Err(errf(
                                    at,
                                    "delims needs two space-separated delimiters".into(),
                                ));
                            }
                        },
                        "exec" => c.exec = Some(val.to_string()),
                        "name" => c.template_name = val.to_string(),
                        _ => return Err(errf(at, format!("unknown option {key:?}"))),
                    }
                }
            }
            _ => return Err(errf(s.off, format!("unknown section {:?}", s.header))),
        }
    }
    Ok(c)
}
