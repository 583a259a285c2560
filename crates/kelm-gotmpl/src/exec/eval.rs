//! Evaluating pipelines, commands, fields and constants (Go's `evalPipeline`,
//! `evalCommand`, `evalField` and friends).

use super::*;

impl<'t> State<'t, '_> {
    pub(super) fn eval_pipeline(&mut self, dot: &Val, pipe: Option<&'t PipeNode>) -> R<Val> {
        let Some(pipe) = pipe else {
            return Ok(Val::concrete(Value::Invalid));
        };
        self.at(At::Pipe(pipe));
        let mut value: Option<Val> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            // Go unwraps empty-interface values after each command; a nil interface
            // becomes no value at all.
            value = Some(match v.v {
                Value::Nil(Type::Any) => Val::concrete(Value::Invalid),
                v => Val::concrete(v),
            });
        }
        let value = value.unwrap_or_else(|| Val::concrete(Value::Invalid));
        for var in &pipe.decl {
            if pipe.is_assign {
                self.set_var(&var.ident[0], value.clone())?;
            } else {
                self.push(&var.ident[0], value.clone());
            }
        }
        Ok(value)
    }

    /// A parenthesised pipeline: nesting is as deep as the text makes it (Go allows
    /// 10000 levels), so make sure the stack can take it.
    pub(super) fn eval_nested_pipeline(&mut self, dot: &Val, pipe: &'t PipeNode) -> R<Val> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            self.eval_pipeline(dot, Some(pipe))
        })
    }

    pub(super) fn not_a_function(&self, args: Args<'t>, final_: &Option<Val>) -> R<()> {
        if args.len() > 1 || final_.is_some() {
            return Err(errf!(
                self,
                "can't give argument to non-function %s",
                args[0].to_string()
            ));
        }
        Ok(())
    }

    pub(super) fn eval_command(
        &mut self,
        dot: &Val,
        cmd: &'t CommandNode,
        final_: Option<Val>,
    ) -> R<Val> {
        let first = &cmd.args[0];
        match first {
            Arg::Field(f) => return self.eval_field_node(dot, first, f, &cmd.args, final_),
            Arg::Chain(c) => return self.eval_chain_node(dot, first, c, &cmd.args, final_),
            Arg::Identifier(id) => {
                return self.eval_function(dot, first, id, At::Cmd(cmd), &cmd.args, final_);
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &final_)?;
                return self.eval_nested_pipeline(dot, p);
            }
            Arg::Variable(v) => return self.eval_variable_node(dot, first, v, &cmd.args, final_),
            _ => {}
        }
        self.at(At::Arg(first));
        self.not_a_function(&cmd.args, &final_)?;
        match first {
            Arg::Bool(b) => Ok(Val::concrete(Value::Bool(b.value))),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Err(errf!(self, "nil is not a command")),
            Arg::Number(n) => self.ideal_constant(first, n).map(Val::concrete),
            Arg::String(s) => Ok(Val::concrete(Value::String(s.text.clone()))),
            _ => Err(errf!(self, "can't evaluate command %q", first.to_string())),
        }
    }

    pub(super) fn ideal_constant(&mut self, arg: &'t Arg, n: &NumberNode) -> R<Value> {
        self.at(At::Arg(arg));
        let text = n.text.as_str();
        let is_hex_int = text.len() > 2
            && text.starts_with('0')
            && matches!(text.as_bytes()[1], b'x' | b'X')
            && !text.contains(['p', 'P']);
        let is_rune = text.starts_with('\'');
        if n.is_complex {
            Ok(Value::Complex(
                n.complex128.0,
                n.complex128.1,
                FloatKind::F64,
            ))
        } else if n.is_float && !is_hex_int && !is_rune && text.contains(['.', 'e', 'E', 'p', 'P'])
        {
            Ok(Value::Float(n.float64, FloatKind::F64))
        } else if n.is_int {
            Ok(Value::Int(n.int64, IntKind::Int))
        } else if n.is_uint {
            Err(errf!(self, "%s overflows int", text))
        } else {
            Ok(Value::Invalid)
        }
    }

    pub(super) fn eval_field_node(
        &mut self,
        dot: &Val,
        arg: &'t Arg,
        field: &'t FieldNode,
        args: Args<'t>,
        final_: Option<Val>,
    ) -> R<Val> {
        self.at(At::Arg(arg));
        self.eval_field_chain(dot, dot.clone(), At::Arg(arg), &field.ident, args, final_)
    }

    pub(super) fn eval_chain_node(
        &mut self,
        dot: &Val,
        arg: &'t Arg,
        chain: &'t ChainNode,
        args: Args<'t>,
        final_: Option<Val>,
    ) -> R<Val> {
        self.at(At::Arg(arg));
        if chain.field.is_empty() {
            return Err(errf!(self, "internal error: no fields in evalChainNode"));
        }
        if matches!(chain.node, Arg::Nil(_)) {
            return Err(errf!(
                self,
                "indirection through explicit nil in %s",
                chain.to_string()
            ));
        }
        let pipe = self.eval_arg(dot, None, &chain.node)?;
        self.eval_field_chain(
            dot,
            Val::concrete(pipe),
            At::Arg(arg),
            &chain.field,
            args,
            final_,
        )
    }

    pub(super) fn eval_variable_node(
        &mut self,
        dot: &Val,
        arg: &'t Arg,
        var: &'t VariableNode,
        args: Args<'t>,
        final_: Option<Val>,
    ) -> R<Val> {
        self.at(At::Arg(arg));
        let value = self.var_value(&var.ident[0])?;
        if var.ident.len() == 1 {
            self.not_a_function(args, &final_)?;
            return Ok(value);
        }
        self.eval_field_chain(dot, value, At::Arg(arg), &var.ident[1..], args, final_)
    }

    pub(super) fn eval_field_chain(
        &mut self,
        dot: &Val,
        mut receiver: Val,
        node: At<'t>,
        ident: &'t [Arc<str>],
        args: Args<'t>,
        final_: Option<Val>,
    ) -> R<Val> {
        let n = ident.len();
        for name in &ident[..n - 1] {
            receiver = self.eval_field(dot, name, node, &[], None, receiver)?;
        }
        self.eval_field(dot, &ident[n - 1], node, args, final_, receiver)
    }

    pub(super) fn eval_function(
        &mut self,
        dot: &Val,
        arg: &'t Arg,
        id: &'t IdentifierNode,
        call_node: At<'t>,
        args: Args<'t>,
        final_: Option<Val>,
    ) -> R<Val> {
        self.at(At::Arg(arg));
        let name: &str = &id.ident;
        let callee = if let Some(f) = self.set.funcs.get(name) {
            Callee::Func(f.clone())
        } else if let Some((b, sig)) = builtins::lookup(name) {
            Callee::Builtin(b, sig.clone())
        } else {
            return Err(errf!(self, "%q is not a defined function", name));
        };
        self.eval_call(dot, callee, call_node, name, args, final_)
    }

    pub(super) fn eval_field(
        &mut self,
        dot: &Val,
        field_name: &str,
        node: At<'t>,
        args: Args<'t>,
        final_: Option<Val>,
        receiver: Val,
    ) -> R<Val> {
        if receiver.v.is_invalid() {
            if self.set.missing_key == MissingKey::Error {
                return Err(errf!(self, "nil data; no entry for key %q", field_name));
            }
            return Ok(Val::concrete(Value::Invalid));
        }
        let typ = receiver.static_type();
        let (recv, is_nil) = indirect(&receiver.v);
        if is_nil && recv.kind() == Kind::Interface {
            return Err(errf!(
                self,
                "nil pointer evaluating %s.%s",
                typ.as_str(),
                field_name
            ));
        }
        if let Value::Object(obj) = &recv
            && let Some(sig) = obj.method(field_name)
        {
            let callee = Callee::Method(obj.clone(), sig);
            return self.eval_call(dot, callee, node, field_name, args, final_);
        }
        let has_args = args.len() > 1 || final_.is_some();
        let resolved = recv.resolve();
        let resolved = &*resolved;
        match (&recv, &resolved) {
            (Value::Object(obj), _) if obj.underlying().is_none() => {
                if let Some((value, exported)) = obj.field(field_name) {
                    if !exported {
                        return Err(errf!(
                            self,
                            "%s is an unexported field of struct type %s",
                            field_name,
                            typ.as_str()
                        ));
                    }
                    if has_args {
                        return Err(errf!(
                            self,
                            "%s has arguments but cannot be invoked as function",
                            field_name
                        ));
                    }
                    return Ok(Val::concrete(value));
                }
            }
            (_, Value::Map(m)) if m.go_type().key().map(Type::kind) == Some(Kind::String) => {
                if has_args {
                    return Err(errf!(
                        self,
                        "%s is not a method but has arguments",
                        field_name
                    ));
                }
                let elem = m.go_type().elem().cloned().unwrap_or(Type::Any);
                return match m.get(field_name) {
                    Some(v) => Ok(Val {
                        v,
                        iface: elem == Type::Any,
                    }),
                    None => self.missing_map_key(field_name, &elem),
                };
            }
            (_, Value::Nil(t))
                if t.kind() == Kind::Map && t.key().map(Type::kind) == Some(Kind::String) =>
            {
                if has_args {
                    return Err(errf!(
                        self,
                        "%s is not a method but has arguments",
                        field_name
                    ));
                }
                let elem = t.elem().cloned().unwrap_or(Type::Any);
                return self.missing_map_key(field_name, &elem);
            }
            (Value::Nil(t), _) if t.kind() == Kind::Ptr => {
                return Err(errf!(
                    self,
                    "nil pointer evaluating %s.%s",
                    typ.as_str(),
                    field_name
                ));
            }
            _ => {}
        }
        Err(errf!(
            self,
            "can't evaluate field %s in type %s",
            field_name,
            typ.as_str()
        ))
    }

    pub(super) fn missing_map_key(&self, field_name: &str, elem: &Type) -> R<Val> {
        match self.set.missing_key {
            MissingKey::Default => Ok(Val::concrete(Value::Invalid)),
            MissingKey::Zero => Ok(Val {
                v: elem.zero(),
                iface: *elem == Type::Any,
            }),
            MissingKey::Error => Err(errf!(self, "map has no entry for key %q", field_name)),
        }
    }
}
