//! The Entra side of a [`TokenSource`]: the sign-in redirect and its completion, redeeming the code and the
//! refresh token, and the one automatic sign-in after a 401 that no refresh could fix.

use super::{
    browser, entra, pkce, AuthError, AuthMode, EntraConfig, TokenSource, NO_RANDOM, NO_SESSION_STORAGE, PENDING_KEY,
    REDIRECTED_KEY, SESSION_ENDED, SIGN_IN_REQUIRED, UNREACHABLE,
};

impl TokenSource {
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

    pub(super) async fn entra_token(&self, config: &EntraConfig) -> Result<String, AuthError> {
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
    pub(super) async fn refresh(&self, config: &EntraConfig, refresh_token: &str) -> Result<(), AuthError> {
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

    pub(super) async fn wait_for_refresh(&self) -> Option<String> {
        self.wait_for(|st| (!st.refreshing).then(|| st.valid_token(browser::now()))).await.flatten()
    }

    pub(super) fn start_sign_in(&self, config: &EntraConfig) {
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

    /// The automatic redirect after a 401 that no refresh could fix: once per tab until a request is
    /// accepted (the marker survives the round trip), never while one is already under way.
    pub(super) fn sign_in_again(&self, config: &EntraConfig) {
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
}
