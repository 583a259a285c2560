//! The values templates see, modelled on what Go's reflection shows `text/template`.
//!
//! Go's output depends on Go types, not only on data: `%T` prints `[]interface {}`,
//! `%d` of a `float64` prints `%!d(float64=3)`, a missing key in a `map[string]string`
//! yields `""` but in a `map[string]interface{}` yields nil. So every [`Value`] knows
//! its Go [`Type`]. Scalars carry their kind inline; lists and maps carry their type
//! next to their items.
//!
//! Maps are shared and mutable (Sprig's `set` changes a map every holder sees, as in Go);
//! lists are shared and immutable (no Go template function mutates a slice in place).
//! Cloning a [`Value`] never copies a tree: it bumps a reference count.

use std::fmt;
use std::sync::Arc;

use crate::func::{Call, FuncError, Function, Signature};

mod collections;

pub use collections::{List, Map};

/// Size variants of Go's signed integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntKind {
    /// `int` (64 bits, as on every platform Helm ships for).
    Int,
    /// `int8`.
    I8,
    /// `int16`.
    I16,
    /// `int32` (also `rune`).
    I32,
    /// `int64`.
    I64,
}

impl IntKind {
    /// `i` converted to this kind as Go converts integers: keeping the low bits.
    pub(crate) fn wrap(self, i: i64) -> i64 {
        match self {
            IntKind::I8 => i64::from(i as i8),
            IntKind::I16 => i64::from(i as i16),
            IntKind::I32 => i64::from(i as i32),
            IntKind::Int | IntKind::I64 => i,
        }
    }
}

/// Size variants of Go's unsigned integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UintKind {
    /// `uint`.
    Uint,
    /// `uint8` (also `byte`).
    U8,
    /// `uint16`.
    U16,
    /// `uint32`.
    U32,
    /// `uint64`.
    U64,
    /// `uintptr`.
    Uintptr,
}

impl UintKind {
    /// `u` converted to this kind as Go converts integers: keeping the low bits.
    pub(crate) fn wrap(self, u: u64) -> u64 {
        match self {
            UintKind::U8 => u64::from(u as u8),
            UintKind::U16 => u64::from(u as u16),
            UintKind::U32 => u64::from(u as u32),
            UintKind::Uint | UintKind::U64 | UintKind::Uintptr => u,
        }
    }
}

/// Size variants of Go's floats; for complex numbers, the size of each part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FloatKind {
    /// `float32` (or `complex64`).
    F32,
    /// `float64` (or `complex128`).
    F64,
}

/// A named Go type: a name and the type it is defined over.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NamedType {
    /// The name as `%T` prints it, e.g. `common.Values` or `*main.T` is spelled with `Ptr`.
    pub name: String,
    /// The underlying type.
    pub underlying: Type,
}

/// A Go type, as far as templates can observe it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// `interface {}` (`any`).
    Any,
    /// `bool`.
    Bool,
    /// A signed integer type.
    Int(IntKind),
    /// An unsigned integer type.
    Uint(UintKind),
    /// A float type.
    Float(FloatKind),
    /// A complex type (`Complex(F64)` is `complex128`).
    Complex(FloatKind),
    /// `string`.
    String,
    /// The `error` interface.
    Error,
    /// `reflect.Value`: a parameter of this type receives the argument unconverted
    /// (Go's builtins such as `index` and `len` are declared this way).
    ReflectValue,
    /// `[]T`.
    Slice(Arc<Type>),
    /// `map[K]V`.
    Map(Arc<(Type, Type)>),
    /// `*T`.
    Ptr(Arc<Type>),
    /// A function type.
    Func(Arc<Signature>),
    /// A struct type, known by its qualified name (e.g. `main.T`).
    Struct(Arc<String>),
    /// A defined (named) type over another type, e.g. `type Values map[string]interface{}`.
    Named(Arc<NamedType>),
}

