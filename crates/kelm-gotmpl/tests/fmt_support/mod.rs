//! Helpers shared by the fmt and strconv tests: host objects standing in for Go types,
//! and a parser for the value notation of the recorded Go outputs in `tests/data/`
//! (written by `tools/gen-fmt-cases`).

#![allow(dead_code)]

use std::sync::Arc;

use kelm_gotmpl::func::Signature;
use kelm_gotmpl::{FloatKind, IntKind, Kind, List, Map, Object, Type, UintKind, Value};

/// A host object: a struct, a pointer to one, or a named type with an underlying value,
/// optionally with what its `String()`/`Error()` method returns; `is_error` when that
/// method is `Error()`.
#[derive(Debug)]
pub struct TestObj {
    pub ty: Type,
    pub fields: Vec<(String, Value)>,
    pub underlying: Option<Value>,
    pub display: Option<String>,
    pub is_error: bool,
}

impl Object for TestObj {
    fn go_type(&self) -> Type {
        self.ty.clone()
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (self.is_error && name == "Error").then(|| Arc::new(Signature::new(vec![], Type::String)))
    }
    fn fields(&self) -> Vec<(String, Value)> {
        self.fields.clone()
    }
    fn underlying(&self) -> Option<Value> {
        self.underlying.clone()
    }
    fn display(&self) -> Option<String> {
        self.display.clone()
    }
}

/// A struct value of type `name` (e.g. `main.T`).
pub fn strukt(name: &str, fields: Vec<(&str, Value)>) -> Value {
    obj(Type::struct_named(name), fields, None, None)
}

/// A pointer to a struct of type `name`.
pub fn ptr_to_struct(name: &str, fields: Vec<(&str, Value)>) -> Value {
    obj(Type::ptr_to(Type::struct_named(name)), fields, None, None)
}

/// A value of the named type `ty` over `underlying`.
pub fn named(ty: Type, underlying: Value, display: Option<&str>) -> Value {
    obj(ty, vec![], Some(underlying), display.map(str::to_string))
}

/// A host object with everything specified.
pub fn obj(
    ty: Type,
    fields: Vec<(&str, Value)>,
    underlying: Option<Value>,
    display: Option<String>,
) -> Value {
    Value::Object(Arc::new(TestObj {
        ty,
        fields: fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        underlying,
        display,
        is_error: false,
    }))
}

/// What `errors.New(msg)` returns: a `*errors.errorString`.
pub fn error_new(msg: &str) -> Value {
    Value::Object(Arc::new(TestObj {
        ty: Type::ptr_to(Type::struct_named("errors.errorString")),
        fields: vec![("s".to_string(), Value::string(msg))],
        underlying: None,
        display: Some(msg.to_string()),
        is_error: true,
    }))
}

/// A value of a string type `ty` whose `Error()` returns the string.
pub fn error_string_type(ty: &str, msg: &str) -> Value {
    Value::Object(Arc::new(TestObj {
        ty: Type::named(ty, Type::String),
        fields: vec![],
        underlying: Some(Value::string(msg)),
        display: Some(msg.to_string()),
        is_error: true,
    }))
}

/// The Go types the generator defines, by their `%T` names.
pub fn named_type(name: &str) -> Type {
    let under = match name {
        "main.Name" => Type::String,
        "main.Names" => Type::slice_of(Type::String),
        "main.Values" => Type::map_of_any(),
        "main.Color" => Type::Int(IntKind::Int),
        "main.Blob" => Type::slice_of(Type::Uint(UintKind::U8)),
        _ => return Type::struct_named(name),
    };
    Type::named(name, under)
}

