//! `.Capabilities`: what a template knows of the cluster and of Helm
//! (`pkg/chart/common/capabilities.go`, `internal/version`).
//!
//! Templates see a `*common.Capabilities` with the fields `KubeVersion` (a
//! `common.KubeVersion` struct whose pointer type has `String()` and `GitVersion()`),
//! `APIVersions` (a `common.VersionSet`, a `[]string` with `Has`) and `HelmVersion` (a
//! `version.BuildInfo`, which marshals to JSON with snake_case tags). The objects here
//! reproduce those Go types, down to how `fmt`, `toJson` and `toYaml` show them.
//!
//! Without a cluster (`helm template`), Helm uses defaults taken from the client-go it
//! was built with; [`Capabilities::default`] holds what the real Helm v4.1.4 reports,
//! recorded in `data/default-capabilities.txt` by `tools/render-oracle/record`.

use std::sync::{Arc, LazyLock};

use kelm_gotmpl::{Call, FuncError, List, Map, Object, Signature, Type, Value};

/// The recorded defaults: lines `api GROUP/VERSION`, `kube VERSION MAJOR MINOR` and
/// `helm VERSION COMMIT TREE_STATE GO_VERSION KUBE_CLIENT_VERSION`.
const DEFAULTS: &str = include_str!("../data/default-capabilities.txt");

/// The Kubernetes version templates see as `.Capabilities.KubeVersion`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    /// The full version (`v1.33.4-gke.1245000`); `.Capabilities.KubeVersion.Version`.
    pub version: String,
    /// The version without suffixes (`v1.33.4`), which `String()` returns; empty when
    /// the version came from a cluster, and then `String()` returns [`Self::version`].
    pub normalized: String,
    /// The major version, as a string.
    pub major: String,
    /// The minor version, as a string.
    pub minor: String,
}

impl KubeVersion {
    /// Parses a version as Helm's `--kube-version` does (`common.ParseKubeVersion` over
    /// Kubernetes' generic version parser): `1.20`, `v1.33.4-gke.1`, at least two
    /// numeric components. The error is the parser's message, which Helm prints as
    /// `invalid kube version 'X': MESSAGE`.
    pub fn parse(text: &str) -> Result<KubeVersion, String> {
        let components = parse_generic(text)?;
        let version = if text.starts_with('v') {
            text.to_string()
        } else {
            format!("v{text}")
        };
        let joined: Vec<String> = components.iter().map(u64::to_string).collect();
        Ok(KubeVersion {
            version,
            normalized: format!("v{}", joined.join(".")),
            major: components[0].to_string(),
            minor: components[1].to_string(),
        })
    }

    /// Go's `KubeVersion.String()`: the normalized version, or the full one without it.
    pub fn string(&self) -> &str {
        if self.normalized.is_empty() {
            &self.version
        } else {
            &self.normalized
        }
    }
}

/// Kubernetes' `version.ParseGeneric`: the numeric components of `text`
/// (`^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)*$`, at least two components, the first without
/// a leading zero, each a `uint`).
fn parse_generic(text: &str) -> Result<Vec<u64>, String> {
    let trimmed = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
    let body = trimmed.strip_prefix('v').unwrap_or(trimmed);
    // The numbers: digit runs separated by single dots, stopping before a dot that is
    // not followed by a digit.
    let bytes = body.as_bytes();
    let mut end = 0;
    loop {
        let start = end;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end == start {
            if start == 0 {
                return Err(format!("could not parse {} as version", quote(text)));
            }
            // A trailing dot belongs to the rest, not to the numbers.
            end = start - 1;
            break;
        }
        if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
            end += 1;
        } else {
            break;
        }
    }
    let numbers = &body[..end];
    let components: Vec<&str> = numbers.split('.').collect();
    if components.len() < 2 {
        return Err(format!("illegal version string {}", quote(text)));
    }
    let mut out = Vec::with_capacity(components.len());
    for (i, comp) in components.iter().enumerate() {
        if i == 0 && comp.starts_with('0') && *comp != "0" {
            return Err(format!(
                "illegal zero-prefixed version component {} in {}",
                quote(comp),
                quote(text)
            ));
        }
        match comp.parse::<u64>() {
            Ok(n) => out.push(n),
            Err(_) => {
                return Err(format!(
                    "illegal non-numeric version component {} in {}: strconv.ParseUint: parsing {}: value out of range",
                    quote(comp),
                    quote(text),
                    quote(comp)
                ));
            }
        }
    }
    Ok(out)
}

