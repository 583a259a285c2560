//! Sprig's JSON functions: `toJson`, `toPrettyJson`, `toRawJson`, `fromJson` and their
//! `must` forms, as Sprig v3.3.0 defines them (`defaults.go`). Helm replaces `toJson`,
//! `mustToJson` and `fromJson` with its own.
//!
//! The plain forms swallow errors (`toJson` of NaN is ""), except `toRawJson`, which
//! panics and so fails the template as the `must` forms do. `fromJson` returns what Go's
//! decoder left in its `interface{}` (nil for invalid JSON).

use kelm_gotmpl::{FuncError, Function, Value};
use kelm_yaml::{JsonStyle, JsonTarget};

use crate::conv::{ANY, STRING, arg_str, func, func_err};
use crate::data;

/// `json.Marshal`.
const COMPACT: JsonStyle = JsonStyle {
    escape_html: true,
    indent: None,
};
/// `json.MarshalIndent(v, "", "  ")`.
const PRETTY: JsonStyle = JsonStyle {
    escape_html: true,
    indent: Some("  "),
};
/// An `Encoder` with `SetEscapeHTML(false)`, its newline trimmed.
const RAW: JsonStyle = JsonStyle {
    escape_html: false,
    indent: None,
};

fn marshal(v: &Value, style: JsonStyle) -> Result<Value, FuncError> {
    data::marshal_json(v, style)
        .map(Value::from)
        .map_err(|e| FuncError::new(e.message()))
}

/// `json.Unmarshal` into an `interface{}`: the value and the error.
fn unmarshal(text: &str) -> (Value, Option<kelm_yaml::Error>) {
    let (d, e) = kelm_yaml::from_json_into(text, JsonTarget::Any);
    (data::from_data(&d), e)
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let swallowing = |name: &str, style: JsonStyle| {
        func(name, vec![ANY], STRING, move |a| {
            Ok(marshal(&a[0], style).unwrap_or_else(|_| Value::from("")))
        })
    };
    vec![
        swallowing("toJson", COMPACT),
        func_err("mustToJson", vec![ANY], STRING, |a| marshal(&a[0], COMPACT)),
        swallowing("toPrettyJson", PRETTY),
        func_err("mustToPrettyJson", vec![ANY], STRING, |a| {
            marshal(&a[0], PRETTY)
        }),
        // Sprig's toRawJson panics on errors: the template fails as with the must form.
        func("toRawJson", vec![ANY], STRING, |a| marshal(&a[0], RAW)),
        func_err("mustToRawJson", vec![ANY], STRING, |a| marshal(&a[0], RAW)),
        func("fromJson", vec![STRING], ANY, |a| {
            Ok(unmarshal(arg_str(&a[0])).0)
        }),
        func_err("mustFromJson", vec![STRING], ANY, |a| {
            match unmarshal(arg_str(&a[0])) {
                (v, None) => Ok(v),
                (_, Some(e)) => Err(FuncError::new(e.message())),
            }
        }),
    ]
}
