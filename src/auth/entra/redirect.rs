//! The sign-in response in the address bar: whether there is one, its `state` check, the code or error it
//! carries, the address to show afterwards, and what sessionStorage holds during the round trip.

use super::clip;
use crate::auth::AuthError;
use crate::percent;

/// Query parameters the identity platform adds on the way back; removed from the address bar afterwards.
pub const REDIRECT_PARAMS: [&str; 8] =
    ["code", "state", "session_state", "error", "error_description", "error_uri", "iss", "client_info"];

/// `(name, value)` pairs of a query string, decoded; a leading `?` is ignored.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (percent::decode(k), percent::decode(v))
    })
}

pub(super) fn param(query: &str, name: &str) -> Option<String> {
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
        if state.is_empty() || !crate::auth::pkce::is_valid_verifier(verifier) {
            return None;
        }
        Some(Self { state: state.into(), verifier: verifier.into(), return_query: lines.next().unwrap_or("").into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