fn quote(s: &str) -> String {
    kelm_gotmpl::strconv::quote(s)
}

/// Helm's build information (`version.BuildInfo`), `.Capabilities.HelmVersion`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BuildInfo {
    /// `Version` (`v4.1.4`).
    pub version: String,
    /// `GitCommit`.
    pub git_commit: String,
    /// `GitTreeState` (`clean`).
    pub git_tree_state: String,
    /// `GoVersion` (`go1.25.9`).
    pub go_version: String,
    /// `KubeClientVersion` (`v1.35`).
    pub kube_client_version: String,
}

/// What templates know of the cluster and of Helm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    /// `.Capabilities.KubeVersion`.
    pub kube_version: KubeVersion,
    /// `.Capabilities.APIVersions`, in order.
    pub api_versions: Vec<String>,
    /// `.Capabilities.HelmVersion`.
    pub helm_version: BuildInfo,
}

static DEFAULT: LazyLock<Capabilities> = LazyLock::new(|| {
    let mut caps = Capabilities {
        kube_version: KubeVersion {
            version: String::new(),
            normalized: String::new(),
            major: String::new(),
            minor: String::new(),
        },
        api_versions: Vec::new(),
        helm_version: BuildInfo::default(),
    };
    for line in DEFAULTS.lines().filter(|l| !l.starts_with('#')) {
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            ["api", gv] => caps.api_versions.push(gv.to_string()),
            ["kube", v, major, minor] => {
                caps.kube_version = KubeVersion {
                    version: v.to_string(),
                    normalized: v.to_string(),
                    major: major.to_string(),
                    minor: minor.to_string(),
                }
            }
            ["helm", v, commit, tree, go, kube] => {
                caps.helm_version = BuildInfo {
                    version: v.to_string(),
                    git_commit: commit.to_string(),
                    git_tree_state: tree.to_string(),
                    go_version: go.to_string(),
                    kube_client_version: kube.to_string(),
                }
            }
            _ => {}
        }
    }
    caps
});

impl Default for Capabilities {
    /// What Helm v4.1.4 uses without a cluster: Kubernetes v1.35.0, every group/version
    /// of client-go's scheme plus apiextensions, and Helm's own build information.
    fn default() -> Capabilities {
        DEFAULT.clone()
    }
}

impl Capabilities {
    /// `.Capabilities` as templates see it.
    pub(crate) fn to_value(&self) -> Value {
        Value::Object(Arc::new(CapabilitiesObject {
            kube_version: Value::Object(Arc::new(KubeVersionObject(self.kube_version.clone()))),
            api_versions: Value::Object(Arc::new(VersionSetObject(self.api_versions.clone()))),
            helm_version: Value::Object(Arc::new(BuildInfoObject(self.helm_version.clone()))),
        }))
    }
}

fn string_list(items: &[String]) -> List {
    List::with_type(
        Type::slice_of(Type::String),
        items.iter().map(|s| Value::from(s.as_str())).collect(),
    )
}

/// `*common.Capabilities`.
#[derive(Debug)]
struct CapabilitiesObject {
    kube_version: Value,
    api_versions: Value,
    helm_version: Value,
}

impl Object for CapabilitiesObject {
    fn go_type(&self) -> Type {
        Type::ptr_to(Type::struct_named("common.Capabilities"))
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        self.fields()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| (v, true))
    }

    fn fields(&self) -> Vec<(String, Value)> {
        vec![
            ("KubeVersion".into(), self.kube_version.clone()),
            ("APIVersions".into(), self.api_versions.clone()),
            ("HelmVersion".into(), self.helm_version.clone()),
        ]
    }
}

/// `common.KubeVersion`, reached through the `*Capabilities` pointer (so its
/// pointer-receiver methods are callable and an action prints its `String()`).
#[derive(Debug)]
struct KubeVersionObject(KubeVersion);

impl Object for KubeVersionObject {
    fn go_type(&self) -> Type {
        Type::struct_named("common.KubeVersion")
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        match name {
            "String" | "GitVersion" => Some(Arc::new(Signature::new(vec![], Type::String))),
            _ => None,
        }
    }

