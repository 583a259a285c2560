//! Time zones as Go's `time` package knows them: `*time.Location`, read from the
//! system's tz database the way Go 1.25 reads it on Unix.
//!
//! Helm does not embed Go's `time/tzdata`, so on a user's machine `dateInZone` and the
//! local zone come from the files under `/usr/share/zoneinfo` (or `$ZONEINFO`), and the
//! local zone from `$TZ` or `/etc/localtime`. kelm reads the same files with the same
//! rules, so it prints what Helm prints on the same machine, including for zones the
//! machine's database lacks (Sprig then falls back to UTC).

use std::io::Read as _;
use std::sync::{Arc, OnceLock};

use super::time::{SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE, abs_days_year_yday};
use super::time::{days_before, days_in, is_leap, unix_to_abs_seconds};

/// Go's `alpha`: the start of time for zone lookups.
pub(crate) const ALPHA: i64 = i64::MIN;
/// Go's `omega`: the end of time for zone lookups.
pub(crate) const OMEGA: i64 = i64::MAX;

/// One zone of a location: an abbreviation and an offset (Go's `zone`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Zone {
    name: String,
    offset: i64,
    is_dst: bool,
}

/// A transition to a zone (Go's `zoneTrans`).
#[derive(Debug, Clone, Copy)]
struct ZoneTrans {
    when: i64,
    index: u8,
}

/// A Go `time.Location`: a name, zones and the transitions between them.
#[derive(Debug)]
pub(crate) struct Location {
    name: String,
    zones: Vec<Zone>,
    tx: Vec<ZoneTrans>,
    /// The POSIX TZ string from a TZif v2+ footer, for times past the last transition.
    extend: Vec<u8>,
}

/// What a zone lookup finds for an instant (Go's `lookup` results).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ZoneAt {
    /// The zone abbreviation (`CET`, `EST`, or `""` for some fixed zones).
    pub name: String,
    /// Seconds east of UTC.
    pub offset: i64,
    /// When this zone came into effect (Unix seconds), or [`ALPHA`].
    pub start: i64,
    /// When it stops being in effect, or [`OMEGA`].
    pub end: i64,
    /// Whether it is daylight saving time.
    pub is_dst: bool,
}

impl Location {
    /// Go's `utcLoc`: no zones at all.
    fn utc() -> Location {
        Location {
            name: "UTC".to_string(),
            zones: Vec::new(),
            tx: Vec::new(),
            extend: Vec::new(),
        }
    }

    /// Go's `fixedZone`.
    pub(crate) fn fixed(name: &str, offset: i64) -> Location {
        Location {
            name: name.to_string(),
            zones: vec![Zone {
                name: name.to_string(),
                offset,
                is_dst: false,
            }],
            tx: vec![ZoneTrans {
                when: ALPHA,
                index: 0,
            }],
            extend: Vec::new(),
        }
    }

    /// The location's name, as `Location.String()` returns it.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// Go's `Location.lookup`: the zone in effect at `sec` (Unix seconds).
    pub(crate) fn lookup(&self, sec: i64) -> ZoneAt {
        if self.zones.is_empty() {
            return ZoneAt {
                name: "UTC".to_string(),
                offset: 0,
                start: ALPHA,
                end: OMEGA,
                is_dst: false,
            };
        }
        if self.tx.is_empty() || sec < self.tx[0].when {
            let zone = &self.zones[self.lookup_first_zone()];
            return ZoneAt {
                name: zone.name.clone(),
                offset: zone.offset,
                start: ALPHA,
                end: self.tx.first().map_or(OMEGA, |t| t.when),
                is_dst: zone.is_dst,
            };
        }
        let tx = &self.tx;
        let mut end = OMEGA;
        let (mut lo, mut hi) = (0usize, tx.len());
        while hi - lo > 1 {
            let m = (lo + hi) >> 1;
            let lim = tx[m].when;
            if sec < lim {
                end = lim;
                hi = m;
            } else {
                lo = m;
            }
        }
        let zone = &self.zones[usize::from(tx[lo].index)];
        let start = tx[lo].when;
        if lo == tx.len() - 1
            && !self.extend.is_empty()
            && let Some(z) = tzset(&self.extend, start, sec)
        {
            return z;
        }
        ZoneAt {
            name: zone.name.clone(),
            offset: zone.offset,
            start,
            end,
            is_dst: zone.is_dst,
        }
    }

