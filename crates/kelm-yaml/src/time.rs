//! Go's `time.Time`, as BurntSushi's TOML decoder produces it and as Go's printers
//! write it.
//!
//! kelm-yaml has no clock and no time zone database: a [`GoTime`] is plain data, the
//! fields Go's `Time` shows through its methods (`Date`, `Clock`, `Nanosecond`, `Zone`,
//! `Location`), and this module only prints it the ways Go does:
//!
//! | Go | here | e.g. |
//! |---|---|---|
//! | `t.String()` (`%v`, what a template prints) | [`GoTime`]'s `Display` | `1979-05-27 07:32:00 -0800 -0800` |
//! | `t.Format(time.RFC3339Nano)` (yaml.v3, TOML) | [`GoTime::rfc3339_nano`] | `1979-05-27T07:32:00-08:00` |
//! | `t.MarshalJSON()` (JSON, `toYaml`) | [`GoTime::marshal_json`] | `"1979-05-27T07:32:00-08:00"` |
//! | BurntSushi's encoder | [`GoTime::toml_text`] | `1979-05-27T07:32:00-08:00`, `1979-05-27` |

use std::fmt;

/// A Go `*time.Location`: which zone a [`GoTime`] is in.
///
/// Go compares locations by identity, and BurntSushi's TOML encoder prints a time by
/// its location: its three zones for TOML's local datetimes, dates and times
/// (`time.FixedZone("datetime-local", offset)` and so on, with the machine's offset)
/// print without a date, a time or an offset, every other location as RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GoLocation {
    /// `time.UTC`, named `UTC`; also `time.Local` on a machine in UTC, which is what
    /// kelm assumes (Helm's containers and CI): when the zone comes from `TZ=UTC` or
    /// from nowhere, Go names it `UTC` too, and nothing but pointer identity tells the
    /// two apart.
    Utc,
    /// BurntSushi's zone for TOML local datetimes, named `datetime-local`.
    TomlLocalDatetime,
    /// BurntSushi's zone for TOML local dates, named `date-local`.
    TomlLocalDate,
    /// BurntSushi's zone for TOML local times, named `time-local`.
    TomlLocalTime,
    /// Any other location, by its name (`Location.String()`): a fixed zone
    /// (`time.FixedZone`; BurntSushi gives TOML offsets other than the machine's one
    /// with an empty name) or a zone of the time zone database (`Europe/Paris`).
    Named(String),
}

impl GoLocation {
    /// The location's name, as Go's `Location.String()` gives it.
    pub fn name(&self) -> &str {
        match self {
            GoLocation::Utc => "UTC",
            GoLocation::TomlLocalDatetime => "datetime-local",
            GoLocation::TomlLocalDate => "date-local",
            GoLocation::TomlLocalTime => "time-local",
            GoLocation::Named(name) => name,
        }
    }

    /// Whether this is one of BurntSushi's zones for TOML's local kinds.
    fn is_toml_local(&self) -> bool {
        matches!(
            self,
            GoLocation::TomlLocalDatetime | GoLocation::TomlLocalDate | GoLocation::TomlLocalTime
        )
    }
}

