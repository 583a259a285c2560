//! The `Chart.yaml` rules (Helm's `rules/chartfile.go`): the file parses (strictly,
//! for a warning), has a name, a known `apiVersion`, a SemVer version, well-formed
//! maintainers, sources and icon, and uses `type`/`dependencies` only in `v2`.

use kelm_chart::Metadata;
use kelm_yaml::Value;

use crate::validator::{is_email, is_request_url, is_url};
use crate::{Linter, Severity};

const FILE: &str = "Chart.yaml";

/// Runs the `Chart.yaml` rules.
pub fn lint(linter: &mut Linter) {
    let path = linter.chart_dir.join(FILE);
    let is_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
    linter.rule(
        Severity::Error,
        FILE,
        if is_dir {
            Err("should be a file, not a directory".into())
        } else {
            Ok(())
        },
    );
    let data = match std::fs::read(&path) {
        Ok(d) => d,
        Err(e) => {
            let text = format!("read {}: {}", path.display(), crate::go_io_error(&e));
            linter.rule(Severity::Error, FILE, Err(unparsable(&text)));
            return;
        }
    };
    let md = match kelm_chart::parse_chartfile(&data) {
        Ok(md) => md,
        Err(e) => {
            linter.rule(Severity::Error, FILE, Err(unparsable(e.message())));
            return;
        }
    };
    linter.rule(
        Severity::Warning,
        FILE,
        kelm_chart::check_chartfile_strict(&data).map_err(|e| {
            format!(
                "failed to strictly parse chart metadata file\n\t{}",
                e.message()
            )
        }),
    );
    let raw = kelm_yaml::from_yaml_bytes(&data).ok();
    let raw = raw.as_ref().and_then(|v| match v {
        Value::Map(m) => Some(m),
        _ => None,
    });
    let type_check = |key: &str| -> Result<(), String> {
        match raw.and_then(|m| m.get(key)) {
            None => Ok(()),
            Some(Value::String(_)) => Ok(()),
            Some(v) => Err(format!(
                "{key} should be of type string but it's of type {}",
                go_type(v)
            )),
        }
    };
    linter.rule(Severity::Error, FILE, name(&md));
    linter.rule(Severity::Error, FILE, api_version(&md));
    linter.rule(Severity::Error, FILE, type_check("version"));
    linter.rule(Severity::Error, FILE, version(&md));
    linter.rule(Severity::Error, FILE, type_check("appVersion"));
    linter.rule(Severity::Error, FILE, maintainers(&md));
    linter.rule(Severity::Error, FILE, sources(&md));
    linter.rule(
        Severity::Info,
        FILE,
        if md.icon.is_empty() {
            Err("icon is recommended".into())
        } else {
            Ok(())
        },
    );
    linter.rule(
        Severity::Error,
        FILE,
        if !md.icon.is_empty() && !is_request_url(&md.icon) {
            Err(format!("invalid icon URL '{}'", md.icon))
        } else {
            Ok(())
        },
    );
    linter.rule(
        Severity::Error,
        FILE,
        if !md.kind.is_empty() && md.api_version != "v2" {
            Err(format!(
                "chart type is not valid in apiVersion '{}'. It is valid in apiVersion 'v2'",
                md.api_version
            ))
        } else {
            Ok(())
        },
    );
    linter.rule(
        Severity::Error,
        FILE,
        if !md.dependencies.is_empty() && md.api_version != "v2" {
            Err(format!(
                "dependencies are not valid in the Chart file with apiVersion '{}'. They are valid in apiVersion 'v2'",
                md.api_version
            ))
        } else {
            Ok(())
        },
    );
    linter.rule(
        Severity::Warning,
        FILE,
        if is_strict_semver(&md.version) {
            Ok(())
        } else {
            Err(format!("version '{}' is not a valid SemVerV2", md.version))
        },
    );
}

fn unparsable(err: &str) -> String {
    format!("unable to parse YAML\n\t{err}")
}

/// Go's `%T` of a value decoded from YAML into `interface{}` through JSON.
fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<nil>",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::Uint(_) | Value::Float(_) => "float64",
        Value::String(_) | Value::Time(_) => "string",
        Value::Seq(_) => "[]interface {}",
        Value::Map(_) => "map[string]interface {}",
    }
}

