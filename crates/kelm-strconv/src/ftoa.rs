//! Go's `strconv.FormatFloat`.
//!
//! Go and Rust agree on the digits: both produce the shortest digit string that reads
//! back to the same float (choosing the closest when several are that short), and both
//! round explicit precisions exactly, ties to even. They differ in how the digits are
//! laid out (`1e+06` versus `1e6`, when `%g` switches to an exponent, how many exponent
//! digits). So this module asks Rust's formatter for the digits and lays them out
//! itself, following Go's rules; the binary (`%b`) and hexadecimal (`%x`) forms are
//! computed from the bits directly.

use std::fmt::{self, Write as _};

use super::{append_uint, push_ascii};

/// Digits the exact decimal expansion of any `f64` can have (at most 767 are
/// significant); asking Rust for more would only add zeros.
const MAX_EXACT_DIGITS: usize = 800;

/// Fractional digits after which every float64 (and float32) has only zeros.
const EXACT_FRACTION_DIGITS: usize = 1100;

/// Go's `strconv.FormatFloat(f, fmt, prec, bitSize)`.
///
/// `fmt` is one of `b e E f g G x X` (any other byte yields `%` and the byte, as Go
/// does); `prec` is the number of digits after the point for `e E f x X`, the number of
/// significant digits for `g G`, and `-1` for the shortest digits that read back to the
/// same value. `bit_size` is 32 for a `float32` (the value is first rounded to `f32`).
///
/// # Panics
///
/// If `bit_size` is neither 32 nor 64, as Go does.
pub fn format_float(f: f64, fmt: char, prec: i32, bit_size: u32) -> String {
    let mut out = String::new();
    append_float(&mut out, f, fmt, prec, bit_size);
    out
}

/// Go's `strconv.AppendFloat`: appends [`format_float`]`(f, fmt, prec, bit_size)`.
///
/// # Panics
///
/// If `bit_size` is neither 32 nor 64, as Go does.
pub fn append_float(out: &mut String, f: f64, fmt: char, prec: i32, bit_size: u32) {
    let (bits, mant_bits, exp_bits, bias): (u64, u32, u32, i32) = match bit_size {
        32 => (u64::from((f as f32).to_bits()), 23, 8, -127),
        64 => (f.to_bits(), 52, 11, -1023),
        _ => panic!("strconv: illegal AppendFloat/FormatFloat bitSize"),
    };
    let neg = bits >> (exp_bits + mant_bits) != 0;
    let biased_exp = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i32;
    let mut mant = bits & ((1u64 << mant_bits) - 1);
    if biased_exp == (1 << exp_bits) - 1 {
        out.push_str(if mant != 0 {
            "NaN"
        } else if neg {
            "-Inf"
        } else {
            "+Inf"
        });
        return;
    }
    // Subnormals share the smallest normal exponent; normals have an implicit top bit.
    let exp = if biased_exp == 0 {
        1 + bias
    } else {
        mant |= 1 << mant_bits;
        biased_exp + bias
    };

    match fmt {
        'b' => return push_binary(out, neg, mant, exp - mant_bits as i32),
        'x' | 'X' => return push_hex(out, prec, fmt, neg, mant, exp, mant_bits),
        _ => {}
    }

    let magnitude = if bit_size == 32 {
        f64::from((f as f32).abs())
    } else {
        f.abs()
    };
    if fmt == 'f' && prec >= 0 {
        // Rust's fixed-point output is exact and rounds ties to even, as Go's is.
        if neg {
            out.push('-');
        }
        // A float64's exact decimal expansion ends within 1074 fractional digits (the
        // smallest subnormal is 2^-1074); beyond that Go prints zeros. Rust's formatter
        // refuses precisions above u16::MAX, while Go accepts up to a million.
        let prec = prec as usize;
        let exact = prec.min(EXACT_FRACTION_DIGITS);
        let _ = write!(out, "{:.*}", exact, magnitude);
        out.extend(std::iter::repeat_n('0', prec - exact));
        return;
    }
    if prec < 0 {
        let mut d = Digits::<24>::default();
        let exact_below = if bit_size == 32 {
            F32_EXACT_INTS
        } else {
            F64_EXACT_INTS
        };
        if magnitude < exact_below && magnitude.fract() == 0.0 {
            // Whole numbers the type holds exactly (Helm's replica counts and ports)
            // have their own digits as shortest form; no need for the general search.
            d.fill_integer(magnitude as u64);
        } else if bit_size == 32 {
            d.fill(format_args!("{:e}", magnitude as f32));
        } else {
            d.fill(format_args!("{magnitude:e}"));
        }
        settle_tie(&mut d, magnitude, mant, exp - mant_bits as i32, bit_size);
        let prec = match fmt {
            'e' | 'E' => (d.nd as i32 - 1).max(0),
            'f' => (d.nd as i32 - d.dp).max(0),
            'g' | 'G' => d.nd as i32,
            _ => prec,
        };
        return push_digits(out, true, neg, d.digits(), d.dp, prec, fmt);
    }
    let mut prec = prec;
    let wanted = match fmt {
        'e' | 'E' => prec as usize + 1,
        'g' | 'G' => {
            if prec == 0 {
                prec = 1;
            }
            prec as usize
        }
        _ => 1,
    };
    if wanted <= 24 {
        let mut d = Digits::<24>::default();
        d.fill(format_args!("{:.*e}", wanted - 1, magnitude));
        push_digits(out, false, neg, d.digits(), d.dp, prec, fmt);
    } else {
        let mut d = Digits::<MAX_EXACT_DIGITS>::default();
        d.fill(format_args!(
            "{:.*e}",
            wanted.min(MAX_EXACT_DIGITS) - 1,
            magnitude
        ));
        push_digits(out, false, neg, d.digits(), d.dp, prec, fmt);
    }
}

