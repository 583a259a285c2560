//! Every `--set` family parser, on any line and over a map that already holds values of
//! every kind, must end with a map or an error, never a panic.
#![no_main]

use kelm_values::strvals;
use kelm_values::{Map, Value};
use libfuzzer_sys::fuzz_target;

fn base() -> Map {
    let mut m = Map::new();
    m.insert("s".into(), Value::String("x".into()));
    m.insert("f".into(), Value::Float(1.5));
    m.insert("n".into(), Value::Null);
    m.insert("l".into(), Value::Seq(vec![Value::Null, Value::Int(1), Value::Seq(vec![])]));
    m.insert("m".into(), Value::Map(Map::new()));
    m
}

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    let _ = strvals::parse_into(line, &mut base());
    let _ = strvals::parse_into_string(line, &mut base());
    let _ = strvals::parse_into_json(line, &mut base());
    let _ = strvals::parse_into_literal(line, &mut base());
    let mut reader = |p: &str| -> Result<String, String> {
        if p.len() % 2 == 0 { Ok(p.to_string()) } else { Err(format!("open {p}: no such file or directory")) }
    };
    let _ = strvals::parse_into_file(line, &mut base(), &mut reader);
});
