//! Go's `json.Unmarshal` into `interface{}`, `map[string]interface{}` or
//! `[]interface{}`, for input [`scan::check_valid`] accepted.
//!
//! Like Go, decoding goes on after a number that does not fit a float64: the number
//! becomes nil, the first such error is kept, and the partially decoded value is
//! returned with it. Decoding uses an explicit stack, so nesting cannot overflow the
//! Rust stack (Go's checker limits it to 10000 anyway).

use super::scan;
use crate::{Error, JsonTarget, Map, Value};

/// A container being decoded.
enum Open {
    Seq(Vec<Value>),
    /// A map and the key whose value is being decoded.
    Map(Map, String),
}

struct Decoder<'a> {
    text: &'a str,
    data: &'a [u8],
    pos: usize,
    /// The first decoding (not syntax) error.
    error: Option<Error>,
}

/// Decodes `text` into `target`: the value Go leaves in the target variable (a map or
/// slice target left untouched reads as empty) and the error `Unmarshal` returns.
pub(crate) fn decode(text: &str, target: JsonTarget) -> (Value, Option<Error>) {
    let untouched = || match target {
        JsonTarget::Any => Value::Null,
        JsonTarget::Map => Value::Map(Map::new()),
        JsonTarget::Seq => Value::Seq(Vec::new()),
    };
    if let Err(msg) = scan::check_valid(text.as_bytes()) {
        return (untouched(), Some(Error::new(msg, None)));
    }
    let mut d = Decoder {
        text,
        data: text.as_bytes(),
        pos: 0,
        error: None,
    };
    d.skip_space();
    let first = d.data[d.pos];
    let kind = match first {
        b'{' => "object",
        b'[' => "array",
        b'"' => "string",
        b't' | b'f' => "bool",
        b'n' => "null",
        _ => "number",
    };
    let go_type = match target {
        JsonTarget::Map if kind != "object" && kind != "null" => "map[string]interface {}",
        JsonTarget::Seq if kind != "array" && kind != "null" => "[]interface {}",
        _ => "",
    };
    if !go_type.is_empty() {
        let msg = format!("json: cannot unmarshal {kind} into Go value of type {go_type}");
        return (untouched(), Some(Error::new(msg, None)));
    }
    let value = d.value();
    (value, d.error)
}

impl Decoder<'_> {
    #[inline]
    fn skip_space(&mut self) {
        while let Some(c) = self.data.get(self.pos) {
            if !matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
                break;
            }
            self.pos += 1;
        }
    }

    /// The next non-space byte, consumed.
    #[inline]
    fn byte(&mut self) -> u8 {
        self.skip_space();
        let c = self.data[self.pos];
        self.pos += 1;
        c
    }

    /// Reads `"key":` at the current position.
    fn key(&mut self) -> String {
        self.skip_space();
        self.pos += 1; // the opening quote
        let k = self.string();
        self.byte(); // the colon
        k
    }

    /// Decodes the value at the current position.
    fn value(&mut self) -> Value {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            // One value, or the opening of a non-empty container.
            let mut v = match self.byte() {
                b'{' => {
                    self.skip_space();
                    if self.data[self.pos] == b'}' {
                        self.pos += 1;
                        Value::Map(Map::new())
                    } else {
                        let k = self.key();
                        stack.push(Open::Map(Map::new(), k));
                        continue;
                    }
                }
                b'[' => {
                    self.skip_space();
                    if self.data[self.pos] == b']' {
                        self.pos += 1;
                        Value::Seq(Vec::new())
                    } else {
                        stack.push(Open::Seq(Vec::new()));
                        continue;
                    }
                }
                b'"' => Value::String(self.string()),
                b't' => {
                    self.pos += 3;
                    Value::Bool(true)
                }
                b'f' => {
                    self.pos += 4;
                    Value::Bool(false)
                }
                b'n' => {
                    self.pos += 3;
                    Value::Null
                }
                _ => {
                    self.pos -= 1;
                    self.number()
                }
            };
            // Place it; close the containers it completes.
            loop {
                match stack.last_mut() {
                    None => return v,
                    Some(Open::Seq(items)) => {
                        items.push(v);
                        if self.byte() == b',' {
                            break;
                        }
                        let Some(Open::Seq(items)) = stack.pop() else {
                            unreachable!()
                        };
                        v = Value::Seq(items);
                    }
                    Some(Open::Map(map, key)) => {
                        map.insert(std::mem::take(key), v);
                        if self.byte() == b',' {
                            *key = self.key();
                            break;
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

    fn number(&mut self) -> Value {
        let start = self.pos;
        while let Some(c) = self.data.get(self.pos) {
            if !matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                break;
            }
            self.pos += 1;
        }
        let s = &self.text[start..self.pos];
        match kelm_strconv::parse_float(s, 64) {
            Ok(f) => Value::Float(f),
            Err(_) => {
                if self.error.is_none() {
                    let msg =
                        format!("json: cannot unmarshal number {s} into Go value of type float64");
                    self.error = Some(Error::new(msg, None));
                }
                Value::Null
            }
        }
    }

    /// Decodes a string whose opening quote has been consumed, and the closing quote.
    fn string(&mut self) -> String {
        let start = self.pos;
        let b = self.data;
        let mut i = start;
        while b[i] != b'"' && b[i] != b'\\' {
            i += 1;
        }
        if b[i] == b'"' {
            self.pos = i + 1;
            return self.text[start..i].to_string();
        }
        let mut out = String::with_capacity(i - start + 16);
        out.push_str(&self.text[start..i]);
        loop {
            match b[i] {
                b'"' => break,
                b'\\' => {
                    i += 1;
                    let c = b[i];
                    i += 1;
                    match c {
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let r = hex4(&b[i..]);
                            i += 4;
                            if (0xD800..0xE000).contains(&r) {
                                // A surrogate: only a high one followed by an escaped low
                                // one makes a character; anything else is U+FFFD.
                                let low = if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u')
                                {
                                    valid_hex4(&b[i + 2..])
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
                        _ => out.push(c as char), // '"', '\\', '/'
                    }
                }
                _ => {
                    let s = i;
                    while b[i] != b'"' && b[i] != b'\\' {
                        i += 1;
                    }
                    out.push_str(&self.text[s..i]);
                }
            }
        }
        self.pos = i + 1;
        out
    }
}

fn hex_val(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// Four hex digits the checker has already validated.
fn hex4(b: &[u8]) -> u32 {
    valid_hex4(b).unwrap_or(0xFFFD)
}

fn valid_hex4(b: &[u8]) -> Option<u32> {
    let mut r = 0;
    for &c in b.get(..4)? {
        r = r * 16 + hex_val(c)?;
    }
    Some(r)
}
