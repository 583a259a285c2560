//! Go's `strconv` parsing: `Unquote`, `UnquoteChar`, `ParseInt`, `ParseUint`, `ParseFloat`.
//!
//! These decide which template constants are valid and what they are worth, and their
//! error texts reach users verbatim (`strconv.ParseFloat: parsing "1_": invalid syntax`),
//! so the accepted grammar and the messages follow Go exactly, quirks included.

use std::borrow::Cow;
use std::fmt;

/// Go's `strconv.ErrSyntax`: the bare error `Unquote` and `UnquoteChar` return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrSyntax;

impl fmt::Display for ErrSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid syntax")
    }
}

impl std::error::Error for ErrSyntax {}

/// Why a number did not parse (the `Err` of Go's `*strconv.NumError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `invalid syntax`.
    Syntax,
    /// `value out of range`.
    Range,
    /// `invalid base N`.
    Base(u32),
    /// `invalid bit size N`.
    BitSize(u32),
}

impl fmt::Display for NumErrorKind {
    /// The text of Go's error value for the reason (`strconv.ErrSyntax`, ...).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumErrorKind::Syntax => f.write_str("invalid syntax"),
            NumErrorKind::Range => f.write_str("value out of range"),
            NumErrorKind::Base(b) => write!(f, "invalid base {b}"),
            NumErrorKind::BitSize(b) => write!(f, "invalid bit size {b}"),
        }
    }
}

/// Go's `*strconv.NumError`; `Display` gives Go's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    /// The Go function that failed: `ParseInt`, `ParseUint`, `ParseFloat`, `Atoi`.
    pub func: &'static str,
    /// The input as given.
    pub num: String,
    /// The reason.
    pub kind: NumErrorKind,
}

impl NumError {
    fn new(func: &'static str, num: &str, kind: NumErrorKind) -> NumError {
        NumError {
            func,
            num: num.to_string(),
            kind,
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "strconv.{}: parsing {}: ",
            self.func,
            super::quote(&self.num)
        )?;
        self.kind.fmt(f)
    }
}

impl std::error::Error for NumError {}

// ---------------------------------------------------------------------------------------
// Quoted strings and characters
// ---------------------------------------------------------------------------------------

