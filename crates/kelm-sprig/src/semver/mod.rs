//! Semantic versions: `semver` and `semverCompare`, with Masterminds/semver v3.4.0's
//! parsing, constraint language and error texts (Helm 4.1.4 builds Sprig with v3.4.0).
//!
//! `semver` returns a `*semver.Version` object whose methods templates call
//! (`(semver "1.2.3").Major`, `.Compare`, `.IncMinor`...).

mod constraint;
mod version;

use std::any::Any;
use std::cmp::Ordering;
use std::sync::{Arc, LazyLock};

use kelm_gotmpl::{Call, FuncError, Function, IntKind, Object, Signature, Type, UintKind, Value};

use self::constraint::Constraints;
use self::version::Version;

/// `semver.Version`.
static VERSION: LazyLock<Type> = LazyLock::new(|| Type::struct_named("semver.Version"));
/// `*semver.Version`.
static VERSION_PTR: LazyLock<Type> = LazyLock::new(|| Type::ptr_to(VERSION.clone()));

/// Helm's `IsCompatibleRange`: whether `version` parses as a semantic version and
/// satisfies `constraint` (which must parse too), with Masterminds/semver's rules.
pub fn is_compatible_range(constraint: &str, version: &str) -> bool {
    let Ok(v) = Version::parse(version) else {
        return false;
    };
    Constraints::parse(constraint).is_ok_and(|c| c.check(&v))
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        Function::new(
            "semver",
            Signature::new(vec![Type::String], VERSION_PTR.clone()).with_error(),
            |_, a| {
                let v = Version::parse(str_arg(&a[0])).map_err(FuncError::new)?;
                Ok(version_value(v, true))
            },
        ),
        Function::new(
            "semverCompare",
            Signature::new(vec![Type::String, Type::String], Type::Bool).with_error(),
            |_, a| {
                let c = Constraints::parse(str_arg(&a[0])).map_err(FuncError::new)?;
                let v = Version::parse(str_arg(&a[1])).map_err(FuncError::new)?;
                Ok(Value::Bool(c.check(&v)))
            },
        ),
    ]
}

fn str_arg(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

fn version_value(v: Version, ptr: bool) -> Value {
    Value::Object(Arc::new(VersionObj { v, ptr }))
}

/// Go's panic for calling through a nil `*Version`, as `text/template` reports it.
const NIL_DEREFERENCE: &str = "runtime error: invalid memory address or nil pointer dereference";

/// The `*semver.Version` argument of a comparison method; `None` for a nil pointer.
fn version_arg(v: &Value) -> Option<&Version> {
    match v {
        Value::Object(o) => {
            let any: &dyn Any = o.as_ref();
            any.downcast_ref::<VersionObj>().map(|o| &o.v)
        }
        _ => None,
    }
}

/// The text of the `semver.Version` or `*semver.Version` in `v`, as its `String`,
/// `MarshalJSON` and `MarshalText` methods give it; `None` for other values.
pub(crate) fn version_text(v: &Value) -> Option<String> {
    version_arg(v).map(Version::to_go_string)
}

/// A `*semver.Version` (from `semver`), or a `semver.Version` value (from `IncPatch`
/// and the like), which has only the value-receiver methods.
#[derive(Debug)]
struct VersionObj {
    v: Version,
    ptr: bool,
}

impl Object for VersionObj {
    fn go_type(&self) -> Type {
        if self.ptr {
            VERSION_PTR.clone()
        } else {
            VERSION.clone()
        }
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        let u64_ = || Type::Uint(UintKind::U64);
        let bytes = || Type::slice_of(Type::Uint(UintKind::U8));
        let sig = match name {
            // Value receivers.
            "String" | "Prerelease" | "Metadata" => Signature::new(vec![], Type::String),
            "Major" | "Minor" | "Patch" => Signature::new(vec![], u64_()),
            "IncPatch" | "IncMinor" | "IncMajor" => Signature::new(vec![], VERSION.clone()),
            "SetPrerelease" | "SetMetadata" => {
                Signature::new(vec![Type::String], VERSION.clone()).with_error()
            }
            "MarshalJSON" | "MarshalText" => Signature::new(vec![], bytes()).with_error(),
            "Value" => Signature::new(vec![], Type::Any).with_error(),
            // Pointer receivers: not reachable from a `Version` value.
            _ if !self.ptr => return None,
            "Original" => Signature::new(vec![], Type::String),
            "LessThan" | "LessThanEqual" | "GreaterThan" | "GreaterThanEqual" | "Equal" => {
                Signature::new(vec![VERSION_PTR.clone()], Type::Bool)
            }
            "Compare" => Signature::new(vec![VERSION_PTR.clone()], Type::Int(IntKind::Int)),
            _ => return None,
        };
        Some(Arc::new(sig))
    }

    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        let v = &self.v;
        let arg = args.first().unwrap_or(&Value::Invalid);
        let cmp = || -> Result<Ordering, FuncError> {
            version_arg(arg)
                .map(|o| v.compare(o))
                .ok_or_else(|| FuncError::new(NIL_DEREFERENCE))
        };
        Ok(match name {
            "String" => Value::from(v.to_go_string()),
            "Prerelease" => Value::from(v.pre.as_str()),
            "Metadata" => Value::from(v.metadata.as_str()),
            "Original" => Value::from(v.original.as_str()),
            "Major" => Value::Uint(v.major, UintKind::U64),
            "Minor" => Value::Uint(v.minor, UintKind::U64),
            "Patch" => Value::Uint(v.patch, UintKind::U64),
            "IncPatch" => version_value(v.inc_patch(), false),
            "IncMinor" => version_value(v.inc_minor(), false),
            "IncMajor" => version_value(v.inc_major(), false),
            "SetPrerelease" => version_value(
                v.set_prerelease(str_arg(arg)).map_err(FuncError::new)?,
                false,
            ),
            "SetMetadata" => {
                version_value(v.set_metadata(str_arg(arg)).map_err(FuncError::new)?, false)
            }
            // A version string needs no JSON escaping.
            "MarshalJSON" => Value::Bytes(format!("\"{}\"", v.to_go_string()).into_bytes().into()),
            "MarshalText" => Value::Bytes(v.to_go_string().into_bytes().into()),
            "Value" => Value::from(v.to_go_string()),
            "LessThan" => Value::Bool(cmp()? == Ordering::Less),
            "LessThanEqual" => Value::Bool(cmp()? != Ordering::Greater),
            "GreaterThan" => Value::Bool(cmp()? == Ordering::Greater),
            "GreaterThanEqual" => Value::Bool(cmp()? != Ordering::Less),
            // Equal checks for nil itself.
            "Equal" => Value::Bool(version_arg(arg).is_some_and(|o| v.compare(o).is_eq())),
            "Compare" => Value::int(match cmp()? {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            }),
            _ => return Err(FuncError::new(format!("method {name} not implemented"))),
        })
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        self.fields()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| (v, false))
    }

    fn fields(&self) -> Vec<(String, Value)> {
        let v = &self.v;
        vec![
            ("major".to_string(), Value::Uint(v.major, UintKind::U64)),
            ("minor".to_string(), Value::Uint(v.minor, UintKind::U64)),
            ("patch".to_string(), Value::Uint(v.patch, UintKind::U64)),
            ("pre".to_string(), Value::from(v.pre.as_str())),
            ("metadata".to_string(), Value::from(v.metadata.as_str())),
            ("original".to_string(), Value::from(v.original.as_str())),
        ]
    }

    fn display(&self) -> Option<String> {
        Some(self.v.to_go_string())
    }
}

#[cfg(test)]
mod tests;
