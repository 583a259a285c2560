//! Go's `path/filepath.Match` on Unix, which `helm template --show-only` matches with.
//!
//! `*` is any run of characters but `/`, `?` one character but `/`, `[...]` a class
//! (`^` negates, `a-z` ranges, `\` escapes), `\` escapes outside classes too. A
//! malformed pattern matches nothing (Helm ignores the error).

/// Whether `name` matches `pattern`.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    matches(pattern, name).unwrap_or(false)
}

struct BadPattern;

fn matches(mut pattern: &str, mut name: &str) -> Result<bool, BadPattern> {
    'chunks: while !pattern.is_empty() {
        let (star, chunk, rest) = next_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            // A final star takes the rest of a name without separators.
            return Ok(!name.contains('/'));
        }
        match match_chunk(chunk, name)? {
            Some(left) if left.is_empty() || !pattern.is_empty() => {
                name = left;
                continue;
            }
            _ => {}
        }
        if star {
            // Let the star take 1, 2... bytes (never a separator) before the chunk.
            for (i, b) in name.bytes().enumerate() {
                if b == b'/' {
                    break;
                }
                let Some(tail) = name.get(i + 1..) else {
                    continue;
                };
                if let Some(left) = match_chunk(chunk, tail)? {
                    if pattern.is_empty() && !left.is_empty() {
                        continue;
                    }
                    name = left;
                    continue 'chunks;
                }
            }
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// Splits off the leading stars and the chunk up to the next star outside a class.
fn next_chunk(pattern: &str) -> (bool, &str, &str) {
    let rest = pattern.trim_start_matches('*');
    let star = rest.len() != pattern.len();
    let b = rest.as_bytes();
    let mut in_class = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() => i += 1,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'*' if !in_class => break,
            _ => {}
        }
        i += 1;
    }
    (star, &rest[..i], &rest[i..])
}

/// Matches one star-free chunk at the start of `s`: what is left of `s`, or `None`.
/// The whole chunk is always checked, so a malformed one is an error even after a
/// mismatch.
fn match_chunk<'s>(mut chunk: &str, mut s: &'s str) -> Result<Option<&'s str>, BadPattern> {
    let mut failed = false;
    while let Some(c) = chunk.chars().next() {
        if !failed && s.is_empty() {
            failed = true;
        }
        match c {
            '[' => {
                let mut r = None;
                if !failed {
                    let ch = s.chars().next().unwrap_or('\u{FFFD}');
                    s = &s[ch.len_utf8()..];
                    r = Some(ch);
                }
                chunk = &chunk[1..];
                let negated = chunk.starts_with('^');
                if negated {
                    chunk = &chunk[1..];
                }
                let mut matched = false;
                let mut ranges = 0;
                loop {
                    if ranges > 0 && chunk.starts_with(']') {
                        chunk = &chunk[1..];
                        break;
                    }
                    let (lo, after) = class_char(chunk)?;
                    chunk = after;
                    let mut hi = lo;
                    if let Some(after_dash) = chunk.strip_prefix('-') {
                        let (h, after) = class_char(after_dash)?;
                        hi = h;
                        chunk = after;
                    }
                    if r.is_some_and(|r| lo <= r && r <= hi) {
                        matched = true;
                    }
                    ranges += 1;
                }
                if matched == negated {
                    failed = true;
                }
            }
            '?' => {
                if !failed {
                    let ch = s.chars().next().unwrap_or('/');
                    if ch == '/' {
                        failed = true;
                    }
                    s = &s[ch.len_utf8()..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                let mut lit = c;
                if c == '\\' {
                    chunk = &chunk[1..];
                    lit = chunk.chars().next().ok_or(BadPattern)?;
                }
                if !failed {
                    let ch = s.chars().next().unwrap_or('\u{FFFD}');
                    if !s.starts_with(lit) {
                        failed = true;
                    }
                    // Go compares and skips one byte; names and patterns are UTF-8
                    // here, so a character at a time gives the same outcome.
                    s = &s[if failed {
                        ch.len_utf8()
                    } else {
                        lit.len_utf8()
                    }..];
                }
                chunk = &chunk[lit.len_utf8()..];
            }
        }
    }
    Ok(if failed { None } else { Some(s) })
}

/// One character of a class, possibly escaped; a class may not end there.
fn class_char(chunk: &str) -> Result<(char, &str), BadPattern> {
    let mut chunk = chunk;
    if chunk.is_empty() || chunk.starts_with('-') || chunk.starts_with(']') {
        return Err(BadPattern);
    }
    if let Some(rest) = chunk.strip_prefix('\\') {
        chunk = rest;
    }
    let c = chunk.chars().next().ok_or(BadPattern)?;
    let rest = &chunk[c.len_utf8()..];
    if rest.is_empty() {
        return Err(BadPattern);
    }
    Ok((c, rest))
}
