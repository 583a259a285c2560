//! The template parser (Go's `text/template/parse/parse.go` behaviour).
//!
//! A recursive-descent parser over the pull lexer. What it accepts, the trees it builds
//! (down to node positions, which the executor turns into `file:line:col`) and every
//! error message follow Go. Error messages carry the line of the item most recently read
//! from the lexer, so the parser reads items in exactly Go's order, with the same
//! three-item lookahead.

use std::collections::HashMap;
use std::sync::Arc;

use crate::Error;
use crate::ast::{
    ActionNode, BranchNode, CommentNode, ListNode, LoopControl, Node, TemplateNode, TextNode, Tree,
    is_empty_list,
};
use crate::gofmt;
use crate::lex::{Item, ItemDisplay, ItemType, LexOptions, Lexer};
use crate::strconv::unquote;
use crate::value::Value;
use goval::GoError;

mod goval;
mod number;
mod pipeline;

use pipeline::Scope;
#[cfg(test)]
pub(crate) mod tests;

pub(crate) use number::new_number;

/// How to parse.
pub(crate) struct Options<'a> {
    /// Left action delimiter.
    pub left_delim: &'a str,
    /// Right action delimiter.
    pub right_delim: &'a str,
    /// Whether a function of this name exists (builtins included).
    pub has_function: &'a dyn Fn(&str) -> bool,
    /// Keep comments in the tree (Go's `ParseComments` mode).
    pub keep_comments: bool,
    /// Do not check that functions exist (Go's `SkipFuncCheck` mode).
    pub skip_func_check: bool,
}

/// Go's limit on nested parentheses, `maxStackDepth`.
const MAX_PAREN_DEPTH: usize = 10_000;

/// Parsing recurses once per nesting level of parentheses and control structures; when
/// less than this much stack remains, continue on a fresh segment.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Parses `text` as template `name`; returns the trees it defines (the main one named
/// `name`, then one per `define`/`block`), in the order they were completed.
pub(crate) fn parse(name: &str, text: &str, opts: &Options<'_>) -> Result<Vec<Tree>, Error> {
    let lex_options = LexOptions {
        emit_comment: opts.keep_comments,
        break_ok: !(opts.has_function)("break"),
        continue_ok: !(opts.has_function)("continue"),
    };
    let mut parser = Parser {
        lex: Lexer::new(text, opts.left_delim, opts.right_delim, lex_options),
        opts,
        parse_name: Arc::from(name),
        text: Arc::from(text),
        st: TreeState::new(),
        trees: Vec::new(),
        by_name: HashMap::new(),
    };
    parser.parse_main(name).map_err(Error::parse)?;
    Ok(parser.trees.into_iter().flatten().collect())
}

/// A parse failure: the complete Go message.
type PResult<T> = Result<T, String>;

/// What closes a list: `{{end}}`, or `{{else}}`, at `pos` (that of the right delimiter;
/// for `{{else if}}` that of the `if`) and, for `{{else}}`, `line`.
#[derive(Clone, Copy)]
enum Closer {
    End { pos: usize },
    Else { pos: usize, line: usize },
}

impl Closer {
    /// As a message argument: the pseudo-node Go's parser made.
    fn arg(self) -> Value {
        match self {
            Closer::End { pos } => goval::end_node(pos),
            Closer::Else { pos, line } => goval::else_node(pos, line),
        }
    }
}

/// One step of a list: a node, or the end of the list.
enum Step {
    Node(Node),
    Close(Closer),
}

/// Which branch construct is being parsed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Branch {
    If,
    Range,
    With,
}

impl Branch {
    fn context(self) -> &'static str {
        match self {
            Branch::If => "if",
            Branch::Range => "range",
            Branch::With => "with",
        }
    }

    fn wrap(self, b: BranchNode) -> Node {
        match self {
            Branch::If => Node::If(b),
            Branch::Range => Node::Range(b),
            Branch::With => Node::With(b),
        }
    }
}

/// State that belongs to the template being built. A `define` or `block` body starts a
/// new template with fresh state (its own lookahead, variables and loop depth) on the
/// same lexer, and the enclosing template's state resumes afterwards.
struct TreeState<'a> {
    /// Lookahead buffer. `token[0]` is always the item most recently read from the
    /// lexer; items pushed back sit above it and are handed out first.
    token: [Item<'a>; 3],
    /// How many pushed-back items are waiting.
    peeked: usize,
    /// Variables in scope.
    vars: Scope<'a>,
    /// Line of the action being parsed (0 outside actions), for "started at" notes.
    action_line: usize,
    /// Number of enclosing `range` bodies (`break`/`continue` need one).
    range_depth: usize,
    /// Number of enclosing parentheses.
    paren_depth: usize,
}

