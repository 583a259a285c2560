//! `strconv` parsing checked against results recorded from Go (integers in every base
//! and bit size, thousands of floats including hex and random ones, quoted strings and
//! characters), plus a few direct cases.

use super::{
    ErrSyntax, NumErrorKind, atoi, parse_float, parse_int, parse_uint, unquote, unquote_bytes,
    unquote_char,
};

const RECORDS: &str = include_str!("../../testdata/go_strconv.txt");

/// Go's `strconv.QuoteToASCII` of arbitrary bytes, for comparing with Go's records.
fn quote_ascii(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                ' '..='~' => out.push(c),
                '\x07' => out.push_str("\\a"),
                '\x08' => out.push_str("\\b"),
                '\x0c' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\x0b' => out.push_str("\\v"),
                _ if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
                _ if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
                _ => out.push_str(&format!("\\U{:08x}", c as u32)),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

fn show<T: std::fmt::Display, E: std::fmt::Display>(r: Result<T, E>) -> String {
    match r {
        Ok(v) => format!("ok {v}"),
        Err(e) => format!("err {e}"),
    }
}

fn run(func: &str, a: &str, b: &str, c: &str) -> String {
    match func {
        "ParseUint" => show(parse_uint(a, b.parse().unwrap(), c.parse().unwrap())),
        "ParseInt" => show(parse_int(a, b.parse().unwrap(), c.parse().unwrap())),
        "Atoi" => show(atoi(a)),
        "ParseFloat" => match parse_float(a, b.parse().unwrap()) {
            Ok(f) => format!("ok {:016x}", f.to_bits()),
            // Go returns an infinity of the input's sign along with a range error.
            Err(e) if e.kind == NumErrorKind::Range => {
                let inf = if a.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                };
                format!("err {e} (value {:016x})", inf.to_bits())
            }
            Err(e) => format!("err {e}"),
        },
        "Unquote" => show(unquote_bytes(a).map(|v| quote_ascii(&v))),
        "UnquoteChar" => show(unquote_char(a, b.as_bytes()[0]).map(|(v, mb, tail)| {
            format!("{} {mb} {}", u32::from(v), quote_ascii(tail.as_bytes()))
        })),
        _ => panic!("unknown function {func}"),
    }
}

#[test]
fn records_match_go() {
    let field = |l: &str| unquote(l).unwrap_or_else(|_| panic!("bad record line {l:?}"));
    let lines: Vec<&str> = RECORDS.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len() % 5, 0);
    let mut failures = Vec::new();
    for rec in lines.chunks(5) {
        let [func, a, b, c, want] = [0, 1, 2, 3, 4].map(|i| field(rec[i]));
        let got = run(&func, &a, &b, &c);
        if got != want {
            failures.push(format!(
                "{func}({a:?}, {b:?}, {c:?})\n   got: {got}\n  want: {want}"
            ));
        }
    }
    assert!(lines.len() / 5 > 10_000);
    let shown = failures.len().min(30);
    assert!(
        failures.is_empty(),
        "{} records differ:\n{}",
        failures.len(),
        failures[..shown].join("\n")
    );
}

#[test]
fn direct_cases() {
    assert_eq!(parse_int("-9223372036854775808", 0, 64), Ok(i64::MIN));
    assert_eq!(parse_uint("0x_ff", 0, 64), Ok(255));
    assert_eq!(
        parse_int("1_0", 10, 64).unwrap_err().to_string(),
        "strconv.ParseInt: parsing \"1_0\": invalid syntax"
    );
    assert_eq!(
        parse_int("99999999999999999999", 0, 64)
            .unwrap_err()
            .to_string(),
        "strconv.ParseInt: parsing \"99999999999999999999\": value out of range"
    );
    assert_eq!(
        parse_uint("1", 1, 64).unwrap_err().to_string(),
        "strconv.ParseUint: parsing \"1\": invalid base 1"
    );
    assert_eq!(
        parse_uint("1", 0, 65).unwrap_err().to_string(),
        "strconv.ParseUint: parsing \"1\": invalid bit size 65"
    );
    assert_eq!(parse_float("0x1.8p1", 64), Ok(3.0));
    assert_eq!(parse_float("1e1_0", 64), Ok(1e10));
    assert_eq!(
        parse_float("1e400", 64).unwrap_err().to_string(),
        "strconv.ParseFloat: parsing \"1e400\": value out of range"
    );
    assert!(parse_float("nan", 64).unwrap().is_nan());
    assert_eq!(unquote("\"a\\tb\""), Ok("a\tb".to_string()));
    assert_eq!(unquote("`a\r\nb`"), Ok("a\nb".to_string()));
    assert_eq!(unquote("'\\''"), Ok("'".to_string()));
    assert_eq!(unquote("\"\\xff\""), Ok("\u{fffd}".to_string()));
    assert_eq!(unquote_bytes("\"\\xff\""), Ok(vec![0xff]));
    assert_eq!(unquote("\"\\q\""), Err(ErrSyntax));
    assert_eq!(ErrSyntax.to_string(), "invalid syntax");
    assert_eq!(unquote_char("\\u00e9x", b'"'), Ok(('é', true, "x")));
    assert_eq!(unquote_char("\\377", b'"'), Ok(('\u{ff}', false, "")));
}
