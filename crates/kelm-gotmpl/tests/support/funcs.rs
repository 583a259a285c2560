//! Test functions (kept in step with `tools/gotmpl-oracle/funcs.go`): same names, same Go
//! signatures, same results and error texts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kelm_gotmpl::{
    Call, ErrorKind, FloatKind, FuncError, Function, IntKind, Kind, List, Map, Signature, Type,
    UintKind, Value,
};

use super::data::string_list;
use super::objects::{self, TData, packed};

/// Helm's limit on nested `include`s of one template.
const RECURSION_MAX_NUMS: usize = 1000;

const WARN_START: &str = "HELM_ERR_START";
const WARN_END: &str = "HELM_ERR_END";

fn int_t() -> Type {
    Type::Int(IntKind::Int)
}

fn any_t() -> Type {
    Type::Any
}

fn str_t() -> Type {
    Type::String
}

fn harness(msg: String) -> FuncError {
    FuncError::new(format!("test harness: {msg}"))
}

fn s_arg(args: &[Value], i: usize) -> Result<&str, FuncError> {
    match args.get(i) {
        Some(Value::String(s)) => Ok(s),
        other => Err(harness(format!("argument {i} is not a string: {other:?}"))),
    }
}

fn i_arg(args: &[Value], i: usize) -> Result<i64, FuncError> {
    match args.get(i) {
        Some(Value::Int(n, _)) => Ok(*n),
        other => Err(harness(format!("argument {i} is not an int: {other:?}"))),
    }
}

fn u_arg(args: &[Value], i: usize) -> Result<u64, FuncError> {
    match args.get(i) {
        Some(Value::Uint(n, _)) => Ok(*n),
        other => Err(harness(format!("argument {i} is not a uint: {other:?}"))),
    }
}

fn f_arg(args: &[Value], i: usize) -> Result<f64, FuncError> {
    match args.get(i) {
        Some(Value::Float(f, _)) => Ok(*f),
        other => Err(harness(format!("argument {i} is not a float: {other:?}"))),
    }
}

fn arg(args: &[Value], i: usize) -> Result<&Value, FuncError> {
    args.get(i)
        .ok_or_else(|| harness(format!("missing argument {i}")))
}

fn ascii_upper(s: &str) -> String {
    s.to_ascii_uppercase()
}

fn indent(n: i64, s: &str) -> Result<String, FuncError> {
    if n < 0 {
        return Err(FuncError::new("strings: negative Repeat count"));
    }
    let pad = " ".repeat(n as usize);
    Ok(format!("{pad}{}", s.replace('\n', &format!("\n{pad}"))))
}

/// Whether a value is nil as Go's `v == nil` on an `interface{}` sees it.
fn is_nil_interface(v: &Value) -> bool {
    matches!(v, Value::Invalid) || matches!(v, Value::Nil(t) if *t == Type::Any)
}

/// Sprig's notion of an empty value.
pub fn empty(v: &Value) -> bool {
    match v {
        Value::Invalid => true,
        Value::Nil(t) => t.kind() != Kind::Struct,
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
        Value::Object(o) => match o.underlying() {
            Some(u) => empty(&u),
            None => false,
        },
    }
}

