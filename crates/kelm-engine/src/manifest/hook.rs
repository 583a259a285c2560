//! Hooks: documents annotated `helm.sh/hook`, kept out of the release manifest and run
//! around lifecycle events (Helm's `pkg/release/v1/hook.go`).

use std::fmt;

use kelm_yaml::{JsonStyle, Value};

/// The annotation that makes a document a hook: a comma-separated list of events.
pub const HOOK_ANNOTATION: &str = "helm.sh/hook";
/// The annotation holding a hook's weight (an integer; anything else counts as 0).
pub const HOOK_WEIGHT_ANNOTATION: &str = "helm.sh/hook-weight";
/// The annotation listing when a hook's objects are deleted.
pub const HOOK_DELETE_ANNOTATION: &str = "helm.sh/hook-delete-policy";
/// The annotation listing when a hook's pod logs are printed.
pub const HOOK_OUTPUT_LOG_ANNOTATION: &str = "helm.sh/hook-output-log-policy";

/// When a hook runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HookEvent {
    /// `pre-install`
    PreInstall,
    /// `post-install`
    PostInstall,
    /// `pre-delete`
    PreDelete,
    /// `post-delete`
    PostDelete,
    /// `pre-upgrade`
    PreUpgrade,
    /// `post-upgrade`
    PostUpgrade,
    /// `pre-rollback`
    PreRollback,
    /// `post-rollback`
    PostRollback,
    /// `test` (also Helm 2's `test-success`, which Helm 4 still reads as `test`)
    Test,
    /// `test-failure`: Helm 2's test that passes when it fails. Helm 4 no longer knows
    /// it (it drops such documents); kelm keeps it.
    TestFailure,
    /// `crd-install`: Helm 2's CRDs installed before the chart. Helm 4 no longer knows
    /// it (it drops such documents); kelm keeps it.
    CrdInstall,
}

impl HookEvent {
    /// Every event, Helm 4's first, in Helm's order.
    pub const ALL: [HookEvent; 11] = [
        HookEvent::PreInstall,
        HookEvent::PostInstall,
        HookEvent::PreDelete,
        HookEvent::PostDelete,
        HookEvent::PreUpgrade,
        HookEvent::PostUpgrade,
        HookEvent::PreRollback,
        HookEvent::PostRollback,
        HookEvent::Test,
        HookEvent::TestFailure,
        HookEvent::CrdInstall,
    ];

    /// The name stored in releases and written in annotations.
    pub fn as_str(self) -> &'static str {
        match self {
            HookEvent::PreInstall => "pre-install",
            HookEvent::PostInstall => "post-install",
            HookEvent::PreDelete => "pre-delete",
            HookEvent::PostDelete => "post-delete",
            HookEvent::PreUpgrade => "pre-upgrade",
            HookEvent::PostUpgrade => "post-upgrade",
            HookEvent::PreRollback => "pre-rollback",
            HookEvent::PostRollback => "post-rollback",
            HookEvent::Test => "test",
            HookEvent::TestFailure => "test-failure",
            HookEvent::CrdInstall => "crd-install",
        }
    }

    /// The event an annotation entry names, already trimmed and lower-cased
    /// (`test-success` is `test`); `None` for names neither Helm 4 nor kelm knows.
    pub fn from_annotation(name: &str) -> Option<HookEvent> {
        if name == "test-success" {
            return Some(HookEvent::Test);
        }
        HookEvent::ALL.into_iter().find(|e| e.as_str() == name)
    }

    /// Whether Helm 4 itself knows this event (it drops documents naming the others).
    pub fn is_helm4(self) -> bool {
        !matches!(self, HookEvent::TestFailure | HookEvent::CrdInstall)
    }

    /// Whether this is a test (`helm test` runs it, `--skip-tests` leaves it out).
    pub fn is_test(self) -> bool {
        matches!(self, HookEvent::Test | HookEvent::TestFailure)
    }
}

impl fmt::Display for HookEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a hook's objects are deleted. Helm keeps whatever the annotation says
/// (trimmed, lower-cased); the lifecycle acts on the three it knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HookDeletePolicy {
    /// `hook-succeeded`: after the hook succeeded.
    HookSucceeded,
    /// `hook-failed`: after the hook failed.
    HookFailed,
    /// `before-hook-creation`: before a new instance is created (the default when a
    /// hook names no policy; see [`Hook::delete_policies_or_default`]).
    BeforeHookCreation,
    /// Any other text, kept as written.
    Other(String),
}

impl HookDeletePolicy {
    /// The policy an annotation entry names (already trimmed and lower-cased).
    pub fn from_annotation(s: &str) -> HookDeletePolicy {
        match s {
            "hook-succeeded" => HookDeletePolicy::HookSucceeded,
            "hook-failed" => HookDeletePolicy::HookFailed,
            "before-hook-creation" => HookDeletePolicy::BeforeHookCreation,
            other => HookDeletePolicy::Other(other.to_string()),
        }
    }

    /// The text stored in releases.
    pub fn as_str(&self) -> &str {
        match self {
            HookDeletePolicy::HookSucceeded => "hook-succeeded",
            HookDeletePolicy::HookFailed => "hook-failed",
            HookDeletePolicy::BeforeHookCreation => "before-hook-creation",
            HookDeletePolicy::Other(s) => s,
        }
    }
}

/// When a hook's pod logs are printed (Pods and Jobs only). Kept as written, like
/// [`HookDeletePolicy`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HookOutputLogPolicy {
    /// `hook-succeeded`
    HookSucceeded,
    /// `hook-failed`
    HookFailed,
    /// Any other text, kept as written.
    Other(String),
}

