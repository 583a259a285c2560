//! Go's `time.Time` and its calendar arithmetic, as Go 1.25 computes them.
//!
//! A [`Time`] is Go's three words: `wall` (a flag, seconds since 1885 when the time has
//! a monotonic reading, and nanoseconds), `ext` (seconds since year 1, or the monotonic
//! reading) and a location. Keeping Go's representation keeps Go's results at the edges:
//! times far outside the years 1-9999, integer overflow in `Add` and `Date`, what `Sub`
//! clamps to, and the monotonic clock reading `String()` prints for `now`.

use std::sync::{Arc, OnceLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::duration::{Duration, MAX_DURATION, MIN_DURATION, SECOND};
use super::zone::{self, Location, ZoneAt};

pub(crate) const SECONDS_PER_MINUTE: i64 = 60;
pub(crate) const SECONDS_PER_HOUR: i64 = 60 * SECONDS_PER_MINUTE;
pub(crate) const SECONDS_PER_DAY: i64 = 24 * SECONDS_PER_HOUR;

/// Days from March through December (Go's calendar starts its years on March 1).
const MARCH_THRU_DECEMBER: u64 = 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31;
/// Go's `absoluteYears`: the absolute calendar starts this many years before year 0.
const ABSOLUTE_YEARS: u64 = 292_277_022_400;
/// Go's `absoluteToInternal`: `-(absoluteYears*365.2425 + marchThruDecember) * secondsPerDay`.
const ABSOLUTE_TO_INTERNAL: i64 = -9_223_371_966_606_163_200;
const INTERNAL_TO_ABSOLUTE: i64 = -ABSOLUTE_TO_INTERNAL;
/// Seconds from January 1 of year 1 to the Unix epoch.
const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * SECONDS_PER_DAY;
const INTERNAL_TO_UNIX: i64 = -UNIX_TO_INTERNAL;
const ABSOLUTE_TO_UNIX: i64 = ABSOLUTE_TO_INTERNAL + INTERNAL_TO_UNIX;
const UNIX_TO_ABSOLUTE: i64 = UNIX_TO_INTERNAL + INTERNAL_TO_ABSOLUTE;
/// Seconds from year 1 to 1885, where `wall`'s seconds count from.
const WALL_TO_INTERNAL: i64 = (1884 * 365 + 1884 / 4 - 1884 / 100 + 1884 / 400) * SECONDS_PER_DAY;

const HAS_MONOTONIC: u64 = 1 << 63;
const MIN_WALL: i64 = WALL_TO_INTERNAL;
const NSEC_MASK: u64 = (1 << 30) - 1;
const NSEC_SHIFT: u32 = 30;

/// Unix seconds to Go's `absSeconds`.
pub(crate) fn unix_to_abs_seconds(sec: i64) -> u64 {
    sec.wrapping_add(UNIX_TO_ABSOLUTE) as u64
}

/// Where a time is shown: Go's `*time.Location` (nil meaning UTC).
#[derive(Debug, Clone)]
pub(crate) enum Loc {
    /// `time.UTC` (Go stores it as a nil pointer).
    Utc,
    /// `time.Local`.
    Local,
    /// Any other location: a loaded zone or a fixed offset.
    Zone(Arc<Location>),
}

impl Loc {
    /// The location's data (Go's `Location.get`).
    pub(crate) fn get(&self) -> &Location {
        match self {
            Loc::Utc => zone::utc(),
            Loc::Local => zone::local(),
            Loc::Zone(l) => l,
        }
    }

    /// Go's `FixedZone`.
    pub(crate) fn fixed(name: &str, offset: i64) -> Loc {
        Loc::Zone(Arc::new(Location::fixed(name, offset)))
    }

    fn lookup(&self, sec: i64) -> ZoneAt {
        self.get().lookup(sec)
    }
}

/// A Go `time.Time`.
#[derive(Debug, Clone)]
pub(crate) struct Time {
    wall: u64,
    ext: i64,
    loc: Loc,
}

/// The instant Go's runtime takes as the start of its monotonic clock.
fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Starts the monotonic clock that `now` readings are relative to (Go starts it when
/// the process starts; kelm when Sprig's functions are first made).
pub(crate) fn init_clock() {
    let _ = start();
}

/// Nanoseconds on the monotonic clock since [`start`], plus one as in Go.
fn mono_now() -> i64 {
    i64::try_from(start().elapsed().as_nanos())
        .unwrap_or(i64::MAX - 1)
        .saturating_add(1)
}

/// Calendar helpers on Go's absolute day numbers (`absDays`).
///
/// Returns (century, year in century, day of the March-based year).
fn split_days(days: u64) -> (u64, u32, u32) {
    let d = days.wrapping_mul(4).wrapping_add(3);
    let century = d / 146_097;
    let cd = (d % 146_097) as u32 | 3;
    let p = 2_939_745u64 * u64::from(cd);
    let cyear = (p >> 32) as u32;
    let ayday = (p as u32) / 2_939_745 / 4;
    (century, cyear, ayday)
}

/// (month of the March-based year, day of month) of a March-based day of year.
fn split_ayday(ayday: u32) -> (i64, i64) {
    let d = 2141u32.wrapping_mul(ayday).wrapping_add(197_913);
    (i64::from(d >> 16), 1 + i64::from((d & 0xFFFF) / 2141))
}

fn jan_feb(ayday: u32) -> i64 {
    i64::from(u64::from(ayday) >= MARCH_THRU_DECEMBER)
}

fn century_year(century: u64, cyear: u32, jan_feb: i64) -> i64 {
    (century.wrapping_mul(100).wrapping_sub(ABSOLUTE_YEARS) as i64)
        .wrapping_add(i64::from(cyear))
        .wrapping_add(jan_feb)
}

/// (year, month, day) of an absolute day.
pub(crate) fn abs_days_date(days: u64) -> (i64, i64, i64) {
    let (century, cyear, ayday) = split_days(days);
    let (amonth, day) = split_ayday(ayday);
    let jf = jan_feb(ayday);
    (century_year(century, cyear, jf), amonth - jf * 12, day)
}

/// (year, day of year from 1) of an absolute day.
pub(crate) fn abs_days_year_yday(days: u64) -> (i64, i64) {
    let (century, cyear, ayday) = split_days(days);
    let jf = jan_feb(ayday);
    let leap = i64::from(cyear % 4 == 0 && (cyear != 0 || century % 4 == 0));
    let yday = i64::from(ayday) + (1 + 31 + 28) + (leap & !jf) - 365 * jf;
    (century_year(century, cyear, jf), yday)
}

/// Day of the week (0 is Sunday) of an absolute day.
pub(crate) fn abs_days_weekday(days: u64) -> i64 {
    // Absolute day 0 is a Wednesday.
    (days.wrapping_add(3) % 7) as i64
}

/// Hour, minute and second of absolute seconds.
pub(crate) fn abs_clock(abs: u64) -> (i64, i64, i64) {
    let mut sec = (abs % SECONDS_PER_DAY as u64) as i64;
    let hour = sec / SECONDS_PER_HOUR;
    sec -= hour * SECONDS_PER_HOUR;
    let min = sec / SECONDS_PER_MINUTE;
    sec -= min * SECONDS_PER_MINUTE;
    (hour, min, sec)
}

/// Go's `dateToAbsDays`.
fn date_to_abs_days(year: i64, month: i64, day: i64) -> u64 {
    let mut amonth = month as u32;
    let jf = u32::from(amonth < 3);
    amonth = amonth.wrapping_add(12 * jf);
    let y = (year as u64)
        .wrapping_sub(u64::from(jf))
        .wrapping_add(ABSOLUTE_YEARS);
    let ayday = 979u32.wrapping_mul(amonth).wrapping_sub(2919) >> 5;
    let century = y / 100;
    let cyear = (y % 100) as u32;
    let cday = 1461u32.wrapping_mul(cyear) / 4;
    let centurydays = 146_097u64.wrapping_mul(century) / 4;
    centurydays.wrapping_add(
        i64::from(cday.wrapping_add(ayday))
            .wrapping_add(day)
            .wrapping_sub(1) as u64,
    )
}

/// Go's `isLeap`.
pub(crate) fn is_leap(year: i64) -> bool {
    let mask = if year % 25 != 0 { 3 } else { 0xf };
    year & mask == 0
}

/// Go's `daysBefore`: days in the year before the first of month `m`.
pub(crate) fn days_before(m: i64) -> i64 {
    let adj = if m >= 3 { -2 } else { 0 };
    (214 * m - 211) / 7 + adj
}

/// Go's `daysIn`.
pub(crate) fn days_in(m: i64, year: i64) -> i64 {
    if m == 2 {
        return if is_leap(year) { 29 } else { 28 };
    }
    30 + ((m + (m >> 3)) & 1)
}

/// Go's `norm`: carries `lo` into `hi` so that `0 <= lo < base`.
fn norm(mut hi: i64, mut lo: i64, base: i64) -> (i64, i64) {
    if lo < 0 {
        let n = (-lo - 1) / base + 1;
        hi = hi.wrapping_sub(n);
        lo += n * base;
    }
    if lo >= base {
        let n = lo / base;
        hi = hi.wrapping_add(n);
        lo -= n * base;
    }
    (hi, lo)
}

/// Go's `lessThanHalf`.
pub(crate) fn less_than_half(x: i64, y: i64) -> bool {
    (x as u64).wrapping_add(x as u64) < y as u64
}

impl Time {
    /// The zero time (`time.Time{}`): January 1, year 1, 00:00:00 UTC.
    pub(crate) fn zero() -> Time {
        Time {
            wall: 0,
            ext: 0,
            loc: Loc::Utc,
        }
    }

    /// Go's `time.Now()`, with a monotonic clock reading.
    pub(crate) fn now() -> Time {
        let (sec, nsec) = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => {
                let d = e.duration();
                let (s, n) = (d.as_secs() as i64, d.subsec_nanos());
                if n == 0 {
                    (-s, 0)
                } else {
                    (-s - 1, 1_000_000_000 - n)
                }
            }
        };
        let mono = mono_now();
        let wsec = sec + UNIX_TO_INTERNAL - MIN_WALL;
        if (wsec as u64) >> 33 != 0 {
            return Time {
                wall: u64::from(nsec),
                ext: wsec + MIN_WALL,
                loc: Loc::Local,
            };
        }
        Time {
            wall: HAS_MONOTONIC | (wsec as u64) << NSEC_SHIFT | u64::from(nsec),
            ext: mono,
            loc: Loc::Local,
        }
    }

    /// Go's `unixTime`.
    fn unix_time(sec: i64, nsec: i32) -> Time {
        Time {
            wall: nsec as u64,
            ext: sec.wrapping_add(UNIX_TO_INTERNAL),
            loc: Loc::Local,
        }
    }

    /// Go's `time.Unix(sec, nsec)`, in the local zone.
    pub(crate) fn unix(mut sec: i64, mut nsec: i64) -> Time {
        if !(0..1_000_000_000).contains(&nsec) {
            let n = nsec / 1_000_000_000;
            sec = sec.wrapping_add(n);
            nsec -= n * 1_000_000_000;
            if nsec < 0 {
                nsec += 1_000_000_000;
                sec = sec.wrapping_sub(1);
            }
        }
        Time::unix_time(sec, nsec as i32)
    }

    /// Go's `time.Date`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn date(
        year: i64,
        month: i64,
        day: i64,
        hour: i64,
        min: i64,
        sec: i64,
        nsec: i64,
        loc: Loc,
    ) -> Time {
        let (year, m) = norm(year, month.wrapping_sub(1), 12);
        let month = m + 1;
        let (sec, nsec) = norm(sec, nsec, 1_000_000_000);
        let (min, sec) = norm(min, sec, 60);
        let (hour, min) = norm(hour, min, 60);
        let (day, hour) = norm(day, hour, 24);

        let mut unix = (date_to_abs_days(year, month, day) as i64)
            .wrapping_mul(SECONDS_PER_DAY)
            .wrapping_add(
                hour.wrapping_mul(SECONDS_PER_HOUR)
                    .wrapping_add(min.wrapping_mul(SECONDS_PER_MINUTE))
                    .wrapping_add(sec),
            )
            .wrapping_add(ABSOLUTE_TO_UNIX);

        // Look the offset up at `unix` as if it were UTC, then again at the instant
        // that offset gives, when that lies outside the zone found.
        let z = loc.lookup(unix);
        let mut offset = z.offset;
        if offset != 0 {
            let utc = unix.wrapping_sub(offset);
            if utc < z.start || utc >= z.end {
                offset = loc.lookup(utc).offset;
            }
            unix = unix.wrapping_sub(offset);
        }
        let mut t = Time::unix_time(unix, nsec as i32);
        t.set_loc(loc);
        t
    }

    fn nsec(&self) -> i32 {
        (self.wall & NSEC_MASK) as i32
    }

    /// Seconds since January 1, year 1.
    fn sec(&self) -> i64 {
        if self.wall & HAS_MONOTONIC != 0 {
            return WALL_TO_INTERNAL + ((self.wall << 1) >> (NSEC_SHIFT + 1)) as i64;
        }
        self.ext
    }

    fn unix_sec(&self) -> i64 {
        self.sec().wrapping_add(INTERNAL_TO_UNIX)
    }

    /// Go's `addSec`.
    pub(crate) fn add_sec(&mut self, d: i64) {
        if self.wall & HAS_MONOTONIC != 0 {
            let sec = ((self.wall << 1) >> (NSEC_SHIFT + 1)) as i64;
            let dsec = sec.wrapping_add(d);
            if (0..=(1 << 33) - 1).contains(&dsec) {
                self.wall = self.wall & NSEC_MASK | (dsec as u64) << NSEC_SHIFT | HAS_MONOTONIC;
                return;
            }
            self.strip_mono();
        }
        let sum = self.ext.wrapping_add(d);
        if (sum > self.ext) == (d > 0) {
            self.ext = sum;
        } else if d > 0 {
            self.ext = i64::MAX;
        } else {
            self.ext = -i64::MAX;
        }
    }

    /// Go's `setLoc`.
    pub(crate) fn set_loc(&mut self, loc: Loc) {
        self.strip_mono();
        self.loc = loc;
    }

    fn strip_mono(&mut self) {
        if self.wall & HAS_MONOTONIC != 0 {
            self.ext = self.sec();
            self.wall &= NSEC_MASK;
        }
    }

    fn has_mono(&self) -> bool {
        self.wall & HAS_MONOTONIC != 0
    }

    /// Go's raw fields, for struct equality: `wall`, `ext`.
    pub(crate) fn raw(&self) -> (u64, i64) {
        (self.wall, self.ext)
    }

    /// The location (Go's `loc` field; nil is UTC).
    pub(crate) fn loc(&self) -> &Loc {
        &self.loc
    }

    /// Go's `absSec`: seconds in the absolute calendar, in the time's zone.
    fn abs_sec(&self) -> u64 {
        let mut sec = self.unix_sec();
        if !matches!(self.loc, Loc::Utc) {
            sec = sec.wrapping_add(self.loc.lookup(sec).offset);
        }
        unix_to_abs_seconds(sec)
    }

    /// Go's `locabs`: zone name, offset and absolute seconds.
    pub(crate) fn locabs(&self) -> (String, i64, u64) {
        let mut sec = self.unix_sec();
        let (name, offset) = if matches!(self.loc, Loc::Utc) {
            ("UTC".to_string(), 0)
        } else {
            let z = self.loc.lookup(sec);
            sec = sec.wrapping_add(z.offset);
            (z.name, z.offset)
        };
        (name, offset, unix_to_abs_seconds(sec))
    }

    /// `t.IsZero()`.
    pub(crate) fn is_zero(&self) -> bool {
        self.sec() == 0 && self.nsec() == 0
    }

    /// `t.After(u)`.
    pub(crate) fn after(&self, u: &Time) -> bool {
        if self.has_mono() && u.has_mono() {
            return self.ext > u.ext;
        }
        let (ts, us) = (self.sec(), u.sec());
        ts > us || ts == us && self.nsec() > u.nsec()
    }

    /// `t.Before(u)`.
    pub(crate) fn before(&self, u: &Time) -> bool {
        if self.has_mono() && u.has_mono() {
            return self.ext < u.ext;
        }
        let (ts, us) = (self.sec(), u.sec());
        ts < us || ts == us && self.nsec() < u.nsec()
    }

    /// `t.Compare(u)`.
    pub(crate) fn compare(&self, u: &Time) -> i64 {
        let (tc, uc) = if self.has_mono() && u.has_mono() {
            (self.ext, u.ext)
        } else if self.sec() == u.sec() {
            (i64::from(self.nsec()), i64::from(u.nsec()))
        } else {
            (self.sec(), u.sec())
        };
        match tc.cmp(&uc) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }
    }

    /// `t.Equal(u)`.
    pub(crate) fn equal(&self, u: &Time) -> bool {
        if self.has_mono() && u.has_mono() {
            return self.ext == u.ext;
        }
        self.sec() == u.sec() && self.nsec() == u.nsec()
    }

    /// `t.Date()`.
    pub(crate) fn ymd(&self) -> (i64, i64, i64) {
        abs_days_date(self.abs_sec() / SECONDS_PER_DAY as u64)
    }

    /// `t.Year()`.
    pub(crate) fn year(&self) -> i64 {
        self.ymd().0
    }

    /// `t.Month()`, 1 to 12.
    pub(crate) fn month(&self) -> i64 {
        self.ymd().1
    }

    /// `t.Day()`.
    pub(crate) fn day(&self) -> i64 {
        self.ymd().2
    }

    /// `t.Weekday()`, 0 (Sunday) to 6.
    pub(crate) fn weekday(&self) -> i64 {
        abs_days_weekday(self.abs_sec() / SECONDS_PER_DAY as u64)
    }

    /// `t.Clock()`.
    pub(crate) fn clock(&self) -> (i64, i64, i64) {
        abs_clock(self.abs_sec())
    }

    /// `t.Nanosecond()`.
    pub(crate) fn nanosecond(&self) -> i64 {
        i64::from(self.nsec())
    }

    /// `t.YearDay()`.
    pub(crate) fn year_day(&self) -> i64 {
        abs_days_year_yday(self.abs_sec() / SECONDS_PER_DAY as u64).1
    }

    /// `t.Unix()`.
    pub(crate) fn unix_seconds(&self) -> i64 {
        self.unix_sec()
    }

    /// `t.UnixMilli()`.
    pub(crate) fn unix_milli(&self) -> i64 {
        self.unix_sec()
            .wrapping_mul(1000)
            .wrapping_add(i64::from(self.nsec()) / 1_000_000)
    }

    /// `t.UnixMicro()`.
    pub(crate) fn unix_micro(&self) -> i64 {
        self.unix_sec()
            .wrapping_mul(1_000_000)
            .wrapping_add(i64::from(self.nsec()) / 1000)
    }

    /// `t.UnixNano()`.
    pub(crate) fn unix_nano(&self) -> i64 {
        self.unix_sec()
            .wrapping_mul(1_000_000_000)
            .wrapping_add(i64::from(self.nsec()))
    }

    /// `t.Zone()`.
    pub(crate) fn zone(&self) -> ZoneAt {
        self.loc.lookup(self.unix_sec())
    }

    /// `t.In(loc)`, `t.UTC()`, `t.Local()`.
    pub(crate) fn in_loc(&self, loc: Loc) -> Time {
        let mut t = self.clone();
        t.set_loc(loc);
        t
    }

    /// `t.Add(d)`.
    pub(crate) fn add(&self, d: Duration) -> Time {
        let mut t = self.clone();
        let mut dsec = d / 1_000_000_000;
        let mut nsec = t.nsec() + (d % 1_000_000_000) as i32;
        if nsec >= 1_000_000_000 {
            dsec += 1;
            nsec -= 1_000_000_000;
        } else if nsec < 0 {
            dsec -= 1;
            nsec += 1_000_000_000;
        }
        t.wall = t.wall & !NSEC_MASK | nsec as u64;
        t.add_sec(dsec);
        if t.has_mono() {
            let te = t.ext.wrapping_add(d);
            if d < 0 && te > t.ext || d > 0 && te < t.ext {
                t.strip_mono();
            } else {
                t.ext = te;
            }
        }
        t
    }

    /// `t.Sub(u)`.
    pub(crate) fn sub(&self, u: &Time) -> Duration {
        if self.has_mono() && u.has_mono() {
            return sub_mono(self.ext, u.ext);
        }
        let d = self
            .sec()
            .wrapping_sub(u.sec())
            .wrapping_mul(SECOND)
            .wrapping_add(i64::from(self.nsec() - u.nsec()));
        if u.add(d).equal(self) {
            d
        } else if self.before(u) {
            MIN_DURATION
        } else {
            MAX_DURATION
        }
    }

    /// `time.Since(t)`.
    pub(crate) fn since(&self) -> Duration {
        if self.has_mono() {
            return sub_mono(mono_now(), self.ext);
        }
        Time::now().sub(self)
    }

    /// `t.AddDate(years, months, days)`.
    pub(crate) fn add_date(&self, years: i64, months: i64, days: i64) -> Time {
        let (year, month, day) = self.ymd();
        let (hour, min, sec) = self.clock();
        Time::date(
            year.wrapping_add(years),
            month.wrapping_add(months),
            day.wrapping_add(days),
            hour,
            min,
            sec,
            i64::from(self.nsec()),
            self.loc.clone(),
        )
    }

    /// `t.Truncate(d)`.
    pub(crate) fn truncate(&self, d: Duration) -> Time {
        let mut t = self.clone();
        t.strip_mono();
        if d <= 0 {
            return t;
        }
        let (_, r) = div(&t, d);
        t.add(r.wrapping_neg())
    }

    /// `t.Round(d)`.
    pub(crate) fn round(&self, d: Duration) -> Time {
        let mut t = self.clone();
        t.strip_mono();
        if d <= 0 {
            return t;
        }
        let (_, r) = div(&t, d);
        if less_than_half(r, d) {
            return t.add(r.wrapping_neg());
        }
        t.add(d.wrapping_sub(r))
    }

    /// `t.String()`: the time, and the monotonic clock reading if it has one.
    pub(crate) fn to_go_string(&self) -> String {
        let mut s = super::layout::format(self, "2006-01-02 15:04:05.999999999 -0700 MST");
        if self.has_mono() {
            let mut m2 = self.ext as u64;
            let mut sign = '+';
            if self.ext < 0 {
                sign = '-';
                m2 = m2.wrapping_neg();
            }
            let (m1, m2) = (m2 / 1_000_000_000, m2 % 1_000_000_000);
            let (m0, m1) = (m1 / 1_000_000_000, m1 % 1_000_000_000);
            s.push_str(" m=");
            s.push(sign);
            if m0 != 0 {
                s.push_str(&format!("{m0}{m1:09}"));
            } else {
                s.push_str(&m1.to_string());
            }
            s.push_str(&format!(".{m2:09}"));
        }
        s
    }

    /// `t.GoString()`.
    pub(crate) fn go_string(&self) -> String {
        let abs = self.abs_sec();
        let (year, month, day) = abs_days_date(abs / SECONDS_PER_DAY as u64);
        let (hour, minute, second) = abs_clock(abs);
        let mut s = format!("time.Date({year}");
        if (1..=12).contains(&month) {
            s.push_str(", time.");
            s.push_str(super::layout::LONG_MONTH_NAMES[(month - 1) as usize]);
        } else {
            s.push_str(&month.to_string());
        }
        s.push_str(&format!(
            ", {day}, {hour}, {minute}, {second}, {}, ",
            self.nsec()
        ));
        match &self.loc {
            Loc::Utc => s.push_str("time.UTC"),
            Loc::Local => s.push_str("time.Local"),
            Loc::Zone(l) => {
                s.push_str("time.Location(");
                s.push_str(&super::layout::quote(l.name().as_bytes()));
                s.push(')');
            }
        }
        s.push(')');
        s
    }

    /// `t.MarshalBinary()`.
    pub(crate) fn marshal_binary(&self) -> Result<Vec<u8>, String> {
        let mut offset_min: i16 = -1;
        let mut offset_sec: i8 = 0;
        let mut version = 1u8;
        if !matches!(self.loc, Loc::Utc) {
            let mut offset = self.zone().offset;
            if offset % 60 != 0 {
                version = 2;
                offset_sec = (offset % 60) as i8;
            }
            offset /= 60;
            if !(-32768..=32767).contains(&offset) || offset == -1 {
                return Err("Time.MarshalBinary: unexpected zone offset".to_string());
            }
            offset_min = offset as i16;
        }
        let mut b = vec![version];
        b.extend_from_slice(&self.sec().to_be_bytes());
        b.extend_from_slice(&self.nsec().to_be_bytes());
        b.extend_from_slice(&offset_min.to_be_bytes());
        if version == 2 {
            b.push(offset_sec as u8);
        }
        Ok(b)
    }

    /// RFC 3339 with nanoseconds, checked as Go's `appendStrictRFC3339` checks it.
    pub(crate) fn strict_rfc3339(&self) -> Result<String, String> {
        let s = super::layout::format(self, "2006-01-02T15:04:05.999999999Z07:00");
        let b = s.as_bytes();
        if b.get(4) != Some(&b'-') {
            return Err("year outside of range [0,9999]".to_string());
        }
        if b[b.len() - 1] != b'Z' {
            let c = b[b.len() - 6];
            let num2 = (b[b.len() - 5] - b'0') * 10 + (b[b.len() - 4] - b'0');
            if c.is_ascii_digit() || num2 >= 24 {
                return Err("timezone hour outside of range [0,23]".to_string());
            }
        }
        Ok(s)
    }
}

