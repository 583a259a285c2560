//! Go's time layouts: `Time.Format` and `time.Parse`/`ParseInLocation` by example
//! (`2006-01-02 15:04:05.999999999 -0700 MST`), with Go 1.25's rules and error texts.
//!
//! Layouts and values are handled as bytes, as Go does: a layout chunk can end in the
//! middle of a multi-byte character of a value, and error messages quote the pieces with
//! Go's `\x` escapes.

use super::duration::leading_int;
use super::time::{
    Loc, SECONDS_PER_DAY, Time, abs_clock, abs_days_date, abs_days_weekday, abs_days_year_yday,
    days_before, days_in, is_leap,
};

pub(crate) const LONG_DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const SHORT_DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SHORT_MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
pub(crate) const LONG_MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// Layout elements, numbered as Go numbers them: the low bits name the element, bit 8
// to 10 say which calendar fields it needs, and fractional seconds carry their digit
// count from bit 16 and their separator at bit 28.
const STD_NEED_DATE: i32 = 1 << 8;
const STD_NEED_YDAY: i32 = 1 << 9;
const STD_NEED_CLOCK: i32 = 1 << 10;
const STD_ARG_SHIFT: i32 = 16;
const STD_SEPARATOR_SHIFT: i32 = 28;
const STD_MASK: i32 = (1 << STD_ARG_SHIFT) - 1;

const STD_LONG_MONTH: i32 = 1 + STD_NEED_DATE; // "January"
const STD_MONTH: i32 = 2 + STD_NEED_DATE; // "Jan"
const STD_NUM_MONTH: i32 = 3 + STD_NEED_DATE; // "1"
const STD_ZERO_MONTH: i32 = 4 + STD_NEED_DATE; // "01"
const STD_LONG_WEEK_DAY: i32 = 5 + STD_NEED_DATE; // "Monday"
const STD_WEEK_DAY: i32 = 6 + STD_NEED_DATE; // "Mon"
const STD_DAY: i32 = 7 + STD_NEED_DATE; // "2"
const STD_UNDER_DAY: i32 = 8 + STD_NEED_DATE; // "_2"
const STD_ZERO_DAY: i32 = 9 + STD_NEED_DATE; // "02"
const STD_UNDER_YEAR_DAY: i32 = 10 + STD_NEED_YDAY; // "__2"
const STD_ZERO_YEAR_DAY: i32 = 11 + STD_NEED_YDAY; // "002"
const STD_HOUR: i32 = 12 + STD_NEED_CLOCK; // "15"
const STD_HOUR12: i32 = 13 + STD_NEED_CLOCK; // "3"
const STD_ZERO_HOUR12: i32 = 14 + STD_NEED_CLOCK; // "03"
const STD_MINUTE: i32 = 15 + STD_NEED_CLOCK; // "4"
const STD_ZERO_MINUTE: i32 = 16 + STD_NEED_CLOCK; // "04"
const STD_SECOND: i32 = 17 + STD_NEED_CLOCK; // "5"
const STD_ZERO_SECOND: i32 = 18 + STD_NEED_CLOCK; // "05"
const STD_LONG_YEAR: i32 = 19 + STD_NEED_DATE; // "2006"
const STD_YEAR: i32 = 20 + STD_NEED_DATE; // "06"
const STD_PM: i32 = 21 + STD_NEED_CLOCK; // "PM"
const STD_PM_LOWER: i32 = 22 + STD_NEED_CLOCK; // "pm"
const STD_TZ: i32 = 23; // "MST"
const STD_ISO8601_TZ: i32 = 24; // "Z0700"
const STD_ISO8601_SECONDS_TZ: i32 = 25; // "Z070000"
const STD_ISO8601_SHORT_TZ: i32 = 26; // "Z07"
const STD_ISO8601_COLON_TZ: i32 = 27; // "Z07:00"
const STD_ISO8601_COLON_SECONDS_TZ: i32 = 28; // "Z07:00:00"
const STD_NUM_TZ: i32 = 29; // "-0700"
const STD_NUM_SECONDS_TZ: i32 = 30; // "-070000"
const STD_NUM_SHORT_TZ: i32 = 31; // "-07"
const STD_NUM_COLON_TZ: i32 = 32; // "-07:00"
const STD_NUM_COLON_SECONDS_TZ: i32 = 33; // "-07:00:00"
const STD_FRAC_SECOND0: i32 = 34; // ".0", ".00", ... trailing zeros kept
const STD_FRAC_SECOND9: i32 = 35; // ".9", ".99", ... trailing zeros dropped

/// `0x` elements by their second digit (`01` to `06`).
const STD_0X: [i32; 6] = [
    STD_ZERO_MONTH,
    STD_ZERO_DAY,
    STD_ZERO_HOUR12,
    STD_ZERO_MINUTE,
    STD_ZERO_SECOND,
    STD_YEAR,
];

fn starts_with_lower_case(s: &[u8]) -> bool {
    s.first().is_some_and(u8::is_ascii_lowercase)
}

fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

fn std_frac_second(code: i32, n: usize, c: u8) -> i32 {
    let v = code | ((n as i32 & 0xfff) << STD_ARG_SHIFT);
    if c == b'.' {
        v
    } else {
        v | 1 << STD_SEPARATOR_SHIFT
    }
}

fn digits_len(std: i32) -> usize {
    ((std >> STD_ARG_SHIFT) & 0xfff) as usize
}

