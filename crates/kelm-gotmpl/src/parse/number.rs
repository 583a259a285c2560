//! Numeric constants: which interpretations (int64, uint64, float64, complex128) a
//! literal has, by Go's rules in `parse.newNumber`.

use super::goval::GoError;
use crate::ast::{NumberNode, Pos};
use crate::lex::ItemType;
use crate::strconv::{parse_float, parse_int, parse_uint, quote, unquote_char};

/// Builds the number node for a number, character or complex item, or returns Go's
/// error for it.
pub(crate) fn new_number(pos: Pos, text: &str, typ: ItemType) -> Result<NumberNode, GoError> {
    let mut n = NumberNode {
        pos,
        is_int: false,
        is_uint: false,
        is_float: false,
        is_complex: false,
        int64: 0,
        uint64: 0,
        float64: 0.0,
        complex128: (0.0, 0.0),
        text: text.to_string(),
    };
    match typ {
        ItemType::CharConstant => {
            // The lexer guarantees the quotes.
            let (c, _, tail) = unquote_char(&text[1..], b'\'')?;
            if tail != "'" {
                return Err(GoError::New(format!(
                    "malformed character constant: {text}"
                )));
            }
            let v = u32::from(c);
            n.is_int = true;
            n.int64 = i64::from(v);
            n.is_uint = true;
            n.uint64 = u64::from(v);
            // A character is also a float; odd, but Go's rule.
            n.is_float = true;
            n.float64 = f64::from(v);
            return Ok(n);
        }
        ItemType::Complex => {
            n.complex128 = scan_complex(text)?;
            n.is_complex = true;
            simplify_complex(&mut n);
            return Ok(n);
        }
        _ => {}
    }
    // Imaginary: a float followed by `i`.
    if let Some(im) = text.strip_suffix('i')
        && let Ok(f) = parse_float(im, 64)
    {
        n.is_complex = true;
        n.complex128 = (0.0, f);
        simplify_complex(&mut n);
        return Ok(n);
    }
    let unsigned = parse_uint(text, 0, 64);
    if let Ok(u) = unsigned {
        n.is_uint = true;
        n.uint64 = u;
    }
    if let Ok(i) = parse_int(text, 0, 64) {
        n.is_int = true;
        n.int64 = i;
        if i == 0 {
            // "-0" is not a valid unsigned literal but is zero all the same.
            n.is_uint = true;
            n.uint64 = unsigned.unwrap_or(0);
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float64 = n.int64 as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float64 = n.uint64 as f64;
    } else if let Ok(f) = parse_float(text, 64) {
        // Digits alone that did not fit an integer are an overflow, not a float.
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(GoError::New(format!("integer overflow: {}", quote(text))));
        }
        n.is_float = true;
        n.float64 = f;
        if fits_i64(f) {
            n.is_int = true;
            n.int64 = f as i64;
        }
        if fits_u64(f) {
            n.is_uint = true;
            n.uint64 = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(GoError::New(format!(
            "illegal number syntax: {}",
            quote(text)
        )));
    }
    Ok(n)
}

/// Go's `float64(int64(f)) == f` as compiled for amd64, where out-of-range conversions
/// give the minimum int64: true for integral values in [-2^63, 2^63).
fn fits_i64(f: f64) -> bool {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    f.fract() == 0.0 && (-TWO_63..TWO_63).contains(&f)
}

/// Go's `float64(uint64(f)) == f` on amd64: true for integral values in [0, 2^64),
/// negative zero included.
fn fits_u64(f: f64) -> bool {
    const TWO_64: f64 = 18_446_744_073_709_551_616.0;
    f.fract() == 0.0 && (0.0..TWO_64).contains(&f)
}

/// Marks a complex constant with no imaginary part as a float too, and as an integer
/// if its real part is integral.
fn simplify_complex(n: &mut NumberNode) {
    let (re, im) = n.complex128;
    n.is_float = im == 0.0;
    if n.is_float {
        n.float64 = re;
        n.is_int = fits_i64(re);
        if n.is_int {
            n.int64 = re as i64;
        }
        n.is_uint = fits_u64(re);
        if n.is_uint {
            n.uint64 = re as u64;
        }
    }
}

/// Go's message when `fmt.Sscan` cannot read a complex number.
const COMPLEX_SYNTAX: &str = "syntax error scanning complex number";

/// Reads a complex constant the way Go's `fmt.Sscan` into a `complex128` does (the
/// parser delegates to it): `[(]real(+|-)imag i[)]`, each part a float token converted
/// with `strconv.ParseFloat`, whose errors surface unchanged.
fn scan_complex(text: &str) -> Result<(f64, f64), GoError> {
    let mut sc = Scanner { s: text, pos: 0 };
    let parens = sc.accept("(");
    let real = sc.float_token();
    let sign = sc.pos;
    if !sc.accept("+-") {
        return Err(GoError::New(COMPLEX_SYNTAX.to_string()));
    }
    sc.float_token();
    let imag = &text[sign..sc.pos];
    if !sc.accept("i") || (parens && !sc.accept(")")) {
        return Err(GoError::New(COMPLEX_SYNTAX.to_string()));
    }
    let to_float = |s: &str| parse_float(s, 64).map_err(GoError::Num);
    // Go's scanner would also read a decimal mantissa with a `p` exponent; the lexer
    // never produces one (it reads `p` only after `0x`), so plain parsing suffices.
    Ok((to_float(real)?, to_float(imag)?))
}

/// A character scanner with Go's `fmt` scanning `accept` semantics.
struct Scanner<'s> {
    s: &'s str,
    pos: usize,
}

impl<'s> Scanner<'s> {
    fn accept(&mut self, valid: &str) -> bool {
        match self.s[self.pos..].chars().next() {
            Some(c) if valid.contains(c) => {
                self.pos += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    /// What Go's scanner takes as a float: optional sign, then `nan`, `inf`, or digits
    /// (hex after `0x`) with optional point and exponent. Letters of a failed `nan` or
    /// `inf` stay consumed, as in Go.
    fn float_token(&mut self) -> &'s str {
        let start = self.pos;
        if self.accept("nN") && self.accept("aA") && self.accept("nN") {
            return &self.s[start..self.pos];
        }
        self.accept("+-");
        if self.accept("iI") && self.accept("nN") && self.accept("fF") {
            return &self.s[start..self.pos];
        }
        let (digits, exponent) = if self.accept("0") && self.accept("xX") {
            ("0123456789aAbBcCdDeEfF_", "pP")
        } else {
            ("0123456789_", "eEpP")
        };
        while self.accept(digits) {}
        if self.accept(".") {
            while self.accept(digits) {}
        }
        if self.accept(exponent) {
            self.accept("+-");
            while self.accept("0123456789_") {}
        }
        &self.s[start..self.pos]
    }
}
