//! The low-level formatter: padding, integers, floats, strings and characters under
//! the current flags, width and precision (Go's `fmt.fmt` layer).
//!
//! These functions know nothing of values or types; the printer picks one per verb.
//! Where Go formats into a scratch buffer and then pads, these write the text straight
//! into the output and, when left padding is due, insert it before the text: the text
//! is short and this keeps the common, unpadded case free of copies and allocations.

use super::Printer;
use crate::strconv::{self, push_ascii};

const LOWER_DIGITS: &[u8; 17] = b"0123456789abcdefx";
const UPPER_DIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Number systems and digit cases for integers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    Bin,
    Oct,
    Dec,
    Hex,
    UpperHex,
}

impl Base {
    fn radix(self) -> u32 {
        match self {
            Base::Bin => 2,
            Base::Oct => 8,
            Base::Dec => 10,
            Base::Hex | Base::UpperHex => 16,
        }
    }

    fn digits(self) -> &'static [u8; 17] {
        if self == Base::UpperHex {
            UPPER_DIGITS
        } else {
            LOWER_DIGITS
        }
    }
}

/// Flags, width and precision of the verb being printed.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Flags {
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    /// `%+v`: print struct field names (`plus` itself is cleared for `%v`).
    pub plus_v: bool,
    /// `%#v`: Go syntax (`sharp` itself is cleared for `%v`).
    pub sharp_v: bool,
    pub wid: usize,
    pub prec: usize,
}

/// Number of characters Go counts in `s` (runes; every invalid byte counts as one, and
/// the printer writes invalid bytes as one U+FFFD each, so counting chars agrees).
fn rune_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

const ZEROS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const SPACES: &str = "                                                                ";

