//! Sign-in for REST mode: where the bearer token for each request comes from.
//!
//! Three modes (`auth` in config.json):
//! - `none`: a same-origin proxy authenticates (cookies); no token is sent.
//! - `host-token`: the embedding portal posts tokens to Tier1 (`host.rs`, `host_tokens.rs`).
//! - `entra`: Tier1 signs the operator in with Microsoft Entra ID, authorization code flow with PKCE
//!   (`entra/`, `entra_session.rs`).
//!
//! The HTTP transport asks [`TokenSource::token`] before each request, reports a 401 with
//! [`TokenSource::unauthorized`] and a request that got through with [`TokenSource::accepted`].
//!
//! Secrets: tokens live in memory only (see [`TokenSource`]), are never logged, never put in an error message
//! or a URL. sessionStorage holds only the PKCE verifier and `state` of a sign-in in progress (with the app's
//! query string), removed as soon as the browser comes back, and the no-loop marker (`REDIRECTED_KEY`).
//!
//! Files: `source.rs` is the [`TokenSource`] itself and `state.rs` what it holds; `host_tokens.rs`,
//! `entra_session.rs` and `recovery.rs` are its host-token side, its Entra side and its answer to a 401.
//! `host.rs`, `entra/`, `pkce.rs`, `sha256.rs` and `base64url.rs` are pure; `browser.rs` is the browser.

mod base64url;
mod browser;
pub mod entra;
mod entra_session;
pub mod host;
mod host_tokens;
pub mod pkce;
mod recovery;
pub mod sha256;
mod source;
mod state;
mod token;

pub use entra::EntraConfig;
pub use host::HostTokenConfig;
pub use source::TokenSource;

/// How long `token()` and `unauthorized()` wait for a host token or a refresh in flight.
const WAIT_MS: u32 = 10_000;
/// A 401 within this long of getting a new token (by a 401 recovery or a sign-in), with no request
/// accepted since, is "a second 401 in a row": no further refresh, token request or redirect.
const RECOVERY_WINDOW_SECS: i64 = 60;
/// Host: ask again when a request got no answer for this long.
const REQUEST_RETRY_SECS: i64 = 10;
/// Host: at most one early-renewal request this often.
const RENEW_REQUEST_SECS: i64 = 30;
/// sessionStorage key of a sign-in in progress.
const PENDING_KEY: &str = "tier1.auth.pending";
/// sessionStorage key set when a 401 sent the operator to sign in automatically; until a request is accepted,
/// no second automatic redirect happens in this tab (it survives the redirect; it holds no secret).
const REDIRECTED_KEY: &str = "tier1.auth.redirected";

const SIGN_IN_REQUIRED: &str = "Sign-in required.";
const NOT_EMBEDDED: &str =
    "Tier1 is set up to receive its access token from a host portal, but it is not embedded in one.";
const HOST_SILENT: &str = "The host portal did not supply an access token within 10 seconds.";
const REFUSED_AGAIN: &str = "The new access token was refused too (HTTP 401). Signing in again will not help: check \
                             the app's API permissions, admin consent and the operator's Intune role.";
const SESSION_ENDED: &str = "Your session could not be renewed. Sign in again.";
const PROXY_REFUSED: &str = "The server refused the request (HTTP 401): sign in to the portal again, then reload.";
const NO_RANDOM: &str = "This browser offers no secure random numbers (crypto.getRandomValues): cannot sign in.";
const NO_SESSION_STORAGE: &str = "Session storage is unavailable in this browser, so sign-in cannot complete.";
const UNREACHABLE: &str = "Could not reach the Microsoft sign-in service.";

/// `auth` in config.json, with its settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthMode {
    None,
    HostToken(HostTokenConfig),
    Entra(EntraConfig),
}

/// What the top bar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthStatus {
    /// `auth: "none"`.
    NotRequired,
    SignedOut,
    SignedIn {
        name: Option<String>,
    },
    /// A message for the operator (never containing a token).
    Failed(String),
}

/// Why no token could be had. The message is for the operator and never contains a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    pub message: String,
}

impl AuthStatus {
    pub fn is_signed_in(&self) -> bool {
        matches!(self, AuthStatus::SignedIn { .. })
    }
}

impl AuthError {
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }
}

impl std::fmt::Display for AuthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AuthError {}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
