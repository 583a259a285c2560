//! How yaml.v2 types a plain (unquoted) scalar: YAML 1.1's booleans (`yes`, `on`, `y`),
//! nulls (`~`), Go number syntax (`0x1F`, `0o17`, `0777`, `1_000`), `.inf`/`.nan`,
//! and timestamps. (The merge key `<<` is a plain string here, as in yaml.v2, whose
//! first-byte table has no entry for `<`; the decoder recognises merges by their text.)
//!
//! Reading uses it to type values; writing uses it to decide which strings need quotes
//! (a string that would read back as something else is quoted). One table serves both,
//! as in yaml.v2 (`resolve.go`).

use kelm_strconv::{parse_float, parse_int, parse_uint};

/// What yaml.v2 makes of a plain scalar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Resolved {
    /// `~`, `null`, `Null`, `NULL` or empty.
    Null,
    /// A YAML 1.1 boolean.
    Bool(bool),
    /// An integer that fits Go's `int` (64 bits).
    Int(i64),
    /// An integer beyond `int64` that fits `uint64`.
    Uint(u64),
    /// A float (including `.inf`, `-.inf`, `.nan`).
    Float(f64),
    /// A timestamp (`2001-12-14`, `2001-12-14T21:59:43.10-05:00`); yaml.v2 keeps these
    /// as strings when decoding into `interface{}`, but quotes them when writing.
    Timestamp,
    /// Anything else: a string.
    Str,
}

/// Types a plain scalar as yaml.v2's `resolve("", s)` does.
pub(crate) fn resolve_plain(s: &str) -> Resolved {
    // yaml.v2 first classifies by the first byte; scalars starting with anything else
    // are strings without further ado.
    let Some(&first) = s.as_bytes().first() else {
        return Resolved::Null;
    };
    let hint = match first {
        b'+' | b'-' => b'S',
        b'0'..=b'9' => b'D',
        b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~' => b'M',
        b'.' => b'.',
        // yaml.v2's table has no entry for `<`: its map's `<<` is never consulted,
        // and `<<` resolves (and prints, unquoted) as a string. Merge keys are
        // recognised by their text when decoding.
        _ => return Resolved::Str,
    };
    if let Some(r) = resolve_map(s) {
        return r;
    }
    match hint {
        b'.' => match parse_float(s, 64) {
            Ok(f) => Resolved::Float(f),
            Err(_) => Resolved::Str,
        },
        b'D' | b'S' => resolve_number(s),
        _ => Resolved::Str,
    }
}

/// The fixed words of YAML 1.1 that yaml.v2 knows.
fn resolve_map(s: &str) -> Option<Resolved> {
    Some(match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Resolved::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Resolved::Bool(false)
        }
        "~" | "null" | "Null" | "NULL" => Resolved::Null,
        ".nan" | ".NaN" | ".NAN" => Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Resolved::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Resolved::Float(f64::NEG_INFINITY),
        _ => return None,
    })
}

/// Scalars starting with a digit or a sign: timestamps, then Go integers (any base,
/// underscores ignored), then YAML-style floats, then `0b` binary.
fn resolve_number(s: &str) -> Resolved {
    if is_timestamp(s) {
        return Resolved::Timestamp;
    }
    let plain: std::borrow::Cow<'_, str> = if s.contains('_') {
        s.replace('_', "").into()
    } else {
        s.into()
    };
    if let Ok(i) = parse_int(&plain, 0, 64) {
        return Resolved::Int(i);
    }
    if let Ok(u) = parse_uint(&plain, 0, 64) {
        return Resolved::Uint(u);
    }
    if is_yaml_float(&plain)
        && let Ok(f) = parse_float(&plain, 64)
    {
        return Resolved::Float(f);
    }
    if let Some(bits) = plain.strip_prefix("0b") {
        if let Ok(i) = parse_int(bits, 2, 64) {
            return Resolved::Int(i);
        }
        if let Ok(u) = parse_uint(bits, 2, 64) {
            return Resolved::Uint(u);
        }
    } else if let Some(bits) = plain.strip_prefix("-0b")
        && let Ok(i) = parse_int(&format!("-{bits}"), 2, 64)
    {
        return Resolved::Int(i);
    }
    Resolved::Str
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, yaml.v2's float syntax.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Whether yaml.v2 reads `s` as a timestamp: four digits and a dash, then one of the
/// layouts it accepts (`2006-1-2T15:4:5.999999999Z07:00`, the same with `t`,
/// `2006-1-2 15:4:5.999999999`, `2006-1-2`), parsed with Go's `time.Parse` rules.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let Some((month, day, rest)) = date_tail(&s[5..]) else {
        return false;
    };
    if !valid_date(&s[..4], month, day) {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let mut chars = rest.chars();
    let sep = chars.next();
    let time = chars.as_str();
    match sep {
        Some('T' | 't') => parse_clock(time, true),
        Some(' ') => parse_clock(time, false),
        _ => false,
    }
}