fn separator(std: i32) -> u8 {
    if std >> STD_SEPARATOR_SHIFT == 0 {
        b'.'
    } else {
        b','
    }
}

/// Go's `nextStdChunk`: the text before the first layout element, the element (0 for
/// none) and the rest of the layout.
fn next_std_chunk(layout: &[u8]) -> (&[u8], i32, &[u8]) {
    let at = |i: usize, s: &[u8]| layout.len() >= i + s.len() && &layout[i..i + s.len()] == s;
    for i in 0..layout.len() {
        let c = layout[i];
        match c {
            b'J' if at(i, b"Jan") => {
                if at(i, b"January") {
                    return (&layout[..i], STD_LONG_MONTH, &layout[i + 7..]);
                }
                if !starts_with_lower_case(&layout[i + 3..]) {
                    return (&layout[..i], STD_MONTH, &layout[i + 3..]);
                }
            }
            b'M' if layout.len() >= i + 3 => {
                if at(i, b"Mon") {
                    if at(i, b"Monday") {
                        return (&layout[..i], STD_LONG_WEEK_DAY, &layout[i + 6..]);
                    }
                    if !starts_with_lower_case(&layout[i + 3..]) {
                        return (&layout[..i], STD_WEEK_DAY, &layout[i + 3..]);
                    }
                }
                if at(i, b"MST") {
                    return (&layout[..i], STD_TZ, &layout[i + 3..]);
                }
            }
            b'0' => {
                if layout.len() >= i + 2 && (b'1'..=b'6').contains(&layout[i + 1]) {
                    return (
                        &layout[..i],
                        STD_0X[usize::from(layout[i + 1] - b'1')],
                        &layout[i + 2..],
                    );
                }
                if layout.len() >= i + 3 && layout[i + 1] == b'0' && layout[i + 2] == b'2' {
                    return (&layout[..i], STD_ZERO_YEAR_DAY, &layout[i + 3..]);
                }
            }
            b'1' => {
                if layout.len() >= i + 2 && layout[i + 1] == b'5' {
                    return (&layout[..i], STD_HOUR, &layout[i + 2..]);
                }
                return (&layout[..i], STD_NUM_MONTH, &layout[i + 1..]);
            }
            b'2' => {
                if at(i, b"2006") {
                    return (&layout[..i], STD_LONG_YEAR, &layout[i + 4..]);
                }
                return (&layout[..i], STD_DAY, &layout[i + 1..]);
            }
            b'_' => {
                if layout.len() >= i + 2 && layout[i + 1] == b'2' {
                    // _2006 is really a literal _, followed by stdLongYear.
                    if at(i + 1, b"2006") {
                        return (&layout[..i + 1], STD_LONG_YEAR, &layout[i + 5..]);
                    }
                    return (&layout[..i], STD_UNDER_DAY, &layout[i + 2..]);
                }
                if layout.len() >= i + 3 && layout[i + 1] == b'_' && layout[i + 2] == b'2' {
                    return (&layout[..i], STD_UNDER_YEAR_DAY, &layout[i + 3..]);
                }
            }
            b'3' => return (&layout[..i], STD_HOUR12, &layout[i + 1..]),
            b'4' => return (&layout[..i], STD_MINUTE, &layout[i + 1..]),
            b'5' => return (&layout[..i], STD_SECOND, &layout[i + 1..]),
            b'P' if layout.len() >= i + 2 && layout[i + 1] == b'M' => {
                return (&layout[..i], STD_PM, &layout[i + 2..]);
            }
            b'p' if layout.len() >= i + 2 && layout[i + 1] == b'm' => {
                return (&layout[..i], STD_PM_LOWER, &layout[i + 2..]);
            }
            b'-' => {
                for (pat, std) in [
                    (&b"-070000"[..], STD_NUM_SECONDS_TZ),
                    (b"-07:00:00", STD_NUM_COLON_SECONDS_TZ),
                    (b"-0700", STD_NUM_TZ),
                    (b"-07:00", STD_NUM_COLON_TZ),
                    (b"-07", STD_NUM_SHORT_TZ),
                ] {
                    if at(i, pat) {
                        return (&layout[..i], std, &layout[i + pat.len()..]);
                    }
                }
            }
            b'Z' => {
                for (pat, std) in [
                    (&b"Z070000"[..], STD_ISO8601_SECONDS_TZ),
                    (b"Z07:00:00", STD_ISO8601_COLON_SECONDS_TZ),
                    (b"Z0700", STD_ISO8601_TZ),
                    (b"Z07:00", STD_ISO8601_COLON_TZ),
                    (b"Z07", STD_ISO8601_SHORT_TZ),
                ] {
                    if at(i, pat) {
                        return (&layout[..i], std, &layout[i + pat.len()..]);
                    }
                }
            }
            // ,000 or .000 or ,999 or .999: repeated digits for fractional seconds.
            b'.' | b','
                if i + 1 < layout.len() && (layout[i + 1] == b'0' || layout[i + 1] == b'9') =>
            {
                let ch = layout[i + 1];
                let mut j = i + 1;
                while j < layout.len() && layout[j] == ch {
                    j += 1;
                }
                // String of digits must end here: only fractional second if all
                // digits are the same.
                if !is_digit(layout, j) {
                    let code = if ch == b'9' {
                        STD_FRAC_SECOND9
                    } else {
                        STD_FRAC_SECOND0
                    };
                    let std = std_frac_second(code, j - (i + 1), c);
                    return (&layout[..i], std, &layout[j..]);
                }
            }
            _ => {}
        }
    }
    (layout, 0, &[])
}