/// Parses a Go type string (`[]interface {}`, `map[string]main.Color`, `*main.T`,
/// `func(int) string`).
pub fn parse_type(s: &str) -> Type {
    match s {
        "interface {}" => return Type::Any,
        "error" => return Type::Error,
        "fmt.Stringer" => return Type::named("fmt.Stringer", Type::Any),
        "bool" => return Type::Bool,
        "string" => return Type::String,
        _ => {}
    }
    if let Some(k) = int_kind(s) {
        return Type::Int(k);
    }
    if let Some(k) = uint_kind(s) {
        return Type::Uint(k);
    }
    match s {
        "float32" => return Type::Float(FloatKind::F32),
        "float64" => return Type::Float(FloatKind::F64),
        "complex64" => return Type::Complex(FloatKind::F32),
        "complex128" => return Type::Complex(FloatKind::F64),
        _ => {}
    }
    if let Some(rest) = s.strip_prefix("[]") {
        return Type::slice_of(parse_type(rest));
    }
    if let Some(rest) = s.strip_prefix('*') {
        return Type::ptr_to(parse_type(rest));
    }
    if let Some(rest) = s.strip_prefix("map[") {
        let close = matching(rest, b'[', b']');
        return Type::map_of(parse_type(&rest[..close]), parse_type(&rest[close + 1..]));
    }
    if let Some(rest) = s.strip_prefix("func(") {
        let close = matching(rest, b'(', b')');
        let params_s = &rest[..close];
        let results_s = rest[close + 1..].trim();
        let mut variadic = false;
        let params = split_top(params_s)
            .into_iter()
            .map(|p| match p.strip_prefix("...") {
                Some(e) => {
                    variadic = true;
                    Type::slice_of(parse_type(e))
                }
                None => parse_type(p),
            })
            .collect();
        let results = if results_s.is_empty() {
            vec![]
        } else if let Some(inner) = results_s.strip_prefix('(') {
            split_top(&inner[..inner.len() - 1])
                .into_iter()
                .map(parse_type)
                .collect()
        } else {
            vec![parse_type(results_s)]
        };
        return Type::Func(Arc::new(Signature {
            params,
            variadic,
            results,
        }));
    }
    named_type(s)
}

fn int_kind(s: &str) -> Option<IntKind> {
    Some(match s {
        "int" => IntKind::Int,
        "int8" => IntKind::I8,
        "int16" => IntKind::I16,
        "int32" => IntKind::I32,
        "int64" => IntKind::I64,
        _ => return None,
    })
}

fn uint_kind(s: &str) -> Option<UintKind> {
    Some(match s {
        "uint" => UintKind::Uint,
        "uint8" => UintKind::U8,
        "uint16" => UintKind::U16,
        "uint32" => UintKind::U32,
        "uint64" => UintKind::U64,
        "uintptr" => UintKind::Uintptr,
        _ => return None,
    })
}

/// Index of the bracket closing one already opened before `s`.
fn matching(s: &str, open: u8, close: u8) -> usize {
    let mut depth = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == open {
            depth += 1;
        } else if b == close {
            if depth == 0 {
                return i;
            }
            depth -= 1;
        }
    }
    panic!("unbalanced type string {s}")
}

/// Splits a parameter list on top-level ", ".
fn split_top(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let (mut depth, mut start) = (0i32, 0);
    let b = s.as_bytes();
    for i in 0..b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if !s.trim().is_empty() {
        out.push(s[start..].trim());
    }
    out
}

/// Decodes hex into bytes.
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

