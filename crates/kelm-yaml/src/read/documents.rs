//! Helm 4's multi-document values files: `LoadValues` (`pkg/chart/v2/loader`) splits
//! the text with apimachinery's `YAMLReader` over a `bufio.Reader`, then reads each
//! piece with `sigs.k8s.io/yaml.Unmarshal` into a `map[string]interface{}`.
//!
//! The splitting is reproduced exactly, quirks included:
//!
//! - a line starting with `---` separates documents; after the `---` only blanks and
//!   a comment may follow, else the whole read fails (`invalid Yaml document
//!   separator: ...`; this also rejects `--- |`, `--- {}` and `----`);
//! - the separator ending a document is dropped, but a separator met while no
//!   document text has been collected (the file's first line, or a second separator
//!   in a row) becomes the first line of the next document (so line numbers in errors
//!   count from there);
//! - lines are read with `bufio.Reader.ReadLine` and given back a `\n`, so CRLF
//!   endings become LF and the last line gains a line break;
//! - a piece holding only blank lines or comments is still a document (an empty map);
//! - Helm 4.0 to 4.2.4 drop the final line when it lacks a line break and its length
//!   is an exact multiple of bufio's 4096-byte buffer (the `ReadLine` chunk that
//!   exhausts the input comes back together with `io.EOF`, which `YAMLReader` treats
//!   as nothing read). kelm reproduces this (see [`DROP_FINAL_LINE_AT_4096`]).

use crate::{Error, Map, Value};

/// Whether to reproduce Helm 4.0–4.2.4's loss of an unterminated final line whose
/// length is a multiple of 4096 bytes.
///
/// kelm targets Helm 4.1.4 byte for byte: the same values file must render the same
/// manifests under both. The loss is silent in Helm too, so a chart that works with
/// Helm works with kelm and vice versa. Set this to `false` when kelm's target moves to
/// a Helm release with the fix.
pub(crate) const DROP_FINAL_LINE_AT_4096: bool = true;

/// bufio's default buffer size.
const BUF: usize = 4096;

/// What `bufio.Reader.ReadLine` returns.
struct Line<'a> {
    bytes: &'a [u8],
    prefix: bool,
    eof: bool,
}

/// `bufio.Reader` over a `bytes.Reader`, reduced to the window of the input its buffer
/// holds (`r..w`, at most [`BUF`] bytes).
struct BufReader<'a> {
    data: &'a [u8],
    r: usize,
    w: usize,
    err_eof: bool,
}

enum Slice {
    Line,
    Full,
    Eof,
}

impl<'a> BufReader<'a> {
    fn fill(&mut self) {
        let n = (BUF - (self.w - self.r)).min(self.data.len() - self.w);
        if n == 0 {
            self.err_eof = true;
        }
        self.w += n;
    }

    fn read_slice(&mut self) -> (usize, usize, Slice) {
        let mut s = 0;
        loop {
            if let Some(i) = self.data[self.r + s..self.w]
                .iter()
                .position(|&c| c == b'\n')
            {
                let start = self.r;
                self.r += s + i + 1;
                return (start, self.r, Slice::Line);
            }
            if self.err_eof {
                let start = self.r;
                self.r = self.w;
                self.err_eof = false;
                return (start, self.w, Slice::Eof);
            }
            if self.w - self.r >= BUF {
                let start = self.r;
                self.r = self.w;
                return (start, self.w, Slice::Full);
            }
            s = self.w - self.r;
            self.fill();
        }
    }

    fn read_line(&mut self) -> Line<'a> {
        let (start, mut end, how) = self.read_slice();
        match how {
            Slice::Full => {
                if end > start && self.data[end - 1] == b'\r' {
                    self.r -= 1;
                    end -= 1;
                }
                Line {
                    bytes: &self.data[start..end],
                    prefix: true,
                    eof: false,
                }
            }
            _ if end == start => Line {
                bytes: &[],
                prefix: false,
                eof: matches!(how, Slice::Eof),
            },
            _ => {
                let mut line = &self.data[start..end];
                if line.last() == Some(&b'\n') {
                    line = &line[..line.len() - 1];
                    if line.last() == Some(&b'\r') {
                        line = &line[..line.len() - 1];
                    }
                }
                Line {
                    bytes: line,
                    prefix: false,
                    eof: false,
                }
            }
        }
    }

    /// apimachinery's `LineReader.Read`: a whole line plus `\n`, and whether the
    /// input ended while reading it.
    fn line_reader(&mut self, buf: &mut Vec<u8>) -> bool {
        buf.clear();
        loop {
            let line = self.read_line();
            buf.extend_from_slice(line.bytes);
            if line.eof {
                buf.push(b'\n');
                return true;
            }
            if !line.prefix {
                buf.push(b'\n');
                return false;
            }
        }
    }
}

