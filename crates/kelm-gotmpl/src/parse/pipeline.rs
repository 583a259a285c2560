//! Pipelines and their operands: declarations, commands, terms, and the variables in
//! scope.

use std::collections::HashMap;
use std::sync::Arc;

use super::{MAX_PAREN_DEPTH, PResult, Parser, STACK_RED_ZONE, STACK_SEGMENT, new_number};
use crate::ast::{
    Arg, BoolNode, ChainNode, CommandNode, FieldNode, IdentifierNode, PipeNode, StringNode,
    VariableNode,
};
use crate::lex::ItemType;
use crate::strconv::unquote;
use crate::value::Value;

impl<'a> Parser<'a, '_> {
    /// `[$x[, $y] (:=|=)] command [| command]...` up to `end`.
    pub(super) fn pipeline(&mut self, context: &str, end: ItemType) -> PResult<PipeNode> {
        let first = self.peek_non_space();
        let mut pipe = PipeNode {
            pos: first.pos,
            line: first.line,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        self.declarations(&mut pipe, context)?;
        loop {
            let item = self.next_non_space();
            match item.typ {
                t if t == end => {
                    self.check_pipeline(&pipe, context)?;
                    pipe.cmds.shrink_to_fit();
                    return Ok(pipe);
                }
                ItemType::Bool
                | ItemType::CharConstant
                | ItemType::Complex
                | ItemType::Dot
                | ItemType::Field
                | ItemType::Identifier
                | ItemType::Number
                | ItemType::Nil
                | ItemType::RawString
                | ItemType::String
                | ItemType::Variable
                | ItemType::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                }
                _ => return Err(self.unexpected(item, context)),
            }
        }
    }

    /// The variables a pipeline declares or assigns, if it starts with any.
    fn declarations(&mut self, pipe: &mut PipeNode, context: &str) -> PResult<()> {
        loop {
            let var = self.peek_non_space();
            if var.typ != ItemType::Variable {
                return Ok(());
            }
            self.next();
            // "$x foo" and "$x := foo" differ only after the space, so keep the item
            // right after the variable in case it must be pushed back.
            let adjacent = self.peek();
            let ahead = self.peek_non_space();
            match ahead.typ {
                ItemType::Assign | ItemType::Declare => {
                    pipe.is_assign = ahead.typ == ItemType::Assign;
                    self.next_non_space();
                    pipe.decl.push(variable_node(var.pos, var.val));
                    self.st.vars.push(var.val);
                    return Ok(());
                }
                ItemType::Char if ahead.val == "," => {
                    self.next_non_space();
                    pipe.decl.push(variable_node(var.pos, var.val));
                    self.st.vars.push(var.val);
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().typ {
                            // A second variable, or nothing more (an error found later).
                            ItemType::Variable | ItemType::RightDelim | ItemType::RightParen => {
                                continue;
                            }
                            _ => {
                                return Err(self.errorf("range can only initialize variables", &[]));
                            }
                        }
                    }
                    return Err(
                        self.errorf("too many declarations in %s", &[Value::string(context)])
                    );
                }
                _ if adjacent.typ == ItemType::Space => {
                    self.backup3(var, adjacent);
                    return Ok(());
                }
                _ => {
                    self.backup2(var);
                    return Ok(());
                }
            }
        }
    }

    fn check_pipeline(&self, pipe: &PipeNode, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return Err(self.errorf("missing value for %s", &[Value::string(context)]));
        }
        // Only the first stage may start with a constant: later ones receive a value.
        for (i, cmd) in pipe.cmds.iter().enumerate().skip(1) {
            if let Some(
                Arg::Bool(_) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number(_) | Arg::String(_),
            ) = cmd.args.first()
            {
                let stage = Value::int(i as i64 + 1);
                return Err(self.errorf("non executable command in pipeline stage %d", &[stage]));
            }
        }
        Ok(())
    }

    /// Space-separated operands up to `|` (consumed) or a closing delimiter or paren
    /// (left in place).
    fn command(&mut self) -> PResult<CommandNode> {
        let mut cmd = CommandNode {
            pos: self.peek_non_space().pos,
            args: Vec::new(),
        };
        loop {
            self.peek_non_space();
            if let Some(arg) = self.operand()? {
                cmd.args.push(arg);
            }
            let item = self.next();
            match item.typ {
                ItemType::Space => continue,
                ItemType::RightDelim | ItemType::RightParen => self.backup(),
                ItemType::Pipe => {}
                _ => return Err(self.unexpected(item, "operand")),
            }
            break;
        }
        if cmd.args.is_empty() {
            return Err(self.errorf("empty command", &[]));
        }
        // Parsed trees live as long as the template set, and most commands have one to
        // three operands: the growth headroom would be a large share of their memory.
        cmd.args.shrink_to_fit();
        Ok(cmd)
    }

    /// A term followed by any number of `.Field`s.
    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(term) = self.term()? else {
            return Ok(None);
        };
        if self.peek().typ != ItemType::Field {
            return Ok(Some(term));
        }
        // The combined node takes the position of the first trailing field.
        let pos = self.peek().pos;
        let mut fields: Vec<Arc<str>> = Vec::new();
        while self.peek().typ == ItemType::Field {
            fields.push(Arc::from(&self.next().val[1..]));
        }
        Ok(Some(match term {
            Arg::Field(mut f) => {
                f.ident.extend(fields);
                Arg::Field(FieldNode {
                    pos,
                    ident: f.ident,
                })
            }
            Arg::Variable(mut v) => {
                v.ident.extend(fields);
                Arg::Variable(VariableNode {
                    pos,
                    ident: v.ident,
                })
            }
            Arg::Bool(_) | Arg::String(_) | Arg::Number(_) | Arg::Nil(_) | Arg::Dot(_) => {
                let term = term.to_string();
                return Err(self.errorf("unexpected . after term %q", &[Value::string(term)]));
            }
            node => Arg::Chain(Box::new(ChainNode {
                pos,
                node,
                field: fields,
            })),
        }))
    }

    /// A constant, function name, dot, field, variable or parenthesised pipeline; `None`
    /// (with nothing consumed) if the next item is none of these.
    fn term(&mut self) -> PResult<Option<Arg>> {
        let item = self.next_non_space();
        let arg = match item.typ {
            ItemType::Identifier => {
                if !self.opts.skip_func_check && !(self.opts.has_function)(item.val) {
                    return Err(self.errorf("function %q not defined", &[Value::string(item.val)]));
                }
                Arg::Identifier(IdentifierNode {
                    pos: item.pos,
                    ident: Arc::from(item.val),
                })
            }
            ItemType::Dot => Arg::Dot(item.pos),
            ItemType::Nil => Arg::Nil(item.pos),
            ItemType::Variable => {
                if !self.st.vars.contains(item.val) {
                    return Err(self.errorf("undefined variable %q", &[Value::string(item.val)]));
                }
                Arg::Variable(variable_node(item.pos, item.val))
            }
            ItemType::Field => Arg::Field(FieldNode {
                pos: item.pos,
                ident: vec![Arc::from(&item.val[1..])],
            }),
            ItemType::Bool => Arg::Bool(BoolNode {
                pos: item.pos,
                value: item.val == "true",
            }),
            ItemType::CharConstant | ItemType::Complex | ItemType::Number => {
                let number =
                    new_number(item.pos, item.val, item.typ).map_err(|e| self.error_value(e))?;
                Arg::Number(Box::new(number))
            }
            ItemType::LeftParen => {
                if self.st.paren_depth >= MAX_PAREN_DEPTH {
                    return Err(self.errorf("max expression depth exceeded", &[]));
                }
                self.st.paren_depth += 1;
                let pipe = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
                    self.pipeline("parenthesized pipeline", ItemType::RightParen)
                })?;
                self.st.paren_depth -= 1;
                Arg::Pipe(Box::new(pipe))
            }
            ItemType::String | ItemType::RawString => {
                let text = unquote(item.val).map_err(|e| self.error_value(e))?;
                Arg::String(StringNode {
                    pos: item.pos,
                    quoted: item.val.to_string(),
                    text: Arc::from(text),
                })
            }
            _ => {
                self.backup();
                return Ok(None);
            }
        };
        Ok(Some(arg))
    }
}