/// `M-D` (one or two digits each, as Go's `1` and `2` layout elements take) and what
/// follows.
fn date_tail(s: &str) -> Option<(u32, u32, &str)> {
    let (month, rest) = one_or_two_digits(s)?;
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = one_or_two_digits(rest)?;
    Some((month, day, rest))
}

fn one_or_two_digits(s: &str) -> Option<(u32, &str)> {
    let b = s.as_bytes();
    let n = b.iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

fn valid_date(year: &str, month: u32, day: u32) -> bool {
    let Ok(year) = year.parse::<u32>() else {
        return false;
    };
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

/// `15:4:5.999999999` then, when `zone` is set, `Z07:00` (Go's `Z` or `±hh:mm`).
fn parse_clock(s: &str, zone: bool) -> bool {
    let Some((hour, rest)) = one_or_two_digits(s) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    let Some((minute, rest)) = one_or_two_digits(rest) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    let Some((second, mut rest)) = one_or_two_digits(rest) else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 59 {
        return false;
    }
    // Go accepts a fractional second after the seconds even when the layout's
    // fraction is optional (`.999999999`): a dot or comma and digits.
    if let Some(frac) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(',')) {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    if !zone {
        return rest.is_empty();
    }
    match rest.as_bytes() {
        [b'Z'] => true,
        // Go allows offsets up to 24 hours and 60 minutes ("as some people do write
        // offsets of 24 hours or 60 minutes").
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
                && (u32::from(h1 - b'0') * 10 + u32::from(h2 - b'0')) <= 24
                && (u32::from(m1 - b'0') * 10 + u32::from(m2 - b'0')) <= 60
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_1_1_words() {
        for (s, want) in [
            ("yes", Resolved::Bool(true)),
            ("On", Resolved::Bool(true)),
            ("y", Resolved::Bool(true)),
            ("NO", Resolved::Bool(false)),
            ("off", Resolved::Bool(false)),
            ("~", Resolved::Null),
            ("", Resolved::Null),
            ("<<", Resolved::Str),
            ("yess", Resolved::Str),
        ] {
            assert_eq!(resolve_plain(s), want, "{s:?}");
        }
    }

    #[test]
    fn numbers_as_go_parses_them() {
        for (s, want) in [
            ("0777", Resolved::Int(511)),
            ("0x1F", Resolved::Int(31)),
            ("0o17", Resolved::Int(15)),
            ("1_000", Resolved::Int(1000)),
            ("0b101", Resolved::Int(5)),
            ("-0b101", Resolved::Int(-5)),
            ("18446744073709551615", Resolved::Uint(u64::MAX)),
            ("1e3", Resolved::Float(1000.0)),
            (".5", Resolved::Float(0.5)),
            ("1.", Resolved::Float(1.0)),
            ("+1", Resolved::Int(1)),
            ("08", Resolved::Float(8.0)),
            ("1e", Resolved::Str),
            ("1:20", Resolved::Str),
        ] {
            assert_eq!(resolve_plain(s), want, "{s:?}");
        }
        assert!(matches!(resolve_plain(".nan"), Resolved::Float(f) if f.is_nan()));
    }

    #[test]
    fn timestamps() {
        for s in [
            "2001-12-14",
            "2001-1-2",
            "2001-12-14T21:59:43.10-05:00",
            "2001-12-14t21:59:43Z",
            "2001-12-14 21:59:43.10",
            "2001-12-14T21:59:43+24:00",
            "2001-12-14T21:59:43+23:60",
        ] {
            assert_eq!(resolve_plain(s), Resolved::Timestamp, "{s:?}");
        }
        for s in [
            "2001-13-14",
            "2001-02-30",
            "2001-12-14 21:59:43Z",
            "2001-12",
            "12001-12-14",
            "2001-12-14T21:59:43+25:00",
            "2001-12-14T21:59:43+23:61",
        ] {
            assert_ne!(resolve_plain(s), Resolved::Timestamp, "{s:?}");
        }
    }
}
