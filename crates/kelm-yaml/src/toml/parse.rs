//! BurntSushi/toml v1.6.0's parser and its decoding into `map[string]interface{}`.
//!
//! The parser builds one tree of tables as it reads, checking each key against what
//! it has seen with BurntSushi's bookkeeping (which keys were created implicitly, which
//! were arrays), so duplicate and conflicting keys fail where and how Go's fail. Errors
//! read `toml: line N (last key "a.b"): message`.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::datetime::datetime;
use super::lex::{Item, ItemType, LexPanic, Lexer, is_bare_key_char, is_hex};
use crate::{Error, Map, Value};

/// A table being built. Go's `map[string]any`.
type Table = BTreeMap<String, Node>;

/// A value in the tree: Go's `map[string]any` (a table), `[]map[string]any` (an array
/// of tables, never empty) or anything else (a finished value).
enum Node {
    Table(Table),
    Tables(Vec<Table>),
    Leaf(Value),
}

/// Why parsing stopped: a `ParseError`, or a panic of Go's code (a BurntSushi bug or a
/// runtime error), which Helm's template would report instead.
enum Stop {
    Parse {
        line: usize,
        last_key: String,
        msg: String,
    },
    Panic(String),
}

impl From<LexPanic> for Stop {
    fn from(p: LexPanic) -> Stop {
        Stop::Panic(p.0)
    }
}

type R<T> = Result<T, Stop>;

/// Go's `Key.String()`: dotted, each piece bare when it can be, else quoted.
fn key_string(key: &[String]) -> String {
    key_string_of(key.iter().map(String::as_str))
}

fn key_string_of<'s>(pieces: impl Iterator<Item = &'s str>) -> String {
    let mut out = String::new();
    for (i, k) in pieces.enumerate() {
        if i > 0 {
            out.push('.');
        }
        if k.is_empty() {
            out.push_str("\"\"");
        } else if k.chars().all(is_bare_key_char) {
            out.push_str(k);
        } else {
            super::encode::quoted(&mut out, k);
        }
    }
    out
}

struct Parser<'a> {
    lx: Lexer<'a>,
    context: Vec<String>,
    current_key: String,
    /// The line of the last key or table name read (Go's `p.pos`).
    pos_line: usize,
    /// Keys whose last value was an array (Go's `keyInfo` with `tomlArray`).
    arrays: HashMap<String, bool>,
    mapping: Table,
    implicits: HashSet<String>,
}

/// Parses and decodes a document.
pub(crate) fn decode(text: &str) -> Result<Value, Error> {
    let data = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = &data.as_bytes()[..data.len().min(6)];
    if head.contains(&0) {
        return Err(Error::new(
            "toml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8",
            Some(1),
        ));
    }
    let mut p = Parser {
        lx: Lexer::new(data),
        context: Vec::new(),
        current_key: String::new(),
        pos_line: 0,
        arrays: HashMap::new(),
        mapping: Table::new(),
        implicits: HashSet::new(),
    };
    let result = (|| -> R<()> {
        loop {
            let item = p.next()?;
            if item.typ == ItemType::Eof {
                return Ok(());
            }
            p.top_level(item)?;
        }
    })();
    match result {
        Ok(()) => Ok(table_value(std::mem::take(&mut p.mapping))),
        Err(Stop::Parse {
            line,
            last_key,
            msg,
        }) => {
            let text = if last_key.is_empty() {
                format!("toml: line {line}: {msg}")
            } else {
                format!(
                    "toml: line {line} (last key {}): {msg}",
                    kelm_strconv::quote(&last_key)
                )
            };
            Err(Error::new(text, Some(line)))
        }
        Err(Stop::Panic(msg)) => Err(Error::new(msg, None)),
    }
}

fn table_value(t: Table) -> Value {
    Value::Map(t.into_iter().map(|(k, v)| (k, node_value(v))).collect())
}

