//! What `sigs.k8s.io/yaml.Marshal` does before yaml.v2's emitter sees a value: Go's
//! `json.Marshal`, then yaml.v2 parsing that JSON back into `interface{}`.
//!
//! Strings, booleans, null and integers come back as they were. Floats come back typed
//! by their JSON text (`1e6` is written `1000000` and read back as an int; `1e21` is
//! written `1e+21` and stays a float). What can fail: `json.Marshal` refuses NaN and
//! infinities, and yaml.v2's reader refuses some characters that `json.Marshal` leaves
//! unescaped, keys longer than a simple key may be, and nesting beyond 10000 levels.

use crate::resolve::{Resolved, resolve_plain};
use crate::{Error, Value};
use kelm_strconv::{append_float, append_int, append_uint};
use std::fmt::Write as _;

/// Appends the text yaml.v2 prints for a float64 that went through JSON.
pub(super) fn append_json_float(out: &mut String, f: f64) {
    // Integral floats below 2^53 print in JSON as their digits, which read back as an
    // int; this also turns -0 into 0.
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        append_int(out, f as i64, 10);
        return;
    }
    let abs = f.abs();
    if !(1e-6..1e21).contains(&abs) || f.fract() != 0.0 {
        // JSON writes these with a fraction or an exponent: they read back as the same
        // float64 (the shortest representation round-trips).
        append_go_float(out, f);
        return;
    }
    // Large integral values: JSON's digits read back as an int64, a uint64 or, past
    // those, a float64.
    let mut text = String::new();
    append_float(&mut text, f, 'f', -1, 64);
    match resolve_plain(&text) {
        Resolved::Int(i) => append_int(out, i, 10),
        Resolved::Uint(u) => append_uint(out, u, 10),
        Resolved::Float(g) => append_go_float(out, g),
        _ => out.push_str(&text),
    }
}

/// `strconv.FormatFloat(f, 'g', -1, 64)` with yaml's names for the non-finite values.
pub(super) fn append_go_float(out: &mut String, f: f64) {
    if f.is_nan() {
        out.push_str(".nan");
    } else if f == f64::INFINITY {
        out.push_str(".inf");
    } else if f == f64::NEG_INFINITY {
        out.push_str("-.inf");
    } else {
        append_float(out, f, 'g', -1, 64);
    }
}

/// yaml.v2's reader error for characters a YAML stream may not hold raw.
const CONTROL_CHARACTERS: &str = "control characters are not allowed";
/// yaml.v2's parser error after a flow mapping key that is not a simple key (longer
/// than 1024 characters, or over more than one line).
const NOT_A_SIMPLE_KEY: &str = "did not find expected ',' or '}'";
/// yaml.v2's scanner error for `---` or `...` at the start of a line in a quoted scalar.
const DOCUMENT_INDICATOR: &str = "found unexpected document indicator";
/// yaml.v2's scanner limit on flow nesting.
const MAX_DEPTH: usize = 10_000;
const MAX_DEPTH_MSG: &str = "exceeded max depth of 10000";

/// NEL (U+0085): the one line break `json.Marshal` leaves raw, so yaml.v2 reading the
/// JSON sees lines.
const NEL: char = '\u{85}';

/// What [`check`] learnt about a value that prints.
pub(super) struct Checked {
    /// Some string holds a NEL: the strings yaml.v2 reads back are folded
    /// ([`fold_nel`]).
    pub(super) has_nel: bool,
}

/// Finds the error Go would report for this value, if any: `json.Marshal`'s first (in
/// JSON order: map keys sorted bytewise, which is `Map`'s order), else the one yaml.v2
/// meets first reading the JSON text.
pub(super) fn check(value: &Value) -> Result<Checked, Error> {
    let mut c = Checker {
        problem: false,
        has_nel: false,
    };
    c.walk(value, 1)?;
    if c.problem {
        return Err(locate(value));
    }
    Ok(Checked { has_nel: c.has_nel })
}

/// A quick walk that finds `json.Marshal`'s errors and whether yaml.v2 will have any.
struct Checker {
    problem: bool,
    has_nel: bool,
}

impl Checker {
    fn string(&mut self, s: &str) {
        // Everything of interest starts with one of these bytes.
        if !s.bytes().any(|b| matches!(b, 0x7F | 0xC2 | 0xEF)) {
            return;
        }
        self.problem |= has_forbidden_char(s);
        if s.contains(NEL) {
            self.has_nel = true;
            self.problem |= nel_document_indicators(s).next().is_some();
        }
    }