    /// Go's `lookupFirstZone`: the zone for times before the first transition.
    fn lookup_first_zone(&self) -> usize {
        if !self.tx.iter().any(|t| t.index == 0) {
            return 0;
        }
        if let Some(first) = self.tx.first()
            && self.zones[usize::from(first.index)].is_dst
        {
            for zi in (0..usize::from(first.index)).rev() {
                if !self.zones[zi].is_dst {
                    return zi;
                }
            }
        }
        self.zones.iter().position(|z| !z.is_dst).unwrap_or(0)
    }

    /// Go's `lookupName`: the offset of the zone abbreviated `name` around `unix`.
    pub(crate) fn lookup_name(&self, name: &str, unix: i64) -> Option<i64> {
        for zone in &self.zones {
            if zone.name == name {
                let at = self.lookup(unix.wrapping_sub(zone.offset));
                if at.name == zone.name {
                    return Some(at.offset);
                }
            }
        }
        self.zones.iter().find(|z| z.name == name).map(|z| z.offset)
    }
}

/// Go's `tzset`: the zone at `sec` according to a POSIX TZ string, for times after the
/// last transition (`last_tx_sec`).
fn tzset(s: &[u8], last_tx_sec: i64, sec: i64) -> Option<ZoneAt> {
    let (mut std_name, s) = tzset_name(s)?;
    let (std_offset, s) = tzset_offset(s)?;
    let mut std_offset = -std_offset;
    if s.is_empty() || s[0] == b',' {
        return Some(ZoneAt {
            name: std_name,
            offset: std_offset,
            start: last_tx_sec,
            end: OMEGA,
            is_dst: false,
        });
    }
    let (mut dst_name, mut s) = tzset_name(s)?;
    let mut dst_offset;
    if s.is_empty() || s[0] == b',' {
        dst_offset = std_offset + SECONDS_PER_HOUR;
    } else {
        let (o, rest) = tzset_offset(s)?;
        dst_offset = -o;
        s = rest;
    }
    let default_rules: &[u8] = b",M3.2.0,M11.1.0";
    if s.is_empty() {
        s = default_rules;
    }
    if s[0] != b',' && s[0] != b';' {
        return None;
    }
    let (start_rule, s) = tzset_rule(&s[1..])?;
    if s.is_empty() || s[0] != b',' {
        return None;
    }
    let (end_rule, s) = tzset_rule(&s[1..])?;
    if !s.is_empty() {
        return None;
    }

    let (year, yday) = abs_days_year_yday(unix_to_abs_seconds(sec) / SECONDS_PER_DAY as u64);
    let ysec = (yday - 1) * SECONDS_PER_DAY + sec % SECONDS_PER_DAY;
    let ystart = sec.wrapping_sub(ysec);

    let mut start_sec = tzrule_time(year, start_rule, std_offset);
    let mut end_sec = tzrule_time(year, end_rule, dst_offset);
    let (mut dst_is_dst, mut std_is_dst) = (true, false);
    if end_sec < start_sec {
        std::mem::swap(&mut start_sec, &mut end_sec);
        std::mem::swap(&mut std_name, &mut dst_name);
        std::mem::swap(&mut std_offset, &mut dst_offset);
        std::mem::swap(&mut std_is_dst, &mut dst_is_dst);
    }
    Some(if ysec < start_sec {
        ZoneAt {
            name: std_name,
            offset: std_offset,
            start: ystart,
            end: start_sec.wrapping_add(ystart),
            is_dst: std_is_dst,
        }
    } else if ysec >= end_sec {
        ZoneAt {
            name: std_name,
            offset: std_offset,
            start: end_sec.wrapping_add(ystart),
            end: ystart.wrapping_add(365 * SECONDS_PER_DAY),
            is_dst: std_is_dst,
        }
    } else {
        ZoneAt {
            name: dst_name,
            offset: dst_offset,
            start: start_sec.wrapping_add(ystart),
            end: end_sec.wrapping_add(ystart),
            is_dst: dst_is_dst,
        }
    })
}