impl HookOutputLogPolicy {
    /// The policy an annotation entry names (already trimmed and lower-cased).
    pub fn from_annotation(s: &str) -> HookOutputLogPolicy {
        match s {
            "hook-succeeded" => HookOutputLogPolicy::HookSucceeded,
            "hook-failed" => HookOutputLogPolicy::HookFailed,
            other => HookOutputLogPolicy::Other(other.to_string()),
        }
    }

    /// The text stored in releases.
    pub fn as_str(&self) -> &str {
        match self {
            HookOutputLogPolicy::HookSucceeded => "hook-succeeded",
            HookOutputLogPolicy::HookFailed => "hook-failed",
            HookOutputLogPolicy::Other(s) => s,
        }
    }
}

/// How the last run of a hook went (`HookPhase`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HookPhase {
    /// Never run: Go's zero value, stored as `""`.
    #[default]
    NotRun,
    /// `Unknown`
    Unknown,
    /// `Running`
    Running,
    /// `Succeeded`
    Succeeded,
    /// `Failed`
    Failed,
}

impl HookPhase {
    /// The text stored in releases.
    pub fn as_str(self) -> &'static str {
        match self {
            HookPhase::NotRun => "",
            HookPhase::Unknown => "Unknown",
            HookPhase::Running => "Running",
            HookPhase::Succeeded => "Succeeded",
            HookPhase::Failed => "Failed",
        }
    }
}

/// The last run of a hook (`HookExecution`). Times are kept as the text Go's
/// `time.Time` marshals to (RFC 3339 with nanoseconds), so a release read back is
/// written back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HookExecution {
    /// `started_at`, absent until the hook first ran.
    pub started_at: Option<String>,
    /// `completed_at`, absent until the hook completed.
    pub completed_at: Option<String>,
    /// `phase`
    pub phase: HookPhase,
}

/// A hook as a release records it (`release.Hook`).
///
/// JSON field names, in Helm's order: `name`, `kind`, `path`, `manifest`, `events`,
/// `last_run`, `weight`, `delete_policies`, `output_log_policies`; all but `last_run`
/// are left out when empty or zero.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hook {
    /// `metadata.name` of the document.
    pub name: String,
    /// `kind` of the document.
    pub kind: String,
    /// The template the document came from (`chart/templates/x.yaml`).
    pub path: String,
    /// The document's text.
    pub manifest: String,
    /// The events it runs on, in annotation order (repeats kept).
    pub events: Vec<HookEvent>,
    /// Its last run.
    pub last_run: HookExecution,
    /// `helm.sh/hook-weight` (0 when absent or not an integer).
    pub weight: i64,
    /// `helm.sh/hook-delete-policy`, as written; empty when not annotated.
    pub delete_policies: Vec<HookDeletePolicy>,
    /// `helm.sh/hook-output-log-policy`, as written.
    pub output_log_policies: Vec<HookOutputLogPolicy>,
}

impl Hook {
    /// Whether the hook runs on `event`.
    pub fn has_event(&self, event: HookEvent) -> bool {
        self.events.contains(&event)
    }

    /// Whether this is a test hook (what `--skip-tests` leaves out).
    pub fn is_test(&self) -> bool {
        self.events.iter().any(|e| e.is_test())
    }

    /// The delete policies the lifecycle applies: those annotated, or
    /// `before-hook-creation` when there are none (Helm sets this default when it runs
    /// the hook, so it is stored from the first run on).
    pub fn delete_policies_or_default(&self) -> Vec<HookDeletePolicy> {
        if self.delete_policies.is_empty() {
            vec![HookDeletePolicy::BeforeHookCreation]
        } else {
            self.delete_policies.clone()
        }
    }

    /// The hook as Go's `encoding/json` writes a `release.Hook` (HTML-escaped strings,
    /// Helm's field order and `omitempty` rules).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        let mut fields: Vec<(&str, String)> = Vec::new();
        for (name, value) in [
            ("name", &self.name),
            ("kind", &self.kind),
            ("path", &self.path),
            ("manifest", &self.manifest),
        ] {
            if !value.is_empty() {
                fields.push((name, json_string(value)));
            }
        }
        if !self.events.is_empty() {
            fields.push(("events", json_list(self.events.iter().map(|e| e.as_str()))));
        }
        let mut last_run = String::from("{");
        for (name, t) in [
            ("started_at", &self.last_run.started_at),
            ("completed_at", &self.last_run.completed_at),
        ] {
            if let Some(t) = t {
                last_run.push_str(&format!("\"{name}\":{},", json_string(t)));
            }
        }
        last_run.push_str(&format!(
            "\"phase\":{}}}",
            json_string(self.last_run.phase.as_str())
        ));
        fields.push(("last_run", last_run));
        if self.weight != 0 {
            fields.push(("weight", self.weight.to_string()));
        }
        if !self.delete_policies.is_empty() {
            fields.push((
                "delete_policies",
                json_list(self.delete_policies.iter().map(|p| p.as_str())),
            ));
        }
        if !self.output_log_policies.is_empty() {
            fields.push((
                "output_log_policies",
                json_list(self.output_log_policies.iter().map(|p| p.as_str())),
            ));
        }
        for (i, (name, value)) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&format!("\"{name}\":{value}"));
        }
        out.push('}');
        out
    }
}

/// A string as `json.Marshal` writes it.
fn json_string(s: &str) -> String {
    let style = JsonStyle {
        escape_html: true,
        indent: None,
    };
    // Strings always encode.
    kelm_yaml::to_json(&Value::String(s.to_string()), style).unwrap_or_default()
}

fn json_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(json_string).collect();
    format!("[{}]", items.join(","))
}