fn name(md: &Metadata) -> Result<(), String> {
    if md.name.is_empty() {
        return Err("name is required".into());
    }
    if base_name(&md.name) != md.name {
        return Err(format!(
            "chart name {} is invalid",
            kelm_gotmpl::strconv::quote(&md.name)
        ));
    }
    Ok(())
}

/// Go's `filepath.Base` on Unix.
fn base_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return if path.is_empty() { "." } else { "/" };
    }
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

fn api_version(md: &Metadata) -> Result<(), String> {
    match md.api_version.as_str() {
        "" => Err("apiVersion is required. The value must be either \"v1\" or \"v2\"".into()),
        "v1" | "v2" => Ok(()),
        other => Err(format!(
            "apiVersion '{other}' is not valid. The value must be either \"v1\" or \"v2\""
        )),
    }
}

fn version(md: &Metadata) -> Result<(), String> {
    if md.version.is_empty() {
        return Err("version is required".into());
    }
    if !kelm_chart::is_valid_semver(&md.version) {
        return Err(format!("version '{}' is not a valid SemVer", md.version));
    }
    // `>0.0.0-0` refuses only the lowest version there is.
    if !kelm_sprig::is_compatible_range(">0.0.0-0", &md.version) {
        let canonical = md.version.trim_start_matches(['v', 'V']);
        let canonical = canonical.split('+').next().unwrap_or(canonical);
        return Err(format!(
            "version {canonical} is less than or equal to 0.0.0-0"
        ));
    }
    Ok(())
}

fn maintainers(md: &Metadata) -> Result<(), String> {
    for m in &md.maintainers {
        let Some(m) = m else {
            return Err("a maintainer entry is empty".into());
        };
        if m.name.is_empty() {
            return Err("each maintainer requires a name".into());
        }
        if !m.email.is_empty() && !is_email(&m.email) {
            return Err(format!(
                "invalid email '{}' for maintainer '{}'",
                m.email, m.name
            ));
        }
        if !m.url.is_empty() && !is_url(&m.url) {
            return Err(format!(
                "invalid url '{}' for maintainer '{}'",
                m.url, m.name
            ));
        }
    }
    Ok(())
}

fn sources(md: &Metadata) -> Result<(), String> {
    for s in &md.sources {
        if s.is_empty() || !is_request_url(s) {
            return Err(format!("invalid source URL '{s}'"));
        }
    }
    Ok(())
}

/// Masterminds' `StrictNewVersion`: exactly `MAJOR.MINOR.PATCH`, no `v`, no leading
/// zeros, then an optional `-prerelease` and `+metadata` of dot-separated
/// `[0-9A-Za-z-]` identifiers (numeric prerelease identifiers without leading zeros).
pub fn is_strict_semver(v: &str) -> bool {
    let (rest, meta) = match v.split_once('+') {
        Some((r, m)) => (r, Some(m)),
        None => (v, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let parts: Vec<&str> = core.split('.').collect();
    if parts.len() != 3 || !parts.iter().all(|p| is_number(p)) {
        return false;
    }
    let ident_ok =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if let Some(pre) = pre
        && !pre
            .split('.')
            .all(|p| ident_ok(p) && (!p.bytes().all(|b| b.is_ascii_digit()) || is_number(p)))
    {
        return false;
    }
    if let Some(meta) = meta
        && !meta.split('.').all(ident_ok)
    {
        return false;
    }
    true
}

/// A decimal number without leading zeros.
fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_semver() {
        assert!(is_strict_semver("1.2.3"));
        assert!(is_strict_semver("1.2.3-rc.1+b.5"));
        assert!(!is_strict_semver("v1.2.3"));
        assert!(!is_strict_semver("1.2"));
        assert!(!is_strict_semver("01.2.3"));
        assert!(!is_strict_semver("1.2.3-01"));
        assert!(!is_strict_semver("1.2.3-"));
    }

    #[test]
    fn base_names() {
        assert_eq!(base_name("a/b"), "b");
        assert_eq!(base_name("a/"), "a");
        assert_eq!(base_name("abc"), "abc");
    }
}
