//! Loads arbitrary bytes as a chart, three ways: as a `.tgz` archive as given; as
//! the files of a small chart (the input read as `path=content` entries separated by
//! NUL bytes) packed into a real archive, so the loader's classification, YAML
//! decoding, validation and subcharts get exercised past the gzip layer; and as the
//! same files written into a directory (with `.helmignore` and symlinks when an entry
//! asks for one). Loading must return a chart or an error, never panic.
#![no_main]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The entries an input describes: `(path, content)`, paths reduced to safe relative
/// ones (at most 4 levels, no `..`), at most 32 entries.
fn entries(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    data.split(|&b| b == 0)
        .take(32)
        .filter_map(|entry| {
            let eq = entry.iter().position(|&b| b == b'=')?;
            let path: String = String::from_utf8_lossy(&entry[..eq])
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
                .collect();
            let parts: Vec<&str> = path
                .split('/')
                .filter(|p| !p.is_empty() && *p != "." && *p != "..")
                .take(4)
                .collect();
            if parts.is_empty() {
                return None;
            }
            Some((parts.join("/"), entry[eq + 1..].to_vec()))
        })
        .collect()
}

fn archive(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut builder = tar::Builder::new(gz);
    for (path, content) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(content.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        let _ = builder.append_data(&mut header, format!("chart/{path}"), content.as_slice());
    }
    builder
        .into_inner()
        .and_then(|gz| gz.finish())
        .unwrap_or_default()
}

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| std::env::temp_dir().join(format!("kelm-chart-fuzz-{}", std::process::id())))
}

fn write_tree(root: &Path, files: &[(String, Vec<u8>)]) {
    let _ = std::fs::remove_dir_all(root);
    let _ = std::fs::create_dir_all(root);
    for (path, content) in files {
        let target = root.join(path);
        if let Some(parent) = target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        // An entry whose content starts with "->" is a symbolic link to the rest.
        if let Some(link) = content.strip_prefix(b"->") {
            let link = String::from_utf8_lossy(link).replace("..", "");
            let _ = std::os::unix::fs::symlink(link.trim(), &target);
            continue;
        }
        if let Ok(mut f) = std::fs::File::create(&target) {
            let _ = f.write_all(content);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = kelm_chart::load_archive(data);
    let files = entries(data);
    if files.is_empty() {
        return;
    }
    if let Ok(chart) = kelm_chart::load_archive(&archive(&files)) {
        let _ = chart.crd_objects();
        let _ = chart.metadata.template_map();
        let _ = chart.metadata.to_yaml_value();
    }
    let root = scratch();
    write_tree(root, &files);
    let _ = kelm_chart::load_dir(root);
    let _ = kelm_chart::load(root);
});
