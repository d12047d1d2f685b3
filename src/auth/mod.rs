//! Sign-in for REST mode: where the bearer token for each request comes from.
//!
//! Three modes (`auth` in config.json):
//! - `none`: a same-origin proxy authenticates (cookies); no token is sent.
//! - `host-token`: the embedding portal posts tokens to Tier1 (`host.rs`).
//! - `entra`: Tier1 signs the operator in with Microsoft Entra ID, authorization code flow with PKCE (`entra.rs`).
//!
//! The HTTP transport asks [`TokenSource::token`] before each request, reports a 401 with
//! [`TokenSource::unauthorized`] and a request that got through with [`TokenSource::accepted`].
//!
//! Secrets: tokens live in memory only (see [`TokenSource`]), are never logged, never put in an error message
//! or a URL. sessionStorage holds only the PKCE verifier and `state` of a sign-in in progress (with the app's
//! query string), removed as soon as the browser comes back, and the no-loop marker (`REDIRECTED_KEY`).

mod base64url;
mod browser;
pub mod entra;
pub mod host;
pub mod pkce;
pub mod sha256;
mod token;

use std::future::{poll_fn, Future};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::task::{Poll, Waker};

use serde_json::Value;

pub use entra::EntraConfig;
pub use host::HostTokenConfig;
use token::Token;

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

#[derive(Default)]
struct State {
    token: Option<Token>,
    /// Entra refresh token (when `offline_access` was granted).
    refresh: Option<String>,
    name: Option<String>,
    failed: Option<String>,
    /// When the current token came from a 401 recovery or an interactive sign-in, until a request is accepted.
    recovered_at: Option<i64>,
    /// Entra: a 401 already sent the operator to sign in automatically in this tab, and no request has been
    /// accepted since (mirrors `REDIRECTED_KEY`).
    auto_redirected: bool,
    /// Entra: a refresh is in flight (others wait for it rather than start their own).
    refreshing: bool,
    redirecting: bool,
    /// Host: when the last token request was posted, and whether it is still unanswered.
    requested_at: Option<i64>,
    awaiting: bool,
    waiters: Vec<Waker>,
}

impl State {
    fn valid_token(&self, now: i64) -> Option<String> {
        self.token.as_ref().filter(|t| !t.is_expired(now)).map(|t| t.secret().to_owned())
    }

    fn wake_all(&mut self) {
        for waker in self.waiters.drain(..) {
            waker.wake();
        }
    }

    fn fail(&mut self, message: &str) {
        self.failed = Some(message.to_owned());
        self.wake_all();
    }
}

struct Inner {
    mode: AuthMode,
    state: Mutex<State>,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The bearer token source behind the HTTP transport. Cheap to clone (an `Arc`), `Send + Sync` so it can
/// live in Leptos context and signals. Create one at start-up and clone it; each `new` for `host-token`
/// registers with the page's single message listener.
///
/// Storage: tokens (access and refresh) are kept in memory only. They never need to survive the sign-in
/// redirect, because the code is redeemed after the browser comes back; sessionStorage would only add
/// exposure to any script running in the origin. The cost: a reload needs a new sign-in, which Entra's own
/// session cookie normally makes a redirect bounce without a prompt.
#[derive(Clone)]
pub struct TokenSource(Arc<Inner>);

impl PartialEq for TokenSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl TokenSource {
    /// For `host-token`, starts listening for the host's messages and asks for a first token at once.
    pub fn new(mode: AuthMode) -> Self {
        let source = Self(Arc::new(Inner { mode, state: Mutex::default() }));
        match source.0.mode {
            AuthMode::HostToken(_) => {
                HOST_SOURCES.with(|s| s.borrow_mut().push(Arc::downgrade(&source.0)));
                browser::listen_for_messages(deliver_host_message);
                source.request_host_token(true);
            }
            AuthMode::Entra(_) => source.0.lock().auto_redirected = browser::session_get(REDIRECTED_KEY).is_some(),
            AuthMode::None => {}
        }
        source
    }

