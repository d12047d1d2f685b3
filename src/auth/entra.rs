//! Microsoft Entra ID sign-in for a single-page-app registration: the OAuth 2.0 authorization code flow with
//! PKCE against the v2.0 endpoints. Pure functions here (URLs, form bodies, parsing); the browser steps and
//! the token lifecycle are in `mod.rs`.

use serde_json::Value;

use super::{base64url, token::Token, AuthError};
use crate::percent;

pub const LOGIN_HOST: &str = "https://login.microsoftonline.com";

/// Query parameters the identity platform adds on the way back; removed from the address bar afterwards.
pub const REDIRECT_PARAMS: [&str; 8] =
    ["code", "state", "session_state", "error", "error_description", "error_uri", "iss", "client_info"];

/// Assumed lifetime when a token response omits `expires_in` (Entra always sends it).
const DEFAULT_EXPIRES_IN: i64 = 3600;

/// The app registration, as the config loader reads it from config.json.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntraConfig {
    pub client_id: String,
    /// Directory (tenant) id or a verified domain; `organizations` for multi-tenant registrations.
    pub tenant_id: String,
    /// Registered under the SPA platform, exactly as sent (no query string).
    pub redirect_uri: String,
    /// Delegated scopes, e.g. `User.Read.All`; add `offline_access` to receive refresh tokens and
    /// `openid profile` to show the operator's name.
    pub scopes: Vec<String>,
}

impl EntraConfig {
    fn endpoint(&self, leaf: &str) -> String {
        format!("{LOGIN_HOST}/{}/oauth2/v2.0/{leaf}", percent::encode(self.tenant_id.trim()))
    }

    /// The configured scopes, space-separated (empty entries dropped; nothing added).
    pub fn scope(&self) -> String {
        let scopes: Vec<&str> = self.scopes.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        scopes.join(" ")
    }

    pub fn authorize_url(&self, state: &str, code_challenge: &str) -> String {
        let params = [
            ("client_id", self.client_id.as_str()),
            ("response_type", "code"),
            ("redirect_uri", &self.redirect_uri),
            ("response_mode", "query"),
            ("scope", &self.scope()),
            ("state", state),
            ("code_challenge", code_challenge),
            ("code_challenge_method", "S256"),
        ];
        format!("{}?{}", self.endpoint("authorize"), form(&params))
    }

    pub fn token_url(&self) -> String {
        self.endpoint("token")
    }

    pub fn logout_url(&self) -> String {
        format!("{}?post_logout_redirect_uri={}", self.endpoint("logout"), percent::encode(&self.redirect_uri))
    }

    /// The form body that redeems an authorization code.
    pub fn code_redemption_body(&self, code: &str, code_verifier: &str) -> String {
        form(&[
            ("client_id", &self.client_id),
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &self.redirect_uri),
            ("code_verifier", code_verifier),
        ])
    }

    /// The form body that redeems a refresh token for a new access token (and a new refresh token).
    pub fn refresh_body(&self, refresh_token: &str) -> String {
        form(&[
            ("client_id", &self.client_id),
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("scope", &self.scope()),
        ])
    }
}

/// `a=1&b=2`, values percent-encoded (a space becomes `%20`), for query strings and form bodies alike.
fn form(params: &[(&str, &str)]) -> String {
    let pairs: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", percent::encode(v))).collect();
    pairs.join("&")
}

/// `(name, value)` pairs of a query string, decoded; a leading `?` is ignored.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (percent::decode(k), percent::decode(v))
    })
}

fn param(query: &str, name: &str) -> Option<String> {
    pairs(query).find(|(k, _)| k == name).map(|(_, v)| v)
}

/// Whether the address bar carries a sign-in response (a code or an error).
pub fn is_redirect(query: &str) -> bool {
    pairs(query).any(|(k, _)| k == "code" || k == "error")
}

/// Reads the sign-in response. The `state` must equal the one this tab stored when it started signing in,
/// checked first, so neither a forged code nor a forged error text is ever acted on or shown.
pub fn parse_redirect(query: &str, expected_state: Option<&str>) -> Result<String, AuthError> {
    match (param(query, "state"), expected_state) {
        (Some(got), Some(want)) if !want.is_empty() && got == want => {}
        _ => {
            return Err(AuthError::new(
                "The sign-in response does not match a sign-in started in this browser tab (state mismatch). \
                 Sign in again.",
            ))
        }
    }
    if let Some(error) = param(query, "error") {
        let description = param(query, "error_description").map(|d| clip(&d, 400)).unwrap_or_default();
        let mut message = format!("Sign-in failed: {}", clip(&error, 80));
        if !description.is_empty() {
            message = format!("{message}: {description}");
        }
        return Err(AuthError::new(message));
    }
    match param(query, "code") {
        Some(code) if !code.is_empty() => Ok(code),
        _ => Err(AuthError::new("The sign-in response carried no authorization code. Sign in again.")),
    }
}

