//! Lists: `list`, `tuple`, `append`/`push`, `prepend`, `first`, `rest`, `last`,
//! `initial`, `reverse`, `uniq`, `without`, `has`, `slice`, `concat`, `chunk`,
//! `compact`, `sortAlpha`, `join`, and their `must` forms.
//!
//! Sprig's list functions take any slice through reflection and return new
//! `[]interface{}` slices. The plain forms panic where the `must` forms return an
//! error, and Go's template engine reports both the same way, so each pair shares one
//! body here. A nil list makes Sprig call `Kind()` on a nil `reflect.Type`, a nil
//! pointer dereference that Go reports as a runtime error.

use std::borrow::Cow;

use kelm_gotmpl::{FuncError, Function, List, Type, Value};

use crate::conv::{
    ANY, BOOL, INT, NIL_DEREF, R, STRING, any_list, arg_int, arg_str, func, func_err,
    func_variadic, func_variadic_err, go_f64_to_i64, is_nil_iface, seq_items, string_list,
    strslice, to_int64,
};
use crate::defaults::empty;
use crate::reflect::{deep_equal, value_kind_name};

/// The elements of a list argument, or Sprig's error (`{what} on type {kind}`, or the
/// nil-dereference panic for a nil interface).
fn items<'a>(v: &'a Value, what: &str) -> Result<Cow<'a, [Value]>, FuncError> {
    match value_kind_name(v) {
        None => Err(FuncError::new(NIL_DEREF)),
        Some(kind) => seq_items(v).ok_or_else(|| FuncError::new(format!("{what} {kind}"))),
    }
}

/// A nil `[]interface {}`.
fn nil_list() -> Value {
    Value::Nil(Type::slice_of_any())
}

fn in_list(haystack: &[Value], needle: &Value) -> bool {
    haystack.iter().any(|h| deep_equal(needle, h))
}

fn push(a: &[Value]) -> R {
    let mut l = items(&a[0], "Cannot push on type")?.into_owned();
    l.push(a[1].clone());
    Ok(any_list(l))
}

fn prepend(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot prepend on type")?;
    let mut out = Vec::with_capacity(l.len() + 1);
    out.push(a[1].clone());
    out.extend(l.iter().cloned());
    Ok(any_list(out))
}

fn chunk(a: &[Value]) -> R {
    let size = arg_int(&a[0]);
    let l = items(&a[1], "Cannot chunk type")?;
    let n = l.len() as i64;
    let makeslice = || FuncError::new("runtime error: makeslice: len out of range");
    // Sprig computes the chunk count and the last chunk's length in floating point.
    let cs = go_f64_to_i64(((n - 1) as f64 / size as f64).floor() + 1.0);
    if cs < 0 {
        return Err(makeslice());
    }
    let mut out = Vec::new();
    for i in 0..cs {
        let mut clen = size;
        if i == cs - 1 {
            clen = go_f64_to_i64((n as f64 % size as f64).floor());
            if clen == 0 {
                clen = size;
            }
        }
        if clen < 0 {
            return Err(makeslice());
        }
        let mut c = Vec::with_capacity(clen as usize);
        for j in 0..clen {
            let ix = i * size + j;
            match l.get(ix as usize) {
                Some(v) if ix >= 0 => c.push(v.clone()),
                _ => return Err(FuncError::new("reflect: slice index out of range")),
            }
        }
        out.push(any_list(c));
    }
    Ok(Value::List(List::with_type(
        Type::slice_of(Type::slice_of_any()),
        out,
    )))
}

fn first(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find first on type")?;
    Ok(l.first().cloned().unwrap_or(Value::Nil(Type::Any)))
}

fn last(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find last on type")?;
    Ok(l.last().cloned().unwrap_or(Value::Nil(Type::Any)))
}

fn rest(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find rest on type")?;
    if l.is_empty() {
        return Ok(nil_list());
    }
    Ok(any_list(l[1..].to_vec()))
}

fn initial(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find initial on type")?;
    if l.is_empty() {
        return Ok(nil_list());
    }
    Ok(any_list(l[..l.len() - 1].to_vec()))
}

fn reverse(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find reverse on type")?;
    Ok(any_list(l.iter().rev().cloned().collect()))
}

fn compact(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot compact on type")?;
    Ok(any_list(l.iter().filter(|v| !empty(v)).cloned().collect()))
}

