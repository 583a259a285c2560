//! Gives arbitrary text to Helm's `tpl`, with every function a Helm template has
//! (Sprig's and Helm's, `include` and `tpl` re-entering the engine), over data shaped
//! like Helm's (`.Values`, `.Release`, `.Chart`, `.Template`).
//!
//! What is bounded, and why: a template may legitimately run forever (`range` over a
//! huge integer) or build a huge value (`repeat`, `until`, doubling a string in a
//! loop), in Go as in kelm. The execution has a step budget and a nesting limit, and
//! the functions that make values in proportion to a number, or any value larger than
//! [`MAX_VALUE`], fail here instead, so the fuzzer reports crashes, not slow or big
//! templates. Nothing else is changed: the functions themselves are kelm's.
#![no_main]

use std::sync::OnceLock;

use kelm_gotmpl::{Call, FuncError, Function, List, Map, MissingKey, Template, Type, Value};
use libfuzzer_sys::fuzz_target;

/// The largest string or list a wrapped function may take or return.
const MAX_VALUE: usize = 1 << 20;
/// The largest number a size-making function may be given.
const MAX_COUNT: i64 = 10_000;
/// Functions whose output grows with a numeric argument.
const SIZE_MAKERS: &[&str] = &[
    "repeat",
    "until",
    "untilStep",
    "seq",
    "indent",
    "nindent",
    "randAlphaNum",
    "randAlpha",
    "randNumeric",
    "randAscii",
    "randBytes",
    "wrap",
    "wrapWith",
    "genPrivateKey",
    "genCA",
    "genCAWithKey",
    "genSelfSignedCert",
    "genSelfSignedCertWithKey",
    "genSignedCert",
    "genSignedCertWithKey",
    "bcrypt",
    "derivePassword",
];
/// Functions too slow to run thousands of times a second (key generation, bcrypt):
/// they are exercised by their own tests.
const SLOW: &[&str] = &[
    "genPrivateKey",
    "genCA",
    "genCAWithKey",
    "genSelfSignedCert",
    "genSelfSignedCertWithKey",
    "genSignedCert",
    "genSignedCertWithKey",
    "bcrypt",
    "htpasswd",
    "derivePassword",
    "getHostByName",
];

fn size(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.len(),
        Value::Map(m) => m.len(),
        _ => 0,
    }
}

fn too_big_number(v: &Value) -> bool {
    match v {
        Value::Int(i, _) => i.unsigned_abs() > MAX_COUNT as u64,
        Value::Uint(u, _) => *u > MAX_COUNT as u64,
        Value::Float(f, _) => !(f.abs() <= MAX_COUNT as f64),
        Value::String(s) => s
            .trim()
            .parse::<f64>()
            .is_ok_and(|f| f.abs() > MAX_COUNT as f64),
        _ => false,
    }
}

fn bounded(f: Function) -> Function {
    let name = f.name().to_string();
    let slow = SLOW.contains(&name.as_str());
    let counts = SIZE_MAKERS.contains(&name.as_str());
    let sig = (**f.signature()).clone();
    Function::new(name, sig, move |call: &mut Call<'_>, args: &[Value]| {
        if slow {
            return Err(FuncError::new("fuzz: slow function not run"));
        }
        if args.iter().any(|a| size(a) > MAX_VALUE) || (counts && args.iter().any(too_big_number)) {
            return Err(FuncError::new("fuzz: argument too large"));
        }
        let r = f.invoke(call, args)?;
        if size(&r) > MAX_VALUE {
            return Err(FuncError::new("fuzz: result too large"));
        }
        Ok(r)
    })
}

/// Fresh data for each run: templates may change maps (`set`, `merge`).
fn data(text: &str) -> Value {
    {
        let values = Map::with_type(Type::named("common.Values", Type::map_of_any()));
        values.insert("s", Value::from("text"));
        values.insert("n", Value::float64(1e6));
        values.insert("i", Value::int64(-3));
        values.insert("b", Value::Bool(true));
        values.insert("z", Value::nil());
        values.insert("tpl", Value::from("{{ .Values.s }}-{{ .Release.Name }}"));
        values.insert(
            "l",
            Value::from(vec![Value::from("a"), Value::float64(2.5), Value::nil()]),
        );
        let nested = Map::new();
        nested.insert("k", Value::from("v"));
        values.insert("m", Value::Map(nested));
        let release = Map::from_entries([
            ("Name", Value::from("rel")),
            ("Namespace", Value::from("default")),
            ("IsInstall", Value::Bool(true)),
            ("Revision", Value::int(1)),
        ]);
        let chart = Map::from_entries([
            ("Name", Value::from("chart")),
            ("Version", Value::from("0.1.0")),
            (
                "Keywords",
                Value::List(List::with_type(
                    Type::slice_of(Type::String),
                    vec![Value::from("x")],
                )),
            ),
        ]);
        let template = Map::from_entries([
            ("Name", Value::from("chart/templates/fuzz.yaml")),
            ("BasePath", Value::from("chart/templates")),
        ]);
        Value::Map(Map::from_entries([
            ("Values", Value::Map(values)),
            ("Release", Value::Map(release)),
            ("Chart", Value::Map(chart)),
            ("Template", Value::Map(template)),
            ("text", Value::from(text)),
        ]))
    }
}

fn functions() -> &'static Vec<Function> {
    static FUNCS: OnceLock<Vec<Function>> = OnceLock::new();
    FUNCS.get_or_init(|| {
        kelm_engine::template_functions(&kelm_engine::FuncOptions::default())
            .into_iter()
            .map(bounded)
            .collect()
    })
}

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    // Helm's engine: root template `gotpl`, missingkey=zero (error when strict), a
    // partial defining a name for `include`, and the chart template calling `tpl`.
    for mk in [MissingKey::Zero, MissingKey::Error] {
        let mut t = Template::new("gotpl");
        t.add_funcs(functions().iter().cloned());
        t.missing_key(mk);
        t.max_exec_depth(200);
        t.max_steps(100_000);
        t.parse_named(
            "chart/templates/_helpers.tpl",
            r#"{{ define "h" }}[{{ . }}]{{ end }}"#,
        )
        .expect("helpers parse");
        t.parse_named("chart/templates/fuzz.yaml", "{{ tpl .text . }}")
            .expect("caller parses");
        let mut out = String::new();
        let _ = t.execute_template("chart/templates/fuzz.yaml", &data(text), &mut out);
    }
});
