//! The differential test of Sprig's and Helm's template functions: every case in
//! `tests/cases/*.txt` must do in kelm what it did in Helm v4.1.4's `helm template`, as
//! recorded by `tools/sprig-oracle/record` in `tests/cases/*.expected.json`.
//!
//! Each case runs the way Helm's engine runs a chart template (root template `gotpl`,
//! `missingkey=zero`, Sprig's functions then Helm's, the template named
//! `chart/templates/case.yaml`, `<no value>` removed from the output) over the data
//! Helm built for it. Errors are compared as Helm prints them (see `tests/cases/README.md`).
//! Cases that use a function kelm does not have yet fail with "function not available
//! in kelm yet"; nothing is skipped.
//!
//! The test fails listing every mismatch, missing or stale expectation, function without
//! a case, and an out-of-date `FUNCTIONS.md`; it ends with `N passed, M failed`.
//! `KELM_CASES=text` runs only the cases whose `file:name` contains `text` (and then
//! does not check the table). `KELM_WRITE_TABLE=1` rewrites `FUNCTIONS.md`.

mod support;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use support::case::{self, Case, Check};
use support::expect::{self, ExpectFile, Expected};
use support::record;
use support::registry;
use support::runner::{self, Outcome};
use support::typed;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases_dir() -> PathBuf {
    crate_dir().join("tests/cases")
}

fn table_path() -> PathBuf {
    crate_dir().join("FUNCTIONS.md")
}

/// Shows a text for a failure report: quoted, and cut when very long.
fn show(s: &str) -> String {
    const MAX: usize = 1500;
    if s.len() <= MAX {
        return format!("{s:?}");
    }
    let mut cut = MAX;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{:?}... ({} bytes in all)", &s[..cut], s.len())
}

fn show_expected(e: &Expected) -> String {
    match (&e.output, &e.error) {
        (Some(o), _) => format!("output {}", show(o)),
        (None, Some(m)) => format!("error  {}", show(m)),
        _ => "nothing".to_string(),
    }
}

fn show_outcome(o: &Outcome) -> String {
    match o {
        Outcome::Output(s) => format!("output {}", show(s)),
        Outcome::Error(s) => format!("error  {}", show(s)),
        Outcome::NotAvailable(f) => format!("function not available in kelm yet: {}", f.join(", ")),
    }
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// Compares kelm's outcome with Helm's. `Ok` = pass; `Err` = why not.
fn judge(c: &Case, want: &Expected, got: &Outcome) -> Result<(), String> {
    // A property that Helm's own output lacks is a broken case, whatever kelm did.
    if let Check::Properties(props) = &c.check {
        let helm_out = want
            .output
            .as_deref()
            .ok_or("broken case: Helm did not succeed (re-record)")?;
        let recorded_at = want.recorded_at.unwrap_or_default();
        for p in props {
            p.check(helm_out, recorded_at)
                .map_err(|e| format!("broken case: Helm's recorded output fails {p:?}: {e}"))?;
        }
    }
    if let Outcome::NotAvailable(f) = got {
        return Err(format!(
            "function not available in kelm yet: {}",
            f.join(", ")
        ));
    }
    if let Some(d) = &c.differs {
        if !matches!(c.check, Check::Exact) {
            return Err("broken case: kelm-differs needs an exact check".into());
        }
        if want.output.as_deref() == Some(d.output.as_str()) {
            return Err(
                "broken case: kelm-differs gives Helm's own output; remove the section".into(),
            );
        }
        return match got {
            Outcome::Output(g) if *g == d.output => Ok(()),
            _ => Err(format!(
                "\n    want output {} (documented difference: {})\n    got  {}",
                show(&d.output),
                d.reason,
                show_outcome(got)
            )),
        };
    }
    match &c.check {
        Check::Exact => {
            let same = match (got, &want.output, &want.error) {
                (Outcome::Output(g), Some(w), _) => g == w,
                (Outcome::Error(g), None, Some(w)) => g == w,
                _ => false,
            };
            if same {
                Ok(())
            } else {
                Err(format!(
                    "\n    want {}\n    got  {}",
                    show_expected(want),
                    show_outcome(got)
                ))
            }
        }
        Check::Properties(props) => {
            let Outcome::Output(out) = got else {
                return Err(format!(
                    "\n    want success\n    got  {}",
                    show_outcome(got)
                ));
            };
            let now = now_unix();
            for p in props {
                p.check(out, now)
                    .map_err(|e| format!("property {p:?} fails: {e}\n    got  {}", show(out)))?;
            }
            Ok(())
        }
    }
}

/// Per function: cases, passed, and the case files they are in.
#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    passed: usize,
    /// Passing cases whose output is a documented difference from Helm's.
    differs: usize,
    families: BTreeSet<String>,
}

