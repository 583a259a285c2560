//! Hostile inputs: deep nesting and huge numbers end in a value or an error, never in a
//! panic or a stack overflow. Expectations recorded from Go 1.25 and BurntSushi v1.6.0.

use kelm_yaml::{JsonStyle, Map, Value, from_json, from_toml, to_json, to_toml};

fn deep_seq(n: usize) -> Value {
    let mut v = Value::Int(1);
    for _ in 0..n {
        v = Value::Seq(vec![v]);
    }
    v
}

fn deep_map(n: usize) -> Value {
    let mut v = Value::Int(1);
    for _ in 0..n {
        let mut m = Map::new();
        m.insert("k".into(), v);
        v = Value::Map(m);
    }
    v
}

#[test]
fn deep_toml_arrays_decode() {
    let n = 100_000;
    let text = format!("a = {}{}", "[".repeat(n), "]".repeat(n));
    let v = from_toml(&text).unwrap();
    drop(v);
    let text = format!("a = {}", "[".repeat(n));
    assert_eq!(
        from_toml(&text).unwrap_err().to_string(),
        "toml: line 1 (last key \"a\"): unexpected EOF; expected value"
    );
}

#[test]
fn deep_toml_tables_decode() {
    let text = format!("a = {}1{}", "{b = ".repeat(1000), "}".repeat(1000));
    drop(from_toml(&text).unwrap());
    let text = format!("[{}a]\nx = 1", "a.".repeat(5_000));
    drop(from_toml(&text).unwrap());
}

#[test]
fn deep_values_encode() {
    let mut m = Map::new();
    m.insert("a".into(), deep_seq(100_000));
    let v = Value::Map(m);
    let toml = to_toml(&v).unwrap();
    assert_eq!(toml.len(), 200_006);
    let json = to_json(&v, JsonStyle::default()).unwrap();
    assert_eq!(json.len(), 200_007);
    drop(v);
    let v = deep_map(1000);
    assert_eq!(to_toml(&v).unwrap().len(), 2_000_004);
    drop(v);
    let v = deep_map(100_000);
    let json = to_json(&v, JsonStyle::default()).unwrap();
    assert_eq!(json.len(), 100_000 * 6 + 1);
    drop(v);
}

#[test]
fn huge_numbers() {
    let big = format!("1{}", "0".repeat(100_000));
    assert_eq!(
        from_json(&big).unwrap_err().to_string(),
        format!("json: cannot unmarshal number {big} into Go value of type float64")
    );
    let small = format!("0.{}1", "0".repeat(100_000));
    assert_eq!(from_json(&small).unwrap(), Value::Float(0.0));
    let text = format!("a = {big}");
    assert_eq!(
        from_toml(&text).unwrap_err().to_string(),
        format!("toml: line 1 (last key \"a\"): {big} is out of range for int64")
    );
    let text = format!("a = {big}.0");
    assert_eq!(
        from_toml(&text).unwrap_err().to_string(),
        format!("toml: line 1 (last key \"a\"): {big}.0 is out of range for float64")
    );
}
