//! The reader against results recorded from Go (see [`go_cases`] for how), and
//! yaml.v2's limit tests (`limit_test.go`: inputs and outcomes are its; the texts of
//! the errors were recorded from Go).

use kelm_strconv::format_float;

#[path = "go_cases.rs"]
mod go_cases;

use crate::{Value, from_yaml, from_yaml_documents};

/// A value or error printed as the Go recorder printed it (`json.Marshal`).
fn go_json(r: &Result<Value, crate::Error>) -> String {
    let mut out = String::new();
    match r {
        Ok(v) => {
            out.push_str("{\"ok\":");
            write_json(&mut out, v);
        }
        Err(e) => {
            out.push_str("{\"err\":");
            write_str(&mut out, e.message());
        }
    }
    out.push('}');
    out
}

fn write_json(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Uint(u) => out.push_str(&u.to_string()),
        Value::Float(f) => {
            let abs = f.abs();
            let fmt = if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
                'e'
            } else {
                'f'
            };
            let mut s = format_float(*f, fmt, -1, 64);
            let n = s.len();
            if fmt == 'e' && s.as_bytes()[n - 4..n - 1] == *b"e-0" {
                s.remove(n - 2);
            }
            out.push_str(&s);
        }
        Value::String(s) => write_str(out, s),
        Value::Time(t) => write_str(out, &t.rfc3339_nano()),
        Value::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write_json(out, v);
            }
            out.push('}');
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[test]
fn matches_go_on_recorded_cases() {
    let mut failures = Vec::new();
    for (input, want) in go_cases::CASES {
        let got = go_json(&from_yaml(input));
        if got != *want {
            failures.push(format!("input {input:?}\n  want {want}\n  got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        go_cases::CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn error_lines() {
    let e = from_yaml("a: 1\nb: c: d\n").unwrap_err();
    assert_eq!(
        e.message(),
        "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
    );
    assert_eq!(e.line(), Some(2));
    // Parser errors name the line before the problem (yaml.v2 counts those from 0):
    // here the problem is `c: d` on line 3.
    let e = from_yaml("a:\n  - b\n  c: d\n").unwrap_err();
    assert_eq!(
        e.message(),
        "error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator"
    );
    // Scanner errors on the first line carry no line at all.
    let e = from_yaml("a: b: c").unwrap_err();
    assert_eq!(
        e.message(),
        "error converting YAML to JSON: yaml: mapping values are not allowed in this context"
    );
    assert_eq!(e.line(), None);
}

#[test]
fn only_the_first_document_is_read() {
    assert_eq!(
        go_json(&from_yaml("a: 1\n---\nb: [\n")),
        "{\"ok\":{\"a\":1}}"
    );
    assert_eq!(
        go_json(&from_yaml("a: 1\n...\nb: 2\n")),
        "{\"ok\":{\"a\":1}}"
    );
}

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// `limit_test.go`'s cases (sizes as there), with Go's outcomes.
#[test]
fn yaml_v2_limits() {
    let depth_error = "error converting YAML to JSON: yaml: exceeded max depth of 10000";
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "1000kb of maps with 100 aliases",
            format!(
                "{{a: &a [{{a}}{}], b: &b [*a{}]}}",
                rep(",{a}", 1000 * 1024 / 4 - 100),
                rep(",*a", 99)
            ),
            Some("error converting YAML to JSON: yaml: document contains excessive aliasing"),
        ),
        (
            "1000kb of deeply nested slices",
            rep("[", 1000 * 1024),
            Some(depth_error),
        ),
        (
            "1000kb of deeply nested maps",
            format!("x: {}", rep("{", 1000 * 1024)),
            Some(depth_error),
        ),
        (
            "1000kb of deeply nested indents",
            rep("- ", 1000 * 1024),
            Some(depth_error),
        ),
        (
            "1000kb of 1000-indent lines",
            rep(&format!("{}\n", rep("- ", 1000)), 1024 / 2),
            None,
        ),
        (
            "1kb of maps",
            format!("a: &a [{{a}}{}]", rep(",{a}", 1024 / 4 - 1)),
            None,
        ),
        (
            "1000kb of maps",
            format!("a: &a [{{a}}{}]", rep(",{a}", 1000 * 1024 / 4 - 1)),
            None,
        ),
        (
            "1000kb slice nested at max-depth",
            format!(
                "{}1{}{}",
                rep("[", 10000),
                rep(",1", 1000 * 1024 / 2 - 20000 - 1),
                rep("]", 10000)
            ),
            None,
        ),
        (
            "1000kb slice nested in maps at max-depth",
            format!(
                "{{a,b:\n{} [1{}]{}",
                rep(" {a,b:", 10000 - 2),
                rep(",1", 1000 * 1024 / 2 - 6 * 10000 - 1),
                rep("}", 10000 - 1)
            ),
            None,
        ),
        (
            // yaml.v2 reads it; encoding/json then refuses the 10001st level.
            "1000kb of 10000-nested lines",
            rep(
                &format!("- {}{}\n", rep("[", 10000), rep("]", 10000)),
                1000 * 1024 / 20000,
            ),
            Some(
                "error unmarshaling JSON: while decoding JSON: invalid character '[' exceeded max depth",
            ),
        ),
    ];
    for (name, input, want) in cases {
        let got = from_yaml(&input);
        match (want, got) {
            (Some(want), Err(e)) => assert_eq!(e.message(), want, "{name}"),
            (None, Ok(_)) => {}
            (want, got) => panic!("{name}: want {want:?}, got {:?}", got.map(|_| "a value")),
        }
    }
}

#[test]
fn billion_laughs() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let items = vec![format!("*{}", w[0]); 9].join(",");
        text.push_str(&format!("{}: &{} [{items}]\n", w[1], w[1]));
    }
    assert_eq!(
        from_yaml(&text).unwrap_err().message(),
        "error converting YAML to JSON: yaml: document contains excessive aliasing"
    );
}

