//! The parse tree of a template, shaped like Go's `text/template/parse` nodes.
//!
//! Two node families exist because the executor treats them differently: [`Node`] is
//! what appears in a list (text, actions, control structures) and [`Arg`] is what appears
//! inside a command (operands). Go keeps both in one interface; splitting them lets the
//! executor match exhaustively without "can't happen" arms.
//!
//! Every node keeps its byte offset into the parsed text (`pos`), because Go's execution
//! errors name `file:line:col` computed from that offset, and its `Display` output equals
//! Go's `Node.String()`, because Go quotes nodes in error messages (`at <.Values.x>`).

use std::sync::Arc;

mod display;
mod teardown;

/// Byte offset of a node in the original template text.
pub type Pos = usize;

/// One parsed template: the body of a file or of a `define`/`block`.
#[derive(Debug, Clone)]
pub struct Tree {
    /// Name of this template (the file name, or the name given to `define`).
    pub name: String,
    /// Name of the top-level template being parsed when this tree was made; errors use it.
    pub parse_name: Arc<str>,
    /// The whole text that was parsed (shared by all trees from one parse); positions index it.
    pub text: Arc<str>,
    /// The body.
    pub root: ListNode,
}

/// A sequence of nodes.
#[derive(Debug, Clone, Default)]
pub struct ListNode {
    /// Position of the list's first token.
    pub pos: Pos,
    /// The nodes, in source order.
    pub nodes: Vec<Node>,
}

/// A node that can appear in a [`ListNode`].
#[derive(Debug, Clone)]
pub enum Node {
    /// Plain text, written out as is.
    Text(TextNode),
    /// `{{pipeline}}`: evaluated, and printed unless it declares variables.
    Action(ActionNode),
    /// `{{/* ... */}}`, kept only when comments are requested.
    Comment(CommentNode),
    /// `{{if}}`.
    If(BranchNode),
    /// `{{range}}`.
    Range(BranchNode),
    /// `{{with}}`.
    With(BranchNode),
    /// `{{template "name" pipeline}}` (also what `{{block}}` leaves in place).
    Template(TemplateNode),
    /// `{{break}}`.
    Break(LoopControl),
    /// `{{continue}}`.
    Continue(LoopControl),
}

/// Plain text between actions.
#[derive(Debug, Clone)]
pub struct TextNode {
    /// Position of the text.
    pub pos: Pos,
    /// The text, after trim markers were applied.
    pub text: Arc<str>,
}

/// A comment; only present when parsed with comments kept.
#[derive(Debug, Clone)]
pub struct CommentNode {
    /// Position of the comment.
    pub pos: Pos,
    /// The comment text including `/*` and `*/`.
    pub text: String,
}

/// An action that is not a control structure.
#[derive(Debug, Clone)]
pub struct ActionNode {
    /// Position of the action's first token after the delimiter.
    pub pos: Pos,
    /// Line of the action (1-based).
    pub line: usize,
    /// The pipeline.
    pub pipe: PipeNode,
}

/// `if`, `range` and `with`: a pipeline, a body and an optional else body.
///
/// `{{else if ...}}` and `{{else with ...}}` are represented as Go does: an else list
/// holding a single nested branch node.
#[derive(Debug, Clone)]
pub struct BranchNode {
    /// Position of the pipeline.
    pub pos: Pos,
    /// Line of the pipeline.
    pub line: usize,
    /// The controlling pipeline.
    pub pipe: PipeNode,
    /// Body run when the value is true (or for each element).
    pub list: ListNode,
    /// Body run otherwise, if there is an `else`.
    pub else_list: Option<ListNode>,
}

/// `{{template "name" pipeline}}`.
#[derive(Debug, Clone)]
pub struct TemplateNode {
    /// Position of the name token.
    pub pos: Pos,
    /// Line of the name token.
    pub line: usize,
    /// Name of the invoked template, unquoted.
    pub name: String,
    /// The value passed as dot, if any.
    pub pipe: Option<PipeNode>,
}

/// `{{break}}` or `{{continue}}`.
#[derive(Debug, Clone, Copy)]
pub struct LoopControl {
    /// Position of the keyword.
    pub pos: Pos,
    /// Line of the keyword.
    pub line: usize,
}

/// A pipeline, optionally declaring or assigning variables: `$x := a | b c`.
#[derive(Debug, Clone)]
pub struct PipeNode {
    /// Position of the pipeline's first token.
    pub pos: Pos,
    /// Line of the first token.
    pub line: usize,
    /// `=` rather than `:=`.
    pub is_assign: bool,
    /// Variables declared or assigned, in source order (at most two, for `range`).
    pub decl: Vec<VariableNode>,
    /// The commands, in source order.
    pub cmds: Vec<CommandNode>,
}

