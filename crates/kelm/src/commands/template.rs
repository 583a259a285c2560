//! `kelm template [NAME] CHART`: renders a chart locally as `helm template` does (an
//! install in client-side dry-run mode: `pkg/cmd/template.go`, `runInstall` in
//! `pkg/cmd/install.go`, `Install.RunWithContext` in `pkg/action/install.go`).

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, anyhow};
use clap::Args;
use kelm_engine::manifest::{CrdFile, TemplateOptions, template_output};
use kelm_engine::{Capabilities, KubeVersion, ReleaseOptions, RenderChart, RenderOptions};
use kelm_values::{FsReader, Value, ValueOptions};

use crate::cli::{GlobalArgs, require_min_args, string_slice};

/// `kelm template --help`'s description.
pub const LONG_ABOUT: &str = "\
Render chart templates locally and print the result.

Values the templates would get from a cluster are made up: the Kubernetes version is
Helm's default unless --kube-version says otherwise, and the API versions are the
built-in ones plus those given with --api-versions. Lookups find nothing.";

/// What Helm appends to a render failure unless `--debug` is given.
const DEBUG_HINT: &str = "\n\nUse --debug flag to render out invalid YAML";

/// `kelm template`'s flags and arguments.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// specify values in a YAML file or a URL (can specify multiple)
    #[arg(short = 'f', long = "values", value_name = "strings")]
    values: Vec<String>,
    /// set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)
    #[arg(long = "set", value_name = "stringArray")]
    set: Vec<String>,
    /// set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)
    #[arg(long = "set-string", value_name = "stringArray")]
    set_string: Vec<String>,
    /// set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)
    #[arg(long = "set-file", value_name = "stringArray")]
    set_file: Vec<String>,
    /// set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {"key1": jsonval1, "key2": "jsonval2"})
    #[arg(long = "set-json", value_name = "stringArray")]
    set_json: Vec<String>,
    /// set a literal STRING value on the command line
    #[arg(long = "set-literal", value_name = "stringArray")]
    set_literal: Vec<String>,
    /// Kubernetes version used for Capabilities.KubeVersion
    #[arg(long = "kube-version", value_name = "string")]
    kube_version: Option<String>,
    /// Kubernetes api versions used for Capabilities.APIVersions (multiple can be specified)
    #[arg(short = 'a', long = "api-versions", value_name = "strings")]
    api_versions: Vec<String>,
    /// only show manifests rendered from the given templates
    #[arg(short = 's', long = "show-only", value_name = "stringArray")]
    show_only: Vec<String>,
    /// writes the executed templates to files in output-dir instead of stdout
    #[arg(long = "output-dir", value_name = "string")]
    output_dir: Option<String>,
    /// include CRDs in the templated output
    #[arg(long = "include-crds")]
    include_crds: bool,
    /// skip tests from templated output
    #[arg(long = "skip-tests")]
    skip_tests: bool,
    /// prevent hooks from running during install
    #[arg(long = "no-hooks")]
    no_hooks: bool,
    /// set .Release.IsUpgrade instead of .Release.IsInstall
    #[arg(long = "is-upgrade")]
    is_upgrade: bool,
    /// use release name in the output-dir path.
    #[arg(long = "release-name")]
    release_name: bool,
    /// generate the name (and omit the NAME parameter)
    #[arg(short = 'g', long = "generate-name")]
    generate_name: bool,
    /// specify template used to name the release
    #[arg(long = "name-template", value_name = "string")]
    name_template: Option<String>,
    /// if set, disables JSON schema validation
    #[arg(long = "skip-schema-validation")]
    skip_schema_validation: bool,
    /// enable DNS lookups when rendering templates
    #[arg(long = "enable-dns")]
    enable_dns: bool,
    /// [NAME] CHART
    #[arg(value_name = "NAME] [CHART")]
    args: Vec<String>,
}

/// Why `kelm template` failed: Helm adds the `--debug` hint only to failures of the
/// render itself, and with `--debug` prints what the release's manifest held then.
enum Failure {
    Plain(anyhow::Error),
    Render { message: String, manifest: String },
}

