//! Writing a loaded chart back out as Helm does (`pkg/chart/v2/util/save.go`): its
//! `Chart.yaml` and `Chart.lock` re-encoded from the model, and the `.tgz` archive Helm
//! makes of a chart (`Save`), which `helm create --starter` writes for each subchart.
//!
//! Only the bytes are made here; where they go (and the errors of the file system, in
//! Go's words) is the caller's business.

use std::io::Write;

use kelm_yaml::{Map, Value};

use crate::{Chart, Error, Lock, Metadata};

/// `Chart.yaml` as Helm writes it (`SaveChartfile`): the metadata through
/// `sigs.k8s.io/yaml` (JSON field names, sorted keys, empty fields left out). A v1
/// chart's dependencies stay in its `requirements.yaml`, so they are left out here.
pub fn chart_yaml(md: &Metadata) -> Result<String, Error> {
    let mut value = md.to_yaml_value();
    if md.api_version == "v1"
        && let Value::Map(m) = &mut value
    {
        m.remove("dependencies");
    }
    kelm_yaml::to_yaml(&value).map_err(|e| Error::new(e.message()))
}

/// `Chart.lock` as Helm writes it: `generated` as Go prints a `time.Time`, `digest` and
/// the dependencies, every field present.
pub fn lock_yaml(lock: &Lock) -> Result<String, Error> {
    let mut m = Map::new();
    m.insert(
        "generated".into(),
        Value::String(go_time_json(&lock.generated)),
    );
    m.insert("digest".into(), Value::String(lock.digest.clone()));
    let deps = if lock.dependencies.is_empty() {
        // A missing list decodes to Go's nil slice, which JSON writes as null.
        Value::Null
    } else {
        let items = lock.dependencies.iter().map(|d| match d {
            None => Value::Null,
            Some(d) => d.to_yaml_value(),
        });
        Value::Seq(items.collect())
    };
    m.insert("dependencies".into(), deps);
    kelm_yaml::to_yaml(&Value::Map(m)).map_err(|e| Error::new(e.message()))
}

/// A lock's `generated` time as Go's JSON encoder writes a `time.Time` read from it
/// (RFC 3339 with nanoseconds, trailing zeros of the fraction dropped, a zero offset as
/// `Z`); the zero time when there was none. Text that is not such a time is kept.
fn go_time_json(generated: &str) -> String {
    if generated.is_empty() {
        return "0001-01-01T00:00:00Z".into();
    }
    let Some((secs_end, zone)) = split_rfc3339(generated) else {
        return generated.to_string();
    };
    let (whole, frac) = generated[..secs_end].split_at(19);
    let frac = frac.trim_end_matches('0');
    let frac = if frac == "." { "" } else { frac };
    let zone = match zone {
        "Z" | "+00:00" | "-00:00" => "Z",
        other => other,
    };
    format!("{whole}{frac}{zone}")
}

/// Where the seconds (and fraction) of an RFC 3339 time end, and its zone; `None` when
/// `s` is not `YYYY-MM-DDTHH:MM:SS[.fff]Z|±hh:mm`.
fn split_rfc3339(s: &str) -> Option<(usize, &str)> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return None;
    }
    let mut end = 19;
    if b[end] == b'.' {
        end += 1;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == 20 {
            return None;
        }
    }
    let zone = &s[end..];
    let zb = zone.as_bytes();
    let offset = zb.len() == 6
        && matches!(zb[0], b'+' | b'-')
        && zb[1..3].iter().all(u8::is_ascii_digit)
        && zb[3] == b':'
        && zb[4..6].iter().all(u8::is_ascii_digit);
    (zone == "Z" || offset).then_some((end, zone))
}

/// The file name Helm gives a chart's archive: `<name>-<version>.tgz`.
pub fn archive_name(chart: &Chart) -> String {
    format!("{}-{}.tgz", chart.name(), chart.metadata.version)
}

/// The `.tgz` archive of `chart` as Helm's `Save` lays it out: under `<name>/`,
/// `Chart.yaml`, `Chart.lock` (v2 charts), `values.yaml`, `values.schema.json`, the
/// templates, the other files, then each subchart the same way under
/// `<name>/charts/`; regular files of mode 0644, no directory entries, stamped with
/// the current time (the model keeps no file times).
pub fn archive(chart: &Chart) -> Result<Vec<u8>, Error> {
    let mtime = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let gz = flate2::GzBuilder::new()
        // Helm's own marks in the gzip header.
        .extra(b"+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=".to_vec())
        .comment("Helm")
        .write(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    write_chart(&mut tar, chart, "", mtime)?;
    let gz = tar.into_inner().map_err(write_error)?;
    gz.finish().map_err(write_error)
}

fn write_error(e: std::io::Error) -> Error {
    Error::new(format!("writing chart archive: {e}"))
}

fn write_chart<W: Write>(
    tar: &mut tar::Builder<W>,
    chart: &Chart,
    prefix: &str,
    mtime: u64,
) -> Result<(), Error> {
    let base = if prefix.is_empty() {
        chart.name().to_string()
    } else {
        format!("{prefix}/{}", chart.name())
    };
    let mut put = |name: &str, data: &[u8]| -> Result<(), Error> {
        let mut header = tar::Header::new_ustar();
        header.set_mode(0o644);
        header.set_size(data.len() as u64);
        header.set_mtime(mtime);
        header.set_entry_type(tar::EntryType::Regular);
        let path = crate::archive::go_clean(&format!("{base}/{name}"));
        tar.append_data(&mut header, path, data)
            .map_err(write_error)
    };
    put("Chart.yaml", chart_yaml(&chart.metadata)?.as_bytes())?;
    if chart.metadata.api_version == "v2"
        && let Some(lock) = &chart.lock
    {
        put("Chart.lock", lock_yaml(lock)?.as_bytes())?;
    }
    if let Some(values) = &chart.raw_values {
        put("values.yaml", values)?;
    }
    if let Some(schema) = &chart.schema {
        if kelm_yaml::from_json_bytes(schema).is_err() {
            return Err(Error::new("invalid JSON in values.schema.json"));
        }
        put("values.schema.json", schema)?;
    }
    for f in chart.templates.iter().chain(&chart.files) {
        put(&f.name, &f.data)?;
    }
    for sub in &chart.subcharts {
        write_chart(tar, sub, &format!("{base}/charts"), mtime)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_times_as_go_writes_them() {
        for (input, want) in [
            (
                "2024-05-01T10:00:00.500000000+00:00",
                "2024-05-01T10:00:00.5Z",
            ),
            ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z"),
            ("2024-01-02T03:04:05.000Z", "2024-01-02T03:04:05Z"),
            (
                "2024-01-02T03:04:05.120+02:00",
                "2024-01-02T03:04:05.12+02:00",
            ),
            ("", "0001-01-01T00:00:00Z"),
            ("yesterday", "yesterday"),
            ("2024-01-02T03:04:05.Z", "2024-01-02T03:04:05.Z"),
        ] {
            assert_eq!(go_time_json(input), want, "{input}");
        }
    }
}
