//! Reflection: `typeOf`, `typeIs`, `typeIsLike`, `kindOf`, `kindIs`, `deepEqual`.
//!
//! Also the reflection other groups share: Go's `reflect.Kind` names ([`kind_name`],
//! which Sprig's list errors print) and `reflect.DeepEqual` ([`deep_equal`]).

use kelm_gotmpl::{FloatKind, Function, IntKind, Type, UintKind, Value};

use crate::conv::{ANY, BOOL, STRING, arg_str, func};

/// Go's `reflect.Kind.String()` for a type.
pub(crate) fn kind_name(t: &Type) -> &'static str {
    match t.underlying() {
        Type::Any | Type::Error => "interface",
        Type::Bool => "bool",
        Type::Int(k) => match k {
            IntKind::Int => "int",
            IntKind::I8 => "int8",
            IntKind::I16 => "int16",
            IntKind::I32 => "int32",
            IntKind::I64 => "int64",
        },
        Type::Uint(k) => match k {
            UintKind::Uint => "uint",
            UintKind::U8 => "uint8",
            UintKind::U16 => "uint16",
            UintKind::U32 => "uint32",
            UintKind::U64 => "uint64",
            UintKind::Uintptr => "uintptr",
        },
        Type::Float(FloatKind::F32) => "float32",
        Type::Float(FloatKind::F64) => "float64",
        Type::Complex(FloatKind::F32) => "complex64",
        Type::Complex(FloatKind::F64) => "complex128",
        Type::String => "string",
        Type::ReflectValue | Type::Struct(_) => "struct",
        Type::Slice(_) => "slice",
        Type::Map(_) => "map",
        Type::Ptr(_) => "ptr",
        Type::Func(_) => "func",
        Type::Named(_) => unreachable!("underlying() strips names"),
    }
}

/// `reflect.TypeOf(v).Kind().String()`, or `None` for a nil interface (where Go's
/// `reflect.TypeOf(nil).Kind()` dereferences a nil pointer).
pub(crate) fn value_kind_name(v: &Value) -> Option<&'static str> {
    match v {
        Value::Invalid | Value::Nil(Type::Any) => None,
        _ => v.go_type().map(|t| kind_name(&t)),
    }
}

/// `fmt.Sprintf("%T", v)`.
pub(crate) fn type_name(v: &Value) -> String {
    match v {
        Value::Invalid | Value::Nil(Type::Any) => "<nil>".to_string(),
        _ => v.go_type().map(|t| t.to_string()).unwrap_or_default(),
    }
}

/// Go's `reflect.DeepEqual` on two `interface{}` values.
pub(crate) fn deep_equal(a: &Value, b: &Value) -> bool {
    let a_nil = matches!(a, Value::Invalid | Value::Nil(Type::Any));
    let b_nil = matches!(b, Value::Invalid | Value::Nil(Type::Any));
    if a_nil || b_nil {
        return a_nil == b_nil;
    }
    if a.go_type() != b.go_type() {
        return false;
    }
    deep_value_equal(a, b, 0)
}

fn deep_value_equal(a: &Value, b: &Value, depth: usize) -> bool {
    // Go detects cycles through its visited map; deep nesting here means a cycle.
    if depth > 10_000 {
        return true;
    }
    match (a, b) {
        (Value::Nil(_), Value::Nil(_)) => true,
        (Value::Nil(_), _) | (_, Value::Nil(_)) => false,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x, _), Value::Int(y, _)) => x == y,
        (Value::Uint(x, _), Value::Uint(y, _)) => x == y,
        (Value::Float(x, _), Value::Float(y, _)) => x == y,
        (Value::Complex(r1, i1, _), Value::Complex(r2, i2, _)) => r1 == r2 && i1 == i2,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            x.len() == y.len()
                && x.items()
                    .iter()
                    .zip(y.items())
                    .all(|(p, q)| elem_equal(x.go_type(), p, q, depth))
        }
        (Value::Map(x), Value::Map(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            if x.len() != y.len() {
                return false;
            }
            let ty = x.go_type().clone();
            x.entries().iter().all(|(k, v)| match y.get(k) {
                Some(w) => elem_equal(&ty, v, &w, depth),
                None => false,
            })
        }
        (Value::Func(_), Value::Func(_)) => false,
        (Value::Object(x), Value::Object(y)) => {
            if std::sync::Arc::ptr_eq(x, y) {
                return true;
            }
            match (x.underlying(), y.underlying()) {
                (Some(u), Some(w)) => deep_value_equal(&u, &w, depth + 1),
                _ => {
                    let (fx, fy) = (x.fields(), y.fields());
                    fx.len() == fy.len()
                        && fx.iter().zip(&fy).all(|((_, p), (_, q))| deep_equal(p, q))
                }
            }
        }
        _ => false,
    }
}

/// Elements of a container of type `container`: interface elements compare their
/// dynamic types first.
fn elem_equal(container: &Type, a: &Value, b: &Value, depth: usize) -> bool {
    if container
        .elem()
        .is_some_and(|e| *e.underlying() == Type::Any)
    {
        let a_nil = matches!(a, Value::Invalid | Value::Nil(Type::Any));
        let b_nil = matches!(b, Value::Invalid | Value::Nil(Type::Any));
        if a_nil || b_nil {
            return a_nil == b_nil;
        }
        if a.go_type() != b.go_type() {
            return false;
        }
    }
    deep_value_equal(a, b, depth + 1)
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        func("typeOf", vec![ANY], STRING, |a| Ok(type_name(&a[0]).into())),
        func("typeIs", vec![STRING, ANY], BOOL, |a| {
            Ok(Value::Bool(arg_str(&a[0]) == type_name(&a[1])))
        }),
        func("typeIsLike", vec![STRING, ANY], BOOL, |a| {
            let (target, t) = (arg_str(&a[0]), type_name(&a[1]));
            Ok(Value::Bool(
                target == t || t.strip_prefix('*') == Some(target),
            ))
        }),
        func("kindOf", vec![ANY], STRING, |a| {
            Ok(value_kind_name(&a[0]).unwrap_or("invalid").into())
        }),
        func("kindIs", vec![STRING, ANY], BOOL, |a| {
            Ok(Value::Bool(
                arg_str(&a[0]) == value_kind_name(&a[1]).unwrap_or("invalid"),
            ))
        }),
        func("deepEqual", vec![ANY, ANY], BOOL, |a| {
            Ok(Value::Bool(deep_equal(&a[0], &a[1])))
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use kelm_gotmpl::{List, Map};

    #[test]
    fn deep_equal_like_go() {
        // reflect.DeepEqual facts from Go's documentation and Sprig's reflect_test.go.
        let l = |v: Vec<Value>| Value::List(List::new(v));
        assert!(deep_equal(&l(vec![Value::int(1)]), &l(vec![Value::int(1)])));
        assert!(!deep_equal(
            &l(vec![Value::int(1)]),
            &l(vec![Value::int64(1)])
        ));
        assert!(!deep_equal(&Value::int(1), &Value::int64(1)));
        assert!(deep_equal(&Value::nil(), &Value::nil()));
        assert!(!deep_equal(&Value::Nil(Type::slice_of_any()), &l(vec![])));
        assert!(!deep_equal(
            &Value::float64(f64::NAN),
            &Value::float64(f64::NAN)
        ));
        let m1 = Map::from_entries([("a", Value::int(1))]);
        let m2 = Map::from_entries([("a", Value::int(1))]);
        assert!(deep_equal(&Value::Map(m1), &Value::Map(m2)));
    }
}
