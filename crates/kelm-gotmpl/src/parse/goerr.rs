//! Go formats a parse error by splicing the template name into the format string
//! (`"template: " + name + ":" + line + ": " + format`) before applying the arguments.
//! A name containing `%` therefore consumes arguments itself (`template: 100%!n(string=x)…`).
//! This module applies a format to arguments as Go's `fmt.Sprintf` does, for the
//! argument kinds parse errors use; names without `%` take the trivial path through it.
//! (Go's execution errors splice the name the same way; the executor may reuse this.)

use std::fmt::Write as _;

/// An argument of a parse error message.
#[derive(Clone, Copy)]
pub(crate) enum FmtArg<'x> {
    /// A Go `string`.
    Str(&'x str),
    /// A Go `int`.
    Int(i64),
    /// A lexer item (`parse.item`): shown through its `String` method, or, for verbs
    /// that do not take strings, as the struct `{typ pos val line}`.
    Item {
        shown: &'x str,
        typ: i64,
        pos: usize,
        val: &'x str,
        line: usize,
    },
    /// An error made by `errors.New` or `fmt.Errorf` (`*errors.errorString`).
    ErrorString(&'x str),
    /// Another value Go prints through its `String` or `Error` method, with its Go type.
    /// (Go prints these as structs holding pointers for other verbs, which no one can
    /// reproduce; a plain rendering stands in.)
    Shown(&'x str, &'static str),
}

impl FmtArg<'_> {
    fn go_type(&self) -> &'static str {
        match self {
            FmtArg::Str(_) => "string",
            FmtArg::Int(_) => "int",
            FmtArg::Item { .. } => "parse.item",
            FmtArg::ErrorString(_) => "*errors.errorString",
            FmtArg::Shown(_, t) => t,
        }
    }
}

#[derive(Default)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    /// `%#v`: Go syntax (quoted strings).
    sharp_v: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// Go's `fmt.Sprintf(format, args...)` for string, int and `Stringer` arguments.
pub(crate) fn sprintf(format: &str, args: &[FmtArg<'_>]) -> String {
    let b = format.as_bytes();
    let mut out = String::with_capacity(format.len() + 16);
    let mut arg = 0;
    let mut reordered = false;
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] != b'%' {
            i += 1;
        }
        out.push_str(&format[start..i]);
        if i >= b.len() {
            break;
        }
        i += 1;
        let mut spec = Spec::default();
        while let Some(&c) = b.get(i) {
            match c {
                b'#' => spec.sharp = true,
                b'0' => spec.zero = true,
                b'+' => spec.plus = true,
                b'-' => spec.minus = true,
                b' ' => spec.space = true,
                _ => break,
            }
            i += 1;
        }
        let mut good_index = true;
        let mut after_index;
        (arg, i, after_index) =
            arg_index(format, i, arg, args.len(), &mut reordered, &mut good_index);
        if b.get(i) == Some(&b'*') {
            i += 1;
            match args.get(arg) {
                Some(FmtArg::Int(n)) => {
                    spec.width = Some(n.unsigned_abs() as usize);
                    if *n < 0 {
                        spec.minus = true;
                        spec.zero = false;
                    }
                }
                _ => out.push_str("%!(BADWIDTH)"),
            }
            arg += usize::from(arg < args.len());
            after_index = false;
        } else {
            let (n, next) = number(b, i);
            spec.width = n;
            i = next;
            if after_index && n.is_some() {
                good_index = false;
            }
        }
        if i + 1 < b.len() && b[i] == b'.' {
            i += 1;
            if after_index {
                good_index = false;
            }
            (arg, i, after_index) =
                arg_index(format, i, arg, args.len(), &mut reordered, &mut good_index);
            if b.get(i) == Some(&b'*') {
                i += 1;
                match args.get(arg) {
                    Some(FmtArg::Int(n)) if *n >= 0 => spec.prec = Some(*n as usize),
                    Some(FmtArg::Int(_)) => {}
                    _ => out.push_str("%!(BADPREC)"),
                }
                arg += usize::from(arg < args.len());
                after_index = false;
            } else {
                let (n, next) = number(b, i);
                spec.prec = Some(n.unwrap_or(0));
                i = next;
            }
        }
        if !after_index {
            (arg, i, _) = arg_index(format, i, arg, args.len(), &mut reordered, &mut good_index);
        }
        let Some(verb) = format[i..].chars().next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        i += verb.len_utf8();
        if verb == '%' {
            out.push('%');
        } else if !good_index {
            let _ = write!(out, "%!{verb}(BADINDEX)");
        } else if arg >= args.len() {
            let _ = write!(out, "%!{verb}(MISSING)");
        } else {
            if matches!(verb, 'v' | 'w') {
                // For %v the flags mean Go syntax and field names instead.
                spec.sharp_v = spec.sharp;
                spec.sharp = false;
                spec.plus = false;
            }
            format_arg(&mut out, &spec, verb, args[arg]);
            arg += 1;
        }
    }
    if !reordered && arg < args.len() {
        out.push_str("%!(EXTRA ");
        for (k, a) in args[arg..].iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{}=", a.go_type());
            format_arg(&mut out, &Spec::default(), 'v', *a);
        }
        out.push(')');
    }
    out
}

