//! `kelm create NAME --starter STARTER`: a new chart made from a starter chart, as
//! Helm's `chartutil.CreateFrom` makes it.
//!
//! The starter (a chart directory or archive) is loaded with kelm-chart's loader; its
//! `Chart.yaml` is replaced by a fresh one for the new chart, `<CHARTNAME>` becomes the
//! chart's name in the templates and `values.yaml` (and nowhere else), and the chart is
//! written back as Helm's `SaveDir` writes one: every file of the starter except its
//! lock file, each subchart as a `.tgz` archive under `charts/`.

use std::io::Write;

use anyhow::{Context, bail};
use kelm_chart::{Chart, Metadata};

use super::NAME_PLACEHOLDER;
use crate::{gopath, helmpath};

/// The starter's path: a relative `STARTER` is always under Helm's starters directory,
/// only an absolute one is taken as it is.
pub fn starter_path(starter: &str) -> String {
    if gopath::is_abs(starter) {
        starter.to_string()
    } else {
        gopath::join(&[&helmpath::data_path(&["starters"]), starter])
    }
}

/// Writes chart `name` made from the starter at `src` into directory `dest` (created
/// when missing). The name is not checked here, as Helm does not check it either.
pub fn create_from(name: &str, dest: &str, src: &str) -> anyhow::Result<()> {
    let mut chart = kelm_chart::load_v2(std::path::Path::new(src))
        .with_context(|| format!("could not load {src}"))?;
    let mut stderr = std::io::stderr().lock();
    for record in &chart.log {
        writeln!(stderr, "{}", record.to_slog_text())?;
    }
    chart.metadata = Metadata {
        name: name.to_string(),
        description: "A Helm chart for Kubernetes".into(),
        kind: "application".into(),
        version: "0.1.0".into(),
        app_version: "0.1.0".into(),
        api_version: "v2".into(),
        ..Metadata::default()
    };
    for template in &mut chart.templates {
        template.data = replace_placeholder(&template.data, name).into();
    }
    check_values_survive(&chart.values, name)?;
    if let Some(raw) = &mut chart.raw_values {
        *raw = replace_placeholder(raw, name);
    }
    save_dir(&chart, dest)
}

/// `<CHARTNAME>` replaced by `name` in bytes that need not be UTF-8.
fn replace_placeholder(data: &[u8], name: &str) -> Vec<u8> {
    let needle = NAME_PLACEHOLDER.as_bytes();
    let mut out = Vec::with_capacity(data.len());
    let mut rest = data;
    while let Some(i) = rest.windows(needle.len()).position(|w| w == needle) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(name.as_bytes());
        rest = &rest[i + needle.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// Helm also replaces the placeholder in the starter's values re-encoded as YAML and
/// reads them back; only `values.yaml` is written, but a name that breaks that YAML
/// (`a: b`) fails the command.
fn check_values_survive(values: &kelm_yaml::Value, name: &str) -> anyhow::Result<()> {
    let text =
        kelm_yaml::to_yaml(values).map_err(|e| anyhow::anyhow!("reading values file: {e}"))?;
    kelm_yaml::from_yaml(&text.replace(NAME_PLACEHOLDER, name))
        .map_err(|e| anyhow::anyhow!("transforming values file: {e}"))?;
    Ok(())
}

/// Helm's `SaveDir`: the chart in directory `dest/<name>`.
fn save_dir(chart: &Chart, dest: &str) -> anyhow::Result<()> {
    let outdir = gopath::join(&[dest, chart.name()]);
    if std::fs::metadata(&outdir).is_ok_and(|m| !m.is_dir()) {
        bail!("file {outdir} already exists and is not a directory");
    }
    gopath::mkdir_all(&outdir)?;
    let chart_yaml = kelm_chart::save::chart_yaml(&chart.metadata)?;
    gopath::write_file(
        &gopath::join(&[&outdir, "Chart.yaml"]),
        chart_yaml.as_bytes(),
    )?;
    let mut files: Vec<(&str, &[u8])> = Vec::new();
    if let Some(values) = &chart.raw_values {
        files.push(("values.yaml", values));
    }
    if let Some(schema) = &chart.schema {
        files.push(("values.schema.json", schema));
    }
    for f in chart.templates.iter().chain(&chart.files) {
        files.push((&f.name, &f.data));
    }
    for (name, data) in files {
        let path = gopath::join(&[&outdir, name]);
        gopath::mkdir_all(&gopath::dir(&path))?;
        gopath::write_file(&path, data)?;
    }
    let charts = gopath::join(&[&outdir, "charts"]);
    for sub in &chart.subcharts {
        let full_path = format!("{}/charts/{}", chart.name(), sub.name());
        save_archive(sub, &charts).with_context(|| format!("saving {full_path}"))?;
    }
    Ok(())
}

/// Helm's `Save`: the chart's archive `<name>-<version>.tgz` in `dir` (created when
/// missing).
fn save_archive(chart: &Chart, dir: &str) -> anyhow::Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => bail!("is not a directory: {dir}"),
        Ok(_) => {}
        Err(_) => gopath::mkdir_all(dir)?,
    }
    let data = kelm_chart::save::archive(chart)?;
    let path = gopath::join(&[dir, &kelm_chart::save::archive_name(chart)]);
    gopath::write_file(&path, &data)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_in_bytes() {
        assert_eq!(
            replace_placeholder(b"\xff<CHARTNAME>-<CHARTNAME><CHARTNAME", "ab"),
            b"\xffab-ab<CHARTNAME"
        );
        assert_eq!(replace_placeholder(b"", "ab"), b"");
    }
}