/// Go's `tzsetName`: a zone abbreviation, plain (`CET`) or quoted (`<+03>`).
fn tzset_name(s: &[u8]) -> Option<(String, &[u8])> {
    if s.is_empty() {
        return None;
    }
    if s[0] != b'<' {
        for (i, &c) in s.iter().enumerate() {
            if matches!(c, b'0'..=b'9' | b',' | b'-' | b'+') {
                if i < 3 {
                    return None;
                }
                return Some((String::from_utf8_lossy(&s[..i]).into_owned(), &s[i..]));
            }
        }
        if s.len() < 3 {
            return None;
        }
        return Some((String::from_utf8_lossy(s).into_owned(), &[]));
    }
    let i = s.iter().position(|&c| c == b'>')?;
    Some((String::from_utf8_lossy(&s[1..i]).into_owned(), &s[i + 1..]))
}

/// Go's `tzsetOffset`: `[+-]hh[:mm[:ss]]`, in seconds.
fn tzset_offset(s: &[u8]) -> Option<(i64, &[u8])> {
    if s.is_empty() {
        return None;
    }
    let (neg, s) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let sign = |off: i64| if neg { -off } else { off };
    let (hours, s) = tzset_num(s, 0, 24 * 7)?;
    let mut off = hours * SECONDS_PER_HOUR;
    if s.is_empty() || s[0] != b':' {
        return Some((sign(off), s));
    }
    let (mins, s) = tzset_num(&s[1..], 0, 59)?;
    off += mins * SECONDS_PER_MINUTE;
    if s.is_empty() || s[0] != b':' {
        return Some((sign(off), s));
    }
    let (secs, s) = tzset_num(&s[1..], 0, 59)?;
    off += secs;
    Some((sign(off), s))
}

/// A daylight saving rule of a POSIX TZ string (Go's `rule`).
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// `Jn`: day 1..365, never counting February 29.
    Julian { day: i64, time: i64 },
    /// `n`: day 0..365, counting February 29.
    Doy { day: i64, time: i64 },
    /// `Mm.w.d`: weekday `d` of week `w` of month `m`.
    MonthWeekDay {
        mon: i64,
        week: i64,
        day: i64,
        time: i64,
    },
}

/// Go's `tzsetRule`.
fn tzset_rule(s: &[u8]) -> Option<(Rule, &[u8])> {
    if s.is_empty() {
        return None;
    }
    let (mut rule, s) = if s[0] == b'J' {
        let (day, s) = tzset_num(&s[1..], 1, 365)?;
        (Rule::Julian { day, time: 0 }, s)
    } else if s[0] == b'M' {
        let (mon, s) = tzset_num(&s[1..], 1, 12)?;
        if s.is_empty() || s[0] != b'.' {
            return None;
        }
        let (week, s) = tzset_num(&s[1..], 1, 5)?;
        if s.is_empty() || s[0] != b'.' {
            return None;
        }
        let (day, s) = tzset_num(&s[1..], 0, 6)?;
        (
            Rule::MonthWeekDay {
                mon,
                week,
                day,
                time: 0,
            },
            s,
        )
    } else {
        let (day, s) = tzset_num(s, 0, 365)?;
        (Rule::Doy { day, time: 0 }, s)
    };
    let (t, s) = if s.is_empty() || s[0] != b'/' {
        (2 * SECONDS_PER_HOUR, s)
    } else {
        tzset_offset(&s[1..])?
    };
    match &mut rule {
        Rule::Julian { time, .. } | Rule::Doy { time, .. } | Rule::MonthWeekDay { time, .. } => {
            *time = t
        }
    }
    Some((rule, s))
}

/// Go's `tzsetNum`: a decimal number in `min..=max`.
fn tzset_num(s: &[u8], min: i64, max: i64) -> Option<(i64, &[u8])> {
    if s.is_empty() {
        return None;
    }
    let mut num = 0i64;
    for (i, &c) in s.iter().enumerate() {
        if !c.is_ascii_digit() {
            if i == 0 || num < min {
                return None;
            }
            return Some((num, &s[i..]));
        }
        num = num * 10 + i64::from(c - b'0');
        if num > max {
            return None;
        }
    }
    if num < min {
        return None;
    }
    Some((num, &[]))
}

