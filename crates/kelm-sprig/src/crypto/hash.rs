//! `sha1sum`, `sha256sum`, `sha512sum` (lower-case hex digests) and `adler32sum` (the
//! checksum in decimal).

use kelm_gotmpl::{Function, Signature, Type, Value};
use sha1::Digest;

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Go's `adler32.Checksum`.
pub(crate) fn adler32(data: &[u8]) -> u32 {
    let mut a = adler2::Adler32::new();
    a.write_slice(data);
    a.checksum()
}

fn string_fn(name: &'static str, f: fn(&str) -> String) -> Function {
    Function::new(
        name,
        Signature::new(vec![Type::String], Type::String),
        move |_, args| Ok(Value::from(f(super::str_arg(&args[0])))),
    )
}

/// This module's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        string_fn("sha1sum", |s| hex(&sha1::Sha1::digest(s.as_bytes()))),
        string_fn("sha256sum", |s| hex(&sha2::Sha256::digest(s.as_bytes()))),
        string_fn("sha512sum", |s| hex(&sha2::Sha512::digest(s.as_bytes()))),
        string_fn("adler32sum", |s| adler32(s.as_bytes()).to_string()),
    ]
}