/// Splits `data` into documents as `YAMLReader.Read` does (on bytes: it knows nothing
/// of encodings).
pub(crate) fn split(data: &[u8]) -> Result<Vec<Vec<u8>>, Error> {
    let mut reader = BufReader {
        data,
        r: 0,
        w: 0,
        err_eof: false,
    };
    let mut docs = Vec::new();
    let mut doc: Vec<u8> = Vec::new();
    let mut line = Vec::new();
    loop {
        let eof = reader.line_reader(&mut line);
        let eof = eof && (DROP_FINAL_LINE_AT_4096 || line.len() == 1);
        if let Some(rest) = line.strip_prefix(b"---") {
            // Go trims Unicode spaces off the bytes; an invalid byte is no space (the
            // message then holds invalid UTF-8, which a Rust string cannot).
            let rest = String::from_utf8_lossy(rest);
            let trimmed = rest.trim_matches(char::is_whitespace);
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return Err(Error::new(
                    format!(
                        "error reading yaml document: invalid Yaml document separator: {trimmed}"
                    ),
                    None,
                ));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
                continue;
            }
            if eof {
                return Ok(docs);
            }
        }
        if eof {
            if !doc.is_empty() {
                docs.push(doc);
            }
            return Ok(docs);
        }
        doc.extend_from_slice(&line);
    }
}

/// Each document of a values file as Helm 4's `LoadValues` reads it, before merging.
pub(crate) fn load_values(data: &[u8]) -> Result<Vec<Value>, Error> {
    let mut out = Vec::new();
    for doc in split(data)? {
        let value = super::from_yaml(&doc).map_err(|f| {
            let e = f.into_error();
            Error::new(
                format!("cannot unmarshal yaml document: {}", e.message()),
                e.line(),
            )
        })?;
        let kind = match value {
            Value::Map(_) => {
                out.push(value);
                continue;
            }
            Value::Null => {
                out.push(Value::Map(Map::new()));
                continue;
            }
            Value::Seq(_) => "array",
            Value::String(_) | Value::Time(_) => "string",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::Uint(_) | Value::Float(_) => "number",
        };
        return Err(Error::new(
            format!(
                "cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: \
                 json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}"
            ),
            None,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Result<Vec<String>, Error> {
        super::split(text.as_bytes()).map(|docs| {
            docs.into_iter()
                .map(|d| String::from_utf8(d).expect("UTF-8"))
                .collect()
        })
    }

    #[test]
    fn separators() {
        assert_eq!(split("a: 1\n---\nb: 2\n").unwrap(), ["a: 1\n", "b: 2\n"]);
        assert_eq!(split("---\na: 1\n").unwrap(), ["---\na: 1\n"]);
        assert_eq!(
            split("a: 1\n---\n---\nb: 2").unwrap(),
            ["a: 1\n", "---\nb: 2\n"]
        );
        assert_eq!(split("a: 1\r\nb: 2\r\n").unwrap(), ["a: 1\nb: 2\n"]);
        assert_eq!(split("# c\n--- # x\n").unwrap(), ["# c\n"]);
        assert!(split("").unwrap().is_empty());
        assert_eq!(
            split("a\n---foo\n").unwrap_err().message(),
            "error reading yaml document: invalid Yaml document separator: foo"
        );
    }

    #[test]
    fn final_line_at_4096() {
        let line = format!("b: {}", "x".repeat(4093));
        assert!(split(&line).unwrap().is_empty());
        let text = format!("a: 1\n{line}");
        assert_eq!(split(&text).unwrap(), ["a: 1\n"]);
        let longer = format!("a: 1\n{line}y");
        assert_eq!(split(&longer).unwrap(), [format!("a: 1\n{line}y\n")]);
        let cr = format!("{}\r", &line[..4095]);
        assert_eq!(split(&cr).unwrap(), [format!("{cr}\n")]);
    }
}