/// A Go `time.Time` (without a monotonic clock reading): an instant, as the date and
/// clock in its zone, with the zone.
///
/// The fields are what Go's methods return: `Date()` (`year`, `month` 1 to 12, `day` 1
/// to 31), `Clock()` (`hour` 0 to 23, `minute`, `second` 0 to 59), `Nanosecond()`,
/// `Zone()` (`zone`, the abbreviation, and `offset`, seconds east of UTC) and
/// `Location()`. Nothing checks them: a time built with fields out of these ranges
/// prints them as they are.
///
/// `from_toml` gives TOML datetimes these values (the machine's zone taken to be UTC):
///
/// | TOML | `zone` | `offset` | `location` |
/// |---|---|---|---|
/// | `1979-05-27T07:32:00Z`, `...+00:00` | `UTC` | 0 | [`GoLocation::Utc`] (`time.Local` for `+00:00`) |
/// | `1979-05-27T07:32:00-08:00` | empty | -28800 | [`GoLocation::Named`] with an empty name |
/// | `1979-05-27T07:32:00` | `datetime-local` | 0 | [`GoLocation::TomlLocalDatetime`] |
/// | `1979-05-27` (midnight) | `date-local` | 0 | [`GoLocation::TomlLocalDate`] |
/// | `07:32:00` (on 0000-01-01) | `time-local` | 0 | [`GoLocation::TomlLocalTime`] |
///
/// `Display` prints it as Go's `String()` does: `1979-05-27 07:32:00.5 -0800 -0800`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoTime {
    /// The year (Go's years run through 0 and below: 1 BC is 0).
    pub year: i64,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
    /// The hour, 0 to 23.
    pub hour: u8,
    /// The minute, 0 to 59.
    pub minute: u8,
    /// The second, 0 to 59.
    pub second: u8,
    /// The nanosecond within the second, below 1,000,000,000.
    pub nanosecond: u32,
    /// The zone's offset in seconds east of UTC.
    pub offset: i32,
    /// The zone's abbreviation (`UTC`, `CET`); empty for a fixed zone without a name,
    /// which Go prints as the offset (`-0800`).
    pub zone: String,
    /// The location.
    pub location: GoLocation,
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = if m <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Go's `appendInt(b, x, width)`: a minus sign, then at least `width` digits.
fn push_int(out: &mut String, x: i64, width: usize) {
    if x < 0 {
        out.push('-');
    }
    let digits = x.unsigned_abs().to_string();
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// Go's `.999999999` layout element: the fraction without trailing zeros, nothing
/// when zero.
fn push_nanos(out: &mut String, ns: u32) {
    if ns == 0 {
        return;
    }
    let frac = format!("{ns:09}");
    out.push('.');
    out.push_str(frac.trim_end_matches('0'));
}

impl GoTime {
    /// Seconds since 1970-01-01 UTC (Go's `Unix()`).
    pub fn unix(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset)
    }

    /// The same instant in UTC (Go's `t.In(time.UTC)`).
    pub fn in_utc(&self) -> GoTime {
        let secs = self.unix();
        let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
        let s = secs.rem_euclid(86_400);
        GoTime {
            year,
            month,
            day,
            hour: (s / 3600) as u8,
            minute: (s / 60 % 60) as u8,
            second: (s % 60) as u8,
            nanosecond: self.nanosecond,
            offset: 0,
            zone: "UTC".to_string(),
            location: GoLocation::Utc,
        }
    }

    fn push_date(&self, out: &mut String) {
        push_int(out, self.year, 4);
        out.push('-');
        push_int(out, i64::from(self.month), 2);
        out.push('-');
        push_int(out, i64::from(self.day), 2);
    }

    fn push_clock(&self, out: &mut String) {
        push_int(out, i64::from(self.hour), 2);
        out.push(':');
        push_int(out, i64::from(self.minute), 2);
        out.push(':');
        push_int(out, i64::from(self.second), 2);
        push_nanos(out, self.nanosecond);
    }

    /// The offset as `[+-]hh` then `mm`, with `sep` between (whole minutes only, as
    /// Go prints it).
    fn push_offset(&self, out: &mut String, sep: &str) {
        let mut zone = self.offset / 60;
        if zone < 0 {
            out.push('-');
            zone = -zone;
        } else {
            out.push('+');
        }
        push_int(out, i64::from(zone / 60), 2);
        out.push_str(sep);
        push_int(out, i64::from(zone % 60), 2);
    }

    /// `t.Format(time.RFC3339Nano)`: `1979-05-27T07:32:00.5Z`, `...-08:00`. yaml.v3
    /// writes times this way (as a plain scalar), and BurntSushi's TOML encoder for
    /// every location but its own three.
    pub fn rfc3339_nano(&self) -> String {
        let mut out = String::with_capacity(35);
        self.push_date(&mut out);
        out.push('T');
        self.push_clock(&mut out);
        if self.offset == 0 {
            out.push('Z');
        } else {
            self.push_offset(&mut out, ":");
        }
        out
    }

    /// `t.MarshalJSON()`: the RFC 3339 text in double quotes, or the text of Go's
    /// error when RFC 3339 cannot express the time (`Time.MarshalJSON: year outside of
    /// range [0,9999]`, `Time.MarshalJSON: timezone hour outside of range [0,23]`).
    /// `encoding/json` reports it as `json: error calling MarshalJSON for type
    /// time.Time: ` followed by that text.
    pub fn marshal_json(&self) -> Result<String, String> {
        let text = self.rfc3339_nano();
        let b = text.as_bytes();
        let problem = if b.get(4) != Some(&b'-') {
            Some("year outside of range [0,9999]")
        } else if b.last() != Some(&b'Z') {
            let n = b.len();
            let hour = &b[n - 5..n - 3];
            let hour = (hour[0] - b'0') * 10 + (hour[1] - b'0');
            (b[n - 6].is_ascii_digit() || hour >= 24)
                .then_some("timezone hour outside of range [0,23]")
        } else {
            None
        };
        match problem {
            Some(p) => Err(format!("Time.MarshalJSON: {p}")),
            None => Ok(format!("\"{text}\"")),
        }
    }

    /// The text BurntSushi's TOML encoder writes for the time: for its three local
    /// zones the time in UTC as `1979-05-27T07:32:00.5`, `1979-05-27` or `07:32:00.5`,
    /// else [`GoTime::rfc3339_nano`].
    pub fn toml_text(&self) -> String {
        if !self.location.is_toml_local() {
            return self.rfc3339_nano();
        }
        let utc = self.in_utc();
        let mut out = String::with_capacity(29);
        match self.location {
            GoLocation::TomlLocalDatetime => {
                utc.push_date(&mut out);
                out.push('T');
                utc.push_clock(&mut out);
            }
            GoLocation::TomlLocalDate => utc.push_date(&mut out),
            _ => utc.push_clock(&mut out),
        }
        out
    }
}

