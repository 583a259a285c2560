//! The executor: walks a parse tree with Go's evaluation rules.
//!
//! The structure follows Go's `exec.go` closely on purpose: which node is "current" when
//! an error is raised decides the `at <...>` part of the message, so the points where the
//! current node changes ([`State::at`]) mirror Go's. Control flow that Go implements
//! with panics (errors, `break`, `continue`) is explicit here: every walk returns
//! [`Flow`] and every evaluation returns `Result`.

use std::sync::Arc;

use smallvec::SmallVec;

use crate::ast::{
    Arg, BranchNode, ChainNode, CommandNode, FieldNode, IdentifierNode, ListNode, Node, NumberNode,
    PipeNode, TemplateNode, Tree, VariableNode,
};
use crate::builtins::{self, Builtin};
use crate::error::{Error, ExecLocation};
use crate::func::{Call, Function, Host, Signature};
use crate::value::{FloatKind, IntKind, Kind, Object, Type, UintKind, Value};
use crate::{MissingKey, Template, gofmt, strconv};

/// Stack space to keep free before descending; below it, recursion continues on a new
/// heap-allocated stack segment. Go's stacks grow without limit, and templates recurse
/// as deep as Go allows (100000 nested `{{template}}` calls), so ours must grow too.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// How many executions functions such as `include` and `tpl` may nest. Helm stops
/// `include` recursion at 1000; this bound only keeps runaway recursion through other
/// functions from exhausting memory.
const MAX_REENTRY: usize = 10_000;

/// Builds an execution error from a Go format string and arguments convertible to
/// [`Value`]s.
macro_rules! errf {
    ($state:expr, $format:literal $(, $arg:expr)* $(,)?) => {
        $state.errorf($format, &[$(Value::from($arg)),*])
    };
}

/// How a walk ended: normally, or by `{{break}}`/`{{continue}}` heading for its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Normal,
    Break,
    Continue,
}

/// A value together with whether its static Go type is `interface {}`.
///
/// Go reports some errors with the *static* type of a receiver: `.a.b` where `.a` is a
/// string held in a `map[string]interface{}` fails with "can't evaluate field b in type
/// interface {}", while the same string returned by a function fails with "in type
/// string". Values taken out of interface-typed containers keep that fact here until a
/// pipeline ends (Go unwraps interfaces at the end of every pipeline command).
#[derive(Clone, Debug)]
pub(crate) struct Val {
    v: Value,
    iface: bool,
}

impl Val {
    fn concrete(v: Value) -> Val {
        Val { v, iface: false }
    }

    /// Go's static type as printed in errors.
    fn static_type(&self) -> String {
        if self.iface {
            return "interface {}".to_string();
        }
        match self.v.go_type() {
            Some(t) => t.to_string(),
            None => "<nil>".to_string(),
        }
    }
}