/// Below these magnitudes every whole float32/float64 is exactly representable, with
/// neighbours one apart, so its shortest digits are those of the integer.
const F32_EXACT_INTS: f64 = 16_777_216.0;
const F64_EXACT_INTS: f64 = 9_007_199_254_740_992.0;

/// A decimal number `0.d[0]d[1]... × 10^dp` with no trailing zeros (none at all for 0),
/// captured from Rust's `{:e}` output.
struct Digits<const N: usize> {
    d: [u8; N],
    nd: usize,
    dp: i32,
    in_exponent: bool,
    exp_negative: bool,
    exp: i32,
}

impl<const N: usize> Default for Digits<N> {
    fn default() -> Self {
        Digits {
            d: [0; N],
            nd: 0,
            dp: 0,
            in_exponent: false,
            exp_negative: false,
            exp: 0,
        }
    }
}

impl<const N: usize> Digits<N> {
    /// Parses Rust's scientific notation of a non-negative number, `d.ddde[-]x`.
    fn fill(&mut self, args: fmt::Arguments<'_>) {
        // Capacities are chosen so the digits always fit, so writing cannot fail.
        let _ = self.write_fmt(args);
        while self.nd > 0 && self.d[self.nd - 1] == b'0' {
            self.nd -= 1;
        }
        let exp = if self.exp_negative {
            -self.exp
        } else {
            self.exp
        };
        self.dp = if self.nd == 0 { 0 } else { exp + 1 };
    }

