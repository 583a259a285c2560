//! Cases from Go's own `fmt` tests (`src/fmt/fmt_test.go` of Go 1.25), for the operand
//! kinds kelm's values can express; the expected outputs are Go's. Go strings holding
//! invalid UTF-8 are written as `[]byte` here, since kelm strings are Rust strings.

// Float literals are written as Go's tests write them, digits beyond f64 included.
#![allow(clippy::excessive_precision)]

mod fmt_support;

use fmt_support::{error_new, error_string_type, named, ptr_to_struct, strukt};
use kelm_gotmpl::gofmt::{errorf, sprint, sprintf, sprintln};
use kelm_gotmpl::{FloatKind, IntKind, List, Map, Type, UintKind, Value};

fn int(i: i64) -> Value {
    Value::Int(i, IntKind::Int)
}
fn i8v(i: i64) -> Value {
    Value::Int(i, IntKind::I8)
}
fn i16v(i: i64) -> Value {
    Value::Int(i, IntKind::I16)
}
/// A Go rune (int32).
fn rune(c: char) -> Value {
    Value::Int(i64::from(u32::from(c)), IntKind::I32)
}
fn i32v(i: i64) -> Value {
    Value::Int(i, IntKind::I32)
}
fn i64v(i: i64) -> Value {
    Value::Int(i, IntKind::I64)
}
fn uint(u: u64) -> Value {
    Value::Uint(u, UintKind::Uint)
}
fn u8v(u: u64) -> Value {
    Value::Uint(u, UintKind::U8)
}
fn u16v(u: u64) -> Value {
    Value::Uint(u, UintKind::U16)
}
fn u32v(u: u64) -> Value {
    Value::Uint(u, UintKind::U32)
}
fn u64v(u: u64) -> Value {
    Value::Uint(u, UintKind::U64)
}
fn uptr(u: u64) -> Value {
    Value::Uint(u, UintKind::Uintptr)
}
fn f64v(f: f64) -> Value {
    Value::Float(f, FloatKind::F64)
}
fn f32v(f: f32) -> Value {
    Value::Float(f64::from(f), FloatKind::F32)
}
fn c128(re: f64, im: f64) -> Value {
    Value::Complex(re, im, FloatKind::F64)
}
fn c64(re: f32, im: f32) -> Value {
    Value::Complex(f64::from(re), f64::from(im), FloatKind::F32)
}
fn s(s: &str) -> Value {
    Value::from(s)
}
fn bytes(b: &[u8]) -> Value {
    Value::Bytes(b.into())
}
fn nil() -> Value {
    Value::nil()
}
fn ints(v: &[i64]) -> Value {
    Value::List(List::with_type(
        Type::slice_of(Type::Int(IntKind::Int)),
        v.iter().map(|&i| int(i)).collect(),
    ))
}
fn anys(v: Vec<Value>) -> Value {
    Value::List(List::new(v))
}
fn strings(v: &[&str]) -> Value {
    Value::List(List::with_type(
        Type::slice_of(Type::String),
        v.iter().map(|&x| s(x)).collect(),
    ))
}

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;

/// Go's zeroFill: `prefix`, then zeros so that zeros and `suffix` make `width`.
fn zero_fill(prefix: &str, width: usize, suffix: &str) -> String {
    format!("{prefix}{}{suffix}", "0".repeat(width - suffix.len()))
}

