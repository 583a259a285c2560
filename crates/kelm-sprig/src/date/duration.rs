//! Go's `time.Duration`: nanoseconds in an `int64`, with Go's `String`, `ParseDuration`,
//! `Round` and `Truncate`.

use super::layout::quote;
use super::time::less_than_half;

/// A Go `time.Duration`: a count of nanoseconds.
pub(crate) type Duration = i64;

pub(crate) const NANOSECOND: Duration = 1;
pub(crate) const MICROSECOND: Duration = 1000 * NANOSECOND;
pub(crate) const MILLISECOND: Duration = 1000 * MICROSECOND;
pub(crate) const SECOND: Duration = 1000 * MILLISECOND;
pub(crate) const MINUTE: Duration = 60 * SECOND;
pub(crate) const HOUR: Duration = 60 * MINUTE;
pub(crate) const MIN_DURATION: Duration = i64::MIN;
pub(crate) const MAX_DURATION: Duration = i64::MAX;

/// `d.String()`: `72h3m0.5s`, `1.5µs`, `0s`.
pub(crate) fn format(d: Duration) -> String {
    let mut buf = [0u8; 32];
    let mut w = buf.len();
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    if u < SECOND as u64 {
        // Less than a second: one unit, with a fraction.
        w -= 1;
        buf[w] = b's';
        w -= 1;
        let prec;
        if u == 0 {
            buf[w] = b'0';
            return String::from_utf8_lossy(&buf[w..]).into_owned();
        } else if u < MICROSECOND as u64 {
            prec = 0;
            buf[w] = b'n';
        } else if u < MILLISECOND as u64 {
            prec = 3;
            // U+00B5 'µ', two bytes.
            w -= 1;
            buf[w..w + 2].copy_from_slice("µ".as_bytes());
        } else {
            prec = 6;
            buf[w] = b'm';
        }
        (w, u) = fmt_frac(&mut buf, w, u, prec);
        w = fmt_int(&mut buf, w, u);
    } else {
        w -= 1;
        buf[w] = b's';
        (w, u) = fmt_frac(&mut buf, w, u, 9);
        w = fmt_int(&mut buf, w, u % 60);
        u /= 60;
        if u > 0 {
            w -= 1;
            buf[w] = b'm';
            w = fmt_int(&mut buf, w, u % 60);
            u /= 60;
            if u > 0 {
                w -= 1;
                buf[w] = b'h';
                w = fmt_int(&mut buf, w, u);
            }
        }
    }
    if neg {
        w -= 1;
        buf[w] = b'-';
    }
    String::from_utf8_lossy(&buf[w..]).into_owned()
}

/// Go's `fmtFrac`: writes the fraction of `v / 10^prec` (omitting trailing zeros, and
/// the point if nothing remains) before `w`; returns the new start and `v / 10^prec`.
fn fmt_frac(buf: &mut [u8], mut w: usize, mut v: u64, prec: usize) -> (usize, u64) {
    let mut print = false;
    for _ in 0..prec {
        let digit = v % 10;
        print = print || digit != 0;
        if print {
            w -= 1;
            buf[w] = digit as u8 + b'0';
        }
        v /= 10;
    }
    if print {
        w -= 1;
        buf[w] = b'.';
    }
    (w, v)
}

/// Go's `fmtInt`: writes `v` in decimal before `w`; returns the new start.
fn fmt_int(buf: &mut [u8], mut w: usize, mut v: u64) -> usize {
    if v == 0 {
        w -= 1;
        buf[w] = b'0';
    } else {
        while v > 0 {
            w -= 1;
            buf[w] = (v % 10) as u8 + b'0';
            v /= 10;
        }
    }
    w
}

/// `d.Truncate(m)`.
pub(crate) fn truncate(d: Duration, m: Duration) -> Duration {
    if m <= 0 {
        return d;
    }
    d - d % m
}

