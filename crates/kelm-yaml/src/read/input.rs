//! The scanner's view of the input: bytes, the current position and mark, and an
//! emulation of yaml.v2's buffered reader where it is observable.
//!
//! yaml.v2 takes bytes. Its reader picks the encoding from a byte-order mark (UTF-16LE
//! after `FF FE`, UTF-16BE after `FE FF`, else UTF-8, skipping `EF BB BF`), decodes
//! the input into UTF-8 and checks it as it goes. A [`Source`] does the same up front:
//! the scanner always reads UTF-8 text, the input itself or its UTF-16 transcoded (up
//! to the first unit that does not decode).
//!
//! yaml.v2 does not see the whole input at once, though. It decodes and checks the
//! input in 512-byte raw chunks, only when the scanner asks for characters it has not
//! decoded yet. Three things depend on that:
//!
//! - a character the reader refuses is reported when the chunk holding it is decoded,
//!   which may be before the scanner reaches it (so it can win over a syntax error a
//!   few lines earlier) or never (when the first document ends in an earlier chunk).
//!   Refused are: bytes that are not UTF-8 (`invalid leading UTF-8 octet`, `invalid
//!   trailing UTF-8 octet`, `invalid length of a UTF-8 sequence` for overlong forms,
//!   `invalid Unicode character` for surrogates and values above U+10FFFF, `incomplete
//!   UTF-8 octet sequence` for a character cut by the end of the input), UTF-16 that
//!   does not decode (`incomplete UTF-16 character`, `unexpected low surrogate area`,
//!   `expected low surrogate area`, `incomplete UTF-16 surrogate pair`), and control
//!   characters, U+FFFE and U+FFFF (`control characters are not allowed`). A character
//!   cut by a chunk's end waits for the next chunk, so only the end of the input makes
//!   it incomplete;
//! - which error a bad sequence gets depends on how much of it was read: yaml.v2 looks
//!   at a whole sequence (as long as its first byte says) before checking its bytes,
//!   so `E9 0A` at the end of the input is incomplete, not a bad trailing octet;
//! - its byte-order-mark check looks at the first character of its decode buffer,
//!   wherever that buffer happens to start, not at the current character.
//!
//! yaml.v2's errors from the reader carry no position: `yaml: invalid leading UTF-8
//! octet`.
//!
//! Ordinary input (UTF-8 without a refused character or a U+FEFF after the start) needs
//! none of this: [`Input::cache`] then returns at once.

use std::borrow::Cow;

/// A position in the input, as yaml.v2 counts it: characters consumed (a CRLF counts
/// two), 0-based line and 0-based column in characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Mark {
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

/// yaml.v2's raw chunk size.
const RAW_CHUNK: usize = 512;

/// The reader's problem when the decoder meets a character yaml.v2 refuses.
pub(crate) const CONTROL_CHARACTERS: &str = "control characters are not allowed";

/// The input's encoding, as yaml.v2's `yaml_parser_determine_encoding` picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// The bytes given to the parser and the UTF-8 text the scanner reads.
#[derive(Debug)]
pub(crate) struct Source<'r> {
    raw: &'r [u8],
    encoding: Encoding,
    /// The text: `raw` itself for UTF-8, else the UTF-16 decoded up to its end or
    /// its first unit that does not decode.
    text: Cow<'r, [u8]>,
    /// Where the text starts (after a UTF-8 byte-order mark).
    start: usize,
    /// For UTF-8: the offset of the first character the reader refuses, or
    /// `usize::MAX`.
    fault: usize,
    /// Whether the reader must be emulated (anything but ordinary UTF-8).
    slow: bool,
}

