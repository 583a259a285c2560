//! The Go values parse errors carry. Go formats a parse error with `fmt.Errorf`, after
//! splicing the template name into the format string (`"template: " + name + ":" + line
//! + ": " + format`). A name containing `%` therefore consumes arguments itself
//! (`template: 100%!n(string=x)…`), and prints them as Go prints the parser's values:
//! strings and ints, lexer items, `{{end}}`/`{{else}}` nodes, errors. These are those
//! values, for [`crate::gofmt::errorf`].

use std::fmt;
use std::sync::Arc;

use crate::func::{Call, FuncError, Signature};
use crate::strconv::{ErrSyntax, NumError};
use crate::value::{IntKind, Object, Type, Value};

/// A Go `error` a parse error reports (Go's `t.error(err)`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum GoError {
    /// Made by `errors.New` or `fmt.Errorf` (a `*errors.errorString`).
    New(String),
    /// A `*strconv.NumError`.
    Num(NumError),
}

impl From<ErrSyntax> for GoError {
    fn from(e: ErrSyntax) -> GoError {
        // strconv.ErrSyntax is errors.New("invalid syntax").
        GoError::New(e.to_string())
    }
}

impl fmt::Display for GoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoError::New(s) => f.write_str(s),
            GoError::Num(e) => e.fmt(f),
        }
    }
}

impl GoError {
    /// The error as a Go value.
    pub(super) fn value(&self) -> Value {
        match self {
            GoError::New(s) => error_string(s),
            GoError::Num(e) => go_error(
                "strconv.NumError",
                vec![
                    ("Func", Value::string(e.func)),
                    ("Num", Value::string(e.num.as_str())),
                    // Each reason is an error made by errors.New.
                    ("Err", error_string(&e.kind.to_string())),
                ],
                e.to_string(),
            ),
        }
    }
}

/// `errors.New(s)`.
fn error_string(s: &str) -> Value {
    go_error(
        "errors.errorString",
        vec![("s", Value::string(s))],
        s.to_string(),
    )
}

/// A lexer item (`parse.item`); `shown` is what its `String` method returns.
pub(super) fn item(shown: String, typ: i64, pos: usize, val: &str, line: usize) -> Value {
    let fields = vec![
        ("typ", named_int("parse.itemType", typ)),
        ("pos", named_int("parse.Pos", pos as i64)),
        ("val", Value::string(val)),
        ("line", Value::int(line as i64)),
    ];
    go_struct(Type::struct_named("parse.item"), fields, Some(shown), false)
}

/// The `{{end}}` pseudo-node (`*parse.endNode`) at `pos`.
pub(super) fn end_node(pos: usize) -> Value {
    node("parse.endNode", 7, pos, vec![], "{{end}}")
}

/// The `{{else}}` pseudo-node (`*parse.elseNode`) at `pos` and `line`.
pub(super) fn else_node(pos: usize, line: usize) -> Value {
    let line = vec![("Line", Value::int(line as i64))];
    node("parse.elseNode", 6, pos, line, "{{else}}")
}

/// A pointer to a node: its `NodeType`, `Pos`, the tree it belongs to (which prints as
/// an address), and `extra` fields.
fn node(ty: &str, node_type: i64, pos: usize, extra: Vec<(&str, Value)>, shown: &str) -> Value {
    let tree = go_struct(
        Type::ptr_to(Type::struct_named("parse.Tree")),
        vec![],
        None,
        false,
    );
    let mut fields = vec![
        ("NodeType", named_int("parse.NodeType", node_type)),
        ("Pos", named_int("parse.Pos", pos as i64)),
        ("tr", tree),
    ];
    fields.extend(extra);
    let ty = Type::ptr_to(Type::struct_named(ty));
    go_struct(ty, fields, Some(shown.to_string()), false)
}

/// A value of a Go type defined over `int` (`parse.Pos`, `parse.itemType`, ...).
fn named_int(ty: &'static str, n: i64) -> Value {
    Value::Object(Arc::new(NamedInt(ty, n)))
}

#[derive(Debug)]
struct NamedInt(&'static str, i64);

impl Object for NamedInt {
    fn go_type(&self) -> Type {
        Type::named(self.0, Type::Int(IntKind::Int))
    }

    fn underlying(&self) -> Option<Value> {
        Some(Value::int(self.1))
    }
}

/// A struct or a pointer to one, with what its `String` or `Error` method returns.
#[derive(Debug)]
struct GoStruct {
    ty: Type,
    fields: Vec<(String, Value)>,
    shown: Option<String>,
    /// The method is `Error`, making this a Go `error`.
    is_error: bool,
}

/// A struct (or pointer to one) of type `ty` that prints as `shown`, if it has a
/// `String` or (`is_error`) `Error` method.
fn go_struct(ty: Type, fields: Vec<(&str, Value)>, shown: Option<String>, is_error: bool) -> Value {
    let fields = fields
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    Value::Object(Arc::new(GoStruct {
        ty,
        fields,
        shown,
        is_error,
    }))
}

/// A pointer to the struct `ty` whose `Error` method returns `message`.
fn go_error(ty: &str, fields: Vec<(&str, Value)>, message: String) -> Value {
    go_struct(
        Type::ptr_to(Type::struct_named(ty)),
        fields,
        Some(message),
        true,
    )
}

impl Object for GoStruct {
    fn go_type(&self) -> Type {
        self.ty.clone()
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (self.is_error && name == "Error").then(|| Arc::new(Signature::new(vec![], Type::String)))
    }

    fn call_method(&self, name: &str, _: &[Value], _: &mut Call<'_>) -> Result<Value, FuncError> {
        match (name, &self.shown) {
            ("Error", Some(message)) if self.is_error => Ok(Value::string(message.as_str())),
            _ => Err(FuncError::new(format!("method {name} not implemented"))),
        }
    }

    fn fields(&self) -> Vec<(String, Value)> {
        self.fields.clone()
    }

    fn display(&self) -> Option<String> {
        self.shown.clone()
    }
}
