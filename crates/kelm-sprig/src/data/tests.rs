//! Expectations recorded from Helm 4.1.4 (`toJson`, `toYaml`, `toYamlPretty`, `toToml`
//! of the same values in throwaway charts).

use super::*;
use std::sync::Arc;

use kelm_gotmpl::{Function, IntKind, Signature};

fn json(v: &Value) -> String {
    match marshal_json(
        v,
        JsonStyle {
            escape_html: true,
            indent: None,
        },
    ) {
        Ok(s) => s,
        Err(e) => format!("ERR {e}"),
    }
}

fn call(name: &str, args: &[Value]) -> Value {
    let f = crate::functions()
        .into_iter()
        .find(|f| f.name() == name)
        .unwrap();
    f.invoke(&mut kelm_gotmpl::Call::detached(), args).unwrap()
}

fn dict(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(Map::from_entries(entries))
}

#[test]
fn json_scalars_like_go() {
    let list = Value::from(vec![
        Value::float64(1e6),
        Value::float64(1e21),
        Value::float64(1e-7),
        Value::Float(0.1f32 as f64, FloatKind::F32),
        Value::Uint(u64::MAX, UintKind::U64),
        Value::Int(-3, IntKind::I8),
        Value::Bytes(Arc::from(&b"hi"[..])),
        Value::Nil(Type::map_of_any()),
        Value::nil(),
        Value::from("<&>"),
    ]);
    assert_eq!(
        json(&list),
        r#"[1000000,1e+21,1e-7,0.1,18446744073709551615,-3,"aGk=",null,null,"\u003c\u0026\u003e"]"#
    );
}

#[test]
fn json_errors_like_go() {
    assert_eq!(
        json(&Value::float64(f64::NAN)),
        "ERR json: unsupported value: NaN"
    );
    assert_eq!(
        json(&Value::float64(f64::NEG_INFINITY)),
        "ERR json: unsupported value: -Inf"
    );
    let f = Function::new("f", Signature::new(vec![], Type::String), |_, _| {
        Ok(Value::from(""))
    });
    // The first error in output order wins: "a" sorts before "b".
    assert_eq!(
        json(&dict(vec![
            ("b", Value::float64(f64::NAN)),
            ("a", Value::Func(f))
        ])),
        "ERR json: unsupported type: func() string"
    );
    assert_eq!(
        json(&Value::Complex(1.0, 2.0, FloatKind::F64)),
        "ERR json: unsupported type: complex128"
    );
}

#[test]
fn json_finds_cycles_as_go() {
    let m = Map::new();
    m.insert("self", Value::Map(m.clone()));
    assert_eq!(
        json(&Value::Map(m)),
        "ERR json: unsupported value: encountered a cycle via map[string]interface {}"
    );
}

#[test]
fn objects_like_go() {
    let t = call(
        "toDate",
        &[Value::from("2006-01-02"), Value::from("2020-01-02")],
    );
    let v = call("semver", &[Value::from("1.2.3-a")]);
    let later = call("dateModify", &[Value::from("24h"), t.clone()]);
    let d = match &later {
        Value::Object(o) => o
            .call_method(
                "Sub",
                std::slice::from_ref(&t),
                &mut kelm_gotmpl::Call::detached(),
            )
            .unwrap(),
        _ => unreachable!(),
    };
    let month = match &t {
        Value::Object(o) => o
            .call_method("Month", &[], &mut kelm_gotmpl::Call::detached())
            .unwrap(),
        _ => unreachable!(),
    };
    let loc = match &t {
        Value::Object(o) => o
            .call_method("Location", &[], &mut kelm_gotmpl::Call::detached())
            .unwrap(),
        _ => unreachable!(),
    };
    let all = Value::from(vec![t, d, month, loc, v]);
    assert_eq!(
        json(&all),
        r#"["2020-01-02T00:00:00Z",86400000000000,1,{},"1.2.3-a"]"#
    );
    assert_eq!(
        kelm_yaml::to_yaml_pretty(&to_yaml_v3_data(&all).unwrap()).unwrap(),
        "- 2020-01-02T00:00:00Z\n- 24h0m0s\n- 1\n- {}\n- 1.2.3-a\n"
    );
    // Sprig's certificate struct: exported fields by their Go names (lowercased by
    // yaml.v3).
    let cert = crate::crypto::certs::Certificate {
        cert: "C".to_string(),
        key: "K".to_string(),
    }
    .into_value();
    assert_eq!(json(&cert), r#"{"Cert":"C","Key":"K"}"#);
    assert_eq!(
        kelm_yaml::to_yaml_pretty(&to_yaml_v3_data(&cert).unwrap()).unwrap(),
        "cert: C\nkey: K\n"
    );
    assert_eq!(
        kelm_yaml::to_toml(&to_toml_data(&dict(vec![("c", cert)])).unwrap()).unwrap(),
        "[c]\n  Cert = \"C\"\n  Key = \"K\"\n"
    );
}

#[test]
fn yaml_v3_and_toml_views() {
    let d = dict(vec![
        ("m", Value::Nil(Type::map_of_any())),
        ("l", Value::Nil(Type::slice_of_any())),
        ("n", Value::nil()),
        ("s", Value::from("x")),
        ("b", Value::Bytes(Arc::from(&b"\"2"[..]))),
    ]);
    assert_eq!(
        kelm_yaml::to_yaml_pretty(&to_yaml_v3_data(&d).unwrap()).unwrap(),
        "b:\n  - 34\n  - 50\nl: []\nm: {}\n\"n\": null\ns: x\n"
    );
    assert_eq!(
        kelm_yaml::to_toml(&to_toml_data(&d).unwrap()).unwrap(),
        "b = [34, 50]\ns = \"x\"\n"
    );
    assert_eq!(
        kelm_yaml::to_toml(&to_toml_data(&Value::Nil(Type::map_of_any())).unwrap()).unwrap(),
        ""
    );
}

#[test]
fn from_data_gives_go_types() {
    let d = kelm_yaml::from_toml("a = 1\nb = 1.5\nc = [true]\nd = 1979-05-27\n").unwrap();
    let v = from_data(&d);
    let Value::Map(m) = &v else { panic!() };
    assert!(matches!(m.get("a"), Some(Value::Int(1, IntKind::I64))));
    assert!(matches!(m.get("b"), Some(Value::Float(f, FloatKind::F64)) if f == 1.5));
    assert_eq!(
        m.get("c").and_then(|c| c.go_type()),
        Some(Type::slice_of_any())
    );
    let t = m.get("d").unwrap();
    assert_eq!(t.go_type().unwrap().to_string(), "time.Time");
    // Back to TOML as the local date it was.
    assert_eq!(
        kelm_yaml::to_toml(&to_toml_data(&v).unwrap()).unwrap(),
        "a = 1\nb = 1.5\nc = [true]\nd = 1979-05-27\n"
    );
    assert!(matches!(map_from_data(&Data::Null), Value::Nil(_)));
}
