//! The YAML printers: yaml.v2's emitter as `sigs.k8s.io/yaml.Marshal` drives it
//! (`toYaml`, Chart.yaml, index.yaml, `-o yaml`) and yaml.v3's encoder with an indent
//! of 2 (`toYamlPretty`).
//!
//! Both libraries are ports of libyaml's emitter fed by events. Here the same rules run
//! as a direct walk over a [`Value`]: block mappings and sequences, `{}`/`[]` for empty
//! ones, keys in the library's natural order, and each string in the first style its
//! text allows (see [`scalar`]). The state that decides line breaks and spaces is
//! libyaml's (`column`, `whitespace`, `indention`, `indent`), so the output matches byte
//! for byte.
//!
//! The two profiles differ in:
//! - v2 writes a sequence that is a mapping value at the key's indentation
//!   (`key:\n- a`), v3 indents it (`key:\n  - a`);
//! - v2 folds plain and quoted scalars past column 80, v3 (width -1) never does;
//! - tabs: not printable to v2 (double-quoted), allowed in v3's literal blocks;
//! - the key order after a run of digits ([`sort`]);
//! - v2 sees values after a JSON round trip ([`json`]), v3 sees them as they are.

mod json;
mod scalar;
mod sort;

use crate::{Error, Value};
use kelm_strconv::{append_int, append_uint};
use scalar::{analyze, requested_style, select_style};
use sort::{KeyOrder, sort_by_key};

/// Which library to print as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Profile {
    /// `sigs.k8s.io/yaml.Marshal`: `json.Marshal`, then yaml.v2.
    V2,
    /// yaml.v3's `Encoder` with `SetIndent(2)`, given the value directly.
    V3,
}

/// Prints `value` as `sigs.k8s.io/yaml.Marshal` does.
pub(crate) fn marshal_v2(value: &Value) -> Result<String, Error> {
    let checked = json::check(value)?;
    let mut out = String::new();
    write_document(&mut out, value, Profile::V2, checked.has_nel);
    Ok(out)
}

/// Prints `value` as yaml.v3's encoder with an indent of 2 does.
pub(crate) fn marshal_v3(value: &Value) -> String {
    let mut out = String::new();
    write_document(&mut out, value, Profile::V3, false);
    out
}

/// Appends one YAML document holding `value` to `out`, ending with a newline. For
/// [`Profile::V2`] the value must have passed [`json::check`], which tells `fold_nel`.
pub(crate) fn write_document(out: &mut String, value: &Value, profile: Profile, fold_nel: bool) {
    let mut e = Emitter {
        out: std::mem::take(out),
        column: 0,
        whitespace: true,
        indention: true,
        indent: -1,
        profile,
        fold_nel,
        best_width: match profile {
            Profile::V2 => 80,
            Profile::V3 => (1 << 31) - 1,
        },
    };
    e.node(value, Context::default());
    // Document end.
    e.write_indent();
    *out = e.out;
}

/// libyaml's emitter state, as far as block-style output needs it.
pub(crate) struct Emitter {
    out: String,
    /// Characters written on the current line.
    column: usize,
    /// The last character written was whitespace (or nothing yet).
    whitespace: bool,
    /// Only indentation has been written on the current line.
    indention: bool,
    /// The current indentation; -1 before the root node.
    indent: isize,
    profile: Profile,
    /// String values hold NELs that yaml.v2 folds on its way back from JSON.
    fold_nel: bool,
    /// The column past which scalars are folded at a space.
    best_width: usize,
}

/// Where a node sits (libyaml's `mapping_context` and `simple_key_context`).
#[derive(Clone, Copy, Default)]
struct Context {
    /// A mapping key or value.
    mapping: bool,
    /// A key written on the same line as its `:`.
    simple_key: bool,
}

/// The indentation step.
const BEST_INDENT: isize = 2;
/// Keys longer than this (in bytes) are written as `? key` / `: value`.
const MAX_SIMPLE_KEY: usize = 128;