impl Printer<'_> {
    /// The character padding is made of: zeros only when asked for and padding left.
    fn pad_char_run(&self) -> &'static str {
        if self.f.zero && !self.f.minus {
            ZEROS
        } else {
            SPACES
        }
    }

    /// Appends `n` padding characters.
    pub(super) fn write_padding(&mut self, n: usize) {
        let run = self.pad_char_run();
        let mut n = n;
        while n > 0 {
            let k = n.min(run.len());
            self.out.push_str(&run[..k]);
            n -= k;
        }
    }

    /// Inserts `n` padding characters at byte offset `at`.
    fn insert_padding(&mut self, at: usize, n: usize) {
        let run = self.pad_char_run();
        let mut n = n;
        while n > 0 {
            let k = n.min(run.len());
            self.out.insert_str(at, &run[..k]);
            n -= k;
        }
    }

    /// Pads the text already written from byte offset `start` to the width.
    pub(super) fn pad_from(&mut self, start: usize) {
        if !self.f.wid_present || self.f.wid == 0 {
            return;
        }
        let n = rune_count(&self.out[start..]);
        if self.f.wid > n {
            if self.f.minus {
                self.write_padding(self.f.wid - n);
            } else {
                self.insert_padding(start, self.f.wid - n);
            }
        }
    }

    /// Appends `s` padded to the width (Go's `padString`).
    pub(super) fn pad_str(&mut self, s: &str) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.out.push_str(s);
            return;
        }
        let fill = self.f.wid.saturating_sub(rune_count(s));
        if self.f.minus {
            self.out.push_str(s);
            self.write_padding(fill);
        } else {
            self.write_padding(fill);
            self.out.push_str(s);
        }
    }

    /// Runs `f` with zero padding switched off (for text that must not be zero-padded).
    fn without_zero(&mut self, f: impl FnOnce(&mut Self)) {
        let zero = self.f.zero;
        self.f.zero = false;
        f(self);
        self.f.zero = zero;
    }

    /// `true` or `false`.
    pub(super) fn fmt_boolean(&mut self, v: bool) {
        self.pad_str(if v { "true" } else { "false" });
    }

    /// `U+0078`, or with `#` and a printable character `U+0078 'x'`.
    pub(super) fn fmt_unicode(&mut self, u: u64) {
        let mut buf = [0u8; 64];
        let digits = strconv::uint_digits(&mut buf, u, 16, true);
        let min_digits = if self.f.prec_present && self.f.prec > 4 {
            self.f.prec
        } else {
            4
        };
        let zeros = min_digits.saturating_sub(digits.len());
        let shown = if self.f.sharp {
            u32::try_from(u)
                .ok()
                .and_then(char::from_u32)
                .filter(|&c| strconv::is_print(c))
        } else {
            None
        };
        let suffix = shown.map(|c| format!(" '{c}'")).unwrap_or_default();
        self.write_number(b"U+", zeros, digits, &suffix);
    }

    /// An integer in `base`; `u` holds the two's complement bits when `signed`.
    /// `verb` matters only for `O`, which adds the `0o` prefix.
    pub(super) fn fmt_integer(&mut self, u: u64, base: Base, signed: bool, verb: char) {
        let negative = signed && (u as i64) < 0;
        let u = if negative { u.wrapping_neg() } else { u };
        let f = self.f;

        // Leading zeros come from a precision (%.3d), or else from the 0 flag with a
        // width (%03d); with both, the 0 flag yields to the precision and spaces pad.
        let mut min_digits = 0;
        if f.prec_present {
            min_digits = f.prec;
            if f.prec == 0 && u == 0 {
                // Zero at precision zero prints nothing but the padding.
                self.without_zero(|p| p.write_padding(f.wid));
                return;
            }
        } else if f.zero && !f.minus && f.wid_present {
            min_digits = f.wid;
            if negative || f.plus || f.space {
                min_digits = min_digits.saturating_sub(1); // room for the sign
            }
        }

        let mut buf = [0u8; 64];
        let digits = strconv::uint_digits(&mut buf, u, base.radix(), base == Base::UpperHex);
        let zeros = min_digits.saturating_sub(digits.len());

        let mut prefix = [0u8; 5];
        let mut plen = 0;
        let mut push_prefix = |bytes: &[u8]| {
            prefix[plen..plen + bytes.len()].copy_from_slice(bytes);
            plen += bytes.len();
        };
        if negative {
            push_prefix(b"-");
        } else if f.plus {
            push_prefix(b"+");
        } else if f.space {
            push_prefix(b" ");
        }
        if verb == 'O' {
            push_prefix(b"0o");
        }
        if f.sharp {
            match base {
                Base::Bin => push_prefix(b"0b"),
                // Octal needs a leading 0 unless the digits already start with one.
                Base::Oct if zeros == 0 && digits[0] != b'0' => push_prefix(b"0"),
                Base::Hex | Base::UpperHex => push_prefix(&[b'0', base.digits()[16]]),
                _ => {}
            }
        }

        self.write_number(&prefix[..plen], zeros, digits, "");
    }

    /// Appends `prefix`, `zeros` zeros, `digits` and `suffix`, padded with spaces to the
    /// width: the zeros already did any zero padding.
    fn write_number(&mut self, prefix: &[u8], zeros: usize, digits: &[u8], suffix: &str) {
        let len = prefix.len() + zeros + digits.len() + rune_count(suffix);
        self.without_zero(|p| {
            let fill = if p.f.wid_present {
                p.f.wid.saturating_sub(len)
            } else {
                0
            };
            if !p.f.minus {
                p.write_padding(fill);
            }
            push_ascii(p.out, prefix);
            p.out.extend(std::iter::repeat_n('0', zeros));
            push_ascii(p.out, digits);
            p.out.push_str(suffix);
            if p.f.minus {
                p.write_padding(fill);
            }
        });
    }

    /// `u` in hexadecimal, with or without `0x`, whatever the `#` flag says.
    pub(super) fn fmt_0x64(&mut self, u: u64, leading_0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading_0x;
        self.fmt_integer(u, Base::Hex, false, 'v');
        self.f.sharp = sharp;
    }

    /// The first `prec` characters of `s`, when a precision is set.
    fn truncate_str<'s>(&self, s: &'s str) -> &'s str {
        if self.f.prec_present
            && let Some((i, _)) = s.char_indices().nth(self.f.prec)
        {
            return &s[..i];
        }
        s
    }

    /// The first `prec` characters of `b` (an invalid byte counts as one character).
    fn truncate_bytes<'b>(&self, b: &'b [u8]) -> &'b [u8] {
        if !self.f.prec_present {
            return b;
        }
        let mut left = self.f.prec;
        let mut end = 0;
        for chunk in b.utf8_chunks() {
            for c in chunk.valid().chars() {
                if left == 0 {
                    return &b[..end];
                }
                left -= 1;
                end += c.len_utf8();
            }
            for _ in chunk.invalid() {
                if left == 0 {
                    return &b[..end];
                }
                left -= 1;
                end += 1;
            }
        }
        b
    }

    /// A string (`%s`).
    pub(super) fn fmt_s(&mut self, s: &str) {
        let s = self.truncate_str(s);
        self.pad_str(s);
    }

    /// A byte string (`%s` of `[]byte`); invalid UTF-8 is written as U+FFFD per byte,
    /// since the output is text (Go writes the raw bytes).
    pub(super) fn fmt_bs(&mut self, b: &[u8]) {
        let b = self.truncate_bytes(b);
        let start = self.out.len();
        push_lossy(self.out, b);
        self.pad_from(start);
    }

    /// Hexadecimal encoding of bytes (`%x` of strings and byte slices), with `#` for
    /// `0x` prefixes and space for separated bytes.
    pub(super) fn fmt_sbx(&mut self, b: &[u8], upper: bool) {
        let digits = if upper { UPPER_DIGITS } else { LOWER_DIGITS };
        let f = self.f;
        let n = if f.prec_present {
            b.len().min(f.prec)
        } else {
            b.len()
        };
        if n == 0 {
            // Nothing to encode: only the padding, if any.
            if f.wid_present {
                self.write_padding(f.wid);
            }
            return;
        }
        let mut width = 2 * n;
        if f.space {
            if f.sharp {
                width *= 2;
            }
            width += n - 1;
        } else if f.sharp {
            width += 2;
        }
        let fill = if f.wid_present {
            f.wid.saturating_sub(width)
        } else {
            0
        };
        if !f.minus {
            self.write_padding(fill);
        }
        self.out.reserve(width);
        let prefix = [b'0' as char, digits[16] as char];
        if f.sharp {
            self.out.extend(prefix);
        }
        for (i, &c) in b[..n].iter().enumerate() {
            if f.space && i > 0 {
                self.out.push(' ');
                if f.sharp {
                    self.out.extend(prefix);
                }
            }
            self.out.push(digits[usize::from(c >> 4)] as char);
            self.out.push(digits[usize::from(c & 0xF)] as char);
        }
        if f.minus {
            self.write_padding(fill);
        }
    }

    /// A quoted string (`%q`): backquoted with `#` when possible, ASCII-only with `+`.
    pub(super) fn fmt_q(&mut self, s: &str) {
        let s = self.truncate_str(s);
        let start = self.out.len();
        if self.f.sharp && strconv::can_backquote(s) {
            self.out.push('`');
            self.out.push_str(s);
            self.out.push('`');
        } else if self.f.plus {
            strconv::append_quote_to_ascii(self.out, s);
        } else {
            strconv::append_quote(self.out, s);
        }
        self.pad_from(start);
    }

    /// [`Printer::fmt_q`] for a byte string, which may hold invalid UTF-8.
    pub(super) fn fmt_q_bytes(&mut self, b: &[u8]) {
        let b = self.truncate_bytes(b);
        if let Ok(s) = std::str::from_utf8(b) {
            // Already truncated: quote it whole.
            let prec_present = self.f.prec_present;
            self.f.prec_present = false;
            self.fmt_q(s);
            self.f.prec_present = prec_present;
            return;
        }
        // Invalid UTF-8 can never be backquoted.
        let start = self.out.len();
        if self.f.plus {
            strconv::append_quote_bytes_to_ascii(self.out, b);
        } else {
            strconv::append_quote_bytes(self.out, b);
        }
        self.pad_from(start);
    }

    /// An integer as the character with that code (`%c`).
    pub(super) fn fmt_c(&mut self, c: u64) {
        let mut buf = [0u8; 4];
        let s = to_char(c).encode_utf8(&mut buf);
        self.pad_str(s);
    }

    /// An integer as a quoted character literal (`%q`).
    pub(super) fn fmt_qc(&mut self, c: u64) {
        let start = self.out.len();
        if self.f.plus {
            strconv::append_quote_rune_to_ascii(self.out, to_char(c));
        } else {
            strconv::append_quote_rune(self.out, to_char(c));
        }
        self.pad_from(start);
    }

    /// A float; `verb` is a `strconv` format and `prec` the default precision.
    pub(super) fn fmt_float(&mut self, v: f64, size: u32, verb: char, prec: i32) {
        let f = self.f;
        let prec = if f.prec_present {
            i32::try_from(f.prec).unwrap_or(i32::MAX)
        } else {
            prec
        };
        // Written in place as sign + number; the sign is '+' when the number has none.
        let start = self.out.len();
        self.out.push('+');
        strconv::append_float(self.out, v, verb, prec, size);
        if matches!(self.out.as_bytes()[start + 1], b'-' | b'+') {
            self.out.remove(start);
        }
        if f.space && self.out.as_bytes()[start] == b'+' && !f.plus {
            self.out.replace_range(start..start + 1, " ");
        }
        let first = self.out.as_bytes()[start + 1];
        if first == b'I' || first == b'N' {
            // Infinities and NaN are not numbers to zero-pad; NaN shows a sign only
            // when one was asked for.
            if first == b'N' && !f.space && !f.plus {
                self.out.remove(start);
            }
            self.without_zero(|p| p.pad_from(start));
            return;
        }
        if f.sharp && verb != 'b' {
            self.keep_float_point(start, verb, prec);
        }
        let sign = self.out.as_bytes()[start];
        if f.plus || sign != b'+' {
            let len = self.out.len() - start;
            if f.zero && !f.minus && f.wid_present && f.wid > len {
                // Zero padding goes between the sign and the digits.
                self.insert_padding(start + 1, f.wid - len);
                return;
            }
            self.pad_from(start);
            return;
        }
        self.out.remove(start);
        self.pad_from(start);
    }

    /// The `#` flag on floats: always a decimal point, and for `%g` (and `%x`) the
    /// trailing zeros up to the precision (6 when unspecified).
    fn keep_float_point(&mut self, start: usize, verb: char, prec: i32) {
        let mut digits: i64 = match verb {
            'v' | 'g' | 'G' | 'x' => {
                if prec == -1 {
                    6
                } else {
                    i64::from(prec)
                }
            }
            _ => 0,
        };
        let bytes = &self.out.as_bytes()[start + 1..];
        let mut tail_at = bytes.len();
        let mut has_point = false;
        let mut seen_nonzero = false;
        for (i, &c) in bytes.iter().enumerate() {
            match c {
                b'.' => has_point = true,
                b'p' | b'P' => {
                    tail_at = i;
                    break;
                }
                b'e' | b'E' if verb != 'x' && verb != 'X' => {
                    tail_at = i;
                    break;
                }
                _ => {
                    // Significant digits count from the first non-zero one.
                    if c != b'0' {
                        seen_nonzero = true;
                    }
                    if seen_nonzero {
                        digits -= 1;
                    }
                }
            }
        }
        let tail_at = start + 1 + tail_at;
        let mut tail = [0u8; 8];
        let tail_len = self.out.len() - tail_at;
        let keep_tail = tail_len <= tail.len();
        if keep_tail {
            tail[..tail_len].copy_from_slice(&self.out.as_bytes()[tail_at..]);
        }
        let tail_owned = if keep_tail {
            None
        } else {
            Some(self.out[tail_at..].to_string())
        };
        self.out.truncate(tail_at);
        if !has_point {
            // A lone 0 counts as one significant digit.
            if tail_at - start == 2 && self.out.as_bytes()[start + 1] == b'0' {
                digits -= 1;
            }
            self.out.push('.');
        }
        if digits > 0 {
            self.out.extend(std::iter::repeat_n('0', digits as usize));
        }
        match tail_owned {
            Some(t) => self.out.push_str(&t),
            None => push_ascii(self.out, &tail[..tail_len]),
        }
    }
}

/// The character with code `c`, or U+FFFD when `c` is not a valid code point (Go's
/// `rune(c)` with the same check).
fn to_char(c: u64) -> char {
    u32::try_from(c)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Appends `b` as text, each byte of an invalid UTF-8 sequence as one U+FFFD (Go
/// decodes such bytes one at a time).
pub(super) fn push_lossy(out: &mut String, b: &[u8]) {
    for chunk in b.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(std::iter::repeat_n(
            char::REPLACEMENT_CHARACTER,
            chunk.invalid().len(),
        ));
    }
}
