//! Unit tests; the facts come from Helm's own tests (`manifest_test.go`,
//! `manifest_sorter_test.go`, `kind_sorter_test.go`, `hooks_test.go`,
//! `template_test.go`) and its sources, restated here.

use std::collections::BTreeMap;

use super::template::{go_clean, source_path};
use super::*;

#[test]
fn split_cuts_at_line_start_dashes_and_trims() {
    // A `---` opening the text leaves an empty first piece, which is dropped.
    assert_eq!(split_manifests("---\na: 1\n"), ["a: 1"]);
    assert_eq!(
        split_manifests("a: 1  \n\n\n---   \n\nb: 2\n---apiVersion: v1\n"),
        ["a: 1", "b: 2", "apiVersion: v1"]
    );
    // Dashes inside a line, or indented, do not separate.
    assert_eq!(split_manifests("a: x---y\n  ---\n"), ["a: x---y\n  ---"]);
    // The whitespace after one separator is taken with it, so a second `---` on the
    // next line is no separator: it starts the next document.
    assert_eq!(
        split_manifests("a: 1\n---\n---\n---\nb: 2"),
        ["a: 1", "---", "b: 2"]
    );
    // Four dashes leave a lone dash.
    assert_eq!(split_manifests("a: 1\n----\nb: 2"), ["a: 1", "-\nb: 2"]);
    assert!(split_manifests("  \n\t\n").is_empty());
    assert!(split_manifests("---\n").is_empty());
    // A piece of only non-ASCII whitespace survives the split and trims to "".
    assert_eq!(
        split_manifests("a: 1\n---\n\u{a0}\n---\nb: 2"),
        ["a: 1", "", "b: 2"]
    );
    // Helm's own case: a single document with a leading separator and comments.
    let doc = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p";
    assert_eq!(split_manifests(&format!("---\n{doc}\n\n")), [doc]);
}

#[test]
fn head_reads_fields_as_go_decodes_them() {
    let h =
        parse_head("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    a: b\n")
            .unwrap();
    assert_eq!(
        (h.api_version.as_str(), h.kind.as_str(), h.name()),
        ("v1", "Pod", "p")
    );
    assert_eq!(h.annotations().unwrap()["a"], "b");
    // Numbers and booleans bound for strings become their text; floats as float32.
    let h = parse_head(
        "kind: 5\napiVersion: true\nmetadata:\n  name: 123456789.0\n  annotations:\n    w: -7\n    none: null\n    n: x\n    big: 18446744073709551615\n",
    )
    .unwrap();
    assert_eq!((h.kind.as_str(), h.api_version.as_str()), ("5", "true"));
    assert_eq!(h.name(), "1.2345679e+08");
    let a = h.annotations().unwrap();
    assert_eq!((a["w"].as_str(), a["none"].as_str()), ("-7", ""));
    // yaml.v2 reads the key `n` as false (YAML 1.1), which becomes "false".
    assert_eq!(a["false"], "x");
    assert_eq!(a["big"], "18446744073709551615");
    // Names match case-insensitively (K also as the Kelvin sign); of two keys for one
    // field, the later in sorted order wins.
    let h = parse_head("KIND: A\nkind: B\n\u{212a}ind: C\n").unwrap();
    assert_eq!(h.kind, "C");
    let h = parse_head("Kind: A\nkind: B\n").unwrap();
    assert_eq!(h.kind, "B");
    // Empty and comment-only documents have an empty head; null metadata is none.
    assert_eq!(parse_head("").unwrap(), Head::default());
    assert_eq!(parse_head("# c\n").unwrap(), Head::default());
    assert_eq!(parse_head("metadata: null\n").unwrap().metadata, None);
    // Infinity is fine as a kind, not elsewhere.
    assert_eq!(parse_head("kind: -.inf\n").unwrap().kind, "-Inf");
    assert_eq!(
        parse_head("spec: .nan\n").unwrap_err(),
        "error converting YAML to JSON: json: unsupported value: NaN"
    );
    // The first type error wins, decoding order being sorted keys.
    assert_eq!(
        parse_head("metadata: [1]\napiVersion: {}\n").unwrap_err(),
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field SimpleHead.apiVersion of type string"
    );
}