/// Go's `reflect.Kind`, reduced to the kinds templates distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// No value at all.
    Invalid,
    /// `bool`.
    Bool,
    /// Signed integers.
    Int,
    /// Unsigned integers.
    Uint,
    /// Floats.
    Float,
    /// Complex numbers.
    Complex,
    /// Strings.
    String,
    /// Slices (including `[]byte`).
    Slice,
    /// Maps.
    Map,
    /// Pointers.
    Ptr,
    /// Functions.
    Func,
    /// Structs.
    Struct,
    /// Interfaces (only a nil interface has this kind as a value).
    Interface,
}

impl Type {
    /// `[]interface {}`.
    pub fn slice_of_any() -> Type {
        Type::Slice(Arc::new(Type::Any))
    }

    /// `[]T`.
    pub fn slice_of(elem: Type) -> Type {
        Type::Slice(Arc::new(elem))
    }

    /// `map[string]interface {}`.
    pub fn map_of_any() -> Type {
        Type::Map(Arc::new((Type::String, Type::Any)))
    }

    /// `map[K]V`.
    pub fn map_of(key: Type, elem: Type) -> Type {
        Type::Map(Arc::new((key, elem)))
    }

    /// `*T`.
    pub fn ptr_to(elem: Type) -> Type {
        Type::Ptr(Arc::new(elem))
    }

    /// A named type.
    pub fn named(name: impl Into<String>, underlying: Type) -> Type {
        Type::Named(Arc::new(NamedType {
            name: name.into(),
            underlying,
        }))
    }

    /// A struct type.
    pub fn struct_named(name: impl Into<String>) -> Type {
        Type::Struct(Arc::new(name.into()))
    }

    /// The type with names stripped (Go's underlying type).
    pub fn underlying(&self) -> &Type {
        let mut t = self;
        while let Type::Named(n) = t {
            t = &n.underlying;
        }
        t
    }

    /// The reflect kind of the type.
    pub fn kind(&self) -> Kind {
        match self.underlying() {
            Type::Any | Type::Error => Kind::Interface,
            Type::Bool => Kind::Bool,
            Type::Int(_) => Kind::Int,
            Type::Uint(_) => Kind::Uint,
            Type::Float(_) => Kind::Float,
            Type::Complex(_) => Kind::Complex,
            Type::String => Kind::String,
            Type::ReflectValue | Type::Struct(_) => Kind::Struct,
            Type::Slice(_) => Kind::Slice,
            Type::Map(_) => Kind::Map,
            Type::Ptr(_) => Kind::Ptr,
            Type::Func(_) => Kind::Func,
            Type::Named(_) => unreachable!("underlying() strips names"),
        }
    }

    /// Element type of a slice, map or pointer type.
    pub fn elem(&self) -> Option<&Type> {
        match self.underlying() {
            Type::Slice(e) | Type::Ptr(e) => Some(e),
            Type::Map(kv) => Some(&kv.1),
            _ => None,
        }
    }

    /// Key type of a map type.
    pub fn key(&self) -> Option<&Type> {
        match self.underlying() {
            Type::Map(kv) => Some(&kv.0),
            _ => None,
        }
    }

    /// Whether a nil of this type exists (Go's `canBeNil`, which also admits `reflect.Value`).
    pub fn can_be_nil(&self) -> bool {
        matches!(
            self.kind(),
            Kind::Interface | Kind::Slice | Kind::Map | Kind::Ptr | Kind::Func
        ) || matches!(self.underlying(), Type::ReflectValue)
    }

    /// Whether the type is a named (defined) type; Go's assignability rules depend on it.
    pub fn is_named(&self) -> bool {
        !matches!(
            self,
            Type::Slice(_) | Type::Map(_) | Type::Ptr(_) | Type::Func(_)
        )
    }

