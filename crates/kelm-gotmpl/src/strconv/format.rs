//! Go's `strconv` formatting: `Quote`, `QuoteRune`, `FormatFloat` and friends.

/// Go's `strconv.Quote`: a double-quoted Go string literal for `s`.
pub fn quote(s: &str) -> String {
    // Placeholder until the full implementation lands: correct for printable ASCII.
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `strconv.IsPrint` (placeholder).
pub fn is_print(c: char) -> bool {
    !c.is_control()
}
