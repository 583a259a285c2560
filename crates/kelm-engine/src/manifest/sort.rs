//! Sorting rendered files into hooks and manifests, and ordering them by kind
//! (Helm's `SortManifests`, `kind_sorter.go` and the hook order of `hooks.go`).

use std::cmp::Ordering;

use super::head::{Head, parse_head};
use super::hook::{
    HOOK_ANNOTATION, HOOK_DELETE_ANNOTATION, HOOK_OUTPUT_LOG_ANNOTATION, HOOK_WEIGHT_ANNOTATION,
    Hook, HookDeletePolicy, HookEvent, HookOutputLogPolicy,
};
use super::split::split_manifests;
use super::{Error, Manifest};

/// The order Helm installs kinds in; kinds it does not list come after, by name.
pub const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

/// The order Helm uninstalls kinds in: [`INSTALL_ORDER`] reversed, except that
/// validating webhooks go before mutating ones (so no webhook blocks the removal).
pub const UNINSTALL_ORDER: &[&str] = &[
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "APIService",
    "Ingress",
    "IngressClass",
    "Service",
    "CronJob",
    "Job",
    "StatefulSet",
    "HorizontalPodAutoscaler",
    "Deployment",
    "ReplicaSet",
    "ReplicationController",
    "Pod",
    "DaemonSet",
    "RoleBindingList",
    "RoleBinding",
    "RoleList",
    "Role",
    "ClusterRoleBindingList",
    "ClusterRoleBinding",
    "ClusterRoleList",
    "ClusterRole",
    "CustomResourceDefinition",
    "PersistentVolumeClaim",
    "PersistentVolume",
    "StorageClass",
    "ConfigMap",
    "SecretList",
    "Secret",
    "ServiceAccount",
    "PodDisruptionBudget",
    "PodSecurityPolicy",
    "LimitRange",
    "ResourceQuota",
    "NetworkPolicy",
    "Namespace",
    "PriorityClass",
];

/// Compares two kinds as Helm's `lessByKind` does: listed kinds by their place in
/// `order`, before unlisted ones, which compare by name.
pub fn compare_kinds(a: &str, b: &str, order: &[&str]) -> Ordering {
    let rank = |k: &str| order.iter().position(|o| *o == k);
    match (rank(a), rank(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// Sorts `items` by kind in `order`, keeping the relative order of equal kinds.
pub fn sort_by_kind<T>(items: &mut [T], kind: impl Fn(&T) -> &str, order: &[&str]) {
    items.sort_by(|a, b| compare_kinds(kind(a), kind(b), order));
}

/// What [`sort_manifests`] makes of rendered files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sorted {
    /// The hooks, sorted by kind (then file, then place in the file).
    pub hooks: Vec<Hook>,
    /// The other documents, sorted the same way.
    pub manifests: Vec<Manifest>,
    /// Documents left out, one message each: their `helm.sh/hook` names an event
    /// neither Helm 4 nor kelm knows (Helm drops them without a word).
    pub warnings: Vec<String>,
}

/// Helm's `SortManifests`: splits each rendered file (path, text) into documents and
/// sorts them into hooks and manifests, each sorted by kind in `order`.
///
/// Files are taken in path order; partials (a base name starting with `_`) and files
/// of only whitespace are skipped. A document that is not YAML fails the whole sort
/// with Helm's `YAML parse error on FILE: ...`.
pub fn sort_manifests<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    order: &[&str],
) -> Result<Sorted, Error> {
    let mut files: Vec<(&str, &str)> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut sorted = Sorted::default();
    for (path, content) in files {
        if base_name(path).starts_with('_') || content.trim().is_empty() {
            continue;
        }
        for doc in split_manifests(content) {
            let head = parse_head(doc).map_err(|message| Error::Yaml {
                path: path.to_string(),
                message,
            })?;
            let Some(hook_names) = head.annotations().and_then(|a| a.get(HOOK_ANNOTATION)) else {
                sorted.manifests.push(Manifest {
                    name: path.to_string(),
                    content: doc.to_string(),
                    head,
                });
                continue;
            };
            match hook(path, doc, &head, hook_names) {
                Ok(h) => sorted.hooks.push(h),
                Err(unknown) => sorted.warnings.push(format!(
                    "skipping {} {:?} in {path}: unknown hook {unknown:?} in its {HOOK_ANNOTATION} annotation {hook_names:?} (Helm leaves such documents out)",
                    if head.kind.is_empty() { "document" } else { &head.kind },
                    head.name(),
                )),
            }
        }
    }
    sort_by_kind(&mut sorted.hooks, |h| &h.kind, order);
    sort_by_kind(&mut sorted.manifests, |m| &m.head.kind, order);
    Ok(sorted)
}

/// Go's `path.Base`.
fn base_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return if path.is_empty() { "." } else { "/" };
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// The hook a document annotated with `helm.sh/hook: NAMES` is, or the first name
/// that is no known event.
fn hook(path: &str, doc: &str, head: &Head, names: &str) -> Result<Hook, String> {
    let mut events = Vec::new();
    for name in names.split(',') {
        let name = go_to_lower(name.trim());
        match HookEvent::from_annotation(&name) {
            Some(e) => events.push(e),
            None => return Err(name),
        }
    }
    let annotations = head.annotations();
    let list = |key: &str| -> Vec<String> {
        annotations
            .and_then(|a| a.get(key))
            .map(|v| v.split(',').map(|p| go_to_lower(p.trim())).collect())
            .unwrap_or_default()
    };
    Ok(Hook {
        name: head.name().to_string(),
        kind: head.kind.clone(),
        path: path.to_string(),
        manifest: doc.to_string(),
        events,
        last_run: Default::default(),
        // Go's strconv.Atoi accepts exactly what i64's parser does: an optional sign
        // and decimal digits within range.
        weight: annotations
            .and_then(|a| a.get(HOOK_WEIGHT_ANNOTATION))
            .and_then(|w| w.parse().ok())
            .unwrap_or(0),
        delete_policies: list(HOOK_DELETE_ANNOTATION)
            .iter()
            .map(|p| HookDeletePolicy::from_annotation(p))
            .collect(),
        output_log_policies: list(HOOK_OUTPUT_LOG_ANNOTATION)
            .iter()
            .map(|p| HookOutputLogPolicy::from_annotation(p))
            .collect(),
    })
}

/// Go's `strings.ToLower`: each character's simple lower case (Rust's `to_lowercase`
/// on a string uses full mappings and a final sigma, which Go does not).
fn go_to_lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                // Only U+0130 lowers to two characters; Go's table maps it to `i`.
                _ if c == '\u{130}' => 'i',
                _ => c,
            }
        })
        .collect()
}

/// The hooks that run on `event`, in the order Helm runs them: by weight, then name,
/// keeping the stored order (by kind) among equals. A hook that lists the event twice
/// runs twice, as in Helm.
pub fn hooks_for_event(hooks: &[Hook], event: HookEvent) -> Vec<&Hook> {
    let mut run: Vec<&Hook> = hooks
        .iter()
        .flat_map(|h| {
            h.events
                .iter()
                .filter(move |e| **e == event)
                .map(move |_| h)
        })
        .collect();
    run.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.name.cmp(&b.name)));
    run
}
