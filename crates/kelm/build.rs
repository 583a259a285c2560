//! Records the git commit and tree state kelm is built from, for `kelm version`.
//!
//! Helm stamps these in with `-ldflags` from its Makefile; kelm asks git here so that a
//! plain `cargo build` gets them too. Without git (a source tarball, a crates.io
//! download) both are empty, which is what Helm prints when built without its Makefile.
//! Packagers can set `KELM_GIT_COMMIT` and `KELM_GIT_TREE_STATE` instead.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-env-changed=KELM_GIT_COMMIT");
    println!("cargo::rerun-if-env-changed=KELM_GIT_TREE_STATE");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));

    let (commit, tree_state) = match (
        std::env::var("KELM_GIT_COMMIT"),
        std::env::var("KELM_GIT_TREE_STATE"),
    ) {
        (Ok(commit), Ok(state)) => (commit, state),
        _ => from_git(&manifest_dir).unwrap_or_default(),
    };
    // `kelm version --short` and the YAML printer rely on these shapes.
    assert!(
        commit.is_empty() || (commit.len() >= 7 && commit.bytes().all(|b| b.is_ascii_hexdigit())),
        "KELM_GIT_COMMIT must be a hexadecimal commit id, got {commit:?}"
    );
    assert!(
        matches!(tree_state.as_str(), "" | "clean" | "dirty"),
        "KELM_GIT_TREE_STATE must be clean or dirty, got {tree_state:?}"
    );
    println!("cargo::rustc-env=KELM_GIT_COMMIT={commit}");
    println!("cargo::rustc-env=KELM_GIT_TREE_STATE={tree_state}");
}

/// The commit and tree state of the repository this crate is tracked in, if any.
fn from_git(dir: &Path) -> Option<(String, String)> {
    // Only trust a repository that tracks this very file: a crate unpacked somewhere
    // inside an unrelated repository (a home directory under git) must not take its id.
    git(dir, &["ls-files", "--error-unmatch", "Cargo.toml"])?;
    let commit = git(dir, &["rev-parse", "HEAD"])?;
    // Helm's Makefile calls the tree dirty when `git status --porcelain` prints anything,
    // untracked files included.
    let status = git(dir, &["status", "--porcelain"])?;
    let state = if status.is_empty() { "clean" } else { "dirty" };
    watch_git_state(dir);
    Some((commit, state.to_string()))
}

/// Asks cargo to run this script again when the commit or the tree state may change.
fn watch_git_state(dir: &Path) {
    // HEAD moves on checkout, the branch ref on commit, the index on `git add`. Edits
    // that touch none of them are caught for the workspace's crates (the code that ends
    // up in the binary) by watching that directory; watching the whole checkout would
    // rerun this on every build when the target directory sits inside it.
    let mut paths = vec![
        "HEAD".to_string(),
        "index".to_string(),
        "packed-refs".to_string(),
    ];
    if let Some(head_ref) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        paths.push(head_ref);
    }
    for p in paths {
        if let Some(path) = git(
            dir,
            &["rev-parse", "--path-format=absolute", "--git-path", &p],
        ) {
            // A path that does not exist would make cargo rerun this on every build.
            if Path::new(&path).exists() {
                println!("cargo::rerun-if-changed={path}");
            }
        }
    }
    if let Some(crates_dir) = dir.parent() {
        println!("cargo::rerun-if-changed={}", crates_dir.display());
    }
    for top in ["Cargo.toml", "Cargo.lock"] {
        if let Some(root) = dir.parent().and_then(Path::parent) {
            let path = root.join(top);
            if path.exists() {
                println!("cargo::rerun-if-changed={}", path.display());
            }
        }
    }
}

/// Runs git in `dir` and returns its trimmed standard output, or `None` if it failed.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8(out.stdout).ok()?.trim().to_string())
}