/// Go's `appendInt`: `x` in decimal, zero-padded to `width` digits.
fn append_int(b: &mut Vec<u8>, x: i64, width: usize) {
    let mut u = x as u64;
    if x < 0 {
        b.push(b'-');
        u = x.unsigned_abs();
    }
    let digits = u.to_string();
    for _ in digits.len()..width {
        b.push(b'0');
    }
    b.extend_from_slice(digits.as_bytes());
}

/// Go's `appendNano`: the fractional second for a `.000`/`.999` element.
fn append_nano(b: &mut Vec<u8>, nanosec: i64, std: i32) {
    let trim = std & STD_MASK == STD_FRAC_SECOND9;
    let n = digits_len(std);
    if trim && (n == 0 || nanosec == 0) {
        return;
    }
    let dot = separator(std);
    b.push(dot);
    let start = b.len();
    append_int(b, nanosec, 9);
    if n < 9 {
        b.truncate(start + n);
    }
    if trim {
        while b.last() == Some(&b'0') {
            b.pop();
        }
        if b.last() == Some(&dot) {
            b.pop();
        }
    }
}

/// `t.Format(layout)`.
pub(crate) fn format(t: &Time, layout: &str) -> String {
    let b = append_format(t, Vec::with_capacity(layout.len() + 10), layout.as_bytes());
    match String::from_utf8(b) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// `t.AppendFormat(b, layout)`.
pub(crate) fn append_format(t: &Time, mut b: Vec<u8>, mut layout: &[u8]) -> Vec<u8> {
    let (name, offset, abs) = t.locabs();
    let days = abs / SECONDS_PER_DAY as u64;
    let (mut year, mut month, mut day) = (-1i64, 0i64, 0i64);
    let mut yday = -1i64;
    let (mut hour, mut min, mut sec) = (-1i64, 0i64, 0i64);
    while !layout.is_empty() {
        let (prefix, std, suffix) = next_std_chunk(layout);
        b.extend_from_slice(prefix);
        if std == 0 {
            break;
        }
        layout = suffix;

        if year < 0 && std & STD_NEED_DATE != 0 {
            (year, month, day) = abs_days_date(days);
        }
        if yday < 0 && std & STD_NEED_YDAY != 0 {
            yday = abs_days_year_yday(days).1;
        }
        if hour < 0 && std & STD_NEED_CLOCK != 0 {
            (hour, min, sec) = abs_clock(abs);
        }

        match std & STD_MASK {
            STD_YEAR => append_int(&mut b, year.wrapping_abs() % 100, 2),
            STD_LONG_YEAR => append_int(&mut b, year, 4),
            STD_MONTH => b.extend_from_slice(&month_string(month).as_bytes()[..3]),
            STD_LONG_MONTH => b.extend_from_slice(month_string(month).as_bytes()),
            STD_NUM_MONTH => append_int(&mut b, month, 0),
            STD_ZERO_MONTH => append_int(&mut b, month, 2),
            STD_WEEK_DAY => {
                b.extend_from_slice(&weekday_string(abs_days_weekday(days)).as_bytes()[..3])
            }
            STD_LONG_WEEK_DAY => {
                b.extend_from_slice(weekday_string(abs_days_weekday(days)).as_bytes())
            }
            STD_DAY => append_int(&mut b, day, 0),
            STD_UNDER_DAY => {
                if day < 10 {
                    b.push(b' ');
                }
                append_int(&mut b, day, 0);
            }
            STD_ZERO_DAY => append_int(&mut b, day, 2),
            STD_UNDER_YEAR_DAY => {
                if yday < 100 {
                    b.push(b' ');
                    if yday < 10 {
                        b.push(b' ');
                    }
                }
                append_int(&mut b, yday, 0);
            }
            STD_ZERO_YEAR_DAY => append_int(&mut b, yday, 3),
            STD_HOUR => append_int(&mut b, hour, 2),
            STD_HOUR12 | STD_ZERO_HOUR12 => {
                let mut hr = hour % 12;
                if hr == 0 {
                    hr = 12;
                }
                append_int(&mut b, hr, if std == STD_HOUR12 { 0 } else { 2 });
            }
            STD_MINUTE => append_int(&mut b, min, 0),
            STD_ZERO_MINUTE => append_int(&mut b, min, 2),
            STD_SECOND => append_int(&mut b, sec, 0),
            STD_ZERO_SECOND => append_int(&mut b, sec, 2),
            STD_PM => b.extend_from_slice(if hour >= 12 { b"PM" } else { b"AM" }),
            STD_PM_LOWER => b.extend_from_slice(if hour >= 12 { b"pm" } else { b"am" }),
            STD_ISO8601_TZ
            | STD_ISO8601_COLON_TZ
            | STD_ISO8601_SECONDS_TZ
            | STD_ISO8601_SHORT_TZ
            | STD_ISO8601_COLON_SECONDS_TZ
            | STD_NUM_TZ
            | STD_NUM_COLON_TZ
            | STD_NUM_SECONDS_TZ
            | STD_NUM_SHORT_TZ
            | STD_NUM_COLON_SECONDS_TZ => {
                let iso = matches!(
                    std,
                    STD_ISO8601_TZ
                        | STD_ISO8601_COLON_TZ
                        | STD_ISO8601_SECONDS_TZ
                        | STD_ISO8601_SHORT_TZ
                        | STD_ISO8601_COLON_SECONDS_TZ
                );
                if offset == 0 && iso {
                    b.push(b'Z');
                    continue;
                }
                let mut zone = offset / 60;
                let mut absoffset = offset;
                if zone < 0 {
                    b.push(b'-');
                    zone = -zone;
                    absoffset = -absoffset;
                } else {
                    b.push(b'+');
                }
                append_int(&mut b, zone / 60, 2);
                if matches!(
                    std,
                    STD_ISO8601_COLON_TZ
                        | STD_NUM_COLON_TZ
                        | STD_ISO8601_COLON_SECONDS_TZ
                        | STD_NUM_COLON_SECONDS_TZ
                ) {
                    b.push(b':');
                }
                if std != STD_NUM_SHORT_TZ && std != STD_ISO8601_SHORT_TZ {
                    append_int(&mut b, zone % 60, 2);
                }
                if matches!(
                    std,
                    STD_ISO8601_SECONDS_TZ
                        | STD_NUM_SECONDS_TZ
                        | STD_NUM_COLON_SECONDS_TZ
                        | STD_ISO8601_COLON_SECONDS_TZ
                ) {
                    if std == STD_NUM_COLON_SECONDS_TZ || std == STD_ISO8601_COLON_SECONDS_TZ {
                        b.push(b':');
                    }
                    append_int(&mut b, absoffset % 60, 2);
                }
            }
            STD_TZ => {
                if !name.is_empty() {
                    b.extend_from_slice(name.as_bytes());
                    continue;
                }
                // No abbreviation: the numeric offset, -0700 style.
                let mut zone = offset / 60;
                if zone < 0 {
                    b.push(b'-');
                    zone = -zone;
                } else {
                    b.push(b'+');
                }
                append_int(&mut b, zone / 60, 2);
                append_int(&mut b, zone % 60, 2);
            }
            STD_FRAC_SECOND0 | STD_FRAC_SECOND9 => append_nano(&mut b, t.nanosecond(), std),
            _ => {}
        }
    }
    b
}

/// `time.Month.String()`.
pub(crate) fn month_string(m: i64) -> String {
    if (1..=12).contains(&m) {
        LONG_MONTH_NAMES[(m - 1) as usize].to_string()
    } else {
        format!("%!Month({})", m as u64)
    }
}

/// `time.Weekday.String()`.
pub(crate) fn weekday_string(d: i64) -> String {
    if (0..=6).contains(&d) {
        LONG_DAY_NAMES[d as usize].to_string()
    } else {
        format!("%!Weekday({})", d as u64)
    }
}

/// The `time` package's own `quote`: ASCII as is (escaping `"` and `\`), every other
/// byte of a non-ASCII or control character as `\xNN`.
pub(crate) fn quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for &c in s {
        if !(b' '..0x80).contains(&c) {
            out.push_str(&format!("\\x{c:02x}"));
        } else {
            if c == b'"' || c == b'\\' {
                out.push('\\');
            }
            out.push(char::from(c));
        }
    }
    out.push('"');
    out
}

