//! `kelm version`: prints the build information, as `helm version` does.

use std::io::Write;

use clap::Args;

use crate::build_info::BuildInfo;
use crate::cli::require_no_args;
use crate::output::{self, Format};
use crate::version_template::{self, TemplateError};

/// The long help of `kelm version`.
pub const LONG_ABOUT: &str = "\
Print the version of kelm.

By default the output has the shape of Helm's:

version.BuildInfo{Version:\"v0.1.0\", GitCommit:\"<commit>\", GitTreeState:\"clean\", GoVersion:\"go1.25\", KubeClientVersion:\"v1.35\"}

- Version: the semantic version of this kelm.
- GitCommit: the git commit it was built from (empty when built outside git).
- GitTreeState: \"clean\", or \"dirty\" when the checkout had changes at build time.
- GoVersion: the Go release whose text/template, fmt and strconv behaviour kelm
  reproduces (Helm prints the Go that compiled it; kelm is not written in Go).
- KubeClientVersion: the Kubernetes client version kelm speaks.

--template prints these fields through a Go template, e.g.
--template '{{.Version}} ({{.GitCommit}})'.

Precedence: --template, then --output, then --short.";

/// Flags of `kelm version`.
#[derive(Debug, Args)]
pub struct VersionArgs {
    /// print the version number only, with the abbreviated commit
    #[arg(long)]
    short: bool,
    /// Go template for the version string, e.g. '{{.Version}}'
    #[arg(long, value_name = "TEMPLATE")]
    template: Option<String>,
    /// print the build information as json or yaml
    #[arg(short = 'o', long, value_name = "FORMAT", value_parser = Format::parse)]
    output: Option<Format>,
    /// Arguments, which the command refuses (kept to report them as Helm does).
    #[arg(hide = true)]
    args: Vec<String>,
}

/// Runs `kelm version`, writing to `out`.
pub fn run(args: VersionArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    // Destructured so that a new flag fails to compile until it is handled here.
    let VersionArgs {
        short,
        template,
        output,
        args,
    } = args;
    require_no_args("kelm version", &args)?;
    let info = BuildInfo::current();

    // An empty --template means none, as in Helm.
    if let Some(text) = template.filter(|t| !t.is_empty()) {
        return match version_template::render(&text, &info) {
            Ok(text) => Ok(out.write_all(text.as_bytes())?),
            Err(TemplateError::Exec { error, partial }) => {
                // Go's executor has written everything before the failure.
                out.write_all(partial.as_bytes())?;
                Err(error.into())
            }
            Err(e) => Err(e.into()),
        };
    }
    match output {
        Some(Format::Json) => output::write_json(out, &info)?,
        Some(Format::Yaml) => output::write_yaml(out, &info)?,
        None if short => writeln!(out, "{}", info.short())?,
        None => writeln!(out, "{}", info.go_syntax())?,
    }
    Ok(())
}
