//! Sprig v3.3.0's template functions, for `kelm-gotmpl`, with Sprig's results and errors.
//!
//! Helm registers Sprig's whole text function map except `env` and `expandenv`, then
//! adds its own functions (`toYaml`, `include`, `tpl`, `required`, ...) on top; those
//! live with the rest of Helm's rendering (`kelm-engine`). This crate is Sprig alone:
//! it knows Go's value model (from `kelm-gotmpl`) but nothing of charts.
//!
//! Its [`data`] module is the bridge between template values and the data `kelm-yaml`
//! reads and prints (what Go's JSON, YAML and TOML encoders make of a template value,
//! and the values Go's decoders produce); Sprig's JSON functions use it, and so do
//! Helm's YAML, JSON and TOML functions.
//!
//! Each function has the Go signature Sprig gives it, so argument conversion and the
//! resulting errors (`wrong type for value; expected int; got float64`) are Go's; the
//! bodies reproduce Sprig's Go code's behaviour, including the quirks of the libraries
//! it calls (`spf13/cast`, `xstrings`, `Masterminds/semver`, `shopspring/decimal`).
//!
//! ```
//! let mut t = kelm_gotmpl::Template::new("t");
//! t.add_funcs(kelm_sprig::functions());
//! t.parse(r#"{{ "hello" | upper | repeat 2 }}"#).unwrap();
//! let mut out = String::new();
//! t.execute(&kelm_gotmpl::Value::nil(), &mut out).unwrap();
//! assert_eq!(out, "HELLOHELLO");
//! ```

use kelm_gotmpl::Function;

mod conv;
mod crypto;
pub mod data;
mod date;
mod defaults;
mod dicts;
mod encoding;
mod json;
mod lists;
mod math;
pub mod network;
mod paths;
mod random;
mod reflect;
mod regex;
mod semver;
mod strings;
mod url;

pub use semver::is_compatible_range;

/// Names Sprig defines that Helm does not register (they read the environment).
pub const EXCLUDED_BY_HELM: &[&str] = &["env", "expandenv"];

/// Every Sprig function Helm registers, with Sprig's names (aliases included).
pub fn functions() -> Vec<Function> {
    let mut all = Vec::new();
    for group in [
        conv::functions,
        crypto::functions,
        date::functions,
        defaults::functions,
        dicts::functions,
        encoding::functions,
        json::functions,
        lists::functions,
        math::functions,
        network::functions,
        paths::functions,
        random::functions,
        reflect::functions,
        regex::functions,
        semver::functions,
        strings::functions,
        url::functions,
    ] {
        all.extend(group());
    }
    all
}
