//! Facts about Go's YAML printers that the recorded corpus (yaml_write.rs) cannot
//! carry: the marshalling cases of yaml.v2's and yaml.v3's encode_test.go that fit a
//! `Value`, nesting deeper than the corpus reader allows, and errors whose line numbers
//! count the NEL characters before them. Every expectation was printed by Go
//! (`sigs.k8s.io/yaml.Marshal`, yaml.v3's encoder with `SetIndent(2)`).

use kelm_yaml::{Map, Value, to_yaml, to_yaml_pretty};

fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

fn map<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Map>(),
    )
}

fn seq<const N: usize>(items: [Value; N]) -> Value {
    Value::Seq(items.into())
}

fn v2(v: &Value) -> String {
    to_yaml(v).expect("prints")
}

fn v2_err(v: &Value) -> String {
    to_yaml(v).expect_err("fails").message().to_string()
}

fn v3(v: &Value) -> String {
    to_yaml_pretty(v).expect("prints")
}

// yaml.v2 encode_test.go's marshalTests (indent 2, as toYaml prints).
#[test]
fn yaml_v2_encode_tests() {
    let cases = [
        (Value::Null, "null\n"),
        (map([("v", s("hi"))]), "v: hi\n"),
        (map([("v", s("true"))]), "v: \"true\"\n"),
        (map([("v", s("false"))]), "v: \"false\"\n"),
        (map([("v", Value::Bool(true))]), "v: true\n"),
        (map([("v", Value::Int(10))]), "v: 10\n"),
        (map([("v", Value::Int(-10))]), "v: -10\n"),
        (map([("v", Value::Uint(42))]), "v: 42\n"),
        (map([("v", Value::Int(4294967296))]), "v: 4294967296\n"),
        (map([("v", s("10"))]), "v: \"10\"\n"),
        (map([("v", Value::Float(0.1))]), "v: 0.1\n"),
        (map([("v", Value::Float(-0.1))]), "v: -0.1\n"),
        (map([("v", Value::Null)]), "v: null\n"),
        (map([("v", s(""))]), "v: \"\"\n"),
        (map([("v", seq([s("A"), s("B")]))]), "v:\n- A\n- B\n"),
        (
            map([("v", seq([s("A"), s("B\nC")]))]),
            "v:\n- A\n- |-\n  B\n  C\n",
        ),
        (
            map([(
                "v",
                seq([
                    s("A"),
                    Value::Int(1),
                    map([("B", seq([Value::Int(2), Value::Int(3)]))]),
                ]),
            )]),
            "v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n",
        ),
        (map([("a", map([("b", s("c"))]))]), "a:\n  b: c\n"),
        (map([("a", s("-"))]), "a: '-'\n"),
        (Value::Int(123), "123\n"),
        (map([("a", s("<foo>"))]), "a: <foo>\n"),
        (map([("a", s("1:1"))]), "a: \"1:1\"\n"),
        (map([("a", s("\0"))]), "a: \"\\0\"\n"),
        (map([("a", s("你好"))]), "a: 你好\n"),
        (
            map([("a", s("2015-02-24T18:19:39Z"))]),
            "a: \"2015-02-24T18:19:39Z\"\n",
        ),
        (map([("a", s("b: c"))]), "a: 'b: c'\n"),
        (map([("a", s("Hello #comment"))]), "a: 'Hello #comment'\n"),
        (map([("a", s("你好 #comment"))]), "a: '你好 #comment'\n"),
        // TestLineWrapping: folded at the first space past column 80.
        (
            map([(
                "a",
                s(
                    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ",
                ),
            )]),
            "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
        ),
    ];
    for (value, want) in cases {
        assert_eq!(v2(&value), want, "{value:?}");
    }
}

// yaml.v3 encode_test.go's marshalTests that nest nothing (the file encodes with
// yaml.v3's default indent of 4; toYamlPretty uses 2).
#[test]
fn yaml_v3_encode_tests() {
    let cases = [
        (Value::Null, "null\n"),
        (map([("v", s("hi"))]), "v: hi\n"),
        (map([("v", s("true"))]), "v: \"true\"\n"),
        (map([("v", s("off"))]), "v: \"off\"\n"),
        (map([("v", Value::Bool(false))]), "v: false\n"),
        (map([("v", Value::Int(-10))]), "v: -10\n"),
        (map([("v", Value::Uint(42))]), "v: 42\n"),
        (map([("v", s("10"))]), "v: \"10\"\n"),
        (map([("v", Value::Float(0.1))]), "v: 0.1\n"),
        (map([("v", Value::Float(f64::INFINITY))]), "v: .inf\n"),
        (map([("v", Value::Float(f64::NEG_INFINITY))]), "v: -.inf\n"),
        (map([("v", Value::Float(f64::NAN))]), "v: .nan\n"),
        (map([("v", Value::Null)]), "v: null\n"),
        (map([("v", s(""))]), "v: \"\"\n"),
        (map([("a", s("-"))]), "a: '-'\n"),
        (Value::Map(Map::new()), "{}\n"),
    ];
    for (value, want) in cases {
        assert_eq!(v3(&value), want, "{value:?}");
    }
}

