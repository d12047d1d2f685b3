//! Microsoft Entra ID sign-in for a single-page-app registration: the OAuth 2.0 authorization code flow with
//! PKCE against the v2.0 endpoints. Pure functions here and in `redirect.rs` (the sign-in response in the
//! address bar) and `token_response.rs` (the token endpoint's answer); the browser steps and the token
//! lifecycle are in `../entra_session.rs`.

mod redirect;
mod token_response;

pub use redirect::{after_redirect_url, clean_query, is_redirect, parse_redirect, Pending, REDIRECT_PARAMS};
pub use token_response::{is_token_text, parse_token_response, Tokens};

use crate::percent;

pub const LOGIN_HOST: &str = "https://login.microsoftonline.com";

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

/// At most `max` characters, control characters dropped: service text shown to the operator.
fn clip(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect::<String>().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::redirect::param;
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
}