/// The query string without the sign-in response parameters; the app's own (`user`, `view`, …) are kept
/// as they were written. Empty, or starting with `?`.
pub fn clean_query(query: &str) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = percent::decode(p.split_once('=').map_or(*p, |(k, _)| k));
            !REDIRECT_PARAMS.contains(&key.as_str())
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The address to show after the redirect: this page with the response parameters removed. The redirect
/// URI is registered without a query string, so the app's own parameters normally arrive empty; the ones
/// saved when sign-in started (`return_query`) are restored then.
pub fn after_redirect_url(base: &str, query: &str, return_query: &str, hash: &str) -> String {
    let mut kept = clean_query(query);
    if kept.is_empty() {
        kept = clean_query(return_query);
    }
    format!("{base}{kept}{hash}")
}

/// What sessionStorage holds during the round trip to the sign-in page, and nothing longer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub state: String,
    pub verifier: String,
    /// The app's query string when sign-in started (`?user=…&view=…`), restored afterwards.
    pub return_query: String,
}

impl Pending {
    /// Three lines: state, verifier, return query (base64url values and a percent-encoded query hold no
    /// line breaks).
    pub fn to_storage(&self) -> String {
        format!("{}\n{}\n{}", self.state, self.verifier, self.return_query)
    }

    pub fn from_storage(text: &str) -> Option<Self> {
        let mut lines = text.splitn(3, '\n');
        let (state, verifier) = (lines.next()?, lines.next()?);
        if state.is_empty() || !super::pkce::is_valid_verifier(verifier) {
            return None;
        }
        Some(Self { state: state.into(), verifier: verifier.into(), return_query: lines.next().unwrap_or("").into() })
    }
}

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

