//! Times `to_yaml` and `to_yaml_pretty` on a values file, next to Go's numbers.
//!
//! Run through `tools/gen-yaml-write-cases/bench VALUES.yaml`, which has Go read the
//! file as Helm reads values, time `sigs.k8s.io/yaml.Marshal` and yaml.v3's encoder on
//! it, and hand the value (as JSON) and Go's outputs to this program through
//! `KELM_YAML_BENCH` (the path prefix of `.json`, `.yaml` and `.pretty.yaml`). This
//! checks the outputs are identical, then prints the time per call.

use kelm_yaml::{Map, Value, to_yaml, to_yaml_pretty};
use serde_json::Value as Json;
use std::time::{Duration, Instant};

/// The value Go's `yaml.Unmarshal` into `map[string]interface{}` gives (every number a
/// float64).
fn value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Float(n.as_f64().expect("a number")),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(a) => Value::Seq(a.iter().map(value).collect()),
        Json::Object(o) => Value::Map(
            o.iter()
                .map(|(k, v)| (k.clone(), value(v)))
                .collect::<Map>(),
        ),
    }
}

fn time(n: u32, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..n {
            size = std::hint::black_box(f());
        }
        best = best.min(start.elapsed() / n);
    }
    (best, size)
}

fn main() {
    let Ok(prefix) = std::env::var("KELM_YAML_BENCH") else {
        eprintln!("set KELM_YAML_BENCH (see tools/gen-yaml-write-cases/bench)");
        return;
    };
    let read = |ext: &str| {
        std::fs::read_to_string(format!("{prefix}{ext}"))
            .unwrap_or_else(|e| panic!("{prefix}{ext}: {e}"))
    };
    let v = value(&serde_json::from_str(&read(".json")).expect("JSON"));
    let n: u32 = std::env::var("KELM_YAML_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    for (name, f, want) in [
        (
            "toYaml",
            to_yaml as fn(&Value) -> Result<String, kelm_yaml::Error>,
            read(".yaml"),
        ),
        ("toYamlPretty", to_yaml_pretty, read(".pretty.yaml")),
    ] {
        let got = f(&v).expect("prints");
        assert!(got == want, "{name}: kelm's output differs from Go's");
        let (d, size) = time(n, || f(&v).expect("prints").len());
        println!("kelm {name}: {d:?} per call ({size} bytes, identical to Go's)");
    }
}
