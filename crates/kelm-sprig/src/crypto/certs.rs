//! Certificates: what Sprig's `genCA`, `genSelfSignedCert`, `genSignedCert` (and their
//! `WithKey` forms) and `buildCustomCert` produce, encoded as Go's
//! `x509.CreateCertificate` encodes Sprig's template.
//!
//! Sprig's template: a random serial below 2^128; subject `CN=<cn>` (no attribute at
//! all for an empty name); validity from now to now + days × 24h (seconds, UTC;
//! `UTCTime` through 2049, `GeneralizedTime` after); key usage digital signature and
//! key encipherment (critical), extended key usage server and client auth, basic
//! constraints (critical). A CA adds certificate signing and `CA:TRUE` and, as Go 1.25
//! does for CAs, a subject key identifier: the first 160 bits of the SHA-256 of the
//! public key. A certificate signed by another whose subject differs gets that one's
//! subject key identifier as authority key identifier. Subject alternative names list
//! DNS names, then IP addresses (IPv4 in 4 bytes), critical when the subject is empty.
//! Extensions come in Go's order; RSA keys sign with SHA256-RSA (PKCS#1 v1.5), P-256,
//! P-384 and P-521 keys with ECDSA and SHA-256/384/512, Ed25519 keys with Ed25519.

use std::sync::Arc;

use kelm_gotmpl::{FuncError, Object, Type, Value};

use super::der::{self, Reader};
use super::keys::{PrivateKey, oids};
use super::{gobase64, pem};

/// Go type name of Sprig's result struct.
pub(crate) const CERTIFICATE_TYPE: &str = "sprig.certificate";

/// Sprig's `certificate` struct: PEM text of a certificate and of its private key.
#[derive(Debug, Clone)]
pub(crate) struct Certificate {
    pub cert: String,
    pub key: String,
}

impl Object for Certificate {
    fn go_type(&self) -> Type {
        Type::struct_named(CERTIFICATE_TYPE)
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        match name {
            "Cert" => Some((Value::from(self.cert.as_str()), true)),
            "Key" => Some((Value::from(self.key.as_str()), true)),
            _ => None,
        }
    }

    fn fields(&self) -> Vec<(String, Value)> {
        vec![
            ("Cert".to_string(), Value::from(self.cert.as_str())),
            ("Key".to_string(), Value::from(self.key.as_str())),
        ]
    }
}

impl Certificate {
    /// The value templates see.
    pub(crate) fn into_value(self) -> Value {
        Value::Object(Arc::new(self))
    }

    /// Reads a `sprig.certificate` argument (the engine checked its type).
    pub(crate) fn from_value(v: &Value) -> Certificate {
        let field = |name: &str| match v {
            Value::Object(o) => match o.field(name) {
                Some((Value::String(s), _)) => s.to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        };
        Certificate {
            cert: field("Cert"),
            key: field("Key"),
        }
    }
}

/// A moment as Go's `time.Time` holds it, in Unix nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Instant(pub i128);

impl Instant {
    /// `time.Now()`.
    pub(crate) fn now() -> Instant {
        let d = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Instant(d.as_nanos() as i128)
    }

    /// `t.Add(time.Hour * 24 * time.Duration(days))`, with Go's wrapping `Duration`
    /// arithmetic.
    pub(crate) fn add_days(self, days: i64) -> Instant {
        let d = 86_400_000_000_000i64.wrapping_mul(days);
        Instant(self.0 + i128::from(d))
    }

    /// The ASN.1 time Go's `encoding/asn1` writes for this moment in UTC.
    fn to_der(self) -> Vec<u8> {
        let secs = self.0.div_euclid(1_000_000_000) as i64;
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let (hh, mm, ss) = (rem / 3600, rem / 60 % 60, rem % 60);
        if (1950..2050).contains(&y) {
            let s = format!("{:02}{m:02}{d:02}{hh:02}{mm:02}{ss:02}Z", y % 100);
            der::tlv(der::UTC_TIME, s.as_bytes())
        } else {
            // Durations span ±292 years, so the year stays within GeneralizedTime's.
            let s = format!("{y:04}{m:02}{d:02}{hh:02}{mm:02}{ss:02}Z");
            der::tlv(der::GENERALIZED_TIME, s.as_bytes())
        }
    }
}

/// Year, month, day of a day count from 1970-01-01 (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The parts of Sprig's `x509.Certificate` template that vary.
pub(crate) struct Template {
    pub cn: String,
    pub ips: Vec<Vec<u8>>,
    pub dns_names: Vec<String>,
    pub days_valid: i64,
    pub is_ca: bool,
}

/// What kelm needs of a parsed parent certificate.
pub(crate) struct Parent {
    raw_subject: Vec<u8>,
    subject_key_id: Vec<u8>,
    public_key: ParentKey,
}

/// A parent certificate's public key, for Go's check that it matches the signing key.
enum ParentKey {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    Ec {
        curve: Vec<u8>,
        point: Vec<u8>,
    },
    Ed25519(Vec<u8>),
    /// A key type Go parses but none Sprig signs with (DSA, X25519).
    Other,
    /// An algorithm Go does not know: it leaves `PublicKey` nil and skips the check.
    Unknown,
}

/// Go's `isPrintable` as `encoding/asn1` applies it to strings it marshals (no `*`, no `&`).
fn printable(s: &str) -> bool {
    s.bytes().all(|b| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'\''..=b')' | b'+'..=b'/' | b' ' | b':' | b'=' | b'?')
    })
}