    /// The digits of a whole number.
    fn fill_integer(&mut self, mut n: u64) {
        if n == 0 {
            self.nd = 0;
            self.dp = 0;
            return;
        }
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        while n > 0 {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        let digits = &buf[i..];
        self.dp = digits.len() as i32;
        let significant = digits.len() - digits.iter().rev().take_while(|&&c| c == b'0').count();
        self.d[..significant].copy_from_slice(&digits[..significant]);
        self.nd = significant;
    }

    fn digits(&self) -> &[u8] {
        &self.d[..self.nd]
    }
}

impl<const N: usize> fmt::Write for Digits<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() {
            match (self.in_exponent, b) {
                (false, b'0'..=b'9') => {
                    if self.nd == N {
                        return Err(fmt::Error);
                    }
                    self.d[self.nd] = b;
                    self.nd += 1;
                }
                (false, b'e') => self.in_exponent = true,
                (true, b'-') => self.exp_negative = true,
                (true, b'0'..=b'9') => self.exp = self.exp * 10 + i32::from(b - b'0'),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Go and Rust pick the same shortest digits except when the value lies exactly halfway
/// between the two shortest candidates: Go takes the even one (`1.4608612e+06` for the
/// `float32` 1460861.25), Rust the upper one. This detects that case and applies Go's
/// choice. `magnitude` is `mant × 2^exp2`.
fn settle_tie<const N: usize>(
    d: &mut Digits<N>,
    magnitude: f64,
    mant: u64,
    exp2: i32,
    bit_size: u32,
) {
    let Some((exact, exact_dp)) = short_exact_decimal(mant, exp2) else {
        return;
    };
    // A tie needs an exact expansion ending in 5 one digit past the candidates.
    if exact % 10 != 5 || exact < 10 {
        return;
    }
    let len = count_digits(exact) - 1;
    let down = Candidate::new(exact / 10, exact_dp, len);
    let up = Candidate::new(exact / 10 + 1, exact_dp, len);
    let rust = Candidate::from_digits(d.digits(), d.dp);
    if rust != down && rust != up {
        // Rust found something shorter still: no tie at this length.
        return;
    }
    // Round half to even, unless the even candidate does not read back as the value
    // (the interval below a power of two is half as wide as the one above).
    let (even, odd) = if (exact / 10) % 2 == 0 {
        (down, up)
    } else {
        (up, down)
    };
    let go = if even.reads_back_as(magnitude, bit_size) {
        even
    } else {
        odd
    };
    if go != rust {
        go.store(d);
    }
}

/// The exact decimal value of `mant × 2^exp2` as digits (an integer without trailing
/// zeros) and a decimal point position, when it could be a tie between two shortest
/// candidates: at most 18 significant digits, the last one a 5.
fn short_exact_decimal(mant: u64, exp2: i32) -> Option<(u64, i32)> {
    if mant == 0 {
        return None;
    }
    let shift = mant.trailing_zeros();
    let (mant, exp2) = (mant >> shift, exp2 + shift as i32);
    if exp2 >= 0 {
        // An integer: its last significant digit sits at 10^z with z at most e, and
        // candidates dropping it are 5·10^z away, further than the half-ulp 2^(e-1).
        return None;
    }
    // m/2^k = m·5^k/10^k; with more than 18 digits (k > 27 at the least) no tie.
    let k = exp2.unsigned_abs();
    if k > 27 {
        return None;
    }
    let n = mant.checked_mul(5u64.pow(k))?;
    (n < 1_000_000_000_000_000_000).then(|| (n, count_digits(n) - k as i32))
}

/// Number of decimal digits of `n` (1 for 0).
fn count_digits(n: u64) -> i32 {
    n.checked_ilog10().map_or(1, |l| l as i32 + 1)
}

/// A decimal `0.value × 10^dp` with no trailing zeros in `value`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Candidate {
    value: u64,
    dp: i32,
}

impl Candidate {
    /// The decimal `0.v × 10^dp`, where `v` is meant to have `len` digits (one more
    /// means rounding carried into a new leading digit, moving the point).
    fn new(mut value: u64, dp: i32, len: i32) -> Candidate {
        let dp = if count_digits(value) > len {
            dp + 1
        } else {
            dp
        };
        while value != 0 && value.is_multiple_of(10) {
            value /= 10;
        }
        Candidate { value, dp }
    }

    fn from_digits(d: &[u8], dp: i32) -> Candidate {
        let value = d
            .iter()
            .fold(0u64, |acc, &c| acc * 10 + u64::from(c - b'0'));
        Candidate { value, dp }
    }

    fn reads_back_as(&self, magnitude: f64, bit_size: u32) -> bool {
        let text = format!("{}e{}", self.value, self.dp - count_digits(self.value));
        if bit_size == 32 {
            text.parse::<f32>().is_ok_and(|f| f64::from(f) == magnitude)
        } else {
            text.parse::<f64>().is_ok_and(|f| f == magnitude)
        }
    }

