//! Cases from Go's encoding/json tests and behaviour recorded from Go 1.25; the bulk of
//! the comparison with Go is tests/corpus.rs.

use crate::{JsonStyle, JsonTarget, Map, Value, from_json, from_json_into, to_json};

const COMPACT: JsonStyle = JsonStyle {
    escape_html: true,
    indent: None,
};
const PRETTY: JsonStyle = JsonStyle {
    escape_html: true,
    indent: Some("  "),
};
const RAW: JsonStyle = JsonStyle {
    escape_html: false,
    indent: None,
};

fn s(x: &str) -> Value {
    Value::String(x.to_string())
}

fn err(text: &str) -> String {
    from_json(text).unwrap_err().to_string()
}

#[test]
fn floats_print_as_es6_does() {
    let cases = [
        (0.0, "0"),
        (-0.0, "-0"),
        (1.0, "1"),
        (1e20, "100000000000000000000"),
        (1e21, "1e+21"),
        (1e-6, "0.000001"),
        (1e-7, "1e-7"),
        (-1.5e-9, "-1.5e-9"),
        (1.2e-10, "1.2e-10"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (0.1, "0.1"),
        (123456789.0, "123456789"),
    ];
    for (f, want) in cases {
        assert_eq!(to_json(&Value::Float(f), COMPACT).unwrap(), want, "{f:e}");
    }
    for (f, want) in [
        (f64::NAN, "NaN"),
        (f64::INFINITY, "+Inf"),
        (f64::NEG_INFINITY, "-Inf"),
    ] {
        let e = to_json(&Value::Seq(vec![Value::Float(f)]), COMPACT).unwrap_err();
        assert_eq!(e.to_string(), format!("json: unsupported value: {want}"));
    }
}

#[test]
fn strings_escape_as_go_does() {
    let v = s("<a href=\"x\">&\u{2028}\u{2029}\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}é/");
    assert_eq!(
        to_json(&v, COMPACT).unwrap(),
        r#""\u003ca href=\"x\"\u003e\u0026\u2028\u2029\b\f\n\r\t\u0000\u001f"#.to_string()
            + "\u{7f}é/\""
    );
    assert_eq!(
        to_json(&v, RAW).unwrap(),
        r#""<a href=\"x\">&\u2028\u2029\b\f\n\r\t\u0000\u001f"#.to_string() + "\u{7f}é/\""
    );
}

#[test]
fn maps_sort_keys_by_bytes_and_indent() {
    let mut inner = Map::new();
    inner.insert("b".into(), Value::Seq(vec![]));
    inner.insert("a".into(), Value::Map(Map::new()));
    let mut m = Map::new();
    m.insert("é".into(), Value::Int(-1));
    m.insert("Z".into(), Value::Uint(u64::MAX));
    m.insert(
        "a".into(),
        Value::Seq(vec![Value::Null, Value::Bool(true), Value::Map(inner)]),
    );
    let v = Value::Map(m);
    assert_eq!(
        to_json(&v, COMPACT).unwrap(),
        r#"{"Z":18446744073709551615,"a":[null,true,{"a":{},"b":[]}],"é":-1}"#
    );
    assert_eq!(
        to_json(&v, PRETTY).unwrap(),
        "{\n  \"Z\": 18446744073709551615,\n  \"a\": [\n    null,\n    true,\n    {\n      \"a\": {},\n      \"b\": []\n    }\n  ],\n  \"é\": -1\n}"
    );
}

#[test]
fn syntax_errors_have_go_texts() {
    let cases = [
        ("", "unexpected end of JSON input"),
        ("x", "invalid character 'x' looking for beginning of value"),
        ("{\"a\" 1}", "invalid character '1' after object key"),
        (
            "{\"a\":1 1}",
            "invalid character '1' after object key:value pair",
        ),
        ("[1 1]", "invalid character '1' after array element"),
        (
            "{1}",
            "invalid character '1' looking for beginning of object key string",
        ),
        (
            "1.",
            "invalid character ' ' after decimal point in numeric literal",
        ),
        ("1e", "invalid character ' ' in exponent of numeric literal"),
        ("-", "invalid character ' ' in numeric literal"),
        (
            "tru",
            "invalid character ' ' in literal true (expecting 'e')",
        ),
        (
            "nul",
            "invalid character ' ' in literal null (expecting 'l')",
        ),
        ("\"\\x\"", "invalid character 'x' in string escape code"),
        (
            "\"\\u12x\"",
            "invalid character 'x' in \\u hexadecimal character escape",
        ),
        ("\"\n\"", "invalid character '\\n' in string literal"),
        ("1 2", "invalid character '2' after top-level value"),
        (
            "'",
            "invalid character '\\'' looking for beginning of value",
        ),
        (
            "\u{feff}{}",
            "invalid character 'ï' looking for beginning of value",
        ),
        ("é", "invalid character 'Ã' looking for beginning of value"),
        ("\"abc", "unexpected end of JSON input"),
    ];
    for (input, want) in cases {
        assert_eq!(err(input), want, "{input:?}");
    }
}

#[test]
fn strings_decode_as_go_does() {
    let cases = [
        (r#""\ud83d\ude00""#, "\u{1F600}"),
        (r#""\ud800x""#, "\u{FFFD}x"),
        (r#""\udc00\ud800""#, "\u{FFFD}\u{FFFD}"),
        (r#""\ud83d\u0041""#, "\u{FFFD}A"),
        (r#""\ud83d\ud83d\ude00""#, "\u{FFFD}\u{1F600}"),
        (r#""a\/b\"\\\b\f\n\r\t""#, "a/b\"\\\u{8}\u{c}\n\r\t"),
    ];
    for (input, want) in cases {
        assert_eq!(from_json(input).unwrap(), s(want), "{input}");
    }
}

#[test]
fn targets_and_partial_values() {
    let (v, e) = from_json_into("[1]", JsonTarget::Map);
    assert_eq!(v, Value::Map(Map::new()));
    assert_eq!(
        e.unwrap().to_string(),
        "json: cannot unmarshal array into Go value of type map[string]interface {}"
    );
    let (v, e) = from_json_into("1e400", JsonTarget::Seq);
    assert_eq!(v, Value::Seq(vec![]));
    assert_eq!(
        e.unwrap().to_string(),
        "json: cannot unmarshal number into Go value of type []interface {}"
    );
    let (v, e) = from_json_into(r#"{"a":1e400,"b":2,"b":3}"#, JsonTarget::Map);
    let mut m = Map::new();
    m.insert("a".into(), Value::Null);
    m.insert("b".into(), Value::Float(3.0));
    assert_eq!(v, Value::Map(m));
    assert_eq!(
        e.unwrap().to_string(),
        "json: cannot unmarshal number 1e400 into Go value of type float64"
    );
    assert_eq!(from_json_into("null", JsonTarget::Map), (Value::Null, None));
}

/// Runs `f` where deep values can be built, compared and dropped recursively.
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn nesting_is_limited_to_10000_as_in_go() {
    with_big_stack(|| {
        let ok = "[".repeat(10000) + &"]".repeat(10000);
        let v = from_json(&ok).unwrap();
        assert_eq!(to_json(&v, COMPACT).unwrap(), ok);
        let deep = "[".repeat(10001) + &"]".repeat(10001);
        assert_eq!(err(&deep), "invalid character '[' exceeded max depth");
        let deep = r#"{"a":"#.repeat(10001) + "1" + &"}".repeat(10001);
        assert_eq!(err(&deep), "invalid character '{' exceeded max depth");
        assert_eq!(
            err(&"[".repeat(20000)),
            "invalid character '[' exceeded max depth"
        );
        assert_eq!(err(&"[".repeat(10000)), "unexpected end of JSON input");
    });
}

/// The one-pass decoder accepts exactly what Go's checker accepts (both directions are
/// asserted inside the decoder in debug builds): random damage to JSON text.
#[test]
fn strict_pass_agrees_with_the_checker() {
    let seeds = [
        r#"{"a":[1,-2.5e+3,{"b":null}],"c":"d\u00e9\n\ud83d\ude00","e":true,"f":false}"#,
        r#"[0, -0.0, 1E5, "\"\\\/", [], {}, [[{"x":[]}]]]"#,
        " \t\r\n{ \"k\" : [ 1 , 2 ] } ",
    ];
    let pool = b"{}[],:\"\\ \n0123456789-+.eEtrufalsn\x01\x7fx";
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rand = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..20_000 {
        let mut b = seeds[rand(seeds.len())].as_bytes().to_vec();
        for _ in 0..1 + rand(3) {
            let i = rand(b.len() + 1);
            match rand(3) {
                0 if i < b.len() => {
                    b.remove(i);
                }
                1 => b.insert(i, pool[rand(pool.len())]),
                _ if i < b.len() => b[i] = pool[rand(pool.len())],
                _ => b.truncate(i),
            }
        }
        let text = String::from_utf8_lossy(&b);
        for target in [JsonTarget::Any, JsonTarget::Map, JsonTarget::Seq] {
            let _ = from_json_into(&text, target);
        }
    }
}