/// Helm's `LoadValues`, recorded from Helm 4.1.4's code over the same Go libraries.
#[test]
fn load_values_as_helm() {
    let docs = |s: &str| match from_yaml_documents(s) {
        Ok(v) => go_json(&Ok(Value::Seq(v))),
        Err(e) => go_json(&Err(e)),
    };
    assert_eq!(docs("a: 1\r\nb: 2\r\n"), r#"{"ok":[{"a":1,"b":2}]}"#);
    assert_eq!(
        docs("---\na: 1\n---\nb: 2\n...\nc: 3\n"),
        r#"{"ok":[{"a":1},{"b":2}]}"#
    );
    assert_eq!(docs("a: 1\n--- # c\nb: 2\n"), r#"{"ok":[{"a":1},{"b":2}]}"#);
    assert_eq!(
        docs("a: 1\n---foo\nb: 2\n"),
        r#"{"err":"error reading yaml document: invalid Yaml document separator: foo"}"#
    );
    assert_eq!(
        docs("--- \u{a0}\na: 1\n"),
        r#"{"err":"cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"}"#
    );
    assert_eq!(
        docs("- a\n"),
        r#"{"err":"cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}"#
    );
    assert_eq!(
        docs("3\n"),
        r#"{"err":"cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}"}"#
    );
    assert_eq!(docs("~\n---\n# only comment\n---\n"), r#"{"ok":[{},{}]}"#);
    assert_eq!(
        docs("a: 1\n---\nb: [\n"),
        r#"{"err":"cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content"}"#
    );
    assert_eq!(docs(""), r#"{"ok":[]}"#);
    // The final unterminated line is lost when its length is a multiple of 4096.
    let line = format!("b: {}", "x".repeat(4093));
    assert_eq!(docs(&format!("a: 1\n{line}")), r#"{"ok":[{"a":1}]}"#);
}

#[test]
fn deep_values_survive_a_small_stack() {
    // Decoding, returning and dropping a value nested 10000 deep on a 2 MiB thread.
    let text = format!("{}1{}", "[".repeat(10000), "]".repeat(10000));
    let ok = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || from_yaml(&text).is_ok())
        .unwrap()
        .join()
        .unwrap();
    assert!(ok);
}

#[test]
fn typed_keeps_integers_and_non_finite_floats() {
    let v =
        crate::from_yaml_typed("a: 5\nb: 5.0\nc: .inf\nd: 18446744073709551615\ne: [1]\n").unwrap();
    let Value::Map(m) = &v else {
        panic!("not a map: {v:?}")
    };
    assert_eq!(m.get("a"), Some(&Value::Int(5)));
    assert_eq!(m.get("b"), Some(&Value::Float(5.0)));
    assert_eq!(m.get("c"), Some(&Value::Float(f64::INFINITY)));
    assert_eq!(m.get("d"), Some(&Value::Uint(u64::MAX)));
    assert_eq!(m.get("e"), Some(&Value::Seq(vec![Value::Int(1)])));
    // The untyped reading refuses the infinity, as the JSON step does.
    assert!(from_yaml("c: .inf\n").is_err());
    // Syntax errors are the same.
    assert_eq!(
        crate::from_yaml_typed("a: b: c").unwrap_err().message(),
        from_yaml("a: b: c").unwrap_err().message()
    );
}
