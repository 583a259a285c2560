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

mod call;
mod eval;

pub(crate) use call::good_func;

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
        let detail = gofmt::errorf(format, args);
        // Go splices the location into the format string before formatting (with `fmt.Errorf`), escaping the
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
                gofmt::errorf(&spliced, args)
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

    fn set_name(&self) -> &str {
        &self.set.name
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

/// The values `range N` visits: `0..N` in N's own type (Go 1.22+).
fn int_sequence(n: &Value) -> Box<dyn Iterator<Item = Value>> {
    match *n {
        Value::Int(i, k) => Box::new((0..i.max(0)).map(move |x| Value::Int(x, k))),
        Value::Uint(u, k) => Box::new((0..u).map(move |x| Value::Uint(x, k))),
        _ => Box::new(std::iter::empty()),
    }
}
