//! Go's `time.Time` as the recorders write it: its `String()`, its zone's abbreviation
//! and its location's name. Shared by the differential test (`$time` tags) and
//! `tests/corpus.rs`.

use kelm_yaml::{GoLocation, GoTime};

/// The location a recorded name stands for: `UTC` is `time.UTC`, `datetime-local`,
/// `date-local` and `time-local` are BurntSushi's zones, anything else a fixed zone of
/// that name.
pub fn location(name: &str) -> GoLocation {
    match name {
        "UTC" => GoLocation::Utc,
        "datetime-local" => GoLocation::TomlLocalDatetime,
        "date-local" => GoLocation::TomlLocalDate,
        "time-local" => GoLocation::TomlLocalTime,
        name => GoLocation::Named(name.to_string()),
    }
}

/// The time Go's `String()` text (`1979-05-27 07:32:00.5 -0800 -0800`), zone
/// abbreviation and location name describe. Checks that kelm prints the same
/// `String()`.
pub fn parse(string: &str, zone: &str, location_name: &str) -> Result<GoTime, String> {
    let bad = || format!("cannot read the time {string:?}");
    let parts: Vec<&str> = string.splitn(4, ' ').collect();
    let [date, clock, offset, _] = parts[..] else {
        return Err(bad());
    };
    let (neg, date) = match date.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, date),
    };
    let num = |s: &str| s.parse::<i64>().map_err(|_| bad());
    let d: Vec<&str> = date.split('-').collect();
    let [y, mo, da] = d[..] else {
        return Err(bad());
    };
    let (clock, frac) = clock.split_once('.').unwrap_or((clock, ""));
    let c: Vec<&str> = clock.split(':').collect();
    let [h, mi, se] = c[..] else {
        return Err(bad());
    };
    let nanosecond = if frac.is_empty() {
        0
    } else {
        num(&format!("{frac:0<9}"))? as u32
    };
    if offset.len() != 5 {
        return Err(bad());
    }
    let (sign, hhmm) = offset.split_at(1);
    let hhmm = num(hhmm)?;
    let off = ((hhmm / 100 * 60 + hhmm % 100) * 60) as i32;
    let t = GoTime {
        year: if neg { -num(y)? } else { num(y)? },
        month: num(mo)? as u8,
        day: num(da)? as u8,
        hour: num(h)? as u8,
        minute: num(mi)? as u8,
        second: num(se)? as u8,
        nanosecond,
        offset: if sign == "-" { -off } else { off },
        zone: zone.to_string(),
        location: location(location_name),
    };
    if t.to_string() != string {
        return Err(format!(
            "kelm's GoTime prints {:?} where Go printed {string:?}",
            t.to_string()
        ));
    }
    Ok(t)
}
