//! Go's `text/template` and `fmt`, reimplemented in Rust with Go's output and errors.
//!
//! Helm charts are Go templates, and users compare what kelm prints with what Helm
//! printed, byte for byte: float formatting (`1e+06`), map printing (`map[a:1]`), error
//! texts (`template: x:3:4: executing "x" at <.a.b>: nil pointer evaluating
//! interface {}.b`). This crate reproduces Go 1.25's `text/template` (the Go Helm 4 is
//! built with) and the parts of `fmt` and `strconv` templates reach. It knows nothing of
//! Helm, YAML or Kubernetes: hosts bring their data as [`Value`]s, their objects through
//! the [`Object`] trait and their functions as [`Function`]s.
//!
//! ```
//! use kelm_gotmpl::{Template, Value, Map, MissingKey};
//!
//! let mut t = Template::new("demo");
//! t.missing_key(MissingKey::Zero);
//! t.parse(r#"{{ range $k, $v := . }}{{ $k }}={{ $v }} {{ end }}"#).unwrap();
//! let data = Map::from_entries([("b", Value::float64(1e6)), ("a", Value::from("x"))]);
//! let mut out = String::new();
//! t.execute(&Value::Map(data), &mut out).unwrap();
//! assert_eq!(out, "a=x b=1e+06 ");
//! ```
//!
//! A parsed [`Template`] is immutable during execution and can be executed any number
//! of times, from several threads; execution borrows the data and never copies it.

pub mod ast;
mod builtins;
mod error;
mod exec;
pub mod func;
pub mod gofmt;
mod lex;
mod parse;
pub mod value;

/// Go's `strconv` (re-exported: hosts quote and format numbers as templates do).
pub use kelm_strconv as strconv;

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::Arc;

pub use error::{Error, ErrorKind, ExecLocation};
pub use func::{Call, FuncError, Function, Signature};
pub use value::{FloatKind, IntKind, Kind, List, Map, NamedType, Object, Type, UintKind, Value};

/// What a field lookup on a map yields when the key is absent (Go's `missingkey` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingKey {
    /// `missingkey=default` (or `invalid`): no value, printed as `<no value>`.
    #[default]
    Default,
    /// `missingkey=zero`: the zero value of the map's element type (Helm's setting).
    Zero,
    /// `missingkey=error`: execution stops with an error.
    Error,
}

/// Go's limit on nested `{{template}}` calls within one execution.
pub const DEFAULT_MAX_EXEC_DEPTH: usize = 100_000;

/// A set of named templates sharing functions and options, like Go's `*template.Template`
/// together with the templates associated with it.
#[derive(Clone)]
pub struct Template {
    name: String,
    trees: HashMap<String, Arc<ast::Tree>>,
    /// The main template's own tree. Go keeps it apart from the set: `t.New(t.Name())`
    /// makes a second template of the same name, which replaces the set's entry but not
    /// this one, so `Execute` and `ExecuteTemplate(t.Name())` can differ.
    main: Option<Arc<ast::Tree>>,
    funcs: Arc<FxHashMap<String, Function>>,
    left_delim: String,
    right_delim: String,
    missing_key: MissingKey,
    max_exec_depth: usize,
    max_steps: u64,
}

impl Template {
    /// A new, empty set whose main template is called `name`.
    pub fn new(name: impl Into<String>) -> Template {
        Template {
            name: name.into(),
            trees: HashMap::new(),
            main: None,
            funcs: Arc::new(FxHashMap::default()),
            left_delim: "{{".to_string(),
            right_delim: "}}".to_string(),
            missing_key: MissingKey::Default,
            max_exec_depth: DEFAULT_MAX_EXEC_DEPTH,
            max_steps: u64::MAX,
        }
    }

    /// The name of the main template.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Sets the action delimiters for later parses; empty strings mean the defaults.
    pub fn delims(&mut self, left: &str, right: &str) -> &mut Template {
        self.left_delim = if left.is_empty() { "{{" } else { left }.to_string();
        self.right_delim = if right.is_empty() { "}}" } else { right }.to_string();
        self
    }

    /// Sets what a missing map key yields.
    pub fn missing_key(&mut self, mk: MissingKey) -> &mut Template {
        self.missing_key = mk;
        self
    }

