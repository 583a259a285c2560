//! The functions Helm's engine binds for each render (`pkg/engine/engine.go`):
//! `include`, `tpl`, `required`, `fail`, `lookup` and `getHostByName`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;

use kelm_gotmpl::{Call, ErrorKind, FuncError, Function, Map, Signature, Type, Value, strconv};

use crate::FuncOptions;
use crate::errors::{WARN_END, WARN_START};

/// Helm's `recursionMaxNums`: how many nested `include`s of one name may be running.
const RECURSION_MAX_NUMS: usize = 1000;

fn string_arg(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

/// Helm's `warnWrap`: marks a message so that error reporting finds it again in the
/// error chain (see [`crate::errors`]).
fn warn_wrap(message: &str) -> String {
    format!("{WARN_START}{message}{WARN_END}")
}

/// Helm's `includedNames`: how many `include`s of each name are running. Helm keeps
/// one per render; an execution runs on one thread (nested executions included), so
/// counting per thread counts per execution even when a template set is executed on
/// several threads at once.
#[derive(Default)]
struct Included(Mutex<HashMap<(ThreadId, String), usize>>);

impl Included {
    /// Counts one more `include` of `name`; fails past Helm's limit.
    fn enter(&self, name: &str) -> Result<(), FuncError> {
        let mut counts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = counts
            .entry((std::thread::current().id(), name.to_string()))
            .or_default();
        if *n > RECURSION_MAX_NUMS {
            return Err(FuncError::new(format!(
                "rendering template has a nested reference name: {name}: unable to execute template"
            )));
        }
        *n += 1;
        Ok(())
    }

    /// Counts one `include` of `name` less.
    fn leave(&self, name: &str) {
        let mut counts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let key = (std::thread::current().id(), name.to_string());
        if let Some(n) = counts.get_mut(&key) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&key);
            }
        }
    }
}

/// Helm's `include NAME DATA`: the output of the template NAME of the set being
/// executed (inside `tpl`, the set with `tpl`'s own definitions). Its error is the
/// template's error itself.
fn include(included: Arc<Included>) -> Function {
    Function::new(
        "include",
        Signature::new(vec![Type::String, Type::Any], Type::String).with_error(),
        move |call: &mut Call<'_>, a: &[Value]| {
            let name = string_arg(&a[0]);
            included.enter(name)?;
            let result = call.execute_template(name, &a[1]);
            included.leave(name);
            result.map(Value::from).map_err(FuncError::from)
        },
    )
}

/// Helm's `tpl TEXT DATA`: parses TEXT as a template named as the set's main template
/// (`gotpl` in Helm) in a copy of the set being executed, runs it with DATA, and
/// removes `<no value>` from the output.
fn tpl() -> Function {
    Function::new(
        "tpl",
        Signature::new(vec![Type::String, Type::Any], Type::String).with_error(),
        |call: &mut Call<'_>, a: &[Value]| {
            let text = string_arg(&a[0]);
            let name = call.set_name().to_string();
            match call.parse_and_execute(&name, text, &a[1]) {
                Ok(out) => Ok(Value::from(out.replace("<no value>", ""))),
                Err(e) => {
                    let what = match e.kind() {
                        ErrorKind::Parse => "cannot parse template",
                        ErrorKind::Exec => "error during tpl function execution for",
                    };
                    let message = format!("{what} {}: {e}", strconv::quote(text));
                    Err(FuncError::wrapping(message, e))
                }
            }
        },
    )
}

/// Helm's `required MESSAGE VALUE`: VALUE, unless it is nil or "" (then the template
/// fails with MESSAGE; in lint mode the result is "").
fn required(lint_mode: bool) -> Function {
    Function::new(
        "required",
        Signature::new(vec![Type::String, Type::Any], Type::Any).with_error(),
        move |_: &mut Call<'_>, a: &[Value]| {
            let value = &a[1];
            let missing = match value {
                Value::Invalid | Value::Nil(Type::Any) => true,
                Value::String(s) => s.is_empty(),
                _ => false,
            };
            if !missing {
                return Ok(value.clone());
            }
            if lint_mode {
                // Helm logs the miss (its wording differs for nil and "") and goes on.
                let what = if matches!(value, Value::String(_)) {
                    "missing required values"
                } else {
                    "missing required value"
                };
                lint_log("WARN", what, string_arg(&a[0]));
                return Ok(Value::from(""));
            }
            Err(FuncError::new(warn_wrap(string_arg(&a[0]))))
        },
    )
}

/// Writes what Helm's lint mode logs to stderr through `slog` (text handler) when
/// `required` or `fail` would have failed.
fn lint_log(level: &str, msg: &str, message: &str) {
    use std::io::Write;
    let record = kelm_chart::LogRecord {
        message: msg.to_string(),
        attrs: vec![("message".to_string(), message.to_string())],
    };
    let text = record.to_slog_text();
    let text = text.strip_prefix("level=INFO").unwrap_or(&text);
    let _ = writeln!(std::io::stderr(), "level={level}{text}");
}

/// Helm's `fail MESSAGE`: fails the template with MESSAGE (in lint mode, "").
fn fail(lint_mode: bool) -> Function {
    Function::new(
        "fail",
        Signature::new(vec![Type::String], Type::String).with_error(),
        move |_: &mut Call<'_>, a: &[Value]| {
            if lint_mode {
                lint_log("INFO", "funcMap fail", string_arg(&a[0]));
                return Ok(Value::from(""));
            }
            Err(FuncError::new(warn_wrap(string_arg(&a[0]))))
        },
    )
}

/// Helm's `lookup API_VERSION KIND NAMESPACE NAME`: the cluster's object, or an empty
/// map without a cluster (and in lint mode).
fn lookup(options: &FuncOptions) -> Function {
    let provider = options.lookup.clone().filter(|_| !options.lint_mode);
    Function::new(
        "lookup",
        Signature::new(vec![Type::String; 4], Type::map_of_any()).with_error(),
        move |_: &mut Call<'_>, a: &[Value]| match &provider {
            None => Ok(Value::Map(Map::new())),
            Some(p) => p
                .lookup(
                    string_arg(&a[0]),
                    string_arg(&a[1]),
                    string_arg(&a[2]),
                    string_arg(&a[3]),
                )
                .map(Value::Map)
                .map_err(FuncError::new),
        },
    )
}

/// `getHostByName NAME`: "" unless DNS lookups are enabled, then Sprig's lookup.
fn get_host_by_name(enable_dns: bool) -> Function {
    Function::new(
        "getHostByName",
        Signature::new(vec![Type::String], Type::String),
        move |_: &mut Call<'_>, a: &[Value]| {
            if !enable_dns {
                return Ok(Value::from(""));
            }
            kelm_sprig::network::get_host_by_name(string_arg(&a[0])).map(Value::from)
        },
    )
}

/// The functions Helm binds per render.
pub(crate) fn functions(options: &FuncOptions) -> Vec<Function> {
    vec![
        include(Arc::new(Included::default())),
        tpl(),
        required(options.lint_mode),
        fail(options.lint_mode),
        lookup(options),
        get_host_by_name(options.enable_dns),
    ]
}