    fn call_method(
        &self,
        name: &str,
        _args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        match name {
            "String" => Ok(Value::from(self.0.string())),
            "GitVersion" => Ok(Value::from(self.0.version.as_str())),
            _ => Err(FuncError::new(format!("method {name} not implemented"))),
        }
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        self.fields()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(n, v)| (v, n != "normalizedVersion"))
    }

    fn fields(&self) -> Vec<(String, Value)> {
        let k = &self.0;
        vec![
            ("Version".into(), Value::from(k.version.as_str())),
            (
                "normalizedVersion".into(),
                Value::from(k.normalized.as_str()),
            ),
            ("Major".into(), Value::from(k.major.as_str())),
            ("Minor".into(), Value::from(k.minor.as_str())),
        ]
    }

    fn addressable_display(&self) -> Option<String> {
        Some(self.0.string().to_string())
    }
}

/// `common.VersionSet`: a `[]string` with `Has`.
#[derive(Debug)]
struct VersionSetObject(Vec<String>);

impl Object for VersionSetObject {
    fn go_type(&self) -> Type {
        Type::named("common.VersionSet", Type::slice_of(Type::String))
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "Has").then(|| Arc::new(Signature::new(vec![Type::String], Type::Bool)))
    }

    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        match (name, args) {
            ("Has", [Value::String(s)]) => Ok(Value::Bool(self.0.iter().any(|v| **v == **s))),
            _ => Err(FuncError::new(format!("method {name} not implemented"))),
        }
    }

    fn underlying(&self) -> Option<Value> {
        Some(Value::List(string_list(&self.0)))
    }
}

/// `version.BuildInfo`.
#[derive(Debug)]
struct BuildInfoObject(BuildInfo);

impl Object for BuildInfoObject {
    fn go_type(&self) -> Type {
        Type::struct_named("version.BuildInfo")
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        self.fields()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| (v, true))
    }

    fn fields(&self) -> Vec<(String, Value)> {
        let b = &self.0;
        vec![
            ("Version".into(), Value::from(b.version.as_str())),
            ("GitCommit".into(), Value::from(b.git_commit.as_str())),
            (
                "GitTreeState".into(),
                Value::from(b.git_tree_state.as_str()),
            ),
            ("GoVersion".into(), Value::from(b.go_version.as_str())),
            (
                "KubeClientVersion".into(),
                Value::from(b.kube_client_version.as_str()),
            ),
        ]
    }

    /// The JSON tags: snake_case names, every field but `kube_client_version` omitted
    /// when empty.
    fn json_value(&self) -> Option<Value> {
        let b = &self.0;
        let m = Map::new();
        for (key, value) in [
            ("version", &b.version),
            ("git_commit", &b.git_commit),
            ("git_tree_state", &b.git_tree_state),
            ("go_version", &b.go_version),
        ] {
            if !value.is_empty() {
                m.insert(key, Value::from(value.as_str()));
            }
        }
        m.insert(
            "kube_client_version",
            Value::from(b.kube_client_version.as_str()),
        );
        Some(Value::Map(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_recorded() {
        let caps = Capabilities::default();
        assert_eq!(caps.kube_version.version, "v1.35.0");
        assert_eq!(caps.api_versions.first().map(String::as_str), Some("v1"));
        assert!(caps.api_versions.len() > 50);
        assert_eq!(caps.helm_version.version, "v4.1.4");
    }

    #[test]
    fn kube_version_parsing() {
        let k = KubeVersion::parse("1.33.4-gke.1245000").unwrap();
        assert_eq!(
            (
                k.version.as_str(),
                k.string(),
                k.major.as_str(),
                k.minor.as_str()
            ),
            ("v1.33.4-gke.1245000", "v1.33.4", "1", "33")
        );
        let k = KubeVersion::parse("v1.20").unwrap();
        assert_eq!((k.version.as_str(), k.string()), ("v1.20", "v1.20"));
        assert_eq!(
            KubeVersion::parse("1").unwrap_err(),
            "illegal version string \"1\""
        );
        assert_eq!(
            KubeVersion::parse("x1.2").unwrap_err(),
            "could not parse \"x1.2\" as version"
        );
        assert_eq!(
            KubeVersion::parse("01.2").unwrap_err(),
            "illegal zero-prefixed version component \"01\" in \"01.2\""
        );
    }
}
