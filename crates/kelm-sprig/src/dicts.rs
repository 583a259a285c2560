//! Dictionaries: `dict`, `get`, `set`, `unset`, `hasKey`, `pluck`, `keys`, `pick`,
//! `omit`, `merge`, `mergeOverwrite` (and `must` forms), `values`, `deepCopy`,
//! `mustDeepCopy`, `dig`.
//!
//! Go maps are references, and so are kelm's [`Map`]s: `set`, `unset`, `merge` and
//! `mergeOverwrite` change the map every holder sees, as charts expect. Go ranges over
//! maps in random order, so `keys` and `values` have no defined order in Helm; kelm
//! gives them in key order.

use kelm_gotmpl::{FuncError, Function, Kind, List, Map, Type, Value};

use crate::conv::{
    ANY, BOOL, R, STRING, any_list, arg_str, func, func_err, func_variadic, func_variadic_err,
    is_nil_iface, string_list, strval,
};
use crate::reflect::type_name;

/// The map behind a `map[string]interface{}` argument; `None` for a nil map.
pub(crate) fn as_map(v: &Value) -> Option<Map> {
    match v {
        Value::Map(m) => Some(m.clone()),
        Value::Object(o) => match o.underlying() {
            Some(Value::Map(m)) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

/// A `map[string]interface{}` argument as the function sees it: Go converts a value of
/// a named map type (such as Helm's `.Values`) to the parameter's type, so what the
/// function returns is a plain map; a nil map stays as it came.
fn as_param(v: &Value) -> Value {
    match (v, as_map(v)) {
        (Value::Object(_), Some(m)) => Value::Map(m),
        _ => v.clone(),
    }
}

/// Go's panic when writing to a nil map.
fn nil_map_write() -> FuncError {
    FuncError::new("assignment to entry in nil map")
}

/// Sprig's `dict`: keys through `strval`, a missing last value is "".
fn dict(a: &[Value]) -> R {
    let m = Map::new();
    for pair in a.chunks(2) {
        let key = strval(&pair[0]);
        let val = pair.get(1).cloned().unwrap_or_else(|| Value::from(""));
        m.insert(key, val);
    }
    Ok(Value::Map(m))
}

/// mergo's `isEmptyValue` with dereferencing, as `merge` consults it.
fn mergo_empty(v: &Value) -> bool {
    match v {
        Value::Complex(..) => false,
        Value::Object(o) if o.go_type().kind() == Kind::Struct => false,
        _ => crate::defaults::empty(v),
    }
}

/// Whether a value is a map for mergo's `reflect.TypeOf(x).Kind() == reflect.Map`.
fn is_map_kind(v: &Value) -> bool {
    !is_nil_iface(v) && v.kind() == Kind::Map
}

/// mergo v1.0.1's `deepMerge` of two non-nil maps with `map[string]interface{}`-like
/// elements, as Sprig's `merge` (`overwrite` false) and `mergeOverwrite` call it.
fn merge_into(dst: &Map, src: &Map, overwrite: bool, depth: usize) {
    if depth > 10_000 {
        return;
    }
    for (key, s) in src.entries() {
        let d = dst.get(&key);
        if is_nil_iface(&s) {
            if overwrite {
                dst.insert(key, s);
            }
            continue;
        }
        match s.kind() {
            Kind::Map => {
                // Merges into the destination's own map, which others may share.
                if let (Some(dm), Some(sm)) = (d.as_ref().and_then(as_map), as_map(&s))
                    && !dm.ptr_eq(dst)
                {
                    merge_into(&dm, &sm, overwrite, depth + 1);
                }
            }
            Kind::Slice => {
                // mergo stores a slice for the key here, judging emptiness by the maps
                // themselves; the assignment below usually replaces it.
                let mut d_slice = match &d {
                    None => empty_like(&s),
                    Some(x) if is_nil_iface(x) => empty_like(&s),
                    Some(x) => x.clone(),
                };
                if overwrite || dst.is_empty() {
                    d_slice = s.clone();
                }
                dst.insert(key.clone(), d_slice);
            }
            _ => {}
        }
        if let Some(d) = &d
            && !mergo_empty(d)
        {
            if s.kind() == Kind::Slice {
                continue;
            }
            if is_map_kind(&s) && is_map_kind(d) {
                continue;
            }
        }
        if overwrite || d.as_ref().is_none_or(mergo_empty) {
            dst.insert(key, s);
        }
    }
}

/// An empty, non-nil slice of the same type as `v`.
fn empty_like(v: &Value) -> Value {
    match v.go_type() {
        Some(t) => Value::List(List::with_type(t, Vec::new())),
        None => any_list(Vec::new()),
    }
}

/// Sprig's `merge`/`mergeOverwrite`: merges each source into the first map, and
/// returns it (a new map when the first is nil and a source is not).
fn merge(a: &[Value], overwrite: bool) -> R {
    let mut dst = as_map(&a[0]);
    let mut result = as_param(&a[0]);
    for src in &a[1..] {
        let Some(sm) = as_map(src) else { continue };
        let dm = match &dst {
            Some(m) => m.clone(),
            None => {
                let m = Map::new();
                dst = Some(m.clone());
                result = Value::Map(m.clone());
                m
            }
        };
        merge_into(&dm, &sm, overwrite, 0);
    }
    Ok(result)
}

/// Go's `copystructure.Copy` on template values: maps and slices are copied all the way
/// down; everything else is shared (it is immutable).
fn deep_copy(v: &Value, depth: usize) -> Value {
    if depth > 10_000 {
        return v.clone();
    }
    match v {
        Value::Map(m) => {
            let c = Map::with_type(m.go_type().clone());
            for (k, x) in m.entries() {
                c.insert(k, deep_copy(&x, depth + 1));
            }
            Value::Map(c)
        }
        Value::List(l) => Value::List(List::with_type(
            l.go_type().clone(),
            l.items().iter().map(|x| deep_copy(x, depth + 1)).collect(),
        )),
        // A host object of a named map type: the copy must not share the map. kelm
        // cannot make another host object, so the copy is the plain map (Go's keeps
        // the named type, which `typeOf` would show). A `Map` of a named type, as
        // Helm's `.Values` is, keeps its type above.
        Value::Object(o) => match o.underlying() {
            Some(u @ (Value::Map(_) | Value::List(_))) => deep_copy(&u, depth + 1),
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

fn deep_copy_fn(a: &[Value]) -> R {
    if is_nil_iface(&a[0]) {
        return Err(FuncError::new(
            "reflect: call of reflect.Value.Type on zero Value",
        ));
    }
    Ok(deep_copy(&a[0], 0))
}

/// Go's message for a failed `x.(T)` on an `interface{}`.
fn assertion_error(v: &Value, want: &str) -> FuncError {
    let got = if is_nil_iface(v) {
        "nil".to_string()
    } else {
        type_name(v)
    };
    FuncError::new(format!(
        "interface conversion: interface {{}} is {got}, not {want}"
    ))
}

/// `v.(map[string]interface{})`.
fn assert_map(v: &Value) -> Result<Option<Map>, FuncError> {
    match v {
        Value::Map(m) if *m.go_type() == Type::map_of_any() => Ok(Some(m.clone())),
        Value::Nil(t) if *t == Type::map_of_any() => Ok(None),
        _ => Err(assertion_error(v, "map[string]interface {}")),
    }
}

/// Sprig's `dig KEY... DEFAULT DICT`.
fn dig(a: &[Value]) -> R {
    if a.len() < 3 {
        return Err(FuncError::new("dig needs at least three arguments"));
    }
    let mut dict = assert_map(&a[a.len() - 1])?;
    let def = &a[a.len() - 2];
    let mut keys = Vec::with_capacity(a.len() - 2);
    for k in &a[..a.len() - 2] {
        match k {
            Value::String(s) => keys.push(s.clone()),
            _ => return Err(assertion_error(k, "string")),
        }
    }
    for (i, k) in keys.iter().enumerate() {
        let step = match dict.as_ref().and_then(|d| d.get(k)) {
            Some(s) => s,
            None => return Ok(def.clone()),
        };
        if i + 1 == keys.len() {
            return Ok(step);
        }
        dict = assert_map(&step)?;
    }
    Ok(def.clone())
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let map = Type::map_of_any;
    vec![
        func_variadic("dict", vec![], ANY, map(), dict),
        func("get", vec![map(), STRING], ANY, |a| {
            Ok(as_map(&a[0])
                .and_then(|m| m.get(arg_str(&a[1])))
                .unwrap_or_else(|| Value::from("")))
        }),
        func("set", vec![map(), STRING, ANY], map(), |a| {
            let m = as_map(&a[0]).ok_or_else(nil_map_write)?;
            m.insert(arg_str(&a[1]), a[2].clone());
            Ok(as_param(&a[0]))
        }),
        func("unset", vec![map(), STRING], map(), |a| {
            if let Some(m) = as_map(&a[0]) {
                m.remove(arg_str(&a[1]));
            }
            Ok(as_param(&a[0]))
        }),
        func("hasKey", vec![map(), STRING], BOOL, |a| {
            Ok(Value::Bool(
                as_map(&a[0]).is_some_and(|m| m.contains_key(arg_str(&a[1]))),
            ))
        }),
        func_variadic("pluck", vec![STRING], map(), Type::slice_of_any(), |a| {
            let key = arg_str(&a[0]);
            Ok(any_list(
                a[1..]
                    .iter()
                    .filter_map(|d| as_map(d).and_then(|m| m.get(key)))
                    .collect(),
            ))
        }),
        func_variadic("keys", vec![], map(), Type::slice_of(STRING), |a| {
            Ok(string_list(
                a.iter()
                    .filter_map(as_map)
                    .flat_map(|m| m.keys())
                    .map(|k| k.to_string()),
            ))
        }),
        func_variadic("pick", vec![map()], STRING, map(), |a| {
            let res = Map::new();
            if let Some(m) = as_map(&a[0]) {
                for k in &a[1..] {
                    if let Some(v) = m.get(arg_str(k)) {
                        res.insert(arg_str(k), v);
                    }
                }
            }
            Ok(Value::Map(res))
        }),
        func_variadic("omit", vec![map()], STRING, map(), |a| {
            let res = Map::new();
            if let Some(m) = as_map(&a[0]) {
                let omit: Vec<&str> = a[1..].iter().map(arg_str).collect();
                for (k, v) in m.entries() {
                    if !omit.contains(&&*k) {
                        res.insert(k, v);
                    }
                }
            }
            Ok(Value::Map(res))
        }),
        func_variadic("merge", vec![map()], map(), ANY, |a| merge(a, false)),
        func_variadic_err("mustMerge", vec![map()], map(), ANY, |a| merge(a, false)),
        func_variadic("mergeOverwrite", vec![map()], map(), ANY, |a| {
            merge(a, true)
        }),
        func_variadic_err("mustMergeOverwrite", vec![map()], map(), ANY, |a| {
            merge(a, true)
        }),
        func("values", vec![map()], Type::slice_of_any(), |a| {
            Ok(any_list(
                as_map(&a[0])
                    .map(|m| m.entries().into_iter().map(|(_, v)| v).collect())
                    .unwrap_or_default(),
            ))
        }),
        func("deepCopy", vec![ANY], ANY, deep_copy_fn),
        func_err("mustDeepCopy", vec![ANY], ANY, deep_copy_fn),
        func_variadic_err("dig", vec![], ANY, ANY, dig),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(r: R) -> String {
        match r {
            Ok(v) => kelm_gotmpl::gofmt::sprint(&[v]),
            Err(e) => format!("ERR {e}"),
        }
    }

    fn d(entries: Vec<(&str, Value)>) -> Value {
        Value::Map(Map::from_entries(entries))
    }

    #[test]
    fn merge_like_helm() {
        // Helm 4.1.4 renders of merge and mergeOverwrite.
        let dst = d(vec![
            ("a", Value::int(0)),
            ("b", Value::from("")),
            ("d", any_list(vec![])),
        ]);
        let src = d(vec![
            ("a", Value::int(1)),
            ("b", Value::from("x")),
            ("c", Value::nil()),
            ("d", any_list(vec![Value::int(1)])),
        ]);
        assert_eq!(show(merge(&[dst, src], false)), "map[a:1 b:x d:[1]]");
        let dst = d(vec![("a", Value::int(1)), ("b", Value::from("x"))]);
        let src = d(vec![
            ("a", Value::int(0)),
            ("b", Value::from("")),
            ("c", Value::nil()),
        ]);
        assert_eq!(show(merge(&[dst, src], true)), "map[a:0 b: c:<nil>]");
        let dst = d(vec![("a", d(vec![("x", Value::int(1))]))]);
        let src = d(vec![("a", Value::int(2))]);
        assert_eq!(show(merge(&[dst, src], false)), "map[a:map[x:1]]");
        let r = merge(
            &[
                Value::Nil(Type::map_of_any()),
                d(vec![("a", Value::int(1))]),
            ],
            false,
        );
        assert_eq!(show(r), "map[a:1]");
    }

    #[test]
    fn merge_mutates_nested_maps() {
        // Helm 4.1.4: a nested map of the destination is merged in place.
        let inner = Map::new();
        let dst = d(vec![("a", Value::Map(inner.clone()))]);
        let src = d(vec![("a", d(vec![("x", Value::int(1))]))]);
        merge(&[dst, src], false).unwrap();
        assert_eq!(show(Ok(Value::Map(inner))), "map[x:1]");
    }

    #[test]
    fn dig_like_helm() {
        // Helm 4.1.4 messages for dig.
        assert_eq!(
            show(dig(&[Value::from("a"), Value::int(1)])),
            "ERR dig needs at least three arguments"
        );
        assert_eq!(
            show(dig(&[
                Value::from("a"),
                Value::from("b"),
                Value::int(1),
                d(vec![("a", Value::from("x"))])
            ])),
            "ERR interface conversion: interface {} is string, not map[string]interface {}"
        );
        assert_eq!(
            show(dig(&[
                Value::int(1),
                Value::from("b"),
                Value::int(1),
                d(vec![])
            ])),
            "ERR interface conversion: interface {} is int, not string"
        );
        assert_eq!(
            show(dig(&[
                Value::from("a"),
                Value::int(1),
                d(vec![("a", Value::int(1))])
            ])),
            "1"
        );
        // Helm 4.1.4 renders.
        let nested = d(vec![("a", d(vec![("b", Value::from("c"))]))]);
        assert_eq!(
            show(dig(&[
                Value::from("a"),
                Value::from("b"),
                Value::from("z"),
                nested.clone()
            ])),
            "c"
        );
        assert_eq!(
            show(dig(&[
                Value::from("a"),
                Value::from("x"),
                Value::from("z"),
                nested
            ])),
            "z"
        );
    }

    /// A host value of a named map type with methods: an object over a plain map.
    #[derive(Debug)]
    struct Values(Map);

    impl kelm_gotmpl::Object for Values {
        fn go_type(&self) -> Type {
            Type::named("common.Values", Type::map_of_any())
        }

        fn underlying(&self) -> Option<Value> {
            Some(Value::Map(self.0.clone()))
        }
    }

    fn call(name: &str, args: &[Value]) -> R {
        let f = functions().into_iter().find(|f| f.name() == name).unwrap();
        f.invoke(&mut kelm_gotmpl::Call::detached(), args)
    }

    fn render(text: &str, dot: &Value) -> String {
        let mut t = kelm_gotmpl::Template::new("t");
        t.add_funcs(crate::functions());
        t.parse(text).unwrap();
        let mut out = String::new();
        t.execute(dot, &mut out).unwrap();
        out
    }

    #[test]
    fn named_maps_like_helm() {
        // Helm 4.1.4, with .Values a common.Values: the map functions see (and return)
        // a plain map[string]interface {}, sharing the entries; deepCopy keeps the type.
        let m = Map::with_type(Type::named("common.Values", Type::map_of_any()));
        assert_eq!(
            render(
                r#"{{ typeOf (set . "x" 1) }} {{ typeOf (deepCopy .) }} {{ .x }} {{ typeOf (merge (dict) .) }} {{ typeOf (merge . (dict)) }} {{ typeOf (mergeOverwrite . (dict "y" 2)) }} {{ .y }} {{ typeOf (pick . "x") }} {{ typeOf (omit . "x") }}"#,
                &Value::Map(m.clone()),
            ),
            "map[string]interface {} common.Values 1 map[string]interface {} map[string]interface {} map[string]interface {} 2 map[string]interface {} map[string]interface {}"
        );
        assert_eq!(m.len(), 2);
        // dig asserts map[string]interface {}, which a common.Values is not.
        assert_eq!(
            show(dig(&[Value::from("x"), Value::from("d"), Value::Map(m)])),
            "ERR interface conversion: interface {} is common.Values, not map[string]interface {}"
        );
        // The same for a host object of that type.
        let m = Map::new();
        let values = Value::Object(std::sync::Arc::new(Values(m.clone())));
        let r = call("set", &[values.clone(), Value::from("x"), Value::int(1)]).unwrap();
        assert_eq!(crate::reflect::type_name(&r), "map[string]interface {}");
        assert_eq!(show(Ok(Value::Map(m))), "map[x:1]");
        assert_eq!(
            show(dig(&[Value::from("x"), Value::from("d"), values])),
            "ERR interface conversion: interface {} is common.Values, not map[string]interface {}"
        );
    }

    #[test]
    fn dict_odd_arguments() {
        // Helm 4.1.4: a key without a value maps to "".
        assert_eq!(
            show(dict(&[Value::from("a"), Value::int(1), Value::int(2)])),
            "map[2: a:1]"
        );
    }
}
