//! `values.schema.json` validation as Helm 4.1.4 does it
//! (`pkg/chart/common/util/jsonschema.go`): santhosh-tekuri's `jsonschema/v6`, whose
//! Rust twin by the same author is `boon`. The validation is boon's; the error texts
//! are rebuilt from boon's error tree in the words of the Go library (which differ in
//! places: Go says `missing property 'a'` where boon says `missing properties 'a'`).
//!
//! As in Helm 4.1.4, formats are asserted only where the draft asserts them by default
//! (draft-07 and earlier).

use std::fmt::Write as _;

use boon::{Compiler, ErrorKind, InstanceToken, Schemas, UrlLoader, ValidationError};
use kelm_yaml::Value;

use crate::gotype::{go_float_v, go_type_name};
use crate::{Error, ValuesChart};

/// The address Helm gives every chart's schema.
const SCHEMA_URL: &str = "file:///values.schema.json";

/// Helm's `ToRenderValuesWithSchemaValidation` check: validates coalesced `values`
/// against the chart's schema and each subchart's schema against its part, failing
/// with Helm's `values don't meet the specifications of the schema(s) in the following
/// chart(s):` message listing each failing chart.
pub fn validate_values(chart: &dyn ValuesChart, values: &Value) -> Result<(), Error> {
    validate_against_schema(chart, values).map_err(|m| {
        Error::new(format!(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n{m}"
        ))
    })
}