#[test]
fn differential_against_helm() {
    let filter = std::env::var("KELM_CASES").ok().filter(|f| !f.is_empty());
    let dir = cases_dir();
    let txts = record::case_files(&dir).expect("tests/cases exists");
    assert!(!txts.is_empty(), "no case files in {}", dir.display());

    let rhash = record::recorder_hash();
    let mut failures: Vec<String> = Vec::new();
    let mut passed = 0usize;
    let mut failed = 0usize;
    let mut filtered_out = 0usize;
    let mut case_total = 0usize;
    let mut case_passed = 0usize;
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    // `file: case` and why, for every case that documents a difference from Helm.
    let mut differences: Vec<(String, String)> = Vec::new();
    let mut not_available: BTreeMap<String, usize> = BTreeMap::new();

    // Local time: cases were recorded with TZ=UTC.
    if let Ok(tz) = std::env::var("TZ")
        && !["", "UTC", "Etc/UTC", "UTC0", ":UTC"].contains(&tz.as_str())
    {
        failed += 1;
        failures.push(format!(
            "TZ={tz:?}: the cases were recorded with Helm's local time zone UTC; run with TZ unset or TZ=UTC"
        ));
    }

    let quiet_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));

    let mut expected_files: BTreeSet<String> = BTreeSet::new();
    for txt in &txts {
        let file = txt.file_name().unwrap().to_string_lossy().into_owned();
        let family = file.trim_end_matches(".txt").to_string();
        let exp_path = txt.with_extension("expected.json");
        expected_files.insert(exp_path.file_name().unwrap().to_string_lossy().into_owned());
        let text = match std::fs::read_to_string(txt) {
            Ok(t) => t,
            Err(e) => {
                failed += 1;
                failures.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        let cases = match case::parse_case_file(&text, &registry::is_known) {
            Ok(c) => c,
            Err(e) => {
                failed += 1;
                failures.push(format!("{file}:{e}"));
                continue;
            }
        };
        let exp: Option<ExpectFile> = match expect::read(&exp_path) {
            Ok(x) => Some(x),
            Err(e) => {
                failed += 1;
                failures.push(format!(
                    "{file}: expectations {} unreadable or missing ({e}); run tools/sprig-oracle/record",
                    exp_path.display()
                ));
                None
            }
        };
        let mut by_name: HashMap<&str, &Expected> = HashMap::new();
        if let Some(x) = &exp {
            match &rhash {
                Ok(h) if *h == x.recorder_hash && x.helm_version == record::HELM_VERSION => {}
                Ok(_) => {
                    failed += 1;
                    failures.push(format!(
                        "{file}: expectations were recorded by another recorder or Helm; run tools/sprig-oracle/record"
                    ));
                }
                Err(e) => {
                    failed += 1;
                    failures.push(format!("cannot hash the recorder: {e}"));
                }
            }
            for e in &x.cases {
                by_name.insert(e.name.as_str(), e);
                if !cases.iter().any(|c| c.name == e.name) {
                    failed += 1;
                    failures.push(format!(
                        "{file}: expectation for {:?} has no case; run tools/sprig-oracle/record",
                        e.name
                    ));
                }
            }
        }
        for c in &cases {
            let id = format!("{file}:{}", c.name);
            if filter.as_deref().is_some_and(|f| !id.contains(f)) {
                filtered_out += 1;
                continue;
            }
            let head = format!("{file}:{}: case {:?}", c.line, c.name);
            let mut ok = false;
            let verdict: Result<(), String> = (|| {
                let want = by_name
                    .get(c.name.as_str())
                    .ok_or("no expectation recorded; run tools/sprig-oracle/record")?;
                if want.hash != c.hash || want.data != c.data_key() {
                    return Err(
                        "expectation is stale (the case changed); run tools/sprig-oracle/record"
                            .into(),
                    );
                }
                let data_json = exp
                    .as_ref()
                    .and_then(|x| x.data.get(&want.data))
                    .cloned()
                    .ok_or("the case's data is not recorded; run tools/sprig-oracle/record")?;
                let got = runner::run_isolated(c, move || typed::build(&data_json))?;
                if let Outcome::NotAvailable(fs) = &got {
                    for f in fs {
                        *not_available.entry(f.clone()).or_default() += 1;
                    }
                }
                judge(c, want, &got)?;
                ok = true;
                Ok(())
            })();
            if let Err(e) = verdict {
                failures.push(format!("{head}: {e}"));
            }
            case_total += 1;
            if ok {
                passed += 1;
                case_passed += 1;
            } else {
                failed += 1;
            }
            for s in &c.subjects {
                let t = tally.entry(s.clone()).or_default();
                t.cases += 1;
                t.passed += usize::from(ok);
                t.differs += usize::from(ok && c.differs.is_some());
                t.families.insert(family.clone());
            }
            if let Some(d) = &c.differs {
                differences.push((format!("{file}: {}", c.name), d.reason.clone()));
            }
        }
    }
    std::panic::set_hook(quiet_hook);

    for entry in std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") && !expected_files.contains(&name) {
            failed += 1;
            failures.push(format!(
                "{name}: no case file; run tools/sprig-oracle/record"
            ));
        }
    }

    if filter.is_none() {
        // Every function Helm registers (and the names it leaves out) needs a case.
        for f in registry::helm_registered()
            .iter()
            .chain(registry::EXCLUDED_BY_HELM)
            .chain(registry::NOT_IN_HELM_4_1_4)
        {
            if tally.get(*f).is_none_or(|t| t.cases == 0) {
                failed += 1;
                failures.push(format!("function {f} has no case"));
            }
        }
        let table = render_table(&tally, case_total, case_passed, &differences);
        let path = table_path();
        if std::env::var("KELM_WRITE_TABLE").is_ok_and(|v| !v.is_empty() && v != "0") {
            std::fs::write(&path, &table).expect("write FUNCTIONS.md");
            println!("wrote {}", path.display());
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(table.as_str()) {
            failed += 1;
            failures.push(format!(
                "{} is out of date; regenerate it with KELM_WRITE_TABLE=1 cargo test -p kelm-sprig --test differential",
                path.display()
            ));
        }
    }

    for f in &failures {
        println!("FAIL {f}");
    }
    if !not_available.is_empty() {
        let list: Vec<String> = not_available
            .iter()
            .map(|(f, n)| format!("{f} ({n})"))
            .collect();
        println!(
            "functions not available in kelm yet, with the cases needing them: {}",
            list.join(", ")
        );
    }
    if let Some(f) = &filter {
        println!("KELM_CASES={f:?}: {filtered_out} cases not selected");
    }
    println!("{passed} passed, {failed} failed");
    assert_eq!(
        failed, 0,
        "{failed} differential checks failed ({passed} passed); see the FAIL lines above"
    );
}