/// Go's `subMono`.
fn sub_mono(t: i64, u: i64) -> Duration {
    let d = t.wrapping_sub(u);
    if d < 0 && t > u {
        return MAX_DURATION;
    }
    if d > 0 && t < u {
        return MIN_DURATION;
    }
    d
}

/// Go's `div`: `t` modulo `d` (and the parity of the quotient, unused here).
fn div(t: &Time, d: Duration) -> (i64, Duration) {
    let mut neg = false;
    let mut nsec = t.nsec();
    let mut sec = t.sec();
    if sec < 0 {
        neg = true;
        sec = sec.wrapping_neg();
        nsec = -nsec;
        if nsec < 0 {
            nsec += 1_000_000_000;
            sec -= 1;
        }
    }
    let mut qmod2;
    let mut r: Duration;
    if d < SECOND && SECOND % (d + d) == 0 {
        qmod2 = i64::from(nsec / d as i32) & 1;
        r = i64::from(nsec % d as i32);
    } else if d % SECOND == 0 {
        let d1 = d / SECOND;
        qmod2 = (sec / d1) & 1;
        r = (sec % d1) * SECOND + i64::from(nsec);
    } else {
        let sec = sec as u64;
        let mut tmp = (sec >> 32) * 1_000_000_000;
        let mut u1 = tmp >> 32;
        let mut u0 = tmp << 32;
        tmp = (sec & 0xFFFF_FFFF) * 1_000_000_000;
        let (s, c) = u0.overflowing_add(tmp);
        u0 = s;
        if c {
            u1 += 1;
        }
        let (s, c) = u0.overflowing_add(nsec as u64);
        u0 = s;
        if c {
            u1 += 1;
        }
        let mut d1 = d as u64;
        while d1 >> 63 != 1 {
            d1 <<= 1;
        }
        let mut d0 = 0u64;
        loop {
            qmod2 = 0;
            if u1 > d1 || u1 == d1 && u0 >= d0 {
                qmod2 = 1;
                let (s, b) = u0.overflowing_sub(d0);
                u0 = s;
                if b {
                    u1 = u1.wrapping_sub(1);
                }
                u1 = u1.wrapping_sub(d1);
            }
            if d1 == 0 && d0 == d as u64 {
                break;
            }
            d0 >>= 1;
            d0 |= (d1 & 1) << 63;
            d1 >>= 1;
        }
        r = u0 as i64;
    }
    if neg && r != 0 {
        qmod2 ^= 1;
        r = d - r;
    }
    (qmod2, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go's `TestSecondsToUTC` / `TestNanosecondsToUTC` cases (`time/time_test.go`):
    /// Unix seconds and the UTC calendar fields Go computes.
    #[test]
    fn unix_to_calendar_matches_go() {
        type Fields = (i64, i64, i64, i64, i64, i64, i64, i64);
        let cases: &[(i64, Fields)] = &[
            (0, (1970, 1, 1, 0, 0, 0, 4, 1)),
            (1221681866, (2008, 9, 17, 20, 4, 26, 3, 261)),
            (-1221681866, (1931, 4, 16, 3, 55, 34, 4, 106)),
            (-11644473600, (1601, 1, 1, 0, 0, 0, 1, 1)),
            (599529660, (1988, 12, 31, 0, 1, 0, 6, 366)),
            (978220860, (2000, 12, 31, 0, 1, 0, 0, 366)),
        ];
        for &(sec, (y, mo, d, h, mi, s, wd, yd)) in cases {
            let t = Time::unix(sec, 0).in_loc(Loc::Utc);
            let (hh, mm, ss) = t.clock();
            assert_eq!(
                (
                    t.year(),
                    t.month(),
                    t.day(),
                    hh,
                    mm,
                    ss,
                    t.weekday(),
                    t.year_day()
                ),
                (y, mo, d, h, mi, s, wd, yd),
                "{sec}"
            );
            let back = Time::date(y, mo, d, h, mi, s, 0, Loc::Utc);
            assert_eq!(back.unix_seconds(), sec);
        }
    }

    /// The Pacific zone Go's own time tests run in, from this machine's tz database.
    fn los_angeles() -> Option<Loc> {
        match zone::load_location("America/Los_Angeles")? {
            zone::Loaded::Zone(l) => Some(Loc::Zone(l)),
            _ => None,
        }
    }

    /// Go's `dateTests` (`time/time_test.go`, run with Local = America/Los_Angeles):
    /// `Date` arguments and the Unix time Go expects.
    #[test]
    fn date_matches_go_tests() {
        let Some(la) = los_angeles() else {
            return;
        };
        for (y, mo, d, h, mi, s, ns, unix) in [
            (2011, 11, 6, 1, 0, 0, 0, 1320566400),
            (2011, 11, 6, 1, 59, 59, 0, 1320569999),
            (2011, 11, 6, 2, 0, 0, 0, 1320573600),
            (2011, 3, 13, 1, 0, 0, 0, 1300006800),
            (2011, 3, 13, 1, 59, 59, 0, 1300010399),
            (2011, 3, 13, 3, 0, 0, 0, 1300010400),
            (2011, 3, 13, 2, 30, 0, 0, 1300008600),
            (2012, 12, 24, 0, 0, 0, 0, 1356336000),
            (2011, 11, 18, 7, 56, 35, 0, 1321631795),
            (2011, 11, 19, -17, 56, 35, 0, 1321631795),
            (2011, 11, 17, 31, 56, 35, 0, 1321631795),
            (2011, 11, 18, 6, 116, 35, 0, 1321631795),
            (2011, 10, 49, 7, 56, 35, 0, 1321631795),
            (2011, 11, 18, 7, 55, 95, 0, 1321631795),
            (2011, 11, 18, 7, 56, 34, 1_000_000_000, 1321631795),
            (2011, 12, -12, 7, 56, 35, 0, 1321631795),
            (2012, 1, -43, 7, 56, 35, 0, 1321631795),
            (2012, 1 - 2, 18, 7, 56, 35, 0, 1321631795),
            (2010, 12 + 11, 18, 7, 56, 35, 0, 1321631795),
            (1970, 1, 15297, 7, 56, 35, 0, 1321631795),
            (1970, 1, -25508, 0, 0, 0, 0, -2203948800),
        ] {
            let t = Time::date(y, mo, d, h, mi, s, ns, la.clone());
            assert!(
                t.equal(&Time::unix(unix, 0)),
                "{y}-{mo}-{d} {h}:{mi}:{s}.{ns}"
            );
        }
    }

    /// Go's `addDateTests` (`time/time_test.go`): each adds up to the same time.
    #[test]
    fn add_date_matches_go_tests() {
        let t0 = Time::date(2011, 11, 18, 7, 56, 35, 0, Loc::Utc);
        let t1 = Time::date(2016, 3, 19, 7, 56, 35, 0, Loc::Utc);
        for (y, m, d) in [(4, 4, 1), (3, 16, 1), (3, 15, 30), (5, -6, -18 - 30 - 12)] {
            assert!(t0.add_date(y, m, d).equal(&t1), "{y} {m} {d}");
        }
        let t2 = Time::date(1899, 12, 31, 0, 0, 0, 0, Loc::Utc);
        let days = t2.unix_seconds() / (24 * 60 * 60);
        assert!(Time::unix(0, 0).add_date(0, 0, days).equal(&t2));
    }

    /// Go's `subTests` (`time/time_test.go`), less the monotonic-clock cases.
    #[test]
    fn sub_matches_go_tests() {
        use super::super::duration::HOUR;
        let d = |y, m, dd, h, mi, s, ns| Time::date(y, m, dd, h, mi, s, ns, Loc::Utc);
        let cases = [
            (Time::zero(), Time::zero(), 0),
            (d(2009, 11, 23, 0, 0, 0, 1), d(2009, 11, 23, 0, 0, 0, 0), 1),
            (
                d(2009, 11, 23, 0, 0, 0, 0),
                d(2009, 11, 24, 0, 0, 0, 0),
                -24 * HOUR,
            ),
            (
                d(2009, 11, 24, 0, 0, 0, 0),
                d(2009, 11, 23, 0, 0, 0, 0),
                24 * HOUR,
            ),
            (
                d(-2009, 11, 24, 0, 0, 0, 0),
                d(-2009, 11, 23, 0, 0, 0, 0),
                24 * HOUR,
            ),
            (Time::zero(), d(2109, 11, 23, 0, 0, 0, 0), MIN_DURATION),
            (d(2109, 11, 23, 0, 0, 0, 0), Time::zero(), MAX_DURATION),
            (Time::zero(), d(-2109, 11, 23, 0, 0, 0, 0), MAX_DURATION),
            (d(-2109, 11, 23, 0, 0, 0, 0), Time::zero(), MIN_DURATION),
            (
                d(2290, 1, 1, 0, 0, 0, 0),
                d(2000, 1, 1, 0, 0, 0, 0),
                290 * 365 * 24 * HOUR + 71 * 24 * HOUR,
            ),
            (
                d(2300, 1, 1, 0, 0, 0, 0),
                d(2000, 1, 1, 0, 0, 0, 0),
                MAX_DURATION,
            ),
            (
                d(2000, 1, 1, 0, 0, 0, 0),
                d(2290, 1, 1, 0, 0, 0, 0),
                -290 * 365 * 24 * HOUR - 71 * 24 * HOUR,
            ),
            (
                d(2000, 1, 1, 0, 0, 0, 0),
                d(2300, 1, 1, 0, 0, 0, 0),
                MIN_DURATION,
            ),
            (
                d(2311, 11, 26, 2, 16, 47, 63535996),
                d(2019, 8, 16, 2, 29, 30, 268436582),
                9223372036795099414,
            ),
        ];
        for (i, (t, u, want)) in cases.iter().enumerate() {
            assert_eq!(t.sub(u), *want, "#{i}");
        }
    }
}
