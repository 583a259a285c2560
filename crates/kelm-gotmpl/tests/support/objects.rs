//! Test types (kept in step with `tools/gotmpl-oracle/types.go`): the struct `main.T` as a
//! value and as `*main.T`, and named types with methods like Helm's `.Files`,
//! `.Capabilities` and `Values`.
//!
//! Go decides which methods a value has from its type and whether it is addressable (a
//! pointer-receiver method is reachable on a struct reached through a pointer). The API
//! has no notion of addressability, so the objects here carry that fact themselves.

use std::sync::Arc;

use kelm_gotmpl::{Call, FuncError, IntKind, Map, Object, Signature, Type, UintKind, Value};

use super::data::string_list;
use super::funcs;

fn string_t() -> Type {
    Type::String
}

fn int_t() -> Type {
    Type::Int(IntKind::Int)
}

fn sig(params: Vec<Type>, result: Type) -> Arc<Signature> {
    Arc::new(Signature::new(params, result))
}

fn s_arg(args: &[Value], i: usize) -> Result<&str, FuncError> {
    match args.get(i) {
        Some(Value::String(s)) => Ok(s),
        other => Err(FuncError::new(format!(
            "test harness: argument {i} is not a string: {other:?}"
        ))),
    }
}

fn i_arg(args: &[Value], i: usize) -> Result<i64, FuncError> {
    match args.get(i) {
        Some(Value::Int(n, _)) => Ok(*n),
        other => Err(FuncError::new(format!(
            "test harness: argument {i} is not an int: {other:?}"
        ))),
    }
}

fn b_arg(args: &[Value], i: usize) -> Result<bool, FuncError> {
    match args.get(i) {
        Some(Value::Bool(b)) => Ok(*b),
        other => Err(FuncError::new(format!(
            "test harness: argument {i} is not a bool: {other:?}"
        ))),
    }
}

/// The items of a variadic argument: the engine passes them flattened after the fixed
/// arguments.
pub fn packed(args: &[Value], i: usize) -> Result<Vec<Value>, FuncError> {
    Ok(args.get(i..).unwrap_or_default().to_vec())
}

// ---------------------------------------------------------------------------------------
// main.T

/// `main.T`.
pub fn t_type() -> Type {
    Type::struct_named("main.T")
}

/// `*main.T`.
pub fn ptr_t_type() -> Type {
    Type::ptr_to(t_type())
}

/// `func(string) string`, the type of `T.Fn`.
pub fn fn_field_signature() -> Signature {
    Signature::new(vec![string_t()], string_t())
}

/// The fields of a `T`.
#[derive(Debug, Clone)]
pub struct TData {
    pub s: String,
    pub i: i64,
    pub f: f64,
    pub b: bool,
    pub l: Value,
    pub sl: Value,
    pub m: Value,
    pub sm: Value,
    pub p: Value,
    pub any: Value,
    pub func: Value,
    pub private: String,
}

impl Default for TData {
    fn default() -> Self {
        TData {
            s: String::new(),
            i: 0,
            f: 0.0,
            b: false,
            l: Value::Nil(Type::slice_of_any()),
            sl: Value::Nil(Type::slice_of(string_t())),
            m: Value::Nil(Type::map_of_any()),
            sm: Value::Nil(Type::map_of(string_t(), string_t())),
            p: Value::Nil(ptr_t_type()),
            any: Value::nil(),
            func: Value::Nil(Type::Func(Arc::new(fn_field_signature()))),
            private: String::new(),
        }
    }
}

/// A `T` (`ptr == false`) or a `*T` (`ptr == true`).
#[derive(Debug, Clone)]
pub struct TObj {
    data: Arc<TData>,
    ptr: bool,
}

/// A `main.T` value.
pub fn t_value(t: TData) -> Value {
    Value::Object(Arc::new(TObj {
        data: Arc::new(t),
        ptr: false,
    }))
}

/// A `*main.T`.
pub fn t_ptr(t: TData) -> Value {
    Value::Object(Arc::new(TObj {
        data: Arc::new(t),
        ptr: true,
    }))
}

