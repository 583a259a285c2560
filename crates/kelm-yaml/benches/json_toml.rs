//! Measures kelm-yaml's JSON and TOML on Helm-like values (kelm-gotmpl's benchmark
//! values, 400 kB of JSON), next to Go's numbers from tools/json-toml-bench, which
//! does the same work the same way: warm-up, then batches for a fixed wall time,
//! median of the per-iteration batch means.
//!
//!     cargo bench -p kelm-yaml --bench json_toml
//!     (cd tools/json-toml-bench && go run . ../../crates/kelm-gotmpl/benches/data/bench_values.json)

use std::hint::black_box;
use std::time::{Duration, Instant};

use kelm_yaml::{JsonStyle, from_json, from_toml, to_json, to_toml};

fn measure(name: &str, bytes: usize, mut f: impl FnMut()) {
    // `cargo bench ... -- toml` runs only the measurements whose name has "toml".
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !name.contains(&f)) {
        return;
    }
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(300) {
        f();
    }
    let mut means = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        let t = Instant::now();
        for _ in 0..5 {
            f();
        }
        means.push(t.elapsed().as_secs_f64() / 5.0);
    }
    means.sort_by(f64::total_cmp);
    let m = means[means.len() / 2];
    println!(
        "{name:<14} {:>9.1} µs  {:>7.1} MB/s",
        m * 1e6,
        bytes as f64 / m / 1e6
    );
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../kelm-gotmpl/benches/data/bench_values.json"
    );
    let text = std::fs::read_to_string(path).expect("benchmark values");
    let value = from_json(&text).expect("valid JSON");
    let compact = to_json(
        &value,
        JsonStyle {
            escape_html: true,
            indent: None,
        },
    )
    .unwrap();
    let pretty_style = JsonStyle {
        escape_html: true,
        indent: Some("  "),
    };
    let toml = to_toml(&value).unwrap();
    measure("json decode", text.len(), || {
        black_box(from_json(black_box(&text)).unwrap());
    });
    measure("json encode", compact.len(), || {
        black_box(
            to_json(
                black_box(&value),
                JsonStyle {
                    escape_html: true,
                    indent: None,
                },
            )
            .unwrap(),
        );
    });
    measure("json pretty", compact.len(), || {
        black_box(to_json(black_box(&value), pretty_style).unwrap());
    });
    measure("toml encode", toml.len(), || {
        black_box(to_toml(black_box(&value)).unwrap());
    });
    measure("toml decode", toml.len(), || {
        black_box(from_toml(black_box(&toml)).unwrap());
    });
}
