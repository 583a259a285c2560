//! Hashes, passwords, encryption, keys and certificates: `sha1sum`, `sha256sum`,
//! `sha512sum`, `adler32sum`, `bcrypt`, `htpasswd`, `derivePassword`, `encryptAES`,
//! `decryptAES`, `genPrivateKey`, `genCA`, `genSelfSignedCert`, `genSignedCert`,
//! `buildCustomCert` and their `WithKey` forms.

use kelm_gotmpl::Function;

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    Vec::new()
}
