//! `bcrypt`, `htpasswd` and `derivePassword`.
//!
//! `bcrypt` is `golang.org/x/crypto/bcrypt`'s `GenerateFromPassword` at the default cost
//! 10, which writes `$2a$` hashes and refuses passwords over 72 bytes. `derivePassword`
//! is the Master Password algorithm (scrypt with N=32768, r=8, p=2 over the user name,
//! then HMAC-SHA256 over the site name and counter picking a template and characters):
//! deterministic, so kelm's passwords equal Helm's.

use hmac::Mac;
use kelm_gotmpl::{Function, Signature, Type, UintKind, Value};

use super::str_arg;

/// Go's `bcrypt.DefaultCost`.
const DEFAULT_COST: u32 = 10;

/// Sprig's `bcrypt`: the hash, or (as a string, not an error) why there is none.
pub(crate) fn bcrypt_hash(input: &str) -> String {
    if input.len() > 72 {
        return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
            .to_string();
    }
    match bcrypt::hash_with_result(input.as_bytes(), DEFAULT_COST) {
        Ok(parts) => parts.format_for_version(bcrypt::Version::TwoA),
        Err(e) => format!("failed to encrypt string with bcrypt: {e}"),
    }
}

/// Sprig's `htpasswd`: `user:bcrypt(password)`.
pub(crate) fn htpasswd(username: &str, password: &str) -> String {
    if username.contains(':') {
        return format!("invalid username: {username}");
    }
    format!("{username}:{}", bcrypt_hash(password))
}

const MASTER_PASSWORD_SEED: &[u8] = b"com.lyndir.masterpassword";

fn templates(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "maximum" => &["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" => &[
            "CvcvnoCvcvCvcv",
            "CvcvCvcvnoCvcv",
            "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv",
            "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv",
            "CvcvCvccCvcvno",
            "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno",
            "CvccnoCvccCvcv",
            "CvccCvccnoCvcv",
            "CvccCvccCvcvno",
            "CvcvnoCvccCvcc",
            "CvcvCvccnoCvcc",
            "CvcvCvccCvccno",
            "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => &["CvcnoCvc", "CvcCvcno"],
        "short" => &["Cvcn"],
        "basic" => &["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => &["nnnn"],
        _ => return None,
    })
}

fn template_characters(class: u8) -> &'static [u8] {
    match class {
        b'V' => b"AEIOU",
        b'C' => b"BCDFGHJKLMNPQRSTVWXYZ",
        b'v' => b"aeiou",
        b'c' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        b'a' => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        b'n' => b"0123456789",
        b'o' => b"@&%?,=[]_:-+*$#!'^~;()/.",
        // 'x', the only other class the templates use.
        _ => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    }
}

/// Sprig's `derivePassword`.
pub(crate) fn derive_password(
    counter: u32,
    kind: &str,
    password: &str,
    user: &str,
    site: &str,
) -> String {
    let Some(templates) = templates(kind) else {
        return format!("cannot find password template {kind}");
    };
    let mut salt = MASTER_PASSWORD_SEED.to_vec();
    salt.extend_from_slice(&(user.len() as u32).to_be_bytes());
    salt.extend_from_slice(user.as_bytes());
    let mut key = [0u8; 64];
    // N = 2^15, r = 8, p = 2, 64 bytes: valid parameters, so neither call fails.
    if let Ok(params) = scrypt::Params::new(15, 8, 2, 64) {
        let _ = scrypt::scrypt(password.as_bytes(), &salt, &params, &mut key);
    }

    let mut message = MASTER_PASSWORD_SEED.to_vec();
    message.extend_from_slice(&(site.len() as u32).to_be_bytes());
    message.extend_from_slice(site.as_bytes());
    message.extend_from_slice(&counter.to_be_bytes());
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key) else {
        unreachable!("HMAC takes keys of any length")
    };
    mac.update(&message);
    let seed = mac.finalize().into_bytes();

    let template = templates[usize::from(seed[0]) % templates.len()].as_bytes();
    template
        .iter()
        .enumerate()
        .map(|(i, class)| {
            let chars = template_characters(*class);
            char::from(chars[usize::from(seed[i + 1]) % chars.len()])
        })
        .collect()
}

/// This module's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        Function::new(
            "bcrypt",
            Signature::new(vec![Type::String], Type::String),
            |_, args| Ok(Value::from(bcrypt_hash(str_arg(&args[0])))),
        ),
        Function::new(
            "htpasswd",
            Signature::new(vec![Type::String, Type::String], Type::String),
            |_, args| Ok(Value::from(htpasswd(str_arg(&args[0]), str_arg(&args[1])))),
        ),
        Function::new(
            "derivePassword",
            Signature::new(
                vec![
                    Type::Uint(UintKind::U32),
                    Type::String,
                    Type::String,
                    Type::String,
                    Type::String,
                ],
                Type::String,
            ),
            |_, args| {
                let counter = match args[0] {
                    Value::Uint(u, _) => u as u32,
                    _ => 0,
                };
                Ok(Value::from(derive_password(
                    counter,
                    str_arg(&args[1]),
                    str_arg(&args[2]),
                    str_arg(&args[3]),
                    str_arg(&args[4]),
                )))
            },
        ),
    ]
}