/// Digits at `b[i..]`, if any, and where they end.
fn number(b: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let mut n: Option<usize> = None;
    while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
        let v = n.unwrap_or(0);
        if v > 1_000_000 {
            // Go gives up on absurd numbers, consuming the rest of the format.
            return (None, b.len());
        }
        n = Some(v * 10 + usize::from(d - b'0'));
        i += 1;
    }
    (n, i)
}

/// An explicit argument index `[n]` at `format[i..]`, as Go reads it.
fn arg_index(
    format: &str,
    i: usize,
    arg: usize,
    nargs: usize,
    reordered: &mut bool,
    good: &mut bool,
) -> (usize, usize, bool) {
    let b = format.as_bytes();
    if b.get(i) != Some(&b'[') {
        return (arg, i, false);
    }
    *reordered = true;
    let rest = &b[i..];
    let close = if rest.len() < 3 {
        None
    } else {
        rest.iter().position(|&c| c == b']')
    };
    let Some(close) = close else {
        *good = false;
        return (arg, i + 1, false);
    };
    let (n, end) = number(rest, 1);
    match n {
        Some(n) if end == close && n >= 1 && n - 1 < nargs => (n - 1, i + close + 1, true),
        Some(_) if end == close => {
            *good = false;
            (arg, i + close + 1, true)
        }
        _ => {
            *good = false;
            (arg, i + close + 1, false)
        }
    }
}

/// Formats one argument for `verb`, as Go's `printArg` does. `raw` is Go's "erroring"
/// mode, used inside `%!verb(type=value)`, where `String` methods are not consulted.
fn format_arg(out: &mut String, spec: &Spec, verb: char, arg: FmtArg<'_>) {
    format_value(out, spec, verb, arg, false);
}

fn format_value(out: &mut String, spec: &Spec, verb: char, arg: FmtArg<'_>, raw: bool) {
    if verb == 'T' {
        return pad(out, spec, arg.go_type());
    }
    match arg {
        FmtArg::Str(s) => format_str(out, spec, verb, s, arg),
        FmtArg::Int(n) => format_int(out, spec, verb, n, arg),
        FmtArg::Item { shown, .. } if !raw && matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') => {
            format_str(out, spec, verb, shown, arg)
        }
        FmtArg::Item {
            typ,
            pos,
            val,
            line,
            ..
        } => {
            // %w wants an error and %p a pointer; an item is neither.
            if matches!(verb, 'p' | 'w') {
                return bad_verb(out, spec, verb, arg);
            }
            let typ = FmtArg::Int(typ);
            let pos = FmtArg::Int(pos as i64);
            let line = FmtArg::Int(line as i64);
            out.push('{');
            format_field(out, spec, verb, typ, "parse.itemType");
            out.push(' ');
            format_field(out, spec, verb, pos, "parse.Pos");
            out.push(' ');
            format_value(out, spec, verb, FmtArg::Str(val), true);
            out.push(' ');
            format_value(out, spec, verb, line, true);
            out.push('}');
        }
        FmtArg::ErrorString(s) | FmtArg::Shown(s, _)
            if !raw && matches!(verb, 'v' | 's' | 'x' | 'X' | 'q' | 'w') =>
        {
            // %w on an error formats as %v.
            format_str(out, spec, if verb == 'w' { 'v' } else { verb }, s, arg)
        }
        FmtArg::ErrorString(s) => {
            out.push_str("&{");
            format_value(out, spec, verb, FmtArg::Str(s), true);
            out.push('}');
        }
        FmtArg::Shown(s, _) => pad(out, spec, s),
    }
}

/// A field of a named integer type inside a struct: formatted as an integer, but
/// naming its own type if the verb does not apply.
fn format_field(out: &mut String, spec: &Spec, verb: char, field: FmtArg<'_>, go_type: &str) {
    let mut tmp = String::new();
    format_value(&mut tmp, spec, verb, field, true);
    if let Some(rest) = tmp.strip_prefix(&format!("%!{verb}(int=")) {
        let _ = write!(out, "%!{verb}({go_type}={rest}");
    } else {
        out.push_str(&tmp);
    }
}