    /// Go's assignability of a value of type `self` to a variable of type `to`, for the
    /// types templates meet: identical types; interface targets (`any`, and `error` for
    /// types that implement it); identical underlying types when one side is unnamed.
    pub fn assignable_to(&self, to: &Type) -> bool {
        if self == to {
            return true;
        }
        match to {
            Type::Any => return true,
            Type::Error => return false,
            _ => {}
        }
        if (!self.is_named() || !to.is_named()) && self.underlying() == to.underlying() {
            return true;
        }
        false
    }

    /// The zero value of the type (Go's `reflect.Zero`).
    pub fn zero(&self) -> Value {
        match self.underlying() {
            Type::Bool => Value::Bool(false),
            Type::Int(k) => Value::Int(0, *k),
            Type::Uint(k) => Value::Uint(0, *k),
            Type::Float(k) => Value::Float(0.0, *k),
            Type::Complex(k) => Value::Complex(0.0, 0.0, *k),
            Type::String => Value::String("".into()),
            _ => Value::Nil(self.clone()),
        }
    }
}

impl fmt::Display for Type {
    /// Formats the type as Go's `reflect.Type.String()` does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Any => f.write_str("interface {}"),
            Type::Bool => f.write_str("bool"),
            Type::Int(k) => f.write_str(match k {
                IntKind::Int => "int",
                IntKind::I8 => "int8",
                IntKind::I16 => "int16",
                IntKind::I32 => "int32",
                IntKind::I64 => "int64",
            }),
            Type::Uint(k) => f.write_str(match k {
                UintKind::Uint => "uint",
                UintKind::U8 => "uint8",
                UintKind::U16 => "uint16",
                UintKind::U32 => "uint32",
                UintKind::U64 => "uint64",
                UintKind::Uintptr => "uintptr",
            }),
            Type::Float(FloatKind::F32) => f.write_str("float32"),
            Type::Float(FloatKind::F64) => f.write_str("float64"),
            Type::Complex(FloatKind::F32) => f.write_str("complex64"),
            Type::Complex(FloatKind::F64) => f.write_str("complex128"),
            Type::String => f.write_str("string"),
            Type::Error => f.write_str("error"),
            Type::ReflectValue => f.write_str("reflect.Value"),
            Type::Slice(e) => write!(f, "[]{e}"),
            Type::Map(kv) => write!(f, "map[{}]{}", kv.0, kv.1),
            Type::Ptr(e) => write!(f, "*{e}"),
            Type::Func(sig) => write!(f, "{sig}"),
            Type::Struct(name) => f.write_str(name),
            Type::Named(n) => f.write_str(&n.name),
        }
    }
}

/// A host-provided value with Go methods and fields, such as Helm's `.Files` or
/// `.Capabilities`.
///
/// Go consults methods first, then struct fields, then (for named map types) map keys;
/// the executor follows that order using these hooks. Every method has a default, so
/// an implementation provides only what its Go counterpart has.
///
/// Objects are `Any`, so the host that made one can recover its own type from a value
/// passed back to it (`let a: &dyn Any = &*obj; a.downcast_ref::<MyObj>()`), as Go code
/// type-asserts an `interface{}` argument.
pub trait Object: std::any::Any + Send + Sync + fmt::Debug {
    /// The Go type, as `%T` prints it (`*chartutil.Capabilities`, `main.T`, ...).
    fn go_type(&self) -> Type;

    /// The signature of the method `name`, if the type has one.
    fn method(&self, _name: &str) -> Option<Arc<Signature>> {
        None
    }

    /// Calls the method `name`; arguments were already converted to its parameter types.
    fn call_method(
        &self,
        name: &str,
        _args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        Err(FuncError::new(format!("method {name} not implemented")))
    }

    /// The struct field `name`, with whether it is exported.
    fn field(&self, _name: &str) -> Option<(Value, bool)> {
        None
    }

    /// All struct fields in declaration order, for printing (`{a b}`, `{A:a B:b}`).
    fn fields(&self) -> Vec<(String, Value)> {
        Vec::new()
    }