/// Whether `v` is a `*main.T` (nil or not).
pub fn is_t_ptr(v: &Value) -> bool {
    v.go_type() == Some(ptr_t_type())
}

impl TObj {
    fn method_sig(&self, name: &str) -> Option<Arc<Signature>> {
        Some(match name {
            "Hello" | "Panic" => sig(vec![], string_t()),
            "Greet" => sig(vec![string_t()], string_t()),
            "Add" => sig(vec![int_t(), int_t()], int_t()),
            "Join" => Arc::new(Signature::variadic(
                vec![string_t()],
                string_t(),
                string_t(),
            )),
            "Maybe" => Arc::new(Signature::new(vec![Type::Bool], string_t()).with_error()),
            "PtrHello" if self.ptr => sig(vec![], string_t()),
            "Self" => sig(vec![], t_type()),
            "Nil" => sig(vec![], ptr_t_type()),
            "Func" => sig(vec![], Type::Func(Arc::new(fn_field_signature()))),
            _ => return None,
        })
    }
}

impl Object for TObj {
    fn go_type(&self) -> Type {
        if self.ptr { ptr_t_type() } else { t_type() }
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        self.method_sig(name)
    }

    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        let t = &self.data;
        Ok(match name {
            "Hello" => Value::from(format!("hello, {}", t.s)),
            "Greet" => Value::from(format!("{} greets {}", t.s, s_arg(args, 0)?)),
            "Add" => Value::int(
                i_arg(args, 0)?
                    .wrapping_add(i_arg(args, 1)?)
                    .wrapping_add(t.i),
            ),
            "Join" => {
                let sep = s_arg(args, 0)?.to_string();
                let parts = packed(args, 1)?;
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| match p {
                        Value::String(s) => Ok(s.to_string()),
                        other => Err(FuncError::new(format!(
                            "test harness: not a string: {other:?}"
                        ))),
                    })
                    .collect::<Result<_, _>>()?;
                Value::from(parts.join(&sep))
            }
            "Maybe" => {
                if b_arg(args, 0)? {
                    return Err(FuncError::new("Maybe failed"));
                }
                Value::from("maybe ok")
            }
            "PtrHello" if self.ptr => Value::from(format!("ptr hello, {}", t.s)),
            "Self" => Value::Object(Arc::new(TObj {
                data: self.data.clone(),
                ptr: false,
            })),
            "Nil" => Value::Nil(ptr_t_type()),
            "Panic" => return Err(FuncError::new("method panicked")),
            "Func" => Value::Func(funcs::func_value("upper").expect("upper exists")),
            _ => return Err(FuncError::new(format!("test harness: no method {name}"))),
        })
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        let t = &self.data;
        Some(match name {
            "S" => (Value::from(t.s.as_str()), true),
            "I" => (Value::int(t.i), true),
            "F" => (Value::float64(t.f), true),
            "B" => (Value::Bool(t.b), true),
            "L" => (t.l.clone(), true),
            "SL" => (t.sl.clone(), true),
            "M" => (t.m.clone(), true),
            "SM" => (t.sm.clone(), true),
            "P" => (t.p.clone(), true),
            "Any" => (t.any.clone(), true),
            "Fn" => (t.func.clone(), true),
            "priv" => (Value::from(t.private.as_str()), false),
            _ => return None,
        })
    }

    fn fields(&self) -> Vec<(String, Value)> {
        [
            "S", "I", "F", "B", "L", "SL", "M", "SM", "P", "Any", "Fn", "priv",
        ]
        .iter()
        .map(|n| (n.to_string(), self.field(n).expect("field exists").0))
        .collect()
    }
}

// ---------------------------------------------------------------------------------------
// main.Name, main.Num, errors

/// `main.Name`: a string type with a `String` method.
#[derive(Debug)]
pub struct NameObj(String);

/// A `main.Name`.
pub fn name_value(s: &str) -> Value {
    Value::Object(Arc::new(NameObj(s.to_string())))
}