    pub fn mode(&self) -> &AuthMode {
        &self.0.mode
    }

    /// Whether the operator signs in and out in Tier1 itself (Entra), i.e. whether to show those controls.
    pub fn is_interactive(&self) -> bool {
        matches!(self.0.mode, AuthMode::Entra(_))
    }

    /// The bearer token to send now; Ok(None) for `auth: "none"`. Host: asks the host when there is none
    /// (or it expires within five minutes) and waits up to 10 s for it. Entra: refreshes within five
    /// minutes of expiry when a refresh token is held; an error means sign-in is required.
    pub async fn token(&self) -> Result<Option<String>, AuthError> {
        match &self.0.mode {
            AuthMode::None => Ok(None),
            AuthMode::HostToken(_) => self.host_token().await.map(Some),
            AuthMode::Entra(config) => self.entra_token(config).await.map(Some),
        }
    }

    /// The API answered 401: forget the token. True when the caller should retry once with a fresh token
    /// (host: a new one arrived; Entra: a refresh worked). False means sign-in is required; for Entra this
    /// call then starts the sign-in redirect itself, once per tab: after that automatic redirect, later 401s
    /// set the status to `Failed` and leave signing in to the operator, until [`Self::accepted`]. A second
    /// 401 in a row (within a minute of a recovery or a sign-in, no request accepted since) triggers no
    /// refresh, token request or redirect at all.
    ///
    /// This attributes the 401 to the token held now. With concurrent requests, prefer
    /// [`Self::unauthorized_with`], which recognises a 401 for a token that has already been replaced.
    pub async fn unauthorized(&self) -> bool {
        self.handle_unauthorized(None).await
    }

    /// [`Self::unauthorized`] for a request sent with `sent_token`: if a newer token is already held, just
    /// retry with it.
    pub async fn unauthorized_with(&self, sent_token: &str) -> bool {
        self.handle_unauthorized(Some(sent_token)).await
    }

    /// A request sent with the current token was not refused (any answer but 401): the token works, so
    /// the next 401 may start a new recovery (and, for Entra, one more automatic sign-in redirect).
    /// Optional: without it, recoveries are still bounded (see [`Self::unauthorized`]).
    pub fn accepted(&self) {
        let clear_marker = {
            let mut st = self.0.lock();
            st.recovered_at = None;
            st.failed = None;
            std::mem::take(&mut st.auto_redirected)
        };
        if clear_marker {
            browser::session_remove(REDIRECTED_KEY);
        }
    }

    /// Entra: starts the redirect to the sign-in page. Other modes: nothing to do.
    pub fn sign_in(&self) {
        if let AuthMode::Entra(config) = &self.0.mode {
            self.start_sign_in(config);
        }
    }

    /// Forgets every token. Entra: also ends the Entra session (redirect to the logout page, which returns
    /// to the redirect URI). Host: the next request asks the host again; the portal owns the session.
    pub fn sign_out(&self) {
        {
            let mut st = self.0.lock();
            st.token = None;
            st.refresh = None;
            st.name = None;
            st.failed = None;
            st.recovered_at = None;
            st.wake_all();
        }
        if let AuthMode::Entra(config) = &self.0.mode {
            browser::session_remove(PENDING_KEY);
            browser::navigate(&config.logout_url());
        }
    }

    pub fn status(&self) -> AuthStatus {
        let now = browser::now();
        let st = self.0.lock();
        if let Some(message) = &st.failed {
            return AuthStatus::Failed(message.clone());
        }
        match self.0.mode {
            AuthMode::None => AuthStatus::NotRequired,
            _ if st.valid_token(now).is_some() || st.refresh.is_some() => {
                AuthStatus::SignedIn { name: st.name.clone() }
            }
            _ => AuthStatus::SignedOut,
        }
    }

