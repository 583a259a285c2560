//! Go's `encoding/asn1.Unmarshal` for the few structures Sprig's key parsing uses, so
//! malformed keys fail with Go's messages (`asn1: syntax error: sequence truncated`,
//! `asn1: structure error: tags don't match (16 vs {class:1 tag:8 ...}) ... @2`).
//!
//! Go reads leniently where DER is strict: elements after a structure's last field and
//! bytes after the outer value are ignored (callers decide about the latter), and
//! optional fields that do not match are skipped.

/// Go's `tagAndLength`.
#[derive(Debug, Clone, Copy)]
struct TagLen {
    class: u8,
    tag: u32,
    length: usize,
    compound: bool,
}

const DEFAULT_PARAMS: &str = "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";

fn syntax(msg: &str) -> String {
    format!("asn1: syntax error: {msg}")
}

fn structural(msg: &str) -> String {
    format!("asn1: structure error: {msg}")
}

/// The Go types the key structures are made of.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// `int` (64 bits).
    Int,
    /// `*big.Int`.
    BigInt,
    /// `[]byte` (OCTET STRING).
    Bytes,
    /// `asn1.ObjectIdentifier`.
    Oid,
    /// `asn1.BitString`.
    BitString,
    /// `asn1.RawValue`: anything.
    Raw,
    /// A struct type, by name, with its fields.
    Struct(&'static str, &'static [Field]),
    /// A slice of structs (`SEQUENCE OF`), checked as a sequence only.
    SeqOf,
}

/// A struct field: its type, and its `asn1:"optional"` / `explicit,tag:N` options.
#[derive(Clone, Copy)]
pub(crate) struct Field {
    pub kind: Kind,
    pub optional: bool,
    pub explicit: Option<u32>,
}

const fn f(kind: Kind) -> Field {
    Field {
        kind,
        optional: false,
        explicit: None,
    }
}

const fn opt(kind: Kind) -> Field {
    Field {
        kind,
        optional: true,
        explicit: None,
    }
}

const fn opt_explicit(kind: Kind, tag: u32) -> Field {
    Field {
        kind,
        optional: true,
        explicit: Some(tag),
    }
}

/// Go's `pkcs1PrivateKey`.
pub(crate) const PKCS1: Kind = Kind::Struct(
    "pkcs1PrivateKey",
    &[
        f(Kind::Int),
        f(Kind::BigInt),
        f(Kind::Int),
        f(Kind::BigInt),
        f(Kind::BigInt),
        f(Kind::BigInt),
        opt(Kind::BigInt),
        opt(Kind::BigInt),
        opt(Kind::BigInt),
        opt(Kind::SeqOf),
    ],
);

/// Go's `ecPrivateKey`.
pub(crate) const EC: Kind = Kind::Struct(
    "ecPrivateKey",
    &[
        f(Kind::Int),
        f(Kind::Bytes),
        opt_explicit(Kind::Oid, 0),
        opt_explicit(Kind::BitString, 1),
    ],
);

/// `pkix.AlgorithmIdentifier`.
const ALGORITHM_IDENTIFIER: Kind =
    Kind::Struct("AlgorithmIdentifier", &[f(Kind::Oid), opt(Kind::Raw)]);

/// Go's `pkcs8`.
pub(crate) const PKCS8: Kind = Kind::Struct(
    "pkcs8",
    &[f(Kind::Int), f(ALGORITHM_IDENTIFIER), f(Kind::Bytes)],
);

/// Sprig's `DSAKeyFormat`.
pub(crate) const DSA: Kind = Kind::Struct(
    "DSAKeyFormat",
    &[
        f(Kind::Int),
        f(Kind::BigInt),
        f(Kind::BigInt),
        f(Kind::BigInt),
        f(Kind::BigInt),
        f(Kind::BigInt),
    ],
);

/// The leaf fields [`unmarshal`] read, in order.
pub(crate) type Leaves<'a> = Vec<Option<&'a [u8]>>;

/// Go's `asn1.Unmarshal` into `kind`: the leaf fields in order (INTEGER, OCTET STRING,
/// OID and BIT STRING contents; a raw value's whole encoding; `None` for optional
/// fields absent) and the bytes after the value.
pub(crate) fn unmarshal(data: &[u8], kind: Kind) -> Result<(Leaves<'_>, &[u8]), String> {
    let mut out = Vec::new();
    let field = f(kind);
    let end = parse_field(data, 0, &field, &mut out)?;
    Ok((out, &data[end..]))
}

