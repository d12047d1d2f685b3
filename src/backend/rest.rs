//! REST mode's backend: one HTTP client on the configured API, and the session's sign-in (`crate::auth`)
//! connected to that transport's token seam.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::auth::{AuthMode, EntraConfig, HostTokenConfig, TokenSource};
use crate::config::{AuthConfig, RestConfig};
use crate::graph::http::{HttpGraph, TokenProvider, WaitListener};
use crate::graph::{GraphClient, Transport};

thread_local! {
    /// The session's token source, for the sign-in / sign-out controls.
    static CURRENT: RefCell<Option<TokenSource>> = const { RefCell::new(None) };
}

// ── The client ──────────────────────────────────────────────────────────────────────────────────────────────

/// The REST client: HTTP transport on the configured base URL, announcing throttling waits in `throttling`
/// (requests waiting now, last announced wait in seconds).
pub fn client(rest: &RestConfig, throttling: RwSignal<(u32, u32)>) -> GraphClient {
    let on_wait: WaitListener = Arc::new(move |secs: Option<u32>| {
        throttling.update(|(count, last)| match secs {
            Some(s) => {
                *count += 1;
                *last = s;
            }
            None => *count = count.saturating_sub(1),
        })
    });
    GraphClient::new(Transport::Http(Arc::new(HttpGraph::new(&rest.api_base_url, token_provider(), Some(on_wait)))))
}

// ── Sign-in ─────────────────────────────────────────────────────────────────────────────────────────────────

impl TokenProvider for TokenSource {
    fn token(&self) -> Pin<Box<dyn Future<Output = Result<Option<String>, String>> + '_>> {
        Box::pin(async move { TokenSource::token(self).await.map_err(|e| e.message) })
    }

    fn unauthorized<'a>(&'a self, sent_token: Option<&'a str>) -> Pin<Box<dyn Future<Output = bool> + 'a>> {
        Box::pin(async move {
            match sent_token {
                Some(token) => self.unauthorized_with(token).await,
                None => TokenSource::unauthorized(self).await,
            }
        })
    }

    fn accepted(&self) {
        TokenSource::accepted(self)
    }
}

/// Starts the session's sign-in for the configured mode and, for Entra, finishes a sign-in redirect that
/// brought the browser back. Call once at start-up, before the router reads the address bar: finishing
/// the redirect removes the authorization code from it. A failed sign-in is kept in the token source's
/// status (shown by the session control), not returned: the app still starts.
pub async fn start(auth: &AuthConfig) {
    if let Some(source) = new_source(auth) {
        CURRENT.with(|current| *current.borrow_mut() = Some(source.clone()));
        let _ = source.complete_redirect().await;
    }
}

/// The transport's view of the session's token source; `None` when a same-origin proxy authenticates
/// (no token is sent).
fn token_provider() -> Option<Rc<dyn TokenProvider>> {
    session().map(|source| Rc::new(source) as Rc<dyn TokenProvider>)
}

fn new_source(auth: &AuthConfig) -> Option<TokenSource> {
    let mode = match auth {
        AuthConfig::None => return None,
        AuthConfig::HostToken { allowed_origins } => {
            AuthMode::HostToken(HostTokenConfig { allowed_origins: allowed_origins.clone() })
        }
        AuthConfig::Entra { client_id, tenant_id, redirect_uri, scopes } => AuthMode::Entra(EntraConfig {
            client_id: client_id.clone(),
            tenant_id: tenant_id.clone(),
            redirect_uri: redirect_uri.clone(),
            scopes: scopes.clone(),
        }),
    };
    Some(TokenSource::new(mode))
}

/// The session's token source, when the configuration uses one.
pub fn session() -> Option<TokenSource> {
    CURRENT.with(|current| current.borrow().clone())
}