fn uniq(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find uniq on type")?;
    let mut dest: Vec<Value> = Vec::new();
    for v in l.iter() {
        if !in_list(&dest, v) {
            dest.push(v.clone());
        }
    }
    Ok(any_list(dest))
}

fn without(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find without on type")?;
    let omit = &a[1..];
    Ok(any_list(
        l.iter().filter(|v| !in_list(omit, v)).cloned().collect(),
    ))
}

fn has(a: &[Value]) -> R {
    if is_nil_iface(&a[1]) {
        return Ok(Value::Bool(false));
    }
    let l = items(&a[1], "Cannot find has on type")?;
    Ok(Value::Bool(in_list(&l, &a[0])))
}

fn slice(a: &[Value]) -> R {
    let list = &a[0];
    let l = items(list, "list should be type of slice or array but")?;
    if l.is_empty() {
        return Ok(Value::Nil(Type::Any));
    }
    let start = a.get(1).map_or(0, to_int64);
    let end = a.get(2).map_or(l.len() as i64, to_int64);
    if start < 0 || end < start || end > l.len() as i64 {
        return Err(FuncError::new(
            "reflect.Value.Slice: slice index out of bounds",
        ));
    }
    let (start, end) = (start as usize, end as usize);
    // The result keeps the list's own type ([]string stays []string).
    Ok(match list.resolve().as_ref() {
        Value::Bytes(b) => Value::Bytes(b[start..end].into()),
        Value::List(x) => Value::List(List::with_type(
            x.go_type().clone(),
            x.items()[start..end].to_vec(),
        )),
        _ => any_list(l[start..end].to_vec()),
    })
}

fn concat(a: &[Value]) -> R {
    let mut res = Vec::new();
    for list in a {
        match value_kind_name(list) {
            None => return Err(FuncError::new(NIL_DEREF)),
            Some(kind) => match seq_items(list) {
                Some(l) => res.extend(l.iter().cloned()),
                None => {
                    return Err(FuncError::new(format!("Cannot concat type {kind} as list")));
                }
            },
        }
    }
    if res.is_empty() {
        return Ok(nil_list());
    }
    Ok(any_list(res))
}

fn sort_alpha(a: &[Value]) -> R {
    let v = &a[0];
    let mut s = if seq_items(v).is_some() {
        strslice(v)
    } else {
        vec![crate::conv::strval(v)]
    };
    s.sort_unstable();
    Ok(string_list(s))
}

/// A pair of functions, the plain one and its `must` form, sharing a body.
fn pair(
    name: &str,
    must: &str,
    params: Vec<Type>,
    result: Type,
    body: fn(&[Value]) -> R,
) -> [Function; 2] {
    [
        func(name, params.clone(), result.clone(), body),
        func_err(must, params, result, body),
    ]
}

