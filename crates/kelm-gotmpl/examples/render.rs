//! Renders a Go template file with data from a JSON file, as Helm would see it.
//!
//! ```text
//! cargo run -p kelm-gotmpl --example render -- TEMPLATE_FILE DATA_FILE
//! ```
//!
//! The template is named after the file's base name (as Go's `ParseFiles` names it) and
//! runs with `missingkey=zero` (as Helm runs chart templates). JSON numbers become
//! float64, objects `map[string]interface {}` and arrays `[]interface {}`: what Go's
//! `encoding/json` decodes into `interface {}`, and so what Helm's values are. The
//! output goes to standard output; on failure Go's error text goes to standard error and
//! the exit status is 1 (the partial output is dropped, as Helm drops it).

use std::path::Path;
use std::process::ExitCode;

use kelm_gotmpl::{List, Map, Template, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template_path, data_path] = args.as_slice() else {
        eprintln!("usage: render TEMPLATE_FILE DATA_FILE");
        return ExitCode::from(2);
    };
    match render(Path::new(template_path), Path::new(data_path)) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads both files and renders; the error is the text to print.
fn render(template_path: &Path, data_path: &Path) -> Result<String, String> {
    let read =
        |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("reading {}: {e}", p.display()));
    let text = read(template_path)?;
    let json: serde_json::Value = serde_json::from_str(&read(data_path)?)
        .map_err(|e| format!("parsing {}: {e}", data_path.display()))?;

    let name = template_path.file_name().map_or_else(
        || template_path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut template = Template::new(name);
    template.option("missingkey=zero")?;
    template.parse(&text).map_err(|e| e.to_string())?;
    let mut out = String::new();
    template
        .execute(&to_value(json), &mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The value Go's `json.Unmarshal` into `interface {}` would produce.
fn to_value(json: serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::nil(),
        serde_json::Value::Bool(b) => Value::from(b),
        // With serde_json's `float_roundtrip`, every number converts to the nearest
        // float64, as Go's decoder rounds it.
        serde_json::Value::Number(n) => {
            Value::float64(n.as_f64().expect("JSON numbers fit a float64"))
        }
        serde_json::Value::String(s) => Value::from(s),
        serde_json::Value::Array(items) => {
            Value::List(List::new(items.into_iter().map(to_value).collect()))
        }
        serde_json::Value::Object(fields) => Value::Map(Map::from_entries(
            fields.into_iter().map(|(k, v)| (k, to_value(v))),
        )),
    }
}
