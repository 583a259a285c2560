//! Machine-readable output (`-o json|yaml`) printed the way Helm's `pkg/cli/output`
//! prints it.
//!
//! JSON follows Go's `json.NewEncoder(w).Encode(v)`: compact, HTML-escaped, one trailing
//! newline. YAML follows `sigs.k8s.io/yaml.Marshal` for flat maps of strings, the only
//! shape kelm prints so far; the full Go-compatible YAML emitter belongs in a YAML crate
//! of its own when charts need it.

use std::io::{self, Write};

use serde::Serialize;

/// An `-o/--output` format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `json`
    Json,
    /// `yaml`
    Yaml,
}

impl Format {
    /// Parses a format name; the error is Helm's text for an unknown one.
    pub fn parse(name: &str) -> Result<Format, &'static str> {
        match name {
            "json" => Ok(Format::Json),
            "yaml" => Ok(Format::Yaml),
            _ => Err("invalid format type"),
        }
    }
}

/// Writes `value` as Go's `json.Encoder.Encode` does.
pub fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut buf = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut buf,
        GoJsonFormatter,
    ))?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// serde_json's compact output plus the escapes Go adds by default: `<`, `>` and `&`
/// (HTML safety) and U+2028/U+2029 (JavaScript line terminators). serde_json already
/// escapes control characters exactly as Go does (`\b \f \n \r \t`, else `\u00xx`).
struct GoJsonFormatter;

impl serde_json::ser::Formatter for GoJsonFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let escape = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[start..i])?;
            w.write_all(escape.as_bytes())?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// Writes a flat map of strings as `sigs.k8s.io/yaml.Marshal` prints it: one `key: value`
/// line per entry, keys in yaml.v2's sort order.
///
/// Keys must be lowercase ASCII letters and underscores, for which yaml.v2's order is
/// plain byte order; anything else is a bug in the caller.
pub fn write_flat_yaml<'a>(
    out: &mut dyn Write,
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> io::Result<()> {
    let mut entries: Vec<(&str, &str)> = entries.into_iter().collect();
    assert!(
        entries
            .iter()
            .all(|(k, _)| !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')),
        "write_flat_yaml supports only lowercase snake_case keys"
    );
    entries.sort_unstable();
    let mut text = String::new();
    for (key, value) in entries {
        text.push_str(key);
        text.push_str(": ");
        text.push_str(&yaml_string(value));
        text.push('\n');
    }
    out.write_all(text.as_bytes())
}

/// A string scalar as yaml.v2 emits it in block context.
///
/// Exact for strings of ASCII letters, digits and `._+-/` (every value kelm prints so
/// far): plain unless YAML 1.1 would read the plain text back as something other than
/// a string, then double-quoted. Other strings are double-quoted with JSON escapes,
/// which YAML reads back identically but yaml.v2 may have styled differently.
fn yaml_string(s: &str) -> String {
    let simple = s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"._+-/".contains(&b));
    if !simple || resolves_to_non_string(s) {
        return serde_json::to_string(s).expect("a string always serializes");
    }
    // Plain text that would start a sequence entry or a document marker.
    if s == "-" || s.starts_with("---") || s.starts_with("...") {
        return format!("'{s}'");
    }
    s.to_string()
}

