//! What `helm template` prints (`pkg/cmd/template.go`), the manifest a release
//! records (`renderResources` in `pkg/action/action.go`), and NOTES.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::glob_match;
use super::hook::Hook;
use super::sort::{INSTALL_ORDER, sort_manifests};
use super::split::split_manifests;
use super::{Error, Manifest};

/// What Helm's engine names NOTES files by (any rendered file ending so is notes).
pub const NOTES_SUFFIX: &str = "NOTES.txt";

/// A file of a chart's `crds/` directory, printed as it is (never rendered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrdFile {
    /// The path printed in `# Source:` and used under `--output-dir`: the chart's full
    /// path and the file's (`parent/charts/sub/crds/a.yaml`). Helm lists the chart's
    /// own `crds/*.{yaml,yml,json}` in file order, then its subcharts', depth first.
    pub filename: String,
    /// The file's content.
    pub content: String,
}

/// Takes the notes out of rendered files, as Helm does before sorting: every file
/// whose path ends with `NOTES.txt` is removed, and the text of
/// `CHART/templates/NOTES.txt` returned (with `subchart_notes`, every such file's,
/// joined by newlines; Helm joins them in Go's random map order, kelm in path order).
pub fn extract_notes(
    files: &mut BTreeMap<String, String>,
    chart_name: &str,
    subchart_notes: bool,
) -> String {
    let root = format!("{chart_name}/templates/{NOTES_SUFFIX}");
    let names: Vec<String> = files
        .keys()
        .filter(|k| k.ends_with(NOTES_SUFFIX))
        .cloned()
        .collect();
    let mut notes = String::new();
    for name in names {
        let text = files.remove(&name).unwrap_or_default();
        if subchart_notes || name == root {
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(&text);
        }
    }
    notes
}

/// The manifest text a release stores (`Release.Manifest`): with `include_crds` each
/// CRD file as `---\n# Source: FILE\nCONTENT\n`, then each manifest (already sorted)
/// as `---\n# Source: TEMPLATE\nDOCUMENT\n`. With `hide_secret` (Helm's
/// `--hide-secret` of dry runs) a `v1` `Secret` is replaced by a line saying so.
pub fn release_manifest(
    crds: &[CrdFile],
    manifests: &[Manifest],
    include_crds: bool,
    hide_secret: bool,
) -> String {
    // The text can be megabytes (CRDs): sized once, filled without temporaries.
    const BLOCK_OVERHEAD: usize = "---\n# Source: \n\n".len();
    let crds = if include_crds { crds } else { &[] };
    let size = crds
        .iter()
        .map(|c| c.filename.len() + c.content.len() + BLOCK_OVERHEAD)
        .chain(
            manifests
                .iter()
                .map(|m| m.name.len() + m.content.len() + BLOCK_OVERHEAD),
        )
        .sum();
    let mut out = String::with_capacity(size);
    for crd in crds {
        push_source_block(&mut out, &crd.filename, &crd.content);
    }
    for m in manifests {
        if hide_secret && m.head.kind == "Secret" && m.head.api_version == "v1" {
            out.push_str("---\n# Source: ");
            out.push_str(&m.name);
            out.push_str("\n# HIDDEN: The Secret output has been suppressed\n");
        } else {
            push_source_block(&mut out, &m.name, &m.content);
        }
    }
    out
}

/// Appends `---\n# Source: NAME\nCONTENT\n`.
fn push_source_block(out: &mut String, name: &str, content: &str) {
    out.push_str("---\n# Source: ");
    out.push_str(name);
    out.push('\n');
    out.push_str(content);
    out.push('\n');
}

fn source_block(name: &str, content: &str) -> String {
    let mut out = String::new();
    push_source_block(&mut out, name, content);
    out
}

/// `helm template`'s options that change what is printed.
///
/// `--skip-crds` is not here: under `helm template` (a client-side dry run) it changes
/// nothing, CRDs being printed only with `--include-crds`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateOptions {
    /// `--include-crds`: print the `crds/` files first.
    pub include_crds: bool,
    /// `--skip-tests`: leave out test hooks.
    pub skip_tests: bool,
    /// `--no-hooks`: leave out every hook.
    pub no_hooks: bool,
    /// `--show-only` (`-s`), repeatable: print only documents whose template path
    /// (after the chart name) matches one of these `filepath.Match` patterns, in
    /// pattern order.
    pub show_only: Vec<String>,
    /// `--output-dir`: write files there instead of printing documents.
    pub output_dir: Option<String>,
    /// `--release-name`: put files under `OUTPUT_DIR/RELEASE_NAME` (CRDs excepted, as
    /// in Helm).
    pub use_release_name: bool,
    /// The release name (`release-name` unless given).
    pub release_name: String,
}

/// Produces what `helm template` prints on standard output for rendered `files`
/// (template path to text; partials and NOTES files may be included, they are left
/// out as Helm leaves them out) and the chart's `crds`, appending it to `out`.
///
/// With an output directory the files are written as Helm writes them and `out` gets
/// its `wrote FILE` lines. On an error `out` holds what Helm had printed before it
/// failed. The result lists documents left out for naming unknown hook events.
pub fn template_output(
    files: &BTreeMap<String, String>,
    crds: &[CrdFile],
    options: &TemplateOptions,
    out: &mut String,
) -> Result<Vec<String>, Error> {
    let sorted = sort_manifests(
        files
            .iter()
            .filter(|(k, _)| !k.ends_with(NOTES_SUFFIX))
            .map(|(k, v)| (k.as_str(), v.as_str())),
        INSTALL_ORDER,
    )?;
    let manifest = match &options.output_dir {
        None => release_manifest(crds, &sorted.manifests, options.include_crds, false),
        Some(dir) => {
            write_release_files(dir, crds, &sorted.manifests, options, out)?;
            String::new()
        }
    };
    let mut all = trimmed_line(manifest);
    if !options.no_hooks {
        write_hooks(&sorted.hooks, options, &mut all, out)?;
    }
    if options.show_only.is_empty() {
        if out.is_empty() {
            // The whole output can be megabytes: moved, not copied.
            *out = all;
        } else {
            out.push_str(&all);
        }
    } else {
        out.push_str(&show_only(&all, &options.show_only)?);
    }
    Ok(sorted.warnings)
}

