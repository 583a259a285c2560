//! Dates and durations: `now`, `date`, `dateInZone`, `dateModify`, `toDate`, `ago`,
//! `duration`, `durationRound`, `htmlDate`, `unixEpoch`... with Go's layout strings.
//!
//! Sprig's date functions are thin wrappers over Go's `time` package, so this module
//! carries a port of the parts they reach: `time.Time` with Go's representation and
//! calendar arithmetic ([`time`]), layouts ([`layout`]), durations ([`duration`]) and
//! zones read from the system tz database as Go reads them ([`zone`]). The values
//! templates get back (`now`, `toDate`, `dateModify`) are Go `time.Time` objects with
//! their methods ([`object`]).
//!
//! Sprig's functions switch on the Go type of their `interface{}` arguments: a date is
//! a `time.Time` or an `int`, `int32` or `int64` of Unix seconds, and anything else
//! (a `float64` from a values file, a string) silently means "now". Those rules are kept.

mod duration;
#[cfg(test)]
mod go_tests;
mod layout;
mod object;
mod time;
mod zone;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use kelm_gotmpl::{FuncError, Function, IntKind, Signature, Type, Value};

use self::duration::SECOND;
use self::object::{TIME, as_time, time_value};
use self::time::{Loc, Time};
use self::zone::Loaded;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    time::init_clock();
    let s = || Type::String;
    let any = || Type::Any;
    let t = || TIME.clone();
    vec![
        Function::new("now", Signature::new(vec![], t()), |_, _| {
            Ok(time_value(Time::now()))
        }),
        Function::new("date", Signature::new(vec![s(), any()], s()), |_, a| {
            Ok(Value::from(date_in_zone(str_arg(&a[0]), &a[1], "Local")))
        }),
        Function::new("htmlDate", Signature::new(vec![any()], s()), |_, a| {
            Ok(Value::from(date_in_zone("2006-01-02", &a[0], "Local")))
        }),
        Function::new(
            "htmlDateInZone",
            Signature::new(vec![any(), s()], s()),
            |_, a| {
                Ok(Value::from(date_in_zone(
                    "2006-01-02",
                    &a[0],
                    str_arg(&a[1]),
                )))
            },
        ),
        date_in_zone_fn("dateInZone"),
        date_in_zone_fn("date_in_zone"),
        date_modify_fn("dateModify"),
        date_modify_fn("date_modify"),
        must_date_modify_fn("mustDateModify"),
        must_date_modify_fn("must_date_modify"),
        Function::new("ago", Signature::new(vec![any()], s()), |_, a| {
            Ok(Value::from(ago(&a[0])))
        }),
        Function::new("duration", Signature::new(vec![any()], s()), |_, a| {
            Ok(Value::from(duration_string(&a[0])))
        }),
        Function::new("durationRound", Signature::new(vec![any()], s()), |_, a| {
            Ok(Value::from(duration_round(&a[0])))
        }),
        Function::new("toDate", Signature::new(vec![s(), s()], t()), |_, a| {
            // Sprig drops the error: an unparsable date is the zero time.
            let t = layout::parse_in_location(str_arg(&a[0]), str_arg(&a[1]), Loc::Local);
            Ok(time_value(t.unwrap_or_else(|_| Time::zero())))
        }),
        Function::new(
            "mustToDate",
            Signature::new(vec![s(), s()], t()).with_error(),
            |_, a| {
                layout::parse_in_location(str_arg(&a[0]), str_arg(&a[1]), Loc::Local)
                    .map(time_value)
                    .map_err(FuncError::new)
            },
        ),
        Function::new("unixEpoch", Signature::new(vec![t()], s()), |_, a| {
            let t = as_time(&a[0]).ok_or_else(|| FuncError::new(object::NIL_DEREFERENCE))?;
            Ok(Value::from(t.unix_seconds().to_string()))
        }),
    ]
}

