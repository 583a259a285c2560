//! Parser tests: Go's own parse tests (inputs and expected results), focused cases for
//! positions, errors and hostile input, and a differential corpus recorded from Go.

use super::{Options, parse};
use crate::ast::{Arg, BranchNode, ListNode, Node, PipeNode, Tree};
use crate::strconv::unquote;

mod corpus;
mod go_cases;
mod hostile;

/// Function names known in every test: Go's builtins plus the test functions Go's
/// parse tests and the corpus use.
pub(super) const FUNCS: &[&str] = &[
    "and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or",
    "print", "printf", "println", "slice", "urlquery", "contains", "fn", "upper",
];

/// How to run one parse in tests.
#[derive(Default, Clone, Copy)]
pub(super) struct Setup<'a> {
    pub left: &'a str,
    pub right: &'a str,
    pub comments: bool,
    pub skip_func_check: bool,
    pub extra_funcs: &'a [&'a str],
}

pub(super) fn parse_with(name: &str, text: &str, setup: Setup<'_>) -> Result<Vec<Tree>, String> {
    let has = |f: &str| FUNCS.contains(&f) || setup.extra_funcs.contains(&f);
    let opts = Options {
        left_delim: setup.left,
        right_delim: setup.right,
        has_function: &has,
        keep_comments: setup.comments,
        skip_func_check: setup.skip_func_check,
    };
    parse(name, text, &opts).map_err(|e| e.to_string())
}

/// Parses with the default setup and returns the main tree's text as Go's
/// `Root.String()` prints it with text nodes quoted (Go's tests switch to `%q`).
pub(super) fn show(text: &str) -> Result<String, String> {
    let trees = parse_with("test", text, Setup::default())?;
    let main = trees.iter().find(|t| t.name == "test").expect("main tree");
    Ok(quoted_text(&main.root))
}

/// Go's `Root.String()` with `textFormat = "%q"`.
pub(super) fn quoted_text(list: &ListNode) -> String {
    let mut s = String::new();
    for n in &list.nodes {
        match n {
            Node::Text(t) => s.push_str(&go_quote(&t.text, false)),
            Node::If(b) => branch_quoted(&mut s, "if", b),
            Node::Range(b) => branch_quoted(&mut s, "range", b),
            Node::With(b) => branch_quoted(&mut s, "with", b),
            other => s.push_str(&other.to_string()),
        }
    }
    s
}

fn branch_quoted(s: &mut String, kw: &str, b: &BranchNode) {
    s.push_str(&format!("{{{{{kw} {}}}}}{}", b.pipe, quoted_text(&b.list)));
    if let Some(e) = &b.else_list {
        s.push_str("{{else}}");
        s.push_str(&quoted_text(e));
    }
    s.push_str("{{end}}");
}

/// Go's `strconv.Quote` (or `QuoteToASCII`).
pub(crate) fn go_quote(s: &str, ascii_only: bool) -> String {
    if ascii_only {
        crate::strconv::quote_to_ascii(s)
    } else {
        crate::strconv::quote(s)
    }
}

// --- a structural dump, in the format of the Go program that recorded the corpus ---

pub(super) fn dump_list(out: &mut String, list: &ListNode) {
    out.push_str(&format!("List({})[", list.pos));
    for (i, n) in list.nodes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        dump_node(out, n);
    }
    out.push(']');
}

fn dump_node(out: &mut String, node: &Node) {
    match node {
        Node::Text(t) => out.push_str(&format!("Text({},{})", t.pos, go_quote(&t.text, false))),
        Node::Comment(c) => {
            out.push_str(&format!("Comment({},{})", c.pos, go_quote(&c.text, false)))
        }
        Node::Action(a) => {
            out.push_str(&format!("Action({},{},", a.pos, a.line));
            dump_pipe(out, &a.pipe);
            out.push(')');
        }
        Node::If(b) => dump_branch(out, "If", b),
        Node::Range(b) => dump_branch(out, "Range", b),
        Node::With(b) => dump_branch(out, "With", b),
        Node::Template(t) => {
            out.push_str(&format!(
                "Template({},{},{},",
                t.pos,
                t.line,
                go_quote(&t.name, false)
            ));
            match &t.pipe {
                Some(p) => dump_pipe(out, p),
                None => out.push_str("nil"),
            }
            out.push(')');
        }
        Node::Break(b) => out.push_str(&format!("Break({},{})", b.pos, b.line)),
        Node::Continue(b) => out.push_str(&format!("Continue({},{})", b.pos, b.line)),
    }
}

fn dump_branch(out: &mut String, kind: &str, b: &BranchNode) {
    out.push_str(&format!("{kind}({},{},", b.pos, b.line));
    dump_pipe(out, &b.pipe);
    out.push(',');
    dump_list(out, &b.list);
    out.push(',');
    match &b.else_list {
        Some(l) => dump_list(out, l),
        None => out.push_str("nil"),
    }
    out.push(')');
}

fn dump_pipe(out: &mut String, p: &PipeNode) {
    out.push_str(&format!("Pipe({},{},{},[", p.pos, p.line, p.is_assign));
    for (i, v) in p.decl.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("Var({},{})", v.pos, v.ident.join("/")));
    }
    out.push_str("],[");
    for (i, c) in p.cmds.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("Cmd({})[", c.pos));
        for (j, a) in c.args.iter().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            dump_arg(out, a);
        }
        out.push(']');
    }
    out.push_str("])");
}

fn bits(f: f64) -> String {
    format!("{:016x}", f.to_bits())
}

fn dump_arg(out: &mut String, a: &Arg) {
    match a {
        Arg::Bool(b) => out.push_str(&format!("Bool({},{})", b.pos, b.value)),
        Arg::Dot(p) => out.push_str(&format!("Dot({p})")),
        Arg::Nil(p) => out.push_str(&format!("Nil({p})")),
        Arg::Number(n) => out.push_str(&format!(
            "Num({},{},{}{}{}{},{},{},{},{},{})",
            n.pos,
            n.text,
            n.is_int,
            n.is_uint,
            n.is_float,
            n.is_complex,
            n.int64,
            n.uint64,
            bits(n.float64),
            bits(n.complex128.0),
            bits(n.complex128.1)
        )),
        Arg::String(s) => out.push_str(&format!(
            "Str({},{},{})",
            s.pos,
            s.quoted,
            go_quote(&s.text, true)
        )),
        Arg::Field(f) => out.push_str(&format!("Field({},{})", f.pos, f.ident.join("/"))),
        Arg::Variable(v) => out.push_str(&format!("Var({},{})", v.pos, v.ident.join("/"))),
        Arg::Identifier(i) => out.push_str(&format!("Ident({},{})", i.pos, i.ident)),
        Arg::Chain(c) => {
            out.push_str(&format!("Chain({},", c.pos));
            dump_arg(out, &c.node);
            out.push_str(&format!(",{})", c.field.join("/")));
        }
        Arg::Pipe(p) => dump_pipe(out, p),
    }
}

/// Decodes one Go-quoted line of the recorded corpus.
pub(super) fn field(line: &str) -> String {
    unquote(line).unwrap_or_else(|_| panic!("bad corpus line {line:?}"))
}