impl Failure {
    fn render(message: impl Into<String>) -> Failure {
        Failure::Render {
            message: message.into(),
            manifest: String::new(),
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure::Plain(e.into())
    }
}

/// Runs `kelm template`, writing the manifests to `out`.
pub fn run(args: TemplateArgs, global: &GlobalArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let debug = global.debug;
    match run_inner(args, global, out) {
        Ok(()) => Ok(()),
        Err(Failure::Plain(e)) => Err(e),
        Err(Failure::Render { message, manifest }) if debug => {
            // Helm prints the (possibly partial) manifest before returning the error.
            writeln!(out, "{}", manifest.trim_matches(go_space))?;
            Err(anyhow!(message))
        }
        Err(Failure::Render { message, .. }) => Err(anyhow!("{message}{DEBUG_HINT}")),
    }
}

fn run_inner(args: TemplateArgs, global: &GlobalArgs, out: &mut dyn Write) -> Result<(), Failure> {
    // Destructured so that a new flag fails to compile until it is handled here.
    let TemplateArgs {
        values,
        set,
        set_string,
        set_file,
        set_json,
        set_literal,
        kube_version,
        api_versions,
        show_only,
        output_dir,
        include_crds,
        skip_tests,
        no_hooks,
        is_upgrade,
        release_name: use_release_name,
        generate_name,
        name_template,
        skip_schema_validation,
        enable_dns,
        args,
    } = args;
    require_min_args(
        "kelm template",
        "kelm template [NAME] [CHART] [flags]",
        1,
        &args,
    )?;
    let kube_version = match kube_version.as_deref().filter(|v| !v.is_empty()) {
        Some(v) => {
            Some(KubeVersion::parse(v).map_err(|e| anyhow!("invalid kube version '{v}': {e}"))?)
        }
        None => None,
    };
    let (name, chart_ref) =
        name_and_chart(&args, generate_name, name_template.as_deref().unwrap_or(""))?;
    let path = super::show::locate_chart(&chart_ref)?;
    let value_options = ValueOptions {
        value_files: string_slice(&values)?,
        set_json,
        set,
        set_string,
        set_file,
        set_literal,
    };
    let user = Value::Map(value_options.merge_values(&mut FsReader)?);

    let mut chart = kelm_chart::load(&path)?;
    let mut stderr = std::io::stderr().lock();
    for record in &chart.log {
        writeln!(stderr, "{}", record.to_slog_text())?;
    }
    if !chart.metadata.kind.is_empty() && chart.metadata.kind != "application" {
        return Err(anyhow!("{} charts are not installable", chart.metadata.kind).into());
    }
    if chart.metadata.deprecated {
        writeln!(stderr, "level=WARN msg=\"this chart is deprecated\"")?;
    }
    check_dependencies(&chart)?;
    let namespace = global.namespace();

    if let Err(e) = validate_release_name(&name) {
        // Helm logs the failure before returning it.
        writeln!(
            stderr,
            "level=ERROR msg=\"release name check failed\" error={}",
            slog_quote(&e.to_string())
        )?;
        return Err(anyhow!("release name check failed: {e}").into());
    }
    let log = match kelm_values::process_dependencies(&mut chart, &user) {
        Ok(log) => log,
        Err(e) => {
            writeln!(
                stderr,
                "level=ERROR msg=\"chart dependencies processing failed\" error={}",
                slog_quote(e.message())
            )?;
            return Err(anyhow!("chart dependencies processing failed: {e}").into());
        }
    };
    for line in log {
        writeln!(stderr, "{line}")?;
    }

    let mut capabilities = Capabilities::default();
    if let Some(kv) = kube_version {
        capabilities.kube_version = kv;
    }
    capabilities
        .api_versions
        .extend(string_slice(&api_versions)?);
    let release = ReleaseOptions {
        name: name.clone(),
        namespace,
        revision: 1,
        is_upgrade,
        is_install: !is_upgrade,
    };
    let (coalesced, warnings) = kelm_values::coalesce_values(&chart, &user)?;
    for w in &warnings {
        writeln!(stderr, "{}", kelm_values::format_warning(w))?;
    }
    if !skip_schema_validation {
        kelm_values::schema::validate_values(&chart, &coalesced)?;
    }

    let kube = &chart.metadata.kube_version;
    if !kube.is_empty()
        && !kelm_values::is_compatible_range(kube, capabilities.kube_version.string())
    {
        return Err(Failure::render(format!(
            "chart requires kubeVersion: {kube} which is incompatible with Kubernetes {}",
            capabilities.kube_version.version
        )));
    }
    let render_options = RenderOptions {
        enable_dns,
        ..RenderOptions::default()
    };
    let files: BTreeMap<String, String> = kelm_engine::render(
        &RenderChart::from_chart(&chart),
        &coalesced,
        &release,
        &capabilities,
        &render_options,
    )
    .map_err(|e| Failure::render(e.message()))?;

    let crds: Vec<CrdFile> = chart
        .crd_objects()
        .into_iter()
        .map(|c| CrdFile {
            filename: c.filename,
            content: kelm_engine::lossy_string(&c.file.data),
        })
        .collect();
    let options = TemplateOptions {
        include_crds,
        skip_tests,
        no_hooks,
        show_only,
        output_dir: output_dir.filter(|d| !d.is_empty()),
        use_release_name,
        release_name: name,
    };
    let mut text = String::new();
    let result = template_output(&files, &crds, &options, &mut text);
    out.write_all(text.as_bytes())?;
    match result {
        Ok(warnings) => {
            for w in warnings {
                writeln!(stderr, "level=WARN msg={}", kelm_gotmpl::strconv::quote(&w))?;
            }
            Ok(())
        }
        Err(e @ kelm_engine::manifest::Error::Yaml { .. }) => Err(Failure::Render {
            message: e.to_string(),
            manifest: unsorted_manifest(&files),
        }),
        Err(e) => Err(anyhow!(e).into()),
    }
}

/// What Helm's release manifest holds when its documents could not be sorted: every
/// rendered file that is not blank (NOTES excepted), as it is. Helm lists them in Go's
/// random map order, kelm by path.
fn unsorted_manifest(files: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (name, content) in files {
        if name.ends_with(kelm_engine::manifest::NOTES_SUFFIX)
            || content.trim_matches(go_space).is_empty()
        {
            continue;
        }
        out.push_str(&format!("---\n# Source: {name}\n{content}\n"));
    }
    out
}

/// A string as `slog`'s text handler writes an attribute value: bare when it is a
/// plain word, Go-quoted when it is empty or has blanks, `=`, `"` or unprintables.
fn slog_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| {
            c != ' '
                && c != '='
                && c != '"'
                && !c.is_whitespace()
                && kelm_gotmpl::strconv::is_print(c)
        });
    if plain {
        s.to_string()
    } else {
        kelm_gotmpl::strconv::quote(s)
    }
}

