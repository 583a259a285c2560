//! Go's `strconv` formatting: `Quote`, `QuoteRune`, `FormatFloat`, `FormatInt` and friends.
//!
//! Everything here produces Go's bytes exactly, because users diff kelm's output with
//! Helm's: which characters `Quote` escapes depends on Go's notion of "printable" for
//! the Unicode version Go ships (see [`is_print`]), and floats use Go's digit and
//! exponent conventions (`1e+06`, not Rust's `1e6`).
//!
//! Functions come in two shapes: `quote(s) -> String` like Go's `Quote`, and
//! `append_quote(out, s)` like Go's `AppendQuote`, which appends to a buffer the caller
//! reuses (the printer formats every template action through these).

#[path = "ftoa.rs"]
mod ftoa;
#[path = "isprint_table.rs"]
mod isprint_table;

pub use ftoa::{append_float, format_float};

const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";

/// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII
/// space, by the Unicode tables of the Go release Helm is built with.
pub fn is_print(r: char) -> bool {
    let c = r as u32;
    // Latin-1 is by far the commonest case; everything from space to `~` prints, and
    // so does `¡`..`ÿ` apart from the soft hyphen.
    if c <= 0xFF {
        return (0x20..=0x7E).contains(&c) || ((0xA1..=0xFF).contains(&c) && c != 0xAD);
    }
    if c <= 0xFFFF {
        in_ranges(&isprint_table::PRINT_BMP, c as u16)
    } else {
        in_ranges(&isprint_table::PRINT_ASTRAL, c)
    }
}

/// Go's `strconv.IsGraphic`: printable characters plus the Unicode space separators.
pub fn is_graphic(r: char) -> bool {
    is_print(r) || in_ranges(&isprint_table::GRAPHIC_NOT_PRINT, r as u32)
}

/// Whether `x` lies in one of the sorted, disjoint, inclusive `ranges`.
pub fn in_ranges<T: Ord + Copy>(ranges: &[(T, T)], x: T) -> bool {
    // The first range whose end is not below x is the only one that can hold x.
    let i = ranges.partition_point(|&(_, hi)| hi < x);
    i < ranges.len() && ranges[i].0 <= x
}

/// Which characters a quoting function leaves as they are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Printable characters (`Quote`).
    Printable,
    /// Printable ASCII only (`QuoteToASCII`).
    Ascii,
    /// Printable and graphic characters (`QuoteToGraphic`).
    Graphic,
}

/// Appends `r` as it appears inside a Go literal delimited by `quote`.
fn push_escaped(out: &mut String, r: char, quote: char, keep: Keep) {
    if r == quote || r == '\\' {
        out.push('\\');
        out.push(r);
        return;
    }
    let verbatim = match keep {
        Keep::Ascii => r.is_ascii() && is_print(r),
        Keep::Printable => is_print(r),
        Keep::Graphic => is_graphic(r),
    };
    if verbatim {
        out.push(r);
        return;
    }
    let simple = match r {
        '\x07' => "\\a",
        '\x08' => "\\b",
        '\x0C' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\x0B' => "\\v",
        _ => "",
    };
    if !simple.is_empty() {
        out.push_str(simple);
        return;
    }
    let c = r as u32;
    if c < 0x20 || c == 0x7F {
        push_hex_escape(out, 'x', c, 2);
    } else if c < 0x10000 {
        push_hex_escape(out, 'u', c, 4);
    } else {
        push_hex_escape(out, 'U', c, 8);
    }
}

/// Appends `\` `kind` and the low `digits` hex digits of `c`, in lower case.
fn push_hex_escape(out: &mut String, kind: char, c: u32, digits: u32) {
    out.push('\\');
    out.push(kind);
    for shift in (0..digits).rev() {
        out.push(LOWER_HEX[((c >> (shift * 4)) & 0xF) as usize] as char);
    }
}

