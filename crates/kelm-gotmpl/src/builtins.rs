//! Go's predefined template functions (`and`, `index`, `eq`, `printf`, ...), with Go's
//! results and error texts.
//!
//! Most take `reflect.Value` parameters in Go, so they receive arguments unconverted
//! (`Type::ReflectValue`); `and`, `or` and `call` need the executor's help and are
//! special-cased there, as Go does.

use std::sync::{Arc, LazyLock};

use crate::exec::{good_func, indirect, indirect_interface};
use crate::func::{Call, FuncError, Signature};
use crate::value::{IntKind, Kind, List, Type, UintKind, Value, comparable, go_equal};
use crate::{gofmt, strconv};

/// The predefined functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builtin {
    And,
    Call,
    Eq,
    Ge,
    Gt,
    Html,
    Index,
    Js,
    Le,
    Len,
    Lt,
    Ne,
    Not,
    Or,
    Print,
    Printf,
    Println,
    Slice,
    Urlquery,
}

static TABLE: LazyLock<Vec<(&'static str, Builtin, Arc<Signature>)>> = LazyLock::new(|| {
    use Builtin::*;
    let rv = || Type::ReflectValue;
    let variadic_rv = |result: Type| Signature::variadic(vec![rv()], rv(), result);
    let printer = || Arc::new(Signature::variadic(vec![], Type::Any, Type::String));
    let compare = || Arc::new(Signature::new(vec![rv(), rv()], Type::Bool).with_error());
    vec![
        ("and", And, Arc::new(variadic_rv(rv()))),
        ("call", Call, Arc::new(variadic_rv(rv()))),
        ("eq", Eq, Arc::new(variadic_rv(Type::Bool).with_error())),
        ("ge", Ge, compare()),
        ("gt", Gt, compare()),
        ("html", Html, printer()),
        ("index", Index, Arc::new(variadic_rv(rv()).with_error())),
        ("js", Js, printer()),
        ("le", Le, compare()),
        (
            "len",
            Len,
            Arc::new(Signature::new(vec![rv()], Type::Int(IntKind::Int)).with_error()),
        ),
        ("lt", Lt, compare()),
        ("ne", Ne, compare()),
        ("not", Not, Arc::new(Signature::new(vec![rv()], Type::Bool))),
        ("or", Or, Arc::new(variadic_rv(rv()))),
        ("print", Print, printer()),
        (
            "printf",
            Printf,
            Arc::new(Signature::variadic(
                vec![Type::String],
                Type::Any,
                Type::String,
            )),
        ),
        ("println", Println, printer()),
        ("slice", Slice, Arc::new(variadic_rv(rv()).with_error())),
        ("urlquery", Urlquery, printer()),
    ]
});

/// Position of `name` in [`TABLE`]; a `match` compiles to a few length and byte
/// comparisons, cheaper than hashing on every function call.
fn position(name: &str) -> Option<usize> {
    Some(match name {
        "and" => 0,
        "call" => 1,
        "eq" => 2,
        "ge" => 3,
        "gt" => 4,
        "html" => 5,
        "index" => 6,
        "js" => 7,
        "le" => 8,
        "len" => 9,
        "lt" => 10,
        "ne" => 11,
        "not" => 12,
        "or" => 13,
        "print" => 14,
        "printf" => 15,
        "println" => 16,
        "slice" => 17,
        "urlquery" => 18,
        _ => return None,
    })
}

/// Whether `name` is one of Go's predefined template functions.
pub(crate) fn is_builtin(name: &str) -> bool {
    position(name).is_some()
}

/// The builtin called `name` and its Go signature.
pub(crate) fn lookup(name: &str) -> Option<(Builtin, &'static Arc<Signature>)> {
    let (n, b, s) = &TABLE[position(name)?];
    debug_assert_eq!(*n, name);
    Some((*b, s))
}

/// Go's truth of a value as `and`, `or` and `not` see it.
pub(crate) fn truth(v: &Value) -> bool {
    indirect_interface(v).truth().unwrap_or(false)
}

type R = Result<Value, FuncError>;

fn err(msg: impl Into<String>) -> FuncError {
    FuncError::new(msg)
}

