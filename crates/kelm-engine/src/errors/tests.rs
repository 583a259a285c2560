//! Go's errors for real templates, and what Helm 4.1.4 printed for them (recorded from
//! `helm template` runs).

use kelm_gotmpl::{Map, MissingKey, Template, Value};

use super::*;
use crate::{FuncOptions, template_functions};

const CASE: &str = "chart/templates/case.yaml";

/// Parses `files` (name, text) as Helm does and executes the first; Helm's error text.
fn helm_error(files: &[(&str, &str)], data: &Value) -> String {
    let mut t = Template::new("gotpl");
    t.missing_key(MissingKey::Zero);
    t.add_funcs(template_functions(&FuncOptions::default()));
    for (name, text) in files.iter().rev() {
        if let Err(e) = t.parse_named(name, text) {
            return template_error(name, &e);
        }
    }
    let mut out = String::new();
    match t.execute_template(files[0].0, data, &mut out) {
        Ok(()) => panic!("{:?} rendered: {out:?}", files[0]),
        Err(e) => template_error(files[0].0, &e),
    }
}

fn values(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(Map::from_entries([(
        "Values",
        Value::Map(Map::from_entries(entries)),
    )]))
}

#[test]
fn exec_errors_as_helm_prints_them() {
    assert_eq!(
        helm_error(&[(CASE, "{{ .Values.a.b.c }}")], &values(vec![])),
        "chart/templates/case.yaml:1:10\n  executing \"chart/templates/case.yaml\" at <.Values.a.b.c>:\n    nil pointer evaluating interface {}.b"
    );
    // A function's own error: Go's message, unchanged.
    assert_eq!(
        helm_error(&[(CASE, "{{ index (list 1) 5 }}")], &values(vec![])),
        "template: chart/templates/case.yaml:1:3: executing \"chart/templates/case.yaml\" at <index (list 1) 5>: error calling index: index out of range: 5"
    );
    assert_eq!(
        helm_error(&[(CASE, "{{ fail \"boo\" }}")], &values(vec![])),
        "execution error at (chart/templates/case.yaml:1:3): boo"
    );
    assert_eq!(
        helm_error(&[(CASE, "{{ include \"x\" . }}")], &values(vec![])),
        "chart/templates/case.yaml:1:3\n  executing \"chart/templates/case.yaml\" at <include \"x\" .>:\n    error calling include:\ntemplate: no template \"x\" associated with template \"gotpl\""
    );
}

#[test]
fn errors_inside_includes() {
    let helpers = "chart/templates/_helpers.tpl";
    assert_eq!(
        helm_error(
            &[
                (CASE, "{{ include \"bad\" . }}"),
                (
                    helpers,
                    "{{- define \"bad\" }}{{ .Values.a.b.c }}{{ end -}}"
                )
            ],
            &values(vec![])
        ),
        "chart/templates/case.yaml:1:3\n  executing \"chart/templates/case.yaml\" at <include \"bad\" .>:\n    error calling include:\nchart/templates/_helpers.tpl:1:29\n  executing \"bad\" at <.Values.a.b.c>:\n    nil pointer evaluating interface {}.b"
    );
    // `required` deep inside: the outermost location.
    assert_eq!(
        helm_error(
            &[
                (CASE, "{{ include \"req\" . }}"),
                (
                    helpers,
                    "{{- define \"req\" }}{{ required \"need .Values.x\" .Values.x }}{{ end -}}"
                )
            ],
            &values(vec![])
        ),
        "execution error at (chart/templates/case.yaml:1:3): need .Values.x"
    );
    // `tpl` wraps errors in its own message: Go's message, unchanged.
    assert_eq!(
        helm_error(&[(CASE, "{{ tpl \"{{ .a.b.c }}\" . }}")], &values(vec![])),
        "template: chart/templates/case.yaml:1:3: executing \"chart/templates/case.yaml\" at <tpl \"{{ .a.b.c }}\" .>: error calling tpl: error during tpl function execution for \"{{ .a.b.c }}\": template: gotpl:1:5: executing \"gotpl\" at <.a.b.c>: nil pointer evaluating interface {}.b"
    );
}

#[test]
fn parse_errors_as_helm_prints_them() {
    assert_eq!(
        helm_error(&[(CASE, "ok\n{{ \"unterminated }}")], &values(vec![])),
        "parse error at (chart/templates/case.yaml:2): unterminated quoted string"
    );
    assert_eq!(
        helm_error(&[(CASE, "{{ mustToToml . }}")], &values(vec![])),
        "parse error at (chart/templates/case.yaml:1): function \"mustToToml\" not defined"
    );
}

#[test]
fn warning_markers() {
    assert_eq!(warning("x HELM_ERR_STARTaHELM_ERR_END y"), Some("a"));
    // Greedy, across lines: from the first start to the last end.
    assert_eq!(
        warning("HELM_ERR_STARTa\nHELM_ERR_END: HELM_ERR_STARTbHELM_ERR_END"),
        Some("a\nHELM_ERR_END: HELM_ERR_STARTb")
    );
    assert_eq!(warning("HELM_ERR_END HELM_ERR_START"), None);
}