/// Whether yaml.v2's resolver gives plain scalar `s` a tag other than `!!str`
/// (go-yaml v2 `resolve.go`), for strings of the characters [`yaml_string`] emits plain.
fn resolves_to_non_string(s: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
        "-.Inf", "-.INF",
    ];
    if SPECIAL.contains(&s) {
        return true;
    }
    match s.as_bytes()[0] {
        b'.' => is_go_float(s),
        b'0'..=b'9' | b'+' | b'-' => {
            if is_yaml_date(s) {
                return true;
            }
            let plain = s.replace('_', "");
            if is_go_int(&plain) || (is_yaml_style_float(&plain) && is_go_float(&plain)) {
                return true;
            }
            match plain
                .strip_prefix("0b")
                .or_else(|| plain.strip_prefix("-0b"))
            {
                Some(bits) => i64::from_str_radix(bits, 2).is_ok(),
                None => false,
            }
        }
        _ => false,
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` succeeds (no underscores).
fn is_go_int(s: &str) -> bool {
    let (negative, unsigned) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = match unsigned.get(..2) {
        Some("0x" | "0X") => (16, &unsigned[2..]),
        Some("0o" | "0O") => (8, &unsigned[2..]),
        Some("0b" | "0B") => (2, &unsigned[2..]),
        _ if unsigned.len() > 1 && unsigned.starts_with('0') => (8, &unsigned[1..]),
        _ => (10, unsigned),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return false;
    }
    match u128::from_str_radix(digits, radix) {
        Ok(n) if negative => n <= 1u128 << 63,
        Ok(n) if s.starts_with('+') => n <= i64::MAX as u128,
        Ok(n) => n <= u64::MAX as u128,
        Err(_) => false,
    }
}

/// yaml.v2's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_style_float(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => digits(frac),
        Some((int, frac)) => digits(int) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

/// Go's `strconv.ParseFloat(s, 64)` succeeds for a decimal `s`: it parses and does not
/// overflow (Go reports overflow as an error; Rust returns infinity).
fn is_go_float(s: &str) -> bool {
    let digits_only = s
        .bytes()
        .all(|b| b.is_ascii_digit() || b".eE+-".contains(&b));
    digits_only && s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Whether `s` is a date yaml.v2 reads as a timestamp: Go layout `2006-1-2`.
fn is_yaml_date(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let num = |t: &str, max_len: usize| -> Option<u32> {
        let ok = (1..=max_len).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if ok { t.parse().ok() } else { None }
    };
    let (Some(year), Some(month), Some(day)) =
        (num(y, 4).filter(|_| y.len() == 4), num(m, 2), num(d, 2))
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        write_json(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_escapes_like_go() {
        assert_eq!(
            json(&"a<b>&c\u{2028}\u{2029}é"),
            "\"a\\u003cb\\u003e\\u0026c\\u2028\\u2029é\"\n"
        );
        assert_eq!(
            json(&"\u{8}\u{c}\n\r\t\u{1}\u{1f}\"\\"),
            "\"\\b\\f\\n\\r\\t\\u0001\\u001f\\\"\\\\\"\n"
        );
    }

    // Expected styles below were printed by sigs.k8s.io/yaml 1.3.0 over go-yaml v2.4.0.

    #[test]
    fn yaml_plain_strings_stay_plain() {
        for s in [
            "v0.1.0",
            "clean",
            "dirty",
            "go1.25",
            "v1.35",
            "05fa37973dc9e42b76e1d2883494c87174b6074f",
            "1.2.3",
            "0x",
            "1e",
            "2001-13-01",
            "2001-02-29",
            "+",
            ".",
        ] {
            assert_eq!(yaml_string(s), s, "{s}");
        }
    }

    #[test]
    fn yaml_quotes_what_would_read_back_as_another_type() {
        for s in [
            "",
            "yes",
            "No",
            "ON",
            "null",
            "~",
            "123",
            "0123",
            "019",
            "0x1F",
            "0o17",
            "0b101",
            "-0b101",
            "+12",
            "-12",
            "1_000",
            "1.5",
            ".5",
            "1e10",
            "1E+10",
            "-.inf",
            ".NaN",
            "2001-02-28",
            "2000-02-29",
            "2001-1-2",
            "9223372036854775807",
            "18446744073709551615",
            "18446744073709551616",
            "1234567890123456789012345678901234567890",
            "1.",
            "+.5",
            "-1e-3",
            "0",
            "00",
            "1_0.5",
        ] {
            assert_eq!(yaml_string(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn yaml_single_quotes_indicators() {
        assert_eq!(yaml_string("-"), "'-'");
        assert_eq!(yaml_string("---"), "'---'");
        assert_eq!(yaml_string("..."), "'...'");
    }

    #[test]
    fn yaml_keeps_overflowing_floats_plain() {
        // Go's ParseFloat fails on overflow, so yaml.v2 keeps these strings.
        assert_eq!(yaml_string("1e400"), "1e400");
        assert_eq!(yaml_string("123e456789"), "123e456789");
    }

    #[test]
    fn yaml_map_is_sorted() {
        let mut out = Vec::new();
        write_flat_yaml(
            &mut out,
            [
                ("version", "v1"),
                ("git_commit", "abc"),
                ("go_version", "go1.25"),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "git_commit: abc\ngo_version: go1.25\nversion: v1\n"
        );
    }
}