/// Go's `%!verb(type=value)`, the value printed as `%v` with the same flags.
fn bad_verb(out: &mut String, spec: &Spec, verb: char, arg: FmtArg<'_>) {
    let _ = write!(out, "%!{verb}({}=", arg.go_type());
    format_value(out, spec, 'v', arg, true);
    out.push(')');
}

fn format_str(out: &mut String, spec: &Spec, verb: char, s: &str, arg: FmtArg<'_>) {
    match verb {
        'v' if spec.sharp_v => pad(out, spec, &crate::strconv::quote(s)),
        'v' | 's' => pad(out, spec, &truncate(s, spec.prec)),
        'q' => {
            let s = truncate(s, spec.prec);
            let can_backquote =
                !s.contains(['`', '\u{feff}']) && s.chars().all(|c| c == '\t' || !c.is_control());
            let q = if spec.sharp && can_backquote {
                format!("`{s}`")
            } else {
                crate::strconv::quote(&s)
            };
            pad(out, spec, &q);
        }
        'x' | 'X' => {
            let bytes = &s.as_bytes()[..spec.prec.unwrap_or(usize::MAX).min(s.len())];
            let mut hex = String::new();
            for (k, byte) in bytes.iter().enumerate() {
                if spec.space && k > 0 {
                    hex.push(' ');
                }
                if spec.sharp && (spec.space || k == 0) {
                    hex.push_str(if verb == 'x' { "0x" } else { "0X" });
                }
                let _ = if verb == 'x' {
                    write!(hex, "{byte:02x}")
                } else {
                    write!(hex, "{byte:02X}")
                };
            }
            pad(out, spec, &hex);
        }
        _ => bad_verb(out, spec, verb, arg),
    }
}

fn format_int(out: &mut String, spec: &Spec, verb: char, n: i64, arg: FmtArg<'_>) {
    let as_char = || {
        u32::try_from(n)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}')
    };
    match verb {
        'v' | 'd' => integer(out, spec, n, 10, verb),
        'b' => integer(out, spec, n, 2, verb),
        'o' | 'O' => integer(out, spec, n, 8, verb),
        'x' | 'X' => integer(out, spec, n, 16, verb),
        'c' => pad(out, spec, &as_char().to_string()),
        'U' => {
            let mut s = format!("U+{:04X}", n.max(0));
            if spec.sharp && crate::lex::is_print(as_char()) {
                let _ = write!(s, " '{}'", as_char());
            }
            pad(out, spec, &s);
        }
        'q' => {
            let c = as_char();
            let q = match c {
                '\'' => "\\'".to_string(),
                '"' => "\"".to_string(),
                _ => {
                    let q = crate::strconv::quote(&c.to_string());
                    q[1..q.len() - 1].to_string()
                }
            };
            pad(out, spec, &format!("'{q}'"));
        }
        _ => bad_verb(out, spec, verb, arg),
    }
}

/// At most `prec` characters of `s`.
fn truncate(s: &str, prec: Option<usize>) -> String {
    match prec {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    }
}

/// Pads to the width in characters: spaces (or zeros) on the left, or spaces on the
/// right with `-`.
fn pad(out: &mut String, spec: &Spec, s: &str) {
    let len = s.chars().count();
    let fill = spec.width.unwrap_or(0).saturating_sub(len);
    if spec.minus {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', fill));
    } else {
        out.extend(std::iter::repeat_n(if spec.zero { '0' } else { ' ' }, fill));
        out.push_str(s);
    }
}

fn integer(out: &mut String, spec: &Spec, n: i64, base: u32, verb: char) {
    let negative = n < 0;
    let mut digits = match base {
        2 => format!("{:b}", n.unsigned_abs()),
        8 => format!("{:o}", n.unsigned_abs()),
        16 if verb == 'X' => format!("{:X}", n.unsigned_abs()),
        16 => format!("{:x}", n.unsigned_abs()),
        _ => n.unsigned_abs().to_string(),
    };
    let mut min_digits = 0;
    if let Some(p) = spec.prec {
        if p == 0 && n == 0 {
            out.extend(std::iter::repeat_n(' ', spec.width.unwrap_or(0)));
            return;
        }
        min_digits = p;
    } else if spec.zero && !spec.minus && spec.width.is_some() {
        min_digits = spec.width.unwrap_or(0)
            - usize::from(negative || spec.plus || spec.space).min(spec.width.unwrap_or(0));
    }
    if digits.len() < min_digits {
        digits.insert_str(0, &"0".repeat(min_digits - digits.len()));
    }
    let prefix = match (spec.sharp, base) {
        (true, 2) => "0b",
        (true, 8) if !digits.starts_with('0') => "0",
        (true, 16) if verb == 'X' => "0X",
        (true, 16) => "0x",
        _ => "",
    };
    let o_prefix = if verb == 'O' { "0o" } else { "" };
    let sign = if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    };
    let text = format!("{sign}{o_prefix}{prefix}{digits}");
    // Zero padding was done through the digit count.
    let spaces = Spec {
        zero: false,
        ..Spec {
            minus: spec.minus,
            width: spec.width,
            ..Spec::default()
        }
    };
    pad(out, &spaces, &text);
}

