//! `from_yaml` and `to_yaml` throughput on the largest values file of the chart corpus
//! (kube-prometheus-stack's, 207 KB), measured the same way as `tools/yaml-bench`
//! measures Helm's Go libraries, so `scripts/bench-yaml` can report the ratio from one
//! run on one machine.
//!
//! Run: `cargo bench -p kelm-yaml --bench yaml -- [--seconds N] [--only from_yaml|to_yaml]
//! [OUTPUT_FILE]`. Without `--bench` (as `cargo test --all-targets` runs it) it parses
//! and prints the file once and checks both results against the digests of Go's,
//! recorded by `scripts/bench-yaml` in `benches/data/go_digests.txt`.

use std::path::Path;
use std::time::Instant;

// Shared with the differential test, which checks it against Go's digest of Go's
// recorded value.
#[path = "../tests/support/canonical.rs"]
mod canonical;

use canonical::{sha256_hex, value_digest};

/// The workload, relative to the crate.
const WORKLOAD: &str = "tests/corpus/charts/kube-prometheus-stack/values.yaml";

/// Median of batch means per call, in nanoseconds (the method `tools/yaml-bench` uses).
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

fn main() {
    let mut seconds = 3.0;
    let mut output = None;
    let mut bench = false;
    // `--only from_yaml|to_yaml` measures one phase (for profiling).
    let mut only = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // Test runners list tests first: offer the output check as one test (and
            // nothing among the ignored ones).
            "--list" => {
                if !std::env::args().any(|a| a == "--ignored") {
                    println!("yaml: test");
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(dir.join(WORKLOAD)).expect("read the workload");

    let value = kelm_yaml::from_yaml(&input).expect("from_yaml");
    let out = kelm_yaml::to_yaml(&value).expect("to_yaml");
    let value_sha = value_digest(&value);
    let output_sha = sha256_hex(out.as_bytes());
    if !bench {
        let want = std::fs::read_to_string(dir.join("benches/data/go_digests.txt"))
            .expect("read benches/data/go_digests.txt");
        let digest = |name: &str| {
            want.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(
            value_sha,
            digest("value_sha256"),
            "kelm's from_yaml of the benchmark workload differs from Go's"
        );
        assert_eq!(
            output_sha,
            digest("output_sha256"),
            "kelm's to_yaml of the benchmark workload differs from Go's"
        );
        println!("yaml: from_yaml and to_yaml match Go's");
        return;
    }
    let phase = |name: &str| only.is_empty() || only == name;
    let parse_ns = if phase("from_yaml") {
        measure(seconds, || {
            std::hint::black_box(kelm_yaml::from_yaml(&input).expect("from_yaml"));
        })
    } else {
        0.0
    };
    let print_ns = if phase("to_yaml") {
        measure(seconds, || {
            std::hint::black_box(kelm_yaml::to_yaml(&value).expect("to_yaml"));
        })
    } else {
        0.0
    };
    println!("{{");
    println!("  \"engine\": \"kelm-yaml\",");
    println!("  \"from_yaml_ns\": {parse_ns},");
    println!("  \"input_bytes\": {},", input.len());
    println!("  \"output_bytes\": {},", out.len());
    println!("  \"output_sha256\": \"{output_sha}\",");
    println!("  \"to_yaml_ns\": {print_ns},");
    println!("  \"value_sha256\": \"{value_sha}\"");
    println!("}}");
    if let Some(path) = output {
        std::fs::write(path, out).expect("write output");
    }
}