impl<'r> Source<'r> {
    /// Prepares `raw` for reading (yaml.v2 reads an empty input as a single newline:
    /// callers pass `b"\n"` for it).
    pub fn new(raw: &'r [u8]) -> Source<'r> {
        // yaml.v2 sniffs the first bytes it reads: at least three, or the whole input.
        let encoding = if raw.starts_with(b"\xFF\xFE") {
            Encoding::Utf16Le
        } else if raw.starts_with(b"\xFE\xFF") {
            Encoding::Utf16Be
        } else {
            Encoding::Utf8
        };
        if encoding != Encoding::Utf8 {
            return Source {
                raw,
                encoding,
                text: Cow::Owned(utf16_text(raw, encoding)),
                start: 0,
                fault: usize::MAX,
                slow: true,
            };
        }
        let start = if raw.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let (fault, feff) = survey(&raw[start..]);
        let fault = fault.saturating_add(start);
        Source {
            raw,
            encoding,
            text: Cow::Borrowed(raw),
            start,
            fault,
            slow: fault != usize::MAX || feff,
        }
    }

    /// The UTF-8 text the scanner reads (scalar spans are offsets into it).
    pub fn text(&self) -> &[u8] {
        &self.text
    }
}

/// The text of UTF-16 input after its byte-order mark, decoded up to the first unit
/// that does not decode (the reader reports that one when it gets there).
fn utf16_text(raw: &[u8], encoding: Encoding) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() * 3 / 2);
    let mut p = 2;
    while let Step::Char(w, value) = utf16_char(raw, encoding, p, raw.len(), true) {
        let c = char::from_u32(value).unwrap_or('\u{FFFD}');
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        p += w;
    }
    out
}

/// What decoding one character of the raw input gives.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// A character of this many raw bytes, and its value.
    Char(usize, u32),
    /// The character is cut by the end of what was read: read more first.
    More,
    /// The reader's error.
    Refused(&'static str),
}

