//! From rendered template files to what Helm makes of them (Helm 4.1.4's
//! `pkg/release/v1/util`, `pkg/release/v1/hook.go`, `renderResources` and
//! `helm template`'s printing).
//!
//! Each rendered file is cut into YAML documents ([`split_manifests`]); each
//! document's head (`apiVersion`, `kind`, `metadata.name`, annotations) is read
//! ([`parse_head`]); a document annotated `helm.sh/hook` becomes a [`Hook`], any other
//! a [`Manifest`]; both lists are sorted by kind ([`sort_manifests`], [`INSTALL_ORDER`]).
//! The release records the manifests as one text ([`release_manifest`]) and the hooks
//! on their own; `helm template` prints both ([`template_output`]).
//!
//! ```
//! use std::collections::BTreeMap;
//! use kelm_engine::manifest::{template_output, TemplateOptions};
//!
//! let mut files = BTreeMap::new();
//! files.insert("c/templates/a.yaml".to_string(),
//!     "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n---\nkind: Service\n".to_string());
//! files.insert("c/templates/b.yaml".to_string(), "kind: ConfigMap\n".to_string());
//! let mut out = String::new();
//! template_output(&files, &[], &TemplateOptions::default(), &mut out).unwrap();
//! assert_eq!(out, "---\n# Source: c/templates/b.yaml\nkind: ConfigMap\n\
//!                  ---\n# Source: c/templates/a.yaml\nkind: Service\n\
//!                  ---\n# Source: c/templates/a.yaml\nkind: Job\nmetadata:\n  name: j\n  \
//!                  annotations:\n    helm.sh/hook: pre-install\n");
//! ```
//!
//! kelm departs from Helm 4 on purpose in one place: besides Helm 4's hook events and
//! Helm 2's `test-success` (which Helm 4 still reads as `test`), it keeps Helm 2's
//! `test-failure` and `crd-install` hooks, which Helm 4 drops; and a document naming an
//! event neither knows is dropped as Helm drops it, but with a warning (see
//! [`Sorted::warnings`]).

mod head;
mod hook;
mod sort;
mod split;
mod template;
#[cfg(test)]
mod tests;

use std::fmt;

pub use head::{Head, Metadata, parse_head};
pub use hook::{
    HOOK_ANNOTATION, HOOK_DELETE_ANNOTATION, HOOK_OUTPUT_LOG_ANNOTATION, HOOK_WEIGHT_ANNOTATION,
    Hook, HookDeletePolicy, HookEvent, HookExecution, HookOutputLogPolicy, HookPhase,
};
pub use sort::{
    INSTALL_ORDER, Sorted, UNINSTALL_ORDER, compare_kinds, hooks_for_event, sort_by_kind,
    sort_manifests,
};
pub use split::split_manifests;
pub use template::{
    CrdFile, NOTES_SUFFIX, TemplateOptions, extract_notes, release_manifest, template_output,
};

/// One document that is not a hook, as the release manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The template it came from (`chart/templates/x.yaml`).
    pub name: String,
    /// The document's text, trimmed.
    pub content: String,
    /// What Helm read of it.
    pub head: Head,
}

/// Why manifests could not be sorted or printed; the texts are Helm's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A document is not YAML Helm can read: `YAML parse error on FILE: ...`.
    Yaml {
        /// The template path.
        path: String,
        /// Go's error text.
        message: String,
    },
    /// A `--show-only` pattern matched no document: `could not find template X in chart`.
    TemplateNotFound(String),
    /// Writing under `--output-dir` failed (Go's `OP PATH: reason`).
    Io(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Yaml { path, message } => write!(f, "YAML parse error on {path}: {message}"),
            Error::TemplateNotFound(p) => write!(f, "could not find template {p} in chart"),
            Error::Io(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// Go's `path/filepath.Match`, which `helm template --show-only` matches with: a
/// malformed pattern matches nothing (Helm ignores the error).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    kelm_gotmpl::strconv::path::filepath_match(pattern, name).unwrap_or(false)
}