    fn walk(&mut self, v: &Value, depth: usize) -> Result<(), Error> {
        match v {
            Value::Float(f) if !f.is_finite() => {
                let go = if f.is_nan() {
                    "NaN"
                } else if *f > 0.0 {
                    "+Inf"
                } else {
                    "-Inf"
                };
                Err(Error::new(
                    format!("error marshaling into JSON: json: unsupported value: {go}"),
                    None,
                ))
            }
            Value::String(s) => {
                self.string(s);
                Ok(())
            }
            Value::Time(t) => match crate::json::marshal_time(t) {
                Ok(_) => Ok(()),
                Err(e) => Err(Error::new(
                    format!("error marshaling into JSON: {}", e.message()),
                    None,
                )),
            },
            Value::Seq(items) => {
                self.problem |= depth > MAX_DEPTH;
                for item in items {
                    stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.walk(item, depth + 1))?;
                }
                Ok(())
            }
            Value::Map(m) => {
                self.problem |= depth > MAX_DEPTH;
                for (k, item) in m {
                    self.string(k);
                    self.problem |= k.contains(NEL) || json_string_chars(k) > 1022;
                    stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.walk(item, depth + 1))?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// Where in `s` a NEL is directly followed by `---` or `...` and a space or NEL: yaml.v2,
/// at column 0 after the break, takes that for a document marker (offsets of the
/// character after the NEL).
fn nel_document_indicators(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.match_indices(NEL).filter_map(move |(i, _)| {
        let at = i + NEL.len_utf8();
        let rest = &s[at..];
        let b = rest.as_bytes();
        ((b.starts_with(b"---") || b.starts_with(b"..."))
            && (b.get(3) == Some(&b' ') || rest[3..].starts_with(NEL)))
        .then_some(at)
    })
}

/// The yaml.v2 problems that stop it reading, other than its reader's.
#[derive(Clone, Copy)]
enum Stop {
    /// Nesting past [`MAX_DEPTH`] (a scanner error).
    Depth,
    /// A document marker in a string (a scanner error).
    DocumentIndicator,
    /// A mapping key that is not a simple key (a parser error).
    Key,
}

/// The JSON text `json.Marshal` writes, with the first places yaml.v2 stops at.
struct JsonText {
    text: String,
    /// The first scanner or parser problem: what, and the byte offset where the scanner
    /// stands when it finds it.
    stop: Option<(Stop, usize)>,
    /// The byte offset of the first character yaml.v2's reader rejects.
    forbidden: Option<usize>,
}

impl JsonText {
    fn stop(&mut self, what: Stop, at: usize) {
        self.stop.get_or_insert((what, at));
    }

    /// Go's `appendString` with HTML escaping, noting what yaml.v2 will trip on.
    fn string(&mut self, s: &str) {
        self.text.push('"');
        let start = self.text.len();
        for c in s.chars() {
            let at = self.text.len();
            match c {
                '"' => self.text.push_str("\\\""),
                '\\' => self.text.push_str("\\\\"),
                '\u{8}' => self.text.push_str("\\b"),
                '\u{c}' => self.text.push_str("\\f"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                '\t' => self.text.push_str("\\t"),
                '\0'..='\u{1f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                    let _ = write!(self.text, "\\u{:04x}", c as u32);
                }
                _ => {
                    if has_forbidden_char(c.encode_utf8(&mut [0; 4])) {
                        self.forbidden.get_or_insert(at);
                    }
                    self.text.push(c);
                }
            }
        }
        // NEL, `-`, `.` and space are written as they are, so offsets in `s` carry over.
        let raw = &self.text[start..];
        let marker = if raw.contains(NEL) {
            nel_document_indicators(raw).next()
        } else {
            None
        };
        if let Some(at) = marker {
            self.stop(Stop::DocumentIndicator, start + at);
        }
        self.text.push('"');
    }

    fn value(&mut self, v: &Value, depth: usize) {
        match v {
            Value::Null => self.text.push_str("null"),
            Value::Bool(b) => self.text.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => append_int(&mut self.text, *i, 10),
            Value::Uint(u) => append_uint(&mut self.text, *u, 10),
            Value::Float(f) => {
                // Go's floatEncoder: 'f' between 1e-6 and 1e21, else 'e' with a
                // one-digit negative exponent unpadded.
                let abs = f.abs();
                if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
                    let start = self.text.len();
                    append_float(&mut self.text, *f, 'e', -1, 64);
                    let b = &self.text.as_bytes()[start..];
                    let n = b.len();
                    if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
                        self.text.remove(start + n - 2);
                    }
                } else {
                    append_float(&mut self.text, *f, 'f', -1, 64);
                }
            }
            Value::String(s) => self.string(s),
            Value::Time(t) => self.string(&t.rfc3339_nano()),
            Value::Seq(items) => {
                if depth > MAX_DEPTH {
                    self.stop(Stop::Depth, self.text.len());
                }
                self.text.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.text.push(',');
                    }
                    stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.value(item, depth + 1));
                }
                self.text.push(']');
            }
            Value::Map(m) => {
                if depth > MAX_DEPTH {
                    self.stop(Stop::Depth, self.text.len());
                }
                self.text.push('{');
                for (i, (k, item)) in m.iter().enumerate() {
                    if i > 0 {
                        self.text.push(',');
                    }
                    let start = self.text.len();
                    self.string(k);
                    if k.contains(NEL) || self.text[start..].chars().count() > 1024 {
                        self.stop(Stop::Key, self.text.len());
                    }
                    self.text.push(':');
                    stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.value(item, depth + 1));
                }
                self.text.push('}');
            }
        }
    }
}

