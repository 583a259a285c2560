//! The dependency rules (Helm's `rules/dependencies.go`): the chart loads, every
//! subchart in `charts/` is declared, no two dependencies share a name or alias, and
//! every declared dependency is present (a warning). Findings name the chart's
//! absolute directory.

use crate::{Linter, Severity};

/// Runs the dependency rules.
pub fn lint(linter: &mut Linter) {
    let chart = match kelm_chart::load_dir(&linter.chart_dir) {
        Ok(c) => c,
        Err(e) => {
            linter.rule(
                Severity::Error,
                "",
                Err(format!("unable to load chart\n\t{}", e.message())),
            );
            return;
        }
    };
    let dir = linter.dir_text();
    let declared: Vec<&kelm_chart::Dependency> =
        chart.metadata.dependencies.iter().flatten().collect();

    let undeclared: Vec<&str> = chart
        .subcharts
        .iter()
        .map(|s| s.name())
        .filter(|n| !declared.iter().any(|d| d.name == *n))
        .collect();
    linter.rule(
        Severity::Error,
        &dir,
        if undeclared.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "chart metadata is missing these dependencies: {}",
                undeclared.join(",")
            ))
        },
    );

    let mut seen: Vec<&str> = Vec::new();
    let mut shadowing: Vec<&str> = Vec::new();
    for d in &declared {
        let key = if d.alias.is_empty() {
            &d.name
        } else {
            &d.alias
        };
        if seen.contains(&key.as_str()) {
            shadowing.push(key);
        }
        seen.push(key);
    }
    linter.rule(
        Severity::Error,
        &dir,
        if shadowing.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "multiple dependencies with name or alias: {}",
                shadowing.join(",")
            ))
        },
    );

    let missing: Vec<&str> = declared
        .iter()
        .map(|d| d.name.as_str())
        .filter(|n| !chart.subcharts.iter().any(|s| s.name() == *n))
        .collect();
    linter.rule(
        Severity::Warning,
        &dir,
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "chart directory is missing these dependencies: {}",
                missing.join(",")
            ))
        },
    );
}