fn check(cases: &[(&str, Value, &str)]) {
    let mut failures = vec![];
    for (format, v, want) in cases {
        let got = sprintf(format, std::slice::from_ref(v));
        if got != *want {
            failures.push(format!(
                "Sprintf({format:?}, {v:?}) = {got:?}, want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn strings_and_bytes() {
    check(&[
        ("%d", int(12345), "12345"),
        ("%v", int(12345), "12345"),
        ("%t", Value::Bool(true), "true"),
        ("%s", s("abc"), "abc"),
        ("%q", s("abc"), "\"abc\""),
        ("%x", s("abc"), "616263"),
        ("%x", bytes(b"\xff\xf0\x0f\xff"), "fff00fff"),
        ("%X", bytes(b"\xff\xf0\x0f\xff"), "FFF00FFF"),
        ("%x", s(""), ""),
        ("% x", s(""), ""),
        ("%#x", s(""), ""),
        ("%# x", s(""), ""),
        ("%x", s("xyz"), "78797a"),
        ("%X", s("xyz"), "78797A"),
        ("% x", s("xyz"), "78 79 7a"),
        ("% X", s("xyz"), "78 79 7A"),
        ("%#x", s("xyz"), "0x78797a"),
        ("%#X", s("xyz"), "0X78797A"),
        ("%# x", s("xyz"), "0x78 0x79 0x7a"),
        ("%# X", s("xyz"), "0X78 0X79 0X7A"),
        ("%s", bytes(b"abc"), "abc"),
        ("%q", bytes(b"abc"), "\"abc\""),
        ("%x", bytes(b"abc"), "616263"),
        ("%x", bytes(b""), ""),
        ("% x", bytes(b""), ""),
        ("%#x", bytes(b""), ""),
        ("%# x", bytes(b""), ""),
        ("%x", bytes(b"xyz"), "78797a"),
        ("%X", bytes(b"xyz"), "78797A"),
        ("% x", bytes(b"xyz"), "78 79 7a"),
        ("% X", bytes(b"xyz"), "78 79 7A"),
        ("%#x", bytes(b"xyz"), "0x78797a"),
        ("%#X", bytes(b"xyz"), "0X78797A"),
        ("%# x", bytes(b"xyz"), "0x78 0x79 0x7a"),
        ("%# X", bytes(b"xyz"), "0X78 0X79 0X7A"),
    ]);
}

#[test]
fn escaped_strings() {
    check(&[
        ("%q", s(""), "\"\""),
        ("%#q", s(""), "``"),
        ("%q", s("\""), r#""\"""#),
        ("%#q", s("\""), "`\"`"),
        ("%q", s("`"), "\"`\""),
        ("%#q", s("`"), "\"`\""),
        ("%q", s("\n"), r#""\n""#),
        ("%#q", s("\n"), r#""\n""#),
        ("%q", s(r"\n"), r#""\\n""#),
        ("%#q", s(r"\n"), r"`\n`"),
        ("%q", s("abc"), "\"abc\""),
        ("%#q", s("abc"), "`abc`"),
        ("%q", s("日本語"), "\"日本語\""),
        ("%+q", s("日本語"), r#""\u65e5\u672c\u8a9e""#),
        ("%#q", s("日本語"), "`日本語`"),
        ("%#+q", s("日本語"), "`日本語`"),
        (
            "%q",
            s("\x07\x08\x0c\n\r\t\x0b\"\\"),
            r#""\a\b\f\n\r\t\v\"\\""#,
        ),
        (
            "%+q",
            s("\x07\x08\x0c\n\r\t\x0b\"\\"),
            r#""\a\b\f\n\r\t\v\"\\""#,
        ),
        (
            "%#q",
            s("\x07\x08\x0c\n\r\t\x0b\"\\"),
            r#""\a\b\f\n\r\t\v\"\\""#,
        ),
        (
            "%#+q",
            s("\x07\x08\x0c\n\r\t\x0b\"\\"),
            r#""\a\b\f\n\r\t\v\"\\""#,
        ),
        ("%q", s("☺"), "\"☺\""),
        ("% q", s("☺"), "\"☺\""),
        ("%+q", s("☺"), r#""\u263a""#),
        ("%#q", s("☺"), "`☺`"),
        ("%#+q", s("☺"), "`☺`"),
        ("%10q", s("⌘"), "       \"⌘\""),
        ("%+10q", s("⌘"), r#"  "\u2318""#),
        ("%-10q", s("⌘"), "\"⌘\"       "),
        ("%+-10q", s("⌘"), r#""\u2318"  "#),
        ("%010q", s("⌘"), "0000000\"⌘\""),
        ("%+010q", s("⌘"), r#"00"\u2318""#),
        ("%-010q", s("⌘"), "\"⌘\"       "),
        ("%+-010q", s("⌘"), r#""\u2318"  "#),
        ("%#8q", s("\n"), r#"    "\n""#),
        ("%#+8q", s("\r"), r#"    "\r""#),
        ("%#-8q", s("\t"), "`\t`     "),
        ("%#+-8q", s("\x08"), r#""\b"    "#),
        ("%q", bytes(b"abc\xffdef"), r#""abc\xffdef""#),
        ("%+q", bytes(b"abc\xffdef"), r#""abc\xffdef""#),
        ("%#q", bytes(b"abc\xffdef"), r#""abc\xffdef""#),
        ("%#+q", bytes(b"abc\xffdef"), r#""abc\xffdef""#),
        ("%q", s("\u{10ffff}"), r#""\U0010ffff""#),
        ("%+q", s("\u{10ffff}"), r#""\U0010ffff""#),
        ("%#q", s("\u{10ffff}"), "`\u{10ffff}`"),
        ("%#+q", s("\u{10ffff}"), "`\u{10ffff}`"),
        // string(rune(0x110000)) is U+FFFD.
        ("%q", s("\u{fffd}"), "\"\u{fffd}\""),
        ("%+q", s("\u{fffd}"), r#""\ufffd""#),
        ("%#q", s("\u{fffd}"), "`\u{fffd}`"),
        ("%#+q", s("\u{fffd}"), "`\u{fffd}`"),
    ]);
}

#[test]
fn characters() {
    check(&[
        ("%c", uint(u64::from(b'x')), "x"),
        ("%c", int(0xe4), "ä"),
        ("%c", int(0x672c), "本"),
        ("%c", rune('日'), "日"),
        ("%.0c", rune('⌘'), "⌘"),
        ("%3c", rune('⌘'), "  ⌘"),
        ("%-3c", rune('⌘'), "⌘  "),
        ("%c", u64v(0x100000000), "\u{fffd}"),
        ("%c", rune('\u{0e00}'), "\u{0e00}"),
        ("%c", rune('\u{10ffff}'), "\u{10ffff}"),
        ("%c", int(-1), "\u{fffd}"),
        ("%c", int(0xDC80), "\u{fffd}"),
        ("%c", i32v(0x110000), "\u{fffd}"),
        ("%c", i64v(0xFFFFFFFFF), "\u{fffd}"),
        ("%c", u64v(0xFFFFFFFFF), "\u{fffd}"),
        ("%q", uint(0), r"'\x00'"),
        ("%+q", uint(0), r"'\x00'"),
        ("%q", rune('"'), "'\"'"),
        ("%+q", rune('"'), "'\"'"),
        ("%q", rune('\''), r"'\''"),
        ("%+q", rune('\''), r"'\''"),
        ("%q", rune('`'), "'`'"),
        ("%+q", rune('`'), "'`'"),
        ("%q", rune('x'), "'x'"),
        ("%+q", rune('x'), "'x'"),
        ("%q", rune('ÿ'), "'ÿ'"),
        ("%+q", rune('ÿ'), r"'\u00ff'"),
        ("%q", rune('\n'), r"'\n'"),
        ("%+q", rune('\n'), r"'\n'"),
        ("%q", rune('☺'), "'☺'"),
        ("%+q", rune('☺'), r"'\u263a'"),
        ("% q", rune('☺'), "'☺'"),
        ("%.0q", rune('☺'), "'☺'"),
        ("%10q", rune('⌘'), "       '⌘'"),
        ("%+10q", rune('⌘'), r"  '\u2318'"),
        ("%-10q", rune('⌘'), "'⌘'       "),
        ("%+-10q", rune('⌘'), r"'\u2318'  "),
        ("%010q", rune('⌘'), "0000000'⌘'"),
        ("%+010q", rune('⌘'), r"00'\u2318'"),
        ("%-010q", rune('⌘'), "'⌘'       "),
        ("%+-010q", rune('⌘'), r"'\u2318'  "),
        ("%q", rune('\u{0e00}'), r"'\u0e00'"),
        ("%q", rune('\u{10ffff}'), r"'\U0010ffff'"),
        ("%q", i32v(-1), "'\u{fffd}'"),
        ("%q", int(0xDC80), "'\u{fffd}'"),
        ("%q", i32v(0x110000), "'\u{fffd}'"),
        ("%q", i64v(0xFFFFFFFFF), "'\u{fffd}'"),
        ("%q", u64v(0xFFFFFFFFF), "'\u{fffd}'"),
    ]);
}

#[test]
fn width_and_truncation() {
    check(&[
        ("%5s", s("abc"), "  abc"),
        ("%5s", bytes(b"abc"), "  abc"),
        ("%2s", s("\u{263a}"), " ☺"),
        ("%2s", bytes("\u{263a}".as_bytes()), " ☺"),
        ("%-5s", s("abc"), "abc  "),
        ("%-5s", bytes(b"abc"), "abc  "),
        ("%05s", s("abc"), "00abc"),
        ("%05s", bytes(b"abc"), "00abc"),
        (
            "%5s",
            s("abcdefghijklmnopqrstuvwxyz"),
            "abcdefghijklmnopqrstuvwxyz",
        ),
        (
            "%5s",
            bytes(b"abcdefghijklmnopqrstuvwxyz"),
            "abcdefghijklmnopqrstuvwxyz",
        ),
        ("%.5s", s("abcdefghijklmnopqrstuvwxyz"), "abcde"),
        ("%.5s", bytes(b"abcdefghijklmnopqrstuvwxyz"), "abcde"),
        ("%.0s", s("日本語日本語"), ""),
        ("%.0s", bytes("日本語日本語".as_bytes()), ""),
        ("%.5s", s("日本語日本語"), "日本語日本"),
        ("%.5s", bytes("日本語日本語".as_bytes()), "日本語日本"),
        ("%.10s", s("日本語日本語"), "日本語日本語"),
        ("%.10s", bytes("日本語日本語".as_bytes()), "日本語日本語"),
        ("%08q", s("abc"), "000\"abc\""),
        ("%08q", bytes(b"abc"), "000\"abc\""),
        ("%-8q", s("abc"), "\"abc\"   "),
        ("%-8q", bytes(b"abc"), "\"abc\"   "),
        ("%.5q", s("abcdefghijklmnopqrstuvwxyz"), "\"abcde\""),
        ("%.5q", bytes(b"abcdefghijklmnopqrstuvwxyz"), "\"abcde\""),
        ("%.5x", s("abcdefghijklmnopqrstuvwxyz"), "6162636465"),
        ("%.5x", bytes(b"abcdefghijklmnopqrstuvwxyz"), "6162636465"),
        ("%.3q", s("日本語日本語"), "\"日本語\""),
        ("%.3q", bytes("日本語日本語".as_bytes()), "\"日本語\""),
        ("%.1q", s("日本語"), "\"日\""),
        ("%.1q", bytes("日本語".as_bytes()), "\"日\""),
        ("%.1x", s("日本語"), "e6"),
        ("%.1X", bytes("日本語".as_bytes()), "E6"),
        ("%10.1q", s("日本語日本語"), "       \"日\""),
        ("%10.1q", bytes("日本語日本語".as_bytes()), "       \"日\""),
        ("%10v", nil(), "     <nil>"),
        ("%-10v", nil(), "<nil>     "),
        ("%20.5s", s("qwertyuiop"), "               qwert"),
        ("%.5s", s("qwertyuiop"), "qwert"),
        ("%-20.5s", s("qwertyuiop"), "qwert               "),
        ("%20c", rune('x'), "                   x"),
        ("%-20c", rune('x'), "x                   "),
        ("%0-5s", s("abc"), "abc  "),
    ]);
}

#[test]
fn integers() {
    check(&[
        ("%d", uint(12345), "12345"),
        ("%d", int(-12345), "-12345"),
        ("%d", u8v(255), "255"),
        ("%d", u16v(65535), "65535"),
        ("%d", u32v(4294967295), "4294967295"),
        ("%d", u64v(u64::MAX), "18446744073709551615"),
        ("%d", i8v(-128), "-128"),
        ("%d", i16v(-32768), "-32768"),
        ("%d", i32v(-2147483648), "-2147483648"),
        ("%d", i64v(i64::MIN), "-9223372036854775808"),
        ("%.d", int(0), ""),
        ("%.0d", int(0), ""),
        ("%6.0d", int(0), "      "),
        ("%06.0d", int(0), "      "),
        ("% d", int(12345), " 12345"),
        ("%+d", int(12345), "+12345"),
        ("%+d", int(-12345), "-12345"),
        ("%b", int(7), "111"),
        ("%b", int(-6), "-110"),
        ("%#b", int(7), "0b111"),
        ("%#b", int(-6), "-0b110"),
        (
            "%b",
            u32v(u64::from(u32::MAX)),
            "11111111111111111111111111111111",
        ),
        ("%b", u64v(u64::MAX), &"1".repeat(64)),
        ("%b", i64v(i64::MIN), &zero_fill("-1", 63, "")),
        ("%o", int(0o1234), "1234"),
        ("%o", int(-0o1234), "-1234"),
        ("%#o", int(0o1234), "01234"),
        ("%#o", int(-0o1234), "-01234"),
        ("%O", int(0o1234), "0o1234"),
        ("%O", int(-0o1234), "-0o1234"),
        ("%o", u32v(u64::from(u32::MAX)), "37777777777"),
        ("%o", u64v(u64::MAX), "1777777777777777777777"),
        ("%#X", int(0), "0X0"),
        ("%x", int(0x12abcdef), "12abcdef"),
        ("%X", int(0x12abcdef), "12ABCDEF"),
        ("%x", u32v(u64::from(u32::MAX)), "ffffffff"),
        ("%X", u64v(u64::MAX), "FFFFFFFFFFFFFFFF"),
        ("%.20b", int(7), "00000000000000000111"),
        ("%10d", int(12345), "     12345"),
        ("%10d", int(-12345), "    -12345"),
        ("%+10d", int(12345), "    +12345"),
        ("%010d", int(12345), "0000012345"),
        ("%010d", int(-12345), "-000012345"),
        ("%20.8d", int(1234), "            00001234"),
        ("%20.8d", int(-1234), "           -00001234"),
        ("%020.8d", int(1234), "            00001234"),
        ("%020.8d", int(-1234), "           -00001234"),
        ("%-20.8d", int(1234), "00001234            "),
        ("%-20.8d", int(-1234), "-00001234           "),
        ("%-#20.8x", int(0x1234abc), "0x01234abc          "),
        ("%-#20.8X", int(0x1234abc), "0X01234ABC          "),
        ("%-#20.8o", int(0o1234), "00001234            "),
        ("%068d", int(1), &zero_fill("", 68, "1")),
        ("%068d", int(-1), &zero_fill("-", 67, "1")),
        ("%#.68x", int(42), &zero_fill("0x", 68, "2a")),
        ("%.68d", int(-42), &zero_fill("-", 68, "42")),
        ("%+.68d", int(42), &zero_fill("+", 68, "42")),
        ("% .68d", int(42), &zero_fill(" ", 68, "42")),
        ("% +.68d", int(42), &zero_fill("+", 68, "42")),
        ("%U", int(0), "U+0000"),
        ("%U", int(-1), "U+FFFFFFFFFFFFFFFF"),
        ("%U", rune('\n'), "U+000A"),
        ("%#U", rune('\n'), "U+000A"),
        ("%+U", rune('x'), "U+0078"),
        ("%# U", rune('x'), "U+0078 'x'"),
        ("%#.2U", rune('x'), "U+0078 'x'"),
        ("%U", rune('\u{263a}'), "U+263A"),
        ("%#U", rune('\u{263a}'), "U+263A '☺'"),
        ("%U", rune('\u{1D6C2}'), "U+1D6C2"),
        ("%#U", rune('\u{1D6C2}'), "U+1D6C2 '\u{1D6C2}'"),
        ("%#14.6U", rune('⌘'), "  U+002318 '⌘'"),
        ("%#-14.6U", rune('⌘'), "U+002318 '⌘'  "),
        ("%#014.6U", rune('⌘'), "  U+002318 '⌘'"),
        ("%#-014.6U", rune('⌘'), "U+002318 '⌘'  "),
        ("%.68U", uint(42), &zero_fill("U+", 68, "2A")),
        (
            "%#.68U",
            rune('日'),
            &(zero_fill("U+", 68, "65E5") + " '日'"),
        ),
    ]);
}

#[test]
fn floats() {
    check(&[
        ("%+.3e", f64v(0.0), "+0.000e+00"),
        ("%+.3e", f64v(1.0), "+1.000e+00"),
        ("%+.3x", f64v(0.0), "+0x0.000p+00"),
        ("%+.3x", f64v(1.0), "+0x1.000p+00"),
        ("%+.3f", f64v(-1.0), "-1.000"),
        ("%+.3F", f64v(-1.0), "-1.000"),
        ("%+.3F", f32v(-1.0), "-1.000"),
        ("%+07.2f", f64v(1.0), "+001.00"),
        ("%+07.2f", f64v(-1.0), "-001.00"),
        ("%-07.2f", f64v(1.0), "1.00   "),
        ("%-07.2f", f64v(-1.0), "-1.00  "),
        ("%+-07.2f", f64v(1.0), "+1.00  "),
        ("%+-07.2f", f64v(-1.0), "-1.00  "),
        ("%-+07.2f", f64v(1.0), "+1.00  "),
        ("%-+07.2f", f64v(-1.0), "-1.00  "),
        ("%+10.2f", f64v(1.0), "     +1.00"),
        ("%+10.2f", f64v(-1.0), "     -1.00"),
        ("% .3E", f64v(-1.0), "-1.000E+00"),
        ("% .3e", f64v(1.0), " 1.000e+00"),
        ("% .3X", f64v(-1.0), "-0X1.000P+00"),
        ("% .3x", f64v(1.0), " 0x1.000p+00"),
        ("%+.3g", f64v(0.0), "+0"),
        ("%+.3g", f64v(1.0), "+1"),
        ("%+.3g", f64v(-1.0), "-1"),
        ("% .3g", f64v(-1.0), "-1"),
        ("% .3g", f64v(1.0), " 1"),
        ("%b", f32v(1.0), "8388608p-23"),
        ("%b", f64v(1.0), "4503599627370496p-52"),
        ("%#g", f64v(1e-323), "1.00000e-323"),
        ("%#g", f64v(-1.0), "-1.00000"),
        ("%#g", f64v(1.1), "1.10000"),
        ("%#g", f64v(123456.0), "123456."),
        ("%#g", f64v(1234567.0), "1.234567e+06"),
        ("%#g", f64v(1230000.0), "1.23000e+06"),
        ("%#g", f64v(1000000.0), "1.00000e+06"),
        ("%#.0f", f64v(1.0), "1."),
        ("%#.0e", f64v(1.0), "1.e+00"),
        ("%#.0x", f64v(1.0), "0x1.p+00"),
        ("%#.0g", f64v(1.0), "1."),
        ("%#.0g", f64v(1100000.0), "1.e+06"),
        ("%#.4f", f64v(1.0), "1.0000"),
        ("%#.4e", f64v(1.0), "1.0000e+00"),
        ("%#.4x", f64v(1.0), "0x1.0000p+00"),
        ("%#.4g", f64v(1.0), "1.000"),
        ("%#.4g", f64v(100000.0), "1.000e+05"),
        ("%#.4g", f64v(1.234), "1.234"),
        ("%#.4g", f64v(0.1234), "0.1234"),
        ("%#.4g", f64v(1.23), "1.230"),
        ("%#.4g", f64v(0.123), "0.1230"),
        ("%#.4g", f64v(1.2), "1.200"),
        ("%#.4g", f64v(0.12), "0.1200"),
        ("%#.4g", f64v(10.2), "10.20"),
        ("%#.4g", f64v(0.0), "0.000"),
        ("%#.4g", f64v(0.012), "0.01200"),
        ("%#.0f", f64v(123.0), "123."),
        ("%#.0e", f64v(123.0), "1.e+02"),
        ("%#.0x", f64v(123.0), "0x1.p+07"),
        ("%#.0g", f64v(123.0), "1.e+02"),
        ("%#.4f", f64v(123.0), "123.0000"),
        ("%#.4e", f64v(123.0), "1.2300e+02"),
        ("%#.4x", f64v(123.0), "0x1.ec00p+06"),
        ("%#.4g", f64v(123.0), "123.0"),
        ("%#.4g", f64v(123000.0), "1.230e+05"),
        ("%#9.4g", f64v(1.0), "    1.000"),
        ("%#b", f64v(1.0), "4503599627370496p-52"),
        ("%.4b", f32v(1.0), "8388608p-23"),
        ("%.4b", f64v(-1.0), "-4503599627370496p-52"),
        ("%.68f", f64v(1.0), &zero_fill("1.", 68, "")),
        ("%.68f", f64v(-1.0), &zero_fill("-1.", 68, "")),
        ("%f", f64v(INF), "+Inf"),
        ("%.1f", f64v(-INF), "-Inf"),
        ("% f", f64v(NAN), " NaN"),
        ("%20f", f64v(INF), "                +Inf"),
        ("% 20F", f64v(INF), "                 Inf"),
        ("% 20e", f64v(-INF), "                -Inf"),
        ("% 20x", f64v(-INF), "                -Inf"),
        ("%+20E", f64v(-INF), "                -Inf"),
        ("%+20X", f64v(-INF), "                -Inf"),
        ("% +20g", f64v(-INF), "                -Inf"),
        ("%+-20G", f64v(INF), "+Inf                "),
        ("%20e", f64v(NAN), "                 NaN"),
        ("%20x", f64v(NAN), "                 NaN"),
        ("% +20E", f64v(NAN), "                +NaN"),
        ("% +20X", f64v(NAN), "                +NaN"),
        ("% -20g", f64v(NAN), " NaN                "),
        ("%+-20G", f64v(NAN), "+NaN                "),
        ("%+020e", f64v(INF), "                +Inf"),
        ("%+020x", f64v(INF), "                +Inf"),
        ("%-020f", f64v(-INF), "-Inf                "),
        ("%-020E", f64v(NAN), "NaN                 "),
        ("%-020X", f64v(NAN), "NaN                 "),
        ("%e", f64v(1.0), "1.000000e+00"),
        ("%e", f64v(1234.5678e3), "1.234568e+06"),
        ("%e", f64v(1234.5678e-8), "1.234568e-05"),
        ("%e", f64v(-7.0), "-7.000000e+00"),
        ("%e", f64v(-1e-9), "-1.000000e-09"),
        ("%f", f64v(1234.5678e3), "1234567.800000"),
        ("%f", f64v(1234.5678e-8), "0.000012"),
        ("%f", f64v(-7.0), "-7.000000"),
        ("%f", f64v(-1e-9), "-0.000000"),
        ("%g", f64v(1234.5678e3), "1.2345678e+06"),
        ("%g", f32v(1234.5678e3), "1.2345678e+06"),
        ("%g", f64v(1234.5678e-8), "1.2345678e-05"),
        ("%g", f64v(-7.0), "-7"),
        ("%g", f64v(-1e-9), "-1e-09"),
        ("%g", f32v(-1e-9), "-1e-09"),
        ("%E", f64v(1.0), "1.000000E+00"),
        ("%E", f64v(1234.5678e3), "1.234568E+06"),
        ("%E", f64v(1234.5678e-8), "1.234568E-05"),
        ("%E", f64v(-7.0), "-7.000000E+00"),
        ("%E", f64v(-1e-9), "-1.000000E-09"),
        ("%G", f64v(1234.5678e3), "1.2345678E+06"),
        ("%G", f32v(1234.5678e3), "1.2345678E+06"),
        ("%G", f64v(1234.5678e-8), "1.2345678E-05"),
        ("%G", f64v(-7.0), "-7"),
        ("%G", f64v(-1e-9), "-1E-09"),
        ("%G", f32v(-1e-9), "-1E-09"),
        ("%20.6e", f64v(1.2345e3), "        1.234500e+03"),
        ("%20.6e", f64v(1.2345e-3), "        1.234500e-03"),
        ("%20e", f64v(1.2345e3), "        1.234500e+03"),
        ("%20e", f64v(1.2345e-3), "        1.234500e-03"),
        ("%20.8e", f64v(1.2345e3), "      1.23450000e+03"),
        ("%20f", f64v(1.23456789e3), "         1234.567890"),
        ("%20f", f64v(1.23456789e-3), "            0.001235"),
        ("%20f", f64v(12345678901.23456789), "  12345678901.234568"),
        ("%-20f", f64v(1.23456789e3), "1234.567890         "),
        ("%20.8f", f64v(1.23456789e3), "       1234.56789000"),
        ("%20.8f", f64v(1.23456789e-3), "          0.00123457"),
        ("%g", f64v(1.23456789e3), "1234.56789"),
        ("%g", f64v(1.23456789e-3), "0.00123456789"),
        ("%g", f64v(1.23456789e20), "1.23456789e+20"),
        ("%v", f64v(1.2345678), "1.2345678"),
        ("%v", f32v(1.2345678), "1.2345678"),
        ("%#v", f64v(1.2345678), "1.2345678"),
        ("%#v", f32v(1.2345678), "1.2345678"),
        ("%#v", f64v(1.0), "1"),
        ("%#v", f64v(1000000.0), "1e+06"),
        ("%#v", f32v(1.0), "1"),
        ("%#v", f32v(1000000.0), "1e+06"),
        ("%-05.1f", f64v(1.0), "1.0  "),
    ]);
}

/// The C printf comparison table of Go's tests.
#[test]
fn float_padding_like_c() {
    let table = [
        ("%.2f", "1.00", "-1.00"),
        ("% .2f", " 1.00", "-1.00"),
        ("%+.2f", "+1.00", "-1.00"),
        ("%7.2f", "   1.00", "  -1.00"),
        ("% 7.2f", "   1.00", "  -1.00"),
        ("%+7.2f", "  +1.00", "  -1.00"),
        ("% +7.2f", "  +1.00", "  -1.00"),
        ("%07.2f", "0001.00", "-001.00"),
        ("% 07.2f", " 001.00", "-001.00"),
        ("%+07.2f", "+001.00", "-001.00"),
        ("% +07.2f", "+001.00", "-001.00"),
    ];
    for (format, pos, neg) in table {
        check(&[(format, f64v(1.0), pos), (format, f64v(-1.0), neg)]);
    }
}

#[test]
fn complex_numbers() {
    check(&[
        ("%.f", c128(0.0, 0.0), "(0+0i)"),
        ("% .f", c128(0.0, 0.0), "( 0+0i)"),
        ("%+.f", c128(0.0, 0.0), "(+0+0i)"),
        ("% +.f", c128(0.0, 0.0), "(+0+0i)"),
        ("%+.3e", c128(0.0, 0.0), "(+0.000e+00+0.000e+00i)"),
        ("%+.3x", c128(0.0, 0.0), "(+0x0.000p+00+0x0.000p+00i)"),
        ("%+.3f", c128(0.0, 0.0), "(+0.000+0.000i)"),
        ("%+.3g", c128(0.0, 0.0), "(+0+0i)"),
        ("%+.3e", c128(1.0, 2.0), "(+1.000e+00+2.000e+00i)"),
        ("%+.3x", c128(1.0, 2.0), "(+0x1.000p+00+0x1.000p+01i)"),
        ("%+.3f", c128(1.0, 2.0), "(+1.000+2.000i)"),
        ("%+.3g", c128(1.0, 2.0), "(+1+2i)"),
        ("%.3e", c128(0.0, 0.0), "(0.000e+00+0.000e+00i)"),
        ("%.3x", c128(0.0, 0.0), "(0x0.000p+00+0x0.000p+00i)"),
        ("%.3f", c128(0.0, 0.0), "(0.000+0.000i)"),
        ("%.3F", c128(0.0, 0.0), "(0.000+0.000i)"),
        ("%.3F", c64(0.0, 0.0), "(0.000+0.000i)"),
        ("%.3g", c128(0.0, 0.0), "(0+0i)"),
        ("%.3e", c128(1.0, 2.0), "(1.000e+00+2.000e+00i)"),
        ("%.3x", c128(1.0, 2.0), "(0x1.000p+00+0x1.000p+01i)"),
        ("%.3f", c128(1.0, 2.0), "(1.000+2.000i)"),
        ("%.3g", c128(1.0, 2.0), "(1+2i)"),
        ("%.3e", c128(-1.0, -2.0), "(-1.000e+00-2.000e+00i)"),
        ("%.3x", c128(-1.0, -2.0), "(-0x1.000p+00-0x1.000p+01i)"),
        ("%.3f", c128(-1.0, -2.0), "(-1.000-2.000i)"),
        ("%.3g", c128(-1.0, -2.0), "(-1-2i)"),
        ("% .3E", c128(-1.0, -2.0), "(-1.000E+00-2.000E+00i)"),
        ("% .3X", c128(-1.0, -2.0), "(-0X1.000P+00-0X1.000P+01i)"),
        ("%+.3g", c64(1.0, 2.0), "(+1+2i)"),
        ("%#g", c128(1.0, 2.0), "(1.00000+2.00000i)"),
        ("%#g", c128(123456.0, 789012.0), "(123456.+789012.i)"),
        ("%#g", c128(0.0, 1e-10), "(0.00000+1.00000e-10i)"),
        (
            "%#g",
            c128(-1e10, -1.11e100),
            "(-1.00000e+10-1.11000e+100i)",
        ),
        ("%#.0f", c128(1.23, 1.0), "(1.+1.i)"),
        ("%#.0e", c128(1.23, 1.0), "(1.e+00+1.e+00i)"),
        ("%#.0x", c128(1.23, 1.0), "(0x1.p+00+0x1.p+00i)"),
        ("%#.0g", c128(1.23, 1.0), "(1.+1.i)"),
        ("%#.0g", c128(0.0, 100000.0), "(0.+1.e+05i)"),
        ("%#.0g", c128(1230000.0, 0.0), "(1.e+06+0.i)"),
        ("%#.4f", c128(1.0, 1.23), "(1.0000+1.2300i)"),
        ("%#.4e", c128(123.0, 1.0), "(1.2300e+02+1.0000e+00i)"),
        ("%#.4x", c128(123.0, 1.0), "(0x1.ec00p+06+0x1.0000p+00i)"),
        ("%#.4g", c128(123.0, 1.23), "(123.0+1.230i)"),
        (
            "%#12.5g",
            c128(0.0, 100000.0),
            "(      0.0000 +1.0000e+05i)",
        ),
        (
            "%#12.5g",
            c128(1230000.0, 0.0),
            "(  1.2300e+06     +0.0000i)",
        ),
        (
            "%b",
            c128(1.0, 2.0),
            "(4503599627370496p-52+4503599627370496p-51i)",
        ),
        ("%b", c64(1.0, 2.0), "(8388608p-23+8388608p-22i)"),
        (
            "%#b",
            c128(1.0, 2.0),
            "(4503599627370496p-52+4503599627370496p-51i)",
        ),
        (
            "%.4b",
            c128(1.0, 2.0),
            "(4503599627370496p-52+4503599627370496p-51i)",
        ),
        ("%.4b", c64(1.0, 2.0), "(8388608p-23+8388608p-22i)"),
        ("%f", c128(INF, INF), "(+Inf+Infi)"),
        ("%f", c128(-INF, -INF), "(-Inf-Infi)"),
        ("%f", c128(NAN, NAN), "(NaN+NaNi)"),
        ("%.1f", c128(INF, INF), "(+Inf+Infi)"),
        ("% f", c128(INF, INF), "( Inf+Infi)"),
        ("% f", c128(-INF, -INF), "(-Inf-Infi)"),
        ("% f", c128(NAN, NAN), "( NaN+NaNi)"),
        ("%8e", c128(INF, INF), "(    +Inf    +Infi)"),
        ("%8x", c128(INF, INF), "(    +Inf    +Infi)"),
        ("% 8E", c128(INF, INF), "(     Inf    +Infi)"),
        ("% 8X", c128(INF, INF), "(     Inf    +Infi)"),
        ("%+8f", c128(-INF, -INF), "(    -Inf    -Infi)"),
        ("% +8g", c128(-INF, -INF), "(    -Inf    -Infi)"),
        ("% -8G", c128(NAN, NAN), "( NaN    +NaN    i)"),
        ("%+-8b", c128(NAN, NAN), "(+NaN    +NaN    i)"),
        ("%08f", c128(INF, INF), "(    +Inf    +Infi)"),
        ("%-08g", c128(-INF, -INF), "(-Inf    -Inf    i)"),
        ("%-08G", c128(NAN, NAN), "(NaN     +NaN    i)"),
        ("%v", c128(1.0, 2.0), "(1+2i)"),
        ("%v", c64(1.0, 2.0), "(1+2i)"),
        ("%7.2f", c128(1.0, 2.0), "(   1.00  +2.00i)"),
        ("%+07.2f", c128(-1.0, -2.0), "(-001.00-002.00i)"),
        ("%+10.2f", c128(104.66, 440.51), "(   +104.66   +440.51i)"),
        ("%+10.2f", c128(-104.66, 440.51), "(   -104.66   +440.51i)"),
        ("%+10.2f", c128(104.66, -440.51), "(   +104.66   -440.51i)"),
        ("%+10.2f", c128(-104.66, -440.51), "(   -104.66   -440.51i)"),
        ("%+010.2f", c128(104.66, 440.51), "(+000104.66+000440.51i)"),
        ("%+010.2f", c128(-104.66, 440.51), "(-000104.66+000440.51i)"),
        ("%+010.2f", c128(104.66, -440.51), "(+000104.66-000440.51i)"),
        (
            "%+010.2f",
            c128(-104.66, -440.51),
            "(-000104.66-000440.51i)",
        ),
    ]);
}

/// Go's TestComplexFormatting: a complex number prints as its two parts would.
#[test]
fn complex_is_two_floats() {
    let values = [1.0, 0.0, -1.0, INF, -INF, NAN];
    for plus in [true, false] {
        for zero in [true, false] {
            for space in [true, false] {
                for verb in "fFeEgG".chars() {
                    let mut real_fmt = "%".to_string();
                    let mut imag_fmt = "%".to_string();
                    if zero {
                        real_fmt.push('0');
                        imag_fmt.push('0');
                    }
                    if space {
                        real_fmt.push(' ');
                    }
                    if plus {
                        real_fmt.push('+');
                    }
                    imag_fmt.push('+');
                    real_fmt.push_str(&format!("10.2{verb}"));
                    imag_fmt.push_str(&format!("10.2{verb}"));
                    for re in values {
                        for im in values {
                            let one = sprintf(&real_fmt, &[c128(re, im)]);
                            let two =
                                sprintf(&format!("({real_fmt}{imag_fmt}i)"), &[f64v(re), f64v(im)]);
                            assert_eq!(one, two, "{real_fmt} of ({re}, {im})");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn slices_and_maps() {
    let islice = || anys(vec![int(1), s("hello"), f64v(2.5), nil()]);
    check(&[
        ("%v", ints(&[1, 2, 3, 4, 5]), "[1 2 3 4 5]"),
        ("%v", islice(), "[1 hello 2.5 <nil>]"),
        ("%b", bytes(&[65, 66, 67]), "[1000001 1000010 1000011]"),
        ("%c", bytes(&[65, 66, 67]), "[A B C]"),
        ("%d", bytes(&[65, 66, 67]), "[65 66 67]"),
        ("%o", bytes(&[65, 66, 67]), "[101 102 103]"),
        ("%U", bytes(&[65, 66, 67]), "[U+0041 U+0042 U+0043]"),
        ("%v", bytes(&[65, 66, 67]), "[65 66 67]"),
        ("%v", bytes(&[123]), "[123]"),
        ("%012v", bytes(&[]), "[]"),
        ("%#012v", bytes(&[]), "[]byte{}"),
        ("%6v", bytes(&[1, 11, 111]), "[     1     11    111]"),
        ("%06v", bytes(&[1, 11, 111]), "[000001 000011 000111]"),
        ("%-6v", bytes(&[1, 11, 111]), "[1      11     111   ]"),
        ("%-06v", bytes(&[1, 11, 111]), "[1      11     111   ]"),
        ("%#v", bytes(&[1, 11, 111]), "[]byte{0x1, 0xb, 0x6f}"),
        (
            "%#6v",
            bytes(&[1, 11, 111]),
            "[]byte{   0x1,    0xb,   0x6f}",
        ),
        (
            "%#06v",
            bytes(&[1, 11, 111]),
            "[]byte{0x000001, 0x00000b, 0x00006f}",
        ),
        (
            "%#-6v",
            bytes(&[1, 11, 111]),
            "[]byte{0x1   , 0xb   , 0x6f  }",
        ),
        (
            "%#-06v",
            bytes(&[1, 11, 111]),
            "[]byte{0x1   , 0xb   , 0x6f  }",
        ),
        ("% v", bytes(&[1, 11, 111]), "[ 1  11  111]"),
        ("%+v", bytes(&[1, 11, 111]), "[1 11 111]"),
        (
            "%# -6v",
            bytes(&[1, 11, 111]),
            "[]byte{ 0x1  ,  0xb  ,  0x6f }",
        ),
        ("% d", bytes(&[1, 11, 111]), "[ 1  11  111]"),
        ("%+d", bytes(&[1, 11, 111]), "[+1 +11 +111]"),
        ("%# -6d", bytes(&[1, 11, 111]), "[ 1      11     111  ]"),
        ("%#+-6d", bytes(&[1, 11, 111]), "[+1     +11    +111  ]"),
        (
            "%#v",
            Value::Nil(Type::slice_of(Type::Uint(UintKind::U8))),
            "[]byte(nil)",
        ),
        (
            "%#v",
            Value::Nil(Type::slice_of(Type::Int(IntKind::Int))),
            "[]int(nil)",
        ),
        ("%#v", ints(&[]), "[]int{}"),
        ("%#v", strings(&["a", "b"]), r#"[]string{"a", "b"}"#),
        (
            "%#v",
            Value::Nil(Type::slice_of(Type::Int(IntKind::I32))),
            "[]int32(nil)",
        ),
        (
            "%#v",
            Value::List(List::with_type(
                Type::slice_of(Type::Uint(UintKind::U8)),
                vec![],
            )),
            "[]byte{}",
        ),
        (
            "%#v",
            anys(vec![int(1), s("hello"), f64v(2.5), nil()]),
            r#"[]interface {}{1, "hello", 2.5, interface {}(nil)}"#,
        ),
        ("%#v", u64v(u64::MAX), "0xffffffffffffffff"),
        ("%#v", int(1000000000), "1000000000"),
        ("%#v", s("foo"), r#""foo""#),
        ("%#x", ints(&[1, 2, 15]), "[0x1 0x2 0xf]"),
        ("%x", ints(&[1, 2, 15]), "[1 2 f]"),
        ("%d", ints(&[1, 2, 15]), "[1 2 15]"),
        ("%d", bytes(&[1, 2, 15]), "[1 2 15]"),
        ("%q", strings(&["a", "b"]), r#"["a" "b"]"#),
        ("% 02x", bytes(&[1]), "01"),
        ("% 02x", bytes(&[1, 2, 3]), "01 02 03"),
        ("%06v", anys(vec![f64v(10.0), int(10)]), "[000010 000010]"),
        ("%06v", anys(vec![f64v(-10.0), int(10)]), "[-00010 000010]"),
        (
            "%06v",
            anys(vec![c128(10.0, 10.0), int(10)]),
            "[(000010+00010i) 000010]",
        ),
        (
            "%06v",
            anys(vec![c128(-10.0, 10.0), int(10)]),
            "[(-00010+00010i) 000010]",
        ),
        (
            "%03.6v",
            anys(vec![int(1), f64v(2.0), s("x")]),
            "[000001 002 00x]",
        ),
        (
            "%03.0v",
            anys(vec![int(0), f64v(2.0), s("x")]),
            "[    002 000]",
        ),
        (
            "%v",
            Value::List(List::with_type(
                Type::slice_of(Type::Complex(FloatKind::F32)),
                vec![c64(1.0, 0.0), c64(2.0, 0.0), c64(3.0, 0.0)],
            )),
            "[(1+0i) (2+0i) (3+0i)]",
        ),
        ("%☠", bytes(&[0, 1]), "[%!☠(uint8=0) %!☠(uint8=1)]"),
    ]);

    let map_si = Map::with_type(Type::map_of(Type::String, Type::Int(IntKind::Int)));
    map_si.insert("a", int(1));
    let empty = Map::with_type(Type::map_of(Type::String, Type::Uint(UintKind::U8)));
    check(&[
        ("%#v", Value::Map(map_si), r#"map[string]int{"a":1}"#),
        (
            "%#v",
            Value::Nil(Type::map_of(Type::String, Type::Uint(UintKind::U8))),
            "map[string]uint8(nil)",
        ),
        ("%#v", Value::Map(empty), "map[string]uint8{}"),
        ("%v", Value::Nil(Type::map_of_any()), "map[]"),
    ]);
}

#[test]
fn padding_hex_of_bytes_and_strings() {
    let pairs: [(&str, &[u8], &str); 24] = [
        ("%2x", b"", "  "),
        ("%#2x", b"", "  "),
        ("% 02x", b"", "00"),
        ("%# 02x", b"", "00"),
        ("%-2x", b"", "  "),
        ("%-02x", b"", "  "),
        ("%8x", b"\xab", "      ab"),
        ("% 8x", b"\xab", "      ab"),
        ("%#8x", b"\xab", "    0xab"),
        ("%# 8x", b"\xab", "    0xab"),
        ("%08x", b"\xab", "000000ab"),
        ("% 08x", b"\xab", "000000ab"),
        ("%#08x", b"\xab", "00000xab"),
        ("%# 08x", b"\xab", "00000xab"),
        ("%10x", b"\xab\xcd", "      abcd"),
        ("% 10x", b"\xab\xcd", "     ab cd"),
        ("%#10x", b"\xab\xcd", "    0xabcd"),
        ("%# 10x", b"\xab\xcd", " 0xab 0xcd"),
        ("%010x", b"\xab\xcd", "000000abcd"),
        ("% 010x", b"\xab\xcd", "00000ab cd"),
        ("%#010x", b"\xab\xcd", "00000xabcd"),
        ("%# 010x", b"\xab\xcd", "00xab 0xcd"),
        ("%-10X", b"\xab", "AB        "),
        ("% -010X", b"\xab", "AB        "),
    ];
    for (format, b, want) in pairs {
        check(&[(format, bytes(b), want)]);
        if let Ok(text) = std::str::from_utf8(b) {
            check(&[(format, s(text), want)]);
        }
    }
    check(&[
        ("%#-10X", bytes(b"\xab\xcd"), "0XABCD    "),
        ("%# -010X", bytes(b"\xab\xcd"), "0XAB 0XCD "),
    ]);
}

/// Named types over basic kinds (Go's "renamings").
#[test]
fn named_types() {
    let ty = |name: &str, under: Type| Type::named(name, under);
    let renamed = |name: &str, v: Value| named(ty(name, v.go_type().unwrap()), v, None);
    let rb = Type::named(
        "fmt_test.renamedBytes",
        Type::slice_of(Type::Uint(UintKind::U8)),
    );
    let ru8 = Type::named("fmt_test.renamedUint8", Type::Uint(UintKind::U8));
    let hello: Vec<Value> = b"hello"
        .iter()
        .map(|&c| named(ru8.clone(), u8v(u64::from(c)), None))
        .collect();
    let ru8_slice = || Value::List(List::with_type(Type::slice_of(ru8.clone()), hello.clone()));
    check(&[
        (
            "%v",
            renamed("fmt_test.renamedBool", Value::Bool(true)),
            "true",
        ),
        (
            "%d",
            renamed("fmt_test.renamedBool", Value::Bool(true)),
            "%!d(fmt_test.renamedBool=true)",
        ),
        ("%o", renamed("fmt_test.renamedInt", int(8)), "10"),
        ("%d", renamed("fmt_test.renamedInt8", i8v(-9)), "-9"),
        ("%v", renamed("fmt_test.renamedInt16", i16v(10)), "10"),
        ("%v", renamed("fmt_test.renamedInt32", i32v(-11)), "-11"),
        ("%X", renamed("fmt_test.renamedInt64", i64v(255)), "FF"),
        ("%v", renamed("fmt_test.renamedUint", uint(13)), "13"),
        ("%o", renamed("fmt_test.renamedUint8", u8v(14)), "16"),
        ("%X", renamed("fmt_test.renamedUint16", u16v(15)), "F"),
        ("%d", renamed("fmt_test.renamedUint32", u32v(16)), "16"),
        ("%X", renamed("fmt_test.renamedUint64", u64v(17)), "11"),
        ("%o", renamed("fmt_test.renamedUintptr", uptr(18)), "22"),
        (
            "%x",
            renamed("fmt_test.renamedString", s("thing")),
            "7468696e67",
        ),
        (
            "%d",
            named(rb.clone(), bytes(&[1, 2, 15]), None),
            "[1 2 15]",
        ),
        ("%q", named(rb.clone(), bytes(b"hello"), None), "\"hello\""),
        ("%x", ru8_slice(), "68656c6c6f"),
        ("%X", ru8_slice(), "68656C6C6F"),
        ("%s", ru8_slice(), "hello"),
        ("%q", ru8_slice(), "\"hello\""),
        (
            "%#v",
            ru8_slice(),
            "[]fmt_test.renamedUint8{0x68, 0x65, 0x6c, 0x6c, 0x6f}",
        ),
        ("%v", renamed("fmt_test.renamedFloat32", f32v(22.0)), "22"),
        ("%v", renamed("fmt_test.renamedFloat64", f64v(33.0)), "33"),
        (
            "%v",
            renamed("fmt_test.renamedComplex64", c64(3.0, 4.0)),
            "(3+4i)",
        ),
        (
            "%v",
            renamed("fmt_test.renamedComplex128", c128(4.0, -3.0)),
            "(4-3i)",
        ),
        (
            "%T",
            renamed("fmt_test.renamedComplex128", c128(4.0, -3.0)),
            "fmt_test.renamedComplex128",
        ),
        (
            "%☠",
            renamed("fmt_test.renamedInt", int(0)),
            "%!☠(fmt_test.renamedInt=0)",
        ),
    ]);
}

/// Values with `String()` methods (Go's I, byteStringer and friends).
#[test]
fn stringers() {
    let i_ty = Type::named("fmt_test.I", Type::Int(IntKind::Int));
    let i = |n: i64| named(i_ty.clone(), int(n), Some(&format!("<{n}>")));
    let bs_ty = Type::named("fmt_test.byteStringer", Type::Uint(UintKind::U8));
    let byte_stringers = Value::List(List::with_type(
        Type::slice_of(bs_ty.clone()),
        b"hello"
            .iter()
            .map(|&c| named(bs_ty.clone(), u8v(u64::from(c)), Some("X")))
            .collect(),
    ));
    let b_struct = |a: i64, b: i64| strukt("fmt_test.B", vec![("I", i(a)), ("j", int(b))]);
    check(&[
        ("%s", i(23), "<23>"),
        ("%q", i(23), "\"<23>\""),
        ("%x", i(23), "3c32333e"),
        ("%#x", i(23), "0x3c32333e"),
        ("%# x", i(23), "0x3c 0x32 0x33 0x3e"),
        ("%d", i(23), "23"),
        ("%+v", b_struct(1, 2), "{I:<1> j:2}"),
        (
            "%+v",
            strukt("fmt_test.C", vec![("i", int(1)), ("B", b_struct(2, 3))]),
            "{i:1 B:{I:<2> j:3}}",
        ),
        ("%v", byte_stringers.clone(), "[X X X X X]"),
        ("%s", byte_stringers.clone(), "hello"),
        ("%q", byte_stringers.clone(), "\"hello\""),
        ("%x", byte_stringers.clone(), "68656c6c6f"),
        ("%X", byte_stringers.clone(), "68656C6C6F"),
        (
            "%#v",
            byte_stringers,
            "[]fmt_test.byteStringer{0x68, 0x65, 0x6c, 0x6c, 0x6f}",
        ),
        (
            "%☠",
            anys(vec![
                i(1),
                named(
                    Type::named("fmt_test.G", Type::Int(IntKind::Int)),
                    int(2),
                    None,
                ),
            ]),
            "[%!☠(fmt_test.I=1) %!☠(fmt_test.G=2)]",
        ),
        (
            "%s",
            named(
                Type::named("time.Month", Type::Int(IntKind::Int)),
                int(1),
                Some("January"),
            ),
            "January",
        ),
        (
            "%d",
            named(
                Type::named("time.Month", Type::Int(IntKind::Int)),
                int(1),
                Some("January"),
            ),
            "1",
        ),
    ]);
}

#[test]
fn structs() {
    let a = || {
        strukt(
            "fmt_test.A",
            vec![
                ("i", int(1)),
                ("j", uint(2)),
                ("s", s("a")),
                ("x", ints(&[1, 2])),
            ],
        )
    };
    check(&[
        ("%v", a(), "{1 2 a [1 2]}"),
        ("%+v", a(), "{i:1 j:2 s:a x:[1 2]}"),
        (
            "%#v",
            a(),
            r#"fmt_test.A{i:1, j:0x2, s:"a", x:[]int{1, 2}}"#,
        ),
        (
            "%#v",
            strukt("fmt_test.SI", vec![("I", nil())]),
            "fmt_test.SI{I:interface {}(nil)}",
        ),
    ]);
    let t = || vec![("a", s("abc")), ("b", s("def")), ("c", int(123))];
    for (format, want) in [
        ("%v", "{abc def 123}"),
        ("%+v", "{a:abc b:def c:123}"),
        ("%#v", r#"fmt_test.T{a:"abc", b:"def", c:123}"#),
    ] {
        check(&[
            (format, strukt("fmt_test.T", t()), want),
            (
                format,
                ptr_to_struct("fmt_test.T", t()),
                &format!("&{want}"),
            ),
        ]);
    }
    check(&[
        (
            "%v",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "<nil>",
        ),
        (
            "%#v",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "(*int)(nil)",
        ),
        (
            "%8.2v",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "   <nil>",
        ),
        (
            "%p",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "0x0",
        ),
        (
            "%#p",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "0",
        ),
        (
            "%8.2p",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "    0x00",
        ),
        ("%p", int(27), "%!p(int=27)"),
        ("%p", nil(), "%!p(<nil>)"),
        ("%#p", nil(), "%!p(<nil>)"),
        ("%v", nil(), "<nil>"),
        ("%#v", nil(), "<nil>"),
    ]);
}

#[test]
fn type_verb() {
    check(&[
        ("%T", u8v(0), "uint8"),
        ("%T", Value::Invalid, "reflect.Value"),
        ("%T", c128(4.0, -3.0), "complex128"),
        ("%T", int(0), "int"),
        (
            "%6T",
            Value::Nil(Type::ptr_to(Type::Int(IntKind::Int))),
            "  *int",
        ),
        ("%10T", nil(), "     <nil>"),
        ("%-10T", nil(), "<nil>     "),
        ("%T", anys(vec![]), "[]interface {}"),
        ("%T", Value::Map(Map::new()), "map[string]interface {}"),
        ("%T", bytes(b"x"), "[]uint8"),
    ]);
}

#[test]
fn bad_verbs_and_invalid_values() {
    check(&[
        ("%v", Value::Invalid, "<invalid reflect.Value>"),
        ("%☠", Value::Invalid, "<invalid reflect.Value>"),
        ("%☠", nil(), "%!☠(<nil>)"),
        ("%☠", int(0), "%!☠(int=0)"),
        ("%☠", uint(0), "%!☠(uint=0)"),
        ("%☠", s("hello"), "%!☠(string=hello)"),
        ("%☠", f64v(1.2345678), "%!☠(float64=1.2345678)"),
        ("%☠", f32v(1.2345678), "%!☠(float32=1.2345678)"),
        (
            "%☠",
            c128(1.2345678, 1.2345678),
            "%!☠(complex128=(1.2345678+1.2345678i))",
        ),
        (
            "%☠",
            c64(1.2345678, 1.2345678),
            "%!☠(complex64=(1.2345678+1.2345678i))",
        ),
        (
            "%☠",
            strukt(
                "fmt_test.SI",
                vec![(
                    "I",
                    named(
                        Type::named("fmt_test.renamedInt", Type::Int(IntKind::Int)),
                        int(0),
                        None,
                    ),
                )],
            ),
            "{%!☠(fmt_test.renamedInt=0)}",
        ),
        ("%.", int(3), "%!.(int=3)"),
        // Expectations from Go 1.25: %w outside Errorf.
        ("%w", anys(vec![nil()]), "%!w([]interface {}=[<nil>])"),
        ("%w", bytes(&[1]), "[%!w(uint8=1)]"),
        ("%w", int(3), "%!w(int=3)"),
        ("%#O", int(8), "0o010"),
        ("%#O", int(0), "0o0"),
        ("%O", int(-8), "-0o10"),
        // Expectations from Go 1.25: a non-integer width still uses up its operand.
        ("%*d", s("foo"), "%!(BADWIDTH)%!d(MISSING)"),
    ]);
}

fn checkf(cases: &[(&str, Vec<Value>, &str)]) {
    let mut failures = vec![];
    for (format, args, want) in cases {
        let got = sprintf(format, args);
        if got != *want {
            failures.push(format!(
                "Sprintf({format:?}, {args:?}) = {got:?}, want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn erroneous_formats() {
    checkf(&[
        ("", vec![nil()], "%!(EXTRA <nil>)"),
        ("", vec![int(2)], "%!(EXTRA int=2)"),
        ("no args", vec![s("hello")], "no args%!(EXTRA string=hello)"),
        ("%s %", vec![s("hello")], "hello %!(NOVERB)"),
        ("%s %.2", vec![s("hello")], "hello %!(NOVERB)"),
        (
            "%017091901790959340919092959340919017929593813360",
            vec![int(0)],
            "%!(NOVERB)%!(EXTRA int=0)",
        ),
        (
            "%184467440737095516170v",
            vec![int(0)],
            "%!(NOVERB)%!(EXTRA int=0)",
        ),
        (
            "%010.2",
            vec![s("12345")],
            "%!(NOVERB)%!(EXTRA string=12345)",
        ),
        (
            "%s %s %s %s %s",
            vec![
                nil(),
                Value::Nil(Type::ptr_to(Type::struct_named("fmt_test.A"))),
                nil(),
                strukt("fmt_test.B", vec![]),
                nil(),
            ],
            "%!s(<nil>) %!s(*fmt_test.A=<nil>) %!s(<nil>) {} %!s(<nil>)",
        ),
    ]);
}

/// Go's startests: `*` widths and precisions.
#[test]
fn star_width_and_precision() {
    checkf(&[
        ("%*d", vec![int(4), int(42)], "  42"),
        ("%-*d", vec![int(4), int(42)], "42  "),
        ("%*d", vec![int(-4), int(42)], "42  "),
        ("%-*d", vec![int(-4), int(42)], "42  "),
        ("%.*d", vec![int(4), int(42)], "0042"),
        ("%*.*d", vec![int(8), int(4), int(42)], "    0042"),
        ("%0*d", vec![int(4), int(42)], "0042"),
        ("%0*d", vec![uint(4), int(42)], "0042"),
        ("%0*d", vec![u64v(4), int(42)], "0042"),
        ("%0*d", vec![rune('\x04'), int(42)], "0042"),
        ("%0*d", vec![uptr(4), int(42)], "0042"),
        ("%*d", vec![nil(), int(42)], "%!(BADWIDTH)42"),
        ("%*d", vec![int(10_000_000), int(42)], "%!(BADWIDTH)42"),
        ("%*d", vec![int(-10_000_000), int(42)], "%!(BADWIDTH)42"),
        ("%.*d", vec![nil(), int(42)], "%!(BADPREC)42"),
        ("%.*d", vec![int(-1), int(42)], "%!(BADPREC)42"),
        ("%.*d", vec![int(10_000_000), int(42)], "%!(BADPREC)42"),
        ("%.*d", vec![uint(10_000_000), int(42)], "%!(BADPREC)42"),
        ("%.*d", vec![u64v(1 << 63), int(42)], "%!(BADPREC)42"),
        ("%.*d", vec![u64v(u64::MAX), int(42)], "%!(BADPREC)42"),
        ("%*d", vec![int(5), s("foo")], "%!d(string=  foo)"),
        ("%*% %d", vec![int(20), int(5)], "% 5"),
        ("%*", vec![int(4)], "%!(NOVERB)"),
    ]);
}

/// Go's reorderTests: explicit argument indexes.
#[test]
fn argument_indexes() {
    checkf(&[
        ("%[1]d", vec![int(1)], "1"),
        ("%[2]d", vec![int(2), int(1)], "1"),
        ("%[2]d %[1]d", vec![int(1), int(2)], "2 1"),
        ("%[2]*[1]d", vec![int(2), int(5)], "    2"),
        ("%6.2f", vec![f64v(12.0)], " 12.00"),
        ("%[3]*.[2]*[1]f", vec![f64v(12.0), int(2), int(6)], " 12.00"),
        ("%[1]*.[2]*[3]f", vec![int(6), int(2), f64v(12.0)], " 12.00"),
        ("%10f", vec![f64v(12.0)], " 12.000000"),
        (
            "%[1]*[3]f",
            vec![int(10), int(99), f64v(12.0)],
            " 12.000000",
        ),
        ("%.6f", vec![f64v(12.0)], "12.000000"),
        ("%.[1]*[3]f", vec![int(6), int(99), f64v(12.0)], "12.000000"),
        ("%6.f", vec![f64v(12.0)], "    12"),
        ("%[1]*.[3]f", vec![int(6), int(3), f64v(12.0)], "    12"),
        (
            "%d %d %d %#[1]o %#o %#o",
            vec![int(11), int(12), int(13)],
            "11 12 13 013 014 015",
        ),
        ("%[d", vec![int(2), int(1)], "%!d(BADINDEX)"),
        ("%]d", vec![int(2), int(1)], "%!](int=2)d%!(EXTRA int=1)"),
        ("%[]d", vec![int(2), int(1)], "%!d(BADINDEX)"),
        ("%[-3]d", vec![int(2), int(1)], "%!d(BADINDEX)"),
        ("%[99]d", vec![int(2), int(1)], "%!d(BADINDEX)"),
        ("%[3]", vec![int(2), int(1)], "%!(NOVERB)"),
        ("%[1].2d", vec![int(5), int(6)], "%!d(BADINDEX)"),
        ("%[1]2d", vec![int(2), int(1)], "%!d(BADINDEX)"),
        ("%3.[2]d", vec![int(7)], "%!d(BADINDEX)"),
        ("%.[2]d", vec![int(7)], "%!d(BADINDEX)"),
        (
            "%d %d %d %#[1]o %#o %#o %#o",
            vec![int(11), int(12), int(13)],
            "11 12 13 013 014 015 %!o(MISSING)",
        ),
        (
            "%[5]d %[2]d %d",
            vec![int(1), int(2), int(3)],
            "%!d(BADINDEX) 2 3",
        ),
        ("%d %[3]d %d", vec![int(1), int(2)], "1 %!d(BADINDEX) 2"),
        ("%.[]", vec![], "%!](BADINDEX)"),
        ("%.-3d", vec![int(42)], "%!-(int=42)3d"),
        ("%2147483648d", vec![int(42)], "%!(NOVERB)%!(EXTRA int=42)"),
        ("%-2147483648d", vec![int(42)], "%!(NOVERB)%!(EXTRA int=42)"),
        ("%.2147483648d", vec![int(42)], "%!(NOVERB)%!(EXTRA int=42)"),
    ]);
}

/// Go's TestBlank, TestBlankln, TestSlicePrinter and TestEmptyMap.
#[test]
fn print_and_println() {
    let args = [s("<"), int(1), s(">:"), int(1), int(2), int(3), s("!")];
    assert_eq!(sprint(&args), "<1>:1 2 3!");
    assert_eq!(sprintln(&args), "< 1 >: 1 2 3 !\n");
    assert_eq!(sprint(&[ints(&[])]), "[]");
    assert_eq!(sprint(&[ints(&[1, 2, 3])]), "[1 2 3]");
    assert_eq!(
        sprint(&[Value::Nil(Type::map_of(
            Type::String,
            Type::Int(IntKind::Int)
        ))]),
        "map[]"
    );
    assert_eq!(sprint(&[Value::Map(Map::new())]), "map[]");
    assert_eq!(sprint(&[]), "");
    assert_eq!(sprintln(&[]), "\n");
}

/// `fmt.Errorf` texts: Go's `TestErrorf` (`src/fmt/errors_test.go`), then how `%w` takes
/// flags, which was recorded from Go 1.25.
#[test]
fn errorf_texts() {
    let wrapped = error_new("inner error");
    let es = |m: &str| error_string_type("fmt_test.errString", m);
    let cases: Vec<(&str, Vec<Value>, &str)> = vec![
        ("%w", vec![wrapped.clone()], "inner error"),
        (
            "added context: %w",
            vec![wrapped.clone()],
            "added context: inner error",
        ),
        (
            "%w with added context",
            vec![wrapped.clone()],
            "inner error with added context",
        ),
        (
            "%s %w %v",
            vec![s("prefix"), wrapped.clone(), s("suffix")],
            "prefix inner error suffix",
        ),
        (
            "%[2]s: %[1]w",
            vec![wrapped.clone(), s("positional verb")],
            "positional verb: inner error",
        ),
        ("%v", vec![wrapped.clone()], "inner error"),
        (
            "%w is not an error",
            vec![s("not-an-error")],
            "%!w(string=not-an-error) is not an error",
        ),
        (
            "wrapped two errors: %w %w",
            vec![es("1"), es("2")],
            "wrapped two errors: 1 2",
        ),
        (
            "wrapped nil error: %w %w %w",
            vec![es("1"), nil(), es("2")],
            "wrapped nil error: 1 %!w(<nil>) 2",
        ),
        (
            "wrapped one non-error: %w %w %w",
            vec![es("1"), s("not-an-error"), es("3")],
            "wrapped one non-error: 1 %!w(string=not-an-error) 3",
        ),
        (
            "wrapped errors out of order: %[3]w %[2]w %[1]w",
            vec![es("1"), es("2"), es("3")],
            "wrapped errors out of order: 3 2 1",
        ),
        (
            "wrapped several times: %[1]w %[1]w %[2]w %[1]w",
            vec![es("1"), es("2")],
            "wrapped several times: 1 1 2 1",
        ),
        ("%w", vec![nil()], "%!w(<nil>)"),
        (
            "[%8w] [%-8w] [%.2w] [%+w]",
            vec![error_new("boom"); 4],
            "[    boom] [boom    ] [bo] [boom]",
        ),
        (
            "%#w",
            vec![error_new("boom")],
            "&%!w(errors.errorString=errors.errorString{s:\"boom\"})",
        ),
        (
            "%w %d",
            vec![int(3), error_new("boom")],
            "%!w(int=3) &{%!d(string=boom)}",
        ),
    ];
    let mut failures = vec![];
    for (format, args, want) in &cases {
        let got = errorf(format, args);
        if got != *want {
            failures.push(format!(
                "Errorf({format:?}, {args:?}) = {got:?}, want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Everywhere but Errorf, %w is a bad verb.
    assert_eq!(
        sprintf("%w", &[error_new("boom")]),
        "%!w(*errors.errorString=&{boom})"
    );
}