impl Object for NameObj {
    fn go_type(&self) -> Type {
        Type::named("main.Name", string_t())
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "String").then(|| sig(vec![], string_t()))
    }
    fn call_method(&self, name: &str, _: &[Value], _: &mut Call<'_>) -> Result<Value, FuncError> {
        match name {
            "String" => Ok(Value::from(self.display().unwrap_or_default())),
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn underlying(&self) -> Option<Value> {
        Some(Value::from(self.0.as_str()))
    }
    fn display(&self) -> Option<String> {
        Some(format!("Name({})", self.0))
    }
}

/// `main.Num`: an int type with a method.
#[derive(Debug)]
pub struct NumObj(i64);

/// A `main.Num`.
pub fn num_value(n: i64) -> Value {
    Value::Object(Arc::new(NumObj(n)))
}

impl Object for NumObj {
    fn go_type(&self) -> Type {
        Type::named("main.Num", int_t())
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "Double").then(|| sig(vec![], int_t()))
    }
    fn call_method(&self, name: &str, _: &[Value], _: &mut Call<'_>) -> Result<Value, FuncError> {
        match name {
            "Double" => Ok(Value::int(self.0.wrapping_mul(2))),
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn underlying(&self) -> Option<Value> {
        Some(Value::int(self.0))
    }
}

/// What `errors.New` returns: a `*errors.errorString`.
#[derive(Debug)]
pub struct ErrorObj(String);

/// An error value made by `errors.New(msg)`.
pub fn error_value(msg: &str) -> Value {
    Value::Object(Arc::new(ErrorObj(msg.to_string())))
}

impl Object for ErrorObj {
    fn go_type(&self) -> Type {
        Type::ptr_to(Type::struct_named("errors.errorString"))
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "Error").then(|| sig(vec![], string_t()))
    }
    fn call_method(&self, name: &str, _: &[Value], _: &mut Call<'_>) -> Result<Value, FuncError> {
        match name {
            "Error" => Ok(Value::from(self.0.as_str())),
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn field(&self, name: &str) -> Option<(Value, bool)> {
        (name == "s").then(|| (Value::from(self.0.as_str()), false))
    }
    fn fields(&self) -> Vec<(String, Value)> {
        vec![("s".to_string(), Value::from(self.0.as_str()))]
    }
    fn display(&self) -> Option<String> {
        Some(self.0.clone())
    }
}

// ---------------------------------------------------------------------------------------
// main.Values

/// `main.Values`, like Helm's `common.Values`: `map[string]interface {}` with methods.
#[derive(Debug)]
pub struct ValuesObj(Map);

/// A `main.Values` over `m` (a `map[string]interface {}`).
pub fn values_value(m: Map) -> Value {
    Value::Object(Arc::new(ValuesObj(m)))
}

fn values_type() -> Type {
    Type::named("main.Values", Type::map_of_any())
}

impl Object for ValuesObj {
    fn go_type(&self) -> Type {
        values_type()
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        match name {
            "AsMap" => Some(sig(vec![], Type::map_of_any())),
            "Table" => Some(Arc::new(
                Signature::new(vec![string_t()], values_type()).with_error(),
            )),
            _ => None,
        }
    }
    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        match name {
            "AsMap" => Ok(Value::Map(self.0.clone())),
            "Table" => {
                let key = s_arg(args, 0)?;
                match self.0.get(key) {
                    Some(Value::Map(m)) if *m.go_type() == Type::map_of_any() => {
                        Ok(values_value(m))
                    }
                    Some(v @ Value::Object(_)) if v.go_type() == Some(values_type()) => Ok(v),
                    _ => Err(FuncError::new(format!(
                        "{} is not a table",
                        kelm_gotmpl::strconv::quote(key)
                    ))),
                }
            }
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn underlying(&self) -> Option<Value> {
        Some(Value::Map(self.0.clone()))
    }
}

// ---------------------------------------------------------------------------------------
// main.Files

fn bytes_t() -> Type {
    Type::slice_of(Type::Uint(UintKind::U8))
}

fn files_type() -> Type {
    Type::named("main.Files", Type::map_of(string_t(), bytes_t()))
}

/// `main.Files`, like Helm's `.Files`: `map[string][]uint8` with methods.
#[derive(Debug)]
pub struct FilesObj(Map);

/// A `main.Files` holding these files.
pub fn files_value(files: Vec<(String, Vec<u8>)>) -> Value {
    let m = Map::with_type(Type::map_of(string_t(), bytes_t()));
    for (k, v) in files {
        m.insert(k, Value::Bytes(Arc::from(v)));
    }
    Value::Object(Arc::new(FilesObj(m)))
}

impl FilesObj {
    fn get_bytes(&self, name: &str) -> Arc<[u8]> {
        match self.0.get(name) {
            Some(Value::Bytes(b)) => b,
            _ => Arc::from(Vec::new()),
        }
    }
}

impl Object for FilesObj {
    fn go_type(&self) -> Type {
        files_type()
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        Some(match name {
            "GetBytes" => sig(vec![string_t()], bytes_t()),
            "Get" => sig(vec![string_t()], string_t()),
            "Glob" => sig(vec![string_t()], files_type()),
            "Lines" => sig(vec![string_t()], Type::slice_of(string_t())),
            _ => return None,
        })
    }
    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        let arg = s_arg(args, 0)?;
        match name {
            "GetBytes" => Ok(Value::Bytes(self.get_bytes(arg))),
            "Get" => Ok(Value::from(
                String::from_utf8_lossy(&self.get_bytes(arg)).into_owned(),
            )),
            "Glob" => {
                let mut files = Vec::new();
                for (k, v) in self.0.entries() {
                    if path_match(arg, &k)
                        && let Value::Bytes(b) = v
                    {
                        files.push((k.to_string(), b.to_vec()));
                    }
                }
                Ok(files_value(files))
            }
            "Lines" => {
                let Some(Value::Bytes(b)) = self.0.get(arg) else {
                    return Ok(string_list(&[]));
                };
                if b.is_empty() {
                    return Err(FuncError::new("runtime error: index out of range [-1]"));
                }
                let mut s = String::from_utf8_lossy(&b).into_owned();
                if s.ends_with('\n') {
                    s.pop();
                }
                let lines: Vec<String> = s.split('\n').map(str::to_string).collect();
                Ok(string_list(&lines))
            }
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn underlying(&self) -> Option<Value> {
        Some(Value::Map(self.0.clone()))
    }
}

/// Go's `path.Match`, for well-formed patterns; a malformed one matches nothing.
pub fn path_match(pattern: &str, name: &str) -> bool {
    fn class(p: &[char], c: char) -> Option<(bool, usize)> {
        // p starts after '['; returns (matched, chars consumed including ']').
        let mut i = 0;
        let negate = p.first() == Some(&'^');
        if negate {
            i += 1;
        }
        let mut matched = false;
        let mut first = true;
        loop {
            let &ch = p.get(i)?;
            if ch == ']' && !first {
                return Some((matched != negate, i + 1));
            }
            first = false;
            let lo = if ch == '\\' {
                i += 1;
                *p.get(i)?
            } else {
                ch
            };
            i += 1;
            let mut hi = lo;
            if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|&x| x != ']') {
                i += 1;
                hi = if p[i] == '\\' {
                    i += 1;
                    *p.get(i)?
                } else {
                    p[i]
                };
                i += 1;
            }
            if lo <= c && c <= hi {
                matched = true;
            }
        }
    }
    fn m(p: &[char], n: &[char]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some('*') => {
                let rest = &p[1..];
                for k in 0..=n.len() {
                    if k > 0 && n[k - 1] == '/' {
                        break;
                    }
                    if m(rest, &n[k..]) {
                        return true;
                    }
                }
                false
            }
            Some(&pc) => {
                let Some((&c, nrest)) = n.split_first() else {
                    return false;
                };
                match pc {
                    '?' => c != '/' && m(&p[1..], nrest),
                    '[' => match class(&p[1..], c) {
                        Some((true, used)) => c != '/' && m(&p[1 + used..], nrest),
                        _ => false,
                    },
                    '\\' => p.get(1) == Some(&c) && m(&p[2..], nrest),
                    _ => pc == c && m(&p[1..], nrest),
                }
            }
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    m(&p, &n)
}

// ---------------------------------------------------------------------------------------
// *main.Capabilities, main.KubeVersion, main.VersionSet

/// The data of a `*main.Capabilities`.
#[derive(Debug, Clone, Default)]
pub struct CapsData {
    pub version: String,
    pub normalized: String,
    pub major: String,
    pub minor: String,
    pub api_versions: Vec<String>,
}

/// `*main.Capabilities`.
#[derive(Debug)]
pub struct CapsObj(Arc<CapsData>);

/// A `*main.Capabilities`.
pub fn caps_value(c: CapsData) -> Value {
    Value::Object(Arc::new(CapsObj(Arc::new(c))))
}

impl CapsObj {
    fn kube_version(&self, addressable: bool) -> Value {
        Value::Object(Arc::new(KubeVersionObj {
            caps: self.0.clone(),
            addressable,
        }))
    }
    fn api_versions(&self) -> Value {
        Value::Object(Arc::new(VersionSetObj(self.0.api_versions.clone())))
    }
}

impl Object for CapsObj {
    fn go_type(&self) -> Type {
        Type::ptr_to(Type::struct_named("main.Capabilities"))
    }
    fn field(&self, name: &str) -> Option<(Value, bool)> {
        match name {
            // Reached through the pointer, the field is addressable.
            "KubeVersion" => Some((self.kube_version(true), true)),
            "APIVersions" => Some((self.api_versions(), true)),
            _ => None,
        }
    }
    fn fields(&self) -> Vec<(String, Value)> {
        // fmt prints copies of the fields, which are not addressable.
        vec![
            ("KubeVersion".to_string(), self.kube_version(false)),
            ("APIVersions".to_string(), self.api_versions()),
        ]
    }
}

/// `main.KubeVersion`, whose methods have pointer receivers: only an addressable one
/// (reached through the `*Capabilities`) has them.
#[derive(Debug)]
pub struct KubeVersionObj {
    caps: Arc<CapsData>,
    addressable: bool,
}

impl KubeVersionObj {
    fn string(&self) -> String {
        if self.caps.normalized.is_empty() {
            self.caps.version.clone()
        } else {
            self.caps.normalized.clone()
        }
    }
}

impl Object for KubeVersionObj {
    fn go_type(&self) -> Type {
        Type::struct_named("main.KubeVersion")
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        match name {
            "String" | "GitVersion" if self.addressable => Some(sig(vec![], string_t())),
            _ => None,
        }
    }
    fn call_method(&self, name: &str, _: &[Value], _: &mut Call<'_>) -> Result<Value, FuncError> {
        match name {
            "String" if self.addressable => Ok(Value::from(self.string())),
            "GitVersion" if self.addressable => Ok(Value::from(self.caps.version.as_str())),
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn field(&self, name: &str) -> Option<(Value, bool)> {
        let c = &self.caps;
        Some(match name {
            "Version" => (Value::from(c.version.as_str()), true),
            "normalizedVersion" => (Value::from(c.normalized.as_str()), false),
            "Major" => (Value::from(c.major.as_str()), true),
            "Minor" => (Value::from(c.minor.as_str()), true),
            _ => return None,
        })
    }
    fn fields(&self) -> Vec<(String, Value)> {
        ["Version", "normalizedVersion", "Major", "Minor"]
            .iter()
            .map(|n| (n.to_string(), self.field(n).expect("field exists").0))
            .collect()
    }
    fn display(&self) -> Option<String> {
        self.addressable.then(|| self.string())
    }
}

/// `main.VersionSet`: `[]string` with a `Has` method.
#[derive(Debug)]
pub struct VersionSetObj(Vec<String>);

impl Object for VersionSetObj {
    fn go_type(&self) -> Type {
        Type::named("main.VersionSet", Type::slice_of(string_t()))
    }
    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "Has").then(|| sig(vec![string_t()], Type::Bool))
    }
    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        match name {
            "Has" => {
                let v = s_arg(args, 0)?;
                Ok(Value::Bool(self.0.iter().any(|x| x == v)))
            }
            _ => Err(FuncError::new(format!("test harness: no method {name}"))),
        }
    }
    fn underlying(&self) -> Option<Value> {
        Some(string_list(&self.0))
    }
}