/// Go's `unicode.IsSpace` (Unicode's White_Space), which `strings.TrimSpace` trims.
fn go_space(c: char) -> bool {
    c.is_whitespace()
}

/// Helm's `Install.NameAndChart` as `helm template` calls it, with the release name
/// preset to `release-name` (so `--generate-name` only matters with a name template).
fn name_and_chart(
    args: &[String],
    generate_name: bool,
    name_template: &str,
) -> anyhow::Result<(String, String)> {
    if args.len() > 2 {
        anyhow::bail!(
            "expected at most two arguments, unexpected arguments: {}",
            args[2..].join(", ")
        );
    }
    if args.len() == 2 {
        if generate_name {
            anyhow::bail!("cannot set --generate-name and also specify a name");
        }
        if !name_template.is_empty() {
            anyhow::bail!("cannot set --name-template and also specify a name");
        }
        return Ok((args[0].clone(), args[1].clone()));
    }
    if !name_template.is_empty() {
        return Ok((template_name(name_template)?, args[0].clone()));
    }
    Ok(("release-name".to_string(), args[0].clone()))
}

/// Helm's `TemplateName`: the name template run with Sprig's functions and no data.
fn template_name(text: &str) -> anyhow::Result<String> {
    let mut t = kelm_gotmpl::Template::new("name-template");
    t.add_funcs(kelm_sprig::functions());
    t.parse(text).map_err(|e| anyhow!("{e}"))?;
    let mut out = String::new();
    t.execute(&kelm_gotmpl::Value::nil(), &mut out)
        .map_err(|e| anyhow!("{e}"))?;
    Ok(out)
}

/// Helm's `chartutil.ValidateReleaseName`.
fn validate_release_name(name: &str) -> anyhow::Result<()> {
    const PATTERN: &str = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    if name.is_empty() {
        anyhow::bail!(
            "release name {}: no name provided",
            kelm_gotmpl::strconv::quote(name)
        );
    }
    if name.len() > 53 || !is_dns_subdomain(name) {
        anyhow::bail!(
            "release name {}: invalid release name, must match regex {PATTERN} and the length must not be longer than 53",
            kelm_gotmpl::strconv::quote(name)
        );
    }
    Ok(())
}

/// Whether `name` is dot-separated labels of lowercase letters, digits and inner
/// dashes (the release name pattern).
fn is_dns_subdomain(name: &str) -> bool {
    name.split('.').all(|label| {
        let b = label.as_bytes();
        !b.is_empty()
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
    })
}

/// Helm's `action.CheckDependencies`: every dependency `Chart.yaml` declares must have
/// a subchart of its name.
fn check_dependencies(chart: &kelm_chart::Chart) -> anyhow::Result<()> {
    let missing: Vec<&str> = chart
        .metadata
        .dependencies
        .iter()
        .flatten()
        .filter(|d| !chart.subcharts.iter().any(|s| s.metadata.name == d.name))
        .map(|d| d.name.as_str())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(anyhow!(
        "found in Chart.yaml, but missing in charts/ directory: {}",
        missing.join(", ")
    ))
    .context(
        "an error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_names() {
        assert!(validate_release_name("rel-1.a").is_ok());
        assert!(validate_release_name("Rel").is_err());
        assert!(validate_release_name("-a").is_err());
        assert!(validate_release_name(&"a".repeat(54)).is_err());
        assert_eq!(
            validate_release_name("").unwrap_err().to_string(),
            "release name \"\": no name provided"
        );
    }

    #[test]
    fn names_from_arguments() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            name_and_chart(&args(&["c"]), true, "").unwrap(),
            ("release-name".into(), "c".into())
        );
        assert_eq!(
            name_and_chart(&args(&["n", "c"]), false, "").unwrap(),
            ("n".into(), "c".into())
        );
        assert_eq!(
            name_and_chart(&args(&["n", "c"]), true, "")
                .unwrap_err()
                .to_string(),
            "cannot set --generate-name and also specify a name"
        );
        assert_eq!(
            name_and_chart(&args(&["c"]), false, "{{ \"x\" | upper }}-1").unwrap(),
            ("X-1".into(), "c".into())
        );
    }
}