fn str_arg(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

fn date_in_zone_fn(name: &'static str) -> Function {
    Function::new(
        name,
        Signature::new(vec![Type::String, Type::Any, Type::String], Type::String),
        |_, a| {
            Ok(Value::from(date_in_zone(
                str_arg(&a[0]),
                &a[1],
                str_arg(&a[2]),
            )))
        },
    )
}

fn date_modify_fn(name: &'static str) -> Function {
    Function::new(
        name,
        Signature::new(vec![Type::String, TIME.clone()], TIME.clone()),
        |_, a| {
            let t = as_time(&a[1]).ok_or_else(|| FuncError::new(object::NIL_DEREFERENCE))?;
            // Sprig returns the date unchanged when the duration does not parse.
            Ok(match duration::parse(str_arg(&a[0])) {
                Ok(d) => time_value(t.add(d)),
                Err(_) => a[1].clone(),
            })
        },
    )
}

fn must_date_modify_fn(name: &'static str) -> Function {
    Function::new(
        name,
        Signature::new(vec![Type::String, TIME.clone()], TIME.clone()).with_error(),
        |_, a| {
            let t = as_time(&a[1]).ok_or_else(|| FuncError::new(object::NIL_DEREFERENCE))?;
            let d = duration::parse(str_arg(&a[0])).map_err(FuncError::new)?;
            Ok(time_value(t.add(d)))
        },
    )
}

/// The time a Sprig date argument stands for: a `time.Time`, Unix seconds in an `int`,
/// `int32` or (when `int32` is false, for `ago`) only `int` and `int64`; anything else
/// is now.
fn date_arg(v: &Value, accept_int32: bool) -> Time {
    if let Some(t) = as_time(v) {
        return t.clone();
    }
    match v {
        Value::Int(i, IntKind::Int | IntKind::I64) => Time::unix(*i, 0),
        Value::Int(i, IntKind::I32) if accept_int32 => Time::unix(*i, 0),
        _ => Time::now(),
    }
}

/// Locations by name, loaded once (Go reads the file again on every call; the files do
/// not change while a chart renders).
fn load_location(name: &str) -> Option<Loaded> {
    static CACHE: LazyLock<Mutex<HashMap<String, Option<Loaded>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(l) = cache.get(name) {
        return l.clone();
    }
    let l = zone::load_location(name);
    if cache.len() < 1024 {
        cache.insert(name.to_string(), l.clone());
    }
    l
}

/// Sprig's `dateInZone`: formats the date in the zone, or in UTC if the zone is unknown.
fn date_in_zone(fmt: &str, date: &Value, zone: &str) -> String {
    let t = date_arg(date, true);
    let loc = match load_location(zone) {
        Some(Loaded::Local) => Loc::Local,
        Some(Loaded::Zone(l)) => Loc::Zone(l),
        Some(Loaded::Utc) | None => Loc::Utc,
    };
    layout::format(&t.in_loc(loc), fmt)
}

/// Sprig's `ago`: time since the date, rounded to seconds.
fn ago(date: &Value) -> String {
    let t = date_arg(date, false);
    duration::format(duration::round(t.since(), SECOND))
}

/// Sprig's `duration`: seconds (an `int64`, or a string of them) as a Go duration.
fn duration_string(sec: &Value) -> String {
    let n = match sec {
        Value::String(s) => match kelm_strconv::parse_int(s, 10, 64) {
            Ok(n) => n,
            // Go's ParseInt returns the nearest limit along with a range error.
            Err(e) if e.kind == kelm_strconv::NumErrorKind::Range => {
                if s.starts_with('-') {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            Err(_) => 0,
        },
        Value::Int(n, IntKind::I64) => *n,
        _ => 0,
    };
    duration::format(n.wrapping_mul(SECOND))
}

/// Sprig's `durationRound`: a duration (string, `int64` nanoseconds, or the time since
/// a `time.Time`) as its largest unit: `2h`, `3mo`, `1y`.
fn duration_round(v: &Value) -> String {
    let d = if let Some(t) = as_time(v) {
        t.since()
    } else {
        match v {
            Value::String(s) => duration::parse(s).unwrap_or(0),
            Value::Int(n, IntKind::I64) => *n,
            _ => 0,
        }
    };
    let u = d.unsigned_abs();
    let hour = 3_600_000_000_000u64;
    let day = hour * 24;
    for (unit, suffix) in [
        (day * 365, "y"),
        (day * 30, "mo"),
        (day, "d"),
        (hour, "h"),
        (60_000_000_000, "m"),
        (1_000_000_000, "s"),
    ] {
        if u > unit {
            return format!("{}{suffix}", u / unit);
        }
    }
    "0s".to_string()
}
