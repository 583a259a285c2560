//! Private keys as Sprig makes, prints and reads them.
//!
//! `genPrivateKey` makes RSA-4096, ECDSA P-256, Ed25519 or DSA L2048N256 keys; the
//! certificate functions make RSA-2048 keys. Keys given as PEM may also be ECDSA on
//! P-224, P-384 or P-521, or X25519 (which Go reads but can neither sign with nor
//! certify). Sprig prints each the way Go's `x509`
//! marshals it: `RSA PRIVATE KEY` (PKCS#1), `EC PRIVATE KEY` (SEC 1, with the curve and
//! public point), `PRIVATE KEY` (PKCS#8 v1, Ed25519) and `DSA PRIVATE KEY` (the
//! OpenSSL sequence `0, P, Q, G, Y, X`). Keys read from PEM are printed back in these
//! forms too, so an RSA key given as PKCS#8 comes back as PKCS#1.
//!
//! RSA primes come from `crypto-primes` (sieve, Miller-Rabin, strong Lucas), whose
//! Montgomery arithmetic keeps generation close to Go's speed; `rsa` assembles the key
//! (`d = e⁻¹ mod λ(N)`, as Go computes it) and signs.

use rsa::BigUint;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};

use super::der::{self, Reader};
use super::goasn1;

/// Object identifiers, encoded.
pub(crate) mod oids {
    use super::der::oid;

    pub(crate) fn rsa_encryption() -> Vec<u8> {
        oid(&[1, 2, 840, 113549, 1, 1, 1])
    }
    pub(crate) fn ec_public_key() -> Vec<u8> {
        oid(&[1, 2, 840, 10045, 2, 1])
    }
    pub(crate) fn ed25519() -> Vec<u8> {
        oid(&[1, 3, 101, 112])
    }
    pub(crate) fn x25519() -> Vec<u8> {
        oid(&[1, 3, 101, 110])
    }
    pub(crate) fn dsa() -> Vec<u8> {
        oid(&[1, 2, 840, 10040, 4, 1])
    }
    pub(crate) fn p224() -> Vec<u8> {
        oid(&[1, 3, 132, 0, 33])
    }
    pub(crate) fn p256() -> Vec<u8> {
        oid(&[1, 2, 840, 10045, 3, 1, 7])
    }
    pub(crate) fn p384() -> Vec<u8> {
        oid(&[1, 3, 132, 0, 34])
    }
    pub(crate) fn p521() -> Vec<u8> {
        oid(&[1, 3, 132, 0, 35])
    }
    pub(crate) fn sha256_with_rsa() -> Vec<u8> {
        oid(&[1, 2, 840, 113549, 1, 1, 11])
    }
    pub(crate) fn ecdsa_with_sha256() -> Vec<u8> {
        oid(&[1, 2, 840, 10045, 4, 3, 2])
    }
    pub(crate) fn ecdsa_with_sha384() -> Vec<u8> {
        oid(&[1, 2, 840, 10045, 4, 3, 3])
    }
    pub(crate) fn ecdsa_with_sha512() -> Vec<u8> {
        oid(&[1, 2, 840, 10045, 4, 3, 4])
    }
}

/// A DSA key, kept as the INTEGER contents Go parsed (Sprig only prints DSA keys back;
/// Go cannot sign certificates with them).
#[derive(Clone, Debug)]
pub(crate) struct DsaKey {
    p: Vec<u8>,
    q: Vec<u8>,
    g: Vec<u8>,
    y: Vec<u8>,
    x: Vec<u8>,
}

/// The NIST curves Go's `x509` reads EC keys on.
#[derive(Clone, Debug)]
pub(crate) enum EcKey {
    P224(p224::SecretKey),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
    P521(p521::SecretKey),
}

/// A private key of any kind Sprig handles.
#[derive(Clone, Debug)]
pub(crate) enum PrivateKey {
    Rsa(Box<rsa::RsaPrivateKey>),
    Ec(EcKey),
    Ed25519(Box<ed25519_dalek::SigningKey>),
    /// An X25519 key from PKCS#8 (Go's `*ecdh.PrivateKey`): Go can neither sign with
    /// it nor certify it, but reads it.
    X25519([u8; 32]),
    Dsa(Box<DsaKey>),
}