/// Wraps a closure as a test function.
fn f(
    name: &str,
    sig: Signature,
    imp: impl Fn(&mut Call<'_>, &[Value]) -> Result<Value, FuncError> + Send + Sync + 'static,
) -> Function {
    Function::new(name, sig, imp)
}

fn sig(params: Vec<Type>, result: Type) -> Signature {
    Signature::new(params, result)
}

/// The test functions that need no template set.
pub fn static_funcs() -> Vec<Function> {
    vec![
        // Strings.
        f("upper", sig(vec![str_t()], str_t()), |_, a| {
            Ok(Value::from(ascii_upper(s_arg(a, 0)?)))
        }),
        f("lower", sig(vec![str_t()], str_t()), |_, a| {
            Ok(Value::from(s_arg(a, 0)?.to_ascii_lowercase()))
        }),
        f("quote", sig(vec![str_t()], str_t()), |_, a| {
            Ok(Value::from(kelm_gotmpl::strconv::quote(s_arg(a, 0)?)))
        }),
        f("squote", sig(vec![str_t()], str_t()), |_, a| {
            Ok(Value::from(format!("'{}'", s_arg(a, 0)?)))
        }),
        f("indent", sig(vec![int_t(), str_t()], str_t()), |_, a| {
            Ok(Value::from(indent(i_arg(a, 0)?, s_arg(a, 1)?)?))
        }),
        f("nindent", sig(vec![int_t(), str_t()], str_t()), |_, a| {
            Ok(Value::from(format!(
                "\n{}",
                indent(i_arg(a, 0)?, s_arg(a, 1)?)?
            )))
        }),
        f("trim", sig(vec![str_t()], str_t()), |_, a| {
            Ok(Value::from(s_arg(a, 0)?.trim()))
        }),
        f(
            "join",
            sig(vec![str_t(), Type::slice_of(str_t())], str_t()),
            |_, a| {
                let sep = s_arg(a, 0)?;
                let parts: Vec<&str> = match arg(a, 1)? {
                    Value::List(l) => l
                        .items()
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => Ok(&**s),
                            other => Err(harness(format!("not a string: {other:?}"))),
                        })
                        .collect::<Result<_, _>>()?,
                    Value::Nil(_) => Vec::new(),
                    other => return Err(harness(format!("not a []string: {other:?}"))),
                };
                Ok(Value::from(parts.join(sep)))
            },
        ),
        f("repeat", sig(vec![int_t(), str_t()], str_t()), |_, a| {
            let n = i_arg(a, 0)?;
            if n < 0 {
                return Err(FuncError::new("strings: negative Repeat count"));
            }
            Ok(Value::from(s_arg(a, 1)?.repeat(n as usize)))
        }),
        f(
            "contains",
            sig(vec![str_t(), str_t()], Type::Bool),
            |_, a| Ok(Value::Bool(s_arg(a, 1)?.contains(s_arg(a, 0)?))),
        ),
        f(
            "hasPrefix",
            sig(vec![str_t(), str_t()], Type::Bool),
            |_, a| Ok(Value::Bool(s_arg(a, 1)?.starts_with(s_arg(a, 0)?))),
        ),
        f(
            "split",
            sig(vec![str_t(), str_t()], Type::slice_of(str_t())),
            |_, a| {
                let (sep, s) = (s_arg(a, 0)?, s_arg(a, 1)?);
                let parts: Vec<String> = if sep.is_empty() {
                    s.chars().map(String::from).collect()
                } else {
                    s.split(sep).map(str::to_string).collect()
                };
                Ok(string_list(&parts))
            },
        ),
        f(
            "replace",
            sig(vec![str_t(), str_t(), str_t()], str_t()),
            |_, a| {
                Ok(Value::from(
                    s_arg(a, 2)?.replace(s_arg(a, 0)?, s_arg(a, 1)?),
                ))
            },
        ),
        f("itoa", sig(vec![int_t()], str_t()), |_, a| {
            Ok(Value::from(i_arg(a, 0)?.to_string()))
        }),
        f("atoi", sig(vec![str_t()], int_t()).with_error(), |_, a| {
            let s = s_arg(a, 0)?;
            s.parse::<i64>().map(Value::int).map_err(|e| {
                let why = match e.kind() {
                    std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                        "value out of range"
                    }
                    _ => "invalid syntax",
                };
                FuncError::new(format!(
                    "strconv.Atoi: parsing {}: {why}",
                    kelm_gotmpl::strconv::quote(s)
                ))
            })
        }),
        f(
            "bytesOf",
            sig(vec![str_t()], Type::slice_of(Type::Uint(UintKind::U8))),
            |_, a| Ok(Value::Bytes(Arc::from(s_arg(a, 0)?.as_bytes()))),
        ),
        // Sprig-like generic helpers.
        f(
            "default",
            Signature::variadic(vec![any_t()], any_t(), any_t()),
            |_, a| {
                let d = arg(a, 0)?.clone();
                let given = packed(a, 1)?;
                Ok(match given.first() {
                    Some(g) if !empty(g) => g.clone(),
                    _ => d,
                })
            },
        ),
        f("empty", sig(vec![any_t()], Type::Bool), |_, a| {
            Ok(Value::Bool(empty(arg(a, 0)?)))
        }),
        f(
            "list",
            Signature::variadic(vec![], any_t(), Type::slice_of_any()),
            |_, a| Ok(Value::List(List::new(packed(a, 0)?))),
        ),
        f(
            "dict",
            Signature::variadic(vec![], any_t(), Type::map_of_any()).with_error(),
            |_, a| {
                let args = packed(a, 0)?;
                if args.len() % 2 != 0 {
                    return Err(FuncError::new("dict: odd number of arguments"));
                }
                let m = Map::new();
                for (i, kv) in args.chunks(2).enumerate() {
                    let Value::String(k) = &kv[0] else {
                        return Err(FuncError::new(format!("dict: key {i} is not a string")));
                    };
                    m.insert(k.clone(), kv[1].clone());
                }
                Ok(Value::Map(m))
            },
        ),
        // Typed parameters and results.
        f("add", sig(vec![int_t(), int_t()], int_t()), |_, a| {
            Ok(Value::int(i_arg(a, 0)?.wrapping_add(i_arg(a, 1)?)))
        }),
        f(
            "addf",
            sig(
                vec![Type::Float(FloatKind::F64), Type::Float(FloatKind::F64)],
                Type::Float(FloatKind::F64),
            ),
            |_, a| Ok(Value::float64(f_arg(a, 0)? + f_arg(a, 1)?)),
        ),
        f(
            "add64",
            sig(
                vec![Type::Int(IntKind::I64), Type::Int(IntKind::I64)],
                Type::Int(IntKind::I64),
            ),
            |_, a| Ok(Value::int64(i_arg(a, 0)?.wrapping_add(i_arg(a, 1)?))),
        ),
        f(
            "i8",
            sig(vec![Type::Int(IntKind::I8)], Type::Int(IntKind::I8)),
            |_, a| Ok(Value::Int(i_arg(a, 0)?, IntKind::I8)),
        ),
        f(
            "u",
            sig(vec![Type::Uint(UintKind::Uint)], Type::Uint(UintKind::Uint)),
            |_, a| Ok(Value::Uint(u_arg(a, 0)?, UintKind::Uint)),
        ),
        f(
            "u8",
            sig(vec![Type::Uint(UintKind::U8)], Type::Uint(UintKind::U8)),
            |_, a| Ok(Value::Uint(u_arg(a, 0)?, UintKind::U8)),
        ),
        f(
            "f32",
            sig(
                vec![Type::Float(FloatKind::F32)],
                Type::Float(FloatKind::F32),
            ),
            |_, a| Ok(Value::Float(f_arg(a, 0)?, FloatKind::F32)),
        ),
        f(
            "c128",
            sig(
                vec![Type::Complex(FloatKind::F64)],
                Type::Complex(FloatKind::F64),
            ),
            |_, a| match arg(a, 0)? {
                Value::Complex(r, i, _) => Ok(Value::Complex(*r, *i, FloatKind::F64)),
                other => Err(harness(format!("not a complex: {other:?}"))),
            },
        ),
        f(
            "negate",
            sig(vec![Type::Bool], Type::Bool),
            |_, a| match arg(a, 0)? {
                Value::Bool(b) => Ok(Value::Bool(!b)),
                other => Err(harness(format!("not a bool: {other:?}"))),
            },
        ),
        f("echo", sig(vec![any_t()], any_t()), |_, a| {
            Ok(arg(a, 0)?.clone())
        }),
        f("typeOf", sig(vec![any_t()], str_t()), |_, a| {
            let v = arg(a, 0)?;
            Ok(Value::from(if is_nil_interface(v) {
                "<nil>".to_string()
            } else {
                v.go_type().map(|t| t.to_string()).unwrap_or_default()
            }))
        }),
        f(
            "count",
            Signature::variadic(vec![], any_t(), int_t()),
            |_, a| Ok(Value::int(packed(a, 0)?.len() as i64)),
        ),
        f(
            "concat",
            Signature::variadic(vec![str_t()], int_t(), str_t()),
            |_, a| {
                let s = s_arg(a, 0)?;
                let xs: Vec<String> = packed(a, 1)?
                    .iter()
                    .map(|x| match x {
                        Value::Int(n, _) => Ok(n.to_string()),
                        other => Err(harness(format!("not an int: {other:?}"))),
                    })
                    .collect::<Result<_, _>>()?;
                Ok(Value::from(format!("{s}:{}", xs.join(","))))
            },
        ),
        f("strs", sig(vec![], Type::slice_of(str_t())), |_, _| {
            Ok(string_list(&["a".into(), "b".into(), "c".into()]))
        }),
        f(
            "smap",
            sig(vec![], Type::map_of(str_t(), str_t())),
            |_, _| {
                let m = Map::with_type(Type::map_of(str_t(), str_t()));
                m.insert("k", Value::from("v"));
                m.insert("a", Value::from("b"));
                Ok(Value::Map(m))
            },
        ),
        f("ints", sig(vec![], Type::slice_of(int_t())), |_, _| {
            Ok(Value::List(List::with_type(
                Type::slice_of(int_t()),
                vec![Value::int(3), Value::int(1), Value::int(2)],
            )))
        }),
        f("big", sig(vec![], Type::Int(IntKind::I64)), |_, _| {
            Ok(Value::int64(1 << 40))
        }),
        f("nilT", sig(vec![], objects::ptr_t_type()), |_, _| {
            Ok(Value::Nil(objects::ptr_t_type()))
        }),
        f("newT", sig(vec![str_t()], objects::ptr_t_type()), |_, a| {
            Ok(objects::t_ptr(TData {
                s: s_arg(a, 0)?.to_string(),
                ..TData::default()
            }))
        }),
        f("mkT", sig(vec![str_t()], objects::t_type()), |_, a| {
            Ok(objects::t_value(TData {
                s: s_arg(a, 0)?.to_string(),
                ..TData::default()
            }))
        }),
        f(
            "name",
            sig(vec![str_t()], Type::named("main.Name", str_t())),
            |_, a| Ok(objects::name_value(s_arg(a, 0)?)),
        ),
        f("errval", sig(vec![], Type::Error), |_, _| {
            Ok(objects::error_value("an error value"))
        }),
        f("nilmap", sig(vec![], Type::map_of_any()), |_, _| {
            Ok(Value::Nil(Type::map_of_any()))
        }),
        f(
            "seq",
            sig(vec![int_t()], Type::slice_of(int_t())),
            |_, a| {
                let n = i_arg(a, 0)?;
                Ok(Value::List(List::with_type(
                    Type::slice_of(int_t()),
                    (0..n.max(0)).map(Value::int).collect(),
                )))
            },
        ),
        f(
            "adder",
            sig(
                vec![int_t()],
                Type::Func(Arc::new(sig(vec![int_t()], int_t()))),
            ),
            |_, a| {
                let n = i_arg(a, 0)?;
                Ok(Value::Func(Function::new(
                    "adder.func1",
                    sig(vec![int_t()], int_t()),
                    move |_, b| Ok(Value::int(i_arg(b, 0)?.wrapping_add(n))),
                )))
            },
        ),
        f("panicky", sig(vec![], str_t()), |_, _| {
            Err(FuncError::new("boom"))
        }),
        f("panicErr", sig(vec![], str_t()), |_, _| {
            Err(FuncError::new("boom error"))
        }),
        f("check", sig(vec![any_t()], any_t()).with_error(), |_, a| {
            let v = arg(a, 0)?;
            if let Value::String(s) = v
                && s.starts_with("fail")
            {
                return Err(FuncError::new(format!("check failed: {s}")));
            }
            Ok(v.clone())
        }),
        // Helm's required and fail.
        f(
            "required",
            sig(vec![str_t(), any_t()], any_t()).with_error(),
            |_, a| {
                let warn = s_arg(a, 0)?;
                let val = arg(a, 1)?;
                let missing =
                    is_nil_interface(val) || matches!(val, Value::String(s) if s.is_empty());
                if missing {
                    return Err(FuncError::new(format!("{WARN_START}{warn}{WARN_END}")));
                }
                Ok(val.clone())
            },
        ),
        f("fail", sig(vec![str_t()], str_t()).with_error(), |_, a| {
            Err(FuncError::new(format!(
                "{WARN_START}{}{WARN_END}",
                s_arg(a, 0)?
            )))
        }),
    ]
}

