//! The differential test: every case in `tests/cases/*.txt` must do in kelm exactly what
//! Go 1.25's `text/template` did with it, as recorded by `tools/gotmpl-oracle/record` in
//! `tests/cases/*.expected.json`. Same output (also the partial output before an error),
//! same error text, same phase (parse or exec).
//!
//! Every case runs, isolated (a panic or a hang fails that case only); the test fails
//! listing every mismatch, missing or stale expectation, and prints `N passed, M failed`.
//! Set `KELM_CASES=text` to run only the cases whose `file:name` contains `text`.

mod support;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use kelm_gotmpl::{ErrorKind, Template};

use support::case::{self, Case};
use support::expect::{self, Expected};
use support::{data, funcs};

/// How long one case may run before it counts as hung.
const CASE_TIMEOUT: Duration = Duration::from_secs(30);

/// Stack for each case's thread: deep template recursion is part of the suite.
const CASE_STACK: usize = 512 << 20;

/// What kelm did with a case.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    output: String,
    /// `Some((phase, message))` on error.
    error: Option<(String, String)>,
}

/// Runs one case against kelm. `Err` means the case could not be set up.
fn run_case(c: &Case) -> Result<Outcome, String> {
    let data = data::build_top(c.data.as_deref()).map_err(|e| format!("building data: {e}"))?;
    let mut t = Template::new(c.template_name.as_str());
    if let Some((l, r)) = &c.delims {
        t.delims(l, r);
    }
    if let Some(mk) = &c.missing_key {
        t.option(&format!("missingkey={mk}"))
            .map_err(|e| format!("option: {e}"))?;
    }
    t.add_funcs(funcs::test_funcs(&c.template_name));
    for sec in &c.templates {
        let r = match &sec.name {
            None => t.parse(&sec.text).map(|_| ()),
            Some(n) => t.parse_named(n, &sec.text).map(|_| ()),
        };
        if let Err(e) = r {
            return Ok(Outcome {
                output: String::new(),
                error: Some((phase(e.kind()).to_string(), e.to_string())),
            });
        }
    }
    let mut out = String::new();
    let r = match &c.exec {
        None => t.execute(&data, &mut out),
        Some(name) => t.execute_template(name, &data, &mut out),
    };
    Ok(Outcome {
        output: out,
        error: r
            .err()
            .map(|e| (phase(e.kind()).to_string(), e.to_string())),
    })
}

fn phase(k: ErrorKind) -> &'static str {
    match k {
        ErrorKind::Parse => "parse",
        ErrorKind::Exec => "exec",
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic)".to_string()
    }
}

/// Runs a case on its own thread, catching panics and giving up after a timeout.
fn run_isolated(c: &Case) -> Result<Outcome, String> {
    let (tx, rx) = mpsc::channel();
    let c2 = c.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("case {}", c.name))
        .stack_size(CASE_STACK)
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(&c2)));
            let _ = tx.send(r.unwrap_or_else(|p| Err(format!("panicked: {}", panic_message(&*p)))));
        });
    if let Err(e) = spawned {
        return Err(format!("could not start the case's thread: {e}"));
    }
    match rx.recv_timeout(CASE_TIMEOUT) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("did not finish within {CASE_TIMEOUT:?}"))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the case's thread died".to_string()),
    }
}

/// Shows a text for a failure report: quoted, and cut when very long.
fn show(s: &str) -> String {
    const MAX: usize = 2000;
    if s.len() <= MAX {
        return format!("{s:?}");
    }
    let mut cut = MAX;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{:?}... ({} bytes in all)", &s[..cut], s.len())
}

fn show_result(output: &str, error: &Option<(String, String)>) -> String {
    let mut s = format!("output {}", show(output));
    match error {
        Some((ph, msg)) => {
            let _ = write!(s, "\n      {ph} error {}", show(msg));
        }
        None => s.push_str("\n      no error"),
    }
    s
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn oracle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/gotmpl-oracle")
}