/// Helm's `ValidateAgainstSchema`: the chart-by-chart report (without the heading of
/// [`validate_values`]), or `Ok` when every schema is met.
pub fn validate_against_schema(chart: &dyn ValuesChart, values: &Value) -> Result<(), String> {
    let mut report = String::new();
    if let Some(schema) = chart.schema()
        && let Err(e) = validate_single(values, schema)
    {
        let _ = write!(report, "{}:\n{e}", chart.name());
    }
    for sub in chart.subcharts() {
        let raw = match values {
            Value::Map(m) => m.get(sub.name()),
            _ => None,
        };
        match raw {
            None | Some(Value::Null) => {}
            Some(v @ Value::Map(_)) => {
                if let Err(e) = validate_against_schema(sub, v) {
                    report.push_str(&e);
                }
            }
            Some(other) => {
                let _ = writeln!(
                    report,
                    "{}:\ninvalid type for values: expected object (map), got {}",
                    sub.name(),
                    go_type_name(other)
                );
            }
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

/// Helm's `ValidateAgainstSingleSchema`: `values` against one schema document. The
/// error of a failed validation ends with a newline, as Helm's does.
pub fn validate_single(values: &Value, schema: &[u8]) -> Result<(), String> {
    let doc = parse_schema(schema)?;
    let mut compiler = Compiler::new();
    compiler.use_loader(Box::new(Loader));
    compiler
        .add_resource(SCHEMA_URL, doc)
        .map_err(|e| e.to_string())?;
    let mut schemas = Schemas::new();
    let index = compiler
        .compile(SCHEMA_URL, &mut schemas)
        .map_err(|e| e.to_string())?;
    let instance = to_json(values);
    match schemas.validate(&instance, index) {
        Ok(()) => Ok(()),
        Err(e) => {
            let mut out = String::new();
            display(&e, 0, &mut out);
            let prefix = format!("jsonschema validation failed with '{SCHEMA_URL}#'\n");
            let text = out.strip_prefix(&prefix).unwrap_or(&out).to_string();
            Err(text + "\n")
        }
    }
}

/// The schema document as the Go library reads it (`UnmarshalJSON`, a decoder): Go's
/// decoder errors.
fn parse_schema(schema: &[u8]) -> Result<serde_json::Value, String> {
    if let Err(e) = kelm_yaml::from_json_bytes(schema) {
        let msg = e.message();
        return Err(if msg == "unexpected end of JSON input" {
            "unexpected EOF".to_string()
        } else if msg.ends_with("after top-level value") {
            "invalid character after top-level value".to_string()
        } else {
            msg.to_string()
        });
    }
    serde_json::from_slice(schema).map_err(|e| e.to_string())
}

/// Values as JSON for the validator, numbers keeping their kind.
fn to_json(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Uint(u) => J::from(*u),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::String(s) => J::String(s.clone()),
        Value::Time(t) => J::String(t.to_string()),
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

/// Remote schemas are not fetched; `urn:` references that nothing resolves are
/// permissive (`true`), as in Helm.
struct Loader;

impl UrlLoader for Loader {
    fn load(&self, url: &str) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
        if url.starts_with("urn:") {
            return Ok(serde_json::Value::Bool(true));
        }
        if let Some(path) = url.strip_prefix("file://") {
            let data = std::fs::read(path)?;
            return Ok(serde_json::from_slice(&data)?);
        }
        Err(format!("loading {url} is not supported").into())
    }
}

/// The Go library's `ValidationError.Error()`: the tree, one `- at '<ptr>': <what>`
/// line per error, indented by depth, single-cause references skipped.
fn display(e: &ValidationError<'_, '_>, indent: usize, out: &mut String) {
    let mut indent = indent;
    let skip = e.causes.len() == 1 && matches!(e.kind, ErrorKind::Reference { .. });
    if !skip {
        if indent > 0 {
            out.push('\n');
            for _ in 0..indent - 1 {
                out.push_str("  ");
            }
            out.push_str("- ");
        }
        indent += 1;
        if let ErrorKind::Schema { url } = &e.kind {
            let _ = write!(out, "jsonschema validation failed with {}", quote(url));
        } else {
            let _ = write!(out, "at {}: {}", quote(&pointer(e)), kind_text(&e.kind));
        }
    }
    for cause in &e.causes {
        display(cause, indent, out);
    }
}

fn pointer(e: &ValidationError<'_, '_>) -> String {
    let mut s = String::new();
    for token in &e.instance_location.tokens {
        s.push('/');
        match token {
            InstanceToken::Prop(p) => s.push_str(&p.replace('~', "~0").replace('/', "~1")),
            InstanceToken::Item(i) => s.push_str(&i.to_string()),
        }
    }
    s
}

/// The Go library's `quote`: Go's `%q` inside single quotes, double quotes bare.
fn quote(s: &str) -> String {
    let q = kelm_strconv::quote(s);
    let inner = &q[1..q.len() - 1];
    format!("'{}'", inner.replace("\\\"", "\"").replace('\'', "\\'"))
}

fn join_quoted<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| quote(s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Go library's `display` of a primitive JSON value.
fn display_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => quote(s),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => "value".into(),
        serde_json::Value::Null => "<nil>".into(),
        other => other.to_string(),
    }
}

/// A number as the Go library's English message printer writes `%v` of a float64:
/// Go's digits with the integer part grouped by thousands (`70,000`).
fn number(n: &serde_json::Number) -> String {
    grouped(&go_float_v(n.as_f64().unwrap_or(0.0)))
}

/// Groups the integer digits of a formatted number by thousands with commas.
fn grouped(s: &str) -> String {
    if s.contains(['e', 'I', 'N']) {
        return s.to_string();
    }
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(a, b)| (a, Some(b)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A count as the printer writes `%d`: grouped by thousands.
fn count(n: usize) -> String {
    grouped(&n.to_string())
}

/// One error's text, in the Go library's English words.
fn kind_text(kind: &ErrorKind<'_, '_>) -> String {
    use ErrorKind as K;
    match kind {
        K::Group | K::Reference { .. } => "validation failed".into(),
        K::Schema { url } => format!("jsonschema validation failed with {}", quote(url)),
        K::ContentSchema => "contentSchema failed".into(),
        K::PropertyName { prop } => format!("invalid propertyName {}", quote(prop)),
        K::RefCycle {
            url,
            kw_loc1,
            kw_loc2,
        } => {
            format!(
                "both {kw_loc1} and {kw_loc2} resolve to {} causing reference cycle",
                kelm_strconv::quote(url)
            )
        }
        K::FalseSchema => "false schema".into(),
        K::Type { got, want } => {
            let want: Vec<String> = want.iter().map(|t| t.to_string()).collect();
            format!("got {got}, want {}", want.join(" or "))
        }
        K::Enum { want } => {
            if want.iter().all(|v| !v.is_array() && !v.is_object()) {
                if want.len() == 1 {
                    format!("value must be {}", display_value(&want[0]))
                } else {
                    let items: Vec<String> = want.iter().map(display_value).collect();
                    format!("value must be one of {}", items.join(", "))
                }
            } else {
                "enum failed".into()
            }
        }
        K::Const { want } => {
            if want.is_array() || want.is_object() {
                "const failed".into()
            } else {
                format!("value must be {}", display_value(want))
            }
        }
        K::Format { got, want, err } => {
            format!("{} is not valid {want}: {err}", display_value(got))
        }
        K::MinProperties { got, want } => {
            format!("minProperties: got {}, want {}", count(*got), count(*want))
        }
        K::MaxProperties { got, want } => {
            format!("maxProperties: got {}, want {}", count(*got), count(*want))
        }
        K::AdditionalProperties { got } => {
            format!("additional properties {} not allowed", join_quoted(got))
        }
        K::Required { want } if want.len() == 1 => format!("missing property {}", quote(want[0])),
        K::Required { want } => format!("missing properties {}", join_quoted(want)),
        K::Dependency { prop, missing } | K::DependentRequired { prop, missing } => {
            format!(
                "properties {} required, if {} exists",
                join_quoted(missing),
                quote(prop)
            )
        }
        K::MinItems { got, want } => {
            format!("minItems: got {}, want {}", count(*got), count(*want))
        }
        K::MaxItems { got, want } => {
            format!("maxItems: got {}, want {}", count(*got), count(*want))
        }
        K::Contains => "no items match contains schema".into(),
        K::MinContains { got, want } if got.is_empty() => {
            format!("min {want} items required to match contains schema, but none matched")
        }
        K::MinContains { got, want } => format!(
            "min {want} items required to match contains schema, but matched {} items at {}",
            got.len(),
            spaced(got)
        ),
        K::MaxContains { got, want } => format!(
            "max {want} items required to match contains schema, but matched {} items at {}",
            got.len(),
            spaced(got)
        ),
        K::UniqueItems { got } => format!("items at {} and {} are equal", got[0], got[1]),
        K::AdditionalItems { got } => format!("last {got} additionalItem(s) not allowed"),
        K::MinLength { got, want } => {
            format!("minLength: got {}, want {}", count(*got), count(*want))
        }
        K::MaxLength { got, want } => {
            format!("maxLength: got {}, want {}", count(*got), count(*want))
        }
        K::Pattern { got, want } => {
            format!("{} does not match pattern {}", quote(got), quote(want))
        }
        K::ContentEncoding { want, err } => format!("value is not {} encoded: {err}", quote(want)),
        K::ContentMediaType { want, err, .. } => {
            format!("value if not of mediatype {}: {err}", quote(want))
        }
        K::Minimum { got, want } => format!("minimum: got {}, want {}", number(got), number(want)),
        K::Maximum { got, want } => format!("maximum: got {}, want {}", number(got), number(want)),
        K::ExclusiveMinimum { got, want } => {
            format!(
                "exclusiveMinimum: got {}, want {}",
                number(got),
                number(want)
            )
        }
        K::ExclusiveMaximum { got, want } => {
            format!(
                "exclusiveMaximum: got {}, want {}",
                number(got),
                number(want)
            )
        }
        K::MultipleOf { got, want } => {
            format!("multipleOf: got {}, want {}", number(got), number(want))
        }
        K::Not => "'not' failed".into(),
        K::AllOf => "'allOf' failed".into(),
        K::AnyOf => "'anyOf' failed".into(),
        K::OneOf(None) => "'oneOf' failed, none matched".into(),
        K::OneOf(Some((a, b))) => format!("'oneOf' failed, subschemas {a}, {b} matched"),
    }
}

fn spaced(items: &[usize]) -> String {
    items
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}