    /// Call once at start-up, before the router reads the URL (the address bar is rewritten with
    /// `history.replaceState`, which the router does not observe). Entra: if the URL carries a sign-in
    /// response, removes it from the address bar (restoring the app's own query), checks `state`, and
    /// redeems the code. Other modes, or no response in the URL: Ok at once.
    pub async fn complete_redirect(&self) -> Result<(), AuthError> {
        let AuthMode::Entra(config) = &self.0.mode else {
            return Ok(());
        };
        let Some(here) = browser::here().filter(|h| entra::is_redirect(&h.query)) else {
            return Ok(());
        };
        // One-shot: verifier and state leave storage, and the code leaves the address bar, before any await.
        let pending = browser::session_get(PENDING_KEY).and_then(|text| entra::Pending::from_storage(&text));
        browser::session_remove(PENDING_KEY);
        let return_query = pending.as_ref().map_or("", |p| p.return_query.as_str());
        browser::replace_url(&entra::after_redirect_url(&here.base, &here.query, return_query, &here.hash));

        let result = match (entra::parse_redirect(&here.query, pending.as_ref().map(|p| p.state.as_str())), &pending) {
            (Ok(code), Some(pending)) => {
                self.redeem(config, &config.code_redemption_body(&code, &pending.verifier)).await
            }
            (Err(error), _) => Err(error),
            (Ok(_), None) => Err(AuthError::new(SIGN_IN_REQUIRED)), // unreachable: parse checks the state
        };
        let mut st = self.0.lock();
        st.redirecting = false;
        match &result {
            Ok(()) => st.recovered_at = Some(browser::now()),
            Err(error) => st.fail(&error.message),
        }
        result
    }

    // ---- host-token ----

    async fn host_token(&self) -> Result<String, AuthError> {
        let now = browser::now();
        let (current, renew) = {
            let st = self.0.lock();
            (st.valid_token(now), st.token.as_ref().is_none_or(|t| t.needs_renewal(now)))
        };
        if let Some(token) = current {
            if renew {
                self.request_host_token(false);
            }
            return Ok(token);
        }
        if !self.request_host_token(true) {
            return Err(AuthError::new(NOT_EMBEDDED));
        }
        match self.wait_for(|st| st.valid_token(browser::now())).await {
            Some(token) => Ok(token),
            None => {
                self.0.lock().fail(HOST_SILENT);
                Err(AuthError::new(HOST_SILENT))
            }
        }
    }

    /// Posts a token request unless one is already on its way. `urgent`: there is no usable token (ask
    /// again after 10 s without an answer); otherwise an early renewal (at most one per 30 s). False when
    /// Tier1 is not embedded.
    fn request_host_token(&self, urgent: bool) -> bool {
        let AuthMode::HostToken(config) = &self.0.mode else {
            return false;
        };
        let now = browser::now();
        {
            let mut st = self.0.lock();
            let since = st.requested_at.map_or(i64::MAX, |t| now.saturating_sub(t));
            let due = if urgent {
                !st.awaiting || since >= REQUEST_RETRY_SECS
            } else {
                !st.awaiting && since >= RENEW_REQUEST_SECS
            };
            if !due {
                return true;
            }
            st.requested_at = Some(now);
            st.awaiting = true;
        }
        // The lock is released: a host may answer synchronously (the native stand-in does).
        let sent = browser::post_token_request(&config.origins());
        if !sent {
            let mut st = self.0.lock();
            st.awaiting = false;
            st.fail(NOT_EMBEDDED);
        }
        sent
    }

    // ---- entra ----

