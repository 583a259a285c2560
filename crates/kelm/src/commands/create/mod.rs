//! `kelm create NAME`: writes a new chart, as `helm create` does.
//!
//! Without `--starter`, the chart is kelm's scaffold (the files under `scaffold/`, built
//! into the binary): the same files, values and objects as Helm's, so that habits and
//! tooling carry over, in kelm's own words.
//!
//! Paths are handled with Go's lexical rules, as Helm does: `NAME` is split into its last
//! element (the chart's name) and the directory that receives it.

use std::io::Write;

use anyhow::bail;
use clap::Args;

use crate::cli::require_exact_args;
use crate::gopath;

mod starter;

/// The long help of `kelm create`.
pub const LONG_ABOUT: &str = "\
Create a new chart directory, ready to be edited and installed.

'kelm create foo' writes:

    foo/
    ├── .helmignore   # paths left out of the packaged chart
    ├── Chart.yaml    # the chart's name, version and description
    ├── values.yaml   # the defaults the templates read
    ├── charts/       # charts this one depends on
    └── templates/    # the templates, NOTES.txt and named templates
        └── tests/    # pods run by 'kelm test'

The chart deploys a web server (a Deployment, a Service and a ServiceAccount,
with an optional Ingress, HTTPRoute and HorizontalPodAutoscaler); the keys of its
values are those of 'helm create'.

NAME may be a path: the chart is written into its last element, inside a
directory that must already exist. Files of an existing chart directory that the
scaffold also has are overwritten (with a warning); other files are kept.

With --starter, the chart is made from a starter chart instead: a name is looked
up in Helm's starters directory ($HELM_DATA_HOME/starters, by default
~/.local/share/helm/starters), an absolute path is used as it is. The name of the
new chart replaces <CHARTNAME> in the starter's templates and values.yaml, and
missing directories of NAME are created.";

/// Flags of `kelm create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// NAME, the chart to create (a path; its last element is the chart's name).
    #[arg(value_name = "NAME")]
    args: Vec<String>,
    /// make the chart from this starter chart: a name in Helm's starters directory, or an absolute path
    #[arg(
        short = 'p',
        long = "starter",
        value_name = "string",
        default_value = "",
        hide_default_value = true
    )]
    starter: String,
}

/// The scaffold's files in the order Helm writes them (its warnings follow this order),
/// with `<CHARTNAME>` where the chart's name goes.
const SCAFFOLD: &[(&str, &str)] = &[
    ("Chart.yaml", include_str!("scaffold/Chart.yaml")),
    ("values.yaml", include_str!("scaffold/values.yaml")),
    (".helmignore", include_str!("scaffold/.helmignore")),
    (
        "templates/ingress.yaml",
        include_str!("scaffold/templates/ingress.yaml"),
    ),
    (
        "templates/httproute.yaml",
        include_str!("scaffold/templates/httproute.yaml"),
    ),
    (
        "templates/deployment.yaml",
        include_str!("scaffold/templates/deployment.yaml"),
    ),
    (
        "templates/service.yaml",
        include_str!("scaffold/templates/service.yaml"),
    ),
    (
        "templates/serviceaccount.yaml",
        include_str!("scaffold/templates/serviceaccount.yaml"),
    ),
    (
        "templates/hpa.yaml",
        include_str!("scaffold/templates/hpa.yaml"),
    ),
    (
        "templates/NOTES.txt",
        include_str!("scaffold/templates/NOTES.txt"),
    ),
    (
        "templates/_helpers.tpl",
        include_str!("scaffold/templates/_helpers.tpl"),
    ),
    (
        "templates/tests/test-connection.yaml",
        include_str!("scaffold/templates/tests/test-connection.yaml"),
    ),
];

/// What stands for the chart's name in the scaffold's (and starters') files.
pub const NAME_PLACEHOLDER: &str = "<CHARTNAME>";

/// Helm's longest chart name.
const MAX_NAME_LENGTH: usize = 250;

/// Runs `kelm create`, writing its messages to `out`.
pub fn run(args: CreateArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    // Destructured so that a new flag fails to compile until it is handled here.
    let CreateArgs { args, starter } = args;
    require_exact_args("kelm create", "kelm create NAME [flags]", 1, &args)?;
    let name = &args[0];
    writeln!(out, "Creating {name}")?;
    let chart_name = gopath::base(name);
    let parent = gopath::dir(name);
    if !starter.is_empty() {
        return starter::create_from(&chart_name, &parent, &starter::starter_path(&starter));
    }
    create(&chart_name, &parent, out)
}

/// Writes the scaffold for chart `name` into the existing directory `parent`.
fn create(name: &str, parent: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    validate_name(name)?;
    let parent = gopath::abs(parent)?;
    if !gopath::stat(&parent)?.is_dir() {
        bail!("no such directory {parent}");
    }
    let chart_dir = gopath::join(&[&parent, name]);
    if std::fs::metadata(&chart_dir).is_ok_and(|m| !m.is_dir()) {
        bail!("file {chart_dir} already exists and is not a directory");
    }
    for (path, text) in SCAFFOLD {
        let path = gopath::join(&[&chart_dir, path]);
        if std::fs::metadata(&path).is_ok() {
            writeln!(
                out,
                "WARNING: File {} already exists. Overwriting.",
                kelm_gotmpl::strconv::quote(&path)
            )?;
        }
        gopath::mkdir_all(&gopath::dir(&path))?;
        gopath::write_file(&path, text.replace(NAME_PLACEHOLDER, name).as_bytes())?;
    }
    // No scaffold file lives in charts/, but the directory belongs to every chart.
    gopath::mkdir_all(&gopath::join(&[&chart_dir, "charts"]))?;
    Ok(())
}

/// Helm's check of a new chart's name: 1 to 250 characters from `[a-zA-Z0-9._-]`, so
/// that the name is safe in paths, URLs and Kubernetes names.
fn validate_name(name: &str) -> anyhow::Result<()> {
    if name.is_empty() || name.len() > MAX_NAME_LENGTH {
        bail!("chart name must be between 1 and {MAX_NAME_LENGTH} characters");
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if !name.chars().all(allowed) {
        bail!("chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(validate_name("my-chart_1.0").is_ok());
        assert!(validate_name(".").is_ok());
        assert_eq!(
            validate_name("").unwrap_err().to_string(),
            "chart name must be between 1 and 250 characters"
        );
        assert!(validate_name(&"a".repeat(250)).is_ok());
        assert!(validate_name(&"a".repeat(251)).is_err());
        for bad in ["a b", "a/b", "/", "é", "a+b", "a\n"] {
            assert_eq!(
                validate_name(bad).unwrap_err().to_string(),
                "chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn every_scaffold_file_names_the_chart_through_the_placeholder() {
        for (path, text) in SCAFFOLD {
            let needs_name = path.starts_with("templates/") || path.ends_with(".yaml");
            assert_eq!(
                text.contains(NAME_PLACEHOLDER),
                needs_name,
                "{path}: placeholder expected: {needs_name}"
            );
        }
    }
}