/// At most `max` characters, control characters dropped: service text shown to the operator.
fn clip(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect::<String>().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(scopes: &[&str]) -> EntraConfig {
        EntraConfig {
            client_id: "11111111-2222-3333-4444-555555555555".into(),
            tenant_id: "contoso.onmicrosoft.com".into(),
            redirect_uri: "https://tier1.contoso.com/app/".into(),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn query_of(url: &str) -> &str {
        url.split_once('?').map_or("", |(_, q)| q)
    }

    #[test]
    fn authorize_url_carries_every_parameter_encoded() {
        let url = config(&["User.Read.All", "DeviceManagementApps.Read.All"]).authorize_url("st-1", "chal_-1");
        assert!(url.starts_with("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?"));
        let q = query_of(&url);
        assert_eq!(param(q, "client_id").as_deref(), Some("11111111-2222-3333-4444-555555555555"));
        assert_eq!(param(q, "response_type").as_deref(), Some("code"));
        assert_eq!(param(q, "response_mode").as_deref(), Some("query"));
        assert_eq!(param(q, "redirect_uri").as_deref(), Some("https://tier1.contoso.com/app/"));
        assert_eq!(param(q, "state").as_deref(), Some("st-1"));
        assert_eq!(param(q, "code_challenge").as_deref(), Some("chal_-1"));
        assert_eq!(param(q, "code_challenge_method").as_deref(), Some("S256"));
        assert_eq!(param(q, "scope").as_deref(), Some("User.Read.All DeviceManagementApps.Read.All"));
        // Space-joined and percent-encoded: no raw space, no '+' that a server could read either way.
        assert!(q.contains("scope=User.Read.All%20DeviceManagementApps.Read.All&"), "{q}");
        assert!(!url.contains(' '));
        assert!(!q.contains("offline_access"));
        assert!(!q.contains("nonce"));
    }

    #[test]
    fn offline_access_only_when_configured() {
        let url = config(&["User.Read.All", " offline_access ", ""]).authorize_url("s", "c");
        assert_eq!(param(query_of(&url), "scope").as_deref(), Some("User.Read.All offline_access"));
    }

    #[test]
    fn reserved_characters_in_values_are_escaped() {
        let mut c = config(&["https://graph.microsoft.com/User.Read.All"]);
        c.redirect_uri = "https://h.example/a?x=1&y=2#f".into();
        let url = c.authorize_url("a&b", "c");
        let q = query_of(&url);
        assert!(q.contains("redirect_uri=https://h.example/a%3Fx%3D1%26y%3D2%23f&"), "{q}");
        assert!(q.contains("state=a%26b&"), "{q}");
        assert_eq!(param(q, "scope").as_deref(), Some("https://graph.microsoft.com/User.Read.All"));
    }

    #[test]
    fn token_and_logout_endpoints() {
        let c = config(&["User.Read.All"]);
        assert_eq!(c.token_url(), "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assert_eq!(
            c.logout_url(),
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/logout\
             ?post_logout_redirect_uri=https://tier1.contoso.com/app/"
        );
    }

    #[test]
    fn form_bodies() {
        let c = config(&["User.Read.All", "offline_access"]);
        assert_eq!(
            c.code_redemption_body("0.AbC+d/e=", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "client_id=11111111-2222-3333-4444-555555555555&grant_type=authorization_code&code=0.AbC%2Bd/e%3D\
             &redirect_uri=https://tier1.contoso.com/app/&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(
            c.refresh_body("rt+1"),
            "client_id=11111111-2222-3333-4444-555555555555&grant_type=refresh_token&refresh_token=rt%2B1\
             &scope=User.Read.All%20offline_access"
        );
    }

    #[test]
    fn redirect_success() {
        assert_eq!(parse_redirect("?code=0.AbC&state=s1&session_state=x", Some("s1")), Ok("0.AbC".to_string()));
        assert_eq!(parse_redirect("state=s1&code=a%2Bb", Some("s1")), Ok("a+b".to_string()));
    }

    #[test]
    fn redirect_error_with_description() {
        let err = parse_redirect(
            "?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent.&state=s1",
            Some("s1"),
        )
        .unwrap_err();
        assert_eq!(err.message, "Sign-in failed: access_denied: AADSTS65004: User declined to consent.");
        let bare = parse_redirect("?error=login_required&state=s1", Some("s1")).unwrap_err();
        assert_eq!(bare.message, "Sign-in failed: login_required");
    }

    #[test]
    fn redirect_state_mismatch_rejected() {
        for (query, expected) in [
            ("?code=c&state=other", Some("s1")),
            ("?code=c", Some("s1")),
            ("?code=c&state=s1", None),
            ("?code=c&state=", Some("")),
            // A forged error page is not shown either.
            ("?error=x&error_description=Call+555&state=evil", Some("s1")),
        ] {
            let err = parse_redirect(query, expected).unwrap_err();
            assert!(err.message.contains("state mismatch"), "{query}: {}", err.message);
        }
    }

    #[test]
    fn redirect_missing_code() {
        for query in ["?state=s1", "?state=s1&code="] {
            let err = parse_redirect(query, Some("s1")).unwrap_err();
            assert!(err.message.contains("no authorization code"), "{query}");
        }
    }

    #[test]
    fn is_redirect_needs_code_or_error() {
        assert!(is_redirect("?user=a&code=x&state=y"));
        assert!(is_redirect("?error=access_denied&state=y"));
        assert!(!is_redirect("?user=a&view=apps"));
        assert!(!is_redirect(""));
    }

    #[test]
    fn address_bar_cleanup_keeps_app_parameters() {
        assert_eq!(clean_query("?user=a&code=0.AbC&view=apps&state=s1&session_state=x"), "?user=a&view=apps");
        assert_eq!(clean_query("?code=0.AbC&state=s1&session_state=x"), "");
        assert_eq!(clean_query("?user=zo%C3%AB&error=e&error_description=d&iss=i"), "?user=zo%C3%AB");
        assert_eq!(clean_query(""), "");
        let base = "https://tier1.contoso.com/app/";
        assert_eq!(
            after_redirect_url(base, "?user=a&view=apps&code=0.AbC&state=s1&session_state=x", "", ""),
            "https://tier1.contoso.com/app/?user=a&view=apps"
        );
        // Registered redirect URIs carry no query: the parameters saved at sign-in come back.
        assert_eq!(
            after_redirect_url(base, "?code=0.AbC&state=s1&session_state=x", "?user=a&view=apps", "#top"),
            "https://tier1.contoso.com/app/?user=a&view=apps#top"
        );
        assert_eq!(after_redirect_url(base, "?code=c&state=s", "?code=old&state=old", ""), base);
    }

    #[test]
    fn pending_round_trip() {
        let p = Pending {
            state: "st".into(),
            verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(),
            return_query: "?user=a&view=apps".into(),
        };
        assert_eq!(Pending::from_storage(&p.to_storage()), Some(p));
        assert_eq!(Pending::from_storage("st\nshort\n"), None);
        assert_eq!(Pending::from_storage(""), None);
    }

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