    /// For a named non-struct type (a map, slice or scalar with methods): its value as
    /// the underlying type, used for `len`, `index`, `range`, truth and printing.
    fn underlying(&self) -> Option<Value> {
        None
    }

    /// The result of the type's `Error()` or `String()` method, which `fmt` prints in
    /// place of the value for `%v`, `%s`, `%q`, `%x` and `%X`.
    fn display(&self) -> Option<String> {
        None
    }

    /// What a template action (`{{ .X }}`) prints for the value when only the pointer
    /// type has a `String()` or `Error()` method and the value is addressable (a struct
    /// field reached through a pointer): Go's `printableValue` takes its address and
    /// prints through that method, while functions receiving the value (`print`,
    /// `quote`) see the plain struct.
    fn addressable_display(&self) -> Option<String> {
        None
    }

    /// The value `encoding/json` marshals in place of this object, when that is not its
    /// exported fields under their Go names (JSON field tags, `omitempty`).
    fn json_value(&self) -> Option<Value> {
        None
    }
}

/// A value as a template sees it.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// No value (Go's invalid `reflect.Value`); prints as `<no value>`.
    #[default]
    Invalid,
    /// A nil of the given type: a nil interface (`Type::Any`), pointer, map, slice or func.
    Nil(Type),
    /// A `bool`.
    Bool(bool),
    /// A signed integer of the given kind.
    Int(i64, IntKind),
    /// An unsigned integer of the given kind.
    Uint(u64, UintKind),
    /// A float of the given kind (a `float32` is stored widened).
    Float(f64, FloatKind),
    /// A complex number: real part, imaginary part, size of each part.
    Complex(f64, f64, FloatKind),
    /// A `string`.
    String(Arc<str>),
    /// A `[]byte`.
    Bytes(Arc<[u8]>),
    /// A slice.
    List(List),
    /// A map.
    Map(Map),
    /// A host object (struct, pointer to struct, or named type with methods).
    Object(Arc<dyn Object>),
    /// A function value, callable with `call`.
    Func(Function),
}

impl Value {
    /// A Go `int`.
    pub fn int(i: i64) -> Value {
        Value::Int(i, IntKind::Int)
    }

    /// A Go `int64`.
    pub fn int64(i: i64) -> Value {
        Value::Int(i, IntKind::I64)
    }

    /// A Go `float64`.
    pub fn float64(f: f64) -> Value {
        Value::Float(f, FloatKind::F64)
    }

    /// A Go `string`.
    pub fn string(s: impl Into<Arc<str>>) -> Value {
        Value::String(s.into())
    }

    /// A nil interface value (what a YAML `null` becomes).
    pub fn nil() -> Value {
        Value::Nil(Type::Any)
    }

    /// Whether this is the invalid value.
    pub fn is_invalid(&self) -> bool {
        matches!(self, Value::Invalid)
    }

    /// The value's Go type; `None` for the invalid value.
    pub fn go_type(&self) -> Option<Type> {
        Some(match self {
            Value::Invalid => return None,
            Value::Nil(t) => t.clone(),
            Value::Bool(_) => Type::Bool,
            Value::Int(_, k) => Type::Int(*k),
            Value::Uint(_, k) => Type::Uint(*k),
            Value::Float(_, k) => Type::Float(*k),
            Value::Complex(_, _, k) => Type::Complex(*k),
            Value::String(_) => Type::String,
            Value::Bytes(_) => Type::slice_of(Type::Uint(UintKind::U8)),
            Value::List(l) => l.go_type().clone(),
            Value::Map(m) => m.go_type().clone(),
            Value::Object(o) => o.go_type(),
            Value::Func(f) => Type::Func(f.signature().clone()),
        })
    }

