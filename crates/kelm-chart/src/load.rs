//! Turning chart files into a [`Chart`] (Helm's `LoadFiles`), and the entry points
//! that read them from a directory or an archive.

use std::collections::BTreeMap;
use std::path::Path;

use kelm_yaml::Value;

use crate::archive::{self, BufferedFile};
use crate::model::{Chart, File, LogRecord, Metadata};
use crate::{Error, decode, dir};

fn yaml_doc(data: &[u8], what: &str) -> Result<Value, Error> {
    kelm_yaml::from_yaml_typed_bytes(data)
        .map_err(|e| Error::new(format!("cannot load {what}: {}", e.message())))
}

fn decode_into(md: &mut Metadata, data: &[u8], what: &str) -> Result<(), Error> {
    let doc = yaml_doc(data, what)?;
    decode::metadata(md, &doc).map_err(|e| e.context(format_args!("cannot load {what}")))
}

/// Helm 4's `LoadValues`: every YAML document of a values file, merged in order.
pub fn load_values(data: &[u8]) -> Result<Value, Error> {
    let docs = kelm_yaml::from_yaml_documents_bytes(data).map_err(|e| Error::new(e.message()))?;
    let mut merged = kelm_yaml::Map::new();
    for doc in docs {
        if let Some(m) = doc.into_map() {
            merge_maps(&mut merged, m);
        }
    }
    Ok(Value::Map(merged))
}

/// Helm's `MergeMaps`: `b`'s keys replace `a`'s, maps under the same key merge.
fn merge_maps(a: &mut kelm_yaml::Map, b: kelm_yaml::Map) {
    for (k, v) in b {
        if let Some(Value::Map(old)) = a.get_mut(&k)
            && matches!(v, Value::Map(_))
        {
            merge_maps(old, v.into_map().unwrap_or_default());
            continue;
        }
        a.insert(k, v);
    }
}

/// Helm's `LoadFiles` (chart v2 loader): classifies the files, reads `Chart.yaml`,
/// lock and values files, validates the metadata and loads the subcharts under
/// `charts/`.
pub fn load_files(files: Vec<BufferedFile>) -> Result<Chart, Error> {
    let mut metadata: Option<Metadata> = None;
    for f in files.iter().filter(|f| f.name == "Chart.yaml") {
        let md = metadata.get_or_insert_with(Metadata::default);
        decode_into(md, &f.data, "Chart.yaml")?;
        if md.api_version.is_empty() {
            md.api_version = "v1".into();
        }
    }
    let mut c = Chart {
        metadata: Metadata::default(),
        lock: None,
        templates: Vec::new(),
        values: Value::Map(kelm_yaml::Map::new()),
        raw_values: None,
        schema: None,
        files: Vec::new(),
        subcharts: Vec::new(),
        log: Vec::new(),
    };
    let warn = |log: &mut Vec<LogRecord>, message: &str| {
        log.push(LogRecord {
            message: message.to_string(),
            attrs: Vec::new(),
        })
    };
    let mut subcharts: BTreeMap<String, Vec<BufferedFile>> = BTreeMap::new();
    for f in files {
        match f.name.as_str() {
            "Chart.yaml" => {}
            "Chart.lock" => {
                c.lock = decode::lock(&yaml_doc(&f.data, "Chart.lock")?)
                    .map_err(|e| e.context("cannot load Chart.lock"))?;
            }
            "values.yaml" => {
                c.values =
                    load_values(&f.data).map_err(|e| e.context("cannot load values.yaml"))?;
                c.raw_values = Some(f.data);
            }
            "values.schema.json" => c.schema = Some(f.data),
            "requirements.yaml" => {
                let md = metadata.get_or_insert_with(Metadata::default);
                if md.api_version != "v1" {
                    warn(
                        &mut c.log,
                        "Warning: Dependencies are handled in Chart.yaml since apiVersion \"v2\". We recommend migrating dependencies to Chart.yaml.",
                    );
                }
                decode_into(md, &f.data, "requirements.yaml")?;
                if md.api_version == "v1" {
                    c.files.push(File {
                        name: f.name,
                        data: f.data.into(),
                    });
                }
            }
            "requirements.lock" => {
                c.lock = decode::lock(&yaml_doc(&f.data, "requirements.lock")?)
                    .map_err(|e| e.context("cannot load requirements.lock"))?;
                let md = metadata.get_or_insert_with(Metadata::default);
                if md.api_version != "v1" {
                    warn(
                        &mut c.log,
                        "Warning: Dependency locking is handled in Chart.lock since apiVersion \"v2\". We recommend migrating to Chart.lock.",
                    );
                }
                if md.api_version == "v1" {
                    c.files.push(File {
                        name: f.name,
                        data: f.data.into(),
                    });
                }
            }
            n if n.starts_with("templates/") => c.templates.push(File {
                name: f.name,
                data: f.data.into(),
            }),
            n if n.starts_with("charts/") => {
                if go_ext(n) == ".prov" {
                    c.files.push(File {
                        name: f.name,
                        data: f.data.into(),
                    });
                    continue;
                }
                let inner = &n["charts/".len()..];
                let sub = inner.split('/').next().unwrap_or_default().to_string();
                let name = inner.to_string();
                subcharts
                    .entry(sub)
                    .or_default()
                    .push(BufferedFile { name, data: f.data });
            }
            _ => c.files.push(File {
                name: f.name,
                data: f.data.into(),
            }),
        }
    }
    let Some(mut metadata) = metadata else {
        return Err(Error::new("Chart.yaml file is missing"));
    };
    metadata.validate()?;
    c.metadata = metadata;
    // Helm walks a Go map here, in no fixed order; kelm sorts by name.
    for (n, files) in subcharts {
        if n.starts_with('_') || n.starts_with('.') {
            continue;
        }
        let loaded = if go_ext(&n) == ".tgz" {
            let file = &files[0];
            if file.name != n {
                return Err(Error::new(format!(
                    "error unpacking subchart tar in {}: expected {n}, got {}",
                    c.name(),
                    file.name
                )));
            }
            archive::load_archive_files(&file.data).and_then(load_files)
        } else {
            let inner = files
                .into_iter()
                .filter_map(|mut f| {
                    let i = f.name.find('/')?;
                    f.name.drain(..=i);
                    Some(f)
                })
                .collect();
            load_files(inner)
        };
        let sub = loaded
            .map_err(|e| e.context(format_args!("error unpacking subchart {n} in {}", c.name())))?;
        c.subcharts.push(sub);
    }
    Ok(c)
}

