//! Helm's `--set` family of parsers (Go's `pkg/strvals`): `a.b[0]=v,c={x,y}` lines
//! merged into a values map.
//!
//! The parsers reproduce Helm's grammar including its corner cases, because users see
//! them: a key ending the line without `=` is an error but `a[0` is silently ignored
//! (Helm's end-of-input check also matches the wrapped error), a value written into a
//! key that holds a scalar reports Go's failed type assertion, and list indexes are
//! bounded by [`MAX_INDEX`] and names by [`MAX_NESTED_NAME_LEVEL`].

mod json_extent;
mod typed;

use kelm_yaml::{Map, Value};

pub use typed::typed_value;

use crate::Error;
use crate::gotype::go_type_name;

/// The largest list index a `--set` line may write (Helm's `MaxIndex`, 64 Ki).
pub const MAX_INDEX: usize = 65536;

/// How many `.`-separated name levels a `--set` key may have (Helm's
/// `MaxNestedNameLevel`).
pub const MAX_NESTED_NAME_LEVEL: usize = 30;

/// Reads the file a `--set-file` value names; the result becomes the (string) value.
/// Errors are reported as they are, after `failed parsing --set-file data: `.
pub type FileReader<'a> = dyn FnMut(&str) -> Result<String, String> + 'a;

/// Parses a `--set` line into `dest`: values typed as Helm's `typedVal` types them
/// (`true`/`false` booleans, `null`, int64 integers, strings otherwise).
pub fn parse_into(line: &str, dest: &mut Map) -> Result<(), Error> {
    Parser::new(line, Mode::Typed).run(dest)
}

/// Parses a `--set-string` line into `dest`: every value is a string.
pub fn parse_into_string(line: &str, dest: &mut Map) -> Result<(), Error> {
    Parser::new(line, Mode::String).run(dest)
}

/// Parses a `--set-file` line into `dest`: each value names a file, whose contents
/// (read by `reader`) become the value.
pub fn parse_into_file(
    line: &str,
    dest: &mut Map,
    reader: &mut FileReader<'_>,
) -> Result<(), Error> {
    Parser::new(line, Mode::File(reader)).run(dest)
}

/// Parses a `--set-json` line of `key=json` pairs into `dest` (numbers become
/// float64; an empty value is null).
pub fn parse_into_json(line: &str, dest: &mut Map) -> Result<(), Error> {
    Parser::new(line, Mode::Json).run(dest)
}

/// Parses a `--set-literal` line into `dest`: the value is everything after the first
/// `=`, as a string, with no escapes and no splitting at commas.
pub fn parse_into_literal(line: &str, dest: &mut Map) -> Result<(), Error> {
    Parser::new(line, Mode::Literal).run(dest)
}

/// Parses a `--set` line on its own (Helm's `strvals.Parse`).
pub fn parse(line: &str) -> Result<Map, Error> {
    let mut map = Map::new();
    parse_into(line, &mut map).map(|()| map)
}

/// How values are read and typed.
enum Mode<'r, 'a> {
    Typed,
    String,
    File(&'r mut FileReader<'a>),
    Json,
    Literal,
}

/// Why parsing stopped.
#[derive(Debug)]
enum Stop {
    /// The input ended (also when wrapped: Helm's loop treats both as a clean end).
    Eof { wrapped: Option<String> },
    /// A Go runtime panic (a failed type assertion), turned into an error by the
    /// innermost key being parsed.
    Panic(String),
    /// An ordinary error.
    Err(String),
}

impl Stop {
    fn eof() -> Stop {
        Stop::Eof { wrapped: None }
    }

    /// `fmt.Errorf(prefix + "%w", err)`.
    fn wrap(self, prefix: &str) -> Stop {
        match self {
            Stop::Eof { wrapped } => Stop::Eof {
                wrapped: Some(format!("{prefix}{}", wrapped.as_deref().unwrap_or("EOF"))),
            },
            Stop::Err(m) => Stop::Err(format!("{prefix}{m}")),
            p @ Stop::Panic(_) => p,
        }
    }
}

type R<T> = Result<T, Stop>;

/// What `valList` found.
enum ListResult {
    List(Vec<Value>),
    NotList,
}

struct Parser<'s, 'r, 'a> {
    text: &'s str,
    pos: usize,
    /// The length of the last rune read, for `UnreadRune`.
    last_len: usize,
    mode: Mode<'r, 'a>,
}

impl<'s, 'r, 'a> Parser<'s, 'r, 'a> {
    fn new(text: &'s str, mode: Mode<'r, 'a>) -> Self {
        Parser {
            text,
            pos: 0,
            last_len: 0,
            mode,
        }
    }

