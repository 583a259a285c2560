//! Character classes for the translation: Go's ASCII Perl and POSIX classes as
//! explicit ranges, and Go's rules for `\p{...}` names (its `canonicalName`, category
//! aliases and the quirks that come with them) resolved to Rust property classes.

use super::names::{CATEGORIES, CATEGORY_ALIASES, SCRIPTS};

/// A character as a Rust class or pattern element, immune to Rust's class operators.
fn hex(c: char) -> String {
    hex_cp(c as u32)
}

/// [`hex`] for a code point.
pub(super) fn hex_cp(c: u32) -> String {
    format!("\\x{{{c:X}}}")
}

/// A Rust class that matches nothing.
pub(super) const NOTHING: &str = "[^\\x{0}-\\x{10FFFF}]";

/// ASCII ranges of Go's Perl and POSIX classes.
pub(super) fn ascii_group(name: &str) -> Option<(bool, &'static [(u8, u8)])> {
    let (neg, base) = match name.strip_prefix('^') {
        Some(b) => (true, b),
        None => (false, name),
    };
    let ranges: &'static [(u8, u8)] = match base {
        "d" | "digit" => &[(b'0', b'9')],
        "s" => &[(b'\t', b'\n'), (0x0c, b'\r'), (b' ', b' ')],
        "w" | "word" => &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')],
        "alnum" => &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
        "alpha" => &[(b'A', b'Z'), (b'a', b'z')],
        "ascii" => &[(0, 0x7f)],
        "blank" => &[(b'\t', b'\t'), (b' ', b' ')],
        "cntrl" => &[(0, 0x1f), (0x7f, 0x7f)],
        "graph" => &[(b'!', b'~')],
        "lower" => &[(b'a', b'z')],
        "print" => &[(b' ', b'~')],
        "punct" => &[(b'!', b'/'), (b':', b'@'), (b'[', b'`'), (b'{', b'~')],
        "space" => &[(b'\t', b'\r'), (b' ', b' ')],
        "upper" => &[(b'A', b'Z')],
        "xdigit" => &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
        _ => return None,
    };
    Some((neg, ranges))
}

/// A Go ASCII group as a Rust bracketed class.
pub(super) fn group_class(neg: bool, ranges: &[(u8, u8)]) -> String {
    let mut s = String::from(if neg { "[^" } else { "[" });
    for &(lo, hi) in ranges {
        s.push_str(&hex(char::from(lo)));
        if hi != lo {
            s.push('-');
            s.push_str(&hex(char::from(hi)));
        }
    }
    s.push(']');
    s
}

/// Go's `canonicalName` for Unicode class names: `_`, `-` and spaces dropped, the
/// first letter upper case and the rest lower case.
pub(super) fn canonical_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut first = true;
    for c in name.bytes() {
        match c {
            b'_' | b'-' | b' ' => {}
            _ if first => {
                out.push(char::from(c.to_ascii_uppercase()));
                first = false;
            }
            _ => out.push(char::from(c.to_ascii_lowercase())),
        }
    }
    out
}

/// The Rust class for a Go Unicode class name (`None` where Go knows no such name).
pub(super) fn unicode_class(name: &str) -> Option<String> {
    let name = canonical_name(name);
    let gc = |c: &str| Some(format!("gc={c}"));
    match name.as_str() {
        "Any" => return Some("Any".to_string()),
        "Assigned" => return Some("Assigned".to_string()),
        "Ascii" => return Some("ASCII".to_string()),
        "Lc" => return gc("LC"),
        _ => {}
    }
    if CATEGORIES.contains(&name.as_str()) {
        return gc(&name);
    }
    if SCRIPTS.contains(&name.as_str()) {
        return Some(format!("sc={name}"));
    }
    CATEGORY_ALIASES
        .iter()
        .find(|(alias, _)| canonical_name(alias) == name)
        .and_then(|(_, actual)| gc(actual))
}

/// A Perl class escape (`\d`, `\S`, ...) at the start of `s`.
pub(super) fn perl_class(s: &str) -> Option<(bool, &'static [(u8, u8)])> {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'\\' {
        return None;
    }
    let name = match b[1] {
        b'd' => "d",
        b'D' => "^d",
        b's' => "s",
        b'S' => "^s",
        b'w' => "w",
        b'W' => "^w",
        _ => return None,
    };
    ascii_group(name)
}
