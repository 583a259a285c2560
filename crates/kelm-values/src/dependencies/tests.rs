//! Hand-derived cases from Helm's `dependencies.go` and its tests
//! (`pkg/chart/v2/util/dependencies_test.go`).

use kelm_chart::{Chart, Dependency, Metadata};
use kelm_yaml::{Value, from_yaml};

use super::process_dependencies;

fn chart(
    name: &str,
    version: &str,
    values: &str,
    deps: Vec<Dependency>,
    subs: Vec<Chart>,
) -> Chart {
    Chart {
        metadata: Metadata {
            name: name.to_string(),
            version: version.to_string(),
            api_version: "v2".to_string(),
            dependencies_listed: !deps.is_empty(),
            dependencies: deps.into_iter().map(Some).collect(),
            ..Metadata::default()
        },
        lock: None,
        templates: Vec::new(),
        values: from_yaml(values).unwrap(),
        raw_values: None,
        schema: None,
        files: Vec::new(),
        subcharts: subs,
        log: Vec::new(),
    }
}

fn leaf(name: &str, values: &str) -> Chart {
    chart(name, "1.0.0", values, Vec::new(), Vec::new())
}

fn dep(name: &str, condition: &str, tags: &[&str]) -> Dependency {
    Dependency {
        name: name.to_string(),
        version: "^1.0.0".to_string(),
        condition: condition.to_string(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Dependency::default()
    }
}

fn names(c: &Chart) -> Vec<&str> {
    c.subcharts
        .iter()
        .map(|s| s.metadata.name.as_str())
        .collect()
}

fn user(yaml: &str) -> Value {
    from_yaml(yaml).unwrap()
}

#[test]
fn conditions_first_boolean_wins() {
    let mut c = chart(
        "parent",
        "1.0.0",
        "a:\n  enabled: true\nglobal:\n  b: false\n",
        vec![
            dep("a", "a.enabled", &[]),
            dep("b", "b.enabled,global.b", &[]),
            dep("c", "c.missing", &[]),
        ],
        vec![leaf("a", ""), leaf("b", ""), leaf("c", "")],
    );
    let log = process_dependencies(&mut c, &user("a:\n  enabled: false\n")).unwrap();
    assert_eq!(names(&c), ["c"]);
    assert!(log.is_empty(), "{log:?}");
    let declared: Vec<_> = c
        .metadata
        .dependencies
        .iter()
        .flatten()
        .map(|d| &d.name)
        .collect();
    assert_eq!(declared, ["c"]);
}

#[test]
fn non_boolean_condition_is_skipped_with_helms_warning() {
    let mut c = chart(
        "parent",
        "1.0.0",
        "a:\n  enabled: \"no\"\n",
        vec![dep("a", "a.enabled", &[])],
        vec![leaf("a", "")],
    );
    let log = process_dependencies(&mut c, &Value::Null).unwrap();
    assert_eq!(names(&c), ["a"]);
    assert_eq!(
        log,
        ["level=WARN msg=\"returned non-bool value\" path=a.enabled chart=a"]
    );
}

#[test]
fn tags_need_one_true_or_no_false() {
    let mut c = chart(
        "parent",
        "1.0.0",
        "tags:\n  front: false\n  back: true\n",
        vec![
            dep("a", "", &["front"]),
            dep("b", "", &["front", "back"]),
            dep("c", "", &["other"]),
            // A condition overrides the tags.
            dep("d", "d.enabled", &["front"]),
        ],
        vec![
            leaf("a", ""),
            leaf("b", ""),
            leaf("c", ""),
            leaf("d", "enabled: true\n"),
        ],
    );
    process_dependencies(&mut c, &Value::Null).unwrap();
    assert_eq!(names(&c), ["b", "c", "d"]);
}

#[test]
fn aliases_copy_the_subchart_under_new_names() {
    let mut x = dep("sub", "", &[]);
    x.alias = "x".to_string();
    let mut y = dep("sub", "yy.enabled", &[]);
    y.alias = "yy".to_string();
    let mut old = dep("other", "", &[]);
    old.version = "^2.0.0".to_string();
    let mut c = chart(
        "parent",
        "1.0.0",
        "",
        vec![x, y, old],
        vec![leaf("sub", "k: v\n"), leaf("other", "")],
    );
    process_dependencies(&mut c, &user("yy:\n  enabled: false\n")).unwrap();
    // `other` is kept as it was (no dependency accepts its version); `sub` is replaced
    // by its aliases, of which `yy` is disabled.
    assert_eq!(names(&c), ["other", "x"]);
    let declared: Vec<_> = c
        .metadata
        .dependencies
        .iter()
        .flatten()
        .map(|d| &d.name)
        .collect();
    assert_eq!(declared, ["x", "other"]);
}

#[test]
fn nested_conditions_are_read_under_the_subchart_path() {
    let mid = chart(
        "mid",
        "1.0.0",
        "deep:\n  enabled: true\n",
        vec![dep("deep", "deep.enabled", &[])],
        vec![leaf("deep", "")],
    );
    let mut c = chart(
        "top",
        "1.0.0",
        "",
        vec![dep("mid", "", &[])],
        vec![mid.clone()],
    );
    process_dependencies(&mut c, &user("mid:\n  deep:\n    enabled: false\n")).unwrap();
    assert_eq!(names(&c.subcharts[0]), Vec::<&str>::new());

    let mut c = chart("top", "1.0.0", "", vec![dep("mid", "", &[])], vec![mid]);
    process_dependencies(&mut c, &Value::Null).unwrap();
    assert_eq!(names(&c.subcharts[0]), ["deep"]);
}

#[test]
fn import_values_both_forms_under_parent_values() {
    let mut d = dep("sub", "", &[]);
    d.import_values = vec![
        user("child: data\nparent: imported"),
        Value::String("api".to_string()),
        user("child: nothing\nparent: x"),
    ];
    let mut c = chart(
        "parent",
        "1.0.0",
        "imported:\n  a: parent\n",
        vec![d],
        vec![leaf(
            "sub",
            "data:\n  a: child\n  b: child\nexports:\n  api:\n    port: 80\n",
        )],
    );
    let log = process_dependencies(&mut c, &Value::Null).unwrap();
    assert_eq!(
        c.values,
        user(
            "imported:\n  a: parent\n  b: child\nport: 80\n\
             sub:\n  data:\n    a: child\n    b: child\n  exports:\n    api:\n      port: 80\n  global: {}\n"
        )
    );
    assert_eq!(
        log,
        [
            "level=WARN msg=\"ImportValues missing table from chart\" chart=sub error=\"\\\"nothing\\\" is not a table\""
        ]
    );
    let rewritten = &c.metadata.dependencies[0].as_ref().unwrap().import_values;
    assert_eq!(
        rewritten,
        &[
            user("child: data\nparent: imported"),
            user("child: exports.api\nparent: ."),
            user("child: nothing\nparent: x"),
        ]
    );
}