    fn literal(&self) -> bool {
        matches!(self.mode, Mode::Literal)
    }

    fn run(mut self, dest: &mut Map) -> Result<(), Error> {
        loop {
            match self.key(dest, 0) {
                Ok(()) => {}
                Err(Stop::Eof { .. }) => return Ok(()),
                Err(Stop::Err(m) | Stop::Panic(m)) => return Err(Error::new(m)),
            }
        }
    }

    fn read_rune(&mut self) -> Option<char> {
        let c = self.text[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        self.last_len = c.len_utf8();
        Some(c)
    }

    fn unread_rune(&mut self) {
        self.pos -= self.last_len;
        self.last_len = 0;
    }

    /// Reads up to (and consuming) one of `stop`; a backslash escapes the next rune
    /// except in literal mode. `None` as the stop rune means the input ended.
    fn runes_until(&mut self, stop: &[char]) -> (String, Option<char>) {
        let literal = self.literal();
        let mut out = String::new();
        loop {
            let Some(c) = self.read_rune() else {
                return (out, None);
            };
            if stop.contains(&c) {
                return (out, Some(c));
            }
            if c == '\\' && !literal {
                match self.read_rune() {
                    Some(next) => out.push(next),
                    None => return (out, None),
                }
            } else {
                out.push(c);
            }
        }
    }

    /// One `name...=value` item, written into `data`. A failed type assertion inside
    /// becomes `unable to parse key: ...` here, as Go's deferred recover does.
    fn key(&mut self, data: &mut Map, level: usize) -> R<()> {
        match self.key_inner(data, level) {
            Err(Stop::Panic(m)) => Err(Stop::Err(format!("unable to parse key: {m}"))),
            other => other,
        }
    }

    fn key_inner(&mut self, data: &mut Map, level: usize) -> R<()> {
        let stop: &[char] = if self.literal() {
            &['=', '[', '.']
        } else {
            &['=', '[', ',', '.']
        };
        let (k, last) = self.runes_until(stop);
        match last {
            None if k.is_empty() => Err(Stop::eof()),
            None => Err(Stop::Err(format!("key {} has no value", quote(&k)))),
            Some('[') => {
                let i = self
                    .key_index()
                    .map_err(|e| e.wrap("error parsing index: "))?;
                let existed = data.contains_key(&k);
                let list = match data.get_mut(&k) {
                    None => Vec::new(),
                    Some(Value::Seq(items)) => std::mem::take(items),
                    Some(other) => return Err(Stop::Panic(assertion(other, "[]interface {}"))),
                };
                let before = list.len();
                let (list, result) = self.list_item(list, i, level);
                if matches!(result, Err(Stop::Panic(_))) {
                    // Go unwinds past the store; the run fails anyway.
                    return result;
                }
                if !k.is_empty() {
                    data.insert(k, Value::Seq(list));
                } else if existed && list.len() == before {
                    // `set` ignores an empty key, but Go changed the list in place.
                    data.insert(k, Value::Seq(list));
                }
                result
            }
            Some('=') => self.key_value(data, k),
            Some(',') => {
                set(data, &k, Value::String(String::new()));
                Err(Stop::Err(format!(
                    "key {} has no value (cannot end with ,)",
                    quote(&k)
                )))
            }
            Some(_) => {
                // '.'
                let level = level + 1;
                if level > MAX_NESTED_NAME_LEVEL {
                    return Err(Stop::Err(format!(
                        "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                    )));
                }
                let existed = data.contains_key(&k);
                let mut inner = match data.get_mut(&k) {
                    None => Map::new(),
                    Some(Value::Map(m)) => std::mem::take(m),
                    Some(other) => {
                        return Err(Stop::Panic(assertion(other, "map[string]interface {}")));
                    }
                };
                let result = self.key(&mut inner, level);
                let empty = inner.is_empty();
                if existed || !empty {
                    // An existing map was changed in place; a new one is stored only
                    // when something went into it.
                    if !k.is_empty() || existed {
                        data.insert(k.clone(), Value::Map(inner));
                    }
                }
                if result.is_ok() && empty {
                    return Err(Stop::Err(format!("key map {} has no value", quote(&k))));
                }
                result
            }
        }
    }

    /// The `=` case of [`Self::key`]: reads the value and stores it under `k`.
    fn key_value(&mut self, data: &mut Map, k: String) -> R<()> {
        match self.mode {
            Mode::Literal => {
                let v = self.rest();
                set(data, &k, Value::String(v));
                Ok(())
            }
            Mode::Json => {
                if self.empty_val() {
                    set(data, &k, Value::Null);
                    return Ok(());
                }
                let v = self.json_value()?;
                set(data, &k, v);
                self.empty_val();
                Ok(())
            }
            _ => match self.val_list() {
                Err(Stop::Eof { .. }) => {
                    set(data, &k, Value::String(String::new()));
                    Err(Stop::eof())
                }
                Err(e) => Err(e),
                Ok(ListResult::List(items)) => {
                    set(data, &k, Value::Seq(items));
                    Ok(())
                }
                Ok(ListResult::NotList) => {
                    let (rs, _) = self.runes_until(&[',']);
                    match self.read_value(&rs) {
                        Ok(v) => {
                            set(data, &k, v);
                            Ok(())
                        }
                        Err(e) => {
                            set(data, &k, Value::Null);
                            Err(e)
                        }
                    }
                }
            },
        }
    }

    /// The index between `[` and `]`, as Go's `strconv.Atoi` reads it.
    fn key_index(&mut self) -> R<i64> {
        let (v, last) = self.runes_until(&[']']);
        if last.is_none() {
            return Err(Stop::eof());
        }
        atoi(&v).map_err(Stop::Err)
    }

    /// What follows `name[i]`: a value, a nested list index or a nested key. The list
    /// is returned in every case, as Go's in-place changes to it stay visible.
    fn list_item(&mut self, mut list: Vec<Value>, i: i64, level: usize) -> (Vec<Value>, R<()>) {
        if i < 0 {
            return (
                list,
                Err(Stop::Err(format!("negative {i} index not allowed"))),
            );
        }
        let (k, last) = self.runes_until(&['[', '.', '=']);
        if !k.is_empty() {
            return (
                list,
                Err(Stop::Err(format!(
                    "unexpected data at end of array index: {}",
                    quote_runes(&k)
                ))),
            );
        }
        match last {
            None => (list, Err(Stop::eof())),
            Some('=') => match self.list_value() {
                Ok(v) => set_index(list, i, v),
                Err(e) => (list, Err(e)),
            },
            Some('[') => {
                let next = match self.key_index() {
                    Ok(n) => n,
                    Err(e) => return (list, Err(e.wrap("error parsing index: "))),
                };
                let idx = i as usize;
                let (inner, from_list) = match list.get_mut(idx) {
                    Some(Value::Null) | None => (Vec::new(), false),
                    Some(Value::Seq(items)) => (std::mem::take(items), true),
                    Some(other) => {
                        let msg = assertion(other, "[]interface {}");
                        return (list, Err(Stop::Panic(msg)));
                    }
                };
                let before = inner.len();
                let (inner, result) = self.list_item(inner, next, level);
                match result {
                    Ok(()) => set_index(list, i, Value::Seq(inner)),
                    Err(e) => {
                        if from_list && inner.len() == before {
                            // Go changed the nested list in place before failing.
                            list[idx] = Value::Seq(inner);
                        }
                        (list, Err(e))
                    }
                }
            }
            Some(_) => {
                // '.'
                let idx = i as usize;
                let mut inner = Map::new();
                if let Some(slot) = list.get_mut(idx) {
                    match slot {
                        Value::Map(m) => inner = std::mem::take(m),
                        // Indices out of order: Go puts an empty map there first.
                        other => *other = Value::Map(Map::new()),
                    }
                }
                let result = self.key(&mut inner, level);
                match result {
                    Ok(()) => set_index(list, i, Value::Map(inner)),
                    Err(e) => {
                        if let Some(slot) = list.get_mut(idx) {
                            *slot = Value::Map(inner);
                        }
                        (list, Err(e))
                    }
                }
            }
        }
    }

    /// The value after `name[i]=`.
    fn list_value(&mut self) -> R<Value> {
        match self.mode {
            Mode::Literal => Ok(Value::String(self.rest())),
            Mode::Json => {
                if self.empty_val() {
                    return Ok(Value::Null);
                }
                let v = self.json_value()?;
                self.empty_val();
                Ok(v)
            }
            _ => match self.val_list() {
                Ok(ListResult::List(items)) => Ok(Value::Seq(items)),
                Err(Stop::Eof { .. }) => Ok(Value::String(String::new())),
                Err(e) => Err(e),
                Ok(ListResult::NotList) => {
                    let (rs, _) = self.runes_until(&[',']);
                    self.read_value(&rs)
                }
            },
        }
    }

    /// Everything left (a literal value).
    fn rest(&mut self) -> String {
        let s = self.text[self.pos..].to_string();
        self.pos = self.text.len();
        s
    }

    /// Go's `emptyVal`: skips spaces up to a comma (consumed) or the end, which mean
    /// an empty value; any other rune is left for the value.
    fn empty_val(&mut self) -> bool {
        loop {
            match self.read_rune() {
                None | Some(',') => return true,
                Some(c) if c.is_whitespace() => {}
                Some(_) => {
                    self.unread_rune();
                    return false;
                }
            }
        }
    }

    /// One JSON value read as Go's `json.Decoder` reads it from the rest of the line.
    fn json_value(&mut self) -> R<Value> {
        let rest = &self.text[self.pos..];
        let Some(end) = json_extent::value_end(rest) else {
            // Helm does not show this error (`--set-json` replaces it).
            return Err(Stop::Err("invalid JSON value".into()));
        };
        let value = kelm_yaml::from_json(&rest[..end]).map_err(|e| Stop::Err(e.to_string()))?;
        self.pos += end;
        self.last_len = 0;
        Ok(value)
    }

    /// Go's `valList`: a `{a,b}` list, or `NotList` (nothing consumed).
    fn val_list(&mut self) -> R<ListResult> {
        match self.read_rune() {
            None => return Err(Stop::eof()),
            Some('{') => {}
            Some(_) => {
                self.unread_rune();
                return Ok(ListResult::NotList);
            }
        }
        let mut list = Vec::new();
        loop {
            let (rs, last) = self.runes_until(&[',', '}']);
            match last {
                None => return Err(Stop::Err("list must terminate with '}'".into())),
                Some('}') => {
                    if let Some(c) = self.read_rune()
                        && c != ','
                    {
                        self.unread_rune();
                    }
                    list.push(self.read_value(&rs)?);
                    return Ok(ListResult::List(list));
                }
                Some(_) => list.push(self.read_value(&rs)?),
            }
        }
    }

    /// Turns the runes of one value into a value, as the mode says.
    fn read_value(&mut self, rs: &str) -> R<Value> {
        match &mut self.mode {
            Mode::Typed => Ok(typed_value(rs, false)),
            Mode::File(reader) => reader(rs).map(Value::String).map_err(Stop::Err),
            _ => Ok(Value::String(rs.to_string())),
        }
    }
}

fn set(data: &mut Map, key: &str, value: Value) {
    if !key.is_empty() {
        data.insert(key.to_string(), value);
    }
}

/// Go's `setIndex`: stores `value` at `index`, growing the list with nulls.
fn set_index(mut list: Vec<Value>, index: i64, value: Value) -> (Vec<Value>, R<()>) {
    if index < 0 {
        return (
            list,
            Err(Stop::Err(format!("negative {index} index not allowed"))),
        );
    }
    if index as u64 > MAX_INDEX as u64 {
        return (
            list,
            Err(Stop::Err(format!(
                "index of {index} is greater than maximum supported index of {MAX_INDEX}"
            ))),
        );
    }
    let index = index as usize;
    if list.len() <= index {
        list.resize(index + 1, Value::Null);
    }
    list[index] = value;
    (list, Ok(()))
}

/// The message of Go's panic when a type assertion to `want` fails on `got`.
fn assertion(got: &Value, want: &str) -> String {
    format!(
        "interface conversion: interface {{}} is {}, not {want}",
        go_type_name(got)
    )
}

/// Go's `%q` of a string.
fn quote(s: &str) -> String {
    kelm_strconv::quote(s)
}

/// Go's `%q` of a `[]rune`: each rune quoted as a character literal.
fn quote_runes(s: &str) -> String {
    let parts: Vec<String> = s.chars().map(kelm_strconv::quote_rune).collect();
    format!("[{}]", parts.join(" "))
}

/// Go's `strconv.Atoi` on a 64-bit machine, with its error text.
fn atoi(s: &str) -> Result<i64, String> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let syntax = || format!("strconv.Atoi: parsing {}: invalid syntax", quote(s));
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(syntax());
    }
    let mut n: i128 = 0;
    for b in digits.bytes() {
        n = n * 10 + i128::from(b - b'0');
        if n > i128::from(i64::MAX) + 1 {
            n = i128::from(i64::MAX) + 2;
        }
    }
    let n = if neg { -n } else { n };
    i64::try_from(n).map_err(|_| format!("strconv.Atoi: parsing {}: value out of range", quote(s)))
}

#[cfg(test)]
mod tests;