/// A rand_core 0.10 generator over the operating system's, for `crypto-primes`.
struct OsRng10;

impl rand_core10::TryRng for OsRng10 {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(rand_core::RngCore::next_u32(&mut rand_core::OsRng))
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(rand_core::RngCore::next_u64(&mut rand_core::OsRng))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, dst);
        Ok(())
    }
}

impl rand_core10::TryCryptoRng for OsRng10 {}

/// A random prime of exactly `bits` bits with its two top bits set (so a product of
/// two has exactly twice as many), as Go's RSA key generation picks them.
fn random_prime<const LIMBS: usize>(bits: u32) -> BigUint {
    use crypto_primes::hazmat::{SetBits, SmallFactorsSieveFactory};
    let factory = SmallFactorsSieveFactory::<crypto_bigint::Uint<LIMBS>>::new(
        crypto_primes::Flavor::Any,
        bits,
        SetBits::TwoMsb,
    )
    .expect("bit length fits the integer type");
    let prime = crypto_primes::sieve_and_find(&mut OsRng10, factory, |_, c| {
        crypto_primes::is_prime(crypto_primes::Flavor::Any, c)
    })
    .expect("sieving cannot fail for these sizes")
    .expect("a prime is always found");
    BigUint::from_bytes_be(&prime.to_be_bytes())
}

/// Go's `rsa.GenerateKey(rand.Reader, bits)` for the sizes Sprig uses (2048, 4096).
pub(crate) fn generate_rsa(bits: usize) -> PrivateKey {
    // The two primes are searched for at once, on two threads: generation time is
    // random and dominated by the search, so the key is ready when the slower is.
    let pair = |gen_prime: fn() -> BigUint| {
        std::thread::scope(|s| {
            let p = s.spawn(gen_prime);
            let q = gen_prime();
            (p.join().expect("prime search does not panic"), q)
        })
    };
    loop {
        let (p, q) = match bits {
            4096 => pair(|| random_prime::<32>(2048)),
            _ => pair(|| random_prime::<16>(1024)),
        };
        // Fails only when e divides λ(N) (or p == q): Go draws new primes then too.
        if let Ok(key) = rsa::RsaPrivateKey::from_p_q(p, q, BigUint::from(65537u32)) {
            return PrivateKey::Rsa(Box::new(key));
        }
    }
}

/// Go's `ecdsa.GenerateKey(elliptic.P256(), rand.Reader)`.
pub(crate) fn generate_ecdsa() -> PrivateKey {
    PrivateKey::Ec(EcKey::P256(p256::SecretKey::random(&mut rand_core::OsRng)))
}

/// Go's `ed25519.GenerateKey(rand.Reader)`.
pub(crate) fn generate_ed25519() -> PrivateKey {
    PrivateKey::Ed25519(Box::new(ed25519_dalek::SigningKey::generate(
        &mut rand_core::OsRng,
    )))
}

/// Whether `n` has a factor among the primes below 256 (it is not one of them).
fn has_small_factor(n: &BigUint) -> bool {
    const PRIMES: [u64; 53] = [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
        97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181,
        191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241,
    ];
    // Reduce by products of primes that fit 64 bits, then test each prime.
    let mut i = 0;
    while i < PRIMES.len() {
        let mut product: u64 = 1;
        let start = i;
        while i < PRIMES.len() && product.checked_mul(PRIMES[i]).is_some() {
            product *= PRIMES[i];
            i += 1;
        }
        let r = n % BigUint::from(product);
        let r = r
            .to_bytes_be()
            .iter()
            .fold(0u64, |a, b| (a << 8) | u64::from(*b));
        if PRIMES[start..i].iter().any(|p| r % p == 0) {
            return true;
        }
    }
    false
}

fn probably_prime<const LIMBS: usize>(n: &BigUint) -> bool {
    let bytes = n.to_bytes_be();
    let mut padded = vec![0u8; LIMBS * 8];
    padded[LIMBS * 8 - bytes.len()..].copy_from_slice(&bytes);
    let n = crypto_bigint::Uint::<LIMBS>::from_be_slice(&padded);
    crypto_primes::is_prime(crypto_primes::Flavor::Any, &n)
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut b = vec![0u8; n];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut b);
    b
}