/// Go's `tzruleTime`: seconds since the start of `year` at which the rule's
/// transition happens, in UTC given the offset `off` then in effect.
fn tzrule_time(year: i64, r: Rule, off: i64) -> i64 {
    let (s, time) = match r {
        Rule::Julian { day, time } => {
            let mut s = (day - 1) * SECONDS_PER_DAY;
            if is_leap(year) && day >= 60 {
                s += SECONDS_PER_DAY;
            }
            (s, time)
        }
        Rule::Doy { day, time } => (day * SECONDS_PER_DAY, time),
        Rule::MonthWeekDay {
            mon,
            week,
            day,
            time,
        } => {
            // Zeller's congruence, as Go computes it.
            let m1 = (mon + 9) % 12 + 1;
            let mut yy0 = year;
            if mon <= 2 {
                yy0 -= 1;
            }
            let yy1 = yy0 / 100;
            let yy2 = yy0 % 100;
            let mut dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
            if dow < 0 {
                dow += 7;
            }
            let mut d = day - dow;
            if d < 0 {
                d += 7;
            }
            for _ in 1..week {
                if d + 7 >= days_in(mon, year) {
                    break;
                }
                d += 7;
            }
            d += days_before(mon);
            if is_leap(year) && mon > 2 {
                d += 1;
            }
            (d * SECONDS_PER_DAY, time)
        }
    };
    s + time - off
}

/// Go's `LoadLocationFromTZData`: parses a TZif file (versions 1 to 3).
pub(crate) fn location_from_tzdata(name: &str, data: &[u8]) -> Option<Location> {
    let mut d = Reader { p: data };
    if d.read(4)? != b"TZif" {
        return None;
    }
    let header = d.read(16)?;
    let version = match header[0] {
        0 => 1,
        b'2' => 2,
        b'3' => 3,
        _ => return None,
    };
    // Counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
    let mut n = [0usize; 6];
    for c in &mut n {
        *c = d.big4()? as usize;
    }
    let [n_utc_local, n_std_wall, n_leap, n_time, n_zone, n_char] = n;
    let mut is64 = false;
    if version > 1 {
        // Skip the 32-bit data and read the 64-bit header that follows.
        let skip = n_time * 4
            + n_time
            + n_zone * 6
            + n_char
            + n_leap * 8
            + n_std_wall
            + n_utc_local
            + 4
            + 16;
        // Go ignores a short read here; the reads below then fail.
        let _ = d.read(skip);
        is64 = true;
        for c in &mut n {
            *c = d.big4()? as usize;
        }
    }
    let [n_utc_local, n_std_wall, n_leap, n_time, n_zone, n_char] = n;
    let size = if is64 { 8 } else { 4 };
    let txtimes = d.read(n_time.checked_mul(size)?)?;
    let txzones = d.read(n_time)?;
    let zonedata = d.read(n_zone.checked_mul(6)?)?;
    let abbrev = d.read(n_char)?;
    d.read(n_leap.checked_mul(size + 4)?)?;
    d.read(n_std_wall)?;
    d.read(n_utc_local)?;

    let rest = d.p;
    let extend = if rest.len() > 2 && rest[0] == b'\n' && rest[rest.len() - 1] == b'\n' {
        rest[1..rest.len() - 1].to_vec()
    } else {
        Vec::new()
    };

    if n_zone == 0 {
        return None;
    }
    let mut zones = Vec::with_capacity(n_zone);
    for z in zonedata.chunks_exact(6) {
        let offset = i64::from(i32::from_be_bytes([z[0], z[1], z[2], z[3]]));
        let is_dst = z[4] != 0;
        let b = usize::from(z[5]);
        if b >= abbrev.len() {
            return None;
        }
        let a = &abbrev[b..];
        let a = &a[..a.iter().position(|&c| c == 0).unwrap_or(a.len())];
        zones.push(Zone {
            name: String::from_utf8_lossy(a).into_owned(),
            offset,
            is_dst,
        });
    }
    let mut tx = Vec::with_capacity(n_time.max(1));
    for i in 0..n_time {
        let when = if is64 {
            let b = &txtimes[i * 8..i * 8 + 8];
            i64::from_be_bytes(b.try_into().ok()?)
        } else {
            let b = &txtimes[i * 4..i * 4 + 4];
            i64::from(i32::from_be_bytes(b.try_into().ok()?))
        };
        let index = txzones[i];
        if usize::from(index) >= zones.len() {
            return None;
        }
        tx.push(ZoneTrans { when, index });
    }
    if tx.is_empty() {
        tx.push(ZoneTrans {
            when: ALPHA,
            index: 0,
        });
    }
    Some(Location {
        name: name.to_string(),
        zones,
        tx,
        extend,
    })
}

