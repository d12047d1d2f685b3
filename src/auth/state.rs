//! What a token source holds between requests: the token, the refresh token, a sign-in or refresh in
//! progress, and the wakers of callers waiting for any of it to change.

use std::sync::{Mutex, MutexGuard};
use std::task::Waker;

use super::{token::Token, AuthMode};

#[derive(Default)]
pub(super) struct State {
    pub(super) token: Option<Token>,
    /// Entra refresh token (when `offline_access` was granted).
    pub(super) refresh: Option<String>,
    pub(super) name: Option<String>,
    pub(super) failed: Option<String>,
    /// When the current token came from a 401 recovery or an interactive sign-in, until a request is accepted.
    pub(super) recovered_at: Option<i64>,
    /// Entra: a 401 already sent the operator to sign in automatically in this tab, and no request has been
    /// accepted since (mirrors `REDIRECTED_KEY`).
    pub(super) auto_redirected: bool,
    /// Entra: a refresh is in flight (others wait for it rather than start their own).
    pub(super) refreshing: bool,
    pub(super) redirecting: bool,
    /// Host: when the last token request was posted, and whether it is still unanswered.
    pub(super) requested_at: Option<i64>,
    pub(super) awaiting: bool,
    pub(super) waiters: Vec<Waker>,
}

impl State {
    pub(super) fn valid_token(&self, now: i64) -> Option<String> {
        self.token.as_ref().filter(|t| !t.is_expired(now)).map(|t| t.secret().to_owned())
    }

    pub(super) fn wake_all(&mut self) {
        for waker in self.waiters.drain(..) {
            waker.wake();
        }
    }

    pub(super) fn fail(&mut self, message: &str) {
        self.failed = Some(message.to_owned());
        self.wake_all();
    }
}

/// The shared part of a [`super::TokenSource`]: its mode and its state behind one lock.
pub(super) struct Inner {
    pub(super) mode: AuthMode,
    pub(super) state: Mutex<State>,
}

impl Inner {
    pub(super) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