fn append_quoted_str(out: &mut String, s: &str, quote: char, keep: Keep) {
    out.reserve(s.len() + 2);
    out.push(quote);
    for r in s.chars() {
        push_escaped(out, r, quote, keep);
    }
    out.push(quote);
}

fn append_quoted_bytes(out: &mut String, b: &[u8], quote: char, keep: Keep) {
    out.reserve(b.len() + 2);
    out.push(quote);
    for chunk in b.utf8_chunks() {
        for r in chunk.valid().chars() {
            push_escaped(out, r, quote, keep);
        }
        // Go decodes an ill-formed sequence one byte at a time, and escapes each byte.
        for &byte in chunk.invalid() {
            push_hex_escape(out, 'x', u32::from(byte), 2);
        }
    }
    out.push(quote);
}

/// Go's `strconv.Quote`: a double-quoted Go string literal for `s`, escaping control
/// and non-printable characters (`\n`, `\x00`, `\u00ad`).
pub fn quote(s: &str) -> String {
    let mut out = String::new();
    append_quote(&mut out, s);
    out
}

/// Go's `strconv.AppendQuote`: appends [`quote`]`(s)` to `out`.
pub fn append_quote(out: &mut String, s: &str) {
    append_quoted_str(out, s, '"', Keep::Printable);
}

/// Go's `strconv.QuoteToASCII`: like [`quote`], but escapes every non-ASCII character.
pub fn quote_to_ascii(s: &str) -> String {
    let mut out = String::new();
    append_quote_to_ascii(&mut out, s);
    out
}

/// Go's `strconv.AppendQuoteToASCII`.
pub fn append_quote_to_ascii(out: &mut String, s: &str) {
    append_quoted_str(out, s, '"', Keep::Ascii);
}

/// Go's `strconv.QuoteToGraphic`: like [`quote`], but leaves graphic characters such as
/// U+00A0 (no-break space) unescaped.
pub fn quote_to_graphic(s: &str) -> String {
    let mut out = String::new();
    append_quote_to_graphic(&mut out, s);
    out
}

/// Go's `strconv.AppendQuoteToGraphic`.
pub fn append_quote_to_graphic(out: &mut String, s: &str) {
    append_quoted_str(out, s, '"', Keep::Graphic);
}

/// Go's `strconv.Quote` of a byte string (Go's strings may hold any bytes): invalid
/// UTF-8 bytes are written as `\xNN`.
pub fn quote_bytes(b: &[u8]) -> String {
    let mut out = String::new();
    append_quote_bytes(&mut out, b);
    out
}

/// Appends [`quote_bytes`]`(b)` to `out`.
pub fn append_quote_bytes(out: &mut String, b: &[u8]) {
    append_quoted_bytes(out, b, '"', Keep::Printable);
}

/// Go's `strconv.QuoteToASCII` of a byte string; invalid UTF-8 bytes become `\xNN`.
pub fn append_quote_bytes_to_ascii(out: &mut String, b: &[u8]) {
    append_quoted_bytes(out, b, '"', Keep::Ascii);
}

/// Go's `strconv.QuoteRune`: a single-quoted Go character literal for `r`.
pub fn quote_rune(r: char) -> String {
    let mut out = String::new();
    append_quote_rune(&mut out, r);
    out
}

/// Go's `strconv.AppendQuoteRune`.
pub fn append_quote_rune(out: &mut String, r: char) {
    out.push('\'');
    push_escaped(out, r, '\'', Keep::Printable);
    out.push('\'');
}

/// Go's `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: char) -> String {
    let mut out = String::new();
    append_quote_rune_to_ascii(&mut out, r);
    out
}

/// Go's `strconv.AppendQuoteRuneToASCII`.
pub fn append_quote_rune_to_ascii(out: &mut String, r: char) {
    out.push('\'');
    push_escaped(out, r, '\'', Keep::Ascii);
    out.push('\'');
}