/// Go's `filepath.Ext`.
fn go_ext(name: &str) -> &str {
    let base_start = name.rfind('/').map_or(0, |i| i + 1);
    match name[base_start..].rfind('.') {
        Some(i) => &name[base_start + i..],
        None => "",
    }
}

/// Helm's chart v2 `LoadArchive`: a chart from the bytes of a `.tgz`.
pub fn load_archive(data: &[u8]) -> Result<Chart, Error> {
    load_files(archive::load_archive_files(data)?)
}

/// Helm's chart v2 `LoadDir`: a chart from a directory, honouring `.helmignore`.
pub fn load_dir(path: &Path) -> Result<Chart, Error> {
    let (files, mut log) = dir::read_dir_files_logged(path)?;
    let mut chart = load_files(files)?;
    log.append(&mut chart.log);
    chart.log = log;
    Ok(chart)
}

/// Helm's chart v2 `LoadFile`: a chart from a `.tgz` file, after checking that it
/// looks like a gzip stream (`file '<path>' does not appear to be a gzipped archive;
/// got '<type>'`, or `seems to be a YAML file` for `.yaml`/`.yml` names).
pub fn load_file(path: &Path) -> Result<Chart, Error> {
    let data = read_archive_file(path)?;
    load_archive(&data).map_err(|e| {
        if e.message() == "gzip: invalid header" {
            Error::new(format!(
                "file '{}' does not appear to be a valid chart file (details: {e})",
                path.display()
            ))
        } else {
            e
        }
    })
}

fn read_archive_file(path: &Path) -> Result<Vec<u8>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| dir::go_path_error("stat", path, &e))?;
    if meta.is_dir() {
        return Err(Error::new("cannot load a directory"));
    }
    let data = std::fs::read(path).map_err(|e| dir::go_path_error("open", path, &e))?;
    let name = path.display().to_string();
    if !archive::looks_gzipped(&data) {
        if name.ends_with(".yml") || name.ends_with(".yaml") {
            return Err(Error::new(format!(
                "file '{name}' seems to be a YAML file, but expected a gzipped archive"
            )));
        }
        return Err(Error::new(format!(
            "file '{name}' does not appear to be a gzipped archive; got '{}'",
            archive::sniff_content_type(&data)
        )));
    }
    Ok(data)
}

