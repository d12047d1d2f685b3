//! Proof Key for Code Exchange (RFC 7636) with the S256 method, and the random `state` value.
//! Randomness comes from the caller: `crypto.getRandomValues` in the browser, fixed bytes in tests.

use super::{base64url, sha256::sha256};

/// Random bytes behind a code verifier: 32 bytes → 43 base64url characters, the RFC's minimum length and
/// its recommended construction (§4.1), with 256 bits of entropy.
pub const VERIFIER_BYTES: usize = 32;
/// Random bytes behind the `state` value (128 bits).
pub const STATE_BYTES: usize = 16;

/// The code verifier: base64url of random bytes, so only unreserved characters (`A–Z a–z 0–9 - _`).
pub fn verifier(random: &[u8; VERIFIER_BYTES]) -> String {
    base64url::encode(random)
}

/// The S256 code challenge: `BASE64URL(SHA256(ASCII(verifier)))`.
pub fn challenge(verifier: &str) -> String {
    base64url::encode(&sha256(verifier.as_bytes()))
}

/// An opaque `state` value binding the redirect back to the sign-in this browser tab started.
pub fn state(random: &[u8; STATE_BYTES]) -> String {
    base64url::encode(random)
}

/// RFC 7636 §4.1: 43 to 128 characters from `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`.
pub fn is_valid_verifier(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 appendix B.
    const RFC_RANDOM: [u8; 32] = [
        116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
        240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];

    #[test]
    fn rfc_7636_appendix_b() {
        let v = verifier(&RFC_RANDOM);
        assert_eq!(v, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(challenge(&v), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn verifiers_are_43_unreserved_characters() {
        for fill in [0u8, 0x3f, 0xfb, 0xff] {
            let v = verifier(&[fill; VERIFIER_BYTES]);
            assert_eq!(v.len(), 43);
            assert!(is_valid_verifier(&v), "{v}");
        }
        assert!(!is_valid_verifier(&"a".repeat(42)));
        assert!(!is_valid_verifier(&"a".repeat(129)));
        assert!(!is_valid_verifier(&format!("{}+", "a".repeat(42))));
        assert!(is_valid_verifier(&format!("{}.~", "a".repeat(41))));
    }

    #[test]
    fn state_is_22_characters() {
        let s = state(&[7; STATE_BYTES]);
        assert_eq!(s.len(), 22);
        assert_ne!(s, state(&[8; STATE_BYTES]));
    }
}
