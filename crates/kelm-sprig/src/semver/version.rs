//! `semver.Version` of Masterminds/semver v3.4.0 (the version Helm 4.1.4 builds with):
//! its lenient `NewVersion` (which accepts `v1.2`, `1`, `01.02.03`), ordering and
//! printing, with its error texts.

use std::cmp::Ordering;
use std::sync::LazyLock;

use regex::Regex;

/// Masterminds' `looseSemVerRegex`, anchored, as `coerceNewVersion` uses it.
static LOOSE_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?",
        r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
        r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
    ))
    .expect("valid regex")
});

/// `ErrInvalidSemVer`.
pub(crate) const ERR_INVALID_SEMVER: &str = "invalid semantic version";
const ERR_SEGMENT_STARTS_ZERO: &str = "version segment starts with 0";
const ERR_INVALID_METADATA: &str = "invalid metadata string";
const ERR_INVALID_PRERELEASE: &str = "invalid prerelease string";

/// A parsed semantic version (Masterminds' `Version`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Version {
    pub(crate) major: u64,
    pub(crate) minor: u64,
    pub(crate) patch: u64,
    pub(crate) pre: String,
    pub(crate) metadata: String,
    pub(crate) original: String,
}

/// Parses a version segment as Go's `strconv.ParseUint(s, 10, 64)`, with Masterminds'
/// wrapping of its error.
fn segment(s: &str) -> Result<u64, String> {
    kelm_strconv::parse_uint(s, 10, 64).map_err(|e| format!("error parsing version segment: {e}"))
}

fn contains_only(s: &str, allowed: impl Fn(char) -> bool) -> bool {
    s.chars().all(allowed)
}

fn is_num(c: char) -> bool {
    c.is_ascii_digit()
}

fn is_allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Masterminds' `validatePrerelease`.
fn validate_prerelease(p: &str) -> Result<(), &'static str> {
    for part in p.split('.') {
        if part.is_empty() {
            return Err(ERR_INVALID_PRERELEASE);
        } else if contains_only(part, is_num) {
            if part.len() > 1 && part.starts_with('0') {
                return Err(ERR_SEGMENT_STARTS_ZERO);
            }
        } else if !contains_only(part, is_allowed) {
            return Err(ERR_INVALID_PRERELEASE);
        }
    }
    Ok(())
}

/// Masterminds' `validateMetadata`.
fn validate_metadata(m: &str) -> Result<(), &'static str> {
    for part in m.split('.') {
        if part.is_empty() || !contains_only(part, is_allowed) {
            return Err(ERR_INVALID_METADATA);
        }
    }
    Ok(())
}

impl Version {
    /// `semver.NewVersion` with `CoerceNewVersion` on (its default, which Helm keeps).
    pub(crate) fn parse(v: &str) -> Result<Version, String> {
        let m = LOOSE_VERSION
            .captures(v)
            .ok_or_else(|| ERR_INVALID_SEMVER.to_string())?;
        let group = |i: usize| m.get(i).map_or("", |g| g.as_str());
        let mut sv = Version {
            major: segment(group(1))?,
            minor: 0,
            patch: 0,
            pre: group(5).to_string(),
            metadata: group(8).to_string(),
            original: v.to_string(),
        };
        if !group(2).is_empty() {
            sv.minor = segment(&group(2)[1..])?;
        }
        if !group(3).is_empty() {
            sv.patch = segment(&group(3)[1..])?;
        }
        if !sv.pre.is_empty() {
            validate_prerelease(&sv.pre)?;
        }
        if !sv.metadata.is_empty() {
            validate_metadata(&sv.metadata)?;
        }
        Ok(sv)
    }

    /// `v.String()`: without a `v` prefix, with prerelease and metadata.
    pub(crate) fn to_go_string(&self) -> String {
        let mut s = format!("{}.{}.{}", self.major, self.minor, self.patch);
        if !self.pre.is_empty() {
            s.push('-');
            s.push_str(&self.pre);
        }
        if !self.metadata.is_empty() {
            s.push('+');
            s.push_str(&self.metadata);
        }
        s
    }

