//! BurntSushi/toml v1.6.0's encoder (`toml.NewEncoder(w).Encode(v)`) for the [`Value`]
//! model, as Helm's `toToml` calls it.
//!
//! A map prints its plain keys first (`key = value`, sorted), then its tables and
//! arrays of tables (sorted), each under a `[header]` or `[[header]]` indented two
//! spaces per level below the top. Nil map values are left out; a nil anywhere in a
//! list is an error, whatever else the value holds.

use crate::{Error, Map, Value};

/// Go's `errArrayNilElement`.
const NIL_ELEMENT: &str = "toml: cannot encode array with nil element";
/// Go's `errNoKey`.
const NO_KEY: &str = "toml: top-level values must be Go maps or structs";
/// What Go's reflection panics with for a top-level nil.
const NIL_TOP: &str = "reflect: call of reflect.Value.Type on zero Value";

/// One level of indentation (the encoder's default `Indent`).
const INDENT: &str = "  ";

struct Encoder {
    out: String,
    /// Whether anything was written yet (`hasWritten`): a table's blank line needs it.
    written: bool,
}

/// Prints `value` as BurntSushi's encoder does.
pub(crate) fn encode(value: &Value) -> Result<String, Error> {
    if matches!(value, Value::Null) {
        return Err(Error::new(NIL_TOP, None));
    }
    // Go looks at every item of a list (and of lists in it) before printing the list
    // or the map holding it, and the output is discarded on error: so a nil item
    // anywhere is the error, except that a top-level array of tables is refused first
    // when its own lists hold none.
    if has_nil_item(value, false) {
        return Err(Error::new(NIL_ELEMENT, None));
    }
    if let Value::Seq(items) = value
        && is_table_array(items)
    {
        return Err(Error::new(NO_KEY, None));
    }
    if has_nil_item(value, true) {
        return Err(Error::new(NIL_ELEMENT, None));
    }
    let mut enc = Encoder {
        out: String::new(),
        written: false,
    };
    let mut key = Vec::new();
    match value {
        Value::Map(m) => enc.map(&mut key, m),
        v => enc.element(v),
    }
    Ok(enc.out)
}

/// Whether a list in `v` (looking into maps only if `into_maps`) holds a nil.
fn has_nil_item(v: &Value, into_maps: bool) -> bool {
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        match v {
            Value::Seq(items) => {
                for item in items {
                    if matches!(item, Value::Null) {
                        return true;
                    }
                    todo.push(item);
                }
            }
            Value::Map(m) if into_maps => todo.extend(m.values()),
            _ => {}
        }
    }
    false
}

/// Go's `isTableArray`: a non-empty list of maps only.
fn is_table_array(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|v| matches!(v, Value::Map(_)))
}

/// Whether the value prints as a table or array of tables rather than `key = value`.
fn is_table(v: &Value) -> bool {
    match v {
        Value::Map(_) => true,
        Value::Seq(items) => is_table_array(items),
        _ => false,
    }
}

fn is_bare(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

/// Appends `s` in double quotes with the encoder's escapes.
pub(super) fn quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.bytes().enumerate() {
        let esc = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0c => "\\f",
            b'\r' => "\\r",
            0..0x20 | 0x7f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(b"0123456789abcdef"[usize::from(c >> 4)]));
            out.push(char::from(b"0123456789abcdef"[usize::from(c & 15)]));
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// One key piece, bare when it can be (Go's `Key.maybeQuoted`).
fn key_piece(out: &mut String, k: &str) {
    if is_bare(k) {
        out.push_str(k);
    } else {
        quoted(out, k);
    }
}

impl Encoder {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        self.written = true;
    }

    fn newline(&mut self) {
        if self.written {
            self.out.push('\n');
        }
    }

    fn indent(&mut self, key: &[&str]) {
        for _ in 1..key.len() {
            self.out.push_str(INDENT);
        }
    }

    /// A dotted header name (Go's `Key.String`).
    fn header(&mut self, key: &[&str]) {
        for (i, k) in key.iter().enumerate() {
            if i > 0 {
                self.out.push('.');
            }
            key_piece(&mut self.out, k);
        }
    }

    /// The body of a table whose header (if any) is written: Go's `eMap`, not inline.
    fn map<'a>(&mut self, key: &mut Vec<&'a str>, m: &'a Map) {
        for tables in [false, true] {
            for (k, v) in m {
                if is_table(v) != tables || matches!(v, Value::Null) {
                    continue;
                }
                key.push(k);
                self.keyed(key, v);
                key.pop();
            }
        }
    }

    /// Go's `encode` for a value under a non-empty key.
    fn keyed<'a>(&mut self, key: &mut Vec<&'a str>, v: &'a Value) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.keyed_here(key, v));
    }

    fn keyed_here<'a>(&mut self, key: &mut Vec<&'a str>, v: &'a Value) {
        match v {
            Value::Null => {}
            Value::Map(m) => {
                if key.len() == 1 {
                    self.newline();
                }
                self.indent(key);
                self.write("[");
                self.header(key);
                self.write("]");
                self.newline();
                self.map(key, m);
            }
            Value::Seq(items) if is_table_array(items) => {
                for item in items {
                    let Value::Map(m) = item else { continue };
                    self.newline();
                    self.indent(key);
                    self.write("[[");
                    self.header(key);
                    self.write("]]");
                    self.newline();
                    self.map(key, m);
                }
            }
            _ => {
                self.indent(key);
                key_piece(&mut self.out, key[key.len() - 1]);
                self.write(" = ");
                self.element(v);
                self.newline();
            }
        }
    }

    /// A value written inline (Go's `eElement`).
    fn element(&mut self, v: &Value) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.element_here(v));
    }

    fn element_here(&mut self, v: &Value) {
        self.written = true;
        match v {
            Value::Null => {}
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => kelm_strconv::append_int(&mut self.out, *i, 10),
            Value::Uint(u) => kelm_strconv::append_uint(&mut self.out, *u, 10),
            Value::Float(f) => {
                if f.is_nan() || f.is_infinite() {
                    if f.is_sign_negative() {
                        self.out.push('-');
                    }
                    self.out.push_str(if f.is_nan() { "nan" } else { "inf" });
                } else {
                    let start = self.out.len();
                    kelm_strconv::append_float(&mut self.out, *f, 'g', -1, 64);
                    if !self.out[start..].contains(['.', 'e']) {
                        self.out.push_str(".0");
                    }
                }
            }
            Value::String(s) => quoted(&mut self.out, s),
            Value::Time(t) => self.out.push_str(&t.toml_text()),
            Value::Seq(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.element(item);
                }
                self.out.push(']');
            }
            Value::Map(m) => self.inline_map(m),
        }
    }

    /// Go's `eMap` inline: `{a = 1, b = {c = 2}}`, with Go's stray separators around
    /// nil values.
    fn inline_map(&mut self, m: &Map) {
        self.out.push('{');
        let subs = m.values().filter(|v| is_table(v)).count();
        for tables in [false, true] {
            let count = if tables { subs } else { m.len() - subs };
            let trail = !tables && subs > 0;
            let mut i = 0;
            for (k, v) in m {
                if is_table(v) != tables {
                    continue;
                }
                i += 1;
                if matches!(v, Value::Null) {
                    continue;
                }
                key_piece(&mut self.out, k);
                self.out.push_str(" = ");
                self.element(v);
                if trail || i != count {
                    self.out.push_str(", ");
                }
            }
        }
        self.out.push('}');
    }
}