/// yaml.v2's encode_test TestSortedOutput, the string keys.
#[test]
fn yaml_v2_sorted_output() {
    let order = [
        "", ".1", ".2", ".a", "1", "2", "a!10", "a/0001", "a/002", "a/3", "a/10", "a/11", "a/0012",
        "a/100", "a~10", "ab/1", "b/1", "b/01", "b/2", "b/02", "b/3", "b/03", "b1", "b01", "b3",
        "c2.10", "c10.2", "d1", "d7", "d7abc", "d12", "d12a",
    ];
    let value = Value::Map(
        order
            .iter()
            .map(|k| (k.to_string(), Value::Int(1)))
            .collect(),
    );
    let keys: Vec<String> = v2(&value)
        .lines()
        .map(|l| l.trim_end_matches(": 1").trim_matches('"').to_string())
        .collect();
    assert_eq!(keys, order);
}

/// Non-finite floats stop `json.Marshal`; yaml.v3 prints them.
#[test]
fn non_finite_floats() {
    let v = map([("a", Value::Float(f64::NAN))]);
    assert_eq!(
        v2_err(&v),
        "error marshaling into JSON: json: unsupported value: NaN"
    );
    // JSON's order decides which is reported, even after a YAML-level problem.
    let v = map([("a", s("\u{7f}")), ("b", Value::Float(f64::NEG_INFINITY))]);
    assert_eq!(
        v2_err(&v),
        "error marshaling into JSON: json: unsupported value: -Inf"
    );
}

fn nested_seqs(depth: usize, leaf: Value) -> Value {
    (0..depth).fold(leaf, |v, _| Value::Seq(vec![v]))
}

fn nested_maps(depth: usize, leaf: Value) -> Value {
    (0..depth).fold(leaf, |v, _| map([("k", v)]))
}

/// yaml.v2 reads at most 10000 nested flow collections.
#[test]
fn depth_limit() {
    let v = nested_seqs(10_000, s("x"));
    assert_eq!(v2(&v), format!("{}x\n", "- ".repeat(10_000)));
    drop(v);
    let v = nested_seqs(10_001, s("x"));
    assert_eq!(v2_err(&v), "yaml: exceeded max depth of 10000");
    drop(v);
    let v = nested_seqs(9_999, Value::Map(Map::new()));
    assert_eq!(v2(&v), format!("{}{{}}\n", "- ".repeat(9_999)));
    drop(v);
    let v = nested_seqs(10_000, Value::Map(Map::new()));
    assert_eq!(v2_err(&v), "yaml: exceeded max depth of 10000");

    drop(v);
    let v = nested_maps(10_000, s("x"));
    let want: String = (0..9_999)
        .map(|i| format!("{}k:\n", "  ".repeat(i)))
        .chain([format!("{}k: x\n", "  ".repeat(9_999))])
        .collect();
    assert_eq!(v2(&v), want);
    drop(v);
    let v = nested_maps(10_001, s("x"));
    assert_eq!(v2_err(&v), "yaml: exceeded max depth of 10000");

    // A NEL earlier in the JSON text moves the error to line 2.
    drop(v);
    let v = map([("a", s("\u{85}")), ("b", nested_seqs(10_000, s("x")))]);
    assert_eq!(v2_err(&v), "yaml: line 2: exceeded max depth of 10000");
    drop(v);
    let v = map([("a", s("\u{85}")), ("b", nested_seqs(9_999, s("x")))]);
    assert_eq!(v2(&v), format!("a: ' '\nb:\n{}x\n", "- ".repeat(9_999)));

    // yaml.v3 has no JSON step and no limit.
    drop(v);
    let v = nested_seqs(20_000, s("x"));
    assert_eq!(v3(&v), format!("{}x\n", "- ".repeat(20_000)));
    drop(v);
}

/// NEL is the one line break `json.Marshal` leaves raw: yaml.v2 folds it in quoted
/// scalars, rejects it in keys, and counts lines by it.
#[test]
fn nel_in_json() {
    let cases = [
        (
            map([("a", s("x\u{85}--- y"))]),
            Err("yaml: line 2: found unexpected document indicator"),
        ),
        (
            map([("a", s("x\u{85}---\u{85}"))]),
            Err("yaml: line 2: found unexpected document indicator"),
        ),
        (map([("a", s("x\u{85}..."))]), Ok("a: x ...\n")),
        (
            map([("a", s("x\u{85}... "))]),
            Err("yaml: line 2: found unexpected document indicator"),
        ),
        (
            map([("a", s("x\u{85}\u{85}")), ("b", s("q\u{85}--- z"))]),
            Err("yaml: line 4: found unexpected document indicator"),
        ),
        (
            map([
                ("a", s("x\u{85}\u{85}")),
                ("b", map([("k\u{85}", Value::Int(1))])),
            ]),
            Err("yaml: line 3: did not find expected ',' or '}'"),
        ),
        (
            map([
                ("a", s("x\u{85}\u{85}")),
                ("b", map([(&"k".repeat(1100), Value::Int(1))])),
            ]),
            Err("yaml: line 2: did not find expected ',' or '}'"),
        ),
        (
            map([
                ("a", s("\u{85}\u{85} a \u{85} b\u{85}")),
                ("b", s("  \u{85}  ")),
            ]),
            Ok("a: \"\\na b \"\nb: ' '\n"),
        ),
        (
            map([("a", s("x\u{85}\u{85}")), ("b", s("\u{7f}"))]),
            Err("yaml: control characters are not allowed"),
        ),
    ];
    for (value, want) in cases {
        let got = to_yaml(&value).map_err(|e| e.message().to_string());
        assert_eq!(
            got,
            want.map(str::to_string).map_err(str::to_string),
            "{value:?}"
        );
    }
}
