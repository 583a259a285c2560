//! Properties: how the output of nondeterministic functions (random text, keys,
//! certificates, bcrypt hashes, AES with a random IV, the current time) is checked.
//!
//! A property holds or fails for an output. The runner checks each property on kelm's
//! output *and* on the output Helm gave when the case was recorded, so a property that
//! does not describe Helm's behaviour is caught as a broken case, not a kelm failure.

use std::fmt::Write as _;
use std::net::IpAddr;

use aes::cipher::{BlockDecrypt, KeyInit, generic_array::GenericArray};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use x509_parser::prelude::*;

/// One checkable property of an output.
#[derive(Debug, Clone)]
pub enum Property {
    /// `regex RE`: the whole output matches RE (anchored at both ends).
    Regex(String),
    /// `bcrypt PASSWORD`: the output is a bcrypt hash (`$2a$`, cost 10) of PASSWORD.
    Bcrypt(String),
    /// `htpasswd USER PASSWORD`: the output is `USER:` and a bcrypt hash of PASSWORD.
    Htpasswd(String, String),
    /// `aes KEY PLAINTEXT`: the output is Sprig's `encryptAES KEY PLAINTEXT` (base64 of
    /// a random IV and AES-256-CBC with PKCS#7 padding); it decrypts to PLAINTEXT.
    Aes(String, String),
    /// `permutation-of TEXT`: the output has exactly TEXT's characters, in any order.
    PermutationOf(String),
    /// `int-between MIN MAX`: the output is a decimal integer in `[MIN, MAX)`.
    IntBetween(i64, i64),
    /// `base64-bytes N`: the output is standard base64 of N bytes.
    Base64Bytes(usize),
    /// `unix-near-now SECS`: the output is a Unix time within SECS seconds of now (of
    /// the recording time, for Helm's output).
    UnixNearNow(i64),
    /// `ip`: the output is an IPv4 or IPv6 address.
    Ip,
    /// `pem TYPE,TYPE,...`: the PEM blocks in the output have these types, in order.
    Pem(Vec<String>),
    /// `key N KIND [BITS]`: PEM block N holds a private key of KIND (`rsa` with its
    /// modulus size, `ecdsa-p256`, `ed25519`, `dsa`).
    Key(usize, String, Option<usize>),
    /// `cert N FIELD VALUE`: a field of the certificate in PEM block N.
    Cert(usize, CertField),
}

/// A certificate field a property can check.
#[derive(Debug, Clone)]
pub enum CertField {
    /// `cn NAME`: the subject's common name.
    Cn(String),
    /// `issuer-cn NAME`: the issuer's common name.
    IssuerCn(String),
    /// `ca true|false`: basic constraints say CA.
    Ca(bool),
    /// `days N`: NotAfter is N days (or N days and one second) after NotBefore.
    Days(i64),
    /// `not-before-near-now SECS`: NotBefore is within SECS seconds of now.
    NotBeforeNearNow(i64),
    /// `key-usage a,b`: exactly these key usages (`-` for none).
    KeyUsage(Vec<String>),
    /// `ext-key-usage a,b`: exactly these extended key usages (`-` for none).
    ExtKeyUsage(Vec<String>),
    /// `dns a,b`: exactly these DNS subject alternative names, in order (`-` for none).
    Dns(Vec<String>),
    /// `ips a,b`: exactly these IP subject alternative names, in order (`-` for none).
    Ips(Vec<String>),
    /// `issued-by M`: the issuer is the subject of the certificate in PEM block M.
    IssuedBy(usize),
    /// `rsa-key M`: the certificate's RSA public key is that of the RSA private key in
    /// PEM block M.
    RsaKey(usize),
}

fn list(s: &str) -> Vec<String> {
    if s == "-" {
        return Vec::new();
    }
    s.split(',').map(|x| x.trim().to_string()).collect()
}