/// Whether yaml.v2's reader accepts the character (YAML 1.1's printable set).
fn allowed(v: u32) -> bool {
    matches!(v, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0x85 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// Decodes the UTF-8 character at `p`, with the raw bytes read up to `end`, as
/// yaml.v2's reader does (its checks, in its order).
fn utf8_char(raw: &[u8], p: usize, end: usize, eof: bool) -> Step {
    let lead = raw[p];
    let (width, mut value) = match lead {
        0x00..=0x7F => (1, u32::from(lead)),
        0xC0..=0xDF => (2, u32::from(lead & 0x1F)),
        0xE0..=0xEF => (3, u32::from(lead & 0x0F)),
        0xF0..=0xF7 => (4, u32::from(lead & 0x07)),
        _ => return Step::Refused("invalid leading UTF-8 octet"),
    };
    if width > end - p {
        return if eof {
            Step::Refused("incomplete UTF-8 octet sequence")
        } else {
            Step::More
        };
    }
    for &c in &raw[p + 1..p + width] {
        if c & 0xC0 != 0x80 {
            return Step::Refused("invalid trailing UTF-8 octet");
        }
        value = (value << 6) | u32::from(c & 0x3F);
    }
    let shortest = match width {
        1 => true,
        2 => value >= 0x80,
        3 => value >= 0x800,
        _ => value >= 0x10000,
    };
    if !shortest {
        return Step::Refused("invalid length of a UTF-8 sequence");
    }
    if (0xD800..=0xDFFF).contains(&value) || value > 0x10FFFF {
        return Step::Refused("invalid Unicode character");
    }
    if !allowed(value) {
        return Step::Refused(CONTROL_CHARACTERS);
    }
    Step::Char(width, value)
}

/// Decodes the UTF-16 character at `p`, with the raw bytes read up to `end`, as
/// yaml.v2's reader does.
fn utf16_char(raw: &[u8], encoding: Encoding, p: usize, end: usize, eof: bool) -> Step {
    let unit = |i: usize| {
        let (a, b) = (u32::from(raw[i]), u32::from(raw[i + 1]));
        if encoding == Encoding::Utf16Le {
            a | (b << 8)
        } else {
            (a << 8) | b
        }
    };
    let avail = end - p;
    if avail < 2 {
        return if eof {
            Step::Refused("incomplete UTF-16 character")
        } else {
            Step::More
        };
    }
    let first = unit(p);
    let (width, value) = match first & 0xFC00 {
        0xDC00 => return Step::Refused("unexpected low surrogate area"),
        0xD800 => {
            if avail < 4 {
                return if eof {
                    Step::Refused("incomplete UTF-16 surrogate pair")
                } else {
                    Step::More
                };
            }
            let second = unit(p + 2);
            if second & 0xFC00 != 0xDC00 {
                return Step::Refused("expected low surrogate area");
            }
            (4, 0x10000 + ((first & 0x3FF) << 10) + (second & 0x3FF))
        }
        _ => (2, first),
    };
    if !allowed(value) {
        return Step::Refused(CONTROL_CHARACTERS);
    }
    Step::Char(width, value)
}

/// The emulated state of yaml.v2's reader (only kept for unusual input). Offsets into
/// the raw input are `raw_*`; characters are counted in the text.
#[derive(Debug)]
struct Buffered<'a> {
    raw: &'a [u8],
    encoding: Encoding,
    /// See [`Source::fault`].
    fault: usize,
    /// Raw offset of the next character to decode.
    raw_pos: usize,
    /// Raw bytes read so far (end offset).
    raw_end: usize,
    /// Characters decoded so far.
    decoded_chars: usize,
    /// The raw reader has reported the end of the input.
    eof: bool,
    /// NULs counted as unread after the end.
    nuls: usize,
    /// Text offset of the first character in the decode buffer.
    buf_start: usize,
    /// Whether anything was decoded yet (the first call sniffs the encoding).
    started: bool,
}

impl Buffered<'_> {
    /// yaml.v2's `yaml_parser_update_raw_buffer`: reads up to a chunk's worth more,
    /// or learns that the input has ended.
    fn read_raw(&mut self) {
        if self.raw_end - self.raw_pos == RAW_CHUNK || self.eof {
            return;
        }
        if self.raw_end == self.raw.len() {
            self.eof = true;
        } else {
            self.raw_end = (self.raw_pos + RAW_CHUNK).min(self.raw.len());
        }
    }

    /// Decodes every whole character read so far, or fails with the reader's error.
    fn decode(&mut self) -> Result<(), &'static str> {
        let len = self.raw.len();
        while self.raw_pos != self.raw_end {
            if self.encoding == Encoding::Utf8 && self.raw_pos < self.fault {
                // Known good text: whole characters up to the fault or the end read.
                let mut end = self.raw_end.min(self.fault);
                if end < self.fault && end < len {
                    while end > self.raw_pos && (self.raw[end] & 0xC0) == 0x80 {
                        end -= 1;
                    }
                }
                if end == self.raw_pos {
                    break;
                }
                self.decoded_chars += count_chars(&self.raw[self.raw_pos..end]);
                self.raw_pos = end;
                continue;
            }
            let step = match self.encoding {
                Encoding::Utf8 => utf8_char(self.raw, self.raw_pos, self.raw_end, self.eof),
                e => utf16_char(self.raw, e, self.raw_pos, self.raw_end, self.eof),
            };
            match step {
                Step::Char(width, _) => {
                    self.raw_pos += width;
                    self.decoded_chars += 1;
                }
                Step::More => break,
                Step::Refused(problem) => return Err(problem),
            }
        }
        Ok(())
    }
}

/// The input as the scanner reads it.
#[derive(Debug)]
pub(crate) struct Input<'a> {
    /// The text.
    pub b: &'a [u8],
    /// Byte offset of the next character.
    pub pos: usize,
    /// Position of the next character.
    pub mark: Mark,
    slow: Option<Box<Buffered<'a>>>,
}