/// The variables in scope: a stack (scopes end by popping back to a depth) with a
/// count per name, so that lookups stay O(1) however many variables a template
/// declares at top level (those never go out of scope).
pub(super) struct Scope<'a> {
    stack: Vec<&'a str>,
    counts: HashMap<&'a str, u32>,
}

impl<'a> Scope<'a> {
    /// A scope holding only `$`, which is always defined.
    pub(super) fn new() -> Self {
        Scope {
            stack: Vec::new(),
            counts: HashMap::new(),
        }
    }

    pub(super) fn push(&mut self, name: &'a str) {
        self.stack.push(name);
        *self.counts.entry(name).or_insert(0) += 1;
    }

    pub(super) fn depth(&self) -> usize {
        self.stack.len()
    }

    pub(super) fn pop_to(&mut self, depth: usize) {
        for name in self.stack.drain(depth..) {
            if let Some(n) = self.counts.get_mut(name) {
                *n -= 1;
            }
        }
    }

    pub(super) fn contains(&self, name: &str) -> bool {
        name == "$" || self.counts.get(name).is_some_and(|&n| n > 0)
    }
}

fn variable_node(pos: usize, name: &str) -> VariableNode {
    VariableNode {
        pos,
        ident: vec![Arc::from(name)],
    }
}
