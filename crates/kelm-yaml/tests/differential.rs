//! The differential test: every operation of every case in `tests/cases/*.txt` must do
//! in kelm-yaml exactly what Helm 4.1.4's Go libraries did with it, as recorded by
//! `tools/yaml-oracle/record` in `tests/cases/*.expected.json`: the same value (with the
//! same Go number types), the same printed bytes, or the same error text.
//!
//! Every operation runs isolated (a panic or a hang fails that operation only); the
//! test fails listing every mismatch, missing or stale expectation and every case it
//! cannot run, and prints `N passed, M failed` (one count per operation of a case).
//! Set `KELM_CASES=text` to run only the cases whose `file:name` contains `text`.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use kelm_yaml::{JsonStyle, Value};

use support::case::{self, Case, InputKind};
use support::expect::{self, ExpectedCase, Outcome};
use support::typed;

/// How long one operation may run before it counts as hung.
const OP_TIMEOUT: Duration = Duration::from_secs(30);

/// Stack for the threads that run operations and read expectations: the deep nesting
/// cases are part of the suite.
const STACK: usize = 512 << 20;

fn value_input(input: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(input).map_err(|e| format!("input value: {e}"))?;
    let j = typed::parse_json(text).map_err(|e| format!("input value: {e}"))?;
    typed::build(&j).map_err(|e| format!("input value: {e}"))
}

fn json_style(op: &str) -> JsonStyle {
    match op {
        "to_json" => JsonStyle {
            escape_html: true,
            indent: None,
        },
        "to_json_pretty" => JsonStyle {
            escape_html: true,
            indent: Some("  "),
        },
        _ => JsonStyle {
            escape_html: false,
            indent: None,
        },
    }
}

/// Runs one operation against kelm-yaml. `Err` means it could not be run at all.
fn run_op(op: &str, kind: InputKind, input: &[u8]) -> Result<Outcome, String> {
    fn err(e: kelm_yaml::Error) -> Outcome {
        Outcome::Error(e.message().to_string())
    }
    fn output(r: Result<String, kelm_yaml::Error>) -> Outcome {
        r.map_or_else(err, Outcome::Output)
    }
    fn value(r: Result<Value, kelm_yaml::Error>) -> Outcome {
        r.map_or_else(err, Outcome::Value)
    }
    if kind == InputKind::Value {
        let v = value_input(input)?;
        return Ok(match op {
            "to_yaml" => output(kelm_yaml::to_yaml(&v)),
            "to_yaml_pretty" => output(kelm_yaml::to_yaml_pretty(&v)),
            "to_json" | "to_json_pretty" | "to_json_raw" => {
                output(kelm_yaml::to_json(&v, json_style(op)))
            }
            "to_toml" => output(kelm_yaml::to_toml(&v)),
            _ => return Err(format!("unknown operation {op:?}")),
        });
    }
    // Go's decoders take bytes; so do kelm's, but for TOML (Helm's fromToml gets a
    // template string).
    Ok(match op {
        "from_yaml" => value(kelm_yaml::from_yaml_bytes(input)),
        "from_yaml_documents" => {
            kelm_yaml::from_yaml_documents_bytes(input).map_or_else(err, Outcome::Documents)
        }
        "yaml_roundtrip" => {
            output(kelm_yaml::from_yaml_bytes(input).and_then(|v| kelm_yaml::to_yaml(&v)))
        }
        "from_json" => value(kelm_yaml::from_json_bytes(input)),
        "from_toml" => {
            let text = std::str::from_utf8(input).map_err(|e| {
                format!("the input is not UTF-8 ({e}), and kelm_yaml::from_toml takes &str")
            })?;
            value(kelm_yaml::from_toml(text))
        }
        _ => return Err(format!("unknown operation {op:?}")),
    })
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

/// Runs an operation on its own thread, catching panics and giving up after a timeout.
fn run_isolated(op: &str, c: &Case) -> Result<Outcome, String> {
    let (tx, rx) = mpsc::channel();
    let (op2, kind, input) = (op.to_string(), c.kind, c.input.clone());
    let spawned = std::thread::Builder::new()
        .name(format!("{} {op}", c.name))
        .stack_size(STACK)
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_op(&op2, kind, &input)
            }));
            let _ = tx.send(r.unwrap_or_else(|p| Err(format!("panicked: {}", panic_message(&*p)))));
        });
    if let Err(e) = spawned {
        return Err(format!("could not start a thread: {e}"));
    }
    match rx.recv_timeout(OP_TIMEOUT) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("did not finish within {OP_TIMEOUT:?}"))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("its thread died".to_string()),
    }
}

/// Shows a text for a failure report: quoted, and cut when very long.
fn cut(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes in all)", &s[..end], s.len())
}

fn show_text(s: &str) -> String {
    cut(&format!("{s:?}"), 1500)
}

fn show(o: &Outcome) -> String {
    match o {
        Outcome::Value(v) => format!("value {}", cut(&typed::show(v), 1500)),
        Outcome::Documents(d) => format!(
            "documents {}",
            cut(&typed::show(&Value::Seq(d.clone())), 1500)
        ),
        Outcome::Output(s) => format!("output {}", show_text(s)),
        Outcome::Error(e) => format!("error {}", show_text(e)),
    }
}