    fn store<const N: usize>(&self, d: &mut Digits<N>) {
        let text = self.value.to_string();
        d.nd = text.len();
        d.d[..text.len()].copy_from_slice(text.as_bytes());
        d.dp = self.dp;
    }
}

/// Lays out the digits `d` (decimal point after `dp` of them) in format `fmt`.
fn push_digits(
    out: &mut String,
    shortest: bool,
    neg: bool,
    d: &[u8],
    dp: i32,
    prec: i32,
    fmt: char,
) {
    let nd = d.len() as i32;
    match fmt {
        'e' | 'E' => push_exponent_form(out, neg, d, dp, prec, fmt),
        'f' => push_fixed_form(out, neg, d, dp, prec),
        'g' | 'G' => {
            let mut prec = prec;
            // Go decides between the forms by the exponent: below -4, or at least the
            // precision (taken as 6 for shortest output, and trimmed to the digits
            // present when they are all before the point), means exponent form.
            let mut eprec = prec;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                let e = if fmt == 'g' { 'e' } else { 'E' };
                push_exponent_form(out, neg, d, dp, prec - 1, e);
            } else {
                if prec > dp {
                    prec = nd;
                }
                push_fixed_form(out, neg, d, dp, (prec - dp).max(0));
            }
        }
        _ => {
            out.push('%');
            out.push(fmt);
        }
    }
}

/// `-d.dddde±dd`, with `prec` digits after the point.
fn push_exponent_form(out: &mut String, neg: bool, d: &[u8], dp: i32, prec: i32, e: char) {
    if neg {
        out.push('-');
    }
    out.push(d.first().map_or('0', |&c| c as char));
    if prec > 0 {
        out.push('.');
        let prec = prec as usize;
        let present = d.len().min(prec + 1);
        if present > 1 {
            push_ascii(out, &d[1..present]);
        }
        push_repeated(out, '0', prec + 1 - present.max(1));
    }
    out.push(e);
    let mut exp = if d.is_empty() { 0 } else { dp - 1 };
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    append_uint(out, exp as u64, 10);
}

/// `-ddd.ddd`, with `prec` digits after the point.
fn push_fixed_form(out: &mut String, neg: bool, d: &[u8], dp: i32, prec: i32) {
    if neg {
        out.push('-');
    }
    if dp > 0 {
        let whole = d.len().min(dp as usize);
        push_ascii(out, &d[..whole]);
        push_repeated(out, '0', dp as usize - whole);
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec {
            let j = dp + i;
            let c = if j >= 0 && (j as usize) < d.len() {
                d[j as usize] as char
            } else {
                '0'
            };
            out.push(c);
        }
    }
}

/// `-mantissa p±exponent`, the exact binary form (`%b`).
fn push_binary(out: &mut String, neg: bool, mant: u64, exp: i32) {
    if neg {
        out.push('-');
    }
    append_uint(out, mant, 10);
    out.push('p');
    if exp >= 0 {
        out.push('+');
    } else {
        out.push('-');
    }
    append_uint(out, u64::from(exp.unsigned_abs()), 10);
}

/// `-0x1.hhhhp±dd`, the hexadecimal form (`%x`); `prec` hex digits after the point,
/// or as many as needed when negative.
fn push_hex(
    out: &mut String,
    prec: i32,
    fmt: char,
    neg: bool,
    mant: u64,
    exp: i32,
    mant_bits: u32,
) {
    const ONE: u64 = 1 << 60;
    let mut mant = mant;
    let mut exp = if mant == 0 { 0 } else { exp };
    // Normalise so the leading 1 sits at bit 60, leaving 15 hex digits of fraction.
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & ONE == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        // Keep prec hex digits, rounding the dropped bits half to even.
        let shift = prec as u32 * 4;
        let dropped = (mant << shift) & (ONE - 1);
        mant >>= 60 - shift;
        if dropped | (mant & 1) > ONE >> 1 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (ONE << 1) != 0 {
            // Rounding carried into a new leading digit.
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == 'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        out.push('-');
    }
    out.push('0');
    out.push(fmt);
    out.push(if mant & ONE != 0 { '1' } else { '0' });
    mant <<= 4;
    let next_digit = |mant: &mut u64| {
        let c = hex[((*mant >> 60) & 15) as usize] as char;
        *mant <<= 4;
        c
    };
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            let c = next_digit(&mut mant);
            out.push(c);
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            let c = next_digit(&mut mant);
            out.push(c);
        }
    }
    out.push(if fmt == 'X' { 'P' } else { 'p' });
    if exp < 0 {
        out.push('-');
    } else {
        out.push('+');
    }
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    append_uint(out, u64::from(exp), 10);
}

fn push_repeated(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

#[cfg(test)]
mod huge_precision_tests {
    use super::*;

    /// Go accepts precisions up to a million (`%.2000000f` is refused by fmt, but
    /// `FormatFloat` takes any); Rust's formatter stops at 65535.
    #[test]
    fn fixed_precision_beyond_rusts_limit() {
        let mut out = String::new();
        append_float(&mut out, 3.25, 'f', 100_000, 64);
        assert_eq!(out.len(), 2 + 100_000);
        assert!(out.starts_with("3.25000"));
        assert!(out[2..].bytes().skip(2).all(|b| b == b'0'));
        let mut tiny = String::new();
        append_float(&mut tiny, 5e-324, 'f', 2000, 64);
        let want_prefix = format!("0.{}", "0".repeat(323));
        assert!(
            tiny.starts_with(&format!("{want_prefix}49406564584124654")),
            "{}",
            &tiny[..400]
        );
        assert_eq!(tiny.len(), 2 + 2000);
    }
}