/// `FUNCTIONS.md`: every function with its cases and how many pass.
fn render_table(
    tally: &BTreeMap<String, Tally>,
    total: usize,
    passed: usize,
    differences: &[(String, String)],
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# kelm-sprig: function coverage");
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Generated by `KELM_WRITE_TABLE=1 cargo test -p kelm-sprig --test differential`; do not\n\
         edit. Every function Helm {} registers for templates: Sprig v3.3.0's `genericMap`\n\
         less `env` and `expandenv`, then Helm's own functions. A case counts for each function\n\
         its name lists before the `:`; cases are in `tests/cases/FAMILY.txt`, checked against\n\
         what Helm {} did (see `tests/cases/README.md`).",
        record::HELM_VERSION,
        record::HELM_VERSION
    );
    let _ = writeln!(s);
    let empty = Tally::default();
    let row = |s: &mut String, f: &str| {
        let t = tally.get(f).unwrap_or(&empty);
        let status = if t.cases == 0 {
            "no case"
        } else if t.passed == t.cases && t.differs > 0 {
            "pass (documented difference)"
        } else if t.passed == t.cases {
            "pass"
        } else {
            "FAIL"
        };
        let fams: Vec<&str> = t.families.iter().map(String::as_str).collect();
        let _ = writeln!(
            s,
            "| `{f}` | {} | {} | {} | {status} |",
            fams.join(", "),
            t.cases,
            t.passed
        );
    };
    let header = "| function | case files | cases | passing | status |\n|---|---|---:|---:|---|";
    let sprig: Vec<&str> = registry::SPRIG
        .iter()
        .copied()
        .filter(|f| !registry::EXCLUDED_BY_HELM.contains(f) && !registry::HELM.contains(f))
        .collect();
    let count_pass = |fs: &[&str]| {
        fs.iter()
            .filter(|f| {
                tally
                    .get(**f)
                    .is_some_and(|t| t.cases > 0 && t.passed == t.cases)
            })
            .count()
    };
    let all: Vec<&str> = registry::helm_registered();
    let _ = writeln!(
        s,
        "Summary: {} functions, {} with every case passing; {total} cases, {passed} passing.",
        all.len(),
        count_pass(&all),
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "## Sprig functions ({}, {} fully passing)\n\n{header}",
        sprig.len(),
        count_pass(&sprig)
    );
    for f in &sprig {
        row(&mut s, f);
    }
    let _ = writeln!(
        s,
        "\n## Helm's functions ({}, {} fully passing)\n\n`toJson`, `mustToJson`, `fromJson`, `fail` and `getHostByName` replace Sprig's functions of the\nsame name; `getHostByName` is Sprig's again with `--enable-dns`.\n\n{header}",
        registry::HELM.len(),
        count_pass(registry::HELM)
    );
    for f in registry::HELM {
        row(&mut s, f);
    }
    let _ = writeln!(
        s,
        "\n## Not registered by Helm {}\n\n`env` and `expandenv` are Sprig's but deleted by Helm; `mustToToml` arrived in Helm 4.2.\nTheir cases show that templates using them fail to parse.\n\n{header}",
        record::HELM_VERSION
    );
    for f in registry::EXCLUDED_BY_HELM
        .iter()
        .chain(registry::NOT_IN_HELM_4_1_4)
    {
        row(&mut s, f);
    }
    let builtins: Vec<&str> = registry::GO_BUILTINS
        .iter()
        .copied()
        .filter(|f| tally.contains_key(*f))
        .collect();
    if !builtins.is_empty() {
        let _ = writeln!(
            s,
            "\n## Go `text/template` builtins with cases here\n\nThese belong to `kelm-gotmpl`; cases here show how they treat values Helm makes.\n\n{header}"
        );
        for f in builtins {
            row(&mut s, f);
        }
    }
    if !differences.is_empty() {
        let _ = writeln!(
            s,
            "\n## Documented differences from Helm\n\nThese cases check that kelm prints what its `kelm-differs` section says, and that Helm\nprinted something else.\n"
        );
        for (case, reason) in differences {
            let _ = writeln!(s, "- `{case}`: {reason}");
        }
    }
    s
}

#[test]
fn recorder_hash_is_readable() {
    assert!(record::recorder_hash().is_ok());
    assert!(Path::new(&record::recorder_source()).exists());
}
