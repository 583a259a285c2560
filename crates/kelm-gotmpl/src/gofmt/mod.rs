//! Go's `fmt` printing of template values: `Sprint`, `Sprintln`, `Sprintf`, `Errorf`.
//!
//! Templates print every action through `fmt.Sprint` and call `print`, `printf` and
//! `println`; Sprig and Helm functions use `fmt.Sprintf("%v")` to turn values into
//! strings. What comes out is therefore part of every rendered chart, and this module
//! reproduces Go 1.25's output byte for byte: verbs, flags, widths, precisions,
//! argument indexes, the error forms (`%!d(string=x)`, `%!(EXTRA int=3)`), and how
//! maps, slices, structs and values with `String()` methods print.
//!
//! Values are [`Value`]s; each argument stands for one Go `interface{}` operand. A few
//! things Go prints cannot be reproduced exactly: pointer addresses (kelm prints real
//! but different addresses), and invalid UTF-8 in a `[]byte` printed with `%s` (the
//! output is a Rust string, so each invalid byte becomes U+FFFD).
//!
//! Printing never panics and never overflows the stack: a map that contains itself
//! prints `map[...]` where Go would recurse until it crashes, and nesting deeper than
//! [`MAX_DEPTH`] prints `...`.

mod format;
mod print;

use crate::value::{Map, Value};
use format::Flags;

/// How deeply nested a value may be before printing gives up with `...`.
pub const MAX_DEPTH: usize = 10_000;

/// Go's `fmt.Sprint`: operands in their default format, with a space between two
/// operands when neither is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    write_sprint(&mut out, args);
    out
}

/// [`sprint`], appending to `out`.
pub fn write_sprint(out: &mut String, args: &[Value]) {
    if let [arg] = args {
        return write_value(out, arg);
    }
    let mut p = Printer::new(out);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = print::is_string_kind(arg);
        if i > 0 && !is_string && !prev_string {
            p.out.push(' ');
        }
        p.print_arg(arg, 'v');
        prev_string = is_string;
    }
}

/// Go's `fmt.Sprint(v)` of a single operand, appended to `out`: what a template action
/// `{{ v }}` prints for most values.
pub fn write_value(out: &mut String, v: &Value) {
    // The common cases, without setting up a printer.
    match v {
        Value::String(s) => out.push_str(s),
        Value::Int(i, _) => crate::strconv::append_int(out, *i, 10),
        Value::Uint(u, _) => crate::strconv::append_uint(out, *u, 10),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Float(f, k) => crate::strconv::append_float(out, *f, 'g', -1, print::float_bits(*k)),
        _ => Printer::new(out).print_arg(v, 'v'),
    }
}

/// What a template action `{{ v }}` prints, once the executor has ruled out no value
/// and functions (the rest of Go's `text/template` `printValue`): `fmt.Sprint` of the
/// value, except that a pointer is followed first, so a pointer to a struct prints as
/// `{...}` rather than `&{...}`, unless it has a `String` or `Error` method.
pub fn write_action_value(out: &mut String, v: &Value) {
    if let Value::Object(o) = v {
        if let Some(s) = o.addressable_display() {
            out.push_str(&s);
            return;
        }
        let mut p = Printer::new(out);
        if p.print_pointee(o) {
            return;
        }
    }
    write_value(out, v);
}

/// Go's `fmt.Sprintln`: operands in their default format, separated by spaces, and a
/// newline.
pub fn sprintln(args: &[Value]) -> String {
    let mut out = String::new();
    write_sprintln(&mut out, args);
    out
}

/// [`sprintln`], appending to `out`.
pub fn write_sprintln(out: &mut String, args: &[Value]) {
    let mut p = Printer::new(out);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.out.push(' ');
        }
        p.print_arg(arg, 'v');
    }
    p.out.push('\n');
}

/// Go's `fmt.Sprintf`: `format` with its verbs replaced by the formatted operands.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::with_capacity(format.len() + 16);
    write_sprintf(&mut out, format, args);
    out
}

/// [`sprintf`], appending to `out`.
pub fn write_sprintf(out: &mut String, format: &str, args: &[Value]) {
    Printer::new(out).printf(format, args);
}

/// The message of Go's `fmt.Errorf`: [`sprintf`], except that `%w` formats an error
/// operand as `%v` does (elsewhere `%w` is a bad verb).
pub fn errorf(format: &str, args: &[Value]) -> String {
    let mut out = String::with_capacity(format.len() + 16);
    let mut p = Printer::new(&mut out);
    p.wrap_errs = true;
    p.printf(format, args);
    out
}

/// The state of one print call: where output goes, the current verb's flags, and
/// what guards against runaway recursion.
pub(crate) struct Printer<'a> {
    out: &'a mut String,
    f: Flags,
    /// Set while printing the operand of a `%!verb(type=value)` error, during which
    /// `String()` methods are not consulted (as in Go).
    erroring: bool,
    /// Printing for `fmt.Errorf`, where `%w` accepts errors.
    wrap_errs: bool,
    /// Maps being printed, innermost last, to catch a map that contains itself.
    active_maps: Vec<Map>,
}

/// Widths and precisions beyond this are errors (Go's limit).
const MAX_NUM: i64 = 1_000_000;

fn too_large(n: i64) -> bool {
    !(-MAX_NUM..=MAX_NUM).contains(&n)
}

/// Parses a decimal number in `b[start..end]`: its value, whether there was one, and
/// where parsing stopped. An absurdly long number consumes the rest of the format.
fn parse_num(b: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num: i64 = 0;
    let mut is_num = false;
    let mut i = start;
    while i < end && b[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + i64::from(b[i] - b'0');
        is_num = true;
        i += 1;
    }
    (num, is_num, i)
}

