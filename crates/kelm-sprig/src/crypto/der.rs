//! A small DER writer and reader: just what keys and certificates need, encoding exactly
//! as Go's `encoding/asn1` and `crypto/x509` do (minimal lengths and integers).

/// Universal tags used here.
pub(crate) const BOOLEAN: u8 = 0x01;
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const BIT_STRING: u8 = 0x03;
pub(crate) const OCTET_STRING: u8 = 0x04;
pub(crate) const NULL: u8 = 0x05;
pub(crate) const OID: u8 = 0x06;
pub(crate) const UTF8_STRING: u8 = 0x0c;
pub(crate) const PRINTABLE_STRING: u8 = 0x13;
pub(crate) const UTC_TIME: u8 = 0x17;
pub(crate) const GENERALIZED_TIME: u8 = 0x18;
pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const SET: u8 = 0x31;

/// Appends a tag-length-value with a definite, minimal length.
pub(crate) fn push_tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes = n.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
}

/// A tag-length-value as a new vector.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    push_tlv(&mut out, tag, content);
    out
}

/// A SEQUENCE of already-encoded elements.
pub(crate) fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(SEQUENCE, &parts.concat())
}

/// The INTEGER content of a non-negative big-endian magnitude (minimal, with a leading
/// zero when the top bit is set, `0` for an empty or all-zero magnitude).
pub(crate) fn uint_content(magnitude: &[u8]) -> Vec<u8> {
    let skip = magnitude.iter().take_while(|b| **b == 0).count();
    let m = &magnitude[skip..];
    if m.is_empty() {
        return vec![0];
    }
    let mut out = Vec::with_capacity(m.len() + 1);
    if m[0] & 0x80 != 0 {
        out.push(0);
    }
    out.extend_from_slice(m);
    out
}

/// An INTEGER from a non-negative big-endian magnitude.
pub(crate) fn uint(magnitude: &[u8]) -> Vec<u8> {
    tlv(INTEGER, &uint_content(magnitude))
}

/// An INTEGER from a small non-negative number.
pub(crate) fn small_uint(v: u64) -> Vec<u8> {
    uint(&v.to_be_bytes())
}

/// A BIT STRING of whole bytes.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(BIT_STRING, &content)
}

/// An OBJECT IDENTIFIER from its arcs.
pub(crate) fn oid(arcs: &[u64]) -> Vec<u8> {
    let mut content = Vec::new();
    let mut push_base128 = |mut v: u64| {
        let mut tmp = vec![(v & 0x7f) as u8];
        v >>= 7;
        while v > 0 {
            tmp.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        tmp.reverse();
        content.extend_from_slice(&tmp);
    };
    push_base128(arcs[0] * 40 + arcs[1]);
    for a in &arcs[2..] {
        push_base128(*a);
    }
    tlv(OID, &content)
}

/// A strict DER reader over a byte string (Go's `cryptobyte` rules: single-byte tags,
/// definite minimal lengths).
#[derive(Clone, Copy)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
}

/// One element read: its tag, its content and its whole encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Element<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub full: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub(crate) fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data }
    }

    /// Whether everything was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The tag of the next element, if any.
    pub(crate) fn peek_tag(&self) -> Option<u8> {
        self.data.first().copied()
    }

    /// Reads any element.
    pub(crate) fn read_any(&mut self) -> Option<Element<'a>> {
        let d = self.data;
        if d.len() < 2 {
            return None;
        }
        let tag = d[0];
        if tag & 0x1f == 0x1f {
            return None;
        }
        let (len, header) = if d[1] & 0x80 == 0 {
            (usize::from(d[1]), 2)
        } else {
            let n = usize::from(d[1] & 0x7f);
            if n == 0 || n > 4 || d.len() < 2 + n {
                return None;
            }
            let mut len = 0usize;
            for b in &d[2..2 + n] {
                len = (len << 8) | usize::from(*b);
            }
            // Minimal: no leading zero byte, and long form only from 128 on.
            if d[2] == 0 || len < 0x80 {
                return None;
            }
            (len, 2 + n)
        };
        if d.len() - header < len {
            return None;
        }
        let full = &d[..header + len];
        self.data = &d[header + len..];
        Some(Element {
            tag,
            content: &full[header..],
            full,
        })
    }

    /// Reads an element that must have tag `tag`.
    pub(crate) fn read(&mut self, tag: u8) -> Option<Element<'a>> {
        if self.peek_tag() != Some(tag) {
            return None;
        }
        self.read_any()
    }

    /// Reads an optional element with tag `tag`: `Some(None)` when the next element has
    /// another tag, `None` when it is malformed.
    pub(crate) fn read_optional(&mut self, tag: u8) -> Option<Option<Element<'a>>> {
        if self.peek_tag() != Some(tag) {
            return Some(None);
        }
        self.read_any().map(Some)
    }
}

/// Checks an INTEGER's content is minimally encoded (Go rejects other encodings).
pub(crate) fn valid_integer(content: &[u8]) -> bool {
    match content {
        [] => false,
        [0, b, ..] if b & 0x80 == 0 => false,
        [0xff, b, ..] if b & 0x80 != 0 => false,
        _ => true,
    }
}

/// The magnitude of a non-negative INTEGER's content, without leading zeros; `None`
/// when negative.
pub(crate) fn uint_magnitude(content: &[u8]) -> Option<&[u8]> {
    if content.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    let skip = content.iter().take_while(|b| **b == 0).count();
    Some(&content[skip..])
}

/// Whether an INTEGER's content is greater than zero.
pub(crate) fn is_positive(content: &[u8]) -> bool {
    uint_magnitude(content).is_some_and(|m| !m.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_go() {
        assert_eq!(small_uint(0), [2, 1, 0]);
        assert_eq!(small_uint(128), [2, 2, 0, 128]);
        assert_eq!(small_uint(65537), [2, 3, 1, 0, 1]);
        assert_eq!(
            oid(&[1, 2, 840, 113549, 1, 1, 11]),
            [6, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 11]
        );
        let long = tlv(OCTET_STRING, &[0; 300]);
        assert_eq!(&long[..4], [4, 0x82, 1, 44]);
        let mut r = Reader::new(&long);
        let e = r.read(OCTET_STRING).unwrap();
        assert_eq!(e.content.len(), 300);
        assert!(r.is_empty());
    }

    #[test]
    fn rejects_non_minimal_lengths() {
        assert!(Reader::new(&[4, 0x81, 1, 0]).read_any().is_none());
        assert!(Reader::new(&[4, 0x82, 0, 0x80]).read_any().is_none());
        assert!(Reader::new(&[4, 3, 0]).read_any().is_none());
    }
}
