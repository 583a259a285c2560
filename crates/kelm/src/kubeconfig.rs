//! The one thing kelm reads from kubeconfig files so far: the namespace of the current
//! context, which Helm uses as the release namespace when `--namespace` (and
//! `$HELM_NAMESPACE`) is not given (client-go's `clientcmd` rules: `$KUBECONFIG`'s
//! files, else `~/.kube/config`; the first file to set `current-context` or define a
//! context wins).

use std::path::PathBuf;

use kelm_yaml::Value;

/// The kubeconfig files client-go would read, in precedence order.
fn files() -> Vec<PathBuf> {
    match std::env::var_os("KUBECONFIG") {
        Some(list) if !list.is_empty() => std::env::split_paths(&list)
            .filter(|p| !p.as_os_str().is_empty())
            .collect(),
        _ => std::env::var_os("HOME")
            .map(|home| vec![PathBuf::from(home).join(".kube").join("config")])
            .unwrap_or_default(),
    }
}

/// The namespace of the current context, if the kubeconfig names one. Unreadable or
/// malformed files count as absent, as Helm then falls back to its defaults.
pub fn context_namespace(context_override: Option<&str>) -> Option<String> {
    let configs: Vec<Value> = files()
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|data| kelm_yaml::from_yaml_bytes(&data).ok())
        .collect();
    let current = match context_override.filter(|c| !c.is_empty()) {
        Some(c) => c.to_string(),
        None => configs.iter().find_map(|c| {
            field(c, "current-context")
                .and_then(as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })?,
    };
    let context = configs.iter().find_map(|c| {
        let Some(Value::Seq(contexts)) = field(c, "contexts") else {
            return None;
        };
        contexts
            .iter()
            .find(|ctx| field(ctx, "name").and_then(as_str) == Some(current.as_str()))
    })?;
    field(context, "context")
        .and_then(|c| field(c, "namespace"))
        .and_then(as_str)
        .filter(|ns| !ns.is_empty())
        .map(str::to_string)
}

fn field<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    match v {
        Value::Map(m) => m.get(key),
        _ => None,
    }
}

fn as_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}
