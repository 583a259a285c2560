//! `encryptAES` and `decryptAES`: AES-256-CBC with PKCS#7 padding, the key being the
//! password's first 32 bytes (zero-filled when shorter), a random IV in front of the
//! ciphertext, all in standard base64. What Helm encrypted kelm decrypts, and back.
//!
//! Sprig's `decryptAES` checks nothing: input shorter than a block, not a whole number
//! of blocks or with impossible padding makes Go panic, and the template reports the
//! panic's message (`runtime error: index out of range [-1]`); kelm returns the same
//! messages as errors.

use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit, generic_array::GenericArray};
use kelm_gotmpl::{FuncError, Function, Signature, Type, Value};
use rand_core::RngCore;

use super::{gobase64, lossy_string, str_arg};

const BLOCK: usize = 16;

fn key(password: &str) -> [u8; 32] {
    let mut key = [0u8; 32];
    let p = password.as_bytes();
    let n = p.len().min(32);
    key[..n].copy_from_slice(&p[..n]);
    key
}

/// Sprig's `encryptAES`.
pub(crate) fn encrypt(password: &str, plaintext: &str) -> String {
    if plaintext.is_empty() {
        return String::new();
    }
    let mut content = plaintext.as_bytes().to_vec();
    let padding = BLOCK - content.len() % BLOCK;
    content.resize(content.len() + padding, padding as u8);
    let mut iv = [0u8; BLOCK];
    rand_core::OsRng.fill_bytes(&mut iv);
    let mut enc = cbc::Encryptor::<aes::Aes256>::new(&key(password).into(), &iv.into());
    for chunk in content.chunks_exact_mut(BLOCK) {
        enc.encrypt_block_mut(GenericArray::from_mut_slice(chunk));
    }
    let mut out = iv.to_vec();
    out.extend_from_slice(&content);
    gobase64::encode(&out)
}

/// Sprig's `decryptAES`, with Go's panics as errors.
pub(crate) fn decrypt(password: &str, crypt64: &str) -> Result<String, FuncError> {
    if crypt64.is_empty() {
        return Ok(String::new());
    }
    let crypt = gobase64::decode(crypt64.as_bytes()).map_err(|e| FuncError::new(e.to_string()))?;
    if crypt.len() < BLOCK {
        return Err(FuncError::new(format!(
            "runtime error: slice bounds out of range [:{BLOCK}] with capacity {}",
            crypt.len()
        )));
    }
    let (iv, body) = crypt.split_at(BLOCK);
    if body.len() % BLOCK != 0 {
        return Err(FuncError::new("crypto/cipher: input not full blocks"));
    }
    let mut dec = cbc::Decryptor::<aes::Aes256>::new(&key(password).into(), iv.into());
    let mut plain = body.to_vec();
    for chunk in plain.chunks_exact_mut(BLOCK) {
        dec.decrypt_block_mut(GenericArray::from_mut_slice(chunk));
    }
    let Some(&pad) = plain.last() else {
        return Err(FuncError::new("runtime error: index out of range [-1]"));
    };
    let end = plain.len() as i64 - i64::from(pad);
    if end < 0 {
        return Err(FuncError::new(format!(
            "runtime error: slice bounds out of range [:{end}]"
        )));
    }
    plain.truncate(end as usize);
    Ok(lossy_string(&plain))
}

/// This module's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![
        Function::new(
            "encryptAES",
            Signature::new(vec![Type::String, Type::String], Type::String).with_error(),
            |_, args| Ok(Value::from(encrypt(str_arg(&args[0]), str_arg(&args[1])))),
        ),
        Function::new(
            "decryptAES",
            Signature::new(vec![Type::String, Type::String], Type::String).with_error(),
            |_, args| decrypt(str_arg(&args[0]), str_arg(&args[1])).map(Value::from),
        ),
    ]
}
