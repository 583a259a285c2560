//! Printing never panics, never overflows the stack and always terminates: random
//! format strings over random operands, maps that contain themselves, and host objects
//! nested without end. Also what kelm prints where Go prints addresses.

mod fmt_support;

use std::sync::Arc;

use fmt_support::{named, ptr_to_struct, strukt};
use kelm_gotmpl::func::{Function, Signature};
use kelm_gotmpl::gofmt::{
    MAX_DEPTH, sprint, sprintf, sprintln, write_action_value, write_sprint, write_value,
};
use kelm_gotmpl::{FloatKind, IntKind, List, Map, Object, Type, UintKind, Value};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn cyclic_map() -> Value {
    let m = Map::new();
    m.insert("self", Value::Map(m.clone()));
    m.insert(
        "list",
        Value::from(vec![Value::Map(m.clone()), Value::int(1)]),
    );
    m.insert("n", Value::float64(1.5));
    Value::Map(m)
}

fn operands() -> Vec<Value> {
    let sig = Signature::new(vec![Type::String], Type::String);
    vec![
        Value::Invalid,
        Value::nil(),
        Value::Nil(Type::ptr_to(Type::struct_named("main.T"))),
        Value::Nil(Type::map_of_any()),
        Value::Nil(Type::slice_of(Type::Uint(UintKind::U8))),
        Value::Nil(Type::ReflectValue),
        Value::Nil(Type::Func(Arc::new(sig.clone()))),
        Value::Bool(true),
        Value::int(-7),
        Value::Int(i64::MIN, IntKind::I64),
        Value::Uint(u64::MAX, UintKind::U64),
        Value::float64(1e21),
        Value::float64(f64::NAN),
        Value::Float(0.1, FloatKind::F32),
        Value::Complex(1.0, -0.0, FloatKind::F64),
        Value::from("héllo\n"),
        Value::from(""),
        Value::Bytes(b"\xff\x00ok".to_vec().into()),
        Value::from(vec![Value::int(1), Value::nil(), Value::from("x")]),
        cyclic_map(),
        strukt(
            "main.T",
            vec![("A", Value::int(1)), ("b", Value::from("x"))],
        ),
        ptr_to_struct(
            "main.T",
            vec![("A", Value::int(2)), ("P", ptr_to_struct("main.T", vec![]))],
        ),
        named(
            Type::named("main.Color", Type::Int(IntKind::Int)),
            Value::int(1),
            Some("green"),
        ),
        named(
            Type::named("main.Values", Type::map_of_any()),
            cyclic_map(),
            None,
        ),
        Value::Func(Function::new("f", sig, |_, _| Ok(Value::nil()))),
    ]
}

/// Random format strings (built from format syntax and arbitrary characters) over
/// random operands: printing must not panic, and text without verbs must pass through.
#[test]
fn random_formats_never_panic() {
    const PIECES: &[&str] = &[
        "%", "%", "%", "#", "0", "+", "-", " ", "1", "9", "0", ".", "*", "[", "]", "[1]", "[2]",
        "[0]", "[99]", "[-1]", "v", "d", "s", "q", "x", "X", "o", "O", "b", "c", "U", "e", "E",
        "f", "F", "g", "G", "t", "T", "p", "w", "%%", "é", "☠", "日", "\n", "!", "(", ")", "z",
        "1000001", "99999999",
    ];
    let pool = operands();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..30_000 {
        let mut format = String::new();
        for _ in 0..rng.below(10) + 1 {
            format.push_str(PIECES[rng.below(PIECES.len())]);
        }
        let args: Vec<Value> = (0..rng.below(5))
            .map(|_| pool[rng.below(pool.len())].clone())
            .collect();
        let out = sprintf(&format, &args);
        if !format.contains('%') && args.is_empty() {
            assert_eq!(out, format);
        }
        let _ = sprint(&args);
        let _ = sprintln(&args);
    }
}

#[test]
fn every_verb_and_flag_on_every_operand() {
    let pool = operands();
    for v in &pool {
        for verb in "vdsqxXobcUeEfFgGtTpwz☠%".chars() {
            for flags in ["", "#", "+", "-", " ", "0", "#+- 0"] {
                for wp in ["", "5", ".2", "12.4", "*", ".*"] {
                    let format = format!("%{flags}{wp}{verb}");
                    let _ = sprintf(&format, &[Value::int(3), v.clone(), v.clone()]);
                }
            }
        }
    }
}

