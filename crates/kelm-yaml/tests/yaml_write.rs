//! kelm-yaml's printers against what Go recorded (tools/gen-yaml-write-cases): every
//! case's `to_yaml` output (or error) and `to_yaml_pretty` output, byte for byte.

use kelm_yaml::{Map, Value, to_yaml, to_yaml_pretty};
use serde_json::Value as Json;

const CASES: &str = include_str!("data/yaml_write_cases.jsonl");

/// Builds the value a typed JSON text describes (see the generator's main.go).
fn typed(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Float(n.as_f64().expect("a float64")),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Seq(items.iter().map(typed).collect()),
        Json::Object(o) => {
            if o.len() == 1 {
                let (k, v) = o.iter().next().expect("one entry");
                match k.as_str() {
                    "$int" => return Value::Int(v.as_i64().expect("an int64")),
                    "$uint" => return Value::Uint(v.as_u64().expect("a uint64")),
                    "$float" => {
                        return Value::Float(match v.as_str().expect("a float name") {
                            "NaN" => f64::NAN,
                            "+Inf" => f64::INFINITY,
                            "-Inf" => f64::NEG_INFINITY,
                            "-0" => -0.0,
                            other => other.parse().expect("a float"),
                        });
                    }
                    "$map" => return typed_map(v),
                    _ => {}
                }
            }
            typed_map(j)
        }
    }
}

fn typed_map(j: &Json) -> Value {
    let o = j.as_object().expect("an object");
    Value::Map(
        o.iter()
            .map(|(k, v)| (k.clone(), typed(v)))
            .collect::<Map>(),
    )
}

#[test]
fn printers_match_go() {
    // KELM_YAML_WRITE_CASES names another case file (e.g. one the generator wrote with
    // another -seed) to check instead of the recorded one.
    let other = std::env::var("KELM_YAML_WRITE_CASES")
        .map(|path| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")));
    let cases = other.as_deref().unwrap_or(CASES);
    let (mut checked, mut unstable, mut failed) = (0, 0, Vec::new());
    for line in cases.lines() {
        let case: Json = serde_json::from_str(line).expect("a case");
        let name = case["name"].as_str().expect("a name");
        if case.get("unstable").is_some() {
            // Go's own key order varies from run to run for these keys.
            unstable += 1;
            continue;
        }
        let value = typed(&case["value"]);
        let got = to_yaml(&value);
        let want = match (case.get("yaml"), case.get("yaml_err")) {
            (Some(y), _) => Ok(y.as_str().expect("text").to_string()),
            (_, Some(e)) => Err(e.as_str().expect("text").to_string()),
            _ => panic!("{name}: no expectation"),
        };
        let got = got.map_err(|e| e.message().to_string());
        if got != want {
            failed.push(format!(
                "{name}: to_yaml\n  got:  {got:?}\n  want: {want:?}"
            ));
        }
        if let Some(p) = case.get("pretty") {
            let got = to_yaml_pretty(&value).map_err(|e| e.message().to_string());
            let want = Ok(p.as_str().expect("text").to_string());
            if got != want {
                failed.push(format!(
                    "{name}: to_yaml_pretty\n  got:  {got:?}\n  want: {want:?}"
                ));
            }
        }
        checked += 1;
    }
    for f in failed.iter().take(50) {
        eprintln!("{f}\n");
    }
    eprintln!(
        "{checked} cases checked, {unstable} skipped (unstable in Go), {} mismatches",
        failed.len()
    );
    assert!(failed.is_empty(), "{} mismatches", failed.len());
}
