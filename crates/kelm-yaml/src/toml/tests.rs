//! Behaviour recorded from BurntSushi/toml v1.6.0 (run in UTC); the bulk of the
//! comparison with Go is tests/corpus.rs.

use crate::{Map, Value, from_toml, to_toml};

fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn s(x: &str) -> Value {
    Value::String(x.to_string())
}

#[test]
fn plain_keys_then_tables_indented_by_depth() {
    let v = map(vec![
        ("z", Value::Int(1)),
        (
            "a",
            map(vec![
                ("b", map(vec![("c", s("x"))])),
                ("d", Value::Float(1.0)),
            ]),
        ),
        (
            "arr",
            Value::Seq(vec![
                map(vec![("k", Value::Int(1))]),
                map(vec![("k", Value::Int(2))]),
            ]),
        ),
        (
            "s",
            Value::Seq(vec![Value::Int(1), s("two"), Value::Float(3.5)]),
        ),
    ]);
    assert_eq!(
        to_toml(&v).unwrap(),
        "s = [1, \"two\", 3.5]\nz = 1\n\n[a]\n  d = 1.0\n  [a.b]\n    c = \"x\"\n\n[[arr]]\n  k = 1\n\n[[arr]]\n  k = 2\n"
    );
}

#[test]
fn inline_maps_keep_go_separators_around_nils() {
    let inline = map(vec![
        ("a", Value::Int(1)),
        ("b", Value::Null),
        ("c", map(vec![("d", Value::Int(2))])),
    ]);
    let v = map(vec![("m", Value::Seq(vec![Value::Int(1), inline]))]);
    assert_eq!(to_toml(&v).unwrap(), "m = [1, {a = 1, c = {d = 2}}]\n");
    let inline = map(vec![("a", Value::Int(1)), ("z", Value::Null)]);
    let v = map(vec![("m", Value::Seq(vec![Value::Int(1), inline]))]);
    assert_eq!(to_toml(&v).unwrap(), "m = [1, {a = 1, }]\n");
}

#[test]
fn keys_and_strings_are_quoted_as_go_does() {
    let v = map(vec![
        ("a b", Value::Int(1)),
        ("", Value::Int(2)),
        ("é", s("\u{1}\u{7f}")),
    ]);
    assert_eq!(
        to_toml(&v).unwrap(),
        "\"\" = 2\n\"a b\" = 1\n\"é\" = \"\\u0001\\u007f\"\n"
    );
}

#[test]
fn encoder_errors() {
    let e = |v: Value| to_toml(&v).unwrap_err().to_string();
    assert_eq!(
        e(map(vec![("a", Value::Seq(vec![Value::Null]))])),
        "toml: cannot encode array with nil element"
    );
    assert_eq!(
        e(Value::Seq(vec![Value::Map(Map::new())])),
        "toml: top-level values must be Go maps or structs"
    );
    assert_eq!(
        e(Value::Null),
        "reflect: call of reflect.Value.Type on zero Value"
    );
    assert_eq!(to_toml(&Value::Int(1)).unwrap(), "1");
}

#[test]
fn redefinitions_fail_with_go_texts() {
    let e = |t: &str| from_toml(t).unwrap_err().to_string();
    assert_eq!(
        e("a = 1\nb = 2\na = 3"),
        "toml: line 3 (last key \"a\"): Key 'a' has already been defined."
    );
    assert_eq!(
        e("[a]\nx = 1\n[a.b]\n[a]"),
        "toml: line 4: Key 'a' has already been defined."
    );
    // BurntSushi lets dotted keys extend an inline table.
    assert_eq!(
        from_toml("a = {b = 1}\na.c = 2").unwrap(),
        map(vec![(
            "a",
            map(vec![("b", Value::Int(1)), ("c", Value::Int(2))])
        )])
    );
}

#[test]
fn datetimes_are_go_times() {
    let text = "a = 1979-05-27T07:32:00-07:00\nb = 1979-05-27T07:32:00.120\nc = 1979-05-27\nd = 07:32\ne = 1979-05-27 07:32Z\nf = 1979-05-27T07:32:00+00:00\n";
    let v = from_toml(text).unwrap();
    let Value::Map(m) = &v else {
        panic!("not a map: {v:?}")
    };
    let shown: Vec<String> = m
        .values()
        .map(|t| match t {
            Value::Time(t) => format!("{t} in {:?}", t.location.name()),
            other => panic!("not a time: {other:?}"),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "1979-05-27 07:32:00 -0700 -0700 in \"\"",
            "1979-05-27 07:32:00.12 +0000 datetime-local in \"datetime-local\"",
            "1979-05-27 00:00:00 +0000 date-local in \"date-local\"",
            "0000-01-01 07:32:00 +0000 time-local in \"time-local\"",
            "1979-05-27 07:32:00 +0000 UTC in \"UTC\"",
            "1979-05-27 07:32:00 +0000 UTC in \"UTC\"",
        ]
    );
    // The encoder writes each kind back as it came, in RFC 3339 where it had a zone.
    assert_eq!(
        to_toml(&v).unwrap(),
        "a = 1979-05-27T07:32:00-07:00\nb = 1979-05-27T07:32:00.12\nc = 1979-05-27\nd = 07:32:00\ne = 1979-05-27T07:32:00Z\nf = 1979-05-27T07:32:00Z\n"
    );
}

#[test]
fn toml_1_1_features() {
    let v = from_toml("x = \"\\e\\x41\"\n[t]\ny = [1, {z = 2},]\n[a]\nb.c = 1\n[a.b.d]\n").unwrap();
    assert_eq!(
        v,
        map(vec![
            ("x", s("\u{1b}A")),
            (
                "t",
                map(vec![(
                    "y",
                    Value::Seq(vec![Value::Int(1), map(vec![("z", Value::Int(2))])])
                )])
            ),
            (
                "a",
                map(vec![(
                    "b",
                    map(vec![("c", Value::Int(1)), ("d", Value::Map(Map::new()))])
                )])
            ),
        ])
    );
}