/// Runs a builtin other than `and`, `or` and `call` on converted arguments.
pub(crate) fn invoke(b: Builtin, argv: &[Value]) -> R {
    match b {
        Builtin::Not => Ok(Value::Bool(!truth(&argv[0]))),
        Builtin::Len => length(&argv[0]),
        Builtin::Index => index(&argv[0], &argv[1..]),
        Builtin::Slice => slice(&argv[0], &argv[1..]),
        Builtin::Eq => eq(&argv[0], &argv[1..]).map(Value::Bool),
        Builtin::Ne => eq(&argv[0], &argv[1..2]).map(|b| Value::Bool(!b)),
        Builtin::Lt => lt(&argv[0], &argv[1]).map(Value::Bool),
        Builtin::Le => le(&argv[0], &argv[1]).map(Value::Bool),
        Builtin::Gt => le(&argv[0], &argv[1]).map(|b| Value::Bool(!b)),
        Builtin::Ge => lt(&argv[0], &argv[1]).map(|b| Value::Bool(!b)),
        Builtin::Print => Ok(Value::from(gofmt::sprint(argv))),
        Builtin::Println => Ok(Value::from(gofmt::sprintln(argv))),
        Builtin::Printf => {
            let Value::String(format) = &argv[0] else {
                return Err(err("printf format is not a string"));
            };
            Ok(Value::from(gofmt::sprintf(format, &argv[1..])))
        }
        Builtin::Html => Ok(Value::from(html_escape(&eval_args(argv)))),
        Builtin::Js => Ok(Value::from(js_escape(&eval_args(argv)))),
        Builtin::Urlquery => Ok(Value::from(query_escape(&eval_args(argv)))),
        Builtin::And | Builtin::Or | Builtin::Call => Err(err(
            "internal error: and/or/call are evaluated by the executor",
        )),
    }
}

fn type_name(v: &Value) -> String {
    v.go_type()
        .map(|t| t.to_string())
        .unwrap_or_else(|| "<nil>".into())
}

/// Go panics when asking the type of "no value"; templates report the panic text.
const ZERO_VALUE_TYPE: &str = "reflect: call of reflect.Value.Type on zero Value";

