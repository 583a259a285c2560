//! What `kelm version` reports: the shape of Helm's `version.BuildInfo`, filled in at
//! build time.

use serde::Serialize;

/// The Go release whose `text/template`, `fmt` and `strconv` behaviour kelm reproduces.
///
/// Helm reports the Go it was compiled with; kelm has no Go compiler, so its `GoVersion`
/// names the Go whose semantics its output follows. Helm 4.1.4 is built with go1.25.9,
/// and template behaviour does not change within a Go minor release.
pub const GO_VERSION: &str = "go1.25";

/// The Kubernetes client version kelm speaks, in Helm's `v<major>.<minor>` form.
///
/// Helm 4.1.4 derives it from its `k8s.io/client-go` module (v0.35 ⇒ `v1.35`); it is
/// also the default `.Capabilities.KubeVersion` that `helm template` renders with.
pub const KUBE_CLIENT_VERSION: &str = "v1.35";

/// Build information. The Rust field names are the JSON names in Helm's struct tags
/// (`git_commit`, ...), which `-o json` and `-o yaml` print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildInfo {
    /// The semantic version, `v` prefixed.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub version: String,
    /// The full git commit id, or empty when built outside git.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub git_commit: String,
    /// `clean`, `dirty`, or empty when built outside git.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub git_tree_state: String,
    /// See [`GO_VERSION`].
    #[serde(skip_serializing_if = "str::is_empty")]
    pub go_version: String,
    /// See [`KUBE_CLIENT_VERSION`]; unlike the others, Helm's tag has no `omitempty`.
    pub kube_client_version: String,
}

/// The names templates and Go's `%#v` use for the fields, in declaration order.
pub const FIELD_NAMES: [&str; 5] = [
    "Version",
    "GitCommit",
    "GitTreeState",
    "GoVersion",
    "KubeClientVersion",
];

impl BuildInfo {
    /// This binary's build information.
    pub fn current() -> BuildInfo {
        BuildInfo {
            version: format!("v{}", env!("CARGO_PKG_VERSION")),
            git_commit: env!("KELM_GIT_COMMIT").to_string(),
            git_tree_state: env!("KELM_GIT_TREE_STATE").to_string(),
            go_version: GO_VERSION.to_string(),
            kube_client_version: KUBE_CLIENT_VERSION.to_string(),
        }
    }

    /// The field called `name` in Go, if there is one.
    pub fn field(&self, name: &str) -> Option<&str> {
        let value = match name {
            "Version" => &self.version,
            "GitCommit" => &self.git_commit,
            "GitTreeState" => &self.git_tree_state,
            "GoVersion" => &self.go_version,
            "KubeClientVersion" => &self.kube_client_version,
            _ => return None,
        };
        Some(value)
    }

    /// The values of all fields, in declaration order.
    pub fn values(&self) -> [&str; 5] {
        FIELD_NAMES.map(|name| self.field(name).expect("every listed field exists"))
    }

    /// Go's `%#v` of the struct: `version.BuildInfo{Version:"v0.1.0", ...}`.
    pub fn go_syntax(&self) -> String {
        let fields: Vec<String> = FIELD_NAMES
            .iter()
            .zip(self.values())
            .map(|(name, value)| format!("{name}:{}", kelm_gotmpl::strconv::quote(value)))
            .collect();
        format!("version.BuildInfo{{{}}}", fields.join(", "))
    }

    /// `--short`: the version with the abbreviated commit, `v0.1.0+g1234abc`, or the
    /// bare version when there is no commit.
    pub fn short(&self) -> String {
        match self.git_commit.get(..7) {
            Some(abbrev) => format!("{}+g{abbrev}", self.version),
            None => self.version.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BuildInfo {
        BuildInfo {
            version: "v0.1.0".into(),
            git_commit: "05fa37973dc9e42b76e1d2883494c87174b6074f".into(),
            git_tree_state: "clean".into(),
            go_version: GO_VERSION.into(),
            kube_client_version: KUBE_CLIENT_VERSION.into(),
        }
    }

    #[test]
    fn go_syntax_has_helms_shape() {
        assert_eq!(
            sample().go_syntax(),
            r#"version.BuildInfo{Version:"v0.1.0", GitCommit:"05fa37973dc9e42b76e1d2883494c87174b6074f", GitTreeState:"clean", GoVersion:"go1.25", KubeClientVersion:"v1.35"}"#
        );
    }

    #[test]
    fn go_value_separates_fields_with_spaces() {
        let mut info = sample();
        info.git_commit.clear();
    }

    #[test]
    fn short_needs_seven_commit_characters() {
        assert_eq!(sample().short(), "v0.1.0+g05fa379");
        let mut info = sample();
        info.git_commit = "05fa37".into();
        assert_eq!(info.short(), "v0.1.0");
    }

    #[test]
    fn json_omits_empty_fields_but_kube_client_version() {
        let info = BuildInfo {
            git_commit: String::new(),
            git_tree_state: String::new(),
            kube_client_version: String::new(),
            ..sample()
        };
        assert_eq!(
            serde_json::to_string(&info).unwrap(),
            r#"{"version":"v0.1.0","go_version":"go1.25","kube_client_version":""}"#
        );
    }
}