/// The error yaml.v2 reports reading `value`'s JSON (which [`Checker`] found it has).
///
/// Its reader decodes and checks the text in chunks of 512 bytes, each when the scanner
/// first needs one of its characters; the scanner needs four characters from where it
/// stands before each token and each stretch of a quoted scalar. So a rejected character
/// is reported before a scanner or parser problem that comes earlier in the text when
/// its chunk is needed by then.
fn locate(value: &Value) -> Error {
    let mut j = JsonText {
        text: String::new(),
        stop: None,
        forbidden: None,
    };
    j.value(value, 1);
    let text = &j.text;
    let chars = |end: usize| text[..end].chars().count();
    if let Some(bad) = j.forbidden {
        let decoded_from = chunk_start(text, bad);
        if j.stop
            .is_none_or(|(_, at)| chars(decoded_from) <= chars(at) + 3)
        {
            return Error::new(format!("yaml: {CONTROL_CHARACTERS}"), None);
        }
    }
    let Some((what, at)) = j.stop else {
        unreachable!("the checker found a problem")
    };
    // yaml.v2 names the 0-based line of the problem, plus one for scanner errors, when
    // it is not 0. NELs are the only line breaks in the JSON text.
    let line = text[..at].matches(NEL).count();
    let (msg, line) = match what {
        Stop::Depth => (MAX_DEPTH_MSG, if line == 0 { 0 } else { line + 1 }),
        Stop::DocumentIndicator => (DOCUMENT_INDICATOR, line + 1),
        Stop::Key => (NOT_A_SIMPLE_KEY, line),
    };
    Error::new(
        if line == 0 {
            format!("yaml: {msg}")
        } else {
            format!("yaml: line {line}: {msg}")
        },
        None,
    )
}

/// The start of the chunk of 512 bytes (less a character split at its end, which
/// starts the next chunk) that yaml.v2's reader decodes `offset` in.
fn chunk_start(text: &str, offset: usize) -> usize {
    let mut start = 0;
    loop {
        let mut end = (start + 512).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if offset < end {
            return start;
        }
        start = end;
    }
}

/// The string yaml.v2 reads from the JSON string of `s` when `s` holds NELs: in a
/// quoted scalar a run of spaces and line breaks that holds a break is folded, to one
/// space for a single break, else to a newline for each break after the first.
pub(super) fn fold_nel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find([' ', NEL]) {
        out.push_str(&rest[..i]);
        let run_len = rest[i..]
            .find(|c| c != ' ' && c != NEL)
            .unwrap_or(rest.len() - i);
        let run = &rest[i..i + run_len];
        match run.matches(NEL).count() {
            0 => out.push_str(run),
            1 => out.push(' '),
            n => out.extend(std::iter::repeat_n('\n', n - 1)),
        }
        rest = &rest[i + run_len..];
    }
    out.push_str(rest);
    out
}

/// Characters `json.Marshal` writes raw that yaml.v2's reader rejects: DEL, the C1
/// controls but NEL, U+FFFE and U+FFFF.
fn has_forbidden_char(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x7F => return true,
            0xC2 if (0x80..=0x9F).contains(&b[i + 1]) && b[i + 1] != 0x85 => return true,
            0xEF if b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF) => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// How many characters `json.Marshal` writes for `s` between its quotes.
fn json_string_chars(s: &str) -> usize {
    // Each character takes at most six: no need to count short keys.
    if s.len() * 6 <= 1022 {
        return s.len();
    }
    s.chars()
        .map(|c| match c {
            '"' | '\\' | '\u{8}' | '\u{c}' | '\n' | '\r' | '\t' => 2,
            '\0'..='\u{1f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => 6,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: f64) -> String {
        let mut s = String::new();
        append_json_float(&mut s, f);
        s
    }

    #[test]
    fn nel_folds() {
        assert_eq!(fold_nel("a\u{85}b"), "a b");
        assert_eq!(fold_nel("a \u{85} b"), "a b");
        assert_eq!(fold_nel("a\u{85}\u{85} \u{85}b"), "a\n\nb");
        assert_eq!(fold_nel("\u{85}"), " ");
        assert_eq!(fold_nel("a  b"), "a  b");
    }

    #[test]
    fn floats_through_json() {
        assert_eq!(text(1e6), "1000000");
        assert_eq!(text(-0.0), "0");
        assert_eq!(text(1.5), "1.5");
        assert_eq!(text(1e20), "1e+20");
        assert_eq!(text(1e19), "10000000000000000000");
        assert_eq!(text(-1e19), "-1e+19");
        assert_eq!(text(1e21), "1e+21");
        assert_eq!(text(1e-7), "1e-07");
        assert_eq!(text(0.000001), "1e-06");
        assert_eq!(text(9_223_372_036_854_775_808.0), "9223372036854776000");
        assert_eq!(text(-9_223_372_036_854_775_808.0), "-9.223372036854776e+18");
    }
}