/// Go's `dataIO`: a cursor over TZif bytes.
struct Reader<'a> {
    p: &'a [u8],
}

impl<'a> Reader<'a> {
    fn read(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.p.len() < n {
            self.p = &[];
            return None;
        }
        let (head, tail) = self.p.split_at(n);
        self.p = tail;
        Some(head)
    }

    fn big4(&mut self) -> Option<u32> {
        let b = self.read(4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Go's `maxFileSize` for tz files.
const MAX_FILE_SIZE: u64 = 10 << 20;

/// Where Go on Unix looks for zone files (`platformZoneSources`).
const PLATFORM_ZONE_SOURCES: &[&str] = &[
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
    "/etc/zoneinfo",
];

/// Reads a zone file (Go's `readFile`, which gives up on files over 10 MiB).
fn read_file(path: &str) -> Option<Vec<u8>> {
    let f = std::fs::File::open(path).ok()?;
    let mut buf = Vec::new();
    f.take(MAX_FILE_SIZE + 1).read_to_end(&mut buf).ok()?;
    if buf.len() as u64 > MAX_FILE_SIZE {
        return None;
    }
    Some(buf)
}

/// Go's `loadTzinfoFromZip`: an uncompressed entry of a zip file such as Go's
/// `lib/time/zoneinfo.zip`.
fn read_zip_entry(zipfile: &str, name: &str) -> Option<Vec<u8>> {
    let data = std::fs::read(zipfile).ok()?;
    let get4 = |b: &[u8], at: usize| -> Option<usize> {
        let s = b.get(at..at + 4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
    };
    let get2 = |b: &[u8], at: usize| -> Option<usize> {
        let s = b.get(at..at + 2)?;
        Some(usize::from(u16::from_le_bytes([s[0], s[1]])))
    };
    let tail = data.get(data.len().checked_sub(22)?..)?;
    if get4(tail, 0)? != 0x0605_4b50 {
        return None;
    }
    let n = get2(tail, 10)?;
    let size = get4(tail, 12)?;
    let off = get4(tail, 16)?;
    let mut buf = data.get(off..off.checked_add(size)?)?;
    for _ in 0..n {
        if get4(buf, 0)? != 0x0201_4b50 {
            break;
        }
        let meth = get2(buf, 10)?;
        let size = get4(buf, 24)?;
        let namelen = get2(buf, 28)?;
        let xlen = get2(buf, 30)?;
        let fclen = get2(buf, 32)?;
        let off = get4(buf, 42)?;
        let zname = buf.get(46..46 + namelen)?;
        buf = buf.get(46 + namelen + xlen + fclen..)?;
        if zname != name.as_bytes() {
            continue;
        }
        if meth != 0 {
            return None;
        }
        let local = data.get(off..off + 30 + namelen)?;
        if get4(local, 0)? != 0x0403_4b50
            || get2(local, 8)? != meth
            || get2(local, 26)? != namelen
            || &local[30..30 + namelen] != name.as_bytes()
        {
            return None;
        }
        let xlen = get2(local, 28)?;
        let start = off + 30 + namelen + xlen;
        return data.get(start..start + size).map(<[u8]>::to_vec);
    }
    None
}

/// Go's `loadTzinfoFromDirOrZip`.
fn read_tzinfo(dir: &str, name: &str) -> Option<Vec<u8>> {
    if dir.len() > 4 && dir.ends_with(".zip") {
        return read_zip_entry(dir, name);
    }
    if dir.is_empty() {
        read_file(name)
    } else {
        read_file(&format!("{dir}/{name}"))
    }
}

/// Go's `loadLocation`: the first source holding a valid zone file for `name`, then
/// (Helm being built with -trimpath and without `time/tzdata`) the zip file of the Go
/// tree named by `$GOROOT`, when that is set.
fn load_from_sources(name: &str, sources: &[&str]) -> Option<Location> {
    let from = |dir: &str| read_tzinfo(dir, name).and_then(|d| location_from_tzdata(name, &d));
    if let Some(l) = sources.iter().find_map(|dir| from(dir)) {
        return Some(l);
    }
    let goroot = std::env::var("GOROOT").unwrap_or_default();
    if goroot.is_empty() {
        return None;
    }
    from(&format!("{goroot}/lib/time/zoneinfo.zip"))
}

/// The result of [`load_location`].
#[derive(Debug, Clone)]
pub(crate) enum Loaded {
    /// `time.UTC`.
    Utc,
    /// `time.Local`.
    Local,
    /// A zone read from the tz database.
    Zone(Arc<Location>),
}

/// Go's `time.LoadLocation`; `None` where Go returns an error (Sprig never shows
/// those errors: it falls back to UTC).
pub(crate) fn load_location(name: &str) -> Option<Loaded> {
    if name.is_empty() || name == "UTC" {
        return Some(Loaded::Utc);
    }
    if name == "Local" {
        return Some(Loaded::Local);
    }
    if name.contains("..") || name.starts_with('/') || name.starts_with('\\') {
        return None;
    }
    // `$ZONEINFO` first (a directory or a zip file), then the system's directories.
    let zoneinfo = std::env::var("ZONEINFO").unwrap_or_default();
    if !zoneinfo.is_empty()
        && let Some(l) = read_tzinfo(&zoneinfo, name).and_then(|d| location_from_tzdata(name, &d))
    {
        return Some(Loaded::Zone(Arc::new(l)));
    }
    load_from_sources(name, PLATFORM_ZONE_SOURCES).map(|l| Loaded::Zone(Arc::new(l)))
}

/// `time.UTC`'s location data.
pub(crate) fn utc() -> &'static Location {
    static UTC: OnceLock<Location> = OnceLock::new();
    UTC.get_or_init(Location::utc)
}

/// `time.Local`'s location data, set up on first use as Go's `initLocal` does.
pub(crate) fn local() -> &'static Location {
    static LOCAL: OnceLock<Location> = OnceLock::new();
    LOCAL.get_or_init(|| init_local(std::env::var_os("TZ").map(|s| s.into_encoded_bytes())))
}

/// Go's `initLocal` on Unix, given `$TZ` (`None` when unset).
fn init_local(tz: Option<Vec<u8>>) -> Location {
    let renamed = |mut l: Location, name: &str| {
        l.name = name.to_string();
        l
    };
    match tz {
        None => {
            if let Some(l) = load_from_sources("localtime", &["/etc"]) {
                return renamed(l, "Local");
            }
        }
        Some(tz) if !tz.is_empty() => {
            let tz = String::from_utf8_lossy(&tz).into_owned();
            let tz = tz.strip_prefix(':').unwrap_or(&tz);
            if tz.starts_with('/') {
                if let Some(l) = load_from_sources(tz, &[""]) {
                    let name = if tz == "/etc/localtime" { "Local" } else { tz };
                    return renamed(l, name);
                }
            } else if !tz.is_empty()
                && tz != "UTC"
                && let Some(l) = load_from_sources(tz, PLATFORM_ZONE_SOURCES)
            {
                return l;
            }
        }
        Some(_) => {}
    }
    // Go falls back to UTC, with no zones, named "UTC".
    Location::utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go's `tzset` tests (`time/zoneinfo_test.go`, `TestTzset`): the string, the last
    /// transition, the instant, and the zone Go finds.
    #[test]
    fn tzset_matches_go_tests() {
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, i64, i64, (&str, i64, i64, i64, bool, bool))] = &[
            ("", 0, 0, ("", 0, 0, 0, false, false)),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2159200800,
                ("PDT", -7 * 60 * 60, 2152173600, 2172733200, true, true),
            ),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2152173599,
                ("PST", -8 * 60 * 60, 2145916800, 2152173600, false, true),
            ),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2152173600,
                ("PDT", -7 * 60 * 60, 2152173600, 2172733200, true, true),
            ),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2152173601,
                ("PDT", -7 * 60 * 60, 2152173600, 2172733200, true, true),
            ),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2172733199,
                ("PDT", -7 * 60 * 60, 2152173600, 2172733200, true, true),
            ),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2172733200,
                ("PST", -8 * 60 * 60, 2172733200, 2177452800, false, true),
            ),
            (
                "PST8PDT,M3.2.0,M11.1.0",
                0,
                2172733201,
                ("PST", -8 * 60 * 60, 2172733200, 2177452800, false, true),
            ),
            (
                "KST-9",
                592333200,
                1677246697,
                ("KST", 9 * 60 * 60, 592333200, OMEGA, false, true),
            ),
        ];
        for &(s, last, sec, (name, off, start, end, dst, ok)) in cases {
            let got = tzset(s.as_bytes(), last, sec);
            if !ok {
                assert!(got.is_none(), "{s}");
                continue;
            }
            let want = ZoneAt {
                name: name.to_string(),
                offset: off,
                start,
                end,
                is_dst: dst,
            };
            assert_eq!(got, Some(want), "{s} at {sec}");
        }
    }

    /// Go's `TestTzsetName`, `TestTzsetOffset` and `TestTzsetRule` tables.
    #[test]
    fn tzset_parts_match_go_tests() {
        for (input, name, rest, ok) in [
            ("", "", "", false),
            ("X", "", "", false),
            ("PST", "PST", "", true),
            ("PST8PDT", "PST", "8PDT", true),
            ("PST-08", "PST", "-08", true),
            ("<A+B>+08", "A+B", "+08", true),
        ] {
            let got = tzset_name(input.as_bytes());
            match got {
                Some((n, r)) if ok => {
                    assert_eq!((n.as_str(), r), (name, rest.as_bytes()), "{input}")
                }
                None if !ok => {}
                other => panic!("{input}: {other:?}"),
            }
        }
        for (input, off, rest, ok) in [
            ("", 0, "", false),
            ("X", 0, "", false),
            ("+", 0, "", false),
            ("+08", 8 * 60 * 60, "", true),
            ("-01:02:03", -(60 * 60 + 2 * 60 + 3), "", true),
            ("01", 60 * 60, "", true),
            ("100", 100 * 60 * 60, "", true),
            ("1000", 0, "", false),
            ("8PDT", 8 * 60 * 60, "PDT", true),
        ] {
            let got = tzset_offset(input.as_bytes());
            match got {
                Some((o, r)) if ok => assert_eq!((o, r), (off, rest.as_bytes()), "{input}"),
                None if !ok => {}
                other => panic!("{input}: {other:?}"),
            }
        }
    }

    #[test]
    fn fixed_zone_lookup() {
        let l = Location::fixed("X", 3600);
        let z = l.lookup(0);
        assert_eq!(
            (z.name.as_str(), z.offset, z.start, z.end),
            ("X", 3600, ALPHA, OMEGA)
        );
        let u = utc().lookup(12345);
        assert_eq!((u.name.as_str(), u.offset), ("UTC", 0));
    }

    #[test]
    fn load_location_rejects_what_go_rejects() {
        assert!(load_location("../etc/passwd").is_none());
        assert!(load_location("/etc/localtime").is_none());
        assert!(load_location("No/Such_Zone").is_none());
        assert!(matches!(load_location(""), Some(Loaded::Utc)));
        assert!(matches!(load_location("UTC"), Some(Loaded::Utc)));
        assert!(matches!(load_location("Local"), Some(Loaded::Local)));
    }
}
