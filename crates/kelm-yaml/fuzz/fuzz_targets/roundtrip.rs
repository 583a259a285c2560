//! Reads arbitrary text as a values file, prints what was read with `to_yaml`, reads
//! that again: the second reading must give the same value (Helm users round-trip
//! values through `toYaml` all the time). Also exercises the multi-document reader and
//! the other printers. Errors are fine; panics, hangs and mismatches are bugs.
#![no_main]

use kelm_yaml::{JsonStyle, Value, from_json, from_yaml, from_yaml_documents, to_json, to_yaml, to_yaml_pretty};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = from_yaml_documents(text);
    let Ok(value) = from_yaml(text) else {
        return;
    };
    let printed = match to_yaml(&value) {
        Ok(printed) => printed,
        // yaml.v2 refuses some strings it cannot print (control characters, very long
        // keys); that is an error, not a round trip.
        Err(_) => return,
    };
    // Go's own round trip breaks in two places, and kelm's must break the same way:
    // a key `<<` (yaml.v2 prints it plain; read back, it is a merge key) and U+0085 NEL
    // (yaml.v2's printer turns it into a line break, which reads back as a space).
    if any_key_or_string(&value, &|s| s == "<<" || s.contains('\u{85}')) {
        return;
    }
    let again = from_yaml(&printed)
        .unwrap_or_else(|e| panic!("to_yaml printed text from_yaml refuses: {e}\n{printed}"));
    assert!(
        same(&value, &again),
        "round trip changed the value:\nfirst:  {value:?}\nprinted:\n{printed}\nsecond: {again:?}"
    );
    let _ = to_yaml_pretty(&value);
    if let Ok(json) = to_json(&value, JsonStyle::default()) {
        let back = from_json(&json).unwrap_or_else(|e| panic!("to_json printed invalid JSON: {e}\n{json}"));
        assert!(same(&value, &back), "JSON round trip changed the value:\n{json}");
    }
});

/// Equality as Go's `reflect.DeepEqual` on the decoded values (floats by value).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Seq(x), Value::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k1, v1), (k2, v2))| k1 == k2 && same(v1, v2))
        }
        _ => a == b,
    }
}

fn any_key_or_string(v: &Value, pred: &dyn Fn(&str) -> bool) -> bool {
    match v {
        Value::String(s) => pred(s),
        Value::Seq(items) => items.iter().any(|i| any_key_or_string(i, pred)),
        Value::Map(map) => map.iter().any(|(k, v)| pred(k) || any_key_or_string(v, pred)),
        _ => false,
    }
}
