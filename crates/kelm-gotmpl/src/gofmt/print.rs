//! Printing values: which formatting each verb gets for each kind of value, how
//! containers and structs are laid out, and Go's error forms (Go's `printArg` and
//! `printValue`).
//!
//! Go distinguishes the top-level operand (depth 0) from values reached inside it: a
//! pointer to a struct prints as `&{...}` only at the top, and `String()` methods of
//! nested values are consulted only when the value is reachable through exported
//! fields. The functions here carry `depth` and `exported` for those rules.

use std::fmt::Write as _;
use std::sync::Arc;

use super::format::Base;
use super::{MAX_DEPTH, Printer};
use crate::value::{FloatKind, Kind, List, Map, Object, Type, UintKind, Value};

/// The elements of a slice: values, or the bytes of a `[]byte`.
#[derive(Clone, Copy)]
enum Items<'a> {
    Values(&'a [Value]),
    Bytes(&'a [u8]),
}

/// Whether the value is a nil interface (Go's untyped `nil` operand).
pub(super) fn is_nil_interface(v: &Value) -> bool {
    matches!(v, Value::Nil(t) if t.kind() == Kind::Interface)
}

/// Whether Go's `Sprint` treats the operand as a string (no spaces around it).
pub(super) fn is_string_kind(v: &Value) -> bool {
    match v {
        Value::String(_) => true,
        Value::Object(o) => o.go_type().kind() == Kind::String,
        _ => false,
    }
}

/// The bit size `strconv` needs for a float kind.
pub(super) fn float_bits(k: FloatKind) -> u32 {
    match k {
        FloatKind::F32 => 32,
        FloatKind::F64 => 64,
    }
}

/// The operand as a Go `int`, if it is of an integer kind and fits (for `*` widths).
pub(super) fn int_value(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i, _) => Some(*i),
        Value::Uint(u, _) => i64::try_from(*u).ok(),
        Value::Object(o) if matches!(o.go_type().kind(), Kind::Int | Kind::Uint) => {
            o.underlying().as_ref().and_then(int_value)
        }
        _ => None,
    }
}

/// Whether the operand implements Go's `error`: has a method `Error() string`.
fn is_error(v: &Value) -> bool {
    let Value::Object(o) = v else {
        return false;
    };
    o.method("Error")
        .is_some_and(|sig| sig.params.is_empty() && sig.results == [Type::String])
}

/// Whether `t` is exactly `[]byte` (which Go formats without reflection).
fn is_plain_byte_slice(t: &Type) -> bool {
    matches!(t, Type::Slice(e) if matches!(**e, Type::Uint(UintKind::U8)))
}

/// Whether `t` is a slice whose elements are bytes of some (possibly named) type.
fn has_byte_elems(t: &Type) -> bool {
    matches!(t.underlying(), Type::Slice(e) if matches!(e.underlying(), Type::Uint(UintKind::U8)))
}

/// The bytes of a list of byte values, if it is one.
fn list_bytes(l: &List) -> Option<Vec<u8>> {
    l.items()
        .iter()
        .map(|v| match *v.resolve() {
            Value::Uint(u, _) => Some(u as u8),
            _ => None,
        })
        .collect()
}

/// The static type to report for an element stored in a slot of type `slot`: named
/// slot types matter for plain values (a `string` stored in a `[]main.Name`).
fn slot_type<'t>(slot: Option<&'t Type>, item: &Value) -> Option<&'t Type> {
    match (slot, item) {
        (_, Value::Object(_) | Value::Nil(_) | Value::Invalid) => None,
        (Some(t @ Type::Named(_)), _) => Some(t),
        _ => None,
    }
}

/// Go's rule for exported identifiers: an upper-case first letter.
fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// An address for `%p` and for pointers Go prints as addresses. Go prints the real
/// address, which differs on every run; so does this.
fn address_of<T: ?Sized>(p: *const T) -> u64 {
    p.cast::<()>() as usize as u64
}

