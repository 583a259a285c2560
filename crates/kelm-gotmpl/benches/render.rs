//! Parse and execute throughput on a large Helm-like template, measured the same way as
//! `tools/gotmpl-bench` measures Go's `text/template`, so `scripts/bench-gotmpl` can
//! report the ratio from one run on one machine.
//!
//! Run: `cargo bench -p kelm-gotmpl --bench render -- [--seconds N] [OUTPUT_FILE]`.
//! Without `--bench` (as `cargo test --all-targets` runs it) it renders the workload
//! once and checks the output against the digest of Go's output for the same workload,
//! recorded by `scripts/bench-gotmpl` in `benches/data/go_output.sha256`.

use std::path::Path;
use std::time::Instant;

use kelm_gotmpl::{
    Call, FuncError, Function, IntKind, List, Map, Signature, Template, Type, Value,
};

fn to_value(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::nil(),
        serde_json::Value::Bool(b) => Value::Bool(*b),
        // Helm's values are float64 throughout; so are encoding/json's numbers.
        serde_json::Value::Number(n) => Value::float64(n.as_f64().unwrap_or(0.0)),
        serde_json::Value::String(s) => Value::from(s.as_str()),
        serde_json::Value::Array(a) => Value::List(List::new(a.iter().map(to_value).collect())),
        serde_json::Value::Object(o) => Value::Map(Map::from_entries(
            o.iter().map(|(k, v)| (k.as_str(), to_value(v))),
        )),
    }
}

fn parse(helpers: &str, main: &str) -> Template {
    let mut t = Template::new("gotpl");
    t.missing_key(kelm_gotmpl::MissingKey::Zero);
    t.add_func(Function::new(
        "nindent",
        Signature::new(vec![Type::Int(IntKind::Int), Type::String], Type::String),
        |_: &mut Call<'_>, args: &[Value]| {
            let (Value::Int(n, _), Value::String(s)) = (&args[0], &args[1]) else {
                return Err(FuncError::new("nindent: bad arguments"));
            };
            let pad = " ".repeat((*n).max(0) as usize);
            let mut out = String::with_capacity(s.len() + 16);
            out.push('\n');
            out.push_str(&pad);
            out.push_str(&s.replace('\n', &format!("\n{pad}")));
            Ok(Value::from(out))
        },
    ));
    t.add_func(Function::new(
        "include",
        Signature::new(vec![Type::String, Type::Any], Type::String).with_error(),
        |call: &mut Call<'_>, args: &[Value]| {
            let Value::String(name) = &args[0] else {
                return Err(FuncError::new("include: name is not a string"));
            };
            Ok(Value::from(call.execute_template(name, &args[1])?))
        },
    ));
    t.parse_named("bench/templates/_helpers.tpl", helpers)
        .expect("helpers parse");
    t.parse_named("bench/templates/main.yaml", main)
        .expect("main parse");
    t
}

fn execute(t: &Template, data: &Value) -> String {
    let mut out = String::new();
    t.execute_template("bench/templates/main.yaml", data, &mut out)
        .expect("execute");
    out.replace("<no value>", "")
}

/// Median of batch means per call, in nanoseconds (the method `tools/gotmpl-bench` uses).
fn measure(seconds: f64, mut f: impl FnMut()) -> f64 {
    let warm = Instant::now();
    let mut calls = 0u32;
    while warm.elapsed().as_secs_f64() < 0.3 || calls < 3 {
        f();
        calls += 1;
    }
    let per_call = warm.elapsed().as_secs_f64() / f64::from(calls);
    let batch = (0.1 / per_call) as u64 + 1;
    let mut means = Vec::new();
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < seconds || means.len() < 5 {
        let t0 = Instant::now();
        for _ in 0..batch {
            f();
        }
        means.push(t0.elapsed().as_nanos() as f64 / batch as f64);
    }
    means.sort_by(f64::total_cmp);
    means[means.len() / 2]
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn main() {
    let mut seconds = 3.0;
    let mut output = None;
    let mut bench = false;
    // `--only parse|execute` measures one phase (for profiling).
    let mut only = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // Test runners list tests first: offer the output check as one test (and
            // nothing among the ignored ones).
            "--list" => {
                if !std::env::args().any(|a| a == "--ignored") {
                    println!("render: test");
                }
                return;
            }
            "--seconds" => seconds = args.next().and_then(|s| s.parse().ok()).unwrap_or(3.0),
            "--bench" => bench = true,
            "--only" => only = args.next().unwrap_or_default(),
            other if !other.starts_with('-') => output = Some(other.to_string()),
            _ => {}
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("read workload");
    let helpers = read("bench_helpers.tpl");
    let main = read("bench_main.yaml");
    let json: serde_json::Value = serde_json::from_str(&read("bench_values.json")).expect("json");
    let data = to_value(&json);

    let t = parse(&helpers, &main);
    let out = execute(&t, &data);
    if !bench {
        let want = read("go_output.sha256");
        assert_eq!(
            sha256_hex(out.as_bytes()),
            want.trim(),
            "kelm's output for the benchmark workload differs from Go's"
        );
        println!("render: output matches Go's");
        return;
    }
    let phase = |name: &str| only.is_empty() || only == name;
    let parse_ns = if phase("parse") {
        measure(seconds, || {
            std::hint::black_box(parse(&helpers, &main));
        })
    } else {
        0.0
    };
    let execute_ns = if phase("execute") {
        measure(seconds, || {
            std::hint::black_box(execute(&t, &data));
        })
    } else {
        0.0
    };
    println!("{{");
    println!("  \"engine\": \"kelm-gotmpl\",");
    println!("  \"execute_ns\": {execute_ns},");
    println!("  \"output_bytes\": {},", out.len());
    println!("  \"output_sha256\": \"{}\",", sha256_hex(out.as_bytes()));
    println!("  \"parse_ns\": {parse_ns},");
    println!("  \"template_bytes\": {}", helpers.len() + main.len());
    println!("}}");
    if let Some(path) = output {
        std::fs::write(path, out).expect("write output");
    }
}