/// Go's `ParseError`, as its `Error()` prints it.
fn parse_error(
    layout: &[u8],
    value: &[u8],
    layout_elem: &[u8],
    value_elem: &[u8],
    message: &str,
) -> String {
    if message.is_empty() {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(value),
            quote(layout),
            quote(value_elem),
            quote(layout_elem)
        )
    } else {
        format!("parsing time {}{}", quote(value), message)
    }
}

/// Go's `match`: ASCII case-insensitive equality of equal-length byte strings.
fn match_fold(s1: &[u8], s2: &[u8]) -> bool {
    s1.iter().zip(s2).all(|(&a, &b)| {
        if a == b {
            return true;
        }
        let (a, b) = (a | 0x20, b | 0x20);
        a == b && a.is_ascii_lowercase()
    })
}

/// Go's `lookup`: which name of `tab` `val` starts with (ignoring ASCII case).
fn lookup<'a>(tab: &[&str], val: &'a [u8]) -> Option<(i64, &'a [u8])> {
    for (i, v) in tab.iter().enumerate() {
        let v = v.as_bytes();
        if val.len() >= v.len() && match_fold(&val[..v.len()], v) {
            return Some((i as i64, &val[v.len()..]));
        }
    }
    None
}

/// Go's `getnum`: one or two digits (exactly two when `fixed`).
fn getnum(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    if !is_digit(s, 0) {
        return None;
    }
    if !is_digit(s, 1) {
        if fixed {
            return None;
        }
        return Some((i64::from(s[0] - b'0'), &s[1..]));
    }
    Some((
        i64::from(s[0] - b'0') * 10 + i64::from(s[1] - b'0'),
        &s[2..],
    ))
}

/// Go's `getnum3`: one to three digits (exactly three when `fixed`).
fn getnum3(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    let mut n = 0i64;
    let mut i = 0;
    while i < 3 && is_digit(s, i) {
        n = n * 10 + i64::from(s[i] - b'0');
        i += 1;
    }
    if i == 0 || fixed && i != 3 {
        return None;
    }
    Some((n, &s[i..]))
}

fn cutspace(mut s: &[u8]) -> &[u8] {
    while let [b' ', rest @ ..] = s {
        s = rest;
    }
    s
}

