//! The host-token protocol: a portal that embeds Tier1 in an iframe hands it an access token over
//! `postMessage`.
//!
//! - Tier1 → `window.parent`, once per allowed origin as `targetOrigin`: `{"type":"tier1:token-request"}`.
//! - Host → Tier1: `{"type":"tier1:token","accessToken":"…","expiresOn":<unix seconds>}`.
//!
//! Origins match exactly: scheme, host and port (default ports and letter case normalised, a trailing `/`
//! or path in the configured entry ignored). There are no wildcards: `*`, `https://*.contoso.com` or `null`
//! never match, because whoever can post a token can choose whose data the operator sees. Everything that
//! is not a well-formed token message from an allowed origin is dropped without a trace: no error, no log.

use serde_json::Value;

use super::{entra::is_token_text, token::Token};

pub const REQUEST_TYPE: &str = "tier1:token-request";
pub const TOKEN_TYPE: &str = "tier1:token";

/// Longest accepted token (Entra access tokens are a few KB).
const MAX_TOKEN_LEN: usize = 16 * 1024;
/// Latest accepted expiry, from now: a day. Anything later is a unit mistake (milliseconds, say).
const MAX_LIFETIME_SECS: f64 = 86_400.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostTokenConfig {
    /// Origins of the embedding portal, e.g. `https://portal.contoso.com`.
    pub allowed_origins: Vec<String>,
}

impl HostTokenConfig {
    /// The configured origins in canonical form; invalid entries (wildcards, paths only, other schemes)
    /// are left out. Also the `targetOrigin`s token requests are posted to.
    pub fn origins(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for origin in self.allowed_origins.iter().filter_map(|o| normalize_origin(o)) {
            if !out.contains(&origin) {
                out.push(origin);
            }
        }
        out
    }

    pub fn allows(&self, origin: &str) -> bool {
        normalize_origin(origin).is_some_and(|origin| self.origins().contains(&origin))
    }
}

/// `scheme://host[:port]`, lower-case, default port dropped; None for anything that is not an http(s)
/// origin (including `null`, `*` and patterns).
pub fn normalize_origin(text: &str) -> Option<String> {
    let text = text.trim().to_ascii_lowercase();
    let (scheme, rest) = text.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let default_port = match scheme {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if authority.is_empty() || authority.starts_with(':') || !authority.chars().all(valid) {
        return None;
    }
    Some(format!("{scheme}://{}", authority.strip_suffix(default_port).unwrap_or(authority)))
}

/// Why a message was not taken; only tests look at it, the app drops every rejection silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    Origin,
    NotAnObject,
    WrongType,
    MissingToken,
    BadToken,
    BadExpiry,
    Expired,
}