    async fn entra_token(&self, config: &EntraConfig) -> Result<String, AuthError> {
        enum Next {
            Have(String),
            Refresh(String, Option<String>),
            Wait,
            SignIn,
        }
        let now = browser::now();
        let next = {
            let mut st = self.0.lock();
            let fresh = st.token.as_ref().filter(|t| !t.needs_renewal(now)).map(|t| t.secret().to_owned());
            let usable = st.valid_token(now);
            if let Some(token) = fresh {
                Next::Have(token)
            } else if st.refreshing {
                Next::Wait
            } else if let Some(refresh) = st.refresh.clone() {
                st.refreshing = true;
                Next::Refresh(refresh, usable)
            } else if let Some(token) = usable {
                Next::Have(token) // no way to renew: use it while it lasts
            } else {
                Next::SignIn
            }
        };
        match next {
            Next::Have(token) => Ok(token),
            // A failed refresh still leaves the current token for its last minutes.
            Next::Refresh(refresh, usable) => match self.refresh(config, &refresh).await {
                Ok(()) => self.0.lock().valid_token(browser::now()).ok_or_else(|| AuthError::new(SIGN_IN_REQUIRED)),
                Err(error) => usable.ok_or(error),
            },
            Next::Wait => self.wait_for_refresh().await.ok_or_else(|| AuthError::new(SIGN_IN_REQUIRED)),
            Next::SignIn => Err(AuthError::new(SIGN_IN_REQUIRED)),
        }
    }

    /// Redeems the refresh token (the caller has set `refreshing`). A refused refresh token is dropped; after
    /// a network failure it is kept for the next try.
    async fn refresh(&self, config: &EntraConfig, refresh_token: &str) -> Result<(), AuthError> {
        let result = self.redeem(config, &config.refresh_body(refresh_token)).await;
        let mut st = self.0.lock();
        st.refreshing = false;
        if let Err(error) = &result {
            if error.message != UNREACHABLE {
                st.refresh = None;
            }
        }
        st.wake_all();
        result
    }

    /// POSTs a form to the token endpoint and keeps what comes back.
    async fn redeem(&self, config: &EntraConfig, body: &str) -> Result<(), AuthError> {
        let (status, text) =
            browser::post_form(&config.token_url(), body).await.map_err(|()| AuthError::new(UNREACHABLE))?;
        let tokens = entra::parse_token_response(status, &text, browser::now())?;
        let mut st = self.0.lock();
        st.token = Some(tokens.access);
        // The endpoint rotates refresh tokens; keep the old one only if it sent none.
        if tokens.refresh.is_some() {
            st.refresh = tokens.refresh;
        }
        if tokens.name.is_some() {
            st.name = tokens.name;
        }
        st.failed = None;
        st.wake_all();
        Ok(())
    }

    async fn wait_for_refresh(&self) -> Option<String> {
        self.wait_for(|st| (!st.refreshing).then(|| st.valid_token(browser::now()))).await.flatten()
    }

    fn start_sign_in(&self, config: &EntraConfig) {
        let (mut verifier, mut state) = ([0u8; pkce::VERIFIER_BYTES], [0u8; pkce::STATE_BYTES]);
        if !browser::random_bytes(&mut verifier) || !browser::random_bytes(&mut state) {
            self.0.lock().fail(NO_RANDOM);
            return;
        }
        let pending = entra::Pending {
            state: pkce::state(&state),
            verifier: pkce::verifier(&verifier),
            return_query: browser::here().map(|h| entra::clean_query(&h.query)).unwrap_or_default(),
        };
        if !browser::session_set(PENDING_KEY, &pending.to_storage()) {
            self.0.lock().fail(NO_SESSION_STORAGE);
            return;
        }
        {
            let mut st = self.0.lock();
            st.redirecting = true;
            st.failed = None;
        }
        browser::navigate(&config.authorize_url(&pending.state, &pkce::challenge(&pending.verifier)));
    }

    // ---- 401 ----

