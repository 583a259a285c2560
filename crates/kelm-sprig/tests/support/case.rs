//! The case file format; see `tests/cases/README.md`.

use std::collections::HashSet;

use super::props::Property;
use super::record::{CHART_NAME, MAIN_FILE};

/// One template file of the case's chart.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// File name under `templates/` (`case.yaml` for the main one).
    pub file: String,
    /// The template text.
    pub text: String,
}

impl TemplateFile {
    /// The name Helm gives the template: `chart/templates/<file>`.
    pub fn template_name(&self) -> String {
        format!("{CHART_NAME}/templates/{}", self.file)
    }
}

/// A command-line flag given to `helm template`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// The flag, e.g. `--set`.
    pub name: String,
    /// Its value (`None` for boolean flags such as `--enable-dns`).
    pub value: Option<String>,
}

/// Flags a case may give `helm template`: each one only shapes the data the template
/// sees (recorded by the recorder) or an engine option the runner knows of.
pub const ALLOWED_FLAGS: &[(&str, bool)] = &[
    ("--set", true),
    ("--set-string", true),
    ("--set-json", true),
    ("--set-literal", true),
    ("--namespace", true),
    ("--enable-dns", false),
];

/// How a case's result is checked.
#[derive(Debug, Clone)]
pub enum Check {
    /// Output (or error) must equal Helm's.
    Exact,
    /// Helm must succeed, and kelm's output (like Helm's) must have every property.
    Properties(Vec<Property>),
}

/// One test case.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case's name (unique within its file): `SUBJECTS: description`.
    pub name: String,
    /// The functions the case is about (the name's part before `: `).
    pub subjects: Vec<String>,
    /// 1-based line of the `===` header.
    pub line: usize,
    /// FNV-1a 64 hash of the case's text.
    pub hash: String,
    /// The main template (`templates/case.yaml`) first, then the other files.
    pub files: Vec<TemplateFile>,
    /// The values file (`-f values.yaml`), if any.
    pub values: Option<String>,
    /// Further flags, in order (`--- set` lines become `--set` flags).
    pub flags: Vec<Flag>,
    /// How the result is checked.
    pub check: Check,
    /// A documented difference from Helm: what kelm prints instead, and why.
    pub differs: Option<Differs>,
}

/// A case where kelm deliberately or unavoidably prints something else than Helm.
///
/// The runner checks that kelm prints exactly `output` and that Helm's recorded result
/// is something else, so the difference stays real and visible (the coverage table
/// counts it). The section is left out of the case's hash: it does not change what Helm
/// did.
#[derive(Debug, Clone)]
pub struct Differs {
    /// Why kelm differs.
    pub reason: String,
    /// What kelm prints.
    pub output: String,
}

impl Case {
    /// The main template file.
    pub fn main(&self) -> &TemplateFile {
        &self.files[0]
    }

    /// Key of the data the case's template sees: a hash of everything that shapes it.
    pub fn data_key(&self) -> String {
        let mut parts: Vec<Vec<u8>> = Vec::new();
        match &self.values {
            Some(v) => parts.push(format!("values\0{v}\0").into_bytes()),
            None => parts.push(b"novalues\0".to_vec()),
        }
        for f in &self.flags {
            parts.push(format!("{}\0{}\0", f.name, f.value.as_deref().unwrap_or("")).into_bytes());
        }
        let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        fnv_hex(&refs)
    }

    /// Whether `--enable-dns` is given.
    pub fn enable_dns(&self) -> bool {
        self.flags.iter().any(|f| f.name == "--enable-dns")
    }

    /// All template text of the case, for scanning which functions it names.
    pub fn all_text(&self) -> String {
        let mut s = String::new();
        for f in &self.files {
            s.push_str(&f.text);
            s.push('\n');
        }
        s
    }
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
    l.starts_with("--- ") || l == "---"
}

fn drop_trailing_empty<'a>(mut lines: &'a [&'a str]) -> &'a [&'a str] {
    while let [rest @ .., last] = lines {
        if !last.trim().is_empty() {
            break;
        }
        lines = rest;
    }
    lines
}

/// Checks a file name given to `--- template NAME`: a partial (`_*.tpl`) in `templates/`.
fn check_extra_file(name: &str) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !name.starts_with('_') || !ok_chars || name.len() < 2 {
        return Err(format!(
            "extra template {name:?}: must be a partial (a name starting with `_`, of letters, digits, `_`, `-`, `.`)"
        ));
    }
    Ok(())
}

/// Parses a case file. `known` tells whether a name is a function a case may be about.
pub fn parse_case_file(text: &str, known: &dyn Fn(&str) -> bool) -> Result<Vec<Case>, String> {
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
                "{}: text before the first case must be comments",
                i + 1
            ));
        }
        i += 1;
    }
    let mut cases = Vec::new();
    let mut names = HashSet::new();
    while i < lines.len() {
        let start = i;
        let mut end = i + 1;
        while end < lines.len() && !is_case_header(lines[end]) {
            end += 1;
        }
        let block = drop_trailing_empty(&lines[start..end]);
        let c = parse_case(block, start + 1, known).map_err(|e| format!("{}: {e}", start + 1))?;
        if !names.insert(c.name.clone()) {
            return Err(format!("{}: duplicate case name {:?}", start + 1, c.name));
        }
        cases.push(c);
        i = end;
    }
    Ok(cases)
}