/// Go's `dsa.GenerateParameters(.., dsa.L2048N256)` and `dsa.GenerateKey`: a 256-bit
/// prime q, a 2048-bit prime p ≡ 1 (mod q) (4·L tries per q), g = h^((p−1)/q) mod p
/// for the first h from 2 giving g ≠ 1, x uniform in [1, q), y = g^x mod p.
pub(crate) fn generate_dsa() -> PrivateKey {
    const L: usize = 2048;
    const N: usize = 256;
    let one = BigUint::from(1u32);
    let (p, q) = 'primes: loop {
        let mut qb = random_bytes(N / 8);
        qb[N / 8 - 1] |= 1;
        qb[0] |= 0x80;
        let q = BigUint::from_bytes_be(&qb);
        if has_small_factor(&q) || !probably_prime::<4>(&q) {
            continue;
        }
        for _ in 0..4 * L {
            let mut pb = random_bytes(L / 8);
            pb[L / 8 - 1] |= 1;
            pb[0] |= 0x80;
            let p = BigUint::from_bytes_be(&pb);
            let rem = &p % &q;
            // p - (rem - 1); rem ≥ 1 or p − rem + 1 stays positive either way.
            let p = p + &one - rem;
            if p.bits() < L || has_small_factor(&p) || !probably_prime::<32>(&p) {
                continue;
            }
            break 'primes (p, q);
        }
    };
    let e = (&p - &one) / &q;
    let mut h = BigUint::from(2u32);
    let g = loop {
        let g = h.modpow(&e, &p);
        if g != one {
            break g;
        }
        h += &one;
    };
    let x = loop {
        let x = BigUint::from_bytes_be(&random_bytes(N / 8));
        if x != BigUint::from(0u32) && x < q {
            break x;
        }
    };
    let y = g.modpow(&x, &p);
    let int = |b: &BigUint| der::uint_content(&b.to_bytes_be());
    PrivateKey::Dsa(Box::new(DsaKey {
        p: int(&p),
        q: int(&q),
        g: int(&g),
        y: int(&y),
        x: int(&x),
    }))
}

fn big(b: &BigUint) -> Vec<u8> {
    der::uint(&b.to_bytes_be())
}

impl EcKey {
    fn curve_oid(&self) -> Vec<u8> {
        match self {
            EcKey::P224(_) => oids::p224(),
            EcKey::P256(_) => oids::p256(),
            EcKey::P384(_) => oids::p384(),
            EcKey::P521(_) => oids::p521(),
        }
    }

    /// The scalar, padded to the curve order's byte length.
    fn scalar(&self) -> Vec<u8> {
        match self {
            EcKey::P224(k) => k.to_bytes().to_vec(),
            EcKey::P256(k) => k.to_bytes().to_vec(),
            EcKey::P384(k) => k.to_bytes().to_vec(),
            EcKey::P521(k) => k.to_bytes().to_vec(),
        }
    }

    /// The public point, uncompressed (`elliptic.Marshal`).
    fn point(&self) -> Vec<u8> {
        use p256::elliptic_curve::sec1::ToEncodedPoint;
        match self {
            EcKey::P224(k) => k.public_key().to_encoded_point(false).as_bytes().to_vec(),
            EcKey::P256(k) => k.public_key().to_encoded_point(false).as_bytes().to_vec(),
            EcKey::P384(k) => k.public_key().to_encoded_point(false).as_bytes().to_vec(),
            EcKey::P521(k) => k.public_key().to_encoded_point(false).as_bytes().to_vec(),
        }
    }
}

impl PrivateKey {
    /// Sprig's `pemBlockForKey`, encoded (`pem.EncodeToMemory`).
    pub(crate) fn to_pem(&self) -> String {
        let (kind, der) = self.to_der();
        super::pem::encode(kind, &der)
    }