impl<'a> Input<'a> {
    /// Prepares to read `source`.
    pub fn new(source: &'a Source<'_>) -> Input<'a> {
        let slow = source.slow.then(|| {
            Box::new(Buffered {
                raw: source.raw,
                encoding: source.encoding,
                fault: source.fault,
                raw_pos: 0,
                raw_end: 0,
                decoded_chars: 0,
                eof: false,
                nuls: 0,
                buf_start: source.start,
                started: false,
            })
        });
        Input {
            b: source.text(),
            pos: source.start,
            mark: Mark::default(),
            slow,
        }
    }

    /// The byte `k` places ahead (NUL past the end, like yaml.v2's padding).
    #[inline(always)]
    pub fn at(&self, k: usize) -> u8 {
        match self.b.get(self.pos + k) {
            Some(&c) => c,
            None => 0,
        }
    }

    /// The current byte.
    #[inline(always)]
    pub fn cur(&self) -> u8 {
        self.at(0)
    }

    /// Whether yaml.v2's buffering is invisible for this input, so runs of
    /// characters may be consumed at once instead of one `cache` call at a time.
    #[inline(always)]
    pub fn plain_input(&self) -> bool {
        self.slow.is_none()
    }

    /// Consumes the characters up to byte offset `end` (none of them line breaks).
    #[inline(always)]
    pub fn advance_to(&mut self, end: usize) {
        let n = count_chars(&self.b[self.pos..end]);
        self.mark.index += n;
        self.mark.column += n;
        self.pos = end;
    }

    /// The offset of the next line break or the end of the text, from `from`.
    #[inline]
    pub fn find_break(&self, from: usize) -> usize {
        let b = self.b;
        let mut i = from;
        // Eight bytes at a time while none is below 0x0E (LF, CR) or above 0x7F.
        while i + 8 <= b.len() {
            let x = word(&b[i..i + 8]);
            if (x | x.wrapping_sub(ONES * 0x0E)) & (ONES * 0x80) != 0 {
                break;
            }
            i += 8;
        }
        while i < b.len() {
            match b[i] {
                b'\r' | b'\n' => return i,
                0xC2 if b.get(i + 1) == Some(&0x85) => return i,
                0xE2 if b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    return i;
                }
                _ => i += 1,
            }
        }
        i
    }

    /// Makes sure `n` characters are decoded (yaml.v2's `cache`); fails with the
    /// reader's problem when decoding them meets a disallowed character.
    #[inline(always)]
    pub fn cache(&mut self, n: usize) -> Result<(), &'static str> {
        match self.slow {
            None => Ok(()),
            Some(_) => self.cache_slow(n),
        }
    }

    fn cache_slow(&mut self, n: usize) -> Result<(), &'static str> {
        let index = self.mark.index;
        let pos = self.pos;
        let st = self.slow.as_mut().expect("slow input");
        let unread = |st: &Buffered| (st.decoded_chars + st.nuls).saturating_sub(index);
        if st.started && unread(st) >= n {
            return Ok(());
        }
        if !st.started {
            // The encoding sniff reads until three bytes are there or the input ends,
            // then skips the byte-order mark.
            st.started = true;
            while !st.eof && st.raw_end - st.raw_pos < 3 {
                st.read_raw();
            }
            st.raw_pos = match st.encoding {
                Encoding::Utf8 if st.raw.starts_with(b"\xEF\xBB\xBF") => 3,
                Encoding::Utf8 => 0,
                Encoding::Utf16Le | Encoding::Utf16Be => 2,
            };
        }
        // yaml.v2 moves the unread characters to the start of its buffer.
        st.buf_start = pos;
        let mut first = true;
        while unread(st) < n {
            if !first || st.raw_pos == st.raw_end {
                st.read_raw();
            }
            first = false;
            st.decode()?;
            if st.eof {
                st.nuls += 1;
                break;
            }
        }
        Ok(())
    }

    /// Whether yaml.v2's byte-order-mark check passes: the first character of its
    /// decode buffer is U+FEFF.
    pub fn buffer_starts_with_bom(&self) -> bool {
        match &self.slow {
            None => false,
            Some(st) => self.b[st.buf_start.min(self.b.len())..].starts_with(b"\xEF\xBB\xBF"),
        }
    }

    /// Consumes one character (not a line break).
    #[inline(always)]
    pub fn skip(&mut self) {
        self.mark.index += 1;
        self.mark.column += 1;
        self.pos += width(self.cur()).max(1);
    }

    /// Consumes a line break (CRLF, CR, LF, NEL, LS, PS), if there is one.
    pub fn skip_line(&mut self) {
        if self.cur() == b'\r' && self.at(1) == b'\n' {
            self.mark.index += 2;
            self.mark.column = 0;
            self.mark.line += 1;
            self.pos += 2;
        } else if self.is_break(0) {
            self.mark.index += 1;
            self.mark.column = 0;
            self.mark.line += 1;
            self.pos += width(self.cur());
        }
    }

    /// Appends the current character to `s` and consumes it.
    #[inline(always)]
    pub fn read(&mut self, s: &mut Vec<u8>) {
        let w = width(self.cur()).max(1);
        let end = (self.pos + w).min(self.b.len());
        s.extend_from_slice(&self.b[self.pos..end]);
        self.pos += w;
        self.mark.index += 1;
        self.mark.column += 1;
    }

    /// Appends a line break to `s` as yaml.v2 normalizes it (CR, LF, CRLF and NEL
    /// become LF; LS and PS are kept) and consumes it.
    pub fn read_line(&mut self, s: &mut Vec<u8>) {
        let c = self.cur();
        if c == b'\r' && self.at(1) == b'\n' {
            s.push(b'\n');
            self.pos += 2;
            self.mark.index += 1;
        } else if c == b'\r' || c == b'\n' {
            s.push(b'\n');
            self.pos += 1;
        } else if c == 0xC2 && self.at(1) == 0x85 {
            s.push(b'\n');
            self.pos += 2;
        } else if c == 0xE2 && self.at(1) == 0x80 && (self.at(2) == 0xA8 || self.at(2) == 0xA9) {
            s.extend_from_slice(&self.b[self.pos..self.pos + 3]);
            self.pos += 3;
        } else {
            return;
        }
        self.mark.index += 1;
        self.mark.column = 0;
        self.mark.line += 1;
    }

    /// A line break at `k`.
    #[inline(always)]
    pub fn is_break(&self, k: usize) -> bool {
        match self.at(k) {
            b'\r' | b'\n' => true,
            0xC2 => self.at(k + 1) == 0x85,
            0xE2 => self.at(k + 1) == 0x80 && matches!(self.at(k + 2), 0xA8 | 0xA9),
            _ => false,
        }
    }

    /// A line break or the end at `k`.
    #[inline(always)]
    pub fn is_breakz(&self, k: usize) -> bool {
        self.at(k) == 0 || self.is_break(k)
    }

    /// A space or tab at `k`.
    #[inline(always)]
    pub fn is_blank(&self, k: usize) -> bool {
        matches!(self.at(k), b' ' | b'\t')
    }

    /// A space, tab, line break or the end at `k`.
    #[inline(always)]
    pub fn is_blankz(&self, k: usize) -> bool {
        matches!(self.at(k), b' ' | b'\t' | 0) || self.is_break(k)
    }

    /// yaml.v2's "alpha": ASCII letters, digits, `_` and `-`.
    #[inline(always)]
    pub fn is_alpha(&self, k: usize) -> bool {
        let c = self.at(k);
        c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
    }
}