/// `d.Round(m)`: rounds half away from zero, saturating.
pub(crate) fn round(d: Duration, m: Duration) -> Duration {
    if m <= 0 {
        return d;
    }
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if less_than_half(r, m) {
            return d + r;
        }
        let d1 = d.wrapping_sub(m).wrapping_add(r);
        if d1 < d {
            return d1;
        }
        return MIN_DURATION;
    }
    if less_than_half(r, m) {
        return d - r;
    }
    let d1 = d.wrapping_add(m).wrapping_sub(r);
    if d1 > d {
        return d1;
    }
    MAX_DURATION
}

/// `d.Abs()`.
pub(crate) fn abs(d: Duration) -> Duration {
    if d >= 0 {
        d
    } else if d == MIN_DURATION {
        MAX_DURATION
    } else {
        -d
    }
}

/// `d.Seconds()`, `d.Minutes()`, `d.Hours()`: whole units plus the fraction.
pub(crate) fn in_units(d: Duration, unit: Duration) -> f64 {
    let whole = d / unit;
    let frac = d % unit;
    whole as f64 + frac as f64 / unit as f64
}

/// Go's `leadingInt`: the leading decimal digits, or `None` on overflow.
pub(crate) fn leading_int(s: &[u8]) -> Option<(u64, &[u8])> {
    let mut x: u64 = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if !c.is_ascii_digit() {
            break;
        }
        if x > (1 << 63) / 10 {
            return None;
        }
        x = x * 10 + u64::from(c - b'0');
        if x > 1 << 63 {
            return None;
        }
        i += 1;
    }
    Some((x, &s[i..]))
}

/// Go's `leadingFraction`: the leading digits after a point, as a value and a scale,
/// ignoring digits past what fits.
fn leading_fraction(s: &[u8]) -> (u64, f64, &[u8]) {
    let mut i = 0;
    let mut x: u64 = 0;
    let mut scale = 1.0;
    let mut overflow = false;
    while i < s.len() {
        let c = s[i];
        if !c.is_ascii_digit() {
            break;
        }
        i += 1;
        if overflow {
            continue;
        }
        if x > ((1u64 << 63) - 1) / 10 {
            overflow = true;
            continue;
        }
        let y = x * 10 + u64::from(c - b'0');
        if y > 1 << 63 {
            overflow = true;
            continue;
        }
        x = y;
        scale *= 10.0;
    }
    (x, scale, &s[i..])
}

/// The units `ParseDuration` knows.
fn unit(u: &[u8]) -> Option<u64> {
    Some(match u {
        b"ns" => NANOSECOND as u64,
        b"us" => MICROSECOND as u64,
        // U+00B5 (micro sign) and U+03BC (Greek mu).
        b"\xc2\xb5s" | b"\xce\xbcs" => MICROSECOND as u64,
        b"ms" => MILLISECOND as u64,
        b"s" => SECOND as u64,
        b"m" => MINUTE as u64,
        b"h" => HOUR as u64,
        _ => return None,
    })
}

