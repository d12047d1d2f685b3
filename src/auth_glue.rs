//! Connects the configured sign-in (`crate::auth`) to the HTTP transport's token seam.

use std::rc::Rc;

use crate::auth::{AuthMode, EntraConfig, HostTokenConfig, TokenSource};
use crate::config::AuthConfig;
use crate::graph::http::TokenProvider;

thread_local! {
    /// The session's token source, for the sign-in / sign-out controls.
    static CURRENT: std::cell::RefCell<Option<TokenSource>> = const { std::cell::RefCell::new(None) };
}

impl TokenProvider for TokenSource {
    fn token(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Option<String>, String>> + '_>> {
        Box::pin(async move { TokenSource::token(self).await.map_err(|e| e.message) })
    }

    fn unauthorized(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool> + '_>> {
        Box::pin(TokenSource::unauthorized(self))
    }
}

/// `None` when a same-origin proxy authenticates (no token is sent).
pub fn token_provider(auth: &AuthConfig) -> Option<Rc<dyn TokenProvider>> {
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
    let source = TokenSource::new(mode);
    CURRENT.with(|current| *current.borrow_mut() = Some(source.clone()));
    Some(Rc::new(source))
}

/// The session's token source, when the configuration uses one.
pub fn current() -> Option<TokenSource> {
    CURRENT.with(|current| current.borrow().clone())
}
