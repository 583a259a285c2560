//! Defaults and flow: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`, `fail`.
//! (`compact` is with the lists; the JSON family belongs to the integrator, who has
//! the JSON crate.)

use kelm_gotmpl::{FuncError, Function, Kind, Type, Value};

use crate::conv::{ANY, BOOL, STRING, arg_bool, arg_str, func, func_err, func_variadic};

/// Sprig's `empty`: whether the value is the zero value of its type, where lists, maps
/// and strings count as empty when they have no elements, and structs never do.
pub(crate) fn empty(v: &Value) -> bool {
    match v {
        Value::Invalid | Value::Nil(_) => {
            // A nil of a struct type cannot exist; every other nil is empty.
            !matches!(v, Value::Nil(t) if t.kind() == Kind::Struct)
        }
        Value::Bool(b) => !b,
        Value::Int(i, _) => *i == 0,
        Value::Uint(u, _) => *u == 0,
        Value::Float(f, _) => *f == 0.0,
        Value::Complex(r, i, _) => *r == 0.0 && *i == 0.0,
        Value::String(s) => s.is_empty(),
        Value::Bytes(b) => b.is_empty(),
        Value::List(l) => l.is_empty(),
        Value::Map(m) => m.is_empty(),
        Value::Func(_) => false,
        Value::Object(o) => match o.go_type().kind() {
            Kind::Struct | Kind::Ptr | Kind::Func | Kind::Interface => false,
            _ => o.underlying().is_some_and(|u| empty(&u)),
        },
    }
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        func_variadic("default", vec![ANY], ANY, ANY, |a| {
            Ok(match a.get(1) {
                Some(given) if !empty(given) => given.clone(),
                _ => a[0].clone(),
            })
        }),
        func("empty", vec![ANY], BOOL, |a| Ok(Value::Bool(empty(&a[0])))),
        func_variadic("coalesce", vec![], ANY, ANY, |a| {
            Ok(a.iter()
                .find(|v| !empty(v))
                .cloned()
                .unwrap_or(Value::Nil(Type::Any)))
        }),
        func_variadic("all", vec![], ANY, BOOL, |a| {
            Ok(Value::Bool(a.iter().all(|v| !empty(v))))
        }),
        func_variadic("any", vec![], ANY, BOOL, |a| {
            Ok(Value::Bool(a.iter().any(|v| !empty(v))))
        }),
        func("ternary", vec![ANY, ANY, BOOL], ANY, |a| {
            Ok(if arg_bool(&a[2]) {
                a[0].clone()
            } else {
                a[1].clone()
            })
        }),
        func_err("fail", vec![STRING], STRING, |a| {
            Err(FuncError::new(arg_str(&a[0])))
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use kelm_gotmpl::{List, Map};

    #[test]
    fn empty_like_sprig() {
        // Helm 4.1.4 renders of `empty ...`.
        assert!(empty(&Value::nil()));
        assert!(empty(&Value::from("")));
        assert!(!empty(&Value::from("x")));
        assert!(empty(&Value::int(0)));
        assert!(!empty(&Value::int(1)));
        assert!(empty(&Value::float64(0.0)));
        assert!(empty(&Value::Bool(false)));
        assert!(empty(&Value::List(List::new(vec![]))));
        assert!(!empty(&Value::List(List::new(vec![Value::nil()]))));
        assert!(empty(&Value::Map(Map::new())));
        assert!(empty(&Value::Nil(Type::map_of_any())));
    }
}
