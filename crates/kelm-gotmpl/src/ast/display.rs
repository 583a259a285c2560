//! Nodes print as Go's `Node.String()` does, because Go quotes nodes in error messages
//! (`at <.Values.x>`, `can't give argument to non-function $x`): constants as written,
//! pipelines normalised (`{{$x := .A | f}}`), text raw.

use std::fmt::{self, Display, Formatter, Write as _};

use super::{
    ActionNode, Arg, BoolNode, BranchNode, ChainNode, CommandNode, CommentNode, FieldNode,
    IdentifierNode, ListNode, Node, NumberNode, PipeNode, StringNode, TemplateNode, TextNode, Tree,
    VariableNode,
};

/// Printing recurses once per nesting level; past this much remaining stack, continue
/// on a fresh segment (templates may nest parentheses 10000 deep).
const STACK_RED_ZONE: usize = 64 * 1024;
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

fn nested(f: impl FnOnce() -> fmt::Result) -> fmt::Result {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, f)
}

impl Display for Tree {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.root.fmt(f)
    }
}

impl Display for ListNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.nodes.iter().try_for_each(|n| n.fmt(f))
    }
}

impl Display for Node {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Node::Text(n) => n.fmt(f),
            Node::Action(n) => n.fmt(f),
            Node::Comment(n) => n.fmt(f),
            Node::If(n) => write_branch(f, "if", n),
            Node::Range(n) => write_branch(f, "range", n),
            Node::With(n) => write_branch(f, "with", n),
            Node::Template(n) => n.fmt(f),
            Node::Break(_) => f.write_str("{{break}}"),
            Node::Continue(_) => f.write_str("{{continue}}"),
        }
    }
}

impl Display for TextNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Display for CommentNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{{{{{}}}}}", self.text)
    }
}

impl Display for ActionNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{{{{{}}}}}", self.pipe)
    }
}

fn write_branch(f: &mut Formatter<'_>, keyword: &str, b: &BranchNode) -> fmt::Result {
    nested(|| {
        write!(f, "{{{{{keyword} {}}}}}{}", b.pipe, b.list)?;
        if let Some(else_list) = &b.else_list {
            write!(f, "{{{{else}}}}{else_list}")?;
        }
        f.write_str("{{end}}")
    })
}

impl Display for TemplateNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{{{{template {}", crate::strconv::quote(&self.name))?;
        if let Some(pipe) = &self.pipe {
            write!(f, " {pipe}")?;
        }
        f.write_str("}}")
    }
}

impl Display for PipeNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, v) in self.decl.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            v.fmt(f)?;
        }
        if !self.decl.is_empty() {
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            c.fmt(f)?;
        }
        Ok(())
    }
}

impl Display for CommandNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            // A pipeline as an argument keeps its parentheses.
            match arg {
                Arg::Pipe(p) => nested(|| write!(f, "({p})"))?,
                _ => arg.fmt(f)?,
            }
        }
        Ok(())
    }
}

impl Display for Arg {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Bool(n) => n.fmt(f),
            Arg::Dot(_) => f.write_char('.'),
            Arg::Nil(_) => f.write_str("nil"),
            Arg::Number(n) => n.fmt(f),
            Arg::String(n) => n.fmt(f),
            Arg::Field(n) => n.fmt(f),
            Arg::Chain(n) => n.fmt(f),
            Arg::Identifier(n) => n.fmt(f),
            Arg::Variable(n) => n.fmt(f),
            // Alone, a pipeline prints without parentheses, as in Go.
            Arg::Pipe(n) => nested(|| n.fmt(f)),
        }
    }
}

impl Display for BoolNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.value { "true" } else { "false" })
    }
}

impl Display for NumberNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Display for StringNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.quoted)
    }
}

impl Display for FieldNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.ident.iter().try_for_each(|id| write!(f, ".{id}"))
    }
}

impl Display for ChainNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.node {
            Arg::Pipe(p) => nested(|| write!(f, "({p})"))?,
            node => nested(|| node.fmt(f))?,
        }
        self.field.iter().try_for_each(|id| write!(f, ".{id}"))
    }
}

impl Display for IdentifierNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ident)
    }
}

impl Display for VariableNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, id) in self.ident.iter().enumerate() {
            if i > 0 {
                f.write_char('.')?;
            }
            f.write_str(id)?;
        }
        Ok(())
    }
}