/// Go's `strconv.UnquoteChar`: decodes the first character or escape of `s`, a string
/// literal body delimited by `quote` (`'`, `"` or `` ` ``).
///
/// Returns the value, whether it must be written as UTF-8 (`multibyte`; false for `\xNN`
/// and octal escapes, which stand for one byte), and the rest of `s`.
pub fn unquote_char(s: &str, quote: u8) -> Result<(char, bool, &str), ErrSyntax> {
    let b = s.as_bytes();
    let Some(&first) = b.first() else {
        return Err(ErrSyntax);
    };
    if first == quote && (quote == b'\'' || quote == b'"') {
        return Err(ErrSyntax);
    }
    if first >= 0x80 {
        let c = s.chars().next().ok_or(ErrSyntax)?;
        return Ok((c, true, &s[c.len_utf8()..]));
    }
    if first != b'\\' {
        return Ok((first as char, false, &s[1..]));
    }
    // Escapes are ASCII; anything else after a backslash is an error.
    let Some(&esc) = b.get(1).filter(|c| c.is_ascii()) else {
        return Err(ErrSyntax);
    };
    let rest = &s[2..];
    let simple = match esc {
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'v' => Some('\x0b'),
        b'\\' => Some('\\'),
        b'\'' | b'"' if esc == quote => Some(esc as char),
        _ => None,
    };
    if let Some(c) = simple {
        return Ok((c, false, rest));
    }
    match esc {
        b'x' | b'u' | b'U' => {
            let n = match esc {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = rest.as_bytes().get(..n).ok_or(ErrSyntax)?;
            let mut v: u32 = 0;
            for &d in digits {
                v = (v << 4) | (d as char).to_digit(16).ok_or(ErrSyntax)?;
            }
            // \x stands for a single byte and is never a multibyte character.
            let c = char::from_u32(v).ok_or(ErrSyntax)?;
            Ok((c, esc != b'x', &rest[n..]))
        }
        b'0'..=b'7' => {
            let digits = rest.as_bytes().get(..2).ok_or(ErrSyntax)?;
            let mut v = u32::from(esc - b'0');
            for &d in digits {
                if !(b'0'..=b'7').contains(&d) {
                    return Err(ErrSyntax);
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            if v > 255 {
                return Err(ErrSyntax);
            }
            Ok((char::from_u32(v).ok_or(ErrSyntax)?, false, &rest[2..]))
        }
        _ => Err(ErrSyntax),
    }
}

/// Go's `strconv.Unquote` returning raw bytes: Go strings may hold any bytes, and
/// `"\xff"` unquotes to the single byte 0xFF.
pub fn unquote_bytes(s: &str) -> Result<Vec<u8>, ErrSyntax> {
    let b = s.as_bytes();
    if b.len() < 2 {
        return Err(ErrSyntax);
    }
    let quote = b[0];
    // Position just past the first later occurrence of the quote; escapes may move it.
    let end = 2 + b[1..].iter().position(|&c| c == quote).ok_or(ErrSyntax)?;
    match quote {
        b'`' => {
            if end != b.len() {
                return Err(ErrSyntax);
            }
            // Carriage returns are dropped from raw strings.
            Ok(b[1..end - 1]
                .iter()
                .copied()
                .filter(|&c| c != b'\r')
                .collect())
        }
        b'"' | b'\'' => {
            let head = &b[..end];
            if !head.contains(&b'\\') && !head.contains(&b'\n') {
                let body = &s[1..end - 1];
                let valid = quote == b'"' || body.chars().count() == 1 || body.is_empty();
                if valid {
                    if end != b.len() {
                        return Err(ErrSyntax);
                    }
                    return Ok(body.as_bytes().to_vec());
                }
            }
            let mut out = Vec::with_capacity(end);
            let mut rest = &s[1..];
            while let Some(&c) = rest.as_bytes().first() {
                if c == quote {
                    break;
                }
                if c == b'\n' {
                    return Err(ErrSyntax);
                }
                let (ch, multibyte, tail) = unquote_char(rest, quote)?;
                rest = tail;
                if (ch as u32) < 0x80 || !multibyte {
                    // A byte escape, or ASCII: one byte.
                    out.push(ch as u32 as u8);
                } else {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                if quote == b'\'' {
                    break;
                }
            }
            match rest.as_bytes() {
                [q] if *q == quote => Ok(out),
                _ => Err(ErrSyntax),
            }
        }
        _ => Err(ErrSyntax),
    }
}

/// Go's `strconv.Unquote`. Byte escapes that do not form valid UTF-8 (`"\xff"`) become
/// U+FFFD, since a Rust string cannot hold them; [`unquote_bytes`] keeps the bytes.
pub fn unquote(s: &str) -> Result<String, ErrSyntax> {
    let bytes = unquote_bytes(s)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

// ---------------------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------------------

/// Go's `strconv.ParseUint`. Base 0 reads a `0x`/`0o`/`0b`/`0` prefix and allows `_`
/// between digits; `bit_size` 0 means 64. On overflow Go also returns the maximum value.
pub fn parse_uint(s: &str, base: u32, bit_size: u32) -> Result<u64, NumError> {
    parse_uint_as("ParseUint", s, base, bit_size)
}

fn parse_uint_as(func: &'static str, s0: &str, base: u32, bit_size: u32) -> Result<u64, NumError> {
    let err = |kind| Err(NumError::new(func, s0, kind));
    if s0.is_empty() {
        return err(NumErrorKind::Syntax);
    }
    let b = s0.as_bytes();
    let base0 = base == 0;
    let (base, digits) = match base {
        2..=36 => (base, b),
        0 => match b {
            [b'0', p, _, ..] if p | 0x20 == b'b' => (2, &b[2..]),
            [b'0', p, _, ..] if p | 0x20 == b'o' => (8, &b[2..]),
            [b'0', p, _, ..] if p | 0x20 == b'x' => (16, &b[2..]),
            [b'0', ..] => (8, &b[1..]),
            _ => (10, b),
        },
        _ => return err(NumErrorKind::Base(base)),
    };
    let bit_size = match bit_size {
        0 => 64,
        1..=64 => bit_size,
        _ => return err(NumErrorKind::BitSize(bit_size)),
    };
    let max = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let cutoff = u64::MAX / u64::from(base) + 1;
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u32::from(c - b'0'),
            _ if (c | 0x20).is_ascii_lowercase() => u32::from((c | 0x20) - b'a') + 10,
            _ => return err(NumErrorKind::Syntax),
        };
        if d >= base {
            return err(NumErrorKind::Syntax);
        }
        if n >= cutoff {
            return err(NumErrorKind::Range);
        }
        n *= u64::from(base);
        match n.checked_add(u64::from(d)) {
            Some(n1) if n1 <= max => n = n1,
            _ => return err(NumErrorKind::Range),
        }
    }
    if underscores && !underscore_ok(s0) {
        return err(NumErrorKind::Syntax);
    }
    Ok(n)
}

/// Go's `strconv.ParseInt`: an optional sign, then as [`parse_uint`].
pub fn parse_int(s: &str, base: u32, bit_size: u32) -> Result<i64, NumError> {
    parse_int_as("ParseInt", s, base, bit_size)
}

fn parse_int_as(func: &'static str, s0: &str, base: u32, bit_size: u32) -> Result<i64, NumError> {
    if s0.is_empty() {
        return Err(NumError::new(func, s0, NumErrorKind::Syntax));
    }
    let (neg, digits) = match s0.as_bytes()[0] {
        b'+' => (false, &s0[1..]),
        b'-' => (true, &s0[1..]),
        _ => (false, s0),
    };
    let un = match parse_uint_as(func, digits, base, bit_size) {
        Ok(u) => u,
        Err(e) if e.kind != NumErrorKind::Range => return Err(NumError::new(func, s0, e.kind)),
        // Go carries on with the unsigned maximum, which with bit size 1 lets "-2" pass.
        Err(_) if bit_size == 0 || bit_size == 64 => u64::MAX,
        Err(_) => (1u64 << bit_size) - 1,
    };
    let bits = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bits - 1);
    if (!neg && un >= cutoff) || (neg && un > cutoff) {
        return Err(NumError::new(func, s0, NumErrorKind::Range));
    }
    // `un` is at most 2^63 here, and exactly 2^63 only when negative.
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// Go's `strconv.Atoi` (for 64-bit `int`).
pub fn atoi(s: &str) -> Result<i64, NumError> {
    parse_int_as("Atoi", s, 10, 64)
}

/// Go's rule for `_` in number literals: only between digits, or between a base
/// prefix and a digit.
fn underscore_ok(s: &str) -> bool {
    let mut b = s.as_bytes();
    if let [b'+' | b'-', rest @ ..] = b {
        b = rest;
    }
    // What the previous character was: start, digit (or prefix), underscore, other.
    #[derive(PartialEq)]
    enum Saw {
        Start,
        Digit,
        Underscore,
        Other,
    }
    let mut saw = Saw::Start;
    let mut hex = false;
    if let [b'0', p, rest @ ..] = b
        && matches!(p | 0x20, b'b' | b'o' | b'x')
    {
        hex = p | 0x20 == b'x';
        saw = Saw::Digit;
        b = rest;
    }
    for &c in b {
        if c.is_ascii_digit() || (hex && (b'a'..=b'f').contains(&(c | 0x20))) {
            saw = Saw::Digit;
        } else if c == b'_' {
            if saw != Saw::Digit {
                return false;
            }
            saw = Saw::Underscore;
        } else {
            if saw == Saw::Underscore {
                return false;
            }
            saw = Saw::Other;
        }
    }
    saw != Saw::Underscore
}

// ---------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------

/// Go's `strconv.ParseFloat` for `bit_size` 32 or 64 (anything else means 64).
///
/// Accepts decimal and hexadecimal (`0x1.8p3`) forms, `_` separators where Go does,
/// and `inf`/`infinity`/`nan` in any case. Values too large are a range error (Go also
/// returns ±Inf then); results are correctly rounded, as Go's are.
pub fn parse_float(s: &str, bit_size: u32) -> Result<f64, NumError> {
    let syntax = || Err(NumError::new("ParseFloat", s, NumErrorKind::Syntax));
    if let Some((v, n)) = special_float(s) {
        if n != s.len() {
            return syntax();
        }
        // Go's NaN has a particular payload, which survives only at 64 bits.
        let v = if v.is_nan() && bit_size != 32 {
            f64::from_bits(GO_NAN_BITS)
        } else {
            v
        };
        return Ok(v);
    }
    let Some(lit) = scan_float(s) else {
        return syntax();
    };
    if lit.end != s.len() {
        return syntax();
    }
    let single = bit_size == 32;
    let (value, overflow) = if lit.hex {
        hex_float(&lit, single)
    } else {
        decimal_float(s, &lit, single)
    };
    if overflow {
        return Err(NumError::new("ParseFloat", s, NumErrorKind::Range));
    }
    Ok(value)
}

/// The bits of Go's `math.NaN()`.
const GO_NAN_BITS: u64 = 0x7FF8_0000_0000_0001;

/// `inf`, `infinity` (optionally signed) and `nan`, any case; returns the value and how
/// many bytes it used. Go accepts a prefix of "infinity" only at length 3 or 8.
fn special_float(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let prefix_len = |rest: &[u8], word: &[u8]| {
        rest.iter()
            .zip(word)
            .take_while(|(c, w)| c.to_ascii_lowercase() == **w)
            .count()
    };
    let (sign, nsign) = match b.first()? {
        b'+' => (1.0, 1),
        b'-' => (-1.0, 1),
        b'i' | b'I' => (1.0, 0),
        b'n' | b'N' => {
            return (prefix_len(b, b"nan") == 3).then_some((f64::NAN, 3));
        }
        _ => return None,
    };
    match prefix_len(&b[nsign..], b"infinity") {
        8 => Some((sign * f64::INFINITY, nsign + 8)),
        3..=7 => Some((sign * f64::INFINITY, nsign + 3)),
        _ => None,
    }
}

/// The pieces of a float literal Go's reader found.
struct FloatLit {
    /// Up to 19 decimal or 16 hex significant digits.
    mantissa: u64,
    /// Power of ten (decimal) or of two (hex) to apply to `mantissa`.
    exp: i64,
    neg: bool,
    /// Nonzero digits were dropped from the mantissa.
    trunc: bool,
    hex: bool,
    underscores: bool,
    /// Go stopped reading exponent digits once the exponent passed 10000.
    exp_capped: bool,
    /// Position of the decimal point relative to the first significant digit.
    dp: i64,
    /// Number of significant digits (after leading zeros).
    nd: i64,
    /// Bytes of the input the literal covers.
    end: usize,
}

/// Reads the longest float literal prefix of `s` by Go's grammar, or `None` if there is
/// none (no digits, a dangling exponent, a hex literal without `p`, misplaced `_`).
fn scan_float(s: &str) -> Option<FloatLit> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut neg = false;
    match b.first() {
        Some(b'+') => i += 1,
        Some(b'-') => {
            i += 1;
            neg = true;
        }
        _ => {}
    }
    let mut hex = false;
    if i + 2 < b.len() && b[i] == b'0' && b[i + 1] | 0x20 == b'x' {
        hex = true;
        i += 2;
    }
    let (base, max_digits) = if hex { (16u64, 16) } else { (10u64, 19) };
    let mut underscores = false;
    let mut saw_dot = false;
    let mut saw_digits = false;
    let mut nd: i64 = 0; // significant digits seen
    let mut nd_mant: i64 = 0; // of which kept in the mantissa
    let mut dp: i64 = 0; // position of the point, in digits
    let mut mantissa: u64 = 0;
    let mut trunc = false;
    let mut exp_capped = false;
    while i < b.len() {
        let c = b[i];
        let digit = match c {
            b'_' => {
                underscores = true;
                i += 1;
                continue;
            }
            b'.' => {
                if saw_dot {
                    break;
                }
                saw_dot = true;
                dp = nd;
                i += 1;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if hex && (b'a'..=b'f').contains(&(c | 0x20)) => u64::from((c | 0x20) - b'a') + 10,
            _ => break,
        };
        saw_digits = true;
        i += 1;
        if digit == 0 && nd == 0 {
            // Leading zeros only move the point.
            dp -= 1;
            continue;
        }
        nd += 1;
        if nd_mant < max_digits {
            mantissa = mantissa * base + digit;
            nd_mant += 1;
        } else if digit != 0 {
            trunc = true;
        }
    }
    if !saw_digits {
        return None;
    }
    if !saw_dot {
        dp = nd;
    }
    if hex {
        dp *= 4;
        nd_mant *= 4;
    }
    let exp_char = if hex { b'p' } else { b'e' };
    if i < b.len() && b[i] | 0x20 == exp_char {
        i += 1;
        let mut esign = 1;
        match b.get(i) {
            Some(b'+') => i += 1,
            Some(b'-') => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut e: i64 = 0;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            if b[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i64::from(b[i] - b'0');
            } else {
                exp_capped = true;
            }
            i += 1;
        }
        dp += e * esign;
    } else if hex {
        return None;
    }
    let exp = if mantissa != 0 { dp - nd_mant } else { 0 };
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    Some(FloatLit {
        mantissa,
        exp,
        neg,
        trunc,
        hex,
        underscores,
        exp_capped,
        dp,
        nd,
        end: i,
    })
}

/// The value of a validated decimal literal; reports overflow to infinity.
fn decimal_float(s: &str, lit: &FloatLit, single: bool) -> (f64, bool) {
    // The standard library rounds correctly, as Go does; it only needs the literal in
    // its own syntax: no `_`, and the exponent Go actually used if Go capped it.
    let text: Cow<'_, str> = if lit.exp_capped {
        let mantissa = s[..lit.end].split(['e', 'E']).next().unwrap_or("");
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let digits = digits.trim_start_matches('0');
        let sign = if lit.neg { "-" } else { "" };
        if digits.is_empty() {
            Cow::Owned(format!("{sign}0"))
        } else {
            Cow::Owned(format!("{sign}{digits}e{}", lit.dp - lit.nd))
        }
    } else if lit.underscores {
        Cow::Owned(s.replace('_', ""))
    } else {
        Cow::Borrowed(s)
    };
    let v = if single {
        text.parse::<f32>().map(f64::from)
    } else {
        text.parse::<f64>()
    };
    // Parsing cannot fail: the literal was validated by Go's grammar, which is narrower.
    let v = v.unwrap_or(0.0);
    (v, v.is_infinite())
}

/// The value of a hex literal, rounded to nearest-even into the target format (binary64
/// or binary32) with Go's treatment of digits beyond the 16th as a sticky bit.
fn hex_float(lit: &FloatLit, single: bool) -> (f64, bool) {
    let (mant_bits, exp_bits, bias): (u32, u32, i64) = if single {
        (23, 8, -127)
    } else {
        (52, 11, -1023)
    };
    let max_exp = (1i64 << exp_bits) + bias - 2;
    let min_exp = bias + 1;
    let mut mantissa = lit.mantissa;
    let mut exp = lit.exp + i64::from(mant_bits);
    // Normalise to mant_bits+3 bits: the leading one, the fraction, a guard and a round bit.
    while mantissa != 0 && mantissa >> (mant_bits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if lit.trunc {
        mantissa |= 1;
    }
    while mantissa >> (mant_bits + 3) != 0 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exp += 1;
    }
    // Subnormals: shift right (keeping the sticky bit) until the exponent is in range.
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1; // ties go to even
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (mant_bits + 1) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> mant_bits == 0 {
        exp = bias; // subnormal or zero
    }
    let mut overflow = false;
    if exp > max_exp {
        mantissa = 1 << mant_bits;
        exp = max_exp + 1;
        overflow = true;
    }
    let biased = ((exp - bias) as u64) & ((1 << exp_bits) - 1);
    let mut bits = (mantissa & ((1 << mant_bits) - 1)) | (biased << mant_bits);
    if lit.neg {
        bits |= 1 << (mant_bits + exp_bits);
    }
    let v = if single {
        f64::from(f32::from_bits(bits as u32))
    } else {
        f64::from_bits(bits)
    };
    (v, overflow)
}

#[cfg(test)]
mod tests;
