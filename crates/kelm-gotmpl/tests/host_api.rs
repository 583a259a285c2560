//! What hosts build on: named map types and their conversion at calls, the error chain
//! of failing functions, and what a running function learns from its [`Call`].

use std::error::Error as _;

use kelm_gotmpl::{Call, FuncError, Function, Map, Signature, Template, Type, Value};

fn values_type() -> Type {
    Type::named("common.Values", Type::map_of_any())
}

fn run(t: &Template, data: &Value) -> Result<String, kelm_gotmpl::Error> {
    let mut out = String::new();
    t.execute(data, &mut out).map(|_| out)
}

/// `set`-like: takes a `map[string]interface {}`, stores a key, returns the map.
fn set_fn() -> Function {
    Function::new(
        "set",
        Signature::new(
            vec![Type::map_of_any(), Type::String, Type::Any],
            Type::map_of_any(),
        ),
        |_, a| {
            let Value::Map(m) = &a[0] else {
                return Err(FuncError::new("not a map"));
            };
            let Value::String(k) = &a[1] else {
                return Err(FuncError::new("not a string"));
            };
            m.insert(k.clone(), a[2].clone());
            Ok(a[0].clone())
        },
    )
}

/// `typeOf`: takes `interface {}`, which keeps the dynamic type.
fn type_of_fn() -> Function {
    Function::new(
        "typeOf",
        Signature::new(vec![Type::Any], Type::String),
        |_, a| {
            Ok(Value::from(
                a[0].go_type().map(|t| t.to_string()).unwrap_or_default(),
            ))
        },
    )
}

#[test]
fn converted_maps_share_entries() {
    let m = Map::with_type(values_type());
    m.insert("a", Value::int(1));
    let c = m.convert(Type::map_of_any());
    assert_eq!(c.go_type(), &Type::map_of_any());
    assert_eq!(m.go_type(), &values_type());
    c.insert("b", Value::int(2));
    assert_eq!(m.len(), 2);
    assert!(m.ptr_eq(&c) && c.ptr_eq(&m));
    assert_eq!(m.addr(), c.addr());
    // A conversion of a conversion still shares the original entries.
    let cc = c.convert(values_type());
    cc.remove("a");
    assert!(!m.contains_key("a"));
    assert!(cc.ptr_eq(&m));
}

#[test]
fn named_maps_are_converted_for_typed_parameters() {
    // Go: a `common.Values` passed for `map[string]interface{}` arrives as that type
    // (so `set .Values ...` returns a plain map), while `interface {}` parameters keep
    // the named type; the entries are shared either way.
    let mut t = Template::new("t");
    t.add_funcs([set_fn(), type_of_fn()]);
    t.parse(r#"{{ typeOf . }} {{ typeOf (set . "x" 1) }} {{ .x }} {{ typeOf . }}"#)
        .unwrap();
    let m = Map::with_type(values_type());
    let out = run(&t, &Value::Map(m.clone())).unwrap();
    assert_eq!(out, "common.Values map[string]interface {} 1 common.Values");
    assert!(m.contains_key("x"));
}

#[test]
fn function_errors_keep_their_chain() {
    // `include`-like: returns the error of the template it ran, as it is.
    let include = Function::new(
        "include",
        Signature::new(vec![Type::String, Type::Any], Type::String).with_error(),
        |call, a| {
            let Value::String(name) = &a[0] else {
                return Err(FuncError::new("not a string"));
            };
            call.execute_template(name, &a[1])
                .map(Value::from)
                .map_err(FuncError::from)
        },
    );
    let mut t = Template::new("gotpl");
    t.add_func(include);
    t.parse_named("inner", "{{ .a.b }}").unwrap();
    t.parse_named("outer", r#"{{ include "inner" . }}"#)
        .unwrap();
    let mut out = String::new();
    let e = t
        .execute_template("outer", &Value::nil(), &mut out)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "template: outer:1:3: executing \"outer\" at <include \"inner\" .>: error calling include: template: inner:1:5: executing \"inner\" at <.a.b>: nil pointer evaluating interface {}.a"
    );
    assert_eq!(e.template(), Some("outer"));
    let cause = e.cause().expect("the function's error");
    let inner = cause.template_error().expect("a template error");
    assert_eq!(cause.message(), inner.to_string());
    assert_eq!(inner.template(), Some("inner"));
    assert!(inner.cause().is_none());
    // The same chain through std::error::Error::source.
    let mut texts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(x) = cur {
        texts.push(x.to_string());
        cur = x.source();
    }
    assert_eq!(texts.len(), 3);
    assert_eq!(texts[1], texts[2]);

    // A wrapping error has its own text and the wrapped one as its source.
    let w = FuncError::wrapping("wrapped: x", inner.clone());
    assert_eq!(w.to_string(), "wrapped: x");
    assert_eq!(w.source().map(|s| s.to_string()), Some(inner.to_string()));
    // A plain error ends the chain.
    assert!(FuncError::new("x").source().is_none());
    // `no template` is not an ExecError: no template name.
    let e = t
        .execute_template("nope", &Value::nil(), &mut out)
        .unwrap_err();
    assert_eq!(e.template(), None);
}

#[test]
fn calls_know_the_set_name() {
    let name = Function::new(
        "setName",
        Signature::new(vec![], Type::String),
        |call, _| Ok(Value::from(call.set_name())),
    );
    let mut t = Template::new("gotpl");
    t.add_func(name);
    t.parse_named("x", "{{ setName }}").unwrap();
    let mut out = String::new();
    t.execute_template("x", &Value::nil(), &mut out).unwrap();
    assert_eq!(out, "gotpl");
    assert_eq!(Call::detached().set_name(), "");
}