/// `pkix.Name{CommonName: cn}.ToRDNSequence()`, marshaled.
fn subject_der(cn: &str) -> Vec<u8> {
    if cn.is_empty() {
        return der::seq(&[]);
    }
    let tag = if printable(cn) {
        der::PRINTABLE_STRING
    } else {
        der::UTF8_STRING
    };
    let atv = der::seq(&[&der::oid(&[2, 5, 4, 3]), &der::tlv(tag, cn.as_bytes())]);
    der::seq(&[&der::tlv(der::SET, &atv)])
}

fn extension(id: &[u64], critical: bool, value: &[u8]) -> Vec<u8> {
    let oid = der::oid(id);
    let value = der::tlv(der::OCTET_STRING, value);
    if critical {
        der::seq(&[&oid, &[der::BOOLEAN, 1, 0xff], &value])
    } else {
        der::seq(&[&oid, &value])
    }
}

/// Go's `x509.CreateCertificate(rand, template, parent, pub(signee), signer)` for
/// Sprig's templates; `parent` is `None` for self-signed certificates (the template is
/// its own parent). Errors are Go's messages.
pub(crate) fn create_certificate(
    t: &Template,
    signee: &PrivateKey,
    parent: Option<&Parent>,
    signer: &PrivateKey,
) -> Result<Vec<u8>, String> {
    let not_before = Instant::now();
    let not_after = Instant::now().add_days(t.days_valid);
    let mut serial = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut serial);

    let Some(sig_alg) = signer.signature_algorithm() else {
        return Err("x509: certificate private key does not implement crypto.Signer".into());
    };
    let (pk_alg, pk_bytes) = signee.public_key_info()?;
    let subject = subject_der(&t.cn);
    let issuer = match parent {
        Some(p) => p.raw_subject.clone(),
        None => subject.clone(),
    };
    let authority_key_id = match parent {
        Some(p) if p.raw_subject != subject => p.subject_key_id.as_slice(),
        _ => &[],
    };
    let subject_key_id = if t.is_ca {
        use sha2::Digest;
        sha2::Sha256::digest(&pk_bytes)[..20].to_vec()
    } else {
        Vec::new()
    };
    if let Some(p) = parent {
        check_parent_key(p, signer)?;
    }

    let mut exts: Vec<Vec<u8>> = Vec::new();
    let key_usage: &[u8] = if t.is_ca {
        &[der::BIT_STRING, 2, 2, 0xa4]
    } else {
        &[der::BIT_STRING, 2, 5, 0xa0]
    };
    exts.push(extension(&[2, 5, 29, 15], true, key_usage));
    let eku = der::seq(&[
        &der::oid(&[1, 3, 6, 1, 5, 5, 7, 3, 1]),
        &der::oid(&[1, 3, 6, 1, 5, 5, 7, 3, 2]),
    ]);
    exts.push(extension(&[2, 5, 29, 37], false, &eku));
    let basic = if t.is_ca {
        der::seq(&[&[der::BOOLEAN, 1, 0xff]])
    } else {
        der::seq(&[])
    };
    exts.push(extension(&[2, 5, 29, 19], true, &basic));
    if !subject_key_id.is_empty() {
        let v = der::tlv(der::OCTET_STRING, &subject_key_id);
        exts.push(extension(&[2, 5, 29, 14], false, &v));
    }
    if !authority_key_id.is_empty() {
        let v = der::seq(&[&der::tlv(0x80, authority_key_id)]);
        exts.push(extension(&[2, 5, 29, 35], false, &v));
    }
    if !t.dns_names.is_empty() || !t.ips.is_empty() {
        let critical = subject == [der::SEQUENCE, 0];
        exts.push(extension(
            &[2, 5, 29, 17],
            critical,
            &alt_names(&t.dns_names, &t.ips)?,
        ));
    }
    let exts = der::tlv(0xa3, &der::tlv(der::SEQUENCE, &exts.concat()));

    let tbs = der::seq(&[
        &[0xa0, 3, der::INTEGER, 1, 2],
        &der::uint(&serial),
        &sig_alg,
        &issuer,
        &der::seq(&[&not_before.to_der(), &not_after.to_der()]),
        &subject,
        &der::seq(&[&pk_alg, &der::bit_string(&pk_bytes)]),
        &exts,
    ]);
    let signature = signer.sign(&tbs)?;
    Ok(der::seq(&[&tbs, &sig_alg, &der::bit_string(&signature)]))
}