fn parse_case(block: &[&str], line: usize, known: &dyn Fn(&str) -> bool) -> Result<Case, String> {
    let name = block[0]
        .strip_prefix("===")
        .unwrap_or_default()
        .trim()
        .to_string();
    let (subj, desc) = name
        .split_once(": ")
        .ok_or("a case name is `SUBJECTS: description`")?;
    if desc.trim().is_empty() {
        return Err("a case name needs a description after `: `".into());
    }
    let mut subjects = Vec::new();
    for s in subj.split(',') {
        let s = s.trim();
        if !known(s) {
            return Err(format!("case subject {s:?} is not a known function"));
        }
        subjects.push(s.to_string());
    }
    // The `kelm-differs` section is not part of what Helm ran, so not of the hash.
    let mut hashed: Vec<&str> = Vec::with_capacity(block.len());
    let mut in_differs = false;
    for l in block {
        if is_section_header(l) {
            in_differs = l.strip_prefix("---").unwrap_or_default().trim() == "kelm-differs";
        }
        if !in_differs {
            hashed.push(l);
        }
    }
    let joined = hashed.join("\n");
    let hash = fnv_hex(&[joined.as_bytes()]);

    let mut i = 1;
    while i < block.len() && !is_section_header(block[i]) {
        if !block[i].trim().is_empty() && !block[i].starts_with('#') {
            return Err(format!(
                "line {}: only blank and # lines may come before the first section",
                line + i
            ));
        }
        i += 1;
    }
    let mut main: Option<String> = None;
    let mut extra: Vec<TemplateFile> = Vec::new();
    let mut values = None;
    let mut flags = Vec::new();
    let mut check = None;
    let mut differs = None;
    while i < block.len() {
        let header = block[i].strip_prefix("---").unwrap_or_default().trim();
        let hline = line + i;
        let mut j = i + 1;
        while j < block.len() && !is_section_header(block[j]) {
            j += 1;
        }
        let body_lines = drop_trailing_empty(&block[i + 1..j]);
        let body = body_lines.join("\n");
        let (kind, arg) = match header.split_once(' ') {
            Some((k, a)) => (k, Some(a.trim())),
            None => (header, None),
        };
        let template_text = |json: bool| -> Result<String, String> {
            if json {
                serde_json::from_str::<String>(body.trim())
                    .map_err(|e| format!("line {hline}: template-json: {e}"))
            } else {
                Ok(body.clone())
            }
        };
        match (kind, arg) {
            ("template" | "template-json", None) => {
                if main.is_some() {
                    return Err(format!("line {hline}: second main template"));
                }
                main = Some(template_text(kind == "template-json")?);
            }
            ("template" | "template-json", Some(n)) => {
                check_extra_file(n).map_err(|e| format!("line {hline}: {e}"))?;
                if extra.iter().any(|f| f.file == n) {
                    return Err(format!("line {hline}: template {n:?} given twice"));
                }
                extra.push(TemplateFile {
                    file: n.to_string(),
                    text: template_text(kind == "template-json")?,
                });
            }
            ("values", None) => {
                if values.is_some() {
                    return Err(format!("line {hline}: second values section"));
                }
                values = Some(body.clone());
            }
            ("set", None) => {
                for l in body_lines.iter().filter(|l| !l.trim().is_empty()) {
                    flags.push(Flag {
                        name: "--set".into(),
                        value: Some(l.to_string()),
                    });
                }
            }
            ("args", None) => {
                for l in body_lines.iter().filter(|l| !l.trim().is_empty()) {
                    let (f, v) = match l.split_once(' ') {
                        Some((f, v)) => (f, Some(v.to_string())),
                        None => (*l, None),
                    };
                    match ALLOWED_FLAGS.iter().find(|(n, _)| *n == f) {
                        Some((_, takes)) if *takes == v.is_some() => {}
                        Some(_) => {
                            return Err(format!(
                                "line {hline}: flag {f} used with a wrong number of values"
                            ));
                        }
                        None => {
                            return Err(format!(
                                "line {hline}: flag {f:?} is not allowed (allowed: {})",
                                ALLOWED_FLAGS
                                    .iter()
                                    .map(|(n, _)| *n)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ));
                        }
                    }
                    flags.push(Flag {
                        name: f.to_string(),
                        value: v,
                    });
                }
            }
            ("check", None) => {
                if check.is_some() {
                    return Err(format!("line {hline}: second check section"));
                }
                let mut props = Vec::new();
                for l in body_lines
                    .iter()
                    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                {
                    props.push(Property::parse(l).map_err(|e| format!("line {hline}: {e}"))?);
                }
                check = Some(if props.is_empty() {
                    return Err(format!("line {hline}: empty check section"));
                } else {
                    Check::Properties(props)
                });
            }
            ("kelm-differs", None) => {
                if differs.is_some() {
                    return Err(format!("line {hline}: second kelm-differs section"));
                }
                let (reason, output) = body.split_once('\n').unwrap_or((body.as_str(), ""));
                let reason = reason
                    .strip_prefix("because ")
                    .ok_or_else(|| {
                        format!("line {hline}: kelm-differs starts with a `because ...` line")
                    })?
                    .trim()
                    .to_string();
                differs = Some(Differs {
                    reason,
                    output: output.to_string(),
                });
            }
            _ => return Err(format!("line {hline}: unknown section {header:?}")),
        }
        i = j;
    }
    let main = main.ok_or("case has no main `--- template` section")?;
    let mut files = vec![TemplateFile {
        file: MAIN_FILE.to_string(),
        text: main,
    }];
    files.extend(extra);
    for f in &files {
        for banned in [".Capabilities", ".Files"] {
            if f.text.contains(banned) {
                return Err(format!(
                    "template {}: cases may not use {banned} (the runner does not model it)",
                    f.file
                ));
            }
        }
    }
    Ok(Case {
        name,
        subjects,
        line,
        hash,
        files,
        values,
        flags,
        check: check.unwrap_or(Check::Exact),
        differs,
    })
}