/// Describes where two texts first differ, for long outputs.
fn text_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.split('\n').collect(), got.split('\n').collect());
    let i = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let line = |v: &[&str]| {
        v.get(i)
            .map_or("(end of text)".to_string(), |l| show_text(l))
    };
    format!(
        "\n      first difference at line {}:\n        want {}\n        got  {}",
        i + 1,
        line(&w),
        line(&g)
    )
}

/// `None` when kelm did what Go did, else a description of the difference.
fn compare(want: &Outcome, got: &Outcome) -> Option<String> {
    let same = match (want, got) {
        (Outcome::Value(a), Outcome::Value(b)) => typed::same(a, b),
        (Outcome::Documents(a), Outcome::Documents(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| typed::same(x, y))
        }
        (Outcome::Output(a), Outcome::Output(b)) | (Outcome::Error(a), Outcome::Error(b)) => a == b,
        _ => false,
    };
    if same {
        return None;
    }
    let mut s = format!("\n    want {}\n    got  {}", show(want), show(got));
    match (want, got) {
        (Outcome::Output(a), Outcome::Output(b)) if a.len() > 200 || b.len() > 200 => {
            s.push_str(&text_difference(a, b));
        }
        (Outcome::Value(a), Outcome::Value(b)) => {
            if let Some(p) = typed::first_difference(a, b) {
                s.push_str(&format!(
                    "\n      first difference at {}",
                    if p.is_empty() { "the top" } else { &p }
                ));
            }
        }
        (Outcome::Documents(a), Outcome::Documents(b)) => {
            if let Some(p) = typed::first_difference(&Value::Seq(a.clone()), &Value::Seq(b.clone()))
            {
                s.push_str(&format!("\n      first difference at documents{p}"));
            }
        }
        _ => {}
    }
    Some(s)
}

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn oracle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/yaml-oracle")
}

const RECORD: &str = "run tools/yaml-oracle/record";

/// Tallies and failure lines.
#[derive(Default)]
struct Report {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
}

impl Report {
    fn fail(&mut self, msg: String) {
        self.failed += 1;
        self.failures.push(msg);
    }
}

/// Runs one case file's cases against its expectations.
fn run_file(
    txt: &Path,
    filter: Option<&str>,
    oracle_hash: &Result<String, String>,
    r: &mut Report,
) -> usize {
    let file = txt.file_name().unwrap().to_string_lossy().into_owned();
    let exp_path = txt.with_extension("expected.json");
    let text = match std::fs::read_to_string(txt) {
        Ok(t) => t,
        Err(e) => {
            r.fail(format!("{file}: cannot read: {e}"));
            return 0;
        }
    };
    let cases = match case::parse_case_file(&text, &tests_dir()) {
        Ok(c) => c,
        Err(e) => {
            r.fail(format!("{file}:{e}"));
            return 0;
        }
    };
    let mut by_name: HashMap<String, ExpectedCase> = HashMap::new();
    match expect::read(&exp_path) {
        Err(e) => r.fail(format!(
            "{file}: expectations {} unreadable or missing ({e}); {RECORD}",
            exp_path.display()
        )),
        Ok(x) => {
            match oracle_hash {
                Ok(h) if *h == x.oracle_hash => {}
                Ok(_) => r.fail(format!(
                    "{file}: expectations were recorded by another version of tools/yaml-oracle; {RECORD}"
                )),
                Err(e) => r.fail(format!("cannot hash tools/yaml-oracle: {e}")),
            }
            for e in x.cases {
                if !cases.iter().any(|c| c.name == e.name) {
                    r.fail(format!(
                        "{file}: expectation for {:?} has no case; {RECORD}",
                        e.name
                    ));
                }
                by_name.insert(e.name.clone(), e);
            }
        }
    }
    let mut not_selected = 0;
    for c in &cases {
        let id = format!("{file}:{}", c.name);
        if filter.is_some_and(|f| !id.contains(f)) {
            not_selected += 1;
            continue;
        }
        let head = format!("{file}:{}: {:?}", c.line, c.name);
        let Some(want) = by_name.get(&c.name) else {
            r.fail(format!("{head}: no expectation recorded; {RECORD}"));
            continue;
        };
        let want_ops: Vec<&str> = want.results.iter().map(|e| e.op.as_str()).collect();
        if want.hash != c.hash || want_ops != c.ops {
            r.fail(format!(
                "{head}: expectation is stale (the case changed); {RECORD}"
            ));
            continue;
        }
        for e in &want.results {
            let head = format!("{head} {}", e.op);
            let want = match &e.outcome {
                Ok(w) => w,
                Err(gap) => {
                    r.fail(format!("{head}: cannot express Go's result: {gap}"));
                    continue;
                }
            };
            match run_isolated(&e.op, c) {
                Err(msg) => r.fail(format!("{head}: {msg}\n    want {}", show(want))),
                Ok(got) => match compare(want, &got) {
                    None => r.passed += 1,
                    Some(diff) => r.fail(format!("{head}{diff}")),
                },
            }
        }
    }
    not_selected
}

