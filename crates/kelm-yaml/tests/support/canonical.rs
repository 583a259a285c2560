//! The canonical form `tools/yaml-bench` writes for a decoded value, so that a parsed
//! value can be compared with Go's by digest. Shared by `benches/yaml.rs` and the
//! differential test (which checks it against Go's digest).

use std::fmt::Write as _;

use kelm_yaml::Value;

/// The canonical form `tools/yaml-bench` writes for a decoded value: `n`, `t`, `f`,
/// `d<16 hex digits of the float's bits>`, `s<byte length>:<bytes>`, `[items]`,
/// `{key value ...}` with keys in byte order. Go's decoded values have no integers;
/// they are written as `i<n>`/`u<n>` so that a kelm integer shows as a difference, and
/// no times (which only TOML gives): `T<Go's String()>`.
pub fn canonical(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push('n'),
        Value::Bool(true) => out.push('t'),
        Value::Bool(false) => out.push('f'),
        Value::Float(f) => {
            let _ = write!(out, "d{:016x}", f.to_bits());
        }
        Value::Int(i) => {
            let _ = write!(out, "i{i}");
        }
        Value::Uint(u) => {
            let _ = write!(out, "u{u}");
        }
        Value::String(s) => {
            let _ = write!(out, "s{}:{s}", s.len());
        }
        Value::Time(t) => {
            let _ = write!(out, "T{t}");
        }
        Value::Seq(items) => {
            out.push('[');
            for e in items {
                canonical(out, e);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (k, e) in m {
                let _ = write!(out, "s{}:{k}", k.len());
                canonical(out, e);
            }
            out.push('}');
        }
    }
}

/// SHA-256 of a value's canonical form, in hex.
pub fn value_digest(v: &Value) -> String {
    let mut s = String::new();
    canonical(&mut s, v);
    sha256_hex(s.as_bytes())
}

/// SHA-256 in hex.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