    async fn handle_unauthorized(&self, sent: Option<&str>) -> bool {
        let now = browser::now();
        if matches!(self.0.mode, AuthMode::None) {
            self.0.lock().fail(PROXY_REFUSED);
            return false;
        }
        {
            let mut st = self.0.lock();
            let held = st.token.as_ref().map(|t| t.secret() == sent.unwrap_or(t.secret()));
            if held == Some(false) && st.valid_token(now).is_some() {
                return true; // refused token already replaced
            }
            if st.recovered_at.is_some_and(|t| now - t < RECOVERY_WINDOW_SECS) {
                st.fail(REFUSED_AGAIN);
                return false;
            }
            st.token = None;
        }
        let recovered = match &self.0.mode {
            AuthMode::None => false,
            AuthMode::HostToken(_) => {
                if !self.request_host_token(true) {
                    return false;
                }
                let got = self.wait_for(|st| st.valid_token(browser::now())).await.is_some();
                if !got {
                    self.0.lock().fail(HOST_SILENT);
                }
                got
            }
            AuthMode::Entra(config) => {
                let refresh = {
                    let mut st = self.0.lock();
                    if st.refreshing {
                        None
                    } else {
                        st.refreshing = st.refresh.is_some();
                        Some(st.refresh.clone())
                    }
                };
                let outcome = match refresh {
                    None => self.wait_for_refresh().await.map(drop).ok_or_else(|| AuthError::new(SIGN_IN_REQUIRED)),
                    Some(Some(refresh)) => self.refresh(config, &refresh).await,
                    Some(None) => Err(AuthError::new(SIGN_IN_REQUIRED)),
                };
                match outcome {
                    Ok(()) => true,
                    // Offline: a redirect would fail as well; the refresh token is kept for the next try.
                    Err(error) if error.message == UNREACHABLE => {
                        self.0.lock().fail(UNREACHABLE);
                        false
                    }
                    Err(_) => {
                        self.sign_in_again(config);
                        false
                    }
                }
            }
        };
        if recovered {
            self.0.lock().recovered_at = Some(browser::now());
        }
        recovered
    }

    /// The automatic redirect after a 401 that no refresh could fix: once per tab until a request is
    /// accepted (the marker survives the round trip), never while one is already under way.
    fn sign_in_again(&self, config: &EntraConfig) {
        {
            let mut st = self.0.lock();
            if st.redirecting {
                return;
            }
            if st.auto_redirected {
                st.fail(SESSION_ENDED);
                return;
            }
            st.auto_redirected = true;
        }
        browser::session_set(REDIRECTED_KEY, "1");
        self.start_sign_in(config);
    }

    /// Waits (at most `WAIT_MS`) until `ready` gives a value, re-checking whenever the state changes.
    async fn wait_for<T>(&self, mut ready: impl FnMut(&State) -> Option<T>) -> Option<T> {
        let mut timeout = Box::pin(browser::sleep_ms(WAIT_MS));
        poll_fn(|cx| {
            {
                let mut st = self.0.lock();
                if let Some(value) = ready(&st) {
                    return Poll::Ready(Some(value));
                }
                if !st.waiters.iter().any(|w| w.will_wake(cx.waker())) {
                    st.waiters.push(cx.waker().clone());
                }
            }
            timeout.as_mut().poll(cx).map(|()| None)
        })
        .await
    }
}

thread_local! {
    /// Every live host-token source; the page's one message listener hands messages to each.
    static HOST_SOURCES: std::cell::RefCell<Vec<Weak<Inner>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A message event from the parent window: stored if it is a valid token message from an allowed origin,
/// otherwise dropped without a word.
fn deliver_host_message(origin: &str, data: &Value) {
    let now = browser::now();
    let sources: Vec<Arc<Inner>> = HOST_SOURCES.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|w| w.strong_count() > 0);
        s.iter().filter_map(Weak::upgrade).collect()
    });
    for inner in sources {
        let AuthMode::HostToken(config) = &inner.mode else {
            continue;
        };
        if let Ok(token) = host::accept(config, origin, data, now) {
            let mut st = inner.lock();
            st.token = Some(token);
            st.awaiting = false;
            st.failed = None;
            st.wake_all();
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
