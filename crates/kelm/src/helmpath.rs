//! Where Helm keeps its files, found as Helm finds them, so that kelm shares them.
//!
//! kelm is a drop-in replacement: it reads and writes Helm's own directories and obeys
//! Helm's environment variables. Each kind of directory is `$HELM_<KIND>_HOME` when set,
//! else `$XDG_<KIND>_HOME/helm`, else the platform's default followed by `helm`.

use crate::gopath;

/// A path under Helm's data directory (`$HELM_DATA_HOME`), where starters and plugins live.
pub fn data_path(elems: &[&str]) -> String {
    lazy_path("HELM_DATA_HOME", "XDG_DATA_HOME", default_data_home, elems)
}

fn lazy_path(helm_var: &str, xdg_var: &str, default: fn() -> String, elems: &[&str]) -> String {
    let tail = gopath::join(elems);
    if let Some(base) = non_empty_env(helm_var) {
        return gopath::join(&[&base, &tail]);
    }
    let base = non_empty_env(xdg_var).unwrap_or_else(default);
    gopath::join(&[&base, "helm", &tail])
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The user's home directory as Kubernetes' client libraries (and so Helm) find it.
fn home_dir() -> String {
    std::env::var("HOME").unwrap_or_default()
}

#[cfg(target_os = "macos")]
fn default_data_home() -> String {
    gopath::join(&[&home_dir(), "Library"])
}

#[cfg(not(target_os = "macos"))]
fn default_data_home() -> String {
    gopath::join(&[&home_dir(), ".local", "share"])
}
