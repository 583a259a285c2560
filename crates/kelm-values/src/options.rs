//! The user's values from the command line (Helm's `pkg/cli/values/options.go`):
//! values files and the `--set` family, merged in Helm's fixed order.

use kelm_yaml::{JsonTarget, Map, Value};

use crate::coalesce::merge_maps;
use crate::{Error, strvals};

/// The values flags of `helm install`/`upgrade`/`template`..., each in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueOptions {
    /// `-f`/`--values`: files (`-` is standard input).
    pub value_files: Vec<String>,
    /// `--set-json`: a JSON object, or `key=json` pairs.
    pub set_json: Vec<String>,
    /// `--set`: `key=value` pairs, typed.
    pub set: Vec<String>,
    /// `--set-string`: `key=value` pairs, always strings.
    pub set_string: Vec<String>,
    /// `--set-file`: `key=path` pairs, the value being the file's contents.
    pub set_file: Vec<String>,
    /// `--set-literal`: one `key=value`, the value taken as it is.
    pub set_literal: Vec<String>,
}

impl ValueOptions {
    /// [`merge_values`] on these options.
    pub fn merge_values(&self, reader: &mut dyn ValuesReader) -> Result<Map, Error> {
        merge_values(self, reader)
    }
}

/// Where values files come from. Errors are the texts Helm shows for the same
/// failure (`open x.yaml: no such file or directory`).
pub trait ValuesReader {
    /// The contents of a local file.
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String>;
    /// All of standard input (`-f -`, `--set-file k=-`).
    fn read_stdin(&mut self) -> Result<Vec<u8>, String>;
}

/// The real file system and standard input, with Go's `os.ReadFile` error texts.
#[derive(Debug, Clone, Copy, Default)]
pub struct FsReader;

impl ValuesReader for FsReader {
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| go_read_error(path, &e))
    }

    fn read_stdin(&mut self) -> Result<Vec<u8>, String> {
        use std::io::Read;
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("read /dev/stdin: {e}"))?;
        Ok(buf)
    }
}

/// Go's `*PathError` text for a failed `os.ReadFile`.
fn go_read_error(path: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => format!("open {path}: no such file or directory"),
        ErrorKind::PermissionDenied => format!("open {path}: permission denied"),
        ErrorKind::IsADirectory => format!("read {path}: is a directory"),
        ErrorKind::NotADirectory => format!("open {path}: not a directory"),
        _ => {
            let text = e.to_string();
            let text = text
                .split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase();
            format!("open {path}: {text}")
        }
    }
}

/// Helm's `Options.MergeValues`: the user's values from `opts`, in Helm's order
/// whatever the order on the command line: each `-f` file (every YAML document in
/// it, merged), then each `--set-json`, `--set`, `--set-string`, `--set-file` and
/// `--set-literal`. Maps merge; anything else is replaced by later sources.
pub fn merge_values(opts: &ValueOptions, reader: &mut dyn ValuesReader) -> Result<Map, Error> {
    let mut base = Map::new();
    for path in &opts.value_files {
        let raw = read_source(path, reader).map_err(Error::new)?;
        let docs = kelm_yaml::from_yaml_documents_bytes(&raw)
            .map_err(|e| Error::new(format!("failed to parse {path}: {e}")))?;
        for doc in docs {
            if let Some(m) = doc.into_map() {
                merge_maps(&mut base, m);
            }
        }
    }
    for value in &opts.set_json {
        let trimmed = value.trim();
        if trimmed.starts_with('{') {
            match kelm_yaml::from_json_into(trimmed, JsonTarget::Map) {
                (v, None) => {
                    if let Some(m) = v.into_map() {
                        merge_maps(&mut base, m);
                    }
                }
                (_, Some(_)) => {
                    return Err(Error::new(format!(
                        "failed parsing --set-json data JSON: {value}"
                    )));
                }
            }
        } else if strvals::parse_into_json(value, &mut base).is_err() {
            return Err(Error::new(format!(
                "failed parsing --set-json data {value}"
            )));
        }
    }
    for value in &opts.set {
        strvals::parse_into(value, &mut base)
            .map_err(|e| Error::new(format!("failed parsing --set data: {e}")))?;
    }
    for value in &opts.set_string {
        strvals::parse_into_string(value, &mut base)
            .map_err(|e| Error::new(format!("failed parsing --set-string data: {e}")))?;
    }
    for value in &opts.set_file {
        let mut read = |path: &str| -> Result<String, String> {
            read_source(path, reader).map(|b| String::from_utf8_lossy(&b).into_owned())
        };
        strvals::parse_into_file(value, &mut base, &mut read)
            .map_err(|e| Error::new(format!("failed parsing --set-file data: {e}")))?;
    }
    for value in &opts.set_literal {
        strvals::parse_into_literal(value, &mut base)
            .map_err(|e| Error::new(format!("failed parsing --set-literal data: {e}")))?;
    }
    Ok(base)
}

/// Helm's `readFile`: standard input for `-`, a URL for a scheme Helm has a getter
/// for, else a local file.
fn read_source(path: &str, reader: &mut dyn ValuesReader) -> Result<Vec<u8>, String> {
    if path.trim() == "-" {
        return reader.read_stdin();
    }
    let scheme = url_scheme(path)?;
    if matches!(scheme.as_str(), "http" | "https" | "oci") {
        return Err(format!(
            "reading values from {scheme} URLs is not supported yet: {path}"
        ));
    }
    reader.read_file(path)
}

/// The scheme of `raw` as Go's `url.Parse` finds it (lower-cased; empty when there is
/// none), with `url.Parse`'s errors for what it refuses.
fn url_scheme(raw: &str) -> Result<String, String> {
    let fail = |why: &str| Err(format!("parse {}: {why}", kelm_strconv::quote(raw)));
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return fail("net/url: invalid control character in URL");
    }
    let (before_fragment, fragment) = match raw.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (raw, None),
    };
    let mut scheme = String::new();
    let mut rest = before_fragment;
    for (i, c) in before_fragment.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if i > 0 => {}
            ':' if i == 0 => return fail("missing protocol scheme"),
            ':' => {
                scheme = before_fragment[..i].to_ascii_lowercase();
                rest = &before_fragment[i + 1..];
                break;
            }
            _ => break,
        }
    }
    let path = rest.split('?').next().unwrap_or(rest);
    if scheme.is_empty() && !path.starts_with('/') {
        let first_segment = path.split('/').next().unwrap_or(path);
        if first_segment.contains(':') {
            return fail("first path segment in URL cannot contain colon");
        }
    }
    for part in [Some(path), fragment].into_iter().flatten() {
        if let Some(bad) = bad_escape(part) {
            return fail(&format!("invalid URL escape {}", kelm_strconv::quote(bad)));
        }
    }
    Ok(scheme)
}

/// The first `%` not followed by two hex digits, with what follows it (up to two bytes).
fn bad_escape(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let ok =
                b.len() > i + 2 && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit();
            if !ok {
                let mut end = (i + 3).min(b.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                return Some(&s[i..end]);
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    None
}

/// Reads values the way `merge_values` reads one `-f` file, for callers holding the
/// bytes already (a chart's `values.yaml` goes through the same `LoadValues`).
pub fn load_values(data: &[u8]) -> Result<Value, String> {
    let mut base = Map::new();
    for doc in kelm_yaml::from_yaml_documents_bytes(data).map_err(|e| e.to_string())? {
        if let Some(m) = doc.into_map() {
            merge_maps(&mut base, m);
        }
    }
    Ok(Value::Map(base))
}