#[test]
fn maps_that_contain_themselves() {
    let m = Map::new();
    m.insert("a", Value::Map(m.clone()));
    m.insert("b", Value::Map(m.clone()));
    assert_eq!(
        sprint(&[Value::Map(m.clone())]),
        "map[a:map[...] b:map[...]]"
    );
    assert_eq!(
        sprintf("%#v", &[Value::Map(m.clone())]),
        "map[string]interface {}{\"a\":map[string]interface {}{...}, \"b\":map[string]interface {}{...}}"
    );
    // Only a real cycle is cut short: the same map twice side by side prints twice.
    let inner = Map::from_entries([("k", Value::int(1))]);
    let twice = Value::from(vec![Value::Map(inner.clone()), Value::Map(inner)]);
    assert_eq!(sprint(&[twice]), "[map[k:1] map[k:1]]");
    let c = cyclic_map();
    assert_eq!(sprint(&[c]), "map[list:[map[...] 1] n:1.5 self:map[...]]");
}

/// An object whose field is always another such object, without end.
#[derive(Debug)]
struct Endless;

impl Object for Endless {
    fn go_type(&self) -> Type {
        Type::struct_named("main.Endless")
    }
    fn fields(&self) -> Vec<(String, Value)> {
        vec![("Next".to_string(), Value::Object(Arc::new(Endless)))]
    }
}

#[test]
fn endless_nesting_stops_at_the_depth_limit() {
    let out = sprint(&[Value::Object(Arc::new(Endless))]);
    assert_eq!(out.matches('{').count(), MAX_DEPTH + 1);
    assert!(out.contains("{...}"));
    let out = sprintf("%#v", &[Value::Object(Arc::new(Endless))]);
    assert!(out.starts_with("main.Endless{Next:main.Endless{Next:"));
}

#[test]
fn deep_but_finite_nesting_prints_fully() {
    let mut v = Value::int(0);
    for _ in 0..5_000 {
        v = Value::from(vec![v]);
    }
    let out = sprint(std::slice::from_ref(&v));
    assert_eq!(out.len(), 5_000 * 2 + 1);
    // Dropping a deeply nested value is the value model's business; keep it alive here
    // and let the process end free it.
    std::mem::forget(v);
}

/// Where Go prints addresses, kelm prints addresses too (different ones, as Go's differ
/// between runs).
#[test]
fn pointers_and_funcs_print_addresses() {
    let inner = ptr_to_struct("main.T", vec![("A", Value::int(1))]);
    let outer = strukt("main.S", vec![("P", inner.clone())]);
    let out = sprint(std::slice::from_ref(&outer));
    assert!(out.starts_with("{0x") && out.ends_with('}'), "{out}");
    let out = sprintf("%#v", &[outer]);
    assert!(out.starts_with("main.S{P:(*main.T)(0x"), "{out}");
    assert_eq!(sprint(std::slice::from_ref(&inner)), "&{1}");
    assert_eq!(sprintf("%+v", std::slice::from_ref(&inner)), "&{A:1}");
    assert_eq!(sprintf("%#v", std::slice::from_ref(&inner)), "&main.T{A:1}");
    assert!(sprintf("%p", std::slice::from_ref(&inner)).starts_with("0x"));
    assert!(!sprintf("%#p", std::slice::from_ref(&inner)).starts_with("0x"));
    assert!(sprintf("%d", &[inner]).starts_with("&{"));

    let sig = Signature::new(vec![Type::String], Type::String).with_error();
    let f = Value::Func(Function::new("f", sig, |_, _| Ok(Value::nil())));
    assert!(sprint(std::slice::from_ref(&f)).starts_with("0x"));
    assert_eq!(
        sprintf("%T", std::slice::from_ref(&f)),
        "func(string) (string, error)"
    );
    let out = sprintf("%#v", std::slice::from_ref(&f));
    assert!(
        out.starts_with("(func(string) (string, error))(0x"),
        "{out}"
    );
    let out = sprintf("%s", &[f]);
    assert!(
        out.starts_with("%!s(func(string) (string, error)=0x"),
        "{out}"
    );

    let m = Value::Map(Map::new());
    assert_eq!(sprintf("%p", std::slice::from_ref(&m)), sprintf("%p", &[m]));
}