/// Go's `marshalSANs` for DNS names and IP addresses.
fn alt_names(dns_names: &[String], ips: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let mut names = Vec::new();
    for name in dns_names {
        if !name.is_ascii() {
            return Err(format!(
                "x509: {} cannot be encoded as an IA5String",
                kelm_strconv::quote(name)
            ));
        }
        der::push_tlv(&mut names, 0x82, name.as_bytes());
    }
    for ip in ips {
        der::push_tlv(&mut names, 0x87, ip);
    }
    Ok(der::tlv(der::SEQUENCE, &names))
}

/// Go's "provided PrivateKey doesn't match parent's PublicKey" check.
fn check_parent_key(parent: &Parent, signer: &PrivateKey) -> Result<(), String> {
    let mismatch = || Err("x509: provided PrivateKey doesn't match parent's PublicKey".into());
    let (alg, bytes) = signer.public_key_info()?;
    let same = match &parent.public_key {
        ParentKey::Unknown => return Ok(()),
        ParentKey::Other => false,
        ParentKey::Rsa { n, e } => {
            let mut r = Reader::new(&bytes);
            let Some(s) = r.read(der::SEQUENCE) else {
                return mismatch();
            };
            let mut r = Reader::new(s.content);
            matches!(signer, PrivateKey::Rsa(_))
                && r.read(der::INTEGER)
                    .is_some_and(|x| der::uint_magnitude(x.content) == Some(n))
                && r.read(der::INTEGER)
                    .is_some_and(|x| der::uint_magnitude(x.content) == Some(e))
        }
        ParentKey::Ec { curve, point } => {
            matches!(signer, PrivateKey::Ec(_)) && alg.ends_with(curve) && bytes == *point
        }
        ParentKey::Ed25519(k) => matches!(signer, PrivateKey::Ed25519(_)) && bytes == *k,
    };
    if same { Ok(()) } else { mismatch() }
}