/// `text` without its leading and trailing white space, then a newline; done in place,
/// the text being the whole release manifest.
fn trimmed_line(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text.push('\n');
    text
}

/// The hooks `helm template` adds after the manifest: to `all` (the text printed), or
/// written under the output directory.
fn write_hooks(
    hooks: &[Hook],
    options: &TemplateOptions,
    all: &mut String,
    out: &mut String,
) -> Result<(), Error> {
    for h in hooks {
        if options.skip_tests && h.is_test() {
            continue;
        }
        match &options.output_dir {
            None => push_source_block(all, &h.path, &h.manifest),
            Some(dir) => {
                let dir = release_dir(dir, options);
                // Helm appends to a hook's file whenever it exists, even from an
                // earlier run.
                let exists = Path::new(&dir).join(&h.path).exists();
                write_file(&dir, &h.path, &h.manifest, exists, out)?;
            }
        }
    }
    Ok(())
}

/// `--output-dir` for the release: CRDs under the directory itself, manifests under
/// it or its release-name subdirectory; a second document of a file is appended.
fn write_release_files(
    dir: &str,
    crds: &[CrdFile],
    manifests: &[Manifest],
    options: &TemplateOptions,
    out: &mut String,
) -> Result<(), Error> {
    let mut written = HashSet::new();
    if options.include_crds {
        for crd in crds {
            let append = !written.insert(crd.filename.as_str());
            write_file(dir, &crd.filename, &crd.content, append, out)?;
        }
    }
    let manifest_dir = release_dir(dir, options);
    for m in manifests {
        let append = !written.insert(m.name.as_str());
        write_file(&manifest_dir, &m.name, &m.content, append, out)?;
    }
    Ok(())
}

/// The directory manifests and hooks go to (Go's `filepath.Join` cleans it).
fn release_dir(dir: &str, options: &TemplateOptions) -> String {
    if options.use_release_name {
        go_clean(&format!("{dir}/{}", options.release_name))
    } else {
        dir.to_string()
    }
}

/// Helm's `writeToFile`: `DIR/NAME` gets `---\n# Source: NAME\nDATA\n` (appended or in
/// a new file), its directory is created, and `wrote DIR/NAME` is printed.
fn write_file(
    dir: &str,
    name: &str,
    data: &str,
    append: bool,
    out: &mut String,
) -> Result<(), Error> {
    let file = format!("{dir}/{name}");
    let parent = go_dir(&file);
    match fs::metadata(&parent) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_error("stat", &parent, &e)),
        _ => {}
    }
    fs::create_dir_all(&parent).map_err(|e| io_error("mkdir", &parent, &e))?;
    let opened = if append {
        fs::OpenOptions::new().append(true).open(&file)
    } else {
        fs::File::create(&file)
    };
    let mut f = opened.map_err(|e| io_error("open", &file, &e))?;
    f.write_all(source_block(name, data).as_bytes())
        .map_err(|e| io_error("write", &file, &e))?;
    out.push_str(&format!("wrote {file}\n"));
    Ok(())
}

/// A Go `*PathError` text: `OP PATH: reason`, the reason in Go's lower-case wording.
fn io_error(op: &str, path: &str, e: &io::Error) -> Error {
    let text = e.to_string();
    let reason = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = reason.chars();
    let reason: String = match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    Error::Io(format!("{op} {path}: {reason}"))
}

/// `--show-only`: the documents of `all` whose `# Source:` path after its first `/`
/// matches a pattern, pattern by pattern, each as `---\nDOCUMENT\n`.
fn show_only(all: &str, patterns: &[String]) -> Result<String, Error> {
    let docs = split_manifests(all);
    let mut shown = String::new();
    for pattern in patterns {
        let mut found = false;
        for doc in &docs {
            let Some(path) = source_path(doc) else {
                continue;
            };
            if glob_match(pattern, path) {
                shown.push_str(&format!("---\n{doc}\n"));
                found = true;
            }
        }
        if !found {
            return Err(Error::TemplateNotFound(pattern.clone()));
        }
    }
    Ok(shown)
}

/// The first match of Go's `# Source: [^/]+/(.+)` in a document: the text after the
/// first `/` that follows `# Source: ` (at least one character before it, which may
/// span lines), to the end of that line.
pub(super) fn source_path(doc: &str) -> Option<&str> {
    const MARK: &str = "# Source: ";
    let mut from = 0;
    while let Some(i) = doc[from..].find(MARK) {
        let start = from + i + MARK.len();
        let rest = &doc[start..];
        if let Some(slash) = rest.find('/')
            && slash > 0
        {
            let tail = &rest[slash + 1..];
            let line = tail.split('\n').next().unwrap_or("");
            if !line.is_empty() {
                return Some(line);
            }
        }
        from = from + i + 1;
    }
    None
}

/// Go's `filepath.Dir`: everything before the last `/`, cleaned.
fn go_dir(path: &str) -> String {
    match path.rfind('/') {
        Some(i) => go_clean(&path[..=i]),
        None => ".".to_string(),
    }
}

pub(super) use kelm_gotmpl::strconv::path::clean as go_clean;