fn length(item: &Value) -> R {
    let (item, is_nil) = indirect(item);
    if is_nil {
        return Err(err("len of nil pointer"));
    }
    let n = match &*item.resolve() {
        Value::String(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.len(),
        Value::Map(m) => m.len(),
        Value::Nil(t) if matches!(t.kind(), Kind::Slice | Kind::Map) => 0,
        Value::Invalid => return Err(err(ZERO_VALUE_TYPE)),
        _ => return Err(err(format!("len of type {}", type_name(&item)))),
    };
    Ok(Value::int(n as i64))
}

/// Go's `indexArg`: an integer index within `0..=cap`.
fn index_arg(index: &Value, cap: usize) -> Result<usize, FuncError> {
    let x = match *index.resolve() {
        Value::Int(i, _) => i,
        Value::Uint(u, _) => u as i64,
        Value::Invalid => return Err(err("cannot index slice/array with nil")),
        _ => {
            return Err(err(format!(
                "cannot index slice/array with type {}",
                type_name(index)
            )));
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(err(format!("index out of range: {x}")));
    }
    Ok(x as usize)
}

/// Go's `prepareArg`: converts a map key or `call` argument to the wanted type.
fn prepare_arg(value: &Value, to: &Type) -> Result<Value, String> {
    if value.is_invalid() {
        if !to.can_be_nil() {
            return Err(format!("value is nil; should be of type {to}"));
        }
        return Ok(to.zero());
    }
    let vt = value.go_type().unwrap_or(Type::Any);
    if vt.assignable_to(to) {
        return Ok(value.clone());
    }
    let int_like = |k: Kind| matches!(k, Kind::Int | Kind::Uint);
    if int_like(vt.kind()) && int_like(to.kind()) {
        return Ok(convert_int(value, to));
    }
    Err(format!("value has type {vt}; should be {to}"))
}

/// Converts between integer types with Go's wrapping semantics.
fn convert_int(value: &Value, to: &Type) -> Value {
    let bits: u64 = match *value {
        Value::Int(i, _) => i as u64,
        Value::Uint(u, _) => u,
        _ => 0,
    };
    match to.underlying() {
        Type::Int(k) => Value::Int(k.wrap(bits as i64), *k),
        Type::Uint(k) => Value::Uint(k.wrap(bits), *k),
        _ => value.clone(),
    }
}

fn index(item: &Value, indexes: &[Value]) -> R {
    let mut item = indirect_interface(item);
    if item.is_invalid() {
        return Err(err("index of untyped nil"));
    }
    for index in indexes {
        let index = indirect_interface(index);
        let (it, is_nil) = indirect(&item);
        if is_nil {
            return Err(err("index of nil pointer"));
        }
        item = match it.resolve().into_owned() {
            Value::List(l) => {
                let x = index_arg(&index, l.len())?;
                match l.items().get(x) {
                    Some(v) => v.clone(),
                    None => return Err(err("reflect: slice index out of range")),
                }
            }
            Value::Bytes(b) => {
                let x = index_arg(&index, b.len())?;
                match b.get(x) {
                    Some(v) => Value::Uint(u64::from(*v), UintKind::U8),
                    None => return Err(err("reflect: slice index out of range")),
                }
            }
            Value::String(s) => {
                let x = index_arg(&index, s.len())?;
                match s.as_bytes().get(x) {
                    Some(v) => Value::Uint(u64::from(*v), UintKind::U8),
                    None => return Err(err("reflect: string index out of range")),
                }
            }
            Value::Nil(t) if t.kind() == Kind::Slice => {
                index_arg(&index, 0)?;
                return Err(err("reflect: slice index out of range"));
            }
            Value::Map(m) => {
                let key_type = m.go_type().key().cloned().unwrap_or(Type::String);
                let key = prepare_arg(&index, &key_type).map_err(err)?;
                let elem = m.go_type().elem().cloned().unwrap_or(Type::Any);
                match &key {
                    Value::String(k) => m.get(k).unwrap_or_else(|| elem.zero()),
                    _ => elem.zero(),
                }
            }
            Value::Nil(t) if t.kind() == Kind::Map => {
                let key_type = t.key().cloned().unwrap_or(Type::String);
                prepare_arg(&index, &key_type).map_err(err)?;
                t.elem().cloned().unwrap_or(Type::Any).zero()
            }
            _ => return Err(err(format!("can't index item of type {}", type_name(&it)))),
        };
    }
    Ok(item)
}

fn slice(item: &Value, indexes: &[Value]) -> R {
    let item = indirect_interface(item);
    if item.is_invalid() {
        return Err(err("slice of untyped nil"));
    }
    if indexes.len() > 3 {
        return Err(err(format!("too many slice indexes: {}", indexes.len())));
    }
    let resolved = item.resolve().into_owned();
    let len = match &resolved {
        Value::String(s) => {
            if indexes.len() == 3 {
                return Err(err("cannot 3-index slice a string"));
            }
            s.len()
        }
        Value::List(l) => l.len(),
        Value::Bytes(b) => b.len(),
        Value::Nil(t) if t.kind() == Kind::Slice => 0,
        _ => {
            return Err(err(format!(
                "can't slice item of type {}",
                type_name(&item)
            )));
        }
    };
    let mut idx = [0, len, len];
    for (i, index) in indexes.iter().enumerate() {
        idx[i] = index_arg(index, len)?;
    }
    if idx[0] > idx[1] {
        return Err(err(format!("invalid slice index: {} > {}", idx[0], idx[1])));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(err(format!("invalid slice index: {} > {}", idx[1], idx[2])));
    }
    let (lo, hi) = (idx[0], idx[1]);
    Ok(match resolved {
        // Go slices strings by bytes and may split a character; Rust strings must stay
        // valid UTF-8, so a split character becomes U+FFFD.
        Value::String(s) => {
            Value::from(String::from_utf8_lossy(&s.as_bytes()[lo..hi]).into_owned())
        }
        Value::List(l) => Value::List(List::with_type(
            l.go_type().clone(),
            l.items()[lo..hi].to_vec(),
        )),
        Value::Bytes(b) => Value::Bytes(Arc::from(&b[lo..hi])),
        other => other,
    })
}

/// Go's `call` builtin: `call fn args...`.
pub(crate) fn call(name: &str, argv: &[Value], ctx: &mut Call<'_>) -> R {
    let f = indirect_interface(&argv[0]);
    let args = &argv[1..];
    let f = match f {
        Value::Invalid => return Err(err("call of nil")),
        Value::Func(f) => f,
        Value::Nil(t) if t.kind() == Kind::Func => {
            return Err(err("reflect.Value.Call: call of nil function"));
        }
        other => {
            return Err(err(format!(
                "non-function {name} of type {}",
                type_name(&other)
            )));
        }
    };
    let sig = f.signature().clone();
    good_func(name, &sig).map_err(err)?;
    let num_in = sig.params.len();
    let ddd = if sig.variadic {
        if args.len() < num_in - 1 {
            return Err(err(format!(
                "wrong number of args for {name}: got {} want at least {}",
                args.len(),
                num_in - 1
            )));
        }
        sig.params[num_in - 1].elem().cloned()
    } else {
        if args.len() != num_in {
            return Err(err(format!(
                "wrong number of args for {name}: got {} want {num_in}",
                args.len()
            )));
        }
        None
    };
    let mut converted = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        let arg = indirect_interface(arg);
        let to = match &ddd {
            Some(elem) if i >= num_in - 1 => elem.clone(),
            _ => sig.params[i].clone(),
        };
        converted.push(prepare_arg(&arg, &to).map_err(|e| err(format!("arg {i}: {e}")))?);
    }
    f.invoke(ctx, &converted)
}

// ----- comparison -----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BasicKind {
    Bool,
    Complex,
    Int,
    Float,
    String,
    Uint,
}