/// Helm's chart v2 `Load` (what `helm show` uses): a directory or an archive file,
/// whatever its `apiVersion`.
pub fn load_v2(path: &Path) -> Result<Chart, Error> {
    let meta = std::fs::metadata(path).map_err(|e| dir::go_path_error("stat", path, &e))?;
    if meta.is_dir() {
        load_dir(path)
    } else {
        load_file(path)
    }
}

/// `apiVersion` as Helm's dispatching loader reads it first.
fn api_version(data: &[u8]) -> Result<String, Error> {
    let doc = yaml_doc(data, "Chart.yaml")?;
    let mut md = Metadata::default();
    if let Value::Map(m) = &doc {
        // Only apiVersion matters; the dispatcher's struct has no other field.
        let only: kelm_yaml::Map = m
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("apiversion"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        decode::metadata(&mut md, &Value::Map(only)).map_err(|e| {
            Error::new(format!(
                "cannot load Chart.yaml: {}",
                e.message()
                    .replace("Metadata.apiVersion", "chartBase.apiVersion")
            ))
        })?;
    } else if !matches!(doc, Value::Null) {
        return Err(Error::new(format!(
            "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type loader.chartBase",
            match doc {
                Value::Seq(_) => "array",
                Value::String(_) => "string",
                Value::Bool(_) => "bool",
                _ => "number",
            }
        )));
    }
    Ok(md.api_version)
}

fn check_api_version(v: &str) -> Result<(), Error> {
    match v {
        "v1" | "v2" | "" => Ok(()),
        "v3" => Err(Error::new(
            "chart apiVersion v3 (Helm's experimental chart format) is not supported by kelm yet",
        )),
        _ => Err(Error::new("unsupported chart version")),
    }
}

/// Helm's dispatching `Load` (`pkg/chart/loader`, what `helm template` and `install`
/// use): a directory or an archive file, refusing unknown `apiVersion`s with
/// `unsupported chart version`.
pub fn load(path: &Path) -> Result<Chart, Error> {
    let meta = std::fs::metadata(path).map_err(|e| dir::go_path_error("stat", path, &e))?;
    if meta.is_dir() {
        let top = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let chart_yaml = top.join("Chart.yaml");
        let data = std::fs::read(&chart_yaml).map_err(|e| {
            dir::go_path_error("open", &chart_yaml, &e).context(format_args!(
                "unable to detect chart at {}",
                chart_yaml.display()
            ))
        })?;
        check_api_version(&api_version(&data)?)?;
        return load_dir(path);
    }
    let data = read_archive_file(path)?;
    let files = archive::load_archive_files(&data).map_err(|e| {
        if e.message() == "gzip: invalid header" {
            Error::new(format!(
                "file '{}' does not appear to be a valid chart file (details: {e})",
                path.display()
            ))
        } else {
            Error::new("unable to load chart archive")
        }
    })?;
    let Some(chart_yaml) = files.iter().find(|f| f.name == "Chart.yaml") else {
        return Err(Error::new(
            "unable to detect chart version, no Chart.yaml found",
        ));
    };
    check_api_version(&api_version(&chart_yaml.data)?)?;
    load_files(files)
}

/// Helm's `chartutil.LoadChartfile`: `Chart.yaml`'s text decoded into [`Metadata`]
/// (`sigs.k8s.io/yaml.Unmarshal`), without defaults or validation. Errors are Go's
/// texts without any prefix.
pub fn parse_chartfile(data: &[u8]) -> Result<Metadata, Error> {
    let doc = kelm_yaml::from_yaml_typed_bytes(data).map_err(|e| Error::new(e.message()))?;
    let mut md = Metadata::default();
    decode::metadata(&mut md, &doc)?;
    Ok(md)
}

/// Helm's `chartutil.StrictLoadChartfile` on text [`parse_chartfile`] accepts: the
/// error for the first key `Metadata` has no field for, if any.
pub fn check_chartfile_strict(data: &[u8]) -> Result<(), Error> {
    let doc = kelm_yaml::from_yaml_typed_bytes(data).map_err(|e| Error::new(e.message()))?;
    match decode::unknown_metadata_field(&doc) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
