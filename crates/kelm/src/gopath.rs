//! Go's `path/filepath` and `os` file operations, for the places where Helm's output or
//! errors show a path.
//!
//! Helm splits and joins the paths users give with Go's lexical rules (`filepath.Base`
//! of `./y/` is `y`, `Dir` of it is `y` too), makes them absolute with `os.Getwd`, which
//! prefers `$PWD`, and reports failures as `*os.PathError` (`stat /x: no such file or
//! directory`). kelm follows those rules so that the same command line touches the
//! same files and says the same thing. Unix paths only (`/` separators).

use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

pub use kelm_gotmpl::strconv::path::clean;

/// Go's `filepath.Join`: the non-empty elements joined by `/`, cleaned.
pub fn join(elems: &[&str]) -> String {
    let parts: Vec<&str> = elems.iter().copied().filter(|e| !e.is_empty()).collect();
    if parts.is_empty() {
        return String::new();
    }
    clean(&parts.join("/"))
}

/// Go's `filepath.Base`: the last element, trailing slashes ignored; `.` for an empty
/// path and `/` for the root.
pub fn base(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_string();
    }
    match trimmed.rfind('/') {
        Some(i) => trimmed[i + 1..].to_string(),
        None => trimmed.to_string(),
    }
}

/// Go's `filepath.Dir`: everything before the last `/`, cleaned (`.` when there is none).
pub fn dir(path: &str) -> String {
    let head = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    };
    clean(head)
}

/// Go's `filepath.IsAbs`.
pub fn is_abs(path: &str) -> bool {
    path.starts_with('/')
}

/// Go's `filepath.Abs`: `path` joined to the working directory as `os.Getwd` gives it.
pub fn abs(path: &str) -> Result<String, PathError> {
    if is_abs(path) {
        return Ok(clean(path));
    }
    Ok(join(&[&getwd()?, path]))
}

/// Go's `os.Getwd`: `$PWD` when it names the current directory (so a path through a
/// symbolic link is kept as the user's shell shows it), the resolved directory otherwise.
fn getwd() -> Result<String, PathError> {
    if let Ok(pwd) = std::env::var("PWD")
        && pwd.starts_with('/')
        && same_file(Path::new(&pwd), Path::new("."))
    {
        return Ok(pwd);
    }
    let dir = std::env::current_dir().map_err(|e| PathError::new("getwd", ".", &e))?;
    Ok(dir.to_string_lossy().into_owned())
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// A failed file operation, printed as Go's `*os.PathError`: `op path: reason`.
#[derive(Debug)]
pub struct PathError {
    op: &'static str,
    path: String,
    reason: String,
}

impl PathError {
    /// The error of `op` (Go's operation name: `stat`, `open`, `mkdir`) on `path`.
    pub fn new(op: &'static str, path: &str, err: &io::Error) -> Self {
        PathError {
            op,
            path: path.to_string(),
            reason: errno_text(err),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.op, self.path, self.reason)
    }
}

impl std::error::Error for PathError {}

/// The reason Go gives for an OS error: the C library's text with a lower-case first
/// letter (`no such file or directory`), without Rust's ` (os error N)`.
fn errno_text(err: &io::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" (os error ") {
        Some(i) if err.raw_os_error().is_some() => &text[..i],
        _ => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Go's `os.Stat`.
pub fn stat(path: &str) -> Result<fs::Metadata, PathError> {
    fs::metadata(path).map_err(|e| PathError::new("stat", path, &e))
}

/// Go's `os.MkdirAll(path, 0755)`: creates `path` and its missing parents, failing with
/// `mkdir <path>: not a directory` where a file stands in the way.
pub fn mkdir_all(path: &str) -> Result<(), PathError> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => {
            let err = io::Error::from_raw_os_error(ENOTDIR);
            return Err(PathError::new("mkdir", path, &err));
        }
        Err(_) => {}
    }
    let trimmed = path.trim_end_matches('/');
    if let Some(i) = trimmed.rfind('/')
        && i > 0
    {
        mkdir_all(&trimmed[..i])?;
    }
    match make_dir(path) {
        Ok(()) => Ok(()),
        // Somebody else made it meanwhile, or it is `.`/`..`: fine if it is a directory.
        Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) => Ok(()),
        Err(e) => Err(PathError::new("mkdir", path, &e)),
    }
}

/// Linux's `ENOTDIR`, the error Go's `MkdirAll` reports for a file in the way.
const ENOTDIR: i32 = 20;

#[cfg(unix)]
fn make_dir(path: &str) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().mode(0o755).create(path)
}

#[cfg(not(unix))]
fn make_dir(path: &str) -> io::Result<()> {
    fs::create_dir(path)
}

/// Go's `os.WriteFile(path, data, 0644)`: truncates an existing file (keeping its mode).
pub fn write_file(path: &str, data: &[u8]) -> Result<(), PathError> {
    use std::io::Write;
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o644);
    let mut file = options
        .open(path)
        .map_err(|e| PathError::new("open", path, &e))?;
    file.write_all(data)
        .map_err(|e| PathError::new("write", path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expectations from Go's path/filepath documentation and tests.

    #[test]
    fn clean_paths() {
        for (input, want) in [
            ("", "."),
            (".", "."),
            ("./", "."),
            ("a/b/../c", "a/c"),
            ("/../a", "/a"),
            ("../../a/", "../../a"),
            ("a/../..", ".."),
            ("//a//b/", "/a/b"),
            ("/", "/"),
        ] {
            assert_eq!(clean(input), want, "clean({input:?})");
        }
    }

    #[test]
    fn base_and_dir() {
        for (input, want_base, want_dir) in [
            ("", ".", "."),
            ("x", "x", "."),
            ("./y/", "y", "y"),
            ("a/b/c", "c", "a/b"),
            ("/", "/", "/"),
            ("/a", "a", "/"),
            ("a//", "a", "a"),
        ] {
            assert_eq!(base(input), want_base, "base({input:?})");
            assert_eq!(dir(input), want_dir, "dir({input:?})");
        }
    }

    #[test]
    fn joins() {
        assert_eq!(join(&["/tmp", "."]), "/tmp");
        assert_eq!(join(&["/tmp/", "x", "../y"]), "/tmp/y");
        assert_eq!(join(&["", "a"]), "a");
        assert_eq!(join(&["", ""]), "");
    }

    #[test]
    fn errors_read_as_go_prints_them() {
        let err = io::Error::from_raw_os_error(2);
        assert_eq!(
            PathError::new("stat", "/x/y", &err).to_string(),
            "stat /x/y: no such file or directory"
        );
        let err = io::Error::from_raw_os_error(ENOTDIR);
        assert_eq!(
            PathError::new("mkdir", "f/y", &err).to_string(),
            "mkdir f/y: not a directory"
        );
    }
}