fn manifest(name: &str, kind: &str) -> Manifest {
    Manifest {
        name: name.into(),
        content: String::new(),
        head: Head {
            kind: kind.into(),
            ..Default::default()
        },
    }
}

#[test]
fn kind_order_install_and_uninstall() {
    // Every listed kind, fed in reverse, comes out in list order, with an unknown
    // kind last.
    for order in [INSTALL_ORDER, UNINSTALL_ORDER] {
        let mut ms: Vec<Manifest> = order.iter().rev().map(|k| manifest(k, k)).collect();
        ms.insert(0, manifest("zz", "Unknown"));
        sort_by_kind(&mut ms, |m| &m.head.kind, order);
        let got: Vec<&str> = ms.iter().map(|m| m.head.kind.as_str()).collect();
        let mut want = order.to_vec();
        want.push("Unknown");
        assert_eq!(got, want);
    }
    // Helm's hook case: four kinds, both directions.
    let mut hooks: Vec<(&str, &str)> = vec![
        ("i", "ClusterRole"),
        ("j", "ClusterRoleBinding"),
        ("c", "LimitRange"),
        ("a", "Namespace"),
    ];
    sort_by_kind(&mut hooks, |h| h.1, INSTALL_ORDER);
    assert_eq!(hooks.iter().map(|h| h.0).collect::<String>(), "acij");
    sort_by_kind(&mut hooks, |h| h.1, UNINSTALL_ORDER);
    assert_eq!(hooks.iter().map(|h| h.0).collect::<String>(), "jica");
}

#[test]
fn kind_order_is_stable_and_unknown_kinds_alphabetical() {
    let input = [
        ("a", "ClusterRole"),
        ("A", "ClusterRole"),
        ("0", "ConfigMap"),
        ("1", "ConfigMap"),
        ("z", "ClusterRoleBinding"),
        ("!", "ClusterRoleBinding"),
        ("u2", "Unknown"),
        ("u1", "Unknown"),
        ("t3", "Unknown2"),
    ];
    let mut ms: Vec<Manifest> = input.iter().map(|(n, k)| manifest(n, k)).collect();
    sort_by_kind(&mut ms, |m| &m.head.kind, INSTALL_ORDER);
    assert_eq!(
        ms.iter().map(|m| m.name.as_str()).collect::<String>(),
        "01aAz!u2u1t3"
    );
    let mut ms: Vec<Manifest> = input.iter().map(|(n, k)| manifest(n, k)).collect();
    sort_by_kind(&mut ms, |m| &m.head.kind, UNINSTALL_ORDER);
    assert_eq!(
        ms.iter().map(|m| m.name.as_str()).collect::<String>(),
        "z!aA01u2u1t3"
    );
    // A namespace goes before an unknown kind whatever the input order.
    let mut ms = vec![manifest("u", "Unknown"), manifest("n", "Namespace")];
    sort_by_kind(&mut ms, |m| &m.head.kind, INSTALL_ORDER);
    assert_eq!(ms[0].name, "n");
}

fn hook_doc(name: &str, kind: &str, annotations: &str) -> String {
    format!("kind: {kind}\nmetadata:\n  name: {name}\n  annotations:\n{annotations}")
}

