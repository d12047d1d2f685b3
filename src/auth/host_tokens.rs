//! The host-token side of a [`TokenSource`]: asking the embedding portal for a token, waiting for it, and
//! taking the portal's `postMessage` answers.

use std::sync::{Arc, Weak};

use serde_json::Value;

use super::state::Inner;
use super::{
    browser, host, AuthError, AuthMode, TokenSource, HOST_SILENT, NOT_EMBEDDED, RENEW_REQUEST_SECS, REQUEST_RETRY_SECS,
};

impl TokenSource {
    /// Registers this source with the page's one message listener (started on first use).
    pub(super) fn listen_to_host(&self) {
        HOST_SOURCES.with(|s| s.borrow_mut().push(Arc::downgrade(&self.0)));
        browser::listen_for_messages(deliver_host_message);
    }

    pub(super) async fn host_token(&self) -> Result<String, AuthError> {
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
    pub(super) fn request_host_token(&self, urgent: bool) -> bool {
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
}

thread_local! {
    /// Every live host-token source; the page's one message listener hands messages to each.
    static HOST_SOURCES: std::cell::RefCell<Vec<Weak<Inner>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A message event from the parent window: stored if it is a valid token message from an allowed origin,
/// otherwise dropped without a word.
pub(super) fn deliver_host_message(origin: &str, data: &Value) {
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