fn node_value(n: Node) -> Value {
    match n {
        Node::Table(t) => stacker::maybe_grow(64 * 1024, 1024 * 1024, || table_value(t)),
        Node::Tables(ts) => Value::Seq(ts.into_iter().map(table_value).collect()),
        Node::Leaf(v) => v,
    }
}

/// A decoded value stored in the tree: maps become tables again, as in Go.
fn node_of(mut v: Value) -> Node {
    match &mut v {
        Value::Map(m) => {
            let m = std::mem::take(m);
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                Node::Table(m.into_iter().map(|(k, v)| (k, node_of(v))).collect())
            })
        }
        _ => Node::Leaf(v),
    }
}

impl Drop for Parser<'_> {
    /// Takes the tree apart without recursion: headers like `[a.a.a...]` nest tables
    /// as deep as the input is long.
    fn drop(&mut self) {
        let mut todo: Vec<Node> = std::mem::take(&mut self.mapping).into_values().collect();
        while let Some(n) = todo.pop() {
            match n {
                Node::Table(t) => todo.extend(t.into_values()),
                Node::Tables(ts) => todo.extend(ts.into_iter().flat_map(|t| t.into_values())),
                // Values drop without recursion on their own.
                Node::Leaf(v) => drop(v),
            }
        }
    }
}

fn bug(msg: String) -> Stop {
    Stop::Panic(format!("BUG: {msg}\n\n"))
}

impl<'a> Parser<'a> {
    /// Go's `p.current()`: the last key, for errors.
    fn current(&self) -> String {
        if self.current_key.is_empty() {
            return key_string(&self.context);
        }
        if self.context.is_empty() {
            return self.current_key.clone();
        }
        format!("{}.{}", key_string(&self.context), self.current_key)
    }

    fn err_at(&self, line: usize, msg: String) -> Stop {
        Stop::Parse {
            line,
            last_key: self.current(),
            msg,
        }
    }

    /// Go's `panicf`: an error at the last key read.
    fn errf(&self, msg: String) -> Stop {
        self.err_at(self.pos_line, msg)
    }