/// Decodes the generator's escaping: `\\` and `\xNN`; everything else is literal.
pub fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'\\') {
            out.push(b'\\');
            i += 2;
        } else if b[i] == b'\\' && b.get(i + 1) == Some(&b'x') {
            out.push(u8::from_str_radix(&s[i + 2..i + 4], 16).expect("escape"));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// What kelm prints for Go output `b`: the same text, with each byte of invalid
/// UTF-8 as U+FFFD (kelm's output is a Rust string).
pub fn as_kelm_text(b: &[u8]) -> String {
    let mut out = String::new();
    for chunk in b.utf8_chunks() {
        out.push_str(chunk.valid());
        for _ in chunk.invalid() {
            out.push(char::REPLACEMENT_CHARACTER);
        }
    }
    out
}

/// A parser for the generator's value notation.
pub struct ValueParser<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> ValueParser<'a> {
    /// Parses one complete value.
    pub fn parse(s: &'a str) -> Value {
        let mut p = ValueParser { s, i: 0 };
        let v = p.value();
        assert_eq!(p.i, s.len(), "trailing input in {s}");
        v
    }

    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.i += prefix.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, prefix: &str) {
        assert!(self.eat(prefix), "expected {prefix:?} at {:?}", self.rest());
    }

    /// Text up to (not including) the first of `stops`, or the end.
    fn token(&mut self, stops: &[u8]) -> &'a str {
        let rest = self.rest();
        let n = rest
            .bytes()
            .position(|b| stops.contains(&b))
            .unwrap_or(rest.len());
        self.i += n;
        &rest[..n]
    }

    /// A type tag `<type|hexdisplay>` (after the opening `<`).
    fn tag(&mut self) -> (Type, Option<String>) {
        let tag = self.token(b">");
        self.expect(">");
        match tag.split_once('|') {
            Some((t, d)) => (
                parse_type(t),
                Some(String::from_utf8(unhex(d)).expect("utf8")),
            ),
            None => (parse_type(tag), None),
        }
    }

    fn fields(&mut self) -> Vec<(String, Value)> {
        self.expect("{");
        let mut fields = vec![];
        while !self.eat("}") {
            let name = self.token(b"=").to_string();
            self.expect("=");
            fields.push((name, self.value()));
            self.eat(",");
        }
        fields
    }

    fn value(&mut self) -> Value {
        if self.eat("nil<") {
            let t = self.token(b">");
            self.expect(">");
            return Value::Nil(parse_type(t));
        }
        if self.eat("nil") {
            return Value::nil();
        }
        if self.eat("inv") {
            return Value::Invalid;
        }
        if self.eat("bool:") {
            return Value::Bool(self.token(b",)}") == "true");
        }
        if self.eat("string:") {
            let b = unhex(self.token(b",)}"));
            return Value::String(
                String::from_utf8(b)
                    .expect("string values are UTF-8")
                    .into(),
            );
        }
        if self.eat("bytes:") {
            return Value::Bytes(unhex(self.token(b",)}")).into());
        }
        if self.eat("list<") {
            let (ty, _) = self.tag();
            let elem = ty.elem().cloned().unwrap_or(Type::Any);
            self.expect("(");
            let mut items = vec![];
            while !self.eat(")") {
                items.push(interface_nil(self.value(), &elem));
                self.eat(",");
            }
            return Value::List(List::with_type(ty, items));
        }
        if self.eat("map<") {
            let (ty, _) = self.tag();
            let elem = ty.elem().cloned().unwrap_or(Type::Any);
            let m = Map::with_type(ty);
            self.expect("{");
            while !self.eat("}") {
                let key = String::from_utf8(unhex(self.token(b"="))).expect("utf8");
                self.expect("=");
                let v = interface_nil(self.value(), &elem);
                m.insert(key, v);
                self.eat(",");
            }
            return Value::Map(m);
        }
        if self.eat("struct<") || self.eat("ptr<") {
            let (ty, display) = self.tag();
            let fields = self.fields();
            return Value::Object(Arc::new(TestObj {
                ty,
                fields,
                underlying: None,
                display,
                is_error: false,
            }));
        }
        if self.eat("named<") || self.eat("pto<") {
            let (ty, display) = self.tag();
            self.expect("(");
            let inner = self.value();
            self.expect(")");
            return Value::Object(Arc::new(TestObj {
                ty,
                fields: vec![],
                underlying: Some(inner.resolve().into_owned()),
                display,
                is_error: false,
            }));
        }
        let kind = self.token(b":");
        self.expect(":");
        let num = self.token(b",)}");
        if let Some(k) = int_kind(kind) {
            return Value::Int(num.parse().expect("int"), k);
        }
        if let Some(k) = uint_kind(kind) {
            return Value::Uint(num.parse().expect("uint"), k);
        }
        let bits = |h: &str| u64::from_str_radix(h.trim_start_matches('x'), 16).expect("bits");
        match kind {
            "float64" => Value::Float(f64::from_bits(bits(num)), FloatKind::F64),
            "float32" => Value::Float(f64::from(f32::from_bits(bits(num) as u32)), FloatKind::F32),
            "complex128" => {
                let (re, im) = num.split_once(':').expect("complex");
                Value::Complex(
                    f64::from_bits(bits(re)),
                    f64::from_bits(bits(im)),
                    FloatKind::F64,
                )
            }
            "complex64" => {
                let (re, im) = num.split_once(':').expect("complex");
                let part = |h| f64::from(f32::from_bits(bits(h) as u32));
                Value::Complex(part(re), part(im), FloatKind::F32)
            }
            _ => panic!("unknown value kind {kind}"),
        }
    }
}

/// A nil stored in a slot of interface type `slot` is a nil of that interface type.
fn interface_nil(v: Value, slot: &Type) -> Value {
    match v {
        Value::Nil(Type::Any) if *slot != Type::Any && slot.kind() == Kind::Interface => {
            Value::Nil(slot.clone())
        }
        v => v,
    }
}
