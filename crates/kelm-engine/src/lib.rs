//! Helm's rendering engine (`helm.sh/helm/v4/pkg/engine`, v4.1.4).
//!
//! Rendering a chart ([`render()`]: every template of a chart tree with Helm's
//! built-in objects `.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Files`,
//! `.Subcharts` and `.Template`, Helm's parse order and error texts), Helm's own
//! template functions ([`helm_functions`]) and how Helm's engine reports template
//! errors ([`errors`]).
//!
//! [`manifest`] turns rendered files into what Helm makes of them: documents split,
//! hooks told from manifests and sorted by kind, the release manifest and
//! `helm template`'s output.
//!
//! Helm builds one template set per render: a root template `gotpl` with
//! `missingkey=zero` (`missingkey=error` when strict), Sprig's functions (less `env`
//! and `expandenv`), then Helm's, which replace Sprig's `toJson`, `mustToJson`,
//! `fromJson`, `fail` and (unless DNS lookups are enabled) `getHostByName`.
//! [`template_functions`] gives that list in that order:
//!
//! ```
//! use kelm_gotmpl::{MissingKey, Template, Value};
//!
//! let mut t = Template::new("gotpl");
//! t.missing_key(MissingKey::Zero);
//! t.add_funcs(kelm_engine::template_functions(&kelm_engine::FuncOptions::default()));
//! t.parse_named("chart/templates/cm.yaml", r#"{{ dict "a" (list 1 2) | toYaml }}"#).unwrap();
//! let mut out = String::new();
//! t.execute_template("chart/templates/cm.yaml", &Value::nil(), &mut out).unwrap();
//! assert_eq!(out, "a:\n- 1\n- 2");
//! ```

mod capabilities;
pub mod errors;
mod files;
mod funcs;
pub mod manifest;
mod render;
mod render_funcs;

pub use capabilities::{BuildInfo, Capabilities, KubeVersion};
pub use render::{ReleaseOptions, RenderChart, RenderError, RenderOptions, render};

/// Bytes as a Go string conversion shows them when printed: invalid UTF-8 sequences
/// become U+FFFD. Valid text (nearly always) takes the standard library's fast,
/// word-at-a-time validation instead of the byte-by-byte scan of the lossy decoder.
pub fn lossy_string(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

use std::sync::Arc;

use kelm_gotmpl::{Function, Map};

/// Looks objects up in a Kubernetes cluster for Helm's `lookup` function.
///
/// Helm's `lookup "v1" "Secret" "ns" "name"` gets one object, and with an empty name
/// the list of them (`{"apiVersion": "v1", "kind": "SecretList", "items": [...]}`); an
/// object that does not exist is an empty map, not an error. Implementations return
/// the object as Kubernetes' unstructured JSON decodes it (integers as `int64`, other
/// numbers as `float64`), or an error message, which fails the template as
/// `error calling lookup: MESSAGE`.
pub trait Lookup: Send + Sync {
    /// The object (or list) for `lookup API_VERSION KIND NAMESPACE NAME`.
    fn lookup(
        &self,
        api_version: &str,
        kind: &str,
        namespace: &str,
        name: &str,
    ) -> Result<Map, String>;
}

/// What Helm's engine is configured with that changes its functions.
#[derive(Clone, Default)]
pub struct FuncOptions {
    /// `--enable-dns`: `getHostByName` resolves names (Sprig's function) instead of
    /// returning "".
    pub enable_dns: bool,
    /// Lint mode (`helm lint`): `required` and `fail` do not fail (they return ""),
    /// and `lookup` never asks the cluster.
    pub lint_mode: bool,
    /// The cluster behind `lookup`; without one (as under `helm template`), `lookup`
    /// returns an empty map.
    pub lookup: Option<Arc<dyn Lookup>>,
}

impl std::fmt::Debug for FuncOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuncOptions")
            .field("enable_dns", &self.enable_dns)
            .field("lint_mode", &self.lint_mode)
            .field("lookup", &self.lookup.as_ref().map(|_| "..."))
            .finish()
    }
}

/// Helm 4.1.4's own template functions, as its engine binds them for one render:
/// `toToml`, `fromToml`, `toYaml`, `mustToYaml`, `toYamlPretty`, `fromYaml`,
/// `fromYamlArray`, `toJson`, `mustToJson`, `fromJson`, `fromJsonArray`, `include`,
/// `tpl`, `required`, `fail`, `lookup` and `getHostByName`.
///
/// Register them after Sprig's ([`kelm_sprig::functions`]) so that they replace
/// Sprig's functions of the same names, as Helm does (or use
/// [`template_functions`]). `include` and `tpl` run templates of the set being
/// executed (through [`kelm_gotmpl::Call`]), so they work in any set they are
/// registered in; `include`'s recursion limit (1000 nested calls per template name)
/// is counted per execution, across the `tpl` calls within it, as Helm counts it per
/// render.
pub fn helm_functions(options: &FuncOptions) -> Vec<Function> {
    let mut all = funcs::functions();
    all.extend(render_funcs::functions(options));
    all
}

/// Every function a Helm template sees, in registration order: Sprig's (which Helm
/// registers without `env` and `expandenv`), then Helm's ([`helm_functions`]), which
/// replace some of Sprig's when added to a template set in this order.
pub fn template_functions(options: &FuncOptions) -> Vec<Function> {
    let mut all = kelm_sprig::functions();
    all.extend(helm_functions(options));
    all
}
