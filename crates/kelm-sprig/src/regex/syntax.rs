//! Go's `regexp/syntax` parser (with the flags `regexp.Compile` uses), checking an
//! expression as Go does, with Go's error texts, and translating it into an
//! equivalent pattern for Rust's `regex` crate.
//!
//! The translation makes every Go meaning explicit, so that no Rust default leaks in:
//! `\d`, `\s`, `\w`, `\b` and the POSIX classes are ASCII as in Go; `^` and `$` are
//! text anchors unless `(?m)`; flags (`i`, `m`, `s`, `U`) are applied to each atom
//! rather than passed on; `\p{...}` names are resolved with Go's rules and emitted
//! as explicit general categories or scripts; capture groups are emitted unnamed
//! (Go allows names Rust refuses, and duplicate names), their names kept aside.

use super::classes::{NOTHING, ascii_group, group_class, hex_cp, perl_class, unicode_class};

/// Go's error codes (`syntax.ErrorCode`), as their messages.
const MISSING_PAREN: &str = "missing closing )";
const UNEXPECTED_PAREN: &str = "unexpected )";
const MISSING_BRACKET: &str = "missing closing ]";
const MISSING_REPEAT_ARG: &str = "missing argument to repetition operator";
const INVALID_REPEAT_OP: &str = "invalid nested repetition operator";
const INVALID_REPEAT_SIZE: &str = "invalid repeat count";
const INVALID_ESCAPE: &str = "invalid escape sequence";
const INVALID_CHAR_RANGE: &str = "invalid character class range";
const INVALID_NAMED_CAPTURE: &str = "invalid named capture";
const INVALID_PERL_OP: &str = "invalid or unsupported Perl syntax";
const TRAILING_BACKSLASH: &str = "trailing backslash at end of expression";
const NESTING_DEPTH: &str = "expression nests too deeply";

/// Go's limit on the height of the parsed tree.
const MAX_HEIGHT: u32 = 1000;

/// Go's `*syntax.Error` text.
fn error(code: &str, expr: &str) -> String {
    format!("error parsing regexp: {code}: `{expr}`")
}

/// A Go expression translated for Rust.
#[derive(Debug)]
pub(crate) struct Translated {
    /// The Rust pattern.
    pub(crate) pattern: String,
    /// Group names by group number (index 0 is the whole match); `""` when unnamed.
    pub(crate) names: Vec<String>,
}

#[derive(Clone, Copy, Debug)]
struct Flags {
    fold: bool,
    one_line: bool,
    dot_nl: bool,
    non_greedy: bool,
}

/// A piece of the translation, with what Go's checks need to know of it: the smallest
/// repeat budget under which `repeatIsValid` accepts it, and the height of Go's tree
/// for it (literal characters in a row make one node).
struct Atom {
    text: String,
    need: u64,
    height: u32,
    literal: bool,
}

struct Frame {
    alternatives: Vec<String>,
    heights: Vec<u32>,
    atoms: Vec<Atom>,
    need: u64,
    /// `Some(capture)` for a group (capturing or not); `None` for the top level.
    group: Option<bool>,
    /// The flags in force before the group, restored at its `)`.
    saved: Flags,
}

impl Frame {
    fn new(group: Option<bool>, saved: Flags) -> Frame {
        Frame {
            alternatives: Vec::new(),
            heights: Vec::new(),
            atoms: Vec::new(),
            need: 0,
            group,
            saved,
        }
    }

    fn finish_alternative(&mut self) {
        let text: String = self.atoms.iter().map(|a| a.text.as_str()).collect();
        self.need = self.atoms.iter().fold(self.need, |n, a| n.max(a.need));
        let mut items = 0;
        let mut max = 0;
        for (i, a) in self.atoms.iter().enumerate() {
            if !(a.literal && i > 0 && self.atoms[i - 1].literal) {
                items += 1;
            }
            max = max.max(a.height);
        }
        self.heights.push(match items {
            0 => 1,
            1 => max,
            _ => max + 1,
        });
        self.atoms.clear();
        self.alternatives.push(text);
    }