/// Go's `skip`: matches the literal text `prefix` (any run of spaces matching any run).
fn skip<'a>(mut value: &'a [u8], mut prefix: &[u8]) -> Result<&'a [u8], &'a [u8]> {
    while !prefix.is_empty() {
        if prefix[0] == b' ' {
            if !value.is_empty() && value[0] != b' ' {
                return Err(value);
            }
            prefix = cutspace(prefix);
            value = cutspace(value);
            continue;
        }
        if value.is_empty() || value[0] != prefix[0] {
            return Err(value);
        }
        prefix = &prefix[1..];
        value = &value[1..];
    }
    Ok(value)
}

/// Go's `atoi` for the time package: an optionally signed decimal.
fn atoi(s: &[u8]) -> Option<i64> {
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (q, rem) = leading_int(s)?;
    if !rem.is_empty() {
        return None;
    }
    let x = q as i64;
    Some(if neg { x.wrapping_neg() } else { x })
}

fn comma_or_period(b: u8) -> bool {
    b == b'.' || b == b','
}

/// Go's `parseNanoseconds`: a separator and up to nine digits (more are ignored).
/// `Err(Some(msg))` is a range error, `Err(None)` a syntax error.
fn parse_nanoseconds(value: &[u8], mut nbytes: usize) -> Result<i64, Option<&'static str>> {
    if !comma_or_period(value[0]) {
        return Err(None);
    }
    let value = if nbytes > 10 {
        nbytes = 10;
        &value[..10]
    } else {
        value
    };
    let mut ns = atoi(&value[1..nbytes]).ok_or(None)?;
    if ns < 0 {
        return Err(Some("fractional second"));
    }
    for _ in 0..10 - nbytes {
        ns *= 10;
    }
    Ok(ns)
}

/// Go's `parseTimeZone`: the length of a zone abbreviation at the start of `value`.
fn parse_time_zone(value: &[u8]) -> Option<usize> {
    if value.len() < 3 {
        return None;
    }
    if value.len() >= 4 && (&value[..4] == b"ChST" || &value[..4] == b"MeST") {
        return Some(4);
    }
    if &value[..3] == b"GMT" {
        return Some(parse_gmt(value));
    }
    if value[0] == b'+' || value[0] == b'-' {
        let length = parse_signed_offset(value);
        return (length > 0).then_some(length);
    }
    let mut n_upper = 0;
    while n_upper < 6 {
        if n_upper >= value.len() || !value[n_upper].is_ascii_uppercase() {
            break;
        }
        n_upper += 1;
    }
    match n_upper {
        5 if value[4] == b'T' => Some(5),
        4 if value[3] == b'T' || &value[..4] == b"WITA" => Some(4),
        3 => Some(3),
        _ => None,
    }
}

/// Go's `parseGMT`: `GMT` and an optional signed hour offset.
fn parse_gmt(value: &[u8]) -> usize {
    let value = &value[3..];
    if value.is_empty() {
        return 3;
    }
    3 + parse_signed_offset(value)
}

/// Go's `parseSignedOffset`: the length of a `+hh`/`-hh` offset (hours up to 23), or 0.
fn parse_signed_offset(value: &[u8]) -> usize {
    let sign = value[0];
    if sign != b'-' && sign != b'+' {
        return 0;
    }
    let Some((x, rem)) = leading_int(&value[1..]) else {
        return 0;
    };
    if rem.len() == value.len() - 1 {
        return 0;
    }
    if x > 23 {
        return 0;
    }
    value.len() - rem.len()
}

/// `time.ParseInLocation(layout, value, loc)`.
pub(crate) fn parse_in_location(layout: &str, value: &str, loc: Loc) -> Result<Time, String> {
    if (layout == "2006-01-02T15:04:05Z07:00" || layout == "2006-01-02T15:04:05.999999999Z07:00")
        && let Some(t) = parse_rfc3339(value.as_bytes(), &loc)
    {
        return Ok(t);
    }
    parse(layout.as_bytes(), value.as_bytes(), loc.clone(), loc)
}

