//! Loading the `kelm show` fixtures (`crates/kelm/tests/show/fixtures`): how files are
//! classified, values merged, subcharts found and CRDs named, as Helm's `LoadFiles`
//! and `CRDObjects` do (expectations derived from Helm's source).

use std::path::{Path, PathBuf};

use kelm_yaml::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kelm/tests/show/fixtures")
        .join(name)
}

#[test]
fn classifies_files_and_subcharts() {
    let c = kelm_chart::load(&fixture("full")).unwrap();
    assert_eq!(c.name(), "full");
    assert!(!c.is_library());
    let templates: Vec<&str> = c.templates.iter().map(|f| f.name.as_str()).collect();
    // templates/.hidden is dropped by Helm's default ignore rule.
    assert_eq!(templates, ["templates/cm.yaml"]);
    let files: Vec<&str> = c.files.iter().map(|f| f.name.as_str()).collect();
    assert!(files.contains(&"charts/sub.prov") && files.contains(&"README.md"));
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("templates/") || *f == "values.yaml")
    );
    // `_skipped` and `.hidden` are never loaded; the archive and the directory are.
    let subs: Vec<&str> = c.subcharts.iter().map(|s| s.name()).collect();
    assert_eq!(subs, ["packed", "sub"]);
    // Both documents of values.yaml, merged.
    let Value::Map(values) = &c.values else {
        panic!("values are a map")
    };
    let Some(Value::Map(b)) = values.get("b") else {
        panic!("b is a map")
    };
    assert!(b.contains_key("c") && b.contains_key("d"));
    assert!(c.raw_values.as_ref().unwrap().starts_with(b"# defaults"));
    // Sanitised: the tab became a space, the bell is gone.
    assert_eq!(c.metadata.description, "A chart with every field");
    assert_eq!(c.metadata.dependencies.len(), 2);
}

#[test]
fn crd_objects_in_helms_order() {
    let c = kelm_chart::load(&fixture("full")).unwrap();
    let names: Vec<String> = c.crd_objects().into_iter().map(|o| o.filename).collect();
    assert_eq!(
        names,
        [
            "full/crds/a.yaml",
            "full/crds/b.json",
            "full/crds/nested/c.YML",
            "full/charts/packed/crds/p.yaml",
            "full/charts/sub/crds/sub.yaml",
        ]
    );
}

#[test]
fn archives_and_dispatch() {
    let c = kelm_chart::load(&fixture("archive-ok.tgz")).unwrap();
    assert_eq!(c.name(), "packed");
    let c = kelm_chart::load(&fixture("archive-backslash.tgz")).unwrap();
    assert_eq!(c.name(), "bs");
    assert!(c.raw_values.is_some());
    // Helm's dispatching loader refuses what `helm show` (the v2 loader) accepts.
    let err = kelm_chart::load(&fixture("unsupported-version")).unwrap_err();
    assert_eq!(err.message(), "unsupported chart version");
    assert!(kelm_chart::load_v2(&fixture("unsupported-version")).is_ok());
    let err = kelm_chart::load(&fixture("archive-parent.tgz")).unwrap_err();
    assert_eq!(err.message(), "unable to load chart archive");
    let err = kelm_chart::load(&fixture("broken-empty-dir")).unwrap_err();
    assert!(
        err.message().starts_with("unable to detect chart at /"),
        "{err}"
    );
    assert!(kelm_chart::load(&fixture("library")).unwrap().is_library());
}

#[test]
fn v1_requirements() {
    let c = kelm_chart::load(&fixture("v1-requirements")).unwrap();
    assert_eq!(c.metadata.dependencies.len(), 1);
    let lock = c.lock.as_ref().unwrap();
    assert_eq!(lock.digest, "sha256:abc");
    let files: Vec<&str> = c.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(files, ["requirements.lock", "requirements.yaml"]);
    assert!(c.log.is_empty());
    let c = kelm_chart::load(&fixture("v2-requirements")).unwrap();
    assert_eq!(c.log.len(), 1);
}
