//! Checks against Masterminds/semver v3.4.0: `testdata/go_semver.json` holds what it
//! returned for every string literal and every `{"a", "b", bool}` row of its own
//! version and constraint tests, plus extra cases (recorded by
//! `tools/sprig-semver-record`), and Helm 4.1.4's output for the template-level cases.

use std::cmp::Ordering;

use kelm_gotmpl::{Template, Value};
use serde_json::Value as Json;

use super::constraint::Constraints;
use super::version::Version;

fn data() -> Json {
    serde_json::from_str(include_str!("testdata/go_semver.json")).expect("go_semver.json")
}

fn s(v: &Json) -> &str {
    v.as_str().unwrap_or_default()
}

#[test]
fn new_version_matches_go() {
    let d = data();
    let versions = d["versions"].as_array().unwrap();
    assert!(versions.len() > 500);
    for c in versions {
        let input = s(&c["in"]);
        let got = Version::parse(input);
        if let Some(err) = c.get("err") {
            assert_eq!(got, Err(s(err).to_string()), "{input:?}");
            continue;
        }
        let v = got.unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(v.to_go_string(), s(&c["string"]), "{input:?}");
        assert_eq!(v.original, s(&c["original"]), "{input:?}");
        let parts = c["parts"].as_array().unwrap();
        assert_eq!(
            (
                v.major,
                v.minor,
                v.patch,
                v.pre.as_str(),
                v.metadata.as_str()
            ),
            (
                parts[0].as_u64().unwrap(),
                parts[1].as_u64().unwrap(),
                parts[2].as_u64().unwrap(),
                s(&parts[3]),
                s(&parts[4])
            ),
            "{input:?}"
        );
        let mut inc = Vec::new();
        for n in [v.inc_patch(), v.inc_minor(), v.inc_major()] {
            inc.push(n.to_go_string());
            inc.push(n.original);
        }
        let want: Vec<&str> = c["inc"].as_array().unwrap().iter().map(s).collect();
        assert_eq!(inc, want, "{input:?}");
        let mut set = Vec::new();
        for r in [
            v.set_prerelease("beta.1"),
            v.set_metadata("b.01"),
            v.set_prerelease("01"),
        ] {
            match r {
                Ok(n) => {
                    set.push(n.to_go_string());
                    set.push(n.original);
                }
                Err(e) => set.push(format!("error: {e}")),
            }
        }
        let want: Vec<&str> = c["set"].as_array().unwrap().iter().map(s).collect();
        assert_eq!(set, want, "{input:?}");
    }
}

#[test]
fn constraints_and_compare_match_go() {
    let d = data();
    let pairs = d["pairs"].as_array().unwrap();
    assert!(pairs.len() > 500);
    for c in pairs {
        let (a, b) = (s(&c["a"]), s(&c["b"]));
        let got = Constraints::parse(a).and_then(|cs| Ok(cs.check(&Version::parse(b)?)));
        let got = match got {
            Ok(ok) => ok.to_string(),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, s(&c["check"]), "semverCompare {a:?} {b:?}");
        if let Some(want) = c.get("compare") {
            let (va, vb) = (Version::parse(a).unwrap(), Version::parse(b).unwrap());
            let got = match va.compare(&vb) {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            };
            assert_eq!(got, want.as_i64().unwrap(), "{a:?}.Compare({b:?})");
        }
    }
}

fn render(tpl: &str) -> Result<String, String> {
    let mut t = Template::new("t");
    t.add_funcs(super::functions());
    t.parse(tpl).map_err(|e| e.to_string())?;
    let mut out = String::new();
    t.execute(&Value::nil(), &mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Template-level behaviour, with what Helm 4.1.4's `helm template` printed.
#[test]
fn functions_match_helm() {
    for (tpl, want) in [
        (r#"{{ semverCompare "^1.2.0" "1.5.0" }}"#, "true"),
        (r#"{{ (semver "v1.2.3-beta+m").IncPatch }}"#, "1.2.3"),
        (
            r#"{{ (semver "1.0.0").LessThan (semver "2.0.0") }}"#,
            "true",
        ),
        (r#"{{ (semver "1.0.0").Equal nil }}"#, "false"),
        (r#"{{ (semver "1.0.0").Value }}"#, "1.0.0"),
        (r#"{{ printf "%T" (semver "1.0.0").Major }}"#, "uint64"),
        (
            r#"{{ (semver "1.0.0").MarshalJSON }}"#,
            "[34 49 46 48 46 48 34]",
        ),
        (r#"{{ eq (semver "1.0.0") (semver "1.0.0") }}"#, "false"),
        (
            r#"{{ printf "%T %T %v %+v" (semver "1.0.0") (semver "1.0.0").IncMajor (semver "1.0.0") (semver "v1.0") }}|{{ (semver "v1.0").Original }}|{{ printf "%v" (semver "1.0.0").IncMajor }}"#,
            "*semver.Version semver.Version 1.0.0 1.0.0|v1.0|2.0.0",
        ),
    ] {
        assert_eq!(render(tpl).as_deref(), Ok(want), "{tpl}");
    }
}

/// Errors, with the end of Helm 4.1.4's message.
#[test]
fn errors_match_helm() {
    for (tpl, want) in [
        (
            r#"{{ (semver "1.0.0").Compare nil }}"#,
            "error calling Compare: runtime error: invalid memory address or nil pointer dereference",
        ),
        (
            r#"{{ (semver "1.0.0").LessThan nil }}"#,
            "error calling LessThan: runtime error: invalid memory address or nil pointer dereference",
        ),
        (
            r#"{{ (semver "1.2.3").IncPatch.Original }}"#,
            "can't evaluate field Original in type semver.Version",
        ),
        (
            r#"{{ (semver "1.0.0").IncPatch.Compare (semver "1.0.0") }}"#,
            "can't evaluate field Compare in type semver.Version",
        ),
        (
            r#"{{ (semver "1.0.0").major }}"#,
            "major is an unexported field of struct type *semver.Version",
        ),
        (
            r#"{{ (semver "1.0.0").SetPrerelease "01" }}"#,
            "error calling SetPrerelease: version segment starts with 0",
        ),
        (
            r#"{{ semver "bad" }}"#,
            "error calling semver: invalid semantic version",
        ),
        (
            r#"{{ semverCompare ">=1.0" "bad" }}"#,
            "error calling semverCompare: invalid semantic version",
        ),
        (
            r#"{{ semverCompare "bad" "1.0.0" }}"#,
            "error calling semverCompare: improper constraint: bad",
        ),
    ] {
        let err = render(tpl).expect_err(tpl);
        assert!(err.ends_with(want), "{tpl}: {err}");
    }
}
