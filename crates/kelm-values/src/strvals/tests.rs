//! Cases derived from Helm's `parser_test.go` and `literal_parser_test.go` facts.

use super::*;

fn json(m: &Map) -> String {
    kelm_yaml::to_json(&Value::Map(m.clone()), kelm_yaml::JsonStyle::default()).unwrap()
}

#[test]
fn lists_fill_with_nulls_and_nest() {
    let m = parse("list[0]=foo,list[3]=bar,a[1].b=c,n[0][1]=x").unwrap();
    assert_eq!(
        json(&m),
        r#"{"a":[null,{"b":"c"}],"list":["foo",null,null,"bar"],"n":[[null,"x"]]}"#
    );
}

#[test]
fn end_of_input_inside_an_index_is_not_an_error() {
    assert_eq!(json(&parse("a[1").unwrap()), "{}");
    assert_eq!(json(&parse("a[0]").unwrap()), r#"{"a":[]}"#);
}

#[test]
fn errors_have_helm_texts() {
    let err = |s: &str| parse(s).unwrap_err().to_string();
    assert_eq!(err("name1"), r#"key "name1" has no value"#);
    assert_eq!(
        err("name1,name2=x"),
        r#"key "name1" has no value (cannot end with ,)"#
    );
    assert_eq!(err("a.=1"), r#"key map "a" has no value"#);
    assert_eq!(err("a={x"), "list must terminate with '}'");
    assert_eq!(
        err("a[0]xy=1"),
        "unexpected data at end of array index: ['x' 'y']"
    );
    assert_eq!(
        err("a[x]=1"),
        r#"error parsing index: strconv.Atoi: parsing "x": invalid syntax"#
    );
    assert_eq!(
        err("a[65537]=1"),
        "index of 65537 is greater than maximum supported index of 65536"
    );
    assert_eq!(
        err("a=1,a.b=2"),
        "unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}"
    );
}

#[test]
fn literal_takes_everything_after_the_first_equals() {
    let mut m = Map::new();
    parse_into_literal("a.b=x,y=z\\", &mut m).unwrap();
    assert_eq!(json(&m), r#"{"a":{"b":"x,y=z\\"}}"#);
}

#[test]
fn json_pairs_read_one_value_each() {
    let mut m = Map::new();
    parse_into_json(r#"a={"x":[1,2]},b="s",c="#, &mut m).unwrap();
    assert_eq!(json(&m), r#"{"a":{"x":[1,2]},"b":"s","c":null}"#);
    assert!(matches!(
        m["a"].clone().into_map().unwrap()["x"]
            .clone()
            .into_seq()
            .unwrap()[0],
        Value::Float(_)
    ));
}

#[test]
fn file_values_come_from_the_reader() {
    let mut m = Map::new();
    let mut reader = |p: &str| -> Result<String, String> {
        if p == "f" {
            Ok("contents".into())
        } else {
            Err(format!("open {p}: no such file or directory"))
        }
    };
    parse_into_file("a=f", &mut m, &mut reader).unwrap();
    assert_eq!(json(&m), r#"{"a":"contents"}"#);
    let e = parse_into_file("b=g", &mut m, &mut reader).unwrap_err();
    assert_eq!(e.to_string(), "open g: no such file or directory");
}