/// Func values only reachable as data (`{"$func": NAME}`).
fn extra_func_values() -> Vec<Function> {
    vec![
        f("hello", sig(vec![], str_t()), |_, _| {
            Ok(Value::from("hello"))
        }),
        f("failing", sig(vec![], str_t()).with_error(), |_, _| {
            Err(FuncError::new("failing func"))
        }),
    ]
}

/// The function called `name`, for `{"$func": name}`.
pub fn func_value(name: &str) -> Option<Function> {
    extra_func_values()
        .into_iter()
        .chain(static_funcs())
        .find(|f| f.name() == name)
}

/// Every test function, with Helm's `include` and `tpl`; `root` names the main template,
/// which `tpl` parses its text as (Helm uses its root template's name).
pub fn test_funcs(root: &str) -> Vec<Function> {
    let mut fs = static_funcs();
    let included: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    fs.push(include_func(included));
    fs.push(tpl_func(root.to_string()));
    fs
}

/// Helm 4's `include`: executes a template of the set into a string, with a limit on
/// nesting the same template.
fn include_func(included: Arc<Mutex<HashMap<String, usize>>>) -> Function {
    f(
        "include",
        sig(vec![str_t(), any_t()], str_t()).with_error(),
        move |call, a| {
            let name = s_arg(a, 0)?.to_string();
            let data = arg(a, 1)?.clone();
            {
                let mut m = included.lock().unwrap_or_else(|e| e.into_inner());
                match m.get_mut(&name) {
                    Some(v) => {
                        if *v > RECURSION_MAX_NUMS {
                            return Err(FuncError::new(format!(
                                "rendering template has a nested reference name: {name}: unable to execute template"
                            )));
                        }
                        *v += 1;
                    }
                    None => {
                        m.insert(name.clone(), 1);
                    }
                }
            }
            let r = call.execute_template(&name, &data);
            {
                let mut m = included.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(v) = m.get_mut(&name) {
                    *v -= 1;
                }
            }
            r.map(Value::from).map_err(FuncError::from)
        },
    )
}

/// Helm 4's `tpl`: parses text as a new template in a copy of the set and executes it.
fn tpl_func(root: String) -> Function {
    f(
        "tpl",
        sig(vec![str_t(), any_t()], str_t()).with_error(),
        move |call, a| {
            let text = s_arg(a, 0)?.to_string();
            let vals = arg(a, 1)?.clone();
            match call.parse_and_execute(&root, &text, &vals) {
                Ok(s) => Ok(Value::from(s.replace("<no value>", ""))),
                Err(e) => {
                    let q = kelm_gotmpl::strconv::quote(&text);
                    Err(FuncError::new(match e.kind() {
                        ErrorKind::Parse => format!("cannot parse template {q}: {e}"),
                        ErrorKind::Exec => {
                            format!("error during tpl function execution for {q}: {e}")
                        }
                    }))
                }
            }
        },
    )
}