/// Methods of values inside unexported fields are out of Go's reach.
#[test]
fn stringers_in_unexported_fields_are_not_called() {
    let stringer = || {
        named(
            Type::named("main.Color", Type::Int(IntKind::Int)),
            Value::int(1),
            Some("green"),
        )
    };
    let v = strukt("main.H", vec![("c", stringer()), ("C", stringer())]);
    assert_eq!(sprint(std::slice::from_ref(&v)), "{1 green}");
    assert_eq!(sprintf("%+v", &[v]), "{c:1 C:green}");
    let nested = strukt(
        "main.H",
        vec![
            ("inner", Value::from(vec![stringer()])),
            ("Inner", Value::from(vec![stringer()])),
        ],
    );
    assert_eq!(sprint(&[nested]), "{[1] [green]}");
    // At the top level and in containers the method is used.
    assert_eq!(sprint(&[stringer()]), "green");
    assert_eq!(sprint(&[Value::from(vec![stringer()])]), "[green]");
    assert_eq!(sprintf("%d", &[stringer()]), "1");
    assert_eq!(sprintf("%#v", &[stringer()]), "1");
}

/// The single-operand fast path agrees with the general printer.
#[test]
fn write_value_agrees_with_sprint() {
    let mut values = operands();
    values.extend([
        Value::float64(1e6),
        Value::float64(-0.0),
        Value::float64(f64::INFINITY),
        Value::float64(f64::NEG_INFINITY),
        Value::float64(100000.0),
        Value::Float(16777216.0, FloatKind::F32),
        Value::Int(-128, IntKind::I8),
        Value::Uint(7, UintKind::Uintptr),
        Value::Bool(false),
    ]);
    for v in &values {
        if matches!(v, Value::Func(_)) {
            continue; // an address
        }
        let mut fast = String::from(">");
        write_value(&mut fast, v);
        let mut general = String::from(">");
        write_sprint(&mut general, &[v.clone(), Value::from("")]);
        assert_eq!(fast, general, "{v:?}");
        assert_eq!(fast[1..], sprintf("%v", std::slice::from_ref(v)), "{v:?}");
    }
}

#[test]
fn lists_of_typed_nils_and_interfaces() {
    let list = List::with_type(
        Type::slice_of(Type::Error),
        vec![
            Value::Nil(Type::Error),
            named(Type::struct_named("main.E"), Value::nil(), Some("boom")),
        ],
    );
    assert_eq!(sprint(&[Value::List(list.clone())]), "[<nil> boom]");
    assert_eq!(
        sprintf("%#v", &[Value::List(list)]),
        "[]error{error(nil), main.E{}}"
    );
}

/// Template actions follow pointers before printing (text/template's printValue);
/// expectations from Go 1.25.
#[test]
fn template_actions_print_what_pointers_point_to() {
    let action = |v: &Value| {
        let mut out = String::new();
        write_action_value(&mut out, v);
        out
    };
    let inner = ptr_to_struct("main.T", vec![("A", Value::int(1))]);
    let p = ptr_to_struct(
        "main.T",
        vec![
            ("S", Value::from("s")),
            ("P", inner),
            ("N", Value::Nil(Type::ptr_to(Type::Int(IntKind::Int)))),
        ],
    );
    let out = action(&p);
    assert!(
        out.starts_with("{s 0x") && out.ends_with(" <nil>}"),
        "{out}"
    );
    let stringer = support_stringer_ptr();
    assert_eq!(action(&stringer), "PS(6)");
    assert_eq!(
        action(&Value::Nil(Type::ptr_to(Type::struct_named("main.T")))),
        "<nil>"
    );
    let values = Map::from_entries([("p", Value::Bool(true))]);
    let named_map = Type::named("main.Values", Type::map_of_any());
    let ptr_to_map = fmt_support::obj(
        Type::ptr_to(named_map),
        vec![],
        Some(Value::Map(values)),
        None,
    );
    assert_eq!(action(&ptr_to_map), "map[p:true]");
    assert_eq!(action(&Value::float64(1e6)), "1e+06");
    assert_eq!(action(&strukt("main.T", vec![("A", Value::int(1))])), "{1}");
}

fn support_stringer_ptr() -> Value {
    fmt_support::obj(
        Type::ptr_to(Type::struct_named("main.PS")),
        vec![("N", Value::int(6))],
        None,
        Some("PS(6)".to_string()),
    )
}
