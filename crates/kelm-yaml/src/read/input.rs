//! The scanner's view of the input: bytes, the current position and mark, and an
//! emulation of yaml.v2's buffered reader where it is observable.
//!
//! yaml.v2 does not see the whole input at once. It decodes and checks the text in
//! 512-byte raw chunks, only when the scanner asks for characters it has not decoded
//! yet. Two things depend on that:
//!
//! - a disallowed character (a control character, U+FFFE, U+FFFF) is reported when
//!   the chunk holding it is decoded, which may be before the scanner reaches it (so
//!   it can win over a syntax error a few lines earlier) or never (when the first
//!   document ends in an earlier chunk);
//! - its byte-order-mark check looks at the first character of its decode buffer,
//!   wherever that buffer happens to start, not at the current character.
//!
//! Ordinary input has neither a disallowed character nor a U+FEFF after the start, and
//! then none of this is tracked: [`Input::cache`] returns at once.

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

/// The emulated state of yaml.v2's decode buffer (only kept for unusual input).
#[derive(Debug)]
struct Buffered {
    /// Byte offset of the first disallowed character, or `usize::MAX`.
    bad: usize,
    /// Raw bytes read so far (end offset in the input).
    raw_end: usize,
    /// Bytes decoded so far (a character boundary).
    decoded: usize,
    /// Characters decoded so far.
    decoded_chars: usize,
    /// The raw reader has reported the end of the input.
    eof: bool,
    /// NULs counted as unread after the end.
    nuls: usize,
    /// Byte offset of the first character in the decode buffer.
    buf_start: usize,
    /// Whether anything was decoded yet (the first call sniffs the encoding).
    started: bool,
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
    /// Where the text starts (after a byte-order mark).
    start: usize,
    slow: Option<Box<Buffered>>,
}

impl<'a> Input<'a> {
    /// Prepares to read `text` (yaml.v2 reads an empty input as a single newline).
    pub fn new(text: &'a [u8]) -> Input<'a> {
        let start = if text.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let (bad, feff) = survey(&text[start..]);
        let bad = if bad == usize::MAX { bad } else { bad + start };
        let slow = (bad != usize::MAX || feff).then(|| {
            Box::new(Buffered {
                bad,
                raw_end: 0,
                decoded: start,
                decoded_chars: 0,
                eof: false,
                nuls: 0,
                buf_start: start,
                started: false,
            })
        });
        Input {
            b: text,
            pos: start,
            mark: Mark::default(),
            start,
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
        let len = self.b.len();
        let start = self.start;
        let b = self.b;
        let st = self.slow.as_mut().expect("slow input");
        let unread = |st: &Buffered| (st.decoded_chars + st.nuls).saturating_sub(index);
        if st.started && unread(st) >= n {
            return Ok(());
        }
        if !st.started {
            // The encoding sniff reads until three bytes are there or the input ends.
            st.started = true;
            st.raw_end = RAW_CHUNK.min(len);
            if len < 3 {
                st.eof = true;
            }
            st.decoded = start;
        }
        st.buf_start = pos;
        let mut first = true;
        while unread(st) < n {
            // Read more raw bytes (the first round decodes what is there).
            if (!first || st.decoded == st.raw_end) && !st.eof {
                if st.raw_end == len {
                    st.eof = true;
                } else {
                    st.raw_end = (st.decoded + RAW_CHUNK).min(len);
                }
            }
            first = false;
            // Decode every whole character read so far.
            let mut end = st.raw_end;
            while end > st.decoded && end < len && (b[end] & 0xC0) == 0x80 {
                end -= 1;
            }
            if st.bad >= st.decoded && st.bad < end {
                return Err(CONTROL_CHARACTERS);
            }
            st.decoded_chars += count_chars(&b[st.decoded..end]);
            st.decoded = end;
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

/// One pass over the text: the byte offset of the first character yaml.v2's reader
/// refuses (C0 controls but tab, LF and CR; DEL; C1 controls but NEL; U+FFFE and
/// U+FFFF), or `usize::MAX`; and whether U+FEFF occurs.
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
        i += width(c).max(1);
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
    }

    #[test]
    fn chunked_detection() {
        // The bad character sits in the second chunk: the first 512 bytes read clean.
        let mut text = vec![b'a'; 600];
        text[550] = 1;
        let mut input = Input::new(&text);
        assert!(input.cache(4).is_ok());
        input.pos = 400;
        input.mark.index = 400;
        assert!(input.cache(4).is_ok());
        input.pos = 510;
        input.mark.index = 510;
        assert_eq!(input.cache(4), Err(CONTROL_CHARACTERS));
    }
}
