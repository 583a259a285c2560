//! Runs a case in kelm the way Helm's engine runs a chart's template.

use std::collections::HashSet;
use std::sync::mpsc;
use std::time::Duration;

use kelm_engine::errors;
use kelm_gotmpl::{MissingKey, Template, Value};

use super::case::Case;
use super::registry;

/// How long one case may run before it counts as hung.
const CASE_TIMEOUT: Duration = Duration::from_secs(60);

/// What kelm did with a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Rendered, with `<no value>` removed as Helm removes it.
    Output(String),
    /// Failed; the message as Helm would print it after `Error: `.
    Error(String),
    /// The case uses functions kelm does not have yet.
    NotAvailable(Vec<String>),
}

/// Names of all functions kelm provides to templates.
pub fn provided(enable_dns: bool) -> HashSet<String> {
    kelm_sprig::functions()
        .iter()
        .chain(registry::helm_functions(enable_dns).iter())
        .map(|f| f.name().to_string())
        .collect()
}

/// `function "X" not defined` for a function Helm has and kelm lacks.
fn undefined_function(msg: &str, provided: &HashSet<String>) -> Option<String> {
    let registered = registry::helm_registered();
    let mut rest = msg;
    while let Some(p) = rest.find("function \"") {
        let after = &rest[p + 10..];
        if let Some(q) = after.find('"') {
            let name = &after[..q];
            if after[q..].starts_with("\" not defined")
                && registered.contains(&name)
                && !provided.contains(name)
            {
                return Some(name.to_string());
            }
            rest = &after[q..];
        } else {
            break;
        }
    }
    None
}

/// Runs a case with its data (the typed dump of `.`).
pub fn run_case(c: &Case, data: &Value) -> Outcome {
    let enable_dns = c.enable_dns();
    let have = provided(enable_dns);
    let missing = registry::missing_replacing_functions(&c.all_text(), &have);
    if !missing.is_empty() {
        return Outcome::NotAvailable(missing.iter().map(|s| s.to_string()).collect());
    }
    // Helm: one root template "gotpl", missingkey=zero, Sprig's functions then Helm's.
    let mut t = Template::new("gotpl");
    t.missing_key(MissingKey::Zero);
    t.add_funcs(kelm_sprig::functions());
    t.add_funcs(registry::helm_functions(enable_dns));
    // Helm parses by path depth, deepest first, then in reverse lexical order.
    let mut files: Vec<(String, &str)> = c
        .files
        .iter()
        .map(|f| (f.template_name(), f.text.as_str()))
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0));
    for (name, text) in &files {
        if let Err(e) = t.parse_named(name, text) {
            let msg = e.to_string();
            if let Some(f) = undefined_function(&msg, &have) {
                return Outcome::NotAvailable(vec![f]);
            }
            return Outcome::Error(errors::template_error(name, &e));
        }
    }
    let main = c.main().template_name();
    let mut out = String::new();
    match t.execute_template(&main, data, &mut out) {
        Ok(()) => Outcome::Output(out.replace("<no value>", "")),
        Err(e) => {
            let msg = e.to_string();
            if let Some(f) = undefined_function(&msg, &have) {
                return Outcome::NotAvailable(vec![f]);
            }
            Outcome::Error(errors::template_error(&main, &e))
        }
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic)".to_string()
    }
}

/// Runs a case on its own thread, catching panics and giving up after a timeout.
/// `data` builds the case's data (fresh for each run: templates may change maps).
pub fn run_isolated(
    c: &Case,
    data: impl FnOnce() -> Result<Value, String> + Send + 'static,
) -> Result<Outcome, String> {
    let (tx, rx) = mpsc::channel();
    let c2 = c.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("case {}", c.name))
        .stack_size(256 << 20)
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let d = data()?;
                Ok(run_case(&c2, &d))
            }));
            let _ = tx.send(r.unwrap_or_else(|p| Err(format!("panicked: {}", panic_message(&*p)))));
        });
    if let Err(e) = spawned {
        return Err(format!("could not start the case's thread: {e}"));
    }
    match rx.recv_timeout(CASE_TIMEOUT) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("did not finish within {CASE_TIMEOUT:?}"))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the case's thread died".to_string()),
    }
}