/// The address a pointer-like value prints as, or `None` for other kinds.
fn pointer_of(v: &Value) -> Option<u64> {
    Some(match v {
        Value::Nil(t) => match t.kind() {
            Kind::Ptr | Kind::Func | Kind::Map | Kind::Slice => 0,
            _ => return None,
        },
        Value::Map(m) => m.addr() as u64,
        Value::List(l) => address_of(l.items().as_ptr()),
        Value::Bytes(b) => address_of(b.as_ptr()),
        Value::Func(f) => address_of(Arc::as_ptr(f.signature())),
        Value::Object(o) => match (o.go_type().kind(), o.underlying()) {
            (Kind::Map | Kind::Slice, Some(u)) => return pointer_of(&u),
            (Kind::Ptr | Kind::Func | Kind::Map | Kind::Slice, _) => address_of(Arc::as_ptr(o)),
            _ => return None,
        },
        _ => return None,
    })
}

impl Printer<'_> {
    /// Appends Go's type string for `v` (or the slot type `named` standing in for it).
    pub(super) fn push_type_of(&mut self, v: &Value, named: Option<&Type>) {
        match (named, v.go_type()) {
            (Some(t), _) => {
                let _ = write!(self.out, "{t}");
            }
            (None, Some(t)) => {
                let _ = write!(self.out, "{t}");
            }
            (None, None) => self.out.push_str("reflect.Value"),
        }
    }

    /// Prints one operand (Go's `printArg`).
    pub(crate) fn print_arg(&mut self, arg: &Value, verb: char) {
        match arg {
            Value::Invalid | Value::Nil(Type::ReflectValue) => {
                // A zero reflect.Value operand.
                match verb {
                    'T' => self.fmt_s("reflect.Value"),
                    'p' => self
                        .out
                        .push_str("%!p(reflect.Value=<invalid reflect.Value>)"),
                    _ => self.out.push_str("<invalid reflect.Value>"),
                }
                return;
            }
            _ if is_nil_interface(arg) => {
                match verb {
                    'T' | 'v' => self.pad_str("<nil>"),
                    _ => self.bad_verb(verb, None),
                }
                return;
            }
            _ => {}
        }
        match verb {
            'T' => {
                let t = arg.go_type().map(|t| t.to_string()).unwrap_or_default();
                return self.fmt_s(&t);
            }
            'p' => return self.fmt_pointer(arg, None, 'p'),
            _ => {}
        }
        match arg {
            Value::Bool(_)
            | Value::Int(..)
            | Value::Uint(..)
            | Value::Float(..)
            | Value::Complex(..)
            | Value::String(_) => self.print_value(arg, None, verb, 0, true),
            // []byte is formatted directly, and knows itself as "[]byte" for %#v.
            Value::Bytes(b) => {
                if !self.fmt_bytes(b, false, verb, &"[]byte") {
                    self.print_value(arg, None, verb, 0, true);
                }
            }
            Value::Nil(t) if is_plain_byte_slice(t) => {
                if !self.fmt_bytes(&[], true, verb, &"[]byte") {
                    self.print_value(arg, None, verb, 0, true);
                }
            }
            Value::List(l) if is_plain_byte_slice(l.go_type()) && list_bytes(l).is_some() => {
                let bytes = list_bytes(l).unwrap_or_default();
                if !self.fmt_bytes(&bytes, false, verb, &"[]byte") {
                    self.print_value(arg, None, verb, 0, true);
                }
            }
            _ => {
                if !self.handle_methods(arg, verb) {
                    self.print_value(arg, None, verb, 0, true);
                }
            }
        }
    }

    /// Go's use of `Error()`/`String()` methods and its `%w` check; true if it printed.
    fn handle_methods(&mut self, v: &Value, mut verb: char) -> bool {
        if self.erroring {
            return false;
        }
        if verb == 'w' {
            // %w is only for errors in fmt.Errorf, where it means %v; everywhere else
            // it is a bad verb.
            if !(self.wrap_errs && is_error(v)) {
                self.bad_verb(verb, Some((v, None)));
                return true;
            }
            verb = 'v';
        }
        if let Value::Object(o) = v
            && !self.f.sharp_v
            && matches!(verb, 'v' | 's' | 'x' | 'X' | 'q')
            && let Some(s) = o.display()
        {
            self.fmt_string(&s, verb, None);
            return true;
        }
        false
    }

    /// `%!verb(type=value)`, or `%!verb(<nil>)` without a typed value.
    fn bad_verb(&mut self, verb: char, v: Option<(&Value, Option<&Type>)>) {
        let erroring = self.erroring;
        self.erroring = true;
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push('(');
        match v {
            Some((v, named)) if !v.is_invalid() && !is_nil_interface(v) => {
                self.push_type_of(v, named);
                self.out.push('=');
                self.print_value(v, named, 'v', 0, true);
            }
            _ => self.out.push_str("<nil>"),
        }
        self.out.push(')');
        self.erroring = erroring;
    }

    /// `%!verb(T=value)` for the struct a pointer points to.
    fn bad_pointee(&mut self, verb: char, ty: &Type, fields: &[(String, Value)]) {
        let erroring = self.erroring;
        self.erroring = true;
        let _ = write!(self.out, "%!{verb}({ty}=");
        self.print_struct(ty, fields, 'v', 0, true);
        self.out.push(')');
        self.erroring = erroring;
    }

    /// Prints a value reached at `depth` (Go's `printValue`). `named` is the named type
    /// the value is an instance of, when `v` is the underlying value of a named type.
    /// `exported` is false inside unexported struct fields, whose methods Go cannot call.
    pub(super) fn print_value(
        &mut self,
        v: &Value,
        named: Option<&Type>,
        verb: char,
        depth: usize,
        exported: bool,
    ) {
        if depth > 0
            && exported
            && named.is_none()
            && !is_nil_interface(v)
            && self.handle_methods(v, verb)
        {
            return;
        }
        if depth > MAX_DEPTH {
            self.out.push_str("...");
            return;
        }
        if matches!(v, Value::List(_) | Value::Map(_) | Value::Object(_)) {
            // Containers recurse; make sure the stack can take it.
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                self.print_value_kind(v, named, verb, depth, exported);
            });
        } else {
            self.print_value_kind(v, named, verb, depth, exported);
        }
    }

    fn print_value_kind(
        &mut self,
        v: &Value,
        named: Option<&Type>,
        verb: char,
        depth: usize,
        exported: bool,
    ) {
        match v {
            Value::Invalid => {
                if depth == 0 {
                    self.out.push_str("<invalid reflect.Value>");
                } else if verb == 'v' {
                    self.out.push_str("<nil>");
                } else {
                    self.bad_verb(verb, None);
                }
            }
            Value::Nil(t) => self.print_nil(v, t, named, verb, depth),
            Value::Bool(b) => match verb {
                't' | 'v' => self.fmt_boolean(*b),
                _ => self.bad_verb(verb, Some((v, named))),
            },
            Value::Int(i, _) => self.fmt_int_verb(*i as u64, true, verb, Some((v, named))),
            Value::Uint(u, _) => self.fmt_int_verb(*u, false, verb, Some((v, named))),
            Value::Float(x, k) => self.fmt_float_verb(*x, float_bits(*k), verb, (v, named)),
            Value::Complex(re, im, k) => {
                self.fmt_complex(*re, *im, float_bits(*k), verb, (v, named))
            }
            Value::String(s) => self.fmt_string(s, verb, Some((v, named))),
            Value::Bytes(b) => {
                let ty = named
                    .cloned()
                    .unwrap_or_else(|| Type::slice_of(Type::Uint(UintKind::U8)));
                if matches!(verb, 's' | 'q' | 'x' | 'X') {
                    self.fmt_bytes(b, false, verb, &ty);
                } else {
                    self.print_items(&ty, Items::Bytes(b), None, verb, depth, exported);
                }
            }
            Value::List(l) => {
                let ty = named.unwrap_or(l.go_type());
                if matches!(verb, 's' | 'q' | 'x' | 'X')
                    && has_byte_elems(ty)
                    && let Some(bytes) = list_bytes(l)
                {
                    self.fmt_bytes(&bytes, false, verb, ty);
                    return;
                }
                let elem = ty.elem();
                self.print_items(ty, Items::Values(l.items()), elem, verb, depth, exported);
            }
            Value::Map(m) => self.print_map(m, named, verb, depth, exported),
            Value::Object(o) => self.print_object(v, o, verb, depth, exported),
            Value::Func(_) => self.fmt_pointer(v, named, verb),
        }
    }

    /// A nil of a pointer, map, slice, func or interface type.
    fn print_nil(&mut self, v: &Value, t: &Type, named: Option<&Type>, verb: char, depth: usize) {
        let ty = named.unwrap_or(t);
        match t.kind() {
            Kind::Interface => {
                if self.f.sharp_v {
                    let _ = write!(self.out, "{ty}(nil)");
                } else {
                    self.out.push_str("<nil>");
                }
            }
            Kind::Map => {
                if self.f.sharp_v {
                    let _ = write!(self.out, "{ty}(nil)");
                } else {
                    self.out.push_str("map[]");
                }
            }
            Kind::Slice => {
                if matches!(verb, 's' | 'q' | 'x' | 'X') && has_byte_elems(ty) {
                    self.fmt_bytes(&[], true, verb, ty);
                } else if self.f.sharp_v {
                    let _ = write!(self.out, "{ty}(nil)");
                } else {
                    self.out.push_str("[]");
                }
            }
            Kind::Ptr | Kind::Func => self.fmt_pointer(v, named, verb),
            _ if matches!(t, Type::ReflectValue) => {
                // A nil reflect.Value is the invalid value.
                self.print_value_kind(&Value::Invalid, None, verb, depth, true);
            }
            _ => self.out.push_str("<nil>"),
        }
    }

    /// Slice elements: `[a b]`, or `T{a, b}` for `%#v`.
    fn print_items(
        &mut self,
        ty: &Type,
        items: Items<'_>,
        elem: Option<&Type>,
        verb: char,
        depth: usize,
        exported: bool,
    ) {
        let sharp_v = self.f.sharp_v;
        if sharp_v {
            let _ = write!(self.out, "{ty}{{");
        } else {
            self.out.push('[');
        }
        let n = match items {
            Items::Values(v) => v.len(),
            Items::Bytes(b) => b.len(),
        };
        for i in 0..n {
            if i > 0 {
                self.out.push_str(if sharp_v { ", " } else { " " });
            }
            match items {
                Items::Values(v) => {
                    let item = &v[i];
                    self.print_value(item, slot_type(elem, item), verb, depth + 1, exported);
                }
                Items::Bytes(b) => {
                    let item = Value::Uint(u64::from(b[i]), UintKind::U8);
                    self.print_value(&item, None, verb, depth + 1, exported);
                }
            }
        }
        self.out.push(if sharp_v { '}' } else { ']' });
    }

    /// A map, sorted by key: `map[a:1 b:2]`, or `T{"a":1, "b":2}` for `%#v`.
    fn print_map(
        &mut self,
        m: &Map,
        named: Option<&Type>,
        verb: char,
        depth: usize,
        exported: bool,
    ) {
        let ty = named.unwrap_or(m.go_type()).clone();
        let sharp_v = self.f.sharp_v;
        if sharp_v {
            let _ = write!(self.out, "{ty}{{");
        } else {
            self.out.push_str("map[");
        }
        if self.active_maps.iter().any(|a| a.ptr_eq(m)) {
            // The map contains itself; Go would recurse until the stack overflows.
            self.out.push_str("...");
        } else {
            self.active_maps.push(m.clone());
            let (key_ty, elem_ty) = (ty.key(), ty.elem());
            for (i, (k, val)) in m.entries().into_iter().enumerate() {
                if i > 0 {
                    self.out.push_str(if sharp_v { ", " } else { " " });
                }
                let key = Value::String(k);
                self.print_value(&key, slot_type(key_ty, &key), verb, depth + 1, exported);
                self.out.push(':');
                self.print_value(&val, slot_type(elem_ty, &val), verb, depth + 1, exported);
            }
            self.active_maps.pop();
        }
        self.out.push(if sharp_v { '}' } else { ']' });
    }

    /// A host object: a struct, a pointer, or a named type printed as its underlying value.
    fn print_object(
        &mut self,
        v: &Value,
        o: &Arc<dyn Object>,
        verb: char,
        depth: usize,
        exported: bool,
    ) {
        let ty = o.go_type();
        match ty.kind() {
            Kind::Ptr => {
                // At the top level a pointer to a struct, map or slice shows what it
                // points to, behind '&'; deeper down it is an address (Go's guard
                // against pointer cycles).
                if depth == 0
                    && let Some(elem) = ty.elem()
                {
                    match elem.kind() {
                        Kind::Struct => {
                            self.out.push('&');
                            if verb == 'w' {
                                // Only Errorf lets %w get here, with an error whose
                                // `%#w` is not a string; its target is an operand of
                                // its own, which %w does not accept.
                                self.bad_pointee(verb, elem, &o.fields());
                            } else {
                                self.print_struct(elem, &o.fields(), verb, depth + 1, exported);
                            }
                            return;
                        }
                        Kind::Map | Kind::Slice => {
                            if let Some(u) = o.underlying() {
                                self.out.push('&');
                                self.print_value(&u, Some(elem), verb, depth + 1, exported);
                                return;
                            }
                        }
                        _ => {}
                    }
                }
                self.fmt_pointer(v, None, verb);
            }
            Kind::Struct => self.print_struct(&ty, &o.fields(), verb, depth, exported),
            Kind::Func => self.fmt_pointer(v, None, verb),
            _ => match o.underlying() {
                Some(u) => self.print_value(&u, Some(&ty), verb, depth, exported),
                None => {
                    let _ = write!(self.out, "?{ty}?");
                }
            },
        }
    }

    /// Prints what the pointer object `o` points to, as the top-level operand (for
    /// template actions, which follow pointers before printing). False when `o` is not
    /// a pointer, has a `String`/`Error` method, or its target is out of reach.
    pub(super) fn print_pointee(&mut self, o: &Arc<dyn Object>) -> bool {
        let ty = o.go_type();
        let Some(elem) = ty.elem().filter(|_| ty.kind() == Kind::Ptr) else {
            return false;
        };
        if o.display().is_some() {
            return false;
        }
        match elem.kind() {
            Kind::Struct => self.print_struct(elem, &o.fields(), 'v', 0, true),
            _ => match o.underlying() {
                Some(u) => self.print_value(&u, Some(elem), 'v', 0, true),
                None => return false,
            },
        }
        true
    }

    /// Struct fields: `{a b}`, `{A:a B:b}` for `%+v`, `T{A:a, B:b}` for `%#v`.
    fn print_struct(
        &mut self,
        ty: &Type,
        fields: &[(String, Value)],
        verb: char,
        depth: usize,
        exported: bool,
    ) {
        let sharp_v = self.f.sharp_v;
        if sharp_v {
            let _ = write!(self.out, "{ty}");
        }
        self.out.push('{');
        for (i, (name, val)) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push_str(if sharp_v { ", " } else { " " });
            }
            if (self.f.plus_v || sharp_v) && !name.is_empty() {
                self.out.push_str(name);
                self.out.push(':');
            }
            self.print_value(val, None, verb, depth + 1, exported && is_exported(name));
        }
        self.out.push('}');
    }

    /// Pointer-like values: maps, slices, funcs and pointers (Go's `fmtPointer`).
    fn fmt_pointer(&mut self, v: &Value, named: Option<&Type>, verb: char) {
        let Some(addr) = pointer_of(v) else {
            return self.bad_verb(verb, Some((v, named)));
        };
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.out.push('(');
                    self.push_type_of(v, named);
                    self.out.push_str(")(");
                    if addr == 0 {
                        self.out.push_str("nil");
                    } else {
                        self.fmt_0x64(addr, true);
                    }
                    self.out.push(')');
                } else if addr == 0 {
                    self.pad_str("<nil>");
                } else {
                    self.fmt_0x64(addr, !self.f.sharp);
                }
            }
            'p' => self.fmt_0x64(addr, !self.f.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_int_verb(addr, false, verb, None),
            _ => self.bad_verb(verb, Some((v, named))),
        }
    }

    /// An integer under `verb` (Go's `pp.fmtInteger`).
    fn fmt_int_verb(
        &mut self,
        u: u64,
        signed: bool,
        verb: char,
        v: Option<(&Value, Option<&Type>)>,
    ) {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt_0x64(u, true);
                } else {
                    self.fmt_integer(u, Base::Dec, signed, verb);
                }
            }
            'd' => self.fmt_integer(u, Base::Dec, signed, verb),
            'b' => self.fmt_integer(u, Base::Bin, signed, verb),
            'o' | 'O' => self.fmt_integer(u, Base::Oct, signed, verb),
            'x' => self.fmt_integer(u, Base::Hex, signed, verb),
            'X' => self.fmt_integer(u, Base::UpperHex, signed, verb),
            'c' => self.fmt_c(u),
            'q' => self.fmt_qc(u),
            'U' => self.fmt_unicode(u),
            _ => self.bad_verb(verb, v),
        }
    }

    /// A float under `verb`, with each verb's default precision.
    fn fmt_float_verb(&mut self, x: f64, size: u32, verb: char, v: (&Value, Option<&Type>)) {
        match verb {
            'v' => self.fmt_float(x, size, 'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float(x, size, verb, -1),
            'f' | 'e' | 'E' => self.fmt_float(x, size, verb, 6),
            'F' => self.fmt_float(x, size, 'f', 6),
            _ => self.bad_verb(verb, Some(v)),
        }
    }

    /// A complex number: `(re+imi)`, each part formatted as a float.
    fn fmt_complex(&mut self, re: f64, im: f64, size: u32, verb: char, v: (&Value, Option<&Type>)) {
        match verb {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let plus = self.f.plus;
                self.out.push('(');
                self.fmt_float_verb(re, size, verb, v);
                // The imaginary part always shows its sign.
                self.f.plus = true;
                self.fmt_float_verb(im, size, verb, v);
                self.out.push_str("i)");
                self.f.plus = plus;
            }
            _ => self.bad_verb(verb, Some(v)),
        }
    }

    /// A string under `verb`.
    fn fmt_string(&mut self, s: &str, verb: char, v: Option<(&Value, Option<&Type>)>) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s);
                } else {
                    self.fmt_s(s);
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s.as_bytes(), false),
            'X' => self.fmt_sbx(s.as_bytes(), true),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, v),
        }
    }

    /// A byte slice under `verb`; false for verbs it leaves to element-wise printing.
    fn fmt_bytes(
        &mut self,
        b: &[u8],
        is_nil: bool,
        verb: char,
        type_name: &dyn std::fmt::Display,
    ) -> bool {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    let _ = write!(self.out, "{type_name}");
                    if is_nil {
                        self.out.push_str("(nil)");
                        return true;
                    }
                    self.out.push('{');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str(", ");
                        }
                        self.fmt_0x64(u64::from(c), true);
                    }
                    self.out.push('}');
                } else {
                    self.out.push('[');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.out.push(' ');
                        }
                        self.fmt_integer(u64::from(c), Base::Dec, false, verb);
                    }
                    self.out.push(']');
                }
            }
            's' => self.fmt_bs(b),
            'x' => self.fmt_sbx(b, false),
            'X' => self.fmt_sbx(b, true),
            'q' => self.fmt_q_bytes(b),
            _ => return false,
        }
        true
    }
}
