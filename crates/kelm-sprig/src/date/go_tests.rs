//! Checks against Go: `testdata/go_time.json` holds what Go 1.25's `time` package
//! printed for many instants, zones, layouts, values to parse and durations (recorded
//! by `tools/sprig-time-record` with this machine's tz database and `TZ` unset).
//!
//! Zones are read from the tz database of the machine running the tests, as Go read
//! them from the recording machine's; a zone missing here is skipped.

use serde_json::Value as Json;

use super::duration;
use super::layout;
use super::time::{Loc, Time};
use super::zone::{self, Loaded};

fn data() -> Json {
    serde_json::from_str(include_str!("testdata/go_time.json")).expect("go_time.json")
}

fn loc(name: &str) -> Option<Loc> {
    if name == "UTC" {
        return Some(Loc::Utc);
    }
    match zone::load_location(name)? {
        Loaded::Zone(l) => Some(Loc::Zone(l)),
        Loaded::Utc => Some(Loc::Utc),
        Loaded::Local => Some(Loc::Local),
    }
}

fn s(v: &Json) -> &str {
    v.as_str().unwrap_or_default()
}

fn i(v: &Json) -> i64 {
    v.as_i64().unwrap_or_default()
}

fn describe(t: &Time) -> String {
    let z = t.zone();
    format!(
        "{} {}|{} {}|{}",
        t.unix_seconds(),
        t.nanosecond(),
        z.name,
        z.offset,
        t.loc().get().name()
    )
}

fn go_float(f: f64) -> String {
    kelm_strconv::format_float(f, 'g', -1, 64)
}

#[test]
fn format_matches_go() {
    let d = data();
    let layouts: Vec<&str> = d["layouts"].as_array().unwrap().iter().map(s).collect();
    let mut checked = 0;
    for c in d["format"].as_array().unwrap() {
        let Some(loc) = loc(s(&c["zone"])) else {
            continue;
        };
        let t = Time::unix(i(&c["unix"]), i(&c["nsec"])).in_loc(loc);
        for (layout, want) in layouts.iter().zip(c["outs"].as_array().unwrap()) {
            assert_eq!(
                layout::format(&t, layout),
                s(want),
                "{} {} in {} as {layout:?}",
                c["unix"],
                c["nsec"],
                c["zone"]
            );
            checked += 1;
        }
    }
    assert!(checked > 1000);
}

#[test]
fn time_fields_match_go() {
    for c in data()["times"].as_array().unwrap() {
        let Some(loc) = loc(s(&c["zone"])) else {
            continue;
        };
        let t = Time::unix(i(&c["unix"]), i(&c["nsec"])).in_loc(loc);
        let what = format!("{} {} in {}", c["unix"], c["nsec"], c["zone"]);
        assert_eq!(t.to_go_string(), s(&c["string"]), "{what}");
        let (y, m, dd) = t.ymd();
        let (h, mi, se) = t.clock();
        let fields = s(&c["fields"]);
        // Go's ISOWeek is not reachable from templates (two results); skip its two.
        let mut want: Vec<&str> = fields.split(' ').collect();
        want.drain(8..10);
        let got = format!(
            "{y} {m} {dd} {h} {mi} {se} {} {} {} {} {} {}",
            t.weekday(),
            t.year_day(),
            t.zone().is_dst,
            t.unix_milli(),
            t.unix_micro(),
            t.unix_nano()
        );
        assert_eq!(got, want.join(" "), "{what}");
    }
}

#[test]
fn parse_matches_go() {
    for c in data()["parse"].as_array().unwrap() {
        let Some(l) = loc(s(&c["zone"])) else {
            continue;
        };
        let (layout_s, value) = (s(&c["layout"]), s(&c["value"]));
        let got = layout::parse_in_location(layout_s, value, l);
        let what = format!("{layout_s:?} {value:?} in {}", c["zone"]);
        match (got, c.get("err")) {
            (Ok(t), None) => assert_eq!(describe(&t), s(&c["out"]), "{what}"),
            (Err(e), Some(want)) => assert_eq!(e, s(want), "{what}"),
            (got, _) => panic!("{what}: got {got:?}, Go: {c}"),
        }
    }
}

#[test]
fn durations_match_go() {
    let d = data();
    for c in d["durations"].as_array().unwrap() {
        let input = s(&c["in"]);
        match (duration::parse(input), c.get("err")) {
            (Ok(ns), None) => assert_eq!(ns, i(&c["ns"]), "{input:?}"),
            (Err(e), Some(want)) => assert_eq!(e, s(want), "{input:?}"),
            (got, _) => panic!("{input:?}: got {got:?}, Go: {c}"),
        }
    }
    for c in d["duration_strings"].as_array().unwrap() {
        let ns = i(&c["ns"]);
        assert_eq!(duration::format(ns), s(&c["out"]), "{ns}");
        let units = format!(
            "{} {} {} {} {}",
            go_float(duration::in_units(ns, duration::HOUR)),
            go_float(duration::in_units(ns, duration::MINUTE)),
            go_float(duration::in_units(ns, duration::SECOND)),
            ns / 1_000_000,
            ns / 1000
        );
        assert_eq!(units, s(&c["units"]), "{ns}");
    }
}

#[test]
fn round_and_truncate_match_go() {
    for c in data()["rounds"].as_array().unwrap() {
        let t = Time::unix(i(&c["unix"]), i(&c["nsec"])).in_loc(Loc::Utc);
        let d = i(&c["d"]);
        assert_eq!(describe(&t.round(d)), s(&c["round"]), "{c}");
        assert_eq!(describe(&t.truncate(d)), s(&c["trunc"]), "{c}");
    }
}
