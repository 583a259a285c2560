//! Helm's charts: the model and the loader (Helm v4.1.4's `pkg/chart/v2`,
//! `pkg/chart/v2/loader`, `pkg/chart/loader`, `pkg/ignore`).
//!
//! A chart is loaded from a directory or a `.tgz` archive into a [`Chart`]: its
//! `Chart.yaml` ([`Metadata`], decoded as `sigs.k8s.io/yaml` decodes it into Helm's
//! struct, then validated with Helm's rules and messages), lock file, templates,
//! default values (every document of `values.yaml` merged), schema, other files and
//! subcharts (`charts/<name>/` directories and `charts/<name>.tgz` archives). Errors
//! carry Helm's texts, so the CLI prints them unchanged.
//!
//! | Helm | here |
//! |---|---|
//! | `loader.Load` (dispatching on `apiVersion`; `helm template`, `install`) | [`load`] |
//! | `v2/loader.Load` (`helm show`) | [`load_v2`] |
//! | `LoadDir`, `LoadFile`, `LoadArchive`, `LoadFiles` | [`load_dir`], [`load_file`], [`load_archive`], [`load_files`] |
//! | `archive.LoadArchiveFiles` | [`archive::load_archive_files`] |
//! | `pkg/ignore` (`.helmignore`) | [`ignore::Rules`] |
//! | `Chart.CRDObjects`, `IsLibraryChart` | [`Chart::crd_objects`], [`Chart::is_library`] |
//! | `.Chart` in templates (`MetadataAsMap`) | [`Metadata::template_map`] |
//! | `chartutil.SaveChartfile`, `Save`'s archive layout | [`save::chart_yaml`], [`save::archive`] |
//!
//! Rendering and values coalescing live elsewhere (`kelm-engine`, `kelm-values`).

pub mod archive;
mod decode;
mod dir;
mod error;
pub mod ignore;
mod load;
mod metadata;
mod model;

pub mod save;

pub use dir::read_dir_files;
pub use error::Error;
pub use load::{
    check_chartfile_strict, load, load_archive, load_dir, load_file, load_files, load_v2,
    load_values, parse_chartfile,
};
pub use metadata::is_valid_semver;
pub use model::{Chart, CrdObject, Dependency, File, Lock, LogRecord, Maintainer, Metadata};