impl Emitter {
    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
        if self.profile == Profile::V3 {
            self.indention = true;
        }
    }

    /// `yaml_emitter_write_indent`: a new line unless only indentation is on this one,
    /// then spaces up to the indentation.
    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        if self.profile == Profile::V2 {
            self.indention = true;
        }
    }

    /// `yaml_emitter_write_indicator` (indicators are ASCII).
    fn write_indicator(
        &mut self,
        ind: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        self.out.push_str(ind);
        self.column += ind.len();
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    /// `yaml_emitter_increase_indent`; returns the indentation to restore. With an
    /// indent of 2, yaml.v3's rework of it comes to the same steps.
    fn increase_indent(&mut self, flow: bool, indentless: bool) -> isize {
        let saved = self.indent;
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
        saved
    }

    fn node(&mut self, v: &Value, ctx: Context) {
        match v {
            Value::Seq(items) if items.is_empty() => self.empty_flow("[", "]"),
            Value::Map(m) if m.is_empty() => self.empty_flow("{", "}"),
            Value::Seq(items) => {
                stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.block_sequence(items, ctx));
            }
            Value::Map(m) => stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.block_mapping(m)),
            Value::String(s) if self.fold_nel && s.contains('\u{85}') => {
                self.string(&json::fold_nel(s), ctx);
            }
            Value::String(s) => self.string(s, ctx),
            // sigs.k8s.io/yaml sees the string of the time's MarshalJSON.
            Value::Time(t) if self.profile == Profile::V2 => self.string(&t.rfc3339_nano(), ctx),
            _ => {
                // Numbers, booleans, null, and yaml.v3's times (RFC 3339, always
                // plain): plain text with nothing to analyse.
                if !self.whitespace {
                    self.put(' ');
                }
                let start = self.out.len();
                self.append_non_string(v);
                self.column += self.out.len() - start;
                self.whitespace = false;
                self.indention = false;
            }
        }
    }

    fn string(&mut self, s: &str, ctx: Context) {
        let a = analyze(s, self.profile);
        let style = select_style(requested_style(s), &a, s, ctx.simple_key);
        let saved = self.increase_indent(true, false);
        self.write_scalar(s, style, !ctx.simple_key);
        self.indent = saved;
    }

    fn append_non_string(&mut self, v: &Value) {
        let out = &mut self.out;
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => append_int(out, *i, 10),
            Value::Uint(u) => append_uint(out, *u, 10),
            Value::Float(f) => match self.profile {
                Profile::V2 => json::append_json_float(out, *f),
                Profile::V3 => json::append_go_float(out, *f),
            },
            Value::Time(t) => out.push_str(&t.rfc3339_nano()),
            Value::String(_) | Value::Seq(_) | Value::Map(_) => {
                unreachable!("not a non-string scalar")
            }
        }
    }

    /// `[]` or `{}`: a flow collection with no items.
    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn block_sequence(&mut self, items: &[Value], ctx: Context) {
        // yaml.v2 keeps a sequence under a mapping key at the key's indentation.
        let indentless = self.profile == Profile::V2 && ctx.mapping && !self.indention;
        let saved = self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, Context::default());
        }
        self.indent = saved;
    }

    fn block_mapping(&mut self, m: &crate::Map) {
        let saved = self.increase_indent(false, false);
        let mut entries: Vec<(&String, &Value)> = m.iter().collect();
        let order = match self.profile {
            Profile::V2 => KeyOrder::V2,
            Profile::V3 => KeyOrder::V3,
        };
        sort_by_key(&mut entries, order, |(k, _)| k.as_str());
        let value_ctx = Context {
            mapping: true,
            simple_key: false,
        };
        for (k, v) in entries {
            self.write_indent();
            let a = analyze(k, self.profile);
            let requested = requested_style(k);
            if !a.multiline && k.len() <= MAX_SIMPLE_KEY {
                let style = select_style(requested, &a, k, true);
                let saved = self.increase_indent(true, false);
                self.write_scalar(k, style, false);
                self.indent = saved;
                self.write_indicator(":", false, false, false);
            } else {
                // A complex key: `? key`, then `: value` on a new line.
                self.write_indicator("?", true, false, true);
                let style = select_style(requested, &a, k, false);
                let saved = self.increase_indent(true, false);
                self.write_scalar(k, style, true);
                self.indent = saved;
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(v, value_ctx);
        }
        self.indent = saved;
    }
}