    /// The height of the group's content (an alternation of its alternatives).
    fn height(&self) -> u32 {
        let max = self.heights.iter().copied().max().unwrap_or(1);
        if self.heights.len() > 1 { max + 1 } else { max }
    }
}

/// The next character of `s` (which is not empty).
fn next_char(s: &str) -> (char, &str) {
    let c = s.chars().next().expect("not empty");
    (c, &s[c.len_utf8()..])
}

struct Parser<'a> {
    whole: &'a str,
    flags: Flags,
    frames: Vec<Frame>,
    names: Vec<String>,
}

/// Parses a Go expression; `Err` holds Go's error text.
pub(crate) fn translate(expr: &str) -> Result<Translated, String> {
    let mut p = Parser {
        whole: expr,
        flags: Flags {
            fold: false,
            one_line: true,
            dot_nl: false,
            non_greedy: false,
        },
        frames: Vec::new(),
        names: vec![String::new()],
    };
    p.frames.push(Frame::new(None, p.flags));
    p.run()?;
    let mut top = p.frames.pop().expect("top frame");
    top.finish_alternative();
    if top.height() > MAX_HEIGHT {
        return Err(error(NESTING_DEPTH, expr));
    }
    Ok(Translated {
        pattern: top.alternatives.join("|"),
        names: p.names,
    })
}

impl<'a> Parser<'a> {
    /// The byte offset of `rest` (a suffix of the expression).
    fn pos(&self, rest: &str) -> usize {
        self.whole.len() - rest.len()
    }

    fn frame(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame")
    }

    /// Pushes a leaf (a node of height 1, which no limit refuses).
    fn push(&mut self, text: String, need: u64) {
        self.push_leaf(text, need, false);
    }

    fn push_leaf(&mut self, text: String, need: u64, literal: bool) {
        self.frame().atoms.push(Atom {
            text,
            need,
            height: 1,
            literal,
        });
    }

    /// Pushes a node with children, refusing trees deeper than Go allows.
    fn push_node(
        &mut self,
        text: String,
        need: u64,
        height: u32,
        literal: bool,
    ) -> Result<(), String> {
        if height > MAX_HEIGHT {
            return Err(error(NESTING_DEPTH, self.whole));
        }
        self.frame().atoms.push(Atom {
            text,
            need,
            height,
            literal,
        });
        Ok(())
    }

    fn literal(&mut self, c: char) {
        let esc = regex::escape(c.encode_utf8(&mut [0; 4]));
        let text = if self.flags.fold {
            format!("(?i:{esc})")
        } else {
            esc
        };
        self.push_leaf(text, 0, true);
    }

    fn run(&mut self) -> Result<(), String> {
        let whole = self.whole;
        let mut t = whole;
        // Where the previous item's repetition operator started, if it was one.
        let mut last_repeat: Option<usize> = None;
        while !t.is_empty() {
            let mut repeat = None;
            let start = self.pos(t);
            match t.as_bytes()[0] {
                b'(' => {
                    if t.len() >= 2 && t.as_bytes()[1] == b'?' {
                        t = self.perl_flags(t)?;
                    } else {
                        self.names.push(String::new());
                        let saved = self.flags;
                        self.frames.push(Frame::new(Some(true), saved));
                        t = &t[1..];
                    }
                }
                b'|' => {
                    self.frame().finish_alternative();
                    t = &t[1..];
                }
                b')' => {
                    self.right_paren()?;
                    t = &t[1..];
                }
                b'^' => {
                    let a = if self.flags.one_line { "\\A" } else { "(?m:^)" };
                    self.push(a.to_string(), 0);
                    t = &t[1..];
                }
                b'$' => {
                    let a = if self.flags.one_line { "\\z" } else { "(?m:$)" };
                    self.push(a.to_string(), 0);
                    t = &t[1..];
                }
                b'.' => {
                    let a = if self.flags.dot_nl { "(?s:.)" } else { "." };
                    self.push(a.to_string(), 0);
                    t = &t[1..];
                }
                b'[' => t = self.class(t)?,
                op @ (b'*' | b'+' | b'?') => {
                    let after = &t[1..];
                    let op = char::from(op).to_string();
                    t = self.repeat(&op, None, start, after, last_repeat)?;
                    repeat = Some(start);
                }
                b'{' => match parse_repeat(t) {
                    None => {
                        self.literal('{');
                        t = &t[1..];
                    }
                    Some((min, max, after)) => {
                        let text = &t[..t.len() - after.len()];
                        if !(0..=1000).contains(&min) || max > 1000 || max >= 0 && min > max {
                            return Err(error(INVALID_REPEAT_SIZE, text));
                        }
                        let op = match max {
                            -1 => format!("{{{min},}}"),
                            m if m == min => format!("{{{min}}}"),
                            m => format!("{{{min},{m}}}"),
                        };
                        t = self.repeat(&op, Some((min, max)), start, after, last_repeat)?;
                        repeat = Some(start);
                    }
                },
                b'\\' => t = self.backslash(t)?,
                _ => {
                    let (c, rest) = next_char(t);
                    self.literal(c);
                    t = rest;
                }
            }
            last_repeat = repeat;
        }
        if self.frames.len() != 1 {
            return Err(error(MISSING_PAREN, whole));
        }
        Ok(())
    }

