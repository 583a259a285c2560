//! Masterminds/semver v3.4.0 constraints, as Sprig's `semverCompare` checks them.
//!
//! These are not Cargo's requirements: a bare `1.2.3` means exactly that version, `||`
//! separates alternatives, commas or spaces separate conditions that must all hold,
//! `1.2 - 1.4.5` is an inclusive range, `!=` excludes, `x`/`X`/`*` are wildcards, and a
//! prerelease version satisfies a group of conditions only when one of them names a
//! prerelease (in any version tuple). Parsing goes through Masterminds' regular
//! expressions, so odd inputs are accepted or refused as Helm accepts or refuses them.

use std::cmp::Ordering;
use std::sync::LazyLock;

use regex::Regex;

use super::version::{Version, compare_prerelease};

/// Go's `\s` (RE2's Perl class, ASCII only and without `\v`).
const WS: &str = r"[\t\n\f\r ]";
/// The operators, in Masterminds' order (it matters: alternatives are tried in turn).
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
/// Masterminds' `cvRegex`: a version with optional wildcards.
const CV: &str = concat!(
    r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?",
    r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
    r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
);

fn regex(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\s", WS)).expect("valid regex")
}

/// One condition: `^\s*(ops)\s*(cv)\s*$`.
static CONSTRAINT: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"^\s*({OPS})\s*({CV})\s*$")));
/// A hyphen range: `\s*(cv)\s+-\s+(cv)\s*`.
static RANGE: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"\s*({CV})\s+-\s+({CV})\s*")));
/// The conditions within a group: `(ops)\s*(cv)`.
static FIND: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"({OPS})\s*({CV})")));
/// A whole group of conditions, separated by spaces or commas.
static VALID: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(\s*({OPS})\s*({CV})\s*)((?:\s+|,\s*)({OPS})\s*({CV})\s*)*$"
    ))
});

/// What a condition's operator does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// `=` or no operator: equal, or a tilde range when the version has wildcards.
    TildeOrEqual,
    NotEqual,
    GreaterThan,
    LessThan,
    GreaterThanEqual,
    LessThanEqual,
    Tilde,
    Caret,
}

/// One parsed condition (Masterminds' `constraint`).
#[derive(Debug, Clone)]
struct Constraint {
    /// The version compared against, wildcards as zeros.
    con: Version,
    op: Op,
    minor_dirty: bool,
    dirty: bool,
    patch_dirty: bool,
}

/// Alternatives (`||`) of groups of conditions that must all hold.
#[derive(Debug, Clone)]
pub(crate) struct Constraints {
    groups: Vec<Vec<Constraint>>,
    /// Whether each group mentions a prerelease, which lets prereleases match it.
    contains_pre: Vec<bool>,
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "*" | "X")
}

/// Masterminds' `rewriteRange`: `a - b` becomes `>= a, <= b `.
fn rewrite_range(i: &str) -> String {
    let mut o = i.to_string();
    for m in RANGE.captures_iter(i) {
        let whole = m.get(0).map_or("", |g| g.as_str());
        let from = m.get(1).map_or("", |g| g.as_str());
        let to = m.get(11).map_or("", |g| g.as_str());
        o = o.replacen(whole, &format!(">= {from}, <= {to} "), 1);
    }
    o
}

impl Constraints {
    /// `semver.NewConstraint`.
    pub(crate) fn parse(c: &str) -> Result<Constraints, String> {
        let c = rewrite_range(c);
        let mut groups = Vec::new();
        let mut contains_pre = Vec::new();
        for v in c.split("||") {
            if !VALID.is_match(v) {
                return Err(format!("improper constraint: {v}"));
            }
            let mut cs: Vec<&str> = FIND.find_iter(v).map(|m| m.as_str()).collect();
            if cs.is_empty() {
                cs.push(v);
            }
            let mut group = Vec::with_capacity(cs.len());
            let mut has_pre = false;
            for s in cs {
                let pc = parse_constraint(s)?;
                if !pc.con.pre.is_empty() {
                    has_pre = true;
                }
                group.push(pc);
            }
            groups.push(group);
            contains_pre.push(has_pre);
        }
        Ok(Constraints {
            groups,
            contains_pre,
        })
    }

    /// `c.Check(v)`: whether any group holds entirely.
    pub(crate) fn check(&self, v: &Version) -> bool {
        self.groups
            .iter()
            .zip(&self.contains_pre)
            .any(|(group, &pre)| group.iter().all(|c| c.check(v, pre)))
    }
}

/// Masterminds' `parseConstraint`.
fn parse_constraint(c: &str) -> Result<Constraint, String> {
    if c.is_empty() {
        // An empty constraint means any version (`>= 0.0.0` with a wildcard).
        return Ok(Constraint {
            con: Version::parse("0.0.0")?,
            op: Op::TildeOrEqual,
            minor_dirty: false,
            patch_dirty: false,
            dirty: true,
        });
    }
    let m = CONSTRAINT
        .captures(c)
        .ok_or_else(|| format!("improper constraint: {c}"))?;
    let group = |i: usize| m.get(i).map_or("", |g| g.as_str());
    let op = match group(1) {
        "" | "=" => Op::TildeOrEqual,
        "!=" => Op::NotEqual,
        ">" => Op::GreaterThan,
        "<" => Op::LessThan,
        ">=" | "=>" => Op::GreaterThanEqual,
        "<=" | "=<" => Op::LessThanEqual,
        "~" | "~>" => Op::Tilde,
        _ => Op::Caret,
    };
    let (major, minor, patch, pre) = (group(3), group(4), group(5), group(6));
    let mut ver = group(2).to_string();
    let (mut minor_dirty, mut patch_dirty, mut dirty) = (false, false, false);
    if is_x(major) || major.is_empty() {
        ver = format!("0.0.0{pre}");
        dirty = true;
    } else if is_x(minor.strip_prefix('.').unwrap_or(minor)) || minor.is_empty() {
        minor_dirty = true;
        dirty = true;
        ver = format!("{major}.0.0{pre}");
    } else if is_x(patch.strip_prefix('.').unwrap_or(patch)) || patch.is_empty() {
        dirty = true;
        patch_dirty = true;
        ver = format!("{major}{minor}.0{pre}");
    }
    let con = Version::parse(&ver).map_err(|_| "constraint parser error".to_string())?;
    Ok(Constraint {
        con,
        op,
        minor_dirty,
        dirty,
        patch_dirty,
    })
}