fn basic_kind(v: &Value) -> Option<BasicKind> {
    Some(match *v.resolve() {
        Value::Bool(_) => BasicKind::Bool,
        Value::Int(..) => BasicKind::Int,
        Value::Uint(..) => BasicKind::Uint,
        Value::Float(..) => BasicKind::Float,
        Value::Complex(..) => BasicKind::Complex,
        Value::String(_) => BasicKind::String,
        _ => return None,
    })
}

const BAD_COMPARISON_TYPE: &str = "invalid type for comparison";

fn is_nil(v: &Value) -> bool {
    matches!(v, Value::Invalid | Value::Nil(_))
}

fn incompatible(a: &Value, b: &Value) -> FuncError {
    err(format!(
        "incompatible types for comparison: {} and {}",
        type_name(a),
        type_name(b)
    ))
}

fn as_i64(v: &Value) -> i64 {
    match *v.resolve() {
        Value::Int(i, _) => i,
        _ => 0,
    }
}

fn as_u64(v: &Value) -> u64 {
    match *v.resolve() {
        Value::Uint(u, _) => u,
        _ => 0,
    }
}

fn as_f64(v: &Value) -> f64 {
    match *v.resolve() {
        Value::Float(f, _) => f,
        _ => 0.0,
    }
}

fn as_str(v: &Value) -> Arc<str> {
    match &*v.resolve() {
        Value::String(s) => s.clone(),
        _ => "".into(),
    }
}

