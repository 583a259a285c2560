//! Type conversion: `toString`, `atoi`, `int`, `int64`, `float64`, `toDecimal`,
//! `toStrings`, `seq`, `until`, `untilStep`, with Sprig's rules (`spf13/cast` v1.7.0
//! for the numeric ones).
//!
//! The conversions other groups share live here too: Sprig's `strval` ([`strval`]),
//! `cast.ToInt64`/`ToInt` ([`to_int64`]), `cast.ToFloat64` ([`to_float64`]), Go's
//! float-to-integer conversion ([`go_f64_to_i64`]), and helpers to build functions
//! and typed lists.

use std::borrow::Cow;

use kelm_gotmpl::{
    Call, FloatKind, FuncError, Function, IntKind, List, Signature, Type, UintKind, Value, gofmt,
    strconv,
};

/// Go's `int`.
pub(crate) const INT: Type = Type::Int(IntKind::Int);
/// Go's `int64`.
pub(crate) const INT64: Type = Type::Int(IntKind::I64);
/// Go's `float64`.
pub(crate) const FLOAT64: Type = Type::Float(FloatKind::F64);
/// Go's `string`.
pub(crate) const STRING: Type = Type::String;
/// Go's `bool`.
pub(crate) const BOOL: Type = Type::Bool;
/// Go's `interface {}`.
pub(crate) const ANY: Type = Type::Any;

/// The result of a function body.
pub(crate) type R = Result<Value, FuncError>;

/// A function with fixed parameters and one result.
pub(crate) fn func(
    name: &str,
    params: Vec<Type>,
    result: Type,
    body: impl Fn(&[Value]) -> R + Send + Sync + 'static,
) -> Function {
    Function::new(
        name,
        Signature::new(params, result),
        move |_: &mut Call<'_>, a: &[Value]| body(a),
    )
}

/// A function with fixed parameters and results `(result, error)`.
pub(crate) fn func_err(
    name: &str,
    params: Vec<Type>,
    result: Type,
    body: impl Fn(&[Value]) -> R + Send + Sync + 'static,
) -> Function {
    Function::new(
        name,
        Signature::new(params, result).with_error(),
        move |_: &mut Call<'_>, a: &[Value]| body(a),
    )
}

/// A function whose last parameter is `...elem`; the body sees the arguments flattened.
pub(crate) fn func_variadic(
    name: &str,
    fixed: Vec<Type>,
    elem: Type,
    result: Type,
    body: impl Fn(&[Value]) -> R + Send + Sync + 'static,
) -> Function {
    Function::new(
        name,
        Signature::variadic(fixed, elem, result),
        move |_: &mut Call<'_>, a: &[Value]| body(a),
    )
}

/// [`func_variadic`] with an `error` result.
pub(crate) fn func_variadic_err(
    name: &str,
    fixed: Vec<Type>,
    elem: Type,
    result: Type,
    body: impl Fn(&[Value]) -> R + Send + Sync + 'static,
) -> Function {
    Function::new(
        name,
        Signature::variadic(fixed, elem, result).with_error(),
        move |_: &mut Call<'_>, a: &[Value]| body(a),
    )
}

/// The message of a recovered Go runtime panic on a nil receiver, e.g. `reflect.TypeOf(nil).Kind()`.
pub(crate) const NIL_DEREF: &str =
    "runtime error: invalid memory address or nil pointer dereference";

/// A string argument (the engine has converted it to `string` already).
pub(crate) fn arg_str(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

/// An `int` argument (the engine has converted it already).
pub(crate) fn arg_int(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        Value::Uint(u, _) => *u as i64,
        _ => 0,
    }
}