/// The node that errors are reported at (Go's `state.node`).
#[derive(Clone, Copy)]
enum At<'t> {
    None,
    Node(&'t Node),
    Arg(&'t Arg),
    Pipe(&'t PipeNode),
    Cmd(&'t CommandNode),
    Branch(&'t Node),
}

impl At<'_> {
    fn pos(&self) -> usize {
        match self {
            At::None => 0,
            At::Node(n) | At::Branch(n) => n.pos(),
            At::Arg(a) => a.pos(),
            At::Pipe(p) => p.pos,
            At::Cmd(c) => c.pos,
        }
    }

    fn context(&self) -> String {
        match self {
            At::None => String::new(),
            At::Node(n) | At::Branch(n) => n.to_string(),
            At::Arg(a) => a.to_string(),
            At::Pipe(p) => p.to_string(),
            At::Cmd(c) => c.to_string(),
        }
    }
}

/// The operand a call's arguments come from: Go passes `cmd.Args` (whose first element
/// is the function or field itself) or nothing at all.
type Args<'t> = &'t [Arg];

/// What is being called.
#[derive(Clone)]
enum Callee {
    Func(Function),
    Builtin(Builtin, Arc<Signature>),
    Method(Arc<dyn Object>, Arc<Signature>),
}

impl Callee {
    fn signature(&self) -> &Arc<Signature> {
        match self {
            Callee::Func(f) => f.signature(),
            Callee::Builtin(_, s) | Callee::Method(_, s) => s,
        }
    }
}

struct Var {
    name: Arc<str>,
    value: Val,
}

/// Execution state of one template execution (Go's `state`).
pub(crate) struct State<'t, 'o> {
    set: &'t Template,
    budget: &'t Budget,
    tree: &'t Tree,
    out: &'o mut String,
    at: At<'t>,
    vars: Vec<Var>,
    depth: usize,
}

/// What all executions started from one top-level execution share: the remaining step
/// budget and how many executions are nested through functions.
pub(crate) struct Budget {
    steps_left: std::cell::Cell<u64>,
    reentry: usize,
}

/// Executes template `name` of `set` with `data` as dot.
pub(crate) fn execute(
    set: &Template,
    tree: Option<&Arc<Tree>>,
    name: &str,
    data: &Value,
    out: &mut String,
) -> Result<(), Error> {
    let budget = Budget {
        steps_left: std::cell::Cell::new(set.max_steps),
        reentry: 0,
    };
    execute_with(set, &budget, tree, name, data, out)
}

fn execute_with(
    set: &Template,
    budget: &Budget,
    tree: Option<&Arc<Tree>>,
    name: &str,
    data: &Value,
    out: &mut String,
) -> Result<(), Error> {
    let Some(tree) = tree else {
        return Err(Error::exec(
            name,
            None,
            format!(
                "{} is an incomplete or empty template",
                strconv::quote(name)
            ),
            None,
        ));
    };
    let mut state = State {
        set,
        budget,
        tree,
        out,
        at: At::None,
        vars: vec![Var {
            name: "$".into(),
            value: Val::concrete(data.clone()),
        }],
        depth: 0,
    };
    let dot = Val::concrete(data.clone());
    state.walk_list(&dot, &tree.root).map(|_| ())
}

type R<T> = Result<T, Error>;

impl<'t> State<'t, '_> {
    fn at(&mut self, at: At<'t>) {
        self.at = at;
    }

    /// Builds an execution error at the current node (Go's `state.errorf`): `format`
    /// and `args` are Go `fmt` arguments.
    fn errorf(&self, format: &str, args: &[Value]) -> Error {
        let location = match self.at {
            At::None => None,
            at => {
                let pos = at.pos().min(self.tree.text.len());
                let before = &self.tree.text[..pos];
                let line = 1 + before.matches('\n').count();
                let col = match before.rfind('\n') {
                    Some(i) => pos - (i + 1),
                    None => pos,
                };
                Some(ExecLocation {
                    parse_name: self.tree.parse_name.to_string(),
                    line,
                    col,
                    context: at.context(),
                })
            }
        };
        let detail = gofmt::sprintf(format, args);
        // Go splices the location into the format string before formatting, escaping the
        // template name and node but not the file name; a `%` in a file name therefore
        // consumes arguments. Reproduce that when it matters.
        let raw = location
            .as_ref()
            .filter(|l| l.parse_name.contains('%'))
            .map(|l| {
                let double = |s: &str| s.replace('%', "%%");
                let spliced = format!(
                    "template: {}:{}:{}: executing {} at <{}>: {format}",
                    l.parse_name,
                    l.line,
                    l.col,
                    strconv::quote(&double(&self.tree.name)),
                    double(&l.context)
                );
                gofmt::sprintf(&spliced, args)
            });
        Error::exec(&self.tree.name, location, detail, raw)
    }

    // ----- variables -----

    fn mark(&self) -> usize {
        self.vars.len()
    }

    fn pop(&mut self, mark: usize) {
        self.vars.truncate(mark);
    }

    fn push(&mut self, name: &Arc<str>, value: Val) {
        self.vars.push(Var {
            name: name.clone(),
            value,
        });
    }

    fn set_var(&mut self, name: &str, value: Val) -> R<()> {
        match self.vars.iter_mut().rev().find(|v| &*v.name == name) {
            Some(v) => {
                v.value = value;
                Ok(())
            }
            None => Err(errf!(self, "undefined variable: %s", name)),
        }
    }

    fn set_top_var(&mut self, n: usize, value: Val) {
        let i = self.vars.len() - n;
        self.vars[i].value = value;
    }

    fn var_value(&self, name: &str) -> R<Val> {
        match self.vars.iter().rev().find(|v| &*v.name == name) {
            Some(v) => Ok(v.value.clone()),
            None => Err(errf!(self, "undefined variable: %s", name)),
        }
    }

    // ----- walking -----

    fn walk_list(&mut self, dot: &Val, list: &'t ListNode) -> R<Flow> {
        for node in &list.nodes {
            let flow = self.walk(dot, node)?;
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    /// Counts one unit of work against the step budget.
    fn step(&self) -> R<()> {
        let left = self.budget.steps_left.get();
        if left == 0 {
            return Err(errf!(
                self,
                "execution stopped after %d steps (the configured limit)",
                self.set.max_steps as i64
            ));
        }
        self.budget.steps_left.set(left - 1);
        Ok(())
    }

    fn walk(&mut self, dot: &Val, node: &'t Node) -> R<Flow> {
        self.at(At::Node(node));
        self.step()?;
        match node {
            Node::Action(a) => {
                let val = self.eval_pipeline(dot, Some(&a.pipe))?;
                if a.pipe.decl.is_empty() {
                    self.print_value(node, &val)?;
                }
            }
            Node::Break(_) => return Ok(Flow::Break),
            Node::Continue(_) => return Ok(Flow::Continue),
            Node::Comment(_) => {}
            // Control structures nest as deep as the text does; grow the stack as Go would.
            Node::If(b) => {
                return stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
                    self.walk_if_or_with(false, dot, b)
                });
            }
            Node::With(b) => {
                return stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
                    self.walk_if_or_with(true, dot, b)
                });
            }
            Node::Range(b) => {
                return stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
                    self.walk_range(dot, node, b)
                });
            }
            Node::Template(t) => self.walk_template(dot, node, t)?,
            Node::Text(t) => self.out.push_str(&t.text),
        }
        Ok(Flow::Normal)
    }

    fn walk_if_or_with(&mut self, is_with: bool, dot: &Val, b: &'t BranchNode) -> R<Flow> {
        let mark = self.mark();
        let result = self.walk_if_or_with_inner(is_with, dot, b);
        self.pop(mark);
        result
    }

    fn walk_if_or_with_inner(&mut self, is_with: bool, dot: &Val, b: &'t BranchNode) -> R<Flow> {
        let val = self.eval_pipeline(dot, Some(&b.pipe))?;
        let Some(truth) = indirect_interface(&val.v).truth() else {
            let shown = gofmt::sprintf("%v", std::slice::from_ref(&val.v));
            return Err(errf!(self, "if/with can't use %s", shown));
        };
        if truth {
            if is_with {
                self.walk_list(&val, &b.list)
            } else {
                self.walk_list(dot, &b.list)
            }
        } else if let Some(else_list) = &b.else_list {
            self.walk_list(dot, else_list)
        } else {
            Ok(Flow::Normal)
        }
    }

    fn walk_range(&mut self, dot: &Val, node: &'t Node, r: &'t BranchNode) -> R<Flow> {
        self.at(At::Branch(node));
        let mark = self.mark();
        let result = self.walk_range_inner(dot, r);
        self.pop(mark);
        // A break ends the range; it does not propagate further.
        result.map(|_| Flow::Normal)
    }

    fn walk_range_inner(&mut self, dot: &Val, r: &'t BranchNode) -> R<Flow> {
        let val = self.eval_pipeline(dot, Some(&r.pipe))?;
        let (val, _) = indirect(&val.v);
        let mark = self.mark();
        let resolved = val.resolve().into_owned();
        let ran = match &resolved {
            Value::List(l) => {
                let iface = matches!(l.go_type().elem(), Some(Type::Any));
                let items = l.items();
                for (i, item) in items.iter().enumerate() {
                    let elem = Val {
                        v: item.clone(),
                        iface,
                    };
                    if self.range_iteration(r, mark, Value::int(i as i64), elem)? == Flow::Break {
                        break;
                    }
                }
                !items.is_empty()
            }
            Value::Bytes(b) => {
                for (i, byte) in b.iter().enumerate() {
                    let elem = Val::concrete(Value::Uint(u64::from(*byte), UintKind::U8));
                    if self.range_iteration(r, mark, Value::int(i as i64), elem)? == Flow::Break {
                        break;
                    }
                }
                !b.is_empty()
            }
            Value::Map(m) => {
                let iface = matches!(m.go_type().elem(), Some(Type::Any));
                // Go snapshots the sorted keys, then reads each value when its turn comes.
                let keys = m.keys();
                for k in &keys {
                    let v = m
                        .get(k)
                        .unwrap_or_else(|| m.go_type().elem().map(Type::zero).unwrap_or_default());
                    let elem = Val { v, iface };
                    if self.range_iteration(r, mark, Value::String(k.clone()), elem)? == Flow::Break
                    {
                        break;
                    }
                }
                !keys.is_empty()
            }
            Value::Nil(t) if matches!(t.kind(), Kind::Slice | Kind::Map) => false,
            Value::Int(..) | Value::Uint(..) => {
                if r.pipe.decl.len() > 1 {
                    let shown = gofmt::sprintf("%v", std::slice::from_ref(&resolved));
                    return Err(errf!(
                        self,
                        "can't use %s to iterate over more than one variable",
                        shown
                    ));
                }
                let mut ran = false;
                for v in int_sequence(&resolved) {
                    ran = true;
                    if self.range_iteration(r, mark, Value::Invalid, Val::concrete(v))?
                        == Flow::Break
                    {
                        break;
                    }
                }
                ran
            }
            Value::Invalid => false,
            other => {
                let shown = gofmt::sprintf("%v", std::slice::from_ref(other));
                return Err(errf!(self, "range can't iterate over %s", shown));
            }
        };
        if !ran && let Some(else_list) = &r.else_list {
            return self.walk_list(dot, else_list);
        }
        Ok(Flow::Normal)
    }

    /// One iteration of a range body; returns `Break` when the loop must stop.
    fn range_iteration(
        &mut self,
        r: &'t BranchNode,
        mark: usize,
        index: Value,
        elem: Val,
    ) -> R<Flow> {
        self.step()?;
        let decl = &r.pipe.decl;
        if !decl.is_empty() {
            if r.pipe.is_assign {
                if decl.len() > 1 {
                    self.set_var(&decl[0].ident[0], Val::concrete(index.clone()))?;
                } else {
                    self.set_var(&decl[0].ident[0], elem.clone())?;
                }
            } else {
                self.set_top_var(1, elem.clone());
            }
        }
        if decl.len() > 1 {
            if r.pipe.is_assign {
                self.set_var(&decl[1].ident[0], elem.clone())?;
            } else {
                self.set_top_var(2, Val::concrete(index));
            }
        }
        let flow = self.walk_list(&elem, &r.list);
        self.pop(mark);
        match flow? {
            Flow::Break => Ok(Flow::Break),
            Flow::Normal | Flow::Continue => Ok(Flow::Normal),
        }
    }

    fn walk_template(&mut self, dot: &Val, node: &'t Node, t: &'t TemplateNode) -> R<()> {
        self.at(At::Node(node));
        let Some(tree) = self.set.trees.get(&t.name) else {
            return Err(errf!(self, "template %q not defined", t.name.as_str()));
        };
        if self.depth >= self.set.max_exec_depth {
            return Err(errf!(
                self,
                "exceeded maximum template depth (%v)",
                self.set.max_exec_depth as i64
            ));
        }
        let new_dot = self.eval_pipeline(dot, t.pipe.as_ref())?;
        let saved_vars = std::mem::replace(
            &mut self.vars,
            vec![Var {
                name: "$".into(),
                value: new_dot.clone(),
            }],
        );
        let saved_tree = std::mem::replace(&mut self.tree, tree);
        self.depth += 1;
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            self.walk_list(&new_dot, &tree.root)
        });
        self.depth -= 1;
        self.tree = saved_tree;
        self.vars = saved_vars;
        result.map(|_| ())
    }

    // ----- evaluation -----

    fn eval_pipeline(&mut self, dot: &Val, pipe: Option<&'t PipeNode>) -> R<Val> {
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
    fn eval_nested_pipeline(&mut self, dot: &Val, pipe: &'t PipeNode) -> R<Val> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            self.eval_pipeline(dot, Some(pipe))
        })
    }

    fn not_a_function(&self, args: Args<'t>, final_: &Option<Val>) -> R<()> {
        if args.len() > 1 || final_.is_some() {
            return Err(errf!(
                self,
                "can't give argument to non-function %s",
                args[0].to_string()
            ));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Val, cmd: &'t CommandNode, final_: Option<Val>) -> R<Val> {
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

    fn ideal_constant(&mut self, arg: &'t Arg, n: &NumberNode) -> R<Value> {
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

    fn eval_field_node(
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

    fn eval_chain_node(
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

    fn eval_variable_node(
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

    fn eval_field_chain(
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

    fn eval_function(
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

    fn eval_field(
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

    fn missing_map_key(&self, field_name: &str, elem: &Type) -> R<Val> {
        match self.set.missing_key {
            MissingKey::Default => Ok(Val::concrete(Value::Invalid)),
            MissingKey::Zero => Ok(Val {
                v: elem.zero(),
                iface: *elem == Type::Any,
            }),
            MissingKey::Error => Err(errf!(self, "map has no entry for key %q", field_name)),
        }
    }

    fn eval_call(
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
                Err(errf!(self, "error calling %s: %v", name, e.message()))
            }
        }
    }

    /// Converts a computed value to a parameter type (Go's `validateType`).
    fn validate_type(&mut self, value: Val, typ: Option<&Type>) -> R<Value> {
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

    fn eval_arg(&mut self, dot: &Val, typ: Option<&Type>, arg: &'t Arg) -> R<Value> {
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

    fn eval_empty_interface(&mut self, dot: &Val, arg: &'t Arg) -> R<Value> {
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

    fn print_value(&mut self, node: &'t Node, v: &Val) -> R<()> {
        self.at(At::Node(node));
        let (v, _) = match v.v.kind() {
            Kind::Ptr => indirect(&v.v),
            _ => (v.v.clone(), false),
        };
        if v.is_invalid() {
            self.out.push_str("<no value>");
            return Ok(());
        }
        let is_func = matches!(v, Value::Func(_)) || (v.is_nil() && v.kind() == Kind::Func);
        if is_func {
            let ty = v.go_type().map(|t| t.to_string()).unwrap_or_default();
            return Err(errf!(
                self,
                "can't print %s of type %s",
                node.to_string(),
                ty
            ));
        }
        gofmt::write_action_value(self.out, &v);
        Ok(())
    }
}

/// Lets host functions run templates of the set being executed.
struct Reenter<'t> {
    set: &'t Template,
    budget: &'t Budget,
}

impl Reenter<'_> {
    /// The budget for an execution started by a function. Go has no limit here and
    /// crashes when its stack runs out; kelm stops with an error instead.
    fn nested(&self) -> Result<Budget, Error> {
        if self.budget.reentry >= MAX_REENTRY {
            return Err(Error::exec_plain(format!(
                "template: exceeded maximum depth of templates executed by functions ({MAX_REENTRY})"
            )));
        }
        Ok(Budget {
            steps_left: std::cell::Cell::new(self.budget.steps_left.get()),
            reentry: self.budget.reentry + 1,
        })
    }

    fn finish(&self, nested: &Budget) {
        self.budget.steps_left.set(nested.steps_left.get());
    }
}

impl Host for Reenter<'_> {
    fn execute_template(&mut self, name: &str, data: &Value) -> Result<String, Error> {
        if !self.set.trees.contains_key(name) {
            return Err(Error::exec_plain(format!(
                "template: no template {} associated with template {}",
                strconv::quote(name),
                strconv::quote(&self.set.name)
            )));
        }
        let mut out = String::new();
        let nested = self.nested()?;
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            execute_with(
                self.set,
                &nested,
                self.set.trees.get(name),
                name,
                data,
                &mut out,
            )
        });
        self.finish(&nested);
        result.map(|_| out)
    }

    fn depth(&self) -> usize {
        self.budget.reentry
    }

    fn parse_and_execute(&mut self, name: &str, text: &str, data: &Value) -> Result<String, Error> {
        let mut set = self.set.clone();
        // Like Helm's `t.New(name).Parse(text)` then `Execute`: the new template runs its
        // own tree, even when an empty text did not replace a same-named one in the set.
        let tree = set.parse_into(name, text, false)?;
        let mut out = String::new();
        let nested = self.nested()?;
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            execute_with(&set, &nested, tree.as_ref(), name, data, &mut out)
        });
        self.finish(&nested);
        result.map(|_| out)
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

/// Follows pointers and interfaces to the value they hold (Go's `indirect`); reports
/// whether a nil was met on the way.
pub(crate) fn indirect(v: &Value) -> (Value, bool) {
    match v {
        Value::Nil(t) if matches!(t.kind(), Kind::Ptr | Kind::Interface) => (v.clone(), true),
        _ => (v.clone(), false),
    }
}

/// Unwraps an interface: a nil interface becomes no value (Go's `indirectInterface`).
pub(crate) fn indirect_interface(v: &Value) -> Value {
    match v {
        Value::Nil(t) if t.kind() == Kind::Interface => Value::Invalid,
        _ => v.clone(),
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

/// The values `range N` visits: `0..N` in N's own type (Go 1.22+).
fn int_sequence(n: &Value) -> Box<dyn Iterator<Item = Value>> {
    match *n {
        Value::Int(i, k) => Box::new((0..i.max(0)).map(move |x| Value::Int(x, k))),
        Value::Uint(u, k) => Box::new((0..u).map(move |x| Value::Uint(x, k))),
        _ => Box::new(std::iter::empty()),
    }
}