    /// A repetition operator `op` (`*`, `+`, `?` or a `{...}` count) applied to the
    /// last item; `after` follows the operator.
    fn repeat(
        &mut self,
        op: &str,
        count: Option<(i64, i64)>,
        start: usize,
        after: &'a str,
        last_repeat: Option<usize>,
    ) -> Result<&'a str, String> {
        let mut after = after;
        let mut non_greedy = self.flags.non_greedy;
        if let Some(rest) = after.strip_prefix('?') {
            after = rest;
            non_greedy = !non_greedy;
        }
        let end = self.pos(after);
        if let Some(prev) = last_repeat {
            return Err(error(INVALID_REPEAT_OP, &self.whole[prev..end]));
        }
        let op_text = &self.whole[start..end];
        let Some(sub) = self.frame().atoms.pop() else {
            return Err(error(MISSING_REPEAT_ARG, op_text));
        };
        let mut need = sub.need;
        if let Some((min, max)) = count {
            let m = if max < 0 { min } else { max } as u64;
            need = if m == 0 {
                0
            } else {
                m.saturating_mul(need.max(1))
            };
            if (min >= 2 || max >= 2) && need > 1000 {
                return Err(error(INVALID_REPEAT_SIZE, op_text));
            }
        }
        let lazy = if non_greedy { "?" } else { "" };
        let text = format!("(?:{}){op}{lazy}", sub.text);
        self.push_node(text, need, sub.height + 1, false)?;
        Ok(after)
    }

    fn right_paren(&mut self) -> Result<(), String> {
        if self.frames.len() < 2 {
            return Err(error(UNEXPECTED_PAREN, self.whole));
        }
        let mut f = self.frames.pop().expect("checked");
        f.finish_alternative();
        self.flags = f.saved;
        let body = f.alternatives.join("|");
        let (text, height) = if f.group == Some(true) {
            (format!("({body})"), f.height() + 1)
        } else {
            (format!("(?:{body})"), f.height())
        };
        self.push_node(text, f.need, height, false)
    }

    /// `(?` constructs: named groups and flags (Go's `parsePerlFlags`).
    fn perl_flags(&mut self, s: &'a str) -> Result<&'a str, String> {
        let b = s.as_bytes();
        let starts_with_p = b.len() > 4 && b[2] == b'P' && b[3] == b'<';
        let starts_with_name = b.len() > 3 && b[2] == b'<';
        if starts_with_p || starts_with_name {
            let expr_start = if starts_with_p { 4 } else { 3 };
            let Some(end) = s.find('>') else {
                return Err(error(INVALID_NAMED_CAPTURE, s));
            };
            let capture = &s[..end + 1];
            let name = &s[expr_start..end];
            let valid =
                !name.is_empty() && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
            if !valid {
                return Err(error(INVALID_NAMED_CAPTURE, capture));
            }
            self.names.push(name.to_string());
            let saved = self.flags;
            self.frames.push(Frame::new(Some(true), saved));
            return Ok(&s[end + 1..]);
        }
        let mut t = &s[2..];
        let mut flags = self.flags;
        let mut negated = false;
        let mut saw_flag = false;
        while !t.is_empty() {
            let (c, rest) = next_char(t);
            t = rest;
            let value = !negated;
            match c {
                'i' => {
                    flags.fold = value;
                    saw_flag = true;
                }
                'm' => {
                    flags.one_line = !value;
                    saw_flag = true;
                }
                's' => {
                    flags.dot_nl = value;
                    saw_flag = true;
                }
                'U' => {
                    flags.non_greedy = value;
                    saw_flag = true;
                }
                '-' => {
                    if negated {
                        break;
                    }
                    negated = true;
                    saw_flag = false;
                }
                ':' | ')' => {
                    if negated && !saw_flag {
                        break;
                    }
                    if c == ':' {
                        let saved = self.flags;
                        self.frames.push(Frame::new(Some(false), saved));
                    }
                    self.flags = flags;
                    return Ok(t);
                }
                _ => break,
            }
        }
        Err(error(INVALID_PERL_OP, &s[..s.len() - t.len()]))
    }

    /// A backslash outside a class.
    fn backslash(&mut self, t: &'a str) -> Result<&'a str, String> {
        let b = t.as_bytes();
        if b.len() >= 2 {
            let simple = match b[1] {
                b'A' => Some("\\A"),
                b'b' => Some("(?-u:\\b)"),
                b'B' => Some("(?-u:\\B)"),
                b'z' => Some("\\z"),
                b'C' => return Err(error(INVALID_ESCAPE, &t[..2])),
                b'Q' => {
                    let body = &t[2..];
                    let (lit, rest) = match body.find("\\E") {
                        Some(i) => (&body[..i], &body[i + 2..]),
                        None => (body, ""),
                    };
                    for c in lit.chars() {
                        self.literal(c);
                    }
                    return Ok(rest);
                }
                _ => None,
            };
            if let Some(a) = simple {
                self.push(a.to_string(), 0);
                return Ok(&t[2..]);
            }
        }
        if let Some((class, rest)) = self.unicode_class(t)? {
            self.push_class(class);
            return Ok(rest);
        }
        if let Some((neg, ranges)) = perl_class(t) {
            self.push_class(group_class(neg, ranges));
            return Ok(&t[2..]);
        }
        let (c, rest) = parse_escape(t)?;
        match char::from_u32(c) {
            Some(c) => self.literal(c),
            // A surrogate: Go takes it as a rune that no UTF-8 text contains.
            None => self.push(NOTHING.to_string(), 0),
        }
        Ok(rest)
    }

    fn push_class(&mut self, class: String) {
        let text = if self.flags.fold {
            format!("(?i:{class})")
        } else {
            class
        };
        self.push(text, 0);
    }

    /// `\pX`, `\p{Name}`, `\PX`, `\P{^Name}`... as a Rust class.
    fn unicode_class(&self, s: &'a str) -> Result<Option<(String, &'a str)>, String> {
        let b = s.as_bytes();
        if b.len() < 2 || b[0] != b'\\' || (b[1] != b'p' && b[1] != b'P') {
            return Ok(None);
        }
        let mut negated = b[1] == b'P';
        let t = &s[2..];
        let (seq, rest, mut name) = match t.chars().next() {
            Some('{') => {
                let Some(end) = s.find('}') else {
                    return Err(error(INVALID_CHAR_RANGE, s));
                };
                (&s[..end + 1], &s[end + 1..], &s[3..end])
            }
            Some(c) => {
                let n = 2 + c.len_utf8();
                (&s[..n], &s[n..], &s[2..n])
            }
            None => (s, "", ""),
        };
        if let Some(n) = name.strip_prefix('^') {
            negated = !negated;
            name = n;
        }
        let Some(prop) = unicode_class(name) else {
            return Err(error(INVALID_CHAR_RANGE, seq));
        };
        let p = if negated { 'P' } else { 'p' };
        Ok(Some((format!("\\{p}{{{prop}}}"), rest)))
    }

    /// A bracketed class (Go's `parseClass`).
    fn class(&mut self, s: &'a str) -> Result<&'a str, String> {
        let mut t = &s[1..];
        let mut negated = false;
        if t.starts_with('^') {
            negated = true;
            t = &t[1..];
        }
        let mut items = String::new();
        let mut first = true;
        while t.is_empty() || !t.starts_with(']') || first {
            first = false;
            if t.len() > 2
                && t.starts_with("[:")
                && let Some(i) = t[2..].find(":]")
            {
                let name = &t[..i + 4];
                let posix = &name[2..name.len() - 2];
                let group = match posix.trim_start_matches('^') {
                    "d" | "s" | "w" => None,
                    _ => ascii_group(posix),
                };
                let Some((neg, ranges)) = group else {
                    return Err(error(INVALID_CHAR_RANGE, name));
                };
                items.push_str(&group_class(neg, ranges));
                t = &t[i + 4..];
                continue;
            }
            if let Some((class, rest)) = self.unicode_class(t)? {
                items.push_str(&class);
                t = rest;
                continue;
            }
            if let Some((neg, ranges)) = perl_class(t) {
                items.push_str(&group_class(neg, ranges));
                t = &t[2..];
                continue;
            }
            let range_start = t;
            let (lo, rest) = class_char(t, s)?;
            t = rest;
            let mut hi = lo;
            if t.len() >= 2 && t.starts_with('-') && !t[1..].starts_with(']') {
                let (h, rest) = class_char(&t[1..], s)?;
                t = rest;
                hi = h;
                if hi < lo {
                    let text = &range_start[..range_start.len() - t.len()];
                    return Err(error(INVALID_CHAR_RANGE, text));
                }
            }
            // Surrogates cannot occur in UTF-8 text, nor in a Rust class.
            let lo = if (0xD800..=0xDFFF).contains(&lo) {
                0xE000
            } else {
                lo
            };
            let hi = if (0xD800..=0xDFFF).contains(&hi) {
                0xD7FF
            } else {
                hi
            };
            if lo <= hi {
                items.push_str(&hex_cp(lo));
                if hi != lo {
                    items.push('-');
                    items.push_str(&hex_cp(hi));
                }
            }
        }
        let class = if items.is_empty() {
            // Go's empty class matches nothing, its negation everything.
            if negated { "(?s:.)" } else { NOTHING }.to_string()
        } else {
            format!("[{}{items}]", if negated { "^" } else { "" })
        };
        self.push_class(class);
        Ok(&t[1..])
    }
}

/// One character of a class, escaped or not (Go's `parseClassChar`).
fn class_char<'a>(s: &'a str, whole_class: &str) -> Result<(u32, &'a str), String> {
    if s.is_empty() {
        return Err(error(MISSING_BRACKET, whole_class));
    }
    if s.starts_with('\\') {
        return parse_escape(s);
    }
    let (c, rest) = next_char(s);
    Ok((c as u32, rest))
}

/// A `{min,max}` count at the start of `s` (Go's `parseRepeat`); max -1 means none.
fn parse_repeat(s: &str) -> Option<(i64, i64, &str)> {
    let s = s.strip_prefix('{')?;
    let (min, mut s) = parse_int(s)?;
    let max;
    if let Some(rest) = s.strip_prefix(',') {
        if rest.is_empty() {
            return None;
        }
        if let Some(r) = rest.strip_prefix('}') {
            return Some((min, -1, r));
        }
        let (m, r) = parse_int(rest)?;
        s = r;
        max = m;
    } else {
        max = min;
    }
    let min = if max < 0 && max != -1 { -1 } else { min };
    let rest = s.strip_prefix('}')?;
    Some((min, max, rest))
}

/// A decimal count without leading zeros; absurdly large counts become -2 (Go's -1,
/// kept apart from "no maximum").
fn parse_int(s: &str) -> Option<(i64, &str)> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    if b.len() >= 2 && b[0] == b'0' && b[1].is_ascii_digit() {
        return None;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut n: i64 = 0;
    for &c in &b[..digits] {
        if n >= 100_000_000 {
            n = -2;
            break;
        }
        n = n * 10 + i64::from(c - b'0');
    }
    Some((n, &s[digits..]))
}

/// A backslash escape standing for one character (Go's `parseEscape`).
fn parse_escape(s: &str) -> Result<(u32, &str), String> {
    let t = &s[1..];
    if t.is_empty() {
        return Err(error(TRAILING_BACKSLASH, ""));
    }
    let (c, mut t) = next_char(t);
    let invalid = |rest: &str| Err(error(INVALID_ESCAPE, &s[..s.len() - rest.len()]));
    match c {
        '1'..='7'
            if !t
                .as_bytes()
                .first()
                .is_some_and(|d| (b'0'..=b'7').contains(d)) =>
        {
            return invalid(t);
        }
        '0'..='7' => {
            let mut r = c as u32 - '0' as u32;
            for _ in 1..3 {
                match t.as_bytes().first() {
                    Some(&d) if (b'0'..=b'7').contains(&d) => {
                        r = r * 8 + u32::from(d - b'0');
                        t = &t[1..];
                    }
                    _ => break,
                }
            }
            return Ok((r, t));
        }
        'x' => {
            if t.is_empty() {
                return invalid(t);
            }
            let (c, rest) = next_char(t);
            t = rest;
            if c == '{' {
                let mut nhex = 0;
                let mut r: u32 = 0;
                loop {
                    if t.is_empty() {
                        return invalid(t);
                    }
                    let (c, rest) = next_char(t);
                    t = rest;
                    if c == '}' {
                        break;
                    }
                    let Some(v) = c.to_digit(16) else {
                        return invalid(t);
                    };
                    r = r * 16 + v;
                    if r > 0x10FFFF {
                        return invalid(t);
                    }
                    nhex += 1;
                }
                if nhex == 0 {
                    return invalid(t);
                }
                return Ok((r, t));
            }
            let x = c.to_digit(16);
            if t.is_empty() {
                return invalid(t);
            }
            let (c2, rest) = next_char(t);
            t = rest;
            match (x, c2.to_digit(16)) {
                (Some(x), Some(y)) => {
                    return Ok((x * 16 + y, t));
                }
                _ => return invalid(t),
            }
        }
        'a' => return Ok((0x07, t)),
        'f' => return Ok((0x0c, t)),
        'n' => return Ok((0x0a, t)),
        'r' => return Ok((0x0d, t)),
        't' => return Ok((0x09, t)),
        'v' => return Ok((0x0b, t)),
        _ if c.is_ascii() && !c.is_ascii_alphanumeric() => return Ok((c as u32, t)),
        _ => {}
    }
    invalid(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(expr: &str) -> String {
        match translate(expr) {
            Ok(t) => format!("ok {}", t.pattern),
            Err(e) => e.trim_start_matches("error parsing regexp: ").to_string(),
        }
    }

    #[test]
    fn errors_like_go() {
        // regexp.Compile's errors in Go 1.25.
        for (expr, want) in [
            (r"\C", r"invalid escape sequence: `\C`"),
            (r"(?P=n)", "invalid or unsupported Perl syntax: `(?P`"),
            (r"(?P<n", "invalid named capture: `(?P<n`"),
            (r"(?<n>", "missing closing ): `(?<n>`"),
            (r"(?P<>a)", "invalid named capture: `(?P<>`"),
            (r"(?i-)", "invalid or unsupported Perl syntax: `(?i-)`"),
            (r"(?-)", "invalid or unsupported Perl syntax: `(?-)`"),
            (r"x{1001}", "invalid repeat count: `{1001}`"),
            (r"(x{500}){3}", "invalid repeat count: `{3}`"),
            (r"(?:){1001}", "invalid repeat count: `{1001}`"),
            (r"[a-\d]", r"invalid escape sequence: `\d`"),
            (r"[]", "missing closing ]: `[]`"),
            (r"[^]", "missing closing ]: `[^]`"),
            (r"\p", r"invalid character class range: `\p`"),
            (r"\pX", r"invalid character class range: `\pX`"),
            (r"\p{", r"invalid character class range: `\p{`"),
            (r"\x{110000}", r"invalid escape sequence: `\x{110000`"),
            (r"\x{}", r"invalid escape sequence: `\x{}`"),
            (r"\xZZ", r"invalid escape sequence: `\xZZ`"),
            (r"\x4", r"invalid escape sequence: `\x4`"),
            (r"\1", r"invalid escape sequence: `\1`"),
            (r"\18", r"invalid escape sequence: `\1`"),
            (r"[[:alpha:]", "missing closing ]: `[[:alpha:]`"),
            (r"(?s", "invalid or unsupported Perl syntax: `(?s`"),
            (r"(?", "invalid or unsupported Perl syntax: `(?`"),
            (r"(", "missing closing ): `(`"),
            (r"())", "unexpected ): `())`"),
            (r"a|*", "missing argument to repetition operator: `*`"),
            (r"(*)", "missing argument to repetition operator: `*`"),
            (r"a*?*", "invalid nested repetition operator: `*?*`"),
            (r"a**?", "invalid nested repetition operator: `**?`"),
            (r"a?{2}", "invalid nested repetition operator: `?{2}`"),
            (r"a{1,0}", "invalid repeat count: `{1,0}`"),
            (r"x{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
            (r"[z-a]", "invalid character class range: `z-a`"),
            (r"[[:foo:]]", "invalid character class range: `[:foo:]`"),
            (r"\p{Foo}", r"invalid character class range: `\p{Foo}`"),
            (
                r"\p{Old_Italic}",
                r"invalid character class range: `\p{Old_Italic}`",
            ),
            ("\\", "trailing backslash at end of expression: ``"),
            (r"\8", r"invalid escape sequence: `\8`"),
            (r"\Z", r"invalid escape sequence: `\Z`"),
        ] {
            assert_eq!(err(expr), want, "{expr}");
        }
    }

    #[test]
    fn nesting_like_go() {
        // Go 1.25: a tree higher than 1000 is refused; non-capturing groups add no height.
        let nest = |open: &str, n: usize| format!("{}a{}", open.repeat(n), ")".repeat(n));
        assert!(translate(&nest("(", 999)).is_ok());
        assert!(
            translate(&nest("(", 1000))
                .unwrap_err()
                .starts_with("error parsing regexp: expression nests too deeply: `((((")
        );
        assert!(translate(&nest("(?:", 1200)).is_ok());
    }

    #[test]
    fn accepted_like_go() {
        // Expressions Go 1.25 compiles.
        for expr in [
            r"(?P<n>a)(?P<n>b)",
            r"\p{letter}",
            r"\p{Cased Letter}",
            r"\p{ascii}",
            r"\p{^Greek}",
            r"\P{^Greek}",
            r"[\p{Greek}]",
            r"(?i)\W",
            r"a{,2}",
            r"(?P<1a>x)",
            r"(?i-s:a)",
            r"[\d-z]",
            r"[a-]",
            r"[]a]",
            r"\0",
            r"\08",
            r"\12",
            r"[[:alpha]",
            r"^*",
            r"$+",
            r"\b*",
            r"{",
            r"a{1",
            r"a{1,",
            r"a{01}",
            r"a{2}{",
            r"\pl",
            r"\p{lc}",
            r"\p{_L}",
        ] {
            let t = translate(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
            regex::RegexBuilder::new(&t.pattern)
                .nest_limit(10_000)
                .build()
                .unwrap_or_else(|e| panic!("{expr} as {}: {e}", t.pattern));
        }
    }
}
