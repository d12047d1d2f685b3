//! A held token and when to renew it. The value never prints: `Debug` redacts it and there is no `Display`,
//! so a token cannot reach a log or an error message by accident.

/// Renew when less than this is left (5 minutes): a request started now must not outlive its token.
pub const RENEW_BEFORE_SECS: i64 = 300;

#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    value: String,
    /// Unix seconds.
    pub expires_at: i64,
}

impl Token {
    pub fn new(value: String, expires_at: i64) -> Self {
        Self { value, expires_at }
    }

    /// The secret itself; only for the `Authorization` header or a token-endpoint form body.
    pub fn secret(&self) -> &str {
        &self.value
    }

    pub fn is_expired(&self, now: i64) -> bool {
        now >= self.expires_at
    }

    /// True within the last five minutes of its life (and after).
    pub fn needs_renewal(&self, now: i64) -> bool {
        self.expires_at - now < RENEW_BEFORE_SECS
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Token(<redacted>, expires_at: {})", self.expires_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renewal_starts_five_minutes_before_expiry() {
        let t = Token::new("secret-value".into(), 10_000);
        assert!(!t.needs_renewal(10_000 - 301));
        assert!(!t.needs_renewal(10_000 - 300));
        assert!(t.needs_renewal(10_000 - 299));
        assert!(!t.is_expired(9_999));
        assert!(t.is_expired(10_000));
    }

    #[test]
    fn debug_never_shows_the_value() {
        let shown = format!("{:?}", Token::new("eyJ.secret-value".into(), 42));
        assert!(!shown.contains("secret-value"), "{shown}");
        assert!(shown.contains("42"));
    }
}
