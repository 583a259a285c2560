//! Go's `path.Clean` and `path/filepath.Match` (on Unix, where Helm runs, `filepath`
//! behaves as `path`): the chart loader, `.helmignore`, `--show-only`, lint and
//! Sprig's path functions all need Go's exact answers. `filepath_match` works on
//! bytes, as Go's strings are; no wildcard crosses a `/`.

/// Go's `path.Clean`: the shortest equivalent path, by lexical processing.
pub fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let b = path.as_bytes();
    let rooted = b[0] == b'/';
    let n = b.len();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let (mut r, mut dotdot) = (0, 0);
    if rooted {
        out.push(b'/');
        r = 1;
        dotdot = 1;
    }
    while r < n {
        if b[r] == b'/' || (b[r] == b'.' && (r + 1 == n || b[r + 1] == b'/')) {
            r += 1;
        } else if b[r] == b'.' && b[r + 1] == b'.' && (r + 2 == n || b[r + 2] == b'/') {
            r += 2;
            if out.len() > dotdot {
                // Back up to the previous slash.
                let mut w = out.len() - 1;
                while w > dotdot && out[w] != b'/' {
                    w -= 1;
                }
                out.truncate(w);
            } else if !rooted {
                if !out.is_empty() {
                    out.push(b'/');
                }
                out.extend_from_slice(b"..");
                dotdot = out.len();
            }
        } else {
            if (rooted && out.len() != 1) || (!rooted && !out.is_empty()) {
                out.push(b'/');
            }
            while r < n && b[r] != b'/' {
                out.push(b[r]);
                r += 1;
            }
        }
    }
    if out.is_empty() {
        return ".".to_string();
    }
    String::from_utf8(out).expect("cut at ASCII slashes")
}

/// The pattern is malformed (Go's `filepath.ErrBadPattern`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadPattern;

/// Go's `ErrBadPattern` text.
pub const BAD_PATTERN: &str = "syntax error in pattern";