#[test]
fn sorting_files_into_hooks_and_manifests() {
    let mut files = BTreeMap::new();
    files.insert(
        "c/templates/b.yaml".to_string(),
        [
            hook_doc("second", "Job", "    helm.sh/hook: Pre-Install , post-install\n    helm.sh/hook-weight: \"+2\"\n    helm.sh/hook-delete-policy: Hook-Succeeded,hook-failed\n"),
            hook_doc("t", "Pod", "    helm.sh/hook: test-success\n    helm.sh/hook-output-log-policy: hook-failed\n"),
            hook_doc("gone", "Pod", "    helm.sh/hook: pre-install,nonsense\n"),
            hook_doc("plain", "Service", "    a: b\n"),
            hook_doc("old", "CustomResourceDefinition", "    helm.sh/hook: crd-install\n"),
            hook_doc("fail", "Pod", "    helm.sh/hook: test-failure\n    helm.sh/hook-weight: 99999999999999999999\n"),
        ]
        .join("---\n"),
    );
    files.insert("c/templates/_h.tpl".to_string(), "not: [yaml".to_string());
    files.insert(
        "c/templates/a.yaml".to_string(),
        hook_doc("first", "Job", "    helm.sh/hook: pre-install\n"),
    );
    files.insert("c/templates/blank.yaml".to_string(), " \n\n".to_string());
    let files_ref = files.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let sorted = sort_manifests(files_ref, INSTALL_ORDER).unwrap();
    assert_eq!(sorted.manifests.len(), 1);
    assert_eq!(sorted.manifests[0].head.name(), "plain");
    let names: Vec<&str> = sorted.hooks.iter().map(|h| h.name.as_str()).collect();
    // CRD first by kind, then the pods (file order), then the jobs (file order).
    assert_eq!(names, ["old", "t", "fail", "first", "second"]);
    let second = &sorted.hooks[4];
    assert_eq!(
        second.events,
        [HookEvent::PreInstall, HookEvent::PostInstall]
    );
    assert_eq!(second.weight, 2);
    assert_eq!(second.path, "c/templates/b.yaml");
    assert_eq!(
        second.delete_policies,
        [
            HookDeletePolicy::HookSucceeded,
            HookDeletePolicy::HookFailed
        ]
    );
    assert_eq!(sorted.hooks[1].events, [HookEvent::Test]);
    assert_eq!(
        sorted.hooks[1].output_log_policies,
        [HookOutputLogPolicy::HookFailed]
    );
    assert_eq!(sorted.hooks[2].events, [HookEvent::TestFailure]);
    // A weight beyond int64 is no integer: 0.
    assert_eq!(sorted.hooks[2].weight, 0);
    assert_eq!(sorted.hooks[0].events, [HookEvent::CrdInstall]);
    assert!(sorted.hooks.iter().all(|h| h.name != "gone"));
    assert_eq!(sorted.warnings.len(), 1);
    assert!(sorted.warnings[0].contains("\"gone\"") && sorted.warnings[0].contains("nonsense"));
    // No policy annotated: the lifecycle uses before-hook-creation.
    assert_eq!(
        sorted.hooks[3].delete_policies_or_default(),
        [HookDeletePolicy::BeforeHookCreation]
    );
}

#[test]
fn yaml_errors_name_the_file() {
    let files = [("c/templates/a.yaml", "a: b: c\n")];
    let err = sort_manifests(files, INSTALL_ORDER).unwrap_err();
    assert_eq!(
        err.to_string(),
        "YAML parse error on c/templates/a.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context"
    );
}

#[test]
fn hooks_run_by_weight_then_name() {
    let hook = |name: &str, kind: &str, weight: i64, events: &[HookEvent]| Hook {
        name: name.into(),
        kind: kind.into(),
        weight,
        events: events.to_vec(),
        ..Default::default()
    };
    use HookEvent::*;
    let hooks = vec![
        hook("b", "ConfigMap", 0, &[PreInstall]),
        hook("a", "Job", 0, &[PreInstall, PostInstall]),
        hook("a", "ConfigMap", 0, &[PreInstall]),
        hook("z", "Job", -5, &[PreInstall]),
        hook("x", "Job", 1, &[PostInstall]),
    ];
    let run: Vec<(&str, &str)> = hooks_for_event(&hooks, PreInstall)
        .iter()
        .map(|h| (h.name.as_str(), h.kind.as_str()))
        .collect();
    assert_eq!(
        run,
        [
            ("z", "Job"),
            ("a", "Job"),
            ("a", "ConfigMap"),
            ("b", "ConfigMap")
        ]
    );
    assert_eq!(hooks_for_event(&hooks, PostInstall).len(), 2);
    assert!(hooks_for_event(&hooks, Test).is_empty());
}

