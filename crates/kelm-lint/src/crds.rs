//! The `crds/` rules (Helm's `rules/crds.go`): when the folder exists it is a folder,
//! the chart loads, and every document of every CRD file (subcharts' included) is a
//! `CustomResourceDefinition` of `apiextensions.k8s.io`.

use crate::{Linter, Severity, k8syaml};

const DIR: &str = "crds/";

/// Runs the CRD rules.
pub fn lint(linter: &mut Linter) {
    let path = linter.chart_dir.join("crds");
    let meta = match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => Err(format!(
            "stat {}: {}",
            path.display(),
            crate::go_io_error(&e)
        )),
        Ok(m) if !m.is_dir() => Err("not a directory".to_string()),
        Ok(_) => Ok(()),
    };
    if !linter.rule(Severity::Error, DIR, meta) {
        return;
    }
    let chart = match kelm_chart::load(&linter.chart_dir) {
        Ok(c) => c,
        Err(e) => {
            linter.rule(Severity::Error, DIR, Err(e.message().to_string()));
            return;
        }
    };
    for crd in chart.crd_objects() {
        let name = crd.file.name.as_str();
        let text = String::from_utf8_lossy(&crd.file.data);
        let (docs, bad_separator) = k8syaml::documents(&text);
        for doc in docs {
            let obj = match k8syaml::decode(doc) {
                Ok(o) => o,
                Err(e) => {
                    linter.rule(
                        Severity::Error,
                        name,
                        Err(format!("unable to parse YAML: {e}")),
                    );
                    return;
                }
            };
            let Some(obj) = obj else { continue };
            linter.rule(
                Severity::Error,
                name,
                if obj.api_version.starts_with("apiextensions.k8s.io") {
                    Ok(())
                } else {
                    Err("apiVersion is not in 'apiextensions.k8s.io'".into())
                },
            );
            linter.rule(
                Severity::Error,
                name,
                if obj.kind == "CustomResourceDefinition" {
                    Ok(())
                } else {
                    Err("object kind is not 'CustomResourceDefinition'".into())
                },
            );
        }
        if let Some(e) = bad_separator {
            linter.rule(
                Severity::Error,
                name,
                Err(format!("unable to parse YAML: {e}")),
            );
            return;
        }
    }
}
