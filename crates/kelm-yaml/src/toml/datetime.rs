//! TOML datetimes as BurntSushi/toml reads them (Go's `time.ParseInLocation` with seven
//! layouts, first match wins) and kelm's representation of the resulting `time.Time`:
//! the text BurntSushi's encoder writes for it.
//!
//! | TOML | Go layout | kept as |
//! |---|---|---|
//! | `1979-05-27T07:32:00.5-07:00` | RFC 3339 with nanoseconds | `1979-05-27T07:32:00.5-07:00` (`Z` for a zero offset) |
//! | `1979-05-27T07:32:00` | local datetime | `1979-05-27T07:32:00` |
//! | `1979-05-27` | local date | `1979-05-27` |
//! | `07:32:00.25` | local time | `07:32:00.25` |
//! | `1979-05-27T07:32Z` | without seconds | `1979-05-27T07:32:00Z` |
//!
//! Go gives local values and offset-less zones the machine's zone; kelm assumes UTC,
//! which is what Helm sees in containers and CI.

/// A parsed datetime: the fields Go's `Time` would hold.
#[derive(Debug, Default)]
struct Parsed {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    min: u32,
    sec: u32,
    nsec: u32,
    /// Seconds east of UTC, when the text gives a zone.
    offset: Option<i32>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Offset,
    LocalDatetime,
    LocalDate,
    LocalTime,
}

/// One element of a Go layout, as far as these seven layouts need.
#[derive(Clone, Copy)]
enum El {
    Lit(u8),
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Frac,
    Zone,
}

use El::*;

const RFC3339_NANO: &[El] = &[
    Year,
    Lit(b'-'),
    Month,
    Lit(b'-'),
    Day,
    Lit(b'T'),
    Hour,
    Lit(b':'),
    Minute,
    Lit(b':'),
    Second,
    Frac,
    Zone,
];
const LOCAL_DATETIME: &[El] = &[
    Year,
    Lit(b'-'),
    Month,
    Lit(b'-'),
    Day,
    Lit(b'T'),
    Hour,
    Lit(b':'),
    Minute,
    Lit(b':'),
    Second,
    Frac,
];
const LOCAL_DATE: &[El] = &[Year, Lit(b'-'), Month, Lit(b'-'), Day];
const LOCAL_TIME: &[El] = &[Hour, Lit(b':'), Minute, Lit(b':'), Second, Frac];
const NO_SECONDS_ZONE: &[El] = &[
    Year,
    Lit(b'-'),
    Month,
    Lit(b'-'),
    Day,
    Lit(b'T'),
    Hour,
    Lit(b':'),
    Minute,
    Zone,
];
const NO_SECONDS: &[El] = &[
    Year,
    Lit(b'-'),
    Month,
    Lit(b'-'),
    Day,
    Lit(b'T'),
    Hour,
    Lit(b':'),
    Minute,
];
const HOUR_MINUTE: &[El] = &[Hour, Lit(b':'), Minute];

/// The layouts in BurntSushi's order, with their Go spelling (for the leading-zero
/// check) and the kind of time they give.
const LAYOUTS: [(&[El], &str, Kind); 7] = [
    (
        RFC3339_NANO,
        "2006-01-02T15:04:05.999999999Z07:00",
        Kind::Offset,
    ),
    (
        LOCAL_DATETIME,
        "2006-01-02T15:04:05.999999999",
        Kind::LocalDatetime,
    ),
    (LOCAL_DATE, "2006-01-02", Kind::LocalDate),
    (LOCAL_TIME, "15:04:05.999999999", Kind::LocalTime),
    (NO_SECONDS_ZONE, "2006-01-02T15:04Z07:00", Kind::Offset),
    (NO_SECONDS, "2006-01-02T15:04", Kind::LocalDatetime),
    (HOUR_MINUTE, "15:04", Kind::LocalTime),
];

/// Go's `getnum`: one or two digits (exactly two if `fixed`).
fn getnum(v: &[u8], fixed: bool) -> Option<(u32, &[u8])> {
    let d = |i: usize| {
        v.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| u32::from(c - b'0'))
    };
    let a = d(0)?;
    match d(1) {
        Some(b) => Some((a * 10 + b, &v[2..])),
        None if fixed => None,
        None => Some((a, &v[1..])),
    }
}