#[test]
fn differential_against_go() {
    let filter = std::env::var("KELM_CASES").ok().filter(|f| !f.is_empty());
    let dir = cases_dir();
    let mut txts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    txts.sort();
    assert!(!txts.is_empty(), "no case files in {}", dir.display());

    let oracle_hash = expect::oracle_hash(&oracle_dir());
    let mut failures: Vec<String> = Vec::new();
    let mut passed = 0usize;
    let mut failed = 0usize;
    let mut filtered_out = 0usize;
    let mut lossy = 0usize;

    let quiet_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));

    let mut expected_files: BTreeMap<String, ()> = BTreeMap::new();
    for txt in &txts {
        let file = txt.file_name().unwrap().to_string_lossy().into_owned();
        let exp_path = txt.with_extension("expected.json");
        expected_files.insert(
            exp_path.file_name().unwrap().to_string_lossy().into_owned(),
            (),
        );
        let text = match std::fs::read_to_string(txt) {
            Ok(t) => t,
            Err(e) => {
                failed += 1;
                failures.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        let cases = match case::parse_case_file(&text) {
            Ok(c) => c,
            Err(e) => {
                failed += 1;
                failures.push(format!("{file}:{e}"));
                continue;
            }
        };
        let exp = match expect::read(&exp_path) {
            Ok(x) => Some(x),
            Err(e) => {
                failed += 1;
                failures.push(format!(
                    "{file}: expectations {} unreadable or missing ({e}); run tools/gotmpl-oracle/record",
                    exp_path.display()
                ));
                None
            }
        };
        let mut by_name: HashMap<&str, &Expected> = HashMap::new();
        if let Some(x) = &exp {
            match &oracle_hash {
                Ok(h) if *h == x.oracle_hash => {}
                Ok(_) => {
                    failed += 1;
                    failures.push(format!(
                        "{file}: expectations were recorded by another version of tools/gotmpl-oracle; run tools/gotmpl-oracle/record"
                    ));
                }
                Err(e) => {
                    failed += 1;
                    failures.push(format!("cannot hash tools/gotmpl-oracle: {e}"));
                }
            }
            for e in &x.cases {
                by_name.insert(e.name.as_str(), e);
            }
            for e in &x.cases {
                if !cases.iter().any(|c| c.name == e.name) {
                    failed += 1;
                    failures.push(format!(
                        "{file}: expectation for {:?} has no case; run tools/gotmpl-oracle/record",
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
            let Some(want) = by_name.get(c.name.as_str()) else {
                failed += 1;
                failures.push(format!(
                    "{head}: no expectation recorded; run tools/gotmpl-oracle/record"
                ));
                continue;
            };
            if want.hash != c.hash {
                failed += 1;
                failures.push(format!(
                    "{head}: expectation is stale (the case changed); run tools/gotmpl-oracle/record"
                ));
                continue;
            }
            if want.output_lossy {
                lossy += 1;
            }
            match run_isolated(c) {
                Err(e) => {
                    failed += 1;
                    failures.push(format!("{head}: {e}"));
                }
                Ok(got) => {
                    let want_outcome = Outcome {
                        output: want.output.clone(),
                        error: want.error.clone(),
                    };
                    if got == want_outcome {
                        passed += 1;
                    } else {
                        failed += 1;
                        failures.push(format!(
                            "{head}\n    want {}\n    got  {}",
                            show_result(&want.output, &want.error),
                            show_result(&got.output, &got.error)
                        ));
                    }
                }
            }
        }
    }
    std::panic::set_hook(quiet_hook);

    // Expectation files whose case file is gone.
    for entry in std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") && !expected_files.contains_key(&name) {
            failed += 1;
            failures.push(format!(
                "{name}: no case file; run tools/gotmpl-oracle/record"
            ));
        }
    }

    for f in &failures {
        println!("FAIL {f}");
    }
    if let Some(f) = &filter {
        println!("KELM_CASES={f:?}: {filtered_out} cases not selected");
    }
    if lossy > 0 {
        println!(
            "note: {lossy} cases expect output that is not UTF-8; compared after lossy decoding"
        );
    }
    println!("{passed} passed, {failed} failed");
    assert_eq!(
        failed, 0,
        "{failed} differential cases failed ({passed} passed); see the FAIL lines above"
    );
}

/// The harness's own pieces that mirror Go library behaviour.
#[test]
fn harness_mirrors_go_helpers() {
    use support::objects::path_match;
    assert!(path_match("conf/*.yaml", "conf/x.yaml"));
    assert!(!path_match("conf/*.yaml", "conf/z.txt"));
    assert!(!path_match("*.yaml", "conf/x.yaml"));
    assert!(path_match("a?c", "abc"));
    assert!(!path_match("a?c", "a/c"));
    assert!(path_match("[a-c]x", "bx"));
    assert!(!path_match("[^a-c]x", "bx"));
    assert!(path_match("\\*", "*"));
    assert_eq!(case::fnv_hex(&[b""]), "cbf29ce484222325");
    assert_eq!(case::fnv_hex(&[b"a"]), "af63dc4c8601ec8c");
}
