//! Hashes, passwords, encryption, keys and certificates: `sha1sum`, `sha256sum`,
//! `sha512sum`, `adler32sum`, `bcrypt`, `htpasswd`, `derivePassword`, `encryptAES`,
//! `decryptAES`, `genPrivateKey`, `genCA`, `genSelfSignedCert`, `genSignedCert`,
//! `buildCustomCert` and their `WithKey` forms.
//!
//! Deterministic functions give Helm's exact output; the others (random salts, IVs,
//! keys, serials) give output of exactly Helm's form, which Go reads back: kelm's
//! certificates, keys, bcrypt hashes and AES ciphertexts are accepted by Helm's Go code
//! and Helm's by kelm's. Errors carry Go's messages, down to `encoding/asn1`'s for
//! malformed keys and the runtime panics of `decryptAES`.
//!
//! Primitives come from RustCrypto (`sha1`, `sha2`, `hmac`, `scrypt`, `bcrypt`, `aes`,
//! `cbc`, `rsa`, `p224`/`p256`/`p384`/`p521`, `ed25519-dalek`) and `crypto-primes` for
//! RSA and DSA primes; the formats around them (PEM, DER, PKCS#1, SEC 1, PKCS#8,
//! certificates, Go's base64) are written here, following Go's encoders byte for byte.
//!
//! Known differences: ECDSA signatures are deterministic (RFC 6979) where Go's are
//! randomized (both verify); a certificate given to `genSignedCert` or
//! `buildCustomCert` is checked for Go's structure but not every extension's contents;
//! bytes that are not UTF-8 (a `decryptAES` with the wrong password) come out as U+FFFD.

use kelm_gotmpl::{FuncError, Function, Signature, Type, Value};

mod aes;
pub(crate) mod certs;
mod der;
mod goasn1;
mod gobase64;
mod hash;
mod keys;
mod password;
mod pem;

use certs::{Certificate, Template};
use keys::PrivateKey;

/// The text of a `string` argument (the engine converted it already).
pub(crate) fn str_arg(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

/// Go bytes as a kelm string: each byte of an invalid UTF-8 sequence becomes U+FFFD,
/// as `fmt` prints such bytes.
pub(crate) fn lossy_string(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut rest = bytes;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let (good, bad) = rest.split_at(e.valid_up_to());
                        out.push_str(std::str::from_utf8(good).unwrap_or_default());
                        let n = e.error_len().unwrap_or(bad.len());
                        out.extend(std::iter::repeat_n('\u{FFFD}', n));
                        rest = &bad[n..];
                    }
                }
            }
            out
        }
    }
}

fn int_arg(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        _ => 0,
    }
}

/// Sprig's `generatePrivateKey`: the PEM text, or (as a string) why there is none.
fn gen_private_key(kind: &str) -> String {
    let key = match kind {
        "" | "rsa" => keys::generate_rsa(4096),
        "dsa" => keys::generate_dsa(),
        "ecdsa" => keys::generate_ecdsa(),
        "ed25519" => keys::generate_ed25519(),
        _ => return format!("Unknown type {kind}"),
    };
    key.to_pem()
}

fn with_key(pem: &str) -> Result<PrivateKey, FuncError> {
    keys::parse_private_key_pem(pem)
        .map_err(|e| FuncError::new(format!("parsing private key: {e}")))
}

/// Sprig's `getBaseCertTemplate` inputs: IPs first, then DNS names.
fn template(
    cn: &Value,
    ips: &Value,
    dns: &Value,
    days: &Value,
    is_ca: bool,
) -> Result<Template, FuncError> {
    let ips = certs::net_ips(ips)?;
    let dns_names = certs::dns_names(dns)?;
    Ok(Template {
        cn: str_arg(cn).to_string(),
        ips,
        dns_names,
        days_valid: int_arg(days),
        is_ca,
    })
}

fn ca(args: &[Value], key: PrivateKey) -> Result<Value, FuncError> {
    let t = template(&args[0], &Value::Invalid, &Value::Invalid, &args[1], true)?;
    Ok(certs::cert_and_key(&t, &key, None, &key)?.into_value())
}

fn self_signed(args: &[Value], key: PrivateKey) -> Result<Value, FuncError> {
    let t = template(&args[0], &args[1], &args[2], &args[3], false)?;
    Ok(certs::cert_and_key(&t, &key, None, &key)?.into_value())
}

fn signed(args: &[Value], key: impl FnOnce() -> PrivateKey) -> Result<Value, FuncError> {
    let (parent, signer) = certs::signer_of(&Certificate::from_value(&args[4]))?;
    let t = template(&args[0], &args[1], &args[2], &args[3], false)?;
    Ok(certs::cert_and_key(&t, &key(), Some(&parent), &signer)?.into_value())
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let cert_t = || Type::struct_named(certs::CERTIFICATE_TYPE);
    let int = || Type::Int(kelm_gotmpl::IntKind::Int);
    let list = Type::slice_of_any;
    let cert_sig = |params: Vec<Type>| Signature::new(params, cert_t()).with_error();
    let mut all = Vec::new();
    all.extend(hash::functions());
    all.extend(password::functions());
    all.extend(aes::functions());
    all.extend([
        Function::new(
            "genPrivateKey",
            Signature::new(vec![Type::String], Type::String),
            |_, args| Ok(Value::from(gen_private_key(str_arg(&args[0])))),
        ),
        Function::new(
            "buildCustomCert",
            cert_sig(vec![Type::String, Type::String]),
            |_, args| Ok(certs::build_custom(str_arg(&args[0]), str_arg(&args[1]))?.into_value()),
        ),
        Function::new("genCA", cert_sig(vec![Type::String, int()]), |_, args| {
            ca(args, keys::generate_rsa(2048))
        }),
        Function::new(
            "genCAWithKey",
            cert_sig(vec![Type::String, int(), Type::String]),
            |_, args| ca(args, with_key(str_arg(&args[2]))?),
        ),
        Function::new(
            "genSelfSignedCert",
            cert_sig(vec![Type::String, list(), list(), int()]),
            |_, args| self_signed(args, keys::generate_rsa(2048)),
        ),
        Function::new(
            "genSelfSignedCertWithKey",
            cert_sig(vec![Type::String, list(), list(), int(), Type::String]),
            |_, args| self_signed(args, with_key(str_arg(&args[4]))?),
        ),
        Function::new(
            "genSignedCert",
            cert_sig(vec![Type::String, list(), list(), int(), cert_t()]),
            |_, args| signed(args, || keys::generate_rsa(2048)),
        ),
        Function::new(
            "genSignedCertWithKey",
            cert_sig(vec![
                Type::String,
                list(),
                list(),
                int(),
                cert_t(),
                Type::String,
            ]),
            |_, args| {
                let key = with_key(str_arg(&args[5]))?;
                signed(args, || key)
            },
        ),
    ]);
    all
}