/// `time.ParseDuration`, with Go's error messages.
pub(crate) fn parse(orig: &str) -> Result<Duration, String> {
    let invalid = || format!("time: invalid duration {}", quote(orig.as_bytes()));
    let mut s = orig.as_bytes();
    let mut d: u64 = 0;
    let mut neg = false;
    if let Some(&c) = s.first()
        && (c == b'-' || c == b'+')
    {
        neg = c == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        let pl = s.len();
        let (mut v, rest) = leading_int(s).ok_or_else(invalid)?;
        s = rest;
        let pre = pl != s.len();
        let mut post = false;
        let (mut f, mut scale) = (0u64, 1.0f64);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let pl = s.len();
            (f, scale, s) = leading_fraction(s);
            post = pl != s.len();
        }
        if !pre && !post {
            return Err(invalid());
        }
        let i = s
            .iter()
            .position(|&c| c == b'.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if i == 0 {
            return Err(format!(
                "time: missing unit in duration {}",
                quote(orig.as_bytes())
            ));
        }
        let u = &s[..i];
        s = &s[i..];
        let Some(unit) = unit(u) else {
            return Err(format!(
                "time: unknown unit {} in duration {}",
                quote(u),
                quote(orig.as_bytes())
            ));
        };
        if v > (1 << 63) / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            // float64 is needed to be nanosecond accurate for fractions of hours.
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        d += v;
        if d > 1 << 63 {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go's `durationTests` (`time/time_test.go`).
    #[test]
    fn format_matches_go_tests() {
        for (want, d) in [
            ("0s", 0),
            ("1ns", NANOSECOND),
            ("1.1µs", 1100 * NANOSECOND),
            ("2.2ms", 2200 * MICROSECOND),
            ("3.3s", 3300 * MILLISECOND),
            ("4m5s", 4 * MINUTE + 5 * SECOND),
            ("4m5.001s", 4 * MINUTE + 5001 * MILLISECOND),
            ("5h6m7.001s", 5 * HOUR + 6 * MINUTE + 7001 * MILLISECOND),
            ("8m0.000000001s", 8 * MINUTE + NANOSECOND),
            ("2562047h47m16.854775807s", i64::MAX),
            ("-2562047h47m16.854775808s", i64::MIN),
        ] {
            assert_eq!(format(d), want);
            if d > 0 {
                assert_eq!(format(-d), format!("-{want}"));
            }
        }
    }

    /// Go's `parseDurationTests` (`time/time_test.go`).
    #[test]
    fn parse_matches_go_tests() {
        for (s, want) in [
            ("0", 0),
            ("5s", 5 * SECOND),
            ("30s", 30 * SECOND),
            ("1478s", 1478 * SECOND),
            ("-5s", -5 * SECOND),
            ("+5s", 5 * SECOND),
            ("-0", 0),
            ("+0", 0),
            ("5.0s", 5 * SECOND),
            ("5.6s", 5 * SECOND + 600 * MILLISECOND),
            ("5.s", 5 * SECOND),
            (".5s", 500 * MILLISECOND),
            ("1.0s", SECOND),
            ("1.00s", SECOND),
            ("1.004s", SECOND + 4 * MILLISECOND),
            ("1.0040s", SECOND + 4 * MILLISECOND),
            ("100.00100s", 100 * SECOND + MILLISECOND),
            ("10ns", 10 * NANOSECOND),
            ("11us", 11 * MICROSECOND),
            ("12µs", 12 * MICROSECOND),
            ("12μs", 12 * MICROSECOND),
            ("13ms", 13 * MILLISECOND),
            ("14s", 14 * SECOND),
            ("15m", 15 * MINUTE),
            ("16h", 16 * HOUR),
            ("3h30m", 3 * HOUR + 30 * MINUTE),
            ("10.5s4m", 4 * MINUTE + 10 * SECOND + 500 * MILLISECOND),
            ("-2m3.4s", -(2 * MINUTE + 3 * SECOND + 400 * MILLISECOND)),
            (
                "1h2m3s4ms5us6ns",
                HOUR + 2 * MINUTE + 3 * SECOND + 4 * MILLISECOND + 5 * MICROSECOND + 6,
            ),
            (
                "39h9m14.425s",
                39 * HOUR + 9 * MINUTE + 14 * SECOND + 425 * MILLISECOND,
            ),
            ("52763797000ns", 52763797000 * NANOSECOND),
            ("0.3333333333333333333h", 20 * MINUTE),
            ("9007199254740993ns", (1 << 53) + 1),
            ("9223372036854775807ns", i64::MAX),
            ("9223372036854775.807us", i64::MAX),
            ("9223372036s854ms775us807ns", i64::MAX),
            ("-9223372036854775808ns", i64::MIN),
            ("-9223372036854775.808us", i64::MIN),
            ("-9223372036s854ms775us808ns", i64::MIN),
            ("-9223372036854775808ns", i64::MIN),
            ("-2562047h47m16.854775808s", i64::MIN),
            ("0.100000000000000000000h", 6 * MINUTE),
            (
                "0.830103483285477580700h",
                49 * MINUTE + 48 * SECOND + 372539827 * NANOSECOND,
            ),
        ] {
            assert_eq!(parse(s), Ok(want), "{s}");
        }
    }

    /// Go's `parseDurationErrorTests` (`time/time_test.go`): the error names the input,
    /// quoted with Go's `\x` escapes.
    #[test]
    fn parse_errors_match_go_tests() {
        for (s, quoted) in [
            ("", r#""""#),
            ("3", r#""3""#),
            ("-", r#""-""#),
            ("s", r#""s""#),
            (".", r#"".""#),
            ("-.", r#""-.""#),
            (".s", r#"".s""#),
            ("+.s", r#""+.s""#),
            ("1d", r#""1d""#),
            ("\u{FFFD}", r#""\xef\xbf\xbd""#),
            (
                "\u{FFFD} hello \u{FFFD} world",
                r#""\xef\xbf\xbd hello \xef\xbf\xbd world""#,
            ),
            ("9223372036854775810ns", r#""9223372036854775810ns""#),
            ("9223372036854775808ns", r#""9223372036854775808ns""#),
            ("-9223372036854775809ns", r#""-9223372036854775809ns""#),
            ("9223372036854776us", r#""9223372036854776us""#),
            ("3000000h", r#""3000000h""#),
            ("9223372036854775.808us", r#""9223372036854775.808us""#),
            (
                "9223372036854ms775us808ns",
                r#""9223372036854ms775us808ns""#,
            ),
        ] {
            let err = parse(s).expect_err(s);
            assert!(err.contains(quoted), "{s:?}: {err}");
        }
    }

    /// Go's `durationRoundTests` and `durationTruncateTests` (`time/time_test.go`).
    #[test]
    fn round_and_truncate_match_go_tests() {
        for (d, m, want) in [
            (0, SECOND, 0),
            (MINUTE, -11 * SECOND, MINUTE),
            (MINUTE, 0, MINUTE),
            (MINUTE, 1, MINUTE),
            (2 * MINUTE, MINUTE, 2 * MINUTE),
            (2 * MINUTE + 10 * SECOND, MINUTE, 2 * MINUTE),
            (2 * MINUTE + 30 * SECOND, MINUTE, 3 * MINUTE),
            (2 * MINUTE + 50 * SECOND, MINUTE, 3 * MINUTE),
            (-MINUTE, 1, -MINUTE),
            (-2 * MINUTE, MINUTE, -2 * MINUTE),
            (-2 * MINUTE - 10 * SECOND, MINUTE, -2 * MINUTE),
            (-2 * MINUTE - 30 * SECOND, MINUTE, -3 * MINUTE),
            (-2 * MINUTE - 50 * SECOND, MINUTE, -3 * MINUTE),
            (8e18 as i64, 3e18 as i64, 9e18 as i64),
            (9e18 as i64, 5e18 as i64, MAX_DURATION),
            (-8e18 as i64, 3e18 as i64, -9e18 as i64),
            (-9e18 as i64, 5e18 as i64, MIN_DURATION),
            ((3 << 61) - 1, 3 << 61, 3 << 61),
        ] {
            assert_eq!(round(d, m), want, "round({d}, {m})");
        }
        for (d, m, want) in [
            (0, SECOND, 0),
            (MINUTE, -7 * SECOND, MINUTE),
            (MINUTE, 0, MINUTE),
            (MINUTE, 1, MINUTE),
            (MINUTE + 10 * SECOND, 10 * SECOND, MINUTE + 10 * SECOND),
            (2 * MINUTE + 10 * SECOND, MINUTE, 2 * MINUTE),
            (10 * MINUTE + 10 * SECOND, 3 * MINUTE, 9 * MINUTE),
            (MINUTE + 10 * SECOND, MINUTE + 10 * SECOND + 1, 0),
            (MINUTE + 10 * SECOND, HOUR, 0),
            (-MINUTE, SECOND, -MINUTE),
            (-10 * MINUTE, 3 * MINUTE, -9 * MINUTE),
            (-10 * MINUTE, HOUR, 0),
        ] {
            assert_eq!(truncate(d, m), want, "truncate({d}, {m})");
        }
    }
}
