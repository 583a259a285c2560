//! Calling functions and methods, and converting their arguments with Go's rules
//! (Go's `evalCall`, `validateType`, `evalArg`).

use super::*;
use crate::value::List;

impl<'t> State<'t, '_> {
    pub(super) fn eval_call(
        &mut self,
        dot: &Val,
        callee: Callee,
        node: At<'t>,
        name: &str,
        args: Args<'t>,
        final_: Option<Val>,
    ) -> R<Val> {
        // The first operand is the function or field itself, not an argument.
        let args = if args.is_empty() { args } else { &args[1..] };
        let sig = &**callee.signature();
        let num_in = args.len() + usize::from(final_.is_some());
        let mut num_fixed = args.len();
        if sig.variadic {
            num_fixed = sig.params.len() - 1;
            if num_in < num_fixed {
                return Err(errf!(
                    self,
                    "wrong number of args for %s: want at least %d got %d",
                    name,
                    (sig.params.len() - 1) as i64,
                    args.len() as i64
                ));
            }
        } else if num_in != sig.params.len() {
            return Err(errf!(
                self,
                "wrong number of args for %s: want %d got %d",
                name,
                sig.params.len() as i64,
                num_in as i64
            ));
        }
        if let Err(e) = good_func(name, sig) {
            return Err(errf!(self, "%v", e));
        }

        if let Callee::Builtin(b @ (Builtin::And | Builtin::Or), _) = &callee {
            let is_or = *b == Builtin::Or;
            let arg_type = sig.params[0].clone();
            let mut v = Value::Invalid;
            for arg in args {
                v = self.eval_arg(dot, Some(&arg_type), arg)?;
                if builtins::truth(&v) == is_or {
                    return Ok(Val::concrete(v));
                }
            }
            if let Some(f) = final_ {
                v = self.validate_type(f, Some(&arg_type))?;
            }
            return Ok(Val::concrete(v));
        }

        let mut argv: SmallVec<[Value; 4]> = SmallVec::with_capacity(num_in);
        let mut i = 0;
        while i < num_fixed && i < args.len() {
            argv.push(self.eval_arg(dot, Some(&sig.params[i]), &args[i])?);
            i += 1;
        }
        if sig.variadic {
            let elem = sig.params[sig.params.len() - 1]
                .elem()
                .cloned()
                .unwrap_or(Type::Any);
            while i < args.len() {
                argv.push(self.eval_arg(dot, Some(&elem), &args[i])?);
                i += 1;
            }
        }
        if let Some(f) = final_ {
            let mut t = sig.params[sig.params.len() - 1].clone();
            if sig.variadic {
                if num_in - 1 < num_fixed {
                    t = sig.params[num_in - 1].clone();
                } else {
                    t = t.elem().cloned().unwrap_or(Type::Any);
                }
            }
            argv.push(self.validate_type(f, Some(&t))?);
        }

        // Go's `reflect.Call` assigns each argument to its parameter's type: a value of a
        // named map type (Helm's `common.Values`) passed for `map[string]interface{}`
        // arrives as that type. Builtins take `reflect.Value`s and `any`, unconverted.
        if matches!(callee, Callee::Func(_) | Callee::Method(..)) {
            for (i, v) in argv.iter_mut().enumerate() {
                let param = if sig.variadic && i + 1 >= sig.params.len() {
                    sig.params[sig.params.len() - 1].elem()
                } else {
                    sig.params.get(i)
                };
                if let Some(t) = param {
                    convert_arg(v, t);
                }
            }
        }

        let result = match &callee {
            Callee::Builtin(Builtin::Call, _) => {
                let callee_name = match args.first() {
                    Some(a) => a.to_string(),
                    None => go_value_string(&argv[0]),
                };
                let mut host = Reenter {
                    set: self.set,
                    budget: self.budget,
                };
                let mut call = Call {
                    host: Some(&mut host),
                };
                builtins::call(&callee_name, &argv, &mut call)
            }
            Callee::Builtin(b, _) => builtins::invoke(*b, &argv),
            Callee::Func(f) => {
                let mut host = Reenter {
                    set: self.set,
                    budget: self.budget,
                };
                let mut call = Call {
                    host: Some(&mut host),
                };
                f.invoke(&mut call, &argv)
            }
            Callee::Method(obj, _) => {
                let mut host = Reenter {
                    set: self.set,
                    budget: self.budget,
                };
                let mut call = Call {
                    host: Some(&mut host),
                };
                obj.call_method(name, &argv, &mut call)
            }
        };
        match result {
            Ok(v) => Ok(Val {
                v,
                iface: sig.results.first() == Some(&Type::Any),
            }),
            Err(e) => {
                self.at(node);
                Err(errf!(self, "error calling %s: %v", name, e.message()).with_cause(e))
            }
        }
    }

    /// Converts a computed value to a parameter type (Go's `validateType`).
    pub(super) fn validate_type(&mut self, value: Val, typ: Option<&Type>) -> R<Value> {
        let value = value.v;
        let Some(typ) = typ else {
            return Ok(value);
        };
        // Most parameters take anything; skip the type computation for them.
        if matches!(typ, Type::Any) && !value.is_invalid() {
            return Ok(value);
        }
        if value.is_invalid() {
            if *typ == Type::ReflectValue {
                return Ok(Value::Invalid);
            }
            if typ.can_be_nil() {
                return Ok(typ.zero());
            }
            return Err(errf!(self, "invalid value; expected %s", typ.to_string()));
        }
        if *typ == Type::ReflectValue {
            return Ok(value);
        }
        let vt = value.go_type().unwrap_or(Type::Any);
        if vt.assignable_to(typ) {
            return Ok(value);
        }
        // A host object stands for both a struct and a pointer to it, so a pointer
        // passes where its element type is expected, as Go dereferences it.
        if let Type::Ptr(elem) = &vt
            && elem.assignable_to(typ)
        {
            if value.is_nil() {
                return Err(errf!(
                    self,
                    "dereference of nil pointer of type %s",
                    typ.to_string()
                ));
            }
            return Ok(value);
        }
        Err(errf!(
            self,
            "wrong type for value; expected %s; got %s",
            typ.to_string(),
            vt.to_string()
        ))
    }

    pub(super) fn eval_arg(&mut self, dot: &Val, typ: Option<&Type>, arg: &'t Arg) -> R<Value> {
        self.at(At::Arg(arg));
        match arg {
            Arg::Dot(_) => return self.validate_type(dot.clone(), typ),
            Arg::Nil(_) => {
                return match typ {
                    Some(t) if *t == Type::ReflectValue => Ok(Value::Invalid),
                    Some(t) if t.can_be_nil() => Ok(t.zero()),
                    Some(t) => Err(errf!(self, "cannot assign nil to %s", t.to_string())),
                    None => Ok(Value::Invalid),
                };
            }
            Arg::Field(f) => {
                let v = self.eval_field_node(dot, arg, f, std::slice::from_ref(arg), None)?;
                return self.validate_type(v, typ);
            }
            Arg::Variable(v) => {
                let v = self.eval_variable_node(dot, arg, v, &[], None)?;
                return self.validate_type(v, typ);
            }
            Arg::Pipe(p) => {
                let v = self.eval_nested_pipeline(dot, p)?;
                return self.validate_type(v, typ);
            }
            Arg::Identifier(id) => {
                let v = self.eval_function(dot, arg, id, At::Arg(arg), &[], None)?;
                return self.validate_type(v, typ);
            }
            Arg::Chain(c) => {
                let v = self.eval_chain_node(dot, arg, c, &[], None)?;
                return self.validate_type(v, typ);
            }
            _ => {}
        }
        let Some(typ) = typ else {
            return Err(errf!(
                self,
                "can't handle %s for arg of type <nil>",
                arg.to_string()
            ));
        };
        match typ.underlying() {
            Type::Bool => match arg {
                Arg::Bool(b) => Ok(Value::Bool(b.value)),
                _ => Err(errf!(self, "expected bool; found %s", arg.to_string())),
            },
            Type::Complex(k) => match arg {
                Arg::Number(n) if n.is_complex => {
                    Ok(Value::Complex(n.complex128.0, n.complex128.1, *k))
                }
                _ => Err(errf!(self, "expected complex; found %s", arg.to_string())),
            },
            Type::Float(k) => match arg {
                Arg::Number(n) if n.is_float => Ok(Value::Float(
                    if *k == FloatKind::F32 {
                        f64::from(n.float64 as f32)
                    } else {
                        n.float64
                    },
                    *k,
                )),
                _ => Err(errf!(self, "expected float; found %s", arg.to_string())),
            },
            Type::Int(k) => match arg {
                Arg::Number(n) if n.is_int => Ok(Value::Int(k.wrap(n.int64), *k)),
                _ => Err(errf!(self, "expected integer; found %s", arg.to_string())),
            },
            Type::Uint(k) => match arg {
                Arg::Number(n) if n.is_uint => Ok(Value::Uint(k.wrap(n.uint64), *k)),
                _ => Err(errf!(
                    self,
                    "expected unsigned integer; found %s",
                    arg.to_string()
                )),
            },
            Type::String => match arg {
                Arg::String(s) => Ok(Value::String(s.text.clone())),
                _ => Err(errf!(self, "expected string; found %s", arg.to_string())),
            },
            Type::Any | Type::ReflectValue => self.eval_empty_interface(dot, arg),
            _ => Err(errf!(
                self,
                "can't handle %s for arg of type %s",
                arg.to_string(),
                typ.to_string()
            )),
        }
    }

    pub(super) fn eval_empty_interface(&mut self, dot: &Val, arg: &'t Arg) -> R<Value> {
        self.at(At::Arg(arg));
        match arg {
            Arg::Bool(b) => Ok(Value::Bool(b.value)),
            Arg::Dot(_) => Ok(dot.v.clone()),
            Arg::Field(f) => Ok(self.eval_field_node(dot, arg, f, &[], None)?.v),
            Arg::Identifier(id) => Ok(self.eval_function(dot, arg, id, At::Arg(arg), &[], None)?.v),
            Arg::Nil(_) => Err(errf!(self, "evalEmptyInterface: nil (can't happen)")),
            Arg::Number(n) => self.ideal_constant(arg, n),
            Arg::String(s) => Ok(Value::String(s.text.clone())),
            Arg::Variable(v) => Ok(self.eval_variable_node(dot, arg, v, &[], None)?.v),
            Arg::Pipe(p) => Ok(self.eval_nested_pipeline(dot, p)?.v),
            Arg::Chain(_) => Err(errf!(
                self,
                "can't handle assignment of %s to empty interface argument",
                arg.to_string()
            )),
        }
    }
}