#[test]
fn hook_json_has_helms_names_and_order() {
    let mut h = Hook::default();
    assert_eq!(h.to_json(), r#"{"last_run":{"phase":""}}"#);
    h = Hook {
        name: "n".into(),
        kind: "Job".into(),
        path: "c/templates/j.yaml".into(),
        manifest: "a: <b>&".into(),
        events: vec![HookEvent::PreInstall, HookEvent::Test],
        last_run: HookExecution {
            started_at: Some("2024-01-02T03:04:05.123456789Z".into()),
            completed_at: None,
            phase: HookPhase::Running,
        },
        weight: -3,
        delete_policies: vec![HookDeletePolicy::Other("x".into())],
        output_log_policies: vec![HookOutputLogPolicy::HookSucceeded],
    };
    assert_eq!(
        h.to_json(),
        r#"{"name":"n","kind":"Job","path":"c/templates/j.yaml","manifest":"a: \u003cb\u003e\u0026","events":["pre-install","test"],"last_run":{"started_at":"2024-01-02T03:04:05.123456789Z","phase":"Running"},"weight":-3,"delete_policies":["x"],"output_log_policies":["hook-succeeded"]}"#
    );
}

#[test]
fn glob_is_go_filepath_match() {
    for (pattern, name, want) in [
        ("templates/*.yaml", "templates/a.yaml", true),
        ("templates/*", "templates/sub/a.yaml", false),
        ("*", "a/b", false),
        ("*", "", true),
        ("templates/?.yaml", "templates/é.yaml", true),
        ("templates/[a-c]*", "templates/b.yaml", true),
        ("templates/[^a-c]*", "templates/b.yaml", false),
        ("templates/\\*", "templates/*", true),
        ("templates/[", "templates/[", false),
        ("a*b*c", "axxbyyc", true),
        ("a*b", "axbxb", true),
        ("a*/b", "abc/b", true),
        ("[]a]", "]", false),
        ("[\\]a]", "]", true),
    ] {
        assert_eq!(glob_match(pattern, name), want, "{pattern} on {name}");
    }
}

#[test]
fn show_only_source_paths() {
    assert_eq!(
        source_path("# Source: c/templates/a.yaml\nx: 1"),
        Some("templates/a.yaml")
    );
    assert_eq!(
        source_path("# Source: c/charts/s/t.yaml"),
        Some("charts/s/t.yaml")
    );
    assert_eq!(source_path("x: 1"), None);
    // The chart part may span lines up to a slash, as `[^/]+` does in Go.
    assert_eq!(source_path("# Source: c\nurl: http://x"), Some("/x"));
}

#[test]
fn clean_paths_as_go() {
    for (p, want) in [
        ("./out/rel", "out/rel"),
        ("out//rel/", "out/rel"),
        ("/a/../b", "/b"),
        ("../a/./..", ".."),
        ("", "."),
    ] {
        assert_eq!(go_clean(p), want);
    }
}

#[test]
fn notes_are_taken_out() {
    let mut files: BTreeMap<String, String> = [
        ("c/templates/NOTES.txt", "root"),
        ("c/charts/s/templates/NOTES.txt", "sub"),
        ("c/templates/MYNOTES.txt", "also removed"),
        ("c/templates/a.yaml", "kind: A"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let mut all = files.clone();
    assert_eq!(extract_notes(&mut files, "c", false), "root");
    assert_eq!(files.keys().collect::<Vec<_>>(), ["c/templates/a.yaml"]);
    assert_eq!(
        extract_notes(&mut all, "c", true),
        "sub\nalso removed\nroot"
    );
}

#[test]
fn release_manifest_framing() {
    let crds = [CrdFile {
        filename: "c/crds/x.yaml".into(),
        content: "kind: CustomResourceDefinition\n".into(),
    }];
    let mut secret = manifest("c/templates/s.yaml", "Secret");
    secret.head.api_version = "v1".into();
    secret.content = "kind: Secret".into();
    let ms = [secret];
    assert_eq!(
        release_manifest(&crds, &ms, true, false),
        "---\n# Source: c/crds/x.yaml\nkind: CustomResourceDefinition\n\n---\n# Source: c/templates/s.yaml\nkind: Secret\n"
    );
    assert_eq!(
        release_manifest(&crds, &ms, false, true),
        "---\n# Source: c/templates/s.yaml\n# HIDDEN: The Secret output has been suppressed\n"
    );
}

#[test]
fn template_without_documents_prints_a_newline() {
    let mut out = String::new();
    template_output(&BTreeMap::new(), &[], &TemplateOptions::default(), &mut out).unwrap();
    assert_eq!(out, "\n");
    let options = TemplateOptions {
        show_only: vec!["templates/x.yaml".into()],
        ..Default::default()
    };
    let err = template_output(&BTreeMap::new(), &[], &options, &mut out).unwrap_err();
    assert_eq!(
        err.to_string(),
        "could not find template templates/x.yaml in chart"
    );
}
