//! Development aid: times `from_yaml` on a file.
//!
//! `cargo run --release --example yaml_read_bench -- FILE [ITERATIONS]`

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a YAML file");
    let iters: u32 = args.next().map_or(50, |s| s.parse().expect("a count"));
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    for _ in 0..3 {
        kelm_yaml::from_yaml(&text).expect("valid YAML");
    }
    let start = Instant::now();
    for _ in 0..iters {
        let v = kelm_yaml::from_yaml(&text).expect("valid YAML");
        std::hint::black_box(v);
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / f64::from(iters);
    println!("kelm {path}: {per:.3} ms/iter ({iters} iters)");
}