impl Constraint {
    /// Whether `v` satisfies the condition; `include_pre` says whether prerelease
    /// versions may (the group mentions a prerelease).
    fn check(&self, v: &Version, include_pre: bool) -> bool {
        if !v.pre.is_empty() && !include_pre {
            return false;
        }
        match self.op {
            Op::TildeOrEqual => {
                if self.dirty {
                    return self.tilde(v);
                }
                v.compare(&self.con) == Ordering::Equal
            }
            Op::NotEqual => self.not_equal(v),
            Op::GreaterThan => self.greater_than(v),
            Op::LessThan => v.compare(&self.con) == Ordering::Less,
            Op::GreaterThanEqual => v.compare(&self.con) != Ordering::Less,
            Op::LessThanEqual => self.less_than_equal(v),
            Op::Tilde => self.tilde(v),
            Op::Caret => self.caret(v),
        }
    }

    fn not_equal(&self, v: &Version) -> bool {
        let c = &self.con;
        if self.dirty {
            if c.major != v.major {
                return true;
            }
            if c.minor != v.minor && !self.minor_dirty {
                return true;
            } else if self.minor_dirty {
                return false;
            } else if c.patch != v.patch && !self.patch_dirty {
                return true;
            } else if self.patch_dirty {
                // Only prereleases can still tell them apart.
                if !v.pre.is_empty() || !c.pre.is_empty() {
                    return compare_prerelease(&v.pre, &c.pre) != Ordering::Equal;
                }
                return false;
            }
        }
        v.compare(c) != Ordering::Equal
    }

    fn greater_than(&self, v: &Version) -> bool {
        let c = &self.con;
        if !self.dirty {
            return v.compare(c) == Ordering::Greater;
        }
        if v.major > c.major {
            true
        } else if v.major < c.major || self.minor_dirty {
            // `>11` needs 12 or more.
            false
        } else if self.patch_dirty {
            // `>11.1` needs 11.2 or more.
            v.minor > c.minor
        } else {
            v.compare(c) == Ordering::Greater
        }
    }

    fn less_than_equal(&self, v: &Version) -> bool {
        let c = &self.con;
        if !self.dirty {
            return v.compare(c) != Ordering::Greater;
        }
        !(v.major > c.major || v.major == c.major && v.minor > c.minor && !self.minor_dirty)
    }

    /// `~1.2.3` is `>=1.2.3 <1.3.0`; `~1` is `>=1.0.0 <2.0.0`; `~0.0.0` is anything.
    fn tilde(&self, v: &Version) -> bool {
        let c = &self.con;
        if v.less_than(c) {
            return false;
        }
        if c.major == 0 && c.minor == 0 && c.patch == 0 && !self.minor_dirty && !self.patch_dirty {
            return true;
        }
        if v.major != c.major {
            return false;
        }
        v.minor == c.minor || self.minor_dirty
    }

    /// `^1.2.3` is `>=1.2.3 <2.0.0`; `^0.2.3` is `>=0.2.3 <0.3.0`; `^0.0.3` is exactly
    /// 0.0.3 (prereleases aside).
    fn caret(&self, v: &Version) -> bool {
        let c = &self.con;
        if v.less_than(c) {
            return false;
        }
        if c.major > 0 || self.minor_dirty {
            return v.major == c.major;
        }
        if c.major == 0 && v.major > 0 {
            return false;
        }
        if c.minor > 0 || self.patch_dirty {
            return v.minor == c.minor;
        }
        if c.minor == 0 && v.minor > 0 {
            return false;
        }
        c.patch == v.patch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Masterminds' `TestRewriteRange` (constraints_test.go, v3.4.0).
    #[test]
    fn rewrite_range_matches_masterminds_tests() {
        for (c, want) in [
            ("2 - 3", ">= 2, <= 3 "),
            ("2 - 3, 2 - 3", ">= 2, <= 3 ,>= 2, <= 3 "),
            ("2 - 3, 4.0.0 - 5.1", ">= 2, <= 3 ,>= 4.0.0, <= 5.1 "),
            ("2 - 3 4.0.0 - 5.1", ">= 2, <= 3 >= 4.0.0, <= 5.1 "),
            ("1.0.0 - 2.0.0 <=2.0.0", ">= 1.0.0, <= 2.0.0 <=2.0.0"),
        ] {
            assert_eq!(rewrite_range(c), want, "{c}");
        }
    }

    /// Masterminds' `TestIsX`.
    #[test]
    fn is_x_matches_masterminds_tests() {
        for (s, want) in [
            ("A", false),
            ("%", false),
            ("X", true),
            ("x", true),
            ("*", true),
        ] {
            assert_eq!(is_x(s), want, "{s}");
        }
    }
}
