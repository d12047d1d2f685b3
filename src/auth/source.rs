//! The bearer token source behind the HTTP transport: what callers ask of it (a token, what a 401 means,
//! sign-in and sign-out, the status to show), whichever mode it runs in.

use std::future::{poll_fn, Future};
use std::sync::{Arc, Mutex};
use std::task::Poll;

use super::state::{Inner, State};
use super::{browser, AuthError, AuthMode, AuthStatus, PENDING_KEY, REDIRECTED_KEY, WAIT_MS};

/// The bearer token source behind the HTTP transport. Cheap to clone (an `Arc`), `Send + Sync` so it can
/// live in Leptos context and signals. Create one at start-up and clone it; each `new` for `host-token`
/// registers with the page's single message listener.
///
/// Storage: tokens (access and refresh) are kept in memory only. They never need to survive the sign-in
/// redirect, because the code is redeemed after the browser comes back; sessionStorage would only add
/// exposure to any script running in the origin. The cost: a reload needs a new sign-in, which Entra's own
/// session cookie normally makes a redirect bounce without a prompt.
#[derive(Clone)]
pub struct TokenSource(pub(super) Arc<Inner>);

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
                source.listen_to_host();
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

    /// Waits (at most `WAIT_MS`) until `ready` gives a value, re-checking whenever the state changes.
    pub(super) async fn wait_for<T>(&self, mut ready: impl FnMut(&State) -> Option<T>) -> Option<T> {
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
