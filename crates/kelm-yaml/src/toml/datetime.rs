//! TOML datetimes as BurntSushi/toml reads them: Go's `time.ParseInLocation` with seven
//! layouts, first match wins, giving a `time.Time` ([`GoTime`]).
//!
//! | TOML | Go layout | location |
//! |---|---|---|
//! | `1979-05-27T07:32:00.5-07:00` | RFC 3339 with nanoseconds | UTC for `Z`, `Local` for the machine's offset (here: UTC too), else a fixed zone without a name |
//! | `1979-05-27T07:32:00` | local datetime | BurntSushi's `datetime-local` |
//! | `1979-05-27` | local date | `date-local` |
//! | `07:32:00.25` | local time (on 0000-01-01) | `time-local` |
//! | `1979-05-27T07:32Z` | without seconds | as RFC 3339 |
//!
//! Go gives local values the machine's offset and compares offsets with the machine's
//! zone; kelm assumes UTC, which is what Helm sees in containers and CI.

use crate::{GoLocation, GoTime};

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

/// How a datetime item reads: `Ok` with Go's time for it, or `Err` with the text Go's
/// error quotes (the item after BurntSushi's `z`/`t`/space replacements).
pub(super) fn datetime(item: &str) -> Result<GoTime, String> {
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
            return Ok(time(&p, kind));
        }
    }
    Err(val)
}

/// The `time.Time` Go builds from the fields, with the machine's zone taken to be UTC.
fn time(p: &Parsed, kind: Kind) -> GoTime {
    let (location, zone, offset) = match kind {
        // `Z`, or the machine's offset (Go's time.Local, in UTC here).
        Kind::Offset if p.offset == Some(0) => (GoLocation::Utc, "UTC", 0),
        Kind::Offset => (GoLocation::Named(String::new()), "", p.offset.unwrap_or(0)),
        Kind::LocalDatetime => (GoLocation::TomlLocalDatetime, "datetime-local", 0),
        Kind::LocalDate => (GoLocation::TomlLocalDate, "date-local", 0),
        Kind::LocalTime => (GoLocation::TomlLocalTime, "time-local", 0),
    };
    let (year, month, day) = if kind == Kind::LocalTime {
        (0, 1, 1)
    } else {
        (i64::from(p.year), p.month as u8, p.day as u8)
    };
    GoTime {
        year,
        month,
        day,
        hour: p.hour as u8,
        minute: p.min as u8,
        second: p.sec as u8,
        nanosecond: p.nsec,
        offset,
        zone: zone.to_string(),
        location,
    }
}
