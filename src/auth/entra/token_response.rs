//! The token endpoint's answer: the access token and its lifetime, the refresh token, and the operator's name
//! from the ID token; errors that quote the service but never the body.

use serde_json::Value;

use super::clip;
use crate::auth::{base64url, token::Token, AuthError};

/// Assumed lifetime when a token response omits `expires_in` (Entra always sends it).
const DEFAULT_EXPIRES_IN: i64 = 3600;

/// A successful answer from the token endpoint.
#[derive(Debug)]
pub struct Tokens {
    pub access: Token,
    /// Present when `offline_access` was granted. Held in memory only.
    pub refresh: Option<String>,
    /// The operator's display name, from the ID token when `openid profile` was requested.
    pub name: Option<String>,
}

/// Reads a token endpoint answer. Errors quote the endpoint's `error` and `error_description` (which hold no
/// secrets), never the body itself.
pub fn parse_token_response(status: u16, body: &str, now: i64) -> Result<Tokens, AuthError> {
    let Ok(json) = serde_json::from_str::<Value>(body) else {
        return Err(AuthError::new(format!("The sign-in service answered HTTP {status} with an unreadable body.")));
    };
    if let Some(error) = json.get("error").and_then(Value::as_str) {
        let description = json.get("error_description").and_then(Value::as_str).map(|d| clip(d, 400));
        return Err(AuthError::new(match description {
            Some(d) if !d.is_empty() => format!("The sign-in service refused: {}: {d}", clip(error, 80)),
            _ => format!("The sign-in service refused: {}", clip(error, 80)),
        }));
    }
    if !(200..300).contains(&status) {
        return Err(AuthError::new(format!("The sign-in service answered HTTP {status}.")));
    }
    let Some(access) = json.get("access_token").and_then(Value::as_str).filter(|t| is_token_text(t)) else {
        return Err(AuthError::new("The sign-in service's answer carried no usable access token."));
    };
    let expires_in = match json.get("expires_in") {
        Some(Value::Number(n)) => n.as_f64().map(|f| f as i64),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
    .unwrap_or(DEFAULT_EXPIRES_IN)
    .max(0);
    let refresh = json.get("refresh_token").and_then(Value::as_str).filter(|t| is_token_text(t)).map(str::to_owned);
    let name = json.get("id_token").and_then(Value::as_str).and_then(id_token_name);
    Ok(Tokens { access: Token::new(access.to_owned(), now + expires_in), refresh, name })
}

/// The `name` (else `preferred_username`) claim of an ID token, for display only: the token came straight
/// from the token endpoint over TLS, and nothing is authorised on it, so its signature is not checked.
fn id_token_name(id_token: &str) -> Option<String> {
    let payload = base64url::decode(id_token.split('.').nth(1)?)?;
    let claims: Value = serde_json::from_slice(&payload).ok()?;
    ["name", "preferred_username"]
        .iter()
        .find_map(|claim| claims.get(*claim).and_then(Value::as_str).map(|n| clip(n, 120)).filter(|n| !n.is_empty()))
}

/// RFC 6750's `b64token` characters (what a JWT or an opaque token is made of): safe in a header.
pub fn is_token_text(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/' | b'='))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `header.payload.signature` with the given payload.
    fn id_token(payload: &str) -> String {
        format!("eyJhbGciOiJub25lIn0.{}.sig", base64url::encode(payload.as_bytes()))
    }

    #[test]
    fn token_response_success() {
        let body = serde_json::json!({
            "token_type": "Bearer",
            "scope": "User.Read.All",
            "expires_in": 3599,
            "access_token": "eyJ0eXAi.eyJhdWQi.c2ln",
            "refresh_token": "0.ARrt-1",
            "id_token": id_token(r#"{"name":"Sanne de Vries","preferred_username":"sanne@contoso.com"}"#),
        })
        .to_string();
        let t = parse_token_response(200, &body, 1_000).unwrap();
        assert_eq!(t.access.secret(), "eyJ0eXAi.eyJhdWQi.c2ln");
        assert_eq!(t.access.expires_at, 4_599);
        assert_eq!(t.refresh.as_deref(), Some("0.ARrt-1"));
        assert_eq!(t.name.as_deref(), Some("Sanne de Vries"));
    }

    #[test]
    fn token_response_variants() {
        let t = parse_token_response(200, r#"{"access_token":"at","expires_in":"600"}"#, 0).unwrap();
        assert_eq!((t.access.expires_at, t.refresh, t.name), (600, None, None));
        let t = parse_token_response(200, r#"{"access_token":"at"}"#, 10).unwrap();
        assert_eq!(t.access.expires_at, 3_610);
        let t = parse_token_response(
            200,
            &serde_json::json!({"access_token": "at", "id_token": id_token(r#"{"preferred_username":"op@c.com"}"#)})
                .to_string(),
            0,
        )
        .unwrap();
        assert_eq!(t.name.as_deref(), Some("op@c.com"));
    }

    #[test]
    fn token_response_errors_never_echo_the_body() {
        let err = parse_token_response(
            400,
            &serde_json::json!({
                "error": "invalid_grant",
                "error_description": "AADSTS70008: The refresh token has expired.",
                "refresh_token": "leak",
            })
            .to_string(),
            0,
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "The sign-in service refused: invalid_grant: AADSTS70008: The refresh token has expired."
        );
        for (status, body) in [
            (200, r#"{"token_type":"Bearer"}"#),
            (200, r#"{"access_token":""}"#),
            (200, r#"{"access_token":"a b\r\nX-Evil: 1"}"#),
            (200, "<html>secret-looking</html>"),
            (502, r#"{"access_token":"secret-value"}"#),
        ] {
            let err = parse_token_response(status, body, 0).unwrap_err();
            assert!(!err.message.contains("secret"), "{}", err.message);
            assert!(!err.message.contains("X-Evil"), "{}", err.message);
        }
    }
}
