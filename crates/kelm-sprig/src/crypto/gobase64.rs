//! Go's `base64.StdEncoding`: padded, non-strict decoding that skips `\r` and `\n`,
//! failing with `illegal base64 data at input byte N` at the offset Go reports.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn decode_byte(b: u8) -> Option<u8> {
    match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Go's `CorruptInputError`: the offset of the first bad input byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CorruptInput(pub usize);

impl std::fmt::Display for CorruptInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "illegal base64 data at input byte {}", self.0)
    }
}

/// `base64.StdEncoding.EncodeToString`.
pub(crate) fn encode(src: &[u8]) -> String {
    let mut out = String::with_capacity(src.len().div_ceil(3) * 4);
    for chunk in src.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(v >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `base64.StdEncoding.DecodeString`, one four-character quantum at a time as Go's
/// `decodeQuantum` goes (its fast paths decode the same way).
pub(crate) fn decode(src: &[u8]) -> Result<Vec<u8>, CorruptInput> {
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0;
    while si < src.len() {
        let mut buf = [0u8; 4];
        let mut dlen = 4;
        let mut j = 0;
        let mut trailing_err = None;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return Ok(out);
                }
                return Err(CorruptInput(si - j));
            }
            let c = src[si];
            si += 1;
            if let Some(v) = decode_byte(c) {
                buf[j] = v;
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if c != b'=' {
                return Err(CorruptInput(si - 1));
            }
            match j {
                0 | 1 => return Err(CorruptInput(si - 1)),
                2 => {
                    while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                        si += 1;
                    }
                    if si == src.len() {
                        return Err(CorruptInput(src.len()));
                    }
                    if src[si] != b'=' {
                        return Err(CorruptInput(si - 1));
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                si += 1;
            }
            if si < src.len() {
                trailing_err = Some(CorruptInput(si));
            }
            dlen = j;
            break;
        }
        let v = u32::from(buf[0]) << 18
            | u32::from(buf[1]) << 12
            | u32::from(buf[2]) << 6
            | u32::from(buf[3]);
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        out.extend_from_slice(&bytes[..dlen - 1]);
        if let Some(e) = trailing_err {
            return Err(e);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Offsets below were recorded from Go 1.25's base64.StdEncoding.DecodeString.
    #[test]
    fn decodes_and_fails_like_go() {
        assert_eq!(decode(b"aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode(b"aGVs\r\nbG8=\n").unwrap(), b"hello");
        assert_eq!(decode(b"").unwrap(), b"");
        assert_eq!(decode(b"aGVsbG8").unwrap_err(), CorruptInput(4));
        assert_eq!(decode(b"aGVsbG8=x").unwrap_err(), CorruptInput(8));
        assert_eq!(decode(b"a").unwrap_err(), CorruptInput(0));
        assert_eq!(decode(b"ab=").unwrap_err(), CorruptInput(3));
        assert_eq!(decode(b"ab=c").unwrap_err(), CorruptInput(2));
        assert_eq!(decode(b"abc!").unwrap_err(), CorruptInput(3));
        assert_eq!(decode(b"=abc").unwrap_err(), CorruptInput(0));
    }

    #[test]
    fn encodes() {
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"h"), "aA==");
        assert_eq!(encode(b"he"), "aGU=");
        assert_eq!(encode(b"hello"), "aGVsbG8=");
    }
}