/// Pushes `None` for every leaf of a field that took its default.
fn push_defaults(kind: Kind, out: &mut Vec<Option<&[u8]>>) {
    match kind {
        Kind::Struct(_, fields) => fields.iter().for_each(|f| push_defaults(f.kind, out)),
        _ => out.push(None),
    }
}

fn parse_tag_and_length(b: &[u8], mut off: usize) -> Result<(TagLen, usize), String> {
    if off >= b.len() {
        return Err("asn1: internal error in parseTagAndLength".into());
    }
    let first = b[off];
    off += 1;
    let mut t = TagLen {
        class: first >> 6,
        tag: u32::from(first & 0x1f),
        length: 0,
        compound: first & 0x20 != 0,
    };
    if t.tag == 0x1f {
        let (tag, o) = parse_base128(b, off)?;
        off = o;
        if tag < 0x1f {
            return Err(syntax("non-minimal tag"));
        }
        t.tag = tag;
    }
    if off >= b.len() {
        return Err(syntax("truncated tag or length"));
    }
    let l = b[off];
    off += 1;
    if l & 0x80 == 0 {
        t.length = usize::from(l & 0x7f);
    } else {
        let n = usize::from(l & 0x7f);
        if n == 0 {
            return Err(syntax("indefinite length found (not DER)"));
        }
        for _ in 0..n {
            if off >= b.len() {
                return Err(syntax("truncated tag or length"));
            }
            let x = b[off];
            off += 1;
            if t.length >= 1 << 23 {
                return Err(structural("length too large"));
            }
            t.length = (t.length << 8) | usize::from(x);
            if t.length == 0 {
                return Err(structural("superfluous leading zeros in length"));
            }
        }
        if t.length < 0x80 {
            return Err(structural("non-minimal length"));
        }
    }
    Ok((t, off))
}

fn parse_base128(b: &[u8], mut off: usize) -> Result<(u32, usize), String> {
    let mut v: i64 = 0;
    let mut shifted = 0;
    while off < b.len() {
        if shifted == 5 {
            return Err(structural("base 128 integer too large"));
        }
        let x = b[off];
        if shifted == 0 && x == 0x80 {
            return Err(syntax("integer is not minimally encoded"));
        }
        v = (v << 7) | i64::from(x & 0x7f);
        off += 1;
        if x & 0x80 == 0 {
            if v > i64::from(i32::MAX) {
                return Err(structural("base 128 integer too large"));
            }
            return Ok((v as u32, off));
        }
        shifted += 1;
    }
    Err(syntax("truncated base 128 integer"))
}

fn check_integer(b: &[u8]) -> Result<(), String> {
    match b {
        [] => Err(structural("empty integer")),
        [0, x, ..] if x & 0x80 == 0 => Err(structural("integer not minimally-encoded")),
        [0xff, x, ..] if x & 0x80 != 0 => Err(structural("integer not minimally-encoded")),
        _ => Ok(()),
    }
}

fn check_oid(b: &[u8]) -> Result<(), String> {
    if b.is_empty() {
        return Err(syntax("zero length OBJECT IDENTIFIER"));
    }
    let mut off = 0;
    while off < b.len() {
        off = parse_base128(b, off)?.1;
    }
    Ok(())
}

fn check_bit_string(b: &[u8]) -> Result<(), String> {
    let Some(&pad) = b.first() else {
        return Err(syntax("zero length BIT STRING"));
    };
    if pad > 7 || (b.len() == 1 && pad > 0) || b[b.len() - 1] & ((1u8 << pad) - 1) != 0 {
        return Err(syntax("invalid padding bits in BIT STRING"));
    }
    Ok(())
}