    /// Applies a Go option string such as `missingkey=zero`.
    pub fn option(&mut self, opt: &str) -> Result<&mut Template, String> {
        let mk = match opt.split_once('=') {
            Some(("missingkey", "invalid" | "default")) => MissingKey::Default,
            Some(("missingkey", "zero")) => MissingKey::Zero,
            Some(("missingkey", "error")) => MissingKey::Error,
            Some(("missingkey", _)) => return Err(format!("unrecognized option: {opt}")),
            _ if opt.is_empty() => return Err("empty option string".to_string()),
            _ => return Err(format!("unrecognized option: {opt}")),
        };
        Ok(self.missing_key(mk))
    }

    /// Limits nested `{{template}}` calls (Go's is 100000; hosts under test may lower it).
    pub fn max_exec_depth(&mut self, depth: usize) -> &mut Template {
        self.max_exec_depth = depth;
        self
    }

    /// Bounds the work one execution may do, counted in nodes walked and loop iterations,
    /// including executions started by functions such as `include`. Go has no such limit
    /// (the default is unlimited); a host running untrusted templates sets one.
    pub fn max_steps(&mut self, steps: u64) -> &mut Template {
        self.max_steps = steps;
        self
    }

    /// Registers a function, replacing any of the same name (including a builtin).
    pub fn add_func(&mut self, f: Function) -> &mut Template {
        Arc::make_mut(&mut self.funcs).insert(f.name().to_string(), f);
        self
    }

    /// Registers several functions.
    pub fn add_funcs(&mut self, fs: impl IntoIterator<Item = Function>) -> &mut Template {
        let map = Arc::make_mut(&mut self.funcs);
        for f in fs {
            map.insert(f.name().to_string(), f);
        }
        self
    }

    /// Parses `text` as the main template (Go's `t.Parse(text)`); its `define`s join the set.
    pub fn parse(&mut self, text: &str) -> Result<&mut Template, Error> {
        let name = self.name.clone();
        self.parse_into(&name, text, true)?;
        Ok(self)
    }

    /// Parses `text` as the template `name` of this set (Go's `t.New(name).Parse(text)`).
    ///
    /// As in Go, a later definition replaces an earlier one of the same name, unless the
    /// later one is empty (only whitespace and comments).
    pub fn parse_named(&mut self, name: &str, text: &str) -> Result<&mut Template, Error> {
        self.parse_into(name, text, false)?;
        Ok(self)
    }

    /// Parses into the set; returns the tree this parse made for `name` (the tree Go's
    /// new template object holds, whether or not it replaced the set's entry).
    pub(crate) fn parse_into(
        &mut self,
        name: &str,
        text: &str,
        is_main: bool,
    ) -> Result<Option<Arc<ast::Tree>>, Error> {
        let funcs = &self.funcs;
        let has_function = |f: &str| funcs.contains_key(f) || builtins::is_builtin(f);
        let opts = parse::Options {
            left_delim: &self.left_delim,
            right_delim: &self.right_delim,
            has_function: &has_function,
            keep_comments: false,
            skip_func_check: false,
        };
        let trees = parse::parse(name, text, &opts)?;
        let mut own = None;
        for tree in trees {
            let tree = Arc::new(tree);
            if tree.name == name {
                own = Some(tree.clone());
            }
            let replace = match self.trees.get(&tree.name) {
                Some(old) => !ast::is_empty_list(&tree.root) || ast::is_empty_list(&old.root),
                None => true,
            };
            if replace {
                self.trees.insert(tree.name.clone(), tree.clone());
            }
            if is_main && tree.name == self.name && (replace || self.main.is_none()) {
                self.main = Some(tree);
            }
        }
        Ok(own)
    }

    /// The parsed template called `name`.
    pub fn lookup(&self, name: &str) -> Option<&Arc<ast::Tree>> {
        self.trees.get(name)
    }

    /// Names of all templates in the set, sorted.
    pub fn template_names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.trees.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// Executes the main template with `data` as dot, appending output to `out`.
    ///
    /// On error, `out` holds what was written before the failure, as Go's writer would.
    pub fn execute(&self, data: &Value, out: &mut String) -> Result<(), Error> {
        exec::execute(self, self.main.as_ref(), &self.name, data, out)
    }

    /// Executes the template `name` of this set (Go's `ExecuteTemplate`).
    pub fn execute_template(
        &self,
        name: &str,
        data: &Value,
        out: &mut String,
    ) -> Result<(), Error> {
        if !self.trees.contains_key(name) {
            return Err(Error::exec_plain(format!(
                "template: no template {} associated with template {}",
                strconv::quote(name),
                strconv::quote(&self.name)
            )));
        }
        exec::execute(self, self.trees.get(name), name, data, out)
    }
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Template")
            .field("name", &self.name)
            .field("templates", &self.template_names())
            .finish_non_exhaustive()
    }
}
