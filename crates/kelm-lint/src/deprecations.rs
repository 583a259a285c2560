//! Deprecated Kubernetes APIs: the types Helm v4.1.4 warns about, from the table in
//! `data/deprecated-apis.tsv` (recorded from the real helm by
//! `tools/lint-oracle/gen-deprecations`; the facts are k8s.io/api v0.35.1's
//! `APILifecycle*` functions for the types client-go's scheme knows).

use std::sync::OnceLock;

use crate::KubeVersion;

const TABLE: &str = include_str!("../data/deprecated-apis.tsv");

/// One deprecated API type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecation {
    /// `group/version` (or `v1` for the core group).
    pub api_version: String,
    /// The kind.
    pub kind: String,
    /// The release that deprecated it, as (major, minor).
    pub deprecated: (u32, u32),
    /// The release that stops serving it, if one is set.
    pub removed: Option<(u32, u32)>,
    /// What to use instead (`apps/v1 Deployment`), if anything.
    pub replacement: Option<String>,
}

impl Deprecation {
    /// Kubernetes' warning text for the type.
    pub fn message(&self) -> String {
        let mut msg = format!(
            "{} {} is deprecated in v{}.{}+",
            self.api_version, self.kind, self.deprecated.0, self.deprecated.1
        );
        if let Some((major, minor)) = self.removed {
            msg.push_str(&format!(", unavailable in v{major}.{minor}+"));
        }
        if let Some(r) = &self.replacement {
            msg.push_str(&format!("; use {r}"));
        }
        msg
    }

    /// Whether Kubernetes `major.minor` counts the type as deprecated (it does from
    /// the release that deprecated it on, and from its removal on).
    pub fn applies_to(&self, major: u32, minor: u32) -> bool {
        let at_least = |(ma, mi): (u32, u32)| (major, minor) >= (ma, mi);
        if self.removed.is_some_and(at_least) {
            return true;
        }
        self.deprecated != (0, 0) && at_least(self.deprecated)
    }
}

/// Every deprecated type Helm knows.
pub fn table() -> &'static [Deprecation] {
    static TABLE_ROWS: OnceLock<Vec<Deprecation>> = OnceLock::new();
    TABLE_ROWS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(parse_row)
            .collect()
    })
}

fn parse_row(line: &str) -> Option<Deprecation> {
    let cols: Vec<&str> = line.split('\t').collect();
    let version = |s: &str| -> Option<(u32, u32)> {
        let (a, b) = s.split_once('.')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    Some(Deprecation {
        api_version: cols.first()?.to_string(),
        kind: cols.get(1)?.to_string(),
        deprecated: version(cols.get(2)?)?,
        removed: version(cols.get(3)?),
        replacement: cols.get(4).filter(|r| **r != "-").map(|r| r.to_string()),
    })
}

/// Helm's `validateNoDeprecations`: the warning for an object of `api_version` and
/// `kind` on Kubernetes `kube` (Helm's default version when `None`).
pub fn check(api_version: &str, kind: &str, kube: Option<&KubeVersion>) -> Result<(), String> {
    if api_version.is_empty() || kind.is_empty() {
        return Ok(());
    }
    let Some(dep) = table()
        .iter()
        .find(|d| d.api_version == api_version && d.kind == kind)
    else {
        return Ok(());
    };
    let default;
    let kube = match kube {
        Some(k) => k,
        None => {
            default = kelm_engine::Capabilities::default().kube_version;
            &default
        }
    };
    let major = parse_atoi(&kube.major)?;
    let minor = parse_atoi(&kube.minor)?;
    if dep.applies_to(major, minor) {
        Err(dep.message())
    } else {
        Ok(())
    }
}

/// Go's `strconv.Atoi` as far as the kube version parts need it.
fn parse_atoi(s: &str) -> Result<u32, String> {
    s.parse().map_err(|_| {
        format!(
            "strconv.Atoi: parsing {}: invalid syntax",
            kelm_strconv::quote(s)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows() {
        let t = table();
        assert!(t.len() > 100);
        let ing = t
            .iter()
            .find(|d| d.api_version == "extensions/v1beta1" && d.kind == "Ingress")
            .unwrap();
        assert_eq!(
            ing.message(),
            "extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress"
        );
        assert!(ing.applies_to(1, 14));
        assert!(!ing.applies_to(1, 13));
    }

    #[test]
    fn unknown_types_pass() {
        let kv = KubeVersion::parse("1.30.0").unwrap();
        assert!(check("apps/v1", "Deployment", Some(&kv)).is_ok());
        assert!(check("example.com/v1", "Thing", Some(&kv)).is_ok());
        assert!(check("batch/v1beta1", "CronJob", Some(&kv)).is_err());
    }
}
