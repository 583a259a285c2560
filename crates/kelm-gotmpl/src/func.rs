//! Functions a host registers, and the context they run in.
//!
//! A Go template function has a typed signature, and the executor converts arguments to
//! it with Go's rules (a constant `3` becomes an `int`, a `float64` value passed to an
//! `int` parameter is an error). So each [`Function`] declares a [`Signature`], and its
//! body receives arguments already converted.
//!
//! Functions such as Helm's `include` and `tpl` run templates themselves; [`Call`] gives
//! them that power over the template set being executed.

use std::fmt;
use std::sync::Arc;

use crate::Error;
use crate::value::{Type, Value};

/// The Go signature of a function or method.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Parameter types; when `variadic`, the last one is a slice type `[]T`.
    pub params: Vec<Type>,
    /// Whether the last parameter is variadic (`...T`).
    pub variadic: bool,
    /// Result types: one value, optionally followed by `error`.
    pub results: Vec<Type>,
}

impl Signature {
    /// A signature with fixed parameters and one result.
    pub fn new(params: Vec<Type>, result: Type) -> Signature {
        Signature {
            params,
            variadic: false,
            results: vec![result],
        }
    }

    /// A signature whose last parameter is `...elem`, with one result.
    pub fn variadic(mut fixed: Vec<Type>, elem: Type, result: Type) -> Signature {
        fixed.push(Type::slice_of(elem));
        Signature {
            params: fixed,
            variadic: true,
            results: vec![result],
        }
    }

    /// Adds an `error` result.
    pub fn with_error(mut self) -> Signature {
        self.results.push(Type::Error);
        self
    }
}

impl fmt::Display for Signature {
    /// Formats as Go's `reflect.Type.String()` for func types: `func(int, ...string) (string, error)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("func(")?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if self.variadic && i + 1 == self.params.len() {
                match p.elem() {
                    Some(e) => write!(f, "...{e}")?,
                    None => write!(f, "...{p}")?,
                }
            } else {
                write!(f, "{p}")?;
            }
        }
        f.write_str(")")?;
        match self.results.len() {
            0 => Ok(()),
            1 => write!(f, " {}", self.results[0]),
            _ => {
                f.write_str(" (")?;
                for (i, r) in self.results.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{r}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// The error a function returns; the executor reports it as `error calling NAME: MESSAGE`.
///
/// Like a Go error, it may wrap another: Helm's `include` returns the template error of
/// the template it ran as its own ([`FuncError::from`] an [`Error`]), and `tpl` wraps
/// one in a message of its own ([`FuncError::wrapping`]). Hosts that report errors the
/// way Helm does walk that chain ([`std::error::Error::source`], Go's `errors.Unwrap`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuncError {
    message: String,
    /// The template error this one is (`message` is then its text) or wraps.
    source: Option<Error>,
}

impl FuncError {
    /// An error with this message (what Go's `err.Error()` would return).
    pub fn new(message: impl Into<String>) -> FuncError {
        FuncError {
            message: message.into(),
            source: None,
        }
    }

    /// An error with this message wrapping a template error (Go's
    /// `fmt.Errorf("...: %w", err)`); `message` is the whole text, usually ending with
    /// the wrapped error's.
    pub fn wrapping(message: impl Into<String>, source: Error) -> FuncError {
        FuncError {
            message: message.into(),
            source: Some(source),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The template error this error is or wraps, if any.
    pub fn template_error(&self) -> Option<&Error> {
        self.source.as_ref()
    }
}

impl fmt::Display for FuncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FuncError {
    /// The template error this one is or wraps. When the function returned a template
    /// error as it is (Go's `return err`), that error has the same text as this one.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}

impl From<Error> for FuncError {
    /// The template error itself, returned by a function (as Helm's `include` returns
    /// what `ExecuteTemplate` gave it).
    fn from(e: Error) -> FuncError {
        FuncError {
            message: e.to_string(),
            source: Some(e),
        }
    }
}

/// The body of a function: converted arguments in, a value or an error out.
///
/// Variadic arguments arrive flattened after the fixed ones (`f a b c` with signature
/// `func(string, ...int)` receives three values), each converted to the element type.
pub type FuncImpl = dyn Fn(&mut Call<'_>, &[Value]) -> Result<Value, FuncError> + Send + Sync;

/// A named function with a Go signature.
#[derive(Clone)]
pub struct Function {
    name: Arc<str>,
    sig: Arc<Signature>,
    imp: Arc<FuncImpl>,
}

impl Function {
    /// A function called `name` with signature `sig`.
    pub fn new(
        name: impl Into<Arc<str>>,
        sig: Signature,
        imp: impl Fn(&mut Call<'_>, &[Value]) -> Result<Value, FuncError> + Send + Sync + 'static,
    ) -> Function {
        Function {
            name: name.into(),
            sig: Arc::new(sig),
            imp: Arc::new(imp),
        }
    }

    /// The function's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The function's signature.
    pub fn signature(&self) -> &Arc<Signature> {
        &self.sig
    }

    /// Runs the function body.
    pub fn invoke(&self, call: &mut Call<'_>, args: &[Value]) -> Result<Value, FuncError> {
        (self.imp)(call, args)
    }
}

impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Function({} {})", self.name, self.sig)
    }
}

/// What the executor offers a running function.
pub(crate) trait Host {
    fn execute_template(&mut self, name: &str, data: &Value) -> Result<String, Error>;
    fn parse_and_execute(&mut self, name: &str, text: &str, data: &Value) -> Result<String, Error>;
    fn depth(&self) -> usize;
    fn set_name(&self) -> &str;
}

/// The context of a function call: lets functions such as `include` and `tpl` run
/// templates of the set being executed.
pub struct Call<'a> {
    pub(crate) host: Option<&'a mut dyn Host>,
}

impl<'a> Call<'a> {
    /// A context with no template set behind it (for calling functions outside execution).
    pub fn detached() -> Call<'static> {
        Call { host: None }
    }

    /// Executes the template `name` of the current set with `data` as dot and returns
    /// its output (Go's `ExecuteTemplate` into a buffer).
    pub fn execute_template(&mut self, name: &str, data: &Value) -> Result<String, Error> {
        match self.host.as_deref_mut() {
            Some(h) => h.execute_template(name, data),
            None => Err(Error::exec_plain(format!(
                "template: no template {name:?} associated with a detached call"
            ))),
        }
    }

    /// How many template executions started by functions (such as `include`) enclose this
    /// call; 0 when called from the top-level execution. Hosts use it to bound recursion.
    pub fn depth(&self) -> usize {
        self.host.as_deref().map_or(0, |h| h.depth())
    }

    /// The name of the main template of the set being executed (Go's `t.Name()` for the
    /// template a function is bound to; Helm's `tpl` names its templates so). Empty for
    /// a detached call.
    pub fn set_name(&self) -> &str {
        self.host.as_deref().map_or("", |h| h.set_name())
    }

    /// Parses `text` as a new template called `name` in a copy of the current set (so its
    /// `define`s are visible only to this execution), executes it with `data` and returns
    /// the output, as Helm's `tpl` does.
    pub fn parse_and_execute(
        &mut self,
        name: &str,
        text: &str,
        data: &Value,
    ) -> Result<String, Error> {
        match self.host.as_deref_mut() {
            Some(h) => h.parse_and_execute(name, text, data),
            None => Err(Error::exec_plain(
                "template: cannot parse a template from a detached call".to_string(),
            )),
        }
    }
}