/// One stage of a pipeline: a function or value and its arguments.
#[derive(Debug, Clone)]
pub struct CommandNode {
    /// Position of the command.
    pub pos: Pos,
    /// Operands in source order; the first is the function or value.
    pub args: Vec<Arg>,
}

/// An operand inside a command.
#[derive(Debug, Clone)]
pub enum Arg {
    /// `true` or `false`.
    Bool(BoolNode),
    /// `.`.
    Dot(Pos),
    /// `nil`.
    Nil(Pos),
    /// A number, character or complex constant.
    Number(Box<NumberNode>),
    /// A quoted or raw string constant.
    String(StringNode),
    /// `.A.B.C`.
    Field(FieldNode),
    /// `(pipeline).A.B` or `fn.A`: fields applied to another operand.
    Chain(Box<ChainNode>),
    /// A function name.
    Identifier(IdentifierNode),
    /// `$x` or `$x.A.B`.
    Variable(VariableNode),
    /// A parenthesised pipeline.
    Pipe(Box<PipeNode>),
}

/// A boolean constant.
#[derive(Debug, Clone, Copy)]
pub struct BoolNode {
    /// Position.
    pub pos: Pos,
    /// The value.
    pub value: bool,
}

/// A numeric constant, with every interpretation Go's parser found valid.
#[derive(Debug, Clone)]
pub struct NumberNode {
    /// Position.
    pub pos: Pos,
    /// The value fits an int64.
    pub is_int: bool,
    /// The value fits a uint64.
    pub is_uint: bool,
    /// The value is representable as a float64.
    pub is_float: bool,
    /// The constant is complex.
    pub is_complex: bool,
    /// Signed value, if `is_int`.
    pub int64: i64,
    /// Unsigned value, if `is_uint`.
    pub uint64: u64,
    /// Float value, if `is_float`.
    pub float64: f64,
    /// Complex value (real, imaginary), if `is_complex`.
    pub complex128: (f64, f64),
    /// The constant as written.
    pub text: String,
}

/// A string constant.
#[derive(Debug, Clone)]
pub struct StringNode {
    /// Position.
    pub pos: Pos,
    /// The constant as written, with quotes.
    pub quoted: String,
    /// The value after unquoting.
    pub text: Arc<str>,
}

/// A field chain on dot: `.A.B` has idents `["A", "B"]`.
#[derive(Debug, Clone)]
pub struct FieldNode {
    /// Position.
    pub pos: Pos,
    /// Field names, without dots.
    pub ident: Vec<Arc<str>>,
}

/// Fields applied to an operand that is not dot or a variable.
#[derive(Debug, Clone)]
pub struct ChainNode {
    /// Position.
    pub pos: Pos,
    /// The operand the fields apply to.
    pub node: Arg,
    /// Field names, without dots.
    pub field: Vec<Arc<str>>,
}

/// A function name in command position.
#[derive(Debug, Clone)]
pub struct IdentifierNode {
    /// Position.
    pub pos: Pos,
    /// The name.
    pub ident: Arc<str>,
}

/// A variable with optional fields: `$x.A.B` has idents `["$x", "A", "B"]`.
#[derive(Debug, Clone)]
pub struct VariableNode {
    /// Position.
    pub pos: Pos,
    /// Variable name (with `$`) followed by field names.
    pub ident: Vec<Arc<str>>,
}

impl Arg {
    /// Byte offset of the operand.
    pub fn pos(&self) -> Pos {
        match self {
            Arg::Bool(n) => n.pos,
            Arg::Dot(p) | Arg::Nil(p) => *p,
            Arg::Number(n) => n.pos,
            Arg::String(n) => n.pos,
            Arg::Field(n) => n.pos,
            Arg::Chain(n) => n.pos,
            Arg::Identifier(n) => n.pos,
            Arg::Variable(n) => n.pos,
            Arg::Pipe(n) => n.pos,
        }
    }
}

impl Node {
    /// Byte offset of the node.
    pub fn pos(&self) -> Pos {
        match self {
            Node::Text(n) => n.pos,
            Node::Action(n) => n.pos,
            Node::Comment(n) => n.pos,
            Node::If(n) | Node::Range(n) | Node::With(n) => n.pos,
            Node::Template(n) => n.pos,
            Node::Break(n) | Node::Continue(n) => n.pos,
        }
    }
}

/// Reports whether a tree holds nothing but whitespace text and comments, as Go's
/// `parse.IsEmptyTree` does; an empty definition never replaces an existing one.
pub fn is_empty_list(list: &ListNode) -> bool {
    list.nodes.iter().all(|n| match n {
        Node::Comment(_) => true,
        Node::Text(t) => t.text.trim().is_empty(),
        _ => false,
    })
}