/// Parses an argument index `[n]` at the start of `b` (which begins with `[`): the
/// zero-based index, how many bytes it spans, and whether it was well formed.
fn parse_arg_index(b: &[u8]) -> (i64, usize, bool) {
    if b.len() < 3 {
        return (0, 1, false);
    }
    match b[1..].iter().position(|&c| c == b']') {
        Some(pos) => {
            let close = pos + 1;
            let (n, ok, stop) = parse_num(b, 1, close);
            if !ok || stop != close {
                return (0, close + 1, false);
            }
            (n - 1, close + 1, true)
        }
        None => (0, 1, false),
    }
}

/// State of one `Sprintf` call while it walks its format.
struct Scan<'f, 'v> {
    format: &'f str,
    args: &'v [Value],
    arg_num: usize,
    /// An argument index was seen; unused arguments are then not reported.
    reordered: bool,
    /// The current verb's argument index was invalid.
    good_arg_num: bool,
}

impl Scan<'_, '_> {
    /// Consumes an argument index at `i`, if any: the new position and whether an
    /// index was present.
    fn arg_index(&mut self, i: usize) -> (usize, bool) {
        let b = self.format.as_bytes();
        if i >= b.len() || b[i] != b'[' {
            return (i, false);
        }
        self.reordered = true;
        let (index, len, ok) = parse_arg_index(&b[i..]);
        if ok && (0..self.args.len() as i64).contains(&index) {
            self.arg_num = index as usize;
            return (i + len, true);
        }
        self.good_arg_num = false;
        (i + len, ok)
    }

    /// Takes the next argument as a `*` width or precision, if it is a small integer.
    fn int_arg(&mut self) -> Option<i64> {
        let arg = self.args.get(self.arg_num)?;
        self.arg_num += 1;
        print::int_value(arg).filter(|&n| !too_large(n))
    }
}

impl<'a> Printer<'a> {
    fn new(out: &'a mut String) -> Printer<'a> {
        Printer {
            out,
            f: Flags::default(),
            erroring: false,
            wrap_errs: false,
            active_maps: Vec::new(),
        }
    }

    fn printf(&mut self, format: &str, args: &[Value]) {
        let b = format.as_bytes();
        let end = b.len();
        let mut s = Scan {
            format,
            args,
            arg_num: 0,
            reordered: false,
            good_arg_num: true,
        };
        let mut i = 0;
        while i < end {
            s.good_arg_num = true;
            let literal = i;
            while i < end && b[i] != b'%' {
                i += 1;
            }
            self.out.push_str(&format[literal..i]);
            if i >= end {
                break;
            }
            i += 1; // the '%'

            self.f = Flags::default();
            while i < end {
                match b[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }

            let (next, mut after_index) = s.arg_index(i);
            i = next;

            if i < end && b[i] == b'*' {
                i += 1;
                match s.int_arg() {
                    Some(w) => {
                        self.f.wid_present = true;
                        self.f.wid = w.unsigned_abs() as usize;
                        if w < 0 {
                            // A negative width pads on the right, never with zeros.
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                    }
                    None => self.out.push_str("%!(BADWIDTH)"),
                }
                after_index = false;
            } else {
                let (w, present, next) = parse_num(b, i, end);
                i = next;
                self.f.wid = w as usize;
                self.f.wid_present = present;
                if after_index && present {
                    // "%[3]2d": an index must come right before the verb.
                    s.good_arg_num = false;
                }
            }

            if i + 1 < end && b[i] == b'.' {
                i += 1;
                if after_index {
                    s.good_arg_num = false;
                }
                let (next, idx) = s.arg_index(i);
                i = next;
                after_index = idx;
                if i < end && b[i] == b'*' {
                    i += 1;
                    match s.int_arg() {
                        Some(p) if p >= 0 => {
                            self.f.prec = p as usize;
                            self.f.prec_present = true;
                        }
                        _ => self.out.push_str("%!(BADPREC)"),
                    }
                    after_index = false;
                } else {
                    // A lone '.' means precision zero.
                    let (p, _, next) = parse_num(b, i, end);
                    i = next;
                    self.f.prec = p as usize;
                    self.f.prec_present = true;
                }
            }

            if !after_index {
                let (next, _) = s.arg_index(i);
                i = next;
            }

            if i >= end {
                self.out.push_str("%!(NOVERB)");
                break;
            }
            let verb = format[i..].chars().next().unwrap_or('?');
            i += verb.len_utf8();

            if verb == '%' {
                // A literal percent takes no operand and ignores width and flags.
                self.out.push('%');
            } else if !s.good_arg_num {
                self.bad_arg_num(verb, "(BADINDEX)");
            } else if s.arg_num >= args.len() {
                self.bad_arg_num(verb, "(MISSING)");
            } else {
                if verb == 'v' || verb == 'w' {
                    // %#v is Go syntax and %+v names struct fields; neither flag
                    // keeps its usual meaning.
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(&args[s.arg_num], verb);
                s.arg_num += 1;
            }
        }

        if !s.reordered && s.arg_num < args.len() {
            self.f = Flags::default();
            self.out.push_str("%!(EXTRA ");
            for (n, arg) in args[s.arg_num..].iter().enumerate() {
                if n > 0 {
                    self.out.push_str(", ");
                }
                if print::is_nil_interface(arg) {
                    self.out.push_str("<nil>");
                } else {
                    self.push_type_of(arg, None);
                    self.out.push('=');
                    self.print_arg(arg, 'v');
                }
            }
            self.out.push(')');
        }
    }

    fn bad_arg_num(&mut self, verb: char, what: &str) {
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push_str(what);
    }
}