fn days_in(month: u32, year: i32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Go's `time.Parse` for one layout, or `None` where Go returns an error.
fn parse(layout: &[El], mut v: &[u8]) -> Option<Parsed> {
    let mut p = Parsed {
        month: 1,
        day: 1,
        ..Parsed::default()
    };
    for el in layout {
        match *el {
            Lit(c) => {
                if v.first() != Some(&c) {
                    return None;
                }
                v = &v[1..];
            }
            Year => {
                if v.len() < 4 || !v[..4].iter().all(u8::is_ascii_digit) {
                    return None;
                }
                p.year = std::str::from_utf8(&v[..4]).ok()?.parse().ok()?;
                v = &v[4..];
            }
            Month => {
                (p.month, v) = getnum(v, true)?;
                if p.month == 0 || p.month > 12 {
                    return None;
                }
            }
            Day => (p.day, v) = getnum(v, true)?,
            Hour => {
                (p.hour, v) = getnum(v, false)?;
                if p.hour >= 24 {
                    return None;
                }
            }
            Minute => {
                (p.min, v) = getnum(v, true)?;
                if p.min >= 60 {
                    return None;
                }
            }
            Second => {
                (p.sec, v) = getnum(v, true)?;
                if p.sec >= 60 {
                    return None;
                }
            }
            Frac => {
                if v.len() < 2 || !matches!(v[0], b'.' | b',') || !v[1].is_ascii_digit() {
                    continue;
                }
                let n = 1 + v[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                // Go keeps nine digits and drops the rest.
                let digits = &v[1..n.min(10)];
                let mut ns: u32 = 0;
                for &c in digits {
                    ns = ns * 10 + u32::from(c - b'0');
                }
                for _ in digits.len()..9 {
                    ns *= 10;
                }
                p.nsec = ns;
                v = &v[n..];
            }
            Zone => {
                if v.first() == Some(&b'Z') {
                    v = &v[1..];
                    p.offset = Some(0);
                    continue;
                }
                if v.len() < 6 || v[3] != b':' {
                    return None;
                }
                let (hr, _) = getnum(&v[1..3], true)?;
                let (mm, _) = getnum(&v[4..6], true)?;
                if hr > 24 || mm > 60 {
                    return None;
                }
                let off = ((hr * 60 + mm) * 60) as i32;
                p.offset = Some(match v[0] {
                    b'+' => off,
                    b'-' => -off,
                    _ => return None,
                });
                v = &v[6..];
            }
        }
    }
    if !v.is_empty() || p.day < 1 || p.day > days_in(p.month, p.year) {
        return None;
    }
    Some(p)
}

/// BurntSushi's `missingLeadingZero`: whether a one-digit hour slipped through.
fn missing_leading_zero(d: &[u8], layout: &str) -> bool {
    for (i, c) in layout.bytes().enumerate() {
        if c == b'.' || c == b'Z' {
            return false;
        }
        if !c.is_ascii_digit() && d.get(i) != Some(&c) {
            return true;
        }
    }
    false
}

/// How a datetime item reads: `Ok` with kelm's text for it, or `Err` with the text
/// Go's error quotes (the item after BurntSushi's `z`/`t`/space replacements).
pub(super) fn datetime(item: &str) -> Result<String, String> {
    let val: String = item
        .chars()
        .map(|c| match c {
            'z' => 'Z',
            't' | ' ' => 'T',
            c => c,
        })
        .collect();
    for (layout, spelling, kind) in LAYOUTS {
        if let Some(p) = parse(layout, val.as_bytes()) {
            if missing_leading_zero(val.as_bytes(), spelling) {
                return Err(val);
            }
            return Ok(format(&p, kind));
        }
    }
    Err(val)
}

/// The encoder's text for a time (Go's `Format` with the layout for its kind).
fn format(p: &Parsed, kind: Kind) -> String {
    let date = format!("{:04}-{:02}-{:02}", p.year, p.month, p.day);
    let mut time = format!("{:02}:{:02}:{:02}", p.hour, p.min, p.sec);
    if p.nsec != 0 {
        let frac = format!("{:09}", p.nsec);
        time.push('.');
        time.push_str(frac.trim_end_matches('0'));
    }
    match kind {
        Kind::LocalDate => date,
        Kind::LocalTime => time,
        Kind::LocalDatetime => format!("{date}T{time}"),
        Kind::Offset => {
            let off = p.offset.unwrap_or(0);
            if off == 0 {
                format!("{date}T{time}Z")
            } else {
                let sign = if off < 0 { '-' } else { '+' };
                let m = off.unsigned_abs() / 60;
                format!("{date}T{time}{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}