fn differential() -> Report {
    let filter = std::env::var("KELM_CASES").ok().filter(|f| !f.is_empty());
    let dir = tests_dir().join("cases");
    let mut txts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    txts.sort();
    let mut r = Report::default();
    if txts.is_empty() {
        r.fail(format!("no case files in {}", dir.display()));
    }
    let oracle_hash = expect::oracle_hash(&oracle_dir());
    let mut not_selected = 0;
    let mut with_cases = BTreeSet::new();
    for txt in &txts {
        with_cases.insert(txt.with_extension("expected.json"));
        not_selected += run_file(txt, filter.as_deref(), &oracle_hash, &mut r);
    }
    // Expectation files whose case file is gone.
    for entry in std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
    {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") && !with_cases.contains(&path) {
            r.fail(format!("{name}: no case file; {RECORD}"));
        }
    }
    if let Some(f) = &filter {
        r.failures.push(format!(
            "(KELM_CASES={f:?}: {not_selected} cases not selected)"
        ));
    }
    r
}

#[test]
fn differential_against_go() {
    let quiet_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    // Reading the deep nesting cases' expectations needs a deep stack too.
    let report = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(differential)
        .expect("start the test's thread")
        .join();
    std::panic::set_hook(quiet_hook);
    let report = match report {
        Ok(r) => r,
        Err(p) => panic!(
            "the differential test itself panicked: {}",
            panic_message(&*p)
        ),
    };
    for f in &report.failures {
        if f.starts_with('(') {
            println!("{f}");
        } else {
            println!("FAIL {f}");
        }
    }
    println!("{} passed, {} failed", report.passed, report.failed);
    assert_eq!(
        report.failed, 0,
        "{} differential results failed ({} passed); see the FAIL lines above",
        report.failed, report.passed
    );
}

/// The harness's own pieces.
#[test]
fn harness_helpers() {
    assert_eq!(case::fnv_hex(&[b""]), "cbf29ce484222325");
    assert_eq!(case::fnv_hex(&[b"a"]), "af63dc4c8601ec8c");
    let v = typed::build(&typed::parse_json(r#"{"a": [1.5, {"$int": -3}, {"$uint": "18446744073709551615"}, {"$float": "-0"}], "b": {"$map": {"$x": null}}}"#).unwrap()).unwrap();
    let Value::Map(m) = &v else {
        panic!("not a map")
    };
    assert_eq!(
        m["a"],
        Value::Seq(vec![
            Value::Float(1.5),
            Value::Int(-3),
            Value::Uint(u64::MAX),
            Value::Float(-0.0)
        ])
    );
    assert!(!typed::same(&Value::Float(0.0), &Value::Float(-0.0)));
    assert!(typed::same(
        &Value::Float(f64::NAN),
        &Value::Float(f64::NAN)
    ));
    assert_eq!(
        typed::show(&v),
        r#"{"a": [1.5, {"$int": -3}, {"$uint": 18446744073709551615}, {"$float": "-0"}], "b": {"$map": {"$x": null}}}"#
    );
    let cases = case::parse_case_file(
        "# c\n=== a\n>>> from_yaml from_json\nx: 1\n\n=== b\n>>> to_json as json\n\"[1,\" * 2\n\"2]]\"\n",
        Path::new("."),
    )
    .unwrap();
    assert_eq!(cases[0].input, b"x: 1\n");
    assert_eq!(cases[0].ops, ["from_yaml", "from_json"]);
    assert_eq!(cases[1].input, b"[1,[1,2]]");
    assert_eq!(cases[1].kind, InputKind::Value);
}

/// The benchmark's recorded Go digests (`benches/data/go_digests.txt`, from
/// `tools/yaml-bench`) agree with what the oracle recorded for the same file, so the
/// benchmark's correctness check and the differential test expect the same thing.
#[test]
fn bench_digests_agree_with_the_oracle() {
    use support::canonical::{sha256_hex, value_digest};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let digests = std::fs::read_to_string(root.join("benches/data/go_digests.txt"))
        .expect("read benches/data/go_digests.txt");
    let digest = |name: &str| {
        digests
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
            .unwrap_or_default()
            .to_string()
    };
    let corpus = expect::read(&tests_dir().join("cases/corpus.expected.json"))
        .expect("read corpus.expected.json");
    let case = corpus
        .cases
        .iter()
        .find(|c| c.name == "charts/kube-prometheus-stack/values.yaml")
        .expect("the benchmark's file is a corpus case");
    for e in &case.results {
        match (e.op.as_str(), &e.outcome) {
            ("from_yaml", Ok(Outcome::Value(v))) => {
                assert_eq!(value_digest(v), digest("value_sha256"), "from_yaml digest");
            }
            ("yaml_roundtrip", Ok(Outcome::Output(out))) => {
                assert_eq!(
                    sha256_hex(out.as_bytes()),
                    digest("output_sha256"),
                    "to_yaml digest"
                );
            }
            (op, other) => panic!("unexpected recorded result for {op}: {other:?}"),
        }
    }
}
