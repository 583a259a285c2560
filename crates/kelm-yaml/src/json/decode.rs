//! Go's `json.Unmarshal` into `interface{}`, `map[string]interface{}` or
//! `[]interface{}`.
//!
//! Go checks the whole input's syntax first ([`scan::check_valid`]) and decodes after.
//! Here one strict pass does both, accepting exactly what Go's checker accepts
//! (nesting included); only when it fails does the checker run, for Go's message.
//!
//! Like Go, decoding goes on after a number that does not fit a float64: the number
//! becomes nil, the first such error is kept, and the partially decoded value is
//! returned with it. Decoding uses an explicit stack, so nesting cannot overflow the
//! Rust stack.

use std::borrow::Cow;

use super::scan::{self, MAX_DEPTH};
use crate::read::go_lossy;
use crate::{Error, JsonTarget, Map, Value};

/// A container being decoded.
enum Open {
    Seq(Vec<Value>),
    /// A map and the key whose value is being decoded.
    Map(Map, String),
}

struct Decoder<'a> {
    data: &'a [u8],
    pos: usize,
    /// The first decoding (not syntax) error.
    error: Option<Error>,
}

/// Syntax the strict pass refuses; the checker then says why.
struct Invalid;

type R<T> = Result<T, Invalid>;

/// Decodes `data` into `target`: the value Go leaves in the target variable (a map or
/// slice target left untouched reads as empty) and the error `Unmarshal` returns.
pub(crate) fn decode(data: &[u8], target: JsonTarget) -> (Value, Option<Error>) {
    let untouched = || match target {
        JsonTarget::Any => Value::Null,
        JsonTarget::Map => Value::Map(Map::new()),
        JsonTarget::Seq => Value::Seq(Vec::new()),
    };
    let syntax_error = || {
        let msg = scan::check_valid(data).err();
        debug_assert!(msg.is_some(), "the strict pass refused valid JSON");
        Error::new(
            msg.unwrap_or_else(|| "unexpected end of JSON input".into()),
            None,
        )
    };
    let first = data.iter().copied().find(|c| !is_space(*c));
    let kind = match first {
        Some(b'{') => "object",
        Some(b'[') => "array",
        Some(b'"') => "string",
        Some(b't' | b'f') => "bool",
        Some(b'n') => "null",
        _ => "number",
    };
    let go_type = match target {
        JsonTarget::Map if kind != "object" && kind != "null" => "map[string]interface {}",
        JsonTarget::Seq if kind != "array" && kind != "null" => "[]interface {}",
        _ => "",
    };
    if !go_type.is_empty() {
        // Go reports syntax errors anywhere in the input first.
        if scan::check_valid(data).is_err() {
            return (untouched(), Some(syntax_error()));
        }
        let msg = format!("json: cannot unmarshal {kind} into Go value of type {go_type}");
        return (untouched(), Some(Error::new(msg, None)));
    }
    let mut d = Decoder {
        data,
        pos: 0,
        error: None,
    };
    match d.document() {
        Ok(v) => {
            debug_assert!(
                scan::check_valid(data).is_ok(),
                "the strict pass took invalid JSON"
            );
            (v, d.error)
        }
        Err(Invalid) => (untouched(), Some(syntax_error())),
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

impl Decoder<'_> {
    #[inline]
    fn skip_space(&mut self) {
        while let Some(&c) = self.data.get(self.pos) {
            if !is_space(c) {
                break;
            }
            self.pos += 1;
        }
    }

    /// The next non-space byte, consumed.
    #[inline]
    fn byte(&mut self) -> R<u8> {
        self.skip_space();
        let c = *self.data.get(self.pos).ok_or(Invalid)?;
        self.pos += 1;
        Ok(c)
    }

    fn expect(&mut self, c: u8) -> R<()> {
        if self.byte()? == c {
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    /// Reads `"key":` at the current position.
    fn key(&mut self) -> R<String> {
        self.expect(b'"')?;
        let k = self.string()?;
        self.expect(b':')?;
        Ok(k)
    }

    fn literal(&mut self, rest: &[u8]) -> R<()> {
        if self.data[self.pos..].starts_with(rest) {
            self.pos += rest.len();
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    /// The whole input: one value and nothing but spaces after it.
    fn document(&mut self) -> R<Value> {
        let v = self.value()?;
        self.skip_space();
        if self.pos == self.data.len() {
            Ok(v)
        } else {
            Err(Invalid)
        }
    }

    /// Decodes the value at the current position.
    fn value(&mut self) -> R<Value> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            // One value, or the opening of a non-empty container.
            let mut v = match self.byte()? {
                c @ (b'{' | b'[') => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Invalid);
                    }
                    self.skip_space();
                    let close = if c == b'{' { b'}' } else { b']' };
                    if self.data.get(self.pos) == Some(&close) {
                        self.pos += 1;
                        if c == b'{' {
                            Value::Map(Map::new())
                        } else {
                            Value::Seq(Vec::new())
                        }
                    } else if c == b'{' {
                        let k = self.key()?;
                        stack.push(Open::Map(Map::new(), k));
                        continue;
                    } else {
                        stack.push(Open::Seq(Vec::new()));
                        continue;
                    }
                }
                b'"' => Value::String(self.string()?),
                b't' => {
                    self.literal(b"rue")?;
                    Value::Bool(true)
                }
                b'f' => {
                    self.literal(b"alse")?;
                    Value::Bool(false)
                }
                b'n' => {
                    self.literal(b"ull")?;
                    Value::Null
                }
                b'-' | b'0'..=b'9' => {
                    self.pos -= 1;
                    self.number()?
                }
                _ => return Err(Invalid),
            };
            // Place it; close the containers it completes.
            loop {
                match stack.last_mut() {
                    None => return Ok(v),
                    Some(Open::Seq(items)) => {
                        items.push(v);
                        match self.byte()? {
                            b',' => break,
                            b']' => {}
                            _ => return Err(Invalid),
                        }
                        let Some(Open::Seq(items)) = stack.pop() else {
                            unreachable!()
                        };
                        v = Value::Seq(items);
                    }
                    Some(Open::Map(map, key)) => {
                        map.insert(std::mem::take(key), v);
                        match self.byte()? {
                            b',' => {
                                *key = self.key()?;
                                break;
                            }
                            b'}' => {}
                            _ => return Err(Invalid),
                        }
                        let Some(Open::Map(map, _)) = stack.pop() else {
                            unreachable!()
                        };
                        v = Value::Map(map);
                    }
                }
            }
        }
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> R<Value> {
        let b = self.data;
        let start = self.pos;
        let mut i = start;
        let digits = |i: &mut usize| {
            let s = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > s
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => return Err(Invalid),
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                return Err(Invalid);
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !digits(&mut i) {
                return Err(Invalid);
            }
        }
        self.pos = i;
        // Only ASCII digits, signs, dots and exponents.
        let s = std::str::from_utf8(&b[start..i]).unwrap_or_default();
        Ok(match kelm_strconv::parse_float(s, 64) {
            Ok(f) => Value::Float(f),
            Err(_) => {
                if self.error.is_none() {
                    let msg =
                        format!("json: cannot unmarshal number {s} into Go value of type float64");
                    self.error = Some(Error::new(msg, None));
                }
                Value::Null
            }
        })
    }

    /// Decodes a string whose opening quote has been consumed, and the closing quote.
    fn string(&mut self) -> R<String> {
        let start = self.pos;
        let b = self.data;
        let plain = |i: &mut usize| {
            while let Some(&c) = b.get(*i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                *i += 1;
            }
        };
        let mut i = start;
        plain(&mut i);
        if b.get(i) == Some(&b'"') {
            self.pos = i + 1;
            return Ok(go_string(&b[start..i]).into_owned());
        }
        let mut out = String::with_capacity(i - start + 16);
        out.push_str(&go_string(&b[start..i]));
        loop {
            match b.get(i) {
                Some(b'"') => break,
                Some(b'\\') => {
                    let c = *b.get(i + 1).ok_or(Invalid)?;
                    i += 2;
                    match c {
                        b'"' | b'\\' | b'/' => out.push(c as char),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let r = hex4(&b[i..]).ok_or(Invalid)?;
                            i += 4;
                            if (0xD800..0xE000).contains(&r) {
                                // A surrogate: only a high one followed by an escaped low
                                // one makes a character; anything else is U+FFFD.
                                let low = if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u')
                                {
                                    hex4(&b[i + 2..])
                                } else {
                                    None
                                };
                                match low {
                                    Some(lo) if r < 0xDC00 && (0xDC00..0xE000).contains(&lo) => {
                                        let c = 0x10000 + ((r - 0xD800) << 10) + (lo - 0xDC00);
                                        out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                                        i += 6;
                                    }
                                    _ => out.push('\u{FFFD}'),
                                }
                            } else {
                                out.push(char::from_u32(r).unwrap_or('\u{FFFD}'));
                            }
                        }
                        _ => return Err(Invalid),
                    }
                }
                Some(_) if b[i] >= 0x20 => {
                    let s = i;
                    plain(&mut i);
                    out.push_str(&go_string(&b[s..i]));
                }
                _ => return Err(Invalid),
            }
        }
        self.pos = i + 1;
        Ok(out)
    }
}

/// Unescaped string bytes as Go's decoder takes them: each byte that does not start a
/// valid UTF-8 sequence becomes U+FFFD.
fn go_string(b: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(go_lossy(b)),
    }
}

/// Four hex digits, if `b` starts with them.
fn hex4(b: &[u8]) -> Option<u32> {
    let mut r = 0;
    for &c in b.get(..4)? {
        r = r * 16 + (c as char).to_digit(16)?;
    }
    Some(r)
}