/// A `bool` argument.
pub(crate) fn arg_bool(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

/// Whether `v` is a nil interface (Go's `v == nil` on an `interface{}`).
pub(crate) fn is_nil_iface(v: &Value) -> bool {
    matches!(v, Value::Invalid | Value::Nil(Type::Any))
}

/// A `[]string`.
pub(crate) fn string_list(items: impl IntoIterator<Item = String>) -> Value {
    Value::List(List::with_type(
        Type::slice_of(STRING),
        items.into_iter().map(Value::from).collect(),
    ))
}

/// A `[]int`.
pub(crate) fn int_list(items: impl IntoIterator<Item = i64>) -> Value {
    Value::List(List::with_type(
        Type::slice_of(INT),
        items.into_iter().map(Value::int).collect(),
    ))
}

/// A `[]interface {}`.
pub(crate) fn any_list(items: Vec<Value>) -> Value {
    Value::List(List::new(items))
}

/// Go's `string(b)` for bytes: kelm strings are UTF-8, so invalid sequences become U+FFFD.
pub(crate) fn bytes_to_string(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The elements of a slice or array value, as reflection's `Index(i).Interface()`
/// yields them; `None` when the value is not a slice.
pub(crate) fn seq_items(v: &Value) -> Option<Cow<'_, [Value]>> {
    match v {
        Value::List(l) => Some(Cow::Borrowed(l.items())),
        Value::Bytes(b) => Some(Cow::Owned(
            b.iter()
                .map(|&x| Value::Uint(u64::from(x), UintKind::U8))
                .collect(),
        )),
        Value::Nil(t) if matches!(t.kind(), kelm_gotmpl::Kind::Slice) => Some(Cow::Borrowed(&[])),
        Value::Object(o) => match o.underlying() {
            Some(u @ (Value::List(_) | Value::Bytes(_) | Value::Nil(_))) => {
                seq_items(&u).map(|c| Cow::Owned(c.into_owned()))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Sprig's `strval`: strings and byte slices as they are, errors and Stringers through
/// their methods, anything else as `fmt.Sprintf("%v")`.
pub(crate) fn strval(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        Value::Bytes(b) => bytes_to_string(b),
        // A nil `[]byte` (a missing key of a `map[string][]byte`) is still a `[]byte`.
        Value::Nil(Type::Slice(e)) if **e == Type::Uint(UintKind::U8) => String::new(),
        Value::Object(o) => match o.display() {
            Some(s) => s,
            None => gofmt::sprint(std::slice::from_ref(v)),
        },
        _ => gofmt::sprint(std::slice::from_ref(v)),
    }
}

/// Go's `int64(f)` on amd64 (where Helm is built): values out of range, and NaN,
/// become the minimum int64 (the CPU's "integer indefinite").
pub(crate) fn go_f64_to_i64(f: f64) -> i64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.is_nan() || !(-TWO_63..TWO_63).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// `spf13/cast`'s `trimZeroDecimal`: "12.000" → "12", "12.50" unchanged.
fn trim_zero_decimal(s: &str) -> &str {
    let b = s.as_bytes();
    let mut found_zero = false;
    for i in (1..=b.len()).rev() {
        match b[i - 1] {
            b'.' => {
                if found_zero {
                    return &s[..i - 1];
                }
            }
            b'0' => found_zero = true,
            _ => return s,
        }
    }
    s
}

/// `cast.ToInt64E` (and `ToIntE`, which is the same on 64-bit): `None` where cast fails.
pub(crate) fn try_to_int64(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i, _) => *i,
        Value::Uint(u, k) if *k != UintKind::Uintptr => *u as i64,
        Value::Float(f, _) => go_f64_to_i64(*f),
        Value::String(s) => strconv::parse_int(trim_zero_decimal(s), 0, 0).ok()?,
        Value::Bool(b) => i64::from(*b),
        Value::Nil(Type::Any) | Value::Invalid => 0,
        _ => return None,
    })
}

/// `cast.ToInt64` / `cast.ToInt`: errors become 0.
pub(crate) fn to_int64(v: &Value) -> i64 {
    try_to_int64(v).unwrap_or(0)
}

/// `cast.ToFloat64E`: `None` where cast fails.
pub(crate) fn try_to_float64(v: &Value) -> Option<f64> {
    Some(match v {
        Value::Int(i, _) => *i as f64,
        Value::Uint(u, k) if *k != UintKind::Uintptr => *u as f64,
        Value::Float(f, _) => *f,
        Value::String(s) => strconv::parse_float(s, 64).ok()?,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Nil(Type::Any) | Value::Invalid => 0.0,
        _ => return None,
    })
}

/// `cast.ToFloat64`: errors become 0.
pub(crate) fn to_float64(v: &Value) -> f64 {
    try_to_float64(v).unwrap_or(0.0)
}

/// Go's `strconv.Atoi` as Sprig's `atoi` uses it, ignoring the error: 0 for bad
/// syntax, the clamped value when out of range.
fn atoi(s: &str) -> i64 {
    match strconv::atoi(s) {
        Ok(i) => i,
        Err(e) if e.kind == strconv::NumErrorKind::Range => {
            if s.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        Err(_) => 0,
    }
}

/// Sprig's `strslice` (`toStrings`, and the input of `join` and `sortAlpha`).
pub(crate) fn strslice(v: &Value) -> Vec<String> {
    if let Value::List(l) = v
        && *l.go_type() == Type::slice_of(STRING)
    {
        return l.items().iter().map(|s| arg_str(s).to_string()).collect();
    }
    match seq_items(v) {
        Some(items) => items
            .iter()
            .filter(|x| !is_nil_iface(x))
            .map(strval)
            .collect(),
        None if is_nil_iface(v) => Vec::new(),
        None => vec![strval(v)],
    }
}

/// Sprig's `untilStep`.
pub(crate) fn until_step(start: i64, stop: i64, step: i64) -> Vec<i64> {
    let mut v = Vec::new();
    if stop < start {
        if step >= 0 {
            return v;
        }
        let mut i = start;
        while i > stop {
            v.push(i);
            match i.checked_add(step) {
                Some(n) => i = n,
                None => break,
            }
        }
        return v;
    }
    if step <= 0 {
        return v;
    }
    let mut i = start;
    while i < stop {
        v.push(i);
        match i.checked_add(step) {
            Some(n) => i = n,
            None => break,
        }
    }
    v
}

/// Sprig's `seq`, like the Unix command: `seq END`, `seq START END`, `seq START STEP END`.
fn seq(p: &[i64]) -> String {
    let nums = match *p {
        [end] => {
            let inc = if end < 1 { -1 } else { 1 };
            until_step(1, end.wrapping_add(inc), inc)
        }
        [start, end] => {
            let step = if end < start { -1 } else { 1 };
            until_step(start, end.wrapping_add(step), step)
        }
        [start, step, end] => {
            let mut inc = 1;
            if end < start {
                inc = -1;
                if step > 0 {
                    return String::new();
                }
            }
            until_step(start, end.wrapping_add(inc), step)
        }
        _ => return String::new(),
    };
    let parts: Vec<String> = nums.iter().map(|n| n.to_string()).collect();
    parts.join(" ")
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        func("toString", vec![ANY], STRING, |a| Ok(strval(&a[0]).into())),
        func("atoi", vec![STRING], INT, |a| {
            Ok(Value::int(atoi(arg_str(&a[0]))))
        }),
        func("int64", vec![ANY], INT64, |a| {
            Ok(Value::int64(to_int64(&a[0])))
        }),
        func("int", vec![ANY], INT, |a| Ok(Value::int(to_int64(&a[0])))),
        func("float64", vec![ANY], FLOAT64, |a| {
            Ok(Value::float64(to_float64(&a[0])))
        }),
        func("toDecimal", vec![ANY], INT64, |a| {
            let s = gofmt::sprint(&a[..1]);
            Ok(Value::int64(strconv::parse_int(&s, 8, 64).unwrap_or(0)))
        }),
        func("toStrings", vec![ANY], Type::slice_of(STRING), |a| {
            Ok(string_list(strslice(&a[0])))
        }),
        func_variadic("seq", vec![], INT, STRING, |a| {
            let p: Vec<i64> = a.iter().map(arg_int).collect();
            Ok(seq(&p).into())
        }),
        func("until", vec![INT], Type::slice_of(INT), |a| {
            let n = arg_int(&a[0]);
            let step = if n < 0 { -1 } else { 1 };
            Ok(int_list(until_step(0, n, step)))
        }),
        func("untilStep", vec![INT, INT, INT], Type::slice_of(INT), |a| {
            Ok(int_list(until_step(
                arg_int(&a[0]),
                arg_int(&a[1]),
                arg_int(&a[2]),
            )))
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cast_to_int64() {
        // Helm 4.1.4 renders of `int64 ...` (spf13/cast v1.7.0).
        assert_eq!(to_int64(&Value::from("0x10")), 16);
        assert_eq!(to_int64(&Value::from("010")), 8);
        assert_eq!(to_int64(&Value::from("08")), 0);
        assert_eq!(to_int64(&Value::from("8.00")), 8);
        assert_eq!(to_int64(&Value::from("8.5")), 0);
        assert_eq!(to_int64(&Value::from("1_000")), 1000);
        assert_eq!(to_int64(&Value::float64(8.99)), 8);
        assert_eq!(to_int64(&Value::float64(-8.99)), -8);
        assert_eq!(to_int64(&Value::Bool(true)), 1);
        assert_eq!(to_int64(&Value::nil()), 0);
        assert_eq!(go_f64_to_i64(f64::NAN), i64::MIN);
        assert_eq!(go_f64_to_i64(1e20), i64::MIN);
    }

    #[test]
    fn cast_to_float64() {
        // Helm 4.1.4 renders of `float64 ...`.
        assert_eq!(to_float64(&Value::from("1.5")), 1.5);
        assert_eq!(to_float64(&Value::from("0x1p-2")), 0.25);
        assert_eq!(to_float64(&Value::from("1e400")), 0.0);
        assert_eq!(to_float64(&Value::from("x")), 0.0);
        assert_eq!(to_float64(&Value::int(3)), 3.0);
    }

    #[test]
    fn seq_like_sprig() {
        // Sprig's numeric_test.go TestSeq.
        assert_eq!(seq(&[]), "");
        assert_eq!(seq(&[0, 1, 2]), "0 1 2");
        assert_eq!(seq(&[0, 5]), "0 1 2 3 4 5");
        assert_eq!(seq(&[5]), "1 2 3 4 5");
        assert_eq!(seq(&[5, 0]), "5 4 3 2 1 0");
        assert_eq!(seq(&[0, 2, 5]), "0 2 4");
        assert_eq!(seq(&[5, -1, 0]), "5 4 3 2 1 0");
        assert_eq!(seq(&[5, 2, 0]), "");
        assert_eq!(seq(&[0, -2, 5]), "");
        assert_eq!(seq(&[1, 0, 5]), "");
        assert_eq!(seq(&[-5]), "1 0 -1 -2 -3 -4 -5");
    }

    #[test]
    fn atoi_ignores_errors() {
        // Helm 4.1.4 renders of `atoi ...`.
        assert_eq!(atoi("42"), 42);
        assert_eq!(atoi("4x"), 0);
        assert_eq!(atoi("99999999999999999999"), i64::MAX);
    }

    #[test]
    fn trims_zero_decimals() {
        // Helm 4.1.4: `int64 "12.000"` is 12, `int64 "12.50"` is 0 (no longer an integer).
        assert_eq!(trim_zero_decimal("12.000"), "12");
        assert_eq!(trim_zero_decimal("12.50"), "12.50");
        assert_eq!(trim_zero_decimal("0"), "0");
    }
}