/// Go's `parse`.
fn parse(alayout: &[u8], avalue: &[u8], default_location: Loc, local: Loc) -> Result<Time, String> {
    let (mut layout, mut value) = (alayout, avalue);
    let mut range_err = "";
    let (mut am_set, mut pm_set) = (false, false);
    let mut year = 0i64;
    let (mut month, mut day, mut yday) = (-1i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let mut z: Option<Loc> = None;
    let mut zone_offset = -1i64;
    let mut zone_name: &[u8] = b"";

    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        let stdstr = &layout[prefix.len()..layout.len() - suffix.len()];
        value = match skip(value, prefix) {
            Ok(v) => v,
            Err(v) => return Err(parse_error(alayout, avalue, prefix, v, "")),
        };
        if std == 0 {
            if !value.is_empty() {
                return Err(parse_error(
                    alayout,
                    avalue,
                    b"",
                    value,
                    &format!(": extra text: {}", quote(value)),
                ));
            }
            break;
        }
        layout = suffix;
        let hold = value;
        let mut ok = true;
        match std & STD_MASK {
            STD_YEAR => {
                if value.len() < 2 {
                    ok = false;
                } else {
                    let p = &value[..2];
                    value = &value[2..];
                    match atoi(p) {
                        Some(y) => year = if y >= 69 { y + 1900 } else { y + 2000 },
                        None => ok = false,
                    }
                }
            }
            STD_LONG_YEAR => {
                if value.len() < 4 || !is_digit(value, 0) {
                    ok = false;
                } else {
                    let p = &value[..4];
                    value = &value[4..];
                    match atoi(p) {
                        Some(y) => year = y,
                        None => ok = false,
                    }
                }
            }
            STD_MONTH | STD_LONG_MONTH => {
                let tab: &[&str] = if std == STD_MONTH {
                    &SHORT_MONTH_NAMES
                } else {
                    &LONG_MONTH_NAMES
                };
                match lookup(tab, value) {
                    Some((m, rest)) => {
                        month = m + 1;
                        value = rest;
                    }
                    None => ok = false,
                }
            }
            STD_NUM_MONTH | STD_ZERO_MONTH => match getnum(value, std == STD_ZERO_MONTH) {
                Some((m, rest)) => {
                    month = m;
                    value = rest;
                    if month <= 0 || 12 < month {
                        range_err = "month";
                    }
                }
                None => ok = false,
            },
            STD_WEEK_DAY | STD_LONG_WEEK_DAY => {
                let tab: &[&str] = if std == STD_WEEK_DAY {
                    &SHORT_DAY_NAMES
                } else {
                    &LONG_DAY_NAMES
                };
                match lookup(tab, value) {
                    Some((_, rest)) => value = rest,
                    None => ok = false,
                }
            }
            STD_DAY | STD_UNDER_DAY | STD_ZERO_DAY => {
                if std == STD_UNDER_DAY && value.first() == Some(&b' ') {
                    value = &value[1..];
                }
                match getnum(value, std == STD_ZERO_DAY) {
                    // Range is checked later, once the month and year are known.
                    Some((d, rest)) => {
                        day = d;
                        value = rest;
                    }
                    None => ok = false,
                }
            }
            STD_UNDER_YEAR_DAY | STD_ZERO_YEAR_DAY => {
                for _ in 0..2 {
                    if std == STD_UNDER_YEAR_DAY && value.first() == Some(&b' ') {
                        value = &value[1..];
                    }
                }
                match getnum3(value, std == STD_ZERO_YEAR_DAY) {
                    Some((d, rest)) => {
                        yday = d;
                        value = rest;
                    }
                    None => ok = false,
                }
            }
            STD_HOUR => match getnum(value, false) {
                Some((h, rest)) => {
                    hour = h;
                    value = rest;
                    if !(0..24).contains(&hour) {
                        range_err = "hour";
                    }
                }
                None => ok = false,
            },
            STD_HOUR12 | STD_ZERO_HOUR12 => match getnum(value, std == STD_ZERO_HOUR12) {
                Some((h, rest)) => {
                    hour = h;
                    value = rest;
                    if !(0..=12).contains(&hour) {
                        range_err = "hour";
                    }
                }
                None => ok = false,
            },
            STD_MINUTE | STD_ZERO_MINUTE => match getnum(value, std == STD_ZERO_MINUTE) {
                Some((m, rest)) => {
                    min = m;
                    value = rest;
                    if !(0..60).contains(&min) {
                        range_err = "minute";
                    }
                }
                None => ok = false,
            },
            STD_SECOND | STD_ZERO_SECOND => match getnum(value, std == STD_ZERO_SECOND) {
                Some((s, rest)) => {
                    sec = s;
                    value = rest;
                    if !(0..60).contains(&sec) {
                        range_err = "second";
                    } else if value.len() >= 2 && comma_or_period(value[0]) && is_digit(value, 1) {
                        // A fractional second right after the seconds, unless the
                        // layout has its own element for it.
                        let (_, next, _) = next_std_chunk(layout);
                        let next = next & STD_MASK;
                        if next != STD_FRAC_SECOND0 && next != STD_FRAC_SECOND9 {
                            let mut n = 2;
                            while n < value.len() && is_digit(value, n) {
                                n += 1;
                            }
                            match parse_nanoseconds(value, n) {
                                Ok(ns) => nsec = ns,
                                Err(Some(r)) => range_err = r,
                                Err(None) => ok = false,
                            }
                            value = &value[n..];
                        }
                    }
                }
                None => ok = false,
            },
            STD_PM | STD_PM_LOWER => {
                if value.len() < 2 {
                    ok = false;
                } else {
                    let p = &value[..2];
                    value = &value[2..];
                    let (pm, am): (&[u8], &[u8]) = if std == STD_PM {
                        (b"PM", b"AM")
                    } else {
                        (b"pm", b"am")
                    };
                    if p == pm {
                        pm_set = true;
                    } else if p == am {
                        am_set = true;
                    } else {
                        ok = false;
                    }
                }
            }
            STD_ISO8601_TZ
            | STD_ISO8601_SHORT_TZ
            | STD_ISO8601_COLON_TZ
            | STD_ISO8601_SECONDS_TZ
            | STD_ISO8601_COLON_SECONDS_TZ
            | STD_NUM_TZ
            | STD_NUM_SHORT_TZ
            | STD_NUM_COLON_TZ
            | STD_NUM_SECONDS_TZ
            | STD_NUM_COLON_SECONDS_TZ => {
                let iso = matches!(
                    std,
                    STD_ISO8601_TZ
                        | STD_ISO8601_SHORT_TZ
                        | STD_ISO8601_COLON_TZ
                        | STD_ISO8601_SECONDS_TZ
                        | STD_ISO8601_COLON_SECONDS_TZ
                );
                if iso && value.first() == Some(&b'Z') {
                    value = &value[1..];
                    z = Some(Loc::Utc);
                } else {
                    match parse_offset(std, value) {
                        None => ok = false,
                        Some((parts, rest)) => {
                            value = rest;
                            let (sign, hh, mm, ss) = parts;
                            let num = |s: &[u8]| getnum(s, true).map(|(n, _)| n);
                            let (mut hr, mut mi, mut se) = (0, 0, 0);
                            match num(hh) {
                                Some(h) => {
                                    hr = h;
                                    match num(mm) {
                                        Some(m) => {
                                            mi = m;
                                            match num(ss) {
                                                Some(s) => se = s,
                                                None => ok = false,
                                            }
                                        }
                                        None => ok = false,
                                    }
                                }
                                None => ok = false,
                            }
                            // Go checks the ranges whatever getnum said.
                            if hr > 24 {
                                range_err = "time zone offset hour";
                            }
                            if mi > 60 {
                                range_err = "time zone offset minute";
                            }
                            if se > 60 {
                                range_err = "time zone offset second";
                            }
                            zone_offset = (hr * 60 + mi) * 60 + se;
                            match sign {
                                b'+' => {}
                                b'-' => zone_offset = -zone_offset,
                                _ => ok = false,
                            }
                        }
                    }
                }
            }
            STD_TZ => {
                if value.len() >= 3 && &value[..3] == b"UTC" {
                    z = Some(Loc::Utc);
                    value = &value[3..];
                } else {
                    match parse_time_zone(value) {
                        Some(n) => {
                            zone_name = &value[..n];
                            value = &value[n..];
                        }
                        None => ok = false,
                    }
                }
            }
            STD_FRAC_SECOND0 => {
                // stdFracSecond0 requires the exact number of digits as specified
                // in the layout.
                let ndigit = 1 + digits_len(std);
                if value.len() < ndigit {
                    ok = false;
                } else {
                    match parse_nanoseconds(value, ndigit) {
                        Ok(ns) => nsec = ns,
                        Err(Some(r)) => range_err = r,
                        Err(None) => ok = false,
                    }
                    value = &value[ndigit..];
                }
            }
            STD_FRAC_SECOND9
                if value.len() >= 2 && comma_or_period(value[0]) && value[1].is_ascii_digit() =>
            {
                // Take any number of digits, even more than asked for, because
                // it is what the stdSecond case would do.
                let mut i = 0;
                while i + 1 < value.len() && value[i + 1].is_ascii_digit() {
                    i += 1;
                }
                match parse_nanoseconds(value, 1 + i) {
                    Ok(ns) => nsec = ns,
                    Err(Some(r)) => range_err = r,
                    Err(None) => ok = false,
                }
                value = &value[1 + i..];
            }
            _ => {}
        }
        if !range_err.is_empty() {
            return Err(parse_error(
                alayout,
                avalue,
                stdstr,
                value,
                &format!(": {range_err} out of range"),
            ));
        }
        if !ok {
            return Err(parse_error(alayout, avalue, stdstr, hold, ""));
        }
    }
    if pm_set && hour < 12 {
        hour += 12;
    } else if am_set && hour == 12 {
        hour = 0;
    }

    // Convert yday to day, month.
    if yday >= 0 {
        let mut d = 0;
        let mut m = 0;
        if is_leap(year) {
            if yday == 31 + 29 {
                m = 2;
                d = 29;
            } else if yday > 31 + 29 {
                yday -= 1;
            }
        }
        if !(1..=365).contains(&yday) {
            return Err(parse_error(
                alayout,
                avalue,
                b"",
                value,
                ": day-of-year out of range",
            ));
        }
        if m == 0 {
            m = (yday - 1) / 31 + 1;
            if days_before(m + 1) < yday {
                m += 1;
            }
            d = yday - days_before(m);
        }
        // If month, day already seen, yday's m, d must match.
        if month >= 0 && month != m {
            return Err(parse_error(
                alayout,
                avalue,
                b"",
                value,
                ": day-of-year does not match month",
            ));
        }
        month = m;
        if day >= 0 && day != d {
            return Err(parse_error(
                alayout,
                avalue,
                b"",
                value,
                ": day-of-year does not match day",
            ));
        }
        day = d;
    } else {
        if month < 0 {
            month = 1;
        }
        if day < 0 {
            day = 1;
        }
    }

    // Validate the day of the month.
    if day < 1 || day > days_in(month, year) {
        return Err(parse_error(
            alayout,
            avalue,
            b"",
            value,
            ": day out of range",
        ));
    }

    if let Some(z) = z {
        return Ok(Time::date(year, month, day, hour, min, sec, nsec, z));
    }

    if zone_offset != -1 {
        let mut t = Time::date(year, month, day, hour, min, sec, nsec, Loc::Utc);
        t.add_sec(-zone_offset);
        // Look for local zone with the given offset. If that zone was in effect at the
        // given time, use it.
        let zn = local.get().lookup(t.unix_seconds());
        let name = String::from_utf8_lossy(zone_name);
        if zn.offset == zone_offset && (zone_name.is_empty() || zn.name == name) {
            t.set_loc(local);
            return Ok(t);
        }
        // Otherwise create fake zone to record offset.
        t.set_loc(Loc::fixed(&name, zone_offset));
        return Ok(t);
    }

    if !zone_name.is_empty() {
        let mut t = Time::date(year, month, day, hour, min, sec, nsec, Loc::Utc);
        let name = String::from_utf8_lossy(zone_name).into_owned();
        // Look for local zone with the given offset. If that zone was in effect at the
        // given time, use it.
        if let Some(offset) = local.get().lookup_name(&name, t.unix_seconds()) {
            t.add_sec(-offset);
            t.set_loc(local);
            return Ok(t);
        }
        // Otherwise, create fake zone with unknown offset.
        let mut offset = 0;
        if zone_name.len() > 3 && &zone_name[..3] == b"GMT" {
            // Guaranteed OK by parseGMT.
            offset = atoi(&zone_name[3..]).unwrap_or(0) * 3600;
        }
        t.set_loc(Loc::fixed(&name, offset));
        return Ok(t);
    }

    // Otherwise, fall back to default.
    Ok(Time::date(
        year,
        month,
        day,
        hour,
        min,
        sec,
        nsec,
        default_location,
    ))
}

