//! Encodings: `b64enc`, `b64dec`, `b32enc`, `b32dec`, with Go's standard (padded)
//! alphabets. Decoding follows Go's `encoding/base64` and `encoding/base32`: newlines
//! are skipped, padding is required, and a failure yields the error's text
//! (`illegal base64 data at input byte 4`) as the result, as Sprig returns it.

use kelm_gotmpl::{Function, Value};

use crate::conv::{STRING, arg_str, bytes_to_string, func};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

pub(crate) fn b64_encode(src: &[u8]) -> String {
    let mut out = String::with_capacity(src.len().div_ceil(3) * 4);
    for chunk in src.chunks(3) {
        let v = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[(v >> (18 - 6 * i) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    B64.iter().position(|&x| x == c).map(|p| p as u8)
}

/// Go's `CorruptInputError(n).Error()` for base64.
fn b64_error(at: usize) -> String {
    format!("illegal base64 data at input byte {at}")
}

/// Go's `base64.StdEncoding.DecodeString`.
fn b64_decode(src: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0;
    while si < src.len() {
        // One quantum of up to four characters.
        let mut dbuf = [0u8; 4];
        let mut dlen = 4;
        let mut trailing_error = None;
        let mut j = 0;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return Ok(out);
                }
                return Err(b64_error(si - j));
            }
            let c = src[si];
            si += 1;
            if let Some(v) = b64_value(c) {
                dbuf[j] = v;
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if c != b'=' {
                return Err(b64_error(si - 1));
            }
            match j {
                0 | 1 => return Err(b64_error(si - 1)),
                2 => {
                    while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                        si += 1;
                    }
                    if si == src.len() {
                        return Err(b64_error(src.len()));
                    }
                    if src[si] != b'=' {
                        return Err(b64_error(si - 1));
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                si += 1;
            }
            if si < src.len() {
                trailing_error = Some(b64_error(si));
            }
            dlen = j;
            break;
        }
        let val = u32::from(dbuf[0]) << 18
            | u32::from(dbuf[1]) << 12
            | u32::from(dbuf[2]) << 6
            | u32::from(dbuf[3]);
        let bytes = [(val >> 16) as u8, (val >> 8) as u8, val as u8];
        out.extend_from_slice(&bytes[..dlen - 1]);
        if let Some(e) = trailing_error {
            return Err(e);
        }
    }
    Ok(out)
}

fn b32_encode(src: &[u8]) -> String {
    let mut out = String::with_capacity(src.len().div_ceil(5) * 8);
    for chunk in src.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let v = buf.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
        // Characters carrying data: 2, 4, 5, 7 or 8 for 1 to 5 bytes.
        let used = [0, 2, 4, 5, 7, 8][chunk.len()];
        for i in 0..8 {
            if i < used {
                out.push(char::from(B32[(v >> (35 - 5 * i) & 0x1f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base32.StdEncoding.DecodeString`.
fn b32_decode(s: &[u8]) -> Result<Vec<u8>, String> {
    let src: Vec<u8> = s
        .iter()
        .copied()
        .filter(|&b| b != b'\r' && b != b'\n')
        .collect();
    let err = |at: usize| format!("illegal base32 data at input byte {at}");
    let olen = src.len();
    let mut rest = &src[..];
    let mut out = Vec::with_capacity(olen / 8 * 5);
    let mut end = false;
    while !rest.is_empty() && !end {
        let mut dbuf = [0u8; 8];
        let mut dlen = 8;
        let mut j = 0;
        while j < 8 {
            if rest.is_empty() {
                return Err(err(olen - j));
            }
            let c = rest[0];
            rest = &rest[1..];
            if c == b'=' && j >= 2 && rest.len() < 8 {
                if rest.len() + j < 7 {
                    return Err(err(olen));
                }
                for k in 0..7 - j {
                    if rest.len() > k && rest[k] != b'=' {
                        return Err(err(olen - rest.len() + k - 1));
                    }
                }
                dlen = j;
                end = true;
                if matches!(dlen, 1 | 3 | 6) {
                    return Err(err(olen - rest.len() - 1));
                }
                break;
            }
            match B32.iter().position(|&x| x == c) {
                Some(v) => dbuf[j] = v as u8,
                None => return Err(err(olen - rest.len() - 1)),
            }
            j += 1;
        }
        let v = dbuf.iter().fold(0u64, |acc, &b| acc << 5 | u64::from(b));
        let bytes = v.to_be_bytes();
        let n = match dlen {
            8 => 5,
            7 => 4,
            5 => 3,
            4 => 2,
            2 => 1,
            _ => 0,
        };
        out.extend_from_slice(&bytes[3..3 + n]);
    }
    Ok(out)
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let decoded = |r: Result<Vec<u8>, String>| match r {
        Ok(b) => Ok(Value::from(bytes_to_string(&b))),
        Err(e) => Ok(Value::from(e)),
    };
    vec![
        func("b64enc", vec![STRING], STRING, |a| {
            Ok(b64_encode(arg_str(&a[0]).as_bytes()).into())
        }),
        func("b64dec", vec![STRING], STRING, move |a| {
            decoded(b64_decode(arg_str(&a[0]).as_bytes()))
        }),
        func("b32enc", vec![STRING], STRING, |a| {
            Ok(b32_encode(arg_str(&a[0]).as_bytes()).into())
        }),
        func("b32dec", vec![STRING], STRING, move |a| {
            decoded(b32_decode(arg_str(&a[0]).as_bytes()))
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        // RFC 4648 section 10, which Go's encoding tests use.
        for (plain, b64, b32) in [
            ("", "", ""),
            ("f", "Zg==", "MY======"),
            ("fo", "Zm8=", "MZXQ===="),
            ("foo", "Zm9v", "MZXW6==="),
            ("foob", "Zm9vYg==", "MZXW6YQ="),
            ("fooba", "Zm9vYmE=", "MZXW6YTB"),
            ("foobar", "Zm9vYmFy", "MZXW6YTBOI======"),
        ] {
            assert_eq!(b64_encode(plain.as_bytes()), b64);
            assert_eq!(b32_encode(plain.as_bytes()), b32);
            assert_eq!(b64_decode(b64.as_bytes()).unwrap(), plain.as_bytes());
            assert_eq!(b32_decode(b32.as_bytes()).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn errors_like_helm() {
        // Helm 4.1.4 renders of b64dec and b32dec.
        let e64 = |s: &str| b64_decode(s.as_bytes()).unwrap_err();
        assert_eq!(e64("aGVsbG8"), "illegal base64 data at input byte 4");
        assert_eq!(e64("a!"), "illegal base64 data at input byte 1");
        assert_eq!(e64("="), "illegal base64 data at input byte 0");
        assert_eq!(e64("aGVsbG8=x"), "illegal base64 data at input byte 8");
        assert_eq!(b64_decode(b"aGVs\nbG8=").unwrap(), b"hello");
        let e32 = |s: &str| b32_decode(s.as_bytes()).unwrap_err();
        assert_eq!(e32("NBSWY3D"), "illegal base32 data at input byte 0");
        assert_eq!(e32("nbswy3dp"), "illegal base32 data at input byte 0");
    }
}
