//! `.helmignore`: Helm's own ignore rules (not gitignore's).
//!
//! Each non-blank, non-comment line is a `filepath.Match` glob. A leading `/` anchors
//! it to the chart root, a `/` inside matches against the whole relative path, and
//! otherwise only the base name is compared; a trailing `/` restricts the rule to
//! directories. Rules are tried in order and the first decision wins: a rule that
//! matches ignores the path, and a negated rule (`!p`) ignores every path it does
//! *not* match (so `!a.txt` ignores `b.txt`), which is how Helm behaves.

use crate::Error;
use kelm_strconv::path::{BAD_PATTERN, filepath_match};

/// The name of the ignore file at a chart's root.
pub const HELM_IGNORE: &str = ".helmignore";

/// How a rule compares paths.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Against the base name only.
    Base,
    /// Against the whole relative path.
    Path,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    pattern: String,
    scope: Scope,
    negate: bool,
    dirs_only: bool,
}

/// A parsed `.helmignore`, plus Helm's default rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
}

impl Rules {
    /// No rules.
    pub fn empty() -> Rules {
        Rules::default()
    }

    /// Parses the text of a `.helmignore` file (a UTF-8 byte-order mark is skipped).
    ///
    /// Errors are Helm's: `double-star (**) syntax is not supported`, `syntax error in
    /// pattern`, and for a line over 64 KiB `bufio.Scanner: token too long`.
    pub fn parse(data: &[u8]) -> Result<Rules, Error> {
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        let mut rules = Rules::empty();
        let mut rest = data;
        while !rest.is_empty() {
            let (line, next) = match rest.iter().position(|&b| b == b'\n') {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, &rest[rest.len()..]),
            };
            // bufio.Scanner's default limit on a token.
            if line.len() >= 64 * 1024 {
                return Err(Error::new("bufio.Scanner: token too long"));
            }
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            rules.add(&String::from_utf8_lossy(line))?;
            rest = next;
        }
        Ok(rules)
    }

    /// Adds Helm's default rule, which ignores dot files under `templates/`.
    pub fn add_defaults(&mut self) {
        self.add("templates/.?*")
            .expect("the default rule is a valid pattern");
    }

    fn add(&mut self, line: &str) -> Result<(), Error> {
        let rule = line.trim_matches(is_go_space);
        if rule.is_empty() || rule.starts_with('#') {
            return Ok(());
        }
        if rule.contains("**") {
            return Err(Error::new("double-star (**) syntax is not supported"));
        }
        if filepath_match(rule, "abc").is_err() {
            return Err(Error::new(BAD_PATTERN));
        }
        let (negate, rule) = match rule.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, rule),
        };
        let (dirs_only, rule) = match rule.strip_suffix('/') {
            Some(r) => (true, r),
            None => (false, rule),
        };
        let (scope, pattern) = if let Some(r) = rule.strip_prefix('/') {
            (Scope::Path, r)
        } else if rule.contains('/') {
            (Scope::Path, rule)
        } else {
            (Scope::Base, rule)
        };
        self.rules.push(Rule {
            pattern: pattern.to_string(),
            scope,
            negate,
            dirs_only,
        });
        Ok(())
    }

    /// Whether the chart-relative, `/`-separated `path` is ignored.
    pub fn ignore(&self, path: &str, is_dir: bool) -> bool {
        if path.is_empty() || path == "." || path == "./" {
            return false;
        }
        for rule in &self.rules {
            let matched = || {
                let subject = match rule.scope {
                    Scope::Base => go_base(path),
                    Scope::Path => path,
                };
                filepath_match(&rule.pattern, subject).unwrap_or(false)
            };
            if rule.negate {
                if (rule.dirs_only && !is_dir) || !matched() {
                    return true;
                }
                continue;
            }
            if rule.dirs_only && !is_dir {
                continue;
            }
            if matched() {
                return true;
            }
        }
        false
    }
}

/// Go's `unicode.IsSpace` (what `strings.TrimSpace` trims).
fn is_go_space(c: char) -> bool {
    c.is_whitespace()
}

/// Go's `filepath.Base` on Unix.
pub(crate) fn go_base(path: &str) -> &str {
    if path.is_empty() {
        return ".";
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/";
    }
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The behaviour of Helm's pkg/ignore tests, hand-derived from its rules.
    #[test]
    fn helm_rules() {
        let cases: &[(&str, &str, bool, bool)] = &[
            ("helm.txt", "helm.txt", false, true),
            ("helm.*", "helm.txt", false, true),
            ("helm.*", "rudder.txt", false, false),
            ("*.txt", "tiller.txt", false, true),
            ("*.txt", "cargo/a.txt", false, true),
            ("cargo/*.txt", "cargo/a.txt", false, true),
            ("cargo/*.*", "cargo/a.txt", false, true),
            ("cargo/*.txt", "mast/a.txt", false, false),
            ("./tiller.txt", "tiller.txt", false, false),
            ("/tiller.txt", "tiller.txt", false, true),
            ("/cargo/*.txt", "cargo/a.txt", false, true),
            ("cargo/", "cargo", true, true),
            ("cargo/", "cargo/", true, true),
            ("cargo/", "mast/", true, false),
            ("helm.txt/", "helm.txt", false, false),
            ("!helm.txt", "helm.txt", false, false),
            ("!helm.txt", "tiller.txt", false, true),
            ("!*.txt", "cargo", true, true),
            ("!cargo/", "mast/", true, true),
            ("!cargo/", "cargo/", true, false),
            ("!cargo/", "helm.txt", false, true),
            ("mast/a.txt", "mast/a.txt", false, true),
            ("mast/", "mast/a.txt", false, false),
            (".*", ".helmignore", false, true),
            (".*", ".joonix", false, true),
        ];
        for &(rule, path, dir, want) in cases {
            let r = Rules::parse(rule.as_bytes()).unwrap();
            assert_eq!(r.ignore(path, dir), want, "{rule} on {path}");
        }
    }

    #[test]
    fn defaults_and_errors() {
        let mut r = Rules::empty();
        r.add_defaults();
        assert!(r.ignore("templates/.dotfile", false));
        assert!(!r.ignore("templates/a.yaml", false));
        assert!(!r.ignore(".", true));
        let err = Rules::parse(b"a/**/b").unwrap_err();
        assert_eq!(err.message(), "double-star (**) syntax is not supported");
        assert_eq!(Rules::parse(b"[").unwrap_err().message(), BAD_PATTERN);
        let r = Rules::parse(b"\xEF\xBB\xBFa.txt\r\n# c\n\n  b.txt  ").unwrap();
        assert!(r.ignore("a.txt", false) && r.ignore("x/b.txt", false));
    }
}