/// The byte length of the character starting with `b` (0 for a continuation byte).
#[inline(always)]
pub(crate) fn width(b: u8) -> usize {
    if b & 0x80 == 0 {
        1
    } else if b & 0xE0 == 0xC0 {
        2
    } else if b & 0xF0 == 0xE0 {
        3
    } else if b & 0xF8 == 0xF0 {
        4
    } else {
        0
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Eight bytes as a little-endian word.
#[inline(always)]
fn word(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().expect("eight bytes"))
}

/// The number of characters in UTF-8 text.
#[inline]
pub(crate) fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

/// The length of the valid UTF-8 sequence at the start of `b` (whose first byte is
/// not ASCII), or `None`.
#[inline]
fn utf8_len(b: &[u8]) -> Option<usize> {
    let cont = |i: usize, lo: u8, hi: u8| b.get(i).is_some_and(|c| (lo..=hi).contains(c));
    let tail = |from: usize, to: usize| (from..to).all(|i| cont(i, 0x80, 0xBF));
    let ok = match b[0] {
        0xC2..=0xDF => tail(1, 2),
        0xE0 => cont(1, 0xA0, 0xBF) && tail(2, 3),
        0xED => cont(1, 0x80, 0x9F) && tail(2, 3),
        0xE1..=0xEF => tail(1, 3),
        0xF0 => cont(1, 0x90, 0xBF) && tail(2, 4),
        0xF4 => cont(1, 0x80, 0x8F) && tail(2, 4),
        0xF1..=0xF3 => tail(1, 4),
        _ => false,
    };
    ok.then(|| width(b[0]))
}

/// One pass over UTF-8 input: the byte offset of the first character yaml.v2's reader
/// refuses (a sequence that is not UTF-8; C0 controls but tab, LF and CR; DEL; C1
/// controls but NEL; U+FFFE and U+FFFF), or `usize::MAX`; and whether U+FEFF occurs.
fn survey(text: &[u8]) -> (usize, bool) {
    let mut feff = false;
    let mut i = 0;
    while i < text.len() {
        // Eight printable ASCII bytes at a time.
        if i + 8 <= text.len() {
            let x = word(&text[i..i + 8]);
            let low_or_high = (x | x.wrapping_sub(ONES * 0x20)) & (ONES * 0x80);
            let y = x ^ (ONES * 0x7F);
            let del = y.wrapping_sub(ONES) & !y & (ONES * 0x80);
            if low_or_high | del == 0 {
                i += 8;
                continue;
            }
        }
        let c = text[i];
        if (0x20..0x7F).contains(&c) || c == b'\n' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if c < 0x80 {
            return (i, feff);
        }
        match c {
            0xC2 => {
                let d = text.get(i + 1).copied().unwrap_or(0);
                if (0x80..0xA0).contains(&d) && d != 0x85 {
                    return (i, feff);
                }
            }
            0xEF => match (text.get(i + 1), text.get(i + 2)) {
                (Some(0xBF), Some(0xBE | 0xBF)) => return (i, feff),
                (Some(0xBB), Some(0xBF)) => feff = true,
                _ => {}
            },
            _ => {}
        }
        match utf8_len(&text[i..]) {
            Some(n) => i += n,
            None => return (i, feff),
        }
    }
    (usize::MAX, feff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disallowed_characters() {
        let first = |s: &[u8]| survey(s).0;
        assert_eq!(first(b"a: b\n\tc\r\n"), usize::MAX);
        assert_eq!(first(b"ab\x01"), 2);
        assert_eq!(first(b"a\x7f"), 1);
        assert_eq!(first("a\u{85}\u{a0}".as_bytes()), usize::MAX);
        assert_eq!(first("a\u{86}".as_bytes()), 1);
        assert_eq!(survey("\u{feff}\u{fffd}\u{fffe}".as_bytes()), (6, true));
        assert_eq!(survey(b"abc"), (usize::MAX, false));
        // Sequences that are not UTF-8, where Rust's validation stops.
        for bad in [
            &b"ab\xff"[..],
            b"ab\x80",
            b"ab\xc3(",
            b"ab\xe2\x82",
            b"ab\xc0\xaf",
            b"ab\xe0\x80\xaf",
            b"ab\xed\xa0\x80",
            b"ab\xf4\x90\x80\x80",
            b"ab\xf5\x80\x80\x80",
        ] {
            assert_eq!(first(bad), 2, "{bad:?}");
            assert_eq!(std::str::from_utf8(bad).unwrap_err().valid_up_to(), 2);
        }
        assert_eq!(
            first("é€😀\u{10FFFF}\u{D7FF}\u{E000}".as_bytes()),
            usize::MAX
        );
    }

    #[test]
    fn chunked_detection() {
        // The bad character sits in the second chunk: the first 512 bytes read clean.
        let mut text = vec![b'a'; 600];
        text[550] = 1;
        let source = Source::new(&text);
        let mut input = Input::new(&source);
        assert!(input.cache(4).is_ok());
        input.pos = 400;
        input.mark.index = 400;
        assert!(input.cache(4).is_ok());
        input.pos = 510;
        input.mark.index = 510;
        assert_eq!(input.cache(4), Err(CONTROL_CHARACTERS));
    }

    #[test]
    fn decoding_steps() {
        let step = |b: &[u8], eof| utf8_char(b, 0, b.len(), eof);
        assert_eq!(step(b"a", false), Step::Char(1, 0x61));
        assert_eq!(step(b"\xC3\xA9", false), Step::Char(2, 0xE9));
        assert_eq!(
            step(b"\xFF", false),
            Step::Refused("invalid leading UTF-8 octet")
        );
        assert_eq!(
            step(b"\x80", false),
            Step::Refused("invalid leading UTF-8 octet")
        );
        assert_eq!(step(b"\xE9\x0A", false), Step::More);
        assert_eq!(
            step(b"\xE9\x0A", true),
            Step::Refused("incomplete UTF-8 octet sequence")
        );
        assert_eq!(
            step(b"\xE9\x0Ab", true),
            Step::Refused("invalid trailing UTF-8 octet")
        );
        assert_eq!(
            step(b"\xC0\x80", true),
            Step::Refused("invalid length of a UTF-8 sequence")
        );
        assert_eq!(
            step(b"\xED\xA0\x80", true),
            Step::Refused("invalid Unicode character")
        );
        assert_eq!(
            step(b"\xF4\x90\x80\x80", true),
            Step::Refused("invalid Unicode character")
        );
        assert_eq!(
            step(b"\xEF\xBF\xBE", true),
            Step::Refused(CONTROL_CHARACTERS)
        );
        let le = |b: &[u8], eof| utf16_char(b, Encoding::Utf16Le, 0, b.len(), eof);
        assert_eq!(le(b"a\0", true), Step::Char(2, 0x61));
        assert_eq!(le(b"a", false), Step::More);
        assert_eq!(le(b"a", true), Step::Refused("incomplete UTF-16 character"));
        assert_eq!(
            le(b"\x00\xDC", true),
            Step::Refused("unexpected low surrogate area")
        );
        assert_eq!(
            le(b"\x3D\xD8\x00", true),
            Step::Refused("incomplete UTF-16 surrogate pair")
        );
        assert_eq!(
            le(b"\x3D\xD8a\0", true),
            Step::Refused("expected low surrogate area")
        );
        assert_eq!(le(b"\x3D\xD8\x00\xDE", true), Step::Char(4, 0x1F600));
        let be = utf16_char(b"\0\x01", Encoding::Utf16Be, 0, 2, true);
        assert_eq!(be, Step::Refused(CONTROL_CHARACTERS));
    }

    #[test]
    fn sources() {
        let s = Source::new(b"\xFF\xFEa\0:\0 \0\x3D\xD8\x00\xDE\n\0\x00\xDC");
        assert_eq!(s.text(), "a: \u{1F600}\n".as_bytes());
        assert!(s.slow);
        let s = Source::new(b"\xEF\xBB\xBFa: \xFF");
        assert_eq!((s.start, s.fault, s.slow), (3, 6, true));
        let s = Source::new(b"a: b");
        assert_eq!((s.start, s.fault, s.slow), (0, usize::MAX, false));
    }

    #[test]
    fn incomplete_only_at_the_end() {
        // A two-byte character cut by the first chunk's end waits for the next chunk.
        let mut text = vec![b'a'; 511];
        text.extend_from_slice("é".as_bytes());
        text.push(0xFF);
        let source = Source::new(&text);
        let mut input = Input::new(&source);
        assert!(input.cache(1).is_ok());
        input.pos = 509;
        input.mark.index = 509;
        assert!(input.cache(2).is_ok());
        assert_eq!(input.cache(3), Err("invalid leading UTF-8 octet"));
    }
}