/// Go's `x509.ParseCertificate`, as far as Sprig relies on it: the structure is checked
/// with Go's messages, and the subject, subject key identifier and public key are kept.
pub(crate) fn parse_certificate(data: &[u8]) -> Result<Parent, String> {
    let e = |m: &str| m.to_string();
    let mut outer = Reader::new(data);
    let cert = outer
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed certificate"))?;
    let mut input = Reader::new(cert.content);
    let tbs = input
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed tbs certificate"))?;
    let mut tbs = Reader::new(tbs.content);
    let mut version = 0i64;
    if tbs.peek_tag() == Some(0xa0) {
        let v = tbs.read_any().ok_or_else(|| e("x509: malformed version"))?;
        let mut vr = Reader::new(v.content);
        let int = vr
            .read(der::INTEGER)
            .filter(|i| der::valid_integer(i.content) && i.content.len() <= 8)
            .ok_or_else(|| e("x509: malformed version"))?;
        if !vr.is_empty() || int.content[0] & 0x80 != 0 {
            return Err(e("x509: malformed version"));
        }
        version = int
            .content
            .iter()
            .fold(0i64, |a, b| (a << 8) | i64::from(*b));
    }
    let version = version + 1;
    if version > 3 {
        return Err(e("x509: invalid version"));
    }
    let serial = tbs
        .read(der::INTEGER)
        .filter(|i| der::valid_integer(i.content))
        .ok_or_else(|| e("x509: malformed serial number"))?;
    if serial.content[0] & 0x80 != 0 {
        return Err(e("x509: negative serial number"));
    }
    let sig_ai = tbs
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed signature algorithm identifier"))?;
    let outer_ai = input
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed algorithm identifier"))?;
    if outer_ai.content != sig_ai.content {
        return Err(e(
            "x509: inner and outer signature algorithm identifiers don't match",
        ));
    }
    parse_ai(sig_ai.content)?;
    tbs.read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed issuer"))?;
    tbs.read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed validity"))?;
    let subject = tbs
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed issuer"))?;
    let spki = tbs
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed spki"))?;
    let mut spki = Reader::new(spki.content);
    let pk_ai = spki
        .read(der::SEQUENCE)
        .ok_or_else(|| e("x509: malformed public key algorithm identifier"))?;
    let (pk_oid, pk_params) = parse_ai(pk_ai.content)?;
    let spk = spki
        .read(der::BIT_STRING)
        .filter(|b| b.content.first() == Some(&0))
        .ok_or_else(|| e("x509: malformed subjectPublicKey"))?;
    let public_key = parse_public_key(pk_oid, pk_params, &spk.content[1..])?;

    let mut subject_key_id = Vec::new();
    if version > 1 {
        for tag in [0x81, 0xa1] {
            if tbs.read_optional(tag).is_none() {
                return Err(e("x509: malformed issuerUniqueID"));
            }
        }
        for tag in [0x82, 0xa2] {
            if tbs.read_optional(tag).is_none() {
                return Err(e("x509: malformed subjectUniqueID"));
            }
        }
        if version == 3 {
            let exts = tbs
                .read_optional(0xa3)
                .ok_or_else(|| e("x509: malformed extensions"))?;
            if let Some(exts) = exts {
                let mut r = Reader::new(exts.content);
                let seq = r
                    .read(der::SEQUENCE)
                    .ok_or_else(|| e("x509: malformed extensions"))?;
                let mut r = Reader::new(seq.content);
                let mut seen: Vec<&[u8]> = Vec::new();
                while !r.is_empty() {
                    let ext = r
                        .read(der::SEQUENCE)
                        .ok_or_else(|| e("x509: malformed extension"))?;
                    let mut x = Reader::new(ext.content);
                    let id = x
                        .read(der::OID)
                        .ok_or_else(|| e("x509: malformed extension OID field"))?;
                    if x.peek_tag() == Some(der::BOOLEAN) {
                        x.read_any()
                            .filter(|b| b.content == [0] || b.content == [0xff])
                            .ok_or_else(|| e("x509: malformed extension critical field"))?;
                    }
                    let value = x
                        .read(der::OCTET_STRING)
                        .ok_or_else(|| e("x509: malformed extension value field"))?;
                    if seen.contains(&id.full) {
                        return Err(format!(
                            "x509: certificate contains duplicate extension with OID {}",
                            kelm_strconv::quote(&super::keys::oid_to_string(id.full))
                        ));
                    }
                    seen.push(id.full);
                    if id.full == der::oid(&[2, 5, 29, 14]) {
                        let mut v = Reader::new(value.content);
                        let skid = v
                            .read(der::OCTET_STRING)
                            .ok_or_else(|| e("x509: invalid subject key identifier"))?;
                        subject_key_id = skid.content.to_vec();
                    }
                }
            }
        }
    }
    input
        .read(der::BIT_STRING)
        .filter(|b| !b.content.is_empty() && b.content[0] < 8)
        .ok_or_else(|| e("x509: malformed signature"))?;
    if !outer.is_empty() {
        return Err(e("x509: trailing data"));
    }
    Ok(Parent {
        raw_subject: subject.full.to_vec(),
        subject_key_id,
        public_key,
    })
}

/// Go's `parseAI`: the algorithm OID (encoded) and any parameters.
fn parse_ai(data: &[u8]) -> Result<(&[u8], Option<der::Element<'_>>), String> {
    let mut r = Reader::new(data);
    let oid = r
        .read(der::OID)
        .ok_or_else(|| "x509: malformed OID".to_string())?;
    if r.is_empty() {
        return Ok((oid.full, None));
    }
    let params = r
        .read_any()
        .ok_or_else(|| "x509: malformed parameters".to_string())?;
    Ok((oid.full, Some(params)))
}

