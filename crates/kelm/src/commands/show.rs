//! `kelm show all|chart|values|readme|crds CHART`: prints parts of a chart as
//! `helm show` does (`pkg/action/show.go`), byte for byte.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

/// `kelm show`'s subcommands.
#[derive(Debug, Subcommand)]
pub enum ShowCommand {
    /// show all information of the chart
    All(ShowArgs),
    /// show the chart's definition
    Chart(ShowArgs),
    /// show the chart's values
    Values(ShowArgs),
    /// show the chart's README
    Readme(ShowArgs),
    /// show the chart's CRDs
    Crds(ShowArgs),
}

/// Flags and argument of every `kelm show` subcommand.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// use development versions, too (only for charts from repositories)
    #[arg(long)]
    devel: bool,
    /// the chart version (only for charts from repositories; a local chart is what it is)
    #[arg(long, value_name = "VERSION")]
    version: Option<String>,
    /// The chart: a directory or a .tgz archive.
    #[arg(value_name = "CHART")]
    args: Vec<String>,
}

/// What `helm show` prints (`ShowOutputFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    All,
    Chart,
    Values,
    Readme,
    Crds,
}

/// Helm's README names, compared case-insensitively with the chart's top-level files.
const README_NAMES: [&str; 3] = ["readme.md", "readme.txt", "readme"];

/// Runs one `kelm show` subcommand, writing to `out`.
pub fn run(command: ShowCommand, out: &mut dyn Write) -> anyhow::Result<()> {
    let (part, name, args) = match command {
        ShowCommand::All(a) => (Part::All, "all", a),
        ShowCommand::Chart(a) => (Part::Chart, "chart", a),
        ShowCommand::Values(a) => (Part::Values, "values", a),
        ShowCommand::Readme(a) => (Part::Readme, "readme", a),
        ShowCommand::Crds(a) => (Part::Crds, "crds", a),
    };
    // Destructured so that a new flag fails to compile until it is handled here.
    let ShowArgs {
        devel: _,
        version: _,
        args,
    } = args;
    if args.len() != 1 {
        anyhow::bail!(
            "\"kelm show {name}\" requires 1 argument\n\nUsage:  kelm show {name} [CHART] [flags]"
        );
    }
    let path = locate_chart(&args[0])?;
    let chart = kelm_chart::load_v2(&path)?;
    let mut stderr = std::io::stderr().lock();
    for record in &chart.log {
        writeln!(stderr, "{}", record.to_slog_text())?;
    }
    out.write_all(&render(&chart, part)?)?;
    Ok(())
}

/// Helm's `LocateChart` for local charts: an existing path, made absolute.
pub(crate) fn locate_chart(name: &str) -> anyhow::Result<PathBuf> {
    let name = name.trim_matches(char::is_whitespace);
    let path = Path::new(name);
    if std::fs::metadata(path).is_ok() {
        return Ok(std::path::absolute(path)?);
    }
    if path.is_absolute() || name.starts_with('.') {
        anyhow::bail!("path {} not found", kelm_gotmpl::strconv::quote(name));
    }
    if !name.contains('/') {
        anyhow::bail!(
            "non-absolute URLs should be in form of repo_name/path_to_chart, got: {name}"
        );
    }
    anyhow::bail!("chart {name:?} is not a local path, and kelm cannot fetch charts yet")
}

/// The output of `helm show <part>` for `chart`.
fn render(chart: &kelm_chart::Chart, part: Part) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let all = part == Part::All;
    if part == Part::Chart || all {
        out.extend_from_slice(kelm_yaml::to_yaml(&chart.metadata.to_yaml_value())?.as_bytes());
        out.push(b'\n');
    }
    if (part == Part::Values || all)
        && let Some(raw) = &chart.raw_values
    {
        if all {
            out.extend_from_slice(b"---\n");
        }
        out.extend_from_slice(raw);
        out.push(b'\n');
    }
    if part == Part::Readme || all {
        // The first file (in load order) with one of Helm's README names.
        let readme = chart
            .files
            .iter()
            .find(|f| README_NAMES.iter().any(|n| f.name.eq_ignore_ascii_case(n)));
        if let Some(readme) = readme {
            if all {
                out.extend_from_slice(b"---\n");
            }
            out.extend_from_slice(&readme.data);
            out.push(b'\n');
        }
    }
    if part == Part::Crds || all {
        for crd in chart.crd_objects() {
            if !crd.file.data.starts_with(b"---") {
                out.extend_from_slice(b"---\n");
            }
            out.extend_from_slice(&crd.file.data);
            out.push(b'\n');
        }
    }
    Ok(out)
}