/// Go's `getUniversalType`: (match any, tag, compound) and the type's `Name()`.
fn universal(kind: Kind) -> (bool, u32, bool, &'static str) {
    match kind {
        Kind::Int => (false, 2, false, "int"),
        Kind::BigInt => (false, 2, false, ""),
        Kind::Bytes => (false, 4, false, ""),
        Kind::Oid => (false, 6, false, "ObjectIdentifier"),
        Kind::BitString => (false, 3, false, "BitString"),
        Kind::Raw => (true, 0, false, "RawValue"),
        Kind::Struct(name, _) => (false, 16, true, name),
        Kind::SeqOf => (false, 16, true, ""),
    }
}

fn parse_field<'a>(
    b: &'a [u8],
    init: usize,
    field: &Field,
    out: &mut Vec<Option<&'a [u8]>>,
) -> Result<usize, String> {
    if init == b.len() {
        if field.optional {
            push_defaults(field.kind, out);
            return Ok(init);
        }
        return Err(syntax("sequence truncated"));
    }
    let (mut t, mut off) = parse_tag_and_length(b, init)?;
    if let Some(tag) = field.explicit {
        if off == b.len() {
            return Err(structural("explicit tag has no child"));
        }
        if t.class == 2 && t.tag == tag && (t.length == 0 || t.compound) {
            if t.length > 0 {
                (t, off) = parse_tag_and_length(b, off)?;
            } else {
                return Err(structural("zero length explicit tag was not an asn1.Flag"));
            }
        } else {
            // Every explicit field here is optional.
            push_defaults(field.kind, out);
            return Ok(init);
        }
    }
    let (match_any, tag, compound, name) = universal(field.kind);
    if !match_any && (t.class != 0 || t.tag != tag || t.compound != compound) {
        if field.optional {
            push_defaults(field.kind, out);
            return Ok(init);
        }
        return Err(structural(&format!(
            "tags don't match ({tag} vs {{class:{} tag:{} length:{} isCompound:{}}}) {DEFAULT_PARAMS} {name} @{off}",
            t.class, t.tag, t.length, t.compound
        )));
    }
    if off.checked_add(t.length).is_none_or(|end| end > b.len()) {
        return Err(syntax("data truncated"));
    }
    let inner = &b[off..off + t.length];
    let end = off + t.length;
    match field.kind {
        Kind::Raw => out.push(Some(&b[init..end])),
        Kind::Oid => {
            check_oid(inner)?;
            out.push(Some(inner));
        }
        Kind::BitString => {
            check_bit_string(inner)?;
            out.push(Some(inner));
        }
        Kind::BigInt => {
            check_integer(inner)?;
            out.push(Some(inner));
        }
        Kind::Int => {
            check_integer(inner)?;
            if inner.len() > 8 {
                return Err(structural("integer too large"));
            }
            out.push(Some(inner));
        }
        Kind::Bytes | Kind::SeqOf => out.push(Some(inner)),
        Kind::Struct(_, fields) => {
            let mut inner_off = 0;
            for field in fields {
                inner_off = parse_field(inner, inner_off, field, out)?;
            }
        }
    }
    Ok(end)
}

/// A Go `int` field's value (its content passed [`unmarshal`]'s checks).
pub(crate) fn int_value(content: &[u8]) -> i64 {
    let mut v: i64 = if content.first().is_some_and(|b| b & 0x80 != 0) {
        -1
    } else {
        0
    };
    for b in content {
        v = (v << 8) | i64::from(*b);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    // Messages recorded from Go 1.25's x509 parsers via Sprig.
    #[test]
    fn errors_like_go() {
        assert_eq!(
            unmarshal(b"hello", PKCS1).unwrap_err(),
            format!(
                "asn1: structure error: tags don't match (16 vs {{class:1 tag:8 length:101 isCompound:true}}) {DEFAULT_PARAMS} pkcs1PrivateKey @2"
            )
        );
        assert_eq!(
            unmarshal(b"\x30\x03\x02\x01\x00", PKCS1).unwrap_err(),
            "asn1: syntax error: sequence truncated"
        );
        assert_eq!(
            unmarshal(b"\x30\x05\x02\x01", PKCS1).unwrap_err(),
            "asn1: syntax error: data truncated"
        );
        let (leaves, rest) = unmarshal(b"\x30\x06\x02\x01\x02\x04\x01\x01", EC).unwrap();
        assert_eq!(leaves, [Some(&[2u8][..]), Some(&[1u8][..]), None, None]);
        assert!(rest.is_empty());
    }
}