impl Property {
    /// Parses one line of a `--- check` section.
    pub fn parse(line: &str) -> Result<Property, String> {
        let line = line.trim();
        let (name, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        let words: Vec<&str> = rest.split_whitespace().collect();
        let n = |i: usize| -> Result<&str, String> {
            words
                .get(i)
                .copied()
                .ok_or_else(|| format!("property {name}: missing argument {}", i + 1))
        };
        let int = |i: usize| -> Result<i64, String> {
            n(i)?
                .parse::<i64>()
                .map_err(|e| format!("property {name}: {e}"))
        };
        let p = match name {
            "regex" => {
                regex::Regex::new(&format!("^(?:{rest})$"))
                    .map_err(|e| format!("property regex: {e}"))?;
                Property::Regex(rest.to_string())
            }
            "bcrypt" => Property::Bcrypt(rest.to_string()),
            "htpasswd" => Property::Htpasswd(n(0)?.to_string(), n(1)?.to_string()),
            "aes" => {
                let (k, p) = rest
                    .split_once(' ')
                    .ok_or("property aes: needs KEY PLAINTEXT")?;
                Property::Aes(k.to_string(), p.to_string())
            }
            "permutation-of" => Property::PermutationOf(rest.to_string()),
            "int-between" => Property::IntBetween(int(0)?, int(1)?),
            "base64-bytes" => Property::Base64Bytes(int(0)? as usize),
            "unix-near-now" => Property::UnixNearNow(int(0)?),
            "ip" => Property::Ip,
            "pem" => Property::Pem(list(rest)),
            "key" => {
                let kind = n(1)?.to_string();
                if !["rsa", "ecdsa-p256", "ed25519", "dsa"].contains(&kind.as_str()) {
                    return Err(format!("property key: unknown kind {kind:?}"));
                }
                let bits = if kind == "rsa" {
                    Some(int(2)? as usize)
                } else {
                    None
                };
                Property::Key(int(0)? as usize, kind, bits)
            }
            "cert" => {
                let idx = int(0)? as usize;
                let field = n(1)?;
                let value = words.get(2..).map(|w| w.join(" ")).unwrap_or_default();
                let f = match field {
                    "cn" => CertField::Cn(value),
                    "issuer-cn" => CertField::IssuerCn(value),
                    "ca" => CertField::Ca(value == "true"),
                    "days" => CertField::Days(int(2)?),
                    "not-before-near-now" => CertField::NotBeforeNearNow(int(2)?),
                    "key-usage" => CertField::KeyUsage(list(&value)),
                    "ext-key-usage" => CertField::ExtKeyUsage(list(&value)),
                    "dns" => CertField::Dns(list(&value)),
                    "ips" => CertField::Ips(list(&value)),
                    "issued-by" => CertField::IssuedBy(int(2)? as usize),
                    "rsa-key" => CertField::RsaKey(int(2)? as usize),
                    _ => return Err(format!("property cert: unknown field {field:?}")),
                };
                Property::Cert(idx, f)
            }
            _ => return Err(format!("unknown property {name:?}")),
        };
        Ok(p)
    }

    /// Checks the property on `out`; `now` is the Unix time the output was made at.
    pub fn check(&self, out: &str, now: i64) -> Result<(), String> {
        match self {
            Property::Regex(re) => {
                let r = regex::Regex::new(&format!("^(?:{re})$")).map_err(|e| e.to_string())?;
                if r.is_match(out) {
                    Ok(())
                } else {
                    Err(format!("output {out:?} does not match /{re}/"))
                }
            }
            Property::Bcrypt(pw) => check_bcrypt(out, pw),
            Property::Htpasswd(user, pw) => {
                let hash = out
                    .strip_prefix(user.as_str())
                    .and_then(|r| r.strip_prefix(':'))
                    .ok_or_else(|| format!("output {out:?} does not start with {user:?}:"))?;
                check_bcrypt(hash, pw)
            }
            Property::Aes(key, plain) => {
                let got = decrypt_aes(out, key)?;
                if got == plain.as_bytes() {
                    Ok(())
                } else {
                    Err(format!(
                        "decrypts to {:?}, not {plain:?}",
                        String::from_utf8_lossy(&got)
                    ))
                }
            }
            Property::PermutationOf(text) => {
                let mut a: Vec<char> = out.chars().collect();
                let mut b: Vec<char> = text.chars().collect();
                a.sort_unstable();
                b.sort_unstable();
                if a == b {
                    Ok(())
                } else {
                    Err(format!("output {out:?} is not a permutation of {text:?}"))
                }
            }
            Property::IntBetween(lo, hi) => {
                let v: i64 = out
                    .parse()
                    .map_err(|_| format!("output {out:?} is not an integer"))?;
                if *lo <= v && v < *hi {
                    Ok(())
                } else {
                    Err(format!("{v} is not in [{lo}, {hi})"))
                }
            }
            Property::Base64Bytes(n) => {
                let b = B64
                    .decode(out)
                    .map_err(|e| format!("output {out:?} is not base64: {e}"))?;
                if b.len() == *n {
                    Ok(())
                } else {
                    Err(format!("decodes to {} bytes, not {n}", b.len()))
                }
            }
            Property::UnixNearNow(secs) => {
                let v: i64 = out
                    .parse()
                    .map_err(|_| format!("output {out:?} is not an integer"))?;
                if (v - now).abs() <= *secs {
                    Ok(())
                } else {
                    Err(format!("{v} is not within {secs}s of {now}"))
                }
            }
            Property::Ip => out
                .parse::<IpAddr>()
                .map(|_| ())
                .map_err(|_| format!("output {out:?} is not an IP address")),
            Property::Pem(types) => {
                let blocks = pem_blocks(out)?;
                let got: Vec<&str> = blocks.iter().map(|(t, _)| t.as_str()).collect();
                if got == *types {
                    Ok(())
                } else {
                    Err(format!("PEM blocks {got:?}, want {types:?}"))
                }
            }
            Property::Key(i, kind, bits) => {
                let blocks = pem_blocks(out)?;
                let (ty, der) = blocks.get(*i).ok_or_else(|| format!("no PEM block {i}"))?;
                check_key(ty, der, kind, *bits)
            }
            Property::Cert(i, field) => {
                let blocks = pem_blocks(out)?;
                check_cert(&blocks, *i, field, now)
            }
        }
    }
}

fn check_bcrypt(hash: &str, pw: &str) -> Result<(), String> {
    if !hash.starts_with("$2a$10$") {
        return Err(format!("{hash:?} is not a `$2a$10$` bcrypt hash"));
    }
    match bcrypt::verify(pw, hash) {
        Ok(true) => Ok(()),
        Ok(false) => Err(format!("{hash:?} does not verify password {pw:?}")),
        Err(e) => Err(format!("{hash:?}: {e}")),
    }
}

/// Sprig's `decryptAES`, written independently: AES-256-CBC, key = password bytes
/// zero-padded (or cut) to 32, IV = first block, PKCS#7 padding.
pub fn decrypt_aes(b64: &str, key: &str) -> Result<Vec<u8>, String> {
    let data = B64.decode(b64).map_err(|e| format!("not base64: {e}"))?;
    if data.len() < 32 || data.len() % 16 != 0 {
        return Err(format!("{} bytes: not an IV and whole blocks", data.len()));
    }
    let mut k = [0u8; 32];
    let kb = key.as_bytes();
    let n = kb.len().min(32);
    k[..n].copy_from_slice(&kb[..n]);
    let cipher = aes::Aes256::new(GenericArray::from_slice(&k));
    let mut prev: Vec<u8> = data[..16].to_vec();
    let mut plain = Vec::new();
    for chunk in data[16..].chunks(16) {
        let mut block = GenericArray::clone_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        for (b, p) in block.iter_mut().zip(&prev) {
            *b ^= p;
        }
        plain.extend_from_slice(&block);
        prev = chunk.to_vec();
    }
    let pad = *plain.last().unwrap_or(&0) as usize;
    if pad == 0
        || pad > 16
        || plain[plain.len() - pad..]
            .iter()
            .any(|&b| b as usize != pad)
    {
        return Err("bad padding".into());
    }
    plain.truncate(plain.len() - pad);
    Ok(plain)
}

/// The PEM blocks in `text`: (type, DER bytes).
pub fn pem_blocks(text: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(b) = rest.find("-----BEGIN ") {
        let after = &rest[b + 11..];
        let te = after.find("-----").ok_or("unterminated PEM BEGIN line")?;
        let ty = after[..te].to_string();
        let body_start = &after[te + 5..];
        let end_marker = format!("-----END {ty}-----");
        let e = body_start
            .find(&end_marker)
            .ok_or_else(|| format!("PEM block {ty:?} has no END line"))?;
        let b64: String = body_start[..e]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let der = B64
            .decode(b64.as_bytes())
            .map_err(|e| format!("PEM block {ty:?}: {e}"))?;
        out.push((ty, der));
        rest = &body_start[e + end_marker.len()..];
    }
    Ok(out)
}

/// A minimal DER reader: (tag, content, rest).
fn der_next(b: &[u8]) -> Result<(u8, &[u8], &[u8]), String> {
    let (&tag, b) = b.split_first().ok_or("DER: truncated")?;
    let (&l0, mut b) = b.split_first().ok_or("DER: truncated")?;
    let len = if l0 < 0x80 {
        l0 as usize
    } else {
        let n = (l0 & 0x7f) as usize;
        if n == 0 || n > 4 || b.len() < n {
            return Err("DER: bad length".into());
        }
        let mut l = 0usize;
        for &x in &b[..n] {
            l = (l << 8) | x as usize;
        }
        b = &b[n..];
        l
    };
    if b.len() < len {
        return Err("DER: truncated content".into());
    }
    Ok((tag, &b[..len], &b[len..]))
}

/// The elements of a DER SEQUENCE.
fn der_seq(b: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    let (tag, mut content, _) = der_next(b)?;
    if tag != 0x30 {
        return Err(format!("DER: expected a SEQUENCE, found tag {tag:#x}"));
    }
    let mut v = Vec::new();
    while !content.is_empty() {
        let (t, c, r) = der_next(content)?;
        v.push((t, c));
        content = r;
    }
    Ok(v)
}

/// Bits of a DER INTEGER's magnitude.
fn int_bits(c: &[u8]) -> usize {
    let c: &[u8] = {
        let mut c = c;
        while let [0, rest @ ..] = c {
            c = rest;
        }
        c
    };
    match c.first() {
        None => 0,
        Some(&f) => (c.len() - 1) * 8 + (8 - f.leading_zeros() as usize),
    }
}

fn strip_zeros(mut c: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = c {
        c = rest;
    }
    c
}

/// The modulus of a PKCS#1 RSA private key.
fn rsa_modulus(der: &[u8]) -> Result<Vec<u8>, String> {
    let seq = der_seq(der)?;
    match seq.get(1) {
        Some((0x02, m)) => Ok(strip_zeros(m).to_vec()),
        _ => Err("not a PKCS#1 RSA private key".into()),
    }
}

const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn check_key(ty: &str, der: &[u8], kind: &str, bits: Option<usize>) -> Result<(), String> {
    let want_ty = match kind {
        "rsa" => "RSA PRIVATE KEY",
        "ecdsa-p256" => "EC PRIVATE KEY",
        "ed25519" => "PRIVATE KEY",
        _ => "DSA PRIVATE KEY",
    };
    if ty != want_ty {
        return Err(format!("PEM type {ty:?}, want {want_ty:?} for {kind}"));
    }
    let seq = der_seq(der)?;
    match kind {
        "rsa" => {
            if seq.len() != 9 {
                return Err(format!("RSA key has {} fields, not 9", seq.len()));
            }
            let got = int_bits(seq[1].1);
            if Some(got) != bits {
                return Err(format!("RSA modulus of {got} bits, want {bits:?}"));
            }
        }
        "ecdsa-p256" => {
            if !contains(der, OID_P256) {
                return Err("EC key is not on P-256".into());
            }
        }
        "ed25519" => {
            if !contains(der, OID_ED25519) {
                return Err("PKCS#8 key is not Ed25519".into());
            }
        }
        _ => {
            if seq.len() != 6 {
                return Err(format!("DSA key has {} fields, not 6", seq.len()));
            }
        }
    }
    Ok(())
}

fn key_usages(c: &X509Certificate<'_>) -> Result<Vec<String>, String> {
    let mut v = Vec::new();
    if let Some(ku) = c.key_usage().map_err(|e| e.to_string())? {
        let k = ku.value;
        for (on, name) in [
            (k.digital_signature(), "digitalSignature"),
            (k.non_repudiation(), "nonRepudiation"),
            (k.key_encipherment(), "keyEncipherment"),
            (k.data_encipherment(), "dataEncipherment"),
            (k.key_agreement(), "keyAgreement"),
            (k.key_cert_sign(), "keyCertSign"),
            (k.crl_sign(), "cRLSign"),
            (k.encipher_only(), "encipherOnly"),
            (k.decipher_only(), "decipherOnly"),
        ] {
            if on {
                v.push(name.to_string());
            }
        }
    }
    Ok(v)
}

fn ext_key_usages(c: &X509Certificate<'_>) -> Result<Vec<String>, String> {
    let mut v = Vec::new();
    if let Some(eku) = c.extended_key_usage().map_err(|e| e.to_string())? {
        let e = eku.value;
        for (on, name) in [
            (e.any, "any"),
            (e.server_auth, "serverAuth"),
            (e.client_auth, "clientAuth"),
            (e.code_signing, "codeSigning"),
            (e.email_protection, "emailProtection"),
            (e.time_stamping, "timeStamping"),
            (e.ocsp_signing, "ocspSigning"),
        ] {
            if on {
                v.push(name.to_string());
            }
        }
        if !e.other.is_empty() {
            v.push("other".into());
        }
    }
    Ok(v)
}

fn sans(c: &X509Certificate<'_>) -> Result<(Vec<String>, Vec<String>), String> {
    let mut dns = Vec::new();
    let mut ips = Vec::new();
    if let Some(san) = c.subject_alternative_name().map_err(|e| e.to_string())? {
        for n in &san.value.general_names {
            match n {
                GeneralName::DNSName(d) => dns.push(d.to_string()),
                GeneralName::IPAddress(b) => {
                    let ip = match b.len() {
                        4 => IpAddr::from(<[u8; 4]>::try_from(*b).unwrap_or_default()),
                        16 => IpAddr::from(<[u8; 16]>::try_from(*b).unwrap_or_default()),
                        _ => return Err(format!("IP SAN of {} bytes", b.len())),
                    };
                    ips.push(ip.to_string());
                }
                _ => {}
            }
        }
    }
    Ok((dns, ips))
}

fn cn(name: &X509Name<'_>) -> String {
    name.iter_common_name()
        .next()
        .and_then(|c| c.as_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn cert_at<'a>(blocks: &'a [(String, Vec<u8>)], i: usize) -> Result<X509Certificate<'a>, String> {
    let (ty, der) = blocks.get(i).ok_or_else(|| format!("no PEM block {i}"))?;
    if ty != "CERTIFICATE" {
        return Err(format!("PEM block {i} is {ty:?}, not a CERTIFICATE"));
    }
    let (_, c) = X509Certificate::from_der(der).map_err(|e| format!("certificate {i}: {e}"))?;
    Ok(c)
}

fn same(what: &str, got: &[String], want: &[String]) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

fn check_cert(
    blocks: &[(String, Vec<u8>)],
    i: usize,
    field: &CertField,
    now: i64,
) -> Result<(), String> {
    let c = cert_at(blocks, i)?;
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    match field {
        CertField::Cn(want) => same("subject CN", &[cn(c.subject())], std::slice::from_ref(want)),
        CertField::IssuerCn(want) => {
            same("issuer CN", &[cn(c.issuer())], std::slice::from_ref(want))
        }
        CertField::Ca(want) => {
            if c.is_ca() == *want {
                Ok(())
            } else {
                Err(format!("CA is {}, want {want}", c.is_ca()))
            }
        }
        CertField::Days(d) => {
            let v = c.validity();
            let secs = v.not_after.timestamp() - v.not_before.timestamp();
            // Sprig calls time.Now() once for each bound, so a second may pass between.
            if secs == d * 86_400 || secs == d * 86_400 + 1 {
                Ok(())
            } else {
                Err(format!("valid for {secs}s, want {d} days"))
            }
        }
        CertField::NotBeforeNearNow(s) => {
            let nb = c.validity().not_before.timestamp();
            if (nb - now).abs() <= *s {
                Ok(())
            } else {
                Err(format!("NotBefore {nb} not within {s}s of {now}"))
            }
        }
        CertField::KeyUsage(want) => {
            same("key usage", &sorted(key_usages(&c)?), &sorted(want.clone()))
        }
        CertField::ExtKeyUsage(want) => same(
            "extended key usage",
            &sorted(ext_key_usages(&c)?),
            &sorted(want.clone()),
        ),
        CertField::Dns(want) => same("DNS names", &sans(&c)?.0, want),
        CertField::Ips(want) => same("IP addresses", &sans(&c)?.1, want),
        CertField::IssuedBy(m) => {
            let issuer = cert_at(blocks, *m)?;
            if c.issuer().as_raw() == issuer.subject().as_raw() {
                Ok(())
            } else {
                Err(format!(
                    "issuer {} is not the subject of certificate {m} ({})",
                    c.issuer(),
                    issuer.subject()
                ))
            }
        }
        CertField::RsaKey(m) => {
            let (ty, der) = blocks.get(*m).ok_or_else(|| format!("no PEM block {m}"))?;
            if ty != "RSA PRIVATE KEY" {
                return Err(format!("PEM block {m} is {ty:?}, not an RSA PRIVATE KEY"));
            }
            let want = rsa_modulus(der)?;
            let got = match c.public_key().parsed() {
                Ok(x509_parser::public_key::PublicKey::RSA(k)) => strip_zeros(k.modulus).to_vec(),
                _ => return Err("certificate key is not RSA".into()),
            };
            if got == want {
                Ok(())
            } else {
                let mut s = String::new();
                let _ = write!(s, "certificate's RSA modulus differs from key {m}'s");
                Err(s)
            }
        }
    }
}