/// Go's `parsePublicKey`, keeping only what the key-match check compares.
fn parse_public_key(
    oid: &[u8],
    params: Option<der::Element<'_>>,
    key: &[u8],
) -> Result<ParentKey, String> {
    if oid == oids::rsa_encryption() {
        if params.is_some_and(|p| p.full != [der::NULL, 0]) {
            return Err("x509: RSA key missing NULL parameters".into());
        }
        let mut r = Reader::new(key);
        let seq = r
            .read(der::SEQUENCE)
            .ok_or_else(|| "x509: invalid RSA public key".to_string())?;
        let mut r = Reader::new(seq.content);
        let n = r
            .read(der::INTEGER)
            .filter(|i| der::valid_integer(i.content))
            .ok_or_else(|| "x509: invalid RSA modulus".to_string())?;
        let e = r
            .read(der::INTEGER)
            .filter(|i| der::valid_integer(i.content) && i.content.len() <= 4)
            .ok_or_else(|| "x509: invalid RSA public exponent".to_string())?;
        if !der::is_positive(n.content) {
            return Err("x509: RSA modulus is not a positive number".into());
        }
        if !der::is_positive(e.content) {
            return Err("x509: RSA public exponent is not a positive number".into());
        }
        return Ok(ParentKey::Rsa {
            n: der::uint_magnitude(n.content).unwrap_or_default().to_vec(),
            e: der::uint_magnitude(e.content).unwrap_or_default().to_vec(),
        });
    }
    if oid == oids::ec_public_key() {
        let curve = params
            .filter(|p| p.tag == der::OID)
            .ok_or_else(|| "x509: invalid ECDSA parameters".to_string())?;
        let size = if curve.full == oids::p256() {
            32
        } else if curve.full == oids::p384() {
            48
        } else if curve.full == oids::p521() {
            66
        } else if curve.full == oids::p224() {
            28
        } else {
            return Err("x509: unsupported elliptic curve".into());
        };
        if key.len() != 1 + 2 * size || key[0] != 4 {
            return Err("x509: failed to unmarshal elliptic curve point".into());
        }
        return Ok(ParentKey::Ec {
            curve: curve.full.to_vec(),
            point: key.to_vec(),
        });
    }
    if oid == oids::ed25519() {
        if params.is_some() {
            return Err("x509: Ed25519 key encoded with illegal parameters".into());
        }
        if key.len() != 32 {
            return Err("x509: wrong Ed25519 public key size".into());
        }
        return Ok(ParentKey::Ed25519(key.to_vec()));
    }
    if oid == oids::x25519() || oid == oids::dsa() {
        return Ok(ParentKey::Other);
    }
    Ok(ParentKey::Unknown)
}

/// Sprig's `getNetIPs`: each item must be a string holding an IP address.
pub(crate) fn net_ips(ips: &Value) -> Result<Vec<Vec<u8>>, FuncError> {
    let mut out = Vec::new();
    for item in list_items(ips) {
        let Value::String(s) = &item else {
            return Err(FuncError::new(format!(
                "error parsing ip: {} is not a string",
                kelm_gotmpl::gofmt::sprint(std::slice::from_ref(&item))
            )));
        };
        let ip = parse_ip(s).ok_or_else(|| FuncError::new(format!("error parsing ip: {s}")))?;
        out.push(ip);
    }
    Ok(out)
}

/// Sprig's `getAlternateDNSStrs`: each item must be a string.
pub(crate) fn dns_names(names: &Value) -> Result<Vec<String>, FuncError> {
    list_items(names)
        .into_iter()
        .map(|item| match &item {
            Value::String(s) => Ok(s.to_string()),
            _ => Err(FuncError::new(format!(
                "error processing alternate dns name: {} is not a string",
                kelm_gotmpl::gofmt::sprint(std::slice::from_ref(&item))
            ))),
        })
        .collect()
}

fn list_items(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.items().to_vec(),
        _ => Vec::new(),
    }
}

/// `net.ParseIP` then `To4` where it applies: 4 bytes for IPv4 (and IPv4-mapped IPv6),
/// 16 for other IPv6 addresses.
fn parse_ip(s: &str) -> Option<Vec<u8>> {
    if let Ok(v4) = s.parse::<std::net::Ipv4Addr>() {
        return Some(v4.octets().to_vec());
    }
    if s.contains('%') {
        return None;
    }
    let v6 = s.parse::<std::net::Ipv6Addr>().ok()?;
    Some(match v6.to_ipv4_mapped() {
        Some(v4) => v4.octets().to_vec(),
        None => v6.octets().to_vec(),
    })
}

/// Sprig's `getCertAndKey`: the signed certificate and the signee's key, both as PEM.
pub(crate) fn cert_and_key(
    t: &Template,
    signee: &PrivateKey,
    parent: Option<&Parent>,
    signer: &PrivateKey,
) -> Result<Certificate, FuncError> {
    let der = create_certificate(t, signee, parent, signer)
        .map_err(|e| FuncError::new(format!("error creating certificate: {e}")))?;
    Ok(Certificate {
        cert: pem::encode("CERTIFICATE", &der),
        key: signee.to_pem(),
    })
}