/// Whether `name` matches the shell pattern `pattern`, or [`BadPattern`].
pub fn filepath_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let mut pattern = pattern.as_bytes();
    let mut name = name.as_bytes();
    'chunks: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            // A trailing star takes the rest of the name, but never a separator.
            return Ok(!name.contains(&b'/'));
        }
        let here = match_chunk(chunk, name);
        if let Ok(Some(t)) = here
            && (t.is_empty() || !pattern.is_empty())
        {
            name = t;
            continue;
        }
        here?;
        if star {
            let mut i = 0;
            while i < name.len() && name[i] != b'/' {
                match match_chunk(chunk, &name[i + 1..])? {
                    Some(t) if !pattern.is_empty() || t.is_empty() => {
                        name = t;
                        continue 'chunks;
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        // No match; Go still reports a malformed remainder of the pattern.
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern);
            pattern = rest;
            match_chunk(chunk, b"")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// Splits off leading stars and the chunk up to the next unbracketed star.
fn scan_chunk(mut pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut star = false;
    while let [b'*', rest @ ..] = pattern {
        pattern = rest;
        star = true;
    }
    let mut in_range = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' if i + 1 < pattern.len() => i += 1,
            b'[' => in_range = true,
            b']' => in_range = false,
            b'*' if !in_range => break,
            _ => {}
        }
        i += 1;
    }
    (star, &pattern[..i], &pattern[i..])
}

/// Go's `utf8.DecodeRune`: the rune and its length, `(U+FFFD, 1)` for a bad byte.
fn decode_rune(s: &[u8]) -> (u32, usize) {
    let n = match s.first() {
        None => return (0xFFFD, 0),
        Some(b) if *b < 0x80 => return (u32::from(*b), 1),
        Some(b) if *b >= 0xF0 => 4,
        Some(b) if *b >= 0xE0 => 3,
        Some(_) => 2,
    };
    match s.get(..n).and_then(|b| std::str::from_utf8(b).ok()) {
        Some(c) => (c.chars().next().map_or(0xFFFD, u32::from), n),
        None => (0xFFFD, 1),
    }
}

/// One class bound, with its escape; `BadPattern` where Go's `getEsc` fails.
fn get_esc(chunk: &[u8]) -> Result<(u32, &[u8]), BadPattern> {
    let mut chunk = chunk;
    match chunk.first() {
        None | Some(b'-') | Some(b']') => return Err(BadPattern),
        Some(b'\\') => {
            chunk = &chunk[1..];
            if chunk.is_empty() {
                return Err(BadPattern);
            }
        }
        _ => {}
    }
    let (r, n) = decode_rune(chunk);
    if r == 0xFFFD && n == 1 {
        return Err(BadPattern);
    }
    let rest = &chunk[n..];
    if rest.is_empty() {
        return Err(BadPattern);
    }
    Ok((r, rest))
}

/// Matches one star-free chunk at the start of `s`: the rest of `s`, or `None`.
fn match_chunk<'s>(mut chunk: &[u8], mut s: &'s [u8]) -> Result<Option<&'s [u8]>, BadPattern> {
    let mut failed = false;
    while let Some(&c) = chunk.first() {
        if !failed && s.is_empty() {
            failed = true;
        }
        match c {
            b'[' => {
                let mut r = 0;
                if !failed {
                    let (rune, n) = decode_rune(s);
                    r = rune;
                    s = &s[n..];
                }
                chunk = &chunk[1..];
                let negated = chunk.first() == Some(&b'^');
                if negated {
                    chunk = &chunk[1..];
                }
                let mut matched = false;
                let mut ranges = 0;
                loop {
                    if chunk.first() == Some(&b']') && ranges > 0 {
                        chunk = &chunk[1..];
                        break;
                    }
                    let (lo, rest) = get_esc(chunk)?;
                    chunk = rest;
                    let mut hi = lo;
                    if chunk[0] == b'-' {
                        let (h, rest) = get_esc(&chunk[1..])?;
                        hi = h;
                        chunk = rest;
                    }
                    if lo <= r && r <= hi {
                        matched = true;
                    }
                    ranges += 1;
                }
                if matched == negated {
                    failed = true;
                }
            }
            b'?' => {
                if !failed {
                    if s[0] == b'/' {
                        failed = true;
                    }
                    let (_, n) = decode_rune(s);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                if c == b'\\' {
                    chunk = &chunk[1..];
                    if chunk.is_empty() {
                        return Err(BadPattern);
                    }
                }
                if !failed {
                    if chunk[0] != s[0] {
                        failed = true;
                    }
                    s = &s[1..];
                }
                chunk = &chunk[1..];
            }
        }
    }
    Ok(if failed { None } else { Some(s) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_like_go() {
        // Go's path_test.go cleantests (a selection).
        for (input, want) in [
            ("", "."),
            ("abc", "abc"),
            ("abc/def", "abc/def"),
            ("a/b/c", "a/b/c"),
            (".", "."),
            ("..", ".."),
            ("../..", "../.."),
            ("../../abc", "../../abc"),
            ("/abc", "/abc"),
            ("/", "/"),
            ("abc/", "abc"),
            ("abc/def/", "abc/def"),
            ("abc//def//ghi", "abc/def/ghi"),
            ("//abc", "/abc"),
            ("///abc", "/abc"),
            ("abc/./def", "abc/def"),
            ("/./abc/def", "/abc/def"),
            ("abc/.", "abc"),
            ("abc/def/ghi/../jkl", "abc/def/jkl"),
            ("abc/def/../ghi/../jkl", "abc/jkl"),
            ("abc/def/..", "abc"),
            ("abc/def/../..", "."),
            ("/abc/def/../..", "/"),
            ("abc/def/../../..", ".."),
            ("/abc/def/../../..", "/"),
            ("abc/def/../../../ghi/jkl/../../../mno", "../../mno"),
            ("abc/./../def", "def"),
            ("abc//./../def", "def"),
            ("abc/../../././../def", "../../def"),
        ] {
            assert_eq!(clean(input), want, "{input}");
        }
    }

    // Cases from Go's path/filepath match tests (behaviour, hand-checked).
    #[test]
    fn go_match_cases() {
        let ok = |p: &str, n: &str| filepath_match(p, n).unwrap();
        assert!(ok("abc", "abc"));
        assert!(ok("*", "abc"));
        assert!(ok("*c", "abc"));
        assert!(!ok("a*", "ab/c"));
        assert!(ok("a*/b", "abc/b"));
        assert!(!ok("a*/b", "a/c/b"));
        assert!(ok("a*b*c*d*e*/f", "axbxcxdxe/f"));
        assert!(ok("ab[c]", "abc"));
        assert!(ok("ab[b-d]", "abc"));
        assert!(!ok("ab[e-g]", "abc"));
        assert!(!ok("ab[^c]", "abc"));
        assert!(ok("ab[^e-g]", "abc"));
        assert!(ok("a\\*b", "a*b"));
        assert!(!ok("a\\*b", "ab"));
        assert!(ok("a?b", "a☺b"));
        assert!(ok("a[^a]b", "a☺b"));
        assert!(!ok("a???b", "a☺b"));
        assert!(ok("[a-ζ]*", "α"));
        assert!(!ok("*[a-ζ]", "A"));
        assert!(!ok("a?b", "a/b"));
        assert!(!ok("a*b", "a/b"));
        assert!(ok("[\\]a]", "]"));
        assert!(ok("[\\-]", "-"));
        assert!(ok("[x\\-]", "x"));
        assert!(!ok("[x\\-]", "z"));
        assert!(ok("*x", "xxx"));
        assert!(!ok("templates/.?*", "templates/."));
        assert!(ok("templates/.?*", "templates/.git"));
        for bad in [
            "[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[", "a*[",
        ] {
            assert_eq!(filepath_match(bad, "abc"), Err(BadPattern), "{bad}");
        }
        assert_eq!(filepath_match("a[", "x"), Err(BadPattern));
        assert_eq!(filepath_match("*x[", "abc"), Err(BadPattern));
    }
}