impl TreeState<'_> {
    fn new() -> Self {
        TreeState {
            token: [Item::NONE; 3],
            peeked: 0,
            vars: Scope::new(),
            action_line: 0,
            range_depth: 0,
            paren_depth: 0,
        }
    }
}

struct Parser<'a, 'o> {
    lex: Lexer<'a>,
    opts: &'o Options<'o>,
    parse_name: Arc<str>,
    text: Arc<str>,
    st: TreeState<'a>,
    /// Completed templates; a slot is emptied when a later definition replaces it.
    trees: Vec<Option<Tree>>,
    by_name: HashMap<String, usize>,
}

impl<'a> Parser<'a, '_> {
    // --- lookahead ---

    fn next(&mut self) -> Item<'a> {
        if self.st.peeked > 0 {
            self.st.peeked -= 1;
        } else {
            self.st.token[0] = self.lex.next_item();
        }
        self.st.token[self.st.peeked]
    }

    /// Pushes back the item `next` last returned.
    fn backup(&mut self) {
        self.st.peeked += 1;
    }

    /// Pushes back `t1` and then the last item read, so `t1` comes out first.
    fn backup2(&mut self, t1: Item<'a>) {
        self.st.token[1] = t1;
        self.st.peeked = 2;
    }

    /// Pushes back `t2`, `t1` and the last item read, to come out in that order.
    fn backup3(&mut self, t2: Item<'a>, t1: Item<'a>) {
        self.st.token[1] = t1;
        self.st.token[2] = t2;
        self.st.peeked = 3;
    }

    fn peek(&mut self) -> Item<'a> {
        if self.st.peeked > 0 {
            return self.st.token[self.st.peeked - 1];
        }
        self.st.peeked = 1;
        self.st.token[0] = self.lex.next_item();
        self.st.token[0]
    }

    fn next_non_space(&mut self) -> Item<'a> {
        loop {
            let item = self.next();
            if item.typ != ItemType::Space {
                return item;
            }
        }
    }

    fn peek_non_space(&mut self) -> Item<'a> {
        let item = self.next_non_space();
        self.backup();
        item
    }

    // --- errors ---

    /// Go's message for `format` and `args`. The name is spliced into the format, so a
    /// `%` in it is interpreted, as in Go (see [`goval`]).
    fn error_at(&self, line: usize, format: &str, args: &[Value]) -> String {
        let format = format!("template: {}:{line}: {format}", self.parse_name);
        gofmt::errorf(&format, args)
    }

    /// An error at the line of the most recently read item.
    fn errorf(&self, format: &str, args: &[Value]) -> String {
        self.error_at(self.st.token[0].line, format, args)
    }

    /// An error reporting a Go `error` value, such as `strconv.ErrSyntax`.
    fn error_value(&self, err: impl Into<GoError>) -> String {
        self.errorf("%s", &[err.into().value()])
    }

    fn show<'i>(&'i self, item: &'i Item<'a>) -> ItemDisplay<'i, 'a> {
        ItemDisplay {
            item,
            error: self.lex.error_message(),
        }
    }

    /// `item` as a message argument; `shown` is how it prints.
    fn item_arg(&self, item: &Item<'a>, shown: String) -> Value {
        let val = if item.typ == ItemType::Error {
            self.lex.error_message()
        } else {
            item.val
        };
        goval::item(shown, item.typ.go_number(), item.pos, val, item.line)
    }

    /// Complains about `item` where `context` was expected; lexer errors are reported
    /// as themselves, noting where the action began if that was on an earlier line.
    fn unexpected(&self, item: Item<'a>, context: &str) -> String {
        if item.typ != ItemType::Error {
            let shown = self.show(&item).to_string();
            let args = [self.item_arg(&item, shown), Value::string(context)];
            return self.errorf("unexpected %s in %s", &args);
        }
        let message = self.lex.error_message();
        let started = self.st.action_line;
        let mut extra = String::new();
        if started != 0 && started != item.line {
            // "unclosed action in action started at" would stutter.
            let joiner = if message.ends_with(" action") {
                ""
            } else {
                " in action"
            };
            extra = format!("{joiner} started at {}:{started}", self.parse_name);
        }
        let args = [
            self.item_arg(&item, message.to_string()),
            Value::string(extra),
        ];
        self.errorf("%s%s", &args)
    }

    fn expect(&mut self, typ: ItemType, context: &str) -> PResult<Item<'a>> {
        let item = self.next_non_space();
        if item.typ != typ {
            return Err(self.unexpected(item, context));
        }
        Ok(item)
    }

    // --- templates ---

    /// The whole input: the main template's body, with `define`s split off.
    fn parse_main(&mut self, name: &str) -> PResult<()> {
        let mut root = ListNode {
            pos: self.peek().pos,
            nodes: Vec::new(),
        };
        while self.peek().typ != ItemType::Eof {
            if self.peek().typ == ItemType::LeftDelim {
                let delim = self.next();
                if self.next_non_space().typ == ItemType::Define {
                    let outer = std::mem::replace(&mut self.st, TreeState::new());
                    self.parse_definition()?;
                    self.st = outer;
                    continue;
                }
                self.backup2(delim);
            }
            match self.text_or_action()? {
                Step::Node(node) => root.nodes.push(node),
                Step::Close(closer) => {
                    return Err(self.errorf("unexpected %s", &[closer.arg()]));
                }
            }
        }
        root.nodes.shrink_to_fit();
        let line = self.st.token[0].line;
        self.add(name.to_string(), root, line)
    }

    /// `{{define "name"}} ... {{end}}`, after the `define`.
    fn parse_definition(&mut self) -> PResult<()> {
        const CONTEXT: &str = "define clause";
        let item = self.next_non_space();
        if !matches!(item.typ, ItemType::String | ItemType::RawString) {
            return Err(self.unexpected(item, CONTEXT));
        }
        let name = unquote(item.val).map_err(|e| self.error_value(e))?;
        self.expect(ItemType::RightDelim, CONTEXT)?;
        let (root, closer) = self.item_list()?;
        if let Closer::Else { .. } = closer {
            return Err(self.errorf(
                "unexpected %s in %s",
                &[closer.arg(), Value::string(CONTEXT)],
            ));
        }
        let line = self.st.token[0].line;
        self.add(name, root, line)
    }

    /// Records a completed template. A template may be defined twice only if one of the
    /// definitions is empty; a non-empty one wins.
    fn add(&mut self, name: String, root: ListNode, error_line: usize) -> PResult<()> {
        if let Some(&slot) = self.by_name.get(&name) {
            let existing_empty = self.trees[slot]
                .as_ref()
                .is_none_or(|t| is_empty_list(&t.root));
            if !existing_empty {
                if is_empty_list(&root) {
                    return Ok(());
                }
                let format = "template: multiple definition of template %q";
                return Err(self.error_at(error_line, format, &[Value::string(name)]));
            }
            self.trees[slot] = None;
        }
        self.by_name.insert(name.clone(), self.trees.len());
        self.trees.push(Some(Tree {
            name,
            parse_name: Arc::clone(&self.parse_name),
            text: Arc::clone(&self.text),
            root,
        }));
        Ok(())
    }

    // --- lists and actions ---

    /// Nodes up to an `{{end}}` or `{{else}}`, which is returned separately.
    fn item_list(&mut self) -> PResult<(ListNode, Closer)> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
            let mut list = ListNode {
                pos: self.peek_non_space().pos,
                nodes: Vec::new(),
            };
            while self.peek_non_space().typ != ItemType::Eof {
                match self.text_or_action()? {
                    Step::Node(node) => list.nodes.push(node),
                    Step::Close(closer) => {
                        // Trees are kept for the template set's life: no headroom.
                        list.nodes.shrink_to_fit();
                        return Ok((list, closer));
                    }
                }
            }
            Err(self.errorf("unexpected EOF", &[]))
        })
    }

    fn text_or_action(&mut self) -> PResult<Step> {
        let item = self.next_non_space();
        match item.typ {
            ItemType::Text => Ok(Step::Node(Node::Text(TextNode {
                pos: item.pos,
                text: Arc::from(item.val),
            }))),
            ItemType::LeftDelim => {
                self.st.action_line = item.line;
                let step = self.action();
                self.st.action_line = 0;
                step
            }
            ItemType::Comment => Ok(Step::Node(Node::Comment(CommentNode {
                pos: item.pos,
                text: item.val.to_string(),
            }))),
            _ => Err(self.unexpected(item, "input")),
        }
    }

    /// The inside of an action, after the left delimiter: a control keyword and what
    /// follows it, or a pipeline.
    fn action(&mut self) -> PResult<Step> {
        let item = self.next_non_space();
        let node = match item.typ {
            ItemType::Block => self.block_control()?,
            ItemType::Break => {
                Node::Break(self.loop_control(item, "{{break}}", "{{break}} outside {{range}}")?)
            }
            ItemType::Continue => Node::Continue(self.loop_control(
                item,
                "{{continue}}",
                "{{continue}} outside {{range}}",
            )?),
            ItemType::Else => return self.else_control(),
            ItemType::End => {
                let item = self.expect(ItemType::RightDelim, "end")?;
                return Ok(Step::Close(Closer::End { pos: item.pos }));
            }
            ItemType::If => Branch::If.wrap(self.branch_control(Branch::If)?),
            ItemType::Range => Branch::Range.wrap(self.branch_control(Branch::Range)?),
            ItemType::With => Branch::With.wrap(self.branch_control(Branch::With)?),
            ItemType::Template => self.template_control()?,
            _ => {
                self.backup();
                let first = self.peek();
                // Variables declared here stay in scope until the enclosing {{end}}.
                let pipe = self.pipeline("command", ItemType::RightDelim)?;
                Node::Action(ActionNode {
                    pos: first.pos,
                    line: first.line,
                    pipe,
                })
            }
        };
        Ok(Step::Node(node))
    }

    /// `{{break}}` or `{{continue}}`, after the keyword.
    fn loop_control(
        &mut self,
        keyword: Item<'a>,
        what: &str,
        outside: &str,
    ) -> PResult<LoopControl> {
        let item = self.next_non_space();
        if item.typ != ItemType::RightDelim {
            return Err(self.unexpected(item, what));
        }
        if self.st.range_depth == 0 {
            return Err(self.errorf(outside, &[]));
        }
        Ok(LoopControl {
            pos: keyword.pos,
            line: keyword.line,
        })
    }

    /// `{{else}}`, or the `else` of `{{else if ...}}`/`{{else with ...}}`, whose keyword
    /// is left for the enclosing branch to continue with.
    fn else_control(&mut self) -> PResult<Step> {
        let ahead = self.peek_non_space();
        if matches!(ahead.typ, ItemType::If | ItemType::With) {
            return Ok(Step::Close(Closer::Else {
                pos: ahead.pos,
                line: ahead.line,
            }));
        }
        let item = self.expect(ItemType::RightDelim, "else")?;
        Ok(Step::Close(Closer::Else {
            pos: item.pos,
            line: item.line,
        }))
    }

    /// `if`, `range` or `with`: pipeline, body, optional else, end. Variables declared
    /// in the pipeline or body go out of scope at the end.
    fn branch_control(&mut self, kind: Branch) -> PResult<BranchNode> {
        let context = kind.context();
        let scope = self.st.vars.depth();
        let pipe = self.pipeline(context, ItemType::RightDelim)?;
        let in_range = kind == Branch::Range;
        if in_range {
            self.st.range_depth += 1;
        }
        let (list, closer) = self.item_list()?;
        if in_range {
            self.st.range_depth -= 1;
        }
        let else_list = match closer {
            Closer::End { .. } => None,
            Closer::Else { pos, .. } => {
                let chained = match kind {
                    Branch::If => self.peek().typ == ItemType::If,
                    Branch::With => self.peek().typ == ItemType::With,
                    Branch::Range => false,
                };
                if chained {
                    // {{else if x}} is {{else}}{{if x}}...{{end}} sharing the final {{end}}.
                    self.next();
                    let inner = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
                        self.branch_control(kind)
                    })?;
                    Some(ListNode {
                        pos,
                        nodes: vec![kind.wrap(inner)],
                    })
                } else {
                    let (else_list, closer) = self.item_list()?;
                    if let Closer::Else { .. } = closer {
                        return Err(self.errorf("expected end; found %s", &[closer.arg()]));
                    }
                    Some(else_list)
                }
            }
        };
        self.st.vars.pop_to(scope);
        Ok(BranchNode {
            pos: pipe.pos,
            line: pipe.line,
            pipe,
            list,
            else_list,
        })
    }

    /// `{{block "name" pipeline}} body {{end}}`: defines the template and invokes it.
    fn block_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "block clause";
        let item = self.next_non_space();
        let name = self.template_name(item, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, ItemType::RightDelim)?;
        let outer = std::mem::replace(&mut self.st, TreeState::new());
        let body = self.item_list();
        let inner = std::mem::replace(&mut self.st, outer);
        let (root, closer) = body?;
        if let Closer::Else { .. } = closer {
            return Err(self.errorf(
                "unexpected %s in %s",
                &[closer.arg(), Value::string(CONTEXT)],
            ));
        }
        self.add(name.clone(), root, inner.token[0].line)?;
        Ok(Node::Template(TemplateNode {
            pos: item.pos,
            line: item.line,
            name,
            pipe: Some(pipe),
        }))
    }

    /// `{{template "name"}}` or `{{template "name" pipeline}}`, after the keyword.
    fn template_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "template clause";
        let item = self.next_non_space();
        let name = self.template_name(item, CONTEXT)?;
        let pipe = if self.next_non_space().typ != ItemType::RightDelim {
            self.backup();
            Some(self.pipeline(CONTEXT, ItemType::RightDelim)?)
        } else {
            None
        };
        Ok(Node::Template(TemplateNode {
            pos: item.pos,
            line: item.line,
            name,
            pipe,
        }))
    }

    fn template_name(&self, item: Item<'a>, context: &str) -> PResult<String> {
        match item.typ {
            ItemType::String | ItemType::RawString => {
                unquote(item.val).map_err(|e| self.error_value(e))
            }
            _ => Err(self.unexpected(item, context)),
        }
    }
}