#[cfg(test)]
mod tests {
    use super::{FmtArg, sprintf};

    #[test]
    fn matches_go_sprintf() {
        use FmtArg::{Int, Shown, Str};
        let cases: &[(&str, &[FmtArg<'_>], &str)] = &[
            (
                "[%05s] [%-5s|] [%5.1s]",
                &[Str("ab"), Str("ab"), Str("ab")],
                "[000ab] [ab   |] [    a]",
            ),
            (
                "[%05d] [%-05d] [%+d] [% d]",
                &[Int(42), Int(42), Int(42), Int(42)],
                "[00042] [42   ] [+42] [ 42]",
            ),
            (
                "[%x] [% x] [%#x] [%X]",
                &[Str("ab"), Str("ab"), Str("ab"), Str("ab")],
                "[6162] [61 62] [0x6162] [6162]",
            ),
            ("[%#q] [%5q]", &[Str("ab"), Str("a")], "[`ab`] [  \"a\"]"),
            (
                "[%d] [%s] [%v] [%c] [%q]",
                &[Str("s"), Int(5), Int(5), Int(65), Int(65)],
                "[%!d(string=s)] [%!s(int=5)] [5] [A] ['A']",
            ),
            (
                "[%U] [%#U] [%b] [%o] [%O] [%#o] [%x] [%#X] [%e]",
                &[
                    Int(65),
                    Int(65),
                    Int(5),
                    Int(8),
                    Int(8),
                    Int(8),
                    Int(255),
                    Int(255),
                    Int(5),
                ],
                "[U+0041] [U+0041 'A'] [101] [10] [0o10] [010] [ff] [0XFF] [%!e(int=5)]",
            ),
            (
                "[%!] [%z] [%] [%5] [%-] [%.] [%.2] [%[1]s] [%[2]s] [%[0]s] [%[x]s] [%*d] [%.*d] [%*d]",
                &[Str("a"), Str("b")],
                "[%!!(string=a)] [%!z(string=b)] [%!](MISSING) [%!](MISSING) [%!](MISSING) [%!](MISSING) [%!](MISSING) [a] [b] [%!s(BADINDEX)] [%!s(BADINDEX)] [%!(BADWIDTH)%!d(MISSING)] [%!(BADPREC)%!d(MISSING)] [%!(BADWIDTH)%!d(MISSING)]",
            ),
            (
                "[%s %s]",
                &[Str("a"), Str("b"), Str("c"), Int(4)],
                "[a b]%!(EXTRA string=c, int=4)",
            ),
            (
                "[%s] [%x] [%q] [%v]",
                &[
                    Shown("STR", "x"),
                    Shown("STR", "x"),
                    Shown("STR", "x"),
                    Shown("STR", "x"),
                ],
                "[STR] [535452] [\"STR\"] [STR]",
            ),
            ("%s %d", &[], "%!s(MISSING) %!d(MISSING)"),
            ("[%5%] [%-5%]", &[], "[%] [%]"),
            (
                "[%08.3d] [%+.3d] [%x] [%X] [%#b] [%08x] [%-8x|] [%c] [%q]",
                &[
                    Int(-5),
                    Int(5),
                    Int(-255),
                    Int(-255),
                    Int(5),
                    Int(255),
                    Int(255),
                    Int(0x1F600),
                    Int(0x1F600),
                ],
                "[    -005] [+005] [-ff] [-FF] [0b101] [000000ff] [ff      |] [😀] ['😀']",
            ),
            (
                "[%10.4q] [%.0s] [%.3x] [% X] [%#x]",
                &[
                    Str("abcdef"),
                    Str("abc"),
                    Str("abcdef"),
                    Str("abc"),
                    Str(""),
                ],
                "[    \"abcd\"] [] [616263] [61 62 63] []",
            ),
            (
                "template: 100%name:1: unexpected %s in %s",
                &[Str("x"), Str("y")],
                "template: 100%!n(string=x)ame:1: unexpected y in %!s(MISSING)",
            ),
            ("100%", &[], "100%!(NOVERB)"),
        ];
        for (format, args, want) in cases {
            assert_eq!(sprintf(format, args), *want, "format {format:?}");
        }
    }
}