    /// The value's reflect kind.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Invalid => Kind::Invalid,
            Value::Nil(t) => t.kind(),
            Value::Bool(_) => Kind::Bool,
            Value::Int(..) => Kind::Int,
            Value::Uint(..) => Kind::Uint,
            Value::Float(..) => Kind::Float,
            Value::Complex(..) => Kind::Complex,
            Value::String(_) => Kind::String,
            Value::Bytes(_) | Value::List(_) => Kind::Slice,
            Value::Map(_) => Kind::Map,
            Value::Object(o) => o.go_type().kind(),
            Value::Func(_) => Kind::Func,
        }
    }

    /// Whether the value is a nil of some type.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil(_))
    }

    /// For an object of a named non-struct type, its underlying value; otherwise the
    /// value itself. Kind-based operations (`len`, `index`, `range`, truth) use this.
    pub fn resolve(&self) -> std::borrow::Cow<'_, Value> {
        if let Value::Object(o) = self
            && let Some(u) = o.underlying()
        {
            return std::borrow::Cow::Owned(u);
        }
        std::borrow::Cow::Borrowed(self)
    }

    /// Go's truth (`if`, `with`, `and`, `or`, `not`): `None` for values Go cannot judge.
    pub fn truth(&self) -> Option<bool> {
        Some(match self {
            Value::Invalid => false,
            Value::Nil(t) => {
                if matches!(t.kind(), Kind::Struct) {
                    return Some(true);
                }
                false
            }
            Value::Bool(b) => *b,
            Value::Int(i, _) => *i != 0,
            Value::Uint(u, _) => *u != 0,
            Value::Float(f, _) => *f != 0.0,
            Value::Complex(r, i, _) => *r != 0.0 || *i != 0.0,
            Value::String(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Func(_) => true,
            Value::Object(o) => match o.underlying() {
                Some(u) => return u.truth(),
                None => true,
            },
        })
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s.into())
    }
}

impl From<Arc<str>> for Value {
    fn from(s: Arc<str>) -> Value {
        Value::String(s)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f, FloatKind::F64)
    }
}

impl From<i64> for Value {
    /// An `int64`, as Helm's `--set` produces.
    fn from(i: i64) -> Value {
        Value::Int(i, IntKind::I64)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Map(m)
    }
}

impl From<List> for Value {
    fn from(l: List) -> Value {
        Value::List(l)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::List(List::new(v))
    }
}

/// Whether Go's `==` accepts values like `v` (maps, slices and funcs it refuses, and
/// structs holding them).
pub(crate) fn comparable(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Bytes(_) | Value::Map(_) | Value::Func(_) => false,
        Value::Nil(t) => !matches!(t.kind(), Kind::Slice | Kind::Map | Kind::Func),
        Value::Object(o) => match o.go_type().kind() {
            Kind::Ptr => true,
            _ => match o.underlying() {
                Some(u) => comparable(&u),
                None => o.fields().iter().all(|(_, f)| comparable(f)),
            },
        },
        _ => true,
    }
}

/// Go's `==` on two comparable values of any types (different types are unequal).
pub(crate) fn go_equal(a: &Value, b: &Value) -> bool {
    if a.go_type() != b.go_type() {
        return false;
    }
    match (a, b) {
        (Value::Invalid, Value::Invalid) => true,
        (Value::Nil(_), Value::Nil(_)) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x, _), Value::Int(y, _)) => x == y,
        (Value::Uint(x, _), Value::Uint(y, _)) => x == y,
        (Value::Float(x, _), Value::Float(y, _)) => x == y,
        (Value::Complex(r1, i1, _), Value::Complex(r2, i2, _)) => r1 == r2 && i1 == i2,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => {
            if x.go_type().kind() == Kind::Ptr {
                return Arc::ptr_eq(x, y);
            }
            match (x.underlying(), y.underlying()) {
                (Some(u), Some(w)) => go_equal(&u, &w),
                _ => {
                    let (fx, fy) = (x.fields(), y.fields());
                    fx.len() == fy.len()
                        && fx.iter().zip(&fy).all(|((_, p), (_, q))| go_equal(p, q))
                }
            }
        }
        _ => false,
    }
}
