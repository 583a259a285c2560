//! Go's `encoding/pem`: `EncodeToMemory` (64-column base64, no headers here) and
//! `Decode`, which finds the first well-formed block anywhere in its input.

use super::gobase64;

/// A decoded PEM block (headers are parsed past but not kept: Sprig never reads them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: String,
    pub bytes: Vec<u8>,
}

/// `pem.EncodeToMemory` of a block without headers.
pub(crate) fn encode(kind: &str, bytes: &[u8]) -> String {
    let b64 = gobase64::encode(bytes);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 2 * kind.len() + 32);
    out.push_str("-----BEGIN ");
    out.push_str(kind);
    out.push_str("-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        // The alphabet is ASCII.
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(kind);
    out.push_str("-----\n");
    out
}

/// Go's `getLine`: the line without its `\n` (and a `\r` before it) and trailing spaces
/// and tabs, the rest, and how many bytes were consumed.
fn get_line(data: &[u8]) -> (&[u8], &[u8], usize) {
    let (mut i, j) = match data.iter().position(|b| *b == b'\n') {
        None => (data.len(), data.len()),
        Some(i) => (i, i + 1),
    };
    if j > i && i > 0 && data[i - 1] == b'\r' {
        i -= 1;
    }
    let mut line = &data[..i];
    while let [rest @ .., b' ' | b'\t'] = line {
        line = rest;
    }
    (line, &data[j..], j)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `pem.Decode`: the first block, or `None` when there is none.
///
/// Follows Go 1.25's search: find an END line, take the last BEGIN line before it,
/// and when anything about the candidate is wrong, go on searching after that END.
pub(crate) fn decode(data: &[u8]) -> Option<Block> {
    const START: &[u8] = b"-----BEGIN ";
    const END: &[u8] = b"\n-----END ";
    const EOL: &[u8] = b"-----";

    let mut rest: &[u8] = data;
    let mut end_trailer_index: isize = 0;
    loop {
        if end_trailer_index < 0 || end_trailer_index as usize > rest.len() {
            return None;
        }
        rest = &rest[end_trailer_index as usize..];
        let mut end_index = find(rest, END)? as isize;
        end_trailer_index = end_index + END.len() as isize;
        let begin_index = match rfind(&rest[..end_index as usize], START) {
            Some(b) if b == 0 || rest[b - 1] == b'\n' => b,
            _ => continue,
        };
        let skip = (begin_index + START.len()) as isize;
        rest = &rest[skip as usize..];
        end_index -= skip;
        end_trailer_index -= skip;

        let (type_line, after, consumed) = get_line(rest);
        rest = after;
        end_index -= consumed as isize;
        end_trailer_index -= consumed as isize;
        let Some(type_line) = type_line.strip_suffix(EOL) else {
            continue;
        };

        let mut has_headers = false;
        let mut truncated = false;
        loop {
            if rest.is_empty() {
                truncated = true;
                break;
            }
            let (line, next, consumed) = get_line(rest);
            // A header line (`Key: value`); Sprig never reads headers.
            if !line.contains(&b':') {
                break;
            }
            has_headers = true;
            rest = next;
            end_index -= consumed as isize;
            end_trailer_index -= consumed as isize;
        }
        if truncated {
            return None;
        }
        if has_headers && end_index < 0 {
            continue;
        }

        if end_trailer_index < 0 || end_trailer_index as usize > rest.len() {
            // Go would slice out of range here only in states the checks above exclude.
            continue;
        }
        let end_trailer = &rest[end_trailer_index as usize..];
        let end_trailer_len = type_line.len() + EOL.len();
        if end_trailer.len() < end_trailer_len {
            continue;
        }
        let rest_of_end_line = &end_trailer[end_trailer_len..];
        let end_trailer = &end_trailer[..end_trailer_len];
        if !end_trailer.starts_with(type_line) || !end_trailer.ends_with(EOL) {
            continue;
        }
        if !get_line(rest_of_end_line).0.is_empty() {
            continue;
        }

        let mut bytes = Vec::new();
        if end_index > 0 {
            let b64: Vec<u8> = rest[..end_index as usize]
                .iter()
                .copied()
                .filter(|b| *b != b' ' && *b != b'\t')
                .collect();
            match gobase64::decode(&b64) {
                Ok(b) => bytes = b,
                Err(_) => continue,
            }
        }
        return Some(Block {
            kind: String::from_utf8_lossy(type_line).into_owned(),
            bytes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let data: Vec<u8> = (0..=255).collect();
        let text = encode("TEST", &data);
        assert!(text.starts_with("-----BEGIN TEST-----\n"));
        assert!(text.ends_with("\n-----END TEST-----\n"));
        assert!(text.lines().all(|l| l.len() <= 64));
        let b = decode(text.as_bytes()).unwrap();
        assert_eq!(b.kind, "TEST");
        assert_eq!(b.bytes, data);
    }

    #[test]
    fn finds_blocks_like_go() {
        let b = decode(b"junk\n-----BEGIN A-----\nAAEC\n-----END A-----\ntrailer").unwrap();
        assert_eq!(
            (b.kind.as_str(), b.bytes.as_slice()),
            ("A", &[0u8, 1, 2][..])
        );
        let b = decode(b"-----BEGIN A-----\n-----END A-----").unwrap();
        assert!(b.bytes.is_empty());
        let b = decode(b"-----BEGIN A-----\nk: v\n\nAAEC\n-----END A-----\n").unwrap();
        assert_eq!(b.bytes, [0, 1, 2]);
        // A mismatched END, bad base64 or text after the END marker skip the candidate.
        assert!(decode(b"-----BEGIN A-----\nAAEC\n-----END B-----\n").is_none());
        assert!(decode(b"-----BEGIN A-----\nAA!C\n-----END A-----\n").is_none());
        assert!(decode(b"-----BEGIN A-----\nAAEC\n-----END A----- x\n").is_none());
        assert!(decode(b"no pem here").is_none());
        let two =
            b"-----BEGIN A-----\nAA!C\n-----END A-----\n-----BEGIN B-----\nAAEC\n-----END B-----\n";
        assert_eq!(decode(two).unwrap().kind, "B");
    }
}