/// [`pair`] for functions with a variadic `...interface{}` tail.
fn pair_variadic(
    name: &str,
    must: &str,
    fixed: Vec<Type>,
    result: Type,
    body: fn(&[Value]) -> R,
) -> [Function; 2] {
    [
        func_variadic(name, fixed.clone(), ANY, result.clone(), body),
        func_variadic_err(must, fixed, ANY, result, body),
    ]
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let any_slice = Type::slice_of_any;
    let mut fs = vec![
        // Go's reflection packs variadic arguments into a new slice, never nil.
        func_variadic("list", vec![], ANY, any_slice(), |a| {
            Ok(any_list(a.to_vec()))
        }),
        func_variadic("tuple", vec![], ANY, any_slice(), |a| {
            Ok(any_list(a.to_vec()))
        }),
        func("sortAlpha", vec![ANY], Type::slice_of(STRING), sort_alpha),
        func("join", vec![STRING, ANY], STRING, |a| {
            Ok(strslice(&a[1]).join(arg_str(&a[0])).into())
        }),
        func_variadic("concat", vec![], ANY, ANY, concat),
    ];
    fs.extend(pair(
        "append",
        "mustAppend",
        vec![ANY, ANY],
        any_slice(),
        push,
    ));
    fs.extend(pair("push", "mustPush", vec![ANY, ANY], any_slice(), push));
    fs.extend(pair(
        "prepend",
        "mustPrepend",
        vec![ANY, ANY],
        any_slice(),
        prepend,
    ));
    fs.extend(pair(
        "chunk",
        "mustChunk",
        vec![INT, ANY],
        Type::slice_of(any_slice()),
        chunk,
    ));
    fs.extend(pair("first", "mustFirst", vec![ANY], ANY, first));
    fs.extend(pair("last", "mustLast", vec![ANY], ANY, last));
    fs.extend(pair("rest", "mustRest", vec![ANY], any_slice(), rest));
    fs.extend(pair(
        "initial",
        "mustInitial",
        vec![ANY],
        any_slice(),
        initial,
    ));
    fs.extend(pair(
        "reverse",
        "mustReverse",
        vec![ANY],
        any_slice(),
        reverse,
    ));
    fs.extend(pair(
        "compact",
        "mustCompact",
        vec![ANY],
        any_slice(),
        compact,
    ));
    fs.extend(pair("uniq", "mustUniq", vec![ANY], any_slice(), uniq));
    fs.extend(pair("has", "mustHas", vec![ANY, ANY], BOOL, has));
    fs.extend(pair_variadic(
        "without",
        "mustWithout",
        vec![ANY],
        any_slice(),
        without,
    ));
    fs.extend(pair_variadic("slice", "mustSlice", vec![ANY], ANY, slice));
    fs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Value {
        any_list(v.iter().map(|&i| Value::int(i)).collect())
    }

    fn show(r: R) -> String {
        match r {
            Ok(v) => kelm_gotmpl::gofmt::sprint(&[v]),
            Err(e) => format!("ERR {e}"),
        }
    }

    #[test]
    fn chunk_like_helm() {
        // Helm 4.1.4: chunk 0 fails in makeslice; an empty list gives no chunks.
        assert_eq!(
            show(chunk(&[Value::int(0), ints(&[1, 2])])),
            "ERR runtime error: makeslice: len out of range"
        );
        assert_eq!(show(chunk(&[Value::int(2), ints(&[])])), "[]");
        // Helm 4.1.4 renders.
        assert_eq!(
            show(chunk(&[Value::int(3), ints(&[1, 2, 3, 4, 5, 6, 7])])),
            "[[1 2 3] [4 5 6] [7]]"
        );
        assert_eq!(
            show(chunk(&[Value::int(4), ints(&[1, 2, 3, 4, 5, 6, 7, 8])])),
            "[[1 2 3 4] [5 6 7 8]]"
        );
    }

    #[test]
    fn errors_like_helm() {
        // Helm 4.1.4 messages.
        assert_eq!(
            show(first(&[Value::nil()])),
            "ERR runtime error: invalid memory address or nil pointer dereference"
        );
        assert_eq!(
            show(rest(&[Value::from("a")])),
            "ERR Cannot find rest on type string"
        );
        assert_eq!(
            show(slice(&[ints(&[1, 2, 3]), Value::int(2), Value::int(1)])),
            "ERR reflect.Value.Slice: slice index out of bounds"
        );
        assert_eq!(
            show(concat(&[ints(&[1]), Value::int(2)])),
            "ERR Cannot concat type int as list"
        );
        assert_eq!(show(has(&[Value::int(1), Value::nil()])), "false");
    }

    #[test]
    fn like_helm() {
        // Helm 4.1.4 renders.
        assert_eq!(
            show(uniq(&[any_list(vec![
                Value::int(1),
                Value::int(2),
                Value::int(1),
                Value::from("a"),
                Value::from("a")
            ])])),
            "[1 2 a]"
        );
        assert_eq!(
            show(without(&[
                ints(&[1, 2, 3, 4]),
                Value::int(1),
                Value::int(3)
            ])),
            "[2 4]"
        );
        assert_eq!(show(reverse(&[ints(&[1, 2, 3])])), "[3 2 1]");
        assert_eq!(show(initial(&[ints(&[1, 2, 3])])), "[1 2]");
        assert_eq!(show(rest(&[ints(&[])])), "[]");
        assert_eq!(
            show(slice(&[
                ints(&[1, 2, 3, 4, 5]),
                Value::int(1),
                Value::int(3)
            ])),
            "[2 3]"
        );
        assert_eq!(
            show(sort_alpha(&[any_list(vec![
                Value::from("c"),
                Value::int(1),
                Value::from("B")
            ])])),
            "[1 B c]"
        );
    }
}