/// Validates one message event's origin and data; a token only for a well-formed message from an allowed
/// origin whose token is still valid.
pub fn accept(config: &HostTokenConfig, origin: &str, data: &Value, now: i64) -> Result<Token, Rejected> {
    if !config.allows(origin) {
        return Err(Rejected::Origin);
    }
    let Value::Object(fields) = data else {
        return Err(Rejected::NotAnObject);
    };
    if fields.get("type").and_then(Value::as_str) != Some(TOKEN_TYPE) {
        return Err(Rejected::WrongType);
    }
    let token = match fields.get("accessToken") {
        Some(Value::String(t)) if !t.is_empty() => t,
        _ => return Err(Rejected::MissingToken),
    };
    if token.len() > MAX_TOKEN_LEN || !is_token_text(token) {
        return Err(Rejected::BadToken);
    }
    let expires_on = fields.get("expiresOn").and_then(Value::as_f64).ok_or(Rejected::BadExpiry)?;
    if !expires_on.is_finite() || expires_on > now as f64 + MAX_LIFETIME_SECS {
        return Err(Rejected::BadExpiry);
    }
    if expires_on <= now as f64 {
        return Err(Rejected::Expired);
    }
    Ok(Token::new(token.clone(), expires_on as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: i64 = 1_750_000_000;

    fn config() -> HostTokenConfig {
        HostTokenConfig { allowed_origins: vec!["https://Portal.Contoso.com/".into(), "http://localhost:3000".into()] }
    }

    fn good() -> Value {
        json!({"type": "tier1:token", "accessToken": "eyJ0.eyJ1.c2ln", "expiresOn": NOW + 3600})
    }

    #[test]
    fn origins_match_exactly_after_normalisation() {
        let c = config();
        assert!(c.allows("https://portal.contoso.com"));
        assert!(c.allows("https://portal.contoso.com:443"));
        assert!(c.allows("http://localhost:3000"));
        for other in [
            "http://portal.contoso.com",
            "https://portal.contoso.com:8443",
            "https://evil.portal.contoso.com",
            "https://portal.contoso.com.evil.example",
            "https://contoso.com",
            "http://localhost:3001",
            "null",
            "",
            "*",
        ] {
            assert!(!c.allows(other), "{other}");
        }
        assert_eq!(c.origins(), ["https://portal.contoso.com", "http://localhost:3000"]);
    }

    #[test]
    fn wildcards_never_match() {
        let c = HostTokenConfig { allowed_origins: vec!["*".into(), "https://*.contoso.com".into()] };
        assert!(!c.allows("https://portal.contoso.com"));
        assert!(!c.allows("https://evil.example"));
        assert!(c.origins().is_empty());
        assert_eq!(normalize_origin("null"), None);
        assert_eq!(normalize_origin("file:///etc/passwd"), None);
        assert_eq!(normalize_origin("https://user@host.example"), None);
        assert_eq!(normalize_origin("https://HOST.example:80/path?q"), Some("https://host.example:80".into()));
    }

    #[test]
    fn good_message_accepted() {
        let token = accept(&config(), "https://portal.contoso.com", &good(), NOW).unwrap();
        assert_eq!(token.secret(), "eyJ0.eyJ1.c2ln");
        assert_eq!(token.expires_at, NOW + 3600);
    }

    #[test]
    fn hostile_or_malformed_messages_rejected() {
        let c = config();
        let from = "https://portal.contoso.com";
        let with = |key: &str, value: Value| {
            let mut m = good();
            m[key] = value;
            m
        };
        let without = |key: &str| {
            let mut m = good();
            m.as_object_mut().unwrap().remove(key);
            m
        };
        let cases = [
            ("https://evil.example", good(), Rejected::Origin),
            ("null", good(), Rejected::Origin),
            (from, json!("tier1:token eyJ0.eyJ1.c2ln"), Rejected::NotAnObject),
            (from, good().to_string().into(), Rejected::NotAnObject),
            (from, json!([good()]), Rejected::NotAnObject),
            (from, Value::Null, Rejected::NotAnObject),
            (from, with("type", json!("tier1:token-request")), Rejected::WrongType),
            (from, with("type", json!(7)), Rejected::WrongType),
            (from, without("type"), Rejected::WrongType),
            (from, without("accessToken"), Rejected::MissingToken),
            (from, with("accessToken", json!("")), Rejected::MissingToken),
            (from, with("accessToken", json!({"value": "x"})), Rejected::MissingToken),
            (from, with("accessToken", json!("abc\r\nX-Injected: 1")), Rejected::BadToken),
            (from, with("accessToken", json!("a".repeat(MAX_TOKEN_LEN + 1))), Rejected::BadToken),
            (from, without("expiresOn"), Rejected::BadExpiry),
            (from, with("expiresOn", json!("1750003600")), Rejected::BadExpiry),
            (from, with("expiresOn", json!((NOW + 3600) * 1000)), Rejected::BadExpiry),
            (from, with("expiresOn", json!(NOW)), Rejected::Expired),
            (from, with("expiresOn", json!(NOW - 60)), Rejected::Expired),
        ];
        for (origin, data, want) in cases {
            assert_eq!(accept(&c, origin, &data, NOW).map(|t| t.expires_at), Err(want), "{origin} {data}");
        }
    }
}