impl fmt::Display for GoTime {
    /// Go's `String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, the zone's
    /// abbreviation at the end, or its offset again when it has none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(40);
        self.push_date(&mut out);
        out.push(' ');
        self.push_clock(&mut out);
        out.push(' ');
        self.push_offset(&mut out, "");
        out.push(' ');
        if self.zone.is_empty() {
            self.push_offset(&mut out, "");
        } else {
            out.push_str(&self.zone);
        }
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(year: i64, offset: i32, zone: &str, location: GoLocation) -> GoTime {
        GoTime {
            year,
            month: 5,
            day: 27,
            hour: 7,
            minute: 32,
            second: 0,
            nanosecond: 0,
            offset,
            zone: zone.to_string(),
            location,
        }
    }

    #[test]
    fn go_texts() {
        let fixed = t(1979, -8 * 3600, "", GoLocation::Named(String::new()));
        assert_eq!(fixed.to_string(), "1979-05-27 07:32:00 -0800 -0800");
        assert_eq!(fixed.rfc3339_nano(), "1979-05-27T07:32:00-08:00");
        assert_eq!(fixed.toml_text(), "1979-05-27T07:32:00-08:00");
        assert_eq!(
            fixed.marshal_json().as_deref(),
            Ok("\"1979-05-27T07:32:00-08:00\"")
        );
        assert_eq!(fixed.unix(), 296_667_120);
        let mut utc = t(1979, 0, "UTC", GoLocation::Utc);
        utc.nanosecond = 500_000_000;
        assert_eq!(utc.to_string(), "1979-05-27 07:32:00.5 +0000 UTC");
        assert_eq!(utc.rfc3339_nano(), "1979-05-27T07:32:00.5Z");
        let date = t(1979, 0, "date-local", GoLocation::TomlLocalDate);
        assert_eq!(date.toml_text(), "1979-05-27");
        let time = t(0, 0, "time-local", GoLocation::TomlLocalTime);
        assert_eq!(time.toml_text(), "07:32:00");
        assert_eq!(time.to_string(), "0000-05-27 07:32:00 +0000 time-local");
        let early = t(-1, 0, "UTC", GoLocation::Utc);
        assert_eq!(early.rfc3339_nano(), "-0001-05-27T07:32:00Z");
        assert_eq!(
            early.marshal_json(),
            Err("Time.MarshalJSON: year outside of range [0,9999]".to_string())
        );
        let far = t(1979, 24 * 3600, "", GoLocation::Named(String::new()));
        assert_eq!(
            far.marshal_json(),
            Err("Time.MarshalJSON: timezone hour outside of range [0,23]".to_string())
        );
    }

    #[test]
    fn calendar() {
        for days in [-800_000, -719_468, -1, 0, 1, 59, 10_957, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        let local = GoTime {
            offset: 3600,
            ..t(2000, 0, "CET", GoLocation::Named("Europe/Paris".into()))
        };
        let utc = local.in_utc();
        assert_eq!((utc.hour, utc.offset), (6, 0));
    }
}
