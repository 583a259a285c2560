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
mod gotime;
mod layout;
mod object;
mod time;
mod zone;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use kelm_gotmpl::{FuncError, Function, IntKind, Signature, Type, Value};

use self::duration::SECOND;
pub(crate) use self::gotime::{from_go_time, to_go_time};
use self::object::TIME;
pub(crate) use self::object::{as_time, time_value};
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

#[cfg(test)]
mod tests {
    use kelm_gotmpl::{Map, Template, Value};

    /// Renders `tpl` with this group's functions; `.i64` is an `int64` 95 and `.f` a
    /// `float64` 1234567890 (as values files give).
    fn render(tpl: &str) -> Result<String, String> {
        let mut t = Template::new("t");
        t.add_funcs(super::functions());
        t.parse(tpl).map_err(|e| e.to_string())?;
        let data = Map::from_entries([
            ("i64", Value::int64(95)),
            ("ns", Value::int64(3_600_000_000_001)),
            ("f", Value::float64(1234567890.0)),
        ]);
        let mut out = String::new();
        t.execute(&Value::Map(data), &mut out)
            .map_err(|e| e.to_string())?;
        Ok(out)
    }

    /// Zone-independent cases, with what Helm 4.1.4's `helm template` printed for them
    /// (machine zone UTC: `TZ` unset, /etc/localtime = Etc/UTC).
    #[test]
    fn functions_match_helm() {
        let cases = [
            (
                r#"{{ dateInZone "2006-01-02 15:04:05 MST" 1234567890 "America/New_York" }}"#,
                "2009-02-13 18:31:30 EST",
            ),
            (
                r#"{{ dateInZone "2006-01-02 15:04:05 MST" 1234567890 "No/Where" }}"#,
                "2009-02-13 23:31:30 UTC",
            ),
            (
                r#"{{ dateInZone "2006-01-02 15:04:05 MST" 1234567890 "" }}"#,
                "2009-02-13 23:31:30 UTC",
            ),
            (r#"{{ htmlDateInZone 0 "Asia/Tokyo" }}"#, "1970-01-01"),
            (
                r#"{{ dateInZone "2006-01-02T15:04:05Z07:00" 1234567890 "Asia/Kolkata" }}"#,
                "2009-02-14T05:01:30+05:30",
            ),
            (r#"{{ duration "95" }}"#, "1m35s"),
            (r#"{{ duration 95 }}"#, "0s"),
            (r#"{{ duration .i64 }}"#, "1m35s"),
            (r#"{{ duration "99999999999999999999" }}"#, "-1s"),
            (r#"{{ durationRound "2h10m5s" }}"#, "2h"),
            (r#"{{ durationRound "-400h" }}"#, "16d"),
            (r#"{{ durationRound 95 }}"#, "0s"),
            (r#"{{ durationRound .ns }}"#, "1h"),
        ];
        for (tpl, want) in cases {
            assert_eq!(render(tpl).as_deref(), Ok(want), "{tpl}");
        }
    }

    /// Cases on `toDate` results, which are in the machine's local zone: Helm's output
    /// was recorded with the local zone UTC, so they run only where that holds.
    #[test]
    fn local_zone_cases_match_helm() {
        let local = super::time::Time::unix(0, 0);
        if super::layout::format(&local, "-0700 MST") != "+0000 UTC" {
            return;
        }
        let d = r#"(toDate "2006-01-02" "2017-12-31")"#;
        let cases = [
            (
                r#"{{ date "2006-01-02 15:04:05 MST" 1234567890 }}"#.to_string(),
                "2009-02-13 23:31:30 UTC",
            ),
            (r#"{{ htmlDate 0 }}"#.to_string(), "1970-01-01"),
            (
                r#"{{ toDate "2006-01-02" "2017-12-31" }}"#.to_string(),
                "2017-12-31 00:00:00 +0000 UTC",
            ),
            (
                r#"{{ toDate "2006-01-02" "bad" }}"#.to_string(),
                "0001-01-01 00:00:00 +0000 UTC",
            ),
            (
                r#"{{ toDate "2006-01-02" "2017-12-31" | date "02/01/2006" }}"#.to_string(),
                "31/12/2017",
            ),
            (format!("{{{{ {d} | unixEpoch }}}}"), "1514678400"),
            (
                format!(r#"{{{{ {d} | dateModify "1.5h" }}}}"#),
                "2017-12-31 01:30:00 +0000 UTC",
            ),
            (
                format!(r#"{{{{ {d} | dateModify "bad" }}}}"#),
                "2017-12-31 00:00:00 +0000 UTC",
            ),
            (format!("{{{{ {d}.Year }}}}"), "2017"),
            (format!("{{{{ {d}.Month }}}}"), "December"),
            (format!("{{{{ {d}.Weekday }}}}"), "Sunday"),
            (
                format!(r#"{{{{ printf "%d %v %T" {d}.Month {d}.Month {d}.Month }}}}"#),
                "12 December time.Month",
            ),
            (
                format!(
                    r#"{{{{ $t := {d} }}}}{{{{ $u := toDate "2006-01-02" "2018-01-02" }}}}{{{{ $u.Sub $t }}}} {{{{ ($u.Sub $t).Hours }}}} {{{{ printf "%T %d" ($u.Sub $t) ($u.Sub $t) }}}}"#
                ),
                "48h0m0s 48 time.Duration 172800000000000",
            ),
            (
                format!("{{{{ {d}.Location }}}} {{{{ {d}.UTC.Location }}}}"),
                "Local UTC",
            ),
            (
                format!("{{{{ {d}.Add 3600000000000 }}}}"),
                "2017-12-31 01:00:00 +0000 UTC",
            ),
            (
                format!("{{{{ {d}.AddDate 1 2 3 }}}}"),
                "2019-03-06 00:00:00 +0000 UTC",
            ),
            (
                format!(r#"{{{{ printf "%T %v" {d} {d} }}}}"#),
                "time.Time 2017-12-31 00:00:00 +0000 UTC",
            ),
            (
                r#"{{ toDate "2006-01-02 MST" "2017-12-31 PST" }}"#.to_string(),
                "2017-12-31 00:00:00 +0000 PST",
            ),
            (
                r#"{{ toDate "2006-01-02 -0700" "2017-12-31 -0800" }}"#.to_string(),
                "2017-12-31 00:00:00 -0800 -0800",
            ),
            (
                r#"{{ (toDate "2006-01-02 -0700" "2017-12-31 -0800").Location }}|"#.to_string(),
                "|",
            ),
            (format!("{{{{ eq {d} {d} }}}}"), "true"),
            (
                format!("{{{{ {d}.MarshalJSON }}}}"),
                "[34 50 48 49 55 45 49 50 45 51 49 84 48 48 58 48 48 58 48 48 90 34]",
            ),
            (format!(r#"{{{{ {d}.Format "Jan 2" }}}}"#), "Dec 31"),
            (
                format!(r#"{{{{ {d}.UnixNano }}}} {{{{ printf "%T" {d}.Unix }}}}"#),
                "1514678400000000000 int64",
            ),
            (
                format!(r#"{{{{ {d}.IsZero }}}} {{{{ (toDate "2006-01-02" "x").IsZero }}}}"#),
                "false true",
            ),
            (
                r#"{{ toDate "2006-01-02" "x" | unixEpoch }}"#.to_string(),
                "-62135596800",
            ),
            (format!(r#"{{{{ dateInZone "2006" {d} "UTC" }}}}"#), "2017"),
            (
                format!("{{{{ {d}.GoString }}}}"),
                "time.Date(2017, time.December, 31, 0, 0, 0, 0, time.Local)",
            ),
            (
                format!(
                    r#"{{{{ ({d}.Sub (toDate "2006-01-02" "2017-12-30")).Round 7000000000 }}}}"#
                ),
                "24h0m1s",
            ),
            (
                r#"{{ toDate "2006-01-02" "10000-01-01" }}"#.to_string(),
                "0001-01-01 00:00:00 +0000 UTC",
            ),
        ];
        for (tpl, want) in &cases {
            assert_eq!(render(tpl).as_deref(), Ok(*want), "{tpl}");
        }
    }

    /// Errors, with the part of Helm 4.1.4's message after the template position.
    #[test]
    fn errors_match_helm() {
        let d = r#"(toDate "2006-01-02" "2017-12-31")"#;
        let cases = [
            (
                r#"{{ mustToDate "2006-01-02" "bad" }}"#.to_string(),
                r#"error calling mustToDate: parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006""#,
            ),
            (
                r#"{{ mustToDate "2006-01-02" "2017-02-30" }}"#.to_string(),
                r#"error calling mustToDate: parsing time "2017-02-30": day out of range"#,
            ),
            (
                format!(r#"{{{{ mustDateModify "bad" {d} }}}}"#),
                r#"error calling mustDateModify: time: invalid duration "bad""#,
            ),
            (
                r#"{{ mustDateModify "1d" now }}"#.to_string(),
                r#"error calling mustDateModify: time: unknown unit "d" in duration "1d""#,
            ),
            (
                r#"{{ dateModify "1h" 5 }}"#.to_string(),
                "can't handle 5 for arg of type time.Time",
            ),
            (
                r#"{{ unixEpoch "x" }}"#.to_string(),
                r#"can't handle "x" for arg of type time.Time"#,
            ),
            (
                format!("{{{{ {d}.In nil }}}}"),
                "error calling In: time: missing Location in call to Time.In",
            ),
            (
                format!("{{{{ {d}.Zone }}}}"),
                "invalid function signature for Zone: second return value should be error; is int",
            ),
            (
                format!("{{{{ {d}.Add 1.5 }}}}"),
                "expected integer; found 1.5",
            ),
            (
                format!("{{{{ {d}.Add .i64 }}}}"),
                "wrong type for value; expected time.Duration; got int64",
            ),
            (
                format!("{{{{ {d}.Sub 5 }}}}"),
                "can't handle 5 for arg of type time.Time",
            ),
            (
                format!("{{{{ {d}.wall }}}}"),
                "wall is an unexported field of struct type time.Time",
            ),
            (
                format!("{{{{ {d}.Nope }}}}"),
                "can't evaluate field Nope in type time.Time",
            ),
        ];
        for (tpl, want) in &cases {
            let err = render(tpl).expect_err(tpl);
            assert!(err.ends_with(want), "{tpl}: {err}");
        }
    }

    /// The names these groups register, as Sprig v3.3.0's `functions.go` spells them.
    #[test]
    fn names_are_sprigs() {
        let mut names: Vec<String> = super::functions()
            .into_iter()
            .chain(crate::semver::functions())
            .chain(crate::random::functions())
            .map(|f| f.name().to_string())
            .collect();
        names.sort();
        let mut want = vec![
            "ago",
            "date",
            "date_in_zone",
            "date_modify",
            "dateInZone",
            "dateModify",
            "duration",
            "durationRound",
            "hello",
            "htmlDate",
            "htmlDateInZone",
            "must_date_modify",
            "mustDateModify",
            "mustToDate",
            "now",
            "randAlpha",
            "randAlphaNum",
            "randAscii",
            "randBytes",
            "randInt",
            "randNumeric",
            "semver",
            "semverCompare",
            "shuffle",
            "toDate",
            "unixEpoch",
            "uuidv4",
        ];
        want.sort();
        assert_eq!(names, want);
    }

    /// `now` and the functions that default to it: shapes rather than values.
    #[test]
    fn now_has_go_shape() {
        let out = render("{{ now }}").unwrap();
        // 2006-01-02 15:04:05.999999999 -0700 MST m=+0.000000001
        let (time, mono) = out.split_once(" m=+").expect(&out);
        assert!(time.len() >= "2006-01-02 15:04:05 +0000 UTC".len(), "{out}");
        let (secs, frac) = mono.split_once('.').expect(&out);
        assert!(secs.bytes().all(|b| b.is_ascii_digit()), "{out}");
        assert!(
            frac.len() == 9 && frac.bytes().all(|b| b.is_ascii_digit()),
            "{out}"
        );
        // A float64 is not a date to Sprig: it means now.
        let year = render(r#"{{ date "2006" .f }}"#).unwrap();
        assert_eq!(year, render(r#"{{ now.Year }}"#).unwrap());
        assert_eq!(render("{{ ago now }}").unwrap(), "0s");
        assert_eq!(render("{{ durationRound now }}").unwrap(), "0s");
        assert_eq!(
            render(r#"{{ ago (now | dateModify "-90m") }}"#).unwrap(),
            "1h30m0s"
        );
        let epoch = render("{{ now | unixEpoch }}").unwrap();
        assert!(epoch.parse::<i64>().unwrap() > 1_700_000_000);
    }
}
