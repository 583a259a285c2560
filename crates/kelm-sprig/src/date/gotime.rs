//! `time.Time` between this crate's [`Time`] and `kelm-yaml`'s [`GoTime`], the plain
//! data form Go's encoders print and BurntSushi's TOML decoder produces.

use kelm_yaml::{GoLocation, GoTime};

use super::time::{Loc, Time};

/// The names BurntSushi gives its zones for TOML's local kinds; a time in a zone of
/// one of these names came from `fromToml`, and `toToml` prints it as that kind again.
const TOML_DATETIME_LOCAL: &str = "datetime-local";
const TOML_DATE_LOCAL: &str = "date-local";
const TOML_TIME_LOCAL: &str = "time-local";

/// The fields Go's methods show of `t`, as the printers take them.
pub(crate) fn to_go_time(t: &Time) -> GoTime {
    let (year, month, day) = t.ymd();
    let (hour, minute, second) = t.clock();
    let (zone, offset, _) = t.locabs();
    let location = match t.loc() {
        Loc::Utc => GoLocation::Utc,
        Loc::Local => GoLocation::Named("Local".to_string()),
        Loc::Zone(l) => match l.name() {
            TOML_DATETIME_LOCAL => GoLocation::TomlLocalDatetime,
            TOML_DATE_LOCAL => GoLocation::TomlLocalDate,
            TOML_TIME_LOCAL => GoLocation::TomlLocalTime,
            name => GoLocation::Named(name.to_string()),
        },
    };
    GoTime {
        year,
        // Go's Date and Clock keep these in range.
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        nanosecond: t.nanosecond() as u32,
        offset: offset as i32,
        zone,
        location,
    }
}

/// The `time.Time` a [`GoTime`] describes: the same instant, in a location of the same
/// name (a fixed zone with the time's offset, except for UTC).
pub(crate) fn from_go_time(g: &GoTime) -> Time {
    let loc = match &g.location {
        GoLocation::Utc => Loc::Utc,
        other => Loc::fixed(other.name(), i64::from(g.offset)),
    };
    Time::date(
        g.year,
        i64::from(g.month),
        i64::from(g.day),
        i64::from(g.hour),
        i64::from(g.minute),
        i64::from(g.second),
        i64::from(g.nanosecond),
        loc,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_toml_kinds() {
        for (location, offset) in [
            (GoLocation::Utc, 0),
            (GoLocation::TomlLocalDate, 0),
            (GoLocation::TomlLocalDatetime, 0),
            (GoLocation::Named(String::new()), -28_800),
        ] {
            let g = GoTime {
                year: 1979,
                month: 5,
                day: 27,
                hour: 7,
                minute: 32,
                second: 0,
                nanosecond: 500_000_000,
                offset,
                zone: if location == GoLocation::Utc {
                    "UTC".to_string()
                } else {
                    location.name().to_string()
                },
                location,
            };
            assert_eq!(to_go_time(&from_go_time(&g)), g);
        }
    }
}