/// Go's `strconv.QuoteRuneToGraphic`.
pub fn quote_rune_to_graphic(r: char) -> String {
    let mut out = String::new();
    append_quote_rune_to_graphic(&mut out, r);
    out
}

/// Go's `strconv.AppendQuoteRuneToGraphic`.
pub fn append_quote_rune_to_graphic(out: &mut String, r: char) {
    out.push('\'');
    push_escaped(out, r, '\'', Keep::Graphic);
    out.push('\'');
}

/// Go's `strconv.CanBackquote`: whether `s` can be written unchanged as a single-line
/// raw string literal (no control characters other than tab, no backquote, no BOM).
pub fn can_backquote(s: &str) -> bool {
    s.chars().all(backquotable)
}

/// [`can_backquote`] for a byte string: invalid UTF-8 cannot be backquoted.
pub fn can_backquote_bytes(b: &[u8]) -> bool {
    b.utf8_chunks()
        .all(|chunk| chunk.invalid().is_empty() && can_backquote(chunk.valid()))
}

fn backquotable(r: char) -> bool {
    match r {
        '\t' => true,
        '`' | '\u{7F}' | '\u{FEFF}' => false,
        r => r >= ' ',
    }
}

/// Go's `strconv.FormatInt`: `i` in `base` (2 to 36), lower-case digits.
///
/// # Panics
///
/// If `base` is outside 2..=36, as Go does.
pub fn format_int(i: i64, base: u32) -> String {
    let mut out = String::new();
    append_int(&mut out, i, base);
    out
}

/// Go's `strconv.AppendInt`.
///
/// # Panics
///
/// If `base` is outside 2..=36, as Go does.
pub fn append_int(out: &mut String, i: i64, base: u32) {
    if i < 0 {
        out.push('-');
    }
    append_uint(out, i.unsigned_abs(), base);
}

/// Go's `strconv.FormatUint`: `u` in `base` (2 to 36), lower-case digits.
///
/// # Panics
///
/// If `base` is outside 2..=36, as Go does.
pub fn format_uint(u: u64, base: u32) -> String {
    let mut out = String::new();
    append_uint(&mut out, u, base);
    out
}

/// Go's `strconv.AppendUint`.
///
/// # Panics
///
/// If `base` is outside 2..=36, as Go does.
pub fn append_uint(out: &mut String, u: u64, base: u32) {
    assert!(
        (2..=36).contains(&base),
        "strconv: illegal AppendInt/FormatInt base"
    );
    let mut buf = [0u8; 64];
    push_ascii(out, uint_digits(&mut buf, u, base, false));
}

/// Writes the digits of `u` in `base` (2 to 36; letters in `upper` case) at the end of
/// `buf` and returns them.
pub fn uint_digits(buf: &mut [u8; 64], mut u: u64, base: u32, upper: bool) -> &[u8] {
    const LOWER: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    const UPPER: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut i = buf.len();
    if base == 10 {
        // The common case, with a constant divisor the compiler turns into multiplies.
        loop {
            i -= 1;
            buf[i] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
    } else {
        let digits = if upper { UPPER } else { LOWER };
        let base = u64::from(base);
        loop {
            i -= 1;
            buf[i] = digits[(u % base) as usize];
            u /= base;
            if u == 0 {
                break;
            }
        }
    }
    &buf[i..]
}

/// Appends ASCII text held as bytes (digits and the like, built in stack buffers).
pub fn push_ascii(out: &mut String, ascii: &[u8]) {
    match std::str::from_utf8(ascii) {
        Ok(s) => out.push_str(s),
        // Callers only pass ASCII; should one not, keep each byte as a character.
        Err(_) => out.extend(ascii.iter().map(|&b| char::from(b))),
    }
}

/// Go's `strconv.Itoa`.
pub fn itoa(i: i64) -> String {
    format_int(i, 10)
}

/// Go's `strconv.FormatBool`.
pub fn format_bool(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}