/// Converts an argument already checked assignable to its parameter type `t` to that
/// type, as `reflect` does when calling: a map or slice of another type with the same
/// underlying type takes `t` (a map keeps its entries, shared); other values, and any
/// value passed for an interface parameter, stay as they are.
fn convert_arg(v: &mut Value, t: &Type) {
    if matches!(t, Type::Any | Type::Error | Type::ReflectValue) {
        return;
    }
    match v {
        Value::Map(m) if m.go_type() != t && matches!(t.underlying(), Type::Map(_)) => {
            *v = Value::Map(m.convert(t.clone()));
        }
        Value::List(l) if l.go_type() != t && matches!(t.underlying(), Type::Slice(_)) => {
            *v = Value::List(List::with_type(t.clone(), l.items().to_vec()));
        }
        Value::Nil(nt) if nt != t && t.can_be_nil() && nt.kind() == t.kind() => {
            *v = Value::Nil(t.clone());
        }
        _ => {}
    }
}

/// Go's check that a function returns one value, or a value and an error.
pub(crate) fn good_func(name: &str, sig: &Signature) -> Result<(), String> {
    match sig.results.len() {
        1 => Ok(()),
        2 if sig.results[1] == Type::Error => Ok(()),
        2 => Err(format!(
            "invalid function signature for {name}: second return value should be error; is {}",
            sig.results[1]
        )),
        n => Err(format!(
            "function {name} has {n} return values; should be 1 or 2"
        )),
    }
}

/// Go's `reflect.Value.String()`: the string for string kinds, `<T Value>` otherwise.
fn go_value_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        Value::Invalid => "<invalid Value>".to_string(),
        other => format!(
            "<{} Value>",
            other.go_type().map(|t| t.to_string()).unwrap_or_default()
        ),
    }
}
