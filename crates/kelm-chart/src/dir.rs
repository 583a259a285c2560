//! Reading a chart directory (Helm's `LoadDir` with `internal/sympath`): files in
//! lexical order, symbolic links followed (a link is loaded under its own name with
//! the content it points to), `.helmignore` plus Helm's default rule applied, anything
//! but regular files refused, and no file over 5 MiB.

use std::io;
use std::path::{Path, PathBuf};

use crate::Error;
use crate::archive::{BufferedFile, MAX_FILE_SIZE, strip_bom};
use crate::ignore::{HELM_IGNORE, Rules};
use crate::model::LogRecord;

/// How deep symbolic links to directories may nest before kelm gives up (Go recurses
/// until the path is too long for the system).
const MAX_DEPTH: usize = 256;

/// Go's text for an OS error (`no such file or directory`), without Rust's
/// `(os error N)`.
pub(crate) fn go_errno(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(2) => "no such file or directory".into(),
        Some(13) => "permission denied".into(),
        Some(20) => "not a directory".into(),
        Some(21) => "is a directory".into(),
        Some(36) => "file name too long".into(),
        Some(40) => "too many levels of symbolic links".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => {
                    let mut m = s[..i].to_string();
                    if let Some(c) = m.get(..1) {
                        m.replace_range(..1, &c.to_lowercase());
                    }
                    m
                }
                None => s,
            }
        }
    }
}

/// Go's `*PathError` text: `<op> <path>: <errno text>`.
pub(crate) fn go_path_error(op: &str, path: &Path, e: &io::Error) -> Error {
    Error::new(format!("{op} {}: {}", path.display(), go_errno(e)))
}

struct Walk {
    rules: Rules,
    top: String,
    files: Vec<BufferedFile>,
    log: Vec<LogRecord>,
}

/// The files of the chart directory `dir`, as Helm's directory loader reads them.
pub fn read_dir_files(dir: &Path) -> Result<Vec<BufferedFile>, Error> {
    Ok(read_dir_files_logged(dir)?.0)
}

/// [`read_dir_files`], with what Helm logs on the way (each symbolic link followed).
pub(crate) fn read_dir_files_logged(
    dir: &Path,
) -> Result<(Vec<BufferedFile>, Vec<LogRecord>), Error> {
    let top = std::path::absolute(dir).map_err(|e| go_path_error("stat", dir, &e))?;
    let mut rules = Rules::empty();
    let ignore_file = top.join(HELM_IGNORE);
    if std::fs::metadata(&ignore_file).is_ok() {
        let data =
            std::fs::read(&ignore_file).map_err(|e| go_path_error("open", &ignore_file, &e))?;
        rules = Rules::parse(&data)?;
    }
    rules.add_defaults();
    let mut top_s = top.display().to_string();
    if !top_s.ends_with('/') {
        top_s.push('/');
    }
    let mut walk = Walk {
        rules,
        top: top_s.clone(),
        files: Vec::new(),
        log: Vec::new(),
    };
    let root = PathBuf::from(&top_s);
    let info = std::fs::symlink_metadata(&root).map_err(|e| go_path_error("lstat", &root, &e))?;
    walk.visit(&root, info, 0)?;
    Ok((walk.files, walk.log))
}

/// What a visit tells its caller (Go's `filepath.SkipDir`).
enum Step {
    Continue,
    SkipDir,
}

impl Walk {
    fn visit(&mut self, path: &Path, info: std::fs::Metadata, depth: usize) -> Result<Step, Error> {
        if depth > MAX_DEPTH {
            return Err(Error::new(format!(
                "lstat {}: file name too long",
                path.display()
            )));
        }
        if info.file_type().is_symlink() {
            let resolved = std::fs::canonicalize(path).map_err(|e| {
                Error::new(format!(
                    "error evaluating symlink {}: {}",
                    path.display(),
                    eval_symlink_error(path, &e)
                ))
            })?;
            self.log.push(LogRecord {
                message: "found symbolic link in path. Contents of linked file included and used"
                    .into(),
                attrs: vec![
                    ("path".into(), path.display().to_string()),
                    ("resolved".into(), resolved.display().to_string()),
                ],
            });
            let info = std::fs::symlink_metadata(&resolved)
                .map_err(|e| go_path_error("lstat", &resolved, &e))?;
            let name = resolved
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return match self.visit_resolved(path, &info, &name, depth) {
                Ok(_) => Ok(Step::Continue),
                Err(e) => Err(e),
            };
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.visit_resolved(path, &info, &name, depth)
    }

    /// One path with the information of what it resolves to (`name` is that file's
    /// base name, which Helm's size error quotes).
    fn visit_resolved(
        &mut self,
        path: &Path,
        info: &std::fs::Metadata,
        name: &str,
        depth: usize,
    ) -> Result<Step, Error> {
        let full = path.display().to_string();
        let rel = full.strip_prefix(&self.top).unwrap_or("");
        if !rel.is_empty() {
            if info.is_dir() {
                if self.rules.ignore(rel, true) {
                    return Ok(Step::SkipDir);
                }
            } else {
                self.read_file(path, rel.to_string(), info, name)?;
                return Ok(Step::Continue);
            }
        } else if !info.is_dir() {
            return Ok(Step::Continue);
        }
        let mut names: Vec<String> = std::fs::read_dir(path)
            .map_err(|e| go_path_error("open", path, &e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for child in names {
            let child_path = path.join(&child);
            let child_info = std::fs::symlink_metadata(&child_path)
                .map_err(|e| go_path_error("lstat", &child_path, &e))?;
            self.visit(&child_path, child_info, depth + 1)?;
        }
        Ok(Step::Continue)
    }

    fn read_file(
        &mut self,
        path: &Path,
        rel: String,
        info: &std::fs::Metadata,
        name: &str,
    ) -> Result<(), Error> {
        if self.rules.ignore(&rel, false) {
            return Ok(());
        }
        if !info.is_file() {
            return Err(Error::new(format!(
                "cannot load irregular file {} as it has file mode type bits set",
                path.display()
            )));
        }
        if info.len() > MAX_FILE_SIZE {
            return Err(Error::new(format!(
                "chart file {} is larger than the maximum file size {MAX_FILE_SIZE}",
                kelm_strconv::quote(name)
            )));
        }
        let data = std::fs::read(path).map_err(|e| {
            Error::new(format!(
                "error reading {rel}: {}",
                go_path_error("open", path, &e)
            ))
        })?;
        self.files.push(BufferedFile {
            name: rel,
            data: strip_bom(data),
        });
        Ok(())
    }
}

/// `filepath.EvalSymlinks`' error: Go names the first missing link target it met.
fn eval_symlink_error(path: &Path, e: &io::Error) -> String {
    let target = std::fs::read_link(path)
        .map(|t| match path.parent() {
            Some(p) if t.is_relative() => p.join(t),
            _ => t,
        })
        .unwrap_or_else(|_| path.to_path_buf());
    format!("lstat {}: {}", target.display(), go_errno(e))
}
