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
/// JSON order: map keys sorted bytewise, which is `Map`'s order), else the first
/// yaml.v2 reading error in the JSON text.
pub(super) fn check(value: &Value) -> Result<Checked, Error> {
    let mut c = Checker {
        yaml_error: None,
        line: 0,
    };
    c.walk(value, 1)?;
    match c.yaml_error {
        Some(msg) => Err(Error::new(msg, None)),
        None => Ok(Checked {
            has_nel: c.line > 0,
        }),
    }
}

struct Checker {
    yaml_error: Option<String>,
    /// The line of the JSON text yaml.v2 is on (0-based): the NELs so far.
    line: usize,
}

impl Checker {
    /// Records a yaml.v2 error unless an earlier one is recorded. yaml.v2 names the
    /// line (1-based for scanner errors, 0-based for parser errors) unless it is 0.
    fn yaml(&mut self, msg: &str, line: usize) {
        if self.yaml_error.is_none() {
            self.yaml_error = Some(if line == 0 {
                format!("yaml: {msg}")
            } else {
                format!("yaml: line {line}: {msg}")
            });
        }
    }

    /// A JSON string as yaml.v2's scanner reads it: characters its reader rejects, and
    /// lines started by NELs.
    fn string(&mut self, s: &str) {
        // Everything of interest starts with one of these bytes.
        if !s.bytes().any(|b| matches!(b, 0x7F | 0xC2 | 0xEF)) {
            return;
        }
        if has_forbidden_char(s) {
            self.yaml(CONTROL_CHARACTERS, 0);
        }
        if !s.contains(NEL) {
            return;
        }
        let mut rest = s;
        while let Some(i) = rest.find(NEL) {
            self.line += 1;
            rest = &rest[i + NEL.len_utf8()..];
            // Right after the break the scanner is at column 0.
            let b = rest.as_bytes();
            if (b.starts_with(b"---") || b.starts_with(b"..."))
                && (b.get(3) == Some(&b' ') || rest[3..].starts_with(NEL))
            {
                self.yaml(DOCUMENT_INDICATOR, self.line + 1);
            }
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
            Value::Seq(items) => {
                if depth > MAX_DEPTH {
                    self.yaml(
                        MAX_DEPTH_MSG,
                        if self.line == 0 { 0 } else { self.line + 1 },
                    );
                }
                for item in items {
                    stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.walk(item, depth + 1))?;
                }
                Ok(())
            }
            Value::Map(m) => {
                if depth > MAX_DEPTH {
                    self.yaml(
                        MAX_DEPTH_MSG,
                        if self.line == 0 { 0 } else { self.line + 1 },
                    );
                }
                for (k, item) in m {
                    let line = self.line;
                    self.string(k);
                    if self.line > line || json_string_chars(k) > 1022 {
                        self.yaml(NOT_A_SIMPLE_KEY, self.line);
                    }
                    stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.walk(item, depth + 1))?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
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
