//! Helm 4.1.4's results for its data functions beyond the differential cases (recorded
//! from `helm template` runs).

use kelm_gotmpl::{MissingKey, Template, Value};

use crate::{FuncOptions, template_functions};

fn render(text: &str) -> String {
    let mut t = Template::new("gotpl");
    t.missing_key(MissingKey::Zero);
    t.add_funcs(template_functions(&FuncOptions::default()));
    t.parse(text).unwrap();
    let mut out = String::new();
    match t.execute(&Value::nil(), &mut out) {
        Ok(()) => out,
        Err(e) => format!("ERR {e}"),
    }
}

#[test]
fn empty_and_null_documents() {
    assert_eq!(
        render(
            r#"{{ fromYaml "" | toJson }} {{ fromYaml "~" | toJson }} {{ fromJson "null" | toJson }} {{ fromJsonArray "null" | toJson }} {{ fromYamlArray "" | toJson }}"#
        ),
        "{} {} null null []"
    );
}

#[test]
fn partial_values_with_errors() {
    assert_eq!(
        render(
            r#"{{ fromYaml "a: 1e400" }} {{ fromJson "{\"a\":1e400,\"b\":2}" }} {{ fromYaml "- 1e400" }} {{ fromToml "" | toJson }}"#
        ),
        "map[a:1e400] map[Error:json: cannot unmarshal number 1e400 into Go value of type float64 a:<nil> b:2] map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}] {}"
    );
}

#[test]
fn nils_in_each_encoder() {
    let d = r#"{{ $d := dict "m" (fromJson "null") "l" (fromJsonArray "null") "n" nil "s" "x" }}"#;
    assert_eq!(
        render(&format!("{d}{{{{ toYamlPretty $d }}}}")),
        "l: []\nm: {}\n\"n\": null\ns: x"
    );
    assert_eq!(render(&format!("{d}{{{{ toToml $d }}}}")), "s = \"x\"\n");
    assert_eq!(
        render(&format!("{d}{{{{ toJson $d }}}}")),
        r#"{"l":null,"m":null,"n":null,"s":"x"}"#
    );
    assert_eq!(
        render(&format!("{d}{{{{ toYaml $d }}}}")),
        "l: null\nm: null\n\"n\": null\ns: x"
    );
    assert_eq!(
        render(
            r#"{{ toToml (fromJson "null") }}|{{ toToml (list 1 2) }}|{{ toYamlPretty nil }}|{{ toYamlPretty (fromJson "null") }}"#
        ),
        "|[1, 2]|null|{}"
    );
    assert_eq!(
        render("{{ toToml nil }}"),
        "ERR template: gotpl:1:3: executing \"gotpl\" at <toToml nil>: error calling toToml: reflect: call of reflect.Value.Type on zero Value"
    );
}

#[test]
fn times_and_objects() {
    let t = r#"{{ $t := toDate "2006-01-02" "2020-01-02" }}{{ $d := $t.Sub ($t.AddDate 0 0 -1) }}{{ $v := semver "1.2.3-a" }}"#;
    assert_eq!(
        render(&format!(
            "{t}{{{{ toJson (list $t $d $t.Month $t.Location $t.MarshalJSON $v $t.Weekday) }}}}"
        )),
        r#"["2020-01-02T00:00:00Z",86400000000000,1,{},"IjIwMjAtMDEtMDJUMDA6MDA6MDBaIg==","1.2.3-a",4]"#
    );
    assert_eq!(
        render(&format!(
            "{t}{{{{ toYaml (list $t $d $t.Month $t.Location $t.MarshalJSON $v) }}}}"
        )),
        "- \"2020-01-02T00:00:00Z\"\n- 86400000000000\n- 1\n- {}\n- IjIwMjAtMDEtMDJUMDA6MDA6MDBaIg==\n- 1.2.3-a"
    );
    assert_eq!(
        render(&format!(
            "{t}{{{{ toToml (dict \"t\" $t \"d\" $d \"m\" $t.Month \"v\" $v \"w\" $t.Weekday) }}}}"
        )),
        "d = \"24h0m0s\"\nm = 1\nt = 2020-01-02T00:00:00Z\nv = \"1.2.3-a\"\nw = 4\n"
    );
    // A TOML datetime is a time.Time, and prints back as the same kind.
    assert_eq!(
        render(
            r#"{{ $t := fromToml "d = 1979-05-27\nt = 1979-05-27T07:32:00-08:00" }}{{ typeOf $t.d }} {{ $t.t }} {{ toToml $t }}"#
        ),
        "time.Time 1979-05-27 07:32:00 -0800 -0800 d = 1979-05-27\nt = 1979-05-27T07:32:00-08:00\n"
    );
}

#[test]
fn must_forms_fail_the_template() {
    assert_eq!(
        render("{{ mustToYaml (list (divf 1 3) (float64 \"NaN\")) }}"),
        "ERR template: gotpl:1:3: executing \"gotpl\" at <mustToYaml (list (divf 1 3) (float64 \"NaN\"))>: error calling mustToYaml: error marshaling into JSON: json: unsupported value: NaN"
    );
    assert_eq!(
        render(
            "[{{ toYaml (float64 \"NaN\") }}][{{ toJson (float64 \"NaN\") }}][{{ toYamlPretty (float64 \"NaN\") }}]"
        ),
        "[][][.nan]"
    );
}
