//! What a [`TokenSource`] does when the API answers 401: retry with a token that already replaced the refused
//! one, get a new one (host request or Entra refresh), or give up, and never twice in a row.

use super::{
    browser, AuthError, AuthMode, TokenSource, HOST_SILENT, PROXY_REFUSED, RECOVERY_WINDOW_SECS, REFUSED_AGAIN,
    SIGN_IN_REQUIRED, UNREACHABLE,
};

impl TokenSource {
    /// Behind [`Self::unauthorized`] and [`Self::unauthorized_with`]: `sent` is the token the refused request
    /// carried, when the caller knows it.
    pub(super) async fn handle_unauthorized(&self, sent: Option<&str>) -> bool {
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
}
