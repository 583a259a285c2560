//! Parses arbitrary text as a template and executes it against a data tree holding every
//! kind of value, with functions that re-enter the engine (`include`, `tpl`) as Helm's do.
//! Execution is bounded (template depth, a step budget) so the fuzzer reports crashes,
//! not templates that legitimately run forever.
#![no_main]

use std::sync::OnceLock;

use kelm_gotmpl::{
    Call, FuncError, Function, IntKind, List, Map, MissingKey, Signature, Template, Type, Value,
};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static Value {
    static DATA: OnceLock<Value> = OnceLock::new();
    DATA.get_or_init(|| {
        let inner = Map::from_entries([
            ("s", Value::from("text")),
            ("n", Value::float64(1e6)),
            ("i", Value::int64(-3)),
            ("b", Value::Bool(true)),
            ("z", Value::nil()),
            ("l", Value::from(vec![Value::from("a"), Value::float64(2.5), Value::nil()])),
        ]);
        let strings = List::with_type(
            Type::slice_of(Type::String),
            vec![Value::from("x"), Value::from("y")],
        );
        Value::Map(Map::from_entries([
            ("Values", Value::Map(inner.clone())),
            ("m", Value::Map(inner)),
            ("strs", Value::List(strings)),
            ("bytes", Value::Bytes(b"hi".as_slice().into())),
            ("int", Value::int(7)),
            ("u8", Value::Uint(200, kelm_gotmpl::UintKind::U8)),
            ("empty", Value::Map(Map::new())),
        ]))
    })
}

fn functions() -> Vec<Function> {
    vec![
        Function::new(
            "include",
            Signature::new(vec![Type::String, Type::Any], Type::String).with_error(),
            |call: &mut Call<'_>, args: &[Value]| {
                let Value::String(name) = &args[0] else {
                    return Err(FuncError::new("bad name"));
                };
                // Helm bounds include recursion (1000 per name); bound it likewise.
                if call.depth() > 200 {
                    return Err(FuncError::new("nested too deep"));
                }
                Ok(Value::from(call.execute_template(name, &args[1])?))
            },
        ),
        Function::new(
            "tpl",
            Signature::new(vec![Type::String, Type::Any], Type::String).with_error(),
            |call: &mut Call<'_>, args: &[Value]| {
                let Value::String(text) = &args[0] else {
                    return Err(FuncError::new("bad text"));
                };
                if call.depth() > 200 {
                    return Err(FuncError::new("nested too deep"));
                }
                Ok(Value::from(call.parse_and_execute("gotpl", text, &args[1])?))
            },
        ),
        Function::new(
            "add",
            Signature::new(vec![Type::Int(IntKind::Int), Type::Int(IntKind::Int)], Type::Int(IntKind::Int)),
            |_: &mut Call<'_>, args: &[Value]| match (&args[0], &args[1]) {
                (Value::Int(a, _), Value::Int(b, _)) => Ok(Value::int(a.wrapping_add(*b))),
                _ => Err(FuncError::new("bad args")),
            },
        ),
    ]
}

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    for mk in [MissingKey::Default, MissingKey::Zero, MissingKey::Error] {
        let mut t = Template::new("fuzz");
        t.add_funcs(functions());
        t.missing_key(mk);
        t.max_exec_depth(200);
        t.max_steps(200_000);
        if t.parse(text).is_err() {
            return;
        }
        let mut out = String::new();
        let _ = t.execute(data(), &mut out);
    }
});