    fn next(&mut self) -> R<Item<'a>> {
        let it = self.lx.next_item()?;
        if it.typ == ItemType::Error {
            return Err(self.err_at(it.line, it.val.into_owned()));
        }
        Ok(it)
    }

    fn next_pos(&mut self) -> R<Item<'a>> {
        let it = self.next()?;
        self.pos_line = it.line;
        Ok(it)
    }

    fn expect(&mut self, typ: ItemType) -> R<Item<'a>> {
        let it = self.next()?;
        assert_equal(typ, it.typ)?;
        Ok(it)
    }

    /// Reads key pieces up to an item of type `end`.
    fn key(&mut self, mut name: Item<'a>, end: ItemType) -> R<Vec<String>> {
        let mut key = Vec::new();
        while name.typ != end && name.typ != ItemType::Eof {
            key.push(self.key_string(name)?);
            name = self.next()?;
        }
        assert_equal(end, name.typ)?;
        Ok(key)
    }

    fn top_level(&mut self, item: Item<'a>) -> R<()> {
        match item.typ {
            ItemType::CommentStart => {
                self.expect(ItemType::Text)?;
            }
            ItemType::TableStart | ItemType::ArrayTableStart => {
                let array = item.typ == ItemType::ArrayTableStart;
                let name = self.next_pos()?;
                let end = if array {
                    ItemType::ArrayTableEnd
                } else {
                    ItemType::TableEnd
                };
                let key = self.key(name, end)?;
                self.add_context(&key, array)?;
                self.set_type("", false);
            }
            ItemType::KeyStart => {
                let k = self.next_pos()?;
                let key = self.key(k, ItemType::KeyEnd)?;
                // Only dotted keys move the context (and values put it back).
                let outer = (key.len() > 1).then(|| self.context.clone());
                self.current_key = key.last().cloned().unwrap_or_default();
                for piece in &key[..key.len().saturating_sub(1)] {
                    let mut k = self.context.clone();
                    k.push(piece.clone());
                    self.add_implicit_context(&k)?;
                }
                let v_item = self.next()?;
                let (val, is_array) = self.value(v_item, false)?;
                let ck = self.current_key.clone();
                self.set_value(&ck, || node_of(val))?;
                self.set_type(&ck, is_array);
                if let Some(outer) = outer {
                    self.context = outer;
                }
                self.current_key.clear();
            }
            t => return Err(bug(format!("Unexpected type at top level: {}", t.name()))),
        }
        Ok(())
    }

    fn key_string(&mut self, it: Item<'a>) -> R<String> {
        match it.typ {
            ItemType::Text => Ok(it.val.into_owned()),
            ItemType::String
            | ItemType::StringEsc
            | ItemType::MultilineString
            | ItemType::RawString
            | ItemType::RawMultilineString => {
                Ok(self.value(it, false)?.0.into_string().unwrap_or_default())
            }
            t => Err(bug(format!("Unexpected key type: {}", t.name()))),
        }
    }

    /// Go's `p.value`: the value and whether it is an array.
    fn value(&mut self, it: Item<'a>, parent_is_array: bool) -> R<(Value, bool)> {
        let s = |v: String| Ok((Value::String(v), false));
        match it.typ {
            ItemType::String | ItemType::RawString => s(it.val.into_owned()),
            ItemType::StringEsc => s(self.replace_escapes(&it, &it.val)?),
            ItemType::MultilineString => {
                let v = strip_escaped_newlines(strip_first_newline(&it.val));
                s(self.replace_escapes(&it, &v)?)
            }
            ItemType::RawMultilineString => s(strip_first_newline(&it.val).to_string()),
            ItemType::Integer => Ok((self.integer(&it)?, false)),
            ItemType::Float => Ok((self.float(&it)?, false)),
            ItemType::Bool => match &*it.val {
                "true" => Ok((Value::Bool(true), false)),
                "false" => Ok((Value::Bool(false), false)),
                v => Err(bug(format!("Expected boolean value, but got '{v}'."))),
            },
            ItemType::Datetime => match datetime(&it.val) {
                Ok(t) => Ok((Value::Time(Box::new(t)), false)),
                Err(v) => Err(self.err_at(
                    it.line,
                    format!("invalid datetime: {}", kelm_strconv::quote(&v)),
                )),
            },
            ItemType::Array => {
                stacker::maybe_grow(64 * 1024, 1024 * 1024, || Ok((self.array()?, true)))
            }
            ItemType::InlineTableStart => stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                Ok((self.inline_table(parent_is_array)?, false))
            }),
            t => Err(bug(format!("Unexpected value type: {}", t.name()))),
        }
    }

    fn integer(&self, it: &Item) -> R<Value> {
        let v = &it.val;
        if !underscores_ok(v) {
            return Err(self.err_at(
                it.line,
                format!(
                    "Invalid integer {}: underscores must be surrounded by digits",
                    kelm_strconv::quote(v)
                ),
            ));
        }
        if has_leading_zero(v) {
            return Err(self.err_at(
                it.line,
                format!(
                    "Invalid integer {}: cannot have leading zeroes",
                    kelm_strconv::quote(v)
                ),
            ));
        }
        match kelm_strconv::parse_int(v, 0, 64) {
            Ok(n) => Ok(Value::Int(n)),
            Err(e) if e.kind == kelm_strconv::NumErrorKind::Range => {
                Err(self.err_at(it.line, format!("{v} is out of range for int64")))
            }
            Err(_) => Err(bug(format!("Expected integer value, but got '{v}'."))),
        }
    }

    fn float(&self, it: &Item) -> R<Value> {
        let v = &it.val;
        let q = kelm_strconv::quote(v);
        let parts: Vec<&str> = v.split(['.', 'e', 'E']).filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| !underscores_ok(p)) {
            let msg = format!("Invalid float {q}: underscores must be surrounded by digits");
            return Err(self.err_at(it.line, msg));
        }
        if parts.first().is_some_and(|p| has_leading_zero(p)) {
            let msg = format!("Invalid float {q}: cannot have leading zeroes");
            return Err(self.err_at(it.line, msg));
        }
        if !periods_ok(v) {
            let msg = format!("Invalid float {q}: '.' must be followed by one or more digits");
            return Err(self.err_at(it.line, msg));
        }
        let mut val = v.replace('_', "");
        let neg_nan = val == "-nan";
        if val == "+nan" || neg_nan {
            val = "nan".into();
        }
        match kelm_strconv::parse_float(&val, 64) {
            Ok(f) => Ok(Value::Float(if neg_nan { -f } else { f })),
            Err(e) if e.kind == kelm_strconv::NumErrorKind::Range => {
                Err(self.err_at(it.line, format!("{v} is out of range for float64")))
            }
            Err(_) => Err(self.err_at(it.line, format!("Invalid float value: {q}"))),
        }
    }

    fn array(&mut self) -> R<Value> {
        let ck = self.current_key.clone();
        self.set_type(&ck, true);
        let mut items = Vec::with_capacity(2);
        loop {
            let it = self.next()?;
            match it.typ {
                ItemType::ArrayEnd => return Ok(Value::Seq(items)),
                ItemType::CommentStart => {
                    self.expect(ItemType::Text)?;
                }
                _ => items.push(self.value(it, true)?.0),
            }
        }
    }

    fn inline_table(&mut self, parent_is_array: bool) -> R<Value> {
        let outer_context = self.context.clone();
        let outer_key = std::mem::take(&mut self.current_key);
        self.context.push(outer_key.clone());
        let prev_context = self.context.clone();
        self.add_implicit(&prev_context);
        self.add_context(&prev_context, parent_is_array)?;
        let mut top = Map::new();
        loop {
            let it = self.next()?;
            match it.typ {
                ItemType::InlineTableEnd => break,
                ItemType::CommentStart => {
                    self.expect(ItemType::Text)?;
                    continue;
                }
                _ => {}
            }
            let k = self.next_pos()?;
            let key = self.key(k, ItemType::KeyEnd)?;
            self.current_key = key.last().cloned().unwrap_or_default();
            let parents = &key[..key.len().saturating_sub(1)];
            for piece in parents {
                let mut k = self.context.clone();
                k.push(piece.clone());
                self.add_implicit_context(&k)?;
            }
            let v_item = self.next()?;
            let (val, is_array) = self.value(v_item, false)?;
            let ck = self.current_key.clone();
            self.set_value(&ck, || node_of(val.clone()))?;
            self.set_type(&ck, is_array);
            let mut hash = &mut top;
            for c in parents {
                let h = hash
                    .entry(c.clone())
                    .or_insert_with(|| Value::Map(Map::new()));
                match h {
                    Value::Map(m) => hash = m,
                    _ => {
                        let msg = format!(
                            "{} is not a table",
                            kelm_strconv::quote(&key_string(&self.context))
                        );
                        return Err(self.errf(msg));
                    }
                }
            }
            hash.insert(ck, val);
            self.context.clone_from(&prev_context);
        }
        self.context = outer_context;
        self.current_key = outer_key;
        Ok(Value::Map(top))
    }

    fn add_implicit(&mut self, key: &[String]) {
        self.implicits.insert(key_string(key));
    }

    fn add_implicit_context(&mut self, key: &[String]) -> R<()> {
        self.add_implicit(key);
        self.add_context(key, false)
    }

    fn set_type(&mut self, key: &str, is_array: bool) {
        let last = (!key.is_empty() || self.context.is_empty()).then_some(key);
        let ks = key_string_of(self.context.iter().map(String::as_str).chain(last));
        self.arrays.insert(ks, is_array);
    }

    /// Go's `addContext`: makes `key` the current table, creating its parents
    /// implicitly and the table itself (or a new element of an array of tables).
    fn add_context(&mut self, key: &[String], array: bool) -> R<()> {
        let (last, parents) = key.split_last().ok_or_else(|| bug("empty key".into()))?;
        // The implicitly created parents, by their key strings (built incrementally:
        // Go's headers can have as many pieces as the input has characters).
        let mut created = Vec::new();
        let mut prefix = String::new();
        let mut failed = None;
        {
            let mut hash = &mut self.mapping;
            for (i, k) in parents.iter().enumerate() {
                if i > 0 {
                    prefix.push('.');
                }
                prefix.push_str(&key_string(std::slice::from_ref(k)));
                if !hash.contains_key(k) {
                    created.push(prefix.clone());
                    hash.insert(k.clone(), Node::Table(Table::new()));
                }
                if !matches!(hash.get(k), Some(Node::Table(_) | Node::Tables(_))) {
                    failed = Some(i);
                    break;
                }
                hash = match hash.get_mut(k) {
                    Some(Node::Tables(ts)) => {
                        ts.last_mut().expect("arrays of tables are never empty")
                    }
                    Some(Node::Table(t)) => t,
                    _ => unreachable!("checked above"),
                };
            }
            if failed.is_none() && array {
                let entry = hash
                    .entry(last.clone())
                    .or_insert_with(|| Node::Tables(Vec::new()));
                match entry {
                    Node::Tables(ts) => ts.push(Table::new()),
                    _ => failed = Some(usize::MAX),
                }
            }
        }
        self.implicits.extend(created);
        match failed {
            Some(usize::MAX) => {
                self.context = parents.to_vec();
                let msg = format!(
                    "Key '{}' was already created and cannot be used as an array.",
                    key_string(key)
                );
                return Err(self.errf(msg));
            }
            Some(i) => {
                let msg = format!(
                    "Key '{}' was already created as a hash.",
                    key_string(&parents[..=i])
                );
                return Err(self.errf(msg));
            }
            None => {}
        }
        self.context = parents.to_vec();
        if !array {
            self.set_value(last, || Node::Table(Table::new()))?;
        }
        self.context.push(last.clone());
        Ok(())
    }

    /// Go's `setValue`: stores `value` under `key` in the current table, refusing
    /// duplicates except where BurntSushi's implicit-key rules allow them.
    fn set_value(&mut self, key: &str, value: impl FnOnce() -> Node) -> R<()> {
        let path = &self.context;
        let mut hash = &mut self.mapping;
        for (i, k) in path.iter().enumerate() {
            hash = match hash.get_mut(k) {
                None => {
                    let msg = format!(
                        "Context for key '{}' has not been established.",
                        key_string(&path[..=i])
                    );
                    return Err(bug(msg));
                }
                Some(Node::Tables(ts)) => ts.last_mut().expect("arrays of tables are never empty"),
                Some(Node::Table(t)) => t,
                Some(Node::Leaf(_)) => {
                    let msg = format!(
                        "Key '{}' has already been defined.",
                        key_string(&path[..=i])
                    );
                    return Err(self.errf(msg));
                }
            };
        }
        if !hash.contains_key(key) {
            hash.insert(key.to_string(), value());
            return Ok(());
        }
        let ks = key_string_of(path.iter().map(String::as_str).chain([key]));
        let implicit = self.implicits.contains(&ks);
        if self.arrays.get(&ks).copied().unwrap_or(false) {
            if !implicit {
                return Err(self.errf(format!("Key '{ks}' has already been defined.")));
            }
            self.implicits.remove(&ks);
            // Re-walk: the borrow of the tree ended with the error checks above.
            let mut hash = &mut self.mapping;
            for k in &self.context {
                hash = match hash.get_mut(k) {
                    Some(Node::Tables(ts)) => ts.last_mut().expect("never empty"),
                    Some(Node::Table(t)) => t,
                    _ => unreachable!("walked above"),
                };
            }
            hash.insert(key.to_string(), value());
            return Ok(());
        }
        if implicit {
            self.implicits.remove(&ks);
            return Ok(());
        }
        Err(self.errf(format!("Key '{ks}' has already been defined.")))
    }

    fn replace_escapes(&self, it: &Item, s: &str) -> R<String> {
        let mut out = String::with_capacity(s.len());
        let b = s.as_bytes();
        let mut rest = s;
        while let Some(i) = rest.find('\\') {
            out.push_str(&rest[..i]);
            let at = s.len() - rest.len() + i;
            let Some(&c) = b.get(at + 1) else {
                return Err(bug("Escape sequence at end of string.".into()));
            };
            let mut skip = 2;
            match c {
                b' ' | b'\t' => {
                    let msg = format!("invalid escape: '\\{}'", char::from(c));
                    return Err(self.err_at(it.line, msg));
                }
                b'b' => out.push('\u{8}'),
                b't' => out.push('\t'),
                b'n' => out.push('\n'),
                b'f' => out.push('\u{c}'),
                b'r' => out.push('\r'),
                b'e' => out.push('\u{1b}'),
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'x' | b'u' | b'U' => {
                    let n = match c {
                        b'x' => 2,
                        b'u' => 4,
                        _ => 8,
                    };
                    let hex = s.get(at + 2..at + 2 + n).unwrap_or("");
                    if hex.len() != n || !hex.chars().all(is_hex) {
                        return Err(bug(format!(
                            "Could not parse '{hex}' as a hexadecimal number, but the lexer claims it's OK"
                        )));
                    }
                    let code = u32::from_str_radix(hex, 16).unwrap_or(u32::MAX);
                    match char::from_u32(code) {
                        Some(ch) => out.push(ch),
                        None => {
                            let msg = format!("Escaped character '\\u{hex}' is not valid UTF-8.");
                            return Err(self.err_at(it.line, msg));
                        }
                    }
                    skip += n;
                }
                c => {
                    return Err(bug(format!(
                        "Expected valid escape code after \\, but got {}.",
                        kelm_strconv::quote_rune(char::from(c))
                    )));
                }
            }
            rest = &s[at + skip..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

fn assert_equal(expected: ItemType, got: ItemType) -> R<()> {
    if expected != got {
        return Err(bug(format!(
            "Expected '{}' but got '{}'.",
            expected.name(),
            got.name()
        )));
    }
    Ok(())
}

fn strip_first_newline(s: &str) -> &str {
    s.strip_prefix('\n')
        .or_else(|| s.strip_prefix("\r\n"))
        .unwrap_or(s)
}

/// Drops a backslash at the end of a line with the whitespace and newlines after it.
fn strip_escaped_newlines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut s = s;
    let mut i = 0;
    loop {
        let Some(ix) = s[i..].find('\\') else {
            out.push_str(s);
            return out;
        };
        i += ix;
        let b = s.as_bytes();
        if b.get(i + 1) == Some(&b'\\') {
            i += 2;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r' | b'\n') {
            j += 1;
        }
        if j == i + 1 || !s[i..j].contains('\n') {
            i += 1;
            continue;
        }
        out.push_str(&s[..i]);
        s = &s[j..];
        i = 0;
    }
}

/// BurntSushi's `numUnderscoresOK`.
fn underscores_ok(s: &str) -> bool {
    if matches!(s, "nan" | "+nan" | "-nan" | "inf" | "-inf" | "+inf") {
        return true;
    }
    let mut accept = false;
    for r in s.chars() {
        if r == '_' && !accept {
            return false;
        }
        accept = is_hex(r);
    }
    accept
}

/// BurntSushi's `numHasLeadingZero`.
fn has_leading_zero(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() > 1 && b[0] == b'0' && !matches!(b[1], b'b' | b'o' | b'x'))
        || (b.len() > 2 && matches!(b[0], b'-' | b'+') && b[1] == b'0')
}

/// BurntSushi's `numPeriodsOK`.
fn periods_ok(s: &str) -> bool {
    let mut period = false;
    for r in s.chars() {
        if period && !r.is_ascii_digit() {
            return false;
        }
        period = r == '.';
    }
    !period
}
