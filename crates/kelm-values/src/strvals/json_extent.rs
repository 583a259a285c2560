//! Where the first JSON value of a text ends, as Go's `json.Decoder` finds it
//! (`--set-json key=<json>,key2=...` reads one value, then goes on after it).

/// The byte offset just past the first JSON value of `text` (leading JSON blanks
/// included), or `None` when the text does not start with a complete, valid value.
///
/// Like Go's decoder, a number or a literal ends at the first byte that cannot
/// continue it (`1b` is the value `1`), and objects and arrays end at their closing
/// bracket; what follows is not looked at.
pub(super) fn value_end(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = skip_space(b, 0);
    // Open containers: b'{' or b'['.
    let mut stack: Vec<u8> = Vec::new();
    loop {
        // A value starts at i.
        match *b.get(i)? {
            b'{' => {
                i = skip_space(b, i + 1);
                if b.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    stack.push(b'{');
                    i = object_key(b, i)?;
                    continue;
                }
            }
            b'[' => {
                i = skip_space(b, i + 1);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    stack.push(b'[');
                    continue;
                }
            }
            b'"' => i = string_end(b, i)?,
            b't' => i = literal(b, i, b"true")?,
            b'f' => i = literal(b, i, b"false")?,
            b'n' => i = literal(b, i, b"null")?,
            b'-' | b'0'..=b'9' => i = number_end(b, i)?,
            _ => return None,
        }
        // A value ended at i: close containers or go on to the next item.
        loop {
            let Some(&top) = stack.last() else {
                return Some(i);
            };
            i = skip_space(b, i);
            match (top, *b.get(i)?) {
                (b'{', b'}') | (b'[', b']') => {
                    stack.pop();
                    i += 1;
                }
                (b'{', b',') => {
                    i = object_key(b, skip_space(b, i + 1))?;
                    break;
                }
                (b'[', b',') => {
                    i = skip_space(b, i + 1);
                    break;
                }
                _ => return None,
            }
        }
        if stack.len() > 10000 {
            return None;
        }
    }
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        i += 1;
    }
    i
}

/// A key and its colon at `i`; returns where the value starts.
fn object_key(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let i = skip_space(b, string_end(b, i)?);
    (b.get(i) == Some(&b':')).then(|| skip_space(b, i + 1))
}

fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match *b.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => match *b.get(i + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                b'u' => {
                    let hex = b.get(i + 2..i + 6)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    i += 6;
                }
                _ => return None,
            },
            c if c < 0x20 => return None,
            _ => i += 1,
        }
    }
}

fn literal(b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    (b.get(i..i + word.len())? == word).then_some(i + word.len())
}

fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if b[i] == b'-' {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while digit(i) {
                i += 1;
            }
        }
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digit(i) {
            return None;
        }
        while digit(i) {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digit(i) {
            return None;
        }
        while digit(i) {
            i += 1;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::value_end;

    #[test]
    fn ends_where_go_stops() {
        assert_eq!(value_end("1,b=2"), Some(1));
        assert_eq!(value_end("1b=2"), Some(1));
        assert_eq!(value_end("  {\"a\": [1, 2]},x"), Some(15));
        assert_eq!(value_end("\"a\\\"b\"c"), Some(6));
        assert_eq!(value_end("truex"), Some(4));
        assert_eq!(value_end("tru"), None);
        assert_eq!(value_end("1."), None);
        assert_eq!(value_end("[1,]"), None);
        assert_eq!(value_end("{\"a\" 1}"), None);
        assert_eq!(value_end("-"), None);
        assert_eq!(value_end("01"), Some(1));
    }
}