    fn to_der(&self) -> (&'static str, Vec<u8>) {
        match self {
            PrivateKey::Rsa(k) => {
                let primes = k.primes();
                let crt = k.crt_coefficient().unwrap_or_default();
                let parts: Vec<Vec<u8>> = vec![
                    der::small_uint(0),
                    big(k.n()),
                    big(k.e()),
                    big(k.d()),
                    big(&primes[0]),
                    big(&primes[1]),
                    big(k.dp().expect("keys are precomputed")),
                    big(k.dq().expect("keys are precomputed")),
                    big(&crt),
                ];
                let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
                ("RSA PRIVATE KEY", der::seq(&refs))
            }
            PrivateKey::Ec(k) => {
                let body = der::seq(&[
                    &der::small_uint(1),
                    &der::tlv(der::OCTET_STRING, &k.scalar()),
                    &der::tlv(0xa0, &k.curve_oid()),
                    &der::tlv(0xa1, &der::bit_string(&k.point())),
                ]);
                ("EC PRIVATE KEY", body)
            }
            PrivateKey::Ed25519(k) => {
                let seed = der::tlv(der::OCTET_STRING, k.as_bytes());
                let body = der::seq(&[
                    &der::small_uint(0),
                    &der::seq(&[&oids::ed25519()]),
                    &der::tlv(der::OCTET_STRING, &seed),
                ]);
                ("PRIVATE KEY", body)
            }
            PrivateKey::X25519(k) => {
                let key = der::tlv(der::OCTET_STRING, k);
                let body = der::seq(&[
                    &der::small_uint(0),
                    &der::seq(&[&oids::x25519()]),
                    &der::tlv(der::OCTET_STRING, &key),
                ]);
                ("PRIVATE KEY", body)
            }
            PrivateKey::Dsa(k) => {
                let i = |c: &[u8]| der::tlv(der::INTEGER, c);
                let body = der::seq(&[
                    &der::small_uint(0),
                    &i(&k.p),
                    &i(&k.q),
                    &i(&k.g),
                    &i(&k.y),
                    &i(&k.x),
                ]);
                ("DSA PRIVATE KEY", body)
            }
        }
    }

    /// The public key as a certificate holds it: the encoded AlgorithmIdentifier and
    /// the subjectPublicKey bytes (Go's `marshalPublicKey`), or Go's error.
    pub(crate) fn public_key_info(&self) -> Result<(Vec<u8>, Vec<u8>), String> {
        match self {
            PrivateKey::Rsa(k) => Ok((
                der::seq(&[&oids::rsa_encryption(), &[der::NULL, 0]]),
                der::seq(&[&big(k.n()), &big(k.e())]),
            )),
            PrivateKey::Ec(k) => Ok((
                der::seq(&[&oids::ec_public_key(), &k.curve_oid()]),
                k.point(),
            )),
            PrivateKey::Ed25519(k) => Ok((
                der::seq(&[&oids::ed25519()]),
                k.verifying_key().as_bytes().to_vec(),
            )),
            // Go marshals X25519 keys, then finds no certificate algorithm for them.
            PrivateKey::X25519(_) => {
                Err("x509: unsupported public key type: *ecdh.PublicKey".into())
            }
            PrivateKey::Dsa(_) => Err("x509: unsupported public key type: *dsa.PublicKey".into()),
        }
    }

    /// Go's `signingParamsForKey`: the signature AlgorithmIdentifier this key signs
    /// certificates with; `None` for keys that are no `crypto.Signer`.
    pub(crate) fn signature_algorithm(&self) -> Option<Vec<u8>> {
        Some(match self {
            PrivateKey::Rsa(_) => der::seq(&[&oids::sha256_with_rsa(), &[der::NULL, 0]]),
            PrivateKey::Ec(EcKey::P224(_) | EcKey::P256(_)) => {
                der::seq(&[&oids::ecdsa_with_sha256()])
            }
            PrivateKey::Ec(EcKey::P384(_)) => der::seq(&[&oids::ecdsa_with_sha384()]),
            PrivateKey::Ec(EcKey::P521(_)) => der::seq(&[&oids::ecdsa_with_sha512()]),
            PrivateKey::Ed25519(_) => der::seq(&[&oids::ed25519()]),
            PrivateKey::X25519(_) | PrivateKey::Dsa(_) => return None,
        })
    }