fn eq(arg1: &Value, rest: &[Value]) -> Result<bool, FuncError> {
    let arg1 = indirect_interface(arg1);
    if rest.is_empty() {
        return Err(err("missing argument for comparison"));
    }
    let k1 = basic_kind(&arg1);
    for arg in rest {
        let arg = indirect_interface(arg);
        let k2 = basic_kind(&arg);
        let truth = if k1 != k2 {
            match (k1, k2) {
                (Some(BasicKind::Int), Some(BasicKind::Uint)) => {
                    as_i64(&arg1) >= 0 && as_i64(&arg1) as u64 == as_u64(&arg)
                }
                (Some(BasicKind::Uint), Some(BasicKind::Int)) => {
                    as_i64(&arg) >= 0 && as_u64(&arg1) == as_i64(&arg) as u64
                }
                _ => {
                    if !arg1.is_invalid() && !arg.is_invalid() {
                        return Err(incompatible(&arg1, &arg));
                    }
                    false
                }
            }
        } else {
            match k1 {
                Some(BasicKind::Bool) => arg1.resolve().truth() == arg.resolve().truth(),
                Some(BasicKind::Complex) => match (&*arg1.resolve(), &*arg.resolve()) {
                    (Value::Complex(r1, i1, _), Value::Complex(r2, i2, _)) => r1 == r2 && i1 == i2,
                    _ => false,
                },
                Some(BasicKind::Float) => as_f64(&arg1) == as_f64(&arg),
                Some(BasicKind::Int) => as_i64(&arg1) == as_i64(&arg),
                Some(BasicKind::String) => as_str(&arg1) == as_str(&arg),
                Some(BasicKind::Uint) => as_u64(&arg1) == as_u64(&arg),
                None => eq_other(&arg1, &arg)?,
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `eq` on values that are not of a basic kind: nils, pointers, structs, and the
/// non-comparable maps, slices and funcs.
fn eq_other(a: &Value, b: &Value) -> Result<bool, FuncError> {
    let (ka, kb) = (a.kind(), b.kind());
    if ka != kb && ka != Kind::Invalid && kb != Kind::Invalid {
        return Err(err(format!(
            "non-comparable types {}: {}, {}: {}",
            gofmt::sprintf("%s", std::slice::from_ref(a)),
            type_name(a),
            type_name(b),
            gofmt::sprintf("%v", std::slice::from_ref(b)),
        )));
    }
    if is_nil(a) || is_nil(b) {
        return Ok(is_nil(a) == is_nil(b));
    }
    if !comparable(b) {
        return Err(err(format!(
            "non-comparable type {}: {}",
            gofmt::sprintf("%s", std::slice::from_ref(b)),
            type_name(b)
        )));
    }
    Ok(go_equal(a, b))
}

fn lt(arg1: &Value, arg2: &Value) -> Result<bool, FuncError> {
    let arg1 = indirect_interface(arg1);
    let k1 = basic_kind(&arg1).ok_or_else(|| err(BAD_COMPARISON_TYPE))?;
    let arg2 = indirect_interface(arg2);
    let k2 = basic_kind(&arg2).ok_or_else(|| err(BAD_COMPARISON_TYPE))?;
    if k1 != k2 {
        return match (k1, k2) {
            (BasicKind::Int, BasicKind::Uint) => {
                Ok(as_i64(&arg1) < 0 || (as_i64(&arg1) as u64) < as_u64(&arg2))
            }
            (BasicKind::Uint, BasicKind::Int) => {
                Ok(as_i64(&arg2) >= 0 && as_u64(&arg1) < as_i64(&arg2) as u64)
            }
            _ => Err(incompatible(&arg1, &arg2)),
        };
    }
    match k1 {
        BasicKind::Bool | BasicKind::Complex => Err(err(BAD_COMPARISON_TYPE)),
        BasicKind::Float => Ok(as_f64(&arg1) < as_f64(&arg2)),
        BasicKind::Int => Ok(as_i64(&arg1) < as_i64(&arg2)),
        BasicKind::String => Ok(as_str(&arg1) < as_str(&arg2)),
        BasicKind::Uint => Ok(as_u64(&arg1) < as_u64(&arg2)),
    }
}

fn le(arg1: &Value, arg2: &Value) -> Result<bool, FuncError> {
    if lt(arg1, arg2)? {
        return Ok(true);
    }
    eq(arg1, std::slice::from_ref(arg2))
}

// ----- escapers -----

/// Go's `evalArgs`: one string argument is used as is; anything else is printed with
/// `Sprint` after turning "no value" into `<no value>`.
fn eval_args(args: &[Value]) -> String {
    if let [Value::String(s)] = args {
        return s.to_string();
    }
    let printable: Vec<Value> = args
        .iter()
        .map(|a| match a {
            Value::Invalid | Value::Nil(Type::Any) => Value::from("<no value>"),
            other => other.clone(),
        })
        .collect();
    gofmt::sprint(&printable)
}

fn html_escape(s: &str) -> String {
    if !s.contains(['\'', '"', '&', '<', '>', '\0']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn js_escape(s: &str) -> String {
    let special = |c: char| {
        matches!(c, '\\' | '\'' | '"' | '<' | '>' | '&' | '=') || c < ' ' || !c.is_ascii()
    };
    if !s.contains(special) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if c < ' ' => out.push_str(&format!("\\u00{:02X}", c as u32)),
            c if c.is_ascii() => out.push(c),
            c if strconv::is_print(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out
}

fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