/// The sign, hours, minutes and seconds of a numeric zone offset in the form the
/// element `std` expects, and the rest of the value.
#[allow(clippy::type_complexity)]
fn parse_offset(std: i32, value: &[u8]) -> Option<((u8, &[u8], &[u8], &[u8]), &[u8])> {
    const ZERO: &[u8] = b"00";
    if std == STD_ISO8601_COLON_TZ || std == STD_NUM_COLON_TZ {
        if value.len() < 6 || value[3] != b':' {
            return None;
        }
        Some(((value[0], &value[1..3], &value[4..6], ZERO), &value[6..]))
    } else if std == STD_NUM_SHORT_TZ || std == STD_ISO8601_SHORT_TZ {
        if value.len() < 3 {
            return None;
        }
        Some(((value[0], &value[1..3], ZERO, ZERO), &value[3..]))
    } else if std == STD_ISO8601_COLON_SECONDS_TZ || std == STD_NUM_COLON_SECONDS_TZ {
        if value.len() < 9 || value[3] != b':' || value[6] != b':' {
            return None;
        }
        Some((
            (value[0], &value[1..3], &value[4..6], &value[7..9]),
            &value[9..],
        ))
    } else if std == STD_ISO8601_SECONDS_TZ || std == STD_NUM_SECONDS_TZ {
        if value.len() < 7 {
            return None;
        }
        Some((
            (value[0], &value[1..3], &value[3..5], &value[5..7]),
            &value[7..],
        ))
    } else {
        if value.len() < 5 {
            return None;
        }
        Some(((value[0], &value[1..3], &value[3..5], ZERO), &value[5..]))
    }
}