/// Sprig's `buildCustomCertificate`.
pub(crate) fn build_custom(b64cert: &str, b64key: &str) -> Result<Certificate, FuncError> {
    let cert = gobase64::decode(b64cert.as_bytes())
        .map_err(|_| FuncError::new("unable to decode base64 certificate"))?;
    let key = gobase64::decode(b64key.as_bytes())
        .map_err(|_| FuncError::new("unable to decode base64 private key"))?;
    let block = pem::decode(&cert).ok_or_else(|| FuncError::new("unable to decode certificate"))?;
    parse_certificate(&block.bytes).map_err(|e| {
        FuncError::new(format!("error parsing certificate: decodedCert.Bytes: {e}"))
    })?;
    let key = super::lossy_string(&key);
    super::keys::parse_private_key_pem(&key)
        .map_err(|e| FuncError::new(format!("error parsing private key: {e}")))?;
    Ok(Certificate {
        cert: super::lossy_string(&cert),
        key,
    })
}

/// Reads the CA of `genSignedCert`: its certificate, then its key.
pub(crate) fn signer_of(ca: &Certificate) -> Result<(Parent, PrivateKey), FuncError> {
    let block = pem::decode(ca.cert.as_bytes())
        .ok_or_else(|| FuncError::new("unable to decode certificate"))?;
    let parent = parse_certificate(&block.bytes).map_err(|e| {
        FuncError::new(format!(
            "error parsing certificate: decodedSignerCert.Bytes: {e}"
        ))
    })?;
    let key = super::keys::parse_private_key_pem(&ca.key)
        .map_err(|e| FuncError::new(format!("error parsing private key: {e}")))?;
    Ok((parent, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_encode_like_go() {
        // 2024-02-29T12:34:56.9Z
        let t = Instant(1_709_210_096_900_000_000);
        assert_eq!(t.to_der()[2..], *b"240229123456Z");
        assert_eq!(t.add_days(365 * 30).to_der()[2..], *b"20540221123456Z");
        assert_eq!(Instant(0).add_days(-7300).to_der()[2..], *b"500106000000Z");
        assert_eq!(
            Instant(0).add_days(-7306).to_der()[2..],
            *b"19491231000000Z"
        );
        // Go's Duration wraps: 24h × 106752 days overflows int64 nanoseconds.
        assert_eq!(
            Instant(0).add_days(106_752).0,
            i128::from(86_400_000_000_000i64.wrapping_mul(106_752))
        );
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    // Encodings recorded from certificates Go's Sprig made.
    #[test]
    fn names_encode_like_go() {
        assert_eq!(hex(&subject_der("a&b")), "300e310c300a06035504030c03612662");
        assert_eq!(
            hex(&subject_der("日本")),
            "3011310f300d06035504030c06e697a5e69cac"
        );
        let dns: Vec<String> = ["", "*", "a b", "x.example"].map(String::from).to_vec();
        let ips: Vec<Vec<u8>> = ["10.0.0.1", "::1", "::ffff:1.2.3.4"]
            .iter()
            .map(|s| parse_ip(s).unwrap())
            .collect();
        assert_eq!(
            hex(&alt_names(&dns, &ips).unwrap()),
            "3033820082012a82036120628209782e6578616d706c6587040a00000187100000000000000000\
             0000000000000001870401020304"
        );
    }

    #[test]
    fn subjects_use_go_string_types() {
        assert_eq!(subject_der(""), [0x30, 0]);
        assert_eq!(subject_der("a b")[11], der::PRINTABLE_STRING);
        assert_eq!(subject_der("*.x")[11], der::UTF8_STRING);
        assert_eq!(subject_der("é")[11], der::UTF8_STRING);
    }

    #[test]
    fn ips_parse_like_go() {
        assert_eq!(parse_ip("10.0.0.1"), Some(vec![10, 0, 0, 1]));
        assert_eq!(parse_ip("::ffff:10.0.0.1"), Some(vec![10, 0, 0, 1]));
        assert_eq!(parse_ip("::1").map(|v| v.len()), Some(16));
        assert_eq!(parse_ip("010.0.0.1"), None);
        assert_eq!(parse_ip("fe80::1%eth0"), None);
        assert_eq!(parse_ip("example.com"), None);
    }
}