    /// Masterminds' `originalVPrefix`: `v` if the original had one.
    fn original_v_prefix(&self) -> &'static str {
        if self.original.starts_with('v') {
            "v"
        } else {
            ""
        }
    }

    fn with_original(mut self, prefix: &str) -> Version {
        self.original = format!("{prefix}{}", self.to_go_string());
        self
    }

    /// `v.IncPatch()`: drops prerelease and metadata; the patch goes up only if there
    /// was no prerelease.
    pub(crate) fn inc_patch(&self) -> Version {
        let mut n = self.clone();
        n.metadata.clear();
        n.pre.clear();
        if self.pre.is_empty() {
            n.patch = self.patch.wrapping_add(1);
        }
        n.with_original(self.original_v_prefix())
    }

    /// `v.IncMinor()`.
    pub(crate) fn inc_minor(&self) -> Version {
        let mut n = self.clone();
        n.metadata.clear();
        n.pre.clear();
        n.patch = 0;
        n.minor = self.minor.wrapping_add(1);
        n.with_original(self.original_v_prefix())
    }

    /// `v.IncMajor()`.
    pub(crate) fn inc_major(&self) -> Version {
        let mut n = self.clone();
        n.metadata.clear();
        n.pre.clear();
        n.patch = 0;
        n.minor = 0;
        n.major = self.major.wrapping_add(1);
        n.with_original(self.original_v_prefix())
    }

    /// `v.SetPrerelease(p)`.
    pub(crate) fn set_prerelease(&self, p: &str) -> Result<Version, String> {
        if !p.is_empty() {
            validate_prerelease(p)?;
        }
        let mut n = self.clone();
        n.pre = p.to_string();
        Ok(n.with_original(self.original_v_prefix()))
    }

    /// `v.SetMetadata(m)`.
    pub(crate) fn set_metadata(&self, m: &str) -> Result<Version, String> {
        if !m.is_empty() {
            validate_metadata(m)?;
        }
        let mut n = self.clone();
        n.metadata = m.to_string();
        Ok(n.with_original(self.original_v_prefix()))
    }

    /// `v.Compare(o)`: by major, minor, patch, then prerelease (a release is greater);
    /// metadata is ignored.
    pub(crate) fn compare(&self, o: &Version) -> Ordering {
        self.major
            .cmp(&o.major)
            .then(self.minor.cmp(&o.minor))
            .then(self.patch.cmp(&o.patch))
            .then_with(|| match (self.pre.is_empty(), o.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_prerelease(&self.pre, &o.pre),
            })
    }

    /// `v.LessThan(o)`.
    pub(crate) fn less_than(&self, o: &Version) -> bool {
        self.compare(o) == Ordering::Less
    }
}

/// Masterminds' `comparePrerelease`: dot-separated parts, a missing part sorting first.
pub(crate) fn compare_prerelease(v: &str, o: &str) -> Ordering {
    let sparts: Vec<&str> = v.split('.').collect();
    let oparts: Vec<&str> = o.split('.').collect();
    for i in 0..sparts.len().max(oparts.len()) {
        let s = sparts.get(i).copied().unwrap_or("");
        let o = oparts.get(i).copied().unwrap_or("");
        let d = compare_pre_part(s, o);
        if d != Ordering::Equal {
            return d;
        }
    }
    Ordering::Equal
}

/// Masterminds' `comparePrePart`: numbers (that fit a `uint64`) sort before names.
fn compare_pre_part(s: &str, o: &str) -> Ordering {
    if s == o {
        return Ordering::Equal;
    }
    if s.is_empty() {
        return Ordering::Less;
    }
    if o.is_empty() {
        return Ordering::Greater;
    }
    let oi = kelm_strconv::parse_uint(o, 10, 64);
    let si = kelm_strconv::parse_uint(s, 10, 64);
    match (si, oi) {
        (Err(_), Err(_)) => {
            if s > o {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Ok(si), Ok(oi)) => {
            if si > oi {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
    }
}
