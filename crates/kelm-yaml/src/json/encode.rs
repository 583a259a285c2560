//! Go's `json.Marshal`, `json.MarshalIndent(v, "", indent)` and `Encoder` with
//! `SetEscapeHTML(false)`, for the [`Value`] model.
//!
//! Maps print their keys in byte order (Go sorts map keys with `strings.Compare`);
//! floats print as ES6 does (`'f'` layout between 1e-6 and 1e21, else `'e'` with the
//! exponent's leading zero dropped); NaN and infinities are errors. Output is built
//! without recursion, so arbitrarily deep values cannot overflow the stack.

use std::collections::btree_map;

use crate::{Error, GoTime, JsonStyle, Value};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Per ASCII byte: 0 prints as is, 1 prints as is unless HTML escaping is on, 2 always
/// needs an escape.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 0x20 {
        t[i] = 2;
        i += 1;
    }
    t[b'"' as usize] = 2;
    t[b'\\' as usize] = 2;
    t[b'<' as usize] = 1;
    t[b'>' as usize] = 1;
    t[b'&' as usize] = 1;
    t
};

/// A container being printed: the iterator over what is left of it, and whether its
/// first item is still to come.
enum Open<'a> {
    Seq(std::slice::Iter<'a, Value>, bool),
    Map(btree_map::Iter<'a, String, Value>, bool),
}

/// Prints `value` as Go's encoder does with `style`.
pub(crate) fn encode(value: &Value, style: JsonStyle) -> Result<String, Error> {
    let mut out = String::with_capacity(128);
    encode_into(&mut out, value, style)?;
    Ok(out)
}

/// Appends `value` to `out`; on error `out` holds a partial document.
pub(crate) fn encode_into(out: &mut String, value: &Value, style: JsonStyle) -> Result<(), Error> {
    let indent = style.indent;
    let mut stack: Vec<Open<'_>> = Vec::new();
    let mut next = value;
    loop {
        // Print one value; a non-empty container opens a level instead.
        match next {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => kelm_strconv::append_int(out, *i, 10),
            Value::Uint(u) => kelm_strconv::append_uint(out, *u, 10),
            Value::Float(f) => append_float(out, *f)?,
            Value::String(s) => append_string(out, s, style.escape_html),
            Value::Time(t) => out.push_str(&marshal_time(t)?),
            Value::Seq(items) if items.is_empty() => out.push_str("[]"),
            Value::Seq(items) => {
                out.push('[');
                stack.push(Open::Seq(items.iter(), true));
            }
            Value::Map(map) if map.is_empty() => out.push_str("{}"),
            Value::Map(map) => {
                out.push('{');
                stack.push(Open::Map(map.iter(), true));
            }
        }
        // Find the next value, closing finished containers.
        loop {
            let depth = stack.len();
            let Some(top) = stack.last_mut() else {
                return Ok(());
            };
            let (item, first) = match top {
                Open::Seq(it, first) => (it.next().map(|v| (None, v)), first),
                Open::Map(it, first) => (it.next().map(|(k, v)| (Some(k), v)), first),
            };
            let Some((key, v)) = item else {
                let close = match top {
                    Open::Seq(..) => ']',
                    Open::Map(..) => '}',
                };
                stack.pop();
                newline(out, indent, depth - 1);
                out.push(close);
                continue;
            };
            if !std::mem::replace(first, false) {
                out.push(',');
            }
            newline(out, indent, depth);
            if let Some(k) = key {
                append_string(out, k, style.escape_html);
                out.push_str(if indent.is_some() { ": " } else { ":" });
            }
            next = v;
            break;
        }
    }
}

/// A time as `json.Marshal` writes it (its `MarshalJSON`), or Go's error.
pub(crate) fn marshal_time(t: &GoTime) -> Result<String, Error> {
    t.marshal_json().map_err(|e| {
        Error::new(
            format!("json: error calling MarshalJSON for type time.Time: {e}"),
            None,
        )
    })
}

/// A newline and `depth` indents, when indenting.
#[inline]
fn newline(out: &mut String, indent: Option<&str>, depth: usize) {
    if let Some(ind) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(ind);
        }
    }
}

/// Go's float64 encoder.
pub(crate) fn append_float(out: &mut String, f: f64) -> Result<(), Error> {
    if !f.is_finite() {
        let mut msg = String::from("json: unsupported value: ");
        kelm_strconv::append_float(&mut msg, f, 'g', -1, 64);
        return Err(Error::new(msg, None));
    }
    let abs = f.abs();
    let exp = abs != 0.0 && !(1e-6..1e21).contains(&abs);
    let start = out.len();
    kelm_strconv::append_float(out, f, if exp { 'e' } else { 'f' }, -1, 64);
    if exp {
        // "e-07" becomes "e-7".
        let b = &out.as_bytes()[start..];
        let n = b.len();
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
            let last = b[n - 1] as char;
            out.truncate(start + n - 2);
            out.push(last);
        }
    }
    Ok(())
}

/// Go's `appendString` for valid UTF-8.
pub(crate) fn append_string(out: &mut String, s: &str, escape_html: bool) {
    let limit = if escape_html { 1 } else { 2 };
    out.push('"');
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if ASCII_CLASS[c as usize] < limit {
                i += 1;
                continue;
            }
            out.push_str(&s[start..i]);
            match c {
                b'\\' | b'"' => {
                    out.push('\\');
                    out.push(c as char);
                }
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ => {
                    out.push_str("\\u00");
                    out.push(HEX[(c >> 4) as usize] as char);
                    out.push(HEX[(c & 15) as usize] as char);
                }
            }
            i += 1;
            start = i;
        } else if c == 0xE2 && i + 2 < b.len() && b[i + 1] == 0x80 && b[i + 2] & !1 == 0xA8 {
            // U+2028 and U+2029.
            out.push_str(&s[start..i]);
            out.push_str(if b[i + 2] == 0xA8 {
                "\\u2028"
            } else {
                "\\u2029"
            });
            i += 3;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}