    /// Signs `tbs` with the algorithm of [`PrivateKey::signature_algorithm`].
    pub(crate) fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, String> {
        use p256::ecdsa::signature::Signer;
        use sha2::Digest;
        match self {
            PrivateKey::Rsa(k) => {
                // Go 1.24+ refuses to sign with keys under 1024 bits.
                let bits = k.n().bits();
                if bits < 1024 {
                    return Err(format!(
                        "crypto/rsa: {bits}-bit keys are insecure (see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)"
                    ));
                }
                let digest = sha2::Sha256::digest(tbs);
                k.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &digest)
                    .map_err(|e| e.to_string())
            }
            PrivateKey::Ec(EcKey::P224(k)) => {
                use p224::ecdsa::signature::hazmat::PrehashSigner;
                let digest = sha2::Sha256::digest(tbs);
                let sig: p224::ecdsa::Signature = p224::ecdsa::SigningKey::from(k)
                    .sign_prehash(&digest)
                    .map_err(|e| e.to_string())?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ec(EcKey::P256(k)) => {
                let sig: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(k).sign(tbs);
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ec(EcKey::P384(k)) => {
                let sig: p384::ecdsa::Signature = p384::ecdsa::SigningKey::from(k).sign(tbs);
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ec(EcKey::P521(k)) => {
                let sk = p521::ecdsa::SigningKey::from_bytes(&k.to_bytes())
                    .map_err(|e| e.to_string())?;
                let sig: p521::ecdsa::Signature = sk.sign(tbs);
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ed25519(k) => Ok(k.sign(tbs).to_bytes().to_vec()),
            PrivateKey::X25519(_) | PrivateKey::Dsa(_) => {
                Err("x509: certificate private key does not implement crypto.Signer".into())
            }
        }
    }
}

/// Sprig's `parsePrivateKeyPEM`, with its and Go's error messages.
pub(crate) fn parse_private_key_pem(text: &str) -> Result<PrivateKey, String> {
    let Some(block) = super::pem::decode(text.as_bytes()) else {
        return Err("no PEM data in input".into());
    };
    if block.kind == "PRIVATE KEY" {
        return parse_pkcs8(&block.bytes).map_err(|e| format!("decoding PEM as PKCS#8: {e}"));
    }
    let Some(kind) = block.kind.strip_suffix(" PRIVATE KEY") else {
        return Err(format!(
            "no private key data in PEM block of type {}",
            block.kind
        ));
    };
    match kind {
        "RSA" => {
            parse_pkcs1(&block.bytes).map_err(|e| format!("parsing RSA private key from PEM: {e}"))
        }
        "EC" => parse_ec(None, &block.bytes)
            .map_err(|e| format!("parsing EC private key from PEM: {e}")),
        "DSA" => {
            parse_dsa(&block.bytes).map_err(|e| format!("parsing DSA private key from PEM: {e}"))
        }
        _ => Err(format!("invalid private key type {}", block.kind)),
    }
}

fn parses_as(data: &[u8], kind: goasn1::Kind) -> bool {
    goasn1::unmarshal(data, kind).is_ok()
}

fn to_big(content: &[u8]) -> BigUint {
    BigUint::from_bytes_be(der::uint_magnitude(content).unwrap_or_default())
}

fn oid(content: &[u8]) -> Vec<u8> {
    der::tlv(der::OID, content)
}

/// Go's `x509.ParsePKCS1PrivateKey`.
fn parse_pkcs1(data: &[u8]) -> Result<PrivateKey, String> {
    let leaves = match goasn1::unmarshal(data, goasn1::PKCS1) {
        Ok((_, rest)) if !rest.is_empty() => {
            return Err("asn1: syntax error: trailing data".into());
        }
        Ok((leaves, _)) => leaves,
        Err(e) => {
            if parses_as(data, goasn1::EC) {
                return Err("x509: failed to parse private key (use ParseECPrivateKey instead for this key format)".into());
            }
            if parses_as(data, goasn1::PKCS8) {
                return Err("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)".into());
            }
            return Err(e);
        }
    };
    let field = |i: usize| leaves[i].unwrap_or_default();
    if goasn1::int_value(field(0)) > 1 {
        return Err("x509: unsupported private key version".into());
    }
    let positive = |c: &[u8]| der::is_positive(c);
    if !positive(field(1))
        || !positive(field(3))
        || !positive(field(4))
        || !positive(field(5))
        || leaves[6..9].iter().flatten().any(|c| !positive(c))
    {
        return Err("x509: private key contains zero or negative value".into());
    }
    if leaves[9].is_some_and(|extra| !extra.is_empty()) {
        return Err("crypto/rsa: multi-prime RSA keys are not supported".into());
    }
    let (n, e, d, p, q) = (
        to_big(field(1)),
        to_big(field(2)),
        to_big(field(3)),
        to_big(field(4)),
        to_big(field(5)),
    );
    if &p * &q != n {
        return Err("crypto/rsa: p * q != n".into());
    }
    let key = rsa::RsaPrivateKey::from_components(n, e, d, vec![p, q])
        .map_err(|e| format!("crypto/rsa: {e}"))?;
    // Go uses the encoded CRT values and rejects keys whose values disagree.
    if let (Some(dp), Some(kdp)) = (leaves[6], key.dp())
        && to_big(dp) != *kdp
    {
        return Err("crypto/rsa: invalid CRT exponent".into());
    }
    if let (Some(dq), Some(kdq)) = (leaves[7], key.dq())
        && to_big(dq) != *kdq
    {
        return Err("crypto/rsa: invalid CRT exponent".into());
    }
    if let (Some(qinv), Some(kq)) = (leaves[8], key.crt_coefficient())
        && to_big(qinv) != kq
    {
        return Err("crypto/rsa: invalid CRT coefficient".into());
    }
    Ok(PrivateKey::Rsa(Box::new(key)))
}

/// Go's `parseECPrivateKey`, with the curve named by PKCS#8 parameters when given.
fn parse_ec(named_curve: Option<Vec<u8>>, data: &[u8]) -> Result<PrivateKey, String> {
    let leaves = match goasn1::unmarshal(data, goasn1::EC) {
        Ok((leaves, _)) => leaves,
        Err(e) => {
            if parses_as(data, goasn1::PKCS8) {
                return Err("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)".into());
            }
            if parses_as(data, goasn1::PKCS1) {
                return Err("x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)".into());
            }
            return Err(format!("x509: failed to parse EC private key: {e}"));
        }
    };
    let version = goasn1::int_value(leaves[0].unwrap_or_default());
    if version != 1 {
        return Err(format!("x509: unknown EC private key version {version}"));
    }
    let curve = named_curve
        .or_else(|| leaves[2].map(oid))
        .unwrap_or_default();
    let size = if curve == oids::p224() {
        28
    } else if curve == oids::p256() {
        32
    } else if curve == oids::p384() {
        48
    } else if curve == oids::p521() {
        66
    } else {
        return Err("x509: unknown elliptic curve".into());
    };
    let mut scalar = leaves[1].unwrap_or_default();
    if scalar.len() > size && scalar.iter().take(scalar.len() - size).any(|b| *b != 0) {
        // Larger than any curve order.
        return Err("x509: invalid elliptic curve private key value".into());
    }
    while scalar.len() > size {
        scalar = &scalar[1..];
    }
    let mut padded = vec![0u8; size];
    padded[size - scalar.len()..].copy_from_slice(scalar);
    let invalid = |_| "x509: invalid elliptic curve private key value".to_string();
    Ok(PrivateKey::Ec(match size {
        28 => EcKey::P224(p224::SecretKey::from_slice(&padded).map_err(invalid)?),
        32 => EcKey::P256(p256::SecretKey::from_slice(&padded).map_err(invalid)?),
        48 => EcKey::P384(p384::SecretKey::from_slice(&padded).map_err(invalid)?),
        _ => EcKey::P521(p521::SecretKey::from_slice(&padded).map_err(invalid)?),
    }))
}

/// Go's `x509.ParsePKCS8PrivateKey`, for the kinds Sprig can use.
fn parse_pkcs8(data: &[u8]) -> Result<PrivateKey, String> {
    let leaves = match goasn1::unmarshal(data, goasn1::PKCS8) {
        Ok((leaves, _)) => leaves,
        Err(e) => {
            if parses_as(data, goasn1::EC) {
                return Err("x509: failed to parse private key (use ParseECPrivateKey instead for this key format)".into());
            }
            if parses_as(data, goasn1::PKCS1) {
                return Err("x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)".into());
            }
            return Err(e);
        }
    };
    let algorithm = oid(leaves[1].unwrap_or_default());
    let parameters = leaves[2];
    let private_key = leaves[3].unwrap_or_default();
    if algorithm == oids::rsa_encryption() {
        return parse_pkcs1(private_key)
            .map_err(|e| format!("x509: failed to parse RSA private key embedded in PKCS#8: {e}"));
    }
    if algorithm == oids::ec_public_key() {
        let curve = parameters
            .and_then(|p| goasn1::unmarshal(p, goasn1::Kind::Oid).ok())
            .and_then(|(leaves, _)| leaves[0].map(oid));
        return parse_ec(curve, private_key)
            .map_err(|e| format!("x509: failed to parse EC private key embedded in PKCS#8: {e}"));
    }
    let curve_key = |what: &str| -> Result<&[u8], String> {
        if parameters.is_some_and(|p| !p.is_empty()) {
            return Err(format!("x509: invalid {what} private key parameters"));
        }
        goasn1::unmarshal(private_key, goasn1::Kind::Bytes)
            .map(|(leaves, _)| leaves[0].unwrap_or_default())
            .map_err(|e| format!("x509: invalid {what} private key: {e}"))
    };
    if algorithm == oids::ed25519() {
        let seed = curve_key("Ed25519")?;
        let Ok(seed) = <[u8; 32]>::try_from(seed) else {
            return Err(format!(
                "x509: invalid Ed25519 private key length: {}",
                seed.len()
            ));
        };
        return Ok(PrivateKey::Ed25519(Box::new(
            ed25519_dalek::SigningKey::from_bytes(&seed),
        )));
    }
    if algorithm == oids::x25519() {
        let key = curve_key("X25519")?;
        let Ok(key) = <[u8; 32]>::try_from(key) else {
            return Err("crypto/ecdh: invalid private key size".into());
        };
        return Ok(PrivateKey::X25519(key));
    }
    Err(format!(
        "x509: PKCS#8 wrapping contained private key with unknown algorithm: {}",
        oid_to_string(&algorithm)
    ))
}

/// An encoded OID as Go's `ObjectIdentifier.String` prints it (`1.2.3`).
pub(crate) fn oid_to_string(full: &[u8]) -> String {
    let content = Reader::new(full)
        .read(der::OID)
        .map(|e| e.content)
        .unwrap_or_default();
    let mut arcs = Vec::new();
    let mut v: u64 = 0;
    for (i, b) in content.iter().enumerate() {
        v = (v << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() && i < content.len() {
                let first = (v / 40).min(2);
                arcs.push(first);
                arcs.push(v - first * 40);
            } else {
                arcs.push(v);
            }
            v = 0;
        }
    }
    arcs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// Sprig's reading of a `DSA PRIVATE KEY` (`asn1.Unmarshal` into `DSAKeyFormat`).
fn parse_dsa(data: &[u8]) -> Result<PrivateKey, String> {
    let (leaves, _) = goasn1::unmarshal(data, goasn1::DSA)?;
    let int = |i: usize| leaves[i].unwrap_or_default().to_vec();
    Ok(PrivateKey::Dsa(Box::new(DsaKey {
        p: int(1),
        q: int(2),
        g: int(3),
        y: int(4),
        x: int(5),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oid_strings() {
        assert_eq!(oid_to_string(&oids::p256()), "1.2.840.10045.3.1.7");
        assert_eq!(oid_to_string(&oids::ed25519()), "1.3.101.112");
    }

    #[test]
    fn generated_keys_read_back() {
        for key in [generate_ecdsa(), generate_ed25519()] {
            let pem = key.to_pem();
            let back = parse_private_key_pem(&pem).unwrap();
            assert_eq!(back.to_pem(), pem);
        }
    }

    #[test]
    fn parse_errors() {
        assert_eq!(
            parse_private_key_pem("nothing").err().unwrap(),
            "no PEM data in input"
        );
        let cert = super::super::pem::encode("CERTIFICATE", b"\x30\x00");
        assert_eq!(
            parse_private_key_pem(&cert).err().unwrap(),
            "no private key data in PEM block of type CERTIFICATE"
        );
        let foo = super::super::pem::encode("FOO PRIVATE KEY", b"\x30\x00");
        assert_eq!(
            parse_private_key_pem(&foo).err().unwrap(),
            "invalid private key type FOO PRIVATE KEY"
        );
    }
}