/// Go's `parseRFC3339` fast path; `None` sends the value through the general parser.
fn parse_rfc3339(s: &[u8], local: &Loc) -> Option<Time> {
    fn parse_uint(s: &[u8], min: i64, max: i64, ok: &mut bool) -> i64 {
        let mut x = 0i64;
        for &c in s {
            if !c.is_ascii_digit() {
                *ok = false;
                return min;
            }
            x = x * 10 + i64::from(c - b'0');
        }
        if x < min || max < x {
            *ok = false;
            return min;
        }
        x
    }
    let mut ok = true;
    let mut parse_uint = |s: &[u8], min: i64, max: i64| -> (i64, bool) {
        let v = parse_uint(s, min, max, &mut ok);
        (v, ok)
    };
    if s.len() < "2006-01-02T15:04:05".len() {
        return None;
    }
    let (year, _) = parse_uint(&s[0..4], 0, 9999);
    let (month, _) = parse_uint(&s[5..7], 1, 12);
    let (day, _) = parse_uint(&s[8..10], 1, days_in(month, year));
    let (hour, _) = parse_uint(&s[11..13], 0, 23);
    let (min, _) = parse_uint(&s[14..16], 0, 59);
    let (sec, ok) = parse_uint(&s[17..19], 0, 59);
    if !(ok && s[4] == b'-' && s[7] == b'-' && s[10] == b'T' && s[13] == b':' && s[16] == b':') {
        return None;
    }
    let mut s = &s[19..];
    let mut nsec = 0;
    if s.len() >= 2 && s[0] == b'.' && is_digit(s, 1) {
        let mut n = 2;
        while n < s.len() && is_digit(s, n) {
            n += 1;
        }
        nsec = parse_nanoseconds(s, n).unwrap_or(0);
        s = &s[n..];
    }
    let mut t = Time::date(year, month, day, hour, min, sec, nsec, Loc::Utc);
    if s.len() != 1 || s[0] != b'Z' {
        if s.len() != "-07:00".len() {
            return None;
        }
        let (hr, _) = parse_uint(&s[1..3], 0, 23);
        let (mm, ok) = parse_uint(&s[4..6], 0, 59);
        if !ok || !((s[0] == b'-' || s[0] == b'+') && s[3] == b':') {
            return None;
        }
        let mut zone_offset = (hr * 60 + mm) * 60;
        if s[0] == b'-' {
            zone_offset = -zone_offset;
        }
        t.add_sec(-zone_offset);
        // Use local zone with the given offset if possible.
        if local.get().lookup(t.unix_seconds()).offset == zone_offset {
            t.set_loc(local.clone());
        } else {
            t.set_loc(Loc::fixed("", zone_offset));
        }
    }
    Some(t)
}
